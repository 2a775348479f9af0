//! The pipeline, stage by stage: understand the corpus, then write the site.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use rayon::prelude::*;

use crate::analysis_cache::{AnalysisCache, FileAnalysis, KeptFile, Saving};
use crate::article::{Article, EntityKind};
use crate::config::Config;
use crate::corpus::Corpus;
use crate::enrich::{Item, Keep, Page, Stated, read_document};
use crate::entities::discover::{Memo as DiscoveryMemo, discover_remembering};
use crate::entities::{EntityList, Matcher};
use crate::load::Stamp;
use crate::output::Output;
use crate::site::Site;
use crate::slug::{SlugRegistry, slugify_words};
use crate::stories::{self, memo::Memo};
use crate::topics::TopicMatcher;

/// Reports each finished stage on standard error, for builds long enough
/// that a silent terminal would worry the editor.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub enabled: bool,
}

impl Progress {
    /// Stage lines when standard error is a terminal, unless `quiet`.
    pub fn for_terminal(quiet: bool) -> Progress {
        use std::io::IsTerminal;
        Progress {
            enabled: !quiet && std::io::stderr().is_terminal(),
        }
    }

    fn stage(&self, name: &str, took: Duration) {
        if self.enabled {
            match resident_mb() {
                Some(mb) => eprintln!("  {name:<18} {:>8.2} s {mb:>7} MB", took.as_secs_f64()),
                None => eprintln!("  {name:<18} {:>8.2} s", took.as_secs_f64()),
            }
        }
    }
}

/// Resident memory of this process in MB, where the system tells it
/// (Linux's `/proc`); shown beside each stage so that an editor sees what a
/// large archive costs.
fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// Runs every stage up to (not including) laying out pages, keeping
/// everything `nashra inspect` shows (removed debris included).
pub fn understand(config: &Config) -> Result<Corpus> {
    understand_with(config, Progress::default())
}

/// One input file, read (or found in the analysis cache).
struct ReadFile {
    file: String,
    hash: u64,
    /// Its settled stamp (see [`Stamp::settled_before`]), or the default.
    stamp: Stamp,
    /// True when the analysis came from the cache.
    reused: bool,
    content: FileAnalysis,
}

/// Where one input file's articles, pages and drafts sit in the corpus.
struct FileSpan {
    file: String,
    hash: u64,
    stamp: Stamp,
    reused: bool,
    articles: Range<usize>,
    pages: Range<usize>,
    drafts: Range<usize>,
    skipped: Vec<String>,
}

/// [`understand`], reporting stages to `progress`.
pub fn understand_with(config: &Config, progress: Progress) -> Result<Corpus> {
    understand_keeping(config, progress, Keep::Debris, None)
}

