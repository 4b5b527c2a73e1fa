//! WordNet 3.0's proper nouns with what they name ("Austria" a place, "NASA" an organization,
//! "Lincoln" a person, a place or something else), read by the entity stage before the
//! name-kind classifier guesses: a name the GUM training documents never show still has a
//! kind in WordNet. Built by [`build`] (`sayso train wordnet-proper-names`) from WordNet's
//! lexicographer files.

use sayso_document::EntityKind;
use sayso_readers::wordnet::{NOUN_GROUP, NOUN_LOCATION, NOUN_PERSON};
use std::collections::BTreeMap;
use std::sync::OnceLock;

static BUNDLED: &str = include_str!("proper-names-wordnet.tsv");

/// The kinds a name has senses of, one bit each; 0 when WordNet does not have the name.
pub const PERSON: u8 = 1;
pub const ORGANIZATION: u8 = 2;
pub const PLACE: u8 = 4;
pub const OTHER: u8 = 8;

/// The letters of the kinds in the lexicon file, in bit order.
const LETTERS: [(u8, char); 4] = [
    (PERSON, 'P'),
    (ORGANIZATION, 'O'),
    (PLACE, 'L'),
    (OTHER, 'X'),
];

/// The bundled lexicon's names with their kinds, in the file's order (sorted by name), read
/// once per process: a binary search over them, as few names are looked up a document and a
/// hash table of 34,000 names takes longer to build than all of a document's lookups.
fn bundled() -> &'static [(&'static str, u8)] {
    static TABLE: OnceLock<Vec<(&'static str, u8)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        BUNDLED
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(name, letters)| {
                let kinds = LETTERS
                    .iter()
                    .filter(|(_, c)| letters.contains(*c))
                    .fold(0, |k, (bit, _)| k | bit);
                (name, kinds)
            })
            .collect()
    })
}

/// The kinds WordNet gives the name written as `name` (its case as written), 0 when none.
pub fn kinds_of(name: &str) -> u8 {
    let table = bundled();
    table
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .map_or(0, |k| table[k].1)
}

/// The kind WordNet gives the name when it gives only one, an organization or a place. Not a
/// person: WordNet's people are few and famous, and their names are others' too ("Fremont"
/// the city, "Hawthorne"), and its demonyms are people ("African", "Confederate").
pub fn sole_kind(name: &str) -> Option<EntityKind> {
    match kinds_of(name) {
        ORGANIZATION => Some(EntityKind::Organization),
        PLACE => Some(EntityKind::Place),
        _ => None,
    }
}

/// The lexicon file from WordNet's proper nouns, a synset's lexicographer file with its names
/// (see [`sayso_readers::wordnet::read_proper_nouns`]).
pub fn build(proper_nouns: &[sayso_readers::wordnet::ProperNouns]) -> String {
    let mut kinds: BTreeMap<&str, u8> = BTreeMap::new();
    for (file, names) in proper_nouns {
        let kind = match *file {
            NOUN_PERSON => PERSON,
            NOUN_GROUP => ORGANIZATION,
            NOUN_LOCATION => PLACE,
            _ => OTHER,
        };
        for name in names {
            *kinds.entry(name).or_default() |= kind;
        }
    }
    let mut out = String::from(
        "# name\tkinds: P a person, O an organization, L a place, X something else, by the \
         lexicographer files of WordNet 3.0's senses of each noun it writes with a capital \
         (sayso train wordnet-proper-names). Derived from WordNet 3.0, Copyright 2006 by \
         Princeton University, under its licence (WORDNET-LICENSE in ../nominals)\n",
    );
    for (name, bits) in kinds {
        let letters: String = LETTERS
            .iter()
            .filter(|(bit, _)| bits & bit != 0)
            .map(|(_, c)| *c)
            .collect();
        out.push_str(&format!("{name}\t{letters}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_has_every_kind_of_its_senses() {
        let nouns = [
            (NOUN_PERSON, vec!["Lincoln".to_string()]),
            (NOUN_LOCATION, vec!["Lincoln".to_string()]),
            (NOUN_GROUP, vec!["NASA".to_string()]),
            (28, vec!["Easter".to_string()]),
        ];
        let lexicon = build(&nouns);
        let rows: Vec<&str> = lexicon.lines().skip(1).collect();
        assert_eq!(rows, ["Easter\tX", "Lincoln\tPL", "NASA\tO"]);
    }

    #[test]
    fn the_bundled_lexicon_knows_countries_agencies_and_people() {
        assert_eq!(kinds_of("Austria"), PLACE);
        assert_eq!(kinds_of("NASA"), ORGANIZATION);
        assert_ne!(kinds_of("Lincoln") & PERSON, 0);
        assert_eq!(kinds_of("austria"), 0);
        assert_eq!(kinds_of("Qwzxv"), 0);
        // The binary search needs the file sorted as Rust compares strings.
        assert!(bundled().windows(2).all(|w| w[0].0 < w[1].0));
    }
}
