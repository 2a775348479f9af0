//! RSS 2.0 and Atom feeds, written with the `rss` and `atom_syndication`
//! crates so that escaping, date formats and required elements are right by
//! construction.
//!
//! Feeds: the newest articles (`rss.xml`, `atom.xml`), the daily briefings
//! (`briefings.xml`), and one RSS feed per topic and per entity.

use anyhow::Result;
use atom_syndication as atom;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use rayon::prelude::*;

use crate::article::Published;
use crate::config::Config;
use crate::output::Sink;
use crate::render::escape_html;
use crate::site::Site;

/// Writes every feed; returns how many.
pub fn write_feeds(site: &Site, config: &Config, sink: &dyn Sink) -> Result<usize> {
    let feeds = Feeds::new(site, config);
    let newest: Vec<usize> = site
        .newest
        .iter()
        .copied()
        .take(config.site.feed_items)
        .collect();

    let title = &config.site.title;
    sink.put(
        "rss.xml",
        feeds
            .rss(title, &config.site.description, "rss.xml", "", &newest)
            .as_bytes(),
    )?;
    sink.put("atom.xml", feeds.atom(&newest).as_bytes())?;
    sink.put("briefings.xml", feeds.briefings().as_bytes())?;

    // Outlets have feeds too: an item's RSS `<source url>` names its
    // outlet's channel.
    for (folder, terms) in [
        ("topics", &site.topics),
        ("entities", &site.entities),
        ("sources", &site.sources),
    ] {
        terms.par_iter().try_for_each(|term| {
            let items = dated_newest(site, &term.articles, config.site.feed_items);
            let path = format!("{folder}/{}/rss.xml", term.slug);
            let channel_title = format!("{title}: {}", term.name);
            let channel = Channel {
                title: &channel_title,
                description: &term.description,
                path: &path,
                page: &term.url,
            };
            feeds.write_rss(sink, &channel, &items)
        })?;
    }
    let threads = write_thread_feeds(site, config, &feeds, sink)?;
    Ok(3 + site.topics.len() + site.entities.len() + site.sources.len() + threads)
}

/// One feed per thread that has a page: the newest articles of its
/// stories, for a reader following a storyline. Returns how many.
fn write_thread_feeds(
    site: &Site,
    config: &Config,
    feeds: &Feeds,
    sink: &dyn Sink,
) -> Result<usize> {
    let with_page: Vec<&crate::site::threads::ThreadView> =
        site.threads.iter().filter(|t| t.url.is_some()).collect();
    with_page.par_iter().try_for_each(|thread| {
        let mut items: Vec<usize> = thread
            .stories
            .iter()
            .flat_map(|&s| site.corpus.stories[s].articles.iter().copied())
            .filter(|&i| site.article(i).published.is_some())
            .collect();
        items.sort_by(|&x, &y| {
            let (a, b) = (site.article(x), site.article(y));
            b.published
                .cmp(&a.published)
                .then_with(|| a.slug.cmp(&b.slug))
        });
        items.truncate(config.site.feed_items);
        let path = format!("threads/{}/rss.xml", thread.id);
        let title = format!("{}: تطورات القصة: {}", config.site.title, thread.title);
        let channel = Channel {
            title: &title,
            description: "",
            path: &path,
            page: thread.url.as_deref().unwrap_or_default(),
        };
        feeds.write_rss(sink, &channel, &items)
    })?;
    Ok(with_page.len())
}

/// The first `n` dated articles of a newest-first list.
fn dated_newest(site: &Site, list: &[usize], n: usize) -> Vec<usize> {
    list.iter()
        .copied()
        .filter(|&i| site.article(i).published.is_some())
        .take(n)
        .collect()
}

/// A text for an RSS element that readers show either as text or as HTML
/// (titles, categories, channel descriptions): written with `<` and `>` as
/// entities, so that no reader of either kind meets markup in it. An item's
/// description is HTML for every reader, and is escaped whole
/// ([`escape_html`]); Atom says which its texts are, and they are text.
fn without_markup(text: &str) -> String {
    if !text.contains(['<', '>']) {
        return text.to_string();
    }
    text.replace('<', "&lt;").replace('>', "&gt;")
}

