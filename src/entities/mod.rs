//! Entities: the people, places and organisations a reader follows.
//!
//! - [`list`]: the bundled entity list and a site's own list on top of it;
//! - [`matcher`]: finding listed entities in an article, across spellings,
//!   clitics, short forms and role phrases;
//! - `quotes`: attributing quotes to listed people;
//! - [`profile`]: what the corpus says about each entity (spellings seen,
//!   timeline, co-mentions, topics, quotes), for entity pages;
//! - [`suggest`]: names the list does not know yet, for the editor;
//! - [`stated`]: entities named in front matter.

pub mod discover;
pub mod list;
pub mod matcher;
pub mod profile;
mod quotes;
pub mod stated;
pub mod suggest;

pub use list::{Entity, EntityKind, EntityList};
pub use matcher::Matcher;
pub use profile::{EntityProfile, profiles};
pub use stated::apply_stated;

use crate::article::{Mention, Quote};

/// What one reading of an article finds.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Listed entities mentioned, main actors first.
    pub mentions: Vec<Mention>,
    /// Quotes attributed to listed people, in reading order.
    pub quotes: Vec<Quote>,
    /// Names the list does not know, in the contexts that introduce names
    /// (see [`discover`]).
    pub candidates: Vec<discover::Candidate>,
}
