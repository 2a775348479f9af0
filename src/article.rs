//! The article model that flows through the pipeline.
//!
//! `load` produces [`Document`]s, cleaning and enrichment turn each into one
//! or more [`Article`]s, later stages (entities, topics, stories, summaries)
//! fill in their fields, and rendering only reads them.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

/// A block of article text as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

/// Where a fact about an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Stated by the editor in front matter.
    FrontMatter,
    /// Read from the article's own text.
    Text,
    /// Taken from the story the article belongs to.
    Story,
    /// Not known.
    None,
}

/// A fact together with the evidence for it, for `nashra inspect`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub kind: DebrisKind,
    pub text: String,
}

/// The kinds of scraping debris the cleaner recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    /// Anything else recognised as not part of the article.
    Other,
}

/// An article's publication time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Published {
    /// The day in the site's time zone.
    pub date: NaiveDate,
    /// The exact time, when the source gave one.
    pub time: Option<DateTime<FixedOffset>>,
}

/// How prominent an entity is in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Prominence {
    /// One of the article's main actors.
    Main,
    /// Mentioned in passing.
    Passing,
}

/// An entity as it appears in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Slug of the entity in the entity list.
    pub slug: String,
    /// How many times it is mentioned.
    pub count: usize,
    pub prominence: Prominence,
    /// The spellings used in this article, as written.
    pub variants: Vec<String>,
    /// The first sentence that mentions it.
    pub sentence: String,
}

/// A quotation attributed to a listed person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub speaker: String,
    pub text: String,
}

/// Whether an article came from `seeds/` (raw) or `content/` (Markdown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Raw,
    Markdown,
}

/// The body as it will be shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "format", content = "content", rename_all = "lowercase")]
pub enum Body {
    /// Cleaned blocks of a raw article.
    Blocks(Vec<Block>),
    /// Sanitised HTML rendered from Markdown.
    Html(String),
}

/// One article, as understood by nashra.
#[derive(Debug, Clone, Serialize)]
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
    /// The original URL, when known.
    pub url: Option<String>,
    pub body: Body,
    /// Plain text of the body (no title), the input of every analysis stage.
    pub text: String,
    /// Sentences of `text`.
    pub sentences: Vec<String>,
    /// Topic slugs.
    pub topics: Vec<String>,
    pub entities: Vec<Mention>,
    pub quotes: Vec<Quote>,
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
    /// An article as reading its file leaves it: text and sentences, with
    /// every later stage's field still empty.
    pub fn new(
        file: String,
        part: usize,
        kind: SourceKind,
        title: String,
        body: Body,
        text: String,
        sentences: Vec<String>,
    ) -> Article {
        let word_count = crate::arabic::word_count(&text);
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
            url: None,
            body,
            text,
            sentences,
            topics: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            summary: String::new(),
            summary_origin: Origin::None,
            word_count,
            removed: Vec::new(),
            warnings: Vec::new(),
            story: None,
        }
    }

    /// A human label for messages: `seeds/x.txt` or `seeds/x.txt (article 2)`.
    pub fn label(&self) -> String {
        if self.part > 1 {
            format!("{} (article {})", self.file, self.part)
        } else {
            self.file.clone()
        }
    }

    /// The body's blocks, for raw articles.
    pub fn blocks(&self) -> &[Block] {
        match &self.body {
            Body::Blocks(b) => b,
            Body::Html(_) => &[],
        }
    }
}
