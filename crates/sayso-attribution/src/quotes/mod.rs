//! Quotations: pairing quotation marks.
//!
//! Double marks (straight, curly, guillemets) are paired per paragraph; a quotation left open at
//! the end of a paragraph continues when the next paragraph reopens it (the news convention for
//! quotations over several paragraphs) and is otherwise closed there. Single marks make
//! quotations of their own only outside double quotes and only in pairs, since ’ is mostly an
//! apostrophe. Short quoted phrases with no sentence shape are marked [`QuoteRole::Phrase`]: scare
//! quotes and titles until a cue says otherwise.

use sayso_document::{Document, Quote, QuoteRole, QuoteStyle, Span, TokenKind};

/// Finds the quotations of a tokenized document.
pub trait QuoteFinder {
    fn find_quotes(&self, doc: &mut Document);
}

#[derive(Clone, Copy, Debug, Default)]
pub struct QuotePairer;

impl QuoteFinder for QuotePairer {
    fn find_quotes(&self, doc: &mut Document) {
        doc.quotes = find(doc);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    token: usize,
    /// The mark's first character: a quotation continues over paragraphs only when reopened
    /// with the mark that opened it.
    ch: char,
    span: Span,
    family: Family,
    style: QuoteStyle,
    direction: Direction,
}

/// Words of at least this many inside a quotation make it speech whatever its punctuation.
const SPEECH_WORDS: usize = 4;

fn find(doc: &Document) -> Vec<Quote> {
    let text = doc.text();
    let mut quotes: Vec<Quote> = Vec::new();
    let mut carried: Option<(u32, char)> = None;
    let mut tok = 0usize;
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let first = doc.token_at_or_after(para.start).max(tok);
        let mut last = first;
        while last < doc.tokens.len() && doc.tokens[last].span.end <= para.end {
            last += 1;
        }
        tok = last;
        let marks: Vec<Mark> = (first..last)
            .filter_map(|i| classify_mark(doc, text, i))
            .collect();
        let doubles: Vec<Mark> = marks
            .iter()
            .copied()
            .filter(|m| m.family == Family::Double)
            .collect();
        let before = quotes.len();
        carried = pair_doubles(doc, p as u32, *para, first, &doubles, carried, &mut quotes);
        let double_regions: Vec<Span> = quotes[before..].iter().map(|q| q.span).collect();
        let singles: Vec<Mark> = marks
            .iter()
            .copied()
            .filter(|m| m.family == Family::Single && !overlaps_any(&double_regions, m.span))
            .collect();
        pair_singles(doc, p as u32, &singles, &double_regions, &mut quotes);
        quotes[before..].sort_by_key(|q| q.span.start);
    }
    for q in &mut quotes {
        q.role = role_of(doc, q);
    }
    quotes
}

fn classify_mark(doc: &Document, text: &str, i: usize) -> Option<Mark> {
    let t = doc.tokens[i];
    if t.kind != TokenKind::Quote {
        return None;
    }
    let mark = t.text(text);
    let c = mark.chars().next()?;
    let prev = text[..t.byte_start as usize].chars().next_back();
    let next = text[t.byte_end as usize..].chars().next();
    let left_flanking = prev
        .is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p) || is_quote(p))
        && next.is_some_and(|n| !n.is_whitespace());
    let right_flanking = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–-…".contains(n) || is_quote(n));
    let by_context = match (left_flanking, right_flanking) {
        (true, false) => Direction::Open,
        (false, true) => Direction::Close,
        _ => Direction::Either,
    };
    let (family, style, preferred) = match c {
        '\'' if mark == "''" => (Family::Double, QuoteStyle::Double, Direction::Either),
        '`' if mark == "``" => (Family::Double, QuoteStyle::Double, Direction::Open),
        '"' => (Family::Double, QuoteStyle::Double, Direction::Either),
        '“' | '„' | '‟' => (Family::Double, QuoteStyle::Double, Direction::Open),
        '”' => (Family::Double, QuoteStyle::Double, Direction::Close),
        '«' => (Family::Double, QuoteStyle::Guillemet, Direction::Open),
        '»' => (Family::Double, QuoteStyle::Guillemet, Direction::Close),
        '‘' | '‚' | '‛' | '‹' => (Family::Single, QuoteStyle::Single, Direction::Open),
        '’' | '›' => (Family::Single, QuoteStyle::Single, Direction::Close),
        '\'' | '`' => (Family::Single, QuoteStyle::Single, Direction::Either),
        _ => return None,
    };
    // Curly marks are trusted unless the context clearly says the opposite (typesetting
    // software sometimes turns a closing mark the wrong way).
    let direction = match (preferred, by_context) {
        (Direction::Either, d) => d,
        (Direction::Open, Direction::Close) | (Direction::Close, Direction::Open) => by_context,
        (d, _) => d,
    };
    Some(Mark {
        token: i,
        ch: c,
        span: t.span,
        family,
        style,
        direction,
    })
}

