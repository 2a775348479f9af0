//! What an article is beside the event it mentions: a report of the event,
//! or a piece written around it (a preview before a match or a vote, a
//! profile of someone in the news, an explainer or analysis), and on which
//! day the event it reports happened.
//!
//! Pieces written around an event share its people and places, often more
//! of them than the reports do, and were what made stories swallow their
//! neighbours: a preview joined the result, a profile of a new minister
//! joined his appointment. A story is one event, so they stand apart (a
//! thread of related stories may gather them later).
//!
//! The cues are the ones a headline writer uses everywhere, not words of
//! particular events: a title that opens with a question, a title that
//! announces what is coming, a lede that tells someone's birth.

use std::sync::LazyLock;

use chrono::Weekday;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use arabic::{fold_digits, normalize, proclitic_readings, words};

/// Sentences of the lede read for cues.
const LEDE_SENTENCES: usize = 3;

/// Words before a colon that read as a rubric ("تحليل: …", "مقامرة
/// القرن: هل …") rather than as the start of the headline itself.
const RUBRIC_WORDS: usize = 3;

/// Whether an article reports an event, or was written around one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// What happened: the news itself.
    Report,
    /// A preview, profile, explainer or analysis.
    Background,
}

/// Interrogatives that open a question headline on their own.
const QUESTION_WORDS: &[&str] = &["ماذا", "لماذا", "كيف", "هل", "متى", "أين", "لمن", "بماذا"];

/// Interrogatives that open a question headline when the next word asks
/// about someone or something ("من هو", "ما هي").
const WHO_WHAT: &[&str] = &["من", "ما"];
const PRONOUNS: &[&str] = &["هو", "هي", "هم", "الذي", "التي", "الذين"];

/// Words of a headline that announce a piece around the news: analysis,
/// profile, explainer, or what is still to come.
const BACKGROUND_WORDS: &[&str] = &[
    "تحليل",
    "رأي",
    "مقال",
    "بروفايل",
    "سيرة",
    "إنفوغرافيك",
    "انفوجراف",
    "بالأرقام",
    "نبذة",
    "حقائق",
    "محطات",
    "المرتقبة",
    "المرتقب",
    "مرتقبة",
    "مرتقب",
    "يستعد",
    "تستعد",
    "يستعدون",
    "استعدادا",
    "غدا",
];

/// Phrases of a headline (two words) that announce a piece around the news.
const BACKGROUND_PHRASES: &[(&str, &str)] = &[
    ("تعرف", "على"),
    ("في", "سطور"),
    ("تحتاج", "معرفته"),
    ("يجب", "معرفته"),
    ("أكثر", "لحظات"),
    ("قبل", "مواجهة"),
    ("قبل", "مباراة"),
    ("قبل", "لقاء"),
    ("قبل", "نهائي"),
    ("قبل", "انطلاق"),
];

/// Verbs of birth: a lede telling when someone was born opens a profile.
const BORN: &[&str] = &["ولد", "ولدت", "المولود", "المولودة"];

static QUESTIONS: LazyLock<Vec<String>> = LazyLock::new(|| normalized(QUESTION_WORDS));
static WHO: LazyLock<Vec<String>> = LazyLock::new(|| normalized(WHO_WHAT));
static PRONOUN: LazyLock<Vec<String>> = LazyLock::new(|| normalized(PRONOUNS));
static BACKGROUND: LazyLock<Vec<String>> = LazyLock::new(|| normalized(BACKGROUND_WORDS));
static BIRTH: LazyLock<Vec<String>> = LazyLock::new(|| normalized(BORN));
static PHRASES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    BACKGROUND_PHRASES
        .iter()
        .map(|(a, b)| (normalize(a), normalize(b)))
        .collect()
});

fn normalized(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| normalize(w)).collect()
}

/// Whether `word` (normalised) is one of `list`, alone or behind و/ف/ب/ل.
fn is_one_of(word: &str, list: &[String]) -> bool {
    list.iter().any(|w| w == word) || proclitic_readings(word, 3).iter().any(|r| list.contains(r))
}

/// What grouping reads in an article's title and lede: what kind of piece
/// it is, the weekdays it names and whether it says "yesterday". They
/// come from the text alone, so the story memo keeps them by text
/// fingerprint and a rebuild reads only the texts that changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cues {
    pub kind: Kind,
    /// A bit per weekday named (Monday first; see
    /// `dates::named_weekdays`).
    pub weekdays: u8,
    yesterday: bool,
}

impl Cues {
    pub fn read(article: &Article) -> Cues {
        Cues {
            kind: kind(article),
            weekdays: super::dates::named_weekdays(article)
                .iter()
                .fold(0, |bits, w| bits | 1 << w.num_days_from_monday()),
            yesterday: says_yesterday(article),
        }
    }

    /// The weekdays named, Monday first.
    pub fn named_weekdays(&self) -> Vec<Weekday> {
        (0..7u8)
            .filter(|d| self.weekdays & (1 << d) != 0)
            .map(|d| Weekday::try_from(d).expect("seven weekdays"))
            .collect()
    }
}

/// What `article` is: a report of an event, or a piece around one.
pub fn kind(article: &Article) -> Kind {
    if is_background_title(&article.title) || lede_tells_a_birth(article) {
        Kind::Background
    } else {
        Kind::Report
    }
}

