//! Paths to documents: files (plain or gzipped), folders (recursively, in name order), manifests
//! listing paths, and `-` for stdin.

use crate::error::{decode, read_text_file, ReadError};
use crate::html::Page;
use crate::jsonl::{parse_record, JsonlFields};
use crate::text::read_text_document;
use crate::warc::WarcRecords;
use crate::ReadResult;
use flate2::read::MultiGzDecoder;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How to read an input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension (`.jsonl`/`.ndjson` are JSONL, `.html`/`.htm` HTML, `.warc` WARC, each
    /// optionally `.gz`; anything else text); stdin by its first bytes; text with a leading
    /// `date YYYY-MM-DD` is dated text.
    #[default]
    Auto,
    /// Plain text, never dated.
    Text,
    /// Dated text.
    Dated,
    Jsonl,
    Html,
    Warc,
}

#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    pub format: InputFormat,
    pub fields: JsonlFields,
}

/// File extensions read from folders (files named explicitly are always read).
const FOLDER_EXTENSIONS: &[&str] = &[
    "txt", "text", "jsonl", "ndjson", "html", "htm", "xhtml", "warc",
];

/// What a file holds, as far as reading goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Jsonl,
    Html,
    Warc,
}

/// Documents from `paths`, lazily, in order.
pub fn read_inputs(paths: &[PathBuf], options: ReadOptions) -> Inputs {
    Inputs {
        pending: paths.iter().cloned().collect(),
        options,
        current: None,
        errors_first: VecDeque::new(),
        bytes_read: Arc::new(AtomicU64::new(0)),
    }
}

/// Paths listed in a manifest file: one a line, blank lines and `#` comments ignored, relative
/// paths taken from the manifest's folder.
pub fn read_manifest(path: &Path) -> Result<Vec<PathBuf>, ReadError> {
    let (_, text) = read_text_file(path)?;
    let base = path.parent().unwrap_or(Path::new(""));
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| base.join(l))
        .collect())
}

/// Total size in bytes of the files `paths` name (folders walked), for progress estimates.
pub fn input_size(paths: &[PathBuf]) -> Option<u64> {
    let mut total = 0;
    for path in paths {
        if path.as_os_str() == "-" {
            return None;
        }
        if path.is_dir() {
            for file in list_folder(path).ok()? {
                total += std::fs::metadata(file).ok()?.len();
            }
        } else {
            total += std::fs::metadata(path).ok()?.len();
        }
    }
    Some(total)
}

/// The iterator behind [`read_inputs`].
pub struct Inputs {
    pending: VecDeque<PathBuf>,
    options: ReadOptions,
    current: Option<Source>,
    errors_first: VecDeque<ReadError>,
    bytes_read: Arc<AtomicU64>,
}

/// A file that holds many documents, being read.
enum Source {
    Jsonl(JsonlSource),
    Warc { records: WarcRecords, stem: String },
}

struct JsonlSource {
    reader: Box<dyn BufRead + Send>,
    name: String,
    stem: String,
    line: usize,
}

/// What a reader yields: a document, or a web page still to be turned into one.
#[derive(Debug)]
pub enum Input {
    Document(Box<sayso_document::Document>),
    Page(Page),
}

impl Input {
    /// Bytes it holds: the page as read, or the document's text.
    pub fn size(&self) -> usize {
        match self {
            Input::Document(doc) => doc.text().len(),
            Input::Page(page) => page.bytes.len(),
        }
    }

    pub fn into_document(self) -> ReadResult {
        match self {
            Input::Document(doc) => Ok(*doc),
            Input::Page(page) => page.into_document(),
        }
    }
}

impl Iterator for Inputs {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        self.next_input().map(|r| r.and_then(Input::into_document))
    }
}

impl Inputs {
    /// The inputs with web pages not yet made documents ([`Input::into_document`]), so that
    /// the caller can do that in parallel.
    pub fn deferred(mut self) -> impl Iterator<Item = Result<Input, ReadError>> + Send {
        std::iter::from_fn(move || self.next_input())
    }

