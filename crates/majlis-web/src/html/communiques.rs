//! Communiqués on the secretariat's pages: the list, a draft generated from
//! a held meeting (each sentence with the records it came from, Arabic and
//! French), the communiqué with its life (submit, approve, publish or
//! schedule, correct, withdraw) and its revisions, and its editor.

use super::layout::{Chrome, FormState, clean};
use super::{
    FormData, LongFormData, PageResult, parse_id, render, render_status, require_login, see_other,
};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use majlis_domain::communique::{CommuniqueAction, CommuniqueInput, CommuniqueState};
use majlis_domain::communique_draft::{Draft, Source, draft_ar, draft_fr};
use majlis_domain::permissions;
use majlis_store::service::communiques::Communique;
use uuid::Uuid;

pub struct Line {
    pub id: String,
    pub title: String,
    pub body: String,
    pub lang: String,
    pub state: (&'static str, String),
    pub when: String,
}

pub fn state_badge(lang: crate::i18n::Lang, s: CommuniqueState) -> (&'static str, String) {
    let code = match s {
        CommuniqueState::Draft => "draft",
        CommuniqueState::InReview => "planned",
        CommuniqueState::Approved | CommuniqueState::Scheduled => "approved",
        CommuniqueState::Published => "held",
        CommuniqueState::Corrected => "late",
        CommuniqueState::Withdrawn => "cancelled",
    };
    (code, lang.t(&format!("communique-state-{}", s.as_str())))
}

#[derive(Template)]
#[template(path = "communiques.html")]
struct ListPage {
    chrome: Chrome,
    items: Vec<Line>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/communiques") {
        return Ok(r);
    }
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let list = state.store.communiques(actor, 200).await?;
    let bodies = state
        .store
        .visible_bodies_by_id(actor, list.iter().map(|c| c.body_id))
        .await?;
    let items = list
        .into_iter()
        .map(|c| Line {
            id: c.id.to_string(),
            title: clean(&c.title),
            body: bodies
                .get(&c.body_id)
                .map_or_else(String::new, |b| clean(b.name(lang.code()))),
            lang: c.lang.clone(),
            state: state_badge(lang, c.state),
            when: dates.date(
                c.published_at
                    .unwrap_or(c.updated_at)
                    .with_timezone(&tz)
                    .date_naive(),
            ),
        })
        .collect();
    Ok(render(&ListPage {
        chrome: Chrome::new(
            &ctx,
            lang.t("communiques-title"),
            "communiques",
            "/communiques",
        ),
        items,
    }))
}

/// A sentence of a generated draft with links to its records.
pub struct SentenceView {
    pub text: String,
    pub sources: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "communique_draft.html")]
struct DraftPage {
    chrome: Chrome,
    meeting_id: String,
    meeting_title: String,
    drafts: Vec<(String, String, Vec<Vec<SentenceView>>)>,
}

fn source_link(lang: crate::i18n::Lang, meeting: Uuid, s: &Source) -> (String, String) {
    let (href, key) = match s {
        Source::Meeting(id) => (format!("/meetings/{id}"), "draft-source-meeting"),
        Source::AgendaItem(_) => (format!("/meetings/{meeting}#agenda"), "draft-source-agenda"),
        Source::Decision(_) => (
            format!("/meetings/{meeting}#decisions"),
            "draft-source-decision",
        ),
        Source::Campaign(id) => (format!("/campaigns/{id}"), "draft-source-campaign"),
        Source::Session(id) => (format!("/sessions/{id}"), "draft-source-session"),
        Source::Workshop(id) => (format!("/workshops/{id}/edit"), "draft-source-workshop"),
        Source::Thematic(id) => (format!("/meetings/{id}"), "draft-source-thematic"),
        Source::Reports => (
            format!("/meetings/{meeting}#reports"),
            "draft-source-reports",
        ),
    };
    (href, lang.t(key))
}

async fn drafts(state: &AppState, ctx: &Ctx, meeting: Uuid) -> Result<(Draft, Draft), WebError> {
    let actor = ctx.actor()?;
    let ar = state.store.communique_facts(actor, meeting, "ar").await?;
    let fr = state.store.communique_facts(actor, meeting, "fr").await?;
    let ar = draft_ar(&ar, &state.dates("ar", &ctx.settings));
    let fr = draft_fr(&fr, &state.dates("fr", &ctx.settings));
    Ok((ar, fr))
}

