//! End-to-end tests on `../shared`: the seed article, agreement with the reference scorer,
//! and the evaluation commands. Each says clearly when `../shared` is missing.

mod common;

use common::*;
use std::process::Command;

/// The direct quotes of the seed article, by the first words of their content, with the
/// source mention and cue a correct reading finds (continuations included).
const SEED_DIRECT: &[(&str, &str, &str)] = &[
    ("“it became too much", "Legend", "told"),
    ("“Yeah, what it got", "Legend", "told"),
    ("“That was kind of", "Legend", "told"),
    ("“What I was saying", "Legend", "added"),
    ("“I don’t know what", "Legend", "added"),
    ("“He was upset that", "Legend", "told"),
    ("“I wasn’t alone in", "Legend", "told"),
    ("“I saw their work", "Legend", "told"),
    ("“Kanye was upset with", "Legend", "told"),
];

#[test]
fn seed_article_direct_quotes() {
    let Some(shared) = shared() else { return };
    let path = shared.join("examples/legend-west.txt");
    let out = sayso(&["extract", path.to_str().unwrap()]);
    assert!(out.status.success());
    let r = &json_lines(&out)[0];
    assert_eq!(r["date"], "2022-09-07");
    let attrs = r["attributions"].as_array().unwrap();
    for (start, source, cue) in SEED_DIRECT {
        let found = attrs.iter().find(|a| {
            a["content"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["text"].as_str().unwrap().starts_with(start))
        });
        let a = found.unwrap_or_else(|| panic!("no attribution with content {start:?}"));
        assert_eq!(a["source"][0]["text"], *source, "source of {start:?}");
        assert_eq!(a["cue"][0]["text"], *cue, "cue of {start:?}");
    }
    // Photo credits are not speakers.
    assert!(!stdout(&out).contains("Getty"));
}

/// Both protocols, on the predictions with reported speech (all kinds and roles present).
/// The seed article's speakers, addressees and entities (issue 4's expectations as far as the
/// entity stage reaches so far).
#[test]
fn seed_article_speakers_and_addressees() {
    let Some(shared) = shared() else { return };
    let path = shared.join("examples/legend-west.txt");
    let out = sayso(&["extract", path.to_str().unwrap()]);
    assert!(out.status.success());
    let r = &json_lines(&out)[0];
    let entities = r["entities"].as_array().unwrap();
    let name_of = |id: &serde_json::Value| {
        entities
            .iter()
            .find(|e| &e["id"] == id)
            .map(|e| e["name"].as_str().unwrap().to_string())
    };
    let attrs = r["attributions"].as_array().unwrap();
    assert!(attrs.len() >= 11);
    for a in attrs {
        assert_eq!(a["speaker"], "John Legend", "{a}");
        assert_eq!(
            name_of(&a["speaker_entity"]).as_deref(),
            Some("John Legend")
        );
    }
    let addressees: Vec<(String, Option<String>)> = attrs
        .iter()
        .filter_map(|a| {
            let text = a["addressee"].get(0)?["text"].as_str()?.to_string();
            Some((text, name_of(&a["addressee_entity"])))
        })
        .collect();
    let told = |who: &str, entity: &str| {
        addressees
            .iter()
            .any(|(t, e)| t == who && e.as_deref() == Some(entity))
    };
    assert!(told("Axelrod", "David Axelrod"), "{addressees:?}");
    assert!(told("The New Yorker", "The New Yorker"), "{addressees:?}");
    assert!(told("the outlet", "The New Yorker"), "{addressees:?}");
    // "Legend added" goes on speaking to the outlet he told before.
    let added = attrs
        .iter()
        .find(|a| a["cue"][0]["text"] == "added")
        .expect("an attribution cued \"added\"");
    assert_eq!(
        name_of(&added["addressee_entity"]).as_deref(),
        Some("The New Yorker")
    );
    let venues: Vec<&str> = attrs
        .iter()
        .filter_map(|a| a["venue"]["type"].as_str())
        .collect();
    assert!(venues.contains(&"podcast"), "{venues:?}");
    // Photo credits ("Matthew Simmons via Getty Images", "Pool via Getty Images") name no one
    // in the story.
    assert!(
        entities
            .iter()
            .all(|e| e["name"] != "Matthew Simmons" && e["name"] != "Pool"),
        "{entities:?}"
    );
    let west = entities
        .iter()
        .find(|e| e["name"] == "Kanye West")
        .expect("Kanye West is an entity");
    let mentions: Vec<&str> = west["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(
        mentions.contains(&"West") && mentions.contains(&"Kanye"),
        "{mentions:?}"
    );
}

