//! sayso: who said what, to whom, and when.
//!
//! The [`Pipeline`] runs the stages over a [`Document`] in order, each adding its layer with
//! code-point spans into the original text:
//!
//! 1. input readers ([`sayso_readers`]) make documents from files, JSONL records or stdin;
//! 2. the document ([`sayso_document`]) holds text, offsets and paragraphs;
//! 3. tokens, sentences and the text's language ([`sayso_text`]); the later stages are English
//!    models and leave out text identified as another language (unless told otherwise);
//! 4. part-of-speech tags and, for reported speech, dependency trees ([`sayso_annotate`]);
//! 5. quotations and attributions ([`sayso_attribution`]): quotation pairing, the quotation
//!    attributor, and for reported speech the rules and the learned model after them;
//! 6. mentions and entities ([`sayso_entities`]): who each speaker is, to whom and where.

pub use sayso_annotate as annotate;
pub use sayso_attribution as attribution;
pub use sayso_document as document;
pub use sayso_entities as entities;
pub use sayso_readers as readers;
pub use sayso_text as text;

pub use sayso_document::{Attribution, AttributionKind, Document, Span};

use sayso_annotate::{ArcEagerParser, Parser, PerceptronTagger, Tagger};
use sayso_attribution::{
    Attributor, CueLexicon, DirectQuoteAttributor, LearnedAttributor, QuoteFinder, QuotePairer,
    ReportedSpeechAttributor,
};
use sayso_entities::{Resolver, SpeakerResolver};
use sayso_text::{
    LanguageIdentifier, NewsLanguageIdentifier, NewsTokenizer, RuleSentenceSplitter,
    SentenceSplitter, Tokenizer,
};

/// The stages, in the order they run.
pub struct Pipeline {
    tokenizer: NewsTokenizer,
    splitter: RuleSentenceSplitter,
    language: NewsLanguageIdentifier,
    /// Run the English models over text identified as another language too.
    all_languages: bool,
    tagger: &'static PerceptronTagger,
    parser: Option<&'static ArcEagerParser>,
    /// Parse only the sentences that may hold an attribution (see
    /// [`CueLexicon::may_hold_attribution`]); the learned model is trained on full parses.
    parse_likely_sentences_only: bool,
    quotes: QuotePairer,
    attributor: DirectQuoteAttributor,
    reported: Option<ReportedSpeechAttributor>,
    learned: Option<LearnedAttributor>,
    /// `None` in the pipeline the learned model is trained on: it reads the attributions as the
    /// rules leave them, before speakers, addressees and venues are resolved.
    speakers: Option<SpeakerResolver>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline {
            tokenizer: NewsTokenizer,
            splitter: RuleSentenceSplitter,
            language: NewsLanguageIdentifier,
            all_languages: false,
            tagger: PerceptronTagger::bundled(),
            parser: None,
            parse_likely_sentences_only: false,
            quotes: QuotePairer,
            attributor: DirectQuoteAttributor::default(),
            reported: None,
            learned: None,
            speakers: Some(SpeakerResolver),
        }
    }
}

impl Pipeline {
    /// Quotations (direct and mixed) only: tagger, no parser.
    pub fn new() -> Self {
        Pipeline::default()
    }

    /// Also reported speech: the dependency parser, the rule-based attributors and the learned
    /// attribution model that takes their output as features (several times slower).
    pub fn with_reported_speech() -> Self {
        Pipeline {
            learned: Some(LearnedAttributor::default()),
            speakers: Some(SpeakerResolver),
            parse_likely_sentences_only: true,
            ..Pipeline::with_attribution_rules()
        }
    }

    /// Parser and rule-based attributors, without the learned model and the speaker stage
    /// after it: what the learned model reads, and so what it is trained on.
    pub fn with_attribution_rules() -> Self {
        Pipeline {
            parser: Some(ArcEagerParser::bundled()),
            reported: Some(ReportedSpeechAttributor::default()),
            speakers: None,
            ..Pipeline::default()
        }
    }

    /// Runs the English stages (tags, trees, attributions, entities) over documents identified
    /// as another language too, instead of leaving them with tokens, sentences and language.
    pub fn for_all_languages(self) -> Self {
        Pipeline {
            all_languages: true,
            ..self
        }
    }

    /// Runs every stage over `doc`.
    pub fn process(&self, doc: &mut Document) {
        self.tokenizer.tokenize(doc);
        self.splitter.split(doc);
        self.language.identify(doc);
        if !self.all_languages && sayso_text::language::is_other_language(doc) {
            return;
        }
        self.tagger.tag(doc);
        match self.parser {
            Some(p) if self.parse_likely_sentences_only => {
                let cues = CueLexicon::bundled();
                p.parse_where(doc, &|doc, sentence| {
                    cues.may_hold_attribution(doc, sentence)
                });
            }
            Some(p) => p.parse(doc),
            None => {}
        }
        self.quotes.find_quotes(doc);
        self.attributor.attribute(doc);
        if let Some(r) = &self.reported {
            r.attribute(doc);
        }
        if let Some(l) = &self.learned {
            l.attribute(doc);
        }
        if let Some(s) = &self.speakers {
            s.resolve(doc);
        }
    }

