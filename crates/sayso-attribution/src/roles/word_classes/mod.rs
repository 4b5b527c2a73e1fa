//! WordNet's class of a noun or verb ("verb.communication" for "urged", "noun.cognition" for
//! "plan"): the lexicographer file of its most frequent sense. The attribution model reads it
//! so that a rare verb of saying, thinking or feeling ("decried", "despise") shares weights
//! with the frequent ones. Built from WordNet 3.0 by [`train::build`] (`sayso train
//! wordnet-word-classes`).

pub mod train;

use sayso_document::Upos;
use std::sync::OnceLock;

const BUNDLED: &str = include_str!("word-classes-wordnet.tsv");

/// A word's class: 0 for a word neither noun nor verb, 1 for a noun or verb WordNet does not
/// have, else 100 + the lexicographer file for a noun and 200 + it for a verb.
pub fn word_class(upos: Option<Upos>, lower: &str) -> u64 {
    static ROWS: OnceLock<Vec<(&'static str, bool, u8)>> = OnceLock::new();
    let verb = match upos {
        Some(Upos::Verb) => true,
        Some(Upos::Noun) => false,
        _ => return 0,
    };
    let rows = ROWS.get_or_init(|| parse(BUNDLED));
    rows.binary_search_by(|&(form, is_verb, _)| (form, is_verb).cmp(&(lower, verb)))
        .map_or(1, |k| 100 * (1 + verb as u64) + rows[k].2 as u64)
}

/// The lexicon's rows, sorted by form and part of speech: form, whether a verb, lexicographer
/// file. Read byte by byte, without hashing: a sorted list searched by halves costs a quarter
/// of a hash map's start-up instructions (45 million against 183) for lookups as cheap. (The lexicon is built by `sayso
/// train` and checked byte for byte by the model check; a row that does not parse is left out.)
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
    fn rows_that_do_not_parse_are_left_out_and_the_rest_sorted() {
        let rows = parse("# comment\nzeal\tn\t7\nno tab\n\t\nx\tv\t\nx\tv\tnine\nact\tv\t41\n");
        assert_eq!(rows, [("act", true, 41), ("zeal", false, 7)]);
    }
}
