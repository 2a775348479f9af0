//! Coverage charts: the numbers, coordinates and labels that
//! `templates/charts.html` draws as static SVG.
//!
//! Rust decides everything a chart says (bins, bar sizes, positions,
//! labels, the sentence that tells it to a screen reader); the templates
//! only place it, so a theme restyles a chart with CSS classes and never
//! recomputes it. Every chart is bounded: time is cut into at most
//! [`MAX_BINS`] bins and rankings into [`MAX_ROWS`] rows, however large the
//! archive grows.
//!
//! Time runs from right to left, the way the page reads: the oldest bin is
//! at the right edge, where an Arabic reader's eye starts, and the newest
//! at the left, where it ends (see the README).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use arabic::dates::{DateStyle, format_date, format_day_month, format_month, format_number};
use arabic::numbers::{self, Case, Noun};

/// The most bins a time chart has: a year of weeks.
pub const MAX_BINS: usize = 53;
/// The most rows a ranking shows.
pub const MAX_ROWS: usize = 6;

/// Width of every chart's drawing, in SVG units; the page scales it.
const WIDTH: f64 = 640.0;
/// Height of a time chart's plot area.
const PLOT_HEIGHT: f64 = 120.0;
/// Room below the plot for the axis labels.
const AXIS_ROOM: f64 = 22.0;
/// Room above the plot for the largest value's label.
const TOP_ROOM: f64 = 16.0;
/// Height of one ranking row.
const ROW_HEIGHT: f64 = 26.0;
/// Width of a ranking's name column, at the right.
const NAME_WIDTH: f64 = 170.0;
/// Room at the left of a ranking for the value of the longest bar.
const VALUE_ROOM: f64 = 48.0;

/// Rounds a coordinate to a tenth, so that pages stay small and print the
/// same on every machine.
fn at(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Bars over time: how many of something each bin of days holds.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimeChart {
    /// What the chart counts, its accessible name: «مقالات تذكر بوتين كل أسبوع».
    pub title: String,
    /// The chart told in one sentence, for readers who cannot see it.
    pub summary: String,
    /// Heading of the bins' column in the data table: «الأسبوع».
    pub bin_heading: String,
    /// Heading of the values' column: «المقالات».
    pub value_heading: String,
    pub width: f64,
    pub height: f64,
    /// The baseline's height from the top.
    pub baseline: f64,
    /// Every bin, oldest first (drawn right to left).
    pub bars: Vec<Bar>,
    /// Dates under the axis, oldest first.
    pub ticks: Vec<Tick>,
    /// A line at the largest value, labelled, so that bar heights read as
    /// numbers without a scale.
    pub max_line: f64,
    pub max_label: String,
    /// The sum of all bins.
    pub total: usize,
    /// Whether bars are wide enough to carry their value above them.
    pub labelled: bool,
}

/// One bin of a time chart.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The bar's middle, where its value is written.
    pub mid: f64,
    pub value: usize,
    /// The value in the site's digits.
    pub value_label: String,
    /// The bin's days: «13 أغسطس 2025» or «13 – 19 أغسطس 2025».
    pub label: String,
    /// Where the bin's articles are listed, when one page lists them.
    pub url: Option<String>,
}

/// A label under a time axis.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

/// How many days one bin of a chart over `first..=last` covers: a week,
/// or as many weeks as keep the bins at most [`MAX_BINS`].
pub fn week_bins(first: NaiveDate, last: NaiveDate) -> i64 {
    let days = (last - first).num_days() + 1;
    let weeks = (days + 6) / 7;
    7 * ((weeks + MAX_BINS as i64 - 1) / MAX_BINS as i64).max(1)
}

/// What a time chart counts and how it names it.
pub struct TimeSpec<'a> {
    pub title: String,
    /// The noun the values count (articles, stories).
    pub noun: &'a Noun,
    pub value_heading: &'a str,
    /// What the summary says the values are, after the count: «تذكر بوتين».
    pub subject: &'a str,
}

