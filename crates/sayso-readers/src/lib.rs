//! Stage 1 of the pipeline: input readers (text, dated text, JSONL, HTML, WARC; gzipped or
//! not; files, folders, manifests, stdin).
//!
//! Every reader yields `Result<Document, ReadError>` per document, so one bad record is reported
//! (naming the file, the record and the problem) while the others are read on.

pub mod census;
pub mod conllu;
mod error;
pub mod gold;
mod html;
mod inputs;
mod jsonl;
mod text;
pub mod warc;
pub mod wordnet;

pub use error::ReadError;
pub use html::Page;
pub use inputs::{input_size, read_inputs, read_manifest, Input, InputFormat, Inputs, ReadOptions};
pub use jsonl::{parse_record, JsonlFields};
pub use text::{parse_dated, read_text_document};

pub type ReadResult = Result<sayso_document::Document, ReadError>;
