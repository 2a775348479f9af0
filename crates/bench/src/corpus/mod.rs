//! A deterministic synthetic Arabic news archive, for benchmarks.
//!
//! `bench-corpus --n N --out DIR` writes a complete site folder whose
//! articles look like what a newsroom scrapes: raw pages from outlets with
//! different house styles (repeated headlines, "TT" markers, "يقرأ" teasers,
//! related-article blocks, wire sign-offs and desk codes) next to Markdown
//! files with front matter; names in several spellings and glued to
//! proclitics (لترامب، وبوتين، بالكرملين); dates in Egyptian, Levantine and
//! Maghrebi month names with ASCII or Arabic-Indic digits; events retold by
//! two to four outlets in different words, and some wire copy republished
//! as is. Every stage of the pipeline therefore does the work it does on a
//! real archive, which a corpus of N copies of one text would not show.
//!
//! Everything derives from one seed through a small SplitMix64 generator, and
//! article `i` depends only on the seed, `i` and its event, so articles are
//! generated in parallel and the output is byte-identical from run to run.

mod text;
pub mod vocab;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context, Result};
use chrono::{Datelike, Days, NaiveDate};
use rayon::prelude::*;

use nashra::article::Block;
use vocab::{EventKind, Outlet};

pub use text::Format;

/// SplitMix64: tiny, fast and good enough to vary text; not for secrets.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// One of `items` (non-empty), by value.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// One of `items` (non-empty), by reference.
    pub fn pick_ref<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A seed for one purpose of one item, so that items are independent.
fn derive(seed: u64, purpose: u64, item: u64) -> u64 {
    let mut rng = Rng::new(seed ^ purpose.wrapping_mul(0xA24B_AED4_963E_E407));
    rng.0 ^= item.wrapping_mul(0x9FB2_1C65_1E98_DF25);
    rng.next_u64()
}

const EVENT: u64 = 1;
const ARTICLE: u64 = 2;
const BODY: u64 = 3;
const NAME: u64 = 4;
const SERIES: u64 = 5;

/// One event in this many continues a storyline: the same actors, place,
/// kind of event, plan and spokesman again, weeks or months after the
/// last time, as a summit series or a negotiation does.
const SERIES_SHARE: u64 = 4;
/// Events per storyline, on average.
const SERIES_EVENTS: usize = 4;
/// The days over which one storyline's events are spread.
const SERIES_DAYS: u64 = 240;

/// The daily volume of a generated archive of 10,000 articles or more.
const ARTICLES_PER_DAY: u64 = 20;

/// The shortest span a generated archive covers, so that small archives
/// still cross a year boundary.
const MIN_SPAN_DAYS: u64 = 500;

/// The last day of the generated archive; the first depends on its size.
fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).expect("valid date")
}

/// What every article about one event shares: who, where, what, when.
#[derive(Debug, Clone)]
pub struct Event {
    pub kind: EventKind,
    pub date: NaiveDate,
    pub a: &'static vocab::Person,
    pub b: &'static vocab::Person,
    pub country: &'static vocab::Place,
    pub other_country: &'static vocab::Place,
    pub city: &'static vocab::Place,
    pub org: &'static vocab::Place,
    pub count: u32,
    pub small: u32,
    pub magnitude: (u32, u32),
    /// Which lede the first report uses; later reports take the next ones.
    pub first_lede: usize,
    /// Outlets that report it, in member order (distinct).
    pub outlets: Vec<&'static Outlet>,
    /// A place named for this event alone ("قرية برنوسا").
    pub locality: String,
    /// A person quoted for it alone ("خالد الطيزوري").
    pub official: String,
    /// The name given to its plan or operation.
    pub named: String,
}

/// A name made of two or three syllables, as rare as the names of places
/// and people that news mentions once: 40 syllables make 65,600 of them.
fn coined(rng: &mut Rng) -> String {
    let syllables = rng.between(2, 3);
    (0..syllables).map(|_| rng.pick(vocab::SYLLABLES)).collect()
}

