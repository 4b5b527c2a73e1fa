//! The whole noun phrase of a mention, read off the dependency tree: the naming words with the
//! determiners, modifiers, prepositional phrases and relative clauses that hang off their head
//! ("the directors of the libraries participating in ...", "Mary Chaworth, whom he met ...").
//! This is the mention extent GUM's entity layer marks; the mentions themselves keep only the
//! words that name (what canonical names and speaker matching read).

use sayso_annotate::parser::Children;
use sayso_document::{Document, Upos};

/// Relations (before any `:` subtype) that keep a dependent inside its head's noun phrase.
/// Appositions are left out: GUM marks "Pavit" and "the head of ..." as two mentions side by
/// side, and so do clauses (`nsubj`, `cop` of a predicate nominal), coordination and `case`.
const PHRASE_RELATIONS: &[&str] = &[
    "det", "amod", "nmod", "compound", "flat", "acl", "nummod", "fixed", "goeswith", "punct",
];

/// Words that head a phrase of some of a group ("few of us", "a group of people").
#[rustfmt::skip]
pub(crate) const QUANTITIES: &[&str] = &[
    "all", "each", "both", "few", "many", "most", "some", "none", "one", "several", "either",
    "neither", "any", "those", "group", "number", "couple", "majority", "minority", "dozens",
    "hundreds", "thousands", "millions", "handful", "lot", "rest", "half",
];

/// How many "of" phrases a mention climbs to its quantity ("some of the thousands of people").
const MAX_QUANTITY_STEPS: usize = 3;

/// The most tokens a phrase takes beyond its mention.
const MAX_PHRASE_TOKENS: usize = 300;

/// Noun phrases read off a parsed document, over the dependents of each token, indexed once and
/// shared by all its mentions.
pub struct NounPhrases<'d> {
    doc: &'d Document,
    children: Children,
}

impl<'d> NounPhrases<'d> {
    pub fn new(doc: &'d Document) -> Self {
        let children = Children::new(doc.heads.len(), |t| doc.heads[t].map(|h| h as usize));
        NounPhrases { doc, children }
    }

    fn children_of(&self, t: usize) -> &[u32] {
        self.children.of(t)
    }

    /// The inclusive token range of the noun phrase around the mention over `first..=last`;
    /// the mention itself when the document has no parse.
    pub fn extent(&self, first: usize, last: usize) -> (usize, usize) {
        let doc = self.doc;
        if !doc.is_parsed() || last >= doc.tokens.len() || first > last {
            return (first, last);
        }
        let inside = |t: u32| (first..=last).contains(&(t as usize));
        let Some(mut head) = (first..=last).find(|&t| !doc.heads[t].is_some_and(inside)) else {
            return (first, last);
        };
        // "few of us", "a group of people": the phrase is the quantity's.
        let (mut first, mut last) = (first, last);
        for _ in 0..MAX_QUANTITY_STEPS {
            let Some(q) = self.quantity_over(head, first) else {
                break;
            };
            (first, last, head) = (q, q, q);
        }
        let (mut lo, mut hi) = (first, last);
        // A predicate nominal's clause hangs on it too ("was a young woman, forty, younger
        // because ...").
        let predicate = self
            .children_of(head)
            .iter()
            .any(|&c| matches!(relation(doc, c as usize), "cop" | "nsubj"));
        // Past a comma after the mention, only a relative clause belongs to it: anything else
        // hung there is an apposition or a list the parse labelled otherwise. (The comma is
        // looked for as far as a phrase may reach, so a long line stays linear.)
        let comma = (last + 1..doc.tokens.len().min(last + 1 + MAX_PHRASE_TOKENS))
            .find(|&t| doc.token_text(t) == ",")
            .unwrap_or(usize::MAX);
        let mut stack: Vec<u32> = self
            .children_of(head)
            .iter()
            .copied()
            .filter(|&c| self.keeps(c as usize))
            .filter(|&c| {
                let c = c as usize;
                c < comma || relation(doc, c) == "acl" && !predicate
            })
            .collect();
        // Punctuation counts only inside the phrase: a comma hung on the head after an
        // apposition must not stretch the phrase over it.
        let mut visited = 0;
        while let Some(t) = stack.pop() {
            // A phrase longer than this is a misparse of a list or a run-on line; walking it
            // for every mention in it would make such a line quadratic.
            visited += 1;
            if visited > MAX_PHRASE_TOKENS {
                return (first, last);
            }
            if relation(doc, t as usize) != "punct" {
                lo = lo.min(t as usize);
                hi = hi.max(t as usize);
            }
            stack.extend_from_slice(self.children_of(t as usize));
        }
        // A phrase opens with no conjunction, preposition or adverb the parse hung on its head
        // ("also the president"; "nearly 300 people" keeps its adverb), and takes the bracket
        // that closes one it opened ("the consortium ... (UKB)").
        while lo < first
            && (matches!(relation(doc, lo), "cc" | "case" | "mark")
                || relation(doc, lo) == "advmod" && doc.heads[lo] == Some(head as u32))
        {
            lo += 1;
        }
        if hi + 1 < doc.tokens.len() && closes_bracket(doc, lo, hi + 1) {
            hi += 1;
        }
        (lo, hi)
    }

