//! Builds the person lexicons from GUM's entity layer: for every common noun, how often it
//! heads a person mention and how often it occurs as a noun; for every proper noun, how often
//! it starts a person's name and how often it occurs as a proper noun. First names take a
//! gender from GUM's pronouns and from news text ([`news_genders`]: honorifics, pronoun sources).

use sayso_document::{Document, Span, Upos};
use sayso_readers::conllu::{documents, entity_mentions, Sentence};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// Words counted fewer times than this are left out.
const MIN_HITS: u32 = 1;
/// Words that are what is counted less often than this are left out.
const MIN_RATE: f32 = 0.5;

/// The lexicon files.
pub struct PersonLexicons {
    /// `noun<TAB>person mentions it heads<TAB>occurrences as a noun`.
    pub nouns: String,
    /// `name<TAB>person mentions it starts<TAB>occurrences as a proper noun`.
    pub names: String,
    /// `name<TAB>he-pronouns<TAB>she-pronouns` of the people whose full names it starts.
    pub genders: String,
    /// `ending<TAB>person nouns<TAB>nouns` with it: endings that mostly end person nouns.
    pub endings: String,
    /// `noun<TAB>person mentions it heads<TAB>occurrences as a noun`: nouns GUM has that look
    /// like person nouns (by form or ending) but mostly name something else.
    pub lookalikes: String,
}

/// Person nouns an ending needs, and the share of the nouns with it they must be.
const MIN_ENDING_PEOPLE: u32 = 6;
const MIN_ENDING_RATE: f32 = 0.8;

/// Occurrences GUM needs of a noun WordNet calls a person's to say it is not ("adjusters"): one
/// is no evidence ("a historian" as a modifier).
const MIN_WORDNET_LOOKALIKE: u32 = 2;

/// Pronoun counts a first name needs, and how many times more one way than the other.
const MIN_GENDER_PRONOUNS: u32 = 2;
const GENDER_MARGIN: u32 = 4;

