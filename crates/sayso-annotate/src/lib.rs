//! Stage 3 of the pipeline: linguistic annotation of tokens.

pub mod tagger;

pub use tagger::{LexiconTagger, PerceptronTagger, Tagger};
