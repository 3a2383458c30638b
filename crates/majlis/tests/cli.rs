//! The `majlis` binary itself: init, serve, an acknowledged write surviving
//! `kill -9`, graceful shutdown on SIGTERM, backup while serving, restore.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_majlis");

fn majlis(data: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--data-dir")
        .arg(data)
        .env("MAJLIS_LOG", "warn")
        .env_remove("MAJLIS_DATABASE_URL");
    c
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn serve(data: &Path, port: u16) -> Child {
    let mut child = majlis(data)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("MAJLIS_COOKIE_SECURE", "false")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..200 {
        if reqwest::get(format!("http://127.0.0.1:{port}/healthz"))
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("majlis did not start");
}

#[tokio::test]
async fn acknowledged_writes_survive_kill_9_and_backups_restore() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let pw = dir.path().join("pw");
    std::fs::write(&pw, "long-enough-password\n").unwrap();
    let out = majlis(&data)
        .args(["init", "--username", "admin", "--password-file"])
        .arg(&pw)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let port = free_port();
    let mut server = serve(&data, port).await;
    let c = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let login: serde_json::Value = c
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({"login": "admin", "password": "long-enough-password"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let csrf = login["csrf_token"].as_str().unwrap().to_string();
    let r = c
        .post(format!("{base}/api/v1/bodies"))
        .header("x-csrf-token", &csrf)
        .json(&serde_json::json!({"name_ar": "المكتب السياسي", "kind": "executive"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    // A backup taken while serving.
    let backup = dir.path().join("backup.jsonl");
    let out = majlis(&data).arg("backup").arg(&backup).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // kill -9 right after the acknowledgement: the write is there on restart.
    server.kill().unwrap();
    server.wait().unwrap();
    let store = majlis_store::Store::connect(&format!(
        "sqlite://{}?mode=rwc",
        data.join("majlis.sqlite").display()
    ))
    .await
    .unwrap();
    let bodies = store
        .visible_bodies(majlis_domain::Viewer::System, "", true)
        .await
        .unwrap();
    assert_eq!(bodies.len(), 1);
    assert_eq!(bodies[0].name_ar, "المكتب السياسي");
    assert_eq!(
        store
            .audit_for(majlis_domain::Viewer::System, "body", bodies[0].id, 10)
            .await
            .unwrap()
            .len(),
        1
    );
    store.close().await.unwrap();

    // SIGTERM: graceful shutdown, exit status 0.
    let mut server = serve(&data, port).await;
    let status = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = server.wait().unwrap();
    assert!(exit.success(), "{exit:?}");

    // Restore into an empty folder; a second restore is refused without --force.
    let restored = dir.path().join("restored");
    let out = majlis(&restored)
        .arg("restore")
        .arg(&backup)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = majlis(&restored)
        .arg("restore")
        .arg(&backup)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));
    let out = majlis(&restored)
        .arg("restore")
        .arg("--force")
        .arg(&backup)
        .output()
        .unwrap();
    assert!(out.status.success());
    let store = majlis_store::Store::connect(&format!(
        "sqlite://{}?mode=rwc",
        restored.join("majlis.sqlite").display()
    ))
    .await
    .unwrap();
    assert_eq!(
        store
            .visible_bodies(majlis_domain::Viewer::System, "", true)
            .await
            .unwrap()[0]
            .name_ar,
        "المكتب السياسي"
    );
    assert!(
        store
            .authenticate("admin", "long-enough-password")
            .await
            .unwrap()
            .is_ok()
    );
}

#[test]
fn passwords_are_never_taken_from_argv_and_bad_config_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // There is no --password flag at all.
    let out = majlis(dir.path())
        .args(["init", "--password", "x"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let cfg = dir.path().join("majlis.toml");
    std::fs::write(&cfg, "bnid = \"0.0.0.0:1\"\n").unwrap();
    let out = majlis(dir.path())
        .arg("--config")
        .arg(&cfg)
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown field"));
}
