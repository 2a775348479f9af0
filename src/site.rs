//! The site model: which pages exist, at which URLs, and what each lists.
//!
//! Everything a template shows is computed here, once, so that templates only
//! display and no page walks the whole corpus: listings are indices into
//! precomputed cards, and long listings are paginated.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, IsoWeek, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use crate::article::{Article, Prominence};
use crate::config::Config;
use crate::corpus::Corpus;
use crate::entities::EntityKind;
use arabic::dates::{format_date, format_date_long, format_month, format_number};
use arabic::numbers;

pub mod threads;

/// Slug of the implicit topic for articles no rule covers.
pub const OTHER_TOPIC: &str = "other";

/// How many outlets a story card links to; a card shows on many pages,
/// so a story told by many must not make all of them long.
pub const STORY_CARD_LINKS: usize = 8;
/// How many other versions of its story an article page lists.
pub const ARTICLE_VERSIONS: usize = 10;

/// How many stories lead the home page.
const FRONT_STORIES: usize = 12;
/// How many stories a weekly briefing picks.
const WEEKLY_STORIES: usize = 10;
/// How many recent days the home page previews, and stories per preview.
pub const RECENT_DAYS: usize = 7;
pub const RECENT_DAY_STORIES: usize = 3;
/// Bounded selections on summary pages.
const TOP_ENTITIES: usize = 24;
const CO_MENTIONS: usize = 12;
const ENTITY_QUOTES: usize = 8;

/// A link: where and what to call it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub name: String,
}

/// An article as listings show it.
///
/// Texts are borrowed from the article: a large archive's cards would
/// otherwise hold a second copy of every title and summary while pages are
/// rendered.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCard<'a> {
    pub url: String,
    pub title: &'a str,
    pub source: Option<&'a str>,
    pub source_url: Option<String>,
    /// Display date, e.g. "13 أغسطس 2025"; empty when undated.
    pub date: String,
    /// ISO date for `<time datetime>`; empty when undated.
    pub date_iso: String,
    pub summary: &'a str,
}

/// A sentence of a story summary with its outlet.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryLine<'a> {
    pub text: &'a str,
    pub source: Option<&'a str>,
}

/// A story as briefings show it.
#[derive(Debug, Clone, Serialize)]
pub struct StoryCard<'a> {
    pub url: String,
    pub headline: &'a str,
    pub summary: Vec<SummaryLine<'a>>,
    /// Distinct outlets that told it, each with its number of reports, in
    /// order of first report: one outlet's count is never read as the
    /// whole story's.
    pub outlets: Vec<OutletCount<'a>>,
    /// Reports whose outlet is unknown.
    pub unattributed: usize,
    /// The story's outlets, each with its first report (none when
    /// unknown, listed once), oldest first; the story page lists every
    /// report.
    pub coverage: Vec<Report<'a>>,
    /// Whether more outlets told it than `coverage` links to.
    pub more_outlets: bool,
    pub article_count: usize,
    pub date: String,
    pub date_iso: String,
    pub topics: Vec<Link>,
    pub entities: Vec<Link>,
}

/// An outlet and how many of a story's reports it published.
#[derive(Debug, Clone, Serialize)]
pub struct OutletCount<'a> {
    pub name: &'a str,
    pub count: usize,
}

/// A link to one report of a story, by its outlet.
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    pub url: String,
    pub source: Option<&'a str>,
}

/// One topic's stories within a briefing.
#[derive(Debug, Clone, Serialize)]
pub struct TopicGroup {
    pub topic: Link,
    /// Indices into [`Site::story_cards`].
    pub stories: Vec<usize>,
}

/// A day with articles.
#[derive(Debug, Clone, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    pub iso: String,
    pub url: String,
    pub title: String,
    /// Stories with an article on this day, heaviest first.
    pub stories: Vec<usize>,
    pub groups: Vec<TopicGroup>,
    pub article_count: usize,
    /// How many stories the day's briefing shows.
    pub story_count: usize,
}