/// A first name and a coined family name ("خالد الطيزوري").
pub(super) fn coined_person(rng: &mut Rng) -> String {
    let first = rng.pick(vocab::FIRST_NAMES);
    let family = coined(rng);
    let nisba = if family.ends_with('ي') { "" } else { "ي" };
    format!("{first} ال{family}{nisba}")
}

/// An article's place in the archive: which event it tells and how.
#[derive(Debug, Clone, Copy)]
struct Slot {
    event: u32,
    member: u8,
    /// Republished wire copy of the event's first article.
    copy: bool,
}

/// A planned archive of `len()` articles.
#[derive(Debug, Clone)]
pub struct Corpus {
    seed: u64,
    slots: Vec<Slot>,
    events: usize,
    span_days: u64,
}

/// One generated article: the facts (for other generators such as the Hugo
/// comparison) and the file nashra reads.
#[derive(Debug, Clone)]
pub struct Generated {
    /// Path under the site folder (`seeds/2021/….txt` or `content/2021/….md`).
    pub path: String,
    pub format: Format,
    pub title: String,
    pub date: NaiveDate,
    pub outlet: &'static str,
    /// Topic slugs (see [`vocab::TOPICS`]).
    pub topics: Vec<&'static str>,
    /// Canonical names of the entities the event involves.
    pub entities: Vec<&'static str>,
    /// The article body as a reader sees it.
    pub body: Vec<Block>,
    /// The file content.
    pub file: String,
}

