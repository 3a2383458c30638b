//! The public site, without an account, in the same program: the latest
//! communiqués, each communiqué's page, the archive by year and month,
//! tags, Atom and JSON feeds and a sitemap — in the organization's name,
//! logo and colour, right to left for Arabic. Pages are rendered once and
//! kept (see `cache`); nothing on them depends on who asks.

pub mod cache;
pub mod comments;
mod feeds;
mod version;

use crate::error::{PageError, WebError};
use crate::html::layout::{brand_css_href, clean};
use crate::i18n::Lang;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use cache::cached;
use chrono::Utc;
use majlis_domain::OrgSettings;
use majlis_domain::communique::CommuniqueState;
use majlis_store::service::communiques::Communique;
use majlis_store::service::public_site::PublicFilter;

/// Communiqués a list page shows.
pub const PER_PAGE: u64 = 20;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/p", get(home))
        .route("/p/archive/{year}", get(archive_year))
        .route("/p/archive/{year}/{month}", get(archive_month))
        .route("/p/tags/{tag}", get(tag))
        .route("/p/{slug}", get(communique))
        .route("/p/{slug}/pdf", get(pdf))
        .route("/p/{slug}/comment", get(comments::page))
        .route("/p/{slug}/comments", axum::routing::post(comments::post))
        .route("/p/{slug}/token", get(comments::form_token))
        .route("/feed.atom", get(feeds::atom))
        .route("/feed.json", get(feeds::json))
        .route("/sitemap.xml", get(feeds::sitemap))
}

/// What every public page shows around its content.
pub struct Site {
    pub lang: Lang,
    pub title: String,
    pub org_name: String,
    pub logo: Option<String>,
    pub brand_css: Option<String>,
    pub description: String,
    /// The page's absolute address.
    pub canonical: String,
    pub og_type: &'static str,
    pub base: String,
}

impl Site {
    pub fn new(
        state: &AppState,
        settings: &OrgSettings,
        lang: Lang,
        title: String,
        path: &str,
    ) -> Self {
        let base = state.config.public_url.trim_end_matches('/').to_string();
        Self {
            lang,
            title,
            org_name: clean(settings.name(lang.code())),
            logo: settings.logo.map(|id| format!("/logo/{id}")),
            brand_css: brand_css_href(settings.brand_color.as_deref()),
            description: String::new(),
            canonical: format!("{base}{path}"),
            og_type: "website",
            base,
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn og_locale(&self) -> &'static str {
        match self.lang {
            Lang::Ar => "ar_MA",
            Lang::Fr => "fr_MA",
            Lang::En => "en_GB",
        }
    }

    pub fn asset_version(&self) -> &'static str {
        crate::asset_version()
    }

    pub fn org_initial(&self) -> String {
        self.org_name
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(String::from)
            .unwrap_or_default()
    }
}

/// The site's own language (the organization's default).
fn site_lang(settings: &OrgSettings) -> Lang {
    Lang::parse(&settings.default_locale).unwrap_or_default()
}

fn lang_of(c: &Communique) -> Lang {
    Lang::parse(&c.lang).unwrap_or_default()
}

/// The first paragraph as plain words, at most 280 characters.
pub fn excerpt(body: &str) -> String {
    let first = body
        .split("\n\n")
        .map(|p| p.trim().trim_start_matches('#').trim())
        .find(|p| !p.is_empty())
        .unwrap_or_default();
    let words: String = first
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '[' | ']'))
        .collect();
    if words.chars().count() > 280 {
        let cut: String = words.chars().take(277).collect();
        format!("{}…", cut.trim_end())
    } else {
        words
    }
}

pub struct Item {
    pub href: String,
    pub title: String,
    pub lang: &'static str,
    pub dir: &'static str,
    pub date: String,
    pub excerpt: String,
    pub withdrawn: bool,
    pub corrected: bool,
    /// Its public translations: address, language code, language name.
    pub translations: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "public_list.html")]
