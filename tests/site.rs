//! End to end: build the bundled site and read it back as a reader would.

mod common;

use std::path::Path;

use common::{TempSite, html_pages, links, read_tree, served_file, text_of};

#[test]
fn every_article_has_a_page_with_its_title() {
    let site = TempSite::bundled();
    site.build();
    let corpus = site.corpus();
    assert!(corpus.articles.len() >= 5, "all five seeds are published");
    let files: Vec<&str> = corpus.articles.iter().map(|a| a.file.as_str()).collect();
    for seed in std::fs::read_dir(site.root().join("seeds")).unwrap() {
        let name = format!("seeds/{}", seed.unwrap().file_name().to_string_lossy());
        assert!(files.contains(&name.as_str()), "{name} is not published");
    }
    for article in &corpus.articles {
        let page = site
            .public()
            .join("articles")
            .join(&article.slug)
            .join("index.html");
        let html = std::fs::read_to_string(&page)
            .unwrap_or_else(|_| panic!("{} has no page", article.label()));
        assert_eq!(
            text_of(&html, "article h1").as_deref(),
            Some(article.title.as_str())
        );
        let body = text_of(&html, "article .body").unwrap();
        assert!(body.len() > 200, "{} has an empty body", article.label());
    }
}

#[test]
fn every_page_is_arabic_right_to_left_with_a_title_and_canonical_link() {
    let site = TempSite::bundled();
    site.build();
    let pages = html_pages(&site.public());
    assert!(pages.len() > 20);
    for (path, html) in &pages {
        let doc = scraper::Html::parse_document(html);
        let root = doc.root_element();
        assert_eq!(root.value().attr("lang"), Some("ar"), "{path}");
        assert_eq!(root.value().attr("dir"), Some("rtl"), "{path}");
        assert!(
            text_of(html, "title").is_some_and(|t| !t.is_empty()),
            "{path} has no title"
        );
        assert!(html.contains("<meta charset=\"utf-8\">"), "{path}");
        assert!(html.contains("name=\"viewport\""), "{path}");
        let canonical = scraper::Selector::parse("link[rel=canonical]").unwrap();
        let href = doc
            .select(&canonical)
            .next()
            .and_then(|e| e.value().attr("href"))
            .unwrap_or("");
        if path == "404.html" {
            // A missing page names no address as its own.
            assert_eq!(href, "", "{path}: canonical `{href}`");
        } else {
            assert!(
                href.starts_with("https://example.org/"),
                "{path}: canonical `{href}`"
            );
        }
        let feed =
            scraper::Selector::parse("link[rel=alternate][type='application/rss+xml']").unwrap();
        assert!(
            doc.select(&feed).next().is_some(),
            "{path} does not link its feed"
        );
    }
}

