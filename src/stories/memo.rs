//! What the story stage worked out from a few articles' texts alone, kept
//! from one build to the next.
//!
//! Grouping depends on the whole archive (every term's weight does), so a
//! rebuild groups again. But two of its costliest steps read nothing but
//! the texts they are given: whether two articles are copies of one text
//! (word trigrams of both), and which sentences summarise a story told by
//! several articles. Their results are remembered by the texts they were
//! given, so a rebuild after an edit repeats them only where a text changed.
//! A result is keyed by the texts alone; whatever else they depend on (the
//! program, `site.toml`) keys the file the memo is kept in.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::kind::Cues;
use crate::article::{Article, BlockKind};
use crate::cache::Hasher;

/// A story summary to remember: the fingerprint of the texts it read and
/// the (reader, sentence) positions it chose.
pub type SummaryEntry = (u64, Vec<(usize, usize)>);

/// Remembered results, each list sorted by key for binary search.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct Memo {
    /// Copy checks: the two texts' fingerprints (smaller first) and whether
    /// they are copies.
    copies: Vec<(u64, u64, bool)>,
    /// Summaries of stories told by several articles: the fingerprint of
    /// the texts read (in reading order) and the chosen sentences, as
    /// (reader, sentence) positions.
    summaries: Vec<(u64, Vec<(u32, u32)>)>,
    /// What grouping reads in each text's title and lede.
    cues: Vec<(u64, Cues)>,
}

impl Memo {
    /// For each pair of text fingerprints, whether the texts were found to
    /// be copies. Looked up together in one ordered walk: a million pairs
    /// searched one by one through a million entries spent their time
    /// waiting on memory.
    pub fn copies(&self, pairs: &[(u64, u64)]) -> Vec<Option<bool>> {
        let key = |&(a, b): &(u64, u64)| (a.min(b), a.max(b));
        let mut order: Vec<u32> = (0..pairs.len() as u32).collect();
        order.par_sort_unstable_by_key(|&k| key(&pairs[k as usize]));
        let mut found = vec![None; pairs.len()];
        let mut saved = self.copies.iter().peekable();
        for k in order {
            let wanted = key(&pairs[k as usize]);
            while saved.next_if(|&&(a, b, _)| (a, b) < wanted).is_some() {}
            if let Some(&&(a, b, copy)) = saved.peek()
                && (a, b) == wanted
            {
                found[k as usize] = Some(copy);
            }
        }
        found
    }

    /// The summary chosen for the readers fingerprinted `readers`.
    pub fn summary(&self, readers: u64) -> Option<Vec<(usize, usize)>> {
        let k = self
            .summaries
            .binary_search_by_key(&readers, |(key, _)| *key)
            .ok()?;
        Some(
            self.summaries[k]
                .1
                .iter()
                .map(|&(d, s)| (d as usize, s as usize))
                .collect(),
        )
    }

    /// The cues read in the text fingerprinted `text`.
    pub fn cues(&self, text: u64) -> Option<Cues> {
        let k = self
            .cues
            .binary_search_by_key(&text, |(key, _)| *key)
            .ok()?;
        Some(self.cues[k].1)
    }

    /// A memo of exactly these results (later duplicates of a key dropped).
    pub fn of(
        copies: impl IntoIterator<Item = (u64, u64, bool)>,
        summaries: impl IntoIterator<Item = SummaryEntry>,
        cues: impl IntoIterator<Item = (u64, Cues)>,
    ) -> Memo {
        let mut copies: Vec<(u64, u64, bool)> = copies
            .into_iter()
            .map(|(a, b, copy)| (a.min(b), a.max(b), copy))
            .collect();
        copies.sort_unstable();
        copies.dedup_by_key(|&mut (a, b, _)| (a, b));
        let mut summaries: Vec<(u64, Vec<(u32, u32)>)> = summaries
            .into_iter()
            .map(|(key, picked)| {
                let picked = picked.iter().map(|&(d, s)| (d as u32, s as u32));
                (key, picked.collect())
            })
            .collect();
        summaries.sort_by_key(|(key, _)| *key);
        summaries.dedup_by_key(|(key, _)| *key);
        let mut cues: Vec<(u64, Cues)> = cues.into_iter().collect();
        cues.sort_unstable_by_key(|(key, _)| *key);
        cues.dedup_by_key(|(key, _)| *key);
        Memo {
            copies,
            summaries,
            cues,
        }
    }
}

/// What the copy check, the summaries and the cues read of an article: its title and
/// its blocks (its sentences and their stems derive from them, and only
/// paragraphs are read as sentences).
pub fn fingerprint(article: &Article) -> u64 {
    let mut h = Hasher::new();
    h.update(article.title.as_bytes());
    for block in article.text_blocks() {
        let kind = match block.kind {
            BlockKind::Paragraph => b'p',
            BlockKind::Heading => b'h',
        };
        h.update(&[0, kind]);
        h.update(block.text.as_bytes());
    }
    h.finish()
}

/// The fingerprint of several texts read in this order.
pub fn fingerprint_of(texts: impl IntoIterator<Item = u64>) -> u64 {
    let mut h = Hasher::new();
    for t in texts {
        h.update(&t.to_le_bytes());
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_found_whichever_text_comes_first() {
        let memo = Memo::of([(9, 4, true), (1, 2, false)], [], []);
        assert_eq!(
            memo.copies(&[(4, 9), (1, 3), (9, 4), (2, 1), (4, 9)]),
            vec![Some(true), None, Some(true), Some(false), Some(true)]
        );
    }

    #[test]
    fn summaries_come_back_as_positions() {
        let memo = Memo::of([], [(7, vec![(0, 2), (1, 0)]), (3, vec![(2, 1)])], []);
        assert_eq!(memo.summary(7), Some(vec![(0, 2), (1, 0)]));
        assert_eq!(memo.summary(3), Some(vec![(2, 1)]));
        assert_eq!(memo.summary(5), None);
    }

    #[test]
    fn the_order_of_texts_matters() {
        assert_ne!(fingerprint_of([1, 2]), fingerprint_of([2, 1]));
    }
}
