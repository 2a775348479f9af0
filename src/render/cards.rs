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
            .map(|card| article_card(tera, base, card, ""))
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

/// An article's card with `note` (say, the sentence that mentions an entity)
/// in place of its summary; an empty note shows the summary.
pub(super) fn article_card(
    tera: &Tera,
    base: &Context,
    card: &ArticleCard,
    note: &str,
) -> Result<String> {
    #[derive(Serialize)]
    struct View<'a> {
        card: &'a ArticleCard,
        note: &'a str,
    }
    fill(tera, "article_card.html", base, &View { card, note })
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
    Ok(String::from_utf8(html).expect("Tera writes only UTF-8 text"))
}