    /// Only tokens and sentences (the baseline the benchmark compares with).
    pub fn segment(&self, doc: &mut Document) {
        self.tokenizer.tokenize(doc);
        self.splitter.split(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check_spans(doc: &Document) -> Result<(), TestCaseError> {
        let n = doc.char_len();
        for a in &doc.attributions {
            for role in [&a.content, &a.cue, &a.source] {
                let mut prev = 0;
                for s in role {
                    prop_assert!(
                        s.start < s.end && s.end <= n,
                        "span {:?} outside 0..{}",
                        s,
                        n
                    );
                    prop_assert!(s.start >= prev, "spans out of order");
                    prev = s.end;
                    // On character boundaries by construction: slicing must not panic.
                    let _ = doc.slice(*s);
                }
            }
        }
        Ok(())
    }

    #[test]
    fn reported_speech_patterns() {
        let text = "The mayor said that the bridge would reopen in May.\n\n\
                    The bridge will reopen in May, the mayor said.\n\n\
                    According to the city engineer, the repairs cost $4 million.\n\n\
                    Officials told reporters the storm had damaged 40 homes.\n\n\
                    The governor criticized the new tax plan.\n\n\
                    She vowed to repeal the law within a year.\n\n\
                    The senator told reporters nothing.";
        let mut doc = Document::new("r", text).unwrap();
        Pipeline::with_reported_speech().process(&mut doc);
        let got: Vec<(String, String, String)> = doc
            .attributions
            .iter()
            .map(|a| {
                (
                    doc.slice(a.source[0]).to_string(),
                    doc.slice(a.cue[0]).to_string(),
                    doc.slice(a.content[0]).to_string(),
                )
            })
            .collect();
        let want = [
            ("The mayor", "said", "that the bridge would reopen in May"),
            ("the mayor", "said", "The bridge will reopen in May"),
            (
                "the city engineer",
                "According to",
                "the repairs cost $4 million",
            ),
            ("Officials", "told", "the storm had damaged 40 homes"),
            ("The governor", "criticized", "the new tax plan"),
            ("She", "vowed", "to repeal the law within a year"),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, w) in got.iter().zip(want) {
            assert_eq!((g.0.as_str(), g.1.as_str(), g.2.as_str()), w);
        }
        assert!(doc
            .attributions
            .iter()
            .all(|a| a.kind == AttributionKind::Indirect));
        // Without the option, reported speech is left alone.
        let mut plain = Document::new("r", text).unwrap();
        Pipeline::new().process(&mut plain);
        assert!(plain.attributions.is_empty());
    }

    #[test]
    fn other_languages_get_tokens_and_language_only() {
        let text = "Der Bürgermeister sagte am Montag, dass die Brücke im Mai wieder geöffnet \
                    werde. \"Wir haben das Geld gefunden\", sagte er den Reportern.";
        let mut doc = Document::new("de", text).unwrap();
        Pipeline::with_reported_speech().process(&mut doc);
        assert_eq!(doc.language, Some("deu"));
        assert!(!doc.tokens.is_empty() && !doc.sentences.is_empty());
        assert!(doc.upos.is_empty() && doc.heads.is_empty() && doc.quotes.is_empty());
        let mut forced = Document::new("de", text).unwrap();
        Pipeline::with_reported_speech()
            .for_all_languages()
            .process(&mut forced);
        assert_eq!(forced.upos.len(), forced.tokens.len());
        assert_eq!(forced.heads.len(), forced.tokens.len());
        let mut english = Document::new("en", "The mayor said the bridge would reopen.").unwrap();
        Pipeline::new().process(&mut english);
        assert_eq!(english.upos.len(), english.tokens.len());
    }

    #[test]
    fn speakers_are_entities_with_addressees_and_venues() {
        let text = "Sen. Maria Lopez told The Daily Ledger on Monday that the bill would pass.\n\n\
                    \"We have the votes,\" Lopez said in an interview.\n\n\
                    \"It is done,\" she told reporters.\n\n\
                    According to the report, the bill costs $2 million.";
        let mut doc = Document::new("s", text).unwrap();
        Pipeline::with_reported_speech().process(&mut doc);
        let lopez = doc
            .entities
            .iter()
            .find(|e| e.name == "Maria Lopez")
            .expect("an entity for Maria Lopez");
        assert_eq!(lopez.kind, sayso_document::EntityKind::Person);
        assert_eq!(lopez.titles, vec!["Sen.".to_string()]);
        let ledger = doc
            .entities
            .iter()
            .find(|e| e.name == "The Daily Ledger")
            .expect("an entity for the newspaper");
        let speakers: Vec<Option<&str>> = doc
            .attributions
            .iter()
            .map(|a| a.speaker.as_deref())
            .collect();
        assert_eq!(
            speakers,
            vec![
                Some("Maria Lopez"),
                Some("Maria Lopez"),
                Some("Maria Lopez"),
                None
            ],
            "{:?}",
            doc.attributions
        );
        let first = &doc.attributions[0];
        assert_eq!(first.speaker_entity, Some(lopez.id));
        assert_eq!(doc.slice(first.addressee[0]), "The Daily Ledger");
        assert_eq!(first.addressee_entity, Some(ledger.id));
        let venue = doc.attributions[1].venue.expect("a venue");
        assert_eq!(venue.kind, sayso_document::VenueKind::Interview);
        assert_eq!(doc.slice(doc.attributions[2].addressee[0]), "reporters");
    }

    #[test]
    fn a_speaker_after_the_verb_is_the_source_and_the_clause_before_it_the_content() {
        let text = "The plan will fail, argued Senator Bob Smith.";
        let mut doc = Document::new("i", text).unwrap();
        Pipeline::with_reported_speech().process(&mut doc);
        let read: Vec<(String, String, Option<&str>)> = doc
            .attributions
            .iter()
            .map(|a| {
                let text = |spans: &[sayso_document::Span]| {
                    spans
                        .iter()
                        .map(|s| doc.slice(*s))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                (text(&a.source), text(&a.content), a.speaker.as_deref())
            })
            .collect();
        assert_eq!(
            read,
            [(
                "Senator Bob Smith".to_string(),
                "The plan will fail".to_string(),
                Some("Bob Smith")
            )]
        );
    }

    #[test]
    fn mentions_carry_their_noun_phrase_when_parsed() {
        let text = "CNN's David Axelrod, who hosts the show, said the plan works.";
        let phrases_of = |doc: &Document| {
            let e = doc.entities.iter().find(|e| e.name == "David Axelrod")?;
            Some(
                e.phrases
                    .iter()
                    .map(|&p| doc.slice(p).to_string())
                    .collect::<Vec<_>>(),
            )
        };
        let mut doc = Document::new("p", text).unwrap();
        Pipeline::with_reported_speech().process(&mut doc);
        assert_eq!(
            phrases_of(&doc),
            Some(vec!["CNN's David Axelrod, who hosts the show".to_string()])
        );
        // No parse, no phrases: the mentions alone.
        let mut doc = Document::new("p", text).unwrap();
        Pipeline::new().process(&mut doc);
        assert_eq!(phrases_of(&doc), Some(vec![]));
    }

    #[test]
    fn reported_speech_survives_hostile_text() {
        let long_sentence = "the officials said that ".repeat(1_250);
        let commas = format!("He said {}.", "a, ".repeat(500));
        let caps = "THE MAYOR SAID THAT THE BRIDGE WOULD REOPEN. \"IT IS DONE,\" SHE SAID.";
        let table = "1 2 3 4 5\n6 7 8 9 10\n".repeat(200);
        let foreign =
            "Der Bürgermeister sagte, dass die Brücke im Mai öffnet. «Fertig», sagte sie.";
        let quotes = "\"“”‘’'«»".repeat(300);
        // Found by fuzzing: a source whose last name ends the text (the speaker stage read the
        // token after it).
        let source_at_the_end = "\0\0\0\"e\0],@ttt\0],\"\u{2015}b\u{7}\0\0\0\0J";
        // Found by fuzzing: a name of initials, shorter without its middle ones than the name
        // (the entity stage indexed its core by the whole name's length).
        let initials = "\tC\tC\tC\tC\tC";
        for text in [
            long_sentence,
            commas,
            caps.into(),
            table,
            foreign.into(),
            quotes,
            source_at_the_end.into(),
            initials.into(),
        ] {
            let mut doc = Document::new("hostile", text.as_str()).unwrap();
            Pipeline::with_reported_speech().process(&mut doc);
            check_spans(&doc).unwrap();
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn spans_inside_ordered_for_any_text(text in "\\PC{0,400}") {
            let mut doc = Document::new("p", text.as_str()).unwrap();
            Pipeline::new().process(&mut doc);
            check_spans(&doc)?;
            let mut doc = Document::new("p", text).unwrap();
            Pipeline::with_reported_speech().process(&mut doc);
            check_spans(&doc)?;
        }

        #[test]
        fn spans_inside_ordered_for_quote_heavy_text(
            text in "([A-Z][a-z]{0,6}|[a-z]{1,7}|said|told|according to|“|”|\"|‘|’|'|, |\\. |: |\n\n| ){0,120}"
        ) {
            let mut doc = Document::new("p", text).unwrap();
            Pipeline::new().process(&mut doc);
            check_spans(&doc)?;
        }
    }
}
