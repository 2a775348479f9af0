//! Entities an article's front matter states: they replace what matching
//! found, and names the list does not know become entities of their own.

use std::collections::HashMap;

use super::list::{NameKeys, spelling_key};
use super::{Entity, EntityKind, EntityList};
use crate::article::{Article, Mention, Prominence};
use crate::enrich::Stated;
use crate::slug::slugify;

/// Front matter `entities` replace what matching found. A name the entity
/// list knows maps to its entity; an unknown name gets an entity of its own.
pub fn apply_stated(articles: &mut [Article], stated: &[Stated], list: &mut EntityList) {
    let mut known = KnownEntities::of(list);
    for (article, s) in articles.iter_mut().zip(stated) {
        let Some(names) = &s.entities else { continue };
        let mut mentions = Vec::new();
        for name in names {
            let slug = match known.find(name) {
                Some(e) => list.entities[e].slug.clone(),
                None => {
                    let mut slug = slugify(name);
                    if slug.is_empty() {
                        slug = "entity".into();
                    }
                    let mut n = 1;
                    let base = slug.clone();
                    while known.by_slug.contains_key(&slug) {
                        n += 1;
                        slug = format!("{base}-{n}");
                    }
                    known.add(list.entities.len(), &slug, name);
                    list.entities
                        .push(Entity::bare(slug.clone(), name.clone(), EntityKind::Other));
                    slug
                }
            };
            let found = article.entities.iter().find(|m| m.slug == slug).cloned();
            mentions.push(found.unwrap_or(Mention {
                slug,
                count: 1,
                prominence: Prominence::Main,
                variants: vec![name.clone()],
                sentence: 0..0,
            }));
        }
        mentions.dedup_by(|a, b| a.slug == b.slug);
        article.entities = mentions;
    }
}

/// The entity list indexed by every name's spelling-free key and by slug,
/// for front matter naming entities in thousands of files: looking each
/// name up in the list would normalise every name of every entity again.
struct KnownEntities {
    by_key: HashMap<String, usize>,
    by_slug: HashMap<String, usize>,
}

impl KnownEntities {
    fn of(list: &EntityList) -> KnownEntities {
        let mut known = KnownEntities {
            by_key: HashMap::new(),
            by_slug: HashMap::new(),
        };
        for (i, e) in list.entities.iter().enumerate() {
            for name in e.names() {
                known.by_key.entry(spelling_key(name)).or_insert(i);
            }
            known.by_slug.entry(e.slug.clone()).or_insert(i);
        }
        known
    }

    /// As [`EntityList::find_by_name`], then [`EntityList::get`]: the first
    /// entity in list order with that name, else the one with that slug.
    fn find(&self, name: &str) -> Option<usize> {
        // Keys of spellings with a shadda hold one, others never do.
        let keys = NameKeys::of(name);
        keys.shadda
            .and_then(|key| self.by_key.get(&key))
            .or_else(|| self.by_key.get(&keys.plain))
            .or_else(|| self.by_slug.get(name))
            .copied()
    }

    fn add(&mut self, index: usize, slug: &str, name: &str) {
        self.by_key.entry(spelling_key(name)).or_insert(index);
        self.by_slug.entry(slug.to_string()).or_insert(index);
    }
}
