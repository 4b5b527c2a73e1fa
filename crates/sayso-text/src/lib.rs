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

/// A word as the lexicons key it: lowercased, with the typographic apostrophe as "'" ("Trump’s"
/// -> "trump's"). Borrowed when the word is that already, as most words are: the stages ask it
/// of every token, some more than once.
pub fn lexicon_key(word: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = if word.is_ascii() {
        !word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars()
            .all(|c| c != '’' && c.to_lowercase().eq(std::iter::once(c)))
    };
    if unchanged {
        return std::borrow::Cow::Borrowed(word);
    }
    let lower = word.to_lowercase();
    std::borrow::Cow::Owned(if lower.contains('’') {
        lower.replace('’', "'")
    } else {
        lower
    })
}

/// Tokenizes and splits a document with the default components.
pub fn segment(doc: &mut sayso_document::Document) {
    NewsTokenizer.tokenize(doc);
    RuleSentenceSplitter.split(doc);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn a_lexicon_key_is_lowercase_with_a_straight_apostrophe_and_borrowed_when_it_is_already() {
        assert_eq!(lexicon_key("Trump’s"), "trump's");
        assert_eq!(lexicon_key("ÉCOLE"), "école");
        assert_eq!(lexicon_key("o’clock"), "o'clock");
        assert!(matches!(lexicon_key("said"), Cow::Borrowed("said")));
        assert!(matches!(lexicon_key("école"), Cow::Borrowed("école")));
        assert!(matches!(lexicon_key("Said"), Cow::Owned(_)));
    }
}
