//! Hostile input, as an attacker or an unlucky editor writes it: each case
//! puts one bad file (or setting) into a small, well-formed site
//! (`tests/fixtures/hostile/`) and expects either an error naming the file
//! (and line), or a site that is still sound, checked whole by
//! `common::sound`: every feed parses with `feed-rs` and carries no
//! character XML forbids and no markup in its text, and every page parses
//! with `scraper` and carries only the templates' elements, no control
//! character, event handler or script link.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{copy_dir, read_tree};
use nashra::build::Report;
use nashra::config::Config;

/// A copy of the hostile-input fixture site in a temporary folder.
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
        copy_dir(&fixture, dir.path());
        Case { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Rewrites `from` in site.toml to `to`.
    fn edit_config(&self, from: &str, to: &str) {
        let path = self.root().join("site.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "site.toml has no `{from}`");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    /// Builds the site; an error comes back as its full message.
    fn try_build(&self) -> Result<Built, String> {
        let config = Config::load(&self.root().join("site.toml")).map_err(|e| format!("{e:#}"))?;
        let report = nashra::build::build(&config, None).map_err(|e| format!("{e:#}"))?;
        let public = self.root().join("public");
        let files = read_tree(&public);
        let built = Built { report, files };
        common::sound::check_site(&built.files);
        Ok(built)
    }

    /// Builds the site, which must succeed and be sound.
    fn build(&self) -> Built {
        self.try_build()
            .unwrap_or_else(|e| panic!("the build failed: {e}"))
    }

    /// Builds the site, which must fail with each of `expected` in its
    /// message.
    fn fails(&self, expected: &[&str]) -> String {
        let err = match self.try_build() {
            Ok(_) => panic!("the build should fail with {expected:?}"),
            Err(e) => e,
        };
        for e in expected {
            assert!(err.contains(e), "`{e}` not in: {err}");
        }
        err
    }
}

/// A finished build and the files it wrote.
struct Built {
    report: Report,
    files: BTreeMap<String, Vec<u8>>,
}

impl Built {
    fn text(&self, rel: &str) -> &str {
        let bytes = self
            .files
            .get(rel)
            .unwrap_or_else(|| panic!("{rel} was not written"));
        std::str::from_utf8(bytes).unwrap()
    }

    fn pages(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files
            .keys()
            .filter(|p| p.ends_with(".html"))
            .map(|p| (p.as_str(), self.text(p)))
    }

    /// Every feed, parsed.
    fn feeds(&self) -> Vec<(&str, feed_rs::model::Feed)> {
        common::sound::feeds(&self.files)
    }

    /// The folders of the article pages written.
    fn article_pages(&self) -> Vec<&str> {
        self.files
            .keys()
            .filter_map(|p| p.strip_prefix("articles/")?.strip_suffix("/index.html"))
            .collect()
    }

    fn warned(&self, parts: &[&str]) -> bool {
        self.report
            .warnings
            .iter()
            .any(|w| parts.iter().all(|p| w.contains(p)))
    }
}

fn public(case: &Case) -> PathBuf {
    case.root().join("public")
}

#[test]
fn the_fixture_site_is_sound() {
    let case = Case::new();
    let built = case.build();
    assert_eq!(built.article_pages().len(), 3);
    assert!(
        built.report.warnings.is_empty(),
        "{:?}",
        built.report.warnings
    );
    assert!(public(&case).join("rss.xml").is_file());
}

// Item 12: characters XML cannot carry.

#[test]
fn control_characters_in_headlines_and_front_matter_leave_feeds_valid() {
    let case = Case::new();
    case.write(
        "seeds/cairo_fire.txt",
        "حريق\u{B} في\0 مستودع\u{1} بميناء الإسكندرية\u{FFFE}\n\nنشر في 16 سبتمبر 2025\n\n\
         اندلع حريق كبير، فجر الثلاثاء، في مستودع للبضائع بميناء الإسكندرية، وهرعت فرق الدفاع المدني إلى المكان.\n\n\
         وقالت هيئة الميناء في بيان إن الحريق لم يسفر عن إصابات، وإن حركة السفن لم تتأثر.\n",
    );
    case.write(
        "content/oil.md",
        "+++\ntitle = \"أسعار النفط\\u0001 ترتفع\\u000B مع\\u0000 تراجع المخزونات\"\n\
         summary = \"ارتفعت أسعار النفط\\u001F بعد بيانات\\uFFFF المخزون الأمريكية.\"\n\
         date = 2025-09-16\n+++\n\nارتفعت أسعار النفط في تعاملات الثلاثاء\u{7} بعد بيانات أظهرت تراجع المخزونات الأمريكية.\n",
    );
    let built = case.build();
    let titles: Vec<String> = built
        .feeds()
        .into_iter()
        .find(|(p, _)| *p == "rss.xml")
        .unwrap()
        .1
        .entries
        .iter()
        .filter_map(|e| e.title.as_ref().map(|t| t.content.clone()))
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("حريق") && t.contains("مستودع")),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("أسعار النفط ترتفع")),
        "{titles:?}"
    );
}

