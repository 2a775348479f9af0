//! `site.toml`: what the editor configures.
//!
//! Every table denies unknown keys: a misspelt key is an error naming the key
//! and its line, never a setting silently ignored.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use arabic::dates::DateStyle;
use toml::Spanned;

use crate::error::{line_col, located};

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
    /// Set by `nashra serve` while an editor works, never read from
    /// `site.toml`: an incremental build keeps the index the last build
    /// wrote, so that the page reloads without waiting for the index, which
    /// is made whole at each build; serve makes it afresh once the edits
    /// pause.
    #[serde(skip)]
    pub keep_last_index: bool,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            enabled: true,
            keep_last_index: false,
        }
    }
}

impl SiteConfig {
    /// Takes out of every text the site shows the characters no page or
    /// feed may carry (see [`crate::safe_text`]), which TOML escapes can
    /// write.
    fn clean_text(&mut self) {
        use crate::safe_text::clean_in_place;
        clean_in_place(&mut self.title);
        clean_in_place(&mut self.description);
        for topic in &mut self.topics {
            clean_in_place(&mut topic.name);
            clean_in_place(&mut topic.description);
        }
        for outlet in &mut self.outlets {
            clean_in_place(&mut outlet.name);
        }
    }
}

/// The bundled topic set, `data/topics.toml`.
const BUNDLED: &str = include_str!("../data/topics.toml");

/// The topics a site gets when its `site.toml` defines none.
pub fn bundled_topics() -> Vec<TopicConfig> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        topics: Vec<TopicConfig>,
    }
    toml::from_str::<File>(BUNDLED)
        .expect("data/topics.toml is valid (checked by the topics tests)")
        .topics
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
    /// Slugs of topics this one rules out when it is an article's best:
    /// a match report's «هجوم» is no armed attack, so sport excludes
    /// conflict.
    #[serde(default)]
    pub excludes: Vec<String>,
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
    /// Glob patterns of the input files this outlet published, matched
    /// against the path from the site folder and against the file name:
    /// `seeds/alarabiya/**` for a scraper's folder per outlet, `AL-*` for
    /// a prefix per outlet. Where the scraper fetched a page says whose it
    /// is better than any phrase in it.
    #[serde(default)]
    pub files: Vec<String>,
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
    /// Similarity two dated reports of events on different days must reach
    /// to be one story: the same kind of event on another day (a second
    /// strike, the other semi-final) is another event.
    pub other_day_threshold: f32,
    /// Share (0–1) of a story's articles a joining article must be alike
    /// to: a story grows by articles alike to much of it, not by a chain.
    pub core_share: f32,
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
            other_day_threshold: 0.55,
            core_share: 0.34,
            window_days: 3,
            duplicate_threshold: 0.8,
        }
    }
}

impl StoryConfig {
    /// Checks the thresholds: shares and similarities between 0 and 1
    /// (`nan`, `inf` and negative values would silently group every
    /// article, or none). The error names the key.
    fn check(&self) -> Result<(), (&'static str, String)> {
        for (key, value) in [
            ("threshold", self.threshold),
            ("undated_threshold", self.undated_threshold),
            ("cohesion", self.cohesion),
            ("other_day_threshold", self.other_day_threshold),
            ("core_share", self.core_share),
            ("duplicate_threshold", self.duplicate_threshold),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err((key, format!("= {value} must be a number from 0 to 1")));
            }
        }
        Ok(())
    }
}

/// Where the values that are checked after parsing stand in `site.toml`,
/// read by a second, lenient pass over the same text so that their errors
/// name the line.
#[derive(Deserialize)]
struct Places {
    base_url: Option<Spanned<toml::Value>>,
    content_dir: Option<Spanned<toml::Value>>,
    seeds_dir: Option<Spanned<toml::Value>>,
    templates_dir: Option<Spanned<toml::Value>>,
    static_dir: Option<Spanned<toml::Value>>,
    entities: Option<Spanned<toml::Value>>,
    stories: Option<StoryPlaces>,
}

#[derive(Deserialize)]
struct StoryPlaces {
    threshold: Option<Spanned<toml::Value>>,
    undated_threshold: Option<Spanned<toml::Value>>,
    cohesion: Option<Spanned<toml::Value>>,
    other_day_threshold: Option<Spanned<toml::Value>>,
    core_share: Option<Spanned<toml::Value>>,
    duplicate_threshold: Option<Spanned<toml::Value>>,
}

