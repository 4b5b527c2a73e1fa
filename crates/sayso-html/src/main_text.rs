//! Main-text extraction: the page's article as paragraphs, without menus, footers, comments,
//! share bars and related links.
//!
//! One pass over the parsed tree cuts the visible text into blocks at block-level elements,
//! leaving out elements that are boilerplate by tag, role, visibility or class/id (unless they
//! hold most of the page's text, or their names say they are the article body). Each block
//! scores its non-link characters minus a penalty for link text. The article is the element
//! whose best run of consecutive children scores highest (Kadane's maximum-sum run, kept as the
//! walk closes each child, so a share bar or link list at its end does not lose it to a single
//! paragraph); its blocks that are not mostly links, outside children that score below zero,
//! are the text. If class-based pruning leaves almost nothing, the page is read again without
//! it.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

/// Lines shorter than this at the end of the article are dropped.
const TRAILING_LINE_CHARS: usize = 60;

/// Lines shorter than this (headings apart) count little and do not open the article.
const SHORT_LINE_CHARS: usize = 25;

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
        let weight = if self.is_short() { 0.3 } else { 1.0 };
        own * weight - 2.0 * self.link_chars as f64
    }

    /// A line too short to be prose that is not a heading: a label, a date, a byline.
    fn is_short(&self) -> bool {
        self.chars < SHORT_LINE_CHARS && !self.heading
    }

    /// A short line ending in a colon ("Read more:", "Mehr zum Thema:") introduces what
    /// follows, as a heading does.
    fn is_label(&self) -> bool {
        self.chars <= 40 && self.text.ends_with(':')
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

thread_local! {
    /// The text sizes of the last page, kept for the next one: a fresh table per page costs
    /// more in page faults than filling it does.
    static TEXT_SIZES: std::cell::Cell<Vec<u32>> = const { std::cell::Cell::new(Vec::new()) };
}

fn extract(html: &Html, prune_by_class: bool) -> String {
    let mut text_sizes = TEXT_SIZES.take();
    element_text_sizes(html, &mut text_sizes);
    let page_text = text_sizes.first().copied().unwrap_or(0);
    let mut walker = Walker {
        prune_by_class,
        text_sizes,
        page_text,
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
    let text = walker.best_text();
    TEXT_SIZES.set(walker.text_sizes);
    text
}

/// The visible text bytes under each element, elements in document order.
fn element_text_sizes(html: &Html, sizes: &mut Vec<u32>) {
    sizes.clear();
    // Each open element's slot in `sizes` and the text bytes seen before it opened.
    let mut open: Vec<(usize, u32)> = Vec::new();
    let (mut seen, mut hidden) = (0u32, 0);
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    hidden += NEVER_SHOWN.contains(&el.name()) as usize;
                    open.push((sizes.len(), seen));
                    sizes.push(0);
                }
                Node::Text(text) if hidden == 0 => {
                    seen = seen.saturating_add(text.trim().len() as u32)
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    hidden -= NEVER_SHOWN.contains(&el.name()) as usize;
                    if let Some((slot, before)) = open.pop() {
                        sizes[slot] = seen - before;
                    }
                }
            }
        }
    }
}

/// Elements whose text is never on the page.
const NEVER_SHOWN: &[&str] = &["head", "script", "style", "noscript", "template"];

