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
//! When the text states none, a date in the file's name or folders
//! (`afp-20180312-0457.txt`, `2025-09-16-gaza.txt`, `2025/09/16/gaza.txt`)
//! is taken: scrapers and archives name files by the day they fetched or
//! published them, as Jekyll and Hugo read dates from file names.
//!
//! Anything else leaves the article undated, with the reason in the
//! evidence: publishing under a wrong day is worse than saying "undated".
//! A weekday named in the lede (الأربعاء) confirms a date found by other
//! means, and is recorded; on its own it never invents one.
//!
//! Any of these may be a Hijri date ("الأحد 3 رمضان 1446 هـ"), taken as the
//! Gregorian day it names only when the text gives no Gregorian date as
//! evidence: the conversion is arithmetic and can be a day off the calendar
//! the outlet follows (see [`arabic::hijri`]).

use chrono::{Datelike, NaiveDate};

use crate::article::{Block, BlockKind, DebrisKind, Evidence, Origin, Removed};
use arabic::dates::{Calendar, DateMention, date_line, find_dates, find_weekdays};

/// The first year a publication date may fall in.
pub const FIRST_PLAUSIBLE_YEAR: i32 = 1900;

/// The years a publication date may fall in when the clock reads `today`:
/// from 1900 to next year. A date outside them (`9999-12-31`, `0000-01-01`)
/// is a slip of the editor's or the scraper's, and taken at its word it
/// would head every listing and feed for ever.
pub fn plausible_years(today: NaiveDate) -> std::ops::RangeInclusive<i32> {
    FIRST_PLAUSIBLE_YEAR..=today.year() + 1
}

/// Sets aside an article's publication date when its year is not in
/// `years`, with a warning naming the date: the article is published as
/// undated. True when it did. Done after the analysis cache is saved, so that what the cache
/// holds never depends on the day it was written.
pub fn set_aside_implausible_date(
    article: &mut crate::article::Article,
    years: &std::ops::RangeInclusive<i32>,
) -> bool {
    let Some(published) = article.published else {
        return false;
    };
    if years.contains(&published.date.year()) {
        return false;
    }
    let stated = match published.time {
        Some(time) => time.to_rfc3339(),
        None => published.date.to_string(),
    };
    article.warnings.push(format!(
        "publication date {stated} lies outside {}-{}; published as undated",
        years.start(),
        years.end()
    ));
    article.published = None;
    article.date_evidence = Evidence {
        origin: Origin::None,
        detail: format!("{} (set aside: {stated})", article.date_evidence.detail),
    };
    true
}

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
    let evidence: [&dyn Fn() -> Option<Found>; 3] = [
        &|| stated_date(blocks, removed),
        &|| dateline_date(lede),
        &|| weekday_dated(title, "headline").or_else(|| weekday_dated(lede, "lede")),
    ];
    match gregorian_first(evidence.iter().map(|read| read())) {
        Some(Found {
            date,
            calendar,
            detail,
        }) => {
            let confirmation = confirming_weekday(date, title, lede);
            let hijri = match calendar {
                Calendar::Hijri => ", a Hijri date converted by the tabular calendar",
                Calendar::Gregorian => "",
            };
            DateFinding {
                date: Some(date),
                evidence: Evidence::text(format!("{detail}{hijri}{confirmation}")),
            }
        }
        None => DateFinding {
            date: None,
            evidence: undated_evidence(blocks),
        },
    }
}

/// `finding` when the text dated the article, else the date in the path
/// of its `file` (see [`date_in_path`]), if any.
pub fn or_from_path(finding: DateFinding, file: &str) -> DateFinding {
    if finding.date.is_some() {
        return finding;
    }
    match date_in_path(file) {
        Some(date) => DateFinding {
            date: Some(date),
            evidence: Evidence {
                origin: Origin::FileName,
                detail: format!("the date in the file's path `{file}`; the text states none"),
            },
        },
        None => finding,
    }
}

/// The date a file's path gives, the last one in it (the file name before
/// its folders): `YYYYMMDD` as a run of exactly eight digits, or year,
/// month and day as separate numbers joined by `-`, `_`, `.` or `/`. Only a
/// real calendar day counts, so an article number or an id rarely passes.
pub fn date_in_path(file: &str) -> Option<NaiveDate> {
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let bytes = stem.as_bytes();
    // Runs of ASCII digits, with their byte ranges.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    let number = |(a, b): (usize, usize)| stem[a..b].parse::<u32>().ok();
    let joined = |(_, end): (usize, usize), (start, _): (usize, usize)| {
        start == end + 1 && matches!(bytes[end], b'-' | b'_' | b'.' | b'/')
    };
    let mut found = None;
    for (k, &run) in runs.iter().enumerate() {
        let date = match run.1 - run.0 {
            8 => {
                let n = number(run)?;
                NaiveDate::from_ymd_opt((n / 10_000) as i32, n / 100 % 100, n % 100)
            }
            4 if k + 2 < runs.len()
                && joined(run, runs[k + 1])
                && joined(runs[k + 1], runs[k + 2])
                && runs[k + 1].1 - runs[k + 1].0 <= 2
                && runs[k + 2].1 - runs[k + 2].0 <= 2 =>
            {
                NaiveDate::from_ymd_opt(
                    number(run)? as i32,
                    number(runs[k + 1])?,
                    number(runs[k + 2])?,
                )
            }
            _ => None,
        };
        if let Some(date) = date.filter(|d| d.year() >= FIRST_PLAUSIBLE_YEAR) {
            found = Some(date);
        }
    }
    found
}

/// A date given as evidence, the calendar it was written in, and where.
struct Found {
    date: NaiveDate,
    calendar: Calendar,
    detail: String,
}

