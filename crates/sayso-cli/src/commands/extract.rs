//! `sayso extract`: documents in, attributions out.

use super::InputArgs;
use crate::progress::Progress;
use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use sayso::readers::{input_size, read_inputs, Input, ReadError};
use sayso::{Document, Pipeline};
use sayso_output::parquet::ParquetWriter;
use std::fs::File;
use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct ExtractArgs {
    /// Files or folders to read (text, dated text, JSONL, HTML, WARC; any of them gzipped);
    /// `-` or nothing reads stdin.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "jsonl")]
    format: OutputFormat,
    /// Output file (jsonl, table, conllu; gzipped when it ends in .gz) or folder (brat: .txt and
    /// .ann per document; parquet: attributions/part-NNNNN.parquet and
    /// documents/part-NNNNN.parquet). `-` or nothing: stdout; for brat, .ann files next to
    /// plain-text inputs.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Go on with an interrupted run: documents already written to --output (and --errors) are
    /// kept and not redone (for Parquet, those of the parts closed before the interruption).
    /// Needs --output.
    #[arg(long)]
    resume: bool,
    /// Parquet: a part file closes at the end of the first batch (256 documents) that brings it
    /// to this many documents. A part is readable once closed, so parts are also what an
    /// interrupted run keeps.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    part_size: u64,
    /// Write continuation quotes (further quotes of a speaker with no cue of their own) as
    /// attributions of their own instead of further content spans of the one they continue.
    #[arg(long)]
    split_continuations: bool,
    /// Also write per-document errors as JSONL ({"id", "origin", "error"}) to this file.
    #[arg(long)]
    errors: Option<PathBuf>,
    /// Also find reported (indirect) speech: dependency parser, rules and the learned
    /// attribution model (about ten times slower; see the README for accuracy).
    #[arg(long)]
    reported: bool,
    /// Run the English models over documents identified as another language too (by default
    /// those get no attributions: their "language" field says why).
    #[arg(long)]
    all_languages: bool,
    /// Run the pipeline only this far: `read` (documents as read, no attributions), `tokens`
    /// (tokens and sentences too), `all`. The shorter runs measure what the later stages cost.
    #[arg(long, value_enum, default_value = "all")]
    until: Until,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// No progress bar even on a terminal.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Jsonl,
    Table,
    Brat,
    /// Tokens, sentences, tags and (with --reported) dependency trees.
    Conllu,
    /// A flat attributions table and a documents table (needs --output FOLDER).
    Parquet,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Until {
    Read,
    Tokens,
    All,
}

/// Documents are read and processed in batches of this many, in parallel within a batch,
/// written in input order; the reader fills the next batch meanwhile.
const BATCH: usize = 256;
/// The first batch is this small and each next one twice as large up to [`BATCH`], so that the
/// workers start (and the first results come out) before 256 documents have been read: on a
/// WARC of large pages that wait was a tenth of a short run.
const FIRST_BATCH: usize = 8;
/// A batch closes once its inputs hold this many bytes, so that web pages of hundreds of
/// kilobytes (or a 20 MB one) do not hold 256 of them in memory per batch.
const BATCH_BYTES: usize = 4 << 20;
/// Batches read ahead of the workers: with BATCH and BATCH_BYTES, what bounds memory.
const BATCHES_AHEAD: usize = 2;
/// Batches processed at once: two, so that a worker never waits for the end of a batch.
const IN_FLIGHT: usize = 2;

/// The next `size` inputs, or fewer once they hold [`BATCH_BYTES`].
fn next_batch(
    inputs: &mut impl Iterator<Item = Result<Input, ReadError>>,
    size: usize,
) -> Vec<Result<Input, ReadError>> {
    let mut batch = Vec::with_capacity(size);
    let mut bytes = 0;
    while batch.len() < size && bytes < BATCH_BYTES {
        let Some(item) = inputs.next() else { break };
        bytes += item.as_ref().map_or(0, Input::size);
        batch.push(item);
    }
    batch
}

pub fn run(mut args: ExtractArgs) -> Result<ExitCode> {
    // `-o -` is the usual spelling of standard output; it must not create a file named "-".
    if args.output.as_deref() == Some(Path::new("-")) {
        args.output = None;
    }
    let paths = args.input.paths(&args.paths)?;
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .context("setting up worker threads")?;
    }
    let checkpoint = Checkpoint::path_for(&args)?;
    let resumed = match (&checkpoint, args.resume) {
        (Some(path), true) => Checkpoint::load(path)?,
        _ => Checkpoint::default(),
    };
    let mut sink = Sink::open(&args, &resumed)?;
    let mut errors = ErrorLog::open(args.errors.as_deref(), &resumed)?;
    let mut pipeline = if args.reported {
        Pipeline::with_reported_speech()
    } else {
        Pipeline::new()
    };
    if args.all_languages {
        pipeline = pipeline.for_all_languages();
    }
    let inputs = read_inputs(&paths, args.input.options());
    let progress = Progress::new(args.quiet, input_size(&paths), inputs.bytes_read());
    let skip = resumed.documents;
    let (sender, receiver) =
        std::sync::mpsc::sync_channel::<Vec<Result<Input, ReadError>>>(BATCHES_AHEAD);
    let reader = std::thread::spawn(move || {
        let mut inputs = inputs.deferred().skip(skip);
        let mut size = FIRST_BATCH;
        loop {
            let batch = next_batch(&mut inputs, size);
            size = (size * 2).min(BATCH);
            if batch.is_empty() || sender.send(batch).is_err() {
                break;
            }
        }
    });
    let stream_format = sink.stream_format();
    let work = Work {
        pipeline: &pipeline,
        until: args.until,
        stream_format,
        split: args.split_continuations,
    };
    let mut out = BatchWriter {
        sink: &mut sink,
        errors: &mut errors,
        checkpoint: checkpoint.as_deref(),
        progress: &progress,
        split: args.split_continuations,
        documents: skip,
        failed: 0,
    };
    // Batches are processed as rayon tasks, IN_FLIGHT at a time, and written in input order as
    // they finish: a worker done with its share of one batch starts on the next instead of
    // waiting for the slowest document of the batch.
    // A batch task hands back a panic (of rendering, outside the per-document catch) for this
    // thread to resume, instead of leaving it waiting for a result that never comes.
    type Processed = std::thread::Result<Vec<Result<Done, Failure>>>;
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Processed)>();
    rayon::in_place_scope(|scope| -> Result<()> {
        let mut batches = receiver.into_iter();
        let mut finished = std::collections::BTreeMap::new();
        let (mut sent, mut written) = (0usize, 0usize);
        loop {
            if sent - written < IN_FLIGHT {
                if let Some(batch) = batches.next() {
                    let (done_tx, work, k) = (done_tx.clone(), &work, sent);
                    scope.spawn(move |_| {
                        let processed = std::panic::catch_unwind(AssertUnwindSafe(|| {
                            batch.into_par_iter().map(|r| work.process(r)).collect()
                        }));
                        // The receiver outlives the scope, so the send cannot fail.
                        let _ = done_tx.send((k, processed));
                    });
                    sent += 1;
                    continue;
                }
            }
            if written == sent {
                return Ok(());
            }
            let (k, processed) = done_rx.recv().expect("every batch task sends its result");
            finished.insert(
                k,
                processed.unwrap_or_else(|p| std::panic::resume_unwind(p)),
            );
            while let Some(processed) = finished.remove(&written) {
                out.write_batch(processed)?;
                written += 1;
            }
        }
    })?;
    let (documents, failed) = (out.documents, out.failed);
    reader
        .join()
        .map_err(|_| anyhow::anyhow!("the input reader stopped unexpectedly"))?;
    let written = sink.finish()?;
    if let Some(path) = &checkpoint {
        Checkpoint::new(documents, written, errors.end_batch()?).save(path)?;
    }
    progress.finish();
    if failed > 0 {
        eprintln!(
            "sayso: {} documents done, {failed} skipped",
            documents - skip - failed
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// What each worker needs to turn an input into something to write.
struct Work<'p> {
    pipeline: &'p Pipeline,
    until: Until,
    stream_format: Option<OutputFormat>,
    split: bool,
}

impl Work<'_> {
    fn process(&self, input: Result<Input, ReadError>) -> Result<Done, Failure> {
        match input.and_then(Input::into_document) {
            Ok(mut doc) => {
                let run = || match self.until {
                    Until::Read => {}
                    Until::Tokens => self.pipeline.segment(&mut doc),
                    Until::All => self.pipeline.process(&mut doc),
                };
                match std::panic::catch_unwind(AssertUnwindSafe(run)) {
                    Ok(()) => Done::new(doc, self.stream_format, self.split),
                    Err(_) => Err(Failure {
                        id: Some(doc.id.clone()),
                        origin: origin_of(&doc),
                        message:
                            "internal error while extracting (please report it with this document)"
                                .into(),
                    }),
                }
            }
            Err(e) => Err(Failure {
                id: None,
                origin: e.origin(),
                message: e.to_string(),
            }),
        }
    }
}

