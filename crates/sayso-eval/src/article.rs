//! The article-level protocol of the reference scorer (its protocol B): predicted and gold
//! attributions are matched one to one, greedily by the Jaccard index of their contents' `\w+`
//! tokens (a match needs at least 0.5); then attribution P/R/F1, exact-content F1, full-triple
//! F1, source and cue accuracy on matched pairs, and recall by gold kind.

use regex::Regex;
use sayso_document::{kind, Attribution, AttributionKind, Document, Span};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::sync::OnceLock;

/// A prediction: an attribution and whether it said its kind (else the kind is classified
/// from the content's quotation marks, as the reference scorer does).
pub struct Predicted {
    pub attribution: Attribution,
    pub kind_given: bool,
}

#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Prf {
    pub fn new(tp: usize, pred: usize, gold: usize) -> Self {
        Prf {
            tp,
            pred,
            gold,
            ..Prf::from_fractions(tp as f64, pred as f64, tp as f64, gold as f64)
        }
    }

    /// Precision `p_num / p_den` and recall `r_num / r_den` (0 over 0 is 0), as percentages,
    /// with their F1; the counts are left at 0.
    pub fn from_fractions(p_num: f64, p_den: f64, r_num: f64, r_den: f64) -> Self {
        let ratio = |n: f64, d: f64| if d > 0.0 { n / d } else { 0.0 };
        let (p, r) = (ratio(p_num, p_den), ratio(r_num, r_den));
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            p: 100.0 * p,
            r: 100.0 * r,
            f1: 100.0 * f1,
            ..Prf::default()
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct KindRecall {
    pub recall: f64,
    pub matched: usize,
    pub gold: usize,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct KindPrecision {
    pub precision: f64,
    pub matched: usize,
    pub pred: usize,
}

/// The scores, named as in the reference scorer's JSON output.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct ArticleScores {
    pub documents: usize,
    pub threshold: f64,
    pub attribution: Prf,
    pub content_exact: Prf,
    pub full_triple: Prf,
    pub matched: usize,
    pub source_acc: f64,
    pub source_acc_gold_nonempty: f64,
    pub source_exact_acc: f64,
    pub cue_acc: f64,
    pub cue_exact_acc: f64,
    pub kind_acc: f64,
    pub recall_by_gold_kind: BTreeMap<String, KindRecall>,
    pub precision_by_pred_kind: BTreeMap<String, KindPrecision>,
    /// Of gold direct attributions (content wholly quoted) that were matched, how many had the
    /// source right (the foundation issue's "source accuracy on direct quotes").
    pub direct_source_acc: f64,
    /// Every attribution the protocol did not count as a full triple, for error analysis.
    #[serde(skip)]
    pub errors: Vec<AttributionError>,
}

/// An attribution the article protocol did not count right.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AttributionError {
    pub document: String,
    /// - "missed": a gold attribution whose content no prediction overlaps;
    /// - "near miss": one whose content an unmatched prediction overlaps, below the bar;
    /// - "merged": one whose content only predictions matched to other gold attributions
    ///   overlap;
    /// - "spurious": a prediction that matched nothing and overlaps no unmatched gold
    ///   attribution;
    /// - "source", "cue", "source and cue": a matched pair whose source, cue or both share no
    ///   word.
    pub error: &'static str,
    /// The gold attribution's kind (the prediction's for a spurious one).
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold: Option<Written>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicted: Option<Written>,
    /// For a near miss, where the prediction's content starts and ends against the gold's
    /// ("starts early, ends same"), and the Jaccard index of their words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boundary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jaccard: Option<f64>,
}

/// An attribution's words, each role's spans joined by " | ".
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Written {
    pub source: String,
    pub cue: String,
    pub content: String,
}

impl Written {
    fn of(doc: &Document, a: &Attribution) -> Written {
        Written {
            source: joined(doc, &a.source),
            cue: joined(doc, &a.cue),
            content: joined(doc, &a.content),
        }
    }
}

/// The words of a role's spans, joined by " | ".
pub fn joined(doc: &Document, spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| doc.slice(*s))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Where a predicted content's words start and end against a gold content's.
fn boundary(predicted: &BTreeSet<usize>, gold: &BTreeSet<usize>) -> String {
    let side = |p: Option<&usize>, g: Option<&usize>| match p.cmp(&g) {
        std::cmp::Ordering::Less => "early",
        std::cmp::Ordering::Equal => "same",
        std::cmp::Ordering::Greater => "late",
    };
    format!(
        "starts {}, ends {}",
        side(predicted.first(), gold.first()),
        side(predicted.last(), gold.last())
    )
}

