//! WARC files (ISO 28500; CC-NEWS layout: one gzip member per record): HTTP response records
//! with HTML become documents, other records are passed over.
//!
//! A small reader of our own rather than the `warc` crate: a crawl with one record whose
//! Content-Length is wrong must cost that record only, so the reader finds the next record
//! header again (inside an over-long block, or by scanning after a short one).

use crate::error::ReadError;
use memchr::memmem;
use std::io::{BufRead, Read};

/// Records larger than this are reported and skipped (the 20 MB pages of a crawl fit).
pub const MAX_RECORD_BYTES: usize = 64 << 20;
const MAX_HEADER_LINE: usize = 64 << 10;
const RECORD_START: &[u8] = b"WARC/";

/// An HTTP response from a WARC file.
#[derive(Debug, Default)]
pub struct WarcResponse {
    pub record: usize,
    pub record_id: Option<String>,
    pub target_uri: Option<String>,
    /// `YYYY-MM-DD` of the capture.
    pub date: Option<String>,
    /// The charset the HTTP Content-Type names.
    pub charset: Option<String>,
    pub body: Vec<u8>,
}

/// Reads records one after the other from `input` (already decompressed).
pub struct WarcRecords {
    input: Rewind,
    name: String,
    record: usize,
    done: bool,
}

impl WarcRecords {
    pub fn new(input: Box<dyn BufRead + Send>, name: String) -> Self {
        WarcRecords {
            input: Rewind {
                pending: Vec::new(),
                pos: 0,
                inner: input,
            },
            name,
            record: 0,
            done: false,
        }
    }

    /// The file being read.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn error(&self, message: impl Into<String>) -> ReadError {
        ReadError::Field {
            origin: format!("{}, record {}", self.name, self.record),
            message: message.into(),
        }
    }

    fn io_error(&mut self, e: std::io::Error) -> ReadError {
        self.done = true;
        self.error(format!(
            "cannot read on (truncated or corrupt file?): {e}; the records before it were read"
        ))
    }

    /// The next HTML response, or the error of the next bad record.
    pub fn next_response(&mut self) -> Option<Result<WarcResponse, ReadError>> {
        while !self.done {
            match self.next_record() {
                Ok(None) => self.done = true,
                Ok(Some(Some(response))) => return Some(Ok(response)),
                Ok(Some(None)) => {}
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }

    /// `Ok(None)` at the end; `Ok(Some(None))` for a record that is not an HTML response.
    fn next_record(&mut self) -> Result<Option<Option<WarcResponse>>, ReadError> {
        // Find the version line, passing over blank lines (and what is left of a bad record).
        loop {
            let line = match read_line(&mut self.input) {
                Ok(Some(line)) => line,
                Ok(None) => return Ok(None),
                Err(e) => return Err(self.io_error(e)),
            };
            if line.starts_with(RECORD_START) {
                break;
            }
        }
        self.record += 1;
        let mut headers = Vec::new();
        loop {
            let line = match read_line(&mut self.input) {
                Ok(Some(line)) => line,
                Ok(None) => return Err(self.error("the file ends inside the record headers")),
                Err(e) => return Err(self.io_error(e)),
            };
            let line = trim_eol(&line);
            if line.is_empty() {
                break;
            }
            if let Some(colon) = line.iter().position(|&b| b == b':') {
                let name = String::from_utf8_lossy(&line[..colon])
                    .trim()
                    .to_ascii_lowercase();
                let value = String::from_utf8_lossy(&line[colon + 1..])
                    .trim()
                    .to_string();
                headers.push((name, value));
            }
        }
        let header = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        let Some(length) = header("content-length").and_then(|v| v.parse::<usize>().ok()) else {
            return Err(self.error("no valid Content-Length header"));
        };
        if length > MAX_RECORD_BYTES {
            let skipped = std::io::copy(
                &mut (&mut self.input).take(length as u64),
                &mut std::io::sink(),
            );
            if let Err(e) = skipped {
                return Err(self.io_error(e));
            }
            return Err(self.error(format!(
                "record of {length} bytes is over the {MAX_RECORD_BYTES}-byte limit; skipped"
            )));
        }
        let mut block = Vec::with_capacity(length);
        if let Err(e) = (&mut self.input)
            .take(length as u64)
            .read_to_end(&mut block)
        {
            return Err(self.io_error(e));
        }
        // An over-long Content-Length swallows the records after it: give them back.
        if let Some(next) = memmem::find(&block, b"\r\n\r\nWARC/1.") {
            let rest = block.split_off(next + 4);
            self.input.give_back(rest);
            return Err(self.error(format!(
                "Content-Length {length} runs into the next record; record skipped"
            )));
        }
        if block.len() < length {
            self.done = true;
            return Err(self.error(format!(
                "the file ends {} bytes into a block of {length} (truncated file?)",
                block.len()
            )));
        }
        // Otherwise the record end must follow; if not, the length was wrong, and the next
        // record header may lie anywhere in the block or after it: look for it from here.
        match self.input.fill_buf() {
            Ok(after) if !after.is_empty() && !after.starts_with(b"\r\n") => {
                self.input.give_back(block.split_off(1));
                return Err(self.error(format!(
                    "Content-Length {length} does not end where the record does; record skipped"
                )));
            }
            Ok(_) => {}
            Err(e) => return Err(self.io_error(e)),
        }
        let record_type = header("warc-type").unwrap_or_default();
        let content_type = header("content-type").unwrap_or_default();
        if record_type != "response" || !content_type.starts_with("application/http") {
            return Ok(Some(None));
        }
        let Some(split) = memmem::find(&block, b"\r\n\r\n") else {
            return Err(self.error("HTTP response without a header/body boundary"));
        };
        let http_headers = String::from_utf8_lossy(&block[..split]).into_owned();
        // The body moves down in place: a copy into a new buffer costs a fresh allocation.
        block.drain(..split + 4);
        let mut body = block;
        let http_header = |name: &str| {
            http_headers.lines().skip(1).find_map(|l| {
                let (n, v) = l.split_once(':')?;
                n.trim()
                    .eq_ignore_ascii_case(name)
                    .then(|| v.trim().to_string())
            })
        };
        let media_type = http_header("content-type").unwrap_or_default();
        let media = media_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !(media.is_empty() || media.contains("html")) {
            return Err(self.error(format!("not an HTML page (Content-Type {media})")));
        }
        if http_header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
            body = dechunk(&body).ok_or_else(|| self.error("bad chunked transfer encoding"))?;
        }
        if let Some(encoding) = http_header("content-encoding") {
            if encoding.eq_ignore_ascii_case("gzip") {
                let mut decoded = Vec::new();
                flate2::read::MultiGzDecoder::new(&body[..])
                    .take(MAX_RECORD_BYTES as u64)
                    .read_to_end(&mut decoded)
                    .map_err(|e| self.error(format!("bad gzip content encoding: {e}")))?;
                body = decoded;
            } else if !encoding.eq_ignore_ascii_case("identity") {
                return Err(self.error(format!("unsupported Content-Encoding {encoding}")));
            }
        }
        let charset = media_type.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| v.trim().trim_matches('"').to_string())
        });
        Ok(Some(Some(WarcResponse {
            record: self.record,
            record_id: header("warc-record-id").map(|v| {
                v.trim_matches(['<', '>'])
                    .trim_start_matches("urn:uuid:")
                    .to_string()
            }),
            target_uri: header("warc-target-uri"),
            date: header("warc-date")
                .filter(|d| d.len() >= 10)
                .map(|d| d[..10].to_string()),
            charset,
            body,
        })))
    }
}

