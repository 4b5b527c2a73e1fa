use sayso_document::DocumentError;
use std::path::PathBuf;
use thiserror::Error;

/// Why one input (a file, or one record of a file) could not be read.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{origin}: not UTF-8 text (invalid byte sequence at byte {offset})")]
    NotUtf8 { origin: String, offset: usize },
    #[error("{origin}: looks like a binary file (NUL byte at byte {offset}), not text")]
    Binary { origin: String, offset: usize },
    #[error("{origin}: invalid JSON: {message}")]
    Json { origin: String, message: String },
    #[error("{origin}: {message}")]
    Field { origin: String, message: String },
    #[error("{origin}: {source}")]
    Document {
        origin: String,
        #[source]
        source: DocumentError,
    },
    #[error("{origin}: {message}")]
    Annotation { origin: String, message: String },
}

impl ReadError {
    /// Where the problem is: a path, or a path with a record number.
    pub fn origin(&self) -> String {
        match self {
            ReadError::Io { path, .. } => path.display().to_string(),
            ReadError::NotUtf8 { origin, .. }
            | ReadError::Binary { origin, .. }
            | ReadError::Json { origin, .. }
            | ReadError::Field { origin, .. }
            | ReadError::Document { origin, .. }
            | ReadError::Annotation { origin, .. } => origin.clone(),
        }
    }
}

/// Reads a file as text (see [`decode`]), with its path as the origin errors name: `(origin,
/// text)`.
pub(crate) fn read_text_file(path: &std::path::Path) -> Result<(String, String), ReadError> {
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let origin = path.display().to_string();
    let text = decode(&origin, bytes)?;
    Ok((origin, text))
}

/// Checks that bytes are text: no NUL byte near the start, valid UTF-8 throughout.
pub(crate) fn decode(origin: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(offset) = head.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary {
            origin: origin.to_string(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        origin: origin.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}
