//! Error helpers: every message about bad input names the file, and the line
//! where one is known.

use std::path::Path;

/// The 1-based line and column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Turns a TOML parse error into `path:line:col: message`, where `text` is
/// the TOML that was parsed and `line_offset` the number of lines that come
/// before it in the file (front matter starts after its `+++` line).
pub fn located_at(
    path: &Path,
    text: &str,
    err: &toml::de::Error,
    line_offset: usize,
) -> anyhow::Error {
    let message = err.message().trim().to_string();
    match err.span() {
        Some(span) => {
            let (line, col) = line_col(text, span.start);
            anyhow::anyhow!(
                "{}:{}:{}: {}",
                path.display(),
                line + line_offset,
                col,
                message
            )
        }
        None => anyhow::anyhow!("{}: {}", path.display(), message),
    }
}

/// [`located_at`] for a file that is all TOML.
pub fn located(path: &Path, text: &str, err: &toml::de::Error) -> anyhow::Error {
    located_at(path, text, err, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "أ\nبت = 1\n";
        assert_eq!(line_col(text, 0), (1, 1));
        let eq = text.find('=').unwrap();
        assert_eq!(line_col(text, eq), (2, 4));
    }
}
