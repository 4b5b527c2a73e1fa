//! Person-mention detection and coreference on the GUM entity layer (`Entity=` in the CoNLL-U
//! MISC column): gold person mentions against the entity stage's, from gold tokens with
//! predicted tags and parse, exact token spans of each mention's noun phrase (GUM marks the
//! whole phrase: "the directors of the libraries participating in ..."); and the gold entities against the stage's entities. GUM marks every person mention: names, pronouns and nominals ("racial
//! groups", "his mother"), nested ones too.

use crate::article::Prf;
use crate::tagging::gold_token_document;
use sayso_annotate::{Parser, Tagger};
use sayso_document::{Document, EntityKind, Upos};
use sayso_entities::mentions::{find_mentions, MentionKind, Pronoun};
use sayso_entities::phrases::NounPhrases;
use sayso_entities::{Resolver, SpeakerResolver};
use sayso_readers::conllu::{documents, entity_mentions, Sentence};
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
    /// Of the gold names (mentions all of whose words are proper nouns) found as names with
    /// their exact words, the share whose entity's kind is GUM's (person, organization, place,
    /// else other): a finer reading of the name-kind classifier than person-mention F1, where
    /// one entity's flip moves many mentions.
    pub name_kind_accuracy: f64,
    pub names_found: usize,
    /// Coreference of all entity mentions (every type, singletons included) against the entity
    /// stage's entities.
    pub coreference: crate::coreference::CorefScores,
    /// Each gold person mention missed and each predicted one GUM does not have, for error
    /// analysis.
    #[serde(skip)]
    pub errors: Vec<MentionError>,
}

/// A person mention the stage missed or found wrongly.
#[derive(Clone, Debug, Serialize)]
pub struct MentionError {
    /// The document's index in the treebank.
    pub document: usize,
    /// "missed" (a gold mention not found with its exact span) or "spurious".
    pub error: &'static str,
    /// A missed mention's form: "name", "pronoun" or "other".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<&'static str>,
    /// The mention's words, and up to [`CONTEXT_WORDS`] words either side.
    pub mention: String,
    pub context: String,
    /// The predicted mentions that overlap a missed one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub found_instead: Vec<String>,
}

const CONTEXT_WORDS: usize = 6;

/// Scores the entity stage's person mentions on treebank documents.
pub fn evaluate(sentences: &[Sentence], tagger: &dyn Tagger, parser: &dyn Parser) -> MentionScores {
    let documents = documents(sentences);
    let (mut tp, mut predicted, mut gold_total) = (0, 0, 0);
    let mut coreference = crate::coreference::CorefCounts::default();
    let mut by_form: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut errors = Vec::new();
    let (mut names_found, mut names_right) = (0, 0);
    for (document, sentences) in documents.iter().enumerate() {
        let mut doc = gold_token_document(sentences);
        let layer = entity_mentions(sentences);
        let gold: BTreeSet<(usize, usize)> = layer
            .iter()
            .filter(|m| m.kind == "person")
            .map(|m| (m.first, m.last))
            .collect();
        tagger.tag(&mut doc);
        parser.parse(&mut doc);
        let mut key: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for m in &layer {
            key.entry(m.entity.as_str())
                .or_default()
                .push((m.first, m.last));
        }
        SpeakerResolver.resolve(&mut doc);
        // Each mention as GUM marks it: its whole noun phrase.
        let response: Vec<Vec<(usize, usize)>> = doc
            .entities
            .iter()
            .map(|e| {
                e.phrases
                    .iter()
                    .map(|s| {
                        let r = doc.tokens_in(*s);
                        (r.start, r.end.saturating_sub(1))
                    })
                    .collect()
            })
            .collect();
        coreference.add(&key.into_values().collect::<Vec<_>>(), &response);
        let (found, name_kinds) = person_mentions(&doc);
        let gold_tags: Vec<&str> = sentences
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.upos.as_str()))
            .collect();
        for m in layer.iter().filter(|m| {
            gold_tags
                .get(m.first..=m.last)
                .is_some_and(|tags| tags.iter().all(|u| *u == "PROPN"))
        }) {
            if let Some(&kind) = name_kinds.get(&(m.first, m.last)) {
                names_found += 1;
                let class = sayso_entities::kinds::class_of_gum_type(&m.kind);
                names_right += usize::from(sayso_entities::kinds::KINDS[class] == kind);
            }
        }
        predicted += found.len();
        gold_total += gold.len();
        tp += gold.intersection(&found).count();
        let words: Vec<&str> = sentences
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.form.as_str()))
            .collect();
        let error = |error, form, (first, last): (usize, usize), found_instead| MentionError {
            document,
            error,
            form,
            mention: words[first..=last].join(" "),
            context: words
                [first.saturating_sub(CONTEXT_WORDS)..(last + 1 + CONTEXT_WORDS).min(words.len())]
                .join(" "),
            found_instead,
        };
        errors.extend(
            found
                .difference(&gold)
                .map(|&span| error("spurious", None, span, Vec::new())),
        );
        for &(first, last) in &gold {
            let form = match &gold_tags[first..=last] {
                ["PRON"] => "pronoun",
                w if w.iter().all(|u| *u == "PROPN") => "name",
                _ => "other",
            };
            let entry = by_form.entry(form).or_default();
            entry.1 += 1;
            if found.contains(&(first, last)) {
                entry.0 += 1;
            } else {
                let instead = found
                    .iter()
                    .filter(|&&(a, b)| a <= last && first <= b)
                    .map(|&(a, b)| words[a..=b].join(" "))
                    .collect();
                errors.push(error("missed", Some(form), (first, last), instead));
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
        name_kind_accuracy: crate::percent(names_right, names_found),
        names_found,
        coreference: coreference.scores(),
        errors,
    }
}

