//! The memory argon2 works in, mapped from the system rather than taken from
//! the allocator: each hash needs 19 MiB, and an allocator keeps such blocks
//! around (on whichever blocking thread ran the hash) long after a login
//! crowd has gone. Here a buffer is reused from hash to hash while logins keep
//! coming — there are never more buffers than hashing permits — and unmapped,
//! given back to the system at once, after [`IDLE`] without a hash.
//!
//! The one `unsafe` of majlis is here: viewing the mapped bytes as argon2's
//! blocks.
#![allow(unsafe_code)]

use argon2::Block;
use memmap2::MmapMut;
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::{Duration, Instant};

/// How long buffers are kept without a hash.
pub(crate) const IDLE: Duration = Duration::from_secs(2);

/// An anonymous mapping holding a whole number of blocks.
struct Blocks(MmapMut);

impl Blocks {
    fn new(count: usize) -> std::io::Result<Self> {
        Ok(Self(MmapMut::map_anon(count * size_of::<Block>())?))
    }

    fn count(&self) -> usize {
        self.0.len() / size_of::<Block>()
    }

    fn as_blocks(&mut self) -> &mut [Block] {
        let count = self.count();
        // SAFETY: the mapping is page-aligned (more than `Block`'s 64 bytes),
        // holds `count` whole blocks, is zero-filled by the system or written
        // by argon2 (any bit pattern of a block's u64 words is a valid
        // `Block`), and stays mutably borrowed through `self` for the
        // lifetime of the slice.
        unsafe { std::slice::from_raw_parts_mut(self.0.as_mut_ptr().cast::<Block>(), count) }
    }
}

/// The buffers of one process's hashing, shared by its permits.
pub(crate) struct Pool {
    free: Mutex<Vec<Blocks>>,
    last_use: Mutex<Instant>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Pool {
    /// A pool, with a thread that unmaps its buffers once idle (the thread
    /// ends with the pool).
    pub(crate) fn new() -> Arc<Self> {
        let pool = Arc::new(Self {
            free: Mutex::new(Vec::new()),
            last_use: Mutex::new(Instant::now()),
        });
        let weak: Weak<Self> = Arc::downgrade(&pool);
        let spawned = std::thread::Builder::new()
            .name("majlis-hash-memory".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(IDLE / 2);
                    let Some(pool) = weak.upgrade() else { return };
                    pool.trim_if_idle();
                }
            });
        if let Err(e) = spawned {
            tracing::warn!(error = %e, "hashing memory will not be given back when idle");
        }
        pool
    }

    /// Runs `work` on `count` blocks: a kept buffer, or a new one.
    pub(crate) fn with<T>(
        &self,
        count: usize,
        work: impl FnOnce(&mut [Block]) -> T,
    ) -> std::io::Result<T> {
        let kept = lock(&self.free).pop();
        let mut blocks = match kept {
            Some(b) if b.count() >= count => b,
            _ => Blocks::new(count)?,
        };
        let out = work(&mut blocks.as_blocks()[..count]);
        lock(&self.free).push(blocks);
        *lock(&self.last_use) = Instant::now();
        Ok(out)
    }

    /// Buffers kept now.
    pub(crate) fn kept(&self) -> usize {
        lock(&self.free).len()
    }

    fn trim_if_idle(&self) {
        if lock(&self.last_use).elapsed() >= IDLE {
            lock(&self.free).clear();
        }
    }
}
