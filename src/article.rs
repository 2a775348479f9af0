//! The article model that flows through the pipeline.
//!
//! `load` produces [`Document`](crate::load::Document)s, cleaning and enrichment turn each into one
//! or more [`Article`]s, later stages (entities, topics, stories, summaries)
//! fill in their fields, and rendering only reads them.

use std::ops::Range;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// A block of article text as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A subheading inside the article.
    Heading,
}

impl Block {
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
        }
    }
    pub fn heading(text: impl Into<String>) -> Block {
        Block {
            kind: BlockKind::Heading,
            text: text.into(),
        }
    }
}

/// A block of an article's stored text: its kind, and its text borrowed
/// from the article. Serialised as a [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BlockRef<'a> {
    pub kind: BlockKind,
    pub text: &'a str,
}

/// Where a fact about an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Stated by the editor in front matter.
    FrontMatter,
    /// Read from the article's own text.
    Text,
    /// Read from the file's name or folders.
    FileName,
    /// Taken from the story the article belongs to.
    Story,
    /// Not known.
    None,
}

/// A fact together with the evidence for it, for `nashra inspect`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub origin: Origin,
    /// The words in the text (or the front matter key) that support it.
    pub detail: String,
}

impl Evidence {
    pub fn none() -> Evidence {
        Evidence {
            origin: Origin::None,
            detail: String::new(),
        }
    }
    pub fn front_matter(key: &str) -> Evidence {
        Evidence {
            origin: Origin::FrontMatter,
            detail: format!("front matter `{key}`"),
        }
    }
    pub fn text(detail: impl Into<String>) -> Evidence {
        Evidence {
            origin: Origin::Text,
            detail: detail.into(),
        }
    }
}

/// Text removed from a raw article as scraping debris, kept so that
/// `nashra inspect` can show that nothing disappeared unseen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub kind: DebrisKind,
    pub text: String,
}

/// The kinds of scraping debris the cleaner recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DebrisKind {
    /// A headline printed again.
    RepeatedHeadline,
    /// A site marker alone on a line (e.g. "TT").
    SiteMarker,
    /// A photo caption printed twice in a row.
    RepeatedCaption,
    /// A photo caption (ending in a photo credit such as «(أ.ف.ب)») whose
    /// photo the scrape did not keep.
    Caption,
    /// An inline "read also" teaser (يقرأ / اقرأ أيضاً …).
    ReadAlso,
    /// A trailing block of related-article teasers.
    RelatedBlock,
    /// A wire-service sign-off or desk code line.
    SignOff,
    /// A publication-date line, consumed as date evidence.
    DateLine,
    /// A wire dateline opening the lede: the place and the agency credited
    /// («دبي، الإمارات العربية المتحدة (CNN)--», «باريس (أ ف ب) -»), kept
    /// as source evidence but not as the article's first words.
    WireDateline,
    /// A byline inside the body ("كتب: محمد علي", "بقلم سارة أحمد"); the
    /// name becomes the article's author.
    Byline,
    /// The publisher's note that an opinion piece speaks for its writer
    /// alone («جميع المقالات المنشورة تمثل رأي كتابها فقط»).
    Disclaimer,
    /// Anything else recognised as not part of the article.
    Other,
}

/// An article's publication time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Published {
    /// The day in the site's time zone.
    pub date: NaiveDate,
    /// The exact time, when the source gave one.
    pub time: Option<DateTime<FixedOffset>>,
}

/// How prominent an entity is in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Prominence {
    /// One of the article's main actors.
    Main,
    /// Mentioned in passing.
    Passing,
}

/// An entity as it appears in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Slug of the entity in the entity list.
    pub slug: String,
    /// How many times it is mentioned.
    pub count: usize,
    pub prominence: Prominence,
    /// The spellings used in this article, as written.
    pub variants: Vec<String>,
    /// The first sentence that mentions it, as a byte range of the
    /// article's titled text (see [`Article::titled_text`]; read it with
    /// [`Article::sentence_naming`]): a large archive has one per entity
    /// and article, and each is already in the article. Empty when unknown.
    pub sentence: Range<u32>,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    /// Named in front matter but not in any entity list.
    Other,
}

