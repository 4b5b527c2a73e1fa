//! Annotated documents for evaluation and training: BRAT standoff (`.txt` + `.ann`, in one
//! folder or in PolNeAR's `text/` + `attributions/` layout) and JSONL whose records carry
//! `attributions` (PolNeAR's gold form or sayso's own output form).

use crate::error::{decode, read_text_file, ReadError};
use crate::ReadResult;
use sayso_document::{kind, Attribution, Document, Span};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Reads gold documents from a BRAT folder or a JSONL file.
pub fn read_gold(path: &Path) -> Vec<ReadResult> {
    if path.is_dir() {
        read_brat_folder(path)
    } else {
        read_annotated_jsonl(path)
    }
}

fn read_brat_folder(dir: &Path) -> Vec<ReadResult> {
    let polnear = dir.join("text").is_dir() && dir.join("attributions").is_dir();
    let (text_dir, ann_dir) = if polnear {
        (dir.join("text"), dir.join("attributions"))
    } else {
        (dir.to_path_buf(), dir.to_path_buf())
    };
    let io_error = |path: &Path, source| {
        vec![Err(ReadError::Io {
            path: path.to_path_buf(),
            source,
        })]
    };
    let texts = match files_with_extension(&text_dir, "txt") {
        Ok(t) => t,
        Err(e) => return io_error(&text_dir, e),
    };
    let anns = match files_with_extension(&ann_dir, "ann") {
        Ok(a) => a,
        Err(e) => return io_error(&ann_dir, e),
    };
    // For each text stem, the first annotator's file (PolNeAR names them STEM_ANNOTATOR.ann).
    let mut ann_of: HashMap<String, PathBuf> = HashMap::new();
    for ann in anns {
        let stem = stem(&ann);
        let key = if polnear {
            stem.rsplit_once('_')
                .map_or(stem.clone(), |(s, _)| s.to_string())
        } else {
            stem
        };
        ann_of.entry(key).or_insert(ann);
    }
    texts
        .into_iter()
        .map(|txt| {
            let id = stem(&txt);
            let (origin, text) = read_text_file(&txt)?;
            let mut doc =
                Document::new(id.clone(), text).map_err(|source| ReadError::Document {
                    origin: origin.clone(),
                    source,
                })?;
            doc.meta.origin = Some(origin);
            if let Some(ann) = ann_of.get(&id) {
                let (ann_origin, ann_text) = read_text_file(ann)?;
                doc.attributions = parse_ann(&ann_text, &ann_origin, &doc)?;
                doc.meta.extra.insert(
                    "annotator".into(),
                    Value::String(stem(ann).rsplit('_').next().unwrap_or("").into()),
                );
            }
            Ok(doc)
        })
        .collect()
}

/// Parses a BRAT `.ann` file into attributions (events of type `Attribution` and
/// `Attribution-no-source`; other annotations are ignored).
pub fn parse_ann(ann: &str, origin: &str, doc: &Document) -> Result<Vec<Attribution>, ReadError> {
    let n = doc.char_len();
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut events: Vec<(usize, Vec<(String, &str)>)> = Vec::new();
    for (lineno, line) in ann.lines().enumerate() {
        let bad = |message: String| ReadError::Annotation {
            origin: format!("{origin}, line {}", lineno + 1),
            message,
        };
        let mut cols = line.splitn(3, '\t');
        let id = cols.next().unwrap_or("");
        let Some(body) = cols.next() else {
            continue; // a continuation of a multi-line annotation text, or a blank line
        };
        if id.starts_with('T') {
            let (_, offsets) = body
                .split_once(' ')
                .ok_or_else(|| bad(format!("no offsets in {body:?}")))?;
            let mut pieces = Vec::new();
            for piece in offsets.split(';') {
                let mut it = piece.split_whitespace();
                let (Some(s), Some(e), None) = (it.next(), it.next(), it.next()) else {
                    return Err(bad(format!("bad offsets {offsets:?}")));
                };
                let (s, e): (u32, u32) = match (s.parse(), e.parse()) {
                    (Ok(s), Ok(e)) => (s, e),
                    _ => return Err(bad(format!("bad offsets {offsets:?}"))),
                };
                if s >= e || e > n {
                    return Err(bad(format!(
                        "span {s}-{e} outside the text of {n} characters"
                    )));
                }
                pieces.push(Span::new(s, e));
            }
            spans.insert(id, pieces);
        } else if id.starts_with('E') {
            let mut args = body.split_whitespace();
            let trigger = args.next().unwrap_or("");
            let kind = trigger.split(':').next().unwrap_or("");
            if kind != "Attribution" && kind != "Attribution-no-source" {
                continue;
            }
            let roles = args
                .filter_map(|a| a.split_once(':'))
                .map(|(role, t)| {
                    (
                        role.trim_end_matches(|c: char| c.is_ascii_digit())
                            .to_string(),
                        t,
                    )
                })
                .collect();
            events.push((lineno + 1, roles));
        }
    }
    let chars: Vec<char> = doc.text().chars().collect();
    let mut out = Vec::with_capacity(events.len());
    for (lineno, roles) in events {
        let mut attr = empty_attribution();
        for (role, t) in roles {
            let pieces = spans.get(t).ok_or_else(|| ReadError::Annotation {
                origin: format!("{origin}, line {lineno}"),
                message: format!("event refers to unknown annotation {t}"),
            })?;
            match role.as_str() {
                "Source" => attr.source.extend(pieces),
                "Cue" => attr.cue.extend(pieces),
                "Content" => attr.content.extend(pieces),
                _ => {}
            }
        }
        finish(&mut attr, &chars);
        out.push(attr);
    }
    Ok(out)
}

