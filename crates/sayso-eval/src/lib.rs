//! Evaluation: how well sayso does, measured the way the reference scorer
//! (`../shared/eval/score.py`) measures it.
//!
//! - [`article`]: PolNeAR article-level protocol (one-to-one greedy matching by content
//!   token-Jaccard), ported from the reference scorer and checked against it;
//! - [`cofenet`]: the CofeNet protocol (sentence-level BIO spans per role), ported from the
//!   reference scorer's protocol A;
//! - [`coreference`]: MUC, B-cubed and CEAF-e;
//! - [`html`]: main-text extraction from web pages (must-have / must-not-have snippets);
//! - [`mentions`]: person-mention detection on GUM's entity layer;
//! - [`speakers`]: resolved-speaker accuracy against a gold speaker layer;
//! - [`sentences`]: sentence-boundary precision, recall and F1 on UD treebanks;
//! - [`tagging`]: part-of-speech accuracy on UD treebanks;
//! - [`parsing`]: dependency attachment scores on UD treebanks.

pub mod article;
pub mod cofenet;
pub mod coreference;
pub mod html;
pub mod mentions;
pub mod parsing;
pub mod sentences;
pub mod speakers;
pub mod tagging;

/// `n` out of `d` as a percentage (0 when `d` is 0).
pub fn percent(n: usize, d: usize) -> f64 {
    if d > 0 {
        100.0 * n as f64 / d as f64
    } else {
        0.0
    }
}
