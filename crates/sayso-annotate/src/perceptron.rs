//! The learning machinery shared by the tagger and the parser: a multi-class averaged
//! perceptron over hashed features.
//!
//! Features are 64-bit hashes; the low `bits` bits choose a bucket of one weight per class, so
//! the model is a flat array whatever the vocabulary. Stored weights are 16-bit integers with
//! one scale.

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("{0} model: not a sayso model of this kind (bad header)")]
    BadHeader(&'static str),
    #[error("{0} model: {1} bytes where at least {2} were expected (truncated or corrupt)")]
    BadLength(&'static str, usize, usize),
}

/// Trained weights: `2^bits` buckets of `classes` weights, kept as 16-bit integers with one
/// scale in memory too (half the memory traffic of floats on the tagging hot path).
#[derive(Clone)]
pub struct Weights {
    bits: u32,
    classes: usize,
    scale: f32,
    w: Vec<i16>,
}

/// Classes scored with integer sums on the stack; more take the float path.
const MAX_FAST_CLASSES: usize = 64;

impl Weights {
    pub fn classes(&self) -> usize {
        self.classes
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The score of every class for a set of features.
    pub fn scores(&self, features: &[u64], out: &mut [f32]) {
        let mask = (1u64 << self.bits) - 1;
        if self.classes <= MAX_FAST_CLASSES {
            let mut sums = [0i32; MAX_FAST_CLASSES];
            let sums = &mut sums[..self.classes];
            for f in features {
                let row = ((f & mask) as usize) * self.classes;
                for (s, w) in sums.iter_mut().zip(&self.w[row..row + self.classes]) {
                    *s += *w as i32;
                }
            }
            for (o, s) in out.iter_mut().zip(sums.iter()) {
                *o = *s as f32 * self.scale;
            }
            return;
        }
        out.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            let row = ((f & mask) as usize) * self.classes;
            for (s, w) in out.iter_mut().zip(&self.w[row..row + self.classes]) {
                *s += *w as f32 * self.scale;
            }
        }
    }

    /// Serialized: `magic`, bits, classes, scale, then the 16-bit weights.
    pub fn to_bytes(&self, magic: &[u8; 8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(20 + 2 * self.w.len());
        out.extend_from_slice(magic);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for w in &self.w {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads weights written by [`Weights::to_bytes`]; returns them and the bytes after them.
    pub fn from_bytes<'b>(
        bytes: &'b [u8],
        magic: &[u8; 8],
        what: &'static str,
    ) -> Result<(Weights, &'b [u8]), ModelError> {
        if bytes.len() < 20 || &bytes[..8] != magic {
            return Err(ModelError::BadHeader(what));
        }
        let word = |k: usize| u32::from_le_bytes(bytes[k..k + 4].try_into().expect("4 bytes"));
        let (bits, classes) = (word(8), word(12) as usize);
        if !(8..=24).contains(&bits) || classes == 0 || classes > 4096 {
            return Err(ModelError::BadHeader(what));
        }
        let scale = f32::from_le_bytes(bytes[16..20].try_into().expect("4 bytes"));
        let end = 20 + 2 * (1usize << bits) * classes;
        if bytes.len() < end {
            return Err(ModelError::BadLength(what, bytes.len(), end));
        }
        let w = bytes[20..end]
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok((
            Weights {
                bits,
                classes,
                scale,
                w,
            },
            &bytes[end..],
        ))
    }
}

/// The index of the best score among the allowed classes (all when `allowed` is `None`).
pub fn best(scores: &[f32], allowed: Option<&[bool]>) -> usize {
    let mut b = usize::MAX;
    for (k, s) in scores.iter().enumerate() {
        if allowed.is_some_and(|a| !a[k]) {
            continue;
        }
        if b == usize::MAX || *s > scores[b] {
            b = k;
        }
    }
    b.min(scores.len() - 1)
}

/// Averaged-perceptron training state.
pub struct Trainer {
    bits: u32,
    classes: usize,
    w: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u64>,
    step: u64,
}

impl Trainer {
    pub fn new(bits: u32, classes: usize) -> Self {
        let n = (1usize << bits) * classes;
        Trainer {
            bits,
            classes,
            w: vec![0.0; n],
            totals: vec![0.0; n],
            stamps: vec![0; n],
            step: 0,
        }
    }

    pub fn scores(&self, features: &[u64], out: &mut [f32]) {
        let mask = (1u64 << self.bits) - 1;
        out.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            let row = ((f & mask) as usize) * self.classes;
            for (s, w) in out.iter_mut().zip(&self.w[row..row + self.classes]) {
                *s += w;
            }
        }
    }

    /// One training example seen: moves weight from the guess to the truth when they differ.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        self.step += 1;
        if truth == guess {
            return;
        }
        let mask = (1u64 << self.bits) - 1;
        for f in features {
            let row = ((f & mask) as usize) * self.classes;
            for (class, delta) in [(truth, 1f32), (guess, -1f32)] {
                let k = row + class;
                self.totals[k] += (self.step - self.stamps[k]) as f64 * self.w[k] as f64;
                self.stamps[k] = self.step;
                self.w[k] += delta;
            }
        }
    }

    /// The averaged weights, quantized to 16 bits.
    pub fn finish(self) -> Weights {
        let step = self.step.max(1);
        let averaged: Vec<f32> = (0..self.w.len())
            .map(|k| {
                ((self.totals[k] + (step - self.stamps[k]) as f64 * self.w[k] as f64) / step as f64)
                    as f32
            })
            .collect();
        let max = averaged.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let w = averaged
            .iter()
            .map(|w| (w / scale).round() as i16)
            .collect();
        Weights {
            bits: self.bits,
            classes: self.classes,
            scale,
            w,
        }
    }
}

/// Combines hashed parts into one feature (FNV-style over 64-bit words).
pub fn mix(parts: &[u64]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        h = (h ^ p).wrapping_mul(0x0000_0100_0000_01b3);
        h ^= h >> 32;
    }
    h ^ (h >> 29)
}

pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

pub fn hash_chars(cs: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in cs {
        h = (h ^ *c as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The hash of the word's shape with runs collapsed: "Legend" -> "Xx", "U.S." -> "X.X.",
/// "2016" -> "d" (at most nine symbols).
pub fn shape_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = None;
    let mut n = 0;
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
        if last != Some(s) {
            h = (h ^ s as u64).wrapping_mul(0x0000_0100_0000_01b3);
            last = Some(s);
            n += 1;
            if n > 8 {
                break;
            }
        }
    }
    h
}

/// Fisher-Yates with a xorshift generator: the same order for the same seed.
pub fn shuffle(v: &mut [usize], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_separable_classes_and_round_trips() {
        let mut t = Trainer::new(8, 3);
        let data = [(vec![1u64, 7], 0usize), (vec![2, 7], 1), (vec![3, 7], 2)];
        let mut s = [0f32; 3];
        for _ in 0..5 {
            for (f, y) in &data {
                t.scores(f, &mut s);
                let g = best(&s, None);
                t.update(f, *y, g);
            }
        }
        let w = t.finish();
        let bytes = w.to_bytes(b"TESTMODL");
        let (back, rest) = Weights::from_bytes(&bytes, b"TESTMODL", "test").unwrap();
        assert!(rest.is_empty());
        for (f, y) in &data {
            back.scores(f, &mut s);
            assert_eq!(best(&s, None), *y);
        }
        assert_eq!(best(&[1.0, 5.0, 3.0], Some(&[true, false, true])), 2);
    }

    #[test]
    fn corrupt_bytes_are_errors() {
        assert_eq!(
            Weights::from_bytes(b"short", b"TESTMODL", "test").err(),
            Some(ModelError::BadHeader("test"))
        );
        let w = Trainer::new(8, 2).finish().to_bytes(b"TESTMODL");
        assert!(matches!(
            Weights::from_bytes(&w[..100], b"TESTMODL", "test"),
            Err(ModelError::BadLength("test", 100, _))
        ));
    }
}
