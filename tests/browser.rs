//! The bundled site read as browsers read it: the Nu HTML checker and
//! axe-core in Chromium, light and dark (`tests/browser/check.mjs`).
//!
//! These need Chromium, Java, Node and the npm packages of `tests/browser/`,
//! which `.ci/run` installs (and then also checks a 1,000-article bench
//! site). Without them this test says what it skipped and passes, except
//! under CI, which never skips.

mod common;

use std::path::Path;
use std::process::Command;

use common::TempSite;

/// What the browser checks need that this machine lacks.
fn missing() -> Vec<&'static str> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let runs = |program: &str, arg: &str| {
        Command::new(program)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let mut missing = Vec::new();
    if !Path::new(&std::env::var("CHROMIUM").unwrap_or("/usr/bin/chromium".into())).exists() {
        missing.push("chromium");
    }
    if !runs("java", "-version") {
        missing.push("java");
    }
    if !runs("node", "--version") {
        missing.push("node");
    }
    for package in ["axe-core", "playwright-core", "vnu-jar"] {
        if !here.join("node_modules").join(package).is_dir() {
            missing.push(package);
        }
    }
    missing
}

#[test]
fn the_bundled_site_passes_the_nu_checker_and_axe_in_light_and_dark() {
    let missing = missing();
    if !missing.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI lacks {missing:?} for the browser checks"
        );
        eprintln!(
            "skipped: the browser checks need {} (`.ci/run` installs them)",
            missing.join(", ")
        );
        return;
    }
    let site = TempSite::bundled();
    site.build();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/check.mjs");
    let out = Command::new("node")
        .arg(script)
        .arg(site.public())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains("nu: 0 errors"), "{report}");
    assert!(
        report.contains("axe: 0 serious or critical violations"),
        "{report}"
    );
}
