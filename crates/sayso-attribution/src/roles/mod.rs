//! The learned attribution model: a structured perceptron that tags every token of a sentence
//! as source, cue or content of an attribution (BIO), decoded with Viterbi, and then groups the
//! tagged spans into attributions.
//!
//! It reads what the earlier stages made (tags, the dependency tree, quotations, and the
//! rule-based attributions, which it takes as features and replaces), so it runs last.
//! Trained on PolNeAR train by [`train::train`] (`sayso train attribution`).

pub mod decode;
pub mod ends;
pub mod features;
pub mod train;
pub mod word_classes;

use crate::cues::CueLexicon;
use crate::Attributor;
use decode::Labelled;
use ends::EndRanker;
use features::DocumentFacts;
use sayso_annotate::parser::UNPARSED;
use sayso_annotate::perceptron::{ModelError, Weights};
use sayso_document::{Attribution, AttributionKind, Document, Span, TokenKind, Upos};
use std::ops::Range;
use std::sync::OnceLock;

/// BIO labels over the three roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Label {
    Outside = 0,
    BeginSource = 1,
    InSource = 2,
    BeginCue = 3,
    InCue = 4,
    BeginContent = 5,
    InContent = 6,
}

pub const LABELS: usize = 7;

impl Label {
    pub fn from_index(k: usize) -> Label {
        [
            Label::Outside,
            Label::BeginSource,
            Label::InSource,
            Label::BeginCue,
            Label::InCue,
            Label::BeginContent,
            Label::InContent,
        ][k]
    }

    /// Whether `next` may follow `self` (an inside label only continues its own role).
    fn allows(prev: Option<usize>, next: usize) -> bool {
        match next {
            2 | 4 | 6 => prev.is_some_and(|p| p == next || p == next - 1),
            _ => true,
        }
    }
}

/// Transition weights: from the start (row 0) or a label (row 1 + label) to a label.
pub const TRANSITIONS: usize = (LABELS + 1) * LABELS;

const MAGIC: &[u8; 8] = b"SAYROLE3";

/// One labelling pass: token weights and label transitions.
pub struct Pass {
    weights: Weights,
    transitions: Vec<f32>,
}

impl Pass {
    pub fn new(weights: Weights, transitions: Vec<f32>) -> Pass {
        Pass {
            weights,
            transitions,
        }
    }

    /// The best labels of a unit, with their margins and content leans.
    pub fn label_unit(&self, tokens: Range<usize>, features: &[Vec<u64>]) -> Labelled {
        let mut emissions = vec![0f32; features.len() * LABELS];
        for (f, row) in features.iter().zip(emissions.chunks_exact_mut(LABELS)) {
            self.weights.scores(f, row);
        }
        Labelled::new(tokens, viterbi(&emissions, &self.transitions), &emissions)
    }

    fn to_bytes(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.weights.to_bytes(MAGIC));
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
    }

    fn from_bytes(bytes: &[u8]) -> Result<(Pass, &[u8]), ModelError> {
        let what = "attribution";
        let (weights, rest) = Weights::from_bytes(bytes, MAGIC, what)?;
        if weights.classes() != LABELS {
            return Err(ModelError::BadHeader(what));
        }
        let needed = 4 * TRANSITIONS;
        if rest.len() < needed {
            let expected = bytes.len() - rest.len() + needed;
            return Err(ModelError::BadLength(what, bytes.len(), expected));
        }
        let transitions = rest[..needed]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok((Pass::new(weights, transitions), &rest[needed..]))
    }
}

/// Two stacked passes: the second reads the first one's labels among its features (so that,
/// say, the complement of a verb the first pass took as a cue leans to content).
///
/// The second pass reads every feature of the first and adds its own, so the two passes'
/// weights are held as one table, a row holding the first pass's labels then the second's:
/// one fetch of a feature's row gives both passes' sums, and the second pass only fetches the
/// rows of the features it adds (scoring is bound by fetching rows from memory).
pub struct RoleTagger {
    joint: Weights,
    /// Each pass's factor from integer sums to scores.
    scales: [f32; 2],
    /// Each pass's label transitions.
    transitions: [Vec<f32>; 2],
}

static BUNDLED: &[u8] = include_bytes!("attribution-roles.bin");

impl RoleTagger {
    /// The model bundled with the library, loaded once per process.
    pub fn bundled() -> &'static RoleTagger {
        static MODEL: OnceLock<RoleTagger> = OnceLock::new();
        MODEL.get_or_init(|| {
            RoleTagger::from_bytes(BUNDLED)
                .expect("the bundled attribution model is checked by a unit test")
        })
    }

    /// `None` when the passes' tables differ in size.
    pub fn new(first: Pass, second: Pass) -> Option<RoleTagger> {
        Some(RoleTagger {
            joint: Weights::side_by_side(&first.weights, &second.weights)?,
            scales: [first.weights.scale(), second.weights.scale()],
            transitions: [first.transitions, second.transitions],
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<RoleTagger, ModelError> {
        let (first, rest) = Pass::from_bytes(bytes)?;
        let (second, rest) = Pass::from_bytes(rest)?;
        if !rest.is_empty() {
            return Err(ModelError::BadHeader("attribution"));
        }
        RoleTagger::new(first, second).ok_or(ModelError::BadHeader("attribution"))
    }

    /// The two passes one after the other, each as [`Pass`] writes it.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for k in 0..2 {
            let pass = Pass::new(
                self.joint
                    .columns(k * LABELS..(k + 1) * LABELS, self.scales[k]),
                self.transitions[k].clone(),
            );
            pass.to_bytes(&mut out);
        }
        out
    }

    /// Labels every paragraph of a document with both passes.
    pub fn label(&self, facts: &mut DocumentFacts, units: &[Vec<Range<usize>>]) -> Vec<Labelled> {
        let mut features = Vec::new();
        let mut sums = Vec::new();
        let mut emissions = Vec::new();
        units
            .iter()
            .map(|unit| {
                let tokens = unit_tokens(unit);
                unit_features(facts, unit, &mut features);
                // Both passes' sums over the first pass's features.
                sums.clear();
                sums.resize(features.len() * 2 * LABELS, 0i32);
                for (f, row) in features.iter().zip(sums.chunks_exact_mut(2 * LABELS)) {
                    self.joint.add_sums(f, row);
                }
                self.emissions(0, &sums, &mut emissions);
                let first = viterbi(&emissions, &self.transitions[0]);
                facts.record_first_pass(tokens.clone(), &first);
                let first_pass_lengths: Vec<usize> = features.iter().map(Vec::len).collect();
                add_unit_stacked_features(facts, unit, &mut features);
                for ((f, row), &done) in features
                    .iter()
                    .zip(sums.chunks_exact_mut(2 * LABELS))
                    .zip(&first_pass_lengths)
                {
                    self.joint.add_sums(&f[done..], row);
                }
                self.emissions(1, &sums, &mut emissions);
                Labelled::new(
                    tokens,
                    viterbi(&emissions, &self.transitions[1]),
                    &emissions,
                )
            })
            .collect()
    }

    /// Pass `pass`'s label scores from the joint sums (`2 * LABELS` a token).
    fn emissions(&self, pass: usize, sums: &[i32], out: &mut Vec<f32>) {
        out.clear();
        out.extend(sums.chunks_exact(2 * LABELS).flat_map(|row| {
            row[pass * LABELS..(pass + 1) * LABELS]
                .iter()
                .map(move |&s| s as f32 * self.scales[pass])
        }));
    }
}