/// How a candidate was introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NameContext {
    /// A speech verb before it and إن/أن or a colon after it, or a
    /// nationality before it (والبلجيكي روميلو لوكاكو): weaker, since the
    /// subject may be an ordinary noun, but for a foreign name of two
    /// words after a nationality, which says as much as a title.
    Speech,
    /// A title, or the head word of an organisation or a place.
    Title,
    /// An office after the name and a comma (عادل عزت، رئيس الاتحاد):
    /// the name's start is where the words stop being name-like, so a
    /// verb before it may cling to it until the corpus says it is one.
    Apposition,
    /// A verb of scoring before it and what was scored after it (أحرز
    /// تياغو ألكانتارا الهدف الأول): a name of two words or more so read
    /// is as sure as one after a title; one word may be a club's.
    Feat,
    /// A public body named by its kind and its country's adjective
    /// (الجيش السوري, وزارة الخارجية الروسية): a name by its form alone,
    /// whose words are ordinary ones.
    Institution,
}

/// A name seen in a naming context in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The name's normalised words, space separated.
    pub key: String,
    /// The name as written.
    pub surface: String,
    pub kind: EntityKind,
    /// The title, head word or nationality before it as written (الرئيس
    /// الفلسطيني, نادي, الأميركية), or the office after it, empty after a
    /// speech verb.
    pub cue: String,
    pub context: NameContext,
}

/// A quotation attributed to a listed person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: String,
    pub text: String,
}

/// Whether an article came from `seeds/` (raw) or `content/` (Markdown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Raw,
    Markdown,
}

/// One article, as understood by nashra.
/// Serialised only for the analysis cache ([`crate::analysis_cache`]);
/// `nashra inspect` shows its own view of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    /// Path of the input file, relative to the site root (`seeds/x.txt`).
    pub file: String,
    /// 1 for the first article in the file, 2 for a second one split from it.
    pub part: usize,
    pub kind: SourceKind,
    /// URL slug, unique across articles.
    pub slug: String,
    pub title: String,
    /// True when no headline was found and the title was derived from the lede.
    pub title_derived: bool,
    pub subtitle: Option<String>,
    pub published: Option<Published>,
    pub date_evidence: Evidence,
    /// The outlet that published it.
    pub source: Option<String>,
    pub source_evidence: Evidence,
    /// The writer, as a byline in the text names them.
    pub author: Option<String>,
    /// The original URL, when known.
    pub url: Option<String>,
    /// The plain text every stage reads: the cleaned blocks a raw
    /// article's page shows, the text of a Markdown one.
    text: Text,
    /// Where a Markdown article's body lies in its file: its page renders
    /// the HTML from there, so that no article's HTML is held for the
    /// whole build.
    markdown: Option<Box<Excerpt>>,
    /// Sentences and stems of the text, read once for every analysis stage.
    reading: Reading,
    /// Topic slugs.
    pub topics: Vec<String>,
    pub entities: Vec<Mention>,
    pub quotes: Vec<Quote>,
    /// Unlisted names seen in naming contexts, for the corpus to judge
    /// ([`crate::entities::discover`]).
    pub candidates: Vec<Candidate>,
    /// The summary shown in listings and feeds.
    pub summary: String,
    /// Where the summary came from.
    pub summary_origin: Origin,
    pub word_count: usize,
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
    /// Index of the story this article belongs to, once stories are built.
    pub story: Option<usize>,
}

impl Article {
    /// A raw article: its cleaned blocks are what pages show and what the
    /// analysis reads.
    pub fn from_blocks(file: String, part: usize, title: String, blocks: Vec<Block>) -> Article {
        Article::new(file, part, SourceKind::Raw, title, blocks, None)
    }

    /// A Markdown article: its page shows the HTML of the body at
    /// `excerpt` of its file, the analysis reads its plain-text `blocks`.
    pub fn from_markdown_file(
        file: String,
        title: String,
        excerpt: Excerpt,
        blocks: Vec<Block>,
    ) -> Article {
        Article::new(
            file,
            1,
            SourceKind::Markdown,
            title,
            blocks,
            Some(Box::new(excerpt)),
        )
    }

