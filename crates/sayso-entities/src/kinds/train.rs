//! Training the name-kind classifier from treebank documents with GUM's entity layer.

use super::{name_features, NameKinds, KINDS};
use sayso_annotate::perceptron::Trainer;
use sayso_document::Document;
use std::collections::HashSet;
use std::sync::Arc;

/// A tagged document, its gold names (token range, inclusive, and class), and the person-name
/// lexicon made from other documents (see [`crate::nominals::train::NameCounts`]).
pub struct TrainingDocument {
    pub doc: Document,
    pub names: Vec<(usize, usize, usize)>,
    pub person_names: Arc<HashSet<String>>,
}

/// Averaged perceptron over every gold name, `iterations` passes in a seeded order.
pub fn train(docs: &[TrainingDocument], iterations: usize, bits: u32, seed: u64) -> NameKinds {
    let mut examples: Vec<(Vec<u64>, usize)> = Vec::new();
    for d in docs {
        for &(first, last, class) in &d.names {
            let mut features = Vec::new();
            let known = |word: &str| d.person_names.contains(word);
            name_features(&d.doc, first, last, &known, &mut features);
            examples.push((features, class));
        }
    }
    NameKinds {
        weights: Trainer::classifier(&examples, KINDS.len(), iterations, bits, seed),
    }
}
