//! Stage 3 of the pipeline: linguistic annotation of tokens: part-of-speech tags and
//! dependency trees, with the averaged perceptron they are learned with.

pub mod parser;
pub mod perceptron;
pub mod tagger;

pub use parser::{ArcEagerParser, Parser};
pub use perceptron::ModelError;
pub use tagger::{PerceptronTagger, Tagger};

/// Sentences longer than this many tokens are tagged and parsed in pieces of this size, so that
/// a run-on "sentence" (a table, a 50 MB line) costs linear time and bounded memory.
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// The token ranges the tagger and the parser work on: each sentence, cut into pieces of at
/// most [`MAX_SENTENCE_TOKENS`], and any tokens outside sentences.
pub fn token_chunks(doc: &sayso_document::Document) -> Vec<std::ops::Range<usize>> {
    let mut bounds = Vec::with_capacity(doc.sentences.len() + 1);
    let mut start = 0usize;
    for s in &doc.sentences {
        let end = doc
            .tokens
            .partition_point(|t| t.span.start < s.end)
            .max(start);
        bounds.push(start..end);
        start = end;
    }
    bounds.push(start..doc.tokens.len());
    bounds
        .into_iter()
        .flat_map(|r| {
            (r.start..r.end)
                .step_by(MAX_SENTENCE_TOKENS)
                .map(move |a| a..(a + MAX_SENTENCE_TOKENS).min(r.end))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sentences_are_cut() {
        let mut doc =
            sayso_document::Document::new("d", "word ".repeat(2500) + "\n\nShort one.").unwrap();
        sayso_text::segment(&mut doc);
        let chunks = token_chunks(&doc);
        let sizes: Vec<usize> = chunks.iter().map(|r| r.len()).collect();
        assert_eq!(sizes, [1000, 1000, 500, 3]);
        assert_eq!(chunks.last().unwrap().end, doc.tokens.len());
    }
}
