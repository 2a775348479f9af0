//! nashra's search index: static files a browser reads a few at a time.
//!
//! Every searchable page gets a number, its *id*, newest first (undated
//! pages last), so that "newest first" is the order of the ids and needs no
//! data of its own. Under [`super::BUNDLE_DIR`]:
//!
//! - `meta.json`: the number of records, a `stamp` naming this build of
//!   the index (the script asks for every other file with `?v=stamp`, so a
//!   browser never mixes files of two builds), the first term of each term
//!   chunk, the `common` terms left out (see [`COMMON_SHARE`]) and the
//!   filter values with the number of their file.
//! - `t{n}.bin`: term chunks, the index's terms in the order JavaScript
//!   compares strings (UTF-16 code units), cut at about [`CHUNK_BYTES`].
//!   Each entry: the term's length in bytes and its UTF-8 bytes, the number
//!   of records holding it, the length in bytes of its postings and the
//!   postings: for each record, `(id − previous id) × 4 + class`, where the
//!   class says where the record holds the term ([`CLASS_BODY`],
//!   [`CLASS_NAME`], [`CLASS_HEADING`]). All numbers are LEB128 varints.
//! - `r{n}.json`: what a result shows (url, title, kind, outlet, date,
//!   excerpt) for ids `n × RESULTS_PER_FILE` onwards.
//! - `f{n}.bin`: the ids of the records with one filter value, as varint
//!   gaps.
//!
//! A query loads the meta, one chunk per word (a few more when a word is
//! read as the beginning of longer ones), the filters chosen and the
//! result files of the results shown: tens of kilobytes, whatever the size
//! of the archive.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use rayon::prelude::*;
use rustc_hash::FxBuildHasher;
use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

use super::records::{Page, Record, RecordMaker, date_of, pages};
use crate::output::Sink;
use crate::site::Site;

/// A term found only in the body of a record.
pub const CLASS_BODY: u8 = 0;
/// A term that spells an entity the record names.
pub const CLASS_NAME: u8 = 1;
/// A term of the record's title.
pub const CLASS_HEADING: u8 = 2;

/// About how many bytes a term chunk holds before the next one starts.
pub const CHUNK_BYTES: usize = 16 * 1024;

/// How many records' result data share one `r{n}.json` file: the ten
/// results the page shows at a time read three of them newest first, and
/// by relevance at most ten files of about two kilobytes.
pub const RESULTS_PER_FILE: usize = 4;

/// A term held by more than this share of the records is left out of a
/// large index: it tells no page from another, and its postings would be
/// most of what a query fetches. The script reads a query word whose only
/// readings are such terms as matching every page.
pub const COMMON_SHARE: f64 = 0.5;

/// Indexes with fewer records keep every term: in a small site a name can
/// be in most pages and still be what a reader looks for.
pub const COMMON_MIN_RECORDS: usize = 2000;

/// How many records are made at once, in parallel, before their terms are
/// added to the index (the records of a whole large archive would not fit
/// in memory together).
const RECORDS_PER_BATCH: usize = 2048;

/// The meta file's content.
#[derive(Debug, Serialize)]
struct Meta<'a> {
    version: u32,
    stamp: String,
    records: usize,
    results_per_file: usize,
    chunks: Vec<&'a str>,
    common: Vec<&'a str>,
    filters: BTreeMap<&'a str, BTreeMap<&'a str, usize>>,
}

/// One term's postings while the index grows.
#[derive(Default)]
struct Postings {
    records: u32,
    last_id: u32,
    bytes: Vec<u8>,
}

impl Postings {
    fn push(&mut self, id: u32, class: u8) {
        let gap = id - self.last_id;
        push_varint(&mut self.bytes, ((gap as u64) << 2) | class as u64);
        self.last_id = id;
        self.records += 1;
    }
}

/// Appends `value` as a LEB128 varint.
pub fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads a LEB128 varint at `*at`, moving past it.
pub fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// The order in which the script compares terms: JavaScript's `<` on
/// strings, by UTF-16 code units.
fn js_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// The index as it grows, record by record, in id order. Each record's
/// result data is written as soon as its file is full, so the index holds
/// only the postings and the filters.
struct Builder<'a> {
    terms: HashMap<Box<str>, Postings, FxBuildHasher>,
    filters: BTreeMap<(&'a str, String), Vec<u32>>,
}

