//! `nashra entities suggest`: name-like phrases the entity list does not
//! know, ranked by how often the corpus uses them, so that an editor can
//! extend the list in minutes.
//!
//! Arabic has no capital letters, so a name is recognised by what it is
//! not: not a function word, not already listed, and not an ordinary word,
//! which shows itself by also appearing with the article somewhere in the
//! corpus (حرب next to الحرب), as a transliterated name (كيربي, ستيمسون)
//! never does. Runs of such words are candidates when they follow a cue
//! (الرئيس, وزير, المتحدث باسم …) or recur across articles.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

use super::list::{EntityKind, EntityList};
use super::matcher::Matcher;
use crate::article::Article;
use arabic::dates::{MONTHS_EGYPTIAN, MONTHS_LEVANTINE, MONTHS_MAGHREBI, WEEKDAYS};
use arabic::{Word, WordList, is_stop_word, light_stem, normalize, proclitic_readings, words};

/// Words that introduce a person's name, normalised (titles and jobs).
const PERSON_CUES: &[&str] = &[
    "الرييس",
    "رييس",
    "الرييسه",
    "رييسه",
    "وزير",
    "وزيره",
    "الوزير",
    "الوزيره",
    "الزعيم",
    "زعيم",
    "المتحدث",
    "المتحدثه",
    "متحدث",
    "الناطق",
    "الناطقه",
    "مدير",
    "مديره",
    "المدير",
    "المديره",
    "الامين",
    "المستشار",
    "المستشاره",
    "مستشار",
    "مستشاره",
    "السفير",
    "السفيره",
    "سفير",
    "النايب",
    "نايب",
    "الملك",
    "الامير",
    "الاميره",
    "الجنرال",
    "قايد",
    "المبعوث",
    "المبعوثه",
    "مبعوث",
    "السيناتور",
    "محلل",
    "المحلل",
    "الباحث",
    "الباحثه",
    "باحث",
    "الخبير",
    "الخبيره",
    "خبير",
    "الصحفي",
    "الصحفيه",
    "المراسل",
    "الكاتب",
    "الكاتبه",
    "القيادي",
    "الناشط",
    "الناشطه",
    "العقيد",
    "اللواء",
    "العميد",
    "الشيخ",
    "القاضي",
    "المدعي",
    "السيده",
    "السيد",
];

/// First words of organisation names, normalised.
const ORGANISATION_HEADS: &[&str] = &[
    "وكاله",
    "مركز",
    "مجلس",
    "منظمه",
    "حزب",
    "جامعه",
    "موسسه",
    "شركه",
    "هييه",
    "جمعيه",
    "حركه",
    "بنك",
    "صندوق",
    "قناه",
    "صحيفه",
    "وزاره",
    "معهد",
    "اتحاد",
    "لجنه",
    "جبهه",
    "مجموعه",
    "تحالف",
];

/// Words after which a name is a place, normalised.
const PLACE_CUES: &[&str] = &[
    "في",
    "الي",
    "من",
    "مدينه",
    "منطقه",
    "ولايه",
    "اقليم",
    "محافظه",
    "بلده",
    "قريه",
    "جزيره",
];

/// Words that stand where names stand (after a title, next to a name)
/// without being names, normalised.
const NOT_NAMES: &[&str] = &[
    "باسم",
    "نظيره",
    "نظيرته",
    "نظيرها",
    "نظيريه",
    "نظراءه",
    "بدوره",
    "بدورها",
    "نفسه",
    "نفسها",
    "شخصيا",
    "مجددا",
    "لاحقا",
    "سابقا",
    "حاليا",
    "اخيرا",
    "امس",
    "غدا",
    "بينهما",
    "معه",
    "معها",
    "مره",
    "مرات",
    "واحد",
    "اثنان",
    "اثنين",
    "ثلاث",
    "ثلاثه",
    "اربع",
    "اربعه",
    "خمس",
    "خمسه",
    "ست",
    "سته",
    "سبع",
    "سبعه",
    "ثماني",
    "ثمانيه",
    "تسع",
    "تسعه",
    "عشر",
    "عشره",
    "مييه",
    "الف",
    "الاف",
];

