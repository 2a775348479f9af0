//! Shared helpers for end-to-end tests: a copy of the bundled site in a
//! temporary folder, built as a user would build it, and read back.

#![allow(dead_code)]

pub mod sound;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use nashra::config::Config;

/// A throwaway copy of the bundled site (site.toml, seeds/, content/).
pub struct TempSite {
    pub dir: tempfile::TempDir,
}

impl TempSite {
    pub fn bundled() -> TempSite {
        let dir = tempfile::tempdir().unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("site.toml"), dir.path().join("site.toml")).unwrap();
        for folder in ["seeds", "content"] {
            copy_dir(&repo.join(folder), &dir.path().join(folder));
        }
        TempSite { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn config_path(&self) -> PathBuf {
        self.root().join("site.toml")
    }

    pub fn config(&self) -> Config {
        Config::load(&self.config_path()).unwrap()
    }

    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Rewrites a line of site.toml.
    pub fn edit_config(&self, from: &str, to: &str) {
        let path = self.config_path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "site.toml has no `{from}`");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn build(&self) -> nashra::build::Report {
        nashra::build::build(&self.config(), None).unwrap()
    }

    /// What nashra understood of the site's input, for checking pages
    /// against.
    pub fn corpus(&self) -> nashra::corpus::Corpus {
        nashra::build::understand(&self.config()).unwrap()
    }

    /// The articles that have a publication date.
    pub fn dated(corpus: &nashra::corpus::Corpus) -> Vec<&nashra::article::Article> {
        corpus
            .articles
            .iter()
            .filter(|a| a.published.is_some())
            .collect()
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
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

/// Every file under `root`, by relative path, with its bytes.
pub fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    out
}

/// All HTML pages under `root`, by relative path.
pub fn html_pages(root: &Path) -> BTreeMap<String, String> {
    read_tree(root)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

/// The text of the first element matching `selector`.
pub fn text_of(html: &str, selector: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .next()
        .map(|e| e.text().collect::<String>().trim().to_string())
}

/// Every `href` and `src` in a page.
pub fn links(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("[href], [src]").unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr("href").or_else(|| e.value().attr("src")))
        .map(str::to_string)
        .collect()
}

/// Resolves a site-internal URL (`/base/x/` or `https://host/base/x/`) to
/// the file a static host would serve, or `None` for external links.
pub fn served_file(url: &str, base_url: &str, base_path: &str) -> Option<String> {
    let path = if let Some(rest) = url.strip_prefix(base_url) {
        rest.to_string()
    } else if url.starts_with("http://")
        || url.starts_with("https://")
        || url.starts_with("mailto:")
    {
        return None;
    } else {
        url.strip_prefix(base_path)
            .unwrap_or_else(|| {
                panic!("internal link `{url}` is outside the base path `{base_path}`")
            })
            .to_string()
    };
    let path = path.split('#').next().unwrap().to_string();
    Some(if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    })
}