pub fn build(sentences: &[Sentence]) -> PersonLexicons {
    let documents = documents(sentences);
    let mut heads: HashMap<String, u32> = HashMap::new();
    let mut occurrences: HashMap<String, u32> = HashMap::new();
    let mut names = NameCounts::default();
    let mut genders: HashMap<String, (u32, u32)> = HashMap::new();
    for doc in &documents {
        names.add(doc);
        // Each word with its sentence's first index, to read its head.
        let mut words = Vec::new();
        for s in doc {
            let base = words.len();
            for w in &s.words {
                words.push((w, base));
            }
        }
        for (w, _) in words.iter().filter(|(w, _)| w.upos == "NOUN") {
            *occurrences.entry(w.form.to_lowercase()).or_default() += 1;
        }
        // Each person entity's first names (of its names of two words or more) and the
        // gendered pronouns that refer to it.
        let mut people: HashMap<&str, (Vec<String>, u32, u32)> = HashMap::new();
        let layer = entity_mentions(doc);
        for m in layer.iter().filter(|m| m.kind == "person") {
            let entry = people.entry(m.entity.as_str()).or_default();
            let all_names = (m.first..=m.last).all(|t| words[t].0.upos == "PROPN");
            if m.last > m.first && all_names {
                entry.0.push(words[m.first].0.form.clone());
            } else if m.first == m.last {
                match words[m.first].0.form.to_lowercase().as_str() {
                    "he" | "him" | "his" | "himself" => entry.1 += 1,
                    "she" | "her" | "hers" | "herself" => entry.2 += 1,
                    _ => {}
                }
            }
        }
        for (names, he, she) in people.into_values() {
            let mut names = names;
            names.sort();
            names.dedup();
            for name in names {
                let g = genders.entry(name).or_default();
                g.0 += he;
                g.1 += she;
            }
        }
        for m in layer.iter().filter(|m| m.kind == "person") {
            // The head: the word whose own head lies outside the mention.
            let head = (m.first..=m.last).find(|&t| {
                let (w, base) = words[t];
                let h = (w.head as usize).checked_sub(1).map(|h| base + h);
                h.is_none_or(|h| h < m.first || h > m.last)
            });
            if let Some(t) = head.filter(|&t| words[t].0.upos == "NOUN") {
                *heads.entry(words[t].0.form.to_lowercase()).or_default() += 1;
            }
        }
    }
    let person_nouns = mostly(&heads, &occurrences);
    // Each ending's person nouns and nouns (noun types, not occurrences).
    let mut endings: HashMap<&str, (u32, u32)> = HashMap::new();
    for noun in occurrences.keys() {
        for n in super::ENDING_LENGTHS {
            if let Some(end) = super::ending(noun, n) {
                let e = endings.entry(end).or_default();
                e.0 += person_nouns.contains_key(noun.as_str()) as u32;
                e.1 += 1;
            }
        }
    }
    let endings: BTreeMap<&str, (u32, u32)> = endings
        .into_iter()
        .filter(|&(_, (people, n))| {
            people >= MIN_ENDING_PEOPLE && people as f32 / n as f32 >= MIN_ENDING_RATE
        })
        .collect();
    let lookalikes: BTreeMap<&str, (u32, u32)> = occurrences
        .iter()
        .filter(|(noun, _)| !person_nouns.contains_key(noun.as_str()))
        .filter(|(noun, &n)| {
            n >= MIN_WORDNET_LOOKALIKE && super::in_wordnet_person_nouns(noun)
                || super::looks_like_person_noun(
                    noun,
                    |w| person_nouns.contains_key(w),
                    |e| endings.contains_key(e),
                )
        })
        .map(|(noun, &n)| (noun.as_str(), (heads.get(noun).copied().unwrap_or(0), n)))
        .collect();
    PersonLexicons {
        nouns: rows(
            &person_nouns,
            "# noun\tperson mentions it heads in GUM train+dev\toccurrences as a noun (sayso train person-nouns)\n",
        ),
        endings: rows(
            &endings,
            "# ending\tperson nouns\tnouns with it in GUM train+dev, for nouns GUM does not have (sayso train person-nouns)\n",
        ),
        lookalikes: rows(
            &lookalikes,
            "# noun\tperson mentions it heads\toccurrences as a noun in GUM train+dev: nouns that look like person nouns (by form, ending or WordNet) but are not (sayso train person-nouns)\n",
        ),
        names: rows(
            &mostly(&names.person_starts, &names.occurrences),
            "# name\tperson mentions it starts in GUM train+dev\toccurrences as a proper noun (sayso train person-nouns)\n",
        ),
        // First names whose people are referred to as "he" (or "she") at least twice and
        // four times as often as the other way.
        genders: gender_table(
            &genders,
            MIN_GENDER_PRONOUNS,
            GENDER_MARGIN,
            "# first name\the-pronouns\tshe-pronouns of the people so named in GUM train+dev (sayso train person-nouns)\n",
        ),
    }
}

/// The WordNet person-noun lexicon (`person-nouns-wordnet.tsv`): every one-word common noun
/// whose most frequent sense denotes a person and more than half of whose senses do
/// ("nominee", "juror", "homeopath"; not "leader", whose second sense is an object, nor
/// "host"), and its regular plurals unless WordNet has one as a noun of its own that is not a
/// person ("bleachers"). GUM's nouns are few, and news names its speakers by many more.
pub fn wordnet_person_nouns(senses: &sayso_readers::wordnet::Senses) -> String {
    use sayso_readers::wordnet::NOUN_PERSON;
    // A person noun's person senses and senses.
    let person = |files: &[u8]| {
        let people = files.iter().filter(|&&f| f == NOUN_PERSON).count();
        (files.first() == Some(&NOUN_PERSON) && 2 * people > files.len())
            .then_some((people, files.len()))
    };
    let lemmas: BTreeMap<&str, (usize, usize)> = senses
        .iter()
        .filter(|(lemma, _)| lemma.chars().all(|c| c.is_ascii_lowercase()))
        .filter_map(|(lemma, files)| Some((lemma.as_str(), person(files)?)))
        .collect();
    let mut rows: BTreeMap<String, (usize, usize)> = lemmas
        .iter()
        .map(|(lemma, &counts)| (lemma.to_string(), counts))
        .collect();
    // A plural two lemmas share ("grannies") keeps the first's counts, so that the file is
    // the same on every run.
    for (lemma, &counts) in &lemmas {
        for plural in sayso_text::inflection::regular_plurals(lemma) {
            if senses
                .get(&plural)
                .is_none_or(|files| person(files).is_some())
            {
                rows.entry(plural).or_insert(counts);
            }
        }
    }
    let mut out = String::from(
        "# noun\tperson senses\tsenses in WordNet 3.0 (of the noun, or of its singular): nouns that \
         mostly denote people (sayso train wordnet-person-nouns). Derived from WordNet 3.0, \
         Copyright 2006 by Princeton University, under its licence (WORDNET-LICENSE beside this file)\n",
    );
    for (noun, (people, all)) in rows {
        out.push_str(&format!("{noun}\t{people}\t{all}\n"));
    }
    out
}

