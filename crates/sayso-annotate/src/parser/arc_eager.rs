//! Greedy arc-eager dependency parsing (Nivre 2008) with averaged-perceptron classifiers:
//! one chooses the transition, one the coarse role of each arc as it is made (for the
//! transition classifier's features), and one the relation of each arc once the tree is whole.

use super::{Children, Parser};
use crate::perceptron::{best, hash_chars, hash_str, mix, shuffle, ModelError, Trainer, Weights};
use sayso_document::{Document, Upos};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

const MAGIC_TRANSITIONS: &[u8; 8] = b"SAYSODP2";
const MAGIC_ROLES: &[u8; 8] = b"SAYSODR1";
const MAGIC_RELATIONS: &[u8; 8] = b"SAYSODL3";
const BUNDLED: &[u8] = include_bytes!("dependency-parser.bin");

const SHIFT: usize = 0;
const REDUCE: usize = 1;
const LEFT: usize = 2;
const RIGHT: usize = 3;
const TRANSITIONS: usize = 4;

/// The arc-eager parser: transition, role and relation classifiers and the relation names.
pub struct ArcEagerParser {
    transitions: Weights,
    /// The coarse role of each arc as it is made.
    roles: Weights,
    /// The relation of each arc, chosen once the tree is whole, when the dependents of both
    /// ends are known (a relation chosen as the arc is made scored 2 LAS lower).
    relations: Weights,
    names: Vec<Arc<str>>,
    /// The `punct` relation, which every token tagged as punctuation takes without scoring.
    punct: Option<usize>,
}

/// One sentence's tokens as the parser sees them.
pub struct ParseInput<'a> {
    pub words: &'a [&'a str],
    pub tags: &'a [Upos],
}

/// A parse: the head of each token (`None` for a root) and its relation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parse {
    pub heads: Vec<Option<usize>>,
    pub labels: Vec<usize>,
}

impl ArcEagerParser {
    /// The model bundled with the library, loaded once per process.
    pub fn bundled() -> &'static ArcEagerParser {
        static PARSER: OnceLock<ArcEagerParser> = OnceLock::new();
        PARSER.get_or_init(|| {
            ArcEagerParser::from_bytes(BUNDLED)
                .expect("the bundled parser is checked by a unit test")
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let (transitions, rest) = Weights::from_bytes(bytes, MAGIC_TRANSITIONS, "parser")?;
        let (roles, rest) = Weights::from_bytes(rest, MAGIC_ROLES, "parser")?;
        let (relations, rest) = Weights::from_bytes(rest, MAGIC_RELATIONS, "parser")?;
        let names: Vec<Arc<str>> = std::str::from_utf8(rest)
            .map_err(|_| ModelError::BadHeader("parser"))?
            .lines()
            .map(Arc::from)
            .collect();
        if transitions.classes() != TRANSITIONS
            || roles.classes() != ROLES
            || relations.classes() != names.len()
        {
            return Err(ModelError::BadHeader("parser"));
        }
        Ok(ArcEagerParser::new(transitions, roles, relations, names))
    }

    fn new(
        transitions: Weights,
        roles: Weights,
        relations: Weights,
        names: Vec<Arc<str>>,
    ) -> ArcEagerParser {
        let punct = names.iter().position(|n| n.as_ref() == "punct");
        ArcEagerParser {
            transitions,
            roles,
            relations,
            names,
            punct,
        }
    }

    /// Transition weights, role weights, relation weights, then one relation name a line.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.transitions.to_bytes(MAGIC_TRANSITIONS);
        out.extend(self.roles.to_bytes(MAGIC_ROLES));
        out.extend(self.relations.to_bytes(MAGIC_RELATIONS));
        for n in &self.names {
            out.extend_from_slice(n.as_bytes());
            out.push(b'\n');
        }
        out
    }

    pub fn relation_name(&self, label: usize) -> &Arc<str> {
        &self.names[label]
    }

