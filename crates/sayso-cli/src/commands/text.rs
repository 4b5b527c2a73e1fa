//! `sayso text`: the documents as the reading stage sees them (main text of web pages, with
//! their metadata in JSONL), to check that stage on its own.

use super::InputArgs;
use anyhow::Result;
use clap::{Args, ValueEnum};
use sayso::readers::read_inputs;
use serde_json::json;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct TextArgs {
    /// Files or folders to read (text, JSONL, HTML, WARC, optionally gzipped); `-` or nothing
    /// reads stdin.
    paths: Vec<PathBuf>,
    /// `text`: each document's text and a blank line; `jsonl`: id, date, url, outlet, title,
    /// origin, language (ISO 639-3, when it can be told) and text a line.
    #[arg(short, long, value_enum, default_value = "text")]
    format: TextFormat,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TextFormat {
    Text,
    Jsonl,
}

pub fn run(args: TextArgs) -> Result<ExitCode> {
    let paths = args.input.paths(&args.paths)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    for item in read_inputs(&paths, args.input.options()) {
        match item {
            Ok(doc) => match args.format {
                TextFormat::Text => writeln!(out, "{}\n", doc.text())?,
                TextFormat::Jsonl => {
                    let record = json!({
                        "id": doc.id, "date": doc.date, "url": doc.meta.url,
                        "outlet": doc.meta.outlet, "title": doc.meta.title,
                        "origin": doc.meta.origin,
                        "language": sayso::text::language::identify(doc.text()),
                        "text": doc.text(),
                    });
                    serde_json::to_writer(&mut out, &record)?;
                    out.write_all(b"\n")?;
                }
            },
            Err(e) => {
                failed += 1;
                eprintln!("sayso: skipped {e}");
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