/// The first names of people WordNet 3.0 names: the first word of two or more of its
/// `noun.person` names of two or three capitalized words whose synset also lists the last word
/// alone, the surname ("Charles" of "Charles Darwin" beside "Darwin", and of "Charles
/// Dickens"; not "The" of "The Great" nor "Santa" of "Santa Claus"), written as a name is (a
/// capital, then two or more small letters), that is no common word (no sense of a noun, verb,
/// adjective or adverb WordNet writes in lower case: "Mark", "Bill", "Black" are words too), no
/// place or organization alone ("Virginia", "Nancy"), and no language of a people ("German",
/// "Scottish"). `proper_nouns` are [`sayso_readers::wordnet::read_proper_nouns`];
/// `common_words` the lemmas of [`sayso_readers::wordnet::read_senses`] of each part of speech.
pub fn wordnet_first_names(
    proper_nouns: &[sayso_readers::wordnet::ProperNouns],
    common_words: &[&sayso_readers::wordnet::Senses],
) -> String {
    use sayso_readers::wordnet::NOUN_PERSON;
    const MIN_PEOPLE: usize = 2;
    let mut people: BTreeMap<&str, usize> = BTreeMap::new();
    for (file, names) in proper_nouns {
        for name in names {
            let words: Vec<&str> = name.split(' ').collect();
            let capitalized = words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()));
            let surname_listed = words
                .last()
                .is_some_and(|last| names.iter().any(|n| n == last));
            if *file == NOUN_PERSON
                && (2..=3).contains(&words.len())
                && capitalized
                && surname_listed
            {
                *people.entry(words[0]).or_default() += 1;
            }
        }
    }
    let other_words = OtherWords::new(proper_nouns, common_words);
    let mut out = String::from(
        "# first name\tpeople WordNet 3.0 names with it: first names of its noun.person names \
         that are no common word, place, organization or language (sayso train \
         wordnet-first-names). Derived from WordNet 3.0, Copyright 2006 by Princeton \
         University, under its licence (WORDNET-LICENSE beside this file)\n",
    );
    for (name, count) in people {
        if count >= MIN_PEOPLE && other_words.may_be_first_name(name) {
            out.push_str(&format!("{name}\t{count}\n"));
        }
    }
    out
}

/// What else WordNet 3.0 has a would-be first name as: a common word (a noun, verb, adjective
/// or adverb it writes in lower case: "Mark", "Bill", "Black"), or alone a place, an
/// organization, a people's language or a time ("Virginia", "Nancy", "German", "June").
struct OtherWords<'a> {
    common_words: &'a [&'a sayso_readers::wordnet::Senses],
    senses_alone: HashMap<&'a str, Vec<u8>>,
}

