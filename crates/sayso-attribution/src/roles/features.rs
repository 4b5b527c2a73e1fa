//! Features of each token for the role tagger: the words around it, its tags, the quotation it
//! sits in, what the rule-based attributors made of it, and where it lies in the dependency
//! tree relative to the nearest cue words (under a cue's complement, its subject, a clause the
//! cue hangs off, ...).

use super::word_classes::word_class;
use crate::cues::CueLexicon;
use sayso_annotate::perceptron::{hash_str, mix, shape_hash};
use sayso_document::{AttributionKind, Document, QuoteRole};

/// Per-document facts that the token features are built from, computed once.
pub struct DocumentFacts {
    pub(super) lower: Vec<u64>,
    shape: Vec<u64>,
    suffix: Vec<u64>,
    pub(super) upos: Vec<u64>,
    pub(super) deprel: Vec<u64>,
    pub(super) head: Vec<Option<usize>>,
    /// The set of relations of each token's dependents.
    dependents: Vec<u64>,
    /// A crude stem of the lowercased word (inflections stripped), so that "urges" and "urged"
    /// share weights.
    stem: Vec<u64>,
    /// How strongly the lexicon says the word is a cue (0 = unknown or never, 4 = nearly always).
    cue_band: Vec<u8>,
    /// What the rule-based attributors made of the token.
    rule_role: Vec<u8>,
    /// WordNet's class of a noun or verb ([`super::word_classes::word_class`]).
    pub(super) class: Vec<u64>,
    /// 0 outside quotations, 1 a quotation mark, 2 inside speech, 3 inside a short phrase or title.
    pub(super) quote: Vec<u8>,
    /// The first pass's label of each token, once it has run.
    first_pass: Option<Vec<u8>>,
}

const RULE_NONE: u8 = 0;
const RULE_SOURCE: u8 = 1;
const RULE_CUE: u8 = 2;
const RULE_DIRECT: u8 = 3;
const RULE_MIXED: u8 = 4;
const RULE_INDIRECT: u8 = 5;

impl DocumentFacts {
    pub fn new(doc: &Document, cues: &CueLexicon) -> DocumentFacts {
        let n = doc.tokens.len();
        let mut lower = Vec::with_capacity(n);
        let mut shape = Vec::with_capacity(n);
        let mut suffix = Vec::with_capacity(n);
        let mut cue_band = Vec::with_capacity(n);
        let mut stem = Vec::with_capacity(n);
        let mut class = Vec::with_capacity(n);
        for i in 0..n {
            let word = doc.token_text(i);
            let low = sayso_text::lexicon_key(word);
            class.push(word_class(doc.upos.get(i).copied(), &low));
            lower.push(hash_str(&low));
            stem.push(hash_str(crude_stem(&low)));
            shape.push(shape_hash(word));
            // The last three characters.
            let tail = low.char_indices().rev().nth(2).map_or(0, |(k, _)| k);
            suffix.push(hash_str(&low[tail..]));
            let stats = cues.stats_of_key(&low);
            cue_band.push(if stats.in_cue < 2 {
                0
            } else {
                match stats.rate() {
                    r if r < 0.05 => 1,
                    r if r < 0.2 => 2,
                    r if r < 0.5 => 3,
                    _ => 4,
                }
            });
        }
        let upos = (0..n)
            .map(|i| doc.upos.get(i).map_or(0, |u| hash_str(u.as_str())))
            .collect();
        let parsed = doc.is_parsed();
        let deprel: Vec<u64> = (0..n)
            .map(|i| {
                if parsed {
                    hash_str(base(&doc.deprels[i]))
                } else {
                    0
                }
            })
            .collect();
        let head: Vec<Option<usize>> = (0..n)
            .map(|i| {
                if parsed {
                    doc.heads[i].map(|h| h as usize).filter(|&h| h < n)
                } else {
                    None
                }
            })
            .collect();
        let mut relations: Vec<Vec<u64>> = vec![Vec::new(); n];
        for (t, h) in head.iter().enumerate() {
            if let Some(h) = h {
                relations[*h].push(deprel[t]);
            }
        }
        let dependents = relations
            .into_iter()
            .map(|mut r| {
                r.sort_unstable();
                r.dedup();
                mix(&r)
            })
            .collect();
        let mut rule_role = vec![RULE_NONE; n];
        for a in &doc.attributions {
            let content = match a.kind {
                AttributionKind::Direct => RULE_DIRECT,
                AttributionKind::Mixed => RULE_MIXED,
                AttributionKind::Indirect => RULE_INDIRECT,
            };
            for (spans, role) in [
                (&a.source, RULE_SOURCE),
                (&a.cue, RULE_CUE),
                (&a.content, content),
            ] {
                for s in spans {
                    rule_role[doc.tokens_in(*s)]
                        .iter_mut()
                        .for_each(|r| *r = role);
                }
            }
        }
        let mut quote = vec![0u8; n];
        for q in &doc.quotes {
            let inside = match q.role {
                QuoteRole::Speech => 2,
                QuoteRole::Phrase | QuoteRole::Title => 3,
            };
            quote[doc.tokens_in(q.inner)]
                .iter_mut()
                .for_each(|s| *s = inside);
            for t in doc.tokens_in(q.span) {
                if quote[t] == 0 {
                    quote[t] = 1;
                }
            }
        }
        DocumentFacts {
            lower,
            shape,
            suffix,
            upos,
            deprel,
            head,
            dependents,
            stem,
            cue_band,
            rule_role,
            class,
            quote,
            first_pass: None,
        }
    }