/// A line including its end, at most [`MAX_HEADER_LINE`] bytes; `None` at the end of input.
fn read_line(input: &mut impl BufRead) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let n = input
        .take(MAX_HEADER_LINE as u64)
        .read_until(b'\n', &mut line)?;
    Ok((n > 0).then_some(line))
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let end = memmem::find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

/// A buffered reader that can take bytes back.
struct Rewind {
    pending: Vec<u8>,
    pos: usize,
    inner: Box<dyn BufRead + Send>,
}

impl Rewind {
    fn give_back(&mut self, bytes: Vec<u8>) {
        let mut rest = bytes;
        rest.extend_from_slice(&self.pending[self.pos..]);
        self.pending = rest;
        self.pos = 0;
    }
}

impl Read for Rewind {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Rewind {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.pos < self.pending.len() {
            return Ok(&self.pending[self.pos..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if self.pos < self.pending.len() {
            self.pos += amount;
            if self.pos >= self.pending.len() {
                self.pending.clear();
                self.pos = 0;
            }
        } else {
            self.inner.consume(amount);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A WARC response record around `html` (with a Content-Length `delta` off when asked).
    pub fn record(uri: &str, html: &str, content_type: &str, delta: isize) -> Vec<u8> {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{html}");
        let length = (http.len() as isize + delta) as usize;
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n{http}\r\n\r\n"
        )
        .into_bytes()
    }

    fn read_all(bytes: Vec<u8>) -> Vec<String> {
        let mut records = WarcRecords::new(Box::new(std::io::Cursor::new(bytes)), "t.warc".into());
        std::iter::from_fn(|| records.next_response())
            .map(|r| match r {
                Ok(resp) => format!(
                    "{} {}",
                    resp.target_uri.unwrap(),
                    String::from_utf8_lossy(&resp.body)
                ),
                Err(e) => format!("error: {e}"),
            })
            .collect()
    }

    #[test]
    fn responses_in_order_and_others_passed_over() {
        let mut warc =
            b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n".to_vec();
        warc.extend(record("a", "<p>A</p>", "text/html; charset=utf-8", 0));
        warc.extend(record("b", "%PDF", "application/pdf", 0));
        warc.extend(record("c", "<p>C</p>", "text/html", 0));
        assert_eq!(
            read_all(warc),
            [
                "a <p>A</p>",
                "error: t.warc, record 3: not an HTML page (Content-Type application/pdf)",
                "c <p>C</p>"
            ]
        );
    }

    #[test]
    fn wrong_content_length_costs_one_record() {
        for delta in [-3, 6, 9, 40, 5000] {
            let mut warc = record("a", "<p>A</p>", "text/html", 0);
            warc.extend(record("b", "<p>B is long enough</p>", "text/html", delta));
            warc.extend(record("c", "<p>C</p>", "text/html", 0));
            let got = read_all(warc);
            assert_eq!(
                got.first().map(String::as_str),
                Some("a <p>A</p>"),
                "delta {delta}"
            );
            assert_eq!(
                got.last().map(String::as_str),
                Some("c <p>C</p>"),
                "delta {delta}: {got:?}"
            );
            assert!(
                got[1].starts_with("error: t.warc, record 2: Content-Length"),
                "{got:?}"
            );
        }
    }

    #[test]
    fn truncated_file_is_an_error_after_the_good_records() {
        let mut warc = record("a", "<p>A</p>", "text/html", 0);
        let second = record("b", "<p>B</p>", "text/html", 0);
        warc.extend(&second[..second.len() - 15]);
        let got = read_all(warc);
        assert_eq!(got[0], "a <p>A</p>");
        assert!(got[1].contains("record 2: the file ends"), "{got:?}");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n").unwrap(),
            b"abcde"
        );
        assert_eq!(dechunk(b"zz\r\n"), None);
    }
}
