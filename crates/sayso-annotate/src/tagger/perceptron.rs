//! A greedy averaged-perceptron part-of-speech tagger over hashed features.
//!
//! Each token is tagged left to right from features of the word, its affixes and shape, its
//! neighbours, the ambiguity classes of the words around it (the tags each took in training)
//! and the two tags before it (`upos-perceptron.bin`, rebuilt by `sayso train tagger`).

use super::Tagger;
use crate::perceptron::{
    best, hash_chars, hash_str, mix, shape_hash, shuffle, ModelError, Trainer, Weights,
};
use sayso_document::{Document, Upos};
use std::collections::HashMap;
use std::sync::OnceLock;

// Tags index `Upos::ALL` in declaration order.
const NT: usize = Upos::ALL.len();
const MAGIC: &[u8; 8] = b"SAYSOPT3";
const BUNDLED: &[u8] = include_bytes!("upos-perceptron.bin");

pub struct PerceptronTagger {
    weights: Weights,
    /// Ambiguity class of frequent words ("NOUN|VERB"): the tags each took in training.
    classes: HashMap<String, String>,
    /// The same, hashed for lookup on the hot path: word hash to class hash.
    lookup: Lookup,
}

/// Keys are already hashes: no hashing again.
#[derive(Default)]
struct Identity(u64);

impl std::hash::Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ *b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Lookup = HashMap<u64, u64, std::hash::BuildHasherDefault<Identity>>;

fn lookup_of(classes: &HashMap<String, String>) -> Lookup {
    classes
        .iter()
        .map(|(w, c)| (hash_chars(&w.chars().collect::<Vec<_>>()), hash_str(c)))
        .collect()
}

impl PerceptronTagger {
    /// The model bundled with the library, loaded once per process.
    pub fn bundled() -> &'static PerceptronTagger {
        static TAGGER: OnceLock<PerceptronTagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            PerceptronTagger::from_bytes(BUNDLED)
                .expect("the bundled tagger is checked by a unit test")
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let (weights, rest) = Weights::from_bytes(bytes, MAGIC, "tagger")?;
        if weights.classes() != NT {
            return Err(ModelError::BadHeader("tagger"));
        }
        let dictionary = std::str::from_utf8(rest).map_err(|_| ModelError::BadHeader("tagger"))?;
        let classes = dictionary
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, c)| (w.to_string(), c.to_string()))
            .collect();
        let lookup = lookup_of(&classes);
        Ok(PerceptronTagger {
            weights,
            classes,
            lookup,
        })
    }

    /// The model file: the weights, then the ambiguity classes as `word<TAB>class` lines.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.weights.to_bytes(MAGIC);
        let mut entries: Vec<(&String, &String)> = self.classes.iter().collect();
        entries.sort();
        for (w, c) in entries {
            out.extend_from_slice(format!("{w}\t{c}\n").as_bytes());
        }
        out
    }

    /// Tags one sentence of words.
    pub fn tag_words(&self, words: &[&str]) -> Vec<Upos> {
        let ctx = Context::new(words, &self.lookup);
        let mut tags: Vec<Upos> = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(40);
        let mut scores = [0f32; NT];
        for i in 0..words.len() {
            let prev = tags.last().copied();
            let prev2 = if i >= 2 { Some(tags[i - 2]) } else { None };
            ctx.features(i, prev, prev2, &mut feats);
            self.weights.scores(&feats, &mut scores);
            tags.push(Upos::ALL[best(&scores, None)]);
        }
        tags
    }
}

impl std::fmt::Debug for PerceptronTagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PerceptronTagger")
            .field("bits", &self.weights.bits())
            .field("classes", &self.classes.len())
            .finish()
    }
}

impl Tagger for PerceptronTagger {
    fn tag(&self, doc: &mut Document) {
        let mut tags = Vec::with_capacity(doc.tokens.len());
        for r in crate::token_chunks(doc) {
            let words: Vec<&str> = r.map(|i| doc.token_text(i)).collect();
            tags.extend(self.tag_words(&words));
        }
        doc.upos = tags;
    }
}

struct Context {
    word: Vec<u64>,
    original: Vec<u64>,
    suffix: [Vec<u64>; 4],
    prefix1: Vec<u64>,
    prefix3: Vec<u64>,
    shape: Vec<u64>,
    class: Vec<u64>,
}

const PAD_START: u64 = 0x51;
const PAD_END: u64 = 0x52;

