//! The printed documents: approved minutes and a session's program. One
//! builder per document gives a [`Document`] that is either laid out as PDF
//! (typst, in `majlis-pdf`) or shown as a printable page — the same content.

use crate::i18n::Lang;
use crate::present::{clean, name, quorum_line, session_title, time_range, workshop_heading};
use crate::state::AppState;
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::Viewer;
use majlis_domain::meeting::Attendance;
use majlis_domain::session::{SlotKind, WorkshopRole};
use majlis_pdf::{Block, Document, Section};
use majlis_store::StoreResult;
use majlis_store::service::minutes::Minutes;
use majlis_store::service::sessions::SessionProgram;

pub(crate) fn doc(state_org: String, lang: Lang, title: String, meta: Vec<String>) -> Document {
    Document {
        lang: lang.code().into(),
        dir: lang.dir().into(),
        footer: format!("{state_org} — {title}"),
        // Fluent's placeables come back as typst's `{page}` and `{total}`.
        page_label: lang
            .t_args(
                "document-page",
                &[
                    ("page", FluentValue::from("{page}")),
                    ("total", FluentValue::from("{total}")),
                ],
            )
            .replace(['\u{2068}', '\u{2069}'], ""),
        org: state_org,
        title,
        meta,
        sections: Vec::new(),
    }
}

