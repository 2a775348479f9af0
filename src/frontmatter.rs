//! TOML front matter between `+++` lines at the top of a Markdown file.

use std::ops::Range;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use serde::Deserialize;

use crate::article::Published;
use crate::error::located_at;

/// What a content file may state about itself. Every key is optional, and
/// any key present wins over what nashra would infer from the text.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// A date (`2025-08-13`) or an RFC 3339 date-time, bare or quoted;
    /// with its place, so that a date that does not read names its line.
    pub date: Option<toml::Spanned<toml::Value>>,
    pub source: Option<String>,
    /// The original address: an absolute http(s) URL (see
    /// [`crate::weblink`]), with its place for the error a bad one gets.
    pub url: Option<toml::Spanned<String>>,
    pub topics: Option<Vec<String>>,
    pub entities: Option<Vec<String>>,
    pub summary: Option<String>,
    /// With its place, for the error a bad or taken slug gets.
    pub slug: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub draft: bool,
    /// `article` (the default) or `page` for standalone pages such as "about".
    #[serde(default)]
    pub kind: ContentKind,
}

impl FrontMatter {
    /// Takes out of every text value the characters no page or feed may
    /// carry, which a TOML escape (`"\u0000"`, `"\u202E"`) can still
    /// write after the file itself was cleaned.
    fn clean_text(&mut self) {
        let single = [
            &mut self.title,
            &mut self.subtitle,
            &mut self.source,
            &mut self.summary,
        ];
        let lists = [&mut self.topics, &mut self.entities];
        single
            .into_iter()
            .flatten()
            .chain(lists.into_iter().flatten().flatten())
            .for_each(crate::safe_text::clean_in_place);
    }
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ContentKind {
    #[default]
    Article,
    Page,
}

impl ContentKind {
    /// What an editor calls a file of this kind, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            ContentKind::Article => "article",
            ContentKind::Page => "page",
        }
    }
}

/// A content file split into its front matter and Markdown body.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    pub front: FrontMatter,
    pub body: &'a str,
    /// The TOML between the `+++` lines, which value spans point into.
    toml: &'a str,
}

impl Parsed<'_> {
    /// The line of the file where the front matter value at `span` stands.
    pub fn line_of(&self, span: Range<usize>) -> usize {
        crate::error::line_col(self.toml, span.start).0 + 1
    }
}

/// Splits and parses a content file. A file without a `+++` first line has
/// no front matter; one whose front matter is never closed, or is not valid
/// TOML, is an error naming the file and line.
pub fn parse<'a>(text: &'a str, path: &Path) -> Result<Parsed<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Ok(Parsed {
            front: FrontMatter::default(),
            body: text,
            toml: "",
        });
    };
    if first.trim_end() == "---" && looks_like_yaml(lines.clone()) {
        bail!(
            "{}:1: this front matter opened with `---` is YAML; nashra reads TOML front matter between `+++` lines (title = \"…\")",
            path.display()
        );
    }
    if first.trim_end() != "+++" {
        return Ok(Parsed {
            front: FrontMatter::default(),
            body: text,
            toml: "",
        });
    }
    let start = first.len();
    let mut offset = start;
    for line in lines {
        if line.trim_end() == "+++" {
            let toml_text = &text[start..offset];
            let mut front: FrontMatter =
                toml::from_str(toml_text).map_err(|e| located_at(path, toml_text, &e, 1))?;
            front.clean_text();
            let body = &text[offset + line.len()..];
            return Ok(Parsed {
                front,
                body,
                toml: toml_text,
            });
        }
        offset += line.len();
    }
    bail!(
        "{}:1: front matter opened with `+++` is never closed by a second `+++` line",
        path.display()
    )
}

/// Whether the lines after an opening `---` are YAML front matter (as
/// other site generators write it): a `key: value` line first, and a
/// closing `---` later. A Markdown file may open with a `---` rule, but not
/// with a rule followed by such a line.
fn looks_like_yaml<'a>(mut lines: impl Iterator<Item = &'a str>) -> bool {
    let Some(first) = lines.by_ref().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    let key_value = first.split_once(':').is_some_and(|(key, _)| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    });
    key_value && lines.any(|l| matches!(l.trim_end(), "---" | "..."))
}

