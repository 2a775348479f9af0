//! `nashra serve`: builds the site into a folder of its own, serves it on
//! the local machine, rebuilds it when an input changes and reloads the
//! pages open in the browser.
//!
//! - The site is built by [`crate::build::build`], the same incremental
//!   build as `nashra build`, with `base_url` set to the local address,
//!   into `.nashra-serve/` beside `site.toml` (never `public/`, unless
//!   asked with `--output`), so its cache (`.nashra-cache/.nashra-serve.*`)
//!   is its own and a deploy build never holds local links.
//! - `watch` reports changed inputs; a thread rebuilds after each batch
//!   of changes, one build at a time.
//! - `http` answers requests from the built folder (`files` maps URLs
//!   to files), adding `live`'s reload script to each HTML page.
//! - After an edit to articles, `preview` first makes those articles' pages
//!   again from the last build's site, and the pages showing them reload;
//!   the rebuild follows and reloads every page once the whole site is
//!   made again.
//! - A failed rebuild leaves the last good site in place (a build changes
//!   nothing until it has succeeded): it is still served, with the error in
//!   the terminal and in a banner on every page until a build succeeds.

mod files;
mod http;
mod live;
mod preview;
mod watch;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::build::{Progress, Report};
use crate::config::Config;
use crate::corpus::Corpus;

pub use live::EVENTS_PATH;
use live::Live;
use preview::LastBuild;
use watch::{Watch, WatchSet};

/// The port tried first when none is given.
pub const DEFAULT_PORT: u16 = 1111;

/// The folder, beside `site.toml`, that `serve` builds into by default.
pub const SERVE_DIR: &str = ".nashra-serve";

/// How many ports after the default one are tried when it is in use.
const PORTS_TRIED: u16 = 10;

/// How often the HTTP and rebuild threads look whether to stop.
const POLL: Duration = Duration::from_millis(100);
/// How long the inputs stay unchanged before serve makes the search index
/// the builds after an edit kept (see [`Builder::refresh_index`]).
const INDEX_AFTER: Duration = Duration::from_secs(5);

/// How often open event streams are sent a comment, so that streams of
/// closed pages are noticed and let go.
const PING_EVERY: Duration = Duration::from_secs(15);

/// What `nashra serve` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's `site.toml`.
    pub config: PathBuf,
    /// Address to listen on (`127.0.0.1`: this machine only).
    pub bind: IpAddr,
    /// Port to listen on; 0 lets the system choose.
    pub port: u16,
    /// True when the port was asked for: then a port in use is an error.
    /// Otherwise the next free one of the following few is taken.
    pub port_fixed: bool,
    /// Build here instead of `.nashra-serve/` beside `site.toml`.
    pub output: Option<PathBuf>,
}

impl Options {
    /// Serving the site of `config` on the default address and port.
    pub fn new(config: PathBuf) -> Options {
        Options {
            config,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: DEFAULT_PORT,
            port_fixed: false,
            output: None,
        }
    }
}

/// Asks a running server to stop; clones share the request. Safe to call
/// from a signal handler's thread.
#[derive(Clone, Default)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    pub fn request(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn requested(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// `nashra serve`: serves until Ctrl-C (or a termination signal), then
/// stops once the build under way, if any, has finished.
pub fn run(options: &Options, open_browser: bool) -> Result<()> {
    let stop = Stop::default();
    let on_signal = stop.clone();
    ctrlc::set_handler(move || {
        if on_signal.requested() {
            // A second Ctrl-C does not wait for the build.
            std::process::exit(130);
        }
        eprintln!("stopping…");
        on_signal.request();
    })
    .context("cannot handle Ctrl-C")?;
    let server = Server::start(options, stop)?;
    println!(
        "serving {} (built into {}); Ctrl-C stops",
        server.url,
        server.output.display()
    );
    if open_browser && let Err(e) = open::that_detached(&server.url) {
        eprintln!("warning: cannot open a browser: {e}");
    }
    server.wait();
    println!("stopped");
    Ok(())
}

