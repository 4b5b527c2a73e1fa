//! End-to-end tests of `sayso train` on inputs made here: what needs neither `../shared` nor an
//! installed WordNet.

mod common;
use common::{sayso, temp_dir};
use std::path::{Path, PathBuf};
use std::process::Output;

/// `sayso train WHAT` over the WordNet folder `wordnet`, written to `out`.
fn train_from_wordnet(what: &str, wordnet: &Path, out: &Path) -> Output {
    sayso(&[
        "train",
        what,
        "--wordnet",
        wordnet.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ])
}

/// A WordNet folder `dict` in `dir` holding `files` (name, text).
fn wordnet_folder(dir: &Path, files: &[(&str, &str)]) -> PathBuf {
    let wordnet = dir.join("dict");
    std::fs::create_dir(&wordnet).unwrap();
    for (name, text) in files {
        std::fs::write(wordnet.join(name), text).unwrap();
    }
    wordnet
}

/// The rows (comment lines aside) of the lexicon `file` that `sayso train WHAT` builds from
/// `wordnet` into `out`, which must succeed.
fn built_rows(what: &str, wordnet: &Path, out: &Path, file: &str) -> Vec<String> {
    let run = train_from_wordnet(what, wordnet, out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let lexicon = std::fs::read_to_string(out.join(file)).unwrap();
    lexicon
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// The message of a run that must fail.
fn failure(run: Output) -> String {
    assert!(!run.status.success());
    String::from_utf8_lossy(&run.stderr).into_owned()
}

#[test]
fn wordnet_person_nouns_are_built_from_a_wordnet_folder() {
    let dir = temp_dir("train-wordnet");
    let wordnet = wordnet_folder(
        &dir,
        &[
            (
                "data.noun",
                "  1 licence line\n\
                 09769929 18 n 01 juror 0 000 | a member of a jury\n\
                 03000000 06 n 01 table 0 000 | a piece of furniture\n",
            ),
            (
                "index.noun",
                "  1 licence line\njuror n 1 0 1 0 09769929  \ntable n 1 0 1 0 03000000  \n",
            ),
        ],
    );
    let rows = built_rows(
        "wordnet-person-nouns",
        &wordnet,
        &dir.join("out"),
        "person-nouns-wordnet.tsv",
    );
    assert_eq!(rows, ["juror\t1\t1", "jurors\t1\t1"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn wordnet_word_classes_are_built_from_a_wordnet_folder() {
    let dir = temp_dir("train-word-classes");
    let wordnet = wordnet_folder(
        &dir,
        &[
            (
                "data.noun",
                "  1 licence line\n06722453 10 n 01 statement 0 000 | a message\n",
            ),
            ("index.noun", "statement n 1 0 1 0 06722453  \n"),
            ("noun.exc", ""),
            (
                "data.verb",
                "  1 licence line\n01009240 32 v 01 say 0 000 | express in words\n",
            ),
            ("index.verb", "say v 1 0 1 0 01009240  \n"),
            ("verb.exc", "said say\n"),
        ],
    );
    let out = dir.join("out");
    let rows = built_rows(
        "wordnet-word-classes",
        &wordnet,
        &out,
        "word-classes-wordnet.tsv",
    );
    assert_eq!(
        rows,
        [
            "said\tv\t32",
            "say\tv\t32",
            "sayed\tv\t32",
            "saying\tv\t32",
            "says\tv\t32",
            "statement\tn\t10",
            "statements\tn\t10"
        ]
    );
    // A missing exception list is named.
    std::fs::remove_file(wordnet.join("verb.exc")).unwrap();
    let err = failure(train_from_wordnet("wordnet-word-classes", &wordnet, &out));
    assert!(err.contains("verb.exc"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_missing_or_broken_wordnet_is_a_clear_error() {
    let dir = temp_dir("train-bad-wordnet");
    let missing = dir.join("nowhere");
    let err = failure(train_from_wordnet(
        "wordnet-person-nouns",
        &missing,
        &dir.join("out"),
    ));
    assert!(
        err.contains("nowhere") && err.contains("wordnet-base"),
        "{err}"
    );

    std::fs::write(dir.join("index.noun"), "juror n 1 0 1 0 09769929\n").unwrap();
    std::fs::write(dir.join("data.noun"), "  1 licence line\n").unwrap();
    let err = failure(train_from_wordnet(
        "wordnet-person-nouns",
        &dir,
        &dir.join("out"),
    ));
    assert!(
        err.contains("index.noun:1") && err.contains("09769929"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