/// An ISO week with articles. Its title is the template's: it has the
/// week's number and year, and its first and last days with articles.
#[derive(Debug, Clone, Serialize)]
pub struct Week {
    pub key: String,
    pub url: String,
    /// ISO week number and ISO week-numbering year.
    pub number: u32,
    pub year: i32,
    /// Display dates of its Monday and Sunday: the whole ISO week, though
    /// only some of its days may have articles.
    pub first: String,
    pub last: String,
    pub stories: Vec<usize>,
    pub days: Vec<usize>,
}

/// A taxonomy term page: a topic, an entity or a source.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub slug: String,
    pub name: String,
    pub url: String,
    pub description: String,
    /// Articles, newest first.
    pub articles: Vec<usize>,
}

/// What an entity page shows beyond its article list.
#[derive(Debug, Clone, Serialize)]
pub struct EntityInfo {
    pub kind: EntityKind,
    pub english: Option<String>,
    pub mentions: usize,
    /// How many articles name it (those its pages list).
    pub article_count: usize,
    /// Spellings seen across the corpus.
    pub variants: Vec<String>,
    /// For each listed article (same order as `Term::articles`), the sentence
    /// that mentions the entity, as a byte range of the article's titled
    /// text ([`Article::titled_span`]): the article holds the text already.
    /// Not handed to templates whole: each listing page resolves its own
    /// slice, or a popular entity's every page would carry all of them.
    #[serde(skip)]
    pub sentences: Vec<std::ops::Range<u32>>,
    pub co_mentions: Vec<Counted>,
    pub topics: Vec<Counted>,
    pub quotes: Vec<QuoteView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counted {
    pub link: Link,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    pub text: String,
    pub article: Link,
    pub date: String,
}

/// The laid-out site.
pub struct Site<'a> {
    pub corpus: &'a Corpus,
    pub config: &'a Config,
    /// Path part of the base URL (`/` or `/sub/`), prefixed to every link.
    pub base: String,
    pub article_urls: Vec<String>,
    pub cards: Vec<ArticleCard<'a>>,
    pub story_urls: Vec<String>,
    pub story_cards: Vec<StoryCard<'a>>,
    /// Days, oldest first.
    pub days: Vec<Day>,
    /// Weeks, oldest first.
    pub weeks: Vec<Week>,
    /// The home page's lead: the stories of the last two days with
    /// articles, most covered first, grouped by topic.
    pub front: Vec<TopicGroup>,
    /// Undated articles, in input order.
    pub undated: Vec<usize>,
    pub topics: Vec<Term>,
    pub entities: Vec<Term>,
    pub entity_info: Vec<EntityInfo>,
    /// Position of each entity (by slug) in `entities`.
    pub entity_index: HashMap<String, usize>,
    /// Position of each topic (by slug) in `topics`.
    topic_positions: HashMap<String, usize>,
    pub sources: Vec<Term>,
    /// All dated articles, newest first (feeds, sitemap).
    pub newest: Vec<usize>,
    /// For each article, the index of its day in `days`.
    pub article_day: Vec<Option<usize>>,
    /// Storylines, in the order of [`crate::threads::Threads`].
    pub threads: Vec<threads::ThreadView>,
    /// For each entity (as in `entities`), the threads it is central to,
    /// latest first.
    pub entity_threads: Vec<Vec<usize>>,
}

impl<'a> Site<'a> {
    /// Lays out the site of `corpus`: every page's URL and what it lists.
    pub fn new(corpus: &'a Corpus, config: &'a Config) -> Site<'a> {
        let base = config.base_path();
        let articles = &corpus.articles;
        let style = &config.site.dates;

        let article_urls = article_urls(articles, &base);
        let story_urls = story_urls(corpus, &base);

        // A text filed more than once is listed once, as story pages show
        // it: its copies are named there, under the first.
        let copy_of = copy_of(corpus);
        let copies: Vec<bool> = copy_of.iter().map(Option::is_some).collect();

