//! `nashra inspect`: what nashra understood of every article, for the editor
//! (text) and for tools (JSON).
//!
//! The JSON form is a stable interface, documented in the README: fields are
//! only ever added, never renamed or removed, within a `schema` version.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use serde::Serialize;

use crate::article::{Article, DebrisKind, Origin, Prominence};
use crate::corpus::Corpus;
use crate::entities::Entity;

/// Version of the JSON layout below.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Inspection {
    pub schema: u32,
    pub articles: Vec<ArticleReport>,
    pub stories: Vec<StoryReport>,
}

#[derive(Debug, Serialize)]
pub struct ArticleReport {
    pub file: String,
    pub part: usize,
    pub slug: String,
    pub title: String,
    pub title_derived: bool,
    pub subtitle: Option<String>,
    /// `YYYY-MM-DD`, or null when undated.
    pub date: Option<String>,
    pub date_origin: Origin,
    pub date_evidence: String,
    pub source: Option<String>,
    pub source_origin: Origin,
    pub source_evidence: String,
    /// The writer a byline names, or null.
    pub author: Option<String>,
    pub topics: Vec<String>,
    pub entities: Vec<EntityReport>,
    pub word_count: usize,
    pub summary: String,
    pub story: Option<String>,
    /// Removed debris, counted by kind.
    pub removed: BTreeMap<DebrisKind, usize>,
    /// Removed debris, line by line.
    pub removed_lines: Vec<RemovedLine>,
    /// The first blocks of the cleaned text.
    pub first_lines: Vec<String>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct EntityReport {
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub count: usize,
    pub prominence: Prominence,
    /// `list` for an entity of an entity list (or named in front matter),
    /// `discovered` for one found in the corpus.
    pub origin: &'static str,
    /// 1 for a listed entity; for a discovered one, how sure the evidence
    /// makes it (see [`crate::entities::discover::confidence`]).
    pub confidence: f64,
}

#[derive(Debug, Serialize)]
pub struct RemovedLine {
    pub kind: DebrisKind,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct StoryReport {
    pub id: String,
    pub headline: String,
    pub date: Option<String>,
    /// Slugs of the story's articles.
    pub articles: Vec<String>,
    pub summary: Vec<String>,
    /// The storyline it belongs to: the thread's id and its stories' ids,
    /// oldest first; null when no other story continues it.
    pub thread: Option<ThreadReport>,
}

#[derive(Debug, Serialize)]
pub struct ThreadReport {
    pub id: String,
    pub stories: Vec<String>,
    /// Entity slugs the storyline is about.
    pub actors: Vec<String>,
}

/// Builds the report for the articles `keep` selects.
pub fn inspect(corpus: &Corpus, keep: impl Fn(&Article) -> bool) -> Inspection {
    let entities = corpus.entities.by_slug();
    let articles = corpus
        .articles
        .iter()
        .filter(|a| keep(a))
        .map(|a| article_report(corpus, &entities, a))
        .collect();
    let stories = corpus
        .stories
        .iter()
        .enumerate()
        .filter(|(_, s)| s.articles.iter().any(|&i| keep(&corpus.articles[i])))
        .map(|(i, s)| StoryReport {
            id: s.id.clone(),
            headline: s.headline.clone(),
            date: s.date.map(|d| d.to_string()),
            articles: s
                .articles
                .iter()
                .map(|&i| corpus.articles[i].slug.clone())
                .collect(),
            summary: s.summary.iter().map(|x| x.text.clone()).collect(),
            thread: corpus.threads.of_story[i].map(|t| {
                let thread = &corpus.threads.threads[t];
                ThreadReport {
                    id: thread.id.clone(),
                    stories: thread
                        .stories
                        .iter()
                        .map(|&s| corpus.stories[s].id.clone())
                        .collect(),
                    actors: thread.actors.clone(),
                }
            }),
        })
        .collect();
    Inspection {
        schema: SCHEMA,
        articles,
        stories,
    }
}

fn article_report(
    corpus: &Corpus,
    entities: &HashMap<&str, &Entity>,
    a: &Article,
) -> ArticleReport {
    let mut removed = BTreeMap::new();
    for r in &a.removed {
        *removed.entry(r.kind).or_insert(0) += 1;
    }
    let first_lines: Vec<String> = a
        .text_blocks()
        .take(3)
        .map(|b| b.text.to_string())
        .collect();
    ArticleReport {
        file: a.file.clone(),
        part: a.part,
        slug: a.slug.clone(),
        title: a.title.clone(),
        title_derived: a.title_derived,
        subtitle: a.subtitle.clone(),
        date: a.published.map(|p| p.date.to_string()),
        date_origin: a.date_evidence.origin,
        date_evidence: a.date_evidence.detail.clone(),
        source: a.source.clone(),
        source_origin: a.source_evidence.origin,
        source_evidence: a.source_evidence.detail.clone(),
        author: a.author.clone(),
        topics: a.topics.clone(),
        entities: a
            .entities
            .iter()
            .map(|m| {
                let entity = entities.get(m.slug.as_str()).copied();
                EntityReport {
                    slug: m.slug.clone(),
                    name: entity.map(|e| e.name.clone()).unwrap_or_default(),
                    kind: entity
                        .and_then(|e| {
                            serde_json::to_value(e.kind)
                                .ok()
                                .and_then(|v| v.as_str().map(String::from))
                        })
                        .unwrap_or_default(),
                    count: m.count,
                    prominence: m.prominence,
                    origin: match entity.and_then(|e| e.discovered.as_ref()) {
                        Some(_) => "discovered",
                        None => "list",
                    },
                    confidence: entity
                        .and_then(|e| e.discovered.as_ref())
                        .map_or(1.0, |d| d.confidence),
                }
            })
            .collect(),
        word_count: a.word_count,
        summary: a.summary.clone(),
        story: a.story.map(|i| corpus.stories[i].id.clone()),
        removed,
        removed_lines: a
            .removed
            .iter()
            .map(|r| RemovedLine {
                kind: r.kind,
                text: r.text.clone(),
            })
            .collect(),
        first_lines,
        warnings: a.warnings.clone(),
    }
}

/// The report as text for a person at a terminal.
pub fn to_text(report: &Inspection) -> String {
    let mut out = String::new();
    for a in &report.articles {
        let part = if a.part > 1 {
            format!(" (article {})", a.part)
        } else {
            String::new()
        };
        let _ = writeln!(out, "{}{}", a.file, part);
        let derived = if a.title_derived {
            "  [derived from the lede]"
        } else {
            ""
        };
        let _ = writeln!(out, "  title     {}{}", a.title, derived);
        if let Some(s) = &a.subtitle {
            let _ = writeln!(out, "  subtitle  {s}");
        }
        let _ = match &a.date {
            Some(d) => writeln!(
                out,
                "  date      {d}  ({}: {})",
                origin(a.date_origin),
                a.date_evidence
            ),
            None if a.date_evidence.is_empty() => writeln!(out, "  date      undated"),
            None => writeln!(out, "  date      undated  ({})", a.date_evidence),
        };
        let _ = match &a.source {
            Some(s) => writeln!(
                out,
                "  source    {s}  ({}: {})",
                origin(a.source_origin),
                a.source_evidence
            ),
            None => writeln!(out, "  source    unknown"),
        };
        if let Some(author) = &a.author {
            let _ = writeln!(out, "  author    {author}");
        }
        if !a.topics.is_empty() {
            let _ = writeln!(out, "  topics    {}", a.topics.join(", "));
        }
        if !a.entities.is_empty() {
            let list: Vec<String> = a
                .entities
                .iter()
                .map(|e| {
                    let main = if e.prominence == Prominence::Main {
                        ", main"
                    } else {
                        ""
                    };
                    format!("{} ({}×{})", e.name, e.count, main)
                })
                .collect();
            let _ = writeln!(out, "  entities  {}", list.join("، "));
        }
        let _ = writeln!(out, "  words     {}", a.word_count);
        if let Some(story) = &a.story {
            let _ = writeln!(out, "  story     {story}");
        }
        if !a.removed.is_empty() {
            let counts: Vec<String> = a
                .removed
                .iter()
                .map(|(k, n)| {
                    format!(
                        "{n} {}",
                        serde_json::to_value(k).unwrap().as_str().unwrap_or("")
                    )
                })
                .collect();
            let _ = writeln!(out, "  removed   {}", counts.join(", "));
            for r in &a.removed_lines {
                let text: String = r.text.chars().take(80).collect();
                let _ = writeln!(out, "            - {text}");
            }
        }
        for line in &a.first_lines {
            let text: String = line.chars().take(100).collect();
            let _ = writeln!(out, "  | {text}");
        }
        for w in &a.warnings {
            let _ = writeln!(out, "  warning   {w}");
        }
        out.push('\n');
    }
    out
}

fn origin(o: Origin) -> &'static str {
    match o {
        Origin::FrontMatter => "front matter",
        Origin::Text => "text",
        Origin::FileName => "file name",
        Origin::Story => "story",
        Origin::None => "none",
    }
}