fn word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\w+").expect("valid regex"))
}

/// `\w+` tokens of a document, as code-point spans.
struct DocTokens {
    spans: Vec<(u32, u32)>,
}

impl DocTokens {
    fn new(doc: &Document) -> Self {
        let text = doc.text();
        let spans = word_re()
            .find_iter(text)
            .map(|m| (doc.char_at_byte(m.start()), doc.char_at_byte(m.end())))
            .collect();
        DocTokens { spans }
    }

    /// Indices of tokens of which one span covers at least half the characters.
    fn tokens_in(&self, spans: &[Span]) -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        for sp in spans {
            let (a, b) = (sp.start, sp.end);
            let mut i = self
                .spans
                .partition_point(|&(s, _)| s <= a)
                .saturating_sub(1);
            while i < self.spans.len() && self.spans[i].0 < b {
                let (s, e) = self.spans[i];
                let ov = b.min(e) as i64 - a.max(s) as i64;
                if ov > 0 && 2 * ov >= (e - s) as i64 {
                    out.insert(i);
                }
                i += 1;
            }
        }
        out
    }
}

struct Roles {
    content: BTreeSet<usize>,
    cue: BTreeSet<usize>,
    source: BTreeSet<usize>,
}

fn roles(t: &DocTokens, a: &Attribution) -> Roles {
    Roles {
        content: t.tokens_in(&a.content),
        cue: t.tokens_in(&a.cue),
        source: t.tokens_in(&a.source),
    }
}

/// The Jaccard index of two attributions' content words.
fn content_jaccard(p: &Roles, g: &Roles) -> f64 {
    let inter = p.content.intersection(&g.content).count();
    if inter == 0 {
        return 0.0;
    }
    inter as f64 / (p.content.len() + g.content.len() - inter) as f64
}

fn agree(p: &BTreeSet<usize>, g: &BTreeSet<usize>) -> bool {
    !p.is_disjoint(g) || p.is_empty() && g.is_empty()
}

