//! Dependency parsing.
//!
//! [`Children`] indexes the dependents of each token of a tree.
//!
//! [`ArcEagerParser`] is a greedy arc-eager transition parser with averaged-perceptron
//! classifiers over hashed features: of the transition (the stack, the buffer and the partial
//! tree), of each arc's coarse role as it is made, and of each relation once the tree is whole (`dependency-parser.bin`, rebuilt by
//! `sayso train parser`). It reads the part-of-speech tags of `doc.upos`.

pub mod arc_eager;
pub mod children;

pub use arc_eager::ArcEagerParser;
pub use children::Children;

use sayso_document::Document;
use std::ops::Range;

/// Fills `doc.heads` and `doc.deprels`, sentence by sentence; needs `doc.upos`.
pub trait Parser {
    fn parse(&self, doc: &mut Document) {
        self.parse_where(doc, &|_, _| true);
    }

    /// Parses only the sentences (token ranges) `keep` picks; the others' tokens get no head
    /// and the relation [`UNPARSED`].
    fn parse_where(&self, doc: &mut Document, keep: &dyn Fn(&Document, Range<usize>) -> bool);
}

/// The relation of a token in a sentence left unparsed.
pub const UNPARSED: &str = "_";
