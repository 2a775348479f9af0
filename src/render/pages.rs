//! Pages: what each kind of page shows, where it goes, and which template
//! draws it.
//!
//! [`Renderer::page`] dispatches a [`Job`] to one method per page type; each
//! puts the page's data into its context (or fingerprint, see [`PageData`])
//! and returns its [`PagePlace`]. The costly parts (cards, Markdown bodies)
//! go in last, as [`Fill`] says.

use std::borrow::Cow;
use std::ops::Range;

use anyhow::Result;
use serde::Serialize;

use super::{Fill, Job, PageData, Renderer};
use crate::article::{BlockKind, BlockRef, Prominence};
use crate::entities::EntityKind;
use crate::site::{ArticleCard, Counted, Day, Link, StoryCard, TopicGroup};

/// Where a page goes and which template draws it (the template words its
/// title and headings).
pub(super) struct PagePlace {
    /// Relative to the output root, ending in `/` unless it is the root.
    pub(super) dir: String,
    pub(super) template: &'static str,
}

#[derive(Serialize)]
struct Pager {
    current: usize,
    total: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
}

/// A topic's stories in a briefing, as their rendered cards.
#[derive(Serialize)]
struct GroupView<'a> {
    topic: &'a Link,
    cards: Vec<Cow<'a, str>>,
}

#[derive(Serialize)]
struct DayPreview<'a> {
    title: &'a str,
    url: &'a str,
    stories: Vec<StoryRef<'a>>,
}

#[derive(Serialize)]
struct DayLink<'a> {
    title: &'a str,
    url: &'a str,
    article_count: usize,
    story_count: usize,
}

/// A group of an index page's terms; entity indexes group by kind, and
/// the template names the group.
#[derive(Serialize)]
struct TermGroup {
    kind: Option<EntityKind>,
    terms: Vec<Counted>,
}

#[derive(Serialize)]
struct MonthView<'a> {
    title: String,
    days: Vec<DayLink<'a>>,
    /// The month as a calendar, each day a link to its briefing.
    calendar: Option<crate::charts::MonthCalendar>,
    #[serde(skip)]
    month: u32,
    #[serde(skip)]
    day_indices: Vec<usize>,
}

#[derive(Serialize)]
struct TimelineItem<'a> {
    card: ArticleRef<'a>,
    also: Vec<Link>,
}

/// A block of an article's text as its page shows it. `heading` tells the
/// template which element to use: comparing `kind` with a string made Tera
/// copy both strings for each of an article's 20-odd blocks.
#[derive(Serialize)]
struct BlockView<'a> {
    kind: BlockKind,
    heading: bool,
    text: &'a str,
}

impl<'a> BlockView<'a> {
    fn of(block: BlockRef<'a>) -> Self {
        BlockView {
            kind: block.kind,
            heading: block.kind == BlockKind::Heading,
            text: block.text,
        }
    }
}

/// What a page shows of an article it links to, without its summary.
#[derive(Serialize)]
struct ArticleRef<'a> {
    url: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    date: &'a str,
    date_iso: &'a str,
}

impl<'a> ArticleRef<'a> {
    fn of(card: &'a ArticleCard) -> Self {
        ArticleRef {
            url: &card.url,
            title: card.title,
            source: card.source,
            date: &card.date,
            date_iso: &card.date_iso,
        }
    }
}

/// What an article page shows of its story: a link, not the card.
#[derive(Serialize)]
struct StoryRef<'a> {
    url: &'a str,
    headline: &'a str,
    article_count: usize,
}

impl<'a> StoryRef<'a> {
    fn of(card: &'a StoryCard) -> Self {
        StoryRef {
            url: &card.url,
            headline: card.headline,
            article_count: card.article_count,
        }
    }
}

/// Plain share links (no third-party script): addresses that open each
/// service's own share page with the page's title and address.
#[derive(Serialize)]
pub(super) struct Share {
    whatsapp: String,
    telegram: String,
    x: String,
}

