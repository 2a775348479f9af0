//! `nashra serve` end to end: the built binary serves a copy of the bundled
//! site on a free port, and a small HTTP client fetches pages, edits files
//! on disk and watches the site follow.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{TempSite, text_of};

/// Generous bound on anything the server is waited for (a debug build on a
/// busy machine); never a timing assertion.
const PATIENCE: Duration = Duration::from_secs(120);

const ARTICLE: &str = "content/qimma.md";
const ARTICLE_URL: &str = "/articles/qimma-riyadh/";

/// A Markdown article as an editor writes it, titled `title`.
fn article(title: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\ndate = 2025-09-02T10:00:00+03:00\nsource = \"الشرق الأوسط\"\nslug = \"qimma-riyadh\"\n+++\n\n\
         عقد القادة العرب قمة طارئة في الرياض يوم الثلاثاء لبحث تطورات الأزمة الإقليمية، وسط دعوات إلى وقف فوري لإطلاق النار وفتح المعابر أمام المساعدات.\n\n\
         وقال وزير الخارجية السعودي في مؤتمر صحفي عقب الجلسة الختامية إن القمة ستخرج ببيان يدعو إلى حل سياسي شامل، مؤكدا أن المشاورات ستستمر على مستوى المندوبين.\n"
    )
}

/// A running `nashra serve` over a temporary site; killed when dropped.
struct Served {
    site: TempSite,
    child: Child,
    url: String,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Collects what a child prints, line by line, as it prints it.
fn collect(stream: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let into = text.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let mut text = into.lock().unwrap();
            text.push_str(&line);
            text.push('\n');
        }
    });
    text
}