    /// Parses one sentence.
    pub fn parse_sentence(&self, input: &ParseInput) -> Parse {
        let ctx = Context::new(input);
        let mut state = State::new(input.tags);
        let mut feats = Vec::with_capacity(48);
        let mut scores = [0f32; TRANSITIONS];
        let mut label_scores = vec![0f32; self.names.len()];
        let mut role_scores = [0f32; ROLES];
        while !state.terminal() {
            let allowed = state.allowed();
            ctx.transition_features(&state, &mut feats);
            self.transitions.scores(&feats, &mut scores);
            let t = best(&scores, Some(&allowed));
            let role = state.arc_of(t).map_or(0, |(h, d)| {
                ctx.role_features(d, Some(h).filter(|&h| h < input.words.len()), &mut feats);
                self.roles.scores(&feats, &mut role_scores);
                best(&role_scores, None)
            });
            state.apply(t, role);
        }
        let heads = state.heads_without_root();
        let children = Children::new(heads.len(), |t| heads[t]);
        let labels = (0..input.words.len())
            .map(|d| {
                if let Some(punct) = self.punct.filter(|_| input.tags[d] == Upos::Punct) {
                    return punct;
                }
                ctx.relation_features(d, &heads, &children, &mut feats);
                self.relations.scores(&feats, &mut label_scores);
                best(&label_scores, None)
            })
            .collect();
        Parse { heads, labels }
    }
}

impl std::fmt::Debug for ArcEagerParser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArcEagerParser")
            .field("relations", &self.names.len())
            .finish()
    }
}

impl Parser for ArcEagerParser {
    fn parse_where(&self, doc: &mut Document, keep: &dyn Fn(&Document, Range<usize>) -> bool) {
        let n = doc.tokens.len();
        let mut heads = vec![None; n];
        let mut deprels: Vec<Arc<str>> = Vec::with_capacity(n);
        let unparsed: Arc<str> = Arc::from(super::UNPARSED);
        for r in crate::token_chunks(doc) {
            let (a, b) = (r.start, r.end);
            if a >= b {
                continue;
            }
            if !keep(doc, r) {
                deprels.extend(std::iter::repeat_n(unparsed.clone(), b - a));
                continue;
            }
            let words: Vec<&str> = (a..b).map(|i| doc.token_text(i)).collect();
            let tags: Vec<Upos> = (a..b)
                .map(|i| doc.upos.get(i).copied().unwrap_or(Upos::X))
                .collect();
            let parse = self.parse_sentence(&ParseInput {
                words: &words,
                tags: &tags,
            });
            for (k, h) in parse.heads.iter().enumerate() {
                heads[a + k] = h.map(|h| (a + h) as u32);
            }
            deprels.extend(parse.labels.iter().map(|&l| self.names[l].clone()));
        }
        doc.heads = heads;
        doc.deprels = deprels;
    }
}

/// The parser configuration: a stack, the next buffer position, the arcs so far. Token `n` is
/// the artificial root.
struct State {
    n: usize,
    stack: Vec<usize>,
    next: usize,
    heads: Vec<Option<usize>>,
    leftmost: Vec<Option<usize>>,
    rightmost: Vec<Option<usize>>,
    left_count: Vec<u8>,
    right_count: Vec<u8>,
    /// The coarse role of each attached token.
    roles: Vec<u8>,
    /// Which tokens are punctuation (the root is not).
    punct: Vec<bool>,
}

impl State {
    fn new(tags: &[Upos]) -> Self {
        let n = tags.len();
        let mut punct: Vec<bool> = tags.iter().map(|t| *t == Upos::Punct).collect();
        punct.push(false);
        State {
            punct,
            n,
            stack: vec![n],
            next: 0,
            heads: vec![None; n + 1],
            leftmost: vec![None; n + 1],
            rightmost: vec![None; n + 1],
            left_count: vec![0; n + 1],
            right_count: vec![0; n + 1],
            roles: vec![0; n + 1],
        }
    }

    fn terminal(&self) -> bool {
        self.next >= self.n
    }

    fn s0(&self) -> usize {
        *self.stack.last().expect("the root stays on the stack")
    }

    /// Transitions possible here. Besides the arc-eager preconditions: the root takes one
    /// dependent, and punctuation heads nothing (as in Universal Dependencies).
    fn allowed(&self) -> [bool; TRANSITIONS] {
        let s0 = self.s0();
        let buffer = self.next < self.n;
        let s0_is_root = s0 == self.n;
        let s0_has_head = self.heads[s0].is_some();
        let root_taken = s0_is_root && self.right_count[s0] > 0;
        let mut a = [false; TRANSITIONS];
        a[SHIFT] = buffer;
        a[RIGHT] = buffer && !root_taken && !self.punct[s0];
        a[LEFT] = buffer && !s0_is_root && !s0_has_head && !self.punct[self.next];
        a[REDUCE] = !s0_is_root && s0_has_head;
        a
    }

