//! Stage 1 of the pipeline: input readers.
//!
//! Every reader yields `Result<Document, ReadError>` per document, so one bad record is reported
//! (naming the file, the record and the problem) while the others are read on.

pub mod conllu;
mod error;
pub mod gold;
mod inputs;
mod jsonl;
mod text;

pub use error::ReadError;
pub use inputs::{read_inputs, InputFormat, Inputs, ReadOptions};
pub use jsonl::{parse_record, JsonlFields};
pub use text::{parse_dated, read_text_document};

pub type ReadResult = Result<sayso_document::Document, ReadError>;
