//! Reported (indirect) speech from the dependency tree: a cue verb and its complement clause
//! (`X said that CLAUSE`, `X told Y CLAUSE`), an intention (`X vowed to VP`), a fronted clause
//! with the cue in parataxis (`CLAUSE, X said.`), and `according to X, CLAUSE`. The source is
//! the cue's subject.
//!
//! It runs after the quotation attributor and leaves alone what that one attributed. It needs
//! `doc.heads` and `doc.deprels` (the parser's), and is a first, rule-based step that the
//! learned attribution model will replace.

use crate::cues::CueLexicon;
use crate::Attributor;
use sayso_annotate::parser::children::Children;
use sayso_document::{kind, Attribution, Document, Span, TokenKind, Upos};

#[derive(Clone, Debug)]
pub struct ReportedSpeechAttributor {
    pub min_cue_rate: f32,
    pub min_cue_count: u32,
    pub cues: &'static CueLexicon,
}

impl Default for ReportedSpeechAttributor {
    fn default() -> Self {
        ReportedSpeechAttributor {
            min_cue_rate: 0.3,
            min_cue_count: 3,
            cues: CueLexicon::bundled(),
        }
    }
}

/// Children and subtree extent of each token, within its sentence.
pub(crate) struct Tree {
    children: Children,
    first: Vec<usize>,
    last: Vec<usize>,
}

impl Tree {
    pub(crate) fn new(doc: &Document) -> Tree {
        let n = doc.tokens.len();
        let children = Children::new(n, |t| doc.heads[t].map(|h| h as usize));
        let mut first: Vec<usize> = (0..n).collect();
        let mut last: Vec<usize> = (0..n).collect();
        // Extents bottom-up: visit tokens in an order where children come before heads.
        let mut order = Vec::with_capacity(n);
        let mut stack: Vec<(usize, bool)> = (0..n)
            .filter(|&d| doc.heads[d].is_none())
            .map(|d| (d, false))
            .collect();
        while let Some((t, done)) = stack.pop() {
            if done {
                order.push(t);
                continue;
            }
            stack.push((t, true));
            stack.extend(children.of(t).iter().map(|&c| (c as usize, false)));
        }
        for &t in &order {
            for &c in children.of(t) {
                let c = c as usize;
                first[t] = first[t].min(first[c]);
                last[t] = last[t].max(last[c]);
            }
        }
        Tree {
            children,
            first,
            last,
        }
    }

    fn child(&self, doc: &Document, t: usize, relations: &[&str]) -> Option<usize> {
        self.children
            .of(t)
            .iter()
            .map(|&c| c as usize)
            .find(|&c| relations.contains(&base(&doc.deprels[c])))
    }
}

fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

impl Attributor for ReportedSpeechAttributor {
    fn attribute(&self, doc: &mut Document) {
        if !doc.is_parsed() {
            return;
        }
        let tree = Tree::new(doc);
        // Tokens already in an attribution: reported speech does not take them again.
        let mut taken = vec![false; doc.tokens.len()];
        for a in &doc.attributions {
            for s in a.content.iter().chain(&a.cue).chain(&a.source) {
                taken[doc.tokens_in(*s)].iter_mut().for_each(|t| *t = true);
            }
        }
        let chars: Vec<char> = doc.text().chars().collect();
        let mut found = Vec::new();
        for c in 0..doc.tokens.len() {
            let Some(Found {
                cue,
                content,
                source,
                clause,
            }) = self.match_cue(doc, &tree, c)
            else {
                continue;
            };
            let shaped = if clause {
                is_clause(doc, content)
            } else {
                content.1 > content.0
            };
            if !shaped {
                continue;
            }
            let free = |r: Range, taken: &[bool]| !taken[r.0..=r.1].iter().any(|&t| t);
            if !free(content, &taken) || !free(cue, &taken) {
                continue;
            }
            for r in [Some(content), Some(cue), source].into_iter().flatten() {
                taken[r.0..=r.1].iter_mut().for_each(|t| *t = true);
            }
            let span = |r: Range| Span::new(doc.tokens[r.0].span.start, doc.tokens[r.1].span.end);
            let content = vec![span(content)];
            found.push(Attribution {
                kind: kind::classify(&chars, &content),
                content,
                cue: vec![span(cue)],
                source: source.map(|s| vec![span(s)]).unwrap_or_default(),
                speaker: None,
                confidence: 0.5,
                continuation_from: None,
                ..Default::default()
            });
        }
        doc.attributions.extend(found);
        doc.attributions.sort_by_key(Attribution::start);
    }
}

pub(crate) type Range = (usize, usize);

