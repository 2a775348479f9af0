//! What a discovered entity's page says it is: the title or head word that
//! introduced it, as a reader would write it alone.
//!
//! The word is taken from the sentence, so it carries what the sentence
//! gave it: a preposition or conjunction (لشركة، وصحيفة، للمدرب), or the
//! dual of a construct (بلدتي كفرنبل وحاس). Some introducing words say
//! nothing of who someone is (يدعى "named", زميله "his colleague", السيد
//! "Mr"), and منظمة says no more than the kind shown beside the name.

use std::borrow::Cow;
use std::collections::BTreeMap;

use arabic::{normalize, proclitic_reading_slices};

/// Introducing words, normalised, that describe nothing beside the
/// relations ([`super::RELATIONS`]): naming verbs, courtesy titles, and
/// the word for the kind itself.
const SAYS_NOTHING: &[&str] = &[
    "يدعي",
    "تدعي",
    "المدعو",
    "المدعوه",
    "السيد",
    "السيده",
    "منظمه",
];

/// The description the introducing words of a name give most often, by
/// how often each was written (`cues`, as written): «لشركة» and «شركة»
/// count as one. Read once per entity, not per sighting.
pub(super) fn most_telling(
    cues: &BTreeMap<String, usize>,
    is_head: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let mut told: BTreeMap<String, usize> = BTreeMap::new();
    for (cue, n) in cues {
        if let Some(d) = description(cue, is_head) {
            *told.entry(d).or_default() += n;
        }
    }
    (!told.is_empty()).then(|| super::most_common(&told))
}

/// The description an introducing `cue` (as written, one word or an
/// office of several) gives, or `None` when it gives none. `is_head`
/// tells the introducing words discovery knows, normalised.
fn description(cue: &str, is_head: &dyn Fn(&str) -> bool) -> Option<String> {
    let cue = cue.trim();
    let (first, rest) = cue.split_once(' ').unwrap_or((cue, ""));
    let head = bare_head(first, is_head)?;
    let norm = normalize(&head);
    if SAYS_NOTHING.contains(&norm.as_str()) || super::RELATIONS.contains(&norm.as_str()) {
        return None;
    }
    Some(if rest.is_empty() {
        head.into_owned()
    } else {
        format!("{head} {rest}")
    })
}

/// `word` without the clitics the sentence put before it, or its dual
/// construct made single: the spelling of the first reading of it that
/// `is_head` knows. `None` when no reading is known.
fn bare_head<'w>(word: &'w str, is_head: &dyn Fn(&str) -> bool) -> Option<Cow<'w, str>> {
    let norm = normalize(word);
    for reading in proclitic_reading_slices(&norm, 2) {
        // بلدتي → بلدة: the dual construct of a head that ends in ة.
        if let Some(stem) = reading.strip_suffix("تي")
            && is_head(&format!("{stem}ه"))
        {
            let written = written_as(word, &reading)?;
            let single = written.strip_suffix("تي")?;
            return Some(Cow::Owned(format!("{single}ة")));
        }
        if is_head(&reading) {
            return written_as(word, &reading).map(Cow::Owned);
        }
    }
    None
}

/// The end of `word` (as written) that normalises to `reading`, or ال and
/// the end after لل, which elides the article's alef (للمدرب → المدرب).
fn written_as(word: &str, reading: &str) -> Option<String> {
    let mut ends = word.char_indices().map(|(i, _)| &word[i..]);
    ends.find_map(|end| {
        if normalize(end) == reading {
            Some(end.to_string())
        } else {
            let with_alef = format!("ا{end}");
            (normalize(&with_alef) == reading && end.starts_with('ل')).then_some(with_alef)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_head(norm: &str) -> bool {
        [
            "شركه",
            "صحيفه",
            "المدرب",
            "بلده",
            "بلدتي",
            "منظمه",
            "السيد",
            "زميله",
            "رييس",
        ]
        .contains(&norm)
    }

    fn describe(cue: &str) -> Option<String> {
        description(cue, &is_head)
    }

    #[test]
    fn a_head_is_written_as_alone() {
        assert_eq!(describe("لشركة").as_deref(), Some("شركة"));
        assert_eq!(describe("وصحيفة").as_deref(), Some("صحيفة"));
        assert_eq!(describe("للمدرب").as_deref(), Some("المدرب"));
        assert_eq!(describe("المدرب").as_deref(), Some("المدرب"));
        assert_eq!(describe("بلدتي").as_deref(), Some("بلدة"));
        assert_eq!(
            describe("ورئيس اتحاد الكرة").as_deref(),
            Some("رئيس اتحاد الكرة")
        );
    }

    #[test]
    fn spellings_of_one_head_count_together() {
        let cues: BTreeMap<String, usize> =
            [("لشركة", 2), ("شركة", 1), ("لمنظمة", 2), ("صحيفة", 2)]
                .map(|(c, n)| (c.to_string(), n))
                .into();
        assert_eq!(most_telling(&cues, &is_head).as_deref(), Some("شركة"));
        let nothing: BTreeMap<String, usize> = [("السيد".to_string(), 3)].into();
        assert_eq!(most_telling(&nothing, &is_head), None);
    }

    #[test]
    fn words_that_say_nothing_of_who_describe_nothing() {
        assert_eq!(describe("منظمة"), None);
        assert_eq!(describe("لمنظمة"), None);
        assert_eq!(describe("السيد"), None);
        assert_eq!(describe("زميله"), None);
        assert_eq!(describe("قال"), None);
    }
}
