//! Building the [`Actor`] of a request: the account and its current roles.

use crate::Store;
use crate::entity::{body, membership};
use crate::error::StoreResult;
use crate::service::accounts::Account;
use majlis_domain::{Actor, ActorRole, BodyKind, Role, Viewer, permissions};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect, RelationTrait};
use std::collections::HashSet;
use uuid::Uuid;

impl Store {
    pub async fn actor_for(&self, account: &Account) -> StoreResult<Actor> {
        let mut roles = Vec::new();
        if let Some(person_id) = account.person_id {
            let today = crate::now().date_naive();
            let rows: Vec<(Uuid, String, String)> = membership::Entity::find()
                .select_only()
                .column(membership::Column::BodyId)
                .column(membership::Column::RoleKey)
                .column_as(body::Column::Kind, "kind")
                .join(
                    sea_orm::JoinType::InnerJoin,
                    membership::Relation::Body.def(),
                )
                .filter(membership::Column::PersonId.eq(person_id))
                .filter(body::Column::Archived.eq(false))
                .filter(membership::Column::StartsOn.lte(today))
                .filter(
                    Condition::any()
                        .add(membership::Column::EndsOn.is_null())
                        .add(membership::Column::EndsOn.gte(today)),
                )
                .into_tuple()
                .all(&self.db)
                .await?;
            roles = rows
                .into_iter()
                .map(|(body_id, role, kind)| {
                    Ok(ActorRole {
                        body_id,
                        body_kind: crate::convert::stored(
                            BodyKind::parse(&kind),
                            "BodyKind",
                            &kind,
                        )?,
                        role: Role(role),
                    })
                })
                .collect::<StoreResult<_>>()?;
        }
        Ok(Actor {
            account_id: account.id,
            person_id: account.person_id,
            is_admin: account.is_admin,
            roles,
        })
    }

    /// The bodies a viewer may view, or `None` when they may view all.
    pub async fn viewable_bodies(
        &self,
        viewer: impl Into<Viewer<'_>>,
    ) -> StoreResult<Option<HashSet<Uuid>>> {
        let actor = match viewer.into() {
            Viewer::System => return Ok(None),
            Viewer::Anonymous => return Ok(Some(HashSet::new())),
            Viewer::Account(a) => a,
        };
        if permissions::can_manage_bodies(actor) {
            return Ok(None);
        }
        let mut out: HashSet<Uuid> = actor.roles.iter().map(|r| r.body_id).collect();
        let managed: Vec<Uuid> = actor
            .roles
            .iter()
            .filter(|r| r.role.manages())
            .map(|r| r.body_id)
            .collect();
        if !managed.is_empty() {
            let tree = self.body_tree().await?;
            let mut stack = managed;
            while let Some(b) = stack.pop() {
                if out.insert(b) || actor.roles.iter().any(|r| r.body_id == b) {
                    stack.extend(tree.children(b).map(|k| k.id).filter(|k| !out.contains(k)));
                }
            }
        }
        Ok(Some(out))
    }
}
