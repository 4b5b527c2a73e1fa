//! Which common nouns name people ("mother", "students"), which proper nouns start people's
//! names ("Harold", "Jamie") and which first names take "he" or "she": learned from GUM's
//! entity layer by [`train::build`] and from PolNeAR train by [`train::news_genders`]
//! (`sayso train person-nouns`).

pub mod train;

use std::collections::HashSet;
use std::sync::OnceLock;

const NOUNS: &str = include_str!("person-nouns.tsv");
const NAMES: &str = include_str!("person-names.tsv");
const GENDERS: &str = include_str!("person-genders.tsv");
const NEWS_GENDERS: &str = include_str!("person-genders-news.tsv");

/// What a first name says about the pronoun that fits its bearer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender GUM's pronouns give people of this first name, when they agree, else the one
/// news gives it (honorifics, and "he"/"she" sources after a named one).
pub fn gender_of_first_name(name: &str) -> Option<Gender> {
    static MAP: OnceLock<std::collections::HashMap<&'static str, Gender>> = OnceLock::new();
    MAP.get_or_init(|| {
        // GUM's rows last, so that they win.
        NEWS_GENDERS
            .lines()
            .chain(GENDERS.lines())
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let (name, he, she) = (cols.next()?, cols.next()?, cols.next()?);
                let (he, she): (u32, u32) = (he.parse().ok()?, she.parse().ok()?);
                Some((
                    name,
                    if he > she {
                        Gender::Male
                    } else {
                        Gender::Female
                    },
                ))
            })
            .collect()
    })
    .get(name)
    .copied()
}

/// The gender a title's first word gives ("Mr.", "Mrs.", "Ms.", "Queen").
pub fn title_gender(title: &str) -> Option<Gender> {
    match title.split_whitespace().next()?.to_lowercase().as_str() {
        "mr." | "mr" | "sir" | "king" | "prince" | "father" | "brother" => Some(Gender::Male),
        "mrs." | "mrs" | "ms." | "ms" | "miss" | "dame" | "queen" | "princess" | "lady"
        | "sister" => Some(Gender::Female),
        _ => None,
    }
}

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
        assert_eq!(gender_of_first_name("Donald"), Some(Gender::Male));
        assert_eq!(gender_of_first_name("Washington"), None);
    }
}
