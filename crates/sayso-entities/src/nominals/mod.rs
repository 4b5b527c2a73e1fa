//! Which common nouns name people ("mother", "students"), which proper nouns start people's
//! names ("Harold", "Jamie") and which first names take "he" or "she": learned from GUM's
//! entity layer by [`train::build`] and from PolNeAR train by [`train::news_genders`]
//! (`sayso train person-nouns`); the nouns WordNet mostly gives people's senses
//! ([`train::wordnet_person_nouns`], `sayso train wordnet-person-nouns`); and the first names
//! of the people WordNet names ([`train::wordnet_first_names`], `sayso train
//! wordnet-first-names`) and those of the 1990 United States census with their genders
//! ([`train::census_first_names`], `sayso train census-first-names`), for the names GUM's few
//! hundred documents never use ("Charles", "Lucinda").

pub mod train;

use std::collections::HashSet;
use std::sync::OnceLock;

const NOUNS: &str = include_str!("person-nouns.tsv");
const NAMES: &str = include_str!("person-names.tsv");
const GENDERS: &str = include_str!("person-genders.tsv");
const NEWS_GENDERS: &str = include_str!("person-genders-news.tsv");
const ENDINGS: &str = include_str!("person-noun-endings.tsv");
const NOT_PERSON: &str = include_str!("person-noun-lookalikes.tsv");
const WORDNET: &str = include_str!("person-nouns-wordnet.tsv");
const WORDNET_FIRST_NAMES: &str = include_str!("person-first-names-wordnet.tsv");
const CENSUS_FIRST_NAMES: &str = include_str!("person-first-names-census.tsv");

/// What a first name says about the pronoun that fits its bearer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender GUM's pronouns give people of this first name, when they agree, else the one
/// news gives it (honorifics, and "he"/"she" sources after a named one), else the one nine in
/// ten of its bearers in the 1990 United States census have.
pub fn gender_of_first_name(name: &str) -> Option<Gender> {
    static MAP: OnceLock<std::collections::HashMap<&'static str, Gender>> = OnceLock::new();
    MAP.get_or_init(|| {
        let census = CENSUS_FIRST_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| match l.split_once('\t')? {
                (name, "M") => Some((name, Gender::Male)),
                (name, "F") => Some((name, Gender::Female)),
                _ => None,
            });
        // News's rows after the census's, and GUM's last, so that they win.
        census
            .chain(
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
                    }),
            )
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

