pub mod eval;
pub mod eval_html;
pub mod extract;
pub mod text;
pub mod train;

use anyhow::Result;
use sayso::readers::{read_manifest, InputFormat, JsonlFields, ReadOptions};
use std::path::PathBuf;

/// Input options shared by the commands that read documents.
#[derive(clap::Args, Clone, Debug)]
pub struct InputArgs {
    /// Files listing further inputs, one path a line (relative to the manifest's folder).
    #[arg(long)]
    pub manifest: Vec<PathBuf>,
    /// How to read inputs: by extension and content (auto), or force one format.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: FormatArg,
    /// JSONL field holding the document id.
    #[arg(long, default_value = "id")]
    pub id_field: String,
    /// JSONL field holding the document text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// JSONL field holding the date (YYYY-MM-DD, or a timestamp starting with one).
    #[arg(long, default_value = "date")]
    pub date_field: String,
    #[arg(long, default_value = "url")]
    pub url_field: String,
    #[arg(long, default_value = "outlet")]
    pub outlet_field: String,
    #[arg(long, default_value = "title")]
    pub title_field: String,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum FormatArg {
    Auto,
    Text,
    Dated,
    Jsonl,
    Html,
    Warc,
}

impl InputArgs {
    /// The paths to read: those given, then those the manifests list; stdin when there are none.
    pub fn paths(&self, given: &[PathBuf]) -> Result<Vec<PathBuf>> {
        let mut paths = given.to_vec();
        for manifest in &self.manifest {
            paths.extend(read_manifest(manifest)?);
        }
        if paths.is_empty() {
            paths.push(PathBuf::from("-"));
        }
        Ok(paths)
    }

    pub fn options(&self) -> ReadOptions {
        ReadOptions {
            format: match self.input_format {
                FormatArg::Auto => InputFormat::Auto,
                FormatArg::Text => InputFormat::Text,
                FormatArg::Dated => InputFormat::Dated,
                FormatArg::Jsonl => InputFormat::Jsonl,
                FormatArg::Html => InputFormat::Html,
                FormatArg::Warc => InputFormat::Warc,
            },
            fields: JsonlFields {
                id: self.id_field.clone(),
                text: self.text_field.clone(),
                date: self.date_field.clone(),
                url: self.url_field.clone(),
                outlet: self.outlet_field.clone(),
                title: self.title_field.clone(),
            },
        }
    }
}
