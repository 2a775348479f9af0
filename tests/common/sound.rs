//! What every build must give, whatever its input: feeds that parse and
//! carry no markup, pages that parse and carry only the templates' own
//! elements, no control character XML forbids, no bidi override, no script
//! link or event handler. Used by the hostile-input cases and the property
//! test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Checks every file of a built site (by relative path, with its bytes);
/// panics naming the file and what is wrong.
pub fn check_site(files: &BTreeMap<String, Vec<u8>>) {
    for (path, bytes) in files {
        if path.ends_with(".xml") || path.ends_with(".html") {
            let text = std::str::from_utf8(bytes).unwrap();
            if let Some(c) = text.chars().find(|&c| !xml_char(c)) {
                panic!("{path} carries U+{:04X}, which XML forbids", c as u32);
            }
        }
    }
    for (path, feed) in feeds(files) {
        for text in feed_texts(&feed) {
            assert!(!text.contains('<'), "{path}: markup in feed text {text:?}");
            assert!(!has_bidi_control(text), "{path}: bidi control in {text:?}");
        }
        for entry in &feed.entries {
            for link in &entry.links {
                assert!(safe_link(&link.href), "{path}: link {}", link.href);
            }
        }
    }
    let elements = template_elements();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = std::str::from_utf8(bytes).unwrap();
        let doc = scraper::Html::parse_document(html);
        for e in doc
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            let v = e.value();
            assert!(
                elements.contains(v.name()),
                "{path}: a <{}> element no template writes",
                v.name()
            );
            for (name, value) in v.attrs() {
                assert!(!name.starts_with("on"), "{path}: event handler {name}");
                if matches!(name, "href" | "src") {
                    assert!(safe_link(value), "{path}: link {value}");
                }
            }
        }
        let text: String = doc.root_element().text().collect();
        assert!(!has_bidi_control(&text), "{path}: bidi control in text");
    }
}

/// Every feed of a built site, parsed with `feed-rs`.
pub fn feeds(files: &BTreeMap<String, Vec<u8>>) -> Vec<(&str, feed_rs::model::Feed)> {
    files
        .iter()
        .filter(|(p, _)| p.ends_with(".xml") && !p.starts_with("sitemap"))
        .map(|(p, bytes)| {
            let feed = feed_rs::parser::parse(bytes.as_slice())
                .unwrap_or_else(|e| panic!("{p} does not parse: {e}"));
            (p.as_str(), feed)
        })
        .collect()
}

/// The element names the bundled templates write: text from articles
/// must never add one.
fn template_elements() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut names: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for (i, _) in text.match_indices('<') {
            let name: String = text[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                names.insert(name.to_ascii_lowercase());
            }
        }
    }
    names
}

/// Characters XML 1.0 may carry.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

pub fn has_bidi_control(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

/// A link a page or feed may carry: the site's own, relative, or http(s).
fn safe_link(link: &str) -> bool {
    let lower = link.trim().to_ascii_lowercase();
    !lower.contains(':') || lower.starts_with("http://") || lower.starts_with("https://")
}

/// The texts of a feed a reader may show as HTML: titles, descriptions,
/// summaries, categories and authors of RSS (which readers take either
/// way), and those Atom marks as HTML (Atom's plain text is shown as text).
fn feed_texts(feed: &feed_rs::model::Feed) -> Vec<&str> {
    let atom = feed.feed_type == feed_rs::model::FeedType::Atom;
    let mut texts: Vec<&str> = Vec::new();
    for t in [&feed.title, &feed.description]
        .into_iter()
        .chain(feed.entries.iter().flat_map(|e| [&e.title, &e.summary]))
        .flatten()
    {
        let plain = t.content_type.to_string().starts_with("text/plain");
        if !(atom && plain) {
            texts.push(&t.content);
        }
    }
    if !atom {
        for entry in &feed.entries {
            texts.extend(entry.categories.iter().map(|c| c.term.as_str()));
            texts.extend(entry.categories.iter().filter_map(|c| c.label.as_deref()));
            texts.extend(entry.authors.iter().filter_map(|p| p.name.as_deref()));
        }
    }
    texts
}
