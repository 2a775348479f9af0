//! What pages show of storylines and coverage: a story's thread as a
//! timeline, a thread's own page, the threads an entity is central to, and
//! the charts of [`crate::charts`] each page carries.
//!
//! Kept apart from `pages`, which decides each page's place and main
//! content: these parts only add to a page's context.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::pages::PagePlace;
use super::{PageData, Renderer};
use crate::charts::{self, Report, TimeSpec};
use crate::site::threads::{STORY_PAGE_THREAD, ThreadView};
use crate::site::{Link, Term};
use arabic::numbers;

/// One story of a thread's timeline.
#[derive(Serialize)]
struct ThreadItem<'a> {
    url: &'a str,
    headline: &'a str,
    date: &'a str,
    date_iso: &'a str,
    outlets: &'a [crate::site::OutletCount<'a>],
    article_count: usize,
    /// The story whose page this is.
    current: bool,
}

/// A thread as a timeline: its stories oldest first, the current one
/// marked, with a link to the whole thread when only part is shown.
#[derive(Serialize)]
struct ThreadTimeline<'a> {
    title: &'a str,
    url: Option<&'a str>,
    feed_url: Option<&'a str>,
    count_label: &'a str,
    span: &'a str,
    actors: &'a [Link],
    items: Vec<ThreadItem<'a>>,
    /// Stories of the thread not listed here.
    more: bool,
}

/// A thread as an entity page lists it.
#[derive(Serialize)]
struct ThreadSummary<'a> {
    title: &'a str,
    url: Option<&'a str>,
    count_label: &'a str,
    span: &'a str,
}

/// The fewest dated articles a term needs for charts of its coverage: a
/// chart of one or two articles says nothing its list does not, and most
/// entities of a large archive are named that seldom (two thirds of the
/// 58,746 entity pages of the 100k benchmark list one or two articles), so
/// charting them would cost more render time than all the others.
const CHARTED_ARTICLES: usize = 3;

/// How many days the home page's week in numbers covers.
const WEEK_DAYS: u64 = 7;

