//! Transcript turns: a paragraph that opens with its speaker's name in capitals and a colon
//! ("WALLACE: ...", often inside a quotation mark). The attribution stage makes the name the
//! turn's source, the entity stage a mention of its speaker; both read it here.

use sayso_document::Document;
use std::ops::Range;

/// The most words a turn's name has ("MIKE PENCE", "REP. JOHN SMITH").
const MAX_NAME_WORDS: usize = 3;

/// The tokens of the name opening the turn whose paragraph starts at token `first`, when it is
/// one; the colon is the token after them.
pub fn turn_name(doc: &Document, first: usize) -> Option<Range<usize>> {
    let n = doc.tokens.len();
    let start = if first < n && matches!(doc.token_text(first), "\"" | "“") {
        first + 1
    } else {
        first
    };
    let mut end = start;
    while end < n && end - start < MAX_NAME_WORDS && in_capitals(doc.token_text(end)) {
        end += 1;
    }
    (end > start && end < n && doc.token_text(end) == ":").then_some(start..end)
}

/// Whether token `t` is a word of a turn's name: the cheap test on the word first, then the
/// paragraph's opening.
pub fn in_turn_name(doc: &Document, t: usize) -> bool {
    if !in_capitals(doc.token_text(t)) {
        return false;
    }
    let Some(paragraph) = doc
        .paragraphs
        .get(doc.paragraph_of(doc.tokens[t].span.start))
    else {
        return false;
    };
    turn_name(doc, doc.token_at_or_after(paragraph.start)).is_some_and(|name| name.contains(&t))
}

/// A word in capitals: two letters or more, no lower-case letter ("WALLACE", "O'BRIEN").
fn in_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_turn_opens_with_a_name_in_capitals_and_a_colon() {
        let mut doc = Document::new("t", "“MIKE PENCE: Yes.\n\nNote: no.\n\nWHY NOT?").unwrap();
        crate::segment(&mut doc);
        assert_eq!(turn_name(&doc, 0), Some(1..3));
        assert!(in_turn_name(&doc, 2));
        let second = doc.token_at_or_after(doc.paragraphs[1].start);
        assert_eq!(turn_name(&doc, second), None);
        let third = doc.token_at_or_after(doc.paragraphs[2].start);
        assert_eq!(turn_name(&doc, third), None);
        assert!(!in_turn_name(&doc, third));
    }
}
