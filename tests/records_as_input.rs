//! Records and golden cases feed back in: `assess --answers` takes their answers, and
//! `assess --from-record` re-prints a record with its recorded result.

mod common;

use common::{repo, smp};
use predicates::prelude::*;
use serde_json::Value;

fn save_record(dir: &std::path::Path, extra: &[&str]) -> std::path::PathBuf {
    let path = dir.join("consult.json");
    smp()
        .args(["assess", "--format", "json", "-a"])
        .arg(repo("examples/anticoagulants-keloid.json"))
        .arg("--save")
        .arg(&path)
        .args(extra)
        .assert()
        .code(0);
    path
}

fn json_of(args: &[&str], file: &std::path::Path) -> (Value, String) {
    let out = smp().args(args).arg(file).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_saved_record_works_as_answers_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let record = save_record(dir.path(), &["--label", "CASE-3"]);
    let (from_record, note) = json_of(&["assess", "--format", "json", "-a"], &record);
    let (from_answers, _) = json_of(
        &["assess", "--format", "json", "-a"],
        &repo("examples/anticoagulants-keloid.json"),
    );
    assert_eq!(from_record["verdict"], from_answers["verdict"]);
    assert_eq!(from_record["risks"], from_answers["risks"]);
    assert!(note.contains("is a saved record"), "{note}");
    assert!(note.contains("label CASE-3"), "{note}");
    assert!(note.contains("its recorded result is ignored"), "{note}");
}

#[test]
fn a_golden_case_works_as_answers_with_a_note() {
    let case = repo("rules/cases/01-baseline-shaved-look.json");
    let (result, note) = json_of(&["assess", "--format", "json", "-a"], &case);
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(&case).unwrap()).unwrap();
    assert_eq!(result["verdict"], expected["expect"]["verdict"]);
    assert_eq!(result["ink"], expected["expect"]["ink"]);
    assert!(note.contains("is a golden case"), "{note}");
}

#[test]
fn a_record_whose_answers_are_invalid_is_still_an_answers_error() {
    let dir = tempfile::tempdir().unwrap();
    let record = save_record(dir.path(), &[]);
    let mut value: Value = serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    value["answers"]["skin_tne"] = "III".into();
    std::fs::write(&record, value.to_string()).unwrap();
    smp()
        .args(["assess", "-a"])
        .arg(&record)
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "unknown question `skin_tne`; did you mean `skin_tone`?",
        ));
}

#[test]
fn from_record_reprints_the_handout_with_its_label_date_and_result() {
    let dir = tempfile::tempdir().unwrap();
    let record = save_record(dir.path(), &["--label", "CASE-0042", "--audience", "consultant"]);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    let out = smp()
        .args(["assess", "--format", "html", "--from-record"])
        .arg(&record)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("Reference <strong>CASE-0042</strong>"));
    let day = &saved["created_at"].as_str().unwrap()[..10];
    assert!(page.contains(&format!("Screened on {day}")));
    assert!(page.contains("Re-printed from the record made"));
    // The recorded audience: the consultant's copy, with its line to sign.
    assert!(page.contains("Consultant's signature"));
    let verdict = saved["result"]["verdict"].as_str().unwrap().to_uppercase();
    assert!(page.contains(&verdict));

    let out = smp()
        .args(["assess", "--format", "markdown", "--from-record"])
        .arg(&record)
        .output()
        .unwrap();
    let notes = String::from_utf8(out.stdout).unwrap();
    assert!(notes.contains("**Reference:** CASE-0042"));
    assert!(notes.contains("## Answers given"));

    // --label gives the re-print another reference.
    let out = smp()
        .args([
            "assess",
            "--format",
            "markdown",
            "--label",
            "CASE-0043",
            "--from-record",
        ])
        .arg(&record)
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("**Reference:** CASE-0043")
    );

    // JSON is the recorded result itself.
    let (json, _) = json_of(&["assess", "--format", "json", "--from-record"], &record);
    assert_eq!(json, saved["result"]);
}

#[test]
fn from_record_refuses_another_rulebook_and_a_result_it_cannot_reproduce() {
    let dir = tempfile::tempdir().unwrap();
    let record = save_record(dir.path(), &[]);
    let rules = common::edited_default_rulebook(dir.path(), |mut doc| {
        if let Some(id) = doc.get_mut("rulebook") {
            id["version"] = "9.9.9".into();
        }
        doc
    });
    smp()
        .args(["assess", "--format", "html", "--rules"])
        .arg(&rules)
        .arg("--from-record")
        .arg(&record)
        .assert()
        .code(4)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "was made with rulebook smp-default {}",
            smp_screen::rulebook::Rulebook::embedded().unwrap().identity.version
        )))
        .stderr(predicate::str::contains("but the rulebook loaded is smp-default 9.9.9"));

    // A record whose result was edited by hand is not re-printed as if it were true: the
    // fields of an honest result too (status, pending rules, the recheck wait).
    let original = std::fs::read_to_string(&record).unwrap();
    for (field, edit, says) in [
        ("status", serde_json::json!("provisional"), "status differs"),
        (
            "pending",
            serde_json::json!([{"rule": "keloid-personal"}]),
            "pending differs",
        ),
        (
            "recheck_after",
            serde_json::json!({"months": 1, "because": []}),
            "recheck_after differs",
        ),
    ] {
        let mut value: Value = serde_json::from_str(&original).unwrap();
        assert!(value["result"].get(field).is_some(), "a record carries {field}");
        assert_ne!(value["result"][field], edit, "the edit of {field} changes it");
        value["result"][field] = edit;
        std::fs::write(&record, value.to_string()).unwrap();
        smp()
            .args(["assess", "--format", "html", "--from-record"])
            .arg(&record)
            .assert()
            .code(3)
            .stdout("")
            .stderr(predicate::str::contains(says));
    }
    let mut value: Value = serde_json::from_str(&original).unwrap();
    value["result"]["verdict"] = "suitable".into();
    std::fs::write(&record, value.to_string()).unwrap();
    smp()
        .args(["assess", "--format", "html", "--from-record"])
        .arg(&record)
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "no longer gives the recorded result (verdict differs)",
        ));
}

#[test]
fn from_record_takes_no_other_answers() {
    let dir = tempfile::tempdir().unwrap();
    let record = save_record(dir.path(), &[]);
    smp()
        .args(["assess", "--set", "age=40", "--from-record"])
        .arg(&record)
        .assert()
        .code(2);
}
