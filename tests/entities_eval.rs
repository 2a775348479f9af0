//! Entity recognition measured on a labelled set: the five seeds as the
//! pipeline understands them, and short passages holding the hard cases
//! (tests/fixtures/entities). Reports precision and recall, per set and
//! overall, and fails below 0.9 on either.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use nashra::build::understand;
use nashra::config::Config;
use nashra::entities::{EntityList, Matcher};
use serde::Deserialize;

const FLOOR: f64 = 0.9;

#[derive(Deserialize)]
struct SeedLabels {
    seed: Vec<SeedLabel>,
}

#[derive(Deserialize)]
struct SeedLabel {
    file: String,
    expected: Vec<String>,
    #[serde(default)]
    allowed: Vec<String>,
}

#[derive(Deserialize)]
struct Snippets {
    case: Vec<Snippet>,
}

#[derive(Deserialize)]
struct Snippet {
    note: String,
    text: String,
    expected: Vec<String>,
}

/// True and false positives and false negatives over (article, entity) pairs.
#[derive(Default, Clone, Copy)]
struct Score {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
}

impl Score {
    /// Scores one article; entities in `allowed` count neither way.
    fn add(
        &mut self,
        found: &BTreeSet<String>,
        expected: &BTreeSet<String>,
        allowed: &BTreeSet<String>,
    ) -> Vec<String> {
        let mut errors = Vec::new();
        for slug in found.difference(expected).filter(|s| !allowed.contains(*s)) {
            self.false_positives += 1;
            errors.push(format!("unexpected {slug}"));
        }
        for slug in expected.difference(found) {
            self.false_negatives += 1;
            errors.push(format!("missed {slug}"));
        }
        self.true_positives += found.intersection(expected).count();
        errors
    }

    fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    fn merged(self, other: Score) -> Score {
        Score {
            true_positives: self.true_positives + other.true_positives,
            false_positives: self.false_positives + other.false_positives,
            false_negatives: self.false_negatives + other.false_negatives,
        }
    }

    fn report(&self, name: &str) {
        println!(
            "{name:>9}: precision {:.3}  recall {:.3}  ({} found right, {} wrong, {} missed)",
            self.precision(),
            self.recall(),
            self.true_positives,
            self.false_positives,
            self.false_negatives
        );
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

fn fixture(name: &str) -> String {
    let path = Path::new("tests/fixtures/entities").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn set(slugs: &[String]) -> BTreeSet<String> {
    slugs.iter().cloned().collect()
}

/// Every labelled slug must exist, or a typo would pass as a "miss".
fn check_labels_exist(list: &EntityList, slugs: &[String], context: &str) {
    for slug in slugs {
        assert!(
            list.get(slug).is_some(),
            "{context}: `{slug}` is not in the entity list"
        );
    }
}

fn score_seeds() -> Score {
    let labels: SeedLabels = toml::from_str(&fixture("seeds.toml")).expect("seeds.toml parses");
    let corpus = understand(&Config::load(Path::new("site.toml")).expect("site.toml loads"))
        .expect("seeds load");
    let mut found: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for a in &corpus.articles {
        found
            .entry(a.file.as_str())
            .or_default()
            .extend(a.entities.iter().map(|m| m.slug.clone()));
    }
    let mut score = Score::default();
    // A seed may name a body the list does not hold and discovery reads by
    // its form (الجيش الأوكراني): its slug is the discovered entity's.
    for label in &labels.seed {
        check_labels_exist(&corpus.entities, &label.expected, &label.file);
        check_labels_exist(&corpus.entities, &label.allowed, &label.file);
        let got = found
            .get(label.file.as_str())
            .unwrap_or_else(|| panic!("{} is not a seed", label.file));
        let errors = score.add(got, &set(&label.expected), &set(&label.allowed));
        if !errors.is_empty() {
            println!("  {}: {}", label.file, errors.join(", "));
        }
    }
    score
}

fn score_snippets(list: &EntityList) -> Score {
    let snippets: Snippets =
        toml::from_str(&fixture("snippets.toml")).expect("snippets.toml parses");
    let matcher = Matcher::new(list);
    let mut score = Score::default();
    for case in &snippets.case {
        check_labels_exist(list, &case.expected, &case.note);
        let text = case.text.trim();
        let body = text.split_once("\n\n").map_or("", |(_, body)| body);
        let sentences: Vec<String> = arabic::sentences(body)
            .into_iter()
            .map(String::from)
            .collect();
        let got: BTreeSet<String> = matcher
            .find(text, &sentences)
            .into_iter()
            .map(|m| m.slug)
            .collect();
        let errors = score.add(&got, &set(&case.expected), &BTreeSet::new());
        if !errors.is_empty() {
            println!("  {}: {}", case.note, errors.join(", "));
        }
    }
    score
}

#[test]
fn entity_recognition_precision_and_recall() {
    let list = EntityList::bundled();
    let seeds = score_seeds();
    let snippets = score_snippets(&list);
    let all = seeds.merged(snippets);
    seeds.report("seeds");
    snippets.report("snippets");
    all.report("overall");
    for (name, score) in [("seeds", seeds), ("snippets", snippets), ("overall", all)] {
        assert!(
            score.precision() >= FLOOR,
            "{name}: precision {:.3} below {FLOOR}",
            score.precision()
        );
        assert!(
            score.recall() >= FLOOR,
            "{name}: recall {:.3} below {FLOOR}",
            score.recall()
        );
    }
}
