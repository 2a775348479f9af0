//! The build cache kept beside the output (`.nashra-cache/`), which lets a
//! rebuild skip pages whose inputs did not change.
//!
//! Every page is fingerprinted by what it shows (its template and the exact
//! data handed to it), not by guessing which articles it depends on: a page
//! is rendered again exactly when its data changed, so an incremental build
//! cannot drift from a clean one. The manifest also records a hash of every
//! file's bytes, so unchanged files are never rewritten and files that are no
//! longer produced are removed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use xxhash_rust::xxh3::{Xxh3Default, xxh3_64};

/// Bumped whenever the manifest layout changes.
const MANIFEST_VERSION: &str = "nashra-manifest 2";

/// A streaming 64-bit hash (XXH3).
pub struct Hasher(Xxh3Default);

impl Hasher {
    pub fn new() -> Hasher {
        Hasher(Xxh3Default::new())
    }
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
    pub fn finish(&self) -> u64 {
        self.0.digest()
    }
}

impl Default for Hasher {
    fn default() -> Self {
        Hasher::new()
    }
}

/// Hash of a file's bytes.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

/// Hash of a JSON value, seeded with `seed` (the build key) and `label` (the
/// template name).
///
/// The value is laid out in a per-thread buffer and hashed in one call: a
/// page's data is thousands of short strings, and feeding each to a
/// streaming hasher cost more than the hashing itself.
pub fn hash_json(seed: u64, label: &str, value: &serde_json::Value) -> u64 {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|buf| {
        buf.clear();
        buf.extend_from_slice(&seed.to_le_bytes());
        buf.extend_from_slice(label.as_bytes());
        buf.push(0);
        lay_out(buf, value);
        let hash = xxh3_64(buf);
        // A rare huge page does not keep its buffer for the rest of the build.
        if buf.capacity() > 1 << 22 {
            *buf = Vec::new();
        }
        hash
    })
}

/// Writes a JSON value as bytes without printing it as JSON: each node is
/// tagged and strings go in as raw bytes with their length, so two
/// different values cannot give the same bytes.
fn lay_out(buf: &mut Vec<u8>, value: &serde_json::Value) {
    use serde_json::Value;
    let length = |buf: &mut Vec<u8>, tag: u8, n: usize| {
        buf.push(tag);
        buf.extend_from_slice(&(n as u64).to_le_bytes());
    };
    match value {
        Value::Null => buf.push(b'n'),
        Value::Bool(b) => buf.push(if *b { b't' } else { b'f' }),
        // Tagged by kind, so that 1, -1 and 1.0 stay apart without printing.
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                buf.push(b'u');
                buf.extend_from_slice(&u.to_le_bytes());
            } else if let Some(i) = n.as_i64() {
                buf.push(b'i');
                buf.extend_from_slice(&i.to_le_bytes());
            } else {
                buf.push(b'd');
                buf.extend_from_slice(&n.as_f64().unwrap_or(f64::NAN).to_bits().to_le_bytes());
            }
        }
        Value::String(s) => {
            length(buf, b's', s.len());
            buf.extend_from_slice(s.as_bytes());
        }
        Value::Array(items) => {
            length(buf, b'[', items.len());
            for item in items {
                lay_out(buf, item);
            }
        }
        Value::Object(map) => {
            length(buf, b'{', map.len());
            for (k, v) in map {
                length(buf, b'k', k.len());
                buf.extend_from_slice(k.as_bytes());
                lay_out(buf, v);
            }
        }
    }
}

/// What one output file was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Fingerprint of the inputs (for pages) or of the bytes (other files).
    pub inputs: u64,
    /// Hash of the bytes written.
    pub content: u64,
    /// Size of the file in bytes.
    pub size: u64,
}

/// Every file of the last build, and the key it was built under.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    /// Hash of what every page depends on beyond its own data: nashra's
    /// version, the templates and the site-wide template values.
    pub key: u64,
    pub files: BTreeMap<String, Entry>,
}

impl Manifest {
    /// Where the manifest for output folder `output` lives.
    pub fn path_for(output: &Path) -> PathBuf {
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "site".into());
        output
            .with_file_name(".nashra-cache")
            .join(format!("{name}.manifest"))
    }

    /// Reads a manifest; `None` when there is none or it cannot be trusted
    /// (another layout, a truncated file), which simply means a full build.
    pub fn load(path: &Path) -> Option<Manifest> {
        let text = std::fs::read_to_string(path).ok()?;
        let mut lines = text.lines();
        if lines.next()? != MANIFEST_VERSION {
            return None;
        }
        let key = u64::from_str_radix(lines.next()?.strip_prefix("key ")?, 16).ok()?;
        let mut files = BTreeMap::new();
        let mut complete = false;
        for line in lines {
            if line == "end" {
                complete = true;
                break;
            }
            let mut parts = line.splitn(4, '\t');
            let inputs = u64::from_str_radix(parts.next()?, 16).ok()?;
            let content = u64::from_str_radix(parts.next()?, 16).ok()?;
            let size = parts.next()?.parse().ok()?;
            files.insert(
                parts.next()?.to_string(),
                Entry {
                    inputs,
                    content,
                    size,
                },
            );
        }
        complete.then_some(Manifest { key, files })
    }

    /// Writes the manifest atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        let dir = path.parent().context("manifest path has a folder")?;
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create folder", dir.display()))?;
        let mut text = String::with_capacity(self.files.len() * 64);
        text.push_str(MANIFEST_VERSION);
        text.push('\n');
        text.push_str(&format!("key {:016x}\n", self.key));
        for (path, e) in &self.files {
            text.push_str(&format!(
                "{:016x}\t{:016x}\t{}\t{path}\n",
                e.inputs, e.content, e.size
            ));
        }
        text.push_str("end\n");
        let tmp = path.with_extension("manifest.tmp");
        std::fs::write(&tmp, text).with_context(|| format!("{}: cannot write", tmp.display()))?;
        std::fs::rename(&tmp, path).with_context(|| format!("{}: cannot write", path.display()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = Manifest::path_for(&dir.path().join("public"));
        let mut m = Manifest {
            key: 42,
            files: BTreeMap::new(),
        };
        m.files.insert(
            "articles/x/index.html".into(),
            Entry {
                inputs: 1,
                content: u64::MAX,
                size: 10,
            },
        );
        m.save(&path).unwrap();
        assert_eq!(Manifest::load(&path), Some(m));
    }

    #[test]
    fn truncated_manifest_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m");
        std::fs::write(
            &path,
            format!("{MANIFEST_VERSION}\nkey 2a\n0\t0\t3\tindex.html\n"),
        )
        .unwrap();
        assert_eq!(Manifest::load(&path), None);
    }

    #[test]
    fn fingerprints_depend_on_template_and_data() {
        let a = serde_json::json!({"title": "بوتين"});
        let b = serde_json::json!({"title": "ترامب"});
        assert_ne!(
            hash_json(1, "article.html", &a),
            hash_json(1, "article.html", &b)
        );
        assert_ne!(
            hash_json(1, "article.html", &a),
            hash_json(1, "story.html", &a)
        );
        assert_ne!(
            hash_json(1, "article.html", &a),
            hash_json(2, "article.html", &a)
        );
        assert_eq!(
            hash_json(1, "article.html", &a),
            hash_json(1, "article.html", &a.clone())
        );
    }
}
