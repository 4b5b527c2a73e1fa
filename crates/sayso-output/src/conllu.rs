//! CoNLL-U: the linguistic layers (tokens, sentences, tags, dependency trees), for inspecting
//! what the attribution stages saw.

use sayso_document::Document;
use std::io::Write;

/// Writes one CoNLL-U block a sentence; columns the pipeline did not fill are `_`.
pub fn write_conllu(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    writeln!(out, "# newdoc id = {}", doc.id)?;
    for (k, s) in doc.sentences.iter().enumerate() {
        let range = doc.tokens_in(*s);
        writeln!(out, "# sent_id = {}-{}", doc.id, k + 1)?;
        writeln!(out, "# text = {}", doc.slice(*s).replace('\n', " "))?;
        for i in range.clone() {
            let form = doc.token_text(i).replace(['\t', '\n'], " ");
            let upos = doc.upos.get(i).map_or("_", |u| u.as_str());
            let deprel = doc.deprels.get(i).map_or("_", |d| d.as_ref());
            // (A sentence the parser left out has relation `_` and no head either.)
            let head = match doc.heads.get(i) {
                _ if deprel == "_" => "_".to_string(),
                Some(Some(h)) => (*h as usize + 1 - range.start).to_string(),
                Some(None) => "0".to_string(),
                None => "_".to_string(),
            };
            let t = doc.tokens[i].span;
            writeln!(
                out,
                "{}\t{form}\t_\t{upos}\t_\t_\t{head}\t{deprel}\t_\tTokenRange={}:{}",
                i + 1 - range.start,
                t.start,
                t.end
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sayso_document::{Span, Token, TokenKind, Upos};

    #[test]
    fn writes_tokens_tags_and_heads() {
        let mut d = Document::new("d", "Ann said.").unwrap();
        let tok = |a: u32, b: u32, kind| Token {
            span: Span::new(a, b),
            byte_start: a,
            byte_end: b,
            kind,
        };
        d.tokens = vec![
            tok(0, 3, TokenKind::Word),
            tok(4, 8, TokenKind::Word),
            tok(8, 9, TokenKind::Terminal),
        ];
        d.sentences = vec![Span::new(0, 9)];
        d.upos = vec![Upos::Propn, Upos::Verb, Upos::Punct];
        d.heads = vec![Some(1), None, Some(1)];
        d.deprels = vec!["nsubj".into(), "root".into(), "punct".into()];
        let written = |d: &Document| {
            let mut out = Vec::new();
            write_conllu(&mut out, d).unwrap();
            String::from_utf8(out).unwrap()
        };
        let s = written(&d);
        assert!(
            s.contains("1\tAnn\t_\tPROPN\t_\t_\t2\tnsubj\t_\tTokenRange=0:3\n"),
            "{s}"
        );
        assert!(
            s.contains("2\tsaid\t_\tVERB\t_\t_\t0\troot\t_\tTokenRange=4:8\n"),
            "{s}"
        );
        // A sentence the parser left out: neither head nor relation.
        d.heads = vec![None; 3];
        d.deprels = vec!["_".into(); 3];
        let s = written(&d);
        assert!(
            s.contains("2\tsaid\t_\tVERB\t_\t_\t_\t_\t_\tTokenRange=4:8\n"),
            "{s}"
        );
    }
}
