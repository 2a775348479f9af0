//! Threads on the site: each storyline's title, its stories in order, the
//! page and feed of a storyline long enough to follow, and the storylines
//! each entity is central to.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Link, StoryCard, count_label};
use crate::corpus::Corpus;
use arabic::dates::DateStyle;
use arabic::numbers;

/// How many stories a thread needs for a page and a feed of its own: two
/// stories are a link between two pages, three are a storyline to follow.
pub const THREAD_PAGE_STORIES: usize = 3;

/// How many threads an entity page lists, most recent first.
pub const ENTITY_THREADS: usize = 8;

/// How many stories of its thread a story page lists around itself; the
/// thread's own page lists them all.
pub const STORY_PAGE_THREAD: usize = 9;

/// A storyline as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct ThreadView {
    pub id: String,
    /// Its latest story's headline: where the storyline stands.
    pub title: String,
    /// Its page, when it has one (three stories or more).
    pub url: Option<String>,
    pub feed_url: Option<String>,
    /// Indices of its stories (and of their cards), oldest first.
    pub stories: Vec<usize>,
    /// The entities it is about, linked.
    pub actors: Vec<Link>,
    /// «3 قصص».
    pub count_label: String,
    /// «13 أغسطس – 27 أكتوبر 2025».
    pub span: String,
    /// Its latest story's day.
    #[serde(skip)]
    pub last: NaiveDate,
}

/// Every thread's view, in thread order, and for each entity (by its
/// position in the site's entity list) the threads it is an actor of,
/// latest first.
pub fn lay_out(
    corpus: &Corpus,
    story_cards: &[StoryCard],
    entity_positions: &HashMap<String, usize>,
    entity_links: &HashMap<&str, Link>,
    base: &str,
    style: &DateStyle,
) -> (Vec<ThreadView>, Vec<Vec<usize>>) {
    let stories = &corpus.stories;
    let views: Vec<ThreadView> = corpus
        .threads
        .threads
        .iter()
        .map(|t| {
            let first = stories[t.stories[0]].date.unwrap_or_default();
            let last_story = *t.stories.last().expect("a thread has stories");
            let last = stories[last_story].date.unwrap_or_default();
            let own_page = t.stories.len() >= THREAD_PAGE_STORIES;
            ThreadView {
                id: t.id.clone(),
                title: story_cards[last_story].headline.to_string(),
                url: own_page.then(|| format!("{base}threads/{}/", t.id)),
                feed_url: own_page.then(|| format!("{base}threads/{}/rss.xml", t.id)),
                stories: t.stories.clone(),
                actors: t
                    .actors
                    .iter()
                    .filter_map(|a| entity_links.get(a.as_str()).cloned())
                    .collect(),
                count_label: count_label(t.stories.len(), &numbers::STORY, style),
                span: crate::charts::day_range(first, last, style),
                last,
            }
        })
        .collect();
    let mut of_entity: Vec<Vec<usize>> = vec![Vec::new(); entity_positions.len()];
    for (k, t) in corpus.threads.threads.iter().enumerate() {
        for a in &t.actors {
            if let Some(&e) = entity_positions.get(a) {
                of_entity[e].push(k);
            }
        }
    }
    for list in &mut of_entity {
        list.sort_by(|&a, &b| views[b].last.cmp(&views[a].last).then(a.cmp(&b)));
        list.truncate(ENTITY_THREADS);
    }
    (views, of_entity)
}
