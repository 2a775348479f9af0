//! Same-event grouping at scale.
//!
//! Comparing every pair of 100,000 articles is out of the question, so
//! candidate pairs come from an inverted index over each article's most
//! telling terms, restricted to the date window; only those pairs are
//! scored. Clusters then grow by average linkage from the strongest pair
//! down, which keeps two different Putin meetings a week apart from being
//! chained together through a third article that mentions both.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::duplicates;
use super::features::{Corpus, Features};
use super::kind::{self, Cues, EventDay, Kind};
use super::linkage::Clusters;
use super::memo::Memo;
use super::setting::{Regions, Setting};
use crate::article::Article;
use crate::config::StoryConfig;
use crate::vectors::cosine;

/// Terms per article that go into the inverted index: its highest-weighted
/// terms found in at least one other article.
const SIGNATURE_TERMS: usize = 15;

/// Two articles are scored only when they share this many signature terms.
const MIN_SHARED_TERMS: usize = 2;

/// Each article is scored against at most this many candidates, those
/// sharing the most signature terms with it.
const MAX_CANDIDATES: usize = 40;

/// A term shared by more articles than this within the window is too
/// common at that moment to point at one event and is not followed.
const MAX_POSTINGS: usize = 150;

/// Pairs scoring below this fraction of the threshold are forgotten; those
/// above count towards the average linkage of the clusters they join.
const LINK_FLOOR: f32 = 0.5;

/// The most links an undated article keeps (see [`undated_links_kept`]).
const MAX_UNDATED_LINKS: usize = 40;

/// Body cosine above which a pair is checked for being the same text.
const DUPLICATE_PREFILTER: f32 = 0.5;

/// A member counts as close to an article of its story when their score
/// reaches this fraction of the threshold (see [`Clusters::core_share`]).
const CORE_LINK: f32 = 0.8;

/// How much of the similarity is lost at the edge of the date window.
const WINDOW_DECAY: f32 = 0.3;

/// What grouping reads of each article beside its vectors and day.
#[derive(Clone, Copy)]
pub struct Read<'r, 'a> {
    pub cues: &'r [Cues],
    pub settings: &'r [Setting<'a>],
    /// Which places lie within which, to tell where reports set events.
    pub regions: &'r Regions<'a>,
}

/// The outcome of grouping.
#[derive(Debug, Clone, Default)]
pub struct Grouping {
    /// Article indices of each cluster, ascending; clusters in order of
    /// their first article.
    pub clusters: Vec<Vec<usize>>,
    /// Pairs of articles that are the same text filed twice.
    pub duplicates: Vec<(usize, usize)>,
    /// For each undated article, the articles it is similar to and how
    /// much, by article; nothing for a dated one, which takes no date from
    /// its story.
    pub links: Vec<Vec<(u32, f32)>>,
    /// Every copy check this grouping needed, by the two texts'
    /// fingerprints, for the next build's [`Memo`].
    pub copy_checks: Vec<(u64, u64, bool)>,
}

/// The days from the first of `a` and `b` to the last.
fn widen(a: Option<(i32, i32)>, b: Option<(i32, i32)>) -> Option<(i32, i32)> {
    match (a, b) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
        (a, b) => a.or(b),
    }
}

/// Days since the common era, or `None` for an undated article.
pub fn day_numbers(articles: &[Article]) -> Vec<Option<i32>> {
    use chrono::Datelike;
    articles
        .iter()
        .map(|a| a.published.map(|p| p.date.num_days_from_ce()))
        .collect()
}

