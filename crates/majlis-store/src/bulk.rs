//! Bulk loading for synthetic benchmark data (`majlis seed --scale N`): rows
//! are inserted in batches inside transactions, and one audit event records
//! the whole load, instead of one per row.

use crate::entity::{body, membership, person, person_term};
use crate::error::StoreResult;
use crate::{Store, audit};
use chrono::NaiveDate;
use majlis_text::normalize_for_search;
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use uuid::Uuid;

const BATCH: usize = 500;

pub struct BodyRow {
    pub id: Uuid,
    pub name_ar: String,
    pub name_fr: String,
    pub kind: &'static str,
    pub parent_id: Option<Uuid>,
    pub city: String,
}

pub struct PersonRow {
    pub id: Uuid,
    pub full_name_ar: String,
    pub full_name_latin: String,
    pub female: bool,
    pub member_number: String,
    pub email: String,
}

pub struct MembershipRow {
    pub person_id: Uuid,
    pub body_id: Uuid,
    pub role: &'static str,
    pub starts_on: NaiveDate,
}

impl Store {
    /// Inserts bodies (parents before children), people and memberships.
    /// `progress` is called with the number of rows written so far.
    pub async fn bulk_load(
        &self,
        bodies: Vec<BodyRow>,
        people: Vec<PersonRow>,
        memberships: Vec<MembershipRow>,
        mut progress: impl FnMut(u64),
    ) -> StoreResult<()> {
        let now = crate::now();
        let mut done = 0u64;
        for chunk in bodies.chunks(BATCH) {
            let tx = self.write().await?;
            let models = chunk.iter().map(|b| body::ActiveModel {
                id: Set(b.id),
                name_ar: Set(b.name_ar.clone()),
                name_fr: Set(Some(b.name_fr.clone())),
                name_en: Set(None),
                kind: Set(b.kind.into()),
                parent_id: Set(b.parent_id),
                city: Set(Some(b.city.clone())),
                archived: Set(false),
                search: Set(normalize_for_search(&format!(
                    "{} {} {}",
                    b.name_ar, b.name_fr, b.city
                ))),
                created_at: Set(now),
                updated_at: Set(now),
            });
            body::Entity::insert_many(models)
                .exec_without_returning(&tx)
                .await?;
            tx.commit().await?;
            done += chunk.len() as u64;
            progress(done);
        }
        for chunk in people.chunks(BATCH) {
            let tx = self.write().await?;
            let models = chunk.iter().map(|p| person::ActiveModel {
                id: Set(p.id),
                full_name_ar: Set(p.full_name_ar.clone()),
                full_name_latin: Set(Some(p.full_name_latin.clone())),
                gender: Set(if p.female { "female" } else { "male" }.into()),
                member_number: Set(Some(p.member_number.clone())),
                email: Set(Some(p.email.clone())),
                phone: Set(None),
                joined_on: Set(None),
                archived: Set(false),
                search: Set(normalize_for_search(&format!(
                    "{} {} {}",
                    p.full_name_ar, p.full_name_latin, p.member_number
                ))),
                created_at: Set(now),
                updated_at: Set(now),
            });
            person::Entity::insert_many(models)
                .exec_without_returning(&tx)
                .await?;
            let terms: Vec<person_term::ActiveModel> = chunk
                .iter()
                .flat_map(|p| {
                    crate::service::people::terms_of(
                        &p.full_name_ar,
                        Some(&p.full_name_latin),
                        Some(&p.member_number),
                    )
                    .into_iter()
                    .map(|t| person_term::ActiveModel {
                        term: Set(t),
                        person_id: Set(p.id),
                    })
                })
                .collect();
            for part in terms.chunks(BATCH) {
                person_term::Entity::insert_many(part.to_vec())
                    .exec_without_returning(&tx)
                    .await?;
            }
            tx.commit().await?;
            done += chunk.len() as u64;
            progress(done);
        }
        for chunk in memberships.chunks(BATCH) {
            let tx = self.write().await?;
            let models = chunk.iter().map(|m| membership::ActiveModel {
                id: Set(Uuid::now_v7()),
                person_id: Set(m.person_id),
                body_id: Set(m.body_id),
                role_key: Set(m.role.into()),
                starts_on: Set(m.starts_on),
                ends_on: Set(None),
                created_at: Set(now),
            });
            membership::Entity::insert_many(models)
                .exec_without_returning(&tx)
                .await?;
            tx.commit().await?;
            done += chunk.len() as u64;
            progress(done);
        }
        let summary = serde_json::json!({
            "bodies": bodies.len(), "people": people.len(), "memberships": memberships.len()
        });
        let tx = self.write().await?;
        audit::record(
            &tx,
            None,
            "seed",
            "organization",
            Uuid::nil(),
            None,
            Some(summary),
        )
        .await?;
        tx.commit().await?;
        // Fresh statistics (and, on PostgreSQL, the visibility map) so that
        // the planner sees the bulk-loaded tables as they are.
        let maintenance = match self.backend() {
            crate::Backend::Postgres => "VACUUM ANALYZE",
            crate::Backend::Sqlite => "ANALYZE",
        };
        self.db.execute_unprepared(maintenance).await?;
        Ok(())
    }
}