/// The drafts generated from a meeting's record, sentence by sentence.
pub async fn draft(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/meetings/{id}/communique")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let lang = ctx.lang;
    let (meeting, _, _) = state.store.visible_meeting(ctx.actor()?, id).await?;
    let (ar, fr) = drafts(&state, &ctx, id).await?;
    let view = |d: &Draft| {
        d.paragraphs
            .iter()
            .map(|p| {
                p.iter()
                    .map(|s| SentenceView {
                        text: clean(&s.text),
                        sources: s.sources.iter().map(|x| source_link(lang, id, x)).collect(),
                    })
                    .collect()
            })
            .collect()
    };
    let page = DraftPage {
        chrome: Chrome::new(
            &ctx,
            lang.t("communique-draft-title"),
            "communiques",
            format!("/meetings/{id}/communique"),
        ),
        meeting_id: id.to_string(),
        meeting_title: clean(&meeting.title),
        drafts: vec![
            ("ar".into(), clean(&ar.title), view(&ar)),
            ("fr".into(), clean(&fr.title), view(&fr)),
        ],
    };
    Ok(render(&page))
}

/// Makes the Arabic communiqué from the meeting's draft, and its French
/// translation, both drafts to edit.
pub async fn create_from_meeting(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let (meeting, _, _) = state.store.visible_meeting(actor, id).await?;
    let (ar, fr) = drafts(&state, &ctx, id).await?;
    let input = |d: &Draft, lang: &str| CommuniqueInput {
        title: d.title.clone(),
        body: d.markdown(),
        lang: lang.into(),
        slug: None,
        tags: Vec::new(),
    };
    let original = state
        .store
        .create_communique(actor, meeting.body_id, Some(id), None, &input(&ar, "ar"))
        .await?;
    state
        .store
        .create_communique(
            actor,
            meeting.body_id,
            Some(id),
            Some(original.id),
            &input(&fr, "fr"),
        )
        .await?;
    Ok(see_other(&format!("/communiques/{}", original.id)))
}

pub struct RevisionLine {
    pub action: String,
    pub at: String,
    pub note: Option<String>,
    pub title: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "communique.html")]