/// A port no one listens on right now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn nashra_serve(site: &TempSite, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_nashra"))
        .arg("serve")
        .arg("--config")
        .arg(site.config_path())
        .arg("--port")
        .arg(port.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

impl Served {
    /// Serves the bundled site plus one Markdown article of our own, and
    /// waits until the server says where.
    fn start() -> Served {
        let site = TempSite::bundled();
        site.write(ARTICLE, &article("قمة طارئة في الرياض لبحث الأزمة"));
        let port = free_port();
        let mut child = nashra_serve(&site, port);
        let stdout = collect(child.stdout.take().unwrap());
        let stderr = collect(child.stderr.take().unwrap());
        let mut served = Served {
            site,
            child,
            url: String::new(),
            stdout,
            stderr,
        };
        served.url = served.wait_for("serving http://", || {
            let out = served.stdout.lock().unwrap();
            out.lines()
                .find_map(|l| l.strip_prefix("serving "))
                .and_then(|l| l.split_whitespace().next())
                .map(str::to_string)
        });
        assert_eq!(served.url, format!("http://127.0.0.1:{port}/"));
        served
    }

    /// Polls `check` until it gives a value; fails, showing what the
    /// server printed, after [`PATIENCE`].
    fn wait_for<T>(&self, what: &str, mut check: impl FnMut() -> Option<T>) -> T {
        let start = Instant::now();
        loop {
            if let Some(value) = check() {
                return value;
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "waited {PATIENCE:?} for {what}\nstdout:\n{}\nstderr:\n{}",
                    self.stdout.lock().unwrap(),
                    self.stderr.lock().unwrap()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn address(&self) -> String {
        self.url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string()
    }

    /// Opens the event stream pages listen to.
    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(self.address()).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            stream,
            "GET /__nashra/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            self.address()
        )
        .unwrap();
        Events(BufReader::new(stream))
    }

    fn get(&self, path: &str) -> Fetched {
        get(&self.address(), path)
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }
}

/// One HTTP response.
struct Fetched {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Fetched {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A GET over a fresh connection, the request path sent as it is given.
fn get(address: &str, path: &str) -> Fetched {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    // Lossy: the search index's chunks are binary, and only their headers
    // are read.
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Fetched {
        status,
        headers,
        body: body.to_string(),
    }
}

/// The error banner's text, if the page shows one.
fn banner(html: &str) -> Option<String> {
    text_of(html, "#nashra-serve-error[role=alert][dir=rtl]")
}

#[test]
fn serves_the_site_with_local_links_content_types_and_its_404_page() {
    let served = Served::start();

    let home = served.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        home.body.contains("/__nashra/events"),
        "reload script added"
    );
    assert!(banner(&home.body).is_none());
    let canonical = scraper::Html::parse_document(&home.body)
        .select(&scraper::Selector::parse("link[rel=canonical]").unwrap())
        .next()
        .and_then(|e| e.value().attr("href").map(str::to_string));
    assert_eq!(canonical.as_deref(), Some(served.url.as_str()));

    // Every internal link of the article page answers.
    let page = served.get(ARTICLE_URL);
    assert_eq!(page.status, 200);
    for link in common::links(&page.body) {
        let path = match link.strip_prefix(served.url.trim_end_matches('/')) {
            Some(path) => path.to_string(),
            None if link.starts_with('/') => link.clone(),
            None => continue,
        };
        assert_eq!(served.get(&path).status, 200, "{link}");
    }

    let feed = served.get("/rss.xml");
    assert_eq!(
        feed.header("Content-Type"),
        Some("application/xml; charset=utf-8")
    );
    assert!(feed.body.contains(&served.url), "feed links are local");
    assert!(
        !feed.body.contains("/__nashra/events"),
        "only HTML gets the script"
    );
    assert_eq!(
        served.get("/static/style.css").header("Content-Type"),
        Some("text/css; charset=utf-8")
    );

    // Search: its page, its script and the index, each with its type and
    // as the bytes built.
    for (path, kind) in [
        ("/search/", "text/html; charset=utf-8"),
        ("/search/search.js", "text/javascript; charset=utf-8"),
        ("/search/index/meta.json", "application/json"),
        ("/search/index/t0.bin", "application/octet-stream"),
        ("/search/index/r0.json", "application/json"),
    ] {
        let file = served.get(path);
        assert_eq!(file.status, 200, "{path}");
        assert_eq!(file.header("Content-Type"), Some(kind), "{path}");
        assert_eq!(file.header("Content-Encoding"), None, "{path}");
    }

    let missing = served.get("/articles/no-such-article/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        text_of(&missing.body, "h1").as_deref(),
        Some("الصفحة غير موجودة")
    );
    assert_eq!(served.get("/../site.toml").status, 404);
    assert_eq!(served.get("/%2e%2e/site.toml").status, 404);

    let folder = served.get("/articles/qimma-riyadh");
    assert_eq!(folder.status, 302);
    assert_eq!(folder.header("Location"), Some(ARTICLE_URL));

    // The built files hold no script, and the deploy folder is untouched.
    let built = served.site.root().join(".nashra-serve");
    let page_file =
        std::fs::read_to_string(built.join("articles/qimma-riyadh/index.html")).unwrap();
    assert!(!page_file.contains("__nashra"));
    assert!(!served.site.public().exists());
}

#[test]
fn an_edit_is_served_and_a_broken_file_is_reported_until_it_is_fixed() {
    let served = Served::start();
    let title = |html: &str| text_of(html, "title").unwrap_or_default();
    assert!(title(&served.get(ARTICLE_URL).body).contains("قمة طارئة في الرياض لبحث الأزمة"));

    served.site.write(
        ARTICLE,
        &article("القادة العرب يختتمون قمة الرياض ببيان مشترك"),
    );
    served.wait_for("the new title", || {
        title(&served.get(ARTICLE_URL).body)
            .contains("القادة العرب يختتمون قمة الرياض ببيان مشترك")
            .then_some(())
    });

    // An unterminated string on the title line (line 2 of the file).
    let broken =
        article("عنوان لم يكتمل").replace("title = \"عنوان لم يكتمل\"", "title = \"عنوان لم يكتمل");
    served.site.write(ARTICLE, &broken);
    // The rebuild after the title's preview may still be running, and may
    // read the file half written: wait for the banner naming the line.
    let shown = served.wait_for("the error banner", || {
        banner(&served.get(ARTICLE_URL).body).filter(|b| b.contains("content/qimma.md:2:"))
    });
    assert!(shown.contains("تعذّر بناء الموقع"), "{shown}");
    served.wait_for("the error in the terminal", || {
        served
            .stderr()
            .contains("error: content/qimma.md:2:")
            .then_some(())
    });
    // The last good site is still served, banner and all.
    let page = served.get(ARTICLE_URL);
    assert_eq!(page.status, 200);
    assert!(title(&page.body).contains("القادة العرب يختتمون قمة الرياض ببيان مشترك"));
    assert!(
        banner(&served.get("/").body).is_some(),
        "every page shows it"
    );

    served
        .site
        .write(ARTICLE, &article("قمة الرياض تدعو إلى وقف فوري لإطلاق النار"));
    served.wait_for("the banner to go", || {
        let page = served.get(ARTICLE_URL).body;
        (banner(&page).is_none()
            && title(&page).contains("قمة الرياض تدعو إلى وقف فوري لإطلاق النار"))
        .then_some(())
    });
}

/// Whether the served search index shows a result titled `title`.
fn index_shows(served: &Served, title: &str) -> bool {
    let meta = served.get("/search/index/meta.json");
    let Ok(meta) = serde_json::from_str::<serde_json::Value>(&meta.body) else {
        return false;
    };
    let records = meta["records"].as_u64().unwrap_or(0);
    let per = meta["results_per_file"].as_u64().unwrap_or(1).max(1);
    (0..records.div_ceil(per)).any(|n| {
        served
            .get(&format!("/search/index/r{n}.json"))
            .body
            .contains(&format!("\"title\":\"{title}\""))
    })
}

#[test]
fn the_search_index_catches_up_with_an_edit_once_the_editor_pauses() {
    let served = Served::start();
    let new_title = "القادة العرب يختتمون قمة الرياض ببيان مشترك";
    assert!(!index_shows(&served, new_title));
    served.site.write(ARTICLE, &article(new_title));
    // The page reloads first, then the index follows when the edits pause.
    served.wait_for("the new title in the search index", || {
        index_shows(&served, new_title).then_some(())
    });
    // Said on the terminal too (printed once the files are in place).
    served.wait_for("the terminal to say so", || {
        served
            .stdout()
            .contains("search index updated")
            .then_some(())
    });
}

#[test]
fn open_pages_hear_a_reload_after_an_edit() {
    let served = Served::start();
    let mut events = served.events();
    let head = events.read_until("event: hello");
    assert_eq!(head[0], "HTTP/1.1 200 OK");
    assert!(
        head.iter()
            .any(|l| l.starts_with("Content-Type: text/event-stream"))
    );

    served
        .site
        .write(ARTICLE, &article("مجلس الأمن يناقش نتائج قمة الرياض"));
    events.read_until("event: reload");
    assert!(
        served
            .get(ARTICLE_URL)
            .body
            .contains("مجلس الأمن يناقش نتائج قمة الرياض")
    );
}

/// The event stream, read as a page's `EventSource` reads it.
struct Events(BufReader<TcpStream>);

impl Events {
    /// The next line, without its line ending.
    fn next_line(&mut self) -> String {
        let mut line = String::new();
        let n = self.0.read_line(&mut line).expect("the stream stays open");
        assert!(n > 0, "the stream ended");
        line.trim_end().to_string()
    }

    /// Lines up to and with `wanted`.
    fn read_until(&mut self, wanted: &str) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            let line = self.next_line();
            seen.push(line.clone());
            if line == wanted {
                return seen;
            }
        }
    }
}

/// An edited article's page is made again at once, ahead of the rebuild of
/// the whole site, and the pages showing it hear so; once the rebuild is
/// done the served site is what a clean build makes of the same inputs.
#[test]
fn an_edited_article_is_shown_first_then_the_whole_site_follows() {
    let served = Served::start();
    let mut events = served.events();
    events.read_until("event: hello");

    let new_title = "القمة العربية تدعو إلى هدنة إنسانية فورية";
    served.site.write(ARTICLE, &article(new_title));
    events.read_until("event: changed");
    let previewed: Vec<String> =
        serde_json::from_str(events.next_line().strip_prefix("data: ").unwrap()).unwrap();
    assert!(previewed.iter().any(|p| p == ARTICLE_URL), "{previewed:?}");
    // The page was in place before the pages were told.
    let title = text_of(&served.get(ARTICLE_URL).body, "title").unwrap_or_default();
    assert!(title.contains(new_title), "{title}");
    served.wait_for("the terminal to say so", || {
        served.stdout().contains("previewed ").then_some(())
    });

    let seen = events.read_until("event: reload");
    assert!(
        !seen.iter().any(|l| l == "event: failed"),
        "the rebuild failed: {seen:?}"
    );
    let mut config = served.site.config();
    config.site.base_url = served.url.clone();
    let clean = tempfile::tempdir().unwrap();
    let clean_site = clean.path().join("site");
    nashra::build::build(&config, Some(&clean_site)).unwrap();
    // The search index waits for the edits to pause (another test).
    let without_search = |root: &std::path::Path| {
        let mut files = common::read_tree(root);
        files.retain(|path, _| !path.starts_with("search/"));
        files
    };
    let served_files = without_search(&served.site.root().join(".nashra-serve"));
    let clean_files = without_search(&clean_site);
    assert_eq!(
        served_files.keys().collect::<Vec<_>>(),
        clean_files.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &clean_files {
        assert!(
            served_files[path] == *bytes,
            "{path} differs from a clean build"
        );
    }

    // A new article has no earlier page to show it in: the whole site is
    // built, with no preview before it.
    served.site.write(
        "content/hudna.md",
        &article("وفود عربية تصل القاهرة لبحث الهدنة").replace("qimma-riyadh", "hudna-cairo"),
    );
    let seen = events.read_until("event: reload");
    assert!(!seen.iter().any(|l| l == "event: changed"), "{seen:?}");
    assert_eq!(served.get("/articles/hudna-cairo/").status, 200);
}

#[test]
fn a_port_in_use_is_refused_with_a_clear_message() {
    let site = TempSite::bundled();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let output = nashra_serve(&site, port).wait_with_output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("127.0.0.1:{port} is already in use")),
        "{stderr}"
    );
    assert!(
        !PathBuf::from(site.root()).join(".nashra-serve").exists(),
        "nothing built"
    );
}
