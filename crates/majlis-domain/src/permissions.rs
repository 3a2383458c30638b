//! Who may do what. Every rule is a plain function over an [`Actor`] (the
//! account and its current roles) and the [`Lineage`] of the body concerned.
//!
//! - the instance admin may do everything;
//! - members of the executive body (the Political Bureau) manage bodies and
//!   people nation-wide;
//! - a body's chair, deputy chair or secretary manages their own body and the
//!   memberships of it and of its descendants;
//! - a member reads their bodies and the people in them, without private
//!   contact fields unless they manage one of that person's bodies;
//! - anonymous users get nothing here (the public site comes later).

use crate::body::BodyKind;
use crate::membership::Role;
use uuid::Uuid;

/// One current role of the actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRole {
    pub body_id: Uuid,
    pub body_kind: BodyKind,
    pub role: Role,
}

/// The authenticated account, with its person's current roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub account_id: Uuid,
    pub person_id: Option<Uuid>,
    pub is_admin: bool,
    pub roles: Vec<ActorRole>,
}

/// A body and its ancestors, nearest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    pub body_id: Uuid,
    pub ancestors: Vec<Uuid>,
}

impl Lineage {
    pub fn root(body_id: Uuid) -> Self {
        Self {
            body_id,
            ancestors: Vec::new(),
        }
    }

    fn contains(&self, id: Uuid) -> bool {
        self.body_id == id || self.ancestors.contains(&id)
    }
}

impl Actor {
    /// A member of the executive body.
    pub fn is_executive(&self) -> bool {
        self.roles
            .iter()
            .any(|r| r.body_kind == BodyKind::Executive)
    }

    fn national(&self) -> bool {
        self.is_admin || self.is_executive()
    }

    /// Holds a managing role in this exact body.
    fn manages_exactly(&self, body: Uuid) -> bool {
        self.roles
            .iter()
            .any(|r| r.body_id == body && r.role.manages())
    }

    /// Holds a managing role in this body or one of its ancestors.
    fn manages_within(&self, lineage: &Lineage) -> bool {
        self.roles
            .iter()
            .any(|r| r.role.manages() && lineage.contains(r.body_id))
    }

    fn member_of(&self, body: Uuid) -> bool {
        self.roles.iter().any(|r| r.body_id == body)
    }

    /// Whether the actor manages any body at all (a provincial secretary, say).
    pub fn manages_any(&self) -> bool {
        self.roles.iter().any(|r| r.role.manages())
    }
}

/// Create bodies anywhere in the tree, archive them, move them.
pub fn can_manage_bodies(actor: &Actor) -> bool {
    actor.national()
}

/// Edit a body's names and city (not its place in the tree).
pub fn can_edit_body(actor: &Actor, body: &Lineage) -> bool {
    actor.national() || actor.manages_exactly(body.body_id)
}

/// Assign and end roles in this body.
pub fn can_manage_memberships(actor: &Actor, body: &Lineage) -> bool {
    actor.national() || actor.manages_within(body)
}

/// See the body's page and its members.
pub fn can_view_body(actor: &Actor, body: &Lineage) -> bool {
    can_manage_memberships(actor, body) || actor.member_of(body.body_id)
}

/// Plan and run the body's meetings: agenda, attendance, minutes, decisions.
pub fn can_manage_meetings(actor: &Actor, body: &Lineage) -> bool {
    actor.national() || actor.manages_exactly(body.body_id)
}

/// Read a meeting's minutes: drafts only for those who run the body's
/// meetings, approved minutes for every member of the body.
pub fn can_read_minutes(actor: &Actor, body: &Lineage, approved: bool) -> bool {
    can_manage_meetings(actor, body) || (approved && can_view_body(actor, body))
}

/// Plan council sessions, their program and workshops, assign working papers.
pub fn can_plan_sessions(actor: &Actor) -> bool {
    actor.national()
}

/// Sign oneself up as a participant of a workshop: members of the council.
pub fn can_join_workshop(actor: &Actor, person: Uuid, council: Uuid) -> bool {
    actor.person_id == Some(person) && actor.member_of(council)
}

/// Read a working paper's versions: its assignees and the executive while it
/// is worked on; once circulated, every member of the council.
pub fn can_read_paper(actor: &Actor, assignee: bool, circulated: bool, council: &Lineage) -> bool {
    can_plan_sessions(actor) || assignee || (circulated && can_view_body(actor, council))
}

