//! Snapshot tests of whole reports: text, Markdown, HTML and JSON of golden cases in both
//! voices, so that a change of layout shows as a diff instead of passing a `contains`.
//!
//! The clock is fixed (`SMP_SCREEN_NOW`, `TZ`) and so are the width and colour, so the
//! output is the same on every machine and day. After an intended change of a format,
//! re-accept every snapshot with one command and review the diff before committing:
//!
//! ```sh
//! INSTA_UPDATE=always cargo test --test snapshots     # or: cargo insta test --accept
//! git diff tests/snapshots/
//! ```
//!
//! Under `CI=true` insta writes nothing and a mismatch fails.

mod common;

use common::repo;
use std::io::Write as _;

/// The golden cases snapshotted: at least six, spread over the verdicts and inks (an
/// incomplete answer set is pinned by its own test below).
const CASES: [&str; 7] = [
    "01-baseline-shaved-look",
    "07-course-of-loss-unknown",
    "15-fresh-strip-scar",
    "28-keloid-history",
    "45-pregnant",
    "66-red-hair-outdoor-worker",
    "86-several-referral-reasons",
];

const FORMATS: [(&str, &str); 4] = [("text", "txt"), ("markdown", "md"), ("html", "html"), ("json", "json")];
const VOICES: [&str; 2] = ["patient", "consultant"];

/// The case's answers as JSON text.
fn answers_of(case: &str) -> String {
    let text = std::fs::read_to_string(repo(&format!("rules/cases/{case}.json"))).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["answers"].to_string()
}

/// What `assess` prints for `answers` in `format` and `voice`, with a fixed clock.
fn report(answers: &str, format: &str, voice: &str) -> String {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("smp-screen"))
        .args(["assess", "--answers", "-", "--format", format, "--audience", voice])
        .env("SMP_SCREEN_NOW", "2026-11-26T09:30:00Z")
        .env("TZ", "UTC0")
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(answers.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Every format and voice of one set of answers, each its own snapshot file.
fn snapshot_all(name: &str, answers: &str) {
    for voice in VOICES {
        for (format, ext) in FORMATS {
            let output = report(answers, format, voice);
            let mut settings = insta::Settings::clone_current();
            settings.set_prepend_module_to_snapshot(false);
            settings.set_omit_expression(true);
            settings.set_description(format!(
                "smp-screen assess --format {format} --audience {voice}: {name}"
            ));
            settings.bind(|| insta::assert_snapshot!(format!("{name}.{voice}.{ext}"), output));
        }
    }
}

#[test]
fn golden_cases_in_every_format_and_voice() {
    for case in CASES {
        snapshot_all(case, &answers_of(case));
    }
}

#[test]
fn an_incomplete_result_in_every_format_and_voice() {
    // The baseline case without the course of hair loss or the skin type: the result must
    // say it is incomplete, with the range it could still take, in every format.
    let mut answers: serde_json::Value = serde_json::from_str(&answers_of("01-baseline-shaved-look")).unwrap();
    let map = answers.as_object_mut().unwrap();
    map.remove("hair_loss_trend");
    map.remove("keloid_history");
    snapshot_all("01-baseline-incomplete", &answers.to_string());
}

#[test]
fn a_saved_record_with_a_fixed_clock() {
    // Records carry a time; the same clock seam makes a saved record reproducible.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.json");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("smp-screen"))
        .args([
            "assess",
            "--set",
            "age=40",
            "--set",
            "scars=none",
            "--label",
            "case 7",
            "--save",
        ])
        .arg(&path)
        .env("SMP_SCREEN_NOW", "2026-11-26T09:30:00Z")
        .env("TZ", "UTC0")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let record = std::fs::read_to_string(&path).unwrap();
    assert!(record.contains("\"2026-11-26T09:30:00Z\""), "{record}");
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description("smp-screen assess --set age=40 --set scars=none --label 'case 7' --save FILE");
    settings.bind(|| insta::assert_snapshot!("record.age-40.json", record));
}
