//! Threads: stories that continue one another over weeks or months.
//!
//! A story is one event within a few days. A reader also wants the
//! storyline it belongs to: today's meeting continues last summer's call
//! and last year's visit. Two stories continue one storyline when they
//! share at least two of their main actors and either speak of the same
//! distinctive subject once the actors' own names are set aside, or have
//! the same cast (most of their main actors) and some subject in common.
//! One leader doing something else with someone else stays apart, and so
//! does the same country's next missile test beside a summit.
//!
//! Each story is compared only with the few stories before it that share a
//! pair of its main actors, so linking is near-linear in the number of
//! stories; each story links to its single best predecessor, and threads
//! are the trees those links make.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::article::Article;
use crate::stories::Story;
use crate::vectors::{Sparse, cosine, idf, normalize_vector};

/// A storyline: stories that continue one another, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thread {
    /// Stable identifier, usable as a URL segment: its first story's id.
    pub id: String,
    /// Indices into the story list, oldest first.
    pub stories: Vec<usize>,
    /// Entity slugs the thread is about: main actors shared by at least
    /// half of its stories, most shared first.
    pub actors: Vec<String>,
}

/// Every thread of two stories or more, and each story's thread.
#[derive(Debug, Clone, Default)]
pub struct Threads {
    /// Ordered by their first story.
    pub threads: Vec<Thread>,
    /// For each story, the index of its thread in `threads`.
    pub of_story: Vec<Option<usize>>,
}

/// How many of a story's most prominent entities count as its actors.
const ACTORS: usize = 4;

/// How many earlier stories sharing a pair of actors one story is compared
/// with: the most recent ones, since a storyline continues its last turn.
const LOOKBACK: usize = 12;

/// How much more a title stem says of a story's subject than a summary's.
const TITLE_WEIGHT: f32 = 2.0;

/// Subject similarity (cosine of headline and summary terms, actors'
/// names left out) above which two stories sharing a pair of actors
/// continue one storyline.
const SAME_SUBJECT: f32 = 0.2;

/// Share of main actors (Jaccard) above which two stories have the same
/// cast: the same leaders meeting again, the same parties negotiating
/// again. Their subject may then be told in other words, but not in none.
const SAME_CAST: f32 = 0.5;
/// The least subject similarity for stories with the same cast.
const SOME_SUBJECT: f32 = 0.02;

/// Links stories into threads. Undated stories stay out: a storyline is a
/// sequence in time.
pub fn link(stories: &[Story], articles: &[Article]) -> Threads {
    let subjects = subject_vectors(stories, articles);
    let actors: Vec<&[String]> = stories
        .iter()
        .map(|s| &s.entities[..s.entities.len().min(ACTORS)])
        .collect();

    // Stories in date order, each bucketed under every pair of its actors.
    let mut order: Vec<usize> = (0..stories.len())
        .filter(|&i| stories[i].date.is_some())
        .collect();
    order.sort_by_key(|&i| (stories[i].date, i));
    let mut buckets: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    let mut parent: Vec<Option<usize>> = vec![None; stories.len()];
    for &i in &order {
        let mut best: Option<(f32, usize)> = None;
        let mut seen = FxHashSet::default();
        for pair in actor_pairs(actors[i]) {
            let earlier = buckets.entry(pair).or_default();
            for &j in earlier.iter().rev().take(LOOKBACK) {
                if stories[j].date >= stories[i].date || !seen.insert(j) {
                    continue;
                }
                let subject = cosine(&subjects[i], &subjects[j]);
                let cast = overlap(actors[i], actors[j]);
                let continues =
                    subject >= SAME_SUBJECT || (cast >= SAME_CAST && subject >= SOME_SUBJECT);
                let score = subject + cast / 2.0;
                if continues && best.is_none_or(|(b, k)| (score, j) > (b, k)) {
                    best = Some((score, j));
                }
            }
            earlier.push(i);
        }
        parent[i] = best.map(|(_, j)| j);
    }

    let mut root: Vec<usize> = (0..stories.len()).collect();
    for &i in &order {
        if let Some(p) = parent[i] {
            root[i] = root[p];
        }
    }
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for &i in &order {
        members.entry(root[i]).or_default().push(i);
    }
    let mut threads: Vec<Thread> = members
        .into_values()
        .filter(|m| m.len() >= 2)
        .map(|stories_of| Thread {
            id: stories[stories_of[0]].id.clone(),
            actors: shared_actors(&stories_of, &actors),
            stories: stories_of,
        })
        .collect();
    threads.sort_by_key(|t| {
        let first = t.stories[0];
        (stories[first].date, first)
    });
    let mut of_story = vec![None; stories.len()];
    for (t, thread) in threads.iter().enumerate() {
        for &s in &thread.stories {
            of_story[s] = Some(t);
        }
    }
    Threads { threads, of_story }
}

/// Jaccard similarity of two stories' actors.
fn overlap(a: &[String], b: &[String]) -> f32 {
    let shared = a.iter().filter(|x| b.contains(x)).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    }
}

/// Every pair of a story's actors, each in a stable order.
fn actor_pairs(actors: &[String]) -> impl Iterator<Item = (&str, &str)> {
    actors.iter().enumerate().flat_map(move |(k, a)| {
        actors[k + 1..].iter().map(move |b| {
            let (a, b) = (a.as_str(), b.as_str());
            if a <= b { (a, b) } else { (b, a) }
        })
    })
}

/// The actors shared by at least half of a thread's stories, most shared
/// first (then by name, for a stable order).
fn shared_actors(thread: &[usize], actors: &[&[String]]) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &s in thread {
        for a in actors[s] {
            *counts.entry(a.as_str()).or_default() += 1;
        }
    }
    let mut shared: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|&(_, n)| 2 * n >= thread.len())
        .collect();
    shared.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    shared.into_iter().map(|(a, _)| a.to_string()).collect()
}

/// Each story's subject: the stems of its articles' titles (counted twice)
/// and of its summary, weighted by how rare they are among stories,
/// without the stems of the names its entities were written with (those
/// say who, not what).
fn subject_vectors(stories: &[Story], articles: &[Article]) -> Vec<Sparse> {
    let terms: Vec<Vec<(u32, f32)>> = stories
        .par_iter()
        .map(|story| {
            let names: HashSet<u32> = story
                .articles
                .iter()
                .flat_map(|&a| &articles[a].entities)
                .flat_map(|m| &m.variants)
                .flat_map(|v| arabic::stem_hashes(v))
                .collect();
            let titles = story
                .articles
                .iter()
                .flat_map(|&a| articles[a].title_stems())
                .map(|&s| (s, TITLE_WEIGHT));
            let summary = story
                .summary
                .iter()
                .flat_map(|line| arabic::stem_hashes(&line.text))
                .map(|s| (s, 1.0));
            let mut stems: Vec<(u32, f32)> = titles
                .chain(summary)
                .filter(|(s, _)| !names.contains(s))
                .collect();
            stems.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            stems.dedup_by_key(|(s, _)| *s);
            stems
        })
        .collect();
    let mut df: HashMap<u32, u32> = HashMap::new();
    for stems in &terms {
        for &(s, _) in stems {
            *df.entry(s).or_default() += 1;
        }
    }
    let n = stories.len() as f32;
    terms
        .into_iter()
        .map(|stems| {
            let mut v: Sparse = stems
                .into_iter()
                .map(|(s, w)| (s, w * idf(df[&s], n)))
                .collect();
            normalize_vector(&mut v);
            v
        })
        .collect()
}
