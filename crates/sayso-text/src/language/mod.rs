//! The language a document is written in.
//!
//! The tagger, the parser and the attribution models are English: over German or Spanish they
//! find "attributions" in words that only look like English ones. The pipeline identifies the
//! language first and leaves the later stages out for text that is reliably another language.
//!
//! Identification reads the first [`SAMPLE_CHARS`] characters. English passes a cheap test
//! first (a quarter or more of its first 250 words are among the commonest English function
//! words: all but 10 of PolNeAR's 924 articles, none of the 696 non-English pages of the HTML
//! benchmark); anything else goes to whatlang's trigram profiles, which cost about 100 µs a call
//! whatever the length (a tenth of the default pipeline's time per article; the fast test costs
//! under 10 µs).

use sayso_document::Document;

/// The ISO 639-3 code of English, the language the models were trained on.
pub const ENGLISH: &str = "eng";

/// Characters read from the start of a document to identify its language.
pub const SAMPLE_CHARS: usize = 2_000;

/// The fast test needs this many words to say "English", and reads no more than the most.
const MIN_WORDS_FOR_FAST_TEST: usize = 20;
const MAX_WORDS_FOR_FAST_TEST: usize = 250;

pub trait LanguageIdentifier {
    /// Sets `doc.language`.
    fn identify(&self, doc: &mut Document);
}

/// English by its function words, anything else by whatlang's trigram model (69 languages).
#[derive(Clone, Copy, Debug, Default)]
pub struct NewsLanguageIdentifier;

impl LanguageIdentifier for NewsLanguageIdentifier {
    fn identify(&self, doc: &mut Document) {
        doc.language = identify(doc.text());
    }
}

/// Whether the document was identified as a language other than English (unidentified text
/// counts as English: short or mixed text is more often English news than not).
pub fn is_other_language(doc: &Document) -> bool {
    doc.language.is_some_and(|code| code != ENGLISH)
}

/// The ISO 639-3 code of the language of `text`, `None` when it cannot be told reliably.
pub fn identify(text: &str) -> Option<&'static str> {
    let end = text
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    if looks_english(sample) {
        return Some(ENGLISH);
    }
    whatlang::detect(sample)
        .filter(whatlang::Info::is_reliable)
        .map(|info| info.lang().code())
}

/// A quarter or more of the words are English function words.
fn looks_english(sample: &str) -> bool {
    let (mut words, mut function_words) = (0usize, 0usize);
    for word in sample
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS_FOR_FAST_TEST)
    {
        words += 1;
        function_words += is_english_function_word(word) as usize;
    }
    words >= MIN_WORDS_FOR_FAST_TEST && function_words * 4 >= words
}

fn is_english_function_word(word: &str) -> bool {
    const LONGEST: usize = 5;
    if word.len() > LONGEST {
        return false;
    }
    let mut lower = [0u8; LONGEST];
    for (l, b) in lower.iter_mut().zip(word.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    matches!(
        &lower[..word.len()],
        b"the"
            | b"of"
            | b"and"
            | b"to"
            | b"a"
            | b"in"
            | b"is"
            | b"that"
            | b"for"
            | b"it"
            | b"was"
            | b"on"
            | b"with"
            | b"he"
            | b"as"
            | b"said"
            | b"by"
            | b"at"
            | b"from"
            | b"his"
            | b"be"
            | b"have"
            | b"has"
            | b"are"
            | b"this"
            | b"not"
            | b"but"
            | b"an"
            | b"they"
            | b"who"
            | b"which"
            | b"their"
            | b"we"
            | b"or"
            | b"had"
            | b"been"
            | b"were"
            | b"she"
            | b"her"
            | b"its"
            | b"will"
            | b"would"
            | b"there"
            | b"more"
            | b"about"
            | b"than"
            | b"i"
            | b"you"
            | b"also"
            | b"one"
            | b"after"
            | b"when"
            | b"what"
            | b"all"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH_TEXT: &str = "The mayor said on Monday that the bridge would reopen in May, \
        after the city had found the money for the repairs. Residents who use it every day told \
        reporters they were relieved.";
    const GERMAN_TEXT: &str = "Der Bürgermeister sagte am Montag, dass die Brücke im Mai wieder \
        geöffnet werde, nachdem die Stadt das Geld für die Reparaturen gefunden habe. Anwohner, \
        die sie jeden Tag benutzen, zeigten sich erleichtert.";

    #[test]
    fn english_by_function_words_and_others_by_trigrams() {
        assert!(looks_english(ENGLISH_TEXT));
        assert_eq!(identify(ENGLISH_TEXT), Some(ENGLISH));
        assert!(!looks_english(GERMAN_TEXT));
        assert_eq!(identify(GERMAN_TEXT), Some("deu"));
    }

    #[test]
    fn english_without_many_function_words_goes_to_trigrams() {
        // Headline style: few function words, still English.
        let text = "Senate Republicans unveil healthcare bill, promising lower premiums, \
            broader coverage, stronger protections, Medicaid changes, insurer subsidies, \
            state waivers, tax credits, mandate repeal, Planned Parenthood funding cuts";
        assert!(!looks_english(text));
        assert_eq!(identify(text), Some(ENGLISH));
    }

    #[test]
    fn short_or_empty_text_is_not_identified() {
        assert_eq!(identify(""), None);
        assert_eq!(identify("12 345 -- ..."), None);
        assert_eq!(identify("Ja"), None);
    }

    #[test]
    fn only_the_sample_is_read() {
        let text = format!("{}{}", GERMAN_TEXT.repeat(20), ENGLISH_TEXT.repeat(100));
        assert_eq!(identify(&text), Some("deu"));
    }

    #[test]
    fn other_language_gate() {
        let mut doc = Document::new("d", GERMAN_TEXT).unwrap();
        assert!(!is_other_language(&doc), "unidentified counts as English");
        NewsLanguageIdentifier.identify(&mut doc);
        assert!(is_other_language(&doc));
        let mut doc = Document::new("e", ENGLISH_TEXT).unwrap();
        NewsLanguageIdentifier.identify(&mut doc);
        assert!(!is_other_language(&doc));
    }
}