/// Interprets the front matter `date` in the site's time zone; `at` is
/// where it stands (`content/x.md:3`), for the error a bad date gets.
pub fn published(value: &toml::Value, tz: &chrono_tz::Tz, at: &str) -> Result<Published> {
    let text = match value {
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::String(s) => s.trim().to_string(),
        other => bail!(
            "{at}: `date` must be a date or date-time, not {}",
            other.type_str()
        ),
    };
    if let Ok(date) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        return Ok(Published { date, time: None });
    }
    if let Ok(time) = DateTime::parse_from_rfc3339(&text) {
        return Ok(Published {
            date: time.with_timezone(tz).date_naive(),
            time: Some(time),
        });
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(local) = NaiveDateTime::parse_from_str(&text, format)
            && let Some(zoned) = tz.from_local_datetime(&local).earliest()
        {
            let fixed: DateTime<FixedOffset> = zoned.fixed_offset();
            return Ok(Published {
                date: local.date(),
                time: Some(fixed),
            });
        }
    }
    bail!(
        "{at}: `date = {text}` is neither a date (2025-08-13) nor an RFC 3339 date-time (2025-08-13T09:30:00+03:00)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Parsed<'_>> {
        parse(text, Path::new("content/x.md"))
    }

    #[test]
    fn reads_keys_and_body() {
        let parsed =
            p("+++\ntitle = \"قمة\"\ndate = 2025-08-13\ntopics = [\"سياسة\"]\n+++\nنص المقال.\n")
                .unwrap();
        assert_eq!(parsed.front.title.as_deref(), Some("قمة"));
        assert_eq!(parsed.front.topics, Some(vec!["سياسة".to_string()]));
        assert_eq!(parsed.body, "نص المقال.\n");
        let d = published(
            parsed.front.date.as_ref().unwrap().get_ref(),
            &chrono_tz::UTC,
            "x",
        )
        .unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 8, 13).unwrap());
        assert!(d.time.is_none());
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let parsed = p("# عنوان\nنص").unwrap();
        assert_eq!(parsed.front, FrontMatter::default());
        assert_eq!(parsed.body, "# عنوان\nنص");
    }

    #[test]
    fn datetime_lands_on_the_local_day() {
        let value = toml::Value::String("2025-08-12T23:30:00+00:00".into());
        let riyadh: chrono_tz::Tz = "Asia/Riyadh".parse().unwrap();
        let d = published(&value, &riyadh, "x").unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 8, 13).unwrap());
        assert!(d.time.is_some());
    }

    #[test]
    fn unclosed_front_matter_names_file_and_line() {
        let err = p("+++\ntitle = \"x\"\nنص").unwrap_err().to_string();
        assert!(err.starts_with("content/x.md:1:"), "{err}");
        assert!(err.contains("never closed"), "{err}");
    }

    #[test]
    fn bad_toml_names_the_file_line() {
        let err = p("+++\ntitle = \"x\"\ndate = = 3\n+++\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("content/x.md:3:"), "{err}");
    }

    #[test]
    fn unknown_key_is_an_error() {
        let err = p("+++\ntitel = \"x\"\n+++\n").unwrap_err().to_string();
        assert!(err.contains("titel"), "{err}");
        assert!(err.starts_with("content/x.md:2:"), "{err}");
    }

    #[test]
    fn escaped_controls_and_bidi_overrides_are_taken_out_of_values() {
        let parsed = p(
            "+++\ntitle = \"\\u202Eانفجار\\u0000 في المرفأ\\u000B\"\nsummary = \"ملخص\\uFFFE\"\ntopics = [\"\\u2066اقتصاد\\u2069\"]\n+++\nنص\n",
        )
        .unwrap();
        assert_eq!(parsed.front.title.as_deref(), Some("انفجار في المرفأ "));
        assert_eq!(parsed.front.summary.as_deref(), Some("ملخص"));
        assert_eq!(parsed.front.topics, Some(vec!["اقتصاد".to_string()]));
    }

    #[test]
    fn the_original_address_keeps_its_line() {
        let parsed = p("+++\ntitle = \"قمة\"\nurl = \"javascript:alert(5)\"\n+++\nنص\n").unwrap();
        let url = parsed.front.url.as_ref().unwrap();
        assert_eq!(url.get_ref(), "javascript:alert(5)");
        assert_eq!(parsed.line_of(url.span()), 3);
    }

    #[test]
    fn yaml_front_matter_is_named_as_such() {
        let err = p("---\ntitle: \"قمة الرياض\"\ndate: 2025-09-02\n---\nنص\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("content/x.md:1:"), "{err}");
        assert!(err.contains("YAML") && err.contains("+++"), "{err}");
        // A rule opening a body is not front matter.
        let parsed = p("---\n\nنص المقال: تفاصيل.\n\n---\n").unwrap();
        assert_eq!(parsed.front, FrontMatter::default());
    }

    #[test]
    fn bad_date_is_explained() {
        let value = toml::Value::String("13/08/2025".into());
        let err = published(&value, &chrono_tz::UTC, "content/x.md:3")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("content/x.md:3") && err.contains("13/08/2025"),
            "{err}"
        );
    }

    #[test]
    fn a_value_names_its_line() {
        let parsed = p("+++\ntitle = \"قمة\"\n\ndate = \"13/08/2025\"\n+++\nنص\n").unwrap();
        let date = parsed.front.date.as_ref().unwrap();
        assert_eq!(parsed.line_of(date.span()), 4);
    }
}