/// Writes processed batches in input order, each followed by its checkpoint.
struct BatchWriter<'a> {
    sink: &'a mut Sink,
    errors: &'a mut ErrorLog,
    checkpoint: Option<&'a Path>,
    progress: &'a Progress,
    split: bool,
    /// Input documents done, those of a resumed run's earlier part included.
    documents: usize,
    failed: usize,
}

impl BatchWriter<'_> {
    fn write_batch(&mut self, processed: Vec<Result<Done, Failure>>) -> Result<()> {
        let count = processed.len();
        let mut attributions = 0;
        for item in processed {
            let outcome = match item {
                Ok(Done::Rendered {
                    lines,
                    attributions: n,
                }) => {
                    attributions += n;
                    self.sink.write_rendered(&lines);
                    Ok(())
                }
                Ok(Done::Document(doc)) => {
                    attributions += doc.attributions.len();
                    self.sink
                        .write(&doc, self.split)
                        .map_err(|e| failure_of(&doc, e))
                }
                Err(e) => Err(e),
            };
            if let Err(failure) = outcome {
                self.failed += 1;
                self.progress
                    .println(&format!("sayso: skipped {}", failure.message));
                self.errors.write(&failure)?;
            }
        }
        self.documents += count;
        let errors_bytes = self.errors.end_batch()?;
        if let (Some(written), Some(path)) = (self.sink.end_batch()?, self.checkpoint) {
            Checkpoint::new(self.documents, written, errors_bytes).save(path)?;
        }
        self.progress.advance(count, attributions);
        Ok(())
    }
}