/// Groups articles into same-event clusters. `prints` are the articles'
/// [`super::memo::fingerprint`]s; copy checks `memo` remembers are not repeated.
pub fn group(
    articles: &[Article],
    corpus: &Corpus,
    days: &[Option<i32>],
    Read {
        cues,
        settings,
        regions,
    }: Read,
    config: &StoryConfig,
    (memo, prints): (&Memo, &[u64]),
) -> Grouping {
    let n = articles.len();
    let pairs = candidate_pairs(corpus, days, config.window_days as i32);
    let when = timings(cues, days);
    let floor = LINK_FLOOR * config.threshold.min(config.undated_threshold);
    let bodies = body_cosines(corpus, &pairs);
    // Pairs are independent: score them in parallel, keep them in order.
    let scores: Vec<f32> = pairs
        .par_iter()
        .zip(&bodies)
        .map(|(&(i, j), &body)| {
            let (i, j) = (i as usize, j as usize);
            let fit = date_fit(when[i], when[j], config.window_days);
            let (a, b) = (&corpus.features[i], &corpus.features[j]);
            if both_background(&cues[i], &cues[j]) {
                text_similarity(body, a, b, fit)
            } else {
                similarity(body, a, b, fit)
            }
        })
        .collect();
    let kept = undated_links_kept(&pairs, &scores, days, floor);
    let mut edges: Vec<(u32, u32, f32)> = Vec::new();
    let mut suspects: Vec<(u32, u32)> = Vec::new();
    for (((&(i, j), &body), &score), &kept) in pairs.iter().zip(&bodies).zip(&scores).zip(&kept) {
        if score >= floor && kept {
            edges.push((i, j, score));
            if body >= DUPLICATE_PREFILTER {
                suspects.push((i, j));
            }
        }
    }
    drop((pairs, bodies, scores));
    let texts: Vec<(u64, u64)> = suspects
        .iter()
        .map(|&(i, j)| (prints[i as usize], prints[j as usize]))
        .collect();
    let remembered = memo.copies(&texts);
    let unknown: Vec<(u32, u32)> = suspects
        .iter()
        .zip(&remembered)
        .filter(|(_, known)| known.is_none())
        .map(|(&pair, _)| pair)
        .collect();
    let found: HashSet<(usize, usize)> = duplicates::find(
        articles,
        days,
        config.window_days as i32,
        &unknown,
        config.duplicate_threshold,
    )
    .into_iter()
    .collect();
    drop(unknown);
    let copy_checks: Vec<(u64, u64, bool)> = suspects
        .iter()
        .zip(texts)
        .zip(remembered)
        .map(|((&(i, j), (a, b)), known)| {
            let copy = known.unwrap_or_else(|| found.contains(&(i as usize, j as usize)));
            (a, b, copy)
        })
        .collect();
    let duplicates: Vec<(usize, usize)> = suspects
        .iter()
        .zip(&copy_checks)
        .filter(|(_, check)| check.2)
        .map(|(&(i, j), _)| (i as usize, j as usize))
        .collect();
    drop((suspects, found));

    let event_days: Vec<Option<EventDay>> = cues
        .iter()
        .zip(days)
        .map(|(c, d)| d.map(|d| kind::event_day(c, d)))
        .collect();
    let mut sets = Clusters::new(n, &edges);
    let links = (0..n)
        .map(|i| match days[i] {
            Some(_) => Vec::new(),
            None => sets.neighbours(i).to_vec(),
        })
        .collect();
    edges.retain(|&(i, j, s)| {
        let (i, j) = (i as usize, j as usize);
        if cues[i].kind != cues[j].kind {
            // A preview, profile or explainer is not the event it is about.
            return false;
        }
        let needed = match date_fit(when[i], when[j], config.window_days) {
            DateFit::Days(_) if tell_other_days(event_days[i], event_days[j]) => {
                config.other_day_threshold
            }
            DateFit::Days(_) | DateFit::Weekday => config.threshold,
            DateFit::Unknown | DateFit::Contradicted => config.undated_threshold,
        };
        s >= needed
    });
    edges.par_sort_unstable_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));

    sets.merge_copies(&duplicates);
    // The days each group's dated articles span, by group: an undated
    // article alike to two events a week apart must not join them.
    let mut span: Vec<Option<(i32, i32)>> = vec![None; n];
    // Each group's reports that name a place in their lede: two groups
    // holding two reports set apart by place do not merge.
    let mut placed: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (i, &day) in days.iter().enumerate() {
        let root = sets.find(i);
        span[root] = widen(span[root], day.map(|d| (d, d)));
        if cues[i].kind == Kind::Report && settings[i].is_placed() {
            placed[root].push(i as u32);
        }
    }
    // Each group's reports by the day of the event they tell: two groups
    // telling mostly different days' events (a strike on the 16th, another
    // on the 17th) join only by a link as strong as two reports of
    // different days need.
    let mut told: Vec<Vec<EventDay>> = vec![Vec::new(); n];
    for i in 0..n {
        if cues[i].kind == Kind::Report
            && let Some(day) = event_days[i]
        {
            told[sets.find(i)].push(day);
        }
    }
    let set_apart = |a: &[u32], b: &[u32]| {
        a.iter().any(|&x| {
            b.iter().any(|&y| {
                let (x, y) = (x as usize, y as usize);
                settings[x].apart(&settings[y], regions)
            })
        })
    };
    for &(i, j, score) in &edges {
        let (a, b) = (sets.find(i as usize), sets.find(j as usize));
        let joined = widen(span[a], span[b]);
        let other_days = || tell_other_days(main_day(&told[a]), main_day(&told[b]));
        if a != b
            && joined.is_none_or(|(first, last)| last - first <= config.window_days as i32)
            && (score >= config.other_day_threshold || !other_days())
            && sets.average_link(a, b) >= config.cohesion
            && sets.core_share(a, b, config.threshold * CORE_LINK) >= config.core_share
            && !set_apart(&placed[a], &placed[b])
        {
            sets.merge(a, b);
            let root = sets.find(a);
            span[root] = joined;
            let moved = std::mem::take(&mut placed[if root == a { b } else { a }]);
            placed[root].extend(moved);
            let moved = std::mem::take(&mut told[if root == a { b } else { a }]);
            told[root].extend(moved);
        }
    }
    Grouping {
        clusters: sets.into_groups(),
        duplicates,
        links,
        copy_checks,
    }
}

