//! Who each speaker is, to whom and where it was said.
//!
//! - A source with a name in it is that name's entity (a possessor such as "CNN's" in "CNN's
//!   David Axelrod", or a name modifying a noun as "Hale" in "Hale spokeswoman Dana
//!   Ruiz", is passed over).
//! - "he" / "she" and a definite nominal ("the singer") are the speaker of the latest
//!   attribution within a few paragraphs (news reports one speaker at a time), else the latest
//!   person named before; but "he" / "she" is the first person named in its own sentence or the
//!   one before when those name others and not the speaker; "who" is the name just before it,
//!   or the name a role before it stands beside ("Hale, now the party leader, who"), as is a
//!   source that is only that role; "the outlet" is the latest organization named.
//! - An attribution without a source (a quotation standing alone) continues the latest
//!   speaker of its own or the previous paragraph.
//! - The addressee is what follows a cue like "told" or "asked" ("told The New Yorker",
//!   "told reporters"), or the name after "an interview with"; the venue is a word such as
//!   "interview", "podcast", "statement", "Twitter" or "speech" in the cue's sentence outside
//!   the content. A speaker who goes on ("he added") keeps both.

use crate::mentions::{
    is_person_noun_word, is_plural_word, title_word, Mention, MentionKind, Pronoun,
    INSTITUTION_NOUNS, MEDIA_NOUNS, ORGANIZATION_NOUNS, POSSESSIVES,
};
use crate::nominals::{noun_gender, Gender};
use sayso_document::{Attribution, Document, EntityKind, Span, Upos, Venue, VenueKind};
use std::ops::Range;

/// How many paragraphs back "he" or "the singer" may find the previous speaker.
const SPEAKER_REACH_PARAGRAPHS: usize = 3;

/// Nouns of documents that speak for their author (an ad is a campaign's, which the layer
/// counts as no one).
const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "memo",
    "study",
    "survey",
    "analysis",
    "statement",
    "letter",
    "release",
    "tweet",
    "complaint",
    "filing",
    "ruling",
    "book",
    "article",
    "piece",
    "editorial",
    "recording",
    "data",
];

/// The main verb of its sentence (the root of the parse) when token `t` is its subject.
fn main_verb_of_subject(doc: &Document, t: usize) -> Option<usize> {
    if !doc.is_parsed() || !doc.deprels[t].starts_with("nsubj") {
        return None;
    }
    let verb = doc.heads[t]? as usize;
    doc.heads[verb].is_none().then_some(verb)
}

/// Whether a paragraph's text is a time of day alone ("2:45 p.m.", "11 a.m.", "12:50 p.m.:"),
/// as a live blog heads each entry.
fn is_time_of_day(text: &str) -> bool {
    let text = text.trim().trim_end_matches([':', '.']).to_lowercase();
    let Some(clock) = text
        .strip_suffix(" a.m")
        .or_else(|| text.strip_suffix(" p.m"))
    else {
        return false;
    };
    let (hours, minutes) = clock.split_once(':').unwrap_or((clock, "00"));
    let digits = |s: &str, max_len: usize| {
        !s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit())
    };
    digits(hours, 2) && digits(minutes, 2) && minutes.len() == 2
}

/// What [`Context::named_before`] finds in a sentence or two: `(subjects, named)`.
type NamedBefore = (Vec<usize>, Vec<usize>);

/// The paragraphs of a headline and lede, whose unnamed speaker the story names later.
const LEDE_PARAGRAPHS: usize = 1;

/// How many tokens either side of the cue a venue word may be.
const VENUE_REACH: usize = 40;

/// How many mentions back an antecedent is looked for.
const MENTION_REACH: usize = 300;

/// How many mentions before a token the name ending at it may start: a name's words hold
/// no more mentions than that.
const MAX_NAME_MENTIONS_BACK: usize = 4;

pub struct Context<'a> {
    pub doc: &'a Document,
    pub mentions: &'a [Mention],
    pub entity_of: &'a [Option<usize>],
    pub kinds: &'a [EntityKind],
    /// What each entity's title or first name says of its gender.
    pub genders: &'a [Option<Gender>],
    /// Which entities are groups named by one plural word ("Americans").
    pub groups: &'a [bool],
    /// Which entities "he" or "she" does not stand for: the groups, and names ending in a
    /// plural noun of people ("U.N. Women").
    pub not_he_or_she: &'a [bool],
    /// Each entity's canonical name.
    pub names: &'a [&'a str],
    /// The words of each entity's titles and roles, lower-cased ("sen.", "republican",
    /// "presidential", "nominee").
    pub title_words: &'a [Vec<String>],
}

/// The token after a run-in head or dateline in capitals and its dash that open a sentence
/// at token `first` ("DOUBTFUL CLAIMS — For months, Hale ...", "WASHINGTON (AP) --
/// ..."), else `first`.
fn after_run_in_head(doc: &Document, first: usize) -> usize {
    const MAX_HEAD_TOKENS: usize = 8;
    let end = (first + MAX_HEAD_TOKENS).min(doc.tokens.len());
    let Some(dash) = (first + 1..end).find(|&k| crate::mentions::is_dash(doc.token_text(k))) else {
        return first;
    };
    let in_capitals = (first..dash).all(|k| !doc.token_text(k).chars().any(char::is_lowercase))
        && (first..dash).any(|k| doc.token_text(k).chars().any(char::is_uppercase));
    if in_capitals {
        dash + 1
    } else {
        first
    }
}

/// Whether an organization nominal's noun fits an organization's name: "the outlet" an
/// outlet's, "the committee" a committee's; other nouns ("the company", "the group") any.
fn fits_organization_noun(name: &str, noun: &str) -> bool {
    let mut words = name.split_whitespace();
    if MEDIA_NOUNS.contains(&noun) {
        words
            .next_back()
            .is_some_and(|w| crate::entities::OUTLET_WORDS.contains(&w.to_lowercase().as_str()))
    } else if INSTITUTION_NOUNS.contains(&noun) {
        words.any(|w| w.to_lowercase() == noun)
    } else {
        true
    }
}

