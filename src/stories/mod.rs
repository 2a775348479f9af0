//! Stories: articles that tell the same event.
//!
//! Several outlets report one event in their own words, and some republish
//! the same wire copy. The story stage groups them ([`cluster`]) so that a
//! reader meets the event once, with every outlet that covered it, a
//! headline and a summary drawn from all of them ([`crate::summarize`]).
//! An undated article takes its date from a story it clearly belongs to
//! ([`dates`]).

pub mod cluster;
mod dates;
pub mod features;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::article::{Article, Prominence};
use crate::config::StoryConfig;
use crate::slug::{SlugRegistry, slugify_words};
use crate::summarize::summarize_documents;

/// A sentence of a story summary and the outlet it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StorySentence {
    pub text: String,
    /// Index of the article it is taken from.
    pub article: usize,
    pub source: Option<String>,
}

/// A group of articles about one event.
#[derive(Debug, Clone, Serialize)]
pub struct Story {
    /// Stable identifier, usable as a URL segment: the date and a slug of
    /// the headline (`2025-08-13-bwtyn-wkym-...`), `undated-...` without date.
    pub id: String,
    /// Indices into the article list, oldest first (undated last).
    pub articles: Vec<usize>,
    pub headline: String,
    /// The day the story broke: the earliest date among its articles.
    pub date: Option<NaiveDate>,
    /// The story told in a few sentences, each attributed to its outlet.
    pub summary: Vec<StorySentence>,
    /// Sets of articles that are the same text filed more than once, each
    /// ascending; show one of them and list the places it appeared.
    pub duplicates: Vec<Vec<usize>>,
    /// Distinct outlets that covered it, in order of first coverage.
    pub sources: Vec<String>,
    /// Topic slugs of its articles, most shared first.
    pub topics: Vec<String>,
    /// Entity slugs, most prominent across its articles first.
    pub entities: Vec<String>,
    /// How prominent the story is in a briefing (higher first): more
    /// outlets, more prominent entities, more recent.
    pub weight: f32,
}

/// Sentences in the summary of a story told by several articles.
const STORY_SUMMARY_SENTENCES: usize = 3;

/// Sentences in the summary of a single-article story, when its article
/// has no summary yet.
const SINGLE_SUMMARY_SENTENCES: usize = 2;

/// Words of the headline that go into a story id.
const ID_WORDS: usize = 6;

/// The story stage: groups articles into stories, records each article's
/// story in `Article::story`, dates undated articles from their story, and
/// returns the stories ordered by date (undated last), then by first article.
///
/// Articles' summaries, when already set, are reused for single-article
/// stories.
pub fn run(articles: &mut [Article], config: &StoryConfig) -> Vec<Story> {
    let corpus = features::extract(articles);
    let days = cluster::day_numbers(articles);
    let grouping = cluster::group(articles, &corpus, &days, config);
    for members in &grouping.clusters {
        dates::date_from_story(articles, members, &grouping.links);
    }
    let latest = articles
        .iter()
        .filter_map(|a| a.published.map(|p| p.date))
        .max();
    let mut stories: Vec<Story> = grouping
        .clusters
        .iter()
        .map(|members| {
            build_story(
                articles,
                members,
                &grouping.duplicates,
                &corpus.features,
                latest,
            )
        })
        .collect();
    stories.sort_by(|a, b| {
        (a.date.is_none(), a.date, a.articles.iter().min()).cmp(&(
            b.date.is_none(),
            b.date,
            b.articles.iter().min(),
        ))
    });
    let mut ids = SlugRegistry::default();
    for (i, story) in stories.iter_mut().enumerate() {
        let day = story
            .date
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        let words = slugify_words(&story.headline, ID_WORDS);
        let wanted = if words.is_empty() {
            day.clone()
        } else {
            format!("{day}-{words}")
        };
        story.id = ids.claim(&wanted, &day);
        for &a in &story.articles {
            articles[a].story = Some(i);
        }
    }
    stories
}

fn build_story(
    articles: &[Article],
    members: &[usize],
    duplicate_pairs: &[(usize, usize)],
    features: &[features::Features],
    latest: Option<NaiveDate>,
) -> Story {
    let mut order = members.to_vec();
    order.sort_by_key(|&i| (articles[i].published.is_none(), articles[i].published, i));
    let duplicates = duplicate_sets(members, duplicate_pairs);
    let date = order
        .iter()
        .find_map(|&i| articles[i].published.map(|p| p.date));
    let mut sources: Vec<String> = Vec::new();
    for &i in &order {
        if let Some(s) = &articles[i].source
            && !sources.contains(s)
        {
            sources.push(s.clone());
        }
    }
    let headline = articles[choose_headline(articles, &order, features)]
        .title
        .clone();
    let summary = story_summary(articles, &order, &duplicates);
    let entities = ranked_entities(articles, &order);
    let weight = weigh(articles, &order, &sources, date, latest);
    Story {
        id: String::new(),
        articles: order.clone(),
        headline,
        date,
        summary,
        duplicates,
        sources,
        topics: ranked_topics(articles, &order),
        entities,
        weight,
    }
}

