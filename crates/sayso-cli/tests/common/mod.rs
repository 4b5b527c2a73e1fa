//! Helpers for the end-to-end tests: run the real `sayso` binary.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// `../shared` beside the checkout, or `None` with a clear note when it is missing (it always
/// exists in CI, where its absence is a failure).
pub fn shared() -> Option<PathBuf> {
    let dir = repo_root().join("../shared");
    if dir.join("data").is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!("../shared is missing in CI: these tests need PolNeAR and the examples");
    }
    eprintln!("SKIPPED: ../shared/data is missing next to the checkout; this test reads it");
    None
}

pub fn sayso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(args)
        .current_dir(repo_root())
        .output()
        .expect("runs sayso")
}

pub fn sayso_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(args)
        .current_dir(repo_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs sayso");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A fresh temporary folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("sayso-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Checks that every span of every attribution slices `text` (by code points) to its "text".
pub fn assert_spans_match(text: &str, record: &serde_json::Value) {
    let chars: Vec<char> = text.chars().collect();
    for a in record["attributions"].as_array().unwrap() {
        for role in ["content", "cue", "source"] {
            for span in a[role].as_array().unwrap() {
                let (s, e) = (
                    span["start"].as_u64().unwrap() as usize,
                    span["end"].as_u64().unwrap() as usize,
                );
                assert!(s < e && e <= chars.len(), "span {s}..{e} outside the text");
                let got: String = chars[s..e].iter().collect();
                assert_eq!(got, span["text"].as_str().unwrap());
            }
        }
    }
}