/// What a worker hands on to be written: for a stream format the document's rendered lines
/// (rendering and freeing a document are most of the cost of writing it, and run in parallel
/// this way), else the document.
enum Done {
    Document(Box<Document>),
    Rendered { lines: Vec<u8>, attributions: usize },
}

impl Done {
    fn new(doc: Document, stream: Option<OutputFormat>, split: bool) -> Result<Done, Failure> {
        let Some(format) = stream else {
            return Ok(Done::Document(Box::new(doc)));
        };
        let mut lines = Vec::new();
        render(&mut lines, format, &doc, split).map_err(|e| failure_of(&doc, e))?;
        Ok(Done::Rendered {
            lines,
            attributions: doc.attributions.len(),
        })
    }
}

/// A document in a stream format (JSONL, table or CoNLL-U).
fn render(out: &mut Vec<u8>, format: OutputFormat, doc: &Document, split: bool) -> Result<()> {
    match format {
        OutputFormat::Table => sayso_output::table::write_table(out, doc, split)?,
        OutputFormat::Conllu => sayso_output::conllu::write_conllu(out, doc)?,
        _ => sayso_output::jsonl::write_record(out, doc, split)?,
    }
    Ok(())
}

fn failure_of(doc: &Document, error: anyhow::Error) -> Failure {
    Failure {
        id: Some(doc.id.clone()),
        origin: origin_of(doc),
        message: format!("{error:#}"),
    }
}

fn origin_of(doc: &Document) -> String {
    doc.meta.origin.clone().unwrap_or_else(|| doc.id.clone())
}

/// A document that could not be read, processed or written.
struct Failure {
    id: Option<String>,
    origin: String,
    message: String,
}

