//! Extractive summaries: the sentences that best say what an article (or a
//! story told by several outlets) is about, picked, never rewritten.
//!
//! Centrality is LexRank-style: a sentence is central when it resembles
//! many other sentences, weighted by how central those are in turn. News
//! puts the essentials first, so the random walk restarts preferably at the
//! lede (biased LexRank), which keeps background paragraphs out of the
//! summary even when they are long and wordy.

use std::collections::HashMap;

use crate::arabic::content_stems;
use crate::stories::features::{Sparse, cosine, idf, normalize_vector, term_hash};

/// Only the first sentences of an article compete: it keeps the work per
/// article bounded (the similarity graph is quadratic) and the rest of an
/// article is background anyway.
const MAX_ARTICLE_SENTENCES: usize = 25;

/// At most this many sentences of all a story's articles compete.
const MAX_STORY_SENTENCES: usize = 60;

/// Each article of a story offers at least this many of its first sentences.
const MIN_SENTENCES_PER_ARTICLE: usize = 4;

/// Probability that the walk follows similarity rather than jumping back
/// to the lede.
const DAMPING: f32 = 0.8;

const ITERATIONS: usize = 40;

/// A sentence that repeats a picked one this much is left out.
const ARTICLE_REDUNDANCY: f32 = 0.5;

/// Across outlets the same fact comes in other words, so the bar is lower.
const STORY_REDUNDANCY: f32 = 0.35;

/// Sentences shorter than this are headings, captions or debris.
const MIN_WORDS: usize = 6;

/// Sentences longer than this are run-on paragraphs the splitter missed.
const MAX_WORDS: usize = 90;

/// A sentence in the pool: where it comes from and how it reads.
struct Candidate<'a> {
    text: &'a str,
    doc: usize,
    /// Position in its document.
    position: usize,
    terms: Sparse,
}

/// Indices of the sentences that summarise an article, in original order:
/// the `max` most central complete sentences, none repeating another.
pub fn summarize_article(sentences: &[String], max: usize) -> Vec<usize> {
    let pool: Vec<(usize, usize, &str)> = sentences
        .iter()
        .take(MAX_ARTICLE_SENTENCES)
        .enumerate()
        .map(|(i, s)| (0, i, s.as_str()))
        .collect();
    let mut picked: Vec<usize> = pick(pool, max, ARTICLE_REDUNDANCY)
        .into_iter()
        .map(|(_, i)| i)
        .collect();
    picked.sort_unstable();
    picked
}

/// The sentences that summarise several articles about one event, as
/// `(article, sentence)` positions into `docs`, most central first: no two
/// saying the same thing. Each article offers its first sentences, so that
/// every outlet can be heard and the pool stays bounded.
pub fn summarize_documents(docs: &[&[String]], max: usize) -> Vec<(usize, usize)> {
    let per_doc = (MAX_STORY_SENTENCES / docs.len().max(1)).max(MIN_SENTENCES_PER_ARTICLE);
    let pool: Vec<(usize, usize, &str)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, sentences)| {
            sentences
                .iter()
                .take(per_doc)
                .enumerate()
                .map(move |(i, s)| (d, i, s.as_str()))
        })
        .take(MAX_STORY_SENTENCES.max(docs.len() * MIN_SENTENCES_PER_ARTICLE))
        .collect();
    pick(pool, max, STORY_REDUNDANCY)
}

