//! Topics from keyword rules in `site.toml`, or from the bundled set in
//! `data/topics.toml` (close to the IPTC Media Topics top level) when the
//! site defines none.
//!
//! Keywords are matched on light stems, so that one keyword covers its
//! inflections and clitic forms (صاروخ, والصاروخ, للصاروخ). A keyword may be
//! a phrase (وزير الخارجية), matched as consecutive content words, and may
//! carry a weight: a telling word such as "أسعار الفائدة" can place an
//! article on its own, a broad one such as "رئيس" only with others.

use std::collections::BTreeMap;

use crate::article::Article;
use crate::config::TopicConfig;
use crate::corpus::Topic;
use crate::enrich::Stated;
use crate::slug::slugify;
use crate::stories::Story;
use arabic::{TermMap, stem_hashes};

/// The score a topic needs to be given to an article: two plain keyword
/// hits, one in the title, or one keyword of weight 2.
const MIN_SCORE: f32 = 2.0;

/// Title words say what the article is about more than body words.
const TITLE_HITS: f32 = 2.0;

/// An article keeps the topics scoring at least this share of its best one.
const RELATIVE_SCORE: f32 = 0.4;

/// At most this many topics per article.
const MAX_TOPICS: usize = 3;

/// One keyword: its stems, in order, and its weight.
#[derive(Debug, Clone)]
struct Rule {
    topic: usize,
    stems: Vec<u32>,
    weight: f32,
}

/// Matches articles to topics by keyword stems.
#[derive(Debug, Clone)]
pub struct TopicMatcher {
    slugs: Vec<String>,
    /// For each topic, the topics it rules out when it is the best.
    excludes: Vec<Vec<usize>>,
    rules: Vec<Rule>,
    /// Rules by their first stem, so that a text is read once whatever the
    /// number of keywords.
    by_first_stem: TermMap<Vec<usize>>,
}

impl TopicMatcher {
    pub fn new(topics: &[TopicConfig]) -> TopicMatcher {
        let mut rules = Vec::new();
        for (topic, t) in topics.iter().enumerate() {
            for k in &t.keywords {
                // Keywords go through the same pipeline as the text.
                let stems = stem_hashes(k.word());
                if !stems.is_empty() && k.weight() > 0.0 {
                    rules.push(Rule {
                        topic,
                        stems,
                        weight: k.weight(),
                    });
                }
            }
        }
        let mut by_first_stem: TermMap<Vec<usize>> = TermMap::default();
        for (i, r) in rules.iter().enumerate() {
            by_first_stem.entry(r.stems[0]).or_default().push(i);
        }
        let excludes = topics
            .iter()
            .map(|t| {
                t.excludes
                    .iter()
                    .filter_map(|x| topics.iter().position(|o| o.slug == *x))
                    .collect()
            })
            .collect();
        TopicMatcher {
            slugs: topics.iter().map(|t| t.slug.clone()).collect(),
            excludes,
            rules,
            by_first_stem,
        }
    }

    /// Slugs of the topics whose keywords occur in the text, best first.
    ///
    /// Each keyword scores its weight times `1 + ln(hits)`: repeating a word
    /// adds evidence, but less and less, so one word said ten times does
    /// not outweigh three different keywords of the topic.
    pub fn classify(&self, title: &str, text: &str) -> Vec<String> {
        self.classify_stems(&stem_hashes(title), &stem_hashes(text))
    }

    /// [`TopicMatcher::classify`] of an article, from the stems it already
    /// holds (headings included: a subheading is topic evidence too).
    pub fn classify_article(&self, article: &Article) -> Vec<String> {
        self.classify_stems(article.title_stems(), article.body_stems())
    }

