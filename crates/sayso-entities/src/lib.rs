//! Stage 6 of the pipeline: mentions and entities.
//!
//! - [`mentions`] finds proper names (titles split off), pronouns and definite nominals;
//! - [`nominals`] holds the person-noun, first-name and first-name gender lexicons learned
//!   from GUM;
//! - [`phrases`] reads a mention's whole noun phrase off the dependency tree (GUM's extent);
//! - [`kinds`] is the name-kind classifier learned from GUM (person, organization, place);
//! - [`they`] is the classifier learned from GUM of whether a "they" stands for people;
//! - [`entities`] groups the names into entities ("John Legend", "Legend") with a canonical
//!   name and a kind;
//! - [`speakers`] resolves each attribution's source to an entity ("he", "the singer"), and
//!   finds its addressee and venue.
//!
//! Rules over the tagger's output with learned lexicons and name kinds; the measured gaps are
//! in the README.

pub mod entities;
pub mod kinds;
pub mod mentions;
pub mod nominals;
pub mod phrases;
pub mod speakers;
pub mod they;

use mentions::MentionKind;
use sayso_document::{Document, Entity, EntityKind, Span};

/// Adds entities to a tagged document and resolves its attributions' speakers.
pub trait Resolver {
    fn resolve(&self, doc: &mut Document);
}

#[derive(Clone, Copy, Debug, Default)]
pub struct SpeakerResolver;

impl Resolver for SpeakerResolver {
    fn resolve(&self, doc: &mut Document) {
        if doc.upos.len() != doc.tokens.len() {
            return;
        }
        let mentions = mentions::find_mentions(doc);
        let (mut entities, entity_of) = entities::build_entities(doc, &mentions);
        // Speakers are people or organizations: an entity that speaks and was left unknown is
        // a person when a pronoun like "he" or "she" refers to it.
        let kinds: Vec<EntityKind> = entities.iter().map(|e| e.kind).collect();
        let mut genders: Vec<Option<nominals::Gender>> = entities.iter().map(gender_of).collect();
        genders_from_next_sentences(doc, &mentions, &entity_of, &mut genders);
        let groups: Vec<bool> = entities.iter().map(is_plural_group).collect();
        let not_he_or_she: Vec<bool> = entities
            .iter()
            .zip(&groups)
            .map(|(e, &group)| group || ends_in_people(&e.name))
            .collect();
        let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        let title_words: Vec<Vec<String>> = entities
            .iter()
            .map(|e| {
                e.titles
                    .iter()
                    .flat_map(|t| t.split_whitespace().map(str::to_lowercase))
                    .collect()
            })
            .collect();
        let cx = speakers::Context {
            doc,
            mentions: &mentions,
            entity_of: &entity_of,
            kinds: &kinds,
            genders: &genders,
            groups: &groups,
            not_he_or_she: &not_he_or_she,
            names: &names,
            title_words: &title_words,
        };
        let told: Vec<_> = doc
            .attributions
            .iter()
            .map(|a| speakers::told_after(&cx, &a.cue))
            .collect();
        let (speakers, resolved) = speakers::resolve_speakers(&cx, &told);
        let mut addressees: Vec<_> = told
            .into_iter()
            .zip(&speakers)
            .map(|(told, &speaker)| speakers::addressee(told, speaker))
            .collect();
        let content_starts: Vec<_> = doc
            .attributions
            .iter()
            .zip(&addressees)
            .map(|(a, addressee)| {
                addressee.and_then(|(span, _)| {
                    speakers::content_start_after_addressee(doc, &a.cue, &a.content, span)
                })
            })
            .collect();
        let mut venues: Vec<_> = doc
            .attributions
            .iter()
            .map(|a| speakers::venue(&cx, a))
            .collect();
        speakers::carry_over_conversations(&cx, &speakers, &mut addressees, &mut venues);
        // Every other "he" and "she": the latest person named before it, not the speaker when
        // it is inside a quotation ("he was upset with me," Legend said).
        let sources: std::collections::HashSet<Span> = resolved.iter().map(|(_, s)| *s).collect();
        let quoted = quotations_by_speaker(doc, &speakers);
        let reported = reported_contents(doc, &speakers);
        let pronouns: Vec<(usize, Span)> = mentions
            .iter()
            .filter(|m| {
                matches!(
                    m.kind,
                    mentions::MentionKind::Pronoun(
                        mentions::Pronoun::Male | mentions::Pronoun::Female
                    )
                )
            })
            .filter_map(|m| {
                let span = doc.tokens[m.first].span;
                let MentionKind::Pronoun(pronoun) = m.kind else {
                    return None;
                };
                let quoted_by = around(&quoted, span).map(|(_, e)| *e);
                let e = quoted_by
                    .is_none()
                    .then(|| reported_speaker_as_subject(&cx, &reported, m, pronoun))
                    .flatten()
                    .or_else(|| cx.latest_person_but(m.first, pronoun, quoted_by))?;
                (!sources.contains(&span)).then_some((e, span))
            })
            .collect();
        let quoted_speakers = first_person_in_quotes(doc, &mentions, &quoted, &kinds);
        for (e, span) in resolved.into_iter().chain(pronouns).chain(quoted_speakers) {
            entities[e].mentions.push(span);
            if entities[e].kind == EntityKind::Unknown {
                entities[e].kind = EntityKind::Person;
            }
        }
        // Without a parse (the default pipeline) there are no phrases to read.
        let phrases = doc.is_parsed().then(|| phrases::NounPhrases::new(doc));
        for entity in &mut entities {
            entity.mentions.sort();
            entity.mentions.dedup();
            if let Some(phrases) = &phrases {
                entity.phrases = entity
                    .mentions
                    .iter()
                    .map(|&m| {
                        let tokens = doc.tokens_in(m);
                        let (first, last) =
                            phrases.extent(tokens.start, tokens.end.saturating_sub(1));
                        Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end)
                    })
                    .collect();
            }
        }
        for ((((a, speaker), addressee), content_start), venue) in doc
            .attributions
            .iter_mut()
            .zip(speakers)
            .zip(addressees)
            .zip(content_starts)
            .zip(venues)
        {
            a.speaker_entity = speaker;
            a.speaker = speaker.map(|e| entities[e].name.clone());
            if let Some((span, entity)) = addressee {
                a.addressee = vec![span];
                a.addressee_entity = entity;
            }
            if let (Some(start), Some(first)) = (content_start, a.content.first_mut()) {
                first.start = start;
            }
            a.venue = venue;
        }
        doc.entities = entities;
    }
}

