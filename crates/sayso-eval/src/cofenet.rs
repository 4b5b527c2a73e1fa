//! The CofeNet protocol of the reference scorer (its protocol A): the sentence-level PTB-token
//! conversion of PolNeAR (`cofenet_dev.txt`, BIO labels for source / cue / content) is aligned
//! to the article texts, predicted spans are projected onto its tokens (a token takes the role
//! of the predicted span covering at least half of its characters; ties to the shortest span,
//! then the later attribution), and exact-match and begin-match P/R/F1 per role are
//! micro-averaged over sentences. The alignment follows the reference scorer's rules so that
//! the two agree on the same predictions.

use crate::article::{Predicted, Prf};
use regex::Regex;
use sayso_document::{kind, AttributionKind, Document, Span};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

pub const ROLES: [&str; 3] = ["source", "cue", "content"];

/// One sentence of the conversion.
#[derive(Deserialize)]
pub struct Instance {
    /// `ARTICLE_ANNOTATOR`.
    id: String,
    tokens: Vec<String>,
    labels: Vec<String>,
}

impl Instance {
    fn article_and_annotator(&self) -> (&str, &str) {
        self.id.rsplit_once('_').unwrap_or((&self.id, ""))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CofenetError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}, line {line}: {source}")]
    Parse {
        path: String,
        line: usize,
        source: serde_json::Error,
    },
}

/// Reads the conversion (one JSON sentence a line).
pub fn read_instances(path: &Path) -> Result<Vec<Instance>, CofenetError> {
    let shown = path.display().to_string();
    let data = std::fs::read_to_string(path).map_err(|source| CofenetError::Read {
        path: shown.clone(),
        source,
    })?;
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|source| CofenetError::Parse {
                path: shown.clone(),
                line: i + 1,
                source,
            })
        })
        .collect()
}

