//! Quotes attributed to listed people.
//!
//! News Arabic introduces a quote in a few fixed ways: a speech verb, then
//! the speaker, then a colon or a complementiser (قال بوتين: «…», وأكد كيم
//! أن «…»), or the quote first and the source after it («…» بحسب لافروف).
//! A quote is attributed only when one of those patterns holds with a listed
//! person in the speaker's place; everything else (a quote whose speaker is
//! implied by the previous sentence, a verb whose subject is an agency, a
//! two-word fragment) is left alone rather than guessed.

use super::list::EntityKind;
use super::matcher::{Hit, Matcher};
use crate::article::Quote;
use arabic::scan::Positions;
use arabic::{WordList, proclitic_readings};

/// Verbs that introduce what someone said, normalised. The subject follows
/// the verb in Arabic, so the first person named after one is the speaker.
const SPEECH_VERBS: &[&str] = &[
    "قال",
    "قالت",
    "اضاف",
    "اضافت",
    "اكد",
    "اكدت",
    "تابع",
    "تابعت",
    "اوضح",
    "اوضحت",
    "صرح",
    "صرحت",
    "شدد",
    "شددت",
    "اعتبر",
    "اعتبرت",
    "كتب",
    "كتبت",
    "حذر",
    "حذرت",
    "اعلن",
    "اعلنت",
    "افاد",
    "افادت",
    "اخبر",
    "اخبرت",
    "ابلغ",
    "ابلغت",
    "تعهد",
    "تعهدت",
    "اعرب",
    "اعربت",
    "يقول",
    "تقول",
];

