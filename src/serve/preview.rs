//! The first answer to an edit: the edited articles' own pages, made again
//! at once from the last build's site, before the whole site is.
//!
//! A rebuild of a large archive spends most of its time on work over the
//! whole corpus (which names it introduces, which articles tell one story,
//! the listings), while the editor who saved an article wants to see that
//! article. So the changed files are read and analysed as a build reads
//! them, put in the place of their earlier versions in the last build's
//! corpus, and only their pages and their stories' pages are rendered,
//! into the served folder. The rebuild that follows makes every page what
//! a clean build makes (the folder's manifest sees these files changed and
//! makes them again).
//!
//! Until then a previewed article keeps what only the whole corpus decides:
//! its address, its story, and a topic given by its story.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::article::{Article, SourceKind};
use crate::config::Config;
use crate::corpus::Corpus;
use crate::enrich::{Item, Keep, Stated, read_document};
use crate::entities::Matcher;
use crate::load::{Source, Stamp};
use crate::output::Sink;
use crate::site::Site;
use crate::topics::TopicMatcher;

/// The last successful build: its configuration (with the local address)
/// and its corpus.
pub struct LastBuild {
    pub config: Config,
    pub corpus: Corpus,
}

/// Makes the pages of the articles in the `changed` files again, into the
/// served folder `output`; returns the address path (`/…/`) of each page
/// made. `None` when the change is not one a preview can show: a file
/// added, removed or not an article, a template, the configuration, a file
/// that no longer reads (the rebuild reports why), or one whose number of
/// articles changed.
pub fn preview(
    last: &mut LastBuild,
    output: &Path,
    changed: &[PathBuf],
) -> Result<Option<Vec<String>>> {
    let LastBuild { config, corpus } = last;
    let mut edits: Vec<(usize, Article, Stated)> = Vec::new();
    for path in changed {
        let Some(source) = source_of(config, path) else {
            return Ok(None);
        };
        let earlier: Vec<usize> = (0..corpus.articles.len())
            .filter(|&i| corpus.articles[i].file == source.file)
            .collect();
        let Ok(items) =
            crate::load::read(&source).and_then(|doc| read_document(&doc, config, Keep::Pages))
        else {
            return Ok(None);
        };
        let mut read = Vec::new();
        for item in items {
            match item {
                Item::Article(article, stated) => read.push((*article, stated)),
                Item::Page(_) | Item::Draft(_) | Item::Skipped(_) => return Ok(None),
            }
        }
        if read.is_empty() || read.len() != earlier.len() {
            return Ok(None);
        }
        edits.extend(earlier.into_iter().zip(read).map(|(i, (a, s))| (i, a, s)));
    }
    if edits.is_empty() {
        return Ok(None);
    }

    let _lock = crate::output::BuildLock::take(output)?;
    let matcher = Matcher::new(&corpus.entities);
    let topic_matcher = TopicMatcher::new(&config.site.topics);
    let years = crate::dating::plausible_years(chrono::Utc::now().date_naive());
    let mut shown = Vec::with_capacity(edits.len());
    for (i, mut article, stated) in edits {
        crate::build::name_entities(&matcher, &mut article);
        article.candidates = Vec::new();
        article.topics = topic_matcher.classify_article(&article);
        crate::summarize::summarize_unless_stated(&mut article);
        let one = std::slice::from_ref(&stated);
        if stated.entities.is_some() {
            let articles = std::slice::from_mut(&mut article);
            crate::entities::apply_stated(articles, one, &mut corpus.entities);
        }
        if stated.topics.is_some() {
            let articles = std::slice::from_mut(&mut article);
            crate::topics::apply_stated(articles, one, &config.site.topics);
        }
        crate::dating::set_aside_implausible_date(&mut article, &years);
        article.forget_reading();
        let before = &corpus.articles[i];
        article.slug = before.slug.clone();
        article.story = before.story;
        if article.topics.is_empty() {
            article.topics = before.topics.clone();
        }
        corpus.articles[i] = article;
        shown.push(i);
    }

    let site = Site::new(corpus, config);
    let templates = crate::render::load_templates(
        &config.resolve(&config.site.templates_dir),
        &config.site.dates,
    )?;
    let sink = InPlaceFiles {
        folder: output.to_path_buf(),
    };
    let folders = crate::render::article_pages(&site, config, &templates, &sink, &shown)?;
    Ok(Some(
        folders
            .into_iter()
            .map(|dir| format!("{}{dir}", site.base))
            .collect(),
    ))
}

/// The input file at `path` (as the watch reports it: symbolic links
/// resolved), when it is an article file the build reads: a `.txt` under
/// the seeds folder or an `.md` under the content folder, not hidden.
fn source_of(config: &Config, path: &Path) -> Option<Source> {
    if !path.is_file() {
        return None;
    }
    let extension = path.extension()?.to_str()?;
    [
        (&config.site.seeds_dir, "txt", SourceKind::Raw),
        (&config.site.content_dir, "md", SourceKind::Markdown),
    ]
    .into_iter()
    .find_map(|(dir, ext, kind)| {
        let dir = config.resolve(dir);
        let inside = path.strip_prefix(dir.canonicalize().ok()?).ok()?;
        let hidden = inside
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        (extension == ext && !hidden).then(|| Source {
            path: path.to_path_buf(),
            file: crate::load::relative_name(&config.root, &dir.join(inside)),
            kind,
            stamp: Stamp::default(),
        })
    })
}

/// Writes each file straight into the served folder, through a temporary
/// file renamed over it, so that a request never reads half a page.
struct InPlaceFiles {
    folder: PathBuf,
}

impl Sink for InPlaceFiles {
    fn put_made(&self, path: &str, bytes: &[u8], _inputs: u64) -> Result<()> {
        let target = self.folder.join(crate::output::safe_relative(path)?);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("{}: cannot create folder", parent.display()))?;
        }
        let temporary = self.folder.join(format!(
            ".nashra-preview-{}.tmp",
            crate::cache::hash_bytes(path.as_bytes())
        ));
        std::fs::write(&temporary, bytes)
            .with_context(|| format!("{}: cannot write", temporary.display()))?;
        std::fs::rename(&temporary, &target)
            .with_context(|| format!("{}: cannot write", target.display()))
    }
}
