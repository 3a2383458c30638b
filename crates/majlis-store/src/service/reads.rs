//! Reads with their permission check: what an actor may see of bodies and
//! people. Pages and the API both go through these, so the rule lives once.

use crate::error::StoreResult;
use crate::service::ensure_viewer;
use crate::{MAX_PAGE_SIZE, PeoplePage, PeopleQuery, Store};
use majlis_domain::{Body, Lineage, Person, Viewer, permissions};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

/// One page of a list of bodies.
#[derive(Debug, Clone)]
pub struct BodiesPage {
    pub items: Vec<Body>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

/// A record with whether the viewer may open it (a link, or plain text).
#[derive(Debug, Clone)]
pub struct Linked<T> {
    pub item: T,
    pub open: bool,
}

/// A body placed in the tree: its ancestors (the root first) and its
/// children, each marked with whether the viewer may open it.
#[derive(Debug, Clone)]
pub struct BodyOutline {
    pub body: Body,
    pub lineage: Lineage,
    pub ancestors: Vec<Linked<Body>>,
    pub children: Vec<Linked<Body>>,
}

impl Store {
    /// A body the viewer may view, with its ancestors and active children,
    /// in a fixed number of queries whatever the depth and the children.
    pub async fn body_outline(
        &self,
        viewer: impl Into<Viewer<'_>>,
        id: Uuid,
    ) -> StoreResult<BodyOutline> {
        use crate::entity::body;
        let viewer = viewer.into();
        let (body, lineage) = self.visible_body(viewer, id).await?;
        let visible = self.viewable_bodies(viewer).await?;
        let open = |id: Uuid| visible.as_ref().is_none_or(|v| v.contains(&id));
        let mut around: HashMap<Uuid, Body> = body::Entity::find()
            .filter(body::Column::Id.is_in(lineage.ancestors.iter().copied()))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|b| Ok((b.id, crate::convert::body(b)?)))
            .collect::<StoreResult<_>>()?;
        let ancestors = lineage
            .ancestors
            .iter()
            .rev()
            .filter_map(|a| around.remove(a))
            .map(|b| Linked {
                open: open(b.id),
                item: b,
            })
            .collect();
        let children = body::Entity::find()
            .filter(body::Column::ParentId.eq(id))
            .filter(body::Column::Archived.eq(false))
            .order_by_asc(body::Column::NameAr)
            .all(&self.db)
            .await?
            .into_iter()
            .map(crate::convert::body)
            .map(|b| {
                b.map(|b| Linked {
                    open: open(b.id),
                    item: b,
                })
            })
            .collect::<StoreResult<_>>()?;
        Ok(BodyOutline {
            body,
            lineage,
            ancestors,
            children,
        })
    }

    /// Those of these bodies the viewer may view, by id (one query, besides
    /// the viewer's scope).
    pub async fn visible_bodies_by_id(
        &self,
        viewer: impl Into<Viewer<'_>>,
        ids: impl IntoIterator<Item = Uuid>,
    ) -> StoreResult<HashMap<Uuid, Body>> {
        let visible = self.viewable_bodies(viewer.into()).await?;
        let ids: Vec<Uuid> = ids
            .into_iter()
            .filter(|id| visible.as_ref().is_none_or(|v| v.contains(id)))
            .collect();
        Ok(self.names(Vec::new(), ids).await?.bodies)
    }

    /// A body the actor may view, with its lineage.
    pub async fn visible_body(
        &self,
        viewer: impl Into<Viewer<'_>>,
        id: Uuid,
    ) -> StoreResult<(Body, Lineage)> {
        let body = self.body(id).await?;
        let lineage = self.lineage(id).await?;
        ensure_viewer(viewer.into(), |a| permissions::can_view_body(a, &lineage))?;
        Ok((body, lineage))
    }

