//! Entities: the people, places and organisations a reader follows.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::arabic::phrase_key;
use crate::article::{Mention, Prominence};

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    /// Named in front matter but not in any entity list.
    Other,
}

/// One entry of an entity list.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub slug: String,
    /// Canonical Arabic name.
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings and short forms.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub english: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityFile {
    #[serde(default)]
    entity: Vec<Entity>,
}

/// An entity list: the bundled one, extended by the site's own.
#[derive(Debug, Clone, Default)]
pub struct EntityList {
    pub entities: Vec<Entity>,
}

const BUNDLED: &str = include_str!("../../data/entities.toml");

impl EntityList {
    /// The list shipped with nashra.
    pub fn bundled() -> EntityList {
        Self::parse(BUNDLED, Path::new("data/entities.toml"))
            .expect("the bundled entity list is valid")
    }

    /// Parses an entity list file.
    pub fn parse(text: &str, path: &Path) -> Result<EntityList> {
        let file: EntityFile =
            toml::from_str(text).map_err(|e| crate::error::located(path, text, &e))?;
        for e in &file.entity {
            if !crate::slug::is_safe_slug(&e.slug) {
                anyhow::bail!(
                    "{}: entity `{}` has an unsafe slug `{}`",
                    path.display(),
                    e.name,
                    e.slug
                );
            }
        }
        Ok(EntityList {
            entities: file.entity,
        })
    }

    /// The bundled list extended by the file at `site_list`, whose entries
    /// replace bundled entries of the same slug.
    pub fn load(site_list: Option<&Path>) -> Result<EntityList> {
        let mut list = Self::bundled();
        if let Some(path) = site_list {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the entity list", path.display()))?;
            list.extend(Self::parse(&text, path)?);
        }
        Ok(list)
    }

    /// Adds `other`'s entities, replacing those with the same slug.
    pub fn extend(&mut self, other: EntityList) {
        for e in other.entities {
            match self.entities.iter_mut().find(|x| x.slug == e.slug) {
                Some(slot) => *slot = e,
                None => self.entities.push(e),
            }
        }
    }

    pub fn get(&self, slug: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.slug == slug)
    }

    /// The entity whose name or alias is `name`, whatever its spelling.
    pub fn find_by_name(&self, name: &str) -> Option<&Entity> {
        let key = phrase_key(name);
        self.entities
            .iter()
            .find(|e| phrase_key(&e.name) == key || e.aliases.iter().any(|a| phrase_key(a) == key))
    }
}

/// Finds listed entities in text.
#[derive(Debug, Clone)]
pub struct Matcher {
    names: BTreeMap<String, String>,
}

impl Matcher {
    pub fn new(list: &EntityList) -> Matcher {
        let mut names = BTreeMap::new();
        for e in &list.entities {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                names.insert(phrase_key(n), e.slug.clone());
            }
        }
        Matcher { names }
    }

    /// Entities mentioned in `text` (exact phrase matches only).
    pub fn find(&self, text: &str, _sentences: &[String]) -> Vec<Mention> {
        let key = format!(" {} ", phrase_key(text));
        let mut found: BTreeMap<&str, usize> = BTreeMap::new();
        for (name, slug) in &self.names {
            let n = key.matches(&format!(" {name} ")).count();
            if n > 0 {
                *found.entry(slug).or_default() += n;
            }
        }
        found
            .into_iter()
            .map(|(slug, count)| Mention {
                slug: slug.to_string(),
                count,
                prominence: if count >= 2 {
                    Prominence::Main
                } else {
                    Prominence::Passing
                },
                variants: Vec::new(),
                sentence: String::new(),
            })
            .collect()
    }
}