impl Share {
    pub(super) fn of(url: &str, title: &str) -> Share {
        use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
        let enc = |t: &str| utf8_percent_encode(t, NON_ALPHANUMERIC).to_string();
        let (u, t) = (enc(url), enc(title));
        Share {
            whatsapp: format!("https://wa.me/?text={}", enc(&format!("{title} {url}"))),
            telegram: format!("https://t.me/share/url?url={u}&text={t}"),
            x: format!("https://x.com/intent/post?url={u}&text={t}"),
        }
    }
}

#[derive(Serialize)]
struct EntityLink {
    link: Link,
    main: bool,
}

/// One option of a search filter: the value the index records carry, and
/// what the reader sees.
#[derive(Serialize)]
struct SearchChoice {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct Version<'a> {
    url: &'a str,
    title: &'a str,
    source: Option<&'a str>,
}

impl<'s, 'a> Renderer<'s, 'a> {
    /// Puts a page's data into `ctx` and returns its folder (relative to the
    /// output root, ending in `/` unless it is the root) and template.
    /// Cards and Markdown bodies go in as `fill` says: as their keys, or as
    /// their HTML ([`Renderer::costly_parts`]).
    pub(super) fn page(
        &self,
        job: Job,
        fill: &mut Fill,
        ctx: &mut impl PageData,
    ) -> Result<(String, &'static str)> {
        let PagePlace { dir, template } = match job {
            Job::Index => self.index(ctx),
            Job::Article(i) => self.article(i, ctx),
            Job::Story(i) => self.story(i, ctx),
            Job::Thread(t) => self.thread(t, ctx),
            Job::Day(d) => self.day(d, ctx),
            Job::Week(w) => self.week(w, ctx),
            Job::WeekIndex => self.week_index(ctx),
            Job::Topic(t, page) => self.topic(t, page, ctx),
            Job::Entity(e, page) => self.entity(e, page, ctx),
            Job::Source(i, page) => self.source(i, page, ctx),
            Job::Undated(page) => self.undated(page, ctx),
            Job::TopicIndex => self.topic_index(ctx),
            Job::EntityIndex => self.entity_index(ctx),
            Job::SourceIndex => self.source_index(ctx),
            Job::Archive => self.archive(ctx),
            Job::ArchiveYear(y) => self.archive_year(y, ctx),
            Job::Page(p) => self.static_page(p, ctx),
            Job::NotFound => self.not_found(),
            Job::Search => self.search(ctx),
        };
        // A missing page has no address of its own to point search
        // engines at.
        if !matches!(job, Job::NotFound) {
            ctx.insert("canonical", &format!("{}{}", self.config.base_url(), dir));
        }
        let (section, section_index) = section_of(job);
        ctx.insert("section", section);
        ctx.insert("section_index", &section_index);
        // Last, so that a body's HTML takes the place of its key.
        self.costly_parts(job, fill, ctx)?;
        Ok((dir, template))
    }

    /// The week's heaviest stories and links to its days.
    fn week(&self, w: usize, ctx: &mut impl PageData) -> PagePlace {
        let s = self.site;
        let week = &s.weeks[w];
        ctx.insert("week", week);
        ctx.insert(
            "days",
            &week
                .days
                .iter()
                .map(|&d| day_link(&s.days[d]))
                .collect::<Vec<_>>(),
        );
        PagePlace {
            dir: format!("weeks/{}/", week.key),
            template: "week.html",
        }
    }

    /// Every week, newest first.
    fn week_index(&self, ctx: &mut impl PageData) -> PagePlace {
        ctx.insert("weeks", &self.site.weeks.iter().rev().collect::<Vec<_>>());
        PagePlace {
            dir: "weeks/".into(),
            template: "weeks.html",
        }
    }