/// `time` as RSS writes dates, or `None` for a time RFC 2822 cannot
/// write (a year before 0 or after 9999, where chrono's formatter panics):
/// no input may stop a build. Builds set such dates aside before this
/// (see [`crate::dating::plausible_years`]); this is the last guard.
fn rfc2822(time: DateTime<FixedOffset>) -> Option<String> {
    use chrono::Datelike;
    (0..=9999)
        .contains(&time.naive_local().year())
        .then(|| time.to_rfc2822())
}

struct Feeds<'s, 'a> {
    site: &'s Site<'a>,
    config: &'s Config,
    /// `https://host` without the base path, to make site paths absolute.
    origin: String,
    /// What every feed depends on beyond its own channel and items.
    seed: u64,
    /// Fingerprint of each article's RSS item, by article.
    items: Vec<u64>,
}

/// An RSS feed's own text and place.
struct Channel<'c> {
    title: &'c str,
    description: &'c str,
    /// Where the feed is written, in the site.
    path: &'c str,
    /// The page the feed follows (empty for the home page).
    page: &'c str,
}

impl<'s, 'a> Feeds<'s, 'a> {
    fn new(site: &'s Site<'a>, config: &'s Config) -> Self {
        let base_url = config.base_url();
        let origin = base_url[..base_url.len() - site.base.len()].to_string();
        let seed = crate::cache::fingerprint_of(
            crate::cache::program_hash(),
            "feeds",
            &(base_url, &config.site.language, config.timezone.name()),
        );
        // An article stands in the feeds of its topics, its entities and
        // its outlet: its item is fingerprinted once, from all it shows.
        let items = (0..site.cards.len())
            .into_par_iter()
            .map(|i| {
                let a = site.article(i);
                let card = &site.cards[i];
                let topics: Vec<&str> = site.topics_of(a).map(|t| t.name.as_str()).collect();
                crate::cache::fingerprint_of(
                    seed,
                    "item",
                    &(
                        &a.title,
                        &card.url,
                        a.published,
                        &a.summary,
                        &a.source,
                        &card.source_url,
                        topics,
                    ),
                )
            })
            .collect();
        Feeds {
            site,
            config,
            origin,
            seed,
            items,
        }
    }

    /// Writes the RSS feed of `items` for `channel`, unless the last build
    /// wrote it from the same channel and items.
    fn write_rss(&self, sink: &dyn Sink, channel: &Channel, items: &[usize]) -> Result<()> {
        let keys: Vec<u64> = items.iter().map(|&i| self.items[i]).collect();
        let inputs = crate::cache::fingerprint_of(
            self.seed,
            "rss",
            &(
                channel.title,
                channel.description,
                channel.path,
                channel.page,
                keys,
            ),
        );
        if sink.is_current(channel.path, inputs) {
            sink.keep(channel.path);
            return Ok(());
        }
        let rss = self.rss(
            channel.title,
            channel.description,
            channel.path,
            channel.page,
            items,
        );
        sink.put_made(channel.path, rss.as_bytes(), inputs)
    }

    fn absolute(&self, site_path: &str) -> String {
        format!("{}{}", self.origin, site_path)
    }

    /// An article's publication time: the stated time, or the start of its
    /// day in the site's time zone.
    fn time_of(&self, published: Published) -> DateTime<FixedOffset> {
        published
            .time
            .unwrap_or_else(|| self.start_of(published.date))
    }

    fn start_of(&self, date: NaiveDate) -> DateTime<FixedOffset> {
        let midnight = date.and_hms_opt(0, 0, 0).expect("midnight exists");
        self.config
            .timezone
            .from_local_datetime(&midnight)
            .earliest()
            .map(|t| t.fixed_offset())
            .unwrap_or_else(|| chrono::Utc.from_utc_datetime(&midnight).fixed_offset())
    }

