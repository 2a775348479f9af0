//! Reading the input folders: the only place the pipeline reads files.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use walkdir::WalkDir;

use crate::article::{Excerpt, SourceKind};
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

/// Reads an excerpt again. A file that changed since it was loaded is an
/// error naming it: the rest of the build has used the old text.
pub fn read_excerpt(excerpt: &Excerpt) -> Result<String> {
    let path = &excerpt.path;
    let bytes =
        std::fs::read(path).with_context(|| format!("{}: cannot read file", path.display()))?;
    let changed = || anyhow::anyhow!("{}: changed during the build; build again", path.display());
    if hash_bytes(&bytes) != excerpt.hash {
        return Err(changed());
    }
    let text = match simdutf8::compat::from_utf8(&bytes) {
        // SAFETY: the bytes were just validated as UTF-8.
        Ok(_) => unsafe { String::from_utf8_unchecked(bytes) },
        Err(_) => return Err(changed()),
    };
    // The range is one of the text as loading cleaned it.
    let mut text = cleaned(text);
    if text.get(excerpt.range.clone()).is_none() {
        return Err(changed());
    }
    text.truncate(excerpt.range.end);
    text.drain(..excerpt.range.start);
    Ok(text)
}

/// A file's text without the characters no page or feed may carry (see
/// [`crate::safe_text`]): every text nashra reads from a file goes through
/// here.
fn cleaned(text: String) -> String {
    match crate::safe_text::clean(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(cleaned) => cleaned,
    }
}

/// An input file found but not read yet.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    pub kind: SourceKind,
    /// What the file system says of the file when it was found.
    pub stamp: Stamp,
}

/// What the file system says of a file without reading it: its size and
/// the times of its last change. A file whose stamp is unchanged since a
/// build read it long enough before (see [`Stamp::settled_before`]) has
/// the bytes it had then, which spares an incremental build reading and
/// hashing the whole archive to find the one file that changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub len: u64,
    /// Last modification, in nanoseconds since the Unix epoch.
    pub modified: i128,
    /// Last change of content or metadata (Unix `ctime`, which no program
    /// can set back, unlike the modification time), and the inode number;
    /// zero where the platform has none.
    pub changed: i128,
    pub inode: u64,
}

impl Stamp {
    fn of(metadata: &std::fs::Metadata) -> Stamp {
        let nanos = |t: std::io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i128)
        };
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(metadata.ctime()) * 1_000_000_000 + i128::from(metadata.ctime_nsec()),
                metadata.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed, inode) = (0, 0);
        Stamp {
            len: metadata.len(),
            modified: nanos(metadata.modified()),
            changed,
            inode,
        }
    }

    /// Whether the file had stopped changing a while before `moment`:
    /// file times tick coarsely (milliseconds), so a file written in the
    /// same tick as a build read it could change again without its stamp
    /// changing. Only a settled stamp may stand for the file's bytes.
    pub fn settled_before(&self, moment: std::time::SystemTime) -> bool {
        const MARGIN: i128 = 2_000_000_000;
        let moment = moment
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i128);
        self.modified != 0 && self.modified.max(self.changed) < moment - MARGIN
    }
}

/// The input files found, and a warning for each one left out.
#[derive(Debug, Default)]
pub struct Found {
    /// Sorted by path, so that everything downstream is deterministic.
    pub sources: Vec<Source>,
    /// Each names the file or link left out and why.
    pub left_out: Vec<String>,
}

