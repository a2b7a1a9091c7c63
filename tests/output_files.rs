//! Output files through the real binary: an existing file is replaced only
//! with `--force`, and never a count record, one of the command's inputs or
//! something that is not a regular file; a leftover temporary file that is
//! a link is not followed; a write that fails leaves nothing behind.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::path::{Path, PathBuf};

/// A sealed count of the small station at `dir/count.polltally`, started
/// from a copy of its station file in `dir` (so that a test that names the
/// station file as an output can never touch the fixture).
fn sealed(dir: &Path) -> (PathBuf, PathBuf) {
    let station = dir.join("station.json");
    std::fs::copy(fixture("station-small.json"), &station).unwrap();
    let record = dir.join("count.polltally");
    sealed_count(&station, &record, &["1", "2", "1", "3", "I2"]);
    (station, record)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// The names in `dir` that end in `.part`: temporary files left behind.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".part"))
        .collect()
}

/// `args` with `--force` added when `force`.
fn with_force<'a>(args: &[&'a str], force: bool) -> Vec<&'a str> {
    let mut args = args.to_vec();
    if force {
        args.push("--force");
    }
    args
}

#[test]
fn export_out_naming_its_record_is_refused_even_with_force_and_the_record_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (_, record) = sealed(dir.path());
    let rec = s(&record);
    let before = read(&record);
    let head = ok(&["verify", "--record", rec]).stdout;
    for force in [false, true] {
        let r = run(&with_force(
            &["export", "--record", rec, "--out", rec],
            force,
        ));
        assert_eq!(r.code, 2, "--force {force}: {}{}", r.stdout, r.stderr);
        assert!(
            r.stderr.contains("--out") && r.stderr.contains(rec),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("count record"), "{}", r.stderr);
        assert_eq!(read(&record), before, "the record is unchanged");
        assert!(leftovers(dir.path()).is_empty());
    }
    assert_eq!(ok(&["verify", "--record", rec]).stdout, head);

    // Any count record, not only the command's own: another one, a link to
    // one, or one named by another path.
    let other = dir.path().join("other.polltally");
    new_small(&other);
    let other_before = read(&other);
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&other, &link).unwrap();
    let roundabout = dir.path().join(".").join("count.polltally");
    for (flag, target) in [("--out", &other), ("--out", &link), ("--out", &roundabout)] {
        for command in ["export", "pdf"] {
            let r = run(&[command, "--record", rec, flag, s(target), "--force"]);
            assert_eq!(r.code, 2, "{command} {target:?}: {}", r.stderr);
            assert!(r.stderr.contains("count record"), "{}", r.stderr);
        }
    }
    assert_eq!(read(&other), other_before);
    assert_eq!(read(&record), before);
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
}

