//! Entities from name mentions: a later name joins an earlier entity when its words are the
//! end or the start of that entity's name ("Legend" and "John Legend", "Kanye" and "Kanye
//! West"); the entity's name is the fullest one used; its kind comes from a person title, else
//! from telling words, else from the learned name-kind classifier over all its mentions.

use crate::mentions::{
    acronym_letters, is_dash, is_person_title, starts_sentence, Mention, MentionKind, NAME_SUFFIXES,
};
use sayso_document::{Document, Entity, EntityKind, Span};
use std::collections::HashMap;

/// Last words of outlets' names.
pub(crate) const OUTLET_WORDS: &[&str] = &[
    "post",
    "times",
    "news",
    "journal",
    "magazine",
    "tribune",
    "press",
    "yorker",
    "review",
    "radio",
    "tv",
    "media",
    "network",
    "herald",
    "gazette",
    "daily",
    "reuters",
    "telegraph",
    "guardian",
    "observer",
    "chronicle",
    "examiner",
    "politico",
    "bloomberg",
    "cnn",
    "nbc",
    "abc",
    "cbs",
    "msnbc",
    "fox",
    "npr",
    "pbs",
    "bbc",
    "ap",
    "upi",
];

/// Last words that make a name an organization's.
pub(crate) const ORGANIZATION_WORDS: &[&str] = &[
    "party",
    "post",
    "news",
    "times",
    "journal",
    "committee",
    "department",
    "university",
    "campaign",
    "house",
    "court",
    "congress",
    "senate",
    "council",
    "association",
    "institute",
    "center",
    "centre",
    "foundation",
    "company",
    "inc.",
    "corp.",
    "group",
    "network",
    "magazine",
    "review",
    "tribune",
    "press",
    "agency",
    "administration",
    "bureau",
    "commission",
    "office",
    "club",
    "union",
    "bank",
    "fund",
    "service",
    "services",
    "yorker",
    "reuters",
    "podcast",
    "files",
    "show",
    "radio",
    "tv",
    "media",
    "board",
    "army",
    "navy",
    "police",
    "school",
    "college",
    "church",
    "alliance",
    "coalition",
    "federation",
    "ministry",
    "society",
    "assembly",
    "parliament",
    "legislature",
    "pac",
    // From here on (and in the place words from "hotel"), last words that GUM train's and
    // dev's names (three or more, 85% of one kind) or WordNet's proper nouns (five or more,
    // 90%) give to places or organizations.
    "government",
    "weekly",
    "academy",
    "front",
    "corps",
    "nations",
    "forces",
    "brigades",
];

/// Whether a name's last word makes it an organization's or a place's ("Foundation",
/// "County").
fn names_a_body_or_place(word: &str) -> bool {
    let word = word.to_lowercase();
    ORGANIZATION_WORDS.contains(&word.as_str()) || PLACE_WORDS.contains(&word.as_str())
}

/// Last words that make a name a place's.
const PLACE_WORDS: &[&str] = &[
    "street",
    "st.",
    "avenue",
    "ave.",
    "road",
    "boulevard",
    "square",
    "park",
    "bridge",
    "river",
    "lake",
    "county",
    "city",
    "state",
    "states",
    "island",
    "valley",
    "mountains",
    "beach",
    "airport",
    "hotel",
    "mosque",
    "station",
    "bay",
    "springs",
    "islands",
    "base",
    "expressway",
    "desert",
    "republic",
    "zone",
    "country",
    "region",
    "province",
    "archipelago",
    "colony",
];

/// Last words that make a name neither a person's, an organization's nor a place's: a law, an
/// event, a prize, a plan ("the Hindu Marriage Act", "the World Cup"). From GUM train's and
/// dev's names (three or more, 85% of such kinds) and WordNet's proper nouns (five or more,
/// 90%; not the rivers and bridges it files as objects).
const THING_WORDS: &[&str] = &[
    "act",
    "plan",
    "festival",
    "cup",
    "prize",
    "telescope",
    "war",
    "law",
    "day",
    "disease",
    "syndrome",
    "revolution",
    "games",
    "amendment",
    "medal",
];

/// Whether a word of a name is a word of letters, not all capitals, that WordNet knows as no
/// noun or verb ("Aung" and "San" of "Aung San Suu Kyi"; not "Rival" of "Rival Hillary
/// Clinton", nor an abbreviation: "U.N.").
fn no_common_word(word: &str) -> bool {
    word.chars().all(char::is_alphabetic)
        && word.chars().any(char::is_lowercase)
        && !sayso_attribution::roles::word_classes::is_noun_or_verb(&word.to_lowercase())
}

/// For each mention, the mention it is the acronym of when it is defined in brackets right
/// after the name ("Alliance to Reclaim Our Schools (AROS)"): capitals starting with the
/// name's first letter.
fn acronym_definitions(doc: &Document, mentions: &[Mention]) -> Vec<Option<usize>> {
    let mut defined_by = vec![None; mentions.len()];
    for (m, pair) in mentions.windows(2).enumerate() {
        let (name, acronym) = (&pair[0], &pair[1]);
        let text = |t: usize| doc.token_text(t);
        let bracketed = acronym.first == acronym.last
            && acronym.first == name.last + 2
            && text(name.last + 1) == "("
            && doc.tokens.get(acronym.last + 1).is_some()
            && text(acronym.last + 1) == ")";
        if !bracketed || name.last == name.first && !matches!(name.kind, MentionKind::Name { .. }) {
            continue;
        }
        let letters = text(acronym.first);
        let first_word = (name.first..=name.last).map(text).find(|w| *w != "The");
        let initial = first_word.and_then(|w| w.chars().next());
        if letters.chars().count() >= 2
            && letters.chars().all(|c| c.is_uppercase())
            && initial.is_some_and(|i| letters.starts_with(i))
        {
            defined_by[m + 1] = Some(m);
        }
    }
    // An acronym standing alone is the latest longer name before it whose words' initials it
    // spells ("IMF" after "International Monetary Fund", "S.E.C." after "Securities and
    // Exchange Commission").
    let mut by_initials: HashMap<String, usize> = HashMap::new();
    for (m, mention) in mentions.iter().enumerate() {
        if !matches!(mention.kind, MentionKind::Name { .. }) {
            continue;
        }
        let words: Vec<&str> = (mention.first..=mention.last)
            .map(|t| doc.token_text(t))
            .collect();
        if let [word] = words.as_slice() {
            if defined_by[m].is_none() {
                defined_by[m] = acronym_letters(word).and_then(|l| by_initials.get(&l).copied());
            }
        } else if let Some(initials) = initials(&words) {
            by_initials.insert(initials, m);
        }
    }
    defined_by
}

/// What the words around a name say it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Described {
    /// An age between commas ("Schiff, 56,") or a noun of people in apposition.
    Person,
    /// A noun of organizations heading an apposition (", the Houston-based company").
    Organization,
    /// A dateline's place ("WASHINGTON —", "COLUMBUS, Ohio —").
    Dateline,
    /// What a person is not: a relative clause opening with "which" between the subject and
    /// its verb, "its" right after the name's verb ("Exxon said its refinery"), shares of it.
    NoPerson,
}

/// Nouns of organizations that, heading an apposition after a name, say what the name names
/// (", the German company", "— a labor-affiliated group —"); not nouns that also name places
/// or events ("site", "office", "campaign", "program").
const APPOSED_ORGANIZATION_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "organization",
    "bank",
    "corporation",
    "conglomerate",
    "agency",
    "association",
    "coalition",
    "union",
    "network",
    "newspaper",
    "magazine",
    "outlet",
    "publisher",
    "party",
    "committee",
    "foundation",
    "institute",
    "university",
    "council",
    "maker",
    "manufacturer",
    "automaker",
    "retailer",
    "insurer",
    "lender",
    "airline",
    "nonprofit",
    "charity",
];

/// Whether the name at tokens `first..=last`, in capitals, opens a paragraph as a dateline
/// does: before a dash, after a comma and a state or a wire service in brackets at most
/// ("WASHINGTON —", "COLUMBUS, Ohio —", "NEW YORK (AP) —"; not a heading's first words,
/// "SENATE PASSES BILL —").
fn is_dateline(doc: &Document, first: usize, last: usize) -> bool {
    const MAX_PLACE_WORDS: usize = 3;
    const MAX_BRACKETED_WORDS: usize = 3;
    let in_capitals = (first..=last).all(|k| !doc.token_text(k).chars().any(char::is_lowercase));
    // (Paragraphs are in order: a search, so that thousands of names stay linear.)
    let start = doc.tokens[first].span.start;
    if !in_capitals
        || doc
            .paragraphs
            .binary_search_by_key(&start, |p| p.start)
            .is_err()
    {
        return false;
    }
    let text = |k: usize| (k < doc.tokens.len()).then(|| doc.token_text(k));
    let mut k = last + 1;
    // ", Ohio", ", N.H.": the state.
    if text(k) == Some(",") {
        k += 1;
        let start = k;
        while k - start < MAX_PLACE_WORDS
            && text(k).is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            k += 1;
        }
    }
    // "(AP)": the wire service.
    if text(k) == Some("(") {
        let close = (k + 1..=k + 1 + MAX_BRACKETED_WORDS).find(|&c| text(c) == Some(")"));
        match close {
            Some(c) => k = c + 1,
            None => return false,
        }
    }
    // A dash set off by a space ("SIEGEL--Jerome" opens a notice of death).
    text(k).is_some_and(|w| is_dash(w) || w == "-")
        && doc.tokens[k - 1].span.end < doc.tokens[k].span.start
}

