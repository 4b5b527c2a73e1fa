//! Attribution of quotations: for each quotation, the cue ("said", "told", "according to", a
//! colon) and the source mention, from the patterns of news prose:
//!
//! - after the quote: `"...," X said`, `"...," said X`, `"...," X, a Y, said`, `"...," X told Z`;
//! - before it: `X said: "..."`, `X said "..."`, `According to X, "..."`, `X told Z "..."`;
//!   with words between cue and quote that are not an addressee or adverbial, the content is
//!   a mixed one (`X said he and Y "..."`) starting after the cue;
//! - the sentence before ending in a colon (`X said in a statement:` then the quote);
//! - a quote interrupted by its cue (`"...," he said, "..."`) is one attribution of two spans;
//! - a quote with no cue of its own continues the previous speaker within the paragraph or at
//!   the start of the next one, as a further content span of that attribution (PolNeAR's
//!   convention); [`Attribution::continuation_from`] says where those spans start.

mod phrases;

use crate::cues::CueLexicon;
use crate::Attributor;
use phrases::Phrases;
use sayso_document::{Attribution, AttributionKind, Document, QuoteRole, Span, TokenKind, Upos};
use std::ops::Range;

/// How far left of a quotation a cue is looked for, in tokens.
const MAX_LEFT_SCAN: usize = 40;
/// How far right of a quotation a cue is looked for, in tokens (appositives make it long).
const MAX_RIGHT_SCAN: usize = 36;

/// Longest tail of a reported clause after its quotation, in tokens.
const MAX_CLAUSE_TAIL: usize = 60;

/// Cue rate above which a cue may attribute a short quoted phrase.
const SURE_CUE_RATE: f32 = 0.4;

/// Words that make a phrase between cue and quote an adverbial one ("in a statement",
/// "on Tuesday", "last month").
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "earlier",
    "later",
    "recently",
    "again",
    "once",
    "twice",
    "privately",
    "publicly",
    "simply",
    "flatly",
    "bluntly",
    "repeatedly",
];

#[derive(Clone, Debug)]
pub struct DirectQuoteAttributor {
    /// Lowest cue rate (see [`crate::cues`]) for a word next to a quotation to count as its cue.
    pub min_cue_rate: f32,
    /// Lowest number of times a cue word must have been a cue in training.
    pub min_cue_count: u32,
    pub cues: &'static CueLexicon,
}

impl Default for DirectQuoteAttributor {
    fn default() -> Self {
        DirectQuoteAttributor {
            min_cue_rate: 0.3,
            min_cue_count: 3,
            cues: CueLexicon::bundled(),
        }
    }
}

impl Attributor for DirectQuoteAttributor {
    fn attribute(&self, doc: &mut Document) {
        let found = Finder::new(doc, self).run();
        doc.attributions = found;
    }
}

/// How the content of a match is shaped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Content {
    /// The quotation itself (with any pieces it continues into).
    Quote,
    /// From token `start` to token `end` (exclusive), or when `end` is `None`, to the end of
    /// the quotation's clause.
    Mixed { start: usize, end: Option<usize> },
}

#[derive(Clone, Debug)]
struct Match {
    cue: Range<usize>,
    source: Option<Range<usize>>,
    content: Content,
    confidence: f32,
}

/// What is remembered of an attribution while the document is read.
struct Made {
    attribution: Attribution,
    paragraph: u32,
    cue_token: Option<usize>,
    /// Whether it came from a cue before the quotation (for coordinated contents).
    from_left: bool,
    sentence: usize,
}

struct Finder<'d> {
    doc: &'d Document,
    p: Phrases<'d>,
    cfg: &'d DirectQuoteAttributor,
    /// Sentence index of every token.
    sentence_of: Vec<u32>,
    /// First and one-past-last token of every quotation.
    token_ranges: Vec<Range<usize>>,
    made: Vec<Made>,
}

impl<'d> Finder<'d> {
    fn new(doc: &'d Document, cfg: &'d DirectQuoteAttributor) -> Self {
        let mut sentence_of = Vec::with_capacity(doc.tokens.len());
        let mut s = 0usize;
        for t in &doc.tokens {
            while s + 1 < doc.sentences.len() && doc.sentences[s].end <= t.span.start {
                s += 1;
            }
            sentence_of.push(s as u32);
        }
        let token_ranges = doc.quotes.iter().map(|q| doc.tokens_in(q.span)).collect();
        Finder {
            doc,
            p: Phrases { doc },
            cfg,
            sentence_of,
            token_ranges,
            made: Vec::new(),
        }
    }