/// A headline that asks a question from its first word (or right after a
/// short rubric and a colon), or that announces an analysis, a profile, an
/// explainer or what is coming.
fn is_background_title(title: &str) -> bool {
    let all: Vec<String> = words(title).into_iter().map(|w| w.norm).collect();
    let question = title.trim_end().ends_with(['?', '؟']);
    if asks(&all, question) {
        return true;
    }
    if let Some(colon) = title.find([':', '：']) {
        let rubric = words(&title[..colon]).len();
        let after: Vec<String> = words(&title[colon + 1..])
            .into_iter()
            .map(|w| w.norm)
            .collect();
        if rubric <= RUBRIC_WORDS && asks(&after, question) {
            return true;
        }
    }
    all.iter().any(|w| is_one_of(w, &BACKGROUND))
        || all
            .windows(2)
            .any(|p| PHRASES.iter().any(|(a, b)| p[0] == *a && p[1] == *b))
}

/// Words that open with a question. من and ما ask only before a pronoun
/// ("من هو") or in a headline ending with a question mark: elsewhere they
/// are "from" and "not" ("ما زال").
fn asks(words: &[String], question_mark: bool) -> bool {
    match words {
        [first, second, ..] if WHO.contains(first) && PRONOUN.contains(second) => true,
        [first, ..] if WHO.contains(first) => question_mark && first != "من",
        [first, ..] => QUESTIONS.contains(first),
        [] => false,
    }
}

/// A lede that tells when someone was born ("ولد عام 1963"): a profile.
fn lede_tells_a_birth(article: &Article) -> bool {
    article.sentences().take(LEDE_SENTENCES).any(|sentence| {
        let list = words(sentence);
        list.iter().enumerate().any(|(k, w)| {
            is_one_of(&w.norm, &BIRTH)
                && list[k + 1..]
                    .iter()
                    .take(5)
                    .any(|later| is_year(&later.norm))
        })
    })
}

/// Words of a lede that place the event on the day before publication.
const YESTERDAY: &[&str] = &["أمس", "البارحة"];

static YESTERDAY_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| normalized(YESTERDAY));

/// The day (days since the common era) of the event an article published
/// on day `published` reports: the day before when its title or lede says
/// "yesterday" or names the day before's weekday and not its own (a match
/// played late and reported the next morning), else the day it appeared.
pub fn event_day(cues: &Cues, published: i32) -> i32 {
    // Day 1 of the common era (0001-01-01) was a Monday.
    let names = |day: i32| cues.weekdays & (1 << (day - 1).rem_euclid(7)) != 0;
    if names(published) {
        return published;
    }
    if cues.yesterday || names(published - 1) {
        published - 1
    } else {
        published
    }
}

/// Whether the title or lede says the event was yesterday.
fn says_yesterday(article: &Article) -> bool {
    std::iter::once(article.title.as_str())
        .chain(article.sentences().take(LEDE_SENTENCES))
        .any(|text| {
            words(text)
                .iter()
                .any(|w| is_one_of(&w.norm, &YESTERDAY_WORDS))
        })
}

/// A four-digit year of the last two centuries.
fn is_year(word: &str) -> bool {
    let digits = fold_digits(word);
    digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && (digits.starts_with("19") || digits.starts_with("20"))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::article;
    use super::*;

    fn of(title: &str, text: &str) -> Kind {
        kind(&article(title, text, Some("2025-05-10"), "وكالة"))
    }

    const REPORT: &str = "أعلن الجيش أن قواته سيطرت على البلدة بعد معارك استمرت يومين.";

    #[test]
    fn news_headlines_are_reports() {
        assert_eq!(
            of("الجيش يسيطر على البلدة بعد معارك عنيفة", REPORT),
            Kind::Report
        );
        // A question after the news is still the news.
        assert_eq!(
            of(
                "الرئيس يقبل دعوة للقاء نظيره.. هل تكون بداية انفراج؟",
                REPORT
            ),
            Kind::Report
        );
        assert_eq!(of("ما زالت المعارك مستمرة في البلدة", REPORT), Kind::Report);
    }

    #[test]
    fn questions_previews_and_profiles_are_background() {
        assert_eq!(
            of("لماذا خسر الحزب الحاكم أغلبيته؟", REPORT),
            Kind::Background
        );
        assert_eq!(of("من هو وزير الخارجية الجديد؟", REPORT), Kind::Background);
        assert_eq!(
            of("ما الجماعات المسلحة في البلدة؟", REPORT),
            Kind::Background
        );
        assert_eq!(of("رهان كبير: هل ينجح الاتفاق؟", REPORT), Kind::Background);
        assert_eq!(
            of("الفريقان يستعدان.. والمواجهة المرتقبة في العاصمة", REPORT),
            Kind::Background
        );
        assert_eq!(
            of("المدرب يتحدث قبل مواجهة نصف النهائي", REPORT),
            Kind::Background
        );
        assert_eq!(
            of(
                "الوزير الجديد.. من الجامعة إلى الحكومة",
                "ولد الوزير عام 1964 في مدينة صغيرة، ودرس الهندسة قبل أن يدخل السياسة."
            ),
            Kind::Background
        );
    }

    #[test]
    fn fact_sheets_explainers_and_looks_back_are_background() {
        for title in [
            "العالم الراحل: نبذة عن مسيرته العلمية",
            "حقائق مثيرة عن الفيزيائي الراحل",
            "أبرز محطات الرئيس الجديد",
            "القرعة.. كل ما تحتاج معرفته عن مجموعة الموت",
            "شاهد.. أكثر لحظات النجم الراحل طرافة",
        ] {
            assert_eq!(of(title, REPORT), Kind::Background, "{title}");
        }
        // The moment of the event itself is the news.
        assert_eq!(
            of("شاهد لحظة انفجار الموكب في المدينة", REPORT),
            Kind::Report
        );
    }
}
