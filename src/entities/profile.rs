//! What the corpus says about each entity, for its page: the spellings
//! seen, a timeline of the articles naming it, the entities named alongside
//! it, the topics it appears in, and its recent quotes.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::article::{Article, Prominence};

/// How many co-mentioned entities, topics and quotes a profile keeps.
const CO_MENTIONS_KEPT: usize = 12;
const QUOTES_KEPT: usize = 10;

/// One entity across the corpus.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct EntityProfile {
    pub slug: String,
    /// Mentions over all articles.
    pub mentions: usize,
    /// Articles naming it, newest first (undated last).
    pub timeline: Vec<TimelineEntry>,
    /// Spellings as written, with the number of articles using each, most
    /// used first.
    pub variants: Vec<(String, usize)>,
    /// Other entities named in the same articles, with the number of
    /// articles shared, most shared first.
    pub co_mentions: Vec<(String, usize)>,
    /// Topics of its articles, with the number of articles, most first.
    pub topics: Vec<(String, usize)>,
    /// Its quotes, newest first.
    pub quotes: Vec<ProfileQuote>,
}

/// One article on an entity's timeline.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TimelineEntry {
    /// Index into the article slice the profile was built from.
    pub article: usize,
    /// The first sentence naming the entity, as a byte range of the
    /// article's titled text (read with [`Article::titled_span`]).
    pub sentence: Range<u32>,
    pub count: usize,
    pub prominence: Prominence,
}

/// A quote and the article it comes from.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ProfileQuote {
    pub article: usize,
    pub text: String,
}

/// Profiles of every entity mentioned in `articles`, by slug. Articles
/// marked in `copies` (a text already filed once, as story pages show it)
/// are left out, so that a copy neither lists an article twice nor counts
/// twice.
pub fn profiles(articles: &[Article], copies: &[bool]) -> BTreeMap<String, EntityProfile> {
    let mut order: Vec<usize> = (0..articles.len()).filter(|&i| !copies[i]).collect();
    // Newest first; undated articles last; input order breaks ties.
    order.sort_by_key(|&i| (Reverse(articles[i].published.map(|p| (p.date, p.time))), i));

    // Entities are numbered as first met, so that each mention costs one
    // lookup of its slug and the co-mention counts none.
    let mut numbers: FxHashMap<&str, usize> = FxHashMap::default();
    let mut tallies: Vec<Tally> = Vec::new();
    let mut ids = Vec::new();
    for &i in &order {
        let a = &articles[i];
        ids.clear();
        ids.extend(a.entities.iter().map(|m| {
            *numbers.entry(&m.slug).or_insert_with(|| {
                tallies.push(Tally::new(&m.slug));
                tallies.len() - 1
            })
        }));
        for (m, &id) in a.entities.iter().zip(&ids) {
            let t = &mut tallies[id];
            t.profile.mentions += m.count;
            t.profile.timeline.push(TimelineEntry {
                article: i,
                sentence: m.sentence.clone(),
                count: m.count,
                prominence: m.prominence,
            });
            for v in &m.variants {
                match t.variants.iter_mut().find(|(s, _)| s == v) {
                    Some((_, n)) => *n += 1,
                    None => t.variants.push((v, 1)),
                }
            }
            for &other in ids.iter().filter(|&&other| other != id) {
                *t.shared.entry(other).or_default() += 1;
            }
            for topic in &a.topics {
                *t.topics.entry(topic).or_default() += 1;
            }
        }
        for q in &a.quotes {
            if let Some(&id) = numbers.get(q.speaker.as_str())
                && tallies[id].profile.quotes.len() < QUOTES_KEPT
            {
                tallies[id].profile.quotes.push(ProfileQuote {
                    article: i,
                    text: q.text.clone(),
                });
            }
        }
    }
    let slugs: Vec<&str> = tallies.iter().map(|t| t.slug).collect();
    tallies
        .into_par_iter()
        .map(|t| t.finish(&slugs))
        .map(|p| (p.slug.clone(), p))
        .collect()
}

/// An entity's profile while the articles are read, with its counts by
/// spelling, co-mentioned entity (by number) and topic.
struct Tally<'a> {
    slug: &'a str,
    profile: EntityProfile,
    variants: Vec<(&'a str, usize)>,
    shared: FxHashMap<usize, usize>,
    topics: FxHashMap<&'a str, usize>,
}