/// The day most of a group's reports tell, the earliest among equals:
/// stated when any report telling that day says so, published when the
/// first of them was.
fn main_day(days: &[EventDay]) -> Option<EventDay> {
    let mut counts: Vec<(EventDay, usize)> = Vec::new();
    for &d in days {
        match counts.iter_mut().find(|(told, _)| told.day == d.day) {
            Some((told, n)) => {
                *n += 1;
                told.stated |= d.stated;
            }
            None => counts.push((d, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(told, n)| (n, std::cmp::Reverse(told.day)))
        .map(|(told, _)| told)
}

/// Whether two reports (or groups) tell events of different days, as far
/// as their dates say (see [`EventDay::other_than`]).
fn tell_other_days(a: Option<EventDay>, b: Option<EventDay>) -> bool {
    a.zip(b).is_some_and(|(a, b)| a.other_than(b))
}

/// Which pairs to keep as links, as far as undated articles go: a pair
/// with an undated article is kept when it is among that article's
/// [`MAX_UNDATED_LINKS`] best-scoring links (or the other end's, when it
/// is undated too). An undated article may belong to a story of any date,
/// so every dated article sharing its terms reads it, and its links grow
/// with the archive; it joins one story, which its best links show.
fn undated_links_kept(
    pairs: &[(u32, u32)],
    scores: &[f32],
    days: &[Option<i32>],
    floor: f32,
) -> Vec<bool> {
    let undated = |i: u32| days[i as usize].is_none();
    let mut kept: Vec<bool> = pairs
        .iter()
        .map(|&(i, j)| !undated(i) && !undated(j))
        .collect();
    let mut by_article: HashMap<u32, Vec<(f32, usize)>> = HashMap::new();
    for (k, (&(i, j), &score)) in pairs.iter().zip(scores).enumerate() {
        if score < floor {
            continue;
        }
        for end in [i, j].into_iter().filter(|&e| undated(e)) {
            by_article.entry(end).or_default().push((score, k));
        }
    }
    for links in by_article.values_mut() {
        links.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, k) in links.iter().take(MAX_UNDATED_LINKS) {
            kept[k] = true;
        }
    }
    kept
}

/// What is known of when an article was published: its day, or for an
/// undated article the weekdays its lede names (a bit per weekday, Monday
/// first; none when it names no weekday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Day(i32),
    Weekdays(u8),
}

/// Each article's [`When`]: weekdays count only for undated articles.
fn timings(cues: &[Cues], days: &[Option<i32>]) -> Vec<When> {
    cues.iter()
        .zip(days)
        .map(|(cues, day)| match day {
            Some(d) => When::Day(*d),
            None => When::Weekdays(cues.weekdays),
        })
        .collect()
}

/// How the dates of two articles bear on their being one event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DateFit {
    /// Both dated: how far apart, as a fraction of the date window (0–1).
    Days(f32),
    /// An undated article names a weekday that fits the other's date (that
    /// day or the day after): as good as a date within the window.
    Weekday,
    /// An undated article names weekdays that fit neither the other's date
    /// nor the weekdays it names: they were most likely written days apart.
    Contradicted,
    /// Nothing to compare.
    Unknown,
}