    fn run(mut self) -> Vec<Attribution> {
        let doc = self.doc;
        // Pieces continuing an earlier quotation belong to its attribution.
        let mut chain_next: Vec<Option<usize>> = vec![None; doc.quotes.len()];
        for (i, q) in doc.quotes.iter().enumerate() {
            if let Some(prev) = q.continues {
                chain_next[prev as usize] = Some(i);
            }
        }
        let mut consumed = vec![false; doc.quotes.len()];
        for qi in 0..doc.quotes.len() {
            if consumed[qi]
                || doc.quotes[qi].continues.is_some()
                || self.token_ranges[qi].is_empty()
            {
                continue;
            }
            let mut chain = vec![qi];
            while let Some(n) = chain_next[*chain.last().unwrap()] {
                chain.push(n);
            }
            for &c in &chain {
                consumed[c] = true;
            }
            self.attribute_chain(&chain, &mut consumed);
        }
        let mut out: Vec<Attribution> = self.made.into_iter().map(|m| m.attribution).collect();
        for a in &mut out {
            for role in [&mut a.content, &mut a.cue, &mut a.source] {
                normalize_spans(role);
            }
        }
        out.sort_by_key(Attribution::start);
        out
    }

    fn attribute_chain(&mut self, chain: &[usize], consumed: &mut [bool]) {
        let doc = self.doc;
        let first = chain[0];
        let last = *chain.last().unwrap();
        let q = doc.quotes[first];
        let lo = self.left_floor(first);
        let pieces: Vec<Span> = chain.iter().map(|&i| doc.quotes[i].span).collect();
        // `"...," X said, [more words,] "..."`: the second half of an interrupted quotation
        // shares the first half's attribution.
        let open = self.token_ranges[first].start;
        let interrupted = first > 0
            && self.token_ranges[first - 1].end == lo
            && lo < open
            && self.p.text(open - 1) == ",";
        if interrupted {
            // Unless another cue stands between ("..., Trump said, adding, "...").
            let cues: Vec<usize> = (lo..open).filter(|&k| self.is_cue(k)).collect();
            let shared = match cues.as_slice() {
                [c] => self.made.last_mut().filter(|p| p.cue_token == Some(*c)),
                _ => None,
            };
            if let Some(prev) = shared {
                prev.attribution.content.extend(pieces);
                return;
            }
        }
        let left = self.match_left(first, lo);
        let right = self.match_right(last);
        let speech = q.role == QuoteRole::Speech || chain.len() > 1;
        let title = q.role == QuoteRole::Title && chain.len() == 1;
        // A short phrase (scare quote) is speech only right next to a sure cue; a title only
        // right after its cue and a colon or comma (a headline's "X: ‘We Will Win’").
        let left = left.filter(|m| {
            if title {
                return m.content == Content::Quote
                    && self.only_punctuation_between(m.cue.end, open);
            }
            speech
                || self.is_sure_cue(m.cue.start)
                    && (matches!(m.content, Content::Mixed { .. })
                        || self.cue_next_to(m.cue.end, open))
        });
        let right = right.filter(|m| !title && (speech || self.is_sure_cue(m.cue.start)));
        let strong_left = left
            .as_ref()
            .is_some_and(|m| m.content == Content::Quote && m.confidence >= 0.85);
        let chosen = match (left, right) {
            (Some(l), _) if strong_left => Some(l),
            (_, Some(r)) => Some(r),
            (Some(l), None) => Some(l),
            (None, None) => self
                .match_coordinated(first, lo)
                .or_else(|| self.match_previous_sentence(first)),
        };
        match chosen {
            Some(m) => {
                // The second half of an interrupted quotation shares the first half's cue.
                if m.content == Content::Quote {
                    if let Some(prev) = self
                        .made
                        .last_mut()
                        .filter(|p| p.cue_token == Some(m.cue.start))
                    {
                        prev.attribution.content.extend(pieces);
                        return;
                    }
                }
                self.push(m, &pieces, last, consumed);
            }
            None if speech => self.continue_previous(first, &pieces),
            None => {}
        }
    }

    /// The first token a left context may use: the quotation's sentence start, or just after an
    /// earlier quotation in the same sentence.
    fn left_floor(&self, qi: usize) -> usize {
        let open = self.token_ranges[qi].start;
        let sentence = self.sentence_of[open] as usize;
        let mut floor = self
            .doc
            .token_at_or_after(self.doc.sentences.get(sentence).map_or(0, |s| s.start));
        if qi > 0 {
            let prev_end = self.token_ranges[qi - 1].end;
            if prev_end <= open {
                floor = floor.max(prev_end);
            }
        }
        floor.min(open)
    }