impl<'a> Tally<'a> {
    fn new(slug: &'a str) -> Tally<'a> {
        Tally {
            slug,
            profile: EntityProfile {
                slug: slug.to_string(),
                ..Default::default()
            },
            variants: Vec::new(),
            shared: FxHashMap::default(),
            topics: FxHashMap::default(),
        }
    }

    /// The profile with its counts ranked; `slugs` names entities by number.
    fn finish(self, slugs: &[&str]) -> EntityProfile {
        let shared = self.shared.into_iter().map(|(id, n)| (slugs[id], n));
        EntityProfile {
            variants: ranked(self.variants, usize::MAX),
            co_mentions: ranked(shared.collect(), CO_MENTIONS_KEPT),
            topics: ranked(self.topics.into_iter().collect(), usize::MAX),
            ..self.profile
        }
    }
}

/// Most counted first, then alphabetically, at most `keep`.
fn ranked(mut items: Vec<(&str, usize)>, keep: usize) -> Vec<(String, usize)> {
    items.sort_by(|(a, an), (b, bn)| bn.cmp(an).then(a.cmp(b)));
    items
        .into_iter()
        .take(keep)
        .map(|(s, n)| (s.to_string(), n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, Published, Quote};
    use crate::entities::{EntityList, Matcher};
    use chrono::NaiveDate;

    fn article(
        day: Option<u32>,
        title: &str,
        body: &str,
        topics: &[&str],
        matcher: &Matcher,
    ) -> Article {
        let mut a = Article::from_blocks(
            format!("seeds/{title}.txt"),
            1,
            title.into(),
            vec![Block::paragraph(body)],
        );
        let found = matcher.analyse_article(&a);
        a.published = day.map(|d| Published {
            date: NaiveDate::from_ymd_opt(2025, 10, d).unwrap(),
            time: None,
        });
        a.topics = topics.iter().map(|t| t.to_string()).collect();
        a.entities = found.mentions;
        a.quotes = found.quotes;
        a
    }

    #[test]
    fn timeline_variants_co_mentions_topics_and_quotes() {
        let matcher = Matcher::new(&EntityList::bundled());
        let articles = vec![
            article(
                Some(2),
                "لقاء في هانوي",
                "التقى دونالد ترمب كيم جونغ أون في هانوي.",
                &["politics"],
                &matcher,
            ),
            article(
                None,
                "بيان",
                "قال ترامب إن المحادثات «كانت مثمرة جدا للطرفين».",
                &[],
                &matcher,
            ),
            article(
                Some(9),
                "قمة جديدة",
                "قال ترامب إنه سيلتقي كيم جونغ أون مجددا في بيونغ يانغ.",
                &["politics"],
                &matcher,
            ),
        ];
        let all = profiles(&articles, &[false; 3]);
        let trump = &all["donald-trump"];
        let timeline: Vec<usize> = trump.timeline.iter().map(|t| t.article).collect();
        assert_eq!(timeline, [2, 0, 1], "newest first, undated last");
        assert_eq!(
            articles[2].titled_span(trump.timeline[0].sentence.clone()),
            "قال ترامب إنه سيلتقي كيم جونغ أون مجددا في بيونغ يانغ."
        );
        assert_eq!(
            trump.variants,
            [("ترامب".to_string(), 2), ("دونالد ترمب".to_string(), 1)]
        );
        assert_eq!(trump.co_mentions[0], ("kim-jong-un".to_string(), 2));
        assert_eq!(trump.topics, [("politics".to_string(), 2)]);
        assert_eq!(trump.quotes.len(), 1);
        assert_eq!(trump.quotes[0].text, "كانت مثمرة جدا للطرفين");
        assert_eq!(
            articles[1].quotes,
            [Quote {
                speaker: "donald-trump".into(),
                text: "كانت مثمرة جدا للطرفين".into()
            }]
        );
    }

    #[test]
    fn a_copy_filed_twice_is_listed_and_counted_once() {
        let matcher = Matcher::new(&EntityList::bundled());
        let text = "قال ترامب إنه سيلتقي كيم جونغ أون مجددا في بيونغ يانغ.";
        let articles = vec![
            article(Some(9), "قمة جديدة", text, &["politics"], &matcher),
            article(Some(9), "قمة جديدة", text, &["politics"], &matcher),
        ];
        let all = profiles(&articles, &[false, true]);
        let trump = &all["donald-trump"];
        let timeline: Vec<usize> = trump.timeline.iter().map(|t| t.article).collect();
        assert_eq!(timeline, [0]);
        assert_eq!(trump.co_mentions[0], ("kim-jong-un".to_string(), 1));
        assert_eq!(trump.topics, [("politics".to_string(), 1)]);
        assert_eq!(trump.mentions, 1);
    }
}
