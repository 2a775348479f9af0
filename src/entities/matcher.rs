//! Finding listed entities in an article's text.
//!
//! Every name, short form and role phrase of the list is indexed once by its
//! first normalised word. An article is then read word by word: each word is
//! looked up as written and with its proclitics peeled (لترامب, وبالكرملين,
//! للرئيس), and the longest phrase starting there wins, so that كوريا
//! الشمالية is not كوريا and كيم يو جونغ is not كيم جونغ أون. Only whole
//! words match, so a name never hits inside a longer word.
//!
//! Short forms and role phrases depend on the article: بوتين after
//! فلاديمير بوتين, الرئيس الروسي when Putin is named. They are resolved in a
//! second step, and only when exactly one named entity fits.
//!
//! Normalisation drops diacritics, but a list spelling that writes a
//! shadda keeps it (see [`normalize_with_shadda`]): عمّان means Amman, and
//! only a word written with that shadda matches it. A word written without
//! one (عمان: Amman or Oman) is read as before.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::list::{Entity, EntityKind, EntityList, Field};
use crate::article::{Article, Mention, Prominence};
use arabic::{
    FnvBuildHasher, FnvHasher, PROCLITIC_CONJUNCTIONS, PROCLITIC_PREPOSITIONS, TermHasher,
    WordList, WordSpan, has_shadda, is_definite, is_ignorable, is_nisba, is_stop_word,
    light_stem_str, normalize_with_shadda, proclitic_reading_slices, words,
};

/// Where an entity is filed in the phrase that spells it.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Name,
    Short,
    Role,
    /// A spelling that names the entity only within this field.
    Local(u16),
}

/// How a phrase refers to its entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sense {
    /// A name or alias: means the entity on its own.
    Name,
    /// A short form: means the entity once the article has named it.
    Short,
    /// A role phrase: means the entity when the article names it and no
    /// other holder of the role.
    Role,
}

/// One indexed phrase: its normalised words and the entities it may mean.
#[derive(Debug, Clone)]
struct Phrase {
    /// Normalised words; with their shadda when `shadda` is set.
    tokens: Vec<String>,
    /// The list writes a shadda in this phrase: it matches only words
    /// written with it.
    shadda: bool,
    /// Entities with this phrase as a name or alias.
    names: Vec<u32>,
    /// Entities with this phrase as a short form.
    shorts: Vec<u32>,
    /// Entities with this phrase as a role.
    roles: Vec<u32>,
    /// Entities this phrase names only within a field, with that field.
    local: Vec<(u32, u16)>,
}

/// The phrases that open with one word: that word alone, and the longer
/// ones by their second word. A common first word (علي, محمد, الرئيس)
/// opens thousands of names once discovery has found them; looking up the
/// second word as well leaves only the few that can match.
#[derive(Debug, Clone, Default)]
struct Starts {
    alone: Vec<u32>,
    /// Second word → phrases, longest first.
    by_second: HashMap<String, Vec<u32>, FastHash>,
}

/// A resolved mention of an entity at one place in the text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// Index of the entity in the list the matcher was built from.
    pub entity: u32,
    /// Index of the first word of the mention.
    pub word: usize,
    /// Number of words.
    pub len: usize,
    pub sense: Sense,
    /// True when a preposition (ب ل ك) is glued to the mention: لبوتين is
    /// spoken to or about Putin, never by him.
    pub preposition: bool,
    /// Byte offset of the mention in the text, proclitics excluded.
    pub start: usize,
    /// The mention as written, proclitics removed.
    pub display: String,
}

/// Finds listed entities in text.
#[derive(Debug, Clone)]
pub struct Matcher {
    slugs: Vec<String>,
    kinds: Vec<EntityKind>,
    /// Each listed person's given name (the first word of a name of two
    /// words or more), normalised: a family name alone (بارزاني) is theirs
    /// only when no other given name stands before it.
    given_names: Vec<Option<String>>,
    phrases: Vec<Phrase>,
    /// First word of a phrase → phrases starting with it.
    first: HashMap<String, Starts, FastHash>,
    /// The same for phrases written with a shadda, by their first word with
    /// its shadda; empty for most lists.
    shadda_first: HashMap<String, Starts, FastHash>,
    /// Every first word, also without its article, by its
    /// [`backward_hash`]: a word none of whose endings is in here cannot
    /// start a phrase, whatever its proclitics, which spares peeling for
    /// most words of an article.
    endings: HashSet<u64, BuildHasherDefault<TermHasher>>,
    /// The last two letters of those words, checked before any hashing.
    last_letters: LetterPairs,
    /// Each entity's field of news, as an index into the list's fields.
    fields: Vec<Option<u16>>,
    /// The light stem of each word that tells a field → those fields.
    field_words: HashMap<String, Vec<u16>, FastHash>,
    /// The broader field each field lies within, if any.
    within: Vec<Option<u16>>,
    /// The nationality adjectives of the listed places, masculine and
    /// normalised (السوري, الكوري الشمالي), each with the one its place's
    /// first spelling gives (الاميركي → الامريكي).
    nationalities: HashMap<String, String>,
}

/// The nationality adjective of each spelling of each listed place, with
/// the one of the place's first spelling (see [`Matcher::nationality`]).
fn nationalities(list: &EntityList) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for e in list.entities.iter().filter(|e| e.kind == EntityKind::Place) {
        let mut forms = e
            .names()
            .filter_map(|name| arabic::nisba_of_place(&arabic::phrase_key(name)));
        let Some(first) = forms.next() else { continue };
        for form in forms {
            out.entry(form).or_insert_with(|| first.clone());
        }
        out.entry(first.clone()).or_insert(first);
    }
    out
}

/// FNV-1a: the index is looked up for many words of every article, with
/// short keys the corpus does not choose adversarially, so a simple hash
/// beats the default SipHash.
type FastHash = FnvBuildHasher;

/// A bitmap of the final letter pairs (and single letters) of the words in
/// the index. Proclitics only ever come in front, so a word whose last two
/// letters are not among them cannot start a phrase: most words of an
/// article are ruled out by one bit test instead of hashing their endings.
#[derive(Debug, Clone)]
struct LetterPairs {
    pairs: Vec<u64>,
    singles: [u64; 4],
}

impl LetterPairs {
    /// Index of a letter of the Arabic block; other scripts have none and
    /// always take the slow path.
    fn slot(c: char) -> Option<usize> {
        matches!(c, '\u{0600}'..='\u{06FF}').then_some(c as usize & 0xFF)
    }

    /// The edge letter of a word and the one next to it, at its end.
    fn last_two(word: &str) -> (Option<char>, Option<char>) {
        let mut rev = word.chars().rev();
        let last = rev.next();
        (rev.next(), last)
    }

    /// The bitmap of the last two letters of each of `words`.
    fn new<'a>(words: impl Iterator<Item = &'a String>) -> LetterPairs {
        let mut bits = LetterPairs {
            pairs: vec![0; 65536 / 64],
            singles: [0; 4],
        };
        for w in words {
            match Self::last_two(w) {
                (None, Some(outer)) => {
                    if let Some(i) = Self::slot(outer) {
                        bits.singles[i / 64] |= 1 << (i % 64);
                    }
                }
                (Some(inner), Some(outer)) => {
                    if let (Some(p), Some(l)) = (Self::slot(inner), Self::slot(outer)) {
                        let i = p << 8 | l;
                        bits.pairs[i / 64] |= 1 << (i % 64);
                    }
                }
                _ => {}
            }
        }
        bits
    }

    /// False when no indexed word can share this edge, given as `(inner,
    /// outer)` letters: a one-letter word matches on its outer letter alone.
    fn may_hold(&self, (inner, outer): (Option<char>, Option<char>)) -> bool {
        let Some(l) = outer.map(Self::slot) else {
            return false;
        };
        let Some(l) = l else { return true };
        if self.singles[l / 64] & (1 << (l % 64)) != 0 {
            return true;
        }
        match inner.map(Self::slot) {
            None => false,
            Some(None) => true,
            Some(Some(p)) => {
                let i = p << 8 | l;
                self.pairs[i / 64] & (1 << (i % 64)) != 0
            }
        }
    }
}