impl Context<'_> {
    fn tokens(&self, spans: &[Span]) -> Vec<Range<usize>> {
        spans.iter().map(|s| self.doc.tokens_in(*s)).collect()
    }

    /// The mentions inside a token range, and a name it starts inside of (a source cut from
    /// its name: "Rice (D-Fair Oaks)" of 'Marta "Tia" Rice').
    fn mentions_in(&self, range: &Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let start = self.mentions.partition_point(|m| m.first < range.start);
        let start = match start.checked_sub(1) {
            Some(k)
                if matches!(self.mentions[k].kind, MentionKind::Name { .. })
                    && range.contains(&self.mentions[k].last) =>
            {
                k
            }
            _ => start,
        };
        let end = range.end;
        (start..self.mentions.len()).take_while(move |&m| self.mentions[m].last < end)
    }

    fn mention_at(&self, t: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.first < t);
        (k < self.mentions.len() && self.mentions[k].first == t).then_some(k)
    }

    /// The person a definite nominal ("the senator", "The Indiana governor", "the Democratic
    /// nominee") ending at token `head` stands for: the latest named before it whose title
    /// has the nominal's noun ("Sen.", "Gov.", "presidential nominee").
    pub fn titled_for(&self, first: usize, head: usize) -> Option<usize> {
        self.titled(first, head, false)
    }

    /// The same for a nominal that opens a story ("Indiana governor endorses ..."): the
    /// first named after it whose title has its noun.
    pub fn titled_after(&self, first: usize, head: usize) -> Option<usize> {
        self.titled(first, head, true)
    }

    fn titled(&self, first: usize, head: usize, after: bool) -> Option<usize> {
        let search = |fits: &dyn Fn(usize) -> bool| {
            if after {
                self.next_matching(head, fits)
            } else {
                self.latest_matching(head, fits)
            }
        };
        let noun = self.doc.token_text(head).to_lowercase();
        // Title words among the modifiers must be the entity's too ("the Democratic nominee"
        // is not the Republican one).
        let modifiers: Vec<String> = (first..head)
            .map(|t| self.doc.token_text(t).to_lowercase())
            .filter(|w| title_word(w).is_some())
            .collect();
        let noun = noun.as_str();
        let abbreviation = match noun {
            "senator" => "sen.",
            "governor" => "gov.",
            "representative" | "congressman" | "congresswoman" => "rep.",
            // A court's judges are titled either way ("Supreme Court Justice Frank Nervo ...
            // the judge").
            "judge" => "justice",
            "justice" => "judge",
            "nominee" | "candidate" | "president" | "secretary" | "mayor" | "chairman"
            | "chairwoman" | "spokesman" | "spokeswoman" | "director" | "leader" | "speaker"
            | "commissioner" | "minister" | "ambassador" | "ceo" => noun,
            _ => return None,
        };
        let forms = [noun, abbreviation];
        // A party by either of its names ("the GOP nominee", "Republican nominee Donald Trump").
        fn party(w: &str) -> &str {
            match w {
                "gop" => "republican",
                "democrat" => "democratic",
                _ => w,
            }
        }
        let has = |e: usize, m: &str| self.title_words[e].iter().any(|w| party(w) == party(m));
        search(&|e| {
            self.title_words[e]
                .iter()
                .any(|w| forms.contains(&w.as_str()))
                && modifiers.iter().all(|m| has(e, m))
        })
        .or_else(|| {
            // A party's nominee or candidate is the person of that party ("The GOP nominee"
            // after "Republican Donald Trump").
            let party_word = modifiers
                .iter()
                .find(|m| matches!(party(m), "republican" | "democratic"))?;
            matches!(noun, "nominee" | "candidate")
                .then(|| search(&|e| self.kinds[e] == EntityKind::Person && has(e, party_word)))
                .flatten()
        })
    }

    /// The person a story is about, for a nominal that only describes someone prominent
    /// ("the New York businessman", "the real estate mogul", "the front-runner"): the person
    /// named most often before it. Not for a party's nominee ("the Democratic nominee" is no
    /// Republican's), which titles decide.
    fn protagonist_described(&self, nominal: &Mention, pronoun: Option<Pronoun>) -> Option<usize> {
        const DESCRIPTIONS: &[&str] = &[
            "businessman",
            "businesswoman",
            "billionaire",
            "mogul",
            "tycoon",
            "magnate",
            "developer",
            "front-runner",
            "frontrunner",
            "nominee",
            "candidate",
            "hopeful",
            "standard-bearer",
        ];
        let word = |t: usize| self.doc.token_text(t).to_lowercase();
        // (Not a possessor: "the candidate's friends" are not the candidate.)
        let described = DESCRIPTIONS.contains(&word(nominal.last).as_str())
            && !self.is_possessor(nominal)
            && (nominal.first..nominal.last).all(|t| {
                !matches!(
                    word(t).as_str(),
                    "republican" | "democratic" | "democrat" | "gop" | "libertarian" | "green"
                )
            });
        if !described {
            return None;
        }
        // The most named in its paragraph and the few before (a live blog's entries each have
        // theirs), then within reach; of those tied, the first named (a story names its
        // subject first).
        let k = self.mentions.partition_point(|m| m.last < nominal.first);
        let reach = k.saturating_sub(MENTION_REACH)..k;
        let paragraph = self.paragraph_of_token(nominal.first);
        let mut counts: std::collections::HashMap<usize, (usize, usize)> = Default::default();
        for m in reach.clone() {
            if let Some(e) = self.entity_of[m].filter(|&e| {
                self.kinds[e] == EntityKind::Person
                    && pronoun.is_none_or(|p| self.fits_pronoun(e, p))
            }) {
                let near = paragraph
                    .saturating_sub(self.paragraph_of_token(self.mentions[m].first))
                    <= SPEAKER_REACH_PARAGRAPHS;
                let (near_count, count) = counts.entry(e).or_default();
                *near_count += usize::from(near);
                *count += 1;
            }
        }
        let most = counts.values().copied().max()?;
        reach
            .filter_map(|m| self.entity_of[m])
            .find(|e| counts.get(e) == Some(&most))
    }

    /// The organization an organization nominal ("the outlet", "the committee") ending at
    /// token `head` stands for: the latest named before it whose name fits the noun.
    pub fn organization_for(&self, head: usize) -> Option<usize> {
        let noun = self.doc.token_text(head).to_lowercase();
        self.latest_matching(head, |e| {
            self.kinds[e] == EntityKind::Organization
                && fits_organization_noun(self.names[e], &noun)
        })
    }

    /// For an institution or outlet nominal opening a story or an entry ("A federal appeals
    /// court ruled ...") with none named before it: the first named after it, within a few
    /// paragraphs, whose name holds the noun ("the Acme Court of Appeals").
    fn institution_named_after(&self, head: usize) -> Option<usize> {
        let noun = self.doc.token_text(head).to_lowercase();
        if !INSTITUTION_NOUNS.contains(&noun.as_str()) && !MEDIA_NOUNS.contains(&noun.as_str()) {
            return None;
        }
        let reach = self.paragraph_of_token(head) + SPEAKER_REACH_PARAGRAPHS;
        let k = self.mentions.partition_point(|m| m.first <= head);
        (k..self.mentions.len().min(k + MENTION_REACH))
            .take_while(|&m| self.paragraph_of_token(self.mentions[m].first) <= reach)
            .filter_map(|m| self.entity_of[m])
            .find(|&e| {
                self.kinds[e] == EntityKind::Organization
                    && fits_organization_noun(self.names[e], &noun)
            })
    }

    fn latest_matching(&self, t: usize, fits: impl Fn(usize) -> bool) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.last < t);
        (k.saturating_sub(MENTION_REACH)..k)
            .rev()
            .filter_map(|m| self.entity_of[m])
            .find(|&e| fits(e))
    }

    fn next_matching(&self, t: usize, fits: impl Fn(usize) -> bool) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.first <= t);
        (k..self.mentions.len().min(k + MENTION_REACH))
            .filter_map(|m| self.entity_of[m])
            .find(|&e| fits(e))
    }

    /// The latest person before token `t` that "he" or "she" may stand for: not one whose
    /// title or first name says the other gender.
    pub fn latest_person_for(&self, t: usize, pronoun: Pronoun) -> Option<usize> {
        self.latest_person_but(t, pronoun, None)
    }

    /// The same, passing over `speaker` (inside someone's quotation, "he" is someone else).
    pub fn latest_person_but(
        &self,
        t: usize,
        pronoun: Pronoun,
        speaker: Option<usize>,
    ) -> Option<usize> {
        self.latest_person_outside(t, pronoun, speaker, &[])
    }

    /// The same, passing over the names quoted inside `spans` too (the words a pronoun source
    /// said: "“Here comes Hale,” she said"; but "Ms. Lee was shocked, she said" is Ms. Lee).
    fn latest_person_outside(
        &self,
        t: usize,
        pronoun: Pronoun,
        speaker: Option<usize>,
        spans: &[Span],
    ) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.last < t);
        (k.saturating_sub(MENTION_REACH)..k)
            .rev()
            .filter(|&m| {
                let first = self.mentions[m].first;
                let at = self.doc.tokens[first].span;
                !(spans.iter().any(|s| s.start <= at.start && at.end <= s.end)
                    && self.inside_quotation(first))
            })
            .filter_map(|m| self.entity_of[m])
            .find(|&e| {
                self.kinds[e] == EntityKind::Person
                    && self.fits_pronoun(e, pronoun)
                    && Some(e) != speaker
            })
    }

    /// Whether entity `e` may be a person "he", "she" or "the singer" stands for: not an
    /// organization nor a place (a show's name the kind classifier read as one).
    fn may_be_person(&self, e: usize) -> bool {
        matches!(self.kinds[e], EntityKind::Person | EntityKind::Unknown)
    }

    /// Whether "he" or "she" may stand for entity `e`: not when its title or first name says
    /// the other gender, nor when it is a group.
    pub(crate) fn fits_pronoun(&self, e: usize, pronoun: Pronoun) -> bool {
        !self.not_he_or_she[e]
            && !matches!(
                (self.genders[e], pronoun),
                (Some(Gender::Male), Pronoun::Female) | (Some(Gender::Female), Pronoun::Male)
            )
    }

    /// For a pronoun at token `t`: the entities that `fits` that its own sentence (before it)
    /// and the sentence before name outside quotation marks, and of those the ones named first
    /// in their sentence, near its start (the subjects a pronoun mostly takes up), latest first:
    /// `(subjects, named)` of its own sentence alone, then of both.
    fn named_before(&self, t: usize, fits: impl Fn(usize) -> bool) -> [NamedBefore; 2] {
        /// How far into its sentence a subject's name may start ("For months, Hale has ...").
        const SUBJECT_REACH: usize = 5;
        let doc = self.doc;
        let s = doc.sentence_index(doc.tokens[t].span.start);
        let quoted = |m: &Mention| self.inside_quotation(m.first);
        let (mut named, mut subjects) = (Vec::new(), Vec::new());
        let mut own = None;
        for sentence in (s.saturating_sub(1)..=s).rev() {
            let Some(span) = doc.sentences.get(sentence) else {
                continue;
            };
            let first = after_run_in_head(doc, doc.token_at_or_after(span.start));
            let range = first..doc.token_at_or_after(span.end).min(t);
            for (k, m) in self.mentions_in(&range).enumerate() {
                let mention = &self.mentions[m];
                // A title opening the sentence that stands for a person named before ("In
                // defeat, the president appeared cowed. ... he") names that person (the first
                // mention only: a title's person is looked for mentions back).
                let titled = || match mention.kind {
                    MentionKind::Nominal {
                        definite: true,
                        organization: false,
                    } if k == 0 => self.titled_for(mention.first, mention.last),
                    _ => None,
                };
                let Some(e) = self.entity_of[m].or_else(titled) else {
                    continue;
                };
                if !fits(e) || quoted(mention) {
                    continue;
                }
                // The subject of the sentence's main verb, wherever it starts ("Asked about
                // the polls on a radio show, Trump said ...", "In the back of the jet, Mr.
                // Allen put seats ... He agreed").
                let main_subject = main_verb_of_subject(doc, mention.last).is_some();
                if main_subject && !subjects.contains(&e) {
                    subjects.push(e);
                }
                named.push(e);
                // (Not a name after a preposition: "Campaigning against Mitt Romney, he ...";
                // but "As for Trump, he ..." names its topic.)
                let object = mention.first.checked_sub(1).is_some_and(|p| {
                    let topic = matches!(doc.token_text(p), "for" | "to")
                        && p > first
                        && doc.token_text(p - 1).eq_ignore_ascii_case("as");
                    p >= first && doc.upos.get(p) == Some(&Upos::Adp) && !topic
                });
                if k == 0
                    && mention.first < first + SUBJECT_REACH
                    && !object
                    && !subjects.contains(&e)
                {
                    subjects.push(e);
                }
            }
            if sentence == s {
                own = Some((subjects.clone(), named.clone()));
            }
        }
        [own.unwrap_or_default(), (subjects, named)]
    }

    /// The entity a relative pronoun stands for: the name right before it, or for "who" the
    /// person a role before it stands beside.
    fn relative_antecedent(&self, relative: &Mention) -> Option<usize> {
        let who = self
            .doc
            .token_text(relative.first)
            .eq_ignore_ascii_case("who");
        self.name_before_relative(relative, who)
            .or_else(|| who.then(|| self.apposed_relative(relative.first)).flatten())
    }

    /// The name right before a relative pronoun ("Ed Rendell, who", "Schiff, 56, who", "the
    /// European Union, which"), a person's only for "who", no farther name ("the study --
    /// which notes" is not the person named sentences before).
    fn name_before_relative(&self, relative: &Mention, who: bool) -> Option<usize> {
        let k = self.mentions.partition_point(|x| x.last < relative.first);
        let closest = k.checked_sub(1)?;
        let mut name = closest;
        // A name in parentheses after another is that one's state or party ("Sen. Bernie
        // Sanders (Vt.), who").
        let opens = self.mentions[name].first.checked_sub(1);
        if name > 0
            && opens.is_some_and(|p| {
                self.doc.token_text(p) == "(" && self.mentions[name - 1].last + 1 == p
            })
        {
            name -= 1;
        }
        let e = self.entity_of[name]?;
        // Only punctuation, an age and a party tag (", R-Ill.,") may stand between them.
        let mut t = self.mentions[closest].last + 1;
        let mut adjacent = true;
        while adjacent && t < relative.first {
            match crate::mentions::party_tag_ends(self.doc, t) {
                Some(end) => t = end + 1,
                None => {
                    adjacent = matches!(self.doc.upos.get(t), Some(Upos::Punct | Upos::Num));
                    t += 1;
                }
            }
        }
        (adjacent && (who || self.kinds[e] != EntityKind::Person)).then_some(e)
    }

    /// The person named right before the comma at token `comma`, past a parenthesis or an age
    /// ("Ann Hale (D),", "Hale, 56,"): whom a phrase of a role after the comma stands beside.
    fn person_before_comma(&self, comma: usize, opens_clause: bool) -> Option<usize> {
        const MAX_PARENTHESIS: usize = 8;
        if self.doc.token_text(comma) != "," {
            return None;
        }
        let mut t = comma.checked_sub(1)?;
        if self.doc.token_text(t) == ")" {
            let open = (t.saturating_sub(MAX_PARENTHESIS)..t)
                .rev()
                .find(|&k| self.doc.token_text(k) == "(")?;
            t = open.checked_sub(1)?;
        } else if self.doc.upos.get(t) == Some(&Upos::Num) {
            t = t
                .checked_sub(2)
                .filter(|&k| self.doc.token_text(k + 1) == ",")?;
        }
        // Names are short: the one ending at `t` starts a few mentions back.
        let k = self.mentions.partition_point(|m| m.first <= t);
        let m = (k.saturating_sub(MAX_NAME_MENTIONS_BACK)..k)
            .rev()
            .find(|&m| {
                self.mentions[m].last == t
                    && matches!(self.mentions[m].kind, MentionKind::Name { .. })
            })?;
        if opens_clause && !self.opens_clause(self.mentions[m].first) {
            return None;
        }
        let e = self.entity_of[m]?;
        (self.kinds[e] == EntityKind::Person).then_some(e)
    }

    /// Whether the name at token `first`, with its title, opens a clause: a sentence, or
    /// after a subordinator or a mark other than a comma; not an object ("As Hale attacked
    /// Cole, the crowd chanted", "For Cole, ...") nor the second of two ("hosts Ann Cole and
    /// Kim Lee, the senator said").
    fn opens_clause(&self, first: usize) -> bool {
        const MAX_TITLE_WORDS: usize = 4;
        let mut t = first;
        while t > 0
            && first - t < MAX_TITLE_WORDS
            && title_word(&self.doc.token_text(t - 1).to_lowercase()).is_some()
        {
            t -= 1;
        }
        let Some(before) = t.checked_sub(1) else {
            return true;
        };
        let sentence = |k: usize| self.doc.sentence_index(self.doc.tokens[k].span.start);
        sentence(before) != sentence(t)
            || self.doc.upos.get(before) == Some(&Upos::Sconj)
            || self.doc.upos.get(before) == Some(&Upos::Punct) && self.doc.token_text(before) != ","
    }

    /// The person a source that is only a role beside a name stands for ("Ann Hale (D), the
    /// mayor's opponent, called ...", where the source found is the role alone).
    fn apposed_source(&self, source: &[Range<usize>]) -> Option<usize> {
        let [range] = source else { return None };
        let mut comma = range.start.checked_sub(1)?;
        // "Hale, now the majority leader, said"
        if self.doc.upos.get(comma) == Some(&Upos::Adv) {
            comma = comma.checked_sub(1)?;
        }
        // One person's role ("the mayor's rival"), not a relative clause's subject ("whose
        // campaign") nor a group ("these people", "the attendees").
        let relative = matches!(
            self.doc.token_text(range.start).to_lowercase().as_str(),
            "who" | "whom" | "whose" | "which" | "that"
        );
        let role = range
            .clone()
            .take_while(|&t| !matches!(self.doc.upos.get(t), Some(Upos::Verb | Upos::Aux)))
            .find(|&t| self.names_people(t))
            .is_some_and(|head| !self.is_plural_noun(head));
        (role && !relative)
            .then(|| self.person_before_comma(comma, true))
            .flatten()
    }

    /// The person a relative pronoun after a role beside a name stands for ("Hale, now the
    /// majority leader, who", "Ann Hale, a campaign staffer-turned-lawyer who").
    fn apposed_relative(&self, relative: usize) -> Option<usize> {
        const MAX_ROLE_PHRASE: usize = 12;
        let head = (relative.saturating_sub(2)..relative)
            .rev()
            .find(|&t| self.doc.upos.get(t) != Some(&Upos::Punct))?;
        // One person's role: "Ann Cole and Kim Park, two aides who" are no one speaker. ("who"
        // makes any noun a role: "a legal assistant who", though GUM's assistants are mostly
        // software.)
        if self.doc.upos.get(head) != Some(&Upos::Noun) || self.is_plural_noun(head) {
            return None;
        }
        let hyphened = |t: usize| {
            [t.checked_sub(1), Some(t + 1)]
                .into_iter()
                .flatten()
                .any(|k| k < self.doc.tokens.len() && self.doc.token_text(k) == "-")
        };
        let in_phrase = |t: usize| match self.doc.upos.get(t) {
            Some(Upos::Verb) => hyphened(t),
            Some(
                Upos::Det
                | Upos::Adj
                | Upos::Noun
                | Upos::Propn
                | Upos::Num
                | Upos::Part
                | Upos::Adv,
            ) => true,
            _ => self.doc.token_text(t) == "-",
        };
        let comma = (head.saturating_sub(MAX_ROLE_PHRASE)..head)
            .rev()
            .take_while(|&t| self.doc.token_text(t) == "," || in_phrase(t))
            .find(|&t| self.doc.token_text(t) == ",")?;
        // "who" may stand for an object's name ("a rift with Hale, now the party leader, who").
        self.person_before_comma(comma, false)
    }

    /// Whether the noun at token `t` is plural ("researchers", "the authors"): a group, no one
    /// speaker.
    fn is_plural_noun(&self, t: usize) -> bool {
        is_plural_word(&self.doc.token_text(t).to_lowercase())
    }

    /// The entity whose canonical name a one-span source is, word for word ("The" aside).
    fn entity_named(&self, source: &[Span]) -> Option<usize> {
        let [span] = source else { return None };
        let text = self
            .doc
            .slice(*span)
            .trim_matches(|c: char| !c.is_alphanumeric());
        let text = text.strip_prefix("The ").unwrap_or(text);
        self.names
            .iter()
            .position(|name| name.strip_prefix("The ").unwrap_or(name) == text)
            .or_else(|| {
                // A surname alone, of one person only ("Cook declined", where the tagger took
                // "Cook" for a verb, after "Peter Cook").
                let one_word = text.starts_with(char::is_uppercase)
                    && text
                        .chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
                let mut people = (0..self.names.len()).filter(|&e| {
                    self.kinds[e] == EntityKind::Person
                        && self.names[e].contains(' ')
                        && self.names[e].rsplit(' ').next() == Some(text)
                });
                let first = people.next();
                (one_word && people.next().is_none())
                    .then_some(first)
                    .flatten()
            })
    }

    /// Whether a source opens with a mention joined by "and" to what follows ("Trump and his
    /// aides", "The Republican nominee and his aides", "Obama and Clinton's gut reaction").
    fn opens_with_two_parties(&self, in_source: &[usize], source: &[Range<usize>]) -> bool {
        let (Some(&first), Some(range)) = (in_source.first(), source.first()) else {
            return false;
        };
        let m = &self.mentions[first];
        let and = m.last + 1;
        m.first == range.start && range.contains(&and) && self.doc.token_text(and) == "and"
    }

    /// Whether a source is only a document: a determiner, modifiers and a document noun ("a
    /// statement", "The recording", "the new data").
    fn is_document(&self, source: &[Range<usize>]) -> bool {
        let [range] = source else { return false };
        let Some(last) = range.end.checked_sub(1).filter(|&l| l >= range.start) else {
            return false;
        };
        let first = range.start;
        let word = |t: usize| self.doc.token_text(t).to_lowercase();
        matches!(word(first).as_str(), "a" | "an" | "the" | "this" | "that")
            && DOCUMENT_NOUNS.contains(&word(last).as_str())
            && (first + 1..last).all(|t| {
                matches!(
                    self.doc.upos.get(t),
                    Some(Upos::Adj | Upos::Noun | Upos::Num)
                )
            })
    }

    /// Whether "it" at token `t` takes up a document or a recording ("The ad then cites
    /// ... It also shows ...", "the study finds. It also warns ..."): the subject of
    /// the main verb of its sentence before it, or of the sentence before when "it" opens its
    /// own, is one (with a parse).
    fn document_before(&self, t: usize) -> bool {
        const RECORDINGS: &[&str] = &["ad", "video", "clip", "footage", "advertisement"];
        let doc = self.doc;
        if !doc.is_parsed() {
            return false;
        }
        let s = doc.sentence_index(doc.tokens[t].span.start);
        let Some(&sentence) = doc.sentences.get(s) else {
            return false;
        };
        let opens = doc.token_at_or_after(sentence.start) == t;
        let range = match (opens, s.checked_sub(1)) {
            (true, Some(before)) => doc.tokens_in(doc.sentences[before]),
            (true, None) => return false,
            (false, _) => doc.token_at_or_after(sentence.start)..t,
        };
        range.clone().any(|k| {
            main_verb_of_subject(doc, k).is_some_and(|verb| range.contains(&verb)) && {
                let word = doc.token_text(k).to_lowercase();
                DOCUMENT_NOUNS.contains(&word.as_str()) || RECORDINGS.contains(&word.as_str())
            }
        })
    }

    /// Whether a source names a poll, which is no one's whoever ran it.
    fn mentions_poll(&self, source: &[Range<usize>]) -> bool {
        source.iter().flat_map(|r| r.clone()).any(|t| {
            self.doc.upos.get(t) == Some(&Upos::Noun)
                && matches!(
                    self.doc.token_text(t).to_lowercase().as_str(),
                    "poll" | "polls"
                )
        })
    }

    fn is_possessor(&self, m: &Mention) -> bool {
        self.doc.tokens.get(m.last + 1).is_some() && {
            let next = self.doc.token_text(m.last + 1);
            // A lone apostrophe after an "s" is a plural's or an "-s" name's ("The Times'
            // Michael Paulson"), when a word follows it (not a closing quotation mark).
            let after_s = matches!(next, "'" | "’")
                && self.doc.token_text(m.last).ends_with('s')
                && matches!(
                    self.doc.upos.get(m.last + 2),
                    Some(Upos::Noun | Upos::Propn | Upos::Adj)
                );
            next == "'s" || next == "’s" || after_s
        }
    }

    /// A name before a common noun, a title, another name (or role words and then a name) or a
    /// capitalized adjective of the same source modifies it ("Hale spokeswoman Dana
    /// Ruiz", "Hale supporters", "Homeland Security Secretary Bo Lee", "South Korean
    /// President Kim Ha-na", "Hale senior adviser Jo Tapp"), as does a name hyphened
    /// to a word ("Texas-based"): it is not who speaks. (A noun outside the source is not
    /// modified by it: in a headline, "Bill Clinton calls ..." often tags the cue a noun.)
    fn is_modifier(&self, m: &Mention, source: &[Range<usize>]) -> bool {
        let next = m.last + 1;
        if !source.iter().any(|r| r.contains(&next)) {
            return false;
        }
        let word = self.doc.token_text(next).to_lowercase();
        // A name hyphened to a lowercase word makes a modifier of them ("Ohio-based Tom
        // Hale", "Co-moderator Ann Reyes").
        let tokens = &self.doc.tokens;
        let hyphened = word == "-"
            && tokens.get(next + 1).is_some_and(|after| {
                tokens[m.last].span.end == tokens[next].span.start
                    && tokens[next].span.end == after.span.start
                    && self
                        .doc
                        .token_text(next + 1)
                        .starts_with(char::is_lowercase)
            });
        // A document's author is who speaks through it ("the IMF report", "a Homeland
        // Security memo").
        hyphened
            || !DOCUMENT_NOUNS.contains(&word.as_str())
                && (self.doc.upos.get(next) == Some(&Upos::Noun)
                    || self.doc.upos.get(next) == Some(&Upos::Adj)
                        && self.doc.token_text(next).starts_with(char::is_uppercase)
                    || title_word(&word).is_some()
                    || self.name_after_role_words(next, source))
    }

    /// Whether a name starts at token `t` of a source or after nouns, adjectives and
    /// capitalized proper nouns from `t` that no name holds: the role between an office and
    /// its holder ("Lake County Recorder Ann Reyes", "Hale Communications Director
    /// Dana Kim", "Hale senior adviser Jo Tapp"); not across a headline's other
    /// words ("Hale And Reyes").
    fn name_after_role_words(&self, t: usize, source: &[Range<usize>]) -> bool {
        const MAX_ROLE_WORDS: usize = 4;
        let is_name = |k: usize| matches!(self.mentions[k].kind, MentionKind::Name { .. });
        let role_word = |k: usize| {
            matches!(self.doc.upos.get(k), Some(Upos::Noun | Upos::Adj))
                || self.doc.upos.get(k) == Some(&Upos::Propn)
                    && self.doc.token_text(k).starts_with(char::is_uppercase)
        };
        let Some(range) = source.iter().find(|r| r.contains(&t)) else {
            return false;
        };
        (t..range.end)
            .take(MAX_ROLE_WORDS + 1)
            .find(|&k| self.mention_at(k).is_some_and(is_name) || !role_word(k))
            .is_some_and(|k| self.mention_at(k).is_some_and(is_name))
    }

    /// Whether a name only qualifies the unnamed person a source is about ("A spokeswoman for
    /// Hillary Clinton", "Gary Johnson's doctor"): that person speaks, not the name's bearer.
    fn qualifies_a_person(&self, m: &Mention, source: &[Range<usize>]) -> bool {
        let Some(range) = source.iter().find(|r| r.contains(&m.first)) else {
            return false;
        };
        // (Past the name's title: "a spokesman for Gov. Ann Lee".)
        let mut first = m.first;
        while first > range.start
            && title_word(&self.doc.token_text(first - 1).to_lowercase()).is_some()
        {
            first -= 1;
        }
        // ("Secretary of State John Kerry": "of" inside the title qualifies no one.)
        let inside_title = first < m.first
            && first >= 2
            && self.doc.token_text(first - 1).eq_ignore_ascii_case("of")
            && title_word(&self.doc.token_text(first - 2).to_lowercase()).is_some();
        let before = first
            .checked_sub(1)
            .filter(|&k| range.contains(&k) && !inside_title);
        // (A title written as a name counts: "Senator from Texas says ...".)
        let after_preposition = before.is_some_and(|k| {
            matches!(
                self.doc.token_text(k).to_lowercase().as_str(),
                "for" | "of" | "at" | "from" | "with" | "to" | "on" | "in"
            ) && (range.start..k).any(|t| {
                self.names_people(t)
                    || crate::mentions::is_person_title(&self.doc.token_text(t).to_lowercase())
            })
        });
        let possessor_of_person = self.is_possessor(m)
            && (m.last + 2..range.end.min(m.last + 6)).any(|t| self.names_people(t));
        // A name inside what qualifies a group before it: "Unions, including the Acme
        // Federation,", "Judges handling Acme lawsuits", "Firms that had insured Acme's mines"
        // (not "Clinton aides Jo Tapp and Al Roe", the group's own names).
        let group = |p: usize| {
            let word = self.doc.token_text(p).to_lowercase();
            let bodies = word.strip_suffix('s').is_some_and(|one| {
                INSTITUTION_NOUNS.contains(&one) || ORGANIZATION_NOUNS.contains(&one)
            });
            self.is_plural_noun(p) && (self.names_people(p) || bodies)
        };
        let qualifying = |t: usize| {
            let word = self.doc.token_text(t).to_lowercase();
            let relative = matches!(word.as_str(), "that" | "who" | "which")
                && self.doc.upos.get(t) != Some(&Upos::Det);
            self.doc.upos.get(t) == Some(&Upos::Verb)
                || relative
                || matches!(word.as_str(), "including" | "like" | "such")
        };
        // (One pass: a group noun seen, then a qualifying word.)
        let mut group_seen = false;
        let in_group_modifier = (range.start..m.first).any(|t| {
            let qualifies = group_seen && qualifying(t);
            group_seen |= group(t);
            qualifies
        });
        // Who came by a document is not who wrote it ("a memo obtained by the Hale Times").
        let came_by = before.is_some_and(|k| {
            self.doc.token_text(k) == "by"
                && k > range.start
                && matches!(
                    self.doc.token_text(k - 1).to_lowercase().as_str(),
                    "obtained" | "reviewed" | "seen" | "acquired" | "viewed"
                )
        });
        after_preposition || possessor_of_person || in_group_modifier || came_by
    }

    /// Whether token `t` is a noun naming people, a person ("spokeswoman") or a body of them
    /// ("campaign", "administration"): what a possessor before it only qualifies.
    fn names_people(&self, t: usize) -> bool {
        let word = self.doc.token_text(t).to_lowercase();
        // A host's show speaks for its host, as a document for its author ("His program on
        // Monday featured ...").
        let broadcast = matches!(word.as_str(), "show" | "program" | "programme" | "podcast");
        self.doc.upos.get(t) == Some(&Upos::Noun)
            && !broadcast
            && (is_person_noun_word(&word)
                || word.strip_suffix('s').is_some_and(is_person_noun_word)
                || INSTITUTION_NOUNS.contains(&word.as_str())
                || ORGANIZATION_NOUNS.contains(&word.as_str()))
    }

    /// Whether a possessive pronoun only qualifies the people a source is about ("her
    /// campaign", "his aides"): they speak, not the pronoun's person.
    fn possessive_of_people(&self, m: &Mention, source: &[Range<usize>]) -> bool {
        matches!(
            self.doc.token_text(m.first).to_lowercase().as_str(),
            "his" | "her" | "their" | "its"
        ) && source
            .iter()
            .find(|r| r.contains(&m.first))
            .is_some_and(|r| (m.last + 1..r.end.min(m.last + 4)).any(|t| self.names_people(t)))
    }

    /// The speaker of a transcript turn: a name and a colon opening the paragraph of token `t`.
    fn turn_speaker(&self, t: usize) -> Option<usize> {
        let paragraph = self.doc.paragraphs.get(self.paragraph_of_token(t))?;
        let first = self.doc.token_at_or_after(paragraph.start);
        // The paragraph may open with a quotation mark before the name.
        let start = (first..first + 2).find(|&k| self.mention_at(k).is_some())?;
        let m = self.mention_at(start)?;
        let mention = &self.mentions[m];
        let colon = self.doc.tokens.get(mention.last + 1)?;
        (matches!(mention.kind, MentionKind::Name { .. }) && self.doc.slice(colon.span) == ":")
            .then_some(self.entity_of[m])
            .flatten()
    }

    /// For each paragraph, the writer who signs it or a later one: a paragraph that is only a
    /// person's name ("Michael Pravica." under a reader's letter), else the person a closing
    /// paragraph says the author is ("Dana Ruiz is writer-in-residence at ...").
    fn signed_writers(&self) -> Vec<Option<usize>> {
        let person = |m: usize| {
            matches!(self.mentions[m].kind, MentionKind::Name { .. })
                && self.entity_of[m].is_some_and(|e| {
                    !matches!(self.kinds[e], EntityKind::Organization | EntityKind::Place)
                })
        };
        let opening_name = |paragraph: Span| {
            let tokens = self.doc.tokens_in(paragraph);
            let m = self.mention_at(tokens.start).filter(|&m| person(m))?;
            Some((m, tokens))
        };
        let signature = |paragraph: Span| {
            let (m, tokens) = opening_name(paragraph)?;
            let last = self.mentions[m].last;
            let alone = last + 1 == tokens.end
                || last + 2 == tokens.end && self.doc.token_text(last + 1) == ".";
            (alone && last > self.mentions[m].first).then_some(self.entity_of[m]?)
        };
        let closing_line = self.doc.paragraphs.last().and_then(|&paragraph| {
            let (m, tokens) = opening_name(paragraph)?;
            let verb = self.mentions[m].last + 1;
            (verb < tokens.end && matches!(self.doc.token_text(verb), "is" | "was"))
                .then_some(self.entity_of[m]?)
        });
        let mut writers = vec![closing_line; self.doc.paragraphs.len()];
        let mut next = closing_line;
        for (k, &paragraph) in self.doc.paragraphs.iter().enumerate().rev() {
            next = signature(paragraph).or(next);
            writers[k] = next;
        }
        writers
    }

    /// Whether token `t` starts inside a quotation the quotation stage found (they come in
    /// text order: the last one opening before the token is the one that may hold it).
    fn inside_quotation(&self, t: usize) -> bool {
        let start = self.doc.tokens[t].span.start;
        let k = self.doc.quotes.partition_point(|q| q.span.start <= start);
        k > 0 && start < self.doc.quotes[k - 1].span.end
    }

    /// A source of one piece ending in a person noun that the mention stage made no mention
    /// of, as when a headline's verb is tagged a noun and takes the noun before it for its
    /// modifier ("Former chairman urges plan"): a nominal over the piece.
    fn headline_person_noun(&self, source: &[Range<usize>]) -> Option<Mention> {
        let [piece] = source else { return None };
        let last = piece.end.checked_sub(1).filter(|&t| t >= piece.start)?;
        let noun = self.doc.token_text(last).to_lowercase();
        let person = self.doc.upos.get(last) == Some(&Upos::Noun)
            && is_person_noun_word(&noun)
            && !self.is_plural_noun(last);
        person.then_some(Mention {
            first: piece.start,
            last,
            kind: MentionKind::Nominal {
                organization: false,
                definite: false,
            },
        })
    }

    /// Whether a paragraph is a story's headline or lede, or opens an entry of a live blog
    /// (right after its time, "2:45 p.m."), whose unnamed speaker the entry names later.
    fn opens_entry(&self, paragraph: usize) -> bool {
        paragraph <= LEDE_PARAGRAPHS
            || paragraph
                .checked_sub(1)
                .and_then(|p| self.doc.paragraphs.get(p))
                .is_some_and(|p| is_time_of_day(self.doc.slice(*p)))
    }

    fn paragraph_of_token(&self, t: usize) -> usize {
        self.doc.paragraph_of(self.doc.tokens[t].span.start)
    }

    fn span_of(&self, m: &Mention) -> Span {
        Span::new(
            self.doc.tokens[m.first].span.start,
            self.doc.tokens[m.last].span.end,
        )
    }
}