struct ListPage {
    site: Site,
    heading: String,
    items: Vec<Item>,
    prev: Option<String>,
    next: Option<String>,
    archive: Vec<(String, String)>,
}

fn page_err(e: WebError, lang: Lang) -> PageError {
    PageError(e, Some(lang))
}

#[derive(serde::Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    page: Option<u64>,
}

async fn list(
    state: &AppState,
    headers: &HeaderMap,
    filter: PublicFilter,
    page: u64,
    heading: Option<String>,
    path: String,
) -> Result<Response, PageError> {
    let settings = state
        .store
        .settings()
        .await
        .map_err(|e| page_err(e.into(), Lang::Ar))?;
    let lang = site_lang(&settings);
    let filter = PublicFilter {
        one_per_group: Some(lang.code().to_string()),
        ..filter
    };
    if page == 0 || page > 10_000 {
        return Err(page_err(
            WebError::Domain(majlis_domain::DomainError::NotFound),
            lang,
        ));
    }
    let key = format!("list:{path}:{page}");
    let make = || async {
        let (list, total) = state
            .store
            .public_communiques(Utc::now(), &filter, page, PER_PAGE)
            .await?;
        if page > 1 && list.is_empty() {
            return Err(WebError::Domain(majlis_domain::DomainError::NotFound));
        }
        let tz = majlis_store::service::meetings::zone(&settings.time_zone);
        // Every public communiqué: the translations of those listed, and the
        // months of the archive.
        let (all, _) = state
            .store
            .public_communiques(Utc::now(), &PublicFilter::default(), 1, 5_000)
            .await?;
        let items = list
            .iter()
            .map(|c| {
                let l = lang_of(c);
                let dates = state.dates(l.code(), &settings);
                Item {
                    href: format!("/p/{}", c.slug),
                    title: clean(&c.title),
                    lang: l.code(),
                    dir: l.dir(),
                    date: c
                        .published_at
                        .map(|t| dates.date(t.with_timezone(&tz).date_naive()))
                        .unwrap_or_default(),
                    excerpt: clean(&excerpt(&c.body)),
                    withdrawn: c.state == CommuniqueState::Withdrawn,
                    corrected: c.state == CommuniqueState::Corrected,
                    translations: all
                        .iter()
                        .filter(|t| t.group_id == c.group_id && t.id != c.id)
                        .map(|t| {
                            (
                                format!("/p/{}", t.slug),
                                t.lang.clone(),
                                lang_of(t).t(&format!("lang-{}", t.lang)),
                            )
                        })
                        .collect(),
                }
            })
            .collect();
        let dates = state.dates(lang.code(), &settings);
        let mut months: Vec<(i32, u32)> = all
            .iter()
            .filter_map(|c| c.published_at)
            .map(|t| {
                use chrono::Datelike;
                let d = t.with_timezone(&tz);
                (d.year(), d.month())
            })
            .collect();
        months.dedup();
        let archive = months
            .into_iter()
            .take(24)
            .map(|(y, m)| {
                (
                    format!("/p/archive/{y}/{m:02}"),
                    format!("{} {y}", dates.month_name(y, m)),
                )
            })
            .collect();
        let pages = total.div_ceil(PER_PAGE);
        let title = heading.clone().unwrap_or_else(|| lang.t("public-latest"));
        let mut site = Site::new(state, &settings, lang, title.clone(), &path);
        site.description = lang.t("public-description");
        let page_link = |n: u64| {
            if n == 1 {
                path.clone()
            } else {
                format!("{path}?page={n}")
            }
        };
        let p = ListPage {
            site,
            heading: title,
            items,
            prev: (page > 1).then(|| page_link(page - 1)),
            next: (page < pages).then(|| page_link(page + 1)),
            archive,
        };
        p.render()
            .map(String::into_bytes)
            .map_err(|e| WebError::Internal(e.to_string()))
    };
    cached(state, headers, key, "text/html; charset=utf-8", make)
        .await
        .map_err(|e| page_err(e, lang))
}

