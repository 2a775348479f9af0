//! Arabic text handling: the one place where nashra knows Arabic.
//!
//! Normalisation, words and clitics, sentences and how they lean on each other, date expressions and the
//! Hijri calendar live here and nowhere else; every later stage (cleaning,
//! entities, topics, stories, summaries) builds on these functions instead
//! of re-deriving its own notion of a word or a date.

pub mod dates;
mod discourse;
pub mod hijri;
pub mod lines;
mod normalize;
pub mod numbers;
mod sentences;
mod tokens;

pub use discourse::depends_on_previous;
pub use normalize::{
    SHADDA, fold_digits, has_shadda, is_arabic_letter, is_ignorable, is_letter, is_letter_or_digit,
    is_mostly_arabic, normalize, normalize_with_shadda, to_arabic_indic_digits,
};
pub use sentences::{sentence_ranges, sentences};
pub use tokens::{
    FnvBuildHasher, FnvHasher, TermHasher, TermMap, Word, WordList, WordSpan, for_each_stem,
    for_each_word, for_each_word_hash, is_stop_word, light_stem, light_stem_str, phrase_key,
    phrase_key_with_shadda, proclitic_reading_slices, proclitic_readings, push_stem_hashes,
    short_hash, stem_hashes, term_hash, word_count, words,
};