/// Write report templates (versions of them): the national executive.
pub fn can_manage_templates(actor: &Actor) -> bool {
    actor.national()
}

/// Draft and edit a body's communiqués, moderate the comments under them:
/// those who run the body.
pub fn can_write_communique(actor: &Actor, body: &Lineage) -> bool {
    can_manage_meetings(actor, body)
}

/// Approve, publish, schedule, correct and withdraw a body's communiqués:
/// its chair or its secretary.
pub fn can_approve_communique(actor: &Actor, body_id: Uuid) -> bool {
    actor
        .roles
        .iter()
        .any(|r| r.body_id == body_id && matches!(r.role.as_str(), Role::CHAIR | Role::SECRETARY))
}

/// Issue, launch and close a campaign in the name of a body, and review
/// the reports it receives: those who run that body.
pub fn can_issue_campaign(actor: &Actor, issuing: &Lineage) -> bool {
    can_manage_meetings(actor, issuing)
}

/// Draft and submit a target body's report: those who run the body.
pub fn can_write_report(actor: &Actor, target: &Lineage) -> bool {
    can_manage_meetings(actor, target)
}

/// Read a target body's report: the body itself, those who manage a body
/// above it, and the issuing body.
pub fn can_read_report(actor: &Actor, target: &Lineage, issuing: &Lineage) -> bool {
    can_view_body(actor, target) || can_view_body(actor, issuing)
}

/// Create people (a provincial secretary registers new members of their body).
pub fn can_create_person(actor: &Actor) -> bool {
    actor.national() || actor.manages_any()
}

/// Archive people, and edit anyone nation-wide.
pub fn can_manage_people(actor: &Actor) -> bool {
    actor.national()
}

/// Edit a person whose current bodies are `bodies`.
pub fn can_edit_person(actor: &Actor, bodies: &[Lineage]) -> bool {
    actor.national() || bodies.iter().any(|l| actor.manages_within(l))
}

/// See a person (name, gender, roles) whose current bodies are `bodies`.
pub fn can_view_person(actor: &Actor, person: Uuid, bodies: &[Lineage]) -> bool {
    actor.national()
        || actor.person_id == Some(person)
        || bodies.iter().any(|l| can_view_body(actor, l))
}

/// See a person's private contact fields (e-mail, phone).
pub fn can_see_contact(actor: &Actor, person: Uuid, bodies: &[Lineage]) -> bool {
    can_edit_person(actor, bodies) || actor.person_id == Some(person)
}

/// Name a person in a write (a presenter, a person in charge, a participant):
/// only someone the actor may see.
pub fn can_reference_person(actor: &Actor, person: Uuid, bodies: &[Lineage]) -> bool {
    can_view_person(actor, person, bodies)
}

/// Name a body in a write (the body in charge of a decision): only a body the
/// actor may see.
pub fn can_reference_body(actor: &Actor, body: &Lineage) -> bool {
    actor.national() || can_view_body(actor, body)
}

/// Add an existing person to a body: the national executive anywhere;
/// someone who manages the target body only for a person of theirs — one who
/// belongs now to a body they manage, or, belonging nowhere now, who belonged
/// to one, or never belonged anywhere (a new registration). A former member
/// who moved to another body is that body's now.
pub fn can_add_to_body(
    actor: &Actor,
    target: &Lineage,
    person_bodies_now: &[Lineage],
    person_bodies_ever: &[Lineage],
) -> bool {
    let theirs = |bodies: &[Lineage]| bodies.iter().any(|l| actor.manages_within(l));
    actor.national()
        || (actor.manages_within(target)
            && if !person_bodies_now.is_empty() {
                theirs(person_bodies_now)
            } else {
                person_bodies_ever.is_empty() || theirs(person_bodies_ever)
            })
}

/// Change a person's private contact fields (e-mail, phone), which every body
/// of theirs relies on: the person, the national executive, or someone who
/// manages every one of the person's current bodies — a manager of only one
/// of them may not change them for the others.
pub fn can_edit_contact(actor: &Actor, person: Uuid, bodies: &[Lineage]) -> bool {
    actor.national()
        || actor.person_id == Some(person)
        || (!bodies.is_empty() && bodies.iter().all(|l| actor.manages_within(l)))
}