/// Ranks the pool by centrality and takes the best complete sentences,
/// skipping those too close to one already taken. Falls back to any
/// sentence when none reads as complete.
fn pick(pool: Vec<(usize, usize, &str)>, max: usize, redundancy: f32) -> Vec<(usize, usize)> {
    if pool.is_empty() || max == 0 {
        return Vec::new();
    }
    let candidates = vectors(pool);
    let scores = centrality(&candidates);
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));

    let mut chosen: Vec<usize> = Vec::new();
    for strict in [true, false] {
        for &c in &order {
            if chosen.len() == max {
                break;
            }
            if chosen.contains(&c) || (strict && !reads_complete(candidates[c].text)) {
                continue;
            }
            let repeats = chosen
                .iter()
                .any(|&k| cosine(&candidates[k].terms, &candidates[c].terms) >= redundancy);
            if !repeats {
                chosen.push(c);
            }
        }
        if !chosen.is_empty() {
            break;
        }
    }
    chosen
        .into_iter()
        .map(|c| (candidates[c].doc, candidates[c].position))
        .collect()
}

/// Term vectors of the sentences, weighted by how few sentences share a
/// term (a word in every sentence links everything and tells nothing).
fn vectors(pool: Vec<(usize, usize, &str)>) -> Vec<Candidate<'_>> {
    let mut candidates: Vec<Candidate> = pool
        .into_iter()
        .map(|(doc, position, text)| {
            let mut terms: Sparse = content_stems(text)
                .iter()
                .map(|s| (term_hash(s.as_bytes()), 1.0))
                .collect();
            terms.sort_unstable_by_key(|t| t.0);
            terms.dedup_by(|b, a| {
                let same = a.0 == b.0;
                if same {
                    a.1 += b.1;
                }
                same
            });
            Candidate {
                text,
                doc,
                position,
                terms,
            }
        })
        .collect();
    let mut df: HashMap<u64, u32> = HashMap::new();
    for c in &candidates {
        for (t, _) in &c.terms {
            *df.entry(*t).or_default() += 1;
        }
    }
    let n = candidates.len() as f32;
    for c in &mut candidates {
        for (t, w) in c.terms.iter_mut() {
            *w = (1.0 + w.ln()) * idf(df[t], n);
        }
        normalize_vector(&mut c.terms);
    }
    candidates
}

/// Biased LexRank scores: the stationary distribution of a walk that moves
/// between similar sentences and restarts at a document's opening.
fn centrality(candidates: &[Candidate]) -> Vec<f32> {
    let n = candidates.len();
    let restart: Vec<f32> = {
        let raw: Vec<f32> = candidates
            .iter()
            .map(|c| 1.0 / (1.0 + c.position as f32))
            .collect();
        let total: f32 = raw.iter().sum();
        raw.into_iter().map(|r| r / total).collect()
    };
    let mut weights = vec![0.0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = cosine(&candidates[i].terms, &candidates[j].terms);
            weights[i * n + j] = s;
            weights[j * n + i] = s;
        }
    }
    let row_sums: Vec<f32> = (0..n)
        .map(|i| weights[i * n..(i + 1) * n].iter().sum())
        .collect();
    let mut rank = restart.clone();
    let mut next = vec![0.0f32; n];
    for _ in 0..ITERATIONS {
        next.copy_from_slice(&restart);
        for x in next.iter_mut() {
            *x *= 1.0 - DAMPING;
        }
        for i in 0..n {
            if row_sums[i] > 0.0 {
                let share = DAMPING * rank[i] / row_sums[i];
                for j in 0..n {
                    next[j] += share * weights[i * n + j];
                }
            } else {
                // A sentence like no other hands its weight back to the lede.
                for j in 0..n {
                    next[j] += DAMPING * rank[i] * restart[j];
                }
            }
        }
        std::mem::swap(&mut rank, &mut next);
    }
    rank
}

/// True for a sentence a reader can take on its own: long enough to be a
/// sentence, short enough not to be a paragraph run together, and ending as
/// a sentence ends rather than cut off, a heading or a caption.
fn reads_complete(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if !(MIN_WORDS..=MAX_WORDS).contains(&words) {
        return false;
    }
    let end = text
        .trim_end()
        .trim_end_matches(['»', '"', '”', '’', '\'', ')', ']', '“']);
    end.ends_with(['.', '!', '؟', '?']) && !end.ends_with("..")
}
