//! `site.toml`: what the editor configures.
//!
//! Every table denies unknown keys: a misspelt key is an error naming the key
//! and its line, never a setting silently ignored.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use arabic::dates::DateStyle;

use crate::error::located;

/// The whole of `site.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title, shown in every page header and in feeds.
    pub title: String,
    /// One-line description for feeds and the home page.
    #[serde(default)]
    pub description: String,
    /// Absolute URL where the site is served, with or without a sub-path.
    pub base_url: String,
    /// Content language; nashra is built for Arabic (`ar`).
    #[serde(default = "default_language")]
    pub language: String,
    /// IANA time zone used to place articles on days (e.g. `Asia/Riyadh`).
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// Output folder, relative to the folder holding `site.toml`.
    #[serde(default = "default_output")]
    pub output_dir: PathBuf,
    /// Folder of Markdown articles and pages.
    #[serde(default = "default_content")]
    pub content_dir: PathBuf,
    /// Folder of raw scraped articles.
    #[serde(default = "default_seeds")]
    pub seeds_dir: PathBuf,
    /// Folder of Tera templates.
    #[serde(default = "default_templates")]
    pub templates_dir: PathBuf,
    /// Folder of static files copied as they are to `static/`.
    #[serde(default = "default_static")]
    pub static_dir: PathBuf,
    /// The site's own entity list, extending the bundled one. Optional.
    #[serde(default)]
    pub entities: Option<PathBuf>,
    /// How many items the article feeds carry.
    #[serde(default = "default_feed_items")]
    pub feed_items: usize,
    /// How many items a listing page shows before it paginates.
    #[serde(default = "default_page_size")]
    pub page_size: usize,
    /// How dates are written on pages.
    #[serde(default)]
    pub dates: DateStyle,
    /// Topics, matched by keywords.
    #[serde(default)]
    pub topics: Vec<TopicConfig>,
    /// Known outlets, recognised in the text as evidence of an article's source.
    #[serde(default)]
    pub outlets: Vec<OutletConfig>,
    /// Story grouping thresholds.
    #[serde(default)]
    pub stories: StoryConfig,
    /// Full-text search (see [`crate::search`]).
    #[serde(default)]
    pub search: SearchConfig,
}

/// The `[search]` table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    /// Write the search index, the `/search/` page and the header's search
    /// box. `false` leaves all three out.
    pub enabled: bool,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig { enabled: true }
    }
}

/// A topic: a name, a URL slug and the keywords that place articles in it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TopicConfig {
    pub name: String,
    pub slug: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub keywords: Vec<Keyword>,
}

/// A topic keyword: a word or phrase, optionally weighted.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Keyword {
    Plain(String),
    Weighted { word: String, weight: f32 },
}

impl Keyword {
    pub fn word(&self) -> &str {
        match self {
            Keyword::Plain(w) | Keyword::Weighted { word: w, .. } => w,
        }
    }
    pub fn weight(&self) -> f32 {
        match self {
            Keyword::Plain(_) => 1.0,
            Keyword::Weighted { weight, .. } => *weight,
        }
    }
}

/// An outlet the text may name (in a sign-off, a dateline or a credit).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OutletConfig {
    /// Display name, e.g. "فرانس برس".
    pub name: String,
    /// Phrases that identify the outlet in text, e.g. "Agence France-Presse", "أ.ف.ب".
    #[serde(default)]
    pub patterns: Vec<String>,
}

/// Story grouping thresholds (see docs/stories.md for how to tune them).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct StoryConfig {
    /// Similarity (0–1) above which two dated articles tell the same event.
    pub threshold: f32,
    /// The same, when one of the two articles has no date: stricter, since
    /// the date window cannot rule anything out.
    pub undated_threshold: f32,
    /// Mean similarity (0–1) over all pairs two groups must reach to merge,
    /// so that a story does not chain into a neighbouring one.
    pub cohesion: f32,
    /// Articles further apart than this many days never share a story.
    pub window_days: u32,
    /// Share (0–1) of word-for-word text above which two articles are the
    /// same copy filed twice.
    pub duplicate_threshold: f32,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            threshold: 0.25,
            undated_threshold: 0.28,
            cohesion: 0.15,
            window_days: 3,
            duplicate_threshold: 0.8,
        }
    }
}

fn default_language() -> String {
    "ar".into()
}
fn default_timezone() -> String {
    "UTC".into()
}
fn default_output() -> PathBuf {
    "public".into()
}
fn default_content() -> PathBuf {
    "content".into()
}
fn default_seeds() -> PathBuf {
    "seeds".into()
}
fn default_templates() -> PathBuf {
    "templates".into()
}
fn default_static() -> PathBuf {
    "static".into()
}
fn default_feed_items() -> usize {
    20
}
fn default_page_size() -> usize {
    30
}

