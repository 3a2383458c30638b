//! The salt of the day for commenters' client addresses. A comment keeps its
//! client's address only as a keyed hash (for the flood limits); the hash
//! also takes this salt: random, made by the first process that needs it
//! on a given day, shared by every process through the database, and
//! deleted once the day is over. Yesterday's hashes can then no longer be
//! linked to any address, not even by someone holding the database and the
//! configuration's key. Backups never carry it.

use crate::Store;
use crate::entity::client_salt;
use crate::error::{StoreError, StoreResult};
use chrono::NaiveDate;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};

impl Store {
    /// The salt of `day` (the organization's or the server's calendar day),
    /// made if there is none yet; the salts of earlier days are deleted.
    pub async fn client_salt(&self, day: NaiveDate) -> StoreResult<String> {
        let key = day.format("%Y-%m-%d").to_string();
        if let Some(row) = client_salt::Entity::find_by_id(key.clone())
            .one(&self.db)
            .await?
        {
            return Ok(row.salt);
        }
        let fresh = {
            use rand::RngCore;
            let mut bytes = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            hex::encode(bytes)
        };
        let tx = self.write().await?;
        client_salt::Entity::delete_many()
            .filter(client_salt::Column::Day.lt(key.clone()))
            .exec(&tx)
            .await?;
        // Two processes making it at once: the first one's stays.
        client_salt::Entity::insert(client_salt::ActiveModel {
            day: Set(key.clone()),
            salt: Set(fresh),
        })
        .on_conflict(
            OnConflict::column(client_salt::Column::Day)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&tx)
        .await?;
        let salt = client_salt::Entity::find_by_id(key)
            .one(&tx)
            .await?
            .ok_or_else(|| StoreError::Internal("the salt of the day vanished".into()))?
            .salt;
        tx.commit().await?;
        Ok(salt)
    }
}
