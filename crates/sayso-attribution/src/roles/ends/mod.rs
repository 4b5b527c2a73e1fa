//! Where an unquoted content ends. The role tagger decides token by token whether a content
//! goes on, and many of its contents start right and stop too late or too early ("... the
//! rules the agency wrote last year, now before a court"). This ranker weighs every
//! place the content could end in its sentence against the others at once: the words on both
//! sides of the cut, which side the words after it hang on in the tree, and how strongly the
//! tagger leaned each way. Trained by [`train`] on the tagger's labels of PolNeAR train
//! articles it did not see (`sayso train content-ends`).

pub mod train;

use super::decode::Labelled;
use super::features::{role_of, DocumentFacts};
use super::Label;
use sayso_annotate::perceptron::{hash_str, mix, ModelError, Weights};
use std::ops::{Range, RangeInclusive};
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"SAYENDS1";

static BUNDLED: &[u8] = include_bytes!("content-ends.bin");

/// A linear scorer of candidate ends (one weight a hashed feature).
pub struct EndRanker {
    pub(super) weights: Weights,
}

/// An unquoted content the tagger found, as token indices (end-exclusive): where it starts,
/// where the tagger ended it, and the ends it could have instead.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub start: usize,
    pub tagged_end: usize,
    pub ends: RangeInclusive<usize>,
}

impl EndRanker {
    /// The ranker bundled with the library, loaded once per process.
    pub fn bundled() -> &'static EndRanker {
        static MODEL: OnceLock<EndRanker> = OnceLock::new();
        MODEL.get_or_init(|| {
            EndRanker::from_bytes(BUNDLED)
                .expect("the bundled content-end ranker is checked by a unit test")
        })
    }

    pub fn new(weights: Weights) -> EndRanker {
        EndRanker { weights }
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<EndRanker, ModelError> {
        let what = "content-end";
        let (weights, rest) = Weights::from_bytes(bytes, MAGIC, what)?;
        if weights.classes() != 1 || !rest.is_empty() {
            return Err(ModelError::BadHeader(what));
        }
        Ok(EndRanker { weights })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes(MAGIC)
    }

    /// The best end of `content` under the ranker.
    pub fn best_end(&self, facts: &DocumentFacts, labelled: &Labelled, content: &Content) -> usize {
        let mut features = Vec::new();
        let mut score = [0f32];
        let mut best = (f32::NEG_INFINITY, content.tagged_end);
        for end in content.ends.clone() {
            candidate_features(facts, labelled, content, end, &mut features);
            self.weights.scores(&features, &mut score);
            // Ties keep the tagger's end.
            if score[0] > best.0 || (score[0] == best.0 && end == content.tagged_end) {
                best = (score[0], end);
            }
        }
        best.1
    }

    /// Moves the end of each unquoted content of a labelled unit to the ranker's choice (a
    /// content that an earlier one took in is left as it now is).
    pub fn adjust(&self, facts: &DocumentFacts, unit: &[Range<usize>], labelled: &mut Labelled) {
        for content in contents(facts, unit, labelled) {
            if labelled.labels[content.start - labelled.tokens.start]
                != Label::BeginContent as usize
            {
                continue;
            }
            let end = self.best_end(facts, labelled, &content);
            relabel(labelled, &content, end);
        }
    }
}

/// Gives the tokens between the tagger's end and the new one the content's or no label; a
/// span the longer content ends inside begins anew after it, so that the two stay apart.
pub fn relabel(labelled: &mut Labelled, content: &Content, end: usize) {
    let base = labelled.tokens.start;
    for t in content.tagged_end..end {
        labelled.labels[t - base] = Label::InContent as usize;
        labelled.margins[t - base] = 0.0;
    }
    if end > content.tagged_end {
        if let Some(label) = labelled.labels.get_mut(end - base) {
            if matches!(
                Label::from_index(*label),
                Label::InSource | Label::InCue | Label::InContent
            ) {
                *label -= 1;
            }
        }
    }
    for t in end..content.tagged_end {
        labelled.labels[t - base] = Label::Outside as usize;
        labelled.margins[t - base] = 0.0;
    }
}

