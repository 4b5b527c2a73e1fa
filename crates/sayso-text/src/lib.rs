//! Stage 2 of the pipeline: tokens, sentences and language.
//!
//! [`tokens`] cuts the text into tokens that follow Universal Dependencies conventions (clitics
//! and hyphens split, abbreviations kept whole); [`sentences`] groups them into sentences,
//! treating every paragraph break as a sentence break; [`turns`] finds the speaker names that
//! open a transcript's paragraphs; [`language`] says which language the text is in, so that the
//! English models only read English.

pub mod abbreviations;
pub mod inflection;
pub mod language;
pub mod sentences;
pub mod tokens;
pub mod turns;

pub use language::{LanguageIdentifier, NewsLanguageIdentifier};
pub use sentences::{RuleSentenceSplitter, SentenceSplitter};
pub use tokens::{NewsTokenizer, Tokenizer};

/// Tokenizes and splits a document with the default components.
pub fn segment(doc: &mut sayso_document::Document) {
    NewsTokenizer.tokenize(doc);
    RuleSentenceSplitter.split(doc);
}
