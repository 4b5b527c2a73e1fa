use super::Tagger;
use sayso_document::{Document, TokenKind, Upos};
use std::collections::HashMap;
use std::sync::OnceLock;
use thiserror::Error;

/// The lexicon built from `../shared/data/ud` by `sayso train lexicon`.
const BUNDLED: &str = include_str!("upos-lexicon.tsv");

#[derive(Debug, Error)]
pub enum LexiconError {
    #[error("lexicon line {line}: {problem}")]
    Malformed { line: usize, problem: String },
}

/// Most-frequent-tag tagger with shape-based guesses for unknown words.
#[derive(Debug, Default)]
pub struct LexiconTagger {
    tags: HashMap<String, Upos>,
}

impl LexiconTagger {
    /// The bundled lexicon, parsed once per process.
    pub fn bundled() -> &'static LexiconTagger {
        static TAGGER: OnceLock<LexiconTagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            LexiconTagger::parse(BUNDLED).expect("the bundled lexicon is checked by a unit test")
        })
    }

    /// Parses `form<TAB>UPOS<TAB>count` lines (`#` lines are comments).
    pub fn parse(tsv: &str) -> Result<Self, LexiconError> {
        let mut tags = HashMap::new();
        for (i, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(form), Some(tag)) = (cols.next(), cols.next()) else {
                return Err(LexiconError::Malformed {
                    line: i + 1,
                    problem: "expected form and tag".into(),
                });
            };
            let upos = Upos::parse(tag).ok_or_else(|| LexiconError::Malformed {
                line: i + 1,
                problem: format!("unknown tag {tag:?}"),
            })?;
            tags.insert(form.to_string(), upos);
        }
        Ok(LexiconTagger { tags })
    }

    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// The tag of one token given its text and shape.
    pub fn tag_word(&self, word: &str, kind: TokenKind, sentence_initial: bool) -> Upos {
        match kind {
            TokenKind::Number => return Upos::Num,
            TokenKind::Quote | TokenKind::Terminal => return Upos::Punct,
            TokenKind::Link => return Upos::X,
            TokenKind::Symbol => return self.tags.get(word).copied().unwrap_or(Upos::Sym),
            TokenKind::Punct => return self.tags.get(word).copied().unwrap_or(Upos::Punct),
            TokenKind::Word => {}
        }
        let normalized;
        let word = if word.contains('’') {
            normalized = word.replace('’', "'");
            normalized.as_str()
        } else {
            word
        };
        if let Some(&t) = self.tags.get(word) {
            // A capitalized word mid-sentence that the lexicon knows only as a common word is
            // still most likely a name ("Legend", "West").
            if !sentence_initial
                && starts_upper(word)
                && !matches!(t, Upos::Propn)
                && !self.tags.contains_key(&word.to_lowercase())
            {
                return Upos::Propn;
            }
            return t;
        }
        let lower = word.to_lowercase();
        if let Some(&t) = self.tags.get(&lower) {
            if starts_upper(word)
                && !sentence_initial
                && matches!(t, Upos::Noun | Upos::Adj | Upos::Verb)
            {
                return Upos::Propn;
            }
            return t;
        }
        guess(word, sentence_initial)
    }
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn guess(word: &str, sentence_initial: bool) -> Upos {
    if starts_upper(word) && !sentence_initial {
        return Upos::Propn;
    }
    if word.chars().any(|c| c.is_ascii_digit()) {
        return Upos::Num;
    }
    let lower = word.to_lowercase();
    if starts_upper(word) && word.chars().all(|c| c.is_uppercase() || c == '.') {
        return Upos::Propn;
    }
    if lower.ends_with("ly") {
        Upos::Adv
    } else if lower.ends_with("ing")
        || lower.ends_with("ed")
        || lower.ends_with("ize")
        || lower.ends_with("ise")
    {
        Upos::Verb
    } else if lower.ends_with("ous")
        || lower.ends_with("ful")
        || lower.ends_with("ive")
        || lower.ends_with("able")
        || lower.ends_with("al")
        || lower.ends_with("ic")
    {
        Upos::Adj
    } else if starts_upper(word) {
        Upos::Propn
    } else {
        Upos::Noun
    }
}

impl Tagger for LexiconTagger {
    fn tag(&self, doc: &mut Document) {
        let mut tags = Vec::with_capacity(doc.tokens.len());
        let mut sentence = 0usize;
        for (i, tok) in doc.tokens.iter().enumerate() {
            while sentence < doc.sentences.len() && doc.sentences[sentence].end <= tok.span.start {
                sentence += 1;
            }
            let mut initial = doc
                .sentences
                .get(sentence)
                .is_some_and(|s| s.start == tok.span.start);
            // After an opening quote or a colon, a capital is no evidence of a name either.
            if i > 0 && (doc.tokens[i - 1].kind == TokenKind::Quote || doc.token_text(i - 1) == ":")
            {
                initial = true;
            }
            tags.push(self.tag_word(doc.token_text(i), tok.kind, initial));
        }
        // Runs of capitalized content words are names ("The New Yorker", "White House").
        let capitalized =
            |i: usize| doc.tokens[i].kind == TokenKind::Word && starts_upper(doc.token_text(i));
        for i in 1..tags.len() {
            if capitalized(i)
                && capitalized(i - 1)
                && doc.tokens[i - 1].span.end < doc.tokens[i].span.start
            {
                for j in [i - 1, i] {
                    if matches!(tags[j], Upos::Adj | Upos::Noun | Upos::Verb) {
                        tags[j] = Upos::Propn;
                    }
                }
            }
        }
        doc.upos = tags;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_parses_and_tags() {
        let t = LexiconTagger::bundled();
        assert!(t.len() > 1000);
        let mut doc =
            Document::new("d", "Then Legend told The New Yorker that he was upset.").unwrap();
        sayso_text::segment(&mut doc);
        t.tag(&mut doc);
        let tags: Vec<&str> = doc.upos.iter().map(|u| u.as_str()).collect();
        // A most-frequent-tag tagger gives "that" its commonest tag, PRON: the baseline's limit.
        assert_eq!(
            tags,
            [
                "ADV", "PROPN", "VERB", "DET", "PROPN", "PROPN", "PRON", "PRON", "AUX", "ADJ",
                "PUNCT"
            ]
        );
    }

    #[test]
    fn malformed_lexicon_is_an_error() {
        let err = LexiconTagger::parse("said\tVERB\t3\nfoo\tNOPE\t1\n").unwrap_err();
        assert_eq!(err.to_string(), "lexicon line 2: unknown tag \"NOPE\"");
    }
}
