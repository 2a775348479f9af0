//! Full-text search on any static host: a Pagefind index built from the
//! corpus, not from the HTML the build wrote.
//!
//! Each article, story and entity page becomes one [`Record`] whose indexed
//! text is nashra's own reading of the Arabic: every word normalised
//! ([`arabic::normalize`]) and given its proclitic readings
//! ([`arabic::proclitic_readings`]), so that «وبوتين» and «بالعاصمة» are
//! also indexed as «بوتين» and «العاصمة». Records are handed to Pagefind
//! in a language it has no stemmer for: its Arabic stemmer strips a
//! leading ب from names («بوتين», «بيونغ») and then finds nothing. The
//! page's script (`static/search.js`) reads the reader's query the same
//! way before it reaches Pagefind.
//!
//! An entity's spelling variants from the entity list (ترمب/ترامب) are
//! added to every record naming it, repeated so that they weigh more than
//! a passing word: either spelling finds both.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, Result};

use crate::corpus::Corpus;
use crate::output::Sink;

/// Folder of the index under the output folder.
pub const BUNDLE_DIR: &str = "pagefind";

/// Language the records are indexed in: one Pagefind has no stemmer for,
/// so the terms nashra hands it are kept as they are.
const INDEX_LANGUAGE: &str = "unknown";

/// Shortest proclitic reading kept, in letters (as the entity matcher).
const MIN_READING: usize = 3;

/// How many times title words and entity spellings are repeated in a
/// record, so that they outrank words met once in the body.
const TITLE_WEIGHT: usize = 3;
const VARIANT_WEIGHT: usize = 2;

/// Words of the excerpt kept in a record's metadata.
const EXCERPT_CHARS: usize = 320;

/// One searchable page as handed to Pagefind.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// URL of the page, under the site's base path.
    pub url: String,
    /// Space-separated index terms, already normalised.
    pub terms: String,
    /// Shown in results: `title`, `outlet`, `date`, `excerpt`, `kind`.
    pub meta: BTreeMap<String, String>,
    /// `topic`, `outlet` and `year`.
    pub filters: BTreeMap<String, Vec<String>>,
    /// `date` (ISO), for newest-first sorting.
    pub sort: BTreeMap<String, String>,
}

/// The index terms of `text`: each word normalised, followed by its
/// readings without proclitics.
pub fn index_terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    arabic::for_each_word(text, |_, _, norm| {
        out.push(norm.to_string());
        for reading in arabic::proclitic_readings(norm, MIN_READING) {
            if reading != norm {
                out.push(reading);
            }
        }
    });
    out
}

/// Appends `terms` to `out` `times` times.
fn push_terms(out: &mut Vec<String>, terms: &[String], times: usize) {
    for _ in 0..times {
        out.extend(terms.iter().cloned());
    }
}

/// Every spelling of the entities `slugs` names, as index terms.
fn variant_terms<'a>(corpus: &Corpus, slugs: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut spellings = BTreeSet::new();
    for slug in slugs {
        if let Some(entity) = corpus.entities.get(slug) {
            spellings.extend(entity.names().cloned());
        }
    }
    spellings.iter().flat_map(|s| index_terms(s)).collect()
}

fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

fn topic_names(corpus: &Corpus, slugs: &[String]) -> Vec<String> {
    slugs
        .iter()
        .map(|slug| {
            corpus
                .topics
                .iter()
                .find(|t| &t.slug == slug)
                .map_or_else(|| slug.clone(), |t| t.name.clone())
        })
        .collect()
}

fn record(
    url: String,
    terms: Vec<String>,
    meta: [(&str, String); 5],
    filters: [(&str, Vec<String>); 3],
    date: Option<String>,
) -> Record {
    Record {
        url,
        terms: terms.join(" "),
        meta: meta
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        filters: filters
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        sort: date.into_iter().map(|d| ("date".to_string(), d)).collect(),
    }
}