/// Bits of the weekdays a date allows an article to name: its own and the
/// day before (news is often published the day after the event it dates).
fn weekdays_fitting(day: i32) -> u8 {
    // Day 1 of the common era (0001-01-01) was a Monday.
    let today = (day - 1).rem_euclid(7) as u32;
    let yesterday = (today + 6) % 7;
    (1 << today) | (1 << yesterday)
}

/// Weekday bits spread to the day before and the day after.
fn with_neighbours(bits: u8) -> u8 {
    let later = (bits << 1 | bits >> 6) & 0x7f;
    let earlier = (bits >> 1 | bits << 6) & 0x7f;
    bits | later | earlier
}

/// What the dates of two articles say about their being one event.
pub fn date_fit(a: When, b: When, window_days: u32) -> DateFit {
    match (a, b) {
        (When::Day(x), When::Day(y)) => {
            let apart = (x - y).unsigned_abs() as f32;
            DateFit::Days((apart / window_days.max(1) as f32).min(1.0))
        }
        (When::Weekdays(0), _) | (_, When::Weekdays(0)) => DateFit::Unknown,
        (When::Day(d), When::Weekdays(named)) | (When::Weekdays(named), When::Day(d)) => {
            if named & weekdays_fitting(d) != 0 {
                DateFit::Weekday
            } else {
                DateFit::Contradicted
            }
        }
        (When::Weekdays(x), When::Weekdays(y)) => {
            if with_neighbours(x) & y != 0 {
                DateFit::Unknown
            } else {
                DateFit::Contradicted
            }
        }
    }
}

/// How alike two articles are, from 0 to 1, given the cosine of their
/// bodies: their text above all, their titles, and the entities they name
/// when entity recognition found some, fading as their dates part.
pub fn similarity(body: f32, a: &Features, b: &Features, fit: DateFit) -> f32 {
    let entities = (!a.entities.is_empty() && !b.entities.is_empty())
        .then(|| cosine(&a.entities, &b.entities));
    blend(body, cosine(&a.title, &b.title), entities, fit)
}

/// The body, title and (when known) entity cosines of two articles made
/// one score, faded by how far apart their dates are.
fn blend(body: f32, title: f32, entities: Option<f32>, fit: DateFit) -> f32 {
    let score = match entities {
        None => 0.8 * body + 0.2 * title,
        Some(entities) => 0.65 * body + 0.15 * title + 0.2 * entities,
    };
    match fit {
        DateFit::Days(apart) => score * (1.0 - WINDOW_DECAY * apart),
        DateFit::Contradicted => score * (1.0 - WINDOW_DECAY),
        DateFit::Weekday | DateFit::Unknown => score,
    }
}

/// Whether both articles are pieces written around an event (see
/// [`kind::Kind`]): a profile, an analysis and an explainer of the same
/// affair all name its actors, so shared entities do not make two of them
/// one piece.
fn both_background(a: &Cues, b: &Cues) -> bool {
    a.kind == kind::Kind::Background && b.kind == kind::Kind::Background
}

/// [`similarity`] from the text and titles alone, the entities left out:
/// how alike two pieces around an event are, which only the same piece
/// told twice (two outlets' profiles of one new minister) makes high.
pub fn text_similarity(body: f32, a: &Features, b: &Features, fit: DateFit) -> f32 {
    blend(body, cosine(&a.title, &b.title), None, fit)
}