/// The addressee of an attribution whom its cue names ([`told_after`]), unless that is the
/// speaker.
pub fn addressee(
    told: Option<(Span, Option<usize>)>,
    speaker: Option<usize>,
) -> Option<(Span, Option<usize>)> {
    told.filter(|(_, e)| e.is_none() || *e != speaker)
}

/// The speaker entity of each attribution (in the document's order), and the source mentions
/// (pronouns, nominals) resolved along the way, as (entity, span). `told` is whom each
/// attribution's cue names ([`told_after`]).
pub fn resolve_speakers(
    cx: &Context,
    told: &[Option<(Span, Option<usize>)>],
) -> (Vec<Option<usize>>, Vec<(usize, Span)>) {
    let mut speakers = Vec::with_capacity(cx.doc.attributions.len());
    // For each attribution: whether a name in its source gave the speaker, and its paragraph.
    let mut named_here = Vec::with_capacity(cx.doc.attributions.len());
    let mut waiting = Vec::new();
    let mut resolved_mentions = Vec::new();
    // The latest speaker and the paragraph it spoke in.
    let mut latest: Option<(usize, usize)> = None;
    // Computed for the first "I" source only: most documents have none.
    let writers = std::cell::OnceCell::new();
    for (k, a) in cx.doc.attributions.iter().enumerate() {
        let mut source = cx.tokens(&a.source);
        // A source in pieces is the model's guess at two phrases ("Barbra Streisand | Clinton
        // said"): the piece nearest the cue speaks, when a name or a pronoun is in it.
        if let (true, Some(cue)) = (source.len() > 1, cx.tokens(&a.cue).first()) {
            let distance = |r: &Range<usize>| {
                if r.end <= cue.start {
                    cue.start - r.end
                } else {
                    r.start.saturating_sub(cue.start)
                }
            };
            let nearest = source.iter().min_by_key(|r| distance(r)).cloned();
            if let Some(piece) = nearest.filter(|piece| {
                cx.mentions_in(piece).any(|m| {
                    matches!(
                        cx.mentions[m].kind,
                        MentionKind::Name { .. } | MentionKind::Pronoun(_)
                    )
                })
            }) {
                source = vec![piece];
            }
        }
        let anchor = source
            .first()
            .map(|r| r.start)
            .or_else(|| a.content.first().map(|c| cx.doc.token_at_or_after(c.start)))
            .unwrap_or(0)
            .min(cx.doc.tokens.len().saturating_sub(1));
        let paragraph = if cx.doc.tokens.is_empty() {
            0
        } else {
            cx.paragraph_of_token(anchor)
        };
        let recent = |reach: usize| {
            latest
                .filter(|&(_, p)| paragraph.saturating_sub(p) <= reach)
                .map(|(e, _)| e)
        };
        let mut speaker = None;
        // A speaker named here, and a person nominal of a headline or lede left unresolved.
        let mut by_name = false;
        // The writer speaking as "I" is no one "he" or "she" will stand for.
        let mut by_writer = false;
        let mut unnamed_nominal = None;
        // The name a nominal's person is qualified by ("Hale's adviser"): not that person.
        let mut qualifier = None;
        if !source.is_empty() {
            let mut in_source: Vec<usize> = source.iter().flat_map(|r| cx.mentions_in(r)).collect();
            // A source opening with "who" is the name "who" stands for, not one in its clause
            // ("who once chaired the party").
            if let Some(&m) = in_source.first().filter(|&&m| {
                cx.mentions[m].kind == MentionKind::Pronoun(Pronoun::Relative)
                    && cx.mentions[m].first == source[0].start
            }) {
                in_source = vec![m];
            }
            // The name that is the source's head: not a possessor ("CNN's") nor a modifier
            // ("Stein spokeswoman", "The New York businessman") when there is another, else a
            // possessor ("Donald Trump's claim"); with no name, a pronoun or a nominal.
            let names: Vec<usize> = in_source
                .iter()
                .copied()
                .filter(|&m| {
                    matches!(cx.mentions[m].kind, MentionKind::Name { .. })
                        && cx.entity_of[m].is_some()
                })
                .collect();
            let heads: Vec<usize> = names
                .iter()
                .copied()
                .filter(|&m| {
                    !cx.is_possessor(&cx.mentions[m]) && !cx.is_modifier(&cx.mentions[m], &source)
                })
                .collect();
            // A person's name set off by a comma right after a name that qualifies a person is
            // that person ("An attorney for Hale, Ann Lee, said": Ann Lee).
            let opens_with_nominal = in_source.first().is_some_and(|&m| {
                matches!(
                    cx.mentions[m].kind,
                    MentionKind::Nominal {
                        organization: false,
                        ..
                    }
                ) && cx.mentions[m].first == source[0].start
            });
            let apposed_to_qualifier =
                heads
                    .get(..2)
                    .filter(|_| opens_with_nominal)
                    .and_then(|pair| {
                        let (qualifier, name) = (&cx.mentions[pair[0]], &cx.mentions[pair[1]]);
                        (name.first == qualifier.last + 2
                            && cx.doc.token_text(qualifier.last + 1) == ","
                            && cx.entity_of[pair[1]]
                                .is_some_and(|e| cx.kinds[e] == EntityKind::Person)
                            && cx.qualifies_a_person(qualifier, &source))
                        .then_some(pair[1])
                    });
            let named = apposed_to_qualifier.or(heads.first().copied()).or_else(|| {
                names
                    .iter()
                    .copied()
                    .find(|&m| cx.is_possessor(&cx.mentions[m]))
            });
            // Two people named together ("Mr. Hale and Mr. Lee say") are no one speaker
            // (the first name and the next: "The Center at the Acme Institute and Hale
            // University" is the Center's).
            let coordinated = heads.get(..2).is_some_and(|pair| {
                let (a, b) = (&cx.mentions[pair[0]], &cx.mentions[pair[1]]);
                let between = a.last + 1..b.first;
                cx.entity_of[pair[0]] != cx.entity_of[pair[1]]
                    && between.clone().any(|t| cx.doc.token_text(t) == "and")
                    && between.into_iter().all(|t| {
                        let w = cx.doc.token_text(t);
                        w == "and" || w == "," || title_word(&w.to_lowercase()).is_some()
                    })
            });
            by_name = named.is_some() && !coordinated;
            // The first mention that is not a name modifying it ("A New York judge",
            // "Connecticut's tax commissioner").
            let qualified = named.is_some_and(|m| cx.qualifies_a_person(&cx.mentions[m], &source));
            qualifier = named.filter(|_| qualified).and_then(|m| cx.entity_of[m]);
            if (named.is_none() || qualified) && cx.opens_entry(paragraph) {
                unnamed_nominal = in_source
                    .iter()
                    .map(|&m| &cx.mentions[m])
                    .find(|m| !matches!(m.kind, MentionKind::Name { .. }))
                    .filter(|m| {
                        matches!(
                            m.kind,
                            MentionKind::Nominal {
                                organization: false,
                                ..
                            }
                        ) && !cx.is_plural_noun(m.last)
                    })
                    .cloned()
                    .or_else(|| cx.headline_person_noun(&source));
            }
            // A name that only modifies an organization noun ("The Trump team") does not let
            // the noun stand for the latest organization.
            let only_modifiers = !names.is_empty() && named.is_none();
            // A role beside a name, cut from it ("Ann Hale (D), [the mayor's opponent,]").
            let apposed = heads
                .is_empty()
                .then(|| cx.apposed_source(&source))
                .flatten();
            speaker = match named {
                _ if coordinated => None,
                _ if apposed.is_some() => apposed,
                Some(m) if cx.qualifies_a_person(&cx.mentions[m], &source) => None,
                Some(m) => cx.entity_of[m],
                // (A pronoun in the object case is not who speaks: "Those close to him".)
                None => in_source
                    .iter()
                    .find(|&&m| {
                        !matches!(cx.mentions[m].kind, MentionKind::Name { .. })
                            && !matches!(
                                cx.doc
                                    .token_text(cx.mentions[m].first)
                                    .to_lowercase()
                                    .as_str(),
                                "him" | "them" | "me" | "us"
                            )
                    })
                    .and_then(|&m| {
                        let mention = &cx.mentions[m];
                        let found = match mention.kind {
                            MentionKind::Pronoun(Pronoun::Male | Pronoun::Female)
                                if cx.possessive_of_people(mention, &source) =>
                            {
                                None
                            }
                            MentionKind::Pronoun(p @ (Pronoun::Male | Pronoun::Female)) => {
                                // "he told Hannity": he is not Hannity.
                                let told = told[k].and_then(|(_, e)| e);
                                let fits = |e: usize| cx.fits_pronoun(e, p) && Some(e) != told;
                                let speaker = recent(SPEAKER_REACH_PARAGRAPHS)
                                    .filter(|&e| cx.may_be_person(e) && fits(e));
                                let person =
                                    |e: usize| cx.kinds[e] == EntityKind::Person && fits(e);
                                // Someone else opening the pronoun's own sentence, which does
                                // not name the speaker ("Ann Lee sang when she added ..."),
                                // unless a content comes first in it ("Cole is no
                                // conservative, he said"): of the attributions around this
                                // one, in text order, one may hold it.
                                let at = cx.doc.tokens[mention.first].span.start;
                                let sentence_start = cx.doc.sentence_at(at).map_or(0, |s| s.start);
                                let nearby =
                                    k.saturating_sub(2)..(k + 3).min(cx.doc.attributions.len());
                                let fronted = || {
                                    cx.doc.attributions[nearby.clone()]
                                        .iter()
                                        .flat_map(|b| &b.content)
                                        .any(|c| c.start < at && c.end > sentence_start)
                                };
                                let [(own_subjects, own_named), (subjects, named)] =
                                    cx.named_before(mention.first, person);
                                let own_subject = speaker.filter(|_| !fronted()).and_then(|s| {
                                    own_subjects
                                        .first()
                                        .copied()
                                        .filter(|_| !own_named.contains(&s))
                                });
                                // Else the latest speaker, unless the pronoun's sentence or
                                // the one before opens with someone else and does not name the
                                // speaker ("For months, Hale has faced questions ... He has
                                // answered ...").
                                own_subject.or(match (subjects.first(), speaker) {
                                    (Some(&e), Some(s)) if !named.contains(&s) => Some(e),
                                    (_, Some(s)) => Some(s),
                                    _ => {
                                        cx.latest_person_outside(mention.first, p, told, &a.content)
                                    }
                                })
                            }
                            MentionKind::Pronoun(Pronoun::Relative) => {
                                cx.relative_antecedent(mention)
                            }
                            // "I" outside quotation marks in a letter or an op-ed: its writer,
                            // when the text signs it.
                            MentionKind::Pronoun(Pronoun::FirstPerson)
                                if matches!(
                                    cx.doc.token_text(mention.first).to_lowercase().as_str(),
                                    "i" | "me" | "myself"
                                ) && !cx.inside_quotation(mention.first) =>
                            {
                                by_writer = true;
                                writers
                                    .get_or_init(|| cx.signed_writers())
                                    .get(paragraph)
                                    .copied()
                                    .flatten()
                            }
                            MentionKind::Nominal {
                                organization: true,
                                definite: true,
                            } if !only_modifiers => cx.organization_for(mention.last),
                            // "A federal appeals court ruled ..." opening a story.
                            MentionKind::Nominal {
                                organization: true,
                                definite: false,
                            } if !only_modifiers && cx.opens_entry(paragraph) => {
                                cx.institution_named_after(mention.last)
                            }
                            MentionKind::Nominal {
                                definite: true,
                                organization: false,
                            } if !cx.is_plural_noun(mention.last) => {
                                cx.titled_for(mention.first, mention.last).or_else(|| {
                                    // "the woman" is not the man speaking: better no speaker
                                    // than the wrong one.
                                    let noun = cx.doc.token_text(mention.last).to_lowercase();
                                    let pronoun = noun_gender(&noun).map(|g| match g {
                                        Gender::Male => Pronoun::Male,
                                        Gender::Female => Pronoun::Female,
                                    });
                                    recent(SPEAKER_REACH_PARAGRAPHS)
                                        .filter(|&e| {
                                            cx.may_be_person(e)
                                                && pronoun.is_none_or(|p| cx.fits_pronoun(e, p))
                                        })
                                        .or_else(|| cx.protagonist_described(mention, pronoun))
                                })
                            }
                            _ => None,
                        };
                        if let Some(e) = found {
                            resolved_mentions.push((e, cx.span_of(mention)));
                        }
                        found
                    }),
            };
            // A source the mention stage found no name in that is written as an entity's name
            // ("Politifact: ..." opening a story, where the tagger took it for a common noun).
            // "it" is the organization that spoke last, within a few paragraphs ("the IMF said
            // ... It forecast ..."), else the one its sentence or the one before names first
            // ("Although the IMF did not single out ..., it referenced ...").
            if speaker.is_none() && in_source.is_empty() {
                let it = source.len() == 1
                    && source[0].len() == 1
                    && matches!(
                        cx.doc.token_text(source[0].start).to_lowercase().as_str(),
                        "it" | "its"
                    );
                let organization = |e: usize| cx.kinds[e] == EntityKind::Organization;
                speaker = cx.entity_named(&a.source).or_else(|| {
                    // A document that speaks in the paragraph where its author did is the
                    // author's ("The Security Council said ... The statement noted ..."); a
                    // paragraph later it may be anyone's (a senator's quotes, then "According
                    // to the report, ..."). A paragraph's reach got three more of PolNeAR
                    // dev's speakers right, but over PolNeAR train it named more documents
                    // wrongly than rightly.
                    if cx.is_document(&source) {
                        return recent(0);
                    }
                    if !it || cx.document_before(source[0].start) {
                        return None;
                    }
                    recent(SPEAKER_REACH_PARAGRAPHS)
                        .filter(|&e| organization(e))
                        .or_else(|| {
                            let [_, (subjects, named)] =
                                cx.named_before(source[0].start, organization);
                            subjects.first().or(named.first()).copied()
                        })
                });
            }
            // A poll is no one's, whoever ran it ("The Reuters/Ipsos poll showed"), and one
            // party and another are no one speaker ("Trump and his aides").
            if cx.mentions_poll(&source) || cx.opens_with_two_parties(&in_source, &source) {
                speaker = None;
            }
        } else if a.cue.is_empty() {
            // A transcript's turn ("WALLACE: ...") is its name's; any other quotation standing
            // alone goes on with the latest speaker.
            speaker = cx.turn_speaker(anchor).or_else(|| recent(1));
        }
        // A group named by one plural word ("many Democrats", "Americans") is a generic
        // source, like "critics": no one speaker.
        speaker = speaker.filter(|&e| !cx.groups[e]);
        if let Some(e) = speaker.filter(|_| !by_writer) {
            latest = Some((e, paragraph));
        }
        speakers.push(speaker);
        named_here.push((by_name && speaker.is_some(), paragraph));
        if speaker.is_none() {
            if let Some(m) = unnamed_nominal {
                waiting.push((speakers.len() - 1, paragraph, m, qualifier));
            }
        }
    }
    // A headline's or lede's unnamed person ("Lawmaker urges ...", "A former committee
    // chairman says ...") is the person the story names next with that title ("Indiana
    // governor endorses ..." is "Gov. Mike Pence", not the candidate who speaks first), else
    // the person it names as a speaker next.
    // (Someone named before the nominal is not whom it introduces: "A spokeswoman for Hale
    // said ..." and then Lee, named in the story before, speaks.)
    let first_named = if waiting.is_empty() {
        Vec::new()
    } else {
        let mut first_named = vec![usize::MAX; cx.kinds.len()];
        for (m, e) in cx.entity_of.iter().enumerate() {
            if let Some(e) = *e {
                first_named[e] = first_named[e].min(cx.mentions[m].first);
            }
        }
        first_named
    };
    for (k, paragraph, m, qualifier) in waiting {
        let span = cx.span_of(&m);
        let next = cx.titled_after(m.first, m.last).or_else(|| {
            (k + 1..speakers.len())
                .take_while(|&j| named_here[j].1 <= paragraph + SPEAKER_REACH_PARAGRAPHS)
                .find(|&j| named_here[j].0 && named_here[j].1 > paragraph)
                .and_then(|j| speakers[j])
                .filter(|&e| {
                    cx.kinds[e] == EntityKind::Person
                        && Some(e) != qualifier
                        && (paragraph <= LEDE_PARAGRAPHS || first_named[e] > m.last)
                })
        });
        if let Some(e) = next {
            speakers[k] = Some(e);
            resolved_mentions.push((e, span));
        }
    }
    (speakers, resolved_mentions)
}

