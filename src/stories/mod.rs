//! Stories: articles that tell the same event.
//!
//! Several outlets report one event in their own words, and some republish
//! the same wire copy. The story stage groups them ([`cluster`]) so that a
//! reader meets the event once, with every outlet that covered it, a
//! headline and a summary drawn from all of them ([`crate::summarize`]).
//! An undated article takes its date from a story it clearly belongs to
//! (`dates`).

pub mod briefing;
pub mod cluster;
mod dates;
mod duplicates;
pub mod features;
pub mod kind;
mod linkage;
pub mod memo;
pub mod setting;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::article::{Article, Prominence};
use crate::config::StoryConfig;
use crate::slug::{SlugRegistry, slugify_words};
use crate::summarize::summarize_documents;
use kind::Cues;
use memo::{Memo, SummaryEntry};
use setting::{Regions, Setting};

/// A sentence of a story summary and the outlet it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StorySentence {
    pub text: String,
    /// Index of the article it is taken from.
    pub article: usize,
    pub source: Option<String>,
}

/// A group of articles about one event.
#[derive(Debug, Clone, Serialize)]
pub struct Story {
    /// Stable identifier, usable as a URL segment: the date and a slug of
    /// the headline (`2025-08-13-bwtyn-wkym-...`), `undated-...` without date.
    pub id: String,
    /// Indices into the article list, oldest first (undated last).
    pub articles: Vec<usize>,
    /// The articles less one outlet's second copy of a text (an article
    /// filed under two sections): what counts as a report.
    pub reports: Vec<usize>,
    /// Its headline: a title from its core ([`briefing::core`]).
    pub headline: String,
    /// The day the story broke: the earliest date among its core articles.
    pub date: Option<NaiveDate>,
    /// When it ran over several days, what each day's briefing shows of
    /// it: that day's reports and their summary. Empty for a story of one
    /// day.
    pub days: Vec<briefing::StoryDay>,
    /// The story told in a few sentences, each attributed to its outlet.
    pub summary: Vec<StorySentence>,
    /// Sets of articles that are the same text filed more than once, each
    /// ascending; show one of them and list the places it appeared.
    pub duplicates: Vec<Vec<usize>>,
    /// Distinct outlets that covered it, in order of first coverage.
    pub sources: Vec<String>,
    /// Topic slugs of its articles, most shared first.
    pub topics: Vec<String>,
    /// Entity slugs, most prominent across its articles first.
    pub entities: Vec<String>,
    /// How prominent the story is in a briefing (higher first): more
    /// outlets, more prominent entities, more recent.
    pub weight: f32,
}

/// Sentences in the summary of a story told by several articles.
const STORY_SUMMARY_SENTENCES: usize = 3;

/// Sentences in the summary of a single-article story, when its article
/// has no summary yet.
const SINGLE_SUMMARY_SENTENCES: usize = 2;

/// Words of the headline that go into a story id.
const ID_WORDS: usize = 6;

/// The story stage: groups articles into stories, records each article's
/// story in `Article::story`, dates undated articles from their story, and
/// returns the stories ordered by date (undated last), then by first article.
///
/// Articles' summaries, when already set, are reused for single-article
/// stories. No entity is taken for a place here, so reports are not set
/// apart by where they happened (see [`setting`]): a build passes the
/// entity list's places to [`run_remembering`].
pub fn run(articles: &mut [Article], config: &StoryConfig) -> Vec<Story> {
    run_remembering(articles, config, &Memo::default(), &|_| false).0
}

