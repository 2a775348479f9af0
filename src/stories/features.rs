//! What the grouper compares: weighted term vectors of each article.
//!
//! Terms are light stems (see [`crate::arabic::stem_hashes`]) hashed to
//! 64 bits, so that 100,000 articles need no shared string table and can be
//! read in parallel. Weights are TF-IDF over the corpus being built: a term
//! every article shares (بوتين in a Kremlin-watch corpus) says nothing about
//! which event an article tells, a term two articles share says a lot.

use rayon::prelude::*;

use crate::arabic::{TermMap, for_each_word};
use crate::article::{Article, Prominence};

/// A sparse vector: (term hash, weight) sorted by term, unit length.
pub type Sparse = Vec<(u64, f32)>;

/// Only the start of a long article is read: the lede and the first
/// paragraphs say which event it is; the background that follows is what
/// unrelated articles share.
const MAX_TEXT_BYTES: usize = 3000;

/// Title words count this many times in the body vector.
const TITLE_BOOST: f32 = 2.0;

pub use crate::arabic::term_hash;

/// The start of `text`, cut at a character boundary.
pub fn head(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How much a word of the `k`-th sentence counts: news states the event in
/// the lede and adds background after it, and background is what articles
/// about different events share.
fn lead_weight(k: usize) -> f32 {
    LEAD_DECAY / (LEAD_DECAY + k as f32)
}

/// Sentence position at which a word counts half as much as in the lede.
const LEAD_DECAY: f32 = 8.0;

/// Adds the stems of one sentence, each counting `weight`.
fn add_terms(terms: &mut Vec<(u64, f32)>, stems: &[u64], weight: f32) {
    terms.extend(stems.iter().map(|&s| (s, weight)));
}

/// Raw term counts of one article before corpus weighting.
struct Counts {
    body: Vec<(u64, f32)>,
    title: Vec<(u64, f32)>,
    entities: Vec<(u64, f32)>,
}

/// The vectors of one article.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Title and opening text, TF-IDF weighted.
    pub body: Sparse,
    /// Title alone, IDF weighted.
    pub title: Sparse,
    /// Entities, weighted by count and prominence, IDF weighted.
    pub entities: Sparse,
}

/// Every article's vectors, and the document frequency of each body term.
pub struct Corpus {
    pub features: Vec<Features>,
    pub body_df: TermMap<u32>,
}

/// Reads every article into its vectors, weighting terms by how rare they
/// are in `articles`.
pub fn extract(articles: &[Article]) -> Corpus {
    let counts: Vec<Counts> = articles.par_iter().map(count_terms).collect();
    let df_body = document_frequencies(counts.iter().map(|c| &c.body));
    let df_title = document_frequencies(counts.iter().map(|c| &c.title));
    let df_entities = document_frequencies(counts.iter().map(|c| &c.entities));
    let n = articles.len() as f32;
    let features = counts
        .into_par_iter()
        .map(|c| Features {
            body: weigh(c.body, &df_body, n, true),
            title: weigh(c.title, &df_title, n, false),
            entities: weigh(c.entities, &df_entities, n, true),
        })
        .collect();
    Corpus {
        features,
        body_df: df_body,
    }
}

fn count_terms(article: &Article) -> Counts {
    let title_stems = article.title_stems();
    let mut body: Vec<(u64, f32)> = Vec::new();
    add_terms(&mut body, title_stems, TITLE_BOOST);
    let mut read = 0;
    for (k, sentence) in article.sentences().enumerate() {
        if read >= MAX_TEXT_BYTES {
            break;
        }
        read += sentence.len();
        let weight = lead_weight(k);
        add_terms(&mut body, article.sentence_stems(k), weight);
    }
    let title = title_stems.iter().map(|&s| (s, 1.0)).collect();
    let entities = article
        .entities
        .iter()
        .map(|m| {
            let weight = match m.prominence {
                Prominence::Main => 2.0,
                Prominence::Passing => 1.0,
            };
            (term_hash(m.slug.as_bytes()), weight * m.count.max(1) as f32)
        })
        .collect();
    Counts {
        body: sum_by_term(body),
        title: sum_by_term(title),
        entities: sum_by_term(entities),
    }
}

