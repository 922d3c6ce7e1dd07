//! `replay` over an archive, and replay's change detection: a result that became
//! provisional, a new worst case, new pending reasons and answers no longer accepted are
//! all changes (the single-record form and the archive alike).

use assert_cmd::Command;
use serde_json::{Value, json};
use std::path::Path;

fn book(with_new_question: bool) -> Value {
    let mut questions = vec![
        json!({"id": "age", "kind": "number", "min": 0, "max": 120, "integer": true, "prompt": "Age?", "help": "Why.", "answer_is": "fact"}),
        json!({"id": "pregnant", "kind": "yes_no", "prompt": "Pregnant?", "help": "Why.", "answer_is": "fact"}),
    ];
    let mut rules = vec![
        json!({"id": "minor", "title": "Under 18", "when": {"question": "age", "lt": 18}, "verdict": "unsuitable"}),
        json!({"id": "pregnancy", "title": "Pregnant", "when": {"question": "pregnant", "equals": true}, "verdict": "unsuitable"}),
    ];
    if with_new_question {
        questions.push(json!({"id": "sarcoidosis", "kind": "yes_no", "prompt": "Sarcoidosis?", "help": "Why.", "answer_is": "fact"}));
        rules.push(json!({"id": "sarcoid", "title": "Sarcoidosis", "when": {"question": "sarcoidosis", "equals": true}, "verdict": "refer"}));
    }
    json!({
        "rulebook": {"id": "mini", "title": "Mini", "version": "1.0.0", "status": "draft",
                     "review_due": "2099-01-01", "disclaimer": "Test."},
        "questions": questions,
        "rules": rules,
    })
}

fn write(path: &Path, v: &Value) {
    std::fs::write(path, serde_json::to_string_pretty(v).unwrap()).unwrap();
}

fn bin() -> Command {
    Command::cargo_bin("smp-screen").unwrap()
}

fn save(rules: &Path, sets: &[&str], to: &Path) {
    let mut cmd = bin();
    cmd.arg("assess").arg("--rules").arg(rules);
    for s in sets {
        cmd.args(["--set", s]);
    }
    cmd.arg("--save").arg(to).assert().success();
}

#[test]
fn a_result_that_became_provisional_is_a_change() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old.json"), tmp.path().join("new.json"));
    write(&old, &book(false));
    write(&new, &book(true));
    let record = tmp.path().join("r.json");
    save(&old, &["age=30", "pregnant=no"], &record);

    // Same rulebook: unchanged, exit 0 even with --exit-code.
    bin()
        .arg("replay")
        .arg(&record)
        .arg("--rules")
        .arg(&old)
        .arg("--exit-code")
        .assert()
        .code(0);

    // A new contraindication question: provisional now, worst case refer.
    let out = bin()
        .arg("replay")
        .arg(&record)
        .args(["--rules"])
        .arg(&new)
        .args(["--exit-code", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["changed"], json!(true));
    assert_eq!(r["status"], json!({"before": "complete", "after": "provisional"}));
    assert_eq!(r["worst_case_verdict"], json!({"before": "suitable", "after": "refer"}));
    assert_eq!(r["verdict"], Value::Null);
}

#[test]
fn an_answer_no_longer_accepted_is_reported_and_is_a_change() {
    let tmp = tempfile::tempdir().unwrap();
    let rules = tmp.path().join("rules.json");
    write(&rules, &book(false));
    let record = tmp.path().join("r.json");
    save(&rules, &["age=40", "pregnant=no"], &record);
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    doc["answers"]["age"] = json!("forty");
    write(&record, &doc);
    let out = bin()
        .arg("replay")
        .arg(&record)
        .arg("--rules")
        .arg(&rules)
        .arg("--exit-code")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Answer no longer accepted"), "{text}");
    assert!(text.contains("Status: complete -> provisional"), "{text}");
}

#[test]
fn an_archive_streams_changed_records_names_unreadable_ones_and_sums_up() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old.json"), tmp.path().join("new.json"));
    write(&old, &book(false));
    write(&new, &book(true));
    let archive = tmp.path().join("archive");
    std::fs::create_dir_all(archive.join("2026/11")).unwrap();
    save(&old, &["age=30", "pregnant=no"], &archive.join("2026/11/complete.json"));
    save(&old, &["age=16"], &archive.join("minor.json"));
    std::fs::write(archive.join("notes.txt"), "not a record, not *.json: skipped").unwrap();
    std::fs::write(archive.join("broken.json"), "{").unwrap();

    // Same rulebook: nothing changed, the broken file named, exit 3.
    let out = bin()
        .arg("replay")
        .arg(&archive)
        .arg("--rules")
        .arg(&old)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("broken.json: cannot be replayed"), "{text}");
    assert!(
        text.contains("Replayed 3 records with mini 1.0.0: 0 changed, 2 unchanged, 1 could not be read."),
        "{text}"
    );

    // The new rulebook: the complete record becomes provisional; the minor's result is
    // already unsuitable, which the new rule cannot change, so it is not listed.
    std::fs::remove_file(archive.join("broken.json")).unwrap();
    let out = bin()
        .arg("replay")
        .arg(&archive)
        .arg("--rules")
        .arg(&new)
        .args(["--exit-code", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary = &lines.last().unwrap()["summary"];
    assert_eq!(summary["records"], json!(2));
    assert_eq!(summary["by_kind"]["status"], json!(1));
    let changed: Vec<&Value> = lines.iter().filter(|l| l.get("record").is_some()).collect();
    assert!(changed[0]["record"].as_str().unwrap().ends_with("complete.json"));
    assert_eq!(changed[0]["changed"], json!(["status", "worst_case", "pending"]));
    assert_eq!(changed.len() as u64, summary["changed"].as_u64().unwrap());

    // Several files name an archive too.
    let out = bin()
        .arg("replay")
        .arg(archive.join("minor.json"))
        .arg(archive.join("2026/11/complete.json"))
        .arg("--rules")
        .arg(&old)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("Replayed 2 records"));
}
