//! The dependents of each token of a tree, in two flat arrays (one allocation each, however
//! many tokens), for the stages that walk a parse downwards.

/// The dependents of token `t` are `list[starts[t]..starts[t + 1]]`, in text order.
pub struct Children {
    starts: Vec<u32>,
    list: Vec<u32>,
}

impl Children {
    /// The index of `n` tokens whose heads `head_of` gives (`None`, or a head out of range, for
    /// a root).
    pub fn new(n: usize, head_of: impl Fn(usize) -> Option<usize>) -> Children {
        let head = |t: usize| head_of(t).filter(|&h| h < n);
        let mut starts = vec![0u32; n + 1];
        for h in (0..n).filter_map(head) {
            starts[h + 1] += 1;
        }
        for t in 0..n {
            starts[t + 1] += starts[t];
        }
        let mut next = starts.clone();
        let mut list = vec![0u32; starts[n] as usize];
        for t in 0..n {
            if let Some(h) = head(t) {
                list[next[h] as usize] = t as u32;
                next[h] += 1;
            }
        }
        Children { starts, list }
    }

    /// The dependents of token `t`.
    pub fn of(&self, t: usize) -> &[u32] {
        &self.list[self.starts[t] as usize..self.starts[t + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_are_listed_by_head_in_order() {
        let heads = [Some(1), None, Some(1), Some(2), Some(1), Some(9)];
        let children = Children::new(heads.len(), |t| heads[t]);
        assert_eq!(children.of(1), [0, 2, 4]);
        assert_eq!(children.of(2), [3]);
        assert!(children.of(0).is_empty() && children.of(5).is_empty());
    }
}
