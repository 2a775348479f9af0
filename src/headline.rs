//! Title and subtitle of a raw article.
//!
//! A scraped article opens with its headline (a short line without a full
//! stop), often followed by a standfirst (a second short line). Wire copy
//! often has neither and opens straight into the lede; then the title is
//! derived from the lede's first sentence, cut where a reader would, and
//! marked as derived so the editor knows to check it.

use crate::article::{Block, BlockKind};
use crate::clean::{TITLE_MAX_WORDS, is_headline_like};
use arabic::{is_stop_word, normalize};

/// An article's headline, separated from its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    pub title: String,
    /// True when the text had no headline and the title comes from the lede.
    pub derived: bool,
    pub subtitle: Option<String>,
    /// The blocks left once title and subtitle are taken out.
    pub body: Vec<Block>,
}

/// A derived title stops at the first clause break within this many words…
const DERIVED_CLAUSE_MAX_WORDS: usize = 16;
/// …or else is cut to this many words.
const DERIVED_CUT_WORDS: usize = 12;

/// Takes the first headline-shaped line as the title and a second one
/// right after it as the subtitle; with no headline, derives the title from
/// the lede, which stays in the body.
pub fn find_headline(mut blocks: Vec<Block>) -> Headline {
    let headline_at = |blocks: &[Block], i: usize| {
        blocks.get(i).is_some_and(|b| {
            b.kind == BlockKind::Heading || is_headline_like(&b.text, TITLE_MAX_WORDS)
        })
    };
    if headline_at(&blocks, 0) {
        let title = blocks.remove(0).text;
        // A standfirst needs a body after it; a lone second line is the body.
        // A line giving only the time of day is evidence, not a standfirst.
        let subtitle = (headline_at(&blocks, 0)
            && blocks.len() > 1
            && !arabic::dates::is_time_line(&blocks[0].text))
        .then(|| blocks.remove(0).text);
        return Headline {
            title,
            derived: false,
            subtitle,
            body: blocks,
        };
    }
    let lede = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .map_or("", |b| b.text.as_str());
    Headline {
        title: derive_title(lede),
        derived: true,
        subtitle: None,
        body: blocks,
    }
}

/// A readable title from a lede: its first sentence, without a leading
/// dateline, up to the first clause break or cut at a word boundary.
pub fn derive_title(lede: &str) -> String {
    let sentence = arabic::sentences(lede).into_iter().next().unwrap_or("");
    let sentence = strip_dateline(sentence);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let clause_end = words
        .iter()
        .take(DERIVED_CLAUSE_MAX_WORDS)
        .position(|w| w.ends_with(['،', ',', '؛', ':', ';']))
        .filter(|&i| i >= 4);
    let (taken, cut) = match clause_end {
        Some(i) => (&words[..=i], false),
        None if words.len() <= DERIVED_CLAUSE_MAX_WORDS => (&words[..], false),
        None => (&words[..DERIVED_CUT_WORDS], true),
    };
    // A cut title must not end on "في" or "بين": drop trailing function words.
    let mut taken = taken;
    while cut && taken.len() > 1 && is_stop_word(&normalize(taken[taken.len() - 1])) {
        taken = &taken[..taken.len() - 1];
    }
    let mut title = taken.join(" ");
    let trimmed = title
        .trim_end_matches(['،', ',', '؛', ':', ';', '.', '!', '؟', '?'])
        .len();
    title.truncate(trimmed);
    if title.matches('«').count() > title.matches('»').count() {
        title.push('»');
    }
    if cut {
        title.push('…');
    }
    title
}

