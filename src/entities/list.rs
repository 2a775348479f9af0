//! Entity lists: the bundled base list and a site's own list on top of it.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use arabic::{has_shadda, is_stop_word, phrase_key, phrase_key_with_shadda};

pub use crate::article::EntityKind;

/// One entry of an entity list.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub slug: String,
    /// Canonical Arabic name.
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings and names that always mean this entity.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Short forms (a family name, a bare institution name) that mean this
    /// entity only in an article that also names it in full, and only when
    /// no other entity named there shares the short form. `None` lets a
    /// person's last name serve; Korean and Chinese names, family name
    /// first, must say theirs.
    #[serde(default)]
    pub short: Option<Vec<String>>,
    /// Role phrases (الرئيس الروسي, سيد الكرملين) that count as a mention
    /// only in an article naming this entity, and only when no other entity
    /// named there holds the same role.
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub english: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// The field of news it belongs to (`sport`, one of the list's
    /// [`Field`]s): it is found only in an article that speaks of that
    /// field, and there it wins over an entity of the same spelling that
    /// has no field (روما the club in a match report, the city elsewhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Spellings that mean this entity only within a narrower field: a
    /// club's bare name (الهلال، الأهلي), which other clubs and ordinary
    /// words share, is the Saudi club in Saudi football news only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aliases_in: Option<FieldAliases>,
    /// Set for an entity found in the corpus rather than listed.
    #[serde(skip)]
    pub discovered: Option<super::discover::Discovery>,
}

impl Entity {
    /// An entity known by its name and kind alone: one an article's front
    /// matter names, or one the corpus introduces.
    pub fn bare(slug: String, name: String, kind: EntityKind) -> Entity {
        Entity {
            slug,
            name,
            kind,
            aliases: Vec::new(),
            short: None,
            roles: Vec::new(),
            english: None,
            description: None,
            field: None,
            aliases_in: None,
            discovered: None,
        }
    }

    /// The short forms in effect: the stated ones, or for a person with a
    /// name of several words, the last word (فلاديمير بوتين → بوتين) when it
    /// is distinctive enough to stand alone.
    pub fn short_forms(&self) -> Vec<String> {
        if let Some(short) = &self.short {
            return short.clone();
        }
        if self.kind != EntityKind::Person {
            return Vec::new();
        }
        let words = arabic::words(&self.name);
        // After بن or آل the last word names a father or a house (محمد بن
        // سلمان, هزاع بن زايد آل نهيان), which others share: no short form.
        let after_joiner = words.len() > 1
            && matches!(
                words[words.len() - 2].norm.as_str(),
                "بن" | "بنت" | "ابن" | "ال" | "ابو"
            );
        match words.last() {
            Some(last)
                if words.len() > 1
                    && !after_joiner
                    && last.norm.chars().count() >= 3
                    && !is_stop_word(&last.norm) =>
            {
                vec![self.name[last.start..last.end].to_string()]
            }
            _ => Vec::new(),
        }
    }

    /// Every name that always means this entity: the canonical name first.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(&self.aliases)
    }

    /// Every spelling that may name this entity outright: its names, then
    /// those that name it only within a field.
    pub fn spellings(&self) -> impl Iterator<Item = &String> {
        self.names()
            .chain(self.aliases_in.iter().flat_map(|a| &a.names))
    }
}

/// Spellings of an entity that name it only in an article speaking of
/// `field` (and of the entity's own field, if it has one).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldAliases {
    pub field: String,
    pub names: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFieldAliases {
    field: Spanned<String>,
    names: Vec<Spanned<String>>,
}

/// An entry as written in a list file, with the positions needed to point
/// at a bad entry by line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    slug: Spanned<String>,
    name: Spanned<String>,
    kind: EntityKind,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    short: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    roles: Vec<Spanned<String>>,
    #[serde(default)]
    english: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    field: Option<Spanned<String>>,
    #[serde(default)]
    aliases_in: Option<RawFieldAliases>,
}

