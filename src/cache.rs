//! The build cache kept beside the output (`.nashra-cache/`), which lets a
//! rebuild skip pages whose inputs did not change.
//!
//! Every page is fingerprinted by what it shows (its template and the exact
//! data handed to it), not by guessing which articles it depends on: a page
//! is rendered again exactly when its data changed, so an incremental build
//! cannot drift from a clean one. The manifest also records a hash of every
//! file's bytes, so unchanged files are never rewritten and files that are no
//! longer produced are removed. It records what the file system said of
//! each file as written (size, modification time, inode), so that the next
//! build notices a file deleted or changed since and writes it again.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context as _, Result};
use serde::Serialize;
use xxhash_rust::xxh3::{Xxh3Default, xxh3_64};

/// Bumped whenever the manifest layout changes.
const MANIFEST_VERSION: &str = "nashra-manifest 3";

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

/// A hash of the running executable, read once per process; the version
/// number when the executable cannot be read.
pub fn program_hash() -> u64 {
    static HASH: OnceLock<u64> = OnceLock::new();
    *HASH.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::read)
            .map(|bytes| hash_bytes(&bytes))
            .unwrap_or_else(|_| hash_bytes(env!("CARGO_PKG_VERSION").as_bytes()))
    })
}

/// Hash of a file's bytes.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

/// What a page (or card) is made from, fed in piece by piece as it is
/// handed to its template and hashed in one call when complete: equal
/// fingerprints, equal output. Each piece is written into the caller's
/// buffer as its key, a NUL, the length of its value and the value in
/// postcard's compact encoding, so two different inputs never write the same
/// bytes. Building a JSON value tree for every page only to hash it cost more
/// than the hashing, and writing JSON spent most of its time escaping.
pub struct Fingerprint<'b> {
    buf: &'b mut Vec<u8>,
}

impl<'b> Fingerprint<'b> {
    /// A fingerprint seeded with `seed` (the build key), written in `buf`.
    pub fn new(buf: &'b mut Vec<u8>, seed: u64) -> Fingerprint<'b> {
        buf.clear();
        buf.extend_from_slice(&seed.to_le_bytes());
        Fingerprint { buf }
    }

    /// Adds `value` under `key`.
    pub fn add<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.push(0);
        let length_at = self.buf.len();
        self.buf.extend_from_slice(&[0; 8]);
        postcard::to_io(value, &mut *self.buf).expect("page data serialises");
        let length = (self.buf.len() - length_at - 8) as u64;
        self.buf[length_at..length_at + 8].copy_from_slice(&length.to_le_bytes());
    }

    pub fn finish(self) -> u64 {
        let hash = xxh3_64(self.buf);
        // A rare huge page does not keep its buffer for the rest of the build.
        if self.buf.capacity() > 1 << 22 {
            *self.buf = Vec::new();
        }
        hash
    }
}

/// The fingerprint of one value, with a buffer of its own.
pub fn fingerprint_of<T: Serialize + ?Sized>(seed: u64, key: &str, value: &T) -> u64 {
    let mut buf = Vec::new();
    let mut print = Fingerprint::new(&mut buf, seed);
    print.add(key, value);
    print.finish()
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
    /// What the file system said of the file once written.
    pub on_disk: OnDisk,
}

/// What the file system says of a written file without reading it: its
/// modification time and inode. nashra never writes into an existing file
/// (it writes a new one and renames it over), so a file with the size,
/// time and inode it was written with still has its bytes; anything else
/// (an editor's change, a deletion, a copy put back) shows in one of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OnDisk {
    /// Modification time in nanoseconds since the Unix epoch.
    pub modified: i128,
    /// Inode number; zero where the platform has none.
    pub inode: u64,
}

impl OnDisk {
    pub fn of(metadata: &std::fs::Metadata) -> OnDisk {
        let modified = metadata
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(metadata);
        #[cfg(not(unix))]
        let inode = 0;
        OnDisk { modified, inode }
    }
}

impl Entry {
    /// Whether the file at `path` is still the one this entry describes.
    pub fn matches_disk(&self, path: &Path) -> bool {
        std::fs::symlink_metadata(path)
            .is_ok_and(|m| m.is_file() && m.len() == self.size && OnDisk::of(&m) == self.on_disk)
    }
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
            let mut parts = line.splitn(6, '\t');
            let inputs = u64::from_str_radix(parts.next()?, 16).ok()?;
            let content = u64::from_str_radix(parts.next()?, 16).ok()?;
            let size = parts.next()?.parse().ok()?;
            let modified = parts.next()?.parse().ok()?;
            let inode = parts.next()?.parse().ok()?;
            files.insert(
                parts.next()?.to_string(),
                Entry {
                    inputs,
                    content,
                    size,
                    on_disk: OnDisk { modified, inode },
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
        let _ = writeln!(text, "key {:016x}", self.key);
        for (path, e) in &self.files {
            // Writing into a String cannot fail.
            let _ = writeln!(
                text,
                "{:016x}\t{:016x}\t{}\t{}\t{}\t{path}",
                e.inputs, e.content, e.size, e.on_disk.modified, e.on_disk.inode
            );
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
                on_disk: OnDisk {
                    modified: 1_764_547_200_123_456_789,
                    inode: 4242,
                },
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
            format!("{MANIFEST_VERSION}\nkey 2a\n0\t0\t3\t1\t1\tindex.html\n"),
        )
        .unwrap();
        assert_eq!(Manifest::load(&path), None);
    }

    #[test]
    fn fingerprints_depend_on_template_and_data() {
        let a = serde_json::json!({"title": "بوتين"});
        let b = serde_json::json!({"title": "ترامب"});
        assert_ne!(
            fingerprint_of(1, "article", &a),
            fingerprint_of(1, "article", &b)
        );
        assert_ne!(
            fingerprint_of(1, "article", &a),
            fingerprint_of(1, "story", &a)
        );
        assert_ne!(
            fingerprint_of(1, "article", &a),
            fingerprint_of(2, "article", &a)
        );
        assert_eq!(
            fingerprint_of(1, "article", &a),
            fingerprint_of(1, "article", &a.clone())
        );
        // Pieces are kept apart: moving text from one to the next shows.
        let split = |first: &str, second: &str| {
            let mut buf = Vec::new();
            let mut print = Fingerprint::new(&mut buf, 1);
            print.add("a", first);
            print.add("b", second);
            print.finish()
        };
        assert_ne!(split("بوتين", "ترامب"), split("بوتينترامب", ""));
    }
}
