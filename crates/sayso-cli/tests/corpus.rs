//! End-to-end: corpus runs over web pages and crawls (HTML, WARC, gzip, manifests), Parquet
//! output, and resuming an interrupted run.

mod common;

use common::*;
use flate2::write::GzEncoder;
use std::io::Write;
use std::path::Path;

/// A news page with menus, a share bar and a footer around the story.
fn page(n: usize) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story {n} | Harbor Times</title>
<meta property="og:site_name" content="Harbor Times"><meta property="article:published_time" content="2024-03-0{d}T08:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Council votes on ferry plan {n}</h1>
<p>"We cannot wait another winter," Mayor Ana Ruiz told reporters on Tuesday after vote {n}.</p>
<p>The plan passed by seven votes to two, and work on the new pier starts in the spring.</p>
<div class="share-buttons"><a href="/s">Share on Facebook</a> <a href="/t">Tweet</a></div></article></main>
<footer>Copyright Harbor Times. All rights reserved.</footer></body></html>"#,
        d = n % 9 + 1
    )
}

fn warc_record(n: usize, html: &str, length_delta: isize) -> Vec<u8> {
    warc_response(n, "text/html; charset=utf-8", html, length_delta)
}

fn warc_response(n: usize, content_type: &str, html: &str, length_delta: isize) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{html}");
    let length = (http.len() as isize + length_delta) as usize;
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://harbor.example/story/{n}\r\nWARC-Date: 2024-03-05T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n{http}\r\n\r\n"
    )
    .into_bytes()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// A CC-NEWS style WARC.gz: one gzip member a record.