impl Corpus {
    /// Plans `articles` articles: events of one to four reports each, at a
    /// steady `ARTICLES_PER_DAY` over as many days as that takes (at least
    /// `MIN_SPAN_DAYS`, so that small archives still span two years). A
    /// larger archive covers more days, as a newsroom's archive grows, rather
    /// than packing more articles into each day.
    pub fn new(articles: usize, seed: u64) -> Corpus {
        let mut rng = Rng::new(derive(seed, 0, 0));
        let mut slots = Vec::with_capacity(articles);
        let mut event = 0u32;
        while slots.len() < articles {
            let size = match rng.below(100) {
                0..45 => 1,
                45..70 => 2,
                70..88 => 3,
                _ => 4,
            };
            for member in 0..size.min(articles - slots.len()) {
                let copy = member > 0 && rng.chance(0.12);
                slots.push(Slot {
                    event,
                    member: member as u8,
                    copy,
                });
            }
            event += 1;
        }
        let span_days = (articles as u64 / ARTICLES_PER_DAY).max(MIN_SPAN_DAYS);
        Corpus {
            seed,
            slots,
            events: event as usize,
            span_days,
        }
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// How many distinct events the articles tell.
    pub fn events(&self) -> usize {
        self.events
    }

    /// The facts of event `id`.
    pub fn event(&self, id: usize) -> Event {
        let mut rng = Rng::new(derive(self.seed, EVENT, id as u64));
        let kind = rng.pick(vocab::EVENT_KINDS);
        let date = last_day() - Days::new(rng.below(self.span_days as usize) as u64);
        let a = rng.pick_ref(vocab::PEOPLE);
        let mut b = rng.pick_ref(vocab::PEOPLE);
        while std::ptr::eq(a, b) {
            b = rng.pick_ref(vocab::PEOPLE);
        }
        let country = rng.pick_ref(vocab::COUNTRIES);
        let mut other_country = rng.pick_ref(vocab::COUNTRIES);
        while std::ptr::eq(country, other_country) {
            other_country = rng.pick_ref(vocab::COUNTRIES);
        }
        let mut outlets: Vec<&'static Outlet> = vocab::OUTLETS.iter().collect();
        for i in (1..outlets.len()).rev() {
            outlets.swap(i, rng.below(i + 1));
        }
        let event = Event {
            kind,
            date,
            a,
            b,
            country,
            other_country,
            city: rng.pick_ref(vocab::CITIES),
            org: rng.pick_ref(vocab::ORGANISATIONS),
            count: rng.between(3, 250) as u32,
            small: rng.between(2, 40) as u32,
            magnitude: (rng.between(4, 7) as u32, rng.below(10) as u32),
            first_lede: rng.below(3),
            outlets,
            locality: format!("{} {}", rng.pick(vocab::LOCALITIES), coined(&mut rng)),
            official: coined_person(&mut rng),
            named: coined(&mut rng),
        };
        self.in_storyline(id, event)
    }

    /// `event` as the next turn of its storyline, when it continues one:
    /// it takes the storyline's actors, places, kind, plan and spokesman,
    /// and a day within the storyline's months. Other events are left as
    /// they are, so that adding storylines changed nothing else.
    fn in_storyline(&self, id: usize, mut event: Event) -> Event {
        let pick = derive(self.seed, SERIES, id as u64);
        let storylines = (self.events / (SERIES_SHARE as usize * SERIES_EVENTS)).max(1) as u64;
        if !pick.is_multiple_of(SERIES_SHARE) {
            return event;
        }
        let storyline = (pick / SERIES_SHARE) % storylines;
        let mut rng = Rng::new(derive(self.seed, SERIES, u64::MAX - storyline));
        let base = self.event_facts(&mut rng);
        let span = self.span_days.max(SERIES_DAYS + 1);
        let start =
            last_day() - Days::new(SERIES_DAYS + rng.below((span - SERIES_DAYS) as usize) as u64);
        event.date = start + Days::new((pick >> 32) % SERIES_DAYS);
        Event {
            date: event.date,
            count: event.count,
            small: event.small,
            magnitude: event.magnitude,
            first_lede: event.first_lede,
            outlets: event.outlets,
            ..base
        }
    }

    /// Facts drawn afresh from `rng`, for a storyline's recurring parts.
    fn event_facts(&self, rng: &mut Rng) -> Event {
        let kind = rng.pick(vocab::EVENT_KINDS);
        let a = rng.pick_ref(vocab::PEOPLE);
        let mut b = rng.pick_ref(vocab::PEOPLE);
        while std::ptr::eq(a, b) {
            b = rng.pick_ref(vocab::PEOPLE);
        }
        let country = rng.pick_ref(vocab::COUNTRIES);
        let mut other_country = rng.pick_ref(vocab::COUNTRIES);
        while std::ptr::eq(country, other_country) {
            other_country = rng.pick_ref(vocab::COUNTRIES);
        }
        Event {
            kind,
            date: last_day(),
            a,
            b,
            country,
            other_country,
            city: rng.pick_ref(vocab::CITIES),
            org: rng.pick_ref(vocab::ORGANISATIONS),
            count: 0,
            small: 0,
            magnitude: (0, 0),
            first_lede: 0,
            outlets: Vec::new(),
            locality: format!("{} {}", rng.pick(vocab::LOCALITIES), coined(rng)),
            official: coined_person(rng),
            named: coined(rng),
        }
    }

    /// Generates article `index` (`0..len()`).
    pub fn article(&self, index: usize) -> Generated {
        let slot = self.slots[index];
        let event = self.event(slot.event as usize);
        let mut rng = Rng::new(derive(self.seed, ARTICLE, index as u64));
        // A republished copy keeps the first report's outlet and body.
        let member = if slot.copy { 0 } else { slot.member as usize };
        let outlet = event.outlets[member % event.outlets.len()];
        let date = event.date + Days::new(rng.below(2) as u64);
        let body_seed = if slot.copy {
            derive(self.seed, BODY, u64::from(slot.event) << 8)
        } else {
            derive(
                self.seed,
                BODY,
                (u64::from(slot.event) << 8) | u64::from(slot.member),
            )
        };
        let markdown = rng.chance(0.3);
        let format = if markdown {
            Format::Markdown
        } else {
            Format::Raw
        };
        let name = derive(self.seed, NAME, index as u64);
        let (dir, ext) = if markdown {
            ("content", "md")
        } else {
            ("seeds", "txt")
        };
        let path = format!("{dir}/{}/{name:016x}.{ext}", date.year());
        let job = text::Assignment {
            event: &event,
            outlet,
            date,
            format,
            member,
            path,
        };
        text::write(job, &mut rng, &mut Rng::new(body_seed))
    }
}

/// What [`write_site`] wrote.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub articles: usize,
    pub raw: usize,
    pub markdown: usize,
    pub events: usize,
    pub bytes: u64,
}

