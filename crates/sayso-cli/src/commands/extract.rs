//! `sayso extract`: documents in, attributions out.

use super::InputArgs;
use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use sayso::readers::{read_inputs, ReadError};
use sayso::{Document, Pipeline};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct ExtractArgs {
    /// Files or folders to read (text, dated text, JSONL); `-` or nothing reads stdin.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "jsonl")]
    format: OutputFormat,
    /// Output file (jsonl, table) or folder (brat: .txt and .ann per document). Default:
    /// stdout; for brat, .ann files next to plain-text inputs.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Write continuation quotes (further quotes of a speaker with no cue of their own) as
    /// attributions of their own instead of further content spans of the one they continue.
    #[arg(long)]
    split_continuations: bool,
    /// Also write per-document errors as JSONL ({"origin", "error"}) to this file.
    #[arg(long)]
    errors: Option<PathBuf>,
    /// Also find reported (indirect) speech, with the dependency parser (slower; young rules,
    /// see the README for their accuracy).
    #[arg(long)]
    reported: bool,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
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
}

/// Documents are read and processed in batches of this many, in parallel within a batch,
/// written in input order.
const BATCH: usize = 256;

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .context("setting up worker threads")?;
    }
    let mut sink = Sink::open(&args)?;
    let mut errors_file = match &args.errors {
        Some(p) => Some(BufWriter::new(
            File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => None,
    };
    let pipeline = if args.reported {
        Pipeline::with_reported_speech()
    } else {
        Pipeline::new()
    };
    let mut inputs = read_inputs(&paths, args.input.options());
    let (mut done, mut failed) = (0usize, 0usize);
    loop {
        let batch: Vec<Result<Document, ReadError>> = inputs.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let processed: Vec<Result<Document, (String, String)>> = batch
            .into_par_iter()
            .map(|r| match r {
                Ok(mut doc) => {
                    match std::panic::catch_unwind(AssertUnwindSafe(|| pipeline.process(&mut doc)))
                    {
                        Ok(()) => Ok(doc),
                        Err(_) => Err((
                            origin_of(&doc),
                            "internal error while extracting (please report it with this document)"
                                .into(),
                        )),
                    }
                }
                Err(e) => Err((e.origin(), e.to_string())),
            })
            .collect();
        for item in processed {
            let outcome = match item {
                Ok(doc) => sink
                    .write(&doc, args.split_continuations)
                    .map_err(|e| (origin_of(&doc), format!("{e:#}"))),
                Err(e) => Err(e),
            };
            match outcome {
                Ok(()) => done += 1,
                Err((origin, message)) => {
                    failed += 1;
                    eprintln!("sayso: skipped {message}");
                    if let Some(f) = &mut errors_file {
                        serde_json::to_writer(
                            &mut *f,
                            &serde_json::json!({"origin": origin, "error": message}),
                        )?;
                        f.write_all(b"\n")?;
                    }
                }
            }
        }
    }
    sink.finish()?;
    if let Some(mut f) = errors_file {
        f.flush()?;
    }
    if failed > 0 {
        eprintln!("sayso: {done} documents done, {failed} skipped");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn origin_of(doc: &Document) -> String {
    doc.meta.origin.clone().unwrap_or_else(|| doc.id.clone())
}

enum Sink {
    Stream {
        out: Box<dyn Write>,
        format: OutputFormat,
    },
    Brat {
        dir: Option<PathBuf>,
    },
}

impl Sink {
    fn open(args: &ExtractArgs) -> Result<Sink> {
        if args.format == OutputFormat::Brat {
            if let Some(dir) = &args.output {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            return Ok(Sink::Brat {
                dir: args.output.clone(),
            });
        }
        let out: Box<dyn Write> = match &args.output {
            Some(p) => Box::new(BufWriter::new(
                File::create(p).with_context(|| format!("creating {}", p.display()))?,
            )),
            None => Box::new(BufWriter::new(std::io::stdout().lock())),
        };
        Ok(Sink::Stream {
            out,
            format: args.format,
        })
    }

    fn write(&mut self, doc: &Document, split: bool) -> Result<()> {
        match self {
            Sink::Stream {
                out,
                format: OutputFormat::Table,
            } => sayso_output::table::write_table(out, doc, split)?,
            Sink::Stream {
                out,
                format: OutputFormat::Conllu,
            } => sayso_output::conllu::write_conllu(out, doc)?,
            Sink::Stream { out, .. } => sayso_output::jsonl::write_record(out, doc, split)?,
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

    fn finish(&mut self) -> Result<()> {
        if let Sink::Stream { out, .. } = self {
            out.flush().context("writing output")?;
        }
        Ok(())
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
