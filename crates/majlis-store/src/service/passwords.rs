//! Password hashing (argon2id) with a bounded number of hashes at once.
//!
//! Each argon2id call takes ~19 MB and a core for tens of milliseconds. Run
//! without a bound, a crowd of logins makes as many blocking threads and
//! allocations as there are requests: memory grows by gigabytes and stays
//! there. So hashing takes a permit of a semaphore sized to the cores; a
//! request that cannot get one within [`HASH_WAIT`] is answered "busy, retry"
//! (503 with `Retry-After`) instead of queueing without end. The hashes work in
//! memory that is reused while logins keep coming and given back to the
//! system when they stop ([`super::hash_memory`]).

use super::hash_memory::Pool;
use crate::Store;
use crate::error::{StoreError, StoreResult};
use argon2::password_hash::{Output, ParamsString, PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How long a login or password change waits for a hashing permit.
pub const HASH_WAIT: Duration = Duration::from_secs(10);

/// The limiter of one process, shared by every clone of its [`Store`].
#[derive(Clone)]
pub(crate) struct Hashing {
    permits: Arc<Semaphore>,
    memory: Arc<Pool>,
}

impl std::fmt::Debug for Hashing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hashing")
            .field("available", &self.permits.available_permits())
            .field("buffers", &self.memory.kept())
            .finish()
    }
}

impl Hashing {
    pub(crate) fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Hashing {
            permits: Arc::new(Semaphore::new(cores)),
            memory: Pool::new(),
        }
    }
}

/// A new argon2id hash (the crate's default parameters) in PHC form.
fn hash_with(pool: &Pool, password: &[u8]) -> Result<String, String> {
    let e = |e: &dyn std::fmt::Display| e.to_string();
    let argon = Argon2::default();
    let params = argon.params().clone();
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    let mut salt_buf = [0u8; 64];
    let salt_bytes = salt
        .as_salt()
        .decode_b64(&mut salt_buf)
        .map_err(|x| e(&x))?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    pool.with(params.block_count(), |blocks| {
        argon.hash_password_into_with_memory(password, salt_bytes, &mut out, blocks)
    })
    .map_err(|x| e(&x))?
    .map_err(|x| e(&x))?;
    Ok(PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|x| e(&x))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|x| e(&x))?),
    }
    .to_string())
}

/// Whether a password matches a PHC hash (any argon2 variant, version and
/// parameters), compared in constant time.
fn verify_with(pool: &Pool, stored: &str, password: &[u8]) -> bool {
    let Ok(hash) = PasswordHash::new(stored) else {
        return false;
    };
    let (Ok(algorithm), Some(expected), Some(salt)) =
        (Algorithm::try_from(hash.algorithm), hash.hash, hash.salt)
    else {
        return false;
    };
    let Ok(version) = hash.version.map(Version::try_from).transpose() else {
        return false;
    };
    let Ok(params) = Params::try_from(&hash) else {
        return false;
    };
    let mut salt_buf = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buf) else {
        return false;
    };
    let argon = Argon2::new(algorithm, version.unwrap_or_default(), params.clone());
    let mut out = vec![0u8; expected.len()];
    let done = pool.with(params.block_count(), |blocks| {
        argon.hash_password_into_with_memory(password, salt, &mut out, blocks)
    });
    // `Output` compares in constant time.
    matches!(done, Ok(Ok(()))) && Output::new(&out).is_ok_and(|o| o == expected)
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

fn verify(pool: &Pool, hash: Option<&str>, password: &[u8]) -> bool {
    let ok = verify_with(pool, hash.unwrap_or_else(|| dummy_hash()), password);
    hash.is_some() && ok
}

impl Store {
    /// Waits (at most [`HASH_WAIT`]) for a hashing permit.
    pub(crate) async fn hash_permit(&self) -> StoreResult<HashPermit> {
        tokio::time::timeout(HASH_WAIT, self.hashing.permits.clone().acquire_owned())
            .await
            .map_err(|_| StoreError::Busy)?
            .map(HashPermit)
            .map_err(|e| StoreError::Internal(e.to_string()))
    }

    pub(crate) async fn hash_password(&self, password: String) -> StoreResult<String> {
        let permit = self.hash_permit().await?;
        let pool = self.hashing.memory.clone();
        let (hash, _) = run(permit, move || hash_with(&pool, password.as_bytes())).await?;
        hash.map_err(StoreError::Internal)
    }

    /// Checks a password against a stored hash (the dummy hash for `None`:
    /// same work, always false) under a permit the caller holds.
    pub(crate) async fn verify_password(
        &self,
        permit: HashPermit,
        hash: Option<String>,
        password: String,
    ) -> StoreResult<(bool, HashPermit)> {
        let pool = self.hashing.memory.clone();
        run(permit, move || {
            verify(&pool, hash.as_deref(), password.as_bytes())
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::PasswordVerifier;

    #[test]
    fn hashes_read_both_ways_with_the_argon2_crate() {
        let pool = Pool::new();
        // Ours verify with the crate's verifier…
        let ours = hash_with(&pool, b"majlis-demo").unwrap();
        assert!(
            ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{ours}"
        );
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"majlis-demo", &parsed)
                .is_ok()
        );
        // …and the crate's (every stored hash so far) verify with ours.
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        let theirs = Argon2::default()
            .hash_password(b"majlis-demo", &salt)
            .unwrap()
            .to_string();
        assert!(verify_with(&pool, &theirs, b"majlis-demo"));
        assert!(verify_with(&pool, &ours, b"majlis-demo"));
        assert!(!verify_with(&pool, &ours, b"majlis-demO"));
        assert!(!verify_with(&pool, "not a hash", b"majlis-demo"));
        // The buffer was reused, not one per hash.
        assert_eq!(pool.kept(), 1);
    }

    #[test]
    fn the_memory_is_given_back_when_idle() {
        let pool = Pool::new();
        hash_with(&pool, b"x").unwrap();
        assert_eq!(pool.kept(), 1);
        std::thread::sleep(super::super::hash_memory::IDLE * 2);
        assert_eq!(pool.kept(), 0);
    }
}