/// A loaded configuration together with the folder it is relative to.
#[derive(Debug, Clone)]
pub struct Config {
    pub site: SiteConfig,
    /// Folder holding `site.toml`; every relative path is resolved from it.
    pub root: PathBuf,
    /// Path of the `site.toml` that was read.
    pub path: PathBuf,
    /// Parsed time zone.
    pub timezone: chrono_tz::Tz,
}

impl Config {
    /// Reads and validates `site.toml` at `path`.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the site configuration", path.display()))?;
        Self::parse(&text, path)
    }

    /// Parses `text` as the `site.toml` found at `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let site: SiteConfig = toml::from_str(text).map_err(|e| located(path, text, &e))?;
        let timezone: chrono_tz::Tz = site.timezone.parse().map_err(|_| {
            anyhow::anyhow!(
                "{}: timezone `{}` is not an IANA time zone name (e.g. `Asia/Riyadh`, `UTC`)",
                path.display(),
                site.timezone
            )
        })?;
        if !(site.base_url.starts_with("http://") || site.base_url.starts_with("https://")) {
            bail!(
                "{}: base_url `{}` must be an absolute http(s) URL",
                path.display(),
                site.base_url
            );
        }
        if site.page_size == 0 || site.feed_items == 0 {
            bail!(
                "{}: page_size and feed_items must be at least 1",
                path.display()
            );
        }
        let mut slugs = std::collections::BTreeSet::new();
        for topic in &site.topics {
            if !crate::slug::is_safe_slug(&topic.slug) {
                bail!(
                    "{}: topic `{}` has slug `{}`; use lowercase ASCII letters, digits and hyphens",
                    path.display(),
                    topic.name,
                    topic.slug
                );
            }
            if !slugs.insert(topic.slug.as_str()) {
                bail!(
                    "{}: topic slug `{}` is used twice",
                    path.display(),
                    topic.slug
                );
            }
        }
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let root = if root.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            root
        };
        Ok(Config {
            site,
            root,
            path: path.to_path_buf(),
            timezone,
        })
    }

    /// Resolves a configured path against the site root.
    pub fn resolve(&self, relative: &Path) -> PathBuf {
        self.root.join(relative)
    }

    /// The base URL with exactly one trailing slash.
    pub fn base_url(&self) -> String {
        format!("{}/", self.site.base_url.trim_end_matches('/'))
    }

    /// The path part of the base URL, starting and ending with `/`
    /// (`/` at a host's root, `/briefing/` under a sub-path).
    pub fn base_path(&self) -> String {
        let url = self.base_url();
        let after_scheme = url.split_once("://").map(|(_, rest)| rest).unwrap_or(&url);
        match after_scheme.find('/') {
            Some(i) => after_scheme[i..].to_string(),
            None => "/".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
title = "نشرة"
base_url = "https://example.org/briefing"
"#;

    #[test]
    fn minimal_config_gets_defaults() {
        let c = Config::parse(MINIMAL, Path::new("site.toml")).unwrap();
        assert_eq!(c.site.language, "ar");
        assert_eq!(c.site.output_dir, PathBuf::from("public"));
        assert_eq!(c.base_url(), "https://example.org/briefing/");
        assert_eq!(c.base_path(), "/briefing/");
    }

    #[test]
    fn base_path_at_host_root() {
        let text = "title = \"t\"\nbase_url = \"https://example.org\"\n";
        let c = Config::parse(text, Path::new("site.toml")).unwrap();
        assert_eq!(c.base_path(), "/");
    }

    #[test]
    fn unknown_key_is_named_with_its_line() {
        let text = format!("{MINIMAL}feed_itemz = 3\n");
        let err = Config::parse(&text, Path::new("site.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("site.toml:4"), "{err}");
        assert!(err.contains("feed_itemz"), "{err}");
    }

    #[test]
    fn unknown_key_in_topic_is_named() {
        let text =
            format!("{MINIMAL}[[topics]]\nname = \"x\"\nslug = \"x\"\nkeywords = []\ncolour = 1\n");
        let err = Config::parse(&text, Path::new("site.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("colour"), "{err}");
    }

    #[test]
    fn bad_timezone_is_an_error() {
        let text = format!("{MINIMAL}timezone = \"Mars/Olympus\"\n");
        let err = Config::parse(&text, Path::new("site.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("Mars/Olympus"), "{err}");
    }

    #[test]
    fn weighted_and_plain_keywords() {
        let text = format!(
            "{MINIMAL}[[topics]]\nname = \"عسكري\"\nslug = \"military\"\nkeywords = [\"صاروخ\", {{ word = \"جيش\", weight = 2.0 }}]\n"
        );
        let c = Config::parse(&text, Path::new("site.toml")).unwrap();
        let k = &c.site.topics[0].keywords;
        assert_eq!((k[0].word(), k[0].weight()), ("صاروخ", 1.0));
        assert_eq!((k[1].word(), k[1].weight()), ("جيش", 2.0));
    }
}