    /// Records the first pass's labels of some tokens: the second pass's features read them.
    pub fn record_first_pass(&mut self, tokens: std::ops::Range<usize>, labels: &[usize]) {
        let n = self.lower.len();
        let first = self.first_pass.get_or_insert_with(|| vec![0; n]);
        for (t, l) in tokens.zip(labels) {
            first[t] = *l as u8;
        }
    }

    fn is_cue_word(&self, t: usize) -> bool {
        self.cue_band[t] >= 3
    }

    /// The cue words of a sentence, for the features that relate tokens to them.
    fn cue_words(&self, range: &std::ops::Range<usize>) -> Vec<usize> {
        range.clone().filter(|&t| self.is_cue_word(t)).collect()
    }

    /// Features of every token of the sentence `range`, appended to `out` (one vector a token).
    pub fn sentence_features(
        &self,
        range: std::ops::Range<usize>,
        opens_paragraph: bool,
        out: &mut Vec<Vec<u64>>,
    ) {
        let (s, e) = (range.start, range.end);
        let cue_words = self.cue_words(&range);
        let sentence_has_quote = (s..e).any(|t| self.quote[t] != 0);
        let mut path = PathFinder::default();
        for i in s..e {
            let mut f = Vec::with_capacity(96);
            let at = |k: isize| -> Option<usize> {
                let j = i as isize + k;
                (j >= s as isize && j < e as isize).then_some(j as usize)
            };
            let word = |k: isize| at(k).map_or(1, |j| self.lower[j]);
            let tag = |k: isize| at(k).map_or(1, |j| self.upos[j]);
            let rule = |k: isize| at(k).map_or(9, |j| self.rule_role[j]) as u64;
            let quote = |k: isize| at(k).map_or(9, |j| self.quote[j]) as u64;
            let band = |k: isize| at(k).map_or(9, |j| self.cue_band[j]) as u64;
            let mut add = |parts: &[u64]| f.push(mix(parts));
            let head = self.head[i];
            let (left, right) = nearest_cues(&cue_words, i);
            add(&[0]);
            add(&[1, word(0)]);
            add(&[2, word(-1)]);
            add(&[3, word(1)]);
            add(&[4, word(-1), word(0)]);
            add(&[5, word(0), word(1)]);
            add(&[6, self.suffix[i]]);
            add(&[7, self.shape[i]]);
            add(&[8, tag(0)]);
            add(&[9, tag(-1), tag(0)]);
            add(&[10, tag(0), tag(1)]);
            add(&[11, tag(-2), tag(-1), tag(0)]);
            add(&[12, tag(0), tag(1), tag(2)]);
            add(&[13, band(0)]);
            add(&[14, band(-1), band(0), band(1)]);
            add(&[15, rule(0)]);
            add(&[16, rule(-1), rule(0)]);
            add(&[17, rule(0), rule(1)]);
            add(&[18, rule(0), quote(0)]);
            add(&[19, quote(-1), quote(0), quote(1)]);
            add(&[20, quote(0), tag(0)]);
            add(&[
                21,
                (i == s) as u64,
                (i + 1 == e) as u64,
                sentence_has_quote as u64,
                opens_paragraph as u64,
            ]);
            add(&[
                28,
                (i == s) as u64,
                quote(0),
                rule(0),
                opens_paragraph as u64,
            ]);
            add(&[22, cue_words.is_empty() as u64, quote(0)]);
            add(&[23, self.deprel[i]]);
            add(&[24, self.deprel[i], tag(0)]);
            add(&[25, band(0), self.deprel[i]]);
            add(&[
                26,
                self.deprel[i],
                head.map_or(2, |h| self.upos[h]),
                head.map_or(2, |h| self.cue_band[h] as u64),
            ]);
            add(&[27, word(0), rule(0)]);
            // WordNet's class generalizes over rare words ("decried" is a verb of saying).
            add(&[70, self.class[i]]);
            add(&[71, self.class[i], self.deprel[i]]);
            add(&[72, self.deprel[i], head.map_or(2, |h| self.class[h])]);
            add(&[50, self.dependents[i]]);
            add(&[51, self.dependents[i], self.stem[i]]);
            add(&[52, self.stem[i]]);
            add(&[53, self.stem[i], self.deprel[i]]);
            add(&[54, self.deprel[i], head.map_or(2, |h| self.stem[h])]);
            // The heads above the token: what dominates it, and through which relation.
            let mut below = i;
            let mut above = head;
            for level in 0..3u64 {
                let Some(h) = above else { break };
                add(&[55, level, self.deprel[below], self.stem[h]]);
                add(&[57, level, self.deprel[below], self.class[h]]);
                add(&[
                    56,
                    level,
                    self.deprel[below],
                    self.cue_band[h] as u64,
                    (i < h) as u64,
                ]);
                below = h;
                above = self.head[h];
            }
            // How the token relates to the nearest cue words in the tree.
            for (side, cue) in [(0u64, left), (1, right)] {
                let Some(c) = cue else {
                    add(&[30, side]);
                    continue;
                };
                let distance = distance_band(i.abs_diff(c));
                let (token_branch, cue_branch) = path.relation(self, i, c);
                add(&[31, side, distance]);
                add(&[32, side, token_branch, cue_branch]);
                add(&[33, side, token_branch, cue_branch, self.cue_band[c] as u64]);
                add(&[34, side, token_branch, cue_branch, self.lower[c]]);
                add(&[35, side, token_branch, cue_branch, tag(0)]);
                add(&[36, side, distance, quote(0), rule(0)]);
                add(&[37, side, self.lower[c], distance]);
            }
            let own_cue_ancestor = path.cue_ancestor(self, i);
            match own_cue_ancestor {
                Some((cue, branch, before)) => {
                    add(&[40, branch, before as u64]);
                    add(&[41, branch, before as u64, self.lower[cue]]);
                    add(&[42, branch, before as u64, quote(0)]);
                }
                None => add(&[43]),
            }
            out.push(f);
        }
    }
}

