//! Hostile files and folders: a rulebook or a cases folder loads whole or not at all,
//! nothing that is not a regular file is read or replaced, and the same file is never
//! written twice by one command.

mod common;

use common::{repo, smp};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A copy of the default rulebook's `*.json` files in `dir/rules`.
fn rules_copy(dir: &Path) -> PathBuf {
    common::edited_default_rulebook(dir, |doc| doc)
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Assess with a pregnant person on anticoagulants: never suitable.
fn assess_pregnant(rules: &Path) -> std::process::Output {
    smp()
        .args([
            "assess",
            "-f",
            "json",
            "--set",
            "health=pregnant,anticoagulants",
            "--set",
            "age=30",
            "--rules",
        ])
        .arg(rules)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_symlinked_rulebook_file_is_followed_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules_copy(dir.path());
    let safety = rules.join("30-safety.json");
    let real = dir.path().join("30-safety.real");
    std::fs::rename(&safety, &real).unwrap();
    std::os::unix::fs::symlink(&real, &safety).unwrap();

    let linked = smp().args(["rules", "check"]).arg(&rules).output().unwrap();
    let plain = smp().args(["rules", "check"]).arg(repo("rules")).output().unwrap();
    assert_eq!(linked.status.code(), plain.status.code(), "{}", stdout(&linked));
    let rule_count = |o: &std::process::Output| {
        let s = stdout(o);
        s.lines().last().unwrap_or("").split(", ").nth(1).map(str::to_owned)
    };
    assert_eq!(rule_count(&linked), rule_count(&plain), "{}", stdout(&linked));
    assert!(
        stdout(&linked).contains("30-safety.json through a symbolic link"),
        "{}",
        stdout(&linked)
    );
    let out = assess_pregnant(&rules);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_ne!(v["verdict"], "suitable", "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn a_json_entry_that_is_not_a_regular_file_fails_the_whole_rulebook() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules_copy(dir.path());
    let fifo = rules.join("31-fifo.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = assess_pregnant(&rules);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("31-fifo.json") && stderr(&out).contains("FIFO"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_file(&fifo).unwrap();

    std::fs::create_dir(rules.join("32-folder.json")).unwrap();
    let out = smp()
        .args(["rules", "check"])
        .arg(&rules)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("32-folder.json") && stderr(&out).contains("folder"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir(rules.join("32-folder.json")).unwrap();

    std::os::unix::fs::symlink(dir.path().join("nowhere"), rules.join("33-dangling.json")).unwrap();
    let out = assess_pregnant(&rules);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("33-dangling.json") && stderr(&out).contains("link"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_file(rules.join("33-dangling.json")).unwrap();

    std::os::unix::fs::symlink("/dev/null", rules.join("34-device.json")).unwrap();
    let out = assess_pregnant(&rules);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("34-device.json") && stderr(&out).contains("device"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_rulebook_folder_is_bounded_in_total() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules_copy(dir.path());
    // Sparse files each under the per-file limit, together over the folder's.
    for i in 0..3 {
        let f = std::fs::File::create(rules.join(format!("9{i}-big.json"))).unwrap();
        f.set_len(30 << 20).unwrap();
    }
    let out = smp().args(["rules", "check"]).arg(&rules).output().unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("64 MiB in total"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn rules_test_fails_at_once_on_a_fifo_among_the_cases() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules_copy(dir.path());
    let cases = rules.join("cases");
    std::fs::create_dir(&cases).unwrap();
    for entry in std::fs::read_dir(repo("rules/cases")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, cases.join(p.file_name().unwrap())).unwrap();
    }
    assert!(
        std::process::Command::new("mkfifo")
            .arg(cases.join("zz-fifo.json"))
            .status()
            .unwrap()
            .success()
    );
    let out = smp()
        .args(["rules", "test"])
        .arg(&rules)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}{}", stdout(&out), stderr(&out));
    assert!(
        stderr(&out).contains("zz-fifo.json") && stderr(&out).contains("FIFO"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn force_never_replaces_a_fifo_or_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.jsonl");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = smp()
        .args(["batch", "-", "--force", "-o"])
        .arg(&fifo)
        .write_stdin("{\"age\": 30}\n")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(stderr(&out).contains("not a regular file"), "{}", stderr(&out));
    let meta = std::fs::symlink_metadata(&fifo).unwrap();
    assert!(!meta.is_file(), "the FIFO was replaced by a file");

    let link = dir.path().join("null.json");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let out = smp()
        .args(["assess", "--set", "age=30", "--force", "--save"])
        .arg(&link)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
}

#[test]
fn the_same_file_for_record_and_handout_is_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.out");
    let other = dir.path().join(".").join("x.out");
    for force in [false, true] {
        let mut cmd = smp();
        cmd.args(["assess", "--set", "age=30", "--save"])
            .arg(&path)
            .arg("--save-html")
            .arg(&other);
        if force {
            cmd.arg("--force");
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("the same file"), "{}", stderr(&out));
        assert!(!path.exists(), "something was written");
    }
}