/// Writes a complete site folder at `out`: `site.toml`, `entities.toml`,
/// `seeds/`, `content/` and a copy of `templates` when given. Existing
/// article folders are replaced so that the folder holds exactly `corpus`.
pub fn write_site(out: &Path, corpus: &Corpus, templates: Option<&Path>) -> Result<Summary> {
    for dir in ["seeds", "content"] {
        let path = out.join(dir);
        if path.exists() {
            std::fs::remove_dir_all(&path)
                .with_context(|| format!("{}: cannot clear folder", path.display()))?;
        }
    }
    std::fs::create_dir_all(out)
        .with_context(|| format!("{}: cannot create folder", out.display()))?;
    std::fs::write(out.join("site.toml"), site_toml())?;
    std::fs::write(out.join("entities.toml"), entities_toml())?;
    if let Some(templates) = templates {
        copy_dir(templates, &out.join("templates"))?;
    }

    let bytes = AtomicU64::new(0);
    let markdown = (0..corpus.len())
        .into_par_iter()
        .map(|i| -> Result<usize> {
            let article = corpus.article(i);
            let path = out.join(&article.path);
            let parent = path.parent().expect("article paths have a folder");
            std::fs::create_dir_all(parent)
                .with_context(|| format!("{}: cannot create folder", parent.display()))?;
            std::fs::write(&path, &article.file)
                .with_context(|| format!("{}: cannot write", path.display()))?;
            bytes.fetch_add(article.file.len() as u64, Ordering::Relaxed);
            Ok(usize::from(article.format == Format::Markdown))
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    Ok(Summary {
        articles: corpus.len(),
        raw: corpus.len() - markdown,
        markdown,
        events: corpus.events(),
        bytes: bytes.into_inner(),
    })
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.with_context(|| format!("{}: cannot list folder", from.display()))?;
        let target: PathBuf = to.join(
            entry
                .path()
                .strip_prefix(from)
                .expect("walk stays under its root"),
        );
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("{}: cannot copy", entry.path().display()))?;
        }
    }
    Ok(())
}

/// TOML string literal, escaped.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn quoted_list(items: &[&str]) -> String {
    let items: Vec<String> = items.iter().map(|s| quoted(s)).collect();
    format!("[{}]", items.join(", "))
}

/// The generated site's configuration: every topic and outlet the corpus
/// uses, and the entity list naming every actor with its spellings.
pub fn site_toml() -> String {
    let mut out = String::from(
        "# Generated by `nashra bench-corpus`: a synthetic archive for benchmarks.\n\
         title = \"نشرة\"\n\
         description = \"أرشيف اصطناعي لقياس الأداء\"\n\
         base_url = \"https://example.org/\"\n\
         language = \"ar\"\n\
         timezone = \"Asia/Riyadh\"\n\
         entities = \"entities.toml\"\n\
         feed_items = 20\n\
         page_size = 30\n",
    );
    for (name, slug, keywords) in vocab::TOPICS {
        let _ = write!(
            out,
            "\n[[topics]]\nname = {}\nslug = {}\nkeywords = {}\n",
            quoted(name),
            quoted(slug),
            quoted_list(keywords)
        );
    }
    for outlet in vocab::OUTLETS {
        let _ = write!(
            out,
            "\n[[outlets]]\nname = {}\npatterns = {}\n",
            quoted(outlet.name),
            quoted_list(outlet.patterns)
        );
    }
    out
}

