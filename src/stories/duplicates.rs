//! Copies: the same text filed more than once (a wire story republished
//! as it is, a page scraped twice).
//!
//! Only pairs whose bodies are already very similar are checked, but at
//! scale they still number about ten per article, and each check reads both
//! articles' word trigrams. Fingerprints are therefore taken a few days at a
//! time, as the checks reach those days, and let go of once the date window
//! has moved past them; each check stops as soon as the pair can no longer
//! share enough trigrams.

use rayon::prelude::*;

use super::features::{MAX_TEXT_BYTES, head};
use crate::article::Article;
use arabic::for_each_word_hash;

/// Two copies of one text differ at most this much in length.
const LENGTH_RATIO: f32 = 0.5;

/// Suspect pairs checked together, at least: enough work to share between
/// threads, few enough days that their fingerprints stay small.
const MIN_BATCH_PAIRS: usize = 4096;

/// Pairs among the `suspects` (`i < j`) whose texts repeat each other word
/// for word: at least `threshold` of the shorter text's trigrams are in
/// the longer one, and neither is less than half as long as the other.
/// Returned in the order of `suspects`.
///
/// `days` are the articles' days (`None` when undated), and suspects are
/// at most `window` days apart when both are dated.
pub fn find(
    articles: &[Article],
    days: &[Option<i32>],
    window: i32,
    suspects: &[(u32, u32)],
    threshold: f32,
) -> Vec<(usize, usize)> {
    // A pair is checked once its later day is reached; a pair of undated
    // articles at the very end.
    let reached = |&(i, j): &(u32, u32)| match (days[i as usize], days[j as usize]) {
        (Some(a), Some(b)) => a.max(b),
        (Some(d), None) | (None, Some(d)) => d,
        (None, None) => i32::MAX,
    };
    let mut order: Vec<(i32, u32)> = suspects
        .iter()
        .enumerate()
        .map(|(k, pair)| (reached(pair), k as u32))
        .collect();
    order.sort_unstable();

    let mut prints: Vec<Option<Vec<u64>>> = vec![None; articles.len()];
    let mut held: Vec<u32> = Vec::new();
    let mut found: Vec<u32> = Vec::new();
    let mut rest = &order[..];
    while !rest.is_empty() {
        let batch = next_batch(rest);
        let (batch, later) = rest.split_at(batch);
        rest = later;
        let first_day = batch[0].0;
        // Fingerprints of days the window has left behind are not needed
        // again: every later pair has a dated article on or after
        // `first_day`, and its partner is dated within the window or undated.
        held.retain(|&a| match days[a as usize] {
            Some(d) if d < first_day.saturating_sub(window) => {
                prints[a as usize] = None;
                false
            }
            _ => true,
        });
        let mut wanted: Vec<u32> = batch
            .iter()
            .flat_map(|&(_, k)| {
                let (i, j) = suspects[k as usize];
                [i, j]
            })
            .filter(|&a| prints[a as usize].is_none())
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let taken: Vec<Vec<u64>> = wanted
            .par_iter()
            .map(|&a| shingles(&articles[a as usize]))
            .collect();
        for (&a, p) in wanted.iter().zip(taken) {
            prints[a as usize] = Some(p);
        }
        held.extend(wanted);
        let prints = &prints;
        found.par_extend(batch.par_iter().filter_map(|&(_, k)| {
            let (i, j) = suspects[k as usize];
            let print = |a: u32| prints[a as usize].as_deref().expect("fingerprint taken");
            is_copy(print(i), print(j), threshold).then_some(k)
        }));
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|k| {
            let (i, j) = suspects[k as usize];
            (i as usize, j as usize)
        })
        .collect()
}

/// How many of the (day-ordered) pairs go into the next batch: at least
/// [`MIN_BATCH_PAIRS`], and whole days.
fn next_batch(order: &[(i32, u32)]) -> usize {
    if order.len() <= MIN_BATCH_PAIRS {
        return order.len();
    }
    let last_day = order[MIN_BATCH_PAIRS - 1].0;
    MIN_BATCH_PAIRS + order[MIN_BATCH_PAIRS..].partition_point(|&(d, _)| d == last_day)
}