/// The entity stage's person mentions as inclusive token ranges, in GUM's convention: the
/// whole noun phrase of names (with their titles), nominals and pronouns ("all of you"), a
/// possessive clitic ("Bezos 's", "the respondents '") inside it; and the kind of the entity
/// of each name, by the name's own words.
type NameKinds = HashMap<(usize, usize), EntityKind>;
fn person_mentions(doc: &Document) -> (BTreeSet<(usize, usize)>, NameKinds) {
    let mentions = find_mentions(doc);
    let phrases = NounPhrases::new(doc);
    let (entities, entity_of) = sayso_entities::entities::build_entities(doc, &mentions);
    let name_kinds = mentions
        .iter()
        .zip(&entity_of)
        .filter(|(m, _)| matches!(m.kind, MentionKind::Name { .. }))
        .filter_map(|(m, e)| Some(((m.first, m.last), entities[(*e)?].kind)))
        .collect();
    let with_clitic = |last: usize| {
        // A lone apostrophe is a plural's possessive only after an "s" (else a closing quote).
        // ("Mom's a ..." is "Mom is": the tagger says which.)
        let clitic = last + 1 < doc.tokens.len()
            && !matches!(doc.upos.get(last + 1), Some(Upos::Aux | Upos::Verb))
            && match doc.token_text(last + 1) {
                "'s" | "’s" => true,
                "'" | "’" => doc.token_text(last).ends_with('s'),
                _ => false,
            };
        last + clitic as usize
    };
    let persons = mentions
        .iter()
        .zip(&entity_of)
        .filter_map(|(m, e)| match &m.kind {
            MentionKind::Name { title } => {
                let person = e.is_some_and(|e| entities[e].kind == EntityKind::Person);
                let title_words = title.as_ref().map_or(0, |t| t.split(' ').count());
                person.then(|| {
                    phrases.extent(m.first.saturating_sub(title_words), with_clitic(m.last))
                })
            }
            MentionKind::Pronoun(p) => {
                (!matches!(p, Pronoun::Relative)).then(|| phrases.extent(m.first, m.last))
            }
            MentionKind::Nominal { organization, .. } => {
                (!organization).then(|| phrases.extent(m.first, with_clitic(m.last)))
            }
        })
        .collect();
    (persons, name_kinds)
}