    /// Page `page` of a topic's articles.
    fn topic(&self, t: usize, page: usize, ctx: &mut impl PageData) -> PagePlace {
        let term = &self.site.topics[t];
        let dir = format!("topics/{}/", term.slug);
        ctx.insert("kind", "topic");
        ctx.insert("feed_url", &self.feed_url(&dir, &term.articles));
        if page == 1 {
            self.topic_extras(t, ctx);
        }
        self.listing(
            ctx,
            &term.name,
            &term.description,
            term.articles.len(),
            &dir,
            page,
        );
        PagePlace {
            dir: paged(&dir, page),
            template: "list.html",
        }
    }

    /// Page `page` of an entity's articles, each with the sentence naming
    /// it, below what is known of the entity.
    fn entity(&self, e: usize, page: usize, ctx: &mut impl PageData) -> PagePlace {
        let s = self.site;
        let term = &s.entities[e];
        let info = &s.entity_info[e];
        let dir = format!("entities/{}/", term.slug);
        ctx.insert("kind", "entity");
        ctx.insert("entity", info);
        ctx.insert("feed_url", &self.feed_url(&dir, &term.articles));
        if page == 1 {
            self.entity_extras(e, ctx);
        }
        self.listing(
            ctx,
            &term.name,
            &term.description,
            term.articles.len(),
            &dir,
            page,
        );
        PagePlace {
            dir: paged(&dir, page),
            template: "list.html",
        }
    }

    /// The address of the feed of a topic or entity at `dir`, when it has
    /// items: feeds list dated articles only, and `articles` (newest
    /// first) has its undated ones last.
    fn feed_url(&self, dir: &str, articles: &[usize]) -> Option<String> {
        let s = self.site;
        articles
            .first()
            .is_some_and(|&i| s.article(i).published.is_some())
            .then(|| format!("{}{dir}rss.xml", s.base))
    }

    /// Page `page` of an outlet's articles.
    fn source(&self, i: usize, page: usize, ctx: &mut impl PageData) -> PagePlace {
        let term = &self.site.sources[i];
        let dir = format!("sources/{}/", term.slug);
        ctx.insert("kind", "source");
        ctx.insert("feed_url", &self.feed_url(&dir, &term.articles));
        self.listing(ctx, &term.name, "", term.articles.len(), &dir, page);
        PagePlace {
            dir: paged(&dir, page),
            template: "list.html",
        }
    }

    /// Page `page` of the articles whose date is unknown.
    fn undated(&self, page: usize, ctx: &mut impl PageData) -> PagePlace {
        ctx.insert("kind", "undated");
        self.listing(ctx, "", "", self.site.undated.len(), "undated/", page);
        PagePlace {
            dir: paged("undated/", page),
            template: "list.html",
        }
    }

    /// Every topic with its number of articles, in topic order.
    fn topic_index(&self, ctx: &mut impl PageData) -> PagePlace {
        let terms = self
            .site
            .topics
            .iter()
            .map(|t| counted(&t.url, &t.name, t.articles.len()))
            .collect();
        ctx.insert("kind", "topics");
        ctx.insert("groups", &[TermGroup { kind: None, terms }]);
        PagePlace {
            dir: "topics/".into(),
            template: "terms.html",
        }
    }

    /// Every outlet with its number of articles, most first.
    fn source_index(&self, ctx: &mut impl PageData) -> PagePlace {
        let mut terms: Vec<Counted> = self
            .site
            .sources
            .iter()
            .map(|t| counted(&t.url, &t.name, t.articles.len()))
            .collect();
        terms.sort_by(|a, b| b.count.cmp(&a.count).then(a.link.name.cmp(&b.link.name)));
        ctx.insert("kind", "sources");
        ctx.insert("groups", &[TermGroup { kind: None, terms }]);
        PagePlace {
            dir: "sources/".into(),
            template: "terms.html",
        }
    }

    /// Every entity with its number of mentions, grouped by kind.
    fn entity_index(&self, ctx: &mut impl PageData) -> PagePlace {
        ctx.insert("kind", "entities");
        ctx.insert("groups", &self.entity_groups());
        PagePlace {
            dir: "entities/".into(),
            template: "terms.html",
        }
    }