fn is_quote(c: char) -> bool {
    sayso_text::tokens::is_quote_char(c)
}

/// Pairs the double marks of one paragraph; returns the index of a quotation left open at its
/// end (to be continued by the next paragraph).
fn pair_doubles(
    doc: &Document,
    paragraph: u32,
    para: Span,
    first_token: usize,
    marks: &[Mark],
    carried: Option<(u32, char)>,
    quotes: &mut Vec<Quote>,
) -> Option<(u32, char)> {
    let mut open: Option<Mark> = None;
    // A quotation continued from the previous paragraph, if this one reopens it at its start.
    let mut continues = None;
    for (k, m) in marks.iter().enumerate() {
        let at_paragraph_start = k == 0 && m.token == first_token;
        let direction = match m.direction {
            Direction::Either if open.is_some() => Direction::Close,
            Direction::Either => Direction::Open,
            d => d,
        };
        match direction {
            Direction::Open => {
                if let Some(o) = open.take() {
                    // Two openings in a row: the first one was never closed. A mark of the same
                    // kind ends it before this one; a different kind ("... “...”" after a stray
                    // straight mark) shows it was no quotation at all.
                    if o.ch == m.ch {
                        let end = previous_token_end(doc, m.token, o.span.end);
                        quotes.push(unclosed(&o, end, paragraph, continues.take()));
                    } else {
                        continues = None;
                    }
                }
                if let Some((prev, ch)) = carried.filter(|_| at_paragraph_start) {
                    if ch == m.ch {
                        continues = Some(prev);
                    }
                }
                open = Some(*m);
            }
            Direction::Close | Direction::Either => match open.take() {
                Some(o) => {
                    quotes.push(make(
                        o.span.start,
                        o.span.end,
                        m.span.start,
                        m.span.end,
                        paragraph,
                        o.style,
                        true,
                        true,
                        continues.take(),
                    ));
                }
                None if k == 0 && carried.is_some() => {
                    // The last paragraph of a quotation whose opening mark was not repeated.
                    let prev = carried.map(|(q, _)| q);
                    quotes.push(make(
                        para.start,
                        para.start,
                        m.span.start,
                        m.span.end,
                        paragraph,
                        m.style,
                        false,
                        true,
                        prev,
                    ));
                }
                None => {} // a stray closing mark (or an apostrophe-like straight quote)
            },
        }
    }
    let o = open?;
    quotes.push(unclosed(&o, para.end, paragraph, continues));
    Some(((quotes.len() - 1) as u32, o.ch))
}

