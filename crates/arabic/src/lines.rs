//! The typographic shape of a line of Arabic news text: does it end a
//! sentence, how many words does it hold, what wraps it. Cleaning and
//! headline detection read lines by these shapes, the way an editor tells a
//! headline from a paragraph at a glance.

use std::borrow::Cow;

/// Collapses runs of whitespace (no-break spaces included) into one space
/// and trims the ends. Borrows when the line is already tidy.
pub fn tidy_spaces(line: &str) -> Cow<'_, str> {
    let trimmed = line.trim();
    let mut previous_space = false;
    let untidy = trimmed.chars().any(|c| {
        let space = c.is_whitespace();
        let bad = space && (previous_space || c != ' ');
        previous_space = space;
        bad
    });
    if !untidy {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Number of whitespace-separated words.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether the text has at most `n` words; stops reading after `n + 1`, so
/// asking it of a long paragraph costs no more than of a short line.
pub fn at_most_words(text: &str, n: usize) -> bool {
    text.split_whitespace().nth(n).is_none()
}

/// True when the text ends like a sentence: with . ! ? ؟ ؛ : possibly
/// followed by closing quotes or brackets (`».`, `.»`, `.)`).
pub fn ends_sentence(text: &str) -> bool {
    let last = text
        .trim_end()
        .trim_end_matches(is_closing_mark)
        .chars()
        .next_back();
    matches!(last, Some('.' | '!' | '?' | '؟' | '؛' | ':' | '…'))
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | '’' | ')' | ']' | '›' | '\'')
}

/// The text inside decorations that set a subheading apart: en or em dashes
/// (`– تحالف عسكري –`), asterisks, or quotes (`"تداعيات إيجابية"`).
/// Returns the text unchanged when nothing wraps it.
pub fn unwrap_decorations(text: &str) -> &str {
    let dashes =
        |c: char| matches!(c, '–' | '—' | '-' | 'ـ' | '*' | '•' | '#') || c.is_whitespace();
    let inner = text.trim_matches(dashes);
    for (open, close) in [('«', '»'), ('"', '"'), ('“', '”'), ('”', '”'), ('“', '“')]
    {
        if let Some(quoted) = inner.strip_prefix(open).and_then(|s| s.strip_suffix(close))
            && !quoted.contains([open, close])
        {
            return quoted.trim();
        }
    }
    inner
}

/// True when a quotation mark wraps the whole text.
pub fn is_fully_quoted(text: &str) -> bool {
    unwrap_decorations(text).len() + 2 <= text.trim().len()
        && text.trim().starts_with(['«', '"', '“', '”'])
}

/// The content of a parenthesis closing the text, as in a photo credit
/// «… (أ.ف.ب)» or a byline «الشرق الأوسط» (موسكو).
pub fn closing_parenthetical(text: &str) -> Option<&str> {
    let inner = text.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    Some(inner[open + 1..].trim())
}

/// The text before a closing parenthesis (the whole text when there is none).
pub fn before_closing_parenthetical(text: &str) -> &str {
    match text
        .trim_end()
        .strip_suffix(')')
        .and_then(|inner| inner.rfind('('))
    {
        Some(open) => text[..open].trim_end(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_spaces_without_copying_tidy_lines() {
        assert!(
            matches!(tidy_spaces(" يقرأ  زيلينسكي\u{a0}يلتقي "), Cow::Owned(s) if s == "يقرأ زيلينسكي يلتقي")
        );
        assert!(matches!(
            tidy_spaces("بوتين يلتقي كيم"),
            Cow::Borrowed("بوتين يلتقي كيم")
        ));
    }

    #[test]
    fn word_limits() {
        assert!(at_most_words("تحالف عسكري", 2));
        assert!(!at_most_words("تحالف عسكري جديد", 2));
        assert!(at_most_words("", 0));
        assert_eq!(word_count(" قلق  أميركي "), 2);
    }

    #[test]
    fn sentence_endings() {
        assert!(ends_sentence("وتابع «إذا ازداد زخم المحادثات»."));
        assert!(ends_sentence("وقال: «نحن نقدر عالياً الدعم.»"));
        assert!(ends_sentence("هل تصمد الهدنة؟"));
        assert!(!ends_sentence(
            "بوتين يغادر أقصى شرق روسيا إلى كوريا الشمالية"
        ));
        assert!(!ends_sentence("زعيمان «في الحب»"));
    }

    #[test]
    fn decorations_around_subheadings() {
        assert_eq!(unwrap_decorations("– تحالف عسكري –"), "تحالف عسكري");
        assert_eq!(unwrap_decorations("\"تداعيات إيجابية\""), "تداعيات إيجابية");
        assert_eq!(unwrap_decorations("زعيمان «في الحب»"), "زعيمان «في الحب»");
        assert_eq!(unwrap_decorations("«قال» ثم «أضاف»"), "«قال» ثم «أضاف»");
        assert!(is_fully_quoted("«قد لا يكون ذلك محور الاجتماع»"));
        assert!(!is_fully_quoted("زعيمان «في الحب»"));
    }

    #[test]
    fn closing_parentheses() {
        let caption = "الرئيس الروسي خلال اجتماع في الكرملين (أ.ب)";
        assert_eq!(closing_parenthetical(caption), Some("أ.ب"));
        assert_eq!(
            before_closing_parenthetical(caption),
            "الرئيس الروسي خلال اجتماع في الكرملين"
        );
        assert_eq!(closing_parenthetical("بوتين يغادر"), None);
    }
}