    /// The archive's front page: the newest year's months.
    fn archive(&self, ctx: &mut impl PageData) -> PagePlace {
        self.archive_months(ctx, None);
        PagePlace {
            dir: "archive/".into(),
            template: "archive.html",
        }
    }

    /// One year of the archive, `y` counting from the newest.
    fn archive_year(&self, y: usize, ctx: &mut impl PageData) -> PagePlace {
        let year = self.archive_months(ctx, Some(y));
        PagePlace {
            dir: format!("archive/{year}/"),
            template: "archive.html",
        }
    }

    /// A page of the site's own (about, contact…), from `content/`.
    fn static_page(&self, p: usize, ctx: &mut impl PageData) -> PagePlace {
        let page = &self.site.corpus.pages[p];
        ctx.insert("page", page);
        PagePlace {
            dir: format!("{}/", page.slug),
            template: "page.html",
        }
    }

    /// The page servers show for a missing URL.
    fn not_found(&self) -> PagePlace {
        PagePlace {
            dir: String::new(),
            template: "404.html",
        }
    }
    /// The search page: its form, with the filters the index offers, and
    /// the places of the index and script that fill in the results in the
    /// browser ([`crate::search`]). The filter values are those the
    /// records carry: topic and outlet names, and years as ISO digits.
    fn search(&self, ctx: &mut impl PageData) -> PagePlace {
        let s = self.site;
        let choice = |value: &str, label: &str| SearchChoice {
            value: value.to_string(),
            label: label.to_string(),
        };
        let topics: Vec<SearchChoice> = s
            .topics
            .iter()
            .filter(|t| !t.articles.is_empty())
            .map(|t| choice(&t.name, &t.name))
            .collect();
        let outlets: Vec<SearchChoice> =
            s.sources.iter().map(|t| choice(&t.name, &t.name)).collect();
        let years: Vec<SearchChoice> = s
            .years()
            .iter()
            .map(|(year, _)| {
                let label = arabic::dates::format_number(year, &self.config.site.dates);
                choice(&year.to_string(), &label)
            })
            .collect();
        ctx.insert("search_topics", &topics);
        ctx.insert("search_outlets", &outlets);
        ctx.insert("search_years", &years);
        ctx.insert(
            "search_bundle",
            &format!("{}{}/", s.base, crate::search::BUNDLE_DIR),
        );
        ctx.insert(
            "search_script",
            &format!("{}{}", s.base, crate::search::SCRIPT_PATH),
        );
        PagePlace {
            dir: "search/".into(),
            template: "search.html",
        }
    }

    /// The home page: the latest briefing, the days before it and an
    /// overview of topics and entities.
    fn index(&self, ctx: &mut impl PageData) -> PagePlace {
        let s = self.site;
        if !s.days.is_empty()
            && let Some(week) = s.weeks.last()
        {
            ctx.insert("latest_week", week);
        }
        // The days before the lead's two, each story under the newest day
        // that tells it and only if the lead does not show it already.
        let mut seen: std::collections::HashSet<&str> = s
            .front
            .iter()
            .flat_map(|g| &g.stories)
            .map(|&i| s.story_cards[i].url.as_str())
            .collect();
        let since = s.days.last().map(|d| d.date - chrono::Days::new(1));
        let recent: Vec<DayPreview> = s
            .days
            .iter()
            .rev()
            .filter(|d| since.is_some_and(|since| d.date < since))
            .take(crate::site::RECENT_DAYS)
            .filter_map(|d| {
                let stories: Vec<StoryRef> = d
                    .stories
                    .iter()
                    .map(|&i| &s.story_cards[i])
                    .filter(|card| seen.insert(card.url.as_str()))
                    .take(crate::site::RECENT_DAY_STORIES)
                    .map(StoryRef::of)
                    .collect();
                (!stories.is_empty()).then_some(DayPreview {
                    title: &d.title,
                    url: &d.url,
                    stories,
                })
            })
            .collect();
        ctx.insert("recent", &recent);
        let topics: Vec<Counted> = s
            .topics
            .iter()
            .filter(|t| !t.articles.is_empty())
            .map(|t| counted(&t.url, &t.name, t.articles.len()))
            .collect();
        ctx.insert("topics", &topics);
        ctx.insert("entities", &s.top_entities());
        ctx.insert("undated_count", &s.undated.len());
        self.index_extras(ctx);
        PagePlace {
            dir: String::new(),
            template: "index.html",
        }
    }

