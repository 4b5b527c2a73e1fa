//! `sayso eval` and `sayso eval-sentences`.

use anyhow::{bail, Context, Result};
use clap::Args;
use sayso::readers::{conllu::read_conllu, gold::read_gold};
use sayso::{Document, Pipeline};
use sayso_eval::article::{score, Predicted};
use serde_json::Value;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct EvalArgs {
    /// Gold annotations: a BRAT folder (PolNeAR's split folder or .txt + .ann files) or
    /// annotated JSONL (PolNeAR's jsonl/dev.jsonl).
    #[arg(long)]
    gold: PathBuf,
    /// Predictions JSONL to score; without it, sayso extracts from the gold texts itself.
    #[arg(long)]
    pred: Option<PathBuf>,
    /// Write the predictions sayso made to this file (JSONL), e.g. for the reference scorer.
    #[arg(long)]
    write_pred: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
    /// Extract reported speech too (as `sayso extract --reported`).
    #[arg(long)]
    reported: bool,
    /// Also score with the CofeNet protocol on this sentence-level conversion of the gold
    /// (PolNeAR's `cofenet_dev.txt`), as the reference scorer's `--cofenet`.
    #[arg(long)]
    cofenet: Option<PathBuf>,
    /// Also score resolved speakers against this gold speaker layer
    /// (quality/polnear-dev-speakers.tsv).
    #[arg(long)]
    speakers: Option<PathBuf>,
    /// Content Jaccard needed for a match.
    #[arg(long, default_value_t = 0.5)]
    threshold: f64,
    /// Quality gate: a JSON file {"article_f1": X, "tolerance": T}; exit 1 when the
    /// attribution F1 falls more than T below X.
    #[arg(long)]
    gate: Option<PathBuf>,
    /// Write each attribution the article protocol did not count right to this JSONL file
    /// (missed, near miss with how its boundaries differ, merged, spurious, wrong source or
    /// cue; with the gold and predicted words), and with --speakers each wrong speaker, and
    /// print how many of each.
    #[arg(long)]
    errors: Option<PathBuf>,
}

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    if !args.gold.exists() {
        bail!(
            "{} is missing (the gold data lives in ../shared/data/polnear next to a checkout)",
            args.gold.display()
        );
    }
    let mut gold = Vec::new();
    for r in read_gold(&args.gold) {
        gold.push(r.context("reading gold")?);
    }
    let predictions = match &args.pred {
        Some(p) => read_predictions(p, &gold)?,
        None => extract(&gold, args.write_pred.as_deref(), args.reported)?,
    };
    let scores = score(&gold, &predictions, args.threshold);
    let cofenet = match &args.cofenet {
        Some(path) => {
            let instances = sayso_eval::cofenet::read_instances(path)?;
            Some(sayso_eval::cofenet::score(&instances, &gold, &predictions))
        }
        None => None,
    };
    let speakers = match &args.speakers {
        Some(path) => {
            let tsv = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let ids: Vec<&str> = gold.iter().map(|d| d.id.as_str()).collect();
            let gold = sayso_eval::speakers::parse(&tsv, &ids)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            Some(sayso_eval::speakers::score(&gold, &predictions))
        }
        None => None,
    };
    if let Some(path) = &args.errors {
        let speaker_errors = speakers.as_ref().map_or(&[][..], |s| &s.errors[..]);
        write_errors(path, &scores.errors, speaker_errors, &gold)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if args.json {
        let json = serde_json::json!({"article": scores, "cofenet": cofenet, "speakers": speakers});
        println!("{}", serde_json::to_string_pretty(&json)?);
    } else {
        print!("{scores}");
        if let Some(c) = &cofenet {
            println!();
            print!("{c}");
        }
        if let Some(s) = &speakers {
            println!(
                "\nresolved speakers: {} gold attributions, {} found; accuracy {:.1} on those found \
                 ({:.1} counting the rest as wrong), {:.1} where the source is a pronoun, a nominal or \
                 missing ({} found)",
                s.gold,
                s.matched,
                s.accuracy_matched,
                s.accuracy_all,
                s.accuracy_matched_not_named,
                s.matched_not_named
            );
        }
    }
    if let Some(gate) = &args.gate {
        let spec: Value = serde_json::from_str(
            &std::fs::read_to_string(gate)
                .with_context(|| format!("reading {}", gate.display()))?,
        )
        .with_context(|| format!("{} is not JSON", gate.display()))?;
        let recorded = spec["article_f1"]
            .as_f64()
            .context("gate file: no number \"article_f1\"")?;
        let tolerance = spec["tolerance"].as_f64().unwrap_or(1.0);
        let f1 = scores.attribution.f1;
        if f1 + tolerance < recorded {
            eprintln!("quality gate FAILED: article-level attribution F1 {f1:.2} is more than {tolerance} below the recorded {recorded:.2}");
            return Ok(ExitCode::from(1));
        }
        eprintln!("quality gate passed: article-level attribution F1 {f1:.2} (recorded {recorded:.2}, tolerance {tolerance})");
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs the pipeline on the gold texts (gold attributions are not shown to it).
fn extract(
    gold: &[Document],
    write_pred: Option<&Path>,
    reported: bool,
) -> Result<HashMap<String, Vec<Predicted>>> {
    use rayon::prelude::*;
    let pipeline = if reported {
        Pipeline::with_reported_speech()
    } else {
        Pipeline::new()
    };
    let docs: Vec<Document> = gold
        .par_iter()
        .map(|g| {
            let mut d = Document::new(g.id.clone(), g.text()).expect("gold documents are valid");
            pipeline.process(&mut d);
            d
        })
        .collect();
    if let Some(p) = write_pred {
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        );
        for d in &docs {
            sayso_output::jsonl::write_record(&mut out, d, false)?;
        }
        out.flush()?;
    }
    Ok(docs
        .into_iter()
        .map(|d| {
            (
                d.id,
                d.attributions
                    .into_iter()
                    .map(|attribution| Predicted {
                        attribution,
                        kind_given: true,
                    })
                    .collect(),
            )
        })
        .collect())
}

/// Reads predictions JSONL; ids are matched to gold ids (a path or `.txt` suffix is stripped).
fn read_predictions(path: &Path, gold: &[Document]) -> Result<HashMap<String, Vec<Predicted>>> {
    let lengths: HashMap<&str, u32> = gold.iter().map(|d| (d.id.as_str(), d.char_len())).collect();
    let data =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = HashMap::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            eprintln!(
                "warning: {}, line {}: not JSON, ignored",
                path.display(),
                i + 1
            );
            continue;
        };
        let Some(mut id) = v.get("id").and_then(Value::as_str).map(str::to_string) else {
            continue;
        };
        if !lengths.contains_key(id.as_str()) {
            let base = id
                .rsplit('/')
                .next()
                .unwrap_or(&id)
                .trim_end_matches(".txt")
                .to_string();
            id = base;
        }
        let Some(&n) = lengths.get(id.as_str()) else {
            continue;
        };
        let attrs = sayso::readers::gold::attributions_from_json(v.get("attributions"), n);
        let given: Vec<bool> = v
            .get("attributions")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter(|x| x.is_object())
                    .map(|x| {
                        matches!(
                            x.get("kind").and_then(Value::as_str),
                            Some("direct" | "mixed" | "indirect")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let preds = attrs
            .into_iter()
            .zip(given)
            .map(|(attribution, kind_given)| Predicted {
                attribution,
                kind_given,
            })
            .collect();
        out.insert(id, preds);
    }
    Ok(out)
}

#[derive(Args)]
pub struct EvalSentencesArgs {
    /// CoNLL-U files (e.g. ../shared/data/ud/en_ewt/en_ewt-ud-test.conllu).
    files: Vec<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn run_sentences(args: EvalSentencesArgs) -> Result<ExitCode> {
    if args.files.is_empty() {
        bail!("name one or more CoNLL-U files");
    }
    let pipeline = Pipeline::new();
    let rows = score_treebanks(&args.files, |sentences| {
        sayso_eval::sentences::evaluate(sentences, |d| pipeline.segment(d))
    })?;
    if args.json {
        print_json_rows(&rows, &[])?;
    } else {
        println!(
            "{:<50} {:>6} {:>7} {:>7} {:>7}",
            "treebank", "docs", "P", "R", "F1"
        );
        for (f, s) in rows {
            let name = file_name(&f);
            println!(
                "{:<50} {:>6} {:>7.2} {:>7.2} {:>7.2}",
                name, s.documents, s.precision, s.recall, s.f1
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// UPOS accuracy of the bundled tagger on treebank files: from gold tokens, and on the raw
/// sentence text through sayso's own tokenizer (a gold token counts as right when a predicted
/// token has its exact span and tag).
pub fn run_tagger(args: EvalSentencesArgs) -> Result<ExitCode> {
    use sayso::annotate::PerceptronTagger;
    if args.files.is_empty() {
        bail!("name one or more CoNLL-U files");
    }
    let rows = score_treebanks(&args.files, |sentences| {
        sayso_eval::tagging::evaluate(sentences, PerceptronTagger::bundled())
    })?;
    if args.json {
        print_json_rows(&rows, &[("tagger", "perceptron")])?;
    } else {
        println!(
            "{:<28} {:>8} {:>13} {:>13}",
            "treebank", "tokens", "gold tokens", "raw text"
        );
        for (f, s) in rows {
            println!(
                "{:<28} {:>8} {:>12.2}% {:>12.2}%",
                file_name(&f),
                s.tokens,
                s.gold_tokens_accuracy,
                s.raw_text_accuracy
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
pub struct EvalMentionsArgs {
    /// CoNLL-U files with GUM's entity layer (e.g. ../shared/data/ud/en_gum/en_gum-ud-dev.conllu).
    files: Vec<PathBuf>,
    #[arg(long)]
    json: bool,
    /// Write each missed and each spurious person mention to this JSONL file (with the
    /// treebank, the document's index and the words around it), for error analysis.
    #[arg(long, value_name = "FILE")]
    errors: Option<PathBuf>,
}

/// Person-mention detection and coreference of the entity stage on GUM's entity layer, from
/// gold tokens.
pub fn run_mentions(args: EvalMentionsArgs) -> Result<ExitCode> {
    use sayso::annotate::{ArcEagerParser, PerceptronTagger};
    if args.files.is_empty() {
        bail!("name one or more CoNLL-U files with an entity layer (GUM)");
    }
    let rows = score_treebanks(&args.files, |sentences| {
        sayso_eval::mentions::evaluate(
            sentences,
            PerceptronTagger::bundled(),
            ArcEagerParser::bundled(),
        )
    })?;
    if let Some(path) = &args.errors {
        write_mention_errors(path, &rows)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if args.json {
        print_json_rows(&rows, &[])?;
    } else {
        println!(
            "{:<28} {:>6} {:>7} {:>7} {:>7} {:>7} | recall: {:>6} {:>9} {:>6} | name kinds: {:>5} {:>6} | coreference F1: {:>5} {:>5} {:>6} {:>5}",
            "treebank", "docs", "gold", "P", "R", "F1", "names", "pronouns", "other", "right", "of", "MUC", "B3", "CEAF-e", "mean"
        );
        for (f, s) in rows {
            let c = &s.coreference;
            println!(
                "{:<28} {:>6} {:>7} {:>7.1} {:>7.1} {:>7.1} |         {:>6.1} {:>9.1} {:>6.1} |             {:>5.1} {:>6} |                 {:>5.1} {:>5.1} {:>6.1} {:>5.1}",
                file_name(&f),
                s.documents,
                s.person.gold,
                s.person.p,
                s.person.r,
                s.person.f1,
                s.recall_names,
                s.recall_pronouns,
                s.recall_other,
                s.name_kind_accuracy,
                s.names_found,
                c.muc.f1,
                c.b_cubed.f1,
                c.ceaf_e.f1,
                c.mean_f1
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Attachment scores of the bundled parser, from gold tokens with predicted and gold tags.
pub fn run_parser(args: EvalSentencesArgs) -> Result<ExitCode> {
    use sayso::annotate::{ArcEagerParser, PerceptronTagger};
    if args.files.is_empty() {
        bail!("name one or more CoNLL-U files");
    }
    let rows = score_treebanks(&args.files, |sentences| {
        sayso_eval::parsing::evaluate(
            sentences,
            PerceptronTagger::bundled(),
            ArcEagerParser::bundled(),
        )
    })?;
    if args.json {
        print_json_rows(&rows, &[])?;
    } else {
        println!(
            "{:<28} {:>8} {:>9} {:>9} {:>14} {:>14}",
            "treebank", "tokens", "UAS", "LAS", "UAS gold tags", "LAS gold tags"
        );
        for (f, s) in rows {
            let name = file_name(&f);
            println!(
                "{:<28} {:>8} {:>9.2} {:>9.2} {:>14.2} {:>14.2}",
                name,
                s.tokens,
                s.uas_predicted_tags,
                s.las_predicted_tags,
                s.uas_gold_tags,
                s.las_gold_tags
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A treebank named on the command line, with a clear message when it is missing.
fn read_treebank(f: &Path) -> Result<Vec<sayso::readers::conllu::Sentence>> {
    if !f.exists() {
        bail!(
            "{} is missing (UD treebanks live in ../shared/data/ud next to a checkout)",
            f.display()
        );
    }
    Ok(read_conllu(f)?)
}

/// One JSON line per attribution error and per wrong speaker (`gold` holds the texts their
/// spans point into); how many of each, and of each near miss's boundaries, to standard error.
fn write_errors(
    path: &Path,
    errors: &[sayso_eval::article::AttributionError],
    speaker_errors: &[sayso_eval::speakers::SpeakerError],
    gold: &[Document],
) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for error in errors {
        serde_json::to_writer(&mut out, error)?;
        out.write_all(b"\n")?;
        *counts.entry(error.error.to_string()).or_default() += 1;
        if let Some(b) = &error.boundary {
            *counts.entry(format!("near miss, {b}")).or_default() += 1;
        }
    }
    let documents: HashMap<&str, &Document> = gold.iter().map(|d| (d.id.as_str(), d)).collect();
    for error in speaker_errors {
        let Some(doc) = documents.get(error.article.as_str()) else {
            continue;
        };
        let line = serde_json::json!({
            "document": error.article,
            "error": "speaker",
            "source_form": error.source_form,
            "gold_speaker": error.gold,
            "predicted_speaker": error.predicted,
            "predicted_source": sayso_eval::article::joined(doc, &error.predicted_source),
            "content": doc.slice(error.content),
        });
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
        *counts
            .entry(format!("speaker, gold source a {}", error.source_form))
            .or_default() += 1;
    }
    out.flush()?;
    eprintln!(
        "{} errors written to {}:",
        errors.len() + speaker_errors.len(),
        path.display()
    );
    for (what, n) in counts {
        eprintln!("  {n:>6}  {what}");
    }
    Ok(())
}

/// One JSON line per mention error, each with its treebank's file name.
fn write_mention_errors(
    path: &Path,
    rows: &[(String, sayso_eval::mentions::MentionScores)],
) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for (file, scores) in rows {
        for error in &scores.errors {
            let mut line = serde_json::to_value(error)?;
            line["treebank"] = Value::from(file_name(file));
            serde_json::to_writer(&mut out, &line)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Scores each named treebank with `score`; rows of (path, scores).
fn score_treebanks<S>(
    files: &[PathBuf],
    score: impl Fn(&[sayso::readers::conllu::Sentence]) -> S,
) -> Result<Vec<(String, S)>> {
    files
        .iter()
        .map(|f| Ok((f.display().to_string(), score(&read_treebank(f)?))))
        .collect()
}

/// Prints treebank rows as a JSON array of `{"file", "scores"}` objects, with `extra` fields.
fn print_json_rows<S: serde::Serialize>(
    rows: &[(String, S)],
    extra: &[(&str, &str)],
) -> Result<()> {
    let mut v = Vec::with_capacity(rows.len());
    for (f, s) in rows {
        let mut row = serde_json::json!({"file": f, "scores": s});
        for (k, x) in extra {
            row[*k] = Value::from(*x);
        }
        v.push(row);
    }
    println!("{}", serde_json::to_string_pretty(&v)?);
    Ok(())
}

/// A path's file name, for table rows.
fn file_name(f: &str) -> String {
    Path::new(f)
        .file_name()
        .map_or(f.to_string(), |n| n.to_string_lossy().into_owned())
}