        // Entity profiles read every mention in one pass; the listings
        // below are laid out meanwhile.
        let (profiles, (source_slugs, cards, recency)) = rayon::join(
            || crate::entities::profiles(articles, &copies),
            || {
                let source_slugs = source_slugs(articles);
                let cards = article_cards(articles, &article_urls, &source_slugs, &base, style);
                (source_slugs, cards, Recency::of(articles))
            },
        );

        let topics = topic_terms(corpus, &base, &recency, &copies);
        let topic_links = links_by_slug(&topics);
        let (entities, entity_info) = entity_terms(corpus, profiles, &base, &topic_links, style);
        let entity_links = links_by_slug(&entities);
        let sources = source_terms(articles, &source_slugs, &base, &recency, &copy_of);
        let mut story_cards = story_cards(
            corpus,
            &story_urls,
            &article_urls,
            &topic_links,
            &entity_links,
            style,
        );
        let (days, article_day, stories_by_day) =
            lay_out_days(corpus, &mut story_cards, &article_urls, &base, style);
        let weeks = lay_out_weeks(&corpus.stories, &days, &stories_by_day, &base, style);
        let front = front_page(&corpus.stories, &days, &stories_by_day, &story_cards, &base);

        let entity_index = positions_by_slug(&entities);
        let (threads, entity_threads) = threads::lay_out(
            corpus,
            &story_cards,
            &entity_index,
            &entity_links,
            &base,
            style,
        );
        let Recency {
            newest, undated, ..
        } = recency;
        Site {
            corpus,
            config,
            base,
            article_urls,
            cards,
            story_urls,
            story_cards,
            days,
            weeks,
            front,
            undated,
            topic_positions: positions_by_slug(&topics),
            topics,
            entity_index,
            entities,
            entity_info,
            sources,
            newest,
            article_day,
            threads,
            entity_threads,
        }
    }

    /// Years that have days, newest first, each with its days newest first.
    pub fn years(&self) -> Vec<(i32, Vec<usize>)> {
        let mut years: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        for (i, d) in self.days.iter().enumerate() {
            years.entry(d.date.year()).or_default().push(i);
        }
        years
            .into_iter()
            .rev()
            .map(|(y, mut d)| {
                d.reverse();
                (y, d)
            })
            .collect()
    }

    /// Months of a year's days, newest first, for the archive.
    pub fn month_title(&self, year: i32, month: u32) -> String {
        format_month(year, month, &self.config.site.dates)
    }

    /// The most mentioned entities, for the home page.
    pub fn top_entities(&self) -> Vec<Counted> {
        let mut list: Vec<(usize, usize)> = self
            .entity_info
            .iter()
            .enumerate()
            .map(|(i, e)| (i, e.mentions))
            .collect();
        list.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(self.entities[a.0].slug.cmp(&self.entities[b.0].slug))
        });
        list.into_iter()
            .take(TOP_ENTITIES)
            .map(|(i, n)| Counted {
                link: link(&self.entities[i]),
                count: n,
            })
            .collect()
    }

    /// The topic pages of an article, in its own order.
    pub fn topics_of<'s>(&'s self, article: &'s Article) -> impl Iterator<Item = &'s Term> + 's {
        article
            .topics
            .iter()
            .filter_map(|t| self.topic_positions.get(t).map(|&i| &self.topics[i]))
    }

    pub fn article(&self, i: usize) -> &Article {
        &self.corpus.articles[i]
    }
}

/// `n` and its counted noun, in the configured digits.
pub fn count_label(n: usize, noun: &numbers::Noun, style: &arabic::dates::DateStyle) -> String {
    format_number(numbers::count(n, noun), style)
}

/// Each article's page URL, in input order.
fn article_urls(articles: &[Article], base: &str) -> Vec<String> {
    articles
        .par_iter()
        .map(|a| format!("{base}articles/{}/", a.slug))
        .collect()
}

/// Each story's page URL, in story order.
fn story_urls(corpus: &Corpus, base: &str) -> Vec<String> {
    corpus
        .stories
        .iter()
        .map(|s| format!("{base}stories/{}/", s.id))
        .collect()
}

