//! Whether a "they", "them" or "their" stands for people ("the voters ... they said") or for
//! things ("the cuttings ... once rooted, they need little water"). A linear classifier reads
//! the plural nouns it could take up in its sentence and the two before (their words and
//! WordNet classes), what it does or owns, and who is named near it; learned from GUM's entity
//! layer by [`train::train`] (`sayso train they-persons`). The mention stage keeps the plural
//! pronouns it judges people.

pub mod train;

use crate::mentions::{
    does_what_people_do, is_person_noun_word, is_plural_word, someone_before, things_before,
    Mention, MentionKind, Pronoun,
};
use sayso_annotate::perceptron::{hash_str, mix, ModelError, Weights};
use sayso_attribution::roles::word_classes::word_class;
use sayso_document::{Document, Upos};
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"SAYTHEY1";
static BUNDLED: &[u8] = include_bytes!("they-persons.bin");

/// Classes in the model's order.
pub const THINGS: usize = 0;
pub const PERSONS: usize = 1;

/// How far back, in tokens, the classifier looks for what a pronoun takes up (a bound that
/// keeps a line of a thousand "they" linear).
const REACH_TOKENS: usize = 100;

/// How far back it looks for what the text is about.
const WIDE_REACH_TOKENS: usize = 300;

pub struct TheyPersons {
    weights: Weights,
}

impl TheyPersons {
    /// The model bundled with the library, loaded once per process.
    pub fn bundled() -> &'static TheyPersons {
        static MODEL: OnceLock<TheyPersons> = OnceLock::new();
        MODEL.get_or_init(|| {
            TheyPersons::from_bytes(BUNDLED)
                .expect("the bundled they-persons model is checked by a unit test")
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<TheyPersons, ModelError> {
        let what = "they-persons";
        let (weights, rest) = Weights::from_bytes(bytes, MAGIC, what)?;
        if weights.classes() != 2 || !rest.is_empty() {
            return Err(ModelError::BadHeader(what));
        }
        Ok(TheyPersons { weights })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes(MAGIC)
    }

    /// Whether plural pronoun `mentions[k]` stands for people; `features` is scratch space.
    pub fn is_person(
        &self,
        nouns: &PluralNouns,
        mentions: &[Mention],
        k: usize,
        features: &mut Vec<u64>,
    ) -> bool {
        they_features(nouns, mentions, k, features);
        let mut scores = [0f32; 2];
        self.weights.scores(features, &mut scores);
        scores[PERSONS] > scores[THINGS]
    }
}

/// A distance in tokens, in bands.
fn band(distance: usize) -> u64 {
    match distance {
        0..=3 => 0,
        4..=8 => 1,
        9..=20 => 2,
        21..=40 => 3,
        _ => 4,
    }
}

/// What kind of mention stands before the pronoun, coarsely.
fn mention_class(doc: &Document, m: &Mention) -> u64 {
    match &m.kind {
        MentionKind::Name { title: Some(_) } => 1,
        MentionKind::Name { title: None } => {
            2 + crate::nominals::is_first_name(doc.token_text(m.first)) as u64
        }
        MentionKind::Nominal {
            organization: true, ..
        } => 4,
        MentionKind::Nominal { .. } => {
            5 + is_plural_word(&sayso_text::lexicon_key(doc.token_text(m.last))) as u64
        }
        MentionKind::Pronoun(p) => 7 + *p as u64,
    }
}

/// A document's plural common nouns, found once for all its plural pronouns.
pub struct PluralNouns<'d> {
    doc: &'d Document,
    /// How many plural nouns, and how many of them person nouns, come before each token.
    before: Vec<(u32, u32)>,
    /// Their tokens, in order.
    tokens: Vec<usize>,
}

impl<'d> PluralNouns<'d> {
    pub fn new(doc: &'d Document) -> PluralNouns<'d> {
        let mut counts = (0, 0);
        let mut before = Vec::with_capacity(doc.tokens.len() + 1);
        let mut tokens = Vec::new();
        before.push(counts);
        for t in 0..doc.tokens.len() {
            if doc.upos.get(t) == Some(&Upos::Noun) {
                let word = sayso_text::lexicon_key(doc.token_text(t));
                if is_plural_word(&word) {
                    counts.0 += 1;
                    counts.1 += is_person_noun_word(&word) as u32;
                    tokens.push(t);
                }
            }
            before.push(counts);
        }
        PluralNouns {
            doc,
            before,
            tokens,
        }
    }

    /// The plural nouns at tokens `range`, nearest the end first.
    fn nearest_first(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let from = self.tokens.partition_point(|&u| u < range.start);
        let to = self.tokens.partition_point(|&u| u < range.end);
        self.tokens[from..to].iter().rev().copied()
    }
}

/// The features of plural pronoun `mentions[k]` (a mention the stage found before deciding
/// which plural pronouns to keep).
pub fn they_features(nouns: &PluralNouns, mentions: &[Mention], k: usize, out: &mut Vec<u64>) {
    out.clear();
    let doc = nouns.doc;
    let t = mentions[k].first;
    let lower = |t: usize| sayso_text::lexicon_key(doc.token_text(t));
    let sentence_of = |t: usize| doc.sentence_index(doc.tokens[t].span.start);
    let sentence = sentence_of(t);
    // The first token of the sentence two before: how far back it looks for what it takes up.
    let from = doc
        .sentences
        .get(sentence.saturating_sub(2))
        .map_or(0, |s| doc.token_at_or_after(s.start))
        .min(t);
    let deprel = doc.deprels.get(t).map_or(1, |r| hash_str(r));
    out.push(mix(&[0]));
    out.push(mix(&[1, hash_str(&lower(t))]));
    out.push(mix(&[2, deprel]));
    let head = doc.heads.get(t).copied().flatten().map(|h| h as usize);
    let (head_word, head_class, head_tag) = head.map_or((1, 1, 1), |h| {
        let word = lower(h);
        let upos = doc.upos.get(h).copied();
        (
            hash_str(&word),
            word_class(upos, &word),
            upos.map_or(2, |u| hash_str(u.as_str())),
        )
    });
    out.push(mix(&[3, deprel, head_word]));
    out.push(mix(&[4, deprel, head_class]));
    out.push(mix(&[5, deprel, head_tag]));
    // The rules this model replaced, as evidence.
    out.push(mix(&[
        6,
        someone_before(doc, mentions, k) as u64,
        does_what_people_do(doc, t) as u64,
        things_before(doc, mentions, k) as u64,
    ]));
    // The plural nouns it could take up.
    let plural_nouns = nouns.nearest_first(from.max(t.saturating_sub(REACH_TOKENS))..t);
    let mut nearest_person = 2;
    for (rank, u) in plural_nouns.take(2).enumerate() {
        let word = lower(u);
        let person = is_person_noun_word(&word) as u64;
        let class = word_class(Some(Upos::Noun), &word);
        let subject = doc.deprels.get(u).is_some_and(|r| r.starts_with("nsubj")) as u64;
        if rank == 0 {
            nearest_person = person;
            out.push(mix(&[7, person, subject]));
            out.push(mix(&[8, class]));
            out.push(mix(&[9, hash_str(&word)]));
            out.push(mix(&[10, band(t - u), person]));
            out.push(mix(&[11, class, head_class]));
        } else {
            out.push(mix(&[12, person, class]));
        }
    }
    out.push(mix(&[13, nearest_person, head_class]));
    // Who is named or spoken of near it.
    let mut counts = [0u64; 5];
    let mut nearest = None;
    for m in mentions[..k]
        .iter()
        .rev()
        .take_while(|m| t - m.first <= REACH_TOKENS && m.first >= from)
    {
        let class = mention_class(doc, m);
        nearest.get_or_insert((class, band(t.saturating_sub(m.last))));
        let slot = match m.kind {
            MentionKind::Name { .. } => 0,
            MentionKind::Nominal {
                organization: false,
                ..
            } => 1,
            MentionKind::Pronoun(Pronoun::Male | Pronoun::Female) => 2,
            MentionKind::Pronoun(Pronoun::FirstPerson | Pronoun::SecondPerson) => 3,
            MentionKind::Pronoun(Pronoun::Plural) => 4,
            _ => continue,
        };
        counts[slot] += 1;
    }
    let (class, distance) = nearest.unwrap_or((0, 5));
    out.push(mix(&[14, class, distance]));
    out.push(mix(&[15, class, nearest_person]));
    for (slot, count) in counts.iter().enumerate() {
        out.push(mix(&[16, slot as u64, (*count).min(3)]));
    }
    let here =
        |m: &&Mention| m.first.abs_diff(t) <= REACH_TOKENS && sentence_of(m.first) == sentence;
    let speakers_here = mentions[..k]
        .iter()
        .rev()
        .take_while(here)
        .chain(mentions[k + 1..].iter().take_while(here))
        .any(|m| {
            matches!(
                m.kind,
                MentionKind::Pronoun(Pronoun::FirstPerson | Pronoun::SecondPerson)
            )
        });
    out.push(mix(&[17, speakers_here as u64, deprel]));
    // What the text around it is about: people or things.
    let (now, then) = (
        nouns.before[t],
        nouns.before[t.saturating_sub(WIDE_REACH_TOKENS)],
    );
    let (plurals, persons) = ((now.0 - then.0) as u64, (now.1 - then.1) as u64);
    // In quarters (0 to 4), or 5 with no plural noun.
    let share = (4 * persons).checked_div(plurals).unwrap_or(5);
    out.push(mix(&[18, share]));
    out.push(mix(&[19, share, nearest_person]));
}

#[cfg(test)]
mod tests {
    use super::*;
    use sayso_annotate::{ArcEagerParser, Parser, PerceptronTagger, Tagger};

