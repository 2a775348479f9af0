//! nashra's benchmark, kept out of the program editors run: the synthetic
//! archive it builds ([`corpus`]) and what the two programs share.
//!
//! - `cargo run --release -p nashra-bench --bin bench-corpus -- --n N --out DIR`
//!   writes an archive of N articles as a complete site folder;
//! - `cargo run --release -p nashra-bench --bin bench` times full and
//!   incremental builds of such archives (see `BENCHMARKS.md`).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

pub mod corpus;

/// The workspace folder: where `templates/`, `target/` and `BENCHMARKS.md`
/// are.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .components()
        .collect()
}

/// The `nashra` program in release, built now if it is missing or out of
/// date, so that the benchmark always times the current code as editors
/// run it.
pub fn nashra_program() -> Result<PathBuf> {
    let root = workspace_root();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "nashra",
            "--bin",
            "nashra",
        ])
        .current_dir(&root)
        .status()
        .context("cannot run cargo to build nashra")?;
    if !status.success() {
        bail!("building nashra failed ({status})");
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    Ok(target.join("release").join("nashra"))
}