    fn groups<'d>(&'d self, groups: &'d [TopicGroup], fill: &Fill) -> Result<Vec<GroupView<'d>>> {
        groups
            .iter()
            .map(|g| {
                Ok(GroupView {
                    topic: &g.topic,
                    cards: g
                        .stories
                        .iter()
                        .map(|&i| self.story_card(i, fill))
                        .collect::<Result<_>>()?,
                })
            })
            .collect()
    }

    /// Story `i`'s card, as `fill` asks.
    fn story_card(&self, i: usize, fill: &Fill) -> Result<Cow<'_, str>> {
        Ok(match fill {
            Fill::Keys => Cow::Owned(self.cards.story_key(i)),
            Fill::Html(_) => {
                Cow::Borrowed(
                    self.cards
                        .story(i, self.site, self.tera, &self.card_context)?,
                )
            }
        })
    }

    /// Article `i`'s card with `note` in place of its summary (none when
    /// empty), as `fill` asks.
    fn article_card(&self, i: usize, note: &str, fill: &mut Fill) -> Result<Cow<'_, str>> {
        let Fill::Html(maker) = fill else {
            return Ok(Cow::Owned(self.cards.article_key(i, note)));
        };
        Ok(if note.is_empty() {
            Cow::Borrowed(self.cards.article(i, self.site, self.tera, maker)?)
        } else {
            // A note appears on this one page only: its card is made here.
            Cow::Owned(maker.article(self.tera, &self.site.cards[i], note)?)
        })
    }

    /// A day's briefing, with links to the days beside it and its week.
    fn day(&self, d: usize, ctx: &mut impl PageData) -> PagePlace {
        let s = self.site;
        let day = &s.days[d];
        ctx.insert("day", day);
        ctx.insert("prev", &d.checked_sub(1).map(|p| day_link(&s.days[p])));
        ctx.insert("next", &s.days.get(d + 1).map(day_link));
        let week = s.weeks.iter().find(|w| w.days.contains(&d));
        ctx.insert("week", &week);
        PagePlace {
            dir: format!("days/{}/", day.iso),
            template: "day.html",
        }
    }

    /// An article with its story's other versions, its topics and the
    /// entities it names.
    fn article(&self, i: usize, ctx: &mut impl PageData) -> PagePlace {
        let s = self.site;
        let a = s.article(i);
        ctx.insert(
            "article",
            &ArticleView {
                title: &a.title,
                subtitle: a.subtitle.as_deref(),
                author: a.author.as_deref(),
                url: a.url.as_deref(),
            },
        );
        ctx.insert("card", &s.cards[i]);
        ctx.insert("description", &a.summary);
        let page_url = format!("{}articles/{}/", self.config.base_url(), a.slug);
        ctx.insert_share(&page_url, &a.title);
        let described = (
            &a.title,
            &a.summary,
            &page_url,
            &a.source,
            a.published,
            &a.author,
            &a.url,
        );
        ctx.insert_made("structured_data", &described, || {
            self.news_article(i, &page_url)
        });
        ctx.insert(
            "time",
            &a.published
                .and_then(|p| p.time)
                .map(|t| arabic::dates::format_number(t.format("%H:%M"), &self.config.site.dates)),
        );
        match a.markdown_excerpt() {
            // Its key: the HTML is rendered from the file only when the
            // page is written (see `Renderer::costly_parts`).
            Some(excerpt) => ctx.insert(
                "body_html",
                &format!("markdown {:016x} {:?}", excerpt.hash, excerpt.range),
            ),
            None => ctx.insert(
                "blocks",
                &a.text_blocks().map(BlockView::of).collect::<Vec<_>>(),
            ),
        }
        ctx.insert("day", &s.article_day[i].map(|d| day_link(&s.days[d])));
        if let Some(story) = a.story {
            ctx.insert("story", &StoryRef::of(&s.story_cards[story]));
            let versions: Vec<Version> = s.corpus.stories[story]
                .articles
                .iter()
                .filter(|&&j| j != i)
                .take(crate::site::ARTICLE_VERSIONS)
                .map(|&j| Version {
                    url: &s.cards[j].url,
                    title: s.cards[j].title,
                    source: s.cards[j].source,
                })
                .collect();
            ctx.insert("versions", &versions);
        }
        let topics: Vec<Link> = s.topics_of(a).map(crate::site::link).collect();
        ctx.insert("topics", &topics);
        let mut entities: Vec<(bool, usize, EntityLink)> = a
            .entities
            .iter()
            .filter_map(|m| {
                let e = &s.entities[*s.entity_index.get(m.slug.as_str())?];
                let main = m.prominence == Prominence::Main;
                let link = Link {
                    url: format!("{}entities/{}/", s.base, m.slug),
                    name: e.name.clone(),
                };
                Some((main, m.count, EntityLink { link, main }))
            })
            .collect();
        entities.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.cmp(&a.1))
                .then(a.2.link.name.cmp(&b.2.link.name))
        });
        ctx.insert(
            "entities",
            &entities.into_iter().map(|e| e.2).collect::<Vec<_>>(),
        );
        PagePlace {
            dir: format!("articles/{}/", a.slug),
            template: "article.html",
        }
    }

    /// An article as schema.org's `NewsArticle`, in JSON-LD for search
    /// engines and link previews. `<` is written as `\u003c` so that no
    /// text can close the `<script>` element that holds it. A page
    /// fingerprint takes the fields this reads instead (see
    /// `Renderer::article`): the two lists must stay the same.
    fn news_article(&self, i: usize, page_url: &str) -> String {
        let s = self.site;
        let a = s.article(i);
        let published = a.published.map(|p| match p.time {
            Some(t) => t.to_rfc3339(),
            None => p.date.to_string(),
        });
        let publisher = a.source.as_deref().unwrap_or(&self.config.site.title);
        let mut data = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "description": a.summary,
            "inLanguage": self.config.site.language,
            "mainEntityOfPage": page_url,
            "publisher": { "@type": "Organization", "name": publisher },
        });
        if let Some(date) = published {
            data["datePublished"] = date.into();
        }
        if let Some(author) = &a.author {
            data["author"] = serde_json::json!({ "@type": "Person", "name": author });
        }
        if let Some(url) = &a.url {
            data["isBasedOn"] = url.as_str().into();
        }
        data.to_string().replace('<', "\\u003c")
    }

    /// A story: its summary and every article that told it.
    fn story(&self, i: usize, ctx: &mut impl PageData) -> PagePlace {
        let s = self.site;
        let story = &s.corpus.stories[i];
        ctx.insert("story", &s.story_cards[i]);
        let timeline: Vec<TimelineItem> = story
            .articles
            .iter()
            .map(|&a| {
                let also = story
                    .duplicates
                    .iter()
                    .find(|group| group.first() == Some(&a))
                    .map(|group| {
                        group[1..]
                            .iter()
                            .map(|&d| Link {
                                url: s.cards[d].url.clone(),
                                name: s.cards[d].source.unwrap_or(s.cards[d].title).to_string(),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                TimelineItem {
                    card: ArticleRef::of(&s.cards[a]),
                    also,
                }
            })
            .collect();
        ctx.insert("timeline", &timeline);
        self.story_extras(i, ctx);
        ctx.insert_share(
            &format!("{}stories/{}/", self.config.base_url(), story.id),
            s.story_cards[i].headline,
        );
        let day = story
            .articles
            .iter()
            .find_map(|&a| s.article_day[a])
            .map(|d| day_link(&s.days[d]));
        ctx.insert("day", &day);
        ctx.insert(
            "description",
            &s.story_cards[i].summary.first().map_or("", |l| l.text),
        );
        PagePlace {
            dir: format!("stories/{}/", story.id),
            template: "story.html",
        }
    }

    /// A paginated listing of `count` articles about `name`, without its
    /// cards.
    fn listing(
        &self,
        ctx: &mut impl PageData,
        name: &str,
        description: &str,
        count: usize,
        dir: &str,
        page: usize,
    ) {
        let s = self.site;
        let total = self.pages_of(count);
        ctx.insert("name", name);
        ctx.insert("description", description);
        ctx.insert(
            "pager",
            &Pager {
                current: page,
                total,
                prev_url: (page > 1).then(|| format!("{}{}", s.base, paged(dir, page - 1))),
                next_url: (page < total).then(|| format!("{}{}", s.base, paged(dir, page + 1))),
            },
        );
    }

    /// Puts what a page shows that is costly to make into its context, as
    /// `fill` says: the day's or week's story cards, the latest briefing's
    /// on the home page, a listing page's article cards (an entity page's
    /// with the sentence naming the entity), a Markdown article's body
    /// (rendered from its file, so that no article's HTML is held for the
    /// whole build).
    fn costly_parts(&self, job: Job, fill: &mut Fill, ctx: &mut impl PageData) -> Result<()> {
        let s = self.site;
        let (articles, notes, page): (&[usize], Option<&Vec<Range<u32>>>, usize) = match job {
            Job::Index => {
                if let Some(last) = s.days.last() {
                    ctx.insert(
                        "latest",
                        &LatestDay {
                            title: &last.title,
                            url: &last.url,
                            groups: self.groups(&s.front, fill)?,
                        },
                    );
                }
                return Ok(());
            }
            Job::Day(d) => {
                ctx.insert("groups", &self.groups(&s.days[d].groups, fill)?);
                return Ok(());
            }
            Job::Week(w) => {
                let cards = s.weeks[w]
                    .stories
                    .iter()
                    .map(|&i| self.story_card(i, fill))
                    .collect::<Result<Vec<_>>>()?;
                ctx.insert("cards", &cards);
                return Ok(());
            }
            Job::Article(i) => {
                if let (Fill::Html(_), Some(excerpt)) = (&fill, s.article(i).markdown_excerpt()) {
                    let html = crate::markdown::to_html(&crate::load::read_excerpt(excerpt)?);
                    ctx.insert("body_html", &html);
                }
                return Ok(());
            }
            Job::Topic(t, page) => (&s.topics[t].articles, None, page),
            Job::Entity(e, page) => (
                &s.entities[e].articles,
                Some(&s.entity_info[e].sentences),
                page,
            ),
            Job::Source(i, page) => (&s.sources[i].articles, None, page),
            Job::Undated(page) => (&s.undated, None, page),
            _ => return Ok(()),
        };
        let start = (page - 1) * self.page_size;
        let end = (start + self.page_size).min(articles.len());
        let cards: Vec<Cow<str>> = (start..end)
            .map(|k| {
                let i = articles[k];
                let note = notes
                    .and_then(|n| n.get(k))
                    .map_or("", |span| s.article(i).titled_span(span.clone()));
                self.article_card(i, note, fill)
            })
            .collect::<Result<_>>()?;
        ctx.insert("cards", &cards);
        Ok(())
    }

    fn entity_groups(&self) -> Vec<TermGroup> {
        let s = self.site;
        [
            EntityKind::Person,
            EntityKind::Place,
            EntityKind::Organisation,
            EntityKind::Other,
        ]
        .into_iter()
        .filter_map(|kind| {
            let mut terms: Vec<Counted> = s
                .entities
                .iter()
                .zip(&s.entity_info)
                .filter(|(_, info)| info.kind == kind)
                .map(|(t, info)| counted(&t.url, &t.name, info.mentions))
                .collect();
            terms.sort_by(|a, b| b.count.cmp(&a.count).then(a.link.name.cmp(&b.link.name)));
            (!terms.is_empty()).then_some(TermGroup {
                kind: Some(kind),
                terms,
            })
        })
        .collect()
    }

    /// The archive: the newest year's months on `archive/`, each year on
    /// `archive/YYYY/`. Returns the year shown.
    fn archive_months(&self, ctx: &mut impl PageData, year: Option<usize>) -> i32 {
        let s = self.site;
        let years = s.years();
        let shown = year.unwrap_or(0);
        let year_links: Vec<Link> = years
            .iter()
            .map(|(y, _)| Link {
                url: format!("{}archive/{y}/", s.base),
                name: y.to_string(),
            })
            .collect();
        let mut months: Vec<MonthView> = Vec::new();
        let mut shown_year = 0;
        if let Some((y, days)) = years.get(shown) {
            shown_year = *y;
            for &d in days {
                let day = &s.days[d];
                let title = s.month_title(*y, chrono::Datelike::month(&day.date));
                match months.last_mut() {
                    Some(m) if m.title == title => {
                        m.days.push(day_link(day));
                        m.day_indices.push(d);
                    }
                    _ => months.push(MonthView {
                        title,
                        days: vec![day_link(day)],
                        calendar: None,
                        month: chrono::Datelike::month(&day.date),
                        day_indices: vec![d],
                    }),
                }
            }
            let busiest = days
                .iter()
                .map(|&d| s.days[d].article_count)
                .max()
                .unwrap_or(0);
            for m in &mut months {
                m.calendar = self.month_calendar(*y, m.month, &m.day_indices, busiest);
            }
        }
        // The year a year's page shows; none on the archive's front page.
        ctx.insert("year", &year.map(|_| shown_year));
        ctx.insert("years", &year_links);
        ctx.insert("months", &months);
        ctx.insert("undated_count", &s.undated.len());
        shown_year
    }
}

#[derive(Serialize)]
struct LatestDay<'d> {
    title: &'d str,
    url: &'d str,
    groups: Vec<GroupView<'d>>,
}

#[derive(Serialize)]
struct ArticleView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
}

fn day_link(day: &Day) -> DayLink<'_> {
    DayLink {
        title: &day.title,
        url: &day.url,
        article_count: day.article_count,
        story_count: day.story_count,
    }
}

