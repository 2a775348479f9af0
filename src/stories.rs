//! Stories: articles that tell the same event.

use chrono::NaiveDate;
use serde::Serialize;

use crate::article::Article;
use crate::config::StoryConfig;

/// A sentence of a story summary and the outlet it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StorySentence {
    pub text: String,
    pub article: usize,
    pub source: Option<String>,
}

/// A group of articles about one event.
#[derive(Debug, Clone, Serialize)]
pub struct Story {
    /// Stable identifier, usable as a URL segment.
    pub id: String,
    /// Indices into the article list, oldest first.
    pub articles: Vec<usize>,
    pub headline: String,
    pub date: Option<NaiveDate>,
    pub summary: Vec<StorySentence>,
    /// Sets of articles that are the same text filed more than once.
    pub duplicates: Vec<Vec<usize>>,
}

/// Puts every article in a story of its own.
pub fn group(articles: &[Article], _config: &StoryConfig) -> Vec<Story> {
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| Story {
            id: a.slug.clone(),
            articles: vec![i],
            headline: a.title.clone(),
            date: a.published.map(|p| p.date),
            summary: Vec::new(),
            duplicates: Vec::new(),
        })
        .collect()
}