    /// An article as reading its file leaves it: sentences and stems, with
    /// every later stage's field still empty.
    fn new(
        file: String,
        part: usize,
        kind: SourceKind,
        title: String,
        blocks: Vec<Block>,
        markdown: Option<Box<Excerpt>>,
    ) -> Article {
        let text = Text::of(&blocks);
        drop(blocks);
        let (reading, word_count) = Reading::of(&title, &text);
        Article {
            file,
            part,
            kind,
            slug: String::new(),
            title,
            title_derived: false,
            subtitle: None,
            published: None,
            date_evidence: Evidence::none(),
            source: None,
            source_evidence: Evidence::none(),
            author: None,
            url: None,
            text,
            markdown,
            reading,
            topics: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            candidates: Vec::new(),
            summary: String::new(),
            summary_origin: Origin::None,
            word_count,
            removed: Vec::new(),
            warnings: Vec::new(),
            story: None,
        }
    }

    /// The blocks of plain text every analysis stage reads: the shown
    /// blocks of a raw article, the text of a Markdown one.
    pub fn text_blocks(&self) -> impl ExactSizeIterator<Item = BlockRef<'_>> + Clone + '_ {
        self.text.blocks()
    }

    /// The body as one plain text, blocks separated by blank lines.
    pub fn plain_text(&self) -> &str {
        &self.text.joined
    }

    /// The title, a blank line and the body (no blank line when the body
    /// is empty), as the entity matcher reads them, with the byte range of
    /// each sentence in that text.
    pub fn titled_text(&self) -> (String, Vec<Range<usize>>) {
        let body = self.plain_text();
        let mut text = String::with_capacity(self.title.len() + 2 + body.len());
        text.push_str(&self.title);
        if !self.text.blocks.is_empty() {
            text.push_str("\n\n");
        }
        let at = text.len();
        text.push_str(body);
        let spans = self
            .reading
            .sentences
            .iter()
            .map(|s| at + s.start as usize..at + s.end as usize)
            .collect();
        (text, spans)
    }

    /// The text at `span` of [`Article::titled_text`], read in place.
    pub fn titled_span(&self, span: Range<u32>) -> &str {
        let span = span.start as usize..span.end as usize;
        let body_at = self.title.len() + 2;
        if span.start >= body_at {
            &self.plain_text()[span.start - body_at..span.end - body_at]
        } else {
            &self.title[span]
        }
    }

    /// The first sentence naming an entity this article mentions (empty
    /// when none is known).
    pub fn sentence_naming(&self, mention: &Mention) -> &str {
        self.titled_span(mention.sentence.clone())
    }

    /// Where a Markdown article's body lies in its file; `None` for a raw
    /// article, whose page shows [`Article::text_blocks`].
    pub fn markdown_excerpt(&self) -> Option<&Excerpt> {
        self.markdown.as_deref()
    }

    /// How many sentences the body's paragraphs hold.
    pub fn sentence_count(&self) -> usize {
        self.reading.sentences.len()
    }

    /// The `i`-th sentence of the body's paragraphs (headings are not
    /// sentences).
    pub fn sentence(&self, i: usize) -> &str {
        let s = &self.reading.sentences[i];
        &self.text.joined[s.start as usize..s.end as usize]
    }

    /// Where each sentence of [`Article::sentences`] falls in the body's
    /// text, as a byte range.
    pub fn sentence_ranges(&self) -> impl ExactSizeIterator<Item = Range<usize>> + '_ {
        self.reading
            .sentences
            .iter()
            .map(|s| s.start as usize..s.end as usize)
    }

    /// The sentences of the body's paragraphs, in reading order.
    pub fn sentences(&self) -> impl ExactSizeIterator<Item = &str> + Clone + '_ {
        (0..self.sentence_count()).map(|i| self.sentence(i))
    }

    /// Hashed content stems of the title (see [`arabic::stem_hashes`]).
    pub fn title_stems(&self) -> &[u32] {
        &self.reading.stems[..self.reading.title_stems as usize]
    }

    /// Hashed content stems of the whole body, headings included, in
    /// reading order: equal to `stem_hashes(&self.plain_text())`.
    pub fn body_stems(&self) -> &[u32] {
        &self.reading.stems[self.reading.title_stems as usize..]
    }

    /// Hashed content stems of the `i`-th sentence.
    pub fn sentence_stems(&self, i: usize) -> &[u32] {
        let s = &self.reading.sentences[i];
        &self.reading.stems[s.stems_start as usize..s.stems_end as usize]
    }

    /// Lets go of what only the analysis stages read (sentences and
    /// stems), once they are done: pages show the text, summaries and
    /// mentions, which stay.
    pub fn forget_reading(&mut self) {
        self.reading = Reading::default();
    }

    /// A human label for messages: `seeds/x.txt` or `seeds/x.txt (article 2)`.
    pub fn label(&self) -> String {
        if self.part > 1 {
            format!("{} (article {})", self.file, self.part)
        } else {
            self.file.clone()
        }
    }
}

