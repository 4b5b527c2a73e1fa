//! WordNet's database (the `index.*`, `data.*` and `*.exc` files of WordNet 3.0, which
//! Debian's `wordnet-base` package installs in `/usr/share/wordnet`): for each word of a part
//! of speech, the lexicographer file of each of its senses ("noun.person" is file 18), most
//! frequent sense first, the irregular inflections ("said" of "say"), and the nouns written
//! with a capital ("Austria"). A resource lexicons of the entity and attribution stages are
//! built from, read only by `sayso train`.

use crate::error::{read_text_file, ReadError};
use std::collections::HashMap;
use std::path::Path;

/// WordNet's lexicographer files of nouns: of communication (languages among them), groups
/// (organizations), locations, people and time (months among them).
pub const NOUN_COMMUNICATION: u8 = 10;
pub const NOUN_GROUP: u8 = 14;
pub const NOUN_LOCATION: u8 = 15;
pub const NOUN_PERSON: u8 = 18;
pub const NOUN_TIME: u8 = 28;

/// The parts of speech whose files are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartOfSpeech {
    Noun,
    Verb,
    Adjective,
    Adverb,
}

impl PartOfSpeech {
    /// The name the part of speech's files carry ("index.noun", "verb.exc").
    pub fn name(self) -> &'static str {
        match self {
            PartOfSpeech::Noun => "noun",
            PartOfSpeech::Verb => "verb",
            PartOfSpeech::Adjective => "adj",
            PartOfSpeech::Adverb => "adv",
        }
    }
}

/// Each lemma ("adjuster", "claims_adjuster") with the lexicographer files of its senses in
/// WordNet's order (most frequent first), counting only the senses whose synset writes the
/// lemma in lower case: "Turk" and "turk" are one index entry, but only the second is a common
/// noun.
pub type Senses = HashMap<String, Vec<u8>>;

/// Reads a file of a WordNet `dict` folder, decoded, with its path as the origin for errors.
fn read(dir: &Path, name: &str) -> Result<(String, String), ReadError> {
    read_text_file(&dir.join(name))
}

/// Reads the index and data files of a part of speech (`index.noun` and `data.noun`) from a
/// WordNet `dict` folder.
pub fn read_senses(dir: &Path, pos: PartOfSpeech) -> Result<Senses, ReadError> {
    let (index_origin, index) = read(dir, &format!("index.{}", pos.name()))?;
    let (data_origin, data) = read(dir, &format!("data.{}", pos.name()))?;
    parse_senses(&index, &index_origin, &data, &data_origin)
}

/// Reads the exception list of a part of speech (`verb.exc`): each irregular form with its
/// lemma ("said", "say").
pub fn read_exceptions(dir: &Path, pos: PartOfSpeech) -> Result<Vec<(String, String)>, ReadError> {
    let (origin, text) = read(dir, &format!("{}.exc", pos.name()))?;
    parse_exceptions(&text, &origin)
}

/// Parses an exception list's text: "form lemma [lemma ...]" a line, the first lemma kept.
pub fn parse_exceptions(text: &str, origin: &str) -> Result<Vec<(String, String)>, ReadError> {
    entries(text)
        .map(|(i, line)| {
            let mut fields = line.split_whitespace();
            match (fields.next(), fields.next()) {
                (Some(form), Some(lemma)) => Ok((form.to_string(), lemma.to_string())),
                _ => Err(malformed(origin, i, "exception", "no form and lemma")),
            }
        })
        .collect()
}

/// Parses an index and a data file's text; the origins name them in errors.
pub fn parse_senses(
    index: &str,
    index_origin: &str,
    data: &str,
    data_origin: &str,
) -> Result<Senses, ReadError> {
    // Synset offset -> (lexicographer file, the words it lists as written).
    let synsets: HashMap<&str, (u8, Vec<&str>)> = synsets(data, data_origin)?
        .into_iter()
        .map(|(offset, file, words)| (offset, (file, words)))
        .collect();
    let mut senses = Senses::new();
    for (i, line) in entries(index) {
        let bad = |what: &str| malformed(index_origin, i, "index", what);
        let fields: Vec<&str> = line.split_whitespace().collect();
        let synset_count: usize = fields
            .get(2)
            .and_then(|f| f.parse().ok())
            .ok_or_else(|| bad("no sense count"))?;
        let lemma = fields[0];
        let offsets = fields
            .len()
            .checked_sub(synset_count)
            .filter(|&k| k >= 4)
            .map(|k| &fields[k..])
            .ok_or_else(|| bad("fewer synsets than its count"))?;
        let mut files = Vec::with_capacity(offsets.len());
        for offset in offsets {
            let (file, words) = synsets
                .get(offset)
                .ok_or_else(|| bad(&format!("synset {offset} is not in {data_origin}")))?;
            if words.contains(&lemma) {
                files.push(*file);
            }
        }
        senses.insert(lemma.to_string(), files);
    }
    Ok(senses)
}

/// Reads the capitalized nouns of `data.noun` from a WordNet `dict` folder: see
/// [`parse_proper_nouns`].
pub fn read_proper_nouns(dir: &Path) -> Result<Vec<ProperNouns>, ReadError> {
    let (origin, data) = read(dir, "data.noun")?;
    parse_proper_nouns(&data, &origin)
}

/// A synset's lexicographer file and the nouns it writes with a capital, words joined by
/// spaces ("Darwin", "Charles Darwin", "Charles Robert Darwin").
pub type ProperNouns = (u8, Vec<String>);

