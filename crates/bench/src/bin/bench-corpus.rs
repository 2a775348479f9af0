//! Writes a synthetic Arabic news archive (a complete site folder) for
//! benchmarks: `bench-corpus --n N --out DIR [--seed S] [--templates DIR]`.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use nashra_bench::corpus::{Corpus, write_site};

fn main() -> Result<()> {
    let mut n = None;
    let mut out = None;
    let mut seed = 1;
    let mut templates = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--n" => {
                n = Some(
                    value()?
                        .replace('_', "")
                        .parse()
                        .context("--n takes a number")?,
                )
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().context("--seed takes a number")?,
            "--templates" => templates = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                println!(
                    "usage: bench-corpus --n N --out DIR [--seed S] [--templates DIR]\n\n\
                     Writes N articles as a site folder (its seeds/ and content/ are replaced).\n\
                     The same seed writes the same bytes. Templates default to ./templates\n\
                     when it exists."
                );
                return Ok(());
            }
            other => bail!("unknown argument {other} (try --help)"),
        }
    }
    let (Some(n), Some(out)) = (n, out) else {
        bail!("--n and --out are required (try --help)")
    };
    let default = PathBuf::from("templates");
    let templates = templates.or_else(|| default.is_dir().then_some(default));
    let start = Instant::now();
    let corpus = Corpus::new(n, seed);
    let s = write_site(&out, &corpus, templates.as_deref())?;
    println!(
        "wrote {} articles ({} raw, {} Markdown) telling {} events, {:.1} MB, into {} ({:.2} s)",
        s.articles,
        s.raw,
        s.markdown,
        s.events,
        s.bytes as f64 / 1e6,
        out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