/// One reported-speech match, as inclusive token ranges.
struct Found {
    cue: Range,
    content: Range,
    source: Option<Range>,
    /// The content must be a clause (with a verb); else, as the object of a cue or after
    /// "according to", two words will do.
    clause: bool,
}

fn found(cue: Range, content: Range, source: Option<Range>) -> Option<Found> {
    Some(Found {
        cue,
        content,
        source,
        clause: true,
    })
}

impl ReportedSpeechAttributor {
    fn is_cue(&self, doc: &Document, t: usize) -> bool {
        let stats = self.cues.stats(doc.token_text(t));
        stats.in_cue >= self.min_cue_count && stats.rate() >= self.min_cue_rate
    }

    /// (cue, content, source) token ranges, inclusive, for a cue at token `c`.
    fn match_cue(&self, doc: &Document, tree: &Tree, c: usize) -> Option<Found> {
        let word = doc.token_text(c);
        if word.eq_ignore_ascii_case("according") {
            return self.according_to(doc, c);
        }
        if doc.upos.get(c) != Some(&Upos::Verb) || !self.is_cue(doc, c) {
            return None;
        }
        let source = subject(doc, tree, c, &["conj", "xcomp"]).map(|(range, _)| range);
        // `X said (that) CLAUSE`: the complement clause after the cue.
        if let Some(d) = tree.child(doc, c, &["ccomp"]).filter(|&d| d > c) {
            let content = trim_punct(doc, (tree.first[d], tree.last[d]))?;
            return found((c, c), content, source);
        }
        // `X vowed to repeal the law`, `X urged Y to act`: an intention or a call.
        if let Some(d) = tree
            .child(doc, c, &["xcomp"])
            .filter(|&d| d > c && tree.first[d] > c)
        {
            let first = tree.first[d];
            if doc.token_text(first).eq_ignore_ascii_case("to") {
                let content = trim_punct(doc, (first, tree.last[d]))?;
                return found((c, c), content, source);
            }
        }
        // `X called for a ban`, `X criticized the plan`: what is said is the object.
        let object = tree.child(doc, c, &["obj"]).or_else(|| {
            tree.child(doc, c, &["obl"]).filter(|&o| {
                tree.children
                    .of(o)
                    .iter()
                    .any(|&k| doc.token_text(k as usize).eq_ignore_ascii_case("for"))
            })
        });
        if let Some(o) = object.filter(|&o| o > c && !crate::cues::takes_addressee(word)) {
            let content = trim_punct(doc, (tree.first[o], tree.last[o]))?;
            let content = if doc.token_text(content.0).eq_ignore_ascii_case("for") {
                (content.0 + 1, content.1)
            } else {
                content
            };
            if content.1 > content.0 {
                return Some(Found {
                    cue: (c, c),
                    content,
                    source,
                    clause: false,
                });
            }
        }
        // `CLAUSE, X said.`: the cue hangs off the fronted clause (as parataxis, or as a
        // conjunct with no conjunction, which parsers confuse with it), or the parser left both
        // as roots of the sentence.
        let (head, rel) = match doc.heads[c] {
            Some(h) => (h as usize, base(&doc.deprels[c])),
            None => (self.root_before(doc, c)?, "parataxis"),
        };
        let asyndetic_conj = rel == "conj" && tree.child(doc, c, &["cc"]).is_none();
        if head < c && (matches!(rel, "parataxis" | "ccomp") || asyndetic_conj) {
            let start = tree.first[head];
            let before_cue_clause = tree.first[c].min(source.map_or(c, |s| s.0));
            let content = trim_punct(doc, (start, before_cue_clause.checked_sub(1)?))?;
            return found((c, c), content, source);
        }
        None
    }

    /// `According to X, CLAUSE` and `CLAUSE, according to X.`
    fn according_to(&self, doc: &Document, c: usize) -> Option<Found> {
        if doc
            .tokens
            .get(c + 1)
            .is_none_or(|_| !doc.token_text(c + 1).eq_ignore_ascii_case("to"))
        {
            return None;
        }
        let sentence = doc.sentence_at(doc.tokens[c].span.start)?;
        let range = doc.tokens_in(sentence);
        // The source: the noun phrase after "to", up to the next comma or the sentence end.
        let comma = (c + 2..range.end).find(|&k| doc.token_text(k) == ",");
        let source_end = comma.unwrap_or(range.end).checked_sub(1)?;
        let source = trim_punct(doc, (c + 2, source_end))?;
        // At the start of its sentence it introduces what follows; elsewhere what came before.
        let content = if c == range.start {
            trim_punct(doc, (comma? + 1, range.end - 1))?
        } else {
            let before = (range.start..c).rev().find(|&k| doc.token_text(k) == ",")?;
            trim_punct(doc, (range.start, before.checked_sub(1)?))?
        };
        Some(Found {
            cue: (c, c + 1),
            content,
            source: Some(source),
            clause: false,
        })
    }

