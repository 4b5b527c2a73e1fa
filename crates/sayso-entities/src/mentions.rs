//! Mentions: proper names (runs of proper nouns, titles split off), personal and relative
//! pronouns, and definite nominals ("the singer", "the outlet").

use crate::entities::ORGANIZATION_WORDS;
use crate::nominals;
use sayso_document::{Document, Upos};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    Male,
    Female,
    Plural,
    FirstPerson,
    SecondPerson,
    /// "who", "which": the name just before.
    Relative,
    /// "someone", "everybody", "nobody": a person, but no one in particular.
    Indefinite,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name; `title` is the title or role written before it ("Sen.", "President").
    Name {
        title: Option<String>,
    },
    Pronoun(Pronoun),
    /// A noun phrase headed by a noun that names a person ("the singer", "his mother") or,
    /// after "the", an organization ("the outlet"); `definite` when it starts with "the".
    Nominal {
        organization: bool,
        definite: bool,
    },
}

/// A mention over tokens `first..=last` (the name itself, without its title).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub kind: MentionKind,
}

/// The most words a name has.
const MAX_NAME_WORDS: usize = 8;

/// Lower-case words inside people's names.
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "van", "von", "de", "da", "di", "du", "del", "der",
];

/// The most phrases an organization's name goes on with after "of", "for", "on" or "to".
const MAX_TAILS: usize = 2;

/// Titles that say the name after them is a person's; they are not part of the name.
const PERSON_TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "sen.",
    "sens.",
    "senator",
    "senators",
    "rep.",
    "reps.",
    "del.",
    "representative",
    "gov.",
    "governor",
    "president",
    "secretary",
    "gen.",
    "lt.",
    "col.",
    "judge",
    "justice",
    "mayor",
    "prof.",
    "professor",
    "rev.",
    "pope",
    "chairman",
    "chairwoman",
    "chancellor",
    "speaker",
    "minister",
    "sir",
    "dame",
    "coach",
    "ambassador",
    "commissioner",
    "sheriff",
    "sgt.",
    "capt.",
    "rabbi",
    "councilman",
    "councilwoman",
    "councilor",
    "congressman",
    "congresswoman",
    "assemblyman",
    "assemblywoman",
    "alderman",
];

/// Other words of a title or role written before a name ("Vice", "Former", "U.S.").
const OTHER_TITLE_WORDS: &[&str] = &[
    "vice",
    "sec.",
    "general",
    "adm.",
    "king",
    "queen",
    "prince",
    "leader",
    "prime",
    "attorney",
    "candidate",
    "nominee",
    "former",
    "first",
    "lady",
    "director",
    "ceo",
    "chief",
    "officer",
    "father",
    "sister",
    "brother",
    "st.",
    "u.s.",
    "gop",
    "democrat",
    "republican",
    "democratic",
    "state",
    "delegate",
];

/// Proper nouns that are dates, not names.
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
];

/// Nouns for news outlets: "the outlet" is a paper, a network or a site.
pub const MEDIA_NOUNS: &[&str] = &[
    "outlet",
    "newspaper",
    "paper",
    "network",
    "magazine",
    "publication",
    "website",
    "site",
    "station",
    "channel",
];

/// Nouns naming an institution by its kind: "the committee" is a committee named before, and
/// "the campaign" or "the administration", which the text seldom names, no one else.
pub const INSTITUTION_NOUNS: &[&str] = &[
    "committee",
    "department",
    "administration",
    "party",
    "union",
    "board",
    "council",
    "court",
    "university",
    "institute",
    "foundation",
    "office",
    "fund",
    "campaign",
    "commission",
];

/// Other nouns that name organizations ("the company", "the group").
pub const ORGANIZATION_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "organization",
    "government",
    "team",
    "ministry",
    "bureau",
    "association",
    "coalition",
    "agency",
    "bank",
    "corporation",
    "show",
    "program",
    "podcast",
];

/// News roles that name a person ("the singer", "the Republican nominee"), beside the nouns
/// learned from GUM ([`nominals`]), which has few of them: such a nominal source is the speaker
/// of the moment. Other nominals ("the report", "the poll") are no one.
pub const PERSON_NOUNS: &[&str] = &[
    "singer",
    "senator",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "candidate",
    "nominee",
    "governor",
    "mayor",
    "official",
    "lawmaker",
    "congressman",
    "congresswoman",
    "actor",
    "actress",
    "rapper",
    "musician",
    "star",
    "author",
    "writer",
    "director",
    "chairman",
    "chairwoman",
    "chancellor",
    "executive",
    "founder",
    "leader",
    "minister",
    "secretary",
    "judge",
    "lawyer",
    "attorney",
    "prosecutor",
    "professor",
    "economist",
    "analyst",
    "businessman",
    "businesswoman",
    "billionaire",
    "politician",
    "democrat",
    "republican",
    "host",
    "anchor",
    "reporter",
    "journalist",
    "coach",
    "player",
    "manager",
    "doctor",
    "officer",
    "sheriff",
    "commissioner",
    "councilman",
    "councilwoman",
    "man",
    "woman",
    "veteran",
    "activist",
    "adviser",
    "advisor",
    "aide",
    "strategist",
    "pollster",
    "speaker",
    "chief",
    "ceo",
    "entrepreneur",
    "artist",
    "comedian",
    "producer",
    "father",
    "mother",
    "engineer",
    "supporter",
    "surrogate",
    "critic",
    "expert",
    "voter",
    "ally",
    "staffer",
    "protester",
    "demonstrator",
];

fn lower(doc: &Document, t: usize) -> std::borrow::Cow<'_, str> {
    sayso_text::lexicon_key(doc.token_text(t))
}

/// A title, with "then-" or "ex-" before it ("Then-President").
pub(crate) fn title_word(word: &str) -> Option<&str> {
    let bare = word
        .strip_prefix("then-")
        .or_else(|| word.strip_prefix("ex-"))
        .unwrap_or(word);
    (PERSON_TITLES.contains(&bare) || OTHER_TITLE_WORDS.contains(&bare)).then_some(bare)
}

/// Whether a title or role says its name is a person's: a person title ("Sen.") or a role
/// ending in a noun that names people ("the prominent critic"), not in a word that also
/// describes organizations ("Republican").
pub fn is_person_title(title: &str) -> bool {
    let person_title = title
        .split_whitespace()
        .filter_map(title_word)
        .any(|w| PERSON_TITLES.contains(&w));
    person_title
        || title.split_whitespace().next_back().is_some_and(|w| {
            let w = w.to_lowercase();
            title_word(&w).is_none() && is_person_noun_word(&w)
        })
}

pub(crate) fn is_person_noun_word(noun: &str) -> bool {
    nominals::is_person_noun(noun) || PERSON_NOUNS.contains(&noun)
}

/// Whether a lower-cased noun is plural by its form ("researchers", "people").
pub(crate) fn is_plural_word(word: &str) -> bool {
    matches!(word, "people" | "men" | "women" | "children")
        || word.ends_with('s') && !["ss", "us", "is"].iter().any(|end| word.ends_with(end))
}

fn pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "him" | "his" | "himself" => Pronoun::Male,
        "she" | "her" | "hers" | "herself" => Pronoun::Female,
        "they" | "them" | "their" | "themselves" => Pronoun::Plural,
        "i" | "me" | "my" | "mine" | "myself" | "we" | "us" | "our" | "ours" | "ourselves" => {
            Pronoun::FirstPerson
        }
        "you" | "your" | "yours" | "yourself" | "yourselves" => Pronoun::SecondPerson,
        "who" | "which" => Pronoun::Relative,
        "someone" | "somebody" | "anyone" | "anybody" | "everyone" | "everybody" | "nobody" => {
            Pronoun::Indefinite
        }
        _ => return None,
    })
}

fn capitalized(doc: &Document, t: usize) -> bool {
    doc.token_text(t)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn is_name_token(doc: &Document, t: usize) -> bool {
    (doc.upos.get(t) == Some(&Upos::Propn)
        && capitalized(doc, t)
        && !CALENDAR.contains(&&*lower(doc, t)))
        || is_acronym(doc, t)
        // A transcript's turn ("WALLACE: ..."), which taggers take for a common noun.
        || sayso_text::turns::in_turn_name(doc, t)
}

/// A dash as the tokenizer leaves it between clauses ("—", "–", "--").
pub(crate) fn is_dash(word: &str) -> bool {
    matches!(word, "—" | "–" | "--")
}

/// Generational suffixes ("Martin Luther King Jr."), which a surname alone leaves out.
pub(crate) const NAME_SUFFIXES: &[&str] = &["Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"];

/// The last token of a generational suffix right after a name ending at token `end` ("II",
/// ", Jr.").
fn generational_suffix(doc: &Document, end: usize) -> Option<usize> {
    let at = |k: usize| (k < doc.tokens.len()).then(|| doc.token_text(k));
    match (at(end + 1), at(end + 2)) {
        (Some(s), _) if NAME_SUFFIXES.contains(&s) && end > 0 => Some(end + 1),
        (Some(","), Some(s)) if s.starts_with("Jr") || s.starts_with("Sr") => Some(end + 2),
        _ => None,
    }
}

/// The letters an acronym spells ("S.E.C." -> "SEC"): two to six, written in capitals with
/// dots or "&" between.
pub(crate) fn acronym_letters(word: &str) -> Option<String> {
    const MAX_LETTERS: usize = 6;
    if !word
        .chars()
        .all(|c| c.is_uppercase() || c == '.' || c == '&')
    {
        return None;
    }
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=MAX_LETTERS)
        .contains(&letters.chars().count())
        .then_some(letters)
}