    /// Whether only an object pronoun, an article or "as"/"to" stands between a cue and a quoted
    /// phrase ("called it “a disaster”", "likened them to “...”").
    fn cue_next_to(&self, cue_end: usize, open: usize) -> bool {
        open >= cue_end
            && open - cue_end <= 2
            && (cue_end..open).all(|k| {
                matches!(self.p.tag(k), Upos::Pron | Upos::Det)
                    || matches!(
                        self.p.text(k).to_lowercase().as_str(),
                        "as" | "to" | ":" | ","
                    )
            })
    }

    fn only_punctuation_between(&self, cue_end: usize, open: usize) -> bool {
        (cue_end..open).all(|k| matches!(self.p.text(k), ":" | ","))
    }

    /// A cue word common enough to attribute a short quoted phrase.
    fn is_sure_cue(&self, i: usize) -> bool {
        self.p.text(i) == ":" || self.cfg.cues.stats(self.p.text(i)).rate() >= SURE_CUE_RATE
    }

    fn is_cue(&self, i: usize) -> bool {
        let t = self.p.text(i);
        // The second half of a compound ("so-called") is no cue.
        if i > 0
            && self.p.text(i - 1) == "-"
            && self.doc.tokens[i - 1].span.end == self.doc.tokens[i].span.start
        {
            return false;
        }
        if !matches!(self.p.tag(i), Upos::Verb | Upos::Noun) && !t.eq_ignore_ascii_case("according")
        {
            return false;
        }
        if self.p.is_capitalized_word(i)
            && self.p.tag(i) != Upos::Verb
            && !t.eq_ignore_ascii_case("according")
        {
            return false;
        }
        let s = self.cfg.cues.stats(t);
        s.in_cue >= self.cfg.min_cue_count && s.rate() >= self.cfg.min_cue_rate
    }

    /// The last cue in `[floor, end)`, preferring a verb to a noun ("said in a statement").
    fn last_cue(&self, floor: usize, end: usize) -> Option<usize> {
        let mut noun = None;
        for c in (floor..end).rev() {
            if self.is_cue(c) {
                if self.p.tag(c) != Upos::Noun {
                    return Some(c);
                }
                noun.get_or_insert(c);
            }
        }
        noun
    }

    /// The cue's tokens: the word, and "to" after "according".
    fn cue_range(&self, c: usize, limit: usize) -> Range<usize> {
        if self.p.text(c).eq_ignore_ascii_case("according")
            && c + 1 < limit
            && self.p.text(c + 1) == "to"
        {
            c..c + 2
        } else {
            c..c + 1
        }
    }

    fn is_according(&self, c: usize) -> bool {
        self.p.text(c).eq_ignore_ascii_case("according")
    }

    /// One past the last token of the clause that starts at `start`: up to terminal punctuation,
    /// a semicolon, a quotation mark or the paragraph's end.
    fn clause_end(&self, start: usize, max: usize) -> usize {
        let doc = self.doc;
        let para = doc.paragraph_of(doc.tokens.get(start).map_or(0, |t| t.span.start));
        let para_end = doc.paragraphs.get(para).map_or(u32::MAX, |p| p.end);
        let mut i = start;
        while i < doc.tokens.len() && i - start < max {
            let t = &doc.tokens[i];
            if t.span.start >= para_end
                || t.kind == TokenKind::Terminal
                || t.kind == TokenKind::Quote
                || matches!(self.p.text(i), ";" | ":")
            {
                break;
            }
            i += 1;
        }
        i
    }

    fn match_right(&self, qi: usize) -> Option<Match> {
        let q = self.doc.quotes[qi];
        if !q.has_close_mark {
            return None;
        }
        let close = self.token_ranges[qi].end - 1;
        // The attribution after a quotation is in its paragraph.
        let para_end = self.doc.paragraphs[q.paragraph as usize].end;
        if self
            .doc
            .tokens
            .get(close + 1)
            .is_none_or(|t| t.span.start >= para_end)
        {
            return None;
        }
        if let Some(m) = self.dash_signature(close + 1) {
            return Some(m);
        }
        let mut i = close + 1;
        if i < self.doc.tokens.len() && matches!(self.p.text(i), "," | "—" | "–" | "--") {
            i += 1;
        }
        let end = self.clause_end(i, MAX_RIGHT_SCAN);
        if i >= end {
            return None;
        }
        // After a quotation that ends its sentence (`"... ." Legend said, adding ...`) the
        // attribution must come at once: a cue within the first few words.
        let inner_last = self.doc.tokens_in(q.inner).last();
        // A lower-case word after the quotation goes on with the sentence ("...?" said X).
        let lower_after = self
            .p
            .text(i)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        let ended_sentence = !lower_after
            && inner_last.is_some_and(|k| self.doc.tokens[k].kind == TokenKind::Terminal);
        if ended_sentence && !self.attribution_follows(qi, i, end) {
            return None;
        }
        let confidence = if ended_sentence { 0.7 } else { 0.9 };
        if let Some((cue, source)) = self.cue_and_source(i, end) {
            let content = match self.clause_start_before(qi) {
                Some(start) => Content::Mixed {
                    start,
                    end: Some(close + 1),
                },
                None => Content::Quote,
            };
            return Some(Match {
                cue,
                source,
                content,
                confidence,
            });
        }
        if let Some(m) = self.speaker_and_verb(qi, i, end) {
            return Some(m);
        }
        if ended_sentence || i != close + 1 {
            return None;
        }
        // `"..." to drive up the price, she said`: the clause after the quotation is content too.
        let commas = (i..end).filter(|&k| self.p.text(k) == ",");
        for k in commas {
            if let Some((cue, source)) = self.cue_and_source(k + 1, end) {
                let start = self.token_ranges[qi].start;
                return Some(Match {
                    cue,
                    source,
                    content: Content::Mixed {
                        start,
                        end: Some(k),
                    },
                    confidence: 0.6,
                });
            }
        }
        None
    }

