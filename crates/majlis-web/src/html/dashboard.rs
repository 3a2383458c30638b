//! The dashboard: my bodies and roles.

use super::layout::{Chrome, clean};
use super::{PageResult, render, require_login};
use crate::auth::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::{Gender, permissions};
use std::collections::HashMap;

pub struct RoleView {
    pub body_id: String,
    pub body_name: String,
    pub role_title: String,
    pub kind: String,
}

pub struct Stats {
    pub bodies: String,
    pub people: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct Dashboard {
    chrome: Chrome,
    greeting: String,
    today: String,
    roles: Vec<RoleView>,
    stats: Option<Stats>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/") {
        return Ok(r);
    }
    let user = ctx.user()?;
    let lang = ctx.lang;
    let person = match user.account.person_id {
        Some(id) => Some(state.store.visible_person(&user.actor, id).await?.0),
        None => None,
    };
    let female = person.as_ref().is_some_and(|p| p.gender == Gender::Female);
    let name = person
        .as_ref()
        .map_or_else(|| user.account.username.clone(), |p| p.full_name_ar.clone());
    let greeting = lang.t_args(
        "dashboard-greeting",
        &[("name", FluentValue::from(clean(&name)))],
    );
    let role_info: HashMap<String, _> = state
        .store
        .roles()
        .await?
        .into_iter()
        .map(|r| (r.key.clone(), r))
        .collect();
    let mut roles = Vec::new();
    let bodies = state
        .store
        .visible_bodies_by_id(&user.actor, user.actor.roles.iter().map(|r| r.body_id))
        .await?;
    for r in &user.actor.roles {
        let Some(body) = bodies.get(&r.body_id) else {
            continue;
        };
        roles.push(RoleView {
            body_id: body.id.to_string(),
            body_name: clean(body.name(lang.code())),
            role_title: role_info
                .get(r.role.as_str())
                .map_or(r.role.0.clone(), |i| {
                    i.title(lang.code(), female).to_string()
                }),
            kind: lang.t(&format!("kind-{}", body.kind.as_str())),
        });
    }
    let stats = if permissions::can_manage_bodies(&user.actor) {
        let (b, p) = state.store.counts(&user.actor).await?;
        Some(Stats {
            bodies: lang.count("count-bodies", b),
            people: lang.count("count-people", p),
        })
    } else {
        None
    };
    let dates = state.dates(lang.code(), &ctx.settings);
    let page = Dashboard {
        chrome: Chrome::new(&ctx, lang.t("dashboard-title"), "home", "/"),
        greeting,
        today: dates.date_with_hijri(ctx.today()),
        roles,
        stats,
    };
    Ok(render(&page))
}