/// A chart of `counts` (a day and how many it adds) over `first..=last`
/// in bins of `bin_days` days, the first bin starting on `first`.
/// `url_of` links a bin of one day to its page.
pub fn time_chart(
    spec: TimeSpec,
    counts: impl IntoIterator<Item = (NaiveDate, usize)>,
    first: NaiveDate,
    last: NaiveDate,
    bin_days: i64,
    style: &DateStyle,
    url_of: impl Fn(NaiveDate) -> Option<String>,
) -> TimeChart {
    let bin_days = bin_days.max(1);
    let bins = (((last - first).num_days() / bin_days) + 1).max(1) as usize;
    let mut values = vec![0usize; bins];
    for (date, n) in counts {
        if date < first || date > last {
            continue;
        }
        values[((date - first).num_days() / bin_days) as usize] += n;
    }
    let max = values.iter().copied().max().unwrap_or(0);
    let total: usize = values.iter().sum();
    let step = WIDTH / bins as f64;
    let gap = if step >= 6.0 { step * 0.2 } else { 0.0 };
    let baseline = TOP_ROOM + PLOT_HEIGHT;
    let scale = if max == 0 {
        0.0
    } else {
        PLOT_HEIGHT / max as f64
    };
    let start_of = |k: usize| first + Days::new(k as u64 * bin_days as u64);
    let end_of = |k: usize| (start_of(k + 1) - Days::new(1)).min(last);
    let bars: Vec<Bar> = values
        .iter()
        .enumerate()
        .map(|(k, &value)| {
            let height = value as f64 * scale;
            let (from, to) = (start_of(k), end_of(k));
            Bar {
                // Right to left: bin 0 at the right edge.
                x: at(WIDTH - (k + 1) as f64 * step + gap / 2.0),
                mid: at(WIDTH - (k as f64 + 0.5) * step),
                y: at(baseline - height),
                width: at(step - gap),
                height: at(height),
                value,
                value_label: format_number(value, style),
                label: day_range(from, to, style),
                url: if from == to { url_of(from) } else { None },
            }
        })
        .collect();
    let ticks = time_ticks(bins, step, &start_of, style);
    let busiest = values
        .iter()
        .enumerate()
        .max_by_key(|&(k, &v)| (v, std::cmp::Reverse(k)))
        .filter(|&(_, &v)| v > 0);
    let (from, to) = (format_date(first, style), format_date(last, style));
    let summary = match busiest {
        None => format!("لا {} من {from} إلى {to}.", spec.noun.few),
        Some((k, &v)) => format!(
            "{}{} في {}، من {from} إلى {to}؛ أكثرها {} في {}.",
            format_number(numbers::count(total, spec.noun), style),
            if spec.subject.is_empty() {
                String::new()
            } else {
                format!(" {}", spec.subject)
            },
            format_number(
                numbers::count_in(bins, bin_noun(bin_days), Case::Genitive),
                style
            ),
            format_number(numbers::count(v, spec.noun), style),
            bars[k].label,
        ),
    };
    TimeChart {
        title: spec.title,
        summary,
        bin_heading: bin_heading(bin_days).to_string(),
        value_heading: spec.value_heading.to_string(),
        width: WIDTH,
        height: baseline + AXIS_ROOM,
        baseline,
        max_line: if max == 0 { baseline } else { TOP_ROOM },
        max_label: format_number(max, style),
        bars,
        ticks,
        total,
        labelled: step >= 14.0,
    }
}

/// The noun a chart's bins are counted in: days or weeks.
fn bin_noun(bin_days: i64) -> &'static Noun {
    if bin_days == 1 {
        &numbers::DAY
    } else {
        &numbers::WEEK
    }
}

fn bin_heading(bin_days: i64) -> &'static str {
    match bin_days {
        1 => "اليوم",
        7 => "الأسبوع",
        _ => "الفترة",
    }
}