/// Each article's card, in input order.
fn article_cards<'a>(
    articles: &'a [Article],
    article_urls: &[String],
    source_slugs: &HashMap<String, String>,
    base: &str,
    style: &arabic::dates::DateStyle,
) -> Vec<ArticleCard<'a>> {
    articles
        .par_iter()
        .zip(article_urls)
        .map(|(a, url)| ArticleCard {
            url: url.clone(),
            title: &a.title,
            source: a.source.as_deref(),
            source_url: a
                .source
                .as_ref()
                .map(|s| format!("{base}sources/{}/", source_slugs[s])),
            date: a
                .published
                .map(|p| format_date(p.date, style))
                .unwrap_or_default(),
            date_iso: a.published.map(|p| p.date.to_string()).unwrap_or_default(),
            summary: &a.summary,
        })
        .collect()
}

/// The order every article listing follows: newest first, undated last.
struct Recency {
    /// Dated articles, newest first, deterministic among equals.
    newest: Vec<usize>,
    /// Undated articles, in input order.
    undated: Vec<usize>,
    /// Each article's place in `newest` (undated ones last), computed once
    /// for every listing that sorts by it.
    rank: Vec<usize>,
}

impl Recency {
    fn of(articles: &[Article]) -> Recency {
        let mut newest: Vec<usize> = (0..articles.len())
            .filter(|&i| articles[i].published.is_some())
            .collect();
        newest.sort_by(|&x, &y| {
            let (a, b) = (&articles[x], &articles[y]);
            b.published
                .cmp(&a.published)
                .then_with(|| a.slug.cmp(&b.slug))
        });
        let undated: Vec<usize> = (0..articles.len())
            .filter(|&i| articles[i].published.is_none())
            .collect();
        let mut rank = vec![usize::MAX; articles.len()];
        for (r, &i) in newest.iter().enumerate() {
            rank[i] = r;
        }
        Recency {
            newest,
            undated,
            rank,
        }
    }

    /// Sorts a list of articles newest first.
    fn sort(&self, list: &mut [usize]) {
        list.sort_by_key(|&i| (self.rank[i], i));
    }
}

/// For each second or later copy of a text filed more than once (a wire
/// story republished as it is, an article under two sections), the first
/// copy: the one listings show.
fn copy_of(corpus: &Corpus) -> Vec<Option<usize>> {
    let mut copy_of = vec![None; corpus.articles.len()];
    for group in corpus.stories.iter().flat_map(|s| &s.duplicates) {
        for &i in group.iter().skip(1) {
            copy_of[i] = Some(group[0]);
        }
    }
    copy_of
}

/// Topic pages: the configured and stated topics, plus "other" for the
/// articles none of them covers; each lists its articles newest first,
/// without word-for-word copies of another listed article.
fn topic_terms(corpus: &Corpus, base: &str, recency: &Recency, copies: &[bool]) -> Vec<Term> {
    let mut topics: Vec<Term> = corpus
        .topics
        .iter()
        .map(|t| Term {
            slug: t.slug.clone(),
            name: t.name.clone(),
            url: format!("{base}topics/{}/", t.slug),
            description: t.description.clone(),
            articles: Vec::new(),
        })
        .collect();
    let topic_index = positions_by_slug(&topics);
    let mut other = Vec::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        if copies[i] {
            continue;
        }
        if a.topics.is_empty() {
            other.push(i);
        }
        for t in &a.topics {
            if let Some(&ti) = topic_index.get(t) {
                topics[ti].articles.push(i);
            }
        }
    }
    if !other.is_empty() {
        match topic_index.get(OTHER_TOPIC) {
            Some(&ti) => topics[ti].articles.extend(other),
            None => topics.push(Term {
                slug: OTHER_TOPIC.into(),
                name: "أخرى".into(),
                url: format!("{base}topics/{OTHER_TOPIC}/"),
                description: "مقالات لا يغطيها أي موضوع من مواضيع الموقع".into(),
                articles: other,
            }),
        }
    }
    for t in &mut topics {
        recency.sort(&mut t.articles);
    }
    topics
}