/// Scores predictions (by document id) against gold documents. A gold document without
/// predictions counts as predicted empty.
pub fn score(
    gold: &[Document],
    predictions: &HashMap<String, Vec<Predicted>>,
    threshold: f64,
) -> ArticleScores {
    let mut tot: HashMap<&str, usize> = HashMap::new();
    let add =
        |k: &'static str, n: usize, tot: &mut HashMap<&str, usize>| *tot.entry(k).or_default() += n;
    let mut gold_by_kind: HashMap<AttributionKind, usize> = HashMap::new();
    let mut hit_by_kind: HashMap<AttributionKind, usize> = HashMap::new();
    let mut pred_by_kind: HashMap<AttributionKind, usize> = HashMap::new();
    let mut pred_hit_by_kind: HashMap<AttributionKind, usize> = HashMap::new();
    let (mut direct_matched, mut direct_source_ok) = (0usize, 0usize);
    let mut errors = Vec::new();
    let empty = Vec::new();
    for g in gold {
        let chars: Vec<char> = g.text().chars().collect();
        let dt = DocTokens::new(g);
        let preds = predictions.get(&g.id).unwrap_or(&empty);
        let gr: Vec<Roles> = g.attributions.iter().map(|a| roles(&dt, a)).collect();
        let pr: Vec<Roles> = preds.iter().map(|p| roles(&dt, &p.attribution)).collect();
        let gkinds: Vec<AttributionKind> = g
            .attributions
            .iter()
            .map(|a| kind::classify(&chars, &a.content))
            .collect();
        let pkinds: Vec<AttributionKind> = preds
            .iter()
            .map(|p| {
                if p.kind_given {
                    p.attribution.kind
                } else {
                    kind::classify(&chars, &p.attribution.content)
                }
            })
            .collect();
        add("gold", gr.len(), &mut tot);
        add("pred", pr.len(), &mut tot);
        for k in &gkinds {
            *gold_by_kind.entry(*k).or_default() += 1;
        }
        for k in &pkinds {
            *pred_by_kind.entry(*k).or_default() += 1;
        }
        // Candidate pairs, best first: Jaccard, then cue and source agreement, then closeness.
        let mut cand: Vec<(f64, bool, bool, usize, usize, usize)> = Vec::new();
        for (i, pa) in pr.iter().enumerate() {
            if pa.content.is_empty() {
                continue;
            }
            for (j, ga) in gr.iter().enumerate() {
                if ga.content.is_empty() {
                    continue;
                }
                let jac = content_jaccard(pa, ga);
                if jac == 0.0 || jac + 1e-12 < threshold {
                    continue;
                }
                cand.push((
                    jac,
                    agree(&pa.cue, &ga.cue),
                    agree(&pa.source, &ga.source),
                    i.abs_diff(j),
                    i,
                    j,
                ));
            }
        }
        cand.sort_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.1.cmp(&a.1))
                .then(b.2.cmp(&a.2))
                .then(a.3.cmp(&b.3))
                .then(a.4.cmp(&b.4))
                .then(a.5.cmp(&b.5))
        });
        let mut used_p = vec![false; pr.len()];
        let mut used_g = vec![false; gr.len()];
        for &(_, _, _, _, i, j) in &cand {
            if used_p[i] || used_g[j] {
                continue;
            }
            used_p[i] = true;
            used_g[j] = true;
            let (pa, ga) = (&pr[i], &gr[j]);
            add("match", 1, &mut tot);
            *hit_by_kind.entry(gkinds[j]).or_default() += 1;
            *pred_hit_by_kind.entry(pkinds[i]).or_default() += 1;
            add(
                "content_exact",
                (pa.content == ga.content) as usize,
                &mut tot,
            );
            let src_ok = agree(&pa.source, &ga.source);
            let cue_ok = agree(&pa.cue, &ga.cue);
            add("source_ok", src_ok as usize, &mut tot);
            add("cue_ok", cue_ok as usize, &mut tot);
            add("source_exact", (pa.source == ga.source) as usize, &mut tot);
            add("cue_exact", (pa.cue == ga.cue) as usize, &mut tot);
            add("full_ok", (src_ok && cue_ok) as usize, &mut tot);
            if !ga.source.is_empty() {
                add("gold_src_nonempty", 1, &mut tot);
                add(
                    "source_ok_nonempty",
                    !pa.source.is_disjoint(&ga.source) as usize,
                    &mut tot,
                );
            }
            add("kind_ok", (gkinds[j] == pkinds[i]) as usize, &mut tot);
            if gkinds[j] == AttributionKind::Direct {
                direct_matched += 1;
                direct_source_ok += src_ok as usize;
            }
            let wrong = match (src_ok, cue_ok) {
                (true, true) => None,
                (false, true) => Some("source"),
                (true, false) => Some("cue"),
                (false, false) => Some("source and cue"),
            };
            if let Some(error) = wrong {
                errors.push(AttributionError {
                    document: g.id.clone(),
                    error,
                    kind: gkinds[j].as_str(),
                    gold: Some(Written::of(g, &g.attributions[j])),
                    predicted: Some(Written::of(g, &preds[i].attribution)),
                    boundary: None,
                    jaccard: None,
                });
            }
        }
        let overlap = |pa: &Roles, ga: &Roles| pa.content.intersection(&ga.content).count();
        for (j, ga) in gr.iter().enumerate().filter(|&(j, _)| !used_g[j]) {
            // The unmatched prediction sharing most words with it, else any prediction.
            let nearest = |unmatched: bool| {
                (0..pr.len())
                    .filter(|&i| used_p[i] != unmatched)
                    .map(|i| (overlap(&pr[i], ga), i))
                    .filter(|&(n, _)| n > 0)
                    .max()
                    .map(|(_, i)| i)
            };
            let (error, i, boundary, jaccard) = match nearest(true) {
                Some(i) => (
                    "near miss",
                    Some(i),
                    Some(boundary(&pr[i].content, &ga.content)),
                    Some((content_jaccard(&pr[i], ga) * 1000.0).round() / 1000.0),
                ),
                None => match nearest(false) {
                    Some(i) => ("merged", Some(i), None, None),
                    None => ("missed", None, None, None),
                },
            };
            errors.push(AttributionError {
                document: g.id.clone(),
                error,
                kind: gkinds[j].as_str(),
                gold: Some(Written::of(g, &g.attributions[j])),
                predicted: i.map(|i| Written::of(g, &preds[i].attribution)),
                boundary,
                jaccard,
            });
        }
        for (i, pa) in pr.iter().enumerate().filter(|&(i, _)| !used_p[i]) {
            let near_a_gold = (0..gr.len()).any(|j| !used_g[j] && overlap(pa, &gr[j]) > 0);
            if !near_a_gold {
                errors.push(AttributionError {
                    document: g.id.clone(),
                    error: "spurious",
                    kind: pkinds[i].as_str(),
                    gold: None,
                    predicted: Some(Written::of(g, &preds[i].attribution)),
                    boundary: None,
                    jaccard: None,
                });
            }
        }
    }
    let t = |k: &str| tot.get(k).copied().unwrap_or(0);
    let m = t("match");
    let pct = crate::percent;
    let kinds = [
        AttributionKind::Direct,
        AttributionKind::Mixed,
        AttributionKind::Indirect,
    ];
    let get = |map: &HashMap<AttributionKind, usize>, k| map.get(&k).copied().unwrap_or(0);
    ArticleScores {
        documents: gold.len(),
        threshold,
        attribution: Prf::new(m, t("pred"), t("gold")),
        content_exact: Prf::new(t("content_exact"), t("pred"), t("gold")),
        full_triple: Prf::new(t("full_ok"), t("pred"), t("gold")),
        matched: m,
        source_acc: pct(t("source_ok"), m),
        source_acc_gold_nonempty: pct(t("source_ok_nonempty"), t("gold_src_nonempty")),
        source_exact_acc: pct(t("source_exact"), m),
        cue_acc: pct(t("cue_ok"), m),
        cue_exact_acc: pct(t("cue_exact"), m),
        kind_acc: pct(t("kind_ok"), m),
        recall_by_gold_kind: kinds
            .iter()
            .map(|&k| {
                let (hit, all) = (get(&hit_by_kind, k), get(&gold_by_kind, k));
                (
                    k.as_str().to_string(),
                    KindRecall {
                        recall: pct(hit, all),
                        matched: hit,
                        gold: all,
                    },
                )
            })
            .collect(),
        precision_by_pred_kind: kinds
            .iter()
            .map(|&k| {
                let (hit, all) = (get(&pred_hit_by_kind, k), get(&pred_by_kind, k));
                (
                    k.as_str().to_string(),
                    KindPrecision {
                        precision: pct(hit, all),
                        matched: hit,
                        pred: all,
                    },
                )
            })
            .collect(),
        direct_source_acc: pct(direct_source_ok, direct_matched),
        errors,
    }
}