impl Context {
    fn new(words: &[&str], dictionary: &Lookup) -> Self {
        let n = words.len();
        let mut c = Context {
            word: Vec::with_capacity(n),
            original: Vec::with_capacity(n),
            suffix: std::array::from_fn(|_| Vec::with_capacity(n)),
            prefix1: Vec::with_capacity(n),
            prefix3: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            class: Vec::with_capacity(n),
        };
        let mut chars: Vec<char> = Vec::with_capacity(32);
        for w in words {
            chars.clear();
            chars.extend(normalized_chars(w));
            let word = hash_chars(&chars);
            c.word.push(word);
            c.original.push(hash_str(w));
            for (k, v) in c.suffix.iter_mut().enumerate() {
                v.push(hash_chars(&chars[chars.len().saturating_sub(k + 1)..]));
            }
            c.prefix1.push(hash_chars(&chars[..chars.len().min(1)]));
            c.prefix3.push(hash_chars(&chars[..chars.len().min(3)]));
            c.shape.push(shape_hash(w));
            c.class.push(dictionary.get(&word).copied().unwrap_or(0x3f));
        }
        c
    }

    fn features(&self, i: usize, prev: Option<Upos>, prev2: Option<Upos>, out: &mut Vec<u64>) {
        out.clear();
        let at = |v: &[u64], k: isize| -> u64 {
            if k < 0 {
                PAD_START
            } else {
                v.get(k as usize).copied().unwrap_or(PAD_END)
            }
        };
        let tag = |t: Option<Upos>| t.map_or(0x7f, |t| t as u64 + 1);
        let (t1, t2) = (tag(prev), tag(prev2));
        let k = i as isize;
        let (w, sh, a) = (self.word[i], self.shape[i], self.class[i]);
        let s3 = self.suffix[2][i];
        out.push(mix(&[0]));
        out.push(mix(&[1, w]));
        out.push(mix(&[2, self.suffix[0][i]]));
        out.push(mix(&[3, self.suffix[1][i]]));
        out.push(mix(&[4, s3]));
        out.push(mix(&[5, self.prefix1[i]]));
        out.push(mix(&[6, sh]));
        out.push(mix(&[7, t1]));
        out.push(mix(&[8, t2, t1]));
        out.push(mix(&[9, t1, w]));
        out.push(mix(&[10, at(&self.word, k - 1)]));
        out.push(mix(&[11, at(&self.word, k - 1), s3]));
        out.push(mix(&[12, at(&self.word, k - 2)]));
        out.push(mix(&[13, at(&self.word, k + 1)]));
        out.push(mix(&[14, at(&self.suffix[2], k + 1)]));
        out.push(mix(&[15, at(&self.word, k + 2)]));
        out.push(mix(&[16, at(&self.shape, k - 1), sh]));
        out.push(mix(&[17, at(&self.shape, k + 1)]));
        out.push(mix(&[18, (i == 0) as u64, sh]));
        out.push(mix(&[19, self.suffix[3][i]]));
        out.push(mix(&[20, self.prefix3[i]]));
        out.push(mix(&[21, at(&self.word, k - 1), w]));
        out.push(mix(&[22, w, at(&self.word, k + 1)]));
        out.push(mix(&[23, t1, at(&self.word, k + 1)]));
        out.push(mix(&[24, a]));
        out.push(mix(&[25, at(&self.class, k + 1)]));
        out.push(mix(&[26, at(&self.class, k + 2)]));
        out.push(mix(&[27, t1, a]));
        out.push(mix(&[28, a, at(&self.class, k + 1)]));
        out.push(mix(&[29, at(&self.class, k - 1), a]));
        out.push(mix(&[30, self.original[i]]));
        out.push(mix(&[31, at(&self.suffix[2], k - 1)]));
        out.push(mix(&[32, t1, sh]));
        out.push(mix(&[33, t2, a]));
        out.push(mix(&[34, at(&self.shape, k + 1), a]));
        out.push(mix(&[35, t1, at(&self.class, k + 1)]));
    }
}

/// Lower case, curly apostrophes straightened, digits folded.
fn normalized_chars(w: &str) -> impl Iterator<Item = char> + '_ {
    w.chars()
        .map(|c| match c {
            '’' | 'ʼ' => '\'',
            '0'..='9' => '0',
            c => c,
        })
        .flat_map(char::to_lowercase)
}

