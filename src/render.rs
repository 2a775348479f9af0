//! Rendering: every page of the [`Site`] through its Tera template, and the
//! sitemap, handed to a [`Sink`] as soon as each is ready.
//!
//! Pages render in parallel and are written as they come, so memory stays
//! flat however many articles the site holds. Article and story cards,
//! which many pages repeat, are rendered once beforehand (`cards`); what
//! each kind of page shows is in `pages`.

mod cards;
mod coverage;
mod filters;
mod pages;

use std::path::Path;
use std::sync::Mutex;

use anyhow::{Context as _, Result, anyhow};
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::cache::Fingerprint;
use crate::config::Config;
use crate::output::Sink;
use crate::site::{Link, Site};
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
    ("weeks.html", include_str!("../templates/weeks.html")),
    ("story.html", include_str!("../templates/story.html")),
    ("charts.html", include_str!("../templates/charts.html")),
    ("thread.html", include_str!("../templates/thread.html")),
    (
        "thread_timeline.html",
        include_str!("../templates/thread_timeline.html"),
    ),
    ("article.html", include_str!("../templates/article.html")),
    ("list.html", include_str!("../templates/list.html")),
    ("terms.html", include_str!("../templates/terms.html")),
    ("archive.html", include_str!("../templates/archive.html")),
    ("page.html", include_str!("../templates/page.html")),
    ("404.html", include_str!("../templates/404.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("sitemap.xml", include_str!("../templates/sitemap.xml")),
];

/// The stylesheet and icon nashra ships, each used when the site's
/// `static/` has no file of that name (every page links both).
pub const DEFAULT_STATIC: &[(&str, &str)] = &[
    ("style.css", include_str!("../static/style.css")),
    ("favicon.svg", include_str!("../static/favicon.svg")),
];

/// The most URLs one sitemap file may list (sitemaps.org protocol).
const SITEMAP_LIMIT: usize = 50_000;

/// Loads the built-in templates, overridden by those in `dir`. Every
/// template autoescapes (`.html` and `.xml`), so text from articles can never
/// inject markup. Numbers the templates write through the `count`, `num`
/// and `ordinal` filters are in `style`'s digits.
pub fn load_templates(dir: &Path, style: &arabic::dates::DateStyle) -> Result<Templates> {
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
    // The filters' digits show on pages whose data holds only numbers.
    hasher.update(format!("{style:?}").as_bytes());
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    tera.set_escape_fn(escape_html);
    filters::register(&mut tera, style);
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
    /// A thread long enough for a page of its own.
    Thread(usize),
    Day(usize),
    Week(usize),
    WeekIndex,
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
    let jobs = renderer.jobs();
    let sitemap = render_jobs(&renderer, templates, &jobs, sink)?;
    Ok(Pages {
        html_pages: jobs.len(),
        sitemap,
    })
}

/// Renders the pages of the articles `articles` and of the stories they
/// are in, and no other, into `sink`; returns the folders of those pages.
/// `nashra serve` shows an edited article this way before the whole site
/// is built again.
pub fn article_pages(
    site: &Site,
    config: &Config,
    templates: &Templates,
    sink: &dyn Sink,
    articles: &[usize],
) -> Result<Vec<String>> {
    let renderer = Renderer::new(site, config, &templates.tera)?;
    let mut stories: Vec<usize> = articles
        .iter()
        .filter_map(|&i| site.corpus.articles[i].story)
        .collect();
    stories.sort_unstable();
    stories.dedup();
    let jobs: Vec<Job> = articles
        .iter()
        .map(|&i| Job::Article(i))
        .chain(stories.into_iter().map(Job::Story))
        .collect();
    let written = render_jobs(&renderer, templates, &jobs, sink)?;
    Ok(written.into_iter().map(|(dir, _)| dir).collect())
}

/// Renders `jobs` into `sink`, in parallel; returns each page's folder and
/// last modification day (empty when unknown), as the sitemap lists them.
fn render_jobs(
    renderer: &Renderer,
    templates: &Templates,
    jobs: &[Job],
    sink: &dyn Sink,
) -> Result<Vec<(String, String)>> {
    let site = renderer.site;
    let seed = crate::cache::fingerprint_of(
        templates.key,
        "site",
        &renderer.base_context.clone().into_json(),
    );
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
    Ok(sitemap
        .into_inner()
        .expect("no panics while holding the lock"))
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

    /// The page's share links, made from its address and title: a
    /// fingerprint takes those two, a context the encoded links.
    fn insert_share(&mut self, url: &str, title: &str);

    /// A value that `make` works out from `inputs` alone (a chart): a
    /// fingerprint takes the inputs, a context the value.
    fn insert_made<I: Serialize + ?Sized, T: Serialize>(
        &mut self,
        key: &str,
        inputs: &I,
        make: impl FnOnce() -> T,
    );
}

impl PageData for Context {
    fn insert<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        Context::insert(self, key, value);
    }

    fn insert_share(&mut self, url: &str, title: &str) {
        Context::insert(self, "share", &pages::Share::of(url, title));
    }

    fn insert_made<I: Serialize + ?Sized, T: Serialize>(
        &mut self,
        key: &str,
        _inputs: &I,
        make: impl FnOnce() -> T,
    ) {
        Context::insert(self, key, &make());
    }
}

impl PageData for Fingerprint<'_> {
    fn insert<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.add(key, value);
    }

    fn insert_share(&mut self, url: &str, title: &str) {
        self.add("share", &(url, title));
    }

    fn insert_made<I: Serialize + ?Sized, T: Serialize>(
        &mut self,
        key: &str,
        inputs: &I,
        _make: impl FnOnce() -> T,
    ) {
        self.add(key, inputs);
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
        // Cards past the stories are day views of them, with no page.
        jobs.extend((0..s.corpus.stories.len()).map(Job::Story));
        jobs.extend(
            (0..s.threads.len())
                .filter(|&t| s.threads[t].url.is_some())
                .map(Job::Thread),
        );
        jobs.extend((0..s.days.len()).map(Job::Day));
        jobs.extend((0..s.weeks.len()).map(Job::Week));
        if !s.weeks.is_empty() {
            jobs.push(Job::WeekIndex);
        }
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