    fn next_input(&mut self) -> Option<Result<Input, ReadError>> {
        loop {
            if let Some(err) = self.errors_first.pop_front() {
                return Some(Err(err));
            }
            if let Some(src) = &mut self.current {
                let item = match src {
                    Source::Jsonl(src) => next_record(src, &self.options.fields)
                        .map(|r| r.map(|d| Input::Document(Box::new(d)))),
                    Source::Warc { records, stem } => records.next_response().map(|r| {
                        r.map(|response| {
                            Input::Page(Page {
                                origin: format!("{}, record {}", records.name(), response.record),
                                id: response
                                    .record_id
                                    .unwrap_or_else(|| format!("{stem}:{}", response.record)),
                                url: response.target_uri,
                                charset: response.charset,
                                fallback_date: response.date,
                                bytes: response.body,
                            })
                        })
                    }),
                };
                match item {
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
    /// Compressed bytes read so far from files (not stdin), for progress against
    /// [`input_size`].
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        self.bytes_read.clone()
    }

    /// Opens one path: returns a document (text, HTML), or sets up a multi-document source, or
    /// expands a folder.
    fn open(&mut self, path: PathBuf) -> Option<Result<Input, ReadError>> {
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
        let (kind, gzipped) = self.kind_of(&path);
        let stem = file_stem(&path, gzipped);
        let file = match File::open(&path) {
            Ok(f) => Counting {
                inner: f,
                count: self.bytes_read.clone(),
            },
            Err(source) => return Some(Err(ReadError::Io { path, source })),
        };
        let reader: Box<dyn BufRead + Send> = if gzipped {
            Box::new(BufReader::with_capacity(
                1 << 16,
                MultiGzDecoder::new(BufReader::new(file)),
            ))
        } else {
            Box::new(BufReader::with_capacity(1 << 16, file))
        };
        self.open_reader(reader, kind, name, stem)
    }

    fn open_reader(
        &mut self,
        mut reader: Box<dyn BufRead + Send>,
        kind: Kind,
        name: String,
        stem: String,
    ) -> Option<Result<Input, ReadError>> {
        match kind {
            Kind::Jsonl => {
                self.current = Some(Source::Jsonl(JsonlSource {
                    reader,
                    name,
                    stem,
                    line: 0,
                }));
                None
            }
            Kind::Warc => {
                self.current = Some(Source::Warc {
                    records: WarcRecords::new(reader, name),
                    stem,
                });
                None
            }
            Kind::Text | Kind::Html => {
                let mut bytes = Vec::new();
                if let Err(source) = reader.read_to_end(&mut bytes) {
                    return Some(Err(ReadError::Io {
                        path: PathBuf::from(&name),
                        source,
                    }));
                }
                Some(if kind == Kind::Html {
                    Ok(Input::Page(Page {
                        id: stem,
                        origin: name,
                        url: None,
                        charset: None,
                        fallback_date: None,
                        bytes,
                    }))
                } else {
                    read_text_document(
                        &stem,
                        &name,
                        bytes,
                        self.options.format != InputFormat::Text,
                    )
                    .map(|d| Input::Document(Box::new(d)))
                })
            }
        }
    }

    fn open_stdin(&mut self) -> Option<Result<Input, ReadError>> {
        let mut reader: Box<dyn BufRead + Send> =
            Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()));
        if peek(&mut reader).starts_with(&[0x1f, 0x8b]) {
            reader = Box::new(BufReader::with_capacity(
                1 << 16,
                MultiGzDecoder::new(reader),
            ));
        }
        let kind = match self.options.format {
            InputFormat::Auto => {
                let head = peek(&mut reader);
                let first = head.iter().find(|b| !b.is_ascii_whitespace());
                if head.starts_with(b"WARC/") {
                    Kind::Warc
                } else if first == Some(&b'{') {
                    Kind::Jsonl
                } else if first == Some(&b'<') {
                    Kind::Html
                } else {
                    Kind::Text
                }
            }
            format => kind_of_format(format).unwrap_or(Kind::Text),
        };
        self.open_reader(reader, kind, "<stdin>".into(), "stdin".into())
    }

    /// The kind of a file and whether it is gzipped.
    fn kind_of(&self, path: &Path) -> (Kind, bool) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let gzipped = name.ends_with(".gz");
        let inner = name.strip_suffix(".gz").unwrap_or(&name);
        let extension = inner.rsplit_once('.').map_or("", |(_, e)| e);
        let kind = kind_of_format(self.options.format).unwrap_or(match extension {
            "jsonl" | "ndjson" => Kind::Jsonl,
            "html" | "htm" | "xhtml" => Kind::Html,
            "warc" => Kind::Warc,
            _ => Kind::Text,
        });
        (kind, gzipped)
    }
}

fn kind_of_format(format: InputFormat) -> Option<Kind> {
    match format {
        InputFormat::Auto => None,
        InputFormat::Text | InputFormat::Dated => Some(Kind::Text),
        InputFormat::Jsonl => Some(Kind::Jsonl),
        InputFormat::Html => Some(Kind::Html),
        InputFormat::Warc => Some(Kind::Warc),
    }
}

fn peek(reader: &mut Box<dyn BufRead + Send>) -> Vec<u8> {
    reader
        .fill_buf()
        .map(|b| b[..b.len().min(64)].to_vec())
        .unwrap_or_default()
}

/// Counts the bytes read from a file into a shared total.
struct Counting {
    inner: File,
    count: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
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
                // A truncated or corrupt gzip stream cannot be read on.
                let err = ReadError::Field {
                    origin: format!("{}, line {}", src.name, src.line),
                    message: format!("cannot read on (truncated or corrupt file?): {source}; the lines before it were read"),
                };
                src.reader = Box::new(std::io::empty());
                return Some(Err(err));
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

/// The file name without its extension (and without `.gz` before that).
fn file_stem(path: &Path, gzipped: bool) -> String {
    let stem = if gzipped {
        path.file_stem().map(Path::new).and_then(Path::file_stem)
    } else {
        path.file_stem()
    };
    stem.map(|s| s.to_string_lossy().into_owned())
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
            } else {
                let ext = extension(&path);
                let inner = if ext == "gz" {
                    path.file_stem()
                        .map(|s| extension(Path::new(s)))
                        .unwrap_or_default()
                } else {
                    ext
                };
                if FOLDER_EXTENSIONS.contains(&inner.as_str()) {
                    out.push(path);
                }
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
