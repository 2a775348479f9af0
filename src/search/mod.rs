//! Full-text search on any static host: a Pagefind index built from what
//! nashra understood of the corpus, never from the HTML the build wrote.
//!
//! Each article, story and entity page becomes one [`Record`]. Its indexed
//! text is nashra's own reading of the Arabic: every word normalised
//! ([`arabic::normalize`], through [`arabic::for_each_word`]) and followed
//! by its readings without proclitics ([`arabic::proclitic_readings`]), so
//! that «وبوتين» and «بالعاصمة» are also indexed as «بوتين» and «العاصمة»,
//! and a reader typing the bare word finds every form the text wrote.
//! Every entity a record names adds all its listed spellings, repeated so
//! that they weigh like a title word: ترمب finds the articles that write
//! ترامب, and «كيم جونغ أون» those that write «كيم جونغ-أون».
//!
//! Records are handed to Pagefind in a language it has no stemmer for
//! ([`INDEX_LANGUAGE`]): its Arabic stemmer strips a leading ب from names
//! («بوتين», «بيونغ») and then finds nothing, and the words it would
//! conflate are already joined here. The page's script reads the reader's
//! query the same way before it reaches Pagefind: its Arabic tables are
//! written from the `arabic` crate at each build ([`script`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::{Context, Result};
use serde::Serialize;

use crate::output::Sink;
use crate::site::Site;

/// Folder of the index under the output folder.
pub const BUNDLE_DIR: &str = "pagefind";

/// Pagefind's ready-made interfaces, which its bundle always holds: the
/// search page draws its own results (Arabic meta, nashra's highlighting),
/// so these 430 KB are left out of the site.
const UNUSED_BUNDLE_FILES: &[&str] = &[
    "pagefind-ui.",
    "pagefind-component-ui.",
    "pagefind-modular-ui.",
    "pagefind-highlight.",
];

/// Where the search page's script is written under the output folder.
pub const SCRIPT_PATH: &str = "search/search.js";

/// Language the records are indexed in: one Pagefind has no stemmer for,
/// so the terms nashra hands it are kept as they are.
pub const INDEX_LANGUAGE: &str = "unknown";

/// Shortest proclitic reading kept, in letters: shorter stems are mostly
/// particles, and matching them would join unrelated words.
pub const MIN_READING: usize = 3;

/// How Pagefind weighs a record's title words and the spellings of the
/// entities it names, against 1 for the rest of its words: a page titled
/// with the query, or about the person asked for, comes first. (Pagefind
/// weighs an HTML `h1` 7.)
pub const HEADING_WEIGHT: f32 = 5.0;
pub const NAME_WEIGHT: f32 = 2.0;

/// The sort date of an undated page: before every date.
pub const UNDATED_SORT: &str = "0000-00-00";

/// Characters of a summary kept as a result's excerpt.
const EXCERPT_CHARS: usize = 320;

/// What kind of page a result is, as a reader reads it in the results.
pub const KIND_ARTICLE: &str = "مقال";
pub const KIND_STORY: &str = "قصة";
pub const KIND_ENTITY: &str = "علم";

/// One searchable page as handed to Pagefind.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// URL of the page, under the site's base path.
    pub url: String,
    /// What a query can meet in the page.
    pub terms: Terms,
    /// Shown in results: `title`, `kind`, and where known `outlet`,
    /// `date` (as the site prints dates) and `excerpt`; `date_iso` lets
    /// the page merge newest-first lists.
    pub meta: BTreeMap<String, String>,
    /// `topic`, `outlet` and `year`, each only where known.
    pub filters: BTreeMap<String, Vec<String>>,
    /// `date` (ISO), for newest-first sorting; [`UNDATED_SORT`] when
    /// undated.
    pub sort: BTreeMap<String, String>,
}

/// A record's index terms (see [`index_terms`]), in the parts Pagefind
/// weighs apart. Each part holds a term once: word positions and counts
/// mean nothing to a reader here (the excerpt shown is the summary), and
/// repeated terms were most of the index's time and memory.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Terms {
    /// The title's terms, weighed [`HEADING_WEIGHT`].
    pub heading: Vec<String>,
    /// Every other word of the page.
    pub body: Vec<String>,
    /// The spellings of the entities the page names, weighed
    /// [`NAME_WEIGHT`].
    pub names: Vec<String>,
}

