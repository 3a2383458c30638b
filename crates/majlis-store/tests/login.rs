//! Logging in against a real database (SQLite, and PostgreSQL when
//! configured): delays per account and per address, device cookies, sessions
//! and API tokens.

use majlis_domain::DomainError;
use majlis_store::service::login::{LoginClient, LoginFailure};
use majlis_store::testing::{backends, fresh};
use majlis_store::{NewAccount, StoreError};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn failed_logins_at_once_each_count() {
    for b in backends() {
        let db = fresh(b).await;
        let s = db.store.clone();
        s.create_account(
            None,
            NewAccount {
                username: "admin".into(),
                password: "majlis-demo".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        // Five wrong passwords at once (hashed side by side on every core):
        // five failures, so the right password now has to wait.
        let tries: Vec<_> = (0..5)
            .map(|_| {
                let s = s.clone();
                tokio::spawn(
                    async move { s.authenticate("admin", "wrong-password").await.unwrap() },
                )
            })
            .collect();
        for t in tries {
            assert_eq!(t.await.unwrap(), Err(LoginFailure::InvalidCredentials));
        }
        let r = s.authenticate("admin", "majlis-demo").await.unwrap();
        assert!(
            matches!(r, Err(LoginFailure::Throttled { .. })),
            "{b:?}: {r:?}"
        );
        // An IPv6 network counts as one client: a sprayer cannot walk its /64.
        for i in 0..20 {
            let client = LoginClient {
                address: Some(format!("2001:db8:1:2::{i:x}").parse().unwrap()),
                device: None,
            };
            s.authenticate_from(&format!("nobody{i}"), "x", &client)
                .await
                .unwrap()
                .unwrap_err();
        }
        let client = LoginClient {
            address: Some("2001:db8:1:2:ffff::1".parse().unwrap()),
            device: None,
        };
        let r = s.authenticate_from("nobody", "x", &client).await.unwrap();
        assert!(
            matches!(r, Err(LoginFailure::Throttled { .. })),
            "{b:?}: {r:?}"
        );
    }
}

#[tokio::test]
async fn login_lockout_sessions_and_tokens() {
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let acc = s
            .create_account(
                None,
                NewAccount {
                    username: "Bureau".into(),
                    email: Some("bureau@example.ma".into()),
                    password: "majlis-demo".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(acc.username, "bureau");
        let dup = s
            .create_account(
                None,
                NewAccount {
                    username: "bureau".into(),
                    password: "majlis-demo".into(),
                    ..Default::default()
                },
            )
            .await;
        assert!(matches!(
            dup,
            Err(StoreError::Domain(DomainError::Conflict {
                field: "username"
            }))
        ));

        assert_eq!(
            s.authenticate("BUREAU@example.ma", "majlis-demo")
                .await
                .unwrap()
                .unwrap()
                .id,
            acc.id
        );
        assert_eq!(
            s.authenticate("nobody", "majlis-demo").await.unwrap(),
            Err(LoginFailure::InvalidCredentials)
        );
        let device = s
            .authenticate_from("bureau", "majlis-demo", &LoginClient::default())
            .await
            .unwrap()
            .unwrap()
            .device;
        // Five failures, under the username and the e-mail alike (one count).
        for login in ["bureau", "bureau@example.ma", "bureau", "BUREAU", "bureau"] {
            assert_eq!(
                s.authenticate(login, "wrong-password").await.unwrap(),
                Err(LoginFailure::InvalidCredentials)
            );
        }
        let throttled = s
            .authenticate("bureau@example.ma", "majlis-demo")
            .await
            .unwrap();
        assert!(
            matches!(throttled, Err(LoginFailure::Throttled { retry_after }) if (1..=30).contains(&retry_after)),
            "{throttled:?}"
        );
        // A forged device cookie does not get past the delay…
        let mut forged = device.clone().into_bytes();
        forged[0] = if forged[0] == b'0' { b'1' } else { b'0' };
        let forged = LoginClient {
            address: None,
            device: Some(String::from_utf8(forged).unwrap()),
        };
        let r = s
            .authenticate_from("bureau", "majlis-demo", &forged)
            .await
            .unwrap();
        assert!(matches!(r, Err(LoginFailure::Throttled { .. })), "{r:?}");
        // …the owner on a device that logged in before is not held back.
        let known = LoginClient {
            address: None,
            device: Some(device),
        };
        assert!(
            s.authenticate_from("bureau", "majlis-demo", &known)
                .await
                .unwrap()
                .is_ok()
        );

        // An address that sprays many logins is held back on all of them,
        // the right password included; another address is not.
        let sprayer = LoginClient {
            address: Some("192.0.2.7".parse().unwrap()),
            device: None,
        };
        for i in 0..20 {
            let r = s
                .authenticate_from(&format!("user{i}"), "guess", &sprayer)
                .await
                .unwrap();
            assert_eq!(r.err(), Some(LoginFailure::InvalidCredentials));
        }
        let r = s
            .authenticate_from("bureau", "majlis-demo", &sprayer)
            .await
            .unwrap();
        assert!(matches!(r, Err(LoginFailure::Throttled { .. })), "{r:?}");
        let elsewhere = LoginClient {
            address: Some("198.51.100.1".parse().unwrap()),
            device: None,
        };
        assert!(
            s.authenticate_from("bureau", "majlis-demo", &elsewhere)
                .await
                .unwrap()
                .is_ok()
        );

        let (token, csrf) = s.create_session(acc.id).await.unwrap();
        let (who, c) = s.session(&token).await.unwrap().unwrap();
        assert_eq!((who.id, c), (acc.id, csrf));
        s.delete_session(&token).await.unwrap();
        assert!(s.session(&token).await.unwrap().is_none());

        let (t, secret) = s.create_api_token(acc.id, "script").await.unwrap();
        assert!(secret.0.starts_with("mj_"));
        assert_eq!(
            s.account_by_api_token(&secret.0).await.unwrap().unwrap().id,
            acc.id
        );
        s.revoke_api_token(acc.id, t.id).await.unwrap();
        assert!(s.account_by_api_token(&secret.0).await.unwrap().is_none());

        // Disabling closes sessions.
        let (token, _) = s.create_session(acc.id).await.unwrap();
        s.set_disabled(None, acc.id, true).await.unwrap();
        assert!(s.session(&token).await.unwrap().is_none());
    }
}

#[tokio::test]
async fn a_kept_identity_ends_with_the_next_write() {
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let account = s
            .create_account(
                None,
                NewAccount {
                    username: "souad".into(),
                    email: None,
                    password: "a long pass phrase".into(),
                    person_id: None,
                    is_admin: false,
                },
            )
            .await
            .unwrap();
        let (token, csrf) = s.create_session(account.id).await.unwrap();
        let (other, _) = s.create_session(account.id).await.unwrap();
        let i = s.session_identity(&token).await.unwrap().unwrap();
        assert_eq!((i.account.id, i.csrf.as_str()), (account.id, csrf.as_str()));
        assert!(s.session_identity(&token).await.unwrap().is_some(), "kept");
        // Logging out is a write: the kept identity is not used again.
        s.delete_session(&token).await.unwrap();
        assert!(s.session_identity(&token).await.unwrap().is_none(), "{b:?}");
        // Nor after the account is disabled.
        assert!(s.session_identity(&other).await.unwrap().is_some());
        s.set_disabled(None, account.id, true).await.unwrap();
        assert!(s.session_identity(&other).await.unwrap().is_none(), "{b:?}");
        assert!(s.session_identity("no such token").await.unwrap().is_none());
    }
}
