//! What a reader's query can meet in each page: one [`Record`] per
//! article, story and entity page, made from what nashra understood of it.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;
use rustc_hash::FxBuildHasher;

use super::{MIN_READING, UNDATED_SORT};
use crate::entities::Entity;
use crate::site::Site;

/// Characters of a summary kept as a result's excerpt.
const EXCERPT_CHARS: usize = 320;

/// What kind of page a result is, as a reader reads it in the results.
pub const KIND_ARTICLE: &str = "مقال";
pub const KIND_STORY: &str = "قصة";
pub const KIND_ENTITY: &str = "علم";

/// One searchable page as the index holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// URL of the page, under the site's base path.
    pub url: String,
    /// What a query can meet in the page.
    pub terms: Terms,
    /// Shown in results: `title`, `kind`, and where known `outlet`,
    /// `date` (as the site prints dates) and `excerpt`.
    pub meta: BTreeMap<String, String>,
    /// `topic`, `outlet` and `year`, each only where known.
    pub filters: BTreeMap<String, Vec<String>>,
    /// `date` (ISO), the order of the index (newest first);
    /// [`UNDATED_SORT`] when undated, so undated pages come last.
    pub sort: BTreeMap<String, String>,
}

/// A record's index terms (see [`index_terms`]), in the parts the index
/// weighs apart. Each part holds a term once: word positions and counts
/// mean nothing to a reader here (the excerpt shown is the summary), and
/// repeated terms were most of the index's time and memory.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Terms {
    /// The title's terms, weighed [`super::HEADING_WEIGHT`].
    pub heading: Vec<String>,
    /// Every other word of the page.
    pub body: Vec<String>,
    /// The spellings of the entities the page names, weighed
    /// [`super::NAME_WEIGHT`].
    pub names: Vec<String>,
}

impl Terms {
    /// Every term of the record, part after part.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.heading
            .iter()
            .chain(&self.body)
            .chain(&self.names)
            .map(String::as_str)
    }
}

/// The index terms of `texts`: each word normalised, followed by its
/// readings without proclitics, each term once, in the order first met. A
/// word met again is skipped before its readings are made: most words of
/// an article repeat.
pub fn index_terms<'t>(texts: impl IntoIterator<Item = &'t str>) -> Vec<String> {
    let texts: Vec<&str> = texts.into_iter().collect();
    // About one distinct word in three, of words of about six bytes.
    let capacity = texts.iter().map(|t| t.len()).sum::<usize>() / 18;
    let mut words: HashSet<String, FxBuildHasher> =
        HashSet::with_capacity_and_hasher(capacity, FxBuildHasher);
    let mut terms: HashSet<String, FxBuildHasher> =
        HashSet::with_capacity_and_hasher(capacity * 2, FxBuildHasher);
    let mut out = Vec::with_capacity(capacity * 2);
    for text in texts {
        arabic::for_each_word(text, |_, _, norm| {
            if words.contains(norm) {
                return;
            }
            words.insert(norm.to_string());
            for reading in arabic::proclitic_reading_slices(norm, MIN_READING) {
                if !terms.contains(reading.as_ref()) {
                    terms.insert(reading.to_string());
                    out.push(reading.into_owned());
                }
            }
        });
    }
    out
}

/// The terms of a page: its `heading`, the `texts` of its body, and the
/// spellings of the entities `slugs` names.
fn page_terms<'a>(
    entities: &EntityIndex,
    heading: &str,
    texts: &[&str],
    slugs: impl IntoIterator<Item = &'a str>,
) -> Terms {
    Terms {
        heading: index_terms([heading]),
        body: index_terms(texts.iter().copied()),
        names: spelling_terms(entities, slugs),
    }
}

/// Every spelling the entity list knows for the entities `slugs` names
/// (name, aliases, short forms, English name), as index terms, each once.
fn spelling_terms<'a>(
    entities: &EntityIndex,
    slugs: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    let mut spellings = BTreeSet::new();
    for slug in slugs {
        if let Some(entity) = entities.get(slug) {
            spellings.extend(entity.spellings().cloned());
            spellings.extend(entity.short.iter().flatten().cloned());
            spellings.extend(entity.english.iter().cloned());
        }
    }
    index_terms(spellings.iter().map(String::as_str))
}

fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// The meta, filter and sort maps of a record, without empty values.
fn record(
    url: &str,
    terms: Terms,
    meta: [(&str, &str); 5],
    filters: [(&str, Vec<String>); 3],
    date_iso: &str,
) -> Record {
    Record {
        url: url.to_string(),
        terms,
        meta: meta
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        filters: filters
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        sort: BTreeMap::from([(
            "date".to_string(),
            match date_iso {
                "" => UNDATED_SORT.to_string(),
                iso => iso.to_string(),
            },
        )]),
    }
}

/// The year of an ISO date, or nothing for an undated page.
fn year_of(date_iso: &str) -> Vec<String> {
    date_iso.get(..4).map(str::to_string).into_iter().collect()
}