/// Exact and begin P/R/F1 per role; content also per kind of the span (by its quotation marks).
#[derive(Clone, Debug, Default, Serialize)]
pub struct RoleScores {
    pub exact: BTreeMap<String, Prf>,
    pub begin: BTreeMap<String, Prf>,
    pub content_exact_by_kind: BTreeMap<String, Prf>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct CofenetScores {
    pub instances: usize,
    pub instances_primary_annotator: usize,
    pub tokens: usize,
    pub tokens_aligned: usize,
    pub primary_annotator: RoleScores,
    pub all_annotators: RoleScores,
}

/// Scores predictions on the instances of the gold articles (others are skipped).
pub fn score(
    instances: &[Instance],
    gold: &[Document],
    predictions: &HashMap<String, Vec<Predicted>>,
) -> CofenetScores {
    let gold: HashMap<&str, &Document> = gold.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut patterns = Patterns::default();
    let mut from: HashMap<&str, usize> = HashMap::new();
    let (mut all, mut primary) = (Counts::default(), Counts::default());
    let mut out = CofenetScores::default();
    let mut chars_of: HashMap<&str, (Vec<char>, Vec<usize>)> = HashMap::new();
    let none = Vec::new();
    for inst in instances {
        let (article, annotator) = inst.article_and_annotator();
        let Some(doc) = gold.get(article) else {
            continue;
        };
        let text = doc.text();
        let (chars, char_of_byte) = chars_of.entry(article).or_insert_with(|| {
            let mut char_of_byte = vec![0; text.len() + 1];
            let mut k = 0;
            for (b, c) in text.char_indices() {
                for slot in &mut char_of_byte[b..b + c.len_utf8()] {
                    *slot = k;
                }
                k += 1;
            }
            char_of_byte[text.len()] = k;
            (text.chars().collect(), char_of_byte)
        });
        let start = from.get(inst.id.as_str()).copied().unwrap_or(0);
        let (spans, end, unaligned) = align(text, &inst.tokens, start, &mut patterns);
        from.insert(&inst.id, end);
        let spans: Vec<Option<(usize, usize)>> = spans
            .into_iter()
            .map(|s| s.map(|(a, b)| (char_of_byte[a], char_of_byte[b])))
            .collect();
        let mut labels = inst.labels.clone();
        labels.resize(inst.tokens.len(), "O".into());
        let predicted = predictions.get(article).unwrap_or(&none);
        let projected = project(&spans, predicted);
        out.instances += 1;
        out.tokens += inst.tokens.len();
        out.tokens_aligned += inst.tokens.len() - unaligned;
        all.add(&labels, &projected, &spans, chars);
        let primary_annotator = doc.meta.extra.get("annotator").and_then(|a| a.as_str());
        if primary_annotator.is_none_or(|a| a == annotator) {
            out.instances_primary_annotator += 1;
            primary.add(&labels, &projected, &spans, chars);
        }
    }
    out.primary_annotator = primary.result();
    out.all_annotators = all.result();
    out
}

const QUOTE_CHARS: &str = "\"'`“”‘’‚‛„‟′″´«»‹›";
const DASH_CLASS: &str = "[-‐‑‒–—―−]";
const SKIP_CHARS: &str = " \t\r\n\u{c}\u{b}\u{a0}\u{1680}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}\u{ad}";
/// Characters a sentence may start at after a previous one: any other reference position.
const HEAD_WINDOW: usize = 3000;
/// How far past an unmatched spot a token is looked for.
const RECOVERY_WINDOW: usize = 60;

fn class_of(chars: &str) -> String {
    format!("[{}]", regex::escape(chars))
}

/// How one PTB token is found in the text: as itself, or by a pattern for the tokens PTB
/// rewrites (quotes, brackets, dashes, ellipses, the extra '.' after an abbreviation).
enum TokenPattern {
    Literal(String),
    Pattern { anchored: Regex, anywhere: Regex },
}

impl TokenPattern {
    /// The match starting exactly at byte `at`, as a byte range.
    fn match_at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        match self {
            TokenPattern::Literal(t) => text[at..]
                .starts_with(t.as_str())
                .then(|| (at, at + t.len())),
            TokenPattern::Pattern { anchored, .. } => anchored
                .find(&text[at..])
                .map(|m| (at + m.start(), at + m.end())),
        }
    }

    /// Every match starting within `from..to` (bytes), in order.
    fn matches_in(&self, text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
        let window = &text[from..to];
        match self {
            // Every start, overlapping ones too (as the reference scorer's literal search).
            TokenPattern::Literal(t) => {
                let mut out = Vec::new();
                let mut pos = 0;
                while let Some(i) = window[pos..].find(t.as_str()) {
                    let s = pos + i;
                    out.push((from + s, from + s + t.len()));
                    pos = s + window[s..].chars().next().map_or(1, char::len_utf8);
                }
                out
            }
            TokenPattern::Pattern { anywhere, .. } => anywhere
                .find_iter(window)
                .map(|m| (from + m.start(), from + m.end()))
                .collect(),
        }
    }

    fn source(&self) -> String {
        match self {
            TokenPattern::Literal(t) => regex::escape(t),
            TokenPattern::Pattern { anywhere, .. } => anywhere.as_str().to_string(),
        }
    }
}

#[derive(Default)]
struct Patterns {
    cache: HashMap<(String, bool), std::rc::Rc<TokenPattern>>,
}

impl Patterns {
    fn get(&mut self, token: &str, after_abbreviation: bool) -> std::rc::Rc<TokenPattern> {
        let key = (token.to_string(), after_abbreviation);
        if let Some(p) = self.cache.get(&key) {
            return p.clone();
        }
        let pattern = std::rc::Rc::new(token_pattern(token, after_abbreviation));
        self.cache.insert(key, pattern.clone());
        pattern
    }
}