/// Whether the words around the name at tokens `first..=last` speak of it as no person does:
/// "its" right after the verb it is the subject of ("Exxon said its refinery", "Acme announced
/// that its"), or its shares or stock ("shares of Acme", "Acme shares").
fn no_person_around(doc: &Document, first: usize, last: usize) -> bool {
    use sayso_document::Upos;
    let is =
        |k: usize, word: &str| k < doc.tokens.len() && doc.token_text(k).eq_ignore_ascii_case(word);
    let is_noun = |k: usize| doc.upos.get(k) == Some(&Upos::Noun);
    let stock = |k: usize| is_noun(k) && (is(k, "shares") || is(k, "stock"));
    let verb = last + 1 + usize::from(doc.upos.get(last + 1) == Some(&Upos::Adv));
    // (A subject's name: not after a preposition, a verb or a determiner, "and no Lees shows
    // its".)
    let subject = first == 0
        || !matches!(
            doc.upos.get(first - 1),
            Some(Upos::Adp | Upos::Verb | Upos::Aux | Upos::Det)
        ) && !is(first - 1, "no");
    let its_after_verb = subject
        && doc.upos.get(verb) == Some(&Upos::Verb)
        && (verb + 1..verb + 3)
            .take_while(|&k| k == verb + 1 || is(k - 1, "that"))
            .any(|k| is(k, "its"));
    let shares_of = first >= 2 && is(first - 1, "of") && stock(first - 2);
    let shares_after = stock(last + 1);
    its_after_verb || shares_of || shares_after
}

/// What the words after the name at tokens `first..=last` describe: an age between commas
/// ("Schiff, 56,"), an appositive noun phrase, after a comma or between dashes, whose nouns
/// (before its end, a conjunction or a preposition) name people (", a 51-year-old retired
/// nurse", ", the company's chief executive", "— Boston-trained surgeon and radio show host
/// —") or, after a determiner, whose head noun names organizations (", the Houston-based
/// company"), or a relative clause opening with "which" between a name opening its sentence
/// and the name's verb ("Kessler, which makes valves, said").
fn described_after(doc: &Document, first: usize, last: usize) -> Option<Described> {
    use sayso_document::Upos;
    const MAX_APPOSITIVE_WORDS: usize = 10;
    let text = |k: usize| (k < doc.tokens.len()).then(|| doc.token_text(k));
    let opener = text(last + 1).filter(|w| *w == "," || is_dash(w))?;
    let next = text(last + 2)?;
    if opener == "," && next == "which" {
        // After an object, "which" is as often about the whole clause ("attacked Hale, which
        // drew criticism"), and after a noun before the name about that noun ("an appeal to
        // rural Texans, which has helped him, shows").
        const MAX_RELATIVE_WORDS: usize = 20;
        let opens_sentence = starts_sentence(doc, first)
            || first > 0
                && starts_sentence(doc, first - 1)
                && doc.upos.get(first - 1) == Some(&Upos::Det);
        let comma = (last + 3..=last + 2 + MAX_RELATIVE_WORDS)
            .take_while(|&k| text(k).is_some_and(|w| w != "." && w != ";"))
            .find(|&k| text(k) == Some(","))?;
        let verb_after = (comma + 1..comma + 3)
            .find(|&k| doc.upos.get(k) != Some(&Upos::Adv))
            .is_some_and(|k| matches!(doc.upos.get(k), Some(Upos::Verb | Upos::Aux)));
        return (opens_sentence && verb_after).then_some(Described::NoPerson);
    }
    let comma = opener == ",";
    if comma && next.len() <= 3 && next.chars().all(|c| c.is_ascii_digit()) {
        return (text(last + 3) == Some(",")).then_some(Described::Person);
    }
    // (After a comma with no determiner, only a singular noun of people: "Smith, political
    // science professor at ...", not "In Texas, teachers ...".)
    let bare = comma
        && !["a", "an", "the"]
            .iter()
            .any(|d| d.eq_ignore_ascii_case(next));
    let closes = |w: &str| w == opener || w == "." || w == "," || is_dash(w);
    let close =
        (last + 3..=last + 2 + MAX_APPOSITIVE_WORDS).find(|&k| text(k).is_none_or(closes))?;
    // The phrase's nouns: its last word and each one before "and", "or" or a preposition
    // ("professor at ...").
    let is_noun = |k: usize| doc.upos.get(k) == Some(&Upos::Noun);
    let lower = |k: usize| doc.token_text(k).to_lowercase();
    let person = (last + 2..close)
        .filter(|&k| {
            k + 1 == close
                || matches!(text(k + 1), Some("and" | "or"))
                || doc.upos.get(k + 1) == Some(&Upos::Adp)
        })
        .any(|k| {
            let noun = lower(k);
            is_noun(k)
                && crate::mentions::is_person_noun_word(&noun)
                && !(bare && crate::mentions::is_plural_word(&noun))
        });
    if person {
        return Some(Described::Person);
    }
    // The head: the last noun before a preposition, a verb or a relative word ("a billionaire
    // head of an Idaho company", "a friend who left the campaign").
    let head_end = (last + 2..close)
        .find(|&k| {
            matches!(
                doc.upos.get(k),
                Some(Upos::Adp | Upos::Verb | Upos::Aux | Upos::Pron | Upos::Sconj)
            )
        })
        .unwrap_or(close);
    let head = (last + 2..head_end).rev().find(|&k| is_noun(k))?;
    (!bare && head + 1 == head_end && APPOSED_ORGANIZATION_NOUNS.contains(&lower(head).as_str()))
        .then_some(Described::Organization)
}

/// The initials of a name's capitalized words, a leading "The" and lower-case joining words
/// ("of", "and") left out: "International Monetary Fund" -> "IMF".
fn initials(words: &[&str]) -> Option<String> {
    let initials: String = words
        .iter()
        .filter(|w| **w != "The")
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    (initials.chars().count() >= 2).then_some(initials)
}

/// Whether a word is an initial: a capital letter, with or without a full stop ("J.").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    sayso_text::abbreviations::is_initial(word)
        || chars.next().is_some_and(char::is_uppercase) && chars.as_str().is_empty()
}

/// Whether a name of three words or more opening with a written-out word has an initial
/// between its first and last word ("Loretta E. Lynch", not "T C Phailin").
fn has_middle_initial(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 3
        && words[0].chars().any(char::is_lowercase)
        && words[1..words.len() - 1].iter().any(|w| is_initial(w))
}

/// A person's name without its generational suffix and its middle initials ("Joseph R. Biden
/// Jr." is "Joseph Biden", "Donald J. Trump" "Donald Trump"): the words shorter mentions of it
/// use. Other names are returned whole.
fn core_of_name(words: &[String]) -> Vec<String> {
    let end = match words.split_last() {
        Some((last, rest)) if rest.len() >= 2 && NAME_SUFFIXES.contains(&last.as_str()) => {
            words.len() - 1
        }
        _ => words.len(),
    };
    let kept = &words[..end];
    kept.iter()
        .enumerate()
        .filter(|&(k, w)| k == 0 || k + 1 == kept.len() || !is_initial(w))
        .map(|(_, w)| w.clone())
        .collect()
}

/// A name written in capitals as in a transcript's turns ("WALLACE") in the case the text
/// uses elsewhere ("Wallace"); `None` for other words and short acronyms ("CNN").
fn capitalized(word: &str) -> Option<String> {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 || word.chars().any(|c| c.is_lowercase() || c == '.') {
        return None;
    }
    let mut chars = word.chars();
    let first = chars.next()?;
    Some(
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
    )
}

/// The entities of the one name a one-word name is a typing slip of ("McLenney" after
/// "Tyresha McClenney", "MNSBC" after "MSNBC"): one letter left out, added or two swapped in a
/// word of five letters or more, or changed in one of seven or more, whatever the case, with
/// the same first letter, when no other name is as close. A document with more than a
/// thousand names is not searched, so that the time stays linear.
fn misspelt_of<'a>(
    word: &str,
    by_edge_word: &'a HashMap<String, Vec<usize>>,
) -> Option<&'a Vec<usize>> {
    const MIN_MISSPELT_LETTERS: usize = 5;
    const MAX_NAMES_FOR_SLIPS: usize = 1000;
    let letters: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    if letters.len() < MIN_MISSPELT_LETTERS || by_edge_word.len() > MAX_NAMES_FOR_SLIPS {
        return None;
    }
    let mut close = by_edge_word.iter().filter(|(name, _)| {
        name.chars().count().abs_diff(letters.len()) <= 1 && {
            let other: Vec<char> = name.chars().flat_map(char::to_lowercase).collect();
            other.first() == letters.first() && one_slip_apart(&letters, &other)
        }
    });
    match (close.next(), close.next()) {
        (Some((_, entities)), None) => Some(entities),
        _ => None,
    }
}

