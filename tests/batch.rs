//! `smp-screen batch`: records in input order, one per row, errors as records, both
//! formats, standard input, atomic output, exit codes, and agreement with `assess`.

mod common;

use common::{repo, smp};
use predicates::prelude::*;
use serde_json::Value;
use smp_screen::tooling::cases;

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
    assert_eq!(recs.len(), rows.len(), "one record per row");
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
    let small = records(&compact.stdout);
    assert_eq!(small.len(), recs.len(), "one compact record per row");
    for (full, small) in recs.iter().zip(small) {
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

/// The golden cases five times over, with a broken row among them: enough rows that with
/// chunks of one row many more chunks are in flight than the channels hold.
fn many_rows() -> Vec<String> {
    let mut rows: Vec<String> = (0..5).flat_map(|_| case_rows()).collect();
    rows.insert(17, r#"{"skin_tne": "III"}"#.into());
    rows
}

/// The same answers as CSV: a header of every question used, `;` between options.
fn as_csv(rows: &[String]) -> String {
    let parsed: Vec<serde_json::Map<String, Value>> = rows.iter().map(|r| serde_json::from_str(r).unwrap()).collect();
    let mut columns: Vec<&String> = parsed.iter().flat_map(|m| m.keys()).collect();
    columns.sort();
    columns.dedup();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&columns).unwrap();
    for m in &parsed {
        out.write_record(columns.iter().map(|c| match m.get(*c) {
            None | Some(Value::Null) => String::new(),
            Some(Value::Bool(b)) => (if *b { "yes" } else { "no" }).to_owned(),
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(a)) => a.iter().map(|v| v.as_str().unwrap()).collect::<Vec<_>>().join(";"),
            Some(other) => other.to_string(),
        }))
        .unwrap();
    }
    String::from_utf8(out.into_inner().unwrap()).unwrap()
}

#[test]
fn chunks_of_one_row_on_four_jobs_give_the_same_bytes_in_input_order() {
    // Every row travels alone through the work channel and the reorder buffer; the
    // output must be byte for byte what one job with the default chunks writes.
    let rows = many_rows();
    let inputs = [("jsonl", rows.join("\n") + "\n"), ("csv", as_csv(&rows))];
    for (input_format, input) in &inputs {
        for extra in [
            &["--detail", "compact"][..],
            &["--detail", "full"],
            &["--output-format", "csv"],
        ] {
            let run = |parallel: &[&str]| {
                smp()
                    .args(["batch", "-", "--input-format", input_format])
                    .args(extra)
                    .args(parallel)
                    .write_stdin(input.clone())
                    .timeout(std::time::Duration::from_secs(120))
                    .output()
                    .unwrap()
            };
            let one = run(&["--jobs", "1"]);
            let four = run(&["--jobs", "4", "--chunk-rows", "1"]);
            let what = format!("{input_format} input, {extra:?}");
            assert_eq!(one.status.code(), Some(8), "{what}: the broken row fails");
            assert_eq!(four.status.code(), Some(8), "{what}");
            assert_eq!(
                String::from_utf8_lossy(&four.stderr),
                String::from_utf8_lossy(&one.stderr),
                "{what}"
            );
            assert!(one.stdout == four.stdout, "{what}: outputs differ");
            let text = String::from_utf8(four.stdout).unwrap();
            let records = text.lines().count() - usize::from(extra.contains(&"csv"));
            assert_eq!(records, rows.len(), "{what}: one record per row");
            if !extra.contains(&"csv") {
                let lines: Vec<u64> = records_of(&text).iter().map(|r| r["line"].as_u64().unwrap()).collect();
                let first = if *input_format == "csv" { 2 } else { 1 };
                assert_eq!(
                    lines,
                    (first..first + rows.len() as u64).collect::<Vec<_>>(),
                    "{what}: input order"
                );
            }
        }
    }
}

fn records_of(text: &str) -> Vec<Value> {
    records(text.as_bytes())
}

#[test]
fn a_write_failure_midway_stops_every_thread_and_exits_5() {
    // /dev/full fails the first write that reaches it, long before the input is read:
    // the workers and the reader must stop instead of waiting on full channels.
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("rows.jsonl");
    std::fs::write(&input, many_rows().join("\n") + "\n").unwrap();
    let mut out = std::process::Command::new(assert_cmd::cargo::cargo_bin("smp-screen"));
    out.args(["batch", "--jobs", "4", "--chunk-rows", "1"])
        .arg(&input)
        .stdout(std::fs::File::create("/dev/full").unwrap());
    let out = output_within(&mut out, 60);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("error: cannot write standard output"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_write_failure_midway_leaves_no_half_written_file() {
    // A file size limit makes the write fail after 64 KiB of several megabytes, as a
    // full disk would (SIGXFSZ ignored, so the write returns EFBIG).
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("rows.jsonl");
    std::fs::write(&input, many_rows().join("\n") + "\n").unwrap();
    let out_path = dir.path().join("results.jsonl");
    let run = |force: bool| {
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c")
            .arg(r#"trap '' XFSZ; ulimit -f 128; exec "$@""#)
            .arg("sh")
            .arg(assert_cmd::cargo::cargo_bin("smp-screen"))
            .args(["batch", "--jobs", "4", "--chunk-rows", "1"])
            .args(force.then_some("--force"))
            .arg(&input)
            .arg("-o")
            .arg(&out_path);
        output_within(&mut cmd, 60)
    };
    let out = run(false);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert!(!out_path.exists(), "no half-written output");
    // An existing file is kept whole when its replacement fails.
    std::fs::write(&out_path, "old results\n").unwrap();
    let out = run(true);
    assert_eq!(out.status.code(), Some(5), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), "old results\n");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "no temporary file left: {left:?}");
}

/// Runs `cmd` and fails the test (killing it) if it has not ended within `secs` seconds:
/// a pipeline that deadlocks must fail, not hang the suite.
fn output_within(cmd: &mut std::process::Command, secs: u64) -> std::process::Output {
    use std::process::Stdio;
    let mut child = cmd.stdin(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("still running after {secs} s: the pipeline did not stop");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}