fn counted(url: &str, name: &str, count: usize) -> Counted {
    Counted {
        link: Link {
            url: url.to_string(),
            name: name.to_string(),
        },
        count,
    }
}

/// Which part of the main navigation a page belongs to (empty for none),
/// and whether it is that part's own page: the navigation marks it with
/// `aria-current`.
fn section_of(job: Job) -> (&'static str, bool) {
    match job {
        Job::Index => ("home", true),
        Job::Archive => ("archive", true),
        Job::ArchiveYear(_) | Job::Day(_) | Job::Week(_) | Job::WeekIndex | Job::Undated(_) => {
            ("archive", false)
        }
        Job::TopicIndex => ("topics", true),
        Job::Topic(..) => ("topics", false),
        Job::EntityIndex => ("entities", true),
        Job::Entity(..) => ("entities", false),
        Job::SourceIndex => ("sources", true),
        Job::Source(..) => ("sources", false),
        Job::Article(_)
        | Job::Story(_)
        | Job::Thread(_)
        | Job::Search
        | Job::Page(_)
        | Job::NotFound => ("", false),
    }
}

/// The folder of page `page` of a listing at `dir`.
fn paged(dir: &str, page: usize) -> String {
    if page <= 1 {
        dir.to_string()
    } else {
        format!("{dir}page/{page}/")
    }
}