    /// The quantity a mention's head is "of" ("few" over "us"), not for a name ("one of
    /// the Kennedys" is GUM's two mentions).
    fn quantity_over(&self, head: usize, first: usize) -> Option<usize> {
        let doc = self.doc;
        let q = doc.heads[head]? as usize;
        (q < first
            && doc.upos.get(head) != Some(&Upos::Propn)
            && doc.deprels.get(head).is_some_and(|r| r.as_ref() == "nmod")
            && QUANTITIES.contains(&doc.token_text(q).to_lowercase().as_str())
            && (q + 1..first).any(|t| doc.token_text(t).eq_ignore_ascii_case("of")))
        .then_some(q)
    }

    /// Whether a dependent of the head belongs to its phrase: a phrase-internal relation
    /// (a year or an age in apposition does not: "Williams, 2010", "Sam, 42,"), or a
    /// possessive clitic.
    fn keeps(&self, t: usize) -> bool {
        let doc = self.doc;
        let rel = relation(doc, t);
        let number_aside = matches!(rel, "nmod" | "appos") && doc.upos.get(t) == Some(&Upos::Num);
        // The other party of a case ("Wade v. Jacobs") is no part of a party's phrase.
        let other_party = || {
            self.children_of(t).iter().any(|&c| {
                let word = doc.token_text(c as usize);
                (c as usize) < t
                    && ["v.", "v", "vs.", "vs", "versus"]
                        .iter()
                        .any(|v| word.eq_ignore_ascii_case(v))
            })
        };
        (PHRASE_RELATIONS.contains(&rel) && !number_aside && !other_party())
            || (rel == "case" && matches!(doc.token_text(t), "'s" | "’s" | "'" | "’"))
    }
}

/// A token's relation without its subtype ("nmod" of "nmod:poss").
fn relation(doc: &Document, t: usize) -> &str {
    doc.deprels
        .get(t)
        .map_or("", |r| r.split(':').next().unwrap_or(""))
}