    /// For a quotation that starts in lower case right after words of its clause
    /// (`Mills "got an immunity agreement," Jordan said`), the first token of that clause.
    fn clause_start_before(&self, qi: usize) -> Option<usize> {
        let open = self.token_ranges[qi].start;
        let first_inner = self.doc.tokens_in(self.doc.quotes[qi].inner).next()?;
        let lower = self
            .p
            .text(first_inner)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if !lower
            || open == 0
            || self.doc.tokens[open - 1].kind != TokenKind::Word
            || self.is_cue(open - 1)
        {
            return None;
        }
        let lo = self.left_floor(qi);
        // After the last punctuation or cue before it.
        let start = (lo..open)
            .rev()
            .find(|&k| {
                matches!(self.p.text(k), "," | ":" | ";" | "—" | "–" | "--") || self.is_cue(k)
            })
            .map_or(lo, |k| k + 1);
        (start < open).then_some(start)
    }

    /// After a quotation that ends its sentence, whether the words from `i` to `end` are its
    /// attribution rather than a new sentence: a short `X said.`, or after a question or an
    /// exclamation, a speaker and cue at once followed by a comma (`"...?" Trump said, looking
    /// ...`). (Allowing the latter after a period took more new sentences than attributions on
    /// PolNeAR dev.)
    fn attribution_follows(&self, qi: usize, i: usize, end: usize) -> bool {
        let closes_sentence = self
            .doc
            .tokens
            .get(end)
            .is_some_and(|t| t.kind == TokenKind::Terminal);
        if end - i <= 8 && closes_sentence {
            return true;
        }
        let asked = self
            .doc
            .tokens_in(self.doc.quotes[qi].inner)
            .last()
            .is_some_and(|k| matches!(self.p.text(k), "?" | "!"));
        asked
            && (i + 1..end.min(i + 4)).any(|k| {
                self.is_cue(k)
                    && k + 1 < end
                    && self.p.text(k + 1) == ","
                    && self.p.is_capitalized_word(i)
            })
    }

    /// `"...," she yells`: a pronoun or a short name and then a verb the cue lexicon does not
    /// know, right after a quotation that ends like speech, still attribute it.
    fn speaker_and_verb(&self, qi: usize, i: usize, end: usize) -> Option<Match> {
        let close = self.token_ranges[qi].end - 1;
        let last_inner = self.doc.tokens_in(self.doc.quotes[qi].inner).last()?;
        let speechlike_end = matches!(self.p.text(last_inner), "," | "?" | "!" | "—" | "--")
            || self.p.text(close + 1) == ",";
        if !speechlike_end {
            return None;
        }
        let name_end = if self.p.tag(i) == Upos::Pron {
            i + 1
        } else {
            (i..end.min(i + 4)).find(|&k| !self.p.is_capitalized_word(k))?
        };
        if name_end == i || name_end >= end {
            return None;
        }
        let verb = name_end;
        let word = self.p.text(verb);
        let copula_or_auxiliary = matches!(
            word.to_lowercase().as_str(),
            "is" | "was" | "are" | "were" | "be" | "been" | "has" | "had" | "have" | "does" | "did"
        );
        let verb_like = !copula_or_auxiliary
            && (self.p.tag(verb) == Upos::Verb
                || word.chars().all(|c| c.is_lowercase())
                    && (word.ends_with('s') || word.ends_with("ed")));
        let ends_clause = verb + 1 == end
            || matches!(
                self.p.text(verb + 1),
                "," | "to" | "at" | "in" | "on" | "while" | "as" | "before" | "after"
            );
        (verb_like && ends_clause).then(|| Match {
            cue: verb..verb + 1,
            source: Some(i..name_end),
            content: Content::Quote,
            confidence: 0.6,
        })
    }

