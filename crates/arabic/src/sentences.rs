//! Sentence splitting.
//!
//! A sentence ends at `.` `؟` `?` `!` `؛` or at a line end. Splitting on
//! those characters alone breaks news text in the wrong places, because a
//! full stop also marks decimals (3.5), initials and abbreviations
//! (أ.ف.ب، د. محمد، U.S.), web addresses and list numbers, and because
//! quoted speech («…» or “…”) often holds several sentences of its own that
//! belong to the sentence quoting them.

use crate::scan::Positions;

/// Splits `text` into sentences, trimmed, in reading order. Pieces without
/// any letter or digit (stray punctuation) are dropped.
///
/// ```
/// use arabic::sentences;
/// let text = "قال د. أحمد إن النمو بلغ 3.5 في المئة. وأضاف: «الوضع صعب. لكننا متفائلون»؛ ثم غادر";
/// assert_eq!(
///     sentences(text),
///     ["قال د. أحمد إن النمو بلغ 3.5 في المئة.", "وأضاف: «الوضع صعب. لكننا متفائلون»؛", "ثم غادر"]
/// );
/// ```
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        split_line(line, &mut out);
    }
    out
}

/// The byte ranges in `text` of its [`sentences`], for callers that keep
/// sentences as spans of one text rather than as strings of their own.
///
/// ```
/// use arabic::sentence_ranges;
/// let text = "وصل الوفد. وبدأت المحادثات.";
/// assert_eq!(sentence_ranges(text), [0..18, 19..text.len()]);
/// ```
pub fn sentence_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let base = text.as_ptr() as usize;
    sentences(text)
        .into_iter()
        .map(|s| {
            let start = s.as_ptr() as usize - base;
            start..start + s.len()
        })
        .collect()
}

/// Splits one line (no line breaks inside) and appends its sentences.
///
/// Scans bytes rather than characters: every terminal is either ASCII or
/// one of ؟ ؛ (0xD8 then 0x9F or 0x9B), so the scan looks for the ASCII
/// terminals and those second bytes, which are rare in Arabic prose, and
/// checks the byte before.
fn split_line<'a>(line: &'a str, out: &mut Vec<&'a str>) {
    let bytes = line.as_bytes();
    let quotes = quoted_spans(bytes);
    let inside_quote = |i: usize| quotes.iter().any(|&(open, close)| open < i && i < close);
    let mut start = 0;
    let mut i = 0;
    for found in Positions::new(bytes, b".!?\x9B\x9F") {
        if found < i {
            // Taken along with the sentence that ended just before.
            continue;
        }
        i = found + 1;
        let at = match bytes[found] {
            b'.' | b'!' | b'?' => found,
            _ if found > 0 && bytes[found - 1] == 0xD8 => found - 1,
            _ => continue,
        };
        if inside_quote(at) || (bytes[at] == b'.' && !full_stop_ends_sentence(line, at)) {
            continue;
        }
        // A sentence takes along the punctuation that closes it: "؟!", ".»", ").".
        let mut end = i;
        for c in line[end..].chars() {
            if !(is_terminal(c) || is_closing(c)) {
                break;
            }
            end += c.len_utf8();
        }
        push_sentence(&line[start..end], out);
        start = end;
        i = end;
    }
    push_sentence(&line[start..], out);
}

fn push_sentence<'a>(piece: &'a str, out: &mut Vec<&'a str>) {
    let piece = piece.trim();
    if piece.chars().any(super::is_letter_or_digit) {
        out.push(piece);
    }
}

#[inline]
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '؟' | '?' | '!' | '؛')
}

/// Closing quotes and brackets that stay with the sentence they close.
#[inline]
fn is_closing(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | '’' | ')' | ']' | '›')
}

/// Whether the full stop at byte `i` of `line` ends a sentence.
fn full_stop_ends_sentence(line: &str, i: usize) -> bool {
    let before = &line[..i];
    let after = &line[i + 1..];
    // Ellipses (... ) trail off inside a sentence rather than end it.
    if before.ends_with('.') || after.starts_with('.') {
        return false;
    }
    // 3.5, aljazeera.net, أ.ف.ب: a full stop glued to what follows.
    match after.chars().next() {
        Some(next) if !next.is_whitespace() && !is_closing(next) => return false,
        _ => {}
    }
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| super::is_letter_or_digit(c) || super::is_ignorable(c))
        .last()
        .map_or(i, |(j, _)| j);
    let word = &before[word_start..];
    let letters = word.chars().filter(|&c| super::is_letter(c)).count();
    // Initials and one-letter abbreviations: د. (doctor), م. (engineer), J. F.
    if letters == 1
        && word
            .chars()
            .all(|c| super::is_letter(c) || super::is_ignorable(c))
    {
        return false;
    }
    if LATIN_ABBREVIATIONS
        .iter()
        .any(|a| a.eq_ignore_ascii_case(word))
    {
        return false;
    }
    // "1. " opening a numbered line is a list marker, not a sentence.
    if !word.is_empty()
        && word.chars().all(|c| c.is_numeric())
        && before[..word_start].trim().is_empty()
    {
        return false;
    }
    true
}

