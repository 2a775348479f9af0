//! Publication date of an article, from the evidence in its text.

use chrono::NaiveDate;

use crate::article::{Block, Evidence};

/// The publication date found for an article, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFinding {
    pub date: Option<NaiveDate>,
    pub evidence: Evidence,
}

/// Looks for an ISO date near the start of the text.
pub fn find_publication_date(_title: &str, blocks: &[Block]) -> DateFinding {
    for block in blocks.iter().take(3) {
        let text = &block.text;
        for (i, _) in text.char_indices() {
            if let Some(candidate) = text.get(i..i + 10)
                && let Ok(date) = NaiveDate::parse_from_str(candidate, "%Y-%m-%d")
            {
                return DateFinding {
                    date: Some(date),
                    evidence: Evidence::text(candidate),
                };
            }
        }
    }
    DateFinding {
        date: None,
        evidence: Evidence::none(),
    }
}
