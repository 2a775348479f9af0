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
    "إنفوغراف",
    "انفوجرافيك",
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

/// Words that open a lede on a frame rather than on the news ("رغم أن…",
/// "منذ توليه منصبه…", "بينما ينعى العالم…"): a report states what
/// happened in its first words, a feature, profile or analysis sets a
/// scene or a contrast first.
const FRAME_OPENERS: &[&str] = &["رغم", "برغم", "بالرغم", "بينما", "عندما", "حين", "بدون"];

/// Two-word openings of a framing lede: "يبدو أن…" (it seems that), "إما
/// أن…" (either…), "قليلون هم…" (few are those who…).
const FRAME_PHRASES: &[(&str, &str)] = &[
    ("يبدو", "أن"),
    ("إما", "أن"),
    ("قليلون", "هم"),
    ("كثيرون", "هم"),
];

/// "Since": a frame ("منذ توليه منصبه…") unless a word of [`SINCE_TODAY`]
/// follows.
const SINCE_WORDS: &[&str] = &["منذ"];

/// Words after منذ that date the news of the day ("منذ صباح اليوم"), not a
/// frame: the report then opens on its own event.
const SINCE_TODAY: &[&str] = &[
    "صباح",
    "مساء",
    "فجر",
    "ظهر",
    "ليل",
    "ساعات",
    "الصباح",
    "المساء",
    "الفجر",
    "اليوم",
    "أمس",
];

/// Verbs of birth: a lede telling when someone was born opens a profile.
const BORN: &[&str] = &["ولد", "ولدت", "المولود", "المولودة"];

static QUESTIONS: LazyLock<Vec<String>> = LazyLock::new(|| normalized(QUESTION_WORDS));
static WHO: LazyLock<Vec<String>> = LazyLock::new(|| normalized(WHO_WHAT));
static PRONOUN: LazyLock<Vec<String>> = LazyLock::new(|| normalized(PRONOUNS));
static BACKGROUND: LazyLock<Vec<String>> = LazyLock::new(|| normalized(BACKGROUND_WORDS));
static BIRTH: LazyLock<Vec<String>> = LazyLock::new(|| normalized(BORN));
static FRAMES: LazyLock<Vec<String>> = LazyLock::new(|| normalized(FRAME_OPENERS));
static FRAME_PAIRS: LazyLock<Vec<(String, String)>> =
    LazyLock::new(|| normalized_pairs(FRAME_PHRASES));
static SINCE: LazyLock<Vec<String>> = LazyLock::new(|| normalized(SINCE_WORDS));
static TODAY: LazyLock<Vec<String>> = LazyLock::new(|| normalized(SINCE_TODAY));
static PHRASES: LazyLock<Vec<(String, String)>> =
    LazyLock::new(|| normalized_pairs(BACKGROUND_PHRASES));

fn normalized(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| normalize(w)).collect()
}

fn normalized_pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (normalize(a), normalize(b)))
        .collect()
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
    if is_background_title(&article.title)
        || lede_tells_a_birth(article)
        || lede_opens_on_a_frame(article)
        || lede_asks_who(article)
    {
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
    ends_on_a_career_arc(title)
        || all.iter().any(|w| is_one_of(w, &BACKGROUND))
        || all
            .windows(2)
            .any(|p| PHRASES.iter().any(|(a, b)| p[0] == *a && p[1] == *b))
}

/// A headline closing, after a colon or "..", on a career arc: "من
/// المخابرات إلى الخارجية", "من الجاسوسية للدبلوماسية". A profile sums up
/// a path between two callings; a report of a journey or a transfer names
/// places or people, and states its action before the colon.
fn ends_on_a_career_arc(title: &str) -> bool {
    let Some(cut) = title.rfind([':', '：']).or_else(|| title.rfind("..")) else {
        return false;
    };
    let tail: Vec<String> = words(&title[cut..]).into_iter().map(|w| w.norm).collect();
    let definite = |w: &String| w.starts_with("ال") && w.chars().count() > 3;
    let from = normalize("من");
    let to = normalize("إلى");
    let to_a_calling = matches!(&tail[..],
        [.., m, a, t, b] if *m == from && definite(a) && *t == to && definite(b));
    let to_the_calling = matches!(&tail[..],
        [.., m, a, b] if *m == from && definite(a) && b.starts_with("لل") && b.chars().count() > 4);
    to_a_calling || to_the_calling
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

/// A lede whose first words frame rather than report (see
/// [`FRAME_OPENERS`]): a feature, profile or analysis.
fn lede_opens_on_a_frame(article: &Article) -> bool {
    let Some(first) = article.sentences().next() else {
        return false;
    };
    let opening: Vec<String> = words(first).into_iter().take(2).map(|w| w.norm).collect();
    let Some(first) = opening.first() else {
        return false;
    };
    let next = opening.get(1);
    if is_one_of(first, &SINCE) {
        // "منذ صباح اليوم" dates the day's news; "منذ توليه منصبه" frames.
        return next.is_none_or(|w| !is_one_of(w, &TODAY));
    }
    is_one_of(first, &FRAMES)
        || next.is_some_and(|next| FRAME_PAIRS.iter().any(|(a, b)| a == first && b == next))
}

/// A lede that asks who someone is ("…، فمن هو مايك بومبيو؟"): it
/// introduces a profile of the person, not the news it recalls.
fn lede_asks_who(article: &Article) -> bool {
    article
        .sentences()
        .take(LEDE_SENTENCES)
        .filter(|sentence| sentence.trim_end().ends_with(['?', '؟']))
        .any(|sentence| {
            words(sentence)
                .windows(2)
                .any(|pair| asks_who(&pair[0].norm) && PRONOUN[..2].contains(&pair[1].norm))
        })
}

/// Whether `word` (normalised) is من, alone or behind و/ف ("فمن هو"): two
/// letters, shorter than the readings [`is_one_of`] allows.
fn asks_who(word: &str) -> bool {
    let who = &WHO[0];
    word == who || proclitic_readings(word, 2).iter().any(|r| r == who)
}

/// Words of a lede that place the event on the day before publication.
const YESTERDAY: &[&str] = &["أمس", "البارحة"];

static YESTERDAY_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| normalized(YESTERDAY));

