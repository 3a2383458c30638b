//! Page chrome (the layout's data), form state and the error page.

use crate::auth::Ctx;
use crate::error::WebError;
use crate::i18n::Lang;
pub use crate::present::clean;
use askama::Template;
use std::collections::HashMap;

/// What the layout needs: language, title, who is logged in, the CSRF token.
pub struct Chrome {
    pub lang: Lang,
    pub title: String,
    pub org_name: String,
    pub user_name: Option<String>,
    pub is_admin: bool,
    pub csrf: String,
    pub section: &'static str,
    pub path: String,
    pub flash: Option<String>,
    /// The stylesheet of the organization's colour tokens (see
    /// [`brand_css`]), `None` for majlis's own colours.
    pub brand_css: Option<String>,
    /// The organization's logo's address.
    pub logo: Option<String>,
}

/// The address of an organization colour's stylesheet: the colour is in
/// the address, so the sheet is computed without the database and cached
/// for good (the page's Content-Security-Policy allows no inline style).
pub fn brand_css_href(color: Option<&str>) -> Option<String> {
    let c = majlis_domain::brand::Rgb::parse(color?)?;
    Some(format!("/brand/{}.css", c.hex().trim_start_matches('#')))
}

/// The CSS custom properties of an organization colour, for light and dark
/// mode; `None` unless it is a colour that passes
/// [`majlis_domain::brand::check_color`].
pub fn brand_css(color: &str) -> Option<String> {
    use majlis_domain::brand::{Tokens, check_color, palette};
    let p = palette(check_color(color).ok()?);
    let rule = |t: &Tokens| {
        format!(
            "--brand:{};--brand-ink:{};--brand-soft:{};--brand-strong:{};--link:{};",
            t.brand.hex(),
            t.brand_ink.hex(),
            t.brand_soft.hex(),
            t.brand_strong.hex(),
            t.link.hex()
        )
    };
    Some(format!(
        ":root{{{}}}@media (prefers-color-scheme: dark){{:root{{{}}}}}",
        rule(&p.light),
        rule(&p.dark)
    ))
}

impl Chrome {
    /// The stylesheet's version (its address changes with its content).
    pub fn asset_version(&self) -> &'static str {
        crate::asset_version()
    }

    /// The first letter of the organization's name (the brand mark).
    pub fn org_initial(&self) -> String {
        self.org_name
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(String::from)
            .unwrap_or_default()
    }

    pub fn new(
        ctx: &Ctx,
        title: impl Into<String>,
        section: &'static str,
        path: impl Into<String>,
    ) -> Self {
        Self {
            lang: ctx.lang,
            title: title.into(),
            org_name: clean(ctx.settings.name(ctx.lang.code())),
            user_name: ctx.user.as_ref().map(|u| clean(u.display_name(ctx.lang))),
            is_admin: ctx.user.as_ref().is_some_and(|u| u.account.is_admin),
            csrf: ctx.csrf_token(),
            section,
            path: path.into(),
            flash: None,
            brand_css: brand_css_href(ctx.settings.brand_color.as_deref()),
            logo: ctx.settings.logo.map(|id| format!("/logo/{id}")),
        }
    }

    pub fn with_flash(mut self, flash: Option<String>) -> Self {
        self.flash = flash;
        self
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn languages(&self) -> &'static [Lang] {
        &Lang::ALL
    }
}

/// A form's submitted values and its errors, for re-rendering.
#[derive(Default)]
pub struct FormState {
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
    general: Option<String>,
}

impl FormState {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with(mut self, name: &str, value: impl Into<String>) -> Self {
        self.values.insert(name.to_string(), value.into());
        self
    }

    pub fn from_values(values: HashMap<String, String>) -> Self {
        Self {
            values,
            ..Default::default()
        }
    }

    /// Adds a web error: field errors next to their fields, or a general line.
    pub fn with_error(mut self, err: &WebError, lang: Lang) -> Self {
        let fields = err.fields();
        if fields.is_empty() {
            self.general = Some(err.message(lang));
        } else {
            for f in fields {
                let msg = if f.code == "taken" {
                    err.message(lang)
                } else {
                    lang.field_error(f.code)
                };
                self.errors.insert(f.field.to_string(), msg);
            }
        }
        self
    }

    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    /// Whether a repeated field (a picker's ticked boxes) holds a value.
    pub fn has(&self, name: &str, value: &str) -> bool {
        self.value(name).split(',').any(|v| v.trim() == value)
    }

    pub fn error(&self, name: &str) -> Option<&str> {
        self.errors.get(name).map(String::as_str)
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.general.is_some()
    }

    pub fn general(&self) -> Option<&str> {
        self.general.as_deref()
    }

    /// Every error message, for the summary at the top of a form.
    pub fn messages(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.errors.values().map(String::as_str).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub chrome: Chrome,
    pub message: String,
}

/// An error as a page: in the request's layout when a handler built its
/// context, else the bare layout (see [`crate::error::render_errors`]).
pub fn error_page(err: &WebError, lang: Lang, ctx: Option<&Ctx>) -> axum::response::Response {
    let status = err.status().as_u16();
    let message = err.message(lang);
    let page = match ctx {
        Some(ctx) => ErrorPage::in_layout(ctx, lang, status, message),
        None => ErrorPage::new(lang, status, message),
    };
    super::render(&page)
}

impl ErrorPage {
    /// An error page inside the request's layout (menu, user, organization).
    pub fn in_layout(ctx: &Ctx, lang: Lang, status: u16, message: String) -> Self {
        let bare = Self::new(lang, status, message);
        let mut chrome = Chrome::new(ctx, bare.chrome.title, "", "/");
        chrome.lang = lang;
        Self {
            chrome,
            message: bare.message,
        }
    }

    pub fn new(lang: Lang, status: u16, message: String) -> Self {
        let title = lang.t(&format!("error-title-{status}"));
        let title = if lang.has(&format!("error-title-{status}")) {
            title
        } else {
            lang.t("error-title-other")
        };
        Self {
            chrome: Chrome {
                lang,
                title,
                org_name: "majlis".into(),
                user_name: None,
                is_admin: false,
                csrf: String::new(),
                section: "",
                path: "/".into(),
                flash: None,
                brand_css: None,
                logo: None,
            },
            message,
        }
    }
}
