//! Values kept for a moment in this process: a request's identity, the total
//! of a list, the body tree. Each is kept for a time-to-live and only until
//! the next write of this process: every committed write transaction moves
//! one epoch that every kept value is checked against. Another majlis process
//! (PostgreSQL) sees a change within the time-to-live. A crowd that finds a
//! value expired waits for one load of it, not one load each; while that load
//! runs, and if this process wrote nothing since, the others take the value
//! it replaces (at most twice the time-to-live old).

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
    /// One load at a time per key (see [`Kept::get_or_load`]).
    gates: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl<V: Clone> Kept<V> {
    pub(crate) fn new(epoch: &Epoch, ttl: Duration, max: usize) -> Self {
        Self {
            epoch: epoch.clone(),
            ttl,
            max,
            map: Mutex::new(HashMap::new()),
            gates: Mutex::new(HashMap::new()),
        }
    }

    /// The value kept under `key`, if it is still fresh.
    pub(crate) fn get(&self, key: &str) -> Option<V> {
        self.get_since(key, self.epoch.now())
    }

    /// The value kept under `key` if it was read after the epoch was
    /// `since` (so it reflects every write committed before) and within
    /// the time-to-live.
    fn get_since(&self, key: &str, since: u64) -> Option<V> {
        let map = self.map.lock().ok()?;
        map.get(key)
            .filter(|(at, e, _)| *e >= since && at.elapsed() < self.ttl)
            .map(|(_, _, v)| v.clone())
    }

    /// The value kept under `key` if no write of this process happened
    /// since it was read, however old (within twice the time-to-live).
    fn get_unwritten(&self, key: &str, epoch: u64) -> Option<V> {
        let map = self.map.lock().ok()?;
        map.get(key)
            .filter(|(at, e, _)| *e == epoch && at.elapsed() < self.ttl * 2)
            .map(|(_, _, v)| v.clone())
    }

    /// The value kept under `key`, or the one `load` reads — one load at a
    /// time per key: a crowd that finds the value expired waits for one
    /// load rather than each running it, and takes that load's value when
    /// it started after the crowd's requests arrived (even if a write has
    /// moved the epoch since: the value is as fresh as their own read would
    /// have been).
    pub(crate) async fn get_or_load<E, F, Fut>(&self, key: &str, load: F) -> Result<V, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, E>>,
    {
        let arrived = self.epoch.now();
        if let Some(v) = self.get_since(key, arrived) {
            return Ok(v);
        }
        let gate = {
            let mut gates = self.gates.lock().unwrap_or_else(|e| e.into_inner());
            if gates.len() >= self.max {
                gates.clear();
            }
            gates.entry(key.to_string()).or_default().clone()
        };
        let _turn = match gate.try_lock() {
            Ok(turn) => turn,
            Err(_) => {
                // Another request is loading: with no write of this process
                // since, the value it replaces is still the best one known
                // here (only another process may have changed it, which the
                // time-to-live already allows for a moment more).
                if let Some(v) = self.get_unwritten(key, arrived) {
                    return Ok(v);
                }
                gate.lock().await
            }
        };
        if let Some(v) = self.get_since(key, arrived) {
            return Ok(v);
        }
        let epoch = self.epoch.now();
        let value = load().await?;
        self.put(key.to_string(), epoch, value.clone());
        Ok(value)
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

    #[tokio::test]
    async fn a_crowd_waits_for_one_load() {
        use std::sync::atomic::AtomicU32;
        let epoch = Epoch::default();
        let kept: Arc<Kept<u32>> = Arc::new(Kept::new(&epoch, Duration::from_secs(60), 10));
        let loads = Arc::new(AtomicU32::new(0));
        let mut crowd = Vec::new();
        for _ in 0..16 {
            let (kept, loads) = (kept.clone(), loads.clone());
            crowd.push(tokio::spawn(async move {
                kept.get_or_load("a", || async {
                    loads.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    Ok::<_, ()>(7)
                })
                .await
            }));
        }
        for c in crowd {
            assert_eq!(c.await.unwrap(), Ok(7));
        }
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        // After a write, the next reader loads again.
        epoch.advance();
        let v = kept
            .get_or_load("a", || async { Ok::<_, ()>(8) })
            .await
            .unwrap();
        assert_eq!(v, 8);
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
