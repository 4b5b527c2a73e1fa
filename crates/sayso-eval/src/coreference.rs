//! Coreference scores: MUC (links), B-cubed (mentions) and CEAF-e (entities, aligned one to one
//! by the best total similarity), and their mean, as the CoNLL-2012 shared task reports them.
//! Clusters are sets of mentions; a mention is any hashable key (here token ranges).

use crate::article::Prf;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

#[derive(Clone, Debug, Default, Serialize)]
pub struct CorefScores {
    pub muc: Prf,
    pub b_cubed: Prf,
    pub ceaf_e: Prf,
    /// The mean of the three F1s (the CoNLL score).
    pub mean_f1: f64,
}

/// Sums of numerators and denominators over documents, for micro-averaged scores.
#[derive(Clone, Debug, Default)]
pub struct CorefCounts {
    muc: [f64; 4],
    b_cubed: [f64; 4],
    ceaf_e: [f64; 4],
}

impl CorefCounts {
    /// Adds one document: `key` the gold clusters, `response` the predicted ones.
    pub fn add<M: Hash + Eq + Clone>(&mut self, key: &[Vec<M>], response: &[Vec<M>]) {
        let (r_num, r_den) = muc(key, response);
        let (p_num, p_den) = muc(response, key);
        add(&mut self.muc, [r_num, r_den, p_num, p_den]);
        let (r_num, r_den) = b_cubed(key, response);
        let (p_num, p_den) = b_cubed(response, key);
        add(&mut self.b_cubed, [r_num, r_den, p_num, p_den]);
        let best = ceaf_alignment(key, response);
        add(
            &mut self.ceaf_e,
            [best, key.len() as f64, best, response.len() as f64],
        );
    }

    pub fn scores(&self) -> CorefScores {
        let prf = |c: &[f64; 4]| Prf::from_fractions(c[2], c[3], c[0], c[1]);
        let (muc, b_cubed, ceaf_e) = (prf(&self.muc), prf(&self.b_cubed), prf(&self.ceaf_e));
        CorefScores {
            mean_f1: (muc.f1 + b_cubed.f1 + ceaf_e.f1) / 3.0,
            muc,
            b_cubed,
            ceaf_e,
        }
    }
}

fn add(to: &mut [f64; 4], counts: [f64; 4]) {
    to.iter_mut().zip(counts).for_each(|(t, c)| *t += c);
}

/// The index of the response cluster each mention is in.
fn cluster_index<M: Hash + Eq>(response: &[Vec<M>]) -> HashMap<&M, usize> {
    response
        .iter()
        .enumerate()
        .flat_map(|(k, c)| c.iter().map(move |m| (m, k)))
        .collect()
}

/// MUC recall of `key` against `response` (swap them for precision): for each key cluster,
/// its size minus the number of response clusters (and unmatched mentions) it falls into.
fn muc<M: Hash + Eq>(key: &[Vec<M>], response: &[Vec<M>]) -> (f64, f64) {
    let cluster_of = cluster_index(response);
    let (mut num, mut den) = (0.0, 0.0);
    for cluster in key {
        let mut parts = HashSet::new();
        let mut singletons = 0;
        for m in cluster {
            match cluster_of.get(m) {
                Some(k) => {
                    parts.insert(*k);
                }
                None => singletons += 1,
            }
        }
        num += (cluster.len() - parts.len() - singletons) as f64;
        den += cluster.len().saturating_sub(1) as f64;
    }
    (num, den)
}

/// B-cubed recall of `key` against `response` (swap them for precision).
fn b_cubed<M: Hash + Eq>(key: &[Vec<M>], response: &[Vec<M>]) -> (f64, f64) {
    let cluster_of = cluster_index(response);
    let (mut num, mut den) = (0.0, 0.0);
    for cluster in key {
        let mut overlap: HashMap<usize, usize> = HashMap::new();
        for m in cluster {
            if let Some(k) = cluster_of.get(m) {
                *overlap.entry(*k).or_default() += 1;
            }
        }
        num += overlap
            .iter()
            .map(|(_, &n)| (n * n) as f64 / cluster.len() as f64)
            .sum::<f64>();
        den += cluster.len() as f64;
    }
    (num, den)
}

