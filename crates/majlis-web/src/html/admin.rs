//! Administration: accounts and organization settings (instance admins only).

use super::layout::{Chrome, FormState, clean};
use super::{FormData, PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use majlis_domain::settings::{DATE_LOCALES, LOCALES};
use majlis_domain::{Digits, DomainError, OrgSettings, permissions};
use majlis_store::{NewAccount, PeopleQuery};

pub struct AccountRow {
    pub id: String,
    pub username: String,
    pub email: String,
    pub state: String,
    pub disabled: bool,
    pub is_admin: bool,
}

#[derive(Template)]
#[template(path = "admin_accounts.html")]
struct AccountsPage {
    chrome: Chrome,
    form: FormState,
    accounts: Vec<AccountRow>,
}

fn admin_only(ctx: &Ctx) -> Result<(), WebError> {
    if permissions::can_administer(ctx.actor()?) {
        Ok(())
    } else {
        Err(WebError::Domain(DomainError::Forbidden))
    }
}

async fn accounts_page(
    state: &AppState,
    ctx: &Ctx,
    form: FormState,
) -> Result<AccountsPage, WebError> {
    let lang = ctx.lang;
    let accounts = state
        .store
        .accounts(ctx.actor()?)
        .await?
        .into_iter()
        .map(|a| AccountRow {
            id: a.id.to_string(),
            username: clean(&a.username),
            email: clean(a.email.as_deref().unwrap_or("")),
            state: lang.t(if a.disabled {
                "account-disabled"
            } else {
                "account-active"
            }),
            disabled: a.disabled,
            is_admin: a.is_admin,
        })
        .collect();
    Ok(AccountsPage {
        chrome: Chrome::new(
            ctx,
            lang.t("admin-accounts-title"),
            "admin",
            "/admin/accounts",
        ),
        form,
        accounts,
    })
}

pub async fn accounts(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/admin/accounts") {
        return Ok(r);
    }
    admin_only(&ctx)?;
    Ok(render(
        &accounts_page(&state, &ctx, FormState::new()).await?,
    ))
}

pub async fn create_account(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    admin_only(&ctx)?;
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let result = async {
        let person_id = match form
            .get("member_number")
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(n) => {
                let found = state
                    .store
                    .directory(
                        ctx.actor()?,
                        &PeopleQuery {
                            q: n.to_string(),
                            page: 1,
                            per_page: 5,
                            include_archived: false,
                        },
                    )
                    .await?;
                let p = found
                    .items
                    .into_iter()
                    .find(|p| p.member_number.as_deref() == Some(n));
                Some(
                    p.ok_or(DomainError::invalid("member_number", "invalid_choice"))?
                        .id,
                )
            }
        };
        let new = NewAccount {
            username: form.text("username"),
            email: form.opt("email").filter(|e| !e.trim().is_empty()),
            password: form.text("password"),
            person_id,
            is_admin: form.get("is_admin") == Some("on"),
        };
        Ok::<_, WebError>(state.store.create_account(Some(actor), new).await?)
    }
    .await;
    match result {
        Ok(_) => Ok(see_other("/admin/accounts")),
        Err(e) => {
            let mut values = form.0;
            values.remove("password");
            let fs = FormState::from_values(values).with_error(&e, ctx.lang);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &accounts_page(&state, &ctx, fs).await?,
            ))
        }
    }
}

pub async fn toggle_account(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, action)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    admin_only(&ctx)?;
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let disabled = match action.as_str() {
        "disable" => true,
        "enable" => false,
        _ => return Err(ctx.page_err(WebError::not_found())),
    };
    state
        .store
        .set_disabled(Some(ctx.actor()?), id, disabled)
        .await?;
    Ok(see_other("/admin/accounts"))
}

#[derive(Template)]
#[template(path = "settings.html")]
pub(super) struct SettingsPage {
    chrome: Chrome,
    form: FormState,
    locales: Vec<(String, String)>,
    date_locales: Vec<(String, String)>,
    digits: Vec<(String, String)>,
    time_zones: Vec<(String, String)>,
    sample: String,
    roles: Vec<(String, String, String, String)>,
    role_form: FormState,
    logo_form: FormState,
    max_logo: String,
}

