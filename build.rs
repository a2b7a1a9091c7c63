//! Build script: records the commit polltally is built from (shown by
//! `polltally --version`), and gives the Windows executable its icon and
//! version information.
//!
//! The commit is read with `git rev-parse` when the crate is the top of a
//! git checkout; otherwise (a source tarball) from `POLLTALLY_COMMIT`, and
//! failing that it is `unknown`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    println!("cargo:rerun-if-env-changed=POLLTALLY_COMMIT");
    println!("cargo:rerun-if-changed=build.rs");
    let commit = git_commit(&manifest_dir)
        .or_else(|| {
            std::env::var("POLLTALLY_COMMIT")
                .ok()
                .filter(|c| !c.trim().is_empty())
        })
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=POLLTALLY_COMMIT={}", commit.trim());

    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

/// The output of `git args...` run in `dir`, trimmed, if git ran and succeeded.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

/// The commit of HEAD, when `dir` is the top of a git work tree (and not,
/// say, a tarball unpacked inside someone else's repository).
fn git_commit(dir: &Path) -> Option<String> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?);
    let same = match (top.canonicalize(), dir.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if !same {
        return None;
    }
    let commit = git(dir, &["rev-parse", "--short=12", "HEAD"])?;
    // Build again when HEAD moves: HEAD itself (a checkout), the branch it
    // names (a commit), packed refs, and HEAD's log (written at every commit
    // and checkout). A branch whose ref is packed has no file of its own
    // until its next commit writes one, so the folder it will appear in is
    // watched too.
    let mut watched = vec![
        git(dir, &["rev-parse", "--git-path", "HEAD"]),
        git(dir, &["rev-parse", "--git-path", "logs/HEAD"]),
        git(dir, &["rev-parse", "--git-path", "packed-refs"]),
    ];
    if let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
        let file = git(dir, &["rev-parse", "--git-path", &branch]);
        let folder = file
            .as_deref()
            .and_then(|f| Path::new(f).parent())
            .map(|p| p.display().to_string());
        watched.push(file);
        watched.push(folder);
    }
    for path in watched.into_iter().flatten() {
        let path = dir.join(path);
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    Some(commit)
}

/// The icon and version information of `polltally.exe`.
fn windows_resources() {
    println!("cargo:rerun-if-changed=assets/icon/polltally.ico");
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icon/polltally.ico")
        .set("ProductName", "polltally")
        .set(
            "FileDescription",
            "polltally: ballot counting for polling stations",
        )
        .set("CompanyName", "polltally")
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set("OriginalFilename", "polltally.exe");
    if let Err(err) = res.compile() {
        // A Windows build without its icon and version is not one to ship.
        eprintln!(
            "the Windows icon and version information could not be compiled \
             (x86_64-w64-mingw32-windres, from mingw-w64): {err}"
        );
        std::process::exit(1);
    }
}