impl<'a> OtherWords<'a> {
    fn new(
        proper_nouns: &'a [sayso_readers::wordnet::ProperNouns],
        common_words: &'a [&'a sayso_readers::wordnet::Senses],
    ) -> OtherWords<'a> {
        let mut senses_alone: HashMap<&str, Vec<u8>> = HashMap::new();
        for (file, names) in proper_nouns {
            for name in names.iter().filter(|n| !n.contains(' ')) {
                senses_alone.entry(name).or_default().push(*file);
            }
        }
        OtherWords {
            common_words,
            senses_alone,
        }
    }

    /// Whether `name` is written as a name is (a capital, then two or more small letters) and
    /// is nothing else WordNet knows.
    fn may_be_first_name(&self, name: &str) -> bool {
        use sayso_readers::wordnet::{NOUN_COMMUNICATION, NOUN_GROUP, NOUN_LOCATION, NOUN_TIME};
        let mut chars = name.chars();
        let shaped_as_name = chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && name.len() >= 3
            && chars.all(|c| c.is_ascii_lowercase());
        let lower = name.to_lowercase();
        let common = self
            .common_words
            .iter()
            .any(|senses| senses.get(&lower).is_some_and(|files| !files.is_empty()));
        let files = self.senses_alone.get(name).map_or(&[][..], Vec::as_slice);
        let language = files.contains(&NOUN_COMMUNICATION)
            && ["an", "ish", "ese", "ee"]
                .iter()
                .any(|end| name.ends_with(end));
        let other_kind = language
            || [NOUN_GROUP, NOUN_LOCATION, NOUN_TIME]
                .iter()
                .any(|file| files.contains(file));
        shaped_as_name && !common && !other_kind
    }
}

/// The first names of the 1990 United States census (`sayso_readers::census`), for the names
/// neither GUM nor WordNet's famous people have ("Lotte", "Jaime"): each that is more often a
/// first name than a surname (the share of people bearing it first, half men and half women,
/// above the share bearing it last: not "Carter", "Jordan", "Houston") and that WordNet has as
/// nothing else (see [`OtherWords`]: not "Mark", "June", "Georgia", "Dallas"), with the gender
/// of at least nine in ten of its bearers ("Kim" and "Leslie" have none).
pub fn census_first_names(
    census: &sayso_readers::census::CensusNames,
    proper_nouns: &[sayso_readers::wordnet::ProperNouns],
    common_words: &[&sayso_readers::wordnet::Senses],
) -> String {
    const GENDER_SHARE: f64 = 0.9;
    let other_words = OtherWords::new(proper_nouns, common_words);
    let names: BTreeMap<String, (f64, f64)> = census
        .male_first
        .keys()
        .chain(census.female_first.keys())
        .map(|name| {
            let share =
                |list: &sayso_readers::census::NameShares| list.get(name).copied().unwrap_or(0.0);
            let mut title_case = name.to_lowercase();
            title_case[..1].make_ascii_uppercase();
            let (male, female) = (share(&census.male_first), share(&census.female_first));
            let first = (male + female) / 2.0;
            let last = share(&census.last);
            (title_case, (male, female, first > last))
        })
        .filter(|(name, (_, _, mostly_first))| *mostly_first && other_words.may_be_first_name(name))
        .map(|(name, (male, female, _))| (name, (male, female)))
        .collect();
    let mut out = String::from(
        "# first name\tgender of nine in ten of its bearers (M, F; - for neither): first names of \
         the 1990 United States census (public domain) that are more often a first name than a \
         surname and that WordNet 3.0 has as no common word, place, organization or language \
         (sayso train census-first-names)\n",
    );
    for (name, (male, female)) in names {
        let gender = if male >= GENDER_SHARE * (male + female) {
            "M"
        } else if female >= GENDER_SHARE * (male + female) {
            "F"
        } else {
            "-"
        };
        out.push_str(&format!("{name}\t{gender}\n"));
    }
    out
}

/// How often proper nouns start a person mention, and how often they occur as proper nouns.
#[derive(Default)]
pub struct NameCounts {
    person_starts: HashMap<String, u32>,
    occurrences: HashMap<String, u32>,
}

