//! Resolved-speaker accuracy against a gold speaker layer (`quality/polnear-dev-speakers.tsv`):
//! its articles are numbered by their place among the gold articles' ids sorted (from 1), so that
//! the layer holds no words of the articles; each gold attribution, found among the predictions by its first content span (the predicted
//! attribution whose content covers most of it, at least half), must have the same speaker
//! (case aside), or none when the gold says `none`.

use crate::article::Predicted;
use sayso_document::Span;
use serde::Serialize;
use std::collections::HashMap;

/// One row of the gold layer.
pub struct GoldSpeaker {
    /// The article's id.
    pub article: String,
    pub content: (u32, u32),
    /// name / pronoun / nominal / missing: how the gold source is written.
    pub source_form: String,
    /// `None` for a generic or unnamed source.
    pub speaker: Option<String>,
}

/// Reads the layer (tab-separated, `#` comments, one header line), its article numbers taken
/// into `article_ids` sorted.
pub fn parse(tsv: &str, article_ids: &[&str]) -> Result<Vec<GoldSpeaker>, String> {
    let mut ids = article_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#') && !l.starts_with("article\t"))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            let bad = |what: &str| format!("line {}: {what}", i + 1);
            if cols.len() != 6 {
                return Err(bad("expected six tab-separated columns"));
            }
            let number = |s: &str| {
                s.parse::<u32>()
                    .map_err(|_| bad("an article number or offset is not a number"))
            };
            let article = number(cols[0])?
                .checked_sub(1)
                .and_then(|k| ids.get(k as usize))
                .ok_or_else(|| bad(&format!("no article {} among {}", cols[0], ids.len())))?;
            Ok(GoldSpeaker {
                article: article.to_string(),
                content: (number(cols[2])?, number(cols[3])?),
                source_form: cols[4].to_string(),
                speaker: (cols[5] != "none").then(|| cols[5].to_string()),
            })
        })
        .collect()
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct SpeakerScores {
    pub gold: usize,
    /// Gold attributions found among the predictions.
    pub matched: usize,
    /// Right speakers over matched attributions.
    pub accuracy_matched: f64,
    /// Right speakers over all gold attributions (unmatched ones count as wrong).
    pub accuracy_all: f64,
    /// Over matched attributions whose gold source is a pronoun, a nominal or missing.
    pub accuracy_matched_not_named: f64,
    pub matched_not_named: usize,
    /// Each found attribution whose speaker is wrong, for error analysis.
    #[serde(skip)]
    pub errors: Vec<SpeakerError>,
}

/// A gold attribution found with the wrong speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerError {
    pub article: String,
    /// The gold attribution's first content span.
    pub content: Span,
    /// How the gold source is written: name, pronoun, nominal or missing.
    pub source_form: String,
    /// The gold speaker and the predicted one (`None`: no one).
    pub gold: Option<String>,
    pub predicted: Option<String>,
    /// The source the prediction names its speaker from.
    pub predicted_source: Vec<Span>,
}

pub fn score(gold: &[GoldSpeaker], predictions: &HashMap<String, Vec<Predicted>>) -> SpeakerScores {
    let (mut matched, mut right, mut not_named, mut not_named_right) = (0, 0, 0, 0);
    let mut errors = Vec::new();
    for g in gold {
        let (s, e) = g.content;
        let best = predictions.get(&g.article).and_then(|attrs| {
            attrs
                .iter()
                .map(|p| {
                    let covered: u32 = p
                        .attribution
                        .content
                        .iter()
                        .map(|c| c.end.min(e).saturating_sub(c.start.max(s)))
                        .sum();
                    (covered, p)
                })
                .filter(|(covered, _)| 2 * covered >= e - s && *covered > 0)
                .max_by_key(|(covered, _)| *covered)
                .map(|(_, p)| p)
        });
        let Some(p) = best else { continue };
        matched += 1;
        let ok = match (&g.speaker, &p.attribution.speaker) {
            (None, None) => true,
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => false,
        };
        right += usize::from(ok);
        if !ok {
            errors.push(SpeakerError {
                article: g.article.clone(),
                content: Span::new(s, e),
                source_form: g.source_form.clone(),
                gold: g.speaker.clone(),
                predicted: p.attribution.speaker.clone(),
                predicted_source: p.attribution.source.clone(),
            });
        }
        if g.source_form != "name" {
            not_named += 1;
            not_named_right += usize::from(ok);
        }
    }
    SpeakerScores {
        gold: gold.len(),
        matched,
        accuracy_matched: crate::percent(right, matched),
        accuracy_all: crate::percent(right, gold.len()),
        accuracy_matched_not_named: crate::percent(not_named_right, not_named),
        matched_not_named: not_named,
        errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sayso_document::{Attribution, Span};

    #[test]
    fn speakers_compare_on_the_attribution_covering_the_gold_content() {
        let gold = parse(
            "# c\narticle\tattribution\tcontent_start\tcontent_end\tsource_form\tspeaker\n\
             2\tE1\t10\t20\tname\tJohn Legend\n2\tE2\t30\t40\tnominal\tnone\n2\tE3\t50\t60\tname\tX\n",
            &["b", "a", "0"],
        )
        .unwrap();
        let predicted = |start: u32, end: u32, speaker: Option<&str>| Predicted {
            attribution: Attribution {
                content: vec![Span::new(start, end)],
                speaker: speaker.map(str::to_string),
                ..Attribution::default()
            },
            kind_given: true,
        };
        let predictions = HashMap::from([(
            "a".to_string(),
            vec![
                predicted(9, 18, Some("john legend")),
                predicted(30, 40, Some("Y")),
            ],
        )]);
        let s = score(&gold, &predictions);
        assert_eq!((s.gold, s.matched), (3, 2));
        assert_eq!(s.accuracy_matched, 50.0);
        assert_eq!(s.matched_not_named, 1);
        assert_eq!(s.accuracy_matched_not_named, 0.0);
        assert_eq!(
            s.errors,
            [SpeakerError {
                article: "a".to_string(),
                content: Span::new(30, 40),
                source_form: "nominal".to_string(),
                gold: None,
                predicted: Some("Y".to_string()),
                predicted_source: Vec::new(),
            }]
        );
        assert!(parse("a\tb\n", &["a"]).is_err());
        assert!(parse("4\tE1\t1\t2\tname\tX\n", &["a"]).is_err());
    }
}
