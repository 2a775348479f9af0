//! Where an article sets the event it reports: the places its title and
//! first sentence name.
//!
//! One storyline gives several events that share their actors and most of
//! their words: the coalition strikes Hodeidah, and Sanaa; one town is
//! shelled, and another. What sets them apart is where each happened,
//! which a report names at once. Two reports each setting their event in a
//! place the other never names are two events, and no story holds both.

use std::collections::{HashMap, HashSet};

use crate::article::Article;

/// The places an article names in its title and first sentence, and every
/// place it names, by entity slug.
#[derive(Debug, Clone, Default)]
pub struct Setting<'a> {
    lede: Vec<&'a str>,
    named: Vec<&'a str>,
}

impl<'a> Setting<'a> {
    /// `is_place` tells which entity slugs are places.
    pub fn of(article: &'a Article, is_place: &dyn Fn(&str) -> bool) -> Setting<'a> {
        // Mentions locate their first sentence in the titled text: the
        // title, a blank line, then the body.
        let body_at = article.title.len() + 2;
        let lede_end = article
            .sentence_ranges()
            .next()
            .map_or(article.title.len(), |s| body_at + s.end);
        let mut setting = Setting::default();
        for m in article.entities.iter().filter(|m| is_place(&m.slug)) {
            if !setting.named.contains(&m.slug.as_str()) {
                setting.named.push(&m.slug);
            }
            let in_lede = (m.sentence.start as usize) < lede_end && !m.sentence.is_empty();
            if in_lede && !setting.lede.contains(&m.slug.as_str()) {
                setting.lede.push(&m.slug);
            }
        }
        setting
    }

    /// Whether its lede names a place.
    pub fn is_placed(&self) -> bool {
        !self.lede.is_empty()
    }

    /// The places its lede names that `other` never names.
    fn own_places(&self, other: &Setting) -> Vec<&'a str> {
        let elsewhere = |p: &&str| !other.named.contains(p);
        self.lede.iter().copied().filter(elsewhere).collect()
    }

    /// Whether the two set their events apart: each lede names a place the
    /// other never names, and no place binds them. A place one lede names
    /// and the other report names too binds them whatever else they name
    /// (outlets say Moscow for Russia, name the country beside the city, or
    /// open on who acted and name where further on), unless it is the
    /// region around the places each sets its own event in: Sanaa and
    /// al-Bayda, each «in Yemen», are still two places.
    pub fn apart(&self, other: &Setting, regions: &Regions) -> bool {
        let (mine, theirs) = (self.own_places(other), other.own_places(self));
        if mine.is_empty() || theirs.is_empty() {
            return false;
        }
        let around =
            |region: &str, places: &[&str]| places.iter().any(|p| regions.encloses(region, p));
        let named_by_other = self.lede.iter().filter(|p| other.named.contains(p));
        let named_by_self = other.lede.iter().filter(|p| self.named.contains(p));
        named_by_other
            .chain(named_by_self)
            .all(|shared| around(shared, &mine) && around(shared, &theirs))
    }
}

/// An inner place is seen this often before the corpus may tell what
/// region holds it.
const MIN_SIGHTINGS: u32 = 3;

/// The share of the articles naming a place that name its region too.
const WITHIN_SHARE: f32 = 0.6;

/// A region is named at least this many times as often as a place in it.
const REGION_BREADTH: u32 = 2;

/// Which places lie within which, as the corpus shows it: a place (Sanaa)
/// lies within another (Yemen) when most articles that name it name the
/// other too, and the other is named far more often. Learnt from the
/// articles, it covers discovered places and needs no map.
#[derive(Debug, Default)]
pub struct Regions<'a> {
    within: HashSet<(&'a str, &'a str)>,
}

