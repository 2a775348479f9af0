//! The output folder is the site readers get: it never nests with an input
//! folder, a killed or concurrent build never leaves it half-written, and
//! damage done to it is repaired by the next build.

mod common;

use std::path::Path;
use std::process::Command;

use common::{TempSite, read_tree};

/// Runs the `nashra` binary on `site`; returns success, stdout and stderr.
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

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn an_output_folder_inside_an_input_folder_is_refused() {
    let site = TempSite::bundled();
    site.write("static/logo.txt", "شعار");
    for (folder, name) in [
        ("seeds/pub", "seeds"),
        ("static/pub", "static"),
        ("content/2025/site", "content"),
        ("templates/out", "templates"),
    ] {
        let out = site.root().join(folder);
        let (ok, _, stderr) = nashra(&site, &["build", "--output", path_str(&out)]);
        assert!(!ok, "--output {folder} was accepted");
        assert!(
            stderr.contains(&format!("inside the {name} folder")),
            "{folder}: {stderr}"
        );
        assert!(stderr.contains(folder), "{folder}: {stderr}");
        assert!(!out.exists(), "{folder} was created");
    }
    // The entity list's folder too, when it is not the site folder.
    site.write("data/entities.toml", "");
    site.edit_config(
        "page_size = 30",
        "page_size = 30\nentities = \"data/entities.toml\"",
    );
    let out = site.root().join("data/public");
    let (ok, _, stderr) = nashra(&site, &["build", "--output", path_str(&out)]);
    assert!(!ok);
    assert!(stderr.contains("entity list's folder"), "{stderr}");
    // A site built where it belongs still builds.
    let (ok, _, stderr) = nashra(&site, &["build"]);
    assert!(ok, "{stderr}");
}

#[test]
fn an_input_folder_inside_the_output_folder_is_refused() {
    let site = TempSite::bundled();
    site.build();
    site.edit_config(
        "output_dir = \"public\"",
        "output_dir = \"public\"\nstatic_dir = \"public/assets\"",
    );
    site.write("public/assets/logo.txt", "شعار");
    let (ok, _, stderr) = nashra(&site, &["build"]);
    assert!(!ok);
    assert!(stderr.contains("holds the static folder"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(site.root().join("public/assets/logo.txt")).unwrap(),
        "شعار",
        "the input was left alone"
    );
    // The same site built elsewhere is fine, and the static file is copied.
    let out = site.root().join("site-out");
    let (ok, _, stderr) = nashra(&site, &["build", "--output", path_str(&out)]);
    assert!(ok, "{stderr}");
    assert!(read_tree(&out).contains_key("static/logo.txt"));
}

#[test]
fn a_second_build_at_the_same_time_fails_fast_naming_the_folder() {
    let site = TempSite::bundled();
    site.build();
    let before = read_tree(&site.public());
    // A build in progress holds the lock beside the output folder.
    let lock = std::fs::File::options()
        .write(true)
        .open(site.root().join(".nashra-cache/public.lock"))
        .expect("a build leaves its lock file beside the output");
    lock.lock().unwrap();
    site.write(
        "content/2025/talks.md",
        "+++\ntitle = \"محادثات روسية كورية في موسكو\"\ndate = 2025-10-28\n+++\n\nبحث وزير الخارجية الروسي مع نظيرته الكورية الشمالية العلاقات الثنائية.\n",
    );
    let started = std::time::Instant::now();
    let (ok, _, stderr) = nashra(&site, &["build"]);
    assert!(!ok, "a second build ran alongside the first");
    assert!(stderr.contains("another build is running"), "{stderr}");
    assert!(stderr.contains(path_str(&site.public())), "{stderr}");
    assert!(started.elapsed().as_secs() < 10, "it did not wait");
    assert_eq!(read_tree(&site.public()), before, "the site was touched");
    lock.unlock().unwrap();
    let (ok, _, stderr) = nashra(&site, &["build"]);
    assert!(ok, "{stderr}");
    assert_ne!(read_tree(&site.public()), before, "the new article is out");
}

/// A clean build of the site's current input into a fresh folder, by the
/// same program as the builds under test (a build made by another program
/// is never incremental).
fn clean_build(site: &TempSite) -> std::collections::BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("clean");
    let (ok, _, stderr) = nashra(site, &["build", "-q", "--output", path_str(&target)]);
    assert!(ok, "{stderr}");
    read_tree(&target)
}

