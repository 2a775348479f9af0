//! Finding a few bytes in a long text.
//!
//! Sentence splitting and HTML escaping look for a handful of bytes that
//! are rare in Arabic prose (`.` `!` `?`, quote marks, `&` `<` `>`). A loop
//! that tests every byte costs a branch per byte; `memchr`'s vector search
//! skips the bytes in between many at a time.

use memchr::Memchr3;

/// The positions of up to six bytes in a text, in increasing order. The
/// bytes are searched three at a time by two `memchr` searches whose next
/// hits are merged, so no part of the text is searched twice.
pub struct Positions<'h> {
    first: Memchr3<'h>,
    second: Option<Memchr3<'h>>,
    next_first: Option<usize>,
    next_second: Option<usize>,
}

impl<'h> Positions<'h> {
    /// Positions in `haystack` of any byte in `needles` (one to six bytes).
    pub fn new(haystack: &'h [u8], needles: &[u8]) -> Positions<'h> {
        assert!(
            (1..=6).contains(&needles.len()),
            "one to six bytes to look for"
        );
        let search = |group: &[u8]| {
            let byte = |k: usize| group[k.min(group.len() - 1)];
            memchr::memchr3_iter(byte(0), byte(1), byte(2), haystack)
        };
        let (head, tail) = needles.split_at(needles.len().min(3));
        let mut first = search(head);
        let mut second = (!tail.is_empty()).then(|| search(tail));
        Positions {
            next_first: first.next(),
            next_second: second.as_mut().and_then(Iterator::next),
            first,
            second,
        }
    }
}

impl Iterator for Positions<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match (self.next_first, self.next_second) {
            (Some(a), Some(b)) if b < a => {
                self.next_second = self.second.as_mut().and_then(Iterator::next);
                Some(b)
            }
            (Some(a), _) => {
                self.next_first = self.first.next();
                Some(a)
            }
            (None, Some(b)) => {
                self.next_second = self.second.as_mut().and_then(Iterator::next);
                Some(b)
            }
            (None, None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(haystack: &[u8], needles: &[u8]) -> Vec<usize> {
        (0..haystack.len())
            .filter(|&i| needles.contains(&haystack[i]))
            .collect()
    }

    #[test]
    fn finds_every_wanted_byte_in_order() {
        let text = "قال: «السعر 3.5 دولار!» هل ارتفع؟ نعم & لا <b> \"x\" 'y'.".as_bytes();
        for needles in [
            &b"."[..],
            b".!",
            b".!?",
            b".!?\x9B\x9F",
            b"&<>\"'",
            b"\"\xC2\xE2",
            b"&<>\"'.",
            b"z",
        ] {
            assert_eq!(
                Positions::new(text, needles).collect::<Vec<_>>(),
                naive(text, needles),
                "{needles:?}"
            );
        }
        assert_eq!(Positions::new(b"", b".").next(), None);
    }
}