/// Whether token `t` is an acronym among words in lower case ("The NAACP called ..."), which
/// taggers often take for a common noun; a headline in capitals has no such neighbours, and a
/// word opening a sentence may be shouted ("NOTE this").
fn is_acronym(doc: &Document, t: usize) -> bool {
    if !matches!(doc.upos.get(t), Some(Upos::Noun | Upos::Propn)) {
        return false;
    }
    let has_lower = |k: usize| doc.token_text(k).chars().any(char::is_lowercase);
    acronym_letters(doc.token_text(t)).is_some()
        && title_word(&lower(doc, t)).is_none()
        && !starts_sentence(doc, t)
        && (t > 0 && has_lower(t - 1) || t + 1 < doc.tokens.len() && has_lower(t + 1))
}

/// Whether token `k` is a word that ends organizations' names ("Post", "Committee").
fn is_organization_word(doc: &Document, k: usize) -> bool {
    ORGANIZATION_WORDS.contains(&&*lower(doc, k))
}

/// Whether the name run that started at `start` ends at token `k`, an organization's telling
/// word followed by a person's name or title with no punctuation between ("the Washington Post
/// Trump said", "the Senate Judiciary Committee Chairman Chuck Grassley").
fn organization_ends_at(doc: &Document, start: usize, k: usize) -> bool {
    k > start
        && k + 1 < doc.tokens.len()
        && is_organization_word(doc, k)
        && (nominals::is_person_name(doc.token_text(k + 1))
            || title_word(&lower(doc, k + 1)).is_some())
}

/// The last word of an organization's name whose first part, the run `start..=end`, is joined
/// to the rest by "and" ("Securities and Exchange Commission", "Citizenship and Immigration
/// Services"): the rest a run of capitalized words ending in an organization's word, the whole
/// after "the" or its first part of two words or more (two names joined, "Clinton and Trump
/// Foundation", seldom are), the first part no whole name itself ("the New York Post and Fox
/// News" are two).
fn organization_joined_by_and(doc: &Document, start: usize, end: usize) -> Option<usize> {
    let and = end + 1;
    let after_the = start > 0 && lower(doc, start - 1) == "the";
    if and + 2 >= doc.tokens.len()
        || doc.token_text(and) != "and"
        || !after_the && end == start
        || nominals::is_person_name(doc.token_text(start))
        || title_word(&lower(doc, start)).is_some()
        || is_organization_word(doc, end)
    {
        return None;
    }
    let mut last = and;
    while last + 1 < doc.tokens.len()
        && last - and < MAX_NAME_WORDS
        && capitalized(doc, last + 1)
        && is_name_token(doc, last + 1) | joins_name(doc, last + 1)
    {
        last += 1;
    }
    (last > and && is_organization_word(doc, last)).then_some(last)
}

/// Whether capitalized token `t` and the name words after it, up to `end`, open a name WordNet
/// has for a place, an organization or a thing: "United States", "Justice Department", "White
/// House", where the tagger made the first word a verb or an adjective or the mention rules
/// took it for a title. Not a person's ("President Lincoln" keeps its title).
fn starts_known_name(doc: &Document, t: usize, end: usize) -> bool {
    use crate::kinds::proper_names::{kinds_of, PERSON};
    if !capitalized(doc, t) || doc.token_text(t) == "The" {
        return false;
    }
    let mut name = doc.token_text(t).to_string();
    (t + 1..=end.min(t + 3)).any(|k| {
        name.push(' ');
        name.push_str(doc.token_text(k));
        kinds_of(&name) & !PERSON != 0
    })
}

/// Where an organization's name whose run of name words starts at token `start` begins: at
/// capitalized words before it that taggers leave out of names, a party or title word
/// ("Republican" in "The Republican National Committee") or the first part of a name joined
/// by "and" after "the" ("the Central and East European Coalition"; not a whole name, "the
/// New York Post and Fox News"), and a word hyphened to it.
fn organization_start(doc: &Document, start: usize) -> usize {
    let leads = |k: usize| {
        capitalized(doc, k)
            && !starts_sentence(doc, k)
            && matches!(doc.upos.get(k), Some(Upos::Adj | Upos::Noun | Upos::Propn))
    };
    let mut first = start;
    while first > 0 && start - first < MAX_NAME_WORDS && leads(first - 1) {
        first -= 1;
    }
    // "Urban-Brookings Tax Policy Center": a capitalized word hyphened to the first.
    if first >= 2 && capitalized(doc, first - 2) && hyphened(doc, first - 2) {
        first -= 2;
    }
    if first >= 3
        && doc.token_text(first - 1) == "and"
        && leads(first - 2)
        && !is_organization_word(doc, first - 2)
    {
        let the = (first.saturating_sub(1 + MAX_NAME_WORDS)..first - 1)
            .rev()
            .find(|&k| !leads(k))
            .filter(|&k| lower(doc, k) == "the");
        if let Some(the) = the {
            first = the + 1;
        }
    }
    first
}

/// The last word of what an organization's name ending at token `end` goes on with after
/// "of", "for", "on" or "to": capitalized words up to a title or a lower-case word ("Federal
/// Bureau of Prisons", "Commission on Presidential Debates", "Alliance to Reclaim Our Schools").
fn organization_tail(doc: &Document, end: usize) -> Option<usize> {
    let connector = end + 1;
    if connector >= doc.tokens.len()
        || !matches!(&*lower(doc, connector), "of" | "for" | "on" | "to")
    {
        return None;
    }
    // Not a person's name nor a day ("gave the House to Nancy Pelosi", "the Senate on Monday").
    let goes_on = |k: usize| {
        capitalized(doc, k)
            && !starts_sentence(doc, k)
            && title_word(&lower(doc, k)).is_none()
            && !CALENDAR.contains(&&*lower(doc, k))
            && !nominals::is_person_name(doc.token_text(k))
            && doc.token_text(k).chars().any(char::is_alphabetic)
    };
    // "Court of Appeals for the Sixth Circuit", "Committee for a Responsible Federal Budget":
    // an article after the connector when a name follows ("a" only after "for": "gave the
    // Senate to a Democrat" is not a name).
    let article = connector + 2 < doc.tokens.len()
        && match &*lower(doc, connector + 1) {
            "the" => true,
            "a" | "an" => lower(doc, connector) == "for",
            _ => false,
        }
        && goes_on(connector + 2);
    let start = connector + article as usize;
    let mut last = start;
    while last + 1 < doc.tokens.len() && last - start < MAX_NAME_WORDS && goes_on(last + 1) {
        last += 1;
    }
    if last == start {
        return None;
    }
    // "Department of Health and Human Services", "Center for Media and Public Affairs": a
    // tail of capitalized common words goes on over "and" to more of them, but not to a name
    // of its own ("the University of Texas and Ohio State", "Bank of America and Wells Fargo").
    let and = last + 1;
    let common = |k: usize| {
        goes_on(k)
            && crate::kinds::proper_names::kinds_of(doc.token_text(k))
                & crate::kinds::proper_names::PLACE
                == 0
            && (matches!(doc.upos.get(k), Some(Upos::Adj))
                || sayso_attribution::roles::word_classes::is_noun_or_verb(&lower(doc, k)))
    };
    // (Nor when the tail is a name itself: "the Union of Ohio and Demos" are two.)
    let tail_common = (start..=last).all(|k| !capitalized(doc, k) || common(k));
    if tail_common && and + 1 < doc.tokens.len() && doc.token_text(and) == "and" && common(and + 1)
    {
        let mut end = and + 1;
        while end + 1 < doc.tokens.len() && end - and < MAX_NAME_WORDS && common(end + 1) {
            end += 1;
        }
        // Where the capitalized words end, and not before a tail of their own: "the Union of
        // Black Nurses and National Union of Teachers" are two.
        let ends_there = end + 1 >= doc.tokens.len()
            || !capitalized(doc, end + 1)
                && !matches!(&*lower(doc, end + 1), "of" | "for" | "on" | "to");
        if ends_there {
            last = end;
        }
    }
    Some(last)
}