fn write_warc_gz(path: &Path, records: &[Vec<u8>]) {
    let mut out = Vec::new();
    for r in records {
        out.extend(gzip(r));
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn html_file_text_and_metadata() {
    let d = temp_dir("html-text");
    std::fs::write(d.join("story.html"), page(1)).unwrap();
    let out = sayso(&["text", d.join("story.html").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Council votes on ferry plan 1\n\"We cannot wait another winter,\" Mayor Ana Ruiz told reporters on Tuesday after vote 1.\nThe plan passed by seven votes to two, and work on the new pier starts in the spring.\n\n"
    );
    let out = sayso(&[
        "text",
        "--format",
        "jsonl",
        d.join("story.html").to_str().unwrap(),
    ]);
    let r = &json_lines(&out)[0];
    assert_eq!(r["title"], "Council votes on ferry plan 1");
    assert_eq!(r["outlet"], "Harbor Times");
    assert_eq!(r["date"], "2024-03-02");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn warc_gz_with_bad_records_keeps_the_good_ones() {
    let d = temp_dir("warc");
    let mut records: Vec<Vec<u8>> = (0..6).map(|n| warc_record(n, &page(n), 0)).collect();
    records[2] = warc_record(2, &page(2), 25); // Content-Length runs into the next record
    records[4] = warc_response(4, "application/pdf", "%PDF-1.4 binary", 0);
    let warc = d.join("crawl.warc.gz");
    write_warc_gz(&warc, &records);
    // The manifest lists the crawl and a truncated gzip JSONL dump.
    let dump = gzip(
        b"{\"id\":\"j1\",\"text\":\"\\\"Fine,\\\" Bo said.\"}\n{\"id\":\"j2\",\"text\":\"more\"}\n",
    );
    std::fs::write(d.join("dump.jsonl.gz"), &dump[..dump.len() - 12]).unwrap();
    std::fs::write(
        d.join("list.txt"),
        "# inputs\ncrawl.warc.gz\n\ndump.jsonl.gz\n",
    )
    .unwrap();
    let errors = d.join("errors.jsonl");
    let out = sayso(&[
        "extract",
        "--manifest",
        d.join("list.txt").to_str().unwrap(),
        "--errors",
        errors.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let records = json_lines(&out);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "00000000-0000-0000-0000-000000000000",
            "00000000-0000-0000-0000-000000000001",
            "00000000-0000-0000-0000-000000000003",
            "00000000-0000-0000-0000-000000000005",
            "j1"
        ]
    );
    assert_eq!(records[0]["url"], "https://harbor.example/story/0");
    assert_eq!(records[0]["outlet"], "Harbor Times");
    let a = &records[1]["attributions"][0];
    assert_eq!(a["source"][0]["text"], "Mayor Ana Ruiz");
    assert_eq!(a["cue"][0]["text"], "told");
    let logged: Vec<serde_json::Value> = std::fs::read_to_string(&errors)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let causes: Vec<&str> = logged
        .iter()
        .map(|e| e["error"].as_str().unwrap())
        .collect();
    assert_eq!(logged.len(), 3, "{causes:?}");
    assert!(causes[0].contains("record 3: Content-Length"), "{causes:?}");
    assert!(causes[1].contains("record 5: not an HTML page (Content-Type application/pdf)"));
    assert!(
        causes[2].contains("dump.jsonl.gz, line 2: cannot read on"),
        "{causes:?}"
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn pages_in_other_languages_get_no_attributions_unless_asked() {
    let d = temp_dir("languages");
    let german = r#"<html><body><article><h1>Rat stimmt über Fährplan ab</h1>
<p>"Wir können nicht noch einen Winter warten", sagte Bürgermeisterin Ana Ruiz am Dienstag den Reportern nach der Abstimmung.</p>
<p>Der Plan wurde mit sieben zu zwei Stimmen angenommen, und die Arbeiten am neuen Anleger beginnen im Frühjahr.</p>
</article></body></html>"#;
    let warc = d.join("crawl.warc.gz");
    write_warc_gz(
        &warc,
        &[warc_record(0, &page(0), 0), warc_record(1, german, 0)],
    );
    let out = sayso(&["extract", warc.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = json_lines(&out);
    assert_eq!(records[0]["language"], "eng");
    assert_eq!(records[0]["attributions"].as_array().unwrap().len(), 1);
    assert_eq!(records[1]["language"], "deu");
    assert!(records[1]["attributions"].as_array().unwrap().is_empty());
    // The English tagger runs over the German page only when asked to.
    let tags = |extra: &[&str]| {
        let mut args = vec!["extract", warc.to_str().unwrap(), "--format", "conllu"];
        args.extend(extra);
        let out = sayso(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let german_part = &text[text.find("Fährplan").unwrap()..];
        german_part
            .lines()
            .filter(|l| l.split('\t').nth(3).is_some_and(|t| t != "_"))
            .count()
    };
    assert_eq!(tags(&[]), 0);
    assert!(tags(&["--all-languages"]) > 20);
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn parquet_tables() {
    let d = temp_dir("parquet");
    std::fs::write(d.join("story.html"), page(3)).unwrap();
    let out = sayso(&[
        "extract",
        "examples/sample-article.txt",
        d.join("story.html").to_str().unwrap(),
        "--format",
        "parquet",
        "-o",
        d.join("out").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    use parquet::record::RowAccessor;
    let docs = parquet_rows(&d.join("out"), "documents");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].get_string(2).unwrap(), "Harbor Times");
    let rows = parquet_rows(&d.join("out"), "attributions");
    // Columns: document_id, url, outlet, title, date, language, origin, characters, attributions.
    assert_eq!(docs[1].get_string(5).unwrap(), "eng");
    let total: i32 = docs.iter().map(|r| r.get_int(8).unwrap()).sum();
    assert_eq!(rows.len() as i32, total);
    // Columns: document_id, url, outlet, date, kind, speaker, addressee, venue, venue_type, source.
    assert!(rows.iter().any(|r| r.get_string(9).ok().map(String::as_str)
        == Some("Mayor Ana Ruiz")
        && r.get_string(5).ok().map(String::as_str) == Some("Ana Ruiz")
        && r.get_string(0).unwrap() == "story"));
    std::fs::remove_dir_all(&d).unwrap();
}

/// Runs sayso with `args` and kills it as soon as it has saved its first checkpoint.
fn kill_after_first_checkpoint(args: &[&str], progress: &Path) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(args)
        .current_dir(repo_root())
        .spawn()
        .unwrap();
    while !progress.exists() {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

/// The rows of a Parquet table written as parts (`DIR/TABLE/part-NNNNN.parquet`), parts in
/// order.
fn parquet_rows(dir: &Path, table: &str) -> Vec<parquet::record::Row> {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let mut parts: Vec<_> = std::fs::read_dir(dir.join(table))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    parts.sort();
    parts
        .iter()
        .flat_map(|p| {
            let reader = SerializedFileReader::new(std::fs::File::open(p).unwrap()).unwrap();
            reader
                .get_row_iter(None)
                .unwrap()
                .map(Result::unwrap)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn resumed_parquet_and_brat_runs_match_uninterrupted_ones() {
    let d = temp_dir("resume-parts");
    let input = corpus(&d, 1200);
    let input = input.to_str().unwrap();
    for (format, extra) in [("parquet", &["--part-size", "300"][..]), ("brat", &[][..])] {
        let reference = d.join(format!("reference-{format}"));
        // --reported: slow enough for the kill below to land mid-run.
        let mut args = vec!["extract", input, "--reported", "--format", format, "-o"];
        args.push(reference.to_str().unwrap());
        args.extend(extra);
        let out = sayso(&args);
        assert!(out.status.success(), "{}", stderr(&out));

        // Killed once the first checkpoint is saved (for Parquet: a part closed, the next
        // one open and unreadable), then resumed.
        let output = d.join(format!("out-{format}"));
        let progress = d.join(format!("out-{format}.progress"));
        let mut args = vec![
            "extract",
            input,
            "--reported",
            "--format",
            format,
            "--jobs",
            "1",
        ];
        args.push("-o");
        args.push(output.to_str().unwrap());
        args.extend(extra);
        kill_after_first_checkpoint(&args, &progress);
        let saved: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&progress).unwrap()).unwrap();
        assert!(saved["documents"].as_u64().unwrap() < 1200, "{saved}");
        if format == "parquet" {
            // What a killed writer leaves: a part without its footer.
            std::fs::write(output.join("documents/part-00099.parquet"), b"PAR1 half").unwrap();
        }
        args.push("--resume");
        let out = sayso(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        if format == "parquet" {
            for table in ["attributions", "documents"] {
                let rows = |dir: &Path| -> Vec<String> {
                    parquet_rows(dir, table)
                        .iter()
                        .map(|r| r.to_string())
                        .collect()
                };
                let expected = rows(&reference);
                assert_eq!(rows(&output), expected, "{table}");
                assert!(expected.len() >= 1200);
            }
            let parts = |dir: &Path| std::fs::read_dir(dir.join("documents")).unwrap().count();
            assert_eq!(parts(&output), parts(&reference));
            assert!(parts(&reference) > 1);
        } else {
            let files = |dir: &Path| {
                let mut names: Vec<_> = std::fs::read_dir(dir)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .collect();
                names.sort();
                names
                    .iter()
                    .map(|p| (p.file_name().unwrap().to_owned(), std::fs::read(p).unwrap()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(files(&output), files(&reference));
            assert_eq!(files(&output).len(), 2400);
        }
    }
    std::fs::remove_dir_all(&d).unwrap();
}

/// Documents enough for several batches.
fn corpus(d: &Path, documents: usize) -> std::path::PathBuf {
    let path = d.join("corpus.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    for n in 0..documents {
        let record = serde_json::json!({
            "id": format!("doc{n}"),
            "text": format!("\"We will finish pier {n} by June,\" the engineer, Laila Haddad, said on day {n}. She added that costs had risen."),
        });
        writeln!(f, "{record}").unwrap();
    }
    path
}

#[test]
fn resumed_run_matches_an_uninterrupted_one() {
    let d = temp_dir("resume");
    let input = corpus(&d, 1000);
    let input = input.to_str().unwrap();
    let reference = d.join("reference.jsonl.gz");
    let out = sayso(&["extract", input, "-o", reference.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = read_gz(&reference);
    assert_eq!(expected.lines().count(), 1000);

    // A run killed after a checkpoint, with half a batch written after it.
    let output = d.join("out.jsonl.gz");
    let progress = d.join("out.jsonl.gz.progress");
    let args = [
        "extract",
        input,
        "-o",
        output.to_str().unwrap(),
        "--jobs",
        "1",
        "--reported",
    ];
    kill_after_first_checkpoint(&args, &progress);
    let mut partial = std::fs::OpenOptions::new()
        .append(true)
        .open(&output)
        .unwrap();
    partial
        .write_all(&gzip(b"{\"id\":\"half a batch")[..10])
        .unwrap();
    drop(partial);

    let out = sayso(&[
        "extract",
        input,
        "-o",
        output.to_str().unwrap(),
        "--resume",
        "--reported",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reference_reported = d.join("reference-reported.jsonl.gz");
    let out = sayso(&[
        "extract",
        input,
        "-o",
        reference_reported.to_str().unwrap(),
        "--reported",
    ]);
    assert!(out.status.success());
    assert_eq!(read_gz(&output), read_gz(&reference_reported));
    // Resuming a finished run redoes nothing.
    let out = sayso(&[
        "extract",
        input,
        "-o",
        output.to_str().unwrap(),
        "--resume",
        "--reported",
    ]);
    assert!(out.status.success());
    assert_eq!(read_gz(&output), read_gz(&reference_reported));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn resume_needs_a_resumable_output() {
    let out = sayso(&["extract", "examples/sample-article.txt", "--resume"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--resume needs --output FILE or FOLDER"),
        "{}",
        stderr(&out)
    );
}

fn read_gz(path: &Path) -> String {
    let mut s = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::MultiGzDecoder::new(std::fs::File::open(path).unwrap()),
        &mut s,
    )
    .unwrap();
    s
}