/// The records of every article, story and entity page, in a fixed order.
/// `base` is the site's base path (`/` or `/briefing/`).
pub fn records(corpus: &Corpus, base: &str) -> Vec<Record> {
    let mut out = Vec::new();
    for a in &corpus.articles {
        let mut terms = Vec::new();
        push_terms(&mut terms, &index_terms(&a.title), TITLE_WEIGHT);
        terms.extend(index_terms(a.plain_text()));
        let variants = variant_terms(corpus, a.entities.iter().map(|m| m.slug.as_str()));
        push_terms(&mut terms, &variants, VARIANT_WEIGHT);
        let date = a.published.map(|p| p.date.format("%Y-%m-%d").to_string());
        let year = a.published.map(|p| p.date.format("%Y").to_string());
        let outlet = a.source.clone().unwrap_or_default();
        out.push(record(
            format!("{base}articles/{}/", a.slug),
            terms,
            [
                ("title", a.title.clone()),
                ("outlet", outlet.clone()),
                ("date", date.clone().unwrap_or_default()),
                ("excerpt", excerpt(&a.summary)),
                ("kind", "مقال".to_string()),
            ],
            [
                ("topic", topic_names(corpus, &a.topics)),
                ("outlet", Vec::from_iter((!outlet.is_empty()).then_some(outlet))),
                ("year", Vec::from_iter(year)),
            ],
            date,
        ));
    }
    for s in &corpus.stories {
        let mut terms = Vec::new();
        push_terms(&mut terms, &index_terms(&s.headline), TITLE_WEIGHT);
        let summary: Vec<&str> = s.summary.iter().map(|x| x.text.as_str()).collect();
        let summary = summary.join(" ");
        terms.extend(index_terms(&summary));
        for &i in &s.articles {
            if let Some(a) = corpus.articles.get(i) {
                terms.extend(index_terms(&a.title));
            }
        }
        let variants = variant_terms(corpus, s.entities.iter().map(String::as_str));
        push_terms(&mut terms, &variants, VARIANT_WEIGHT);
        let date = s.date.map(|d| d.format("%Y-%m-%d").to_string());
        let year = s.date.map(|d| d.format("%Y").to_string());
        out.push(record(
            format!("{base}stories/{}/", s.id),
            terms,
            [
                ("title", s.headline.clone()),
                ("outlet", s.sources.join("، ")),
                ("date", date.clone().unwrap_or_default()),
                ("excerpt", excerpt(&summary)),
                ("kind", "قصة".to_string()),
            ],
            [
                ("topic", topic_names(corpus, &s.topics)),
                ("outlet", s.sources.clone()),
                ("year", Vec::from_iter(year)),
            ],
            date,
        ));
    }
    let named: BTreeSet<&str> = corpus
        .articles
        .iter()
        .flat_map(|a| a.entities.iter().map(|m| m.slug.as_str()))
        .collect();
    for e in corpus.entities.entities.iter() {
        if !named.contains(e.slug.as_str()) {
            continue; // no page is written for an entity no article names
        }
        let mut terms = Vec::new();
        push_terms(
            &mut terms,
            &variant_terms(corpus, std::iter::once(e.slug.as_str())),
            TITLE_WEIGHT,
        );
        if let Some(d) = &e.description {
            terms.extend(index_terms(d));
        }
        out.push(record(
            format!("{base}entities/{}/", e.slug),
            terms,
            [
                ("title", e.name.clone()),
                ("outlet", String::new()),
                ("date", String::new()),
                ("excerpt", e.description.clone().unwrap_or_default()),
                ("kind", "علم".to_string()),
            ],
            [("topic", vec![]), ("outlet", vec![]), ("year", vec![])],
            None,
        ));
    }
    out
}

/// Builds the Pagefind index of `records` and puts its files under
/// [`BUNDLE_DIR`]. The index is rebuilt whole at every build, incremental
/// ones included: Pagefind cannot update an index in place.
pub fn write_index(records: Vec<Record>, sink: &dyn Sink) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .context("starting the search indexer")?;
    let files = runtime.block_on(async move {
        let config = pagefind::options::PagefindServiceConfig::builder()
            .keep_index_url(true)
            .build();
        let mut index = pagefind::api::PagefindIndex::new(Some(config))?;
        for r in records {
            index
                .add_custom_record(
                    r.url,
                    r.terms,
                    INDEX_LANGUAGE.to_string(),
                    Some(r.meta),
                    Some(r.filters),
                    Some(r.sort),
                )
                .await?;
        }
        index.get_files().await
    })?;
    for file in files {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        sink.put(&format!("{BUNDLE_DIR}/{name}"), &file.contents)?;
    }
    Ok(())
}

/// The search page's script.
pub const SCRIPT: &str = include_str!("search.js");

/// Writes everything search needs besides its page: the index of `corpus`
/// and the page's script. `base` is the site's base path.
pub fn write(corpus: &Corpus, base: &str, sink: &dyn Sink) -> Result<()> {
    write_index(records(corpus, base), sink)?;
    sink.put("search/search.js", SCRIPT.as_bytes())
}