// Item 1: no date may panic a build, and none far off heads the feeds.

#[test]
fn dates_out_of_range_warn_and_never_date_the_feeds() {
    let case = Case::new();
    let article = |date: &str| {
        format!(
            "+++\ntitle = \"وزارة الصحة تطلق حملة تطعيم في المدارس\"\ndate = {date}\n+++\n\n\
             أطلقت وزارة الصحة حملة وطنية لتطعيم تلاميذ المدارس ضد الحصبة، تستمر أسبوعين في جميع المحافظات.\n"
        )
    };
    case.write(
        "content/far_future.md",
        article("9999-12-31T23:59:59-12:00"),
    );
    case.write("content/year_zero.md", article("0000-01-01T01:00:00+14:00"));
    case.write("content/too_old.md", article("1850-03-01"));
    let built = case.build();
    for file in ["far_future.md", "year_zero.md", "too_old.md"] {
        assert!(
            built.warned(&[&format!("content/{file}"), "outside 1900-"]),
            "{file}: {:?}",
            built.report.warnings
        );
    }
    assert_eq!(built.report.undated, 3);
    let rss = built.text("rss.xml");
    assert!(
        rss.contains("<lastBuildDate>Mon, 15 Sep 2025 10:00:00 +0300</lastBuildDate>"),
        "{rss}"
    );
    let atom = built.text("atom.xml");
    assert!(
        atom.contains("<updated>2025-09-15T10:00:00+03:00</updated>"),
        "{atom}"
    );
    assert!(!built.text("briefings.xml").contains("9999"));
}

// Item 13: a front matter date that does not read names its line.

#[test]
fn a_bad_front_matter_date_names_file_and_line() {
    let case = Case::new();
    case.write(
        "content/bad_date.md",
        "+++\ntitle = \"انتخابات بلدية في تونس\"\nsource = \"وكالة تونس إفريقيا للأنباء\"\ndate = \"15/09/2025\"\n+++\n\nنص الخبر.\n",
    );
    case.fails(&["content/bad_date.md:4:", "15/09/2025"]);
}

// Item 2: only http(s) addresses become links.

#[test]
fn a_script_or_data_url_in_front_matter_is_an_error_naming_its_line() {
    for url in [
        "javascript:alert(5)",
        "JAVASCRIPT:alert(5)",
        " javascript:alert(5)",
        "data:text/html,<script>alert(5)</script>",
        "vbscript:msgbox(5)",
        "https://",
    ] {
        let case = Case::new();
        case.write(
            "content/linked.md",
            format!(
                "+++\ntitle = \"وزير الطاقة يزور محطة الرياح\"\ndate = 2025-09-15\nurl = \"{url}\"\n+++\n\n\
                 زار وزير الطاقة محطة لتوليد الكهرباء من الرياح في خليج السويس، وتفقد أعمال التوسعة الجارية.\n"
            ),
        );
        case.fails(&["content/linked.md:4:", "url `"]);
    }
}

#[test]
fn an_http_url_in_front_matter_is_the_original_link() {
    let case = Case::new();
    let built = case.build();
    let page = built.text("articles/gulf-summit/index.html");
    assert!(
        common::links(page).contains(&"https://example.com/gulf-summit".to_string()),
        "{page}"
    );
}

