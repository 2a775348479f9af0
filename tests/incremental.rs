//! Incremental builds: after any change, the updated site equals a clean
//! build of the same input, byte for byte, and unchanged files are left
//! alone.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use common::{TempSite, read_tree};

/// A clean build of the site's current input into a fresh folder.
fn clean_build(site: &TempSite) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("clean");
    nashra::build::build(&site.config(), Some(&target)).unwrap();
    read_tree(&target)
}

fn mtimes(root: &Path) -> BTreeMap<String, SystemTime> {
    read_tree(root)
        .into_keys()
        .map(|p| {
            let t = std::fs::metadata(root.join(&p))
                .unwrap()
                .modified()
                .unwrap();
            (p, t)
        })
        .collect()
}

/// Builds, applies `change`, builds again incrementally, and checks the
/// result against a clean build. Returns the second build's report.
fn check(change: impl FnOnce(&TempSite)) -> (nashra::build::Report, TempSite) {
    let site = TempSite::bundled();
    let first = site.build();
    assert!(!first.incremental);
    change(&site);
    let second = site.build();
    let updated = read_tree(&site.public());
    let clean = clean_build(&site);
    assert_eq!(
        updated.keys().collect::<Vec<_>>(),
        clean.keys().collect::<Vec<_>>(),
        "the same files exist"
    );
    for (path, bytes) in &clean {
        assert!(updated[path] == *bytes, "{path} differs from a clean build");
    }
    (second, site)
}

#[test]
fn unchanged_input_rewrites_nothing() {
    let site = TempSite::bundled();
    site.build();
    let before = mtimes(&site.public());
    let report = site.build();
    assert!(report.incremental);
    assert_eq!(report.rewritten, 0);
    assert_eq!(mtimes(&site.public()), before, "no file was touched");
}

#[test]
fn editing_one_article_rewrites_only_what_shows_it() {
    let site = TempSite::bundled();
    site.build();
    let before = mtimes(&site.public());
    let seed = site.root().join("seeds/004_76f48df9906ecace.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(
        &seed,
        text.replacen("معرض للوحات فنية", "معرض كبير للوحات فنية", 1),
    )
    .unwrap();
    let report = site.build();
    assert!(report.incremental);
    assert_eq!(
        report.reused_files,
        report.input_files - 1,
        "only the edited file is analysed again"
    );
    assert!(report.rewritten > 0, "the article page changed");
    assert!(
        report.rewritten < report.files / 2,
        "{} of {} files rewritten",
        report.rewritten,
        report.files
    );
    let after = mtimes(&site.public());
    let touched: Vec<&String> = after
        .keys()
        .filter(|p| before.get(*p) != after.get(*p))
        .collect();
    assert_eq!(touched.len(), report.rewritten, "{touched:?}");
    assert!(
        !touched.iter().any(|p| p.starts_with("about/")),
        "{touched:?}"
    );
    let clean = clean_build(&site);
    assert_eq!(read_tree(&site.public()), clean);
}

#[test]
fn changing_an_article_equals_a_clean_build() {
    check(|site| {
        let seed = site.root().join("seeds/001_2844c8d32394b436.txt");
        let text = std::fs::read_to_string(&seed).unwrap();
        std::fs::write(&seed, text.replacen("بوتين يثني", "الرئيس بوتين يثني", 1)).unwrap();
    });
}

#[test]
fn adding_an_article_equals_a_clean_build() {
    let (report, _site) = check(|site| {
        site.write(
            "content/2025/talks.md",
            "+++\ntitle = \"محادثات روسية كورية في موسكو\"\ndate = 2025-10-28\nsource = \"رويترز\"\n+++\n\nبحث وزير الخارجية الروسي سيرغي لافروف مع نظيرته الكورية الشمالية العلاقات الثنائية في موسكو.\n",
        )
    });
    assert!(report.incremental);
    assert!(report.rewritten > 0);
}

