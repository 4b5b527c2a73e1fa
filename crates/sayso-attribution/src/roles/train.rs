//! Trains the role tagger: gold source/cue/content spans projected onto the tokens as BIO
//! labels, then a structured (averaged) perceptron over whole sentences.

use super::decode::Labelled;
use super::ends::{self, EndRanker};
use super::features::DocumentFacts;
use super::{
    add_unit_stacked_features, first_pass_units, paragraph_units, unit_features, unit_tokens,
    viterbi, Pass, RoleTagger, LABELS, TRANSITIONS,
};
use crate::cues::CueLexicon;
use rayon::prelude::*;
use sayso_annotate::perceptron::{shuffle, Trainer, Weights};
use sayso_document::{Attribution, Document, Span};
use std::ops::Range;

/// One paragraph: each token's features and gold label.
pub struct Example {
    features: Vec<Vec<u64>>,
    labels: Vec<usize>,
}

/// A training document that went through the pipeline up to the rule-based attributors, with
/// the gold label of each token.
pub struct TrainingDocument {
    facts: DocumentFacts,
    units: Vec<Vec<Range<usize>>>,
    labels: Vec<usize>,
}

/// Labels a document's tokens from `gold` (attributions over the same text).
pub fn prepare(doc: &Document, gold: &[Attribution], cues: &CueLexicon) -> TrainingDocument {
    TrainingDocument {
        facts: DocumentFacts::new(doc, cues),
        units: paragraph_units(doc),
        labels: bio(&gold_labels(doc, gold)),
    }
}

impl TrainingDocument {
    /// First-pass examples, or with `stacked` second-pass ones.
    fn examples(&self, stacked: bool) -> Vec<Example> {
        self.units
            .iter()
            .map(|unit| {
                let mut features = Vec::new();
                unit_features(&self.facts, unit, &mut features);
                if stacked {
                    add_unit_stacked_features(&self.facts, unit, &mut features);
                }
                let tokens = unit_tokens(unit);
                Example {
                    features,
                    labels: self.labels[tokens].to_vec(),
                }
            })
            .collect()
    }
}

/// Parts the training documents are cut into so that the second pass learns from first-pass
/// labels of documents the first pass did not see (as it will at run time).
const FOLDS: usize = 4;

/// Trains both passes: the first on every document; the second on the documents' features
/// plus first-pass labels, each document labelled by a first pass trained on the other folds.
pub fn train(
    docs: &mut [TrainingDocument],
    iterations: usize,
    bits: u32,
    seeds: &[u64],
) -> RoleTagger {
    let members: Vec<usize> = (0..docs.len()).collect();
    train_on(docs, &members, iterations, bits, seeds)
}

/// [`train`] over the documents `members` lists.
fn train_on(
    docs: &mut [TrainingDocument],
    members: &[usize],
    iterations: usize,
    bits: u32,
    seeds: &[u64],
) -> RoleTagger {
    let first_examples: Vec<Vec<Example>> =
        members.iter().map(|&d| docs[d].examples(false)).collect();
    let fold_of = |p: usize| p % FOLDS;
    let mut held_out_labels: Vec<Vec<Labelled>> = (0..members.len()).map(|_| Vec::new()).collect();
    for fold in 0..FOLDS {
        let training: Vec<&Example> = (0..members.len())
            .filter(|&p| fold_of(p) != fold)
            .flat_map(|p| &first_examples[p])
            .collect();
        let pass = train_pass(&training, iterations, bits, seeds);
        for p in (0..members.len()).filter(|&p| fold_of(p) == fold) {
            let doc = &docs[members[p]];
            held_out_labels[p] = first_pass_units(&pass, &doc.facts, &doc.units);
        }
    }
    let all: Vec<&Example> = first_examples.iter().flatten().collect();
    let first = train_pass(&all, iterations, bits, seeds);
    drop(all);
    drop(first_examples);
    for (&d, units) in members.iter().zip(&held_out_labels) {
        for unit in units {
            docs[d]
                .facts
                .record_first_pass(unit.tokens.clone(), &unit.labels);
        }
    }
    let second_examples: Vec<Example> = members
        .iter()
        .flat_map(|&d| docs[d].examples(true))
        .collect();
    let second = train_pass(
        &second_examples.iter().collect::<Vec<_>>(),
        iterations,
        bits,
        seeds,
    );
    RoleTagger::new(first, second).expect("both passes are trained with the same bits")
}