/// An article's blocks, stored once: their texts joined by blank lines
/// (the plain text the analysis reads, and what mention sentences point
/// into) and where each block lies in it. One allocation instead of a
/// string per block, and no second copy when the text is read whole.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Text {
    #[serde(with = "checked_text")]
    joined: String,
    blocks: Vec<BlockSpan>,
}

/// A block as a byte range of [`Text::joined`]. Offsets are 32-bit: an
/// article is never 4 GB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct BlockSpan {
    kind: BlockKind,
    start: u32,
    end: u32,
}

impl Text {
    fn of(blocks: &[Block]) -> Text {
        let size = blocks.iter().map(|b| b.text.len() + 2).sum::<usize>();
        let mut joined = String::with_capacity(size.saturating_sub(2));
        let mut spans = Vec::with_capacity(blocks.len());
        for (i, b) in blocks.iter().enumerate() {
            if i > 0 {
                joined.push_str("\n\n");
            }
            let start = joined.len() as u32;
            joined.push_str(&b.text);
            spans.push(BlockSpan {
                kind: b.kind,
                start,
                end: joined.len() as u32,
            });
        }
        Text {
            joined,
            blocks: spans,
        }
    }

    fn blocks(&self) -> impl ExactSizeIterator<Item = BlockRef<'_>> + Clone + '_ {
        self.blocks.iter().map(|b| BlockRef {
            kind: b.kind,
            text: &self.joined[b.start as usize..b.end as usize],
        })
    }
}

/// A sentence as a byte range of [`Text::joined`], and the range of its
/// stems in [`Reading::stems`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Sentence {
    start: u32,
    end: u32,
    stems_start: u32,
    stems_end: u32,
}

/// What every analysis stage reads of an article, worked out once when it
/// is read: topics, summaries and story features used to tokenise and stem
/// the same sentences again each, and each sentence was a string of its own.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Reading {
    sentences: Vec<Sentence>,
    /// Hashed content stems: the title's, then the body's in reading order.
    #[serde(with = "fixed_width")]
    stems: Vec<u32>,
    /// How many of `stems` are the title's.
    title_stems: u32,
}

impl Reading {
    /// The sentences and stems of `title` and `text`, and the body's word
    /// count, in one pass over the text. Paragraphs are read sentence by
    /// sentence, headings whole: they carry topic evidence but are not
    /// sentences a summary could take.
    fn of(title: &str, text: &Text) -> (Reading, usize) {
        let mut stems = Vec::with_capacity((title.len() + text.joined.len()) / 16);
        arabic::push_stem_hashes(title, &mut stems);
        let title_stems = stems.len() as u32;
        let mut sentences = Vec::new();
        let mut words = 0;
        for (span, block) in text.blocks.iter().zip(text.blocks()) {
            if block.kind == BlockKind::Heading {
                words += arabic::push_stem_hashes(block.text, &mut stems);
                continue;
            }
            for range in arabic::sentence_ranges(block.text) {
                let stems_start = stems.len() as u32;
                words += arabic::push_stem_hashes(&block.text[range.clone()], &mut stems);
                sentences.push(Sentence {
                    start: span.start + range.start as u32,
                    end: span.start + range.end as u32,
                    stems_start,
                    stems_end: stems.len() as u32,
                });
            }
        }
        // Copied at their exact length, not shrunk in place: the allocator
        // keeps a block that shrinks by less than half at its old size, and
        // these are held for every article of the archive.
        let reading = Reading {
            sentences: sentences.as_slice().to_vec(),
            stems: stems.as_slice().to_vec(),
            title_stems,
        };
        (reading, words)
    }
}

