//! Search: the records nashra hands to the index (what a reader's query can
//! meet in each page) and the files a build writes for it.

mod common;

use std::collections::BTreeSet;

use common::{TempSite, html_pages, read_tree, text_of};
use nashra::search::{Record, UNDATED_SORT, index_terms, records};
use nashra::site::Site;

fn terms(record: &Record) -> BTreeSet<&str> {
    record.terms.words().collect()
}

/// The records of the bundled site, with the corpus they came from.
fn bundled_records(check: impl FnOnce(&nashra::corpus::Corpus, &Site, &[Record])) {
    let site = TempSite::bundled();
    let config = site.config();
    let corpus = nashra::build::understand(&config).unwrap();
    let laid_out = Site::new(&corpus, &config);
    let records = records(&laid_out);
    check(&corpus, &laid_out, &records);
}

#[test]
fn an_entity_named_in_an_article_is_found_by_each_of_its_spellings() {
    bundled_records(|corpus, site, records| {
        for (slug, spellings) in [
            ("donald-trump", &["ترمب", "ترامب"][..]),
            ("kim-jong-un", &["كيم", "جونغ", "جونج", "اون"][..]),
        ] {
            let naming: Vec<&Record> = corpus
                .articles
                .iter()
                .zip(records)
                .filter(|(a, _)| a.entities.iter().any(|m| m.slug == slug))
                .map(|(_, r)| r)
                .collect();
            assert!(!naming.is_empty(), "the bundled seeds name {slug}");
            for r in naming {
                for spelling in spellings {
                    assert!(terms(r).contains(spelling), "{} lacks {spelling}", r.url);
                }
            }
            let page = records
                .iter()
                .find(|r| r.url == format!("{}entities/{slug}/", site.base))
                .expect("the entity's page is a record");
            for spelling in spellings {
                assert!(
                    terms(page).contains(spelling),
                    "{slug}'s page lacks {spelling}"
                );
            }
        }
    });
}

#[test]
fn a_hyphenated_name_reads_as_its_words() {
    assert_eq!(index_terms(["كيم جونغ-أون"]), index_terms(["كيم جونغ أون"]));
}

