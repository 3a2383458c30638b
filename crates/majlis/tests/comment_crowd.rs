//! A crowd under a communiqué, on SQLite and PostgreSQL: 200 commenters
//! posting 5 comments each (under the flood limit), all at once — every
//! comment kept, none lost, no error; then the same text sent again by 20
//! others (each refused as a duplicate) and a sixth comment from each of 20
//! commenters within 15 s (each refused as a flood).

mod common;

use chrono::{Duration, Utc};
use common::{TestApp, each_backend};
use majlis_domain::DomainError;
use majlis_domain::comment::{CleanComment, Verdict};
use majlis_store::StoreError;
use majlis_store::service::comments::{CommentPost, Posted};
use majlis_store::service::public_site::PublicFilter;

fn post(i: usize, k: usize, text: &str) -> CommentPost {
    CommentPost {
        comment: CleanComment {
            name: format!("معلق {i}"),
            email: format!("crowd{i}@example.org"),
            text: text.to_string(),
        },
        verdict: Verdict::Held,
        parent_id: None,
        email_hash: format!("email-{i}"),
        client_hash: format!("client-{i}"),
        text_hash: format!("h-{i}-{k}"),
    }
}

/// The demo's seed communiqué, in Arabic.
async fn seed_communique(
    store: &majlis_store::Store,
) -> majlis_store::service::communiques::Communique {
    let (list, _) = store
        .public_communiques(Utc::now(), &PublicFilter::default(), 1, 10)
        .await
        .unwrap();
    list.into_iter().find(|c| c.lang == "ar").unwrap()
}

#[tokio::test]
async fn two_hundred_commenters_at_once() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let store = app.store().clone();
        let slug = seed_communique(&store).await.slug;
        let base = Utc::now() + Duration::days(1);
        let mut crowd = Vec::new();
        for i in 0..200 {
            let (store, slug) = (store.clone(), slug.clone());
            crowd.push(tokio::spawn(async move {
                let mut out = Vec::new();
                for k in 0..5 {
                    let at = base + Duration::seconds(16 * k as i64);
                    let text = format!("crowd-{i}-{k} تعليق من الحشد");
                    let r =
                        majlis_store::clock::at(at, store.post_comment(&slug, post(i, k, &text)))
                            .await;
                    out.push(r);
                }
                out
            }));
        }
        let mut kept = 0;
        for t in crowd {
            for r in t.await.unwrap() {
                match r {
                    Ok(Posted::Held(_)) => kept += 1,
                    other => panic!("{other:?}"),
                }
            }
        }
        assert_eq!(kept, 1000);
        // Duplicates (the same text hash) from 20 other senders: 409 each.
        let mut dupes = Vec::new();
        for j in 0..20 {
            let (store, slug) = (store.clone(), slug.clone());
            dupes.push(tokio::spawn(async move {
                let mut p = post(1000 + j, 0, "crowd-0-0 تعليق من الحشد");
                p.text_hash = "h-0-0".into();
                majlis_store::clock::at(base + Duration::minutes(5), store.post_comment(&slug, p))
                    .await
            }));
        }
        for d in dupes {
            let e = d.await.unwrap().unwrap_err();
            assert!(
                matches!(e, StoreError::Domain(DomainError::Conflict { .. })),
                "{e:?}"
            );
        }
        // A sixth comment within 15 s of the fifth: refused with a wait.
        let mut floods = Vec::new();
        for i in 0..20 {
            let (store, slug) = (store.clone(), slug.clone());
            floods.push(tokio::spawn(async move {
                let at = base + Duration::seconds(16 * 4 + 5);
                majlis_store::clock::at(
                    at,
                    store.post_comment(&slug, post(i, 9, &format!("flood-{i}"))),
                )
                .await
            }));
        }
        for f in floods {
            let e = f.await.unwrap().unwrap_err();
            assert!(
                matches!(e, StoreError::Domain(DomainError::RateLimited(s)) if s > 0 && s <= 15),
                "{e:?}"
            );
        }
        // Every kept comment is in the database, once.
        let mut dump = Vec::new();
        store.backup(&mut dump).await.unwrap();
        let dump = String::from_utf8_lossy(&dump);
        assert_eq!(dump.matches("تعليق من الحشد").count(), 1000);
        assert!(!dump.contains("crowd0@example.org"));
    })
    .await;
}

/// A crowd of readers on one process while comments are approved through
/// another: each approval is on the very next page served, though the
/// readers share their reads of the site's version.
#[tokio::test]
async fn readers_see_each_approval_at_once() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let store = app.store().clone();
        let seed = seed_communique(&store).await;
        let slug = seed.slug.clone();
        let approved = store.public_comments(seed.id, 1).await.unwrap().1;
        let second = app.second_process().await;
        let page = format!("{second}/p/{slug}");
        let stop = Arc::new(AtomicBool::new(false));
        let served = Arc::new(AtomicUsize::new(0));
        let mut readers = Vec::new();
        for _ in 0..32 {
            let (page, stop, served) = (page.clone(), stop.clone(), served.clone());
            readers.push(tokio::spawn(async move {
                let c = reqwest::Client::new();
                while !stop.load(Ordering::Relaxed) {
                    let r = c.get(&page).send().await.unwrap();
                    assert_eq!(r.status(), 200);
                    r.bytes().await.unwrap();
                    served.fetch_add(1, Ordering::Relaxed);
                }
            }));
        }
        let (api, csrf) = app.api_login("secretary").await;
        let check = reqwest::Client::new();
        for k in 0..8 {
            let text = format!("قارئ {k} يرى الموافقة");
            let Posted::Held(id) = store
                .post_comment(&slug, post(2000 + k, 0, &text))
                .await
                .unwrap()
            else {
                panic!("held")
            };
            let r = api
                .post(app.url("/api/v1/comments/moderate"))
                .header("x-csrf-token", &csrf)
                .json(&serde_json::json!({"ids": [id], "decision": "approve"}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
            let shown = check.get(&page).send().await.unwrap().text().await.unwrap();
            let shown = shown.replace(['\u{2068}', '\u{2069}'], "");
            let count = approved + k as u64 + 1;
            assert!(
                shown.contains(&format!(">{count} تعليق")),
                "approval {k}: {count} comments on the next page"
            );
        }
        stop.store(true, Ordering::Relaxed);
        for r in readers {
            r.await.unwrap();
        }
        assert!(
            served.load(Ordering::Relaxed) > 32,
            "the readers were served meanwhile"
        );
    })
    .await;
}
