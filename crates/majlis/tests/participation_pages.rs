//! Participations on their page: representatives picked among the body's
//! members (and others by membership number), corrected with the same
//! picker, refused clearly when nobody is named.

mod common;

use common::{TestApp, each_backend, hidden};

/// The picker's boxes: (person id, name) for each candidate.
fn boxes(page: &str) -> Vec<(String, bool)> {
    page.split(r#"<input type="checkbox" name="people" value=""#)
        .skip(1)
        .map(|rest| {
            let id = rest[..rest.find('"').unwrap()].to_string();
            let checked = rest[..rest.find('>').unwrap()].contains("checked");
            (id, checked)
        })
        .collect()
}

#[tokio::test]
async fn representatives_are_picked_not_typed() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let bureau = app.body_id("المكتب السياسي").await;
        let c = app.page_login("bureau", "ar").await;
        let url = app.url(&format!("/bodies/{bureau}/participations"));
        let page = c.get(&url).send().await.unwrap().text().await.unwrap();
        let candidates = boxes(&page);
        assert!(candidates.len() >= 10, "the bureau's members are offered");
        // An Agadir member from outside the bureau, by number.
        let agadir = app.body_id("أكادير").await;
        let outsider = app
            .store()
            .body_members(majlis_domain::Viewer::System, agadir)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.person)
            .find(|p| !candidates.iter().any(|(id, _)| *id == p.id.to_string()))
            .unwrap();
        let number = outsider.member_number.clone().unwrap();
        let form = |people: Vec<String>, numbers: &str| {
            let mut f = reqwest::multipart::Form::new()
                .text("_csrf", hidden(&page, "_csrf"))
                .text("event", "ندوة جهوية حول التشغيل")
                .text("organizer", "جمعية المنتخبين")
                .text("scope", "national")
                .text("city", "فاس")
                .text("first_day", "2016-12-10")
                .text("people_numbers", numbers.to_string());
            for p in people {
                f = f.text("people", p);
            }
            f
        };
        // Nobody named: refused on the picker, nothing recorded.
        let r = c
            .post(&url)
            .multipart(form(vec![], ""))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains(r#"id="e-people""#), "{body}");
        // An unknown number: its field's error.
        let r = c
            .post(&url)
            .multipart(form(vec![candidates[0].0.clone()], "PPS-999999"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains(r#"id="e-people_numbers""#));
        // Two members ticked and one from elsewhere by number.
        let picked = vec![candidates[0].0.clone(), candidates[1].0.clone()];
        let r = c
            .post(&url)
            .multipart(form(picked.clone(), &number))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let list = app
            .store()
            .body_participations(majlis_domain::Viewer::System, bureau, 50)
            .await
            .unwrap();
        let p = list
            .iter()
            .find(|p| p.event == "ندوة جهوية حول التشغيل")
            .unwrap();
        let mut ids: Vec<String> = p.people.iter().map(|x| x.id.to_string()).collect();
        ids.sort();
        let mut expected = [picked.clone(), vec![outsider.id.to_string()]].concat();
        expected.sort();
        assert_eq!(ids, expected);
        // The edit form: the two ticked, the outsider's number in its field.
        let edit = c
            .get(app.url(&format!("/participations/{}/edit", p.id)))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let ticked: Vec<String> = boxes(&edit)
            .into_iter()
            .filter(|b| b.1)
            .map(|b| b.0)
            .collect();
        assert_eq!(ticked.len(), 2);
        assert!(picked.iter().all(|p| ticked.contains(p)));
        assert!(
            edit.contains(&format!(r#"value="{number}""#)),
            "the outsider's number"
        );
        // Deleting asks first.
        assert!(edit.contains("data-confirm="));
    })
    .await;
}