/// Whether token `hi` closes a bracket opened inside `lo..hi` ("the consortium ... (UKB)").
fn closes_bracket(doc: &Document, lo: usize, hi: usize) -> bool {
    let open = match doc.token_text(hi) {
        ")" => "(",
        "]" => "[",
        _ => return false,
    };
    (lo..hi).any(|t| doc.token_text(t) == open)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::tests::tagged;

    /// A one-sentence document from `word/TAG/head/relation` items, heads 1-based and 0 for
    /// the root, as CoNLL-U writes them.
    fn parsed(items: &str) -> Document {
        let rows: Vec<Vec<&str>> = items.split(' ').map(|i| i.split('/').collect()).collect();
        let text = rows.iter().map(|r| r[0]).collect::<Vec<_>>().join(" ");
        let tags: Vec<Upos> = rows.iter().map(|r| Upos::parse(r[1]).unwrap()).collect();
        let mut doc = tagged(&text, &tags);
        doc.heads = rows
            .iter()
            .map(|r| r[2].parse::<u32>().unwrap().checked_sub(1))
            .collect();
        doc.deprels = rows.iter().map(|r| r[3].into()).collect();
        doc
    }

    #[test]
    fn a_phrase_takes_its_modifiers_and_relative_clause_but_not_its_clause() {
        let doc = parsed(
            "the/DET/2/det directors/NOUN/9/nsubj of/ADP/5/case the/DET/5/det \
             library/NOUN/2/nmod who/PRON/7/nsubj met/VERB/2/acl:relcl were/AUX/9/cop \
             tired/ADJ/0/root ./PUNCT/9/punct",
        );
        let phrases = NounPhrases::new(&doc);
        assert_eq!(phrases.extent(1, 1), (0, 6));
        // The predicate's subject and copula stay out of its phrase.
        assert_eq!(phrases.extent(8, 8), (8, 8));
    }

    #[test]
    fn an_apposition_a_year_and_a_trailing_comma_stay_out() {
        let doc = parsed(
            "Williams/PROPN/10/nsubj ,/PUNCT/3/punct 2010/NUM/1/nmod ,/PUNCT/6/punct \
             the/DET/6/det head/NOUN/1/appos of/ADP/8/case it/PRON/6/nmod ,/PUNCT/1/punct \
             spoke/VERB/0/root",
        );
        let phrases = NounPhrases::new(&doc);
        assert_eq!(phrases.extent(0, 0), (0, 0));
        assert_eq!(phrases.extent(5, 5), (4, 7));
    }

    #[test]
    fn past_a_comma_only_a_relative_clause_stays_in() {
        // The parse hung "the party's nominee" on the name as an nmod, not an apposition.
        let doc = parsed(
            "Hill/PROPN/7/nsubj ,/PUNCT/5/punct the/DET/5/det party/NOUN/5/compound \
             nominee/NOUN/1/nmod ,/PUNCT/1/punct spoke/VERB/0/root",
        );
        assert_eq!(NounPhrases::new(&doc).extent(0, 0), (0, 0));
        let doc = parsed(
            "Hill/PROPN/6/nsubj ,/PUNCT/4/punct who/PRON/4/nsubj won/VERB/1/acl:relcl \
             ,/PUNCT/1/punct spoke/VERB/0/root",
        );
        assert_eq!(NounPhrases::new(&doc).extent(0, 0), (0, 3));
        // A predicate nominal's clause is not its relative clause.
        let doc = parsed(
            "he/PRON/4/nsubj was/AUX/4/cop a/DET/4/det man/NOUN/0/root ,/PUNCT/7/punct \
             who/PRON/7/nsubj won/VERB/4/acl:relcl",
        );
        assert_eq!(NounPhrases::new(&doc).extent(3, 3), (2, 3));
    }

    #[test]
    fn a_cases_other_party_is_no_part_of_a_partys_phrase() {
        let doc = parsed(
            "in/ADP/2/case Wade/PROPN/6/obl v./ADP/4/case Jacobs/PROPN/2/nmod ,/PUNCT/6/punct \
             courts/NOUN/0/root of/ADP/8/case Ohio/PROPN/6/nmod",
        );
        let phrases = NounPhrases::new(&doc);
        assert_eq!(phrases.extent(1, 1), (1, 1));
        assert_eq!(phrases.extent(3, 3), (3, 3));
        // Any other "of" phrase stays in.
        assert_eq!(phrases.extent(5, 5), (5, 7));
    }

    #[test]
    fn some_of_a_group_is_the_quantitys_phrase_but_one_of_a_name_is_not() {
        let doc = parsed(
            "few/ADJ/4/nsubj of/ADP/3/case us/PRON/1/nmod stop/VERB/0/root \
             one/NUM/4/obj of/ADP/7/case Obama/PROPN/5/nmod",
        );
        let phrases = NounPhrases::new(&doc);
        assert_eq!(phrases.extent(2, 2), (0, 2));
        assert_eq!(phrases.extent(6, 6), (6, 6));
    }

    #[test]
    fn an_adverb_on_a_number_stays_in_one_on_the_head_does_not() {
        let doc = parsed(
            "nearly/ADV/2/advmod 300/NUM/3/nummod people/NOUN/4/nsubj came/VERB/0/root \
             also/ADV/7/advmod the/DET/7/det president/NOUN/4/obj",
        );
        let phrases = NounPhrases::new(&doc);
        assert_eq!(phrases.extent(2, 2), (0, 2));
        assert_eq!(phrases.extent(6, 6), (5, 6));
    }

    #[test]
    fn a_bracket_opened_inside_closes_inside_and_no_parse_keeps_the_mention() {
        let mut doc = parsed(
            "the/DET/2/det consortium/NOUN/6/nsubj (/PUNCT/4/punct UKB/PROPN/2/nmod \
             )/PUNCT/4/punct met/VERB/0/root",
        );
        assert_eq!(NounPhrases::new(&doc).extent(1, 1), (0, 4));
        doc.heads.clear();
        assert_eq!(NounPhrases::new(&doc).extent(1, 1), (1, 1));
    }

    #[test]
    fn a_phrase_of_hundreds_of_tokens_is_a_misparse_and_left_out() {
        // "x x x ...": each word an nmod of the one before.
        let n = 1_000;
        let items: Vec<String> = (0..n).map(|k| format!("x/NOUN/{k}/nmod")).collect();
        let mut doc = parsed(&items.join(" "));
        doc.deprels[0] = "root".into();
        let phrases = NounPhrases::new(&doc);
        assert_eq!(phrases.extent(0, 0), (0, 0));
        assert_eq!(phrases.extent(900, 900), (900, n - 1));
    }
}
