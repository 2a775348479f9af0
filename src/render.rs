//! Rendering: every page of the [`Site`] through its Tera template, and the
//! sitemap, handed to a [`Sink`] as soon as each is ready.
//!
//! Pages render in parallel and are written as they come, so memory stays
//! flat however many articles the site holds. Article and story cards,
//! which many pages repeat, are rendered once beforehand (`cards`).

mod cards;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use std::sync::Mutex;

use anyhow::{Context as _, Result, anyhow};
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::article::{BlockKind, BlockRef, Prominence};
use crate::cache::Fingerprint;
use crate::config::Config;
use crate::output::Sink;
use crate::site::{ArticleCard, Counted, Day, Link, Site, StoryCard, kind_heading};
use cards::{CardMaker, Cards};

/// The loaded templates and the key every page fingerprint starts from.
pub struct Templates {
    tera: Tera,
    /// Hash of nashra's version and every template's source: when it
    /// changes, every page must be made again.
    pub key: u64,
}

/// The templates nashra ships; a site's `templates/` folder overrides any of
/// them by file name.
const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    (
        "article_card.html",
        include_str!("../templates/article_card.html"),
    ),
    (
        "story_card.html",
        include_str!("../templates/story_card.html"),
    ),
    ("index.html", include_str!("../templates/index.html")),
    ("day.html", include_str!("../templates/day.html")),
    ("week.html", include_str!("../templates/week.html")),
    ("story.html", include_str!("../templates/story.html")),
    ("article.html", include_str!("../templates/article.html")),
    ("list.html", include_str!("../templates/list.html")),
    ("terms.html", include_str!("../templates/terms.html")),
    ("archive.html", include_str!("../templates/archive.html")),
    ("page.html", include_str!("../templates/page.html")),
    ("404.html", include_str!("../templates/404.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("sitemap.xml", include_str!("../templates/sitemap.xml")),
];

/// The stylesheet nashra ships, used when the site has no `static/style.css`.
pub const DEFAULT_STYLESHEET: &str = include_str!("../static/style.css");

/// The most URLs one sitemap file may list (sitemaps.org protocol).
const SITEMAP_LIMIT: usize = 50_000;

/// Loads the built-in templates, overridden by those in `dir`. Every
/// template autoescapes (`.html` and `.xml`), so text from articles can never
/// inject markup.
pub fn load_templates(dir: &Path) -> Result<Templates> {
    let mut sources: Vec<(String, String)> = DEFAULT_TEMPLATES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry =
                entry.with_context(|| format!("{}: cannot list templates", dir.display()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            if name.starts_with('.') {
                continue;
            }
            let text = crate::load::read_utf8(entry.path())?;
            match sources.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => sources.push((name, text)),
            }
        }
    }
    let mut hasher = crate::cache::Hasher::new();
    hasher.update(&crate::cache::program_hash().to_le_bytes());
    for (name, text) in &sources {
        hasher.update(name.as_bytes());
        hasher.update(&[0]);
        hasher.update(text.as_bytes());
        hasher.update(&[0]);
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    tera.set_escape_fn(escape_html);
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| anyhow!("{}: {}", dir.display(), error_chain(&e)))?;
    Ok(Templates {
        tera,
        key: hasher.finish(),
    })
}

/// Escapes the five characters that can break out of HTML text or a quoted
/// attribute. Tera's default also escapes `/`, which bloats every URL
/// without making anything safer inside quoted attributes.
pub fn escape_html(input: &str) -> String {
    let mut specials = arabic::scan::Positions::new(input.as_bytes(), b"&<>\"'");
    // Most text (Arabic prose, URLs) has nothing to escape: copy it whole.
    let Some(first) = specials.next() else {
        return input.to_string();
    };
    let mut out = String::with_capacity(input.len() + 16);
    let mut start = 0;
    for i in std::iter::once(first).chain(specials) {
        let entity = match input.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        };
        out.push_str(&input[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&input[start..]);
    out
}

/// Tera's error and its causes on one line: the cause holds the line number.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}

/// Site-wide values every template sees as `site`.
#[derive(Serialize)]
struct SiteInfo<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base: &'a str,
    base_url: String,
    rss_url: String,
    atom_url: String,
    briefings_url: String,
    pages: Vec<Link>,
    /// Whether the header shows the search box ([`crate::search`]).
    search: bool,
}

