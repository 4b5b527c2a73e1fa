//! Any text through the whole pipeline (reported speech included) and every output format: no
//! panic, and every span inside the text and on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::{Document, Pipeline};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut doc = Document::new("fuzz", text).expect("fuzz inputs are small");
    // The whole pipeline, parser and reported speech included.
    Pipeline::with_reported_speech().process(&mut doc);
    let n = doc.char_len();
    for a in &doc.attributions {
        for s in a.content.iter().chain(&a.cue).chain(&a.source) {
            assert!(s.start < s.end && s.end <= n);
            let _ = doc.slice(*s);
        }
    }
    let mut out = Vec::new();
    sayso_output::jsonl::write_record(&mut out, &doc, true).unwrap();
    sayso_output::table::write_table(&mut out, &doc, false).unwrap();
    let _ = sayso_output::brat::ann(&doc);
});
