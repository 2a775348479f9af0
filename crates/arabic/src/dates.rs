//! Dates in Arabic: month names in every system in use, for display and for
//! reading dates out of text.

use chrono::{Datelike, NaiveDate, Weekday};

use super::hijri;

/// How dates (and the numbers beside them) are written for readers.
#[derive(Debug, Clone, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize, serde::Serialize),
    serde(deny_unknown_fields)
)]
pub struct DateStyle {
    /// `arabic` (١٣ أغسطس ٢٠٢٥) or `latin` (13 أغسطس 2025).
    #[cfg_attr(feature = "serde", serde(default))]
    pub digits: Digits,
    /// Month names: `egyptian` (أغسطس), `levantine` (آب), `maghrebi` (أوت)
    /// or `paired` (آب/أغسطس).
    #[cfg_attr(feature = "serde", serde(default))]
    pub months: MonthStyle,
}

/// Which digits numbers are written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize, serde::Serialize),
    serde(rename_all = "lowercase")
)]
pub enum Digits {
    /// Arabic-Indic digits: ٠١٢٣٤٥٦٧٨٩.
    Arabic,
    /// ASCII digits, as most Arabic news sites print them.
    #[default]
    Latin,
}

/// Which of the Arabic world's month names dates are written with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize, serde::Serialize),
    serde(rename_all = "lowercase")
)]
pub enum MonthStyle {
    /// Egypt and the Gulf: يناير، فبراير…
    #[default]
    Egyptian,
    /// The Levant and Iraq: كانون الثاني، شباط…
    Levantine,
    /// Algeria and Tunisia: جانفي، فيفري…
    Maghrebi,
    /// Levantine and Egyptian together: كانون الثاني/يناير.
    Paired,
}

/// Egyptian and Gulf month names (from the Latin calendar names).
pub const MONTHS_EGYPTIAN: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Levantine and Iraqi month names (from the Syriac calendar).
pub const MONTHS_LEVANTINE: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];

/// Algerian and Tunisian month names (from the French names).
pub const MONTHS_MAGHREBI: [&str; 12] = [
    "جانفي",
    "فيفري",
    "مارس",
    "أفريل",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Weekday names, Monday first (as [`Weekday::num_days_from_monday`]).
pub const WEEKDAYS: [&str; 7] = [
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
];

/// The name of `month` (1–12) in the configured style.
pub fn month_name(month: u32, style: MonthStyle) -> String {
    let i = (month.clamp(1, 12) - 1) as usize;
    match style {
        MonthStyle::Egyptian => MONTHS_EGYPTIAN[i].to_string(),
        MonthStyle::Levantine => MONTHS_LEVANTINE[i].to_string(),
        MonthStyle::Maghrebi => MONTHS_MAGHREBI[i].to_string(),
        MonthStyle::Paired => format!("{}/{}", MONTHS_LEVANTINE[i], MONTHS_EGYPTIAN[i]),
    }
}

/// The Arabic name of a weekday.
pub fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_monday() as usize]
}

fn digits(text: String, style: &DateStyle) -> String {
    match style.digits {
        Digits::Arabic => super::to_arabic_indic_digits(&text),
        Digits::Latin => text,
    }
}

/// `13 أغسطس 2025` (or `١٣ أغسطس ٢٠٢٥`, per the style).
pub fn format_date(date: NaiveDate, style: &DateStyle) -> String {
    digits(
        format!(
            "{} {} {}",
            date.day(),
            month_name(date.month(), style.months),
            date.year()
        ),
        style,
    )
}

/// `الأربعاء 13 أغسطس 2025`.
pub fn format_date_long(date: NaiveDate, style: &DateStyle) -> String {
    format!(
        "{} {}",
        weekday_name(date.weekday()),
        format_date(date, style)
    )
}

/// `أغسطس 2025`.
pub fn format_month(year: i32, month: u32, style: &DateStyle) -> String {
    digits(
        format!("{} {}", month_name(month, style.months), year),
        style,
    )
}

/// Writes a number in the configured digits.
pub fn format_number(n: impl std::fmt::Display, style: &DateStyle) -> String {
    digits(n.to_string(), style)
}

// Reading dates out of text.
//
// Newsrooms write the same day in many ways: "2025-08-13", "13/08/2025",
// "13 أغسطس 2025", "١٣ آب ٢٠٢٥", "13 آب/أغسطس 2025", "13 أغسطس (آب) 2025",
// "13 غشت 2025", "الثالث عشر من أغسطس 2025", with or without a weekday and
// a "نشر في" in front. The
// scanner below reads them all from the words of the text (see
// [`words`](super::words)), whose normalised forms already fold alef
// spellings and the three digit scripts.

/// Every one-word spelling of a month in use, normalised (see
/// [`normalize`](super::normalize)). The two-word Levantine names
/// (كانون الثاني، تشرين الأول …) are read by [`month_name_at`].
const MONTH_WORDS: [(&str, u32); 34] = [
    // Egyptian and Gulf, with their common variant spellings (أبريل/إبريل fold together).
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Levantine and Iraqi, one-word names.
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    // Algerian and Tunisian.
    ("جانفي", 1),
    ("فيفري", 2),
    ("افريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويليه", 7),
    ("اوت", 8),
    // Moroccan.
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
];

/// Hijri month names, normalised, with their common spellings (the second
/// Rabi' is الآخر or الثاني, the second Jumada الآخرة or الثانية; ذو takes
/// ذي and ذا after a preposition). Two-word names are read as pairs by
/// [`Scan::hijri_month_at`].
const HIJRI_MONTH_WORDS: [(&str, Option<&str>, u32); 28] = [
    ("محرم", None, 1),
    ("المحرم", None, 1),
    ("صفر", None, 2),
    ("ربيع", Some("الاول"), 3),
    ("ربيع", Some("اول"), 3),
    ("ربيع", Some("الاخر"), 4),
    ("ربيع", Some("اخر"), 4),
    ("ربيع", Some("الثاني"), 4),
    ("ربيع", Some("ثاني"), 4),
    ("جمادي", Some("الاولي"), 5),
    ("جمادي", Some("الاول"), 5),
    ("جمادي", Some("اولي"), 5),
    ("جمادي", Some("الاخره"), 6),
    ("جمادي", Some("الاخر"), 6),
    ("جمادي", Some("الثانيه"), 6),
    ("جمادي", Some("الثاني"), 6),
    ("رجب", None, 7),
    ("شعبان", None, 8),
    ("رمضان", None, 9),
    ("شوال", None, 10),
    ("ذو", Some("القعده"), 11),
    ("ذي", Some("القعده"), 11),
    ("ذا", Some("القعده"), 11),
    ("ذوالقعده", None, 11),
    ("ذو", Some("الحجه"), 12),
    ("ذي", Some("الحجه"), 12),
    ("ذا", Some("الحجه"), 12),
    ("ذوالحجه", None, 12),
];

