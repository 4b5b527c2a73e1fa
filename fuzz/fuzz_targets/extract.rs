//! Any text through the whole pipeline (reported speech and entities included) and every output
//! format: no panic, every span inside the text and on character boundaries, every entity id
//! an entity's.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::{Document, Pipeline};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut doc = Document::new("fuzz", text).expect("fuzz inputs are small");
    // The whole pipeline, parser and reported speech included, over any language (most fuzz
    // inputs look like no English, and the pipeline would leave them out).
    Pipeline::with_reported_speech()
        .for_all_languages()
        .process(&mut doc);
    let n = doc.char_len();
    for a in &doc.attributions {
        let venue = a.venue.map(|v| v.span);
        for s in a.content.iter().chain(&a.cue).chain(&a.source).chain(&a.addressee).chain(&venue) {
            assert!(s.start < s.end && s.end <= n);
            let _ = doc.slice(*s);
        }
        for e in a.speaker_entity.iter().chain(&a.addressee_entity) {
            assert!(*e < doc.entities.len());
        }
    }
    for e in &doc.entities {
        for s in &e.mentions {
            assert!(s.start < s.end && s.end <= n);
        }
    }
    let mut out = Vec::new();
    sayso_output::jsonl::write_record(&mut out, &doc, true).unwrap();
    sayso_output::table::write_table(&mut out, &doc, false).unwrap();
    let _ = sayso_output::brat::ann(&doc);
});
