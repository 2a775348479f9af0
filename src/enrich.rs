//! From a loaded document to understood articles: cleaning, headline, date,
//! source, sentences. Entities, topics and stories come later, once every
//! article is read (see [`crate::build`]).

use std::path::Path;

use anyhow::{Result, bail};

use crate::article::{Article, BlockKind, Evidence, Origin, Published, SourceKind};
use crate::clean::clean;
use crate::config::Config;
use crate::dating::{find_publication_date_in, or_from_path};
use crate::frontmatter::{self, ContentKind};
use crate::headline::find_headline;
use crate::load::Document;
use crate::markdown;
use crate::outlets::find_source;

/// A standalone page (e.g. "about"), not part of the news flow.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Page {
    pub file: String,
    pub slug: String,
    pub title: String,
    pub html: String,
}

/// What the editor stated in front matter that later stages must honour.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Stated {
    pub slug: Option<String>,
    pub topics: Option<Vec<String>>,
    pub entities: Option<Vec<String>>,
}

/// What one input file turns into.
#[derive(Debug, Clone)]
pub enum Item {
    Article(Box<Article>, Stated),
    Page(Page),
    /// A draft, left out of the site and counted in the build summary.
    Draft(String),
    /// Nothing worth a page (an empty scrape, or one holding only page
    /// debris): left out, with the warning that says so, naming the file.
    Skipped(String),
}

/// What reading keeps of an article beyond what its pages show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// What pages show: a build.
    Pages,
    /// Also the text of removed debris, which `nashra inspect` lists.
    Debris,
}

/// Reads one document into the articles (or page) it holds.
pub fn read_document(doc: &Document, config: &Config, keep: Keep) -> Result<Vec<Item>> {
    match doc.kind {
        SourceKind::Raw => Ok(read_raw(doc, config, keep)),
        SourceKind::Markdown => read_markdown(doc, config).map(|item| vec![item]),
    }
}

fn read_raw(doc: &Document, config: &Config, keep: Keep) -> Vec<Item> {
    clean(&doc.text)
        .into_iter()
        .enumerate()
        .map(|(i, cleaned)| {
            let headline = find_headline(cleaned.blocks);
            if headline.body.is_empty() || headline.title.trim().is_empty() {
                let what = if i == 0 {
                    doc.file.clone()
                } else {
                    format!("{} (article {})", doc.file, i + 1)
                };
                return Item::Skipped(format!(
                    "{what}: no article text found (the file is empty, or holds only a headline or page debris); left out of the site"
                ));
            }
            let date = or_from_path(
                find_publication_date_in(&headline.title, &headline.body, &cleaned.removed),
                &doc.file,
            );
            let published = date.date.map(|date| Published { date, time: None });
            let source = find_source(
                &doc.file,
                &headline.body,
                &cleaned.removed,
                &config.site.outlets,
            );
            let mut article =
                Article::from_blocks(doc.file.clone(), i + 1, headline.title, headline.body);
            article.title_derived = headline.derived;
            article.subtitle = headline.subtitle;
            article.author = cleaned.author;
            article.published = published;
            article.date_evidence = date.evidence;
            if let Some((name, evidence)) = source {
                article.source = Some(name);
                article.source_evidence = evidence;
            }
            if keep == Keep::Debris {
                article.removed = cleaned.removed;
            }
            Item::Article(Box::new(article), Stated::default())
        })
        .collect()
}

