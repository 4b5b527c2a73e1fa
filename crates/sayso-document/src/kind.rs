//! Direct, mixed or indirect, from the quotation marks of the content (the definition the
//! reference scorer uses, so that sayso's kinds and the evaluation's agree).

use crate::{AttributionKind, Span};

const OPEN_Q: &[char] = &['"', '“', '„', '«', '‘'];
const CLOSE_Q: &[char] = &['"', '”', '»', '’'];
const DOUBLE_Q: &[char] = &['"', '“', '”', '„', '‟', '«', '»'];
const TRAIL_PUNCT: &[char] = &[',', '.', ';', ':', '!', '?', '…', '—', '–', '-'];

/// Direct when every content span, widened to adjacent quotation marks, is wholly inside
/// quotes; mixed when quotation marks occur; indirect otherwise.
pub fn classify(chars: &[char], spans: &[Span]) -> AttributionKind {
    if spans.is_empty() {
        return AttributionKind::Indirect;
    }
    let n = chars.len();
    let mut pieces: Vec<&[char]> = Vec::with_capacity(spans.len());
    for sp in spans {
        let (mut s, mut e) = ((sp.start as usize).min(n), (sp.end as usize).min(n));
        if s >= e {
            continue;
        }
        if s > 0 && OPEN_Q.contains(&chars[s - 1]) && !OPEN_Q.contains(&chars[s]) {
            s -= 1;
        }
        let mut j = e;
        while j < n && TRAIL_PUNCT.contains(&chars[j]) && j - e < 3 {
            j += 1;
        }
        if j < n && CLOSE_Q.contains(&chars[j]) && !CLOSE_Q.contains(&chars[e - 1]) {
            e = j + 1;
        }
        pieces.push(trim(&chars[s..e]));
    }
    let any_double = pieces
        .iter()
        .any(|p| p.iter().any(|c| DOUBLE_Q.contains(c)));
    let any_single_wrap = pieces
        .iter()
        .any(|p| p.first() == Some(&'‘') && p.last() == Some(&'’'));
    if !any_double && !any_single_wrap {
        return AttributionKind::Indirect;
    }
    if pieces.iter().all(|p| wholly_quoted(p)) {
        AttributionKind::Direct
    } else {
        AttributionKind::Mixed
    }
}

fn trim(p: &[char]) -> &[char] {
    let a = p.iter().position(|c| !c.is_whitespace()).unwrap_or(p.len());
    let b = p
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(a, |i| i + 1);
    &p[a..b.max(a)]
}

fn wholly_quoted(p: &[char]) -> bool {
    if p.len() < 2 || !OPEN_Q.contains(&p[0]) || !CLOSE_Q.contains(&p[p.len() - 1]) {
        return false;
    }
    let inner = remove_paragraph_reopenings(&p[1..p.len() - 1]);
    if p[0] == '‘' {
        let ends_close = inner.last() == Some(&'’');
        let close_then_space = inner.windows(2).any(|w| w[0] == '’' && w[1] == ' ');
        return !close_then_space && !ends_close;
    }
    !inner.iter().any(|c| DOUBLE_Q.contains(c))
}

/// A quotation running over paragraphs reopens at each paragraph start: drop an optional
/// closing mark, then keep the white space with a newline, then drop the opening mark.
fn remove_paragraph_reopenings(inner: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        // Try to match [CLOSE]? (\s*\n\s*) [OPEN] at i.
        let mut j = i;
        if CLOSE_Q.contains(&inner[j]) {
            j += 1;
        }
        let ws_start = j;
        while j < inner.len() && inner[j].is_whitespace() {
            j += 1;
        }
        let ws = &inner[ws_start..j];
        if ws.contains(&'\n') && j < inner.len() && OPEN_Q.contains(&inner[j]) {
            out.extend_from_slice(ws);
            i = j + 1;
            continue;
        }
        out.push(inner[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str, start: u32, end: u32) -> AttributionKind {
        let chars: Vec<char> = text.chars().collect();
        classify(&chars, &[Span::new(start, end)])
    }

    #[test]
    fn direct_mixed_indirect() {
        let t = "“We won,” he said. He said we “won big” today. He said we won.";
        assert_eq!(kind(t, 0, 9), AttributionKind::Direct);
        assert_eq!(kind(t, 1, 8), AttributionKind::Direct);
        assert_eq!(kind(t, 27, 46), AttributionKind::Mixed);
        assert_eq!(kind(t, 55, 61), AttributionKind::Indirect);
    }

    #[test]
    fn quote_over_paragraphs() {
        let t = "“First part.\n\n“Second part.”";
        assert_eq!(
            kind(t, 0, t.chars().count() as u32),
            AttributionKind::Direct
        );
    }
}
