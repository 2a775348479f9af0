//! Orthographic normalisation for matching, never for display.
//!
//! Arabic newsrooms spell the same word several ways: hamza on or off the
//! alef, final yaa written as alef maqsura, taa marbuta written as haa,
//! diacritics and tatweel sprinkled in for emphasis, digits in three scripts.
//! Every comparison nashra makes (entities, topics, stories, dates) goes
//! through [`normalize`] so that all those spellings meet in one form.

/// Folds a string to its matching form.
///
/// - alef forms (أ إ آ ٱ) become bare alef (ا);
/// - alef maqsura (ى) becomes yaa (ي), and taa marbuta (ة) becomes haa (ه);
/// - hamza on waw or yaa (ؤ ئ) becomes the bare carrier (و ي);
/// - Persian and Urdu letter forms (ک ی ۀ) become their Arabic equivalents;
/// - diacritics, Quranic marks, tatweel and invisible direction marks vanish;
/// - Arabic-Indic and Eastern Arabic-Indic digits become ASCII digits;
/// - Latin letters are lowercased.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(folded) = fold_char(c) {
            out.push(folded);
        }
    }
    out
}

/// The shadda (ّ), which doubles the consonant it sits on.
pub const SHADDA: char = '\u{0651}';

/// [`normalize`], keeping the shadda. Matching ignores diacritics, but a
/// shadda can be all that tells two names apart: عمّان is Amman, the city,
/// and عمان without it may be Amman or Oman (عُمان when vowelled). The
/// entity matcher compares a list spelling written with a shadda in this
/// form, so that only a text that writes the shadda matches it.
pub fn normalize_with_shadda(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == SHADDA {
            out.push(c);
        } else if let Some(folded) = fold_char(c) {
            out.push(folded);
        }
    }
    out
}

/// Whether `text` writes a shadda.
pub fn has_shadda(text: &str) -> bool {
    // U+0651 is 0xD9 0x91 in UTF-8.
    text.as_bytes().windows(2).any(|pair| pair == [0xD9, 0x91])
}

/// Folds a single character; `None` means the character carries no meaning
/// for matching and is dropped.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // The common case first: plain ASCII and the basic Arabic letters.
        'a'..='z' | '0'..='9' => c,
        'أ' | 'إ' | 'آ' => 'ا',
        'ى' | 'ئ' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        '\u{0640}' => return None,
        '\u{0621}'..='\u{064A}' => c,
        'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ی' | 'ې' => 'ي',
        'ۀ' | 'ە' | 'ۃ' => 'ه',
        'ک' => 'ك',
        'ڤ' => 'ف',
        'گ' => 'ك',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ if is_ignorable(c) => return None,
        _ if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        _ if c.is_uppercase() => c.to_lowercase().next().unwrap_or(c),
        _ => c,
    })
}

/// Diacritics (harakat, shadda, sukun, dagger alef), Quranic annotation
/// marks, tatweel and zero-width or bidirectional control characters.
#[inline]
pub fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{061C}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
    )
}

/// Replaces Arabic-Indic and Eastern Arabic-Indic digits with ASCII digits
/// and leaves everything else as written.
pub fn fold_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        })
        .collect()
}

/// Writes ASCII digits as Arabic-Indic digits (٠١٢…), for display.
pub fn to_arabic_indic_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// True for letters of the Arabic script (after normalisation or not).
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// [`char::is_alphabetic`], answering ASCII and the basic Arabic letters
/// without the Unicode tables: cleaning and sentence splitting ask it of
/// most characters of every article, and the table search was the largest
/// single cost of reading one.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`] with the fast paths of [`is_letter`].
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphanumeric(),
    }
}

/// True when most letters of `text` are Arabic.
pub fn is_mostly_arabic(text: &str) -> bool {
    let (mut arabic, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|&c| is_letter(c)) {
        if is_arabic_letter(c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    arabic > other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alef_forms_meet() {
        assert_eq!(normalize("أوكرانيا"), normalize("اوكرانيا"));
        assert_eq!(normalize("إبريل"), "ابريل");
        assert_eq!(normalize("آسيا"), "اسيا");
    }

    #[test]
    fn final_letters_meet() {
        assert_eq!(normalize("كوريا الشمالية"), "كوريا الشماليه");
        assert_eq!(normalize("موسى"), normalize("موسي"));
        assert_eq!(normalize("مسؤول"), normalize("مسوول"));
    }

    #[test]
    fn diacritics_and_tatweel_vanish() {
        assert_eq!(normalize("تعهّد"), "تعهد");
        assert_eq!(normalize("سُموّك"), "سموك");
        assert_eq!(normalize("الكـــرملين"), "الكرملين");
    }

    #[test]
    fn a_shadda_can_be_kept() {
        assert_eq!(normalize("عمّان"), normalize("عمان"));
        assert_eq!(normalize_with_shadda("عمّان"), "عم\u{0651}ان");
        // Other marks still vanish, in whichever order they are typed.
        assert_eq!(normalize_with_shadda("عَمَّان"), normalize_with_shadda("عمَّان"));
        assert_eq!(normalize_with_shadda("عُمان"), "عمان");
        assert!(has_shadda("في عمّان") && !has_shadda("سلطنة عُمان"));
    }

    #[test]
    fn digits_in_three_scripts_fold_to_ascii() {
        assert_eq!(normalize("١٩٢ طناً"), "192 طنا");
        assert_eq!(normalize("۲۰۲۵"), "2025");
        assert_eq!(fold_digits("٢٧ أكتوبر"), "27 أكتوبر");
        assert_eq!(to_arabic_indic_digits("13 أغسطس 2025"), "١٣ أغسطس ٢٠٢٥");
    }

    #[test]
    fn persian_forms_and_invisible_marks() {
        assert_eq!(normalize("کیم"), "كيم");
        assert_eq!(normalize("بو\u{200f}تين"), "بوتين");
        assert_eq!(normalize("KCNA"), "kcna");
    }

    #[test]
    fn detects_arabic_text() {
        assert!(is_mostly_arabic("وكالة الأنباء المركزية (KCNA)"));
        assert!(!is_mostly_arabic("Agence France-Presse ©"));
    }
}
