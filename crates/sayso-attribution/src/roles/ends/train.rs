//! Trains the content-end ranker: for each unquoted content the tagger began where the gold
//! content begins, the gold end among the candidates is the one to prefer (a ranking
//! perceptron, averaged).

use super::{candidate_features, contents, EndRanker};
use crate::roles::decode::Labelled;
use crate::roles::features::DocumentFacts;
use crate::roles::Label;
use sayso_annotate::perceptron::{shuffle, Trainer};
use std::ops::Range;

/// One content: the features of each candidate end and which candidate the gold ends at.
pub struct Example {
    candidates: Vec<Vec<u64>>,
    gold: usize,
}

/// The examples of a document the tagger labelled without having seen it; `gold` holds the
/// gold BIO label of each token.
pub fn examples(
    facts: &DocumentFacts,
    units: &[Vec<Range<usize>>],
    labelled: &[Labelled],
    gold: &[usize],
) -> Vec<Example> {
    let mut out = Vec::new();
    for (unit, labelled) in units.iter().zip(labelled) {
        for content in contents(facts, unit, labelled) {
            if gold[content.start] != Label::BeginContent as usize {
                continue;
            }
            let gold_end = (content.start + 1..gold.len())
                .find(|&t| gold[t] != Label::InContent as usize)
                .unwrap_or(gold.len());
            if !content.ends.contains(&gold_end) {
                continue;
            }
            let candidates = content
                .ends
                .clone()
                .map(|end| {
                    let mut f = Vec::new();
                    candidate_features(facts, labelled, &content, end, &mut f);
                    f
                })
                .collect();
            out.push(Example {
                candidates,
                gold: gold_end - content.ends.start(),
            });
        }
    }
    out
}

/// A ranking perceptron over `iterations` shuffled passes, its weights averaged.
pub fn train(examples: &[Example], iterations: usize, bits: u32, seed: u64) -> EndRanker {
    let mut trainer = Trainer::new(bits, 1);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = seed | 1;
    let mut score = [0f32];
    for _ in 0..iterations {
        shuffle(&mut order, &mut state);
        for &i in &order {
            let ex = &examples[i];
            let mut best = (f32::NEG_INFINITY, 0);
            for (k, f) in ex.candidates.iter().enumerate() {
                trainer.scores(f, &mut score);
                if score[0] > best.0 {
                    best = (score[0], k);
                }
            }
            trainer.prefer(&ex.candidates[ex.gold], &ex.candidates[best.1]);
        }
    }
    EndRanker::new(trainer.finish())
}

#[cfg(test)]
mod tests {
    use super::super::tests::document;
    use super::*;
    use crate::roles::paragraph_units;

    /// A tagger that always runs a content on past a comma, and gold contents that stop
    /// before it: the ranker learns to cut there, on sentences it did not see.
    #[test]
    fn the_ranker_learns_where_gold_contents_end() {
        let sentence = |w: &str| format!("Aides said the {w} failed, officials noted on Monday.");
        // Aides said the X failed , officials noted on Monday .
        let tagged = "S C TTTTTTTT -";
        let gold = [0, 3, 5, 6, 6, 0, 0, 0, 0, 0, 0];
        let mut all = Vec::new();
        for w in ["plan", "bill", "deal", "talks", "vote", "law"] {
            let (doc, facts) = document(&sentence(w));
            let labelled = Labelled::from_letters(&doc, tagged);
            all.extend(examples(&facts, &paragraph_units(&doc), &[labelled], &gold));
        }
        assert_eq!(all.len(), 6);
        let ranker = train(&all, 5, 12, 7);
        let (doc, facts) = document(&sentence("merger"));
        let labelled = Labelled::from_letters(&doc, tagged);
        let content = &contents(&facts, &paragraph_units(&doc)[0], &labelled)[0];
        assert_eq!(content.tagged_end, 10);
        assert_eq!(ranker.best_end(&facts, &labelled, content), 5);
    }
}
