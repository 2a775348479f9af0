//! End to end over the bundled seeds: what nashra understands of five real
//! scraped articles (one page holding two), and that no debris reaches
//! anything a page is rendered from. Pages written like real scrapes in
//! `tests/fixtures/understanding/` hold what the seeds do not.

use std::path::Path;

use chrono::NaiveDate;
use nashra::article::{Article, BlockKind, DebrisKind, Origin, Prominence};
use nashra::build::understand;
use nashra::config::Config;
use nashra::corpus::Corpus;

fn corpus() -> Corpus {
    understand(&Config::load(Path::new("site.toml")).expect("site.toml loads"))
        .expect("seeds are understood")
}

/// The scraped pages of `tests/fixtures/understanding/`.
fn fixtures() -> Corpus {
    understand(
        &Config::load(Path::new("tests/fixtures/understanding/site.toml"))
            .expect("the fixture site.toml loads"),
    )
    .expect("the fixtures are understood")
}

/// The article of the fixture page `name` (its file name without `.txt`).
fn fixture<'a>(corpus: &'a Corpus, name: &str) -> &'a Article {
    corpus
        .articles
        .iter()
        .find(|a| a.file.ends_with(&format!("/{name}.txt")))
        .unwrap_or_else(|| panic!("no fixture {name}"))
}

fn article<'a>(corpus: &'a Corpus, file_prefix: &str, part: usize) -> &'a Article {
    corpus
        .articles
        .iter()
        .find(|a| a.file.starts_with(&format!("seeds/{file_prefix}")) && a.part == part)
        .unwrap_or_else(|| panic!("no article {file_prefix} part {part}"))
}

fn removed_kinds(a: &Article) -> Vec<DebrisKind> {
    let mut kinds: Vec<DebrisKind> = a.removed.iter().map(|r| r.kind).collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn the_page_with_a_related_block_splits_into_two_articles() {
    let corpus = corpus();
    let parts: Vec<usize> = corpus
        .articles
        .iter()
        .filter(|a| a.file.starts_with("seeds/003_"))
        .map(|a| a.part)
        .collect();
    assert_eq!(parts, [1, 2]);
    assert_eq!(corpus.articles.len(), 6);

    let first = article(&corpus, "003_", 1);
    assert_eq!(first.title, "بوتين يغادر أقصى شرق روسيا إلى كوريا الشمالية");
    assert_eq!(
        first.subtitle.as_deref(),
        Some("في أول زيارة من نوعها منذ 24 عاماً")
    );
    assert!(
        first
            .plain_text()
            .ends_with("من أجل التغلب على العقوبات التي تقودها الولايات المتحدة.")
    );
    assert!(
        removed_kinds(first).contains(&DebrisKind::RelatedBlock)
            && removed_kinds(first).contains(&DebrisKind::RepeatedHeadline)
            && removed_kinds(first).contains(&DebrisKind::SiteMarker)
    );

    let second = article(&corpus, "003_", 2);
    assert_eq!(
        second.title,
        "كيم: التواصل الدبلوماسي السابق يؤكد العداء الأميركي «الثابت» لكوريا الشمالية"
    );
    assert!(!second.title_derived);
    assert!(
        second
            .plain_text()
            .starts_with("قال الزعيم الكوري الشمالي كيم جونغ أون إن التواصل الدبلوماسي السابق")
    );
    assert!(
        second
            .plain_text()
            .ends_with("فإنه «لم يحقق أي تغيير إيجابي جوهري».")
    );
    assert!(removed_kinds(second).contains(&DebrisKind::RepeatedCaption));
    assert_ne!(first.slug, second.slug);
}

#[test]
fn titles_subtitles_and_derived_titles() {
    let corpus = corpus();
    let wire = article(&corpus, "000_", 1);
    assert!(wire.title_derived);
    assert!(
        wire.title
            .starts_with("تعهّد الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون")
    );
    assert!(!wire.title.contains("date"));

    let aljazeera = article(&corpus, "001_", 1);
    assert_eq!(
        aljazeera.title,
        "بوتين يثني على «بطولة» الكوريين الشماليين في تحرير كورسك — بحسب بيونغ يانغ"
    );
    assert!(!aljazeera.title_derived);

    let with_standfirst = article(&corpus, "002_", 1);
    assert_eq!(
        with_standfirst.title,
        "بوتين يلتقي أبرز دبلوماسي من كوريا الشمالية: العلاقات تتطور وفق المخطط"
    );
    assert_eq!(
        with_standfirst.subtitle.as_deref(),
        Some("امتداح للألفة الروحية بين البلدين")
    );

    let afp = article(&corpus, "004_", 1);
    assert!(afp.title_derived);
    assert!(afp.title.starts_with("أعلن الرئيس الروسي فلاديمير بوتين"));
    assert!(afp.title.chars().count() < afp.text_blocks().next().unwrap().text.chars().count());
}

#[test]
fn subheadings_render_as_headings() {
    let corpus = corpus();
    let headings = |a: &Article| -> Vec<String> {
        a.text_blocks()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.to_string())
            .collect()
    };
    assert_eq!(
        headings(article(&corpus, "004_", 1)),
        [
            "تحالف عسكري",
            "نشاط دبلوماسي مكثّف",
            "شراكة اقتصادية وثقافية"
        ]
    );
    assert_eq!(
        headings(article(&corpus, "002_", 1)),
        [
            "تعزيز العلاقات والتحالف العسكري",
            "الاعتراف والمناسبات الرسمية",
            "اجتماعات سابقة وردود دولية"
        ]
    );
    assert_eq!(headings(article(&corpus, "000_", 1)), ["تداعيات إيجابية"]);
    assert_eq!(headings(article(&corpus, "003_", 2)), ["زعيمان «في الحب»"]);
}