    fn rss(
        &self,
        title: &str,
        description: &str,
        self_path: &str,
        page: &str,
        items: &[usize],
    ) -> String {
        let site = self.site;
        let rss_items: Vec<rss::Item> = items
            .iter()
            .map(|&i| {
                let a = site.article(i);
                let url = self.absolute(&site.cards[i].url);
                rss::ItemBuilder::default()
                    .title(Some(without_markup(&a.title)))
                    .link(Some(url.clone()))
                    .guid(Some(
                        rss::GuidBuilder::default()
                            .value(url)
                            .permalink(true)
                            .build(),
                    ))
                    .pub_date(a.published.and_then(|p| rfc2822(self.time_of(p))))
                    .description(Some(escape_html(&a.summary)))
                    .author(None)
                    .source(
                        a.source
                            .as_ref()
                            .zip(site.cards[i].source_url.as_ref())
                            .map(|(s, page)| {
                                rss::SourceBuilder::default()
                                    .title(Some(without_markup(s)))
                                    .url(format!("{}rss.xml", self.absolute(page)))
                                    .build()
                            }),
                    )
                    .categories(
                        site.topics_of(a)
                            .map(|t| {
                                rss::CategoryBuilder::default()
                                    .name(without_markup(&t.name))
                                    .build()
                            })
                            .collect::<Vec<_>>(),
                    )
                    .build()
            })
            .collect();
        let last = items
            .first()
            .and_then(|&i| site.article(i).published)
            .and_then(|p| rfc2822(self.time_of(p)));
        let page_url = if page.is_empty() {
            self.config.base_url()
        } else {
            self.absolute(page)
        };
        let mut channel = rss::ChannelBuilder::default()
            .title(without_markup(title))
            .link(page_url)
            .description(without_markup(if description.is_empty() {
                title
            } else {
                description
            }))
            .language(Some(self.config.site.language.clone()))
            .generator(Some("nashra".to_string()))
            .last_build_date(last.clone())
            .pub_date(last)
            .items(rss_items)
            .build();
        channel.set_atom_ext(Some(
            rss::extension::atom::AtomExtensionBuilder::default()
                .links(vec![
                    atom::LinkBuilder::default()
                        .href(format!("{}{}", self.config.base_url(), self_path))
                        .rel("self".to_string())
                        .mime_type(Some("application/rss+xml".to_string()))
                        .build(),
                ])
                .build(),
        ));
        channel.to_string()
    }