/// One page to render.
#[derive(Debug, Clone, Copy)]
enum Job {
    Index,
    Article(usize),
    Story(usize),
    Day(usize),
    Week(usize),
    Topic(usize, usize),
    Entity(usize, usize),
    Source(usize, usize),
    Undated(usize),
    TopicIndex,
    EntityIndex,
    SourceIndex,
    Archive,
    ArchiveYear(usize),
    Page(usize),
    NotFound,
    Search,
}

/// The pages rendered, and what the sitemap lists of them.
#[derive(Debug, Default, Clone)]
pub struct Pages {
    /// How many HTML pages the site has.
    pub html_pages: usize,
    /// Each page's folder and last modification day (empty when unknown).
    pub sitemap: Vec<(String, String)>,
}

/// Renders every page of the site into `sink`.
/// A page whose data is unchanged since the last build is not rendered at
/// all: the sink keeps the file it already has.
pub fn pages(
    site: &Site,
    config: &Config,
    templates: &Templates,
    sink: &dyn Sink,
) -> Result<Pages> {
    let renderer = Renderer::new(site, config, &templates.tera)?;
    let seed = crate::cache::fingerprint_of(
        templates.key,
        "site",
        &renderer.base_context.clone().into_json(),
    );
    let jobs = renderer.jobs();
    let sitemap: Mutex<Vec<(String, String)>> = Mutex::new(Vec::with_capacity(jobs.len()));
    // One page buffer per worker, reused: pages are written from it as
    // bytes, never grown from empty or checked again as UTF-8.
    let worker = || {
        (
            Vec::with_capacity(PAGE_BUFFER),
            Vec::with_capacity(PAGE_BUFFER),
            CardMaker::new(&renderer.card_context),
        )
    };
    jobs.par_iter()
        .try_for_each_init(worker, |(html, data, maker), &job| -> Result<()> {
            // First the page's fingerprint, from its data with its cards and
            // bodies as keys: enough to tell whether it changed, and far
            // cheaper than the template's context and their HTML.
            let mut print = Fingerprint::new(data, seed);
            let (dir, template) = renderer.page(job, &mut Fill::Keys, &mut print)?;
            print.add("template", template);
            let inputs = print.finish();
            let path = if matches!(job, Job::NotFound) {
                "404.html".to_string()
            } else {
                format!("{dir}index.html")
            };
            if sink.is_current(&path, inputs) {
                sink.keep(&path);
            } else {
                let mut ctx = renderer.base_context.clone();
                renderer.page(job, &mut Fill::Html(maker), &mut ctx)?;
                html.clear();
                render_into(renderer.tera, template, &ctx, html)?;
                sink.put_made(&path, html.as_slice(), inputs)?;
            }
            if !matches!(job, Job::NotFound) {
                let lastmod = match job {
                    Job::Article(i) => site.cards[i].date_iso.clone(),
                    Job::Day(d) => site.days[d].iso.clone(),
                    _ => String::new(),
                };
                sitemap
                    .lock()
                    .expect("no panics while holding the lock")
                    .push((dir, lastmod));
            }
            Ok(())
        })?;
    Ok(Pages {
        html_pages: jobs.len(),
        sitemap: sitemap
            .into_inner()
            .expect("no panics while holding the lock"),
    })
}

/// Writes the files crawlers read: the sitemap of `pages` (split into parts
/// and an index past the protocol's limit) and `robots.txt` pointing at it.
/// Returns how many files that made.
pub fn write_sitemap(
    mut pages: Vec<(String, String)>,
    config: &Config,
    templates: &Templates,
    sink: &dyn Sink,
) -> Result<usize> {
    #[derive(Serialize)]
    struct Entry {
        loc: String,
        lastmod: String,
    }
    pages.par_sort_unstable();
    let base_url = config.base_url();
    let render = |ctx: &Context| {
        templates
            .tera
            .render("sitemap.xml", ctx)
            .map_err(|e| anyhow!("templates/sitemap.xml: {}", error_chain(&e)))
    };
    let part = |chunk: &[(String, String)]| -> Result<String> {
        let mut ctx = Context::new();
        ctx.insert("index", &false);
        let list: Vec<Entry> = chunk
            .iter()
            .map(|(dir, lastmod)| Entry {
                loc: format!("{base_url}{dir}"),
                lastmod: lastmod.clone(),
            })
            .collect();
        ctx.insert("entries", &list);
        render(&ctx)
    };
    let chunks: Vec<&[(String, String)]> = pages.chunks(SITEMAP_LIMIT).collect();
    let files = if chunks.len() <= 1 {
        sink.put(
            "sitemap.xml",
            part(chunks.first().copied().unwrap_or(&[]))?.as_bytes(),
        )?;
        1
    } else {
        let parts = chunks
            .par_iter()
            .enumerate()
            .map(|(n, chunk)| {
                let name = format!("sitemap-{}.xml", n + 1);
                sink.put(&name, part(chunk)?.as_bytes())?;
                Ok(format!("{base_url}{name}"))
            })
            .collect::<Result<Vec<String>>>()?;
        let mut ctx = Context::new();
        ctx.insert("index", &true);
        ctx.insert("parts", &parts);
        sink.put("sitemap.xml", render(&ctx)?.as_bytes())?;
        parts.len() + 1
    };
    let robots = format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n");
    sink.put("robots.txt", robots.as_bytes())?;
    Ok(files + 1)
}