#[test]
fn clitic_forms_in_an_article_are_indexed_under_the_bare_word() {
    bundled_records(|corpus, _, records| {
        let mut checked = 0;
        for (a, r) in corpus.articles.iter().zip(records) {
            let text = a.plain_text();
            for (written, bare) in [
                ("لبوتين", "بوتين"),
                ("وبوتين", "بوتين"),
                ("بالعاصمة", "عاصمه"),
            ] {
                if text.contains(written) {
                    assert!(
                        terms(r).contains(bare),
                        "{}: {written} without {bare}",
                        r.url
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked >= 2, "the bundled seeds write لبوتين and وبوتين");
    });
}

#[test]
fn each_article_record_carries_its_filters_date_and_weighted_title() {
    bundled_records(|corpus, site, records| {
        let topic_names: BTreeSet<&str> = site.topics.iter().map(|t| t.name.as_str()).collect();
        let outlets: BTreeSet<&str> = site.sources.iter().map(|t| t.name.as_str()).collect();
        for ((a, card), r) in corpus.articles.iter().zip(&site.cards).zip(records) {
            assert_eq!(r.url, card.url);
            assert_eq!(r.meta["title"], a.title);
            assert_eq!(r.meta["kind"], "مقال");
            match a.published {
                Some(p) => {
                    let year = p.date.format("%Y").to_string();
                    assert_eq!(r.filters["year"], vec![year]);
                    assert_eq!(r.sort["date"], p.date.format("%Y-%m-%d").to_string());
                    assert_eq!(
                        r.meta["date"], card.date,
                        "dates read as the site prints them"
                    );
                }
                None => {
                    assert!(!r.filters.contains_key("year"));
                    assert_eq!(r.sort["date"], UNDATED_SORT, "undated pages sort last");
                }
            }
            match &a.source {
                Some(source) => {
                    assert_eq!(r.filters["outlet"], vec![source.clone()]);
                    assert!(
                        outlets.contains(source.as_str()),
                        "{source} has no filter option"
                    );
                }
                None => assert!(!r.filters.contains_key("outlet")),
            }
            let topics = r.filters.get("topic").cloned().unwrap_or_default();
            assert_eq!(topics.len(), a.topics.len(), "{}", r.url);
            for name in &topics {
                assert!(topic_names.contains(name.as_str()), "{name}");
            }
            // Title words are weighed apart, so a title match ranks first.
            assert_eq!(
                r.terms.heading,
                index_terms([a.title.as_str()]),
                "{}",
                r.url
            );
        }
        assert!(records.iter().any(|r| r.filters.contains_key("topic")));
        let stories = &records[corpus.articles.len()..][..corpus.stories.len()];
        for (s, r) in corpus.stories.iter().zip(stories) {
            assert!(r.url.ends_with(&format!("stories/{}/", s.id)));
            assert_eq!(r.meta["kind"], "قصة");
        }
        let entities = &records[corpus.articles.len() + corpus.stories.len()..];
        assert_eq!(
            entities.len(),
            site.entities.len(),
            "one record per entity page"
        );
        assert!(entities.iter().all(|r| r.meta["kind"] == "علم"));
    });
}

fn search_files(tree: &std::collections::BTreeMap<String, Vec<u8>>) -> Vec<(&String, &Vec<u8>)> {
    tree.iter()
        .filter(|(p, _)| p.starts_with("search/"))
        .collect()
}

#[test]
fn a_build_under_a_sub_path_writes_the_search_page_index_and_header_box() {
    let site = TempSite::bundled();
    site.edit_config(
        "base_url = \"https://example.org/\"",
        "base_url = \"https://example.org/briefing/\"",
    );
    site.build();
    let public = site.public();
    for file in [
        "search/index/meta.json",
        "search/index/t0.bin",
        "search/index/r0.json",
        "search/search.js",
    ] {
        assert!(public.join(file).is_file(), "{file} is missing");
    }

    let page = std::fs::read_to_string(public.join("search/index.html")).unwrap();
    let doc = scraper::Html::parse_document(&page);
    let one = |css: &str| {
        doc.select(&scraper::Selector::parse(css).unwrap())
            .next()
            .unwrap_or_else(|| panic!("the search page has no {css}"))
            .value()
            .clone()
    };
    assert_eq!(
        one("#search").attr("data-bundle"),
        Some("/briefing/search/index/")
    );
    assert_eq!(
        one("script[src]").attr("src"),
        Some("/briefing/search/search.js")
    );
    assert_eq!(one("#search-query").attr("dir"), Some("rtl"));
    assert_eq!(text_of(&page, "h1").as_deref(), Some("البحث"));
    let options = |name: &str| -> Vec<String> {
        let css = format!("select[name={name}] option");
        doc.select(&scraper::Selector::parse(&css).unwrap())
            .filter_map(|o| o.value().attr("value").map(str::to_string))
            .filter(|v| !v.is_empty())
            .collect()
    };
    let corpus = site.corpus();
    let config = site.config();
    let laid_out = Site::new(&corpus, &config);
    assert!(!options("topic").is_empty());
    for topic in options("topic") {
        assert!(laid_out.topics.iter().any(|t| t.name == topic), "{topic}");
    }
    let outlets: BTreeSet<&str> = corpus
        .articles
        .iter()
        .filter_map(|a| a.source.as_deref())
        .collect();
    assert_eq!(
        options("outlet")
            .iter()
            .map(String::as_str)
            .collect::<BTreeSet<_>>(),
        outlets
    );
    assert!(
        options("year")
            .iter()
            .all(|y| y.len() == 4 && y.parse::<u32>().is_ok())
    );

    for (path, html) in html_pages(&public) {
        let doc = scraper::Html::parse_document(&html);
        let form = scraper::Selector::parse("header form[role=search]").unwrap();
        let form = doc
            .select(&form)
            .next()
            .unwrap_or_else(|| panic!("{path} has no search box in its header"));
        assert_eq!(
            form.value().attr("action"),
            Some("/briefing/search/"),
            "{path}"
        );
        let input = scraper::Selector::parse("input[name=q]").unwrap();
        assert!(form.select(&input).next().is_some(), "{path}");
    }
}

#[test]
fn the_index_is_byte_identical_across_builds_and_kept_by_an_unchanged_rebuild() {
    let one = TempSite::bundled();
    let two = TempSite::bundled();
    one.build();
    two.build();
    let first = read_tree(&one.public());
    let second = read_tree(&two.public());
    assert!(search_files(&first).len() > 5);
    assert_eq!(search_files(&first), search_files(&second));
    let again = one.build();
    assert!(again.incremental);
    assert_eq!(again.rewritten, 0, "an unchanged site rewrites no file");
    assert_eq!(read_tree(&one.public()), first);
}

#[test]
fn search_turned_off_leaves_out_the_page_the_index_and_the_box() {
    let site = TempSite::bundled();
    site.build();
    assert!(site.public().join("search/index/meta.json").is_file());
    let text = std::fs::read_to_string(site.config_path()).unwrap();
    std::fs::write(
        site.config_path(),
        format!("{text}\n[search]\nenabled = false\n"),
    )
    .unwrap();
    // The incremental build takes out what the last one wrote for search.
    site.build();
    let tree = read_tree(&site.public());
    assert!(search_files(&tree).is_empty(), "{:?}", search_files(&tree));
    for (path, html) in html_pages(&site.public()) {
        assert!(
            !html.contains("role=\"search\""),
            "{path} still has a search box"
        );
    }
}

/// The built index, read back as the search page's script reads it.
struct BuiltIndex {
    dir: std::path::PathBuf,
    meta: serde_json::Value,
}

impl BuiltIndex {
    fn open(public: &std::path::Path) -> BuiltIndex {
        let dir = public.join("search/index");
        let meta = std::fs::read(dir.join("meta.json")).unwrap();
        BuiltIndex {
            dir,
            meta: serde_json::from_slice(&meta).unwrap(),
        }
    }

    /// The ids of the records holding `term`, with the class of each.
    fn postings(&self, term: &str) -> Vec<(u32, u8)> {
        let chunks = self.meta["chunks"].as_array().unwrap();
        let utf16 = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
        let n = chunks
            .iter()
            .rposition(|first| utf16(first.as_str().unwrap()) <= utf16(term))
            .expect("a chunk starts at or before every term");
        let bytes = std::fs::read(self.dir.join(format!("t{n}.bin"))).unwrap();
        nashra::search::index::read_chunk(&bytes)
            .expect("a chunk reads back")
            .into_iter()
            .find(|e| e.term == term)
            .map(|e| e.postings)
            .unwrap_or_default()
    }

    /// What result `id` shows.
    fn result(&self, id: u32) -> serde_json::Value {
        let per = self.meta["results_per_file"].as_u64().unwrap() as u32;
        let file = std::fs::read(self.dir.join(format!("r{}.json", id / per))).unwrap();
        let list: serde_json::Value = serde_json::from_slice(&file).unwrap();
        list[(id % per) as usize].clone()
    }

    fn filter(&self, facet: &str, value: &str) -> Vec<u32> {
        let n = self.meta["filters"][facet][value].as_u64().unwrap();
        let bytes = std::fs::read(self.dir.join(format!("f{n}.bin"))).unwrap();
        nashra::search::index::read_ids(&bytes).unwrap()
    }
}

#[test]
fn the_built_index_leads_each_term_to_the_pages_holding_it_newest_first() {
    let site = TempSite::bundled();
    site.build();
    let index = BuiltIndex::open(&site.public());
    let corpus = site.corpus();
    let config = site.config();
    let laid_out = Site::new(&corpus, &config);
    let records = records(&laid_out);
    assert_eq!(index.meta["records"].as_u64(), Some(records.len() as u64));

    for term in ["بوتين", "ترامب", "ترمب", "عاصمه", "بيونغ"] {
        let holding: BTreeSet<&str> = records
            .iter()
            .filter(|r| terms(r).contains(term))
            .map(|r| r.url.as_str())
            .collect();
        assert!(!holding.is_empty(), "the bundled site holds {term}");
        let postings = index.postings(term);
        let found: BTreeSet<String> = postings
            .iter()
            .map(|&(id, _)| index.result(id)["url"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            found,
            holding.iter().map(|u| u.to_string()).collect(),
            "{term}"
        );
    }

    // A record titled with a word holds it in the heading class.
    let titled = records
        .iter()
        .find(|r| r.terms.heading.iter().any(|t| t == "بوتين"))
        .expect("a bundled title names بوتين");
    let id = index
        .postings("بوتين")
        .into_iter()
        .find(|&(id, _)| index.result(id)["url"] == titled.url.as_str())
        .unwrap();
    assert_eq!(id.1, nashra::search::index::CLASS_HEADING);

    // Ids run newest first, undated pages last: the order "newest first".
    let dates: Vec<&str> = (0..records.len() as u32)
        .map(|id| {
            let url = index.result(id)["url"].as_str().unwrap().to_string();
            records.iter().find(|r| r.url == url).unwrap().sort["date"].as_str()
        })
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert_eq!(index.result(0)["kind"], "مقال");

    // Each outlet's filter lists exactly the records of that outlet.
    for outlet in laid_out.sources.iter().map(|s| s.name.as_str()) {
        let ids = index.filter("outlet", outlet);
        let mut urls: Vec<String> = ids
            .iter()
            .map(|&id| index.result(id)["url"].as_str().unwrap().to_string())
            .collect();
        urls.sort();
        let mut expected: Vec<String> = records
            .iter()
            .filter(|r| {
                r.filters
                    .get("outlet")
                    .is_some_and(|o| o.iter().any(|v| v == outlet))
            })
            .map(|r| r.url.clone())
            .collect();
        expected.sort();
        assert_eq!(urls, expected, "{outlet}");
    }
}
