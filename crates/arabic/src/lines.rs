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

/// The text with its hashtags read as words: `#الجيش_اليمني` becomes
/// `الجيش اليمني`. Social-media habits leak into news copy, and a reader
/// (or a summary) should see the words, not the markup. Borrows when the
/// text holds no hashtag.
pub fn unhashtag(text: &str) -> Cow<'_, str> {
    let is_tag_start = |rest: &str| rest.chars().next().is_some_and(super::is_letter_or_digit);
    // A Latin tag inside Arabic text is often stored with its mark after
    // it (MyFreedomDay#), as it displays right to left. A short word keeps
    // it: C# and F# are names.
    let closes_latin_tag = |i: usize| {
        let word = text[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        word >= 3 && !is_tag_start(&text[i + 1..])
    };
    if !text
        .match_indices('#')
        .any(|(i, _)| is_tag_start(&text[i + 1..]) || closes_latin_tag(i))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for (i, c) in text.char_indices() {
        match c {
            '#' if is_tag_start(&text[i + 1..]) => in_tag = true,
            '#' if closes_latin_tag(i) => in_tag = false,
            '_' if in_tag => out.push(' '),
            _ => {
                in_tag &= super::is_letter_or_digit(c) || super::is_ignorable(c);
                out.push(c);
            }
        }
    }
    Cow::Owned(out)
}

/// Wire agencies and outlets that datelines credit after a dash
/// ("القاهرة - رويترز:", "غزة - الأناضول -"), normalised.
const DATELINE_AGENCIES: [&str; 27] = [
    "رويترز",
    "ا ف ب",
    "اف ب",
    "فرانس برس",
    "الاناضول",
    "د ب ا",
    "ا ش ا",
    "ا ب",
    "واس",
    "وام",
    "قنا",
    "كونا",
    "بنا",
    "سانا",
    "بترا",
    "سبا",
    "وفا",
    "معا",
    "ارنا",
    "تاس",
    "شينخوا",
    "سبوتنيك",
    "وكالات",
    "العربيه نت",
    "الجزيره نت",
    "خاص",
    "متابعات",
];

/// The most words a dateline's place takes ("دبي، الإمارات العربية المتحدة").
const DATELINE_PLACE_WORDS: usize = 5;

/// Where the sentence starts after a wire dateline opening a paragraph:
/// a place and the agency credited, then a dash or colon, as in
/// «دبي، الإمارات العربية المتحدة (CNN)-- قال …», «باريس (أ ف ب) - أعلن …»,
/// «القاهرة - رويترز: …», «بيروت ـ «الحياة»: …» or «(CNN)-- …». `None`
/// when the paragraph opens otherwise: a place alone, without a credit,
/// is not told apart from a sentence's first words.
///
/// ```
/// use arabic::lines::wire_dateline;
/// let lede = "باريس (أ ف ب) - أعلنت الحكومة الفرنسية خطة جديدة.";
/// assert_eq!(&lede[wire_dateline(lede).unwrap()..], "أعلنت الحكومة الفرنسية خطة جديدة.");
/// let glued = "دبي، الإمارات العربية المتحدة (CNN).- – تألق النجم المصري محمد صلاح.";
/// assert_eq!(&glued[wire_dateline(glued).unwrap()..], "تألق النجم المصري محمد صلاح.");
/// assert_eq!(wire_dateline("قال وزير الخارجية (الأمريكي) إن المحادثات انتهت."), None);
/// ```
pub fn wire_dateline(paragraph: &str) -> Option<usize> {
    let text = paragraph.trim_end();
    let place_ok = |place: &str| {
        let place = place.trim();
        at_most_words(place, DATELINE_PLACE_WORDS)
            && place.chars().all(|c| {
                super::is_letter(c) || super::is_ignorable(c) || matches!(c, ' ' | '،' | ',' | '/')
            })
            && !place
                .split(|c: char| c.is_whitespace() || c == '،' || c == ',')
                .any(|w| super::is_stop_word(&super::normalize(w)))
    };
    let separator_end = |from: usize| -> Option<usize> {
        let rest = &text[from..];
        let trimmed = rest.trim_start_matches(|c: char| {
            // «(CNN).- –»: outlets glue a full stop to the dash.
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | 'ـ' | ':' | '/' | '|' | '.')
        });
        let skipped = &rest[..rest.len() - trimmed.len()];
        skipped
            .chars()
            .any(|c| !c.is_whitespace())
            .then_some(from + skipped.len())
    };
    // "PLACE (CREDIT) -" or "(CREDIT) -": a short credit in brackets.
    if let Some(open) = text.find('(')
        && place_ok(&text[..open])
        && let Some(close) = text[open..].find(')').map(|c| open + c)
        && is_credit(&text[open + 1..close], false)
    {
        // "(CNN) قال …": opening the paragraph, the brackets alone set
        // the credit apart; after a place a dash or colon must follow.
        let start = separator_end(close + 1).or((open == 0).then_some(close + 1))?;
        return sentence_follows(text, start);
    }
    // "(CNN-- …": the bracket left open, the dash closing the credit.
    if let Some(open) = text.find('(')
        && place_ok(&text[..open])
        && let Some(dash) = text[open..].find(['-', '–', '—']).map(|d| open + d)
        && !text[open..dash].contains(')')
        && is_credit(&text[open + 1..dash], false)
    {
        return sentence_follows(text, separator_end(dash)?);
    }
    // "PLACE - CREDIT:" or "PLACE ـ «OUTLET»:".
    let dash = text
        .char_indices()
        .find(|&(_, c)| matches!(c, '-' | '–' | '—' | 'ـ'))
        .map(|(i, _)| i)?;
    if text[..dash].trim().is_empty() || !place_ok(&text[..dash]) {
        return None;
    }
    let after = separator_end(dash)?;
    let rest = &text[after..];
    let credit_end = if let Some(quoted) = rest.strip_prefix('«') {
        // A quoted outlet name: the quotes set it apart as a credit.
        let close = quoted.find('»')?;
        let name = &quoted[..close];
        let short_name = at_most_words(name, 4) && !name.contains(['.', '،', ',']);
        short_name.then_some(after + '«'.len_utf8() + close + '»'.len_utf8())?
    } else {
        let end = rest
            .find([':', '-', '–', '—', 'ـ'])
            .filter(|&e| at_most_words(&rest[..e], 3))?;
        is_credit(&rest[..end], true).then_some(after + end)?
    };
    let start = separator_end(credit_end)?;
    sentence_follows(text, start)
}

