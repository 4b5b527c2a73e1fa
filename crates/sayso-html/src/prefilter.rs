//! Drops the bodies of `<script>` and `<style>` elements before the page is parsed.
//!
//! They are two fifths of a news page's bytes, the parser copies every character of them into
//! the tree, and nothing downstream reads them except JSON-LD scripts, which are kept. The
//! scan follows the HTML tokenizer where it matters for finding element ends: comments and the
//! raw-text elements whose content may mention `<script>` are copied as they are.

use std::borrow::Cow;

/// Elements whose content the tokenizer reads as text up to their own end tag, so a `<script`
/// inside them is not a tag.
const VERBATIM: [&str; 5] = ["title", "textarea", "xmp", "noscript", "iframe"];

/// The page without the contents of its scripts (JSON-LD apart) and style sheets.
pub fn without_script_bodies(html: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    // Bytes of `html` before `copied` are in `out` (or unchanged while `out` is `None`).
    let mut copied = 0;
    let mut at = 0;
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
        let Some(name) = open_tag_name(rest) else {
            at = lt + 1;
            continue;
        };
        let Some(tag_end) = tag_end(rest) else {
            break;
        };
        let body = lt + tag_end;
        let close = find_end_tag(&html[body..], name).map(|k| body + k);
        let keep = VERBATIM.contains(&name)
            || (name == "script" && contains_ignoring_case(&rest[..tag_end], "ld+json"));
        if !keep {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
            out.push_str(&html[copied..body]);
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

/// The element name when `s` starts with the start tag of a script, a style sheet or an
/// element whose content is copied verbatim.
fn open_tag_name(s: &str) -> Option<&'static str> {
    let b = s.as_bytes();
    ["script", "style"]
        .into_iter()
        .chain(VERBATIM)
        .find(|name| {
            let n = name.len();
            b.len() > n + 1
                && b[1..=n].eq_ignore_ascii_case(name.as_bytes())
                && matches!(
                    b[n + 1],
                    b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
                )
        })
}

/// The byte just after the `>` that ends the start tag at the beginning of `s` (quoted
/// attribute values may hold a `>`).
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (k, b) in s.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(k + 1),
            _ => {}
        }
    }
    None
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
            without_script_bodies(page),
            "<head><STYLE></style><script type='text/javascript'></SCRIPT>\
             <script type=\"application/ld+json\">{\"a\":1}</script></head><p>Hi</p>"
        );
    }

    #[test]
    fn comments_and_verbatim_elements_are_not_read_as_tags() {
        let page = "<!-- <script> --><p>kept</p><title>on <script> tags</title><p>too</p>\
                    <script data-x='a>b'>gone</script>";
        assert_eq!(
            without_script_bodies(page),
            "<!-- <script> --><p>kept</p><title>on <script> tags</title><p>too</p>\
             <script data-x='a>b'></script>"
        );
    }

    #[test]
    fn pages_without_scripts_are_borrowed_and_broken_ones_do_not_panic() {
        assert!(matches!(
            without_script_bodies("<p>plain</p><scripts>"),
            Cow::Borrowed(_)
        ));
        // An unclosed script runs to the end of the page, as the parser would read it.
        assert_eq!(
            without_script_bodies("<p>a</p><script>x<p>b"),
            "<p>a</p><script>"
        );
        for page in ["<script", "<script a='>", "<!--", "<style>", "é<scriptß>"] {
            without_script_bodies(page);
        }
    }
}
