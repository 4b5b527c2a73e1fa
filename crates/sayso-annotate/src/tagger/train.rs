//! Builds `upos-lexicon.tsv` from CoNLL-U treebanks: for each word form seen at least
//! `min_count` times, its most frequent tag (ties broken by tag order, so the output is
//! deterministic).

use sayso_readers::conllu::Sentence;
use std::collections::{BTreeMap, HashMap};

pub fn build_lexicon(treebanks: &[Vec<Sentence>], min_count: usize) -> String {
    let mut counts: HashMap<String, BTreeMap<String, usize>> = HashMap::new();
    for sentences in treebanks {
        for s in sentences {
            for w in &s.words {
                let form = w.form.replace('’', "'");
                *counts
                    .entry(form)
                    .or_default()
                    .entry(w.upos.clone())
                    .or_default() += 1;
            }
        }
    }
    let mut rows: Vec<(String, String, usize)> = counts
        .into_iter()
        .filter_map(|(form, tags)| {
            let total: usize = tags.values().sum();
            let (tag, _) = tags.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            (total >= min_count && tag != "_").then(|| (form, tag.clone(), total))
        })
        .collect();
    rows.sort();
    let mut out = String::from(
        "# form\tUPOS\tcount: most frequent tag per form; rebuild with `sayso train lexicon`\n",
    );
    for (form, tag, n) in rows {
        out.push_str(&format!("{form}\t{tag}\t{n}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sayso_readers::conllu::parse_conllu;

    #[test]
    fn most_frequent_tag_wins() {
        let data = "1\trun\trun\tVERB\t_\t_\t0\troot\t_\t_\n\n1\trun\trun\tNOUN\t_\t_\t0\troot\t_\t_\n\n\
                    1\trun\trun\tVERB\t_\t_\t0\troot\t_\t_\n2\tonce\tonce\tADV\t_\t_\t1\tadvmod\t_\t_\n";
        let s = parse_conllu(data, "t").unwrap();
        let lex = build_lexicon(&[s], 2);
        assert!(lex.contains("run\tVERB\t3\n"));
        assert!(!lex.contains("once"));
    }
}