impl Labelled {
    /// A unit's labels with what the label scores (`LABELS` a token) say about them.
    fn new(tokens: Range<usize>, labels: Vec<usize>, emissions: &[f32]) -> Labelled {
        let content_lean = emissions
            .chunks_exact(LABELS)
            .map(|row| row[Label::InContent as usize] - row[Label::Outside as usize])
            .collect();
        Labelled {
            tokens,
            margins: margins(&labels, emissions),
            labels,
            content_lean,
        }
    }
}

/// Each token's margin of its label's score over the best other label's.
fn margins(labels: &[usize], emissions: &[f32]) -> Vec<f32> {
    labels
        .iter()
        .zip(emissions.chunks_exact(LABELS))
        .map(|(&l, row)| {
            let other = row
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != l)
                .fold(f32::MIN, |m, (_, s)| m.max(*s));
            row[l] - other
        })
        .collect()
}

/// Labels each unit with the first pass alone.
pub fn first_pass_units(
    pass: &Pass,
    facts: &DocumentFacts,
    units: &[Vec<Range<usize>>],
) -> Vec<Labelled> {
    let mut features = Vec::new();
    units
        .iter()
        .map(|unit| {
            unit_features(facts, unit, &mut features);
            pass.label_unit(unit_tokens(unit), &features)
        })
        .collect()
}

/// The token range of a unit.
pub fn unit_tokens(unit: &[Range<usize>]) -> Range<usize> {
    unit[0].start..unit[unit.len() - 1].end
}

/// The best label sequence under the BIO constraints. `emissions` holds `LABELS` scores a token.
pub fn viterbi(emissions: &[f32], transitions: &[f32]) -> Vec<usize> {
    let n = emissions.len() / LABELS;
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![f32::NEG_INFINITY; n * LABELS];
    let mut back = vec![0u8; n * LABELS];
    for l in 0..LABELS {
        if Label::allows(None, l) {
            score[l] = emissions[l] + transitions[l];
        }
    }
    // Forbidden steps as -inf, so that the inner loop is arithmetic only.
    let mut step = [[f32::NEG_INFINITY; LABELS]; LABELS];
    for (p, row) in step.iter_mut().enumerate() {
        for (l, cell) in row.iter_mut().enumerate() {
            if Label::allows(Some(p), l) {
                *cell = transitions[(1 + p) * LABELS + l];
            }
        }
    }
    for t in 1..n {
        let previous: [f32; LABELS] = score[(t - 1) * LABELS..t * LABELS]
            .try_into()
            .expect("a row of scores");
        for l in 0..LABELS {
            let mut best = f32::NEG_INFINITY;
            let mut from = 0;
            for (p, prev) in previous.iter().enumerate() {
                let s = prev + step[p][l];
                if s > best {
                    best = s;
                    from = p;
                }
            }
            score[t * LABELS + l] = best + emissions[t * LABELS + l];
            back[t * LABELS + l] = from as u8;
        }
    }
    let last = &score[(n - 1) * LABELS..];
    let mut l = (0..LABELS)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]))
        .unwrap_or(0);
    let mut labels = vec![0; n];
    for t in (0..n).rev() {
        labels[t] = l;
        l = back[t * LABELS + l] as usize;
    }
    labels
}

/// Replaces the rule-based attributions with the learned model's.
pub struct LearnedAttributor {
    pub model: &'static RoleTagger,
    pub ends: &'static EndRanker,
    pub cues: &'static CueLexicon,
}

impl Default for LearnedAttributor {
    fn default() -> Self {
        LearnedAttributor {
            model: RoleTagger::bundled(),
            ends: EndRanker::bundled(),
            cues: CueLexicon::bundled(),
        }
    }
}

/// The units the model labels: paragraphs (a content often runs over several sentences, rarely
/// over a paragraph break), each as the token ranges of its sentences. A unit holds at most
/// [`MAX_UNIT_TOKENS`] tokens (longer paragraphs are cut between sentences, longer sentences
/// into pieces), so that the features held at once stay small whatever the input.
pub fn paragraph_units(doc: &Document) -> Vec<Vec<Range<usize>>> {
    let mut units: Vec<Vec<Range<usize>>> = Vec::new();
    let mut current_paragraph = usize::MAX;
    let mut unit_tokens = 0;
    for s in &doc.sentences {
        let range = doc.tokens_in(*s);
        let paragraph = doc.paragraph_of(s.start);
        let mut start = range.start;
        while start < range.end {
            let piece = start..range.end.min(start + MAX_UNIT_TOKENS);
            start = piece.end;
            match units.last_mut() {
                Some(unit)
                    if paragraph == current_paragraph
                        && unit_tokens + piece.len() <= MAX_UNIT_TOKENS =>
                {
                    unit_tokens += piece.len();
                    unit.push(piece);
                }
                _ => {
                    unit_tokens = piece.len();
                    units.push(vec![piece]);
                }
            }
            current_paragraph = paragraph;
        }
    }
    units
}

/// The most tokens labelled together.
pub const MAX_UNIT_TOKENS: usize = 2_000;

/// The first pass's features of every token of a unit, in order.
pub fn unit_features(facts: &DocumentFacts, unit: &[Range<usize>], out: &mut Vec<Vec<u64>>) {
    out.clear();
    for (k, sentence) in unit.iter().enumerate() {
        facts.sentence_features(sentence.clone(), k == 0, out);
    }
}

/// Adds the second pass's features to a unit's (its first pass's labels must be recorded).
pub fn add_unit_stacked_features(
    facts: &DocumentFacts,
    unit: &[Range<usize>],
    features: &mut [Vec<u64>],
) {
    let start = unit[0].start;
    for sentence in unit {
        let rows = &mut features[sentence.start - start..sentence.end - start];
        facts.add_stacked_features(sentence.clone(), rows);
    }
}

impl Attributor for LearnedAttributor {
    fn attribute(&self, doc: &mut Document) {
        let mut facts = DocumentFacts::new(doc, self.cues);
        // A paragraph the parser left out whole may hold no attribution: it is not labelled.
        let parsed = |t: usize| doc.deprels.get(t).is_none_or(|d| &**d != UNPARSED);
        let units: Vec<_> = paragraph_units(doc)
            .into_iter()
            .filter(|unit| unit.iter().any(|s| s.clone().any(parsed)))
            .collect();
        let mut labelled = self.model.label(&mut facts, &units);
        for (unit, labelled) in units.iter().zip(&mut labelled) {
            self.ends.adjust(&facts, unit, labelled);
        }
        let learned = decode::attributions(doc, &labelled);
        let rules = std::mem::replace(&mut doc.attributions, learned);
        // On a quotation the quotation attributor's source is the more reliable (it follows
        // speakers across paragraphs): it wins where both saw the same quotation, and it fills
        // in where the model found a quotation but no source. The rules' quotations by their
        // first content span: spans of different attributions do not overlap, so a binary
        // search finds the one a learned content starts in (linear however many there are).
        let mut quotations: Vec<(Span, &Attribution)> = rules
            .iter()
            .filter(|r| r.kind != AttributionKind::Indirect && !r.source.is_empty())
            .filter_map(|r| Some((*r.content.first()?, r)))
            .collect();
        quotations.sort_by_key(|(span, _)| span.start);
        for a in &mut doc.attributions {
            let Some(content) = a.content.first() else {
                continue;
            };
            let k = quotations.partition_point(|(span, _)| span.end <= content.start);
            let Some((_, r)) = quotations
                .get(k)
                .filter(|(span, _)| span.start < content.end)
            else {
                continue;
            };
            if a.kind == AttributionKind::Direct || a.source.is_empty() {
                a.source.clone_from(&r.source);
                if a.cue.is_empty() {
                    a.cue.clone_from(&r.cue);
                }
            }
        }
        transcript_turns(doc);
        headline_claims(doc);
        poll_findings(doc);
        subjects_as_sources(doc);
        quotations_go_on_with_their_speaker(doc);
    }
}

