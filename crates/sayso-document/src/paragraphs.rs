//! Paragraph segmentation: news text puts one paragraph on a line, or separates hard-wrapped
//! paragraphs with blank lines. Quote continuation and speaker carry-over depend on it.

use crate::Span;

/// Paragraph spans (trimmed of surrounding white space) of `text`.
///
/// When the text has blank lines and most of its lines are hard-wrapped (short and followed by
/// another non-blank line), a paragraph is a block between blank lines; otherwise every
/// non-blank line is a paragraph.
pub fn segment(text: &str) -> Vec<Span> {
    let lines = lines_with_char_offsets(text);
    let wrapped = is_hard_wrapped(&lines);
    let mut paragraphs = Vec::new();
    let mut open: Option<Span> = None;
    for line in &lines {
        match (line.blank, wrapped) {
            (true, _) => {
                if let Some(p) = open.take() {
                    paragraphs.push(p);
                }
            }
            (false, true) => {
                open = Some(match open {
                    Some(p) => p.cover(line.content),
                    None => line.content,
                })
            }
            (false, false) => paragraphs.push(line.content),
        }
    }
    paragraphs.extend(open);
    paragraphs
}

struct Line {
    /// The line without leading and trailing white space.
    content: Span,
    blank: bool,
    chars: u32,
}

fn lines_with_char_offsets(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut ch: u32 = 0;
    for raw in text.split_inclusive('\n') {
        let n = raw.chars().count() as u32;
        let lead = raw.chars().take_while(|c| c.is_whitespace()).count() as u32;
        let trail = raw.chars().rev().take_while(|c| c.is_whitespace()).count() as u32;
        let blank = lead >= n;
        let content = if blank {
            Span::new(ch, ch)
        } else {
            Span::new(ch + lead, ch + n - trail)
        };
        lines.push(Line {
            content,
            blank,
            chars: n,
        });
        ch += n;
    }
    lines
}

fn is_hard_wrapped(lines: &[Line]) -> bool {
    let has_blank = lines.iter().any(|l| l.blank);
    if !has_blank {
        return false;
    }
    // A line followed by a non-blank line inside a block, and short, looks wrapped.
    let mut followed = 0usize;
    let mut short_followed = 0usize;
    for pair in lines.windows(2) {
        if !pair[0].blank && !pair[1].blank {
            followed += 1;
            if pair[0].chars <= 100 {
                short_followed += 1;
            }
        }
    }
    let non_blank = lines.iter().filter(|l| !l.blank).count();
    followed * 2 >= non_blank && short_followed * 10 >= followed * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        segment(text)
            .into_iter()
            .map(|s| {
                text.chars()
                    .skip(s.start as usize)
                    .take(s.len() as usize)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        assert_eq!(
            texts("  One.\n\nTwo “x”.\nThree\n"),
            ["One.", "Two “x”.", "Three"]
        );
    }

    #[test]
    fn hard_wrapped_blocks() {
        let t = "A line that was\nwrapped here.\n\nSecond block\nalso wrapped\nthrice.\n";
        assert_eq!(
            texts(t),
            [
                "A line that was\nwrapped here.",
                "Second block\nalso wrapped\nthrice."
            ]
        );
    }

    #[test]
    fn empty_and_blank() {
        assert!(segment("").is_empty());
        assert!(segment(" \n\n \t").is_empty());
    }
}
