//! Stored files: checked by content and size, kept in the database (so that
//! one backup holds everything), read back by whoever may see what they are
//! attached to.

use crate::Store;
use crate::entity::file;
use crate::error::StoreResult;
use majlis_domain::DomainError;
use majlis_domain::upload::{Accept, DocumentKind, check_upload};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A file's description (without its content).
#[derive(Debug, Clone, Serialize)]
pub struct FileInfo {
    pub id: Uuid,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
}

/// A file with its content, to be sent.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub info: FileInfo,
    pub content: Vec<u8>,
}

/// An upload as received: the name the browser gave and the bytes.
#[derive(Debug, Clone)]
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
}

pub(crate) fn info(m: &file::Model) -> FileInfo {
    FileInfo {
        id: m.id,
        name: m.name.clone(),
        media_type: m.media_type.clone(),
        size: m.size,
        sha256: m.sha256.clone(),
    }
}

/// Checks an upload (kind by content, size) and stores it in the caller's
/// transaction.
pub(crate) async fn store_file<C: ConnectionTrait>(
    c: &C,
    uploaded_by: Option<Uuid>,
    upload: &Upload,
    max_bytes: usize,
    accept: Accept,
) -> StoreResult<(FileInfo, DocumentKind)> {
    let (kind, name) = check_upload(&upload.name, &upload.bytes, max_bytes, accept)?;
    let row = file::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        media_type: Set(kind.media_type().into()),
        size: Set(upload.bytes.len() as i64),
        sha256: Set(hex::encode(Sha256::digest(&upload.bytes))),
        content: Set(upload.bytes.clone()),
        uploaded_by: Set(uploaded_by),
        created_at: Set(crate::now()),
    }
    .insert(c)
    .await?;
    Ok((info(&row), kind))
}

impl Store {
    /// A file by id; callers check that the actor may see what it belongs to.
    pub(crate) async fn file(&self, id: Uuid) -> StoreResult<StoredFile> {
        let m = file::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        Ok(StoredFile {
            info: info(&m),
            content: m.content,
        })
    }

    /// Descriptions of several files.
    pub(crate) async fn file_infos(&self, ids: &[Uuid]) -> StoreResult<Vec<FileInfo>> {
        use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<(Uuid, String, String, i64, String)> = file::Entity::find()
            .select_only()
            .column(file::Column::Id)
            .column(file::Column::Name)
            .column(file::Column::MediaType)
            .column(file::Column::Size)
            .column(file::Column::Sha256)
            .filter(file::Column::Id.is_in(ids.iter().copied()))
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, media_type, size, sha256)| FileInfo {
                id,
                name,
                media_type,
                size,
                sha256,
            })
            .collect())
    }
}
