//! Scores candidate main-text extraction crates on the HTML benchmark the way trafilatura's
//! evaluation does (snippet containment), with pages/s on one core. Usage:
//! `cargo run --release -- ../../../shared/data/html-extraction`.

use std::time::{Duration, Instant};

type Extractor = fn(&str, &str) -> String;

/// Parsing alone, to see what is left for extraction within a pages/s budget.
fn html5ever_parse_only(html: &str, _url: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    doc.tree.nodes().count().to_string()
}

fn dom_smoothie(html: &str, url: &str) -> String {
    dom_smoothie::Readability::new(html, Some(url), None)
        .and_then(|mut r| r.parse())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

fn trafilatura(html: &str, _url: &str) -> String {
    trafilatura::extract(html, &trafilatura::Options::default())
        .map(|r| r.content_text)
        .unwrap_or_default()
}

fn rs_trafilatura(html: &str, _url: &str) -> String {
    rs_trafilatura::extract(html)
        .map(|r| r.content_text)
        .unwrap_or_default()
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: html-candidates DATA_DIR");
    let eval: serde_json::Value =
        serde_json::from_slice(&std::fs::read(format!("{dir}/evaldata.json")).unwrap()).unwrap();
    let pages: Vec<(String, String, &serde_json::Value)> = eval
        .as_object()
        .unwrap()
        .iter()
        .map(|(url, item)| {
            let bytes = std::fs::read(format!("{dir}/pages/{}", item["file"].as_str().unwrap())).unwrap();
            let (text, _, _) = encoding_rs::UTF_8.decode(&bytes);
            (url.clone(), text.into_owned(), item)
        })
        .collect();
    let candidates: [(&str, Extractor); 4] = [
        ("(html5ever parse only, via scraper)", html5ever_parse_only),
        ("dom_smoothie", dom_smoothie),
        ("trafilatura", trafilatura),
        ("rs-trafilatura", rs_trafilatura),
    ];
    println!("| crate | precision | recall | F1 | pages/s |\n|---|---|---|---|---|");
    for (name, extract) in candidates {
        let (mut tp, mut fn_, mut fp, mut tn) = (0, 0, 0, 0);
        let mut time = Duration::ZERO;
        for (url, html, item) in &pages {
            let start = Instant::now();
            let html = html.clone();
            let url = url.clone();
            let text = std::panic::catch_unwind(move || extract(&html, &url)).unwrap_or_default();
            time += start.elapsed();
            for s in item["with"].as_array().unwrap() {
                if text.contains(s.as_str().unwrap()) { tp += 1 } else { fn_ += 1 }
            }
            for s in item["without"].as_array().unwrap() {
                if text.contains(s.as_str().unwrap()) { fp += 1 } else { tn += 1 }
            }
        }
        let _ = tn;
        let p = tp as f64 / (tp + fp) as f64;
        let r = tp as f64 / (tp + fn_) as f64;
        let f = 2.0 * p * r / (p + r);
        println!("| {name} | {p:.3} | {r:.3} | {f:.3} | {:.0} |", pages.len() as f64 / time.as_secs_f64());
    }
}