/// Entity pages for the entities that appear in at least one article, and
/// what each shows beyond its list, in slug order.
fn entity_terms(
    corpus: &Corpus,
    profiles: BTreeMap<String, crate::entities::EntityProfile>,
    base: &str,
    topic_links: &HashMap<&str, Link>,
    style: &arabic::dates::DateStyle,
) -> (Vec<Term>, Vec<EntityInfo>) {
    let known: HashMap<&str, &crate::entities::Entity> = corpus
        .entities
        .entities
        .iter()
        .map(|e| (e.slug.as_str(), e))
        .collect();
    let mut entities = Vec::new();
    let mut entity_info = Vec::new();
    for (slug, profile) in profiles {
        let Some(entity) = known.get(slug.as_str()) else {
            continue;
        };
        let url = format!("{base}entities/{slug}/");
        let listed = profile.timeline.iter().map(|t| t.article).collect();
        entity_info.push(entity_details(
            entity,
            profile,
            &known,
            base,
            &corpus.articles,
            topic_links,
            style,
        ));
        entities.push(Term {
            slug,
            name: entity.name.clone(),
            url,
            description: entity.description.clone().unwrap_or_default(),
            articles: listed,
        });
    }
    (entities, entity_info)
}

/// Source pages, in name order, each listing its articles newest first;
/// an article the outlet filed under two sections is listed once.
fn source_terms(
    articles: &[Article],
    source_slugs: &HashMap<String, String>,
    base: &str,
    recency: &Recency,
    copy_of: &[Option<usize>],
) -> Vec<Term> {
    let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        let filed_before = copy_of[i].is_some_and(|first| articles[first].source == a.source);
        if let Some(s) = &a.source
            && !filed_before
        {
            by_source.entry(s.as_str()).or_default().push(i);
        }
    }
    by_source
        .into_iter()
        .map(|(name, mut list)| {
            recency.sort(&mut list);
            Term {
                slug: source_slugs[name].clone(),
                name: name.to_string(),
                url: format!("{base}sources/{}/", source_slugs[name]),
                description: String::new(),
                articles: list,
            }
        })
        .collect()
}

/// Each story's card, in story order.
fn story_cards<'a>(
    corpus: &'a Corpus,
    story_urls: &[String],
    article_urls: &[String],
    topic_links: &HashMap<&str, Link>,
    entity_links: &HashMap<&str, Link>,
    style: &arabic::dates::DateStyle,
) -> Vec<StoryCard<'a>> {
    let articles = &corpus.articles;
    corpus
        .stories
        .par_iter()
        .zip(story_urls)
        .map(|(s, url)| {
            let (outlets, unattributed) = outlet_counts(&s.reports, articles);
            let mut topic_slugs: Vec<&str> = Vec::new();
            let mut entity_weight: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in &s.articles {
                for t in &articles[i].topics {
                    if !topic_slugs.contains(&t.as_str()) {
                        topic_slugs.push(t);
                    }
                }
                for m in articles[i]
                    .entities
                    .iter()
                    .filter(|m| m.prominence == Prominence::Main)
                {
                    *entity_weight.entry(m.slug.as_str()).or_default() += m.count;
                }
            }
            if topic_slugs.is_empty() {
                topic_slugs.push(OTHER_TOPIC);
            }
            let mut top_entities: Vec<(&str, usize)> = entity_weight.into_iter().collect();
            top_entities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let summary = if s.summary.is_empty() {
                s.articles
                    .first()
                    .map(|&i| {
                        vec![SummaryLine {
                            text: &articles[i].summary,
                            source: articles[i].source.as_deref(),
                        }]
                    })
                    .unwrap_or_default()
            } else {
                s.summary
                    .iter()
                    .map(|l| SummaryLine {
                        text: &l.text,
                        source: l.source.as_deref(),
                    })
                    .collect()
            };
            let (coverage, more_outlets) = coverage_links(&s.reports, articles, article_urls);
            StoryCard {
                url: url.clone(),
                coverage,
                more_outlets,
                headline: &s.headline,
                summary,
                outlets,
                unattributed,
                article_count: s.reports.len(),
                date: s.date.map(|d| format_date(d, style)).unwrap_or_default(),
                date_iso: s.date.map(|d| d.to_string()).unwrap_or_default(),
                topics: topic_slugs
                    .iter()
                    .filter_map(|t| topic_links.get(t).cloned())
                    .collect(),
                entities: top_entities
                    .iter()
                    .take(6)
                    .filter_map(|(e, _)| entity_links.get(e).cloned())
                    .collect(),
            }
        })
        .collect()
}

