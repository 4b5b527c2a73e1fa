//! The JSONL record of a document:
//!
//! ```json
//! {"id": "...", "date": "2022-09-07", "language": "eng",
//!  "attributions": [{"kind": "direct", "content": [{"start": 0, "end": 9, "text": "..."}],
//!                    "cue": [...], "source": [...], "speaker": "John Legend", "speaker_entity": 0,
//!                    "addressee": [...], "addressee_entity": 2,
//!                    "venue": {"start": 0, "end": 9, "text": "...", "type": "podcast"},
//!                    "confidence": 0.9}],
//!  "entities": [{"id": 0, "name": "John Legend", "type": "person", "titles": [...],
//!                "mentions": [{"start": 0, "end": 11, "text": "John Legend"}]}]}
//! ```
//!
//! With a dependency parse (`--reported`), a mention whose noun phrase is longer than its
//! naming words has that phrase too: `{"start": 4, "end": 14, "text": "directors",
//! "phrase": {"start": 0, "end": 40, "text": "the directors of the libraries ..."}}`.
//!
//! Offsets are code points into the document text. Fields are only ever added.

use crate::output_attributions;
use sayso_document::{Document, Span};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    date: Option<&'a str>,
    /// ISO 639-3, when identified.
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    attributions: Vec<AttributionRecord<'a>>,
    entities: Vec<EntityRecord<'a>>,
}

#[derive(Serialize)]
struct EntityRecord<'a> {
    id: usize,
    name: &'a str,
    #[serde(rename = "type")]
    kind: sayso_document::EntityKind,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    titles: &'a [String],
    mentions: Vec<MentionRecord<'a>>,
}

#[derive(Serialize)]
struct MentionRecord<'a> {
    #[serde(flatten)]
    span: SpanRecord<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phrase: Option<SpanRecord<'a>>,
}

#[derive(Serialize)]
struct VenueRecord<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct AttributionRecord<'a> {
    kind: &'static str,
    content: Vec<SpanRecord<'a>>,
    cue: Vec<SpanRecord<'a>>,
    source: Vec<SpanRecord<'a>>,
    speaker: Option<&'a str>,
    /// The speaker's entity id (in the document's `entities`).
    speaker_entity: Option<usize>,
    addressee: Vec<SpanRecord<'a>>,
    addressee_entity: Option<usize>,
    venue: Option<VenueRecord<'a>>,
    confidence: f32,
    /// Index into `content` where spans continuing the quotation without a cue of their own start.
    #[serde(skip_serializing_if = "Option::is_none")]
    continuation_from: Option<usize>,
    /// With split continuations: the index of the attribution this one continues.
    #[serde(skip_serializing_if = "Option::is_none")]
    continues: Option<usize>,
}

#[derive(Serialize)]
struct SpanRecord<'a> {
    start: u32,
    end: u32,
    text: &'a str,
}

fn span_record(doc: &Document, s: Span) -> SpanRecord<'_> {
    SpanRecord {
        start: s.start,
        end: s.end,
        text: doc.slice(s),
    }
}

fn spans<'a>(doc: &'a Document, spans: &[Span]) -> Vec<SpanRecord<'a>> {
    spans.iter().map(|&s| span_record(doc, s)).collect()
}

/// An entity's mentions, each with its noun phrase where that is longer.
fn mentions<'a>(doc: &'a Document, entity: &sayso_document::Entity) -> Vec<MentionRecord<'a>> {
    entity
        .mentions
        .iter()
        .enumerate()
        .map(|(k, &m)| MentionRecord {
            span: span_record(doc, m),
            phrase: entity
                .phrases
                .get(k)
                .filter(|&&p| p != m)
                .map(|&p| span_record(doc, p)),
        })
        .collect()
}

/// Writes one line for `doc`.
pub fn write_record(
    out: &mut impl Write,
    doc: &Document,
    split_continuations: bool,
) -> std::io::Result<()> {
    let attributions = output_attributions(doc, split_continuations)
        .into_iter()
        .map(|o| {
            let a = o.attribution;
            let continuation = o.is_continuation();
            AttributionRecord {
                kind: a.kind.as_str(),
                content: spans(doc, o.content()),
                cue: if continuation {
                    Vec::new()
                } else {
                    spans(doc, &a.cue)
                },
                source: if continuation {
                    Vec::new()
                } else {
                    spans(doc, &a.source)
                },
                speaker: a.speaker.as_deref(),
                speaker_entity: a.speaker_entity,
                addressee: if continuation {
                    Vec::new()
                } else {
                    spans(doc, &a.addressee)
                },
                addressee_entity: a.addressee_entity.filter(|_| !continuation),
                venue: a.venue.filter(|_| !continuation).map(|v| VenueRecord {
                    start: v.span.start,
                    end: v.span.end,
                    text: doc.slice(v.span),
                    kind: v.kind.as_str(),
                }),
                confidence: (a.confidence * 100.0).round() / 100.0,
                continuation_from: a.continuation_from.filter(|_| !split_continuations),
                continues: o.continues,
            }
        })
        .collect();
    let record = Record {
        id: &doc.id,
        date: doc.date.as_deref(),
        language: doc.language,
        url: doc.meta.url.as_deref(),
        outlet: doc.meta.outlet.as_deref(),
        title: doc.meta.title.as_deref(),
        attributions,
        entities: doc
            .entities
            .iter()
            .map(|e| EntityRecord {
                id: e.id,
                name: &e.name,
                kind: e.kind,
                titles: &e.titles,
                mentions: mentions(doc, e),
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    fn doc() -> Document {
        crate::sample_document()
            .with_date(Some("2020-01-02".into()))
            .unwrap()
    }

    #[test]
    fn exact_shape() {
        let mut buf = Vec::new();
        write_record(&mut buf, &doc(), false).unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "{\"id\":\"d1\",\"date\":\"2020-01-02\",\"attributions\":[{\"kind\":\"direct\",\
             \"content\":[{\"start\":0,\"end\":5,\"text\":\"“Hi,”\"},{\"start\":16,\"end\":22,\"text\":\"“Bye.”\"}],\
             \"cue\":[{\"start\":10,\"end\":14,\"text\":\"said\"}],\"source\":[{\"start\":6,\"end\":9,\"text\":\"Ann\"}],\
             \"speaker\":null,\"speaker_entity\":null,\"addressee\":[],\"addressee_entity\":null,\
             \"venue\":null,\"confidence\":0.9,\"continuation_from\":1}],\"entities\":[]}\n"
        );
    }

    #[test]
    fn a_mention_shows_its_phrase_only_where_longer() {
        let mut doc = doc();
        doc.entities.push(sayso_document::Entity {
            name: "Ann".into(),
            mentions: vec![Span::new(6, 9), Span::new(10, 14)],
            phrases: vec![Span::new(6, 14), Span::new(10, 14)],
            ..Default::default()
        });
        let mut buf = Vec::new();
        write_record(&mut buf, &doc, false).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        let mentions = &v["entities"][0]["mentions"];
        assert_eq!(mentions[0]["text"], "Ann");
        assert_eq!(mentions[0]["phrase"]["text"], "Ann said");
        assert!(mentions[1].get("phrase").is_none());
    }

    #[test]
    fn split_continuations() {
        let mut buf = Vec::new();
        write_record(&mut buf, &doc(), true).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        let a = v["attributions"].as_array().unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a[1]["content"][0]["text"], "“Bye.”");
        assert_eq!(a[1]["cue"].as_array().unwrap().len(), 0);
        assert_eq!(a[1]["continues"], 0);
    }
}