impl<'a> Regions<'a> {
    /// The regions the articles' settings show.
    pub fn learn(settings: &[Setting<'a>]) -> Regions<'a> {
        let mut sightings: HashMap<&str, u32> = HashMap::new();
        let mut together: HashMap<(&str, &str), u32> = HashMap::new();
        for setting in settings {
            for &place in &setting.named {
                *sightings.entry(place).or_default() += 1;
                for &other in setting.named.iter().filter(|&&o| o != place) {
                    *together.entry((place, other)).or_default() += 1;
                }
            }
        }
        let within = together
            .into_iter()
            .filter(|&((place, region), both)| {
                let (seen, broad) = (sightings[place], sightings[region]);
                seen >= MIN_SIGHTINGS
                    && both as f32 >= WITHIN_SHARE * seen as f32
                    && broad >= REGION_BREADTH * seen
            })
            .map(|(pair, _)| pair)
            .collect();
        Regions { within }
    }

    /// Whether `region` holds `place`.
    pub fn encloses(&self, region: &str, place: &str) -> bool {
        self.within.contains(&(place, region))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::article;
    use super::*;
    use crate::entities::{EntityKind, EntityList, Matcher};

    fn read(title: &str, text: &str) -> Article {
        let list = EntityList::bundled();
        let mut a = article(title, text, Some("2025-03-11"), "وكالة");
        a.entities = Matcher::new(&list).analyse_article(&a).mentions;
        a
    }

    fn apart(a: &Article, b: &Article) -> bool {
        apart_in(a, b, &[])
    }

    /// Whether `a` and `b` are set apart in a corpus of them and `others`.
    fn apart_in(a: &Article, b: &Article, others: &[Article]) -> bool {
        let list = EntityList::bundled();
        let is_place = |slug: &str| list.get(slug).is_some_and(|e| e.kind == EntityKind::Place);
        let settings: Vec<Setting> = [a, b]
            .into_iter()
            .chain(others)
            .map(|x| Setting::of(x, &is_place))
            .collect();
        let regions = Regions::learn(&settings);
        settings[0].apart(&settings[1], &regions)
    }

    /// Two reports of FIFA lifting Iraq's ban: one's lede names Iraq and
    /// the friendly with Kuwait, the other's the Saudi initiative behind
    /// it. Each names a place the other never names, but the first's
    /// Iraq is where the second's body sets the news: one event.
    #[test]
    fn a_place_one_lede_names_that_the_other_report_names_binds_them() {
        let ban = read(
            "الفيفا يرفع الحظر عن ملاعب العراق",
            "قرر الاتحاد الدولي لكرة القدم رفع الحظر عن إقامة المباريات الدولية في العراق بعد ودية ناجحة أمام الكويت. \
             وتشمل الملاعب المسموح بها البصرة وكربلاء وأربيل.",
        );
        let initiative = read(
            "رئيس الاتحاد العراقي يشكر السعودية",
            "أشاد رئيس الاتحاد العراقي لكرة القدم بدور السعودية في رفع الحظر. \
             وأكد أن ملاعب العراق في البصرة وكربلاء وأربيل جاهزة لاستضافة المباريات الدولية.",
        );
        assert!(!apart(&ban, &initiative));
    }

    #[test]
    fn strikes_on_two_cities_are_set_apart() {
        let hodeidah = read(
            "غارات على مواقع الحوثيين في الحديدة",
            "شن التحالف غارات على مواقع للحوثيين في مدينة الحديدة الساحلية. وقالت مصادر إن الغارات دمرت آليات عسكرية.",
        );
        let sanaa = read(
            "غارات على معسكرات الحوثيين في صنعاء",
            "شن التحالف غارات على معسكرات للحوثيين في العاصمة صنعاء. وسمع دوي انفجارات في أرجاء المدينة.",
        );
        assert!(apart(&hodeidah, &sanaa));
    }

    /// Two reports of the same offer of talks: both ledes name Istanbul;
    /// one says Russia and Ukraine, the other Moscow and Kyiv.
    fn talks_in_istanbul() -> (Article, Article) {
        let a = read(
            "أردوغان يعرض على بوتين استضافة المفاوضات",
            "عرض أردوغان على بوتين استضافة جولة مفاوضات بين روسيا وأوكرانيا في إسطنبول.",
        );
        let b = read(
            "تركيا مستعدة لاحتضان محادثات السلام",
            "أكد أردوغان لبوتين أن تركيا مستعدة لاحتضان محادثات بين موسكو وكييف في إسطنبول.",
        );
        (a, b)
    }

    #[test]
    fn one_event_told_with_other_names_for_its_places_is_not() {
        let (a, b) = talks_in_istanbul();
        assert!(!apart(&a, &b));
        // A report naming the other's place further down is not set apart.
        let c = read(
            "غارات على الحديدة",
            "شن التحالف غارات على مدينة الحديدة. وكانت غارات سابقة قد استهدفت صنعاء.",
        );
        let d = read(
            "غارات على صنعاء",
            "شن التحالف غارات على العاصمة صنعاء فجر اليوم.",
        );
        assert!(!apart(&c, &d));
    }

    #[test]
    fn two_cities_each_named_with_their_country_are_set_apart() {
        let sanaa = read(
            "انفجارات تهز صنعاء",
            "هزت انفجارات عنيفة العاصمة صنعاء شمال اليمن عقب غارات استهدفت قاعدة جوية. وأفاد سكان بتصاعد الدخان.",
        );
        let bayda = read(
            "غارات على مواقع الحوثيين في البيضاء",
            "أغارت طائرات التحالف على مواقع للحوثيين في محافظة البيضاء وسط اليمن. وأضاف المراسل أن الغارات أوقعت قتلى.",
        );
        // Alone, the two ledes share Yemen, and that binds them.
        assert!(!apart(&sanaa, &bayda));
        // A corpus where Yemen is named around both, and far more often.
        let mut others = Vec::new();
        for day in ["السبت", "الأحد", "الاثنين"] {
            others.push(read(
                "مسيرة في صنعاء",
                &format!("خرج آلاف اليمنيين {day} في مسيرة بالعاصمة صنعاء. وجابت المسيرة شوارع المدينة في اليمن."),
            ));
            others.push(read(
                "معارك في البيضاء",
                &format!("تجددت المعارك {day} في محافظة البيضاء. وقالت مصادر محلية في اليمن إن القتال اشتد."),
            ));
        }
        others.push(read("أزمة اليمن", "بحث مجلس الأمن الأزمة في اليمن."));
        assert!(apart_in(&sanaa, &bayda, &others));
        // A place shared that is no region of theirs still binds: Istanbul
        // in the ledes of two reports of the same talks.
        let (a, b) = talks_in_istanbul();
        assert!(!apart_in(&a, &b, &others));
    }
}