    /// The plural pronouns the mention stage keeps in a text tagged and parsed by the bundled
    /// models.
    fn kept_theys(text: &str) -> Vec<String> {
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        PerceptronTagger::bundled().tag(&mut doc);
        ArcEagerParser::bundled().parse(&mut doc);
        crate::mentions::find_mentions(&doc)
            .iter()
            .filter(|m| m.kind == MentionKind::Pronoun(Pronoun::Plural))
            .map(|m| doc.token_text(m.first).to_string())
            .collect()
    }

    #[test]
    fn they_for_people_is_kept_and_they_for_things_is_not() {
        assert_eq!(
            kept_theys("The voters were angry at the council. They said the plan had failed."),
            ["They"]
        );
        assert_eq!(
            kept_theys("Plant the cuttings in dry sand. Once rooted, they need little water."),
            Vec::<String>::new()
        );
        assert_eq!(
            kept_theys("The students met at noon. Then they went home."),
            ["they"]
        );
        assert_eq!(
            kept_theys("The machines broke at noon. Then they were repaired."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn bundled_model_loads_and_a_corrupt_one_is_a_named_error() {
        let model = TheyPersons::bundled();
        assert_eq!(
            TheyPersons::from_bytes(&model.to_bytes())
                .unwrap()
                .to_bytes(),
            model.to_bytes()
        );
        let err = TheyPersons::from_bytes(&model.to_bytes()[..40])
            .err()
            .unwrap();
        assert!(err.to_string().contains("they-persons model"), "{err}");
    }
}
