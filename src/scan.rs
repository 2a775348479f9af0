//! Finding the first byte of a small set in a long text.
//!
//! Sentence splitting and HTML escaping look for a handful of bytes that
//! are rare in Arabic prose. Testing whole 16-byte chunks at a time, which
//! the compiler turns into vector instructions, and looking at single bytes
//! only in a chunk that has one, is several times faster than a byte loop
//! whose branch depends on every byte.

const CHUNK: usize = 16;

/// Position of the first byte at or after `from` for which `wanted` holds.
/// `wanted` should be a cheap comparison (a `matches!` on a few bytes).
#[inline]
pub fn find_byte(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(CHUNK);
    let mut offset = from;
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | wanted(b)) {
            return chunk.iter().position(|&b| wanted(b)).map(|p| offset + p);
        }
        offset += CHUNK;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| wanted(b))
        .map(|p| offset + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_wanted_byte_in_every_position() {
        let is_dot = |b: u8| b == b'.';
        for len in 0..40 {
            for at in 0..len {
                let mut text = vec![b'a'; len];
                text[at] = b'.';
                if at + 3 < len {
                    text[at + 3] = b'.';
                }
                assert_eq!(find_byte(&text, 0, is_dot), Some(at));
                assert_eq!(find_byte(&text, at + 1, is_dot), (at + 3 < len).then_some(at + 3));
            }
            assert_eq!(find_byte(&vec![b'a'; len], 0, is_dot), None);
        }
        assert_eq!(find_byte(b"abc", 7, is_dot), None);
    }
}
