//! WordNet's class of a noun or verb ("verb.communication" for "urged", "noun.cognition" for
//! "plan"): the lexicographer file of its most frequent sense. The attribution model reads it
//! so that a rare verb of saying, thinking or feeling ("decried", "despise") shares weights
//! with the frequent ones. Built from WordNet 3.0 by [`train::build`] (`sayso train
//! wordnet-word-classes`).

pub mod train;

use sayso_annotate::perceptron::hash_str;
use sayso_document::Upos;
use std::sync::OnceLock;

const BUNDLED: &str = include_str!("word-classes-wordnet.tsv");

/// A word's class: 0 for a word neither noun nor verb, 1 for a noun or verb WordNet does not
/// have, else 100 + the lexicographer file for a noun and 200 + it for a verb.
pub fn word_class(upos: Option<Upos>, lower: &str) -> u64 {
    let verb = match upos {
        Some(Upos::Verb) => true,
        Some(Upos::Noun) => false,
        _ => return 0,
    };
    classes()
        .file_of(lower, verb)
        .map_or(1, |file| 100 * (1 + verb as u64) + file as u64)
}

/// WordNet's verb file of cognition ("think", "assume").
pub const COGNITION: u8 = 31;
/// WordNet's verb file of communication ("say", "note").
pub const COMMUNICATION: u8 = 32;

/// The lexicographer file of a lower-cased verb form ([`COGNITION`], [`COMMUNICATION`], ...).
pub fn verb_file(lower: &str) -> Option<u8> {
    classes().file_of(lower, true)
}

/// Whether WordNet has a lower-cased form as a noun or a verb.
pub fn is_noun_or_verb(lower: &str) -> bool {
    classes().file_of(lower, false).is_some() || classes().file_of(lower, true).is_some()
}

fn classes() -> &'static Lexicon {
    static CLASSES: OnceLock<Lexicon> = OnceLock::new();
    CLASSES.get_or_init(|| Lexicon::new(parse(BUNDLED)))
}

/// The rows in an open-addressing table of their indexes: a lookup reads a slot or two and one
/// row, where a binary search over 125,000 rows waited on memory at each of its 17 steps (a
/// tenth of a `--reported` run's time); and building it is a hash a row, not the hundreds of
/// instructions a row a `HashMap` costs.
struct Lexicon {
    rows: Vec<(&'static str, bool, u8)>,
    slots: Vec<u32>,
}

const EMPTY_SLOT: u32 = u32::MAX;

impl Lexicon {
    fn new(rows: Vec<(&'static str, bool, u8)>) -> Lexicon {
        let size = (2 * rows.len()).next_power_of_two().max(16);
        let mut slots = vec![EMPTY_SLOT; size];
        for (k, &(form, verb, _)) in rows.iter().enumerate() {
            let mut slot = Lexicon::home(form, verb, size);
            while slots[slot] != EMPTY_SLOT {
                slot = (slot + 1) % size;
            }
            slots[slot] = k as u32;
        }
        Lexicon { rows, slots }
    }

    fn home(form: &str, verb: bool, size: usize) -> usize {
        // The product's high half, which every bit of the hash reaches.
        let mixed = (hash_str(form) ^ verb as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32;
        mixed as usize & (size - 1)
    }

    /// The lexicographer file of the form as a verb or a noun; the first row when two share
    /// them.
    fn file_of(&self, form: &str, verb: bool) -> Option<u8> {
        let size = self.slots.len();
        let mut slot = Lexicon::home(form, verb, size);
        loop {
            let k = self.slots[slot];
            let &(row_form, row_verb, file) = self.rows.get(k as usize)?;
            if row_form == form && row_verb == verb {
                return Some(file);
            }
            slot = (slot + 1) % size;
        }
    }
}

fn parse(tsv: &str) -> Vec<(&str, bool, u8)> {
    let mut rows = Vec::with_capacity(tsv.len() / 12);
    for line in tsv.split_terminator('\n') {
        let bytes = line.as_bytes();
        let Some(tab) = bytes.iter().position(|&b| b == b'\t') else {
            continue;
        };
        // "form<TAB>n<TAB>10": the part of speech is one letter, the file the digits after it.
        let (Some(&pos), Some(digits)) = (bytes.get(tab + 1), bytes.get(tab + 3..)) else {
            continue;
        };
        if bytes[0] == b'#' || !digits.iter().all(u8::is_ascii_digit) || digits.is_empty() {
            continue;
        }
        let file = digits
            .iter()
            .fold(0u8, |n, d| n.wrapping_mul(10).wrapping_add(d - b'0'));
        rows.push((&line[..tab], pos == b'v', file));
    }
    if !rows.is_sorted() {
        rows.sort_unstable();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_and_nouns_have_their_first_senses_class_and_other_words_none() {
        // WordNet's files 32 (verb.communication) and 10 (noun.communication).
        assert_eq!(word_class(Some(Upos::Verb), "urged"), 232);
        assert_eq!(word_class(Some(Upos::Verb), "said"), 232);
        assert_eq!(word_class(Some(Upos::Noun), "statements"), 110);
        assert_eq!(word_class(Some(Upos::Noun), "zzyzx"), 1);
        assert_eq!(word_class(Some(Upos::Adj), "urged"), 0);
    }

    #[test]
    fn the_table_finds_every_row_and_no_other_word() {
        let lexicon = Lexicon::new(parse(BUNDLED));
        for &(form, verb, file) in &lexicon.rows {
            assert_eq!(lexicon.file_of(form, verb), Some(file), "{form}");
        }
        let small = Lexicon::new(parse("say\tv\t32\nsay\tn\t10\n"));
        assert_eq!(small.file_of("say", false), Some(10));
        assert_eq!(small.file_of("said", true), None);
    }

    #[test]
    fn rows_that_do_not_parse_are_left_out_and_the_rest_sorted() {
        let rows = parse("# comment\nzeal\tn\t7\nno tab\n\t\nx\tv\t\nx\tv\tnine\nact\tv\t41\n");
        assert_eq!(rows, [("act", true, 41), ("zeal", false, 7)]);
    }
}
