use super::*;
use sayso_annotate::{PerceptronTagger, Tagger};

/// (kind, content, cue, source) of each attribution of `text`.
fn run(text: &str) -> Vec<(String, Vec<String>, String, String)> {
    let mut doc = Document::new("t", text).unwrap();
    sayso_text::segment(&mut doc);
    PerceptronTagger::bundled().tag(&mut doc);
    crate::QuoteFinder::find_quotes(&crate::QuotePairer, &mut doc);
    DirectQuoteAttributor::default().attribute(&mut doc);
    let join = |spans: &[Span]| {
        spans
            .iter()
            .map(|s| doc.slice(*s))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    doc.attributions
        .iter()
        .map(|a| {
            (
                a.kind.as_str().to_string(),
                a.content
                    .iter()
                    .map(|s| doc.slice(*s).to_string())
                    .collect(),
                join(&a.cue),
                join(&a.source),
            )
        })
        .collect()
}

fn one(text: &str) -> (String, Vec<String>, String, String) {
    let mut all = run(text);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

#[test]
fn quote_then_source_then_cue() {
    let (kind, content, cue, source) =
        one("“We will fix the roads by spring,” Mayor Ana Ruiz said on Monday.");
    assert_eq!(kind, "direct");
    assert_eq!(content, ["“We will fix the roads by spring,”"]);
    assert_eq!((cue.as_str(), source.as_str()), ("said", "Mayor Ana Ruiz"));
}

#[test]
fn quote_then_cue_then_source_with_appositive() {
    let (_, _, cue, source) = one(
        "\"The bridge is safe,\" said Tom Okafor, a spokesman for the county, who inspected it.",
    );
    assert_eq!(cue, "said");
    assert_eq!(
        source,
        "Tom Okafor, a spokesman for the county, who inspected it"
    );
}

#[test]
fn appositive_between_source_and_cue() {
    let (_, _, cue, source) =
        one("“It is over,” Okafor, the county’s chief engineer, told reporters.");
    assert_eq!(
        (cue.as_str(), source.as_str()),
        ("told", "Okafor, the county’s chief engineer")
    );
}

#[test]
fn cue_before_with_colon_comma_and_nothing() {
    for text in [
        "The governor said: “Nobody will lose their home.”",
        "The governor said, “Nobody will lose their home.”",
        "The governor said “Nobody will lose their home.”",
    ] {
        let (kind, _, cue, source) = one(text);
        assert_eq!(
            (kind.as_str(), cue.as_str(), source.as_str()),
            ("direct", "said", "The governor"),
            "{text}"
        );
    }
}

#[test]
fn according_to() {
    let (_, _, cue, source) = one("According to the report, “the levees failed in four places.”");
    assert_eq!(
        (cue.as_str(), source.as_str()),
        ("According to", "the report")
    );
}

#[test]
fn told_addressee_keeps_quote_direct() {
    let (kind, content, cue, source) =
        one("Ruiz told the Daily Ledger “we did everything we could.”");
    assert_eq!(
        (kind.as_str(), cue.as_str(), source.as_str()),
        ("direct", "told", "Ruiz")
    );
    assert_eq!(content, ["“we did everything we could.”"]);
}

#[test]
fn clause_between_cue_and_quote_is_mixed() {
    let (kind, content, cue, source) =
        one("Ruiz said the new budget was “a betrayal of every taxpayer.”");
    assert_eq!(
        (kind.as_str(), cue.as_str(), source.as_str()),
        ("mixed", "said", "Ruiz")
    );
    assert_eq!(
        content,
        ["the new budget was “a betrayal of every taxpayer.”"]
    );
}

#[test]
fn interrupted_quote_is_one_attribution() {
    let (_, content, cue, source) =
        one("“The water is clean,” she said, “and it has been for years.”");
    assert_eq!(
        content,
        ["“The water is clean,”", "“and it has been for years.”"]
    );
    assert_eq!((cue.as_str(), source.as_str()), ("said", "she"));
}

#[test]
fn continuation_in_paragraph_and_next_paragraph() {
    let text = "“We start tomorrow,” Ruiz said. “The crews are ready.”\n\n“Nobody will wait longer than a week.”\n\nThe council meets on Friday.";
    let (_, content, cue, source) = one(text);
    assert_eq!(
        content,
        [
            "“We start tomorrow,”",
            "“The crews are ready.”",
            "“Nobody will wait longer than a week.”"
        ]
    );
    assert_eq!((cue.as_str(), source.as_str()), ("said", "Ruiz"));
}

#[test]
fn multi_paragraph_quote() {
    let text = "Ruiz said in a statement: “The first phase is done.\n\n“The second starts in May.”";
    let (kind, content, _, source) = one(text);
    assert_eq!(kind, "direct");
    assert_eq!(content.len(), 2);
    assert_eq!(source, "Ruiz");
}

#[test]
fn colon_at_end_of_previous_sentence() {
    let text = "The mayor wrote on Facebook:\n\n“Thank you to every volunteer who came out today.”";
    let (_, _, cue, source) = one(text);
    assert_eq!((cue.as_str(), source.as_str()), ("wrote", "The mayor"));
}

#[test]
fn scare_quotes_and_titles_are_not_attributions() {
    let got = run("The so-called “reform” package passed after the “Morning Show” segment aired.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn coordinated_verb_takes_the_sentence_subject() {
    let (kind, _, cue, source) =
        one("Ruiz appeared on the radio and said she and Lee “are not on speaking terms.”");
    assert_eq!(
        (kind.as_str(), cue.as_str(), source.as_str()),
        ("mixed", "said", "Ruiz")
    );
}

#[test]
fn fuzz_found_inputs_do_not_panic() {
    // A quotation closing right before the end of the text, followed by commas only.
    for text in ["v*\"&\u{b}C\"&CC,,", "“a” b,", "“a”,"] {
        run(text);
    }
}

#[test]
fn unknown_speech_verb_after_a_quotation() {
    let (_, _, cue, source) = one("“Did you see that?” she hollers while running down the street.");
    assert_eq!((cue.as_str(), source.as_str()), ("hollers", "she"));
}

#[test]
fn colon_introduction_is_no_continuation() {
    let got = run("“Fine,” Ruiz said. Then she changed her answer: “Not fine at all.”");
    assert_eq!(got[0].1, ["“Fine,”"]);
}