    /// The nearest sentence root before token `c` in its sentence.
    fn root_before(&self, doc: &Document, c: usize) -> Option<usize> {
        let sentence = doc.sentence_at(doc.tokens[c].span.start)?;
        let first = doc.token_at_or_after(sentence.start);
        (first..c)
            .rev()
            .find(|&k| doc.heads[k].is_none() && doc.tokens[k].kind == TokenKind::Word)
    }
}

/// The subject of `c`, or of the verb it hangs off through one of the relations `through`
/// ("conj": "X says ... and said ...", "xcomp": "X wants to say ..."), with the verb whose
/// subject it is; with "acl" in `through`, the noun phrase a verb of saying was misparsed as
/// a relative clause of.
pub(crate) fn subject(
    doc: &Document,
    tree: &Tree,
    c: usize,
    through: &[&str],
) -> Option<(Range, usize)> {
    let mut v = c;
    for _ in 0..3 {
        if let Some(s) = tree.child(doc, v, &["nsubj"]) {
            return trim_punct(doc, (tree.first[s], tree.last[s])).map(|r| (r, v));
        }
        if through.contains(&"acl") {
            if let Some(r) = misparsed_subject(doc, tree, v) {
                return Some((r, v));
            }
        }
        match doc.heads[v] {
            Some(h) if through.contains(&base(&doc.deprels[v])) => v = h as usize,
            _ => return None,
        }
    }
    None
}

/// The noun phrase a verb of saying was hung off as a reduced relative clause, which is its
/// subject: the parser reads "Hale's campaign manager Jo Tapp said so" as the
/// manager "said so", a relative of the phrase. Not before "to" ("a man said to be"),
/// nor for a passive ("the remarks, reported by ...").
fn misparsed_subject(doc: &Document, tree: &Tree, v: usize) -> Option<Range> {
    /// A cue this often in PolNeAR train ("said", "argued"; not "released").
    const MIN_CUE_RATE: f32 = 0.3;
    let h = doc.heads[v]? as usize;
    let passive = tree.children.of(v).iter().any(|&c| {
        let rel = &doc.deprels[c as usize];
        rel.ends_with(":pass") || rel.ends_with(":agent")
    });
    if &*doc.deprels[v] != "acl"
        || h >= v
        || tree.first[v] != v
        || passive
        || doc.upos.get(v) != Some(&Upos::Verb)
        || v + 1 < doc.tokens.len() && doc.token_text(v + 1).eq_ignore_ascii_case("to")
        || crate::cues::CueLexicon::bundled()
            .stats(doc.token_text(v))
            .rate()
            < MIN_CUE_RATE
    {
        return None;
    }
    trim_punct(doc, (tree.first[h], v - 1))
}

/// The subject written after its cue verb, as news writes it after a fronted content ("...,
/// noted NBC's Dante Chinni.", "..., argued Sen. Bob Smith in a statement."): the noun phrases
/// the tree hangs off the verb right after it (mostly as objects: treebanks seldom invert a
/// subject), up to the end of the sentence or an oblique, when they hold a name. Only after a
/// verb of saying with no subject before it, and not when a clause of the verb's own follows.
pub(crate) fn inverted_subject(doc: &Document, tree: &Tree, v: usize) -> Option<Range> {
    // The verbs of saying news puts before their subject: after others ("..., uttered a stage
    // whisper", "..., proposed new legislation") the noun phrase is an object.
    const INVERTING_VERBS: &str =
        "said says added adds noted notes wrote writes argued argues explained explains asked \
        asks continued continues recalled recalls observed observes insisted insists warned \
        warns replied replies concluded concludes countered counters acknowledged acknowledges \
        admitted admits conceded concedes cautioned cautions quipped quips declared declares \
        stated states remarked remarks suggested suggests tweeted tweets predicted predicts \
        contended contends complained complains";
    let nominal = |c: usize| {
        matches!(
            base(&doc.deprels[c]),
            "obj" | "nsubj" | "iobj" | "appos" | "punct"
        )
    };
    let ends_clause = |c: usize| matches!(base(&doc.deprels[c]), "obl" | "advmod" | "punct");
    if v == 0
        || doc.token_text(v - 1) != ","
        || !INVERTING_VERBS
            .split_whitespace()
            .any(|w| doc.token_text(v).eq_ignore_ascii_case(w))
        || tree.child(doc, v, &["nsubj"]).is_some()
        || !matches!(
            doc.upos.get(v + 1),
            Some(Upos::Propn | Upos::Noun | Upos::Det | Upos::Adj | Upos::Num)
        )
    {
        return None;
    }
    let after: Vec<usize> = tree
        .children
        .of(v)
        .iter()
        .map(|&c| c as usize)
        .filter(|&c| c > v)
        .collect();
    // The nominals first, then at most an oblique or an adverb ("in a statement", "Friday").
    let nominals = after.iter().take_while(|&&c| nominal(c)).count();
    let head = *after
        .first()
        .filter(|&&c| tree.first[c] == v + 1 && nominal(c))?;
    if !after[nominals..].iter().all(|&c| ends_clause(c)) || base(&doc.deprels[head]) == "punct" {
        return None;
    }
    // Nothing but punctuation after the verb's words in its sentence.
    let sentence_end = doc.sentence_at(doc.tokens[v].span.start)?.end;
    let rest_is_punct = (tree.last[v] + 1..doc.tokens.len())
        .take_while(|&k| doc.tokens[k].span.start < sentence_end)
        .all(|k| doc.upos.get(k) == Some(&Upos::Punct));
    let last = after[..nominals].iter().map(|&c| tree.last[c]).max()?;
    // A speaker by name ("NBC's Dante Chinni").
    let names_someone = (v + 1..=last).any(|t| doc.upos.get(t) == Some(&Upos::Propn));
    (rest_is_punct && names_someone)
        .then(|| trim_punct(doc, (v + 1, last)))
        .flatten()
}

