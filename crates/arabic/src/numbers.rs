//! Counting things in Arabic: the noun after a number changes with the
//! number (مقال واحد، مقالان، ٣ مقالات، ١١ مقالاً، ١٠٠ مقال).

/// The four forms a counted noun takes.
#[derive(Debug, Clone, Copy)]
pub struct Noun {
    /// One, written with واحد/واحدة: "مقال واحد".
    pub one: &'static str,
    /// The dual: "مقالان".
    pub two: &'static str,
    /// Plural after 3–10: "مقالات".
    pub few: &'static str,
    /// Accusative singular after 11–99: "مقالاً".
    pub many: &'static str,
    /// Genitive singular after hundreds and thousands: "مقال".
    pub hundred: &'static str,
}

/// A article (مقال).
pub const ARTICLE: Noun = Noun {
    one: "مقال واحد",
    two: "مقالان",
    few: "مقالات",
    many: "مقالاً",
    hundred: "مقال",
};
/// A story (قصة).
pub const STORY: Noun = Noun {
    one: "قصة واحدة",
    two: "قصتان",
    few: "قصص",
    many: "قصةً",
    hundred: "قصة",
};
/// A news source (مصدر).
pub const SOURCE: Noun = Noun {
    one: "مصدر واحد",
    two: "مصدران",
    few: "مصادر",
    many: "مصدراً",
    hundred: "مصدر",
};
/// A time, as in "three times" (مرة).
pub const TIME: Noun = Noun {
    one: "مرة واحدة",
    two: "مرتان",
    few: "مرات",
    many: "مرةً",
    hundred: "مرة",
};

/// `n` followed by the right form of `noun`, digits in ASCII.
pub fn count(n: usize, noun: &Noun) -> String {
    match n {
        1 => noun.one.to_string(),
        2 => noun.two.to_string(),
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
}
