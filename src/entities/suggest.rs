//! `nashra entities suggest`: the names the build discovered that the
//! entity list does not hold yet ([`super::discover`]), ranked by how often
//! the corpus uses them, with the titles that introduced them and example
//! sentences, so that an editor confirms them into the list in minutes.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::list::{EntityKind, EntityList};
use crate::article::Article;

/// How many example sentences a suggestion shows.
const EXAMPLES: usize = 2;

/// A phrase the entity list does not know.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Suggestion {
    /// The phrase as most often written.
    pub name: String,
    /// A slug to start from (transliterated).
    pub slug: String,
    /// A guess from the cue words and the phrase itself.
    pub kind: EntityKind,
    pub occurrences: usize,
    pub articles: usize,
    /// Cue words seen in front of it, most frequent first.
    pub cues: Vec<String>,
    /// Sentences using it.
    pub examples: Vec<String>,
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organisation => "organisation",
        EntityKind::Other => "other",
    }
}

/// What `nashra entities suggest` prints: the `limit` most used unlisted
/// names in the corpus, as a table or as TOML.
pub fn report(articles: &[Article], list: &EntityList, as_toml: bool, limit: usize) -> String {
    let mut found = discovered(articles, list);
    found.truncate(limit);
    if as_toml {
        to_toml(&found)
    } else {
        to_table(&found)
    }
}

/// The entities the build discovered ([`super::discover`]), most
/// mentioned first: names the corpus itself introduced by titles, head
/// words and speech verbs and judged across articles, so that an editor
/// confirms them into the list instead of sifting single words.
pub fn discovered(articles: &[Article], list: &EntityList) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = Vec::new();
    let index: std::collections::HashMap<&str, usize> = list
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.discovered.is_some())
        .map(|(i, e)| (e.slug.as_str(), i))
        .collect();
    let mut by_entity: BTreeMap<usize, Suggestion> = BTreeMap::new();
    for a in articles {
        for m in &a.entities {
            let Some(&i) = index.get(m.slug.as_str()) else {
                continue;
            };
            let e = &list.entities[i];
            let s = by_entity.entry(i).or_insert_with(|| Suggestion {
                name: e.name.clone(),
                slug: e.slug.clone(),
                kind: e.kind,
                occurrences: 0,
                articles: 0,
                cues: e.description.iter().cloned().collect(),
                examples: Vec::new(),
            });
            s.occurrences += m.count;
            s.articles += 1;
            let example = a.sentence_naming(m).trim().to_string();
            if s.examples.len() < EXAMPLES && !example.is_empty() && !s.examples.contains(&example)
            {
                s.examples.push(example);
            }
        }
    }
    out.extend(by_entity.into_values());
    out.sort_by(|a, b| {
        (
            std::cmp::Reverse(a.occurrences),
            std::cmp::Reverse(a.articles),
            &a.name,
        )
            .cmp(&(
                std::cmp::Reverse(b.occurrences),
                std::cmp::Reverse(b.articles),
                &b.name,
            ))
    });
    out
}

/// The suggestions as a table for the terminal.
pub fn to_table(suggestions: &[Suggestion]) -> String {
    let mut out = String::new();
    if suggestions.is_empty() {
        out.push_str("no unlisted names found\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{:>5} {:>8}  {:<12}  name  (cues)",
        "count", "articles", "kind"
    );
    for s in suggestions {
        let cues = if s.cues.is_empty() {
            String::new()
        } else {
            format!("  (cue: {})", s.cues.join("، "))
        };
        let _ = writeln!(
            out,
            "{:>5} {:>8}  {:<12}  {}{cues}",
            s.occurrences,
            s.articles,
            kind_name(s.kind),
            s.name
        );
        for e in &s.examples {
            let _ = writeln!(out, "{:>29}{e}", "» ");
        }
    }
    out
}

/// The suggestions as entries to paste into an entity list.
pub fn to_toml(suggestions: &[Suggestion]) -> String {
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out =
        String::from("# Suggested by `nashra entities suggest`: check each name, kind and slug.\n");
    for s in suggestions {
        let _ = writeln!(
            out,
            "\n# {} mentions in {} articles",
            s.occurrences, s.articles
        );
        if let Some(e) = s.examples.first() {
            let _ = writeln!(out, "# {e}");
        }
        let _ = writeln!(out, "[[entity]]");
        let _ = writeln!(
            out,
            "slug = {}",
            quoted(if s.slug.is_empty() { "entity" } else { &s.slug })
        );
        let _ = writeln!(out, "name = {}", quoted(&s.name));
        let _ = writeln!(out, "kind = {}", quoted(kind_name(s.kind)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minister() -> Suggestion {
        Suggestion {
            name: "زوهراب مناتساكانيان".into(),
            slug: "zwhrab-mnatsakanyan".into(),
            kind: EntityKind::Person,
            occurrences: 5,
            articles: 2,
            cues: vec!["وزير الخارجية الأرميني".into()],
            examples: vec![
                "وقال وزير الخارجية الأرميني زوهراب مناتساكانيان إن المحادثات ستستأنف.".into(),
            ],
        }
    }

    #[test]
    fn toml_output_parses_as_an_entity_list() {
        let toml = to_toml(&[minister()]);
        let list = EntityList::parse(&toml, std::path::Path::new("suggested.toml"), &[])
            .expect("pasteable TOML");
        assert!(
            list.entities
                .iter()
                .any(|e| e.name == "زوهراب مناتساكانيان" && e.kind == EntityKind::Person),
            "{toml}"
        );
    }

    #[test]
    fn the_table_shows_name_cue_and_example() {
        let table = to_table(&[minister()]);
        for part in ["زوهراب مناتساكانيان", "وزير الخارجية الأرميني", "ستستأنف"]
        {
            assert!(table.contains(part), "{part} missing from:\n{table}");
        }
    }
}
