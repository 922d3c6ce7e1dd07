//! `smp-screen batch`: records in input order, one per row, errors as records, both
//! formats, standard input, atomic output, exit codes, and agreement with `assess`.

mod common;

use common::{repo, smp};
use predicates::prelude::*;
use serde_json::Value;
use smp_screen::cases;

/// The golden cases' answers as JSON lines.
fn case_rows() -> Vec<String> {
    cases::read_folder(&repo("rules/cases"))
        .unwrap()
        .into_iter()
        .map(|f| Value::Object(f.case.unwrap().answers).to_string())
        .collect()
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn every_row_gets_one_record_in_input_order_with_errors_named() {
    let mut rows = case_rows();
    rows.insert(3, r#"{"skin_tne": "III"}"#.into());
    rows.insert(10, "{\"age\": ".into());
    rows.insert(20, r#"{"scars": "fut_strip"}"#.into());
    rows.insert(30, r#"{"skin_tone": "VII"}"#.into());
    let input = rows.join("\n") + "\n";
    for jobs in ["1", "2"] {
        let out = smp()
            .args(["batch", "-", "--detail", "compact", "--jobs", jobs])
            .write_stdin(input.clone())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(8), "some rows failed");
        let recs = records(&out.stdout);
        assert_eq!(recs.len(), rows.len(), "records out = rows in");
        let lines: Vec<u64> = recs.iter().map(|r| r["line"].as_u64().unwrap()).collect();
        assert_eq!(lines, (1..=rows.len() as u64).collect::<Vec<_>>(), "input order");
        assert_eq!(
            recs[3]["error"],
            "unknown question `skin_tne`; did you mean `skin_tone`?"
        );
        assert!(
            recs[10]["error"]
                .as_str()
                .unwrap()
                .starts_with("answers are not valid JSON")
        );
        assert!(
            recs[20]["error"]
                .as_str()
                .unwrap()
                .starts_with("`scars` expects a list of options")
        );
        assert!(
            recs[30]["error"]
                .as_str()
                .unwrap()
                .starts_with("`VII` is not an option of `skin_tone`")
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("{} rows: {} screened, 4 failed", rows.len(), rows.len() - 4)),
            "{stderr}"
        );
        assert!(stderr.contains("(failed lines: 4, 11, 21, 31)"), "{stderr}");
    }
}

#[test]
fn batch_and_assess_agree() {
    let rows = case_rows();
    let out = smp()
        .args(["batch", "-"])
        .write_stdin(rows.join("\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out.stdout);
    for (row, rec) in rows.iter().zip(&recs).step_by(9) {
        let assess = smp()
            .args(["assess", "-f", "json", "-a", "-"])
            .write_stdin(row.clone())
            .output()
            .unwrap();
        let mut expected: Value = serde_json::from_slice(&assess.stdout).unwrap();
        let obj = expected.as_object_mut().unwrap();
        obj.remove("explain");
        obj.remove("what_if");
        let mut got = rec.clone();
        assert!(got.as_object_mut().unwrap().remove("line").is_some());
        assert_eq!(got, expected);
    }
    let compact = smp()
        .args(["batch", "-", "--detail", "compact"])
        .write_stdin(rows.join("\n"))
        .output()
        .unwrap();
    for (full, small) in recs.iter().zip(records(&compact.stdout)) {
        assert_eq!(full["verdict"], small["verdict"]);
        assert_eq!(full["ink"], small["ink"]);
        assert_eq!(full["status"], small["status"]);
        let ids: Vec<&Value> = full["risks"].as_array().unwrap().iter().map(|r| &r["id"]).collect();
        let small_ids: Vec<&Value> = small["risks"].as_array().unwrap().iter().map(|r| &r["id"]).collect();
        assert_eq!(ids, small_ids);
    }
}

#[test]
fn csv_in_and_csv_out() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("intake.csv");
    std::fs::write(
        &input,
        "age,scars,scar_age,keloid_history,health,permanence\n\
         40,fut_strip,over_12_months,no,none,accepts_permanent\n\
         16,none,,no,none,unsure\n\
         \n\
         55,none,,maybe,anticoagulants;diabetes,wants_temporary\n\
         61,none,,yes,\"anticoagulants\",unsure\n",
    )
    .unwrap();
    let out = smp()
        .args(["batch", "--output-format", "csv"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "line,verdict,ink,status,risks,advice,error,provisional,worst_case_verdict,worst_case_ink,headline"
    );
    // Six answers leave most rules undecided: the row says so right after the ink, and its
    // headline names both ends of the range.
    assert!(lines[1].starts_with("2,suitable,either,provisional,"), "{}", lines[1]);
    let headline = predicate::str::is_match(
        r#",true,unsuitable,none,"Not complete: SUITABLE to UNSUITABLE, depending on \d+ unanswered questions"$"#,
    )
    .unwrap();
    assert!(headline.eval(lines[1]), "{}", lines[1]);
    assert!(lines[2].starts_with("3,unsuitable,none,provisional,"), "{}", lines[2]);
    assert_eq!(
        lines[3],
        "5,,,,,,\"`keloid_history` expects yes or no (true or false), found the text \"\"maybe\"\"\",,,,"
    );
    assert!(lines[4].starts_with("6,refer,"), "{}", lines[4]);
    assert_eq!(lines.len(), 5);
}

#[test]
fn an_unknown_csv_column_fails_every_row_but_loses_none() {
    let out = smp()
        .args(["batch", "-", "--input-format", "csv", "--detail", "compact"])
        .write_stdin("age,skin_tne\n40,III\n50,II\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 2);
    assert!(
        recs[0]["error"]
            .as_str()
            .unwrap()
            .contains("unknown question `skin_tne`; did you mean `skin_tone`?")
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: CSV header: unknown question `skin_tne`"));
}

#[test]
fn output_to_a_file_is_atomic_and_never_replaces_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("results.jsonl");
    let rows = case_rows().join("\n");
    smp()
        .args(["batch", "-", "-o"])
        .arg(&out_path)
        .write_stdin(rows.clone())
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        std::fs::read_to_string(&out_path).unwrap().lines().count(),
        case_rows().len()
    );
    smp()
        .args(["batch", "-", "-o"])
        .arg(&out_path)
        .write_stdin(rows.clone())
        .assert()
        .code(5)
        .stderr(predicate::str::contains("already exists; pass --force"));
    smp()
        .args(["batch", "-", "--force", "--detail", "compact", "-o"])
        .arg(&out_path)
        .write_stdin("{\"age\": 40}\n")
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&out_path).unwrap().lines().count(), 1);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn unreadable_input_and_invalid_rulebooks_have_their_own_codes() {
    smp()
        .args(["batch", "/nonexistent/rows.jsonl"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("cannot read input /nonexistent/rows.jsonl"));
    smp()
        .args(["batch", "-", "--rules", "/nonexistent.json"])
        .write_stdin("")
        .assert()
        .code(4);
    // An input that fails midway leaves no output file behind.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o.jsonl");
    smp()
        .arg("batch")
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(5)
        .stderr(predicate::str::contains("it is a folder"));
    assert!(!out.exists());
}

#[test]
fn an_empty_input_gives_no_records_and_succeeds() {
    smp()
        .args(["batch", "-"])
        .write_stdin("")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("0 rows"));
    smp()
        .args(["batch", "-", "--input-format", "csv"])
        .write_stdin("age\n")
        .assert()
        .success()
        .stdout("");
}

#[test]
fn an_over_long_line_becomes_an_error_record_and_the_rest_still_runs() {
    let long = format!("{{\"age\": 40, \"x\": \"{}\"}}", "a".repeat(1024 * 1024 + 10));
    let input = format!("{{\"age\": 40}}\n{long}\n{{\"age\": 50}}\n");
    let out = smp()
        .args(["batch", "-", "--detail", "compact"])
        .write_stdin(input)
        .output()
        .unwrap();
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 3);
    assert!(recs[1]["error"].as_str().unwrap().contains("the limit is 1048576"));
    assert_eq!(recs[2]["line"], 3);
}
