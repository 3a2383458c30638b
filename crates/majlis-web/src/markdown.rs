//! Text written in majlis (Markdown) shown as formatted, safe HTML:
//! pulldown-cmark renders it, ammonia keeps only harmless tags and
//! attributes (no scripts, styles, event handlers or `javascript:` links),
//! bidi control characters are neutralized first, and every block gets
//! `dir="auto"` so an Arabic paragraph and a French one each read in
//! their own direction.

use pulldown_cmark::{Options, Parser, html};

/// The blocks that get `dir="auto"`.
const BLOCKS: [&str; 10] = [
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "td",
];

/// Markdown to sanitized HTML.
pub fn to_html(text: &str) -> String {
    let text = crate::present::clean(text);
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut raw = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(&text, options));
    let safe = ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into())
        .clean(&raw)
        .to_string();
    let mut out = safe;
    for tag in BLOCKS {
        out = out.replace(&format!("<{tag}>"), &format!("<{tag} dir=\"auto\">"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn formats_headings_lists_and_emphasis() {
        let h = to_html(
            "# محور أول\n\n- **الديمقراطية** الداخلية\n- *القرب*\n\nنص [رابط](https://example.org).",
        );
        assert!(h.contains("<h1 dir=\"auto\">محور أول</h1>"), "{h}");
        assert!(
            h.contains("<li dir=\"auto\"><strong>الديمقراطية</strong> الداخلية</li>"),
            "{h}"
        );
        assert!(h.contains("<em>القرب</em>"), "{h}");
        assert!(h.contains("href=\"https://example.org\""), "{h}");
        assert!(h.contains("rel=\"noopener noreferrer nofollow\""), "{h}");
    }

    #[test]
    fn strips_scripts_handlers_and_dangerous_links() {
        let h = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<p style=\"color:red\" onclick=\"x()\">t</p>",
        );
        assert!(!h.contains("<script"), "{h}");
        assert!(
            !h.contains("onerror") && !h.contains("onclick") && !h.contains("style="),
            "{h}"
        );
        assert!(!h.contains("javascript:"), "{h}");
    }

    #[test]
    fn neutralizes_bidi_controls() {
        let h = to_html("اسم \u{202E}عكسي");
        assert!(!h.contains('\u{202E}'), "{h}");
    }
}