#[derive(Default)]
struct Walker {
    prune_by_class: bool,
    /// [`element_text_sizes`], and which element the walk is at.
    text_sizes: Vec<u32>,
    element: usize,
    page_text: u32,
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

/// An element's range of blocks, its summed score, and the score of its best run of
/// consecutive children: the article is the element whose best run scores highest.
#[derive(Clone, Copy)]
struct Candidate {
    score: f64,
    best_run: f64,
    first: usize,
    end: usize,
}

struct Frame {
    skipped: bool,
    block: bool,
    link: bool,
    article: bool,
    first_block: usize,
    /// The score of the best run of consecutive children (child elements and own blocks) so
    /// far, and of the run that ends at the last child.
    best_run: f64,
    open_run: f64,
}

impl Frame {
    /// Extends the runs by the next child's score (Kadane's maximum-sum subarray, kept online).
    fn add_child(&mut self, score: f64) {
        self.open_run = self.open_run.max(0.0) + score;
        self.best_run = self.best_run.max(self.open_run);
    }
}

impl Walker {
    fn open(&mut self, el: ElementRef) {
        let name = el.value().name();
        let text_size = self.text_sizes.get(self.element).copied().unwrap_or(0);
        self.element += 1;
        let skipped = self.skipping > 0 || self.is_boilerplate(el, name, text_size);
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
            best_run: f64::NEG_INFINITY,
            open_run: 0.0,
        });
    }

    fn close(&mut self) {
        if self.frames.last().is_some_and(|f| f.block) {
            self.flush();
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
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
                best_run: frame.best_run,
                first: frame.first_block,
                end,
            });
            if let Some(parent) = self.frames.last_mut() {
                parent.add_child(score);
            }
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
            let score = block.score();
            self.prefix.push(last + score);
            if let Some(frame) = self.frames.last_mut() {
                frame.add_child(score);
            }
            self.blocks.push(block);
        }
        self.current.clear();
        self.current_link_chars = 0;
    }

    fn best_text(&self) -> String {
        // On a tie the inner element wins: it closed first.
        let Some(best) = self.candidates.iter().copied().reduce(|best, c| {
            if best.best_run >= c.best_run {
                best
            } else {
                c
            }
        }) else {
            return String::new();
        };
        let (mut first, mut end) = (best.first, best.end);
        // Short lines after the last paragraph are sign-offs, share prompts and labels.
        while end > first + 1 && self.blocks[end - 1].chars < TRAILING_LINE_CHARS {
            end -= 1;
        }
        // Short lines before it that are not headings are breadcrumbs, section names, dates.
        while end > first + 1 && self.blocks[first].is_short() {
            first += 1;
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
                // A label whose next line is left out introduced that line.
                if blocks[k].is_label() && !keep.get(k + 1).copied().unwrap_or(false) {
                    keep[k] = false;
                }
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

    fn is_boilerplate(&self, el: ElementRef, name: &str, text_size: u32) -> bool {
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
        // A class name is a weaker sign than a tag: layouts name the wrapper of the whole page
        // "has-sidebar" or "modal-enabled", and page builders call every box a "widget".
        let holds_most_text = u64::from(text_size) * 2 > u64::from(self.page_text);
        if !self.prune_by_class
            || holds_most_text
            || matches!(name, "html" | "body" | "article" | "main")
        {
            return false;
        }
        let named_boilerplate = value.attr("class").is_some_and(names_boilerplate)
            || value.attr("id").is_some_and(names_boilerplate);
        named_boilerplate && !names_article_body(value)
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

/// Words that mark an element as boilerplate when they are a part of a class or id name
/// between '-' and '_' ("tl-ad-heading").
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
    "donation",
    "disclosure",
    "credit",
    "credits",
    "toc",
    "app",
    "bio",
];

/// Words distinctive enough to mark boilerplate anywhere in a class or id name
/// ("BorlabsCookie", "NewsletterModule").
const BOILERPLATE_INFIXES: &[&str] = &["cookie", "sidebar", "newsletter", "related"];

fn names_boilerplate(names: &str) -> bool {
    names.split_ascii_whitespace().any(|name| {
        let bytes = name.as_bytes();
        let holds = |w: &str| {
            bytes
                .windows(w.len())
                .any(|window| window.eq_ignore_ascii_case(w.as_bytes()))
        };
        if BOILERPLATE_INFIXES.iter().any(|w| holds(w)) {
            return true;
        }
        name.split(['-', '_'])
            .any(|p| BOILERPLATE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(p)))
    })
}

/// Class and id names (lowercased, without '-' and '_') that content-management systems give
/// the article body.
const BODY_NAMES: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "entrycontent",
    "postcontent",
    "posttext",
    "postbody",
    "storybody",
    "storycontent",
    "storytext",
];