    /// `CUE SOURCE` or `SOURCE CUE` starting at token `i` (the attribution clause after a
    /// quotation): the cue's and the source's tokens.
    fn cue_and_source(&self, i: usize, end: usize) -> Option<(Range<usize>, Option<Range<usize>>)> {
        if i >= end {
            return None;
        }
        // Cue first: `"...," said X`.
        if self.is_cue(i) {
            let cue = self.cue_range(i, end);
            return Some((cue.clone(), self.p.source_after(cue.end, end)));
        }
        // Source first: `"...," X, a Y, said`.
        for c in i + 1..end {
            if self.is_cue(c) {
                let mut s_end = c;
                while s_end > i && self.p.is_verb_modifier(s_end - 1) {
                    s_end -= 1;
                }
                while s_end > i && self.p.text(s_end - 1) == "," {
                    s_end -= 1;
                }
                // A noun phrase must open the source; anything after it is its appositive.
                let core = self.p.core_after(i, s_end)?;
                let rest_ok = core.end == s_end || matches!(self.p.text(core.end), "," | "(");
                if core.start != i || !rest_ok {
                    return None;
                }
                return Some((self.cue_range(c, end), Some(i..s_end)));
            }
            if matches!(self.p.tag(c), Upos::Verb) && !self.within_appositive(i, c) {
                return None;
            }
        }
        None
    }

    /// `"..." ― Jane Doe`: a dash and a name closing the paragraph sign the quotation.
    fn dash_signature(&self, dash: usize) -> Option<Match> {
        if dash >= self.doc.tokens.len() || !matches!(self.p.text(dash), "―" | "—" | "–") {
            return None;
        }
        let start = dash + 1;
        let end = self.clause_end(start, 12);
        let para = self.doc.paragraph_of(self.doc.tokens[dash].span.start);
        let para_end = self.doc.paragraphs.get(para).map_or(u32::MAX, |p| p.end);
        let at_paragraph_end = self.doc.tokens.get(end).is_none_or(|t| {
            t.span.start >= para_end
                || t.kind == TokenKind::Terminal
                    && self
                        .doc
                        .tokens
                        .get(end + 1)
                        .is_none_or(|n| n.span.start >= para_end)
        });
        let name = self.p.core_after(start, end)?;
        let all_names = name
            .clone()
            .all(|k| self.p.is_capitalized_word(k) || self.p.text(k).len() <= 2);
        (at_paragraph_end && name.start == start && name.end == end && all_names).then(|| Match {
            cue: dash..dash + 1,
            source: Some(name),
            content: Content::Quote,
            confidence: 0.8,
        })
    }

    /// Whether token `c` lies after a comma that follows `start` (inside an appositive or a
    /// relative clause, where verbs do not end the source).
    fn within_appositive(&self, start: usize, c: usize) -> bool {
        (start..c).any(|k| self.p.text(k) == ",")
    }

    fn match_left(&self, qi: usize, lo: usize) -> Option<Match> {
        let open = self.token_ranges[qi].start;
        if open <= lo {
            return None;
        }
        let mut end = open;
        let punct = self.p.text(end - 1);
        let colon = punct == ":";
        if colon || punct == "," || punct == "—" {
            end -= 1;
        }
        let scan_floor = lo.max(end.saturating_sub(MAX_LEFT_SCAN));
        let Some(c) = self.last_cue(scan_floor, end) else {
            return colon.then(|| self.colon_cue(end, lo)).flatten();
        };
        let cue = self.cue_range(c, end);
        let between = cue.end..end;
        let source = if self.is_according(c) {
            None
        } else {
            self.source_of_verb(c, lo)
        };
        // `what X called "..."` and `the agency which reported "..."` put the quotation inside a
        // noun phrase or a relative clause of a larger sentence: not an attribution of its own.
        let relative =
            |k: usize| matches!(self.p.text(k).to_lowercase().as_str(), "what" | "which");
        if source
            .as_ref()
            .is_some_and(|s| relative(s.start) || relative(s.end - 1))
        {
            return None;
        }
        let (content, source) = if self.is_according(c) {
            // `According to X, "..."`: the source is the noun phrase after the cue; words after
            // it and a comma are reported content around the quotation.
            let s = self.p.core_after(cue.end, end);
            let after = s.as_ref().map_or(cue.end, |s| s.end);
            let comma = (after..end).find(|&k| self.p.text(k) == ",");
            let content = match comma {
                Some(k) if k + 1 < end => Content::Mixed {
                    start: k + 1,
                    end: None,
                },
                _ => Content::Quote,
            };
            (content, s)
        } else if colon {
            // A colon introduces the quotation itself, whatever stands between cue and colon.
            (Content::Quote, source)
        } else {
            (self.shape_between(c, between.clone()), source)
        };
        let confidence = match content {
            Content::Quote if colon || between.is_empty() && punct == "," => 0.9,
            Content::Quote if between.is_empty() => 0.85,
            Content::Quote => 0.8,
            Content::Mixed { .. } => 0.7,
        };
        Some(Match {
            cue,
            source,
            content,
            confidence,
        })
    }

