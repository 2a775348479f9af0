//! Cleaning raw scraped text into article blocks.
//!
//! A scraped news page carries more than its article: the headline printed
//! again by each page widget, a site logo reduced to a stray "TT", photo
//! captions (often twice) whose photos are gone, "read also" teasers, the
//! writer's byline, wire sign-offs, a trailing block of related-article
//! teasers, and sometimes, after that block, a whole second article. The
//! cleaner reads the page line by line as an editor would: it keeps what is
//! article, marks subheadings, splits a second article off into its own
//! [`Cleaned`], and records everything else as [`Removed`] debris so that
//! `nashra inspect` shows what was taken out.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::article::{Block, BlockKind, DebrisKind, Removed};
use arabic::dates::date_line;
use arabic::lines::{
    at_most_words, before_closing_parenthetical, closing_parenthetical, ends_sentence,
    is_fully_quoted, tidy_spaces, unhashtag, unwrap_decorations, wire_dateline, word_count,
};
use arabic::{
    self, depends_on_previous, is_arabic_letter, is_letter, is_letter_or_digit, normalize,
};

/// One article recovered from a raw file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    /// The article's text blocks in reading order, headline lines included.
    pub blocks: Vec<Block>,
    /// What was removed as debris.
    pub removed: Vec<Removed>,
    /// The writer a byline names ("كتب: محمد علي" gives محمد علي).
    pub author: Option<String>,
}

/// The longest line taken for a headline or standfirst.
pub const TITLE_MAX_WORDS: usize = 25;
/// The longest line taken for a subheading inside the body.
const SUBHEADING_MAX_WORDS: usize = 12;
/// The fewest words of a line counted as running prose.
const PROSE_MIN_WORDS: usize = 8;
/// How many prose paragraphs in a row mark a full article rather than a
/// teaser (a teaser has one lede line under its headline).
const ARTICLE_RUN: usize = 3;
/// The longest line read as a byline: a dateline, a cue and a few names.
const BYLINE_MAX_WORDS: usize = 9;
/// A byline stands before the article's second prose paragraph …
const BYLINE_PROSE_BEFORE: usize = 1;
/// … or among its last lines.
const BYLINE_LAST_LINES: usize = 2;

/// A wire dateline opens one of the page's first two prose lines.
const DATELINE_PROSE_BEFORE: usize = 2;

/// Cleans one raw file into the articles it holds, in reading order.
pub fn clean(raw: &str) -> Vec<Cleaned> {
    let tidy: Vec<_> = raw
        .lines()
        .map(|line| match unhashtag(line) {
            Cow::Borrowed(line) => tidy_spaces(line),
            Cow::Owned(line) => Cow::Owned(tidy_spaces(&line).into_owned()),
        })
        .filter(|line| !line.is_empty())
        .collect();
    let lines: Vec<&str> = tidy.iter().map(|line| line.as_ref()).collect();
    let mut articles: Vec<Cleaned> = split_articles(&lines)
        .into_iter()
        .map(clean_article)
        .collect();
    if articles.is_empty() {
        articles.push(Cleaned::default());
    }
    articles
}

/// The text the stages read of an editor's Markdown article. It is not
/// scraped, so nothing is cut as page debris; but agency copy pasted into
/// it keeps the wire's dateline («دبي، الإمارات العربية المتحدة (CNN)--»)
/// and its hashtags, which would open its summary and hide its names. The
/// dateline is removed (and returned, as for a raw article, for the
/// stages that read the outlet or date in it) and hashtags become words;
/// the page still shows the Markdown as written.
pub fn written_blocks(blocks: Vec<Block>) -> (Vec<Block>, Vec<Removed>) {
    let mut removed = Vec::new();
    let mut lede = Lede::default();
    let blocks = blocks
        .into_iter()
        .map(|block| {
            let mut text = match unhashtag(&block.text) {
                Cow::Borrowed(_) => block.text,
                Cow::Owned(words) => tidy_spaces(&words).into_owned(),
            };
            if block.kind == BlockKind::Paragraph {
                let rest = lede.cut(&text, &mut removed);
                if rest.len() < text.len() {
                    text = rest.trim().to_string();
                }
            }
            Block {
                kind: block.kind,
                text,
            }
        })
        .filter(|block| !block.text.is_empty())
        .collect();
    (blocks, removed)
}

/// Where a wire dateline may stand: at the opening of one of the first
/// [`DATELINE_PROSE_BEFORE`] prose paragraphs, read in order.
#[derive(Default)]
struct Lede {
    prose_seen: usize,
}

impl Lede {
    /// The next paragraph without its wire dateline (recorded in
    /// `removed`) while the lede is still ahead.
    fn cut<'t>(&mut self, paragraph: &'t str, removed: &mut Vec<Removed>) -> &'t str {
        let dateline = (self.prose_seen < DATELINE_PROSE_BEFORE)
            .then(|| wire_dateline(paragraph))
            .flatten();
        let rest = match dateline {
            Some(at) => {
                removed.push(Removed {
                    kind: DebrisKind::WireDateline,
                    text: paragraph[..at].trim().to_string(),
                });
                &paragraph[at..]
            }
            None => paragraph,
        };
        self.prose_seen += usize::from(is_prose(rest));
        rest
    }
}

/// True for a line shaped like a headline: short, mostly Arabic, and not
/// closed by a full stop (a question or exclamation mark may close it).
pub fn is_headline_like(line: &str, max_words: usize) -> bool {
    let last = line
        .trim_end()
        .trim_end_matches(['»', '”', '"', ')'])
        .chars()
        .next_back();
    // The last character rules out most lines (prose ends with a full
    // stop) before their words are counted.
    last.is_some()
        && !matches!(last, Some('.' | ':' | '؛' | '…' | '،' | ','))
        && at_most_words(line, max_words)
        && arabic::is_mostly_arabic(line)
}

