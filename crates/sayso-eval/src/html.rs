//! Main-text extraction scored as trafilatura's evaluation scores it: over all pages, a
//! must-have snippet the output holds counts as a true positive (one it lacks, a false
//! negative), a must-not-have snippet found is a false positive (absent: a true negative).

use serde::Serialize;

/// Snippet counts over a set of pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SnippetCounts {
    pub true_positives: usize,
    pub false_negatives: usize,
    pub false_positives: usize,
    pub true_negatives: usize,
}

impl SnippetCounts {
    /// Counts one page's output against its snippets.
    pub fn add_page<S: AsRef<str>>(&mut self, output: &str, with: &[S], without: &[S]) {
        for s in with {
            if output.contains(s.as_ref()) {
                self.true_positives += 1;
            } else {
                self.false_negatives += 1;
            }
        }
        for s in without {
            if output.contains(s.as_ref()) {
                self.false_positives += 1;
            } else {
                self.true_negatives += 1;
            }
        }
    }

    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d > 0 {
        n as f64 / d as f64
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_snippets_like_trafilatura() {
        let mut c = SnippetCounts::default();
        c.add_page(
            "The minister said the plan works.",
            &["the plan works", "absent"],
            &["Menu"],
        );
        c.add_page("Home Menu Story", &["Story"], &["Menu", "Footer"]);
        assert_eq!(
            c,
            SnippetCounts {
                true_positives: 2,
                false_negatives: 1,
                false_positives: 1,
                true_negatives: 2
            }
        );
        assert!((c.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(SnippetCounts::default().f1(), 0.0);
    }
}