pub(super) async fn settings_page(
    state: &AppState,
    ctx: &Ctx,
    form: FormState,
    role_form: FormState,
    logo_form: FormState,
) -> Result<SettingsPage, WebError> {
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let seed_day = chrono::NaiveDate::from_ymd_opt(2016, 12, 19).unwrap_or_default();
    let roles = state
        .store
        .roles()
        .await?
        .into_iter()
        .map(|r| {
            (
                r.key,
                clean(&r.name_ar),
                clean(&r.name_fr),
                clean(&r.name_en),
            )
        })
        .collect();
    Ok(SettingsPage {
        chrome: Chrome::new(ctx, lang.t("settings-title"), "admin", "/admin/settings"),
        form,
        locales: LOCALES
            .iter()
            .map(|l| (l.to_string(), lang.t(&format!("lang-{l}"))))
            .collect(),
        date_locales: DATE_LOCALES
            .iter()
            .map(|l| (l.to_string(), l.to_string()))
            .collect(),
        digits: [Digits::Western, Digits::ArabicIndic]
            .iter()
            .map(|d| {
                (
                    d.as_str().to_string(),
                    lang.t(&format!("digits-{}", d.as_str())),
                )
            })
            .collect(),
        time_zones: {
            let mut zones: Vec<(String, String)> = crate::present::ZONES
                .iter()
                .map(|z| (z.0.to_string(), crate::present::zone_name(lang, z.0)))
                .collect();
            // The zone in use stays a choice even when it is not a listed city.
            let current = ctx.settings.time_zone.as_str();
            if !zones.iter().any(|z| z.0 == current) {
                zones.insert(0, (current.to_string(), current.to_string()));
            }
            zones
        },
        sample: dates.date_with_hijri(seed_day),
        roles,
        role_form,
        logo_form,
        max_logo: lang.t_args(
            "settings-logo-hint",
            &[(
                "size",
                fluent_templates::fluent_bundle::FluentValue::from(
                    majlis_domain::brand::MAX_LOGO_BYTES / 1024,
                ),
            )],
        ),
    })
}

pub(super) fn settings_values(s: &OrgSettings) -> FormState {
    FormState::new()
        .with("name_ar", s.name_ar.clone())
        .with("name_fr", s.name_fr.clone().unwrap_or_default())
        .with("name_en", s.name_en.clone().unwrap_or_default())
        .with("short_name", s.short_name.clone())
        .with("default_locale", s.default_locale.clone())
        .with("date_locale", s.date_locale.clone())
        .with("digits", s.digits.as_str())
        .with("time_zone", s.time_zone.clone())
        .with("show_hijri", if s.show_hijri { "on" } else { "" })
        .with(
            "brand_color",
            s.brand_color
                .clone()
                .unwrap_or_else(|| DEFAULT_BRAND.into()),
        )
        .with(
            "brand_default",
            if s.brand_color.is_none() { "on" } else { "" },
        )
}

/// majlis's own green (style.css `--brand`).
const DEFAULT_BRAND: &str = "#0b6b43";

async fn settings_form_page(state: &AppState, ctx: &Ctx) -> Result<SettingsPage, WebError> {
    settings_page(
        state,
        ctx,
        settings_values(&ctx.settings),
        FormState::new(),
        FormState::new(),
    )
    .await
}

pub async fn settings_form(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/admin/settings") {
        return Ok(r);
    }
    admin_only(&ctx)?;
    Ok(render(&settings_form_page(&state, &ctx).await?))
}

pub async fn save_settings(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    admin_only(&ctx)?;
    ctx.check_csrf(form.csrf())?;
    let Some(digits) = Digits::parse(form.get("digits").unwrap_or("")) else {
        let e = WebError::Domain(majlis_domain::DomainError::invalid(
            "digits",
            "invalid_choice",
        ));
        let fs = FormState::from_values(form.0).with_error(&e, ctx.lang);
        let page = settings_page(&state, &ctx, fs, FormState::new(), FormState::new()).await?;
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    let input = OrgSettings {
        name_ar: form.text("name_ar"),
        name_fr: form.opt("name_fr"),
        name_en: form.opt("name_en"),
        short_name: form.text("short_name"),
        default_locale: form.text("default_locale"),
        date_locale: form.text("date_locale"),
        digits,
        time_zone: form.text("time_zone"),
        show_hijri: form.get("show_hijri") == Some("on"),
        brand_color: (form.get("brand_default") != Some("on"))
            .then(|| form.text("brand_color"))
            .filter(|c| !c.eq_ignore_ascii_case(DEFAULT_BRAND)),
        logo: ctx.settings.logo,
    };
    match state.store.update_settings(ctx.actor()?, input).await {
        Ok(_) => Ok(see_other("/admin/settings")),
        Err(e) => {
            let fs = FormState::from_values(form.0).with_error(&e.into(), ctx.lang);
            let page = settings_page(&state, &ctx, fs, FormState::new(), FormState::new()).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

pub async fn add_role(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    admin_only(&ctx)?;
    ctx.check_csrf(form.csrf())?;
    let input = majlis_store::service::roles::RoleInput {
        key: form.text("key"),
        name_ar: form.text("name_ar"),
        name_ar_female: form.opt("name_ar_female").filter(|s| !s.trim().is_empty()),
        name_fr: form.text("name_fr"),
        name_en: form.text("name_en"),
    };
    match state.store.add_role(ctx.actor()?, input).await {
        Ok(_) => Ok(see_other("/admin/settings#roles")),
        Err(e) => {
            let fs = FormState::from_values(form.0).with_error(&e.into(), ctx.lang);
            let page = settings_page(
                &state,
                &ctx,
                settings_values(&ctx.settings),
                fs,
                FormState::new(),
            )
            .await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

pub async fn reset_password(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    admin_only(&ctx)?;
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    match state
        .store
        .reset_password(Some(actor), id, form.get("password").unwrap_or(""))
        .await
    {
        Ok(()) => Ok(see_other("/admin/accounts")),
        Err(e) => {
            let fs = FormState::new().with_error(&e.into(), ctx.lang);
            let page = accounts_page(&state, &ctx, fs).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}
