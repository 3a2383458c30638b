//! Bodies: the tree of organs.

use crate::entity::body;
use crate::error::StoreResult;
use crate::service::{actor_id, ensure};
use crate::{Store, audit, convert};
use majlis_domain::body::{ValidBody, check_parent};
use majlis_domain::{Actor, Body, BodyInput, DomainError, Lineage, permissions};
use majlis_text::normalize_for_search;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

fn search_text(v: &ValidBody) -> String {
    let parts = [
        Some(v.name_ar.as_str()),
        v.name_fr.as_deref(),
        v.name_en.as_deref(),
        v.city.as_deref(),
    ];
    normalize_for_search(&parts.into_iter().flatten().collect::<Vec<_>>().join(" "))
}

async fn parent_map<C: ConnectionTrait>(c: &C) -> StoreResult<HashMap<Uuid, Option<Uuid>>> {
    let rows: Vec<(Uuid, Option<Uuid>)> = body::Entity::find()
        .select_only()
        .column(body::Column::Id)
        .column(body::Column::ParentId)
        .into_tuple()
        .all(c)
        .await?;
    Ok(rows.into_iter().collect())
}

async fn check_new_parent<C: ConnectionTrait>(c: &C, parent: Option<Uuid>) -> StoreResult<()> {
    if let Some(p) = parent {
        match body::Entity::find_by_id(p).one(c).await? {
            Some(b) if !b.archived => {}
            _ => return Err(DomainError::invalid("parent_id", "invalid_choice").into()),
        }
    }
    Ok(())
}

impl Store {
    /// Every body, ordered by name (the tree is built by the caller).
    pub(crate) async fn bodies(&self, include_archived: bool) -> StoreResult<Vec<Body>> {
        let tree = self.body_tree().await?;
        Ok(tree
            .all()
            .iter()
            .filter(|b| include_archived || !b.archived)
            .cloned()
            .collect())
    }

    /// A body, from the kept tree (or the database when the tree does not
    /// hold it yet: created by another process a moment ago).
    pub(crate) async fn body(&self, id: Uuid) -> StoreResult<Body> {
        if let Some(b) = self.body_tree().await?.get(id) {
            return Ok(b.clone());
        }
        body::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(convert::body)
            .transpose()?
            .ok_or(DomainError::NotFound.into())
    }

    /// The body and its ancestors, nearest first.
    /// (From the kept tree, or the database when the tree does not hold the
    /// body or one of its ancestors yet.)
    pub(crate) async fn lineage(&self, id: Uuid) -> StoreResult<Lineage> {
        if let Some(l) = self.body_tree().await?.lineage(id) {
            return Ok(l);
        }
        lineage(&self.db, id).await
    }

    /// Bodies whose names or city match the query (normalized), at most `limit`.
    pub(crate) async fn search_bodies(&self, query: &str, limit: u64) -> StoreResult<Vec<Body>> {
        let mut q = body::Entity::find().filter(body::Column::Archived.eq(false));
        for term in majlis_text::normalize::query_terms(query, 5) {
            q = q.filter(body::Column::Search.contains(&term));
        }
        let rows = q
            .order_by_asc(body::Column::NameAr)
            .limit(limit)
            .all(&self.db)
            .await?;
        rows.into_iter().map(convert::body).collect()
    }

    pub async fn create_body(&self, actor: &Actor, input: &BodyInput) -> StoreResult<Body> {
        ensure(permissions::can_manage_bodies(actor))?;
        let v = input.validate()?;
        let tx = self.write().await?;
        check_new_parent(&tx, v.parent_id).await?;
        let now = crate::now();
        let model = body::ActiveModel {
            id: Set(Uuid::now_v7()),
            search: Set(search_text(&v)),
            name_ar: Set(v.name_ar),
            name_fr: Set(v.name_fr),
            name_en: Set(v.name_en),
            kind: Set(v.kind.as_str().into()),
            parent_id: Set(v.parent_id),
            city: Set(v.city),
            archived: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        let b = convert::body(model)?;
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "body",
            b.id,
            None,
            Some(serde_json::to_value(&b)?),
        )
        .await?;
        tx.commit().await?;
        Ok(b)
    }

    pub async fn update_body(
        &self,
        actor: &Actor,
        id: Uuid,
        input: &BodyInput,
    ) -> StoreResult<Body> {
        let v = input.validate()?;
        let tx = self.write().await?;
        let row = body::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let l = lineage(&tx, id).await?;
        ensure(permissions::can_edit_body(actor, &l))?;
        let before = convert::body(row.clone())?;
        let moves = v.parent_id != row.parent_id || v.kind.as_str() != row.kind;
        if moves {
            // Moving in the tree or changing kind is a national decision.
            ensure(permissions::can_manage_bodies(actor))?;
            check_new_parent(&tx, v.parent_id).await?;
            check_parent(id, v.parent_id, &parent_map(&tx).await?)?;
        }
        let mut a = row.into_active_model();
        a.search = Set(search_text(&v));
        a.name_ar = Set(v.name_ar);
        a.name_fr = Set(v.name_fr);
        a.name_en = Set(v.name_en);
        a.kind = Set(v.kind.as_str().into());
        a.parent_id = Set(v.parent_id);
        a.city = Set(v.city);
        a.updated_at = Set(crate::now());
        let after = convert::body(a.update(&tx).await?)?;
        audit::record(
            &tx,
            actor_id(actor),
            "update",
            "body",
            id,
            Some(serde_json::to_value(&before)?),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Archives a body; refused while it has sub-bodies that are not archived.
    pub async fn archive_body(&self, actor: &Actor, id: Uuid) -> StoreResult<Body> {
        ensure(permissions::can_manage_bodies(actor))?;
        let tx = self.write().await?;
        let row = body::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        if row.archived {
            return convert::body(row);
        }
        let children = body::Entity::find()
            .filter(body::Column::ParentId.eq(id))
            .filter(body::Column::Archived.eq(false))
            .count(&tx)
            .await?;
        if children > 0 {
            return Err(DomainError::invalid("parent_id", "has_active_children").into());
        }
        let before = convert::body(row.clone())?;
        let mut a = row.into_active_model();
        a.archived = Set(true);
        a.updated_at = Set(crate::now());
        let after = convert::body(a.update(&tx).await?)?;
        audit::record(
            &tx,
            actor_id(actor),
            "archive",
            "body",
            id,
            Some(serde_json::to_value(&before)?),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}

pub(crate) async fn lineage<C: ConnectionTrait>(c: &C, id: Uuid) -> StoreResult<Lineage> {
    let mut ancestors = Vec::new();
    let first: Option<Option<Uuid>> = body::Entity::find_by_id(id)
        .select_only()
        .column(body::Column::ParentId)
        .into_tuple()
        .one(c)
        .await?;
    let Some(mut parent) = first else {
        return Err(DomainError::NotFound.into());
    };
    // Depth is bounded: a corrupt tree cannot loop forever.
    while let Some(p) = parent {
        if p == id || ancestors.contains(&p) || ancestors.len() > 64 {
            break;
        }
        ancestors.push(p);
        parent = body::Entity::find_by_id(p)
            .select_only()
            .column(body::Column::ParentId)
            .into_tuple::<Option<Uuid>>()
            .one(c)
            .await?
            .flatten();
    }
    Ok(Lineage {
        body_id: id,
        ancestors,
    })
}