    fn atom(&self, items: &[usize]) -> String {
        let site = self.site;
        let config = self.config;
        let entries: Vec<atom::Entry> = items
            .iter()
            .map(|&i| {
                let a = site.article(i);
                let url = self.absolute(&site.cards[i].url);
                let time = a
                    .published
                    .map(|p| self.time_of(p))
                    .unwrap_or_else(|| self.start_of(NaiveDate::MIN));
                atom::EntryBuilder::default()
                    .title(a.title.clone())
                    .id(url.clone())
                    .updated(time)
                    .published(Some(time))
                    .links(vec![
                        atom::LinkBuilder::default()
                            .href(url)
                            .rel("alternate".to_string())
                            .build(),
                    ])
                    .summary(Some(atom::Text::plain(a.summary.clone())))
                    // RFC 4287 wants an author for every entry: the outlet,
                    // or the site when the outlet is unknown.
                    .authors(vec![
                        atom::PersonBuilder::default()
                            .name(
                                a.source
                                    .clone()
                                    .unwrap_or_else(|| config.site.title.clone()),
                            )
                            .build(),
                    ])
                    .categories(
                        site.topics_of(a)
                            .map(|t| {
                                atom::CategoryBuilder::default()
                                    .term(t.slug.clone())
                                    .label(Some(t.name.clone()))
                                    .build()
                            })
                            .collect::<Vec<_>>(),
                    )
                    .build()
            })
            .collect();
        let updated = items
            .first()
            .and_then(|&i| site.article(i).published)
            .map(|p| self.time_of(p))
            .unwrap_or_else(|| {
                self.start_of(NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date"))
            });
        let feed = atom::FeedBuilder::default()
            .title(config.site.title.clone())
            .subtitle(Some(atom::Text::plain(config.site.description.clone())))
            .id(config.base_url())
            .updated(updated)
            .lang(Some(config.site.language.clone()))
            .generator(Some(atom::Generator {
                value: "nashra".into(),
                uri: None,
                version: None,
            }))
            .links(vec![
                atom::LinkBuilder::default()
                    .href(config.base_url())
                    .rel("alternate".to_string())
                    .build(),
                atom::LinkBuilder::default()
                    .href(format!("{}atom.xml", config.base_url()))
                    .rel("self".to_string())
                    .mime_type(Some("application/atom+xml".to_string()))
                    .build(),
            ])
            .entries(entries)
            .build();
        feed.to_string()
    }

    /// One item per day, newest first: the day's stories as its description.
    fn briefings(&self) -> String {
        let site = self.site;
        let items: Vec<rss::Item> = site
            .days
            .iter()
            .rev()
            .take(self.config.site.feed_items)
            .map(|day| {
                let url = self.absolute(&day.url);
                // HTML with a link to each story, so that a feed-to-email
                // service can send the day's briefing as a newsletter.
                let mut html = String::from("<ul>\n");
                for &s in &day.stories {
                    let card = &site.story_cards[s];
                    html.push_str(&format!(
                        "<li><a href=\"{}\">{}</a>",
                        escape_html(&self.absolute(&card.url)),
                        escape_html(card.headline)
                    ));
                    if card.article_count > 1 {
                        html.push_str(&format!(
                            " ({})",
                            crate::site::count_label(
                                card.article_count,
                                &arabic::numbers::ARTICLE,
                                &self.config.site.dates
                            )
                        ));
                    }
                    if let Some(line) = card.summary.first() {
                        html.push_str(": ");
                        html.push_str(&escape_html(line.text));
                    }
                    html.push_str("</li>\n");
                }
                html.push_str("</ul>");
                rss::ItemBuilder::default()
                    .title(Some(format!("موجز {}", day.title)))
                    .link(Some(url.clone()))
                    .guid(Some(
                        rss::GuidBuilder::default()
                            .value(url)
                            .permalink(true)
                            .build(),
                    ))
                    .pub_date(rfc2822(self.start_of(day.date)))
                    .description(Some(html))
                    .build()
            })
            .collect();
        let last = site
            .days
            .last()
            .and_then(|d| rfc2822(self.start_of(d.date)));
        let mut channel = rss::ChannelBuilder::default()
            .title(without_markup(&format!(
                "{}: الموجزات اليومية",
                self.config.site.title
            )))
            .link(self.config.base_url())
            .description(without_markup(&self.config.site.description))
            .language(Some(self.config.site.language.clone()))
            .generator(Some("nashra".to_string()))
            .last_build_date(last.clone())
            .pub_date(last)
            .items(items)
            .build();
        channel.set_atom_ext(Some(
            rss::extension::atom::AtomExtensionBuilder::default()
                .links(vec![
                    atom::LinkBuilder::default()
                        .href(format!("{}briefings.xml", self.config.base_url()))
                        .rel("self".to_string())
                        .mime_type(Some("application/rss+xml".to_string()))
                        .build(),
                ])
                .build(),
        ));
        channel.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_carry_no_markup() {
        assert_eq!(
            without_markup("الذهب <يرتفع> S&P"),
            "الذهب &lt;يرتفع&gt; S&P"
        );
        assert_eq!(without_markup("قمة «الرياض»"), "قمة «الرياض»");
    }

    #[test]
    fn times_rfc_2822_cannot_write_are_left_out() {
        let at = |text: &str| DateTime::parse_from_rfc3339(text).unwrap();
        assert_eq!(
            rfc2822(at("2025-09-15T10:00:00+03:00")).as_deref(),
            Some("Mon, 15 Sep 2025 10:00:00 +0300")
        );
        assert_eq!(
            rfc2822(at("9999-12-31T23:59:59-12:00")),
            Some("Fri, 31 Dec 9999 23:59:59 -1200".into())
        );
        let late = at("9999-12-31T23:59:59-12:00")
            .with_timezone(&FixedOffset::east_opt(14 * 3600).unwrap());
        assert_eq!(rfc2822(late), None);
    }
}
