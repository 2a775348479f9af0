//! Where an article sets the event it reports: the places its title and
//! first sentence name.
//!
//! One storyline gives several events that share their actors and most of
//! their words: the coalition strikes Hodeidah, and Sanaa; one town is
//! shelled, and another. What sets them apart is where each happened,
//! which a report names at once. Two reports each setting their event in a
//! place the other never names are two events, and no story holds both.

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
            setting.named.push(&m.slug);
            if (m.sentence.start as usize) < lede_end && !m.sentence.is_empty() {
                setting.lede.push(&m.slug);
            }
        }
        setting
    }

    /// Whether its lede names a place.
    pub fn is_placed(&self) -> bool {
        !self.lede.is_empty()
    }

    /// Whether the two set their events apart: their ledes share no place,
    /// and each names one the other never names. A shared place in the
    /// ledes keeps them together whatever else they name: outlets say
    /// Moscow for Russia, or name the country beside the city.
    pub fn apart(&self, other: &Setting) -> bool {
        let elsewhere = |a: &Setting, b: &Setting| a.lede.iter().any(|p| !b.named.contains(p));
        !self.lede.iter().any(|p| other.lede.contains(p))
            && elsewhere(self, other)
            && elsewhere(other, self)
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
        let list = EntityList::bundled();
        let is_place = |slug: &str| list.get(slug).is_some_and(|e| e.kind == EntityKind::Place);
        Setting::of(a, &is_place).apart(&Setting::of(b, &is_place))
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

    #[test]
    fn one_event_told_with_other_names_for_its_places_is_not() {
        // Both ledes name Istanbul; one says Russia and Ukraine, the other
        // Moscow and Kyiv.
        let a = read(
            "أردوغان يعرض على بوتين استضافة المفاوضات",
            "عرض أردوغان على بوتين استضافة جولة مفاوضات بين روسيا وأوكرانيا في إسطنبول.",
        );
        let b = read(
            "تركيا مستعدة لاحتضان محادثات السلام",
            "أكد أردوغان لبوتين أن تركيا مستعدة لاحتضان محادثات بين موسكو وكييف في إسطنبول.",
        );
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
}
