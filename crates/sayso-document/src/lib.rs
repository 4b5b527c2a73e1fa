//! The document that flows through every sayso stage.
//!
//! A [`Document`] owns the original text and every layer the stages add to it: paragraphs,
//! sentences, tokens, part-of-speech tags, quotations, attributions and entities. All spans are Unicode
//! code-point offsets into the original text, end-exclusive ([`Span`]); the [`TextIndex`]
//! converts them to byte offsets so that stages can slice the UTF-8 text cheaply.

mod attribution;
mod document;
mod entity;
mod index;
pub mod kind;
pub mod paragraphs;
mod span;
mod token;

pub use attribution::{Attribution, AttributionKind, Quote, QuoteRole, QuoteStyle};
pub use document::{Document, DocumentError, Metadata, MAX_DOCUMENT_CHARS};
pub use entity::{Entity, EntityKind, Venue, VenueKind};
pub use index::TextIndex;
pub use span::Span;
pub use token::{Token, TokenKind, Upos};