/// Words that mark a year as Hijri after it: هـ (also glued: 1446هـ),
/// هجري, للهجرة.
const HIJRI_ERA_WORDS: [&str; 5] = ["ه", "هجري", "هجريه", "للهجره", "الهجري"];

/// Normalised weekday names, Monday first.
const WEEKDAY_WORDS: [&str; 7] = [
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "الاحد",
];

/// Days written as ordinals ("الثالث من سبتمبر"), normalised: the days
/// 1–10 standing alone, masculine (after يوم) and feminine (as some
/// newsrooms write them).
const ORDINAL_DAYS: [(&str, u32); 24] = [
    ("الاول", 1),
    ("الاولي", 1),
    ("الثاني", 2),
    ("الثانيه", 2),
    ("الثالث", 3),
    ("الثالثه", 3),
    ("الرابع", 4),
    ("الرابعه", 4),
    ("الخامس", 5),
    ("الخامسه", 5),
    ("السادس", 6),
    ("السادسه", 6),
    ("السابع", 7),
    ("السابعه", 7),
    ("الثامن", 8),
    ("الثامنه", 8),
    ("التاسع", 9),
    ("التاسعه", 9),
    ("العاشر", 10),
    ("العاشره", 10),
    ("العشرين", 20),
    ("العشرون", 20),
    ("الثلاثين", 30),
    ("الثلاثون", 30),
];

/// How "one" opens a compound ordinal (الحادي عشر، الحادي والعشرين): never
/// الأول there. Two to nine open it as they stand alone ([`ORDINAL_DAYS`]).
const ORDINAL_ONES: [(&str, u32); 3] = [("الحادي", 1), ("الحاديه", 1), ("الواحد", 1)];

/// The second word of a compound ordinal and the tens it adds:
/// عشر (11–19), والعشرين (21–29), والثلاثين (31).
const ORDINAL_TENS: [(&str, u32); 6] = [
    ("عشر", 10),
    ("عشره", 10),
    ("والعشرين", 20),
    ("والعشرون", 20),
    ("والثلاثين", 30),
    ("والثلاثون", 30),
];

/// Words after which الأول، الثاني … belong to a month's name (تشرين
/// الأول، كانون الثاني، ربيع الأول، جمادى الثانية), not to a day.
const MONTH_FIRST_WORDS: [&str; 4] = ["كانون", "تشرين", "ربيع", "جمادي"];

/// The day (1–31) an ordinal written in words names, from its normalised
/// first word and the word after it; returns the day and how many words it
/// takes (الثالث: one; الحادي والعشرين: two).
///
/// ```
/// use arabic::dates::ordinal_day;
/// assert_eq!(ordinal_day("الثالث", Some("من")), Some((3, 1)));
/// assert_eq!(ordinal_day("الحادي", Some("والعشرين")), Some((21, 2)));
/// assert_eq!(ordinal_day("الثانية", Some("عشرة")), Some((12, 2)));
/// assert_eq!(ordinal_day("الحادي", None), None);
/// ```
pub fn ordinal_day(first: &str, second: Option<&str>) -> Option<(u32, usize)> {
    let first = super::normalize(first);
    let second = second.map(super::normalize);
    ordinal_of_norm(&first, second.as_deref())
}

/// Whether a normalised word may open an ordinal day.
fn opens_ordinal(norm: &str) -> bool {
    ORDINAL_DAYS
        .iter()
        .chain(&ORDINAL_ONES)
        .any(|(name, _)| *name == norm)
}

fn ordinal_of_norm(first: &str, second: Option<&str>) -> Option<(u32, usize)> {
    // Every ordinal opens with the article; most words do not.
    if !first.starts_with("ال") {
        return None;
    }
    let lookup = |table: &[(&str, u32)], word: &str| {
        table
            .iter()
            .find(|(name, _)| *name == word)
            .map(|&(_, n)| n)
    };
    let unit = lookup(&ORDINAL_ONES, first)
        .or_else(|| lookup(&ORDINAL_DAYS, first).filter(|n| (2..=9).contains(n)));
    if let (Some(unit), Some(tens)) = (unit, second.and_then(|w| lookup(&ORDINAL_TENS, w))) {
        let day = tens + unit;
        return (day <= 31).then_some((day, 2));
    }
    lookup(&ORDINAL_DAYS, first).map(|day| (day, 1))
}

/// Phrases that introduce a page's publication date, as normalised words.
/// Longest first, so that "نشر في" wins over "نشر". Deliberately absent:
/// "بتاريخ" and "في" alone, which introduce dates in the story itself.
const PUBLICATION_MARKERS: [&[&str]; 15] = [
    &["published", "on"],
    &["last", "updated"],
    &["نشر", "في"],
    &["نشر", "بتاريخ"],
    &["نشر", "يوم"],
    &["نشرت", "في"],
    &["تاريخ", "النشر"],
    &["اخر", "تحديث"],
    &["تم", "النشر"],
    &["تاريخ", "التحديث"],
    &["date"],
    &["published"],
    &["posted"],
    &["updated"],
    &["نشر"],
];

/// The month (1–12) a single word names, in any naming system. Takes the
/// word as written or normalised; two-word Levantine names are not single
/// words and are only recognised inside a date (see [`find_dates`]).
///
/// ```
/// use arabic::dates::month_number;
/// assert_eq!(month_number("إبريل"), Some(4));
/// assert_eq!(month_number("أيلول"), Some(9));
/// assert_eq!(month_number("غشت"), Some(8));
/// assert_eq!(month_number("بوتين"), None);
/// ```
pub fn month_number(word: &str) -> Option<u32> {
    month_of_norm(&super::normalize(word))
}

fn month_of_norm(norm: &str) -> Option<u32> {
    MONTH_WORDS
        .iter()
        .find(|(name, _)| *name == norm)
        .map(|&(_, month)| month)
}

/// The weekday a word names (الإثنين، والأربعاء، الجمعة …), peeling a
/// leading و or ف. Takes the word as written or normalised.
pub fn weekday_number(word: &str) -> Option<Weekday> {
    weekday_of_norm(&super::normalize(word))
}