// Item 3: feeds carry text, never markup from an article.

#[test]
fn markup_in_summaries_and_seed_paragraphs_is_text_in_feeds() {
    let case = Case::new();
    case.write(
        "content/scripted.md",
        "+++\ntitle = \"البرلمان يقر <b>قانون</b> الموازنة\"\ndate = 2025-09-16\n\
         summary = \"<script>alert(3)</script> أقر البرلمان قانون الموازنة العامة.\"\n+++\n\n\
         أقر البرلمان قانون الموازنة العامة للدولة بعد نقاش استمر ثلاثة أيام.\n",
    );
    case.write(
        "seeds/beirut_port.txt",
        "لبنان يعيد فتح مرفأ بيروت أمام سفن الحاويات\n\nنشر في 16 سبتمبر 2025\n\n\
         أعلنت السلطات اللبنانية إعادة فتح مرفأ بيروت <img src=x onerror=alert(3)> أمام سفن الحاويات بعد أعمال صيانة استمرت شهرين.\n\n\
         وقال مدير المرفأ إن الأرصفة الجديدة قادرة على استقبال السفن الكبيرة، وإن العمل سيجري على مدار الساعة.\n",
    );
    let built = case.build();
    for feed in ["rss.xml", "atom.xml", "briefings.xml"] {
        let xml = built.text(feed);
        for markup in ["<script", "<img", "<b>"] {
            assert!(!xml.contains(markup), "{feed} carries {markup}: {xml}");
        }
    }
    let rss = feed_rs::parser::parse(built.text("rss.xml").as_bytes()).unwrap();
    let summaries: Vec<&str> = rss
        .entries
        .iter()
        .filter_map(|e| e.summary.as_ref().map(|t| t.content.as_str()))
        .collect();
    assert!(
        summaries
            .iter()
            .any(|s| s.starts_with("&lt;script&gt;alert(3)&lt;/script&gt; أقر البرلمان")),
        "{summaries:?}"
    );
    assert!(
        summaries
            .iter()
            .any(|s| s.contains("&lt;img src=x onerror=alert(3)&gt;")),
        "{summaries:?}"
    );
}

// Item 4: an empty article is an error or a warning naming its file, never
// a broken page.

#[test]
fn an_empty_markdown_article_is_an_error_naming_the_file() {
    for (text, expected) in [
        ("", "has no text"),
        ("+++\n+++\n", "has no text"),
        (
            "+++\ntitle = \"اجتماع وزراء الخارجية العرب\"\ndate = 2025-09-16\n+++\n\n  \n\t\n",
            "has no text",
        ),
        ("\n\n   \n", "has no text"),
        ("# اجتماع وزراء الخارجية العرب\n", "no text below its title"),
        (
            "+++\ntitle = \"\"\n+++\nانعقد اجتماع وزراء الخارجية العرب في القاهرة.\n",
            "has no title",
        ),
    ] {
        let case = Case::new();
        case.write("content/empty.md", text);
        case.fails(&["content/empty.md: ", expected]);
    }
}

