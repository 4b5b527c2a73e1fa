//! Parquet tables for analysis tools (DuckDB, pandas, Spark): a flat `attributions` table, one
//! row per attribution (its first content span's offsets, all content pieces' text joined), and
//! a `documents` table. Rows are buffered and written in row groups, so memory stays bounded
//! however long the run.

use crate::output_attributions;
use parquet::basic::{Compression, Type as PhysicalType};
use parquet::data_type::{ByteArray, ByteArrayType, FloatType, Int32Type, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use sayso_document::{Document, Span};
use std::fs::File;
use std::sync::Arc;

const ATTRIBUTIONS_SCHEMA: &str = "message attributions {
    required binary document_id (UTF8);
    optional binary url (UTF8);
    optional binary outlet (UTF8);
    optional binary date (UTF8);
    required binary kind (UTF8);
    optional binary speaker (UTF8);
    optional binary addressee (UTF8);
    optional binary venue (UTF8);
    optional binary venue_type (UTF8);
    optional binary source (UTF8);
    optional binary cue (UTF8);
    required binary content (UTF8);
    required int32 content_start;
    required int32 content_end;
    optional int32 cue_start;
    optional int32 cue_end;
    optional int32 source_start;
    optional int32 source_end;
    required float confidence;
}";

const DOCUMENTS_SCHEMA: &str = "message documents {
    required binary document_id (UTF8);
    optional binary url (UTF8);
    optional binary outlet (UTF8);
    optional binary title (UTF8);
    optional binary date (UTF8);
    optional binary language (UTF8);
    optional binary origin (UTF8);
    required int64 characters;
    required int32 attributions;
}";

/// Rows buffered before a row group is written.
const ROW_GROUP_ROWS: usize = 32_768;

/// One value of a row, in schema order.
enum Cell {
    Text(Option<String>),
    Int32(Option<i32>),
    Int64(i64),
    Float(f32),
}

/// One column's buffered values.
enum Column {
    Text(Vec<Option<String>>),
    Int32(Vec<Option<i32>>),
    Int64(Vec<i64>),
    Float(Vec<f32>),
}

impl Column {
    fn len(&self) -> usize {
        match self {
            Column::Text(v) => v.len(),
            Column::Int32(v) => v.len(),
            Column::Int64(v) => v.len(),
            Column::Float(v) => v.len(),
        }
    }
}

/// A Parquet file written a row group at a time.
struct Table {
    writer: SerializedFileWriter<File>,
    columns: Vec<Column>,
    /// Whether each column may be null (needs definition levels).
    optional: Vec<bool>,
}

impl Table {
    fn create(file: File, schema: &str) -> Result<Self, ParquetError> {
        let schema = Arc::new(parse_message_type(schema)?);
        let mut columns = Vec::new();
        let mut optional = Vec::new();
        for field in schema.get_fields() {
            columns.push(match field.get_physical_type() {
                PhysicalType::BYTE_ARRAY => Column::Text(Vec::new()),
                PhysicalType::INT32 => Column::Int32(Vec::new()),
                PhysicalType::INT64 => Column::Int64(Vec::new()),
                PhysicalType::FLOAT => Column::Float(Vec::new()),
                other => {
                    return Err(ParquetError::General(format!(
                        "no buffer for {other} columns"
                    )))
                }
            });
            optional.push(field.is_optional());
        }
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        Ok(Table {
            writer: SerializedFileWriter::new(file, schema, props)?,
            columns,
            optional,
        })
    }

    /// Buffers one row; its cells follow the schema's column order and types.
    fn push<const N: usize>(&mut self, row: [Cell; N]) {
        debug_assert_eq!(N, self.columns.len());
        for (column, cell) in self.columns.iter_mut().zip(row) {
            match (column, cell) {
                (Column::Text(v), Cell::Text(x)) => v.push(x),
                (Column::Int32(v), Cell::Int32(x)) => v.push(x),
                (Column::Int64(v), Cell::Int64(x)) => v.push(x),
                (Column::Float(v), Cell::Float(x)) => v.push(x),
                _ => unreachable!("rows are built in schema order"),
            }
        }
    }

    fn rows(&self) -> usize {
        self.columns.first().map_or(0, Column::len)
    }

    fn flush(&mut self) -> Result<(), ParquetError> {
        if self.rows() == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        let mut index = 0;
        while let Some(mut column) = group.next_column()? {
            let optional = self.optional[index];
            match &mut self.columns[index] {
                Column::Text(values) => {
                    let levels = optional.then(|| levels(values));
                    let present: Vec<ByteArray> = values
                        .drain(..)
                        .flatten()
                        .map(|s| ByteArray::from(s.into_bytes()))
                        .collect();
                    column.typed::<ByteArrayType>().write_batch(
                        &present,
                        levels.as_deref(),
                        None,
                    )?;
                }
                Column::Int32(values) => {
                    let levels = optional.then(|| levels(values));
                    let present: Vec<i32> = values.drain(..).flatten().collect();
                    column
                        .typed::<Int32Type>()
                        .write_batch(&present, levels.as_deref(), None)?;
                }
                Column::Int64(values) => {
                    column
                        .typed::<Int64Type>()
                        .write_batch(values, None, None)?;
                    values.clear();
                }
                Column::Float(values) => {
                    column
                        .typed::<FloatType>()
                        .write_batch(values, None, None)?;
                    values.clear();
                }
            }
            column.close()?;
            index += 1;
        }
        group.close()?;
        Ok(())
    }