/// Browse the whole people directory (everyone, with search).
pub fn can_list_all_people(actor: &Actor) -> bool {
    actor.national()
}

/// Create accounts, reset passwords, disable accounts, change settings.
pub fn can_administer(actor: &Actor) -> bool {
    actor.is_admin
}

/// Read the audit log of an entity.
pub fn can_view_audit(actor: &Actor) -> bool {
    actor.is_admin
}

#[cfg(test)]
mod tests {
    use super::*;

    struct World {
        bureau: Uuid,
        region: Uuid,
        agadir: Uuid,
        casa: Uuid,
    }

    fn world() -> World {
        World {
            bureau: Uuid::now_v7(),
            region: Uuid::now_v7(),
            agadir: Uuid::now_v7(),
            casa: Uuid::now_v7(),
        }
    }

    fn actor(roles: Vec<(Uuid, BodyKind, &str)>) -> Actor {
        Actor {
            account_id: Uuid::now_v7(),
            person_id: Some(Uuid::now_v7()),
            is_admin: false,
            roles: roles
                .into_iter()
                .map(|(body_id, body_kind, role)| ActorRole {
                    body_id,
                    body_kind,
                    role: Role::new(role),
                })
                .collect(),
        }
    }

    fn lineage(w: &World, body: Uuid) -> Lineage {
        if body == w.agadir || body == w.casa {
            Lineage {
                body_id: body,
                ancestors: vec![w.region],
            }
        } else {
            Lineage::root(body)
        }
    }

    #[test]
    fn admin_may_do_everything() {
        let w = world();
        let mut a = actor(vec![]);
        a.is_admin = true;
        let l = lineage(&w, w.agadir);
        assert!(can_manage_bodies(&a));
        assert!(can_manage_memberships(&a, &l));
        assert!(can_view_body(&a, &l));
        assert!(can_administer(&a));
        assert!(can_view_audit(&a));
        assert!(can_see_contact(&a, Uuid::now_v7(), &[]));
    }

    #[test]
    fn executive_member_manages_nationwide_but_is_not_admin() {
        let w = world();
        let a = actor(vec![(w.bureau, BodyKind::Executive, "member")]);
        assert!(can_manage_bodies(&a));
        assert!(can_manage_people(&a));
        assert!(can_manage_memberships(&a, &lineage(&w, w.casa)));
        assert!(can_list_all_people(&a));
        assert!(!can_administer(&a));
        assert!(!can_view_audit(&a));
    }

    #[test]
    fn provincial_secretary_manages_only_their_body() {
        let w = world();
        let a = actor(vec![(w.agadir, BodyKind::Provincial, "secretary")]);
        assert!(can_edit_body(&a, &lineage(&w, w.agadir)));
        assert!(can_manage_meetings(&a, &lineage(&w, w.agadir)));
        assert!(!can_manage_meetings(&a, &lineage(&w, w.casa)));
        assert!(can_read_minutes(&a, &lineage(&w, w.agadir), false));
        assert!(can_manage_memberships(&a, &lineage(&w, w.agadir)));
        assert!(!can_manage_memberships(&a, &lineage(&w, w.casa)));
        assert!(!can_view_body(&a, &lineage(&w, w.casa)));
        assert!(!can_edit_body(&a, &lineage(&w, w.region)));
        assert!(!can_manage_bodies(&a));
        assert!(can_create_person(&a));
        assert!(!can_manage_people(&a));
        assert!(!can_list_all_people(&a));
        let p = Uuid::now_v7();
        assert!(can_see_contact(&a, p, &[lineage(&w, w.agadir)]));
        assert!(!can_see_contact(&a, p, &[lineage(&w, w.casa)]));
    }

    #[test]
    fn regional_chair_manages_descendants_memberships() {
        let w = world();
        let a = actor(vec![(w.region, BodyKind::Regional, "chair")]);
        assert!(can_manage_memberships(&a, &lineage(&w, w.agadir)));
        assert!(can_view_body(&a, &lineage(&w, w.casa)));
        assert!(!can_edit_body(&a, &lineage(&w, w.agadir)));
    }

