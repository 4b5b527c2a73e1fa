//! Slims a page before it is parsed: drops the bodies of `<script>` and `<style>` elements and
//! the attributes nothing downstream reads.
//!
//! Script and style bodies are two fifths of a news page's bytes and attributes most of the
//! rest of its markup (image sources, `srcset`, `data-*`, SVG paths, link targets); the parser
//! copies every character of them into the tree, and nothing reads them except JSON-LD scripts
//! (kept), the few attributes in [`READ_ATTRIBUTES`] and the ones the tree builder itself reads
//! ([`shapes_the_tree`]). The scan follows the HTML tokenizer where it matters: a start tag is
//! read as the tokenizer reads it, and comments and the raw-text elements whose content may
//! mention `<script>` are copied as they are.

use std::borrow::Cow;

/// Elements whose content the tokenizer reads as text up to their own end tag, so a `<script`
/// inside them is not a tag.
const VERBATIM: [&str; 5] = ["title", "textarea", "xmp", "noscript", "iframe"];

/// The attributes the main-text and metadata readers look at (`href` only on `<link>`, for the
/// canonical URL).
const READ_ATTRIBUTES: [&str; 16] = [
    "class",
    "id",
    "hidden",
    "aria-hidden",
    "style",
    "role",
    "itemprop",
    "lang",
    "rel",
    "datetime",
    "type",
    "property",
    "name",
    "content",
    "charset",
    "http-equiv",
];

/// The page without the contents of its scripts (JSON-LD apart) and style sheets, and with
/// only the attributes that are read.
pub fn slimmed(html: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    // Bytes of `html` before `copied` are in `out` (or unchanged while `out` is `None`).
    let mut copied = 0;
    let mut at = 0;
    // One buffer for every tag's attributes.
    let mut attributes = Vec::new();
    while let Some(k) = html[at..].find('<') {
        let lt = at + k;
        let rest = &html[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            match comment.find("-->") {
                Some(end) => at = lt + 4 + end + 3,
                None => break,
            }
            continue;
        }
        if !rest.as_bytes().get(1).is_some_and(u8::is_ascii_alphabetic) {
            at = lt + 1;
            continue;
        }
        let Some(tag) = read_start_tag(rest, &mut attributes) else {
            break;
        };
        let element = &rest[1..tag.name_end];
        let count = attributes.len();
        attributes.retain(|a| is_read(element, &rest[a.start..a.name_end]));
        if attributes.len() < count {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
            out.push_str(&html[copied..lt]);
            write_start_tag(out, rest, &tag, &attributes);
            copied = lt + tag.len;
        }
        at = lt + tag.len;
        let Some(name) = raw_text_element(element) else {
            continue;
        };
        let close = find_end_tag(&html[at..], name).map(|k| at + k);
        let keep = VERBATIM.contains(&name)
            || (name == "script" && contains_ignoring_case(&rest[..tag.len], "ld+json"));
        if !keep {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
            out.push_str(&html[copied..at]);
            copied = close.unwrap_or(html.len());
        }
        match close {
            Some(close) => at = close,
            None => break,
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.push_str(&html[copied..]);
            Cow::Owned(out)
        }
    }
}

/// A start tag read as the HTML tokenizer reads it: its length up to and with its `>`, and the
/// end of its name.
struct StartTag {
    len: usize,
    name_end: usize,
    self_closing: bool,
}

