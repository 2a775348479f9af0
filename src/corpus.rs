//! What nashra understood of the input: the model every later stage reads.
//!
//! [`crate::build`] makes a [`Corpus`] from the input folders; the site
//! layout, the page renderer, `nashra inspect` and the entity suggestions
//! all read it, and none of them changes it.

use std::time::Duration;

use crate::article::Article;
use crate::enrich::Page;
use crate::entities::EntityList;
use crate::stories::Story;
use crate::threads::Threads;

/// A topic as the site shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Topic {
    pub slug: String,
    pub name: String,
    pub description: String,
}

/// Everything nashra understood of the input, before any page is laid out.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Articles in input order (by file, then part).
    pub articles: Vec<Article>,
    pub pages: Vec<Page>,
    pub stories: Vec<Story>,
    /// Storylines: stories that continue one another.
    pub threads: Threads,
    /// Listed entities plus those named only in front matter.
    pub entities: EntityList,
    /// Configured topics plus those named only in front matter.
    pub topics: Vec<Topic>,
    /// Files left out because they are drafts.
    pub drafts: Vec<String>,
    /// Warnings for files, or parts of files, left out because they hold
    /// no article (an empty scrape), each naming its file.
    pub skipped: Vec<String>,
    /// Input files read, and how many of them were not analysed again
    /// because the analysis cache held them unchanged.
    pub input_files: usize,
    pub reused_files: usize,
    /// Time spent in each stage, in pipeline order.
    pub timings: Vec<(&'static str, Duration)>,
}

impl Corpus {
    /// All warnings, each prefixed with the article it concerns, then
    /// those for what was left out.
    pub fn warnings(&self) -> Vec<String> {
        self.articles
            .iter()
            .flat_map(|a| {
                a.warnings
                    .iter()
                    .map(move |w| format!("{}: {}", a.label(), w))
            })
            .chain(self.skipped.iter().cloned())
            .collect()
    }
}