/// The subject of the clause after a participle phrase that opens its sentence ("Claiming the
/// vote was rigged, Smith told ...", "After saying the plan was dead, she was ..."): the
/// first subject right after a comma of the sentence, which the parse, hanging the clause
/// inside the participle's object, does not give the participle.
pub(crate) fn fronted_participle_subject(doc: &Document, tree: &Tree, v: usize) -> Option<Range> {
    fronted_participle_clause(doc, tree, v).map(|(subject, _)| subject)
}

/// The same subject, with the comma that ends the participle's phrase.
pub(crate) fn fronted_participle_clause(
    doc: &Document,
    tree: &Tree,
    v: usize,
) -> Option<(Range, usize)> {
    if !doc.token_text(v).to_lowercase().ends_with("ing") {
        return None;
    }
    let sentence = doc.sentence_at(doc.tokens[v].span.start)?;
    let first = doc.token_at_or_after(sentence.start);
    let opens = v == first
        || v == first + 1 && matches!(doc.upos.get(first), Some(Upos::Adp | Upos::Sconj));
    if !opens {
        return None;
    }
    let end = doc.token_at_or_after(sentence.end);
    let comma = (v + 1..end).find(|&k| doc.token_text(k) == ",")?;
    let s = (comma + 1..end).find(|&k| doc.tokens[k].kind != TokenKind::Quote)?;
    if !doc.deprels.get(s).is_some_and(|r| r.starts_with("nsubj")) {
        return None;
    }
    trim_punct(doc, (tree.first[s], tree.last[s])).map(|subject| (subject, comma))
}

/// The subject of the main verb of token `t`'s sentence, when that verb comes before `t`.
pub(crate) fn root_subject(doc: &Document, tree: &Tree, t: usize) -> Option<Range> {
    let mut root = t;
    // (Bounded: heads stay inside a sentence, but a malformed tree may hold a cycle.)
    for _ in 0..doc.tokens.len() {
        match doc.heads[root] {
            Some(h) => root = h as usize,
            None => break,
        }
    }
    if root >= t || doc.heads[root].is_some() {
        return None;
    }
    subject(doc, tree, root, &[]).map(|(range, _)| range)
}

/// Whether a content is a clause: a few words with a verb among them (a parse error otherwise
/// hands over a prepositional phrase or an adverb).
fn is_clause(doc: &Document, (a, b): Range) -> bool {
    let words = (a..=b)
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        .count();
    words >= MIN_CLAUSE_WORDS
        && (a..=b).any(|k| matches!(doc.upos.get(k), Some(Upos::Verb | Upos::Aux)))
}

const MIN_CLAUSE_WORDS: usize = 3;

/// The range without punctuation at either end (`None` when nothing is left).
fn trim_punct(doc: &Document, (mut a, mut b): Range) -> Option<Range> {
    let punct = |k: usize| {
        matches!(doc.tokens[k].kind, TokenKind::Punct | TokenKind::Terminal)
            || doc.token_text(k) == "\""
    };
    while a <= b && punct(a) {
        a += 1;
    }
    while b > a && punct(b) {
        b -= 1;
    }
    (a <= b && b < doc.tokens.len()).then_some((a, b))
}
