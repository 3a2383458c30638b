//! Bodies: the tree, a body's page, create, edit, archive.

use super::layout::{Chrome, FormState, clean};
use super::views;
use super::{FormData, PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use majlis_domain::{Body, BodyInput, BodyKind, DomainError, permissions};
use serde::Deserialize;

pub struct TreeRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub kind_code: &'static str,
    pub city: Option<String>,
    pub depth: usize,
}

#[derive(Template)]
#[template(path = "bodies.html")]
struct BodiesPage {
    chrome: Chrome,
    q: String,
    count: String,
    rows: Vec<TreeRow>,
    can_create: bool,
    pager: views::Pager,
}

#[derive(Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    page: Option<String>,
}

/// Bodies a page of the list.
const PER_PAGE: u64 = 50;

fn row(lang: Lang, depth: usize, b: &Body) -> TreeRow {
    TreeRow {
        id: b.id.to_string(),
        name: clean(b.name(lang.code())),
        kind: lang.t(&format!("kind-{}", b.kind.as_str())),
        kind_code: b.kind.as_str(),
        city: b.city.as_deref().map(clean),
        depth: depth.min(8),
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, "/bodies") {
        return Ok(r);
    }
    let actor = ctx.actor()?;
    let query: String = q.q.unwrap_or_default().chars().take(200).collect();
    let page_no = q
        .page
        .and_then(|p| p.parse::<u64>().ok())
        .unwrap_or(1)
        .clamp(1, 100_000);
    let lang = ctx.lang;
    // The tree in depth-first order, or the search results flat; a page at a time.
    let (rows, page, pages, total): (Vec<TreeRow>, u64, u64, u64) = if query.trim().is_empty() {
        let p = state.store.body_tree_page(actor, page_no, PER_PAGE).await?;
        let rows = p.rows.iter().map(|(d, b)| row(lang, *d, b)).collect();
        (rows, p.page, p.pages(), p.total)
    } else {
        let p = state
            .store
            .visible_bodies_page(actor, &query, false, page_no, PER_PAGE)
            .await?;
        let rows = p.items.iter().map(|b| row(lang, 0, b)).collect();
        let pages = p.total.div_ceil(p.per_page).max(1);
        (rows, p.page, pages, p.total)
    };
    let link = |p: u64| format!("/bodies?q={}&page={p}", super::urlencode(&query));
    let page = BodiesPage {
        chrome: Chrome::new(&ctx, lang.t("bodies-title"), "bodies", "/bodies"),
        count: lang.count("count-bodies", total),
        pager: views::Pager::new(lang, page, pages, link),
        q: query,
        rows,
        can_create: permissions::can_manage_bodies(actor),
    };
    Ok(render(&page))
}

pub struct MemberView {
    pub membership_id: String,
    pub person_id: String,
    pub name: String,
    pub title: String,
    pub since: String,
}

pub struct RoleGroup {
    pub title: String,
    pub count: String,
    pub members: Vec<MemberView>,
}

