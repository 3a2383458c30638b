//! Report templates on pages: the list, one version with its parts and the
//! campaigns that use it, and the designer — fields (kind, label, rules,
//! choices or columns a line each) and narrative sections (title,
//! guidance), rows added without JavaScript, in the order given. Saving
//! makes a new template or the next version of one; a version in use is
//! never rewritten.

use super::layout::{Chrome, FormState, clean};
use super::{LongFormData, PageResult, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use majlis_domain::permissions;
use majlis_domain::report_template::FieldKind;
use majlis_domain::template_draft::{FIELD_KINDS, FieldRow, SectionRow, build, rows};
use majlis_store::service::campaigns::TemplateBase;
use uuid::Uuid;

/// Rows offered empty at the end of the designer.
const SPARE_FIELDS: usize = 1;
const SPARE_SECTIONS: usize = 1;
/// Most rows a designer's form may send.
const MAX_ROWS: usize = majlis_domain::report_template::MAX_PARTS;

pub struct TemplateLine {
    pub id: String,
    pub name: String,
    pub key: String,
    pub version: i32,
    pub parts: String,
    pub created: String,
}

#[derive(Template)]
#[template(path = "report_templates.html")]
struct ListPage {
    chrome: Chrome,
    items: Vec<TemplateLine>,
    can_design: bool,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/templates") {
        return Ok(r);
    }
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let items = state
        .store
        .templates(actor)
        .await?
        .into_iter()
        .map(|t| TemplateLine {
            id: t.id.to_string(),
            name: clean(&t.definition.name),
            key: t.key,
            version: t.version,
            parts: parts_words(ctx.lang, &t.definition),
            created: dates.date(t.created_at.date_naive()),
        })
        .collect();
    Ok(render(&ListPage {
        chrome: Chrome::new(&ctx, lang.t("templates-title"), "campaigns", "/templates"),
        items,
        can_design: permissions::can_manage_templates(actor),
    }))
}

fn parts_words(
    lang: crate::i18n::Lang,
    def: &majlis_domain::report_template::TemplateDef,
) -> String {
    format!(
        "{} · {}",
        lang.count("templates-fields", def.fields.len() as u64),
        lang.count("templates-sections", def.sections.len() as u64)
    )
}

/// A part of a version as its page shows it.
pub struct PartView {
    pub label: String,
    pub kind: String,
    pub rules: String,
    pub required: bool,
    pub help: String,
}

pub struct VersionLine {
    pub id: String,
    pub version: i32,
    pub created: String,
    pub current: bool,
    /// (href, title, state word) of the campaigns that pinned it.
    pub uses: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "report_template.html")]
struct ShowPage {
    chrome: Chrome,
    id: String,
    key: String,
    version: i32,
    latest: bool,
    fields: Vec<PartView>,
    sections: Vec<PartView>,
    versions: Vec<VersionLine>,
    can_design: bool,
}

fn rules(lang: crate::i18n::Lang, kind: &FieldKind) -> String {
    let range = |min: Option<String>, max: Option<String>| match (min, max) {
        (Some(a), Some(b)) => format!("{a} – {b}"),
        (Some(a), None) => format!("≥ {a}"),
        (None, Some(b)) => format!("≤ {b}"),
        (None, None) => String::new(),
    };
    match kind {
        FieldKind::Integer { min, max } => {
            range(min.map(|v| v.to_string()), max.map(|v| v.to_string()))
        }
        FieldKind::Decimal { min, max } => {
            range(min.map(|v| v.to_string()), max.map(|v| v.to_string()))
        }
        FieldKind::Percentage => "0 – 100".into(),
        FieldKind::Choice { options, .. } => options
            .iter()
            .map(|o| clean(&o.label))
            .collect::<Vec<_>>()
            .join(" · "),
        FieldKind::ShortText { max_len: Some(n) } => lang.count("templates-max-chars", *n as u64),
        FieldKind::Table { columns } => columns
            .iter()
            .map(|c| clean(c))
            .collect::<Vec<_>>()
            .join(" | "),
        _ => String::new(),
    }
}

