//! Topics from keyword rules in `site.toml`.

use crate::arabic::{content_stems, light_stem, normalize};
use crate::article::Article;
use crate::config::TopicConfig;
use crate::stories::Story;

/// Matches articles to topics by keyword stems.
#[derive(Debug, Clone)]
#[allow(clippy::type_complexity)]
pub struct TopicMatcher {
    topics: Vec<(String, Vec<(Vec<String>, f32)>)>,
}

impl TopicMatcher {
    pub fn new(topics: &[TopicConfig]) -> TopicMatcher {
        let topics = topics
            .iter()
            .map(|t| {
                let keywords = t
                    .keywords
                    .iter()
                    .map(|k| {
                        let stems = crate::arabic::normalized_words(k.word())
                            .iter()
                            .map(|w| light_stem(&normalize(w)))
                            .collect();
                        (stems, k.weight())
                    })
                    .collect();
                (t.slug.clone(), keywords)
            })
            .collect();
        TopicMatcher { topics }
    }

    /// Slugs of the topics whose keywords occur in the text, best first.
    pub fn classify(&self, title: &str, text: &str) -> Vec<String> {
        let mut stems = content_stems(title);
        stems.extend(content_stems(text));
        let mut scored: Vec<(f32, &String)> = Vec::new();
        for (slug, keywords) in &self.topics {
            let mut score = 0.0;
            for (kw, weight) in keywords {
                if kw.is_empty() {
                    continue;
                }
                let hits = stems.windows(kw.len()).filter(|w| w == kw).count();
                score += hits as f32 * weight;
            }
            if score >= 2.0 {
                scored.push((score, slug));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        scored.into_iter().map(|(_, s)| s.clone()).collect()
    }
}

/// Places articles that no keyword rule covered: for now they stay without
/// a topic (the site lists them under "other").
pub fn fill_uncovered(_articles: &mut [Article], _stories: &[Story]) {}