/// Finds every `.txt` under the seeds folder and every `.md` under the
/// content folder. A missing folder is simply empty. Files are read later,
/// one at a time per worker ([`read`]), so that a large archive is never
/// held in memory whole.
///
/// Symbolic links are followed while they stay inside the site folder (an
/// editor may link an article into `content/` from elsewhere in the site);
/// one leading out of it, a broken one and one that loops are left out
/// with a warning, never silently.
pub fn discover(config: &Config) -> Result<Found> {
    let mut found = Found::default();
    let site = std::fs::canonicalize(&config.root).unwrap_or_else(|_| config.root.clone());
    for (dir, ext, kind) in [
        (&config.site.seeds_dir, "txt", SourceKind::Raw),
        (&config.site.content_dir, "md", SourceKind::Markdown),
    ] {
        let dir = config.resolve(dir);
        if !dir.exists() {
            continue;
        }
        let mut walk = WalkDir::new(&dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = walk.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let at = relative_name(&config.root, e.path().unwrap_or(&dir));
                    if let Some(ancestor) = e.loop_ancestor() {
                        found.left_out.push(format!(
                            "{at}: a symbolic link that loops back to {}; left out",
                            ancestor.display()
                        ));
                        continue;
                    }
                    if e.path().is_some_and(|p| p.is_symlink()) {
                        found
                            .left_out
                            .push(format!("{at}: a broken symbolic link; left out"));
                        continue;
                    }
                    return Err(e).with_context(|| format!("{at}: cannot list folder"));
                }
            };
            let path = entry.path();
            if entry.path_is_symlink() {
                let target = std::fs::canonicalize(path).unwrap_or_default();
                if !target.starts_with(&site) {
                    found.left_out.push(format!(
                        "{}: a symbolic link to {}, outside the site folder; left out",
                        relative_name(&config.root, path),
                        target.display()
                    ));
                    if entry.file_type().is_dir() {
                        walk.skip_current_dir();
                    }
                    continue;
                }
            }
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if entry.file_type().is_file()
                && !hidden
                && path.extension().and_then(|e| e.to_str()) == Some(ext)
            {
                let stamp = entry.metadata().map(|m| Stamp::of(&m)).unwrap_or_default();
                found.sources.push(Source {
                    path: path.to_path_buf(),
                    file: relative_name(&config.root, path),
                    kind,
                    stamp,
                });
            }
        }
    }
    found.sources.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(found)
}

/// Reads one discovered file, cleaned of the characters no page or feed
/// may carry; its hash is that of the bytes on disk.
pub fn read(source: &Source) -> Result<Document> {
    let text = read_utf8(&source.path)?;
    let hash = hash_bytes(text.as_bytes());
    Ok(Document {
        file: source.file.clone(),
        path: source.path.clone(),
        kind: source.kind,
        hash,
        text: cleaned(text),
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

/// `path` relative to the site folder `root`, with `/` separators: how an
/// input file is named in articles and messages.
pub(crate) fn relative_name(root: &Path, path: &Path) -> String {
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
    fn a_stamp_settles_two_seconds_after_the_last_change() {
        let at = |secs: u64| std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
        let nanos = |secs: i128| secs * 1_000_000_000;
        let stamp = Stamp {
            len: 10,
            modified: nanos(100),
            changed: nanos(101),
            inode: 1,
        };
        assert!(stamp.settled_before(at(104)));
        assert!(!stamp.settled_before(at(102)), "changed a second ago");
        assert!(!Stamp::default().settled_before(at(104)), "no stamp known");
    }

    #[test]
    fn a_found_file_has_its_stamp() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        std::fs::write(dir.path().join("seeds/a.txt"), "خبر").unwrap();
        std::fs::write(
            dir.path().join("site.toml"),
            "title = \"نشرة\"\nbase_url = \"https://example.com/\"\n",
        )
        .unwrap();
        let config = Config::load(&dir.path().join("site.toml")).unwrap();
        let sources = discover(&config).unwrap().sources;
        assert_eq!(sources[0].file, "seeds/a.txt");
        assert_eq!(sources[0].stamp.len, "خبر".len() as u64);
        assert!(sources[0].stamp.modified > 0);
    }

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
    fn files_are_read_clean_and_excerpts_follow_the_cleaned_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        let raw = "\u{feff}+++\rtitle = \"ع\"\r+++\rنص\0 المقال\u{202E}.\r";
        std::fs::write(&path, raw).unwrap();
        let source = Source {
            path: path.clone(),
            file: "content/a.md".into(),
            kind: SourceKind::Markdown,
            stamp: Stamp::default(),
        };
        let doc = read(&source).unwrap();
        assert_eq!(doc.text, "+++\ntitle = \"ع\"\n+++\nنص المقال.\n");
        assert_eq!(doc.hash, hash_bytes(raw.as_bytes()));
        let body = &doc.text[doc.text.find("نص").unwrap()..];
        assert_eq!(read_excerpt(&doc.excerpt(body)).unwrap(), "نص المقال.\n");
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
