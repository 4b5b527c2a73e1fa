//! Tokenization of news text.
//!
//! Tokens follow the Universal Dependencies conventions used by the treebanks the later stages
//! are trained on: clitics split ("do" "n't", "Trump" "'s"), hyphens and dashes their own tokens,
//! abbreviations keep their period ("Sen.", "U.S."), numbers keep their separators ("1,000.5").
//! Every token carries its code-point span and its byte range.

use crate::abbreviations::is_abbreviation;
use sayso_document::{Document, Span, Token, TokenKind};

/// Cuts a document's text into tokens.
pub trait Tokenizer {
    fn tokenize(&self, doc: &mut Document);
}

/// The rule-based tokenizer for news English.
#[derive(Clone, Copy, Debug, Default)]
pub struct NewsTokenizer;

impl Tokenizer for NewsTokenizer {
    fn tokenize(&self, doc: &mut Document) {
        doc.tokens = tokenize_text(doc.text());
    }
}

/// Quotation marks and apostrophes.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‟'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c) || c == '\u{200d}'
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

const CLITICS: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Tokenizes `text`; linear in its length.
pub fn tokenize_text(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut scan = Scanner::new(text);
    while let Some(c) = scan.peek(0) {
        if c.is_whitespace() || c.is_control() || c == '\u{feff}' || c == '\u{200b}' {
            scan.bump();
            continue;
        }
        let start = scan.mark();
        let kind = if let Some(len) = link_len(&text[scan.byte..]) {
            scan.advance_bytes(len);
            TokenKind::Link
        } else if is_word_char(c) {
            scan_word(&mut scan, &mut tokens, start);
            continue;
        } else if is_quote_char(c) {
            // Two straight single quotes or backquotes stand for a double quotation mark
            // ('' and `` in some archives).
            let doubled = matches!(c, '\'' | '`') && scan.peek(1) == Some(c);
            scan.bump();
            if doubled {
                scan.bump();
            }
            TokenKind::Quote
        } else if c == '.' {
            // "...", ". . ." stays three tokens' worth of text in one when unspaced.
            while scan.peek(0) == Some('.') {
                scan.bump();
            }
            TokenKind::Terminal
        } else if c == '?' || c == '!' || c == '…' {
            while matches!(scan.peek(0), Some('?' | '!' | '…')) {
                scan.bump();
            }
            TokenKind::Terminal
        } else if is_dash(c) {
            scan.bump();
            if c == '-' {
                while scan.peek(0) == Some('-') {
                    scan.bump();
                }
            }
            TokenKind::Punct
        } else if c.is_ascii_punctuation() || is_general_punct(c) {
            scan.bump();
            TokenKind::Punct
        } else {
            scan.bump();
            TokenKind::Symbol
        };
        tokens.push(scan.token_from(start, kind));
    }
    tokens
}

fn is_general_punct(c: char) -> bool {
    matches!(
        c,
        '¡' | '¿' | '·' | '•' | '§' | '¶' | '†' | '‡' | '′' | '″' | '‹' | '›'
    )
}

/// Length in bytes of a URL, e-mail address, @handle or #hashtag at the start of `s`.
fn link_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let first = *b.first()?;
    let lower_prefix =
        |p: &str| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let until_space = || {
        s.char_indices()
            .find(|(_, c)| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '<' | '>'))
            .map_or(s.len(), |(i, _)| i)
    };
    let trim_trailing = |mut end: usize| {
        while end > 0
            && matches!(
                b[end - 1],
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\''
            )
        {
            end -= 1;
        }
        end
    };
    if lower_prefix("http://") || lower_prefix("https://") || lower_prefix("www.") {
        let end = trim_trailing(until_space());
        return (end > 4).then_some(end);
    }
    if (first == b'@' || first == b'#')
        && b.len() > 1
        && (b[1].is_ascii_alphanumeric() || b[1] == b'_')
    {
        let end = 1 + b[1..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
            .unwrap_or(b.len() - 1);
        return Some(end);
    }
    if first.is_ascii_alphanumeric() {
        // e-mail: word chars, '@', a dotted domain.
        let end = until_space();
        let cand = &s[..trim_trailing(end)];
        if let Some(at) = cand.find('@') {
            let (user, domain) = (&cand[..at], &cand[at + 1..]);
            let ok_user = !user.is_empty()
                && user
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'+'));
            let ok_domain = domain.contains('.')
                && !domain.ends_with('.')
                && domain
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-'));
            if ok_user && ok_domain {
                return Some(cand.len());
            }
        }
    }
    None
}