/// The first Gregorian date of `found`, else the first Hijri one; reads
/// no further than the first Gregorian date.
fn gregorian_first(found: impl Iterator<Item = Option<Found>>) -> Option<Found> {
    let mut hijri = None;
    for f in found.flatten() {
        match f.calendar {
            Calendar::Gregorian => return Some(f),
            Calendar::Hijri => {
                hijri.get_or_insert(f);
            }
        }
    }
    hijri
}

/// A date the page states as its publication date: in the date lines the
/// cleaner removed, else in the page's header and footer blocks.
fn stated_date(blocks: &[Block], removed: &[Removed]) -> Option<Found> {
    let from_removed = removed
        .iter()
        .filter(|r| r.kind == DebrisKind::DateLine)
        .map(|r| {
            date_line(&r.text).map(|line| Found {
                date: line.date,
                calendar: line.calendar,
                detail: describe_line(line.marked, &r.text),
            })
        });
    let header = blocks.iter().take(HEADER_BLOCKS);
    let footer = blocks.iter().skip(HEADER_BLOCKS).rev().take(FOOTER_BLOCKS);
    let from_blocks = header.chain(footer).map(|block| {
        if let Some(line) =
            date_line(&block.text).filter(|l| l.marked || l.rest == block.text.len())
        {
            return Some(Found {
                date: line.date,
                calendar: line.calendar,
                detail: describe_line(line.marked, &block.text[..line.rest]),
            });
        }
        find_dates(&block.text)
            .into_iter()
            .find(|m| m.marked)
            .map(|m| Found {
                date: m.date,
                calendar: m.calendar,
                detail: format!("publication marker «{}»", &block.text[m.start..m.end]),
            })
    });
    gregorian_first(from_removed.chain(from_blocks))
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
fn dateline_date(lede: &str) -> Option<Found> {
    let first = find_dates(lede).into_iter().next()?;
    let after = lede[first.end..].trim_start();
    let closes = after.starts_with(['(', '-', '–', '—', 'ـ', ':']);
    (first.start <= DATELINE_REACH && closes).then(|| Found {
        date: first.date,
        calendar: first.calendar,
        detail: format!("dateline «{}»", lede[..first.end].trim()),
    })
}

/// A date written with its weekday, when the weekday is right.
fn weekday_dated(text: &str, place: &str) -> Option<Found> {
    find_dates(text).into_iter().find_map(|m: DateMention| {
        (m.weekday == Some(m.date.weekday())).then(|| Found {
            date: m.date,
            calendar: m.calendar,
            detail: format!("{place} date with its weekday «{}»", &text[m.start..m.end]),
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
    fn a_hijri_date_alone_is_converted() {
        let found = date_of(
            "خادم الحرمين يوجه بتمديد ساعات العمل في الحرمين\nالأحد 3 رمضان 1446هـ\nوجّه خادم الحرمين الشريفين بتمديد ساعات العمل في المسجد الحرام والمسجد النبوي خلال شهر رمضان.",
        );
        // 3 Ramadan is a Monday on the table; the Sunday written beside
        // it is the day the outlet meant.
        assert_eq!(found.date, ymd(2025, 3, 2));
        assert_eq!(
            found.evidence.detail,
            "date line «الأحد 3 رمضان 1446هـ», a Hijri date converted by the tabular calendar"
        );
    }

    #[test]
    fn a_gregorian_date_wins_over_a_hijri_one() {
        // A Moroccan page: Ramadan began there on 2 March, so the 4th was
        // the 5th of March, a day after the table.
        let hijri_line = "4 رمضان 1446 هـ";
        let lede =
            "قال وزير الأوقاف المغربي إن مساجد المملكة ستفتح أبوابها لصلاة التراويح طوال الشهر.";
        let found = date_of(&format!(
            "الأوقاف تعلن برنامج رمضان\n{hijri_line}\nنشر في 5 مارس 2025\n{lede}"
        ));
        assert_eq!(found.date, ymd(2025, 3, 5));
        assert_eq!(
            found.evidence.detail,
            "publication marker «نشر في 5 مارس 2025»"
        );
        // Also when the Gregorian date is weaker evidence, a wire dateline.
        let found = date_of(&format!(
            "الأوقاف تعلن برنامج رمضان\n{hijri_line}\nالرباط، 5 مارس 2025 (و م ع) - {lede}"
        ));
        assert_eq!(found.date, ymd(2025, 3, 5));
        assert!(
            found.evidence.detail.starts_with("dateline"),
            "{}",
            found.evidence.detail
        );
        // On its own, the Hijri line gives the table's day.
        let found = date_of(&format!("الأوقاف تعلن برنامج رمضان\n{hijri_line}\n{lede}"));
        assert_eq!(found.date, ymd(2025, 3, 4));
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
    fn a_date_in_the_file_name_or_folders() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            date_in_path("seeds/AL-culture-148-20180310.txt"),
            day(2018, 3, 10)
        );
        assert_eq!(date_in_path("seeds/2025-09-16-gaza.txt"), day(2025, 9, 16));
        assert_eq!(date_in_path("seeds/2025/9/16/gaza.txt"), day(2025, 9, 16));
        assert_eq!(
            date_in_path("seeds/2024/01/02/afp_20240103_1.txt"),
            day(2024, 1, 3)
        );
        // Ids, article numbers and impossible days are no dates.
        assert_eq!(date_in_path("seeds/story-12345678.txt"), None);
        assert_eq!(date_in_path("seeds/id-20181340.txt"), None);
        assert_eq!(date_in_path("seeds/sky-148-2018.txt"), None);
        assert_eq!(date_in_path("seeds/page-2018-1-123.txt"), None);
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