    /// The arc (head, dependent) a transition would make.
    fn arc_of(&self, t: usize) -> Option<(usize, usize)> {
        match t {
            LEFT => Some((self.next, self.s0())),
            RIGHT => Some((self.s0(), self.next)),
            _ => None,
        }
    }

    fn add_arc(&mut self, head: usize, dep: usize, role: usize) {
        self.heads[dep] = Some(head);
        self.roles[dep] = role as u8;
        if dep < head {
            self.left_count[head] = self.left_count[head].saturating_add(1);
            if self.leftmost[head].is_none_or(|l| dep < l) {
                self.leftmost[head] = Some(dep);
            }
        } else {
            self.right_count[head] = self.right_count[head].saturating_add(1);
            if self.rightmost[head].is_none_or(|r| dep > r) {
                self.rightmost[head] = Some(dep);
            }
        }
    }

    fn apply(&mut self, t: usize, role: usize) {
        let s0 = self.s0();
        let n0 = self.next;
        match t {
            SHIFT => {
                self.stack.push(n0);
                self.next += 1;
            }
            REDUCE => {
                self.stack.pop();
            }
            LEFT => {
                self.add_arc(n0, s0, role);
                self.stack.pop();
            }
            _ => {
                self.add_arc(s0, n0, role);
                self.stack.push(n0);
                self.next += 1;
            }
        }
    }

    /// Heads with the artificial root and headless tokens as `None`.
    fn heads_without_root(&self) -> Vec<Option<usize>> {
        self.heads[..self.n]
            .iter()
            .map(|h| h.filter(|&h| h != self.n))
            .collect()
    }
}

/// Hashed word and tag properties of a sentence, with padding for positions outside it.
struct Context<'a> {
    n: usize,
    word: Vec<u64>,
    tag: Vec<u64>,
    suffix: Vec<u64>,
    upos: &'a [Upos],
}

const NONE: u64 = 0x4e4f;
const ROOT: u64 = 0x524f;

