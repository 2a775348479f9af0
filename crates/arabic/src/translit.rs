//! Arabic letters in Latin script, for identifiers such as URL slugs.
//!
//! A letter-by-letter mapping, not a scholarly romanisation: it must be
//! stable (a slug never changes for the same title) and readable in a
//! browser bar, where percent-encoded Arabic turns into `%D8%A8` walls.

/// Transliterates one Arabic letter (before normalisation, so that taa
/// marbuta can read as `a`); `None` for letters that vanish (ع, ء, marks)
/// and for anything that is not an Arabic letter.
///
/// ```
/// assert_eq!(arabic::translit::latin('ش'), Some("sh"));
/// assert_eq!(arabic::translit::latin('ة'), Some("a"));
/// assert_eq!(arabic::translit::latin('ع'), None);
/// ```
pub fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'ى' => "a",
        'ب' => "b",
        'ت' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' => "h",
        'خ' => "kh",
        'د' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' => "z",
        'س' => "s",
        'ش' => "sh",
        'ص' => "s",
        'ض' => "d",
        'ط' => "t",
        'ظ' => "z",
        'غ' => "gh",
        'ف' | 'ڤ' => "f",
        'ق' => "q",
        'ك' | 'ک' | 'گ' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'ه' => "h",
        'ة' => "a",
        'و' | 'ؤ' => "w",
        'ي' | 'ی' | 'ئ' => "y",
        _ => return None,
    })
}
