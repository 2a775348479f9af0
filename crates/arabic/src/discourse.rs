//! How a sentence leans on the one before it.
//!
//! News paragraphs after the lede continue it: «وقال …» (and he said),
//! «وأضاف أن …» (he added), «جاء ذلك …» (that came …), «كما …» (also),
//! «وكان …» (and it had been), «من جهته …» (for his part). Taken alone, as
//! the first line of a summary, such a sentence points at something the
//! reader never saw. [`depends_on_previous`] tells them apart from
//! sentences that stand on their own, by their opening words.

use super::words;

/// Openings, normalised and as whole words, that tie a sentence to what
/// came before: connectives, back references and demonstratives.
const DEPENDENT_OPENINGS: [&str; 61] = [
    "كما",
    "كذلك",
    "ايضا",
    "لكن",
    "ولكن",
    "لكنه",
    "لكنها",
    "غير ان",
    "الا ان",
    "بيد ان",
    "ثم",
    "فيما",
    "وفيما",
    "في حين",
    "وفي حين",
    "واما",
    "لذلك",
    "لذا",
    "وبذلك",
    "وعليه",
    "بدوره",
    "بدورها",
    "من جهته",
    "من جهتها",
    "من جانبه",
    "من جانبها",
    "في المقابل",
    "وفي المقابل",
    "الي ذلك",
    "والي ذلك",
    "اضافه الي ذلك",
    "علاوه علي ذلك",
    "فضلا عن ذلك",
    "في سياق متصل",
    "وفي سياق متصل",
    "في السياق ذاته",
    "في السياق نفسه",
    "وفي السياق",
    "وفي هذا السياق",
    "في هذا السياق",
    "جاء ذلك",
    "وجاء ذلك",
    "ياتي ذلك",
    "وياتي ذلك",
    "وتاتي هذه",
    "وياتي هذا",
    "يذكر ان",
    "ويذكر ان",
    "يشار الي",
    "ويشار الي",
    "ومع ذلك",
    "ورغم ذلك",
    "وفي وقت سابق",
    "في وقت سابق",
    "وفي وقت لاحق",
    "وبحسب",
    "وحسب",
    "ووفقا",
    "ورغم ان",
    "وعلي الرغم",
    "وتابع",
];

/// Words that, standing first, are a pronoun or demonstrative subject
/// whose referent is in an earlier sentence.
const REFERRING_SUBJECTS: [&str; 16] = [
    "هو",
    "هي",
    "هم",
    "وهو",
    "وهي",
    "وهم",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "وهذا",
    "وهذه",
    "وذلك",
    "وتلك",
    "هولاء",
    "وهولاء",
];

/// Verbs of saying, adding and showing, as a continuing paragraph opens
/// with them after the conjunction و or ف (وقال، وأضافت، وأظهر …), in the
/// perfect (he, she) and the imperfect. Normalised, without the conjunction.
const CONTINUING_VERBS: [&str; 73] = [
    "قال",
    "قالت",
    "اضاف",
    "اضافت",
    "تابع",
    "تابعت",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "اشار",
    "اشارت",
    "لفت",
    "لفتت",
    "شدد",
    "شددت",
    "اعتبر",
    "اعتبرت",
    "راي",
    "رات",
    "ذكر",
    "ذكرت",
    "اظهر",
    "اظهرت",
    "بين",
    "بينت",
    "افاد",
    "افادت",
    "نقل",
    "نقلت",
    "اعرب",
    "اعربت",
    "استطرد",
    "ختم",
    "ختمت",
    "اختتم",
    "اختتمت",
    "اردف",
    "اردفت",
    "زاد",
    "كان",
    "كانت",
    "يقول",
    "تقول",
    "يري",
    "تري",
    "يضيف",
    "تضيف",
    "يشير",
    "تشير",
    "ياتي",
    "تاتي",
    "يعد",
    "تعد",
    "يعتبر",
    "تعتبر",
    "كشف",
    "كشفت",
    "نفي",
    "نفت",
    "اكتفي",
    "تطرق",
    "تطرقت",
    "ابدي",
    "ابدت",
    "دعا",
    "دعت",
    "طالب",
    "طالبت",
    "حذر",
    "حذرت",
    "اعلن",
    "اعلنت",
];

/// Verbs of saying that, followed straight by إن / أن with no subject
/// between, speak for someone named earlier («قال إن …»).
const SPEECH_VERBS: [&str; 12] = [
    "قال",
    "قالت",
    "اضاف",
    "اضافت",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "اشار",
    "اشارت",
    "ذكر",
    "ذكرت",
];