    /// `X's statement:` / `Trump on Twitter:` then the quote: the colon is the cue.
    fn colon_cue(&self, colon_at: usize, lo: usize) -> Option<Match> {
        // The clause the colon closes: after the last comma, "that" or conjunction before it.
        let clause = (lo..colon_at)
            .rev()
            .find(|&k| {
                matches!(
                    self.p.text(k).to_lowercase().as_str(),
                    "," | ";" | "that" | "and" | "but"
                )
            })
            .map_or(lo, |k| k + 1);
        if colon_at - clause > 10 {
            return None;
        }
        // Its subject when it opens with a name or a pronoun ("I had to change my answer:"),
        // else the noun phrase right before the colon ("Bush's Facebook post:").
        let subject = self
            .p
            .core_after(clause, colon_at)
            .filter(|s| s.start == clause && s.end < colon_at);
        let source = subject.or_else(|| self.p.source_before(colon_at, clause))?;
        let named = source
            .clone()
            .any(|k| matches!(self.p.tag(k), Upos::Propn | Upos::Pron));
        named.then_some(Match {
            cue: colon_at..colon_at + 1,
            source: Some(source),
            content: Content::Quote,
            confidence: 0.6,
        })
    }

    /// The subject of cue verb `c`: the noun phrase before it (past adverbs and auxiliaries), or
    /// for a second verb of a coordination ("X appeared ... and said") the sentence's subject.
    fn source_of_verb(&self, c: usize, lo: usize) -> Option<Range<usize>> {
        let sentence_start = self
            .doc
            .token_at_or_after(self.doc.sentences[self.sentence_of[c] as usize].start);
        let floor = lo.min(c).max(sentence_start.min(c));
        let mut s_end = c;
        while s_end > floor && self.p.is_verb_modifier(s_end - 1) {
            s_end -= 1;
        }
        if let Some(s) = self.p.source_before(s_end, floor) {
            return Some(s);
        }
        if s_end > floor && self.p.tag(s_end - 1) == Upos::Cconj {
            // The subject of the sentence's first verb (looked for near the sentence start only,
            // so that a run-on "sentence" stays linear).
            let first_verb = (sentence_start..s_end.min(sentence_start + MAX_LEFT_SCAN))
                .find(|&k| matches!(self.p.tag(k), Upos::Verb | Upos::Aux))?;
            let mut e = first_verb;
            while e > sentence_start && self.p.is_verb_modifier(e - 1) {
                e -= 1;
            }
            return self.p.source_before(e, sentence_start);
        }
        None
    }

