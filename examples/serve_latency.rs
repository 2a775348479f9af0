//! How long `nashra serve` takes from an editor saving one article to the
//! open pages hearing `reload`.
//!
//! ```text
//! cargo run --release -- bench-corpus --n 10000 --out /tmp/serve-10k
//! cargo run --release --example serve_latency -- --site /tmp/serve-10k [--site DIR…] [--saves 6]
//! ```
//!
//! For each site the server runs in this process (the same code as
//! `nashra serve`, on a port the system picks), builds into the site's
//! `.nashra-serve/` (a full build the first time, then incremental), and
//! this program listens on its event stream as a page does. It then saves
//! articles the way an editor does, one at a time: alternately a raw
//! article with a clause added to its first sentence and a Markdown
//! article with a new title, each save timed from the moment the write
//! returns to the moment the `reload` event is read. Saves are two seconds
//! apart, so that each is a rebuild of its own.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use nashra::serve::{EVENTS_PATH, Options, Server, Stop};

/// The same allocator as the `nashra` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PAUSE: Duration = Duration::from_secs(2);

fn main() -> Result<()> {
    nashra::allocator::no_huge_pages();
    let mut sites = Vec::new();
    let mut saves = 6;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--site" => sites.push(PathBuf::from(args.next().context("--site needs a folder")?)),
            "--saves" => saves = args.next().context("--saves needs a number")?.parse()?,
            other => {
                bail!("unknown argument {other}; see the doc comment of examples/serve_latency.rs")
            }
        }
    }
    if sites.is_empty() {
        bail!("give at least one --site DIR (written by `nashra bench-corpus`)");
    }
    let mut rows = Vec::new();
    for site in &sites {
        rows.push(measure(site, saves)?);
    }
    println!();
    println!("| site | articles | first build s | saves | median s | min s | max s |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for row in rows {
        println!("{row}");
    }
    Ok(())
}

fn measure(site: &Path, saves: usize) -> Result<String> {
    let raw = files(&site.join("seeds"), "txt");
    let markdown: Vec<PathBuf> = files(&site.join("content"), "md")
        .into_iter()
        .filter(|p| {
            read(p).is_ok_and(|t| t.contains("\ntitle = \"") && !t.contains("draft = true"))
        })
        .collect();
    if raw.is_empty() || markdown.is_empty() {
        bail!(
            "{}: expected raw and Markdown articles (a bench-corpus site)",
            site.display()
        );
    }

    let mut options = Options::new(site.join("site.toml"));
    options.port = 0;
    let stop = Stop::default();
    let started = Instant::now();
    let server = Server::start(&options, stop.clone())?;
    let first_build = started.elapsed();
    let mut events = listen(&server.url)?;
    // Inputs written just before a build are read again by the next one:
    // let the first build's inputs settle, as an editor's archive has.
    std::thread::sleep(PAUSE);

    let mut times = Vec::new();
    for round in 0..saves {
        let (path, edited) = if round % 2 == 0 {
            let path = &raw[(raw.len() / 2 + round) % raw.len()];
            (path, add_clause(&read(path)?, round)?)
        } else {
            let path = &markdown[(markdown.len() / 2 + round) % markdown.len()];
            (path, retitle(&read(path)?, round)?)
        };
        std::fs::write(path, edited)?;
        let saved = Instant::now();
        wait_for(&mut events, "event: reload")?;
        let took = saved.elapsed();
        println!(
            "  saved {} → reload in {:.3} s",
            path.strip_prefix(site).unwrap_or(path).display(),
            took.as_secs_f64()
        );
        times.push(took.as_secs_f64());
        std::thread::sleep(PAUSE);
    }
    stop.request();
    server.wait();

    let articles = raw.len() + files(&site.join("content"), "md").len();
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let median = if sorted.len() % 2 == 1 {
        sorted[sorted.len() / 2]
    } else {
        (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) / 2.0
    };
    Ok(format!(
        "| {} | {articles} | {:.2} | {} | {median:.3} | {:.3} | {:.3} |",
        site.display(),
        first_build.as_secs_f64(),
        sorted.len(),
        sorted[0],
        sorted[sorted.len() - 1]
    ))
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))
}

/// Files ending in `.ext` under `dir`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    found.sort();
    found
}

/// A raw article with a clause added to its first sentence.
fn add_clause(text: &str, round: usize) -> Result<String> {
    let Some(stop) = text.find('.') else {
        bail!("no sentence to edit")
    };
    Ok(format!(
        "{}، وفق ما أفادت المصادر في التحديث {}{}",
        &text[..stop],
        round + 1,
        &text[stop..]
    ))
}

/// A Markdown article with a new title.
fn retitle(text: &str, round: usize) -> Result<String> {
    let at = text.find("\ntitle = \"").context("no title")? + "\ntitle = \"".len();
    Ok(format!(
        "{}تحديث {}: {}",
        &text[..at],
        round + 1,
        &text[at..]
    ))
}

/// Opens the event stream as a page does, and reads up to its greeting.
fn listen(url: &str) -> Result<BufReader<TcpStream>> {
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(address)?;
    stream.set_read_timeout(Some(Duration::from_secs(600)))?;
    write!(
        stream,
        "GET {EVENTS_PATH} HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )?;
    let mut events = BufReader::new(stream);
    wait_for(&mut events, "event: hello")?;
    Ok(events)
}

/// Reads the stream up to the line `wanted`; a `failed` event is an error.
fn wait_for(events: &mut BufReader<TcpStream>, wanted: &str) -> Result<()> {
    let mut line = String::new();
    loop {
        line.clear();
        if events.read_line(&mut line)? == 0 {
            bail!("the event stream ended");
        }
        match line.trim_end() {
            l if l == wanted => return Ok(()),
            "event: failed" => bail!("a rebuild failed (see the error above)"),
            _ => {}
        }
    }
}
