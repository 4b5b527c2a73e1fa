//! Builds the word-class lexicon from WordNet's nouns and verbs.

use sayso_text::inflection::{regular_plurals, regular_verb_forms};
use std::collections::{BTreeMap, HashMap};

/// Each lemma with the lexicographer files of its senses, most frequent first (as
/// `sayso_readers::wordnet::read_senses` gives them).
pub type Senses = HashMap<String, Vec<u8>>;

/// The lexicon's text: each one-word noun and verb lemma with the lexicographer file of its
/// most frequent sense, and each of its forms with the same: listed irregular ones
/// (`exceptions`, "said" of "say") and regular ones. A form that is a lemma itself keeps its
/// own class, and a listed form outranks a regular one; among regular forms of several lemmas,
/// the first lemma in alphabetical order wins.
pub fn build(
    nouns: &Senses,
    noun_exceptions: &[(String, String)],
    verbs: &Senses,
    verb_exceptions: &[(String, String)],
) -> String {
    let mut out = String::from(
        "# WordNet 3.0's class of each one-word noun and verb and of its inflections: the \
         lexicographer file of its most frequent sense (3-28 nouns, 29-43 verbs, as WordNet's \
         lexnames lists them; 32 is verb.communication). Rebuild with `sayso train \
         wordnet-word-classes`. Derived from WordNet 3.0 under its licence \
         (crates/sayso-entities/src/nominals/WORDNET-LICENSE).\n# form\tpos\tclass\n",
    );
    let nouns = forms(nouns, noun_exceptions, regular_plurals);
    let verbs = forms(verbs, verb_exceptions, regular_verb_forms);
    let mut rows: Vec<(&str, &str, u8)> = nouns
        .iter()
        .map(|(form, &file)| (form.as_str(), "n", file))
        .chain(verbs.iter().map(|(form, &file)| (form.as_str(), "v", file)))
        .collect();
    rows.sort_unstable();
    for (form, pos, file) in rows {
        out.push_str(&format!("{form}\t{pos}\t{file}\n"));
    }
    out
}

/// Each form of the lemmas with its lemma's first class.
fn forms(
    senses: &Senses,
    exceptions: &[(String, String)],
    inflect: fn(&str) -> Vec<String>,
) -> BTreeMap<String, u8> {
    let first_class: BTreeMap<&str, u8> = senses
        .iter()
        .filter(|(lemma, _)| lemma.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .filter_map(|(lemma, files)| Some((lemma.as_str(), *files.first()?)))
        .collect();
    let mut out: BTreeMap<String, u8> = first_class
        .iter()
        .map(|(lemma, &file)| (lemma.to_string(), file))
        .collect();
    for (form, lemma) in exceptions {
        if let Some(&file) = first_class.get(lemma.as_str()) {
            out.entry(form.clone()).or_insert(file);
        }
    }
    for (lemma, &file) in &first_class {
        for form in inflect(lemma) {
            out.entry(form).or_insert(file);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_keep_their_class_and_forms_take_their_lemmas() {
        let senses = |rows: &[(&str, &[u8])]| -> Senses {
            rows.iter()
                .map(|(lemma, files)| (lemma.to_string(), files.to_vec()))
                .collect()
        };
        let nouns = senses(&[
            ("plan", &[9, 10]),
            ("claims_adjuster", &[18]),
            ("turk", &[]),
        ]);
        let verbs = senses(&[
            ("say", &[32]),
            ("saw", &[35]),
            ("see", &[39]),
            ("plan", &[31]),
        ]);
        let exceptions = [("saw".to_string(), "see".to_string())];
        let lexicon = build(&nouns, &[], &verbs, &exceptions);
        let rows: Vec<&str> = lexicon.lines().filter(|l| !l.starts_with('#')).collect();
        for row in [
            "plan\tn\t9",
            "plans\tn\t9",
            "plan\tv\t31",
            "planned\tv\t31",
            "says\tv\t32",
        ] {
            assert!(rows.contains(&row), "{row} in {rows:?}");
        }
        // A lemma keeps its own class ("saw" the tool's verb, not "see"'s past).
        assert!(rows.contains(&"saw\tv\t35"));
        assert!(!rows
            .iter()
            .any(|r| r.starts_with("claims_adjuster") || r.starts_with("turk")));
    }
}
