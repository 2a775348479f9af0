//! What the grouper compares: weighted term vectors of each article.
//!
//! Terms are light stems (see [`arabic::stem_hashes`]) hashed to
//! 32 bits while articles are read in parallel, then numbered once for the
//! whole corpus: ids index plain arrays (document frequencies, an inverted
//! index) instead of hash maps. Weights are TF-IDF over the corpus being
//! built: a term every article shares (بوتين in a Kremlin-watch corpus) says
//! nothing about which event an article tells, a term two articles share
//! says a lot.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::article::{Article, Prominence};
use arabic::TermMap;

use crate::vectors::{idf, normalize_vector};

/// Only the start of a long article is read: the lede and the first
/// paragraphs say which event it is; the background that follows is what
/// unrelated articles share.
pub(super) const MAX_TEXT_BYTES: usize = 3000;

/// Title words count this many times in the body vector.
const TITLE_BOOST: f32 = 2.0;

use arabic::short_hash;

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

/// Raw term counts of one article before corpus weighting, each sorted
/// by term hash.
struct Counts {
    body: Vec<(u32, f32)>,
    title: Vec<(u32, f32)>,
    entities: Vec<(u32, f32)>,
}

/// A sparse vector over numbered terms: (term id, weight) sorted by id,
/// unit length. Ids are the rank of the term's hash in the corpus
/// vocabulary, so a vector sorted by id is in the same order as one sorted
/// by hash and every sum over it adds the same floats in the same order.
pub type TermVector = Vec<(u32, f32)>;

/// The vectors of one article.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Title and opening text, TF-IDF weighted.
    pub body: TermVector,
    /// Title alone, IDF weighted.
    pub title: TermVector,
    /// Entities, weighted by count and prominence, IDF weighted.
    pub entities: TermVector,
}

/// Every article's vectors, and the document frequency of each body term.
pub struct Corpus {
    pub features: Vec<Features>,
    /// In how many articles' body vectors each term id occurs.
    pub body_df: Vec<u32>,
}

impl Corpus {
    /// How many distinct terms (body, title and entity) are numbered.
    pub fn vocabulary(&self) -> usize {
        self.body_df.len()
    }
}

/// Reads every article into its vectors, weighting terms by how rare they
/// are in `articles`.
///
/// Articles are read twice rather than their raw counts kept for all of
/// them between the two readings: the first reading only counts document
/// frequencies, the second weighs each article's counts and drops them.
/// Counting terms costs far less than the memory a whole corpus of raw
/// counts would hold at the stage's peak.
pub fn extract(articles: &[Article]) -> Corpus {
    let frequencies = articles
        .par_iter()
        .with_min_len(MIN_ARTICLES_PER_TABLE)
        .enumerate()
        .fold(Frequencies::default, |mut f, (k, article)| {
            f.add(k as u32, article);
            f
        })
        .reduce(Frequencies::default, Frequencies::merge);
    let vocabulary = Vocabulary::number(&frequencies);
    let body_df = vocabulary.frequencies(&frequencies.body);
    let title_df = vocabulary.frequencies(&frequencies.title);
    let entity_df = vocabulary.frequencies(&frequencies.entities);
    drop(frequencies);
    let n = articles.len() as f32;
    // Vectors are made in date order, so that the vectors of articles a
    // few days apart, which the grouper compares with each other, lie close
    // in memory: at 100,000 articles, made in file order, they were read
    // from all over the heap, and the reads waited on memory. Only where
    // they live changes: `features[i]` is still article `i`'s.
    let mut order: Vec<(Option<NaiveDate>, usize)> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.published.map(|p| p.date), i))
        .collect();
    order.sort_unstable();
    let weighed: Vec<Features> = order
        .par_iter()
        .map(|&(_, i)| {
            let c = count_terms(&articles[i]);
            Features {
                body: weigh(&vocabulary.numbered(&c.body), &body_df, n, true),
                title: weigh(&vocabulary.numbered(&c.title), &title_df, n, false),
                entities: weigh(&vocabulary.numbered(&c.entities), &entity_df, n, true),
            }
        })
        .collect();
    let mut features = vec![Features::default(); articles.len()];
    for ((_, i), f) in order.into_iter().zip(weighed) {
        features[i] = f;
    }
    Corpus { features, body_df }
}

/// Articles each per-thread frequency table counts at least, so that few
/// tables are merged.
const MIN_ARTICLES_PER_TABLE: usize = 512;

/// Document frequencies by term hash, of each kind of vector, each with
/// the last article (numbered from 1) that counted it, so that an article
/// is counted once per term without sorting its terms first.
#[derive(Default)]
struct Frequencies {
    body: TermMap<(u32, u32)>,
    title: TermMap<(u32, u32)>,
    entities: TermMap<(u32, u32)>,
}

impl Frequencies {
    /// Counts article number `k`'s terms.
    fn add(&mut self, k: u32, article: &Article) {
        let mark = |table: &mut TermMap<(u32, u32)>, term: u32| {
            let (df, last) = table.entry(term).or_default();
            if *last != k + 1 {
                *last = k + 1;
                *df += 1;
            }
        };
        read_terms(
            article,
            |t, _| mark(&mut self.body, t),
            |t, _| mark(&mut self.title, t),
            |t, _| mark(&mut self.entities, t),
        );
    }