/// Where a page's data goes: into its template's context, or into the
/// fingerprint that tells whether the page changed. The page is described
/// once, for both.
trait PageData {
    fn insert<T: Serialize + ?Sized>(&mut self, key: &str, value: &T);
}

impl PageData for Context {
    fn insert<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        Context::insert(self, key, value);
    }
}

impl PageData for Fingerprint<'_> {
    fn insert<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.add(key, value);
    }
}

/// How a page's cards and bodies enter its context: as keys that identify
/// them, to tell whether the page changed, or as their HTML, to write it
/// (cards with notes are made with the worker's maker).
enum Fill<'m> {
    Keys,
    Html(&'m mut CardMaker),
}

/// Room for a typical page, so that rendering seldom grows the buffer.
const PAGE_BUFFER: usize = 64 * 1024;

/// Renders `template` into `out`, naming the template in errors.
fn render_into(tera: &Tera, template: &str, ctx: &Context, out: &mut Vec<u8>) -> Result<()> {
    tera.render_to(template, ctx, out)
        .map_err(|e| anyhow!("templates/{template}: {}", error_chain(&e)))
}

#[derive(Serialize)]
struct Pager {
    current: usize,
    total: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
}

/// A topic's stories in a briefing, as their rendered cards.
#[derive(Serialize)]
struct GroupView<'a> {
    topic: &'a Link,
    cards: Vec<Cow<'a, str>>,
}

#[derive(Serialize)]
struct DayPreview<'a> {
    title: &'a str,
    url: &'a str,
    stories: Vec<StoryRef<'a>>,
}

#[derive(Serialize)]
struct DayLink<'a> {
    title: &'a str,
    url: &'a str,
    article_count: usize,
    count_label: &'a str,
}

#[derive(Serialize)]
struct TermGroup<'a> {
    heading: &'a str,
    terms: Vec<Counted>,
}

#[derive(Serialize)]
struct MonthView<'a> {
    title: String,
    days: Vec<DayLink<'a>>,
}

#[derive(Serialize)]
struct TimelineItem<'a> {
    card: ArticleRef<'a>,
    also: Vec<Link>,
}

/// A block of an article's text as its page shows it. `heading` tells the
/// template which element to use: comparing `kind` with a string made Tera
/// copy both strings for each of an article's 20-odd blocks.
#[derive(Serialize)]
struct BlockView<'a> {
    kind: BlockKind,
    heading: bool,
    text: &'a str,
}

impl<'a> BlockView<'a> {
    fn of(block: BlockRef<'a>) -> Self {
        BlockView {
            kind: block.kind,
            heading: block.kind == BlockKind::Heading,
            text: block.text,
        }
    }
}

/// What a page shows of an article it links to, without its summary.
#[derive(Serialize)]
struct ArticleRef<'a> {
    url: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    date: &'a str,
    date_iso: &'a str,
}

impl<'a> ArticleRef<'a> {
    fn of(card: &'a ArticleCard) -> Self {
        ArticleRef {
            url: &card.url,
            title: card.title,
            source: card.source,
            date: &card.date,
            date_iso: &card.date_iso,
        }
    }
}

/// What an article page shows of its story: a link, not the card.
#[derive(Serialize)]
struct StoryRef<'a> {
    url: &'a str,
    headline: &'a str,
    article_count: usize,
    count_label: &'a str,
}

impl<'a> StoryRef<'a> {
    fn of(card: &'a StoryCard) -> Self {
        StoryRef {
            url: &card.url,
            headline: card.headline,
            article_count: card.article_count,
            count_label: &card.count_label,
        }
    }
}

#[derive(Serialize)]
struct EntityLink {
    link: Link,
    main: bool,
}

#[derive(Serialize)]
struct Version<'a> {
    url: &'a str,
    title: &'a str,
    source: Option<&'a str>,
}