/// A "he" or "she" that is the first mention and a subject in the reported (unquoted) content
/// of a person it fits is that person: "Legend said that he and West ..." is Legend, whoever
/// was named in between ("on a podcast hosted by David Axelrod"). `reported` is what
/// [`reported_contents`] gives.
fn reported_speaker_as_subject(
    cx: &speakers::Context,
    reported: &[(Span, Option<usize>)],
    m: &mentions::Mention,
    pronoun: mentions::Pronoun,
) -> Option<usize> {
    let doc = cx.doc;
    if !doc.is_parsed() || !doc.deprels[m.first].starts_with("nsubj") {
        return None;
    }
    let (content, speaker) = around(reported, doc.tokens[m.first].span)?;
    let e = (*speaker)?;
    let content_first_token = doc.tokens_in(*content).start;
    let first_mention = cx.mentions.get(
        cx.mentions
            .partition_point(|other| other.first < content_first_token),
    )?;
    (cx.kinds[e] == EntityKind::Person
        && std::ptr::eq(first_mention, m)
        && cx.fits_pronoun(e, pronoun))
    .then_some(e)
}

/// The content spans of every attribution in text order, each with the speaker a pronoun
/// opening it may stand for: none when the cue asks, as whom someone asks is more often the
/// subject of the question ("asked Hale how he would ...").
fn reported_contents(doc: &Document, speakers: &[Option<usize>]) -> Vec<(Span, Option<usize>)> {
    let mut found = Vec::new();
    for (a, speaker) in doc.attributions.iter().zip(speakers) {
        let asks = a.cue.iter().any(|c| {
            doc.slice(*c)
                .split_whitespace()
                .any(|w| w.to_lowercase().starts_with("ask"))
        });
        let speaker = speaker.filter(|_| !asks);
        found.extend(a.content.iter().map(|&c| (c, speaker)));
    }
    found.sort_by_key(|(span, _)| span.start);
    found
}

