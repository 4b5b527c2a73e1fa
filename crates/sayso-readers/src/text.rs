//! Plain text and the dated-text form: a leading `date YYYY-MM-DD` header, then the article.

use crate::error::{decode, ReadError};
use crate::ReadResult;
use sayso_document::Document;

/// Splits a leading `date YYYY-MM-DD` header off `text`: returns the date and the article text
/// (with the white space around the header removed), or `None` when there is no header.
pub fn parse_dated(text: &str) -> Option<(&str, &str)> {
    let rest = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let after = rest.strip_prefix("date")?;
    let after = after.trim_start_matches([' ', '\t']);
    let date = after.get(..10)?;
    let b = date.as_bytes();
    let shaped = b.iter().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    if !shaped {
        return None;
    }
    let body = &after[10..];
    if !body.is_empty() && !body.starts_with(char::is_whitespace) {
        return None;
    }
    Some((date, body.trim_start()))
}

/// Builds a document from the bytes of one text file (or stdin), detecting the dated form when
/// `detect_dated` is set.
pub fn read_text_document(
    id: &str,
    origin: &str,
    bytes: Vec<u8>,
    detect_dated: bool,
) -> ReadResult {
    let text = decode(origin, bytes)?;
    let as_doc_error = |source| ReadError::Document {
        origin: origin.to_string(),
        source,
    };
    let mut doc = match parse_dated(&text).filter(|_| detect_dated) {
        Some((date, body)) => Document::new(id, body)
            .and_then(|d| d.with_date(Some(date.to_string())))
            .map_err(as_doc_error)?,
        None => Document::new(id, text).map_err(as_doc_error)?,
    };
    doc.meta.origin = Some(origin.to_string());
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_header() {
        assert_eq!(
            parse_dated(" date 2022-09-07 John said."),
            Some(("2022-09-07", "John said."))
        );
        assert_eq!(
            parse_dated("date 2022-09-07\n\nBody"),
            Some(("2022-09-07", "Body"))
        );
        assert_eq!(parse_dated("date 2022-09-07"), Some(("2022-09-07", "")));
        assert_eq!(parse_dated("dated 2022-09-07 x"), None);
        assert_eq!(parse_dated("date 2022-9-7 x"), None);
        assert_eq!(parse_dated("date 2022-09-071 x"), None);
        assert_eq!(parse_dated("The date 2022-09-07 x"), None);
    }

    #[test]
    fn errors_name_the_origin() {
        let err = read_text_document("a", "in/a.txt", vec![b'a', 0xff, b'b'], true).unwrap_err();
        assert_eq!(
            err.to_string(),
            "in/a.txt: not UTF-8 text (invalid byte sequence at byte 1)"
        );
        let err = read_text_document("b", "in/b.bin", vec![1, 0, 2], true).unwrap_err();
        assert!(err.to_string().contains("binary"));
        let err =
            read_text_document("c", "c.txt", b"date 2022-13-40 x".to_vec(), true).unwrap_err();
        assert!(err.to_string().starts_with("c.txt: date"));
    }

    #[test]
    fn empty_file_is_an_empty_document() {
        let doc = read_text_document("e", "e.txt", Vec::new(), true).unwrap();
        assert_eq!(doc.text(), "");
    }
}
