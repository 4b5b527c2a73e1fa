//! Sentence boundaries.
//!
//! A sentence ends at a paragraph break, or after terminal punctuation (with any closing quotes
//! and brackets that follow it) when the next token can start a sentence. Abbreviations that
//! stand before names ("Sen.", "Jan.") never end one; others ("U.S.", "Inc.") end one only before
//! a word that typically starts sentences.

use crate::abbreviations::{is_abbreviation, is_initial, is_inner_abbreviation};
use sayso_document::{Document, Span, Token, TokenKind};

pub trait SentenceSplitter {
    fn split(&self, doc: &mut Document);
}

#[derive(Clone, Copy, Debug, Default)]
pub struct RuleSentenceSplitter;

impl SentenceSplitter for RuleSentenceSplitter {
    fn split(&self, doc: &mut Document) {
        doc.sentences = split_sentences(doc.text(), &doc.tokens, &doc.paragraphs);
    }
}

/// Capitalized words that usually begin a sentence, so a period of an ambiguous abbreviation
/// before them ends one.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "For",
    "So",
    "Yet",
    "Still",
    "Meanwhile",
    "However",
    "Some",
    "Many",
    "Most",
    "Other",
    "Others",
    "One",
    "Two",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Asked",
    "According",
    "Since",
    "Although",
    "Though",
    "Now",
    "Then",
    "Last",
    "Next",
    "Also",
    "Both",
    "Each",
    "Even",
    "No",
    "Not",
    "Only",
    "Such",
    "Under",
    "Over",
    "With",
    "Without",
    "During",
    "From",
    "To",
    "By",
    "Despite",
    "Instead",
    "Yes",
    "Well",
    "Here",
    "Today",
];

/// Sentence spans over `tokens`; every paragraph break is a boundary.
pub fn split_sentences(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut start: Option<usize> = None;
    let mut para = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let tok = tokens[i];
        while para + 1 < paragraphs.len() && paragraphs[para].end <= tok.span.start {
            para += 1;
        }
        let first = *start.get_or_insert(i);
        let mut end = i;
        let mut boundary = false;
        if is_terminal(text, &tokens[i]) {
            // Closing quotes and brackets belong to the sentence they close.
            while end + 1 < tokens.len()
                && closes(text, &tokens[end + 1])
                && adjacent(&tokens[end], &tokens[end + 1])
            {
                end += 1;
            }
            boundary = match tokens.get(end + 1) {
                None => true,
                Some(next) => can_start_after(text, &tokens[i], next, end + 1, tokens),
            };
        }
        let para_end = paragraphs.get(para).map_or(u32::MAX, |p| p.end);
        if tokens.get(end + 1).is_none_or(|n| n.span.start >= para_end) {
            boundary = true;
        }
        if boundary {
            sentences.push(Span::new(tokens[first].span.start, tokens[end].span.end));
            start = None;
        }
        i = end + 1;
    }
    sentences
}

fn adjacent(a: &Token, b: &Token) -> bool {
    a.span.end == b.span.start
}

fn is_terminal(text: &str, tok: &Token) -> bool {
    match tok.kind {
        TokenKind::Terminal => true,
        TokenKind::Word => {
            let w = tok.text(text);
            w.ends_with('.') && is_abbreviation(w)
        }
        _ => false,
    }
}

fn closes(text: &str, tok: &Token) -> bool {
    let t = tok.text(text);
    matches!(t, "”" | "’" | "\"" | "'" | "''" | "»" | ")" | "]" | "}")
}

/// Whether the token at `next_index` may start a sentence after terminal token `term`.
fn can_start_after(
    text: &str,
    term: &Token,
    next: &Token,
    next_index: usize,
    tokens: &[Token],
) -> bool {
    let term_text = term.text(text);
    let next_text = next.text(text);
    let first = next_text.chars().next().unwrap_or(' ');
    let starts_like_sentence =
        first.is_uppercase() || first.is_ascii_digit() || is_opening(next_text);
    if !starts_like_sentence {
        return false;
    }
    if term.kind == TokenKind::Word {
        // The period belongs to an abbreviation.
        if is_inner_abbreviation(term_text) || is_initial(term_text) {
            return false;
        }
        return STARTERS.contains(&next_text)
            || is_opening(next_text) && next_index + 1 < tokens.len();
    }
    if term_text.starts_with("..") || term_text == "…" {
        return STARTERS.contains(&next_text) || is_opening(next_text);
    }
    true
}

fn is_opening(t: &str) -> bool {
    matches!(t, "“" | "\"" | "‘" | "«" | "``" | "''" | "(" | "[")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize_text;

    fn sents(text: &str) -> Vec<String> {
        let doc = Document::new("t", text).unwrap();
        let tokens = tokenize_text(text);
        split_sentences(text, &tokens, &doc.paragraphs)
            .into_iter()
            .map(|s| doc.slice(s).to_string())
            .collect()
    }

    #[test]
    fn titles_initials_and_quotes() {
        assert_eq!(
            sents("Lt. Gen. Michael T. Flynn spoke. “It is over,” he said. “Done.” Then he left."),
            [
                "Lt. Gen. Michael T. Flynn spoke.",
                "“It is over,” he said.",
                "“Done.”",
                "Then he left."
            ]
        );
    }

    #[test]
    fn question_inside_quote_then_lowercase() {
        assert_eq!(
            sents("“Why now?” she asked. Nobody knew!"),
            ["“Why now?” she asked.", "Nobody knew!"]
        );
    }

    #[test]
    fn ambiguous_abbreviation() {
        assert_eq!(
            sents("He lives in the U.S. The U.S. Senate voted. Apple Inc. said so."),
            [
                "He lives in the U.S.",
                "The U.S. Senate voted.",
                "Apple Inc. said so."
            ]
        );
    }

    #[test]
    fn paragraph_break_ends_sentence() {
        assert_eq!(
            sents("A headline without a period\n\nBody text."),
            ["A headline without a period", "Body text."]
        );
    }

    #[test]
    fn ellipsis() {
        assert_eq!(
            sents("It was... Rubio, he said... The end."),
            ["It was... Rubio, he said...", "The end."]
        );
    }
}
