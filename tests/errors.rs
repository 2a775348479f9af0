//! Bad input: each error names the file (and line), exits non-zero, and
//! leaves the previous site untouched.

mod common;

use std::process::Command;

use common::{TempSite, read_tree};

fn nashra(site: &TempSite, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nashra"))
        .args(["--config", site.config_path().to_str().unwrap()])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// Builds once, breaks the input with `breakage`, builds again and checks
/// that the build fails with `expected` in its message and the first site
/// is still there, byte for byte.
fn fails_cleanly(breakage: impl FnOnce(&TempSite), expected: &[&str]) {
    let site = TempSite::bundled();
    let (ok, stdout, _) = nashra(&site, &["build"]);
    assert!(ok);
    assert!(stdout.contains("built"), "{stdout}");
    let before = read_tree(&site.public());
    breakage(&site);
    let (ok, _, stderr) = nashra(&site, &["build"]);
    assert!(!ok, "the build should fail");
    for e in expected {
        assert!(stderr.contains(e), "`{e}` not in: {stderr}");
    }
    assert_eq!(
        read_tree(&site.public()),
        before,
        "a failed build changed the site"
    );
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "staging left behind: {leftovers:?}");
}

#[test]
fn malformed_front_matter_names_file_and_line() {
    fails_cleanly(
        |s| {
            s.write(
                "content/bad.md",
                "+++\ntitle = \"خبر\"\ndate = 2025-13-45\n+++\nنص\n",
            )
        },
        &["content/bad.md:3"],
    );
}

#[test]
fn unclosed_front_matter_names_the_file() {
    fails_cleanly(
        |s| s.write("content/open.md", "+++\ntitle = \"خبر\"\nنص بلا نهاية\n"),
        &["content/open.md:1", "never closed"],
    );
}

#[test]
fn non_utf8_article_names_file_and_line() {
    fails_cleanly(
        |s| {
            std::fs::write(
                s.root().join("seeds/latin1.txt"),
                b"\xd8\xae\xd8\xa8\xd8\xb1\n\xe9t\xe9\n",
            )
            .unwrap()
        },
        &["seeds/latin1.txt:2", "UTF-8"],
    );
}

#[test]
fn unknown_site_key_names_key_and_line() {
    let config =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/site.toml")).unwrap();
    let line = config
        .lines()
        .position(|l| l.starts_with("feed_items"))
        .unwrap()
        + 2;
    let expected = format!("site.toml:{line}");
    fails_cleanly(
        |s| s.edit_config("feed_items = 20", "feed_items = 20\nfeed_itmes = 5"),
        &[&expected, "feed_itmes"],
    );
}

#[test]
fn template_error_names_the_template() {
    fails_cleanly(
        |s| {
            s.write("templates/article.html", "{% extends \"base.html\" %}{% block main %}{{ article.title | nosuchfilter }}{% endblock main %}")
        },
        &["article.html", "nosuchfilter"],
    );
}

#[test]
fn duplicate_slugs_name_both_files() {
    fails_cleanly(
        |s| {
            s.write(
                "content/a.md",
                "+++\ntitle = \"أ\"\nslug = \"same\"\n+++\nنص\n",
            );
            s.write(
                "content/b.md",
                "+++\ntitle = \"ب\"\nslug = \"same\"\n+++\nنص\n",
            );
        },
        &["content/b.md", "content/a.md", "same"],
    );
}

#[test]
fn slug_that_would_escape_the_output_is_refused() {
    fails_cleanly(
        |s| {
            s.write(
                "content/evil.md",
                "+++\ntitle = \"x\"\nslug = \"../../etc\"\n+++\nنص\n",
            )
        },
        &["content/evil.md", "slug"],
    );
}

#[test]
fn inspect_json_describes_every_article() {
    let site = TempSite::bundled();
    let (ok, stdout, stderr) = nashra(&site, &["inspect", "--json"]);
    assert!(ok, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["schema"], 1);
    let articles = report["articles"].as_array().unwrap();
    assert!(articles.len() >= 5);
    for a in articles {
        for key in [
            "file",
            "title",
            "date",
            "date_origin",
            "source",
            "author",
            "topics",
            "entities",
            "word_count",
            "warnings",
            "story",
        ] {
            assert!(a.get(key).is_some(), "article lacks `{key}`: {a}");
        }
        assert!(a["word_count"].as_u64().unwrap() > 50);
    }
    let (ok, text, _) = nashra(&site, &["inspect", "seeds/000_c4136c4aebd014f9.txt"]);
    assert!(ok);
    assert!(text.starts_with("seeds/000_c4136c4aebd014f9.txt"), "{text}");
    assert!(
        !text.contains("seeds/001"),
        "inspect FILE shows only that file"
    );

    // A byline: its writer, and the line among the removed debris.
    site.write(
        "seeds/byline.txt",
        "المركزي يثبت أسعار الفائدة\nكتبت: هدى محمود\nقررت لجنة السياسة النقدية في البنك المركزي الإبقاء على أسعار الفائدة دون تغيير.\n",
    );
    let (ok, text, _) = nashra(&site, &["inspect", "seeds/byline.txt"]);
    assert!(ok);
    assert!(text.contains("  author    هدى محمود\n"), "{text}");
    assert!(text.contains("1 byline"), "{text}");
}
