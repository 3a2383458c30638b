//! The permission matrix: each demo role × each action → allowed or refused,
//! through the real router, on every backend of the run.

mod common;

use common::{TestApp, each_backend};
use majlis_domain::{Actor, PersonInput};
use serde_json::{Value, json};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Admin,
    Bureau,
    Agadir,
    Member,
    Anonymous,
}

impl Who {
    fn login(self) -> Option<&'static str> {
        match self {
            Who::Admin => Some("admin"),
            Who::Bureau => Some("bureau"),
            Who::Agadir => Some("agadir"),
            Who::Member => Some("member"),
            Who::Anonymous => None,
        }
    }
}

const ALL: [Who; 5] = [
    Who::Admin,
    Who::Bureau,
    Who::Agadir,
    Who::Member,
    Who::Anonymous,
];

struct Caller {
    who: Who,
    client: reqwest::Client,
    csrf: String,
}

async fn fresh_person(app: &TestApp, tag: &str) -> Uuid {
    let system = Actor {
        account_id: Uuid::nil(),
        person_id: None,
        is_admin: true,
        roles: vec![],
    };
    let input = PersonInput {
        full_name_ar: format!("شخص {tag}"),
        gender: "male".into(),
        ..Default::default()
    };
    app.store().create_person(&system, &input).await.unwrap().id
}

/// (status expected for Admin, Bureau, Agadir, Member, Anonymous)
type Expect = [u16; 5];

fn check(action: &str, who: Who, got: u16, expect: Expect) {
    let i = ALL.iter().position(|w| *w == who).unwrap();
    assert_eq!(got, expect[i], "{action} as {who:?}");
}

#[tokio::test]
async fn permission_matrix() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let mut callers = Vec::new();
        for who in ALL {
            let (client, csrf) = match who.login() {
                Some(l) => app.api_login(l).await,
                None => (app.client("ar"), String::new()),
            };
            callers.push(Caller { who, client, csrf });
        }
        let agadir = app.body_id("أكادير").await;
        let casa = app.body_id("الدار البيضاء").await;
        let bureau = app.body_id("المكتب السياسي").await;
        let agadir_body = app.store().visible_body(majlis_domain::Viewer::System, agadir).await.unwrap().0;
        let casa_body = app.store().visible_body(majlis_domain::Viewer::System, casa).await.unwrap().0;
        // The Agadir secretary: visible to the plain member, but not their contacts.
    let agadir_person = app
        .store()
        .body_members(majlis_domain::Viewer::System, agadir)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.membership.role.as_str() == "secretary")
        .unwrap()
        .person
        .id;

        for c in &callers {
            let post = |path: &str, body: Value| {
                c.client.post(app.url(path)).header("x-csrf-token", &c.csrf).json(&body)
            };
            let status = |r: reqwest::Response| r.status().as_u16();

            // Read: the body tree (pages) — anonymous users are sent to the login page.
            let r = c.client.get(app.url("/bodies")).send().await.unwrap();
            check("GET /bodies", c.who, status(r), [200, 200, 200, 200, 303]);

            // Read: a body's members, own province vs another one.
            let r = c.client.get(app.url(&format!("/api/v1/bodies/{agadir}/members"))).send().await.unwrap();
            check("read Agadir members", c.who, status(r), [200, 200, 200, 200, 401]);
            let r = c.client.get(app.url(&format!("/api/v1/bodies/{casa}/members"))).send().await.unwrap();
            check("read Casablanca members", c.who, status(r), [200, 200, 403, 403, 401]);

            // Create a body.
            let r = post("/api/v1/bodies", json!({"name_ar": format!("هيئة {:?}", c.who), "kind": "local", "parent_id": agadir.to_string()})).send().await.unwrap();
            check("create body", c.who, status(r), [200, 200, 403, 403, 401]);

            // Edit a body (same values): own province vs another.
            let same = |b: &majlis_domain::Body| json!({"name_ar": b.name_ar, "name_fr": b.name_fr, "name_en": b.name_en, "kind": b.kind.as_str(), "parent_id": b.parent_id.map(|p| p.to_string()), "city": b.city});
            let r = c.client.patch(app.url(&format!("/api/v1/bodies/{agadir}"))).header("x-csrf-token", &c.csrf).json(&same(&agadir_body)).send().await.unwrap();
            check("edit Agadir", c.who, status(r), [200, 200, 200, 403, 401]);
            let r = c.client.patch(app.url(&format!("/api/v1/bodies/{casa}"))).header("x-csrf-token", &c.csrf).json(&same(&casa_body)).send().await.unwrap();
            check("edit Casablanca", c.who, status(r), [200, 200, 403, 403, 401]);

            // Memberships: in Agadir vs in the Political Bureau.
            let p = fresh_person(&app, &format!("{:?}-1", c.who)).await;
            let r = post("/api/v1/memberships", json!({"person_id": p, "body_id": agadir, "role": "member"})).send().await.unwrap();
            check("add member to Agadir", c.who, status(r), [200, 200, 200, 403, 401]);
            let r = post("/api/v1/memberships", json!({"person_id": p, "body_id": bureau, "role": "member"})).send().await.unwrap();
            check("add member to the Political Bureau", c.who, status(r), [200, 200, 403, 403, 401]);

            // People: create, archive, see contacts.
            let r = post("/api/v1/people", json!({"full_name_ar": format!("عضو {:?}", c.who), "gender": "female"})).send().await.unwrap();
            check("create person", c.who, status(r), [200, 200, 200, 403, 401]);
            let victim = fresh_person(&app, &format!("{:?}-2", c.who)).await;
            let r = post(&format!("/api/v1/people/{victim}/archive"), json!({})).send().await.unwrap();
            check("archive person", c.who, status(r), [200, 200, 403, 403, 401]);
            let r = c.client.get(app.url(&format!("/api/v1/people/{agadir_person}"))).send().await.unwrap();
            let code = r.status().as_u16();
            check("read an Agadir person", c.who, code, [200, 200, 200, 200, 401]);
            if code == 200 {
                let v: Value = r.json().await.unwrap();
                let sees_contact = v.get("email").is_some();
                assert_eq!(sees_contact, c.who != Who::Member, "contact visibility as {:?}", c.who);
            }

            // The directory: everyone for the national level, one province otherwise.
            let r = c.client.get(app.url("/api/v1/people?per_page=1")).send().await.unwrap();
            let code = r.status().as_u16();
            check("list people", c.who, code, [200, 200, 200, 200, 401]);
            if code == 200 {
                let total = r.json::<Value>().await.unwrap()["total"].as_u64().unwrap();
                if matches!(c.who, Who::Admin | Who::Bureau) {
                    assert!(total > 300, "{:?} sees {total}", c.who);
                } else {
                    assert!(total < 20, "{:?} sees {total}", c.who);
                }
            }

            // Administration and audit.
            let r = c.client.get(app.url(&format!("/api/v1/audit/body/{agadir}"))).send().await.unwrap();
            check("read audit", c.who, status(r), [200, 403, 403, 403, 401]);
            let r = c.client.get(app.url("/admin/accounts")).send().await.unwrap();
            check("admin accounts page", c.who, status(r), [200, 403, 403, 403, 303]);
            let r = c.client.get(app.url("/admin/settings")).send().await.unwrap();
            check("settings page", c.who, status(r), [200, 403, 403, 403, 303]);
        }
    })
    .await;
}
