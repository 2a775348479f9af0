//! Property tests: random and mutated scraped Arabic news through cleaning,
//! date finding and the whole pipeline. Whatever the text, nothing panics,
//! every article gets a slug, every feed parses and no page or feed text
//! carries markup or a character XML forbids.
//!
//! The scraped pages are built from pieces shaped like real scrapes
//! (headlines, date lines in several calendars and digit sets, bylines,
//! captions, wire sign-offs, "read also" teasers), then mutated the way
//! broken scrapers and hostile senders do: control characters, bidi
//! overrides, markup, stray carriage returns, deleted and repeated spans.
//! Case counts are fixed and modest, so that `cargo test` stays quick.

mod common;

use std::collections::BTreeMap;

use proptest::prelude::*;

/// Lines a scraped Arabic news page is made of.
const PIECES: &[&str] = &[
    "وزير الخارجية يبحث مع نظيره الأردني تطورات الأوضاع في المنطقة",
    "البنك المركزي يثبت أسعار الفائدة للمرة الثالثة على التوالي",
    "قال وزير الخارجية في مؤتمر صحافي بالقاهرة إن المحادثات مع الجانب الإثيوبي وصلت إلى طريق مسدود.",
    "وأضاف أن بلاده ستلجأ إلى مجلس الأمن الدولي إذا استمر ملء السد من دون اتفاق ملزم.",
    "ولم يصدر أي تعليق فوري من الحكومة على تصريحات الوزير حتى مساء اليوم الثلاثاء.",
    "موسكو، 13 أغسطس 2025 (أ ف ب) - أعلن الكرملين أن الرئيس سيلتقي نظيره الأمريكي الأسبوع المقبل.",
    "نشر في 16 سبتمبر 2025",
    "الأحد 3 رمضان 1446 هـ",
    "٢٠٢٥/٠٩/١٦",
    "date 2025-09-16",
    "الثلاثاء ١٦ أيلول/سبتمبر ٢٠٢٥",
    "كتب - أحمد سمير",
    "بقلم: سارة أحمد",
    "الرئيس خلال لقائه رئيس الوزراء في القصر الرئاسي (أ.ف.ب)",
    "اقرأ أيضاً: الذهب يرتفع في الأسواق مع تراجع الدولار",
    "مقالات ذات صلة",
    "TT",
    "Agence France-Presse ©",
    "بور/ناش/غ ر",
    "المصدر: وكالات",
    "– تحالف عسكري –",
    "«نحن هنا»، قال الوزير في ختام كلمته أمام الصحافيين في العاصمة.",
];

/// What broken scrapers and hostile senders put into text.
const HOSTILE: &[&str] = &[
    "\0",
    "\u{1}",
    "\u{B}",
    "\u{C}",
    "\u{1F}",
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{FEFF}",
    "\u{202E}",
    "\u{2066}",
    "\u{200F}",
    "\r",
    "\r\n",
    "\n\n",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b>",
    "]]>",
    "&amp;",
    "&",
    "\"",
    "+++",
    "---",
    "٩٩٩٩",
    "9999-12-31",
    "0000-01-01",
    "هـ",
    "\u{301}",
    "😀",
    "Сергей Лавров",
    "Libération",
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, String),
    Delete(usize, usize),
    Repeat(usize, usize),
}

fn hostile_snippet() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(HOSTILE).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), hostile_snippet()).prop_map(|(at, s)| Mutation::Insert(at, s)),
        1 => (any::<usize>(), 0usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => (any::<usize>(), 0usize..80).prop_map(|(at, n)| Mutation::Repeat(at, n)),
    ]
}

/// The char boundary nearest below `at` (taken modulo the length).
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(mut text: String, mutations: &[Mutation]) -> String {
    for m in mutations {
        match m {
            Mutation::Insert(at, s) => {
                let at = boundary(&text, *at);
                text.insert_str(at, s);
            }
            Mutation::Delete(at, n) => {
                let start = boundary(&text, *at);
                let end = boundary(&text, start + n);
                if end > start {
                    text.replace_range(start..end, "");
                }
            }
            Mutation::Repeat(at, n) => {
                let start = boundary(&text, *at);
                let end = boundary(&text, start + n);
                if end > start {
                    let span = text[start..end].to_string();
                    text.insert_str(end, &span);
                }
            }
        }
    }
    text
}

/// A scraped page: pieces joined by the line breaks scrapers write, then
/// mutated.
fn scraped_page() -> impl Strategy<Value = String> {
    let lines = proptest::collection::vec(proptest::sample::select(PIECES), 1..12);
    let breaks = proptest::sample::select(&["\n", "\n\n", "\r\n", "\r"][..]);
    let mutations = proptest::collection::vec(mutation(), 0..8);
    (lines, breaks, mutations)
        .prop_map(|(lines, newline, mutations)| mutate(lines.join(newline), &mutations))
}