/// Of `spans` (in text order, not overlapping), the one holding `span`, with what it carries.
fn around<T>(spans: &[(Span, T)], span: Span) -> Option<&(Span, T)> {
    let k = spans.partition_point(|(s, _)| s.end <= span.start);
    spans
        .get(k)
        .filter(|(s, _)| s.start <= span.start && span.end <= s.end)
}

/// The quotations (between their marks) inside the contents of attributions with a speaker,
/// with that speaker, in text order.
fn quotations_by_speaker(doc: &Document, speakers: &[Option<usize>]) -> Vec<(Span, usize)> {
    let mut found = Vec::new();
    for (a, speaker) in doc.attributions.iter().zip(speakers) {
        let Some(e) = *speaker else { continue };
        for content in &a.content {
            let inside = |span: Span| content.start <= span.start && span.end <= content.end;
            found.extend(
                doc.quotes
                    .iter()
                    .filter(|q| q.role == sayso_document::QuoteRole::Speech && inside(q.inner))
                    .map(|q| (q.inner, e)),
            );
        }
    }
    found.sort_by_key(|(span, _)| span.start);
    found.dedup_by_key(|(span, _)| *span);
    found
}

/// "I", "me", "my" inside a quotation are its speaker, and "we", "us", "our" too when an
/// organization speaks: as (entity, span).
fn first_person_in_quotes(
    doc: &Document,
    mentions: &[mentions::Mention],
    quoted: &[(Span, usize)],
    kinds: &[EntityKind],
) -> Vec<(usize, Span)> {
    let mut found = Vec::new();
    for &(quote, e) in quoted {
        let tokens = doc.tokens_in(quote);
        let first = mentions.partition_point(|m| m.first < tokens.start);
        for m in mentions[first..].iter().take_while(|m| m.last < tokens.end) {
            let MentionKind::Pronoun(mentions::Pronoun::FirstPerson) = m.kind else {
                continue;
            };
            let word = doc.token_text(m.first).to_lowercase();
            let singular = matches!(word.as_str(), "i" | "me" | "my" | "mine" | "myself");
            let fits = match kinds[e] {
                EntityKind::Organization => !singular,
                EntityKind::Place => false,
                _ => singular,
            };
            if fits {
                found.push((e, doc.tokens[m.first].span));
            }
        }
    }
    found
}

/// Genders no title or first name gave, from the story's own pronouns: a person whose name
/// opens a sentence and whose next sentence, in the same paragraph, opens with "He" or "She"
/// ("Melanie thought it outrageous. She wasn't ..."), when that says one gender only; names
/// and pronouns inside quotation marks count too, as an excerpt's.
fn genders_from_next_sentences(
    doc: &Document,
    mentions: &[mentions::Mention],
    entity_of: &[Option<usize>],
    genders: &mut [Option<nominals::Gender>],
) {
    use nominals::Gender;
    let mut votes: std::collections::HashMap<usize, (u32, u32)> = Default::default();
    // A sentence's first word, past quotation marks (a quoted excerpt: "\"Melanie thought").
    let first_word = |sentence: Span| {
        (doc.token_at_or_after(sentence.start)..doc.tokens.len())
            .take_while(|&t| doc.tokens[t].span.start < sentence.end)
            .find(|&t| doc.tokens[t].kind != sayso_document::TokenKind::Quote)
    };
    let opening = |t: usize| {
        let s = doc.sentence_index(doc.tokens[t].span.start);
        (first_word(*doc.sentences.get(s)?) == Some(t)).then_some(s)
    };
    let pronoun_at = |t: usize| {
        let k = mentions.partition_point(|m| m.first < t);
        mentions
            .get(k)
            .filter(|m| m.first == t)
            .and_then(|m| match m.kind {
                MentionKind::Pronoun(mentions::Pronoun::Male) => Some(Gender::Male),
                MentionKind::Pronoun(mentions::Pronoun::Female) => Some(Gender::Female),
                _ => None,
            })
    };
    for (m, mention) in mentions.iter().enumerate() {
        let Some(e) = entity_of[m].filter(|&e| genders[e].is_none()) else {
            continue;
        };
        if !matches!(mention.kind, MentionKind::Name { .. }) {
            continue;
        }
        let Some(s) = opening(mention.first) else {
            continue;
        };
        let Some(next) = doc.sentences.get(s + 1) else {
            continue;
        };
        if doc.paragraph_of(next.start) != doc.paragraph_of(doc.sentences[s].start) {
            continue;
        }
        // (Not past a quotation mark: a quotation's "He" is anyone the speaker means.)
        match pronoun_at(doc.token_at_or_after(next.start)) {
            Some(Gender::Male) => votes.entry(e).or_default().0 += 1,
            Some(Gender::Female) => votes.entry(e).or_default().1 += 1,
            None => {}
        }
    }
    for (e, (he, she)) in votes {
        genders[e] = match (he, she) {
            (0, _) => Some(Gender::Female),
            (_, 0) => Some(Gender::Male),
            _ => None,
        };
    }
}