/// Drops a wire dateline that opens a lede: "موسكو (أ ف ب) - ",
/// "واشنطن – ", "(CNN) -- ".
fn strip_dateline(sentence: &str) -> &str {
    for dash in [" - ", " – ", " — ", " ـ ", " -- "] {
        if let Some((head, rest)) = sentence.split_once(dash)
            && arabic::lines::word_count(head) <= 5
            && (head.contains('(') || arabic::lines::word_count(head) <= 2)
        {
            return rest.trim_start();
        }
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    fn headline_of(raw: &str) -> Headline {
        find_headline(clean(raw).remove(0).blocks)
    }

    #[test]
    fn headline_and_standfirst() {
        let h = headline_of(
            "بوتين يلتقي أبرز دبلوماسي من كوريا الشمالية: العلاقات تتطور وفق المخطط\n\nامتداح للألفة الروحية بين البلدين\nنشر في 27 أكتوبر 2025\n\nالتقى الرئيس الروسي فلاديمير بوتين بوزيرة خارجية كوريا الشمالية في الكرملين.",
        );
        assert_eq!(
            h.title,
            "بوتين يلتقي أبرز دبلوماسي من كوريا الشمالية: العلاقات تتطور وفق المخطط"
        );
        assert!(!h.derived);
        assert_eq!(
            h.subtitle.as_deref(),
            Some("امتداح للألفة الروحية بين البلدين")
        );
        assert_eq!(h.body.len(), 1);
    }

    #[test]
    fn a_time_under_the_headline_is_not_a_subtitle() {
        for time in ["على الساعة 11:37", "الساعة 09:05 بتوقيت مكة", "10:35 ص"]
        {
            let h = headline_of(&format!(
                "وزير الطاقة يعلن خطة لخفض أسعار الوقود\n\n{time}\n\nأعلن وزير الطاقة اليوم خطة جديدة لخفض أسعار الوقود خلال الأشهر الستة المقبلة. وقال الوزير إن الخطة تبدأ الشهر المقبل."
            ));
            assert_eq!(h.title, "وزير الطاقة يعلن خطة لخفض أسعار الوقود");
            assert_eq!(h.subtitle, None, "{time}");
        }
    }

    #[test]
    fn a_sentence_after_the_headline_is_the_lede_not_a_subtitle() {
        let h = headline_of(
            "بوتين يثني على «بطولة» الكوريين الشماليين\n\nجاء الاتصال بين الزعيمين قبل أيام من قمة كان من المقرر أن تجمع ترامب ببوتين في ألاسكا.\n\nأشاد الرئيس الروسي بالشجاعة التي أبدتها القوات.",
        );
        assert_eq!(h.title, "بوتين يثني على «بطولة» الكوريين الشماليين");
        assert_eq!(h.subtitle, None);
        assert_eq!(h.body.len(), 2);
    }

    #[test]
    fn title_derived_from_lede_stops_at_a_clause() {
        let h = headline_of(
            "أعلن الرئيس الروسي فلاديمير بوتين الإثنين أنّ العلاقات بين موسكو وبيونغ يانغ تتطوّر “وفق الخطة المرسومة”، خلال استقباله وزيرة الخارجية الكورية الشمالية في الكرملين.\nمن جانبها، قالت الوزيرة إنها ستنقل تحيات بوتين.",
        );
        assert!(h.derived);
        assert_eq!(
            h.title,
            "أعلن الرئيس الروسي فلاديمير بوتين الإثنين أنّ العلاقات بين موسكو وبيونغ يانغ تتطوّر “وفق الخطة المرسومة”"
        );
        // The lede stays in the body.
        assert_eq!(h.body.len(), 2);
    }

    #[test]
    fn long_lede_is_cut_at_a_word_boundary_without_a_dangling_preposition() {
        let title = derive_title(
            "القاهرة (أ ف ب) - قال وزير الخارجية المصري في مؤتمر صحافي عقده اليوم بمقر الوزارة في القاهرة إن المحادثات مع الجانب الإثيوبي وصلت إلى طريق مسدود.",
        );
        assert_eq!(
            title,
            "قال وزير الخارجية المصري في مؤتمر صحافي عقده اليوم بمقر الوزارة…"
        );
    }

    #[test]
    fn short_lede_is_the_title_whole() {
        assert_eq!(
            derive_title("استقال رئيس الوزراء الياباني. وسيخلفه وزير المالية."),
            "استقال رئيس الوزراء الياباني"
        );
    }
}