fn normalize(w: &str) -> String {
    normalized_chars(w).collect()
}

/// Training: averaged perceptron over sentences of (word, tag), shuffled with a fixed seed.
pub mod train {
    use super::*;

    pub struct Example {
        pub words: Vec<String>,
        pub tags: Vec<Upos>,
    }

    pub fn train(
        examples: &[Example],
        iterations: usize,
        bits: u32,
        seed: u64,
    ) -> PerceptronTagger {
        let classes = ambiguity_classes(examples);
        let lookup = lookup_of(&classes);
        let mut trainer = Trainer::new(bits, NT);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = seed;
        let mut feats = Vec::with_capacity(40);
        let mut scores = [0f32; NT];
        for _ in 0..iterations {
            shuffle(&mut order, &mut rng);
            for &e in &order {
                let ex = &examples[e];
                let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
                let ctx = Context::new(&words, &lookup);
                let mut guesses: Vec<Upos> = Vec::with_capacity(words.len());
                for i in 0..words.len() {
                    let prev = guesses.last().copied();
                    let prev2 = if i >= 2 { Some(guesses[i - 2]) } else { None };
                    ctx.features(i, prev, prev2, &mut feats);
                    trainer.scores(&feats, &mut scores);
                    let guess = best(&scores, None);
                    trainer.update(&feats, ex.tags[i] as usize, guess);
                    guesses.push(Upos::ALL[guess]);
                }
            }
        }
        PerceptronTagger {
            weights: trainer.finish(),
            classes,
            lookup,
        }
    }

    /// Words seen at least `MIN_COUNT` times, with the tags that made up at least 5% of them.
    fn ambiguity_classes(examples: &[Example]) -> HashMap<String, String> {
        const MIN_COUNT: usize = 3;
        let mut counts: HashMap<String, [usize; NT]> = HashMap::new();
        for ex in examples {
            for (w, t) in ex.words.iter().zip(&ex.tags) {
                counts.entry(normalize(w)).or_insert([0; NT])[*t as usize] += 1;
            }
        }
        counts
            .into_iter()
            .filter_map(|(w, c)| {
                let total: usize = c.iter().sum();
                let tags: Vec<&str> = (0..NT)
                    .filter(|&k| c[k] * 20 >= total)
                    .map(|k| Upos::ALL[k].as_str())
                    .collect();
                (total >= MIN_COUNT).then(|| (w, tags.join("|")))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::train::{train, Example};
    use super::*;

    fn ex(words: &str, tags: &[Upos]) -> Example {
        Example {
            words: words.split(' ').map(str::to_string).collect(),
            tags: tags.to_vec(),
        }
    }

    #[test]
    fn learns_a_toy_language_and_round_trips() {
        use Upos::*;
        let data = vec![
            ex("the dog runs", &[Det, Noun, Verb]),
            ex("a cat sleeps", &[Det, Noun, Verb]),
            ex("the cat runs", &[Det, Noun, Verb]),
            ex("Ann said no", &[Propn, Verb, Intj]),
        ];
        let t = train(&data, 10, 10, 7);
        assert_eq!(t.tag_words(&["a", "dog", "sleeps"]), [Det, Noun, Verb]);
        let back = PerceptronTagger::from_bytes(&t.to_bytes()).unwrap();
        assert_eq!(back.tag_words(&["the", "dog", "runs"]), [Det, Noun, Verb]);
    }

    #[test]
    fn corrupt_model_is_a_clear_error() {
        assert_eq!(
            PerceptronTagger::from_bytes(b"nonsense").unwrap_err(),
            ModelError::BadHeader("tagger")
        );
        let mut bytes = train(&[ex("a b", &[Upos::Det, Upos::Noun])], 1, 8, 1).to_bytes();
        bytes.truncate(100);
        assert!(matches!(
            PerceptronTagger::from_bytes(&bytes),
            Err(ModelError::BadLength("tagger", 100, _))
        ));
    }

    #[test]
    fn bundled_model_tags_news() {
        let t = PerceptronTagger::bundled();
        let tags = t.tag_words(&[
            "Axelrod", "told", "The", "New", "Yorker", "that", "he", "was", "upset", ".",
        ]);
        assert_eq!(tags[0], Upos::Propn);
        assert_eq!(tags[1], Upos::Verb);
        assert_eq!(tags[5], Upos::Sconj);
        assert_eq!(tags[9], Upos::Punct);
    }
}