fn empty_attribution() -> Attribution {
    Attribution {
        kind: sayso_document::AttributionKind::Indirect,
        content: Vec::new(),
        cue: Vec::new(),
        source: Vec::new(),
        speaker: None,
        confidence: 1.0,
        continuation_from: None,
        ..Default::default()
    }
}

fn finish(attr: &mut Attribution, chars: &[char]) {
    for role in [&mut attr.content, &mut attr.cue, &mut attr.source] {
        role.sort();
        role.dedup();
    }
    attr.kind = kind::classify(chars, &attr.content);
}

fn read_annotated_jsonl(path: &Path) -> Vec<ReadResult> {
    let name = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(source) => {
            return vec![Err(ReadError::Io {
                path: path.to_path_buf(),
                source,
            })]
        }
    };
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).split(b'\n').enumerate() {
        let origin = format!("{name}, line {}", i + 1);
        let line = match line {
            Ok(l) => l,
            Err(source) => {
                out.push(Err(ReadError::Io {
                    path: path.to_path_buf(),
                    source,
                }));
                break;
            }
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        out.push(decode(&origin, line).and_then(|l| annotated_record(&l, &origin)));
    }
    out
}

fn annotated_record(line: &str, origin: &str) -> ReadResult {
    let value: Value = serde_json::from_str(line).map_err(|e| ReadError::Json {
        origin: origin.into(),
        message: e.to_string(),
    })?;
    let field = |message: &str| ReadError::Field {
        origin: origin.into(),
        message: message.into(),
    };
    let id = value
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| field("no string \"id\""))?;
    let text = value
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| field("no string \"text\""))?;
    let mut doc = Document::new(id, text).map_err(|source| ReadError::Document {
        origin: origin.into(),
        source,
    })?;
    doc.meta.origin = Some(origin.to_string());
    if let Some(a) = value.get("annotator") {
        doc.meta.extra.insert("annotator".into(), a.clone());
    }
    let chars: Vec<char> = doc.text().chars().collect();
    doc.attributions = attributions_from_json(value.get("attributions"), chars.len() as u32)
        .into_iter()
        .map(|mut a| {
            finish(&mut a, &chars);
            a
        })
        .collect();
    Ok(doc)
}

/// Attributions of a JSON array in either form: sayso's (`[{"start", "end"}]` per role) or
/// PolNeAR's (`[{"spans": [[s, e]]}]`). Spans are clipped to `[0, text_len)`; empty and
/// malformed ones are dropped, as the reference scorer does. The kind is kept when given.
pub fn attributions_from_json(value: Option<&Value>, text_len: u32) -> Vec<Attribution> {
    let Some(Value::Array(items)) = value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let obj = item.as_object()?;
            let mut attr = empty_attribution();
            attr.content = role_spans(obj.get("content"), text_len);
            attr.cue = role_spans(obj.get("cue"), text_len);
            attr.source = role_spans(obj.get("source"), text_len);
            attr.kind = match obj.get("kind").and_then(Value::as_str) {
                Some("direct") => sayso_document::AttributionKind::Direct,
                Some("mixed") => sayso_document::AttributionKind::Mixed,
                _ => sayso_document::AttributionKind::Indirect,
            };
            attr.speaker = obj
                .get("speaker")
                .and_then(Value::as_str)
                .map(str::to_string);
            attr.confidence = obj.get("confidence").and_then(Value::as_f64).unwrap_or(1.0) as f32;
            Some(attr)
        })
        .collect()
}

