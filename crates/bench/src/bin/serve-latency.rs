//! How long `nashra serve` takes from an editor saving one article to the
//! open pages showing it: to the event that reloads the edited article's
//! page (`changed`, from the preview of the edit; `reload` when there is
//! none), and to the `reload` that follows once the whole site is built
//! again.
//!
//! ```text
//! cargo run --release -p nashra-bench --bin bench-corpus -- --n 10000 --out /tmp/serve-10k
//! cargo run --release -p nashra-bench --bin serve-latency -- --site /tmp/serve-10k [--site DIR…] [--saves 6]
//! ```
//!
//! For each site the release `nashra serve` runs as a child process on a
//! free port, builds into the site's `.nashra-serve/` (a full build the
//! first time, then incremental), and this program listens on its event
//! stream as a page does. It then saves
//! articles the way an editor does, one at a time: alternately a raw
//! article with a clause added to its first sentence and a Markdown
//! article with a new title, each save timed from the moment the write
//! returns to the moment each event is read. Each save waits for the
//! whole site and two seconds more, so that each is a rebuild of its own.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use nashra::serve::EVENTS_PATH;

const PAUSE: Duration = Duration::from_secs(2);

/// How long the first build may take before the server counts as stuck.
const FIRST_BUILD_LIMIT: Duration = Duration::from_secs(600);

fn main() -> Result<()> {
    let program = nashra_bench::nashra_program()?;
    let mut sites = Vec::new();
    let mut saves = 6;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--site" => sites.push(PathBuf::from(args.next().context("--site needs a folder")?)),
            "--saves" => saves = args.next().context("--saves needs a number")?.parse()?,
            other => {
                bail!(
                    "unknown argument {other}; see the doc comment of crates/bench/src/bin/serve-latency.rs"
                )
            }
        }
    }
    if sites.is_empty() {
        bail!("give at least one --site DIR (written by the bench-corpus program)");
    }
    let mut rows = Vec::new();
    for site in &sites {
        rows.push(measure(&program, site, saves)?);
    }
    println!();
    println!(
        "| site | articles | first build s | saves | its page s, median (min–max) | whole site s, median (min–max) |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for row in rows {
        println!("{row}");
    }
    Ok(())
}

fn measure(program: &Path, site: &Path, saves: usize) -> Result<String> {
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

    let port = free_port()?;
    let started = Instant::now();
    let mut server = Server(
        Command::new(program)
            .arg("--config")
            .arg(site.join("site.toml"))
            .args(["serve", "--port", &port.to_string()])
            .stdout(Stdio::null())
            .spawn()
            .context("cannot start nashra serve")?,
    );
    let address = format!("127.0.0.1:{port}");
    let mut events = listen(&address, started, &mut server.0)?;
    let first_build = started.elapsed();
    // Inputs written just before a build are read again by the next one:
    // let the first build's inputs settle, as an editor's archive has.
    std::thread::sleep(PAUSE);

    let (mut page_times, mut site_times) = (Vec::new(), Vec::new());
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
        let first = wait_for(&mut events, &["event: changed", "event: reload"])?;
        let page = saved.elapsed();
        if first == "event: changed" {
            wait_for(&mut events, &["event: reload"])?;
        }
        let whole = saved.elapsed();
        println!(
            "  saved {} → its page in {:.3} s, the whole site in {:.3} s",
            path.strip_prefix(site).unwrap_or(path).display(),
            page.as_secs_f64(),
            whole.as_secs_f64()
        );
        page_times.push(page.as_secs_f64());
        site_times.push(whole.as_secs_f64());
        std::thread::sleep(PAUSE);
    }
    drop(server);

    let articles = raw.len() + files(&site.join("content"), "md").len();
    Ok(format!(
        "| {} | {articles} | {:.2} | {} | {} | {} |",
        site.display(),
        first_build.as_secs_f64(),
        page_times.len(),
        spread(page_times),
        spread(site_times),
    ))
}

/// Median, minimum and maximum of `times`, as table cells.
fn spread(mut times: Vec<f64>) -> String {
    times.sort_by(f64::total_cmp);
    let n = times.len();
    let median = if n % 2 == 1 {
        times[n / 2]
    } else {
        (times[n / 2 - 1] + times[n / 2]) / 2.0
    };
    format!("{median:.3} ({:.3}–{:.3})", times[0], times[n - 1])
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

/// The running `nashra serve`, stopped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port nothing listens on now.
fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Opens the event stream as a page does, once the server listens (after
/// its first build), and reads up to its greeting.
fn listen(address: &str, started: Instant, server: &mut Child) -> Result<BufReader<TcpStream>> {
    let mut stream = loop {
        match TcpStream::connect(address) {
            Ok(stream) => break stream,
            Err(_) if started.elapsed() < FIRST_BUILD_LIMIT => {
                if let Some(status) = server.try_wait()? {
                    bail!("nashra serve exited ({status}) before it listened");
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(e).context("nashra serve never listened"),
        }
    };
    stream.set_read_timeout(Some(Duration::from_secs(600)))?;
    write!(
        stream,
        "GET {EVENTS_PATH} HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )?;
    let mut events = BufReader::new(stream);
    wait_for(&mut events, &["event: hello"])?;
    Ok(events)
}

/// Reads the stream up to the first line among `wanted`, and returns it; a
/// `failed` event is an error.
fn wait_for<'w>(events: &mut BufReader<TcpStream>, wanted: &[&'w str]) -> Result<&'w str> {
    let mut line = String::new();
    loop {
        line.clear();
        if events.read_line(&mut line)? == 0 {
            bail!("the event stream ended");
        }
        let line = line.trim_end();
        if let Some(found) = wanted.iter().find(|w| **w == line) {
            return Ok(found);
        }
        if line == "event: failed" {
            bail!("a rebuild failed (see the error above)");
        }
    }
}
