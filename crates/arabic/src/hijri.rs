//! The Hijri calendar, for the dates newsrooms write in it ("الأحد 3 رمضان
//! 1446 هـ"): the Gregorian day a Hijri date names.
//!
//! The conversion is the tabular (civil) Islamic calendar's arithmetic:
//! months of 30 and 29 days in turn, and 11 years in every 30 with a 30th
//! day in the last month. The calendars people live by start each month
//! with the new moon instead, computed (Saudi Arabia's Umm al-Qura) or
//! sighted (most other countries), so the tabular day can be a day off the
//! announced one: 1 Muharram 1447 is 27 June 2025 here, 26 June by Umm
//! al-Qura. A weekday written beside the date says which day was meant;
//! [`on_weekday`] moves the tabular day to it.
//!
//! No crate does this for nashra: the maintained calendar libraries bring
//! the whole of ICU's calendar data, and the small Umm al-Qura table crate
//! has not been maintained for years; the arithmetic is a few lines.

use chrono::{Datelike, NaiveDate, Weekday};

/// Julian day number of 1 Muharram 1 AH on the civil calendar (Friday
/// 16 July 622 in the Julian calendar).
const EPOCH_JDN: i64 = 1_948_440;
/// Julian day number of 1 January of year 1 (proleptic Gregorian), day 1
/// of chrono's count.
const CE_JDN: i64 = 1_721_426;

/// The Gregorian date of day `day` of month `month` (1–12) of Hijri year
/// `year`, on the tabular calendar; `None` for a month or day that no Hijri
/// month has. Day 30 is accepted in every month: the lunar month the text
/// counts in may have one where the table has 29 days.
///
/// ```
/// use chrono::NaiveDate;
/// use arabic::hijri::to_gregorian;
/// // 1 Ramadan 1446.
/// assert_eq!(to_gregorian(1446, 9, 1), NaiveDate::from_ymd_opt(2025, 3, 1));
/// ```
pub fn to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if year < 1 || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
    // Days before the month: ⌈29.5 × (m − 1)⌉; before the year: 354 a year
    // and the leap days of the 30-year cycle so far.
    let jdn = EPOCH_JDN - 1 + d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y) / 30;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jdn - CE_JDN + 1).ok()?)
}

/// The day next to a tabular date (`tabular` itself, the day before or the
/// day after) that falls on the weekday written with it: the month began
/// a day earlier or later than the table says. A weekday further off
/// corrects nothing; `tabular` is returned and the caller sees that the
/// weekday disagrees.
pub fn on_weekday(tabular: NaiveDate, named: Weekday) -> NaiveDate {
    [tabular.pred_opt(), tabular.succ_opt()]
        .into_iter()
        .flatten()
        .find(|day| tabular.weekday() != named && day.weekday() == named)
        .unwrap_or(tabular)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn tabular_dates_of_known_days() {
        // The first of Ramadan 1446 fell on the same day in the table and
        // in the announced calendars.
        assert_eq!(to_gregorian(1446, 9, 1), Some(ymd(2025, 3, 1)));
        assert_eq!(to_gregorian(1446, 9, 3), Some(ymd(2025, 3, 3)));
        // The table's epoch: 1 Muharram 1 AH, 16 July 622 (Julian), which
        // is 19 July 622 in the proleptic Gregorian calendar.
        assert_eq!(to_gregorian(1, 1, 1), Some(ymd(622, 7, 19)));
        // A leap year of the cycle ends on a 30th of Dhu al-Hijjah; the
        // next year follows on.
        let end = to_gregorian(1445, 12, 30).unwrap();
        assert_eq!(end.succ_opt(), to_gregorian(1446, 1, 1));
        assert_eq!(to_gregorian(1446, 13, 1), None);
        assert_eq!(to_gregorian(1446, 9, 31), None);
        assert_eq!(to_gregorian(1446, 9, 0), None);
    }

    #[test]
    fn a_named_weekday_settles_the_announced_day() {
        // Umm al-Qura: 1 Muharram 1447 was Thursday 26 June 2025; the
        // table says Friday the 27th.
        let tabular = to_gregorian(1447, 1, 1).unwrap();
        assert_eq!(tabular, ymd(2025, 6, 27));
        assert_eq!(on_weekday(tabular, Weekday::Thu), ymd(2025, 6, 26));
        // Eid al-Fitr 1446 (1 Shawwal) was Sunday 30 March 2025; the table,
        // with a 30-day Ramadan, says Monday the 31st.
        let tabular = to_gregorian(1446, 10, 1).unwrap();
        assert_eq!(tabular, ymd(2025, 3, 31));
        assert_eq!(on_weekday(tabular, Weekday::Sun), ymd(2025, 3, 30));
        // Morocco began Ramadan 1446 a day after Saudi Arabia: Sunday
        // 2 March 2025 was its first day.
        assert_eq!(
            on_weekday(to_gregorian(1446, 9, 1).unwrap(), Weekday::Sun),
            ymd(2025, 3, 2)
        );
        // The weekday of the table's own day, or one two days away,
        // changes nothing.
        assert_eq!(on_weekday(ymd(2025, 3, 1), Weekday::Sat), ymd(2025, 3, 1));
        assert_eq!(on_weekday(ymd(2025, 3, 1), Weekday::Tue), ymd(2025, 3, 1));
    }
}