/// The lines of one article, with what splitting the page already removed.
#[derive(Default)]
struct Segment<'a> {
    lines: Vec<&'a str>,
    removed: Vec<Removed>,
}

/// Which kind of "related" heading opens a block of teasers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// "مقالات ذات صلة", "المزيد": the article is over.
    Trailing,
    /// "اقرأ أيضاً" on its own line: may be one teaser inside the article.
    Inline,
}

/// Headings that open a block of related-article teasers, as phrase keys.
const TRAILING_CUES: [&str; 15] = [
    "مقالات ذات صله",
    "اخبار ذات صله",
    "قصص ذات صله",
    "ذات صله",
    "مقالات مشابهه",
    "اخبار متعلقه",
    "مقالات مقترحه",
    "قد يهمك",
    "قد يهمك ايضا",
    "قد يعجبك ايضا",
    "الاكثر قراءه",
    "اخترنا لك",
    "المزيد",
    "المزيد من الاخبار",
    "اخر الاخبار",
];

/// Headings of a block of links that a page may print inside its article:
/// the article goes on after it unless a second one plainly starts.
const INLINE_CUES: [&str; 10] = [
    "مواضيع ذات صله",
    "موضوعات ذات صله",
    "روابط ذات صله",
    "اقرا ايضا",
    "اقرا المزيد",
    "اقرا كذلك",
    "شاهد ايضا",
    "طالع ايضا",
    "اقرا",
    "اقرا ايضا في",
];

fn related_cue(line: &str) -> Option<Cue> {
    if !at_most_words(line, 5) {
        return None;
    }
    let key = arabic::phrase_key(line);
    if TRAILING_CUES.contains(&key.as_str()) {
        Some(Cue::Trailing)
    } else if INLINE_CUES.contains(&key.as_str()) {
        Some(Cue::Inline)
    } else {
        None
    }
}

/// A paragraph of running text: long enough and closed like a sentence.
fn is_prose(line: &str) -> bool {
    ends_sentence(line) && !at_most_words(line, PROSE_MIN_WORDS - 1)
}

/// Cuts the page at related-article blocks. Lines of a block go to the
/// article before it as debris; a full article after the block (a run of
/// prose paragraphs, which teasers never have) starts a new segment.
fn split_articles<'a>(lines: &[&'a str]) -> Vec<Segment<'a>> {
    let mut segments = Vec::new();
    let mut current = Segment::default();
    let mut i = 0;
    while i < lines.len() {
        let Some(cue) = related_cue(lines[i]) else {
            current.lines.push(lines[i]);
            i += 1;
            continue;
        };
        let after = i + 1;
        if let Some(resume) = block_inside_article(lines, after, cue) {
            // Links printed inside the article, which then goes on.
            record(
                &mut current.removed,
                DebrisKind::ReadAlso,
                &lines[i..resume],
            );
            i = resume;
            continue;
        }
        let run = lines[after..]
            .windows(ARTICLE_RUN)
            .position(|w| w.iter().all(|l| is_prose(l)));
        let Some(run) = run.map(|p| after + p) else {
            record(&mut current.removed, DebrisKind::RelatedBlock, &lines[i..]);
            break;
        };
        let start = second_article_start(lines, after, run);
        record(
            &mut current.removed,
            DebrisKind::RelatedBlock,
            &lines[i..start],
        );
        segments.push(std::mem::take(&mut current));
        i = start;
    }
    segments.push(current);
    segments.retain(|s| !s.lines.is_empty());
    segments
}

/// The most link lines a block printed inside an article holds.
const MAX_INLINE_LINKS: usize = 6;

/// Where the article resumes after a block of links whose heading stands
/// just before `after`, when the block sits inside the article rather than
/// ending it: a few link lines (headlines, never prose), then prose again.
/// After an "اقرأ أيضاً" or "مواضيع ذات صلة" heading the article goes on
/// unless a second article plainly starts (its headline printed twice, a
/// logo remnant); after a trailing heading such as "مقالات ذات صلة" only
/// when the prose that follows continues a sentence before it (وأضاف …).
fn block_inside_article(lines: &[&str], after: usize, cue: Cue) -> Option<usize> {
    let resume = (after..lines.len())
        .take(MAX_INLINE_LINKS + 1)
        .find(|&k| is_prose(lines[k]))?;
    let links = &lines[after..resume];
    let second_article = links.iter().any(|l| is_site_marker(l))
        || links
            .iter()
            .enumerate()
            .any(|(k, l)| links[k + 1..].contains(l) || lines[resume..].contains(l));
    if second_article {
        return None;
    }
    match cue {
        Cue::Inline => Some(resume),
        Cue::Trailing => depends_on_previous(lines[resume]).then_some(resume),
    }
}

fn record(removed: &mut Vec<Removed>, kind: DebrisKind, lines: &[&str]) {
    removed.extend(lines.iter().map(|line| Removed {
        kind,
        text: line.to_string(),
    }));
}

/// Where the article whose prose starts at `run` begins, looking back over
/// the lines after the last teaser lede: at its headline, which a scraped
/// page usually prints more than once, else at the first headline-shaped
/// line that is not a byline or caption (those end in a parenthesis).
fn second_article_start(lines: &[&str], from: usize, run: usize) -> usize {
    let header = (from..run)
        .rev()
        .find(|&k| is_prose(lines[k]))
        .map_or(from, |k| k + 1);
    let candidates: Vec<usize> = (header..run)
        .filter(|&k| {
            is_headline_like(lines[k], TITLE_MAX_WORDS) && closing_parenthetical(lines[k]).is_none()
        })
        .collect();
    let printed_twice = candidates
        .iter()
        .copied()
        .find(|&k| (header..run).any(|m| m != k && lines[m] == lines[k]));
    printed_twice
        .or_else(|| {
            candidates
                .iter()
                .copied()
                .find(|&k| word_count(lines[k]) >= 4)
        })
        .or_else(|| candidates.first().copied())
        .unwrap_or(run)
}

