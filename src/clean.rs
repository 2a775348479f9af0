//! Cleaning raw scraped text into article blocks.

use crate::article::{Block, Removed};

/// One article recovered from a raw file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The article's text blocks in reading order, headline lines included.
    pub blocks: Vec<Block>,
    /// What was removed as debris.
    pub removed: Vec<Removed>,
}

/// Splits raw text into blocks, one per non-empty line.
pub fn clean(raw: &str) -> Vec<Cleaned> {
    let blocks = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(Block::paragraph)
        .collect();
    vec![Cleaned {
        blocks,
        removed: Vec::new(),
    }]
}