impl<'a> Builder<'a> {
    /// Adds the terms and filter values of record `id`, and returns what
    /// its result shows, as JSON.
    fn add(&mut self, id: u32, record: Record) -> String {
        let mut classes: HashMap<&str, u8, FxBuildHasher> =
            HashMap::with_capacity_and_hasher(record.terms.body.len(), FxBuildHasher);
        let parts = [
            (CLASS_HEADING, &record.terms.heading),
            (CLASS_NAME, &record.terms.names),
            (CLASS_BODY, &record.terms.body),
        ];
        for (class, terms) in parts {
            for term in terms {
                classes.entry(term).or_insert(class);
            }
        }
        // Each term's postings grow apart from the others', so the order
        // the terms of one record are added in leaves the files as they are.
        for (term, class) in classes {
            match self.terms.get_mut(term) {
                Some(postings) => postings.push(id, class),
                None => {
                    let mut postings = Postings::default();
                    postings.push(id, class);
                    self.terms.insert(term.into(), postings);
                }
            }
        }
        for (facet, values) in record.filters {
            let facet = match facet.as_str() {
                "topic" => "topic",
                "outlet" => "outlet",
                "year" => "year",
                _ => continue,
            };
            for value in values {
                self.filters.entry((facet, value)).or_default().push(id);
            }
        }
        let mut shown = record.meta;
        shown.insert("url".into(), record.url);
        serde_json::to_string(&shown).expect("plain strings serialise")
    }
}

/// Where the index's files go as they are made, in an order that is the
/// same at every build; it remembers a fingerprint of each, which names
/// the build of the index in `meta.json`.
struct Files<'s> {
    put: &'s (dyn Fn(&str, &[u8]) -> Result<()> + Sync),
    stamp: Vec<u8>,
}

impl Files<'_> {
    /// Writes `files` (in parallel) and adds them to the stamp in order.
    fn put_all(&mut self, files: &[(String, Vec<u8>)]) -> Result<()> {
        files
            .par_iter()
            .try_for_each(|(path, bytes)| (self.put)(path, bytes))?;
        for (path, bytes) in files {
            self.stamp
                .extend_from_slice(&xxh3_64(path.as_bytes()).to_le_bytes());
            self.stamp.extend_from_slice(&xxh3_64(bytes).to_le_bytes());
        }
        Ok(())
    }
}

/// Makes the index of `site` and hands each of its files, by path under
/// [`super::BUNDLE_DIR`], to `put`, `meta.json` last. A large archive's
/// index does not fit in memory beside the rest of the build, so the
/// files are written as they are made: a batch of records' result files
/// as soon as the batch is read, each term chunk as soon as it is full.
fn make(site: &Site, put: &(dyn Fn(&str, &[u8]) -> Result<()> + Sync)) -> Result<()> {
    let mut order = pages(site);
    // Newest first; undated pages (an empty date) last; the site's order
    // within a day. The sort is stable.
    order.sort_by(|&a, &b| date_of(site, b).cmp(date_of(site, a)));
    let maker = RecordMaker::new(site);
    let mut builder = Builder {
        terms: HashMap::with_hasher(FxBuildHasher),
        filters: BTreeMap::new(),
    };
    let mut files = Files {
        put,
        stamp: Vec::new(),
    };
    let mut id = 0u32;
    // A batch holds whole result files, so each file is written once.
    const _: () = assert!(RECORDS_PER_BATCH.is_multiple_of(RESULTS_PER_FILE));
    for batch in order.chunks(RECORDS_PER_BATCH) {
        let made: Vec<Record> = batch
            .par_iter()
            .map(|&page: &Page| maker.record(page))
            .collect();
        let mut shown = Vec::with_capacity(made.len());
        for record in made {
            shown.push(builder.add(id, record));
            id += 1;
        }
        let first_file = (id as usize - shown.len()) / RESULTS_PER_FILE;
        let results: Vec<(String, Vec<u8>)> = shown
            .chunks(RESULTS_PER_FILE)
            .enumerate()
            .map(|(n, shown)| {
                (
                    format!("r{}.json", first_file + n),
                    format!("[{}]", shown.join(",")).into_bytes(),
                )
            })
            .collect();
        files.put_all(&results)?;
    }
    lay_out(builder, id as usize, files)
}