/// A paragraph of a transcript opens with its speaker's name in capitals and a colon
/// ("WALLACE: ...", often inside a quotation mark): a content found without source that opens
/// the paragraph so, or right after that colon, is that turn, the name its source and the
/// colon its cue.
fn transcript_turns(doc: &mut Document) {
    for k in 0..doc.attributions.len() {
        let a = &doc.attributions[k];
        let (true, true, Some(&first)) = (a.source.is_empty(), a.cue.is_empty(), a.content.first())
        else {
            continue;
        };
        let Some(paragraph) = doc.paragraphs.get(doc.paragraph_of(first.start)) else {
            continue;
        };
        let opening = doc.token_at_or_after(paragraph.start);
        let Some(name) = sayso_text::turns::turn_name(doc, opening) else {
            continue;
        };
        let colon = name.end;
        let content_start = doc.token_at_or_after(first.start);
        let after_colon = content_start == colon + 1;
        if paragraph.start != first.start && !after_colon {
            continue;
        }
        if colon + 1 >= doc.tokens_in(first).end {
            continue;
        }
        let span = |a: usize, b: usize| Span::new(doc.tokens[a].span.start, doc.tokens[b].span.end);
        let (source, cue) = (span(name.start, colon - 1), span(colon, colon));
        let rest = Span::new(doc.tokens[colon + 1].span.start, first.end);
        let a = &mut doc.attributions[k];
        a.source = vec![source];
        a.cue = vec![cue];
        a.content[0] = rest;
    }
}

/// The most words a headline's speaker has before its colon ("McCain Challenger Kelli Ward").
const MAX_HEADLINE_SPEAKER_WORDS: usize = 5;

/// One-word common nouns that speak in headlines ("Poll: ...", "Report: ..."), besides plurals
/// ("Insiders: ...").
const HEADLINE_SPEAKER_NOUNS: &[&str] = &[
    "poll",
    "report",
    "survey",
    "study",
    "newspaper",
    "memo",
    "analysis",
];

/// A headline that opens with a speaker and a colon ("Ann Cole: Tax Plan Is ‘a Fraud’", "Poll:
/// Voters Abandon Cole") says what follows the colon. When the model made no attribution of
/// that colon, the words before it are its source, the colon its cue and the rest of the
/// headline its content, and what the model made of the headline's words alone goes. The
/// speaker is capitalized words without a function word (not "The Latest:", "Good Day For
/// Cole:"), ending in a name or a noun; one word alone is a plural, a noun that reports
/// ("Poll:", "Report:") or a word the story writes so again inside a sentence, as a name
/// ("Hale:"; not "Bombshell:", "Revealed:"). The claim has a verb or, as a title-case
/// headline's verbs are often tagged as names, is four or more capitalized words not opening
/// with an article ("Voters Abandon Cole"; not "A Day in Court"); no question.
fn headline_claims(doc: &mut Document) {
    let Some(&headline) = doc.paragraphs.first() else {
        return;
    };
    let first = doc.token_at_or_after(headline.start);
    let end = doc.token_at_or_after(headline.end).min(doc.tokens.len());
    let Some(colon) = (first..end.min(first + MAX_HEADLINE_SPEAKER_WORDS + 1))
        .find(|&t| doc.token_text(t) == ":")
    else {
        return;
    };
    let tag = |t: usize| doc.upos.get(t).copied();
    let capitalized = |t: usize| doc.token_text(t).starts_with(char::is_uppercase);
    let function_word = |t: usize| {
        matches!(
            tag(t),
            Some(Upos::Adp | Upos::Det | Upos::Cconj | Upos::Aux | Upos::Part | Upos::Pron)
        )
    };
    let named_again = |word: &str| {
        (end..doc.tokens.len()).any(|t| {
            doc.token_text(t) == word
                && doc.sentence_index(doc.tokens[t].span.start)
                    == doc.sentence_index(doc.tokens[t - 1].span.start)
        })
    };
    let speaker = colon > first
        && (first..colon).all(|t| capitalized(t) && !function_word(t))
        && matches!(tag(colon - 1), Some(Upos::Propn | Upos::Noun))
        && (colon > first + 1 || {
            let word = doc.token_text(first);
            let lower = word.to_lowercase();
            lower.ends_with('s')
                || HEADLINE_SPEAKER_NOUNS.contains(&lower.as_str())
                || named_again(word)
        });
    let mut last = end.saturating_sub(1);
    while last > colon && matches!(doc.token_text(last), "." | ";" | ",") {
        last -= 1;
    }
    if !speaker || last <= colon || doc.token_text(last) == "?" {
        return;
    }
    let words: Vec<usize> = (colon + 1..=last)
        .filter(|&t| tag(t) != Some(Upos::Punct))
        .collect();
    let title_case_claim = words.len() >= 4
        && words.iter().all(|&t| capitalized(t) || function_word(t))
        && words
            .iter()
            .filter(|&&t| doc.token_text(t).chars().any(char::is_lowercase))
            .count()
            >= 4
        && tag(words[0]) != Some(Upos::Det);
    let claim = title_case_claim
        || words
            .iter()
            .any(|&t| matches!(tag(t), Some(Upos::Verb | Upos::Aux)));
    let colon_span = doc.tokens[colon].span;
    let cued = doc
        .attributions
        .iter()
        .any(|a| a.cue.iter().any(|c| c.start == colon_span.start));
    if !claim || cued {
        return;
    }
    let source = Span::new(doc.tokens[first].span.start, doc.tokens[colon - 1].span.end);
    let content = Span::new(doc.tokens[colon + 1].span.start, doc.tokens[last].span.end);
    doc.attributions.retain(|a| {
        let spans = || a.content.iter().chain(&a.cue).chain(&a.source);
        !spans().all(|s| s.end <= headline.end)
    });
    add_ruled(doc, vec![(source, colon_span, content)]);
}

/// Adds what a rule after the model found, `(source, cue, content)` each, in text order, each
/// of the kind its content's quotation marks give.
fn add_ruled(doc: &mut Document, found: Vec<(Span, Span, Span)>) {
    if found.is_empty() {
        return;
    }
    let chars: Vec<char> = doc.text().chars().collect();
    for (source, cue, content) in found {
        doc.attributions.push(Attribution {
            kind: sayso_document::kind::classify(&chars, &[content]),
            content: vec![content],
            cue: vec![cue],
            source: vec![source],
            confidence: 1.0,
            ..Default::default()
        });
    }
    doc.attributions.sort_by_key(Attribution::start);
}

/// The nouns of polls, whose findings news reports as what they say.
const POLL_NOUNS: &[&str] = &["poll", "polls", "survey", "surveys"];

/// The most words between "In" and the poll's noun ("In a statewide Acme Research/Lakeside
/// University poll"), and between the noun and the comma that closes its phrase ("poll
/// released Monday by the network,").
const POLL_PHRASE_WORDS: usize = 12;

