//! Builds the cue lexicon from gold-annotated documents (PolNeAR train).

use sayso_document::{Document, Span};
use std::collections::{BTreeMap, HashMap};

/// The two files of the lexicon: `cue-words.tsv` (used by the extractor) and
/// `cue-phrases.tsv` (the gold cue phrases of up to four words with their counts).
pub struct CueTables {
    pub words: String,
    pub phrases: String,
}

/// Cue phrases longer than this are left out of `cue-phrases.tsv`.
const MAX_PHRASE_WORDS: usize = 4;

/// Words seen inside cues fewer times than this are left out of `cue-words.tsv`.
const MIN_IN_CUE: u32 = 2;

pub fn build(docs: &[Document]) -> CueTables {
    let mut occurrences: HashMap<String, u32> = HashMap::new();
    let mut in_cue: HashMap<String, u32> = HashMap::new();
    let mut phrases: HashMap<String, u32> = HashMap::new();
    for gold in docs {
        let mut doc = Document::new(gold.id.clone(), gold.text())
            .expect("gold documents are valid documents");
        sayso_text::segment(&mut doc);
        let mut cue_spans: Vec<Span> = gold
            .attributions
            .iter()
            .flat_map(|a| a.cue.iter().copied())
            .collect();
        cue_spans.sort();
        for a in &gold.attributions {
            if a.cue.is_empty() {
                continue;
            }
            let phrase: Vec<String> = a
                .cue
                .iter()
                .map(|s| {
                    doc.slice(*s)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            *phrases
                .entry(phrase.join(" … ").to_lowercase())
                .or_default() += 1;
        }
        for (i, tok) in doc.tokens.iter().enumerate() {
            let key = sayso_text::lexicon_key(doc.token_text(i)).into_owned();
            *occurrences.entry(key.clone()).or_default() += 1;
            let k = cue_spans.partition_point(|s| s.end <= tok.span.start);
            if cue_spans.get(k).is_some_and(|s| s.contains(tok.span)) {
                *in_cue.entry(key).or_default() += 1;
            }
        }
    }
    let words: BTreeMap<&String, (u32, u32)> = in_cue
        .iter()
        .filter(|(_, &n)| n >= MIN_IN_CUE)
        .map(|(w, &n)| (w, (n, occurrences[w])))
        .collect();
    let mut out_words = String::from(
        "# word\tin_cue\toccurrences (PolNeAR train; rebuild with `sayso train cues`)\n",
    );
    for (w, (n, occ)) in words {
        out_words.push_str(&format!("{w}\t{n}\t{occ}\n"));
    }
    let mut sorted: Vec<(String, u32)> = phrases.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out_phrases = String::from(
        "# cue phrase\tcount (PolNeAR train, first annotator; phrases of up to 4 words, 94% of the cues; rebuild with `sayso train cues`)\n",
    );
    for (p, n) in sorted {
        // Longer cue spans are stretches of article text, which stays out of the repository.
        if p.contains('\t') || p.contains('\n') || p.split(' ').count() > MAX_PHRASE_WORDS {
            continue;
        }
        out_phrases.push_str(&format!("{p}\t{n}\n"));
    }
    CueTables {
        words: out_words,
        phrases: out_phrases,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sayso_document::{Attribution, AttributionKind};

    #[test]
    fn counts_cue_words_and_phrases() {
        let mut doc =
            Document::new("d", "He said no. She said yes. They said so, said Al.").unwrap();
        let said = |s: u32| Attribution {
            kind: AttributionKind::Indirect,
            content: vec![],
            cue: vec![Span::new(s, s + 4)],
            source: vec![],
            speaker: None,
            confidence: 1.0,
            continuation_from: None,
            ..Default::default()
        };
        doc.attributions = vec![said(3), said(16), said(31)];
        let t = build(&[doc]);
        assert!(t.words.contains("\nsaid\t3\t4\n"), "{}", t.words);
        assert!(t.phrases.contains("\nsaid\t3\n"));
    }
}