/// Links to a story's outlets, each once at its first report, and to the
/// first report of an unknown outlet, in order of report: a card reads
/// «رويترز، سي إن إن، مصدر غير معروف», never one outlet over and over.
/// Also whether more outlets told it than the card links to.
fn coverage_links<'a>(
    reports: &[usize],
    articles: &'a [Article],
    article_urls: &[String],
) -> (Vec<Report<'a>>, bool) {
    let mut links: Vec<Report> = Vec::new();
    for &i in reports {
        let source = articles[i].source.as_deref();
        if !links.iter().any(|l| l.source == source) {
            if links.len() == STORY_CARD_LINKS {
                return (links, true);
            }
            links.push(Report {
                url: article_urls[i].clone(),
                source,
            });
        }
    }
    (links, false)
}

/// The outlets of `reports` with their number of reports, in order of
/// first report, and how many reports have no known outlet.
fn outlet_counts<'a>(reports: &[usize], articles: &'a [Article]) -> (Vec<OutletCount<'a>>, usize) {
    let mut outlets: Vec<OutletCount> = Vec::new();
    let mut unattributed = 0;
    for &i in reports {
        match articles[i].source.as_deref() {
            None => unattributed += 1,
            Some(name) => match outlets.iter_mut().find(|o| o.name == name) {
                Some(o) => o.count += 1,
                None => outlets.push(OutletCount { name, count: 1 }),
            },
        }
    }
    (outlets, unattributed)
}

/// A story's card as one day's briefing shows it: that day's headline,
/// summary, reports and outlets (see [`crate::stories::briefing::StoryDay`]).
fn day_card<'a>(
    card: &StoryCard<'a>,
    day: &'a crate::stories::briefing::StoryDay,
    articles: &'a [Article],
    article_urls: &[String],
    style: &arabic::dates::DateStyle,
) -> StoryCard<'a> {
    let (outlets, unattributed) = outlet_counts(&day.articles, articles);
    let (coverage, more_outlets) = coverage_links(&day.articles, articles, article_urls);
    StoryCard {
        headline: &articles[day.headline].title,
        summary: day
            .summary
            .iter()
            .map(|l| SummaryLine {
                text: &l.text,
                source: l.source.as_deref(),
            })
            .collect(),
        outlets,
        unattributed,
        coverage,
        more_outlets,
        article_count: day.articles.len(),
        date: format_date(day.date, style),
        date_iso: day.date.to_string(),
        ..card.clone()
    }
}

/// Orders stories heaviest first, then by size, then by number.
fn by_weight(stories: &[crate::stories::Story], list: &mut [usize]) {
    list.sort_by(|&x, &y| {
        let (a, b) = (&stories[x], &stories[y]);
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| b.articles.len().cmp(&a.articles.len()))
            .then(x.cmp(&y))
    })
}