/// A field of news, told by its words: an article that uses at least
/// [`Field::WORDS_NEEDED`] of them speaks of it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub name: String,
    pub words: Vec<String>,
    /// A broader field this one lies within: an article speaks of this
    /// field only when it speaks of that one too (Saudi football within
    /// sport: السعودية and جدة alone are politics).
    #[serde(default)]
    pub within: Option<Spanned<String>>,
}

impl Field {
    /// Distinct words of a field an article must use to speak of it: one
    /// word (فوز، فريق) is also said of elections and negotiators.
    pub const WORDS_NEEDED: usize = 2;
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityFile {
    #[serde(default)]
    field: Vec<Field>,
    #[serde(default)]
    entity: Vec<RawEntity>,
}

/// An entity list: the bundled one, extended by the site's own.
#[derive(Debug, Clone, Default)]
pub struct EntityList {
    pub entities: Vec<Entity>,
    /// The fields entities may belong to.
    pub fields: Vec<Field>,
}

const BUNDLED: &str = include_str!("../../data/entities.toml");
/// Countries and cities from the Unicode CLDR that the hand-kept list does
/// not name, generated by `scripts/entities_cldr.py`.
const BUNDLED_CLDR: &str = include_str!("../../data/entities-cldr.toml");

impl EntityList {
    /// The list shipped with nashra: the hand-kept entries, then the
    /// generated ones.
    pub fn bundled() -> EntityList {
        let mut list = Self::parse(BUNDLED, Path::new("data/entities.toml"), &[])
            .expect("the bundled entity list is valid");
        list.entities.extend(
            Self::parse(BUNDLED_CLDR, Path::new("data/entities-cldr.toml"), &[])
                .expect("the generated entity list is valid")
                .entities,
        );
        list
    }

