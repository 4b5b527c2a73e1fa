//! CoNLL-U treebanks (Universal Dependencies), for training and evaluating the linguistic stack.

use crate::error::{read_text_file, ReadError};
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

/// The sentences grouped into the treebank's documents (`# newdoc`).
pub fn documents(sentences: &[Sentence]) -> Vec<Vec<&Sentence>> {
    let mut out: Vec<Vec<&Sentence>> = Vec::new();
    for s in sentences {
        match out.last_mut() {
            Some(doc) if !s.new_document => doc.push(s),
            _ => out.push(vec![s]),
        }
    }
    out
}

/// One mention of GUM's entity layer (`Entity=` in MISC): inclusive word indices counted over
/// the sentences given, the entity type ("person", "organization", "place", ...) and the
/// entity id (mentions with one id corefer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityMention {
    pub first: usize,
    pub last: usize,
    pub kind: String,
    pub entity: String,
}

/// The entity mentions of a run of sentences (a document), nested ones included.
pub fn entity_mentions(sentences: &[&Sentence]) -> Vec<EntityMention> {
    let mut out = Vec::new();
    let mut open: std::collections::HashMap<String, Vec<(usize, String)>> = Default::default();
    let mut t = 0;
    for s in sentences {
        for w in &s.words {
            for mark in entity_marks(&w.misc) {
                match mark {
                    Mark::Single(entity, kind) => out.push(EntityMention {
                        first: t,
                        last: t,
                        kind,
                        entity,
                    }),
                    Mark::Open(id, kind) => open.entry(id).or_default().push((t, kind)),
                    Mark::Close(id) => {
                        if let Some((first, kind)) = open.get_mut(&id).and_then(Vec::pop) {
                            out.push(EntityMention {
                                first,
                                last: t,
                                kind,
                                entity: id,
                            });
                        }
                    }
                }
            }
            t += 1;
        }
    }
    out.sort_by_key(|m| (m.first, m.last));
    out
}

#[derive(Debug, PartialEq, Eq)]
enum Mark {
    /// A mention of this word alone: id, type.
    Single(String, String),
    Open(String, String),
    Close(String),
}

/// The marks of a MISC column's `Entity=` field: "(3-person-new-...(4-place-...)2)".
fn entity_marks(misc: &str) -> Vec<Mark> {
    let Some(value) = misc
        .split('|')
        .find_map(|field| field.strip_prefix("Entity="))
    else {
        return Vec::new();
    };
    let chars: Vec<char> = value.chars().collect();
    let mut marks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '(' {
            let start = i + 1;
            let mut end = start;
            while end < chars.len() && chars[end] != '(' && chars[end] != ')' {
                end += 1;
            }
            let body: String = chars[start..end].iter().collect();
            let mut parts = body.split('-');
            let id = parts.next().unwrap_or_default().to_string();
            let kind = parts.next().unwrap_or_default().to_string();
            if chars.get(end) == Some(&')') {
                marks.push(Mark::Single(id, kind));
                i = end + 1;
            } else {
                marks.push(Mark::Open(id, kind));
                i = end;
            }
        } else if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if chars.get(i) == Some(&')') {
                marks.push(Mark::Close(chars[start..i].iter().collect()));
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    marks
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
    let (origin, text) = read_text_file(path)?;
    parse_conllu(&text, &origin)
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

    #[test]
    fn gum_entity_layer_nested_and_single() {
        let marks = entity_marks("Discourse=x|Entity=(3-person-new-sgl(4-place-new-cf2)2)|MSeg=a");
        assert_eq!(
            marks,
            vec![
                Mark::Open("3".into(), "person".into()),
                Mark::Single("4".into(), "place".into()),
                Mark::Close("2".into()),
            ]
        );
    }
}