/// Sorts by term and adds up the weights of equal terms.
fn sum_by_term(mut terms: Vec<(u64, f32)>) -> Vec<(u64, f32)> {
    terms.sort_unstable_by_key(|t| t.0);
    let mut out: Vec<(u64, f32)> = Vec::with_capacity(terms.len());
    for (term, w) in terms {
        match out.last_mut() {
            Some(last) if last.0 == term => last.1 += w,
            _ => out.push((term, w)),
        }
    }
    out
}

/// In how many documents each term occurs.
pub fn document_frequencies<'a>(docs: impl Iterator<Item = &'a Vec<(u64, f32)>>) -> TermMap<u32> {
    let mut df: TermMap<u32> = TermMap::default();
    for doc in docs {
        for &(term, _) in doc {
            *df.entry(term).or_default() += 1;
        }
    }
    df
}

/// Imaginary articles, sharing no term with the real ones, added to the
/// corpus when weighting terms. A handful of articles about the same
/// people (a day's Korea coverage) would otherwise weigh the names they
/// all share at almost nothing and tell their events apart by incidental
/// words only, while in a day's full news those names are rare and weigh a
/// lot. Thousands of articles make these few imaginary ones irrelevant.
const BACKGROUND_DOCUMENTS: f32 = 5.0;

/// Inverse document frequency, smoothed so that a term found everywhere
/// still weighs a little (tiny corpora would otherwise lose every term).
pub fn idf(df: u32, n: f32) -> f32 {
    ((n + 1.0) / df.max(1) as f32).ln()
}

/// Inverse document frequency over the corpus and its background, so that
/// a term found in every article of a small corpus still counts.
fn corpus_idf(df: u32, n: f32) -> f32 {
    idf(df, n + BACKGROUND_DOCUMENTS)
}

/// TF-IDF weights (sublinear term frequency when `log_tf`), unit length.
fn weigh(counts: Vec<(u64, f32)>, df: &TermMap<u32>, n: f32, log_tf: bool) -> Sparse {
    let mut v: Sparse = counts
        .into_iter()
        .map(|(term, tf)| {
            let tf = if log_tf { 1.0 + tf.ln() } else { tf.min(1.0) };
            (
                term,
                tf * corpus_idf(df.get(&term).copied().unwrap_or(1), n),
            )
        })
        .collect();
    normalize_vector(&mut v);
    v
}

/// Scales `v` to unit length (leaves an all-zero vector alone).
pub fn normalize_vector(v: &mut Sparse) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// Dot product of two sorted sparse vectors (their cosine when unit length).
pub fn cosine(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Hashed word trigrams of an article's title and text (normalised, not
/// stemmed), read up to a bound: the fingerprint that tells a republished
/// copy from a rewrite. The words are those of the title, a line break and
/// the blocks separated by blank lines, read in place without joining them.
pub fn shingles(article: &Article) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::with_capacity(MAX_TEXT_BYTES / 2);
    let mut budget = 3 * MAX_TEXT_BYTES;
    let blocks = article.text_blocks().map(|b| b.text);
    for (k, piece) in std::iter::once(article.title.as_str())
        .chain(blocks)
        .enumerate()
    {
        let separator = match k {
            0 => 0,
            1 => 1,
            _ => 2,
        };
        if budget <= separator {
            break;
        }
        budget -= separator;
        let part = head(piece, budget);
        for_each_word(part, |_, _, norm| words.push(term_hash(norm.as_bytes())));
        budget -= part.len();
        if part.len() < piece.len() {
            break;
        }
    }
    let mut out: Vec<u64> = words
        .windows(3)
        .map(|w| w[0].rotate_left(42) ^ w[1].rotate_left(21) ^ w[2])
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How much of the shorter text the longer one repeats word for word.
pub fn containment(a: &[u64], b: &[u64]) -> f32 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f32 / smaller as f32
}
