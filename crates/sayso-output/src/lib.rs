//! The last stage: writing what was found.
//!
//! - [`jsonl`]: one JSON object a document (the stable machine format);
//! - [`table`]: a who-said-what view for a terminal;
//! - [`brat`]: BRAT standoff `.ann` files, so annotators can correct the output;
//! - [`conllu`]: the linguistic layers as CoNLL-U, to inspect what the attribution stages saw.

pub mod brat;
pub mod conllu;
pub mod jsonl;
pub mod parquet;
pub mod table;

use sayso_document::{Attribution, Document};

/// Attributions as they are written: with continuation pieces kept inside the attribution they
/// continue (PolNeAR's convention, the default), or split into attributions of their own with
/// no cue and no source mention.
pub fn output_attributions(
    doc: &Document,
    split_continuations: bool,
) -> Vec<OutputAttribution<'_>> {
    let mut out = Vec::with_capacity(doc.attributions.len());
    for a in &doc.attributions {
        match a.continuation_from.filter(|_| split_continuations) {
            Some(from) if from < a.content.len() => {
                let head = out.len();
                out.push(OutputAttribution {
                    attribution: a,
                    content_range: 0..from,
                    continues: None,
                });
                for k in from..a.content.len() {
                    out.push(OutputAttribution {
                        attribution: a,
                        content_range: k..k + 1,
                        continues: Some(head),
                    });
                }
            }
            _ => out.push(OutputAttribution {
                attribution: a,
                content_range: 0..a.content.len(),
                continues: None,
            }),
        }
    }
    out
}

/// One attribution as written.
pub struct OutputAttribution<'a> {
    pub attribution: &'a Attribution,
    /// Which content spans it has.
    pub content_range: std::ops::Range<usize>,
    /// For a split-off continuation: the index of the attribution it continues (its cue and
    /// source mention are that one's).
    pub continues: Option<usize>,
}

impl OutputAttribution<'_> {
    pub fn content(&self) -> &[sayso_document::Span] {
        &self.attribution.content[self.content_range.clone()]
    }

    pub fn is_continuation(&self) -> bool {
        self.continues.is_some()
    }
}

/// The document the format tests share: one quotation with a continuation.
#[cfg(test)]
pub(crate) fn sample_document() -> Document {
    use sayso_document::{AttributionKind, Span};
    let mut d = Document::new("d1", "“Hi,” Ann said. “Bye.”").unwrap();
    d.attributions.push(Attribution {
        kind: AttributionKind::Direct,
        content: vec![Span::new(0, 5), Span::new(16, 22)],
        cue: vec![Span::new(10, 14)],
        source: vec![Span::new(6, 9)],
        speaker: None,
        confidence: 0.9,
        continuation_from: Some(1),
        ..Default::default()
    });
    d
}
