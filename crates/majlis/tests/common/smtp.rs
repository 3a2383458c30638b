//! A real SMTP server for the tests: Debian's `python3-aiosmtpd`, writing
//! every message it accepts into a Maildir that the tests read back.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct SmtpServer {
    pub port: u16,
    child: Child,
    dir: tempfile::TempDir,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing listens on (yet).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Whether the SMTP server can run here; when it cannot, tests skip unless
/// `MAJLIS_TEST_REQUIRE_SMTP` is set (as `scripts/test.sh` does).
pub fn available() -> bool {
    let ok = Command::new("/usr/bin/python3")
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok && std::env::var_os("MAJLIS_TEST_REQUIRE_SMTP").is_some() {
        panic!("python3-aiosmtpd is required (scripts/install-test-deps.sh installs it)");
    }
    if !ok {
        eprintln!("skipping: python3-aiosmtpd is not installed");
    }
    ok
}

impl SmtpServer {
    /// Starts a server on `port` and waits until it accepts connections.
    pub async fn start(port: u16) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new("/usr/bin/python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir.path().join("mail"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Self { port, child, dir };
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("the SMTP server did not start");
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    fn files(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = ["new", "cur"]
            .iter()
            .filter_map(|d| std::fs::read_dir(self.dir.path().join("mail").join(d)).ok())
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        v.sort();
        v
    }

    /// Waits until at least `n` messages arrived (or panics after `secs`).
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Vec<u8>> {
        for _ in 0..secs * 10 {
            let files = self.files();
            if files.len() >= n {
                return files.iter().map(|p| std::fs::read(p).unwrap()).collect();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("expected {n} messages, got {}", self.files().len());
    }

    pub fn count(&self) -> usize {
        self.files().len()
    }
}

/// A received message: subject, recipient, its text and its `.ics`.
pub struct Received {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub ics: Option<String>,
    pub ics_type: Option<String>,
}

pub fn parse(raw: &[u8]) -> Received {
    let m = mailparse::parse_mail(raw).expect("a mail");
    let header = |name: &str| {
        m.headers
            .iter()
            .find(|h| h.get_key_ref().eq_ignore_ascii_case(name))
            .map(|h| h.get_value())
            .unwrap_or_default()
    };
    let mut text = String::new();
    let mut ics = None;
    let mut ics_type = None;
    let parts: Vec<&mailparse::ParsedMail> = if m.subparts.is_empty() {
        vec![&m]
    } else {
        m.subparts.iter().collect()
    };
    for p in parts {
        let ct = p.ctype.mimetype.clone();
        if ct == "text/plain" {
            text = p.get_body().unwrap();
        } else if ct == "text/calendar" {
            ics = Some(p.get_body().unwrap());
            ics_type = p
                .headers
                .iter()
                .find(|h| h.get_key_ref().eq_ignore_ascii_case("content-type"))
                .map(|h| h.get_value());
        }
    }
    Received {
        to: header("To"),
        subject: header("Subject"),
        text,
        ics,
        ics_type,
    }
}