/// Longest run of words taken as one name.
const MAX_NAME_WORDS: usize = 4;
/// How far before a name its cue may stand (الرئيس الكوري الجنوبي السابق X).
const MAX_CUE_DISTANCE: usize = 6;
const EXAMPLES: usize = 2;

/// A phrase the entity list does not know.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Suggestion {
    /// The phrase as most often written.
    pub name: String,
    /// A slug to start from (transliterated).
    pub slug: String,
    /// A guess from the cue words and the phrase itself.
    pub kind: EntityKind,
    pub occurrences: usize,
    pub articles: usize,
    /// Cue words seen in front of it, most frequent first.
    pub cues: Vec<String>,
    /// Sentences using it.
    pub examples: Vec<String>,
}

/// One sighting of a candidate.
struct Sighting {
    key: String,
    surface: String,
    article: usize,
    cue: Option<String>,
    place_cue: bool,
    example: String,
}

/// Name-like phrases in `articles` that no entity of `list` covers, most
/// used first. Phrases seen once without a cue are left out: alone they
/// are more likely ordinary words.
pub fn suggest(articles: &[Article], list: &EntityList) -> Vec<Suggestion> {
    let matcher = Matcher::new(list);
    let texts: Vec<String> = articles
        .iter()
        .map(|a| format!("{}\n\n{}", a.title, a.plain_text()))
        .collect();
    let tokenised: Vec<Vec<Word>> = texts.iter().map(|t| words(t)).collect();
    let vocabulary = Vocabulary::new(&tokenised);

    let mut sightings = Vec::new();
    for (article, (text, ws)) in texts.iter().zip(&tokenised).enumerate() {
        let mut known = vec![None; ws.len()];
        for h in matcher.hits(text, &WordList::of(text)) {
            known[h.word..h.word + h.len]
                .iter_mut()
                .for_each(|k| *k = Some(matcher.kind(h.entity)));
        }
        let name_like: Vec<bool> = ws
            .iter()
            .zip(&known)
            .map(|(w, k)| k.is_none() && vocabulary.is_name_like(&w.norm))
            .collect();
        sightings.extend(runs(text, ws, &name_like, &known, &vocabulary, article));
    }
    gather(sightings)
}

/// Sightings of name-like runs in one article.
fn runs<'a>(
    text: &'a str,
    ws: &'a [Word],
    name_like: &'a [bool],
    known: &'a [Option<EntityKind>],
    vocabulary: &'a Vocabulary,
    article: usize,
) -> impl Iterator<Item = Sighting> + 'a {
    let joined = |a: &Word, b: &Word| text[a.end..b.start].chars().all(|c| c == ' ' || c == '-');
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < ws.len() {
            if !name_like[i] {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            while end < ws.len() && name_like[end] && joined(&ws[end - 1], &ws[end]) {
                end += 1;
            }
            i = end;
            if end - start > MAX_NAME_WORDS {
                continue;
            }
            // An organisation's head word (مركز, وكالة) belongs to its name
            // even when it is an ordinary word.
            let start = match start.checked_sub(1) {
                Some(p)
                    if joined(&ws[p], &ws[start])
                        && ORGANISATION_HEADS.contains(&base(&ws[p].norm, vocabulary)) =>
                {
                    p
                }
                _ => start,
            };
            let first = &ws[start];
            let bare = base(&first.norm, vocabulary);
            let skip = first.norm.chars().count() - bare.chars().count();
            let from = text[first.start..first.end]
                .char_indices()
                .nth(skip)
                .map_or(first.start, |(b, _)| first.start + b);
            let surface = text[from..ws[end - 1].end].to_string();
            let key = std::iter::once(bare)
                .chain(ws[start + 1..end].iter().map(|w| w.norm.as_str()))
                .collect::<Vec<_>>()
                .join(" ");
            let (cue, place_cue) = cue_before(text, ws, known, start);
            return Some(Sighting {
                key,
                surface,
                article,
                cue,
                place_cue,
                example: sentence_around(text, first.start),
            });
        }
        None
    })
}