fn token_pattern(token: &str, after_abbreviation: bool) -> TokenPattern {
    let quote = class_of(QUOTE_CHARS);
    let special = |c: char| {
        QUOTE_CHARS.contains(c) || SKIP_CHARS.contains(c) || matches!(c, '-' | '&' | '\\')
    };
    let rewritten = token.is_empty()
        || token == "..."
        || (token == "." && after_abbreviation)
        || token.chars().any(special);
    if !rewritten {
        return TokenPattern::Literal(token.to_string());
    }
    let brackets = [
        ("-LRB-", "([{"),
        ("-RRB-", ")]}"),
        ("-LSB-", "[({"),
        ("-RSB-", "])}"),
        ("-LCB-", "{(["),
        ("-RCB-", "})]"),
    ];
    let pattern = if let Some((_, chars)) = brackets.iter().find(|(b, _)| *b == token) {
        class_of(chars)
    } else if !token.is_empty() && token.chars().all(|c| "`'\"".contains(c)) {
        match token.chars().count() {
            1 => quote.clone(),
            2 => format!("(?:''|``|{quote})"),
            _ => format!("(?:{}|{quote}{{2}}|{quote})", regex::escape(token)),
        }
    } else if token == "--" {
        format!("(?:--|{DASH_CLASS})")
    } else if token == "..." {
        r"(?:\.[ \x{a0}]?\.[ \x{a0}]?\.|…)".to_string()
    } else if token == "." && after_abbreviation {
        r"\.?".to_string()
    } else {
        let mut t = token.replace("\\/", "/").replace("\\*", "*");
        for (ptb, c) in [
            ("-LRB-", "("),
            ("-RRB-", ")"),
            ("-LSB-", "["),
            ("-RSB-", "]"),
            ("-LCB-", "{"),
            ("-RCB-", "}"),
        ] {
            t = t.replace(ptb, c);
        }
        t.chars()
            .map(|c| {
                if QUOTE_CHARS.contains(c) {
                    quote.clone()
                } else if c == '-' {
                    DASH_CLASS.to_string()
                } else if c == '&' {
                    "(?:&amp;|&)".to_string()
                } else if SKIP_CHARS.contains(c) {
                    format!("{}*", class_of(SKIP_CHARS))
                } else {
                    regex::escape(&c.to_string())
                }
            })
            .collect()
    };
    TokenPattern::Pattern {
        anchored: Regex::new(&format!("^(?:{pattern})")).expect("token patterns are valid"),
        anywhere: Regex::new(&pattern).expect("token patterns are valid"),
    }
}

