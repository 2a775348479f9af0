//! What the last build understood of each input file, kept so that a
//! rebuild analyses only the files that changed.
//!
//! Reading, cleaning, dating, entity matching, topics and summaries are most
//! of a build's work and depend on one file each (and on the site's
//! configuration). They are saved per file in `.nashra-cache/NAME.analysis/`,
//! beside the page manifest, and reused only when the file's bytes hash the
//! same and the cache was written by the same nashra binary from the same
//! `site.toml`, entity list and site folder (the key). Anything else is
//! analysed again, so a build that reuses analysis cannot differ from a clean
//! one. Stories are not cached: they depend on the whole archive.
//!
//! Entries are spread over `SHARDS` files by a hash of their file's path,
//! so that a rebuild after an edit rewrites the one shard holding that file
//! instead of the whole archive's analysis (89 MB for 10,000 articles). A
//! shard is a list of entries (path, content hash, file stamp, payload
//! length and checksum, Postcard payload), written to a temporary file and renamed into
//! place, so each shard is whole whatever happens to the others; an entry
//! whose checksum fails is analysed again.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::cache::{Hasher, hash_bytes, program_hash};
use crate::config::Config;
use crate::enrich::{Page, Stated};
use crate::load::Stamp;

const MAGIC: &[u8] = b"nashra-analysis 4\n";
/// Written instead of a path length after the last entry: a shard cut short
/// is not mistaken for a complete one.
const END: u32 = u32::MAX;

/// How many files the analysis is spread over: enough that an edit rewrites
/// a small part of a large archive's (1/64 of 880 MB at 100,000 articles),
/// few enough that a small site's cache stays a handful of files.
const SHARDS: usize = 64;

/// Shards read in parallel before their results are taken: enough to keep
/// both cores busy, a sixteenth of the archive at a time.
const SHARDS_AT_ONCE: usize = 4;

/// What one input file holds once analysed: its articles (with what their
/// front matter states), or the page or draft it is, and the warnings for
/// what of it was left out.
#[derive(Debug, Default)]
pub struct FileAnalysis {
    pub articles: Vec<(Article, Stated)>,
    pub pages: Vec<Page>,
    pub drafts: Vec<String>,
    pub skipped: Vec<String>,
}

/// One input file of this build, as the next cache records it.
pub struct Saving<'a> {
    pub file: &'a str,
    /// Hash of the file's bytes.
    pub hash: u64,
    /// The file's stamp when it had settled before this build read it
    /// (the default otherwise): the next build trusts an unchanged settled
    /// stamp without reading the file.
    pub stamp: Stamp,
    /// True when its analysis was taken from this cache.
    pub reused: bool,
}

/// The previous build's analysis, for reuse where it can be trusted, and
/// this build's, saved for the next.
pub struct AnalysisCache {
    dir: PathBuf,
    key: u64,
    /// How many entries each previous shard held; `None` for one missing,
    /// unreadable, damaged or differently keyed. Known once read.
    previous: Vec<Mutex<Option<usize>>>,
}

/// One shard of the previous build's analysis, read whole.
pub struct Shard {
    bytes: Vec<u8>,
    entries: HashMap<String, Saved>,
}

/// Where an entry's payload lies in its shard, and what it must hash to.
struct Saved {
    content_hash: u64,
    stamp: Stamp,
    payload: Range<usize>,
    checksum: u64,
}

impl AnalysisCache {
    /// The cache beside the page manifest `manifest`, for a build of
    /// `config`. Whatever cannot be read or trusted is simply not reused.
    pub fn open(manifest: &Path, config: &Config) -> AnalysisCache {
        AnalysisCache {
            dir: manifest.with_extension("analysis"),
            key: key_for(config),
            previous: (0..SHARDS).map(|_| Mutex::new(None)).collect(),
        }
    }