fn assert_links_resolve(site: &TempSite, base_url: &str, base_path: &str) {
    let tree = read_tree(&site.public());
    let mut checked = 0;
    for (path, html) in html_pages(&site.public()) {
        for link in links(&html) {
            if let Some(file) = served_file(&link, base_url, base_path) {
                assert!(
                    tree.contains_key(&file),
                    "{path}: link `{link}` points to missing `{file}`"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} internal links checked");
}

#[test]
fn every_internal_link_resolves_at_the_host_root() {
    let site = TempSite::bundled();
    site.build();
    assert_links_resolve(&site, "https://example.org/", "/");
}

#[test]
fn every_internal_link_resolves_under_a_sub_path() {
    let site = TempSite::bundled();
    site.edit_config(
        "base_url = \"https://example.org/\"",
        "base_url = \"https://example.org/briefing/\"",
    );
    site.build();
    assert_links_resolve(&site, "https://example.org/briefing/", "/briefing/");
    let index = std::fs::read_to_string(site.public().join("index.html")).unwrap();
    assert!(index.contains("href=\"/briefing/static/style.css\""));
}

#[test]
fn day_pages_list_their_articles_and_link_neighbours() {
    let site = TempSite::bundled();
    site.build();
    let corpus = site.corpus();
    let dated = TempSite::dated(&corpus);
    assert!(!dated.is_empty());
    for article in dated {
        let day = article.published.unwrap().date;
        let html =
            std::fs::read_to_string(site.public().join(format!("days/{day}/index.html"))).unwrap();
        let href = format!("/articles/{}/", article.slug);
        assert!(
            links(&html).contains(&href),
            "day {day} does not list {}",
            article.label()
        );
    }
    let archive = std::fs::read_to_string(site.public().join("archive/index.html")).unwrap();
    assert!(links(&archive).iter().any(|l| l.starts_with("/days/")));
}

#[test]
fn undated_articles_are_published_and_listed() {
    let site = TempSite::bundled();
    let report = site.build();
    let corpus = site.corpus();
    let undated: Vec<_> = corpus
        .articles
        .iter()
        .filter(|a| a.published.is_none())
        .collect();
    assert_eq!(report.undated, undated.len());
    if undated.is_empty() {
        return;
    }
    let html = std::fs::read_to_string(site.public().join("undated/index.html")).unwrap();
    for a in undated {
        assert!(
            links(&html).contains(&format!("/articles/{}/", a.slug)),
            "{} not in undated list",
            a.label()
        );
        assert!(
            report.warnings.iter().any(|w| w.starts_with(&a.label())),
            "no warning for {}",
            a.label()
        );
    }
}

#[test]
fn feeds_parse_and_list_dated_articles_with_absolute_urls() {
    let site = TempSite::bundled();
    site.build();
    let corpus = site.corpus();
    let dated = TempSite::dated(&corpus);
    for feed_file in ["rss.xml", "atom.xml"] {
        let bytes = std::fs::read(site.public().join(feed_file)).unwrap();
        let feed =
            feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{feed_file}: {e}"));
        assert_eq!(feed.entries.len(), dated.len(), "{feed_file}");
        for entry in &feed.entries {
            let link = &entry.links[0].href;
            assert!(
                link.starts_with("https://example.org/articles/"),
                "{feed_file}: {link}"
            );
            assert!(
                entry.published.is_some() || entry.updated.is_some(),
                "{feed_file}: entry without date"
            );
        }
        for a in &dated {
            let date = a.published.unwrap().date;
            let entry = feed
                .entries
                .iter()
                .find(|e| e.title.as_ref().is_some_and(|t| t.content == a.title))
                .unwrap_or_else(|| panic!("{feed_file} lacks {}", a.label()));
            let when = entry.published.or(entry.updated).unwrap();
            let tz = site.config().timezone;
            assert_eq!(
                when.with_timezone(&tz).date_naive(),
                date,
                "{feed_file}: date of {}",
                a.label()
            );
        }
    }
    let briefings = std::fs::read(site.public().join("briefings.xml")).unwrap();
    let feed = feed_rs::parser::parse(&briefings[..]).unwrap();
    let days: std::collections::BTreeSet<_> =
        dated.iter().map(|a| a.published.unwrap().date).collect();
    assert_eq!(feed.entries.len(), days.len());
}

#[test]
fn sitemap_and_robots_point_at_the_site() {
    let site = TempSite::bundled();
    site.build();
    let sitemap = std::fs::read_to_string(site.public().join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.org/</loc>"));
    assert!(sitemap.contains("<loc>https://example.org/archive/</loc>"));
    let robots = std::fs::read_to_string(site.public().join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/sitemap.xml"));
    assert!(site.public().join("404.html").exists());
    let css = std::fs::read_to_string(site.public().join("static/style.css")).unwrap();
    assert!(css.contains("margin-inline"));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = TempSite::bundled();
    site.build();
    let first = read_tree(&site.public());
    site.build();
    let second = read_tree(&site.public());
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "{path} differs between builds");
    }
}

#[test]
fn topic_and_entity_pages_list_articles() {
    let site = TempSite::bundled();
    site.build();
    let corpus = site.corpus();
    let topics = std::fs::read_to_string(site.public().join("topics/index.html")).unwrap();
    let entities = std::fs::read_to_string(site.public().join("entities/index.html")).unwrap();
    for a in &corpus.articles {
        for t in &a.topics {
            assert!(links(&topics).contains(&format!("/topics/{t}/")));
        }
        for m in &a.entities {
            assert!(links(&entities).contains(&format!("/entities/{}/", m.slug)));
            let page = std::fs::read_to_string(
                site.public()
                    .join(format!("entities/{}/index.html", m.slug)),
            )
            .unwrap();
            // Listings paginate; the article is on one of the pages.
            let mut found = links(&page).contains(&format!("/articles/{}/", a.slug));
            let mut n = 2;
            while !found {
                let Ok(next) = std::fs::read_to_string(
                    site.public()
                        .join(format!("entities/{}/page/{n}/index.html", m.slug)),
                ) else {
                    break;
                };
                found = links(&next).contains(&format!("/articles/{}/", a.slug));
                n += 1;
            }
            assert!(found, "entity {} does not list {}", m.slug, a.label());
        }
    }
}

#[test]
fn markdown_articles_and_pages_are_published_and_sanitised() {
    let site = TempSite::bundled();
    site.write(
        "content/2025/summit.md",
        "+++\ntitle = \"قمة طارئة في الرياض\"\ndate = 2025-09-02T10:00:00+03:00\nsource = \"الشرق الأوسط\"\ntopics = [\"قمم عربية\"]\nentities = [\"فلاديمير بوتين\", \"جامعة الدول العربية\"]\n+++\n\nعقد القادة العرب قمة طارئة في الرياض يوم الثلاثاء لبحث التطورات.\n\n<script>alert('x')</script>\n\nوقال المتحدث إن القمة ناجحة.\n",
    );
    site.write(
        "content/draft.md",
        "+++\ntitle = \"مسودة\"\ndraft = true\n+++\nنص\n",
    );
    let report = site.build();
    assert_eq!(report.drafts, 1);
    let html = std::fs::read_to_string(
        site.public()
            .join("articles/qma-tarya-fy-alryad/index.html"),
    )
    .unwrap();
    assert!(
        !html.contains("<script>alert"),
        "raw HTML must be sanitised"
    );
    assert_eq!(
        text_of(&html, "article h1").as_deref(),
        Some("قمة طارئة في الرياض")
    );
    assert!(html.contains("2 سبتمبر 2025"));
    // A topic and an entity named only in front matter get pages of their own.
    let topics = std::fs::read_to_string(site.public().join("topics/index.html")).unwrap();
    assert!(topics.contains("قمم عربية"));
    let entity_links = links(&html);
    assert!(entity_links.contains(&"/entities/vladimir-putin/".to_string()));
    let about = std::fs::read_to_string(site.public().join("about/index.html")).unwrap();
    assert_eq!(text_of(&about, "h1").as_deref(), Some("عن نشرة"));
    assert!(
        !site.public().join("articles/mswda").exists(),
        "drafts are not published"
    );
}

#[test]
fn an_article_page_names_the_writer_of_its_byline() {
    let site = TempSite::bundled();
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/understanding/seeds/cairo_rates_byline.txt"),
    )
    .unwrap();
    site.write("seeds/cairo_rates_byline.txt", &page);
    site.build();
    let corpus = site.corpus();
    let article = corpus
        .articles
        .iter()
        .find(|a| a.file.ends_with("cairo_rates_byline.txt"))
        .unwrap();
    let html = std::fs::read_to_string(
        site.public()
            .join(format!("articles/{}/index.html", article.slug)),
    )
    .unwrap();
    assert_eq!(
        text_of(&html, "article .meta .author").as_deref(),
        Some("أحمد سمير")
    );
    let body = text_of(&html, "article .body").unwrap();
    assert!(!body.contains("أحمد سمير"), "{body}");
}

#[test]
fn listings_show_cards_from_the_sites_own_card_templates() {
    let site = TempSite::bundled();
    site.write(
        "templates/article_card.html",
        "<article class=\"my-card\"><a href=\"{{ card.url }}\">{{ card.title }}</a>{% if note %}<q>{{ note }}</q>{% endif %}</article>\n",
    );
    site.write(
        "templates/story_card.html",
        "<article class=\"my-story\"><a href=\"{{ story.url }}\">{{ story.headline }}</a></article>\n",
    );
    site.build();
    let corpus = site.corpus();
    let topic = &corpus.articles[0].topics[0];
    let listing =
        std::fs::read_to_string(site.public().join(format!("topics/{topic}/index.html"))).unwrap();
    assert!(listing.contains("class=\"my-card\""), "{listing}");
    assert!(!listing.contains("article-card"));
    let day = TempSite::dated(&corpus)[0].published.unwrap().date;
    let briefing =
        std::fs::read_to_string(site.public().join(format!("days/{day}/index.html"))).unwrap();
    assert!(briefing.contains("class=\"my-story\""), "{briefing}");
    assert!(!briefing.contains("story-card"));
}

#[test]
fn cards_escape_article_text_on_every_page_that_shows_them() {
    let site = TempSite::bundled();
    site.write(
        "content/2025/markup.md",
        "+++\ntitle = \"قمة <b>عاجلة</b> في الرياض\"\ndate = 2025-09-02\nsource = \"<i>وكالة</i>\"\ntopics = [\"سياسة\"]\nentities = [\"فلاديمير بوتين\"]\nsummary = \"ملخص <script>alert(1)</script>\"\n+++\n\nعقد القادة العرب قمة طارئة في الرياض.\n",
    );
    site.build();
    let pages = [
        "topics/politics/index.html",
        "entities/vladimir-putin/index.html",
        "days/2025-09-02/index.html",
    ];
    for page in pages {
        let html = std::fs::read_to_string(site.public().join(page)).unwrap();
        assert!(
            html.contains("قمة &lt;b&gt;عاجلة&lt;/b&gt;"),
            "{page}: the title is not shown escaped"
        );
        assert!(
            !html.contains("<b>عاجلة"),
            "{page}: raw markup from a title"
        );
        assert!(
            !html.contains("<script>alert"),
            "{page}: raw markup from a summary"
        );
        assert!(
            !html.contains("<i>وكالة"),
            "{page}: raw markup from a source"
        );
    }
}

/// The article URLs a listing's cards link to, over all its pages.
fn listed_articles(site: &TempSite, listing: &str) -> Vec<String> {
    let mut listed = Vec::new();
    let mut page = format!("{listing}/index.html");
    let mut n = 2;
    while let Ok(html) = std::fs::read_to_string(site.public().join(&page)) {
        let doc = scraper::Html::parse_document(&html);
        let cards = scraper::Selector::parse(".article-card h3 a").unwrap();
        listed.extend(
            doc.select(&cards)
                .filter_map(|a| a.value().attr("href"))
                .map(str::to_string),
        );
        page = format!("{listing}/page/{n}/index.html");
        n += 1;
    }
    listed
}

#[test]
fn an_article_filed_under_two_sections_is_listed_once() {
    let site = TempSite::bundled();
    let seed = "seeds/004_76f48df9906ecace.txt";
    let text = std::fs::read_to_string(site.root().join(seed)).unwrap();
    site.write("seeds/004_world_section.txt", &text);
    site.build();
    let corpus = site.corpus();
    let copies: Vec<_> = corpus
        .articles
        .iter()
        .filter(|a| a.file.starts_with("seeds/004_"))
        .collect();
    assert_eq!(copies.len(), 2, "each copy keeps its own page");
    let urls: Vec<String> = copies
        .iter()
        .map(|a| format!("/articles/{}/", a.slug))
        .collect();
    let shown = |listing: &str| {
        listed_articles(&site, listing)
            .into_iter()
            .filter(|u| urls.contains(u))
            .count()
    };
    assert!(!copies[0].entities.is_empty() && !copies[0].topics.is_empty());
    for m in &copies[0].entities {
        assert_eq!(shown(&format!("entities/{}", m.slug)), 1, "{}", m.slug);
    }
    for t in &copies[0].topics {
        assert_eq!(shown(&format!("topics/{t}")), 1, "{t}");
    }
}

/// A story card names each outlet once, and all reports of unknown outlets
/// once: four reports of a flood, two by one agency and two unsigned, read
/// «رويترز، مصدر غير معروف», not the agency and «unknown» twice each.
#[test]
fn a_story_card_names_each_outlet_once() {
    let site = TempSite::bundled();
    let reports = [
        (
            "flood-1",
            Some("رويترز"),
            "غمرت السيول أحياء واسعة من مدينة سيلان الساحلية فجر الخميس بعد أمطار غزيرة استمرت يومين، وقال الدفاع المدني إن فرق الإنقاذ أجلت مئات العائلات من منازلها.",
        ),
        (
            "flood-2",
            Some("رويترز"),
            "ارتفع عدد ضحايا السيول في مدينة سيلان الساحلية إلى سبعة قتلى الخميس، وقال الدفاع المدني إن الأمطار الغزيرة التي استمرت يومين أغرقت أحياء واسعة وإن فرق الإنقاذ أجلت مئات العائلات.",
        ),
        (
            "flood-3",
            None,
            "أجلت فرق الإنقاذ مئات العائلات من أحياء غمرتها السيول في مدينة سيلان الساحلية الخميس، بعد يومين من الأمطار الغزيرة، وفق ما أعلن الدفاع المدني.",
        ),
        (
            "flood-4",
            None,
            "قال الدفاع المدني إن السيول التي ضربت مدينة سيلان الساحلية الخميس بعد أمطار غزيرة استمرت يومين أغرقت أحياء واسعة، وإن فرق الإنقاذ تواصل إجلاء العائلات.",
        ),
    ];
    for (slug, source, body) in reports {
        let source = source
            .map(|s| format!("source = \"{s}\"\n"))
            .unwrap_or_default();
        site.write(
            &format!("content/{slug}.md"),
            &format!("+++\ntitle = \"سيول تغمر أحياء في مدينة سيلان الساحلية\"\ndate = 2025-08-14\n{source}+++\n\n{body}\n"),
        );
    }
    site.build();
    let corpus = site.corpus();
    let story = corpus
        .articles
        .iter()
        .find(|a| a.file.ends_with("flood-1.md"))
        .and_then(|a| a.story)
        .expect("grouped");
    let flood: Vec<_> = corpus
        .articles
        .iter()
        .filter(|a| a.file.contains("flood-"))
        .collect();
    assert!(flood.iter().all(|a| a.story == Some(story)), "one story");
    let page = std::fs::read_to_string(site.public().join("days/2025-08-14/index.html"))
        .expect("the day's briefing");
    let doc = scraper::Html::parse_document(&page);
    let card = scraper::Selector::parse("article").unwrap();
    let sources = scraper::Selector::parse(".sources a").unwrap();
    let named: Vec<Vec<String>> = doc
        .select(&card)
        .filter(|c| c.text().any(|t| t.contains("سيلان")))
        .map(|c| c.select(&sources).map(|a| a.text().collect()).collect())
        .collect();
    assert_eq!(
        named,
        vec![vec!["رويترز".to_string(), "مصدر غير معروف".to_string()]]
    );
}
