//! Full-text search on any static host, built from what nashra understood
//! of the corpus, never from the HTML the build wrote.
//!
//! Each article, story and entity page becomes one [`Record`]
//! ([`records()`]). Its terms are nashra's own reading of the Arabic: every
//! word normalised ([`arabic::normalize`], through
//! [`arabic::for_each_word`]) and followed by its readings without
//! proclitics ([`arabic::proclitic_readings`]), so that «وبوتين» and
//! «بالعاصمة» are also indexed as «بوتين» and «العاصمة», and a reader
//! typing the bare word finds every form the text wrote. Every entity a
//! record names adds all its listed spellings: ترمب finds the articles that
//! write ترامب, and «كيم جونغ أون» those that write «كيم جونغ-أون».
//!
//! The terms go into an index of static files ([`index`]) that the search
//! page's script reads a few at a time, so a query on an archive of any
//! size fetches tens of kilobytes. The script reads the reader's query the
//! same way the build read the text: its Arabic tables are written from the
//! `arabic` crate at each build ([`script`]). (Pagefind served first; on a
//! 10,000-article archive its indexing took 45 s and 3.7 GB, three times
//! the rest of the build: see BENCHMARKS.md.)

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use crate::output::Sink;
use crate::site::Site;

pub mod index;
pub mod records;

pub use records::{Record, Terms, index_terms, records};

/// Folder of the index under the output folder.
pub const BUNDLE_DIR: &str = "search/index";

/// Where the search page's script is written under the output folder.
pub const SCRIPT_PATH: &str = "search/search.js";

/// Shortest proclitic reading kept, in letters: shorter stems are mostly
/// particles, and matching them would join unrelated words.
pub const MIN_READING: usize = 3;

/// How much a query word weighs when a record holds it in its title, or as
/// the spelling of an entity it names, against 1 in the rest of its text:
/// a page titled with the query, or about the person asked for, comes
/// first.
pub const HEADING_WEIGHT: f32 = 5.0;
pub const NAME_WEIGHT: f32 = 2.0;

/// The sort date of an undated page: before every date.
pub const UNDATED_SORT: &str = "0000-00-00";

/// What the page's script needs to read a query as [`index_terms`] reads
/// text, taken from the `arabic` crate rather than written again in
/// JavaScript.
#[derive(Debug, Serialize)]
pub struct QueryRules {
    /// Each character [`arabic::normalize`] changes, with what it becomes
    /// (empty when dropped), among the characters Arabic text carries.
    /// Letters outside it are lowercased, as `normalize` does.
    pub fold: BTreeMap<char, String>,
    /// The characters of the same blocks that end a word
    /// ([`arabic::is_word_char`] says no), each mapped to `true`. Outside
    /// those blocks the script takes letters, digits and marks as words.
    pub separators: BTreeMap<char, bool>,
    /// [`arabic::PROCLITIC_CONJUNCTIONS`].
    pub conjunctions: String,
    /// [`arabic::PROCLITIC_PREPOSITIONS`].
    pub prepositions: String,
    /// [`MIN_READING`].
    pub min_reading: usize,
    /// The weight of a query word held in each [`index`] class, by class
    /// number.
    pub weights: [f32; 3],
}

/// The Unicode blocks whose characters [`QueryRules::fold`] looks at:
/// Arabic and its supplements, Arabic presentation forms, and the
/// invisible format characters text pasted from the web carries.
const QUERY_CHARACTERS: &[std::ops::RangeInclusive<u32>] = &[
    0x0600..=0x06FF,
    0x0750..=0x077F,
    0x08A0..=0x08FF,
    0x200B..=0x206F,
    0xFB50..=0xFDFF,
    0xFE70..=0xFEFF,
];