/// The body cosine of every candidate pair (sorted by first article).
///
/// Body vectors hold a couple of hundred terms, and merging two sorted
/// lists of them costs a mispredicted branch per term. Instead the first
/// article's weights are spread once into a dense array indexed by term
/// id, and each of its candidates is read against that array: one load per
/// term, no branches, for the tens of candidates it has.
fn body_cosines(corpus: &Corpus, pairs: &[(u32, u32)]) -> Vec<f32> {
    let bodies: Vec<&[(u32, f32)]> = corpus.features.iter().map(|f| &f.body[..]).collect();
    let vocabulary = corpus.vocabulary();
    let by_first: Vec<&[(u32, u32)]> = pairs.chunk_by(|a, b| a.0 == b.0).collect();
    by_first
        .par_iter()
        .map_init(
            || vec![0.0f32; vocabulary],
            |dense, group| {
                let first = bodies[group[0].0 as usize];
                for &(t, w) in first {
                    dense[t as usize] = w;
                }
                // Summed in the order of the other article's terms, as the
                // sorted merge would: the same input gives the same floats.
                let scores: Vec<f32> = group
                    .iter()
                    .map(|&(_, j)| {
                        bodies[j as usize]
                            .iter()
                            .map(|&(t, w)| dense[t as usize] * w)
                            .sum()
                    })
                    .collect();
                for &(t, _) in first {
                    dense[t as usize] = 0.0;
                }
                scores
            },
        )
        .flatten_iter()
        .collect()
}

/// Day key of an undated article: after every date.
const UNDATED: i32 = i32::MAX;

/// Signature terms → the articles holding them, flat: the postings of term
/// `t` are `articles[starts[t]..starts[t + 1]]`, ordered by day (undated
/// last) then article, with each article's day alongside so that the date
/// window is found by binary search without looking articles up.
struct InvertedIndex {
    starts: Vec<u32>,
    days: Vec<i32>,
    articles: Vec<u32>,
}

impl InvertedIndex {
    fn build(signatures: &[Vec<u32>], days: &[Option<i32>], vocabulary: usize) -> InvertedIndex {
        let mut starts = vec![0u32; vocabulary + 1];
        for terms in signatures {
            for &t in terms {
                starts[t as usize + 1] += 1;
            }
        }
        for t in 0..vocabulary {
            starts[t + 1] += starts[t];
        }
        let total = starts[vocabulary] as usize;
        let mut next = starts.clone();
        let mut by_day: Vec<(i32, u32)> = days
            .iter()
            .enumerate()
            .map(|(i, d)| (d.unwrap_or(UNDATED), i as u32))
            .collect();
        by_day.sort_unstable();
        let mut index = InvertedIndex {
            starts,
            days: vec![0; total],
            articles: vec![0; total],
        };
        // Filling in day order leaves every term's postings in day order.
        for (day, i) in by_day {
            for &t in &signatures[i as usize] {
                let at = next[t as usize] as usize;
                next[t as usize] += 1;
                index.days[at] = day;
                index.articles[at] = i;
            }
        }
        index
    }

    /// The days and articles of term `t`'s postings.
    fn postings(&self, t: u32) -> (&[i32], &[u32]) {
        let range = self.starts[t as usize] as usize..self.starts[t as usize + 1] as usize;
        (&self.days[range.clone()], &self.articles[range])
    }
}

