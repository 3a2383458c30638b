//! Test support: a fresh, migrated database per test, on SQLite (a temporary
//! file) and, when `MAJLIS_TEST_PG_URL` names a PostgreSQL server, on a new
//! PostgreSQL database too. `MAJLIS_TEST_REQUIRE_PG=1` (set by CI) turns a
//! missing server into a failure instead of a skip.

use crate::{Backend, Store};

/// A database made for one test; SQLite files live as long as this value.
pub struct TestDb {
    pub store: Store,
    pub url: String,
    _dir: Option<tempfile_dir::TempDir>,
}

mod tempfile_dir {
    /// A temporary directory removed on drop (no extra dependency).
    pub struct TempDir(pub std::path::PathBuf);
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// The backends this test run covers.
pub fn backends() -> Vec<Backend> {
    let mut v = vec![Backend::Sqlite];
    match std::env::var("MAJLIS_TEST_PG_URL") {
        Ok(u) if !u.is_empty() => v.push(Backend::Postgres),
        _ => {
            if std::env::var("MAJLIS_TEST_REQUIRE_PG").is_ok_and(|v| v == "1") {
                panic!("MAJLIS_TEST_REQUIRE_PG=1 but MAJLIS_TEST_PG_URL is not set");
            }
        }
    }
    v
}

/// A fresh empty (migrated) database on `backend`.
pub async fn fresh(backend: Backend) -> TestDb {
    let unique = uuid::Uuid::new_v4().simple().to_string();
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(format!("majlis-test-{unique}"));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let url = format!("sqlite://{}?mode=rwc", dir.join("majlis.sqlite").display());
            let store = Store::connect(&url).await.expect("connect sqlite");
            store.migrate().await.expect("migrate sqlite");
            TestDb {
                store,
                url,
                _dir: Some(tempfile_dir::TempDir(dir)),
            }
        }
        Backend::Postgres => {
            let base = std::env::var("MAJLIS_TEST_PG_URL").expect("MAJLIS_TEST_PG_URL");
            let name = format!("majlis_test_{unique}");
            Store::create_pg_database(&base, &name)
                .await
                .expect("create pg database");
            let url = replace_db_name(&base, &name);
            let store = Store::connect(&url).await.expect("connect pg");
            store.migrate().await.expect("migrate pg");
            TestDb {
                store,
                url,
                _dir: None,
            }
        }
    }
}

/// Unmigrated empty database URL on `backend` (for migration and restore tests).
pub async fn empty_url(backend: Backend) -> (String, Option<impl Drop>) {
    let unique = uuid::Uuid::new_v4().simple().to_string();
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(format!("majlis-test-{unique}"));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let url = format!("sqlite://{}?mode=rwc", dir.join("majlis.sqlite").display());
            (url, Some(tempfile_dir::TempDir(dir)))
        }
        Backend::Postgres => {
            let base = std::env::var("MAJLIS_TEST_PG_URL").expect("MAJLIS_TEST_PG_URL");
            let name = format!("majlis_test_{unique}");
            Store::create_pg_database(&base, &name)
                .await
                .expect("create pg database");
            (replace_db_name(&base, &name), None)
        }
    }
}

/// `postgres://u@h:p/db?x` with another database name.
pub fn replace_db_name(url: &str, name: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((h, q)) => (h, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = head.find("://").map_or(0, |i| i + 3);
    match head[scheme_end..].find('/') {
        Some(i) => format!("{}/{name}{query}", &head[..scheme_end + i]),
        None => format!("{head}/{name}{query}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn db_name_replacement() {
        assert_eq!(
            super::replace_db_name("postgres://u@127.0.0.1:5432/postgres?sslmode=disable", "t1"),
            "postgres://u@127.0.0.1:5432/t1?sslmode=disable"
        );
        assert_eq!(
            super::replace_db_name("postgres://u@h", "t2"),
            "postgres://u@h/t2"
        );
    }
}
