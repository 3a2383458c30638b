//! Who reads: every read of the store takes a [`Viewer`] and checks it with
//! the same rules as the pages and the API.

use crate::permissions::Actor;

/// The reader of a record.
#[derive(Debug, Clone, Copy)]
pub enum Viewer<'a> {
    /// A visitor without an account: the public site.
    Anonymous,
    /// A signed-in account with its current roles.
    Account(&'a Actor),
    /// majlis itself acting for the organization: the job worker (convocations,
    /// PDFs, reminders), the command line and the demo. Never a request.
    System,
}

impl<'a> From<&'a Actor> for Viewer<'a> {
    fn from(actor: &'a Actor) -> Self {
        Viewer::Account(actor)
    }
}

impl<'a> Viewer<'a> {
    /// The account, when there is one.
    pub fn actor(self) -> Option<&'a Actor> {
        match self {
            Viewer::Account(a) => Some(a),
            _ => None,
        }
    }

    /// Whether a rule over an account lets this viewer read: the system reads
    /// everything, an anonymous visitor nothing that needs an account.
    pub fn allows(self, rule: impl FnOnce(&Actor) -> bool) -> bool {
        match self {
            Viewer::System => true,
            Viewer::Anonymous => false,
            Viewer::Account(a) => rule(a),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn member() -> Actor {
        Actor {
            account_id: Uuid::nil(),
            person_id: None,
            is_admin: false,
            roles: vec![],
        }
    }

    #[test]
    fn the_system_reads_everything_and_a_visitor_nothing_private() {
        assert!(Viewer::System.allows(|_| false));
        assert!(!Viewer::Anonymous.allows(|_| true));
        let m = member();
        assert!(Viewer::from(&m).allows(|a| !a.is_admin));
        assert!(!Viewer::from(&m).allows(|a| a.is_admin));
        assert!(Viewer::from(&m).actor().is_some());
        assert!(Viewer::System.actor().is_none());
    }
}