#[test]
fn deleting_an_article_equals_a_clean_build_and_removes_its_page() {
    let (report, site) = check(|site| {
        std::fs::remove_file(site.root().join("seeds/002_27db15e1adc954e4.txt")).unwrap();
    });
    assert!(report.incremental);
    assert!(
        report.removed > 0,
        "the deleted article's files are removed"
    );
    let leftovers: Vec<String> = read_tree(&site.public())
        .into_keys()
        .filter(|p| p.starts_with("articles/bwtyn-yltqy-abrz"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn changing_a_template_rebuilds_everything_correctly() {
    let (report, _site) = check(|site| {
        site.write(
            "templates/404.html",
            "{% extends \"base.html\" %}{% block main %}<h1>لا شيء هنا</h1>{% endblock main %}",
        );
    });
    // A template change makes a full build: the cache key no longer matches.
    assert!(!report.incremental);
}

#[test]
fn changing_site_config_equals_a_clean_build() {
    check(|site| site.edit_config("title = \"نشرة\"", "title = \"نشرة الصباح\""));
}

#[test]
fn changing_the_entity_list_analyses_every_article_again() {
    let site = TempSite::bundled();
    site.write("entities.toml", "");
    site.edit_config(
        "page_size = 30",
        "page_size = 30\nentities = \"entities.toml\"",
    );
    site.build();
    assert!(!site.public().join("entities/art-show/index.html").exists());
    site.write(
        "entities.toml",
        "[[entity]]\nslug = \"art-show\"\nname = \"معرض للوحات فنية\"\nkind = \"organisation\"\n",
    );
    let report = site.build();
    assert_eq!(
        report.reused_files, 0,
        "the cached analysis used the old list"
    );
    assert!(site.public().join("entities/art-show/index.html").exists());
    assert_eq!(read_tree(&site.public()), clean_build(&site));
}

#[test]
fn a_damaged_analysis_cache_is_not_trusted() {
    let (report, _site) = check(|site| {
        let shards = site.root().join(".nashra-cache/public.analysis");
        let shards = std::fs::read_dir(&shards).expect("the first build saved its analysis");
        for shard in shards {
            let path = shard.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        }
    });
    assert_eq!(report.reused_files, 0);
}

#[test]
fn editing_a_markdown_article_renders_its_new_body() {
    let article = "+++\ntitle = \"محادثات روسية كورية في موسكو\"\ndate = 2025-10-28\nsource = \"رويترز\"\n+++\n\nبحث وزير الخارجية الروسي سيرغي لافروف مع نظيرته الكورية الشمالية العلاقات الثنائية في موسكو.\n";
    let site = TempSite::bundled();
    site.write("content/2025/talks.md", article);
    site.build();
    site.write(
        "content/2025/talks.md",
        &article.replace("في موسكو.", "في موسكو، وفق **بيان** رسمي."),
    );
    let report = site.build();
    assert!(report.incremental);
    assert_eq!(report.reused_files, report.input_files - 1);
    let updated = read_tree(&site.public());
    assert!(
        updated
            .iter()
            .any(|(path, bytes)| path.starts_with("articles/")
                && String::from_utf8_lossy(bytes).contains("<strong>بيان</strong>")),
        "the article page shows the edited body"
    );
    assert_eq!(updated, clean_build(&site));
}

#[test]
fn an_edit_that_keeps_the_size_and_modification_time_is_still_seen() {
    let site = TempSite::bundled();
    site.build();
    // Once the inputs have settled, a rebuild trusts the stamps of unchanged
    // files instead of reading them.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    site.build();
    let seed = site.root().join("seeds/004_76f48df9906ecace.txt");
    let modified = std::fs::metadata(&seed).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&seed).unwrap();
    let edited = text.replacen("معرض", "مهرج", 1);
    assert_eq!(edited.len(), text.len());
    std::fs::write(&seed, edited).unwrap();
    let file = std::fs::File::options().write(true).open(&seed).unwrap();
    file.set_modified(modified).unwrap();
    let report = site.build();
    assert_eq!(report.reused_files, report.input_files - 1);
    assert_eq!(read_tree(&site.public()), clean_build(&site));
}

#[test]
fn damaged_output_is_repaired_by_the_next_build() {
    let site = TempSite::bundled();
    site.build();
    let public = site.public();
    // Deleted, garbled in place, replaced by a copy of the same size and
    // time, and a whole folder gone.
    std::fs::remove_file(public.join("index.html")).unwrap();
    std::fs::write(public.join("rss.xml"), "<rss><channel><title>مكسور").unwrap();
    let page = read_tree(&public)
        .into_keys()
        .find(|p| p.starts_with("articles/") && p.ends_with("index.html"))
        .unwrap();
    let original = std::fs::metadata(public.join(&page)).unwrap();
    let forged = public.join("forged.tmp");
    std::fs::write(&forged, vec![b' '; original.len() as usize]).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&forged)
        .unwrap()
        .set_modified(original.modified().unwrap())
        .unwrap();
    std::fs::rename(&forged, public.join(&page)).unwrap();
    let topic = read_tree(&public)
        .into_keys()
        .find(|p| p.starts_with("topics/") && p.matches('/').count() == 2)
        .unwrap();
    let folder = Path::new(&topic).parent().unwrap();
    let in_folder = read_tree(&public)
        .into_keys()
        .filter(|p| Path::new(p).starts_with(folder))
        .count();
    std::fs::remove_dir_all(public.join(folder)).unwrap();

    let report = site.build();
    assert!(report.incremental);
    assert_eq!(
        report.repaired,
        3 + in_folder,
        "{page}, {folder:?}, index.html, rss.xml"
    );
    assert_eq!(read_tree(&public), clean_build(&site));
    let again = site.build();
    assert_eq!((again.rewritten, again.repaired), (0, 0));
}

/// A report from Stockholm that names the minister without a title: alone
/// it makes nobody a discovered entity.
const UNTITLED_MENTION: &str = "+++\ntitle = \"السويد تستضيف محادثات حول شبه الجزيرة الكورية\"\ndate = 2025-10-27\nsource = \"رويترز\"\n+++\n\nاستضافت ستوكهولم محادثات بشأن شبه الجزيرة الكورية، وشارك فيها يوهانس كارلسون إلى جانب دبلوماسيين من عدة دول.\n";

/// A later report that introduces him by his office.
const TITLED_MENTION: &str = "+++\ntitle = \"وزير سويدي يدعو إلى الحوار\"\ndate = 2025-10-28\nsource = \"فرانس برس\"\n+++\n\nقال وزير الخارجية السويدي يوهانس كارلسون إن الحوار هو الطريق الوحيد لتخفيف التوتر في المنطقة.\n";

fn names_karlsson(site: &TempSite, file: &str) -> bool {
    let corpus = site.corpus();
    let article = corpus.articles.iter().find(|a| a.file == file).unwrap();
    article.entities.iter().any(|m| {
        corpus
            .entities
            .get(&m.slug)
            .is_some_and(|e| e.name == "يوهانس كارلسون" && e.discovered.is_some())
    })
}

#[test]
fn a_name_discovered_by_a_new_article_reaches_the_unchanged_articles_naming_it() {
    let site = TempSite::bundled();
    site.write("content/2025/stockholm.md", UNTITLED_MENTION);
    site.build();
    assert!(!names_karlsson(&site, "content/2025/stockholm.md"));
    site.write("content/2025/minister.md", TITLED_MENTION);
    let report = site.build();
    assert!(report.incremental);
    assert!(
        names_karlsson(&site, "content/2025/stockholm.md"),
        "the unchanged article names the entity the new one introduced"
    );
    assert_eq!(read_tree(&site.public()), clean_build(&site));
}

#[test]
fn a_discovered_name_that_loses_its_evidence_leaves_every_article() {
    let site = TempSite::bundled();
    site.write("content/2025/stockholm.md", UNTITLED_MENTION);
    site.write("content/2025/minister.md", TITLED_MENTION);
    site.build();
    assert!(names_karlsson(&site, "content/2025/stockholm.md"));
    site.write(
        "content/2025/minister.md",
        &TITLED_MENTION.replace(
            "وزير الخارجية السويدي يوهانس كارلسون",
            "وزير الخارجية السويدي",
        ),
    );
    let report = site.build();
    assert!(report.incremental);
    assert!(!names_karlsson(&site, "content/2025/stockholm.md"));
    assert_eq!(read_tree(&site.public()), clean_build(&site));
}

#[test]
fn a_new_headline_reaches_the_feeds_that_list_the_article() {
    let (_, site) = check(|site| {
        let seed = site.root().join("seeds/001_2844c8d32394b436.txt");
        let text = std::fs::read_to_string(&seed).unwrap();
        std::fs::write(
            &seed,
            text.replacen("بوتين يثني على", "بوتين يشيد مجددا بـ", 1),
        )
        .unwrap();
    });
    let feeds: Vec<String> = read_tree(&site.public())
        .into_iter()
        .filter(|(path, _)| path.ends_with("rss.xml") && path.contains('/'))
        .map(|(_, bytes)| String::from_utf8(bytes).unwrap())
        .filter(|xml| xml.contains("بوتين يشيد مجددا"))
        .collect();
    assert!(
        feeds.len() >= 2,
        "the topic, entity and outlet feeds carry the new headline"
    );
    assert!(feeds.iter().all(|xml| !xml.contains("بوتين يثني على")));
}
