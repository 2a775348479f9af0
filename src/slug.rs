//! URL slugs: short, ASCII, stable.
//!
//! Arabic titles are transliterated letter by letter so that URLs stay
//! readable in any browser bar, e-mail client or log file, where
//! percent-encoded Arabic turns into a wall of `%D8%A8`. Letters of other
//! scripts (a French outlet's "Libération", a Russian name) are
//! transliterated by `deunicode`, whose tables cover every script.

use std::collections::{HashMap, HashSet};

/// Top-level folder names the site lays out, which articles and pages
/// may not take as slugs.
pub const RESERVED_SLUGS: &[&str] = &[
    "articles", "stories", "days", "weeks", "topics", "entities", "sources", "archive", "undated",
    "static", "page", "rss-xml", "atom-xml", "threads", "search",
];

/// The longest slug an editor may state: it becomes a folder name, which
/// file systems cap at 255 bytes.
pub const MAX_SLUG_LEN: usize = 100;

/// The longest slug made from a title or a name, before a `-2` suffix that
/// makes it unique: well inside [`MAX_SLUG_LEN`], and a URL still readable.
pub const MAX_GENERATED_SLUG_LEN: usize = 80;

/// A slug for `text`: lowercase ASCII words joined by hyphens, at most
/// `max_words` words and [`MAX_GENERATED_SLUG_LEN`] bytes (cut between
/// words where one ends in reach). Arabic is transliterated, letters of
/// other scripts too, digits in any script become ASCII, everything else
/// separates words. Empty when nothing is left.
pub fn slugify_words(text: &str, max_words: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut end_word = |current: &mut String| {
        if !current.is_empty() {
            words.push(std::mem::take(current));
        }
    };
    for c in arabic::fold_digits(text).chars() {
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
        } else if let Some(l) = arabic::translit::latin(c) {
            current.push_str(l);
        } else if arabic::is_ignorable(c) || matches!(c, 'ع' | 'ء') {
            // Inside a word: drop the mark, keep the word together.
        } else if c.is_ascii() {
            end_word(&mut current);
        } else {
            match deunicode::deunicode_char(c) {
                // A combining accent: inside the word, as an Arabic mark is.
                Some("") => {}
                Some(ascii) if c.is_alphanumeric() => {
                    for a in ascii.chars() {
                        if a.is_ascii_alphanumeric() {
                            current.push(a.to_ascii_lowercase());
                        } else {
                            end_word(&mut current);
                        }
                    }
                }
                _ => end_word(&mut current),
            }
        }
    }
    end_word(&mut current);
    words.truncate(max_words);
    let mut slug = words.join("-");
    if slug.len() > MAX_GENERATED_SLUG_LEN {
        // ASCII only: every byte is a character.
        let cut = slug[..=MAX_GENERATED_SLUG_LEN]
            .rfind('-')
            .filter(|&i| i > 0)
            .unwrap_or(MAX_GENERATED_SLUG_LEN);
        slug.truncate(cut);
    }
    slug
}

/// A slug for `text` with a generous word limit, for taxonomy terms.
pub fn slugify(text: &str) -> String {
    slugify_words(text, 8)
}

/// True for slugs that are safe as a single path segment: non-empty,
/// lowercase ASCII letters, digits and inner hyphens, at most
/// [`MAX_SLUG_LEN`] bytes.
pub fn is_safe_slug(slug: &str) -> bool {
    slug_problem(slug).is_none()
}

/// Why `slug` is not safe as a single path segment, as a phrase that
/// follows the slug in a message; `None` when it is safe.
pub fn slug_problem(slug: &str) -> Option<String> {
    let shaped = !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !shaped {
        Some(
            "must be lowercase ASCII letters, digits and inner hyphens (it becomes a folder name)"
                .into(),
        )
    } else if slug.len() > MAX_SLUG_LEN {
        Some(format!(
            "is {} characters long; a slug may have at most {MAX_SLUG_LEN}",
            slug.len()
        ))
    } else {
        None
    }
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
    fn other_scripts_are_transliterated() {
        assert_eq!(slugify("Libération"), "liberation");
        // The accent written as a combining mark after its letter.
        assert_eq!(slugify("Libe\u{301}ration"), "liberation");
        assert_eq!(slugify("Сергей Лавров"), "sergei-lavrov");
        assert_eq!(slugify("Ελλάδα 2025"), "ellada-2025");
        assert_eq!(slugify("گزارش پژوهش"), "kzarsh-pjwhsh");
        assert_eq!(slugify("«😀»"), "");
    }

    #[test]
    fn generated_slugs_are_capped_between_words() {
        let long = "ا".repeat(50) + " " + &"ب".repeat(50);
        assert_eq!(slugify(&long), "a".repeat(50));
        let one_word = "Donaudampfschifffahrtsgesellschaftskapitän".repeat(4);
        let slug = slugify(&one_word);
        assert_eq!(slug.len(), MAX_GENERATED_SLUG_LEN);
        assert!(is_safe_slug(&slug));
    }

    #[test]
    fn a_long_slug_is_refused_for_its_length() {
        let problem = slug_problem(&"a".repeat(200)).unwrap();
        assert!(
            problem.contains("200") && problem.contains("100"),
            "{problem}"
        );
        assert!(slug_problem("Putin").unwrap().contains("lowercase"));
        assert_eq!(slug_problem("north-korea-2"), None);
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