fn weekday_of_norm(norm: &str) -> Option<Weekday> {
    let bare = match norm.strip_prefix(['و', 'ف']) {
        Some(rest) if rest.starts_with("ال") => rest,
        _ => norm,
    };
    let index = WEEKDAY_WORDS.iter().position(|w| *w == bare)?;
    Some(Weekday::try_from(index as u8).expect("seven weekdays"))
}

/// How a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// All digits: 2025-08-13, 13/08/2025.
    Numeric,
    /// With a month name: 13 أغسطس 2025.
    Words,
}

/// The calendar a date was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    /// The Gregorian (civil) calendar, whatever its month names.
    Gregorian,
    /// The Hijri calendar, read with [`hijri::to_gregorian`]: the table's
    /// day, moved to the weekday written beside it when that is the day
    /// before or after. It can be a day off the calendar the outlet used.
    Hijri,
}

/// A full calendar date (day, month and year) written in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// The Gregorian day it names.
    pub date: NaiveDate,
    /// Byte offset where the expression starts, marker and weekday included.
    pub start: usize,
    /// Byte offset just past the year.
    pub end: usize,
    /// The weekday written with the date, as in «الأربعاء 13 أغسطس 2025».
    pub weekday: Option<Weekday>,
    /// Whether a publication marker (نشر في، تاريخ النشر، date …) introduces it.
    pub marked: bool,
    /// Whether the month was written as a number or a name.
    pub form: DateForm,
    /// The calendar of `date`'s source. A day written in both calendars
    /// ("3 رمضان 1446 هـ الموافق 2 مارس 2025") is one mention of the
    /// Gregorian day, which is exact.
    pub calendar: Calendar,
}

/// Every full date in `text`, in order. Dates without a year (13 أغسطس) or
/// without a day (أغسطس 2024) are not full dates and are not reported:
/// nashra never completes a date by guessing. Hijri dates ("15 ربيع الأول
/// 1447 هـ") are reported as the Gregorian day they name.
///
/// ```
/// use chrono::NaiveDate;
/// use arabic::dates::find_dates;
/// let found = find_dates("نشر في ١٣ آب/أغسطس ٢٠٢٥، بعد هجوم في أغسطس 2024");
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].date, NaiveDate::from_ymd_opt(2025, 8, 13).unwrap());
/// assert!(found[0].marked);
/// ```
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let mut found = Vec::new();
    // Every date holds a digit: tokenise only the text around digits, which
    // keeps long paragraphs cheap.
    for window in digit_windows(text) {
        let scan = Scan::new(&text[window.clone()]);
        let mut i = 0;
        while i < scan.words.len() {
            match scan.mention_at(i) {
                Some((mut mention, last)) => {
                    mention.start += window.start;
                    mention.end += window.start;
                    found.push(mention);
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }
    found
}

/// How far before its year a date expression may start: a marker, a
/// weekday, the day and a paired month name ("تاريخ النشر: يوم الأربعاء
/// الموافق 13 كانون الثاني/يناير 2025").
const REACH_BEFORE_YEAR: usize = 192;
/// How far after its year it may go on (an ISO date's month, day and time).
const REACH_AFTER_YEAR: usize = 32;

/// Byte ranges of `text` around its four-digit numbers (in any of the three
/// digit scripts), widened to whole words and merged where they overlap.
/// Every full date holds a year, so dates can only be found in these.
fn digit_windows(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let digit_len = |i: usize| -> usize {
        match bytes[i] {
            b'0'..=b'9' => 1,
            0xD9 if matches!(bytes.get(i + 1), Some(0xA0..=0xA9)) => 2,
            0xDB if matches!(bytes.get(i + 1), Some(0xB0..=0xB9)) => 2,
            _ => 0,
        }
    };
    let mut windows: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let (run_start, mut digits) = (i, 0);
        while i < bytes.len() && digit_len(i) > 0 {
            i += digit_len(i);
            digits += 1;
        }
        if digits == 0 {
            i += 1;
            continue;
        }
        if digits != 4 {
            continue;
        }
        let start = word_boundary_before(text, run_start.saturating_sub(REACH_BEFORE_YEAR));
        let end = word_boundary_after(text, (i + REACH_AFTER_YEAR).min(text.len()));
        match windows.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => windows.push(start..end),
        }
    }
    windows
}

/// The start of the whitespace-separated word that holds byte `at`.
fn word_boundary_before(text: &str, at: usize) -> usize {
    let at = (0..=at)
        .rev()
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(0);
    match text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
    {
        Some((space, c)) => space + c.len_utf8(),
        None => 0,
    }
}

/// The end of the whitespace-separated word that holds byte `at`.
fn word_boundary_after(text: &str, at: usize) -> usize {
    let at = (at..=text.len())
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(text.len());
    text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |space| at + space)
}

/// The weekdays named in `text`, with their byte ranges.
pub fn find_weekdays(text: &str) -> Vec<(Weekday, std::ops::Range<usize>)> {
    super::words(text)
        .into_iter()
        .filter_map(|w| weekday_of_norm(&w.norm).map(|day| (day, w.start..w.end)))
        .collect()
}

/// A line (or the start of a line) that states a publication date, the way
/// scraped pages print it: "نشر في 27 أكتوبر 2025", "date 2025-08-13",
/// "تاريخ النشر: ١٣/٠٨/٢٠٢٥ - 10:35", or a bare "الأربعاء 13 أغسطس 2025".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateLine {
    /// The Gregorian day it states.
    pub date: NaiveDate,
    /// Whether a publication marker introduces the date.
    pub marked: bool,
    /// The calendar the date was written in.
    pub calendar: Calendar,
    /// Byte offset in the line where the text after the date (and any time
    /// of day) begins; the line's length when the date is all there is.
    pub rest: usize,
}

/// Reads a date line at the start of `line`. A date in words followed by
/// more text is not a date line unless a marker introduces it: "13 أغسطس
/// 2025 - أعلن …" is a dateline that belongs to the lede.
pub fn date_line(line: &str) -> Option<DateLine> {
    // A date line shows a digit early; most lines are prose and stop here.
    if !line.chars().take(DATE_LINE_DIGIT_WITHIN).any(is_any_digit) {
        return None;
    }
    // … and opens with a marker, a weekday or the date itself.
    let first = line.split_whitespace().next()?;
    let first = super::normalize(first.trim_matches(|c: char| !super::is_letter_or_digit(c)));
    let opens_date_line = first.starts_with(|c: char| c.is_ascii_digit())
        || first == "يوم"
        || opens_ordinal(&first)
        || weekday_of_norm(&first).is_some()
        || PUBLICATION_MARKERS.iter().any(|marker| marker[0] == first);
    if !opens_date_line {
        return None;
    }
    let head = &line[..word_boundary_after(line, DATE_LINE_HEAD.min(line.len()))];
    let scan = Scan::new(head);
    let first = scan.words.first()?;
    if line[..first.start].chars().any(super::is_letter_or_digit) {
        return None;
    }
    let (mention, last) = scan.mention_at(0)?;
    let last = scan.skip_time(last);
    let after = &line[scan.words[last].end..];
    let rest = line.len() - after.trim_start_matches(is_line_separator).len();
    let alone = rest == line.len();
    (mention.marked || alone || mention.form == DateForm::Numeric).then_some(DateLine {
        date: mention.date,
        marked: mention.marked,
        calendar: mention.calendar,
        rest,
    })
}

