//! Values kept for a moment in this process: a request's identity, the total
//! of a list, the body tree. Each is kept for a time-to-live and only until
//! the next write of this process: every committed write transaction moves
//! one epoch that every kept value is checked against. Another majlis process
//! (PostgreSQL) sees a change within the time-to-live.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The epoch moved by every committed write of this process.
#[derive(Debug, Default, Clone)]
pub(crate) struct Epoch(Arc<AtomicU64>);

impl Epoch {
    pub(crate) fn now(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }

    pub(crate) fn advance(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }
}

/// Values by key, each kept for `ttl` and until the epoch moves. At most
/// `max` are kept (the map is emptied beyond).
#[derive(Debug)]
pub(crate) struct Kept<V> {
    epoch: Epoch,
    ttl: Duration,
    max: usize,
    map: Mutex<HashMap<String, (Instant, u64, V)>>,
}

impl<V: Clone> Kept<V> {
    pub(crate) fn new(epoch: &Epoch, ttl: Duration, max: usize) -> Self {
        Self {
            epoch: epoch.clone(),
            ttl,
            max,
            map: Mutex::new(HashMap::new()),
        }
    }

    /// The value kept under `key`, if it is still fresh.
    pub(crate) fn get(&self, key: &str) -> Option<V> {
        let epoch = self.epoch.now();
        let map = self.map.lock().ok()?;
        map.get(key)
            .filter(|(at, e, _)| *e == epoch && at.elapsed() < self.ttl)
            .map(|(_, _, v)| v.clone())
    }

    /// Keeps `value`, read after the epoch was `epoch` (a write during the
    /// read makes the value stale at once).
    pub(crate) fn put(&self, key: String, epoch: u64, value: V) {
        if let Ok(mut map) = self.map.lock() {
            if map.len() >= self.max {
                map.clear();
            }
            map.insert(key, (Instant::now(), epoch, value));
        }
    }

    /// The epoch to pass to [`Kept::put`]: read it before reading the value.
    pub(crate) fn epoch(&self) -> u64 {
        self.epoch.now()
    }
}

/// A key for a kept value: its kind and a hash of what it depends on.
pub(crate) fn key_of(kind: &str, parts: &impl std::hash::Hash) -> String {
    use std::hash::{DefaultHasher, Hasher};
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    format!("{kind}:{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_kept_until_the_epoch_moves() {
        let epoch = Epoch::default();
        let kept: Kept<u32> = Kept::new(&epoch, Duration::from_secs(60), 10);
        let e = kept.epoch();
        kept.put("a".into(), e, 1);
        assert_eq!(kept.get("a"), Some(1));
        epoch.advance();
        assert_eq!(kept.get("a"), None);
    }

    #[test]
    fn a_value_read_during_a_write_is_not_kept() {
        let epoch = Epoch::default();
        let kept: Kept<u32> = Kept::new(&epoch, Duration::from_secs(60), 10);
        let e = kept.epoch();
        epoch.advance();
        kept.put("a".into(), e, 1);
        assert_eq!(kept.get("a"), None);
    }

    #[test]
    fn a_value_expires() {
        let epoch = Epoch::default();
        let kept: Kept<u32> = Kept::new(&epoch, Duration::ZERO, 10);
        kept.put("a".into(), kept.epoch(), 1);
        assert_eq!(kept.get("a"), None);
    }

    #[test]
    fn the_map_is_bounded() {
        let epoch = Epoch::default();
        let kept: Kept<u32> = Kept::new(&epoch, Duration::from_secs(60), 2);
        for (i, k) in ["a", "b", "c"].into_iter().enumerate() {
            kept.put(k.into(), kept.epoch(), i as u32);
        }
        assert_eq!(kept.get("a"), None);
        assert_eq!(kept.get("c"), Some(2));
    }
}