/// The days with articles, oldest first, each with its briefing (stories
/// heaviest first, grouped by their first topic); for each article, the
/// index of its day; and for each day, the stories it shows.
///
/// A story running over several days shows each day that day's reports:
/// its card for that day is added to `story_cards`, and the day lists
/// that card.
fn lay_out_days<'a>(
    corpus: &'a Corpus,
    story_cards: &mut Vec<StoryCard<'a>>,
    article_urls: &[String],
    base: &str,
    style: &arabic::dates::DateStyle,
) -> (Vec<Day>, Vec<Option<usize>>, Vec<Vec<usize>>) {
    let articles = &corpus.articles;
    let mut day_articles: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        if let Some(p) = a.published {
            day_articles.entry(p.date).or_default().push(i);
        }
    }
    let mut article_day = vec![None; articles.len()];
    let mut days = Vec::with_capacity(day_articles.len());
    let mut stories_by_day: Vec<Vec<usize>> = Vec::with_capacity(day_articles.len());
    for (di, (date, list)) in day_articles.into_iter().enumerate() {
        let mut by_story: Vec<usize> = list
            .iter()
            .filter_map(|&i| articles[i].story)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        by_weight(&corpus.stories, &mut by_story);
        let stories: Vec<usize> = by_story
            .iter()
            .map(
                |&s| match crate::stories::briefing::day_of(&corpus.stories[s], date) {
                    Some(day) => {
                        let card = day_card(&story_cards[s], day, articles, article_urls, style);
                        story_cards.push(card);
                        story_cards.len() - 1
                    }
                    None => s,
                },
            )
            .collect();
        stories_by_day.push(by_story);
        for &i in &list {
            article_day[i] = Some(di);
        }
        days.push(Day {
            date,
            iso: date.to_string(),
            url: format!("{base}days/{date}/"),
            title: format_date_long(date, style),
            story_count: stories.len(),
            groups: topic_groups(&stories, story_cards, base),
            stories,
            article_count: list.len(),
        });
    }
    (days, article_day, stories_by_day)
}

/// A briefing's stories grouped by their first topic, groups in the order
/// of their first story.
fn topic_groups(stories: &[usize], story_cards: &[StoryCard], base: &str) -> Vec<TopicGroup> {
    let mut groups: Vec<TopicGroup> = Vec::new();
    for &s in stories {
        let topic = story_cards[s]
            .topics
            .first()
            .cloned()
            .unwrap_or_else(|| Link {
                url: format!("{base}topics/{OTHER_TOPIC}/"),
                name: "أخرى".into(),
            });
        match groups.iter_mut().find(|g| g.topic == topic) {
            Some(g) => g.stories.push(s),
            None => groups.push(TopicGroup {
                topic,
                stories: vec![s],
            }),
        }
    }
    groups
}

/// The ISO weeks with articles, oldest first, each with its heaviest
/// stories.
fn lay_out_weeks(
    stories: &[crate::stories::Story],
    days: &[Day],
    stories_by_day: &[Vec<usize>],
    base: &str,
    style: &arabic::dates::DateStyle,
) -> Vec<Week> {
    let mut week_days: BTreeMap<IsoWeek, Vec<usize>> = BTreeMap::new();
    for (di, d) in days.iter().enumerate() {
        week_days.entry(d.date.iso_week()).or_default().push(di);
    }
    week_days
        .into_iter()
        .map(|(w, dlist)| {
            let mut top: Vec<usize> = dlist
                .iter()
                .flat_map(|&d| stories_by_day[d].iter().copied())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            by_weight(stories, &mut top);
            top.truncate(WEEKLY_STORIES);
            let key = format!("{}-w{:02}", w.year(), w.week());
            let first = NaiveDate::from_isoywd_opt(w.year(), w.week(), chrono::Weekday::Mon)
                .expect("an ISO week that has a day has a Monday");
            let last = first + chrono::Days::new(6);
            Week {
                url: format!("{base}weeks/{key}/"),
                number: w.week(),
                year: w.year(),
                first: format_date(first, style),
                last: format_date(last, style),
                key,
                stories: top,
                days: dlist,
            }
        })
        .collect()
}

