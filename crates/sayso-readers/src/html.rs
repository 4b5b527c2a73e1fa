//! Web pages: an HTML file or a WARC response becomes a document of its main text, with the
//! page's title, date, outlet and URL.

use crate::error::ReadError;
use crate::ReadResult;
use sayso_document::Document;

/// A page read from its file or record but not yet made a document: turning HTML into text is
/// the costly part of reading, so corpus runs leave it to their workers.
#[derive(Debug)]
pub struct Page {
    pub id: String,
    pub origin: String,
    pub url: Option<String>,
    pub charset: Option<String>,
    pub fallback_date: Option<String>,
    pub bytes: Vec<u8>,
}

impl Page {
    pub fn into_document(self) -> ReadResult {
        let article =
            sayso_html::read_article(&self.bytes, self.url.as_deref(), self.charset.as_deref());
        if article.text.trim().is_empty() {
            return Err(ReadError::Field {
                origin: self.origin,
                message: "no main text found in the page".into(),
            });
        }
        let date = article.date.or(self.fallback_date);
        let mut doc = Document::new(self.id, article.text)
            .and_then(|d| d.with_date(date))
            .map_err(|e| ReadError::Document {
                origin: self.origin.clone(),
                source: e,
            })?;
        doc.meta.url = article.url;
        doc.meta.outlet = article
            .outlet
            .or_else(|| self.url.as_deref().and_then(host_of));
        doc.meta.title = article.title;
        doc.meta.origin = Some(self.origin);
        Ok(doc)
    }
}

/// The host of a URL, without `www.`, as the outlet of last resort.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_to_document() {
        let page = br#"<html><head><title>T</title></head><body><nav><a href=/>Home</a></nav>
            <article><h1>Minister resigns</h1><p>The minister resigned on Tuesday, officials said, after a week of pressure from her own party.</p>
            <p>"I have no regrets," she told reporters outside the ministry.</p></article>
            <footer>Copyright</footer></body></html>"#;
        let doc = Page {
            id: "p1".into(),
            origin: "p1.html".into(),
            url: Some("https://www.news.example/a".into()),
            charset: None,
            fallback_date: Some("2024-01-02".into()),
            bytes: page.to_vec(),
        }
        .into_document()
        .unwrap();
        assert_eq!(
            doc.text(),
            "Minister resigns\nThe minister resigned on Tuesday, officials said, after a week of pressure from her own party.\n\"I have no regrets,\" she told reporters outside the ministry."
        );
        assert_eq!(doc.date.as_deref(), Some("2024-01-02"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("news.example"));
        assert_eq!(doc.meta.title.as_deref(), Some("Minister resigns"));
        assert_eq!(doc.paragraphs.len(), 3);
    }

    #[test]
    fn empty_page_is_a_named_error() {
        let page = Page {
            id: "x".into(),
            origin: "x.html".into(),
            url: None,
            charset: None,
            fallback_date: None,
            bytes: b"<html><body><nav>Menu</nav></body></html>".to_vec(),
        };
        let err = page.into_document().unwrap_err();
        assert_eq!(err.to_string(), "x.html: no main text found in the page");
    }
}
