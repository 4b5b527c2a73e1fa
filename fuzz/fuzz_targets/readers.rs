//! Arbitrary bytes as a text file, a JSONL stream, a BRAT annotation, a web page and WordNet's
//! index, data and exception files: errors, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::readers::{gold::parse_ann, read_text_document};
use sayso::Document;

fuzz_target!(|data: &[u8]| {
    let _ = read_text_document("fuzz", "fuzz.txt", data.to_vec(), true);
    let _ = sayso_html::read_article(data, None, None);
    if let Ok(text) = std::str::from_utf8(data) {
        let doc = Document::new("fuzz", "A short text of forty characters, or so.").unwrap();
        let _ = parse_ann(text, "fuzz.ann", &doc);
        for line in text.lines() {
            let _ = sayso::readers::parse_record(line, "fuzz.jsonl, line 1", "fuzz:1", &Default::default());
        }
        let half = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let (index, data) = text.split_at(half);
        let _ = sayso::readers::wordnet::parse_senses(index, "index.noun", data, "data.noun");
        let _ = sayso::readers::wordnet::parse_exceptions(index, "verb.exc");
    }
});
