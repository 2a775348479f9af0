//! Which file of the served folder answers a URL, and as what content type.
//!
//! Pure path arithmetic and one `stat`: the caller reads the file. A URL can
//! only ever name a file inside the served folder: `..`, backslashes, NUL
//! bytes and hidden names (`.nashra-output`, half-written `.x.nashra-tmp`
//! files) are refused before any path is joined, and the file found is
//! checked again after symbolic links are resolved.

use std::path::{Path, PathBuf};

/// What a request path comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Serve this file.
    File(PathBuf),
    /// A folder asked for without its trailing slash: send the browser to
    /// the address with it, so that the page's relative links resolve as
    /// they will on the deployed site.
    Redirect(String),
    /// No such file (or a path that may not be served): the 404 page.
    NotFound,
}

/// Resolves the path part of a request URL (`/articles/x/?q#f`) against the
/// served folder `root`.
pub fn resolve(root: &Path, url: &str) -> Resolved {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let Ok(decoded) = percent_encoding::percent_decode_str(path).decode_utf8() else {
        return Resolved::NotFound;
    };
    let mut file = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains(['\\', '\0']) {
            return Resolved::NotFound;
        }
        file.push(segment);
    }
    if file.is_dir() {
        if !decoded.ends_with('/') {
            return Resolved::Redirect(format!("{path}/"));
        }
        file.push("index.html");
    }
    if !file.is_file() || !stays_inside(root, &file) {
        return Resolved::NotFound;
    }
    Resolved::File(file)
}

/// True when `file`, with every symbolic link resolved, lies inside `root`.
fn stays_inside(root: &Path, file: &Path) -> bool {
    match (root.canonicalize(), file.canonicalize()) {
        (Ok(root), Ok(file)) => file.starts_with(root),
        _ => false,
    }
}

/// The `Content-Type` of a file, by its extension. Feeds are served as
/// `application/xml`, which covers RSS and Atom and which browsers show
/// rather than download, so that an editor can read a feed in the tab.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "xml" | "xsl" => "application/xml; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        // The search index's term chunks and filters (src/search/index.rs).
        "bin" => "application/octet-stream",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// True for the content types that get the live-reload script.
pub fn is_html(content_type: &str) -> bool {
    content_type.starts_with("text/html")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A served folder as a build leaves it.
    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (file, text) in [
            ("index.html", "<p>الرئيسية</p>"),
            ("404.html", "<p>غير موجودة</p>"),
            (".nashra-output", "marker"),
            ("articles/qimma-riyadh/index.html", "<p>قمة</p>"),
            ("static/style.css", "body{}"),
            ("rss.xml", "<rss/>"),
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn folders_are_served_by_their_index() {
        let dir = site();
        let root = dir.path();
        assert_eq!(resolve(root, "/"), Resolved::File(root.join("index.html")));
        assert_eq!(
            resolve(root, "/articles/qimma-riyadh/?utm=x#top"),
            Resolved::File(root.join("articles/qimma-riyadh/index.html"))
        );
        assert_eq!(
            resolve(root, "/static/style.css"),
            Resolved::File(root.join("static/style.css"))
        );
    }

    #[test]
    fn a_folder_without_its_slash_is_redirected() {
        let dir = site();
        assert_eq!(
            resolve(dir.path(), "/articles/qimma-riyadh"),
            Resolved::Redirect("/articles/qimma-riyadh/".into())
        );
    }

    #[test]
    fn percent_encoded_names_are_decoded() {
        let dir = site();
        let root = dir.path();
        std::fs::create_dir_all(root.join("static/صور")).unwrap();
        std::fs::write(root.join("static/صور/خريطة.svg"), "<svg/>").unwrap();
        let url = "/static/%D8%B5%D9%88%D8%B1/%D8%AE%D8%B1%D9%8A%D8%B7%D8%A9.svg";
        assert_eq!(
            resolve(root, url),
            Resolved::File(root.join("static/صور/خريطة.svg"))
        );
    }

    #[test]
    fn no_path_escapes_the_served_folder() {
        let dir = site();
        let root = dir.path().join("articles");
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        for url in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/qimma-riyadh/..%2f..%2fsecret.txt",
            "/..%5csecret.txt",
            "/%00",
            "/%ff",
        ] {
            assert_eq!(resolve(&root, url), Resolved::NotFound, "{url}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_served_folder_is_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("private.txt"), "x").unwrap();
        let dir = site();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("elsewhere")).unwrap();
        assert_eq!(
            resolve(dir.path(), "/elsewhere/private.txt"),
            Resolved::NotFound
        );
    }

    #[test]
    fn hidden_and_missing_files_are_not_found() {
        let dir = site();
        assert_eq!(resolve(dir.path(), "/.nashra-output"), Resolved::NotFound);
        assert_eq!(resolve(dir.path(), "/articles/none/"), Resolved::NotFound);
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(
            content_type(Path::new("a/index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("rss.xml")),
            "application/xml; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("s/app.JS")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("search.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("search/index/meta.json")),
            "application/json"
        );
        for chunk in ["search/index/t0.bin", "search/index/f3.bin"] {
            assert_eq!(content_type(Path::new(chunk)), "application/octet-stream");
        }
        assert_eq!(content_type(Path::new("index.json")), "application/json");
        assert_eq!(content_type(Path::new("logo.svg")), "image/svg+xml");
        assert_eq!(
            content_type(Path::new("LICENSE")),
            "application/octet-stream"
        );
    }
}
