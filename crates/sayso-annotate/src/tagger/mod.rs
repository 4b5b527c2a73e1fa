//! Part-of-speech tagging.
//!
//! [`PerceptronTagger`] tags each sentence left to right with an averaged perceptron trained on
//! the UD treebanks (`upos-perceptron.bin`, rebuilt by `sayso train tagger`). The attribution
//! stages use the tags to find noun phrases, verbs and cues; the parser builds on them.

pub mod perceptron;

pub use perceptron::PerceptronTagger;

use sayso_document::Document;

/// Fills `doc.upos`, one tag per token.
pub trait Tagger {
    fn tag(&self, doc: &mut Document);
}