/// [`run`], taking from `memo` what an earlier build worked out of the same
/// texts, and returning what the next build may take from this one;
/// `is_place` tells which entity slugs are places.
pub fn run_remembering(
    articles: &mut [Article],
    config: &StoryConfig,
    memo: &Memo,
    is_place: &(dyn Fn(&str) -> bool + Sync),
) -> (Vec<Story>, Memo) {
    let prints: Vec<u64> = articles.par_iter().map(memo::fingerprint).collect();
    let corpus = features::extract(articles);
    let days = cluster::day_numbers(articles);
    let cues: Vec<Cues> = articles
        .par_iter()
        .zip(&prints)
        .map(|(a, &text)| memo.cues(text).unwrap_or_else(|| Cues::read(a)))
        .collect();
    let settings: Vec<Setting> = articles
        .par_iter()
        .map(|a| Setting::of(a, is_place))
        .collect();
    let regions = Regions::learn(&settings);
    let read = cluster::Read {
        cues: &cues,
        settings: &settings,
        regions: &regions,
    };
    let mut grouping = cluster::group(articles, &corpus, &days, read, config, (memo, &prints));
    drop((regions, settings));
    for members in &grouping.clusters {
        dates::date_from_story(articles, members, &grouping.links, &cues);
    }
    let latest = articles
        .iter()
        .filter_map(|a| a.published.map(|p| p.date))
        .max();
    let duplicates = duplicates_by_cluster(&grouping);
    let articles_read: &[Article] = articles;
    let summaries = Summaries {
        memo,
        prints: &prints,
    };
    let (mut stories, summarised): (Vec<Story>, Vec<Vec<SummaryEntry>>) = grouping
        .clusters
        .par_iter()
        .zip(duplicates)
        .map(|(members, duplicates)| {
            build_story(
                articles_read,
                members,
                duplicates,
                &corpus.features,
                latest,
                &summaries,
            )
        })
        .unzip();
    let next = Memo::of(
        std::mem::take(&mut grouping.copy_checks),
        summarised.into_iter().flatten(),
        prints.iter().copied().zip(cues),
    );
    stories.sort_by(|a, b| {
        (a.date.is_none(), a.date, a.articles.iter().min()).cmp(&(
            b.date.is_none(),
            b.date,
            b.articles.iter().min(),
        ))
    });
    let mut ids = SlugRegistry::default();
    for (i, story) in stories.iter_mut().enumerate() {
        let day = story
            .date
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        let words = slugify_words(&story.headline, ID_WORDS);
        let wanted = if words.is_empty() {
            day.clone()
        } else {
            format!("{day}-{words}")
        };
        story.id = ids.claim(&wanted, &day);
        for &a in &story.articles {
            articles[a].story = Some(i);
        }
    }
    (stories, next)
}

/// Multi-article summaries: remembered ones by the fingerprint of the
/// texts they read, the rest worked out.
struct Summaries<'a> {
    memo: &'a Memo,
    prints: &'a [u64],
}

impl Summaries<'_> {
    /// The (reader, sentence) positions summarising `readers`, and their
    /// key for the next memo.
    fn pick(&self, articles: &[Article], readers: &[usize]) -> SummaryEntry {
        let key = memo::fingerprint_of(readers.iter().map(|&i| self.prints[i]));
        let picked = self.memo.summary(key).unwrap_or_else(|| {
            let docs: Vec<&Article> = readers.iter().map(|&i| &articles[i]).collect();
            summarize_documents(&docs, STORY_SUMMARY_SENTENCES)
        });
        (key, picked)
    }
}

fn build_story(
    articles: &[Article],
    members: &[usize],
    duplicates: Vec<Vec<usize>>,
    features: &[features::Features],
    latest: Option<NaiveDate>,
    summaries: &Summaries<'_>,
) -> (Story, Vec<SummaryEntry>) {
    let mut order = members.to_vec();
    order.sort_by_key(|&i| (articles[i].published.is_none(), articles[i].published, i));
    let core = briefing::core(&order, features);
    let date = core
        .iter()
        .find_map(|&i| articles[i].published.map(|p| p.date));
    let mut sources: Vec<String> = Vec::new();
    for &i in &order {
        if let Some(s) = &articles[i].source
            && !sources.contains(s)
        {
            sources.push(s.clone());
        }
    }
    let headline = articles[choose_headline(articles, &core, &order, features)]
        .title
        .clone();
    let (summary, summarised) = story_summary(articles, &order, &duplicates, summaries);
    let mut remembered: Vec<SummaryEntry> = summarised.into_iter().collect();
    let days = briefing::days(articles, &order)
        .into_iter()
        .map(|(date, list)| {
            let (summary, summarised) = story_summary(articles, &list, &duplicates, summaries);
            remembered.extend(summarised);
            briefing::StoryDay {
                date,
                headline: choose_headline(articles, &list, &list, features),
                articles: briefing::reports(articles, &list, &duplicates),
                summary,
            }
        })
        .collect();
    let entities = ranked_entities(articles, &order);
    let weight = weigh(articles, &order, &sources, date, latest);
    let story = Story {
        id: String::new(),
        reports: briefing::reports(articles, &order, &duplicates),
        articles: order.clone(),
        headline,
        date,
        days,
        summary,
        duplicates,
        sources,
        topics: ranked_topics(articles, &order),
        entities,
        weight,
    };
    (story, remembered)
}

