//! A who-said-what table for reading in a terminal.

use crate::output_attributions;
use sayso_document::{Document, Span};
use std::io::Write;

const CONTENT_WIDTH: usize = 60;
const SOURCE_WIDTH: usize = 22;
const CUE_WIDTH: usize = 14;
const TO_WIDTH: usize = 18;

/// Writes the table of one document.
pub fn write_table(
    out: &mut impl Write,
    doc: &Document,
    split_continuations: bool,
) -> std::io::Result<()> {
    let rows = output_attributions(doc, split_continuations);
    let date = doc
        .date
        .as_deref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    writeln!(
        out,
        "== {}{} — {} attribution{}",
        doc.id,
        date,
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )?;
    if rows.is_empty() {
        return writeln!(out);
    }
    writeln!(
        out,
        "{:>3}  {:<8}  {:<SOURCE_WIDTH$}  {:<CUE_WIDTH$}  {:<TO_WIDTH$}  content",
        "#", "kind", "who", "cue", "to whom / where"
    )?;
    for (i, row) in rows.iter().enumerate() {
        let a = row.attribution;
        let (who, cue, to) = match row.continues {
            Some(head) => (
                format!("↳ continues #{}", head + 1),
                String::new(),
                String::new(),
            ),
            None => {
                let mention = join(doc, &a.source);
                let who = match (&a.speaker, mention.is_empty()) {
                    (Some(s), _) => s.clone(),
                    (None, true) => "(unknown)".to_string(),
                    (None, false) => mention,
                };
                // The addressee, else where it was said.
                let to = if a.addressee.is_empty() {
                    a.venue
                        .map(|v| one_line(doc.slice(v.span)))
                        .unwrap_or_default()
                } else {
                    join(doc, &a.addressee)
                };
                (who, join(doc, &a.cue), to)
            }
        };
        let content = row
            .content()
            .iter()
            .map(|s| one_line(doc.slice(*s)))
            .collect::<Vec<_>>()
            .join(" … ");
        writeln!(
            out,
            "{:>3}  {:<8}  {:<SOURCE_WIDTH$}  {:<CUE_WIDTH$}  {:<TO_WIDTH$}  {}",
            i + 1,
            a.kind.as_str(),
            clip(&who, SOURCE_WIDTH),
            clip(&cue, CUE_WIDTH),
            clip(&to, TO_WIDTH),
            clip(&content, CONTENT_WIDTH)
        )?;
    }
    writeln!(out)
}

fn join(doc: &Document, spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| one_line(doc.slice(*s)))
        .collect::<Vec<_>>()
        .join(" … ")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts `s` to `width` characters, marking the cut with an ellipsis.
fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn rows_show_mention_cue_and_continuations() {
        let d = crate::sample_document();
        let mut buf = Vec::new();
        write_table(&mut buf, &d, true).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(s.starts_with("== d1 — 2 attributions\n"), "{s}");
        assert!(
            s.contains(
                "  1  direct    Ann                     said                                \
                 “Hi,”\n"
            ),
            "{s}"
        );
        assert!(
            s.contains(
                "  2  direct    ↳ continues #1                                              \
                 “Bye.”\n"
            ),
            "{s}"
        );
    }

    #[test]
    fn clip_marks_the_cut() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }
}
