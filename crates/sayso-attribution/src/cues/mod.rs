//! The cue lexicon: which words mark attributions, and how reliably.
//!
//! Learned from PolNeAR train by [`train::build`] (`sayso train cues`): for every word, how
//! often it lies inside a gold cue span and how often it occurs at all. A word's cue rate is the
//! first divided by the second: "said" is a cue nearly always, "added" often, "a" almost never.
//! `cue-phrases.tsv` beside it lists every gold cue phrase with its count, for reading.

pub mod train;

use sayso_document::{Document, TokenKind};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;
use thiserror::Error;

const BUNDLED: &str = include_str!("cue-words.tsv");

#[derive(Debug, Error)]
pub enum CueLexiconError {
    #[error("cue lexicon line {line}: {problem}")]
    Malformed { line: usize, problem: String },
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CueStats {
    /// Times the word lies inside a gold cue span.
    pub in_cue: u32,
    /// Times the word occurs in the training texts.
    pub occurrences: u32,
}

impl CueStats {
    pub fn rate(&self) -> f32 {
        if self.occurrences == 0 {
            0.0
        } else {
            self.in_cue as f32 / self.occurrences as f32
        }
    }
}

#[derive(Debug, Default)]
pub struct CueLexicon {
    words: HashMap<String, CueStats>,
}

impl CueLexicon {
    /// The lexicon bundled with the library, parsed once per process.
    pub fn bundled() -> &'static CueLexicon {
        static LEXICON: OnceLock<CueLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            CueLexicon::parse(BUNDLED).expect("the bundled cue lexicon is checked by a unit test")
        })
    }

    /// Parses `word<TAB>in_cue<TAB>occurrences` lines (`#` lines are comments).
    pub fn parse(tsv: &str) -> Result<Self, CueLexiconError> {
        let mut words = HashMap::new();
        for (i, line) in tsv.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let bad = |problem: &str| CueLexiconError::Malformed {
                line: i + 1,
                problem: problem.into(),
            };
            if cols.len() != 3 {
                return Err(bad("expected word, in_cue and occurrences"));
            }
            let in_cue = cols[1].parse().map_err(|_| bad("in_cue is not a number"))?;
            let occurrences = cols[2]
                .parse()
                .map_err(|_| bad("occurrences is not a number"))?;
            words.insert(
                cols[0].to_string(),
                CueStats {
                    in_cue,
                    occurrences,
                },
            );
        }
        Ok(CueLexicon { words })
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Statistics of a word (any case; curly apostrophes count as straight ones).
    pub fn stats(&self, word: &str) -> CueStats {
        self.stats_of_key(&sayso_text::lexicon_key(word))
    }

    /// Statistics of a word already in the lexicon's key form ([`sayso_text::lexicon_key`]).
    pub fn stats_of_key(&self, key: &str) -> CueStats {
        self.words.get(key).copied().unwrap_or_default()
    }
}

/// How often a word must lie inside a gold cue (times, and share of its occurrences) for its
/// sentence to be worth a parse. At one use in twenty the output on PolNeAR dev is the same as
/// with every sentence parsed; at one in ten, cues such as "think" (one in eleven) go.
const PARSE_MIN_CUES: u32 = 3;
const PARSE_MIN_CUE_RATE: f32 = 0.05;

impl CueLexicon {
    /// Whether the sentence at tokens `range` may hold an attribution the parse serves: it
    /// has a quotation mark, a colon or a word that is a cue often enough. The parser skips
    /// the others (a sixth of news sentences, more of a web page's), and the learned model
    /// paragraphs of them only.
    pub fn may_hold_attribution(&self, doc: &Document, range: Range<usize>) -> bool {
        range.into_iter().any(|t| match doc.tokens[t].kind {
            TokenKind::Quote => true,
            TokenKind::Word => {
                let stats = self.stats(doc.token_text(t));
                stats.in_cue >= PARSE_MIN_CUES && stats.rate() >= PARSE_MIN_CUE_RATE
            }
            _ => doc.token_text(t) == ":",
        })
    }
}

/// Cue verbs whose first noun phrase is the addressee, not what was said ("told reporters",
/// "urged Congress"); the entity stage reads the addressee from the same list.
const ADDRESSEE_VERBS: &[&str] = &[
    "told", "tell", "tells", "telling", "ask", "asks", "asked", "asking", "assured", "informed",
    "reminded", "warned", "briefed", "urged",
];

/// Whether a cue verb takes its addressee as object.
pub fn takes_addressee(word: &str) -> bool {
    ADDRESSEE_VERBS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_knows_common_cues() {
        let lex = CueLexicon::bundled();
        assert!(lex.stats("said").rate() > 0.8, "{:?}", lex.stats("said"));
        assert!(lex.stats("Told").rate() > 0.5);
        assert!(lex.stats("according").rate() > 0.8);
        assert!(lex.stats("the").rate() < 0.05);
        assert_eq!(lex.stats("zzzz"), CueStats::default());
    }

    #[test]
    fn sentences_with_a_cue_a_quotation_mark_or_a_colon_may_hold_an_attribution() {
        let text = "The grass grew tall. Smith said so. The sky \"grew\". Smith: green.";
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        let sentences: Vec<bool> = doc
            .sentences
            .iter()
            .map(|s| CueLexicon::bundled().may_hold_attribution(&doc, doc.tokens_in(*s)))
            .collect();
        assert_eq!(sentences, [false, true, true, true]);
    }

    #[test]
    fn malformed_line_is_an_error() {
        let err = CueLexicon::parse("said\t9\t10\nbad\tx\t1\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "cue lexicon line 2: in_cue is not a number"
        );
    }
}
