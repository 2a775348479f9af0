//! Publication date of an article, from the evidence in its text.
//!
//! An article mentions many dates; few of them say when it was published.
//! "في أغسطس 2024" or "في 22 نوفمبر 2024" inside the story is history. So
//! only evidence that states publication is taken, strongest first:
//!
//! 1. a publication marker or date line ("نشر في 27 أكتوبر 2025",
//!    "date 2025-08-13", a bare date line in the page header);
//! 2. a wire dateline opening the lede ("موسكو، 13 أغسطس 2025 (أ ف ب) -");
//! 3. a date in the headline or lede written with its weekday, when the two
//!    agree ("الأربعاء 13 أغسطس 2025").
//!
//! Anything else leaves the article undated, with the reason in the
//! evidence: publishing under a wrong day is worse than saying "undated".
//! A weekday named in the lede (الأربعاء) confirms a date found by other
//! means, and is recorded; on its own it never invents one.

use chrono::{Datelike, NaiveDate};

use crate::arabic::dates::{DateMention, date_line, find_dates, find_weekdays};
use crate::article::{Block, BlockKind, DebrisKind, Evidence, Origin, Removed};

/// The publication date found for an article, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFinding {
    pub date: Option<NaiveDate>,
    pub evidence: Evidence,
}

/// How many blocks at the top of the body count as the page header.
const HEADER_BLOCKS: usize = 3;
/// How many blocks at the end may carry a "نشر في" line.
const FOOTER_BLOCKS: usize = 2;
/// A dateline date starts within this many bytes of the lede's start
/// (a city name and a comma or two).
const DATELINE_REACH: usize = 60;

/// Looks for the publication date in the title and body blocks.
pub fn find_publication_date(title: &str, blocks: &[Block]) -> DateFinding {
    find_publication_date_in(title, blocks, &[])
}

/// Like [`find_publication_date`], also reading the date lines the cleaner
/// removed from a raw article ([`DebrisKind::DateLine`]).
pub fn find_publication_date_in(title: &str, blocks: &[Block], removed: &[Removed]) -> DateFinding {
    let lede = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .map_or("", |b| b.text.as_str());
    let found = stated_date(blocks, removed)
        .or_else(|| dateline_date(lede))
        .or_else(|| weekday_dated(title, "headline").or_else(|| weekday_dated(lede, "lede")));
    match found {
        Some((date, detail)) => {
            let confirmation = confirming_weekday(date, title, lede);
            DateFinding {
                date: Some(date),
                evidence: Evidence::text(format!("{detail}{confirmation}")),
            }
        }
        None => DateFinding {
            date: None,
            evidence: undated_evidence(blocks),
        },
    }
}

/// A date the page states as its publication date.
fn stated_date(blocks: &[Block], removed: &[Removed]) -> Option<(NaiveDate, String)> {
    let from_removed = removed
        .iter()
        .filter(|r| r.kind == DebrisKind::DateLine)
        .find_map(|r| {
            date_line(&r.text).map(|line| (line.date, describe_line(line.marked, &r.text)))
        });
    if from_removed.is_some() {
        return from_removed;
    }
    let header = blocks.iter().take(HEADER_BLOCKS);
    let footer = blocks.iter().skip(HEADER_BLOCKS).rev().take(FOOTER_BLOCKS);
    for block in header.chain(footer) {
        if let Some(line) =
            date_line(&block.text).filter(|l| l.marked || l.rest == block.text.len())
        {
            return Some((
                line.date,
                describe_line(line.marked, &block.text[..line.rest]),
            ));
        }
        if let Some(m) = find_dates(&block.text).into_iter().find(|m| m.marked) {
            return Some((
                m.date,
                format!("publication marker «{}»", &block.text[m.start..m.end]),
            ));
        }
    }
    None
}

fn describe_line(marked: bool, text: &str) -> String {
    let text = text.trim();
    if marked {
        format!("publication marker «{text}»")
    } else {
        format!("date line «{text}»")
    }
}

/// A full date right at the start of the lede, closed like a wire dateline
/// by a credit or a dash: "موسكو، 13 أغسطس 2025 (أ ف ب) -".
fn dateline_date(lede: &str) -> Option<(NaiveDate, String)> {
    let first = find_dates(lede).into_iter().next()?;
    let after = lede[first.end..].trim_start();
    let closes = after.starts_with(['(', '-', '–', '—', 'ـ', ':']);
    (first.start <= DATELINE_REACH && closes).then(|| {
        (
            first.date,
            format!("dateline «{}»", lede[..first.end].trim()),
        )
    })
}

/// A date written with its weekday, when the weekday is right.
fn weekday_dated(text: &str, place: &str) -> Option<(NaiveDate, String)> {
    find_dates(text).into_iter().find_map(|m: DateMention| {
        (m.weekday == Some(m.date.weekday())).then(|| {
            (
                m.date,
                format!("{place} date with its weekday «{}»", &text[m.start..m.end]),
            )
        })
    })
}

/// ", confirmed by «الأربعاء» in the lede" when the headline or lede names
/// the date's weekday.
fn confirming_weekday(date: NaiveDate, title: &str, lede: &str) -> String {
    let named = [(title, "headline"), (lede, "lede")]
        .into_iter()
        .find_map(|(text, place)| {
            find_weekdays(text)
                .into_iter()
                .find(|(day, _)| *day == date.weekday())
                .map(|(_, at)| (&text[at], place))
        });
    match named {
        Some((word, place)) => format!(", confirmed by «{word}» in the {place}"),
        None => String::new(),
    }
}

