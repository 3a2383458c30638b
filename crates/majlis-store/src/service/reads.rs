//! Reads with their permission check: what an actor may see of bodies and
//! people. Pages and the API both go through these, so the rule lives once.

use crate::error::StoreResult;
use crate::service::ensure;
use crate::{MAX_PAGE_SIZE, PeoplePage, PeopleQuery, Store};
use majlis_domain::{Actor, Body, Lineage, Person, permissions};
use uuid::Uuid;

impl Store {
    /// A body the actor may view, with its lineage.
    pub async fn visible_body(&self, actor: &Actor, id: Uuid) -> StoreResult<(Body, Lineage)> {
        let body = self.body(id).await?;
        let lineage = self.lineage(id).await?;
        ensure(permissions::can_view_body(actor, &lineage))?;
        Ok((body, lineage))
    }

    /// A person the actor may view, with the lineages of their current bodies.
    pub async fn visible_person(
        &self,
        actor: &Actor,
        id: Uuid,
    ) -> StoreResult<(Person, Vec<Lineage>)> {
        let person = self.person(id).await?;
        let lineages = self.person_lineages(id).await?;
        ensure(permissions::can_view_person(actor, id, &lineages))?;
        Ok((person, lineages))
    }

    /// The bodies the actor may view: all of them (or those matching `query`),
    /// restricted to the actor's bodies and the ones below those they manage.
    pub async fn visible_bodies(
        &self,
        actor: &Actor,
        query: &str,
        include_archived: bool,
    ) -> StoreResult<Vec<Body>> {
        let visible = self.viewable_bodies(actor).await?;
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

    /// The people directory as the actor may see it: everyone for the
    /// national level, else the current members of the actor's visible bodies.
    pub async fn directory(&self, actor: &Actor, query: &PeopleQuery) -> StoreResult<PeoplePage> {
        if permissions::can_list_all_people(actor) {
            return self.people(query, None).await;
        }
        let scope: Vec<Uuid> = self
            .viewable_bodies(actor)
            .await?
            .unwrap_or_default()
            .into_iter()
            .collect();
        self.people(query, Some(&scope)).await
    }
}
