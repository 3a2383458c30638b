//! The body tree: every body (archived ones too), read in one query and kept
//! for a moment (see `kept`), so that the bodies list, the scope of a
//! manager and the parent choices do not read the whole table per request.

use crate::Store;
use crate::convert;
use crate::entity::body;
use crate::error::StoreResult;
use majlis_domain::{Body, Viewer};
use sea_orm::{EntityTrait, QueryOrder};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use uuid::Uuid;

/// Every body, by Arabic name, with the children of each.
#[derive(Debug, Default)]
pub struct BodyTree {
    bodies: Vec<Body>,
    index: HashMap<Uuid, usize>,
    children: HashMap<Uuid, Vec<usize>>,
}

impl BodyTree {
    fn new(bodies: Vec<Body>) -> Self {
        let index = bodies.iter().enumerate().map(|(i, b)| (b.id, i)).collect();
        let mut children: HashMap<Uuid, Vec<usize>> = HashMap::new();
        for (i, b) in bodies.iter().enumerate() {
            if let Some(p) = b.parent_id {
                children.entry(p).or_default().push(i);
            }
        }
        Self {
            bodies,
            index,
            children,
        }
    }

    /// Every body, by Arabic name.
    pub fn all(&self) -> &[Body] {
        &self.bodies
    }

    pub fn get(&self, id: Uuid) -> Option<&Body> {
        self.index.get(&id).map(|i| &self.bodies[*i])
    }

    /// A body's lineage (its ancestors, nearest first), if the body is here.
    /// Depth is bounded: a corrupt tree cannot loop forever.
    pub fn lineage(&self, id: Uuid) -> Option<majlis_domain::Lineage> {
        let mut parent = self.get(id)?.parent_id;
        let mut ancestors = Vec::new();
        while let Some(p) = parent {
            if p == id || ancestors.contains(&p) || ancestors.len() > 64 {
                break;
            }
            ancestors.push(p);
            // An ancestor not here (created by another process a moment
            // ago): the lineage is not known here.
            parent = self.get(p)?.parent_id;
        }
        Some(majlis_domain::Lineage {
            body_id: id,
            ancestors,
        })
    }

    /// The nearest regional body above `id`, if any (campaign boards and
    /// syntheses group by region).
    pub fn region_of(&self, id: Uuid) -> Option<Uuid> {
        self.lineage(id)?.ancestors.into_iter().find(|a| {
            self.get(*a)
                .is_some_and(|b| b.kind == majlis_domain::BodyKind::Regional)
        })
    }

    /// Each body's place in [`BodyTree::all`], to sort ids in the tree's order.
    pub fn positions(&self) -> &HashMap<Uuid, usize> {
        &self.index
    }

    /// The direct children of a body (archived ones too), by name.
    pub fn children(&self, id: Uuid) -> impl Iterator<Item = &Body> {
        self.children
            .get(&id)
            .into_iter()
            .flatten()
            .map(|i| &self.bodies[*i])
    }

    /// The bodies kept by `keep`, in depth-first order with their depth,
    /// children by name; a body whose parent is not kept starts a new root.
    pub fn depth_first(&self, keep: impl Fn(&Body) -> bool) -> Vec<(usize, &Body)> {
        let kept: HashSet<Uuid> = self
            .bodies
            .iter()
            .filter(|b| keep(b))
            .map(|b| b.id)
            .collect();
        let roots = self
            .bodies
            .iter()
            .filter(|b| kept.contains(&b.id))
            .filter(|b| b.parent_id.is_none_or(|p| !kept.contains(&p)));
        let mut out = Vec::with_capacity(kept.len());
        let mut stack: Vec<(usize, &Body)> = roots.rev().map(|b| (0, b)).collect();
        while let Some((depth, b)) = stack.pop() {
            out.push((depth, b));
            let kids: Vec<&Body> = self
                .children(b.id)
                .filter(|k| kept.contains(&k.id))
                .collect();
            stack.extend(kids.into_iter().rev().map(|k| (depth + 1, k)));
        }
        out
    }
}

