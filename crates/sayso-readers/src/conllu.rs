//! CoNLL-U treebanks (Universal Dependencies), for training and evaluating the linguistic stack.

use crate::error::{decode, ReadError};
use std::path::Path;

/// One word line of a sentence (multi-word token ranges and empty nodes are skipped).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub head: u32,
    pub deprel: String,
    pub misc: String,
}

impl Word {
    pub fn space_after(&self) -> bool {
        !self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    pub id: String,
    /// The `# text` comment: the sentence as written.
    pub text: String,
    pub new_document: bool,
    pub new_paragraph: bool,
    pub words: Vec<Word>,
}

pub fn read_conllu(path: &Path) -> Result<Vec<Sentence>, ReadError> {
    let origin = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_conllu(&decode(&origin, bytes)?, &origin)
}

pub fn parse_conllu(data: &str, origin: &str) -> Result<Vec<Sentence>, ReadError> {
    let mut sentences = Vec::new();
    let mut cur = Sentence::default();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                sentences.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if let Some(t) = comment.strip_prefix("text =") {
                cur.text = t.trim().to_string();
            } else if let Some(id) = comment.strip_prefix("sent_id =") {
                cur.id = id.trim().to_string();
            } else if comment.starts_with("newdoc") {
                cur.new_document = true;
                cur.new_paragraph = true;
            } else if comment == "newpar" || comment.starts_with("newpar ") {
                cur.new_paragraph = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ReadError::Annotation {
                origin: format!("{origin}, line {}", i + 1),
                message: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head: cols[6].parse().unwrap_or(0),
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.words.is_empty() {
        sentences.push(cur);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentences_and_markers() {
        let data = "# newdoc id = d1\n# sent_id = s1\n# text = Hi there.\n\
                    1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\n\
                    2\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t1:advmod\tSpaceAfter=No\n\
                    3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t1:punct\t_\n\n\
                    # newpar\n# text = Bye\n1-2\tBye\t_\t_\t_\t_\t_\t_\t_\t_\n1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t0:root\t_\n";
        let s = parse_conllu(data, "x").unwrap();
        assert_eq!(s.len(), 2);
        assert!(s[0].new_document && s[1].new_paragraph && !s[1].new_document);
        assert_eq!(s[0].words.len(), 3);
        assert!(!s[0].words[1].space_after());
        assert_eq!(s[1].words.len(), 1);
    }
}
