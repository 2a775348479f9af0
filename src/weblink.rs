//! Web addresses that nashra prints as links: the site's `base_url` and an
//! article's original `url`. A page links to them and feeds carry them, so
//! anything but an absolute http(s) address is refused where it is read: a
//! `javascript:`, `data:` or `vbscript:` address (in any case, after a
//! space) would run in the reader's browser, and an address with no host
//! or with spaces writes broken links.

/// Why `text` is not an absolute `http://` or `https://` address with a
/// host, as a phrase that follows the address in a message; `None` when
/// it is one.
pub fn http_url_problem(text: &str) -> Option<&'static str> {
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some("has spaces or control characters in it");
    }
    let Ok(url) = url::Url::parse(text) else {
        return Some("is not an absolute http:// or https:// address");
    };
    if !matches!(url.scheme(), "http" | "https") {
        return Some("must start with http:// or https://");
    }
    // The parser forgives `https:///x` (host `x`); a link printed as
    // written would not.
    let after_scheme = &text[url.scheme().len()..];
    if !after_scheme.starts_with("://")
        || after_scheme[3..].starts_with(['/', '\\'])
        || url.host_str().is_none_or(str::is_empty)
    {
        return Some("has no host name");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_addresses_pass() {
        for ok in [
            "https://example.com/original",
            "http://www.aljazeera.net/news/2025/9/15/قمة",
            "HTTPS://EXAMPLE.ORG/briefing/",
        ] {
            assert_eq!(http_url_problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn script_and_data_addresses_are_refused_in_any_case() {
        for bad in [
            "javascript:alert(5)",
            "JavaScript:alert(5)",
            " javascript:alert(5)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "VBScript:msgbox(1)",
            "jav\tascript:alert(5)",
            "ftp://example.com/x",
        ] {
            assert!(http_url_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn addresses_without_host_or_with_spaces_are_refused() {
        for bad in [
            "https://",
            "https:///path",
            "https://exa mple.org/",
            "/articles/x/",
            "example.com",
        ] {
            assert!(http_url_problem(bad).is_some(), "{bad}");
        }
    }
}
