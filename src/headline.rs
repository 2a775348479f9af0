//! Title and subtitle of a raw article.

use crate::article::Block;

/// An article's headline, separated from its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    pub title: String,
    /// True when the text had no headline and the title comes from the lede.
    pub derived: bool,
    pub subtitle: Option<String>,
    /// The blocks left once title and subtitle are taken out.
    pub body: Vec<Block>,
}

/// Takes the first short line without a final full stop as the title;
/// otherwise derives one from the first sentence.
pub fn find_headline(mut blocks: Vec<Block>) -> Headline {
    let first = blocks.first().map(|b| b.text.clone()).unwrap_or_default();
    let words = first.split_whitespace().count();
    if words > 0 && words <= 20 && !first.ends_with('.') {
        blocks.remove(0);
        return Headline {
            title: first,
            derived: false,
            subtitle: None,
            body: blocks,
        };
    }
    let title: Vec<&str> = first.split_whitespace().take(12).collect();
    Headline {
        title: title.join(" "),
        derived: true,
        subtitle: None,
        body: blocks,
    }
}