/// True when the sentence opens by leaning on an earlier one: a
/// connective or back reference (كما، جاء ذلك، من جهته، وفي سياق متصل), a
/// pronoun or demonstrative subject (وهو، هذه), a conjunction fused to a
/// verb of saying or showing (وقال، وأضافت، وأظهر التقرير، وكان), or a verb
/// of saying with no subject of its own (قال إن …).
///
/// ```
/// use arabic::depends_on_previous;
/// assert!(depends_on_previous("وأضاف أن المحادثات ستستأنف الأسبوع المقبل."));
/// assert!(depends_on_previous("جاء ذلك خلال مؤتمر صحافي في القاهرة."));
/// assert!(!depends_on_previous("أعلن الجيش اليمني السيطرة على مواقع جديدة."));
/// assert!(!depends_on_previous("وزير الخارجية يصل إلى الرياض في زيارة رسمية."));
/// ```
pub fn depends_on_previous(sentence: &str) -> bool {
    // «أما مندوب الكويت فأعلن …» (as for the Kuwaiti envoy, he …) is the
    // other side of what came before. Only as written with its hamza:
    // normalised it is also إما (either), which opens a sentence of its own.
    if matches!(sentence.split_whitespace().next(), Some("أما" | "وأما")) {
        return true;
    }
    let head: Vec<String> = words(first_chars(sentence, 80))
        .into_iter()
        .take(4)
        .map(|w| w.norm)
        .collect();
    let Some(first) = head.first() else {
        return false;
    };
    let opens_with = |phrase: &str| {
        let n = phrase.split(' ').count();
        head.len() >= n && phrase.split(' ').zip(&head).all(|(p, w)| p == w)
    };
    if DEPENDENT_OPENINGS.iter().any(|p| opens_with(p)) {
        return true;
    }
    if REFERRING_SUBJECTS.contains(&first.as_str()) {
        return true;
    }
    let fused_verb = first
        .strip_prefix('و')
        .or_else(|| first.strip_prefix('ف'))
        .is_some_and(|verb| CONTINUING_VERBS.contains(&verb));
    if fused_verb {
        return true;
    }
    let bare = first
        .strip_prefix('و')
        .or_else(|| first.strip_prefix('ف'))
        .unwrap_or(first);
    SPEECH_VERBS.contains(&bare)
        && head
            .get(1)
            .is_some_and(|w| matches!(w.as_str(), "ان" | "انه" | "انها" | "بان"))
}

/// The first `n` characters of `text` at most, cut at a character boundary.
fn first_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists are compared with normalised words: an entry written
    /// otherwise (إلى for الي) would never match.
    #[test]
    fn the_lists_are_normalised() {
        for list in [
            &DEPENDENT_OPENINGS[..],
            &REFERRING_SUBJECTS[..],
            &CONTINUING_VERBS[..],
            &SPEECH_VERBS[..],
        ] {
            for entry in list {
                for word in entry.split(' ') {
                    assert_eq!(crate::normalize(word), word, "«{entry}»");
                }
            }
        }
    }

    #[test]
    fn continuing_paragraphs_depend_on_the_one_before() {
        for sentence in [
            "وقال المتحدث باسم الوزارة إن البرنامج سيطبق على مراحل.",
            "وكان الناتج الصناعي قد ارتفع في ديسمبر الماضي بنسبة 2.9%.",
            "وأظهر التقرير أن معدل البطالة تراجع إلى أدنى مستوى.",
            "كما أعلنت الخارجية سحب تصريح بفتح قنصلية عامة.",
            "وفي سياق متصل، أعلن الجيش إسقاط طائرة مسيرة.",
            "من جهته، نفى المتحدث باسم الحكومة هذه الاتهامات.",
            "إلى ذلك، شدد المندوب البريطاني على أن بلاده لم تتلق أي رد.",
            "علاوة على ذلك، قررت الحكومة تجميد الأصول.",
            "يشار إلى أن المحادثات كانت قد توقفت الشهر الماضي.",
            "أما مندوب الكويت فأعلن أن بلاده تدين أي استخدام للأسلحة الكيماوية.",
            "ودعا في الوقت نفسه إلى آلية تحقيق مشتركة.",
            "ويأتي هذا التصويت بعد أقل من أسبوع من إقرار التعديل.",
            "ويذكر أن الرئيس كان قد أعلن ترشحه في يناير.",
            "وهو ما نفته الحكومة في بيان رسمي مساء الأحد.",
            "قال إن الحكومة لن تتراجع عن قرارها مهما كانت الضغوط.",
            "فيما أعلنت رئاسة الأركان التحام القوات في شمال المنطقة.",
        ] {
            assert!(depends_on_previous(sentence), "{sentence}");
        }
    }

    #[test]
    fn ledes_stand_on_their_own() {
        for sentence in [
            "قال وزير الخارجية المصري إن المحادثات وصلت إلى طريق مسدود.",
            "أعلنت رئيسة الوزراء البريطانية طرد 23 دبلوماسيا روسيا.",
            "وزارة العمل تعلن ارتفاع مؤشر أسعار المستهلكين في فبراير.",
            "وافق الرئيس الأمريكي على لقاء زعيم كوريا الشمالية.",
            "وصل وفد أمني مصري إلى قطاع غزة صباح اليوم.",
            "كانت الشرطة قد أغلقت الطرق المؤدية إلى الساحة منذ الصباح.",
            "ولي العهد السعودي يبدأ جولة خارجية تشمل لندن وواشنطن.",
            "إما أن يكون الاتفاق خطوة تاريخية أو مناورة جديدة.",
            "أعلنت الحكومة خطة لدعم المزارعين.",
        ] {
            assert!(!depends_on_previous(sentence), "{sentence}");
        }
        assert!(!depends_on_previous(""));
    }
}
