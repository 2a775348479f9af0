//! What a story shows where: its core (the articles that tell the event
//! itself, which give it its headline and date), its reports (outlets, not
//! copies), and what a day's briefing may say of it (only what was
//! published by that day).

use chrono::NaiveDate;
use serde::Serialize;

use super::StorySentence;
use super::features::Features;
use crate::article::Article;
use crate::vectors::cosine;

/// A story as one day's briefing tells it: that day's reports, a headline
/// among their titles and a summary of them alone, so that the briefing of
/// the first day never tells what was published on the next.
#[derive(Debug, Clone, Serialize)]
pub struct StoryDay {
    pub date: NaiveDate,
    /// The day's articles, oldest first, without one outlet's second copy.
    pub articles: Vec<usize>,
    /// Index of the article whose title heads the day.
    pub headline: usize,
    pub summary: Vec<StorySentence>,
}

/// The articles of a story (`order`, oldest first) that tell its event
/// most centrally: those at least as alike to the rest of the story as the
/// median member is. The story's headline and date come from them, so an
/// outlier (an early preview that slipped in, a late follow-up) does not
/// name or date the story. Every member of a story of one or two articles.
pub fn core(order: &[usize], features: &[Features]) -> Vec<usize> {
    if order.len() <= 2 {
        return order.to_vec();
    }
    let centrality: Vec<f32> = order
        .iter()
        .map(|&i| {
            order
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| cosine(&features[i].body, &features[j].body))
                .sum()
        })
        .collect();
    let mut sorted = centrality.clone();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let median = sorted[(sorted.len() - 1) / 2];
    order
        .iter()
        .zip(&centrality)
        .filter(|&(_, &c)| c >= median)
        .map(|(&i, _)| i)
        .collect()
}

/// The story's articles less the second and later copies of one text by
/// the same outlet (an article filed under two sections): one report each.
/// `duplicates` are the story's sets of copies of one text.
pub fn reports(articles: &[Article], order: &[usize], duplicates: &[Vec<usize>]) -> Vec<usize> {
    order
        .iter()
        .copied()
        .filter(|&i| {
            !duplicates.iter().any(|set| {
                set.contains(&i)
                    && set.iter().any(|&j| {
                        j != i
                            && articles[j].source == articles[i].source
                            && order_position(order, j) < order_position(order, i)
                    })
            })
        })
        .collect()
}

fn order_position(order: &[usize], i: usize) -> usize {
    order.iter().position(|&x| x == i).unwrap_or(usize::MAX)
}

/// The publication days of a story's articles (`order`, oldest first,
/// undated last) with each day's articles, when it spans more than one day:
/// the days a briefing shows it, each with what was new that day.
pub fn days(articles: &[Article], order: &[usize]) -> Vec<(NaiveDate, Vec<usize>)> {
    let mut out: Vec<(NaiveDate, Vec<usize>)> = Vec::new();
    for &i in order {
        let Some(date) = articles[i].published.map(|p| p.date) else {
            continue;
        };
        match out.last_mut() {
            Some((d, list)) if *d == date => list.push(i),
            _ => out.push((date, vec![i])),
        }
    }
    if out.len() < 2 { Vec::new() } else { out }
}

/// What the briefing of `date` shows of `story` when it ran over several
/// days; `None` when the story as a whole is that day's (a story of one
/// day).
pub fn day_of(story: &super::Story, date: NaiveDate) -> Option<&StoryDay> {
    story.days.iter().find(|d| d.date == date)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::article;
    use super::*;

    #[test]
    fn one_outlets_second_copy_is_not_another_report() {
        let text = "أعلنت الحكومة خطة جديدة لدعم المزارعين في مواجهة الجفاف.";
        let articles = vec![
            article(
                "الحكومة تدعم المزارعين",
                text,
                Some("2025-05-10"),
                "فرانس 24",
            ),
            article(
                "الحكومة تدعم المزارعين",
                text,
                Some("2025-05-10"),
                "فرانس 24",
            ),
            article("الحكومة تدعم المزارعين", text, Some("2025-05-10"), "رويترز"),
        ];
        let all = [0, 1, 2];
        assert_eq!(reports(&articles, &all, &[vec![0, 1, 2]]), vec![0, 2]);
        assert_eq!(reports(&articles, &all, &[]), vec![0, 1, 2]);
    }

    #[test]
    fn a_story_of_one_day_has_no_day_views() {
        let articles = vec![
            article("أ", "نص.", Some("2025-05-10"), "أ"),
            article("ب", "نص.", Some("2025-05-10"), "ب"),
            article("ج", "نص.", Some("2025-05-11"), "ج"),
        ];
        assert!(days(&articles, &[0, 1]).is_empty());
        let both = days(&articles, &[0, 1, 2]);
        assert_eq!(both.len(), 2);
        assert_eq!(both[0].1, vec![0, 1]);
        assert_eq!(both[1].1, vec![2]);
    }
}
