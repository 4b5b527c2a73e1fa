//! `sayso`: a thin command line over the sayso libraries.

mod allocator;
mod commands;
mod progress;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "sayso",
    version,
    about = "Who said what, to whom, and when: attribution extraction for news text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find attributions in documents (files, folders, JSONL, or - for stdin).
    Extract(commands::extract::ExtractArgs),
    /// Print documents as sayso reads them (the main text of web pages; --format jsonl adds
    /// title, date, outlet and URL).
    Text(commands::text::TextArgs),
    /// Score attributions against gold annotations (PolNeAR article-level protocol).
    Eval(commands::eval::EvalArgs),
    /// Score the sentence splitter on UD treebanks (CoNLL-U files).
    EvalSentences(commands::eval::EvalSentencesArgs),
    /// Score the part-of-speech taggers on UD treebanks (CoNLL-U files).
    EvalTagger(commands::eval::EvalSentencesArgs),
    /// Score the dependency parser on UD treebanks (CoNLL-U files).
    EvalParser(commands::eval::EvalSentencesArgs),
    /// Score person-mention detection on GUM's entity layer (CoNLL-U files with Entity=).
    EvalMentions(commands::eval::EvalMentionsArgs),
    /// Score main-text extraction from HTML on the snippet benchmark (trafilatura's protocol).
    EvalHtml(commands::eval_html::EvalHtmlArgs),
    /// Rebuild a bundled model or lexicon from ../shared data.
    Train(commands::train::TrainArgs),
}

fn main() -> ExitCode {
    allocator::keep_freed_memory();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => commands::extract::run(args),
        Command::Text(args) => commands::text::run(args),
        Command::Eval(args) => commands::eval::run(args),
        Command::EvalSentences(args) => commands::eval::run_sentences(args),
        Command::EvalTagger(args) => commands::eval::run_tagger(args),
        Command::EvalParser(args) => commands::eval::run_parser(args),
        Command::EvalMentions(args) => commands::eval::run_mentions(args),
        Command::EvalHtml(args) => commands::eval_html::run(args),
        Command::Train(args) => commands::train::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("sayso: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
