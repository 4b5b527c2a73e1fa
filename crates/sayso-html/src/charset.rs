//! Bytes of a page to text: a byte-order mark, then the charset the server or the page declares,
//! then UTF-8 if the bytes are valid UTF-8, then statistical detection (crawls hold legacy pages).

use encoding_rs::{Encoding, UTF_8};
use memchr::memmem;

/// Decodes `bytes`; `declared` is a charset label from outside the page (an HTTP Content-Type).
/// Returns the text and the name of the encoding used.
pub fn decode_html(bytes: &[u8], declared: Option<&str>) -> (String, &'static str) {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())))
        // A page that says it is UTF-16 in its own ASCII bytes is not (the HTML standard reads
        // it as UTF-8); a BOM or an HTTP header saying so is believed.
        .or_else(|| meta_charset(bytes).map(Encoding::output_encoding))
        // Archived and templated pages declare UTF-8 around a body in a legacy encoding.
        .filter(|e| *e != UTF_8 || mostly_utf8(bytes))
        .unwrap_or_else(|| sniff(bytes));
    let (text, used, _) = encoding.decode(bytes);
    (text.into_owned(), used.name())
}

/// Whether the non-ASCII bytes of `bytes` are, for the most part, well-formed UTF-8 (a stray
/// bad byte in a UTF-8 page does not make it another encoding).
fn mostly_utf8(bytes: &[u8]) -> bool {
    if std::str::from_utf8(bytes).is_ok() {
        return true;
    }
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    bad * 10 <= good
}

fn sniff(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

/// The charset of a `<meta charset>` or `<meta http-equiv content="...; charset=...">` in the
/// first 4 KiB (where the HTML standard's prescan looks, with some slack).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = memmem::find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.')))
            .map_or(lower.len(), |p| i + p);
        if let Some(e) = Encoding::for_label(&lower[i..end]) {
            return Some(e);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_meta_charset_is_used() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        let (text, name) = decode_html(page, None);
        assert!(text.contains("café"));
        assert_eq!(name, "windows-1252");
    }

    #[test]
    fn http_equiv_and_header_label() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\xcf\xf0\xe8";
        assert!(decode_html(page, None).0.ends_with("При"));
        assert_eq!(decode_html(b"\xe9t\xe9", Some("latin1")).0, "été");
    }

    #[test]
    fn undeclared_utf8_and_legacy_bytes() {
        assert_eq!(
            decode_html("naïve".as_bytes(), None),
            ("naïve".to_string(), "UTF-8")
        );
        let legacy =
            b"Le gouvernement a d\xe9cid\xe9 que l'\xe9t\xe9 serait long et tr\xe8s chaud.";
        assert!(decode_html(legacy, None).0.contains("décidé"));
    }

    #[test]
    fn declared_utf8_contradicted_by_the_bytes_is_detected() {
        let page = b"<meta charset=\"utf-8\"><p>Le gouvernement a d\xe9cid\xe9 que l'\xe9t\xe9 serait long et tr\xe8s chaud.</p>";
        assert!(decode_html(page, None).0.contains("décidé"));
        let mut stray = b"<meta charset=\"utf-8\"><p>".to_vec();
        stray.extend_from_slice("Déjà vu à Genève, été très chaud, ".repeat(3).as_bytes());
        stray.push(0xe9);
        assert!(decode_html(&stray, None).0.contains("Déjà vu à Genève"));
    }

    #[test]
    fn bom_wins() {
        let mut page = vec![0xef, 0xbb, 0xbf];
        page.extend_from_slice(b"<meta charset=latin1>\xc3\xa9");
        assert!(decode_html(&page, None).0.ends_with('é'));
    }
}