/// How many words of roles and owners may come before the name an addressee ends in ("CNN's
/// Jake Tapper", "Fox News host Sean Hannity", "French television channel BFM TV").
const MAX_ADDRESSEE_ROLE_WORDS: usize = 6;

/// Whom a cue names after it as addressed: span and entity. A phrase of roles and owners that
/// ends in a name is that name's ("told CNN's Jake Tapper"), and a possessive's phrase is its
/// nouns ("told his supporters"); "asked what ..." has none. (It may be the speaker written
/// after the cue, "..., asked Sen. Maria Cantwell": [`addressee`] leaves that out.)
pub fn told_after(cx: &Context, cue: &[Span]) -> Option<(Span, Option<usize>)> {
    let c = last_cue_token(cx.doc, cue)?;
    if !sayso_attribution::cues::takes_addressee(cx.doc.token_text(c)) {
        return None;
    }
    let doc = cx.doc;
    let next = c + 1;
    if next >= doc.tokens.len() {
        return None;
    }
    let word = doc.token_text(next).to_lowercase();
    if matches!(
        word.as_str(),
        "what"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "why"
            | "how"
            | "when"
            | "where"
            | "whether"
            | "if"
    ) {
        return None;
    }
    let span = |first: usize, last: usize| {
        Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end)
    };
    let possessive = |k: usize| matches!(doc.token_text(k), "'s" | "’s" | "'" | "’");
    let noun = |k: usize| doc.upos.get(k) == Some(&Upos::Noun);
    let modified = |m: &Mention| {
        let after = m.last + 1;
        after < doc.tokens.len()
            && (possessive(after) || matches!(doc.upos.get(after), Some(Upos::Noun | Upos::Propn)))
    };
    let entity_of = |m: usize| match cx.mentions[m].kind {
        MentionKind::Name { .. } => cx.entity_of[m],
        MentionKind::Nominal {
            organization: true,
            definite: true,
        } => cx.organization_for(cx.mentions[m].last),
        _ => None,
    };
    // "told the Associated Press": a name after "the" that the name leaves out.
    if word == "the" {
        let name = cx
            .mention_at(next + 1)
            .filter(|&m| matches!(cx.mentions[m].kind, MentionKind::Name { .. }))
            .filter(|&m| {
                // (Not "the Paris daily Le Monde", "the Manhattan mogul".)
                let after = cx.mentions[m].last + 1;
                !modified(&cx.mentions[m])
                    && !matches!(doc.upos.get(after), Some(Upos::Adj | Upos::Num))
            });
        if let Some(m) = name {
            return Some((span(next, cx.mentions[m].last), entity_of(m)));
        }
    }
    // The name that ends a run of owners and roles.
    let mut k = next;
    while k < doc.tokens.len() && k <= next + MAX_ADDRESSEE_ROLE_WORDS {
        if let Some(m) = cx.mention_at(k) {
            let mention = &cx.mentions[m];
            if !modified(mention) {
                if k > next && matches!(mention.kind, MentionKind::Name { .. }) {
                    return Some((span(next, mention.last), entity_of(m)));
                }
                break;
            }
            k = mention.last + 1;
        } else if possessive(k)
            || matches!(doc.upos.get(k), Some(Upos::Noun | Upos::Propn | Upos::Adj))
        {
            k += 1;
        } else {
            break;
        }
    }
    if let Some(m) = cx.mention_at(next) {
        let mention = &cx.mentions[m];
        // "his supporters", "Trump aides": whose they are is not who they are.
        let nouns = (mention.last + 1..doc.tokens.len())
            .take_while(|&k| noun(k) || possessive(k) && noun(k + 1))
            .last();
        // ("telling their family stories": what they are telling, not to whom.)
        if let Some(last) = nouns {
            let owner = matches!(mention.kind, MentionKind::Pronoun(_));
            return (!owner || cx.names_people(last)).then(|| (span(next, last), None));
        }
        return Some((cx.span_of(mention), entity_of(m)));
    }
    // "told reporters", "asked him"; not an owner ("telling their stories"; "her" is "asked
    // her" too).
    let owner = word != "her" && POSSESSIVES.contains(&word.as_str());
    (matches!(doc.upos.get(next), Some(Upos::Noun | Upos::Pron)) && !owner)
        .then(|| (doc.tokens[next].span, None))
}

/// The cue's last token ("told" in "also told").
fn last_cue_token(doc: &Document, cue: &[Span]) -> Option<usize> {
    let tokens = doc.tokens_in(*cue.last()?);
    (!tokens.is_empty()).then(|| tokens.end - 1)
}

/// How many paragraphs after an addressed attribution a speaker's "he added" still speaks to
/// the same addressee.
const CONVERSATION_REACH_PARAGRAPHS: usize = 2;

/// Whether a cue goes on with what its speaker was saying ("added", "also explained",
/// "continued"): said to whom the speaker's previous words were.
fn continues_speech(doc: &Document, cue: &[Span]) -> bool {
    const STEMS: &[&str] = &["add", "continu", "explain", "elaborat"];
    cue.iter().flat_map(|c| doc.tokens_in(*c)).any(|t| {
        let word = doc.token_text(t).to_lowercase();
        STEMS.iter().any(|stem| word.starts_with(stem))
    })
}

/// Addressees and venues carried over to a speaker's next words when these only go on:
/// "Legend told The New Yorker ... He explained ..." was said to The New Yorker too. So is
/// the participle of the same sentence ("told reporters ..., adding that ..."), to whom but
/// not where: a venue word its own search passed over lies inside its content. Only while no
/// one else has spoken, and only to an attribution with neither an addressee nor a venue.
pub fn carry_over_conversations(
    cx: &Context,
    speakers: &[Option<usize>],
    addressees: &mut [Option<(Span, Option<usize>)>],
    venues: &mut [Option<Venue>],
) {
    let doc = cx.doc;
    let mut previous: Option<usize> = None;
    for (k, a) in doc.attributions.iter().enumerate() {
        let Some(speaker) = speakers[k] else {
            // An unresolved source may be someone else; a quotation standing alone is not.
            if !a.source.is_empty() {
                previous = None;
            }
            continue;
        };
        let before = previous
            .replace(k)
            .filter(|&j| speakers[j] == Some(speaker));
        let (Some(before), Some(cue), None, None) =
            (before, a.cue.first(), addressees[k], &venues[k])
        else {
            continue;
        };
        let Some(earlier) = doc.attributions[before].cue.first() else {
            continue;
        };
        let participle =
            last_cue_token(doc, &a.cue).is_some_and(|t| doc.token_text(t).ends_with("ing"));
        if participle {
            if doc.sentence_index(cue.start) == doc.sentence_index(earlier.start) {
                addressees[k] = addressees[before];
            }
        } else if continues_speech(doc, &a.cue)
            && doc
                .paragraph_of(cue.start)
                .saturating_sub(doc.paragraph_of(earlier.start))
                <= CONVERSATION_REACH_PARAGRAPHS
        {
            addressees[k] = addressees[before];
            venues[k] = venues[before];
        }
    }
}

