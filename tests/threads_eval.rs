//! Threads measured against a labelled set (`tests/fixtures/threads`): each
//! file is named `<storyline>-<event>--<outlet>.md`. Events of one
//! storyline (a summit series, rounds of talks) must form one thread; a
//! storyline of one event (`solo-…`) shares actors with the others (the
//! same leaders doing something else) and must join none.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use nashra::config::Config;

/// The storyline and event a fixture file is labelled with.
fn labels(file: &str) -> (String, String) {
    let stem = Path::new(file).file_stem().unwrap().to_str().unwrap();
    let event = stem.split("--").next().unwrap();
    let storyline = event.split('-').next().unwrap();
    (storyline.to_string(), event.to_string())
}

#[test]
fn storylines_become_threads_and_other_events_stay_out() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/threads");
    let config = Config::load(&dir.join("site.toml")).unwrap();
    let corpus = nashra::build::understand(&config).unwrap();

    // Each story's events and storyline, from its articles' labels.
    let story_labels: Vec<(BTreeSet<String>, String)> = corpus
        .stories
        .iter()
        .map(|s| {
            let events = s
                .articles
                .iter()
                .map(|&a| labels(&corpus.articles[a].file).1)
                .collect();
            let storyline = labels(&corpus.articles[s.articles[0]].file).0;
            (events, storyline)
        })
        .collect();
    for (events, _) in &story_labels {
        assert_eq!(events.len(), 1, "stories keep to one event: {events:?}");
    }

    // Pairs of stories in one thread, against pairs in one storyline.
    let thread_of = |s: usize| corpus.threads.of_story[s];
    let mut found = 0;
    let mut right = 0;
    let mut expected = 0;
    let n = corpus.stories.len();
    for i in 0..n {
        for j in i + 1..n {
            let same_thread = thread_of(i).is_some() && thread_of(i) == thread_of(j);
            let (li, lj) = (&story_labels[i].1, &story_labels[j].1);
            let same_storyline = li == lj && li != "solo";
            found += same_thread as usize;
            expected += same_storyline as usize;
            right += (same_thread && same_storyline) as usize;
        }
    }
    let precision = right as f64 / found.max(1) as f64;
    let recall = right as f64 / expected.max(1) as f64;
    println!(
        "threads: pairwise precision {precision:.2}, recall {recall:.2} ({right} of {found} found, {expected} expected)"
    );
    assert_eq!(expected, 6, "three summits and three rounds of talks");
    assert!(precision >= 0.99, "no thread takes in another event");
    assert!(recall >= 0.99, "every storyline is one thread");

    // The thread names what it is about, and inspect shows it.
    let threads: BTreeMap<&str, &nashra::threads::Thread> = corpus
        .threads
        .threads
        .iter()
        .map(|t| (story_labels[t.stories[0]].1.as_str(), t))
        .collect();
    let summits = threads["putinkim"];
    assert!(
        summits.actors.iter().any(|a| a == "vladimir-putin")
            && summits.actors.iter().any(|a| a == "kim-jong-un"),
        "{:?}",
        summits.actors
    );
    let report = nashra::inspect::inspect(&corpus, |_| true);
    let json = serde_json::to_value(&report).unwrap();
    let with_thread = json["stories"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            s["thread"]["stories"]
                .as_array()
                .is_some_and(|t| t.len() == 3)
        })
        .count();
    assert_eq!(with_thread, 6, "inspect shows each story's thread");
}