/// Whether two words differ by exactly one letter left out, added or changed (in a word of
/// seven letters or more), or two neighbouring letters swapped, and end in the same two
/// letters: a different ending makes another word of the same stem ("America" and
/// "American", "Texas" and "Texans").
fn one_slip_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    /// How many last letters the words must share.
    const SAME_ENDING: usize = 2;
    /// How long a word must be for one changed letter to be a slip.
    const MIN_CHANGED_LETTERS: usize = 7;
    let suffix = short
        .iter()
        .rev()
        .zip(long.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    if suffix < SAME_ENDING {
        return false;
    }
    match long.len() - short.len() {
        0 if prefix == short.len() => false,
        0 => {
            // A letter changed in a short word makes another name as often as a slip
            // ("Obama" and "Osama", "Perry" and "Parry").
            let changed =
                short.len() >= MIN_CHANGED_LETTERS && short[prefix + 1..] == long[prefix + 1..];
            let swapped = prefix + 1 < short.len()
                && short[prefix] == long[prefix + 1]
                && short[prefix + 1] == long[prefix]
                && short[prefix + 2..] == long[prefix + 2..];
            changed || swapped
        }
        1 => short[prefix..] == long[prefix + 1..],
        _ => false,
    }
}

/// A name's words with their tokens: "The" and a nickname's quotation marks ('Robert C.
/// "Bobby" Scott') left out, so that "Bobby Scott" ends it; a particle in the case names use
/// ("De Blasio" opening a sentence is "Bill de Blasio"'s).
fn words_of_name(doc: &Document, first: usize, last: usize) -> Vec<(usize, String)> {
    (first..=last)
        .map(|t| (t, doc.token_text(t).replace('’', "'")))
        .filter(|(_, w)| w != "The" && !crate::mentions::is_quote_mark(w))
        .map(|(t, w)| {
            match crate::mentions::NAME_PARTICLES
                .iter()
                .find(|p| p.eq_ignore_ascii_case(&w))
            {
                Some(particle) => (t, particle.to_string()),
                None => (t, w),
            }
        })
        .collect()
}

/// Whether a sentence is written in title case, as headlines and captions are ("Obama Sees
/// 'Personal Insult' ...", "President Obama Speech at Black Caucus Foundation"): five or more
/// longer words, all capitalized. Name spans there run into the words around them.
fn in_title_case(doc: &Document, sentence: Span) -> bool {
    /// Shorter words are left out: headlines write "of", "to", "on" either way.
    const MIN_LETTERS: usize = 4;
    /// Fewer may be a short sentence of names ("The United Nations Security Council met.").
    const MIN_WORDS: usize = 5;
    let mut words = 0;
    for k in doc.tokens_in(sentence) {
        let word = doc.token_text(k);
        if word.chars().count() >= MIN_LETTERS && word.chars().all(char::is_alphabetic) {
            if !word.starts_with(char::is_uppercase) {
                return false;
            }
            words += 1;
        }
    }
    words >= MIN_WORDS
}

/// For each name mention of a title-case sentence whose words are never a name outside such
/// sentences: the longest run of them that is one ("Obama" of "Obama Speech", "Elizabeth
/// Warren" of "Elizabeth Warren Hammers Wells Fargo"), or the last word of a longer one
/// ("Clinton" of "Clinton Hid Past Health Problems"), with its tokens.
fn known_names_in_headlines(
    doc: &Document,
    mentions: &[Mention],
    name_words: &[Vec<(usize, String)>],
) -> Vec<Option<Vec<(usize, String)>>> {
    // Each sentence tested once (a title-case line of 5,000 names stays linear).
    let mut title_case: HashMap<usize, bool> = HashMap::new();
    let headline: Vec<bool> = mentions
        .iter()
        .zip(name_words)
        .map(|(m, words)| {
            let s = doc.sentence_index(doc.tokens[m.first].span.start);
            words.len() > 1
                && doc.sentences.get(s).is_some_and(|&sentence| {
                    *title_case
                        .entry(s)
                        .or_insert_with(|| in_title_case(doc, sentence))
                })
        })
        .collect();
    // Most documents have no name in a title-case line: no set of the others' names to build.
    if !headline.contains(&true) {
        return vec![None; name_words.len()];
    }
    let mut known: std::collections::HashSet<Vec<&str>> = std::collections::HashSet::new();
    for (words, _) in name_words.iter().zip(&headline).filter(|(_, h)| !**h) {
        let words: Vec<&str> = words.iter().map(|(_, w)| w.as_str()).collect();
        if let Some(last) = words.last().filter(|_| words.len() > 1) {
            known.insert(vec![*last]);
        }
        known.insert(words);
    }
    name_words
        .iter()
        .zip(&headline)
        .map(|(words, &headline)| {
            let text: Vec<&str> = words.iter().map(|(_, w)| w.as_str()).collect();
            if !headline || known.contains(&text) {
                return None;
            }
            // (A first name before the run is the name's: "Hillary Clinton Goes After ...",
            // where the story then says "Clinton".)
            let first_name_before = |k: usize| {
                k > 0 && {
                    let word = text[k - 1];
                    crate::nominals::is_person_name(word)
                        || crate::nominals::gender_of_first_name(word).is_some()
                }
            };
            (1..text.len()).rev().find_map(|len| {
                (0..=text.len() - len)
                    .find(|&k| known.contains(&text[k..k + len]))
                    .filter(|&k| !first_name_before(k))
                    .map(|k| words[k..k + len].to_vec())
            })
        })
        .collect()
}

/// One way an entity is named in a document.
struct Variant {
    words: Vec<String>,
    /// As written, with a leading "The" where the name has one.
    shown: String,
    uses: usize,
    /// Used at least once away from a sentence's start.
    inside_sentence: bool,
    /// Written at least once after "The" or inside a sentence: a name, not a headline's or a
    /// sentence's first word stuck to one.
    marked_as_name: bool,
}

/// For a surname, the known first name it follows inside a name of three words or more
/// ("Barack" of "Barack Obama Election Day"): that name is some other thing's, named after the
/// person.
fn first_names_inside_longer_names(variants: &[Vec<Variant>]) -> HashMap<&str, &str> {
    let mut found = HashMap::new();
    for words in variants.iter().flatten().map(|v| &v.words) {
        if words.len() < 3 {
            continue;
        }
        for pair in words[..words.len() - 1].windows(2) {
            if crate::nominals::gender_of_first_name(&pair[0]).is_some() && !is_initial(&pair[1]) {
                found.insert(pair[1].as_str(), pair[0].as_str());
            }
        }
    }
    found
}

