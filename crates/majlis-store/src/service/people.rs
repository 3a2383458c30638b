//! People: the members' directory, with search and pagination.

use crate::entity::{membership, person, person_term};
use crate::error::StoreResult;
use crate::service::{actor_id, ensure};
use crate::{MAX_PAGE_SIZE, Store, audit, convert};
use majlis_domain::person::ValidPerson;
use majlis_domain::{Actor, DomainError, Lineage, Person, PersonInput, permissions};
use majlis_text::normalize::{index_terms, normalize_for_search, prefix_upper_bound, query_terms};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

/// The search terms of a person: names and member number.
pub(crate) fn terms_of(name_ar: &str, latin: Option<&str>, number: Option<&str>) -> Vec<String> {
    let parts = [Some(name_ar), latin, number];
    index_terms(&parts.into_iter().flatten().collect::<Vec<_>>().join(" "))
}

/// Replaces a person's search terms (inside the caller's transaction).
pub(crate) async fn write_terms<C: ConnectionTrait>(
    c: &C,
    person_id: Uuid,
    terms: Vec<String>,
) -> StoreResult<()> {
    person_term::Entity::delete_many()
        .filter(person_term::Column::PersonId.eq(person_id))
        .exec(c)
        .await?;
    if !terms.is_empty() {
        let rows = terms.into_iter().map(|t| person_term::ActiveModel {
            term: Set(t),
            person_id: Set(person_id),
        });
        person_term::Entity::insert_many(rows)
            .exec_without_returning(c)
            .await?;
    }
    Ok(())
}

/// People having a term that starts with `prefix` (an index range scan).
fn with_term_prefix(prefix: &str) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(person_term::Column::PersonId)
        .from(person_term::Entity)
        .and_where(person_term::Column::Term.gte(prefix))
        .and_where(person_term::Column::Term.lt(prefix_upper_bound(prefix)))
        .to_owned()
}

/// From this offset on, a page of the directory is read by a deferred join.
const DEFERRED_JOIN_FROM: u64 = 2_000;

/// Most matches a search sorts in memory; past it, the name index is used.
const SEARCH_SORT_LIMIT: u64 = 10_000;

impl Store {
    /// One page of the people having a term starting with `driver` and
    /// matching `cond`, sorted by name, with the number of matches — or `None`
    /// when there are more than [`SEARCH_SORT_LIMIT`]. The matches are found
    /// through the term index and sorted apart (the LIMIT keeps both databases
    /// from walking the name index instead, which is slow when matches are
    /// few); only the page's rows are read in full.
    async fn people_by_term(
        &self,
        driver: &str,
        cond: Condition,
        offset: u64,
        limit: u64,
    ) -> StoreResult<Option<(Vec<person::Model>, u64)>> {
        use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Order};
        let matches = Query::select()
            .distinct()
            .column(person_term::Column::PersonId)
            .from(person_term::Entity)
            .and_where(person_term::Column::Term.gte(driver))
            .and_where(person_term::Column::Term.lt(prefix_upper_bound(driver)))
            .to_owned();
        let found = Query::select()
            .column((person::Entity, person::Column::Id))
            .column((person::Entity, person::Column::FullNameAr))
            .from(person::Entity)
            .join_subquery(
                JoinType::InnerJoin,
                matches,
                "t",
                Expr::col(("t", person_term::Column::PersonId))
                    .equals((person::Entity, person::Column::Id)),
            )
            .cond_where(cond)
            .limit(SEARCH_SORT_LIMIT + 1)
            .to_owned();
        let page = Query::select()
            .column(("m", "id"))
            .expr_as(Expr::cust("COUNT(*) OVER ()"), "total")
            .from_subquery(found.clone(), "m")
            .order_by(("m", "full_name_ar"), Order::Asc)
            .order_by(("m", "id"), Order::Asc)
            .limit(limit)
            .offset(offset)
            .to_owned();
        let rows = self.db.query_all(&page).await?;
        let mut ids = Vec::with_capacity(rows.len());
        let mut total = 0u64;
        for r in &rows {
            ids.push(r.try_get::<Uuid>("", "id")?);
            total = u64::try_from(r.try_get::<i64>("", "total")?).unwrap_or(0);
        }
        if rows.is_empty() {
            // Past the last page: the window gave no count; count apart.
            let count = Query::select()
                .expr_as(Expr::cust("COUNT(*)"), "total")
                .from_subquery(found, "m")
                .to_owned();
            if let Some(r) = self.db.query_one(&count).await? {
                total = u64::try_from(r.try_get::<i64>("", "total")?).unwrap_or(0);
            }
        }
        if total > SEARCH_SORT_LIMIT {
            return Ok(None);
        }
        let mut items = person::Entity::find()
            .filter(person::Column::Id.is_in(ids.iter().copied()))
            .all(&self.db)
            .await?;
        items.sort_by_key(|p| ids.iter().position(|id| *id == p.id));
        Ok(Some((items, total)))
    }
}