/// The unquoted contents of a labelled unit (a content opening with a quotation mark is a
/// quotation, whose marks already say where it ends) with the ends each could have: within
/// the sentence of its last token and at least one token long. A longer content may take in
/// words the tagger gave another attribution: PolNeAR hardly ever nests attributions, and
/// the tagger's false ones inside a content ("that the mayor — though he says ... — has
/// proposed little") are what most often cut it short. It stops before a quotation the
/// tagger made a content, which is an attribution of its own.
pub fn contents(facts: &DocumentFacts, unit: &[Range<usize>], labelled: &Labelled) -> Vec<Content> {
    let base = labelled.tokens.start;
    let labels = &labelled.labels;
    let mut out = Vec::new();
    let mut k = 0;
    while k < labels.len() {
        if labels[k] != Label::BeginContent as usize {
            k += 1;
            continue;
        }
        let start = base + k;
        k += 1;
        while k < labels.len() && labels[k] == Label::InContent as usize {
            k += 1;
        }
        let tagged_end = base + k;
        if facts.quote[start] == QUOTATION_MARK {
            continue;
        }
        let Some(sentence) = unit.iter().find(|s| s.contains(&(tagged_end - 1))) else {
            continue;
        };
        let quotation_after = (tagged_end..sentence.end).find(|&t| {
            labels[t - base] == Label::BeginContent as usize && facts.quote[t] == QUOTATION_MARK
        });
        let first = (start + 1)
            .max(sentence.start + 1)
            .max(tagged_end.saturating_sub(MAX_SHIFT));
        let last = quotation_after
            .unwrap_or(sentence.end)
            .min(tagged_end + MAX_SHIFT);
        out.push(Content {
            start,
            tagged_end,
            ends: first..=last,
        });
    }
    out
}

/// The most tokens an end moves either way, so that a long sentence costs no more than a short
/// one (of PolNeAR dev's contents that start where the tagger's do, 99% end within 40 tokens of
/// the tagger's end).
const MAX_SHIFT: usize = 40;

/// [`role_of`] a cue label.
const CUE_ROLE: u64 = 2;

/// [`DocumentFacts::quote`]'s value of a quotation mark.
const QUOTATION_MARK: u8 = 1;

/// Where the head of the token right after a cut lies.
fn head_side(
    facts: &DocumentFacts,
    labelled: &Labelled,
    content: &Content,
    end: usize,
    t: usize,
) -> u64 {
    match facts.head.get(t).copied().flatten() {
        None => 0,
        Some(h) if (content.start..end).contains(&h) => 1,
        Some(h)
            if labelled.tokens.contains(&h)
                && role_of(labelled.labels[h - labelled.tokens.start] as u8) == CUE_ROLE =>
        {
            2
        }
        Some(h) if h < content.start => 3,
        Some(_) => 4,
    }
}

/// A signed count in a few bands: exact up to 3, then 4-6, 7-12, more.
fn band(n: isize) -> u64 {
    let m = match n.unsigned_abs() {
        a @ 0..=3 => a as u64,
        4..=6 => 4,
        7..=12 => 5,
        _ => 6,
    };
    if n < 0 {
        m + 8
    } else {
        m
    }
}

/// How much the tagger's content-over-outside scores say against moving its end to `end`, in
/// bands of doubling size.
fn lean_band(labelled: &Labelled, content: &Content, end: usize) -> u64 {
    let base = labelled.tokens.start;
    let lean = &labelled.content_lean;
    let cost: f32 = if end >= content.tagged_end {
        -(content.tagged_end..end)
            .map(|t| lean[t - base])
            .sum::<f32>()
    } else {
        (end..content.tagged_end)
            .map(|t| lean[t - base])
            .sum::<f32>()
    };
    let steps = (cost.abs() / LEAN_UNIT + 1.0).log2().floor().min(10.0) as u64;
    if cost < 0.0 {
        steps + 16
    } else {
        steps
    }
}

/// The size of the first band of [`lean_band`], in score units.
const LEAN_UNIT: f32 = 0.5;

fn punct() -> u64 {
    static PUNCT: OnceLock<u64> = OnceLock::new();
    *PUNCT.get_or_init(|| hash_str("PUNCT"))
}

