//! The site model: which pages exist, their URLs and what each lists.

use crate::build::Corpus;
use crate::config::Config;

/// Top-level folder names that articles and pages may not take as slugs.
pub const RESERVED_SLUGS: &[&str] =
    &["articles", "stories", "days", "weeks", "topics", "entities", "archive", "undated", "static", "page"];

/// The laid-out site.
pub struct Site<'a> {
    pub corpus: &'a Corpus,
}

impl<'a> Site<'a> {
    pub fn new(corpus: &'a Corpus, _config: &Config) -> Site<'a> {
        Site { corpus }
    }
}
