//! The commenters' salt of the day: one per day whoever asks, shared by a
//! crowd asking at once, gone the next day, never in a backup.

mod common;

use common::d;
use majlis_store::testing::{backends, fresh};

#[tokio::test]
async fn one_salt_a_day_forgotten_the_next() {
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        // A crowd asking at once on the first day: one salt for all.
        let mut asks = Vec::new();
        for _ in 0..8 {
            let s = s.clone();
            asks.push(tokio::spawn(
                async move { s.client_salt(d(2016, 12, 20)).await },
            ));
        }
        let mut salts = Vec::new();
        for a in asks {
            salts.push(a.await.unwrap().unwrap());
        }
        let first = salts[0].clone();
        assert_eq!(first.len(), 64, "{b:?}");
        assert!(salts.iter().all(|x| *x == first), "{b:?}: {salts:?}");
        assert_eq!(s.client_salt(d(2016, 12, 20)).await.unwrap(), first);

        // The next day: another salt, and the first one deleted (asked for
        // again, the first day gets a new one).
        let second = s.client_salt(d(2016, 12, 21)).await.unwrap();
        assert_ne!(second, first);
        let mut dump = Vec::new();
        s.backup(&mut dump).await.unwrap();
        let dump = String::from_utf8(dump).unwrap();
        assert!(!dump.contains(&second), "{b:?}: no salt in a backup");
        assert!(!dump.contains(r#""table":"client_salts""#), "{b:?}");
        assert_ne!(
            s.client_salt(d(2016, 12, 20)).await.unwrap(),
            first,
            "{b:?}"
        );
    }
}
