//! Records that are never lost or half-written, hold nothing identifying unless labelled,
//! and can be replayed against a newer rulebook.

mod common;

use common::{repo, smp};
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn save(dir: &Path, name: &str, extra: &[&str]) -> std::process::Output {
    smp()
        .current_dir(dir)
        .args(["assess", "-a"])
        .arg(repo("examples/young-progressing.json"))
        .args(["--save", name])
        .args(extra)
        .output()
        .unwrap()
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_label_is_the_only_free_text_a_record_holds() {
    let dir = tempfile::tempdir().unwrap();
    assert!(save(dir.path(), "r.json", &["--label", "case 42"]).status.success());
    let record: Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(record["label"], "case 42");
    let keys: Vec<&str> = record.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "answers",
            "created_at",
            "kind",
            "label",
            "language",
            "record_version",
            "result",
            "rulebook",
            "tool"
        ]
    );
    // A label needs no record (it heads the handout), and cannot smuggle in line breaks
    // or escapes.
    smp()
        .args(["assess", "--set", "age=40", "--label", "x"])
        .assert()
        .code(0);
    let out = save(dir.path(), "s.json", &["--label", "two\nlines"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("control characters"));
    let out = save(dir.path(), "s.json", &["--label", &"x".repeat(201)]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(files(dir.path()), ["r.json"]);
}

#[test]
fn a_failure_while_writing_leaves_no_file_at_all() {
    for step in ["write", "before-rename"] {
        let dir = tempfile::tempdir().unwrap();
        let out = smp()
            .current_dir(dir.path())
            .env("SMP_SCREEN_TEST_FAULT", step)
            .args(["assess", "-a"])
            .arg(repo("examples/strip-scar.json"))
            .args(["--save", "r.json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(5), "{step}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("injected failure"),
            "{step}"
        );
        assert_eq!(
            files(dir.path()),
            Vec::<String>::new(),
            "{step}: nothing is left behind"
        );
    }
}

#[test]
fn a_process_killed_before_the_rename_never_leaves_a_partial_record() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.json"), "the earlier record\n").unwrap();
    let out = smp()
        .current_dir(dir.path())
        .env("SMP_SCREEN_TEST_FAULT", "abort-before-rename")
        .args(["assess", "-a"])
        .arg(repo("examples/strip-scar.json"))
        .args(["--save", "r.json", "--force"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "the process was killed");
    // The record is either the old one or the new one in full, never a mixture; what a
    // kill can leave is the hidden temporary file, which is never taken for a record.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("r.json")).unwrap(),
        "the earlier record\n"
    );
    for name in files(dir.path()) {
        assert!(
            name == "r.json" || (name.starts_with(".smp-screen-") && name.ends_with(".tmp")),
            "{name}"
        );
    }
}

#[test]
fn replay_with_the_same_rulebook_says_nothing_changed() {
    let dir = tempfile::tempdir().unwrap();
    assert!(save(dir.path(), "r.json", &["--label", "case 7"]).status.success());
    smp()
        .current_dir(dir.path())
        .args(["replay", "r.json", "--exit-code"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("labelled \"case 7\""))
        .stdout(predicate::str::contains("Rulebook: the same as recorded, smp-default"))
        .stdout(predicate::str::contains("Result unchanged: CAUTION"));
}

/// The default rulebook with progressing loss raised to `refer` and the `sex` question
/// renamed, as a later edition might.
fn edited_rulebook(dir: &Path) -> std::path::PathBuf {
    common::edited_default_rulebook(dir, |doc| {
        let text = doc
            .to_string()
            .replace(r#""id":"sex""#, r#""id":"sex_at_birth""#)
            .replace(r#""question":"sex""#, r#""question":"sex_at_birth""#);
        let mut doc: Value = serde_json::from_str(&text).unwrap();
        for rule in doc.get_mut("rules").and_then(Value::as_array_mut).into_iter().flatten() {
            if rule["id"] == "progressing-loss" {
                rule["verdict"] = "refer".into();
                rule["advice"] = serde_json::json!(["see_physician"]);
            }
        }
        doc
    })
}

#[test]
fn replay_with_an_edited_rulebook_shows_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    assert!(save(dir.path(), "r.json", &[]).status.success());
    let rules = edited_rulebook(dir.path());
    let out = smp()
        .current_dir(dir.path())
        .args(["replay", "r.json", "--exit-code", "--color", "never", "--rules"])
        .arg(&rules)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9));
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "The rulebook has changed.",
        "Recorded with smp-default 2.0.0",
        "edited without a new version number",
        "Answer no longer accepted, now unanswered: unknown question `sex`",
        "Verdict: caution -> refer",
        "Ink: temporary (unchanged)",
        "Advice added: see_physician (See a physician first)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // The same in JSON, with the new result in full.
    let out = smp()
        .current_dir(dir.path())
        .args(["replay", "r.json", "-f", "json", "--rules"])
        .arg(&rules)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "without --exit-code a change is not a failure"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["same_rulebook"], false);
    assert_eq!(v["changed"], true);
    assert_eq!(v["verdict"], serde_json::json!({"before": "caution", "after": "refer"}));
    assert_eq!(v["advice_added"], serde_json::json!(["see_physician"]));
    assert_eq!(v["result"]["verdict"], "refer");
    assert_ne!(v["recorded_rulebook"]["sha256"], v["current_rulebook"]["sha256"]);
}

#[test]
fn replay_refuses_what_is_not_a_record() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("answers.json"), r#"{"age": 40}"#).unwrap();
    std::fs::write(dir.path().join("other.json"), r#"{"kind": "invoice"}"#).unwrap();
    for (file, message) in [
        ("answers.json", "not a smp-screen record: missing field `kind`"),
        ("other.json", "`kind` is \"invoice\""),
        ("missing.json", "cannot read record"),
    ] {
        let out = smp().current_dir(dir.path()).args(["replay", file]).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(message), "{file}: {err}");
        assert_eq!(
            out.status.code(),
            Some(if file == "missing.json" { 5 } else { 3 }),
            "{file}"
        );
    }
}

#[test]
fn a_doctored_record_is_replayed_without_panic_or_escape_codes() {
    let dir = tempfile::tempdir().unwrap();
    assert!(save(dir.path(), "r.json", &[]).status.success());
    let path = dir.path().join("r.json");
    let mut record: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    record["label"] = "\u{1b}]0;pwned\u{7}".into();
    record["rulebook"]["sha256"] = "aéééééééééééééééé".into();
    record["answers"]["hair_colour"] = "\u{1b}[2J".into();
    record["result"]["risks"] = serde_json::json!([{"id": "\u{1b}[31mfake", "title": "\u{9b}x"}]);
    std::fs::write(&path, record.to_string()).unwrap();
    let out = smp()
        .current_dir(dir.path())
        .args(["replay", "r.json", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}') && !text.contains('\u{9b}'), "{text}");
    assert!(text.contains("Risks removed: \\u{1b}[31mfake"), "{text}");
    assert!(text.contains("now unanswered: `\\u{1b}[2J` is not an option"), "{text}");
}
