//! Main-text extraction: the page's article as paragraphs, without menus, footers, comments,
//! share bars and related links.
//!
//! One pass over the parsed tree cuts the visible text into blocks at block-level elements,
//! leaving out elements that are boilerplate by tag, role, visibility or class/id. Each block
//! scores its non-link characters minus a penalty for link text, and the element whose blocks
//! sum highest (prefix sums make that O(1) per element) is the article; its blocks that are not
//! mostly links are the text. If class-based pruning leaves almost nothing, the page is read
//! again without it (some sites name their whole layout "sidebar-something").

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

/// Lines shorter than this at the end of the article are dropped.
const TRAILING_LINE_CHARS: usize = 60;

/// One paragraph-like piece of visible text.
#[derive(Debug)]
struct Block {
    text: String,
    chars: usize,
    link_chars: usize,
    heading: bool,
}

impl Block {
    fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.chars.max(1) as f64
    }

    /// What the block adds to the score of an element containing it: prose counts, link text
    /// counts against, short lines (bylines, dates, labels) count little.
    fn score(&self) -> f64 {
        let own = (self.chars - self.link_chars) as f64;
        let weight = if self.chars < 25 && !self.heading {
            0.3
        } else {
            1.0
        };
        own * weight - 2.0 * self.link_chars as f64
    }

    fn kept(&self) -> bool {
        self.link_density() <= 0.5
    }
}

/// Paragraphs of the main text of `html`, one per line.
pub fn main_text(html: &Html) -> String {
    let text = extract(html, true);
    if text.chars().count() >= 250 {
        return text;
    }
    let loose = extract(html, false);
    if loose.len() > text.len() {
        loose
    } else {
        text
    }
}

fn extract(html: &Html, prune_by_class: bool) -> String {
    let mut walker = Walker {
        prune_by_class,
        prefix: vec![0.0],
        ..Walker::default()
    };
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(_) => walker.open(ElementRef::wrap(node).expect("element node")),
                Node::Text(text) => walker.text(text),
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    walker.close();
                }
            }
        }
    }
    walker.flush();
    walker.best_text()
}

#[derive(Default)]
struct Walker {
    prune_by_class: bool,
    frames: Vec<Frame>,
    skipping: usize,
    in_link: usize,
    in_article: usize,
    current: String,
    current_link_chars: usize,
    current_heading: bool,
    blocks: Vec<Block>,
    /// `prefix[i]` is the summed score of `blocks[..i]`.
    prefix: Vec<f64>,
    /// Every element with text, as its score and range of blocks.
    candidates: Vec<Candidate>,
}

#[derive(Clone, Copy)]
struct Candidate {
    score: f64,
    first: usize,
    end: usize,
}

struct Frame {
    skipped: bool,
    block: bool,
    link: bool,
    article: bool,
    first_block: usize,
}

impl Walker {
    fn open(&mut self, el: ElementRef) {
        let name = el.value().name();
        let skipped = self.skipping > 0 || self.is_boilerplate(el, name);
        let block = is_block(name);
        if block || name == "br" {
            self.flush();
        }
        if is_heading(name) {
            self.current_heading = true;
        }
        let link = name == "a";
        let article = name == "article" || name == "main";
        if skipped {
            self.skipping += 1;
        }
        self.in_link += link as usize;
        self.in_article += article as usize;
        self.frames.push(Frame {
            skipped,
            block,
            link,
            article,
            first_block: self.blocks.len(),
        });
    }

    fn close(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if frame.block {
            self.flush();
        }
        self.in_link -= frame.link as usize;
        self.in_article -= frame.article as usize;
        if frame.skipped {
            self.skipping -= 1;
            return;
        }
        let end = self.blocks.len();
        if end > frame.first_block {
            let score = self.prefix[end] - self.prefix[frame.first_block];
            self.candidates.push(Candidate {
                score,
                first: frame.first_block,
                end,
            });
        }
    }

    fn text(&mut self, text: &str) {
        if self.skipping > 0 {
            return;
        }
        let mut added = 0;
        for word in text.split_whitespace() {
            let pending_space =
                !self.current.is_empty() && (text.starts_with(char::is_whitespace) || added > 0);
            if pending_space && !self.current.ends_with(' ') {
                self.current.push(' ');
            }
            self.current.push_str(word);
            if self.in_link > 0 {
                self.current_link_chars += word.chars().count();
            }
            added += 1;
        }
        if added > 0 && text.ends_with(char::is_whitespace) {
            self.current.push(' ');
        }
    }

    fn flush(&mut self) {
        let heading = std::mem::take(&mut self.current_heading);
        let trimmed = self.current.trim();
        if !trimmed.is_empty() {
            let chars = trimmed.chars().count();
            let block = Block {
                text: trimmed.to_string(),
                chars,
                link_chars: self.current_link_chars.min(chars),
                heading,
            };
            let last = *self.prefix.last().expect("prefix starts with 0");
            self.prefix.push(last + block.score());
            self.blocks.push(block);
        }
        self.current.clear();
        self.current_link_chars = 0;
    }