/// [`understand_with`], keeping of each article what `keep` asks beyond
/// what its pages show, and reusing what the analysis cache beside the page
/// manifest `cache_at` holds of files that did not change since the last
/// build (then saving this build's).
fn understand_keeping(
    config: &Config,
    progress: Progress,
    keep: Keep,
    cache_at: Option<&Path>,
) -> Result<Corpus> {
    let mut timings = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |name: &'static str, timings: &mut Vec<(&'static str, Duration)>| {
        let took = clock.elapsed();
        progress.stage(name, took);
        timings.push((name, took));
        clock = Instant::now();
    };

    let started = std::time::SystemTime::now();
    // Hashing the program reads its whole file: done on an idle worker
    // while the input folders are walked.
    rayon::spawn(|| {
        crate::cache::program_hash();
    });
    let crate::load::Found { sources, left_out } = crate::load::discover(config)?;
    let cache = cache_at.map(|manifest| AnalysisCache::open(manifest, config));
    lap("load", &mut timings);

    let names: Vec<&str> = sources.iter().map(|s| s.file.as_str()).collect();
    // Articles are moved into the corpus as each few shards are read, then
    // put in the order of their files.
    let mut articles = Vec::with_capacity(sources.len());
    let mut stated = Vec::with_capacity(sources.len());
    let mut fresh = Vec::with_capacity(sources.len());
    let mut pages = Vec::new();
    let mut drafts = Vec::new();
    let mut files: Vec<(usize, FileSpan)> = Vec::with_capacity(sources.len());
    let take = |i: usize, r: ReadFile| {
        let (a, p, d) = (articles.len(), pages.len(), drafts.len());
        for (article, s) in r.content.articles {
            articles.push(article);
            stated.push(s);
            fresh.push(!r.reused);
        }
        pages.extend(r.content.pages);
        drafts.extend(r.content.drafts);
        let span = FileSpan {
            file: r.file,
            hash: r.hash,
            stamp: r.stamp,
            reused: r.reused,
            articles: a..articles.len(),
            pages: p..pages.len(),
            drafts: d..drafts.len(),
            skipped: r.content.skipped,
        };
        files.push((i, span));
    };
    let read = |i: usize, shard: Option<&crate::analysis_cache::Shard>| {
        let source = &sources[i];
        // The next build may trust this stamp only if the file had
        // settled before this one began.
        let stamp = if source.stamp.settled_before(started) {
            source.stamp
        } else {
            Stamp::default()
        };
        if let Some((hash, content)) = shard.and_then(|s| s.get_unread(&source.file, &stamp)) {
            return Ok(ReadFile {
                file: source.file.clone(),
                hash,
                stamp,
                reused: true,
                content,
            });
        }
        let doc = crate::load::read(source)?;
        let hash = doc.hash;
        if let Some(content) = shard.and_then(|s| s.get(&doc.file, hash)) {
            return Ok(ReadFile {
                file: doc.file,
                hash,
                stamp,
                reused: true,
                content,
            });
        }
        let mut content = FileAnalysis::default();
        for item in read_document(&doc, config, keep)? {
            match item {
                Item::Article(article, s) => content.articles.push((*article, s)),
                Item::Page(page) => content.pages.push(page),
                Item::Draft(file) => content.drafts.push(file),
                Item::Skipped(warning) => content.skipped.push(warning),
            }
        }
        Ok(ReadFile {
            file: doc.file,
            hash,
            stamp,
            reused: false,
            content,
        })
    };
    AnalysisCache::read_each(cache.as_ref(), &names, read, take)?;
    files.sort_unstable_by_key(|(i, _)| *i);
    let mut files: Vec<FileSpan> = files.into_iter().map(|(_, span)| span).collect();
    let article_order: Vec<usize> = files.iter().flat_map(|f| f.articles.clone()).collect();
    let page_order: Vec<usize> = files.iter().flat_map(|f| f.pages.clone()).collect();
    let draft_order: Vec<usize> = files.iter().flat_map(|f| f.drafts.clone()).collect();
    let mut articles = reordered(articles, &article_order);
    let stated = reordered(stated, &article_order);
    let fresh = reordered(fresh, &article_order);
    let pages = reordered(pages, &page_order);
    let drafts = reordered(drafts, &draft_order);
    let (mut a, mut p, mut d) = (0, 0, 0);
    for f in &mut files {
        let (na, np, nd) = (f.articles.len(), f.pages.len(), f.drafts.len());
        (f.articles, f.pages, f.drafts) = (a..a + na, p..p + np, d..d + nd);
        (a, p, d) = (a + na, p + np, d + nd);
    }
    assign_slugs(&mut articles, &stated, &pages)?;
    lap("read+clean+enrich", &mut timings);

    // Entities, topics and summaries depend on the article alone; articles
    // from the cache already have them. What front matter states is applied
    // after the cache is saved, so the cache holds what the text says.
    let site_list = config.site.entities.as_ref().map(|p| config.resolve(p));
    let mut entities = EntityList::load(site_list.as_deref())?;
    let matcher = Matcher::new(&entities);
    for_fresh(&mut articles, &fresh, |a| name_entities(&matcher, a));
    lap("entities", &mut timings);

    let topic_matcher = TopicMatcher::new(&config.site.topics);
    for_fresh(&mut articles, &fresh, |a| {
        a.topics = topic_matcher.classify_article(a)
    });
    lap("topics", &mut timings);

    // Article summaries come first: a single-article story reuses its own.
    for_fresh(
        &mut articles,
        &fresh,
        crate::summarize::summarize_unless_stated,
    );
    lap("summaries", &mut timings);

    if let Some(cache) = &cache {
        let saving: Vec<Saving> = files
            .iter()
            .map(|f| Saving {
                file: &f.file,
                hash: f.hash,
                stamp: f.stamp,
                reused: f.reused,
            })
            .collect();
        cache.save(&saving, |i| {
            let f = &files[i];
            crate::analysis_cache::encode(
                &articles[f.articles.clone()],
                &stated[f.articles.clone()],
                &pages[f.pages.clone()],
                &drafts[f.drafts.clone()],
                &f.skipped,
            )
        })?;
    }
    let story_memo = cache.as_ref().map(|c| c.kept_file("stories"));
    let discovery_memo = cache.map(|c| c.kept_file("discovery"));
    lap("cache", &mut timings);

    // Names the corpus introduces join the list; they depend on every
    // article, so they are found again at each build, after the cache,
    // reusing what the last build worked out of texts that did not change.
    let previous: DiscoveryMemo = discovery_memo
        .as_ref()
        .map(KeptFile::load)
        .unwrap_or_default();
    let next = discover_remembering(&mut articles, &mut entities, &previous);
    if let Some(file) = &discovery_memo
        && next != previous
    {
        file.save(&next)?;
    }
    // Both memos hold a reading of every article: freed on an idle worker.
    rayon::spawn(move || drop((previous, next)));
    // Candidate names served discovery; only `nashra inspect` and `entities
    // suggest` read them again.
    if matches!(keep, Keep::Pages) {
        articles
            .par_iter_mut()
            .for_each(|a| a.candidates = Vec::new());
    }
    lap("discovery", &mut timings);

    crate::entities::apply_stated(&mut articles, &stated, &mut entities);
    let topics = crate::topics::apply_stated(&mut articles, &stated, &config.site.topics);
    let years = crate::dating::plausible_years(chrono::Utc::now().date_naive());
    let set_aside: Vec<bool> = articles
        .iter_mut()
        .map(|a| crate::dating::set_aside_implausible_date(a, &years))
        .collect();
    lap("front matter", &mut timings);

    let previous: Memo = story_memo.as_ref().map(KeptFile::load).unwrap_or_default();
    let places: HashSet<&str> = entities
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| e.slug.as_str())
        .collect();
    let (stories, next) =
        stories::run_remembering(&mut articles, &config.site.stories, &previous, &|slug| {
            places.contains(slug)
        });
    drop(places);
    if let Some(file) = &story_memo
        && next != previous
    {
        file.save(&next)?;
    }
    drop((previous, next));
    crate::topics::fill_uncovered(&mut articles, &stories);
    for (a, _) in articles
        .iter_mut()
        .zip(set_aside)
        .filter(|(a, set_aside)| a.published.is_none() && !set_aside)
    {
        a.warnings
            .push("no publication date found; published as undated".into());
    }
    lap("stories", &mut timings);
    let threads = crate::threads::link(&stories, &articles);
    lap("threads", &mut timings);

    Ok(Corpus {
        articles,
        pages,
        stories,
        threads,
        entities,
        topics,
        drafts,
        skipped: left_out
            .into_iter()
            .chain(files.iter().flat_map(|f| f.skipped.clone()))
            .collect(),
        input_files: files.len(),
        reused_files: files.iter().filter(|f| f.reused).count(),
        timings,
    })
}