struct Renderer<'s, 'a> {
    site: &'s Site<'a>,
    config: &'s Config,
    tera: &'s Tera,
    /// What every page's context starts from: `site` and its shortcuts.
    base_context: Context,
    /// What every card's context starts from: `site` alone. Cards print no
    /// page frame, and more names in a context make Tera compare more keys
    /// in each of a card's lookups.
    card_context: Context,
    cards: Cards,
    page_size: usize,
}

impl<'s, 'a> Renderer<'s, 'a> {
    fn new(site: &'s Site<'a>, config: &'s Config, tera: &'s Tera) -> Result<Self> {
        let base_url = config.base_url();
        let info = SiteInfo {
            title: &config.site.title,
            description: &config.site.description,
            language: &config.site.language,
            base: &site.base,
            rss_url: format!("{}rss.xml", site.base),
            atom_url: format!("{}atom.xml", site.base),
            briefings_url: format!("{}briefings.xml", site.base),
            base_url,
            search: config.site.search.enabled,
            pages: site
                .corpus
                .pages
                .iter()
                .map(|p| Link {
                    url: format!("{}{}/", site.base, p.slug),
                    name: p.title.clone(),
                })
                .collect(),
        };
        let mut card_context = Context::new();
        card_context.insert("site", &info);
        let mut base_context = card_context.clone();
        insert_site_shortcuts(&mut base_context, &info);
        let cards = Cards::new(site);
        Ok(Renderer {
            site,
            config,
            tera,
            base_context,
            card_context,
            cards,
            page_size: config.site.page_size,
        })
    }

    fn pages_of(&self, n: usize) -> usize {
        n.div_ceil(self.page_size).max(1)
    }

    fn jobs(&self) -> Vec<Job> {
        let s = self.site;
        let mut jobs = vec![
            Job::Index,
            Job::TopicIndex,
            Job::EntityIndex,
            Job::SourceIndex,
            Job::Archive,
            Job::NotFound,
        ];
        jobs.extend((0..s.corpus.articles.len()).map(Job::Article));
        jobs.extend((0..s.story_cards.len()).map(Job::Story));
        jobs.extend((0..s.days.len()).map(Job::Day));
        jobs.extend((0..s.weeks.len()).map(Job::Week));
        for (i, t) in s.topics.iter().enumerate() {
            jobs.extend((1..=self.pages_of(t.articles.len())).map(|p| Job::Topic(i, p)));
        }
        for (i, t) in s.entities.iter().enumerate() {
            jobs.extend((1..=self.pages_of(t.articles.len())).map(|p| Job::Entity(i, p)));
        }
        for (i, t) in s.sources.iter().enumerate() {
            jobs.extend((1..=self.pages_of(t.articles.len())).map(|p| Job::Source(i, p)));
        }
        if !s.undated.is_empty() {
            jobs.extend((1..=self.pages_of(s.undated.len())).map(Job::Undated));
        }
        jobs.extend((0..s.years().len()).map(Job::ArchiveYear));
        jobs.extend((0..s.corpus.pages.len()).map(Job::Page));
        if self.config.site.search.enabled {
            jobs.push(Job::Search);
        }
        jobs
    }

