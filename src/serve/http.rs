//! Answering one HTTP request from the served folder.

use std::path::Path;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::files::{self, Resolved};
use super::live::{EVENTS_PATH, Live};

/// Shown for an unknown path when the site has no 404 page yet (its first
/// build failed): the banner says why, and the page reloads once a build
/// succeeds.
const NOT_BUILT: &str = "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head><meta charset=\"utf-8\"><title>لم يُبنَ الموقع بعد</title></head>\n<body>\n<h1>لم يُبنَ الموقع بعد</h1>\n</body>\n</html>\n";

/// Answers `request` from the site in `root`: a file, the event stream,
/// a redirect to a folder's address, or the site's 404 page.
pub fn respond(request: Request, root: &Path, live: &Live) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let response = Response::from_string("only GET and HEAD\n")
            .with_status_code(405)
            .with_header(header("Allow", "GET, HEAD"));
        let _ = request.respond(response);
        return;
    }
    let url = request.url().to_string();
    if url.split('?').next() == Some(EVENTS_PATH) {
        live.subscribe(request.into_writer());
        return;
    }
    let (status, path) = match files::resolve(root, &url) {
        Resolved::File(path) => (200, Some(path)),
        Resolved::Redirect(to) => {
            // The path as the request gave it, with anything a header may
            // not hold (raw UTF-8, control characters) percent-encoded.
            let to = percent_encoding::utf8_percent_encode(&to, percent_encoding::CONTROLS);
            let response = Response::empty(302)
                .with_header(header("Location", &to.to_string()))
                .with_header(header("Cache-Control", "no-store"));
            let _ = request.respond(response);
            return;
        }
        Resolved::NotFound => {
            let page = root.join("404.html");
            (404, page.is_file().then_some(page))
        }
    };
    let (bytes, content_type) = match &path {
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => (bytes, files::content_type(path)),
            // Removed by a rebuild between finding and reading it.
            Err(_) => (NOT_BUILT.as_bytes().to_vec(), "text/html; charset=utf-8"),
        },
        None => (NOT_BUILT.as_bytes().to_vec(), "text/html; charset=utf-8"),
    };
    let bytes = if files::is_html(content_type) {
        live.inject(&String::from_utf8_lossy(&bytes)).into_bytes()
    } else {
        bytes
    };
    let response = Response::from_data(bytes)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", content_type))
        // Every answer may be out of date after the next save.
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values are ASCII")
}