/// Cleans the lines of one article into blocks and debris.
fn clean_article(segment: Segment<'_>) -> Cleaned {
    let Segment {
        lines,
        removed: split_removed,
    } = segment;
    let mut removed = Vec::new();

    let body_end = lines
        .iter()
        .rposition(|line| !is_sign_off(line))
        .map_or(0, |k| k + 1);
    let sign_offs = &lines[body_end..];

    // Date lines go first: a date glued to the lede leaves the lede behind.
    // A wire dateline goes too: it opens the lede, which a headline ending
    // in a question mark or a partner's note may precede, never a later
    // paragraph.
    let mut texts: Vec<&str> = Vec::with_capacity(body_end);
    let mut lede = Lede::default();
    for &line in &lines[..body_end] {
        let line = lede.cut(line, &mut removed);
        match date_line(line) {
            Some(found) => {
                let (date, rest) = line.split_at(found.rest);
                removed.push(Removed {
                    kind: DebrisKind::DateLine,
                    text: date.trim().to_string(),
                });
                if !rest.trim().is_empty() {
                    texts.push(rest.trim());
                }
            }
            None => texts.push(line),
        }
    }

    let mut counts: HashMap<&str, usize> = HashMap::with_capacity(texts.len());
    for &text in &texts {
        *counts.entry(text).or_default() += 1;
    }
    let doubled = |k: usize| {
        (k > 0 && texts[k - 1] == texts[k])
            || texts.get(k + 1).is_some_and(|next| *next == texts[k])
    };

    let mut blocks: Vec<Block> = Vec::with_capacity(texts.len());
    let mut kept: HashSet<&str> = HashSet::with_capacity(texts.len());
    let mut author = None;
    let mut prose_before = 0;
    for (k, &text) in texts.iter().enumerate() {
        let byline_place =
            prose_before <= BYLINE_PROSE_BEFORE || k + BYLINE_LAST_LINES >= texts.len();
        let debris = if is_year_heading(text) {
            None
        } else if is_site_marker(text) {
            Some(DebrisKind::SiteMarker)
        } else if !text.chars().any(is_arabic_letter) {
            Some(DebrisKind::Other)
        } else if is_read_also(text) {
            Some(DebrisKind::ReadAlso)
        } else if is_opinion_disclaimer(text) {
            if let Some(name) = disclaimer_author(text) {
                author.get_or_insert_with(|| name.to_string());
            }
            Some(DebrisKind::Disclaimer)
        } else if let Some(name) = byline_place
            .then(|| byline_author(text, blocks.is_empty()))
            .flatten()
        {
            author.get_or_insert_with(|| name.to_string());
            Some(DebrisKind::Byline)
        } else if kept.contains(text) {
            Some(if is_headline_like(text, TITLE_MAX_WORDS) {
                DebrisKind::RepeatedHeadline
            } else if is_caption(text) {
                DebrisKind::RepeatedCaption
            } else {
                DebrisKind::Other
            })
        } else if is_caption(text) {
            Some(if counts[text] > 1 {
                DebrisKind::RepeatedCaption
            } else {
                DebrisKind::Caption
            })
        } else if doubled(k) && !ends_sentence(text) && !at_most_words(text, SUBHEADING_MAX_WORDS) {
            // A long unpunctuated line printed twice in a row is a caption.
            Some(DebrisKind::RepeatedCaption)
        } else {
            None
        };
        match debris {
            Some(kind) => removed.push(Removed {
                kind,
                text: text.to_string(),
            }),
            None => {
                kept.insert(text);
                prose_before += usize::from(is_prose(text));
                blocks.push(block_for(text, &blocks));
            }
        }
    }

    record(&mut removed, DebrisKind::SignOff, sign_offs);
    removed.extend(split_removed);
    Cleaned {
        blocks,
        removed,
        author,
    }
}

/// A kept line as a block: a heading when shaped like one for its place
/// (the first two lines may be a long headline and standfirst; later
/// subheadings are short), a paragraph otherwise.
fn block_for(text: &str, before: &[Block]) -> Block {
    let in_header = match before {
        [] => true,
        [first] => first.kind == BlockKind::Heading,
        _ => false,
    };
    let max_words = if in_header {
        TITLE_MAX_WORDS
    } else {
        SUBHEADING_MAX_WORDS
    };
    let inner = unwrap_decorations(text);
    if is_year_heading(text) {
        return Block::heading(inner.trim_end_matches([':', ' ']));
    }
    let quotation = is_fully_quoted(text) && word_count(inner) > 4;
    if is_headline_like(text, max_words) && !quotation && !inner.is_empty() {
        Block::heading(inner)
    } else {
        Block::paragraph(text)
    }
}

/// A year standing as a sub-heading of a chronology: «- 2013 -», «2013:».
/// Content, though it has no letter, unlike a logo remnant.
fn is_year_heading(line: &str) -> bool {
    let inner = unwrap_decorations(line).trim_end_matches([':', ' ', '-', '–']);
    let digits = arabic::fold_digits(inner);
    digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && digits
            .parse::<u32>()
            .is_ok_and(|year| (1800..=2100).contains(&year))
}

/// A logo or widget remnant alone on its line: "TT", "•••", "|".
fn is_site_marker(line: &str) -> bool {
    !line.chars().any(is_arabic_letter)
        && line.chars().filter(|&c| is_letter_or_digit(c)).count() <= 4
}