/// Where the content should start when the attribution stage began it with the addressee of
/// "tell" ("told The Daily Post certain views matter ..."): to whom something was said
/// is not what was said (PolNeAR leaves the addressee of "tell" out of the content 95 times in
/// 100). Other verbs differ: "urged Congress to act" often keeps its object.
pub fn content_start_after_addressee(
    doc: &Document,
    cue: &[Span],
    content: &[Span],
    addressee: Span,
) -> Option<u32> {
    let cue_word = doc.token_text(last_cue_token(doc, cue)?);
    if !["tell", "tells", "told", "telling"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(cue_word))
    {
        return None;
    }
    let first = content.first()?;
    if !(addressee.start <= first.start && first.start < addressee.end && addressee.end < first.end)
    {
        return None;
    }
    let next = doc.tokens.get(doc.token_at_or_after(addressee.end))?;
    (next.span.end <= first.end).then_some(next.span.start)
}

/// A word naming where it was said, in the cue's sentence and outside the content.
/// The title in quotation marks, with its marks, of a show named after "on" at token `t`
/// and perhaps its network's possessive ("on NBC's "Meet the Press"", "on "Fox News
/// Sunday"").
fn quoted_show_after(doc: &Document, t: usize) -> Option<Span> {
    const MAX_NETWORK_WORDS: usize = 3;
    const MAX_TITLE_WORDS: usize = 8;
    let text = |k: usize| (k < doc.tokens.len()).then(|| doc.token_text(k));
    if text(t) != Some("on") {
        return None;
    }
    let mut k = t + 1;
    let network = (k..k + MAX_NETWORK_WORDS)
        .take_while(|&j| text(j).is_some_and(|w| w.starts_with(char::is_uppercase)))
        .count();
    if network > 0 {
        k += network;
        if !matches!(text(k), Some("'s" | "’s")) {
            return None;
        }
        k += 1;
    }
    if !matches!(text(k), Some("\"" | "“")) || !text(k + 1)?.starts_with(char::is_uppercase) {
        return None;
    }
    let close = (k + 2..k + 2 + MAX_TITLE_WORDS).find(|&j| matches!(text(j), Some("\"" | "”")))?;
    // (Not before a noun saying what it is: "on "The Axe Files" podcast" is the podcast's.)
    (doc.upos.get(close + 1) != Some(&Upos::Noun))
        .then(|| Span::new(doc.tokens[k].span.start, doc.tokens[close].span.end))
}