/// FNV-1a over `bytes` read from the last to the first: hashing a word
/// this way gives the hash of each of its endings on the way, so all the
/// endings proclitics may leave are hashed in one pass.
fn backward_hash(bytes: &[u8]) -> u64 {
    let mut hash = FnvHasher::default();
    for &b in bytes.iter().rev() {
        hash.write_u8(b);
    }
    hash.finish()
}

/// The most letters proclitics add in front of a word: و + ب + ال.
const MAX_PROCLITIC_LETTERS: usize = 4;

/// Words after a role phrase that point at someone other than the current
/// holder (الرئيس الروسي السابق).
const NOT_CURRENT: &[&str] = &[
    "السابق",
    "السابقه",
    "الاسبق",
    "الراحل",
    "الراحله",
    "المنتخب",
    "المقبل",
    "المخلوع",
    "المستقيل",
];

impl Matcher {
    pub fn new(list: &EntityList) -> Matcher {
        let field_index = |name: &str| {
            list.fields
                .iter()
                .position(|f| f.name == name)
                .map(|f| f as u16)
        };
        let mut by_key: HashMap<Vec<String>, u32> = HashMap::new();
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut add = |text: &str, entity: u32, slot: Slot| {
            let shadda = has_shadda(text);
            let tokens: Vec<String> = words(text)
                .into_iter()
                .map(|w| {
                    if shadda {
                        normalize_with_shadda(&text[w.start..w.end])
                    } else {
                        w.norm
                    }
                })
                .collect();
            if tokens.is_empty() {
                return;
            }
            let id = *by_key.entry(tokens.clone()).or_insert_with(|| {
                phrases.push(Phrase {
                    tokens,
                    shadda,
                    names: Vec::new(),
                    shorts: Vec::new(),
                    roles: Vec::new(),
                    local: Vec::new(),
                });
                (phrases.len() - 1) as u32
            });
            let phrase = &mut phrases[id as usize];
            let slot = match slot {
                Slot::Local(field) => {
                    if !phrase.local.contains(&(entity, field)) {
                        phrase.local.push((entity, field));
                    }
                    return;
                }
                Slot::Name => &mut phrase.names,
                Slot::Short => &mut phrase.shorts,
                Slot::Role => &mut phrase.roles,
            };
            if !slot.contains(&entity) {
                slot.push(entity);
            }
        };
        for (i, e) in list.entities.iter().enumerate() {
            let i = i as u32;
            for name in e.names() {
                add(name, i, Slot::Name);
            }
            for short in e.short_forms() {
                add(&short, i, Slot::Short);
            }
            for role in &e.roles {
                add(role, i, Slot::Role);
            }
            if let Some(local) = &e.aliases_in
                && let Some(field) = field_index(&local.field)
            {
                for name in &local.names {
                    add(name, i, Slot::Local(field));
                }
            }
        }
        // A person's name also matches with one long vowel dropped from a
        // long word (بوتن for بوتين): transliterations write them or not.
        for (i, e) in list.entities.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            for name in e.names() {
                if has_shadda(name) {
                    continue;
                }
                let tokens: Vec<String> = words(name).into_iter().map(|w| w.norm).collect();
                for (t, token) in tokens.iter().enumerate() {
                    for variant in long_vowel_variants(token) {
                        let mut varied = tokens.clone();
                        varied[t] = variant;
                        if by_key.contains_key(&varied) {
                            continue;
                        }
                        by_key.insert(varied.clone(), phrases.len() as u32);
                        // One word so varied may be a word of the language
                        // or another name (بنيت "was built" from بينيت,
                        // لابد from لابيد, مورينو from مورينيو): it counts,
                        // like a short form, only where the article names
                        // the person otherwise.
                        let (names, shorts) = if varied.len() == 1 {
                            (Vec::new(), vec![i as u32])
                        } else {
                            (vec![i as u32], Vec::new())
                        };
                        phrases.push(Phrase {
                            tokens: varied,
                            shadda: false,
                            names,
                            shorts,
                            roles: Vec::new(),
                            local: Vec::new(),
                        });
                    }
                }
            }
        }
        let mut first: HashMap<String, Starts, FastHash> = HashMap::default();
        let mut shadda_first: HashMap<String, Starts, FastHash> = HashMap::default();
        for (id, p) in phrases.iter().enumerate() {
            let index = if p.shadda {
                &mut shadda_first
            } else {
                &mut first
            };
            let starts = index.entry(p.tokens[0].clone()).or_default();
            match p.tokens.get(1) {
                None => starts.alone.push(id as u32),
                Some(second) => starts
                    .by_second
                    .entry(second.clone())
                    .or_default()
                    .push(id as u32),
            }
        }
        for starts in first.values_mut().chain(shadda_first.values_mut()) {
            for ids in starts.by_second.values_mut() {
                ids.sort_by_key(|&id| (std::cmp::Reverse(phrases[id as usize].tokens.len()), id));
            }
        }
        let endings = first
            .keys()
            .flat_map(|key| [Some(key.as_str()), key.strip_prefix("ال")])
            .flatten()
            .map(|ending| backward_hash(ending.as_bytes()))
            .collect();
        let mut field_words: HashMap<String, Vec<u16>, FastHash> = HashMap::default();
        for (f, field) in list.fields.iter().enumerate() {
            for word in field.words.iter().flat_map(|w| words(w)) {
                let told = field_words
                    .entry(light_stem_str(&word.norm).to_string())
                    .or_default();
                if !told.contains(&(f as u16)) {
                    told.push(f as u16);
                }
            }
        }
        let fields = list
            .entities
            .iter()
            .map(|e| field_index(e.field.as_deref()?))
            .collect();
        let within = list
            .fields
            .iter()
            .map(|f| field_index(f.within.as_ref()?.get_ref()))
            .collect();
        Matcher {
            fields,
            field_words,
            within,
            last_letters: LetterPairs::new(first.keys()),
            slugs: list.entities.iter().map(|e| e.slug.clone()).collect(),
            kinds: list.entities.iter().map(|e| e.kind).collect(),
            given_names: list
                .entities
                .iter()
                .map(|e| {
                    let mut names = e.name.split_whitespace();
                    let first = names.next()?;
                    (e.kind == EntityKind::Person && names.next().is_some())
                        .then(|| arabic::normalize(first))
                })
                .collect(),
            phrases,
            first,
            shadda_first,
            endings,
            nationalities: nationalities(list),
        }
    }

    /// The nationality adjective `masculine` (normalised, one word or two)
    /// as its place's first spelling gives it, when it is a listed place's.
    pub(crate) fn nationality(&self, masculine: &str) -> Option<&str> {
        self.nationalities.get(masculine).map(String::as_str)
    }

    /// Slug of the entity at `index` in the list the matcher was built from.
    pub(crate) fn slug(&self, entity: u32) -> &str {
        &self.slugs[entity as usize]
    }

    pub(crate) fn kind(&self, entity: u32) -> EntityKind {
        self.kinds[entity as usize]
    }

    /// The listed person's given name, normalised, when the name has one.
    pub(crate) fn given_name(&self, entity: u32) -> Option<&str> {
        self.given_names[entity as usize].as_deref()
    }

    /// Entities mentioned in `text` (title, blank line, body), each with its
    /// count, prominence, spellings and first body sentence (a byte range
    /// of `text`), main actors first. `sentences` are the body's sentences.
    pub fn find(&self, text: &str, sentences: &[String]) -> Vec<Mention> {
        let ws = WordList::of(text);
        let hits = self.hits(text, &ws);
        mentions(self, text, &sentence_spans(text, sentences), &hits)
    }

    /// Mentions and the quotes attributed to listed people, in one reading.
    pub fn analyse(&self, text: &str, sentences: &[String]) -> super::Analysis {
        self.analyse_spans(text, &sentence_spans(text, sentences))
    }

    /// [`Matcher::analyse`] of an article's title and body, whose sentences
    /// it already knows.
    pub fn analyse_article(&self, article: &Article) -> super::Analysis {
        let (text, spans) = article.titled_text();
        self.analyse_spans(&text, &spans)
    }

    /// [`Matcher::analyse`] with the byte range of each body sentence in
    /// `text`, in order.
    fn analyse_spans(&self, text: &str, sentences: &[Range<usize>]) -> super::Analysis {
        let ws = WordList::of(text);
        let hits = self.hits(text, &ws);
        let quotes = super::quotes::find_quotes(self, text, &ws, &hits);
        super::Analysis {
            mentions: mentions(self, text, sentences, &hits),
            quotes,
            candidates: super::discover::candidates(text, &ws, &hits, self),
        }
    }

    /// Every resolved mention in `text`, in reading order.
    pub(crate) fn hits(&self, text: &str, ws: &WordList) -> Vec<Hit> {
        let raw = self.raw_hits(text, ws);
        self.resolve(text, ws, raw)
    }

    /// Phrase matches before resolution: the longest name or short form at
    /// each place, and separately the longest role phrase (a role may
    /// contain a name: سيد الكرملين). A word written with a shadda is read
    /// first with it, against the phrases the list writes with one, so that
    /// among equally long matches those win.
    fn raw_hits(&self, text: &str, ws: &WordList) -> Vec<RawHit> {
        let mut out = Vec::new();
        let (mut name_until, mut role_until) = (0, 0);
        let spans = ws.spans();
        let with_shadda = |w: &WordSpan| normalize_with_shadda(&text[w.start..w.end]);
        for i in 0..ws.len() {
            if i < name_until && i < role_until {
                continue;
            }
            let norm = ws.norm(i);
            // A word whose normal form is as long as its text dropped no
            // mark, so it wrote no shadda: most words stop at that test.
            let written = &text[spans[i].start..spans[i].end];
            let shadda_form = (!self.shadda_first.is_empty()
                && written.len() != norm.len()
                && has_shadda(written))
            .then(|| with_shadda(&spans[i]));
            let plain = self.may_start_phrase(norm);
            if shadda_form.is_none() && !plain {
                continue;
            }
            let forms = shadda_form
                .as_deref()
                .map(|form| (form, true))
                .into_iter()
                .chain(plain.then_some((norm, false)));
            let mut best_name: Option<RawHit> = None;
            let mut best_role: Option<RawHit> = None;
            for (form, shadda) in forms {
                let index = if shadda {
                    &self.shadda_first
                } else {
                    &self.first
                };
                let word_at = |j: usize| -> Cow<str> {
                    if shadda {
                        Cow::Owned(with_shadda(&spans[j]))
                    } else {
                        Cow::Borrowed(ws.norm(j))
                    }
                };
                let second = (i + 1 < ws.len()).then(|| word_at(i + 1));
                for reading in proclitic_reading_slices(form, 2) {
                    let Some(clitic) = Clitic::of(form, &reading) else {
                        continue;
                    };
                    let Some(starts) = index.get(reading.as_ref()) else {
                        continue;
                    };
                    // Longest first, as the longest match wins.
                    let longer = second
                        .as_deref()
                        .and_then(|w| starts.by_second.get(w))
                        .into_iter()
                        .flatten();
                    for &id in longer.chain(&starts.alone) {
                        let p = &self.phrases[id as usize];
                        let len = p.tokens.len();
                        if i + len > ws.len()
                            || !p.tokens[2.min(len)..]
                                .iter()
                                .zip(i + 2..)
                                .all(|(t, j)| *t == *word_at(j))
                        {
                            continue;
                        }
                        let hit = RawHit {
                            word: i,
                            len,
                            phrase: id,
                            clitic: clitic.clone(),
                            kind: RawKind::Naming,
                        };
                        let naming =
                            !p.names.is_empty() || !p.shorts.is_empty() || !p.local.is_empty();
                        if naming
                            && i >= name_until
                            && best_name.as_ref().is_none_or(|b| len > b.len)
                        {
                            best_name = Some(hit.clone());
                        }
                        if !p.roles.is_empty()
                            && i >= role_until
                            && best_role.as_ref().is_none_or(|b| len > b.len)
                        {
                            best_role = Some(hit);
                        }
                    }
                }
            }
            if let Some(h) = best_name {
                name_until = i + h.len;
                out.push(h);
            }
            if let Some(h) = best_role {
                role_until = i + h.len;
                out.push(h.role());
            }
        }
        out
    }

    /// A cheap necessary condition for `norm` to start a phrase: one of its
    /// endings after at most [`MAX_PROCLITIC_LETTERS`] letters is indexed.
    ///
    /// The endings are hashed in one pass from the end of the word, each
    /// hash extending the last; a hash found for an ending the index does
    /// not hold only lets the exact lookup that follows say no.
    fn may_start_phrase(&self, norm: &str) -> bool {
        if !self.last_letters.may_hold(LetterPairs::last_two(norm)) {
            return false;
        }
        let last_start = norm
            .char_indices()
            .nth(MAX_PROCLITIC_LETTERS)
            .map_or(norm.len(), |(b, _)| b);
        let bytes = norm.as_bytes();
        let mut hash = FnvHasher::default();
        (0..bytes.len()).rev().any(|b| {
            hash.write_u8(bytes[b]);
            b <= last_start && norm.is_char_boundary(b) && self.endings.contains(&hash.finish())
        })
    }

    /// How strongly `ws` speaks of each of the list's fields: the number
    /// of distinct words of it used, or 0 when fewer than
    /// [`Field::WORDS_NEEDED`], or when it does not speak of the field the
    /// one lies within. Words count by their stem, but within a broader
    /// field by their form: a country's name and its adjective share a
    /// stem (السعودية، السعودي), and a sport article that uses both speaks
    /// of that country's football.
    fn fields_spoken(&self, ws: &WordList) -> Vec<usize> {
        let mut heard: Vec<Vec<&str>> = vec![Vec::new(); self.within.len()];
        for i in 0..ws.len() {
            let stem = light_stem_str(ws.norm(i));
            for &f in self.field_words.get(stem).into_iter().flatten() {
                let word = match self.within[f as usize] {
                    Some(_) => ws.norm(i),
                    None => stem,
                };
                let words = &mut heard[f as usize];
                if !words.contains(&word) {
                    words.push(word);
                }
            }
        }
        let strength = |f: usize| Some(heard[f].len()).filter(|&n| n >= Field::WORDS_NEEDED);
        (0..heard.len())
            .map(|f| {
                let broader = self.within[f].map_or(Some(1), |w| strength(w as usize));
                broader.and(strength(f)).unwrap_or(0)
            })
            .collect()
    }

    /// The candidates an article can mean: an entity of a field the
    /// article does not speak of is none of them, and one of a field it
    /// does wins over those of no field. `spoken` is `None` when no
    /// candidate in the article has a field.
    fn meant<'a>(&self, candidates: &'a [u32], spoken: Option<&[usize]>) -> Cow<'a, [u32]> {
        let Some(spoken) = spoken else {
            return Cow::Borrowed(candidates);
        };
        let field = |e: u32| self.fields[e as usize];
        let mut fit: Vec<u32> = candidates
            .iter()
            .copied()
            .filter(|&e| field(e).is_none_or(|f| spoken[f as usize] > 0))
            .collect();
        if fit.iter().any(|&e| field(e).is_some()) {
            fit.retain(|&e| field(e).is_some());
        }
        Cow::Owned(fit)
    }

    /// The entities a phrase names in an article. Those it names within a
    /// field the article speaks of win, as a fielded entity wins over one
    /// with no field (الجزيرة in Emirati football news is the club, not
    /// the channel): the one the article names in full, else those of the
    /// field it speaks of most (الأهلي in a report with more Egyptian than
    /// Saudi words is the Egyptian club). Otherwise, its names the article
    /// can mean.
    fn named<'a>(
        &self,
        p: &'a Phrase,
        spoken: Option<&[usize]>,
        named_at: &HashMap<u32, usize>,
    ) -> Cow<'a, [u32]> {
        let names = self.meant(&p.names, spoken);
        let Some(spoken) = spoken.filter(|_| !p.local.is_empty()) else {
            return names;
        };
        let in_full: Vec<u32> = p
            .local
            .iter()
            .map(|&(e, _)| e)
            .filter(|e| named_at.contains_key(e))
            .collect();
        if !in_full.is_empty() {
            return Cow::Owned(in_full);
        }
        let strength = |&(e, f): &(u32, u16)| {
            let own = self.fields[e as usize].map_or(1, |own| spoken[own as usize]);
            if own == 0 { 0 } else { spoken[f as usize] }
        };
        let strongest = p.local.iter().map(strength).max().unwrap_or(0);
        if strongest == 0 {
            // The article speaks of the broader field a local sense lies
            // within, not of that sense's own (الجزيرة in football news
            // from a league whose clubs the list does not know): the
            // phrase is most likely a name of that field, so a sense of
            // no field (the channel) is no safer a reading than none.
            let broader = p
                .local
                .iter()
                .any(|&(_, f)| self.within[f as usize].is_some_and(|w| spoken[w as usize] > 0));
            if broader {
                let field = |e: u32| self.fields[e as usize];
                return Cow::Owned(
                    names
                        .iter()
                        .copied()
                        .filter(|&e| field(e).is_some())
                        .collect(),
                );
            }
            return names;
        }
        Cow::Owned(
            p.local
                .iter()
                .filter(|l| strength(l) == strongest)
                .map(|&(e, _)| e)
                .collect(),
        )
    }

    /// Turns phrase matches into mentions of one entity each, dropping
    /// those the article does not settle.
    fn resolve(&self, text: &str, ws: &WordList, raw: Vec<RawHit>) -> Vec<Hit> {
        let fielded = raw.iter().any(|h| {
            let p = &self.phrases[h.phrase as usize];
            p.names
                .iter()
                .chain(&p.shorts)
                .chain(&p.roles)
                .any(|&e| self.fields[e as usize].is_some())
                || !p.local.is_empty()
        });
        let spoken = fielded.then(|| self.fields_spoken(ws));
        let meant = |candidates| self.meant(candidates, spoken.as_deref());
        // Where each entity is first named outright.
        let mut named_at: HashMap<u32, usize> = HashMap::new();
        for h in raw.iter().filter(|h| h.kind == RawKind::Naming) {
            if let [only] = meant(&self.phrases[h.phrase as usize].names)[..] {
                named_at.entry(only).or_insert(h.word);
            }
        }
        let person_name_at: HashSet<usize> = raw
            .iter()
            .filter(|h| h.kind == RawKind::Naming)
            .filter(|h| {
                let p = &self.phrases[h.phrase as usize];
                p.names
                    .iter()
                    .chain(&p.shorts)
                    .any(|&e| self.kind(e) == EntityKind::Person)
            })
            .map(|h| h.word)
            .collect();

        let dateline = dateline(text);
        // Places whose one-word name the article gives a person (البرازيلي
        // ليما): every bare use of it there is that person.
        let mut worn_by_people: HashSet<u32> = HashSet::new();
        let mut hits = Vec::with_capacity(raw.len());
        for h in raw {
            let p = &self.phrases[h.phrase as usize];
            let (entity, sense) = match h.kind {
                RawKind::Naming => {
                    let named = self.named(p, spoken.as_deref(), &named_at);
                    let (candidates, sense) = if named.is_empty() && p.names.is_empty() {
                        (meant(&p.shorts), Sense::Short)
                    } else {
                        (named, Sense::Name)
                    };
                    let entity = match candidates[..] {
                        [only] if sense == Sense::Name => Some(only),
                        _ => settle(&candidates, &named_at, Some(h.word)),
                    };
                    (entity, sense)
                }
                RawKind::Role => {
                    let after = h.word + h.len;
                    let qualified = after < ws.len() && NOT_CURRENT.contains(&ws.norm(after));
                    let names_someone = person_name_at.contains(&after);
                    let entity = if qualified || names_someone {
                        None
                    } else {
                        settle(&meant(&p.roles), &named_at, None)
                    };
                    (entity, Sense::Role)
                }
            };
            let Some(entity) = entity else { continue };
            let first = &ws.spans()[h.word];
            if dateline.as_ref().is_some_and(|d| d.contains(&first.start)) {
                continue;
            }
            if self.kind(entity) == EntityKind::Place
                && h.word > 0
                && tells_the_time(ws.norm(h.word - 1))
            {
                continue;
            }
            if sense == Sense::Name
                && h.len == 1
                && self.kind(entity) == EntityKind::Place
                && h.word > 0
                && ws.norm(h.word) == p.tokens[0]
                && person_before(text, ws, h.word)
            {
                worn_by_people.insert(entity);
                continue;
            }
            let last = &ws.spans()[h.word + h.len - 1];
            let (start, display_prefix) = h.clitic.display_start(text, first);
            let display = format!("{display_prefix}{}", &text[start..last.end]);
            hits.push(Hit {
                entity,
                word: h.word,
                len: h.len,
                sense,
                preposition: h.clitic.preposition,
                start,
                display,
            });
        }
        if !worn_by_people.is_empty() {
            hits.retain(|h| {
                !(h.len == 1 && h.sense == Sense::Name && worn_by_people.contains(&h.entity))
            });
        }
        hits
    }
}

