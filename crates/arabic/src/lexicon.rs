//! Whether a word is one of the language's own: a noun, verb, adjective
//! or particle with its clitics and inflections (وبالانتخابات، سيجد،
//! مقابلة), as opposed to a transliterated foreign name (كليفورد،
//! سفيتولينا) or a misspelling.
//!
//! The word list is Ayaspell's Hunspell dictionary (`data/ayaspell`, with
//! its licence), read by [spellbook], which applies its affix rules as
//! Hunspell does. Many Arabic given and family names are ordinary words
//! too (كمال، صلاح، خليل), and the affix rules read some foreign names as
//! a word with clitics (أوساكا as أو + ساكا): a word found here says only
//! that the language may have it, never that it is no name.

static AFFIXES: &str = include_str!("../data/ayaspell/ar.aff");
static WORDS: &str = include_str!("../data/ayaspell/ar.dic");

/// The bundled dictionary, compiled: about 0.1 s to build and 30 MB held,
/// so a caller builds it where it is needed and drops it after.
pub struct Lexicon(spellbook::Dictionary);

impl Lexicon {
    /// Compiles the bundled dictionary.
    pub fn bundled() -> Lexicon {
        Lexicon(spellbook::Dictionary::new(AFFIXES, WORDS).expect("the bundled dictionary parses"))
    }

    /// Whether `word`, as written (with or without diacritics and tatweel,
    /// with its clitics), is an Arabic word the dictionary knows.
    pub fn has(&self, word: &str) -> bool {
        !word.is_empty() && word.len() <= spellbook::MAX_WORD_LEN && self.0.check(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_words_are_found_with_their_clitics_and_inflections() {
        let lexicon = Lexicon::bundled();
        for word in [
            "قرار",
            "مقابلة",
            "والانتخابات",
            "بالقرار",
            "سيجد",
            "أضرمت",
            "كثيراً",
            "الموالي",
        ] {
            assert!(lexicon.has(word), "{word}");
        }
    }

    #[test]
    fn transliterated_names_and_non_words_are_not() {
        let lexicon = Lexicon::bundled();
        for word in ["كليفورد", "سفيتولينا", "مورينيو", "كوندراشوف", "", "abc"]
        {
            assert!(!lexicon.has(word), "{word}");
        }
    }
}