/// Parts the training documents are cut into for the content-end ranker, which learns from
/// the tagger's labels of documents that tagger did not see (as it will meet them at run time).
const END_FOLDS: usize = 5;

/// Trains the content-end ranker on every document, each labelled by a tagger trained on the
/// other folds (with `tagger_seeds`; the first also orders the ranker's examples).
pub fn train_end_ranker(
    docs: &mut [TrainingDocument],
    tagger_iterations: usize,
    tagger_bits: u32,
    tagger_seeds: &[u64],
    iterations: usize,
    bits: u32,
) -> EndRanker {
    let mut examples = Vec::new();
    for fold in 0..END_FOLDS {
        let members: Vec<usize> = (0..docs.len()).filter(|d| d % END_FOLDS != fold).collect();
        let tagger = train_on(docs, &members, tagger_iterations, tagger_bits, tagger_seeds);
        for doc in docs.iter_mut().skip(fold).step_by(END_FOLDS) {
            let labelled = tagger.label(&mut doc.facts, &doc.units);
            examples.extend(ends::train::examples(
                &doc.facts,
                &doc.units,
                &labelled,
                &doc.labels,
            ));
        }
    }
    ends::train::train(&examples, iterations, bits, tagger_seeds[0])
}

/// Each token's gold piece, as (attribution, role, piece) + 1 for the role (0 = none).
fn gold_labels(doc: &Document, gold: &[Attribution]) -> Vec<Option<(usize, usize, usize)>> {
    let mut out = vec![None; doc.tokens.len()];
    for (a, attribution) in gold.iter().enumerate() {
        for (role, spans) in [&attribution.source, &attribution.cue, &attribution.content]
            .into_iter()
            .enumerate()
        {
            for (piece, span) in spans.iter().enumerate() {
                for t in overlapping(doc, *span) {
                    out[t] = Some((a, role, piece));
                }
            }
        }
    }
    out
}

/// Tokens with at least half of their characters inside `span`.
fn overlapping(doc: &Document, span: Span) -> impl Iterator<Item = usize> + '_ {
    let first = doc.tokens.partition_point(|t| t.span.end <= span.start);
    (first..doc.tokens.len())
        .take_while(move |&t| doc.tokens[t].span.start < span.end)
        .filter(move |&t| {
            let tok = doc.tokens[t].span;
            let overlap = tok
                .end
                .min(span.end)
                .saturating_sub(tok.start.max(span.start));
            2 * overlap >= tok.end - tok.start
        })
}

/// BIO labels: a token begins a span when the token before is in another piece or none.
fn bio(pieces: &[Option<(usize, usize, usize)>]) -> Vec<usize> {
    pieces
        .iter()
        .enumerate()
        .map(|(k, p)| match p {
            None => 0,
            Some((_, role, _)) => {
                let begins = k == 0 || pieces[k - 1] != *p;
                1 + 2 * role + usize::from(!begins)
            }
        })
        .collect()
}

/// Structured-perceptron training over the paragraphs, `iterations` passes in an order shuffled
/// by each seed, the perceptrons of the seeds averaged. The model is linear, so the average
/// scores as the seeds' perceptrons would together, at one perceptron's size and speed.
fn train_pass(examples: &[&Example], iterations: usize, bits: u32, seeds: &[u64]) -> Pass {
    let runs: Vec<SeedRun> = seeds
        .par_iter()
        .map(|&seed| train_seed(examples, iterations, bits, seed))
        .collect();
    let weights: Vec<&[f32]> = runs.iter().map(|r| r.weights.as_slice()).collect();
    let transitions: Vec<&[f32]> = runs.iter().map(|r| r.transitions.as_slice()).collect();
    Pass::new(
        Weights::quantized(bits, LABELS, &mean(&weights)),
        mean(&transitions),
    )
}

/// One seed's averaged emission weights and label transitions, before quantizing.
struct SeedRun {
    weights: Vec<f32>,
    transitions: Vec<f32>,
}

