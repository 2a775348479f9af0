//! What the last build understood of each input file, kept so that a
//! rebuild analyses only the files that changed.
//!
//! Reading, cleaning, dating, entity matching, topics and summaries are most
//! of a build's work and depend on one file each (and on the site's
//! configuration). They are saved per file in `.nashra-cache/NAME.analysis`,
//! beside the page manifest, and reused only when the file's bytes hash the
//! same and the cache was written by the same nashra binary from the same
//! `site.toml`, entity list and site folder (the key). Anything else is analysed again,
//! so a build that reuses analysis cannot differ from a clean one. Stories
//! are not cached: they depend on the whole archive.
//!
//! The file is a list of entries (path, content hash, payload length and
//! checksum, Postcard payload), written to a temporary file and renamed into
//! place; an entry whose checksum fails is analysed again.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::cache::{Hasher, hash_bytes};
use crate::config::Config;
use crate::enrich::{Page, Stated};

const MAGIC: &[u8] = b"nashra-analysis 2\n";
/// Written instead of a path length after the last entry: a file cut short
/// is not mistaken for a complete one.
const END: u32 = u32::MAX;

/// What one input file holds once analysed: its articles (with what their
/// front matter states), or the page or draft it is.
#[derive(Debug, Default)]
pub struct FileAnalysis {
    pub articles: Vec<(Article, Stated)>,
    pub pages: Vec<Page>,
    pub drafts: Vec<String>,
}

/// How a file's entry is carried into the next cache.
pub enum Entry {
    /// The previous entry is still right: its bytes are copied.
    Reused,
    /// Freshly analysed, already encoded with [`encode`].
    Fresh(Vec<u8>),
}

/// The previous build's analysis, if it can be trusted for this build.
pub struct AnalysisCache {
    path: PathBuf,
    key: u64,
    previous: Option<Previous>,
}

struct Previous {
    bytes: Vec<u8>,
    /// Path → (content hash, payload range in `bytes`, payload hash).
    entries: HashMap<String, (u64, Range<usize>, u64)>,
}

impl AnalysisCache {
    /// The cache beside the page manifest `manifest`, for a build of
    /// `config`. A missing, unreadable, damaged or differently keyed file
    /// means nothing is reused.
    pub fn open(manifest: &Path, config: &Config) -> AnalysisCache {
        let path = manifest.with_extension("analysis");
        let key = key_for(config);
        let previous = std::fs::read(&path)
            .ok()
            .and_then(|bytes| Previous::parse(bytes, key));
        AnalysisCache {
            path,
            key,
            previous,
        }
    }

    /// The saved analysis of `file` if its bytes still hash to `hash`.
    pub fn get(&self, file: &str, hash: u64) -> Option<FileAnalysis> {
        let previous = self.previous.as_ref()?;
        let (saved, range, checksum) = previous.entries.get(file)?;
        let payload = &previous.bytes[range.clone()];
        if *saved != hash || hash_bytes(payload) != *checksum {
            return None;
        }
        decode(payload)
    }

    /// How many files the previous cache holds (none without one).
    pub fn saved_files(&self) -> usize {
        self.previous.as_ref().map_or(0, |p| p.entries.len())
    }

    /// Starts writing the cache for the next build, entry by entry, so that
    /// a large archive's analysis is never all encoded in memory at once.
    /// Nothing replaces the current cache before [`CacheWriter::finish`].
    pub fn writer(&self) -> Result<CacheWriter<'_>> {
        let dir = self.path.parent().context("the cache has a folder")?;
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create folder", dir.display()))?;
        let tmp = self.path.with_extension("analysis.tmp");
        let file = std::fs::File::create(&tmp)
            .with_context(|| format!("{}: cannot write the analysis cache", tmp.display()))?;
        let mut writer = CacheWriter {
            cache: self,
            out: std::io::BufWriter::with_capacity(1 << 20, file),
            tmp,
        };
        writer.write(|out| {
            out.write_all(MAGIC)?;
            out.write_all(&self.key.to_le_bytes())
        })?;
        Ok(writer)
    }
}

/// The next build's cache being written; see [`AnalysisCache::writer`].
pub struct CacheWriter<'c> {
    cache: &'c AnalysisCache,
    out: std::io::BufWriter<std::fs::File>,
    tmp: PathBuf,
}

