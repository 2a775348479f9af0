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
