//! Cards: the article and story summaries that listings, briefings and
//! weekly pages repeat.
//!
//! Each card is rendered once, through a template of its own
//! (`article_card.html`, `story_card.html`), and pages receive the finished,
//! already escaped HTML. Rendering a card inside every page that shows it
//! (a Tera macro call per appearance) made card markup most of the render
//! time; a page now only copies its cards in.

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::site::{ArticleCard, Site, StoryCard};

/// Every article's and story's card, rendered.
pub(super) struct Cards {
    articles: Vec<String>,
    stories: Vec<String>,
}

impl Cards {
    /// Renders every card of `site`; `base` holds the site-wide values that
    /// every template sees.
    pub(super) fn render(site: &Site, tera: &Tera, base: &Context) -> Result<Cards> {
        let articles = site
            .cards
            .par_iter()
            .map_init(
                || CardMaker::new(base),
                |maker, card| maker.article(tera, card, ""),
            )
            .collect::<Result<_>>()?;
        let stories = site
            .story_cards
            .par_iter()
            .map(|story| story_card(tera, base, story))
            .collect::<Result<_>>()?;
        Ok(Cards { articles, stories })
    }

    /// The card of article `i`, as listings without notes show it.
    pub(super) fn article(&self, i: usize) -> &str {
        &self.articles[i]
    }

    /// The card of story `i`.
    pub(super) fn story(&self, i: usize) -> &str {
        &self.stories[i]
    }
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
        story: &'a StoryCard,
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