impl<'a> Context<'a> {
    fn new(input: &ParseInput<'a>) -> Self {
        let n = input.words.len();
        let mut word = Vec::with_capacity(n);
        let mut suffix = Vec::with_capacity(n);
        let mut lower = Vec::with_capacity(32);
        for w in input.words {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase).map(|c| {
                if c.is_ascii_digit() {
                    '0'
                } else {
                    c
                }
            }));
            word.push(hash_chars(&lower));
            suffix.push(hash_chars(&lower[lower.len().saturating_sub(3)..]));
        }
        let tag = input.tags.iter().map(|t| hash_str(t.as_str())).collect();
        Context {
            n,
            word,
            tag,
            suffix,
            upos: input.tags,
        }
    }

    fn w(&self, i: Option<usize>) -> u64 {
        match i {
            None => NONE,
            Some(i) if i >= self.n => ROOT,
            Some(i) => self.word[i],
        }
    }

    fn t(&self, i: Option<usize>) -> u64 {
        match i {
            None => NONE,
            Some(i) if i >= self.n => ROOT,
            Some(i) => self.tag[i],
        }
    }

    fn transition_features(&self, s: &State, out: &mut Vec<u64>) {
        out.clear();
        let s0 = Some(s.s0());
        let s1 = s.stack.len().checked_sub(2).map(|k| s.stack[k]);
        let at = |k: usize| (k < s.n).then_some(k);
        let (n0, n1, n2) = (at(s.next), at(s.next + 1), at(s.next + 2));
        let s0i = s.s0();
        let s0h = s.heads[s0i];
        let (s0l, s0r) = (s.leftmost[s0i], s.rightmost[s0i]);
        let n0l = n0.and_then(|k| s.leftmost[k]);
        let dist = match n0 {
            Some(k) if s0i < s.n => (k - s0i).min(6) as u64,
            _ => 7,
        };
        let (s0w, s0t, n0w, n0t) = (self.w(s0), self.t(s0), self.w(n0), self.t(n0));
        let (n1w, n1t, n2t, s1t) = (self.w(n1), self.t(n1), self.t(n2), self.t(s1));
        let s0val = ((s.left_count[s0i] as u64) << 8) | s.right_count[s0i] as u64;
        let role = |k: Option<usize>| k.map_or(NONE, |k| 0x1000 + s.roles[k] as u64);
        let s0hh = s0h.and_then(|h| s.heads[h]);
        let n0val = n0.map_or(NONE, |k| s.left_count[k] as u64);
        let s1h = s1.and_then(|k| s.heads[k]);
        out.push(mix(&[0]));
        out.push(mix(&[1, s0w]));
        out.push(mix(&[2, s0t]));
        out.push(mix(&[3, s0w, s0t]));
        out.push(mix(&[4, n0w]));
        out.push(mix(&[5, n0t]));
        out.push(mix(&[6, n0w, n0t]));
        out.push(mix(&[7, n1w]));
        out.push(mix(&[8, n1t]));
        out.push(mix(&[9, n1w, n1t]));
        out.push(mix(&[10, n2t]));
        out.push(mix(&[11, s1t]));
        out.push(mix(&[12, s0w, n0w]));
        out.push(mix(&[13, s0t, n0t]));
        out.push(mix(&[14, s0w, s0t, n0t]));
        out.push(mix(&[15, s0t, n0w, n0t]));
        out.push(mix(&[16, s0w, s0t, n0w, n0t]));
        out.push(mix(&[17, n0t, n1t]));
        out.push(mix(&[18, n0t, n1t, n2t]));
        out.push(mix(&[19, s0t, n0t, n1t]));
        out.push(mix(&[20, s1t, s0t, n0t]));
        out.push(mix(&[21, self.t(s0h), s0t, n0t]));
        out.push(mix(&[22, s0t, self.t(s0l), n0t]));
        out.push(mix(&[23, s0t, self.t(s0r), n0t]));
        out.push(mix(&[24, s0t, n0t, self.t(n0l)]));
        out.push(mix(&[25, dist, s0t, n0t]));
        out.push(mix(&[26, dist, s0w]));
        out.push(mix(&[27, dist, n0w]));
        out.push(mix(&[28, s0val, s0t]));
        out.push(mix(&[29, s0h.is_some() as u64, s0t, n0t]));
        out.push(mix(&[30, n0.map_or(NONE, |k| self.suffix[k]), s0t]));
        out.push(mix(&[
            31,
            s0.filter(|&k| k < self.n).map_or(NONE, |k| self.suffix[k]),
            n0t,
        ]));
        out.push(mix(&[32, self.w(s0h), s0t]));
        out.push(mix(&[33, role(s0l), s0t]));
        out.push(mix(&[34, role(s0r), s0t]));
        out.push(mix(&[35, role(n0l), n0t]));
        out.push(mix(&[36, role(s0h.map(|_| s0i)), s0t, n0t]));
        out.push(mix(&[37, self.w(s1), s0t]));
        out.push(mix(&[38, self.t(s0hh), self.t(s0h), s0t]));
        out.push(mix(&[39, n0val, n0t]));
        out.push(mix(&[40, role(s0l), role(s0r), s0t, n0t]));
        out.push(mix(&[41, self.w(n0l), n0t]));
        out.push(mix(&[42, self.t(s0l), self.t(s0r), s0w]));
        out.push(mix(&[43, n0w, n1w]));
        out.push(mix(&[44, self.w(s1), self.t(s1), s0t]));
        out.push(mix(&[45, s0t, n0t, dist, s0h.is_some() as u64]));
        out.push(mix(&[46, self.t(s1h), s1t, s0t]));
        out.push(mix(&[47, n0t, n1t, self.t(n0l)]));
        out.push(mix(&[48, s0w, n0t, n1t]));
    }

    /// Features of an arc's role as the arc is made: its words, tags, direction and distance.
    fn role_features(&self, d: usize, head: Option<usize>, out: &mut Vec<u64>) {
        self.arc_features(d, head, out);
        let dir = direction(d, head);
        let dist = head.map_or(0, |h| h.abs_diff(d).min(6)) as u64;
        let (dw, dt, ht) = (self.word[d], self.tag[d], self.t(head.or(Some(self.n))));
        out.push(mix(&[101, dw]));
        out.push(mix(&[103, dt, dir]));
        out.push(mix(&[112, dw, dir]));
        out.push(mix(&[113, ht, dt, dir, dist]));
    }

    /// The features of an arc that both the role and the relation classifier read.
    fn arc_features(&self, d: usize, head: Option<usize>, out: &mut Vec<u64>) {
        out.clear();
        let h = head.or(Some(self.n));
        let dir = direction(d, head);
        let dist = head.map_or(0, |h| h.abs_diff(d).min(6)) as u64;
        let (dw, dt, hw, ht) = (self.word[d], self.tag[d], self.w(h), self.t(h));
        let prev_t = self.t(d.checked_sub(1));
        let next_t = self.t(Some(d + 1).filter(|&k| k < self.n));
        out.push(mix(&[100]));
        out.push(mix(&[102, dt]));
        out.push(mix(&[104, ht, dt, dir]));
        out.push(mix(&[105, hw, dt]));
        out.push(mix(&[106, dw, ht]));
        out.push(mix(&[107, hw, dw]));
        out.push(mix(&[108, dist, dt, dir]));
        out.push(mix(&[109, self.suffix[d], dt]));
        out.push(mix(&[110, prev_t, dt, ht]));
        out.push(mix(&[111, next_t, dt, ht]));
    }

    /// Features of the relation of `d` in a whole tree: the arc's own features, and what the
    /// dependents of both ends and the words between them say ("by" under a noun, a passive
    /// auxiliary under the head, a comma between them).
    fn relation_features(
        &self,
        d: usize,
        heads: &[Option<usize>],
        children: &Children,
        out: &mut Vec<u64>,
    ) {
        let head = heads[d];
        self.arc_features(d, head, out);
        let dir = direction(d, head);
        let (dt, ht) = (self.tag[d], self.t(head.or(Some(self.n))));
        let mut child_tags = 0u64;
        let mut function_words = NONE;
        let mut marker = NONE;
        let mut has_det = false;
        for k in children.of(d).iter().map(|&k| k as usize) {
            let tag = self.upos[k];
            child_tags |= 1 << tag as u64;
            if matches!(
                tag,
                Upos::Adp | Upos::Sconj | Upos::Part | Upos::Aux | Upos::Cconj | Upos::Det
            ) {
                function_words = mix(&[function_words, self.word[k]]);
            }
            let marks = matches!(tag, Upos::Adp | Upos::Sconj) || tag == Upos::Part && k < d;
            if marks && marker == NONE {
                marker = self.word[k];
            }
            has_det |= tag == Upos::Det;
        }
        out.push(mix(&[120, dt, ht, dir, child_tags]));
        out.push(mix(&[121, dt, function_words]));
        out.push(mix(&[122, dt, ht, dir, marker]));
        let Some(h) = head else {
            out.push(mix(&[124, dt, child_tags]));
            return;
        };
        let (lo, hi) = (d.min(h), d.max(h));
        let mut head_aux = NONE;
        let (mut between, mut nominals) = (0u64, 0u64);
        for k in children.of(h).iter().map(|&k| k as usize) {
            let tag = self.upos[k];
            if tag == Upos::Aux {
                head_aux = mix(&[head_aux, self.word[k]]);
            }
            if (k < h) == (d < h) && tag != Upos::Punct {
                between += u64::from(k > lo && k < hi);
                nominals += u64::from(matches!(tag, Upos::Noun | Upos::Propn | Upos::Pron));
            }
        }
        let (between, nominals) = (between.min(3), nominals.min(3));
        out.push(mix(&[125, dt, dir, head_aux]));
        let comma = (lo + 1..hi).any(|k| self.upos[k] == Upos::Punct);
        out.push(mix(&[126, dt, ht, dir, comma as u64]));
        out.push(mix(&[127, ht, self.t(heads[h].or(Some(self.n))), dt, dir]));
        out.push(mix(&[128, dt, ht, dir, between]));
        out.push(mix(&[129, dt, ht, dir, nominals, between]));
        out.push(mix(&[130, dt, ht, dir, has_det as u64, marker]));
        out.push(mix(&[131, self.word[h], dt, dir, marker]));
    }
}

