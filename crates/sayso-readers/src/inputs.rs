//! Paths to documents: files, folders (recursively, in name order) and `-` for stdin.

use crate::error::{decode, ReadError};
use crate::jsonl::{parse_record, JsonlFields};
use crate::text::read_text_document;
use crate::ReadResult;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How to read an input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension (`.jsonl`/`.ndjson` are JSONL, anything else text); stdin by its first byte;
    /// text with a leading `date YYYY-MM-DD` is dated text.
    #[default]
    Auto,
    /// Plain text, never dated.
    Text,
    /// Dated text.
    Dated,
    Jsonl,
}

#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    pub format: InputFormat,
    pub fields: JsonlFields,
}

/// File extensions read from folders (files named explicitly are always read).
const FOLDER_EXTENSIONS: &[&str] = &["txt", "text", "jsonl", "ndjson"];

/// Documents from `paths`, lazily, in order.
pub fn read_inputs(paths: &[PathBuf], options: ReadOptions) -> Inputs {
    Inputs {
        pending: paths.iter().cloned().collect(),
        options,
        current: None,
        errors_first: VecDeque::new(),
    }
}

/// The iterator behind [`read_inputs`].
pub struct Inputs {
    pending: VecDeque<PathBuf>,
    options: ReadOptions,
    current: Option<JsonlSource>,
    errors_first: VecDeque<ReadError>,
}

struct JsonlSource {
    reader: Box<dyn BufRead + Send>,
    name: String,
    stem: String,
    line: usize,
}

impl Iterator for Inputs {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        loop {
            if let Some(err) = self.errors_first.pop_front() {
                return Some(Err(err));
            }
            if let Some(src) = &mut self.current {
                match next_record(src, &self.options.fields) {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
                continue;
            }
            let path = self.pending.pop_front()?;
            if let Some(item) = self.open(path) {
                return Some(item);
            }
        }
    }
}

impl Inputs {
    /// Opens one path: returns a document (text), or sets up a JSONL source, or expands a folder.
    fn open(&mut self, path: PathBuf) -> Option<ReadResult> {
        if path.as_os_str() == "-" {
            return self.open_stdin();
        }
        if path.is_dir() {
            match list_folder(&path) {
                Ok(files) => {
                    for f in files.into_iter().rev() {
                        self.pending.push_front(f);
                    }
                }
                Err(source) => self.errors_first.push_back(ReadError::Io { path, source }),
            }
            return None;
        }
        let name = path.display().to_string();
        let stem = file_stem(&path);
        if self.is_jsonl(&path) {
            match File::open(&path) {
                Ok(f) => {
                    self.current = Some(JsonlSource {
                        reader: Box::new(BufReader::with_capacity(1 << 16, f)),
                        name,
                        stem,
                        line: 0,
                    })
                }
                Err(source) => return Some(Err(ReadError::Io { path, source })),
            }
            return None;
        }
        Some(match std::fs::read(&path) {
            Ok(bytes) => read_text_document(
                &stem,
                &name,
                bytes,
                self.options.format != InputFormat::Text,
            ),
            Err(source) => Err(ReadError::Io { path, source }),
        })
    }

    fn open_stdin(&mut self) -> Option<ReadResult> {
        let mut reader = BufReader::with_capacity(1 << 16, std::io::stdin());
        let jsonl = match self.options.format {
            InputFormat::Jsonl => true,
            InputFormat::Auto => match reader.fill_buf() {
                Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
                Err(_) => false,
            },
            InputFormat::Text | InputFormat::Dated => false,
        };
        if jsonl {
            self.current = Some(JsonlSource {
                reader: Box::new(reader),
                name: "<stdin>".into(),
                stem: "stdin".into(),
                line: 0,
            });
            return None;
        }
        let mut bytes = Vec::new();
        Some(match reader.read_to_end(&mut bytes) {
            Ok(_) => read_text_document(
                "stdin",
                "<stdin>",
                bytes,
                self.options.format != InputFormat::Text,
            ),
            Err(source) => Err(ReadError::Io {
                path: PathBuf::from("<stdin>"),
                source,
            }),
        })
    }

    fn is_jsonl(&self, path: &Path) -> bool {
        match self.options.format {
            InputFormat::Jsonl => true,
            InputFormat::Text | InputFormat::Dated => false,
            InputFormat::Auto => matches!(extension(path).as_str(), "jsonl" | "ndjson"),
        }
    }
}

fn next_record(src: &mut JsonlSource, fields: &JsonlFields) -> Option<ReadResult> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        src.line += 1;
        match src.reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(source) => {
                return Some(Err(ReadError::Io {
                    path: PathBuf::from(&src.name),
                    source,
                }))
            }
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let origin = format!("{}, line {}", src.name, src.line);
        let line = match decode(&origin, std::mem::take(&mut buf)) {
            Ok(l) => l,
            Err(e) => return Some(Err(e)),
        };
        let fallback = format!("{}:{}", src.stem, src.line);
        return Some(parse_record(
            line.trim_start_matches('\u{feff}'),
            &origin,
            &fallback,
            fields,
        ));
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Readable files below `dir`, recursively, sorted by path; hidden entries skipped.
fn list_folder(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if FOLDER_EXTENSIONS.contains(&extension(&path).as_str()) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("sayso-readers-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn folder_mixes_text_jsonl_and_bad_records() {
        let d = temp_dir("folder");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("a.txt"), "date 2020-01-02\nHello.").unwrap();
        std::fs::write(
            d.join("b.jsonl"),
            "{\"id\":\"x\",\"text\":\"One\"}\n\nnot json\n{\"id\":\"y\",\"text\":\"Two\"}\n",
        )
        .unwrap();
        std::fs::write(d.join("sub/c.txt"), [0xffu8, 0xfe]).unwrap();
        std::fs::write(d.join("image.png"), [0u8, 1, 2]).unwrap();
        let got: Vec<String> = read_inputs(std::slice::from_ref(&d), ReadOptions::default())
            .map(|r| match r {
                Ok(doc) => format!(
                    "{}|{}|{}",
                    doc.id,
                    doc.date.clone().unwrap_or_default(),
                    doc.text()
                ),
                Err(e) => format!(
                    "error: {}",
                    e.to_string().replace(&d.display().to_string(), "D")
                ),
            })
            .collect();
        assert_eq!(
            got,
            [
                "a|2020-01-02|Hello.",
                "x||One",
                "error: D/b.jsonl, line 3: invalid JSON: expected ident at line 1 column 2",
                "y||Two",
                "error: D/sub/c.txt: not UTF-8 text (invalid byte sequence at byte 0)",
            ]
        );
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn missing_file_is_an_error_not_a_stop() {
        let d = temp_dir("missing");
        std::fs::write(d.join("ok.txt"), "Fine.").unwrap();
        let results: Vec<_> = read_inputs(
            &[d.join("nope.txt"), d.join("ok.txt")],
            ReadOptions::default(),
        )
        .collect();
        assert!(results[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("nope.txt: cannot read"));
        assert_eq!(results[1].as_ref().unwrap().text(), "Fine.");
        std::fs::remove_dir_all(&d).unwrap();
    }
}