/// Scans a word or number starting at the cursor and pushes one or more tokens.
fn scan_word(scan: &mut Scanner, tokens: &mut Vec<Token>, start: Mark) {
    scan.piece_len = 0;
    let numeric_start = scan.peek(0).is_some_and(|c| c.is_ascii_digit());
    let mut all_digits = numeric_start;
    loop {
        match scan.peek(0) {
            Some(c) if is_word_char(c) => {
                if !c.is_ascii_digit() {
                    all_digits = false;
                }
                scan.bump();
            }
            // "1,000", "3.5", "10:30" inside a number.
            Some(',' | '.' | ':')
                if all_digits && scan.peek(1).is_some_and(|d| d.is_ascii_digit()) =>
            {
                scan.bump();
            }
            // "U.S", "p.m", "Ph.D": a period between letters with a short piece after.
            Some('.')
                if scan.peek(1).is_some_and(char::is_alphabetic) && dotted_continues(scan) =>
            {
                scan.bump();
            }
            // Inner apostrophe: "O'Brien", "rock'n'roll"; clitics are split below.
            Some(c) if is_apostrophe(c) && scan.peek(1).is_some_and(is_word_char) => {
                scan.bump();
            }
            Some('&') if scan.peek(1).is_some_and(char::is_uppercase) && scan.last_is_upper() => {
                scan.bump();
            }
            _ => break,
        }
    }
    // A final period joins abbreviations and initials.
    if scan.peek(0) == Some('.') && scan.peek(1) != Some('.') {
        let word = scan.text_from(start);
        let mut with_dot = String::with_capacity(word.len() + 1);
        with_dot.push_str(word);
        with_dot.push('.');
        if is_abbreviation(&with_dot) {
            scan.bump();
        }
    }
    let end = scan.mark();
    let word = scan.text_between(start, end);
    let kind = if numeric_start
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ':'))
    {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    split_clitics(scan, tokens, start, end, kind);
}

/// Whether a period after letters continues a dotted abbreviation ("U.S.", "p.m.", "Ph.D.")
/// rather than ending a word before a run-on ("it.The").
fn dotted_continues(scan: &Scanner) -> bool {
    // The piece before the period and the one after must both be short.
    let before = scan.current_piece_len();
    let mut after = 0;
    while scan.peek(1 + after).is_some_and(char::is_alphabetic) {
        after += 1;
        if after > 2 {
            return false;
        }
    }
    before <= 2
}

fn split_clitics(scan: &Scanner, tokens: &mut Vec<Token>, start: Mark, end: Mark, kind: TokenKind) {
    let word = scan.text_between(start, end);
    if kind == TokenKind::Word {
        let normalized = word.replace('’', "'");
        let lower = normalized.to_ascii_lowercase();
        for clitic in CLITICS {
            if lower.len() > clitic.len() && lower.ends_with(clitic) {
                // "can't" splits as "ca" + "n't"; "'s" needs a letter before it.
                let clitic_chars = clitic.chars().count() as u32;
                let clitic_bytes = word
                    .char_indices()
                    .rev()
                    .nth(clitic_chars as usize - 1)
                    .map_or(0, |(i, _)| word.len() - i);
                let split_byte = end.byte - clitic_bytes as u32;
                let split = Mark {
                    byte: split_byte,
                    ch: end.ch - clitic_chars,
                };
                tokens.push(Token {
                    span: Span::new(start.ch, split.ch),
                    byte_start: start.byte,
                    byte_end: split.byte,
                    kind,
                });
                tokens.push(Token {
                    span: Span::new(split.ch, end.ch),
                    byte_start: split.byte,
                    byte_end: end.byte,
                    kind,
                });
                return;
            }
        }
    }
    tokens.push(Token {
        span: Span::new(start.ch, end.ch),
        byte_start: start.byte,
        byte_end: end.byte,
        kind,
    });
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    byte: u32,
    ch: u32,
}