/// The day of the event an article reports, and whether its title or
/// lede says which day that was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDay {
    /// Days since the common era.
    pub day: i32,
    /// The title or lede names the day (its weekday, or "yesterday"); when
    /// it does not, `day` is the day of publication.
    pub stated: bool,
    /// The day it was published.
    pub published: i32,
}

impl EventDay {
    /// Whether the two reports tell events of different days. Of two
    /// published the same day, one that does not say its day may tell the
    /// day before, which the other names («الأحد»، «أمس»): outlets reporting
    /// a late match the next morning do not all say when it was played.
    pub fn other_than(self, other: EventDay) -> bool {
        let may_be = |unstated: EventDay, stated: EventDay| {
            unstated.day == stated.day
                || unstated.published == stated.published && unstated.day - 1 == stated.day
        };
        match (self.stated, other.stated) {
            (true, false) => !may_be(other, self),
            (false, true) => !may_be(self, other),
            _ => self.day != other.day,
        }
    }
}

/// The day of the event an article published on day `published` (days
/// since the common era) reports: the day before when its title or lede
/// says "yesterday" or names the day before's weekday and not its own (a
/// match played late and reported the next morning), else the day it
/// appeared.
pub fn event_day(cues: &Cues, published: i32) -> EventDay {
    // Day 1 of the common era (0001-01-01) was a Monday.
    let names = |day: i32| cues.weekdays & (1 << (day - 1).rem_euclid(7)) != 0;
    if names(published) {
        return EventDay {
            day: published,
            stated: true,
            published,
        };
    }
    if cues.yesterday || names(published - 1) {
        EventDay {
            day: published - 1,
            stated: true,
            published,
        }
    } else {
        EventDay {
            day: published,
            stated: false,
            published,
        }
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
            // Infographics, however the outlet spells the loanword.
            "إنفوغرافيك.. أغنى الأندية في البطولة",
            "انفوجرافيك.. أبرز ما تمخضت عنه الزيارة",
        ] {
            assert_eq!(of(title, REPORT), Kind::Background, "{title}");
        }
        // The moment of the event itself is the news.
        assert_eq!(
            of("شاهد لحظة انفجار الموكب في المدينة", REPORT),
            Kind::Report
        );
    }

    #[test]
    fn a_lede_opening_on_a_frame_is_background() {
        for lede in [
            "رغم أن الوزير المقال أمضى عامين في منصبه، فإن خلافاته مع الرئيس بدأت منذ أسابيعه الأولى.",
            "منذ توليه رئاسة الحكومة قبل ثلاث سنوات، لم يتوقف الجدل حول سياساته الاقتصادية.",
            "بينما ينعى العالم الروائي الراحل، يستعيد قراؤه في بلده الأول حكايات لقائه بهم.",
            "يبدو أن الحملة العسكرية على المدينة تحولت إلى ساحة لاختبار أسلحة جديدة.",
            "وعندما عين الرئيس مديرة الوكالة الجديدة، كانت قد أمضت ثلاثين عاما في العمل السري.",
        ] {
            assert_eq!(
                of("الوزير المقال.. رجل الصفقات", lede),
                Kind::Background,
                "{lede}"
            );
        }
    }

    #[test]
    fn a_lede_dating_the_news_since_this_morning_is_a_report() {
        assert_eq!(
            of(
                "قصف متواصل على البلدة الحدودية",
                "منذ صباح اليوم تقصف المدفعية البلدة الحدودية، وأفاد سكان بسقوط قتلى."
            ),
            Kind::Report
        );
        // A frame further into the lede does not make a report background.
        assert_eq!(
            of(
                "الجيش يسيطر على البلدة",
                "سيطر الجيش على البلدة، رغم مقاومة عنيفة استمرت منذ الفجر."
            ),
            Kind::Report
        );
    }

    #[test]
    fn a_lede_asking_who_someone_is_opens_a_profile() {
        assert_eq!(
            of(
                "رئيس الوزراء الجديد يؤدي اليمين",
                "أدى رئيس الوزراء الجديد اليمين أمام الرئيس صباح الأحد، فمن هو رئيس الوزراء الجديد؟ شغل الرجل مناصب عدة."
            ),
            Kind::Background
        );
        assert_eq!(
            of(
                "المعارضة تسأل عن مصير المعتقلين",
                "سألت المعارضة الحكومة عن مصير المعتقلين في جلسة البرلمان."
            ),
            Kind::Report
        );
    }

    #[test]
    fn a_headline_closing_on_a_career_arc_is_a_profile() {
        for title in [
            "وزيرة الدفاع الجديدة.. من الجامعة إلى الحكومة",
            "مدير الحملة: المستشار الوفي من الصحافة للسياسة",
        ] {
            assert_eq!(of(title, REPORT), Kind::Background, "{title}");
        }
        // A journey between places, or an arc in the news itself, is not.
        for title in [
            "تحطم طائرة خاصة قادمة من الإمارات إلى إسطنبول",
            "نقل الجرحى من الغوطة إلى دمشق",
            "الحصبة تسافر من زيوريخ إلى تورنتو على متن رحلة",
        ] {
            assert_eq!(of(title, REPORT), Kind::Report, "{title}");
        }
    }
}
