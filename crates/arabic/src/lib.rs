//! Arabic text as news carries it: the one place where nashra knows Arabic.
//!
//! Normalisation ([`normalize`]), words, clitics and light stems
//! ([`words`], [`proclitic_readings`], [`light_stem`]), sentences
//! ([`sentences`]) and how one leans on the one before
//! ([`depends_on_previous`]), dates in every Arabic month system and in the Hijri
//! calendar ([`dates`], [`hijri`]), counted nouns ([`numbers`]) and
//! transliteration ([`translit`]), and whether a word is one of the
//! language's own ([`lexicon`]). Nothing here knows about nashra's
//! pipeline: every stage of it (cleaning, entities, topics, stories,
//! summaries) builds on these functions instead of re-deriving its own
//! notion of a word or a date, and any other Arabic project can too.
//!
//! ```
//! // Spelling variants and clitics meet on one form.
//! assert_eq!(arabic::normalize("إلى"), arabic::normalize("الى"));
//! assert!(arabic::proclitic_readings(&arabic::normalize("لبوتين"), 3)
//!     .contains(&arabic::normalize("بوتين")));
//! ```

#![deny(missing_docs)]

pub mod dates;
mod discourse;
pub mod hijri;
pub mod lexicon;
pub mod lines;
mod normalize;
pub mod numbers;
pub mod scan;
mod sentences;
mod tokens;
pub mod translit;

pub use discourse::depends_on_previous;
pub use normalize::{
    SHADDA, fold_digits, has_shadda, is_arabic_letter, is_ignorable, is_letter, is_letter_or_digit,
    is_mostly_arabic, normalize, normalize_with_shadda, to_arabic_indic_digits,
};
pub use sentences::{sentence_ranges, sentences};
pub use tokens::{
    FnvBuildHasher, FnvHasher, PROCLITIC_CONJUNCTIONS, PROCLITIC_PREPOSITIONS, TermHasher, TermMap,
    Word, WordList, WordSpan, for_each_stem, for_each_word, for_each_word_hash, has_article,
    is_definite, is_nisba, is_number_word, is_stop_word, is_word_char, light_stem, light_stem_str,
    nisba_of_place, phrase_key, phrase_key_with_shadda, proclitic_reading_slices,
    proclitic_readings, push_stem_hashes, short_hash, stem_hashes, term_hash,
    transliteration_skeleton, transliteration_skeleton_into, word_count, words,
};