/// A cursor over the text that counts bytes and code points together.
struct Scanner<'t> {
    text: &'t str,
    byte: usize,
    ch: u32,
    piece_len: usize,
    last: Option<char>,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Self {
        Scanner {
            text,
            byte: 0,
            ch: 0,
            piece_len: 0,
            last: None,
        }
    }

    fn peek(&self, k: usize) -> Option<char> {
        self.text[self.byte..].chars().nth(k)
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek(0) {
            self.byte += c.len_utf8();
            self.ch += 1;
            self.piece_len = if c == '.' { 0 } else { self.piece_len + 1 };
            self.last = Some(c);
        }
    }

    fn advance_bytes(&mut self, len: usize) {
        let end = self.byte + len;
        while self.byte < end {
            self.bump();
        }
    }

    fn last_is_upper(&self) -> bool {
        self.last.is_some_and(char::is_uppercase)
    }

    fn current_piece_len(&self) -> usize {
        self.piece_len
    }

    fn mark(&self) -> Mark {
        Mark {
            byte: self.byte as u32,
            ch: self.ch,
        }
    }

    fn text_from(&self, start: Mark) -> &'t str {
        &self.text[start.byte as usize..self.byte]
    }

    fn text_between(&self, start: Mark, end: Mark) -> &'t str {
        &self.text[start.byte as usize..end.byte as usize]
    }

    fn token_from(&mut self, start: Mark, kind: TokenKind) -> Token {
        self.piece_len = 0;
        Token {
            span: Span::new(start.ch, self.ch),
            byte_start: start.byte,
            byte_end: self.byte as u32,
            kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize_text(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn news_sentence() {
        assert_eq!(
            toks("“It’s over,” Sen. Tim Kaine (D-Va.) told the U.S. Senate on Jan. 5."),
            [
                "“", "It", "’s", "over", ",", "”", "Sen.", "Tim", "Kaine", "(", "D", "-", "Va.",
                ")", "told", "the", "U.S.", "Senate", "on", "Jan.", "5", "."
            ]
        );
    }

    #[test]
    fn clitics_numbers_dashes() {
        assert_eq!(
            toks("We can't pay $1,000.50 — 10% of 20-year bonds... at 10:30 p.m."),
            [
                "We", "ca", "n't", "pay", "$", "1,000.50", "—", "10", "%", "of", "20", "-", "year",
                "bonds", "...", "at", "10:30", "p.m."
            ]
        );
    }

    #[test]
    fn initials_links_and_handles() {
        assert_eq!(
            toks(
                "John F. Kennedy wrote to a@b.org via https://x.com/a?b=1. @realDonaldTrump #MAGA"
            ),
            [
                "John",
                "F.",
                "Kennedy",
                "wrote",
                "to",
                "a@b.org",
                "via",
                "https://x.com/a?b=1",
                ".",
                "@realDonaldTrump",
                "#MAGA"
            ]
        );
    }

    #[test]
    fn doubled_single_quotes_are_one_mark() {
        assert_eq!(
            toks("''We won,'' he said."),
            ["''", "We", "won", ",", "''", "he", "said", "."]
        );
    }

    #[test]
    fn sentence_final_word_keeps_period_apart() {
        assert_eq!(
            toks("He fell ill. Then"),
            ["He", "fell", "ill", ".", "Then"]
        );
        assert_eq!(toks("it.The end"), ["it", ".", "The", "end"]);
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "«Très bien», dit-il — “oui”.";
        for t in tokenize_text(text) {
            let by_chars: String = text
                .chars()
                .skip(t.span.start as usize)
                .take(t.span.len() as usize)
                .collect();
            assert_eq!(by_chars, t.text(text));
        }
    }

    proptest! {
        #[test]
        fn tokens_ordered_inside_and_on_boundaries(text in "\\PC{0,200}") {
            let tokens = tokenize_text(&text);
            let n = text.chars().count() as u32;
            let mut prev_end = 0;
            for t in &tokens {
                prop_assert!(t.span.start < t.span.end);
                prop_assert!(t.span.start >= prev_end);
                prop_assert!(t.span.end <= n);
                prop_assert!(text.is_char_boundary(t.byte_start as usize));
                prop_assert!(text.is_char_boundary(t.byte_end as usize));
                prop_assert_eq!(t.text(&text).chars().count() as u32, t.span.len());
                prev_end = t.span.end;
            }
        }
    }
}