/// One page of the body tree in depth-first order.
#[derive(Debug, Clone)]
pub struct TreePage {
    /// Depth and body.
    pub rows: Vec<(usize, Body)>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

impl TreePage {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.per_page).max(1)
    }
}

impl Store {
    /// The body tree (one query, then kept for a moment).
    pub(crate) async fn body_tree(&self) -> StoreResult<Arc<BodyTree>> {
        self.tree
            .get_or_load("tree", || async {
                let bodies = body::Entity::find()
                    .order_by_asc(body::Column::NameAr)
                    .order_by_asc(body::Column::Id)
                    .all(&self.db)
                    .await?
                    .into_iter()
                    .map(convert::body)
                    .collect::<StoreResult<Vec<_>>>()?;
                Ok(Arc::new(BodyTree::new(bodies)))
            })
            .await
    }

    /// The bodies the viewer may view, archived ones left out, in
    /// depth-first order of the tree (children by name) with their depth.
    pub async fn visible_tree(
        &self,
        viewer: impl Into<Viewer<'_>>,
    ) -> StoreResult<Vec<(usize, Body)>> {
        self.visible_tree_slice(viewer.into(), 0, usize::MAX)
            .await
            .map(|(rows, _)| rows)
    }

    /// One page (1-based) of [`Store::visible_tree`].
    pub async fn body_tree_page(
        &self,
        viewer: impl Into<Viewer<'_>>,
        page: u64,
        per_page: u64,
    ) -> StoreResult<TreePage> {
        let per_page = per_page.clamp(1, crate::MAX_PAGE_SIZE);
        let page = page.max(1);
        let skip = usize::try_from((page - 1) * per_page).unwrap_or(usize::MAX);
        let (rows, total) = self
            .visible_tree_slice(viewer.into(), skip, per_page as usize)
            .await?;
        Ok(TreePage {
            rows,
            page,
            per_page,
            total,
        })
    }

    /// `take` rows after `skip` of the visible tree, and its size.
    async fn visible_tree_slice(
        &self,
        viewer: Viewer<'_>,
        skip: usize,
        take: usize,
    ) -> StoreResult<(Vec<(usize, Body)>, u64)> {
        let visible = self.viewable_bodies(viewer).await?;
        let tree = self.body_tree().await?;
        let order =
            tree.depth_first(|b| !b.archived && visible.as_ref().is_none_or(|v| v.contains(&b.id)));
        let total = order.len() as u64;
        let rows = order
            .into_iter()
            .skip(skip)
            .take(take)
            .map(|(d, b)| (d, b.clone()))
            .collect();
        Ok((rows, total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(name: &str, parent: Option<Uuid>) -> Body {
        Body {
            id: Uuid::now_v7(),
            name_ar: name.into(),
            name_fr: None,
            name_en: None,
            kind: majlis_domain::BodyKind::Provincial,
            parent_id: parent,
            city: None,
            archived: false,
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn depth_first_with_children_by_name_and_orphans_as_roots() {
        let root = body("أ", None);
        let b = body("ب", Some(root.id));
        let a = body("ا", Some(root.id));
        let grandchild = body("ج", Some(b.id));
        let mut all = vec![root.clone(), b.clone(), a.clone(), grandchild.clone()];
        all.sort_by(|x, y| x.name_ar.cmp(&y.name_ar));
        let tree = BodyTree::new(all);
        let names = |v: Vec<(usize, &Body)>| {
            v.into_iter()
                .map(|(d, b)| (d, b.name_ar.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(tree.depth_first(|_| true)),
            [(0, "أ"), (1, "ا"), (1, "ب"), (2, "ج")].map(|(d, n)| (d, n.to_string()))
        );
        // Without the root, its children start roots of their own.
        assert_eq!(
            names(tree.depth_first(|x| x.id != root.id)),
            [(0, "ا"), (0, "ب"), (1, "ج")].map(|(d, n)| (d, n.to_string()))
        );
    }
}