/// Pairs single marks outside double quotations: an opening one with the next closing one.
fn pair_singles(
    doc: &Document,
    paragraph: u32,
    marks: &[Mark],
    doubles: &[Span],
    quotes: &mut Vec<Quote>,
) {
    let mut open: Option<Mark> = None;
    for m in marks {
        match m.direction {
            Direction::Open => open = Some(*m),
            Direction::Close => {
                if let Some(o) = open.take() {
                    // At least one word inside, and not an apostrophe pair like ’90s ... ’80s.
                    let inner = doc.tokens_in(Span::new(o.span.end, m.span.start));
                    let span = Span::new(o.span.start, m.span.end);
                    if !inner.is_empty() && !overlaps_any(doubles, span) {
                        quotes.push(make(
                            o.span.start,
                            o.span.end,
                            m.span.start,
                            m.span.end,
                            paragraph,
                            QuoteStyle::Single,
                            true,
                            true,
                            None,
                        ));
                    }
                }
            }
            Direction::Either => {}
        }
    }
}

/// Whether `span` overlaps one of `regions` (sorted by start, not overlapping each other).
fn overlaps_any(regions: &[Span], span: Span) -> bool {
    let k = regions.partition_point(|r| r.end <= span.start);
    regions.get(k).is_some_and(|r| r.overlaps(span))
}

/// A quotation opened by `open` and never closed: it ends at `end`.
fn unclosed(open: &Mark, end: u32, paragraph: u32, continues: Option<u32>) -> Quote {
    make(
        open.span.start,
        open.span.end,
        end,
        end,
        paragraph,
        open.style,
        true,
        false,
        continues,
    )
}

fn previous_token_end(doc: &Document, token: usize, floor: u32) -> u32 {
    if token == 0 {
        return floor;
    }
    doc.tokens[token - 1].span.end.max(floor)
}

#[allow(clippy::too_many_arguments)]
fn make(
    open_start: u32,
    open_end: u32,
    close_start: u32,
    close_end: u32,
    paragraph: u32,
    style: QuoteStyle,
    has_open_mark: bool,
    has_close_mark: bool,
    continues: Option<u32>,
) -> Quote {
    Quote {
        span: Span::new(open_start, close_end.max(open_start)),
        inner: Span::new(open_end, close_start.max(open_end)),
        paragraph,
        style,
        role: QuoteRole::Phrase,
        has_open_mark,
        has_close_mark,
        continues,
    }
}

fn role_of(doc: &Document, q: &Quote) -> QuoteRole {
    if q.continues.is_some() || !q.has_close_mark || !q.has_open_mark {
        return QuoteRole::Speech;
    }
    let inner = doc.tokens_in(q.inner);
    let words = inner
        .clone()
        .filter(|&i| matches!(doc.tokens[i].kind, TokenKind::Word | TokenKind::Number))
        .count();
    let last = inner
        .clone()
        .rev()
        .find(|&i| doc.tokens[i].kind != TokenKind::Quote);
    let ends_like_speech = last.is_some_and(|i| {
        doc.tokens[i].kind == TokenKind::Terminal
            || matches!(doc.token_text(i), "," | "—" | "–" | "--")
    });
    if is_title(doc, inner.clone()) {
        QuoteRole::Title
    } else if words >= SPEECH_WORDS || ends_like_speech && words >= 1 {
        QuoteRole::Speech
    } else {
        QuoteRole::Phrase
    }
}

/// Words of a title that stay lower case ("Face the Nation", "Women in Power").
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "with", "at", "by", "is", "it",
];