/// A sentence opening "In" a poll and a comma ("In the latest Gallup poll, conducted in May,
/// Cole led Hale by 5 points.") reports what the poll found: "In" is the cue, the poll's
/// phrase (with a participle's phrase after its comma) the source and the clause after it,
/// when it has a verb, the content; added unless an attribution already has that "In" as its
/// cue. The model, trained on few of them, seldom takes a preposition for a cue. Read off the
/// words, not the tree, which often goes astray in a pollster's name ("Post/ABC News").
fn poll_findings(doc: &mut Document) {
    let tag = |t: usize| doc.upos.get(t).copied();
    let text = |t: usize| doc.token_text(t);
    let span = |a: usize, b: usize| Span::new(doc.tokens[a].span.start, doc.tokens[b].span.end);
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let first = doc.token_at_or_after(sentence.start);
        let end = doc.token_at_or_after(sentence.end).min(doc.tokens.len());
        if first >= end || !text(first).eq_ignore_ascii_case("in") {
            continue;
        }
        let within = |from: usize| from..end.min(from + POLL_PHRASE_WORDS);
        let Some(poll) = within(first + 1)
            .take_while(|&t| text(t) != ",")
            .find(|&t| POLL_NOUNS.contains(&text(t).to_lowercase().as_str()))
        else {
            continue;
        };
        // A poll named inside a clause of the phrase is not what speaks ("In a note sent after
        // polls closed, Cole ...", "In towns where polls were taken, ...").
        let clause_before_poll = (first + 1..poll).any(|t| {
            matches!(tag(t), Some(Upos::Verb | Upos::Aux | Upos::Sconj))
                || text(t).eq_ignore_ascii_case("where")
        });
        if clause_before_poll {
            continue;
        }
        let Some(mut comma) = within(poll + 1).find(|&t| text(t) == ",") else {
            continue;
        };
        // "..., conducted in May, Cole led": the participle's phrase is the poll's.
        if tag(comma + 1) == Some(Upos::Verb) {
            if let Some(next) = within(comma + 2).find(|&t| text(t) == ",") {
                comma = next;
            }
        }
        let mut last = end - 1;
        while last > comma
            && tag(last) == Some(Upos::Punct)
            && doc.tokens[last].kind != TokenKind::Quote
        {
            last -= 1;
        }
        let has_verb = (comma + 1..=last).any(|t| matches!(tag(t), Some(Upos::Verb | Upos::Aux)));
        let cue = doc.tokens[first].span;
        if last <= comma || !has_verb {
            continue;
        }
        found.push((span(first + 1, comma - 1), cue, span(comma + 1, last)));
    }
    // Only a document with a candidate pays for the set of cues it checks them against.
    if !found.is_empty() {
        let cues: std::collections::HashSet<Span> = doc
            .attributions
            .iter()
            .flat_map(|a| a.cue.iter().copied())
            .collect();
        found.retain(|(_, cue, _)| !cues.contains(cue));
    }
    add_ruled(doc, found);
}

/// A quotation the model found without cue or source, in the paragraph of the attribution
/// with a source before it ("“...,” said Caddell, speaking of ... “It is one of the things
/// ...”"), is more of what that source said: it takes that source and cue, as PolNeAR marks
/// such a quotation.
fn quotations_go_on_with_their_speaker(doc: &mut Document) {
    let mut latest: Option<usize> = None;
    for k in 0..doc.attributions.len() {
        let a = &doc.attributions[k];
        let Some(content) = a.content.first() else {
            continue;
        };
        if !a.source.is_empty() {
            latest = Some(k);
            continue;
        }
        let quoted = matches!(a.kind, AttributionKind::Direct | AttributionKind::Mixed);
        let Some(before) = latest.filter(|_| quoted && a.cue.is_empty()) else {
            continue;
        };
        let b = &doc.attributions[before];
        let same_paragraph = b.content.last().is_some_and(|last| {
            doc.paragraph_of(last.start) == doc.paragraph_of(content.start)
                && last.end <= content.start
        });
        if same_paragraph {
            let (source, cue) = (b.source.clone(), b.cue.clone());
            let a = &mut doc.attributions[k];
            a.source = source;
            a.cue = cue;
        }
    }
}

/// A cue verb the model left without a source takes its subject from the tree, or that of the
/// verb it is coordinated with or hangs off ("Merrill says ... and said ...", "..., adding
/// that ...", "before asking ..."), or, when the tree gives none or another attribution's
/// words, the source of the cue right before it ("Sanders said, suggesting ..."), of the cue
/// it is coordinated with ("X, speaking ..., said ... and warned ...") or of the content it is
/// coordinated with ("X said it would leave and suggested ..."), or, for a participle opening
/// its sentence, the subject after its phrase's comma ("Noting ..., Smith told ..."). A participle
/// cue after a comma takes the subject of the clause it hangs off also when the model gave it
/// a source inside that clause's predicate ("X called for releasing the police videos,
/// saying") or holding its verb ("Meanwhile, it attacked Trump, saying"): those are the
/// clause's words, not who speaks.
fn subjects_as_sources(doc: &mut Document) {
    let parsed = doc.is_parsed();
    if !parsed
        || doc
            .attributions
            .iter()
            .all(|a| a.cue.is_empty() || !a.source.is_empty() && !after_comma(doc, a))
    {
        return;
    }
    let tree = crate::reported::Tree::new(doc);
    let mut found = Vec::new();
    // Attributions whose source and one content are read anew, their kind with them.
    let mut reread = Vec::new();
    for (k, a) in doc.attributions.iter().enumerate() {
        let verb = a
            .cue
            .iter()
            .flat_map(|c| doc.tokens_in(*c))
            .find(|&t| doc.upos.get(t) == Some(&Upos::Verb));
        let modelled = !a.source.is_empty();
        // "The plan will fail, noted NBC's Dante Chinni.": the speaker comes after the verb,
        // and the tree reads it as the verb's object, so the model and the rules took it for
        // what was said. The content is the clause before the comma.
        if let Some((inverted, clause)) = verb.and_then(|v| {
            let (first, last) = crate::reported::inverted_subject(doc, &tree, v)?;
            let source = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
            let inside = |s: &Span| source.start <= s.start && s.end <= source.end;
            if !a.content.iter().all(inside) || !a.source.iter().all(inside) {
                return None;
            }
            Some((source, fronted_clause(doc, v - 1)?))
        }) {
            let overlaps = |s: &Span| s.start < clause.end && clause.start < s.end;
            let taken = doc.attributions.iter().enumerate().any(|(j, b)| {
                j != k
                    && b.content
                        .iter()
                        .chain(&b.cue)
                        .chain(&b.source)
                        .any(overlaps)
            });
            if !taken {
                reread.push((k, inverted, clause));
                continue;
            }
        }
        // "After saying the plan was dead, she was ...": the model ran the content on over
        // the clause whose subject speaks; the content ends at the participle's comma.
        if let Some((subject, content)) = verb
            .filter(|_| !modelled)
            .and_then(|v| fronted_clause_in_content(doc, &tree, a, v))
        {
            reread.push((k, subject, content));
            continue;
        }
        let subject = verb.and_then(|v| {
            crate::reported::subject(doc, &tree, v, &["conj", "xcomp", "advcl", "acl"])
        });
        let participle = verb.is_some_and(|v| {
            doc.token_text(v).to_lowercase().ends_with("ing") && after_comma(doc, a)
        });
        if modelled {
            let misplaced = subject.is_some_and(|((_, last), head)| {
                let tokens: Vec<_> = a.source.iter().map(|s| doc.tokens_in(*s)).collect();
                let after = tokens.iter().all(|r| r.start > last);
                let holds_head = tokens.iter().any(|r| r.contains(&head));
                after || holds_head
            });
            if !(participle && misplaced) {
                continue;
            }
        }
        // A subject is taken unless it opens with a preposition (a misparse: "In a statement,
        // ...") or opens with another attribution's words (its content may hold this one); where
        // it overlaps another attribution's source, that source is shared as that
        // attribution has it ("Merrill says ... and said ...", "Donald Trump, in particular,
        // has criticized ... and called for ...").
        let usable = |(first, mut last): (usize, usize)| {
            // The first character of the subject that another attribution's words hold.
            let whole = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
            let taken_from = doc
                .attributions
                .iter()
                .flat_map(|b| b.content.iter().chain(&b.cue))
                .filter(|s| s.start < whole.end && whole.start < s.end)
                .map(|s| s.start.max(whole.start))
                .min();
            // A subject whose modifier holds another attribution ("The mayor, still stinging
            // over the app, agreed"): the words before the modifier's comma or dash, when they
            // end in a noun.
            if let Some(at) = taken_from {
                let t = doc.tokens.partition_point(|token| token.span.end <= at);
                last = (first..t)
                    .rev()
                    .find(|&k| doc.upos.get(k) != Some(&Upos::Punct))
                    .filter(|&k| {
                        matches!(doc.upos.get(k), Some(Upos::Noun | Upos::Propn | Upos::Pron))
                            && matches!(doc.token_text(k + 1), "," | "(" | "—" | "--" | "–")
                    })?;
            }
            let span = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
            let overlaps = |s: &Span| s.start < span.end && span.start < s.end;
            let opens_phrase = matches!(doc.upos.get(first), Some(Upos::Adp | Upos::Sconj));
            let shared = doc
                .attributions
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .flat_map(|(_, b)| &b.source)
                .find(|s| overlaps(s))
                .copied();
            (!opens_phrase).then(|| shared.unwrap_or(span))
        };
        let source = subject.and_then(|(range, _)| usable(range)).or_else(|| {
            let v = verb.filter(|_| !modelled)?;
            source_of_cue_before(doc, v)
                .or_else(|| source_of_coordinated_cue(doc, v))
                .or_else(|| source_of_content_conjunct(doc, v))
                .or_else(|| {
                    // The tree lost the participle's clause (it hangs off a verb deep in the
                    // content before it): the subject of its sentence's main verb.
                    participle
                        .then(|| crate::reported::root_subject(doc, &tree, v))
                        .flatten()
                        .and_then(usable)
                })
                .or_else(|| {
                    crate::reported::fronted_participle_subject(doc, &tree, v).and_then(usable)
                })
        });
        if let Some(source) = source {
            found.push((k, source));
        }
    }
    for (k, span) in found {
        doc.attributions[k].source = vec![span];
    }
    if reread.is_empty() {
        return;
    }
    let chars: Vec<char> = doc.text().chars().collect();
    for (k, source, content) in reread {
        let a = &mut doc.attributions[k];
        a.kind = sayso_document::kind::classify(&chars, &[content]);
        a.source = vec![source];
        a.content = vec![content];
    }
}

