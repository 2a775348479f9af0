//! Markdown bodies: sanitised HTML for display, plain blocks for analysis.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

use crate::article::Block;

/// Renders Markdown to HTML and sanitises it: raw HTML in an article is
/// allowed only as far as it is harmless (no scripts, no event handlers, no
/// `javascript:` links).
pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, options());
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    sanitiser().clean(&out).to_string()
}

/// The sanitiser's rules, set up once: they are a dozen sets and maps of
/// tags and attributes, and building them for every Markdown body cost a
/// third as much as cleaning it.
fn sanitiser() -> &'static ammonia::Builder<'static> {
    static RULES: std::sync::LazyLock<ammonia::Builder<'static>> = std::sync::LazyLock::new(|| {
        let mut rules = ammonia::Builder::default();
        rules.link_rel(Some("noopener noreferrer"));
        rules
    });
    &RULES
}

/// The text of a Markdown document as blocks: headings and paragraphs
/// (list items and quotes count as paragraphs), markup removed.
pub fn to_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut in_heading = false;
    let mut in_html = false;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::Start(Tag::HtmlBlock) => in_html = true,
            Event::End(TagEnd::HtmlBlock) => in_html = false,
            Event::Text(t) | Event::Code(t) if !in_html => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Item) => {
                let text = current.trim().to_string();
                if !text.is_empty() {
                    blocks.push(if in_heading {
                        Block::heading(text)
                    } else {
                        Block::paragraph(text)
                    });
                }
                current.clear();
                in_heading = false;
            }
            _ => {}
        }
    }
    let rest = current.trim();
    if !rest.is_empty() {
        blocks.push(Block::paragraph(rest));
    }
    blocks
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_sanitised() {
        let html = to_html(
            "نص <script>alert(1)</script> و<a href=\"javascript:x\" onclick=\"y\">رابط</a>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(html.contains("رابط"));
    }

    #[test]
    fn blocks_keep_text_and_headings() {
        let blocks = to_blocks("## عنوان فرعي\n\nفقرة **أولى**\nتتمة.\n\n- بند\n");
        assert_eq!(
            blocks,
            vec![
                Block::heading("عنوان فرعي"),
                Block::paragraph("فقرة أولى تتمة."),
                Block::paragraph("بند")
            ]
        );
    }
}