    /// Puts a page's data into `ctx` and returns its folder (relative to the
    /// output root, ending in `/` unless it is the root) and template.
    /// Cards and Markdown bodies go in as `fill` says: as their keys, or as
    /// their HTML ([`Renderer::costly_parts`]).
    fn page(
        &self,
        job: Job,
        fill: &mut Fill,
        ctx: &mut impl PageData,
    ) -> Result<(String, &'static str)> {
        let s = self.site;
        let (dir, template, title) = match job {
            Job::Index => {
                self.index(ctx);
                (String::new(), "index.html", String::new())
            }
            Job::Article(i) => {
                self.article(i, ctx)?;
                (
                    format!("articles/{}/", s.article(i).slug),
                    "article.html",
                    s.article(i).title.clone(),
                )
            }
            Job::Story(i) => {
                self.story(i, ctx);
                let id = &s.corpus.stories[i].id;
                (
                    format!("stories/{id}/"),
                    "story.html",
                    s.story_cards[i].headline.to_string(),
                )
            }
            Job::Day(d) => {
                self.day(d, ctx);
                (
                    format!("days/{}/", s.days[d].iso),
                    "day.html",
                    format!("موجز {}", s.days[d].title),
                )
            }
            Job::Week(w) => {
                let week = &s.weeks[w];
                ctx.insert("week", week);
                ctx.insert(
                    "days",
                    &week
                        .days
                        .iter()
                        .map(|&d| day_link(&s.days[d]))
                        .collect::<Vec<_>>(),
                );
                (
                    format!("weeks/{}/", week.key),
                    "week.html",
                    format!("أبرز قصص {}", week.title),
                )
            }
            Job::Topic(t, page) => {
                let term = &s.topics[t];
                let dir = format!("topics/{}/", term.slug);
                self.listing(
                    ctx,
                    &term.name,
                    &term.description,
                    term.articles.len(),
                    &dir,
                    page,
                );
                (paged(&dir, page), "list.html", term.name.clone())
            }
            Job::Entity(e, page) => {
                let term = &s.entities[e];
                let info = &s.entity_info[e];
                let dir = format!("entities/{}/", term.slug);
                ctx.insert("entity", info);
                ctx.insert("feed_url", &info.feed_url);
                self.listing(
                    ctx,
                    &term.name,
                    &term.description,
                    term.articles.len(),
                    &dir,
                    page,
                );
                (paged(&dir, page), "list.html", term.name.clone())
            }
            Job::Source(i, page) => {
                let term = &s.sources[i];
                let dir = format!("sources/{}/", term.slug);
                let heading = format!("مقالات {}", term.name);
                self.listing(ctx, &heading, "", term.articles.len(), &dir, page);
                (paged(&dir, page), "list.html", heading)
            }
            Job::Undated(page) => {
                let heading = "مقالات بلا تاريخ نشر معروف";
                let note =
                    "لم يُعثر في هذه المقالات على تاريخ نشر موثوق؛ يمكن للمحرر إضافته في الترويسة.";
                self.listing(ctx, heading, note, s.undated.len(), "undated/", page);
                (paged("undated/", page), "list.html", heading.to_string())
            }
            Job::TopicIndex => {
                let terms = s
                    .topics
                    .iter()
                    .map(|t| counted(&t.url, &t.name, t.articles.len()))
                    .collect();
                ctx.insert("heading", "المواضيع");
                ctx.insert("groups", &[TermGroup { heading: "", terms }]);
                ("topics/".into(), "terms.html", "المواضيع".into())
            }
            Job::SourceIndex => {
                let mut terms: Vec<Counted> = s
                    .sources
                    .iter()
                    .map(|t| counted(&t.url, &t.name, t.articles.len()))
                    .collect();
                terms.sort_by(|a, b| b.count.cmp(&a.count).then(a.link.name.cmp(&b.link.name)));
                ctx.insert("heading", "المصادر");
                ctx.insert("groups", &[TermGroup { heading: "", terms }]);
                ("sources/".into(), "terms.html", "المصادر".into())
            }
            Job::EntityIndex => {
                ctx.insert("heading", "الأعلام");
                ctx.insert("groups", &self.entity_groups());
                ("entities/".into(), "terms.html", "الأعلام".into())
            }
            Job::Archive => {
                self.archive(ctx, None);
                ("archive/".into(), "archive.html", "الأرشيف".into())
            }
            Job::ArchiveYear(y) => {
                let year = self.archive(ctx, Some(y));
                (
                    format!("archive/{year}/"),
                    "archive.html",
                    format!("أرشيف {year}"),
                )
            }
            Job::Page(p) => {
                let page = &s.corpus.pages[p];
                ctx.insert("page", page);
                (format!("{}/", page.slug), "page.html", page.title.clone())
            }
            Job::NotFound => (String::new(), "404.html", "الصفحة غير موجودة".into()),
            Job::Search => ("search/".into(), "search.html", "البحث".into()),
        };
        ctx.insert("page_title", &title);
        ctx.insert("canonical", &format!("{}{}", self.config.base_url(), dir));
        // Last, so that a body's HTML takes the place of its key.
        self.costly_parts(job, fill, ctx)?;
        Ok((dir, template))
    }

    fn index(&self, ctx: &mut impl PageData) {
        let s = self.site;
        if !s.days.is_empty()
            && let Some(week) = s.weeks.last()
        {
            ctx.insert("latest_week", week);
        }
        let recent: Vec<DayPreview> = s
            .days
            .iter()
            .rev()
            .skip(1)
            .take(crate::site::RECENT_DAYS)
            .map(|d| DayPreview {
                title: &d.title,
                url: &d.url,
                stories: d
                    .stories
                    .iter()
                    .take(crate::site::RECENT_DAY_STORIES)
                    .map(|&i| StoryRef::of(&s.story_cards[i]))
                    .collect(),
            })
            .collect();
        ctx.insert("recent", &recent);
        let topics: Vec<Counted> = s
            .topics
            .iter()
            .filter(|t| !t.articles.is_empty())
            .map(|t| counted(&t.url, &t.name, t.articles.len()))
            .collect();
        ctx.insert("topics", &topics);
        ctx.insert("entities", &s.top_entities());
        ctx.insert("undated_count", &s.undated.len());
        ctx.insert("undated_label", &self.undated_label());
    }