impl NameCounts {
    pub fn add(&mut self, doc: &[&Sentence]) {
        let words: Vec<_> = doc.iter().flat_map(|s| &s.words).collect();
        for w in words.iter().filter(|w| w.upos == "PROPN") {
            *self.occurrences.entry(w.form.clone()).or_default() += 1;
        }
        for m in entity_mentions(doc).iter().filter(|m| m.kind == "person") {
            if words[m.first].upos == "PROPN" {
                let start = self.person_starts.entry(words[m.first].form.clone());
                *start.or_default() += 1;
            }
        }
    }

    /// The words that mostly start a person's name: the `names` lexicon's.
    pub fn person_names(&self) -> HashSet<String> {
        mostly(&self.person_starts, &self.occurrences)
            .into_keys()
            .map(str::to_string)
            .collect()
    }
}

/// For each document, the person-name lexicon of the documents outside its fold (document `k`
/// is in fold `k % folds`): what the name-kind classifier trains with, so that a name of the
/// document is as often unknown to it as a new document's names are to the bundled lexicon.
pub fn held_out_person_names(
    documents: &[Vec<&Sentence>],
    folds: usize,
) -> Vec<Arc<HashSet<String>>> {
    let lexicons: Vec<Arc<HashSet<String>>> = (0..folds)
        .map(|fold| {
            let mut counts = NameCounts::default();
            for (k, document) in documents.iter().enumerate() {
                if k % folds != fold {
                    counts.add(document);
                }
            }
            Arc::new(counts.person_names())
        })
        .collect();
    (0..documents.len())
        .map(|k| Arc::clone(&lexicons[k % folds]))
        .collect()
}

/// First names counted `min` times or more one way ("he", "she") and `margin` times more than
/// the other: `name<TAB>he<TAB>she` rows under `header`, sorted.
fn gender_table(
    counts: &HashMap<String, (u32, u32)>,
    min: u32,
    margin: u32,
    header: &str,
) -> String {
    let mut rows: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for (name, &(he, she)) in counts {
        let (more, less) = (he.max(she), he.min(she));
        if more >= min && more >= margin * less {
            rows.insert(name, (he, she));
        }
    }
    let mut out = String::from(header);
    for (name, (he, she)) in rows {
        out.push_str(&format!("{name}\t{he}\t{she}\n"));
    }
    out
}

/// The words that are mostly what `hits` counts (and counted [`MIN_HITS`] times), with their
/// hits and occurrences.
fn mostly<'w>(
    hits: &'w HashMap<String, u32>,
    occurrences: &HashMap<String, u32>,
) -> BTreeMap<&'w str, (u32, u32)> {
    hits.iter()
        .map(|(word, &h)| {
            let n = occurrences.get(word).copied().unwrap_or(h).max(h);
            (word.as_str(), (h, n))
        })
        .filter(|&(_, (h, n))| h >= MIN_HITS && h as f32 / n as f32 >= MIN_RATE)
        .collect()
}

/// `word<TAB>count<TAB>count` rows under `header`, sorted.
fn rows(rows: &BTreeMap<&str, (u32, u32)>, header: &str) -> String {
    let mut out = String::from(header);
    for (word, (a, b)) in rows {
        out.push_str(&format!("{word}\t{a}\t{b}\n"));
    }
    out
}

/// Documents a first name needs for a gender, and how many times more than for the other.
const MIN_NEWS_DOCUMENTS: u32 = 3;
const NEWS_MARGIN: u32 = 4;

/// How far a "he"/"she" source may follow the named source it continues, in characters.
const PRONOUN_REACH: u32 = 600;