    fn close(mut self) -> Result<(), ParquetError> {
        self.flush()?;
        self.writer.close()?;
        Ok(())
    }
}

fn levels<T>(values: &[Option<T>]) -> Vec<i16> {
    values.iter().map(|v| v.is_some() as i16).collect()
}

/// Writes the attributions table and the documents table of one Parquet part.
pub struct ParquetWriter {
    attributions: Table,
    documents: Table,
}

impl ParquetWriter {
    pub fn create(attributions: File, documents: File) -> Result<Self, ParquetError> {
        Ok(ParquetWriter {
            attributions: Table::create(attributions, ATTRIBUTIONS_SCHEMA)?,
            documents: Table::create(documents, DOCUMENTS_SCHEMA)?,
        })
    }

    pub fn write(&mut self, doc: &Document, split_continuations: bool) -> Result<(), ParquetError> {
        let found = output_attributions(doc, split_continuations);
        for a in &found {
            let attribution = a.attribution;
            let joined = |spans: &[Span]| {
                (!spans.is_empty()).then(|| {
                    spans
                        .iter()
                        .map(|s| doc.slice(*s))
                        .collect::<Vec<_>>()
                        .join(" … ")
                })
            };
            let (cue, source) = if a.is_continuation() {
                (&[][..], &[][..])
            } else {
                (&attribution.cue[..], &attribution.source[..])
            };
            let first = |spans: &[Span]| spans.first().map(|s| (s.start as i32, s.end as i32));
            let content = a.content();
            self.attributions.push([
                Cell::Text(Some(doc.id.clone())),
                Cell::Text(doc.meta.url.clone()),
                Cell::Text(doc.meta.outlet.clone()),
                Cell::Text(doc.date.clone()),
                Cell::Text(Some(attribution.kind.as_str().to_string())),
                Cell::Text(attribution.speaker.clone()),
                Cell::Text(if a.is_continuation() {
                    None
                } else {
                    joined(&attribution.addressee)
                }),
                Cell::Text(
                    attribution
                        .venue
                        .filter(|_| !a.is_continuation())
                        .map(|v| doc.slice(v.span).to_string()),
                ),
                Cell::Text(
                    attribution
                        .venue
                        .filter(|_| !a.is_continuation())
                        .map(|v| v.kind.as_str().to_string()),
                ),
                Cell::Text(joined(source)),
                Cell::Text(joined(cue)),
                Cell::Text(Some(joined(content).unwrap_or_default())),
                Cell::Int32(Some(first(content).map_or(0, |s| s.0))),
                Cell::Int32(Some(first(content).map_or(0, |s| s.1))),
                Cell::Int32(first(cue).map(|s| s.0)),
                Cell::Int32(first(cue).map(|s| s.1)),
                Cell::Int32(first(source).map(|s| s.0)),
                Cell::Int32(first(source).map(|s| s.1)),
                Cell::Float(attribution.confidence),
            ]);
        }
        self.documents.push([
            Cell::Text(Some(doc.id.clone())),
            Cell::Text(doc.meta.url.clone()),
            Cell::Text(doc.meta.outlet.clone()),
            Cell::Text(doc.meta.title.clone()),
            Cell::Text(doc.date.clone()),
            Cell::Text(doc.language.map(String::from)),
            Cell::Text(doc.meta.origin.clone()),
            Cell::Int64(doc.char_len() as i64),
            Cell::Int32(Some(found.len() as i32)),
        ]);
        for table in [&mut self.attributions, &mut self.documents] {
            if table.rows() >= ROW_GROUP_ROWS {
                table.flush()?;
            }
        }
        Ok(())
    }

    pub fn close(self) -> Result<(), ParquetError> {
        self.attributions.close()?;
        self.documents.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;

    #[test]
    fn tables_read_back() {
        let dir = std::env::temp_dir().join(format!("sayso-parquet-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (a, d) = (dir.join("a.parquet"), dir.join("d.parquet"));
        let mut writer =
            ParquetWriter::create(File::create(&a).unwrap(), File::create(&d).unwrap()).unwrap();
        let doc = crate::sample_document();
        writer.write(&doc, false).unwrap();
        writer.write(&doc, true).unwrap();
        writer.close().unwrap();
        let reader = SerializedFileReader::new(File::open(&a).unwrap()).unwrap();
        let rows: Vec<_> = reader
            .get_row_iter(None)
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].get_string(0).unwrap(), "d1");
        assert_eq!(rows[0].get_string(4).unwrap(), "direct");
        assert_eq!(rows[0].get_string(9).unwrap(), "Ann");
        assert_eq!(rows[0].get_string(11).unwrap(), "“Hi,” … “Bye.”");
        assert_eq!(
            (rows[0].get_int(12).unwrap(), rows[0].get_int(13).unwrap()),
            (0, 5)
        );
        assert_eq!(rows[2].get_string(11).unwrap(), "“Bye.”");
        assert!(
            rows[2].get_string(10).is_err(),
            "a split continuation has no cue"
        );
        let docs = SerializedFileReader::new(File::open(&d).unwrap()).unwrap();
        assert_eq!(docs.metadata().file_metadata().num_rows(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
