//! Part-of-speech tagging.
//!
//! [`LexiconTagger`] gives each word its most frequent Universal Dependencies tag in the training
//! treebanks (`upos-lexicon.tsv`, rebuilt by `sayso train lexicon`), and guesses unknown words
//! from their shape. It is what the rule-based attribution stages need to find noun phrases and
//! verbs.

mod lexicon;
pub mod perceptron;
pub mod train;

pub use lexicon::{LexiconError, LexiconTagger};
pub use perceptron::PerceptronTagger;

use sayso_document::Document;

/// Fills `doc.upos`, one tag per token.
pub trait Tagger {
    fn tag(&self, doc: &mut Document);
}