/// "يقرأ …" or "اقرأ أيضاً: …" followed by another article's headline.
fn is_read_also(line: &str) -> bool {
    let mut words = line
        .split_whitespace()
        .map(|w| normalize(w.trim_matches(|c: char| !is_letter_or_digit(c))));
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    match first.as_str() {
        // "يقرأ" also opens real sentences; a teaser has no full stop.
        "يقرا" => !ends_sentence(line) && word_count(line) >= 3,
        "اقرا" | "شاهد" | "طالع" => {
            matches!(second.as_str(), "ايضا" | "المزيد" | "كذلك")
        }
        "للمزيد" => at_most_words(line, 20),
        _ => false,
    }
}

/// The longest line read as an opinion disclaimer.
const DISCLAIMER_MAX_WORDS: usize = 30;

/// A disclaimer speaks of opinions (normalised, with «و» where outlets
/// write it) …
const OPINION_WORDS: [&str; 8] = [
    "راي",
    "الراي",
    "رايه",
    "رايها",
    "اراء",
    "الاراء",
    "والاراء",
    "ارائهم",
];
/// … of their writers …
const WRITER_WORDS: [&str; 10] = [
    "كاتبه",
    "كاتبها",
    "كتابها",
    "كتابه",
    "الكاتب",
    "الكاتبه",
    "كاتبيها",
    "صاحبه",
    "صاحبها",
    "اصحابها",
];
/// … and of what the text voices or reflects.
const VOICES_WORDS: [&str; 8] = [
    "تعبر",
    "يعبر",
    "تمثل",
    "يمثل",
    "تعكس",
    "يعكس",
    "تعبير",
    "بالضروره",
];

/// The publisher's note that an opinion piece speaks for its writer only:
/// «** جميع المقالات المنشورة تمثل رأي كتابها فقط.», «هذا المقال بقلم …،
/// والآراء الواردة أدناه تعبر عن رأي الكاتبة، ولا تعكس بالضرورة وجهة نظر
/// الشبكة». A short line naming opinions, their writer and what voices
/// them; a story's own sentence about someone's opinion names no writer.
fn is_opinion_disclaimer(line: &str) -> bool {
    // Every line of every page is asked: one that writes no opinion word
    // in any spelling is passed over before it is split into words.
    const OPINION_WRITTEN: [&str; 6] = ["رأي", "راي", "آراء", "اراء", "آرائ", "ارائ"];
    if !OPINION_WRITTEN.iter().any(|o| line.contains(o))
        || !at_most_words(line, DISCLAIMER_MAX_WORDS)
    {
        return false;
    }
    let words = arabic::words(line);
    let has = |set: &[&str]| words.iter().any(|w| set.contains(&w.norm.as_str()));
    has(&OPINION_WORDS) && has(&WRITER_WORDS) && has(&VOICES_WORDS)
}

/// The writer a disclaimer names after «بقلم», up to the comma.
fn disclaimer_author(line: &str) -> Option<&str> {
    let cue = arabic::words(line).into_iter().find(|w| w.norm == "بقلم")?;
    let after = &line[cue.end..];
    let name = after[..after.find(['،', ',']).unwrap_or(after.len())].trim();
    is_writer_name(name).then_some(name)
}

/// Words that open a byline, normalised, and whether the name may follow
/// them without a colon or dash after the headline: "كتب محمد علي" is a
/// byline, but "تقرير" and "إعداد" also open headlines ("تقرير: الاقتصاد
/// ينمو") and need one, and never count on the page's first line.
const BYLINE_CUES: [(&str, bool); 9] = [
    ("كتب", true),
    ("كتبت", true),
    ("بقلم", true),
    ("تقرير", false),
    ("اعداد", false),
    ("تحرير", false),
    ("متابعه", false),
    ("ترجمه", false),
    ("حوار", false),
];

/// Titles written before a name in a byline, normalised.
const BYLINE_TITLES: [&str; 14] = [
    "د",
    "دكتور",
    "الدكتور",
    "الدكتوره",
    "الاستاذ",
    "الاستاذه",
    "المهندس",
    "الكاتب",
    "الكاتبه",
    "الصحفي",
    "الصحفيه",
    "الزميل",
    "الزميله",
    "الشيخ",
];

/// Nouns that open the subject of a sentence like "كتبت صحيفة واشنطن
/// بوست:", which is shaped like a byline but quotes a source.
const NOT_A_WRITER: [&str; 12] = [
    "صحيفه",
    "جريده",
    "مجله",
    "وكاله",
    "موقع",
    "قناه",
    "شبكه",
    "حساب",
    "منصه",
    "وزاره",
    "مصادر",
    "مصدر",
];