    /// [`TopicMatcher::classify`] from the [`stem_hashes`] of the title and
    /// of the text.
    fn classify_stems(&self, title: &[u32], text: &[u32]) -> Vec<String> {
        let mut hits = vec![0.0f32; self.rules.len()];
        self.count(title, TITLE_HITS, &mut hits);
        self.count(text, 1.0, &mut hits);
        let mut scores = vec![0.0f32; self.slugs.len()];
        for (rule, &h) in self.rules.iter().zip(&hits) {
            if h > 0.0 {
                scores[rule.topic] += rule.weight * (1.0 + h.ln());
            }
        }
        let best = scores.iter().copied().fold(0.0, f32::max);
        let mut kept: Vec<(f32, usize)> = scores
            .iter()
            .enumerate()
            .filter(|&(_, &s)| s >= MIN_SCORE && s >= RELATIVE_SCORE * best)
            .map(|(t, &s)| (s, t))
            .collect();
        kept.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| self.slugs[a.1].cmp(&self.slugs[b.1]))
        });
        if let Some(&(_, top)) = kept.first() {
            kept.retain(|(_, t)| !self.excludes[top].contains(t));
        }
        kept.truncate(MAX_TOPICS);
        kept.into_iter()
            .map(|(_, t)| self.slugs[t].clone())
            .collect()
    }

    fn count(&self, stems: &[u32], each: f32, hits: &mut [f32]) {
        for (i, stem) in stems.iter().enumerate() {
            let Some(candidates) = self.by_first_stem.get(stem) else {
                continue;
            };
            for &r in candidates {
                let wanted = &self.rules[r].stems;
                if stems[i..].starts_with(wanted) {
                    hits[r] += each;
                }
            }
        }
    }
}

/// Places articles that no keyword rule (nor front matter) covered: they
/// take the topics most of their story's other articles have. Articles
/// whose story has none stay without topics; the site lists them under
/// "other".
pub fn fill_uncovered(articles: &mut [Article], stories: &[Story]) {
    for story in stories {
        if story.articles.len() < 2 {
            continue;
        }
        let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in &story.articles {
            for t in &articles[i].topics {
                *votes.entry(t.as_str()).or_default() += 1;
            }
        }
        let Some(&most) = votes.values().max() else {
            continue;
        };
        // Topics at least half the covered articles agree on.
        let mut borrowed: Vec<(usize, String)> = votes
            .into_iter()
            .filter(|&(_, v)| 2 * v >= most)
            .map(|(t, v)| (v, t.to_string()))
            .collect();
        borrowed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let borrowed: Vec<String> = borrowed
            .into_iter()
            .take(MAX_TOPICS)
            .map(|(_, t)| t)
            .collect();
        for &i in &story.articles {
            if articles[i].topics.is_empty() {
                articles[i].topics = borrowed.clone();
            }
        }
    }
}