    /// Calls `read(i, shard)` for each of `files` (paths relative to the
    /// site), then `take(i, result)`. Files are read shard by shard, each
    /// with the previous build's shard holding it (`None` without one or
    /// without `cache`), a few shards at a time in parallel: a shard is read
    /// before its first file and let go after its last, so a rebuild never
    /// holds the whole previous analysis (880 MB at 100,000 articles), and
    /// each few shards' results are taken before the next are read, so what
    /// reading leaves besides the articles is never held for the whole
    /// archive. Results are taken in shard order, not in the order of
    /// `files`.
    pub fn read_each<T: Send>(
        cache: Option<&AnalysisCache>,
        files: &[&str],
        read: impl Fn(usize, Option<&Shard>) -> Result<T> + Sync,
        mut take: impl FnMut(usize, T),
    ) -> Result<()> {
        let mut by_shard: Vec<Vec<usize>> = vec![Vec::new(); SHARDS];
        for (i, file) in files.iter().enumerate() {
            by_shard[shard_of(file)].push(i);
        }
        for (group, shards) in by_shard.chunks(SHARDS_AT_ONCE).enumerate() {
            let done: Vec<Vec<(usize, T)>> = shards
                .par_iter()
                .enumerate()
                .map(|(k, members)| {
                    let shard = cache.and_then(|c| c.read_shard(group * SHARDS_AT_ONCE + k));
                    members
                        .iter()
                        .map(|&i| Ok((i, read(i, shard.as_ref())?)))
                        .collect()
                })
                .collect::<Result<_>>()?;
            for (i, value) in done.into_iter().flatten() {
                take(i, value);
            }
        }
        Ok(())
    }

    /// The previous build's shard `s`, noting how many entries it held.
    fn read_shard(&self, s: usize) -> Option<Shard> {
        let shard = std::fs::read(self.dir.join(shard_name(s)))
            .ok()
            .and_then(|bytes| Shard::parse(bytes, self.key));
        *self.previous[s]
            .lock()
            .expect("no panics while holding the lock") = shard.as_ref().map(|sh| sh.entries.len());
        shard
    }

    /// The file named `name` kept beside the analysis under its key.
    pub fn kept_file(&self, name: &str) -> KeptFile {
        KeptFile {
            path: self.dir.join(name),
            key: self.key,
        }
    }

    /// Saves this build's analysis of `files`, in their order within each
    /// shard. A shard whose files all kept their saved analysis, with none
    /// added or gone, is left as it is; the others are written again, taking
    /// reused entries from the previous shard and encoding the rest with
    /// `encode` (called with the index of the file in `files`).
    pub fn save(
        &self,
        files: &[Saving<'_>],
        encode: impl Fn(usize) -> Vec<u8> + Sync,
    ) -> Result<()> {
        if self.dir.is_file() {
            // A cache from before the analysis was sharded.
            std::fs::remove_file(&self.dir).with_context(|| {
                format!("{}: cannot replace the analysis cache", self.dir.display())
            })?;
        }
        std::fs::create_dir_all(&self.dir)
            .with_context(|| format!("{}: cannot create folder", self.dir.display()))?;
        let mut by_shard: Vec<Vec<usize>> = vec![Vec::new(); SHARDS];
        for (i, f) in files.iter().enumerate() {
            by_shard[shard_of(f.file)].push(i);
        }
        by_shard
            .par_iter()
            .enumerate()
            .try_for_each(|(s, members)| {
                let held = *self.previous[s]
                    .lock()
                    .expect("no panics while holding the lock");
                let unchanged =
                    held == Some(members.len()) && members.iter().all(|&i| files[i].reused);
                if unchanged {
                    return Ok(());
                }
                // Reused entries are copied from the previous shard, read
                // again: it was let go after its files were read. An entry
                // gone or damaged since is encoded afresh, to the same bytes.
                let previous = if members.iter().any(|&i| files[i].reused) {
                    std::fs::read(self.dir.join(shard_name(s)))
                        .ok()
                        .and_then(|bytes| Shard::parse(bytes, self.key))
                } else {
                    None
                };
                let path = self.dir.join(shard_name(s));
                if members.is_empty() {
                    return match std::fs::remove_file(&path) {
                        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                            Err(e).with_context(|| format!("{}: cannot remove", path.display()))
                        }
                        _ => Ok(()),
                    };
                }
                self.write_shard(
                    &path,
                    members.iter().map(|&i| {
                        let f = &files[i];
                        let kept = previous
                            .as_ref()
                            .filter(|_| f.reused)
                            .and_then(|p| p.payload(f.file, f.hash));
                        let payload = match kept {
                            Some(bytes) => EntryBytes::Kept(bytes),
                            None => EntryBytes::Fresh(encode(i)),
                        };
                        (f, payload)
                    }),
                )
            })
    }

