//! People: the directory with search and pagination, a person's page, forms.

use super::layout::{Chrome, FormState, clean};
use super::views;
use super::{
    FormData, PageResult, parse_id, render, render_status, require_login, see_other, urlencode,
};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use majlis_domain::{DomainError, Gender, Person, PersonInput, permissions};
use majlis_store::PeopleQuery;
use serde::Deserialize;

pub const PER_PAGE: u64 = 50;

pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub latin: String,
    pub number: String,
}

#[derive(Template)]
#[template(path = "people.html")]
struct PeoplePage {
    chrome: Chrome,
    q: String,
    count: String,
    rows: Vec<PersonRow>,
    pager: super::views::Pager,
    can_create: bool,
}

#[derive(Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    page: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, "/people") {
        return Ok(r);
    }
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let query: String = q.q.unwrap_or_default().chars().take(200).collect();
    let page_no = q
        .page
        .and_then(|p| p.parse::<u64>().ok())
        .unwrap_or(1)
        .clamp(1, 100_000);
    let pq = PeopleQuery {
        q: query.clone(),
        page: page_no,
        per_page: PER_PAGE,
        include_archived: false,
    };
    let result = state.store.directory(actor, &pq).await?;
    let link = |p: u64| format!("/people?q={}&page={p}", urlencode(&query));
    let rows = result
        .items
        .iter()
        .map(|p| PersonRow {
            id: p.id.to_string(),
            name: clean(&p.full_name_ar),
            latin: clean(p.full_name_latin.as_deref().unwrap_or("")),
            number: clean(p.member_number.as_deref().unwrap_or("")),
        })
        .collect();
    let page = PeoplePage {
        chrome: Chrome::new(
            &ctx,
            lang.t("people-title"),
            "people",
            format!("/people?q={}", urlencode(&query)),
        ),
        count: lang.count("count-people", result.total),
        pager: super::views::Pager::new(lang, result.page, result.pages(), link),
        rows,
        q: query,
        can_create: permissions::can_create_person(actor),
    };
    Ok(render(&page))
}

pub struct PersonMembership {
    pub body_id: String,
    pub body_name: String,
    pub title: String,
    pub period: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage {
    chrome: Chrome,
    id: String,
    latin: Option<String>,
    gender: String,
    number: Option<String>,
    joined: Option<String>,
    contact: Option<(String, String)>,
    archived: bool,
    memberships: Vec<PersonMembership>,
    can_edit: bool,
    can_archive: bool,
    can_audit: bool,
    participations: Vec<super::participations::ParticipationView>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/people/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let (person, lineages) = state.store.visible_person(actor, id).await?;
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let roles = state.store.roles().await?;
    let today = ctx.today();
    let memberships = state
        .store
        .person_memberships(actor, id)
        .await?
        .into_iter()
        .map(|r| PersonMembership {
            body_id: r.body.id.to_string(),
            body_name: clean(r.body.name(lang.code())),
            title: views::role_title(&roles, r.membership.role.as_str(), lang, person.gender),
            period: views::period(lang, &dates, r.membership.starts_on, r.membership.ends_on),
            current: r.membership.is_current(today),
        })
        .collect();
    let contact = permissions::can_see_contact(actor, id, &lineages).then(|| {
        (
            clean(person.email.as_deref().unwrap_or("—")),
            clean(person.phone.as_deref().unwrap_or("—")),
        )
    });
    let participations = super::participations::views(
        lang,
        &dates,
        state.store.person_participations(actor, person.id).await?,
    );
    let page = PersonPage {
        participations,
        chrome: Chrome::new(
            &ctx,
            clean(&person.full_name_ar),
            "people",
            format!("/people/{id}"),
        ),
        id: id.to_string(),
        latin: person.full_name_latin.as_deref().map(clean),
        gender: lang.t(&format!("gender-{}", person.gender.as_str())),
        number: person.member_number.as_deref().map(clean),
        joined: person.joined_on.map(|d| dates.date(d)),
        contact,
        archived: person.archived,
        memberships,
        can_edit: permissions::can_edit_person(actor, &lineages),
        can_archive: permissions::can_manage_people(actor),
        can_audit: permissions::can_view_audit(actor),
    };
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "person_form.html")]
struct PersonForm {
    chrome: Chrome,
    form: FormState,
    action: String,
    cancel: String,
    genders: Vec<(String, String)>,
}

