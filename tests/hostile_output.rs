//! Hostile output conditions and inputs: nothing raw reaches a terminal, every write
//! failure exits 5, a closed pipe is quiet, CSV input is numbered and bounded row by row.

mod common;

use common::smp;
use std::process::{Command, Stdio};

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_smp-screen"));
    cmd.env("COLUMNS", "80")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// ESC, BEL, NUL, C1 CSI, RLO and the other invisible characters that must not reach a
/// terminal raw.
const RAW: &[&str] = &[
    "\u{1b}", "\u{7}", "\u{0}", "\u{9b}", "\u{85}", "\u{202e}", "\u{200b}", "\u{200e}", "\u{200f}", "\u{61c}",
    "\u{2028}", "\u{2029}", "\u{feff}",
];

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for bad in RAW {
        assert!(!text.contains(bad), "{what} carries {:?} raw:\n{text}", bad);
    }
}

#[test]
fn a_csv_header_and_csv_error_cells_carry_no_raw_escape() {
    let osc = "\u{1b}]0;pwned\u{7}";
    let input = format!("age,{osc}\n30,x\n\"31\u{202e}\",\u{0}y\n");
    let out = smp()
        .args(["batch", "-", "--input-format", "csv", "--output-format", "csv"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    assert_clean("stderr", &out.stderr);
    assert_clean("csv output", &out.stdout);
    assert!(String::from_utf8_lossy(&out.stderr).contains("\\u{1b}]0;pwned"));
    // From JSON Lines, too.
    let out = smp()
        .args(["batch", "-", "--output-format", "csv"])
        .write_stdin("{\"age\": \"3\u{1b}[2J\u{202e}0\"}\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    assert_clean("csv output from jsonl", &out.stdout);
}

#[test]
fn rules_test_shows_a_hostile_expected_verdict_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let rules = common::edited_default_rulebook(dir.path(), |d| d);
    let cases = rules.join("cases");
    std::fs::create_dir(&cases).unwrap();
    std::fs::write(
        cases.join("evil.json"),
        "{\"story\": \"s\", \"answers\": {}, \"expect\": {\"verdict\": \"\u{1b}]0;pwned\u{7}\"}}",
    )
    .unwrap();
    std::fs::write(
        cases.join("evil\u{1b}]0;pwned\u{7}.json"),
        "{\"story\": \"s\", \"answers\": {}, \"expect\": {\"fired\": [\"\u{1b}]0;pwned\u{7}\"], \"advice\": [\"\u{9b}2J\"]}}",
    )
    .unwrap();
    let out = smp().args(["rules", "test"]).arg(&rules).output().unwrap();
    assert_clean("rules test stdout", &out.stdout);
    assert_clean("rules test stderr", &out.stderr);
}

#[test]
fn paths_are_echoed_escaped_in_errors() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("a\u{1b}]0;pwned\u{7}\u{202e}.json");
    let runs: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["assess".into(), "-a".into(), evil.clone().into()],
        vec![
            "assess".into(),
            "--set".into(),
            "age=30".into(),
            "--rules".into(),
            evil.clone().into(),
        ],
        vec!["batch".into(), evil.clone().into()],
        vec!["replay".into(), evil.clone().into()],
    ];
    for args in runs {
        let out = smp().args(&args).output().unwrap();
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert_clean(&format!("stderr of {args:?}"), &out.stderr);
    }
    // An existing file refused without --force.
    std::fs::write(&evil, "x").unwrap();
    let out = smp()
        .args(["assess", "--set", "age=30", "--save"])
        .arg(&evil)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert_clean("stderr of --save", &out.stderr);
}