fn kind_key(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::Integer { .. } => "integer",
        FieldKind::Decimal { .. } => "decimal",
        FieldKind::Percentage => "percentage",
        FieldKind::Choice { multiple: true, .. } => "multiple",
        FieldKind::Choice { .. } => "choice",
        FieldKind::Date => "date",
        FieldKind::YesNo => "yes_no",
        FieldKind::ShortText { .. } => "short_text",
        FieldKind::Table { .. } => "table",
    }
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/templates/{id}")) {
        return Ok(r);
    }
    let id = super::parse_id(&id)?;
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let t = state.store.template(actor, id).await?;
    let versions = state.store.template_versions(actor, &t.key).await?;
    let latest = versions.first().map(|(v, _)| v.version) == Some(t.version);
    let def = &t.definition;
    let page = ShowPage {
        chrome: Chrome::new(
            &ctx,
            clean(&def.name),
            "campaigns",
            format!("/templates/{id}"),
        ),
        id: id.to_string(),
        key: t.key.clone(),
        version: t.version,
        latest,
        fields: def
            .fields
            .iter()
            .map(|f| PartView {
                label: clean(&f.label),
                kind: lang.t(&format!("template-kind-{}", kind_key(&f.kind))),
                rules: rules(lang, &f.kind),
                required: f.required,
                help: f.help.as_deref().map(clean).unwrap_or_default(),
            })
            .collect(),
        sections: def
            .sections
            .iter()
            .map(|s| PartView {
                label: clean(&s.title),
                kind: String::new(),
                rules: String::new(),
                required: s.required,
                help: s.guidance.as_deref().map(clean).unwrap_or_default(),
            })
            .collect(),
        versions: versions
            .iter()
            .map(|(v, uses)| VersionLine {
                id: v.id.to_string(),
                version: v.version,
                created: dates.date(v.created_at.date_naive()),
                current: v.id == t.id,
                uses: uses
                    .iter()
                    .map(|u| {
                        (
                            format!("/campaigns/{}", u.campaign_id),
                            clean(&u.title),
                            lang.t(&format!("campaign-state-{}", u.state.as_str())),
                        )
                    })
                    .collect(),
            })
            .collect(),
        can_design: permissions::can_manage_templates(actor),
    };
    Ok(render(&page))
}

/// A field row of the designer.
pub struct FieldRowView {
    pub i: usize,
    pub row: FieldRow,
    pub error: Option<String>,
}

pub struct SectionRowView {
    pub i: usize,
    pub row: SectionRow,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "report_template_form.html")]
struct DesignPage {
    chrome: Chrome,
    form: FormState,
    /// The version edited (empty for a new template).
    base: String,
    base_version: String,
    key: String,
    name: String,
    fields: Vec<FieldRowView>,
    sections: Vec<SectionRowView>,
    kinds: Vec<(&'static str, String)>,
}

fn design_page(
    ctx: &Ctx,
    form: FormState,
    (base, base_version, key, name): (String, String, String, String),
    fields: Vec<FieldRow>,
    sections: Vec<SectionRow>,
    spare: (usize, usize),
) -> DesignPage {
    let lang = ctx.lang;
    let mut fields = fields;
    let mut sections = sections;
    fields.extend((0..spare.0).map(|_| FieldRow {
        kind: "integer".into(),
        ..FieldRow::default()
    }));
    sections.extend((0..spare.1).map(|_| SectionRow::default()));
    let title = if base.is_empty() {
        lang.t("templates-new")
    } else {
        lang.t("templates-edit")
    };
    let here = if base.is_empty() {
        "/templates/new".to_string()
    } else {
        format!("/templates/{base}/edit")
    };
    DesignPage {
        chrome: Chrome::new(ctx, title, "campaigns", here),
        fields: fields
            .into_iter()
            .enumerate()
            .map(|(i, row)| FieldRowView {
                i,
                error: form.error(&format!("fields.{}", row.key)).map(String::from),
                row,
            })
            .collect(),
        sections: sections
            .into_iter()
            .enumerate()
            .map(|(i, row)| SectionRowView {
                i,
                error: form
                    .error(&format!("sections.{}", row.key))
                    .map(String::from),
                row,
            })
            .collect(),
        kinds: FIELD_KINDS
            .iter()
            .map(|k| (*k, lang.t(&format!("template-kind-{k}"))))
            .collect(),
        form,
        base,
        base_version,
        key,
        name,
    }
}

fn designer(ctx: &Ctx) -> Result<(), WebError> {
    if permissions::can_manage_templates(ctx.actor()?) {
        Ok(())
    } else {
        Err(WebError::Domain(majlis_domain::DomainError::Forbidden))
    }
}

pub async fn new_form(ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/templates/new") {
        return Ok(r);
    }
    designer(&ctx)?;
    let page = design_page(
        &ctx,
        FormState::new(),
        Default::default(),
        Vec::new(),
        Vec::new(),
        (3, 2),
    );
    Ok(render(&page))
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/templates/{id}/edit")) {
        return Ok(r);
    }
    designer(&ctx)?;
    let id = super::parse_id(&id)?;
    let t = state.store.template(ctx.actor()?, id).await?;
    let (fields, sections) = rows(&t.definition);
    let page = design_page(
        &ctx,
        FormState::new(),
        (
            id.to_string(),
            t.version.to_string(),
            t.key,
            t.definition.name,
        ),
        fields,
        sections,
        (SPARE_FIELDS, SPARE_SECTIONS),
    );
    Ok(render(&page))
}