/// An attribute of a start tag, as byte offsets into it: `start..end` all of it, `start..name_end`
/// its name.
struct Attribute {
    start: usize,
    name_end: usize,
    end: usize,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Reads the start tag at the beginning of `s` (`<` and a letter) and its attributes into
/// `attributes`; `None` when the page ends inside it. A quote opens a value only after `=`, and
/// a `>` anywhere else ends the tag.
fn read_start_tag(s: &str, attributes: &mut Vec<Attribute>) -> Option<StartTag> {
    attributes.clear();
    let b = s.as_bytes();
    let mut k = 1;
    while k < b.len() && !is_space(b[k]) && !matches!(b[k], b'/' | b'>') {
        k += 1;
    }
    let name_end = k;
    let mut self_closing = false;
    loop {
        // Before an attribute name.
        while k < b.len() && (is_space(b[k]) || b[k] == b'/') {
            self_closing = b[k] == b'/';
            k += 1;
        }
        match b.get(k)? {
            b'>' => break,
            _ => self_closing = false,
        }
        let start = k;
        // A name runs to a space, `/`, `>` or `=` (a leading `=` is part of it).
        k += 1;
        while k < b.len() && !is_space(b[k]) && !matches!(b[k], b'/' | b'>' | b'=') {
            k += 1;
        }
        let name_end = k;
        let mut end = k;
        while k < b.len() && is_space(b[k]) {
            k += 1;
        }
        if b.get(k) == Some(&b'=') {
            k += 1;
            while k < b.len() && is_space(b[k]) {
                k += 1;
            }
            match *b.get(k)? {
                q @ (b'"' | b'\'') => k += 1 + b[k + 1..].iter().position(|&c| c == q)? + 1,
                b'>' => {}
                _ => {
                    while k < b.len() && !is_space(b[k]) && b[k] != b'>' {
                        k += 1;
                    }
                }
            }
            end = k;
        }
        attributes.push(Attribute {
            start,
            name_end,
            end,
        });
    }
    Some(StartTag {
        len: k + 1,
        name_end,
        self_closing,
    })
}

/// Whether something downstream reads this attribute of this element.
fn is_read(element: &str, attribute: &str) -> bool {
    READ_ATTRIBUTES
        .iter()
        .any(|a| a.eq_ignore_ascii_case(attribute))
        || (attribute.eq_ignore_ascii_case("href") && element.eq_ignore_ascii_case("link"))
        || shapes_the_tree(element, attribute)
}

/// Writes the start tag at the beginning of `s` with only `attributes`.
fn write_start_tag(out: &mut String, s: &str, tag: &StartTag, attributes: &[Attribute]) {
    out.push_str(&s[..tag.name_end]);
    for a in attributes {
        out.push(' ');
        out.push_str(&s[a.start..a.end]);
    }
    if tag.self_closing {
        out.push('/');
    }
    out.push('>');
}

/// Attributes the HTML tree builder reads, so that the slimmed page parses into the same tree:
/// `<font color|face|size>` breaks out of SVG and MathML, and `<annotation-xml encoding>` makes
/// an HTML island inside MathML (`<input type>` is kept anyway).
fn shapes_the_tree(element: &str, attribute: &str) -> bool {
    let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    (is(element, "font") && ["color", "face", "size"].iter().any(|a| is(attribute, a)))
        || (is(element, "annotation-xml") && is(attribute, "encoding"))
}

/// The element's name when it is a script, a style sheet or an element whose content is
/// copied verbatim.
fn raw_text_element(element: &str) -> Option<&'static str> {
    ["script", "style"]
        .into_iter()
        .chain(VERBATIM)
        .find(|name| name.eq_ignore_ascii_case(element))
}

/// Where `</name` starts in `s`, in any letter case.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = s[from..].find("</") {
        let start = from + k;
        let after = &s.as_bytes()[start + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return Some(start);
        }
        from = start + 2;
    }
    None
}

fn contains_ignoring_case(s: &str, needle: &str) -> bool {
    s.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_style_bodies_go_and_json_ld_stays() {
        let page = "<head><STYLE>p{x:1}</style><script type='text/javascript'>if (a<b) {}</SCRIPT>\
                    <script type=\"application/ld+json\">{\"a\":1}</script></head><p>Hi</p>";
        assert_eq!(
            slimmed(page),
            "<head><STYLE></style><script type='text/javascript'></SCRIPT>\
             <script type=\"application/ld+json\">{\"a\":1}</script></head><p>Hi</p>"
        );
    }

    #[test]
    fn comments_and_verbatim_elements_are_not_read_as_tags() {
        let page = "<!-- <script> --><p>kept</p><title>on <script> tags</title><p>too</p>\
                    <script type='a>b'>gone</script>";
        assert_eq!(
            slimmed(page),
            "<!-- <script> --><p>kept</p><title>on <script> tags</title><p>too</p>\
             <script type='a>b'></script>"
        );
    }

    #[test]
    fn only_the_attributes_read_stay() {
        let page = "<div class=\"story\" data-x='{\"a\": 1}' ID=main><img src=a.jpg alt=\"x\"/>\
                    <a href=/x class=more>more</a><link rel=canonical href=\"https://a.b/c\">\
                    <br/><p hidden>";
        assert_eq!(
            slimmed(page),
            "<div class=\"story\" ID=main><img/><a class=more>more</a>\
             <link rel=canonical href=\"https://a.b/c\"><br/><p hidden>"
        );
    }

    #[test]
    fn a_tag_ends_where_the_tokenizer_ends_it() {
        // A quote opens a value only after "=": the apostrophe of an unquoted value does not
        // run the tag on over the next ones, and a ">" inside a quoted value does not end it.
        assert_eq!(
            slimmed("<img alt=Barisic's src=x><p class=a>One</p><i title='a>b' id=c>'"),
            "<img><p class=a>One</p><i id=c>'"
        );
        // A slash before ">" closes the tag; one before an attribute does not.
        assert_eq!(
            slimmed("<x / a=1 id=2><y a=1 /><z a=1/ >"),
            "<x id=2><y/><z>"
        );
    }

    #[test]
    fn pages_without_scripts_are_borrowed_and_broken_ones_do_not_panic() {
        assert!(matches!(slimmed("<p>plain</p><scripts>"), Cow::Borrowed(_)));
        // An unclosed script runs to the end of the page, as the parser would read it.
        assert_eq!(slimmed("<p>a</p><script>x<p>b"), "<p>a</p><script>");
        for page in [
            "<script",
            "<script a='>",
            "<!--",
            "<style>",
            "é<scriptß>",
            "<a b=",
            "<a b='",
            "<a =>",
            "<a b=é c>",
        ] {
            slimmed(page);
        }
    }
}