/// The best total entity similarity (phi-4: 2|K and R| / (|K| + |R|)) over one-to-one
/// alignments of key and response clusters.
fn ceaf_alignment<M: Hash + Eq>(key: &[Vec<M>], response: &[Vec<M>]) -> f64 {
    if key.is_empty() || response.is_empty() {
        return 0.0;
    }
    let cluster_of = cluster_index(response);
    let n = key.len().max(response.len());
    // Costs to minimise: the negated similarities, square (padding is zero).
    let mut cost = vec![vec![0.0; n]; n];
    for (i, k) in key.iter().enumerate() {
        let mut common: HashMap<usize, usize> = HashMap::new();
        for m in k {
            if let Some(&j) = cluster_of.get(m) {
                *common.entry(j).or_default() += 1;
            }
        }
        for (j, c) in common {
            cost[i][j] = -2.0 * c as f64 / (k.len() + response[j].len()) as f64;
        }
    }
    -min_cost_assignment(&cost)
}

/// The least total cost of a perfect matching of rows to columns of a square matrix
/// (Kuhn-Munkres with potentials, O(n^3)).
fn min_cost_assignment(cost: &[Vec<f64>]) -> f64 {
    let n = cost.len();
    let (mut u, mut v) = (vec![0.0; n + 1], vec![0.0; n + 1]);
    // `p[j]`: the row matched to column j (1-based; 0 = none).
    let mut p = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=n {
                if used[j] {
                    continue;
                }
                let reduced = cost[i0 - 1][j - 1] - u[i0] - v[j];
                if reduced < minv[j] {
                    minv[j] = reduced;
                    way[j] = j0;
                }
                if minv[j] < delta {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=n).map(|j| cost[p[j] - 1][j - 1]).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_response_scores_100_and_known_example() {
        let key = vec![vec![1, 2, 3], vec![4, 5]];
        let mut c = CorefCounts::default();
        c.add(&key, &key);
        let s = c.scores();
        assert!((s.mean_f1 - 100.0).abs() < 1e-9, "{s:?}");
        // The CoNLL scorer's example: key {a,b,c} {d,e,f,g}, response {a,b} {c,d} {f,g,h,i}.
        let key = vec![vec!['a', 'b', 'c'], vec!['d', 'e', 'f', 'g']];
        let response = vec![vec!['a', 'b'], vec!['c', 'd'], vec!['f', 'g', 'h', 'i']];
        let mut c = CorefCounts::default();
        c.add(&key, &response);
        let s = c.scores();
        assert!((s.muc.r - 40.0).abs() < 1e-6, "{s:?}");
        assert!((s.muc.p - 40.0).abs() < 1e-6, "{s:?}");
        // B3 recall: (4/3 + 1/3 + 1/4 + 4/4) / 7 = 0.4166...
        assert!((s.b_cubed.r - 100.0 * (4.0 / 3.0 + 1.0 / 3.0 + 0.25 + 1.0) / 7.0).abs() < 1e-6);
        // CEAF-e: best alignment {a,b,c}-{a,b} 0.8, {d,e,f,g}-{f,g,h,i} 0.5.
        assert!((s.ceaf_e.r - 100.0 * 1.3 / 2.0).abs() < 1e-6, "{s:?}");
        assert!((s.ceaf_e.p - 100.0 * 1.3 / 3.0).abs() < 1e-6, "{s:?}");
    }

    #[test]
    fn assignment_finds_the_cheapest_matching() {
        let cost = vec![
            vec![4.0, 1.0, 3.0],
            vec![2.0, 0.0, 5.0],
            vec![3.0, 2.0, 2.0],
        ];
        assert_eq!(min_cost_assignment(&cost), 5.0);
    }
}