/// Whether two fingerprints are copies of one text: lengths within
/// [`LENGTH_RATIO`] and at least `threshold` of the smaller one shared.
pub fn is_copy(a: &[u64], b: &[u64], threshold: f32) -> bool {
    let (smaller, larger) = (a.len().min(b.len()), a.len().max(b.len()));
    let ratio = smaller as f32 / larger.max(1) as f32;
    if ratio < LENGTH_RATIO {
        return false;
    }
    if smaller == 0 {
        return 0.0 >= threshold;
    }
    match needed_shared(smaller, threshold) {
        Some(needed) => shares_at_least(a, b, needed),
        None => false,
    }
}

/// The fewest shared trigrams for which `shared / smaller` (as computed in
/// `f32`) reaches `threshold`, or `None` when no number does. The ratio
/// only grows with `shared`, so counting up to this number decides the
/// pair exactly as computing the whole ratio would.
fn needed_shared(smaller: usize, threshold: f32) -> Option<usize> {
    let reaches = |shared: usize| shared as f32 / smaller as f32 >= threshold;
    let guess = (f64::from(threshold) * smaller as f64).ceil();
    let mut needed = if guess.is_nan() {
        0
    } else {
        guess.clamp(0.0, smaller as f64) as usize
    };
    while needed > 0 && reaches(needed - 1) {
        needed -= 1;
    }
    while needed <= smaller && !reaches(needed) {
        needed += 1;
    }
    (needed <= smaller).then_some(needed)
}

/// Whether two sorted sets have at least `needed` elements in common,
/// stopping as soon as what is left of either cannot make up the rest.
pub fn shares_at_least(a: &[u64], b: &[u64], needed: usize) -> bool {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while shared < needed {
        if shared + (a.len() - i).min(b.len() - j) < needed {
            return false;
        }
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
    true
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
        for_each_word_hash(part, |h| words.push(h));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// How much of the shorter text the longer one repeats word for word:
    /// the rule as first written, computing the whole ratio.
    fn containment(a: &[u64], b: &[u64]) -> f32 {
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

    /// The rule as first written: lengths, then the whole ratio.
    fn copy_by_whole_ratio(a: &[u64], b: &[u64], threshold: f32) -> bool {
        let ratio = a.len().min(b.len()) as f32 / a.len().max(b.len()).max(1) as f32;
        ratio >= LENGTH_RATIO && containment(a, b) >= threshold
    }

    /// A sorted set of `len` numbers from a small range, so that two of
    /// them overlap by chance anywhere from nothing to everything.
    fn set(seed: &mut u64, len: usize, range: u64) -> Vec<u64> {
        let mut out: Vec<u64> = (0..len)
            .map(|_| {
                *seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (*seed >> 33) % range
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn stopping_early_decides_every_pair_as_the_whole_ratio_does() {
        let mut seed = 7;
        for round in 0..4000 {
            let range = 20 + (round % 7) as u64 * 40;
            let a = set(&mut seed, 1 + round % 97, range);
            let b = set(&mut seed, 1 + (round * 31) % 89, range);
            for threshold in [0.0, 0.3, 0.5, 0.8, 0.81, 0.9, 1.0, 1.1] {
                assert_eq!(
                    is_copy(&a, &b, threshold),
                    copy_by_whole_ratio(&a, &b, threshold),
                    "{a:?} {b:?} {threshold}"
                );
            }
        }
    }

    #[test]
    fn the_needed_share_is_the_least_that_reaches_the_threshold() {
        for smaller in 1..300 {
            for threshold in [0.1f32, 0.8, 0.7, 1.0 / 3.0, 0.95] {
                let needed = needed_shared(smaller, threshold).expect("reachable");
                assert!(needed as f32 / smaller as f32 >= threshold);
                assert!(needed == 0 || ((needed - 1) as f32 / smaller as f32) < threshold);
            }
        }
        assert_eq!(needed_shared(10, 1.5), None);
    }
}
