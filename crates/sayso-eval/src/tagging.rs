//! Part-of-speech accuracy on UD treebanks, from gold tokens and from raw text.

use sayso_annotate::Tagger;
use sayso_document::{Document, Span, Token, TokenKind, Upos};
use sayso_readers::conllu::Sentence;
use serde::Serialize;

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct TaggingScores {
    pub sentences: usize,
    pub tokens: usize,
    /// Tags right when the tagger is given the gold tokens and sentences.
    pub gold_tokens_accuracy: f64,
    /// Gold tokens whose span and tag sayso's own tokenizer and tagger both get right, from the
    /// sentence's raw text.
    pub raw_text_accuracy: f64,
}

pub fn evaluate(sentences: &[Sentence], tagger: &dyn Tagger) -> TaggingScores {
    let (mut tokens, mut right_gold, mut right_raw) = (0usize, 0usize, 0usize);
    for s in sentences {
        let gold: Vec<Option<Upos>> = s.words.iter().map(|w| Upos::parse(&w.upos)).collect();
        tokens += gold.len();
        // Gold tokens: the words joined by spaces, one sentence.
        let mut doc = gold_token_document(&[s]);
        tagger.tag(&mut doc);
        right_gold += doc
            .upos
            .iter()
            .zip(&gold)
            .filter(|(p, g)| Some(**p) == **g)
            .count();
        // Raw text through sayso's tokenizer and splitter.
        let Ok(mut raw) = Document::new("ud", s.text.as_str()) else {
            continue;
        };
        sayso_text::segment(&mut raw);
        tagger.tag(&mut raw);
        for (span, g) in align(&s.text, s).into_iter().zip(&gold) {
            let Some(span) = span else { continue };
            let k = raw.tokens.partition_point(|t| t.span.start < span.start);
            if raw.tokens.get(k).is_some_and(|t| t.span == span) && Some(raw.upos[k]) == *g {
                right_raw += 1;
            }
        }
    }
    let pct = |n: usize| crate::percent(n, tokens);
    TaggingScores {
        sentences: sentences.len(),
        tokens,
        gold_tokens_accuracy: pct(right_gold),
        raw_text_accuracy: pct(right_raw),
    }
}

/// A document of a treebank's own tokens: words joined by spaces, sentences by a blank line
/// (each its own paragraph), one sentence span each.
pub fn gold_token_document(sentences: &[&Sentence]) -> Document {
    let text = sentences
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| w.form.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut doc = Document::new("ud", text).expect("a treebank document is small");
    let (mut ch, mut byte) = (0u32, 0u32);
    for s in sentences {
        let sentence_start = ch;
        for w in &s.words {
            let (n, b) = (w.form.chars().count() as u32, w.form.len() as u32);
            doc.tokens.push(Token {
                span: Span::new(ch, ch + n),
                byte_start: byte,
                byte_end: byte + b,
                kind: kind_of(&w.form),
            });
            ch += n + 1;
            byte += b + 1;
        }
        doc.sentences
            .push(Span::new(sentence_start, ch.saturating_sub(1)));
        // The blank line between sentences is two characters where a word takes one.
        ch += 1;
        byte += 1;
    }
    doc
}

fn kind_of(form: &str) -> TokenKind {
    let c = form.chars().next().unwrap_or(' ');
    if form
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ':'))
        && c.is_ascii_digit()
    {
        TokenKind::Number
    } else if matches!(form, "." | "?" | "!" | "..." | "…") {
        TokenKind::Terminal
    } else if form
        .chars()
        .all(|c| matches!(c, '"' | '\'' | '`' | '“' | '”' | '‘' | '’'))
    {
        TokenKind::Quote
    } else if c.is_alphanumeric() {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

/// The code-point span of each gold word in the sentence text (`None` where it is not found).
fn align(text: &str, s: &Sentence) -> Vec<Option<Span>> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0usize;
    s.words
        .iter()
        .map(|w| {
            while pos < chars.len() && chars[pos].is_whitespace() {
                pos += 1;
            }
            let form: Vec<char> = w.form.chars().collect();
            let at = (pos..chars.len().min(pos + 10)).find(|&p| chars[p..].starts_with(&form))?;
            pos = at + form.len();
            Some(Span::new(at as u32, pos as u32))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sayso_readers::conllu::parse_conllu;

    #[test]
    fn aligns_gold_words_to_raw_text() {
        let data = "# text = Don't go.\n1\tDo\t_\tAUX\t_\t_\t0\troot\t_\tSpaceAfter=No\n2\tn't\t_\tPART\t_\t_\t1\tx\t_\t_\n\
                    3\tgo\t_\tVERB\t_\t_\t1\tx\t_\tSpaceAfter=No\n4\t.\t_\tPUNCT\t_\t_\t1\tx\t_\t_\n";
        let s = &parse_conllu(data, "t").unwrap()[0];
        let spans = align(&s.text, s);
        assert_eq!(
            spans,
            [
                Some(Span::new(0, 2)),
                Some(Span::new(2, 5)),
                Some(Span::new(6, 8)),
                Some(Span::new(8, 9))
            ]
        );
    }
}