/// The writer a byline line names: "كتب: محمد علي", "كتبت - هدى محمود",
/// "بقلم د. سارة أحمد", "القاهرة - كتب أحمد سمير:", "إعداد: منى خالد".
/// `None` for any other line, such as a sentence of the story that opens
/// with the verb ("كتب الرئيس في تغريدة …"). `opens_page` says the line
/// comes before any kept text, where a headline stands: there only a cue
/// and a colon or dash make a byline ("كتب: محمد علي", but not "كتب نجيب
/// محفوظ", the books of a novelist).
fn byline_author(line: &str, opens_page: bool) -> Option<&str> {
    if !at_most_words(line, BYLINE_MAX_WORDS) {
        return None;
    }
    let words = arabic::words(line);
    // The cue opens the line, or follows a dateline of a word or two and a dash.
    let (at, bare) = words.iter().take(3).enumerate().find_map(|(k, w)| {
        BYLINE_CUES
            .iter()
            .find(|(cue, _)| *cue == w.norm)
            .map(|&(_, bare)| (k, bare))
    })?;
    if at > 0
        && !line[..words[at].start]
            .trim_end()
            .ends_with(['-', '–', '—', 'ـ', '،', ','])
    {
        return None;
    }
    let is_separator = |c: char| matches!(c, ':' | '-' | '–' | '—' | 'ـ' | '/');
    let after = line[words[at].end..].trim_start();
    let name = after.trim_start_matches(|c: char| is_separator(c) || c.is_whitespace());
    let separated = name.len() < after.len();
    let byline = match (bare, opens_page) {
        (true, false) => true,
        (true, true) | (false, false) => separated,
        (false, true) => false,
    };
    if !byline {
        return None;
    }
    // A role after a dash is not the name: "محمد علي - مراسل الشؤون العربية".
    let role = [" - ", " – ", " | "]
        .iter()
        .filter_map(|dash| name.find(dash))
        .min();
    let name = name[..role.unwrap_or(name.len())]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '،' | ','));
    is_writer_name(name).then_some(name)
}

/// A person's name as bylines write it: two to five words of letters,
/// after an optional title (د.، الدكتور), with no function word and no
/// article on the first name.
fn is_writer_name(text: &str) -> bool {
    if !text
        .chars()
        .all(|c| is_letter(c) || c == ' ' || c == '.' || arabic::is_ignorable(c))
    {
        return false;
    }
    let words = arabic::words(text);
    let names: Vec<&arabic::Word> = words
        .iter()
        .skip_while(|w| BYLINE_TITLES.contains(&w.norm.as_str()))
        .collect();
    let Some(first) = names.first() else {
        return false;
    };
    // على and the name علي fold together; the written letter tells them apart.
    let function_word = |w: &arabic::Word| {
        arabic::is_stop_word(&w.norm) && !(w.norm == "علي" && text[w.start..w.end].ends_with('ي'))
    };
    (2..=5).contains(&names.len())
        && !first.norm.starts_with("ال")
        && !NOT_A_WRITER.contains(&first.norm.as_str())
        && !names.iter().any(|w| function_word(w))
}

/// A photo caption: a line closed by a photo credit, "… (أ.ف.ب)".
fn is_caption(line: &str) -> bool {
    closing_parenthetical(line).is_some_and(is_photo_credit)
        && word_count(before_closing_parenthetical(line)) >= 3
        && !ends_sentence(before_closing_parenthetical(line))
}

/// Words that credit a photo rather than name a place or a person.
const CREDIT_WORDS: [&str; 15] = [
    "رويترز",
    "غيتي",
    "جيتي",
    "الاناضول",
    "وكالات",
    "ارشيفيه",
    "ارشيف",
    "صوره",
    "لقطه",
    "getty",
    "afp",
    "ap",
    "reuters",
    "epa",
    "shutterstock",
];

/// The inside of a closing parenthesis that credits a photo: an agency
/// abbreviation (أ.ف.ب، أ ب، إ.ب.أ), a credit word, or Latin letters only.
fn is_photo_credit(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let norm = normalize(inner);
    let abbreviation =
        norm.split(['.', ' ']).all(|part| part.chars().count() == 1) && norm.len() > 1;
    abbreviation
        || norm.split_whitespace().any(|w| CREDIT_WORDS.contains(&w))
        || !inner.chars().any(is_arabic_letter) && inner.chars().any(is_letter)
}

/// A wire-service sign-off or desk code closing the article:
/// "Agence France-Presse ©", "بور/ناش/غ ر", "(أ ف ب)", "المصدر: وكالات".
fn is_sign_off(line: &str) -> bool {
    // Sign-offs are short; a paragraph is read no further than its words.
    if !at_most_words(line, 10) && !line.contains('©') {
        return false;
    }
    let lower = line.to_lowercase();
    if line.contains('©')
        || lower.contains("(c)")
        || lower.contains("copyright")
        || line.contains("جميع الحقوق محفوظة")
    {
        return true;
    }
    if is_desk_code(line) {
        return true;
    }
    let words = word_count(line);
    let arabic = line.chars().any(is_arabic_letter);
    if words <= 4 && !arabic && line.chars().any(is_letter) {
        return true;
    }
    let bare = unwrap_decorations(line);
    if words <= 4 && bare.starts_with('(') && bare.ends_with(')') {
        return true;
    }
    let first = arabic::words(line)
        .into_iter()
        .next()
        .map(|w| w.norm)
        .unwrap_or_default();
    (first == "المصدر" && words <= 8)
        || (words <= 2 && matches!(first.as_str(), "وكالات" | "الوكالات"))
}