/// The person cue standing before word `start` (across descriptive words,
/// places and commas; not across a sentence end or a listed person, who is
/// the one the cue introduces), and whether the word right before is a
/// place cue.
fn cue_before(
    text: &str,
    ws: &[Word],
    known: &[Option<EntityKind>],
    start: usize,
) -> (Option<String>, bool) {
    let place_cue = start > 0
        && proclitic_readings(&ws[start - 1].norm, 2)
            .iter()
            .any(|r| PLACE_CUES.contains(&r.as_str()));
    for back in 1..=MAX_CUE_DISTANCE.min(start) {
        let w = &ws[start - back];
        if text[w.end..ws[start - back + 1].start]
            .contains(['.', '!', '?', '؟', '\n', ':', '«', '"'])
            || known[start - back] == Some(EntityKind::Person)
        {
            break;
        }
        if proclitic_readings(&w.norm, 2)
            .iter()
            .any(|r| PERSON_CUES.contains(&r.as_str()))
        {
            return (Some(text[w.start..w.end].to_string()), place_cue);
        }
    }
    (None, place_cue)
}

/// The sentence of `text` around byte `at`, trimmed and shortened.
fn sentence_around(text: &str, at: usize) -> String {
    let ends = ['.', '!', '?', '؟', '\n'];
    // Just past the terminator at byte `i`; ؟ is two bytes long.
    let after = |i: usize| i + text[i..].chars().next().map_or(0, char::len_utf8);
    let start = text[..at].rfind(ends).map_or(0, after);
    let end = text[at..].find(ends).map_or(text.len(), |i| after(at + i));
    let sentence = text[start..end].trim();
    match sentence.char_indices().nth(240) {
        Some((cut, _)) => format!("{}…", &sentence[..cut]),
        None => sentence.to_string(),
    }
}

/// The word without a proclitic the corpus shows to be one: وكيربي is و +
/// كيربي when كيربي also stands alone somewhere, while وليد stays وليد.
fn base<'a>(norm: &'a str, vocabulary: &Vocabulary) -> &'a str {
    for reading in proclitic_readings(norm, 2).iter().skip(1) {
        if let Some(prefix) = norm.strip_suffix(reading.as_str())
            && !prefix.ends_with("ال")
            && !prefix.ends_with("لل")
            && vocabulary.seen.contains_key(reading.as_str())
        {
            return &norm[prefix.len()..];
        }
    }
    norm
}

/// The corpus's words, to tell names from ordinary words.
struct Vocabulary {
    /// Every normalised word with its count.
    seen: HashMap<String, usize>,
    /// Months and weekdays: capitalised in other languages, never entities.
    calendar: HashSet<String>,
}

impl Vocabulary {
    fn new(tokenised: &[Vec<Word>]) -> Vocabulary {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for w in tokenised.iter().flatten() {
            *seen.entry(w.norm.clone()).or_default() += 1;
        }
        let calendar = MONTHS_EGYPTIAN
            .iter()
            .chain(&MONTHS_LEVANTINE)
            .chain(&MONTHS_MAGHREBI)
            .chain(&WEEKDAYS)
            .flat_map(|m| words(m))
            .map(|w| w.norm)
            .collect();
        Vocabulary { seen, calendar }
    }

    /// Not a function word, a number, a date word, or an ordinary word (one
    /// that takes the article somewhere in the corpus).
    fn is_name_like(&self, norm: &str) -> bool {
        let definite = || {
            proclitic_readings(norm, 2)
                .iter()
                .any(|r| r.starts_with("ال"))
        };
        let bare = base(norm, self);
        bare.chars().count() >= 2
            && bare.chars().all(char::is_alphabetic)
            && !bare.starts_with("ال")
            && !is_stop_word(norm)
            && !is_stop_word(bare)
            && !self.calendar.contains(bare)
            && !PERSON_CUES.contains(&bare)
            && !NOT_NAMES.contains(&bare)
            && !self.seen.contains_key(&format!("ال{bare}"))
            && !self.inflects_a_common_word(bare)
            && !definite()
    }
}