/// Whether token `t` is a capitalized organization's word that a name goes on from, though
/// the tagger took none of it for a proper noun ("the Committee for a Responsible Federal
/// Budget", all common nouns and adjectives).
fn organization_word_with_tail(doc: &Document, t: usize) -> bool {
    capitalized(doc, t)
        && !starts_sentence(doc, t)
        && is_organization_word(doc, t)
        && organization_tail(doc, t).is_some()
}

/// Whether capitalized nouns and adjectives from token `t` on lead to a name ("Tax Policy" in
/// "The Tax Policy Center").
fn joins_to_name(doc: &Document, t: usize) -> bool {
    const MAX_JOINED: usize = 4;
    let mut k = t;
    while k < doc.tokens.len() && k - t < MAX_JOINED && joins_name(doc, k) {
        k += 1;
    }
    k > t && k < doc.tokens.len() && !starts_sentence(doc, k) && is_name_token(doc, k)
}

/// Whether token `t`, a name's word, is joined by a hyphen with no space to a name's word after
/// it ("Holtz-Eakin"), or, inside a name (`inside`), a short syllable to a short lower-case one
/// (the given names "Ban Ki-moon", "Park Geun-hye", "Kim Jong-un"; not "Bush-era").
fn hyphen_joins(doc: &Document, t: usize, inside: bool) -> bool {
    const MAX_SYLLABLE: usize = 4;
    const COMPOUND_ENDS: &[&str] = &["era", "led", "run", "born", "like", "type", "size"];
    let next = t + 2;
    let syllable = |k: usize| {
        let word = doc.token_text(k);
        word.chars().count() <= MAX_SYLLABLE && word.chars().all(char::is_alphabetic)
    };
    let syllables = || {
        let second = doc.token_text(next);
        inside
            && syllable(t)
            && syllable(next)
            && second.chars().all(char::is_lowercase)
            && !COMPOUND_ENDS.contains(&second)
    };
    hyphened(doc, t) && (is_name_token(doc, next) || syllables())
}

/// Whether token `t` and the one after the next are joined by a hyphen with no space.
fn hyphened(doc: &Document, t: usize) -> bool {
    let (hyphen, next) = (t + 1, t + 2);
    next < doc.tokens.len()
        && doc.token_text(hyphen) == "-"
        && doc.tokens[t].span.end == doc.tokens[hyphen].span.start
        && doc.tokens[hyphen].span.end == doc.tokens[next].span.start
}

/// Whether a token is only quotation marks (`"`, `''`, `“`).
pub(crate) fn is_quote_mark(word: &str) -> bool {
    !word.is_empty() && word.chars().all(sayso_text::tokens::is_quote_char)
}

/// The last token of a party and state or district after a politician's name, opening at
/// token `t`: its closing bracket ("(D-Wis.)", "(R-Newport News)") or, set off by commas, its
/// last word (", R-Iowa,"): no name of its own.
pub(crate) fn party_tag_ends(doc: &Document, t: usize) -> Option<usize> {
    const MAX_TAG_TOKENS: usize = 6;
    let opener = t.checked_sub(1).map(|open| doc.token_text(open));
    let party = matches!(doc.token_text(t), "D" | "R" | "I")
        && matches!(opener, Some("(" | ","))
        && hyphened(doc, t)
        && capitalized(doc, t + 2);
    if !party {
        return None;
    }
    let end = t + 2..(t + MAX_TAG_TOKENS).min(doc.tokens.len());
    match opener {
        Some("(") => end.into_iter().find(|&k| doc.token_text(k) == ")"),
        _ => end
            .into_iter()
            .find(|&k| matches!(doc.token_text(k), "," | ")" | "." | ";"))
            .filter(|&k| doc.token_text(k) == ",")
            .map(|comma| comma - 1),
    }
}

/// The last token of a nickname in quotation marks between a name's words, when a name's word
/// follows it ('Robert C. "Bobby" Scott').
fn nickname_ends(doc: &Document, end: usize) -> Option<usize> {
    const MAX_NICKNAME_WORDS: usize = 2;
    let open = end + 1;
    if open >= doc.tokens.len() || !is_quote_mark(doc.token_text(open)) {
        return None;
    }
    let close = (open + 2..=open + 1 + MAX_NICKNAME_WORDS)
        .take_while(|&k| k < doc.tokens.len())
        .find(|&k| is_quote_mark(doc.token_text(k)))?;
    let words_fit = (open + 1..close).all(|k| capitalized(doc, k) && !starts_sentence(doc, k));
    // (The surname may be a common word the tagger calls one: 'Marta "Tia" Rice'.)
    let name_after = close + 1 < doc.tokens.len()
        && (is_name_token(doc, close + 1)
            || capitalized(doc, close + 1)
                && matches!(doc.upos.get(close + 1), Some(Upos::Noun | Upos::Adj)))
        && !starts_sentence(doc, close + 1);
    (words_fit && name_after).then_some(close + 1)
}

/// A capitalized adjective or noun inside a sentence that joins a name next to it ("New" in
/// "The New Yorker", "Files" in "The Axe Files"), which taggers often leave out of it.
fn joins_name(doc: &Document, t: usize) -> bool {
    matches!(doc.upos.get(t), Some(Upos::Adj | Upos::Noun))
        && capitalized(doc, t)
        && !starts_sentence(doc, t)
        && title_word(&lower(doc, t)).is_none()
}

pub(crate) fn starts_sentence(doc: &Document, t: usize) -> bool {
    let at = doc.tokens[t].span.start;
    doc.sentence_at(at).is_none_or(|s| s.start == at)
}

/// Every mention in the document, in text order.
/// Picture agencies a photo credit names after "via" or a slash.
const PICTURE_AGENCIES: &[&str] = &["getty", "reuters", "afp", "ap", "epa"];

/// The last token of the agency when a photo credit's "via Getty Images" or "/ Reuters"
/// follows the name ending at token `end`.
fn photo_credit_after(doc: &Document, end: usize) -> Option<usize> {
    let link = end + 1;
    let agency = end + 2;
    if agency >= doc.tokens.len() || !matches!(doc.token_text(link), "via" | "/") {
        return None;
    }
    if !PICTURE_AGENCIES.contains(&&*lower(doc, agency)) {
        return None;
    }
    // "Getty Images": the agency's second word goes with it.
    let images = agency + 1 < doc.tokens.len()
        && matches!(doc.token_text(agency + 1), "Images" | "Photo" | "Photos");
    Some(if images { agency + 1 } else { agency })
}

pub fn find_mentions(doc: &Document) -> Vec<Mention> {
    let mut mentions = candidate_mentions(doc);
    drop_impersonal_they(doc, &mut mentions);
    mentions
}

/// Where the person's name starts after an office that a run of name words `first..=end`
/// opens and a person title ends, when the title goes on over "of" and capitalized words or
/// over more title words to a first name: "Ohio Secretary of State Rob Kline", "Ohio Attorney
/// General Rob Kline" (the run stops before "of", or before a title the tagger took for an
/// adjective).
fn person_after_office(doc: &Document, first: usize, end: usize) -> Option<usize> {
    const MAX_OFFICE_WORDS: usize = 4;
    let n = doc.tokens.len();
    if end == first || end + 2 >= n || title_word(&lower(doc, end)).is_none() {
        return None;
    }
    let mut k = end + 1;
    if doc.token_text(k) == "of" {
        k += 1;
        while k < n
            && k - end <= MAX_OFFICE_WORDS
            && capitalized(doc, k)
            && !nominals::is_person_name(doc.token_text(k))
        {
            k += 1;
        }
    } else {
        while k < n && capitalized(doc, k) && title_word(&lower(doc, k)).is_some() {
            k += 1;
        }
    }
    // (At least one word of the office after "of", or one more title.)
    (k > end + 1 + usize::from(doc.token_text(end + 1) == "of")
        && k < n
        && is_name_token(doc, k)
        && nominals::is_person_name(doc.token_text(k)))
    .then_some(k)
}

