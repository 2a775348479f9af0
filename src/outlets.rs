//! The outlet that published an article, from evidence in its text.
//!
//! Outlets are known only through the `[[outlets]]` table of `site.toml`
//! (a display name and the phrases that identify it); an outlet the table
//! does not list stays unknown. The same phrase weighs differently by where
//! it stands, so evidence is ranked, strongest first:
//!
//! 1. a wire sign-off the cleaner removed ("Agence France-Presse ©");
//! 2. a credit in the lede's dateline ("(CNN) --", "موسكو (رويترز) -");
//! 3. a mention in the text ("قال … لفرانس برس", "للجزيرة"), which may only
//!    be a quoted source, so more mentions outweigh fewer;
//! 4. the site's own byline on the related-article teasers scraped with the
//!    page («الشرق الأوسط» (موسكو)), which says whose page it was.
//!
//! Photo credits («… (أ.ف.ب)») say who took a picture, not who wrote the
//! story, and are never evidence.

use crate::arabic::lines::{before_closing_parenthetical, word_count};
use crate::arabic::normalize;
use crate::article::{Block, BlockKind, DebrisKind, Evidence, Removed};
use crate::config::OutletConfig;

/// How strongly a piece of text ties an article to an outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    RelatedByline,
    Mention,
    Dateline,
    SignOff,
}

#[derive(Debug)]
struct Candidate {
    strength: Strength,
    outlet: usize,
    count: usize,
    detail: String,
}

/// A dateline credit stands within this many words of the lede's start.
const DATELINE_WORDS: usize = 4;
/// The longest related-block line read as a byline.
const BYLINE_MAX_WORDS: usize = 6;

