//! A greedy averaged-perceptron part-of-speech tagger over hashed features.
//!
//! Each token is tagged left to right from features of the word, its affixes and shape, its
//! neighbours and the two tags before it. Feature strings are hashed into `2^bits` buckets, each
//! holding one weight per tag, so the model is a flat array whatever the vocabulary. Weights are
//! stored as 16-bit integers with one scale (`upos-perceptron.bin`, rebuilt by
//! `sayso train tagger`).

use super::Tagger;
use sayso_document::{Document, Upos};
use std::collections::HashMap;
use std::sync::OnceLock;
use thiserror::Error;

const NT: usize = Upos::ALL.len();
// Tags index `Upos::ALL` in declaration order.
const MAGIC: &[u8; 8] = b"SAYSOPT1";
const BUNDLED: &[u8] = include_bytes!("upos-perceptron.bin");

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("tagger model: not a sayso perceptron model (bad header)")]
    BadHeader,
    #[error("tagger model: {0} bytes where {1} were expected (truncated or corrupt)")]
    BadLength(usize, usize),
}

pub struct PerceptronTagger {
    bits: u32,
    /// `2^bits` buckets of `NT` weights.
    weights: Vec<f32>,
    /// Ambiguity class of frequent words ("NOUN|VERB"): the tags each took in training.
    classes: HashMap<String, String>,
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
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(ModelError::BadHeader);
        }
        let bits = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
        if !(8..=24).contains(&bits) {
            return Err(ModelError::BadHeader);
        }
        let scale = f32::from_le_bytes(bytes[12..16].try_into().expect("4 bytes"));
        let n = (1usize << bits) * NT;
        let expected = 16 + 2 * n;
        if bytes.len() < expected {
            return Err(ModelError::BadLength(bytes.len(), expected));
        }
        let weights = bytes[16..expected]
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]) as f32 * scale)
            .collect();
        let dictionary =
            std::str::from_utf8(&bytes[expected..]).map_err(|_| ModelError::BadHeader)?;
        let classes = dictionary
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, c)| (w.to_string(), c.to_string()))
            .collect();
        Ok(PerceptronTagger {
            bits,
            weights,
            classes,
        })
    }

    /// The model file: header, then the weights quantized to 16 bits.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let mut out = Vec::with_capacity(16 + 2 * self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
        }
        let mut entries: Vec<(&String, &String)> = self.classes.iter().collect();
        entries.sort();
        for (w, c) in entries {
            out.extend_from_slice(format!("{w}\t{c}\n").as_bytes());
        }
        out
    }

    /// Tags one sentence of words.
    pub fn tag_words(&self, words: &[&str]) -> Vec<Upos> {
        let ctx = Context::new(words, &self.classes);
        let mut tags: Vec<Upos> = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(32);
        for i in 0..words.len() {
            let prev = tags.last().copied();
            let prev2 = if i >= 2 { Some(tags[i - 2]) } else { None };
            ctx.features(i, prev, prev2, &mut feats);
            tags.push(Upos::ALL[best(&self.scores(&feats))]);
        }
        tags
    }

    fn scores(&self, feats: &[u64]) -> [f32; NT] {
        let mask = (1u64 << self.bits) - 1;
        let mut s = [0f32; NT];
        for f in feats {
            let row = ((f & mask) as usize) * NT;
            for (t, w) in self.weights[row..row + NT].iter().enumerate() {
                s[t] += w;
            }
        }
        s
    }
}

impl std::fmt::Debug for PerceptronTagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PerceptronTagger")
            .field("bits", &self.bits)
            .field("classes", &self.classes.len())
            .finish()
    }
}

impl Tagger for PerceptronTagger {
    fn tag(&self, doc: &mut Document) {
        let mut tags = Vec::with_capacity(doc.tokens.len());
        let mut start = 0usize;
        for s in &doc.sentences {
            let end = doc.tokens.partition_point(|t| t.span.start < s.end);
            // Tokens outside sentences (none in practice) are tagged with the sentence after them.
            let words: Vec<&str> = (start..end).map(|i| doc.token_text(i)).collect();
            tags.extend(self.tag_words(&words));
            start = end;
        }
        let rest: Vec<&str> = (start..doc.tokens.len())
            .map(|i| doc.token_text(i))
            .collect();
        tags.extend(self.tag_words(&rest));
        doc.upos = tags;
    }
}

fn best(s: &[f32; NT]) -> usize {
    let mut b = 0;
    for t in 1..NT {
        if s[t] > s[b] {
            b = t;
        }
    }
    b
}