#[test]
fn stated_dates_are_found_and_unstated_ones_stay_undated() {
    let corpus = corpus();
    let iso = article(&corpus, "000_", 1);
    assert_eq!(iso.published.map(|p| p.date), date(2025, 8, 13));
    assert_eq!(iso.date_evidence.origin, Origin::Text);
    assert!(
        iso.date_evidence.detail.contains("date 2025-08-13"),
        "{}",
        iso.date_evidence.detail
    );

    let marker = article(&corpus, "002_", 1);
    assert_eq!(marker.published.map(|p| p.date), date(2025, 10, 27));
    assert!(
        marker
            .date_evidence
            .detail
            .contains("نشر في 27 أكتوبر 2025"),
        "{}",
        marker.date_evidence.detail
    );

    // These mention dates (21 نوفمبر 2024 in a caption, أغسطس 2024, weekdays)
    // but never say when they were published: the text gives them no date.
    // An article that clearly belongs to a dated story may take the story's
    // date, marked as coming from the story, never from its own text.
    for (file, part) in [("001_", 1), ("003_", 1), ("003_", 2), ("004_", 1)] {
        let a = article(&corpus, file, part);
        match a.date_evidence.origin {
            Origin::None => {
                assert_eq!(a.published, None, "{}", a.label());
                assert!(
                    a.warnings.iter().any(|w| w.contains("undated")),
                    "{}",
                    a.label()
                );
            }
            Origin::Story => assert!(a.published.is_some(), "{}", a.label()),
            other => panic!(
                "{} was dated from {other:?}: {:?}",
                a.label(),
                a.date_evidence
            ),
        }
    }
    // The trip to Pyongyang (2024) and Kim's speech share no story with a
    // dated article, so they stay undated.
    for part in [1, 2] {
        assert_eq!(article(&corpus, "003_", part).published, None);
    }
}

#[test]
fn sources_come_from_the_strongest_evidence() {
    let corpus = corpus();
    let source = |file, part| {
        let a = article(&corpus, file, part);
        (a.source.clone(), a.source_evidence.detail.clone())
    };
    let (name, detail) = source("004_", 1);
    assert_eq!(name.as_deref(), Some("فرانس برس"));
    assert!(
        detail.contains("sign-off") && detail.contains("بور/ناش/غ ر"),
        "{detail}"
    );
    assert_eq!(source("000_", 1).0.as_deref(), Some("فرانس برس"));
    assert_eq!(source("001_", 1).0.as_deref(), Some("الجزيرة"));
    assert_eq!(source("003_", 1).0.as_deref(), Some("الشرق الأوسط"));
    assert_eq!(source("002_", 1).0, None);
}

#[test]
fn no_debris_reaches_any_page() {
    let corpus = corpus();
    let removed: Vec<(DebrisKind, &str)> = corpus
        .articles
        .iter()
        .flat_map(|a| a.removed.iter().map(|r| (r.kind, r.text.as_str())))
        .collect();
    assert!(
        removed.len() > 30,
        "expected the seeds' debris to be removed, got {removed:?}"
    );
    for a in &corpus.articles {
        let text = a.plain_text();
        let shown: Vec<&str> = a
            .text_blocks()
            .map(|b| b.text)
            .chain(a.sentences())
            .chain([text, a.summary.as_str()])
            .chain(a.subtitle.as_deref())
            .collect();
        for &(kind, debris) in &removed {
            for text in &shown {
                // Short markers ("TT") are checked as whole blocks, lines as text.
                let leaked = if debris.chars().count() < 12 {
                    *text == debris
                } else {
                    text.contains(debris)
                };
                assert!(
                    !leaked,
                    "{:?} debris «{debris}» reached {}",
                    kind,
                    a.label()
                );
            }
        }
        for marker in [
            "يقرأ ",
            "مقالات ذات صلة",
            "Agence France-Presse",
            "بور/ناش",
            "date 20",
            "play-circle",
        ] {
            assert!(!text.contains(marker), "«{marker}» reached {}", a.label());
        }
    }
}

