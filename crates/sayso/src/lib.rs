//! sayso: who said what, to whom, and when.
//!
//! The [`Pipeline`] runs the stages over a [`Document`] in order, each adding its layer with
//! code-point spans into the original text:
//!
//! 1. input readers ([`sayso_readers`]) make documents from files, JSONL records or stdin;
//! 2. the document ([`sayso_document`]) holds text, offsets and paragraphs;
//! 3. tokens and sentences ([`sayso_text`]);
//! 4. part-of-speech tags ([`sayso_annotate`]);
//! 5. quotations and attributions ([`sayso_attribution`]).

pub use sayso_annotate as annotate;
pub use sayso_attribution as attribution;
pub use sayso_document as document;
pub use sayso_readers as readers;
pub use sayso_text as text;

pub use sayso_document::{Attribution, AttributionKind, Document, Span};

use sayso_annotate::{LexiconTagger, Tagger};
use sayso_attribution::{Attributor, DirectQuoteAttributor, QuoteFinder, QuotePairer};
use sayso_text::{NewsTokenizer, RuleSentenceSplitter, SentenceSplitter, Tokenizer};

/// The stages, in the order they run.
pub struct Pipeline {
    tokenizer: NewsTokenizer,
    splitter: RuleSentenceSplitter,
    tagger: &'static LexiconTagger,
    quotes: QuotePairer,
    attributor: DirectQuoteAttributor,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline {
            tokenizer: NewsTokenizer,
            splitter: RuleSentenceSplitter,
            tagger: LexiconTagger::bundled(),
            quotes: QuotePairer,
            attributor: DirectQuoteAttributor::default(),
        }
    }
}

impl Pipeline {
    pub fn new() -> Self {
        Pipeline::default()
    }

    /// The names of the stages, in order.
    pub fn stage_names(&self) -> [&'static str; 5] {
        ["tokenizer", "sentences", "tagger", "quotes", "attributions"]
    }

    /// Runs every stage over `doc`.
    pub fn process(&self, doc: &mut Document) {
        self.tokenizer.tokenize(doc);
        self.splitter.split(doc);
        self.tagger.tag(doc);
        self.quotes.find_quotes(doc);
        self.attributor.attribute(doc);
    }

    /// Only tokens and sentences (the baseline the benchmark compares with).
    pub fn segment(&self, doc: &mut Document) {
        self.tokenizer.tokenize(doc);
        self.splitter.split(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check_spans(doc: &Document) -> Result<(), TestCaseError> {
        let n = doc.char_len();
        for a in &doc.attributions {
            for role in [&a.content, &a.cue, &a.source] {
                let mut prev = 0;
                for s in role {
                    prop_assert!(
                        s.start < s.end && s.end <= n,
                        "span {:?} outside 0..{}",
                        s,
                        n
                    );
                    prop_assert!(s.start >= prev, "spans out of order");
                    prev = s.end;
                    // On character boundaries by construction: slicing must not panic.
                    let _ = doc.slice(*s);
                }
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn spans_inside_ordered_for_any_text(text in "\\PC{0,400}") {
            let mut doc = Document::new("p", text).unwrap();
            Pipeline::new().process(&mut doc);
            check_spans(&doc)?;
        }

        #[test]
        fn spans_inside_ordered_for_quote_heavy_text(
            text in "([A-Z][a-z]{0,6}|[a-z]{1,7}|said|told|according to|“|”|\"|‘|’|'|, |\\. |: |\n\n| ){0,120}"
        ) {
            let mut doc = Document::new("p", text).unwrap();
            Pipeline::new().process(&mut doc);
            check_spans(&doc)?;
        }
    }
}