/// A searchable page of the site, by its place in the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Article(usize),
    Story(usize),
    Entity(usize),
}

/// Every searchable page of `site`, in the site's order: articles, then
/// stories, then entities.
pub fn pages(site: &Site) -> Vec<Page> {
    (0..site.corpus.articles.len())
        .map(Page::Article)
        .chain((0..site.corpus.stories.len()).map(Page::Story))
        .chain((0..site.entities.len()).map(Page::Entity))
        .collect()
}

/// The ISO date of `page`, empty when it has none.
pub fn date_of<'a>(site: &'a Site, page: Page) -> &'a str {
    match page {
        Page::Article(i) => &site.cards[i].date_iso,
        Page::Story(i) => &site.story_cards[i].date_iso,
        Page::Entity(_) => "",
    }
}

/// The entities of the list by slug.
type EntityIndex<'a> = HashMap<&'a str, &'a Entity>;

/// Makes the [`Record`] of any page of one site.
pub struct RecordMaker<'a> {
    site: &'a Site<'a>,
    topic_names: HashMap<&'a str, &'a str>,
    entities: EntityIndex<'a>,
}

impl<'a> RecordMaker<'a> {
    pub fn new(site: &'a Site<'a>) -> Self {
        RecordMaker {
            site,
            topic_names: site
                .topics
                .iter()
                .map(|t| (t.slug.as_str(), t.name.as_str()))
                .collect(),
            entities: site.corpus.entities.by_slug(),
        }
    }

    fn topics(&self, slugs: &[String]) -> Vec<String> {
        slugs
            .iter()
            .filter_map(|s| self.topic_names.get(s.as_str()).map(|n| n.to_string()))
            .collect()
    }

    /// The record of `page`.
    pub fn record(&self, page: Page) -> Record {
        let site = self.site;
        let corpus = site.corpus;
        match page {
            Page::Article(i) => {
                let (a, card) = (&corpus.articles[i], &site.cards[i]);
                let plain = a.plain_text();
                let mut texts = vec![plain];
                texts.extend(a.subtitle.as_deref());
                let terms = page_terms(
                    &self.entities,
                    &a.title,
                    &texts,
                    a.entities.iter().map(|m| m.slug.as_str()),
                );
                let outlet = card.source.unwrap_or_default();
                record(
                    &card.url,
                    terms,
                    [
                        ("title", card.title),
                        ("kind", KIND_ARTICLE),
                        ("outlet", outlet),
                        ("date", &card.date),
                        ("excerpt", &excerpt(card.summary)),
                    ],
                    [
                        ("topic", self.topics(&a.topics)),
                        (
                            "outlet",
                            card.source.map(str::to_string).into_iter().collect(),
                        ),
                        ("year", year_of(&card.date_iso)),
                    ],
                    &card.date_iso,
                )
            }
            Page::Story(i) => {
                let (s, card) = (&corpus.stories[i], &site.story_cards[i]);
                let summary: Vec<&str> = s.summary.iter().map(|x| x.text.as_str()).collect();
                let summary = summary.join(" ");
                let mut texts = vec![summary.as_str()];
                texts.extend(
                    s.articles
                        .iter()
                        .filter_map(|&i| corpus.articles.get(i))
                        .map(|a| a.title.as_str()),
                );
                let terms = page_terms(
                    &self.entities,
                    &s.headline,
                    &texts,
                    s.entities.iter().map(String::as_str),
                );
                let outlets: Vec<&str> = card.outlets.iter().map(|o| o.name).collect();
                record(
                    &card.url,
                    terms,
                    [
                        ("title", card.headline),
                        ("kind", KIND_STORY),
                        ("outlet", &outlets.join("، ")),
                        ("date", &card.date),
                        ("excerpt", &excerpt(&summary)),
                    ],
                    [
                        ("topic", self.topics(&s.topics)),
                        ("outlet", outlets.iter().map(|s| s.to_string()).collect()),
                        ("year", year_of(&card.date_iso)),
                    ],
                    &card.date_iso,
                )
            }
            Page::Entity(i) => {
                let term = &site.entities[i];
                let terms = page_terms(
                    &self.entities,
                    &term.name,
                    &[&term.description],
                    [term.slug.as_str()],
                );
                record(
                    &term.url,
                    terms,
                    [
                        ("title", &term.name),
                        ("kind", KIND_ENTITY),
                        ("outlet", ""),
                        ("date", ""),
                        ("excerpt", &excerpt(&term.description)),
                    ],
                    [("topic", vec![]), ("outlet", vec![]), ("year", vec![])],
                    "",
                )
            }
        }
    }
}

/// The records of every article, story and entity page of `site`, in the
/// site's order ([`pages`]).
pub fn records(site: &Site) -> Vec<Record> {
    let maker = RecordMaker::new(site);
    pages(site)
        .into_par_iter()
        .map(|page| maker.record(page))
        .collect()
}