#[test]
fn an_existing_out_is_refused_without_force_and_replaced_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_, record) = sealed(dir.path());
    let rec = s(&record);
    let results = export(&record);
    let recount = dir.path().join("recount.polltally");
    assert_eq!(common::recount(&record, &recount, "PEC", "review").code, 0);
    ok(&[
        "rule",
        "--record",
        s(&recount),
        "--ballot",
        "5",
        "--invalid",
        "I2",
    ]);
    seal_by_chief(s(&recount));

    let old = dir.path().join("old.txt");
    let old_s = s(&old).to_string();
    let res = s(&results).to_string();
    let writers: Vec<(&str, Vec<String>)> = vec![
        (
            "--out",
            vec![
                "export".into(),
                "--record".into(),
                rec.into(),
                "--out".into(),
                old_s.clone(),
            ],
        ),
        (
            "--out",
            vec![
                "pdf".into(),
                "--record".into(),
                rec.into(),
                "--out".into(),
                old_s.clone(),
            ],
        ),
        (
            "--out",
            vec![
                "tabulate".into(),
                "--out".into(),
                old_s.clone(),
                res.clone(),
            ],
        ),
        (
            "--pdf",
            vec![
                "tabulate".into(),
                "--out".into(),
                s(&dir.path().join("commune.json")).into(),
                "--pdf".into(),
                old_s.clone(),
                res.clone(),
            ],
        ),
        (
            "--out",
            vec![
                "compare".into(),
                "--original".into(),
                rec.into(),
                "--recount".into(),
                s(&recount).into(),
                "--out".into(),
                old_s.clone(),
            ],
        ),
        (
            "--pdf",
            vec![
                "compare".into(),
                "--original".into(),
                rec.into(),
                "--recount".into(),
                s(&recount).into(),
                "--pdf".into(),
                old_s.clone(),
            ],
        ),
    ];
    for (flag, args) in &writers {
        let _ = std::fs::remove_file(dir.path().join("commune.json"));
        std::fs::write(&old, "the commission's own notes").unwrap();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}{}", r.stdout, r.stderr);
        assert!(
            r.stderr.contains(flag) && r.stderr.contains(&old_s) && r.stderr.contains("--force"),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(read(&old), b"the commission's own notes", "{args:?}");
        // Nothing else was written either.
        assert!(!dir.path().join("commune.json").exists(), "{args:?}");

        let r = run(&with_force(&args, true));
        assert_eq!(r.code, 0, "{args:?} --force: {}", r.stderr);
        assert_ne!(
            read(&old),
            b"the commission's own notes",
            "{args:?} --force"
        );
        assert!(leftovers(dir.path()).is_empty(), "{args:?}");
    }
}

#[test]
fn a_symlinked_leftover_part_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let (_, record) = sealed(dir.path());
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "not to be touched").unwrap();
    for (command, name) in [("export", "results.json"), ("pdf", "form.pdf")] {
        let out = dir.path().join(name);
        let part = dir.path().join(format!("{name}.part"));
        std::os::unix::fs::symlink(&victim, &part).unwrap();
        ok(&[command, "--record", s(&record), "--out", s(&out)]);
        let victim_now = String::from_utf8_lossy(&read(&victim)).into_owned();
        assert_eq!(victim_now, "not to be touched", "{command}");
        let meta = std::fs::symlink_metadata(&out).unwrap();
        assert!(meta.is_file(), "{command}: the output is a file of its own");
        assert!(std::fs::symlink_metadata(&part).unwrap().is_symlink());
    }
    ok(&["verify", "--results", s(&dir.path().join("results.json"))]);
}