impl DocumentFacts {
    /// Appends the second pass's features, built on the first pass's labels, to the features
    /// of the sentence `range` (`features[k]` is token `range.start + k`'s).
    pub fn add_stacked_features(&self, range: std::ops::Range<usize>, features: &mut [Vec<u64>]) {
        let Some(first) = &self.first_pass else {
            return;
        };
        let (s, e) = (range.start, range.end);
        let cue_words = self.cue_words(&range);
        let mut path = PathFinder::default();
        // Which roles the first pass found in the sentence (a bit a role).
        let sentence_roles = first[s..e]
            .iter()
            .fold(0u64, |bits, &l| bits | (1 << role_of(l)));
        for (i, f) in (s..e).zip(features.iter_mut()) {
            let at = |k: isize| -> Option<usize> {
                let j = i as isize + k;
                (j >= s as isize && j < e as isize).then_some(j as usize)
            };
            let word = |k: isize| at(k).map_or(1, |j| self.lower[j]);
            let rule = |k: isize| at(k).map_or(9, |j| self.rule_role[j]) as u64;
            let label = |k: isize| at(k).map_or(9, |j| first[j]) as u64;
            let role = |t: usize| role_of(first[t]);
            let mut add = |parts: &[u64]| f.push(mix(parts));
            let head = self.head[i];
            let (left, right) = nearest_cues(&cue_words, i);
            add(&[60, label(0)]);
            add(&[61, label(-1), label(0)]);
            add(&[62, label(0), label(1)]);
            add(&[63, label(-1), label(0), label(1)]);
            add(&[64, label(0), rule(0)]);
            add(&[65, label(0), word(0)]);
            add(&[66, head.map_or(9, role), self.deprel[i], role(i)]);
            add(&[67, sentence_roles, role(i)]);
            for (side, cue) in [(0u64, left), (1, right)] {
                if let Some(c) = cue {
                    let (token_branch, cue_branch) = path.relation(self, i, c);
                    add(&[68, side, role(c), token_branch, cue_branch]);
                }
            }
            // The nearest ancestor the first pass took for a cue.
            path.ancestors(self, i);
            let cue_above = (1..path.chain.len()).find(|&k| role(path.chain[k]) == 2);
            match cue_above {
                Some(k) => add(&[
                    69,
                    self.deprel[path.chain[k - 1]],
                    (i < path.chain[k]) as u64,
                ]),
                None => add(&[70]),
            }
        }
    }
}

