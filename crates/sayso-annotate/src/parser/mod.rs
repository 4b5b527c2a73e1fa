//! Dependency parsing.
//!
//! [`ArcEagerParser`] is a greedy arc-eager transition parser with an averaged-perceptron
//! transition classifier and a separate relation classifier, over hashed features of the
//! stack, the buffer and the partial tree (`dependency-parser.bin`, rebuilt by
//! `sayso train parser`). It reads the part-of-speech tags of `doc.upos`.

pub mod arc_eager;

pub use arc_eager::ArcEagerParser;

use sayso_document::Document;

/// Fills `doc.heads` and `doc.deprels`, sentence by sentence; needs `doc.upos`.
pub trait Parser {
    fn parse(&self, doc: &mut Document);
}
