use crate::{Attribution, Quote, Span, TextIndex, Token, Upos};
use std::collections::BTreeMap;
use thiserror::Error;

/// Documents longer than this many code points are refused (offsets are 32-bit).
pub const MAX_DOCUMENT_CHARS: usize = u32::MAX as usize / 2;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum DocumentError {
    #[error("document is {chars} characters long; the limit is {MAX_DOCUMENT_CHARS}")]
    TooLarge { chars: usize },
    #[error("date {0:?} is not of the form YYYY-MM-DD")]
    BadDate(String),
}

/// What is known of a document besides its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// Where the document was read from (file path, and record number for multi-record files).
    pub origin: Option<String>,
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// One document and every layer the pipeline has added to it.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub id: String,
    text: String,
    index: TextIndex,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub meta: Metadata,
    /// ISO 639-3 code of the language the text is written in ("eng", "deu") once identified;
    /// `None` before, or when the text is too short or too mixed to tell.
    pub language: Option<&'static str>,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub tokens: Vec<Token>,
    /// Part-of-speech tags, parallel to `tokens` once the tagger ran (empty before).
    pub upos: Vec<Upos>,
    /// Dependency head of each token (a token index; `None` for a sentence root), parallel to
    /// `tokens` once the parser ran (empty before).
    pub heads: Vec<Option<u32>>,
    /// Dependency relation of each token to its head (Universal Dependencies labels).
    pub deprels: Vec<std::sync::Arc<str>>,
    pub quotes: Vec<Quote>,
    pub attributions: Vec<Attribution>,
    /// The entities the mentions refer to (ids are indices).
    pub entities: Vec<crate::Entity>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Result<Self, DocumentError> {
        let text = text.into();
        if text.len() > MAX_DOCUMENT_CHARS {
            let chars = text.chars().count();
            if chars > MAX_DOCUMENT_CHARS {
                return Err(DocumentError::TooLarge { chars });
            }
        }
        let index = TextIndex::new(&text);
        let paragraphs = crate::paragraphs::segment(&text);
        Ok(Document {
            id: id.into(),
            text,
            index,
            paragraphs,
            ..Document::default()
        })
    }

    /// Sets the date after checking its form.
    pub fn with_date(mut self, date: Option<String>) -> Result<Self, DocumentError> {
        if let Some(d) = &date {
            if !is_iso_date(d) {
                return Err(DocumentError::BadDate(d.clone()));
            }
        }
        self.date = date;
        Ok(self)
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn index(&self) -> &TextIndex {
        &self.index
    }

    /// Length in code points.
    pub fn char_len(&self) -> u32 {
        self.index.char_len()
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        let s = self.index.byte_of(&self.text, span.start);
        let e = self.index.byte_of(&self.text, span.end);
        &self.text[s..e.max(s)]
    }

    /// Code-point offset of a byte offset (on a character boundary).
    pub fn char_at_byte(&self, byte: usize) -> u32 {
        self.index.char_of(&self.text, byte)
    }

    pub fn byte_at_char(&self, ch: u32) -> usize {
        self.index.byte_of(&self.text, ch)
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].text(&self.text)
    }

    /// Index of the first token starting at or after `ch`.
    pub fn token_at_or_after(&self, ch: u32) -> usize {
        self.tokens.partition_point(|t| t.span.start < ch)
    }

    /// Index of the sentence holding code point `ch`, or of the first one after it (the
    /// number of sentences past the last).
    pub fn sentence_index(&self, ch: u32) -> usize {
        self.sentences.partition_point(|s| s.end <= ch)
    }

    /// The sentence holding code point `ch`, or the first one after it (`None` past the last).
    pub fn sentence_at(&self, ch: u32) -> Option<Span> {
        self.sentences.get(self.sentence_index(ch)).copied()
    }

    /// Index of the paragraph containing (or nearest before) code point `ch`.
    pub fn paragraph_of(&self, ch: u32) -> usize {
        self.paragraphs
            .partition_point(|p| p.start <= ch)
            .saturating_sub(1)
    }

    /// Index range of the tokens lying inside `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.token_at_or_after(span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }

    /// Whether the parser ran: a head and a relation for every token.
    pub fn is_parsed(&self) -> bool {
        self.heads.len() == self.tokens.len() && self.deprels.len() == self.tokens.len()
    }
}

fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = d[5..7].parse().unwrap_or(0);
    let day: u32 = d[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_code_points() {
        let doc = Document::new("d", "“Yes,” he said.").unwrap();
        assert_eq!(doc.char_len(), 15);
        assert_eq!(doc.slice(Span::new(0, 6)), "“Yes,”");
        assert_eq!(doc.slice(Span::new(10, 14)), "said");
    }

    #[test]
    fn the_sentence_at_an_offset_holds_it_or_comes_next() {
        let mut doc = Document::new("d", "One two. Three four.").unwrap();
        doc.sentences = vec![Span::new(0, 8), Span::new(9, 20)];
        assert_eq!(doc.sentence_at(4), Some(Span::new(0, 8)));
        assert_eq!(doc.sentence_at(8), Some(Span::new(9, 20)));
        assert_eq!(doc.sentence_at(20), None);
    }

    #[test]
    fn checks_dates() {
        let doc = Document::new("d", "x").unwrap();
        assert!(doc.clone().with_date(Some("2022-09-07".into())).is_ok());
        assert_eq!(
            doc.with_date(Some("2022-13-07".into())).unwrap_err(),
            DocumentError::BadDate("2022-13-07".into())
        );
    }
}