/// Words that end the speaker's part and start what was said: إن, أن,
/// بأن and their pronoun forms, normalised.
const COMPLEMENTISERS: &[&str] = &["ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "بانهم"];

/// Words that name the source after a quote: بحسب, وفق, قال …
const SOURCE_AFTER: &[&str] = &[
    "بحسب",
    "حسب",
    "حسبما",
    "وفق",
    "وفقا",
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "اضاف",
    "اضافت",
];

/// Words after a source word that still let a preposition sit on the
/// speaker (وفقا لبوتين); after قال a preposition marks the listener.
const SOURCE_WITH_PREPOSITION: &[&str] = &["وفقا", "وفق"];

/// A speaker named further than this many words after the verb is not the
/// verb's subject.
const MAX_WORDS_VERB_TO_SPEAKER: usize = 8;
/// Between the speaker and the quote: an apposition, a place, an addressee.
const MAX_WORDS_SPEAKER_TO_QUOTE: usize = 30;
/// Shorter quotes are scare quotes around a word or two, not statements.
const MIN_QUOTE_WORDS: usize = 3;

/// A quoted passage: byte ranges of the whole (marks included) and of the
/// words inside.
#[derive(Debug, Clone, Copy)]
struct Quoted {
    open: usize,
    close_end: usize,
    inner: (usize, usize),
}

/// Quotes in `text` attributed to listed people, in reading order.
pub(crate) fn find_quotes(
    matcher: &Matcher,
    text: &str,
    ws: &WordList,
    hits: &[Hit],
) -> Vec<Quote> {
    let quoted = quoted_passages(text);
    let mut out: Vec<Quote> = Vec::new();
    for (i, q) in quoted.iter().enumerate() {
        let inner = &text[q.inner.0..q.inner.1];
        // Words are in order and do not overlap, so those inside the quote
        // are one run, found by two binary searches rather than a scan of
        // the whole article per quote.
        let first_inside = ws.spans().partition_point(|w| w.start < q.inner.0);
        let past_inside = ws.spans().partition_point(|w| w.end <= q.inner.1);
        let inner_words = past_inside.saturating_sub(first_inside);
        if inner_words < MIN_QUOTE_WORDS {
            continue;
        }
        let segment_start =
            segment_start(text, q.open, i.checked_sub(1).map(|p| quoted[p].close_end));
        let speaker = speaker_before(matcher, text, ws, hits, segment_start, q)
            .or_else(|| speaker_after(matcher, text, ws, hits, q));
        if let Some(entity) = speaker {
            let quote = Quote {
                speaker: matcher.slug(entity).to_string(),
                text: inner.trim().to_string(),
            };
            if !out.contains(&quote) {
                out.push(quote);
            }
        }
    }
    out
}

/// Where the sentence holding a quote opening at `open` starts: after the
/// last sentence end or the previous quote, whichever is later.
fn segment_start(text: &str, open: usize, previous_quote_end: Option<usize>) -> usize {
    let sentence = text[..open]
        .rfind(['.', '!', '?', '؟', '\n'])
        .map_or(0, |i| i + 1);
    sentence.max(previous_quote_end.unwrap_or(0))
}

/// True when `norm` (a word as written) is one of `set`, allowing a
/// conjunction in front (وقال, فأكد).
fn is_one_of(norm: &str, set: &[&str]) -> bool {
    set.contains(&norm)
        || proclitic_readings(norm, 3)
            .iter()
            .any(|r| set.contains(&r.as_str()))
}

/// `verb SPEAKER … (: | إن | أن) «…»`.
fn speaker_before(
    matcher: &Matcher,
    text: &str,
    ws: &WordList,
    hits: &[Hit],
    segment_start: usize,
    q: &Quoted,
) -> Option<u32> {
    let spans = ws.spans();
    let first_in_segment = spans.partition_point(|w| w.start < segment_start);
    let quote_word = spans.partition_point(|w| w.start < q.open);
    let verb = (first_in_segment..quote_word)
        .rev()
        .find(|&i| is_one_of(ws.norm(i), SPEECH_VERBS))?;
    // What was said starts at the first colon or complementiser after the
    // verb; the speaker must come before it.
    let said_from = (verb + 1..quote_word)
        .find(|&i| {
            COMPLEMENTISERS.contains(&ws.norm(i))
                || text[spans[i - 1].end..spans[i].start].contains(':')
        })
        .unwrap_or(quote_word);
    let colon_before_quote = text[spans[quote_word - 1].end..q.open].contains(':');
    let speaker = hits.iter().find(|h| {
        h.word > verb && h.word < said_from && matcher.kind(h.entity) == EntityKind::Person
    })?;
    let introduced =
        said_from < quote_word || colon_before_quote || speaker.word + speaker.len == quote_word;
    let close_enough = speaker.word - verb <= MAX_WORDS_VERB_TO_SPEAKER
        && quote_word - (speaker.word + speaker.len) <= MAX_WORDS_SPEAKER_TO_QUOTE;
    (introduced && close_enough && !speaker.preposition).then_some(speaker.entity)
}

/// `«…» (بحسب | وفقا ل | قال) SPEAKER`.
fn speaker_after(
    matcher: &Matcher,
    text: &str,
    ws: &WordList,
    hits: &[Hit],
    q: &Quoted,
) -> Option<u32> {
    let next = ws.spans().partition_point(|w| w.start < q.close_end);
    let source = ws.spans().get(next)?;
    let gap = &text[q.close_end..source.start];
    if !gap
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '،' | ','))
        || !is_one_of(ws.norm(next), SOURCE_AFTER)
    {
        return None;
    }
    let speaker = hits.iter().find(|h| h.word > next && h.word <= next + 2)?;
    let preposition_allowed = is_one_of(ws.norm(next), SOURCE_WITH_PREPOSITION);
    let person = matcher.kind(speaker.entity) == EntityKind::Person;
    (person && (preposition_allowed || !speaker.preposition)).then_some(speaker.entity)
}

/// The first bytes of every character [`quoted_passages`] reacts to: `"`,
/// the line break, and the lead bytes of « » (C2) and “ ” „ (E2). Arabic
/// letters start with other bytes, so the text between is skipped unread.
const QUOTE_LEAD_BYTES: &[u8] = b"\"\n\xC2\xE2";

