//! Throughput of the pipeline on the PolNeAR dev articles, against a bare tokenizing pass, and
//! on hostile input. `cargo bench -p sayso-cli --bench throughput` prints a table. It runs
//! with the `sayso` command's allocator and its settings (`src/allocator.rs`).
//!
//! The dev texts are read from `../shared/data/polnear/dev/text` (the bench says so and stops
//! when they are missing). Each pass runs over the whole set repeatedly for at least
//! `SECONDS` and the best of three rounds is reported.

use rayon::prelude::*;
use sayso::readers::read_text_document;
use sayso::{Document, Pipeline};
use sayso_output::jsonl::write_record;
use std::path::Path;
use std::time::{Duration, Instant};

const SECONDS: f64 = 2.0;

#[path = "../src/allocator.rs"]
mod allocator;

fn main() {
    allocator::keep_freed_memory();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polnear/dev/text");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "../shared/data/polnear/dev/text is missing next to the checkout: nothing to measure"
        );
        return;
    };
    let mut texts: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("dev texts are UTF-8"))
        .collect();
    texts.sort();
    let bytes: usize = texts.iter().map(String::len).sum();
    let pipeline = Pipeline::new();
    let reported = Pipeline::with_reported_speech();
    println!(
        "PolNeAR dev: {} articles, {:.2} MB; best of 3 rounds of at least {SECONDS} s each\n",
        texts.len(),
        bytes as f64 / 1e6
    );
    println!("| pass | threads | articles/s | MB/s | relative to tokenizing |");
    println!("|---|---:|---:|---:|---:|");
    let one = |t: &String, full: bool| {
        let mut d = Document::new("bench", t.as_str()).expect("small documents");
        if full {
            pipeline.process(&mut d);
        } else {
            pipeline.segment(&mut d);
        }
        d.attributions.len() + d.tokens.len()
    };
    let with_reported = |t: &String| {
        let mut d = Document::new("bench", t.as_str()).expect("small documents");
        reported.process(&mut d);
        d.attributions.len()
    };
    let tokenize = measure(&texts, |ts| ts.iter().map(|t| one(t, false)).sum());
    let full = measure(&texts, |ts| ts.iter().map(|t| one(t, true)).sum());
    let full_par = measure(&texts, |ts| ts.par_iter().map(|t| one(t, true)).sum());
    let reported_one = measure(&texts, |ts| ts.iter().map(with_reported).sum());
    // What `sayso extract --reported` does with each text file: decode the bytes into a
    // document (a leading date line read as its date), run the pipeline, write a JSONL line.
    let mut line = Vec::new();
    let read_and_write = measure(&texts, |ts| {
        ts.iter()
            .map(|t| {
                let mut d = read_text_document("bench", "bench.txt", t.clone().into_bytes(), true)
                    .expect("dev texts read");
                reported.process(&mut d);
                line.clear();
                write_record(&mut line, &d, false).expect("writing to memory");
                line.len()
            })
            .sum()
    });
    let row = |name: &str, threads: usize, per_sec: f64| {
        println!(
            "| {name} | {threads} | {:.0} | {:.1} | {:.2} |",
            per_sec,
            per_sec * bytes as f64 / texts.len() as f64 / 1e6,
            per_sec / tokenize
        );
    };
    row(
        "document + tokens + sentences (bare tokenizing pass)",
        1,
        tokenize,
    );
    row(
        "full pipeline (tokens, sentences, tags, quotes, attributions)",
        1,
        full,
    );
    row("full pipeline", rayon::current_num_threads(), full_par);
    row(
        "full pipeline with reported speech (parser, --reported)",
        1,
        reported_one,
    );
    row(
        "read a text file, --reported, write a JSONL line",
        1,
        read_and_write,
    );

    println!("\nHostile input (one document each; --reported left out on the 50 MB line):\n");
    println!("| input | size | seconds | attributions | seconds, --reported | attributions, --reported |");
    println!("|---|---:|---:|---:|---:|---:|");
    let hostile: Vec<(&str, String)> = vec![
        (
            "one 50 MB line of words",
            "lorem ipsum dolor, sit amet ".repeat(50_000_000 / 28),
        ),
        (
            "one 5 MB line of words",
            "lorem ipsum dolor, sit amet ".repeat(5_000_000 / 28),
        ),
        ("100,000 unbalanced quote marks", "\"a ".repeat(100_000)),
        (
            "100,000 mixed quote marks and cues",
            "“x” said ‘y’ he \" « told ".repeat(100_000 / 5),
        ),
        (
            "a sentence of 500 commas",
            format!("He said{}.", ", and".repeat(500)),
        ),
        (
            "a sentence of 5,000 tokens, cues in it",
            format!("{}.", "officials said that the ".repeat(1_250)),
        ),
        ("a table of numbers", "12 4.5 -3 1,200 7%\n".repeat(20_000)),
        (
            "all capitals",
            "THE MAYOR SAID THAT THE BRIDGE WOULD REOPEN, AIDES TOLD REPORTERS. ".repeat(2_000),
        ),
        (
            "German",
            "Der Bürgermeister sagte, dass die Brücke im Mai wieder öffnet. ".repeat(2_000),
        ),
        ("a headline of 5,000 names", headline_of_names(5_000)),
        (
            "one pronoun 100,000 times, then a cue",
            format!("{}said so.", "he ".repeat(100_000)),
        ),
        (
            "5,000 names in capitals, each with a cue",
            (0..5_000)
                .map(|k| format!("SENATOR {} SAID NO. ", letters(k).to_uppercase()))
                .collect(),
        ),
    ];
    for (name, text) in hostile {
        let run = |p: &Pipeline| {
            let start = Instant::now();
            let mut d = Document::new("hostile", text.as_str()).expect("under the size limit");
            p.process(&mut d);
            (start.elapsed().as_secs_f64(), d.attributions.len())
        };
        let (seconds, found) = run(&pipeline);
        let with_reported = if text.len() > 10_000_000 {
            "- | -".to_string()
        } else {
            let (s, n) = run(&reported);
            format!("{s:.2} | {n}")
        };
        println!(
            "| {name} | {:.1} MB | {seconds:.2} | {found} | {with_reported} |",
            text.len() as f64 / 1e6,
        );
    }
    println!("\npeak RSS: {}", peak_rss());
}

/// A word of letters for `k` ("Baab"): names the tagger has not seen.
fn letters(k: usize) -> String {
    let mut word = String::from("B");
    let mut k = k;
    for _ in 0..3 {
        word.push((b'a' + (k % 26) as u8) as char);
        k /= 26;
    }
    word
}

/// One title-case line of `n` two-word names and a sentence naming one of them.
fn headline_of_names(n: usize) -> String {
    let names: Vec<String> = (0..n)
        .map(|k| format!("{} {}son", letters(k), letters(k + 7)))
        .collect();
    format!(
        "Meeting Of {} Today\n\n{} said \"we will win\" at the meeting.",
        names.join(", "),
        names[0]
    )
}

/// Articles per second of `pass` over `texts`: best of three rounds.
fn measure(texts: &[String], mut pass: impl FnMut(&[String]) -> usize) -> f64 {
    let mut best = 0f64;
    for _ in 0..3 {
        let start = Instant::now();
        let mut n = 0usize;
        let mut sink = 0usize;
        while start.elapsed() < Duration::from_secs_f64(SECONDS) {
            sink = sink.wrapping_add(pass(texts));
            n += texts.len();
        }
        std::hint::black_box(sink);
        best = best.max(n as f64 / start.elapsed().as_secs_f64());
    }
    best
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