/// The approved minutes of a meeting: attendance and quorum, each agenda
/// item with its minutes, the reports heard, decisions, the overall text.
pub async fn minutes(
    state: &AppState,
    viewer: Viewer<'_>,
    lang: Lang,
    m: &Minutes,
) -> StoreResult<Document> {
    let settings = state.store.settings().await?;
    let dates = state.dates(lang.code(), &settings);
    let detail = state.store.meeting_detail(viewer, m.meeting.id).await?;
    let body_name = clean(detail.body.name(lang.code()));
    // «محضر الاجتماع الدوري للمكتب السياسي», not «… للمكتب السياسي — المكتب السياسي».
    let meeting_title = clean(&m.meeting.title);
    let title = if meeting_title.contains(&body_name)
        || crate::present::names_arabic(&meeting_title, &detail.body.name_ar)
    {
        lang.t_args(
            "minutes-document-title-short",
            &[("meeting", FluentValue::from(meeting_title))],
        )
    } else {
        lang.t_args(
            "minutes-document-title",
            &[
                ("meeting", FluentValue::from(meeting_title)),
                ("body", FluentValue::from(body_name.clone())),
            ],
        )
    };
    let mut meta = vec![crate::present::when(lang, &dates, &m.meeting)];
    let venue = [m.meeting.venue.as_deref(), m.meeting.city.as_deref()]
        .into_iter()
        .flatten()
        .map(clean)
        .collect::<Vec<_>>()
        .join(lang.comma());
    if !venue.is_empty() {
        meta.push(venue);
    }
    if let (Some(by), Some(at)) = (&m.approved_by, m.approved_at) {
        let tz = majlis_store::service::meetings::zone(&settings.time_zone);
        meta.push(lang.t_args(
            "minutes-approved-by",
            &[
                ("name", FluentValue::from(clean(by))),
                (
                    "date",
                    FluentValue::from(dates.date(at.with_timezone(&tz).date_naive())),
                ),
            ],
        ));
    }
    let mut d = doc(clean(settings.name(lang.code())), lang, title, meta);

    // Attendance and quorum.
    let sheet = &detail.attendance;
    let mut blocks = Vec::new();
    for (status, key) in [
        (Some(Attendance::Present), "attendance-present"),
        (Some(Attendance::Excused), "attendance-excused"),
        (Some(Attendance::Absent), "attendance-absent"),
    ] {
        let names: Vec<String> = sheet
            .rows
            .iter()
            .filter(|(_, s)| *s == status)
            .map(|(p, _)| name(lang, p))
            .collect();
        if !names.is_empty() {
            blocks.push(Block::Subheading {
                text: format!("{} ({})", lang.t(key), names.len()),
            });
            blocks.push(Block::Paragraph {
                text: names.join(lang.comma()),
            });
        }
    }
    let guests = state.store.guests(viewer, m.meeting.id).await?;
    if !guests.is_empty() {
        blocks.push(Block::Subheading {
            text: lang.t("meeting-guests"),
        });
        blocks.push(Block::List {
            items: guests
                .iter()
                .map(|g| match &g.quality {
                    Some(q) => format!("{} — {}", clean(&g.name), clean(q)),
                    None => clean(&g.name),
                })
                .collect(),
        });
    }
    blocks.push(Block::Note {
        text: quorum_line(lang, sheet),
    });
    d.sections.push(Section {
        heading: lang.t("meeting-attendance"),
        blocks,
    });

    // The agenda, item by item.
    let mut blocks = Vec::new();
    for (i, item) in m.items.iter().enumerate() {
        blocks.push(Block::Subheading {
            text: format!("{}. {}", i + 1, clean(&item.title)),
        });
        blocks.push(Block::Paragraph {
            text: item
                .minutes
                .as_deref()
                .map_or_else(|| lang.t("minutes-item-empty"), clean),
        });
    }
    if !blocks.is_empty() {
        d.sections.push(Section {
            heading: lang.t("meeting-agenda"),
            blocks,
        });
    }

    let reports = state.store.meeting_reports(viewer, m.meeting.id).await?;
    if !reports.is_empty() {
        d.sections.push(Section {
            heading: lang.t("meeting-reports"),
            blocks: vec![Block::List {
                items: reports
                    .iter()
                    .map(|r| match &r.participation {
                        Some(p) => format!(
                            "{} — {} ({})",
                            clean(&r.title),
                            clean(&p.event),
                            p.people
                                .iter()
                                .map(|x| name(lang, x))
                                .collect::<Vec<_>>()
                                .join(lang.comma())
                        ),
                        None => clean(&r.title),
                    })
                    .collect(),
            }],
        });
    }

    if !detail.decisions.is_empty() {
        let mut rows = Vec::new();
        for x in &detail.decisions {
            let responsible = match (x.responsible_body_id, x.responsible_person_id) {
                (Some(b), _) => detail
                    .names
                    .body(b)
                    .map(|b| clean(b.name(lang.code())))
                    .unwrap_or_default(),
                (None, Some(p)) => detail
                    .names
                    .person(p)
                    .map(|p| name(lang, p))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            rows.push(vec![
                lang.t(&format!("decision-kind-{}", x.kind.as_str())),
                clean(&x.text),
                responsible,
                x.due_on.map(|d| dates.date(d)).unwrap_or_default(),
            ]);
        }
        d.sections.push(Section {
            heading: lang.t("meeting-decisions"),
            blocks: vec![Block::Table {
                header: vec![
                    lang.t("field-kind"),
                    lang.t("field-text"),
                    lang.t("field-responsible_body_id"),
                    lang.t("field-due_on"),
                ],
                rows,
            }],
        });
    }

    if let Some(o) = &m.overall {
        d.sections.push(Section {
            heading: lang.t("minutes-overall"),
            blocks: vec![Block::Paragraph { text: clean(o) }],
        });
    }
    Ok(d)
}

/// A session's program: day by day, the slots with times and rooms; the
/// workshops with themes, questions, people and papers; the parallel program.
pub async fn program(
    state: &AppState,
    viewer: Viewer<'_>,
    lang: Lang,
    p: &SessionProgram,
) -> StoreResult<Document> {
    let settings = state.store.settings().await?;
    let dates = state.dates(lang.code(), &settings);
    let (body, _) = state.store.visible_body(viewer, p.session.body_id).await?;
    let title = session_title(lang, &p.session, &clean(body.name(lang.code())));
    let mut meta = vec![dates.day_range(p.session.first_day, p.session.last_day)];
    let venue = [p.session.venue.as_deref(), p.session.city.as_deref()]
        .into_iter()
        .flatten()
        .map(clean)
        .collect::<Vec<_>>()
        .join(lang.comma());
    if !venue.is_empty() {
        meta.push(venue);
    }
    let mut d = doc(clean(settings.name(lang.code())), lang, title, meta);
    let mut day = p.session.first_day;
    while day <= p.session.last_day {
        let rows: Vec<Vec<String>> = p
            .slots
            .iter()
            .filter(|s| s.starts_at.date() == day)
            .map(|s| {
                let what = match (s.kind, s.workshop_id) {
                    (SlotKind::Workshop, Some(w)) => {
                        p.workshops.iter().find(|x| x.id == w).map_or_else(
                            || clean(&s.title),
                            |x| {
                                format!(
                                    "{}: {}",
                                    workshop_heading(lang, x.ordinal),
                                    clean(&x.title)
                                )
                            },
                        )
                    }
                    _ => clean(&s.title),
                };
                vec![
                    time_range(lang, s.starts_at, s.ends_at),
                    what,
                    s.room.as_deref().map(clean).unwrap_or_default(),
                ]
            })
            .collect();
        if !rows.is_empty() {
            d.sections.push(Section {
                heading: dates.date(day),
                blocks: vec![Block::Table {
                    header: vec![
                        lang.t("session-time"),
                        lang.t("field-title"),
                        lang.t("field-room"),
                    ],
                    rows,
                }],
            });
        }
        day += chrono::Duration::days(1);
    }
    for w in &p.workshops {
        let mut blocks = Vec::new();
        if !w.themes.is_empty() {
            blocks.push(Block::Subheading {
                text: lang.t("field-themes"),
            });
            blocks.push(Block::List {
                items: w.themes.iter().map(|t| clean(t)).collect(),
            });
        }
        if !w.questions.is_empty() {
            blocks.push(Block::Subheading {
                text: lang.t("field-questions"),
            });
            blocks.push(Block::List {
                items: w.questions.iter().map(|t| clean(t)).collect(),
            });
        }
        for (role, key) in [
            (WorkshopRole::Facilitator, "workshop-facilitators"),
            (WorkshopRole::Rapporteur, "workshop-rapporteurs"),
        ] {
            let names: Vec<String> = w
                .people
                .iter()
                .filter(|(_, r)| *r == role)
                .map(|(x, _)| name(lang, x))
                .collect();
            if !names.is_empty() {
                blocks.push(Block::Paragraph {
                    text: format!("{}: {}", lang.t(key), names.join(lang.comma())),
                });
            }
        }
        if !w.papers.is_empty() {
            blocks.push(Block::Subheading {
                text: lang.t("session-papers"),
            });
            blocks.push(Block::List {
                items: w
                    .papers
                    .iter()
                    .map(|x| {
                        let who: Vec<String> = x.assignees.iter().map(|a| name(lang, a)).collect();
                        format!("{} — {}", clean(&x.title), who.join(lang.comma()))
                    })
                    .collect(),
            });
        }
        if let Some(o) = &w.outcome {
            blocks.push(Block::Subheading {
                text: lang.t("workshop-outcome"),
            });
            blocks.push(Block::Paragraph { text: clean(o) });
        }
        d.sections.push(Section {
            heading: format!("{}: {}", workshop_heading(lang, w.ordinal), clean(&w.title)),
            blocks,
        });
    }
    if !p.parallel.is_empty() {
        d.sections.push(Section {
            heading: lang.t("session-parallel"),
            blocks: vec![Block::List {
                items: p
                    .parallel
                    .iter()
                    .map(|m| {
                        let mut s = clean(&m.title);
                        if let Some(t) = &m.theme {
                            s.push_str(&format!(" «{}»", clean(t)));
                        }
                        if let Some(c) = &m.city {
                            s.push_str(&format!(" — {}", clean(c)));
                        }
                        let who = crate::present::speaker_names(
                            lang,
                            p.speakers.get(&m.id).cloned().unwrap_or_default(),
                        );
                        if who.is_empty() {
                            format!("{s} — {}", dates.date(m.starts_at.date()))
                        } else {
                            format!(
                                "{s} — {} — {}: {who}",
                                dates.date(m.starts_at.date()),
                                lang.t("session-speakers")
                            )
                        }
                    })
                    .collect(),
            }],
        });
    }
    Ok(d)
}