/// A date line's first digit comes within this many characters (after a
/// marker, a weekday and a day in words: "تاريخ النشر: يوم الجمعة الحادي
/// والعشرين من تشرين الثاني/نوفمبر 2025") …
const DATE_LINE_DIGIT_WITHIN: usize = 96;
/// … and the date and time of day end within this many bytes.
const DATE_LINE_HEAD: usize = 256;

fn is_line_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '|' | '-' | '–' | '—' | 'ـ' | '،' | ',' | ':' | '/' | '•' | '·'
        )
}

fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// The words of a text, with access to what separates them.
struct Scan<'a> {
    text: &'a str,
    words: Vec<super::Word>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str) -> Scan<'a> {
        Scan {
            text,
            words: super::words(text),
        }
    }

    fn norm(&self, i: usize) -> Option<&str> {
        self.words.get(i).map(|w| w.norm.as_str())
    }

    /// What stands between word `i` and word `i + 1`, trimmed.
    fn gap(&self, i: usize) -> Option<&'a str> {
        let next = self.words.get(i + 1)?;
        Some(self.text[self.words[i].end..next.start].trim())
    }

    /// Whether words `i` and `i + 1` are separated by space only or by a
    /// comma, as between a weekday and its date.
    fn loose_gap(&self, i: usize) -> bool {
        matches!(self.gap(i), Some("" | "," | "،" | ":" | "-"))
    }

    /// A full date starting at word `i`, possibly introduced by a
    /// publication marker and a weekday; returns it and its last word.
    fn mention_at(&self, i: usize) -> Option<(DateMention, usize)> {
        let mut j = i;
        let marked = match self.marker_at(i) {
            Some(len) => {
                j += len;
                true
            }
            None => false,
        };
        let mut weekday = None;
        if self.norm(j) == Some("يوم") && self.norm(j + 1).and_then(weekday_of_norm).is_some() {
            j += 1;
        }
        if let Some(day) = self.norm(j).and_then(weekday_of_norm)
            && self.loose_gap(j)
        {
            weekday = Some(day);
            j += 1;
            if self.norm(j) == Some("الموافق") {
                j += 1;
            }
        }
        if j > i && !self.loose_gap(j - 1) {
            return None;
        }
        let mut found = self.date_at(j)?;
        if let Some(other) = self
            .paired_at(found.last)
            .filter(|other| other.calendar != found.calendar)
        {
            // The day in both calendars: the Gregorian one is exact.
            let last = other.last;
            if found.calendar == Calendar::Hijri {
                found = other;
            }
            found.last = last;
        }
        if found.calendar == Calendar::Hijri
            && let Some(day) = weekday
        {
            found.date = hijri::on_weekday(found.date, day);
        }
        let start = self.words[i].start;
        let end = self.words[found.last].end;
        Some((
            DateMention {
                date: found.date,
                start,
                end,
                weekday,
                marked,
                form: found.form,
                calendar: found.calendar,
            },
            found.last,
        ))
    }

    /// The same day in the other calendar right after a date that ends at
    /// word `last`: "… 1446 هـ الموافق 2 مارس 2025", "… 2025م - 3 رمضان
    /// 1446هـ", "… 1446 هـ (2 مارس 2025)".
    fn paired_at(&self, last: usize) -> Option<Found> {
        if !matches!(
            self.gap(last)?,
            "" | "," | "،" | "-" | "–" | "/" | "|" | "("
        ) {
            return None;
        }
        let mut k = last + 1;
        if matches!(self.norm(k), Some("الموافق" | "الموافقه" | "موافق")) && self.loose_gap(k)
        {
            k += 1;
        }
        self.date_at(k)
    }

    /// The number of words of a publication marker starting at word `i`.
    fn marker_at(&self, i: usize) -> Option<usize> {
        PUBLICATION_MARKERS
            .iter()
            .find(|marker| {
                marker.iter().enumerate().all(|(k, word)| {
                    self.norm(i + k) == Some(*word) && (k == 0 || self.gap(i + k - 1) == Some(""))
                })
            })
            .map(|marker| marker.len())
    }

    /// A date starting exactly at word `i` (its day or its year).
    fn date_at(&self, i: usize) -> Option<Found> {
        if is_number(self.norm(i)?)
            && let Some(found) = self.numeric_date_at(i)
        {
            return Some(found);
        }
        let (day, day_last) = self.day_at(i)?;
        if !matches!(self.gap(day_last), Some("")) {
            return None;
        }
        let mut j = day_last + 1;
        if self.norm(j) == Some("من") && self.gap(j) == Some("") {
            j += 1;
        }
        let gregorian = self.month_at(j);
        let (month, last) = gregorian.or_else(|| self.hijri_month_at(j))?;
        let between = self.gap(last)?.trim_start_matches(')').trim();
        if !matches!(between, "" | "," | "،") {
            return None;
        }
        let year = self.norm(last + 1)?;
        let (date, calendar, mut last) = if gregorian.is_some() {
            let date = NaiveDate::from_ymd_opt(year_of(year)?, month, day)?;
            (date, Calendar::Gregorian, last + 1)
        } else {
            let date = hijri::to_gregorian(hijri_year_of(year)?, month, day)?;
            (date, Calendar::Hijri, last + 1)
        };
        if calendar == Calendar::Hijri && self.hijri_era_after(last) {
            last += 1;
        }
        Some(Found {
            date,
            form: DateForm::Words,
            calendar,
            last,
        })
    }

    /// The day of the month at word `i`, in one or two digits or as an
    /// ordinal in words (الثالث، الحادي والعشرين); returns it and its last
    /// word.
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let first = self.norm(i)?;
        if is_number(first) {
            let day = first.parse().ok().filter(|_| first.len() <= 2)?;
            return Some((day, i));
        }
        let in_month_name = i > 0
            && self.gap(i - 1) == Some("")
            && self
                .norm(i - 1)
                .is_some_and(|w| MONTH_FIRST_WORDS.contains(&w));
        if in_month_name {
            return None;
        }
        let second = self.norm(i + 1).filter(|_| self.gap(i) == Some(""));
        let (day, words) = ordinal_of_norm(first, second)?;
        Some((day, i + words - 1))
    }

    /// 2025-08-13, 2025/8/13, 13/08/2025, 13-08-2025, 13.08.2025.
    fn numeric_date_at(&self, i: usize) -> Option<Found> {
        let sep = self.gap(i)?;
        if !matches!(sep, "-" | "/" | ".") || self.gap(i + 1)? != sep {
            return None;
        }
        let a = self.norm(i)?;
        let b = self.norm(i + 1)?;
        // An ISO timestamp glues the time to the day: 2025-08-13T10:00.
        let c = self.norm(i + 2)?;
        let c = c.split_once('t').map_or(c, |(day, _)| day);
        // A date may end with its era, glued or not: 1446/09/03هـ,
        // 2025/03/02م.
        let (c, era_glued) = c.strip_suffix('ه').map_or((c, false), |c| (c, true));
        let c = c.strip_suffix('م').filter(|_| !era_glued).unwrap_or(c);
        if !(is_number(a) && is_number(b) && is_number(c)) || b.len() > 2 {
            return None;
        }
        let (year, day) = match (a.len(), c.len()) {
            (4, 1..=2) => (a, c),
            (1..=2, 4) => (c, a),
            _ => return None,
        };
        let (year, month, day): (i32, u32, u32) =
            (year.parse().ok()?, b.parse().ok()?, day.parse().ok()?);
        let last = i + 2;
        if era_glued || self.hijri_era_after(last) {
            // Digits alone could be a reference number: only the era
            // says a numeric date is Hijri.
            let year = Some(year).filter(|y| HIJRI_YEARS.contains(y))?;
            return Some(Found {
                date: hijri::to_gregorian(year, month, day)?,
                form: DateForm::Numeric,
                calendar: Calendar::Hijri,
                last: if era_glued { last } else { last + 1 },
            });
        }
        let year = Some(year).filter(|y| GREGORIAN_YEARS.contains(y))?;
        Some(Found {
            date: NaiveDate::from_ymd_opt(year, month, day)?,
            form: DateForm::Numeric,
            calendar: Calendar::Gregorian,
            last,
        })
    }

    /// Whether the Hijri era is written as its own word right after word
    /// `last`: "1446 هـ", "1447 للهجرة".
    fn hijri_era_after(&self, last: usize) -> bool {
        self.gap(last) == Some("")
            && self
                .norm(last + 1)
                .is_some_and(|w| HIJRI_ERA_WORDS.contains(&w))
    }

    /// A month name at word `i`, with its paired name when one follows
    /// ("أيار/مايو", "مايو/ أيار", "مارس (آذار)"); returns the month and the
    /// last word used. A pair naming two different months is no month.
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let (month, last) = self.month_name_at(i)?;
        if matches!(self.gap(last), Some("/" | "(" | "-"))
            && let Some((paired, paired_last)) = self.month_name_at(last + 1)
        {
            return (paired == month).then_some((month, paired_last));
        }
        Some((month, last))
    }

    fn month_name_at(&self, i: usize) -> Option<(u32, usize)> {
        let word = self.norm(i)?;
        if word == "كانون" || word == "تشرين" {
            let second = self.norm(i + 1).filter(|_| self.gap(i) == Some(""))?;
            let month = match (word, second) {
                ("كانون", "الثاني" | "ثاني") => 1,
                ("كانون", "الاول" | "اول") => 12,
                ("تشرين", "الاول" | "اول") => 10,
                ("تشرين", "الثاني" | "ثاني") => 11,
                _ => return None,
            };
            return Some((month, i + 1));
        }
        month_of_norm(word).map(|month| (month, i))
    }

    /// A Hijri month name at word `i` (رمضان، ربيع الأول، ذي الحجة);
    /// returns the month and the last word used.
    fn hijri_month_at(&self, i: usize) -> Option<(u32, usize)> {
        let word = self.norm(i)?;
        let second = self.norm(i + 1).filter(|_| self.gap(i) == Some(""));
        HIJRI_MONTH_WORDS
            .iter()
            .find(|(first, then, _)| *first == word && (then.is_none() || *then == second))
            .map(|&(_, then, month)| (month, if then.is_some() { i + 1 } else { i }))
    }

    /// Skips a time of day after word `last`: "10:35", "10:35 ص", "GMT",
    /// and the words that introduce one: "على الساعة 09:10", "في تمام
    /// الساعة 10:35". Pages print the time beside the date; left behind, it
    /// would read as the article's first line.
    fn skip_time(&self, last: usize) -> usize {
        let last = self.time_at(last + 1).unwrap_or(last);
        match self.norm(last + 1) {
            Some("gmt" | "utc") => last + 1,
            _ => last,
        }
    }

    /// The last word of a time of day starting at word `i`, introduced or
    /// not ("الساعة 10:35 ص", "10:35").
    fn time_at(&self, i: usize) -> Option<usize> {
        let number_at = |i: usize| self.norm(i).is_some_and(is_number);
        let mut lead = i;
        if let Some("علي" | "في" | "عند" | "حوالي" | "نحو") = self.norm(lead) {
            lead += 1;
        }
        if self.norm(lead) == Some("تمام") {
            lead += 1;
        }
        let i = match self.norm(lead) {
            Some("الساعه" | "ساعه") => lead + 1,
            _ => i,
        };
        if !(number_at(i) && self.gap(i) == Some(":") && number_at(i + 1)) {
            return None;
        }
        let mut last = i + 1;
        if self.gap(last) == Some(":") && number_at(last + 1) {
            last += 1;
        }
        if let Some("ص" | "م" | "صباحا" | "مساء" | "مساءا" | "am" | "pm") = self.norm(last + 1)
        {
            last += 1;
        }
        Some(last)
    }
}

