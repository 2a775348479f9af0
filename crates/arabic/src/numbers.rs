//! Counting things in Arabic: the noun after a number changes with the
//! number (مقال واحد، مقالان، ٣ مقالات، ١١ مقالاً، ١٠٠ مقال) and, for one and
//! two, with the phrase's place in the sentence (في مقالين، ذُكر مرتين).
//!
//! ```
//! use arabic::numbers::{ARTICLE, Case, TIME, count, count_in};
//! assert_eq!(count(2, &ARTICLE), "مقالان");
//! let line = format!(
//!     "ذُكر {} في {}",
//!     count_in(2, &TIME, Case::Accusative),
//!     count_in(2, &ARTICLE, Case::Genitive)
//! );
//! assert_eq!(line, "ذُكر مرتين في مقالين");
//! ```

/// The grammatical case a counted phrase stands in. Unvocalised text shows
/// it in the dual (مقالان / مقالين) and in a masculine "one" (مقال واحد /
/// مقالاً واحداً); the other forms read the same in every case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Case {
    /// A subject or a predicate standing alone: «مقالان».
    #[default]
    Nominative,
    /// An object or an adverb of how often, as after «ذُكر»: «ذُكر مرتين».
    Accusative,
    /// After a preposition or as the second term of an idafa: «في مقالين».
    Genitive,
}

/// The forms a counted noun takes.
#[derive(Debug, Clone, Copy)]
pub struct Noun {
    /// One, written with واحد/واحدة: "مقال واحد".
    pub one: &'static str,
    /// One, in the accusative: "مقالاً واحداً".
    pub one_accusative: &'static str,
    /// The dual in the nominative: "مقالان".
    pub two: &'static str,
    /// The dual in the accusative and genitive: "مقالين".
    pub two_oblique: &'static str,
    /// Plural after 3–10: "مقالات".
    pub few: &'static str,
    /// Accusative singular after 11–99: "مقالاً".
    pub many: &'static str,
    /// Genitive singular after hundreds and thousands: "مقال".
    pub hundred: &'static str,
}

/// An article (مقال).
pub const ARTICLE: Noun = Noun {
    one: "مقال واحد",
    one_accusative: "مقالاً واحداً",
    two: "مقالان",
    two_oblique: "مقالين",
    few: "مقالات",
    many: "مقالاً",
    hundred: "مقال",
};
/// A story (قصة).
pub const STORY: Noun = Noun {
    one: "قصة واحدة",
    one_accusative: "قصة واحدة",
    two: "قصتان",
    two_oblique: "قصتين",
    few: "قصص",
    many: "قصةً",
    hundred: "قصة",
};
/// A news source (مصدر).
pub const SOURCE: Noun = Noun {
    one: "مصدر واحد",
    one_accusative: "مصدراً واحداً",
    two: "مصدران",
    two_oblique: "مصدرين",
    few: "مصادر",
    many: "مصدراً",
    hundred: "مصدر",
};
/// A time, as in "three times" (مرة).
pub const TIME: Noun = Noun {
    one: "مرة واحدة",
    one_accusative: "مرة واحدة",
    two: "مرتان",
    two_oblique: "مرتين",
    few: "مرات",
    many: "مرةً",
    hundred: "مرة",
};

/// `n` followed by the right form of `noun`, digits in ASCII, as a phrase
/// standing alone (in the nominative).
pub fn count(n: usize, noun: &Noun) -> String {
    count_in(n, noun, Case::Nominative)
}

/// `n` followed by the right form of `noun` for a phrase in `case`, digits
/// in ASCII.
pub fn count_in(n: usize, noun: &Noun, case: Case) -> String {
    match (n, case) {
        (1, Case::Accusative) => noun.one_accusative.to_string(),
        (1, _) => noun.one.to_string(),
        (2, Case::Nominative) => noun.two.to_string(),
        (2, _) => noun.two_oblique.to_string(),
        _ => {
            let form = match n % 100 {
                3..=10 => noun.few,
                11..=99 => noun.many,
                _ if n < 100 => noun.few,
                _ => noun.hundred,
            };
            format!("{n} {form}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_follows_the_number() {
        assert_eq!(count(1, &ARTICLE), "مقال واحد");
        assert_eq!(count(2, &ARTICLE), "مقالان");
        assert_eq!(count(3, &ARTICLE), "3 مقالات");
        assert_eq!(count(10, &STORY), "10 قصص");
        assert_eq!(count(11, &ARTICLE), "11 مقالاً");
        assert_eq!(count(99, &SOURCE), "99 مصدراً");
        assert_eq!(count(100, &ARTICLE), "100 مقال");
        assert_eq!(count(102, &ARTICLE), "102 مقال");
        assert_eq!(count(105, &ARTICLE), "105 مقالات");
        assert_eq!(count(1250, &TIME), "1250 مرةً");
        assert_eq!(count(0, &ARTICLE), "0 مقالات");
    }

    #[test]
    fn one_and_two_take_the_case_of_their_place() {
        for (noun, two, two_oblique) in [
            (&ARTICLE, "مقالان", "مقالين"),
            (&STORY, "قصتان", "قصتين"),
            (&SOURCE, "مصدران", "مصدرين"),
            (&TIME, "مرتان", "مرتين"),
        ] {
            assert_eq!(count_in(2, noun, Case::Nominative), two);
            assert_eq!(count_in(2, noun, Case::Accusative), two_oblique);
            assert_eq!(count_in(2, noun, Case::Genitive), two_oblique);
            assert_eq!(count_in(1, noun, Case::Genitive), noun.one);
            for n in [0, 3, 10, 11, 99, 100, 250] {
                for case in [Case::Nominative, Case::Accusative, Case::Genitive] {
                    assert_eq!(count_in(n, noun, case), count(n, noun), "{n}");
                }
            }
        }
        assert_eq!(count_in(1, &ARTICLE, Case::Accusative), "مقالاً واحداً");
        assert_eq!(count_in(1, &TIME, Case::Accusative), "مرة واحدة");
    }
}