/// An article's text as the analysis cache stores it: a plain string,
/// checked as UTF-8 with SIMD when read back. Articles' texts are most of
/// the cache, and checking them was two fifths of decoding it.
mod checked_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        let bytes: &[u8] = Deserialize::deserialize(deserializer)?;
        simdutf8::basic::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| serde::de::Error::custom("an article's text is not UTF-8"))
    }
}

/// Stem hashes as fixed-width little-endian bytes: they are uniformly
/// spread 32-bit values, which a variable-length integer encoding would
/// store in five bytes each, and slower.
mod fixed_width {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(values: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        serializer.serialize_bytes(&bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
        let bytes: &[u8] = Deserialize::deserialize(deserializer)?;
        if !bytes.len().is_multiple_of(4) {
            return Err(serde::de::Error::custom("stem hashes are 4 bytes each"));
        }
        Ok(bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("chunks of 4")))
            .collect())
    }
}

/// A part of an input file that is read again when it is needed instead
/// of being held for the whole build (a Markdown body, rendered to HTML
/// only when its page is written; see `load::read_excerpt`), with the file's hash at load time so
/// that a file edited in between is noticed instead of silently mixed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Excerpt {
    /// The file, as it was read.
    pub path: std::path::PathBuf,
    /// Byte range of the part in the file.
    pub range: Range<usize>,
    /// xxh3 of the whole file as it was loaded.
    pub hash: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use arabic::{stem_hashes, word_count};

    fn article() -> Article {
        Article::from_blocks(
            "seeds/x.txt".into(),
            1,
            "البنك المركزي يثبت أسعار الفائدة".into(),
            vec![
                Block::paragraph(
                    "أبقى البنك المركزي المصري أسعار الفائدة دون تغيير. وقال البيان: «التضخم يتراجع. والنمو يتحسن».\nسطر ثانٍ بلا نقطة",
                ),
                Block::heading("تراجع التضخم"),
                Block::paragraph("...\nوتراجع معدل التضخم إلى 13.9 في المئة في يوليو؛ وهو الأدنى."),
            ],
        )
    }

    #[test]
    fn sentences_are_spans_of_the_paragraphs() {
        let a = article();
        let expected: Vec<&str> = a
            .text_blocks()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .flat_map(|b| arabic::sentences(b.text))
            .collect();
        assert_eq!(a.sentences().collect::<Vec<_>>(), expected);
        assert!(
            a.sentences().all(|s| s != "تراجع التضخم"),
            "a heading is not a sentence"
        );
    }

    #[test]
    fn stored_stems_are_those_of_the_text() {
        let a = article();
        assert_eq!(a.title_stems(), stem_hashes(&a.title));
        assert_eq!(a.body_stems(), stem_hashes(a.plain_text()));
        for (i, s) in a.sentences().enumerate() {
            assert_eq!(a.sentence_stems(i), stem_hashes(s));
        }
        assert_eq!(a.word_count, word_count(a.plain_text()));
    }

    #[test]
    fn titled_text_locates_every_sentence() {
        let a = article();
        let (text, spans) = a.titled_text();
        assert_eq!(text, format!("{}\n\n{}", a.title, a.plain_text()));
        let located: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(located, a.sentences().collect::<Vec<_>>());
        for r in spans.iter().chain([&(0..a.title.len())]) {
            let span = r.start as u32..r.end as u32;
            assert_eq!(a.titled_span(span), &text[r.clone()]);
        }
    }

    #[test]
    fn blocks_are_read_back_as_given() {
        let a = article();
        let blocks: Vec<Block> = a
            .text_blocks()
            .map(|b| Block {
                kind: b.kind,
                text: b.text.to_string(),
            })
            .collect();
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[1], Block::heading("تراجع التضخم"));
        let joined: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(a.plain_text(), joined.join("\n\n"));
    }

    #[test]
    fn markdown_articles_read_their_plain_text() {
        let a = Article::from_markdown_file(
            "content/x.md".into(),
            "عنوان".into(),
            Excerpt::default(),
            vec![Block::paragraph("نص المقال.")],
        );
        assert_eq!(a.sentences().collect::<Vec<_>>(), ["نص المقال."]);
        assert_eq!(a.plain_text(), "نص المقال.");
    }
}