impl Renderer<'_, '_> {
    fn timeline<'s>(
        &'s self,
        thread: &'s ThreadView,
        current: Option<usize>,
    ) -> ThreadTimeline<'s> {
        let s = self.site;
        let shown: &[usize] =
            match current.and_then(|c| thread.stories.iter().position(|&x| x == c)) {
                Some(at) if thread.stories.len() > STORY_PAGE_THREAD => {
                    let start = at
                        .saturating_sub(STORY_PAGE_THREAD / 2)
                        .min(thread.stories.len() - STORY_PAGE_THREAD);
                    &thread.stories[start..start + STORY_PAGE_THREAD]
                }
                _ => &thread.stories,
            };
        ThreadTimeline {
            title: &thread.title,
            url: thread.url.as_deref(),
            feed_url: thread.feed_url.as_deref(),
            count_label: &thread.count_label,
            span: &thread.span,
            actors: &thread.actors,
            items: shown
                .iter()
                .map(|&i| {
                    let card = &s.story_cards[i];
                    ThreadItem {
                        url: &card.url,
                        headline: card.headline,
                        date: &card.date,
                        date_iso: &card.date_iso,
                        outlets: &card.outlets,
                        article_count: card.article_count,
                        current: Some(i) == current,
                    }
                })
                .collect(),
            more: shown.len() < thread.stories.len(),
        }
    }

    /// A story page's thread and the chart of when each outlet told it.
    pub(super) fn story_extras(&self, i: usize, ctx: &mut impl PageData) {
        let s = self.site;
        if let Some(t) = s.corpus.threads.of_story.get(i).copied().flatten() {
            ctx.insert("thread", &self.timeline(&s.threads[t], Some(i)));
        }
        let story = &s.corpus.stories[i];
        let reports: Vec<Report> = story
            .reports
            .iter()
            .filter_map(|&a| {
                let article = s.article(a);
                let published = article.published?;
                let card = &s.cards[a];
                Some(Report {
                    outlet: card.source.unwrap_or("مصدر غير معروف"),
                    minute: published.time.map_or_else(
                        || {
                            published
                                .date
                                .and_hms_opt(0, 0, 0)
                                .map_or(0, |t| t.and_utc().timestamp() / 60)
                        },
                        |t| t.timestamp() / 60,
                    ),
                    date: published.date,
                    url: &card.url,
                    title: card.title,
                })
            })
            .collect();
        if let Some(chart) = charts::coverage(&reports, &self.config.site.dates) {
            ctx.insert("coverage_chart", &chart);
        }
    }

    /// A thread's own page: every story, oldest first.
    pub(super) fn thread(&self, t: usize, ctx: &mut impl PageData) -> PagePlace {
        let thread = &self.site.threads[t];
        ctx.insert("thread", &self.timeline(thread, None));
        ctx.insert("feed_url", &thread.feed_url);
        ctx.insert(
            "description",
            &format!("تطورات القصة: {} ({})", thread.title, thread.count_label),
        );
        PagePlace {
            dir: format!("threads/{}/", thread.id),
            template: "thread.html",
        }
    }

    /// The archive's first and last day, which every time chart spans so
    /// that charts of different pages compare.
    fn archive_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let days = &self.site.days;
        Some((days.first()?.date, days.last()?.date))
    }

    /// The publication days of `term`'s articles, which its weekly chart
    /// counts; `None` when it has too few dated articles to chart.
    fn charted_days(&self, term: &Term) -> Option<Vec<NaiveDate>> {
        let s = self.site;
        let days: Vec<NaiveDate> = term
            .articles
            .iter()
            .filter_map(|&a| s.article(a).published.map(|p| p.date))
            .collect();
        (days.len() >= CHARTED_ARTICLES).then_some(days)
    }

    /// The chart of `days` per bin of weeks over the archive (`None` for
    /// an empty archive), into `ctx` as `weekly_chart`; true when there is
    /// one. A page fingerprint takes the days and titles, not the chart.
    fn insert_weekly(
        &self,
        days: Option<Vec<NaiveDate>>,
        title: String,
        subject: String,
        ctx: &mut impl PageData,
    ) -> bool {
        let span = self.archive_span();
        let charted = days.is_some() && span.is_some();
        let inputs = (&days, span, &title, &subject);
        ctx.insert_made("weekly_chart", &inputs, || {
            let (days, (first, last)) = days.as_ref().zip(span)?;
            // Bins start on a Saturday, the first day of the Arabic week.
            let start =
                first - Days::new(u64::from(first.weekday().days_since(chrono::Weekday::Sat)));
            Some(charts::time_chart(
                TimeSpec {
                    title: title.clone(),
                    noun: &numbers::ARTICLE,
                    value_heading: "المقالات",
                    subject: &subject,
                },
                days.iter().map(|&d| (d, 1)),
                start,
                last,
                charts::week_bins(start, last),
                &self.config.site.dates,
                |_| None,
            ))
        });
        charted
    }

    /// An entity page's charts (mentions over time, the outlets naming it
    /// most) and the threads it is central to; on its first page only.
    pub(super) fn entity_extras(&self, e: usize, ctx: &mut impl PageData) {
        let s = self.site;
        let term = &s.entities[e];
        let charted = self.insert_weekly(
            self.charted_days(term),
            format!("مقالات تذكر {} على مر الأسابيع", term.name),
            format!("تذكر {}", term.name),
            ctx,
        );
        if charted {
            self.outlets_naming(term, ctx);
        }
        self.entity_threads(e, ctx);
    }

    /// The outlets naming an entity most, as a ranking.
    fn outlets_naming(&self, term: &Term, ctx: &mut impl PageData) {
        let s = self.site;
        let mut by_outlet: Vec<(&str, Option<&String>, usize)> = Vec::new();
        for &a in &term.articles {
            let card = &s.cards[a];
            if let Some(src) = card.source {
                match by_outlet.iter_mut().find(|(o, _, _)| *o == src) {
                    Some(slot) => slot.2 += 1,
                    None => by_outlet.push((src, card.source_url.as_ref(), 1)),
                }
            }
        }
        by_outlet.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        let title = format!("المصادر التي تذكر {} أكثر", term.name);
        ctx.insert_made("outlets_chart", &(&title, &by_outlet), || {
            charts::ranking(
                title.clone(),
                ("المصدر", "المقالات"),
                &numbers::ARTICLE,
                by_outlet
                    .iter()
                    .map(|&(name, url, n)| (name.to_string(), url.cloned(), n))
                    .collect(),
                &self.config.site.dates,
            )
        });
    }

    /// The threads an entity is central to, latest first.
    fn entity_threads(&self, e: usize, ctx: &mut impl PageData) {
        let s = self.site;
        let threads: Vec<ThreadSummary> = s.entity_threads[e]
            .iter()
            .map(|&t| {
                let thread = &s.threads[t];
                ThreadSummary {
                    title: &thread.title,
                    url: thread.url.as_deref().or_else(|| {
                        thread
                            .stories
                            .last()
                            .map(|&i| s.story_cards[i].url.as_str())
                    }),
                    count_label: &thread.count_label,
                    span: &thread.span,
                }
            })
            .collect();
        ctx.insert("threads", &threads);
    }

    /// A topic page's chart of articles per week, on its first page.
    pub(super) fn topic_extras(&self, t: usize, ctx: &mut impl PageData) {
        let term = &self.site.topics[t];
        self.insert_weekly(
            self.charted_days(term),
            format!("مقالات {} على مر الأسابيع", term.name),
            format!("في {}", term.name),
            ctx,
        );
    }

    /// The home page's week in numbers: stories per day over the last
    /// seven days, and the entities most named in them.
    pub(super) fn index_extras(&self, ctx: &mut impl PageData) {
        let s = self.site;
        let Some((_, last)) = self.archive_span() else {
            return;
        };
        let first = last - Days::new(WEEK_DAYS - 1);
        let style = &self.config.site.dates;
        let recent: Vec<usize> = (0..s.days.len())
            .rev()
            .take_while(|&d| s.days[d].date >= first)
            .collect();
        let counts = recent
            .iter()
            .map(|&d| (s.days[d].date, s.days[d].stories.len()));
        let day_urls: Vec<(NaiveDate, &str)> = recent
            .iter()
            .map(|&d| (s.days[d].date, s.days[d].url.as_str()))
            .collect();
        let stories = charts::time_chart(
            TimeSpec {
                title: "القصص في كل يوم من الأيام السبعة الأخيرة".into(),
                noun: &numbers::STORY,
                value_heading: "القصص",
                subject: "",
            },
            counts,
            first,
            last,
            1,
            style,
            |date| {
                day_urls
                    .iter()
                    .find(|(d, _)| *d == date)
                    .map(|(_, u)| u.to_string())
            },
        );
        ctx.insert("week_chart", &stories);
        // Entities by the articles of the week that name them prominently.
        // Ties between as many articles go to the entity named more often.
        let mut named: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
        for (a, day) in s.article_day.iter().enumerate() {
            if day.is_some_and(|d| s.days[d].date >= first) {
                for m in &s.article(a).entities {
                    if m.prominence == crate::article::Prominence::Main {
                        let slot = named.entry(m.slug.as_str()).or_default();
                        slot.0 += 1;
                        slot.1 += m.count;
                    }
                }
            }
        }
        let mut named: Vec<(&str, (usize, usize))> = named.into_iter().collect();
        named.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let entities = charts::ranking(
            "الأكثر حضوراً في مقالات الأسبوع".into(),
            ("العلم", "المقالات"),
            &numbers::ARTICLE,
            named
                .into_iter()
                .filter_map(|(slug, (n, _))| {
                    let term = &s.entities[*s.entity_index.get(slug)?];
                    Some((term.name.clone(), Some(term.url.clone()), n))
                })
                .collect(),
            style,
        );
        ctx.insert("week_entities_chart", &entities);
    }

    /// A month's calendar for the archive; `busiest` sets the darkest shade.
    pub(super) fn month_calendar(
        &self,
        year: i32,
        month: u32,
        days: &[usize],
        busiest: usize,
    ) -> Option<charts::MonthCalendar> {
        let s = self.site;
        let list: Vec<(NaiveDate, usize, String)> = days
            .iter()
            .map(|&d| {
                (
                    s.days[d].date,
                    s.days[d].article_count,
                    s.days[d].url.clone(),
                )
            })
            .collect();
        charts::month_calendar(year, month, &list, busiest, &self.config.site.dates)
    }
}