/// First names' genders from news documents, tagged and with their gold attributions (PolNeAR
/// train). A document votes for a first name's gender ("he" or "she") when
/// - it calls the person "Mr." ("Mrs.", "Ms.") and names one person of that surname in full
///   ("Mr. Obama" and "Barack Obama"; a surname with both honorifics, a couple, counts for
///   neither), or
/// - a source "he" ("she") follows a source naming a person (news reports one speaker at a
///   time), the name a person's by the name-kind classifier;
///
/// and only when all its votes for that name agree. The table keeps names with
/// [`MIN_NEWS_DOCUMENTS`] documents one way and [`NEWS_MARGIN`] times more than the other:
/// `name<TAB>documents for "he"<TAB>documents for "she"`.
pub fn news_genders(docs: &[Document]) -> String {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for doc in docs {
        let runs = name_runs(doc);
        // Each surname's first names.
        let mut first_names: HashMap<&str, Vec<&str>> = HashMap::new();
        for &(first, last) in runs.iter().filter(|(f, l)| l > f) {
            let names = first_names.entry(doc.token_text(last)).or_default();
            if !names.contains(&doc.token_text(first)) {
                names.push(doc.token_text(first));
            }
        }
        let only_first_name = |surname: &str| match first_names.get(surname).map(Vec::as_slice) {
            Some([first]) => Some(first.to_string()),
            _ => None,
        };
        // This document's votes: first name -> (he, she).
        let mut votes: HashMap<String, (u32, u32)> = HashMap::new();
        let mut vote = |name: Option<String>, male: bool| {
            if let Some(name) = name {
                let v = votes.entry(name).or_default();
                if male {
                    v.0 += 1;
                } else {
                    v.1 += 1;
                }
            }
        };
        for (surname, bits) in honorifics(doc) {
            if bits == 1 || bits == 2 {
                vote(only_first_name(surname), bits == 1);
            }
        }
        let mut sourced: Vec<(Span, &str)> = doc
            .attributions
            .iter()
            .filter_map(|a| Some((*a.source.first()?, doc.slice(*a.source.first()?))))
            .collect();
        sourced.sort_by_key(|(span, _)| span.start);
        for pair in sourced.windows(2) {
            let ((named, _), (pronoun, word)) = (pair[0], pair[1]);
            let male = match word.to_lowercase().as_str() {
                "he" => true,
                "she" => false,
                _ => continue,
            };
            if pronoun.start.saturating_sub(named.end) > PRONOUN_REACH {
                continue;
            }
            // The source's last run of proper nouns, a person's.
            let tokens = doc.tokens_in(named);
            let Some(&(first, last)) = runs
                .iter()
                .rfind(|(f, l)| tokens.contains(f) && tokens.contains(l))
            else {
                continue;
            };
            let mut scores = [0f32; 4];
            crate::kinds::NameKinds::bundled().add_scores(doc, first, last, &mut scores);
            if crate::kinds::kind_of(&scores) != sayso_document::EntityKind::Person {
                continue;
            }
            let name = if last > first {
                Some(doc.token_text(first).to_string())
            } else {
                only_first_name(doc.token_text(last))
            };
            vote(name, male);
        }
        for (name, (he, she)) in votes {
            let c = counts.entry(name).or_default();
            match (he > 0, she > 0) {
                (true, false) => c.0 += 1,
                (false, true) => c.1 += 1,
                _ => {}
            }
        }
    }
    gender_table(
        &counts,
        MIN_NEWS_DOCUMENTS,
        NEWS_MARGIN,
        "# first name\tdocuments for he\tdocuments for she, from honorifics and from pronoun sources after a named one in PolNeAR train (sayso train person-nouns)\n",
    )
}

/// Runs of capitalized proper nouns, without titles and honorifics in front, as (first, last)
/// tokens.
fn name_runs(doc: &Document) -> Vec<(usize, usize)> {
    let word = |t: usize| doc.token_text(t);
    let proper = |t: usize| {
        doc.upos.get(t) == Some(&Upos::Propn)
            && word(t).chars().next().is_some_and(char::is_uppercase)
    };
    let mut runs = Vec::new();
    let mut t = 0;
    while t < doc.tokens.len() {
        if !proper(t) {
            t += 1;
            continue;
        }
        let start = t;
        while t + 1 < doc.tokens.len() && proper(t + 1) {
            t += 1;
        }
        // ("House Speaker Paul Ryan": an institution's word does not start a person's name.)
        let first = (start..=t).find(|&k| {
            let lower = word(k).to_lowercase();
            crate::mentions::title_word(&lower).is_none()
                && !is_honorific(word(k))
                && !crate::entities::ORGANIZATION_WORDS.contains(&lower.as_str())
        });
        if let Some(first) = first {
            runs.push((first, t));
        }
        t += 1;
    }
    runs
}