    fn best_text(&self) -> String {
        let Some(best) = self
            .candidates
            .iter()
            .copied()
            .max_by(|a, b| a.score.total_cmp(&b.score))
        else {
            return String::new();
        };
        let (first, mut end) = (best.first, best.end);
        // Short lines after the last paragraph are sign-offs, share prompts and labels.
        while end > first + 1 && self.blocks[end - 1].chars < TRAILING_LINE_CHARS {
            end -= 1;
        }
        // Inside the article, an element whose text scores below zero (mostly links: share
        // bars, tag lists, "read more" boxes) is left out whole.
        let mut dropped = vec![false; end - first];
        for c in &self.candidates {
            let inside = c.first >= first && c.end <= end && (c.first, c.end) != (first, best.end);
            if inside && c.score < 0.0 {
                dropped[c.first - first..c.end - first].fill(true);
            }
        }
        let blocks = &self.blocks[first..end];
        let mut keep: Vec<bool> = blocks
            .iter()
            .zip(&dropped)
            .map(|(b, d)| b.kept() && !d)
            .collect();
        // A heading over a section that keeps no text ("Related articles" over a list of
        // links, "Comments" over a form) goes with its section; one directly over another
        // heading (a title over its subtitle) stays, unless no text follows at all.
        let (mut section_blocks, mut section_has_text, mut text_after) = (0, false, false);
        for k in (0..blocks.len()).rev() {
            // A heading that is itself left out (a linked teaser title) is part of a section.
            if blocks[k].heading && keep[k] {
                let empty_section = section_blocks > 0 && !section_has_text;
                if empty_section || !text_after {
                    keep[k] = false;
                }
                (section_blocks, section_has_text) = (0, false);
            } else {
                section_blocks += 1;
                section_has_text |= keep[k];
                text_after |= keep[k];
            }
        }
        let mut out = String::new();
        for (block, _) in blocks.iter().zip(&keep).filter(|(_, k)| **k) {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&block.text);
        }
        out
    }

    fn is_boilerplate(&self, el: ElementRef, name: &str) -> bool {
        if SKIPPED_TAGS.contains(&name) || (name == "header" && self.in_article == 0) {
            return true;
        }
        let value = el.value();
        if value.attr("hidden").is_some()
            || value.attr("aria-hidden") == Some("true")
            || value.attr("style").is_some_and(hides)
            || value
                .attr("role")
                .is_some_and(|r| SKIPPED_ROLES.contains(&r))
        {
            return true;
        }
        if !self.prune_by_class || matches!(name, "html" | "body" | "article" | "main") {
            return false;
        }
        value.attr("class").is_some_and(names_boilerplate)
            || value.attr("id").is_some_and(names_boilerplate)
    }
}

const SKIPPED_TAGS: &[&str] = &[
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "nav",
    "footer",
    "aside",
    "button",
    "select",
    "option",
    "textarea",
    "input",
    "figure",
    "figcaption",
    "menu",
    "dialog",
];

const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "search",
];

/// Words that mark an element as boilerplate when a class or id name starts or ends with them.
const BOILERPLATE_WORDS: &[&str] = &[
    "comment",
    "comments",
    "sidebar",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "consent",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "banner",
    "promo",
    "popup",
    "modal",
    "widget",
    "pagination",
    "pager",
    "toolbar",
    "masthead",
    "disqus",
    "outbrain",
    "taboola",
    "recommended",
    "recirculation",
    "tags",
    "skip",
    "byline",
    "author",
    "meta",
    "caption",
    "copyright",
    "print",
    "signup",
];

fn names_boilerplate(names: &str) -> bool {
    names.split_ascii_whitespace().any(|name| {
        let mut parts = name.split(['-', '_']).filter(|p| !p.is_empty());
        let first = parts.next();
        let last = parts.next_back();
        [first, last]
            .into_iter()
            .flatten()
            .any(|p| BOILERPLATE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(p)))
    })
}

fn hides(style: &str) -> bool {
    let squeezed: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "section"
            | "article"
            | "main"
            | "header"
            | "address"
            | "center"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
            | "body"
            | "html"
            | "hr"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_go_with_sections_that_keep_no_text() {
        let prose =
            "The council voted on Tuesday to build the new pier, and work starts in spring.";
        let page = format!(
            "<html><body><div class=\"story\"><h1>Council backs the pier</h1><h2>Work starts in spring</h2>\
             <p>{prose}</p><p>{prose}</p><p>{prose}</p>\
             <h2>Related stories</h2><ul><li><a href=\"/a\">Ferry fares rise again this winter</a></li>\
             <li><a href=\"/b\">Harbor dredging plan delayed by a year</a></li></ul>\
             <h3>More from the harbor</h3></div></body></html>"
        );
        let text = main_text(&Html::parse_document(&page));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[..2],
            ["Council backs the pier", "Work starts in spring"],
            "{text}"
        );
        assert_eq!(lines.len(), 5, "{text}");
        assert!(
            !text.contains("Related stories") && !text.contains("More from"),
            "{text}"
        );
    }
}