/// A running server: its threads answer requests and rebuild on changes
/// until its [`Stop`] is requested.
pub struct Server {
    /// The address pages are served from, e.g. `http://127.0.0.1:1111/`.
    pub url: String,
    /// The folder served.
    pub output: PathBuf,
    threads: Vec<JoinHandle<()>>,
}

impl Server {
    /// Listens, builds the site once, then answers requests and watches the
    /// inputs in threads of its own. An error means nothing is served: the
    /// configuration cannot be read, or no port could be had. A site that
    /// fails to build is served all the same (its last good build, or a
    /// page saying it is not built yet) with the error shown.
    pub fn start(options: &Options, stop: Stop) -> Result<Server> {
        let config = Config::load(&options.config)?;
        let listener = listen(options)?;
        let port = listener.local_addr()?.port();
        let url = local_url(options.bind, port);
        let output = match &options.output {
            Some(dir) => dir.clone(),
            None => config.resolve(Path::new(SERVE_DIR)),
        };
        let output = std::path::absolute(&output)?;
        let live = Arc::new(Live::new());

        let (changes, changed) = mpsc::channel();
        let mut builder = Builder {
            config_path: options.config.clone(),
            root: config.root.clone(),
            url: url.clone(),
            output: output.clone(),
            live: live.clone(),
            changes,
            watch: None,
            failing: false,
            index_behind: false,
            last: None,
        };
        builder.build(&[], Progress::for_terminal(false));
        builder.watch_inputs(&config);

        let http = tiny_http::Server::from_listener(listener, None)
            .map_err(|e| anyhow::anyhow!("{url}: cannot serve: {e}"))?;
        let threads = vec![
            spawn("nashra-serve-http", {
                let (stop, output, live) = (stop.clone(), output.clone(), live.clone());
                move || answer(http, &output, live, &stop)
            }),
            spawn("nashra-serve-rebuild", move || {
                builder.rebuild_on_changes(changed, &stop)
            }),
        ];
        Ok(Server {
            url,
            output,
            threads,
        })
    }

    /// Waits until the server has stopped.
    pub fn wait(self) {
        for thread in self.threads {
            let _ = thread.join();
        }
    }
}

fn spawn(name: &str, f: impl FnOnce() + Send + 'static) -> JoinHandle<()> {
    std::thread::Builder::new()
        .name(name.into())
        .spawn(f)
        .expect("the system can start a thread")
}