impl Terms {
    /// Every term of the record, part after part.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.heading
            .iter()
            .chain(&self.body)
            .chain(&self.names)
            .map(String::as_str)
    }

    /// The text Pagefind indexes: the parts, each in Pagefind's weight
    /// markers (the ones its HTML reader writes for `data-pagefind-weight`).
    pub fn digest(&self) -> String {
        let weighed = |weight: f32, part: &[String]| {
            format!(
                "___PAGEFIND_WEIGHT___{weight} {} ___END_PAGEFIND_WEIGHT___",
                part.join(" ")
            )
        };
        format!(
            "{} {} {}",
            weighed(HEADING_WEIGHT, &self.heading),
            self.body.join(" "),
            weighed(NAME_WEIGHT, &self.names)
        )
    }
}

/// `terms` without repeats, in the order first met.
fn distinct(terms: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    terms
        .into_iter()
        .filter(|t| seen.insert(t.clone()))
        .collect()
}

/// The terms of a page: its `heading`, the `texts` of its body, and the
/// spellings of the entities `slugs` names.
fn page_terms<'a>(
    site: &Site,
    heading: &str,
    texts: &[&str],
    slugs: impl IntoIterator<Item = &'a str>,
) -> Terms {
    Terms {
        heading: distinct(index_terms(heading)),
        body: distinct(texts.iter().flat_map(|t| index_terms(t))),
        names: spelling_terms(site, slugs),
    }
}

/// The index terms of `text`: each word normalised, followed by its
/// readings without proclitics.
pub fn index_terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    arabic::for_each_word(text, |_, _, norm| {
        out.extend(arabic::proclitic_readings(norm, MIN_READING));
    });
    out
}

/// Every spelling the entity list knows for the entities `slugs` names
/// (name, aliases, short forms, English name), as index terms, each once.
fn spelling_terms<'a>(site: &Site, slugs: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut spellings = BTreeSet::new();
    for slug in slugs {
        if let Some(entity) = site.corpus.entities.get(slug) {
            spellings.extend(entity.names().cloned());
            spellings.extend(entity.short.iter().flatten().cloned());
            spellings.extend(entity.english.iter().cloned());
        }
    }
    distinct(spellings.iter().flat_map(|s| index_terms(s)))
}

fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// The meta, filter and sort maps of a record, without empty values.
fn record(
    url: &str,
    terms: Terms,
    meta: [(&str, &str); 6],
    filters: [(&str, Vec<String>); 3],
    date_iso: &str,
) -> Record {
    Record {
        url: url.to_string(),
        terms,
        meta: meta
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        filters: filters
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        // Pagefind leaves a page without the key out of sorted results:
        // undated pages get the lowest date instead, and come last.
        sort: BTreeMap::from([(
            "date".to_string(),
            match date_iso {
                "" => UNDATED_SORT.to_string(),
                iso => iso.to_string(),
            },
        )]),
    }
}

/// The year of an ISO date, or nothing for an undated page.
fn year_of(date_iso: &str) -> Vec<String> {
    date_iso.get(..4).map(str::to_string).into_iter().collect()
}