/// True when the word before `word` makes it a person's name: a title
/// (اللاعب ليما) or a nationality right before it (سجل البرازيلي ليما،
/// اللاعب البرازيلي ليما). A nationality after any other definite noun
/// describes that noun (المنتخب الكولومبي فرنسا, الحرس الثوري الإيراني):
/// what follows is no name.
fn person_before(text: &str, ws: &WordList, word: usize) -> bool {
    let before = ws.norm(word - 1);
    if PERSON_BEFORE_PLACE.contains(&before) {
        return true;
    }
    let spans = ws.spans();
    let joined = |a: usize| text[spans[a].end..spans[a + 1].start] == *" ";
    let definite = |w: &str| {
        is_definite(w)
            || w.strip_prefix(PROCLITIC_CONJUNCTIONS)
                .or_else(|| w.strip_prefix(PROCLITIC_PREPOSITIONS))
                .is_some_and(is_definite)
    };
    // Written with ي: ى is a glued preposition (الأربعاءإلى روما).
    is_nisba(before)
        && text[spans[word - 1].start..spans[word - 1].end].ends_with('ي')
        && !is_nisba(ws.norm(word))
        && joined(word - 1)
        && (word < 2
            || !joined(word - 2)
            || !definite(ws.norm(word - 2))
            // The noun is a title: اللاعب البرازيلي ليما.
            || PERSON_BEFORE_PLACE.contains(&ws.norm(word - 2)))
}