    /// Whether the words between a cue and a quotation leave the quotation the whole content
    /// (nothing, an addressee, adverbials) or make a mixed content starting after the cue.
    fn shape_between(&self, c: usize, between: Range<usize>) -> Content {
        let mut i = between.start;
        let end = between.end;
        if i >= end {
            return Content::Quote;
        }
        let lower = |k: usize| self.p.text(k).to_lowercase();
        if crate::cues::takes_addressee(self.p.text(c)) {
            if let Some(np) = self.p.source_after(i, end).filter(|np| np.start == i) {
                // The addressee never takes an appositive here: stop at a comma; and a name
                // ends it ("told The New Yorker certain views ...").
                let comma = (np.start..np.end)
                    .find(|&k| self.p.text(k) == ",")
                    .unwrap_or(np.end);
                let name_end = (np.start..comma)
                    .position(|k| self.p.is_capitalized_word(k))
                    .map(|first| {
                        let mut e = np.start + first;
                        while e < comma
                            && (self.p.is_capitalized_word(e)
                                || matches!(self.p.text(e), "'s" | "’s"))
                        {
                            e += 1;
                        }
                        e
                    });
                i = match name_end {
                    Some(e)
                        if e < comma
                            && self
                                .p
                                .text(np.start)
                                .chars()
                                .next()
                                .is_some_and(char::is_uppercase) =>
                    {
                        e
                    }
                    _ => comma,
                };
            }
        }
        // The last coordinated "and that ..." before the quotation starts its content; earlier
        // that-clauses are reported speech of their own.
        if let Some(k) = (i + 1..end)
            .rev()
            .find(|&k| lower(k) == "that" && matches!(lower(k - 1).as_str(), "and" | "but"))
        {
            return Content::Mixed {
                start: k,
                end: None,
            };
        }
        // `called it “a disaster”`: an object pronoun leaves the quotation the content.
        if (i..end).all(|k| {
            matches!(
                lower(k).as_str(),
                "it" | "them" | "him" | "her" | "us" | "me" | "this"
            )
        }) {
            return Content::Quote;
        }
        // Adverbials: prepositional phrases, time words, adverbs, commas.
        let mut k = i;
        while k < end {
            let t = lower(k);
            if t == "that" {
                return Content::Mixed {
                    start: k,
                    end: None,
                };
            }
            if matches!(self.p.tag(k), Upos::Adp) && t != "that" {
                // A prepositional phrase: the preposition and its noun phrase.
                match self.p.source_after(k + 1, end) {
                    Some(np) if np.start == k + 1 => {
                        k = np.end;
                        continue;
                    }
                    _ => {
                        return Content::Mixed {
                            start: i,
                            end: None,
                        }
                    }
                }
            }
            if matches!(self.p.tag(k), Upos::Adv)
                || TIME_WORDS.contains(&t.as_str())
                || matches!(t.as_str(), "," | "last" | "this" | "next" | "on" | "in")
            {
                k += 1;
                continue;
            }
            return Content::Mixed {
                start: k.max(i),
                end: None,
            };
        }
        Content::Quote
    }

    /// `X said that ... "..." and that "..."`: a second content coordinated with one cued before.
    fn match_coordinated(&self, qi: usize, lo: usize) -> Option<Match> {
        let open = self.token_ranges[qi].start;
        if open <= lo || !matches!(self.p.text(lo).to_lowercase().as_str(), "and" | "but") {
            return None;
        }
        let sentence = self.sentence_of[open] as usize;
        let prev = self
            .made
            .last()
            .filter(|m| m.from_left && m.sentence == sentence)?;
        // The content starts after the conjunction ("and that ...").
        let start = lo + 1;
        let cue = prev.cue_token.map(|c| c..c + 1)?;
        let source = self.token_range_of(prev.attribution.source.first().copied());
        Some(Match {
            cue,
            source,
            content: if start >= open {
                Content::Quote
            } else {
                Content::Mixed { start, end: None }
            },
            confidence: 0.6,
        })
    }

    fn token_range_of(&self, span: Option<Span>) -> Option<Range<usize>> {
        let r = self.doc.tokens_in(span?);
        (!r.is_empty()).then_some(r)
    }

    /// A quotation opening its sentence after a sentence that ends in `cue ... :`.
    fn match_previous_sentence(&self, qi: usize) -> Option<Match> {
        let open = self.token_ranges[qi].start;
        let sentence = self.sentence_of[open] as usize;
        let sentence_start = self
            .doc
            .token_at_or_after(self.doc.sentences[sentence].start);
        if open != sentence_start || sentence == 0 {
            return None;
        }
        let prev = self.doc.sentences[sentence - 1];
        let prev_tokens = self.doc.tokens_in(prev);
        let last = prev_tokens.end.checked_sub(1)?;
        if prev_tokens.is_empty()
            || self.p.text(last) != ":"
            || qi > 0 && self.token_ranges[qi - 1].end > prev_tokens.start
        {
            return None;
        }
        let c = self.last_cue(
            prev_tokens.start.max(last.saturating_sub(MAX_LEFT_SCAN)),
            last,
        )?;
        let cue = self.cue_range(c, last);
        let source = if self.is_according(c) {
            self.p.source_after(cue.end, last)
        } else {
            self.source_of_verb(c, prev_tokens.start)
        };
        Some(Match {
            cue,
            source,
            content: Content::Quote,
            confidence: 0.75,
        })
    }

