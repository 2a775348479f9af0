//! nashra turns Arabic news articles into a right-to-left briefing website.
//!
//! The build is a one-way pipeline of stages, each a module:
//!
//! 1. [`load`] reads `seeds/` (raw scraped text) and `content/` (Markdown
//!    with TOML front matter, see [`frontmatter`]);
//! 2. [`clean`] strips scraping debris and splits pages holding two articles;
//! 3. [`enrich`] finds each article's title ([`headline`]), date ([`dating`]),
//!    source ([`outlets`]), sentences, [`entities`] and [`topics`];
//! 4. [`stories`] groups articles telling the same event, and [`summarize`]
//!    writes extractive summaries;
//! 5. [`site`] lays out pages and URLs, [`render`] fills the Tera templates,
//!    [`feeds`] writes RSS and Atom, and [`output`] puts the files in place
//!    atomically.
//!
//! [`arabic`] is the single home of Arabic text handling that every stage
//! shares.

pub mod analysis_cache;
pub mod article;
pub mod build;
pub mod cache;
pub mod charts;
pub mod clean;
pub mod config;
pub mod corpus;
pub mod dating;
pub mod enrich;
pub mod entities;
pub mod error;
pub mod feeds;
pub mod frontmatter;
pub mod headline;
pub mod inspect;
pub mod load;
pub mod markdown;
pub mod outlets;
pub mod output;
pub mod render;
pub mod safe_text;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod stories;
pub mod summarize;
pub mod threads;
pub mod topics;
pub mod vectors;
pub mod weblink;
