//! Other spellings of a person's name, listed or discovered, that the
//! corpus writes outside any naming context.
//!
//! A foreign name is transliterated several ways, often by one outlet in
//! one week (ديميتري and ديمتري بيسكوف, غاريث بيل and غاريث بايل).
//! Discovery joins two spellings when both stand where names stand
//! ([`super::merge_spellings`]); a spelling met only in running text
//! (وأضاف غاريث بايل أن …) it never reads as a name, and a listed name
//! respelled there (ريكس تيليرسون) the matcher misses. Here every article
//! is read once more for runs of words spelled like a person's name, word
//! for word ([`super::word_spelled_alike`]), and each such run becomes an
//! alias of that person.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use arabic::{
    WordList, is_definite, is_stop_word, phrase_key, transliteration_skeleton,
    transliteration_skeleton_into,
};
use rayon::prelude::*;

use super::word_spelled_alike;
use crate::article::{Article, EntityKind};
use crate::entities::list::Entity;

/// Every word of a spelling taken this way has at least this many
/// letters: short words (من، بل) share their skeletons with too many.
const MIN_LETTERS: usize = 3;

/// One spelling of a person's name, by its normalised words.
struct Spelling {
    entity: usize,
    words: Vec<String>,
}

/// Adds to each person among `entities` the other spellings of its name
/// that `articles` use, as aliases; never a spelling of a listed name
/// (`listed`, by phrase key), which names the listed entity. Returns the
/// entities that took one, ascending.
pub(super) fn add_corpus_spellings(
    articles: &[Article],
    entities: &mut [Entity],
    listed: &HashSet<String>,
) -> Vec<usize> {
    let mut by_opening: HashMap<String, Vec<Spelling>> = HashMap::new();
    let mut key = String::new();
    for (entity, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Person {
            continue;
        }
        for name in e.names() {
            let words: Vec<String> = name.split_whitespace().map(arabic::normalize).collect();
            if words.len() < 2 || words.iter().any(|w| w.chars().count() < MIN_LETTERS) {
                continue;
            }
            let skeletons = [
                transliteration_skeleton(&words[0]),
                transliteration_skeleton(&words[1]),
            ];
            opening_key(&skeletons[0], &skeletons[1], &mut key);
            by_opening
                .entry(key.clone())
                .or_default()
                .push(Spelling { entity, words });
        }
    }
    if by_opening.is_empty() {
        return Vec::new();
    }
    let found: Vec<(usize, String)> = articles
        .par_iter()
        .flat_map_iter(|a| {
            let mut found = Vec::new();
            for text in [a.title.as_str(), a.plain_text()] {
                spelled_alike_in(text, &by_opening, listed, &mut found);
            }
            found
        })
        .collect();
    let mut by_entity: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for (entity, surface) in found {
        by_entity.entry(entity).or_default().insert(surface);
    }
    let mut amended = Vec::new();
    for (entity, surfaces) in by_entity {
        let e = &mut entities[entity];
        let mut known: HashSet<String> = e.names().map(|n| phrase_key(n)).collect();
        let before = e.aliases.len();
        for surface in surfaces {
            let key = phrase_key(&surface);
            if !listed.contains(&key) && known.insert(key) {
                e.aliases.push(surface);
            }
        }
        if e.aliases.len() > before {
            amended.push(entity);
        }
    }
    amended
}

/// The key a spelling is looked up by: the skeletons of its first two
/// words. Names opening with a common given name (محمد، علي) are many;
/// the second word sets them apart, so that each word of a text is
/// compared with the few names that could start there.
fn opening_key(first: &str, second: &str, key: &mut String) {
    key.clear();
    key.push_str(first);
    key.push(' ');
    key.push_str(second);
}

/// Pushes onto `found` each run of words of `text` spelled like one of
/// the names in `by_opening` (by the skeletons of their first two words)
/// but not as it, with the entity it names. A word that is itself a
/// listed name (`listed`) is that name, never another spelling: «حمّل
/// إبراهيم روسيا» is not إبراهيم رئيسي.
fn spelled_alike_in(
    text: &str,
    by_opening: &HashMap<String, Vec<Spelling>>,
    listed: &HashSet<String>,
    found: &mut Vec<(usize, String)>,
) {
    let ws = WordList::of(text);
    let spans = ws.spans();
    // Every word's skeleton, once: each is the second word of one opening
    // and the first of the next.
    let mut skeletons = String::new();
    let mut ends = Vec::with_capacity(ws.len());
    let mut skeleton = String::new();
    for i in 0..ws.len() {
        transliteration_skeleton_into(ws.norm(i), &mut skeleton);
        skeletons.push_str(&skeleton);
        ends.push(skeletons.len());
    }
    let skeleton_of = |i: usize| &skeletons[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
    let mut key = String::new();
    for i in 0..ws.len().saturating_sub(1) {
        if ws.norm(i).chars().count() < MIN_LETTERS {
            continue;
        }
        opening_key(skeleton_of(i), skeleton_of(i + 1), &mut key);
        let Some(spellings) = by_opening.get(&key) else {
            continue;
        };
        for spelling in spellings {
            let end = i + spelling.words.len();
            if end > ws.len() {
                continue;
            }
            let alike = (i..end).zip(&spelling.words).all(|(j, word)| {
                let norm = ws.norm(j);
                norm.chars().count() >= MIN_LETTERS
                    && (norm == word || !listed.contains(norm))
                    && word_spelled_alike(norm, word)
                    && is_definite(norm) == is_definite(word)
                    && !is_stop_word(norm)
                    && (j == i || text[spans[j - 1].end..spans[j].start].trim().is_empty())
            });
            let same = (i..end)
                .zip(&spelling.words)
                .all(|(j, word)| ws.norm(j) == word);
            if alike && !same {
                found.push((
                    spelling.entity,
                    text[spans[i].start..spans[end - 1].end].to_string(),
                ));
            }
        }
    }
}
