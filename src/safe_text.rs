//! Characters no page or feed may carry, taken out where text comes in.
//!
//! Scraped pages carry stray control characters (a vertical tab from a
//! word processor, a NUL from a broken encoder, U+FFFE from a bad byte-order
//! guess). XML cannot hold them at all: one of them in a headline made every
//! feed unreadable while the build reported success. Bidirectional
//! embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
//! let a title display reversed, or spoof what is printed after it, on
//! pages and in feed readers alike; Arabic text never needs them (the marks
//! it does use, U+200E, U+200F and U+061C, are kept).
//!
//! [`clean`] is the one place that decides what goes: input files pass
//! through it as they are read ([`crate::load`]), and so do the strings
//! that TOML escapes could still bring in (front matter, `site.toml`).
//! Besides, a byte-order mark is dropped wherever it stands (it is
//! invisible and only hides a headline's first letter from comparisons),
//! and a lone carriage return (old Mac line endings) becomes a line feed so
//! that a headline stays a line of its own.

use std::borrow::Cow;

/// `text` without the characters pages and feeds must not carry; borrowed
/// when there is nothing to take out, which is almost always.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !needs_cleaning(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            // A vertical tab or form feed stands between words: a space
            // keeps them apart without splitting a headline's line.
            '\u{B}' | '\u{C}' => out.push(' '),
            c if is_removed(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`clean`] for a string held in place (a front matter or configuration
/// value).
pub fn clean_in_place(text: &mut String) {
    if let Cow::Owned(cleaned) = clean(text) {
        *text = cleaned;
    }
}

/// Characters [`clean`] drops: C0 controls other than tab, line feed and
/// carriage return, the noncharacters U+FFFE and U+FFFF, the byte-order
/// mark, and bidirectional embeddings, overrides and isolates.
fn is_removed(c: char) -> bool {
    matches!(c,
        '\0'..='\u{8}'
        | '\u{E}'..='\u{1F}'
        | '\u{FEFF}'
        | '\u{FFFE}'
        | '\u{FFFF}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
    )
}

/// Whether [`clean`] would change the text. Every input byte passes
/// through here, so it is read 32 bytes at a time, a test the compiler
/// turns into vector instructions: controls are single bytes below 0x20,
/// the bidi controls start with `E2`, the byte-order mark and the
/// noncharacters with `EF`. Only a block holding one of these (Arabic
/// punctuation such as « » “ … starts with `E2` too) is read closely.
fn needs_cleaning(bytes: &[u8]) -> bool {
    const BLOCK: usize = 32;
    let suspect = |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') | (b == 0xE2) | (b == 0xEF);
    let mut blocks = bytes.chunks_exact(BLOCK);
    let mut at = 0;
    for block in blocks.by_ref() {
        if block.iter().fold(false, |any, &b| any | suspect(b))
            && needs_cleaning_within(bytes, at..at + BLOCK)
        {
            return true;
        }
        at += BLOCK;
    }
    blocks.remainder().iter().any(|&b| suspect(b)) && needs_cleaning_within(bytes, at..bytes.len())
}

/// [`needs_cleaning`] for the bytes in `range`, byte by byte, looking past
/// its end for the rest of a character or line ending.
fn needs_cleaning_within(bytes: &[u8], range: std::ops::Range<usize>) -> bool {
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    range.into_iter().any(|i| match bytes[i] {
        b'\n' | b'\t' => false,
        b'\r' => at(i + 1) != b'\n',
        0..0x20 => true,
        0xE2 => matches!(
            (at(i + 1), at(i + 2)),
            (0x80, 0xAA..=0xAE) | (0x81, 0xA6..=0xA9)
        ),
        0xEF => matches!((at(i + 1), at(i + 2)), (0xBB, 0xBF) | (0xBF, 0xBE | 0xBF)),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_arabic_text_is_borrowed_as_it_is() {
        let text = "قال الوزير: «نحن هنا» – في القاهرة…\r\nسطر\tثانٍ \u{200F}(أ.ف.ب)";
        assert!(matches!(clean(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn controls_that_xml_cannot_carry_are_dropped() {
        assert_eq!(
            clean("\u{feff}انفجار\0 في\u{1} المرفأ\u{FFFE}\u{FFFF}"),
            "انفجار في المرفأ"
        );
        assert_eq!(clean("حريق\u{B}في\u{C}الميناء"), "حريق في الميناء");
    }

    #[test]
    fn bidi_overrides_and_isolates_are_dropped() {
        let spoofed =
            "\u{202E}بيان\u{202C} \u{2067}رسمي\u{2069} \u{202A}\u{202B}\u{202D}\u{2066}\u{2068}";
        assert_eq!(clean(spoofed), "بيان رسمي ");
    }

    #[test]
    fn lone_carriage_returns_become_line_feeds() {
        assert_eq!(clean("عنوان\rنص\r\nآخر\r"), "عنوان\nنص\r\nآخر\n");
    }

    #[test]
    fn a_character_to_clean_is_found_wherever_it_stands() {
        let text = "قال الوزير «نحن هنا» في القاهرة".repeat(5);
        for at in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
            for bad in ["\0", "\u{202E}", "\u{FEFF}", "\r"] {
                let mut with = text.clone();
                with.insert_str(at, bad);
                assert!(needs_cleaning(with.as_bytes()), "{bad:?} at {at}");
            }
        }
        assert!(!needs_cleaning(format!("{text}\r\n").as_bytes()));
    }

    #[test]
    fn cleaned_in_place() {
        let mut title = String::from("قمة\u{0}الرياض");
        clean_in_place(&mut title);
        assert_eq!(title, "قمةالرياض");
    }
}