    /// Writes one shard beside `path` and renames it into place. No fsync:
    /// a cache lost in a crash only makes the next build a full one.
    fn write_shard<'e>(
        &self,
        path: &Path,
        entries: impl Iterator<Item = (&'e Saving<'e>, EntryBytes<'e>)>,
    ) -> Result<()> {
        let tmp = path.with_extension("tmp");
        let failed = || format!("{}: cannot write the analysis cache", tmp.display());
        let file = std::fs::File::create(&tmp).with_context(failed)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        let write = || -> std::io::Result<()> {
            out.write_all(MAGIC)?;
            out.write_all(&self.key.to_le_bytes())?;
            for (saving, payload) in entries {
                let payload = payload.as_slice();
                let stamp = &saving.stamp;
                out.write_all(&(saving.file.len() as u32).to_le_bytes())?;
                out.write_all(saving.file.as_bytes())?;
                out.write_all(&saving.hash.to_le_bytes())?;
                out.write_all(&stamp.len.to_le_bytes())?;
                out.write_all(&stamp.modified.to_le_bytes())?;
                out.write_all(&stamp.changed.to_le_bytes())?;
                out.write_all(&stamp.inode.to_le_bytes())?;
                out.write_all(&(payload.len() as u64).to_le_bytes())?;
                out.write_all(&hash_bytes(payload).to_le_bytes())?;
                out.write_all(payload)?;
            }
            out.write_all(&END.to_le_bytes())?;
            out.flush()
        };
        write().with_context(failed)?;
        std::fs::rename(&tmp, path)
            .with_context(|| format!("{}: cannot write the analysis cache", path.display()))
    }
}

/// A file beside the analysis that keeps one value between builds under the
/// same key: what a later stage worked out that the next build may reuse.
pub struct KeptFile {
    path: PathBuf,
    key: u64,
}

impl KeptFile {
    /// The value saved by a build with the same key; the default when there
    /// is none, or it is damaged or from another key.
    pub fn load<T: serde::de::DeserializeOwned + Default>(&self) -> T {
        let read = || -> Option<T> {
            let bytes = std::fs::read(&self.path).ok()?;
            if bytes.get(..MAGIC.len())? != MAGIC || read_u64(&bytes, MAGIC.len())? != self.key {
                return None;
            }
            let checksum = read_u64(&bytes, MAGIC.len() + 8)?;
            let payload = bytes.get(MAGIC.len() + 16..)?;
            if hash_bytes(payload) != checksum {
                return None;
            }
            postcard::from_bytes(payload).ok()
        };
        read().unwrap_or_default()
    }

    /// Saves `value` for the next build, renamed into place whole.
    pub fn save<T: Serialize>(&self, value: &T) -> Result<()> {
        let payload = postcard::to_stdvec(value).context("a kept value always encodes")?;
        let mut bytes = Vec::with_capacity(MAGIC.len() + 16 + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&self.key.to_le_bytes());
        bytes.extend_from_slice(&hash_bytes(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        let tmp = self.path.with_extension("tmp");
        let failed = || format!("{}: cannot write the cache", self.path.display());
        std::fs::write(&tmp, bytes).with_context(failed)?;
        std::fs::rename(&tmp, &self.path).with_context(failed)
    }
}

/// An entry's payload: the previous shard's bytes, or freshly encoded.
enum EntryBytes<'a> {
    Kept(&'a [u8]),
    Fresh(Vec<u8>),
}

impl EntryBytes<'_> {
    fn as_slice(&self) -> &[u8] {
        match self {
            EntryBytes::Kept(bytes) => bytes,
            EntryBytes::Fresh(bytes) => bytes,
        }
    }
}

/// The shard a file's entry is kept in.
fn shard_of(file: &str) -> usize {
    (hash_bytes(file.as_bytes()) % SHARDS as u64) as usize
}

fn shard_name(shard: usize) -> String {
    format!("{shard:02x}")
}

impl Shard {
    /// The saved analysis of `file` if its bytes still hash to `hash`.
    pub fn get(&self, file: &str, hash: u64) -> Option<FileAnalysis> {
        decode(self.payload(file, hash)?)
    }

