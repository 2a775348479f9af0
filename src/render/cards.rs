//! Cards: the article and story summaries that listings, briefings and
//! weekly pages repeat.
//!
//! Each card is rendered at most once, through a template of its own
//! (`article_card.html`, `story_card.html`), and pages receive the finished,
//! already escaped HTML. Rendering a card inside every page that shows it
//! (a Tera macro call per appearance) made card markup most of the render
//! time; a page now only copies its cards in. Until a page is known to have
//! changed it holds only its cards' keys.

use anyhow::Result;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::site::{ArticleCard, Site, StoryCard};

/// Every article's and story's card: a key that identifies what it shows,
/// and its HTML, rendered the first time a page that is written needs it.
/// An incremental build tells unchanged pages by their keys alone, so it
/// renders only the cards that changed pages show.
pub(super) struct Cards {
    article_keys: Vec<u64>,
    story_keys: Vec<u64>,
    articles: Vec<OnceLock<Rendered>>,
    stories: Vec<OnceLock<Rendered>>,
}

/// A rendered card, or the template error that stopped it (kept as text so
/// that every page needing the card reports it).
type Rendered = Result<String, String>;

impl Cards {
    /// The cards of `site`, none rendered yet.
    pub(super) fn new(site: &Site) -> Cards {
        Cards {
            article_keys: site.cards.par_iter().map(key_of).collect(),
            story_keys: site.story_cards.par_iter().map(key_of).collect(),
            articles: (0..site.cards.len()).map(|_| OnceLock::new()).collect(),
            stories: (0..site.story_cards.len())
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    /// What identifies article `i`'s card with `note`: equal keys, equal
    /// HTML (the templates and site-wide values are in every page's key).
    pub(super) fn article_key(&self, i: usize, note: &str) -> String {
        if note.is_empty() {
            format!("a{:016x}", self.article_keys[i])
        } else {
            let note = crate::cache::hash_bytes(note.as_bytes());
            format!("a{:016x}{note:016x}", self.article_keys[i])
        }
    }

    /// What identifies story `i`'s card.
    pub(super) fn story_key(&self, i: usize) -> String {
        format!("s{:016x}", self.story_keys[i])
    }

    /// Article `i`'s card as listings without notes show it.
    pub(super) fn article<'c>(
        &'c self,
        i: usize,
        site: &Site,
        tera: &Tera,
        maker: &mut CardMaker,
    ) -> anyhow::Result<&'c str> {
        let card = self.articles[i].get_or_init(|| {
            maker
                .article(tera, &site.cards[i], "")
                .map_err(|e| format!("{e:#}"))
        });
        card.as_deref().map_err(|e| anyhow::anyhow!("{e}"))
    }

    /// Story `i`'s card.
    pub(super) fn story<'c>(
        &'c self,
        i: usize,
        site: &Site,
        tera: &Tera,
        base: &Context,
    ) -> anyhow::Result<&'c str> {
        let card = self.stories[i].get_or_init(|| {
            story_card(tera, base, &site.story_cards[i]).map_err(|e| format!("{e:#}"))
        });
        card.as_deref().map_err(|e| anyhow::anyhow!("{e}"))
    }
}

/// A card's data hashed as its template receives it.
fn key_of(card: &impl Serialize) -> u64 {
    crate::cache::fingerprint_of(0, "card", card)
}

/// Makes article cards with one context and one buffer, reused: the
/// site-wide values are set up once rather than copied for every card, and
/// the buffer never grows from empty. Entity pages make tens of thousands of
/// cards with notes, one per listed article, so each worker keeps one maker.
pub(super) struct CardMaker {
    ctx: Context,
    html: Vec<u8>,
}

impl CardMaker {
    /// A maker whose cards see `base`, the site-wide values.
    pub(super) fn new(base: &Context) -> CardMaker {
        CardMaker {
            ctx: base.clone(),
            html: Vec::with_capacity(1024),
        }
    }

    /// An article's card with `note` (say, the sentence that mentions an
    /// entity) in place of its summary; an empty note shows the summary.
    pub(super) fn article(
        &mut self,
        tera: &Tera,
        card: &ArticleCard,
        note: &str,
    ) -> Result<String> {
        self.ctx.insert("card", card);
        self.ctx.insert("note", note);
        self.html.clear();
        super::render_into(tera, "article_card.html", &self.ctx, &mut self.html)?;
        Ok(as_text(&self.html).to_owned())
    }
}

fn story_card(tera: &Tera, base: &Context, story: &StoryCard) -> Result<String> {
    #[derive(Serialize)]
    struct View<'a> {
        story: &'a StoryCard<'a>,
    }
    fill(tera, "story_card.html", base, &View { story })
}

/// Renders `template` with `data`'s fields beside the site-wide values.
fn fill(tera: &Tera, template: &str, base: &Context, data: &impl Serialize) -> Result<String> {
    let mut ctx = Context::from_serialize(data).expect("a card view is a JSON object");
    ctx.extend(base.clone());
    let mut html = Vec::with_capacity(1024);
    super::render_into(tera, template, &ctx, &mut html)?;
    Ok(as_text(&html).to_owned())
}

/// A rendered card as text. Tera writes only UTF-8, but the bytes are
/// checked anyway; `simdutf8` does it several times faster than std on
/// Arabic text, and there is a card for every article and story.
fn as_text(html: &[u8]) -> &str {
    simdutf8::basic::from_utf8(html).expect("Tera writes only UTF-8 text")
}