/// The features of ending `content` right before token `end`.
pub fn candidate_features(
    facts: &DocumentFacts,
    labelled: &Labelled,
    content: &Content,
    end: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    // The words around the cut that the features read.
    let (window_start, window_end) = (*content.ends.start() - 1, *content.ends.end());
    let last = end - 1;
    let tagged = u64::from(end == content.tagged_end);
    let shift = band(end as isize - content.tagged_end as isize);
    out.push(mix(&[1, tagged]));
    out.push(mix(&[2, shift]));
    out.push(mix(&[3, lean_band(labelled, content, end)]));
    out.push(mix(&[4, facts.lower[last]]));
    out.push(mix(&[5, facts.upos[last]]));
    out.push(mix(&[6, facts.deprel[last]]));
    out.push(mix(&[7, band((end - content.start) as isize)]));
    out.push(mix(&[8, facts.quote[last] as u64]));
    // Crossing arcs: words kept that hang on words cut off, and the other way round.
    let kept_out = (window_start..end)
        .filter(|&t| facts.head[t].is_some_and(|h| h >= end && h < window_end))
        .count();
    let cut_in = (end..window_end)
        .filter(|&t| facts.head[t].is_some_and(|h| (content.start..end).contains(&h)))
        .count();
    out.push(mix(&[9, band(kept_out as isize), band(cut_in as isize)]));
    // The roles of other attributions a longer content would take in.
    let base = labelled.tokens.start;
    let mut swallowed = [0isize; 3];
    for t in content.tagged_end..end {
        if let Some(role) = (role_of(labelled.labels[t - base] as u8) as usize).checked_sub(1) {
            swallowed[role] += 1;
        }
    }
    out.push(mix(&[
        23,
        band(swallowed[0]),
        band(swallowed[1]),
        band(swallowed[2]),
    ]));
    out.push(mix(&[24, u64::from(swallowed[1] > 0)]));
    let rest_is_punct = (end..window_end).all(|t| facts.upos[t] == punct());
    out.push(mix(&[10, u64::from(rest_is_punct), tagged]));
    if end < labelled.tokens.end && end < facts.lower.len() {
        let side = head_side(facts, labelled, content, end, end);
        out.push(mix(&[11, facts.lower[end]]));
        out.push(mix(&[12, facts.upos[end]]));
        out.push(mix(&[13, facts.deprel[end], side]));
        out.push(mix(&[14, facts.lower[end], side]));
        out.push(mix(&[15, facts.upos[last], facts.upos[end]]));
        out.push(mix(&[16, facts.lower[end], tagged]));
        out.push(mix(&[17, facts.class[end]]));
        out.push(mix(&[18, shift, facts.upos[end]]));
        out.push(mix(&[
            19,
            facts.quote[end] as u64,
            facts.quote[last] as u64,
        ]));
        if facts.upos[end] == punct() && end + 1 < window_end {
            let after = end + 1;
            let side = head_side(facts, labelled, content, end, after);
            out.push(mix(&[20, facts.lower[end], facts.lower[after]]));
            out.push(mix(&[
                21,
                facts.lower[end],
                facts.upos[after],
                facts.deprel[after],
                side,
            ]));
        }
    } else {
        out.push(mix(&[22]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::paragraph_units;
    use crate::CueLexicon;
    use sayso_document::Document;

    #[test]
    fn bundled_ranker_loads_and_a_corrupt_one_is_a_named_error() {
        let _ = EndRanker::bundled();
        let err = EndRanker::from_bytes(&BUNDLED[..BUNDLED.len() / 2])
            .err()
            .expect("a truncated ranker is refused");
        assert!(err.to_string().contains("content-end"), "{err}");
    }

    /// A segmented document with its quotations found, and its facts.
    pub(crate) fn document(text: &str) -> (Document, DocumentFacts) {
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        crate::QuoteFinder::find_quotes(&crate::QuotePairer, &mut doc);
        let facts = DocumentFacts::new(&doc, CueLexicon::bundled());
        (doc, facts)
    }

    #[test]
    fn a_content_may_end_anywhere_in_its_sentence_up_to_a_quotation() {
        let (doc, facts) =
            document("Aides said the plan failed badly, and Ann said “It is dead.” Then rain.");
        // Aides said the plan failed badly , and Ann said “ It is dead . ” Then rain .
        let labelled = Labelled::from_letters(&doc, "S C TTT - - - S C TTTTTT - - -");
        let found = contents(&facts, &paragraph_units(&doc)[0], &labelled);
        // The quotation is a content of its own, with no end to choose; the unquoted one may
        // take in the second cue and its source, but not the quotation.
        assert_eq!(
            found,
            [Content {
                start: 2,
                tagged_end: 5,
                ends: 3..=10
            }]
        );
    }

    #[test]
    fn relabelling_moves_the_end_either_way() {
        let (doc, _) = document("Aides said the plan failed badly, and Ann said so.");
        let mut labelled = Labelled::from_letters(&doc, "S C TTT - - - S C - -");
        let content = Content {
            start: 2,
            tagged_end: 5,
            ends: 3..=12,
        };
        relabel(&mut labelled, &content, 6);
        assert_eq!(labelled.labels[2..8], [5, 6, 6, 6, 0, 0]);
        let longer = Content {
            tagged_end: 6,
            ..content.clone()
        };
        relabel(&mut labelled, &longer, 4);
        assert_eq!(labelled.labels[2..8], [5, 6, 0, 0, 0, 0]);
        // Into the second attribution's source: what is left of it begins anew.
        let mut labelled = Labelled::from_letters(&doc, "S C TTT - - SS C - -");
        relabel(&mut labelled, &content, 8);
        assert_eq!(labelled.labels[2..10], [5, 6, 6, 6, 6, 6, 1, 3]);
    }
}