/// Where a run stands: input documents done (written or failed), how long the output and
/// error files were then, and the Parquet parts closed. Saved next to the output whenever all
/// that is on disk (after every batch; for Parquet, when a part closes), so a killed run
/// resumes from there.
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct Checkpoint {
    documents: usize,
    output_bytes: u64,
    errors_bytes: u64,
    #[serde(default)]
    parts: usize,
}

/// What the output holds for certain: the stream's length, or the Parquet parts closed.
#[derive(Clone, Copy, Default)]
struct Written {
    output_bytes: u64,
    parts: usize,
}

impl Checkpoint {
    fn new(documents: usize, written: Written, errors_bytes: u64) -> Checkpoint {
        Checkpoint {
            documents,
            output_bytes: written.output_bytes,
            errors_bytes,
            parts: written.parts,
        }
    }

    fn path_for(args: &ExtractArgs) -> Result<Option<PathBuf>> {
        match &args.output {
            Some(out) => {
                let mut name = out.as_os_str().to_owned();
                name.push(".progress");
                Ok(Some(PathBuf::from(name)))
            }
            None if args.resume => bail!("--resume needs --output FILE or FOLDER"),
            None => Ok(None),
        }
    }

    fn load(path: &Path) -> Result<Checkpoint> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .with_context(|| format!("{}: not a sayso progress file", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Checkpoint::default()),
            Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }

    /// Written to a temporary file and renamed, so a kill never leaves half a checkpoint.
    fn save(&self, path: &Path) -> Result<()> {
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        std::fs::write(&tmp, serde_json::to_vec(self)?)
            .with_context(|| format!("writing {}", PathBuf::from(&tmp).display()))?;
        std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
        Ok(())
    }
}

/// Opens `path` for a run: truncated to `keep` bytes when resuming (what the checkpoint vouches
/// for), emptied otherwise.
fn open_resumable(path: &Path, keep: u64) -> Result<File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("opening {}", path.display()))?;
    file.set_len(keep)
        .with_context(|| format!("truncating {}", path.display()))?;
    Ok(file)
}

/// The output file of a stream format: each batch is written (as one gzip member for `.gz`)
/// and flushed before the checkpoint names its end.
struct BatchFile {
    file: Box<dyn Write>,
    gzip: bool,
    buffer: Vec<u8>,
    written: u64,
}

impl BatchFile {
    fn end_batch(&mut self) -> Result<u64> {
        if self.buffer.is_empty() {
            return Ok(self.written);
        }
        let bytes = if self.gzip {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&self.buffer)?;
            encoder.finish()?
        } else {
            std::mem::take(&mut self.buffer)
        };
        self.buffer.clear();
        self.file.write_all(&bytes).context("writing output")?;
        self.file.flush().context("writing output")?;
        self.written += bytes.len() as u64;
        Ok(self.written)
    }
}

/// The errors file (JSONL), written with the batch it belongs to.
struct ErrorLog(Option<BatchFile>);

impl ErrorLog {
    fn open(path: Option<&Path>, resumed: &Checkpoint) -> Result<Self> {
        Ok(ErrorLog(match path {
            Some(p) => Some(BatchFile {
                file: Box::new(open_resumable(p, resumed.errors_bytes)?),
                gzip: false,
                buffer: Vec::new(),
                written: resumed.errors_bytes,
            }),
            None => None,
        }))
    }

    fn write(&mut self, failure: &Failure) -> Result<()> {
        if let Some(f) = &mut self.0 {
            let record = serde_json::json!({
                "id": failure.id, "origin": failure.origin, "error": failure.message
            });
            serde_json::to_writer(&mut f.buffer, &record)?;
            f.buffer.push(b'\n');
        }
        Ok(())
    }

    fn end_batch(&mut self) -> Result<u64> {
        self.0.as_mut().map_or(Ok(0), BatchFile::end_batch)
    }
}

enum Sink {
    Stream {
        out: BatchFile,
        format: OutputFormat,
    },
    Brat {
        dir: Option<PathBuf>,
    },
    Parquet(Box<ParquetParts>),
}