/// Finds the listed entities `article` names, the quotes it carries and the
/// names it may introduce (read by discovery).
pub(crate) fn name_entities(matcher: &Matcher, article: &mut Article) {
    let found = matcher.analyse_article(article);
    article.entities = found.mentions;
    article.quotes = found.quotes;
    article.candidates = found.candidates;
}

/// `items` in the order `order` gives: `order[k]` is the index of the item
/// that goes at `k` (each index once).
fn reordered<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .map(|&i| slots[i].take().expect("each item is placed once"))
        .collect()
}

/// Runs `f` on every article marked fresh, in parallel.
fn for_fresh(articles: &mut [Article], fresh: &[bool], f: impl Fn(&mut Article) + Sync) {
    articles
        .par_iter_mut()
        .zip(fresh)
        .filter(|(_, fresh)| **fresh)
        .for_each(|(a, _)| f(a));
}

/// Gives every article a unique slug: stated slugs first (two files stating
/// the same slug is an error), then slugs from titles in input order.
fn assign_slugs(articles: &mut [Article], stated: &[Stated], pages: &[Page]) -> Result<()> {
    let mut registry = SlugRegistry::default();
    let mut owners: BTreeMap<String, String> = BTreeMap::new();
    for page in pages {
        if let Some(other) = owners.insert(page.slug.clone(), page.file.clone()) {
            bail!(
                "{}: slug `{}` is already used by {}",
                page.file,
                page.slug,
                other
            );
        }
        registry.reserve(&page.slug);
    }
    for reserved in crate::slug::RESERVED_SLUGS {
        registry.reserve(reserved);
    }
    for (article, s) in articles.iter_mut().zip(stated) {
        if let Some(slug) = &s.slug {
            if let Some(other) = owners.insert(slug.clone(), article.file.clone()) {
                bail!(
                    "{}: slug `{}` is already used by {}",
                    article.file,
                    slug,
                    other
                );
            }
            registry.reserve(slug);
            article.slug = slug.clone();
        }
    }
    // Transliterated in parallel, claimed in order.
    let wanted: Vec<Option<(String, String)>> = articles
        .par_iter()
        .map(|a| {
            a.slug.is_empty().then(|| {
                (
                    slugify_words(&a.title, 6),
                    crate::enrich::file_stem_slug(&a.file),
                )
            })
        })
        .collect();
    for (article, wanted) in articles.iter_mut().zip(wanted) {
        if let Some((wanted, fallback)) = wanted {
            article.slug = registry.claim(&wanted, &fallback);
        }
    }
    Ok(())
}