/// The entity list of the generated site (the format of `data/entities.toml`).
pub fn entities_toml() -> String {
    let mut out = String::from("# Generated by `nashra bench-corpus`.\n");
    let mut entry = |slug: &str, name: &str, kind: &str, aliases: &[&str], english: &str| {
        let _ = write!(
            out,
            "\n[[entity]]\nslug = {}\nname = {}\nkind = {}\nenglish = {}\naliases = {}\n",
            quoted(slug),
            quoted(name),
            quoted(kind),
            quoted(english),
            quoted_list(aliases)
        );
    };
    for p in vocab::PEOPLE {
        entry(p.slug, p.name, "person", p.aliases, p.english);
    }
    for p in vocab::COUNTRIES.iter().chain(vocab::CITIES) {
        entry(p.slug, p.name, "place", p.aliases, p.english);
    }
    for o in vocab::ORGANISATIONS {
        entry(o.slug, o.name, "organisation", o.aliases, o.english);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files_under(root: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let name = e
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (name, std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn same_seed_writes_the_same_bytes_and_another_seed_does_not() {
        let (one, two, other) = (
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
        );
        write_site(one.path(), &Corpus::new(150, 7), None).unwrap();
        write_site(two.path(), &Corpus::new(150, 7), None).unwrap();
        write_site(other.path(), &Corpus::new(150, 8), None).unwrap();
        let first = files_under(one.path());
        assert!(
            first.len() > 150,
            "150 articles plus site.toml and entities.toml"
        );
        assert!(
            first == files_under(two.path()),
            "same seed, different output"
        );
        let articles = |files: &[(String, Vec<u8>)]| -> Vec<Vec<u8>> {
            files
                .iter()
                .filter(|f| f.0.ends_with(".txt") || f.0.ends_with(".md"))
                .map(|f| f.1.clone())
                .collect()
        };
        assert_ne!(articles(&first), articles(&files_under(other.path())));
    }

    #[test]
    fn corpus_mixes_raw_pages_with_debris_and_markdown_with_front_matter() {
        let corpus = Corpus::new(400, 1);
        let articles: Vec<Generated> = (0..corpus.len()).map(|i| corpus.article(i)).collect();
        let all: String = articles
            .iter()
            .map(|a| a.file.as_str())
            .collect::<Vec<_>>()
            .join("\n\u{1}\n");
        let raw = articles.iter().filter(|a| a.format == Format::Raw).count();
        assert!(raw > 200 && raw < 380, "{raw} raw of 400");
        assert!(
            articles
                .iter()
                .filter(|a| a.format == Format::Markdown)
                .all(|a| a.file.starts_with("+++\ntitle = "))
        );
        for debris in [
            "\nTT\n",
            "\nمقالات ذات صلة\n",
            "\nيقرأ  ",
            "Agence France-Presse ©",
            "بور/ناش/غ ر",
            " (رويترز) - ",
            "(CNN) - ",
        ] {
            assert!(all.contains(debris), "no article carries {debris:?}");
        }
    }

    #[test]
    fn names_appear_in_several_spellings_and_with_clitics() {
        let corpus = Corpus::new(600, 3);
        let all: String = (0..corpus.len()).map(|i| corpus.article(i).file).collect();
        for spelling in [
            "ترامب",
            "ترمب",
            "نتنياهو",
            "نتانياهو",
            "كيم جونغ-أون",
            "أردوغان",
            "إردوغان",
        ] {
            assert!(all.contains(spelling), "{spelling} never written");
        }
        // A proclitic glued to a short name: لترمب, وبوتين, بنتنياهو …
        let glued = vocab::PEOPLE.iter().flat_map(|p| p.aliases).any(|alias| {
            ["ل", "و", "ب"]
                .iter()
                .any(|c| all.contains(&format!(" {c}{alias} ")))
        });
        assert!(glued, "no name carries a proclitic");
    }

    #[test]
    fn dates_use_every_month_system_and_both_digit_sets() {
        let corpus = Corpus::new(600, 5);
        let all: String = (0..corpus.len()).map(|i| corpus.article(i).file).collect();
        let uses = |months: &[&str]| months.iter().any(|m| all.contains(&format!(" {m} ")));
        assert!(uses(&arabic::dates::MONTHS_EGYPTIAN));
        assert!(
            uses(&arabic::dates::MONTHS_LEVANTINE[7..]),
            "no آب/أيلول/تشرين…"
        );
        assert!(
            all.contains("جانفي") || all.contains("جويلية") || all.contains(" أوت "),
            "no Maghrebi month"
        );
        assert!(all.contains('٢'), "no Arabic-Indic digits");
        let years: std::collections::BTreeSet<i32> = (0..corpus.len())
            .map(|i| corpus.article(i).date.year())
            .collect();
        assert!(years.len() >= 2, "dates all in {years:?}");
    }

    /// Each event of `corpus` with the articles telling it (consecutive).
    fn reports(corpus: &Corpus) -> Vec<(u32, std::ops::Range<usize>)> {
        corpus
            .slots
            .chunk_by(|a, b| a.event == b.event)
            .scan(0, |start, group| {
                let range = *start..*start + group.len();
                *start = range.end;
                Some((group[0].event, range))
            })
            .collect()
    }

    #[test]
    fn events_are_retold_by_different_outlets_in_different_words() {
        let corpus = Corpus::new(300, 9);
        let mut retold = 0;
        for (_, members) in reports(&corpus) {
            let told: Vec<Generated> = members.map(|j| corpus.article(j)).collect();
            let outlets: std::collections::BTreeSet<&str> = told.iter().map(|a| a.outlet).collect();
            if outlets.len() >= 2 {
                retold += 1;
                let lede = |a: &Generated| a.body[0].text.clone();
                assert!(
                    told.iter().any(|a| lede(a) != lede(&told[0])),
                    "all reports of one event share a lede"
                );
            }
        }
        assert!(
            retold > 30,
            "only {retold} events told by two outlets or more"
        );
    }

    #[test]
    fn the_vocabulary_keeps_growing_with_the_archive_as_news_does() {
        let distinct_words = |articles: usize| {
            let corpus = Corpus::new(articles, 6);
            let mut words = std::collections::HashSet::new();
            for i in 0..articles {
                for block in corpus.article(i).body {
                    words.extend(block.text.split_whitespace().map(str::to_string));
                }
            }
            words.len()
        };
        let (small, large) = (distinct_words(200), distinct_words(2000));
        // Heaps' law for news: ten times the text, several times the words.
        assert!(
            large > 3 * small,
            "{small} distinct words in 200 articles, {large} in 2,000"
        );
    }

    #[test]
    fn reports_of_one_event_name_its_own_place_and_people() {
        let corpus = Corpus::new(400, 8);
        let mut shared = 0;
        for (id, members) in reports(&corpus) {
            let event = corpus.event(id as usize);
            let naming = members
                .filter(|&j| {
                    let file = corpus.article(j).file;
                    file.contains(&event.locality) || file.contains(&event.official)
                })
                .count();
            if naming >= 2 {
                shared += 1;
            }
        }
        assert!(shared > 40, "only {shared} events named in two reports");
    }

    #[test]
    fn bodies_run_from_150_to_about_1000_words() {
        let corpus = Corpus::new(300, 2);
        let lengths: Vec<usize> = (0..corpus.len())
            .map(|i| {
                corpus
                    .article(i)
                    .body
                    .iter()
                    .map(|b| b.text.split_whitespace().count())
                    .sum()
            })
            .collect();
        assert!(
            lengths.iter().all(|&n| (150..=1100).contains(&n)),
            "{lengths:?}"
        );
        assert!(lengths.iter().any(|&n| n > 700) && lengths.iter().any(|&n| n < 300));
    }

    #[test]
    fn generated_site_builds() {
        let dir = tempfile::tempdir().unwrap();
        let summary = write_site(dir.path(), &Corpus::new(80, 4), None).unwrap();
        let config = nashra::config::Config::load(&dir.path().join("site.toml")).unwrap();
        let corpus = nashra::build::understand(&config).unwrap();
        assert!(corpus.articles.len() + corpus.drafts.len() >= summary.articles);
        assert!(config.site.outlets.len() >= 5 && config.site.topics.len() >= 5);
    }
}
