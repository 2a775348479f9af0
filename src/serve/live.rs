//! Live reload: the event stream open pages listen to, and what is put into
//! each served HTML page so that they listen.
//!
//! Pages connect to [`EVENTS_PATH`] with `EventSource` (Server-Sent Events:
//! plain HTTP, reconnected by the browser on its own, nothing to install)
//! and hear three events:
//!
//! - `hello`, on connecting: the generation of the site now served. A page
//!   served by an older generation (it loaded while a rebuild finished, or
//!   the server was restarted) reloads.
//! - `changed`: the pages at the address paths its data lists (a JSON
//!   array) were made again ahead of a rebuild, from an edit; those pages
//!   reload (see `preview`).
//! - `reload`: a rebuild changed the site.
//! - `failed`: a rebuild failed; its data holds the banner to show, and the
//!   site stays as the last good build left it.
//!
//! The script and the banner are added to HTML responses as they are
//! served: the built files never hold them.

use std::io::Write;
use std::sync::Mutex;

/// Where pages listen for events. Under a name no build writes (`__`
/// starts no slug, and the folder is not in the output).
pub const EVENTS_PATH: &str = "/__nashra/events";

/// The element id of the error banner.
const BANNER_ID: &str = "nashra-serve-error";

/// The open event streams and the state they report.
pub struct Live {
    /// Names this server's run, so that a page from an earlier run of
    /// `nashra serve` reloads when it reconnects.
    run: u64,
    state: Mutex<State>,
}

struct State {
    /// Successful builds that changed the site, in this run.
    generation: u64,
    /// The banner of the failure now shown, and its number.
    failure: Option<(u64, String)>,
    failures: u64,
    clients: Vec<Box<dyn Write + Send>>,
}

