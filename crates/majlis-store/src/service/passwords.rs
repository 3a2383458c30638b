//! Password hashing (argon2id) with a bounded number of hashes at once.
//!
//! Each argon2id call takes ~19 MB and a core for tens of milliseconds. Run
//! without a bound, a crowd of logins makes as many blocking threads and
//! allocations as there are requests: memory grows by gigabytes and stays
//! there. So hashing takes a permit of a semaphore sized to the cores; a
//! request that cannot get one within [`HASH_WAIT`] is answered "busy, retry"
//! (503 with `Retry-After`) instead of queueing without end.

use crate::Store;
use crate::error::{StoreError, StoreResult};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How long a login or password change waits for a hashing permit.
pub const HASH_WAIT: Duration = Duration::from_secs(10);

/// The limiter of one process, shared by every clone of its [`Store`].
#[derive(Debug, Clone)]
pub(crate) struct Hashing(Arc<Semaphore>);

impl Hashing {
    pub(crate) fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Hashing(Arc::new(Semaphore::new(cores)))
    }
}

/// A hash verified when the login is unknown, so that unknown and known logins
/// cost the same argon2 work (made once per process, with the same parameters).
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        Argon2::default()
            .hash_password(b"majlis-dummy-password", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// The right to run one hash now. The thread that hashes owns it while it
/// works, so a request that gives up midway still counts until the work ends.
pub(crate) struct HashPermit(#[allow(dead_code)] OwnedSemaphorePermit);

/// Runs `work` on a blocking thread under `permit`; hands the permit back.
async fn run<T: Send + 'static>(
    permit: HashPermit,
    work: impl FnOnce() -> T + Send + 'static,
) -> StoreResult<(T, HashPermit)> {
    tokio::task::spawn_blocking(move || (work(), permit))
        .await
        .map_err(|e| StoreError::Internal(e.to_string()))
}

fn verify(hash: Option<&str>, password: &[u8]) -> bool {
    let ok = PasswordHash::new(hash.unwrap_or_else(|| dummy_hash()))
        .is_ok_and(|h| Argon2::default().verify_password(password, &h).is_ok());
    hash.is_some() && ok
}

impl Store {
    /// Waits (at most [`HASH_WAIT`]) for a hashing permit.
    pub(crate) async fn hash_permit(&self) -> StoreResult<HashPermit> {
        tokio::time::timeout(HASH_WAIT, self.hashing.0.clone().acquire_owned())
            .await
            .map_err(|_| StoreError::Busy)?
            .map(HashPermit)
            .map_err(|e| StoreError::Internal(e.to_string()))
    }

    pub(crate) async fn hash_password(&self, password: String) -> StoreResult<String> {
        let permit = self.hash_permit().await?;
        let (hash, _) = run(permit, move || {
            let salt = SaltString::generate(&mut rand::rngs::OsRng);
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
        })
        .await?;
        hash.map_err(|e| StoreError::Internal(e.to_string()))
    }

    /// Checks a password against a stored hash (the dummy hash for `None`:
    /// same work, always false) under a permit the caller holds.
    pub(crate) async fn verify_password(
        permit: HashPermit,
        hash: Option<String>,
        password: String,
    ) -> StoreResult<(bool, HashPermit)> {
        run(permit, move || verify(hash.as_deref(), password.as_bytes())).await
    }
}