fn read_markdown(doc: &Document, config: &Config) -> Result<Item> {
    let path = Path::new(&doc.file);
    let mut parsed = frontmatter::parse(&doc.text, path)?;
    let front = std::mem::take(&mut parsed.front);
    if front.draft {
        return Ok(Item::Draft(doc.file.clone()));
    }
    let (mut blocks, removed) = crate::clean::written_blocks(markdown::to_blocks(parsed.body));
    let noun = front.kind.noun();
    if parsed.body.trim().is_empty() {
        bail!(
            "{}: the {noun} has no text below its front matter; write it, or set `draft = true`",
            doc.file
        );
    }
    // A leading Markdown heading is the title when front matter gives none.
    let heading_title = match blocks.first() {
        Some(b) if b.kind == BlockKind::Heading && front.title.is_none() => {
            Some(blocks.remove(0).text)
        }
        _ => None,
    };
    let (title, derived) = match (front.title.clone(), heading_title) {
        (Some(t), _) | (None, Some(t)) => (t, false),
        (None, None) => {
            let h = find_headline(blocks.clone());
            (h.title, h.derived)
        }
    };
    if title.trim().is_empty() {
        bail!(
            "{}: the {noun} has no title; give it one with `title = \"…\"` in the front matter",
            doc.file
        );
    }

    if front.kind == ContentKind::Page {
        let slug = match &front.slug {
            Some(slug) => {
                let at = format!("{}:{}", doc.file, parsed.line_of(slug.span()));
                check_slug(slug.get_ref(), &at)?;
                slug.get_ref().clone()
            }
            None => {
                let slug = file_stem_slug(&doc.file);
                check_slug(&slug, &format!("{} (its file name)", doc.file))?;
                slug
            }
        };
        let html = markdown::to_html(parsed.body);
        if html.trim().is_empty() {
            bail!(
                "{}: the page shows nothing (its body holds only markup that is not allowed on pages)",
                doc.file
            );
        }
        return Ok(Item::Page(Page {
            file: doc.file.clone(),
            slug,
            title,
            html,
        }));
    }
    if blocks.is_empty() {
        bail!(
            "{}: the article has no text below its title (its body holds only a heading, or markup); write it, or set `draft = true`",
            doc.file
        );
    }

    let (published, date_evidence) = match &front.date {
        Some(value) => {
            let at = format!("{}:{}", doc.file, parsed.line_of(value.span()));
            let published = frontmatter::published(value.get_ref(), &config.timezone, &at)?;
            (Some(published), Evidence::front_matter("date"))
        }
        None => {
            let found = or_from_path(
                find_publication_date_in(&title, &blocks, &removed),
                &doc.file,
            );
            let published = found.date.map(|date| Published { date, time: None });
            (published, found.evidence)
        }
    };
    let source = match &front.source {
        Some(source) => Some((source.clone(), Evidence::front_matter("source"))),
        None => find_source(&doc.file, &blocks, &removed, &config.site.outlets),
    };
    let excerpt = doc.excerpt(parsed.body);
    let mut article = Article::from_markdown_file(doc.file.clone(), title, excerpt, blocks);
    article.title_derived = derived;
    article.subtitle = front.subtitle.clone();
    article.removed = removed;
    article.published = published;
    article.date_evidence = date_evidence;
    if let Some((name, evidence)) = source {
        article.source = Some(name);
        article.source_evidence = evidence;
    }
    if let Some(url) = &front.url
        && let Some(problem) = crate::weblink::http_url_problem(url.get_ref())
    {
        anyhow::bail!(
            "{}:{}: url `{}` {problem}",
            doc.file,
            parsed.line_of(url.span()),
            url.get_ref().escape_debug()
        );
    }
    article.url = front.url.map(toml::Spanned::into_inner);
    if let Some(summary) = &front.summary {
        article.summary = summary.clone();
        article.summary_origin = Origin::FrontMatter;
    }
    if let Some(slug) = &front.slug {
        let at = format!("{}:{}", doc.file, parsed.line_of(slug.span()));
        check_slug(slug.get_ref(), &at)?;
    }
    let stated = Stated {
        slug: front.slug.map(toml::Spanned::into_inner),
        topics: front.topics,
        entities: front.entities,
    };
    Ok(Item::Article(Box::new(article), stated))
}

/// Checks the slug of a page or article, from `at` (`content/x.md:4`):
/// it becomes a folder name, so it must be a safe one, and a page's folder
/// sits beside those nashra writes its own listings into, so it may not be
/// one of theirs (a page `entities` would replace the entity index).
fn check_slug(slug: &str, at: &str) -> Result<()> {
    if let Some(problem) = crate::slug::slug_problem(slug) {
        bail!("{at}: slug `{slug}` {problem}");
    }
    if crate::slug::RESERVED_SLUGS.contains(&slug) {
        bail!(
            "{at}: slug `{slug}` is the folder of the site's own `{slug}/` pages; choose another with `slug = \"…\"`"
        );
    }
    Ok(())
}

/// A slug from a file name, used when a title gives none.
pub fn file_stem_slug(file: &str) -> String {
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    let slug = crate::slug::slugify_words(&stem.replace('_', "-"), 8);
    if slug.is_empty() {
        "article".to_string()
    } else {
        slug
    }
}
