//! BRAT standoff annotations of a document's attributions, in PolNeAR's scheme (text-bound
//! `Source`, `Cue`, `Content` and an `Attribution` trigger on the cue; one event each), so that
//! output opens in BRAT-compatible tools next to its text.

use sayso_document::{Document, Span};
use std::fmt::Write;

/// The `.ann` text for `doc` (offsets in code points, as BRAT counts them).
pub fn ann(doc: &Document) -> String {
    let mut out = String::new();
    let mut next_t = 1;
    for (e, a) in doc.attributions.iter().enumerate() {
        let mut args = Vec::new();
        let mut textbound = |label: &str, spans: &[Span]| -> Option<String> {
            if spans.is_empty() {
                return None;
            }
            let id = format!("T{next_t}");
            next_t += 1;
            let offsets = spans
                .iter()
                .map(|s| format!("{} {}", s.start, s.end))
                .collect::<Vec<_>>()
                .join(";");
            let text = spans
                .iter()
                .map(|s| doc.slice(*s).replace(['\n', '\r', '\t'], " "))
                .collect::<Vec<_>>()
                .join(" ");
            let _ = writeln!(out, "{id}\t{label} {offsets}\t{text}");
            Some(id)
        };
        if let Some(t) = textbound("Source", &a.source) {
            args.push(format!("Source:{t}"));
        }
        if let Some(t) = textbound("Cue", &a.cue) {
            args.push(format!("Cue:{t}"));
        }
        if let Some(t) = textbound("Content", &a.content) {
            args.push(format!("Content:{t}"));
        }
        let event_type = if a.source.is_empty() {
            "Attribution-no-source"
        } else {
            "Attribution"
        };
        let trigger_spans = if a.cue.is_empty() {
            &a.content[..a.content.len().min(1)]
        } else {
            &a.cue[..]
        };
        let Some(trigger) = textbound(event_type, trigger_spans) else {
            continue;
        };
        let _ = writeln!(out, "E{}\t{event_type}:{trigger} {}", e + 1, args.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn events_in_polnear_scheme() {
        let d = crate::sample_document();
        assert_eq!(
            ann(&d),
            "T1\tSource 6 9\tAnn\nT2\tCue 10 14\tsaid\nT3\tContent 0 5;16 22\t“Hi,” “Bye.”\n\
             T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
        );
    }
}
