//! The public site's version: one number bumped in the same transaction as
//! every change the public can see (a communiqué published, corrected or
//! withdrawn, a comment approved). Each process keeps rendered public
//! pages with the version they were made at and reads the number (one
//! primary-key read) before serving one, so a change made through one
//! process is seen by the next request to any other.

use crate::Store;
use crate::entity::site_state;
use crate::error::StoreResult;
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter, Set};

impl Store {
    /// Bumps the site's version in the caller's transaction.
    pub(crate) async fn touch_site<C: ConnectionTrait>(&self, c: &C) -> StoreResult<()> {
        use sea_orm::ColumnTrait;
        use sea_orm::sea_query::{Expr, ExprTrait};
        let done = site_state::Entity::update_many()
            .col_expr(
                site_state::Column::Version,
                Expr::col(site_state::Column::Version).add(1),
            )
            .filter(site_state::Column::Id.eq(1))
            .exec(c)
            .await?;
        if done.rows_affected == 0 {
            // The row is made by the migration; a database restored from
            // an older backup gets it here.
            site_state::Entity::insert(site_state::ActiveModel {
                id: Set(1),
                version: Set(1),
            })
            .on_conflict(
                sea_orm::sea_query::OnConflict::column(site_state::Column::Id)
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(c)
            .await?;
        }
        Ok(())
    }

    /// The site's current version (0 before any change).
    pub async fn site_version(&self) -> StoreResult<i64> {
        Ok(site_state::Entity::find_by_id(1)
            .one(&self.db)
            .await?
            .map_or(0, |r| r.version))
    }
}
