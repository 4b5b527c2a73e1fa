/// Converts between code-point offsets (the public unit) and byte offsets (how Rust slices).
///
/// ASCII texts map one to one. Otherwise the byte offset of every `STRIDE`-th code point is kept,
/// so a conversion walks at most `STRIDE - 1` characters and the index costs an eighth of the
/// text's size at most.
#[derive(Clone, Debug, Default)]
pub struct TextIndex {
    ascii: bool,
    char_len: u32,
    checkpoints: Vec<u32>,
}

const STRIDE: usize = 32;

impl TextIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return TextIndex {
                ascii: true,
                char_len: text.len() as u32,
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0usize;
        for (byte, _) in text.char_indices() {
            if chars.is_multiple_of(STRIDE) {
                checkpoints.push(byte as u32);
            }
            chars += 1;
        }
        TextIndex {
            ascii: false,
            char_len: chars as u32,
            checkpoints,
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> u32 {
        self.char_len
    }

    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// Byte offset of code point `ch` (`ch == char_len` gives the text's byte length).
    pub fn byte_of(&self, text: &str, ch: u32) -> usize {
        if self.ascii {
            return (ch as usize).min(text.len());
        }
        if ch >= self.char_len {
            return text.len();
        }
        let ch = ch as usize;
        let base = self.checkpoints[ch / STRIDE] as usize;
        let skip = ch % STRIDE;
        if skip == 0 {
            return base;
        }
        match text[base..].char_indices().nth(skip) {
            Some((b, _)) => base + b,
            None => text.len(),
        }
    }

    /// Code-point offset of byte `byte`, which must be on a character boundary.
    pub fn char_of(&self, text: &str, byte: usize) -> u32 {
        if self.ascii {
            return byte.min(text.len()) as u32;
        }
        if byte >= text.len() {
            return self.char_len;
        }
        let slot = match self.checkpoints.binary_search(&(byte as u32)) {
            Ok(i) => return (i * STRIDE) as u32,
            Err(i) => i - 1,
        };
        let base = self.checkpoints[slot] as usize;
        let walked = text[base..byte].chars().count();
        (slot * STRIDE + walked) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_is_identity() {
        let t = "He said \"yes\".";
        let ix = TextIndex::new(t);
        assert!(ix.is_ascii());
        assert_eq!(ix.byte_of(t, 3), 3);
        assert_eq!(ix.char_of(t, 5), 5);
    }

    #[test]
    fn multibyte_round_trip() {
        let t = "“Legend” told — 😀 the outlet’s reporter";
        let ix = TextIndex::new(t);
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            assert_eq!(ix.byte_of(t, ci as u32), bi);
            assert_eq!(ix.char_of(t, bi), ci as u32);
        }
        assert_eq!(ix.byte_of(t, ix.char_len()), t.len());
    }

    proptest! {
        #[test]
        fn round_trip_any_text(t in "\\PC{0,300}") {
            let ix = TextIndex::new(&t);
            prop_assert_eq!(ix.char_len() as usize, t.chars().count());
            for (ci, (bi, _)) in t.char_indices().enumerate() {
                prop_assert_eq!(ix.byte_of(&t, ci as u32), bi);
                prop_assert_eq!(ix.char_of(&t, bi), ci as u32);
            }
        }
    }
}
