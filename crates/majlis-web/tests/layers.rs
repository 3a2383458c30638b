//! The layers stay apart: only the page adapters (`html/`, and the public
//! site's `public/`) and the composition root (`lib.rs`) know the pages,
//! and no request reads the store as the system.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn all() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 20, "the sources were found");
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn nothing_outside_the_pages_imports_them() {
    let offenders: Vec<String> = all()
        .into_iter()
        .filter(|(rel, _)| {
            !rel.starts_with("html/") && !rel.starts_with("public/") && rel != "lib.rs"
        })
        .filter(|(_, text)| text.contains("crate::html") || text.contains("super::html"))
        .map(|(rel, _)| rel)
        .collect();
    assert!(offenders.is_empty(), "import from html/: {offenders:?}");
}

#[test]
fn requests_read_as_their_viewer_never_as_the_system() {
    let offenders: Vec<String> = all()
        .into_iter()
        .filter(|(rel, _)| {
            rel.starts_with("html/")
                || rel.starts_with("public/")
                || rel.starts_with("api/")
                || rel == "documents.rs"
        })
        .filter(|(_, text)| text.contains("Viewer::System"))
        .map(|(rel, _)| rel)
        .collect();
    assert!(
        offenders.is_empty(),
        "system reads in request handlers: {offenders:?}"
    );
}