/// Title case: two to eight words, the first and every word but the small ones capitalized.
fn is_title(doc: &Document, inner: std::ops::Range<usize>) -> bool {
    // A sentence inside ("The Donald. Big Daddy.") makes it speech.
    let last_word = inner
        .clone()
        .rev()
        .find(|&i| doc.tokens[i].kind == TokenKind::Word);
    if inner
        .clone()
        .any(|i| doc.tokens[i].kind == TokenKind::Terminal && last_word.is_some_and(|w| i < w))
    {
        return false;
    }
    let words: Vec<&str> = inner
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .map(|i| doc.token_text(i))
        .filter(|w| {
            !matches!(
                *w,
                "'s" | "’s" | "n't" | "'re" | "'ll" | "'ve" | "'m" | "'d"
            )
        })
        .collect();
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    (2..=8).contains(&words.len())
        && capitalized(words[0])
        && words.iter().all(|w| capitalized(w) || TITLE_SMALL_WORDS.contains(w))
        // All capitals is shouting, not a title.
        && !words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn quotes_of(text: &str) -> (Document, Vec<Quote>) {
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        QuotePairer.find_quotes(&mut doc);
        let q = doc.quotes.clone();
        (doc, q)
    }

    fn texts(text: &str) -> Vec<(String, QuoteRole)> {
        let (doc, q) = quotes_of(text);
        q.iter()
            .map(|q| (doc.slice(q.span).to_string(), q.role))
            .collect()
    }

    #[test]
    fn curly_straight_and_roles() {
        assert_eq!(
            texts("“We won,” he said of “The Axe Files” and \"the deal.\""),
            [
                ("“We won,”".to_string(), QuoteRole::Speech),
                ("“The Axe Files”".to_string(), QuoteRole::Title),
                ("\"the deal.\"".to_string(), QuoteRole::Speech),
            ]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let t = "“They call her ‘Crooked Hillary’ now,” he said. Students’ rights don’t matter.";
        assert_eq!(texts(t).len(), 1);
    }

    #[test]
    fn single_quote_pair_outside_doubles() {
        assert_eq!(
            texts("Trump: ‘We will win big again’")[0].0,
            "‘We will win big again’"
        );
    }

    #[test]
    fn multi_paragraph_quote() {
        let (doc, q) =
            quotes_of("He said: “First part.\n\n“Second part.\n\n“Last part.”\n\nAfter.");
        assert_eq!(q.len(), 3);
        assert_eq!(doc.slice(q[0].span), "“First part.");
        assert_eq!((q[1].continues, q[2].continues), (Some(0), Some(1)));
        assert!(q[2].has_close_mark && !q[0].has_close_mark);
    }

    #[test]
    fn continuation_needs_the_same_mark() {
        let (_, q) = quotes_of("\"Stray straight mark.\n\n“A curly quote.”");
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].continues, None);
    }

    #[test]
    fn stray_mark_of_another_kind_is_dropped() {
        let (doc, q) = quotes_of("\"Then he walked on stage, chanting “We win!”");
        assert_eq!(q.len(), 1);
        assert_eq!(doc.slice(q[0].span), "“We win!”");
    }

    #[test]
    fn doubled_straight_single_quotes() {
        assert_eq!(texts("''We won,'' he said.")[0].0, "''We won,''");
    }

    #[test]
    fn unbalanced_marks_recover() {
        let (doc, q) = quotes_of("“Never closed, he said.\n\nA new paragraph.");
        assert_eq!(q.len(), 1);
        assert_eq!(doc.slice(q[0].span), "“Never closed, he said.");
        let (doc, q) = quotes_of("“One “Two” three.");
        assert_eq!(doc.slice(q[0].span), "“One");
        assert_eq!(doc.slice(q[1].span), "“Two”");
        let (_, q) = quotes_of("stray” close and ” more");
        assert!(q.is_empty());
    }

    #[test]
    fn many_unbalanced_marks_are_linear() {
        let text = "\"a ".repeat(100_000);
        let (_, q) = quotes_of(&text);
        assert_eq!(q.len(), 100_000);
    }

    proptest! {
        #[test]
        fn quotes_inside_text_and_ordered(text in "[a-z “”\"‘’'.,\n]{0,120}") {
            let (doc, q) = quotes_of(&text);
            let n = doc.char_len();
            let mut prev = 0;
            for x in &q {
                prop_assert!(x.span.start <= x.inner.start && x.inner.end <= x.span.end && x.span.end <= n);
                prop_assert!(x.span.start >= prev);
                prev = x.span.start;
            }
        }
    }
}