    /// A speech quotation with no cue of its own continues the last attribution of its paragraph,
    /// or of the paragraph before when it opens its own.
    fn continue_previous(&mut self, qi: usize, pieces: &[Span]) {
        let q = self.doc.quotes[qi];
        // A lone unclosed mark is too weak a sign of speech to carry a speaker over, and a
        // quotation introduced by a colon starts something new.
        let open = self.token_ranges[qi].start;
        let after_colon = open > 0 && self.p.text(open - 1) == ":";
        if !q.has_close_mark && pieces.len() == 1 || after_colon {
            return;
        }
        let opens_paragraph = self
            .doc
            .paragraphs
            .get(q.paragraph as usize)
            .is_some_and(|p| p.start == q.span.start);
        let doc = self.doc;
        let Some(prev) = self.made.last_mut() else {
            return;
        };
        let same = prev.paragraph == q.paragraph;
        // Into the next paragraph only when the attribution closed the paragraph before (its
        // last sentence holds the attribution), not after narration that followed it.
        let last_sentence_start = doc.paragraphs.get(prev.paragraph as usize).and_then(|p| {
            let k = doc.sentence_index(p.end);
            k.checked_sub(1).map(|k| doc.sentences[k].start)
        });
        let attribution_end = prev
            .attribution
            .content
            .iter()
            .chain(&prev.attribution.cue)
            .chain(&prev.attribution.source)
            .map(|s| s.end)
            .max();
        let closes_paragraph =
            matches!((last_sentence_start, attribution_end), (Some(s), Some(e)) if e > s);
        let next = prev.paragraph + 1 == q.paragraph && opens_paragraph && closes_paragraph;
        if !(same || next) {
            return;
        }
        let a = &mut prev.attribution;
        if a.continuation_from.is_none() {
            a.continuation_from = Some(a.content.len());
        }
        a.content.extend_from_slice(pieces);
        a.confidence = a.confidence.min(0.75);
        prev.paragraph = q.paragraph;
    }

    /// One past the last token of the clause a quotation ends ("... "a disaster" for the
    /// state"), within its paragraph.
    fn clause_end_after_quote(&self, qi: usize) -> usize {
        let doc = self.doc;
        let end = self.token_ranges[qi].end;
        let para_end = doc.paragraphs[doc.quotes[qi].paragraph as usize].end;
        let ends_sentence = self
            .doc
            .tokens_in(doc.quotes[qi].inner)
            .last()
            .is_some_and(|k| doc.tokens[k].kind == TokenKind::Terminal);
        let continues_clause = !ends_sentence
            && doc.tokens.get(end).is_some_and(|t| {
                t.span.start < para_end
                    && t.kind != TokenKind::Terminal
                    && !matches!(self.p.text(end), "," | ";" | ":")
            });
        if continues_clause {
            // A comma, a dash, a parenthesis or a coordinated "and that" ends the reported clause.
            let clause = self.clause_end(end, MAX_CLAUSE_TAIL);
            (end..clause)
                .find(|&k| {
                    matches!(self.p.text(k), "," | "—" | "–" | "--" | "(")
                        || matches!(self.p.text(k), "and" | "but")
                            && self.doc.tokens.get(k + 1).is_some()
                            && self.p.text(k + 1) == "that"
                })
                .unwrap_or(clause)
        } else {
            end
        }
    }

    fn push(&mut self, m: Match, pieces: &[Span], last_quote: usize, consumed: &mut [bool]) {
        let doc = self.doc;
        let span_of = |r: &Range<usize>| {
            Span::new(
                doc.tokens[r.start].span.start,
                doc.tokens[r.end - 1].span.end,
            )
        };
        let (kind, content) = match m.content {
            Content::Quote => (AttributionKind::Direct, pieces.to_vec()),
            Content::Mixed { start, end } => {
                let end = end.unwrap_or_else(|| self.clause_end_after_quote(last_quote));
                // Any further quotations inside the content are part of it.
                let first = self.token_ranges.partition_point(|r| r.start < start);
                for (k, r) in self.token_ranges.iter().enumerate().skip(first) {
                    if r.start >= end {
                        break;
                    }
                    if r.end <= end {
                        consumed[k] = true;
                    }
                }
                (AttributionKind::Mixed, vec![span_of(&(start..end))])
            }
        };
        let paragraph = doc.paragraph_of(content.last().map_or(0, |s| s.start)) as u32;
        let from_left = m.cue.start < self.token_ranges[last_quote].start;
        self.made.push(Made {
            attribution: Attribution {
                kind,
                content,
                cue: vec![span_of(&m.cue)],
                source: m
                    .source
                    .filter(|r| !r.is_empty())
                    .map(|r| vec![span_of(&r)])
                    .unwrap_or_default(),
                speaker: None,
                confidence: m.confidence,
                continuation_from: None,
                ..Default::default()
            },
            paragraph,
            cue_token: Some(m.cue.start),
            from_left,
            sentence: self.sentence_of[m.cue.start] as usize,
        });
    }
}

/// Sorts spans and merges overlapping ones, so that every role is ordered and disjoint.
fn normalize_spans(spans: &mut Vec<Span>) {
    spans.retain(|s| !s.is_empty());
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        match out.last_mut() {
            Some(last) if s.start < last.end => *last = last.cover(s),
            _ => out.push(s),
        }
    }
    *spans = out;
}

#[cfg(test)]
mod tests;