fn search_text(v: &ValidPerson) -> String {
    let parts = [
        Some(v.full_name_ar.as_str()),
        v.full_name_latin.as_deref(),
        v.member_number.as_deref(),
    ];
    normalize_for_search(&parts.into_iter().flatten().collect::<Vec<_>>().join(" "))
}

/// A page request on the directory.
#[derive(Debug, Clone, Default)]
pub struct PeopleQuery {
    pub q: String,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
    pub include_archived: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PeoplePage {
    pub items: Vec<Person>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

impl PeoplePage {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

async fn check_member_number<C: ConnectionTrait>(
    c: &C,
    number: Option<&str>,
    except: Option<Uuid>,
) -> StoreResult<()> {
    let Some(n) = number else { return Ok(()) };
    let mut q = person::Entity::find().filter(person::Column::MemberNumber.eq(n));
    if let Some(id) = except {
        q = q.filter(person::Column::Id.ne(id));
    }
    if q.count(c).await? > 0 {
        return Err(DomainError::Conflict {
            field: "member_number",
        }
        .into());
    }
    Ok(())
}

impl Store {
    /// Searches the directory. `scope` limits it to current members of these
    /// bodies (for actors who may not browse everyone).
    pub(crate) async fn people(
        &self,
        query: &PeopleQuery,
        scope: Option<&[Uuid]>,
    ) -> StoreResult<PeoplePage> {
        let per_page = query.per_page.clamp(1, MAX_PAGE_SIZE);
        let page = query.page.max(1);
        let mut cond = Condition::all();
        if !query.include_archived {
            cond = cond.add(person::Column::Archived.eq(false));
        }
        // Search terms of one character would match nearly everyone: ignored.
        let mut terms: Vec<String> = query_terms(&query.q, 5)
            .into_iter()
            .filter(|t| t.chars().count() >= 2)
            .collect();
        // The longest term is likely the most selective: it drives the search.
        terms.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        for term in terms.iter().skip(1) {
            cond = cond.add(person::Column::Id.in_subquery(with_term_prefix(term)));
        }
        if let Some(bodies) = scope {
            let today = crate::now().date_naive();
            let sub = Query::select()
                .column(membership::Column::PersonId)
                .from(membership::Entity)
                .and_where(membership::Column::BodyId.is_in(bodies.iter().copied()))
                .and_where(membership::Column::StartsOn.lte(today))
                .cond_where(
                    Condition::any()
                        .add(membership::Column::EndsOn.is_null())
                        .add(membership::Column::EndsOn.gte(today)),
                )
                .to_owned();
            cond = cond.add(person::Column::Id.in_subquery(sub));
        }
        if let Some(driver) = terms.first() {
            let offset = (page - 1) * per_page;
            if let Some((rows, total)) = self
                .people_by_term(driver, cond.clone(), offset, per_page)
                .await?
            {
                let items = rows
                    .into_iter()
                    .map(convert::person)
                    .collect::<StoreResult<_>>()?;
                return Ok(PeoplePage {
                    items,
                    page,
                    per_page,
                    total,
                });
            }
            // Too many matches to sort here: filter along the name index instead.
            cond = cond.add(person::Column::Id.in_subquery(with_term_prefix(driver)));
        }
        // The total is kept for a moment: counting a large directory costs
        // more than reading its page.
        let key = crate::kept::key_of("people", &(query.include_archived, &terms, scope));
        let total = self
            .totals
            .get_or_load(&key, || {
                person::Entity::find().filter(cond.clone()).count(&self.db)
            })
            .await?;
        let offset = (page - 1) * per_page;
        let ordered = person::Entity::find()
            .filter(cond)
            .order_by_asc(person::Column::FullNameAr)
            .order_by_asc(person::Column::Id);
        let rows = if offset <= DEFERRED_JOIN_FROM {
            // Near the start, one query along the (archived, name, id) index.
            ordered.offset(offset).limit(per_page).all(&self.db).await?
        } else {
            // Deep pages: a deferred join — the page's ids come from the
            // index, then only those rows are read.
            let ids: Vec<Uuid> = ordered
                .select_only()
                .column(person::Column::Id)
                .offset(offset)
                .limit(per_page)
                .into_tuple()
                .all(&self.db)
                .await?;
            let mut rows = person::Entity::find()
                .filter(person::Column::Id.is_in(ids.iter().copied()))
                .all(&self.db)
                .await?;
            rows.sort_by_key(|r| ids.iter().position(|id| *id == r.id));
            rows
        };
        Ok(PeoplePage {
            items: rows
                .into_iter()
                .map(convert::person)
                .collect::<StoreResult<_>>()?,
            page,
            per_page,
            total,
        })
    }

    pub(crate) async fn person(&self, id: Uuid) -> StoreResult<Person> {
        person::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(convert::person)
            .transpose()?
            .ok_or(DomainError::NotFound.into())
    }

    /// Lineages of the bodies a person currently belongs to (for permissions).
    pub(crate) async fn person_lineages(&self, id: Uuid) -> StoreResult<Vec<Lineage>> {
        let today = crate::now().date_naive();
        crate::service::references::person_bodies(&self.db, id, today, false).await
    }

    pub async fn create_person(&self, actor: &Actor, input: &PersonInput) -> StoreResult<Person> {
        ensure(permissions::can_create_person(actor))?;
        let v = input.validate()?;
        let tx = self.write().await?;
        check_member_number(&tx, v.member_number.as_deref(), None).await?;
        let now = crate::now();
        let model = person::ActiveModel {
            id: Set(Uuid::now_v7()),
            search: Set(search_text(&v)),
            full_name_ar: Set(v.full_name_ar),
            full_name_latin: Set(v.full_name_latin),
            gender: Set(v.gender.as_str().into()),
            member_number: Set(v.member_number),
            email: Set(v.email),
            phone: Set(v.phone),
            joined_on: Set(v.joined_on),
            archived: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        let p = convert::person(model)?;
        let terms = terms_of(
            &p.full_name_ar,
            p.full_name_latin.as_deref(),
            p.member_number.as_deref(),
        );
        write_terms(&tx, p.id, terms).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "person",
            p.id,
            None,
            Some(serde_json::to_value(&p)?),
        )
        .await?;
        tx.commit().await?;
        Ok(p)
    }

    pub async fn update_person(
        &self,
        actor: &Actor,
        id: Uuid,
        input: &PersonInput,
    ) -> StoreResult<Person> {
        let v = input.validate()?;
        let lineages = self.person_lineages(id).await?;
        let tx = self.write().await?;
        let row = person::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        ensure(permissions::can_edit_person(actor, &lineages))?;
        check_member_number(&tx, v.member_number.as_deref(), Some(id)).await?;
        // E-mail and phone serve every body of the person: a manager of only
        // some of them may not change them for all (refused, not ignored).
        // Such a manager never saw them, so leaving them out keeps them.
        let mut v = v;
        if !permissions::can_edit_contact(actor, id, &lineages) {
            if v.email.is_none() {
                v.email = row.email.clone();
            }
            if v.phone.is_none() {
                v.phone = row.phone.clone();
            }
        }
        if (v.email != row.email || v.phone != row.phone)
            && !permissions::can_edit_contact(actor, id, &lineages)
        {
            let mut errors = Vec::new();
            if v.email != row.email {
                errors.push(majlis_domain::FieldError::new("email", "contact_shared"));
            }
            if v.phone != row.phone {
                errors.push(majlis_domain::FieldError::new("phone", "contact_shared"));
            }
            return Err(DomainError::Invalid(errors).into());
        }
        let before = convert::person(row.clone())?;
        let mut a = row.into_active_model();
        a.search = Set(search_text(&v));
        a.full_name_ar = Set(v.full_name_ar);
        a.full_name_latin = Set(v.full_name_latin);
        a.gender = Set(v.gender.as_str().into());
        a.member_number = Set(v.member_number);
        a.email = Set(v.email);
        a.phone = Set(v.phone);
        a.joined_on = Set(v.joined_on);
        a.updated_at = Set(crate::now());
        let after = convert::person(a.update(&tx).await?)?;
        let terms = terms_of(
            &after.full_name_ar,
            after.full_name_latin.as_deref(),
            after.member_number.as_deref(),
        );
        write_terms(&tx, id, terms).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "update",
            "person",
            id,
            Some(serde_json::to_value(&before)?),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    pub async fn archive_person(&self, actor: &Actor, id: Uuid) -> StoreResult<Person> {
        ensure(permissions::can_manage_people(actor))?;
        let tx = self.write().await?;
        let row = person::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        if row.archived {
            return convert::person(row);
        }
        let before = convert::person(row.clone())?;
        let mut a = row.into_active_model();
        a.archived = Set(true);
        a.updated_at = Set(crate::now());
        let after = convert::person(a.update(&tx).await?)?;
        audit::record(
            &tx,
            actor_id(actor),
            "archive",
            "person",
            id,
            Some(serde_json::to_value(&before)?),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}

impl Store {
    /// Numbers of active bodies and people, for those who manage bodies
    /// nation-wide.
    pub async fn counts(
        &self,
        viewer: impl Into<majlis_domain::Viewer<'_>>,
    ) -> StoreResult<(u64, u64)> {
        crate::service::ensure_viewer(viewer.into(), permissions::can_manage_bodies)?;
        let bodies = crate::entity::body::Entity::find()
            .filter(crate::entity::body::Column::Archived.eq(false))
            .count(&self.db)
            .await?;
        let people = person::Entity::find()
            .filter(person::Column::Archived.eq(false))
            .count(&self.db)
            .await?;
        Ok((bodies, people))
    }
}

impl Store {
    /// People by id, in one query per 10,000 ids (under the parameter limits
    /// of both databases).
    pub(crate) async fn people_by_ids(
        &self,
        ids: Vec<Uuid>,
    ) -> StoreResult<std::collections::HashMap<Uuid, Person>> {
        let mut out = std::collections::HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(10_000) {
            let rows = person::Entity::find()
                .filter(person::Column::Id.is_in(chunk.iter().copied()))
                .all(&self.db)
                .await?;
            for p in rows {
                out.insert(p.id, convert::person(p)?);
            }
        }
        Ok(out)
    }
}