impl StoryPlaces {
    fn span_of(&self, key: &str) -> Option<std::ops::Range<usize>> {
        let place = match key {
            "threshold" => &self.threshold,
            "undated_threshold" => &self.undated_threshold,
            "cohesion" => &self.cohesion,
            "other_day_threshold" => &self.other_day_threshold,
            "core_share" => &self.core_share,
            "duplicate_threshold" => &self.duplicate_threshold,
            _ => &None,
        };
        place.as_ref().map(Spanned::span)
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
    /// What reading the configuration found doubtful but not wrong (an
    /// input folder that does not exist), each naming `site.toml` and the
    /// line; a build reports them with its own warnings.
    pub warnings: Vec<String>,
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
        let mut site: SiteConfig = toml::from_str(text).map_err(|e| located(path, text, &e))?;
        site.clean_text();
        if site.topics.is_empty() {
            // A site that defines no topics gets the bundled set.
            site.topics = bundled_topics();
        }
        let timezone: chrono_tz::Tz = site.timezone.parse().map_err(|_| {
            anyhow::anyhow!(
                "{}: timezone `{}` is not an IANA time zone name (e.g. `Asia/Riyadh`, `UTC`)",
                path.display(),
                site.timezone
            )
        })?;
        let places: Places = toml::from_str(text).map_err(|e| located(path, text, &e))?;
        let at = |span: Option<std::ops::Range<usize>>| match span {
            Some(span) => format!("{}:{}", path.display(), line_col(text, span.start).0),
            None => path.display().to_string(),
        };
        let base_url_at = at(places.base_url.as_ref().map(Spanned::span));
        if let Some(problem) = crate::weblink::http_url_problem(&site.base_url) {
            bail!(
                "{base_url_at}: base_url `{}` {problem}",
                site.base_url.escape_debug()
            );
        }
        if site.base_url.contains(['?', '#']) {
            bail!(
                "{base_url_at}: base_url `{}` must not hold a query (?) or fragment (#): every link is written after it",
                site.base_url
            );
        }
        site.stories.check().map_err(|(key, problem)| {
            let span = places.stories.as_ref().and_then(|s| s.span_of(key));
            anyhow::anyhow!("{}: [stories] {key} {problem}", at(span))
        })?;
        for outlet in &site.outlets {
            for pattern in &outlet.files {
                if let Err(e) = globset::Glob::new(pattern) {
                    bail!(
                        "{}: outlet `{}` has the file pattern `{pattern}`, which does not read as a glob: {}",
                        path.display(),
                        outlet.name,
                        e.kind()
                    );
                }
            }
        }
        for topic in &site.topics {
            for keyword in &topic.keywords {
                if !keyword.weight().is_finite() {
                    bail!(
                        "{}: topic `{}` gives the keyword `{}` the weight {}; use a finite number",
                        path.display(),
                        topic.name,
                        keyword.word(),
                        keyword.weight()
                    );
                }
            }
        }
        if site.page_size == 0 || site.feed_items == 0 {
            bail!(
                "{}: page_size and feed_items must be at least 1",
                path.display()
            );
        }
        let mut slugs = std::collections::BTreeSet::new();
        for topic in &site.topics {
            if let Some(problem) = crate::slug::slug_problem(&topic.slug) {
                bail!(
                    "{}: topic `{}` has slug `{}`, which {problem}",
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
        for topic in &site.topics {
            if let Some(unknown) = topic.excludes.iter().find(|x| !slugs.contains(x.as_str())) {
                bail!(
                    "{}: topic `{}` excludes `{unknown}`, which is no topic slug",
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
        let mut warnings = Vec::new();
        let folders = [
            ("content_dir", &places.content_dir, &site.content_dir),
            ("seeds_dir", &places.seeds_dir, &site.seeds_dir),
            ("templates_dir", &places.templates_dir, &site.templates_dir),
            ("static_dir", &places.static_dir, &site.static_dir),
        ];
        for (key, place, folder) in folders {
            // Only a folder the editor named: the defaults may be absent.
            if let Some(place) = place
                && !root.join(folder).is_dir()
            {
                warnings.push(format!(
                    "{}: {key} `{}` is not a folder ({}); nothing is read from it",
                    at(Some(place.span())),
                    folder.display(),
                    std::path::absolute(root.join(folder))
                        .unwrap_or_else(|_| root.join(folder))
                        .display()
                ));
            }
        }
        if let (Some(place), Some(list)) = (&places.entities, &site.entities)
            && !root.join(list).is_file()
        {
            bail!(
                "{}: entities `{}` is not a file",
                at(Some(place.span())),
                list.display()
            );
        }
        Ok(Config {
            site,
            root,
            path: path.to_path_buf(),
            timezone,
            warnings,
        })
    }

    /// Resolves a configured path against the site root.
    pub fn resolve(&self, relative: &Path) -> PathBuf {
        self.root.join(relative)
    }

    /// The folders a build reads, named as an editor knows them: the output
    /// folder must lie outside each (see [`crate::output::check_placement`]).
    /// The entity list's folder counts unless it is the site folder itself,
    /// which holds the output folder by design.
    pub fn input_folders(&self) -> Vec<(&'static str, PathBuf)> {
        let mut folders = vec![
            ("seeds", self.resolve(&self.site.seeds_dir)),
            ("content", self.resolve(&self.site.content_dir)),
            ("templates", self.resolve(&self.site.templates_dir)),
            ("static", self.resolve(&self.site.static_dir)),
        ];
        let entity_folder = self
            .site
            .entities
            .as_ref()
            .and_then(|list| self.resolve(list).parent().map(Path::to_path_buf));
        if let Some(folder) = entity_folder {
            let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
                (Ok(a), Ok(b)) => a == b,
                _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
            };
            if !same(&folder, &self.root) {
                folders.push(("entity list's", folder));
            }
        }
        folders
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
    fn escaped_controls_leave_the_shown_texts() {
        let text = "title = \"نشرة\\u0000\\u202E\"\ndescription = \"\\u0001موجز\"\nbase_url = \"https://example.org\"\n";
        let c = Config::parse(text, Path::new("site.toml")).unwrap();
        assert_eq!(
            (c.site.title.as_str(), c.site.description.as_str()),
            ("نشرة", "موجز")
        );
    }

    fn error_of(text: &str) -> String {
        Config::parse(text, Path::new("site.toml"))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_base_url_without_host_or_with_spaces_names_its_line() {
        for bad in [
            "https://",
            "https://exa mple.org/",
            "example.org",
            "javascript:alert(1)",
            "https://example.org/?lang=ar",
        ] {
            let err = error_of(&format!("title = \"نشرة\"\n\nbase_url = \"{bad}\"\n"));
            assert!(err.starts_with("site.toml:3: base_url"), "{bad}: {err}");
        }
    }

    #[test]
    fn story_thresholds_must_be_shares() {
        for bad in ["nan", "inf", "-1.0", "1.5"] {
            let err = error_of(&format!(
                "{MINIMAL}\n[stories]\nwindow_days = 2\nthreshold = {bad}\n"
            ));
            assert!(
                err.starts_with("site.toml:7: [stories] threshold"),
                "{bad}: {err}"
            );
        }
        let err = error_of(&format!("{MINIMAL}[stories]\nduplicate_threshold = -0.5\n"));
        assert!(err.contains("duplicate_threshold"), "{err}");
        let weight = format!(
            "{MINIMAL}[[topics]]\nname = \"اقتصاد\"\nslug = \"economy\"\nkeywords = [{{ word = \"نفط\", weight = nan }}]\n"
        );
        assert!(error_of(&weight).contains("weight NaN"));
    }

    #[test]
    fn a_configured_folder_that_is_missing_is_a_warning_naming_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        let path = dir.path().join("site.toml");
        let text = format!("{MINIMAL}seeds_dir = \"seeds\"\ncontent_dir = \"contnet\"\n");
        let c = Config::parse(&text, &path).unwrap();
        assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
        assert!(
            c.warnings[0].contains("site.toml:5: content_dir `contnet` is not a folder"),
            "{:?}",
            c.warnings
        );
        let entities = format!("{MINIMAL}entities = \"people.toml\"\n");
        let err = Config::parse(&entities, &path).unwrap_err().to_string();
        assert!(err.contains("site.toml:4: entities `people.toml`"), "{err}");
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