    /// The saved analysis of `file`, and the hash of its bytes, if it was
    /// saved with a settled stamp and the file's stamp is still `stamp`:
    /// the file need not be read.
    pub fn get_unread(&self, file: &str, stamp: &Stamp) -> Option<(u64, FileAnalysis)> {
        let saved = self.entries.get(file)?;
        if saved.stamp == Stamp::default() || saved.stamp != *stamp {
            return None;
        }
        let hash = saved.content_hash;
        Some((hash, decode(self.payload(file, hash)?)?))
    }

    /// The payload of `file`'s entry if it holds the analysis of bytes
    /// hashing to `hash` and is intact.
    fn payload(&self, file: &str, hash: u64) -> Option<&[u8]> {
        let saved = self.entries.get(file)?;
        let payload = &self.bytes[saved.payload.clone()];
        (saved.content_hash == hash && hash_bytes(payload) == saved.checksum).then_some(payload)
    }

    fn parse(bytes: Vec<u8>, key: u64) -> Option<Shard> {
        let mut at = MAGIC.len() + 8;
        if bytes.get(..MAGIC.len())? != MAGIC || read_u64(&bytes, MAGIC.len())? != key {
            return None;
        }
        let mut entries = HashMap::new();
        loop {
            let len = read_u32(&bytes, at)?;
            at += 4;
            if len == END {
                break;
            }
            let path_end = at.checked_add(len as usize)?;
            let file = std::str::from_utf8(bytes.get(at..path_end)?)
                .ok()?
                .to_string();
            let content_hash = read_u64(&bytes, path_end)?;
            let stamp_at = path_end + 8;
            let stamp = Stamp {
                len: read_u64(&bytes, stamp_at)?,
                modified: read_i128(&bytes, stamp_at + 8)?,
                changed: read_i128(&bytes, stamp_at + 24)?,
                inode: read_u64(&bytes, stamp_at + 40)?,
            };
            let sizes_at = stamp_at + 48;
            let size = usize::try_from(read_u64(&bytes, sizes_at)?).ok()?;
            let checksum = read_u64(&bytes, sizes_at + 8)?;
            let start = sizes_at + 16;
            let end = start.checked_add(size)?;
            bytes.get(start..end)?;
            entries.insert(
                file,
                Saved {
                    content_hash,
                    stamp,
                    payload: start..end,
                    checksum,
                },
            );
            at = end;
        }
        Some(Shard { bytes, entries })
    }
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn read_i128(bytes: &[u8], at: usize) -> Option<i128> {
    Some(i128::from_le_bytes(
        bytes.get(at..at + 16)?.try_into().ok()?,
    ))
}

fn read_u64(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

#[derive(Serialize)]
struct StoredRef<'a> {
    articles: Vec<(&'a Article, &'a Stated)>,
    pages: &'a [Page],
    drafts: &'a [String],
    skipped: &'a [String],
}

#[derive(Deserialize)]
struct Stored {
    articles: Vec<(Article, Stated)>,
    pages: Vec<Page>,
    drafts: Vec<String>,
    skipped: Vec<String>,
}

/// Encodes one file's analysis: its articles (with the sentences and stems
/// the later stages read), pages, drafts and what was left out.
pub fn encode(
    articles: &[Article],
    stated: &[Stated],
    pages: &[Page],
    drafts: &[String],
    skipped: &[String],
) -> Vec<u8> {
    let stored = StoredRef {
        articles: articles.iter().zip(stated).collect(),
        pages,
        drafts,
        skipped,
    };
    postcard::to_stdvec(&stored).expect("an analysis always encodes")
}

fn decode(bytes: &[u8]) -> Option<FileAnalysis> {
    let stored: Stored = postcard::from_bytes(bytes).ok()?;
    Some(FileAnalysis {
        articles: stored
            .articles
            .into_iter()
            .map(|(mut article, stated)| {
                // Slugs are handed out across the whole archive at each build.
                article.slug.clear();
                (article, stated)
            })
            .collect(),
        pages: stored.pages,
        drafts: stored.drafts,
        skipped: stored.skipped,
    })
}

/// What every cached analysis depends on besides its own file: the program
/// (any rebuilt binary may analyse differently), `site.toml` (outlets,
/// topics, time zone), the site's entity list, and where the site is (a
/// Markdown article keeps the path of its file).
fn key_for(config: &Config) -> u64 {
    let mut h = Hasher::new();
    h.update(&program_hash().to_le_bytes());
    h.update(config.root.as_os_str().as_encoded_bytes());
    for path in std::iter::once(config.path.clone())
        .chain(config.site.entities.as_ref().map(|p| config.resolve(p)))
    {
        let bytes = std::fs::read(&path).unwrap_or_default();
        h.update(&hash_bytes(&bytes).to_le_bytes());
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(cache: &AnalysisCache, file: &str, hash: u64) -> Option<FileAnalysis> {
        cache.read_shard(shard_of(file))?.get(file, hash)
    }

    fn get_unread(cache: &AnalysisCache, file: &str, stamp: &Stamp) -> Option<(u64, FileAnalysis)> {
        cache.read_shard(shard_of(file))?.get_unread(file, stamp)
    }

    #[test]
    fn every_file_is_read_and_taken_once() {
        let names: Vec<String> = (0..300).map(|i| format!("seeds/{i}.txt")).collect();
        let files: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut read = vec![None; files.len()];
        AnalysisCache::read_each(
            None,
            &files,
            |i, shard| {
                assert!(shard.is_none());
                Ok(files[i].len())
            },
            |i, len| {
                assert!(read[i].replace(len).is_none(), "file {i} read twice");
            },
        )
        .unwrap();
        assert_eq!(
            read,
            files.iter().map(|f| Some(f.len())).collect::<Vec<_>>()
        );
    }
    use crate::article::{Block, Published};

    fn article() -> Article {
        let mut a = Article::from_blocks(
            "seeds/x.txt".into(),
            1,
            "البنك المركزي يثبت أسعار الفائدة".into(),
            vec![
                Block::paragraph("أبقى البنك المركزي أسعار الفائدة دون تغيير. وتراجع التضخم."),
                Block::heading("تراجع التضخم"),
            ],
        );
        a.slug = "bank".into();
        a.published = Some(Published {
            date: chrono::NaiveDate::from_ymd_opt(2025, 9, 2).unwrap(),
            time: None,
        });
        a.summary = "أبقى البنك المركزي أسعار الفائدة دون تغيير.".into();
        a
    }

    fn config() -> Config {
        Config::load(Path::new("site.toml")).unwrap()
    }

    #[test]
    fn an_article_comes_back_with_its_reading_and_without_its_slug() {
        let a = article();
        let stated = Stated {
            topics: Some(vec!["اقتصاد".into()]),
            ..Stated::default()
        };
        let back = decode(&encode(std::slice::from_ref(&a), &[stated], &[], &[], &[])).unwrap();
        let (b, s) = &back.articles[0];
        assert_eq!(b.title, a.title);
        assert_eq!(
            b.text_blocks().collect::<Vec<_>>(),
            a.text_blocks().collect::<Vec<_>>()
        );
        assert_eq!(b.published, a.published);
        assert_eq!(b.summary, a.summary);
        assert_eq!(
            b.sentences().collect::<Vec<_>>(),
            a.sentences().collect::<Vec<_>>()
        );
        assert_eq!(b.body_stems(), a.body_stems());
        assert_eq!(b.title_stems(), a.title_stems());
        assert!(b.slug.is_empty(), "slugs are given out again at each build");
        assert_eq!(s.topics, Some(vec!["اقتصاد".to_string()]));
    }

    const STAMP: Stamp = Stamp {
        len: 120,
        modified: 1_700_000_000_000_000_000,
        changed: 1_700_000_000_000_000_000,
        inode: 42,
    };

    #[test]
    fn an_entry_with_the_same_settled_stamp_is_reused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("public.manifest");
        save_one_article(&manifest);
        let cache = AnalysisCache::open(&manifest, &config());
        let (hash, analysis) = get_unread(&cache, "seeds/x.txt", &STAMP).unwrap();
        assert_eq!(hash, 7);
        assert_eq!(analysis.articles.len(), 1);
        let touched = Stamp {
            modified: STAMP.modified + 1,
            ..STAMP
        };
        assert!(get_unread(&cache, "seeds/x.txt", &touched).is_none());
        let replaced = Stamp { inode: 43, ..STAMP };
        assert!(get_unread(&cache, "seeds/x.txt", &replaced).is_none());
    }

    /// Saves a cache holding `article()` as `seeds/x.txt` with hash 7.
    fn save_one_article(manifest: &Path) {
        let cache = AnalysisCache::open(manifest, &config());
        let files = [Saving {
            file: "seeds/x.txt",
            hash: 7,
            stamp: STAMP,
            reused: false,
        }];
        cache
            .save(&files, |_| {
                encode(&[article()], &[Stated::default()], &[], &[], &[])
            })
            .unwrap();
    }

    #[test]
    fn an_entry_is_reused_only_for_the_same_bytes_and_key() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("public.manifest");
        assert!(get(&AnalysisCache::open(&manifest, &config()), "seeds/x.txt", 7).is_none());
        save_one_article(&manifest);

        let cache = AnalysisCache::open(&manifest, &config());
        assert!(get(&cache, "seeds/x.txt", 7).is_some());
        assert!(get(&cache, "seeds/x.txt", 8).is_none(), "the file changed");
        assert!(get(&cache, "seeds/y.txt", 7).is_none());

        let mut other = config();
        other.path = dir.path().join("other.toml");
        std::fs::write(&other.path, "title = \"x\"").unwrap();
        let cache = AnalysisCache::open(&manifest, &other);
        assert!(get(&cache, "seeds/x.txt", 7).is_none(), "site.toml changed");
    }