/// True for a line that gives a time of day and nothing else, as pages
/// print it under a headline: «على الساعة 11:37», «10:35 ص بتوقيت مكة».
/// It is evidence of when an article was published, not a standfirst.
///
/// ```
/// assert!(arabic::dates::is_time_line("على الساعة 11:37"));
/// assert!(!arabic::dates::is_time_line("التقى الوزيران على الساعة 11:37 أمس"));
/// ```
pub fn is_time_line(line: &str) -> bool {
    let scan = Scan::new(line);
    let Some(last) = scan.time_at(0) else {
        return false;
    };
    let rest = scan.words.len() - last - 1;
    match rest {
        0 => true,
        1 => matches!(scan.norm(last + 1), Some("gmt" | "utc")),
        2 => scan.norm(last + 1) == Some("بتوقيت"),
        _ => false,
    }
}

/// True for a word of ASCII digits (a normalised number).
fn is_number(norm: &str) -> bool {
    !norm.is_empty() && norm.bytes().all(|b| b.is_ascii_digit())
}

/// A date read at one place in a text.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// The Gregorian day.
    date: NaiveDate,
    form: DateForm,
    calendar: Calendar,
    /// Its last word.
    last: usize,
}

/// The Hijri years a date may name: 1300–1600, that is 1882–2175.
const HIJRI_YEARS: std::ops::RangeInclusive<i32> = 1300..=1600;