impl Sink {
    fn open(args: &ExtractArgs, resumed: &Checkpoint) -> Result<Sink> {
        match args.format {
            OutputFormat::Brat => {
                if let Some(dir) = &args.output {
                    std::fs::create_dir_all(dir)
                        .with_context(|| format!("creating {}", dir.display()))?;
                }
                return Ok(Sink::Brat {
                    dir: args.output.clone(),
                });
            }
            OutputFormat::Parquet => {
                let Some(dir) = &args.output else {
                    bail!("--format parquet needs --output FOLDER (for its attributions/ and documents/ parts)");
                };
                let parts = ParquetParts::open(dir, args.part_size, resumed.parts)?;
                return Ok(Sink::Parquet(Box::new(parts)));
            }
            _ => {}
        }
        let (file, gzip): (Box<dyn Write>, bool) = match &args.output {
            Some(p) => (
                Box::new(open_resumable(p, resumed.output_bytes)?),
                p.extension().is_some_and(|e| e == "gz"),
            ),
            None => (Box::new(std::io::stdout().lock()), false),
        };
        Ok(Sink::Stream {
            out: BatchFile {
                file,
                gzip,
                buffer: Vec::new(),
                written: resumed.output_bytes,
            },
            format: args.format,
        })
    }

    /// The format when documents reach this sink as rendered lines.
    fn stream_format(&self) -> Option<OutputFormat> {
        match self {
            Sink::Stream { format, .. } => Some(*format),
            _ => None,
        }
    }

    fn write_rendered(&mut self, lines: &[u8]) {
        if let Sink::Stream { out, .. } = self {
            out.buffer.extend_from_slice(lines);
        }
    }

    fn write(&mut self, doc: &Document, split: bool) -> Result<()> {
        match self {
            Sink::Stream { out, format } => render(&mut out.buffer, *format, doc, split)?,
            Sink::Parquet(parts) => parts.write(doc, split)?,
            Sink::Brat { dir: Some(dir) } => {
                let name = safe_file_name(&doc.id);
                let txt = dir.join(format!("{name}.txt"));
                std::fs::write(&txt, doc.text())
                    .with_context(|| format!("writing {}", txt.display()))?;
                let ann = dir.join(format!("{name}.ann"));
                std::fs::write(&ann, sayso_output::brat::ann(doc))
                    .with_context(|| format!("writing {}", ann.display()))?;
            }
            Sink::Brat { dir: None } => {
                let origin = doc.meta.origin.as_deref().unwrap_or("");
                let source = Path::new(origin);
                if doc.date.is_some() || !source.is_file() {
                    bail!("{}: BRAT files go next to the text only for plain-text files (offsets must match the file); use -o DIR to write .txt and .ann together", origin_of(doc));
                }
                let ann = source.with_extension("ann");
                std::fs::write(&ann, sayso_output::brat::ann(doc))
                    .with_context(|| format!("writing {}", ann.display()))?;
            }
        }
        Ok(())
    }

    /// Writes out the batch; returns what is now on disk for the checkpoint, or `None` while
    /// the batch is still held back (an open Parquet part).
    fn end_batch(&mut self) -> Result<Option<Written>> {
        match self {
            Sink::Stream { out, .. } => Ok(Some(Written {
                output_bytes: out.end_batch()?,
                parts: 0,
            })),
            Sink::Parquet(parts) => parts.end_batch(),
            Sink::Brat { .. } => Ok(Some(Written::default())),
        }
    }

    fn finish(&mut self) -> Result<Written> {
        match self {
            Sink::Stream { out, .. } => Ok(Written {
                output_bytes: out.end_batch()?,
                parts: 0,
            }),
            Sink::Parquet(parts) => parts.finish(),
            Sink::Brat { .. } => Ok(Written::default()),
        }
    }
}

/// Parquet output as numbered parts, `attributions/part-NNNNN.parquet` and
/// `documents/part-NNNNN.parquet`, a new pair after a batch brings the open one to `part_size`
/// documents (the layout Spark, DuckDB and pandas read as one table). A Parquet file is readable only once closed, so parts
/// are what survive an interruption.
struct ParquetParts {
    dir: PathBuf,
    part_size: u64,
    writer: Option<ParquetWriter>,
    /// Parts closed.
    closed: usize,
    /// Documents in the open part.
    in_part: u64,
}