    #[test]
    fn a_damaged_entry_is_not_reused() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("public.manifest");
        save_one_article(&manifest);
        let path = manifest
            .with_extension("analysis")
            .join(shard_name(shard_of("seeds/x.txt")));
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 10;
        bytes[last] ^= 1;
        std::fs::write(&path, bytes).unwrap();
        let cache = AnalysisCache::open(&manifest, &config());
        let shard = cache.read_shard(shard_of("seeds/x.txt")).unwrap();
        assert!(shard.entries.contains_key("seeds/x.txt"));
        assert!(get(&cache, "seeds/x.txt", 7).is_none());
    }

    #[test]
    fn only_the_shard_of_a_changed_file_is_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("public.manifest");
        let names: Vec<String> = (0..200).map(|i| format!("seeds/{i}.txt")).collect();
        let payload = || encode(&[article()], &[Stated::default()], &[], &[], &[]);
        let all_fresh: Vec<Saving> = names
            .iter()
            .map(|file| Saving {
                file,
                hash: 1,
                stamp: Stamp::default(),
                reused: false,
            })
            .collect();
        AnalysisCache::open(&manifest, &config())
            .save(&all_fresh, |_| payload())
            .unwrap();
        let shards = manifest.with_extension("analysis");
        let modified = |s: usize| {
            std::fs::metadata(shards.join(shard_name(s)))
                .and_then(|m| m.modified())
                .ok()
        };
        let before: Vec<_> = (0..SHARDS).map(modified).collect();
        std::thread::sleep(std::time::Duration::from_millis(20));

