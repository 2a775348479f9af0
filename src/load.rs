//! Reading the input folders: the only place the pipeline reads files.

use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use walkdir::WalkDir;

use crate::article::SourceKind;
use crate::cache::hash_bytes;
use crate::config::Config;

/// One input file, read.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path relative to the site root, with `/` separators (`seeds/a.txt`).
    pub file: String,
    /// Where the file was read from.
    pub path: PathBuf,
    pub kind: SourceKind,
    pub text: String,
    /// Hash of the file's bytes: what tells a later build, and a page
    /// reading an excerpt again, whether the file changed.
    pub hash: u64,
}

impl Document {
    /// Where `part` (a slice of this document's text) lies in its file,
    /// to be read again with [`read_excerpt`].
    pub fn excerpt(&self, part: &str) -> Excerpt {
        let start = part.as_ptr() as usize - self.text.as_ptr() as usize;
        assert!(
            start + part.len() <= self.text.len(),
            "an excerpt is part of its document"
        );
        Excerpt {
            path: self.path.clone(),
            range: start..start + part.len(),
            hash: self.hash,
        }
    }
}

/// A part of an input file that is read again when it is needed instead
/// of being held for the whole build (a Markdown body, rendered to HTML
/// only when its page is written), with the file's hash at load time so
/// that a file edited in between is noticed instead of silently mixed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Excerpt {
    pub path: PathBuf,
    /// Byte range of the part in the file.
    pub range: Range<usize>,
    /// xxh3 of the whole file as it was loaded.
    pub hash: u64,
}

/// Reads an excerpt again. A file that changed since it was loaded is an
/// error naming it: the rest of the build has used the old text.
pub fn read_excerpt(excerpt: &Excerpt) -> Result<String> {
    let path = &excerpt.path;
    let mut bytes =
        std::fs::read(path).with_context(|| format!("{}: cannot read file", path.display()))?;
    if hash_bytes(&bytes) != excerpt.hash || bytes.len() < excerpt.range.end {
        bail!("{}: changed during the build; build again", path.display());
    }
    bytes.truncate(excerpt.range.end);
    bytes.drain(..excerpt.range.start);
    match simdutf8::compat::from_utf8(&bytes) {
        // SAFETY: the bytes were just validated as UTF-8.
        Ok(_) => Ok(unsafe { String::from_utf8_unchecked(bytes) }),
        Err(_) => bail!("{}: changed during the build; build again", path.display()),
    }
}

/// An input file found but not read yet.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub kind: SourceKind,
}

/// Finds every `.txt` under the seeds folder and every `.md` under the
/// content folder, sorted by path so that everything downstream is
/// deterministic. A missing folder is simply empty. Files are read later,
/// one at a time per worker ([`read`]), so that a large archive is never
/// held in memory whole.
pub fn discover(config: &Config) -> Result<Vec<Source>> {
    let mut sources = Vec::new();
    for (dir, ext, kind) in [
        (&config.site.seeds_dir, "txt", SourceKind::Raw),
        (&config.site.content_dir, "md", SourceKind::Markdown),
    ] {
        let dir = config.resolve(dir);
        if !dir.exists() {
            continue;
        }
        for entry in WalkDir::new(&dir).follow_links(false).sort_by_file_name() {
            let entry = entry.with_context(|| format!("{}: cannot list folder", dir.display()))?;
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if entry.file_type().is_file()
                && !hidden
                && path.extension().and_then(|e| e.to_str()) == Some(ext)
            {
                sources.push(Source {
                    path: path.to_path_buf(),
                    kind,
                });
            }
        }
    }
    let root = &config.root;
    sources.sort_by_cached_key(|s| relative_name(root, &s.path));
    Ok(sources)
}

/// Reads one discovered file.
pub fn read(config: &Config, source: &Source) -> Result<Document> {
    let text = read_utf8(&source.path)?;
    Ok(Document {
        file: relative_name(&config.root, &source.path),
        path: source.path.clone(),
        kind: source.kind,
        hash: hash_bytes(text.as_bytes()),
        text,
    })
}

/// Reads a file as UTF-8; an invalid file is an error naming its line.
///
/// Validation uses `simdutf8`: std's validator reads Arabic text (two-byte
/// characters, no ASCII fast path) byte by byte, and every byte of the
/// archive passes through here.
pub fn read_utf8(path: &Path) -> Result<String> {
    let bytes =
        std::fs::read(path).with_context(|| format!("{}: cannot read file", path.display()))?;
    match simdutf8::compat::from_utf8(&bytes) {
        // SAFETY: the bytes were just validated as UTF-8.
        Ok(_) => Ok(unsafe { String::from_utf8_unchecked(bytes) }),
        Err(e) => {
            let valid = e.valid_up_to();
            let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
            bail!(
                "{}:{}: not valid UTF-8 (byte {}); save the file as UTF-8",
                path.display(),
                line,
                valid
            )
        }
    }
}

/// `path` relative to `root`, with `/` separators.
fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.txt");
        std::fs::write(&path, b"\xd8\xa8\n\xd8\xa8\n\xff\xfe").unwrap();
        let err = read_utf8(&path).unwrap_err().to_string();
        assert!(err.contains("bad.txt:3:"), "{err}");
        assert!(err.contains("UTF-8"), "{err}");
    }

    fn markdown_document(path: &Path) -> Document {
        let text = read_utf8(path).unwrap();
        Document {
            file: "a.md".into(),
            path: path.to_path_buf(),
            kind: SourceKind::Markdown,
            hash: hash_bytes(text.as_bytes()),
            text,
        }
    }

    #[test]
    fn excerpts_read_their_part_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "+++\ntitle = \"ع\"\n+++\nنص المقال.\n").unwrap();
        let doc = markdown_document(&path);
        let body = &doc.text[doc.text.find("نص").unwrap()..];
        let excerpt = doc.excerpt(body);
        assert_eq!(read_excerpt(&excerpt).unwrap(), "نص المقال.\n");
    }

    #[test]
    fn a_file_changed_since_loading_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "نص المقال.\n").unwrap();
        let doc = markdown_document(&path);
        let excerpt = doc.excerpt(&doc.text);
        std::fs::write(&path, "نص آخر.\n").unwrap();
        let err = read_excerpt(&excerpt).unwrap_err().to_string();
        assert!(err.contains("a.md"), "{err}");
        assert!(err.contains("changed during the build"), "{err}");
    }
}