/// Labels for a time axis, oldest first, each at the right edge of the
/// bin it names: every day of a chart of days; else the first bin of each
/// month (of each year, over more than a year and a half), thinned to at
/// most six so that they never overlap.
fn time_ticks(
    bins: usize,
    step: f64,
    start_of: &dyn Fn(usize) -> NaiveDate,
    style: &DateStyle,
) -> Vec<Tick> {
    let tick = |k: usize, label: String| Tick {
        x: at(WIDTH - k as f64 * step),
        label,
    };
    if bins <= 7 {
        return (0..bins)
            .map(|k| tick(k, format_day_month(start_of(k), style)))
            .collect();
    }
    let long = (start_of(bins - 1) - start_of(0)).num_days() > 540;
    let mut starts: Vec<(usize, NaiveDate)> = Vec::new();
    for k in 0..bins {
        let date = start_of(k);
        let new_period = match starts.last() {
            None => true,
            Some((_, prev)) if long => prev.year() != date.year(),
            Some((_, prev)) => (prev.year(), prev.month()) != (date.year(), date.month()),
        };
        if new_period {
            starts.push((k, date));
        }
    }
    let every = starts.len().div_ceil(6).max(1);
    starts
        .into_iter()
        .step_by(every)
        .map(|(k, date)| {
            let label = if long {
                format_number(date.year(), style)
            } else {
                format_month(date.year(), date.month(), style)
            };
            tick(k, label)
        })
        .collect()
}

/// «13 أغسطس 2025», «13 – 19 أغسطس 2025», «28 أغسطس – 3 سبتمبر 2025»
/// or, across years, both dates whole.
pub fn day_range(from: NaiveDate, to: NaiveDate, style: &DateStyle) -> String {
    if from == to {
        format_date(from, style)
    } else if from.year() != to.year() {
        format!("{} – {}", format_date(from, style), format_date(to, style))
    } else if from.month() != to.month() {
        format!(
            "{} – {}",
            format_day_month(from, style),
            format_date(to, style)
        )
    } else {
        format!(
            "{} – {}",
            format_number(from.day(), style),
            format_date(to, style)
        )
    }
}

/// A ranking: the few names with the most of something, as bars.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Ranking {
    pub title: String,
    pub summary: String,
    pub name_heading: String,
    pub value_heading: String,
    pub width: f64,
    pub height: f64,
    /// Where names end (they are drawn right to left from the right edge).
    pub name_x: f64,
    /// Where bars start: they grow leftwards from here.
    pub bar_start: f64,
    pub rows: Vec<RankRow>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RankRow {
    /// Top of the row.
    pub y: f64,
    /// Where text sits on the row.
    pub text_y: f64,
    pub bar_x: f64,
    pub bar_width: f64,
    pub bar_height: f64,
    /// Where the value's label starts, just past the bar's end.
    pub value_x: f64,
    pub name: String,
    pub url: Option<String>,
    pub value: usize,
    pub value_label: String,
}

/// A ranking of `items` (name, link, value), largest first as given, at
/// most [`MAX_ROWS`] rows; `None` when nothing has a value.
pub fn ranking(
    title: String,
    headings: (&str, &str),
    noun: &Noun,
    items: Vec<(String, Option<String>, usize)>,
    style: &DateStyle,
) -> Option<Ranking> {
    let items: Vec<_> = items
        .into_iter()
        .filter(|i| i.2 > 0)
        .take(MAX_ROWS)
        .collect();
    let max = items.iter().map(|i| i.2).max()?;
    let bar_start = WIDTH - NAME_WIDTH;
    let room = bar_start - VALUE_ROOM;
    let summary = items
        .iter()
        .map(|(name, _, v)| format!("{name}: {}", format_number(numbers::count(*v, noun), style)))
        .collect::<Vec<_>>()
        .join("، ");
    let rows = items
        .into_iter()
        .enumerate()
        .map(|(k, (name, url, value))| {
            let y = k as f64 * ROW_HEIGHT;
            let bar_width = at(room * value as f64 / max as f64).max(2.0);
            RankRow {
                y,
                text_y: at(y + ROW_HEIGHT * 0.65),
                bar_x: at(bar_start - bar_width),
                bar_width,
                bar_height: at(ROW_HEIGHT * 0.6),
                value_x: at(bar_start - bar_width - 6.0),
                name,
                url,
                value,
                value_label: format_number(value, style),
            }
        })
        .collect::<Vec<_>>();
    Some(Ranking {
        summary: format!("{summary}."),
        title,
        name_heading: headings.0.to_string(),
        value_heading: headings.1.to_string(),
        width: WIDTH,
        height: at(rows.len() as f64 * ROW_HEIGHT),
        name_x: WIDTH - 4.0,
        bar_start,
        rows,
    })
}

