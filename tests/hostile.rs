//! Hostile rulebooks and inputs: limits that fail with a clear error, and text a rulebook
//! author smuggled in that must never reach a terminal as control sequences.

mod common;

use common::{repo, rulebook_error, smp};
use serde_json::{Value, json};
use std::path::Path;

/// Sets the window title, clears the screen, starts a one-byte CSI, reverses the text
/// direction and moves the cursor back over the line.
const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}evil\r\u{8}";

/// Bytes that must never reach a terminal from rulebook text: ESC, BEL, CR, backspace,
/// the one-byte CSI (UTF-8 C2 9B) and the right-to-left override (E2 80 AE).
fn assert_no_controls(what: &str, bytes: &[u8]) {
    for bad in [&b"\x1b"[..], b"\x07", b"\r", b"\x08", b"\xc2\x9b", b"\xe2\x80\xae"] {
        assert!(
            !bytes.windows(bad.len()).any(|w| w == bad),
            "{what} carries the control bytes {bad:?}:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// The default rulebook copied into `dir` with EVIL in every kind of text it holds.
fn hostile_rulebook(dir: &Path) -> std::path::PathBuf {
    common::edited_default_rulebook(dir, |mut doc| {
        let poison = |v: &mut Value| {
            if let Some(s) = v.as_str() {
                *v = json!(format!("{s}{EVIL}"));
            }
        };
        if let Some(id) = doc.get_mut("rulebook") {
            for k in ["title", "disclaimer", "reviewed_by"] {
                poison(&mut id[k]);
            }
        }
        for section in ["questions", "rules", "risks", "advice", "facts", "scores"] {
            for item in doc.get_mut(section).and_then(Value::as_array_mut).into_iter().flatten() {
                for k in [
                    "title",
                    "summary",
                    "rationale",
                    "source",
                    "prompt",
                    "help",
                    "prompt_consultant",
                    "help_consultant",
                    "text",
                    "text_consultant",
                    "description",
                    "unit",
                ] {
                    if let Some(v) = item.get_mut(k) {
                        poison(v);
                    }
                }
                for option in item
                    .get_mut("options")
                    .and_then(Value::as_array_mut)
                    .into_iter()
                    .flatten()
                {
                    poison(&mut option["label"]);
                    if let Some(v) = option.get_mut("help") {
                        poison(v);
                    }
                }
            }
        }
        doc
    })
}

#[test]
fn rulebook_text_reaches_the_terminal_only_as_visible_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let rules = hostile_rulebook(dir.path());
    let rules = rules.to_str().unwrap();
    let case = repo("examples/strip-scar.json");
    let case = case.to_str().unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec!["assess", "--rules", rules, "-a", case, "--explain"],
        vec![
            "assess",
            "--rules",
            rules,
            "-a",
            case,
            "--explain",
            "--audience",
            "consultant",
        ],
        vec!["assess", "--rules", rules, "-a", case, "-f", "markdown", "--explain"],
        vec!["rules", "print", rules],
        vec!["rules", "print", rules, "--audience", "consultant"],
        vec!["rules", "print", rules, "--format", "html"],
        vec!["rules", "check", rules],
        vec!["rules", "test", rules],
    ];
    for args in runs {
        // Colour off, so that any escape in the output can only have come from the rulebook.
        let out = smp().args(&args).args(["--color", "never"]).output().unwrap();
        assert!(out.status.code().is_some(), "{args:?} was killed");
        assert_no_controls(&format!("stdout of {args:?}"), &out.stdout);
        assert_no_controls(&format!("stderr of {args:?}"), &out.stderr);
    }
    // What the author wrote is still there, made visible, so a reviewer can see it.
    let out = smp()
        .args(["assess", "--rules", rules, "-a", case, "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\\u{1b}]0;pwned\\u{7}"), "{text}");
}

#[test]
fn json_output_escapes_control_characters_as_json_does() {
    let dir = tempfile::tempdir().unwrap();
    let rules = hostile_rulebook(dir.path());
    let out = smp()
        .args(["assess", "--rules", rules.to_str().unwrap(), "-f", "json", "-a"])
        .arg(repo("examples/strip-scar.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // JSON escapes C0 controls; other characters it carries as they are, for the reader
    // of the JSON to decide.
    assert!(
        !out.stdout.iter().any(|&b| b < 0x20 && b != b'\n'),
        "a raw C0 control in JSON"
    );
    let raw = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        raw.contains("\\u001b]0;pwned\\u0007"),
        "ESC and BEL must be JSON escapes"
    );
    // Decoded, the texts are exactly what the rulebook holds.
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["disclaimer"].as_str().unwrap().ends_with(EVIL));
}

#[test]
fn hostile_answers_are_named_in_errors_without_their_control_characters() {
    let answers = json!({"hair_colour": format!("brown{EVIL}"), format!("age{EVIL}"): 30});
    let out = smp()
        .args(["assess", "-a", "-", "--color", "never"])
        .write_stdin(answers.to_string())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_no_controls("the answers error", &out.stderr);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("hair_colour") && err.contains("\\u{1b}"), "{err}");
}