/// Quoted passages: «…», “…”, „…“ and "…", each within one paragraph.
fn quoted_passages(text: &str) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let marks = Positions::new(text.as_bytes(), QUOTE_LEAD_BYTES);
    // Each position is a lead byte or an ASCII byte: a character boundary.
    for (i, c) in marks.map(|i| {
        (
            i,
            text[i..].chars().next().expect("a character starts here"),
        )
    }) {
        match open {
            None => {
                if matches!(c, '«' | '“' | '„' | '"') {
                    open = Some((i, c));
                }
            }
            Some((start, opener)) => {
                let closes = match opener {
                    '«' => c == '»',
                    '“' => c == '”',
                    '„' => c == '“' || c == '”',
                    _ => c == '"',
                };
                if closes {
                    let inner = (start + opener.len_utf8(), i);
                    out.push(Quoted {
                        open: start,
                        close_end: i + c.len_utf8(),
                        inner,
                    });
                    open = None;
                } else if c == '\n' {
                    open = None;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::entities::{EntityList, Matcher};

    fn quotes(body: &str) -> Vec<(String, String)> {
        let text = format!("عنوان\n\n{body}");
        let sentences: Vec<String> = arabic::sentences(body)
            .into_iter()
            .map(String::from)
            .collect();
        Matcher::new(&EntityList::bundled())
            .analyse(&text, &sentences)
            .quotes
            .into_iter()
            .map(|q| (q.speaker, q.text))
            .collect()
    }

    #[test]
    fn passages_open_and_close_with_their_own_marks() {
        let text = "قال «أ ب» ثم “ج د” و„هـ و“ و\"ز ح\" ثم «لم يغلق\nهنا» و«ط»";
        let found: Vec<&str> = super::quoted_passages(text)
            .iter()
            .map(|q| &text[q.inner.0..q.inner.1])
            .collect();
        assert_eq!(found, ["أ ب", "ج د", "هـ و", "ز ح", "ط"]);
    }

    #[test]
    fn verb_speaker_colon() {
        let q = quotes("وقال بوتين، في مقال نشرته الصحف الكورية: «نحن نقدر عاليا دعمكم القوي».");
        assert_eq!(
            q,
            [(
                "vladimir-putin".to_string(),
                "نحن نقدر عاليا دعمكم القوي".to_string()
            )]
        );
    }

    #[test]
    fn verb_speaker_complementiser_with_titles_and_clitics() {
        let q = quotes(
            "وأكد الرئيس الأمريكي دونالد ترمب أن بلاده “لن تقبل أبدا بهذا الاتفاق”. \
             وقال الأمين العام لحلف شمال الأطلسي (الناتو) ينس ستولتنبرغ، الاثنين، إن زيارة بوتين تظهر «مدى اعتماد موسكو على حلفائها».",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "donald-trump");
        assert_eq!(
            q[1],
            (
                "jens-stoltenberg".to_string(),
                "مدى اعتماد موسكو على حلفائها".to_string()
            )
        );
    }

    #[test]
    fn quote_then_source() {
        let q =
            quotes("«العلاقات بين البلدين تتطور وفق الخطة»، بحسب لافروف. ولفت سيرغي لافروف إلى ذلك.");
        assert_eq!(
            q,
            [(
                "sergei-lavrov".to_string(),
                "العلاقات بين البلدين تتطور وفق الخطة".to_string()
            )]
        );
    }

    #[test]
    fn ambiguous_patterns_are_left_alone() {
        // The listener, not the speaker, carries the preposition.
        assert!(quotes("وقال مسؤول لبوتين إن «الوضع صعب للغاية هنا».").is_empty());
        // A person named after the complementiser is what was said about.
        assert!(
            quotes("وأضاف أنه في حال توصل ترامب إلى اتفاق يمكن \"لبوتين أن ينقل وجهة نظره\".")
                .is_empty()
        );
        // An agency speaks, not a person.
        assert!(
            quotes("وأكد الكرملين في بيان أن «بوتين تشارك معلومات مع الجانب الكوري».").is_empty()
        );
        // Scare quotes around two words.
        assert!(quotes("وقال بوتين لكيم جونغ أون إنه «يقدر عاليا» دعم بلاده.").is_empty());
        // No speaker in the sentence.
        assert!(quotes("وقال: «أفضل طريقة للرد هي مواصلة الدعم».").is_empty());
    }
}