impl Vocabulary {
    /// True for an inflected ordinary word: بلاده, whose stem بلاد takes
    /// the article elsewhere (البلاد).
    fn inflects_a_common_word(&self, bare: &str) -> bool {
        let stem = light_stem(bare);
        stem != bare
            && (self.seen.contains_key(&format!("ال{stem}"))
                || self.seen.contains_key(stem.as_str()))
    }
}

/// Groups sightings by phrase and keeps those worth an editor's look.
fn gather(sightings: Vec<Sighting>) -> Vec<Suggestion> {
    let mut groups: BTreeMap<String, Vec<Sighting>> = BTreeMap::new();
    for s in sightings {
        groups.entry(s.key.clone()).or_default().push(s);
    }
    // A word glued to a name seen on its own elsewhere (رحب جون كيربي next
    // to جون كيربي) is not part of it.
    let keys: Vec<String> = groups.keys().cloned().collect();
    for key in keys.into_iter().filter(|k| k.split(' ').count() >= 3) {
        let trimmed = [
            key.split_once(' ').map(|(_, rest)| rest),
            key.rsplit_once(' ').map(|(rest, _)| rest),
        ];
        let Some(into) = trimmed
            .into_iter()
            .flatten()
            .find(|k| groups.contains_key(*k))
            .map(str::to_string)
        else {
            continue;
        };
        let drop_first = key.ends_with(&into);
        let moved = groups.remove(&key).unwrap_or_default();
        let target = groups.entry(into.clone()).or_default();
        for mut s in moved {
            s.key = into.clone();
            let split = if drop_first {
                s.surface.split_once(' ').map(|(_, r)| r)
            } else {
                s.surface.rsplit_once(' ').map(|(r, _)| r)
            };
            s.surface = split.unwrap_or(&s.surface).to_string();
            target.push(s);
        }
        target.sort_by_key(|s| s.article);
    }
    let mut out: Vec<Suggestion> = groups
        .into_values()
        .filter_map(|group| {
            let mut articles: Vec<usize> = group.iter().map(|s| s.article).collect();
            articles.dedup();
            let cued = group.iter().any(|s| s.cue.is_some());
            let words = group[0].key.split(' ').count();
            let recurs = articles.len() >= 2 || group.len() >= 3;
            let bare_head = words == 1 && ORGANISATION_HEADS.contains(&group[0].key.as_str());
            if bare_head || !(cued || words >= 2 && recurs) {
                return None;
            }
            let name = most_common(group.iter().map(|s| s.surface.as_str()));
            let cues = by_frequency(group.iter().filter_map(|s| s.cue.as_deref()));
            let head = normalize(name.split(' ').next().unwrap_or_default());
            let kind = if ORGANISATION_HEADS.contains(&head.as_str()) {
                EntityKind::Organisation
            } else if cued {
                EntityKind::Person
            } else if group.iter().filter(|s| s.place_cue).count() * 2 > group.len() {
                EntityKind::Place
            } else {
                EntityKind::Person
            };
            let mut examples: Vec<String> = Vec::new();
            for s in &group {
                if examples.len() < EXAMPLES && !examples.contains(&s.example) {
                    examples.push(s.example.clone());
                }
            }
            Some(Suggestion {
                slug: crate::slug::slugify(&name),
                name,
                kind,
                occurrences: group.len(),
                articles: articles.len(),
                cues,
                examples,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (
            std::cmp::Reverse(a.occurrences),
            std::cmp::Reverse(a.articles),
            a.cues.is_empty(),
            &a.name,
        )
            .cmp(&(
                std::cmp::Reverse(b.occurrences),
                std::cmp::Reverse(b.articles),
                b.cues.is_empty(),
                &b.name,
            ))
    });
    out
}

fn most_common<'a>(items: impl Iterator<Item = &'a str>) -> String {
    by_frequency(items).into_iter().next().unwrap_or_default()
}

/// Distinct items, most frequent first, ties in first-seen order.
fn by_frequency<'a>(items: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(i, _)| *i == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    counts.into_iter().map(|(i, _)| i.to_string()).collect()
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organisation => "organisation",
        EntityKind::Other => "other",
    }
}