/// What a finished build reports.
#[derive(Debug, Clone)]
pub struct Report {
    pub articles: usize,
    pub undated: usize,
    pub stories: usize,
    pub pages: usize,
    /// Files the site holds, and their total size.
    pub files: usize,
    pub bytes: u64,
    /// Files this build wrote, and files it deleted.
    pub rewritten: usize,
    pub removed: usize,
    /// Files found deleted or changed in the output since the last build,
    /// and repaired.
    pub repaired: usize,
    /// True when the last build's output was updated in place.
    pub incremental: bool,
    /// Input files read, and how many kept their cached analysis.
    pub input_files: usize,
    pub reused_files: usize,
    pub feeds: usize,
    pub warnings: Vec<String>,
    pub drafts: usize,
    pub output: PathBuf,
    pub timings: Vec<(&'static str, Duration)>,
    pub elapsed: Duration,
}

/// Builds the whole site into `output` (or the configured output folder).
/// The site appears all at once when the build succeeds; on failure the
/// previous site, if any, is left as it was.
pub fn build(config: &Config, output: Option<&Path>) -> Result<Report> {
    build_with(config, output, Progress::default())
}

/// [`build`], reporting stages to `progress`.
pub fn build_with(config: &Config, output: Option<&Path>, progress: Progress) -> Result<Report> {
    build_keeping_corpus(config, output, progress).map(|(report, corpus)| {
        // Freeing a large corpus takes tens of milliseconds that a caller
        // waiting to reload its pages (`serve`) need not wait for.
        rayon::spawn(move || drop(corpus));
        report
    })
}

/// The folder a build writes: `output`, or the configured one.
fn output_folder(config: &Config, output: Option<&Path>) -> PathBuf {
    output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| config.resolve(&config.site.output_dir))
}

/// True when a build into `output` (or the configured folder) will update
/// a site an earlier build wrote there, rather than write one afresh.
pub fn is_rebuild(config: &Config, output: Option<&Path>) -> bool {
    std::path::absolute(output_folder(config, output))
        .is_ok_and(|out| crate::cache::Manifest::path_for(&out).exists())
}

