//! Builds the person lexicons from GUM's entity layer: for every common noun, how often it
//! heads a person mention and how often it occurs as a noun; for every proper noun, how often
//! it starts a person's name and how often it occurs as a proper noun.

use sayso_readers::conllu::{documents, entity_mentions, Sentence};
use std::collections::{BTreeMap, HashMap};

/// Words counted fewer times than this are left out.
const MIN_HITS: u32 = 2;
/// Words that are what is counted less often than this are left out.
const MIN_RATE: f32 = 0.5;

/// The two lexicon files.
pub struct PersonLexicons {
    /// `noun<TAB>person mentions it heads<TAB>occurrences as a noun`.
    pub nouns: String,
    /// `name<TAB>person mentions it starts<TAB>occurrences as a proper noun`.
    pub names: String,
}

pub fn build(sentences: &[Sentence]) -> PersonLexicons {
    let documents = documents(sentences);
    let mut heads: HashMap<String, u32> = HashMap::new();
    let mut occurrences: HashMap<String, u32> = HashMap::new();
    let mut name_starts: HashMap<String, u32> = HashMap::new();
    let mut name_occurrences: HashMap<String, u32> = HashMap::new();
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
        for m in entity_mentions(doc).iter().filter(|m| m.kind == "person") {
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
    }
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