/// Each cluster's duplicate pairs grouped into sets: copies of one text.
fn duplicates_by_cluster(grouping: &cluster::Grouping) -> Vec<Vec<Vec<usize>>> {
    let mut cluster_of = vec![0usize; grouping.links.len()];
    for (c, members) in grouping.clusters.iter().enumerate() {
        for &m in members {
            cluster_of[m] = c;
        }
    }
    let mut sets: Vec<Vec<Vec<usize>>> = vec![Vec::new(); grouping.clusters.len()];
    for &(i, j) in &grouping.duplicates {
        if cluster_of[i] != cluster_of[j] {
            continue;
        }
        let story = &mut sets[cluster_of[i]];
        let found: Vec<usize> = (0..story.len())
            .filter(|&s| story[s].contains(&i) || story[s].contains(&j))
            .collect();
        let mut joined = vec![i, j];
        for &s in found.iter().rev() {
            joined.extend(story.remove(s));
        }
        joined.sort_unstable();
        joined.dedup();
        story.push(joined);
    }
    for story in &mut sets {
        story.sort();
    }
    sets
}

/// The title that best says what the whole story is about: among the
/// titles of `candidates` written as headlines (not derived from a lede)
/// when there are any, the one closest to all the story's articles
/// (`order`); the earliest on a tie.
fn choose_headline(
    articles: &[Article],
    candidates: &[usize],
    order: &[usize],
    features: &[features::Features],
) -> usize {
    let written: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| !articles[i].title_derived)
        .collect();
    let pool = if written.is_empty() {
        candidates.to_vec()
    } else {
        written
    };
    let closeness = |i: usize| -> f32 {
        order
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| crate::vectors::cosine(&features[i].title, &features[j].body))
            .sum()
    };
    let mut best = pool[0];
    let mut best_score = closeness(best);
    for &i in &pool[1..] {
        let score = closeness(i);
        if score > best_score + 1e-6 {
            best = i;
            best_score = score;
        }
    }
    best
}

/// Summary of a story: central sentences across its articles, each copy of
/// a duplicated text read once. A summary of several articles comes with
/// its memo entry.
fn story_summary(
    articles: &[Article],
    order: &[usize],
    duplicates: &[Vec<usize>],
    summaries: &Summaries<'_>,
) -> (Vec<StorySentence>, Option<SummaryEntry>) {
    let readers: Vec<usize> = order
        .iter()
        .copied()
        .filter(|i| {
            !duplicates
                .iter()
                .any(|set| set.contains(i) && set.iter().min() != Some(i))
        })
        .collect();
    if let [only] = readers[..] {
        let a = &articles[only];
        if !a.summary.is_empty() {
            let sentence = StorySentence {
                text: a.summary.clone(),
                article: only,
                source: a.source.clone(),
            };
            return (vec![sentence], None);
        }
        let summary = crate::summarize::summarize_article(a, SINGLE_SUMMARY_SENTENCES)
            .into_iter()
            .map(|s| StorySentence {
                text: a.sentence(s).to_string(),
                article: only,
                source: a.source.clone(),
            })
            .collect();
        return (summary, None);
    }
    let (key, picked) = summaries.pick(articles, &readers);
    let summary = picked
        .iter()
        .map(|&(d, s)| {
            let a = readers[d];
            StorySentence {
                text: articles[a].sentence(s).to_string(),
                article: a,
                source: articles[a].source.clone(),
            }
        })
        .collect();
    (summary, Some((key, picked)))
}

/// Topics held by the story's articles, those held by more articles first.
fn ranked_topics(articles: &[Article], order: &[usize]) -> Vec<String> {
    let mut counts: BTreeMap<&str, f32> = BTreeMap::new();
    for &i in order {
        for (rank, t) in articles[i].topics.iter().enumerate() {
            *counts.entry(t).or_default() += if rank == 0 { 1.0 } else { 0.5 };
        }
    }
    let mut ranked: Vec<(&str, f32)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.into_iter().map(|(t, _)| t.to_string()).collect()
}

/// Entities by their prominence summed over the story's articles.
fn ranked_entities(articles: &[Article], order: &[usize]) -> Vec<String> {
    let mut scores: BTreeMap<&str, f32> = BTreeMap::new();
    for &i in order {
        for m in &articles[i].entities {
            *scores.entry(&m.slug).or_default() += prominence_score(m.prominence, m.count);
        }
    }
    let mut ranked: Vec<(&str, f32)> = scores.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.into_iter().map(|(e, _)| e.to_string()).collect()
}

fn prominence_score(prominence: Prominence, count: usize) -> f32 {
    let base = match prominence {
        Prominence::Main => 1.0,
        Prominence::Passing => 0.3,
    };
    base * (1.0 + (count.max(1) as f32).ln())
}

