//! Stage 5 of the pipeline: attributions.
//!
//! - [`quotes`] pairs quotation marks into quotations (nested, multi-paragraph, unbalanced) and
//!   tells speech from scare quotes and titles;
//! - [`cues`] is the cue lexicon learned from PolNeAR ("said", "told", "according to", ...);
//! - [`direct`] attributes each quotation to its cue and source mention, continuing earlier
//!   speakers where a quotation has no cue of its own;
//! - [`reported`] finds reported speech from the dependency tree with rules;
//! - [`roles`] is the learned attribution model: it tags sources, cues and contents with the
//!   rules' output among its features, and groups them into the final attributions.

pub mod cues;
pub mod direct;
pub mod quotes;
pub mod reported;
pub mod roles;

pub use cues::CueLexicon;
pub use direct::DirectQuoteAttributor;
pub use quotes::{QuoteFinder, QuotePairer};
pub use reported::ReportedSpeechAttributor;
pub use roles::{LearnedAttributor, RoleTagger};

use sayso_document::Document;

/// Adds attributions to a tokenized, sentence-split and tagged document.
pub trait Attributor {
    fn attribute(&self, doc: &mut Document);
}