/// A month of the archive as a calendar: a cell per day, Saturday at the
/// right as on an Arabic wall calendar, each day with articles a link to
/// its briefing.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MonthCalendar {
    pub title: String,
    pub summary: String,
    pub width: f64,
    pub height: f64,
    pub weekdays: Vec<Tick>,
    pub cells: Vec<CalendarCell>,
    /// Articles in the month.
    pub total: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CalendarCell {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    /// Day of the month, in the site's digits.
    pub day_label: String,
    /// «13 أغسطس 2025: 12 مقالاً».
    pub label: String,
    pub count: usize,
    pub count_label: String,
    /// 0 (no articles) to 4 (the busiest days), for the shading classes.
    pub level: u8,
    pub url: Option<String>,
}

/// Side of a calendar cell.
const CELL: f64 = 44.0;
/// Room above the cells for the weekday names.
const WEEKDAY_ROOM: f64 = 18.0;

/// The calendar of `year`-`month`; `days` gives each day with articles its
/// count and briefing URL, and `busiest` is the count the darkest shade
/// stands for (the busiest day of the year shown, so that months compare).
pub fn month_calendar(
    year: i32,
    month: u32,
    days: &[(NaiveDate, usize, String)],
    busiest: usize,
    style: &DateStyle,
) -> Option<MonthCalendar> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let column = |d: NaiveDate| d.weekday().days_since(Weekday::Sat) as usize;
    let offset = column(first);
    let mut cells = Vec::new();
    let mut total = 0;
    let mut active = 0;
    let mut date = first;
    while date < next {
        let k = offset + (date.day0() as usize);
        let (row, col) = (k / 7, k % 7);
        let found = days.iter().find(|d| d.0 == date);
        let count = found.map_or(0, |d| d.1);
        total += count;
        active += usize::from(count > 0);
        let level = if count == 0 || busiest == 0 {
            0
        } else {
            (1 + 3 * count.min(busiest) / busiest).min(4) as u8
        };
        let count_phrase = format_number(numbers::count(count, &numbers::ARTICLE), style);
        cells.push(CalendarCell {
            x: WIDTH_CAL - (col + 1) as f64 * CELL,
            y: WEEKDAY_ROOM + row as f64 * CELL,
            size: CELL - 4.0,
            day_label: format_number(date.day(), style),
            label: format!("{}: {count_phrase}", format_date(date, style)),
            count,
            count_label: format_number(count, style),
            level,
            url: found.map(|d| d.2.clone()),
        });
        date = date + Days::new(1);
    }
    let rows = (offset + (next - first).num_days() as usize).div_ceil(7);
    let mut weekday = Weekday::Sat;
    let weekdays = (0..7)
        .map(|col| {
            let tick = Tick {
                x: WIDTH_CAL - (col as f64 + 0.5) * CELL,
                label: arabic::dates::weekday_name(weekday).to_string(),
            };
            weekday = weekday.succ();
            tick
        })
        .collect();
    let title = format!("تقويم {}", format_month(year, month, style));
    let summary = format!(
        "{} في {} من {}.",
        format_number(numbers::count(total, &numbers::ARTICLE), style),
        format_number(
            numbers::count_in(active, &numbers::DAY, Case::Genitive),
            style
        ),
        format_month(year, month, style)
    );
    Some(MonthCalendar {
        title,
        summary,
        width: WIDTH_CAL,
        height: WEEKDAY_ROOM + rows as f64 * CELL,
        weekdays,
        cells,
        total,
    })
}