fn names_article_body(el: &scraper::node::Element) -> bool {
    if el.attr("itemprop") == Some("articleBody") {
        return true;
    }
    [el.attr("class"), el.attr("id")]
        .into_iter()
        .flatten()
        .flat_map(str::split_ascii_whitespace)
        .any(|name| {
            let squeezed: String = name
                .chars()
                .filter(|c| *c != '-' && *c != '_')
                .map(|c| c.to_ascii_lowercase())
                .collect();
            BODY_NAMES.iter().any(|b| squeezed.contains(b))
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

    const PROSE: &str =
        "The council voted on Tuesday to build the new pier, and work starts in spring.";

    fn extract_page(body: &str) -> String {
        main_text(&Html::parse_document(&format!(
            "<html><body>{body}</body></html>"
        )))
    }

    fn links(n: usize) -> String {
        (0..n)
            .map(|k| {
                format!("<li><a href=\"/s{k}\">Another story about the harbor, number {k}</a></li>")
            })
            .collect()
    }

    #[test]
    fn a_link_list_closing_the_article_does_not_lose_it_to_one_paragraph() {
        let page = format!(
            "<div class=\"entry\"><p><a href=\"/a\">Ann Lee</a>, the mayor, spoke first.</p>\
             <p>{PROSE} {PROSE}</p><p>Work starts in spring.</p><p>{PROSE}</p>\
             <ul>{}</ul></div>",
            links(12)
        );
        let text = extract_page(&page);
        assert!(
            text.starts_with("Ann Lee, the mayor, spoke first."),
            "{text}"
        );
        assert!(text.contains("Work starts in spring."), "{text}");
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn a_wrapper_named_like_a_sidebar_is_kept_when_it_holds_most_text() {
        let page = format!(
            "<div class=\"layout has-sidebar\"><p>{PROSE}</p><p>{PROSE}</p>\
             <div class=\"sidebar\"><p>Opening hours of the harbor office: Monday to Friday, nine to five.</p></div>\
             <p>{PROSE}</p><p>{PROSE}</p></div>"
        );
        let text = extract_page(&page);
        assert_eq!(text.lines().count(), 4, "{text}");
        assert!(!text.contains("Opening hours"), "{text}");
    }

    #[test]
    fn a_box_named_as_the_article_body_is_kept_whatever_else_it_is_called() {
        let teaser = "A short teaser line about the weather that runs long enough.";
        let page = format!(
            "<div class=\"teasers\"><p>{teaser} {teaser}</p><p>{teaser} {teaser}</p></div><ul>{}</ul>\
             <div class=\"menu-list\"><p>{}</p></div>\
             <div class=\"elementor-widget elementor-widget-theme-post-content\">\
             <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>",
            links(10),
            teaser.repeat(10)
        );
        let text = extract_page(&page);
        assert!(text.starts_with(PROSE), "{text}");
        assert!(!text.contains("teaser"), "{text}");
    }

    #[test]
    fn labels_go_with_their_link_lists_and_short_lines_do_not_open_the_article() {
        let page = format!(
            "<div class=\"story\"><p>Politics</p><h1>Council backs the pier</h1>\
             <p>{PROSE}</p><p>{PROSE}</p><p>More on the topic:</p><ul>{}</ul><p>{PROSE}</p></div>",
            links(3)
        );
        let text = extract_page(&page);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            ["Council backs the pier", PROSE, PROSE, PROSE],
            "{text}"
        );
    }

    #[test]
    fn boilerplate_words_are_found_in_any_part_of_a_name() {
        assert!(names_boilerplate("tl-ad-heading"));
        assert!(names_boilerplate("x BorlabsCookie"));
        assert!(names_boilerplate("article-related-links"));
        assert!(!names_boilerplate("shadow-box headline"));
        assert!(!names_boilerplate("article-body"));
    }

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