#[derive(Template)]
#[template(path = "body.html")]
struct BodyPage {
    chrome: Chrome,
    id: String,
    kind: String,
    city: Option<String>,
    archived: bool,
    other_names: Vec<(String, String)>,
    ancestors: Vec<(String, String, bool)>,
    /// (link, title, due, badge) of the campaigns it issued or must report to.
    campaigns: Vec<(String, String, String, (&'static str, String))>,
    members_count: String,
    members_q: String,
    members_found: Option<String>,
    members_pager: views::Pager,
    groups: Vec<RoleGroup>,
    past: Vec<MemberView>,
    children: Vec<(String, String, String, bool)>,
    can_edit: bool,
    can_manage_members: bool,
    can_create_child: bool,
    can_archive: bool,
    can_audit: bool,
    can_manage_meetings: bool,
    meetings: Vec<(String, String, String, String)>,
    is_council: bool,
    can_plan_sessions: bool,
    sessions: Vec<(String, String, String)>,
}

#[derive(Deserialize)]
pub struct MembersQuery {
    /// A search among the body's members.
    mq: Option<String>,
    /// The page of members (1-based).
    mp: Option<String>,
}

/// Members a page of a body's page.
const MEMBERS_PER_PAGE: usize = 50;

/// One page of the members, groups kept (a group's count stays its whole
/// count); the number of pages.
fn page_groups(groups: Vec<RoleGroup>, page: usize) -> (Vec<RoleGroup>, usize) {
    let total: usize = groups.iter().map(|g| g.members.len()).sum();
    let pages = total.div_ceil(MEMBERS_PER_PAGE).max(1);
    let (start, end) = ((page - 1) * MEMBERS_PER_PAGE, page * MEMBERS_PER_PAGE);
    let mut seen = 0;
    let mut out = Vec::new();
    for g in groups {
        let n = g.members.len();
        let (from, to) = (start.max(seen), end.min(seen + n));
        if from < to {
            let members = g
                .members
                .into_iter()
                .skip(from - seen)
                .take(to - from)
                .collect();
            out.push(RoleGroup { members, ..g });
        }
        seen += n;
    }
    (out, pages)
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(mq): Query<MembersQuery>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/bodies/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let outline = state.store.body_outline(actor, id).await?;
    let (body, lineage) = (outline.body, outline.lineage);
    let lang = ctx.lang;
    let today = ctx.today();
    let dates = state.dates(lang.code(), &ctx.settings);
    let roles = state.store.roles().await?;
    let mut rows = state.store.body_members(actor, id).await?;
    let search: String = mq.mq.unwrap_or_default().chars().take(200).collect();
    let needle = majlis_text::normalize_for_search(&search);
    let (_, _, current) = views::group_members(lang, &dates, &roles, rows.clone(), today);
    if !needle.trim().is_empty() {
        rows.retain(|r| {
            let names = format!(
                "{} {} {}",
                r.person.full_name_ar,
                r.person.full_name_latin.as_deref().unwrap_or(""),
                r.person.member_number.as_deref().unwrap_or("")
            );
            majlis_text::normalize_for_search(&names).contains(needle.trim())
        });
    }
    let (groups, past, found) = views::group_members(lang, &dates, &roles, rows, today);
    let page_no = mq
        .mp
        .and_then(|p| p.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 10_000);
    let (groups, pages) = page_groups(groups, page_no);
    let members_link = |p: u64| {
        format!(
            "/bodies/{id}?mq={}&mp={p}#members",
            super::urlencode(&search)
        )
    };
    let members_pager = views::Pager::new(lang, page_no as u64, pages as u64, members_link);
    let members_found = (!needle.trim().is_empty()).then(|| lang.count("count-members", found));
    let ancestors = outline
        .ancestors
        .into_iter()
        .map(|a| {
            (
                a.item.id.to_string(),
                clean(a.item.name(lang.code())),
                a.open,
            )
        })
        .collect();
    let children = outline
        .children
        .into_iter()
        .map(|c| {
            (
                c.item.id.to_string(),
                clean(c.item.name(lang.code())),
                lang.t(&format!("kind-{}", c.item.kind.as_str())),
                c.open,
            )
        })
        .collect();
    let meetings = state
        .store
        .body_meetings(actor, id, 20)
        .await?
        .into_iter()
        .map(|m| {
            let date = dates.date(m.starts_at.date());
            let status = crate::present::meeting_status(lang, m.status, m.ends_at, ctx.now_local());
            (m.id.to_string(), clean(&m.title), date, status)
        })
        .collect();
    let campaigns = state
        .store
        .body_campaigns(actor, id)
        .await?
        .into_iter()
        .map(|bc| {
            let c = &bc.campaign;
            let (href, badge) = if bc.issued {
                (
                    format!("/campaigns/{}", c.id),
                    ("held", lang.t("body-campaign-issued")),
                )
            } else {
                let (code, word) = match bc.report {
                    Some(s) => (s.as_str(), lang.t(&format!("report-state-{}", s.as_str()))),
                    None => ("planned", lang.t("board-status-not_started")),
                };
                let code = match code {
                    "submitted" | "accepted" => "submitted",
                    "returned" => "returned",
                    "draft" => "draft",
                    _ => "planned",
                };
                (
                    format!("/campaigns/{}/bodies/{id}/report", c.id),
                    (code, word),
                )
            };
            let due = lang.t_args(
                "home-due",
                &[(
                    "date",
                    fluent_templates::fluent_bundle::FluentValue::from(dates.date(c.due_on)),
                )],
            );
            (href, clean(&c.title), due, badge)
        })
        .collect();
    let body_name = clean(body.name(lang.code()));
    let sessions = state
        .store
        .body_sessions(actor, id)
        .await?
        .iter()
        .map(|s| {
            (
                s.id.to_string(),
                super::sessions::session_title(lang, s, &body_name),
                dates.day_range(s.first_day, s.last_day),
            )
        })
        .collect();
    let mut other_names = Vec::new();
    for (l, n) in [
        ("ar", Some(&body.name_ar)),
        ("fr", body.name_fr.as_ref()),
        ("en", body.name_en.as_ref()),
    ] {
        if let Some(n) = n
            && l != lang.code()
        {
            other_names.push((lang.t(&format!("field-name_{l}")), clean(n)));
        }
    }
    let page = BodyPage {
        chrome: Chrome::new(
            &ctx,
            clean(body.name(lang.code())),
            "bodies",
            format!("/bodies/{id}"),
        ),
        id: id.to_string(),
        kind: lang.t(&format!("kind-{}", body.kind.as_str())),
        city: body.city.as_deref().map(clean),
        archived: body.archived,
        other_names,
        ancestors,
        campaigns,
        members_count: lang.count("count-members", current),
        members_q: search,
        members_found,
        members_pager,
        groups,
        past,
        children,
        can_edit: permissions::can_edit_body(actor, &lineage),
        can_manage_members: permissions::can_manage_memberships(actor, &lineage) && !body.archived,
        can_create_child: permissions::can_manage_bodies(actor) && !body.archived,
        can_archive: permissions::can_manage_bodies(actor),
        can_audit: permissions::can_view_audit(actor),
        can_manage_meetings: permissions::can_manage_meetings(actor, &lineage) && !body.archived,
        meetings,
        is_council: body.kind == majlis_domain::BodyKind::Council,
        can_plan_sessions: permissions::can_plan_sessions(actor),
        sessions,
    };
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "body_form.html")]
struct BodyForm {
    chrome: Chrome,
    form: FormState,
    action: String,
    cancel: String,
    kinds: Vec<(String, String)>,
    parents: Vec<(String, String)>,
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    editing: Option<&Body>,
    form: FormState,
) -> Result<BodyForm, WebError> {
    let lang = ctx.lang;
    let kinds = BodyKind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().to_string(),
                lang.t(&format!("kind-{}", k.as_str())),
            )
        })
        .collect();
    let all = state.store.visible_tree(ctx.actor()?).await?;
    let mut parents = vec![(String::new(), lang.t("body-no-parent"))];
    for (depth, b) in &all {
        if editing.is_some_and(|e| e.id == b.id) {
            continue;
        }
        parents.push((
            b.id.to_string(),
            format!("{}{}", "— ".repeat(*depth), clean(b.name(lang.code()))),
        ));
    }
    let (title, action, cancel) = match editing {
        Some(b) => (
            lang.t("body-edit-title"),
            format!("/bodies/{}", b.id),
            format!("/bodies/{}", b.id),
        ),
        None => (
            lang.t("body-new-title"),
            "/bodies".to_string(),
            "/bodies".to_string(),
        ),
    };
    // The form's own address (where a failed submit shows itself).
    let page = match editing {
        Some(b) => format!("/bodies/{}/edit", b.id),
        None => match form.value("parent_id") {
            "" => "/bodies/new".to_string(),
            p => format!("/bodies/new?parent={}", crate::redirect::urlencode(p)),
        },
    };
    Ok(BodyForm {
        chrome: Chrome::new(ctx, title, "bodies", page),
        form,
        action,
        cancel,
        kinds,
        parents,
    })
}

