//! The learning machinery shared by the tagger and the parser: a multi-class averaged
//! perceptron over hashed features.
//!
//! Features are 64-bit hashes; the low `bits` bits choose a bucket of one weight per class, so
//! the model is a flat array whatever the vocabulary. Stored weights are 8-bit integers with
//! one scale: scoring is bound by fetching scattered rows from memory, and 8 bits cost 0.1
//! UAS and nothing measurable in tagging or attribution against 16.

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("{0} model: not a sayso model of this kind (bad header)")]
    BadHeader(&'static str),
    #[error("{0} model: {1} bytes where at least {2} were expected (truncated or corrupt)")]
    BadLength(&'static str, usize, usize),
}

/// Trained weights: `2^bits` buckets of `classes` weights, kept as 8-bit integers with one
/// scale in memory too (a quarter of the memory traffic of floats on the scoring hot path).
///
/// In memory each row is padded with zeros to `stride`, a multiple of [`ROW_ALIGN`], so that
/// a row is whole vector lanes and (for rows up to 16 bytes) never straddles a cache line; the
/// serialized form has no padding.
#[derive(Clone)]
pub struct Weights {
    bits: u32,
    classes: usize,
    stride: usize,
    scale: f32,
    w: Vec<i8>,
}

/// Rows are padded to a multiple of this many weights.
const ROW_ALIGN: usize = 8;

/// Classes whose sums fit on the stack; more are summed on the heap.
const MAX_STACK_CLASSES: usize = 64;

/// Features summed in 16-bit lanes before those are added to 32-bit totals: 256 weights of
/// at most 128 in size cannot overflow an `i16`.
const FEATURES_PER_I16_BLOCK: usize = 256;

impl Weights {
    /// Weights from their rows without padding (`(1 << bits) * classes` values, each made a
    /// weight by `to_weight`).
    fn from_unpadded<T: Copy>(
        bits: u32,
        classes: usize,
        scale: f32,
        unpadded: &[T],
        to_weight: impl Fn(T) -> i8,
    ) -> Weights {
        let mut weights = Weights::zeros(bits, classes, scale);
        for (padded, row) in weights
            .w
            .chunks_exact_mut(weights.stride)
            .zip(unpadded.chunks_exact(classes))
        {
            for (weight, value) in padded.iter_mut().zip(row) {
                *weight = to_weight(*value);
            }
        }
        weights
    }

    fn zeros(bits: u32, classes: usize, scale: f32) -> Weights {
        let stride = classes.next_multiple_of(ROW_ALIGN);
        Weights {
            bits,
            classes,
            stride,
            scale,
            w: vec![0; (1usize << bits) * stride],
        }
    }

    /// Each row's `classes` weights, without the padding.
    fn rows(&self) -> impl Iterator<Item = &[i8]> {
        self.w
            .chunks_exact(self.stride)
            .map(|row| &row[..self.classes])
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The factor from integer weight sums to scores.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// The score of every class for a set of features.
    pub fn scores(&self, features: &[u64], out: &mut [f32]) {
        let mut on_stack = [0i32; MAX_STACK_CLASSES];
        let mut on_heap = Vec::new();
        let sums = if self.classes <= MAX_STACK_CLASSES {
            &mut on_stack[..self.classes]
        } else {
            on_heap.resize(self.classes, 0);
            &mut on_heap[..]
        };
        self.add_sums(features, sums);
        for (o, s) in out.iter_mut().zip(sums.iter()) {
            *o = *s as f32 * self.scale;
        }
    }

    /// Adds every class's integer weight sum over `features` to `sums` (one per class); a
    /// class's score is its sum times [`Weights::scale`]. Sums can be built up over several
    /// calls, for features that arrive in stages.
    pub fn add_sums(&self, features: &[u64], sums: &mut [i32]) {
        // The bundled models' row widths get loops of known length, which the compiler turns
        // into vector adds over sums kept in registers.
        match self.stride / ROW_ALIGN {
            1 => self.add_rows::<1>(features, sums),
            2 => self.add_rows::<2>(features, sums),
            3 => self.add_rows::<3>(features, sums),
            7 => self.add_rows::<7>(features, sums),
            _ => {
                let mask = (1u64 << self.bits) - 1;
                for f in features {
                    let row = ((f & mask) as usize) * self.stride;
                    for (s, w) in sums.iter_mut().zip(&self.w[row..row + self.classes]) {
                        *s += *w as i32;
                    }
                }
            }
        }
    }

    /// Sums rows of `B` vectors of [`ROW_ALIGN`] weights each. The rows are scattered over
    /// megabytes, so the sums wait on memory: every row is asked for before any is read, which
    /// lets the loads overlap instead of queueing behind the loop (1.5x on the parser and the
    /// attribution model).
    fn add_rows<const B: usize>(&self, features: &[u64], sums: &mut [i32]) {
        let mask = (1u64 << self.bits) - 1;
        // Rows as arrays of vectors: the compiler keeps each vector of sums in a register,
        // where a flat array of more than 16 sums is kept as scalars.
        let (vectors, _) = self.w.as_chunks::<ROW_ALIGN>();
        let (rows, _) = vectors.as_chunks::<B>();
        #[cfg(target_arch = "x86_64")]
        for f in features {
            if let Some(row) = rows.get((f & mask) as usize) {
                // SAFETY: a prefetch is a hint that never faults, and the addresses are in
                // the row. A row of 16 bytes or less lies in one cache line (the table is
                // 16-byte aligned by the allocator); a wider one may span two.
                unsafe {
                    use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
                    _mm_prefetch(row.as_ptr().cast(), _MM_HINT_T0);
                    if B > 2 {
                        _mm_prefetch(row[B - 1].as_ptr().add(ROW_ALIGN - 1), _MM_HINT_T0);
                    }
                }
            }
        }
        let mut total = [[0i32; ROW_ALIGN]; B];
        for block in features.chunks(FEATURES_PER_I16_BLOCK) {
            let mut lanes = [[0i16; ROW_ALIGN]; B];
            for f in block {
                if let Some(row) = rows.get((f & mask) as usize) {
                    for (lane, weights) in lanes.iter_mut().zip(row) {
                        for (l, w) in lane.iter_mut().zip(weights) {
                            *l += *w as i16;
                        }
                    }
                }
            }
            for (t, lane) in total.iter_mut().zip(lanes) {
                for (t, l) in t.iter_mut().zip(lane) {
                    *t += l as i32;
                }
            }
        }
        for (s, t) in sums.iter_mut().zip(total.as_flattened()) {
            *s += t;
        }
    }

    /// One table with the rows of `left` and `right` side by side (the classes of `left`, then
    /// those of `right`), for two models that read the same features: one fetch of a row then
    /// serves both. `None` when their bucket counts differ. The table's own scale is 1: the
    /// caller keeps each side's.
    pub fn side_by_side(left: &Weights, right: &Weights) -> Option<Weights> {
        if left.bits != right.bits {
            return None;
        }
        let mut joint = Weights::zeros(left.bits, left.classes + right.classes, 1.0);
        for ((row, l), r) in joint
            .w
            .chunks_exact_mut(joint.stride)
            .zip(left.rows())
            .zip(right.rows())
        {
            let (left_part, right_part) = row.split_at_mut(left.classes);
            left_part.copy_from_slice(l);
            right_part[..right.classes].copy_from_slice(r);
        }
        Some(joint)
    }

    /// The weights of the classes `range` alone, with the given scale (the inverse of
    /// [`Weights::side_by_side`]).
    pub fn columns(&self, range: std::ops::Range<usize>, scale: f32) -> Weights {
        let kept: Vec<i8> = self
            .rows()
            .flat_map(|row| &row[range.clone()])
            .copied()
            .collect();
        Weights::from_unpadded(self.bits, range.len(), scale, &kept, |w| w)
    }

    /// Serialized: `magic`, bits, classes, scale, then the 8-bit weights.
    pub fn to_bytes(&self, magic: &[u8; 8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(20 + (1usize << self.bits) * self.classes);
        out.extend_from_slice(magic);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in self.rows() {
            out.extend(row.iter().map(|w| w.to_le_bytes()[0]));
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
        let end = 20 + (1usize << bits) * classes;
        if bytes.len() < end {
            return Err(ModelError::BadLength(what, bytes.len(), end));
        }
        Ok((
            Weights::from_unpadded(bits, classes, scale, &bytes[20..end], |b| {
                i8::from_le_bytes([b])
            }),
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

    /// One ranking example seen (one class): moves class 0's weight towards the features of
    /// the candidate that should win and away from those of the one that did (none when they
    /// are the same candidate).
    pub fn prefer(&mut self, better: &[u64], chosen: &[u64]) {
        self.step += 1;
        if std::ptr::eq(better, chosen) {
            return;
        }
        let mask = (1u64 << self.bits) - 1;
        for (features, delta) in [(better, 1f32), (chosen, -1f32)] {
            for f in features {
                let k = ((f & mask) as usize) * self.classes;
                self.totals[k] += (self.step - self.stamps[k]) as f64 * self.w[k] as f64;
                self.stamps[k] = self.step;
                self.w[k] += delta;
            }
        }
    }

    /// A classifier over `examples` (features and class): `iterations` passes, each in an
    /// order shuffled from `seed`.
    pub fn classifier(
        examples: &[(Vec<u64>, usize)],
        classes: usize,
        iterations: usize,
        bits: u32,
        seed: u64,
    ) -> Weights {
        let mut trainer = Trainer::new(bits, classes);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = seed;
        let mut scores = vec![0f32; classes];
        for _ in 0..iterations {
            shuffle(&mut order, &mut rng);
            for &k in &order {
                let (features, class) = &examples[k];
                trainer.scores(features, &mut scores);
                trainer.update(features, *class, best(&scores, None));
            }
        }
        trainer.finish()
    }

    /// The averaged weights, quantized to 8 bits.
    pub fn finish(self) -> Weights {
        Weights::quantized(self.bits, self.classes, &self.averaged())
    }

    /// The weights averaged over every step, before quantizing.
    pub fn averaged(&self) -> Vec<f32> {
        let step = self.step.max(1);
        (0..self.w.len())
            .map(|k| {
                ((self.totals[k] + (step - self.stamps[k]) as f64 * self.w[k] as f64) / step as f64)
                    as f32
            })
            .collect()
    }
}

impl Weights {
    /// 8-bit weights scaled to the largest of `weights` (`(1 << bits) * classes` of them).
    pub fn quantized(bits: u32, classes: usize, weights: &[f32]) -> Weights {
        debug_assert_eq!(weights.len(), (1usize << bits) * classes);
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / i8::MAX as f32 } else { 1.0 };
        Weights::from_unpadded(bits, classes, scale, weights, |w| (w / scale).round() as i8)
    }
}

/// Combines hashed parts into one feature (FNV-style over 64-bit words). Inlined, so that a
/// call on a fixed array of parts (`mix(&[3, word, tag])`, one a feature template) unrolls:
/// the tagger and the parser spend a tenth of their time here.
#[inline]
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
    fn quantized_weights_map_the_largest_to_127() {
        let w = Weights::quantized(1, 2, &[0.5, -2.0, 1.0, 0.0]);
        assert_eq!(
            w.rows().flatten().copied().collect::<Vec<_>>(),
            [32, -127, 64, 0]
        );
        assert!((w.scale() - 2.0 / 127.0).abs() < 1e-7);
        assert_eq!(Weights::quantized(1, 2, &[0.0; 4]).scale(), 1.0);
    }

    #[test]
    fn padded_rows_sum_as_the_plain_rows_at_every_width() {
        for classes in 1..=60 {
            let plain: Vec<f32> = (0..(1usize << 4) * classes)
                .map(|k| ((k * 37 % 255) as f32) - 127.0)
                .collect();
            let weights = Weights::quantized(4, classes, &plain);
            // More features than one block of 16-bit sums holds, all on a row of 127s.
            let features: Vec<u64> = (0..700u64)
                .map(|k| if k % 5 == 0 { k } else { 0 })
                .collect();
            let mut sums = vec![0i32; classes];
            weights.add_sums(&features, &mut sums);
            let expected: Vec<i32> = (0..classes)
                .map(|class| {
                    features
                        .iter()
                        .map(|f| plain[(*f as usize & 15) * classes + class] as i32)
                        .sum()
                })
                .collect();
            assert_eq!(sums, expected, "{classes} classes");
        }
    }

    #[test]
    fn side_by_side_tables_give_each_sides_sums() {
        let trained = |classes: usize, seed: u64| {
            let mut t = Trainer::new(8, classes);
            let mut s = vec![0f32; classes];
            for k in 0..20u64 {
                let f = [k ^ seed, k * 7 + seed];
                t.scores(&f, &mut s);
                t.update(&f, (k as usize) % classes, best(&s, None));
            }
            t.finish()
        };
        let (left, right) = (trained(4, 1), trained(3, 99));
        let joint = Weights::side_by_side(&left, &right).unwrap();
        let features = [5u64, 17, 3 * 7 + 99];
        let mut sums = [0i32; 7];
        joint.add_sums(&features[..2], &mut sums);
        joint.add_sums(&features[2..], &mut sums);
        let (mut l, mut r) = ([0f32; 4], [0f32; 3]);
        left.scores(&features, &mut l);
        right.scores(&features, &mut r);
        assert_eq!(
            l.to_vec(),
            sums[..4]
                .iter()
                .map(|&s| s as f32 * left.scale())
                .collect::<Vec<_>>()
        );
        assert_eq!(
            r.to_vec(),
            sums[4..]
                .iter()
                .map(|&s| s as f32 * right.scale())
                .collect::<Vec<_>>()
        );
        assert!(l.iter().chain(&r).any(|s| *s != 0.0));
        let back = joint.columns(4..7, right.scale());
        assert_eq!(back.to_bytes(b"TESTMODL"), right.to_bytes(b"TESTMODL"));
        assert!(Weights::side_by_side(&left, &Trainer::new(9, 2).finish()).is_none());
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
