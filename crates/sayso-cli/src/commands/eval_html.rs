//! `sayso eval-html`: the HTML stage on the main-text extraction benchmark.

use anyhow::{bail, Context, Result};
use clap::Args;
use sayso_eval::html::SnippetCounts;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Args)]
pub struct EvalHtmlArgs {
    /// The benchmark folder (evaldata.json and pages/).
    #[arg(long, default_value = "../shared/data/html-extraction")]
    data: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
    /// Print each page whose output misses a must-have or holds a must-not-have snippet.
    #[arg(long)]
    errors: bool,
    /// Quality gate: a JSON file {"f1": X, "tolerance": T}; exit 1 when F1 falls more than T
    /// below X.
    #[arg(long)]
    gate: Option<PathBuf>,
}

pub fn run(args: EvalHtmlArgs) -> Result<ExitCode> {
    let index = args.data.join("evaldata.json");
    if !index.exists() {
        bail!(
            "{} is missing (the HTML benchmark lives in ../shared/data/html-extraction next to a checkout)",
            index.display()
        );
    }
    let eval: Value = serde_json::from_slice(
        &std::fs::read(&index).with_context(|| format!("reading {}", index.display()))?,
    )
    .with_context(|| format!("parsing {}", index.display()))?;
    let entries = eval.as_object().context("evaldata.json is not an object")?;
    let mut pages = Vec::with_capacity(entries.len());
    for (url, item) in entries {
        let file = item["file"].as_str().context("an entry without \"file\"")?;
        let path = args.data.join("pages").join(file);
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        pages.push((url, item, bytes));
    }
    let mut counts = SnippetCounts::default();
    let (mut titles, mut titled, mut dates, mut dated) = (0, 0, 0, 0);
    let mut elapsed = Duration::ZERO;
    let mut megabytes = 0.0;
    for (url, item, bytes) in &pages {
        let start = Instant::now();
        let article = sayso_html::read_article(bytes, Some(url), None);
        elapsed += start.elapsed();
        megabytes += bytes.len() as f64 / 1e6;
        let with = strings(&item["with"]);
        let without = strings(&item["without"]);
        let before = counts;
        counts.add_page(&article.text, &with, &without);
        if args.errors
            && (counts.false_negatives > before.false_negatives
                || counts.false_positives > before.false_positives)
        {
            let missed: Vec<_> = with
                .iter()
                .filter(|s| !article.text.contains(s.as_str()))
                .collect();
            let leaked: Vec<_> = without
                .iter()
                .filter(|s| article.text.contains(s.as_str()))
                .collect();
            println!(
                "{} {url}\n  missed: {missed:?}\n  leaked: {leaked:?}",
                item["file"]
            );
        }
        if let Some(gold) = item["title"].as_str().filter(|t| !t.is_empty()) {
            titled += 1;
            titles += (article.title.as_deref().map(str::trim) == Some(gold.trim())) as usize;
        }
        if let Some(gold) = item["date"].as_str().filter(|d| !d.is_empty()) {
            dated += 1;
            dates += (article.date.as_deref() == Some(gold)) as usize;
        }
    }
    let pages_per_second = pages.len() as f64 / elapsed.as_secs_f64();
    let report = json!({
        "pages": pages.len(),
        "precision": counts.precision(),
        "recall": counts.recall(),
        "f1": counts.f1(),
        "counts": counts,
        "title_accuracy": sayso_eval::percent(titles, titled),
        "date_accuracy": sayso_eval::percent(dates, dated),
        "pages_per_second": pages_per_second,
        "megabytes_per_second": megabytes / elapsed.as_secs_f64(),
    });
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "main text ({} pages): precision {:.3} recall {:.3} F1 {:.3}\n\
             title exact {:.1}% of {titled}, date exact {:.1}% of {dated}\n\
             speed (one core, decode + parse + extract): {pages_per_second:.0} pages/s, {:.1} MB/s",
            pages.len(),
            counts.precision(),
            counts.recall(),
            counts.f1(),
            sayso_eval::percent(titles, titled),
            sayso_eval::percent(dates, dated),
            megabytes / elapsed.as_secs_f64(),
        );
    }
    if let Some(gate) = &args.gate {
        let gate: Value = serde_json::from_slice(
            &std::fs::read(gate).with_context(|| format!("reading {}", gate.display()))?,
        )?;
        let floor = gate["f1"].as_f64().context("gate without \"f1\"")?
            - gate["tolerance"].as_f64().unwrap_or(0.0);
        if counts.f1() < floor {
            eprintln!(
                "sayso: quality gate failed: F1 {:.3} < {floor:.3}",
                counts.f1()
            );
            return Ok(ExitCode::from(1));
        }
        eprintln!(
            "sayso: quality gate passed: F1 {:.3} >= {floor:.3}",
            counts.f1()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