/// The records of every article, story and entity page of `site`, in the
/// site's order: articles, then stories, then entities.
pub fn records(site: &Site) -> Vec<Record> {
    let corpus = site.corpus;
    let topic_names: HashMap<&str, &str> = site
        .topics
        .iter()
        .map(|t| (t.slug.as_str(), t.name.as_str()))
        .collect();
    let topics = |slugs: &[String]| -> Vec<String> {
        slugs
            .iter()
            .filter_map(|s| topic_names.get(s.as_str()).map(|n| n.to_string()))
            .collect()
    };
    let mut out = Vec::with_capacity(corpus.articles.len() + corpus.stories.len());
    for (a, card) in corpus.articles.iter().zip(&site.cards) {
        let mut texts = vec![a.plain_text()];
        texts.extend(a.subtitle.as_deref());
        let terms = page_terms(
            site,
            &a.title,
            &texts,
            a.entities.iter().map(|m| m.slug.as_str()),
        );
        let outlet = card.source.unwrap_or_default();
        out.push(record(
            &card.url,
            terms,
            [
                ("title", card.title),
                ("kind", KIND_ARTICLE),
                ("outlet", outlet),
                ("date", &card.date),
                ("date_iso", &card.date_iso),
                ("excerpt", &excerpt(card.summary)),
            ],
            [
                ("topic", topics(&a.topics)),
                (
                    "outlet",
                    card.source.map(str::to_string).into_iter().collect(),
                ),
                ("year", year_of(&card.date_iso)),
            ],
            &card.date_iso,
        ));
    }
    for (s, card) in corpus.stories.iter().zip(&site.story_cards) {
        let summary: Vec<&str> = s.summary.iter().map(|x| x.text.as_str()).collect();
        let summary = summary.join(" ");
        let mut texts = vec![summary.as_str()];
        texts.extend(
            s.articles
                .iter()
                .filter_map(|&i| corpus.articles.get(i))
                .map(|a| a.title.as_str()),
        );
        let terms = page_terms(
            site,
            &s.headline,
            &texts,
            s.entities.iter().map(String::as_str),
        );
        let outlets: Vec<&str> = card.outlets.iter().map(|o| o.name).collect();
        out.push(record(
            &card.url,
            terms,
            [
                ("title", card.headline),
                ("kind", KIND_STORY),
                ("outlet", &outlets.join("، ")),
                ("date", &card.date),
                ("date_iso", &card.date_iso),
                ("excerpt", &excerpt(&summary)),
            ],
            [
                ("topic", topics(&s.topics)),
                ("outlet", outlets.iter().map(|s| s.to_string()).collect()),
                ("year", year_of(&card.date_iso)),
            ],
            &card.date_iso,
        ));
    }
    for term in &site.entities {
        let terms = page_terms(site, &term.name, &[&term.description], [term.slug.as_str()]);
        out.push(record(
            &term.url,
            terms,
            [
                ("title", &term.name),
                ("kind", KIND_ENTITY),
                ("outlet", ""),
                ("date", ""),
                ("date_iso", ""),
                ("excerpt", &excerpt(&term.description)),
            ],
            [("topic", vec![]), ("outlet", vec![]), ("year", vec![])],
            "",
        ));
    }
    out
}

/// Builds the Pagefind index of `records` and puts its files under
/// [`BUNDLE_DIR`]. The index is rebuilt whole at every build, incremental
/// ones included: Pagefind cannot update an index in place. Its files are
/// named by their content, so an unchanged index leaves the output as it
/// was.
pub fn write_index(records: Vec<Record>, sink: &dyn Sink) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .context("starting the search indexer")?;
    let files = runtime.block_on(async move {
        let config = pagefind::options::PagefindServiceConfig::builder()
            .keep_index_url(true)
            .build();
        let mut index = pagefind::api::PagefindIndex::new(Some(config))?;
        for r in records {
            index
                .add_custom_record(
                    r.url,
                    r.terms.digest(),
                    INDEX_LANGUAGE.to_string(),
                    Some(r.meta),
                    Some(r.filters),
                    Some(r.sort),
                )
                .await?;
        }
        index.get_files().await
    })?;
    for file in files {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        if UNUSED_BUNDLE_FILES
            .iter()
            .any(|unused| name.starts_with(unused))
        {
            continue;
        }
        sink.put(&format!("{BUNDLE_DIR}/{name}"), &file.contents)?;
    }
    Ok(())
}

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
/// reads queries with them, asks Pagefind and lists the results.
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
    write_index(records(site), sink)?;
    sink.put(SCRIPT_PATH, script().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_and_spelling_variants_are_indexed_as_the_bare_word() {
        let terms = index_terms("وبوتين يصل بالعاصمة لبحث الأزمة مع الرئيس إلى موسكو");
        for bare in ["بوتين", "العاصمه", "عاصمه", "الازمه", "الي", "موسكو"]
        {
            assert!(terms.iter().any(|t| t == bare), "{bare} missing: {terms:?}");
        }
        // The word as written (normalised) stays, so a reader typing it finds it.
        assert!(terms.iter().any(|t| t == "وبوتين"));
        // Words starting with ب keep their whole form beside any reading.
        let terms = index_terms("بوتين في بيونغ يانغ");
        assert!(terms.iter().any(|t| t == "بوتين"));
        assert!(terms.iter().any(|t| t == "بيونغ"));
    }

    #[test]
    fn diacritics_hamza_and_final_letters_are_folded_before_indexing() {
        assert_eq!(index_terms("مُبَارَاة"), index_terms("مباراه"));
        assert_eq!(index_terms("إيران"), index_terms("ايران"));
        assert_eq!(index_terms("مستشفى"), index_terms("مستشفي"));
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