#[test]
fn invisible_characters_are_visible_in_text_and_escaped_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let sneaky = "\u{200e}\u{200f}\u{61c}\u{2028}\u{2029}\u{feff}\u{200b}\u{200d}\u{9b}\u{85}\u{202e}";
    let rules = common::edited_default_rulebook(dir.path(), |mut doc| {
        if let Some(id) = doc.get_mut("rulebook") {
            id["disclaimer"] = format!("Careful{sneaky}").into();
        }
        doc
    });
    for format in ["text", "markdown"] {
        let out = smp()
            .args(["assess", "--set", "age=30", "--color", "never", "-f", format, "--rules"])
            .arg(&rules)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        assert_clean(format, &out.stdout);
        assert!(String::from_utf8_lossy(&out.stdout).contains("\\u{200e}"), "{format}");
    }
    let out = smp()
        .args(["assess", "--set", "age=30", "-f", "json", "--rules"])
        .arg(&rules)
        .output()
        .unwrap();
    assert_clean("json", &out.stdout);
    let raw = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        raw.contains("\\u009b") && raw.contains("\\u202e") && raw.contains("\\u2028"),
        "{raw}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["disclaimer"].as_str().unwrap().ends_with(sneaky),
        "JSON still decodes to the text"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn every_write_failure_exits_5_in_every_command() {
    let record = tempfile::NamedTempFile::new().unwrap();
    let saved = smp()
        .args(["assess", "--set", "age=30", "--force", "--save"])
        .arg(record.path())
        .output()
        .unwrap();
    assert_eq!(saved.status.code(), Some(0));
    let rows = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(rows.path(), "{\"age\": 30}\n".repeat(3000)).unwrap();
    let runs: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["assess".into(), "--set".into(), "age=30".into()],
        vec!["man".into()],
        vec!["completions".into(), "bash".into()],
        vec!["rules".into(), "print".into()],
        vec!["rules".into(), "check".into()],
        vec!["rules".into(), "schema".into()],
        vec!["rules".into(), "test".into()],
        vec!["replay".into(), record.path().into()],
        vec!["batch".into(), rows.path().into()],
        vec!["--help".into()],
    ];
    for args in &runs {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = bin().args(args).stdout(full).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(5),
            "{args:?} to /dev/full: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("standard output"),
            "{args:?}"
        );
        // (A standard output closed with `>&-` cannot be told from /dev/null: Rust's
        // runtime reopens closed standard streams on /dev/null before `main`.)
        // A closed pipe is the reader saying "enough": quiet, and 0.
        let mut child = bin()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?} into a closed pipe: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty() || args[0] == "batch",
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Runs `batch` on CSV from standard input to JSON Lines: exit code, records, stderr.
fn csv_batch(input: &[u8]) -> (Option<i32>, Vec<serde_json::Value>, String) {
    let out = smp()
        .args(["batch", "-", "--input-format", "csv", "--detail", "compact"])
        .write_stdin(input.to_vec())
        .output()
        .unwrap();
    let records = out
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    (
        out.status.code(),
        records,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn lines(records: &[serde_json::Value]) -> Vec<u64> {
    records.iter().map(|r| r["line"].as_u64().unwrap()).collect()
}

#[test]
fn a_quoted_csv_row_of_several_mib_is_one_error_record() {
    let mut input = b"age,goals\n30,shaved_look\n".to_vec();
    input.extend_from_slice(format!("31,\"{}\"\n", "x\n".repeat(3 << 20)).as_bytes());
    input.extend_from_slice(b"32,density\n");
    let (code, records, stderr) = csv_batch(&input);
    assert_eq!(code, Some(8), "{stderr}");
    assert_eq!(lines(&records), vec![2, 3, 3 + (3 << 20) as u64 + 1], "{stderr}");
    assert!(
        records[1]["error"].as_str().unwrap().contains("longer than"),
        "{}",
        records[1]
    );
    assert!(records[2].get("error").is_none(), "{}", records[2]);
}

#[test]
fn csv_rows_are_numbered_by_their_line_with_any_line_end_and_an_unclosed_quote_is_named() {
    let (_, records, _) = csv_batch(b"age\r30\r31\r32\r");
    assert_eq!(lines(&records), vec![2, 3, 4]);
    let (_, records, _) = csv_batch(b"age\r\n30\r\n\r\n31\r\n32");
    assert_eq!(lines(&records), vec![2, 4, 5]);
    let (code, records, _) = csv_batch(b"age,goals\n30,shaved_look\n31,\"density\n32,density\n33,density\n");
    assert_eq!(code, Some(8));
    assert_eq!(lines(&records), vec![2, 3]);
    assert!(
        records[0].get("error").is_none(),
        "a good row was blamed: {}",
        records[0]
    );
    let error = records[1]["error"].as_str().unwrap();
    assert!(error.contains("quote") && error.contains("never closed"), "{error}");
}

#[cfg(unix)]
#[test]
fn an_interrupted_batch_leaves_no_temporary_file_and_stale_ones_are_reported() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.jsonl");
    for signal in ["INT", "TERM", "HUP"] {
        let mut child = bin()
            .args(["batch", "-", "-o"])
            .arg(&out_path)
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        for _ in 0..200 {
            stdin.write_all(b"{\"age\": 30}\n").unwrap();
        }
        stdin.flush().unwrap();
        // Wait until the temporary file exists, then signal.
        let mut tmp_seen = false;
        for _ in 0..200 {
            if std::fs::read_dir(dir.path())
                .unwrap()
                .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"))
            {
                tmp_seen = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(tmp_seen, "no temporary file appeared");
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert!(
            Command::new("kill")
                .arg(format!("-{signal}"))
                .arg(child.id().to_string())
                .status()
                .unwrap()
                .success()
        );
        drop(stdin);
        let status = child.wait().unwrap();
        assert!(!status.success(), "{signal}");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "after SIG{signal}: {left:?}");
    }
    // A leftover from a process that was killed outright.
    std::fs::write(dir.path().join(".smp-screen-abc123.tmp"), vec![b'x'; 2048]).unwrap();
    let out = smp()
        .args(["batch", "-", "-o"])
        .arg(&out_path)
        .write_stdin("{\"age\": 30}\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(".smp-screen-abc123.tmp") && err.contains("2.0 KiB") && err.contains("rm "),
        "{err}"
    );
}