/// For a participle of saying opening its sentence whose one content runs on over the comma
/// after its phrase into a clause with a subject of its own: that subject, and the content up
/// to the comma (with a closing quotation mark right after it).
fn fronted_clause_in_content(
    doc: &Document,
    tree: &crate::reported::Tree,
    a: &Attribution,
    v: usize,
) -> Option<(Span, Span)> {
    let [piece] = a.content.as_slice() else {
        return None;
    };
    // Only a verb of saying: what follows "Assuming ...," is the writer's supposition, not
    // its subject's.
    let file = word_classes::verb_file(&doc.token_text(v).to_lowercase());
    if file != Some(word_classes::COMMUNICATION) {
        return None;
    }
    let ((first, last), comma) = crate::reported::fronted_participle_clause(doc, tree, v)?;
    let subject = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
    if !(piece.start < doc.tokens[comma].span.start && subject.end <= piece.end) {
        return None;
    }
    let quote_closes = doc
        .tokens
        .get(comma + 1)
        .is_some_and(|t| t.kind == TokenKind::Quote)
        && comma + 1 < first;
    let end = if quote_closes {
        doc.tokens[comma + 1].span.end
    } else {
        doc.tokens[comma].span.start
    };
    Some((subject, Span::new(piece.start, end)))
}

/// The clause from its sentence's start up to the comma at token `comma`, when it holds a
/// verb: the content of "The plan will fail, noted Sen. Bob Smith."
fn fronted_clause(doc: &Document, comma: usize) -> Option<Span> {
    const MIN_WORDS: usize = 3;
    let sentence = doc.sentence_at(doc.tokens[comma].span.start)?;
    let is_punct = |t: usize| doc.upos.get(t) == Some(&Upos::Punct);
    let first = (doc.token_at_or_after(sentence.start)..comma).find(|&t| !is_punct(t))?;
    let last = (first..comma).rev().find(|&t| !is_punct(t))?;
    let has_verb = (first..=last).any(|t| matches!(doc.upos.get(t), Some(Upos::Verb | Upos::Aux)));
    (has_verb && last + 1 - first >= MIN_WORDS)
        .then(|| Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end))
}

/// Whether an attribution's cue follows a comma ("..., saying").
fn after_comma(doc: &Document, a: &Attribution) -> bool {
    a.cue
        .first()
        .is_some_and(|c| comma_before(doc, doc.token_at_or_after(c.start)).is_some())
}

/// The comma right before token `t`, also inside a closing quotation mark (`the "Golden
/// Week," saying`).
fn comma_before(doc: &Document, t: usize) -> Option<usize> {
    let mut k = t.checked_sub(1)?;
    if doc.tokens[k].kind == TokenKind::Quote {
        k = k.checked_sub(1)?;
    }
    (doc.token_text(k) == ",").then_some(k)
}

/// The source of the attribution whose cue verb the cue verb at token `v` is coordinated with,
/// when the tree gives neither a subject ("Trump, speaking to veterans, said ... and warned
/// against ...", where a misparse left "said" without one but the model found "Trump").
fn source_of_coordinated_cue(doc: &Document, v: usize) -> Option<Span> {
    let mut head = v;
    for _ in 0..3 {
        if !doc.deprels.get(head).is_some_and(|r| r.starts_with("conj")) {
            return None;
        }
        head = doc.heads[head]? as usize;
        let at = doc.tokens[head].span;
        let shared = doc.attributions.iter().find_map(|b| {
            let holds = b.cue.iter().any(|c| c.start <= at.start && at.end <= c.end);
            match b.source.as_slice() {
                [source] if holds => Some(*source),
                _ => None,
            }
        });
        if shared.is_some() {
            return shared;
        }
    }
    None
}

/// The source of the attribution whose content's main verb the cue verb at token `v` is
/// coordinated with: the tree hangs "suggested" off "declare" in "May said the country would
/// declare ... and suggested that ...", whose subject is the content's, but the second
/// verb of saying is the speaker's.
fn source_of_content_conjunct(doc: &Document, v: usize) -> Option<Span> {
    if !doc.deprels.get(v)?.starts_with("conj") {
        return None;
    }
    let head = doc.heads[v]? as usize;
    let cue_verb = doc.heads[head]? as usize;
    let within = |t: usize, spans: &[Span]| {
        let at = doc.tokens[t].span;
        spans.iter().any(|s| s.start <= at.start && at.end <= s.end)
    };
    doc.attributions
        .iter()
        .find_map(|b| match b.source.as_slice() {
            [source]
                if within(head, &b.content)
                    && within(cue_verb, &b.cue)
                    && !within(v, &b.content) =>
            {
                Some(*source)
            }
            _ => None,
        })
}

