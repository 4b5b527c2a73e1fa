//! End-to-end: `sayso extract` on real files, stdin and bad input.

mod common;

use common::*;
use std::process::Command;

#[test]
fn sample_article_jsonl() {
    let out = sayso(&["extract", "examples/sample-article.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = json_lines(&out);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(
        (r["id"].as_str(), r["date"].as_str()),
        (Some("sample-article"), Some("2026-03-14"))
    );
    let raw = std::fs::read_to_string(repo_root().join("examples/sample-article.txt")).unwrap();
    let (_, text) = sayso::readers::parse_dated(&raw).unwrap();
    assert_spans_match(text, r);
    let attrs = r["attributions"].as_array().unwrap();
    let who: Vec<(&str, &str, usize)> = attrs
        .iter()
        .map(|a| {
            (
                a["source"][0]["text"].as_str().unwrap_or(""),
                a["cue"][0]["text"].as_str().unwrap_or(""),
                a["content"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(
        who,
        [
            ("Mayor Ana Ruiz", "told", 2),
            ("she", "said", 2),
            (
                "Councilman Tom Brennan, who voted against the plan",
                "said",
                1
            ),
            ("Brennan", "said", 2),
            ("the city’s engineering office", "According to", 1),
            ("The chief engineer, Laila Haddad", "wrote", 2),
            ("Rosa Delgado, 71, a retired ferry captain", "said", 2),
        ]
    );
    assert_eq!(attrs[2]["kind"], "mixed");
    assert_eq!(attrs[0]["continuation_from"], 1);
    // Scare quotes and the programme title are no attributions.
    let all = stdout(&out);
    assert!(!all.contains("overflow room") && !all.contains("Harbor Tonight"));
}

#[test]
fn dash_output_is_stdout() {
    let d = temp_dir("dash-output");
    let article = repo_root().join("examples/sample-article.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(["extract", article.to_str().unwrap(), "-o", "-"])
        .current_dir(&d)
        .output()
        .expect("runs sayso");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out).len(), 1);
    assert!(!d.join("-").exists() && !d.join("-.progress").exists());
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn table_and_split_continuations() {
    let out = sayso(&[
        "extract",
        "examples/sample-article.txt",
        "--format",
        "table",
        "--split-continuations",
    ]);
    assert!(out.status.success());
    let t = stdout(&out);
    assert!(
        t.starts_with("== sample-article (2026-03-14) — 10 attributions\n"),
        "{t}"
    );
    assert!(t.contains("↳ continues #1"), "{t}");
}

#[test]
fn stdin_text_and_jsonl() {
    let out = sayso_stdin(&["extract", "-"], "“It works,” Ada said.".as_bytes());
    let r = &json_lines(&out)[0];
    assert_eq!(r["id"], "stdin");
    assert_eq!(r["attributions"][0]["source"][0]["text"], "Ada");
    let jsonl = "{\"id\": \"a\", \"text\": \"“Yes,” Bo said.\", \"date\": \"2020-01-02\"}\n";
    let out = sayso_stdin(&["extract"], jsonl.as_bytes());
    let r = &json_lines(&out)[0];
    assert_eq!(
        (r["id"].as_str(), r["date"].as_str()),
        (Some("a"), Some("2020-01-02"))
    );
    assert_eq!(r["attributions"][0]["cue"][0]["text"], "said");
}

#[test]
fn bad_records_are_reported_and_the_run_goes_on() {
    let d = temp_dir("bad-records");
    let input = d.join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"ok1\", \"text\": \"“One,” Al said.\"}\n{broken\n{\"id\": \"nt\"}\n{\"id\": \"ok2\", \"text\": \"“Two,” Bea said.\"}\n",
    )
    .unwrap();
    std::fs::write(d.join("binary.txt"), [0u8, 159, 146, 150]).unwrap();
    std::fs::write(d.join("latin1.txt"), b"caf\xe9 \"ol\xe9,\" he said").unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    let errors = d.join("errors.jsonl");
    let out = sayso(&[
        "extract",
        d.to_str().unwrap(),
        "--errors",
        errors.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "partial failure exits 1");
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["empty", "ok1", "ok2"]);
    let err = stderr(&out);
    assert!(
        err.contains("binary.txt: looks like a binary file"),
        "{err}"
    );
    assert!(err.contains("in.jsonl, line 2: invalid JSON"), "{err}");
    assert!(err.contains("in.jsonl, line 3: no \"text\" field"), "{err}");
    assert!(
        err.contains("latin1.txt: not UTF-8 text (invalid byte sequence at byte 3)"),
        "{err}"
    );
    assert!(err.contains("3 documents done, 4 skipped"), "{err}");
    assert_eq!(std::fs::read_to_string(&errors).unwrap().lines().count(), 4);
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn hostile_text_gives_sensible_output() {
    let d = temp_dir("hostile");
    let long_line = "word ".repeat(400_000) + "\"unclosed " + &"x".repeat(100_000);
    std::fs::write(d.join("long.txt"), &long_line).unwrap();
    std::fs::write(d.join("quotes.txt"), "\" “ ” ‘ ’ ' « »".repeat(10_000)).unwrap();
    std::fs::write(
        d.join("commas.txt"),
        format!("He said{}", ", and".repeat(500)),
    )
    .unwrap();
    let out = sayso(&["extract", d.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out).len(), 3);
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn brat_output_reads_back_as_the_same_attributions() {
    let d = temp_dir("brat");
    let brat = d.join("brat");
    let out = sayso(&[
        "extract",
        "examples/sample-article.txt",
        "--format",
        "brat",
        "-o",
        brat.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(brat.join("sample-article.ann").is_file() && brat.join("sample-article.txt").is_file());
    let pred = d.join("pred.jsonl");
    let out = sayso(&[
        "extract",
        "examples/sample-article.txt",
        "-o",
        pred.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    // Scoring the JSONL against the BRAT written from the same run must be perfect.
    let out = sayso(&[
        "eval",
        "--gold",
        brat.to_str().unwrap(),
        "--pred",
        pred.to_str().unwrap(),
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let v = &v["article"];
    assert_eq!(v["attribution"]["f1"], 100.0);
    assert_eq!(v["content_exact"]["f1"], 100.0);
    assert_eq!(v["source_exact_acc"], 100.0);
    assert_eq!(v["cue_exact_acc"], 100.0);
    // With the first attribution left out of the predictions, the error list names it.
    let mut record: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&pred).unwrap().trim()).unwrap();
    // A content of several spans is written with " | " between them.
    let left_out = record["attributions"][0]["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|span| span["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" | ");
    record["attributions"].as_array_mut().unwrap().remove(0);
    std::fs::write(&pred, record.to_string()).unwrap();
    let errors = d.join("errors.jsonl");
    let out = sayso(&[
        "eval",
        "--gold",
        brat.to_str().unwrap(),
        "--pred",
        pred.to_str().unwrap(),
        "--errors",
        errors.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 errors written to"),
        "{}",
        stderr(&out)
    );
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&errors)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["error"], "missed");
    assert_eq!(lines[0]["document"], "sample-article");
    assert_eq!(lines[0]["gold"]["content"], left_out);
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn brat_next_to_dated_text_is_refused_with_a_reason() {
    let out = sayso(&["extract", "examples/sample-article.txt", "--format", "brat"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("use -o DIR"), "{}", stderr(&out));
}

#[test]
fn reported_speech_and_conllu() {
    let text = "Officials said the storm had damaged 40 homes.";
    let out = sayso_stdin(&["extract", "--reported"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let r = &json_lines(&out)[0];
    assert_eq!(r["attributions"][0]["kind"], "indirect");
    assert_eq!(
        r["attributions"][0]["content"][0]["text"],
        "the storm had damaged 40 homes"
    );
    let out = sayso_stdin(
        &["extract", "--reported", "--format", "conllu"],
        text.as_bytes(),
    );
    let conllu = stdout(&out);
    assert!(conllu.starts_with("# newdoc id = stdin\n"), "{conllu}");
    assert!(
        conllu.contains("\tsaid\t_\tVERB\t_\t_\t0\troot\t"),
        "{conllu}"
    );
}

/// The source and speaker of each attribution, in order.
fn sources_and_speakers(r: &serde_json::Value) -> Vec<(String, String)> {
    r["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let source = a["source"][0]["text"].as_str().unwrap_or("").to_string();
            let speaker = a["speaker"].as_str().unwrap_or("").to_string();
            (source, speaker)
        })
        .collect()
}

#[test]
fn a_coordinated_cue_shares_its_subject_and_transcript_turns_name_their_speaker() {
    let text = "Nick Merrill says Reyes promised to keep backing the mayor and said she \
                would answer the critics.\n\nChris Wallace interviewed Gov. Mike Pence.\n\n\
                \"WALLACE: Let us start with the vote. Will she be there?\n\n\
                \"PENCE: She will not be at the vote on Friday.";
    let out = sayso_stdin(&["extract", "--reported"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let found = sources_and_speakers(&json_lines(&out)[0]);
    let merrill = ("Nick Merrill".to_string(), "Nick Merrill".to_string());
    assert_eq!(found[..2], [merrill.clone(), merrill], "{found:?}");
    assert!(
        found.contains(&("WALLACE".to_string(), "Chris Wallace".to_string())),
        "{found:?}"
    );
    assert!(
        found.contains(&("PENCE".to_string(), "Mike Pence".to_string())),
        "{found:?}"
    );
}
