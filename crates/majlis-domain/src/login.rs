//! Login throttling: a progressive delay per account and per client address
//! instead of a hard lock.
//!
//! A hard lock after a few failures lets anyone lock anyone out (the admin
//! included) and does nothing against spraying one password over many
//! accounts. So:
//! - an account gets [`ACCOUNT_FREE_FAILURES`] failures free; after that each
//!   attempt must wait a delay that doubles from [`FIRST_DELAY_SECONDS`] up to
//!   [`MAX_DELAY_SECONDS`];
//! - a client address gets [`ADDRESS_FREE_FAILURES`] failures (over every
//!   login it tries) before the same delays apply to all its attempts;
//! - the account's owner on a device that logged in before (a device cookie
//!   only the server can make, for that account only) is held by neither: a
//!   sprayer behind the same proxy or office network cannot lock the people
//!   who work there out;
//! - failures are forgotten [`FORGET_AFTER_SECONDS`] after the last one.

use chrono::{DateTime, Utc};

pub const ACCOUNT_FREE_FAILURES: i32 = 5;
pub const ADDRESS_FREE_FAILURES: i32 = 20;
pub const FIRST_DELAY_SECONDS: i64 = 30;
pub const MAX_DELAY_SECONDS: i64 = 15 * 60;
pub const FORGET_AFTER_SECONDS: i64 = 60 * 60;

/// The failures recorded under one key (an account or a client address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub count: i32,
    pub last_at: DateTime<Utc>,
}

fn live(f: Option<&Failures>, now: DateTime<Utc>) -> Option<Failures> {
    f.filter(|f| (now - f.last_at).num_seconds() < FORGET_AFTER_SECONDS)
        .copied()
}

/// The delay owed after `count` failures when `free` of them are free.
pub fn delay_after(count: i32, free: i32) -> i64 {
    if count < free {
        return 0;
    }
    let doublings = (count - free).min(16) as u32;
    FIRST_DELAY_SECONDS
        .saturating_mul(1i64 << doublings)
        .min(MAX_DELAY_SECONDS)
}

fn wait_for(f: Option<&Failures>, free: i32, now: DateTime<Utc>) -> i64 {
    let Some(f) = live(f, now) else { return 0 };
    let delay = delay_after(f.count, free);
    let elapsed_ms = (now - f.last_at).num_milliseconds().max(0);
    let left_ms = delay * 1000 - elapsed_ms;
    if left_ms <= 0 {
        0
    } else {
        (left_ms + 999) / 1000
    }
}

/// Seconds the client must still wait before this attempt is even checked;
/// 0 when it may go ahead.
pub fn wait_seconds(
    account: Option<&Failures>,
    address: Option<&Failures>,
    known_device: bool,
    now: DateTime<Utc>,
) -> i64 {
    if known_device {
        return 0;
    }
    wait_for(account, ACCOUNT_FREE_FAILURES, now).max(wait_for(address, ADDRESS_FREE_FAILURES, now))
}

/// The failures after one more failed attempt.
pub fn after_failure(f: Option<&Failures>, now: DateTime<Utc>) -> Failures {
    let count = live(f, now).map_or(0, |f| f.count).saturating_add(1);
    Failures {
        count,
        last_at: now,
    }
}

/// Whether a typed login can name an account at all: logins are usernames or
/// e-mail addresses, never blank, never with spaces or control characters.
pub fn plausible_login(login: &str) -> bool {
    !login.is_empty()
        && login.len() <= 254
        && !login.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t(s: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap() + Duration::seconds(s)
    }

    fn f(count: i32, at: i64) -> Failures {
        Failures {
            count,
            last_at: t(at),
        }
    }

    #[test]
    fn delays_double_from_the_first_paid_failure_and_are_capped() {
        assert_eq!(delay_after(4, 5), 0);
        assert_eq!(delay_after(5, 5), 30);
        assert_eq!(delay_after(6, 5), 60);
        assert_eq!(delay_after(8, 5), 240);
        assert_eq!(delay_after(10, 5), MAX_DELAY_SECONDS);
        assert_eq!(delay_after(i32::MAX, 5), MAX_DELAY_SECONDS);
    }

    #[test]
    fn an_account_waits_only_after_its_free_failures() {
        assert_eq!(wait_seconds(Some(&f(4, 0)), None, false, t(1)), 0);
        assert_eq!(wait_seconds(Some(&f(5, 0)), None, false, t(1)), 29);
        assert_eq!(wait_seconds(Some(&f(5, 0)), None, false, t(30)), 0);
        assert_eq!(wait_seconds(Some(&f(7, 0)), None, false, t(100)), 20);
    }

    #[test]
    fn the_owner_on_a_known_device_is_not_held_by_the_account_delay() {
        assert_eq!(wait_seconds(Some(&f(50, 0)), None, true, t(1)), 0);
        // …nor by a sprayer on the same network (a proxy, an office).
        assert_eq!(wait_seconds(None, Some(&f(20, 0)), true, t(1)), 0);
        assert_eq!(wait_seconds(None, Some(&f(20, 0)), false, t(1)), 29);
    }

    #[test]
    fn an_address_gets_more_free_failures_than_an_account() {
        assert_eq!(wait_seconds(None, Some(&f(19, 0)), false, t(0)), 0);
        assert_eq!(wait_seconds(None, Some(&f(21, 0)), false, t(0)), 60);
        assert_eq!(
            wait_seconds(Some(&f(6, 0)), Some(&f(21, 0)), false, t(10)),
            50
        );
    }

    #[test]
    fn failures_are_forgotten_after_an_hour() {
        let old = f(9, 0);
        assert_eq!(wait_seconds(Some(&old), None, false, t(3600)), 0);
        assert_eq!(after_failure(Some(&old), t(3600)).count, 1);
        assert_eq!(after_failure(Some(&old), t(3599)).count, 10);
        assert_eq!(after_failure(None, t(5)), f(1, 5));
    }

    #[test]
    fn logins_with_spaces_or_controls_name_no_account() {
        assert!(plausible_login("bureau"));
        assert!(plausible_login("x@y.ma"));
        assert!(!plausible_login(""));
        assert!(!plausible_login("address 127.0.0.1"));
        assert!(!plausible_login("a\u{0}b"));
        assert!(!plausible_login(&"a".repeat(255)));
    }
}
