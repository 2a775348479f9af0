//! Storylines and coverage charts, read back from built sites as a reader
//! (or a screen reader) meets them: every chart is well-formed SVG with an
//! Arabic text alternative, and its numbers are the counts the same page
//! prints in words.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{TempSite, copy_dir, html_pages};
use quick_xml::events::Event;
use scraper::{ElementRef, Html, Selector};

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap();
    doc.select(&selector).collect()
}

fn within<'a>(element: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap();
    element.select(&selector).collect()
}

fn text(element: ElementRef) -> String {
    element.text().collect::<String>().trim().to_string()
}

/// Every `<svg>…</svg>` of a page, as written.
fn svgs(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("an svg is closed") + start + 6;
        found.push(&rest[start..end]);
        rest = &rest[end..];
    }
    found
}

/// Parses `svg` as XML, failing on any error (unclosed or mismatched
/// elements, bad attributes, undefined entities); returns its root's
/// attributes and the text of its first `<title>`.
fn parse_svg(svg: &str) -> (BTreeMap<String, String>, String) {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut root = BTreeMap::new();
    let mut title = None;
    let mut in_title = false;
    let mut depth = 0;
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("{e}: {svg}")) {
            Event::Start(e) => {
                depth += 1;
                let attrs: BTreeMap<String, String> = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                            a.decoded_and_normalized_value(
                                quick_xml::XmlVersion::Implicit1_0,
                                reader.decoder(),
                            )
                            .unwrap()
                            .to_string(),
                        )
                    })
                    .collect();
                if depth == 1 {
                    root = attrs;
                }
                in_title = e.name().as_ref() == b"title" && title.is_none();
            }
            Event::End(_) => {
                depth -= 1;
                in_title = false;
            }
            Event::Text(t) if in_title => {
                title = Some(t.decode().unwrap().to_string());
            }
            Event::GeneralRef(r) => {
                // XML knows five named entities; HTML's others would not parse.
                let name = r.decode().unwrap();
                assert!(
                    r.is_char_ref() || ["amp", "lt", "gt", "quot", "apos"].contains(&&*name),
                    "&{name}; in {svg}"
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element is closed: {svg}");
    (root, title.unwrap_or_default())
}

/// The number a count phrase starts with, as a reader reads it:
/// «مقال واحد» is one, «مقالان» two, «12 مقالاً» twelve.
fn count_in(phrase: &str) -> usize {
    // «مقالان في قصة واحدة»: the articles are counted first.
    let phrase = phrase.split(" في ").next().unwrap_or(phrase);
    let digits: String = phrase.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().unwrap();
    }
    let first = phrase.split_whitespace().next().unwrap_or("");
    if phrase.contains("واحد") {
        1
    } else if first.ends_with("ان") || first.ends_with("تان") {
        2
    } else {
        panic!("no count in «{phrase}»")
    }
}

#[test]
fn every_chart_is_well_formed_svg_with_an_arabic_text_alternative() {
    let site = TempSite::bundled();
    site.build();
    let pages = html_pages(&site.public());
    let mut charts = 0;
    let mut kinds = BTreeMap::new();
    for (path, html) in &pages {
        for svg in svgs(html) {
            charts += 1;
            let (root, title) = parse_svg(svg);
            assert!(
                matches!(root.get("role").map(String::as_str), Some("img" | "group")),
                "{path}: a chart is one image, or a group of links"
            );
            let label = root.get("aria-label").cloned().unwrap_or_default();
            for alt in [&label, &title] {
                assert!(
                    alt.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
                    "{path}: a chart's text alternative is Arabic: «{alt}»"
                );
            }
            assert!(label.starts_with(&title), "{path}: «{label}»");
            let class = svg_figure_class(html, svg);
            *kinds.entry(class).or_insert(0) += 1;
        }
    }
    for kind in [
        "chart-time",
        "chart-ranking",
        "chart-coverage",
        "chart-calendar",
    ] {
        assert!(kinds.contains_key(kind), "no {kind} chart in {kinds:?}");
    }
    assert!(charts > 10, "{charts} charts");
}