#[test]
fn an_out_that_is_not_a_regular_file_is_refused_even_with_force() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let (_, record) = sealed(dir.path());
    // A named pipe stands for a device such as /dev/null, which a test
    // cannot safely offer as a target.
    let pipe = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("inside.txt"), "kept").unwrap();
    let link = dir.path().join("link-to-folder");
    std::os::unix::fs::symlink(&folder, &link).unwrap();
    for target in [&pipe, &folder, &link] {
        for force in [false, true] {
            for command in ["export", "pdf"] {
                let args = [command, "--record", s(&record), "--out", s(target)];
                let r = run(&with_force(&args, force));
                assert_eq!(r.code, 2, "{args:?} {force}: {}", r.stderr);
                assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
                assert!(r.stderr.contains("--out") && r.stderr.contains(s(target)));
            }
        }
    }
    assert!(std::fs::metadata(&pipe).unwrap().file_type().is_fifo());
    assert!(std::fs::symlink_metadata(&folder).unwrap().is_dir());
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(read(&folder.join("inside.txt")), b"kept");
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn tabulate_out_naming_one_of_its_inputs_is_refused_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let (station, record) = sealed(dir.path());
    let results = export(&record);
    let doc: serde_json::Value = serde_json::from_slice(&read(&results)).unwrap();
    let code = polltally::domain::short_code::short_code(&polltally::domain::hash::Hash256::of(
        &read(&results),
    ));
    assert!(doc.is_object());
    let codes = dir.path().join("codes.txt");
    std::fs::write(&codes, format!("0101-01-0001 {code}\n")).unwrap();
    let issued = dir.path().join("issued");
    std::fs::create_dir(&issued).unwrap();
    let in_folder = issued.join("0101-01-0001.json");
    std::fs::copy(&station, &in_folder).unwrap();

    let base = |out: &Path, pdf: Option<&Path>, stations: &Path, input: &Path| -> Vec<String> {
        let mut args: Vec<String> = vec!["tabulate".into(), "--out".into(), s(out).into()];
        if let Some(pdf) = pdf {
            args.extend(["--pdf".into(), s(pdf).into()]);
        }
        args.extend([
            "--stations".into(),
            s(stations).into(),
            "--codes".into(),
            s(&codes).into(),
            s(input).into(),
            "--force".into(),
        ]);
        args
    };
    let commune = dir.path().join("commune.json");
    // Each input named as --out or --pdf.
    let cases: Vec<(&str, Vec<String>, &Path)> = vec![
        ("--out", base(&results, None, &station, &results), &results),
        (
            "--pdf",
            base(&commune, Some(&results), &station, &results),
            &results,
        ),
        ("--out", base(&station, None, &station, &results), &station),
        ("--out", base(&codes, None, &station, &results), &codes),
        (
            "--out",
            base(&in_folder, None, &issued, &results),
            &in_folder,
        ),
        (
            "--pdf",
            base(&commune, Some(&record), &station, &record),
            &record,
        ),
    ];
    let before: Vec<Vec<u8>> = [&results, &station, &codes, &in_folder, &record]
        .iter()
        .map(|p| read(p))
        .collect();
    for (flag, args, input) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}{}", r.stdout, r.stderr);
        assert!(
            r.stderr.contains(flag) && r.stderr.contains(s(input)),
            "{args:?}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains("reads") || r.stderr.contains("count record"),
            "{}",
            r.stderr
        );
        assert!(!commune.exists(), "nothing written: {args:?}");
    }
    let after: Vec<Vec<u8>> = [&results, &station, &codes, &in_folder, &record]
        .iter()
        .map(|p| read(p))
        .collect();
    assert_eq!(before, after);
    // The same inputs tabulate into a new file.
    ok(&[
        "tabulate",
        "--out",
        s(&commune),
        "--stations",
        s(&issued),
        "--codes",
        s(&codes),
        s(&results),
    ]);
    assert!(leftovers(dir.path()).is_empty());

    // --out and --pdf naming the same file: refused before anything is written.
    let same = dir.path().join("same.out");
    let r = run(&[
        "tabulate",
        "--out",
        s(&same),
        "--pdf",
        s(&same),
        s(&results),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(!same.exists());
}

#[test]
fn a_write_that_fails_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let (_, record) = sealed(dir.path());
    let results = export(&record);
    let out = dir.path().join("commune.json");
    let pdf = dir.path().join("commune.pdf");
    // A full disk, as the file size limit makes it: writes past 64 KiB
    // fail (EFBIG; the signal that would kill the process is ignored, and
    // an ignored signal stays ignored across exec). The commune file is
    // small and would fit; its PDF does not.
    let script = format!(
        "trap '' XFSZ; ulimit -f 128; exec '{}' tabulate --out '{}' --pdf '{}' '{}'",
        BIN,
        s(&out),
        s(&pdf),
        s(&results)
    );
    let r: Run = std::process::Command::new("sh")
        .args(["-c", &script])
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("cannot write"), "{}", r.stderr);
    assert!(!out.exists(), "the commune file is not left half of a pair");
    assert!(!pdf.exists());
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
    // Without the limit, the same command writes both.
    ok(&["tabulate", "--out", s(&out), "--pdf", s(&pdf), s(&results)]);
    assert!(out.exists() && pdf.exists());

    // A folder the user may not write to. Root ignores file modes, so when
    // the tests run as root this part proves nothing and is skipped.
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !root {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        let r = run(&[
            "pdf",
            "--record",
            s(&record),
            "--out",
            s(&locked.join("form.pdf")),
        ]);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(std::fs::read_dir(&locked).unwrap().count(), 0);
    }
}