/// The gender a common noun for a person says ("the woman", "his wife"); `None` for the many
/// that say none ("the senator").
pub fn noun_gender(noun: &str) -> Option<Gender> {
    const FEMALE: &str = "woman lady girl mother mom wife daughter sister grandmother aunt niece \
        widow bride girlfriend granddaughter actress congresswoman businesswoman queen princess";
    const MALE: &str = "man gentleman boy father dad husband son brother grandfather uncle nephew \
        widower groom boyfriend grandson congressman businessman king prince";
    let says = |nouns: &str| nouns.split_whitespace().any(|w| w == noun);
    if says(FEMALE) {
        Some(Gender::Female)
    } else if says(MALE) {
        Some(Gender::Male)
    } else {
        None
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

/// Whether a lowercased noun mostly heads person mentions: one GUM has that does, or one GUM
/// does not have that is mostly a person in WordNet ("juror") or looks like one (see
/// [`looks_like_person_noun`]).
pub fn is_person_noun(noun: &str) -> bool {
    static NOUN_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static ENDING_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static NOT_PERSON_SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let nouns = NOUN_SET.get_or_init(|| words(NOUNS));
    if nouns.contains(noun) {
        return true;
    }
    // GUM's own counts outrank WordNet's senses ("adult" is rarely a mention's head there).
    if NOT_PERSON_SET
        .get_or_init(|| words(NOT_PERSON))
        .contains(noun)
    {
        return false;
    }
    let endings = ENDING_SET.get_or_init(|| words(ENDINGS));
    in_wordnet_person_nouns(noun)
        || looks_like_person_noun(noun, |w| nouns.contains(w), |e| endings.contains(e))
}

/// Whether WordNet mostly gives the noun people's senses (the bundled
/// `person-nouns-wordnet.tsv`).
pub(crate) fn in_wordnet_person_nouns(noun: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| words(WORDNET)).contains(noun)
}

/// The endings [`looks_like_person_noun`] reads, longest first.
pub(crate) const ENDING_LENGTHS: [usize; 3] = [5, 4, 3];

/// The last `n` characters of a word longer than `n + 1` characters.
pub(crate) fn ending(word: &str, n: usize) -> Option<&str> {
    let (k, _) = word.char_indices().rev().nth(n - 1)?;
    (word[..k].chars().count() > 1).then(|| &word[k..])
}

/// Whether a noun unknown to the lexicon looks like a person noun: another form of a known
/// one ("senators" of "senator", "businessman" of "businessmen") or a word with an ending
/// person nouns have ("archivist", "librarians"). `known` tells the lexicon's nouns, `ending`
/// the telling endings.
pub(crate) fn looks_like_person_noun(
    noun: &str,
    known: impl Fn(&str) -> bool,
    telling_ending: impl Fn(&str) -> bool,
) -> bool {
    let mut form = String::with_capacity(noun.len() + 3);
    let mut other_form = |stem: &str, end: &str| {
        form.clear();
        form.push_str(stem);
        form.push_str(end);
        known(&form)
    };
    // Endings swapped for another form of the word: plural to singular and back.
    const OTHER_FORMS: [(&str, &str); 8] = [
        ("", "s"),
        ("", "es"),
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("y", "ies"),
        ("man", "men"),
        ("men", "man"),
    ];
    let inflected = OTHER_FORMS
        .iter()
        .filter(|(end, _)| !(*end == "s" && noun.ends_with("ss")))
        .filter_map(|(end, to)| Some((noun.strip_suffix(end)?, *to)))
        .any(|(stem, to)| other_form(stem, to));
    inflected
        || ENDING_LENGTHS
            .iter()
            .filter_map(|&n| ending(noun, n))
            .any(telling_ending)
}

/// Whether a proper noun mostly starts a person's name: in GUM, or as the first name of two
/// or more people WordNet names (see [`train::wordnet_first_names`]).
pub fn is_person_name(word: &str) -> bool {
    is_gum_person_name(word) || is_wordnet_first_name(word)
}

/// Whether a word is a first name on firmer ground than one GUM person mention opening with
/// it ("Puerto", "Daily" did): a first name of WordNet's people or of the census, or one with
/// a gender.
pub fn is_first_name(word: &str) -> bool {
    is_wordnet_first_name(word)
        || is_census_first_name(word)
        || gender_of_first_name(word).is_some()
}

fn is_census_first_name(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| words(CENSUS_FIRST_NAMES)).contains(word)
}

fn is_wordnet_first_name(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| words(WORDNET_FIRST_NAMES))
        .contains(word)
}

/// Whether a proper noun mostly starts a person's name in GUM: the name-kind classifier's
/// lexicon, which it learns as GUM's documents have it (each from the other folds' names).
pub fn is_gum_person_name(word: &str) -> bool {
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
        // Not in GUM, but another form of a person noun, or with a person noun's ending.
        assert!(!NOUNS.lines().any(|l| l.starts_with("archivist\t")));
        assert!(is_person_noun("archivist"));
        // Not in GUM, but a person in WordNet.
        assert!(!NOUNS.lines().any(|l| l.starts_with("nominee\t")));
        assert!(is_person_noun("nominee") && is_person_noun("nominees"));
        assert!(is_person_name("John"));
        assert!(!is_person_name("Washington"));
        assert_eq!(gender_of_first_name("Donald"), Some(Gender::Male));
        assert_eq!(gender_of_first_name("Washington"), None);
        // From the census alone; "Kim" is as much a man's name as a woman's there.
        assert!(!NAMES.contains("Lucinda") && !GENDERS.contains("Lucinda"));
        assert_eq!(gender_of_first_name("Lucinda"), Some(Gender::Female));
        assert_eq!(gender_of_first_name("Kim"), None);
        assert!(is_first_name("Kim") && is_first_name("Lucinda"));
    }

    #[test]
    fn other_forms_and_telling_endings_make_person_nouns() {
        let known = |w: &str| ["senator", "businessmen", "deputy"].contains(&w);
        let telling = |e: &str| e == "vist";
        for noun in [
            "senators",
            "businessman",
            "deputies",
            "archivist",
            "activist",
        ] {
            assert!(looks_like_person_noun(noun, known, telling), "{noun}");
        }
        // An ending needs two more characters before it.
        for noun in ["table", "senat", "avist"] {
            assert!(!looks_like_person_noun(noun, known, telling), "{noun}");
        }
    }
}