/// Why nothing was taken, naming the first date the story mentions.
fn undated_evidence(blocks: &[Block]) -> Evidence {
    let mentioned = blocks.iter().find_map(|b| {
        find_dates(&b.text)
            .first()
            .map(|m| b.text[m.start..m.end].to_string())
    });
    let detail = match mentioned {
        None => "no publication date stated in the text".to_string(),
        Some(date) => {
            format!(
                "no publication date stated; not taking dates the story mentions (such as «{date}»)"
            )
        }
    };
    Evidence {
        origin: Origin::None,
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::headline::find_headline;

    fn date_of(raw: &str) -> DateFinding {
        let cleaned = clean(raw).remove(0);
        let headline = find_headline(cleaned.blocks);
        find_publication_date_in(&headline.title, &headline.body, &cleaned.removed)
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn glued_iso_marker_with_weekday_confirmation() {
        let found = date_of(
            " date 2025-08-13 تعهّد الرئيس الروسي وزعيم كوريا الشمالية تعزيز التعاون، بحسب ما ذكر الإعلام الرسمي الأربعاء.\n\nوأرسلت كوريا الشمالية آلاف الجنود في أغسطس 2024 إلى كورسك.",
        );
        assert_eq!(found.date, ymd(2025, 8, 13));
        assert_eq!(found.evidence.origin, Origin::Text);
        assert_eq!(
            found.evidence.detail,
            "publication marker «date 2025-08-13», confirmed by «الأربعاء» in the lede"
        );
    }

    #[test]
    fn publication_marker_line_under_the_headline() {
        let found = date_of(
            "بوتين يلتقي وزيرة خارجية كوريا الشمالية\nامتداح للألفة الروحية\nنشر في 27 أكتوبر 2025\nالتقى الرئيس الروسي بالوزيرة في الكرملين، بعد لقاء في 3 سبتمبر 2025 في بكين.",
        );
        assert_eq!(found.date, ymd(2025, 10, 27));
        assert_eq!(
            found.evidence.detail,
            "publication marker «نشر في 27 أكتوبر 2025»"
        );
    }

    #[test]
    fn markers_in_every_month_system_and_digit_script() {
        let cases = [
            ("نُشر في ١٣ آب/أغسطس ٢٠٢٥", ymd(2025, 8, 13)),
            ("تاريخ النشر: 2 كانون الثاني 2024 - 10:30", ymd(2024, 1, 2)),
            ("آخر تحديث: ۱۵ غشت ۲۰۲۵", ymd(2025, 8, 15)),
            ("نشر في 5 جويلية 2025", ymd(2025, 7, 5)),
            ("نشر في 20 مايو/ أيار 2024", ymd(2024, 5, 20)),
            (
                "تاريخ النشر: يوم الجمعة الحادي والعشرين من تشرين الثاني/نوفمبر 2025",
                ymd(2025, 11, 21),
            ),
            ("الأربعاء الثالث من سبتمبر 2025", ymd(2025, 9, 3)),
            ("الأربعاء 13 أغسطس 2025", ymd(2025, 8, 13)),
        ];
        for (line, date) in cases {
            let raw = format!(
                "عنوان الخبر الرئيسي\n{line}\nقال المتحدث باسم الحكومة إن الاجتماع انتهى من دون اتفاق."
            );
            assert_eq!(date_of(&raw).date, date, "{line}");
        }
    }

    #[test]
    fn dates_the_story_mentions_are_history() {
        let found = date_of(
            "بوتين يغادر إلى كوريا الشمالية\n\nتظهر الصورة الملتقطة في 21 نوفمبر 2024 الزعيم الكوري الشمالي.\n\nوفي هجوم مباغت في أغسطس 2024 قبل أن تتمكن القوات الروسية في الربيع من تحريرها.\n\nووقع البلدان معاهدة في 19 يونيو 2024 في بيونغ يانغ.",
        );
        assert_eq!(found.date, None);
        assert_eq!(found.evidence.origin, Origin::None);
        assert!(
            found.evidence.detail.contains("«21 نوفمبر 2024»"),
            "{}",
            found.evidence.detail
        );
    }

    #[test]
    fn a_weekday_alone_never_invents_a_date() {
        let found = date_of(
            "أعلن الرئيس الروسي الإثنين أن العلاقات تتطور وفق الخطة.\nوفي منتصف تموز/يوليو زار لافروف بيونغ يانغ.",
        );
        assert_eq!(found.date, None);
        assert_eq!(
            found.evidence.detail,
            "no publication date stated in the text"
        );
    }

    #[test]
    fn wire_dateline_opening_the_lede() {
        let found = date_of(
            "موسكو، 13 أغسطس 2025 (أ ف ب) - أعلن الكرملين الأربعاء أن القمة ستعقد في ألاسكا.",
        );
        assert_eq!(found.date, ymd(2025, 8, 13));
        assert!(
            found
                .evidence
                .detail
                .starts_with("dateline «موسكو، 13 أغسطس 2025»"),
            "{}",
            found.evidence.detail
        );
    }

    #[test]
    fn lede_date_counts_only_with_its_matching_weekday() {
        let right = date_of("أعلن الكرملين يوم الأربعاء 13 أغسطس 2025 أن القمة ستعقد في ألاسكا.");
        assert_eq!(right.date, ymd(2025, 8, 13));
        // 13 August 2025 was a Wednesday, not a Thursday: a garbled date is not taken.
        let wrong = date_of("أعلن الكرملين يوم الخميس 13 أغسطس 2025 أن القمة ستعقد في ألاسكا.");
        assert_eq!(wrong.date, None);
        let bare = date_of("أعلن الكرملين في 13 أغسطس 2025 أن القمة ستعقد في ألاسكا.");
        assert_eq!(bare.date, None);
        let words = date_of("أعلنت الرئاسة الأربعاء الثالث من سبتمبر 2025 أن القمة ستعقد في بكين.");
        assert_eq!(words.date, ymd(2025, 9, 3));
    }
}