/// What `nashra entities suggest` prints: the `limit` most used unlisted
/// names in the corpus, as a table or as TOML.
pub fn report(articles: &[Article], list: &EntityList, as_toml: bool, limit: usize) -> String {
    let mut found = discovered(articles, list);
    found.truncate(limit);
    if as_toml {
        to_toml(&found)
    } else {
        to_table(&found)
    }
}

/// The entities the build discovered ([`super::discover`]), most
/// mentioned first: names the corpus itself introduced by titles, head
/// words and speech verbs and judged across articles, so that an editor
/// confirms them into the list instead of sifting single words.
pub fn discovered(articles: &[Article], list: &EntityList) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = Vec::new();
    let index: std::collections::HashMap<&str, usize> = list
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.discovered.is_some())
        .map(|(i, e)| (e.slug.as_str(), i))
        .collect();
    let mut by_entity: BTreeMap<usize, Suggestion> = BTreeMap::new();
    for a in articles {
        for m in &a.entities {
            let Some(&i) = index.get(m.slug.as_str()) else {
                continue;
            };
            let e = &list.entities[i];
            let s = by_entity.entry(i).or_insert_with(|| Suggestion {
                name: e.name.clone(),
                slug: e.slug.clone(),
                kind: e.kind,
                occurrences: 0,
                articles: 0,
                cues: e.description.iter().cloned().collect(),
                examples: Vec::new(),
            });
            s.occurrences += m.count;
            s.articles += 1;
            let example = a.sentence_naming(m).trim().to_string();
            if s.examples.len() < EXAMPLES && !example.is_empty() && !s.examples.contains(&example)
            {
                s.examples.push(example);
            }
        }
    }
    out.extend(by_entity.into_values());
    out.sort_by(|a, b| {
        (
            std::cmp::Reverse(a.occurrences),
            std::cmp::Reverse(a.articles),
            &a.name,
        )
            .cmp(&(
                std::cmp::Reverse(b.occurrences),
                std::cmp::Reverse(b.articles),
                &b.name,
            ))
    });
    out
}