    #[test]
    fn plain_member_reads_their_body_without_contacts() {
        let w = world();
        let a = actor(vec![(w.agadir, BodyKind::Provincial, "member")]);
        let l = lineage(&w, w.agadir);
        assert!(can_view_body(&a, &l));
        assert!(!can_manage_memberships(&a, &l));
        assert!(!can_edit_body(&a, &l));
        assert!(!can_manage_meetings(&a, &l));
        assert!(can_read_minutes(&a, &l, true));
        assert!(can_read_paper(&a, false, true, &l));
        assert!(!can_read_paper(&a, false, false, &l));
        assert!(can_read_paper(&a, true, false, &l));
        let me = a.person_id.unwrap();
        assert!(can_join_workshop(&a, me, w.agadir));
        assert!(!can_join_workshop(&a, Uuid::now_v7(), w.agadir));
        assert!(!can_join_workshop(&a, me, w.casa));
        assert!(!can_read_minutes(&a, &l, false));
        assert!(!can_read_minutes(&a, &lineage(&w, w.casa), true));
        assert!(!can_create_person(&a));
        let other = Uuid::now_v7();
        assert!(can_view_person(&a, other, std::slice::from_ref(&l)));
        assert!(!can_see_contact(&a, other, std::slice::from_ref(&l)));
        assert!(!can_view_person(&a, other, &[lineage(&w, w.casa)]));
        let me = a.person_id.unwrap();
        assert!(can_see_contact(&a, me, &[]));
    }

    #[test]
    fn treasurer_does_not_manage() {
        let w = world();
        let a = actor(vec![(w.agadir, BodyKind::Provincial, "treasurer")]);
        assert!(!can_manage_memberships(&a, &lineage(&w, w.agadir)));
        assert!(can_view_body(&a, &lineage(&w, w.agadir)));
    }

    #[test]
    fn a_secretary_cannot_take_in_another_bodys_people() {
        let w = world();
        let sec = actor(vec![(w.agadir, BodyKind::Provincial, "secretary")]);
        let bureau = actor(vec![(w.bureau, BodyKind::Executive, "member")]);
        let (agadir, casa) = (lineage(&w, w.agadir), lineage(&w, w.casa));
        let both = [agadir.clone(), casa.clone()];
        let only = |l: &Lineage| vec![l.clone()];
        // A new registration, one of Agadir's own, a former Agadir member who
        // belongs nowhere now: yes.
        assert!(can_add_to_body(&sec, &agadir, &[], &[]));
        assert!(can_add_to_body(&sec, &agadir, &only(&agadir), &both));
        assert!(can_add_to_body(&sec, &agadir, &[], &only(&agadir)));
        // A Casablanca member — even a former Agadir one: no; the national
        // executive: yes.
        assert!(!can_add_to_body(&sec, &agadir, &only(&casa), &both));
        assert!(!can_add_to_body(&sec, &agadir, &[], &only(&casa)));
        assert!(can_add_to_body(&bureau, &agadir, &only(&casa), &both));
        // Nor into a body the secretary does not run.
        assert!(!can_add_to_body(&sec, &casa, &[], &[]));
    }

    #[test]
    fn shared_contacts_change_only_with_every_bodys_say() {
        let w = world();
        let sec = actor(vec![(w.agadir, BodyKind::Provincial, "secretary")]);
        let person = Uuid::now_v7();
        let (agadir, casa) = (lineage(&w, w.agadir), lineage(&w, w.casa));
        assert!(can_edit_contact(
            &sec,
            person,
            std::slice::from_ref(&agadir)
        ));
        assert!(!can_edit_contact(
            &sec,
            person,
            &[agadir.clone(), casa.clone()]
        ));
        assert!(!can_edit_contact(&sec, person, &[]));
        let me = Actor {
            person_id: Some(person),
            ..sec.clone()
        };
        assert!(can_edit_contact(&me, person, &[agadir, casa]));
    }

    #[test]
    fn writes_reference_only_what_the_writer_can_see() {
        let w = world();
        let sec = actor(vec![(w.agadir, BodyKind::Provincial, "secretary")]);
        let (agadir, casa) = (lineage(&w, w.agadir), lineage(&w, w.casa));
        let someone = Uuid::now_v7();
        assert!(can_reference_person(
            &sec,
            someone,
            std::slice::from_ref(&agadir)
        ));
        assert!(!can_reference_person(
            &sec,
            someone,
            std::slice::from_ref(&casa)
        ));
        assert!(!can_reference_person(&sec, someone, &[]));
        assert!(can_reference_body(&sec, &agadir));
        assert!(!can_reference_body(&sec, &casa));
    }
}