/// Width of a month calendar: seven cells.
const WIDTH_CAL: f64 = 7.0 * CELL;

/// When each outlet told a story: a row per outlet, the story's days
/// across, the first report marked «أول من نشر».
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CoverageChart {
    pub title: String,
    pub summary: String,
    pub width: f64,
    pub height: f64,
    /// Where the rows' lines start and end.
    pub line_start: f64,
    pub line_end: f64,
    pub name_x: f64,
    pub rows: Vec<CoverageRow>,
    pub ticks: Vec<Tick>,
    /// Height of the axis labels.
    pub tick_y: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CoverageRow {
    pub y: f64,
    pub text_y: f64,
    pub outlet: String,
    pub reports: Vec<CoverageDot>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CoverageDot {
    pub x: f64,
    pub url: String,
    /// «بوتين يلتقي…، 13 أغسطس 2025».
    pub label: String,
    pub date: String,
    pub date_iso: String,
    /// The story's first report.
    pub first: bool,
}

/// One report of a story: its outlet (or a short title), when it was
/// published (minutes since the epoch when the time is known, else its
/// day's start), its day, link and title.
pub struct Report<'a> {
    pub outlet: &'a str,
    pub minute: i64,
    pub date: NaiveDate,
    pub url: &'a str,
    pub title: &'a str,
}

/// The coverage chart of a story's `reports`, oldest first; the first of
/// them is marked. `None` for a story of one report: there is nothing to
/// compare.
pub fn coverage(reports: &[Report], style: &DateStyle) -> Option<CoverageChart> {
    if reports.len() < 2 {
        return None;
    }
    let mut outlets: Vec<&str> = Vec::new();
    for r in reports {
        if !outlets.contains(&r.outlet) {
            outlets.push(r.outlet);
        }
    }
    // Rows for the first outlets; the rest share a last row.
    let other = "مصادر أخرى";
    if outlets.len() > MAX_ROWS {
        outlets.truncate(MAX_ROWS - 1);
        outlets.push(other);
    }
    let row_of = |o: &str| {
        outlets
            .iter()
            .position(|&x| x == o)
            .unwrap_or(outlets.len() - 1)
    };
    let start = reports.iter().map(|r| r.minute).min().unwrap_or(0);
    let end = reports.iter().map(|r| r.minute).max().unwrap_or(0);
    let (line_start, line_end) = (WIDTH - NAME_WIDTH - 12.0, 12.0);
    let x_of = |minute: i64| {
        if end == start {
            (line_start + line_end) / 2.0
        } else {
            // Right to left: the first report at the right.
            at(line_start
                - (minute - start) as f64 / (end - start) as f64 * (line_start - line_end))
        }
    };
    let first = reports
        .iter()
        .enumerate()
        .min_by_key(|(k, r)| (r.minute, *k))
        .map(|(k, _)| k)
        .unwrap_or(0);
    let mut rows: Vec<CoverageRow> = outlets
        .iter()
        .enumerate()
        .map(|(k, o)| CoverageRow {
            y: at(k as f64 * ROW_HEIGHT + ROW_HEIGHT / 2.0),
            text_y: at(k as f64 * ROW_HEIGHT + ROW_HEIGHT * 0.65),
            outlet: o.to_string(),
            reports: Vec::new(),
        })
        .collect();
    for (k, r) in reports.iter().enumerate() {
        let date = format_date(r.date, style);
        rows[row_of(r.outlet)].reports.push(CoverageDot {
            x: x_of(r.minute),
            url: r.url.to_string(),
            label: format!("{}، {}، {date}", r.outlet, r.title),
            date,
            date_iso: r.date.to_string(),
            first: k == first,
        });
    }
    let plot_height = rows.len() as f64 * ROW_HEIGHT;
    let mut days: Vec<NaiveDate> = reports.iter().map(|r| r.date).collect();
    days.sort();
    days.dedup();
    let ticks = if days.len() == 1 {
        vec![Tick {
            x: x_of(start),
            label: format_date(days[0], style),
        }]
    } else {
        let every = days.len().div_ceil(5);
        days.iter()
            .step_by(every)
            .map(|&d| Tick {
                // Each day's label under its first report.
                x: x_of(
                    reports
                        .iter()
                        .filter(|r| r.date == d)
                        .map(|r| r.minute)
                        .min()
                        .unwrap_or(start),
                ),
                label: format_day_month(d, style),
            })
            .collect()
    };
    let head = &reports[first];
    let summary = format!(
        "{} من {}، بين {}؛ أول من نشر: {} في {}.",
        format_number(numbers::count(reports.len(), &numbers::ARTICLE), style),
        format_number(
            numbers::count_in(
                reports
                    .iter()
                    .map(|r| r.outlet)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len(),
                &numbers::SOURCE,
                Case::Genitive
            ),
            style
        ),
        day_range(days[0], days[days.len() - 1], style),
        head.outlet,
        format_date(head.date, style),
    );
    Some(CoverageChart {
        title: "متى نشر كل مصدر".to_string(),
        summary,
        width: WIDTH,
        height: at(plot_height + AXIS_ROOM + 4.0),
        line_start,
        line_end,
        name_x: WIDTH - 4.0,
        rows,
        ticks,
        tick_y: at(plot_height + 16.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn spec() -> TimeSpec<'static> {
        TimeSpec {
            title: "مقالات".into(),
            noun: &numbers::ARTICLE,
            value_heading: "المقالات",
            subject: "تذكر بوتين",
        }
    }

    #[test]
    fn a_long_archive_stays_within_its_bins() {
        let (first, last) = (ymd(2012, 1, 1), ymd(2025, 12, 31));
        let bin = week_bins(first, last);
        let counts = (0..5000).map(|k| (first + Days::new(k), 1));
        let chart = time_chart(
            spec(),
            counts,
            first,
            last,
            bin,
            &DateStyle::default(),
            |_| None,
        );
        assert!(chart.bars.len() <= MAX_BINS, "{}", chart.bars.len());
        assert_eq!(chart.total, 5000);
        // The oldest bin is at the right edge, the newest at the left.
        assert!(chart.bars[0].x > chart.bars[chart.bars.len() - 1].x);
    }

    #[test]
    fn the_summary_counts_with_agreeing_nouns() {
        let (first, last) = (ymd(2025, 8, 4), ymd(2025, 8, 17));
        let counts = [(ymd(2025, 8, 13), 2), (ymd(2025, 8, 5), 1)];
        let chart = time_chart(
            spec(),
            counts,
            first,
            last,
            7,
            &DateStyle::default(),
            |_| None,
        );
        assert_eq!(
            chart.summary,
            "3 مقالات تذكر بوتين في أسبوعين، من 4 أغسطس 2025 إلى 17 أغسطس 2025؛ أكثرها مقالان في 11 – 17 أغسطس 2025."
        );
    }

    #[test]
    fn a_calendar_starts_its_weeks_on_saturday_at_the_right() {
        let days = vec![(ymd(2025, 8, 13), 12, "/days/2025-08-13/".to_string())];
        let cal = month_calendar(2025, 8, &days, 12, &DateStyle::default()).unwrap();
        assert_eq!(cal.cells.len(), 31);
        // 1 August 2025 is a Friday: the last column, at the left.
        assert_eq!(cal.cells[0].x, 0.0);
        assert_eq!(cal.cells[1].x, WIDTH_CAL - CELL);
        let busy = &cal.cells[12];
        assert_eq!((busy.count, busy.level), (12, 4));
        assert_eq!(busy.url.as_deref(), Some("/days/2025-08-13/"));
        assert_eq!(cal.summary, "12 مقالاً في يوم واحد من أغسطس 2025.");
    }
}
