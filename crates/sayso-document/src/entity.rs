//! Entities: who the mentions of a document refer to, and where an attribution was made.

use crate::Span;
use serde::Serialize;

/// What kind of thing an entity is, as far as the entity stage can tell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    #[default]
    Unknown,
}

/// One entity of a document: its canonical name (the fullest proper name used, without
/// titles), its kind, the titles or roles it was given, and every mention of it (the words
/// that name it) with, when the document is parsed, the whole noun phrase of each ("the
/// directors of the libraries participating in ...").
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Entity {
    pub id: usize,
    pub name: String,
    pub kind: EntityKind,
    pub titles: Vec<String>,
    #[serde(skip)]
    pub mentions: Vec<Span>,
    /// Parallel to `mentions` when the document has a dependency parse, else empty.
    #[serde(skip)]
    pub phrases: Vec<Span>,
}

/// Where something was said.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VenueKind {
    Interview,
    Podcast,
    Broadcast,
    SocialMedia,
    Statement,
    Publication,
    Speech,
}

impl VenueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            VenueKind::Interview => "interview",
            VenueKind::Podcast => "podcast",
            VenueKind::Broadcast => "broadcast",
            VenueKind::SocialMedia => "social_media",
            VenueKind::Statement => "statement",
            VenueKind::Publication => "publication",
            VenueKind::Speech => "speech",
        }
    }
}

/// The venue of an attribution: the words that name it and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Venue {
    pub span: Span,
    pub kind: VenueKind,
}
