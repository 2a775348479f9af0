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

    for (folder, terms) in [("topics", &site.topics), ("entities", &site.entities)] {
        terms.par_iter().try_for_each(|term| {
            let items = dated_newest(site, &term.articles, config.site.feed_items);
            let path = format!("{folder}/{}/rss.xml", term.slug);
            let channel_title = format!("{title}: {}", term.name);
            let rss = feeds.rss(&channel_title, &term.description, &path, &term.url, &items);
            sink.put(&path, rss.as_bytes())
        })?;
    }
    Ok(3 + site.topics.len() + site.entities.len())
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
}

impl<'s, 'a> Feeds<'s, 'a> {
    fn new(site: &'s Site<'a>, config: &'s Config) -> Self {
        let base_url = config.base_url();
        let origin = base_url[..base_url.len() - site.base.len()].to_string();
        Feeds {
            site,
            config,
            origin,
        }
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
                    .source(a.source.as_ref().map(|s| {
                        rss::SourceBuilder::default()
                            .title(Some(without_markup(s)))
                            .url(
                                a.url
                                    .clone()
                                    .unwrap_or_else(|| self.absolute(&site.cards[i].url)),
                            )
                            .build()
                    }))
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
                    .authors(
                        a.source
                            .iter()
                            .map(|s| atom::PersonBuilder::default().name(s.clone()).build())
                            .collect::<Vec<_>>(),
                    )
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
                let mut text = String::new();
                for &s in &day.stories {
                    let card = &site.story_cards[s];
                    text.push_str("• ");
                    text.push_str(card.headline);
                    if card.article_count > 1 {
                        text.push_str(&format!(" ({})", card.count_label));
                    }
                    if let Some(line) = card.summary.first() {
                        text.push_str(": ");
                        text.push_str(line.text);
                    }
                    text.push('\n');
                }
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
                    .description(Some(escape_html(&text)))
                    .build()
            })
            .collect();
        let last = site
            .days
            .last()
            .and_then(|d| rfc2822(self.start_of(d.date)));
        rss::ChannelBuilder::default()
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
            .build()
            .to_string()
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