/// The synsets of a data file that write a noun with a capital ("Austria", "New York",
/// "NASA"), with those nouns.
pub fn parse_proper_nouns(data: &str, origin: &str) -> Result<Vec<ProperNouns>, ReadError> {
    Ok(synsets(data, origin)?
        .into_iter()
        .filter_map(|(_, file, words)| {
            let names: Vec<String> = words
                .iter()
                .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
                .map(|w| w.replace('_', " "))
                .collect();
            (!names.is_empty()).then_some((file, names))
        })
        .collect())
}

/// A synset of a data file: its offset, lexicographer file and the words it lists as written.
type Synset<'a> = (&'a str, u8, Vec<&'a str>);

/// Each synset of a data file.
fn synsets<'a>(data: &'a str, origin: &str) -> Result<Vec<Synset<'a>>, ReadError> {
    let mut out = Vec::new();
    for (i, line) in entries(data) {
        let bad = |what: &str| malformed(origin, i, "data", what);
        let mut fields = line.split(' ');
        let offset = fields.next().ok_or_else(|| bad("no offset"))?;
        let lexicographer_file = fields
            .next()
            .and_then(|f| f.parse::<u8>().ok())
            .ok_or_else(|| bad("no lexicographer file number"))?;
        let _pos = fields.next();
        let word_count = fields
            .next()
            .and_then(|f| usize::from_str_radix(f, 16).ok())
            .ok_or_else(|| bad("no word count"))?;
        // An adjective may carry its position after it ("galore(ip)").
        let words: Vec<&str> = fields
            .step_by(2)
            .take(word_count)
            .map(|w| w.split_once('(').map_or(w, |(word, _)| word))
            .collect();
        if words.len() != word_count {
            return Err(bad("fewer words than its count"));
        }
        out.push((offset, lexicographer_file, words));
    }
    Ok(out)
}

/// A WordNet file's lines with their numbers from 1, but for the licence that opens it (lines
/// indented by two spaces) and empty lines.
fn entries(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.starts_with("  ") && !l.is_empty())
}

/// The error for line `line` of a WordNet `kind` ("index", "data", "exception") file.
fn malformed(origin: &str, line: usize, kind: &str, what: &str) -> ReadError {
    ReadError::Annotation {
        origin: format!("{origin}:{line}"),
        message: format!("not a WordNet {kind} line: {what}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = "  1 This software and database is being provided to you\n\
        09769929 18 n 02 adjuster 0 adjustor 0 001 @ 10215623 n 0000 | one who investigates claims\n\
        10742546 18 n 01 Turk 0 000 | a native of Turkey\n\
        03000000 06 n 01 turk 0 000 | a made-up artifact\n";
    const INDEX: &str = "  1 This software and database is being provided to you\n\
        adjuster n 1 1 @ 1 0 09769929  \n\
        turk n 2 0 2 0 10742546 03000000  \n";

    #[test]
    fn each_noun_has_the_files_of_the_senses_that_write_it_in_lower_case() {
        let senses = parse_senses(INDEX, "index.noun", DATA, "data.noun").unwrap();
        assert_eq!(senses["adjuster"], vec![NOUN_PERSON]);
        assert_eq!(senses["turk"], vec![6]);
    }

    #[test]
    fn verbs_read_alike_and_exceptions_keep_their_first_lemma() {
        let data = "02213345 32 v 01 say 0 000 | express in words\n";
        let index = "say v 1 0 1 0 02213345  \n";
        let senses = parse_senses(index, "index.verb", data, "data.verb").unwrap();
        assert_eq!(senses["say"], vec![32]);
        let exceptions = parse_exceptions("  1 licence\nsaid say\nlay lie lay\n", "verb.exc");
        assert_eq!(
            exceptions.unwrap(),
            [
                ("said".to_string(), "say".to_string()),
                ("lay".to_string(), "lie".to_string())
            ]
        );
        let err = parse_exceptions("said\n", "verb.exc").unwrap_err();
        assert!(err.to_string().contains("verb.exc:1"), "{err}");
    }

    #[test]
    fn proper_nouns_are_each_synsets_capitalized_words_with_its_file() {
        let data = "08126290 14 n 02 National_Aeronautics_and_Space_Administration 0 NASA 0 001 @ 08338847 n 0000 | an agency\n";
        let nouns = parse_proper_nouns(&format!("{DATA}{data}"), "data.noun").unwrap();
        assert_eq!(
            nouns,
            [
                (NOUN_PERSON, vec!["Turk".to_string()]),
                (
                    14,
                    vec![
                        "National Aeronautics and Space Administration".to_string(),
                        "NASA".to_string()
                    ]
                ),
            ]
        );
        let err = parse_proper_nouns("0976 xx n\n", "data.noun").unwrap_err();
        assert!(err.to_string().contains("data.noun:1"), "{err}");
    }

    #[test]
    fn an_adjectives_position_is_not_part_of_it() {
        let data = "00001740 00 a 01 galore(ip) 0 000 | in great numbers\n";
        let index = "galore a 1 0 1 0 00001740  \n";
        let senses = parse_senses(index, "index.adj", data, "data.adj").unwrap();
        assert_eq!(senses["galore"], vec![0]);
    }

    #[test]
    fn a_broken_line_is_a_clear_error() {
        let err = parse_senses(
            "adjuster n 1 1 @ 1 0 09999999\n",
            "index.noun",
            DATA,
            "data.noun",
        )
        .unwrap_err();
        assert!(err.to_string().contains("index.noun:1"), "{err}");
        assert!(err.to_string().contains("09999999"), "{err}");
        let err = parse_senses(INDEX, "index.noun", "0976 xx n\n", "data.noun").unwrap_err();
        assert!(err.to_string().contains("data.noun:1"), "{err}");
    }
}
