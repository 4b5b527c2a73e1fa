//! Builds the person lexicons from GUM's entity layer: for every common noun, how often it
//! heads a person mention and how often it occurs as a noun; for every proper noun, how often
//! it starts a person's name and how often it occurs as a proper noun.

use sayso_readers::conllu::{documents, entity_mentions, Sentence};
use std::collections::{BTreeMap, HashMap};

/// Words counted fewer times than this are left out.
const MIN_HITS: u32 = 2;
/// Words that are what is counted less often than this are left out.
const MIN_RATE: f32 = 0.5;

/// The lexicon files.
pub struct PersonLexicons {
    /// `noun<TAB>person mentions it heads<TAB>occurrences as a noun`.
    pub nouns: String,
    /// `name<TAB>person mentions it starts<TAB>occurrences as a proper noun`.
    pub names: String,
    /// `name<TAB>he-pronouns<TAB>she-pronouns` of the people whose full names it starts.
    pub genders: String,
}

/// Pronoun counts a first name needs, and how many times more one way than the other.
const MIN_GENDER_PRONOUNS: u32 = 2;
const GENDER_MARGIN: u32 = 4;

pub fn build(sentences: &[Sentence]) -> PersonLexicons {
    let documents = documents(sentences);
    let mut heads: HashMap<String, u32> = HashMap::new();
    let mut occurrences: HashMap<String, u32> = HashMap::new();
    let mut name_starts: HashMap<String, u32> = HashMap::new();
    let mut name_occurrences: HashMap<String, u32> = HashMap::new();
    let mut genders: HashMap<String, (u32, u32)> = HashMap::new();
    for doc in &documents {
        // Each word with its sentence's first index, to read its head.
        let mut words = Vec::new();
        for s in doc {
            let base = words.len();
            for w in &s.words {
                words.push((w, base));
            }
        }
        for (w, _) in &words {
            match w.upos.as_str() {
                "NOUN" => *occurrences.entry(w.form.to_lowercase()).or_default() += 1,
                "PROPN" => *name_occurrences.entry(w.form.clone()).or_default() += 1,
                _ => {}
            }
        }
        // Each person entity's first names (of its names of two words or more) and the
        // gendered pronouns that refer to it.
        let mut people: HashMap<&str, (Vec<String>, u32, u32)> = HashMap::new();
        let layer = entity_mentions(doc);
        for m in layer.iter().filter(|m| m.kind == "person") {
            let entry = people.entry(m.entity.as_str()).or_default();
            let all_names = (m.first..=m.last).all(|t| words[t].0.upos == "PROPN");
            if m.last > m.first && all_names {
                entry.0.push(words[m.first].0.form.clone());
            } else if m.first == m.last {
                match words[m.first].0.form.to_lowercase().as_str() {
                    "he" | "him" | "his" | "himself" => entry.1 += 1,
                    "she" | "her" | "hers" | "herself" => entry.2 += 1,
                    _ => {}
                }
            }
        }
        for (names, he, she) in people.into_values() {
            let mut names = names;
            names.sort();
            names.dedup();
            for name in names {
                let g = genders.entry(name).or_default();
                g.0 += he;
                g.1 += she;
            }
        }
        for m in layer.iter().filter(|m| m.kind == "person") {
            // The head: the word whose own head lies outside the mention.
            let head = (m.first..=m.last).find(|&t| {
                let (w, base) = words[t];
                let h = (w.head as usize).checked_sub(1).map(|h| base + h);
                h.is_none_or(|h| h < m.first || h > m.last)
            });
            if let Some(t) = head.filter(|&t| words[t].0.upos == "NOUN") {
                *heads.entry(words[t].0.form.to_lowercase()).or_default() += 1;
            }
            let first = words[m.first].0;
            if first.upos == "PROPN" {
                *name_starts.entry(first.form.clone()).or_default() += 1;
            }
        }
    }
    PersonLexicons {
        nouns: table(
            &heads,
            &occurrences,
            "# noun\tperson mentions it heads in GUM train+dev\toccurrences as a noun (sayso train person-nouns)\n",
        ),
        names: table(
            &name_starts,
            &name_occurrences,
            "# name\tperson mentions it starts in GUM train+dev\toccurrences as a proper noun (sayso train person-nouns)\n",
        ),
        genders: gender_table(&genders),
    }
}

/// First names whose people are referred to as "he" (or "she") at least twice and four times
/// as often as the other way.
fn gender_table(counts: &HashMap<String, (u32, u32)>) -> String {
    let mut rows: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for (name, &(he, she)) in counts {
        let (more, less) = (he.max(she), he.min(she));
        if more >= MIN_GENDER_PRONOUNS && more >= GENDER_MARGIN * less {
            rows.insert(name, (he, she));
        }
    }
    let mut out = String::from(
        "# first name\the-pronouns\tshe-pronouns of the people so named in GUM train+dev (sayso train person-nouns)\n",
    );
    for (name, (he, she)) in rows {
        out.push_str(&format!("{name}\t{he}\t{she}\n"));
    }
    out
}

/// The rows of words that are mostly (and at least twice) what `hits` counts, sorted.
fn table(hits: &HashMap<String, u32>, occurrences: &HashMap<String, u32>, header: &str) -> String {
    let mut rows: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for (word, &h) in hits {
        let n = occurrences.get(word).copied().unwrap_or(h).max(h);
        if h >= MIN_HITS && h as f32 / n as f32 >= MIN_RATE {
            rows.insert(word, (h, n));
        }
    }
    let mut out = String::from(header);
    for (word, (h, n)) in rows {
        out.push_str(&format!("{word}\t{h}\t{n}\n"));
    }
    out
}