    fn undated_label(&self) -> String {
        crate::site::count_label(
            self.site.undated.len(),
            &arabic::numbers::ARTICLE,
            &self.config.site.dates,
        )
    }

    fn groups<'d>(&'d self, day: &'d Day, fill: &Fill) -> Result<Vec<GroupView<'d>>> {
        day.groups
            .iter()
            .map(|g| {
                Ok(GroupView {
                    topic: &g.topic,
                    cards: g
                        .stories
                        .iter()
                        .map(|&i| self.story_card(i, fill))
                        .collect::<Result<_>>()?,
                })
            })
            .collect()
    }

    /// Story `i`'s card, as `fill` asks.
    fn story_card(&self, i: usize, fill: &Fill) -> Result<Cow<'_, str>> {
        Ok(match fill {
            Fill::Keys => Cow::Owned(self.cards.story_key(i)),
            Fill::Html(_) => {
                Cow::Borrowed(
                    self.cards
                        .story(i, self.site, self.tera, &self.card_context)?,
                )
            }
        })
    }

    /// Article `i`'s card with `note` in place of its summary (none when
    /// empty), as `fill` asks.
    fn article_card(&self, i: usize, note: &str, fill: &mut Fill) -> Result<Cow<'_, str>> {
        let Fill::Html(maker) = fill else {
            return Ok(Cow::Owned(self.cards.article_key(i, note)));
        };
        Ok(if note.is_empty() {
            Cow::Borrowed(self.cards.article(i, self.site, self.tera, maker)?)
        } else {
            // A note appears on this one page only: its card is made here.
            Cow::Owned(maker.article(self.tera, &self.site.cards[i], note)?)
        })
    }

    fn day(&self, d: usize, ctx: &mut impl PageData) {
        let s = self.site;
        let day = &s.days[d];
        ctx.insert("day", day);
        ctx.insert("prev", &d.checked_sub(1).map(|p| day_link(&s.days[p])));
        ctx.insert("next", &s.days.get(d + 1).map(day_link));
        let week = s.weeks.iter().find(|w| w.days.contains(&d));
        ctx.insert("week", &week);
    }

    fn article(&self, i: usize, ctx: &mut impl PageData) -> Result<()> {
        let s = self.site;
        let a = s.article(i);
        ctx.insert(
            "article",
            &ArticleView {
                title: &a.title,
                subtitle: a.subtitle.as_deref(),
                author: a.author.as_deref(),
                url: a.url.as_deref(),
            },
        );
        ctx.insert("card", &s.cards[i]);
        ctx.insert("description", &a.summary);
        match a.markdown_excerpt() {
            // Its key: the HTML is rendered from the file only when the
            // page is written (see `Renderer::costly_parts`).
            Some(excerpt) => ctx.insert(
                "body_html",
                &format!("markdown {:016x} {:?}", excerpt.hash, excerpt.range),
            ),
            None => ctx.insert(
                "blocks",
                &a.text_blocks().map(BlockView::of).collect::<Vec<_>>(),
            ),
        }
        ctx.insert("day", &s.article_day[i].map(|d| day_link(&s.days[d])));
        if let Some(story) = a.story {
            ctx.insert("story", &StoryRef::of(&s.story_cards[story]));
            let versions: Vec<Version> = s.corpus.stories[story]
                .articles
                .iter()
                .filter(|&&j| j != i)
                .take(crate::site::ARTICLE_VERSIONS)
                .map(|&j| Version {
                    url: &s.cards[j].url,
                    title: s.cards[j].title,
                    source: s.cards[j].source,
                })
                .collect();
            ctx.insert("versions", &versions);
        }
        let topics: Vec<Link> = s.topics_of(a).map(crate::site::link).collect();
        ctx.insert("topics", &topics);
        let mut entities: Vec<(bool, usize, EntityLink)> = a
            .entities
            .iter()
            .filter_map(|m| {
                let e = &s.entities[*s.entity_index.get(m.slug.as_str())?];
                let main = m.prominence == Prominence::Main;
                let link = Link {
                    url: format!("{}entities/{}/", s.base, m.slug),
                    name: e.name.clone(),
                };
                Some((main, m.count, EntityLink { link, main }))
            })
            .collect();
        entities.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.cmp(&a.1))
                .then(a.2.link.name.cmp(&b.2.link.name))
        });
        ctx.insert(
            "entities",
            &entities.into_iter().map(|e| e.2).collect::<Vec<_>>(),
        );
        Ok(())
    }

    fn story(&self, i: usize, ctx: &mut impl PageData) {
        let s = self.site;
        let story = &s.corpus.stories[i];
        ctx.insert("story", &s.story_cards[i]);
        let timeline: Vec<TimelineItem> = story
            .articles
            .iter()
            .map(|&a| {
                let also = story
                    .duplicates
                    .iter()
                    .find(|group| group.first() == Some(&a))
                    .map(|group| {
                        group[1..]
                            .iter()
                            .map(|&d| Link {
                                url: s.cards[d].url.clone(),
                                name: s.cards[d].source.unwrap_or(s.cards[d].title).to_string(),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                TimelineItem {
                    card: ArticleRef::of(&s.cards[a]),
                    also,
                }
            })
            .collect();
        ctx.insert("timeline", &timeline);
        let day = story
            .articles
            .iter()
            .find_map(|&a| s.article_day[a])
            .map(|d| day_link(&s.days[d]));
        ctx.insert("day", &day);
        ctx.insert(
            "description",
            &s.story_cards[i].summary.first().map_or("", |l| l.text),
        );
    }

    /// A paginated listing of `count` articles, without its cards.
    fn listing(
        &self,
        ctx: &mut impl PageData,
        heading: &str,
        description: &str,
        count: usize,
        dir: &str,
        page: usize,
    ) {
        let s = self.site;
        let total = self.pages_of(count);
        ctx.insert("heading", heading);
        ctx.insert("description", description);
        ctx.insert(
            "pager",
            &Pager {
                current: page,
                total,
                prev_url: (page > 1).then(|| format!("{}{}", s.base, paged(dir, page - 1))),
                next_url: (page < total).then(|| format!("{}{}", s.base, paged(dir, page + 1))),
            },
        );
    }

    /// Puts what a page shows that is costly to make into its context, as
    /// `fill` says: the day's or week's story cards, the latest briefing's
    /// on the home page, a listing page's article cards (an entity page's
    /// with the sentence naming the entity), a Markdown article's body
    /// (rendered from its file, so that no article's HTML is held for the
    /// whole build).
    fn costly_parts(&self, job: Job, fill: &mut Fill, ctx: &mut impl PageData) -> Result<()> {
        let s = self.site;
        let (articles, notes, page): (&[usize], Option<&Vec<Range<u32>>>, usize) = match job {
            Job::Index => {
                if let Some(last) = s.days.last() {
                    ctx.insert(
                        "latest",
                        &LatestDay {
                            title: &last.title,
                            url: &last.url,
                            groups: self.groups(last, fill)?,
                        },
                    );
                }
                return Ok(());
            }
            Job::Day(d) => {
                ctx.insert("groups", &self.groups(&s.days[d], fill)?);
                return Ok(());
            }
            Job::Week(w) => {
                let cards = s.weeks[w]
                    .stories
                    .iter()
                    .map(|&i| self.story_card(i, fill))
                    .collect::<Result<Vec<_>>>()?;
                ctx.insert("cards", &cards);
                return Ok(());
            }
            Job::Article(i) => {
                if let (Fill::Html(_), Some(excerpt)) = (&fill, s.article(i).markdown_excerpt()) {
                    let html = crate::markdown::to_html(&crate::load::read_excerpt(excerpt)?);
                    ctx.insert("body_html", &html);
                }
                return Ok(());
            }
            Job::Topic(t, page) => (&s.topics[t].articles, None, page),
            Job::Entity(e, page) => (
                &s.entities[e].articles,
                Some(&s.entity_info[e].sentences),
                page,
            ),
            Job::Source(i, page) => (&s.sources[i].articles, None, page),
            Job::Undated(page) => (&s.undated, None, page),
            _ => return Ok(()),
        };
        let start = (page - 1) * self.page_size;
        let end = (start + self.page_size).min(articles.len());
        let cards: Vec<Cow<str>> = (start..end)
            .map(|k| {
                let i = articles[k];
                let note = notes
                    .and_then(|n| n.get(k))
                    .map_or("", |span| s.article(i).titled_span(span.clone()));
                self.article_card(i, note, fill)
            })
            .collect::<Result<_>>()?;
        ctx.insert("cards", &cards);
        Ok(())
    }

    fn entity_groups(&self) -> Vec<TermGroup<'static>> {
        use crate::entities::EntityKind;
        let s = self.site;
        [
            EntityKind::Person,
            EntityKind::Place,
            EntityKind::Organisation,
            EntityKind::Other,
        ]
        .into_iter()
        .filter_map(|kind| {
            let mut terms: Vec<Counted> = s
                .entities
                .iter()
                .zip(&s.entity_info)
                .filter(|(_, info)| info.kind == kind)
                .map(|(t, info)| counted(&t.url, &t.name, info.mentions))
                .collect();
            terms.sort_by(|a, b| b.count.cmp(&a.count).then(a.link.name.cmp(&b.link.name)));
            (!terms.is_empty()).then(|| TermGroup {
                heading: kind_heading(kind),
                terms,
            })
        })
        .collect()
    }

    /// The archive: the newest year's months on `archive/`, each year on
    /// `archive/YYYY/`. Returns the year shown.
    fn archive(&self, ctx: &mut impl PageData, year: Option<usize>) -> i32 {
        let s = self.site;
        let years = s.years();
        let shown = year.unwrap_or(0);
        let year_links: Vec<Link> = years
            .iter()
            .map(|(y, _)| Link {
                url: format!("{}archive/{y}/", s.base),
                name: y.to_string(),
            })
            .collect();
        let mut months: Vec<MonthView> = Vec::new();
        let mut shown_year = 0;
        if let Some((y, days)) = years.get(shown) {
            shown_year = *y;
            for &d in days {
                let day = &s.days[d];
                let title = s.month_title(*y, chrono::Datelike::month(&day.date));
                match months.last_mut() {
                    Some(m) if m.title == title => m.days.push(day_link(day)),
                    _ => months.push(MonthView {
                        title,
                        days: vec![day_link(day)],
                    }),
                }
            }
        }
        let heading = match year {
            Some(_) => format!("أرشيف {shown_year}"),
            None => "الأرشيف".to_string(),
        };
        ctx.insert("heading", &heading);
        ctx.insert("years", &year_links);
        ctx.insert("months", &months);
        ctx.insert("undated_count", &s.undated.len());
        ctx.insert("undated_label", &self.undated_label());
        shown_year
    }
}

#[derive(Serialize)]
struct LatestDay<'d> {
    title: &'d str,
    url: &'d str,
    groups: Vec<GroupView<'d>>,
}

#[derive(Serialize)]
struct ArticleView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
}