#[test]
fn sentences_are_whole() {
    let corpus = corpus();
    let a = article(&corpus, "003_", 2);
    let quote = a
        .sentences()
        .find(|s| s.contains("ذهبنا إلى أبعد ما يمكن"))
        .expect("quoted sentence");
    assert!(
        quote.starts_with("وقال كيم وفق وكالة الأنباء المركزية الكورية:"),
        "{quote}"
    );
    assert!(
        quote.ends_with("«سياسة عدائية ثابتة تجاه كوريا الشمالية»."),
        "{quote}"
    );
    for a in &corpus.articles {
        for s in a.sentences() {
            assert!(
                s.split_whitespace().count() >= 3,
                "fragment «{s}» in {}",
                a.label()
            );
        }
    }
}

#[test]
fn a_day_written_in_words_dates_the_page() {
    let corpus = fixtures();
    let a = fixture(&corpus, "levant_budget_ordinal_date");
    assert_eq!(a.published.map(|p| p.date), date(2025, 10, 21));
    assert_eq!(a.date_evidence.origin, Origin::Text);
    assert!(
        a.date_evidence
            .detail
            .contains("الثلاثاء الحادي والعشرين من تشرين الأول/أكتوبر 2025"),
        "{}",
        a.date_evidence.detail
    );
    // The date line is debris, not the standfirst or the lede.
    assert_eq!(a.subtitle, None);
    assert!(a.plain_text().starts_with("أقرّ مجلس الوزراء اللبناني"));
    assert!(a.removed.iter().any(|r| r.kind == DebrisKind::DateLine
        && r.text == "الثلاثاء الحادي والعشرين من تشرين الأول/أكتوبر 2025"));
}

#[test]
fn a_hijri_date_alone_is_converted_and_a_gregorian_one_wins() {
    let corpus = fixtures();
    // Umm al-Qura began 1447 on Thursday 26 June 2025, a day before the
    // tabular calendar: the Thursday written with the date settles it.
    let makkah = fixture(&corpus, "makkah_new_year_hijri_date");
    assert_eq!(makkah.published.map(|p| p.date), date(2025, 6, 26));
    assert_eq!(
        makkah.date_evidence.detail,
        "date line «الخميس 1 محرم 1447هـ», a Hijri date converted by the tabular calendar"
    );
    assert_eq!(makkah.source.as_deref(), Some("واس"));

    // Given in both calendars, the page is dated by the Gregorian day
    // (the table would put 3 Ramadan on the 3rd).
    let market = fixture(&corpus, "gulf_dates_market_both_calendars");
    assert_eq!(market.published.map(|p| p.date), date(2025, 3, 2));
    assert_eq!(
        market.date_evidence.detail,
        "date line «3 رمضان 1446 هـ الموافق 2 مارس 2025»"
    );

    // Written in digits, the date is Hijri by its era; the Sunday written
    // with it moves the table's 3 March to the 2nd.
    let clinics = fixture(&corpus, "riyadh_clinics_numeric_hijri_date");
    assert_eq!(clinics.published.map(|p| p.date), date(2025, 3, 2));
    assert_eq!(
        clinics.date_evidence.detail,
        "date line «الأحد 1446/09/03هـ», a Hijri date converted by the tabular calendar"
    );
    for a in [makkah, market, clinics] {
        assert_eq!(a.subtitle, None, "{}", a.label());
        assert!(
            !a.plain_text().contains("1446") && !a.plain_text().contains("1447هـ"),
            "{}",
            a.label()
        );
    }
}

