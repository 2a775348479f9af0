//! Search in a real browser: Debian's Chromium, driven by playwright-core
//! (`tests/browser/search.mjs`), types queries into the bundled site and a
//! generated archive of 1,000 articles, both built here under a sub-path,
//! and the results are checked against what nashra understood.
//!
//! Without Chromium, Node or `tests/browser/node_modules` the test says so
//! on the terminal and passes; under CI (`CI` set) it fails instead, and
//! `.ci/run` installs all three first.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use nashra::config::Config;
use nashra::corpus::Corpus;
use nashra::search::{Record, records};
use nashra::site::Site;
use serde_json::{Value, json};

const BASE: &str = "/briefing/";

/// Chromium, Node and the driver's folder, or why the test cannot run.
fn tools() -> Result<(PathBuf, PathBuf), String> {
    let browser_dir = nashra_bench::workspace_root().join("tests/browser");
    let chromium = std::env::var_os("NASHRA_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| which("chromium"))
        .or_else(|| which("chromium-browser"))
        .ok_or("no chromium on PATH (apt-get install chromium)")?;
    which("node").ok_or("no node on PATH (apt-get install nodejs npm)")?;
    if !browser_dir.join("node_modules/playwright-core").is_dir() {
        return Err(format!(
            "no playwright-core (npm ci --prefix {})",
            browser_dir.display()
        ));
    }
    Ok((chromium, browser_dir))
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// Writes `message` to the terminal even though the test harness captures
/// what tests print: a skipped browser test must be seen.
fn tell(message: &str) {
    let _ = std::io::stderr().write_all(format!("\n{message}\n").as_bytes());
}

/// A site built under [`BASE`], with what nashra understood of it.
struct Built {
    _dir: tempfile::TempDir,
    public: PathBuf,
    corpus: Corpus,
    config: Config,
}

impl Built {
    fn records(&self) -> Vec<Record> {
        records(&Site::new(&self.corpus, &self.config))
    }
}

fn build(root: &Path, dir: tempfile::TempDir) -> Built {
    let path = root.join("site.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "base_url = \"https://example.org/\"",
        &format!("base_url = \"https://example.org{BASE}\""),
        1,
    );
    assert!(text.contains(BASE), "the site is built under a sub-path");
    std::fs::write(&path, text).unwrap();
    let config = Config::load(&path).unwrap();
    let public = root.join("public");
    let (_, corpus) = nashra::build::build_keeping_corpus(
        &config,
        Some(&public),
        nashra::build::Progress::default(),
    )
    .unwrap();
    Built {
        _dir: dir,
        public,
        corpus,
        config,
    }
}

fn bundled() -> Built {
    let dir = tempfile::tempdir().unwrap();
    let repo = nashra_bench::workspace_root();
    std::fs::copy(repo.join("site.toml"), dir.path().join("site.toml")).unwrap();
    for folder in ["seeds", "content"] {
        copy_dir(&repo.join(folder), &dir.path().join(folder));
    }
    let root = dir.path().to_path_buf();
    build(&root, dir)
}

fn generated(articles: usize) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let corpus = nashra_bench::corpus::Corpus::new(articles, 1);
    nashra_bench::corpus::write_site(dir.path(), &corpus, None).unwrap();
    let root = dir.path().to_path_buf();
    build(&root, dir)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// What the page showed for one query.
#[derive(Debug)]
struct Shown {
    query: String,
    status: String,
    urls: Vec<String>,
    marked: u64,
    errors: Vec<String>,
}

impl Shown {
    /// The number of results the page announced.
    fn total(&self) -> usize {
        if self.status.starts_with("لا نتائج") {
            return 0;
        }
        if self.status.starts_with("نتيجة واحدة") {
            return 1;
        }
        let digits: String = self
            .status
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("«{}»: no count in «{}»", self.query, self.status))
    }
}

/// The URLs of the records holding an index term that starts with one of
/// the readings of `word` (the index matches the start of words).
fn holding(records: &[Record], word: &str) -> BTreeSet<String> {
    let norm = arabic::normalize(word);
    records
        .iter()
        .filter(|r| r.terms.words().any(|t| t.starts_with(&norm)))
        .map(|r| r.url.clone())
        .collect()
}

#[test]
fn readers_find_arabic_words_names_and_spellings_in_chromium() {
    let (chromium, browser_dir) = match tools() {
        Ok(found) => found,
        Err(why) if std::env::var_os("CI").is_none() => {
            tell(&format!(
                "SKIPPED search_browser: the browser tests were not run: {why}"
            ));
            return;
        }
        Err(why) => panic!("CI runs the browser tests, but {why}"),
    };
    let small = bundled();
    let large = generated(1000);

    // (site, query, filters): what a reader types, on which site.
    let lavrov_topic = large
        .corpus
        .articles
        .iter()
        .find(|a| a.plain_text().contains("لافروف") && !a.topics.is_empty())
        .map(|a| a.topics[0].clone())
        .expect("the generated archive has Lavrov in a topic");
    let topic_name = Site::new(&large.corpus, &large.config)
        .topics
        .iter()
        .find(|t| t.slug == lavrov_topic)
        .unwrap()
        .name
        .clone();
    let year = large.corpus.articles[0]
        .published
        .expect("generated articles are mostly dated")
        .date
        .format("%Y")
        .to_string();
    let cases: Vec<(usize, &str, Value)> = vec![
        (0, "بوتين", json!({})),
        (0, "لبوتين", json!({})),
        (0, "وبوتين", json!({})),
        (0, "بُوتِين", json!({})),
        (0, "ترمب", json!({})),
        (0, "ترامب", json!({})),
        (0, "بيونغ", json!({})),
        (0, "بيونغ يانغ", json!({})),
        (0, "كيم جونغ-أون", json!({})),
        (0, "كيم جونغ أون", json!({})),
        (0, "قزحطبشلمنتكس", json!({})),
        (1, "بوتين", json!({})),
        (1, "ترمب", json!({})),
        (1, "لافروف", json!({})),
        (1, "لافروف", json!({ "topic": topic_name })),
        (1, "بوتين", json!({ "sort": "date" })),
        (1, "بوتين", json!({ "year": year })),
    ];
    let texts: Vec<String> = small
        .corpus
        .articles
        .iter()
        .map(|a| a.plain_text().to_string())
        .chain(["وبالعاصمة «لبوتين» الأزمةُ ١٢ مستشفى كيم جونغ-أون".to_string()])
        .collect();
    // A phone-sized picture of the results, for a person to look at.
    let screenshot = std::env::var("NASHRA_SEARCH_SCREENSHOT").ok();
    let plan = json!({
        "chromium": chromium,
        "sites": [
            { "dir": small.public, "base": BASE },
            { "dir": large.public, "base": BASE },
        ],
        "cases": cases.iter().map(|(site, query, select)| json!({
            "site": site, "query": query, "select": select,
        })).collect::<Vec<_>>(),
        "parity": { "script": small.public.join("search/search.js"), "texts": texts },
        "screenshot": screenshot.map(|path| json!({ "site": 0, "query": "بوتين", "path": path })),
    });
    let mut child = Command::new("node")
        .arg(browser_dir.join("search.mjs"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(plan.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the browser driver failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();

    // The page reads a query as the index was built: same words, same
    // readings, from the same arabic crate.
    for (text, js) in texts.iter().zip(report["parity"].as_array().unwrap()) {
        let mut words = Vec::new();
        let mut readings = Vec::new();
        arabic::for_each_word(text, |_, _, norm| {
            words.push(norm.to_string());
            readings.push(arabic::proclitic_readings(
                norm,
                nashra::search::MIN_READING,
            ));
        });
        assert_eq!(js["words"], json!(words), "the page splits words as nashra");
        assert_eq!(
            js["readings"],
            json!(readings),
            "the page reads clitics as nashra"
        );
    }

    let shown: BTreeMap<(usize, &str, String), Shown> = cases
        .iter()
        .zip(report["cases"].as_array().unwrap())
        .map(|((site, query, select), r)| {
            let strings = |v: &Value| -> Vec<String> {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect()
            };
            (
                (*site, *query, select.to_string()),
                Shown {
                    query: query.to_string(),
                    status: r["status"].as_str().unwrap().to_string(),
                    urls: strings(&r["urls"]),
                    marked: r["marked"].as_u64().unwrap(),
                    errors: strings(&r["errors"]),
                },
            )
        })
        .collect();
    let get = |site: usize, query: &'static str| &shown[&(site, query, "{}".to_string())];
    for s in shown.values() {
        assert!(
            s.errors.is_empty(),
            "«{}»: the page failed: {:?}",
            s.query,
            s.errors
        );
    }

    let sites = [&small, &large];
    let records: Vec<Vec<Record>> = sites.iter().map(|b| b.records()).collect();
    for (site, query) in [
        (0, "بوتين"),
        (0, "بيونغ"),
        (0, "ترامب"),
        (1, "بوتين"),
        (1, "لافروف"),
    ] {
        let s = get(site, query);
        let expected = holding(&records[site], query);
        assert!(!expected.is_empty(), "«{query}» is in site {site}");
        assert!(
            s.total() >= expected.len(),
            "«{query}»: the page found {} of {} pages: {}",
            s.total(),
            expected.len(),
            s.status
        );
        assert!(s.marked > 0, "«{query}»: the results highlight it");
        for url in &s.urls {
            assert!(url.starts_with(BASE), "{url} is under the site's sub-path");
        }
        if s.total() <= s.urls.len() {
            let urls: BTreeSet<String> = s.urls.iter().cloned().collect();
            assert!(
                expected.is_subset(&urls),
                "«{query}»: {expected:?} not in {urls:?}"
            );
        }
    }
    // The seed articles about Putin are found whatever clitic or
    // diacritic the reader types.
    let putin = get(0, "بوتين");
    for variant in ["لبوتين", "وبوتين", "بُوتِين"] {
        assert_eq!(get(0, variant).total(), putin.total(), "«{variant}»");
    }
    let articles_naming = |b: &Built, slug: &str| -> BTreeSet<String> {
        let site = Site::new(&b.corpus, &b.config);
        b.corpus
            .articles
            .iter()
            .zip(&site.cards)
            .filter(|(a, _)| a.entities.iter().any(|m| m.slug == slug))
            .map(|(_, c)| c.url.clone())
            .collect()
    };
    // ترمب finds the articles that only write ترامب, and the other way.
    let trump = articles_naming(&small, "donald-trump");
    let written_tramp: Vec<&String> = small
        .corpus
        .articles
        .iter()
        .zip(&records[0])
        .filter(|(a, _)| a.plain_text().contains("ترامب") && !a.plain_text().contains("ترمب"))
        .map(|(_, r)| &r.url)
        .collect();
    assert!(!written_tramp.is_empty(), "a seed writes only ترامب");
    assert_eq!(get(0, "ترمب").total(), get(0, "ترامب").total());
    assert!(get(0, "ترمب").total() >= trump.len());
    assert!(get(1, "ترمب").total() >= articles_naming(&large, "donald-trump").len());
    // Pyongyang by half its name or whole, Kim by either spelling.
    assert!(get(0, "بيونغ يانغ").total() > 0);
    assert!(get(0, "بيونغ يانغ").total() <= get(0, "بيونغ").total());
    assert_eq!(
        get(0, "كيم جونغ-أون").total(),
        get(0, "كيم جونغ أون").total()
    );
    assert!(get(0, "كيم جونغ أون").total() >= articles_naming(&small, "kim-jong-un").len());
    // A topic narrows the results; a word found nowhere says so in Arabic.
    let narrowed = &shown[&(1, "لافروف", json!({ "topic": topic_name }).to_string())];
    assert!(narrowed.total() > 0, "{}", narrowed.status);
    assert!(
        narrowed.total() < get(1, "لافروف").total(),
        "{}",
        narrowed.status
    );
    // Newest first is newest first; a year keeps that year's pages.
    let date_of: BTreeMap<&str, &str> = records[1]
        .iter()
        .map(|r| (r.url.as_str(), r.sort["date"].as_str()))
        .collect();
    let newest = &shown[&(1, "بوتين", json!({ "sort": "date" }).to_string())];
    let dates: Vec<&str> = newest.urls.iter().map(|u| date_of[u.as_str()]).collect();
    assert!(
        dates.len() > 1 && dates.is_sorted_by(|a, b| a >= b),
        "{dates:?}"
    );
    let in_year = &shown[&(1, "بوتين", json!({ "year": year }).to_string())];
    assert!(in_year.total() > 0 && in_year.total() < get(1, "بوتين").total());
    for url in &in_year.urls {
        assert!(
            date_of[url.as_str()].starts_with(&year),
            "{url} is not of {year}"
        );
    }
    let none = get(0, "قزحطبشلمنتكس");
    assert!(none.status.starts_with("لا نتائج"), "{}", none.status);
    assert!(none.urls.is_empty());
}