/// An entity's gender as its titles ("Mr.", "Mrs.") or its name's first word tell it.
fn gender_of(entity: &Entity) -> Option<nominals::Gender> {
    let from_title = entity.titles.iter().find_map(|t| nominals::title_gender(t));
    from_title.or_else(|| nominals::gender_of_first_name(entity.name.split_whitespace().next()?))
}

/// A group named by a plural word ("Americans", "Democrats", "Chinese"), or a longer name
/// ending in one that no title or first name makes a person's ("Oversight Committee
/// Republicans", not "Mr. Deese" or "journalist Dainis Ivans") and that is no place ("New
/// Orleans"): never "he" or "she", and no one speaker.
fn is_plural_group(entity: &Entity) -> bool {
    let mut words = entity.name.split_whitespace();
    let plural = words.next_back().is_some_and(|last| {
        ["ans", "ists", "crats", "ese"]
            .iter()
            .any(|end| last.ends_with(end))
    });
    // A title for one person ("Mr.", "journalist"), not a plural role ("Several people").
    let one_person_title = entity.titles.iter().any(|t| {
        t.split_whitespace().next_back().is_some_and(|w| {
            let w = w.to_lowercase();
            !mentions::is_plural_word(&w) || w.ends_with('.')
        })
    });
    let person = one_person_title
        || entity
            .name
            .split_whitespace()
            .next()
            .is_some_and(nominals::is_person_name);
    let one_word = words.next().is_none();
    plural && (one_word || !person && entity.kind != EntityKind::Place)
}

/// Whether a name of two words or more ends in a plural noun of people and opens with no first
/// name ("U.N. Women", "Senate Democrats"; not "Jim Parsons"): a group, which "he" or "she"
/// does not stand for.
fn ends_in_people(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let last = words.next_back().map(str::to_lowercase).unwrap_or_default();
    words.next().is_some_and(|first| {
        !nominals::is_person_name(first) && nominals::gender_of_first_name(first).is_none()
    }) && mentions::is_plural_word(&last)
        && mentions::is_person_noun_word(&last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_opening_a_sentence_takes_the_gender_of_the_pronoun_opening_the_next() {
        use sayso_document::Upos::*;
        let doc = mentions::tests::tagged(
            "Zephyr Teachout spoke. She won.\n\nJay Carney spoke. He lost. Kim Lee spoke.\n\nShe won.",
            &[
                Propn, Propn, Verb, Punct, Pron, Verb, Punct, Propn, Propn, Verb, Punct, Pron,
                Verb, Punct, Propn, Propn, Verb, Punct, Pron, Verb, Punct,
            ],
        );
        let found = mentions::find_mentions(&doc);
        let (entities, entity_of) = entities::build_entities(&doc, &found);
        let mut genders = vec![None; entities.len()];
        genders_from_next_sentences(&doc, &found, &entity_of, &mut genders);
        let gender = |name: &str| genders[entities.iter().position(|e| e.name == name).unwrap()];
        assert_eq!(gender("Zephyr Teachout"), Some(nominals::Gender::Female));
        assert_eq!(gender("Jay Carney"), Some(nominals::Gender::Male));
        // Not across a paragraph.
        assert_eq!(gender("Kim Lee"), None);
    }

    #[test]
    fn he_is_no_group_whose_name_ends_in_people() {
        assert!(super::ends_in_people("U.N. Women"));
        assert!(super::ends_in_people("Senate Democrats"));
        assert!(!super::ends_in_people("Jim Parsons"));
        assert!(!super::ends_in_people("Democrats"));
        assert!(!super::ends_in_people("Tax Policy Center"));
    }
}