    /// Parses an entity list file, whose entities may belong to its own
    /// fields or to the `known` ones. Errors name the file and the line.
    pub fn parse(text: &str, path: &Path, known: &[Field]) -> Result<EntityList> {
        let file: EntityFile =
            toml::from_str(text).map_err(|e| crate::error::located(path, text, &e))?;
        let at = |span: std::ops::Range<usize>| {
            let (line, _) = crate::error::line_col(text, span.start);
            format!("{}:{}", path.display(), line)
        };
        for field in &file.field {
            if let Some(within) = &field.within
                && !file
                    .field
                    .iter()
                    .chain(known)
                    .any(|f| f.name == *within.get_ref())
            {
                bail!(
                    "{}: field `{}` lies within `{}`, which no [[field]] defines",
                    at(within.span()),
                    field.name,
                    within.get_ref()
                );
            }
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut entities = Vec::with_capacity(file.entity.len());
        for raw in file.entity {
            let slug = raw.slug.get_ref();
            if !crate::slug::is_safe_slug(slug) {
                bail!(
                    "{}: entity `{}` has an unsafe slug `{slug}` (use lowercase ASCII letters, digits and hyphens)",
                    at(raw.slug.span()),
                    raw.name.get_ref()
                );
            }
            // Lines are counted only for an error: counting them for every
            // entry would read the file once per entry.
            if let Some(first) = seen.insert(slug.clone(), raw.slug.span().start) {
                let (first_line, _) = crate::error::line_col(text, first);
                bail!(
                    "{}: slug `{slug}` is already used on line {first_line}",
                    at(raw.slug.span())
                );
            }
            let phrases = std::iter::once(&raw.name)
                .chain(&raw.aliases)
                .chain(raw.short.iter().flatten())
                .chain(&raw.roles)
                .chain(raw.aliases_in.iter().flat_map(|a| &a.names));
            for phrase in phrases {
                if phrase_key(phrase.get_ref()).is_empty() {
                    bail!(
                        "{}: entity `{slug}` has an empty name, alias, short form or role",
                        at(phrase.span())
                    );
                }
            }
            let defined = |field: &Spanned<String>| {
                file.field
                    .iter()
                    .chain(known)
                    .any(|f| f.name == *field.get_ref())
            };
            let fields = raw
                .field
                .iter()
                .chain(raw.aliases_in.iter().map(|a| &a.field));
            for field in fields {
                if !defined(field) {
                    bail!(
                        "{}: entity `{slug}` names the field `{}`, which no [[field]] defines",
                        at(field.span()),
                        field.get_ref()
                    );
                }
            }
            // Names and descriptions are shown on pages and in feeds: a
            // TOML escape must not bring in what no page or feed may carry.
            let text = |s: Spanned<String>| {
                let mut s = s.into_inner();
                crate::safe_text::clean_in_place(&mut s);
                s
            };
            let clean = |mut s: String| {
                crate::safe_text::clean_in_place(&mut s);
                s
            };
            entities.push(Entity {
                slug: raw.slug.into_inner(),
                name: text(raw.name),
                kind: raw.kind,
                aliases: raw.aliases.into_iter().map(text).collect(),
                short: raw.short.map(|s| s.into_iter().map(text).collect()),
                roles: raw.roles.into_iter().map(text).collect(),
                english: raw.english.map(clean),
                description: raw.description.map(clean),
                field: raw.field.map(Spanned::into_inner),
                aliases_in: raw.aliases_in.map(|a| FieldAliases {
                    field: a.field.into_inner(),
                    names: a.names.into_iter().map(text).collect(),
                }),
                discovered: None,
            });
        }
        Ok(EntityList {
            entities,
            fields: file.field,
        })
    }

    /// The bundled list extended by the file at `site_list`, whose entries
    /// replace bundled entries of the same slug.
    pub fn load(site_list: Option<&Path>) -> Result<EntityList> {
        let mut list = Self::bundled();
        if let Some(path) = site_list {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the entity list", path.display()))?;
            let own = Self::parse(&text, path, &list.fields)?;
            list.extend(own);
        }
        Ok(list)
    }

    /// Adds `other`'s entities and fields, replacing those with the same
    /// slug or name.
    pub fn extend(&mut self, other: EntityList) {
        for f in other.fields {
            match self.fields.iter_mut().find(|mine| mine.name == f.name) {
                Some(mine) => *mine = f,
                None => self.fields.push(f),
            }
        }
        let mut index: HashMap<String, usize> = self
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.slug.clone(), i))
            .collect();
        for e in other.entities {
            match index.get(&e.slug) {
                Some(&i) => self.entities[i] = e,
                None => {
                    index.insert(e.slug.clone(), self.entities.len());
                    self.entities.push(e);
                }
            }
        }
    }

    /// The entity `slug` names. A walk through the list: for many
    /// lookups, take [`EntityList::by_slug`] once.
    pub fn get(&self, slug: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.slug == slug)
    }

    /// Every entity by its slug.
    pub fn by_slug(&self) -> HashMap<&str, &Entity> {
        self.entities.iter().map(|e| (e.slug.as_str(), e)).collect()
    }

    /// The entity whose name or alias is `name`, whatever its spelling
    /// (a shadda aside: see [`spelling_key`]).
    pub fn find_by_name(&self, name: &str) -> Option<&Entity> {
        let keys = NameKeys::of(name);
        self.entities
            .iter()
            .find(|e| e.names().any(|n| keys.matches(n)))
    }
}

/// The key a list spelling is compared by: its [`phrase_key`], keeping
/// its shadda when it writes one, since then the shadda is what tells it
/// from another entity's name (عمّان, the city; عمان, also Oman). The
/// matcher reads such a spelling the same way.
pub fn spelling_key(spelling: &str) -> String {
    if has_shadda(spelling) {
        phrase_key_with_shadda(spelling)
    } else {
        phrase_key(spelling)
    }
}

