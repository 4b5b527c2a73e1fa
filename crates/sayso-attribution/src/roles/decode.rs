//! From role labels to attributions: each cue takes the contents and sources of its sentence
//! nearest to it; a content in a sentence without a cue continues the attribution of the
//! sentence before (contents run over several sentences) or takes a cue left without content
//! there; a cue that ends with no content is dropped.

use super::Label;
use sayso_document::{kind, Attribution, Document, Span};
use std::ops::Range;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Source,
    Cue,
    Content,
}

/// A labelled run of tokens (inclusive).
#[derive(Clone, Copy)]
struct Piece {
    role: Role,
    first: usize,
    last: usize,
    margin: f32,
}

fn pieces(range: &Range<usize>, labels: &[usize], margins: &[f32]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for (k, &l) in labels.iter().enumerate() {
        let t = range.start + k;
        let role = match Label::from_index(l) {
            Label::Outside => continue,
            Label::BeginSource | Label::InSource => Role::Source,
            Label::BeginCue | Label::InCue => Role::Cue,
            Label::BeginContent | Label::InContent => Role::Content,
        };
        let inside = matches!(l, 2 | 4 | 6);
        match out.last_mut() {
            Some(p) if inside && p.role == role && p.last + 1 == t => {
                p.last = t;
                p.margin += margins[k];
            }
            _ => out.push(Piece {
                role,
                first: t,
                last: t,
                margin: margins[k],
            }),
        }
    }
    out
}

/// An attribution being assembled, as token pieces per role.
#[derive(Default)]
struct Draft {
    source: Vec<Piece>,
    cue: Vec<Piece>,
    content: Vec<Piece>,
}

fn gap(a: &Piece, b: &Piece) -> usize {
    if a.last < b.first {
        b.first - a.last
    } else {
        a.first.saturating_sub(b.last)
    }
}

/// A labelled unit: its tokens, their labels and margins, and how much each token's
/// in-content score exceeds its outside score (what the content-end ranker weighs).
pub struct Labelled {
    pub tokens: Range<usize>,
    pub labels: Vec<usize>,
    pub margins: Vec<f32>,
    pub content_lean: Vec<f32>,
}

/// Groups the labelled units into attributions.
pub fn attributions(doc: &Document, units: &[Labelled]) -> Vec<Attribution> {
    let sentence_of = |t: usize| doc.sentence_index(doc.tokens[t].span.start);
    let opens_quote = |p: &Piece| matches!(doc.token_text(p.first), "\"" | "“" | "«");
    let mut drafts: Vec<Draft> = Vec::new();
    for unit in units {
        let found = pieces(&unit.tokens, &unit.labels, &unit.margins);
        let first_here = drafts.len();
        for cue in found.iter().filter(|p| p.role == Role::Cue) {
            drafts.push(Draft {
                cue: vec![*cue],
                ..Draft::default()
            });
        }
        let cues_here = first_here..drafts.len();
        for piece in found.iter().filter(|p| p.role != Role::Cue) {
            // A cue of the piece's own sentences first; else the nearest in the paragraph.
            let (first, last) = (sentence_of(piece.first), sentence_of(piece.last));
            let own = |d: &usize| (first..=last).contains(&sentence_of(drafts[*d].cue[0].first));
            let nearest = cues_here
                .clone()
                .filter(own)
                .min_by_key(|&d| gap(&drafts[d].cue[0], piece))
                .or_else(|| {
                    cues_here
                        .clone()
                        .min_by_key(|&d| gap(&drafts[d].cue[0], piece))
                });
            match (nearest, piece.role) {
                (Some(d), Role::Source) => drafts[d].source.push(*piece),
                // A second content of one cue is another piece of the same words ("“...,” she
                // said, “...”"): quoted like the first, or it is a content of its own.
                (Some(d), _)
                    if drafts[d]
                        .content
                        .first()
                        .is_none_or(|first| opens_quote(first) == opens_quote(piece)) =>
                {
                    drafts[d].content.push(*piece)
                }
                (_, Role::Content) => drafts.push(Draft {
                    content: vec![*piece],
                    ..Draft::default()
                }),
                _ => {}
            }
        }
    }
    // A quotation of its own after the cue's sentence ("..." he said. "...") continues the
    // attribution: `continuation_from` marks where such pieces start, as the quotation
    // attributor does.
    let chars: Vec<char> = doc.text().chars().collect();
    let span = |p: &Piece| Span::new(doc.tokens[p.first].span.start, doc.tokens[p.last].span.end);
    let mut out: Vec<Attribution> = drafts
        .into_iter()
        .filter(|d| !d.content.is_empty())
        .map(|d| {
            let all = d.content.iter().chain(&d.cue).chain(&d.source);
            let (sum, count) = all.fold((0f32, 0usize), |(m, n), p| {
                (m + p.margin, n + p.last - p.first + 1)
            });
            let cue_sentence = d.cue.first().map(|c| sentence_of(c.last));
            let continuation_from = (1..d.content.len()).find(|&k| {
                let p = &d.content[k];
                cue_sentence.is_some_and(|c| sentence_of(p.first) > c) && opens_quote(p)
            });
            let content: Vec<Span> = d.content.iter().map(span).collect();
            Attribution {
                kind: kind::classify(&chars, &content),
                content,
                cue: d.cue.iter().map(span).collect(),
                source: d.source.iter().map(span).collect(),
                speaker: None,
                confidence: logistic(sum / count.max(1) as f32),
                continuation_from,
                ..Default::default()
            }
        })
        .collect();
    out.sort_by_key(Attribution::start);
    out
}

