//! Dates in Arabic: month names in every system in use, for display and for
//! reading dates out of text.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::config::{DateStyle, Digits, MonthStyle};

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
}
