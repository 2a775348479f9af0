//! The outlet that published an article, from evidence in its text.

use crate::article::{Block, Evidence, Removed};
use crate::config::OutletConfig;

/// Finds the first configured outlet whose pattern occurs in the text or in
/// the removed sign-offs.
pub fn find_source(
    blocks: &[Block],
    removed: &[Removed],
    outlets: &[OutletConfig],
) -> Option<(String, Evidence)> {
    let texts = removed
        .iter()
        .map(|r| r.text.as_str())
        .chain(blocks.iter().map(|b| b.text.as_str()));
    for text in texts {
        for outlet in outlets {
            for pattern in &outlet.patterns {
                if text.contains(pattern.as_str()) {
                    return Some((outlet.name.clone(), Evidence::text(pattern.clone())));
                }
            }
        }
    }
    None
}