/// Pairs `(i, j)`, `i < j`, sharing enough telling terms within the date
/// window, sorted. An undated article is compared with articles of any
/// date, but only through terms that are rare across the whole corpus.
fn candidate_pairs(corpus: &Corpus, days: &[Option<i32>], window: i32) -> Vec<(u32, u32)> {
    let signatures: Vec<Vec<u32>> = corpus
        .features
        .par_iter()
        .map(|f| signature(&f.body, &corpus.body_df))
        .collect();
    let index = InvertedIndex::build(&signatures, days, corpus.vocabulary());

    let n = signatures.len();
    let mut pairs: Vec<(u32, u32)> = signatures
        .par_iter()
        .enumerate()
        .map_init(
            || SharedTerms::new(n),
            |shared, (i, terms)| {
                for &t in terms {
                    let (post_days, post_articles) = index.postings(t);
                    let undated_from = post_days.partition_point(|&d| d < UNDATED);
                    let (lo, hi) = match days[i] {
                        Some(d) => (
                            post_days[..undated_from].partition_point(|&p| p < d - window),
                            post_days[..undated_from].partition_point(|&p| p <= d + window),
                        ),
                        None => (0, undated_from),
                    };
                    for slice in [&post_articles[lo..hi], &post_articles[undated_from..]] {
                        if slice.len() <= MAX_POSTINGS {
                            shared.count(slice.iter().filter(|&&j| j as usize != i));
                        }
                    }
                }
                // The closest candidates first; a bounded number of them
                // keeps the work linear in the number of articles however
                // crowded a news day is.
                let mut closest = shared.take(MIN_SHARED_TERMS);
                closest.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                closest.truncate(MAX_CANDIDATES);
                let i = i as u32;
                closest
                    .into_iter()
                    .map(|(_, j)| (i.min(j), i.max(j)))
                    .collect::<Vec<_>>()
            },
        )
        .flatten_iter()
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// How many signature terms each other article shares with the one being
/// read: a counter per article, reset through the list of those touched,
/// so that reading an article costs what its postings hold and not a sort
/// of them.
struct SharedTerms {
    counts: Vec<u16>,
    touched: Vec<u32>,
}

impl SharedTerms {
    fn new(articles: usize) -> SharedTerms {
        SharedTerms {
            counts: vec![0; articles],
            touched: Vec::new(),
        }
    }

    fn count<'a>(&mut self, articles: impl Iterator<Item = &'a u32>) {
        for &j in articles {
            let c = &mut self.counts[j as usize];
            if *c == 0 {
                self.touched.push(j);
            }
            *c = c.saturating_add(1);
        }
    }

    /// `(shared terms, article)` for every article sharing at least `min`
    /// terms; the counters are left at zero for the next article.
    fn take(&mut self, min: usize) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        for j in self.touched.drain(..) {
            let c = std::mem::take(&mut self.counts[j as usize]) as usize;
            if c >= min {
                out.push((c, j));
            }
        }
        out
    }
}

