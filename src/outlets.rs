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

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::article::{Block, BlockKind, DebrisKind, Evidence, Removed};
use crate::config::OutletConfig;
use arabic::lines::{before_closing_parenthetical, word_count};
use arabic::{is_letter_or_digit, normalize};

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
///
/// Compiles the outlet table once per thread and reuses it while the table
/// stays the same, so calling this for every article costs one pass over
/// its text.
pub fn find_source(
    blocks: &[Block],
    removed: &[Removed],
    outlets: &[OutletConfig],
) -> Option<(String, Evidence)> {
    thread_local! {
        static COMPILED: RefCell<Option<(Vec<OutletConfig>, Rc<OutletMatcher>)>> = const { RefCell::new(None) };
    }
    let matcher = COMPILED.with(|cell| {
        let mut cell = cell.borrow_mut();
        match &*cell {
            Some((table, matcher)) if same_table(table, outlets) => Rc::clone(matcher),
            _ => {
                let matcher = Rc::new(OutletMatcher::new(outlets));
                *cell = Some((outlets.to_vec(), Rc::clone(&matcher)));
                matcher
            }
        }
    });
    matcher.find_source(blocks, removed)
}

fn same_table(a: &[OutletConfig], b: &[OutletConfig]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.name == y.name && x.patterns == y.patterns)
}

/// The `[[outlets]]` table compiled for searching: every pattern in its
/// configured spelling and in its normalised spelling (أ.ف.ب and ا.ف.ب),
/// Latin letters in any case, all found in one pass over a text.
pub struct OutletMatcher {
    names: Vec<String>,
    /// For each pattern of the automaton: its outlet, and the pattern as
    /// configured (for the evidence).
    patterns: Vec<(usize, String)>,
    automaton: Option<AhoCorasick>,
}

impl OutletMatcher {
    pub fn new(outlets: &[OutletConfig]) -> OutletMatcher {
        let mut needles: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        for (outlet, config) in outlets.iter().enumerate() {
            for written in config
                .patterns
                .iter()
                .map(|p| p.trim())
                .filter(|p| !p.is_empty())
            {
                for needle in [written.to_string(), normalize(written)] {
                    if !needle.trim().is_empty() && !needles.contains(&needle) {
                        needles.push(needle);
                        patterns.push((outlet, written.to_string()));
                    }
                }
            }
        }
        let automaton = (!needles.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&needles)
                    .ok()
            })
            .flatten();
        OutletMatcher {
            names: outlets.iter().map(|o| o.name.clone()).collect(),
            patterns,
            automaton,
        }
    }

    /// Whole-word occurrences in `text`: (outlet, pattern as configured, range).
    fn occurrences<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, &'t str, Range<usize>)> + 't {
        self.automaton.iter().flat_map(move |automaton| {
            automaton
                .find_iter(text)
                .filter(|m| is_whole_word(text, m.range()))
                .map(|m| {
                    let (outlet, written) = &self.patterns[m.pattern().as_usize()];
                    (*outlet, written.as_str(), m.range())
                })
        })
    }

    /// The outlet with the strongest evidence in an article's body and in
    /// the debris the cleaner removed from it.
    pub fn find_source(&self, blocks: &[Block], removed: &[Removed]) -> Option<(String, Evidence)> {
        self.automaton.as_ref()?;
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut desk_code = None;

        for r in removed.iter().filter(|r| r.kind == DebrisKind::SignOff) {
            let before = candidates.len();
            for (outlet, _, _) in self.occurrences(&r.text) {
                add(
                    &mut candidates,
                    Strength::SignOff,
                    outlet,
                    format!("wire sign-off «{}»", r.text),
                );
            }
            if candidates.len() == before && r.text.contains('/') {
                desk_code = Some(r.text.as_str());
            }
        }

        // The cleaner takes the dateline off the lede and keeps it here.
        for r in removed
            .iter()
            .filter(|r| r.kind == DebrisKind::WireDateline)
        {
            for (outlet, written, _) in self.occurrences(&r.text) {
                add(
                    &mut candidates,
                    Strength::Dateline,
                    outlet,
                    format!("dateline credit «{written}»"),
                );
            }
        }

        if let Some(lede) = blocks.iter().find(|b| b.kind == BlockKind::Paragraph) {
            for (outlet, written, at) in self.occurrences(&lede.text) {
                if is_dateline_credit(&lede.text, at) {
                    add(
                        &mut candidates,
                        Strength::Dateline,
                        outlet,
                        format!("dateline credit «{written}»"),
                    );
                }
            }
        }

        for block in blocks {
            for (outlet, written, _) in self.occurrences(&block.text) {
                add(
                    &mut candidates,
                    Strength::Mention,
                    outlet,
                    format!("named in the text «{written}»"),
                );
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
            if let Some((outlet, _, _)) = self.occurrences(byline).next() {
                let detail = format!(
                    "byline of the related articles scraped with the page «{}»",
                    r.text
                );
                add(&mut candidates, Strength::RelatedByline, outlet, detail);
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
        Some((self.names[best.outlet].clone(), Evidence::text(detail)))
    }
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

/// Whether a match stands as whole words. A match may carry Arabic
/// proclitics glued in front (لفرانس برس، وللجزيرة), but never sits inside
/// a longer word (رويترزية).
fn is_whole_word(text: &str, at: Range<usize>) -> bool {
    let found = &text[at.clone()];
    let start_ok = !found.starts_with(is_letter_or_digit) || {
        let glued: Vec<char> = text[..at.start]
            .chars()
            .rev()
            .take_while(|&c| is_letter_or_digit(c))
            .take(3)
            .collect();
        glued.len() <= 2 && glued.iter().all(|c| "وفبلك".contains(*c))
    };
    let end_ok =
        !found.ends_with(is_letter_or_digit) || !text[at.end..].starts_with(is_letter_or_digit);
    start_ok && end_ok
}

/// A credit in the dateline that opens a lede: a few words in, and closed
/// by a dash or colon, or standing in brackets: "موسكو (رويترز) - ",
/// "واشنطن - «الشرق الأوسط»: ", "(CNN) -- ".
fn is_dateline_credit(lede: &str, at: Range<usize>) -> bool {
    let head = &lede[..at.start];
    let after = lede[at.end..].trim_start_matches([')', '»', ' ']);
    word_count(head) <= DATELINE_WORDS
        && (head.trim_end().ends_with('(')
            || lede[..at.end].ends_with(')')
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
    fn configured_and_bare_spellings_and_any_latin_case_match() {
        let raw = format!("{BODY}\nوقال المصدر لوكالة ا.ف.ب إن الاجتماع انتهى.");
        assert_eq!(source_of(&raw).unwrap().0, "فرانس برس");
        let raw = format!("{BODY}\nAGENCE FRANCE-PRESSE ©");
        assert_eq!(source_of(&raw).unwrap().0, "فرانس برس");
    }

    #[test]
    fn unknown_outlets_stay_unknown() {
        let raw = format!("{BODY}\nوقال مسؤول لوكالة يونهاب إن المحادثات ستستأنف.\nح س/ع ش");
        assert_eq!(source_of(&raw), None);
    }
}
