//! Story grouping measured on real news, when the development corpus of
//! real articles is present (`../shared/real-news-dev/`, kept out of the
//! repository): its articles are written into a temporary site as they
//! are, and the grouping is scored against the same-event labels of a
//! sample in `tests/fixtures/stories/real-news-labels.txt` (all articles of
//! the fifteen largest stories nashra made, and the stories of sixty
//! random articles with their same-event candidates within three days).
//! Without the corpus the test says it skipped and passes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use nashra::build::understand;
use nashra::config::Config;

fn corpus_dir() -> Option<PathBuf> {
    ["../shared/real-news-dev", "../../shared/real-news-dev"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.join("index.tsv").is_file())
}

/// Writes the corpus as Markdown articles (title, date, outlet) into `site`.
fn write_site(corpus: &Path, site: &Path) {
    let content = site.join("content");
    std::fs::create_dir_all(&content).expect("temp dir");
    let index = std::fs::read_to_string(corpus.join("index.tsv")).expect("index.tsv");
    for line in index.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (file, date, outlet) = (fields[0], fields[2], fields[3]);
        let text = std::fs::read_to_string(corpus.join(file)).expect("article");
        let (title, body) = text.split_once("\n\n").unwrap_or((&text, ""));
        let paragraphs: Vec<&str> = body
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let page = format!(
            "+++\ntitle = {}\ndate = {date}\nsource = {}\n+++\n{}\n",
            toml::Value::String(title.trim().to_string()),
            toml::Value::String(outlet.to_string()),
            paragraphs.join("\n\n")
        );
        let stem = file.trim_end_matches(".txt");
        std::fs::write(content.join(format!("{stem}.md")), page).expect("write");
    }
    std::fs::write(
        site.join("site.toml"),
        "title = \"نشرة\"\nbase_url = \"https://example.org/\"\ntimezone = \"Asia/Riyadh\"\ncontent_dir = \"content\"\nseeds_dir = \"no-seeds\"\n",
    )
    .expect("site.toml");
}

#[test]
fn real_news_sample_is_grouped_by_event() {
    let Some(corpus) = corpus_dir() else {
        println!("skipped: the real-news development corpus (../shared/real-news-dev) is absent");
        return;
    };
    let site = tempfile::tempdir().expect("temp dir");
    write_site(&corpus, site.path());
    let built =
        understand(&Config::load(&site.path().join("site.toml")).expect("config")).expect("builds");
    let mut story: BTreeMap<String, usize> = BTreeMap::new();
    for a in &built.articles {
        let stem = Path::new(&a.file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        story.entry(stem).or_insert(a.story.expect("grouped"));
    }
    let labels =
        std::fs::read_to_string("tests/fixtures/stories/real-news-labels.txt").expect("labels");
    let mut labelled: Vec<(&str, usize)> = Vec::new();
    for line in labels.lines().filter(|l| !l.starts_with('#')) {
        let mut words = line.split_whitespace();
        let Some(event) = words.next() else { continue };
        for file in words {
            labelled.push((event, story[file]));
        }
    }
    let (mut together, mut same, mut right) = (0usize, 0usize, 0usize);
    for (k, a) in labelled.iter().enumerate() {
        for b in &labelled[k + 1..] {
            together += usize::from(a.1 == b.1);
            same += usize::from(a.0 == b.0);
            right += usize::from(a.1 == b.1 && a.0 == b.0);
        }
    }
    print_mixed_stories(&labelled, &built.articles);
    print_split_events(&labelled, &built.articles);
    let precision = right as f64 / together.max(1) as f64;
    let recall = right as f64 / same.max(1) as f64;
    println!(
        "real news, {} labelled articles: pairwise precision {precision:.3}, recall {recall:.3}",
        labelled.len()
    );
    // The labels are strict (each day's happening its own event), so these
    // floors sit below the figures reached, to catch a regression.
    assert!(precision >= 0.6, "precision {precision:.3}");
    assert!(recall >= 0.75, "recall {recall:.3}");
}

/// Prints each story that mixes labelled events (with its titles), the
/// largest first, so a tuning run shows what merged.
fn print_mixed_stories(labelled: &[(&str, usize)], articles: &[nashra::article::Article]) {
    let mut events: BTreeMap<usize, BTreeMap<&str, usize>> = BTreeMap::new();
    for (event, story) in labelled {
        *events.entry(*story).or_default().entry(event).or_insert(0) += 1;
    }
    let mut mixed: Vec<(usize, &BTreeMap<&str, usize>)> = events
        .iter()
        .filter(|(_, e)| e.len() > 1)
        .map(|(s, e)| (*s, e))
        .collect();
    mixed.sort_by_key(|(_, e)| std::cmp::Reverse(e.values().sum::<usize>()));
    for (story, events) in mixed {
        println!("story {story}: {events:?}");
        if std::env::var_os("NASHRA_EVAL_TITLES").is_some() {
            print_titles(story, articles);
        }
    }
}

/// Prints each labelled event that nashra told in more than one story,
/// with how many of its articles each story holds.
fn print_split_events(labelled: &[(&str, usize)], articles: &[nashra::article::Article]) {
    let mut stories: BTreeMap<&str, BTreeMap<usize, usize>> = BTreeMap::new();
    for (event, story) in labelled {
        *stories.entry(event).or_default().entry(*story).or_insert(0) += 1;
    }
    for (event, parts) in stories.iter().filter(|(_, parts)| parts.len() > 1) {
        println!("event {event} split: {parts:?}");
        if std::env::var_os("NASHRA_EVAL_TITLES").is_some() {
            for story in parts.keys() {
                print_titles(*story, articles);
            }
        }
    }
}

/// Prints the date, file and title of each article of `story`.
fn print_titles(story: usize, articles: &[nashra::article::Article]) {
    for a in articles.iter().filter(|a| a.story == Some(story)) {
        let date = a.published.map(|p| p.date.to_string()).unwrap_or_default();
        let file = a.file.rsplit('/').next().unwrap_or("");
        println!("    {story} {date} {file} {}", a.title);
    }
}
