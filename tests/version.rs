//! `polltally --version` names the version and the commit the binary was
//! built from, in both languages of the command line.

mod common;

use common::run_with_input;
use std::path::Path;
use std::process::Command;

/// The commit of this checkout, as build.rs reads it; None outside git.
fn checkout_commit() -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[test]
fn version_names_the_version_and_the_commit() {
    let run = run_with_input(&["--version"], "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run.stdout.trim_end();
    let prefix = format!("polltally {} (commit ", env!("CARGO_PKG_VERSION"));
    let commit = line
        .strip_prefix(&prefix)
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("{line:?} is not `{prefix}<commit>)`"));
    match checkout_commit() {
        Some(expected) => assert_eq!(commit, expected),
        None => assert!(!commit.is_empty()),
    }
}

#[test]
fn version_in_khmer_names_the_commit_too() {
    let english = run_with_input(&["--version"], "");
    let khmer = run_with_input(&["--lang", "km", "--version"], "");
    assert_eq!(khmer.code, 0, "{}", khmer.stderr);
    assert_eq!(khmer.stdout, english.stdout);
}