/// The Gregorian years a date may name.
const GREGORIAN_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A Hijri year, optionally with هـ glued.
fn hijri_year_of(word: &str) -> Option<i32> {
    let digits = word.strip_suffix('ه').unwrap_or(word);
    if digits.len() != 4 || !is_number(digits) {
        return None;
    }
    digits.parse().ok().filter(|y| HIJRI_YEARS.contains(y))
}

/// A four-digit Gregorian year, optionally marked م.
fn year_of(word: &str) -> Option<i32> {
    let digits = word.strip_suffix('م').unwrap_or(word);
    if digits.len() != 4 || !is_number(digits) {
        return None;
    }
    digits.parse().ok().filter(|y| GREGORIAN_YEARS.contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_each_style() {
        let d = NaiveDate::from_ymd_opt(2025, 8, 13).unwrap();
        let mut style = DateStyle::default();
        assert_eq!(format_date(d, &style), "13 أغسطس 2025");
        style.digits = Digits::Arabic;
        assert_eq!(format_date(d, &style), "١٣ أغسطس ٢٠٢٥");
        style.months = MonthStyle::Levantine;
        assert_eq!(format_date(d, &style), "١٣ آب ٢٠٢٥");
        style.months = MonthStyle::Paired;
        style.digits = Digits::Latin;
        assert_eq!(format_date_long(d, &style), "الأربعاء 13 آب/أغسطس 2025");
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn dates_in(text: &str) -> Vec<NaiveDate> {
        find_dates(text).into_iter().map(|m| m.date).collect()
    }

    #[test]
    fn month_table_is_normalised() {
        for (name, _) in MONTH_WORDS {
            assert_eq!(crate::normalize(name), name);
        }
        for name in WEEKDAY_WORDS.into_iter().chain(MONTH_FIRST_WORDS) {
            assert_eq!(crate::normalize(name), name);
        }
        for (name, _) in ORDINAL_DAYS
            .iter()
            .chain(&ORDINAL_ONES)
            .chain(&ORDINAL_TENS)
        {
            assert_eq!(crate::normalize(name), *name);
        }
        for (first, second, _) in HIJRI_MONTH_WORDS {
            assert_eq!(crate::normalize(first), first);
            assert!(second.is_none_or(|w| crate::normalize(w) == w));
        }
        for name in HIJRI_ERA_WORDS {
            assert_eq!(crate::normalize(name), name);
        }
    }

    #[test]
    fn every_display_name_reads_back() {
        for month in 1..=12 {
            for style in [
                MonthStyle::Egyptian,
                MonthStyle::Levantine,
                MonthStyle::Maghrebi,
                MonthStyle::Paired,
            ] {
                let text = format!("في 5 {} 2024", month_name(month, style));
                assert_eq!(dates_in(&text), [ymd(2024, month, 5)], "{text}");
            }
        }
        for day in 0..7u8 {
            let day = Weekday::try_from(day).unwrap();
            assert_eq!(weekday_number(weekday_name(day)), Some(day));
        }
    }

    #[test]
    fn egyptian_and_gulf_months() {
        let cases = [
            ("نشر في 27 أكتوبر 2025", ymd(2025, 10, 27)),
            ("الأحد 3 إبريل 2022", ymd(2022, 4, 3)),
            ("الأحد 3 أبريل 2022", ymd(2022, 4, 3)),
            ("في 14 يونيه 2023", ymd(2023, 6, 14)),
            ("في 9 يوليه 2023", ymd(2023, 7, 9)),
            ("1 يناير 2020", ymd(2020, 1, 1)),
        ];
        for (text, date) in cases {
            assert_eq!(dates_in(text), [date], "{text}");
        }
    }

    #[test]
    fn levantine_and_iraqi_months() {
        let cases = [
            ("بيروت في 2 كانون الثاني 2024", ymd(2024, 1, 2)),
            ("بغداد، 15 شباط 2024", ymd(2024, 2, 15)),
            ("دمشق 21 آذار 2024", ymd(2024, 3, 21)),
            ("عمّان 7 نيسان 2024", ymd(2024, 4, 7)),
            ("الأربعاء 13 آب 2025", ymd(2025, 8, 13)),
            ("الخميس 5 أيلول 2024", ymd(2024, 9, 5)),
            ("في 6 تشرين الأول 2023", ymd(2023, 10, 6)),
            ("في 6 تشرين أول 2023", ymd(2023, 10, 6)),
            ("في 30 تشرين الثاني 2023", ymd(2023, 11, 30)),
            ("في 25 كانون الأول 2023", ymd(2023, 12, 25)),
        ];
        for (text, date) in cases {
            assert_eq!(dates_in(text), [date], "{text}");
        }
    }

    #[test]
    fn maghrebi_months() {
        let cases = [
            ("الجزائر في 10 جانفي 2025", ymd(2025, 1, 10)),
            ("تونس 3 فيفري 2025", ymd(2025, 2, 3)),
            ("12 أفريل 2025", ymd(2025, 4, 12)),
            ("1 ماي 2025", ymd(2025, 5, 1)),
            ("20 جوان 2025", ymd(2025, 6, 20)),
            ("5 جويلية 2025", ymd(2025, 7, 5)),
            ("15 أوت 2025", ymd(2025, 8, 15)),
            ("الرباط 30 يوليوز 2025", ymd(2025, 7, 30)),
            ("14 غشت 2025", ymd(2025, 8, 14)),
            ("22 شتنبر 2025", ymd(2025, 9, 22)),
            ("18 نونبر 2025", ymd(2025, 11, 18)),
            ("31 دجنبر 2025", ymd(2025, 12, 31)),
        ];
        for (text, date) in cases {
            assert_eq!(dates_in(text), [date], "{text}");
        }
    }

    #[test]
    fn paired_month_names() {
        let cases = [
            ("في 20 أيار/مايو 2024", ymd(2024, 5, 20)),
            ("في 20 مايو/ أيار 2024", ymd(2024, 5, 20)),
            ("منتصف 16 تموز/يوليو 2025", ymd(2025, 7, 16)),
            ("في 12 يونيو (حزيران) 2018", ymd(2018, 6, 12)),
            ("في 3 تشرين الأول/أكتوبر 2025", ymd(2025, 10, 3)),
        ];
        for (text, date) in cases {
            assert_eq!(dates_in(text), [date], "{text}");
        }
        // A pair that disagrees is garbled, not a date.
        assert!(dates_in("في 20 أيار/يونيو 2024").is_empty());
    }

    #[test]
    fn three_digit_systems() {
        assert_eq!(dates_in("١٣ أغسطس ٢٠٢٥"), [ymd(2025, 8, 13)]);
        assert_eq!(dates_in("۱۳ اوت ۲۰۲۵"), [ymd(2025, 8, 13)]);
        assert_eq!(dates_in("13 أغسطس 2025"), [ymd(2025, 8, 13)]);
        assert_eq!(dates_in("٢٠٢٥-٠٨-١٣"), [ymd(2025, 8, 13)]);
        assert_eq!(dates_in("۲۰۲۵/۰۸/۱۳"), [ymd(2025, 8, 13)]);
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(dates_in("date 2025-08-13"), [ymd(2025, 8, 13)]);
        assert_eq!(dates_in("2025-08-13T09:30:00+03:00"), [ymd(2025, 8, 13)]);
        assert_eq!(dates_in("13/08/2025 - 10:35"), [ymd(2025, 8, 13)]);
        assert_eq!(dates_in("13.08.2025"), [ymd(2025, 8, 13)]);
        // Not dates: a version number, a score, an impossible day.
        assert!(dates_in("الإصدار 2.5.1 والنتيجة 3-1 و2025-02-30").is_empty());
    }

    #[test]
    fn days_written_as_ordinals() {
        let cases = [
            ("الثالث من سبتمبر 2025", ymd(2025, 9, 3)),
            (
                "في الحادي والعشرين من أكتوبر/تشرين الأول 2025",
                ymd(2025, 10, 21),
            ),
            ("الأول من يناير 2025", ymd(2025, 1, 1)),
            ("منذ الأولى من أغسطس 2025", ymd(2025, 8, 1)),
            ("في العاشر من أبريل 2024", ymd(2024, 4, 10)),
            ("الحادي عشر من شباط 2024", ymd(2024, 2, 11)),
            ("حتى الثانية عشرة من مايو 2024", ymd(2024, 5, 12)),
            ("التاسع عشر من آذار 2024", ymd(2024, 3, 19)),
            ("في العشرين من جوان 2025", ymd(2025, 6, 20)),
            ("الثاني والعشرين من تشرين الثاني 2023", ymd(2023, 11, 22)),
            ("الواحد والعشرين من غشت 2025", ymd(2025, 8, 21)),
            ("الثلاثين من نونبر 2025", ymd(2025, 11, 30)),
            ("الحادي والثلاثين من كانون الأول 2024", ymd(2024, 12, 31)),
            ("في الخامس تموز 2025", ymd(2025, 7, 5)),
        ];
        for (text, date) in cases {
            assert_eq!(dates_in(text), [date], "{text}");
        }
        let m = find_dates("أعلن الوزير، الأربعاء الثالث من سبتمبر 2025، أن")[0];
        assert_eq!(m.date, ymd(2025, 9, 3));
        assert_eq!(m.weekday, Some(Weekday::Wed));
        // Not days: the ordinal of a month's name, a day past the month's
        // end, an ordinal with no month.
        for text in [
            "في 5 تشرين الثاني نوفمبر 2024",
            "منذ كانون الأول 2024",
            "الحادي والثلاثين من فبراير 2025",
            "حلّ في المركز الثالث من بين 2025 متسابقاً",
            "الثالث والأربعين من مارس 2025",
        ] {
            assert!(dates_in(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn hijri_dates_name_their_gregorian_day() {
        let cases = [
            // On the table; Umm al-Qura has 7 September.
            ("15 ربيع الأول 1447 هـ", ymd(2025, 9, 8)),
            ("في 1 رمضان 1446هـ", ymd(2025, 3, 1)),
            ("١٠ ذي الحجة ١٤٤٥ هـ", ymd(2024, 6, 17)),
            ("مطلع العام في 1 المحرم 1447 للهجرة", ymd(2025, 6, 27)),
            ("الثاني عشر من ربيع الأول 1447 هجرية", ymd(2025, 9, 5)),
            ("20 جمادى الآخرة 1446", ymd(2024, 12, 22)),
        ];
        for (text, date) in cases {
            let found = find_dates(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(
                (found[0].date, found[0].calendar),
                (date, Calendar::Hijri),
                "{text}"
            );
        }
        let text = "مكة المكرمة، الخميس 1 محرم 1447 هـ (واس)";
        let m = find_dates(text)[0];
        // Umm al-Qura began 1447 on Thursday 26 June 2025, a day before
        // the table: the weekday says which day was meant.
        assert_eq!(m.date, ymd(2025, 6, 26));
        assert_eq!(&text[m.start..m.end], "الخميس 1 محرم 1447 هـ");
        // Hijri years are not Gregorian ones, nor the other way round.
        assert!(dates_in("في 3 رمضان 2025 وفي 3 مارس 1446").is_empty());
    }

    #[test]
    fn numeric_hijri_dates_are_read_by_their_era() {
        for (text, written) in [
            ("جدة، الأحد 1446/09/03هـ (واس)", "الأحد 1446/09/03هـ"),
            ("صدر بتاريخ ٣/٩/١٤٤٦ هـ", "٣/٩/١٤٤٦ هـ"),
            ("الموعد 1446-09-03 هجري", "1446-09-03 هجري"),
        ] {
            let found = find_dates(text);
            assert_eq!(found.len(), 1, "{text}");
            let m = found[0];
            assert_eq!(
                (m.calendar, m.form, &text[m.start..m.end]),
                (Calendar::Hijri, DateForm::Numeric, written),
                "{text}"
            );
        }
        // With its weekday, the day the outlet meant: Sunday 2 March 2025.
        assert_eq!(find_dates("الأحد 1446/09/03هـ")[0].date, ymd(2025, 3, 2));
        assert_eq!(
            find_dates("1446/09/03هـ الموافق 2025/03/02م")
                .iter()
                .map(|m| (m.date, m.calendar))
                .collect::<Vec<_>>(),
            [(ymd(2025, 3, 2), Calendar::Gregorian)]
        );
        // Without its era a Hijri-looking number is a reference, not a date.
        assert!(dates_in("القرار رقم 1446/09/03 بشأن التعيينات").is_empty());
    }

    #[test]
    fn a_day_in_both_calendars_is_one_gregorian_mention() {
        for (text, written) in [
            (
                "الرياض، الأحد 3 رمضان 1446 هـ الموافق 2 مارس 2025 (واس) -",
                "الأحد 3 رمضان 1446 هـ الموافق 2 مارس 2025",
            ),
            (
                "نشر في: 2 مارس 2025م - 3 رمضان 1446هـ | 10:35",
                "نشر في: 2 مارس 2025م - 3 رمضان 1446هـ",
            ),
            (
                "3 رمضان 1446 هـ (2 مارس 2025)",
                "3 رمضان 1446 هـ (2 مارس 2025",
            ),
        ] {
            let found = find_dates(text);
            assert_eq!(found.len(), 1, "{text}");
            let m = found[0];
            assert_eq!((m.date, m.calendar), (ymd(2025, 3, 2), Calendar::Gregorian));
            assert_eq!(&text[m.start..m.end], written);
        }
        let line = date_line("الأحد 3 رمضان 1446 هـ الموافق 2 مارس 2025").unwrap();
        assert_eq!(
            (line.date, line.calendar),
            (ymd(2025, 3, 2), Calendar::Gregorian)
        );
        let line = date_line("الأحد 3 رمضان 1446هـ").unwrap();
        assert_eq!(
            (line.date, line.calendar),
            (ymd(2025, 3, 2), Calendar::Hijri)
        );
    }

    #[test]
    fn partial_dates_are_not_full_dates() {
        assert!(dates_in("في هجوم مباغت في أغسطس 2024 قبل أن تتمكن القوات").is_empty());
        assert!(dates_in("في الثالث من سبتمبر في بكين، وفي 21 نوفمبر").is_empty());
        assert!(dates_in("منذ نزاع 1950 - 1953").is_empty());
    }

    #[test]
    fn weekday_and_marker_are_part_of_the_mention() {
        let text = "وقال المتحدث، نُشر في: الأربعاء، 13 أغسطس 2025 ثم غادر";
        let found = find_dates(text);
        assert_eq!(found.len(), 1);
        let m = found[0];
        assert!(m.marked);
        assert_eq!(m.weekday, Some(Weekday::Wed));
        assert_eq!(&text[m.start..m.end], "نُشر في: الأربعاء، 13 أغسطس 2025");
        let plain = find_dates("وقع الاتفاق بتاريخ 12 مارس 2020")[0];
        assert!(!plain.marked);
        assert_eq!(plain.weekday, None);
    }

    #[test]
    fn weekdays_with_clitics() {
        let days: Vec<Weekday> = find_weekdays("والإثنين، تطرّق لافروف وفي الثلاثاء والجمعة")
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        assert_eq!(days, [Weekday::Mon, Weekday::Tue, Weekday::Fri]);
        assert_eq!(weekday_number("الأحد"), Some(Weekday::Sun));
        assert_eq!(weekday_number("أحد"), None);
    }

    #[test]
    fn date_lines() {
        let line = " date 2025-08-13 تعهّد الرئيس الروسي";
        let found = date_line(line).unwrap();
        assert_eq!(found.date, ymd(2025, 8, 13));
        assert!(found.marked);
        assert_eq!(&line[found.rest..], "تعهّد الرئيس الروسي");

        for line in [
            "نشر في 1 جانفي 2026 على الساعة 09:10",
            "نشر في 1 جانفي 2026 الساعة 09:10 بتوقيت",
            "نشر في 1 جانفي 2026 في تمام الساعة 9:10 صباحا",
        ] {
            let found = date_line(line).unwrap();
            let rest = &line[found.rest..];
            assert!(rest.is_empty() || rest == "بتوقيت", "{line} left {rest:?}");
        }
        let line = "نشر في 1 جانفي 2026 على الساعة التي";
        assert_eq!(&line[date_line(line).unwrap().rest..], "على الساعة التي");

        let found = date_line("نشر في 27 أكتوبر 2025").unwrap();
        assert_eq!(
            (found.date, found.rest),
            (ymd(2025, 10, 27), "نشر في 27 أكتوبر 2025".len())
        );

        let found = date_line("تاريخ النشر: ١٣/٠٨/٢٠٢٥ - 10:35 ص").unwrap();
        assert_eq!(found.date, ymd(2025, 8, 13));
        assert_eq!(found.rest, "تاريخ النشر: ١٣/٠٨/٢٠٢٥ - 10:35 ص".len());

        let found = date_line("الأربعاء 13 أغسطس 2025").unwrap();
        assert!(!found.marked);
        let found = date_line("الأربعاء الثالث من سبتمبر 2025").unwrap();
        assert_eq!(found.date, ymd(2025, 9, 3));
        let found = date_line("الحادي والعشرين من أكتوبر 2025 | 10:35").unwrap();
        assert_eq!(found.date, ymd(2025, 10, 21));

        // A dateline in words that opens the lede is the lede's, not a date line.
        assert!(date_line("13 أغسطس 2025 - أعلن الرئيس").is_none());
        // A date inside a sentence is not a date line.
        assert!(date_line("أعلن الرئيس في 13 أغسطس 2025 أن").is_none());
    }

    #[test]
    fn dates_far_apart_in_a_long_paragraph() {
        let filler =
            "وأضاف المتحدث أن المحادثات ستتواصل خلال الأسابيع المقبلة بين الجانبين ".repeat(8);
        let text = format!(
            "وقع الاتفاق في ١٢ مارس ٢٠٢٠ {filler} ثم عُدّل في 3 تشرين الثاني/نوفمبر 2021 {filler}"
        );
        let found = find_dates(&text);
        assert_eq!(
            found.iter().map(|m| m.date).collect::<Vec<_>>(),
            [ymd(2020, 3, 12), ymd(2021, 11, 3)]
        );
        assert_eq!(
            &text[found[1].start..found[1].end],
            "3 تشرين الثاني/نوفمبر 2021"
        );
        assert!(find_dates(&filler).is_empty());
    }
}