/// Any text at all, mostly Arabic letters, digits and punctuation.
fn random_text() -> impl Strategy<Value = String> {
    let arabic = proptest::char::range('\u{0600}', '\u{06FF}');
    let chars = prop_oneof![4 => arabic, 1 => any::<char>(), 1 => Just(' '), 1 => Just('\n')];
    proptest::collection::vec(chars, 0..200).prop_map(|c| c.into_iter().collect())
}

/// Characters no page or feed may carry.
fn forbidden(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Cleaning, headline and date finding on one text, as reading a seed
/// does: nothing panics, and what comes out is safe to print.
fn read_like_a_seed(raw: &str) {
    let text = nashra::safe_text::clean(raw);
    assert!(!text.chars().any(forbidden), "{text:?}");
    arabic::dates::find_dates(raw);
    for cleaned in nashra::clean::clean(&text) {
        let headline = nashra::headline::find_headline(cleaned.blocks.clone());
        let found = nashra::dating::find_publication_date_in(
            &headline.title,
            &headline.body,
            &cleaned.removed,
        );
        if let Some(date) = found.date {
            use chrono::Datelike;
            assert!((1900..=2100).contains(&date.year()), "{date}");
        }
        let slug = nashra::slug::slugify_words(&headline.title, 6);
        assert!(
            slug.is_empty() || nashra::slug::is_safe_slug(&slug),
            "{slug}"
        );
        assert!(!headline.title.chars().any(forbidden));
    }
    // The raw text too, as a unit of the pipeline may see it uncleaned.
    for cleaned in nashra::clean::clean(raw) {
        nashra::headline::find_headline(cleaned.blocks);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn scraped_pages_clean_and_date_without_panicking(page in scraped_page()) {
        read_like_a_seed(&page);
    }

    #[test]
    fn random_text_cleans_and_dates_without_panicking(text in random_text()) {
        read_like_a_seed(&text);
    }
}

/// A TOML string literal holding `text`, escapes and all.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

const SITE_TOML: &str =
    "title = \"نشرة\"\nbase_url = \"https://example.org/\"\ntimezone = \"Asia/Riyadh\"\n";

/// Builds a site of `seeds` and one Markdown article with `title` and
/// `summary`, and checks it whole.
fn build_and_check(seeds: &[String], title: &str, summary: &str) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("site.toml"), SITE_TOML).unwrap();
    std::fs::create_dir_all(root.join("seeds")).unwrap();
    std::fs::create_dir_all(root.join("content")).unwrap();
    for (i, seed) in seeds.iter().enumerate() {
        std::fs::write(root.join(format!("seeds/page_{i}.txt")), seed).unwrap();
    }
    std::fs::write(
        root.join("content/stated.md"),
        format!(
            "+++\ntitle = {}\nsummary = {}\ndate = 2025-09-16\n+++\n\n\
             أقرت الحكومة خطة جديدة لدعم الصناعات الصغيرة والمتوسطة في المحافظات.\n",
            toml_string(title),
            toml_string(summary)
        ),
    )
    .unwrap();
    let config = nashra::config::Config::load(&root.join("site.toml")).unwrap();
    let report = match nashra::build::build(&config, None) {
        Ok(report) => report,
        Err(e) => {
            // Only an editor's Markdown may be refused (a title mutated
            // away), and the refusal names it.
            let message = format!("{e:#}");
            assert!(message.starts_with("content/stated.md: "), "{message}");
            return;
        }
    };
    let files: BTreeMap<String, Vec<u8>> = common::read_tree(&root.join("public"));
    common::sound::check_site(&files);
    let slugs: Vec<&str> = files
        .keys()
        .filter_map(|p| p.strip_prefix("articles/")?.strip_suffix("/index.html"))
        .collect();
    assert_eq!(slugs.len(), report.articles);
    for slug in slugs {
        assert!(nashra::slug::is_safe_slug(slug), "{slug:?}");
    }
}

proptest! {
    // A build takes about a second in a debug build: few cases, each with
    // several scraped pages.
    #![proptest_config(ProptestConfig::with_cases(3))]

    #[test]
    fn the_whole_pipeline_builds_sound_sites_from_hostile_scrapes(
        seeds in proptest::collection::vec(scraped_page(), 2..6),
        title in (proptest::sample::select(PIECES), proptest::collection::vec(mutation(), 0..4))
            .prop_map(|(t, m)| mutate(t.to_string(), &m)),
        summary in (proptest::sample::select(PIECES), proptest::collection::vec(mutation(), 0..4))
            .prop_map(|(t, m)| mutate(t.to_string(), &m)),
    ) {
        build_and_check(&seeds, &title, &summary);
    }
}
