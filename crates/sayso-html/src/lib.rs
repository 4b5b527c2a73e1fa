//! HTML pages to articles: the part of the input stage that turns a web page (a file, or a WARC
//! response record) into the text sayso reads, with paragraphs one per line, and the page's
//! title, publication date, outlet and URL.

mod charset;
mod main_text;
mod metadata;
mod prefilter;

pub use charset::decode_html;

use scraper::Html;

/// What sayso keeps of a web page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// Main text, one paragraph per line.
    pub text: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// The encoding the bytes were decoded with.
    pub encoding: &'static str,
}

/// Reads a page. `url` is where it came from (a WARC record's target URI), `charset` a label
/// declared outside the page (an HTTP Content-Type).
pub fn read_article(bytes: &[u8], url: Option<&str>, charset: Option<&str>) -> Article {
    let (html, encoding) = decode_html(bytes, charset);
    let page = Html::parse_document(&prefilter::slimmed(&html));
    let meta = metadata::metadata(&page, url);
    Article {
        text: main_text::main_text(&page),
        title: meta.title,
        date: meta.date,
        outlet: meta.outlet,
        url: meta.url,
        language: meta.language,
        encoding,
    }
}