/// The source of the attribution whose cue comes last before a participle cue at token `v`
/// after a comma, in the same sentence ("Sanders said, suggesting ...", "..., Chaffetz said in
/// a statement, adding ..."): the participle has its speaker.
fn source_of_cue_before(doc: &Document, v: usize) -> Option<Span> {
    let comma = comma_before(doc, v)?;
    let at = doc.tokens[comma].span.start;
    let sentence = doc.sentence_at(at)?;
    doc.attributions
        .iter()
        .filter_map(|b| Some((b.cue.last()?, b.source.first()?)))
        .filter(|(cue, _)| sentence.start <= cue.start && cue.end <= at)
        .max_by_key(|(cue, _)| cue.end)
        .map(|(_, source)| *source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_model_loads_and_corrupt_models_are_named_errors() {
        let model = RoleTagger::bundled();
        assert_eq!(model.transitions[1].len(), TRANSITIONS);
        let bytes = model.to_bytes();
        assert!(RoleTagger::from_bytes(&bytes).is_ok());
        let err = RoleTagger::from_bytes(&bytes[..bytes.len() - 3])
            .err()
            .unwrap();
        assert!(err.to_string().contains("attribution model"), "{err}");
        let err = RoleTagger::from_bytes(b"not a model at all, no")
            .err()
            .unwrap();
        assert!(err.to_string().contains("bad header"), "{err}");
    }

    /// A document of ASCII `text` with hand-given tags, parse (heads, `None` for a root) and
    /// attributions, each `(source, cue, content)` found by its words ("" for none).
    fn annotated(
        text: &str,
        upos: Vec<Upos>,
        heads: Vec<Option<u32>>,
        deprels: &[&str],
        said: &[(&str, &str, &str)],
    ) -> Document {
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        doc.upos = upos;
        assert_eq!(doc.upos.len(), doc.tokens.len());
        doc.heads = heads;
        doc.deprels = deprels.iter().map(|&r| r.into()).collect();
        doc.attributions = said
            .iter()
            .map(|(source, cue, content)| Attribution {
                source: spans_of(text, source),
                cue: spans_of(text, cue),
                content: spans_of(text, content),
                ..Attribution::default()
            })
            .collect();
        doc
    }

    fn spans_of(text: &str, words: &str) -> Vec<Span> {
        if words.is_empty() {
            return Vec::new();
        }
        let start = text.find(words).unwrap() as u32;
        vec![Span::new(start, start + words.len() as u32)]
    }

    /// Heads as [`annotated`] takes them, from token indices with `usize::MAX` for the root.
    fn tree_heads(heads: &[usize]) -> Vec<Option<u32>> {
        heads
            .iter()
            .map(|&h| (h != usize::MAX).then_some(h as u32))
            .collect()
    }

    /// A document of `text` with no parse (every token a noun, no heads) and the attributions
    /// `said`, as [`annotated`] takes them.
    fn unparsed(text: &str, said: &[(&str, &str, &str)]) -> Document {
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        let n = doc.tokens.len();
        annotated(
            text,
            vec![Upos::Noun; n],
            vec![None; n],
            &vec!["root"; n],
            said,
        )
    }

    #[test]
    fn a_participle_cue_after_a_comma_shares_the_source_of_its_sentences_cue_before() {
        use sayso_document::Upos::*;
        let participle_source = |text: &str, upos: Vec<Upos>| {
            // A parse that gives the participle no subject to inherit.
            let n = upos.len();
            let mut doc = annotated(
                text,
                upos,
                vec![None; n],
                &vec!["root"; n],
                &[("Sanders", "said", "it"), ("", "suggesting", "a change")],
            );
            subjects_as_sources(&mut doc);
            doc.attributions[1]
                .source
                .first()
                .map(|s| doc.slice(*s).to_string())
        };
        assert_eq!(
            participle_source(
                "Sanders said it in a statement, suggesting a change.",
                vec![Propn, Verb, Pron, Adp, Det, Noun, Punct, Verb, Det, Noun, Punct],
            )
            .as_deref(),
            Some("Sanders")
        );
        // Past the closing quotation mark after the comma.
        assert_eq!(
            participle_source(
                "Sanders said \"it,\" suggesting a change.",
                vec![Propn, Verb, Punct, Pron, Punct, Punct, Verb, Det, Noun, Punct],
            )
            .as_deref(),
            Some("Sanders")
        );
        // Not across a sentence.
        assert_eq!(
            participle_source(
                "Sanders said it. Later, suggesting a change.",
                vec![Propn, Verb, Pron, Punct, Adv, Punct, Verb, Det, Noun, Punct],
            ),
            None
        );
    }

    #[test]
    fn a_participle_opening_its_sentence_speaks_for_the_subject_after_its_comma() {
        use sayso_document::Upos::*;
        // The misparse hangs "told" off the content's verb, so "Noting" has no subject.
        let text = "Noting the plan failed, Smith told reporters it was over.";
        let upos = vec![
            Verb, Det, Noun, Verb, Punct, Propn, Verb, Noun, Pron, Aux, Adv, Punct,
        ];
        let heads = tree_heads(&[3, 2, 3, usize::MAX, 6, 6, 3, 6, 10, 10, 6, 3]);
        let deprels = [
            "csubj",
            "det",
            "nsubj",
            "root",
            "punct",
            "nsubj",
            "parataxis",
            "obj",
            "nsubj",
            "cop",
            "ccomp",
            "punct",
        ];
        let mut doc = annotated(
            text,
            upos,
            heads,
            &deprels,
            &[
                ("", "Noting", "the plan failed"),
                ("Smith", "told", "it was over"),
            ],
        );
        subjects_as_sources(&mut doc);
        let source = doc.attributions[0].source.first().map(|s| doc.slice(*s));
        assert_eq!(source, Some("Smith"));
    }

    #[test]
    fn a_content_run_on_past_a_fronted_participle_of_saying_ends_at_its_comma() {
        use sayso_document::Upos::*;
        let attribution = |participle: &str| {
            let text = format!("After {participle} the plan failed, she left.");
            let upos = vec![Sconj, Verb, Det, Noun, Verb, Punct, Pron, Verb, Punct];
            let heads = tree_heads(&[1, 4, 3, 4, usize::MAX, 7, 7, 4, 4]);
            let deprels = [
                "mark", "advcl", "det", "nsubj", "root", "punct", "nsubj", "conj", "punct",
            ];
            let mut doc = annotated(
                &text,
                upos,
                heads,
                &deprels,
                &[("", participle, "the plan failed, she left")],
            );
            subjects_as_sources(&mut doc);
            let a = &doc.attributions[0];
            let slice = |spans: &[Span]| spans.first().map(|s| doc.slice(*s).to_string());
            (slice(&a.source), slice(&a.content))
        };
        assert_eq!(
            attribution("saying"),
            (Some("she".into()), Some("the plan failed".into()))
        );
        // A supposition is not its sentence's subject's.
        assert_ne!(attribution("assuming").0.as_deref(), Some("she"));
    }

    #[test]
    fn a_coordinated_cue_shares_the_source_its_subject_is_part_of() {
        use sayso_document::Upos::*;
        let text = "Trump, in particular, criticized deals and called for tariffs.";
        // "called" is a conjunct of "criticized", whose subject is "Trump, in particular,".
        let heads = [5, 3, 3, 0, 3, usize::MAX, 5, 8, 5, 10, 8, 5];
        let mut doc = annotated(
            text,
            vec![
                Propn, Punct, Adp, Adj, Punct, Verb, Noun, Cconj, Verb, Adp, Noun, Punct,
            ],
            tree_heads(&heads),
            &[
                "nsubj", "punct", "case", "nmod", "punct", "root", "obj", "cc", "conj", "case",
                "obl", "punct",
            ],
            &[
                ("Trump", "criticized", "deals"),
                ("", "called for", "tariffs"),
            ],
        );
        subjects_as_sources(&mut doc);
        assert_eq!(doc.attributions[1].source, spans_of(text, "Trump"));
    }

    #[test]
    fn a_cue_coordinated_with_a_contents_verb_shares_that_contents_source() {
        use sayso_document::Upos::*;
        let text = "May said it would leave and suggested that talks begin.";
        // The tree hangs "suggested" off "leave", inside the first content, whose subject
        // "it" is no speaker.
        let heads = [1, usize::MAX, 4, 4, 1, 6, 4, 9, 9, 6, 1];
        let with_said_cue = |said_cue: &str| {
            let mut doc = annotated(
                text,
                vec![
                    Propn, Verb, Pron, Aux, Verb, Cconj, Verb, Sconj, Noun, Verb, Punct,
                ],
                tree_heads(&heads),
                &[
                    "nsubj", "root", "nsubj", "aux", "ccomp", "cc", "conj", "mark", "nsubj",
                    "ccomp", "punct",
                ],
                &[
                    ("May", said_cue, "it would leave"),
                    ("", "suggested", "that talks begin"),
                ],
            );
            subjects_as_sources(&mut doc);
            doc.attributions[1].source.clone()
        };
        assert_eq!(with_said_cue("said"), spans_of(text, "May"));
        // Not when the content's verb hangs off no cue of that attribution.
        assert_eq!(with_said_cue(""), vec![]);
    }

    #[test]
    fn a_verb_of_saying_misparsed_as_a_relative_clause_has_the_phrase_as_subject() {
        use sayso_document::Upos::*;
        let text = "Campaign manager Robby Mook said so on Thursday, arguing that it was rigged.";
        // "said" hangs off "manager" as a reduced relative clause, with no subject.
        let heads = [1, usize::MAX, 3, 1, 1, 4, 7, 4, 9, 4, 13, 13, 13, 9, 1];
        let participle_source = |said: &str, relation: &str| {
            let text = text.replace("said", said);
            let mut doc = annotated(
                &text,
                vec![
                    Noun, Noun, Propn, Propn, Verb, Adv, Adp, Propn, Punct, Verb, Sconj, Pron, Aux,
                    Verb, Punct,
                ],
                tree_heads(&heads),
                &[
                    "compound", "root", "compound", "appos", relation, "advmod", "case", "obl",
                    "punct", "advcl", "mark", "nsubj", "cop", "ccomp", "punct",
                ],
                &[("", "arguing", "that it was rigged")],
            );
            subjects_as_sources(&mut doc);
            doc.attributions[0]
                .source
                .first()
                .map(|s| doc.slice(*s).to_string())
        };
        assert_eq!(
            participle_source("said", "acl").as_deref(),
            Some("Campaign manager Robby Mook")
        );
        // A relative clause proper, and a verb seldom a cue, give no subject.
        assert_eq!(participle_source("said", "acl:relcl"), None);
        assert_eq!(participle_source("sang", "acl"), None);
    }

    #[test]
    fn a_subject_is_cut_before_a_modifier_holding_another_attribution() {
        use sayso_document::Upos::*;
        let text = "The mayor, still angry at the app, agreed to the deal.";
        let heads = [1, 9, 4, 4, 1, 7, 7, 4, 1, usize::MAX, 12, 12, 9, 9];
        let source_of_agreed = |cut_at: &str| {
            let text = text.replace(", still", &format!("{cut_at} still"));
            let mut upos = vec![
                Det, Noun, Punct, Adv, Adj, Adp, Det, Noun, Punct, Verb, Adp, Det, Noun, Punct,
            ];
            upos[2] = if cut_at == "," { Punct } else { Noun };
            let mut doc = annotated(
                &text,
                upos,
                tree_heads(&heads),
                &[
                    "det", "nsubj", "punct", "advmod", "acl", "case", "det", "obl", "punct",
                    "root", "case", "det", "obl", "punct",
                ],
                &[
                    ("", "still angry at", "the app"),
                    ("", "agreed to", "the deal"),
                ],
            );
            subjects_as_sources(&mut doc);
            doc.attributions[1]
                .source
                .first()
                .map(|s| doc.slice(*s).to_string())
        };
        assert_eq!(source_of_agreed(",").as_deref(), Some("The mayor"));
        // Not a cut inside a phrase.
        assert_eq!(source_of_agreed(" boss"), None);
    }

    #[test]
    fn a_coordinated_cue_without_a_subject_shares_the_source_of_its_conjuncts_cue() {
        use sayso_document::Upos::*;
        let text = "Trump, speaking, said it fell and warned against hackers.";
        // A misparse: "speaking" is the root and "said" hangs off it with no subject.
        let heads = [2, 0, usize::MAX, 4, 2, 6, 4, 8, 4, 10, 8, 2];
        let with_said_sourced = |said_source: &str| {
            let mut doc = annotated(
                text,
                vec![
                    Propn, Punct, Verb, Punct, Verb, Pron, Verb, Cconj, Verb, Adp, Noun, Punct,
                ],
                tree_heads(&heads),
                &[
                    "compound",
                    "punct",
                    "root",
                    "punct",
                    "parataxis",
                    "nsubj",
                    "ccomp",
                    "cc",
                    "conj",
                    "case",
                    "obl",
                    "punct",
                ],
                &[
                    (said_source, "said", "it fell"),
                    ("", "warned against", "hackers"),
                ],
            );
            subjects_as_sources(&mut doc);
            doc.attributions[1].source.clone()
        };
        assert_eq!(with_said_sourced("Trump"), spans_of(text, "Trump"));
        assert_eq!(with_said_sourced(""), vec![]);
    }

    #[test]
    fn a_participle_cue_speaks_for_its_clauses_subject_not_for_words_of_its_predicate() {
        use sayso_document::Upos::*;
        // Cooper called for releasing the videos , saying it helps .
        let text = "Cooper called for releasing the videos, saying it helps.";
        let upos = vec![
            Propn, Verb, Sconj, Verb, Det, Noun, Punct, Verb, Pron, Verb, Punct,
        ];
        let heads = [1, usize::MAX, 3, 1, 5, 3, 7, 1, 9, 7, 1];
        let relations = [
            "nsubj", "root", "mark", "advcl", "det", "obj", "punct", "advcl", "nsubj", "ccomp",
            "punct",
        ];
        let source_after = |model_source: &str| {
            let mut doc = annotated(
                text,
                upos.clone(),
                tree_heads(&heads),
                &relations,
                &[(model_source, "saying", "it helps")],
            );
            subjects_as_sources(&mut doc);
            doc.slice(doc.attributions[0].source[0]).to_string()
        };
        // Words of the predicate the participle hangs off, or its verb: the subject instead.
        assert_eq!(source_after("the videos"), "Cooper");
        assert_eq!(source_after("Cooper called"), "Cooper");
        // The tree hangs the participle off the content's verb, whose subject is the
        // content's: the subject of the sentence's main verb speaks.
        let deep = "Clinton told them that we must act, saying it matters.";
        let heads = [1, usize::MAX, 1, 6, 6, 6, 1, 8, 6, 10, 8, 1];
        let mut doc = annotated(
            deep,
            vec![
                Propn, Verb, Pron, Sconj, Pron, Aux, Verb, Punct, Verb, Pron, Verb, Punct,
            ],
            tree_heads(&heads),
            &[
                "nsubj", "root", "iobj", "mark", "nsubj", "aux", "ccomp", "punct", "advcl",
                "nsubj", "ccomp", "punct",
            ],
            &[
                ("", "told", "that we must act"),
                ("", "saying", "it matters"),
            ],
        );
        subjects_as_sources(&mut doc);
        assert_eq!(doc.attributions[1].source, spans_of(deep, "Clinton"));
        // A source before the clause's subject is the model's to keep.
        let mut doc = annotated(
            text,
            upos.clone(),
            vec![None; upos.len()],
            &vec!["root"; upos.len()],
            &[("the videos", "saying", "it helps")],
        );
        subjects_as_sources(&mut doc);
        assert_eq!(doc.slice(doc.attributions[0].source[0]), "the videos");
    }

    #[test]
    fn a_quotation_without_cue_or_source_goes_on_with_its_paragraphs_speaker() {
        let text = "“We won,” said Tom. “It was close.”\n\n“Next year,” it ends.";
        let mut doc = unparsed(
            text,
            &[
                ("Tom", "said", "“We won,”"),
                ("", "", "“It was close.”"),
                ("", "", "“Next year,”"),
            ],
        );
        for a in &mut doc.attributions {
            a.kind = AttributionKind::Direct;
        }
        quotations_go_on_with_their_speaker(&mut doc);
        let (continued, next) = (&doc.attributions[1], &doc.attributions[2]);
        assert_eq!(continued.source, spans_of(text, "Tom"));
        assert_eq!(continued.cue, spans_of(text, "said"));
        // Not into the next paragraph.
        assert!(next.source.is_empty() && next.cue.is_empty());
    }

    /// The source, cue and content of each attribution.
    fn triples(doc: &Document) -> Vec<[String; 3]> {
        let text = |spans: &[Span]| {
            spans
                .first()
                .map_or(String::new(), |&s| doc.slice(s).into())
        };
        doc.attributions
            .iter()
            .map(|a| [text(&a.source), text(&a.cue), text(&a.content)])
            .collect()
    }

    /// A document of a headline and a sentence, tagged one tag a token.
    fn headlined(text: &str, tags: &[Upos], said: &[(&str, &str, &str)]) -> Document {
        let n = tags.len();
        annotated(text, tags.to_vec(), vec![None; n], &vec!["root"; n], said)
    }

    #[test]
    fn a_headline_opening_with_a_speaker_and_a_colon_says_the_rest() {
        use Upos::*;
        let story = [Pron, Verb, Propn, Punct];
        // The model took a verb tagged in title case for the cue.
        let mut doc = headlined(
            "Ann Cole: Voters Will Abandon Hale.\n\nShe backs Cole.",
            &[
                &[Propn, Propn, Punct, Noun, Aux, Propn, Propn, Punct][..],
                &story,
            ]
            .concat(),
            &[("Voters", "Will Abandon", "Hale")],
        );
        headline_claims(&mut doc);
        let owned = |s: [&str; 3]| s.map(String::from);
        assert_eq!(
            triples(&doc),
            [owned(["Ann Cole", ":", "Voters Will Abandon Hale"])]
        );
        // One word is a speaker when the story names it again.
        let mut doc = headlined(
            "Cole: Voters Abandon Hale For Good.\n\nShe backs Cole.",
            &[
                &[Noun, Punct, Noun, Propn, Propn, Adp, Propn, Punct][..],
                &story,
            ]
            .concat(),
            &[],
        );
        headline_claims(&mut doc);
        assert_eq!(
            triples(&doc),
            [owned(["Cole", ":", "Voters Abandon Hale For Good"])]
        );
    }

    #[test]
    fn a_headline_colon_after_a_phrase_a_common_word_or_before_no_claim_says_nothing() {
        use Upos::*;
        let story = [Pron, Verb, Propn, Punct];
        for (text, tags) in [
            (
                "The Latest: Voters Abandon Hale Today.",
                &[Det, Propn, Punct, Noun, Propn, Propn, Noun, Punct][..],
            ),
            (
                "Bombshell: Voters Abandon Hale Today.",
                &[Noun, Punct, Noun, Propn, Propn, Noun, Punct],
            ),
            (
                "Ann Cole: A Day in Court Again.",
                &[Propn, Propn, Punct, Det, Propn, Adp, Propn, Adv, Punct],
            ),
            (
                "Ann Cole: Is she the one?",
                &[Propn, Propn, Punct, Aux, Pron, Det, Noun, Punct],
            ),
        ] {
            let text = format!("{text}\n\nShe backs Cole.");
            let mut doc = headlined(&text, &[tags, &story].concat(), &[]);
            headline_claims(&mut doc);
            assert!(doc.attributions.is_empty(), "{text}: {:?}", triples(&doc));
        }
    }

    #[test]
    fn a_sentence_opening_in_a_poll_reports_what_it_found() {
        use Upos::*;
        let text = "Polls.\n\nIn the latest Gallup poll, conducted in May, Cole led Hale by five \
                    points. In a note sent after polls closed, Cole conceded. In the poll, a \
                    lead.";
        let tags = [
            &[Noun, Punct][..],
            &[
                Adp, Det, Adj, Propn, Noun, Punct, Verb, Adp, Propn, Punct, Propn, Verb, Propn,
                Adp, Num, Noun, Punct,
            ],
            &[
                Adp, Det, Noun, Verb, Sconj, Noun, Verb, Punct, Propn, Verb, Punct,
            ],
            &[Adp, Det, Noun, Punct, Det, Noun, Punct],
        ]
        .concat();
        let mut doc = headlined(text, &tags, &[]);
        poll_findings(&mut doc);
        let owned = |s: [&str; 3]| s.map(String::from);
        // A poll inside a clause of the phrase does not speak, nor one with no clause after it.
        assert_eq!(
            triples(&doc),
            [owned([
                "the latest Gallup poll, conducted in May",
                "In",
                "Cole led Hale by five points"
            ])]
        );
        // Not twice.
        poll_findings(&mut doc);
        assert_eq!(doc.attributions.len(), 1);
    }

    #[test]
    fn a_transcript_turn_is_its_names_whether_the_content_holds_the_name_or_not() {
        let text = "\"WALLACE: Let us start.\n\nPENCE: She will not attend.";
        let mut doc = unparsed(
            text,
            &[
                ("", "", "\"WALLACE: Let us start."),
                ("", "", "She will not attend."),
            ],
        );
        transcript_turns(&mut doc);
        let turn = |k: usize| {
            let a = &doc.attributions[k];
            (
                doc.slice(a.source[0]).to_string(),
                doc.slice(a.cue[0]).to_string(),
                doc.slice(a.content[0]).to_string(),
            )
        };
        let owned = |s: [&str; 3]| (s[0].to_string(), s[1].to_string(), s[2].to_string());
        assert_eq!(turn(0), owned(["WALLACE", ":", "Let us start."]));
        assert_eq!(turn(1), owned(["PENCE", ":", "She will not attend."]));
    }

    #[test]
    fn a_paragraph_the_parser_left_out_is_not_labelled() {
        use sayso_annotate::{ArcEagerParser, Parser, PerceptronTagger, Tagger};
        let attributions = |keep: bool| {
            let text = "Smith said the economy grew last year.\n\nJones told reporters the plan would fail.";
            let mut doc = Document::new("t", text).unwrap();
            sayso_text::segment(&mut doc);
            PerceptronTagger::bundled().tag(&mut doc);
            let second =
                |doc: &Document, r: Range<usize>| keep || doc.token_text(r.start) == "Jones";
            ArcEagerParser::bundled().parse_where(&mut doc, &second);
            LearnedAttributor::default().attribute(&mut doc);
            doc.attributions
                .iter()
                .map(|a| doc.slice(a.cue[0]).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(attributions(true), ["said", "told"]);
        assert_eq!(attributions(false), ["told"]);
    }

    #[test]
    fn viterbi_keeps_inside_labels_after_their_begin() {
        // Token scores prefer InCue everywhere; the constraints force a BeginCue first.
        let mut emissions = vec![0f32; 3 * LABELS];
        for t in 0..3 {
            emissions[t * LABELS + Label::InCue as usize] = 5.0;
            emissions[t * LABELS + Label::BeginCue as usize] = 1.0;
        }
        let labels = viterbi(&emissions, &[0.0; TRANSITIONS]);
        assert_eq!(labels, vec![3, 4, 4]);
    }
}