/// Briefing weight: outlets count most (an event many newsrooms covered
/// matters), then how prominently its articles name known entities, then
/// how recent it is relative to the newest article of the corpus.
fn weigh(
    articles: &[Article],
    order: &[usize],
    sources: &[String],
    date: Option<NaiveDate>,
    latest: Option<NaiveDate>,
) -> f32 {
    // Articles whose outlet is unknown count as one more outlet at most.
    let unsourced = order.iter().any(|&i| articles[i].source.is_none());
    let outlets = (sources.len() + usize::from(unsourced)) as f32;
    let entity_prominence: f32 = order
        .iter()
        .flat_map(|&i| articles[i].entities.iter())
        .filter(|m| m.prominence == Prominence::Main)
        .map(|m| prominence_score(m.prominence, m.count))
        .sum::<f32>()
        / order.len() as f32;
    let recency = match (date, latest) {
        (Some(d), Some(l)) => 1.0 / (1.0 + (l - d).num_days().max(0) as f32),
        _ => 0.0,
    };
    1.0 + 2.0 * outlets.ln_1p() + 0.5 * entity_prominence.ln_1p() + 0.5 * recency
}

/// Articles for tests, as enrichment would leave them.
#[cfg(test)]
pub(crate) mod fixtures {
    use chrono::NaiveDate;

    use crate::article::{Article, Block, Published};