/// The stories of the last two calendar days that have articles (the last
/// 24–48 hours of news), most reports first, grouped by their first topic:
/// a quiet last day does not make a one-story front page, and a story
/// told by many outlets leads one told by one.
fn front_page(
    stories: &[crate::stories::Story],
    days: &[Day],
    stories_by_day: &[Vec<usize>],
    story_cards: &[StoryCard],
    base: &str,
) -> Vec<TopicGroup> {
    let Some(last) = days.last() else {
        return Vec::new();
    };
    let since = last.date - chrono::Days::new(1);
    let mut lead: Vec<usize> = days
        .iter()
        .zip(stories_by_day)
        .filter(|(d, _)| d.date >= since)
        .flat_map(|(_, list)| list.iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    lead.sort_by(|&x, &y| {
        let (a, b) = (&stories[x], &stories[y]);
        b.reports
            .len()
            .cmp(&a.reports.len())
            .then_with(|| b.weight.total_cmp(&a.weight))
            .then(x.cmp(&y))
    });
    lead.truncate(FRONT_STORIES);
    topic_groups(&lead, story_cards, base)
}

/// Each term's position in `terms`, by slug.
fn positions_by_slug(terms: &[Term]) -> HashMap<String, usize> {
    terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.slug.clone(), i))
        .collect()
}

/// A link to each term, by slug.
fn links_by_slug(terms: &[Term]) -> HashMap<&str, Link> {
    terms.iter().map(|t| (t.slug.as_str(), link(t))).collect()
}

/// A link to a term page.
pub fn link(term: &Term) -> Link {
    Link {
        url: term.url.clone(),
        name: term.name.clone(),
    }
}

/// Stable, unique slugs for source names, assigned in name order.
fn source_slugs(articles: &[Article]) -> HashMap<String, String> {
    let names: BTreeSet<&str> = articles
        .iter()
        .filter_map(|a| a.source.as_deref())
        .collect();
    let mut registry = crate::slug::SlugRegistry::default();
    names
        .into_iter()
        .map(|n| {
            (
                n.to_string(),
                registry.claim(&crate::slug::slugify(n), "source"),
            )
        })
        .collect()
}

fn entity_details(
    entity: &crate::entities::Entity,
    profile: crate::entities::EntityProfile,
    known: &HashMap<&str, &crate::entities::Entity>,
    base: &str,
    articles: &[Article],
    topic_links: &HashMap<&str, Link>,
    style: &arabic::dates::DateStyle,
) -> EntityInfo {
    // A quote republished by several outlets is shown once.
    let mut seen_quotes = std::collections::HashSet::new();
    let quotes = profile
        .quotes
        .iter()
        .filter(|q| seen_quotes.insert(arabic::phrase_key(&q.text)))
        .take(ENTITY_QUOTES)
        .map(|q| {
            let a = &articles[q.article];
            QuoteView {
                text: q.text.clone(),
                article: Link {
                    url: format!("{base}articles/{}/", a.slug),
                    name: a.title.clone(),
                },
                date: a
                    .published
                    .map(|p| format_date(p.date, style))
                    .unwrap_or_default(),
            }
        })
        .collect();
    let co_mentions = profile
        .co_mentions
        .iter()
        .filter_map(|(s, n)| {
            known.get(s.as_str()).map(|e| Counted {
                link: Link {
                    url: format!("{base}entities/{s}/"),
                    name: e.name.clone(),
                },
                count: *n,
            })
        })
        .take(CO_MENTIONS)
        .collect();
    let topics = profile
        .topics
        .iter()
        .filter_map(|(t, n)| {
            topic_links.get(t.as_str()).map(|l| Counted {
                link: l.clone(),
                count: *n,
            })
        })
        .collect();
    let mentions = profile.mentions;
    let listed = profile.timeline.len();
    EntityInfo {
        kind: entity.kind,
        english: entity.english.clone(),
        mentions,
        article_count: listed,
        variants: profile
            .variants
            .iter()
            .map(|(v, _)| v.clone())
            .filter(|v| arabic::phrase_key(v) != arabic::phrase_key(&entity.name))
            .collect(),
        sentences: profile.timeline.into_iter().map(|t| t.sentence).collect(),
        co_mentions,
        topics,
        quotes,
    }
}