/// 0 for a head after the dependent, 1 before it, 2 for a root.
fn direction(d: usize, head: Option<usize>) -> u64 {
    match head {
        None => 2,
        Some(h) if h < d => 1,
        _ => 0,
    }
}

/// Coarse roles of relations, which the transition classifier reads of the arcs made so far.
/// Eight roles instead of 51 relations keep that classifier's table in cache.
const ROLES: usize = 8;

fn role_of(relation: &str) -> usize {
    match relation.split(':').next().unwrap_or(relation) {
        "nsubj" | "csubj" | "expl" => 1,
        "obj" | "iobj" | "ccomp" | "xcomp" => 2,
        "obl" | "nmod" | "advcl" | "acl" => 3,
        "amod" | "advmod" | "nummod" | "det" | "compound" | "flat" | "fixed" | "goeswith" => 4,
        "case" | "mark" | "cop" | "aux" | "cc" => 5,
        "conj" | "appos" | "parataxis" | "list" => 6,
        "punct" => 7,
        _ => 0,
    }
}

/// Training from treebank sentences, with a dynamic oracle and exploration.
pub mod train {
    use super::*;

    /// Iterations on the oracle's path before the parser follows its own predictions.
    const EXPLORE_AFTER: usize = 2;
    /// 2^16 buckets of role weights (0.5 MB): the table stays in a core's cache.
    const ROLE_BITS: u32 = 16;
    /// 2^14 buckets of relation weights (0.8 MB for UD's 51 relations), in cache as well: with
    /// 2^15, 0.2 LAS more and a slower parse.
    const RELATION_BITS: u32 = 14;