/// The start of what follows a dateline, when a sentence of a few words does.
fn sentence_follows(text: &str, start: usize) -> Option<usize> {
    let start = start + (text[start..].len() - text[start..].trim_start().len());
    (!at_most_words(&text[start..], 3)).then_some(start)
}

/// An agency or outlet credit: an abbreviation of single letters
/// (أ ف ب، أ.ش.أ), Latin letters (CNN, AFP), a known agency name, or (when
/// `quoted_or_dashed`) a quoted outlet name of a few words.
fn is_credit(inner: &str, quoted_or_dashed: bool) -> bool {
    let inner = inner.trim();
    if inner.is_empty() || !at_most_words(inner, 4) {
        return false;
    }
    let norm = super::normalize(inner);
    let spaced = norm.replace('.', " ");
    let spaced = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let abbreviation = spaced.split(' ').all(|p| p.chars().count() == 1) && spaced.len() > 2;
    let latin = inner
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '-'))
        && inner.chars().any(|c| c.is_ascii_uppercase());
    abbreviation
        || latin
        || DATELINE_AGENCIES.contains(&spaced.as_str())
        || (quoted_or_dashed && DATELINE_AGENCIES.iter().any(|a| spaced.starts_with(a)))
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

    #[test]
    fn hashtags_read_as_words() {
        assert_eq!(
            unhashtag("أفشلت قوات #الجيش_اليمني هجوما في #الساحل_الغربي، جنوب الحديدة."),
            "أفشلت قوات الجيش اليمني هجوما في الساحل الغربي، جنوب الحديدة."
        );
        assert_eq!(unhashtag("ارتفع السهم # نقاط"), "ارتفع السهم # نقاط");
        assert_eq!(
            unhashtag("في يوم MyFreedomDay#، يخبرنا الطلاب"),
            "في يوم MyFreedomDay، يخبرنا الطلاب"
        );
        assert!(matches!(unhashtag("بلغتي C# و F#"), Cow::Borrowed(_)));
        assert!(matches!(unhashtag("بلا وسوم"), Cow::Borrowed(_)));
    }

    #[test]
    fn wire_datelines_are_found_before_the_sentence() {
        let cases = [
            (
                "دبي، الإمارات العربية المتحدة (CNN)-- قال وزير الدولة إن المحادثات مستمرة.",
                "قال",
            ),
            (
                "(CNN)-- وافق الرئيس الأمريكي على لقاء زعيم كوريا الشمالية.",
                "وافق",
            ),
            (
                "باريس (أ ف ب) - أعلنت الحكومة الفرنسية خطة جديدة للطاقة.",
                "أعلنت",
            ),
            (
                "موسكو (رويترز) – قال الكرملين إن الرئيس سيزور الصين.",
                "قال",
            ),
            (
                "القاهرة - رويترز: أبقى البنك المركزي أسعار الفائدة دون تغيير.",
                "أبقى",
            ),
            (
                "غزة - الأناضول - قصفت طائرات حربية مواقع في شمال القطاع.",
                "قصفت",
            ),
            (
                "بيروت ـ «الحياة»: تتواصل المشاورات لتشكيل الحكومة الجديدة.",
                "تتواصل",
            ),
            (
                "الرياض (واس) — وصل ولي العهد إلى العاصمة البريطانية لندن.",
                "وصل",
            ),
            (
                "(CNN-- قتل سبعة جنود عندما تحطمت مروحيتهم غرب العراق.",
                "قتل",
            ),
            (
                "واشنطن (CNN -- أعلن البيت الأبيض موعد القمة المقبلة.",
                "أعلن",
            ),
        ];
        for (lede, first_word) in cases {
            let at = wire_dateline(lede).unwrap_or_else(|| panic!("{lede}"));
            assert!(
                lede[at..].starts_with(first_word),
                "{lede}: {}",
                &lede[at..]
            );
        }
        for sentence in [
            "قال وزير الخارجية (الأمريكي) إن المحادثات انتهت.",
            "ذكرت شبكة (CNN) أن الرئيس سيلتقي نظيره الأسبوع المقبل.",
            "مصر: التحقيق مع رئيس أركان الجيش السابق بتهمة التزوير.",
            "حماس - فتح: جولة جديدة من محادثات المصالحة في القاهرة.",
            "أعلنت منظمة الصحة العالمية (WHO) حالة الطوارئ.",
            "أعلنت منظمة الصحة (WHO - جنيف) حالة الطوارئ.",
            "(تحديث - عاجل) قتل سبعة جنود في تحطم مروحية.",
        ] {
            assert_eq!(wire_dateline(sentence), None, "{sentence}");
        }
    }
}