/// Front matter `topics` replace what keywords found; unknown topic names
/// become topics of their own. Returns every topic the site shows.
pub fn apply_stated(
    articles: &mut [Article],
    stated: &[Stated],
    configured: &[TopicConfig],
) -> Vec<Topic> {
    let mut topics: Vec<Topic> = configured
        .iter()
        .map(|t| Topic {
            slug: t.slug.clone(),
            name: t.name.clone(),
            description: t.description.clone(),
        })
        .collect();
    for (article, s) in articles.iter_mut().zip(stated) {
        let Some(names) = &s.topics else { continue };
        let mut slugs = Vec::new();
        for name in names {
            let key = arabic::phrase_key(name);
            let existing = topics
                .iter()
                .find(|t| t.slug == *name || arabic::phrase_key(&t.name) == key);
            let slug = match existing {
                Some(t) => t.slug.clone(),
                None => {
                    let base = match slugify(name) {
                        s if s.is_empty() => "topic".to_string(),
                        s => s,
                    };
                    let mut slug = base.clone();
                    let mut n = 1;
                    while topics.iter().any(|t| t.slug == slug) {
                        n += 1;
                        slug = format!("{base}-{n}");
                    }
                    topics.push(Topic {
                        slug: slug.clone(),
                        name: name.clone(),
                        description: String::new(),
                    });
                    slug
                }
            };
            if !slugs.contains(&slug) {
                slugs.push(slug);
            }
        }
        article.topics = slugs;
    }
    topics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Keyword;
    use crate::stories::fixtures::article;

    fn topics() -> Vec<TopicConfig> {
        let topic = |slug: &str, keywords: Vec<Keyword>| TopicConfig {
            name: slug.to_string(),
            slug: slug.to_string(),
            description: String::new(),
            keywords,
            excludes: Vec::new(),
        };
        let plain = |w: &str| Keyword::Plain(w.to_string());
        vec![
            topic(
                "military",
                vec![plain("صاروخ"), plain("صواريخ"), plain("جيش")],
            ),
            topic(
                "economy",
                vec![
                    Keyword::Weighted {
                        word: "أسعار الفائدة".into(),
                        weight: 3.0,
                    },
                    plain("تضخم"),
                ],
            ),
            topic("politics", vec![plain("رئيس"), plain("وزير الخارجية")]),
        ]
    }

    #[test]
    fn keywords_match_inflected_and_prefixed_forms() {
        let matcher = TopicMatcher::new(&topics());
        let found = matcher.classify(
            "كوريا الشمالية تطلق صاروخاً باليستياً",
            "أطلقت كوريا الشمالية الصاروخ فجراً، وقال الجيش الكوري الجنوبي إن بالصواريخ مدى أبعد.",
        );
        assert_eq!(found.first().map(String::as_str), Some("military"));
    }

    #[test]
    fn a_weighted_phrase_places_an_article_on_its_own() {
        let matcher = TopicMatcher::new(&topics());
        let found = matcher.classify(
            "المركزي المصري يقرر",
            "أبقى البنك المركزي المصري أسعار الفائدة دون تغيير.",
        );
        assert_eq!(found, vec!["economy".to_string()]);
        // The same words apart are not the phrase.
        let apart = matcher.classify("تقرير", "ارتفعت الأسعار وتراجعت الفائدة على الودائع.");
        assert!(apart.is_empty(), "{apart:?}");
    }

    #[test]
    fn one_passing_broad_word_is_not_a_topic() {
        let matcher = TopicMatcher::new(&topics());
        let found = matcher.classify(
            "سيول في البترا",
            "قال رئيس البلدية إن فرق الدفاع المدني أخلت الزوار من الموقع.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn uncovered_articles_borrow_their_story_topics() {
        let mut articles = vec![
            article("أ", "نص", Some("2025-09-10"), "أ"),
            article("ب", "نص", Some("2025-09-10"), "ب"),
            article("ج", "نص", Some("2025-09-10"), "ج"),
        ];
        articles[0].topics = vec!["economy".into()];
        let story = |members: Vec<usize>| crate::stories::Story {
            id: "s".into(),
            reports: members.clone(),
            articles: members,
            headline: String::new(),
            date: None,
            days: Vec::new(),
            summary: Vec::new(),
            duplicates: Vec::new(),
            sources: Vec::new(),
            topics: Vec::new(),
            entities: Vec::new(),
            weight: 1.0,
        };
        fill_uncovered(&mut articles, &[story(vec![0, 1]), story(vec![2])]);
        assert_eq!(articles[1].topics, vec!["economy".to_string()]);
        assert!(
            articles[2].topics.is_empty(),
            "alone in its story, it stays under \"other\""
        );
        assert_eq!(articles[0].topics, vec!["economy".to_string()]);
    }

    #[test]
    fn the_bundled_set_covers_the_iptc_top_level() {
        let bundled = crate::config::bundled_topics();
        let slugs: Vec<&str> = bundled.iter().map(|t| t.slug.as_str()).collect();
        for wanted in [
            "politics",
            "conflict",
            "economy",
            "sport",
            "culture",
            "technology",
            "health",
            "environment",
            "society",
            "crime",
            "disaster",
            "education",
        ] {
            assert!(slugs.contains(&wanted), "{wanted} in {slugs:?}");
        }
        // What a site without [[topics]] gets, validated like its own.
        let config = crate::config::Config::parse(
            "title = \"t\"\nbase_url = \"https://example.org/\"\n",
            std::path::Path::new("site.toml"),
        )
        .expect("the bundled topics pass validation");
        assert_eq!(config.site.topics.len(), bundled.len());
    }

    #[test]
    fn a_match_report_is_sport_not_conflict() {
        let matcher = TopicMatcher::new(&crate::config::bundled_topics());
        let found = matcher.classify(
            "الهلال يسقط أمام الريان ويقترب من الخروج من دوري أبطال آسيا",
            "خسر فريق الهلال أمام مضيفه الريان بهدفين مقابل هدف في المباراة التي جمعتهما مساء الاثنين. \
             وشن الريان هجوما مكثفا في الشوط الأول، وتلقى الهلال ضربة موجعة بإصابة مهاجمه، \
             واعتمد المدرب على سلاح الهجمات المرتدة دون جدوى، ليتجمد رصيد الفريق عند نقطتين. \
             وأشاد مدرب الريان بخط الدفاع الذي صمد أمام محاولات لاعبي الهلال حتى صافرة النهاية.",
        );
        assert_eq!(
            found.first().map(String::as_str),
            Some("sport"),
            "{found:?}"
        );
        assert!(!found.contains(&"conflict".to_string()), "{found:?}");
    }

    #[test]
    fn applying_a_law_is_not_an_app() {
        let matcher = TopicMatcher::new(&crate::config::bundled_topics());
        let found = matcher.classify(
            "عائلة معتقل لبناني تطعن في رفض ترشيحه للانتخابات",
            "قالت العائلة في بيان إنها تدرس تقديم طعن لدى مجلس شورى الدولة للاستحالة في تطبيق القانون، \
             بعد رفض ترشيح ابنها المحتجز منذ عامين، وطالبت بإصدار بيان رسمي يدين احتجازه.",
        );
        assert!(!found.contains(&"technology".to_string()), "{found:?}");
    }

    #[test]
    fn words_sharing_a_keywords_stem_do_not_count_for_it() {
        let matcher = TopicMatcher::new(&crate::config::bundled_topics());
        for (text, not) in [
            // وطالب (demanded) is neither طالبان nor a student.
            (
                "وطالب أهالي الحي بإصلاح الطريق، كما طالب السكان بتعويضات.",
                "conflict",
            ),
            (
                "وطالب أهالي الحي بإصلاح الطريق، كما طالب السكان بتعويضات.",
                "education",
            ),
            // العملية is an operation, not a currency.
            (
                "وتواصلت العملية، وقال المسؤول إن عملية الإجلاء ستكتمل.",
                "economy",
            ),
            // نهاية is an end, not a final.
            (
                "وانتهى اللقاء في نهاية اليوم، وفي النهاية اتفق الطرفان.",
                "sport",
            ),
            // غاب (was absent) is not forests.
            (
                "غاب الوزير عن الجلسة، كما غاب النواب عن التصويت.",
                "environment",
            ),
            // دعوة (a call) is not a lawsuit.
            ("ولبى الوفد الدعوة، ووجه دعوة إلى الأطراف كافة.", "crime"),
            // الحملة (a campaign) is not a pregnancy.
            ("وانطلقت الحملة أمس، وتستمر حملة التوعية شهرا.", "health"),
        ] {
            let found = matcher.classify("خبر", text);
            assert!(!found.contains(&not.to_string()), "{text}: {found:?}");
        }
    }

    #[test]
    fn the_bundled_set_tells_fields_apart() {
        let matcher = TopicMatcher::new(&crate::config::bundled_topics());
        let cases = [
            (
                "economy",
                "المركزي يرفع أسعار الفائدة لكبح التضخم",
                "رفع البنك المركزي أسعار الفائدة ربع نقطة مئوية، في محاولة لكبح التضخم الذي بلغ أعلى مستوى منذ عامين، وتراجعت الأسهم في البورصة عقب القرار.",
            ),
            (
                "conflict",
                "غارات جوية على مواقع مسلحين في شمال البلاد",
                "شنت مقاتلات الجيش غارات جوية على مواقع المسلحين، وقالت مصادر أمنية إن الاشتباكات أسفرت عن قتلى وجرحى في صفوف الميليشيات.",
            ),
            (
                "culture",
                "فيلم مصري يفوز بجائزة مهرجان قرطاج",
                "فاز فيلم للمخرج المصري بالجائزة الكبرى في مهرجان قرطاج السينمائي، وأهدت بطلة الفيلم الفنانة الشابة الجائزة إلى فريق العمل.",
            ),
            (
                "technology",
                "غوغل تطلق تطبيقا جديدا يعتمد على الذكاء الاصطناعي",
                "أطلقت شركة غوغل تطبيقا جديدا للهواتف الذكية يعتمد على تقنيات الذكاء الاصطناعي لترجمة المحادثات فوريا.",
            ),
            (
                "disaster",
                "زلزال بقوة 6 درجات يضرب جنوب البلاد",
                "ضرب زلزال بقوة 6 درجات جنوب البلاد فجر اليوم، وهرعت فرق الإنقاذ إلى القرى المتضررة بحثا عن ناجين تحت الأنقاض.",
            ),
        ];
        for (slug, title, text) in cases {
            let found = matcher.classify(title, text);
            assert_eq!(
                found.first().map(String::as_str),
                Some(slug),
                "{title}: {found:?}"
            );
        }
        // «الدور» (role) is not «الدوري» (league), and Riyadh is no sport.
        let found = matcher.classify(
            "الرياض تستضيف قمة خليجية",
            "أكد وزير الخارجية أن الدور السعودي محوري في القمة التي تستضيفها الرياض الأسبوع المقبل بمشاركة قادة دول الخليج.",
        );
        assert!(!found.contains(&"sport".to_string()), "{found:?}");
    }
}