pub async fn home(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    list(
        &state,
        &headers,
        PublicFilter::default(),
        q.page.unwrap_or(1),
        None,
        "/p".into(),
    )
    .await
}

/// A number of an address within its range, else the page is not found.
fn within<T: std::str::FromStr + PartialOrd>(
    text: &str,
    range: std::ops::RangeInclusive<T>,
) -> Result<T, PageError> {
    text.parse()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or(PageError(
            WebError::Domain(majlis_domain::DomainError::NotFound),
            None,
        ))
}

pub async fn archive_year(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(year): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let y: i32 = within(&year, 1900..=2200)?;
    let filter = PublicFilter {
        year: Some(y),
        ..Default::default()
    };
    let heading = y.to_string();
    list(
        &state,
        &headers,
        filter,
        q.page.unwrap_or(1),
        Some(heading),
        format!("/p/archive/{y}"),
    )
    .await
}

pub async fn archive_month(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((year, month)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let y: i32 = within(&year, 1900..=2200)?;
    let m: u32 = within(&month, 1..=12)?;
    let settings = state
        .store
        .settings()
        .await
        .map_err(|e| PageError(e.into(), None))?;
    let lang = site_lang(&settings);
    let heading = format!(
        "{} {y}",
        state.dates(lang.code(), &settings).month_name(y, m)
    );
    let filter = PublicFilter {
        year: Some(y),
        month: Some(m),
        ..Default::default()
    };
    list(
        &state,
        &headers,
        filter,
        q.page.unwrap_or(1),
        Some(heading),
        format!("/p/archive/{y}/{m:02}"),
    )
    .await
}

pub async fn tag(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(tag): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    if tag.is_empty() || tag.chars().count() > majlis_domain::communique::MAX_TAG {
        return Err(PageError(
            WebError::Domain(majlis_domain::DomainError::NotFound),
            None,
        ));
    }
    let heading = format!("#{}", clean(&tag));
    let path = format!("/p/tags/{}", crate::redirect::urlencode(&tag));
    let filter = PublicFilter {
        tag: Some(tag),
        ..Default::default()
    };
    list(
        &state,
        &headers,
        filter,
        q.page.unwrap_or(1),
        Some(heading),
        path,
    )
    .await
}

#[derive(Template)]
#[template(path = "public_communique.html")]
struct CommuniquePage {
    site: Site,
    html: String,
    date: String,
    iso_date: String,
    corrected: Option<String>,
    withdrawn: Option<(String, String)>,
    tags: Vec<(String, String)>,
    translations: Vec<(String, String, String)>,
    slug: String,
    open: bool,
    comments: Vec<CommentView>,
    comments_heading: String,
    prev: Option<String>,
    next: Option<String>,
}

pub struct CommentView {
    pub id: String,
    pub name: String,
    pub text: String,
    pub date: String,
    pub reply: bool,
}

pub async fn communique(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let settings = state
        .store
        .settings()
        .await
        .map_err(|e| PageError(e.into(), None))?;
    let site_lang = site_lang(&settings);
    let page = q.page.unwrap_or(1);
    if page == 0 || page > 100_000 {
        let e = WebError::Domain(majlis_domain::DomainError::NotFound);
        return Err(PageError(e, Some(site_lang)));
    }
    let key = format!("communique:{slug}:{page}");
    let make = || async {
        let now = Utc::now();
        let (c, translations) = state.store.public_communique(now, &slug).await?;
        let (list, total) = state.store.public_comments(c.id, page).await?;
        if page > 1 && list.is_empty() {
            return Err(WebError::Domain(majlis_domain::DomainError::NotFound));
        }
        let pages = total.div_ceil(majlis_store::service::comments::PAGE);
        let here = format!("/p/{}", c.slug);
        let link = |n: u64| {
            if n == 1 {
                format!("{here}#comments")
            } else {
                format!("{here}?page={n}#comments")
            }
        };
        let lang = lang_of(&c);
        let dates = state.dates(lang.code(), &settings);
        let tz = majlis_store::service::meetings::zone(&settings.time_zone);
        let day = |t: chrono::DateTime<Utc>| dates.date(t.with_timezone(&tz).date_naive());
        let mut site = Site::new(
            &state,
            &settings,
            lang,
            clean(&c.title),
            &format!("/p/{}", c.slug),
        );
        site.description = clean(&excerpt(&c.body));
        site.og_type = "article";
        let page = CommuniquePage {
            html: crate::markdown::to_html(&c.body),
            date: c.published_at.map(day).unwrap_or_default(),
            iso_date: c.published_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            corrected: c.corrected_at.map(day),
            withdrawn: c.withdrawn_at.map(|t| {
                (
                    day(t),
                    c.withdrawal_note.as_deref().map(clean).unwrap_or_default(),
                )
            }),
            tags: c
                .tags
                .iter()
                .map(|t| {
                    (
                        format!("/p/tags/{}", crate::redirect::urlencode(t)),
                        clean(t),
                    )
                })
                .collect(),
            translations: translations
                .iter()
                .map(|t| {
                    (
                        format!("/p/{}", t.slug),
                        t.lang.clone(),
                        lang_of(t).t(&format!("lang-{}", t.lang)),
                    )
                })
                .collect(),
            slug: c.slug.clone(),
            open: c.state.open_to_comments(c.publish_at, now),
            comments: list
                .iter()
                .map(|x| CommentView {
                    id: x.id.to_string(),
                    name: clean(&x.name),
                    text: clean(&x.text),
                    date: day(x.created_at),
                    reply: x.parent_id.is_some(),
                })
                .collect(),
            comments_heading: lang.count("public-comments", total),
            prev: (page > 1).then(|| link(page - 1)),
            next: (page < pages).then(|| link(page + 1)),
            site,
        };
        page.render()
            .map(String::into_bytes)
            .map_err(|e| WebError::Internal(e.to_string()))
    };
    cached(&state, &headers, key, "text/html; charset=utf-8", make)
        .await
        .map_err(|e| PageError(e, Some(site_lang)))
}

/// A communiqué as a PDF (typst, Arabic shaped), kept like the pages.
pub async fn pdf(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    use majlis_pdf::{Block, Section};
    let key = format!("pdf:{slug}");
    let make = || async {
        let settings = state.store.settings().await?;
        let (c, _) = state.store.public_communique(Utc::now(), &slug).await?;
        let lang = lang_of(&c);
        let dates = state.dates(lang.code(), &settings);
        let tz = majlis_store::service::meetings::zone(&settings.time_zone);
        let day = |t: chrono::DateTime<Utc>| dates.date(t.with_timezone(&tz).date_naive());
        let mut meta = Vec::new();
        if let Some(t) = c.published_at {
            meta.push(day(t));
        }
        if let Some(t) = c.corrected_at {
            meta.push(format!("{} {}", lang.t("public-corrected"), day(t)));
        }
        if let Some(t) = c.withdrawn_at {
            meta.push(format!("{} {}", lang.t("public-withdrawn"), day(t)));
        }
        let org = clean(settings.name(lang.code()));
        let mut doc = crate::documents::doc(org, lang, clean(&c.title), meta);
        let text: String = c
            .body
            .lines()
            .map(|l| l.trim_start_matches('#').trim_start())
            .collect::<Vec<_>>()
            .join("\n");
        doc.sections = vec![Section {
            heading: String::new(),
            blocks: vec![Block::Paragraph { text: clean(&text) }],
        }];
        tokio::task::spawn_blocking(move || majlis_pdf::render(&doc))
            .await
            .map_err(|e| WebError::Internal(format!("pdf task: {e}")))?
            .map_err(|e| WebError::Internal(e.to_string()))
    };
    cached(&state, &headers, key, "application/pdf", make)
        .await
        .map_err(|e| PageError(e, None))
}