/// Groups the duplicate pairs falling inside one story into sets.
fn duplicate_sets(members: &[usize], pairs: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut sets: Vec<Vec<usize>> = Vec::new();
    for &(i, j) in pairs
        .iter()
        .filter(|(i, j)| members.contains(i) && members.contains(j))
    {
        let found: Vec<usize> = (0..sets.len())
            .filter(|&s| sets[s].contains(&i) || sets[s].contains(&j))
            .collect();
        let mut joined: Vec<usize> = vec![i, j];
        for &s in found.iter().rev() {
            joined.extend(sets.remove(s));
        }
        joined.sort_unstable();
        joined.dedup();
        sets.push(joined);
    }
    sets.sort();
    sets
}

/// The title that best says what the whole story is about: among titles
/// written as headlines (not derived from a lede) when there are any, the
/// one closest to all the story's articles; the earliest on a tie.
fn choose_headline(
    articles: &[Article],
    order: &[usize],
    features: &[features::Features],
) -> usize {
    let written: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| !articles[i].title_derived)
        .collect();
    let pool = if written.is_empty() {
        order.to_vec()
    } else {
        written
    };
    let closeness = |i: usize| -> f32 {
        order
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| features::cosine(&features[i].title, &features[j].body))
            .sum()
    };
    let mut best = pool[0];
    let mut best_score = closeness(best);
    for &i in &pool[1..] {
        let score = closeness(i);
        if score > best_score + 1e-6 {
            best = i;
            best_score = score;
        }
    }
    best
}

/// Summary of a story: central sentences across its articles, each copy of
/// a duplicated text read once.
fn story_summary(
    articles: &[Article],
    order: &[usize],
    duplicates: &[Vec<usize>],
) -> Vec<StorySentence> {
    let readers: Vec<usize> = order
        .iter()
        .copied()
        .filter(|i| {
            !duplicates
                .iter()
                .any(|set| set.contains(i) && set.iter().min() != Some(i))
        })
        .collect();
    if let [only] = readers[..] {
        let a = &articles[only];
        if !a.summary.is_empty() {
            return vec![StorySentence {
                text: a.summary.clone(),
                article: only,
                source: a.source.clone(),
            }];
        }
        return crate::summarize::summarize_article(&a.sentences, SINGLE_SUMMARY_SENTENCES)
            .into_iter()
            .map(|s| StorySentence {
                text: a.sentences[s].clone(),
                article: only,
                source: a.source.clone(),
            })
            .collect();
    }
    let docs: Vec<&[String]> = readers
        .iter()
        .map(|&i| articles[i].sentences.as_slice())
        .collect();
    summarize_documents(&docs, STORY_SUMMARY_SENTENCES)
        .into_iter()
        .map(|(d, s)| {
            let a = readers[d];
            StorySentence {
                text: articles[a].sentences[s].clone(),
                article: a,
                source: articles[a].source.clone(),
            }
        })
        .collect()
}

/// Topics held by the story's articles, those held by more articles first.
fn ranked_topics(articles: &[Article], order: &[usize]) -> Vec<String> {
    let mut counts: BTreeMap<&str, f32> = BTreeMap::new();
    for &i in order {
        for (rank, t) in articles[i].topics.iter().enumerate() {
            *counts.entry(t).or_default() += if rank == 0 { 1.0 } else { 0.5 };
        }
    }
    let mut ranked: Vec<(&str, f32)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.into_iter().map(|(t, _)| t.to_string()).collect()
}

/// Entities by their prominence summed over the story's articles.
fn ranked_entities(articles: &[Article], order: &[usize]) -> Vec<String> {
    let mut scores: BTreeMap<&str, f32> = BTreeMap::new();
    for &i in order {
        for m in &articles[i].entities {
            *scores.entry(&m.slug).or_default() += prominence_score(m.prominence, m.count);
        }
    }
    let mut ranked: Vec<(&str, f32)> = scores.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.into_iter().map(|(e, _)| e.to_string()).collect()
}

fn prominence_score(prominence: Prominence, count: usize) -> f32 {
    let base = match prominence {
        Prominence::Main => 1.0,
        Prominence::Passing => 0.3,
    };
    base * (1.0 + (count.max(1) as f32).ln())
}

/// Briefing weight: outlets count most (an event many newsrooms covered
/// matters), then how prominently its articles name known entities, then
/// how recent it is relative to the newest article of the corpus.
fn weigh(
    articles: &[Article],
    order: &[usize],
    sources: &[String],
    date: Option<NaiveDate>,
    latest: Option<NaiveDate>,
) -> f32 {
    // Articles whose outlet is unknown count as one more outlet at most.
    let unsourced = order.iter().any(|&i| articles[i].source.is_none());
    let outlets = (sources.len() + usize::from(unsourced)) as f32;
    let entity_prominence: f32 = order
        .iter()
        .flat_map(|&i| articles[i].entities.iter())
        .filter(|m| m.prominence == Prominence::Main)
        .map(|m| prominence_score(m.prominence, m.count))
        .sum::<f32>()
        / order.len() as f32;
    let recency = match (date, latest) {
        (Some(d), Some(l)) => 1.0 / (1.0 + (l - d).num_days().max(0) as f32),
        _ => 0.0,
    };
    1.0 + 2.0 * outlets.ln_1p() + 0.5 * entity_prominence.ln_1p() + 0.5 * recency
}
