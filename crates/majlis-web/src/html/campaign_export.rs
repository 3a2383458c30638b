//! A campaign's data as CSV, for the spreadsheets provinces and the
//! secretariat open: the compliance board and every report's answers. A
//! cell that a spreadsheet would run as a formula (starting with = + - @,
//! a tab or a carriage return) is written with a leading apostrophe.

use super::{PageResult, parse_id, require_login};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use majlis_domain::report_template::FieldKind;
use std::borrow::Cow;

/// A cell as a spreadsheet may read it safely (OWASP's CSV injection rule).
pub fn safe_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

pub(crate) fn csv_response(
    file: &str,
    rows: Vec<Vec<String>>,
) -> Result<axum::response::Response, WebError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(row.iter().map(|c| safe_cell(c).into_owned()))
            .map_err(|e| WebError::Internal(format!("csv: {e}")))?;
    }
    let mut body = vec![0xEF, 0xBB, 0xBF]; // a BOM: spreadsheets then read UTF-8 Arabic
    body.extend(
        w.into_inner()
            .map_err(|e| WebError::Internal(format!("csv: {e}")))?,
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        body,
    )
        .into_response())
}

/// The compliance board: one line per target body the viewer may see.
pub async fn board(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, "/") {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let (_, rows) = state.store.campaign_board(actor, id).await?;
    let ids = rows
        .iter()
        .flat_map(|r| std::iter::once(r.body_id).chain(r.region_id));
    let bodies = state.store.visible_bodies_by_id(actor, ids).await?;
    let name = |b: uuid::Uuid| {
        bodies
            .get(&b)
            .map_or_else(String::new, |b| b.name(lang.code()).to_string())
    };
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let mut out = vec![
        [
            "field-body",
            "field-kind",
            "board-region",
            "field-status",
            "board-submitted-at",
            "board-days-late",
            "board-meeting-held",
        ]
        .iter()
        .map(|k| lang.t(k))
        .collect::<Vec<_>>(),
    ];
    for r in rows {
        out.push(vec![
            name(r.body_id),
            lang.t(&format!("kind-{}", r.kind.as_str())),
            r.region_id.map(name).unwrap_or_default(),
            lang.t(&format!("board-status-{}", r.status.as_str())),
            r.submitted_at
                .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
            r.days_late.to_string(),
            match r.meeting_held {
                Some(true) => lang.t("answer-yes"),
                Some(false) => lang.t("answer-no"),
                None => String::new(),
            },
        ]);
    }
    csv_response(&format!("board-{id}.csv"), out).map_err(|e| ctx.page_err(e))
}

fn value_text(kind: &FieldKind, v: &serde_json::Value) -> String {
    match (kind, v) {
        (FieldKind::Choice { options, .. }, _) => {
            let keys: Vec<&str> = match v {
                serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
                serde_json::Value::String(s) => vec![s.as_str()],
                _ => vec![],
            };
            options
                .iter()
                .filter(|o| keys.contains(&o.key.as_str()))
                .map(|o| o.label.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        }
        (FieldKind::Table { .. }, serde_json::Value::Array(rows)) => rows
            .iter()
            .map(|r| {
                r.as_array()
                    .map(|c| {
                        c.iter()
                            .filter_map(|x| x.as_str())
                            .collect::<Vec<_>>()
                            .join(" | ")
                    })
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" / "),
        (_, serde_json::Value::String(s)) => s.clone(),
        (_, serde_json::Value::Bool(b)) => if *b { "1" } else { "0" }.into(),
        (_, other) => other.to_string(),
    }
}

/// Every report the viewer may read: one line per report, one column per
/// field and per section of the campaign's template.
pub async fn reports(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, "/") {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let (_, template, reports) = state.store.campaign_reports(actor, id).await?;
    let Some(template) = template else {
        return Err(ctx.page_err(WebError::not_found()));
    };
    let def = &template.definition;
    let bodies = state
        .store
        .visible_bodies_by_id(actor, reports.iter().map(|r| r.body_id))
        .await?;
    let mut header = vec![lang.t("field-body"), lang.t("field-status")];
    header.extend(def.fields.iter().map(|f| f.label.clone()));
    header.extend(def.sections.iter().map(|s| s.title.clone()));
    let mut out = vec![header];
    for r in reports {
        let mut row = vec![
            bodies
                .get(&r.body_id)
                .map_or_else(String::new, |b| b.name(lang.code()).to_string()),
            lang.t(&format!("report-state-{}", r.state.as_str())),
        ];
        row.extend(def.fields.iter().map(|f| {
            r.answers
                .fields
                .get(&f.key)
                .map(|v| value_text(&f.kind, v))
                .unwrap_or_default()
        }));
        row.extend(
            def.sections
                .iter()
                .map(|s| r.answers.sections.get(&s.key).cloned().unwrap_or_default()),
        );
        out.push(row);
    }
    csv_response(&format!("reports-{id}.csv"), out).map_err(|e| ctx.page_err(e))
}

#[cfg(test)]
mod tests {
    use super::safe_cell;

    #[test]
    fn formulas_are_defused() {
        for bad in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert!(safe_cell(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(safe_cell("أكادير"), "أكادير");
        assert_eq!(safe_cell("42"), "42");
    }
}