/// Puts the site-wide values that `base.html` prints on every page at the
/// top level of a page's context, beside `site`: Tera finds a top-level
/// name in one map lookup, while each dotted path (`site.base`) costs it a
/// walk with four string copies, and the page frame prints these 19 times.
fn insert_site_shortcuts(ctx: &mut Context, info: &SiteInfo) {
    ctx.insert("base", info.base);
    ctx.insert("site_title", info.title);
    ctx.insert("site_description", info.description);
    ctx.insert("rss_url", &info.rss_url);
    ctx.insert("atom_url", &info.atom_url);
    ctx.insert("briefings_url", &info.briefings_url);
}

fn day_link(day: &Day) -> DayLink<'_> {
    DayLink {
        title: &day.title,
        url: &day.url,
        article_count: day.article_count,
        count_label: &day.count_label,
    }
}

fn counted(url: &str, name: &str, count: usize) -> Counted {
    Counted {
        link: Link {
            url: url.to_string(),
            name: name.to_string(),
        },
        count,
    }
}

/// The folder of page `page` of a listing at `dir`.
fn paged(dir: &str, page: usize) -> String {
    if page <= 1 {
        dir.to_string()
    } else {
        format!("{dir}page/{page}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_only_what_can_break_out() {
        assert_eq!(escape_html("بوتين / كيم"), "بوتين / كيم");
        assert_eq!(
            escape_html("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(escape_html("«قال» <b>"), "«قال» &lt;b&gt;");
        // Specials on both sides of a 16-byte chunk boundary, and at the end.
        let long = format!("{}&{}<", "ب".repeat(8), "a".repeat(20));
        assert_eq!(
            escape_html(&long),
            format!("{}&amp;{}&lt;", "ب".repeat(8), "a".repeat(20))
        );
        assert_eq!(escape_html(&"x".repeat(40)), "x".repeat(40));
    }
}
