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

/// A workbook of one sheet (right to left in Arabic): numbers as numbers,
/// everything else as text — a text cell is never run as a formula.
pub(crate) fn xlsx_response(
    file: &str,
    sheet: &str,
    rtl: bool,
    rows: Vec<Vec<String>>,
) -> Result<axum::response::Response, WebError> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| WebError::Internal(format!("xlsx: {e}"));
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    // Sheet names: at most 31 characters, none of []:*?/\.
    let name: String = sheet
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    ws.set_name(if name.trim().is_empty() {
        "majlis"
    } else {
        name.trim()
    })
    .map_err(err)?;
    if rtl {
        ws.set_right_to_left(true);
    }
    let bold = Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            let number = cell
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && !(cell.len() > 1 && cell.starts_with('0')));
            match (r, number) {
                (0, _) => ws.write_string_with_format(r, c, cell, &bold).map(|_| ()),
                (_, Some(n)) => ws.write_number(r, c, n).map(|_| ()),
                _ => ws.write_string(r, c, cell).map(|_| ()),
            }
            .map_err(err)?;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(err)?;
    ws.autofit();
    let bytes = book.save_to_buffer().map_err(err)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

/// The compliance board as CSV: one line per target body the viewer may see.
pub async fn board(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, "/") {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let out = board_rows(&state, &ctx, id).await?;
    csv_response(&format!("board-{id}.csv"), out).map_err(|e| ctx.page_err(e))
}

/// The compliance board as a workbook.
pub async fn board_xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, "/") {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let out = board_rows(&state, &ctx, id).await?;
    let sheet = ctx.lang.t("campaign-board");
    xlsx_response(
        &format!("board-{id}.xlsx"),
        &sheet,
        ctx.lang.dir() == "rtl",
        out,
    )
    .map_err(|e| ctx.page_err(e))
}

async fn board_rows(
    state: &AppState,
    ctx: &Ctx,
    id: uuid::Uuid,
) -> Result<Vec<Vec<String>>, super::PageError> {
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
    Ok(out)
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
