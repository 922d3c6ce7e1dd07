//! The smaller defects of the second hostile run: repeated --set, huge unknown keys,
//! numbers that underflow, records that are not as smp-screen writes them, ids that
//! differ only by case, and bad UTF-8 named by line and byte.

mod common;

use common::smp;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_repeated_set_is_refused_like_a_repeated_key() {
    let out = smp()
        .args(["assess", "--set", "age=30", "--set", "age=40"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`age` is answered more than once"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_huge_unknown_key_is_shortened_in_the_error() {
    let key = "k".repeat(2 << 20);
    let out = smp()
        .args(["assess", "-a", "-"])
        .write_stdin(format!("{{\"{key}\": 1}}"))
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stderr.len() < 1000, "{} bytes of error", out.stderr.len());
    assert!(stderr(&out).contains("2097152 characters"), "{}", stderr(&out));
}

#[test]
fn numbers_that_underflow_are_refused() {
    for answers in [r#"{"age": 1e-400}"#, r#"{"age": 0.1e-330}"#] {
        let out = smp().args(["assess", "-a", "-"]).write_stdin(answers).output().unwrap();
        assert_eq!(out.status.code(), Some(3), "{answers}: {}", stderr(&out));
        assert!(stderr(&out).contains("too small"), "{answers}: {}", stderr(&out));
    }
    let out = smp().args(["assess", "--set", "age=1e-400"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    // Zero written as zero is still zero.
    let out = smp()
        .args(["assess", "-a", "-"])
        .write_stdin(r#"{"age": 0e-400}"#)
        .output()
        .unwrap();
    assert!(!stderr(&out).contains("too small"), "{}", stderr(&out));
}

/// A record saved by `assess --save`, as JSON text.
fn saved_record(dir: &std::path::Path) -> String {
    let path = dir.join("r.json");
    let out = smp()
        .args(["assess", "--set", "age=30", "--save"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    std::fs::read_to_string(path).unwrap()
}

fn replay(text: &str) -> std::process::Output {
    smp()
        .args(["replay", "-"])
        .write_stdin(text.to_owned())
        .output()
        .unwrap()
}

#[test]
fn replay_refuses_records_smp_screen_would_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let text = saved_record(dir.path());
    assert_eq!(replay(&text).status.code(), Some(0));
    // A key twice at the top, and an answer twice.
    let twice = text.replacen("\"kind\"", "\"created_at\": \"2020-01-01T00:00:00Z\",\n  \"kind\"", 1);
    let out = replay(&twice);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("duplicate"), "{}", stderr(&out));
    let answer_twice = text.replacen("\"age\": 30", "\"age\": 30, \"age\": 80", 1);
    assert_ne!(answer_twice, text);
    let out = replay(&answer_twice);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("age"), "{}", stderr(&out));
    // A field no record has.
    let extra = text.replacen("\"kind\"", "\"surprise\": 1,\n  \"kind\"", 1);
    let out = replay(&extra);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("surprise"), "{}", stderr(&out));
    // A label no --label could give.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["label"] = "x".repeat(100_000).into();
    let out = replay(&v.to_string());
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("label"),
        "{}",
        &stderr(&out)[..stderr(&out).len().min(500)]
    );
}

#[test]
fn ids_that_differ_only_by_case_are_warned_of() {
    let text = common::rulebook_text(
        r#""questions": [{"id": "ink", "kind": "single", "answer_is": "choice", "prompt": "Q?", "help": "H.",
             "options": [{"value": "Fading", "label": "F"}, {"value": "fading", "label": "f"}]}],
           "advice": [{"id": "a", "title": "A", "text": "A."}, {"id": "A", "title": "A", "text": "A."}],
           "rules": [{"id": "r", "title": "R", "when": {"question": "ink", "equals": "Fading"}, "advice": ["a", "A"]},
                     {"id": "s", "title": "S", "when": {"question": "ink", "equals": "fading"}, "advice": ["a"]}]"#,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.json");
    std::fs::write(&path, text).unwrap();
    let out = smp().args(["rules", "check"]).arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("`Fading`") && text.contains("`fading`") && text.contains("only by case"),
        "{text}"
    );
    assert!(text.contains("advice `A`") || text.contains("`A`"), "{text}");
}

#[test]
fn bad_utf8_is_named_by_line_and_byte() {
    let out = smp()
        .args(["assess", "-a", "-"])
        .write_stdin(b"{\n\"age\": \"\xff\"}".to_vec())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(stderr(&out).contains("line 2, byte 11"), "{}", stderr(&out));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.json");
    std::fs::write(&path, b"{\n\n \xc3(").unwrap();
    let out = smp().args(["rules", "check"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).contains("line 3, byte 5"), "{}", stderr(&out));
}