fn role_spans(value: Option<&Value>, n: u32) -> Vec<Span> {
    let mut out = Vec::new();
    let mut push = |s: &Value, e: &Value| {
        let (Some(s), Some(e)) = (as_int(s), as_int(e)) else {
            return;
        };
        if s < e && s < n as i64 && e > 0 {
            out.push(Span::new(s.max(0) as u32, e.min(n as i64) as u32));
        }
    };
    let items: Vec<&Value> = match value {
        Some(Value::Array(a)) if a.len() == 2 && a.iter().all(|v| as_int(v).is_some()) => {
            push(&a[0], &a[1]);
            Vec::new()
        }
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v @ Value::Object(_)) => vec![v],
        _ => Vec::new(),
    };
    for item in items {
        match item {
            Value::Object(o) if o.contains_key("start") || o.contains_key("end") => push(
                o.get("start").unwrap_or(&Value::Null),
                o.get("end").unwrap_or(&Value::Null),
            ),
            Value::Object(o) => {
                for pair in o
                    .get("spans")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if let Some([s, e]) = pair.as_array().map(Vec::as_slice) {
                        push(s, e);
                    }
                }
            }
            Value::Array(pair) if pair.len() == 2 => push(&pair[0], &pair[1]),
            _ => {}
        }
    }
    out.sort();
    out.dedup();
    out
}

fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn files_with_extension(dir: &Path, ext: &str) -> std::io::Result<Vec<PathBuf>> {
    let mut files: BTreeMap<PathBuf, ()> = BTreeMap::new();
    for entry in std::fs::read_dir(dir)? {
        let p = entry?.path();
        if p.extension().and_then(|e| e.to_str()) == Some(ext) {
            files.insert(p, ());
        }
    }
    Ok(files.into_keys().collect())
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sayso_document::AttributionKind;

    #[test]
    fn parses_brat_events() {
        let doc = Document::new("d", "“We won,” he said. Critics said it was luck.").unwrap();
        let ann = "T1\tContent 0 9\t“We won,”\nT2\tSource 10 12\the\nT3\tCue 13 17\tsaid\nT9\tAttribution 13 17\tsaid\n\
                   E1\tAttribution:T9 Content:T1 Cue:T3 Source:T2\n#1\tAnnotatorNotes T1\tnote\n\
                   T4\tContent 31 43;43 44\tit was luck.\nT5\tCue 27 31\tsaid\nE2\tAttribution-no-source:T5 Content:T4 Cue:T5\n";
        let attrs = parse_ann(ann, "d.ann", &doc).unwrap();
        assert_eq!(attrs.len(), 2);
        assert_eq!(attrs[0].kind, AttributionKind::Direct);
        assert_eq!(attrs[0].source, [Span::new(10, 12)]);
        assert_eq!(attrs[1].content, [Span::new(31, 43), Span::new(43, 44)]);
        assert_eq!(attrs[1].kind, AttributionKind::Indirect);
    }

    #[test]
    fn bad_offsets_name_the_line() {
        let doc = Document::new("d", "short").unwrap();
        let err = parse_ann("T1\tContent 0 99\tx\n", "d.ann", &doc).unwrap_err();
        assert_eq!(
            err.to_string(),
            "d.ann, line 1: span 0-99 outside the text of 5 characters"
        );
    }

    #[test]
    fn both_json_forms() {
        let v: Value = serde_json::from_str(
            r#"[{"kind": "direct", "content": [{"start": 0, "end": 4, "text": "x"}], "cue": [], "source": [[5, 7]]},
                {"content": [{"spans": [[1, 3], [4, 99]]}], "cue": [{"spans": [[3, 2]]}]}]"#,
        )
        .unwrap();
        let attrs = attributions_from_json(Some(&v), 10);
        assert_eq!(attrs[0].content, [Span::new(0, 4)]);
        assert_eq!(attrs[0].source, [Span::new(5, 7)]);
        assert_eq!(attrs[1].content, [Span::new(1, 3), Span::new(4, 10)]);
        assert!(attrs[1].cue.is_empty());
    }
}
