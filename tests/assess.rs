//! `smp-screen assess` end to end: formats, the JSON contract, errors and exit codes,
//! records, and loading another rulebook.

mod common;

use common::{base_answers, repo, smp};
use predicates::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;

fn json_of(args: &[&str]) -> Value {
    let out = smp().args(args).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn json_output_carries_the_documented_contract() {
    let v = json_of(&[
        "assess",
        "--answers",
        repo("examples/shaved-look-suitable.json").to_str().unwrap(),
    ]);
    assert_eq!(v["schema_version"], 1);
    for key in [
        "verdict",
        "ink",
        "risks",
        "advice",
        "fired",
        "possible",
        "unanswered",
        "worst_case",
        "ignored",
        "rulebook",
    ] {
        assert!(v.get(key).is_some(), "missing `{key}`");
    }
    assert_eq!(v["verdict"], "suitable");
    assert_eq!(v["ink"], "permanent");
    assert_eq!(
        v["worst_case"],
        serde_json::json!({"verdict": "suitable", "ink": "permanent"})
    );
    assert_eq!(v["provisional"], false);
    assert_eq!(v["rulebook"]["id"], "smp-default");
    assert_eq!(v["rulebook"]["sha256"].as_str().unwrap().len(), 64);
    let risk = &v["risks"][0];
    for key in ["id", "title", "severity", "text", "because"] {
        assert!(risk.get(key).is_some(), "risk lacks `{key}`");
    }
    for key in ["rule", "rationale", "source", "evidence"] {
        assert!(v["fired"][0].get(key).is_some(), "fired rule lacks `{key}`");
    }
    assert!(v["advice"][0]["because"].is_array());
}

#[test]
fn every_verdict_ink_and_required_risk_comes_from_some_example() {
    let mut verdicts = BTreeSet::new();
    let mut inks = BTreeSet::new();
    let mut risks = BTreeSet::new();
    for entry in std::fs::read_dir(repo("examples")).unwrap() {
        let path = entry.unwrap().path();
        let v = json_of(&["assess", "--answers", path.to_str().unwrap()]);
        verdicts.insert(v["verdict"].as_str().unwrap().to_owned());
        inks.insert(v["ink"].as_str().unwrap().to_owned());
        risks.extend(ids(&v["risks"]));
    }
    for v in ["suitable", "caution", "refer", "unsuitable"] {
        assert!(verdicts.contains(v), "no example gives {v}");
    }
    for i in ["temporary", "permanent", "either", "none"] {
        assert!(inks.contains(i), "no example gives ink {i}");
    }
    for r in [
        "fading",
        "colour_shift",
        "greying_mismatch",
        "sun_mismatch",
        "removal",
        "keloid",
        "scar_uptake",
        "low_contrast",
        "practitioner",
        "evidence",
        "progression",
        "healing",
        "bleeding",
    ] {
        assert!(risks.contains(r), "no example reports risk {r}");
    }
}

#[test]
fn text_report_names_the_verdict_ink_risks_and_disclaimer() {
    smp()
        .args(["assess", "-a"])
        .arg(repo("examples/anticoagulants-keloid.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Verdict: REFER"))
        .stdout(predicate::str::contains("See a physician first"))
        .stdout(predicate::str::contains(
            "Ink, if a physician agrees: fading (\"temporary\") pigment",
        ))
        .stdout(predicate::str::contains("HIGH    Bleeding"))
        .stdout(predicate::str::contains("screening aid, not medical advice"))
        .stdout(predicate::str::contains("\x1b[").not())
        .stdout(predicate::str::contains("[anticoagulants]").not());
}

#[test]
fn consultant_text_adds_rule_ids_rationale_and_sources() {
    smp()
        .args(["assess", "--audience", "consultant", "-a"])
        .arg(repo("examples/anticoagulants-keloid.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains("[anticoagulants] Anticoagulant medication"))
        .stdout(predicate::str::contains("Rules fired"))
        .stdout(predicate::str::contains("Source: Kluger 2015"))
        .stdout(predicate::str::contains("Evidence: clinical literature"));
}

#[test]
fn markdown_report_suits_clinic_notes() {
    smp()
        .args(["assess", "-f", "markdown", "--audience", "consultant", "-a"])
        .arg(repo("examples/strip-scar.json"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# SMP screening: SUITABLE"))
        .stdout(predicate::str::contains("| Severity | Risk | Detail | Rules |"))
        .stdout(predicate::str::contains("| `donor-scar-camouflage` |"));
}

#[test]
fn provisional_results_say_so_and_name_what_could_change_them() {
    let v = json_of(&[
        "assess",
        "--answers",
        repo("examples/partial-answers.json").to_str().unwrap(),
    ]);
    assert_eq!(v["provisional"], true);
    assert_eq!(v["worst_case"]["verdict"], "unsuitable");
    assert!(v["unanswered"].as_array().unwrap().iter().any(|q| q == "health"));
    let possible = v["possible"].as_array().unwrap();
    let chemo = possible.iter().find(|p| p["rule"] == "chemotherapy").unwrap();
    assert_eq!(chemo["decided_by"], serde_json::json!(["health"]));
    smp()
        .args(["assess", "-a"])
        .arg(repo("examples/partial-answers.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Not complete: SUITABLE to UNSUITABLE, depending on",
        ))
        .stdout(predicate::str::contains("What could still change it:"))
        .stdout(predicate::str::contains("See a physician first if your answer about"))
        .stdout(predicate::str::contains("Verdict: SUITABLE").not());
    assert_eq!(v["status"], "provisional");
    assert!(
        v["headline"]
            .as_str()
            .unwrap()
            .starts_with("Not complete: SUITABLE to UNSUITABLE, depending on"),
        "{}",
        v["headline"]
    );
    let pending = v["pending"].as_array().unwrap();
    let chemo = pending.iter().find(|p| p["rule"] == "chemotherapy").unwrap();
    assert_eq!(chemo["decided_by"], serde_json::json!(["health"]));
    assert_eq!(chemo["verdict"], "unsuitable");
    assert_eq!(chemo["would_give"]["verdict"], "unsuitable");
    // Most severe first.
    assert_eq!(pending[0]["would_give"]["verdict"], "unsuitable");
}

#[test]
fn answers_come_from_stdin_and_set_overrides_the_file() {
    let mut answers = base_answers();
    answers["health"] = serde_json::json!(["none"]);
    let out = smp()
        .args([
            "assess",
            "-f",
            "json",
            "-a",
            "-",
            "--set",
            "health=anticoagulants,diabetes",
            "--set",
            "diabetes_control=well_controlled",
        ])
        .write_stdin(answers.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verdict"], "refer");
    assert!(ids(&v["risks"]).contains(&"bleeding".to_owned()));
}

#[test]
fn an_unknown_question_is_named_with_the_nearest_id() {
    let mut answers = base_answers();
    answers["skin_tne"] = "III".into();
    smp()
        .args(["assess", "-a", "-"])
        .write_stdin(answers.to_string())
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "error: unknown question `skin_tne`; did you mean `skin_tone`?",
        ))
        .stderr(predicate::str::contains("1 invalid answer in standard input"));
}

#[test]
fn an_invalid_option_names_the_question_the_value_and_the_valid_options() {
    smp()
        .args(["assess", "--set", "skin_tone=VII"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "`VII` is not an option of `skin_tone` (valid: I, II, III, IV, V, VI, unsure)",
        ));
}

#[test]
fn a_wrong_type_names_the_question_and_the_expected_type() {
    smp()
        .args(["assess", "-a", "-"])
        .write_stdin(r#"{"age": "old", "goals": "shaved_look,density", "keloid_history": "no"}"#)
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "`age` expects a whole number of years from 0 to 120, found the text \"old\"",
        ))
        .stderr(predicate::str::contains("`goals` expects a list of options"))
        .stderr(predicate::str::contains(
            "`keloid_history` expects yes or no (true or false), found the text \"no\"",
        ))
        .stderr(predicate::str::contains("3 invalid answers"));
}

#[test]
fn out_of_range_and_contradictory_answers_are_rejected() {
    smp()
        .args(["assess", "--set", "age=121"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("found 121"));
    smp()
        .args(["assess", "--set", "age=30.5"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("whole number"));
    smp()
        .args(["assess", "--set", "age=NaN"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("`age` expects"));
    smp()
        .args(["assess", "--set", "scars=none,burn"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "`scars`: `none` cannot be combined with other options",
        ));
    smp()
        .args(["assess", "-a", "-"])
        .write_stdin(r#"{"age": 30, "age": 31}"#)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("`age` is answered more than once"));
}

#[test]
fn malformed_answers_json_gives_the_position() {
    smp()
        .args(["assess", "-a", "-"])
        .write_stdin("{\"age\": 40,\n \"skin_tone\": ")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("answers are not valid JSON").and(predicate::str::contains("line 2")));
    smp()
        .args(["assess", "-a", "-"])
        .write_stdin("[1, 2]")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("must be a JSON object"));
}

#[test]
fn strict_mode_requires_every_applicable_answer() {
    smp()
        .args(["assess", "--strict", "--set", "age=40", "--set", "scars=none"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("`skin_tone` is not answered"))
        .stderr(predicate::str::contains("`scar_age`").not());
    smp()
        .args(["assess", "--strict", "-a"])
        .arg(repo("examples/shaved-look-suitable.json"))
        .assert()
        .success();
}

#[test]
fn usage_errors_exit_2_and_unreadable_files_exit_5() {
    smp()
        .arg("assess")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--answers"));
    smp()
        .args(["assess", "--format", "pdf", "--set", "age=3"])
        .assert()
        .code(2);
    smp()
        .args(["assess", "-a", "/nonexistent/answers.json"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "cannot read answers file /nonexistent/answers.json",
        ));
}

#[test]
fn save_writes_a_complete_record_atomically_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("consult.json");
    let example = repo("examples/strip-scar.json");
    smp()
        .args(["assess", "-a"])
        .arg(&example)
        .arg("--save")
        .arg(&record)
        .assert()
        .success();
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(saved["kind"], "smp-screen-record");
    assert_eq!(saved["rulebook"]["id"], "smp-default");
    assert_eq!(saved["answers"]["scars"], serde_json::json!(["fut_strip"]));
    assert_eq!(saved["result"]["verdict"], "suitable");
    assert!(saved["created_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(saved["tool"]["name"], "smp-screen");
    assert!(saved.get("label").is_none(), "no identifying data unless asked for");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&record).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "records are owner-only");
    }

    let before = std::fs::read(&record).unwrap();
    smp()
        .args(["assess", "--set", "age=40", "--save"])
        .arg(&record)
        .assert()
        .code(5)
        .stderr(predicate::str::contains("already exists; pass --force"));
    assert_eq!(
        std::fs::read(&record).unwrap(),
        before,
        "the existing record is untouched"
    );

    smp()
        .args(["assess", "--set", "age=40", "--force", "--save"])
        .arg(&record)
        .assert()
        .success();
    let replaced: Value = serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(replaced["answers"], serde_json::json!({"age": 40}));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary files are left behind: {names:?}");
}

#[test]
fn invalid_answers_leave_no_record() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("r.json");
    smp()
        .args(["assess", "--set", "age=old", "--save"])
        .arg(&record)
        .assert()
        .code(3);
    assert!(!record.exists());
}

#[test]
fn another_rulebook_loads_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mini.json");
    std::fs::write(
        &path,
        common::rulebook_text(
            r#""questions": [{"id": "ok", "kind": "yes_no", "answer_is": "fact", "prompt": "OK?", "help": "h"}],
               "risks": [{"id": "r", "title": "Mini risk", "severity": "low", "text": "t"}],
               "rules": [{"id": "not-ok", "title": "Not OK", "when": {"question": "ok", "equals": false}, "verdict": "refer", "risks": ["r"]}]"#,
        ),
    )
    .unwrap();
    let out = smp()
        .args(["assess", "-f", "json", "--set", "ok=no", "--rules"])
        .arg(&path)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verdict"], "refer");
    assert_eq!(v["rulebook"]["id"], "test");
    let file_hash = {
        use sha2::Digest;
        sha2::Sha256::digest(std::fs::read(&path).unwrap())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    assert_eq!(
        v["rulebook"]["sha256"], file_hash,
        "a single file's hash is its own SHA-256"
    );
}

#[test]
fn the_rules_folder_and_the_embedded_copy_are_the_same_rulebook() {
    let embedded = json_of(&["assess", "--set", "age=40"]);
    let folder = json_of(&["assess", "--set", "age=40", "--rules", repo("rules").to_str().unwrap()]);
    assert_eq!(embedded["rulebook"], folder["rulebook"]);
}

#[test]
fn a_broken_rulebook_fails_with_file_line_and_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "truncated.json",
            "{\"rulebook\": {\"id\": \"x\",\n  \"title\": \"t\"",
            "truncated.json:1:1",
            "EOF while parsing",
        ),
        (
            "unknown-field.json",
            &common::rulebook_text("\"questons\": []"),
            "unknown-field.json:3:1",
            "unknown field `questons`",
        ),
        (
            "dangling.json",
            &common::rulebook_text(
                "\"risks\": [{\"id\": \"r\", \"title\": \"R\", \"severity\": \"low\", \"text\": \"t\"}],\n\"rules\": [{\"id\": \"x\", \"title\": \"X\", \"when\": {\"always\": true}, \"risks\": [\"rr\"]}]",
            ),
            "dangling.json:4:73",
            "unknown risk `rr`",
        ),
    ];
    for (name, text, location, message) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        smp()
            .args(["assess", "--set", "x=1", "--rules"])
            .arg(&path)
            .assert()
            .code(4)
            .stderr(predicate::str::contains(location))
            .stderr(predicate::str::contains(message));
    }
    smp()
        .args(["assess", "--set", "x=1", "--rules", "/nonexistent/rules"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("cannot read rulebook /nonexistent/rules"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `head -c1` closes the pipe early; the shell reports smp-screen's own status.
    let script = format!(
        "'{}' assess --audience consultant -a '{}' | head -c1 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
        assert_cmd::cargo::cargo_bin("smp-screen").display(),
        repo("examples/anticoagulants-keloid.json").display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "0",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