#[test]
fn a_rulebook_file_over_64_mib_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    // Sparse: the size is there without writing it.
    std::fs::File::create(&big).unwrap().set_len(65 << 20).unwrap();
    let out = smp()
        .args(["assess", "--rules", big.to_str().unwrap(), "-a"])
        .arg(repo("examples/strip-scar.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("big.json is larger than 64 MiB, the limit"), "{err}");
}

#[test]
fn an_answers_file_that_never_ends_is_refused() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let out = smp().args(["assess", "-a", "/dev/zero"]).output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than 4 MiB, the limit"));
}

/// A condition nested `depth` levels deep.
fn nested(depth: usize) -> String {
    let mut cond = r#"{"always": true}"#.to_owned();
    for _ in 0..depth {
        cond = format!(r#"{{"not": {cond}}}"#);
    }
    cond
}

#[test]
fn conditions_nested_too_deep_are_refused_at_any_depth() {
    let rule = |depth| {
        format!(
            r#""advice": [{{"id": "a", "title": "A", "text": "A."}}],
               "rules": [{{"id": "r", "title": "R", "when": {}, "advice": ["a"]}}]"#,
            nested(depth)
        )
    };
    let err = rulebook_error(&rule(40));
    assert!(err.contains("nested deeper than 32 levels"), "{err}");
    assert!(err.contains("rules[0].when"), "{err}");
    // Far beyond what the JSON parser will follow: an error, not a stack overflow.
    let err = rulebook_error(&rule(100_000));
    assert!(err.contains("recursion limit") || err.contains("nested"), "{err}");
    assert!(common::rulebook(&rule(30)).rules.len() == 1);
}

#[test]
fn texts_and_ids_over_their_limits_are_refused_with_their_path() {
    let long = "x".repeat(20_001);
    let err = rulebook_error(&format!(r#""advice": [{{"id": "a", "title": "A", "text": "{long}"}}]"#));
    assert!(
        err.contains("text longer than 20000 characters") && err.contains("advice[0].text"),
        "{err}"
    );
    let id = "a".repeat(81);
    let err = rulebook_error(&format!(r#""advice": [{{"id": "{id}", "title": "A", "text": "A."}}]"#));
    assert!(
        err.contains("at most 80 characters") && err.contains("advice[0].id"),
        "{err}"
    );
}

#[test]
fn too_many_options_questions_or_rules_are_refused() {
    let options: Vec<String> = (0..65)
        .map(|i| format!(r#"{{"value": "o{i}", "label": "O{i}"}}"#))
        .collect();
    let err = rulebook_error(&format!(
        r#""questions": [{{"id": "q", "kind": "single", "answer_is": "fact", "prompt": "Q?", "help": "H.", "options": [{}]}}]"#,
        options.join(",")
    ));
    assert!(err.contains("65 options; the limit is 64"), "{err}");

    let questions: Vec<String> = (0..5001)
        .map(|i| format!(r#"{{"id": "q{i}", "kind": "yes_no", "answer_is": "fact", "prompt": "Q?", "help": "H."}}"#))
        .collect();
    let err = rulebook_error(&format!(r#""questions": [{}]"#, questions.join(",")));
    assert!(
        err.contains("5001 questions; the limit is 5000"),
        "{}",
        &err[..err.len().min(2000)]
    );

    let rules: Vec<String> = (0..250_001)
        .map(|i| format!(r#"{{"id":"r{i}","title":"R","when":{{"always":true}},"advice":["a"]}}"#))
        .collect();
    let err = rulebook_error(&format!(
        r#""advice": [{{"id": "a", "title": "A", "text": "A."}}], "rules": [{}]"#,
        rules.join(",")
    ));
    assert!(
        err.contains("250001 rules; the limit is 250000"),
        "{}",
        &err[..err.len().min(2000)]
    );
}

/// Runs `batch` on CSV from standard input to CSV: the exit code, the records without
/// the header, and standard error.
fn csv_batch(input: String) -> (Option<i32>, Vec<String>, String) {
    let out = smp()
        .args(["batch", "-", "--input-format", "csv", "--output-format", "csv"])
        .write_stdin(input)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let rows = text.lines().skip(1).map(str::to_owned).collect();
    (out.status.code(), rows, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn numbers_out_of_range_or_not_numbers_are_refused_by_question() {
    let cases = [
        (r#"{"age": 1e400}"#, "number out of range"),
        (r#"{"age": -5}"#, "`age`"),
        (r#"{"age": 100000000000000000000000}"#, "`age`"),
        (r#"{"age": "NaN"}"#, "`age`"),
        (r#"{"age": "inf"}"#, "`age`"),
        (r#"{"age": 30.5}"#, "whole number"),
    ];
    for (answers, expected) in cases {
        let out = smp().args(["assess", "-a", "-"]).write_stdin(answers).output().unwrap();
        assert_eq!(out.status.code(), Some(3), "{answers}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(expected), "{answers}: {err}");
    }
    // In CSV, numbers arrive as text: the same refusals, one error record per row.
    let csv = "age\n1e400\n-5\nNaN\ninf\n0x1e\n 30 \n".to_owned();
    let (code, rows, _) = csv_batch(csv);
    assert_eq!(code, Some(8));
    assert_eq!(rows.len(), 6, "{rows:?}");
    for row in &rows[..5] {
        assert!(row.contains("`age`"), "{row}");
    }
    assert!(
        rows[5].starts_with("7,"),
        "a padded number is still a number: {}",
        rows[5]
    );
}

#[test]
fn a_csv_row_over_1_mib_becomes_an_error_record_and_the_rest_still_runs() {
    let mut csv = String::from("age,goals\n30,shaved_look\n");
    csv.push_str(&format!("31,\"{}\"\n", "x".repeat(1 << 20)));
    csv.push_str("32,density\n");
    let (code, rows, stderr) = csv_batch(csv);
    assert_eq!(code, Some(8));
    assert_eq!(rows.len(), 3, "records out = rows in");
    assert!(
        rows[1].starts_with("3,") && rows[1].contains("longer than 1048576 bytes"),
        "{}",
        rows[1]
    );
    assert!(rows[2].starts_with("4,") && !rows[2].contains("longer"), "{}", rows[2]);
    assert!(stderr.contains("failed lines: 3"), "{stderr}");
}

#[test]
fn a_rulebook_reads_no_file_and_reaches_no_network() {
    // `$schema` is a name for editors, never fetched; there is no include or import.
    let err = rulebook_error(r#""include": "/etc/passwd""#);
    assert!(err.contains("unknown field `include`"), "{err}");
    let text = common::rulebook_text("").replacen('{', r#"{"$schema": "http://127.0.0.1:9/unreachable.json", "#, 1);
    let rb = smp_screen::rulebook::Rulebook::from_sources(smp_screen::rulebook::Sources::from_text("t.json", &text));
    assert!(rb.is_ok(), "a remote $schema must not be fetched or required");
}

#[test]
fn files_from_windows_editors_with_a_byte_order_mark_and_crlf_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.json");
    let text = common::rulebook_text(
        r#""questions": [{"id": "q", "kind": "yes_no", "answer_is": "fact", "prompt": "Q?", "help": "H."}],
           "advice": [{"id": "a", "title": "A", "text": "A."}],
           "rules": [{"id": "r", "title": "R", "when": {"question": "q", "equals": true}, "advice": ["a"]}]"#,
    )
    .replace('\n', "\r\n");
    std::fs::write(&rules, format!("\u{feff}{text}")).unwrap();
    let answers = dir.path().join("answers.json");
    std::fs::write(&answers, "\u{feff}{\"q\": true}\r\n").unwrap();
    let out = smp()
        .args(["assess", "-f", "json", "--rules"])
        .arg(&rules)
        .arg("-a")
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["advice"][0]["id"], "a");
    let out = smp()
        .args(["batch", "-", "--detail", "compact", "--rules"])
        .arg(&rules)
        .write_stdin("\u{feff}{\"q\": true}\r\n{\"q\": false}\r\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}