/// Builds the site; true when the build updated the last one in place.
fn build(site: &TempSite) -> bool {
    let (ok, stdout, stderr) = nashra(site, &["build"]);
    assert!(ok, "{stderr}");
    stdout.contains("updated")
}

/// Runs a build that dies (as if killed) at the named moment.
fn build_killed_at(site: &TempSite, moment: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_nashra"))
        .args(["--config", path_str(&site.config_path()), "build", "-q"])
        .env("NASHRA_CRASH_AT", moment)
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "the build was not stopped at {moment}"
    );
}

/// Names of what killed builds may leave beside or inside the output.
fn leftovers(site: &TempSite) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(site.root()) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy();
        if name.contains("nashra-staging")
            || name.ends_with(".nashra-tmp")
            || name.ends_with(".journal")
            || name.ends_with(".pending")
            || name.ends_with(".next.manifest")
        {
            found.push(entry.path().display().to_string());
        }
    }
    found
}

/// Edits one seed so that its article page, listings and feeds change.
fn edit_an_article(site: &TempSite) {
    let seed = site.root().join("seeds/001_2844c8d32394b436.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(&seed, text.replacen("بوتين يثني", "الرئيس بوتين يثني", 1)).unwrap();
    site.write(
        "content/2025/talks.md",
        "+++\ntitle = \"محادثات روسية كورية في موسكو\"\ndate = 2025-10-28\nsource = \"رويترز\"\n+++\n\nبحث وزير الخارجية الروسي سيرغي لافروف مع نظيرته الكورية الشمالية العلاقات الثنائية في موسكو.\n",
    );
    std::fs::remove_file(site.root().join("seeds/002_27db15e1adc954e4.txt")).unwrap();
}

#[test]
fn an_incremental_build_killed_before_its_changes_are_recorded_changes_nothing() {
    let site = TempSite::bundled();
    build(&site);
    let before = read_tree(&site.public());
    edit_an_article(&site);
    build_killed_at(&site, "incremental-journal");
    // The journal was complete, the files not moved yet: the old site.
    assert_eq!(read_tree(&site.public()), before);
    assert!(build(&site), "the build was incremental");
    assert_eq!(read_tree(&site.public()), clean_build(&site));
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn an_incremental_build_killed_while_moving_files_is_completed_by_the_next() {
    let site = TempSite::bundled();
    build(&site);
    let before = read_tree(&site.public());
    edit_an_article(&site);
    build_killed_at(&site, "incremental-apply");
    let during = read_tree(&site.public());
    assert_ne!(during, before, "the build was killed halfway through");
    assert!(
        !during
            .keys()
            .any(|p| p.contains("nashra") && !p.ends_with(nashra::output::MARKER)),
        "a temporary file is in the output: {:?}",
        during
            .keys()
            .filter(|p| p.contains("nashra"))
            .collect::<Vec<_>>()
    );
    assert!(build(&site), "the build was incremental");
    assert_eq!(read_tree(&site.public()), clean_build(&site));
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn a_full_build_killed_after_the_swap_leaves_the_new_site_and_is_cleaned_up() {
    let site = TempSite::bundled();
    build(&site);
    // A template change makes the next build a full one.
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>لا شيء هنا</h1>{% endblock main %}",
    );
    build_killed_at(&site, "full-remove-old");
    assert_eq!(read_tree(&site.public()), clean_build(&site));
    assert!(!leftovers(&site).is_empty(), "the old site was not removed");
    build(&site);
    assert_eq!(read_tree(&site.public()), clean_build(&site));
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn what_killed_builds_left_is_cleaned_up_by_the_next() {
    let site = TempSite::bundled();
    build(&site);
    // A killed full build's staging folder and an old incremental build's
    // temporary file.
    site.write(".public.nashra-staging-4242/index.html", "<html>نصف صفحة");
    site.write(
        ".public.nashra-staging-4242/articles/x/index.html",
        "<html>",
    );
    site.write(".public.nashra-staging-4243.old/index.html", "<html>قديم");
    site.write(".nashra-cache/public.pending/3.nashra-tmp", "<html>");
    site.write(
        ".nashra-cache/public.journal.tmp",
        "nashra-journal 1\nput\t3.nashra-tmp\tindex.html\n",
    );
    edit_an_article(&site);
    assert!(build(&site), "the build was incremental");
    assert_eq!(leftovers(&site), Vec::<String>::new());
    assert_eq!(read_tree(&site.public()), clean_build(&site));
}