impl Live {
    pub fn new() -> Live {
        let run = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_micros() as u64);
        Live {
            run,
            state: Mutex::new(State {
                generation: 0,
                failure: None,
                failures: 0,
                clients: Vec::new(),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn generation_name(&self, state: &State) -> String {
        format!("{:x}-{}", self.run, state.generation)
    }

    /// Takes over a connection that asked for [`EVENTS_PATH`]: writes the
    /// response head and the current state, then keeps it for later events.
    pub fn subscribe(&self, mut client: Box<dyn Write + Send>) {
        let mut state = self.lock();
        let mut greeting = String::from(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
             Cache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n",
        );
        greeting.push_str(&event("hello", &self.generation_name(&state)));
        if let Some((number, banner)) = &state.failure {
            greeting.push_str(&failed_event(*number, banner));
        }
        if client
            .write_all(greeting.as_bytes())
            .and_then(|()| client.flush())
            .is_ok()
        {
            state.clients.push(client);
        }
    }

    /// A rebuild changed the site (or fixed a failure): every page reloads.
    pub fn reloaded(&self) {
        let mut state = self.lock();
        state.generation += 1;
        state.failure = None;
        let text = event("reload", &self.generation_name(&state));
        broadcast(&mut state.clients, &text);
    }

    /// The pages at `paths` (address paths, `/…/`) were made again ahead
    /// of the rebuild: the pages showing them reload.
    pub fn previewed(&self, paths: &[String]) {
        let data = serde_json::Value::from(paths).to_string();
        broadcast(&mut self.lock().clients, &event("changed", &data));
    }

    /// A rebuild failed with `message`: every page shows it in a banner.
    pub fn failed(&self, message: &str) {
        let mut state = self.lock();
        state.failures += 1;
        let number = state.failures;
        let banner = banner(number, message);
        let text = failed_event(number, &banner);
        state.failure = Some((number, banner));
        broadcast(&mut state.clients, &text);
    }

    /// A comment line, so that streams whose page was closed are noticed
    /// and let go.
    pub fn ping(&self) {
        broadcast(&mut self.lock().clients, ": ping\n\n");
    }

    /// Ends every stream (the server is stopping).
    pub fn close_all(&self) {
        self.lock().clients.clear();
    }

    /// How many pages are listening.
    #[cfg(test)]
    fn listeners(&self) -> usize {
        self.lock().clients.len()
    }

    /// `html` as it is served: with the live-reload script, and the error
    /// banner while the last rebuild failed, just before `</body>`.
    pub fn inject(&self, html: &str) -> String {
        let state = self.lock();
        let mut added = String::new();
        if let Some((_, banner)) = &state.failure {
            added.push_str(banner);
        }
        added.push_str("<script>");
        added.push_str(&SCRIPT.replace("GENERATION", &self.generation_name(&state)));
        added.push_str("</script>\n");
        drop(state);
        let at = find_ignoring_case(html, "</body>").unwrap_or(html.len());
        let mut out = String::with_capacity(html.len() + added.len());
        out.push_str(&html[..at]);
        out.push_str(&added);
        out.push_str(&html[at..]);
        out
    }
}

impl Default for Live {
    fn default() -> Self {
        Live::new()
    }
}

/// The script each served page runs. `GENERATION` is replaced by the
/// generation that served the page.
const SCRIPT: &str = r#"(function () {
  var served = "GENERATION";
  var events = new EventSource("/__nashra/events");
  events.addEventListener("hello", function (e) { if (e.data !== served) location.reload(); });
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("changed", function (e) {
    var here = decodeURIComponent(location.pathname).replace(/index\.html$/, "");
    if (JSON.parse(e.data).indexOf(here) >= 0) location.reload();
  });
  events.addEventListener("failed", function (e) {
    var failure = JSON.parse(e.data);
    var shown = document.getElementById("nashra-serve-error");
    if (shown) {
      if (shown.getAttribute("data-failure") === failure.number) return;
      shown.remove();
    }
    document.body.insertAdjacentHTML("afterbegin", failure.banner);
  });
})();"#;

/// The banner shown while a rebuild has failed: Arabic text, right to
/// left, announced by screen readers (`role="alert"`), fixed at the top of
/// the page above the site's own styles; the error itself as the terminal
/// shows it, left to right since it names files and TOML.
pub fn banner(number: u64, message: &str) -> String {
    format!(
        concat!(
            r#"<div id="{id}" data-failure="{number}" role="alert" lang="ar" dir="rtl" "#,
            r#"style="position:fixed;top:0;left:0;right:0;z-index:2147483647;margin:0;"#,
            r#"padding:1rem 1.25rem;background:#7f1d1d;color:#fff;"#,
            r#"font:16px/1.6 system-ui,sans-serif;text-align:right;max-height:60vh;"#,
            r#"overflow:auto;box-shadow:0 2px 10px rgba(0,0,0,.45)">"#,
            r#"<strong style="display:block;font-size:1.15em">تعذّر بناء الموقع</strong>"#,
            r#"<p style="margin:.25rem 0 .5rem">ما زالت آخر نسخة ناجحة من الموقع معروضة. "#,
            r#"أصلح الخطأ التالي واحفظ الملف، فتُحدَّث الصفحة وحدها.</p>"#,
            r#"<pre dir="ltr" style="margin:0;white-space:pre-wrap;text-align:left;"#,
            r#"font:14px/1.5 ui-monospace,monospace;background:rgba(0,0,0,.25);"#,
            r#"padding:.5rem .75rem">{message}</pre></div>"#,
        ),
        id = BANNER_ID,
        number = number,
        message = tera::escape_html(message),
    )
}

/// One Server-Sent Event with one line of data.
fn event(name: &str, data: &str) -> String {
    debug_assert!(!data.contains('\n'));
    format!("event: {name}\ndata: {data}\n\n")
}

/// The `failed` event: the banner and its number, as one line of JSON.
fn failed_event(number: u64, banner: &str) -> String {
    let data = serde_json::json!({ "number": number.to_string(), "banner": banner });
    event("failed", &data.to_string())
}

/// Writes `text` to every client, letting go of those that closed.
fn broadcast(clients: &mut Vec<Box<dyn Write + Send>>, text: &str) {
    clients.retain_mut(|c| {
        c.write_all(text.as_bytes())
            .and_then(|()| c.flush())
            .is_ok()
    });
}

/// Byte offset of the last `needle` (ASCII) in `haystack`, in any case.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?)
        .rev()
        .find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex as StdMutex};

    /// A client that records what it was sent.
    #[derive(Clone, Default)]
    struct Recorder(Arc<StdMutex<Vec<u8>>>);

    impl Write for Recorder {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Recorder {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    /// A client whose page was closed.
    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn shows_banner(html: &str) -> bool {
        html.contains(&format!("id=\"{BANNER_ID}\""))
    }

    const PAGE: &str = "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><body><h1>قمة طارئة في الرياض</h1></BODY></html>";

    #[test]
    fn served_pages_get_the_script_before_the_end_of_body() {
        let live = Live::new();
        let served = live.inject(PAGE);
        let script = served.find("<script>").unwrap();
        assert!(script > served.find("</h1>").unwrap());
        assert!(script < served.find("</BODY>").unwrap());
        assert!(served.contains(EVENTS_PATH));
        assert!(!shows_banner(&served), "no banner while builds succeed");
    }

    #[test]
    fn a_page_without_body_gets_the_script_at_its_end() {
        let served = Live::new().inject("<p>نص</p>");
        assert!(served.starts_with("<p>نص</p><script>"));
    }

    #[test]
    fn a_failure_shows_an_escaped_arabic_banner_until_the_next_build() {
        let live = Live::new();
        live.failed("content/qimma.md:3:9: invalid string <\"x\">");
        let served = live.inject(PAGE);
        let doc = scraper::Html::parse_document(&served);
        let sel = scraper::Selector::parse("#nashra-serve-error[role=alert][dir=rtl]").unwrap();
        let banner = doc.select(&sel).next().expect("banner shown");
        let text: String = banner.text().collect();
        assert!(text.contains("تعذّر بناء الموقع"), "{text}");
        assert!(
            text.contains("content/qimma.md:3:9: invalid string <\"x\">"),
            "{text}"
        );
        assert!(served.contains("&lt;&quot;x&quot;&gt;"));
        live.reloaded();
        assert!(!shows_banner(&live.inject(PAGE)));
    }

    #[test]
    fn listeners_hear_hello_then_each_reload_and_failure() {
        let live = Live::new();
        let page = Recorder::default();
        live.subscribe(Box::new(page.clone()));
        live.subscribe(Box::new(Closed));
        assert_eq!(live.listeners(), 1, "a closed page is let go");
        live.failed("content/a.md:2:1: expected `=`");
        live.reloaded();
        let text = page.text();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(text.contains("text/event-stream"));
        let hello = text.find("event: hello\n").unwrap();
        let failed = text.find("event: failed\ndata: {").unwrap();
        let reload = text.find("event: reload\n").unwrap();
        assert!(hello < failed && failed < reload, "{text}");
    }

    #[test]
    fn previewed_pages_are_named_and_leave_the_generation_as_it_was() {
        let live = Live::new();
        let served = live.inject(PAGE);
        let page = Recorder::default();
        live.subscribe(Box::new(page.clone()));
        live.previewed(&["/articles/qimma/".into(), "/stories/qimma/".into()]);
        let text = page.text();
        assert!(
            text.contains("event: changed\ndata: [\"/articles/qimma/\",\"/stories/qimma/\"]\n\n"),
            "{text}"
        );
        // Pages not previewed are not told to reload by a new generation.
        assert_eq!(live.inject(PAGE), served);
    }

    #[test]
    fn a_page_served_by_an_older_generation_learns_it_on_connecting() {
        let live = Live::new();
        let served = live.inject(PAGE);
        live.reloaded();
        let page = Recorder::default();
        live.subscribe(Box::new(page.clone()));
        let hello = page
            .text()
            .lines()
            .skip_while(|l| *l != "event: hello")
            .nth(1)
            .unwrap()
            .trim_start_matches("data: ")
            .to_string();
        assert!(!served.contains(&format!("\"{hello}\"")));
        assert!(live.inject(PAGE).contains(&format!("\"{hello}\"")));
    }

    #[test]
    fn a_page_connecting_during_a_failure_hears_it() {
        let live = Live::new();
        live.failed("site.toml:1:1: unknown field `titel`");
        let page = Recorder::default();
        live.subscribe(Box::new(page.clone()));
        assert!(page.text().contains("event: failed"));
        assert!(page.text().contains("titel"));
    }
}