/// The class naming a chart's kind, from the figure around `svg`.
fn svg_figure_class(html: &str, svg: &str) -> String {
    let at = html.find(svg).unwrap();
    let figure = html[..at].rfind("<figure class=\"chart ").unwrap();
    let class = &html[figure + "<figure class=\"chart ".len()..at];
    class[..class.find('"').unwrap()].to_string()
}

#[test]
fn an_entity_chart_counts_the_articles_its_page_lists() {
    let site = TempSite::bundled();
    site.build();
    let html =
        std::fs::read_to_string(site.public().join("entities/vladimir-putin/index.html")).unwrap();
    let doc = Html::parse_document(&html);
    let cards = select(&doc, "article.article-card");
    let dated = cards
        .iter()
        .filter(|c| !within(**c, "time").is_empty())
        .count();
    assert!(dated >= 3, "Putin is named in the dated articles");

    // Mentions over time: the bars add up to the dated articles listed.
    let weekly = select(&doc, ".chart-time svg")[0];
    let bars: usize = within(weekly, "rect.chart-bar")
        .iter()
        .map(|r| {
            r.value()
                .attr("data-value")
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(bars, dated);
    // The table screen readers read says the same.
    let table: usize = within(select(&doc, ".chart-time .chart-data table")[0], "td")
        .iter()
        .map(|td| text(*td).parse::<usize>().unwrap())
        .sum();
    assert_eq!(table, dated);

    // The outlets naming him most: each bar is his articles from that outlet.
    let mut by_outlet: BTreeMap<String, usize> = BTreeMap::new();
    for card in &cards {
        if let Some(source) = within(*card, "a.source").first() {
            *by_outlet.entry(text(*source)).or_default() += 1;
        }
    }
    let ranking = select(&doc, ".chart-ranking svg")[0];
    let names = within(ranking, "text.chart-name");
    let values = within(ranking, "rect.chart-bar");
    assert!(!names.is_empty());
    for (name, bar) in names.iter().zip(&values) {
        let value: usize = bar.value().attr("data-value").unwrap().parse().unwrap();
        assert_eq!(by_outlet.get(&text(*name)), Some(&value), "{}", text(*name));
    }
}

#[test]
fn a_story_chart_marks_the_first_of_the_reports_its_page_lists() {
    let site = TempSite::bundled();
    site.build();
    let corpus = site.corpus();
    let story = corpus
        .stories
        .iter()
        .find(|s| s.date.is_some() && s.reports.len() >= 2)
        .expect("a story told twice");
    let html = std::fs::read_to_string(
        site.public()
            .join("stories")
            .join(&story.id)
            .join("index.html"),
    )
    .unwrap();
    let doc = Html::parse_document(&html);
    let listed = select(&doc, "section.timeline > ol > li").len();
    let chart = select(&doc, ".chart-coverage svg")[0];
    let dots = within(chart, "circle.chart-dot").len();
    let first = within(chart, "g.chart-first");
    assert_eq!(first.len(), 1, "one first report");
    assert!(text(first[0]).contains("أول من نشر"));
    assert_eq!(dots + 1, listed, "a mark for each report listed");
    assert!(
        select(&doc, ".chart-coverage td")
            .iter()
            .any(|td| text(*td).contains("أول من نشر"))
    );
}

#[test]
fn each_archive_day_links_to_its_briefing_with_the_count_the_list_gives() {
    let site = TempSite::bundled();
    site.build();
    let html = std::fs::read_to_string(site.public().join("archive/index.html")).unwrap();
    let doc = Html::parse_document(&html);
    let mut listed: BTreeMap<String, usize> = BTreeMap::new();
    for item in select(&doc, "ul.days li") {
        let link = within(item, "a")[0]
            .value()
            .attr("href")
            .unwrap()
            .to_string();
        let count = text(within(item, ".count")[0]);
        listed.insert(link, count_in(&count));
    }
    let mut linked = BTreeMap::new();
    for day in select(&doc, ".chart-calendar svg a") {
        let href = day.value().attr("href").unwrap().to_string();
        let cell = within(day, "g.chart-day")[0];
        let count: usize = text(within(cell, "text.chart-day-count")[0])
            .parse()
            .unwrap();
        assert_eq!(
            cell.value().attr("data-count"),
            Some(count.to_string().as_str())
        );
        linked.insert(href, count);
    }
    assert!(!listed.is_empty());
    assert_eq!(linked, listed);
    for href in linked.keys() {
        let file = site
            .public()
            .join(href.trim_start_matches('/'))
            .join("index.html");
        assert!(file.exists(), "{href} is a briefing");
    }
}

#[test]
fn the_putin_kim_storyline_shows_on_each_of_its_stories() {
    let site = TempSite::bundled();
    site.build();
    let corpus = site.corpus();
    let thread = corpus
        .threads
        .threads
        .iter()
        .find(|t| t.actors.iter().any(|a| a == "vladimir-putin"))
        .expect("Putin's meetings with North Korea form a thread");
    let headlines: Vec<&str> = thread
        .stories
        .iter()
        .map(|&s| corpus.stories[s].headline.as_str())
        .collect();
    for &s in &thread.stories {
        let story = &corpus.stories[s];
        let html = std::fs::read_to_string(
            site.public()
                .join("stories")
                .join(&story.id)
                .join("index.html"),
        )
        .unwrap();
        let doc = Html::parse_document(&html);
        let section = select(&doc, "section.thread")[0];
        assert_eq!(text(within(section, "h2")[0]), "تطورات القصة");
        let items = within(section, "ol li");
        let shown: Vec<String> = items
            .iter()
            .map(|li| text(within(*li, "a, strong")[0]))
            .collect();
        assert_eq!(shown, headlines, "oldest first, every story");
        let current: Vec<&ElementRef> = items
            .iter()
            .filter(|li| li.value().attr("aria-current") == Some("page"))
            .collect();
        assert_eq!(current.len(), 1);
        assert!(text(*current[0]).contains(&story.headline));
        for li in &items {
            assert!(!within(*li, "time").is_empty(), "each turn is dated");
        }
    }
    // Putin's page lists the storyline he is central to.
    let html =
        std::fs::read_to_string(site.public().join("entities/vladimir-putin/index.html")).unwrap();
    let doc = Html::parse_document(&html);
    let listed = text(select(&doc, ".entity-threads")[0]);
    assert!(listed.contains(headlines.last().unwrap()), "{listed}");
}

#[test]
fn a_storyline_of_three_stories_has_a_page_and_a_feed() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/threads");
    std::fs::copy(fixtures.join("site.toml"), dir.path().join("site.toml")).unwrap();
    copy_dir(&fixtures.join("content"), &dir.path().join("content"));
    let config = nashra::config::Config::load(&dir.path().join("site.toml")).unwrap();
    nashra::build::build(&config, None).unwrap();
    let corpus = nashra::build::understand(&config).unwrap();
    let public = dir.path().join("public");
    let long: Vec<_> = corpus
        .threads
        .threads
        .iter()
        .filter(|t| t.stories.len() >= 3)
        .collect();
    assert!(!long.is_empty(), "the summit series is three summits");
    for thread in long {
        let page = public.join("threads").join(&thread.id);
        let html = std::fs::read_to_string(page.join("index.html")).unwrap();
        let doc = Html::parse_document(&html);
        assert_eq!(
            select(&doc, "section.thread ol li").len(),
            thread.stories.len()
        );
        let feed = std::fs::read(page.join("rss.xml")).unwrap();
        let feed = feed_rs::parser::parse(feed.as_slice()).expect("the feed parses");
        let articles: usize = thread
            .stories
            .iter()
            .map(|&s| corpus.stories[s].articles.len())
            .sum();
        assert_eq!(feed.entries.len(), articles.min(config.site.feed_items));
        // Each of its stories links to it.
        for &s in &thread.stories {
            let story = std::fs::read_to_string(
                public
                    .join("stories")
                    .join(&corpus.stories[s].id)
                    .join("index.html"),
            )
            .unwrap();
            assert!(story.contains(&format!("/threads/{}/", thread.id)));
        }
    }
    // Thread pages are HTML pages like the others.
    assert!(
        html_pages(&public)
            .keys()
            .any(|p| p.starts_with("threads/"))
    );
}