const PARQUET_TABLES: [&str; 2] = ["attributions", "documents"];

impl ParquetParts {
    /// Starts after the `keep` parts a resumed run vouches for; other parts in the folder (from
    /// an interrupted or an earlier run) are removed.
    fn open(dir: &Path, part_size: u64, keep: usize) -> Result<ParquetParts> {
        for table in PARQUET_TABLES {
            let folder = dir.join(table);
            std::fs::create_dir_all(&folder)
                .with_context(|| format!("creating {}", folder.display()))?;
            let entries = std::fs::read_dir(&folder)
                .with_context(|| format!("reading {}", folder.display()))?;
            for entry in entries {
                let path = entry
                    .with_context(|| format!("reading {}", folder.display()))?
                    .path();
                let number = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_prefix("part-")?.strip_suffix(".parquet"))
                    .and_then(|n| n.parse::<usize>().ok());
                if number.is_some_and(|n| n >= keep) {
                    std::fs::remove_file(&path)
                        .with_context(|| format!("removing {}", path.display()))?;
                }
            }
        }
        Ok(ParquetParts {
            dir: dir.to_path_buf(),
            part_size,
            writer: None,
            closed: keep,
            in_part: 0,
        })
    }

    fn write(&mut self, doc: &Document, split: bool) -> Result<()> {
        self.open_part()?
            .write(doc, split)
            .context("writing Parquet")?;
        self.in_part += 1;
        Ok(())
    }

    /// The open part's writer, starting the next part when none is open.
    fn open_part(&mut self) -> Result<&mut ParquetWriter> {
        if self.writer.is_none() {
            let name = format!("part-{:05}.parquet", self.closed);
            let [attributions, documents] = PARQUET_TABLES.map(|t| self.dir.join(t).join(&name));
            let create = |path: &Path| {
                File::create(path).with_context(|| format!("creating {}", path.display()))
            };
            self.writer = Some(
                ParquetWriter::create(create(&attributions)?, create(&documents)?)
                    .context("starting a Parquet part")?,
            );
        }
        Ok(self.writer.as_mut().expect("opened above"))
    }

    fn close_part(&mut self) -> Result<()> {
        if let Some(writer) = self.writer.take() {
            writer.close().context("finishing a Parquet part")?;
            self.closed += 1;
            self.in_part = 0;
        }
        Ok(())
    }

    fn end_batch(&mut self) -> Result<Option<Written>> {
        if self.in_part < self.part_size {
            return Ok(None);
        }
        self.close_part()?;
        Ok(Some(self.written()))
    }

    /// Closes the open part; a run with no documents at all still leaves one (empty) part, so
    /// that readers find the tables and their columns.
    fn finish(&mut self) -> Result<Written> {
        if self.closed == 0 {
            self.open_part()?;
        }
        self.close_part()?;
        Ok(self.written())
    }

    fn written(&self) -> Written {
        Written {
            output_bytes: 0,
            parts: self.closed,
        }
    }
}

/// A document id as a file name: path separators and control characters replaced.
fn safe_file_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() || c == ':' {
                '_'
            } else {
                c
            }
        })
        .collect();
    if name.is_empty() || name == "." || name == ".." {
        format!("doc{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(bytes: usize) -> Result<Input, ReadError> {
        let doc = Document::new("d", "x".repeat(bytes)).unwrap();
        Ok(Input::Document(Box::new(doc)))
    }

    #[test]
    fn a_batch_closes_at_its_size_or_once_it_holds_enough_bytes() {
        let mut small = (0..300).map(|_| document(10));
        assert_eq!(next_batch(&mut small, 8).len(), 8);
        assert_eq!(next_batch(&mut small, BATCH).len(), BATCH);
        assert_eq!(next_batch(&mut small, BATCH).len(), 300 - 8 - BATCH);
        // Documents of a third of the bytes and one more: the third closes the batch.
        let mut large = (0..10).map(|_| document(BATCH_BYTES / 3 + 1));
        assert_eq!(next_batch(&mut large, BATCH).len(), 3);
    }
}