fn skip(text: &str, mut at: usize) -> usize {
    while let Some(c) = text[at..].chars().next() {
        if !SKIP_CHARS.contains(c) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// The byte `chars` characters after `at` (or the end).
fn after_chars(text: &str, at: usize, chars: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| at + i)
}

/// Greedy left-to-right alignment of the tokens from byte `from`: each token's byte range (or
/// `None`), where the next sentence starts looking, and how many tokens stayed unaligned.
fn align(
    text: &str,
    tokens: &[String],
    from: usize,
    patterns: &mut Patterns,
) -> (Vec<Option<(usize, usize)>>, usize, usize) {
    let mut compiled = Vec::with_capacity(tokens.len());
    let mut previous = "";
    for t in tokens {
        let after_abbreviation = previous.ends_with('.') && previous.chars().count() > 1;
        compiled.push(patterns.get(t, after_abbreviation));
        previous = t;
    }
    let mut at = from;
    // Where the sentence starts: its first few tokens together, near `from`, else anywhere.
    let head_len = tokens.len().min(4);
    if head_len > 0 {
        let separator = format!("{}*", class_of(SKIP_CHARS));
        let head: Vec<String> = compiled[..head_len].iter().map(|p| p.source()).collect();
        let head = head.join(&separator);
        if let (Ok(anchored), Ok(anywhere)) =
            (Regex::new(&format!("^(?:{head})")), Regex::new(&head))
        {
            let q = skip(text, at);
            let window_end = after_chars(text, q, HEAD_WINDOW);
            let found = anchored
                .find(&text[q..])
                .map(|m| q + m.start())
                .or_else(|| anywhere.find(&text[q..window_end]).map(|m| q + m.start()))
                .or_else(|| anywhere.find(text).map(|m| m.start()));
            if let Some(start) = found {
                at = start;
            }
        }
    }
    let mut spans = Vec::with_capacity(tokens.len());
    let mut unaligned = 0;
    for (i, token) in tokens.iter().enumerate() {
        let q = skip(text, at);
        let mut found = compiled[i].match_at(text, q);
        if found.is_none() {
            // Recovery: skip up to a window of text, only where the next token matches after.
            let next = compiled.get(i + 1);
            let next_here = next.is_some_and(|n| n.match_at(text, q).is_some());
            if !next_here {
                let to = after_chars(text, q, RECOVERY_WINDOW + token.chars().count());
                found = compiled[i]
                    .matches_in(text, q, to)
                    .into_iter()
                    .find(|&(_, e)| next.is_none_or(|n| n.match_at(text, skip(text, e)).is_some()));
            }
        }
        match found {
            Some((s, e)) => {
                spans.push(Some((s, e)));
                at = e;
            }
            None => {
                spans.push(None);
                unaligned += 1;
            }
        }
    }
    (spans, at, unaligned)
}

/// Token labels from the predicted spans (see the module comment for the rules).
fn project(tokens: &[Option<(usize, usize)>], predicted: &[Predicted]) -> Vec<String> {
    // (role, attribution, piece) of every predicted span, with its width.
    let mut spans: Vec<(usize, usize, usize, Span)> = Vec::new();
    for (a, p) in predicted.iter().enumerate() {
        let at = &p.attribution;
        for (role, pieces) in [&at.source, &at.cue, &at.content].into_iter().enumerate() {
            for (k, s) in pieces.iter().enumerate() {
                spans.push((role, a, k, *s));
            }
        }
    }
    let mut labels = Vec::with_capacity(tokens.len());
    let mut previous: Option<usize> = None;
    let mut last_end = 0;
    for token in tokens {
        let (s, e) = match token {
            Some((s, e)) if s < e => {
                last_end = *e;
                (*s, *e)
            }
            // Unaligned or zero-width (PTB's extra '.'): the character before.
            other => {
                let at = other.map_or(last_end, |(s, _)| s).saturating_sub(1);
                (at, at + 1)
            }
        };
        let width = e - s;
        let best = spans
            .iter()
            .enumerate()
            .filter_map(|(id, (_, _, _, span))| {
                let overlap = (span.end as usize)
                    .min(e)
                    .saturating_sub((span.start as usize).max(s));
                (overlap > 0 && 2 * overlap >= width).then_some((overlap, span.len(), id))
            })
            .min_by_key(|&(overlap, len, id)| {
                (std::cmp::Reverse(overlap), len, std::cmp::Reverse(id))
            });
        match best {
            None => {
                labels.push("O".to_string());
                previous = None;
            }
            Some((_, _, id)) => {
                let (role, attribution, piece, _) = spans[id];
                let key = (role, attribution, piece);
                let same = previous.is_some_and(|p| {
                    let (r, a, k, _) = spans[p];
                    (r, a, k) == key
                });
                let prefix = if same { "I-" } else { "B-" };
                labels.push(format!("{prefix}{}", ROLES[role]));
                previous = Some(id);
            }
        }
    }
    labels
}

/// CofeNet's span reading of BIO labels: B- opens, I- of the same role continues, anything else
/// closes (an I- with nothing open is dropped). Spans per role as token ranges.
fn bio_spans(labels: &[String]) -> HashMap<&str, Vec<(usize, usize)>> {
    let mut out: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut open: Option<(&str, usize)> = None;
    for (i, label) in labels.iter().enumerate() {
        if let Some(role) = label.strip_prefix("B-") {
            if let Some((r, s)) = open {
                out.entry(r).or_default().push((s, i));
            }
            open = Some((role, i));
        } else if label
            .strip_prefix("I-")
            .is_some_and(|role| open.is_some_and(|(r, _)| r == role))
        {
            continue;
        } else if let Some((r, s)) = open.take() {
            out.entry(r).or_default().push((s, i));
        }
    }
    if let Some((r, s)) = open {
        out.entry(r).or_default().push((s, labels.len()));
    }
    out
}

#[derive(Default)]
struct Counts {
    /// (measure, role) -> (true positives, predicted, gold).
    counts: BTreeMap<(&'static str, String), (usize, usize, usize)>,
}

impl Counts {
    fn add(
        &mut self,
        gold: &[String],
        predicted: &[String],
        tokens: &[Option<(usize, usize)>],
        chars: &[char],
    ) {
        let (g, p) = (bio_spans(gold), bio_spans(predicted));
        let none = Vec::new();
        for role in ROLES {
            let gs: std::collections::BTreeSet<_> =
                g.get(role).unwrap_or(&none).iter().copied().collect();
            let ps: std::collections::BTreeSet<_> =
                p.get(role).unwrap_or(&none).iter().copied().collect();
            self.bump(
                "exact",
                role.into(),
                gs.intersection(&ps).count(),
                ps.len(),
                gs.len(),
            );
            let gb: std::collections::BTreeSet<_> = gs.iter().map(|s| s.0).collect();
            let pb: std::collections::BTreeSet<_> = ps.iter().map(|s| s.0).collect();
            self.bump(
                "begin",
                role.into(),
                gb.intersection(&pb).count(),
                pb.len(),
                gb.len(),
            );
            if role == "content" {
                let kind_of = |&(a, b): &(usize, usize)| span_kind(&tokens[a..b], chars);
                for kind in [
                    AttributionKind::Direct,
                    AttributionKind::Mixed,
                    AttributionKind::Indirect,
                ] {
                    let gk: Vec<_> = gs.iter().filter(|s| kind_of(s) == kind).collect();
                    let pk: Vec<_> = ps.iter().filter(|s| kind_of(s) == kind).collect();
                    let tp = pk.iter().filter(|s| gs.contains(s)).count();
                    let gold_tp = gk.iter().filter(|s| ps.contains(s)).count();
                    // Recall counts gold spans of the kind found; precision predicted ones right.
                    self.bump("kind-recall", kind.as_str().into(), gold_tp, 0, gk.len());
                    self.bump("kind-precision", kind.as_str().into(), tp, pk.len(), 0);
                }
            }
        }
    }

    fn bump(&mut self, measure: &'static str, role: String, tp: usize, pred: usize, gold: usize) {
        let c = self.counts.entry((measure, role)).or_default();
        c.0 += tp;
        c.1 += pred;
        c.2 += gold;
    }

    fn result(&self) -> RoleScores {
        let get = |m: &'static str, r: &str| {
            self.counts
                .get(&(m, r.to_string()))
                .copied()
                .unwrap_or_default()
        };
        let mut out = RoleScores::default();
        for role in ROLES {
            let (tp, pred, gold) = get("exact", role);
            out.exact.insert(role.into(), Prf::new(tp, pred, gold));
            let (tp, pred, gold) = get("begin", role);
            out.begin.insert(role.into(), Prf::new(tp, pred, gold));
        }
        for kind in ["direct", "mixed", "indirect"] {
            let (recall_tp, _, gold) = get("kind-recall", kind);
            let (precision_tp, pred, _) = get("kind-precision", kind);
            let p = Prf::new(precision_tp, pred, pred.max(1));
            let r = Prf::new(recall_tp, gold.max(1), gold);
            let f1 = if p.p + r.r > 0.0 {
                2.0 * p.p * r.r / (p.p + r.r)
            } else {
                0.0
            };
            out.content_exact_by_kind.insert(
                kind.into(),
                Prf {
                    p: p.p,
                    r: r.r,
                    f1,
                    tp: recall_tp,
                    pred,
                    gold,
                },
            );
        }
        out
    }
}

/// Direct, mixed or indirect by the quotation marks of the text the tokens cover.
fn span_kind(tokens: &[Option<(usize, usize)>], chars: &[char]) -> AttributionKind {
    let aligned: Vec<(usize, usize)> = tokens.iter().flatten().copied().collect();
    match (aligned.first(), aligned.last()) {
        (Some(&(s, _)), Some(&(_, e))) => kind::classify(chars, &[Span::new(s as u32, e as u32)]),
        _ => AttributionKind::Indirect,
    }
}

impl fmt::Display for CofenetScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "CofeNet protocol: {} sentences ({} of the primary annotator), {} of {} tokens aligned",
            self.instances, self.instances_primary_annotator, self.tokens_aligned, self.tokens
        )?;
        for (name, scores) in [
            ("primary annotator", &self.primary_annotator),
            ("all annotators", &self.all_annotators),
        ] {
            writeln!(f, "-- {name} --")?;
            writeln!(
                f,
                "            exact P      R     F1 |  begin P      R     F1 | gold spans"
            )?;
            for role in ROLES {
                let (e, b) = (&scores.exact[role], &scores.begin[role]);
                writeln!(
                    f,
                    "{role:<10} {:>7.1} {:>6.1} {:>6.1} | {:>8.1} {:>6.1} {:>6.1} | {}",
                    e.p, e.r, e.f1, b.p, b.r, b.f1, e.gold
                )?;
            }
            for (kind, s) in &scores.content_exact_by_kind {
                writeln!(
                    f,
                    "content, {kind:<9} exact P {:.1} R {:.1} F1 {:.1} ({} gold, {} predicted spans)",
                    s.p, s.r, s.f1, s.gold, s.pred
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sayso_document::Attribution;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn bio_spans_close_on_a_foreign_inside_label() {
        let labels = strings(&["B-cue", "I-cue", "I-content", "B-content", "I-content", "O"]);
        let spans = bio_spans(&labels);
        assert_eq!(spans["cue"], vec![(0, 2)]);
        assert_eq!(spans["content"], vec![(3, 5)]);
    }

    #[test]
    fn ptb_tokens_align_to_curly_quotes_dashes_and_abbreviations() {
        let text = "He said — “I’m done” — in the U.S. today.";
        let tokens = strings(&[
            "He", "said", "--", "``", "I", "'m", "done", "''", "--", "in", "the", "U.S.", ".",
            "today", ".",
        ]);
        let (spans, _, unaligned) = align(text, &tokens, 0, &mut Patterns::default());
        assert_eq!(unaligned, 0, "{spans:?}");
        let piece = |k: usize| spans[k].map(|(a, b)| &text[a..b]);
        assert_eq!(piece(2), Some("—"));
        assert_eq!(piece(3), Some("“"));
        assert_eq!(piece(5), Some("’m"));
        // PTB's extra '.' after "U.S." matches nothing: a zero-width token.
        assert_eq!(piece(12), Some(""));
    }

    #[test]
    fn projection_takes_the_span_covering_half_a_token() {
        let tokens = [Some((0, 2)), Some((3, 7)), Some((8, 12)), Some((13, 20))];
        let attribution = Attribution {
            kind: AttributionKind::Indirect,
            content: vec![Span::new(9, 20)],
            cue: vec![Span::new(3, 7)],
            source: vec![Span::new(0, 2)],
            speaker: None,
            confidence: 1.0,
            continuation_from: None,
            ..Default::default()
        };
        let predicted = [Predicted {
            attribution,
            kind_given: true,
        }];
        let labels = project(&tokens, &predicted);
        assert_eq!(
            labels,
            strings(&["B-source", "B-cue", "B-content", "I-content"])
        );
    }
}