/// Writes the term chunks, the filters and the meta of the grown index of
/// `count` records.
fn lay_out(builder: Builder, count: usize, mut files: Files) -> Result<()> {
    let mut terms: Vec<(Box<str>, Postings)> = builder.terms.into_iter().collect();
    terms.par_sort_unstable_by(|a, b| js_order(&a.0, &b.0));
    let is_common = |p: &Postings| {
        count >= COMMON_MIN_RECORDS && p.records as f64 > COMMON_SHARE * count as f64
    };
    let common: Vec<Box<str>> = terms
        .iter()
        .filter(|(_, p)| is_common(p))
        .map(|(t, _)| t.clone())
        .collect();

    let mut chunks: Vec<Box<str>> = Vec::new();
    let mut chunk = Vec::new();
    // Each term's postings are freed as soon as they are in a chunk.
    for (term, postings) in terms.into_iter().filter(|(_, p)| !is_common(p)) {
        let opens_chunk = chunk.is_empty();
        push_varint(&mut chunk, term.len() as u64);
        chunk.extend_from_slice(term.as_bytes());
        push_varint(&mut chunk, postings.records as u64);
        push_varint(&mut chunk, postings.bytes.len() as u64);
        chunk.extend_from_slice(&postings.bytes);
        if opens_chunk {
            chunks.push(term);
        }
        if chunk.len() >= CHUNK_BYTES {
            let path = format!("t{}.bin", chunks.len() - 1);
            files.put_all(&[(path, std::mem::take(&mut chunk))])?;
        }
    }
    if !chunk.is_empty() {
        let path = format!("t{}.bin", chunks.len() - 1);
        files.put_all(&[(path, chunk)])?;
    }

    let mut filters: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut filter_files = Vec::with_capacity(builder.filters.len());
    for (n, ((facet, value), ids)) in builder.filters.iter().enumerate() {
        filters.entry(facet).or_default().insert(value, n);
        let mut bytes = Vec::with_capacity(ids.len() * 2);
        let mut last = 0;
        for &id in ids {
            push_varint(&mut bytes, u64::from(id - last));
            last = id;
        }
        filter_files.push((format!("f{n}.bin"), bytes));
    }
    files.put_all(&filter_files)?;

    let meta = Meta {
        version: 1,
        stamp: format!("{:016x}", xxh3_64(&files.stamp)),
        records: count,
        results_per_file: RESULTS_PER_FILE,
        chunks: chunks.iter().map(|t| t.as_ref()).collect(),
        common: common.iter().map(|t| t.as_ref()).collect(),
        filters,
    };
    let meta = serde_json::to_vec(&meta).expect("plain data serialises");
    (files.put)("meta.json", &meta)
}

/// Writes the index of `site` under [`super::BUNDLE_DIR`]. It is made
/// whole at every build, incremental ones included; the sink rewrites only
/// the files whose bytes changed.
pub fn write(site: &Site, sink: &dyn Sink) -> Result<()> {
    make(site, &|path, bytes| {
        sink.put(&format!("{}/{path}", super::BUNDLE_DIR), bytes)
    })
}

/// One entry of a term chunk, as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub term: String,
    pub records: u32,
    /// `(id, class)` of each record holding the term, by id.
    pub postings: Vec<(u32, u8)>,
}

/// Reads a term chunk (`t{n}.bin`) back: what the script reads of it.
pub fn read_chunk(bytes: &[u8]) -> Option<Vec<Entry>> {
    let mut at = 0;
    let mut out = Vec::new();
    while at < bytes.len() {
        let len = read_varint(bytes, &mut at)? as usize;
        let term = std::str::from_utf8(bytes.get(at..at + len)?)
            .ok()?
            .to_string();
        at += len;
        let records = read_varint(bytes, &mut at)? as u32;
        let len = read_varint(bytes, &mut at)? as usize;
        let end = at + len;
        if end > bytes.len() {
            return None;
        }
        let mut postings = Vec::with_capacity(records as usize);
        let mut id = 0u32;
        while at < end {
            let value = read_varint(bytes, &mut at)?;
            id += (value >> 2) as u32;
            postings.push((id, (value & 3) as u8));
        }
        out.push(Entry {
            term,
            records,
            postings,
        });
    }
    Some(out)
}

/// Reads a filter file (`f{n}.bin`) back: the ids it lists.
pub fn read_ids(bytes: &[u8]) -> Option<Vec<u32>> {
    let mut at = 0;
    let mut id = 0u32;
    let mut out = Vec::new();
    while at < bytes.len() {
        id += read_varint(bytes, &mut at)? as u32;
        out.push(id);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_read_back_what_was_written() {
        let mut bytes = Vec::new();
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX as u64];
        for v in values {
            push_varint(&mut bytes, v);
        }
        let mut at = 0;
        for v in values {
            assert_eq!(read_varint(&bytes, &mut at), Some(v));
        }
        assert_eq!(at, bytes.len());
        assert_eq!(
            read_varint(&[0x80], &mut 0),
            None,
            "a cut varint is refused"
        );
    }

    #[test]
    fn terms_are_ordered_as_javascript_compares_strings() {
        // An astral character is above U+FB50 (an Arabic presentation
        // form) in code points, but its first UTF-16 unit (a surrogate,
        // U+D800) is below it, and JavaScript compares units.
        assert_eq!(js_order("\u{10000}", "\u{FB50}"), std::cmp::Ordering::Less);
        assert_eq!("\u{10000}".cmp("\u{FB50}"), std::cmp::Ordering::Greater);
        assert_eq!(js_order("بوتين", "بوتينا"), std::cmp::Ordering::Less);
    }
}