#[cfg(test)]
impl Labelled {
    /// One unit over the whole document, labelled from one letter a token: `S`ource, `C`ue,
    /// con`T`ent, `-` outside; a new span starts where the letter changes.
    pub(crate) fn from_letters(doc: &Document, roles: &str) -> Labelled {
        let roles: Vec<char> = roles.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(roles.len(), doc.tokens.len(), "one letter a token");
        let labels = (0..roles.len())
            .map(|t| {
                let base = match roles[t] {
                    'S' => 1,
                    'C' => 3,
                    'T' => 5,
                    _ => return 0,
                };
                base + usize::from(t > 0 && roles[t - 1] == roles[t])
            })
            .collect::<Vec<_>>();
        Labelled {
            tokens: 0..doc.tokens.len(),
            margins: vec![1.0; labels.len()],
            content_lean: vec![0.0; labels.len()],
            labels,
        }
    }
}

fn logistic(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(doc: &Document, roles: &str) -> Vec<Labelled> {
        vec![Labelled::from_letters(doc, roles)]
    }

    #[test]
    fn cue_takes_its_source_and_contents_and_marks_continuations() {
        let mut doc = Document::new("t", "“Win now,” she said. “Later.” Tom left.").unwrap();
        sayso_text::segment(&mut doc);
        // “ Win now , ” she said . “ Later . ” Tom left .
        let units = labelled(&doc, "TTTTT S C - TTTT - - -");
        let found = attributions(&doc, &units);
        assert_eq!(found.len(), 1, "{found:?}");
        let a = &found[0];
        assert_eq!(doc.slice(a.source[0]), "she");
        assert_eq!(doc.slice(a.cue[0]), "said");
        assert_eq!(doc.slice(a.content[0]), "“Win now,”");
        assert_eq!(doc.slice(a.content[1]), "“Later.”");
        assert_eq!(a.content.len(), 2);
        assert_eq!(a.continuation_from, Some(1));
    }

    #[test]
    fn a_quotation_and_an_unquoted_content_of_one_cue_stay_apart() {
        let mut doc = Document::new("t", "“Win now,” she said, and the crowd cheered.").unwrap();
        sayso_text::segment(&mut doc);
        // “ Win now , ” she said , and the crowd cheered .
        let units = labelled(&doc, "TTTTT S C - - TTT -");
        let found = attributions(&doc, &units);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(doc.slice(found[0].content[0]), "“Win now,”");
        assert_eq!(doc.slice(found[1].content[0]), "the crowd cheered");
        assert!(found[1].cue.is_empty());
    }

    #[test]
    fn a_cue_without_content_is_dropped_and_a_content_without_cue_stands_alone() {
        let mut doc = Document::new("t", "Officials said. The plan failed badly.").unwrap();
        sayso_text::segment(&mut doc);
        // Officials said . The plan failed badly .
        let units = labelled(&doc, "- C - - TTT -");
        let found = attributions(&doc, &units);
        // "said" takes the content of the paragraph: cue and content are one attribution.
        assert_eq!(found.len(), 1);
        assert_eq!(doc.slice(found[0].content[0]), "plan failed badly");
        let units = labelled(&doc, "- C - - - - - -");
        assert!(attributions(&doc, &units).is_empty());
        let units = labelled(&doc, "- - - - TT - -");
        let found = attributions(&doc, &units);
        assert_eq!(found.len(), 1);
        assert!(found[0].cue.is_empty() && found[0].source.is_empty());
    }
}
