//! Entity discovery measured on labelled multi-outlet fixtures
//! (tests/fixtures/entities/discovery.toml): the articles are built with
//! the bundled site, and every entity a reader names must be found with
//! its kind, listed or discovered, while names inside longer ones and in
//! datelines must not. Also reports figures on the real news of
//! `../shared/real-news-dev/` when it is there.

mod common;

use std::collections::BTreeSet;

use common::TempSite;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    article: Vec<Labelled>,
}

#[derive(Deserialize)]
struct Labelled {
    file: String,
    text: String,
    expected: Vec<Expected>,
    absent: Vec<String>,
}

#[derive(Deserialize)]
struct Expected {
    name: String,
    kind: String,
}

fn key(name: &str) -> String {
    arabic::phrase_key(name)
}

#[test]
fn discovery_finds_unlisted_names_with_their_kinds() {
    let text = std::fs::read_to_string("tests/fixtures/entities/discovery.toml").unwrap();
    let fixture: Fixture = toml::from_str(&text).expect("discovery.toml parses");
    let site = TempSite::bundled();
    for a in &fixture.article {
        site.write(&a.file, a.text.trim_start());
    }
    let corpus = site.corpus();
    let (mut right, mut wrong, mut missed) = (0usize, 0usize, 0usize);
    let mut errors = Vec::new();
    for labelled in &fixture.article {
        let article = corpus
            .articles
            .iter()
            .find(|a| a.file == labelled.file)
            .unwrap_or_else(|| panic!("{} was not read", labelled.file));
        let found: BTreeSet<(String, String)> = article
            .entities
            .iter()
            .filter_map(|m| corpus.entities.get(&m.slug))
            .map(|e| {
                let kind = serde_json::to_value(e.kind).unwrap();
                (key(&e.name), kind.as_str().unwrap_or_default().to_string())
            })
            .collect();
        let expected: BTreeSet<(String, String)> = labelled
            .expected
            .iter()
            .map(|e| (key(&e.name), e.kind.clone()))
            .collect();
        for f in found.difference(&expected) {
            wrong += 1;
            errors.push(format!("{}: unexpected {f:?}", labelled.file));
        }
        for e in expected.difference(&found) {
            missed += 1;
            errors.push(format!("{}: missed {e:?}", labelled.file));
        }
        right += found.intersection(&expected).count();
        for name in &labelled.absent {
            assert!(
                found.iter().all(|(k, _)| *k != key(name)),
                "{}: `{name}` found inside a longer name or a dateline",
                labelled.file
            );
        }
    }
    let precision = right as f64 / (right + wrong).max(1) as f64;
    let recall = right as f64 / (right + missed).max(1) as f64;
    println!("discovery fixtures: precision {precision:.3} recall {recall:.3}\n{errors:#?}");
    assert!(precision >= 0.9, "precision {precision:.3}: {errors:#?}");
    assert!(recall >= 0.85, "recall {recall:.3}: {errors:#?}");

    // A discovered person has a page of its own, like a listed one.
    let minister = corpus
        .entities
        .entities
        .iter()
        .find(|e| key(&e.name) == key("زوهراب مناتساكانيان"))
        .expect("the minister is discovered");
    assert!(minister.discovered.as_ref().unwrap().confidence > 0.5);
    // `entities suggest` offers it to the editor, with the title that
    // introduced it.
    let suggested = nashra::entities::suggest::discovered(&corpus.articles, &corpus.entities);
    let offered = suggested
        .iter()
        .find(|s| s.slug == minister.slug)
        .expect("the minister is suggested");
    assert!(
        offered.cues.iter().any(|c| c.contains("وزير الخارجية")),
        "{offered:?}"
    );
    assert!(
        offered.occurrences >= 4 && offered.articles == 2,
        "{offered:?}"
    );
    site.build();
    let page = site
        .public()
        .join(format!("entities/{}/index.html", minister.slug));
    assert!(page.exists(), "{} has no page", minister.slug);
}
