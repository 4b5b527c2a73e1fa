//! Noun phrases around cues, from part-of-speech tags: the source mention before a cue
//! ("Sen. Tim Kaine (D-Va.)", "the singer", "Flynn, a top Trump surrogate,") or after one
//! ("said Ann Lee, director of the Hale College Institute").

use sayso_document::{Document, TokenKind, Upos};
use std::ops::Range;

/// Longest noun phrase core, in tokens (appositives come on top).
const MAX_CORE: usize = 14;
/// Longest appositive or relative clause taken into a source, in tokens.
const MAX_APPOSITIVE: usize = 30;

pub(crate) struct Phrases<'d> {
    pub doc: &'d Document,
}

impl<'d> Phrases<'d> {
    pub fn text(&self, i: usize) -> &'d str {
        self.doc.token_text(i)
    }

    pub fn tag(&self, i: usize) -> Upos {
        self.doc.upos.get(i).copied().unwrap_or(Upos::X)
    }

    fn is_head(&self, i: usize) -> bool {
        matches!(
            self.tag(i),
            Upos::Propn | Upos::Noun | Upos::Pron | Upos::Num
        ) || self.is_capitalized_word(i)
    }

    pub fn is_capitalized_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
            && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` can be part of a noun phrase core.
    fn in_core(&self, i: usize) -> bool {
        let t = self.text(i);
        if matches!(t, "'s" | "’s" | "'" | "’" | "-" | "&" | "(" | ")") {
            return true;
        }
        if self.doc.tokens[i].kind == TokenKind::Quote
            || self.doc.tokens[i].kind == TokenKind::Terminal
        {
            return false;
        }
        match self.tag(i) {
            Upos::Propn | Upos::Noun | Upos::Adj | Upos::Det | Upos::Num | Upos::Pron => true,
            // "Then-President", "former"; a capitalized word is a name whatever the tagger says.
            _ => {
                self.is_capitalized_word(i)
                    && !matches!(
                        self.tag(i),
                        Upos::Sconj | Upos::Cconj | Upos::Adp | Upos::Aux
                    )
            }
        }
    }

    /// Adverbs, auxiliaries and negation that stand between a subject and its verb
    /// ("Legend also told", "Trump has repeatedly said").
    pub fn is_verb_modifier(&self, i: usize) -> bool {
        matches!(self.tag(i), Upos::Adv | Upos::Aux | Upos::Part)
            && !matches!(self.text(i), "'s" | "’s")
            || matches!(
                self.text(i).to_lowercase().as_str(),
                "not" | "n't" | "never" | "also" | "later" | "then"
            )
    }

    /// The core noun phrase ending just before `end`, not reaching below `floor`.
    fn core_before(&self, end: usize, floor: usize) -> Option<Range<usize>> {
        let mut i = end;
        let mut parens = 0i32;
        while i > floor && end - i < MAX_CORE {
            let t = self.text(i - 1);
            if t == ")" {
                parens += 1;
            } else if t == "(" {
                parens -= 1;
                if parens < 0 {
                    break;
                }
            } else if parens > 0
                && !matches!(
                    self.doc.tokens[i - 1].kind,
                    TokenKind::Terminal | TokenKind::Quote
                )
            {
                i -= 1;
                continue;
            }
            let of_inside = t == "of"
                && i - 1 > floor
                && i < end
                && self.in_core(i - 2)
                && self.tag(i - 2) != Upos::Det;
            if !(self.in_core(i - 1) || of_inside) {
                break;
            }
            i -= 1;
        }
        // Do not start inside a parenthesis or on "of".
        while i < end && matches!(self.text(i), ")" | "of" | "'s" | "’s" | "-") {
            i += 1;
        }
        let core = i..end;
        core.clone().any(|k| self.is_head(k)).then_some(core)
    }

    /// The source mention ending just before `end` (its verb modifiers already skipped),
    /// with an appositive between commas ("Flynn, a top Trump surrogate, said").
    pub fn source_before(&self, end: usize, floor: usize) -> Option<Range<usize>> {
        let found = self.source_before_with_notes(end, floor)?;
        Some(self.without_trailing_note(found))
    }

    /// A source without a trailing parenthetical in lower case ("John Legend (left)"); party
    /// and state tags ("(R-Utah)") stay, as PolNeAR marks them.
    fn without_trailing_note(&self, r: Range<usize>) -> Range<usize> {
        if r.end - r.start < 3 || self.text(r.end - 1) != ")" {
            return r;
        }
        let Some(open) = (r.start..r.end - 1).rev().find(|&k| self.text(k) == "(") else {
            return r;
        };
        let lower_note =
            (open + 1..r.end - 1).all(|k| self.text(k).chars().all(|c| !c.is_uppercase()));
        if lower_note && open > r.start {
            r.start..open
        } else {
            r
        }
    }

    fn source_before_with_notes(&self, end: usize, floor: usize) -> Option<Range<usize>> {
        if end <= floor {
            return None;
        }
        if self.text(end - 1) == "," {
            // Find the comma opening the appositive, then the name before it.
            let mut j = end - 1;
            while j > floor && end - 1 - j < MAX_APPOSITIVE {
                j -= 1;
                let k = self.doc.tokens[j].kind;
                if matches!(k, TokenKind::Terminal | TokenKind::Quote) {
                    return None;
                }
                if self.text(j) == "," {
                    let name = self.core_before(j, floor)?;
                    return Some(name.start..end - 1);
                }
            }
            return None;
        }
        self.core_before(end, floor)
    }

    /// The core noun phrase starting at `start`, not reaching `limit`.
    pub fn core_after(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        let mut i = start;
        let mut parens = 0i32;
        while i < limit && i - start < MAX_CORE {
            let t = self.text(i);
            if t == "(" {
                parens += 1;
            } else if t == ")" {
                parens -= 1;
                if parens < 0 {
                    break;
                }
            } else if parens > 0
                && !matches!(
                    self.doc.tokens[i].kind,
                    TokenKind::Terminal | TokenKind::Quote
                )
            {
                i += 1;
                continue;
            }
            let of_inside = t == "of" && i > start && i + 1 < limit && self.in_core(i + 1);
            if !(self.in_core(i) || of_inside) {
                break;
            }
            i += 1;
        }
        while i > start && matches!(self.text(i - 1), "(" | "of" | "-") {
            i -= 1;
        }
        let core = start..i;
        core.clone().any(|k| self.is_head(k)).then_some(core)
    }

    /// The source mention after a cue ("said Dino Spencer, who now runs the gym"): a core noun
    /// phrase, extended over an appositive or relative clause to `limit` when a comma follows.
    pub fn source_after(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        let core = self.core_after(start, limit)?;
        let e = core.end;
        if e + 1 < limit && self.text(e) == "," && limit - e <= MAX_APPOSITIVE {
            let next = e + 1;
            let continues = matches!(
                self.tag(next),
                Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num
            ) || matches!(
                self.text(next).to_lowercase().as_str(),
                "who" | "whose" | "which"
            );
            if continues {
                let mut end = limit;
                while end > next
                    && matches!(
                        self.doc.tokens[end - 1].kind,
                        TokenKind::Punct | TokenKind::Terminal
                    )
                {
                    end -= 1;
                }
                return Some(core.start..end);
            }
        }
        Some(core)
    }
}