/// The rows a designer's form sent, in the order asked (`order`), without
/// those ticked for removal.
fn rows_from(form: &super::FormData) -> Result<(Vec<FieldRow>, Vec<SectionRow>), WebError> {
    let count = |name: &str| -> Result<usize, WebError> {
        let n = form.get(name).and_then(|n| n.parse().ok()).unwrap_or(0);
        if n > MAX_ROWS + SPARE_FIELDS + 1 {
            Err(WebError::PayloadTooLarge)
        } else {
            Ok(n)
        }
    };
    let order = |p: &str, i: usize| -> (i64, usize) {
        let o = form
            .get(&format!("{p}.{i}.order"))
            .and_then(|o| majlis_domain::report_template::ascii_digits(o).parse().ok())
            .unwrap_or(i as i64 + 1);
        (o, i)
    };
    let on = |name: String| form.get(&name).is_some_and(|v| !v.is_empty());
    let mut fields: Vec<((i64, usize), FieldRow)> = (0..count("field_rows")?)
        .filter(|i| !on(format!("f.{i}.remove")))
        .map(|i| {
            let t = |n: &str| form.text(&format!("f.{i}.{n}"));
            (
                order("f", i),
                FieldRow {
                    key: t("key"),
                    label: t("label"),
                    kind: t("kind"),
                    required: on(format!("f.{i}.required")),
                    help: t("help"),
                    min: t("min"),
                    max: t("max"),
                    max_len: t("max_len"),
                    lines: t("lines"),
                },
            )
        })
        .collect();
    let mut sections: Vec<((i64, usize), SectionRow)> = (0..count("section_rows")?)
        .filter(|i| !on(format!("s.{i}.remove")))
        .map(|i| {
            let t = |n: &str| form.text(&format!("s.{i}.{n}"));
            (
                order("s", i),
                SectionRow {
                    key: t("key"),
                    title: t("title"),
                    guidance: t("guidance"),
                    required: on(format!("s.{i}.required")),
                },
            )
        })
        .collect();
    fields.sort_by_key(|(o, _)| *o);
    sections.sort_by_key(|(o, _)| *o);
    Ok((
        fields.into_iter().map(|(_, r)| r).collect(),
        sections.into_iter().map(|(_, r)| r).collect(),
    ))
}

/// Saves the designer's template (`intent=save`), or shows it again with
/// one more field or section row (`add_field`, `add_section`).
pub async fn save(State(state): State<AppState>, ctx: Ctx, form: LongFormData) -> PageResult {
    let form = form.0;
    ctx.check_csrf(form.csrf())?;
    designer(&ctx)?;
    let (fields, sections) = rows_from(&form).map_err(|e| ctx.page_err(e))?;
    let base = form.text("base");
    let base_version = form.text("base_version");
    let name = form.text("name");
    let ids = || {
        (
            base.clone(),
            base_version.clone(),
            form.text("key"),
            name.clone(),
        )
    };
    let values = FormState::from_values(form.0.clone());
    match form.get("intent") {
        Some("add_field") => {
            let p = design_page(&ctx, values, ids(), fields, sections, (1, 0));
            return Ok(render(&p));
        }
        Some("add_section") => {
            let p = design_page(&ctx, values, ids(), fields, sections, (0, 1));
            return Ok(render(&p));
        }
        _ => {}
    }
    let (fields, sections, def) = build(&name, fields, sections);
    let (key, on) = if base.is_empty() {
        let typed = form.text("key");
        let key = if typed.trim().is_empty() {
            let id = Uuid::new_v4().simple().to_string();
            format!("template-{}", &id[..8])
        } else {
            typed.trim().to_string()
        };
        (key, TemplateBase::New)
    } else {
        let t = state
            .store
            .template(ctx.actor()?, super::parse_id(&base)?)
            .await?;
        let v = base_version.parse().unwrap_or(t.version);
        (t.key, TemplateBase::Version(v))
    };
    let result = match def {
        Ok(def) => state
            .store
            .save_template_on(ctx.actor()?, &key, def, on)
            .await
            .map_err(WebError::from),
        Err(e) => Err(WebError::Domain(e)),
    };
    match result {
        Ok(t) => Ok(see_other(&format!("/templates/{}", t.id))),
        Err(e) => {
            let Some(status) = e.form_status() else {
                return Err(ctx.page_err(e));
            };
            let values = values.with_error(&e, ctx.lang);
            let p = design_page(&ctx, values, ids(), fields, sections, (0, 0));
            Ok(render_status(status, &p))
        }
    }
}