/// Listens on the asked address and port, or on the first free one of the
/// next few when the port was not asked for, saying so.
fn listen(options: &Options) -> Result<TcpListener> {
    let tries = if options.port_fixed || options.port == 0 {
        1
    } else {
        PORTS_TRIED
    };
    for port in (options.port..=u16::MAX).take(tries as usize) {
        match TcpListener::bind((options.bind, port)) {
            Ok(listener) => {
                if port != options.port {
                    eprintln!(
                        "port {} is in use; serving on port {port} instead",
                        options.port
                    );
                }
                return Ok(listener);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(e) => {
                return Err(e).with_context(|| {
                    format!("cannot listen on {}", SocketAddr::new(options.bind, port))
                });
            }
        }
    }
    if tries == 1 {
        bail!(
            "{} is already in use (is another `nashra serve` running?); stop it or choose another port with --port",
            SocketAddr::new(options.bind, options.port)
        );
    }
    bail!(
        "ports {} to {} are all in use; choose a free port with --port",
        options.port,
        options.port.saturating_add(tries - 1)
    )
}

/// The address a browser on this machine reaches a server listening on
/// `bind` at: an unspecified address (`0.0.0.0`, `::`) is reached through
/// the loopback one.
fn local_url(bind: IpAddr, port: u16) -> String {
    let host = match bind {
        IpAddr::V4(ip) if ip.is_unspecified() => Ipv4Addr::LOCALHOST.to_string(),
        IpAddr::V4(ip) => ip.to_string(),
        IpAddr::V6(ip) if ip.is_unspecified() => "[::1]".to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
    };
    format!("http://{host}:{port}/")
}

/// The HTTP thread: hands each request to a thread of its own (an event
/// stream stays open, and a slow client must not hold up the others).
fn answer(http: tiny_http::Server, output: &Path, live: Arc<Live>, stop: &Stop) {
    let mut pinged = Instant::now();
    while !stop.requested() {
        match http.recv_timeout(POLL) {
            Ok(Some(request)) => {
                let (output, live) = (output.to_path_buf(), live.clone());
                spawn("nashra-serve-request", move || {
                    http::respond(request, &output, &live)
                });
            }
            Ok(None) => {}
            Err(e) => eprintln!("warning: serving: {e}"),
        }
        if pinged.elapsed() >= PING_EVERY {
            live.ping();
            pinged = Instant::now();
        }
    }
    live.close_all();
}

/// Builds the site for serving and tells open pages what came of it.
struct Builder {
    config_path: PathBuf,
    /// The site's folder, for naming changed files.
    root: PathBuf,
    url: String,
    output: PathBuf,
    live: Arc<Live>,
    /// Where the watch sends changed inputs.
    changes: Sender<Vec<PathBuf>>,
    watch: Option<(WatchSet, Watch)>,
    /// True while the last build failed.
    failing: bool,
    /// True when the last build kept an older search index (see
    /// [`crate::config::SearchConfig::keep_last_index`]).
    index_behind: bool,
    /// The last successful build, which previews start from.
    last: Option<LastBuild>,
}

impl Builder {
    /// The rebuild thread: one build after each batch of changes (those
    /// that arrive during a build make one more build after it).
    fn rebuild_on_changes(mut self, changed: Receiver<Vec<PathBuf>>, stop: &Stop) {
        let mut quiet = Duration::ZERO;
        while !stop.requested() {
            let mut paths = match changed.recv_timeout(POLL) {
                Ok(paths) => paths,
                Err(RecvTimeoutError::Timeout) => {
                    quiet += POLL;
                    if self.index_behind && quiet >= INDEX_AFTER {
                        self.refresh_index();
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            };
            quiet = Duration::ZERO;
            while let Ok(more) = changed.try_recv() {
                paths.extend(more);
            }
            paths.sort();
            paths.dedup();
            self.build(&paths, Progress::default());
        }
        // The watch holds a sender: dropping it ends the debouncer's thread.
        self.watch = None;
    }

    /// Builds once, after `changed` inputs changed (none for the first
    /// build), and reports the outcome in the terminal and to open pages.
    fn build(&mut self, changed: &[PathBuf], progress: Progress) {
        if !changed.is_empty() {
            let root = self
                .root
                .canonicalize()
                .unwrap_or_else(|_| self.root.clone());
            let names: Vec<String> = changed
                .iter()
                .map(|p| p.strip_prefix(&root).unwrap_or(p).display().to_string())
                .collect();
            println!("changed: {}", names.join(", "));
        }
        if !changed.is_empty() && !self.failing {
            self.preview(changed);
        }
        // After an edit the page reloads without waiting for the search
        // index: the build keeps the last one, and it is made afresh when
        // the edits pause.
        match self.try_build(progress, !changed.is_empty()) {
            Ok((config, report, corpus)) => {
                println!("{}", summary(&report));
                self.index_behind = !changed.is_empty() && config.site.search.enabled;
                let changed_site = report.rewritten + report.removed > 0;
                if changed_site || self.failing {
                    if self.failing {
                        println!("the error is fixed");
                    }
                    self.live.reloaded();
                }
                self.failing = false;
                self.watch_inputs(&config);
                self.last = Some(LastBuild { config, corpus });
            }
            Err(e) => {
                let message = format!("{e:#}");
                eprintln!("error: {message}");
                eprintln!(
                    "still serving the last good build; the pages show this error until a build succeeds"
                );
                self.live.failed(&message);
                self.failing = true;
            }
        }
    }

    /// Makes the pages of the articles in `changed` files again from the
    /// last build, when the change is one a preview can show, and reloads
    /// the pages showing them.
    fn preview(&mut self, changed: &[PathBuf]) {
        let Some(last) = &mut self.last else {
            return;
        };
        let clock = Instant::now();
        match preview::preview(last, &self.output, changed) {
            Ok(Some(paths)) => {
                println!(
                    "previewed {} pages in {:.2} s; building the whole site",
                    paths.len(),
                    clock.elapsed().as_secs_f64()
                );
                self.live.previewed(&paths);
            }
            Ok(None) => {}
            Err(e) => eprintln!("warning: no preview of the edit: {e:#}"),
        }
    }

    /// Makes the search index the last build kept afresh. The pages are
    /// as they were, so open pages are not reloaded; the search page reads
    /// the new index at its next query.
    fn refresh_index(&mut self) {
        self.index_behind = false;
        match self.try_build(Progress::default(), false) {
            Ok((config, report, corpus)) => {
                println!("search index updated ({})", summary(&report));
                self.last = Some(LastBuild { config, corpus });
            }
            Err(e) => eprintln!("error: the search index was not updated: {e:#}"),
        }
    }

    /// Builds the site, handing back the corpus that later previews start
    /// from. The last build's corpus is freed first, so that two are never
    /// held at once.
    fn try_build(
        &mut self,
        progress: Progress,
        keep_last_index: bool,
    ) -> Result<(Config, Report, Corpus)> {
        if let Some(last) = self.last.take() {
            rayon::spawn(move || drop(last));
        }
        let mut config = Config::load(&self.config_path)?;
        config.site.base_url = self.url.clone();
        config.site.search.keep_last_index = keep_last_index;
        let (report, corpus) =
            crate::build::build_keeping_corpus(&config, Some(&self.output), progress)?;
        Ok((config, report, corpus))
    }

    /// Watches the inputs `config` names, unless they are watched already
    /// (a changed `site.toml` may name other folders).
    fn watch_inputs(&mut self, config: &Config) {
        let set = WatchSet::of(config, &self.output);
        if self
            .watch
            .as_ref()
            .is_some_and(|(watched, _)| *watched == set)
        {
            return;
        }
        let changes = self.changes.clone();
        let description = set.describe(&config.root);
        match watch::watch(set.clone(), move |paths| {
            let _ = changes.send(paths);
        }) {
            Ok(watch) => {
                println!("watching {description}");
                self.watch = Some((set, watch));
            }
            Err(e) => eprintln!("warning: {e:#}; pages will not update on changes"),
        }
    }
}

/// One line on a finished build.
fn summary(report: &Report) -> String {
    let what = if report.incremental {
        format!(
            "{} files updated, {} removed",
            report.rewritten, report.removed
        )
    } else {
        format!("{} files written", report.files)
    };
    let warnings = match report.warnings.len() {
        0 => String::new(),
        n => format!("; {n} warnings (`nashra build` lists them)"),
    };
    format!(
        "built {} articles in {} stories: {what} in {:.2} s{warnings}",
        report.articles,
        report.stories,
        report.elapsed.as_secs_f64()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_link_to_the_loopback_address_when_every_address_is_bound() {
        assert_eq!(
            local_url("0.0.0.0".parse().unwrap(), 1111),
            "http://127.0.0.1:1111/"
        );
        assert_eq!(local_url("::".parse().unwrap(), 1111), "http://[::1]:1111/");
        assert_eq!(
            local_url("127.0.0.1".parse().unwrap(), 8080),
            "http://127.0.0.1:8080/"
        );
    }

    #[test]
    fn a_port_in_use_is_an_error_when_asked_for_and_skipped_otherwise() {
        let taken = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let mut options = Options::new("site.toml".into());
        options.port = port;
        options.port_fixed = true;
        let err = listen(&options).unwrap_err().to_string();
        assert!(err.contains(&format!("127.0.0.1:{port}")), "{err}");
        assert!(err.contains("already in use"), "{err}");
        options.port_fixed = false;
        let other = listen(&options).unwrap();
        assert_ne!(other.local_addr().unwrap().port(), port);
    }
}