impl CacheWriter<'_> {
    /// Adds `file`'s entry: its content hash and its analysis.
    pub fn add(&mut self, file: &str, hash: u64, entry: &Entry) -> Result<()> {
        let payload = match entry {
            Entry::Fresh(bytes) => bytes.as_slice(),
            Entry::Reused => {
                let previous = self.cache.previous.as_ref().expect("reused from a cache");
                &previous.bytes[previous.entries[file].1.clone()]
            }
        };
        self.write(|out| {
            out.write_all(&(file.len() as u32).to_le_bytes())?;
            out.write_all(file.as_bytes())?;
            out.write_all(&hash.to_le_bytes())?;
            out.write_all(&(payload.len() as u64).to_le_bytes())?;
            out.write_all(&hash_bytes(payload).to_le_bytes())?;
            out.write_all(payload)
        })
    }

    /// Ends the file and puts it in place of the previous cache. No fsync:
    /// a cache lost in a crash only makes the next build a full one.
    pub fn finish(mut self) -> Result<()> {
        self.write(|out| {
            out.write_all(&END.to_le_bytes())?;
            out.flush()
        })?;
        std::fs::rename(&self.tmp, &self.cache.path).with_context(|| {
            format!(
                "{}: cannot write the analysis cache",
                self.cache.path.display()
            )
        })
    }

    fn write(
        &mut self,
        f: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
    ) -> Result<()> {
        f(&mut self.out)
            .with_context(|| format!("{}: cannot write the analysis cache", self.tmp.display()))
    }
}

impl Previous {
    fn parse(bytes: Vec<u8>, key: u64) -> Option<Previous> {
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
            let hash = read_u64(&bytes, path_end)?;
            let size = usize::try_from(read_u64(&bytes, path_end + 8)?).ok()?;
            let checksum = read_u64(&bytes, path_end + 16)?;
            let start = path_end + 24;
            let end = start.checked_add(size)?;
            bytes.get(start..end)?;
            entries.insert(file, (hash, start..end, checksum));
            at = end;
        }
        Some(Previous { bytes, entries })
    }
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn read_u64(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

#[derive(Serialize)]
struct StoredRef<'a> {
    articles: Vec<(&'a Article, &'a Stated)>,
    pages: &'a [Page],
    drafts: &'a [String],
}

#[derive(Deserialize)]
struct Stored {
    articles: Vec<(Article, Stated)>,
    pages: Vec<Page>,
    drafts: Vec<String>,
}

/// Encodes one file's analysis: its articles (with the sentences and stems
/// the later stages read), pages and drafts.
pub fn encode(
    articles: &[Article],
    stated: &[Stated],
    pages: &[Page],
    drafts: &[String],
) -> Vec<u8> {
    let stored = StoredRef {
        articles: articles.iter().zip(stated).collect(),
        pages,
        drafts,
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

/// A hash of the running executable, read once per process; the version
/// number when the executable cannot be read.
fn program_hash() -> u64 {
    static HASH: OnceLock<u64> = OnceLock::new();
    *HASH.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::read)
            .map(|bytes| hash_bytes(&bytes))
            .unwrap_or_else(|_| hash_bytes(env!("CARGO_PKG_VERSION").as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let back = decode(&encode(std::slice::from_ref(&a), &[stated], &[], &[])).unwrap();
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

    /// Saves a cache holding `article()` as `seeds/x.txt` with hash 7.
    fn save_one_article(manifest: &Path) {
        let cache = AnalysisCache::open(manifest, &config());
        let mut writer = cache.writer().unwrap();
        let payload = encode(&[article()], &[Stated::default()], &[], &[]);
        writer
            .add("seeds/x.txt", 7, &Entry::Fresh(payload))
            .unwrap();
        writer.finish().unwrap();
    }

    #[test]
    fn an_entry_is_reused_only_for_the_same_bytes_and_key() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("public.manifest");
        assert_eq!(AnalysisCache::open(&manifest, &config()).saved_files(), 0);
        save_one_article(&manifest);

        let cache = AnalysisCache::open(&manifest, &config());
        assert_eq!(cache.saved_files(), 1);
        assert!(cache.get("seeds/x.txt", 7).is_some());
        assert!(cache.get("seeds/x.txt", 8).is_none(), "the file changed");
        assert!(cache.get("seeds/y.txt", 7).is_none());

        let mut other = config();
        other.path = dir.path().join("other.toml");
        std::fs::write(&other.path, "title = \"x\"").unwrap();
        let cache = AnalysisCache::open(&manifest, &other);
        assert!(cache.get("seeds/x.txt", 7).is_none(), "site.toml changed");
    }

    #[test]
    fn a_damaged_entry_is_not_reused() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("public.manifest");
        save_one_article(&manifest);
        let path = manifest.with_extension("analysis");
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 10;
        bytes[last] ^= 1;
        std::fs::write(&path, bytes).unwrap();
        let cache = AnalysisCache::open(&manifest, &config());
        assert_eq!(cache.saved_files(), 1);
        assert!(cache.get("seeds/x.txt", 7).is_none());
    }
}
