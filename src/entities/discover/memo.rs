//! What discovery worked out at the last build, kept for the next.
//!
//! Which names the corpus introduces depends on every article, so it is
//! decided again at each build. But its two costly steps read one text at
//! a time: counting in each text the written forms that show a candidate's
//! word to be an ordinary word, and reading again, with the new names, the
//! articles that use them. Both results are remembered by the text they
//! read, so a rebuild after an edit redoes them only for the texts that
//! changed, for forms no text was searched for before, and for the texts
//! that hold a word of a discovered name that came, went or changed. What
//! else they depend on (the program, `site.toml`, the entity list) keys the
//! file the memo is kept in.

use serde::{Deserialize, Serialize};

use crate::article::{Article, EntityKind, Mention, Quote};
use crate::cache::Hasher;
use crate::entities::Entity;

/// Remembered results, each list sorted by its text fingerprint (see
/// `text_key`) or by form, for binary search.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct Memo {
    /// Every text the last build read.
    pub(super) texts: Vec<u64>,
    /// The written forms each text was searched for.
    pub(super) forms: Vec<String>,
    /// For each text holding any of `forms`: (form, occurrences) pairs.
    pub(super) counts: FormCounts,
    /// The discovered entities, and the listed ones that took a spelling
    /// from the corpus, as far as the matcher reads them.
    pub(super) found: Vec<Signature>,
    /// The texts read again with the discovered names, and what that
    /// reading found in each.
    pub(super) readings: Vec<(u64, Reading)>,
    /// Words looked up in the lexicon, as written, sorted, with whether
    /// the language has them: a rebuild compiles the lexicon only for a
    /// word it has not seen.
    pub(super) words: Vec<(String, bool)>,
}

/// By text fingerprint, how often each form occurs in the text: (form,
/// occurrences) pairs in order of form.
pub(super) type FormCounts = Vec<(u64, Vec<(u32, u32)>)>;

/// What a text read with the discovered names gives its article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Reading {
    pub mentions: Vec<Mention>,
    pub quotes: Vec<Quote>,
}

/// A discovered entity as the matcher sees it: what it matches and what a
/// mention of it records. Its evidence (how many articles) is left out, so
/// that one more sighting reads no text again.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(super) struct Signature {
    pub slug: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
}

impl Signature {
    pub(super) fn of(entity: &Entity) -> Signature {
        Signature {
            slug: entity.slug.clone(),
            name: entity.name.clone(),
            kind: entity.kind,
            aliases: entity.aliases.clone(),
        }
    }

    /// The entity this signature describes, bare of evidence: enough to
    /// tell which words the matcher looks for.
    pub(super) fn entity(&self) -> Entity {
        Entity {
            aliases: self.aliases.clone(),
            ..Entity::bare(self.slug.clone(), self.name.clone(), self.kind)
        }
    }
}

impl Memo {
    pub(super) fn knows(&self, text: u64) -> bool {
        self.texts.binary_search(&text).is_ok()
    }

    /// The forms counted in `text` last time (empty when it held none).
    pub(super) fn counts(&self, text: u64) -> &[(u32, u32)] {
        self.counts
            .binary_search_by_key(&text, |(k, _)| *k)
            .map_or(&[], |i| &self.counts[i].1)
    }

    /// Whether the language has `word`, as the last build's lexicon said.
    pub(super) fn has_word(&self, word: &str) -> Option<bool> {
        self.words
            .binary_search_by(|(w, _)| w.as_str().cmp(word))
            .ok()
            .map(|i| self.words[i].1)
    }

    pub(super) fn reading(&self, text: u64) -> Option<&Reading> {
        self.readings
            .binary_search_by_key(&text, |(k, _)| *k)
            .ok()
            .map(|i| &self.readings[i].1)
    }
}

/// The fingerprint of what discovery reads of an article: its title, its
/// body and where its sentences fall.
pub(super) fn text_key(article: &Article) -> u64 {
    let mut h = Hasher::new();
    h.update(article.title.as_bytes());
    h.update(&[0]);
    h.update(article.plain_text().as_bytes());
    for s in article.sentence_ranges() {
        h.update(&(s.start as u64).to_le_bytes());
        h.update(&(s.end as u64).to_le_bytes());
    }
    h.finish()
}

/// `entries` sorted by key, one per key (equal texts give equal results).
pub(super) fn by_key<T>(mut entries: Vec<(u64, T)>) -> Vec<(u64, T)> {
    entries.sort_unstable_by_key(|(k, _)| *k);
    entries.dedup_by_key(|(k, _)| *k);
    entries
}