/// The element-wise mean of equally long rows.
fn mean(rows: &[&[f32]]) -> Vec<f32> {
    let mut sum = vec![0f32; rows.first().map_or(0, |r| r.len())];
    for row in rows {
        sum.iter_mut().zip(*row).for_each(|(s, w)| *s += w);
    }
    sum.iter().map(|s| s / rows.len() as f32).collect()
}

fn train_seed(examples: &[&Example], iterations: usize, bits: u32, seed: u64) -> SeedRun {
    let mut weights = Trainer::new(bits, LABELS);
    let mut transitions = vec![0f32; TRANSITIONS];
    let mut transition_sums = vec![0f64; TRANSITIONS];
    let mut seen = 0u64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = seed | 1;
    let mut emissions = Vec::new();
    for _ in 0..iterations {
        shuffle(&mut order, &mut state);
        for &i in &order {
            let ex = examples[i];
            emissions.clear();
            emissions.resize(ex.features.len() * LABELS, 0.0);
            for (f, row) in ex.features.iter().zip(emissions.chunks_exact_mut(LABELS)) {
                weights.scores(f, row);
            }
            let guess = viterbi(&emissions, &transitions);
            for (t, f) in ex.features.iter().enumerate() {
                weights.update(f, ex.labels[t], guess[t]);
                let row = |labels: &[usize]| if t == 0 { 0 } else { 1 + labels[t - 1] };
                let truth = row(&ex.labels) * LABELS + ex.labels[t];
                let guessed = row(&guess) * LABELS + guess[t];
                if truth != guessed {
                    transitions[truth] += 1.0;
                    transitions[guessed] -= 1.0;
                }
            }
            for (sum, t) in transition_sums.iter_mut().zip(&transitions) {
                *sum += *t as f64;
            }
            seen += 1;
        }
    }
    let transitions = transition_sums
        .iter()
        .map(|s| (s / seen.max(1) as f64) as f32)
        .collect();
    SeedRun {
        weights: weights.averaged(),
        transitions,
    }
}

/// Label accuracy of the model on the training documents (for the training log).
pub fn accuracy(model: &RoleTagger, docs: &mut [TrainingDocument]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for doc in docs {
        for unit in model.label(&mut doc.facts, &doc.units) {
            let gold = &doc.labels[unit.tokens.clone()];
            right += unit.labels.iter().zip(gold).filter(|(a, b)| a == b).count();
            all += gold.len();
        }
    }
    right as f64 / all.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_starts_a_span_at_each_new_piece() {
        let a = Some((0, 2, 0));
        let b = Some((0, 2, 1));
        let cue = Some((0, 1, 0));
        assert_eq!(bio(&[None, a, a, b, cue, None]), vec![0, 5, 6, 5, 3, 0]);
    }

    #[test]
    fn a_pass_over_several_seeds_scores_as_their_mean() {
        let examples: Vec<Example> = (0..12u64)
            .map(|k| Example {
                features: (0..4).map(|t| vec![k * 5 + t, t, 40 + k % 3]).collect(),
                labels: (0..4).map(|t| ((k + t) % LABELS as u64) as usize).collect(),
            })
            .collect();
        let refs: Vec<&Example> = examples.iter().collect();
        let seeds = [3, 8, 21];
        let pass = train_pass(&refs, 4, 8, &seeds);
        let runs: Vec<_> = seeds.iter().map(|&s| train_seed(&refs, 4, 8, s)).collect();
        assert_ne!(
            runs[0].weights, runs[1].weights,
            "the seeds must order the examples differently"
        );
        let mut scores = [0f32; LABELS];
        for features in examples.iter().flat_map(|e| &e.features) {
            pass.weights.scores(features, &mut scores);
            for (label, &score) in scores.iter().enumerate() {
                let mean: f32 = runs
                    .iter()
                    .map(|r| {
                        features
                            .iter()
                            .map(|&f| r.weights[f as usize * LABELS + label])
                            .sum::<f32>()
                    })
                    .sum::<f32>()
                    / seeds.len() as f32;
                // Each of the token's three weights is off by half a quantization step at most.
                assert!((score - mean).abs() <= 1.5 * pass.weights.scale() + 1e-5);
            }
        }
        let mean_transition =
            runs.iter().map(|r| r.transitions[9]).sum::<f32>() / seeds.len() as f32;
        assert!((pass.transitions[9] - mean_transition).abs() < 1e-5);
    }
}