/// Latin abbreviations that Arabic news copies from wire English.
const LATIN_ABBREVIATIONS: [&str; 17] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "inc", "ltd", "co", "gen", "col",
    "lt", "gov", "sen",
];

/// Byte spans (opening quote, closing quote) of the balanced quotations in a
/// line. Guillemets nest; the straight and curly double quotes pair up in
/// order, whichever way they are drawn, because Arabic text often uses ” to
/// open as well as to close. An unmatched quote opens no span, so a stray
/// mark cannot swallow the rest of the paragraph.
fn quoted_spans(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut guillemets: Vec<usize> = Vec::new();
    let mut double: Option<usize> = None;
    let mut toggle = |i: usize, spans: &mut Vec<(usize, usize)>| match double.take() {
        Some(open) => spans.push((open, i)),
        None => double = Some(i),
    };
    // Every quote mark is `"` or starts with 0xC2 or 0xE2, lead bytes that
    // Arabic letters never use.
    for i in Positions::new(bytes, b"\"\xC2\xE2") {
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'"', _, _) => toggle(i, &mut spans),
            // «
            (0xC2, Some(0xAB), _) => guillemets.push(i),
            // »
            (0xC2, Some(0xBB), _) => {
                if let Some(open) = guillemets.pop() {
                    spans.push((open, i));
                }
            }
            // “ ” „
            (0xE2, Some(0x80), Some(0x9C..=0x9E)) => toggle(i, &mut spans),
            _ => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_each_terminal_and_line_end() {
        let text = "هل انتهت الحرب؟ لا أحد يعرف! الوضع معقد؛ والمفاوضات مستمرة.\nسطر جديد بلا نقطة";
        assert_eq!(
            sentences(text),
            [
                "هل انتهت الحرب؟",
                "لا أحد يعرف!",
                "الوضع معقد؛",
                "والمفاوضات مستمرة.",
                "سطر جديد بلا نقطة"
            ]
        );
    }

    #[test]
    fn numbers_do_not_break_sentences() {
        let text = "ارتفع النمو إلى 3.5 في المئة و٢٫٥ في العام 2024. وتراجع التضخم.";
        assert_eq!(
            sentences(text),
            [
                "ارتفع النمو إلى 3.5 في المئة و٢٫٥ في العام 2024.",
                "وتراجع التضخم."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_break_sentences() {
        let text = "وقال د. محمد الأحمد لوكالة أ.ف.ب إن الرئيس جون ف. كينيدي زار U.S. Steel. وانتهى اللقاء.";
        assert_eq!(
            sentences(text),
            [
                "وقال د. محمد الأحمد لوكالة أ.ف.ب إن الرئيس جون ف. كينيدي زار U.S. Steel.",
                "وانتهى اللقاء."
            ]
        );
        let text = "التقى Mr. Smith الوزير. ثم غادر.";
        assert_eq!(sentences(text), ["التقى Mr. Smith الوزير.", "ثم غادر."]);
    }

    #[test]
    fn web_addresses_and_ellipses_stay_whole() {
        let text = "نشر الخبر على موقع aljazeera.net صباحا... ثم حذفه. وانتهى.";
        assert_eq!(
            sentences(text),
            [
                "نشر الخبر على موقع aljazeera.net صباحا... ثم حذفه.",
                "وانتهى."
            ]
        );
    }

    #[test]
    fn quoted_speech_stays_in_its_sentence() {
        let text = "وقال كيم: «ذهبنا إلى أبعد ما يمكن. لم نجد رغبة في التعايش». وأضاف أنه متفائل.";
        assert_eq!(
            sentences(text),
            [
                "وقال كيم: «ذهبنا إلى أبعد ما يمكن. لم نجد رغبة في التعايش».",
                "وأضاف أنه متفائل."
            ]
        );
        // Curly quotes drawn the "wrong" way round, as scraped text often has them.
        let text = "أشادت بـ”القرب الروحي. والتاريخ المشترك” بين البلدين. وغادرت.";
        assert_eq!(
            sentences(text),
            [
                "أشادت بـ”القرب الروحي. والتاريخ المشترك” بين البلدين.",
                "وغادرت."
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_does_not_swallow_the_paragraph() {
        let text = "قال «إن الأمر انتهى. وغادر القاعة. ثم عاد.";
        assert_eq!(
            sentences(text),
            ["قال «إن الأمر انتهى.", "وغادر القاعة.", "ثم عاد."]
        );
    }

    #[test]
    fn closing_punctuation_stays_with_its_sentence() {
        let text = "«اتفق الزعيمان على تكثيف الاتصالات». هل يصمد الاتفاق؟! (لا أحد يعلم.) انتهى";
        assert_eq!(
            sentences(text),
            [
                "«اتفق الزعيمان على تكثيف الاتصالات».",
                "هل يصمد الاتفاق؟!",
                "(لا أحد يعلم.)",
                "انتهى"
            ]
        );
    }

    #[test]
    fn numbered_lines_and_stray_punctuation() {
        let text = "1. البند الأول من الاتفاق.\n...\n2. البند الثاني";
        assert_eq!(
            sentences(text),
            ["1. البند الأول من الاتفاق.", "2. البند الثاني"]
        );
    }
}