/// Each surname's honorifics in a document: bit 0 "Mr.", bit 1 "Mrs." or "Ms.".
fn honorifics(doc: &Document) -> HashMap<&str, u8> {
    let mut found: HashMap<&str, u8> = HashMap::new();
    for t in 0..doc.tokens.len().saturating_sub(1) {
        let bit = match doc.token_text(t) {
            "Mr." | "Mr" => 1,
            "Mrs." | "Mrs" | "Ms." | "Ms" => 2,
            _ => continue,
        };
        if doc.upos.get(t + 1) == Some(&Upos::Propn) {
            *found.entry(doc.token_text(t + 1)).or_default() |= bit;
        }
    }
    found
}

fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "Mr." | "Mr" | "Mrs." | "Mrs" | "Ms." | "Ms" | "Dr." | "Dr"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(text: &str) -> Document {
        use sayso_annotate::Tagger;
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        sayso_annotate::PerceptronTagger::bundled().tag(&mut doc);
        doc
    }

    #[test]
    fn wordnet_person_nouns_are_nouns_mostly_of_people_with_their_plurals() {
        use sayso_readers::wordnet::NOUN_PERSON as P;
        let senses: sayso_readers::wordnet::Senses = [
            ("juror", vec![P]),
            ("deputy", vec![P, P]),
            ("chairman", vec![P]),
            ("leader", vec![P, 6]),
            ("table", vec![6, P]),
            ("bleacher", vec![P]),
            ("bleachers", vec![6]),
            ("claims_adjuster", vec![P]),
        ]
        .into_iter()
        .map(|(w, f)| (w.to_string(), f))
        .collect();
        let lexicon = wordnet_person_nouns(&senses);
        let nouns: Vec<&str> = lexicon
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect();
        assert_eq!(
            nouns,
            [
                "bleacher",
                "chairman",
                "chairmans",
                "chairmen",
                "deputies",
                "deputy",
                "juror",
                "jurors"
            ]
        );
        assert!(lexicon.contains("deputies\t2\t2\n"));
    }

    #[test]
    fn wordnet_first_names_are_first_words_of_people_and_no_common_word_or_place() {
        use sayso_readers::wordnet::{Senses, NOUN_PERSON as P};
        // Each person's synset lists the surname alone beside the full name.
        let person = |full: &str| {
            let surname = full.rsplit(' ').next().unwrap().to_string();
            (P, vec![surname, full.to_string()])
        };
        let mut nouns: Vec<_> = [
            "Charles Darwin",
            "Charles Dickens",
            "Mark Twain",
            "Mark Rothko",
            "Virginia Woolf",
            "Virginia Wade",
            "German Titov",
            "German Gref",
            "Ralph Nader",
            "St. Paul",
            "St. Peter",
        ]
        .into_iter()
        .map(person)
        .collect();
        for (file, name) in [(17, "Charles"), (15, "Virginia"), (10, "German")] {
            nouns.push((file, vec![name.to_string()]));
        }
        // Titles and epithets, whose synsets do not list the last word alone.
        for name in ["The Great", "The Younger"] {
            nouns.push((P, vec![name.to_string()]));
        }
        let common: Senses = [("mark".to_string(), vec![4])].into_iter().collect();
        let lexicon = wordnet_first_names(&nouns, &[&common]);
        let names: Vec<&str> = lexicon
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').next())
            .collect();
        // "Ralph" names one person only; "St." is no name's shape; "The" opens no full name.
        assert_eq!(names, ["Charles"]);
    }

    #[test]
    fn census_first_names_are_more_first_names_than_surnames_and_nothing_else_wordnet_knows() {
        use sayso_readers::census::{CensusNames, NameShares};
        use sayso_readers::wordnet::{Senses, NOUN_LOCATION, NOUN_TIME};
        let shares = |rows: &[(&str, f64)]| -> NameShares {
            rows.iter().map(|&(n, s)| (n.to_string(), s)).collect()
        };
        let census = CensusNames {
            male_first: shares(&[
                ("WENDELL", 0.02),
                ("KIM", 0.03),
                ("CARTER", 0.01),
                ("MARK", 0.9),
            ]),
            female_first: shares(&[
                ("PRISCILLA", 0.05),
                ("KIM", 0.18),
                ("GEORGIA", 0.09),
                ("JAN", 0.04),
            ]),
            last: shares(&[("CARTER", 0.16), ("WENDELL", 0.001)]),
        };
        let nouns = vec![
            (NOUN_LOCATION, vec!["Georgia".to_string()]),
            (NOUN_TIME, vec!["Jan".to_string()]),
        ];
        let common: Senses = [("mark".to_string(), vec![4])].into_iter().collect();
        let lexicon = census_first_names(&census, &nouns, &[&common]);
        let rows: Vec<&str> = lexicon.lines().skip(1).collect();
        // "Carter" is more often a surname; "Mark" a word, "Georgia" a place, "Jan" a month;
        // "Kim" is a first name of men and women both.
        assert_eq!(rows, ["Kim\t-", "Priscilla\tF", "Wendell\tM"]);
    }

    #[test]
    fn a_documents_held_out_lexicon_knows_the_other_folds_names_not_its_own() {
        let conllu = |name: &str| {
            format!(
                "# newdoc id = {name}\n# text = {name} Smith spoke.\n\
                 1\t{name}\t_\tPROPN\t_\t_\t3\tnsubj\t_\tEntity=(1-person\n\
                 2\tSmith\t_\tPROPN\t_\t_\t1\tflat\t_\tEntity=1)\n\
                 3\tspoke\t_\tVERB\t_\t_\t0\troot\t_\t_\n\n"
            )
        };
        let text: String = ["Gloria", "Byron", "Isabel"].map(conllu).concat();
        let sentences = sayso_readers::conllu::parse_conllu(&text, "t").unwrap();
        let documents = documents(&sentences);
        assert_eq!(documents.len(), 3);
        let lexicons = held_out_person_names(&documents, 2);
        // Folds: {Gloria, Isabel} and {Byron}.
        assert!(!lexicons[0].contains("Gloria") && !lexicons[0].contains("Isabel"));
        assert!(lexicons[0].contains("Byron"));
        assert!(lexicons[1].contains("Gloria") && lexicons[1].contains("Isabel"));
        assert!(!lexicons[1].contains("Byron"));
        assert!(Arc::ptr_eq(&lexicons[0], &lexicons[2]));
    }

    #[test]
    fn honorifics_give_first_names_a_gender_and_couples_give_none() {
        let one = tagged("Barack Obama spoke. Mr. Obama left.");
        let couple = tagged("Barack Obama and Michelle Obama came. Mr. Obama and Mrs. Obama left.");
        let table = news_genders(&[one.clone(), one.clone(), one, couple]);
        assert!(table.contains("Barack\t3\t0"), "{table}");
        assert!(!table.contains("Michelle"), "{table}");
        let twice = tagged("Jane Smith spoke. Ms. Smith left.");
        assert!(!news_genders(&[twice.clone(), twice]).contains("Jane"));
    }

    #[test]
    fn a_pronoun_source_after_a_named_one_gives_its_first_name_a_gender() {
        let text = "Jane Smith said taxes rose. She said prices fell.";
        let mut doc = tagged(text);
        let at = |w: &str| {
            let start = text.find(w).unwrap() as u32;
            Span::new(start, start + w.len() as u32)
        };
        doc.attributions = vec![
            sayso_document::Attribution {
                source: vec![at("Jane Smith")],
                ..Default::default()
            },
            sayso_document::Attribution {
                source: vec![at("She")],
                ..Default::default()
            },
        ];
        let table = news_genders(&[doc.clone(), doc.clone(), doc]);
        assert!(table.contains("Jane\t0\t3"), "{table}");
    }
}
