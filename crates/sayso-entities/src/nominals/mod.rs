//! Which common nouns name people ("mother", "students") and which proper nouns start people's
//! names ("Harold", "Jamie"): learned from GUM's entity layer by [`train::build`]
//! (`sayso train person-nouns`).

pub mod train;

use std::collections::HashSet;
use std::sync::OnceLock;

const NOUNS: &str = include_str!("person-nouns.tsv");
const NAMES: &str = include_str!("person-names.tsv");

fn words(table: &'static str) -> HashSet<&'static str> {
    table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether a lowercased noun mostly heads person mentions.
pub fn is_person_noun(noun: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| words(NOUNS)).contains(noun)
}

/// Whether a proper noun mostly starts a person's name.
pub fn is_person_name(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| words(NAMES)).contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_knows_people() {
        assert!(is_person_noun("people"));
        assert!(!is_person_noun("table"));
        assert!(is_person_name("John"));
        assert!(!is_person_name("Washington"));
    }
}