    pub fn article(title: &str, text: &str, date: Option<&str>, source: &str) -> Article {
        let mut a = Article::from_markdown_file(
            format!("content/{}.md", crate::slug::slugify_words(title, 4)),
            title.to_string(),
            Default::default(),
            vec![Block::paragraph(text)],
        );
        a.slug = crate::slug::slugify_words(title, 6);
        a.published = date.map(|d| Published {
            date: d.parse::<NaiveDate>().expect("valid date"),
            time: None,
        });
        a.source = Some(source.to_string());
        a
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::article;
    use super::*;
    use crate::article::Origin;

    const CALL: &str = "أجرى الرئيس الروسي فلاديمير بوتين اتصالاً هاتفياً مع رئيس الوزراء الهندي ناريندرا مودي الأربعاء تناول التجارة وإمدادات النفط. \
        واتفق الزعيمان على التحضير لقمة في نيودلهي قبل نهاية العام. \
        وتعد الهند من أكبر مشتري النفط الروسي.";
    const CALL_RETOLD: &str = "بحث بوتين ومودي في مكالمة هاتفية اليوم الأربعاء التجارة الثنائية وشحنات النفط الروسي إلى الهند. \
        وأكد الكرملين أن الزعيمين ناقشا الاستعدادات لقمة نيودلهي المقبلة. \
        وارتفعت واردات الهند من النفط الروسي إلى مستويات قياسية.";
    const FLOODS: &str = "أخلت السلطات الأردنية مئات الزوار من مدينة البترا الأثرية بعد تدفق سيول مفاجئة في وادي موسى. \
        وقالت مديرية الدفاع المدني إن فرقها نقلت السياح إلى مناطق آمنة. \
        وأعلنت سلطة الإقليم إغلاق الموقع حتى إشعار آخر.";

    const FOOTBALL: &str = "فاز المنتخب العراقي لكرة القدم على نظيره الأردني بهدفين مقابل هدف في مباراة جرت على ملعب البصرة. \
        وعزز العراق بهذا الفوز حظوظه في بلوغ الملحق الآسيوي المؤهل إلى كأس العالم.";
    const POWER: &str = "أعلنت مؤسسة كهرباء لبنان زيادة ساعات التغذية إلى عشر ساعات يومياً بعد تفريغ شحنة فيول. \
        وقالت المؤسسة إن الشحنة تكفي لتشغيل المعامل ثلاثة أسابيع.";

    /// A day's news: the same call told twice, among other events.
    #[test]
    fn same_event_from_two_outlets_is_one_story_with_both_sources() {
        let mut articles = vec![
            article(
                "بوتين ومودي يبحثان هاتفياً التجارة والنفط",
                CALL,
                Some("2025-09-10"),
                "فرانس برس",
            ),
            article("سيول تجتاح البترا", FLOODS, Some("2025-09-10"), "رؤيا"),
            article(
                "مكالمة بين بوتين ومودي تمهد لقمة نيودلهي",
                CALL_RETOLD,
                Some("2025-09-10"),
                "رويترز",
            ),
            article(
                "العراق يفوز على الأردن",
                FOOTBALL,
                Some("2025-09-09"),
                "الرياضية",
            ),
            article(
                "كهرباء لبنان ترفع ساعات التغذية",
                POWER,
                Some("2025-09-10"),
                "النهار",
            ),
        ];
        let stories = run(&mut articles, &StoryConfig::default());
        assert_eq!(stories.len(), 4);
        let call = &stories[articles[0].story.unwrap()];
        assert_eq!(call.articles, vec![0, 2]);
        assert_eq!(
            call.sources,
            vec!["فرانس برس".to_string(), "رويترز".to_string()]
        );
        assert_ne!(articles[1].story, articles[0].story);
        assert!(
            call.weight > stories[articles[1].story.unwrap()].weight,
            "two outlets outweigh one"
        );
    }

    /// A match played late and reported the next morning: one outlet says
    /// it was played «مساء الأربعاء», another published the same morning
    /// does not say when. They tell one event, not events of two days.
    #[test]
    fn a_report_that_names_no_day_joins_one_that_names_the_day_before() {
        let mut articles = vec![
            article(
                "الوداد يقصي الترجي ويبلغ نصف نهائي دوري أبطال أفريقيا",
                "تأهل نادي الوداد المغربي إلى نصف نهائي دوري أبطال أفريقيا بعد فوزه على ضيفه الترجي التونسي بهدفين نظيفين مساء الأربعاء في الدار البيضاء. \
                 وسجل المهاجم أيمن الحسوني الهدفين في الشوط الثاني.",
                Some("2025-09-11"),
                "هسبريس",
            ),
            article(
                "الحسوني يقود الوداد إلى المربع الذهبي",
                "بلغ الوداد البيضاوي الدور نصف النهائي من دوري أبطال أفريقيا لكرة القدم إثر تغلبه على الترجي التونسي 2-0 في الدار البيضاء. \
                 وأحرز الحسوني هدفي المباراة أمام جماهير غفيرة ليحسم بطاقة التأهل.",
                Some("2025-09-11"),
                "الصباح",
            ),
        ];
        run(&mut articles, &StoryConfig::default());
        assert_eq!(articles[0].story, articles[1].story);
    }

    #[test]
    fn the_same_text_weeks_apart_is_not_one_story() {
        let mut articles = vec![
            article(
                "بوتين ومودي يبحثان هاتفياً التجارة والنفط",
                CALL,
                Some("2025-09-10"),
                "فرانس برس",
            ),
            article(
                "بوتين ومودي يبحثان هاتفياً التجارة والنفط",
                CALL,
                Some("2025-10-20"),
                "فرانس برس",
            ),
        ];
        let stories = run(&mut articles, &StoryConfig::default());
        assert_eq!(
            stories.len(),
            2,
            "outside the date window nothing is grouped"
        );
    }

    #[test]
    fn an_undated_report_never_joins_two_events_a_week_apart() {
        const ROUND_ONE: &str = "عقدت إيران والولايات المتحدة السبت في مسقط جولة أولى من المحادثات غير المباشرة بشأن البرنامج النووي الإيراني بوساطة سلطنة عمان.\n\nوقاد المبعوث الأميركي ستيف ويتكوف الوفد الأميركي، وقال الجانبان إن المحادثات النووية جرت في أجواء بناءة.";
        const ROUND_TWO: &str = "عقدت إيران والولايات المتحدة السبت جولة ثانية من المحادثات النووية غير المباشرة بوساطة سلطنة عمان.\n\nوقال المبعوث الأميركي ستيف ويتكوف إن المفاوضات النووية حققت تقدما جيدا، فيما وصفتها طهران بأنها مفيدة.";
        const ROUND_FOUR: &str = "أعلنت سلطنة عمان تأجيل الجولة الرابعة من المحادثات النووية غير المباشرة بين إيران والولايات المتحدة لأسباب لوجستية، بعد ثلاث جولات وصفها الطرفان بالمفيدة.\n\nوقال وزير الخارجية الإيراني عباس عراقجي إن طهران ما زالت ملتزمة بالمفاوضات النووية، فيما أكد المبعوث الأميركي ستيف ويتكوف أن الجولة المقبلة ستعقد قريبا بوساطة عمانية.";
        let mut articles = vec![
            article(
                "جولة أولى من المحادثات النووية بين إيران والولايات المتحدة في مسقط",
                ROUND_ONE,
                Some("2025-04-12"),
                "رويترز",
            ),
            article(
                "إيران والولايات المتحدة تعقدان جولة ثانية من المحادثات النووية",
                ROUND_TWO,
                Some("2025-04-19"),
                "فرانس برس",
            ),
            article(
                "تأجيل الجولة الرابعة من المحادثات النووية بين إيران والولايات المتحدة",
                ROUND_FOUR,
                None,
                "الجزيرة",
            ),
        ];
        run(&mut articles, &StoryConfig::default());
        assert_ne!(
            articles[0].story, articles[1].story,
            "two rounds a week apart are two events, whatever an undated report resembles"
        );
    }

    #[test]
    fn undated_copy_is_a_duplicate_and_takes_the_story_date() {
        let mut articles = vec![
            article(
                "بوتين ومودي يبحثان هاتفياً التجارة والنفط",
                CALL,
                Some("2025-09-10"),
                "فرانس برس",
            ),
            article("بوتين ومودي يبحثان التجارة والنفط", CALL, None, "الشروق"),
        ];
        let stories = run(&mut articles, &StoryConfig::default());
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].duplicates, vec![vec![0, 1]]);
        assert_eq!(
            articles[1].published.map(|p| p.date.to_string()).as_deref(),
            Some("2025-09-10")
        );
        assert_eq!(articles[1].date_evidence.origin, Origin::Story);
        assert!(
            !stories[0].summary.is_empty(),
            "a story always has a summary"
        );
        assert!(stories[0].id.starts_with("2025-09-10-"));
    }

    #[test]
    fn weekday_named_in_the_article_can_refuse_the_story_date() {
        // 2025-09-10 is a Wednesday; an article saying "on Saturday" was not
        // published then, nor the day after.
        let saturday = CALL.replace("الأربعاء", "السبت");
        let mut articles = vec![
            article(
                "بوتين ومودي يبحثان هاتفياً التجارة والنفط",
                CALL,
                Some("2025-09-10"),
                "فرانس برس",
            ),
            article(
                "بوتين ومودي يبحثان التجارة والنفط",
                &saturday,
                None,
                "الشروق",
            ),
        ];
        run(&mut articles, &StoryConfig::default());
        assert_eq!(articles[0].story, articles[1].story);
        assert_eq!(articles[1].published, None);
        assert!(articles[1].warnings.iter().any(|w| w.contains("weekday")));
    }

    #[test]
    fn story_ids_are_unique_and_url_safe() {
        let mut articles = vec![
            article("سيول تجتاح البترا", FLOODS, Some("2025-09-10"), "رؤيا"),
            article("سيول تجتاح البترا", CALL, Some("2025-09-10"), "رويترز"),
            article("«»", FLOODS, None, "بترا"),
        ];
        let stories = run(
            &mut articles,
            &StoryConfig {
                threshold: 0.99,
                undated_threshold: 0.99,
                ..StoryConfig::default()
            },
        );
        let mut ids: Vec<&str> = stories.iter().map(|s| s.id.as_str()).collect();
        assert!(
            ids.iter().all(|id| crate::slug::is_safe_slug(id)),
            "{ids:?}"
        );
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), stories.len());
    }

    /// A day's news with a wire copy filed twice and one event retold.
    fn day_with_a_copy() -> Vec<Article> {
        vec![
            article(
                "بوتين ومودي يبحثان هاتفياً التجارة والنفط",
                CALL,
                Some("2025-09-10"),
                "فرانس برس",
            ),
            article(
                "بوتين ومودي يبحثان التجارة والنفط",
                CALL,
                Some("2025-09-10"),
                "الشروق",
            ),
            article(
                "مكالمة بين بوتين ومودي تمهد لقمة نيودلهي",
                CALL_RETOLD,
                Some("2025-09-10"),
                "رويترز",
            ),
            article("سيول تجتاح البترا", FLOODS, Some("2025-09-10"), "رؤيا"),
        ]
    }

    #[test]
    fn a_rebuild_from_the_memo_gives_the_same_stories() {
        let config = StoryConfig::default();
        let mut first = day_with_a_copy();
        let (stories, memo) = run_remembering(&mut first, &config, &Memo::default(), &|_| false);
        assert_eq!(stories[0].duplicates, vec![vec![0, 1]]);
        let mut again = day_with_a_copy();
        let (rebuilt, remembered) = run_remembering(&mut again, &config, &memo, &|_| false);
        assert_eq!(format!("{rebuilt:?}"), format!("{stories:?}"));
        assert_eq!(remembered, memo, "a rebuild remembers what it used");
    }

    #[test]
    fn remembered_results_are_taken_instead_of_worked_out() {
        let config = StoryConfig::default();
        let mut articles = day_with_a_copy();
        let (_, memo) = run_remembering(&mut articles, &config, &Memo::default(), &|_| false);
        // A memo from texts that said otherwise: the copies were not copies.
        let prints: Vec<u64> = articles.iter().map(memo::fingerprint).collect();
        let contrary = Memo::of([(prints[0], prints[1], false)], [], []);
        let (stories, _) = run_remembering(&mut day_with_a_copy(), &config, &contrary, &|_| false);
        assert!(stories.iter().all(|s| s.duplicates.is_empty()));
        assert_ne!(contrary, memo);
    }

    const SEMI_ONE: &str = "تأهل فريق الوداد المغربي إلى نهائي كأس الاتحاد العربي لكرة القدم بعد فوزه على الهلال السوداني بهدفين دون رد في نصف النهائي على ملعب القاهرة. \
        وسجل هدفي الوداد المهاجم يحيى جبران في الشوط الأول واللاعب أيوب العملود في الدقائق الأخيرة. \
        وينتظر الوداد الفائز من مواجهة نصف النهائي الثانية بين الترجي التونسي والأهلي المصري.";
    const SEMI_ONE_RETOLD: &str = "بلغ الوداد البيضاوي نهائي كأس الاتحاد العربي إثر تغلبه على الهلال السوداني بهدفين نظيفين في نصف النهائي بالقاهرة. \
        وأحرز يحيى جبران الهدف الأول قبل أن يضيف أيوب العملود الثاني في نهاية المباراة. \
        ويلاقي الوداد في النهائي المتأهل من مباراة الترجي والأهلي.";
    const SEMI_TWO: &str = "تأهل فريق الترجي التونسي إلى نهائي كأس الاتحاد العربي لكرة القدم بعد فوزه على الأهلي المصري بثلاثة أهداف مقابل هدف في نصف النهائي على ملعب القاهرة. \
        وسجل أهداف الترجي المهاجم يوسف البلايلي مرتين وأنيس البدري. \
        ويلتقي الترجي في النهائي فريق الوداد المغربي الذي تأهل على حساب الهلال السوداني.";
    const PREVIEW: &str = "يستعد فريق الترجي التونسي لمواجهة الأهلي المصري في نصف نهائي كأس الاتحاد العربي لكرة القدم على ملعب القاهرة. \
        ويعول الترجي على المهاجم يوسف البلايلي، فيما يغيب عن الأهلي مدافعه بسبب الإصابة. \
        ويلتقي الفائز في النهائي فريق الوداد المغربي الذي تأهل على حساب الهلال السوداني.";

    /// Two semi-finals of one cup on consecutive days, and a preview of the
    /// second published beside the first: three events.
    #[test]
    fn semi_finals_on_consecutive_days_and_a_preview_are_separate_stories() {
        let mut articles = vec![
            article(
                "الوداد إلى نهائي كأس العرب على حساب الهلال",
                SEMI_ONE,
                Some("2025-11-20"),
                "فرانس برس",
            ),
            article(
                "الوداد يبلغ النهائي بثنائية في الهلال",
                SEMI_ONE_RETOLD,
                Some("2025-11-20"),
                "هسبريس",
            ),
            article(
                "الترجي والأهلي: مواجهة مرتقبة في نصف النهائي",
                PREVIEW,
                Some("2025-11-20"),
                "الشروق",
            ),
            article(
                "الترجي إلى نهائي كأس العرب على حساب الأهلي",
                SEMI_TWO,
                Some("2025-11-21"),
                "فرانس برس",
            ),
        ];
        run(&mut articles, &StoryConfig::default());
        assert_eq!(
            articles[0].story, articles[1].story,
            "one semi-final told twice"
        );
        assert_ne!(
            articles[0].story, articles[3].story,
            "the other semi-final is another event"
        );
        assert_ne!(
            articles[2].story, articles[3].story,
            "a preview is not the match"
        );
        assert_ne!(articles[2].story, articles[0].story);
    }

    /// Strikes on one city on two days are two events, though the next
    /// morning's wire copy that updates the first day's toll and mentions
    /// the new raids is alike to both: it stays with the first day.
    #[test]
    fn strikes_on_consecutive_days_stay_two_stories_despite_a_bridge() {
        let mut articles = vec![
            article(
                "مقتل خمسة أطفال في قصف تركي على عفرين",
                "عفرين (أ ف ب) - قتل خمسة أطفال في قصف مدفعي تركي استهدف حيا سكنيا ومستشفى مدينة عفرين الجمعة، بحسب المرصد السوري لحقوق الإنسان. وقال مدير المرصد رامي عبد الرحمن إن القصف طال المستشفى الرئيسي في المدينة وأوقع عشرات الجرحى بين المدنيين.",
                Some("2025-03-14"),
                "فرانس برس",
            ),
            article(
                "القصف التركي يقتل أطفالا في مستشفى عفرين",
                "قال المرصد السوري لحقوق الإنسان إن خمسة أطفال قتلوا الجمعة في قصف مدفعي تركي على مستشفى مدينة عفرين وحي سكني مجاور، وإن عشرات المدنيين جرحوا. ويواصل الجيش التركي حملته على المدينة منذ أسابيع.",
                Some("2025-03-14"),
                "سكاي نيوز عربية",
            ),
            article(
                "ارتفاع حصيلة قصف مستشفى عفرين إلى أربعين قتيلا",
                "عفرين (أ ف ب) - قتل خمسة أطفال في قصف مدفعي تركي استهدف حيا سكنيا ومستشفى مدينة عفرين، بحسب المرصد السوري لحقوق الإنسان. وقال مدير المرصد رامي عبد الرحمن إن القصف طال المستشفى الرئيسي في المدينة وأوقع عشرات الجرحى بين المدنيين، وإن حصيلة القتلى ارتفعت إلى أربعين. وقتل مدنيون في غارات جوية تركية على أحياء سكنية في المدينة، مع استمرار نزوح آلاف السكان.",
                Some("2025-03-15"),
                "بي بي سي",
            ),
            article(
                "غارات تركية تقتل 11 مدنيا في عفرين",
                "عفرين (أ ف ب) - قتل أحد عشر مدنيا في غارات جوية تركية على مدينة عفرين السبت، بحسب المرصد السوري لحقوق الإنسان، مع استمرار نزوح آلاف السكان من المدينة نحو مناطق سيطرة الحكومة. وقال المرصد إن الغارات استهدفت أحياء سكنية.",
                Some("2025-03-15"),
                "فرانس برس",
            ),
            article(
                "11 قتيلا مدنيا بغارات جوية تركية على عفرين",
                "قتل 11 مدنيا السبت في غارات جوية شنتها طائرات تركية على أحياء سكنية في مدينة عفرين، وفق المرصد السوري لحقوق الإنسان، بينما يفر آلاف السكان من المدينة نحو مناطق سيطرة الحكومة.",
                Some("2025-03-15"),
                "الشرق الأوسط",
            ),
        ];
        run(&mut articles, &StoryConfig::default());
        assert_eq!(articles[0].story, articles[1].story, "Friday's strike");
        assert_eq!(
            articles[0].story, articles[2].story,
            "Friday's toll updated"
        );
        assert_eq!(articles[3].story, articles[4].story, "Saturday's raids");
        assert_ne!(
            articles[0].story, articles[3].story,
            "two days' strikes are two events"
        );
    }

    /// One outlet's article filed under two sections is one report; a
    /// story told over two days shows on each day only that day's reports.
    #[test]
    fn copies_count_once_and_each_day_shows_its_own_reports() {
        let mut articles = vec![
            article(
                "بوتين ومودي يبحثان هاتفياً التجارة والنفط",
                CALL,
                Some("2025-09-10"),
                "فرانس برس",
            ),
            article(
                "بوتين ومودي يبحثان هاتفياً التجارة والنفط",
                CALL,
                Some("2025-09-10"),
                "فرانس برس",
            ),
            article(
                "مكالمة بين بوتين ومودي تمهد لقمة نيودلهي",
                &CALL_RETOLD.replace("اليوم الأربعاء", "أمس الأربعاء"),
                Some("2025-09-11"),
                "رويترز",
            ),
        ];
        // Three short articles weigh shared words little: a lower threshold
        // lets the next day's report join, which is what is tested here.
        let config = StoryConfig {
            threshold: 0.15,
            ..StoryConfig::default()
        };
        let stories = run(&mut articles, &config);
        let call = &stories[articles[0].story.unwrap()];
        assert_eq!(call.articles.len(), 3, "{:?}", call.articles);
        assert_eq!(
            call.reports,
            vec![0, 2],
            "two reports: the copy counts once"
        );
        assert_eq!(call.sources.len(), 2);
        assert_eq!(
            call.date.map(|d| d.to_string()).as_deref(),
            Some("2025-09-10")
        );
        let first =
            briefing::day_of(call, "2025-09-10".parse().unwrap()).expect("a view of the first day");
        assert_eq!(first.articles, vec![0]);
        assert!(
            first.summary.iter().all(|l| l.article < 2),
            "the first day tells nothing published later"
        );
        let second = briefing::day_of(call, "2025-09-11".parse().unwrap())
            .expect("a view of the second day");
        assert!(second.summary.iter().all(|l| l.article == 2));
    }
}
