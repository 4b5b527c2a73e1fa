//! Dependency-parsing accuracy on UD treebanks: unlabeled and labeled attachment scores, from
//! gold tokens, with predicted and with gold part-of-speech tags (punctuation counted, as in the
//! CoNLL 2018 shared task).

use sayso_annotate::parser::arc_eager::{ArcEagerParser, ParseInput};
use sayso_annotate::PerceptronTagger;
use sayso_document::Upos;
use sayso_readers::conllu::Sentence;
use serde::Serialize;

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct ParsingScores {
    pub sentences: usize,
    pub tokens: usize,
    pub uas_predicted_tags: f64,
    pub las_predicted_tags: f64,
    pub uas_gold_tags: f64,
    pub las_gold_tags: f64,
}

pub fn evaluate(
    sentences: &[Sentence],
    tagger: &PerceptronTagger,
    parser: &ArcEagerParser,
) -> ParsingScores {
    let mut tokens = 0usize;
    let mut right = [0usize; 4];
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let gold_tags: Vec<Upos> = s
            .words
            .iter()
            .map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X))
            .collect();
        let predicted_tags = tagger.tag_words(&words);
        tokens += words.len();
        for (k, tags) in [&predicted_tags, &gold_tags].into_iter().enumerate() {
            let parse = parser.parse_sentence(&ParseInput {
                words: &words,
                tags,
            });
            for (d, w) in s.words.iter().enumerate() {
                let gold_head = (w.head as usize).checked_sub(1);
                if parse.heads[d] == gold_head {
                    right[2 * k] += 1;
                    if parser.relation_name(parse.labels[d]).as_ref() == w.deprel {
                        right[2 * k + 1] += 1;
                    }
                }
            }
        }
    }
    let pct = |n: usize| crate::percent(n, tokens);
    ParsingScores {
        sentences: sentences.len(),
        tokens,
        uas_predicted_tags: pct(right[0]),
        las_predicted_tags: pct(right[1]),
        uas_gold_tags: pct(right[2]),
        las_gold_tags: pct(right[3]),
    }
}