    pub struct Example {
        pub words: Vec<String>,
        pub tags: Vec<Upos>,
        /// Gold head of each word (`None` for the root).
        pub heads: Vec<Option<usize>>,
        pub labels: Vec<String>,
    }

    /// Whether no two arcs of the tree cross.
    pub fn projective(heads: &[Option<usize>]) -> bool {
        let n = heads.len();
        let arcs: Vec<(usize, usize)> = (0..n)
            .map(|d| {
                let h = heads[d].unwrap_or(n);
                (d.min(h), d.max(h))
            })
            .collect();
        for &(a, b) in &arcs {
            for &(c, e) in &arcs {
                if a < c && c < b && b < e {
                    return false;
                }
            }
        }
        true
    }

    /// How many gold arcs each transition would make unreachable (Goldberg and Nivre's dynamic
    /// oracle for arc-eager): zero-cost transitions are the right ones from any configuration.
    fn costs(state: &State, heads: &[Option<usize>]) -> [usize; TRANSITIONS] {
        let n = state.n;
        let gold = |d: usize| {
            if d == n {
                usize::MAX
            } else {
                heads[d].unwrap_or(n)
            }
        };
        let s0 = state.s0();
        let n0 = state.next;
        let buffer = n0..n;
        let unattached = |k: usize| k != n && state.heads[k].is_none();
        let mut cost = [0usize; TRANSITIONS];
        // LEFT: s0 loses its head in the buffer beyond n0 and its children in the buffer.
        cost[LEFT] = buffer.clone().filter(|&k| k != n0 && gold(s0) == k).count()
            + buffer.clone().filter(|&k| gold(k) == s0).count();
        // RIGHT: n0 loses a head elsewhere in the stack or in the buffer, and children in the stack.
        let head_elsewhere =
            gold(n0) != s0 && (state.stack.contains(&gold(n0)) || buffer.contains(&gold(n0)));
        cost[RIGHT] = head_elsewhere as usize
            + state
                .stack
                .iter()
                .filter(|&&k| unattached(k) && gold(k) == n0)
                .count();
        // REDUCE: s0 loses its children in the buffer.
        cost[REDUCE] = buffer.clone().filter(|&k| gold(k) == s0).count();
        // SHIFT: n0 loses its arcs with the stack.
        cost[SHIFT] = state
            .stack
            .iter()
            .filter(|&&k| gold(n0) == k || unattached(k) && gold(k) == n0)
            .count();
        cost
    }

