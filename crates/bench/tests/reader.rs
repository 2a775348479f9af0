//! Reads a synthetic archive's pages as an Arabic reader would: every
//! phrase nashra writes around a number must agree with it and with its
//! place in the sentence, whatever the counts the archive happens to have.

use std::path::Path;

use nashra_bench::corpus::{Corpus, write_site};

/// Builds a few hundred generated articles (with the bundled templates) and
/// returns every HTML page's text, by path.
fn built_pages() -> (tempfile::TempDir, Vec<(String, String)>) {
    let dir = tempfile::tempdir().unwrap();
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates");
    write_site(dir.path(), &Corpus::new(300, 7), Some(&templates)).unwrap();
    let config = nashra::config::Config::load(&dir.path().join("site.toml")).unwrap();
    nashra::build::build(&config, None).unwrap();
    let out = config.resolve(&config.site.output_dir);
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(&out).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let rel = entry
                .path()
                .strip_prefix(&out)
                .unwrap()
                .display()
                .to_string();
            pages.push((rel, std::fs::read_to_string(entry.path()).unwrap()));
        }
    }
    (dir, pages)
}

#[test]
fn counted_nouns_agree_with_their_place_in_every_phrase() {
    let (_dir, pages) = built_pages();
    assert!(pages.len() > 300);
    // The nominative dual after a preposition, and a verb before a count
    // (it would have to agree with the gender of what it counts).
    let wrong = [
        "في مقالان",
        "في قصتان",
        "في مصدران",
        "في إشارتان",
        "من مقالان",
        "ذُكر",
        "ذكر مرتان",
        "يُذكر معه",
    ];
    let mut seen_dual_after_preposition = false;
    for (path, html) in &pages {
        for phrase in wrong {
            assert!(!html.contains(phrase), "{path} reads «{phrase}»");
        }
        seen_dual_after_preposition |= html.contains("في مقالين") || html.contains("في قصتين");
    }
    assert!(
        seen_dual_after_preposition,
        "an archive this size has a day or an entity with two of something"
    );
}

#[test]
fn week_pages_read_as_prose_with_their_iso_range_and_have_an_index() {
    let (_dir, pages) = built_pages();
    let weeks: Vec<&(String, String)> = pages
        .iter()
        .filter(|(p, _)| p.starts_with("weeks/") && p != "weeks/index.html")
        .collect();
    assert!(!weeks.is_empty());
    for (path, html) in &weeks {
        // weeks/2025-w08/index.html: the eighth week of 2025, 17–23 February.
        let key = path.split('/').nth(1).unwrap();
        let (year, week) = key.split_once("-w").unwrap();
        let (year, week): (i32, u32) = (year.parse().unwrap(), week.parse().unwrap());
        let ordinal = arabic::numbers::ordinal(week as usize).unwrap();
        let heading = format!("الأسبوع {ordinal} من عام {year}");
        assert!(html.contains(&heading), "{path} lacks «{heading}»");
        let monday = chrono::NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon).unwrap();
        let sunday = monday + chrono::Duration::days(6);
        let style = arabic::dates::DateStyle::default();
        let end = arabic::dates::format_date(sunday, &style);
        assert!(html.contains(&end), "{path} does not end on {end}");
        let start = chrono::Datelike::day(&monday).to_string();
        assert!(html.contains(&start), "{path} does not start on {monday}");
    }
    let index = pages
        .iter()
        .find(|(p, _)| p == "weeks/index.html")
        .expect("/weeks/ has an index page");
    for (path, _) in &weeks {
        let dir = path.trim_end_matches("index.html");
        assert!(
            index.1.contains(&format!("/{dir}\"")),
            "/weeks/ does not link {dir}"
        );
    }
}
