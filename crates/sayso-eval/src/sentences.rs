//! Sentence-boundary evaluation on UD treebanks.
//!
//! The raw text is rebuilt from each sentence's `# text` (sentences of one paragraph joined by a
//! space, paragraphs by a blank line, so the splitter sees the paragraph breaks a news text would
//! have); a boundary is the end offset of a sentence. Document-final boundaries are not counted.

use sayso_document::Document;
use sayso_readers::conllu::Sentence;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct BoundaryScores {
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Rebuilt documents: (text, gold sentence end offsets in code points).
pub fn rebuild(sentences: &[Sentence]) -> Vec<(String, Vec<u32>)> {
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut ends = Vec::new();
    for s in sentences {
        if s.new_document && !text.is_empty() {
            docs.push((std::mem::take(&mut text), std::mem::take(&mut ends)));
        }
        if !text.is_empty() {
            text.push_str(if s.new_paragraph { "\n\n" } else { " " });
        }
        text.push_str(&s.text);
        ends.push(text.chars().count() as u32);
    }
    if !text.is_empty() {
        docs.push((text, ends));
    }
    docs
}

/// Scores the sentence splitter of `segment` on treebank sentences.
pub fn evaluate(sentences: &[Sentence], segment: impl Fn(&mut Document)) -> BoundaryScores {
    let mut s = BoundaryScores::default();
    for (text, gold_ends) in rebuild(sentences) {
        s.documents += 1;
        let mut doc = Document::new("ud", text).expect("treebank documents are small");
        segment(&mut doc);
        let n = doc.char_len();
        let gold: BTreeSet<u32> = gold_ends.into_iter().filter(|&e| e < n).collect();
        let pred: BTreeSet<u32> = doc
            .sentences
            .iter()
            .map(|x| x.end)
            .filter(|&e| e < n)
            .collect();
        s.gold += gold.len();
        s.predicted += pred.len();
        s.correct += gold.intersection(&pred).count();
    }
    s.precision = crate::percent(s.correct, s.predicted);
    s.recall = crate::percent(s.correct, s.gold);
    s.f1 = if s.precision + s.recall > 0.0 {
        2.0 * s.precision * s.recall / (s.precision + s.recall)
    } else {
        0.0
    };
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use sayso_readers::conllu::parse_conllu;

    #[test]
    fn perfect_splitter_scores_100() {
        let data = "# newdoc\n# text = Hi there.\n1\tHi\t_\tX\t_\t_\t0\troot\t_\t_\n\n\
                    # text = Bye now.\n1\tBye\t_\tX\t_\t_\t0\troot\t_\t_\n\n\
                    # newpar\n# text = New paragraph\n1\tNew\t_\tX\t_\t_\t0\troot\t_\t_\n";
        let s = parse_conllu(data, "t").unwrap();
        let docs = rebuild(&s);
        assert_eq!(docs[0].0, "Hi there. Bye now.\n\nNew paragraph");
        let scores = evaluate(&s, sayso_text::segment);
        assert_eq!((scores.gold, scores.correct, scores.f1), (2, 2, 100.0));
    }
}
