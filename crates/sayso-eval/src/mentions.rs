//! Person-mention detection on the GUM entity layer (`Entity=` in the CoNLL-U MISC column):
//! gold person mentions against the entity stage's, from gold tokens with predicted tags,
//! exact token spans. GUM marks every person mention: names, pronouns and nominals ("racial
//! groups", "his mother"), nested ones too.

use crate::article::Prf;
use sayso_annotate::Tagger;
use sayso_document::{Document, EntityKind, Span, Token, TokenKind};
use sayso_entities::mentions::{find_mentions, MentionKind, Pronoun};
use sayso_readers::conllu::{entity_mentions, Sentence};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

#[derive(Clone, Debug, Default, Serialize)]
pub struct MentionScores {
    pub documents: usize,
    /// Exact-span P/R/F1 of person mentions.
    pub person: Prf,
    /// Recall of gold person mentions by form: a proper name, a pronoun, anything else.
    pub recall_names: f64,
    pub recall_pronouns: f64,
    pub recall_other: f64,
}

/// Scores the entity stage's person mentions on treebank documents.
pub fn evaluate(sentences: &[Sentence], tagger: &dyn Tagger) -> MentionScores {
    let mut documents: Vec<Vec<&Sentence>> = Vec::new();
    for s in sentences {
        if s.new_document || documents.is_empty() {
            documents.push(Vec::new());
        }
        if let Some(d) = documents.last_mut() {
            d.push(s);
        }
    }
    let (mut tp, mut predicted, mut gold_total) = (0, 0, 0);
    let mut by_form: HashMap<&str, (usize, usize)> = HashMap::new();
    for sentences in &documents {
        let (mut doc, gold) = gold_token_document(sentences);
        tagger.tag(&mut doc);
        let found = person_mentions(&doc);
        predicted += found.len();
        gold_total += gold.len();
        tp += gold.intersection(&found).count();
        for &(first, last) in &gold {
            let words: Vec<&str> = sentences
                .iter()
                .flat_map(|s| s.words.iter().map(|w| w.upos.as_str()))
                .skip(first)
                .take(last - first + 1)
                .collect();
            let form = match words.as_slice() {
                ["PRON"] => "pronoun",
                w if w.iter().all(|u| *u == "PROPN") => "name",
                _ => "other",
            };
            let entry = by_form.entry(form).or_default();
            entry.1 += 1;
            if found.contains(&(first, last)) {
                entry.0 += 1;
            }
        }
    }
    let recall = |form: &str| {
        let (hit, all) = by_form.get(form).copied().unwrap_or_default();
        crate::percent(hit, all)
    };
    MentionScores {
        documents: documents.len(),
        person: Prf::new(tp, predicted, gold_total),
        recall_names: recall("name"),
        recall_pronouns: recall("pronoun"),
        recall_other: recall("other"),
    }
}

/// The entity stage's person mentions as inclusive token ranges (names with their titles).
fn person_mentions(doc: &Document) -> BTreeSet<(usize, usize)> {
    let mentions = find_mentions(doc);
    let (entities, entity_of) = sayso_entities::entities::build_entities(doc, &mentions);
    mentions
        .iter()
        .zip(&entity_of)
        .filter_map(|(m, e)| {
            let person = match &m.kind {
                MentionKind::Name { title } => {
                    let person = e.is_some_and(|e| entities[e].kind == EntityKind::Person);
                    let title_words = title.as_ref().map_or(0, |t| t.split(' ').count());
                    return person.then_some((m.first.saturating_sub(title_words), m.last));
                }
                MentionKind::Pronoun(p) => !matches!(p, Pronoun::Relative),
                MentionKind::Nominal { organization, .. } => !organization,
            };
            person.then_some((m.first, m.last))
        })
        .collect()
}

/// A document of the treebank's own tokens (words joined by spaces, one paragraph a
/// sentence) and its gold person mentions as inclusive token ranges.
fn gold_token_document(sentences: &[&Sentence]) -> (Document, BTreeSet<(usize, usize)>) {
    let text = sentences
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| w.form.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut doc = Document::new("gum", text).expect("a treebank document is small");
    let (mut ch, mut byte) = (0u32, 0u32);
    let gold = entity_mentions(sentences)
        .into_iter()
        .filter(|m| m.kind == "person")
        .map(|m| (m.first, m.last))
        .collect();
    for s in sentences {
        let sentence_start = ch;
        for w in &s.words {
            let (n, b) = (w.form.chars().count() as u32, w.form.len() as u32);
            doc.tokens.push(Token {
                span: Span::new(ch, ch + n),
                byte_start: byte,
                byte_end: byte + b,
                kind: if w.upos == "PUNCT" {
                    TokenKind::Punct
                } else {
                    TokenKind::Word
                },
            });
            ch += n + 1;
            byte += b + 1;
        }
        doc.sentences.push(Span::new(sentence_start, ch - 1));
        // The separator between sentences is two characters ("\n\n"), not one space.
        ch += 1;
        byte += 1;
    }
    (doc, gold)
}
