//! Stage 3 of the pipeline: linguistic annotation of tokens: part-of-speech tags and
//! dependency trees, with the averaged perceptron they are learned with.

pub mod parser;
pub mod perceptron;
pub mod tagger;

pub use parser::{ArcEagerParser, Parser};
pub use perceptron::ModelError;
pub use tagger::{LexiconTagger, PerceptronTagger, Tagger};
