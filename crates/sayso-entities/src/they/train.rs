//! Training the "they" classifier from treebank documents with GUM's entity layer.

use super::{they_features, PluralNouns, TheyPersons, PERSONS, THINGS};
use crate::mentions::{candidate_mentions, MentionKind, Pronoun};
use sayso_annotate::perceptron::Trainer;
use sayso_document::Document;

/// A tagged and parsed document and the token ranges (inclusive) GUM marks as mentions of
/// persons.
pub struct TrainingDocument {
    pub doc: Document,
    pub persons: std::collections::HashSet<(usize, usize)>,
}

/// The features and class of every plural pronoun the mention stage finds in the documents.
pub fn examples(docs: &[TrainingDocument]) -> Vec<(Vec<u64>, usize)> {
    let mut examples = Vec::new();
    for d in docs {
        let mentions = candidate_mentions(&d.doc);
        let nouns = PluralNouns::new(&d.doc);
        for (k, m) in mentions.iter().enumerate() {
            if m.kind != MentionKind::Pronoun(Pronoun::Plural) {
                continue;
            }
            let mut features = Vec::new();
            they_features(&nouns, &mentions, k, &mut features);
            let class = if d.persons.contains(&(m.first, m.last)) {
                PERSONS
            } else {
                THINGS
            };
            examples.push((features, class));
        }
    }
    examples
}

/// Averaged perceptron over every plural pronoun, `iterations` passes in a seeded order.
pub fn train(docs: &[TrainingDocument], iterations: usize, bits: u32, seed: u64) -> TheyPersons {
    TheyPersons {
        weights: Trainer::classifier(&examples(docs), 2, iterations, bits, seed),
    }
}