    /// A person the actor may view, with the lineages of their current bodies.
    pub async fn visible_person(
        &self,
        viewer: impl Into<Viewer<'_>>,
        id: Uuid,
    ) -> StoreResult<(Person, Vec<Lineage>)> {
        let person = self.person(id).await?;
        let lineages = self.person_lineages(id).await?;
        ensure_viewer(viewer.into(), |a| {
            permissions::can_view_person(a, id, &lineages)
        })?;
        Ok((person, lineages))
    }

    /// The bodies the actor may view: all of them (or those matching `query`),
    /// restricted to the actor's bodies and the ones below those they manage.
    pub async fn visible_bodies(
        &self,
        viewer: impl Into<Viewer<'_>>,
        query: &str,
        include_archived: bool,
    ) -> StoreResult<Vec<Body>> {
        let visible = self.viewable_bodies(viewer.into()).await?;
        let bodies = if query.trim().is_empty() {
            self.bodies(include_archived).await?
        } else {
            self.search_bodies(query, MAX_PAGE_SIZE).await?
        };
        Ok(bodies
            .into_iter()
            .filter(|b| visible.as_ref().is_none_or(|v| v.contains(&b.id)))
            .collect())
    }

    /// One page (1-based, at most [`MAX_PAGE_SIZE`] a page) of the bodies the
    /// actor may view, by Arabic name, filtered by `query` when given.
    pub async fn visible_bodies_page(
        &self,
        viewer: impl Into<Viewer<'_>>,
        query: &str,
        include_archived: bool,
        page: u64,
        per_page: u64,
    ) -> StoreResult<BodiesPage> {
        use crate::entity::body;
        let per_page = per_page.clamp(1, MAX_PAGE_SIZE);
        let page = page.max(1);
        let visible = self.viewable_bodies(viewer.into()).await?;
        let terms = majlis_text::normalize::query_terms(query, 5);
        if terms.is_empty() {
            // Without a search, a slice of the kept tree (same order).
            let tree = self.body_tree().await?;
            let all: Vec<&Body> = tree
                .all()
                .iter()
                .filter(|b| include_archived || !b.archived)
                .filter(|b| visible.as_ref().is_none_or(|v| v.contains(&b.id)))
                .collect();
            let skip = usize::try_from((page - 1) * per_page).unwrap_or(usize::MAX);
            return Ok(BodiesPage {
                total: all.len() as u64,
                items: all
                    .into_iter()
                    .skip(skip)
                    .take(per_page as usize)
                    .cloned()
                    .collect(),
                page,
                per_page,
            });
        }
        let mut q = body::Entity::find();
        if !include_archived {
            q = q.filter(body::Column::Archived.eq(false));
        }
        for term in &terms {
            q = q.filter(body::Column::Search.contains(term));
        }
        let mut scope: Option<Vec<Uuid>> = visible.map(|v| v.into_iter().collect());
        if let Some(ids) = scope.as_mut() {
            ids.sort_unstable();
            q = q.filter(body::Column::Id.is_in(ids.iter().copied()));
        }
        let paginator = q
            .order_by_asc(body::Column::NameAr)
            .order_by_asc(body::Column::Id)
            .paginate(&self.db, per_page);
        let key = crate::kept::key_of("bodies", &(include_archived, &terms, &scope));
        let total = self
            .totals
            .get_or_load(&key, || paginator.num_items())
            .await?;
        let items = paginator
            .fetch_page(page - 1)
            .await?
            .into_iter()
            .map(crate::convert::body)
            .collect::<StoreResult<_>>()?;
        Ok(BodiesPage {
            items,
            page,
            per_page,
            total,
        })
    }

    /// The people directory as the actor may see it: everyone for the
    /// national level, else the current members of the actor's visible bodies.
    pub async fn directory(
        &self,
        viewer: impl Into<Viewer<'_>>,
        query: &PeopleQuery,
    ) -> StoreResult<PeoplePage> {
        let viewer = viewer.into();
        if viewer.allows(permissions::can_list_all_people) {
            return self.people(query, None).await;
        }
        let scope: Vec<Uuid> = self
            .viewable_bodies(viewer)
            .await?
            .unwrap_or_default()
            .into_iter()
            .collect();
        self.people(query, Some(&scope)).await
    }
}
