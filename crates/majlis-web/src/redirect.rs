//! Redirects go to this site's own paths, always.
//!
//! [`local_target`] is the one function that decides where a redirect may go:
//! a path on this site, parsed and rebuilt, or else the home page. Refused:
//! a scheme or an authority (`//host`), a backslash (browsers read `/\host`
//! as `//host`), any control or whitespace character (`/\t/host` is
//! `//host` once the tab is dropped), and the same characters
//! percent-encoded. Every redirect majlis answers ([`see_other`]) goes
//! through it, so no request value can send a browser elsewhere or break the
//! `Location` header.

use axum::http::uri::PathAndQuery;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

const MAX_TARGET: usize = 512;

fn forbidden_char(c: char) -> bool {
    c.is_control()
        || c.is_whitespace()
        || c == '\\'
        || majlis_domain::validation::is_invisible_format(c)
}

/// Decodes `%XX` escapes (bytes that are not valid UTF-8 make it refused).
fn percent_decoded(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The path (before `?`) must be ours: one leading slash, then no slash or
/// backslash; nothing in it, raw or decoded, may be a control, a space or an
/// invisible character. The query may hold encoded spaces (a search), but no
/// controls or invisible characters, raw or decoded.
fn is_local(raw: &str) -> bool {
    let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
    let (Some(dpath), Some(dquery)) = (percent_decoded(path), percent_decoded(query)) else {
        return false;
    };
    let starts_well = |s: &str| s.starts_with('/') && !s.starts_with("//") && !s.starts_with("/\\");
    let clean_query = |s: &str| {
        !s.chars()
            .any(|c| c.is_control() || majlis_domain::validation::is_invisible_format(c))
    };
    raw.is_ascii()
        && starts_well(path)
        && starts_well(&dpath)
        && !path.chars().any(forbidden_char)
        && !dpath.chars().any(forbidden_char)
        && !query.chars().any(forbidden_char)
        && !dquery.contains('\\')
        && clean_query(&dquery)
}

/// The redirect target for a value taken from a request: the value itself
/// when it is a path on this site, else `/`.
pub fn local_target(next: Option<&str>) -> String {
    let Some(raw) = next.filter(|n| n.len() <= MAX_TARGET) else {
        return "/".into();
    };
    let (path_query, fragment) = match raw.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (raw, None),
    };
    if !is_local(path_query) {
        return "/".into();
    }
    // Parsed and rebuilt: what goes out is what the URI parser understood.
    let Ok(pq) = path_query.parse::<PathAndQuery>() else {
        return "/".into();
    };
    let mut out = pq.as_str().to_string();
    if let Some(f) = fragment.filter(|f| {
        f.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    }) {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// A 303 redirect to a path on this site (anything else goes home).
pub fn see_other(to: &str) -> Response {
    let target = local_target(Some(to));
    let value = HeaderValue::from_str(&target).unwrap_or(HeaderValue::from_static("/"));
    (StatusCode::SEE_OTHER, [(header::LOCATION, value)]).into_response()
}

pub fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::local_target;

    #[test]
    fn own_paths_pass_rebuilt() {
        for ok in [
            "/",
            "/bodies",
            "/people?q=%D9%85%D8%AD%D9%85%D8%AF%20%D8%B9&page=2",
            "/meetings/1#decisions",
        ] {
            assert_eq!(local_target(Some(ok)), ok);
        }
        assert_eq!(local_target(Some("/meetings/1#\"><x")), "/meetings/1");
    }

    #[test]
    fn everything_else_goes_home() {
        let hostile = [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "/%2F/evil.example",
            "/%5Cevil.example",
            "/%5c%5cevil.example",
            "/x\r\nSet-Cookie: a=b",
            "/x%0d%0aSet-Cookie:%20a=b",
            "/x%0D%0A",
            "/ evil",
            "/x%20y",
            "/x?a=%0d%0a",
            "/x?a=b c",
            "/\u{202e}gnp.exe",
            "/x%E2%80%AEy",
            "/%zz",
            "/%C3",
            "evil.example",
            "javascript:alert(1)",
            "",
        ];
        for h in hostile {
            assert_eq!(local_target(Some(h)), "/", "{h:?}");
        }
        assert_eq!(local_target(Some(&format!("/{}", "a".repeat(600)))), "/");
        assert_eq!(local_target(None), "/");
    }
}