fn fmt_prf(x: &Prf) -> String {
    format!(
        "P {:5.1}  R {:5.1}  F1 {:5.1}  ({}/{} pred, {} gold)",
        x.p, x.r, x.f1, x.tp, x.pred, x.gold
    )
}

impl fmt::Display for ArticleScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "== Article-level protocol (greedy 1-1 matching, content \\w+-token Jaccard >= {}) ==",
            self.threshold
        )?;
        writeln!(f, "documents       {}", self.documents)?;
        writeln!(f, "attribution     {}", fmt_prf(&self.attribution))?;
        writeln!(f, "content exact   {}", fmt_prf(&self.content_exact))?;
        writeln!(
            f,
            "full triple     {}  [matched + source ok + cue ok]",
            fmt_prf(&self.full_triple)
        )?;
        writeln!(
            f,
            "on {} matched pairs: source acc {:.1} (gold source non-empty: {:.1}; exact {:.1})  cue acc {:.1} (exact {:.1})  kind acc {:.1}",
            self.matched, self.source_acc, self.source_acc_gold_nonempty, self.source_exact_acc, self.cue_acc, self.cue_exact_acc, self.kind_acc
        )?;
        let kinds = ["direct", "mixed", "indirect"];
        let recall: Vec<String> = kinds
            .iter()
            .map(|k| {
                let v = &self.recall_by_gold_kind[*k];
                format!("{k} {:.1} ({}/{})", v.recall, v.matched, v.gold)
            })
            .collect();
        writeln!(f, "recall by gold kind:    {}", recall.join("  "))?;
        let precision: Vec<String> = kinds
            .iter()
            .map(|k| {
                let v = &self.precision_by_pred_kind[*k];
                format!("{k} {:.1} ({}/{})", v.precision, v.matched, v.pred)
            })
            .collect();
        writeln!(f, "precision by pred kind: {}", precision.join("  "))?;
        writeln!(
            f,
            "source accuracy on matched gold direct quotes: {:.1}",
            self.direct_source_acc
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(content: &[(u32, u32)], cue: &[(u32, u32)], source: &[(u32, u32)]) -> Attribution {
        let spans = |v: &[(u32, u32)]| v.iter().map(|&(s, e)| Span::new(s, e)).collect();
        Attribution {
            kind: AttributionKind::Indirect,
            content: spans(content),
            cue: spans(cue),
            source: spans(source),
            speaker: None,
            confidence: 1.0,
            continuation_from: None,
            ..Default::default()
        }
    }

    #[test]
    fn matching_and_accuracies() {
        // "“We won the vote,” Ann said. Critics said it was luck."
        let mut g = Document::new(
            "d",
            "“We won the vote,” Ann said. Critics said it was luck.",
        )
        .unwrap();
        g.attributions = vec![
            attr(&[(0, 18)], &[(23, 27)], &[(19, 22)]),
            attr(&[(42, 53)], &[(37, 41)], &[(29, 36)]),
        ];
        let preds = vec![
            // Matches the first (same tokens, not the same span), wrong source; direct once
            // widened to its quotation marks.
            Predicted {
                attribution: attr(&[(1, 17)], &[(23, 27)], &[(29, 36)]),
                kind_given: false,
            },
            // Matches nothing.
            Predicted {
                attribution: attr(&[(29, 36)], &[], &[]),
                kind_given: false,
            },
        ];
        let s = score(&[g], &HashMap::from([("d".to_string(), preds)]), 0.5);
        assert_eq!(
            (s.attribution.tp, s.attribution.pred, s.attribution.gold),
            (1, 2, 2)
        );
        assert_eq!(s.content_exact.tp, 1);
        assert_eq!((s.source_acc, s.cue_acc), (0.0, 100.0));
        assert_eq!(s.recall_by_gold_kind["direct"].matched, 1);
        assert_eq!(s.recall_by_gold_kind["indirect"].gold, 1);
        assert_eq!(s.precision_by_pred_kind["direct"].pred, 1);
    }

    #[test]
    fn errors_say_what_went_wrong_with_each_attribution() {
        let text = "Ann said the plan failed badly last week. Bo said it rained. \
                    Cy said the vote was close and the count was slow. The sky is blue.";
        let mut g = Document::new("d", text).unwrap();
        let span = |words: &str| {
            let byte = text.find(words).unwrap();
            let start = text[..byte].chars().count() as u32;
            (start, start + words.chars().count() as u32)
        };
        g.attributions = vec![
            // Found with the wrong source.
            attr(
                &[span("the plan failed badly last week")],
                &[span("said")],
                &[span("Ann")],
            ),
            // Found nowhere.
            attr(&[span("it rained")], &[span("said it")], &[span("Bo")]),
            // A prediction runs over it and on, under the bar.
            attr(
                &[span("the vote was close")],
                &[span("said the vote")],
                &[span("Cy")],
            ),
            // Inside a content matched to another gold attribution.
            attr(&[span("last week")], &[], &[]),
        ];
        let predicted = |content: (u32, u32), source: &[(u32, u32)]| Predicted {
            attribution: attr(&[content], &[span("said")], source),
            kind_given: false,
        };
        let preds = vec![
            predicted(span("the plan failed badly last week"), &[span("Bo")]),
            predicted(
                span("the vote was close and the count was slow"),
                &[span("Cy")],
            ),
            predicted(span("The sky is blue"), &[]),
        ];
        let s = score(&[g], &HashMap::from([("d".to_string(), preds)]), 0.5);
        let found: Vec<(&str, Option<&str>, Option<&str>)> = s
            .errors
            .iter()
            .map(|e| {
                (
                    e.error,
                    e.boundary.as_deref(),
                    e.predicted.as_ref().map(|p| p.content.as_str()),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("source", None, Some("the plan failed badly last week")),
                ("missed", None, None),
                (
                    "near miss",
                    Some("starts same, ends late"),
                    Some("the vote was close and the count was slow")
                ),
                ("merged", None, Some("the plan failed badly last week")),
                ("spurious", None, Some("The sky is blue")),
            ]
        );
        assert_eq!(s.errors[2].jaccard, Some(0.444));
        assert_eq!(s.errors[0].gold.as_ref().unwrap().source, "Ann");
    }

    #[test]
    fn half_covered_tokens_count() {
        let d = Document::new("d", "abcd efgh").unwrap();
        let t = DocTokens::new(&d);
        assert_eq!(t.tokens_in(&[Span::new(2, 7)]), BTreeSet::from([0, 1]));
        assert_eq!(t.tokens_in(&[Span::new(3, 6)]), BTreeSet::new());
    }
}