impl QueryRules {
    pub fn new() -> QueryRules {
        let fold = QUERY_CHARACTERS
            .iter()
            .flat_map(|range| range.clone().filter_map(char::from_u32))
            .filter_map(|c| {
                let folded = arabic::normalize(c.encode_utf8(&mut [0; 4]));
                (folded != c.to_string()).then_some((c, folded))
            })
            .collect();
        let separators = QUERY_CHARACTERS
            .iter()
            .flat_map(|range| range.clone().filter_map(char::from_u32))
            .filter(|&c| !arabic::is_word_char(c))
            .map(|c| (c, true))
            .collect();
        QueryRules {
            fold,
            separators,
            conjunctions: arabic::PROCLITIC_CONJUNCTIONS.iter().collect(),
            prepositions: arabic::PROCLITIC_PREPOSITIONS.iter().collect(),
            min_reading: MIN_READING,
            weights: {
                let mut w = [0.0; 3];
                w[index::CLASS_BODY as usize] = 1.0;
                w[index::CLASS_NAME as usize] = NAME_WEIGHT;
                w[index::CLASS_HEADING as usize] = HEADING_WEIGHT;
                w
            },
        }
    }
}

impl Default for QueryRules {
    fn default() -> Self {
        QueryRules::new()
    }
}

/// The search page's behaviour, after its Arabic rules.
const SCRIPT_BODY: &str = include_str!("search.js");

/// The search page's script: [`QueryRules`] as data, then the code that
/// reads queries with them, reads the index and lists the results.
pub fn script() -> String {
    let rules = serde_json::to_string(&QueryRules::new()).expect("plain data serialises");
    format!(
        "// Written by nashra from its arabic crate: how a query is read (src/search/mod.rs).\n\
         var NASHRA_QUERY_RULES = {rules};\n{SCRIPT_BODY}"
    )
}

/// Writes everything search needs besides its page: the index of `site`
/// and the page's script.
pub fn write(site: &Site, sink: &dyn Sink) -> Result<()> {
    index::write(site, sink)?;
    sink.put(SCRIPT_PATH, script().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_and_spelling_variants_are_indexed_as_the_bare_word() {
        let terms = index_terms(["وبوتين يصل بالعاصمة لبحث الأزمة مع الرئيس إلى موسكو"]);
        for bare in ["بوتين", "العاصمه", "عاصمه", "الازمه", "الي", "موسكو"]
        {
            assert!(terms.iter().any(|t| t == bare), "{bare} missing: {terms:?}");
        }
        // The word as written (normalised) stays, so a reader typing it finds it.
        assert!(terms.iter().any(|t| t == "وبوتين"));
        // Words starting with ب keep their whole form beside any reading.
        let terms = index_terms(["بوتين في بيونغ يانغ"]);
        assert!(terms.iter().any(|t| t == "بوتين"));
        assert!(terms.iter().any(|t| t == "بيونغ"));
    }

    #[test]
    fn diacritics_hamza_and_final_letters_are_folded_before_indexing() {
        assert_eq!(index_terms(["مُبَارَاة"]), index_terms(["مباراه"]));
        assert_eq!(index_terms(["إيران"]), index_terms(["ايران"]));
        assert_eq!(index_terms(["مستشفى"]), index_terms(["مستشفي"]));
    }

    #[test]
    fn query_rules_come_from_the_arabic_crate() {
        let rules = QueryRules::new();
        assert_eq!(rules.fold[&'أ'], "ا");
        assert_eq!(rules.fold[&'ة'], "ه");
        assert_eq!(rules.fold[&'ى'], "ي");
        assert_eq!(rules.fold[&'\u{064E}'], "", "a fatha is dropped");
        assert_eq!(rules.fold[&'٣'], "3");
        assert!(!rules.fold.contains_key(&'ب'), "plain letters are left out");
        assert_eq!(rules.conjunctions, "وف");
        let script = script();
        assert!(script.starts_with("// Written by nashra"));
        assert!(script.contains("NASHRA_QUERY_RULES"));
    }
}