/// Words one of which a text must hold, in its normal form, for `entity`
/// to be found in it: of each spelling the matcher reads for it (names,
/// names within a field, short forms, roles, and a person's names with a
/// long vowel dropped), the longest word, without its article. A rebuild reads again only the
/// texts that hold one of the words of an entity that changed.
pub(crate) fn telltale_words(entity: &Entity) -> Vec<String> {
    let tokens = |text: &str| -> Vec<String> { words(text).into_iter().map(|w| w.norm).collect() };
    let mut phrases: Vec<Vec<String>> = entity
        .spellings()
        .map(|n| tokens(n))
        .chain(entity.short_forms().iter().map(|s| tokens(s)))
        .chain(entity.roles.iter().map(|r| tokens(r)))
        .collect();
    if entity.kind == EntityKind::Person {
        for name in entity.names() {
            let name = tokens(name);
            for (t, token) in name.iter().enumerate() {
                for variant in long_vowel_variants(token) {
                    let mut varied = name.clone();
                    varied[t] = variant;
                    phrases.push(varied);
                }
            }
        }
    }
    let mut out: Vec<String> = phrases
        .into_iter()
        .filter_map(|p| p.into_iter().max_by_key(|t| t.chars().count()))
        // Without its article: للكرملين is read as الكرملين.
        .map(|t| match t.strip_prefix("ال") {
            Some(bare) if bare.chars().count() >= 2 => bare.to_string(),
            _ => t,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// `token` without one of its inner long vowels ي and و, for words of five
/// letters or more (بوتين → بوتن), leaving at least four letters.
fn long_vowel_variants(token: &str) -> Vec<String> {
    let letters: Vec<char> = token.chars().collect();
    if letters.len() < 5 {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for i in 1..letters.len() - 1 {
        if matches!(letters[i], 'ي' | 'و') && letters[i - 1] != letters[i] {
            let v: String = letters[..i].iter().chain(&letters[i + 1..]).collect();
            if !is_stop_word(&v) && !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// Whether `norm` is «توقيت» (time, as of a clock), behind a preposition
/// or و (بتوقيت, وفق توقيت): a city after it names the clock a time is
/// told by (بتوقيت مكة المكرمة، بتوقيت غرينتش), not a place in the news.
fn tells_the_time(norm: &str) -> bool {
    let bare = norm.strip_prefix(PROCLITIC_CONJUNCTIONS).unwrap_or(norm);
    let bare = bare.strip_prefix(PROCLITIC_PREPOSITIONS).unwrap_or(bare);
    bare == "توقيت"
}

/// Words after which a place name is a person's (اللاعب ليما, the player
/// Lima, not Peru's capital), normalised.
const PERSON_BEFORE_PLACE: &[&str] = &[
    "اللاعب",
    "اللاعبه",
    "المهاجم",
    "النجم",
    "النجمه",
    "المدرب",
    "الحارس",
    "المدافع",
    "الجناح",
    "الممثل",
    "الممثله",
    "المغني",
    "المغنيه",
    "الفنان",
    "الفنانه",
    "السيد",
    "السيده",
];

/// The byte range of a wire dateline opening the body of `text` (title,
/// blank line, body): «دبي، الإمارات العربية المتحدة (CNN)--» or «القاهرة -
/// ». The places in it say where the story was filed, not what it is
/// about.
fn dateline(text: &str) -> Option<Range<usize>> {
    let body_start = text.find("\n\n")? + 2;
    let body = &text[body_start..];
    let line = &body[..body.find('\n').unwrap_or(body.len())];
    let head = &line[..line.char_indices().nth(90).map_or(line.len(), |(b, _)| b)];
    let dash = |s: &str| s.trim_start().starts_with(['-', '–', '—', ':']);
    // «PLACE، COUNTRY (OUTLET) -»
    if let Some(open) = head.find('(')
        && let Some(close) = head[open..].find(')')
        && !head[..open].contains(['.', '!', '؟', '"', '«'])
        && head[..open].split_whitespace().count() <= 7
        && dash(&line[open + close + 1..])
    {
        return Some(body_start..body_start + open + close + 1);
    }
    // «PLACE -» with a word or three before the dash.
    let dash_at = head.find(['-', '–', '—'])?;
    let before = &head[..dash_at];
    let words = before.split_whitespace().count();
    ((1..=3).contains(&words) && before.ends_with(' ') && !before.contains(['.', '(', '"', '«']))
        .then(|| body_start..body_start + dash_at)
}

/// The one candidate the article names: among those named before `at`
/// when some are, else among those named anywhere. `None` when zero or
/// several fit.
fn settle(candidates: &[u32], named_at: &HashMap<u32, usize>, at: Option<usize>) -> Option<u32> {
    if let Some(at) = at {
        let before: Vec<u32> = candidates
            .iter()
            .copied()
            .filter(|e| named_at.get(e).is_some_and(|&w| w < at))
            .collect();
        if !before.is_empty() {
            return only(&before);
        }
    }
    let anywhere: Vec<u32> = candidates
        .iter()
        .copied()
        .filter(|e| named_at.contains_key(e))
        .collect();
    only(&anywhere)
}

fn only(candidates: &[u32]) -> Option<u32> {
    match candidates {
        [one] => Some(*one),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RawKind {
    Naming,
    Role,
}

#[derive(Debug, Clone)]
struct RawHit {
    word: usize,
    len: usize,
    phrase: u32,
    clitic: Clitic,
    kind: RawKind,
}

impl RawHit {
    fn role(self) -> RawHit {
        RawHit {
            kind: RawKind::Role,
            ..self
        }
    }
}

/// What was peeled off a word to read it as the start of a phrase.
#[derive(Debug, Clone)]
struct Clitic {
    /// Letters of the normalised word in front of the reading.
    letters: usize,
    /// The reading restores the alef that لل elides (للكرملين → الكرملين).
    restores_article: bool,
    preposition: bool,
}

impl Clitic {
    /// How `reading` was obtained from `norm`, or `None` when the reading
    /// strips the article: proper names never take it, so المالي (the
    /// financial) must not read as مالي (Mali).
    fn of(norm: &str, reading: &str) -> Option<Clitic> {
        let (prefix, restores_article) = match norm.strip_suffix(reading) {
            Some(prefix) => (prefix, false),
            // The only reading that is not an ending: لل + x read as ال + x.
            None => (&norm[..norm.len() - (reading.len() - 'ا'.len_utf8())], true),
        };
        if !restores_article && (prefix.ends_with("ال") || prefix.ends_with("لل")) {
            return None;
        }
        let preposition = prefix.chars().any(|c| matches!(c, 'ب' | 'ل' | 'ك'));
        Some(Clitic {
            letters: prefix.chars().count(),
            restores_article,
            preposition,
        })
    }

    /// Where the mention starts in the original text once its proclitics are
    /// skipped, and what to write in front of it (the elided alef).
    fn display_start(&self, text: &str, word: &WordSpan) -> (usize, &'static str) {
        let mut letters = 0;
        let mut start = word.end;
        for (i, c) in text[word.start..word.end].char_indices() {
            if letters == self.letters {
                start = word.start + i;
                break;
            }
            if !is_ignorable(c) {
                letters += 1;
            }
        }
        if self.restores_article {
            (start, "ا")
        } else {
            (start, "")
        }
    }
}

/// One entity's mentions gathered over an article.
struct Tally {
    count: usize,
    first_start: usize,
    in_title: bool,
    in_lede: bool,
    variants: Vec<String>,
    sentence: Option<Range<usize>>,
}

/// Gathers hits into one [`Mention`] per entity.
fn mentions(matcher: &Matcher, text: &str, spans: &[Range<usize>], hits: &[Hit]) -> Vec<Mention> {
    let title_end = text.find("\n\n").unwrap_or(text.len());
    let body_start = (title_end + 2).min(text.len());
    let lede_end = text[body_start..]
        .find("\n\n")
        .map_or(text.len(), |i| body_start + i);

    let mut tallies: Vec<(u32, Tally)> = Vec::new();
    for h in hits {
        let slot = match tallies.iter().position(|(e, _)| *e == h.entity) {
            Some(i) => i,
            None => {
                tallies.push((
                    h.entity,
                    Tally {
                        count: 0,
                        first_start: h.start,
                        in_title: false,
                        in_lede: false,
                        variants: Vec::new(),
                        sentence: None,
                    },
                ));
                tallies.len() - 1
            }
        };
        let t = &mut tallies[slot].1;
        t.count += 1;
        t.in_title |= h.start < title_end;
        t.in_lede |= h.start >= body_start && h.start < lede_end;
        if h.sense != Sense::Role && !t.variants.contains(&h.display) {
            t.variants.push(h.display.clone());
        }
        if t.sentence.is_none() {
            let i = spans.partition_point(|span| span.end <= h.start);
            if let Some(span) = spans.get(i).filter(|span| span.start <= h.start) {
                t.sentence = Some(span.clone());
            }
        }
    }

    let top = tallies.iter().map(|(_, t)| t.count).max().unwrap_or(0);
    let mut out: Vec<(usize, Mention)> = tallies
        .into_iter()
        .map(|(entity, t)| {
            let main =
                t.in_title || (t.count >= 3 || (t.count >= 2 && t.in_lede)) && t.count * 8 >= top;
            let sentence = t
                .sentence
                .unwrap_or_else(|| line_around(text, t.first_start));
            let mut variants = t.variants;
            variants.shrink_to_fit();
            let mention = Mention {
                slug: matcher.slug(entity).to_string(),
                count: t.count,
                prominence: if main {
                    Prominence::Main
                } else {
                    Prominence::Passing
                },
                variants,
                sentence: sentence.start as u32..sentence.end as u32,
            };
            (t.first_start, mention)
        })
        .collect();
    out.sort_by(|(a_at, a), (b_at, b)| {
        (
            a.prominence != Prominence::Main,
            std::cmp::Reverse(a.count),
            a_at,
        )
            .cmp(&(
                b.prominence != Prominence::Main,
                std::cmp::Reverse(b.count),
                b_at,
            ))
    });
    out.into_iter().map(|(_, m)| m).collect()
}

/// Byte ranges of the body's `sentences` in `text` (title, blank line,
/// body), found in order. Sentences that cannot be found (rewritten by an
/// earlier stage) are left out.
fn sentence_spans(text: &str, sentences: &[String]) -> Vec<Range<usize>> {
    let title_end = text.find("\n\n").unwrap_or(text.len());
    let mut spans = Vec::with_capacity(sentences.len());
    let mut cursor = (title_end + 2).min(text.len());
    for s in sentences {
        // Sentences follow each other, usually after a space or line break:
        // try there before searching.
        let rest = &text[cursor..];
        let skipped = rest.len() - rest.trim_start().len();
        let found = if rest[skipped..].starts_with(s.as_str()) {
            Some(skipped)
        } else {
            rest.find(s.as_str())
        };
        if let Some(i) = found {
            let start = cursor + i;
            spans.push(start..start + s.len());
            cursor = start + s.len();
        }
    }
    spans
}

/// The byte range of the line around `at`, trimmed.
fn line_around(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[start..end];
    let trimmed = line.trim_start();
    let start = start + (line.len() - trimmed.len());
    start..start + trimmed.trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        arabic::normalize(a) == arabic::normalize(b)
    }

    fn matcher() -> Matcher {
        Matcher::new(&EntityList::bundled())
    }

    fn found(text: &str) -> Vec<Mention> {
        let body = text.split_once("\n\n").map_or("", |(_, b)| b);
        let sentences: Vec<String> = arabic::sentences(body)
            .into_iter()
            .map(String::from)
            .collect();
        matcher().find(text, &sentences)
    }

    fn count(mentions: &[Mention], slug: &str) -> usize {
        mentions
            .iter()
            .find(|m| m.slug == slug)
            .map_or(0, |m| m.count)
    }

    #[test]
    fn one_backward_pass_hashes_every_ending() {
        let word = "وبالكرملين";
        let bytes = word.as_bytes();
        let mut hash = FnvHasher::default();
        for b in (0..bytes.len()).rev() {
            hash.write_u8(bytes[b]);
            assert_eq!(hash.finish(), backward_hash(&bytes[b..]));
        }
        let m = matcher();
        assert!(m.may_start_phrase(word) && m.may_start_phrase("لبوتين"));
        assert!(!m.may_start_phrase("السياسات"));
    }

    #[test]
    fn spellings_meet_in_one_entity() {
        let m = found(
            "ترمب يهاتف نتانياهو\n\nقال الرئيس الأمريكي دونالد ترامب إنه تحدث مع بنيامين نتنياهو. وأكد ترمب أن الاتصال كان جيدا.",
        );
        assert_eq!(count(&m, "donald-trump"), 3);
        assert_eq!(count(&m, "benjamin-netanyahu"), 2);
        let trump = m.iter().find(|m| m.slug == "donald-trump").unwrap();
        assert_eq!(trump.variants, ["ترمب", "دونالد ترامب"]);
    }

    #[test]
    fn proclitics_are_peeled_and_shown_without_them() {
        let m = found(
            "عنوان\n\nنقل لافروف رسالة لبوتين من وزير الخارجية. وقال مسؤول بالكرملين إن موسكو سترد، فيما وجهت واشنطن انتقادا للكرملين وللصين.",
        );
        let putin = m.iter().find(|m| m.slug == "vladimir-putin").unwrap();
        assert_eq!(putin.variants, ["بوتين"]);
        assert_eq!(count(&m, "kremlin"), 2);
        let kremlin = m.iter().find(|m| m.slug == "kremlin").unwrap();
        assert_eq!(kremlin.variants, ["الكرملين"]);
        assert_eq!(count(&m, "china"), 1);
        assert_eq!(count(&m, "moscow"), 1);
        assert_eq!(count(&m, "washington"), 1);
    }

    #[test]
    fn longest_name_wins() {
        let m = found(
            "عنوان\n\nحذرت كيم يو جونغ شقيقة كيم جونغ أون من أي محادثات. وقالت وزارة خارجية كوريا الشمالية إن كوريا الجنوبية تتحمل المسؤولية.",
        );
        assert_eq!(count(&m, "kim-yo-jong"), 1);
        assert_eq!(count(&m, "kim-jong-un"), 1);
        assert_eq!(count(&m, "north-korea"), 1);
        assert_eq!(count(&m, "south-korea"), 1);
        assert!(m.iter().all(|m| m.slug != "korea"));
    }

    #[test]
    fn no_hits_inside_longer_words_or_after_the_article() {
        // المالي is "financial", not Mali; الروسية is an adjective, not Russia;
        // ترامبية is not Trump.
        let m =
            found("عنوان\n\nقدمت الحكومة الدعم المالي للشركات الروسية في إطار السياسات الترامبية.");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn a_club_is_named_only_in_sport_news() {
        // The match report speaks of players, a coach and a league: روما is
        // the club, and so is إشبيلية.
        let m = found(
            "روما يفوز على إشبيلية\n\nفاز روما على ضيفه إشبيلية بهدفين في الدوري الأوروبي، \
             وسجل لاعب الوسط الهدف الثاني من ركلة جزاء. وقال مدرب إشبيلية إن فريقه استحق التعادل.",
        );
        assert_eq!(count(&m, "as-roma"), 2);
        assert_eq!(count(&m, "sevilla-fc"), 3);
        assert_eq!(count(&m, "rome"), 0);
        assert_eq!(count(&m, "seville"), 0);
        // A summit in the same cities is about the cities.
        let m = found(
            "قمة في روما\n\nيجتمع وزراء خارجية الاتحاد الأوروبي في روما الأسبوع المقبل، \
             بعد لقاء عقدوه في إشبيلية لبحث ملف الهجرة.",
        );
        assert_eq!(count(&m, "rome"), 2);
        assert_eq!(count(&m, "seville"), 1);
        assert_eq!(count(&m, "as-roma"), 0);
        assert_eq!(count(&m, "sevilla-fc"), 0);
        // A club with no city of its name is still no club outside sport:
        // one passing word (a "ball" of fire) does not make a match report.
        let m =
            found("حريق في إسطنبول\n\nاندلعت كرة من اللهب قرب مقر غلطة سراي القديم في إسطنبول.");
        assert_eq!(count(&m, "galatasaray"), 0);
    }

    #[test]
    fn a_clubs_nickname_is_the_club_in_sport_news_only() {
        let m = found(
            "يوفنتوس يواصل الصدارة\n\nعاد فريق \"السيدة العجوز\" إلى الانتصارات في الدوري \
             الإيطالي، وسجل لاعب الوسط هدف المباراة الوحيد، فيما أشاد المدرب بأداء الفريق.",
        );
        assert_eq!(count(&m, "juventus"), 2);
        let m = found(
            "قصة إنسانية\n\nساعد شاب السيدة العجوز على عبور الطريق في وسط المدينة، \
             ونشر المارة صور الموقف على مواقع التواصل.",
        );
        assert_eq!(count(&m, "juventus"), 0);
    }

    #[test]
    fn a_bare_club_name_is_the_club_of_the_football_the_article_speaks_of() {
        // A Saudi league report: الهلال and الأهلي alone are the Saudi clubs.
        let m = found(
            "الهلال يتعادل مع الأهلي\n\nتعادل الهلال مع ضيفه الأهلي بهدف لمثله في المباراة التي \
             أقيمت في الدمام ضمن الجولة 22 من الدوري السعودي، وقال مدرب الأهلي إن لاعبيه \
             استحقوا الفوز.",
        );
        assert_eq!(count(&m, "al-hilal"), 2);
        assert_eq!(count(&m, "al-ahli-saudi"), 3);
        assert_eq!(count(&m, "al-ahly"), 0);
        // Saudi and Jordanian football both have a الفيصلي.
        let m = found(
            "الفتح يتقدم\n\nتغلب الفتح على الفيصلي بهدفين دون رد في المباراة التي أقيمت في \
             الأحساء ضمن الدوري السعودي للمحترفين، ليتقدم إلى المركز الرابع.",
        );
        assert_eq!(count(&m, "al-fateh"), 2);
        assert_eq!(count(&m, "al-faisaly-saudi"), 1);
        assert_eq!(count(&m, "al-faisaly"), 0);
        // An Egyptian league report: the same الأهلي is the Cairo club.
        let m = found(
            "الأهلي يقترب من اللقب\n\nفاز الأهلي على الإسماعيلي بهدفين في مباراة الدوري المصري، \
             وبات على بعد نقطة من لقبه الأربعين، وأشاد مدرب الأهلي بلاعبيه في القاهرة.",
        );
        assert_eq!(count(&m, "al-ahly"), 3);
        assert_eq!(count(&m, "al-ahli-saudi"), 0);
        // An Egyptian report naming the Saudi club in full: the bare name
        // later is the club named, whatever the country words say.
        let m = found(
            "صلاح الأهلي\n\nأعلن الأهلي السعودي ضم المهاجم المصري من الزمالك، وقال مدرب \
             الأهلي إن اللاعب سيشارك في المباراة المقبلة بالدوري.",
        );
        assert_eq!(count(&m, "al-ahli-saudi"), 3);
        assert_eq!(count(&m, "al-ahly"), 0);
        // Sport with no country's football in it names no club.
        let m = found(
            "الأهلي يخسر\n\nخسر الأهلي أمام ضيفه بهدفين في الدوري، وقال المدرب إن لاعبيه \
             لم يظهروا بمستواهم.",
        );
        assert_eq!((count(&m, "al-ahly"), count(&m, "al-ahli-saudi")), (0, 0));
        // Saudi words outside sport: the crescent and the victory are words.
        let m = found(
            "رؤية الهلال\n\nأعلنت المحكمة العليا في السعودية أن الهلال لم يُر مساء الأحد في \
             جدة، وتحدث الإمام في خطبته عن النصر على التطرف في الدمام.",
        );
        assert_eq!((count(&m, "al-hilal"), count(&m, "al-nassr")), (0, 0));
        // «الاتحاد السعودي» is the federation, not the club of Jeddah.
        let m = found(
            "عقوبات على الأندية\n\nأعلن الاتحاد السعودي لكرة القدم إيقاف لاعب اتحاد جدة \
             أربع مباريات، وقال الاتحاد السعودي إن المدرب غُرّم أيضا.",
        );
        assert_eq!(count(&m, "saudi-football-federation"), 2);
        assert_eq!(count(&m, "al-ittihad"), 1);
        // In Emirati football news الجزيرة is the club of Abu Dhabi, not the
        // channel; in sport news with no Emirati words it is most often
        // another league's club, so neither is read.
        let m = found(
            "الجزيرة يهدر تقدمه

أهدر الجزيرة بطل الإمارات تقدمه بهدف وتعادل مع ضيفه في المباراة التي أقيمت في              أبوظبي، فيما فاز العين على الوحدة في الدوري.",
        );
        assert_eq!(count(&m, "al-jazira-club"), 2);
        assert_eq!(count(&m, "al-jazeera"), 0);
        assert_eq!(count(&m, "al-ain-fc"), 1);
        assert_eq!(count(&m, "al-wahda-uae"), 1);
        let m = found(
            "شغب الملاعب

هاجم المدرب قنوات مثل الجزيرة بعد المباراة، وطالب اللاعبين              بالهدوء قبل نهاية الدوري.",
        );
        assert_eq!(count(&m, "al-jazeera"), 0);
        assert_eq!(count(&m, "al-jazira-club"), 0);
        // Outside sport it is the channel.
        let m = found("مقابلة\n\nقال وزير الخارجية في مقابلة مع الجزيرة إن المفاوضات مستمرة.");
        assert_eq!(count(&m, "al-jazeera"), 1);
    }

    #[test]
    fn a_place_name_after_a_title_or_a_nationality_is_a_person() {
        // A player called Lima, introduced by his nationality, is Lima all
        // through the report, and never Peru's capital.
        let m = found(
            "بنفيكا يفوز\n\nفاز بنفيكا على ضيفه بهدفين، وسجل البرازيلي ليما الهدف الأول من ركلة \
             جزاء. وقال المدرب إن ليما قدم مباراة كبيرة، فيما أهدر اللاعب ليما فرصة ثالثة.",
        );
        assert_eq!(count(&m, "lima"), 0);
        let m = found(
            "بورتو يتعادل\n\nسجل اللاعب البرازيلي ليما هدف التعادل لفريقه في الدوري البرتغالي، \
             وقال ليما إنه سعيد بالعودة.",
        );
        assert_eq!(count(&m, "lima"), 0);
        // A nationality that describes the noun before it, or a place
        // behind a preposition, leaves the place a place.
        let m = found(
            "ودية في باريس\n\nيلعب المنتخب الكولومبي فرنسا وديا الجمعة، وقال المسؤول الأوروبي \
             لروسيا إن الاتحاد الأوروبي وإيران يتحاوران.",
        );
        assert_eq!(count(&m, "france"), 1);
        assert_eq!(count(&m, "russia"), 1);
        assert_eq!(count(&m, "iran"), 1);
        // Peru's capital in a dispatch is the capital.
        let m = found("احتجاجات في بيرو\n\nخرج آلاف المحتجين إلى شوارع ليما عاصمة بيرو يوم السبت.");
        assert_eq!(count(&m, "lima"), 1);
    }

    #[test]
    fn a_name_with_a_long_vowel_dropped_is_read_alone_only_beside_the_name() {
        // ينكر ("denies") is يونكر without its و, لابد ("must") is لابيد
        // without its ي, مورينو is another player than مورينيو: alone, in
        // an article that names none of them, they are no one.
        let m = found(
            "وزير ينفي\n\nينكر الوزير أي علاقة بالصفقة، وقال إنه لابد من انتظار التحقيق. \
             وسجل جيرارد مورينو هدف الفوز لإسبانيول.",
        );
        assert_eq!(count(&m, "jean-claude-juncker"), 0);
        assert_eq!(count(&m, "yair-lapid"), 0);
        assert_eq!(count(&m, "jose-mourinho"), 0);
        // Beside the name, the shorter spelling is the same person, and a
        // full name so spelled is a name on its own.
        let m = found(
            "الكرملين\n\nقال الرئيس الروسي فلاديمير بوتين إن بلاده سترد، وأضاف بوتن أن \
             العقوبات لن تغير شيئا.",
        );
        assert_eq!(count(&m, "vladimir-putin"), 2);
        let m = found("موسكو\n\nقال الرئيس الروسي فلاديمير بوتن إن بلاده سترد.");
        assert_eq!(count(&m, "vladimir-putin"), 1);
    }

    #[test]
    fn a_city_telling_the_time_of_day_is_no_place_in_the_news() {
        // «بتوقيت مكة المكرمة» is the clock a draw is timed by: the report
        // is from Nyon, not Mecca.
        let m = found(
            "قرعة ربع النهائي\n\nتقام القرعة في نيون السويسرية في تمام الساعة الثانية ظهرا \
             بتوقيت مكة المكرمة، وتبث على الهواء مباشرة. ويبدأ البث في القاهرة وفق توقيت \
             القاهرة المحلي.",
        );
        assert_eq!(count(&m, "mecca"), 0);
        assert_eq!(count(&m, "cairo"), 1, "named once as a place");
    }

    #[test]
    fn a_place_spelled_like_a_word_is_found_only_in_its_countrys_news() {
        let m = found(
            "تقدم في البيضاء\n\nأعلن الجيش اليمني السيطرة على مواقع جديدة للحوثيين شمالي \
             البيضاء، فيما شنت مقاتلات التحالف غارات على الساحل الغربي لليمن وعلى مديرية نهم \
             شرق صنعاء، وقال مصدر عسكري إن المعارك امتدت إلى حجة.",
        );
        assert_eq!(count(&m, "al-bayda-yemen"), 2, "title and body");
        for place in ["yemen-west-coast", "nihm", "hajjah", "yemen"] {
            assert_eq!(count(&m, place), 1, "{place}: {m:?}");
        }
        // Elsewhere they are the words they are.
        let m = found(
            "قمة في الدار البيضاء\n\nرفع المحتجون الأعلام البيضاء على الساحل الغربي للبلاد، وقال \
             المتحدث إن الحكومة قدمت حجة مقنعة ضد الفساد والنهم للسلطة.",
        );
        for place in ["al-bayda-yemen", "yemen-west-coast", "nihm", "hajjah"] {
            assert_eq!(count(&m, place), 0, "{place}: {m:?}");
        }
        // سرت is Libya's Sirte and also "spread"; سيول is Seoul and "floods".
        let m = found(
            "اشتباكات قرب سرت\n\nعززت القوات الليبية مواقعها في مدينة سرت، فيما دعت سيول \
             وبيونغيانغ إلى الحوار بشأن شبه الجزيرة الكورية.",
        );
        assert_eq!(count(&m, "sirte"), 2, "{m:?}");
        assert_eq!(count(&m, "seoul"), 1, "{m:?}");
        let m = found(
            "سيول في الجنوب\n\nتسببت سيول جارفة في قطع الطرق، ونفى النادي الأنباء التي سرت \
             عن رحيل مدربه.",
        );
        assert_eq!(count(&m, "sirte") + count(&m, "seoul"), 0, "{m:?}");
    }

    #[test]
    fn a_city_inside_a_teams_name_is_the_team() {
        let m = found(
            "أتلتيكو يفوز\n\nفاز أتلتيكو مدريد على لوكوموتيف موسكو بثلاثة أهداف، فيما تعادل \
             استقلال طهران مع تراكتور سازي. وفي الدوري الأمريكي لكرة السلة للمحترفين قاد جيمس \
             هاردن فريقه هيوستن روكتس للفوز، وسجل هاردن 40 نقطة.",
        );
        for (slug, n) in [
            ("lokomotiv-moscow", 1),
            ("esteghlal", 1),
            ("tractor-fc", 1),
            ("nba", 1),
            ("houston-rockets", 1),
            ("james-harden", 2),
            ("moscow", 0),
            ("tehran", 0),
            ("houston", 0),
        ] {
            assert_eq!(count(&m, slug), n, "{slug}: {m:?}");
        }
        // Every US state is a place; a longer name holding one is not it.
        let m = found(
            "انتخابات فرعية\n\nفاز المرشح الديمقراطي في انتخابات بولاية بنسلفانيا، فيما تساقطت \
             الثلوج على جبال سييرا نيفادا الإسبانية وفي كانساس سيتي.",
        );
        for (slug, n) in [
            ("pennsylvania", 1),
            ("sierra-nevada", 1),
            ("kansas-city", 1),
            ("nevada", 0),
            ("kansas", 0),
        ] {
            assert_eq!(count(&m, slug), n, "{slug}: {m:?}");
        }
    }

    #[test]
    fn a_bare_peninsula_is_the_one_named_never_the_channel() {
        let m = found(
            "محادثات في سيول\n\nقال مسؤول كوري جنوبي إن نزع السلاح النووي في شبه الجزيرة الكورية \
             بات ممكنا، وأضاف أن الوضع في شبه الجزيرة تغير كثيرا بعد القمة.",
        );
        assert_eq!(count(&m, "korean-peninsula"), 2);
        assert_eq!(count(&m, "al-jazeera"), 0);
        // Named by no article's full name, it is no entity at all.
        let m = found(
            "محادثات في سيول\n\nقال مسؤول إن السلام في شبه الجزيرة بات ممكنا، فيما نقلت قناة \
             الجزيرة عن دبلوماسي أن المحادثات ستستأنف.",
        );
        assert_eq!(count(&m, "al-jazeera"), 1);
        assert_eq!(count(&m, "korean-peninsula"), 0);
    }

    #[test]
    fn the_shadda_tells_amman_from_oman() {
        // Written with its shadda, the city is named outright, clitics and
        // all, and a later bare عمان follows it.
        let m = found(
            "عنوان\n\nوصل وزير الخارجية إلى عمّان قادماً من القاهرة. وقال مسؤول بعمّان إن المحادثات بدأت، \
             وأضاف أن عمان ستستضيف جولة ثانية.",
        );
        assert_eq!(count(&m, "amman"), 3);
        assert_eq!(count(&m, "oman"), 0);
        let amman = m.iter().find(|m| m.slug == "amman").unwrap();
        assert_eq!(amman.variants, ["عمّان", "عمان"]);
        // Without it, and with neither named in full, عمان stays unread.
        let m = found("عنوان\n\nوصل وزير الخارجية إلى عمان قادماً من القاهرة.");
        assert_eq!((count(&m, "amman"), count(&m, "oman")), (0, 0));
        // Oman named in full: a bare عمان (or عُمان) is Oman, as before.
        let m = found("عنوان\n\nاستضافت سلطنة عمان المحادثات، وقالت عُمان إنها ستواصل وساطتها.");
        assert_eq!((count(&m, "amman"), count(&m, "oman")), (0, 2));
        // Both named: the city keeps its shadda, a bare عمان is left unread.
        let m = found(
            "عنوان\n\nانتقلت المحادثات من سلطنة عمان إلى عمّان. وقالت عمان إن الوساطة مستمرة.",
        );
        assert_eq!((count(&m, "amman"), count(&m, "oman")), (1, 1));
    }

    #[test]
    fn short_forms_follow_the_full_name() {
        let m = found(
            "عنوان\n\nالتقى وزير الخارجية الروسي سيرغي لافروف نظيره. وقال لافروف إن المحادثات كانت بناءة.",
        );
        assert_eq!(count(&m, "sergei-lavrov"), 2);
        // Without the full name, a bare short form is not enough.
        let m = found("عنوان\n\nتحدث يانغ عن المحادثات.");
        assert_eq!(count(&m, "yang-moo-jin"), 0);
    }

    #[test]
    fn a_family_name_shared_by_two_named_people_is_not_guessed() {
        let text = "عنوان\n\nاستقبل كيم جونغ أون الوفد الروسي. وقال كيم إن العلاقات قوية. \
                    وحذرت كيم يو جونغ واشنطن. وأضافت كيم أن بلادها لن تتراجع.";
        let m = found(text);
        // The first bare كيم follows Kim Jong Un alone; the second follows both.
        assert_eq!(count(&m, "kim-jong-un"), 2);
        assert_eq!(count(&m, "kim-yo-jong"), 1);
    }

    #[test]
    fn roles_count_only_for_a_named_current_holder() {
        let m = found(
            "عنوان\n\nأعلن الرئيس الروسي فلاديمير بوتين دعمه للاتفاق. وقال سيد الكرملين إن الرئيس الروسي السابق دميتري ميدفيديف سيحضر.",
        );
        // Named once, plus سيد الكرملين; the role before his name and the
        // former president do not add to his count.
        assert_eq!(count(&m, "vladimir-putin"), 2);
        assert_eq!(count(&m, "dmitry-medvedev"), 1);
        // Putin not named: the role alone says nothing.
        let m = found("عنوان\n\nقال الرئيس الروسي إن بلاده مستعدة للحوار.");
        assert_eq!(count(&m, "vladimir-putin"), 0);
    }

    #[test]
    fn prominence_separates_main_actors_from_passing_mentions() {
        let text = "بوتين يستقبل وزيرة خارجية كوريا الشمالية\n\nاستقبل الرئيس فلاديمير بوتين وزيرة خارجية كوريا الشمالية في موسكو. \
             وقال بوتين إن العلاقات تتطور. وأضاف بوتين أن التعاون سيتعزز.\n\nوكانت الصين قد دعت إلى الحوار.";
        let m = found(text);
        let prominence = |slug: &str| m.iter().find(|x| x.slug == slug).map(|x| x.prominence);
        assert_eq!(prominence("vladimir-putin"), Some(Prominence::Main));
        assert_eq!(prominence("north-korea"), Some(Prominence::Main));
        assert_eq!(prominence("china"), Some(Prominence::Passing));
        assert_eq!(m[0].slug, "vladimir-putin");
        let china = m.iter().find(|x| x.slug == "china").unwrap();
        let sentence = china.sentence.start as usize..china.sentence.end as usize;
        assert_eq!(&text[sentence], "وكانت الصين قد دعت إلى الحوار.");
        assert!(same(&china.variants[0], "الصين"));
    }
}
