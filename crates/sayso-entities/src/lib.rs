//! Stage 6 of the pipeline: mentions and entities.
//!
//! - [`mentions`] finds proper names (titles split off), pronouns and definite nominals;
//! - [`nominals`] holds the person-noun, first-name and first-name gender lexicons learned
//!   from GUM;
//! - [`kinds`] is the name-kind classifier learned from GUM (person, organization, place);
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
pub mod speakers;

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
        let genders: Vec<Option<nominals::Gender>> = entities.iter().map(gender_of).collect();
        let groups: Vec<bool> = entities.iter().map(|e| is_plural_group(&e.name)).collect();
        let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        let titles: Vec<Vec<String>> = entities.iter().map(|e| e.titles.clone()).collect();
        let cx = speakers::Context {
            doc,
            mentions: &mentions,
            entity_of: &entity_of,
            kinds: &kinds,
            genders: &genders,
            groups: &groups,
            names: &names,
            titles: &titles,
        };
        let (speakers, resolved) = speakers::resolve_speakers(&cx);
        let resolved_addressees: Vec<_> = doc
            .attributions
            .iter()
            .map(|a| {
                (
                    speakers::addressee(&cx, &a.cue),
                    speakers::venue(&cx, &a.cue, &a.content),
                )
            })
            .collect();
        // Every other "he" and "she": the latest person named before it.
        let sources: std::collections::HashSet<Span> = resolved.iter().map(|(_, s)| *s).collect();
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
                let e = cx.latest_person_for(m.first, pronoun)?;
                (!sources.contains(&span)).then_some((e, span))
            })
            .collect();
        for (e, span) in resolved.into_iter().chain(pronouns) {
            entities[e].mentions.push(span);
            if entities[e].kind == EntityKind::Unknown {
                entities[e].kind = EntityKind::Person;
            }
        }
        for entity in &mut entities {
            entity.mentions.sort();
            entity.mentions.dedup();
        }
        for ((a, speaker), (addressee, venue)) in doc
            .attributions
            .iter_mut()
            .zip(speakers)
            .zip(resolved_addressees)
        {
            a.speaker_entity = speaker;
            a.speaker = speaker.map(|e| entities[e].name.clone());
            if let Some((span, entity)) = addressee {
                a.addressee = vec![span];
                a.addressee_entity = entity;
            }
            a.venue = venue;
        }
        doc.entities = entities;
    }
}

/// An entity's gender as its titles ("Mr.", "Mrs.") or its name's first word tell it.
fn gender_of(entity: &Entity) -> Option<nominals::Gender> {
    use nominals::Gender;
    let from_title = entity.titles.iter().find_map(|t| {
        match t.split_whitespace().next()?.to_lowercase().as_str() {
            "mr." | "mr" | "sir" | "king" | "prince" | "father" | "brother" => Some(Gender::Male),
            "mrs." | "mrs" | "ms." | "ms" | "miss" | "dame" | "queen" | "princess" | "lady"
            | "sister" => Some(Gender::Female),
            _ => None,
        }
    });
    from_title.or_else(|| nominals::gender_of_first_name(entity.name.split_whitespace().next()?))
}

/// A group named by one plural word ("Americans", "Democrats", "Chinese"): never "he" or "she".
fn is_plural_group(name: &str) -> bool {
    name.split_whitespace().count() == 1
        && ["ans", "ists", "crats", "ese"]
            .iter()
            .any(|end| name.ends_with(end))
}
