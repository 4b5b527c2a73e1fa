//! Builds the person lexicons from GUM's entity layer: for every common noun, how often it
//! heads a person mention and how often it occurs as a noun; for every proper noun, how often
//! it starts a person's name and how often it occurs as a proper noun. First names take a
//! gender from GUM's pronouns and from the honorifics of news text ([`honorific_genders`]).

use sayso_document::{Document, Upos};
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

/// Documents a first name needs with one honorific and none with the other.
const MIN_HONORIFIC_DOCUMENTS: u32 = 3;

/// First names' genders from honorifics in tagged news documents: where a document calls
/// someone "Mr. Obama" and names one person of that surname in full ("Barack Obama"), the
/// first name counts a document for "he" ("Mrs." and "Ms." for "she"). A surname with both
/// honorifics in a document (a couple) counts for neither. The table keeps names counted in
/// [`MIN_HONORIFIC_DOCUMENTS`] documents one way and none the other:
/// `name<TAB>documents with Mr.<TAB>documents with Mrs. or Ms.`.
pub fn honorific_genders(docs: &[Document]) -> String {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for doc in docs {
        let word = |t: usize| doc.token_text(t);
        let proper = |t: usize| doc.upos.get(t) == Some(&Upos::Propn);
        // Each surname's first names, from runs of two proper nouns or more.
        let mut first_names: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut t = 0;
        while t < doc.tokens.len() {
            if !proper(t) {
                t += 1;
                continue;
            }
            let start = t;
            while t + 1 < doc.tokens.len() && proper(t + 1) {
                t += 1;
            }
            let first = (start..t).find(|&k| {
                crate::mentions::title_word(&word(k).to_lowercase()).is_none()
                    && !is_honorific(word(k))
            });
            if let Some(first) = first {
                let names = first_names.entry(word(t)).or_default();
                if !names.contains(&word(first)) {
                    names.push(word(first));
                }
            }
            t += 1;
        }
        // Each surname's honorifics: bit 0 "Mr.", bit 1 "Mrs."/"Ms.".
        let mut honorifics: HashMap<&str, u8> = HashMap::new();
        for t in 0..doc.tokens.len().saturating_sub(1) {
            let bit = match word(t) {
                "Mr." | "Mr" => 1,
                "Mrs." | "Mrs" | "Ms." | "Ms" => 2,
                _ => continue,
            };
            if proper(t + 1) {
                *honorifics.entry(word(t + 1)).or_default() |= bit;
            }
        }
        for (surname, bits) in honorifics {
            let Some([first]) = first_names.get(surname).map(Vec::as_slice) else {
                continue;
            };
            let count = counts.entry(first.to_string()).or_default();
            match bits {
                1 => count.0 += 1,
                2 => count.1 += 1,
                _ => {}
            }
        }
    }
    let mut rows: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for (name, &(he, she)) in &counts {
        if he.min(she) == 0 && he.max(she) >= MIN_HONORIFIC_DOCUMENTS {
            rows.insert(name, (he, she));
        }
    }
    let mut out = String::from(
        "# first name\tdocuments with Mr.\tdocuments with Mrs. or Ms., of people so named in full in PolNeAR train (sayso train person-nouns)\n",
    );
    for (name, (he, she)) in rows {
        out.push_str(&format!("{name}\t{he}\t{she}\n"));
    }
    out
}

fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "Mr." | "Mr" | "Mrs." | "Mrs" | "Ms." | "Ms" | "Dr." | "Dr"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(text: &str) -> Document {
        use sayso_annotate::Tagger;
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        sayso_annotate::PerceptronTagger::bundled().tag(&mut doc);
        doc
    }

    #[test]
    fn honorifics_give_first_names_a_gender_and_couples_give_none() {
        let one = tagged("Barack Obama spoke. Mr. Obama left.");
        let couple = tagged("Barack Obama and Michelle Obama came. Mr. Obama and Mrs. Obama left.");
        let table = honorific_genders(&[one.clone(), one.clone(), one, couple]);
        assert!(table.contains("Barack\t3\t0"), "{table}");
        assert!(!table.contains("Michelle"), "{table}");
        let twice = tagged("Jane Smith spoke. Ms. Smith left.");
        assert!(!honorific_genders(&[twice.clone(), twice]).contains("Jane"));
    }
}
