//! What a proper name names: a person, an organization, a place or something else, from the
//! name's words and the words around it ("Kessler said", "at Kessler"), learned from GUM's
//! entity layer by [`train::train`] (`sayso train name-kinds`). An entity's kind is the sum of
//! its mentions' scores, so that one telling context ("Mr. Kessler", "Kessler told") decides
//! for all of them.

pub mod proper_names;
pub mod train;

use sayso_annotate::perceptron::{hash_str, mix, shape_hash, ModelError, Weights};
use sayso_document::{Document, EntityKind};
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"SAYKIND1";
static BUNDLED: &[u8] = include_bytes!("name-kinds.bin");

/// The classes, in the model's order.
pub const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Unknown,
];

/// The class of a GUM entity type.
pub fn class_of_gum_type(gum: &str) -> usize {
    match gum {
        "person" => 0,
        "organization" => 1,
        "place" => 2,
        _ => 3,
    }
}

pub struct NameKinds {
    weights: Weights,
}

impl NameKinds {
    /// The model bundled with the library, loaded once per process.
    pub fn bundled() -> &'static NameKinds {
        static MODEL: OnceLock<NameKinds> = OnceLock::new();
        MODEL.get_or_init(|| {
            NameKinds::from_bytes(BUNDLED)
                .expect("the bundled name-kind model is checked by a unit test")
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<NameKinds, ModelError> {
        let (weights, rest) = Weights::from_bytes(bytes, MAGIC, "name-kind")?;
        if weights.classes() != KINDS.len() || !rest.is_empty() {
            return Err(ModelError::BadHeader("name-kind"));
        }
        Ok(NameKinds { weights })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes(MAGIC)
    }

    /// Adds the scores of the name at tokens `first..=last` (its title, if any, before
    /// `first`) to `scores`, one per kind.
    pub fn add_scores(&self, doc: &Document, first: usize, last: usize, scores: &mut [f32; 4]) {
        let mut features = Vec::with_capacity(24);
        name_features(
            doc,
            first,
            last,
            &crate::nominals::is_gum_person_name,
            &mut features,
        );
        let mut these = [0f32; 4];
        self.weights.scores(&features, &mut these);
        for (s, t) in scores.iter_mut().zip(these) {
            *s += t;
        }
    }
}

/// The best kind for summed scores.
pub fn kind_of(scores: &[f32; 4]) -> EntityKind {
    KINDS[sayso_annotate::perceptron::best(scores, None)]
}

/// Features of the name at tokens `first..=last` of a tagged document; `is_person_name` tells
/// the words that mostly start a person's name (the bundled lexicon at run time; in training,
/// one made without the name's own document).
pub fn name_features(
    doc: &Document,
    first: usize,
    last: usize,
    is_person_name: &dyn Fn(&str) -> bool,
    out: &mut Vec<u64>,
) {
    out.clear();
    let n = doc.tokens.len();
    let lower = |t: usize| hash_str(&doc.token_text(t).to_lowercase());
    let word = |t: Option<usize>| t.filter(|&t| t < n).map_or(1, lower);
    let tag = |t: Option<usize>| {
        t.filter(|&t| t < n)
            .and_then(|t| doc.upos.get(t))
            .map_or(1, |u| hash_str(u.as_str()))
    };
    let before = first.checked_sub(1);
    let before2 = first.checked_sub(2);
    let (after, after2) = (Some(last + 1), Some(last + 2));
    let words = last + 1 - first;
    out.push(mix(&[0]));
    for t in first..=last {
        out.push(mix(&[1, lower(t)]));
    }
    let first_text = doc.token_text(first);
    let last_text = doc.token_text(last);
    out.push(mix(&[2, lower(first)]));
    out.push(mix(&[3, lower(last)]));
    out.push(mix(&[4, words.min(5) as u64]));
    let tail: String = {
        let chars: Vec<char> = last_text.to_lowercase().chars().collect();
        chars[chars.len().saturating_sub(3)..].iter().collect()
    };
    out.push(mix(&[5, hash_str(&tail)]));
    out.push(mix(&[6, shape_hash(first_text), shape_hash(last_text)]));
    out.push(mix(&[7, word(before)]));
    out.push(mix(&[8, word(before2), word(before)]));
    out.push(mix(&[9, word(after)]));
    out.push(mix(&[10, word(after), word(after2)]));
    out.push(mix(&[11, tag(before), tag(after)]));
    let known_person_name = is_person_name(first_text) as u64;
    out.push(mix(&[12, known_person_name]));
    out.push(mix(&[
        13,
        (words == 1) as u64,
        known_person_name,
        word(after),
    ]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_model_loads_and_corrupt_models_are_named_errors() {
        let model = NameKinds::bundled();
        assert_eq!(
            NameKinds::from_bytes(&model.to_bytes()).unwrap().to_bytes(),
            model.to_bytes()
        );
        let err = NameKinds::from_bytes(&model.to_bytes()[..100])
            .err()
            .unwrap();
        assert!(err.to_string().contains("name-kind model"), "{err}");
    }
}