    pub fn train(examples: &[Example], iterations: usize, bits: u32, seed: u64) -> ArcEagerParser {
        let mut names: Vec<String> = examples
            .iter()
            .flat_map(|e| e.labels.iter().cloned())
            .collect();
        names.sort();
        names.dedup();
        let label_of = |l: &str| {
            names
                .binary_search_by(|x| x.as_str().cmp(l))
                .expect("a known relation")
        };
        let mut transitions = Trainer::new(bits, TRANSITIONS);
        let mut roles = Trainer::new(ROLE_BITS, ROLES);
        let mut role_scores = [0f32; ROLES];
        let mut relations = Trainer::new(RELATION_BITS, names.len());
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = seed;
        let mut feats = Vec::with_capacity(48);
        let mut scores = [0f32; TRANSITIONS];
        let mut label_scores = vec![0f32; names.len()];
        for iteration in 0..iterations {
            shuffle(&mut order, &mut rng);
            for &e in &order {
                let ex = &examples[e];
                let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
                let input = ParseInput {
                    words: &words,
                    tags: &ex.tags,
                };
                let ctx = Context::new(&input);
                let mut state = State::new(&ex.tags);
                while !state.terminal() {
                    let allowed = state.allowed();
                    ctx.transition_features(&state, &mut feats);
                    transitions.scores(&feats, &mut scores);
                    let guess = best(&scores, Some(&allowed));
                    let cost = costs(&state, &ex.heads);
                    let min = (0..TRANSITIONS)
                        .filter(|&t| allowed[t])
                        .map(|t| cost[t])
                        .min()
                        .unwrap_or(0);
                    let zero: Vec<bool> = (0..TRANSITIONS)
                        .map(|t| allowed[t] && cost[t] == min)
                        .collect();
                    let truth = best(&scores, Some(&zero));
                    transitions.update(&feats, truth, guess);
                    // After the first iterations, explore: follow the model's mistakes most of
                    // the time, so that it learns to recover from them.
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    let explore = iteration >= EXPLORE_AFTER && !rng.is_multiple_of(10);
                    let next = if explore { guess } else { truth };
                    // A correct arc takes its gold role; a wrong one what the model says.
                    let role = state.arc_of(next).map_or(0, |(h, d)| {
                        let gold_head = ex.heads[d].unwrap_or(words.len());
                        if gold_head == h {
                            role_of(&ex.labels[d])
                        } else {
                            ctx.role_features(d, Some(h).filter(|&h| h < words.len()), &mut feats);
                            roles.scores(&feats, &mut role_scores);
                            best(&role_scores, None)
                        }
                    });
                    state.apply(next, role);
                }
                let children = Children::new(ex.heads.len(), |t| ex.heads[t]);
                for d in 0..words.len() {
                    ctx.role_features(d, ex.heads[d], &mut feats);
                    roles.scores(&feats, &mut role_scores);
                    let guess = best(&role_scores, None);
                    roles.update(&feats, role_of(&ex.labels[d]), guess);
                    ctx.relation_features(d, &ex.heads, &children, &mut feats);
                    relations.scores(&feats, &mut label_scores);
                    let guess = best(&label_scores, None);
                    relations.update(&feats, label_of(&ex.labels[d]), guess);
                }
            }
        }
        ArcEagerParser::new(
            transitions.finish(),
            roles.finish(),
            relations.finish(),
            names.into_iter().map(Arc::from).collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::train::{projective, train, Example};
    use super::*;

    fn example(words: &str, tags: &[Upos], heads: &[Option<usize>], labels: &[&str]) -> Example {
        Example {
            words: words.split(' ').map(str::to_string).collect(),
            tags: tags.to_vec(),
            heads: heads.to_vec(),
            labels: labels.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn learns_a_toy_grammar_and_round_trips() {
        use Upos::*;
        let data = vec![
            example(
                "she said no",
                &[Pron, Verb, Intj],
                &[Some(1), None, Some(1)],
                &["nsubj", "root", "obj"],
            ),
            example(
                "he told them",
                &[Pron, Verb, Pron],
                &[Some(1), None, Some(1)],
                &["nsubj", "root", "obj"],
            ),
            example(
                "the dog ran",
                &[Det, Noun, Verb],
                &[Some(1), Some(2), None],
                &["det", "nsubj", "root"],
            ),
        ];
        let p = train(&data, 15, 12, 3);
        let parse = p.parse_sentence(&ParseInput {
            words: &["a", "cat", "ran"],
            tags: &[Det, Noun, Verb],
        });
        assert_eq!(parse.heads, [Some(1), Some(2), None]);
        assert_eq!(p.relation_name(parse.labels[1]).as_ref(), "nsubj");
        let back = ArcEagerParser::from_bytes(&p.to_bytes()).unwrap();
        assert_eq!(
            back.parse_sentence(&ParseInput {
                words: &["she", "said", "no"],
                tags: &[Pron, Verb, Intj]
            })
            .heads,
            [Some(1), None, Some(1)]
        );
    }

    #[test]
    fn a_relation_is_read_off_the_dependents_of_the_arc() {
        use Upos::*;
        // The two sentences differ only in the preposition under "Smith".
        let sentence = |preposition: &str, relation: &str| {
            example(
                &format!("it ran {preposition} Smith"),
                &[Pron, Verb, Adp, Propn],
                &[Some(1), None, Some(3), Some(1)],
                &["nsubj", "root", "case", relation],
            )
        };
        let p = train(
            &[sentence("by", "obl:agent"), sentence("in", "obl")],
            15,
            12,
            3,
        );
        for (preposition, relation) in [("by", "obl:agent"), ("in", "obl")] {
            let parse = p.parse_sentence(&ParseInput {
                words: &["it", "ran", preposition, "Smith"],
                tags: &[Pron, Verb, Adp, Propn],
            });
            assert_eq!(parse.heads[3], Some(1));
            assert_eq!(p.relation_name(parse.labels[3]).as_ref(), relation);
        }
    }

    #[test]
    fn a_subtype_has_the_role_of_its_relation() {
        assert_eq!(role_of("nsubj:pass"), role_of("nsubj"));
        assert_eq!(role_of("obl:agent"), role_of("obl"));
        assert_ne!(role_of("nsubj"), role_of("obj"));
        assert!(role_of("punct") < ROLES && role_of("reparandum") < ROLES);
    }

    #[test]
    fn projectivity() {
        assert!(projective(&[Some(1), None, Some(1)]));
        // 0 -> 2 and 1 -> 3 cross.
        assert!(!projective(&[Some(2), Some(3), None, Some(2)]));
    }

    #[test]
    fn every_token_gets_a_head_or_is_a_root() {
        let p = ArcEagerParser::bundled();
        let words = [
            "Legend", "told", "The", "New", "Yorker", "that", "West", "was", "upset", ".",
        ];
        let tags = crate::PerceptronTagger::bundled().tag_words(&words);
        let parse = p.parse_sentence(&ParseInput {
            words: &words,
            tags: &tags,
        });
        assert_eq!(parse.heads.len(), words.len());
        assert_eq!(parse.heads[0], Some(1), "Legend is the subject of told");
        assert!(parse
            .heads
            .iter()
            .enumerate()
            .all(|(d, h)| h.is_none_or(|h| h != d && h < words.len())));
    }

    #[test]
    fn a_sentence_left_out_gets_no_heads_and_the_others_are_parsed() {
        use crate::Tagger;
        let mut doc = Document::new("t", "The sky was blue. Smith said it rained.").unwrap();
        sayso_text::segment(&mut doc);
        crate::PerceptronTagger::bundled().tag(&mut doc);
        let second = |doc: &Document, r: Range<usize>| doc.token_text(r.start) == "Smith";
        ArcEagerParser::bundled().parse_where(&mut doc, &second);
        let smith = (0..doc.tokens.len())
            .find(|&t| doc.token_text(t) == "Smith")
            .unwrap();
        assert_eq!(doc.deprels.len(), doc.tokens.len());
        assert!((0..smith).all(|t| doc.heads[t].is_none() && &*doc.deprels[t] == "_"));
        assert_eq!(
            doc.heads[smith],
            Some(smith as u32 + 1),
            "Smith is the subject of said"
        );
        assert_eq!(&*doc.deprels[smith], "nsubj");
    }

    #[test]
    fn corrupt_model_is_an_error() {
        assert_eq!(
            ArcEagerParser::from_bytes(b"junk").unwrap_err(),
            ModelError::BadHeader("parser")
        );
    }
}
