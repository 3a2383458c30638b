//! The site's feeds: Atom (RFC 4287, written with `atom_syndication`), JSON
//! Feed 1.1 and a sitemap, the 50 latest public communiqués (the sitemap:
//! all of them). Kept like the pages; no comment and no e-mail ever in them.

use super::cache::cached;
use super::{excerpt, site_lang};
use crate::error::{PageError, WebError};
use crate::state::AppState;
use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::{DateTime, FixedOffset, Utc};
use majlis_store::service::communiques::Communique;
use majlis_store::service::public_site::PublicFilter;

const FEED_SIZE: u64 = 50;

async fn latest(state: &AppState, n: u64) -> Result<Vec<Communique>, WebError> {
    Ok(state
        .store
        .public_communiques(Utc::now(), &PublicFilter::default(), 1, n)
        .await?
        .0)
}

fn fixed(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.fixed_offset()
}

fn base(state: &AppState) -> String {
    state.config.public_url.trim_end_matches('/').to_string()
}

pub async fn atom(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let make = || async {
        let settings = state.store.settings().await?;
        let lang = site_lang(&settings);
        let base = base(&state);
        let list = latest(&state, FEED_SIZE).await?;
        let updated = list
            .iter()
            .map(|c| c.updated_at)
            .max()
            .unwrap_or_else(Utc::now);
        let mut author = Person::default();
        author.set_name(settings.name(lang.code()).to_string());
        author.set_uri(Some(format!("{base}/p")));
        let entries = list
            .iter()
            .map(|c| {
                let href = format!("{base}/p/{}", c.slug);
                let mut e = Entry::default();
                e.set_id(format!("urn:uuid:{}", c.id));
                e.set_title(Text::plain(c.title.clone()));
                e.set_updated(fixed(c.updated_at));
                e.set_published(c.published_at.map(fixed));
                e.set_links(vec![Link {
                    href,
                    rel: "alternate".into(),
                    hreflang: Some(c.lang.clone()),
                    mime_type: Some("text/html".into()),
                    ..Default::default()
                }]);
                e.set_summary(Some(Text::plain(excerpt(&c.body))));
                e.set_content(Some(Content {
                    value: Some(crate::markdown::to_html(&c.body)),
                    content_type: Some("html".into()),
                    lang: Some(c.lang.clone()),
                    ..Default::default()
                }));
                e.set_categories(
                    c.tags
                        .iter()
                        .map(|t| atom_syndication::Category {
                            term: t.clone(),
                            ..Default::default()
                        })
                        .collect::<Vec<_>>(),
                );
                e
            })
            .collect::<Vec<_>>();
        let mut feed = Feed::default();
        feed.set_id(format!("{base}/p"));
        feed.set_title(Text::plain(settings.name(lang.code()).to_string()));
        feed.set_subtitle(Some(Text::plain(lang.t("public-description"))));
        feed.set_updated(fixed(updated));
        feed.set_lang(Some(lang.code().to_string()));
        feed.set_authors(vec![author]);
        feed.set_links(vec![
            Link {
                href: format!("{base}/feed.atom"),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Default::default()
            },
            Link {
                href: format!("{base}/p"),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
        ]);
        feed.set_entries(entries);
        Ok(feed.to_string().into_bytes())
    };
    cached(
        &state,
        &headers,
        "feed.atom".into(),
        "application/atom+xml; charset=utf-8",
        make,
    )
    .await
    .map_err(|e| PageError(e, None))
}

pub async fn json(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let make = || async {
        let settings = state.store.settings().await?;
        let lang = site_lang(&settings);
        let base = base(&state);
        let items: Vec<serde_json::Value> = latest(&state, FEED_SIZE)
            .await?
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.id.to_string(),
                    "url": format!("{base}/p/{}", c.slug),
                    "title": c.title,
                    "content_html": crate::markdown::to_html(&c.body),
                    "summary": excerpt(&c.body),
                    "date_published": c.published_at.map(|t| t.to_rfc3339()),
                    "date_modified": c.updated_at.to_rfc3339(),
                    "language": c.lang,
                    "tags": c.tags,
                })
            })
            .collect();
        let feed = serde_json::json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": settings.name(lang.code()),
            "home_page_url": format!("{base}/p"),
            "feed_url": format!("{base}/feed.json"),
            "description": lang.t("public-description"),
            "language": lang.code(),
            "authors": [{"name": settings.name(lang.code()), "url": format!("{base}/p")}],
            "items": items,
        });
        serde_json::to_vec(&feed).map_err(|e| WebError::Internal(e.to_string()))
    };
    cached(
        &state,
        &headers,
        "feed.json".into(),
        "application/feed+json; charset=utf-8",
        make,
    )
    .await
    .map_err(|e| PageError(e, None))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

pub async fn sitemap(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let make = || async {
        let base = base(&state);
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        out.push_str(&format!(
            "<url><loc>{}</loc></url>\n",
            xml_escape(&format!("{base}/p"))
        ));
        for c in latest(&state, 5_000).await? {
            out.push_str(&format!(
                "<url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
                xml_escape(&format!("{base}/p/{}", crate::redirect::urlencode(&c.slug))),
                c.updated_at.format("%Y-%m-%d")
            ));
        }
        out.push_str("</urlset>\n");
        Ok(out.into_bytes())
    };
    cached(
        &state,
        &headers,
        "sitemap.xml".into(),
        "application/xml; charset=utf-8",
        make,
    )
    .await
    .map_err(|e| PageError(e, None))
}