    /// Both counts together (of disjoint sets of articles).
    fn merge(mut self, mut other: Frequencies) -> Frequencies {
        for (into, from) in [
            (&mut self.body, &mut other.body),
            (&mut self.title, &mut other.title),
            (&mut self.entities, &mut other.entities),
        ] {
            if into.len() < from.len() {
                std::mem::swap(into, from);
            }
            for (term, (df, _)) in from.drain() {
                into.entry(term).or_default().0 += df;
            }
        }
        self
    }
}

/// Every term hash of the corpus numbered by its rank: numbering preserves
/// the order of hashes, so vectors keep the order (and the floating-point
/// sums) they had when keyed by hash.
struct Vocabulary {
    ids: TermMap<u32>,
}

impl Vocabulary {
    fn number(frequencies: &Frequencies) -> Vocabulary {
        let mut hashes: Vec<u32> = frequencies
            .body
            .keys()
            .chain(frequencies.title.keys())
            .chain(frequencies.entities.keys())
            .copied()
            .collect();
        hashes.par_sort_unstable();
        hashes.dedup();
        let mut ids: TermMap<u32> = TermMap::default();
        ids.reserve(hashes.len());
        ids.extend(hashes.iter().enumerate().map(|(id, &h)| (h, id as u32)));
        Vocabulary { ids }
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    /// A table of frequencies indexed by term id.
    fn frequencies(&self, by_hash: &TermMap<(u32, u32)>) -> Vec<u32> {
        let mut df = vec![0u32; self.len()];
        for (term, &(d, _)) in by_hash {
            df[self.ids[term] as usize] = d;
        }
        df
    }

    /// Counts keyed by hash, keyed by id instead (still sorted).
    fn numbered(&self, counts: &[(u32, f32)]) -> Vec<(u32, f32)> {
        counts.iter().map(|&(t, w)| (self.ids[&t], w)).collect()
    }
}

/// Calls `body`, `title` and `entity` with each term of the article's
/// body, title and entity vectors and its raw weight, in reading order,
/// repeats included: the one definition of what each vector holds.
fn read_terms(
    article: &Article,
    mut body: impl FnMut(u32, f32),
    mut title: impl FnMut(u32, f32),
    mut entity: impl FnMut(u32, f32),
) {
    let title_stems = article.title_stems();
    for &s in title_stems {
        body(s, TITLE_BOOST);
    }
    let mut read = 0;
    for (k, sentence) in article.sentences().enumerate() {
        if read >= MAX_TEXT_BYTES {
            break;
        }
        read += sentence.len();
        let weight = lead_weight(k);
        for &s in article.sentence_stems(k) {
            body(s, weight);
        }
    }
    for &s in title_stems {
        title(s, 1.0);
    }
    for m in &article.entities {
        let weight = match m.prominence {
            Prominence::Main => 2.0,
            Prominence::Passing => 1.0,
        };
        entity(
            short_hash(m.slug.as_bytes()),
            weight * m.count.max(1) as f32,
        );
    }
}

fn count_terms(article: &Article) -> Counts {
    let (mut body, mut title, mut entities) = (Vec::new(), Vec::new(), Vec::new());
    read_terms(
        article,
        |t, w| body.push((t, w)),
        |t, w| title.push((t, w)),
        |t, w| entities.push((t, w)),
    );
    Counts {
        body: sum_by_term(body),
        title: sum_by_term(title),
        entities: sum_by_term(entities),
    }
}

/// Sorts by term and adds up the weights of equal terms.
fn sum_by_term(mut terms: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    terms.sort_unstable_by_key(|t| t.0);
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(terms.len());
    for (term, w) in terms {
        match out.last_mut() {
            Some(last) if last.0 == term => last.1 += w,
            _ => out.push((term, w)),
        }
    }
    out
}

/// Imaginary articles, sharing no term with the real ones, added to the
/// corpus when weighting terms. A handful of articles about the same
/// people (a day's Korea coverage) would otherwise weigh the names they
/// all share at almost nothing and tell their events apart by incidental
/// words only, while in a day's full news those names are rare and weigh a
/// lot. Thousands of articles make these few imaginary ones irrelevant.
const BACKGROUND_DOCUMENTS: f32 = 5.0;

/// Inverse document frequency over the corpus and its background, so that
/// a term found in every article of a small corpus still counts.
fn corpus_idf(df: u32, n: f32) -> f32 {
    idf(df, n + BACKGROUND_DOCUMENTS)
}

/// TF-IDF weights (sublinear term frequency when `log_tf`), unit length.
fn weigh(counts: &[(u32, f32)], df: &[u32], n: f32, log_tf: bool) -> TermVector {
    let mut v: TermVector = counts
        .iter()
        .map(|&(term, tf)| {
            let tf = if log_tf { 1.0 + tf.ln() } else { tf.min(1.0) };
            (term, tf * corpus_idf(df[term as usize], n))
        })
        .collect();
    normalize_vector(&mut v);
    v
}