/// The hashed properties of a sentence's words, computed once so that each feature is a few
/// multiplications (tagging is on the pipeline's hot path).
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
    fn new(words: &[&str], dictionary: &HashMap<String, String>) -> Self {
        let n = words.len();
        let mut c = Context {
            word: Vec::with_capacity(n),
            original: Vec::with_capacity(n),
            suffix: Default::default(),
            prefix1: Vec::with_capacity(n),
            prefix3: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            class: Vec::with_capacity(n),
        };
        for w in words {
            let lower = normalize(w);
            let chars: Vec<char> = lower.chars().collect();
            c.word.push(hash_chars(&chars));
            c.original.push(hash_str(w));
            for (k, v) in c.suffix.iter_mut().enumerate() {
                v.push(hash_chars(&chars[chars.len().saturating_sub(k + 1)..]));
            }
            c.prefix1.push(hash_chars(&chars[..chars.len().min(1)]));
            c.prefix3.push(hash_chars(&chars[..chars.len().min(3)]));
            c.shape.push(hash_str(&shape(w)));
            c.class
                .push(dictionary.get(&lower).map_or(0x3f, |k| hash_str(k)));
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
        let templates: [&[u64]; 36] = [
            &[0],
            &[1, w],
            &[2, self.suffix[0][i]],
            &[3, self.suffix[1][i]],
            &[4, s3],
            &[5, self.prefix1[i]],
            &[6, sh],
            &[7, t1],
            &[8, t2, t1],
            &[9, t1, w],
            &[10, at(&self.word, k - 1)],
            &[11, at(&self.word, k - 1), s3],
            &[12, at(&self.word, k - 2)],
            &[13, at(&self.word, k + 1)],
            &[14, at(&self.suffix[2], k + 1)],
            &[15, at(&self.word, k + 2)],
            &[16, at(&self.shape, k - 1), sh],
            &[17, at(&self.shape, k + 1)],
            &[18, (i == 0) as u64, sh],
            &[19, self.suffix[3][i]],
            &[20, self.prefix3[i]],
            &[21, at(&self.word, k - 1), w],
            &[22, w, at(&self.word, k + 1)],
            &[23, t1, at(&self.word, k + 1)],
            &[24, a],
            &[25, at(&self.class, k + 1)],
            &[26, at(&self.class, k + 2)],
            &[27, t1, a],
            &[28, a, at(&self.class, k + 1)],
            &[29, at(&self.class, k - 1), a],
            &[30, self.original[i]],
            &[31, at(&self.suffix[2], k - 1)],
            &[32, t1, sh],
            &[33, t2, a],
            &[34, at(&self.shape, k + 1), a],
            &[35, t1, at(&self.class, k + 1)],
        ];
        out.extend(templates.iter().map(|parts| mix(parts)));
    }
}

/// Combines hashed parts into one feature (FNV-style over 64-bit words).
fn mix(parts: &[u64]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        h = (h ^ p).wrapping_mul(0x0000_0100_0000_01b3);
        h ^= h >> 32;
    }
    h ^ (h >> 29)
}

fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn hash_chars(cs: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in cs {
        h = (h ^ *c as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Lower case, curly apostrophes straightened, digits folded.
fn normalize(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            '’' | 'ʼ' => '\'',
            '0'..='9' => '0',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The word's shape with runs collapsed: "Legend" -> "Xx", "U.S." -> "X.X.", "2016" -> "d".
fn shape(w: &str) -> String {
    let mut out = String::new();
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) {
            out.push(s);
        }
        if out.len() > 8 {
            break;
        }
    }
    out
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
        let n = (1usize << bits) * NT;
        let mut w = vec![0f32; n];
        let mut totals = vec![0f64; n];
        let mut stamps = vec![0u64; n];
        let mut step: u64 = 0;
        let mask = (1u64 << bits) - 1;
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = seed;
        let mut feats = Vec::with_capacity(32);
        let classes = ambiguity_classes(examples);
        for _ in 0..iterations {
            shuffle(&mut order, &mut rng);
            for &e in &order {
                let ex = &examples[e];
                let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
                let ctx = Context::new(&words, &classes);
                let mut guesses: Vec<Upos> = Vec::with_capacity(words.len());
                for i in 0..words.len() {
                    let prev = guesses.last().copied();
                    let prev2 = if i >= 2 { Some(guesses[i - 2]) } else { None };
                    ctx.features(i, prev, prev2, &mut feats);
                    let mut s = [0f32; NT];
                    for f in &feats {
                        let row = ((f & mask) as usize) * NT;
                        for t in 0..NT {
                            s[t] += w[row + t];
                        }
                    }
                    let guess = best(&s);
                    let truth = Upos::ALL
                        .iter()
                        .position(|u| *u == ex.tags[i])
                        .expect("a UPOS tag");
                    step += 1;
                    if guess != truth {
                        for f in &feats {
                            let row = ((f & mask) as usize) * NT;
                            for (t, delta) in [(truth, 1f32), (guess, -1f32)] {
                                let k = row + t;
                                totals[k] += (step - stamps[k]) as f64 * w[k] as f64;
                                stamps[k] = step;
                                w[k] += delta;
                            }
                        }
                    }
                    guesses.push(Upos::ALL[guess]);
                }
            }
        }
        let weights = (0..n)
            .map(|k| {
                let total = totals[k] + (step - stamps[k]) as f64 * w[k] as f64;
                (total / step.max(1) as f64) as f32
            })
            .collect();
        PerceptronTagger {
            bits,
            weights,
            classes,
        }
    }

    /// Words seen at least `MIN_COUNT` times, with the tags that made up at least 5% of them.
    fn ambiguity_classes(examples: &[Example]) -> HashMap<String, String> {
        const MIN_COUNT: usize = 3;
        let mut counts: HashMap<String, [usize; NT]> = HashMap::new();
        for ex in examples {
            for (w, t) in ex.words.iter().zip(&ex.tags) {
                let k = Upos::ALL.iter().position(|u| u == t).expect("a UPOS tag");
                counts.entry(normalize(w)).or_insert([0; NT])[k] += 1;
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

    /// Fisher-Yates with a xorshift generator (deterministic for a seed).
    fn shuffle(v: &mut [usize], state: &mut u64) {
        for i in (1..v.len()).rev() {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            let j = (*state % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
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
            ModelError::BadHeader
        );
        let mut bytes = train(&[ex("a b", &[Upos::Det, Upos::Noun])], 1, 8, 1).to_bytes();
        bytes.truncate(100);
        assert!(matches!(
            PerceptronTagger::from_bytes(&bytes),
            Err(ModelError::BadLength(100, _))
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