#[derive(Deserialize)]
pub struct NewQuery {
    parent: Option<String>,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewQuery>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, "/bodies/new") {
        return Ok(r);
    }
    if !permissions::can_manage_bodies(ctx.actor()?) {
        return Err(ctx.page_err(WebError::Domain(DomainError::Forbidden)));
    }
    let form = FormState::new()
        .with("kind", "provincial")
        .with("parent_id", q.parent.unwrap_or_default());
    Ok(render(&form_page(&state, &ctx, None, form).await?))
}

fn input(form: &FormData) -> BodyInput {
    BodyInput {
        name_ar: form.text("name_ar"),
        name_fr: form.opt("name_fr"),
        name_en: form.opt("name_en"),
        kind: form.text("kind"),
        parent_id: form.opt("parent_id"),
        city: form.opt("city"),
    }
}

async fn invalid(
    state: &AppState,
    ctx: &Ctx,
    editing: Option<&Body>,
    form: FormData,
    e: WebError,
) -> PageResult {
    if !matches!(
        e,
        WebError::Domain(DomainError::Invalid(_) | DomainError::Conflict { .. })
    ) {
        return Err(ctx.page_err(e));
    }
    let fs = FormState::from_values(form.0).with_error(&e, ctx.lang);
    let page = form_page(state, ctx, editing, fs).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

pub async fn create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    let actor = ctx.actor()?;
    ctx.check_csrf(form.csrf())?;
    match state.store.create_body(actor, &input(&form)).await {
        Ok(b) => Ok(see_other(&format!("/bodies/{}", b.id))),
        Err(e) => invalid(&state, &ctx, None, form, e.into()).await,
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/bodies/{id}/edit")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let (body, lineage) = state.store.visible_body(ctx.actor()?, id).await?;
    if !permissions::can_edit_body(ctx.actor()?, &lineage) {
        return Err(ctx.page_err(WebError::Domain(DomainError::Forbidden)));
    }
    let form = FormState::new()
        .with("name_ar", body.name_ar.clone())
        .with("name_fr", body.name_fr.clone().unwrap_or_default())
        .with("name_en", body.name_en.clone().unwrap_or_default())
        .with("kind", body.kind.as_str())
        .with(
            "parent_id",
            body.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        )
        .with("city", body.city.clone().unwrap_or_default());
    Ok(render(&form_page(&state, &ctx, Some(&body), form).await?))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let actor = ctx.actor()?;
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let (body, _) = state.store.visible_body(actor, id).await?;
    match state.store.update_body(actor, id, &input(&form)).await {
        Ok(b) => Ok(see_other(&format!("/bodies/{}", b.id))),
        Err(e) => invalid(&state, &ctx, Some(&body), form, e.into()).await,
    }
}

pub async fn archive(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let actor = ctx.actor()?;
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    state.store.archive_body(actor, id).await?;
    Ok(see_other(&format!("/bodies/{id}")))
}