/// The outlet with the strongest evidence, and that evidence.
pub fn find_source(
    blocks: &[Block],
    removed: &[Removed],
    outlets: &[OutletConfig],
) -> Option<(String, Evidence)> {
    let patterns: Vec<(usize, &str, String)> = outlets
        .iter()
        .enumerate()
        .flat_map(|(i, outlet)| {
            outlet
                .patterns
                .iter()
                .map(move |p| (i, p.as_str(), normalize(p)))
        })
        .filter(|(_, _, norm)| !norm.trim().is_empty())
        .collect();
    if patterns.is_empty() {
        return None;
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut desk_code = None;

    for r in removed.iter().filter(|r| r.kind == DebrisKind::SignOff) {
        let norm = normalize(&r.text);
        let before = candidates.len();
        for (outlet, _, pattern) in &patterns {
            if occurrences(&norm, pattern).next().is_some() {
                let detail = format!("wire sign-off «{}»", r.text);
                add(&mut candidates, Strength::SignOff, *outlet, detail);
            }
        }
        if candidates.len() == before && r.text.contains('/') {
            desk_code = Some(r.text.as_str());
        }
    }

    let mut paragraphs = blocks.iter().filter(|b| b.kind == BlockKind::Paragraph);
    if let Some(lede) = paragraphs.next() {
        let norm = normalize(&lede.text);
        for (outlet, written, pattern) in &patterns {
            if occurrences(&norm, pattern).any(|at| is_dateline_credit(&norm, at, pattern.len())) {
                add(
                    &mut candidates,
                    Strength::Dateline,
                    *outlet,
                    format!("dateline credit «{written}»"),
                );
            }
        }
    }

    for block in blocks {
        let norm = normalize(&block.text);
        for (outlet, written, pattern) in &patterns {
            for _ in occurrences(&norm, pattern) {
                add(
                    &mut candidates,
                    Strength::Mention,
                    *outlet,
                    format!("named in the text «{written}»"),
                );
            }
        }
    }

    for r in removed
        .iter()
        .filter(|r| r.kind == DebrisKind::RelatedBlock)
    {
        let byline = before_closing_parenthetical(&r.text);
        if word_count(byline) > BYLINE_MAX_WORDS {
            continue;
        }
        let norm = normalize(byline);
        for (outlet, _, pattern) in &patterns {
            if occurrences(&norm, pattern).next().is_some() {
                let detail = format!(
                    "byline of the related articles scraped with the page «{}»",
                    r.text
                );
                add(&mut candidates, Strength::RelatedByline, *outlet, detail);
            }
        }
    }

    // Strongest first; among equals, more occurrences, then the earliest found.
    let best = candidates
        .iter()
        .enumerate()
        .max_by_key(|(order, c)| (c.strength, c.count, std::cmp::Reverse(*order)))
        .map(|(_, c)| c)?;
    let mut detail = best.detail.clone();
    if best.count > 1 {
        detail.push_str(&format!(", {}×", best.count));
    }
    if let Some(code) = desk_code {
        detail.push_str(&format!(", with wire desk code «{code}»"));
    }
    Some((outlets[best.outlet].name.clone(), Evidence::text(detail)))
}

/// Counts one more piece of evidence of `strength` for `outlet`.
fn add(candidates: &mut Vec<Candidate>, strength: Strength, outlet: usize, detail: String) {
    match candidates
        .iter_mut()
        .find(|c| c.strength == strength && c.outlet == outlet)
    {
        Some(c) => c.count += 1,
        None => candidates.push(Candidate {
            strength,
            outlet,
            count: 1,
            detail,
        }),
    }
}

/// Byte offsets where `pattern` occurs in `text` as whole words. Both are
/// normalised. A pattern may carry Arabic proclitics glued in front
/// (لفرانس برس، وللجزيرة), but never sits inside a longer word.
fn occurrences<'a>(text: &'a str, pattern: &'a str) -> impl Iterator<Item = usize> + 'a {
    let starts_word = pattern.starts_with(char::is_alphanumeric);
    let ends_word = pattern.ends_with(char::is_alphanumeric);
    text.match_indices(pattern)
        .map(|(at, _)| at)
        .filter(move |&at| {
            let glued: Vec<char> = text[..at]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let start_ok =
                !starts_word || (glued.len() <= 2 && glued.iter().all(|c| "وفبلك".contains(*c)));
            let end_ok =
                !ends_word || !text[at + pattern.len()..].starts_with(char::is_alphanumeric);
            start_ok && end_ok
        })
}

/// A credit in the dateline that opens a lede: a few words in, and closed
/// by a dash or colon, or standing in brackets: "موسكو (رويترز) - ",
/// "واشنطن - «الشرق الأوسط»: ", "(CNN) -- ".
fn is_dateline_credit(lede: &str, at: usize, len: usize) -> bool {
    let head = &lede[..at];
    let after = lede[at + len..].trim_start_matches([')', '»', ' ']);
    word_count(head) <= DATELINE_WORDS
        && (head.trim_end().ends_with('(')
            || lede[..at + len].ends_with(')')
            || after.starts_with(['-', '–', '—', 'ـ', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    fn outlets() -> Vec<OutletConfig> {
        let outlet = |name: &str, patterns: &[&str]| OutletConfig {
            name: name.to_string(),
            patterns: patterns.iter().map(|p| p.to_string()).collect(),
        };
        vec![
            outlet(
                "فرانس برس",
                &["Agence France-Presse", "فرانس برس", "أ.ف.ب", "ا ف ب"],
            ),
            outlet("الجزيرة", &["للجزيرة", "الجزيرة نت"]),
            outlet("الشرق الأوسط", &["«الشرق الأوسط»"]),
            outlet("رويترز", &["رويترز", "Reuters"]),
            outlet("سي إن إن", &["(CNN)"]),
        ]
    }

    fn source_of(raw: &str) -> Option<(String, String)> {
        let cleaned = clean(raw).remove(0);
        find_source(&cleaned.blocks, &cleaned.removed, &outlets()).map(|(name, e)| (name, e.detail))
    }

    const BODY: &str = "وقال المتحدث باسم الحكومة إن الاجتماع انتهى من دون اتفاق على موعد جديد.";

    #[test]
    fn sign_off_beats_a_mention_of_another_outlet() {
        let raw = format!(
            "{BODY}\nوقال مسؤول لوكالة رويترز إن المحادثات ستستأنف.\nبور/ناش/غ ر\nAgence France-Presse ©"
        );
        let (name, detail) = source_of(&raw).unwrap();
        assert_eq!(name, "فرانس برس");
        assert_eq!(
            detail,
            "wire sign-off «Agence France-Presse ©», with wire desk code «بور/ناش/غ ر»"
        );
    }

    #[test]
    fn dateline_credit() {
        let raw = format!("موسكو (رويترز) - {BODY}\nوقال مسؤول لفرانس برس إن المحادثات ستستأنف.");
        let (name, detail) = source_of(&raw).unwrap();
        assert_eq!(name, "رويترز");
        assert_eq!(detail, "dateline credit «رويترز»");
        let (name, _) = source_of(&format!("(CNN) -- {BODY}")).unwrap();
        assert_eq!(name, "سي إن إن");
    }

    #[test]
    fn mentions_with_proclitics() {
        let raw = format!("{BODY}\nوأفاد رئيس الجامعة فرانس برس بأن الكشف عن المحادثة مؤشر.");
        assert_eq!(source_of(&raw).unwrap().0, "فرانس برس");
        let raw = format!("{BODY}\nوقالت مديرة البرنامج للجزيرة إن الاتصال يوحي بدور روسي.");
        assert_eq!(
            source_of(&raw).unwrap(),
            (
                "الجزيرة".to_string(),
                "named in the text «للجزيرة»".to_string()
            )
        );
    }

    #[test]
    fn photo_credits_and_lookalike_words_are_not_evidence() {
        let raw = format!(
            "{BODY}\nالرئيس الروسي خلال اجتماع في الكرملين (رويترز)\nوقال إن شبه الجزيرة الكورية تواجه وضعا صعبا.\nوحضر مراسلو رويترزية."
        );
        assert_eq!(source_of(&raw), None);
    }

    #[test]
    fn related_block_bylines_name_the_site() {
        let raw = format!(
            "{BODY}\nمقالات ذات صلة\nبوتين يأمر باختبارات للصاروخ\nأمر الرئيس الروسي بإنتاج كمية كبيرة من الصاروخ الجديد ومواصلة اختباره.\n«الشرق الأوسط» (موسكو)\nأوروبا سكان أمام منزل متضرر (رويترز)"
        );
        let (name, detail) = source_of(&raw).unwrap();
        assert_eq!(name, "الشرق الأوسط");
        assert!(
            detail.starts_with("byline of the related articles"),
            "{detail}"
        );
    }

    #[test]
    fn unknown_outlets_stay_unknown() {
        let raw = format!("{BODY}\nوقال مسؤول لوكالة يونهاب إن المحادثات ستستأنف.\nح س/ع ش");
        assert_eq!(source_of(&raw), None);
    }
}