        let cache = AnalysisCache::open(&manifest, &config());
        let edited = "seeds/7.txt";
        let rebuilt: Vec<Saving> = names
            .iter()
            .map(|file| Saving {
                file,
                hash: if file == edited { 2 } else { 1 },
                stamp: Stamp::default(),
                reused: file != edited && get(&cache, file, 1).is_some(),
            })
            .collect();
        cache.save(&rebuilt, |_| payload()).unwrap();
        let after: Vec<_> = (0..SHARDS).map(modified).collect();
        let rewritten: Vec<usize> = (0..SHARDS).filter(|&s| before[s] != after[s]).collect();
        assert_eq!(rewritten, vec![shard_of(edited)]);

        let cache = AnalysisCache::open(&manifest, &config());
        assert!(get(&cache, edited, 2).is_some());
        assert!(
            names
                .iter()
                .filter(|f| *f != edited)
                .all(|f| get(&cache, f, 1).is_some())
        );
    }

    #[test]
    fn a_single_file_cache_of_an_earlier_version_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("public.manifest");
        std::fs::write(manifest.with_extension("analysis"), b"nashra-analysis 1\n").unwrap();
        assert!(get(&AnalysisCache::open(&manifest, &config()), "seeds/x.txt", 7).is_none());
        save_one_article(&manifest);
        assert!(get(&AnalysisCache::open(&manifest, &config()), "seeds/x.txt", 7).is_some());
    }
}