/// The mentions of a document before the plural pronouns that stand for things are dropped
/// (what the "they" classifier is trained over).
pub fn candidate_mentions(doc: &Document) -> Vec<Mention> {
    let n = doc.tokens.len();
    let mut mentions = Vec::new();
    // Party tags' tokens, which no later step takes for names either.
    let mut party_tags = Vec::new();
    // The office a person's name comes after ("Ohio Secretary of State"), its first token and
    // the name's.
    let mut office: Option<(usize, usize)> = None;
    let mut t = 0;
    while t < n {
        if let Some(close) = party_tag_ends(doc, t) {
            party_tags.push(t..=close);
            t = close + 1;
            continue;
        }
        if let Some(m) = unnamed_people_at(doc, t) {
            mentions.push(m);
            t += 1;
            continue;
        }
        if let Some(m) = capitalized_nominal_after_possessive(doc, t) {
            mentions.push(m);
            t += 1;
            continue;
        }
        let name_starts =
            is_name_token(doc, t) || joins_to_name(doc, t) || organization_word_with_tail(doc, t);
        if name_starts {
            let mut end = t;
            loop {
                // "Holtz-Eakin": a hyphen with no space joins two names into one.
                if hyphen_joins(doc, end, end > t) && !starts_sentence(doc, end + 2) {
                    end += 2;
                    continue;
                }
                if let Some(last) = nickname_ends(doc, end) {
                    end = last;
                    continue;
                }
                // "Osama bin Laden", "Ludwig van Beethoven": a particle between two names.
                if end + 2 < n
                    && NAME_PARTICLES.contains(&doc.token_text(end + 1))
                    && is_name_token(doc, end + 2)
                    && !starts_sentence(doc, end + 2)
                {
                    end += 2;
                    continue;
                }
                // "Theresa May": a month's name tagged a proper noun after a name, not before
                // a day's number, is a surname.
                if end + 2 < n
                    && CALENDAR.contains(&&*lower(doc, end + 1))
                    && doc.upos.get(end + 1) == Some(&Upos::Propn)
                    && capitalized(doc, end + 1)
                    && !doc
                        .token_text(end + 2)
                        .starts_with(|c: char| c.is_ascii_digit())
                    && !starts_sentence(doc, end + 1)
                {
                    end += 1;
                    continue;
                }
                let goes_on = end + 1 < n
                    && !starts_sentence(doc, end + 1)
                    && !organization_ends_at(doc, t, end)
                    && (is_name_token(doc, end + 1)
                        || (joins_name(doc, end + 1) && is_name_token(doc, end))
                        || joins_to_name(doc, end + 1));
                if !goes_on {
                    break;
                }
                end += 1;
            }
            if let Some(name_start) = person_after_office(doc, t, end) {
                office = Some((t, name_start));
                t = name_start;
                continue;
            }
            if let Some(last) = organization_joined_by_and(doc, t, end) {
                end = last;
            }
            // "Vann R. Newkirk II", "Martin Luther King, Jr.".
            if let Some(last) = generational_suffix(doc, end) {
                end = last;
            }
            let organization = is_organization_word(doc, end);
            // "Court of Appeals for the Sixth Circuit": a tail may have a tail.
            if organization {
                for _ in 0..MAX_TAILS {
                    match organization_tail(doc, end) {
                        Some(last) => end = last,
                        None => break,
                    }
                }
            }
            let name_start = if organization {
                organization_start(doc, t)
            } else {
                t
            };
            // Titles at the front of the run are not the name, nor are descriptive words before
            // a known first name ("Rival Hillary Clinton", "Homeland Security Secretary Jeh
            // Johnson").
            // ("The Republican National Committee" keeps its first word.)
            let mut first = name_start;
            while first < end && !organization && title_word(&lower(doc, first)).is_some() {
                first += 1;
            }
            // (One proper noun inside a sentence before a known first name is a first name
            // itself: "Cornell William Brooks".)
            if !nominals::is_person_name(doc.token_text(first)) {
                if let Some(k) =
                    (first + 1..end).find(|&k| nominals::is_person_name(doc.token_text(k)))
                {
                    // (Not in a headline in title case, "Gold Star Mom Corners Obama".)
                    let first_name = k == first + 1
                        && doc.upos.get(first) == Some(&Upos::Propn)
                        && !starts_sentence(doc, first)
                        && !capitalized(doc, first - 1)
                        // ("the House Newt Gingrich": an office, not a first name.)
                        && doc.upos.get(first - 1) != Some(&Upos::Det)
                        && doc.token_text(first).chars().any(char::is_lowercase)
                        && title_word(&lower(doc, first)).is_none();
                    // A word hyphened to the first name is part of it ("Jo-Renee").
                    let hyphened_to_it = k == first + 2 && hyphened(doc, first);
                    if !first_name && !hyphened_to_it {
                        first = k;
                    }
                }
            }
            // A person title inside the run ends what comes before it: the title's office
            // ("Homeland Security Secretary Jeh Johnson"); so does a role word before two
            // words or more of a person's name ("Republican National Committee Research
            // Director Raj Shah").
            if let Some(k) = (first..end)
                .rev()
                .find(|&k| PERSON_TITLES.contains(&&*lower(doc, k)))
            {
                first = k + 1;
            }
            if !organization {
                let person_after = |k: usize| {
                    (k + 1..=end).all(|j| {
                        title_word(&lower(doc, j)).is_none()
                            && (capitalized(doc, j) || doc.token_text(j) == "-")
                    }) && (k + 1..=end).filter(|&j| capitalized(doc, j)).count() >= 2
                };
                let role = (first..end.saturating_sub(1))
                    .rev()
                    .find(|&k| title_word(&lower(doc, k)).is_some())
                    .filter(|&k| person_after(k));
                if let Some(k) = role {
                    first = k + 1;
                }
            }
            if first > 0 && starts_known_name(doc, first - 1, end) {
                first -= 1;
            }
            let mut title_start = first;
            while title_start > 0
                && title_word(&lower(doc, title_start - 1)).is_some()
                && doc
                    .token_text(title_start - 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                title_start -= 1;
            }
            let title_start = match office {
                Some((office_first, name_start)) if name_start == first => office_first,
                _ => title_start,
            };
            let title = (title_start < first).then(|| {
                (title_start..first)
                    .map(|k| doc.token_text(k))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            // "The New Yorker": a leading "The" belongs to a name of two words or more.
            let with_the =
                first > 0 && end > first && title.is_none() && doc.token_text(first - 1) == "The";
            let first = if with_the { first - 1 } else { first };
            // A run of a dozen capitalized words is a headline or shouting, not a name.
            let plausible = end - first < MAX_NAME_WORDS;
            // A photo credit ("Matthew Simmons via Getty Images", "Jim Urquhart / Reuters")
            // names who took a picture, no one in the story: neither it nor its agency is a
            // mention.
            if let Some(agency_end) = photo_credit_after(doc, end) {
                t = agency_end + 1;
                continue;
            }
            // A person noun alone opening a sentence is a nominal a tagger took for a name (a
            // headline's "Lawmaker urges ..."), unless a longer name has it (`add_surnames`).
            let person_noun = first == end
                && title.is_none()
                && starts_sentence(doc, first)
                && is_person_noun_word(&lower(doc, first));
            // A person title with no name after it is a role ("the President", "Senators",
            // "the former President"), unless an honorific makes it a surname ("Mr. King").
            let lone_title = first == end
                && is_person_title_word(&lower(doc, end))
                && !title.as_ref().is_some_and(|t| t.contains('.'));
            if person_noun {
                mentions.push(Mention {
                    first,
                    last: end,
                    kind: MentionKind::Nominal {
                        organization: false,
                        definite: false,
                    },
                });
            } else if lone_title {
                let first = nominal_start(doc, title_start);
                mentions.push(Mention {
                    first,
                    last: end,
                    kind: MentionKind::Nominal {
                        organization: false,
                        definite: doc.token_text(first).eq_ignore_ascii_case("the"),
                    },
                });
            } else if plausible && (title_word(&lower(doc, end)).is_none() || end > first) {
                mentions.push(Mention {
                    first,
                    last: end,
                    kind: MentionKind::Name { title },
                });
            }
            t = end + 1;
            continue;
        }
        if matches!(doc.upos.get(t), Some(Upos::Pron)) {
            if let Some(p) = pronoun(&lower(doc, t)) {
                mentions.push(Mention {
                    first: t,
                    last: t,
                    kind: MentionKind::Pronoun(p),
                });
            }
        } else if let Some(m) = nominal_ending_at(doc, t) {
            mentions.push(m);
        }
        t += 1;
    }
    add_surnames(doc, &mut mentions, &party_tags);
    add_peoples(doc, &mut mentions);
    join_roles_to_names(doc, &mut mentions);
    join_pronouns_to_nominals(doc, &mut mentions);
    mentions
}

/// Nationality words that name a whole people after "the" ("the British had doubts", "defeated
/// the French"), where they stand for no noun after them.
const PEOPLES: &[&str] = &[
    "british",
    "burmese",
    "chinese",
    "congolese",
    "danish",
    "dutch",
    "english",
    "finnish",
    "flemish",
    "french",
    "irish",
    "japanese",
    "lebanese",
    "maltese",
    "nepalese",
    "portuguese",
    "scottish",
    "senegalese",
    "spanish",
    "sudanese",
    "swedish",
    "swiss",
    "taiwanese",
    "turkish",
    "vietnamese",
    "welsh",
];

/// "the British", "the French": a people, so a plural mention of persons, in place of the name
/// the tagger may have made of the word.
fn add_peoples(doc: &Document, mentions: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let mut found = Vec::new();
    for t in 1..n {
        let modifies_next = t + 1 < n
            && matches!(
                doc.upos.get(t + 1),
                Some(Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num)
            );
        // (Compared in place: this runs on every token.)
        let word = doc.token_text(t);
        if capitalized(doc, t)
            && PEOPLES.iter().any(|p| word.eq_ignore_ascii_case(p))
            && doc.token_text(t - 1).eq_ignore_ascii_case("the")
            && !modifies_next
        {
            found.push(t);
        }
    }
    if found.is_empty() {
        return;
    }
    mentions.retain(|m| !found.iter().any(|&t| m.first <= t && t <= m.last));
    mentions.extend(found.into_iter().map(|t| Mention {
        first: t - 1,
        last: t,
        kind: MentionKind::Nominal {
            organization: false,
            definite: true,
        },
    }));
    mentions.sort_by_key(|m| m.first);
}

/// Drops the plural pronouns the "they" classifier judges to stand for things ("the leaves
/// ... they rot").
fn drop_impersonal_they(doc: &Document, mentions: &mut Vec<Mention>) {
    let model = crate::they::TheyPersons::bundled();
    let mut features = Vec::new();
    let nouns = std::cell::OnceCell::new();
    let keep: Vec<bool> = (0..mentions.len())
        .map(|k| {
            mentions[k].kind != MentionKind::Pronoun(Pronoun::Plural) || {
                let nouns = nouns.get_or_init(|| crate::they::PluralNouns::new(doc));
                model.is_person(nouns, mentions, k, &mut features)
            }
        })
        .collect();
    keep_marked(mentions, &keep);
}

/// Whether a name, a person nominal or another "they" stands before plural pronoun `k` in its
/// sentence or the two before.
pub(crate) fn someone_before(doc: &Document, mentions: &[Mention], k: usize) -> bool {
    // (A bounded look back keeps a line of a thousand "they" linear.)
    const THEY_REACH: usize = 50;
    let sentence_of = |t: usize| doc.sentence_index(doc.tokens[t].span.start);
    let from = sentence_of(mentions[k].first).saturating_sub(2);
    (0..k)
        .rev()
        .take_while(|&j| sentence_of(mentions[j].first) >= from)
        .take(THEY_REACH)
        .any(|j| match mentions[j].kind {
            MentionKind::Name { .. } => true,
            MentionKind::Nominal { organization, .. } => !organization,
            MentionKind::Pronoun(p) => p == Pronoun::Plural,
        })
}

/// Whether the pronoun at token `t` is the subject of a verb that WordNet files under what
/// people do with words and thoughts ("they said there could be rain", "they think"). (Its
/// files of feeling, perceiving, eating or competing took things and animals too.)
pub(crate) fn does_what_people_do(doc: &Document, t: usize) -> bool {
    use sayso_attribution::roles::word_classes::{verb_file, COGNITION, COMMUNICATION};
    let Some(verb) = doc.heads.get(t).copied().flatten().map(|h| h as usize) else {
        return false;
    };
    let subject = doc.deprels.get(t).is_some_and(|r| r.starts_with("nsubj"));
    subject
        && doc.upos.get(verb) == Some(&Upos::Verb)
        && matches!(
            verb_file(&lower(doc, verb)),
            Some(COGNITION | COMMUNICATION)
        )
}

/// Whether the nearest plural subject before plural pronoun `k`, in its sentence or the one
/// before, names things ("The languages ... They are spoken"), with no person mention between.
pub(crate) fn things_before(doc: &Document, mentions: &[Mention], k: usize) -> bool {
    // (A bounded look back keeps a line of a thousand "they" linear.)
    const SUBJECT_REACH_TOKENS: usize = 80;
    let at = mentions[k].first;
    let sentence = doc.sentence_index(doc.tokens[at].span.start);
    let from = sentence.saturating_sub(1);
    let subject = (0..at)
        .rev()
        .take(SUBJECT_REACH_TOKENS)
        .take_while(|&t| doc.sentence_index(doc.tokens[t].span.start) >= from)
        .find(|&t| {
            doc.deprels.get(t).is_some_and(|r| r.starts_with("nsubj"))
                && doc.upos.get(t) == Some(&Upos::Noun)
                && is_plural_word(&lower(doc, t))
        });
    let Some(subject) = subject else { return false };
    let word = lower(doc, subject);
    // "thousands lost their lives": a quantity stands for people as often as for things.
    if is_person_noun_word(&word) || crate::phrases::QUANTITIES.contains(&&*word) {
        return false;
    }
    !(0..k).any(|j| {
        mentions[j].last >= subject
            && match mentions[j].kind {
                MentionKind::Name { .. } => true,
                MentionKind::Nominal { organization, .. } => !organization,
                MentionKind::Pronoun(p) => p == Pronoun::Plural,
            }
    })
}

/// A person nominal right before a name without a title is that name's role ("attorney John
/// Martin", "the prominent critic Eduard Hanslick", "Republican Party nominee Ken Cuccinelli"):
/// one mention, the role kept as its title.
fn join_roles_to_names(doc: &Document, mentions: &mut Vec<Mention>) {
    let mut keep = vec![true; mentions.len()];
    for k in 1..mentions.len() {
        let (role, name) = (&mentions[k - 1], &mentions[k]);
        let is_role = matches!(
            role.kind,
            MentionKind::Nominal {
                organization: false,
                ..
            }
        );
        let untitled = matches!(name.kind, MentionKind::Name { title: None });
        // A relation ("his wife Manju Sam", "our friend Vane") or a plural ("writers Mark
        // Twain, ...") stands beside the name: two mentions.
        let beside = POSSESSIVES.contains(&&*lower(doc, role.first))
            || is_plural_word(&lower(doc, role.last));
        if is_role
            && untitled
            && !beside
            && role.last + 1 == name.first
            && doc.token_text(name.first) != "The"
        {
            let title = (role.first..=role.last)
                .map(|t| doc.token_text(t))
                .collect::<Vec<_>>()
                .join(" ");
            mentions[k].kind = MentionKind::Name { title: Some(title) };
            keep[k - 1] = false;
        }
    }
    keep_marked(mentions, &keep);
}

/// "you" or "we" right before a person noun is one mention with it ("you guys", "we
/// Americans", "You people").
fn join_pronouns_to_nominals(doc: &Document, mentions: &mut Vec<Mention>) {
    let mut keep = vec![true; mentions.len()];
    for k in 1..mentions.len() {
        let (pronoun, nominal) = (&mentions[k - 1], &mentions[k]);
        let plural_pronoun = matches!(&*lower(doc, pronoun.first), "you" | "we" | "us");
        let person = matches!(
            nominal.kind,
            MentionKind::Nominal {
                organization: false,
                ..
            }
        );
        if plural_pronoun && person && pronoun.last + 1 == nominal.first {
            mentions[k].first = pronoun.first;
            keep[k - 1] = false;
        }
    }
    keep_marked(mentions, &keep);
}

/// Keeps the mentions whose flag in `keep` is set.
fn keep_marked(mentions: &mut Vec<Mention>, keep: &[bool]) {
    let mut k = 0;
    mentions.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// Possessive pronouns that open a noun phrase ("his mother").
pub(crate) const POSSESSIVES: &[&str] = &["my", "your", "his", "her", "its", "our", "their"];

/// Words a noun phrase reaches back over from its head noun.
const MAX_NOMINAL_WORDS: usize = 6;

/// The first word of a noun phrase that reaches back from token `h` over determiners,
/// possessives, adjectives, numbers and nouns.
fn nominal_start(doc: &Document, h: usize) -> usize {
    let mut first = h;
    while first > 0 && h - first < MAX_NOMINAL_WORDS && !starts_sentence(doc, first) {
        let k = first - 1;
        let joins = match doc.upos.get(k) {
            Some(Upos::Det | Upos::Adj | Upos::Num | Upos::Noun | Upos::Propn | Upos::Part) => true,
            Some(Upos::Pron) => POSSESSIVES.contains(&&*lower(doc, k)),
            _ => false,
        };
        if !joins {
            break;
        }
        first = k;
        // A determiner opens the phrase ("make sure the people"), after a predeterminer at
        // most ("all the people").
        if matches!(doc.upos.get(k), Some(Upos::Det | Upos::Pron)) {
            if k > 0 && matches!(&*lower(doc, k - 1), "all" | "both" | "half") {
                first = k - 1;
            }
            break;
        }
    }
    first
}

/// Kinship words that stand as a person's name ("Mom said", "ask Dad").
const KINSHIP_NAMES: &[&str] = &[
    "mom", "dad", "mum", "mommy", "daddy", "mama", "papa", "grandma", "grandpa", "granny",
];

/// People a word stands for without a name or a noun of people: "al." of "et al." (the other
/// authors), "those" before "who" (its relative clause says who), a kinship word written as
/// a name ("Mom"), "no one" as "nobody" is, and "each other" or "one another" as "they" is.
fn unnamed_people_at(doc: &Document, t: usize) -> Option<Mention> {
    // Compared in place: this runs on every token.
    let word = doc.token_text(t);
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    let at = |k: usize, w: &str| k < doc.tokens.len() && doc.token_text(k).eq_ignore_ascii_case(w);
    let pair = |kind| {
        Some(Mention {
            first: t,
            last: t + 1,
            kind: MentionKind::Pronoun(kind),
        })
    };
    if is("each") && at(t + 1, "other") || is("one") && at(t + 1, "another") {
        return pair(Pronoun::Plural);
    }
    if is("no") && at(t + 1, "one") {
        return pair(Pronoun::Indefinite);
    }
    let people = if is("al.") || is("al") {
        t > 0 && at(t - 1, "et")
    } else if is("those") {
        at(t + 1, "who")
    } else {
        KINSHIP_NAMES.iter().any(|k| is(k))
            && capitalized(doc, t)
            && !(t + 1 < doc.tokens.len() && capitalized(doc, t + 1))
    };
    people.then_some(Mention {
        first: t,
        last: t,
        kind: MentionKind::Nominal {
            organization: false,
            definite: false,
        },
    })
}

/// A capitalized noun of people right after a possessive, with no capitalized word after it
/// ("My Mother", "his Sons", "THEIR NEIGHBOURS" in a heading): a nominal, not a name.
fn capitalized_nominal_after_possessive(doc: &Document, h: usize) -> Option<Mention> {
    let noun = matches!(doc.upos.get(h), Some(Upos::Noun | Upos::Propn));
    if !noun || h == 0 || !capitalized(doc, h) {
        return None;
    }
    let after_possessive = POSSESSIVES.contains(&&*lower(doc, h - 1));
    // "his Super Tuesday": a capitalized word after it makes both a name's, unless the
    // heading is all capitals.
    let in_capitals = doc.token_text(h).chars().all(|c| !c.is_lowercase());
    let name_follows = h + 1 < doc.tokens.len() && capitalized(doc, h + 1) && !in_capitals;
    (after_possessive && !name_follows && is_person_noun_word(&lower(doc, h))).then(|| Mention {
        first: h - 1,
        last: h,
        kind: MentionKind::Nominal {
            organization: false,
            definite: false,
        },
    })
}

/// A person title that can stand for a person without a name ("President", "Senators"):
/// one of letters only, not an abbreviation.
fn is_person_title_word(word: &str) -> bool {
    PERSON_TITLES.contains(&word) && word.chars().all(char::is_alphabetic)
        || matches!(word, "king" | "queen" | "prince" | "princess")
}

/// A nominal mention whose head noun is token `h`: a person noun ("his mother", "the
/// Republican nominee", "students") or, after "the", an organization noun ("the outlet").
fn nominal_ending_at(doc: &Document, h: usize) -> Option<Mention> {
    if doc.upos.get(h) != Some(&Upos::Noun)
        || doc.upos.get(h + 1) == Some(&Upos::Noun)
        || capitalized(doc, h) && !starts_sentence(doc, h) && !is_person_title_word(&lower(doc, h))
    {
        return None;
    }
    let noun = lower(doc, h);
    let person = is_person_noun_word(&noun);
    let organization = [MEDIA_NOUNS, INSTITUTION_NOUNS, ORGANIZATION_NOUNS]
        .iter()
        .any(|list| list.contains(&&*noun));
    if !person && !organization {
        return None;
    }
    let first = nominal_start(doc, h);
    let definite = doc.token_text(first).eq_ignore_ascii_case("the");
    // An organization is "the outlet" or, introduced, "a union"; not a bare noun ("the
    // Hale campaign", "Newspaper:" heading a story).
    let introduced = matches!(&*lower(doc, first), "a" | "an");
    if organization && !person && !definite && !introduced {
        return None;
    }
    Some(Mention {
        first,
        last: h,
        kind: MentionKind::Nominal {
            organization: organization && !person,
            definite,
        },
    })
}

/// A capitalized word that is one of the words of a longer name in the document, though
/// tagged as a common word ("Legend" after "John Legend"), is a mention of that name.
fn add_surnames(
    doc: &Document,
    mentions: &mut Vec<Mention>,
    party_tags: &[std::ops::RangeInclusive<usize>],
) {
    let mut words = std::collections::HashSet::new();
    for m in mentions.iter() {
        if matches!(m.kind, MentionKind::Name { .. }) && m.last > m.first {
            for t in m.first..=m.last {
                if doc.token_text(t) != "The" {
                    words.insert(doc.token_text(t).to_string());
                }
            }
        }
    }
    // A sentence-initial capitalized noun taken for a nominal ("Legend told ...") is a name
    // when a longer name has that word.
    let mut covered = vec![false; doc.tokens.len()];
    for tag in party_tags {
        covered[tag.clone()].iter_mut().for_each(|c| *c = true);
    }
    for m in mentions.iter() {
        let lone_nominal = m.first == m.last && matches!(m.kind, MentionKind::Nominal { .. });
        if !lone_nominal {
            covered[m.first..=m.last].iter_mut().for_each(|c| *c = true);
        }
        // A name's title is not another name's word ("Secretary General Ban Ki-moon" does not
        // mention the "General Assembly").
        if matches!(m.kind, MentionKind::Name { .. }) {
            let mut k = m.first;
            while k > 0 && capitalized(doc, k - 1) && title_word(&lower(doc, k - 1)).is_some() {
                k -= 1;
                covered[k] = true;
            }
        }
    }
    let extra: Vec<Mention> = (0..doc.tokens.len())
        .filter(|&t| !covered[t] && capitalized(doc, t) && words.contains(doc.token_text(t)))
        .filter(|&t| match doc.upos.get(t) {
            // (Or a word it could not place, `X`: "Sanders" after a quotation again.)
            Some(Upos::Noun | Upos::Adj | Upos::Propn | Upos::X) => true,
            // A name the tagger took for a pronoun after a quotation ("...," Sanders wrote).
            Some(Upos::Pron) => pronoun(&lower(doc, t)).is_none(),
            _ => false,
        })
        .map(|t| Mention {
            first: t,
            last: t,
            kind: MentionKind::Name { title: None },
        })
        .collect();
    if !extra.is_empty() {
        let named: std::collections::HashSet<usize> = extra.iter().map(|m| m.first).collect();
        mentions.retain(|m| !(m.first == m.last && named.contains(&m.first)));
        mentions.extend(extra);
        mentions.sort_by_key(|m| m.first);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use sayso_document::Document;

    /// A document with hand-given tags (the tagger is a later stage than this crate's tests).
    pub(crate) fn tagged(text: &str, tags: &[Upos]) -> Document {
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        assert_eq!(doc.tokens.len(), tags.len(), "one tag a token");
        doc.upos = tags.to_vec();
        doc
    }

    fn names(doc: &Document) -> Vec<String> {
        find_mentions(doc)
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Name { .. }))
            .map(|m| {
                let span = sayso_document::Span::new(
                    doc.tokens[m.first].span.start,
                    doc.tokens[m.last].span.end,
                );
                doc.slice(span).to_string()
            })
            .collect()
    }

    #[test]
    fn a_photo_credit_and_its_agency_are_no_mentions() {
        use Upos::*;
        let doc = tagged(
            "Ann Ruiz spoke. Jo Tapp via Getty Images. Al Roe / Reuters. Reuters said no.",
            &[
                Propn, Propn, Verb, Punct, Propn, Propn, Adp, Adj, Noun, Punct, Propn, Propn, Sym,
                Propn, Punct, Propn, Verb, Intj, Punct,
            ],
        );
        assert_eq!(names(&doc), ["Ann Ruiz", "Reuters"]);
    }

    #[test]
    fn an_organization_name_goes_on_over_of_but_not_onto_a_person_or_a_day() {
        use Upos::*;
        let doc = tagged(
            "The Federal Bureau of Prisons and the Commission on Presidential Debates agreed.",
            &[
                Det, Propn, Propn, Adp, Propn, Cconj, Det, Propn, Adp, Propn, Propn, Verb, Punct,
            ],
        );
        assert_eq!(
            names(&doc),
            [
                "The Federal Bureau of Prisons",
                "Commission on Presidential Debates"
            ]
        );
        let doc = tagged(
            "He gave the Committee to Donald Trump on Monday.",
            &[Pron, Verb, Det, Propn, Adp, Propn, Propn, Adp, Propn, Punct],
        );
        assert_eq!(names(&doc), ["Committee", "Donald Trump"]);
    }

    #[test]
    fn an_organizations_tail_goes_on_over_and_to_common_words_but_not_to_another_name() {
        use Upos::*;
        let doc = tagged(
            "The Office of Parks and Public Gardens said so.",
            &[
                Det, Propn, Adp, Propn, Cconj, Propn, Propn, Verb, Adv, Punct,
            ],
        );
        assert_eq!(names(&doc), ["The Office of Parks and Public Gardens"]);
        // A place after "and" is a name of its own, and so is what follows a tail that is a
        // place.
        let doc = tagged(
            "The Department of Labor and Texas agreed.",
            &[Det, Propn, Adp, Propn, Cconj, Propn, Verb, Punct],
        );
        assert_eq!(names(&doc), ["The Department of Labor", "Texas"]);
        let doc = tagged(
            "The Union of Ohio and Demos agreed.",
            &[Det, Propn, Adp, Propn, Cconj, Propn, Verb, Punct],
        );
        assert_eq!(names(&doc), ["The Union of Ohio", "Demos"]);
        // So is a second organization with a tail of its own.
        let doc = tagged(
            "The Union of Black Nurses and National Union of Teachers met.",
            &[
                Det, Propn, Adp, Propn, Propn, Cconj, Propn, Propn, Adp, Propn, Verb, Punct,
            ],
        );
        assert_eq!(
            names(&doc),
            ["The Union of Black Nurses", "National Union of Teachers"]
        );
    }

    #[test]
    fn an_organization_word_tagged_a_common_noun_starts_a_name_that_goes_on_over_for_a() {
        use Upos::*;
        let doc = tagged(
            "The Committee for a Responsible Federal Budget spoke for a Senate that had voted.",
            &[
                Det, Noun, Adp, Det, Adj, Adj, Noun, Verb, Adp, Det, Propn, Pron, Aux, Verb, Punct,
            ],
        );
        assert_eq!(
            names(&doc),
            ["The Committee for a Responsible Federal Budget", "Senate"]
        );
        // "a" goes on only after "for".
        let doc = tagged(
            "He sent the Council to a Paris Summit.",
            &[Pron, Verb, Det, Propn, Adp, Det, Propn, Propn, Punct],
        );
        assert_eq!(names(&doc), ["Council", "Paris Summit"]);
    }

    #[test]
    fn a_name_wordnet_knows_takes_back_a_first_word_tagged_otherwise_or_read_as_a_title() {
        use Upos::*;
        // The tagger made "United" a verb; "Justice" is a person title.
        let doc = tagged(
            "Then United States and Justice Department officials met President Lincoln.",
            &[
                Adv, Verb, Propn, Cconj, Propn, Propn, Noun, Verb, Propn, Propn, Punct,
            ],
        );
        assert_eq!(
            names(&doc),
            ["United States", "Justice Department", "Lincoln"]
        );
    }

    #[test]
    fn a_longer_names_word_the_tagger_took_for_a_pronoun_or_could_not_place_is_a_name() {
        use Upos::*;
        let doc = tagged(
            "Bo Sanders spoke. \"No,\" Sanders wrote. \"Yes,\" Sanders said.",
            &[
                Propn, Propn, Verb, Punct, Punct, Intj, Punct, Punct, Pron, Verb, Punct, Punct,
                Intj, Punct, Punct, X, Verb, Punct,
            ],
        );
        assert_eq!(names(&doc), ["Bo Sanders", "Sanders", "Sanders"]);
    }

    #[test]
    fn an_organization_name_goes_on_over_and_to_its_last_word() {
        use Upos::*;
        let doc = tagged(
            "The Securities and Exchange Commission and Clinton and Trump Foundation staff met.",
            &[
                Det, Propn, Cconj, Propn, Propn, Cconj, Propn, Cconj, Propn, Propn, Noun, Verb,
                Punct,
            ],
        );
        assert_eq!(
            names(&doc),
            [
                "The Securities and Exchange Commission",
                "Clinton",
                "Trump Foundation"
            ]
        );
        // A first part that is a whole name already is one of two names.
        let doc = tagged(
            "It ran in the Boston Post and Fox News.",
            &[
                Pron, Verb, Adp, Det, Propn, Propn, Cconj, Propn, Propn, Punct,
            ],
        );
        assert_eq!(names(&doc), ["Boston Post", "Fox News"]);
        // Without "the", a first part of two words or more.
        let doc = tagged(
            "Then Union Solidarity and Development Party leaders met.",
            &[Adv, Propn, Propn, Cconj, Propn, Propn, Noun, Verb, Punct],
        );
        assert_eq!(names(&doc), ["Union Solidarity and Development Party"]);
    }

    #[test]
    fn hyphens_and_capitalized_nouns_join_a_name() {
        use Upos::*;
        let doc = tagged(
            "The Tax Policy Center and Douglas Holtz-Eakin met.",
            &[
                Det, Noun, Noun, Propn, Cconj, Propn, Propn, Punct, Propn, Verb, Punct,
            ],
        );
        assert_eq!(
            names(&doc),
            ["The Tax Policy Center", "Douglas Holtz-Eakin"]
        );
        // A word hyphened to a known first name is part of it.
        let doc = tagged(
            "Yesterday, Jo-Renee Formicola said so.",
            &[Noun, Punct, Propn, Punct, Propn, Propn, Verb, Adv, Punct],
        );
        assert_eq!(names(&doc), ["Jo-Renee Formicola"]);
    }

    #[test]
    fn an_acronym_among_lower_case_words_is_a_name_but_not_a_title_or_a_shouted_word() {
        use Upos::*;
        let doc = tagged(
            "The NAACP called the CEO. FELLOW DOCTORS CALLED OUT.",
            &[
                Det, Noun, Verb, Det, Noun, Punct, Noun, Noun, Verb, Adp, Punct,
            ],
        );
        assert_eq!(names(&doc), ["NAACP"]);
    }

    #[test]
    fn a_generational_suffix_belongs_to_the_name() {
        use Upos::*;
        let doc = tagged(
            "Vann R. Newkirk II met Martin Luther King, Jr. today.",
            &[
                Propn, Propn, Propn, Num, Verb, Propn, Propn, Propn, Punct, Propn, Noun, Punct,
            ],
        );
        assert_eq!(
            names(&doc),
            ["Vann R. Newkirk II", "Martin Luther King, Jr."]
        );
    }

    #[test]
    fn a_quoted_nickname_and_a_given_names_syllables_join_a_name_but_a_compound_does_not() {
        use Upos::*;
        let doc = tagged(
            "Rep. Robert C. \"Bobby\" Scott met Ban Ki-moon in the Bush-era hall.",
            &[
                Propn, Propn, Propn, Punct, Propn, Punct, Propn, Verb, Propn, Propn, Punct, Noun,
                Adp, Det, Propn, Punct, Noun, Noun, Punct,
            ],
        );
        assert_eq!(
            names(&doc),
            ["Robert C. \"Bobby\" Scott", "Ban Ki-moon", "Bush"]
        );
    }

    #[test]
    fn a_role_word_inside_a_run_ends_the_office_and_one_word_before_a_first_name_stays_but_not_after_the(
    ) {
        use Upos::*;
        let doc = tagged(
            "Republican National Committee Research Director Raj Shah and German Chancellor \
             Angela Merkel met Cornell William Brooks.",
            &[
                Adj, Adj, Propn, Propn, Propn, Propn, Propn, Cconj, Adj, Propn, Propn, Propn, Verb,
                Propn, Propn, Propn, Punct,
            ],
        );
        assert_eq!(
            names(&doc),
            ["Raj Shah", "Angela Merkel", "Cornell William Brooks"]
        );
        // After a determiner the word is an office, not a first name.
        let doc = tagged(
            "Speaker of the House Newt Gingrich said no.",
            &[Propn, Adp, Det, Propn, Propn, Propn, Verb, Intj, Punct],
        );
        assert_eq!(names(&doc), ["Newt Gingrich"]);
    }

    #[test]
    fn an_organization_name_ends_before_a_person_run_into_it() {
        use Upos::*;
        let doc = tagged(
            "In a meeting with the Washington Post Trump said no.",
            &[
                Adp, Det, Noun, Adp, Det, Propn, Propn, Propn, Verb, Intj, Punct,
            ],
        );
        assert_eq!(names(&doc), ["Washington Post", "Trump"]);
    }

    #[test]
    fn a_transcript_turn_opens_with_a_name_in_capitals() {
        use Upos::*;
        let doc = tagged(
            "“WALLACE: Will you go?\n\nNOTE this: no.",
            &[
                Punct, Noun, Punct, Aux, Pron, Verb, Punct, Noun, Pron, Punct, Intj, Punct,
            ],
        );
        assert_eq!(names(&doc), ["WALLACE"]);
    }

    #[test]
    fn someone_and_nobody_are_people_no_one_in_particular_and_a_lone_title_a_role() {
        use Upos::*;
        let doc = tagged(
            "Someone told the President that nobody came, Mr. King said.",
            &[
                Pron, Verb, Det, Propn, Sconj, Pron, Verb, Punct, Propn, Propn, Verb, Punct,
            ],
        );
        let kinds: Vec<(&str, MentionKind)> = find_mentions(&doc)
            .into_iter()
            .map(|m| (doc.token_text(m.first), m.kind))
            .collect();
        let role = MentionKind::Nominal {
            organization: false,
            definite: true,
        };
        // "Mr. King" is a surname after an honorific, not the role "King".
        assert_eq!(
            kinds,
            [
                ("Someone", MentionKind::Pronoun(Pronoun::Indefinite)),
                ("the", role),
                ("nobody", MentionKind::Pronoun(Pronoun::Indefinite)),
            ]
        );
    }

    #[test]
    fn a_capitalized_title_the_tagger_calls_a_noun_is_a_role() {
        use Upos::*;
        let doc = tagged(
            "Then Senators swore to them.",
            &[Adv, Noun, Verb, Adp, Pron, Punct],
        );
        let found: Vec<(&str, MentionKind)> = find_mentions(&doc)
            .into_iter()
            .map(|m| (doc.token_text(m.first), m.kind))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "Senators",
                    MentionKind::Nominal {
                        organization: false,
                        definite: false
                    }
                ),
                ("them", MentionKind::Pronoun(Pronoun::Plural)),
            ]
        );
    }

    #[test]
    fn they_with_no_one_before_it_is_not_a_person() {
        use Upos::*;
        let tags = [Det, Noun, Verb, Punct, Adv, Pron, Verb, Punct];
        let theys = |text: &str| {
            let doc = tagged(text, &tags);
            find_mentions(&doc)
                .iter()
                .filter(|m| m.kind == MentionKind::Pronoun(Pronoun::Plural))
                .count()
        };
        assert_eq!(theys("The leaves dry. Then they rot."), 0);
        assert_eq!(theys("The students met. Then they left."), 1);
    }

    #[test]
    fn et_al_those_who_mom_and_no_one_are_people() {
        use Upos::*;
        let nominals = |text: &str, tags: &[Upos]| -> Vec<usize> {
            find_mentions(&tagged(text, tags))
                .iter()
                .filter(|m| matches!(m.kind, MentionKind::Nominal { .. }))
                .map(|m| m.first)
                .collect()
        };
        assert_eq!(
            nominals("Okafor et al. agree.", &[Propn, X, X, Punct, Verb, Punct]),
            [2]
        );
        assert_eq!(
            nominals(
                "Those who came stayed, those left.",
                &[Pron, Pron, Verb, Verb, Punct, Pron, Verb, Punct]
            ),
            [0]
        );
        assert_eq!(nominals("Then Mom left.", &[Adv, Propn, Verb, Punct]), [1]);
        let students = find_mentions(&tagged(
            "The students met each other.",
            &[Det, Noun, Verb, Det, Adj, Punct],
        ));
        assert_eq!(
            students.last(),
            Some(&Mention {
                first: 3,
                last: 4,
                kind: MentionKind::Pronoun(Pronoun::Plural)
            })
        );
        let nobody = find_mentions(&tagged("Then no one left.", &[Adv, Det, Pron, Verb, Punct]));
        assert_eq!(
            nobody,
            [Mention {
                first: 1,
                last: 2,
                kind: MentionKind::Pronoun(Pronoun::Indefinite)
            }]
        );
    }

    #[test]
    fn a_capitalized_noun_of_people_after_a_possessive_is_a_nominal() {
        use Upos::*;
        let mentions = find_mentions(&tagged(
            "Then My Mother left.",
            &[Adv, Pron, Propn, Verb, Punct],
        ));
        let nominal = Mention {
            first: 1,
            last: 2,
            kind: MentionKind::Nominal {
                organization: false,
                definite: false,
            },
        };
        assert!(mentions.contains(&nominal), "{mentions:?}");
    }

    #[test]
    fn the_british_are_a_people_and_british_officials_are_not() {
        use Upos::*;
        let spans = |text: &str, tags: &[Upos]| -> Vec<(usize, usize, MentionKind)> {
            find_mentions(&tagged(text, tags))
                .iter()
                .map(|m| (m.first, m.last, m.kind.clone()))
                .collect()
        };
        let people = MentionKind::Nominal {
            organization: false,
            definite: true,
        };
        assert_eq!(
            spans("Then the British left.", &[Adv, Det, Propn, Verb, Punct]),
            [(1, 2, people.clone())]
        );
        assert_eq!(
            spans(
                "Storms beat the French then.",
                &[Noun, Verb, Det, Adj, Adv, Punct]
            ),
            [(2, 3, people)]
        );
        assert!(spans(
            "Then the British navy left.",
            &[Adv, Det, Adj, Noun, Verb, Punct]
        )
        .is_empty());
    }

    #[test]
    fn a_nominal_opens_at_its_determiner_or_a_predeterminer_before_it() {
        use Upos::*;
        let spans = |text: &str, tags: &[Upos]| -> Vec<(usize, usize)> {
            find_mentions(&tagged(text, tags))
                .iter()
                .map(|m| (m.first, m.last))
                .collect()
        };
        let tags = [Verb, Adj, Det, Noun, Verb, Punct];
        assert_eq!(spans("make sure the people eat.", &tags), [(2, 3)]);
        assert_eq!(
            spans(
                "Then all the people eat.",
                &[Adv, Det, Det, Noun, Verb, Punct]
            ),
            [(1, 3)]
        );
    }

    #[test]
    fn you_before_a_person_noun_is_one_mention_with_it() {
        use Upos::*;
        let doc = tagged("You guys are late.", &[Pron, Noun, Aux, Adj, Punct]);
        let found: Vec<(usize, usize)> = find_mentions(&doc)
            .iter()
            .map(|m| (m.first, m.last))
            .collect();
        assert_eq!(found, [(0, 1)]);
    }

    #[test]
    fn an_office_before_a_title_is_not_the_name() {
        use Upos::*;
        let doc = tagged(
            "Homeland Security Secretary Jeh Johnson spoke.",
            &[Propn, Propn, Propn, Propn, Propn, Verb, Punct],
        );
        let found = find_mentions(&doc);
        assert!(
            matches!(&found[0], Mention { first: 3, last: 4, kind: MentionKind::Name { title: Some(t) } } if t == "Secretary"),
            "{found:?}"
        );
        // A title going on over "of" or over a title tagged otherwise: the whole office is
        // the name's title, and no part of it a name.
        let doc = tagged(
            "Ohio Secretary of State Ann Lee and Ohio Attorney General Mary Tapp spoke.",
            &[
                Propn, Propn, Adp, Propn, Propn, Propn, Cconj, Propn, Propn, Adj, Propn, Propn,
                Verb, Punct,
            ],
        );
        let found = find_mentions(&doc);
        let titled: Vec<(usize, usize, Option<&str>)> = found
            .iter()
            .filter_map(|m| match &m.kind {
                MentionKind::Name { title } => Some((m.first, m.last, title.as_deref())),
                _ => None,
            })
            .collect();
        assert_eq!(
            titled,
            [
                (4, 5, Some("Ohio Secretary of State")),
                (10, 11, Some("Ohio Attorney General"))
            ]
        );
    }

    #[test]
    fn a_role_before_a_name_becomes_its_title() {
        use Upos::*;
        let doc = tagged(
            "Campaign spokeswoman Ana Ruiz said the Post reporters left.",
            &[
                Noun, Noun, Propn, Propn, Verb, Det, Propn, Noun, Verb, Punct,
            ],
        );
        let found = find_mentions(&doc);
        let names: Vec<(usize, usize, Option<String>)> = found
            .iter()
            .filter_map(|m| match &m.kind {
                MentionKind::Name { title } => Some((m.first, m.last, title.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(names[0], (2, 3, Some("Campaign spokeswoman".to_string())));
        assert!(is_person_title("Campaign spokeswoman"));
        // The role is not a mention of its own any more.
        assert!(!found.iter().any(|m| m.first == 0));
        // A relation stands beside the name.
        let doc = tagged(
            "His wife Manju Sam spoke.",
            &[Pron, Noun, Propn, Propn, Verb, Punct],
        );
        let found: Vec<(usize, usize)> = find_mentions(&doc)
            .iter()
            .map(|m| (m.first, m.last))
            .collect();
        assert_eq!(found, [(0, 0), (0, 1), (2, 3)]);
    }

    #[test]
    fn names_lose_their_titles_and_keep_a_leading_the() {
        use Upos::*;
        let doc = tagged(
            "Sen. Tim Kaine told The New Yorker on Monday that he agreed.",
            &[
                Propn, Propn, Propn, Verb, Det, Propn, Propn, Adp, Propn, Sconj, Pron, Verb, Punct,
            ],
        );
        let found = find_mentions(&doc);
        let text = |m: &Mention| {
            (m.first..=m.last)
                .map(|k| doc.token_text(k))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(text(&found[0]), "Tim Kaine");
        assert_eq!(
            found[0].kind,
            MentionKind::Name {
                title: Some("Sen.".into())
            }
        );
        assert_eq!(text(&found[1]), "The New Yorker");
        // "Monday" is a date; "he" a pronoun.
        assert_eq!(found.len(), 3);
        assert_eq!(found[2].kind, MentionKind::Pronoun(Pronoun::Male));
    }
}