/// The suggestions as a table for the terminal.
pub fn to_table(suggestions: &[Suggestion]) -> String {
    let mut out = String::new();
    if suggestions.is_empty() {
        out.push_str("no unlisted names found\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{:>5} {:>8}  {:<12}  name  (cues)",
        "count", "articles", "kind"
    );
    for s in suggestions {
        let cues = if s.cues.is_empty() {
            String::new()
        } else {
            format!("  (بعد: {})", s.cues.join("، "))
        };
        let _ = writeln!(
            out,
            "{:>5} {:>8}  {:<12}  {}{cues}",
            s.occurrences,
            s.articles,
            kind_name(s.kind),
            s.name
        );
        for e in &s.examples {
            let _ = writeln!(out, "{:>29}{e}", "» ");
        }
    }
    out
}

/// The suggestions as entries to paste into an entity list.
pub fn to_toml(suggestions: &[Suggestion]) -> String {
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out =
        String::from("# Suggested by `nashra entities suggest`: check each name, kind and slug.\n");
    for s in suggestions {
        let _ = writeln!(
            out,
            "\n# {} mentions in {} articles",
            s.occurrences, s.articles
        );
        if let Some(e) = s.examples.first() {
            let _ = writeln!(out, "# {e}");
        }
        let _ = writeln!(out, "[[entity]]");
        let _ = writeln!(
            out,
            "slug = {}",
            quoted(if s.slug.is_empty() { "entity" } else { &s.slug })
        );
        let _ = writeln!(out, "name = {}", quoted(&s.name));
        let _ = writeln!(out, "kind = {}", quoted(kind_name(s.kind)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Block;

    fn article(title: &str, text: &str) -> Article {
        Article::from_blocks(
            "seeds/x.txt".into(),
            1,
            title.into(),
            vec![Block::paragraph(text)],
        )
    }

    fn corpus() -> Vec<Article> {
        vec![
            article(
                "واشنطن تحذر من التصعيد",
                "وقال الناطق باسم مجلس الأمن القومي الأميركي، جون كيربي، للصحافيين إن الحرب لن تتوسع. \
                 وأضاف كيربي أن واشنطن تتابع الوضع.",
            ),
            article(
                "محادثات في جنيف",
                "التقى وزير الخارجية الأوكراني دميترو كوليبا نظيره في جنيف. وقال مسؤول في مجموعة الأزمات الدولية \
                 إن المحادثات صعبة، فيما رحب جون كيربي بالخطوة.",
            ),
            article(
                "مجموعة الأزمات الدولية تحذر",
                "حذرت مجموعة الأزمات الدولية من تفاقم الحرب في الإقليم يوم الثلاثاء.",
            ),
        ]
    }

    fn without(slugs: &[&str]) -> EntityList {
        let mut list = EntityList::bundled();
        list.entities.retain(|e| !slugs.contains(&e.slug.as_str()));
        list
    }

    #[test]
    fn surfaces_cued_and_recurring_names_the_list_lacks() {
        let found = suggest(&corpus(), &without(&["john-kirby", "dmytro-kuleba"]));
        let names: Vec<&str> = found.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names.first(), Some(&"جون كيربي"), "{names:?}");
        let kirby = &found[0];
        assert_eq!(
            (kirby.occurrences, kirby.articles, kirby.kind),
            (2, 2, EntityKind::Person)
        );
        assert!(kirby.cues.iter().any(|c| c == "الناطق"), "{:?}", kirby.cues);
        assert!(names.contains(&"دميترو كوليبا"), "{names:?}");
        // Ordinary words and dates never surface, nor do listed names.
        for s in &found {
            assert!(
                !s.name.contains("الثلاثاء")
                    && !s.name.contains("الحرب")
                    && !s.name.contains("واشنطن"),
                "{}",
                s.name
            );
        }
    }

    #[test]
    fn example_sentences_end_at_an_arabic_question_mark() {
        let text = "هل تنجح الوساطة؟ قال الناطق جون كيربي إن المحادثات مستمرة؟ ثم غادر.";
        assert_eq!(
            sentence_around(text, text.find("كيربي").unwrap()),
            "قال الناطق جون كيربي إن المحادثات مستمرة؟"
        );
        let asked = [article(
            "أسئلة معلقة",
            "هل قال الناطق جون كيربي ذلك؟ وأكد الناطق جون كيربي لاحقا أن الموقف لم يتغير؟",
        )];
        let found = suggest(&asked, &without(&["john-kirby"]));
        assert!(found.iter().any(|s| s.name == "جون كيربي"), "{found:?}");
    }

    #[test]
    fn listed_names_are_not_suggested() {
        let found = suggest(&corpus(), &EntityList::bundled());
        assert!(
            found
                .iter()
                .all(|s| s.name != "جون كيربي" && s.name != "دميترو كوليبا"),
            "{found:?}"
        );
    }

    #[test]
    fn toml_output_parses_as_an_entity_list() {
        let found = suggest(&corpus(), &without(&["john-kirby"]));
        let toml = to_toml(&found);
        let list = EntityList::parse(&toml, std::path::Path::new("suggested.toml"))
            .expect("pasteable TOML");
        assert!(
            list.entities
                .iter()
                .any(|e| e.name == "جون كيربي" && e.kind == EntityKind::Person)
        );
        assert!(to_table(&found).contains("جون كيربي"));
    }
}