fn form_page(ctx: &Ctx, editing: Option<&Person>, form: FormState) -> PersonForm {
    let lang = ctx.lang;
    let genders = [Gender::Female, Gender::Male]
        .iter()
        .map(|g| {
            (
                g.as_str().to_string(),
                lang.t(&format!("gender-{}", g.as_str())),
            )
        })
        .collect();
    let (title, action, cancel) = match editing {
        Some(p) => (
            lang.t("person-edit-title"),
            format!("/people/{}", p.id),
            format!("/people/{}", p.id),
        ),
        None => (
            lang.t("person-new-title"),
            "/people".into(),
            "/people".into(),
        ),
    };
    // The form's own address (where a failed submit shows itself).
    let page = match editing {
        Some(p) => format!("/people/{}/edit", p.id),
        None => "/people/new".to_string(),
    };
    PersonForm {
        chrome: Chrome::new(ctx, title, "people", page),
        form,
        action,
        cancel,
        genders,
    }
}

fn input(form: &FormData) -> PersonInput {
    PersonInput {
        full_name_ar: form.text("full_name_ar"),
        full_name_latin: form.opt("full_name_latin"),
        gender: form.text("gender"),
        member_number: form.opt("member_number"),
        email: form.opt("email"),
        phone: form.opt("phone"),
        joined_on: form.opt("joined_on"),
    }
}

fn invalid(ctx: &Ctx, editing: Option<&Person>, form: FormData, e: WebError) -> PageResult {
    if !matches!(
        e,
        WebError::Domain(DomainError::Invalid(_) | DomainError::Conflict { .. })
    ) {
        return Err(ctx.page_err(e));
    }
    let fs = FormState::from_values(form.0).with_error(&e, ctx.lang);
    Ok(render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form_page(ctx, editing, fs),
    ))
}

pub async fn new_form(ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/people/new") {
        return Ok(r);
    }
    if !permissions::can_create_person(ctx.actor()?) {
        return Err(ctx.page_err(WebError::Domain(DomainError::Forbidden)));
    }
    Ok(render(&form_page(
        &ctx,
        None,
        FormState::new().with("gender", "female"),
    )))
}

pub async fn create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    let actor = ctx.actor()?;
    ctx.check_csrf(form.csrf())?;
    match state.store.create_person(actor, &input(&form)).await {
        Ok(p) => Ok(see_other(&format!("/people/{}", p.id))),
        Err(e) => invalid(&ctx, None, form, e.into()),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/people/{id}/edit")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let (p, lineages) = state.store.visible_person(ctx.actor()?, id).await?;
    if !permissions::can_edit_person(ctx.actor()?, &lineages) {
        return Err(ctx.page_err(WebError::Domain(DomainError::Forbidden)));
    }
    let form = FormState::new()
        .with("full_name_ar", p.full_name_ar.clone())
        .with(
            "full_name_latin",
            p.full_name_latin.clone().unwrap_or_default(),
        )
        .with("gender", p.gender.as_str())
        .with("member_number", p.member_number.clone().unwrap_or_default())
        .with("email", p.email.clone().unwrap_or_default())
        .with("phone", p.phone.clone().unwrap_or_default())
        .with(
            "joined_on",
            p.joined_on.map(|d| d.to_string()).unwrap_or_default(),
        );
    Ok(render(&form_page(&ctx, Some(&p), form)))
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
    let (p, _) = state.store.visible_person(actor, id).await?;
    match state.store.update_person(actor, id, &input(&form)).await {
        Ok(p) => Ok(see_other(&format!("/people/{}", p.id))),
        Err(e) => invalid(&ctx, Some(&p), form, e.into()),
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
    state.store.archive_person(actor, id).await?;
    Ok(see_other(&format!("/people/{id}")))
}