/// The keys a name is looked up by: as any spelling compares, and with
/// its shadda for spellings that keep theirs.
pub struct NameKeys {
    pub plain: String,
    /// `None` when the name writes no shadda: it cannot match a spelling
    /// that does.
    pub shadda: Option<String>,
}

impl NameKeys {
    pub fn of(name: &str) -> NameKeys {
        NameKeys {
            plain: phrase_key(name),
            shadda: has_shadda(name).then(|| phrase_key_with_shadda(name)),
        }
    }

    /// Whether the looked-up name is the list spelling `spelling`.
    pub fn matches(&self, spelling: &str) -> bool {
        if has_shadda(spelling) {
            self.shadda.as_deref() == Some(phrase_key_with_shadda(spelling).as_str())
        } else {
            self.plain == phrase_key(spelling)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_word(a: &str, b: &str) -> bool {
        arabic::normalize(a) == arabic::normalize(b)
    }

    #[test]
    fn escaped_controls_leave_names_and_descriptions() {
        let text = "[[entity]]\nslug = \"ahmed-saeed\"\nname = \"\\u202Eأحمد سعيد\\u0000\"\nkind = \"person\"\naliases = [\"أحمد\\u000Bسعيد\"]\ndescription = \"وزير\\uFFFE\"\n";
        let list = EntityList::parse(text, Path::new("entities.toml"), &[]).unwrap();
        let e = &list.entities[0];
        assert_eq!(e.name, "أحمد سعيد");
        assert_eq!(e.aliases, ["أحمد سعيد"]);
        assert_eq!(e.description.as_deref(), Some("وزير"));
    }

    #[test]
    fn bundled_list_loads_and_slugs_are_unique() {
        let list = EntityList::bundled();
        assert!(list.get("vladimir-putin").is_some());
        assert_eq!(
            list.find_by_name("ترمب").map(|e| e.slug.as_str()),
            Some("donald-trump")
        );
        assert_eq!(
            list.find_by_name("نتانياهو").map(|e| e.slug.as_str()),
            Some("benjamin-netanyahu")
        );
        // The city written with its shadda is Amman; without, no name.
        assert_eq!(
            list.find_by_name("عمَّان").map(|e| e.slug.as_str()),
            Some("amman")
        );
        assert_eq!(list.find_by_name("عمان").map(|e| e.slug.as_str()), None);
    }

    /// A name claimed by two entities of one field (or of none) could
    /// never be matched outright, and a spelling listed twice is noise for
    /// the editor reading the list.
    #[test]
    fn bundled_names_are_unambiguous_and_not_repeated() {
        let list = EntityList::bundled();
        let mut owners: HashMap<(String, Option<&str>), &str> = HashMap::new();
        let mut problems = Vec::new();
        for e in &list.entities {
            let mut own = Vec::new();
            for n in e.names() {
                let key = spelling_key(n);
                if own.contains(&key) {
                    problems.push(format!("{}: `{n}` repeats another spelling", e.slug));
                }
                if let Some(other) = owners.insert((key.clone(), e.field.as_deref()), &e.slug)
                    && other != e.slug
                {
                    problems.push(format!("`{n}` names both {other} and {}", e.slug));
                }
                own.push(key);
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(
            list.entities.len() > 450,
            "countries, capitals, organisations and people"
        );
    }

    #[test]
    fn site_list_overrides_and_extends() {
        let mut list = EntityList::bundled();
        let before = list.entities.len();
        let site = EntityList::parse(
            r#"
[[entity]]
slug = "vladimir-putin"
name = "فلاديمير بوتين"
kind = "person"
description = "رئيس روسيا"

[[entity]]
slug = "jenny-town-test"
name = "جيني تاون"
kind = "person"
"#,
            Path::new("entities.toml"),
            &[],
        )
        .unwrap();
        list.extend(site);
        assert_eq!(list.entities.len(), before + 1);
        assert_eq!(
            list.get("vladimir-putin").unwrap().description.as_deref(),
            Some("رئيس روسيا")
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let text = "[[entity]]\nslug = \"a\"\nname = \"أ\"\nkind = \"place\"\n\n[[entity]]\nslug = \"a\"\nname = \"ب\"\nkind = \"place\"\n";
        let err = EntityList::parse(text, Path::new("site/entities.toml"), &[])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("site/entities.toml:7:"), "{err}");
        assert!(err.contains("line 2"), "{err}");

        let text = "[[entity]]\nslug = \"Bad Slug\"\nname = \"أ\"\nkind = \"place\"\n";
        let err = EntityList::parse(text, Path::new("e.toml"), &[])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("e.toml:2:"), "{err}");

        let text = "[[entity]]\nslug = \"a\"\nname = \"أ\"\nkind = \"planet\"\n";
        let err = EntityList::parse(text, Path::new("e.toml"), &[])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("e.toml:4:"), "{err}");

        // A field is the list's own or the bundled list's; a typo is named.
        let text = "[[entity]]\nslug = \"a\"\nname = \"أ\"\nkind = \"place\"\nfield = \"sprot\"\n";
        let err = EntityList::parse(text, Path::new("e.toml"), &EntityList::bundled().fields)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("e.toml:5:") && err.contains("sprot"),
            "{err}"
        );
        let text = text.replace("sprot", "sport");
        let list = EntityList::parse(&text, Path::new("e.toml"), &EntityList::bundled().fields)
            .expect("sport is a bundled field");
        assert_eq!(list.entities[0].field.as_deref(), Some("sport"));

        // So are the field of names that hold only within one, and the
        // field a field lies within.
        let text = "[[entity]]\nslug = \"a\"\nname = \"نادي أ\"\nkind = \"organisation\"\n\
                    aliases_in = { field = \"qatari-footbal\", names = [\"أ\"] }\n";
        let err = EntityList::parse(text, Path::new("e.toml"), &EntityList::bundled().fields)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("e.toml:5:") && err.contains("qatari-footbal"),
            "{err}"
        );
        let text = "[[field]]\nname = \"qatari-football\"\nwords = [\"قطر\", \"الدوحة\"]\n\
                    within = \"sprot\"\n";
        let err = EntityList::parse(text, Path::new("e.toml"), &EntityList::bundled().fields)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("e.toml:4:") && err.contains("sprot"),
            "{err}"
        );
        let text = text.replace("sprot", "sport")
            + "[[entity]]\nslug = \"al-sadd\"\nname = \"نادي السد\"\nkind = \"organisation\"\n\
               aliases_in = { field = \"qatari-football\", names = [\"السد\"] }\n";
        let list = EntityList::parse(&text, Path::new("e.toml"), &EntityList::bundled().fields)
            .expect("a site's own field within a bundled one");
        let local = list.entities[0].aliases_in.as_ref().expect("aliases_in");
        assert_eq!(
            (local.field.as_str(), &local.names[..]),
            ("qatari-football", &["السد".to_string()][..])
        );
    }

    #[test]
    fn short_forms_default_to_a_persons_last_name() {
        let list = EntityList::bundled();
        assert_eq!(list.get("sergei-lavrov").unwrap().short_forms(), ["لافروف"]);
        // Korean names put the family name first, and say so.
        assert!(
            list.get("kim-jong-un")
                .unwrap()
                .short_forms()
                .iter()
                .any(|s| same_word(s, "كيم"))
        );
        assert!(list.get("russia").unwrap().short_forms().is_empty());
        // A father's or a house's name is no one's short name.
        for name in ["هزاع بن زايد آل نهيان", "خليفة بن حمد", "محمد آل جابر"]
        {
            let person = Entity::bare("p".into(), name.into(), EntityKind::Person);
            assert!(person.short_forms().is_empty(), "{name}");
        }
    }
}