/// The nearest cue word before token `i` and after it.
fn nearest_cues(cue_words: &[usize], i: usize) -> (Option<usize>, Option<usize>) {
    let after = cue_words.partition_point(|&c| c <= i);
    let right = cue_words.get(after).copied();
    let left = cue_words[..after].iter().rev().find(|&&c| c < i).copied();
    (left, right)
}

/// Walks the tree from a token to its ancestors.
#[derive(Default)]
struct PathFinder {
    chain: Vec<usize>,
}

/// Ancestors further up than this are not followed (and a cycle from a broken parse ends).
const MAX_DEPTH: usize = 24;

const SELF: u64 = 0x5e1f;
const UNRELATED: u64 = 0xdead;

impl PathFinder {
    fn ancestors(&mut self, facts: &DocumentFacts, t: usize) {
        self.chain.clear();
        self.chain.push(t);
        let mut at = t;
        while let Some(h) = facts.head[at] {
            if self.chain.len() > MAX_DEPTH {
                break;
            }
            self.chain.push(h);
            at = h;
        }
    }

    /// At the lowest common ancestor of `t` and cue `c`: the relation of the branch that leads
    /// down to each (`SELF` when it is the ancestor itself).
    fn relation(&mut self, facts: &DocumentFacts, t: usize, c: usize) -> (u64, u64) {
        self.ancestors(facts, t);
        let mut below_cue = None;
        let mut at = c;
        for _ in 0..=MAX_DEPTH {
            if let Some(k) = self.chain.iter().position(|&a| a == at) {
                let token_branch = if k == 0 {
                    SELF
                } else {
                    facts.deprel[self.chain[k - 1]]
                };
                let cue_branch = below_cue.map_or(SELF, |b| facts.deprel[b]);
                return (token_branch, cue_branch);
            }
            match facts.head[at] {
                Some(h) => {
                    below_cue = Some(at);
                    at = h;
                }
                None => break,
            }
        }
        (UNRELATED, UNRELATED)
    }

    /// The nearest ancestor of `t` that is a cue word: it, the relation of the branch `t` lies
    /// in, and whether `t` comes before it.
    fn cue_ancestor(&mut self, facts: &DocumentFacts, t: usize) -> Option<(usize, u64, bool)> {
        self.ancestors(facts, t);
        (1..self.chain.len()).find_map(|k| {
            let a = self.chain[k];
            facts
                .is_cue_word(a)
                .then(|| (a, facts.deprel[self.chain[k - 1]], t < a))
        })
    }
}

/// The role of a BIO label: 0 none, 1 source, 2 cue, 3 content.
pub(super) fn role_of(label: u8) -> u64 {
    label.div_ceil(2) as u64
}

fn distance_band(d: usize) -> u64 {
    match d {
        0..=1 => 1,
        2..=3 => 2,
        4..=7 => 3,
        8..=15 => 4,
        _ => 5,
    }
}

/// The word without a common inflection ending ("urges", "urged", "urging" -> "urg").
fn crude_stem(word: &str) -> &str {
    for ending in ["ing", "ed", "es", "s"] {
        if let Some(stem) = word.strip_suffix(ending) {
            if stem.chars().count() >= 3 {
                return stem;
            }
        }
    }
    word
}

fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}
