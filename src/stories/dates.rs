//! Dates from stories: an undated article that clearly belongs to a dated
//! story was published when the story ran, unless the article itself says
//! otherwise.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::kind::Cues;
use crate::article::{Article, Evidence, Origin, Published};
use arabic::dates::WEEKDAYS;
use arabic::{normalize, proclitic_readings, words};

/// How far into an article a named weekday counts as evidence of when it
/// was written: the lede and the first paragraphs.
const WEEKDAY_SCAN_SENTENCES: usize = 4;

/// Gives each undated member of the cluster `members` the date of the dated
/// member it resembles most, among those whose date the article's own
/// weekdays do not contradict.
pub fn date_from_story(
    articles: &mut [Article],
    members: &[usize],
    links: &[Vec<(u32, f32)>],
    cues: &[Cues],
) {
    let dated: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| articles[i].published.is_some())
        .collect();
    if dated.is_empty() || dated.len() == members.len() {
        return;
    }
    let undated: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| articles[i].published.is_none())
        .collect();
    for i in undated {
        let mut donors: Vec<(usize, f32)> = dated
            .iter()
            .map(|&j| {
                let link = links[i].iter().find(|l| l.0 as usize == j);
                (j, link.map_or(0.0, |l| l.1))
            })
            .collect();
        donors.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let named = cues[i].named_weekdays();
        let Some(&(donor, _)) = donors.iter().find(|(j, _)| {
            let date = articles[*j]
                .published
                .map(|p| p.date)
                .expect("donors are dated");
            consistent(date, &named)
        }) else {
            articles[i].warnings.push(
                "belongs to a dated story, but the weekday it names contradicts the story's dates; left undated".into(),
            );
            continue;
        };
        let date = articles[donor]
            .published
            .map(|p| p.date)
            .expect("donors are dated");
        let mut detail = format!("story: same event as {} ({date})", articles[donor].label());
        if !named.is_empty() {
            let names: Vec<&str> = named
                .iter()
                .map(|d| WEEKDAYS[d.num_days_from_monday() as usize])
                .collect();
            detail.push_str(&format!("; names {}", names.join("، ")));
        }
        articles[i].published = Some(Published { date, time: None });
        articles[i].date_evidence = Evidence {
            origin: Origin::Story,
            detail,
        };
    }
}

/// A date fits the weekdays an article names when it falls on one of them
/// or on the day after (news is often published the day after the event
/// it dates).
fn consistent(date: NaiveDate, named: &[Weekday]) -> bool {
    if named.is_empty() {
        return true;
    }
    let day_before = date.checked_sub_days(Days::new(1)).map(|d| d.weekday());
    named
        .iter()
        .any(|&w| w == date.weekday() || Some(w) == day_before)
}

/// Normalised weekday names, Monday first.
static WEEKDAY_NAMES: LazyLock<Vec<String>> =
    LazyLock::new(|| WEEKDAYS.iter().map(|w| normalize(w)).collect());

/// Weekdays named (with the article, as in الأربعاء or يوم الأربعاء) in the
/// title and first sentences.
pub fn named_weekdays(article: &Article) -> Vec<Weekday> {
    let names = &*WEEKDAY_NAMES;
    let mut found: Vec<Weekday> = Vec::new();
    let texts = std::iter::once(article.title.as_str())
        .chain(article.sentences().take(WEEKDAY_SCAN_SENTENCES));
    for text in texts {
        for word in words(text) {
            for reading in proclitic_readings(&word.norm, 3) {
                if let Some(k) = names.iter().position(|n| *n == reading) {
                    let day = Weekday::try_from(k as u8).expect("seven weekday names");
                    if !found.contains(&day) {
                        found.push(day);
                    }
                }
            }
        }
    }
    found.sort_by_key(|d| d.num_days_from_monday());
    found
}