#[test]
fn an_empty_scrape_is_left_out_with_a_warning_naming_the_file() {
    let case = Case::new();
    case.write("seeds/empty.txt", "");
    case.write("seeds/blank.txt", "\u{feff}\n \n\t\n");
    case.write("seeds/debris.txt", "TT\n•••\nAgence France-Presse ©\n");
    case.write(
        "seeds/headline_only.txt",
        "انقطاع الكهرباء عن أحياء واسعة في بغداد\n",
    );
    let built = case.build();
    for file in ["empty", "blank", "debris", "headline_only"] {
        assert!(
            built.warned(&[&format!("seeds/{file}.txt: no article text found")]),
            "{file}: {:?}",
            built.report.warnings
        );
    }
    assert_eq!(
        built.article_pages().len(),
        3,
        "{:?}",
        built.article_pages()
    );
    for (path, html) in built.pages() {
        if path.starts_with("articles/") {
            let h1 = common::text_of(html, "h1").unwrap_or_default();
            assert!(!h1.is_empty(), "{path} has an empty headline");
        }
    }
    // Inspecting the file says why it is not in the site.
    let inspect = std::process::Command::new(env!("CARGO_BIN_EXE_nashra"))
        .current_dir(case.root())
        .args(["inspect", "seeds/debris.txt"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&inspect.stderr);
    assert!(
        !inspect.status.success() && said.contains("seeds/debris.txt: no article text found"),
        "{said}"
    );
}

// Item 5: YAML front matter is named, bidi controls never reach a title.

#[test]
fn yaml_front_matter_is_an_error_saying_nashra_reads_toml() {
    let case = Case::new();
    case.write(
        "content/yaml.md",
        "---\ntitle: \"ارتفاع أسعار الذهب في الأسواق الخليجية\"\ndate: 2025-09-16\n---\n\n\
         ارتفعت أسعار الذهب في الأسواق الخليجية مع تراجع الدولار الأمريكي.\n",
    );
    case.fails(&["content/yaml.md:1:", "YAML", "TOML", "+++"]);
}

#[test]
fn bidi_overrides_are_stripped_from_titles_pages_and_feeds() {
    let case = Case::new();
    case.write(
        "seeds/spoofed.txt",
        "\u{202E}وزير المالية يعلن\u{202C} خطة لخفض الدين العام\n\nنشر في 16 سبتمبر 2025\n\n\
         أعلن وزير المالية\u{2067} خطة من ثلاث مراحل\u{2069} لخفض الدين العام خلال خمس سنوات، تبدأ بترشيد الإنفاق الحكومي.\n\n\
         وقال الوزير في مؤتمر صحافي إن الخطة ستعرض على البرلمان الشهر المقبل لإقرارها.\n",
    );
    case.write(
        "content/spoofed.md",
        "+++\ntitle = \"\\u202Eمجلس الأمن يدعو إلى وقف إطلاق النار\"\ndate = 2025-09-16\n+++\n\n\
         دعا مجلس الأمن الدولي إلى وقف فوري لإطلاق النار وفتح الممرات الإنسانية.\n",
    );
    let built = case.build();
    let titles: Vec<String> = built
        .pages()
        .filter(|(p, _)| p.starts_with("articles/"))
        .filter_map(|(_, html)| common::text_of(html, "h1"))
        .collect();
    assert!(
        titles.contains(&"وزير المالية يعلن خطة لخفض الدين العام".to_string()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"مجلس الأمن يدعو إلى وقف إطلاق النار".to_string()),
        "{titles:?}"
    );
}

// Item 6: generated folders are reserved.

#[test]
fn a_page_or_article_slug_taking_a_generated_folder_is_an_error() {
    for slug in [
        "entities", "topics", "sources", "archive", "undated", "stories", "days", "weeks",
        "articles", "static", "search",
    ] {
        for kind in ["page", "article"] {
            let case = Case::new();
            case.write(
                "content/about.md",
                format!(
                    "+++\ntitle = \"من نحن\"\nkind = \"{kind}\"\nslug = \"{slug}\"\n+++\n\n\
                     نشرة موجز يومي للأخبار العربية يجمع تغطية الوكالات والصحف.\n"
                ),
            );
            case.fails(&["content/about.md:4:", &format!("`{slug}`")]);
        }
    }
    let case = Case::new();
    case.write(
        "content/archive.md",
        "+++\ntitle = \"أرشيفنا\"\nkind = \"page\"\n+++\n\nصفحة عن أرشيف النشرة.\n",
    );
    case.fails(&["content/archive.md (its file name)", "`archive`"]);
}

#[test]
fn every_folder_a_build_writes_is_reserved() {
    let case = Case::new();
    case.write(
        "content/about.md",
        "+++\ntitle = \"من نحن\"\nkind = \"page\"\n+++\n\nنشرة موجز يومي للأخبار العربية.\n",
    );
    let built = case.build();
    let folders: std::collections::BTreeSet<&str> = built
        .files
        .keys()
        .filter_map(|p| p.split_once('/').map(|(top, _)| top))
        .collect();
    for folder in folders {
        assert!(
            folder == "about" || nashra::slug::RESERVED_SLUGS.contains(&folder),
            "{folder}/ is written but not reserved"
        );
    }
}

// Item 7: slugs say their limit, stay short, and transliterate every script.

#[test]
fn a_stated_slug_too_long_is_refused_for_its_length() {
    let case = Case::new();
    case.write(
        "content/long_slug.md",
        format!(
            "+++\ntitle = \"تونس تستضيف مؤتمر الاستثمار\"\ndate = 2025-09-16\nslug = \"{}\"\n+++\n\n\
             تستضيف تونس مؤتمراً دولياً للاستثمار بمشاركة شركات من عشرين دولة.\n",
            "tunis-".repeat(33) + "xx"
        ),
    );
    case.fails(&["content/long_slug.md:4:", "200 characters", "at most 100"]);
}

#[test]
fn a_long_glued_headline_gets_a_short_slug() {
    let case = Case::new();
    // A scrape that lost the spaces between the words of its headline.
    let glued = "الحكومةالعراقيةتعلنعنخطةجديدةلإعادةإعمارالمناطقالمتضررةمنالفيضاناتفيمحافظاتالجنوب"
        .repeat(3);
    case.write(
        "seeds/glued.txt",
        format!(
            "{glued}\n\nنشر في 16 سبتمبر 2025\n\n\
             أعلنت الحكومة العراقية خطة لإعادة إعمار المناطق المتضررة من الفيضانات في محافظات الجنوب.\n\n\
             وقال المتحدث باسم الحكومة إن الخطة تشمل إعادة بناء الجسور والطرق والمدارس.\n"
        ),
    );
    let built = case.build();
    let slugs = built.article_pages();
    assert_eq!(slugs.len(), 4, "{slugs:?}");
    for slug in slugs {
        assert!(!slug.is_empty() && slug.len() <= 80, "{slug}");
    }
}

#[test]
fn titles_in_other_scripts_get_transliterated_slugs() {
    let case = Case::new();
    for (file, title) in [
        ("content/liberation.md", "Libération"),
        ("content/lavrov.md", "Лавров"),
    ] {
        case.write(
            file,
            format!(
                "+++\ntitle = \"{title}\"\ndate = 2025-09-16\n+++\n\n\
                 نقلت الصحيفة تصريحات وزير الخارجية عن المحادثات الجارية بشأن الأزمة.\n"
            ),
        );
    }
    let built = case.build();
    let slugs = built.article_pages();
    assert!(slugs.contains(&"liberation"), "{slugs:?}");
    assert!(slugs.contains(&"lavrov"), "{slugs:?}");
}

// Item 13: site.toml values are checked, seeds read whatever their line
// endings and byte-order mark.

#[test]
fn loose_site_toml_values_are_errors_naming_the_line() {
    for (from, to, expected) in [
        (
            "base_url = \"https://example.org/briefing/\"",
            "base_url = \"https://\"",
            "site.toml:5: base_url",
        ),
        (
            "base_url = \"https://example.org/briefing/\"",
            "base_url = \"https://example.org/my briefing/\"",
            "site.toml:5: base_url",
        ),
        (
            "timezone = \"Asia/Riyadh\"",
            "timezone = \"Asia/Riyadh\"\n[stories]\nthreshold = nan",
            "site.toml:8: [stories] threshold",
        ),
        (
            "timezone = \"Asia/Riyadh\"",
            "timezone = \"Asia/Riyadh\"\n[stories]\ncohesion = inf",
            "site.toml:8: [stories] cohesion",
        ),
        (
            "timezone = \"Asia/Riyadh\"",
            "timezone = \"Asia/Riyadh\"\n[stories]\nthreshold = -1.0",
            "site.toml:8: [stories] threshold",
        ),
    ] {
        let case = Case::new();
        case.edit_config(from, to);
        case.fails(&[expected]);
    }
}

#[test]
fn a_configured_folder_that_does_not_exist_is_named_in_a_warning() {
    let case = Case::new();
    case.edit_config(
        "timezone = \"Asia/Riyadh\"",
        "timezone = \"Asia/Riyadh\"\ncontent_dir = \"contnet\"",
    );
    let built = case.build();
    assert!(
        built.warned(&["site.toml:7: content_dir `contnet` is not a folder"]),
        "{:?}",
        built.report.warnings
    );
}

#[test]
fn a_byte_order_mark_and_old_mac_line_endings_leave_the_headline_alone() {
    let case = Case::new();
    case.write(
        "seeds/bom.txt",
        "\u{feff}السعودية تطلق تأشيرة سياحية جديدة للزوار الخليجيين\n\nنشر في 16 سبتمبر 2025\n\n\
         أطلقت السعودية تأشيرة سياحية جديدة تتيح للمقيمين في دول الخليج زيارة المملكة بإجراءات مبسطة.\n\n\
         وقالت وزارة السياحة إن التأشيرة تصدر إلكترونياً خلال دقائق.\n",
    );
    case.write(
        "seeds/mac.txt",
        "الكويت ترفع أسعار الوقود للمرة الأولى منذ عامين\r\rنشر في 16 سبتمبر 2025\r\r\
         قررت الحكومة الكويتية رفع أسعار الوقود بنسبة محدودة اعتباراً من مطلع الشهر المقبل.\r\r\
         وقالت لجنة تسعير المنتجات البترولية إن القرار يهدف إلى تقليص دعم الطاقة.\r",
    );
    let built = case.build();
    let titles: Vec<String> = built
        .pages()
        .filter(|(p, _)| p.starts_with("articles/"))
        .filter_map(|(_, html)| common::text_of(html, "h1"))
        .collect();
    for title in [
        "السعودية تطلق تأشيرة سياحية جديدة للزوار الخليجيين",
        "الكويت ترفع أسعار الوقود للمرة الأولى منذ عامين",
    ] {
        assert!(titles.contains(&title.to_string()), "{title}: {titles:?}");
    }
    assert_eq!(built.report.undated, 0, "{:?}", built.report.warnings);
}

// Item 9: symbolic links are followed inside the site, never out of it,
// and none is dropped without a word.

#[cfg(unix)]
#[test]
fn symbolic_links_inside_the_site_are_read_and_others_named_in_warnings() {
    use std::os::unix::fs::symlink;
    let case = Case::new();
    // An editor keeps a wire copy in drafts/ and links it into content/.
    let wire = "+++\ntitle = \"افتتاح خط حافلات سريع بين الرباط وسلا\"\n\
                date = 2025-09-16T09:00:00+01:00\nsource = \"هسبريس\"\nslug = \"rabat-sale-bus\"\n+++\n\n\
                افتتحت السلطات المغربية، الثلاثاء، خطاً للحافلات السريعة يربط الرباط بمدينة سلا.\n";
    case.write("drafts/rabat_sale_bus.md", wire);
    symlink(
        case.root().join("drafts/rabat_sale_bus.md"),
        case.root().join("content/rabat_sale_bus.md"),
    )
    .unwrap();
    // A link out of the site folder, one to nothing, and a folder loop.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        wire.replace("rabat-sale-bus", "outside"),
    )
    .unwrap();
    symlink(
        outside.path().join("secret.md"),
        case.root().join("content/secret.md"),
    )
    .unwrap();
    symlink(
        case.root().join("content/missing.md"),
        case.root().join("content/broken.md"),
    )
    .unwrap();
    std::fs::create_dir_all(case.root().join("content/loop")).unwrap();
    symlink(
        case.root().join("content"),
        case.root().join("content/loop/back"),
    )
    .unwrap();

    let built = case.build();
    let pages = built.article_pages();
    assert!(pages.contains(&"rabat-sale-bus"), "{pages:?}");
    assert!(!pages.contains(&"outside"), "{pages:?}");
    let warnings = &built.report.warnings;
    assert!(
        built.warned(&["content/secret.md", "outside the site folder"]),
        "{warnings:?}"
    );
    assert!(
        built.warned(&["content/broken.md", "broken symbolic link"]),
        "{warnings:?}"
    );
    assert!(
        built.warned(&["content/loop/back", "loops back"]),
        "{warnings:?}"
    );
}