#[test]
fn a_byline_is_taken_out_of_the_text_and_names_the_author() {
    let corpus = fixtures();
    let a = fixture(&corpus, "cairo_rates_byline");
    assert_eq!(a.author.as_deref(), Some("أحمد سمير"));
    assert!(
        a.removed
            .iter()
            .any(|r| r.kind == DebrisKind::Byline && r.text == "كتب - أحمد سمير")
    );
    // Neither the standfirst nor the text: only the story is left.
    assert_eq!(a.subtitle, None);
    assert!(!a.plain_text().contains("أحمد سمير"));
    assert!(a.plain_text().starts_with("قررت لجنة السياسة النقدية"));
    // A sentence of the story that opens with the verb stays.
    assert!(
        a.sentences()
            .any(|s| s.starts_with("كتب محافظ البنك المركزي في مقال"))
    );
    assert_eq!(a.published.map(|p| p.date), date(2025, 10, 2));
}

#[test]
fn amman_written_with_its_shadda_is_the_city_beside_oman() {
    let corpus = fixtures();
    let a = fixture(&corpus, "amman_gaza_meeting");
    let count = |slug: &str| {
        a.entities
            .iter()
            .find(|m| m.slug == slug)
            .map_or(0, |m| m.count)
    };
    // عمّان in the headline and the text (the wire dateline «عمّان (أ ف ب) -»
    // is where the agency filed from, not what the story is about, and the
    // cleaner takes it off the lede); سلطنة عمان once.
    assert_eq!(count("amman"), 2, "{:?}", a.entities);
    assert_eq!(count("oman"), 1, "{:?}", a.entities);
    let amman = a.entities.iter().find(|m| m.slug == "amman").unwrap();
    assert_eq!(amman.prominence, Prominence::Main);
    assert!(amman.variants.iter().all(|v| v == "عمّان"), "{amman:?}");
}

#[test]
fn a_wire_page_reads_without_its_dateline_hashtags_or_links() {
    let corpus = fixtures();
    let parts: Vec<&Article> = corpus
        .articles
        .iter()
        .filter(|a| {
            a.file
                .ends_with("/dubai_dateline_related_links_chronology.txt")
        })
        .collect();
    assert_eq!(
        parts.len(),
        1,
        "the «اقرأ أيضاً» block does not split the page"
    );
    let a = parts[0];
    let text = a.plain_text();
    assert!(text.starts_with("أفشلت قوات الجيش اليمني"), "{text}");
    assert!(!text.contains('#') && !text.contains("(CNN)"), "{text}");
    assert!(
        !text.contains("التحالف يعلن اعتراض صاروخ"),
        "teaser kept: {text}"
    );
    assert!(
        text.contains("وأضاف المصدر أن الاشتباكات"),
        "the article goes on"
    );
    // The chronology keeps its years as sub-headings.
    let years: Vec<&str> = a
        .text_blocks()
        .filter(|b| b.kind == BlockKind::Heading && b.text.starts_with("20"))
        .map(|b| b.text)
        .collect();
    assert_eq!(years, ["2018", "2019"]);
    // Nothing of it reaches the summary, which opens on the lede.
    assert!(
        a.summary.starts_with("أفشلت قوات الجيش اليمني"),
        "{}",
        a.summary
    );
    assert!(removed_kinds(a).contains(&DebrisKind::WireDateline));
    assert!(
        !a.entities.iter().any(|m| m.slug == "dubai"),
        "{:?}",
        a.entities
    );
    assert_eq!(a.topics.first().map(String::as_str), Some("conflict"));
}

#[test]
fn a_match_report_is_sport_whatever_its_attacks_and_strikes() {
    let corpus = fixtures();
    let a = fixture(&corpus, "league_match_report");
    assert_eq!(
        a.topics.first().map(String::as_str),
        Some("sport"),
        "{:?}",
        a.topics
    );
    assert!(!a.topics.iter().any(|t| t == "conflict"), "{:?}", a.topics);
    assert!(a.summary.starts_with("خسر الهلال السعودي"), "{}", a.summary);
}

#[test]
fn wire_copy_pasted_into_markdown_reads_like_a_cleaned_wire_page() {
    let corpus = fixtures();
    let a = corpus
        .articles
        .iter()
        .find(|a| a.file.ends_with("/pasted_wire_copy.md"))
        .expect("the Markdown fixture is read");
    assert!(
        a.summary.starts_with("أعلنت جماعة أنصار الله الحوثية"),
        "{}",
        a.summary
    );
    assert!(
        !a.summary.contains('#') && !a.summary.contains("(CNN)"),
        "{}",
        a.summary
    );
    assert!(removed_kinds(a).contains(&DebrisKind::WireDateline));
    let slugs: Vec<&str> = a.entities.iter().map(|m| m.slug.as_str()).collect();
    assert!(
        slugs.contains(&"hodeidah"),
        "a hashtag is a name: {slugs:?}"
    );
    assert!(
        !slugs.contains(&"dubai"),
        "the dateline names no place: {slugs:?}"
    );
}
