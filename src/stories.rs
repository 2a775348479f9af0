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
    /// How prominent the story is in a briefing (higher first).
    pub weight: f32,
}

/// The story stage: groups articles into stories, records each article's
/// story in `Article::story`, and returns the stories.
pub fn run(articles: &mut [Article], config: &StoryConfig) -> Vec<Story> {
    let stories = group(articles, config);
    for (i, story) in stories.iter().enumerate() {
        for &a in &story.articles {
            articles[a].story = Some(i);
        }
    }
    stories
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
            weight: 1.0,
        })
        .collect()
}