pub fn venue(cx: &Context, a: &Attribution) -> Option<Venue> {
    let (cue, content) = (&a.cue, &a.content);
    let first_cue = cue.first()?;
    let doc = cx.doc;
    let sentence = doc.sentence_at(first_cue.start)?;
    let inside = |t: usize, spans: &[Span]| {
        let s = doc.tokens[t].span;
        spans.iter().any(|c| c.start <= s.start && s.end <= c.end)
    };
    let inside_content = |t: usize| inside(t, content);
    // In the source, a venue word is where it was said ("the statement", "his Facebook
    // post", "on Facebook"), unless it modifies a noun or a name after it ("a Twitter
    // spokesman", "talk show host", "Twitter's director"), ends a longer name ("the Judicial
    // Conference", "the Democracy Program") or is a name that is the whole source ("Twitter"
    // speaking).
    let modifies_source = |t: usize| {
        let Some(source) = a
            .source
            .iter()
            .find(|s| inside(t, std::slice::from_ref(*s)))
        else {
            return false;
        };
        let tokens = doc.tokens_in(*source);
        let capitalized = |k: usize| doc.token_text(k).starts_with(char::is_uppercase);
        let modifies_next = tokens.contains(&(t + 1))
            && (matches!(doc.token_text(t + 1), "'s" | "’s")
                || matches!(doc.upos.get(t + 1), Some(Upos::Noun | Upos::Propn))
                    && !matches!(
                        doc.token_text(t + 1).to_lowercase().as_str(),
                        "account" | "page" | "post" | "posts" | "profile" | "feed" | "video"
                    ));
        let ends_name = capitalized(t) && t > tokens.start && capitalized(t - 1);
        modifies_next || ends_name || tokens.len() == 1 && capitalized(t)
    };
    // Within a bounded reach of the cue, so that a sentence of thousands of tokens with
    // thousands of cues stays linear.
    let cue_token = doc.token_at_or_after(first_cue.start);
    let sentence_tokens = doc.tokens_in(sentence);
    let reach = sentence_tokens
        .start
        .max(cue_token.saturating_sub(VENUE_REACH))
        ..sentence_tokens.end.min(cue_token + VENUE_REACH);
    for t in reach {
        if inside_content(t) || modifies_source(t) {
            continue;
        }
        // "on NBC's "Meet the Press"": the show named in quotation marks, also after the word
        // of an interview ("in an interview on ...").
        let interview = matches!(doc.token_text(t), "interview" | "interviews");
        let show = (t..=t + usize::from(interview))
            .find_map(|k| quoted_show_after(doc, k))
            .filter(|s| doc.tokens_in(*s).all(|k| !inside_content(k)));
        if let Some(show) = show {
            return Some(Venue {
                span: show,
                kind: VenueKind::Broadcast,
            });
        }
        let word = doc.token_text(t).to_lowercase();
        let kind = match word.as_str() {
            "interview" | "interviews" => VenueKind::Interview,
            "podcast" => VenueKind::Podcast,
            "statement" | "release" => VenueKind::Statement,
            "twitter" | "tweet" | "tweeted" | "facebook" | "instagram" | "tiktok" => {
                VenueKind::SocialMedia
            }
            "op-ed" | "column" | "essay" | "memoir" | "book" => VenueKind::Publication,
            "speech" | "rally" | "conference" | "debate" | "hearing" | "remarks" => {
                VenueKind::Speech
            }
            "broadcast" | "show" | "program" | "programme" => VenueKind::Broadcast,
            _ => continue,
        };
        // The name of a podcast or show written before the word (perhaps in quotation marks,
        // both of which the venue then takes) belongs to the venue.
        let k = cx.mentions.partition_point(|m| m.last < t);
        let closing = |k: usize| matches!(doc.token_text(k), "\"" | "”" | "’" | "'");
        let opening = |k: usize| matches!(doc.token_text(k), "\"" | "“" | "‘" | "'");
        let start = k
            .checked_sub(1)
            .map(|p| &cx.mentions[p])
            .and_then(|m| {
                if m.last + 1 == t {
                    Some(m.first)
                } else if m.last + 2 == t && closing(m.last + 1) {
                    Some(m.first - (m.first > 0 && opening(m.first - 1)) as usize)
                } else {
                    None
                }
            })
            .unwrap_or(t);
        return Some(Venue {
            span: Span::new(doc.tokens[start].span.start, doc.tokens[t].span.end),
            kind,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::is_time_of_day;
    use crate::{Resolver, SpeakerResolver};
    use sayso_document::{Attribution, Document, Span, Upos};

    #[test]
    fn the_addressee_of_tell_is_not_content() {
        let text =
            "Legend also told The New Yorker certain views matter. Mayors urged Congress to act.";
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        let span = |s: &str| {
            let start = text.find(s).unwrap() as u32;
            Span::new(start, start + s.len() as u32)
        };
        let after = |cue: &str, content: &str, addressee: &str| {
            super::content_start_after_addressee(
                &doc,
                &[span(cue)],
                &[span(content)],
                span(addressee),
            )
        };
        assert_eq!(
            after(
                "also told",
                "The New Yorker certain views matter",
                "The New Yorker"
            ),
            Some(span("certain").start)
        );
        // A content that starts after the addressee, or is only the addressee, stays.
        assert_eq!(
            after("told", "certain views matter", "The New Yorker"),
            None
        );
        assert_eq!(after("told", "The New Yorker", "The New Yorker"), None);
        // "urge" keeps its object, as PolNeAR mostly does.
        assert_eq!(after("urged", "Congress to act", "Congress"), None);
    }

    #[test]
    fn a_venue_takes_the_name_before_it_with_both_its_quotation_marks() {
        use Upos::*;
        let doc = resolved(
            "Legend said on \"The Axe Files\" podcast that it ended.",
            &[
                Propn, Verb, Adp, Punct, Det, Propn, Propn, Punct, Noun, Sconj, Pron, Verb, Punct,
            ],
            &[("Legend", "said", "it ended")],
        );
        let venue = doc.attributions[0].venue.expect("a venue");
        assert_eq!(venue.kind, sayso_document::VenueKind::Podcast);
        assert_eq!(doc.slice(venue.span), "\"The Axe Files\" podcast");
    }

    #[test]
    fn a_show_named_in_quotation_marks_after_on_is_the_venue_over_an_interview() {
        use Upos::*;
        let doc = resolved(
            "Lee said in an interview on NBC's \"Meet the Press\" that it ended.",
            &[
                Propn, Verb, Adp, Det, Noun, Adp, Propn, Part, Punct, Verb, Det, Propn, Punct,
                Sconj, Pron, Verb, Punct,
            ],
            &[("Lee", "said", "it ended")],
        );
        let venue = doc.attributions[0].venue.expect("a venue");
        assert_eq!(venue.kind, sayso_document::VenueKind::Broadcast);
        assert_eq!(doc.slice(venue.span), "\"Meet the Press\"");
    }

    #[test]
    fn going_on_speaks_to_the_same_addressee_until_someone_else_speaks() {
        use Upos::*;
        let doc = resolved(
            "Jo Legend told Axelrod it ended, adding it hurt. He added it is sad. Bo Lee said no. \
             Legend explained it was over.",
            &[
                Propn, Propn, Verb, Propn, Pron, Verb, Punct, Verb, Pron, Verb, Punct, Pron, Verb,
                Pron, Aux, Adj, Punct, Propn, Propn, Verb, Intj, Punct, Propn, Verb, Pron, Aux,
                Adv, Punct,
            ],
            &[
                ("Jo Legend", "told", "it ended"),
                ("Jo Legend", "adding", "it hurt"),
                ("He", "added", "it is sad"),
                ("Bo Lee", "said", "no"),
                ("Legend#1", "explained", "it was over"),
            ],
        );
        let addressees: Vec<Option<&str>> = doc
            .attributions
            .iter()
            .map(|a| a.addressee.first().map(|s| doc.slice(*s)))
            .collect();
        assert_eq!(
            addressees,
            vec![
                Some("Axelrod"),
                Some("Axelrod"),
                Some("Axelrod"),
                None,
                None
            ]
        );
    }

    #[test]
    fn a_venue_word_modifying_the_source_is_no_venue() {
        use Upos::*;
        let doc = resolved(
            "A Twitter spokesman said it ended. Twitter said it ended. His statement said it \
             ended. Mo Lee of the Democracy Program said it ended.",
            &[
                Det, Propn, Noun, Verb, Pron, Verb, Punct, Propn, Verb, Pron, Verb, Punct, Pron,
                Noun, Verb, Pron, Verb, Punct, Propn, Propn, Adp, Det, Propn, Propn, Verb, Pron,
                Verb, Punct,
            ],
            &[
                ("A Twitter spokesman", "said", "it ended"),
                ("Twitter#1", "said#1", "it ended#1"),
                ("His statement", "said#2", "it ended#2"),
                ("Mo Lee of the Democracy Program", "said#3", "it ended#3"),
            ],
        );
        let venues: Vec<Option<&str>> = doc
            .attributions
            .iter()
            .map(|a| a.venue.map(|v| doc.slice(v.span)))
            .collect();
        assert_eq!(venues, vec![None, None, Some("His statement"), None]);
    }

    #[test]
    fn an_addressee_is_the_name_its_roles_end_in_and_a_possessives_nouns() {
        use Upos::*;
        let doc = resolved(
            "Al Roe told CNN's Jo Tapp it ended. Al Roe told his aides it ended. Al Roe asked \
             what it was. Al Roe told his town's voters it ended. Al Roe told their stories.",
            &[
                Propn, Propn, Verb, Propn, Part, Propn, Propn, Pron, Verb, Punct, Propn, Propn,
                Verb, Pron, Noun, Pron, Verb, Punct, Propn, Propn, Verb, Pron, Pron, Aux, Punct,
                Propn, Propn, Verb, Pron, Noun, Part, Noun, Pron, Verb, Punct, Propn, Propn, Verb,
                Pron, Noun, Punct,
            ],
            &[
                ("Al Roe", "told", "it ended"),
                ("Al Roe#1", "told#1", "it ended#1"),
                ("Al Roe#2", "asked", "it was"),
                ("Al Roe#3", "told#2", "it ended#2"),
                ("Al Roe#4", "told#3", "their stories"),
            ],
        );
        assert_eq!(
            addressees(&doc),
            vec![
                (Some("CNN's Jo Tapp"), Some("Jo Tapp")),
                (Some("his aides"), None),
                (None, None),
                (Some("his town's voters"), None),
                // What they told, not to whom.
                (None, None)
            ]
        );
    }

    /// Each attribution's addressee and the name of its entity.
    fn addressees(doc: &Document) -> Vec<(Option<&str>, Option<&str>)> {
        doc.attributions
            .iter()
            .map(|a| {
                let entity = a.addressee_entity.map(|e| doc.entities[e].name.as_str());
                (a.addressee.first().map(|s| doc.slice(*s)), entity)
            })
            .collect()
    }

    #[test]
    fn an_addressee_is_a_name_after_the_but_not_one_modifying_a_noun() {
        use Upos::*;
        let doc = resolved(
            "Al Roe told the Daily Post it ended. Al Roe told the Ohio daily Zeit it ended.",
            &[
                Propn, Propn, Verb, Det, Propn, Propn, Pron, Verb, Punct, Propn, Propn, Verb, Det,
                Propn, Adj, Propn, Pron, Verb, Punct,
            ],
            &[
                ("Al Roe", "told", "it ended"),
                ("Al Roe#1", "told#1", "it ended#1"),
            ],
        );
        assert_eq!(
            addressees(&doc),
            vec![(Some("the Daily Post"), Some("Daily Post")), (None, None)]
        );
    }

    #[test]
    fn he_is_not_whom_he_told() {
        use Upos::*;
        let found = speakers_of(
            "John Lee met Mike Hale. \"It is high,\" he told Mike Hale.",
            &[
                Propn, Propn, Verb, Propn, Propn, Punct, Punct, Pron, Aux, Adj, Punct, Punct, Pron,
                Verb, Propn, Propn, Punct,
            ],
            &[("he", "told", "It is high")],
        );
        assert_eq!(found, names(&[Some("John Lee")]));
    }

    #[test]
    fn a_description_with_no_speaker_near_is_the_person_most_named() {
        use Upos::*;
        let said = |description: &str, tags: &[Upos]| {
            let text = format!(
                "Tom Hale spoke. Tom Hale won. Al Roe lost. \"We won,\" the {description} said."
            );
            let mut all = vec![
                Propn, Propn, Verb, Punct, Propn, Propn, Verb, Punct, Propn, Propn, Verb, Punct,
                Punct, Pron, Verb, Punct, Punct, Det,
            ];
            all.extend_from_slice(tags);
            all.extend([Verb, Punct]);
            let source = format!("the {description}");
            speakers_of(&text, &all, &[(source.as_str(), "said", "We won")])
        };
        assert_eq!(said("businessman", &[Noun]), names(&[Some("Tom Hale")]));
        // A party's nominee is whoever that party's title says, not the story's subject.
        assert_eq!(said("Democratic nominee", &[Adj, Noun]), names(&[None]));
    }

    #[test]
    fn he_takes_up_the_main_verbs_subject_wherever_it_starts() {
        use Upos::*;
        let doc = resolved_parsed(
            "Tom Hale said no. Elsewhere on the ship, Paul Allen installed seats. He agreed to \
             sell it.",
            &[
                Propn, Propn, Verb, Intj, Punct, Adv, Adp, Det, Noun, Punct, Propn, Propn, Verb,
                Noun, Punct, Pron, Verb, Part, Verb, Pron, Punct,
            ],
            &[
                (Some(1), "compound"),
                (Some(2), "nsubj"),
                (None, "root"),
                (Some(2), "obj"),
                (Some(2), "punct"),
                (Some(12), "advmod"),
                (Some(8), "case"),
                (Some(8), "det"),
                (Some(12), "obl"),
                (Some(12), "punct"),
                (Some(11), "compound"),
                (Some(12), "nsubj"),
                (None, "root"),
                (Some(12), "obj"),
                (Some(12), "punct"),
                (Some(16), "nsubj"),
                (None, "root"),
                (Some(18), "mark"),
                (Some(16), "xcomp"),
                (Some(18), "obj"),
                (Some(16), "punct"),
            ],
            &[("Tom Hale", "said", "no"), ("He", "agreed", "to sell it")],
        );
        assert_eq!(
            speakers(&doc),
            names(&[Some("Tom Hale"), Some("Paul Allen")])
        );
    }

    #[test]
    fn he_opening_a_reported_content_is_its_speaker_but_not_in_a_question() {
        use Upos::*;
        let text =
            "Ken Lee said on a show hosted by Tom Hale that he was tired. Tom Hale asked Ken \
                    Lee whether he would stay.";
        let doc = resolved_parsed(
            text,
            &[
                Propn, Propn, Verb, Adp, Det, Noun, Verb, Adp, Propn, Propn, Sconj, Pron, Aux, Adj,
                Punct, Propn, Propn, Verb, Propn, Propn, Sconj, Pron, Aux, Verb, Punct,
            ],
            &[
                (Some(1), "compound"),
                (Some(2), "nsubj"),
                (None, "root"),
                (Some(5), "case"),
                (Some(5), "det"),
                (Some(2), "obl"),
                (Some(5), "acl"),
                (Some(9), "case"),
                (Some(9), "compound"),
                (Some(6), "obl"),
                (Some(13), "mark"),
                (Some(13), "nsubj"),
                (Some(13), "cop"),
                (Some(2), "ccomp"),
                (Some(2), "punct"),
                (Some(16), "compound"),
                (Some(17), "nsubj"),
                (None, "root"),
                (Some(19), "compound"),
                (Some(17), "obj"),
                (Some(23), "mark"),
                (Some(23), "nsubj"),
                (Some(23), "aux"),
                (Some(17), "ccomp"),
                (Some(17), "punct"),
            ],
            &[
                ("Ken Lee", "said", "he was tired"),
                ("Tom Hale#1", "asked", "he would stay"),
            ],
        );
        let entity_of_he = |nth: usize| {
            let start = text.match_indices(" he ").nth(nth).unwrap().0 as u32 + 1;
            doc.entities
                .iter()
                .find(|e| e.mentions.iter().any(|m| m.start == start))
                .map(|e| e.name.as_str())
        };
        // Tom Hale is the man named last before the first "he", and the asker of the second.
        assert_eq!(entity_of_he(0), Some("Ken Lee"));
        assert_eq!(entity_of_he(1), Some("Ken Lee"));
    }

    #[test]
    fn it_after_a_document_subject_is_the_document_not_the_organization() {
        use Upos::*;
        let doc = resolved_parsed(
            "The IMF said no. The ad shows a farm. It also notes a risk.",
            &[
                Det, Propn, Verb, Intj, Punct, Det, Noun, Verb, Det, Noun, Punct, Pron, Adv, Verb,
                Det, Noun, Punct,
            ],
            &[
                (Some(1), "det"),
                (Some(2), "nsubj"),
                (None, "root"),
                (Some(2), "obj"),
                (Some(2), "punct"),
                (Some(6), "det"),
                (Some(7), "nsubj"),
                (None, "root"),
                (Some(9), "det"),
                (Some(7), "obj"),
                (Some(7), "punct"),
                (Some(13), "nsubj"),
                (Some(13), "advmod"),
                (None, "root"),
                (Some(15), "det"),
                (Some(13), "obj"),
                (Some(13), "punct"),
            ],
            &[("The IMF", "said", "no"), ("It", "notes", "a risk")],
        );
        assert_eq!(speakers(&doc), names(&[Some("IMF"), None]));
    }

    #[test]
    fn a_transcript_turn_is_its_names() {
        let text = "WALLACE: Will she be there?\n\nPENCE: She will not.";
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        use Upos::*;
        doc.upos = vec![
            Propn, Punct, Aux, Pron, Aux, Adv, Punct, Propn, Punct, Pron, Aux, Part, Punct,
        ];
        assert_eq!(doc.upos.len(), doc.tokens.len());
        let content = |from: &str, to: &str| {
            let start = text.find(from).unwrap() as u32;
            let end = (text.find(to).unwrap() + to.len()) as u32;
            Attribution {
                content: vec![Span::new(start, end)],
                ..Attribution::default()
            }
        };
        doc.attributions = vec![content("Will", "there?"), content("She will", "not.")];
        SpeakerResolver.resolve(&mut doc);
        let speakers: Vec<Option<&str>> = doc
            .attributions
            .iter()
            .map(|a| a.speaker.as_deref())
            .collect();
        assert_eq!(speakers, vec![Some("WALLACE"), Some("PENCE")]);
    }

    #[test]
    fn a_nominal_is_the_person_its_title_and_party_fit() {
        use Upos::*;
        let found = speakers_of(
            "Democratic nominee Ann Ruiz met Republican nominee Tom Hale and Sen. Bo Lee. \
             The senator spoke. The Democratic nominee said no.",
            &[
                Adj, Noun, Propn, Propn, Verb, Adj, Noun, Propn, Propn, Cconj, Propn, Propn, Propn,
                Punct, Det, Noun, Verb, Punct, Det, Adj, Noun, Verb, Intj, Punct,
            ],
            &[
                ("The senator", "spoke", "spoke"),
                ("The Democratic nominee", "said", "no"),
            ],
        );
        assert_eq!(found, names(&[Some("Bo Lee"), Some("Ann Ruiz")]));
    }

    #[test]
    fn the_woman_is_not_the_man_speaking_before_her() {
        use Upos::*;
        let found = speakers_of(
            "Tom Hale said no. The woman disputes that. The man agreed.",
            &[
                Propn, Propn, Verb, Intj, Punct, Det, Noun, Verb, Pron, Punct, Det, Noun, Verb,
                Punct,
            ],
            &[
                ("Tom Hale", "said", "no"),
                ("The woman", "disputes", "that"),
                ("The man", "agreed", "agreed"),
            ],
        );
        assert_eq!(found, names(&[Some("Tom Hale"), None, Some("Tom Hale")]));
    }

    #[test]
    fn of_a_source_in_pieces_the_one_nearest_the_cue_speaks() {
        use Upos::*;
        let found = speakers_of(
            "Ann Ruiz met Bo Lee. In a call Ann Ruiz heard Bo Lee say no.",
            &[
                Propn, Propn, Verb, Propn, Propn, Punct, Adp, Det, Noun, Propn, Propn, Verb, Propn,
                Propn, Verb, Intj, Punct,
            ],
            &[("Ann Ruiz#1 | Bo Lee#1", "say", "no")],
        );
        assert_eq!(found, names(&[Some("Bo Lee")]));
    }

    #[test]
    fn the_judge_is_the_person_titled_justice() {
        use Upos::*;
        let found = speakers_of(
            "Justice Ann Ruiz met Bo Lee. The judge said no.",
            &[
                Propn, Propn, Propn, Verb, Propn, Propn, Punct, Det, Noun, Verb, Intj, Punct,
            ],
            &[("The judge", "said", "no")],
        );
        assert_eq!(found, names(&[Some("Ann Ruiz")]));
    }

    #[test]
    fn who_after_a_state_in_parentheses_is_the_name_before_them() {
        use Upos::*;
        let found = speakers_of(
            "Sen. Bo Lee (Vt.), who lost, said no.",
            &[
                Propn, Propn, Propn, Punct, Propn, Punct, Punct, Pron, Verb, Punct, Verb, Intj,
                Punct,
            ],
            &[("who", "said", "no")],
        );
        assert_eq!(found, names(&[Some("Bo Lee")]));
        // And past a party tag set off by commas, which names no one.
        let found = speakers_of(
            "Rep. Al Roe, R-Ill., who leads it, said no.",
            &[
                Propn, Propn, Propn, Punct, Propn, Punct, Propn, Punct, Pron, Verb, Pron, Punct,
                Verb, Intj, Punct,
            ],
            &[("who", "said", "no")],
        );
        assert_eq!(found, names(&[Some("Al Roe")]));
    }

    #[test]
    fn who_after_a_role_beside_a_name_is_that_name_but_not_after_a_role_alone() {
        use Upos::*;
        let found = speakers_of(
            "Ann Cole, now the party leader, who lost, said no. Then a young aide who left \
             said yes.",
            &[
                Propn, Propn, Punct, Adv, Det, Noun, Noun, Punct, Pron, Verb, Punct, Verb, Intj,
                Punct, Adv, Det, Adj, Noun, Pron, Verb, Verb, Intj, Punct,
            ],
            &[("who#0", "said#0", "no"), ("who#1", "said#1", "yes")],
        );
        assert_eq!(found, names(&[Some("Ann Cole"), None]));
        let found = speakers_of(
            "Ann Cole and Kim Lee, two aides who left, said no.",
            &[
                Propn, Propn, Cconj, Propn, Propn, Punct, Num, Noun, Pron, Verb, Punct, Verb, Intj,
                Punct,
            ],
            &[("who", "said", "no")],
        );
        assert_eq!(found, names(&[None]));
    }

    #[test]
    fn a_source_that_is_a_role_beside_a_name_is_that_name() {
        use Upos::*;
        // The source found is the role alone, cut from the name and its party before it.
        let found = speakers_of(
            "Ann Cole (D), the mayor's rival, said no.",
            &[
                Propn, Propn, Punct, Propn, Punct, Punct, Det, Noun, Part, Noun, Punct, Verb, Intj,
                Punct,
            ],
            &[("the mayor's rival,", "said", "no")],
        );
        assert_eq!(found, names(&[Some("Ann Cole")]));
        // Not a group beside the name, nor a name that is an object before the comma.
        let found = speakers_of(
            "Ann Cole, these people said, lost. As Tom Hale met Ann Cole, the aide said no.",
            &[
                Propn, Propn, Punct, Det, Noun, Verb, Punct, Verb, Punct, Sconj, Propn, Propn,
                Verb, Propn, Propn, Punct, Det, Noun, Verb, Intj, Punct,
            ],
            &[
                ("these people", "said#0", "lost"),
                ("the aide", "said#1", "no"),
            ],
        );
        assert_eq!(found, names(&[None, None]));
    }

    #[test]
    fn a_source_cut_from_a_name_is_that_name_and_a_party_tag_names_no_one() {
        use Upos::*;
        let found = speakers_of(
            "Del. Marta \"Tia\" Rice (D-Fair Oaks) said no.",
            &[
                Propn, Propn, Punct, Propn, Punct, Noun, Punct, Propn, Punct, Propn, Propn, Punct,
                Verb, Intj, Punct,
            ],
            &[("Rice (D-Fair Oaks)", "said", "no")],
        );
        assert_eq!(found, names(&[Some("Marta \"Tia\" Rice")]));
    }

    #[test]
    fn a_subject_after_a_run_in_head_in_capitals_opens_its_sentence() {
        use Upos::*;
        let found = speakers_of(
            "Tom Hale said no. HARSH CLAIMS -- For years, John Lee has been criticized. He said \
             yes.",
            &[
                Propn, Propn, Verb, Intj, Punct, Adj, Noun, Punct, Adp, Noun, Punct, Propn, Propn,
                Aux, Aux, Verb, Punct, Pron, Verb, Intj, Punct,
            ],
            &[("Tom Hale", "said", "no"), ("He", "said#1", "yes")],
        );
        assert_eq!(found, names(&[Some("Tom Hale"), Some("John Lee")]));
    }

    #[test]
    fn he_is_the_latest_speaker_unless_the_sentence_before_names_someone_else() {
        use Upos::*;
        let found = speakers_of(
            "Tom Hale said no. Mr. Bo Lee waited. He said yes. He left. Sam Ruiz spoke. \
             He said so. Ann Ode met Tim Roe. He said again.",
            &[
                Propn, Propn, Verb, Intj, Punct, Propn, Propn, Propn, Verb, Punct, Pron, Verb,
                Intj, Punct, Pron, Verb, Punct, Propn, Propn, Verb, Punct, Pron, Verb, Adv, Punct,
                Propn, Propn, Verb, Propn, Propn, Punct, Pron, Verb, Adv, Punct,
            ],
            &[
                ("Tom Hale", "said", "no"),
                ("He", "said#1", "yes"),
                ("He#2", "said#2", "so"),
                ("He#3", "said#3", "again"),
            ],
        );
        // "Sam Ruiz spoke" opens with the "he" of "He said so", not the latest speaker Bo Lee,
        // nor is Tom Hale the "he" after "Mr. Bo Lee waited"; but Tim Roe, named after the
        // subject "Ann Ode", is not the subject that the last "he" takes up.
        assert_eq!(
            found,
            names(&[
                Some("Tom Hale"),
                Some("Bo Lee"),
                Some("Sam Ruiz"),
                Some("Sam Ruiz")
            ])
        );
    }

    #[test]
    fn he_after_as_for_a_name_is_that_name_not_the_latest_speaker() {
        use Upos::*;
        // The sentence before names its speaker by a title only.
        let found = speakers_of(
            "Tom Hale met Sen. Bo Lee. Bo Lee said no. \"We won,\" the senator said. As for \
             Hale, he said yes.",
            &[
                Propn, Propn, Verb, Propn, Propn, Propn, Punct, Propn, Propn, Verb, Intj, Punct,
                Punct, Pron, Verb, Punct, Punct, Det, Noun, Verb, Punct, Sconj, Adp, Propn, Punct,
                Pron, Verb, Intj, Punct,
            ],
            &[
                ("Bo Lee#1", "said", "no"),
                ("the senator", "said#1", "We won"),
                ("he#1", "said#2", "yes"),
            ],
        );
        assert_eq!(
            found,
            names(&[Some("Bo Lee"), Some("Bo Lee"), Some("Tom Hale")])
        );
    }

    #[test]
    fn he_after_a_sentence_opening_with_a_title_is_the_titled_person() {
        use Upos::*;
        let found = speakers_of(
            "Sen. Bo Lee met Tom Hale. Tom Hale said no. The senator waited. He said yes.",
            &[
                Propn, Propn, Propn, Verb, Propn, Propn, Punct, Propn, Propn, Verb, Intj, Punct,
                Det, Noun, Verb, Punct, Pron, Verb, Intj, Punct,
            ],
            &[("Tom Hale#1", "said", "no"), ("He", "said#1", "yes")],
        );
        assert_eq!(found, names(&[Some("Tom Hale"), Some("Bo Lee")]));
    }

    #[test]
    fn a_party_nominee_is_the_person_of_that_party() {
        use Upos::*;
        let found = speakers_of(
            "Republican Tom Hale met Ann Ruiz. Ann Ruiz said yes. The GOP nominee said no.",
            &[
                Adj, Propn, Propn, Verb, Propn, Propn, Punct, Propn, Propn, Verb, Intj, Punct, Det,
                Propn, Noun, Verb, Intj, Punct,
            ],
            &[
                ("Ann Ruiz#1", "said", "yes"),
                ("The GOP nominee", "said#1", "no"),
            ],
        );
        // Not the latest speaker, whom a nominal without a title match would take.
        assert_eq!(found, names(&[Some("Ann Ruiz"), Some("Tom Hale")]));
    }

    #[test]
    fn it_is_the_organization_its_sentence_opens_with() {
        use Upos::*;
        let found = speakers_of(
            "Tom Hale met the Acme Group. Although the Acme Group did not name him, it \
             criticized the plan.",
            &[
                Propn, Propn, Verb, Det, Propn, Propn, Punct, Sconj, Det, Propn, Propn, Aux, Part,
                Verb, Pron, Punct, Pron, Verb, Det, Noun, Punct,
            ],
            &[("it", "criticized", "the plan")],
        );
        assert_eq!(found, names(&[Some("Acme Group")]));
    }

    #[test]
    fn an_office_and_a_role_before_a_name_are_the_names_not_the_offices() {
        use Upos::*;
        let found = speakers_of(
            "Ann Ruiz spoke. Ruiz Communications Director Dana Kim said no. Sam Ruiz \
             And Tom Hale Vote said so. Ruiz senior adviser Bo Lee said yes.",
            &[
                Propn, Propn, Verb, Punct, Propn, Propn, Propn, Propn, Propn, Verb, Intj, Punct,
                Propn, Propn, Cconj, Propn, Propn, Propn, Verb, Adv, Punct, Propn, Adj, Noun,
                Propn, Propn, Verb, Intj, Punct,
            ],
            &[
                ("Ruiz Communications Director Dana Kim", "said", "no"),
                ("Sam Ruiz And Tom Hale Vote", "said#1", "so"),
                ("Ruiz senior adviser Bo Lee", "said#2", "yes"),
            ],
        );
        // A headline's "And" is no role word: the first name is not taken for the second's.
        assert_eq!(
            found,
            names(&[Some("Dana Kim"), Some("Sam Ruiz"), Some("Bo Lee")])
        );
    }

    #[test]
    fn a_name_before_a_lone_apostrophe_is_a_possessor_as_before_s() {
        use Upos::*;
        let found = speakers_of(
            "Tom Hales' reporter Ann Ruiz said no. Tom Hales' aides said yes.",
            &[
                Propn, Propn, Part, Noun, Propn, Propn, Verb, Intj, Punct, Propn, Propn, Part,
                Noun, Verb, Intj, Punct,
            ],
            &[
                ("Tom Hales' reporter Ann Ruiz", "said", "no"),
                ("Tom Hales' aides", "said#1", "yes"),
            ],
        );
        // The people of a name's ("his aides") speak, not the name's bearer.
        assert_eq!(found, names(&[Some("Ann Ruiz"), None]));
    }

    #[test]
    fn a_name_hyphened_to_a_word_modifies_the_name_after_it() {
        use Upos::*;
        let found = speakers_of(
            "Texas-based Ann Ruiz said no. Texas - Tom Hale said yes.",
            &[
                Propn, Punct, Verb, Propn, Propn, Verb, Intj, Punct, Propn, Punct, Propn, Propn,
                Verb, Intj, Punct,
            ],
            &[
                ("Texas-based Ann Ruiz", "said", "no"),
                ("Texas - Tom Hale", "said#1", "yes"),
            ],
        );
        // A dash between spaces is no hyphen: a dateline's place is not modifying.
        assert_eq!(found, names(&[Some("Ann Ruiz"), Some("Texas")]));
    }

    #[test]
    fn he_is_no_place() {
        use Upos::*;
        let found = speakers_of(
            "Tom Hale met the Cook County board. Cook County said yes. He said no.",
            &[
                Propn, Propn, Verb, Det, Propn, Propn, Noun, Punct, Propn, Propn, Verb, Intj,
                Punct, Pron, Verb, Intj, Punct,
            ],
            &[("Cook County#1", "said", "yes"), ("He", "said#1", "no")],
        );
        assert_eq!(found, names(&[Some("Cook County"), Some("Tom Hale")]));
    }

    #[test]
    fn a_document_is_its_authors_who_spoke_just_before() {
        use Upos::*;
        let found = speakers_of(
            "The Acme Group said no. The statement noted a flaw.\n\nRain fell.\n\nA study \
             found more.\n\nTom Hale cited a Times article. The article said so.",
            &[
                Det, Propn, Propn, Verb, Intj, Punct, Det, Noun, Verb, Det, Noun, Punct, Noun,
                Verb, Punct, Det, Noun, Verb, Adj, Punct, Propn, Propn, Verb, Det, Propn, Noun,
                Punct, Det, Noun, Verb, Adv, Punct,
            ],
            &[
                ("The Acme Group", "said", "no"),
                ("The statement", "noted", "a flaw"),
                ("A study", "found", "more"),
                ("a Times article", "said#1", "so"),
            ],
        );
        // A study in a later paragraph than anyone spoke in is no one's; the name before a
        // document noun is its author.
        assert_eq!(
            found,
            names(&[Some("Acme Group"), Some("Acme Group"), None, Some("Times")])
        );
    }

    #[test]
    fn a_source_opening_with_who_is_the_name_before_it() {
        use Upos::*;
        let found = speakers_of(
            "Ed Rendell, 72, who led the DNC, agreed.",
            &[
                Propn, Propn, Punct, Num, Punct, Pron, Verb, Det, Propn, Punct, Verb, Punct,
            ],
            &[("who led the DNC", "agreed", "agreed")],
        );
        assert_eq!(found, names(&[Some("Ed Rendell")]));
    }

    #[test]
    fn which_after_a_noun_and_researchers_are_no_one_speaker() {
        use Upos::*;
        let found = speakers_of(
            "Tom Hale said no to the Acme Group. The study, which notes this, is long. \
             The researchers found it.",
            &[
                Propn, Propn, Verb, Intj, Adp, Det, Propn, Propn, Punct, Det, Noun, Punct, Pron,
                Verb, Pron, Punct, Aux, Adj, Punct, Det, Noun, Verb, Pron, Punct,
            ],
            &[
                ("Tom Hale", "said", "no"),
                ("which", "notes", "this"),
                ("The researchers", "found", "it."),
            ],
        );
        assert_eq!(found, names(&[Some("Tom Hale"), None, None]));
    }

    #[test]
    fn a_headlines_unnamed_person_is_the_next_one_named_but_a_group_is_not() {
        use Upos::*;
        let doc = resolved(
            "Lawmaker urges action.\n\nCritics say no.\n\nRep. Adam Schiff said so.",
            &[
                Propn, Verb, Noun, Punct, Noun, Verb, Intj, Punct, Propn, Propn, Propn, Verb, Adv,
                Punct,
            ],
            &[
                ("Lawmaker", "urges", "action"),
                ("Critics", "say", "no"),
                ("Rep. Adam Schiff", "said", "so"),
            ],
        );
        assert_eq!(
            speakers(&doc),
            names(&[Some("Adam Schiff"), None, Some("Adam Schiff")])
        );
        // "Lawmaker" is no entity of its own.
        assert_eq!(doc.entities.len(), 1, "{:?}", doc.entities);
    }

    #[test]
    fn a_headlines_titled_person_is_the_next_one_so_titled_not_the_next_speaker() {
        use Upos::*;
        let found = speakers_of(
            "Texas governor backs Hale.

Tom Hale said yes. Gov. Ann Reyes spoke.",
            &[
                Propn, Noun, Verb, Propn, Punct, Propn, Propn, Verb, Intj, Punct, Propn, Propn,
                Propn, Verb, Punct,
            ],
            &[
                ("Texas governor", "backs", "Hale"),
                ("Tom Hale", "said", "yes"),
            ],
        );
        assert_eq!(found, names(&[Some("Ann Reyes"), Some("Tom Hale")]));
    }

    #[test]
    fn a_ledes_unnamed_person_with_a_place_before_it_is_the_next_one_named() {
        use Upos::*;
        let doc = resolved(
            "A Texas judge ruled against it.\n\nJudge Ann Reyes said so.",
            &[
                Det, Propn, Noun, Verb, Adp, Pron, Punct, Propn, Propn, Propn, Verb, Adv, Punct,
            ],
            &[
                ("A Texas judge", "ruled against", "it"),
                ("Judge Ann Reyes", "said", "so"),
            ],
        );
        assert_eq!(
            speakers(&doc),
            names(&[Some("Ann Reyes"), Some("Ann Reyes")])
        );
    }

    #[test]
    fn a_live_blog_entrys_unnamed_person_is_the_entrys_next_new_name() {
        use Upos::*;
        let found = speakers_of(
            "Hale wins.\n\n2:45 p.m.\n\nOhio's tax commissioner says no.\n\nTom Baker says \
             so.\n\n3:10 p.m.\n\nA spokeswoman for Ann Lee said yes.\n\nTom Baker said no.",
            &[
                Propn, Verb, Punct, Num, Noun, Propn, Part, Noun, Noun, Verb, Intj, Punct, Propn,
                Propn, Verb, Adv, Punct, Num, Noun, Det, Noun, Adp, Propn, Propn, Verb, Intj,
                Punct, Propn, Propn, Verb, Intj, Punct,
            ],
            &[
                ("Ohio's tax commissioner", "says", "no"),
                ("Tom Baker", "says#1", "so"),
                ("A spokeswoman for Ann Lee", "said", "yes"),
                ("Tom Baker#1", "said#1", "no#1"),
            ],
        );
        // The second entry's spokeswoman is not Tom Baker, named in the entry before.
        assert_eq!(
            found,
            names(&[
                Some("Tom Baker"),
                Some("Tom Baker"),
                None,
                Some("Tom Baker")
            ])
        );
    }

    #[test]
    fn a_ledes_person_qualified_by_a_name_is_not_that_names_bearer() {
        use Upos::*;
        let found = speakers_of(
            "Ann Lee's adviser says no.\n\nAnn Lee said yes.",
            &[
                Propn, Propn, Part, Noun, Verb, Intj, Punct, Propn, Propn, Verb, Intj, Punct,
            ],
            &[
                ("Ann Lee's adviser", "says", "no"),
                ("Ann Lee#1", "said", "yes"),
            ],
        );
        assert_eq!(found, names(&[None, Some("Ann Lee")]));
    }

    #[test]
    fn a_name_set_off_after_the_name_a_nominal_is_qualified_by_is_the_speaker() {
        use Upos::*;
        let found = speakers_of(
            "An attorney for Ann Lee, Tom Pell, said no. An aide to Ann Lee, who spoke, said so.",
            &[
                Det, Noun, Adp, Propn, Propn, Punct, Propn, Propn, Punct, Verb, Intj, Punct, Det,
                Noun, Adp, Propn, Propn, Punct, Pron, Verb, Punct, Verb, Adv, Punct,
            ],
            &[
                ("An attorney for Ann Lee, Tom Pell,", "said", "no"),
                ("An aide to Ann Lee, who spoke,", "said#1", "so"),
            ],
        );
        // Not the person the nominal is qualified by, in either.
        assert_eq!(found, names(&[Some("Tom Pell"), None]));
    }

    #[test]
    fn she_is_her_sentences_subject_before_the_latest_speaker_named_before() {
        use Upos::*;
        let found = speakers_of(
            "Ann Hale joked so. Ms. Lee sang when she added a line.",
            &[
                Propn, Propn, Verb, Adv, Punct, Propn, Propn, Verb, Sconj, Pron, Verb, Det, Noun,
                Punct,
            ],
            &[("Ann Hale", "joked", "so"), ("she", "added", "a line")],
        );
        assert_eq!(found, names(&[Some("Ann Hale"), Some("Lee")]));
        // Not the subject of what she said, before her.
        let found = speakers_of(
            "Ann Hale joked so. Ms. Lee is wrong, she said.",
            &[
                Propn, Propn, Verb, Adv, Punct, Propn, Propn, Aux, Adj, Punct, Pron, Verb, Punct,
            ],
            &[
                ("Ann Hale", "joked", "so"),
                ("she", "said", "Ms. Lee is wrong"),
            ],
        );
        assert_eq!(found, names(&[Some("Ann Hale"), Some("Ann Hale")]));
    }

    #[test]
    fn an_institution_introduced_in_a_lede_is_the_next_one_named_with_its_noun() {
        use Upos::*;
        let tags = [
            Noun, Noun, Punct, Det, Adj, Noun, Noun, Verb, Adp, Det, Noun, Punct, Det, Noun, Adp,
            Det, Propn, Propn, Adp, Propn, Verb, Pron, Punct,
        ];
        let said = [("A federal appeals court", "ruled against", "the plan")];
        let found = speakers_of(
            "Court rules.\n\nA federal appeals court ruled against the plan.\n\nA panel of the \
             Acme Court of Appeals overruled it.",
            &tags,
            &said,
        );
        assert_eq!(found, names(&[Some("Acme Court of Appeals")]));
        // Further into a story, "a court" is not yet known.
        let found = speakers_of(
            "Court rules.\n\nWe wait.\n\nA federal appeals court ruled against the plan.\n\nA \
             panel of the Acme Court of Appeals overruled it.",
            &[&tags[..3], &[Pron, Verb, Punct], &tags[3..]].concat(),
            &said,
        );
        assert_eq!(found, names(&[None]));
    }

    #[test]
    fn a_hosts_show_speaks_for_the_host_but_a_campaign_for_no_one() {
        use Upos::*;
        let found = speakers_of(
            "The host Ed Shaw spoke. His program aired a talk. His campaign said no.",
            &[
                Det, Noun, Propn, Propn, Verb, Punct, Pron, Noun, Verb, Det, Noun, Punct, Pron,
                Noun, Verb, Intj, Punct,
            ],
            &[
                ("His program", "aired", "a talk"),
                ("His campaign", "said", "no"),
            ],
        );
        assert_eq!(found, names(&[Some("Ed Shaw"), None]));
    }

    #[test]
    fn she_after_a_quotation_is_no_one_it_names_but_may_be_a_content_s_subject() {
        use sayso_attribution::QuoteFinder;
        use Upos::*;
        let text = "Ann Lee waved. \"Here comes Hale,\" she said.";
        let mut doc = crate::mentions::tests::tagged(
            text,
            &[
                Propn, Propn, Verb, Punct, Punct, Adv, Verb, Propn, Punct, Punct, Pron, Verb, Punct,
            ],
        );
        sayso_attribution::QuotePairer.find_quotes(&mut doc);
        let doc = resolve(doc, text, &[("she", "said", "\"Here comes Hale,\"")]);
        assert_eq!(speakers(&doc), names(&[Some("Ann Lee")]));
        let found = speakers_of(
            "Ann Lee waved. Hale was shocked, she said.",
            &[
                Propn, Propn, Verb, Punct, Propn, Aux, Adj, Punct, Pron, Verb, Punct,
            ],
            &[("she", "said", "Hale was shocked")],
        );
        assert_eq!(found, names(&[Some("Hale")]));
    }

    #[test]
    fn a_name_in_what_qualifies_a_group_is_not_its_speaker() {
        use Upos::*;
        let found = speakers_of(
            "Unions, including the Acme Federation, said no. One of the authors of that \
             report, Ann Lee, said yes.",
            &[
                Noun, Punct, Verb, Det, Propn, Propn, Punct, Verb, Intj, Punct, Num, Adp, Det,
                Noun, Adp, Det, Noun, Punct, Propn, Propn, Punct, Verb, Intj, Punct,
            ],
            &[
                ("Unions, including the Acme Federation,", "said", "no"),
                (
                    "One of the authors of that report, Ann Lee,",
                    "said#1",
                    "yes",
                ),
            ],
        );
        // ("that" before "report" is a determiner, no relative clause.)
        assert_eq!(found, names(&[None, Some("Ann Lee")]));
    }

    #[test]
    fn a_headlines_person_noun_before_a_verb_tagged_a_noun_waits_for_the_next_name() {
        use Upos::*;
        // The tagger read "urges" as a noun, so "chairman" modifies it and is no mention.
        let found = speakers_of(
            "Former chairman urges contingency plan.\n\nTom Hale said so.",
            &[
                Adj, Noun, Noun, Noun, Noun, Punct, Propn, Propn, Verb, Adv, Punct,
            ],
            &[
                ("Former chairman", "urges", "contingency plan"),
                ("Tom Hale", "said", "so"),
            ],
        );
        assert_eq!(found, names(&[Some("Tom Hale"), Some("Tom Hale")]));
    }

    #[test]
    fn a_title_written_as_a_name_before_a_place_is_not_the_place() {
        use Upos::*;
        let found = speakers_of(
            "Senator from Ohio says no.\n\nTom Hale said so.",
            &[
                Propn, Adp, Propn, Verb, Intj, Punct, Propn, Propn, Verb, Adv, Punct,
            ],
            &[
                ("Senator from Ohio", "says", "no"),
                ("Tom Hale", "said", "so"),
            ],
        );
        assert_eq!(found, names(&[Some("Tom Hale"), Some("Tom Hale")]));
    }

    #[test]
    fn who_after_any_role_beside_a_name_is_that_name() {
        use Upos::*;
        // GUM's "assistant" is mostly software, but "who" makes it a person's role.
        let found = speakers_of(
            "Also there was Ann Lee, a legal assistant who said no.",
            &[
                Adv, Adv, Verb, Propn, Propn, Punct, Det, Adj, Noun, Pron, Verb, Intj, Punct,
            ],
            &[("who", "said", "no")],
        );
        assert_eq!(found, names(&[Some("Ann Lee")]));
    }

    #[test]
    fn a_time_of_day_alone_heads_a_live_blog_entry() {
        assert!(is_time_of_day("2:45 p.m."));
        assert!(is_time_of_day(" 11 a.m.\n"));
        assert!(is_time_of_day("12:50 p.m.:"));
        assert!(!is_time_of_day("2:5 p.m."));
        assert!(!is_time_of_day("At 2:45 p.m."));
        assert!(!is_time_of_day("p.m."));
    }

    #[test]
    fn a_source_written_as_an_entitys_name_is_that_entity() {
        use Upos::*;
        // The tagger took the story's first word for a common noun.
        let found = speakers_of(
            "Politifact: The claim is true.\n\nThen Politifact checked it.",
            &[
                Noun, Punct, Det, Noun, Aux, Adj, Punct, Adv, Propn, Verb, Pron, Punct,
            ],
            &[("Politifact", ":", "The claim is true.")],
        );
        assert_eq!(found, names(&[Some("Politifact")]));
    }

    #[test]
    fn a_source_written_as_one_persons_surname_is_that_person() {
        use Upos::*;
        // The tagger took "Cook" for a verb, so no mention holds it.
        let found = speakers_of(
            "His spokesman, Ann Cook, told the Times. Cook declined to say. Tom Hale and Bo Hale \
             met. Hale said no.",
            &[
                Pron, Noun, Punct, Propn, Propn, Punct, Verb, Det, Propn, Punct, Verb, Verb, Part,
                Verb, Punct, Propn, Propn, Cconj, Propn, Propn, Verb, Punct, Verb, Verb, Intj,
                Punct,
            ],
            &[("Cook#1", "declined", ""), ("Hale#2", "said", "no")],
        );
        // Two people share "Hale": no one.
        assert_eq!(found, names(&[Some("Ann Cook"), None]));
    }

    #[test]
    fn a_documents_named_author_and_the_fund_speak_for_the_organization() {
        use Upos::*;
        let found = speakers_of(
            "The International Monetary Fund met. The IMF report said no. The fund warned.",
            &[
                Det, Propn, Propn, Propn, Verb, Punct, Det, Propn, Noun, Verb, Intj, Punct, Det,
                Noun, Verb, Punct,
            ],
            &[
                ("The IMF report", "said", "no"),
                ("The fund", "warned", "warned"),
            ],
        );
        let imf = Some("International Monetary Fund");
        assert_eq!(found, names(&[imf, imf]));
    }

    #[test]
    fn a_poll_and_a_party_joined_to_another_are_no_one_speaker() {
        use Upos::*;
        let found = speakers_of(
            "Tom Hale spoke. The Acme/Ipsos poll showed gains. Tom Hale and his aides said no.",
            &[
                Propn, Propn, Verb, Punct, Det, Propn, Punct, Propn, Noun, Verb, Noun, Punct,
                Propn, Propn, Cconj, Pron, Noun, Verb, Intj, Punct,
            ],
            &[
                ("Tom Hale", "spoke", "spoke"),
                ("The Acme/Ipsos poll", "showed", "gains"),
                ("Tom Hale and his aides", "said", "no"),
            ],
        );
        assert_eq!(found, names(&[Some("Tom Hale"), None, None]));
    }

    #[test]
    fn a_name_ending_in_a_plural_group_word_is_a_group_but_a_titled_person_is_not() {
        use Upos::*;
        let found = speakers_of(
            "Oversight Committee Republicans met. Republicans said no. Mr. Brian Deese said yes.",
            &[
                Propn, Propn, Propn, Verb, Punct, Propn, Verb, Intj, Punct, Propn, Propn, Propn,
                Verb, Intj, Punct,
            ],
            &[
                ("Republicans", "said", "no"),
                ("Mr. Brian Deese", "said#1", "yes"),
            ],
        );
        assert_eq!(found, names(&[None, Some("Brian Deese")]));
    }

    #[test]
    fn a_possessor_of_a_campaign_or_an_aide_is_not_the_speaker() {
        use Upos::*;
        let found = speakers_of(
            "Ann Ruiz spoke. Her campaign said no. Ruiz's aide said yes. Her letter said so.",
            &[
                Propn, Propn, Verb, Punct, Pron, Noun, Verb, Intj, Punct, Propn, Part, Noun, Verb,
                Intj, Punct, Pron, Noun, Verb, Adv, Punct,
            ],
            &[
                ("Her campaign", "", "no"),
                ("Ruiz's aide", "", "yes"),
                ("Her letter", "", "so"),
            ],
        );
        assert_eq!(found, names(&[None, None, Some("Ann Ruiz")]));
    }

    #[test]
    fn inside_a_quotation_i_is_the_speaker_and_he_someone_else() {
        use sayso_attribution::quotes::{QuoteFinder, QuotePairer};
        let text = "Tom Hale met Bo Lee. “I think he won,” Lee said.";
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        QuotePairer.find_quotes(&mut doc);
        use Upos::*;
        doc.upos = vec![
            Propn, Propn, Verb, Propn, Propn, Punct, Punct, Pron, Verb, Pron, Verb, Punct, Punct,
            Propn, Verb, Punct,
        ];
        assert_eq!(doc.upos.len(), doc.tokens.len());
        // Offsets count characters ("“" is one).
        let at = |word: &str| {
            let start = text[..text.find(word).unwrap()].chars().count() as u32;
            Span::new(start, start + word.chars().count() as u32)
        };
        doc.attributions = vec![Attribution {
            source: vec![Span::new(at("Lee said").start, at("Lee said").start + 3)],
            cue: vec![at("said")],
            content: vec![at("“I think he won,”")],
            ..Attribution::default()
        }];
        SpeakerResolver.resolve(&mut doc);
        let mentions_of = |name: &str| -> Vec<&str> {
            let e = doc.entities.iter().find(|e| e.name == name).unwrap();
            e.mentions.iter().map(|m| doc.slice(*m)).collect()
        };
        assert_eq!(mentions_of("Bo Lee"), ["Bo Lee", "I", "Lee"]);
        assert_eq!(mentions_of("Tom Hale"), ["Tom Hale", "he"]);
    }

    #[test]
    fn who_came_by_a_document_did_not_write_it() {
        use Upos::*;
        let found = speakers_of(
            "A memo obtained by Hale News said no.",
            &[Det, Noun, Verb, Adp, Propn, Propn, Verb, Intj, Punct],
            &[("A memo obtained by Hale News", "said", "no")],
        );
        assert_eq!(found, [None]);
    }

    #[test]
    fn a_spokeswoman_for_a_named_person_is_not_that_person() {
        use Upos::*;
        let found = speakers_of(
            "A spokeswoman for Ann Ruiz said no. Ann Ruiz added yes.",
            &[
                Det, Noun, Adp, Propn, Propn, Verb, Intj, Punct, Propn, Propn, Verb, Intj, Punct,
            ],
            &[
                ("A spokeswoman for Ann Ruiz", "said", "no"),
                ("Ann Ruiz added", "added", "yes"),
            ],
        );
        assert_eq!(found, [None, Some("Ann Ruiz".to_string())]);
        // Past the name's title too, but not past an office's own "of".
        let found = speakers_of(
            "A spokeswoman for Gov. Ann Ruiz said no. Secretary of State Al Roe added yes.",
            &[
                Det, Noun, Adp, Propn, Propn, Propn, Verb, Intj, Punct, Propn, Adp, Propn, Propn,
                Propn, Verb, Intj, Punct,
            ],
            &[
                ("A spokeswoman for Gov. Ann Ruiz", "said", "no"),
                ("Secretary of State Al Roe", "added", "yes"),
            ],
        );
        assert_eq!(found, [None, Some("Al Roe".to_string())]);
    }

    #[test]
    fn a_capitalized_adjective_before_a_titled_name_modifies_it() {
        use Upos::*;
        let found = speakers_of(
            "South Korea protested. South Korean President Kim Ha-na said no.",
            &[
                Propn, Propn, Verb, Punct, Propn, Adj, Propn, Propn, Propn, Punct, Propn, Verb,
                Intj, Punct,
            ],
            &[("South Korean President Kim Ha-na", "said", "no")],
        );
        assert_eq!(found, names(&[Some("Kim Ha-na")]));
    }

    #[test]
    fn i_outside_quotation_marks_is_the_writer_who_signs_or_the_closing_line_names() {
        use sayso_attribution::quotes::{QuoteFinder, QuotePairer};
        use Upos::*;
        let text = "I think the law is unfair.\n\nAnn Ruiz.\n\nI said no. “I was wrong,” Bo Lee \
                    said.\n\nTom Hale is a writer in Ohio.";
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        QuotePairer.find_quotes(&mut doc);
        doc.upos = vec![
            Pron, Verb, Det, Noun, Aux, Adj, Punct, Propn, Propn, Punct, Pron, Verb, Intj, Punct,
            Punct, Pron, Aux, Adj, Punct, Punct, Propn, Propn, Verb, Punct, Propn, Propn, Aux, Det,
            Noun, Adp, Propn, Punct,
        ];
        assert_eq!(doc.upos.len(), doc.tokens.len());
        let i = |nth: usize| {
            let start = text.match_indices('I').nth(nth).unwrap().0;
            let start = text[..start].chars().count() as u32;
            vec![Span::new(start, start + 1)]
        };
        doc.attributions = (0..3)
            .map(|nth| Attribution {
                source: i(nth),
                ..Attribution::default()
            })
            .collect();
        SpeakerResolver.resolve(&mut doc);
        let found: Vec<Option<&str>> = doc
            .attributions
            .iter()
            .map(|a| a.speaker.as_deref())
            .collect();
        assert_eq!(found, [Some("Ann Ruiz"), Some("Tom Hale"), None]);
    }

    #[test]
    fn aides_experts_on_a_place_a_named_team_and_those_close_to_him_are_no_one_speaker() {
        use Upos::*;
        let found = speakers_of(
            "Gov. Tom Hale spoke, and the Urban Institute agreed. His surrogates say no. Experts \
             on North Korea say yes. The Hale team says maybe. Those close to him say never.",
            &[
                Propn, Propn, Propn, Verb, Punct, Cconj, Det, Adj, Propn, Verb, Punct, Pron, Noun,
                Verb, Intj, Punct, Noun, Adp, Propn, Propn, Verb, Intj, Punct, Det, Propn, Noun,
                Verb, Adv, Punct, Pron, Adj, Adp, Pron, Verb, Adv, Punct,
            ],
            &[
                ("Gov. Tom Hale", "", "spoke"),
                ("His surrogates", "", "no"),
                ("Experts on North Korea", "", "yes"),
                ("The Hale team", "", "maybe"),
                ("Those close to him", "", "never"),
            ],
        );
        assert_eq!(found, names(&[Some("Tom Hale"), None, None, None, None]));
    }

    #[test]
    fn it_is_the_organization_that_spoke_last_but_not_a_person() {
        use Upos::*;
        let found = speakers_of(
            "The IMF said growth slowed. It forecast a rebound. Tom Hale said no. It said yes.",
            &[
                Det, Propn, Verb, Noun, Verb, Punct, Pron, Verb, Det, Noun, Punct, Propn, Propn,
                Verb, Intj, Punct, Pron, Verb, Intj, Punct,
            ],
            &[
                ("The IMF", "said#0", "growth slowed"),
                ("It#0", "forecast", "a rebound"),
                ("Tom Hale", "said#1", "no"),
                ("It#1", "said#2", "yes"),
            ],
        );
        assert_eq!(
            found,
            names(&[Some("IMF"), Some("IMF"), Some("Tom Hale"), None])
        );
    }

    #[test]
    fn a_name_after_a_preposition_opening_the_sentence_is_not_whom_he_stands_for() {
        use Upos::*;
        let found = speakers_of(
            "Tom Hale said yes. The vote was close. Campaigning against Bo Lee, he said no.",
            &[
                Propn, Propn, Verb, Intj, Punct, Det, Noun, Aux, Adj, Punct, Verb, Adp, Propn,
                Propn, Punct, Pron, Verb, Intj, Punct,
            ],
            &[("Tom Hale", "said#0", "yes"), ("he#1", "said#1", "no")],
        );
        assert_eq!(found, names(&[Some("Tom Hale"), Some("Tom Hale")]));
    }

    /// The speakers of attributions given as `(source, cue, content)` by their words (see
    /// [`resolved`]).
    fn speakers_of(text: &str, tags: &[Upos], said: &[(&str, &str, &str)]) -> Vec<Option<String>> {
        speakers(&resolved(text, tags, said))
    }

    fn speakers(doc: &Document) -> Vec<Option<String>> {
        doc.attributions.iter().map(|a| a.speaker.clone()).collect()
    }

    fn names(found: &[Option<&str>]) -> Vec<Option<String>> {
        found.iter().map(|n| n.map(str::to_string)).collect()
    }

    /// A document of ASCII `text` with hand-given tags and attributions, its speakers
    /// resolved: each `(source, cue, content)` is found by its words, "word#2" for their third
    /// occurrence, "" for none, "a | b" for two pieces.
    fn resolved(text: &str, tags: &[Upos], said: &[(&str, &str, &str)]) -> Document {
        resolve(crate::mentions::tests::tagged(text, tags), text, said)
    }

    /// The same with a hand-given parse, each token's head (`None` for a root) and relation.
    fn resolved_parsed(
        text: &str,
        tags: &[Upos],
        parse: &[(Option<u32>, &str)],
        said: &[(&str, &str, &str)],
    ) -> Document {
        let mut doc = crate::mentions::tests::tagged(text, tags);
        doc.heads = parse.iter().map(|(h, _)| *h).collect();
        doc.deprels = parse.iter().map(|(_, d)| (*d).into()).collect();
        resolve(doc, text, said)
    }

    fn resolve(mut doc: Document, text: &str, said: &[(&str, &str, &str)]) -> Document {
        // Pieces of a span are written "first | second".
        let at = |pieces: &str| -> Vec<Span> {
            if pieces.is_empty() {
                return Vec::new();
            }
            pieces
                .split(" | ")
                .map(|words| {
                    let (words, nth) = match words.rsplit_once('#') {
                        Some((w, n)) => (w, n.parse().unwrap()),
                        None => (words, 0),
                    };
                    let start = text.match_indices(words).nth(nth).unwrap().0 as u32;
                    Span::new(start, start + words.len() as u32)
                })
                .collect()
        };
        doc.attributions = said
            .iter()
            .map(|(source, cue, content)| Attribution {
                source: at(source),
                cue: at(cue),
                content: at(content),
                ..Attribution::default()
            })
            .collect();
        SpeakerResolver.resolve(&mut doc);
        doc
    }

    #[test]
    fn two_people_named_together_are_no_one_speaker_and_mrs_is_a_woman() {
        use Upos::*;
        let found = speakers_of(
            "Bill Clinton met Hillary Clinton and Tom Hale. Bill Clinton spoke. Mr. Hale and \
             Mrs. Clinton agree. Mrs. Clinton left.",
            &[
                Propn, Propn, Verb, Propn, Propn, Cconj, Propn, Propn, Punct, Propn, Propn, Verb,
                Punct, Propn, Propn, Cconj, Propn, Propn, Verb, Punct, Propn, Propn, Verb, Punct,
            ],
            &[
                ("Mr. Hale and Mrs. Clinton", "agree", "agree"),
                ("Mrs. Clinton left", "left", "left"),
            ],
        );
        assert_eq!(found, [None, Some("Hillary Clinton".to_string())]);
    }

    #[test]
    fn a_group_named_by_a_plural_word_is_no_one_speaker() {
        use Upos::*;
        let found = speakers_of(
            "Many Democrats fear a loss.",
            &[Adj, Propn, Verb, Det, Noun, Punct],
            &[("Many Democrats", "fear", "a loss")],
        );
        assert_eq!(found, [None]);
    }

    #[test]
    fn she_is_not_a_man_nor_a_group() {
        let text = "Ms. Ruiz met Donald Trump and Americans. She said no.";
        let mut doc = Document::new("t", text).unwrap();
        sayso_text::segment(&mut doc);
        use Upos::*;
        doc.upos = vec![
            Propn, Propn, Verb, Propn, Propn, Cconj, Propn, Punct, Pron, Verb, Intj, Punct,
        ];
        assert_eq!(doc.upos.len(), doc.tokens.len());
        let at = |word: &str| {
            let start = text.find(word).unwrap() as u32;
            Span::new(start, start + word.len() as u32)
        };
        doc.attributions = vec![Attribution {
            source: vec![at("She")],
            cue: vec![at("said")],
            content: vec![at("no")],
            ..Attribution::default()
        }];
        SpeakerResolver.resolve(&mut doc);
        assert_eq!(doc.attributions[0].speaker.as_deref(), Some("Ruiz"));
    }
}