/// [`build_with`], handing back the corpus with the report: freeing every
/// article and story takes a noticeable moment at scale, and a program
/// that is about to exit need not spend it.
pub fn build_keeping_corpus(
    config: &Config,
    output: Option<&Path>,
    progress: Progress,
) -> Result<(Report, Corpus)> {
    let start = Instant::now();
    let out = output_folder(config, output);
    crate::output::check_placement(&out, &config.input_folders())?;
    // Held until the build returns: everything below writes beside or
    // into the output folder.
    let _lock = crate::output::BuildLock::take(&out)?;
    crate::output::recover(&out)?;
    let manifest = crate::cache::Manifest::path_for(&std::path::absolute(&out)?);
    // Pages do not show removed debris: only `nashra inspect` keeps it.
    let mut corpus = understand_keeping(config, progress, Keep::Pages, Some(&manifest))?;
    // Pages show blocks and summaries; the analysis text is done with.
    corpus
        .articles
        .par_iter_mut()
        .for_each(Article::forget_reading);
    let mut timings = corpus.timings.clone();
    let clock = Instant::now();

    // Templates and the previous build's manifest are read while the
    // site's listings are laid out.
    let (site, opened) = rayon::join(
        || Site::new(&corpus, config),
        || -> Result<_> {
            let templates = crate::render::load_templates(
                &config.resolve(&config.site.templates_dir),
                &config.site.dates,
            )?;
            let target = Output::open(&out, &config.root, templates.key)?;
            Ok((templates, target))
        },
    );
    let (templates, target) = opened?;
    let incremental = target.is_incremental();
    let sink = target.sink();
    // The search index is built from the corpus while the pages render;
    // its own time is reported too (as `search`, inside `render`), since
    // it is what `[search] enabled = false` saves.
    let (pages, search) = rayon::join(
        || crate::render::pages(&site, config, &templates, sink),
        || -> Result<Option<std::time::Duration>> {
            if !config.site.search.enabled {
                return Ok(None);
            }
            if config.site.search.keep_last_index && sink.keep_folder(crate::search::BUNDLE_DIR) {
                sink.keep(crate::search::SCRIPT_PATH);
                return Ok(None);
            }
            let clock = Instant::now();
            crate::search::write(&site, sink)?;
            Ok(Some(clock.elapsed()))
        },
    );
    let pages = pages?;
    if let Some(took) = search? {
        timings.push(("search", took));
    }
    // The sitemap is one template over every page: it is rendered while
    // the feeds are written rather than after them.
    let (feeds, crawler_files) = rayon::join(
        || crate::feeds::write_feeds(&site, config, sink),
        || crate::render::write_sitemap(pages.sitemap, config, &templates, sink),
    );
    let (feeds, _) = (feeds?, crawler_files?);
    let static_dir = config.resolve(&config.site.static_dir);
    crate::output::copy_tree(sink, &static_dir, "static")?;
    for (name, bytes) in crate::render::DEFAULT_STATIC {
        if !static_dir.join(name).is_file() {
            sink.put(&format!("static/{name}"), bytes.as_bytes())?;
        }
    }
    timings.push(("render", clock.elapsed()));
    progress.stage("render", clock.elapsed());
    let clock = Instant::now();
    let (written, ()) = rayon::join(|| target.commit(), move || drop(site));
    let written = written?;
    timings.push(("write", clock.elapsed()));
    progress.stage("write", clock.elapsed());

    let report = Report {
        articles: corpus.articles.len(),
        undated: corpus
            .articles
            .iter()
            .filter(|a| a.published.is_none())
            .count(),
        stories: corpus.stories.len(),
        pages: pages.html_pages,
        files: written.files,
        bytes: written.bytes,
        rewritten: written.rewritten,
        removed: written.removed,
        repaired: written.repaired,
        incremental,
        input_files: corpus.input_files,
        reused_files: corpus.reused_files,
        feeds,
        warnings: config
            .warnings
            .iter()
            .cloned()
            .chain(corpus.warnings())
            .collect(),
        drafts: corpus.drafts.len(),
        output: out,
        timings,
        elapsed: start.elapsed(),
    };
    Ok((report, corpus))
}

impl Report {
    /// The report as `nashra build --json` prints it.
    pub fn to_json(&self) -> serde_json::Value {
        let stages: Vec<(&str, f64)> = self
            .timings
            .iter()
            .map(|(name, took)| (*name, took.as_secs_f64()))
            .collect();
        serde_json::json!({
            "articles": self.articles,
            "undated": self.undated,
            "drafts": self.drafts,
            "stories": self.stories,
            "pages": self.pages,
            "feeds": self.feeds,
            "files": self.files,
            "bytes": self.bytes,
            "rewritten": self.rewritten,
            "removed": self.removed,
            "repaired": self.repaired,
            "incremental": self.incremental,
            "input_files": self.input_files,
            "reused_files": self.reused_files,
            "warnings": self.warnings,
            "output": self.output,
            "elapsed": self.elapsed.as_secs_f64(),
            "stages": stages,
        })
    }
}