/// An article's highest-weighted terms that some other article also has.
fn signature(body: &[(u32, f32)], df: &[u32]) -> Vec<u32> {
    let mut shared: Vec<(u32, f32)> = body
        .iter()
        .copied()
        .filter(|&(t, _)| df[t as usize] >= 2)
        .collect();
    shared.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // Copied out, not collected in place: that would keep the buffer of
    // every shared term (ten times the size) for each of the articles.
    shared
        .iter()
        .take(SIGNATURE_TERMS)
        .map(|&(t, _)| t)
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate};

    use super::*;

    fn day(date: &str) -> When {
        When::Day(
            date.parse::<NaiveDate>()
                .expect("valid date")
                .num_days_from_ce(),
        )
    }

    fn named(days: &[chrono::Weekday]) -> When {
        When::Weekdays(
            days.iter()
                .fold(0, |bits, d| bits | 1 << d.num_days_from_monday()),
        )
    }

    use chrono::Weekday::{Mon, Sat, Sun, Tue, Wed};

    #[test]
    fn a_group_is_dated_by_the_day_most_of_its_reports_tell() {
        let told = |day| EventDay {
            day,
            stated: true,
            published: day,
        };
        let day_of = |days: &[EventDay]| main_day(days).map(|d| d.day);
        assert_eq!(day_of(&[told(16), told(17), told(16)]), Some(16));
        // The earliest among equals; nothing for a group of no report.
        assert_eq!(day_of(&[told(17), told(16)]), Some(16));
        assert_eq!(day_of(&[]), None);
    }

    /// Of two reports published the same day, one that names no day may
    /// tell the day before, which the other names («الأحد»); reports
    /// published on different days tell different days unless they say
    /// otherwise.
    #[test]
    fn a_report_that_names_no_day_may_tell_the_day_before() {
        let on = |day, published| {
            Some(EventDay {
                day,
                stated: true,
                published,
            })
        };
        let unsaid = |published| {
            Some(EventDay {
                day: published,
                stated: false,
                published,
            })
        };
        assert!(!tell_other_days(on(11, 12), unsaid(12)));
        assert!(!tell_other_days(unsaid(12), on(11, 12)));
        assert!(!tell_other_days(on(12, 12), unsaid(12)));
        assert!(tell_other_days(on(11, 11), unsaid(12)));
        assert!(tell_other_days(on(10, 11), unsaid(12)));
        assert!(tell_other_days(unsaid(11), unsaid(12)));
        assert!(tell_other_days(on(11, 12), on(12, 12)));
        assert!(!tell_other_days(None, on(12, 12)));
        // A group is as stated as any of its reports of its main day.
        let group = main_day(&[unsaid(11).unwrap(), on(11, 12).unwrap()]);
        assert!(group.is_some_and(|d| d.stated));
    }

    #[test]
    fn an_undated_article_keeps_only_its_best_links() {
        // Article 0 is undated and linked to 60 dated articles, 1..=60,
        // which are also linked in a chain among themselves.
        let mut days = vec![None];
        days.extend((1..=60).map(Some));
        let mut pairs: Vec<(u32, u32)> = (1..=60).map(|j| (0, j)).collect();
        pairs.extend((1..60).map(|i| (i, i + 1)));
        let scores: Vec<f32> = pairs.iter().map(|&(i, j)| (i + j) as f32 / 100.0).collect();
        let kept = undated_links_kept(&pairs, &scores, &days, 0.0);
        let kept_from_undated: Vec<u32> = pairs
            .iter()
            .zip(&kept)
            .filter(|&(&(i, _), &k)| i == 0 && k)
            .map(|(&(_, j), _)| j)
            .collect();
        assert_eq!(kept_from_undated, (21..=60).collect::<Vec<_>>());
        assert!(
            kept[60..].iter().all(|&k| k),
            "links between dated articles stay"
        );
    }

    #[test]
    fn a_named_weekday_on_the_date_or_the_day_before_fits_it() {
        // 2025-08-13 was a Wednesday: a report of "Wednesday" or of the
        // call "on Tuesday" fits it, one of "Monday" or "Saturday" does not.
        assert_eq!(
            date_fit(named(&[Wed]), day("2025-08-13"), 3),
            DateFit::Weekday
        );
        assert_eq!(
            date_fit(day("2025-08-13"), named(&[Tue]), 3),
            DateFit::Weekday
        );
        assert_eq!(
            date_fit(named(&[Mon]), day("2025-08-13"), 3),
            DateFit::Contradicted
        );
        assert_eq!(
            date_fit(named(&[Sat]), day("2025-08-13"), 3),
            DateFit::Contradicted
        );
        assert_eq!(date_fit(named(&[]), day("2025-08-13"), 3), DateFit::Unknown);
    }

    #[test]
    fn undated_articles_naming_days_far_apart_are_told_apart() {
        assert_eq!(date_fit(named(&[Sun]), named(&[Mon]), 3), DateFit::Unknown);
        // The week wraps: Sunday and Monday are neighbours, Saturday and
        // Monday are not.
        assert_eq!(date_fit(named(&[Sun]), named(&[Sat]), 3), DateFit::Unknown);
        assert_eq!(
            date_fit(named(&[Sat]), named(&[Mon]), 3),
            DateFit::Contradicted
        );
        assert_eq!(date_fit(named(&[Wed]), named(&[]), 3), DateFit::Unknown);
    }

    #[test]
    fn dated_articles_fade_towards_the_edge_of_the_window() {
        let (a, b) = (day("2025-09-10"), day("2025-09-12"));
        let DateFit::Days(apart) = date_fit(a, b, 4) else {
            panic!("two dated articles are compared by days");
        };
        assert!((apart - 0.5).abs() < 1e-6);
    }

    #[test]
    fn pieces_around_one_affair_are_not_joined_by_its_actors() {
        // Two analyses of a minister's dismissal: the same people named
        // (identical entity vectors), different titles, text a little alike.
        let piece = |title: u32| Features {
            body: Vec::new(),
            title: vec![(title, 1.0)],
            entities: vec![(100, 0.6), (101, 0.8)],
        };
        let (a, b) = (piece(1), piece(2));
        let fit = DateFit::Days(0.0);
        assert!(
            similarity(0.2, &a, &b, fit) >= 0.25,
            "reports: actors count"
        );
        assert!(
            text_similarity(0.2, &a, &b, fit) < 0.25,
            "pieces: text only"
        );
        // The same profile filed by two outlets is still one.
        assert!(text_similarity(0.35, &a, &a, fit) >= 0.25);
    }
}