#[test]
fn eval_agrees_with_the_reference_scorer() {
    let Some(shared) = shared() else { return };
    let d = temp_dir("agreement");
    let pred = d.join("dev-pred.jsonl");
    let gold = shared.join("data/polnear/jsonl/dev.jsonl");
    let cofenet = shared.join("data/polnear/cofenet_dev.txt");
    let ours = sayso_json(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        "--reported",
        "--cofenet",
        cofenet.to_str().unwrap(),
        "--write-pred",
        pred.to_str().unwrap(),
        "--json",
    ]);
    let reference = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .args([
            "--pred",
            pred.to_str().unwrap(),
            "--gold",
            gold.to_str().unwrap(),
            "--cofenet",
            cofenet.to_str().unwrap(),
            "--json",
        ])
        .output()
        .expect("python3 runs the reference scorer");
    assert!(
        reference.status.success(),
        "{}",
        String::from_utf8_lossy(&reference.stderr)
    );
    let reference: serde_json::Value = serde_json::from_slice(&reference.stdout).unwrap();
    for block in ["primary_annotator", "all_annotators"] {
        for measure in ["exact", "begin"] {
            for role in ["source", "cue", "content"] {
                for m in ["tp", "pred", "gold"] {
                    assert_eq!(
                        ours["cofenet"][block][measure][role][m],
                        reference["cofenet"][block][measure][role][m],
                        "CofeNet {block} {measure} {role} {m}"
                    );
                }
            }
        }
    }
    assert_eq!(
        ours["cofenet"]["tokens_aligned"],
        reference["cofenet"]["tokens_aligned"]
    );
    let ours = &ours["article"];
    let reference = &reference["article"];
    for key in ["attribution", "content_exact", "full_triple"] {
        for m in ["p", "r", "f1", "tp", "pred", "gold"] {
            let (a, b) = (
                ours[key][m].as_f64().unwrap(),
                reference[key][m].as_f64().unwrap(),
            );
            assert!(
                (a - b).abs() < 1e-9,
                "{key}.{m}: sayso {a} vs reference {b}"
            );
        }
    }
    for key in [
        "matched",
        "source_acc",
        "source_acc_gold_nonempty",
        "source_exact_acc",
        "cue_acc",
        "cue_exact_acc",
        "kind_acc",
    ] {
        let (a, b) = (
            ours[key].as_f64().unwrap(),
            reference[key].as_f64().unwrap(),
        );
        assert!((a - b).abs() < 1e-9, "{key}: sayso {a} vs reference {b}");
    }
    for kind in ["direct", "mixed", "indirect"] {
        assert_eq!(
            ours["recall_by_gold_kind"][kind]["matched"],
            reference["recall_by_gold_kind"][kind]["matched"]
        );
        assert_eq!(
            ours["precision_by_pred_kind"][kind]["pred"],
            reference["precision_by_pred_kind"][kind]["pred"]
        );
    }
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn eval_reads_polnear_brat_folders() {
    let Some(shared) = shared() else { return };
    let dev = shared.join("data/polnear/dev");
    let v = sayso_json(&["eval", "--gold", dev.to_str().unwrap(), "--json"]);
    let v = &v["article"];
    assert_eq!(v["documents"], 84);
    // BRAT keeps second content spans ("Content2") that the JSONL conversion drops, so the
    // gold count differs from the JSONL's 2,193 only by what those merge.
    assert!(v["attribution"]["gold"].as_u64().unwrap() >= 2190);
}

#[test]
fn sentence_evaluation_on_ud() {
    let Some(shared) = shared() else { return };
    let gum = shared.join("data/ud/en_gum/en_gum-ud-test.conllu");
    let v = sayso_json(&["eval-sentences", gum.to_str().unwrap(), "--json"]);
    assert!(v[0]["scores"]["f1"].as_f64().unwrap() > 90.0);
}

#[test]
fn missing_gold_is_a_clear_error() {
    let out = sayso(&["eval", "--gold", "/nonexistent/polnear/dev.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/nonexistent/polnear/dev.jsonl is missing"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn tagger_and_parser_accuracy_on_gum_test() {
    let Some(shared) = shared() else { return };
    let gum = shared.join("data/ud/en_gum/en_gum-ud-test.conllu");
    let v = sayso_json(&["eval-tagger", gum.to_str().unwrap(), "--json"]);
    assert_eq!(v[0]["tagger"], "perceptron");
    assert!(
        v[0]["scores"]["gold_tokens_accuracy"].as_f64().unwrap() > 96.0,
        "{v}"
    );
    let v = sayso_json(&["eval-parser", gum.to_str().unwrap(), "--json"]);
    assert!(
        v[0]["scores"]["uas_predicted_tags"].as_f64().unwrap() > 83.0,
        "{v}"
    );
    assert!(
        v[0]["scores"]["las_predicted_tags"].as_f64().unwrap() > 78.0,
        "{v}"
    );
}

/// Person mentions on GUM test: a floor under the measured 77.8 F1 (issue 4 aims at 85), so
/// that a change that breaks mention detection or the name kinds shows.
#[test]
fn person_mentions_on_gum_test() {
    let Some(shared) = shared() else { return };
    let gum = shared.join("data/ud/en_gum/en_gum-ud-test.conllu");
    let v = sayso_json(&["eval-mentions", gum.to_str().unwrap(), "--json"]);
    let person = &v[0]["scores"]["person"];
    assert!(person["gold"].as_u64().unwrap() > 2000, "{v}");
    assert!(person["f1"].as_f64().unwrap() > 76.0, "{v}");
    // The kinds of the names found: 68.9% of 595 measured; a classifier trained with its
    // person-name lexicon made from its own training documents gave 64.2.
    let scores = &v[0]["scores"];
    assert!(scores["names_found"].as_u64().unwrap() > 500, "{v}");
    assert!(scores["name_kind_accuracy"].as_f64().unwrap() > 66.0, "{v}");
}

/// Resolved speakers on the dev speaker layer: a floor under the measured 82.0% of the found
/// attributions (issue 4 aims at 90), so that a change that breaks sources or resolution shows.
#[test]
fn resolved_speakers_on_the_dev_layer() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/polnear/jsonl/dev.jsonl");
    let layer = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../quality/polnear-dev-speakers.tsv");
    let v = sayso_json(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        "--reported",
        "--speakers",
        layer.to_str().unwrap(),
        "--json",
    ]);
    let speakers = &v["speakers"];
    assert!(speakers["gold"].as_u64().unwrap() >= 2192, "{speakers}");
    assert!(
        speakers["accuracy_matched"].as_f64().unwrap() > 81.0,
        "{speakers}"
    );
}

/// Runs `sayso` with these arguments, expects success and reads the JSON it prints.
fn sayso_json(args: &[&str]) -> serde_json::Value {
    let out = sayso(args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}
