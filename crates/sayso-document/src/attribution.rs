use crate::Span;
use serde::{Deserialize, Serialize};

/// Which quotation marks delimit a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuoteStyle {
    Double,
    Single,
    Guillemet,
}

/// What a quotation is used for, as far as the quote stage can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuoteRole {
    /// Long enough, or shaped like speech, to be somebody's words.
    Speech,
    /// A short quoted phrase: a scare quote or a term. It becomes speech only when a cue
    /// attributes it.
    Phrase,
    /// A title in title case ("Face the Nation", "The Axe Files"): never speech.
    Title,
}

/// One quotation: a pair of marks in one paragraph (a quotation running over several paragraphs
/// is a chain of pieces linked by `continues`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included (either may be missing).
    pub span: Span,
    /// Between the marks.
    pub inner: Span,
    pub paragraph: u32,
    pub style: QuoteStyle,
    pub role: QuoteRole,
    pub has_open_mark: bool,
    pub has_close_mark: bool,
    /// The index of the previous piece when this quotation continues one from an earlier
    /// paragraph.
    pub continues: Option<u32>,
}

/// Direct (content wholly quoted), mixed (partly quoted) or indirect (reported speech).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttributionKind {
    Direct,
    Mixed,
    #[default]
    Indirect,
}

impl AttributionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct",
            AttributionKind::Mixed => "mixed",
            AttributionKind::Indirect => "indirect",
        }
    }
}

/// Who said what: the content, the cue that marks it and the source mention, each a list of
/// spans (a content interrupted by ", he said," has two).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribution {
    pub kind: AttributionKind,
    pub content: Vec<Span>,
    pub cue: Vec<Span>,
    pub source: Vec<Span>,
    /// The resolved speaker's canonical name, when known.
    pub speaker: Option<String>,
    pub confidence: f32,
    /// For a content span that continues an earlier one without a cue of its own (a further
    /// quoted sentence or paragraph of the same speaker): the index into `content` where the
    /// continuation pieces start. `None` when every piece was cued directly.
    pub continuation_from: Option<usize>,
    /// The id of the speaker's entity in `Document::entities`, when resolved.
    pub speaker_entity: Option<usize>,
    /// To whom it was said ("told Axelrod", "told reporters"), and that addressee's entity.
    pub addressee: Vec<Span>,
    pub addressee_entity: Option<usize>,
    /// Where it was said ("in an interview with", "on Twitter", "in a statement").
    pub venue: Option<crate::Venue>,
}

impl Attribution {
    /// The first character of the attribution (for ordering).
    pub fn start(&self) -> u32 {
        self.content
            .iter()
            .chain(&self.cue)
            .chain(&self.source)
            .map(|s| s.start)
            .min()
            .unwrap_or(0)
    }
}