struct ShowPage {
    chrome: Chrome,
    form: FormState,
    id: String,
    c_state: (&'static str, String),
    state_key: &'static str,
    body_name: String,
    meeting: Option<String>,
    lang_name: String,
    html: String,
    public_url: Option<String>,
    published: Option<String>,
    corrected: Option<String>,
    withdrawn: Option<(String, String)>,
    tags: Vec<String>,
    translations: Vec<(String, String, String)>,
    revisions: Vec<RevisionLine>,
    can_write: bool,
    can_approve: bool,
    editable: bool,
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    form: FormState,
) -> Result<ShowPage, WebError> {
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let (c, revisions, translations) = state.store.communique(actor, id).await?;
    let (body, lineage) = state.store.visible_body(actor, c.body_id).await?;
    let at = |t: chrono::DateTime<chrono::Utc>| {
        let l = t.with_timezone(&tz);
        format!("{} {}", dates.date(l.date_naive()), l.format("%H:%M"))
    };
    let public = c.state.public_at(c.publish_at, chrono::Utc::now())
        || c.state == CommuniqueState::Scheduled;
    Ok(ShowPage {
        chrome: Chrome::new(
            ctx,
            clean(&c.title),
            "communiques",
            format!("/communiques/{id}"),
        ),
        form,
        id: id.to_string(),
        c_state: state_badge(lang, c.state),
        state_key: c.state.as_str(),
        body_name: clean(body.name(lang.code())),
        meeting: c.meeting_id.map(|m| m.to_string()),
        lang_name: lang.t(&format!("lang-{}", c.lang)),
        html: crate::markdown::to_html(&c.body),
        public_url: public.then(|| format!("/p/{}", c.slug)),
        published: c.published_at.map(at),
        corrected: c.corrected_at.map(at),
        withdrawn: c.withdrawn_at.map(|t| {
            (
                at(t),
                c.withdrawal_note.as_deref().map(clean).unwrap_or_default(),
            )
        }),
        tags: c.tags.iter().map(|t| clean(t)).collect(),
        translations: translations
            .iter()
            .map(|t: &Communique| {
                (
                    t.id.to_string(),
                    lang.t(&format!("lang-{}", t.lang)),
                    clean(&t.title),
                )
            })
            .collect(),
        revisions: revisions
            .iter()
            .map(|r| RevisionLine {
                action: lang.t(&format!("communique-event-{}", r.action)),
                at: at(r.at),
                note: r.note.as_deref().map(clean),
                title: clean(&r.title),
                body: clean(&r.body),
            })
            .collect(),
        can_write: permissions::can_write_communique(actor, &lineage),
        can_approve: permissions::can_approve_communique(actor, c.body_id),
        editable: c.state.editable(),
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/communiques/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    Ok(render(
        &show_page(&state, &ctx, id, FormState::new()).await?,
    ))
}

/// A step of the communiqué's life (`action`), with `publish_at` (local
/// `YYYY-MM-DDTHH:MM`) to schedule and `note` to withdraw.
pub async fn action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let action = form
        .get("action")
        .and_then(CommuniqueAction::parse)
        .ok_or_else(|| ctx.page_err(WebError::BadRequest))?;
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let publish_at = form
        .get("publish_at")
        .filter(|s| !s.is_empty())
        .map(|s| {
            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
                .ok()
                .and_then(|l| l.and_local_timezone(tz).single())
                .map(|t| t.with_timezone(&chrono::Utc))
                .ok_or(WebError::Domain(majlis_domain::DomainError::invalid(
                    "publish_at",
                    "invalid_date",
                )))
        })
        .transpose();
    let result = match publish_at {
        Ok(p) => state
            .store
            .communique_action(ctx.actor()?, id, action, p, form.opt("note").as_deref())
            .await
            .map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/communiques/{id}"))),
        Err(e) => {
            let Some(status) = e.form_status() else {
                return Err(ctx.page_err(e));
            };
            let fs = FormState::from_values(form.0.clone()).with_error(&e, ctx.lang);
            Ok(render_status(
                status,
                &show_page(&state, &ctx, id, fs).await?,
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "communique_form.html")]
struct EditPage {
    chrome: Chrome,
    form: FormState,
    id: String,
    erratum: bool,
    langs: Vec<(String, String)>,
}

fn edit_page(ctx: &Ctx, id: Uuid, erratum: bool, form: FormState) -> EditPage {
    let lang = ctx.lang;
    EditPage {
        chrome: Chrome::new(
            ctx,
            lang.t("communique-edit"),
            "communiques",
            format!("/communiques/{id}/edit"),
        ),
        form,
        id: id.to_string(),
        erratum,
        langs: ["ar", "fr", "en"]
            .iter()
            .map(|l| (l.to_string(), lang.t(&format!("lang-{l}"))))
            .collect(),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/communiques/{id}/edit")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let (c, _, _) = state.store.communique(ctx.actor()?, id).await?;
    let fs = FormState::new()
        .with("title", c.title.clone())
        .with("body", c.body.clone())
        .with("lang", c.lang.clone())
        .with("slug", c.slug.clone())
        .with("tags", c.tags.join("، "))
        .with("version", c.version.to_string());
    let erratum = !c.state.editable();
    Ok(render(&edit_page(&ctx, id, erratum, fs)))
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: LongFormData,
) -> PageResult {
    let form = form.0;
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let input = CommuniqueInput {
        title: form.text("title"),
        body: form.text("body"),
        lang: form.text("lang"),
        slug: form.opt("slug"),
        tags: form
            .text("tags")
            .split([',', '،'])
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
    };
    let version = form.get("version").and_then(|v| v.parse().ok());
    let result = state
        .store
        .edit_communique(
            ctx.actor()?,
            id,
            &input,
            version,
            form.opt("note").as_deref(),
        )
        .await;
    match result {
        Ok(_) => Ok(see_other(&format!("/communiques/{id}"))),
        Err(e) => {
            let e: WebError = e.into();
            let Some(status) = e.form_status() else {
                return Err(ctx.page_err(e));
            };
            let erratum = form.get("erratum").is_some();
            let fs = FormState::from_values(form.0.clone()).with_error(&e, ctx.lang);
            Ok(render_status(status, &edit_page(&ctx, id, erratum, fs)))
        }
    }
}