/// Entities of the name mentions, and for every mention its entity (`None` for pronouns and
/// nominals, which the speaker stage resolves in context).
pub fn build_entities(doc: &Document, mentions: &[Mention]) -> (Vec<Entity>, Vec<Option<usize>>) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut words_of: Vec<Vec<String>> = Vec::new();
    let mut entity_of = vec![None; mentions.len()];
    // The latest entity by its whole name or an end of it, by the first or last word of a
    // longer name, and by a one-word name (hash lookups: linear in the mentions).
    let mut by_words: HashMap<Vec<String>, usize> = HashMap::new();
    // Entities sharing an edge word ("Clinton" of Bill and of Hillary): the one named more
    // often so far is meant, the later one on a tie.
    let mut by_edge_word: HashMap<String, Vec<usize>> = HashMap::new();
    // Each entity's names as written.
    let mut variants: Vec<Vec<Variant>> = Vec::new();
    // Each entity's summed name-kind scores over its mentions.
    let kinds = crate::kinds::NameKinds::bundled();
    let mut kind_scores: Vec<[f32; 4]> = Vec::new();
    let defined_by = acronym_definitions(doc, mentions);
    // Each entity: what the words around its names describe it as.
    let mut described: Vec<Vec<Described>> = Vec::new();
    let mut name_words: Vec<Vec<(usize, String)>> = mentions
        .iter()
        .map(|m| match m.kind {
            MentionKind::Name { .. } => words_of_name(doc, m.first, m.last),
            _ => Vec::new(),
        })
        .collect();
    let mut headline_names = known_names_in_headlines(doc, mentions, &name_words);
    for (m, mention) in mentions.iter().enumerate() {
        let MentionKind::Name { title } = &mention.kind else {
            continue;
        };
        // (The mention's own tokens keep a leading "The", which its words leave out.)
        let (chosen, first_token, last_token) = match headline_names[m].take() {
            Some(known) => {
                let first = known.first().map_or(mention.first, |(t, _)| *t);
                let last = known.last().map_or(mention.last, |(t, _)| *t);
                (known, first, last)
            }
            None => (
                std::mem::take(&mut name_words[m]),
                mention.first,
                mention.last,
            ),
        };
        let words: Vec<String> = chosen.into_iter().map(|(_, w)| w).collect();
        // Entities are found and keyed by the name's core, so that "Donald Trump" finds
        // "Donald J. Trump" and "Biden" "Joseph R. Biden Jr.".
        let key = core_of_name(&words);
        let (Some(first_word), Some(last_word)) = (key.first(), key.last()) else {
            continue;
        };
        let defined: Option<usize> = defined_by[m].and_then(|d| entity_of[d]);
        if let Some(e) = defined {
            // Names given an acronym are organizations' ("Alliance to Reclaim Our Schools
            // (AROS)").
            if entities[e].kind == EntityKind::Unknown {
                entities[e].kind = EntityKind::Organization;
            }
        }
        let most_named = |candidates: &Vec<usize>| {
            candidates
                .iter()
                .enumerate()
                .max_by_key(|&(k, &e)| (entities[e].mentions.len(), k))
                .map(|(_, &e)| e)
        };
        // A word that ends (or starts) the names of several entities: the one named most
        // whose first name fits the mention's title ("Mrs. Clinton" is not Bill Clinton).
        let titled = title.as_deref().and_then(crate::nominals::title_gender);
        let fits_title = |e: &usize| {
            let first_name = words_of[*e].first().map(String::as_str).unwrap_or("");
            let gender = crate::nominals::gender_of_first_name(first_name);
            titled.is_none() || gender.is_none() || gender == titled
        };
        // A person's surname, not the first word of an organization's or a place's name:
        // "Trump" beside "Donald Trump" and "Trump University" is the man.
        let telling_end = |e: usize| {
            words_of[e].len() > 1 && words_of[e].last().is_some_and(|w| names_a_body_or_place(w))
        };
        let shared = by_edge_word
            .get(first_word)
            .filter(|candidates| key.len() == 1 && candidates.len() > 1)
            .map(|candidates| {
                let surname_of =
                    |e: &usize| words_of[*e].len() > 1 && words_of[*e].last() == Some(first_word);
                let person_there = candidates.iter().any(|e| surname_of(e) && !telling_end(*e));
                candidates
                    .iter()
                    .copied()
                    .filter(fits_title)
                    .filter(|&e| !(person_there && telling_end(e) && !surname_of(&e)))
                    .collect()
            })
            .and_then(|candidates: Vec<usize>| most_named(&candidates));
        let found = defined
            .or(shared)
            .or_else(|| by_words.get(&key).copied())
            .or_else(|| {
                if key.len() == 1 {
                    // A titled person is not an organization or a place named after them
                    // ("the Hale Government", then "Dr. Hale").
                    let person_titled = title
                        .as_deref()
                        .is_some_and(|t| is_person_title(&t.to_lowercase()));
                    by_edge_word
                        .get(first_word)
                        .or_else(|| by_edge_word.get(&capitalized(first_word)?))
                        .or_else(|| misspelt_of(first_word, &by_edge_word))
                        .map(|candidates| {
                            candidates
                                .iter()
                                .copied()
                                .filter(|&e| !(person_titled && telling_end(e)))
                                .collect()
                        })
                        .and_then(|candidates: Vec<usize>| most_named(&candidates))
                } else {
                    // An entity met before by the end of this name ("Suu Kyi", then "Aung San
                    // Suu Kyi"), or by its first or last word alone ("Legend", then "John
                    // Legend").
                    (1..key.len() - 1)
                        .filter_map(|k| by_words.get(&key[k..]).copied())
                        .find(|&e| words_of[e].len() > 1 && key.ends_with(&words_of[e]))
                        .or_else(|| {
                            // A full name after many mentions of one word is someone else's
                            // ("Mr. Hale and his wife, Ann Hale").
                            const MAX_MENTIONS_BEFORE_FULL_NAME: usize = 4;
                            // A person is not the first word of an organization's or a
                            // place's name ("Dr. Hale", then "the Hale Foundation").
                            let telling = names_a_body_or_place(last_word);
                            [last_word, first_word]
                                .into_iter()
                                .filter_map(|w| {
                                    let e = by_words.get(std::slice::from_ref(w)).copied()?;
                                    let person = entities[e].kind == EntityKind::Person;
                                    (w == last_word || !(telling && person)).then_some(e)
                                })
                                .find(|&e| {
                                    words_of[e].len() == 1
                                        && entities[e].mentions.len()
                                            < MAX_MENTIONS_BEFORE_FULL_NAME
                                })
                        })
                }
            })
            .or_else(|| {
                // An acronym for the leading words of a longer name ("U.N. Security Council"
                // after "United Nations Security Council").
                let rest = key.get(1..).filter(|rest| !rest.is_empty())?;
                let letters = acronym_letters(first_word)?;
                let e = *by_words.get(rest)?;
                let lead = &words_of[e][..words_of[e].len().checked_sub(rest.len())?];
                let lead: Vec<&str> = lead.iter().map(String::as_str).collect();
                (lead.len() > 1 && initials(&lead).is_some_and(|i| i == letters)).then_some(e)
            });
        let span = Span::new(
            doc.tokens[first_token].span.start,
            doc.tokens[last_token].span.end,
        );
        // As written, with a leading "The" only where the mention has one ("The New Yorker"),
        // and at the start of a sentence only for an outlet ("The New York Times said", but
        // "The Republican National Committee said").
        let outlet = OUTLET_WORDS.contains(&last_word.to_lowercase().as_str());
        let shown = if doc.token_text(first_token) == "The"
            && (outlet || !starts_sentence(doc, first_token))
        {
            doc.slice(span).to_string()
        } else {
            doc.slice(span).trim_start_matches("The ").to_string()
        };
        let id = match found {
            Some(e) => {
                if key.len() > words_of[e].len() {
                    words_of[e] = key.clone();
                }
                e
            }
            None => {
                entities.push(Entity {
                    id: entities.len(),
                    name: shown.clone(),
                    ..Entity::default()
                });
                words_of.push(key.clone());
                variants.push(Vec::new());
                kind_scores.push([0.0; 4]);
                described.push(Vec::new());
                entities.len() - 1
            }
        };
        for k in 0..key.len() {
            by_words.insert(key[k..].to_vec(), id);
        }
        // And by the ends of two words or more of the name as written ("L. McClellan" of
        // "Jennifer L. McClellan").
        if key.len() < words.len() {
            for k in 0..words.len() - 1 {
                by_words.insert(words[k..].to_vec(), id);
            }
        }
        // A name of one word too (its one word once): "Obama" is a candidate beside a later
        // "Michelle Obama", so that a title's gender can choose between them.
        let last_edge = (key.len() > 1).then_some(last_word);
        for edge in std::iter::once(first_word).chain(last_edge) {
            let candidates = by_edge_word.entry(edge.clone()).or_default();
            candidates.retain(|&e| e != id);
            candidates.push(id);
        }
        // A name in capitals says little of its kind ("WALLACE" reads as an acronym).
        if capitalized(&key[0]).is_none() {
            kinds.add_scores(doc, first_token, last_token, &mut kind_scores[id]);
        }
        let entity = &mut entities[id];
        entity.mentions.push(span);
        if let Some(t) = title {
            if !entity.titles.contains(t) {
                entity.titles.push(t.clone());
            }
            if is_person_title(&t.to_lowercase()) {
                entity.kind = EntityKind::Person;
            }
        }
        let inside_sentence = !starts_sentence(doc, first_token);
        let marked_as_name = inside_sentence || doc.token_text(first_token) == "The";
        match variants[id].iter_mut().find(|v| v.words == words) {
            Some(v) => {
                v.uses += 1;
                v.inside_sentence |= inside_sentence;
                v.marked_as_name |= marked_as_name;
                // "The New York Times" over "the New York Times": the name with its "The".
                if shown.starts_with("The ") && !v.shown.starts_with("The ") {
                    v.shown = shown;
                }
            }
            None => variants[id].push(Variant {
                words: words.clone(),
                shown,
                uses: 1,
                inside_sentence,
                marked_as_name,
            }),
        }
        described[id].extend(described_after(doc, first_token, last_token));
        if no_person_around(doc, first_token, last_token) {
            described[id].push(Described::NoPerson);
        }
        if is_dateline(doc, first_token, last_token) {
            described[id].push(Described::Dateline);
        }
        entity_of[m] = Some(id);
    }
    // The canonical name: the fullest name used twice or more, so that a word stuck to a name
    // once ("Rival Hillary Clinton" at the start of a sentence) does not win; else the fullest;
    // an entity only ever named in one word keeps its first. When the entity is also named by
    // one word, the name ends in its most used one ("Barack Obama", not a headline's "Obama
    // Speech").
    let first_names_in_longer = first_names_inside_longer_names(&variants);
    for ((entity, names), scores) in entities.iter_mut().zip(&variants).zip(&kind_scores) {
        // A person named by surname alone whose full name only a longer name shows ("Barack
        // Obama Election Day", "the Hillary Clinton Foundation"); not a place ("George
        // Washington University").
        let person = match entity.kind {
            EntityKind::Unknown => crate::kinds::kind_of(scores) == EntityKind::Person,
            kind => kind == EntityKind::Person,
        };
        let surname = names
            .iter()
            .max_by_key(|v| v.uses)
            .filter(|_| person && names.iter().all(|v| v.words.len() == 1))
            .map(|v| v.words[0].as_str());
        if let Some((first, surname)) =
            surname.and_then(|w| Some((first_names_in_longer.get(w)?, w)))
        {
            entity.name = format!("{first} {surname}");
            continue;
        }
        let short = names
            .iter()
            .filter(|v| v.words.len() == 1)
            .max_by_key(|v| v.uses)
            .map(|v| &v.words[0]);
        let ends_right = |v: &&Variant| {
            short.is_none_or(|w| v.words.last() == Some(w))
                || !names
                    .iter()
                    .any(|n| n.words.len() > 1 && n.words.last() == short)
        };
        let known_first_name = |chosen: &Variant| {
            crate::nominals::is_person_name(&chosen.words[0])
                || crate::nominals::gender_of_first_name(&chosen.words[0]).is_some()
        };
        // Words before a name that opens with a first name are an epithet ("Crooked Hillary
        // Clinton"), not a fuller name.
        let epithet = |v: &&Variant| {
            names.iter().any(|w| {
                w.words.len() > 1
                    && w.words.len() < v.words.len()
                    && v.words.ends_with(&w.words)
                    && known_first_name(w)
            })
        };
        let fullest = |min_uses: usize| {
            names
                .iter()
                .filter(|v| v.uses >= min_uses && v.words.len() > 1)
                .filter(ends_right)
                .filter(|v| !epithet(v))
                .max_by_key(|v| v.words.len())
        };
        // A name used once that puts a first name before the chosen one ("Douglas" before
        // "Holtz-Eakin") is fuller still: a known first name, or a word before a person's name
        // inside a sentence ("When Ildefonso Guajardo Villarreal ... Mr. Guajardo Villarreal")
        // when the chosen name has no known first name, or words no dictionary has ("Aung San"
        // before "Suu Kyi"); a descriptive word opening a sentence ("Rival Hillary Clinton")
        // or an epithet ("Crooked Hillary Clinton") is not one.
        let person = entity.kind == EntityKind::Person;
        let with_first_name = |chosen: &Variant| {
            names
                .iter()
                .filter(|v| v.words.len() > chosen.words.len())
                .find(|v| {
                    let first = &v.words[0];
                    let extra = &v.words[..v.words.len() - chosen.words.len()];
                    // (Not the surname again: "to out-Douglas Ann Douglas".)
                    v.words.ends_with(&chosen.words)
                        && !extra.iter().any(|w| chosen.words.contains(w))
                        && (crate::nominals::is_person_name(first)
                            && crate::nominals::gender_of_first_name(first).is_some()
                            || !known_first_name(chosen)
                                && (person && v.inside_sentence && extra.len() == 1
                                    || extra.iter().all(|w| no_common_word(w))))
                })
        };
        // For what is not known to be a person, a longer name used once is fuller too when it
        // is written as a name ("The United Nations Security Council" before "the Security
        // Council"), unless the chosen one opens with a first name.
        let fuller_name = |chosen: &Variant| {
            names
                .iter()
                .filter(|_| !person && !known_first_name(chosen))
                .filter(|v| v.marked_as_name && v.words.ends_with(&chosen.words))
                .max_by_key(|v| v.words.len())
                .filter(|v| v.words.len() > chosen.words.len())
        };
        // The chosen name with its middle initials or suffix is fuller still ("Donald J. Trump"
        // used once, "Donald Trump" often).
        let with_initials = |chosen: &'_ Variant| {
            let core = core_of_name(&chosen.words);
            names
                .iter()
                .filter(|v| v.words.len() > chosen.words.len() && core_of_name(&v.words) == core)
                .max_by_key(|v| v.words.len())
        };
        if let Some(v) = fullest(2).or_else(|| fullest(1)) {
            let v = with_first_name(v).or_else(|| fuller_name(v)).unwrap_or(v);
            let v = with_initials(v).unwrap_or(v);
            entity.name.clone_from(&v.shown);
        }
    }
    let mut guessed = vec![false; entities.len()];
    // Kinds not settled by a title: an organization's or a place's telling last word ("Post",
    // "County"), an acronym or a leading "The" (news outlets, which GUM's texts seldom name);
    // else the learned classifier's, summed over the mentions.
    for ((entity, words), scores) in entities.iter_mut().zip(&words_of).zip(&kind_scores) {
        if entity.kind != EntityKind::Unknown {
            continue;
        }
        let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
        let said_to_be = |what: Described| described[entity.id].contains(&what);
        let acronym = words.len() == 1
            && words[0].chars().count() >= 2
            && words[0]
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '&');
        // "Commission on Presidential Debates": the telling word before the name's tail.
        let head_word = words
            .iter()
            .position(|w| matches!(w.as_str(), "of" | "for" | "on" | "to"))
            .and_then(|k| k.checked_sub(1))
            .map(|k| words[k].to_lowercase());
        entity.kind = if PLACE_WORDS.contains(&last.as_str()) || said_to_be(Described::Dateline) {
            EntityKind::Place
        } else if entity.name.starts_with("The ")
            || acronym
            || ORGANIZATION_WORDS.contains(&last.as_str())
            || head_word.is_some_and(|w| ORGANIZATION_WORDS.contains(&w.as_str()))
        {
            EntityKind::Organization
        } else if let Some(kind) = crate::kinds::proper_names::sole_kind(&entity.name)
            .filter(|_| !crate::nominals::is_person_name(&words[0]))
        {
            // A name WordNet knows as a place or an organization only ("Austria", "the
            // Confederacy"), unless it opens with a first name ("Lydia", a place in WordNet);
            // before what a comma after it seems to say ("in Moscow, Russia) was a general").
            kind
        } else if said_to_be(Described::Person) || has_middle_initial(&entity.name) {
            // An age or a person noun in apposition ("Keith Lamont Hale, a 51-year-old retired
            // nurse,") makes a person, whatever the classifier reads in the context; so does a
            // middle initial ("Loretta E. Lynch").
            EntityKind::Person
        } else if said_to_be(Described::Organization) {
            // ("Morgan Stanley, the investment bank,": whatever its first word.)
            EntityKind::Organization
        } else if !words.is_empty() && crate::nominals::is_first_name(&words[0]) {
            // A first name opening a name ("Ted Cruz", "Carly Fiorina"), or one alone
            // ("Melania"), whatever the contexts of its mentions add up to.
            EntityKind::Person
        } else if words.len() > 1
            && THING_WORDS.contains(&last.as_str())
            && entity.mentions.iter().all(|&m| {
                let mention = doc.slice(m);
                mention.len() > last.len() && mention.to_lowercase().ends_with(last.as_str())
            })
        {
            // After the first names, so that "Doris Day" stays a person; not when a mention
            // is a shorter name without the word ("Texas" grouped with "the Texas Revolution").
            EntityKind::Unknown
        } else {
            guessed[entity.id] = true;
            match crate::kinds::kind_of(scores) {
                // "Northwind Energy, which operates the pipeline": no person.
                EntityKind::Person if said_to_be(Described::NoPerson) => EntityKind::Organization,
                kind => kind,
            }
        };
    }
    // A longer name the classifier guessed that ends in a person's surname is a person's too:
    // a relative ("Rakeyia Scott", the wife of Keith Lamont Scott).
    let surnames: std::collections::HashSet<&String> = entities
        .iter()
        .zip(&words_of)
        .filter(|(e, words)| e.kind == EntityKind::Person && words.len() > 1)
        .filter_map(|(_, words)| words.last())
        .collect();
    for (entity, words) in entities.iter_mut().zip(&words_of) {
        if guessed[entity.id]
            && words.len() > 1
            && words.last().is_some_and(|w| surnames.contains(w))
        {
            entity.kind = EntityKind::Person;
        }
    }
    (entities, entity_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::find_mentions;
    use sayso_document::Upos;

    fn entities_of(text: &str, tags: &[Upos]) -> Vec<Entity> {
        let doc = crate::mentions::tests::tagged(text, tags);
        build_entities(&doc, &find_mentions(&doc)).0
    }

    /// Each entity's name and how many mentions it has.
    fn names_and_mentions(entities: &[Entity]) -> Vec<(&str, usize)> {
        entities
            .iter()
            .map(|e| (e.name.as_str(), e.mentions.len()))
            .collect()
    }

    #[test]
    fn a_name_wordnet_knows_only_as_a_place_is_a_place_unless_it_opens_with_a_first_name() {
        use Upos::*;
        // The classifier alone reads a country that "welcomes" and "supports" as a person.
        let entities = entities_of(
            "Austria welcomes the plan. Austria supports it. Lydia supports it.",
            &[
                Propn, Verb, Det, Noun, Punct, Propn, Verb, Pron, Punct, Propn, Verb, Pron, Punct,
            ],
        );
        let kinds: Vec<(&str, EntityKind)> =
            entities.iter().map(|e| (e.name.as_str(), e.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("Austria", EntityKind::Place),
                ("Lydia", EntityKind::Person)
            ]
        );
    }

    #[test]
    fn a_persons_name_alone_and_an_organization_named_after_them_are_apart() {
        use Upos::*;
        let entities = entities_of(
            "Dr. Hale spoke. The Hale Foundation paid. The Hale Foundation grew. Ann Lee won. \
             The Lee Party lost. The Tam Government fell. Dr. Tam spoke.",
            &[
                Propn, Propn, Verb, Punct, Det, Propn, Propn, Verb, Punct, Det, Propn, Propn, Verb,
                Punct, Propn, Propn, Verb, Punct, Det, Propn, Propn, Verb, Punct, Det, Propn,
                Propn, Verb, Punct, Propn, Propn, Verb, Punct,
            ],
        );
        let kinds: Vec<(&str, EntityKind, usize)> = entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind, e.mentions.len()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Hale", EntityKind::Person, 1),
                ("Hale Foundation", EntityKind::Organization, 2),
                ("Ann Lee", EntityKind::Person, 1),
                ("Lee Party", EntityKind::Organization, 1),
                ("Tam Government", EntityKind::Organization, 1),
                ("Tam", EntityKind::Person, 1)
            ]
        );
    }

    #[test]
    fn a_last_word_naming_a_kind_of_body_decides_before_the_classifier() {
        use Upos::*;
        // The subject of "said" reads as a person to the classifier alone.
        let entities = entities_of(
            "Tovan Defense Forces said so.",
            &[Propn, Propn, Propn, Verb, Adv, Punct],
        );
        assert_eq!(entities[0].kind, EntityKind::Organization, "{entities:?}");
    }

    #[test]
    fn a_name_wordnet_knows_only_as_a_place_stays_one_before_a_person_noun() {
        use Upos::*;
        // "Austria, a teacher." reads as an apposition describing a person.
        let entities = entities_of(
            "She met him in Austria, a teacher.",
            &[Pron, Verb, Pron, Adp, Propn, Punct, Det, Noun, Punct],
        );
        assert_eq!(entities[0].kind, EntityKind::Place, "{entities:?}");
    }

    #[test]
    fn a_law_or_a_prize_is_no_one_but_a_shorter_name_grouped_with_it_keeps_its_kind() {
        use Upos::*;
        let kinds = |text: &str, tags: &[Upos]| -> Vec<(String, EntityKind)> {
            entities_of(text, tags)
                .into_iter()
                .map(|e| (e.name, e.kind))
                .collect()
        };
        assert_eq!(
            kinds(
                "The Tolland Act says so.",
                &[Det, Propn, Propn, Verb, Adv, Punct]
            ),
            [("Tolland Act".to_string(), EntityKind::Unknown)]
        );
        assert_ne!(
            kinds(
                "Tolland said so. The Tolland Act passed.",
                &[Propn, Verb, Adv, Punct, Det, Propn, Propn, Verb, Punct]
            )[0]
            .1,
            EntityKind::Unknown
        );
    }

    #[test]
    fn a_lede_name_with_words_no_dictionary_has_before_the_usual_one_is_the_fuller() {
        use Upos::*;
        let entities = entities_of(
            "Thura Zaw Min Lwin visited. Min Lwin said so. Min Lwin left.",
            &[
                Propn, Propn, Propn, Propn, Verb, Punct, Propn, Propn, Verb, Adv, Punct, Propn,
                Propn, Verb, Punct,
            ],
        );
        assert_eq!(entities[0].name, "Thura Zaw Min Lwin", "{entities:?}");
    }

    #[test]
    fn a_name_opening_with_a_first_name_is_a_persons_whatever_its_contexts() {
        use Upos::*;
        // "in" and "to" before it read as a place's contexts to the classifier alone.
        let entities = entities_of(
            "Voters in Ted Cruz cheered. They drove to Cruz.",
            &[
                Noun, Adp, Propn, Propn, Verb, Punct, Pron, Verb, Adp, Propn, Punct,
            ],
        );
        assert_eq!(entities[0].name, "Ted Cruz");
        assert_eq!(entities[0].kind, EntityKind::Person);
    }

    #[test]
    fn a_first_name_alone_is_a_persons_whatever_its_contexts() {
        use Upos::*;
        // A census first name that neither GUM nor WordNet's people have.
        assert!(!crate::nominals::is_person_name("Lucinda"));
        let entities = entities_of(
            "Voters in Lucinda cheered. They drove to Lucinda.",
            &[Noun, Adp, Propn, Verb, Punct, Pron, Verb, Adp, Propn, Punct],
        );
        assert_eq!(entities[0].name, "Lucinda");
        assert_eq!(entities[0].kind, EntityKind::Person);
    }

    #[test]
    fn a_surname_alone_is_the_persons_not_the_organization_it_opens() {
        use Upos::*;
        let entities = entities_of(
            "Hale University sued. Tom Hale spoke. Hale University lost. Then Hale left.",
            &[
                Propn, Propn, Verb, Punct, Propn, Propn, Verb, Punct, Propn, Propn, Verb, Punct,
                Adv, Propn, Verb, Punct,
            ],
        );
        let person = entities.iter().find(|e| e.name == "Tom Hale").unwrap();
        // "Hale University" has more mentions by then, but "Hale" is the man's surname.
        assert_eq!(person.mentions.len(), 2, "{entities:?}");
    }

    #[test]
    fn an_acronym_in_brackets_names_the_organization_before_it() {
        use Upos::*;
        let entities = entities_of(
            "The Alliance to Reclaim Our Schools (AROS) met. AROS said so.",
            &[
                Det, Propn, Adp, Propn, Propn, Propn, Punct, Propn, Punct, Verb, Punct, Propn,
                Verb, Adv, Punct,
            ],
        );
        assert_eq!(entities.len(), 1, "{entities:?}");
        // A sentence's first "The" is not the name's, unless the name is an outlet's.
        assert_eq!(entities[0].name, "Alliance to Reclaim Our Schools");
        assert_eq!(entities[0].kind, EntityKind::Organization);
        assert_eq!(entities[0].mentions.len(), 3);
    }

    #[test]
    fn organization_names_take_the_capitalized_words_taggers_leave_out() {
        use Upos::*;
        let entities = entities_of(
            "The Republican National Committee met the Central and East European Coalition.",
            &[
                Det, Adj, Propn, Propn, Verb, Det, Adj, Cconj, Propn, Adj, Propn, Punct,
            ],
        );
        let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Republican National Committee",
                "Central and East European Coalition"
            ]
        );
        assert!(entities.iter().all(|e| e.kind == EntityKind::Organization));
    }

    #[test]
    fn a_sentence_opening_the_stays_with_an_outlet_and_the_telling_word_before_a_tail_decides_the_kind(
    ) {
        use Upos::*;
        let entities = entities_of(
            "The New York Times said Sunday. The nonpartisan Commission on Presidential Debates says so.",
            &[
                Det, Propn, Propn, Propn, Verb, Propn, Punct, Det, Adj, Propn, Adp, Propn, Propn,
                Verb, Adv, Punct,
            ],
        );
        assert_eq!(entities[0].name, "The New York Times");
        assert_eq!(entities[1].name, "Commission on Presidential Debates");
        assert_eq!(entities[1].kind, EntityKind::Organization);
        let entities = entities_of(
            "He went to the Court of Appeals for the Sixth Circuit.",
            &[
                Pron, Verb, Adp, Det, Propn, Adp, Propn, Adp, Det, Propn, Propn, Punct,
            ],
        );
        assert_eq!(entities[0].name, "Court of Appeals for the Sixth Circuit");
    }

    #[test]
    fn a_title_of_a_name_is_no_mention_of_an_assembly_that_shares_its_word() {
        use Upos::*;
        let entities = entities_of(
            "Secretary General Ban Ki-moon spoke. The General Assembly voted.",
            &[
                Propn, Propn, Propn, Propn, Punct, Propn, Verb, Punct, Det, Propn, Propn, Verb,
                Punct,
            ],
        );
        assert_eq!(
            names_and_mentions(&entities),
            [("Ban Ki-moon", 1), ("General Assembly", 1)]
        );
        assert_eq!(entities[1].kind, EntityKind::Organization);
    }

    #[test]
    fn an_acronym_spelling_a_names_initials_joins_it_and_particles_and_months_join_names() {
        use Upos::*;
        let entities = entities_of(
            "The International Monetary Fund met Osama bin Laden and Theresa May. The IMF said no.",
            &[
                Det, Propn, Propn, Propn, Verb, Propn, Propn, Propn, Cconj, Propn, Propn, Punct,
                Det, Propn, Verb, Intj, Punct,
            ],
        );
        let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "International Monetary Fund",
                "Osama bin Laden",
                "Theresa May"
            ]
        );
        assert_eq!(entities[0].mentions.len(), 2, "{entities:?}");
    }

    #[test]
    fn a_shared_surname_goes_to_the_one_named_more_often() {
        use Upos::*;
        let entities = entities_of(
            "Bill Clinton spoke. Bill Clinton left. Hillary Clinton came. Clinton said no.",
            &[
                Propn, Propn, Verb, Punct, Propn, Propn, Verb, Punct, Propn, Propn, Verb, Punct,
                Propn, Verb, Intj, Punct,
            ],
        );
        let bill = entities.iter().find(|e| e.name == "Bill Clinton").unwrap();
        assert_eq!(bill.mentions.len(), 3, "{entities:?}");
    }

    #[test]
    fn a_titled_surname_skips_a_later_full_name_of_the_other_gender() {
        use Upos::*;
        // "Michelle Obama" makes "Obama" one of her names too, but "Mr. Obama" is not her.
        let entities = entities_of(
            "President Obama spoke. Obama left. Obama came. Obama sat. Michelle Obama came. \
             Mr. Obama said no.",
            &[
                Propn, Propn, Verb, Punct, Propn, Verb, Punct, Propn, Verb, Punct, Propn, Verb,
                Punct, Propn, Propn, Verb, Punct, Propn, Propn, Verb, Intj, Punct,
            ],
        );
        let michelle = entities
            .iter()
            .find(|e| e.name == "Michelle Obama")
            .unwrap();
        assert_eq!(michelle.mentions.len(), 1, "{entities:?}");
        let barack = entities.iter().find(|e| e.name == "Obama").unwrap();
        assert_eq!(barack.mentions.len(), 5, "{entities:?}");
    }

    #[test]
    fn a_first_name_before_the_name_used_most_makes_the_canonical_name() {
        use Upos::*;
        let entities = entities_of(
            "David Holtz-Eakin spoke. Holtz-Eakin left. Holtz-Eakin said so. Rival Holtz-Eakin came.",
            &[
                Propn, Propn, Punct, Propn, Verb, Punct, Propn, Punct, Propn, Verb, Punct, Propn,
                Punct, Propn, Verb, Adv, Punct, Adj, Propn, Punct, Propn, Verb, Punct,
            ],
        );
        assert_eq!(entities[0].name, "David Holtz-Eakin", "{entities:?}");
    }

    #[test]
    fn the_surname_before_a_full_name_makes_no_fuller_name() {
        use Upos::*;
        let entities = entities_of(
            "Ann Douglas spoke. Douglas left. Rivals out-Douglas Ann Douglas.",
            &[
                Propn, Propn, Verb, Punct, Propn, Verb, Punct, Noun, Verb, Punct, Propn, Propn,
                Propn, Punct,
            ],
        );
        assert_eq!(entities[0].name, "Ann Douglas", "{entities:?}");
    }

    #[test]
    fn a_word_before_a_persons_name_inside_a_sentence_is_a_first_name_at_a_sentence_start_not() {
        use Upos::*;
        let entities = entities_of(
            "When Ildefonso Guajardo Villarreal came, Mr. Guajardo Villarreal spoke. \
             Mr. Guajardo Villarreal left.",
            &[
                Sconj, Propn, Propn, Propn, Verb, Punct, Propn, Propn, Propn, Verb, Punct, Propn,
                Propn, Propn, Verb, Punct,
            ],
        );
        assert_eq!(
            entities[0].name, "Ildefonso Guajardo Villarreal",
            "{entities:?}"
        );
        let entities = entities_of(
            "Rival Guajardo Villarreal came. Mr. Guajardo Villarreal spoke. \
             Mr. Guajardo Villarreal left.",
            &[
                Propn, Propn, Propn, Verb, Punct, Propn, Propn, Propn, Verb, Punct, Propn, Propn,
                Propn, Verb, Punct,
            ],
        );
        assert_eq!(entities[0].name, "Guajardo Villarreal", "{entities:?}");
    }

    #[test]
    fn an_acronym_for_a_names_leading_words_joins_it_and_a_name_after_the_is_the_fuller() {
        use Upos::*;
        let entities = entities_of(
            "The United Nations Security Council met. The U.N. Security Council acted, and the \
             Security Council said no, as the Security Council does.",
            &[
                Det, Adj, Propn, Propn, Propn, Verb, Punct, Det, Propn, Propn, Propn, Verb, Punct,
                Cconj, Det, Propn, Propn, Verb, Intj, Punct, Sconj, Det, Propn, Propn, Verb, Punct,
            ],
        );
        assert_eq!(entities.len(), 1, "{entities:?}");
        assert_eq!(entities[0].name, "United Nations Security Council");
        assert_eq!(entities[0].mentions.len(), 4);
    }

    #[test]
    fn a_title_case_headline_name_is_cut_to_the_name_the_story_uses() {
        use Upos::*;
        let entities = entities_of(
            "Elizabeth Warren Hammers Wells Fargo Bosses.\n\nElizabeth Warren spoke. Wells Fargo \
             said no.",
            &[
                Propn, Propn, Propn, Propn, Propn, Propn, Punct, Propn, Propn, Verb, Punct, Propn,
                Propn, Verb, Intj, Punct,
            ],
        );
        assert_eq!(
            names_and_mentions(&entities),
            [("Elizabeth Warren", 2), ("Wells Fargo", 1)]
        );
        // A first name before the name the story uses is the headline's name, kept whole.
        let entities = entities_of(
            "Hillary Clinton Goes After Donald Trump Again.\n\nClinton said no.",
            &[
                Propn, Propn, Verb, Adp, Propn, Propn, Adv, Punct, Propn, Verb, Intj, Punct,
            ],
        );
        assert_eq!(entities[0].name, "Hillary Clinton");
        assert_eq!(entities[0].mentions.len(), 2);
    }

    #[test]
    fn a_full_name_after_many_mentions_of_a_surname_is_someone_else() {
        use Upos::*;
        let entities = entities_of(
            "Mr. Obama spoke. Mr. Obama left. Mr. Obama came. Mr. Obama and Michelle Obama met.",
            &[
                Propn, Propn, Verb, Punct, Propn, Propn, Verb, Punct, Propn, Propn, Verb, Punct,
                Propn, Propn, Cconj, Propn, Propn, Verb, Punct,
            ],
        );
        assert_eq!(
            names_and_mentions(&entities),
            [("Obama", 4), ("Michelle Obama", 1)]
        );
    }

    #[test]
    fn a_word_hyphened_to_an_organizations_name_belongs_to_it() {
        use Upos::*;
        let entities = entities_of(
            "He spoke at the centrist Urban-Brookings Tax Policy Center on Monday.",
            &[
                Pron, Verb, Adp, Det, Adj, Adj, Punct, Adj, Propn, Propn, Propn, Adp, Propn, Punct,
            ],
        );
        assert_eq!(entities[0].name, "Urban-Brookings Tax Policy Center");
    }

    #[test]
    fn an_appositive_organization_its_after_the_verb_shares_and_which_make_no_person() {
        use Upos::*;
        let doc = crate::mentions::tests::tagged(
            "Orto, the German company, and Dee, a friend who left the party, spoke.",
            &[
                Propn, Punct, Det, Adj, Noun, Punct, Cconj, Propn, Punct, Det, Noun, Pron, Verb,
                Det, Noun, Punct, Verb, Punct,
            ],
        );
        assert_eq!(described_after(&doc, 0, 0), Some(Described::Organization));
        // The apposition's head is "friend": the party is in its relative clause.
        assert_eq!(described_after(&doc, 7, 7), None);
        let doc = crate::mentions::tests::tagged(
            "Kessler, which makes valves, said sales fell. Ada Lee attacked Hale, which drew \
             criticism.",
            &[
                Propn, Punct, Pron, Verb, Noun, Punct, Verb, Noun, Verb, Punct, Propn, Propn, Verb,
                Propn, Punct, Pron, Verb, Noun, Punct,
            ],
        );
        assert_eq!(described_after(&doc, 0, 0), Some(Described::NoPerson));
        assert_eq!(described_after(&doc, 13, 13), None);
        // Nor after a name inside a longer subject ("which" is about the appeal).
        let doc = crate::mentions::tests::tagged(
            "An appeal to Orto, which has helped Lee, shows it.",
            &[
                Det, Noun, Adp, Propn, Punct, Pron, Aux, Verb, Propn, Punct, Verb, Pron, Punct,
            ],
        );
        assert_eq!(described_after(&doc, 3, 3), None);
        // "its" after the verb of a name opening its clause, and shares of it; not "its" after
        // a name that is no subject ("and no Lees shows its").
        let doc = crate::mentions::tests::tagged(
            "Orto said that its sales fell. Shares of Kessler rose. A bill with no Lees shows its \
             flaws.",
            &[
                Propn, Verb, Sconj, Pron, Noun, Verb, Punct, Noun, Adp, Propn, Verb, Punct, Det,
                Noun, Adp, Adv, Propn, Verb, Pron, Noun, Punct,
            ],
        );
        assert!(no_person_around(&doc, 0, 0));
        assert!(no_person_around(&doc, 9, 9));
        assert!(!no_person_around(&doc, 16, 16));
        // An organization in apposition outranks a first name.
        let entities = entities_of(
            "Morgan Stanley, the investment bank, said profits rose.",
            &[
                Propn, Propn, Punct, Det, Noun, Noun, Punct, Verb, Noun, Verb, Punct,
            ],
        );
        assert_eq!(entities[0].kind, EntityKind::Organization);
    }

    #[test]
    fn a_datelines_name_in_capitals_is_a_place_but_not_a_headings_first_word() {
        use Upos::*;
        let doc = crate::mentions::tests::tagged(
            "DAYTON, Ohio (AP) — It rained.\n\nSENATE PASSES BILL — It did.\n\nHALE--Ann, 90, died.",
            &[
                Propn, Punct, Propn, Punct, Propn, Punct, Punct, Pron, Verb, Punct, Propn, Verb,
                Noun, Punct, Pron, Verb, Punct, Propn, Punct, Propn, Punct, Num, Punct, Verb, Punct,
            ],
        );
        assert!(is_dateline(&doc, 0, 0));
        assert!(!is_dateline(&doc, 10, 10));
        assert!(!is_dateline(&doc, 17, 17));
        // Not inside a paragraph.
        assert!(!is_dateline(&doc, 2, 2));
    }

    #[test]
    fn an_appositive_person_and_a_persons_surname_make_a_person() {
        use Upos::*;
        let doc = crate::mentions::tests::tagged(
            "Keith Lamont Hale, a 51-year-old retired nurse, died in Charlotte, a city.",
            &[
                Propn, Propn, Propn, Punct, Det, Num, Punct, Noun, Punct, Adj, Adj, Noun, Punct,
                Verb, Adp, Propn, Punct, Det, Noun, Punct,
            ],
        );
        assert_eq!(described_after(&doc, 0, 2), Some(Described::Person));
        assert_eq!(described_after(&doc, 15, 15), None);
        // Between dashes, with no determiner; any noun before "and" may name the person.
        let doc = crate::mentions::tests::tagged(
            "Ada Quill — Boston-trained surgeon and radio show host — has been called names.",
            &[
                Propn, Propn, Punct, Propn, Punct, Verb, Noun, Cconj, Noun, Noun, Noun, Punct, Aux,
                Aux, Verb, Noun, Punct,
            ],
        );
        assert_eq!(described_after(&doc, 0, 1), Some(Described::Person));
        assert_eq!(described_after(&doc, 3, 3), None);
        // After a comma with no determiner, a singular noun before its preposition; not a
        // plural subject after a place.
        let doc = crate::mentions::tests::tagged(
            "Ada Quill, history professor at Ohio State, spoke. In Texas, nurses at the clinic \
             spoke.",
            &[
                Propn, Propn, Punct, Noun, Noun, Adp, Propn, Propn, Punct, Verb, Punct, Adp, Propn,
                Punct, Noun, Adp, Det, Noun, Verb, Punct,
            ],
        );
        assert_eq!(described_after(&doc, 0, 1), Some(Described::Person));
        assert_eq!(described_after(&doc, 12, 12), None);
        let entities = entities_of(
            "The rally moved to Keith Lamont Hale, a 51-year-old retired nurse, where the river \
             bends.",
            &[
                Det, Noun, Verb, Adp, Propn, Propn, Propn, Punct, Det, Num, Punct, Noun, Punct,
                Adj, Adj, Noun, Punct, Adv, Det, Noun, Verb, Punct,
            ],
        );
        assert_eq!(entities[0].kind, EntityKind::Person);
        // The classifier reads a place in this context; the surname of a titled person says
        // otherwise.
        let entities = entities_of(
            "Sen. Tom Scott spoke. The rally moved to Rakeyia Scott, where the river bends.",
            &[
                Propn, Propn, Propn, Verb, Punct, Det, Noun, Verb, Adp, Propn, Propn, Punct, Adv,
                Det, Noun, Verb, Punct,
            ],
        );
        assert_eq!(entities[1].name, "Rakeyia Scott");
        assert_eq!(entities[1].kind, EntityKind::Person);
    }

    #[test]
    fn a_particle_opening_a_sentence_is_the_same_word_and_del_is_a_title() {
        use Upos::*;
        let entities = entities_of(
            "Bill de Blasio spoke. De Blasio says no. Del. Stacey Plaskett said yes.",
            &[
                Propn, Propn, Propn, Verb, Punct, Propn, Propn, Verb, Intj, Punct, Propn, Propn,
                Propn, Verb, Intj, Punct,
            ],
        );
        assert_eq!(
            names_and_mentions(&entities),
            [("Bill de Blasio", 2), ("Stacey Plaskett", 1)]
        );
    }

    #[test]
    fn middle_initials_and_a_suffix_do_not_part_a_name_from_its_shorter_forms() {
        use Upos::*;
        let entities = entities_of(
            "Donald J. Trump spoke. Donald Trump left. Donald Trump won. Joseph R. Biden Jr. met \
             Biden. Jennifer L. McClellan left. L. McClellan spoke.",
            &[
                Propn, Propn, Propn, Verb, Punct, Propn, Propn, Verb, Punct, Propn, Propn, Verb,
                Punct, Propn, Propn, Propn, Propn, Verb, Propn, Punct, Propn, Propn, Propn, Verb,
                Punct, Propn, Propn, Verb, Punct,
            ],
        );
        assert_eq!(
            names_and_mentions(&entities),
            [
                ("Donald J. Trump", 3),
                ("Joseph R. Biden Jr.", 2),
                ("Jennifer L. McClellan", 2)
            ]
        );
        // A middle initial makes a person whatever the classifier reads.
        assert!(has_middle_initial("Loretta E. Lynch"));
        assert!(!has_middle_initial("T C Phailin"));
        assert!(!has_middle_initial("Donald Trump"));
    }

    #[test]
    fn a_longer_name_ending_in_an_earlier_one_joins_it_and_an_epithet_is_not_a_first_name() {
        use Upos::*;
        let entities = entities_of(
            "Suu Kyi met Obama. Later Aung San Suu Kyi left, and Hillary Clinton spoke. Trump \
             called her Crooked Hillary Clinton.",
            &[
                Propn, Propn, Verb, Propn, Punct, Adv, Propn, Propn, Propn, Propn, Verb, Punct,
                Cconj, Propn, Propn, Verb, Punct, Propn, Verb, Pron, Propn, Propn, Propn, Punct,
            ],
        );
        assert_eq!(
            names_and_mentions(&entities),
            [
                ("Aung San Suu Kyi", 2),
                ("Obama", 1),
                ("Hillary Clinton", 2),
                ("Trump", 1)
            ]
        );
    }

    #[test]
    fn a_surname_typed_with_one_slip_joins_the_name_but_another_ending_does_not() {
        use Upos::*;
        let entities = entities_of(
            "Tyresha McClenney spoke. McLenney said no. MNSBC and MSNBC agreed.",
            &[
                Propn, Propn, Verb, Punct, Propn, Verb, Adv, Punct, Propn, Cconj, Propn, Verb,
                Punct,
            ],
        );
        assert_eq!(
            names_and_mentions(&entities),
            [("Tyresha McClenney", 2), ("MNSBC", 2)]
        );
        let entities = entities_of(
            "America voted. Americans spoke. Texas voted. Texans spoke.",
            &[
                Propn, Verb, Punct, Propn, Verb, Punct, Propn, Verb, Punct, Propn, Verb, Punct,
            ],
        );
        assert_eq!(entities.len(), 4, "{entities:?}");
        assert!(one_slip_apart(&chars("Keidis"), &chars("Kiedis")));
        assert!(one_slip_apart(&chars("Brazille"), &chars("Brazile")));
        assert!(!one_slip_apart(&chars("Obama"), &chars("Obama")));
        assert!(!one_slip_apart(&chars("Obama"), &chars("Osama")));
        assert!(one_slip_apart(&chars("Schiller"), &chars("Schilder")));
        assert!(!one_slip_apart(&chars("Clinton"), &chars("Clintons")));
    }

    fn chars(word: &str) -> Vec<char> {
        word.chars().collect()
    }

    #[test]
    fn a_surnames_first_name_may_come_from_a_longer_name_after_a_person() {
        use Upos::*;
        let entities = entities_of(
            "Mr. Obama spoke at the Barack Obama Election Day rally.",
            &[
                Propn, Propn, Verb, Adp, Det, Propn, Propn, Propn, Propn, Noun, Punct,
            ],
        );
        assert_eq!(entities[0].name, "Barack Obama", "{entities:?}");
        // Not an initial ("Lindsey O. Graham Center").
        let entities = entities_of(
            "Mr. Graham spoke at the Lindsey O. Graham Center.",
            &[
                Propn, Propn, Verb, Adp, Det, Propn, Propn, Propn, Propn, Punct,
            ],
        );
        assert_eq!(entities[0].name, "Graham", "{entities:?}");
    }

    #[test]
    fn a_name_in_capitals_joins_the_entity_of_that_name() {
        use Upos::*;
        let entities = entities_of(
            "Chris Wallace asked.\n\nWALLACE: Why?",
            &[Propn, Propn, Verb, Punct, Noun, Punct, Adv, Punct],
        );
        assert_eq!(entities.len(), 1, "{entities:?}");
        assert_eq!(entities[0].mentions.len(), 2);
    }
}
