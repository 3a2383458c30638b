//! View helpers shared by pages: pre-formatted, bidi-safe strings.

use super::bodies::{MemberView, RoleGroup};
use super::layout::clean;
use crate::i18n::Lang;
use chrono::NaiveDate;
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::Gender;
use majlis_store::service::memberships::MemberRow;
use majlis_store::service::roles::RoleInfo;
use majlis_text::DateFormatter;

/// «since 19 December 2016» or «19 December 2016 – 7 January 2017».
pub fn period(lang: Lang, dates: &DateFormatter, from: NaiveDate, to: Option<NaiveDate>) -> String {
    match to {
        None => lang.t_args(
            "period-since",
            &[("from", FluentValue::from(dates.date(from)))],
        ),
        Some(to) => lang.t_args(
            "period-range",
            &[
                ("from", FluentValue::from(dates.date(from))),
                ("to", FluentValue::from(dates.date(to))),
            ],
        ),
    }
}

/// A role's title for a person, in the language and agreeing with gender.
pub fn role_title(roles: &[RoleInfo], key: &str, lang: Lang, gender: Gender) -> String {
    roles.iter().find(|r| r.key == key).map_or_else(
        || key.to_string(),
        |r| r.title(lang.code(), gender == Gender::Female).to_string(),
    )
}

/// Current members grouped by role (in the roles' order), past members, and
/// the number of distinct current members.
pub fn group_members(
    lang: Lang,
    dates: &DateFormatter,
    roles: &[RoleInfo],
    rows: Vec<MemberRow>,
    today: NaiveDate,
) -> (Vec<RoleGroup>, Vec<MemberView>, u64) {
    let mut groups: Vec<RoleGroup> = Vec::new();
    let mut past = Vec::new();
    let mut current_people = std::collections::HashSet::new();
    let view = |r: &MemberRow| MemberView {
        membership_id: r.membership.id.to_string(),
        person_id: r.person.id.to_string(),
        name: clean(if lang == Lang::Ar {
            &r.person.full_name_ar
        } else {
            r.person
                .full_name_latin
                .as_deref()
                .unwrap_or(&r.person.full_name_ar)
        }),
        title: role_title(roles, r.membership.role.as_str(), lang, r.person.gender),
        since: period(lang, dates, r.membership.starts_on, r.membership.ends_on),
    };
    let mut by_role: Vec<(String, Vec<MemberView>)> =
        roles.iter().map(|r| (r.key.clone(), Vec::new())).collect();
    for r in &rows {
        if r.membership.is_current(today) {
            current_people.insert(r.person.id);
            let key = r.membership.role.as_str();
            match by_role.iter_mut().find(|(k, _)| k == key) {
                Some((_, v)) => v.push(view(r)),
                None => by_role.push((key.to_string(), vec![view(r)])),
            }
        } else if r.membership.ends_on.is_some_and(|e| e < today) {
            past.push(view(r));
        }
    }
    for (key, members) in by_role {
        if members.is_empty() {
            continue;
        }
        let group_key = format!("role-group-{key}");
        let title = if lang.has(&group_key) {
            lang.t(&group_key)
        } else {
            roles
                .iter()
                .find(|r| r.key == key)
                .map_or_else(|| key.clone(), |i| i.title(lang.code(), false).to_string())
        };
        groups.push(RoleGroup {
            title,
            count: lang.count("count-members", members.len() as u64),
            members,
        });
    }
    (groups, past, current_people.len() as u64)
}

/// The previous/next links and "page N of M" of a paged list.
pub struct Pager {
    pub label: String,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    /// `link` gives the address of a page.
    pub fn new(lang: Lang, page: u64, pages: u64, link: impl Fn(u64) -> String) -> Self {
        use fluent_templates::fluent_bundle::FluentValue;
        Self {
            label: lang.t_args(
                "nav-page-of",
                &[
                    ("page", FluentValue::from(page.to_string())),
                    ("pages", FluentValue::from(pages.to_string())),
                ],
            ),
            prev: (page > 1).then(|| link(page - 1)),
            next: (page < pages).then(|| link(page + 1)),
        }
    }
}
