//! URL slugs: short, ASCII, stable.
//!
//! Arabic titles are transliterated letter by letter so that URLs stay
//! readable in any browser bar, e-mail client or log file, where
//! percent-encoded Arabic turns into a wall of `%D8%A8`.

use std::collections::{HashMap, HashSet};

/// A slug for `text`: lowercase ASCII words joined by hyphens, at most
/// `max_words` words. Arabic is transliterated, digits in any script become
/// ASCII, everything else separates words. Empty when nothing is left.
pub fn slugify_words(text: &str, max_words: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in arabic::fold_digits(text).chars() {
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
        } else if let Some(l) = arabic::translit::latin(c) {
            current.push_str(l);
        } else if arabic::is_ignorable(c) || matches!(c, 'ع' | 'ء') {
            // Inside a word: drop the mark, keep the word together.
        } else if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words.truncate(max_words);
    words.join("-")
}

/// A slug for `text` with a generous word limit, for taxonomy terms.
pub fn slugify(text: &str) -> String {
    slugify_words(text, 8)
}

/// True for slugs that are safe as a single path segment: non-empty,
/// lowercase ASCII letters, digits and inner hyphens.
pub fn is_safe_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 100
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Hands out unique slugs: the first claimant of a slug gets it as is, later
/// ones get `-2`, `-3` … Claim in a deterministic order for stable URLs.
#[derive(Debug, Default)]
pub struct SlugRegistry {
    taken: HashSet<String>,
    /// The suffix to try next for each slug claimed more than once. A
    /// recurring title (a daily column, a weather report) is claimed
    /// thousands of times in a long archive; counting from `-2` again for
    /// each claim made slug assignment quadratic in such titles. Slugs are
    /// never released, so every suffix below this one is still taken.
    next_suffix: HashMap<String, u32>,
}

impl SlugRegistry {
    /// Claims `wanted` (or `fallback` when `wanted` is empty), made unique.
    pub fn claim(&mut self, wanted: &str, fallback: &str) -> String {
        let base = if wanted.is_empty() { fallback } else { wanted };
        if self.taken.insert(base.to_string()) {
            return base.to_string();
        }
        let next = self.next_suffix.entry(base.to_string()).or_insert(2);
        loop {
            let candidate = format!("{base}-{next}");
            *next += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }

    /// Reserves `slug` so that later claims avoid it; false if already taken.
    pub fn reserve(&mut self, slug: &str) -> bool {
        self.taken.insert(slug.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_transliterates_to_readable_ascii() {
        assert_eq!(slugify("كوريا الشمالية"), "kwrya-alshmalya");
        assert_eq!(slugify("بوتين يلتقي ترامب"), "bwtyn-yltqy-tramb");
        assert_eq!(slugify("العلاقات"), "allaqat");
    }

    #[test]
    fn digits_and_latin_survive() {
        assert_eq!(slugify("قمة ٢٠٢٥ G20"), "qma-2025-g20");
    }

    #[test]
    fn punctuation_separates_and_limits_apply() {
        assert_eq!(slugify_words("أ، ب: ت «ث» ج", 3), "a-b-t");
        assert_eq!(slugify("«»"), "");
    }

    #[test]
    fn safe_slugs() {
        assert!(is_safe_slug("north-korea-2"));
        assert!(!is_safe_slug("../etc"));
        assert!(!is_safe_slug("Putin"));
        assert!(!is_safe_slug(""));
    }

    #[test]
    fn registry_makes_unique() {
        let mut r = SlugRegistry::default();
        assert_eq!(r.claim("putin", "x"), "putin");
        assert_eq!(r.claim("putin", "x"), "putin-2");
        assert_eq!(r.claim("", "article"), "article");
        assert_eq!(r.claim("putin", "x"), "putin-3");
    }

    #[test]
    fn suffixes_skip_reserved_slugs_and_stay_in_order() {
        let mut r = SlugRegistry::default();
        r.reserve("weather-3");
        let claimed: Vec<String> = (0..5).map(|_| r.claim("weather", "x")).collect();
        assert_eq!(
            claimed,
            [
                "weather",
                "weather-2",
                "weather-4",
                "weather-5",
                "weather-6"
            ]
        );
        r.reserve("weather-8");
        assert_eq!(r.claim("weather", "x"), "weather-7");
        assert_eq!(r.claim("weather", "x"), "weather-9");
    }
}