/// Slash-separated desk initials, as wire services print them: "بور/ناش/غ ر".
fn is_desk_code(line: &str) -> bool {
    let parts: Vec<&str> = line.split('/').map(str::trim).collect();
    let letters = |part: &str| part.chars().filter(|&c| is_letter(c)).count();
    let initials = |part: &str| {
        (1..=4).contains(&letters(part))
            && part.chars().all(|c| is_letter(c) || c == ' ')
            && word_count(part) <= 2
    };
    parts.len() >= 2
        && parts.iter().all(|part| initials(part))
        && (parts.len() >= 3 || parts.iter().all(|part| letters(part) <= 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(cleaned: &Cleaned, kind: DebrisKind) -> Vec<&str> {
        cleaned
            .removed
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.text.as_str())
            .collect()
    }

    fn texts(cleaned: &Cleaned) -> Vec<&str> {
        cleaned.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    const LEDE: &str = "قال وزير الخارجية المصري في مؤتمر صحافي بالقاهرة إن المحادثات مع الجانب الإثيوبي وصلت إلى طريق مسدود.";
    const SECOND: &str =
        "وأضاف أن بلاده ستلجأ إلى مجلس الأمن الدولي إذا استمر ملء السد من دون اتفاق ملزم.";
    const THIRD: &str =
        "ولم يصدر أي تعليق فوري من أديس أبابا على تصريحات الوزير حتى مساء اليوم الثلاثاء.";

    #[test]
    fn opinion_disclaimers_are_not_the_article() {
        // A network's column opens on its note, which names the writer; a
        // paper's column ends on its own.
        let note = "هذا المقال بقلم د. سلمى الحداد، والآراء الواردة أدناه تعبر عن رأي الكاتبة، ولا تعكس بالضرورة وجهة نظر شبكة CNN.";
        let raw = format!("لماذا تتعثر مفاوضات السد؟\n{note}\n{LEDE}\n{SECOND}");
        let cleaned = &clean(&raw)[0];
        assert_eq!(kinds(cleaned, DebrisKind::Disclaimer), [note]);
        assert_eq!(cleaned.author.as_deref(), Some("د. سلمى الحداد"));
        assert_eq!(texts(cleaned)[1], LEDE);

        let footer = "** جميع المقالات المنشورة تمثل رأي كتابها فقط.";
        let cleaned = &clean(&format!("{LEDE}\n{SECOND}\n{footer}"))[0];
        assert_eq!(texts(cleaned), [LEDE, SECOND]);
        assert_eq!(kinds(cleaned, DebrisKind::Disclaimer), [footer]);

        // A story about an opinion is the story.
        let story = "وقال المتحدث إن هذه الآراء تعبر عن موقف الحكومة الرسمي من المفاوضات الجارية.";
        let cleaned = &clean(&format!("{LEDE}\n{story}"))[0];
        assert_eq!(texts(cleaned), [LEDE, story]);
    }

    #[test]
    fn repeated_headline_and_site_marker() {
        let raw = format!(
            "مصر تلوّح بمجلس الأمن في أزمة السد\n\nمصر تلوّح بمجلس الأمن في أزمة السد\nTT\n\n{LEDE}\n\n{SECOND}\n"
        );
        let cleaned = &clean(&raw)[0];
        assert_eq!(
            texts(cleaned),
            ["مصر تلوّح بمجلس الأمن في أزمة السد", LEDE, SECOND]
        );
        assert_eq!(cleaned.blocks[0].kind, BlockKind::Heading);
        assert_eq!(
            kinds(cleaned, DebrisKind::RepeatedHeadline),
            ["مصر تلوّح بمجلس الأمن في أزمة السد"]
        );
        assert_eq!(kinds(cleaned, DebrisKind::SiteMarker), ["TT"]);
    }

    #[test]
    fn captions_printed_twice_are_removed_whole() {
        let caption = "وزير الخارجية المصري خلال مؤتمر صحافي في القاهرة أمس (رويترز)";
        let raw = format!("مصر تلوّح بمجلس الأمن\n{caption}\n{caption}\n{LEDE}\n{SECOND}");
        let cleaned = &clean(&raw)[0];
        assert_eq!(texts(cleaned), ["مصر تلوّح بمجلس الأمن", LEDE, SECOND]);
        assert_eq!(
            kinds(cleaned, DebrisKind::RepeatedCaption),
            [caption, caption]
        );
    }

    #[test]
    fn a_lone_caption_is_removed_but_a_bracketed_place_is_kept() {
        let raw = format!(
            "{LEDE}\nالرئيس المصري خلال لقائه رئيس الوزراء الإثيوبي (أ.ف.ب)\n{SECOND}\nوزير الخارجية المصري (القاهرة)"
        );
        let cleaned = &clean(&raw)[0];
        assert_eq!(
            kinds(cleaned, DebrisKind::Caption),
            ["الرئيس المصري خلال لقائه رئيس الوزراء الإثيوبي (أ.ف.ب)"]
        );
        assert!(texts(cleaned).contains(&"وزير الخارجية المصري (القاهرة)"));
    }

    #[test]
    fn inline_read_also_teasers() {
        let raw = format!(
            "{LEDE}\nيقرأ  السودان يعلن هدنة جديدة في الخرطومأخبار السودان\n{SECOND}\nاقرأ أيضاً: إثيوبيا تبدأ الملء الخامس للسد\n{THIRD}\nيقرأ الوزير بيانا أمام البرلمان غدا في جلسة علنية."
        );
        let cleaned = &clean(&raw)[0];
        assert_eq!(
            kinds(cleaned, DebrisKind::ReadAlso),
            [
                "يقرأ السودان يعلن هدنة جديدة في الخرطومأخبار السودان",
                "اقرأ أيضاً: إثيوبيا تبدأ الملء الخامس للسد"
            ]
        );
        // A real sentence opening with the verb stays.
        assert_eq!(texts(cleaned).len(), 4);
    }

    #[test]
    fn read_also_heading_with_one_teaser_inside_the_article() {
        let raw = format!(
            "مصر تلوّح بمجلس الأمن\n{LEDE}\nاقرأ أيضا\nإثيوبيا تبدأ الملء الخامس للسد\n{SECOND}\n{THIRD}\n{LEDE}"
        );
        let articles = clean(&raw);
        assert_eq!(articles.len(), 1);
        assert_eq!(
            kinds(&articles[0], DebrisKind::ReadAlso),
            ["اقرأ أيضا", "إثيوبيا تبدأ الملء الخامس للسد"]
        );
        assert_eq!(articles[0].blocks.len(), 4);
    }

    #[test]
    fn trailing_related_block_is_not_article() {
        let raw = format!(
            "مصر تلوّح بمجلس الأمن\n{LEDE}\n{SECOND}\n\nمقالات ذات صلة\n\nإثيوبيا تبدأ الملء الخامس للسد\n\
             أعلنت إثيوبيا بدء الملء الخامس لسد النهضة رغم اعتراض دولتي المصب على الخطوة.\n«الشرق الأوسط» (القاهرة)\n\
             السودان يعلن هدنة جديدة\nالخرطوم في صورة أرشيفية (أ.ف.ب)"
        );
        let articles = clean(&raw);
        assert_eq!(articles.len(), 1);
        assert_eq!(texts(&articles[0]), ["مصر تلوّح بمجلس الأمن", LEDE, SECOND]);
        let related = kinds(&articles[0], DebrisKind::RelatedBlock);
        assert_eq!(related.len(), 6);
        assert_eq!(related[0], "مقالات ذات صلة");
    }

    #[test]
    fn second_article_after_related_block_is_split_off() {
        let raw = format!(
            "مصر تلوّح بمجلس الأمن\n{LEDE}\n{SECOND}\nمقالات ذات صلة\nإثيوبيا تبدأ الملء الخامس للسد\n\
             أعلنت إثيوبيا بدء الملء الخامس لسد النهضة رغم اعتراض دولتي المصب على الخطوة.\n«الشرق الأوسط» (القاهرة)\n\
             السودان يعلن هدنة جديدة في الخرطوم\nالخرطوم في صورة أرشيفية (أ.ف.ب)\nالخرطوم في صورة أرشيفية (أ.ف.ب)\nTT\n\
             السودان يعلن هدنة جديدة في الخرطوم\n{THIRD}\n{SECOND}\n{LEDE}"
        );
        let articles = clean(&raw);
        assert_eq!(articles.len(), 2);
        assert_eq!(texts(&articles[0]), ["مصر تلوّح بمجلس الأمن", LEDE, SECOND]);
        assert_eq!(kinds(&articles[0], DebrisKind::RelatedBlock).len(), 4);
        let second = &articles[1];
        assert_eq!(
            texts(second),
            ["السودان يعلن هدنة جديدة في الخرطوم", THIRD, SECOND, LEDE]
        );
        assert_eq!(kinds(second, DebrisKind::RepeatedCaption).len(), 2);
        assert_eq!(
            kinds(second, DebrisKind::RepeatedHeadline),
            ["السودان يعلن هدنة جديدة في الخرطوم"]
        );
        assert_eq!(kinds(second, DebrisKind::SiteMarker), ["TT"]);
    }

    #[test]
    fn wire_sign_off_and_desk_code() {
        let raw = format!("{LEDE}\n{SECOND}\nبور/ناش/غ ر\nAgence France-Presse ©\n\n\n");
        let cleaned = &clean(&raw)[0];
        assert_eq!(texts(cleaned), [LEDE, SECOND]);
        assert_eq!(
            kinds(cleaned, DebrisKind::SignOff),
            ["بور/ناش/غ ر", "Agence France-Presse ©"]
        );
        for line in ["(أ ف ب)", "المصدر: الجزيرة + وكالات", "ح س/ع ش", "Reuters"]
        {
            assert!(is_sign_off(line), "{line}");
        }
        for line in [THIRD, "تموز/يوليو الماضي", "وكالة الأنباء السعودية"]
        {
            assert!(!is_sign_off(line), "{line}");
        }
    }

    #[test]
    fn date_lines_are_consumed() {
        let raw = format!(" date 2025-08-13 {LEDE}\n\n{SECOND}");
        let cleaned = &clean(&raw)[0];
        assert_eq!(texts(cleaned), [LEDE, SECOND]);
        assert_eq!(kinds(cleaned, DebrisKind::DateLine), ["date 2025-08-13"]);

        let raw =
            format!("مصر تلوّح بمجلس الأمن\nتصعيد جديد في أزمة السد\nنشر في 27 أكتوبر 2025\n{LEDE}");
        let cleaned = &clean(&raw)[0];
        assert_eq!(
            texts(cleaned),
            ["مصر تلوّح بمجلس الأمن", "تصعيد جديد في أزمة السد", LEDE]
        );
        assert_eq!(
            kinds(cleaned, DebrisKind::DateLine),
            ["نشر في 27 أكتوبر 2025"]
        );
    }

    #[test]
    fn bylines_are_removed_and_name_the_author() {
        let cases = [
            ("كتب: محمد علي", "محمد علي"),
            ("كتبت - هدى محمود", "هدى محمود"),
            ("بقلم: سارة أحمد", "سارة أحمد"),
            ("بقلم د. سارة أحمد", "د. سارة أحمد"),
            ("كتب أحمد سمير", "أحمد سمير"),
            ("القاهرة - كتب أحمد سمير:", "أحمد سمير"),
            ("الخرطوم ـ كتبت منى عبد الرحمن", "منى عبد الرحمن"),
            ("تقرير: عمرو عبد الحميد", "عمرو عبد الحميد"),
            ("إعداد: منى خالد - قسم الشؤون العربية", "منى خالد"),
        ];
        for (byline, author) in cases {
            let raw = format!("مصر تلوّح بمجلس الأمن في أزمة السد\n{byline}\n{LEDE}\n{SECOND}");
            let cleaned = &clean(&raw)[0];
            assert_eq!(
                texts(cleaned),
                ["مصر تلوّح بمجلس الأمن في أزمة السد", LEDE, SECOND],
                "{byline}"
            );
            assert_eq!(kinds(cleaned, DebrisKind::Byline), [byline]);
            assert_eq!(cleaned.author.as_deref(), Some(author), "{byline}");
        }
        // At the end of the article too.
        let cleaned = &clean(&format!("{LEDE}\n{SECOND}\n{THIRD}\nكتبت: هدى محمود"))[0];
        assert_eq!(texts(cleaned), [LEDE, SECOND, THIRD]);
        assert_eq!(cleaned.author.as_deref(), Some("هدى محمود"));
    }

    #[test]
    fn sentences_with_the_verb_are_not_bylines() {
        let story = [
            "كتب الرئيس في تغريدة أن المحادثات انتهت",
            "كتب ترامب على منصته: «لن نتراجع»",
            "كتبت صحيفة واشنطن بوست:",
            "وكتب عليها: «ترحيب حار بالرئيس»",
            "كتب في 2024 مقالاً عن الأزمة",
            "كتب رئيس الوزراء رسالة إلى نظيره الإثيوبي يطالبه فيها بوقف الملء",
        ];
        for line in story {
            let raw = format!("مصر تلوّح بمجلس الأمن\n{line}\n{LEDE}");
            let cleaned = &clean(&raw)[0];
            assert!(texts(cleaned).contains(&line), "{line}");
            assert_eq!(cleaned.author, None, "{line}");
        }
        // Opening the page, "تقرير:" is a headline's kicker, and "كتب"
        // (books) without a colon a headline's first word.
        for headline in ["تقرير: ارتفاع أسعار الذهب", "كتب نجيب محفوظ"]
        {
            let raw = format!("{headline}\n{LEDE}");
            assert_eq!(clean(&raw)[0].blocks[0].text, headline);
        }
        let raw = format!("كتب: محمد علي\nمصر تلوّح بمجلس الأمن\n{LEDE}");
        assert_eq!(clean(&raw)[0].author.as_deref(), Some("محمد علي"));
        // Deep in the story, a byline-shaped line is left alone.
        let raw = format!("{LEDE}\n{SECOND}\nكتب أحمد سمير\n{THIRD}\n{LEDE}\n{SECOND}");
        assert_eq!(clean(&raw)[0].author, None);
    }

    #[test]
    fn subheadings_and_quotes_are_kept() {
        let raw = format!(
            "{LEDE}\n– تحالف عسكري –\n{SECOND}\n\"تداعيات إيجابية\"\n{THIRD}\nزعيمان «في الحب»\n«قد لا يكون ذلك محور الاجتماع المرتقب»\n“نحن هنا”، قال الوزير في ختام كلمته أمام الصحافيين في القاهرة."
        );
        let cleaned = &clean(&raw)[0];
        let headings: Vec<&str> = cleaned
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(
            headings,
            ["تحالف عسكري", "تداعيات إيجابية", "زعيمان «في الحب»"]
        );
        assert_eq!(cleaned.blocks.len(), 8);
        assert!(cleaned.removed.is_empty(), "{:?}", cleaned.removed);
    }

    #[test]
    fn wire_dateline_leaves_the_lede_and_hashtags_become_words() {
        let raw = format!(
            "الحوثيون يستهدفون مواقع في الساحل الغربي\nدبي، الإمارات العربية المتحدة (CNN)-- أفشلت قوات #الجيش_اليمني هجوما بحريا في #الساحل_الغربي جنوب الحديدة.\n{SECOND}"
        );
        let cleaned = &clean(&raw)[0];
        assert_eq!(
            texts(cleaned)[1],
            "أفشلت قوات الجيش اليمني هجوما بحريا في الساحل الغربي جنوب الحديدة."
        );
        assert_eq!(
            kinds(cleaned, DebrisKind::WireDateline),
            ["دبي، الإمارات العربية المتحدة (CNN)--"]
        );
        // A later paragraph opening the same way is quoted text, not a dateline.
        let raw = format!(
            "{LEDE}\n{SECOND}\nموسكو (رويترز) - قال الكرملين إن الرئيس سيزور الصين الشهر المقبل."
        );
        assert!(kinds(&clean(&raw)[0], DebrisKind::WireDateline).is_empty());
    }

    #[test]
    fn links_printed_inside_the_article_never_split_it() {
        for cue in ["اقرأ أيضاً:", "مواضيع ذات صلة", "اقرأ المزيد"] {
            let raw = format!(
                "مصر تلوّح بمجلس الأمن في أزمة السد\n{LEDE}\n{cue}\nإثيوبيا تبدأ الملء الخامس للسد\nالسودان يعلن هدنة جديدة في الخرطوم\nالبرهان يلتقي وفدا أمميا في بورتسودان\n{SECOND}\n{THIRD}\nوأكد الوزير أن بلاده ستواصل التنسيق مع السودان في كل الخطوات المقبلة."
            );
            let articles = clean(&raw);
            assert_eq!(articles.len(), 1, "{cue}");
            assert_eq!(texts(&articles[0]).len(), 5, "{cue}");
            assert_eq!(kinds(&articles[0], DebrisKind::ReadAlso).len(), 4, "{cue}");
        }
        // After a trailing heading, prose that continues a sentence is the article going on.
        let raw = format!(
            "مصر تلوّح بمجلس الأمن\n{LEDE}\nمقالات ذات صلة\nإثيوبيا تبدأ الملء الخامس للسد\n{SECOND}\n{THIRD}\n{LEDE}"
        );
        assert_eq!(clean(&raw).len(), 1);
    }

    #[test]
    fn years_heading_a_chronology_are_kept() {
        let raw = format!("{LEDE}\nTT\n- 2013 -\n{SECOND}\n2014:\n{THIRD}\n٢٠١٥\n{LEDE}");
        let cleaned = &clean(&raw)[0];
        let headings: Vec<&str> = cleaned
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(headings, ["2013", "2014", "٢٠١٥"]);
        assert_eq!(kinds(cleaned, DebrisKind::SiteMarker), ["TT"]);
    }
}
