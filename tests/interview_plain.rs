//! The plain interview (`--plain`, or no terminal at all) driven through pipes, with the
//! answers of every golden case typed as numbers; and drafts that survive a SIGKILL.
//!
//! The lines to type are worked out from the rulebook with the same state machine the
//! binary uses, so these tests follow the rulebook as its questions change.

mod common;

use common::keys::{plain_lines, plain_lines_resumed};
use common::{repo, smp};
use smp_screen::answers::Answers;
use smp_screen::interview::{Next, Session};
use smp_screen::rulebook::Rulebook;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A small rulebook that exercises every widget and the skip logic quickly.
const MINI: &str = r#"{"rulebook": {"id": "mini", "title": "Mini rulebook", "version": "1.0.0", "reviewed_by": "tests",
    "reviewed_on": "2026-01-01", "review_due": "2099-01-01", "disclaimer": "Test disclaimer."},
  "questions": [
    {"id": "age", "kind": "number", "answer_is": "fact", "short": "Age", "prompt": "How old are you?", "help": "Age matters.", "min": 0, "max": 120, "integer": true, "unit": "years"},
    {"id": "scars", "kind": "multiple", "answer_is": "fact", "short": "Scars", "prompt": "Any scars?", "help": "Scars matter.", "options": [
      {"value": "none", "label": "No scars", "exclusive": true}, {"value": "strip", "label": "Strip scar"}]},
    {"id": "scar_age", "kind": "single", "answer_is": "fact", "short": "Scar age", "prompt": "How old is the scar?", "help": "Fresh scars must wait.",
     "ask_if": {"question": "scars", "contains": "strip"}, "options": [{"value": "new", "label": "Under 6 months"}, {"value": "old", "label": "Older"}]},
    {"id": "thinner", "kind": "yes_no", "answer_is": "fact", "short": "Blood thinners", "prompt": "Do you take blood thinners?", "help": "Bleeding matters."}
  ],
  "risks": [{"id": "general", "title": "General risk", "severity": "low", "text": "Always there."}],
  "advice": [{"id": "wait", "title": "Wait", "text": "Wait until it heals."}],
  "rules": [
    {"id": "always", "title": "Always", "when": {"always": true}, "risks": ["general"]},
    {"id": "thinner", "title": "Blood thinner", "summary": "Blood thinners need a doctor.", "when": {"question": "thinner", "equals": true}, "verdict": "refer"},
    {"id": "fresh", "title": "Fresh scar", "summary": "The scar is too fresh.", "when": {"question": "scar_age", "equals": "new"}, "verdict": "unsuitable", "advice": ["wait"]}
  ]}"#;

/// The golden cases' answers, by file name.
fn cases() -> Vec<(String, serde_json::Value)> {
    let mut out: Vec<(String, serde_json::Value)> = std::fs::read_dir(repo("rules/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), json)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!out.is_empty());
    out
}

fn case_answers(rulebook: &Rulebook, case: &serde_json::Value) -> Answers {
    Answers::from_json_value(rulebook, &case["answers"]).unwrap()
}

/// The verdict `assess` gives for these answers, as JSON.
fn assess(case: &serde_json::Value) -> serde_json::Value {
    let out = smp()
        .args(["assess", "--answers", "-", "--format", "json"])
        .write_stdin(case["answers"].to_string())
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_golden_case_through_a_pipe_with_numbers_only_and_no_escape_byte() {
    let rulebook = Rulebook::embedded().unwrap();
    for (name, case) in cases() {
        let answers = case_answers(&rulebook, &case);
        let mut typed = vec!["1".to_owned()]; // consent
        typed.extend(plain_lines(&rulebook, &answers, ", ").into_iter().map(|l| l.text));
        typed.push("0".to_owned()); // the review: all correct
        typed.push("1".to_owned()); // no file, thank you
        let input = typed.join("\n") + "\n";
        assert!(
            input.chars().all(|c| c.is_ascii_digit() || ", .?\n".contains(c)),
            "{input}"
        );
        let out = smp()
            .args(["--plain", "--color", "always"])
            .env("TERM", "xterm-256color")
            .write_stdin(input)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{name}:\n{stderr}");
        assert!(
            !out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b),
            "{name}: an ESC byte was written"
        );
        let expected = assess(&case);
        let label = expected["verdict"].as_str().unwrap().to_uppercase();
        let headline = match expected["headline"].as_str() {
            Some(h) if expected["status"] == "provisional" => h.to_owned(),
            _ => format!("Verdict: {label}"),
        };
        assert!(stdout.contains(&headline), "{name}: {headline}\n{stdout}");
        assert!(stderr.contains(&headline), "{name}: the summary has the same headline");
        assert!(stderr.contains("Chose: "), "{name}");
        // Never broken into lines: each paragraph is read whole by a screen reader.
        let Next::Ask(first) = Session::new(&rulebook).step() else {
            panic!()
        };
        let help = rulebook.questions[first.question].help_for(smp_screen::audience::Audience::Patient);
        assert!(
            stderr.lines().any(|l| l.trim() == help.trim()),
            "{name}: {help:?} is not one line"
        );
        assert!(stderr.contains("Your result, in short"), "{name}");
    }
}

#[test]
fn plain_mode_echoes_answers_and_re_asks_invalid_input_with_the_choices() {
    let out = smp()
        .args(["--plain"])
        .write_stdin("1\n38\n9\nmale\n2\n")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Chose: 38 years"), "{stderr}");
    assert!(
        stderr.contains("\"9\" is not one of the choices: type a number from 1 to"),
        "{stderr}"
    );
    assert!(stderr.contains("The choices are:"), "{stderr}");
    assert!(stderr.contains("Chose: Male"), "{stderr}");
    // The input ends mid-interview: it leaves as if cancelled, writing nothing.
    assert_eq!(out.status.code(), Some(130));
    assert!(out.stdout.is_empty());
}

#[test]
fn plain_mode_goes_back_reviews_and_knows_dont_know() {
    let out = smp()
        .args(["--plain"])
        .env("SMP_SCREEN_PLAIN", "1")
        .write_stdin("1\n38\n?\n<\n2\nr\n")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Chose: I don't know"), "{stderr}");
    assert!(
        stderr.contains("Earlier answer: I don't know. Press Enter to keep it."),
        "{stderr}"
    );
    assert!(stderr.contains("Your answers so far:"), "{stderr}");
    assert!(stderr.contains("Age: 38 years"), "{stderr}");
}

/// Reads a draft's count of questions asked, if it can be read.
fn asked_in(path: &std::path::Path) -> Option<usize> {
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    Some(json["asked"].as_array()?.len())
}

#[test]
fn a_sigkill_at_random_points_loses_nothing_and_resume_reaches_the_same_result() {
    let rulebook = Rulebook::embedded().unwrap();
    let all = cases();
    // Different points on each run, without a crate for randomness.
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as usize;
    let mut points = Vec::new();
    for round in 0..3 {
        let (name, case) = &all[(seed / 7 + round * 5) % all.len()];
        let answers = case_answers(&rulebook, case);
        let questions = plain_lines(&rulebook, &answers, ", ")
            .iter()
            .filter(|l| l.answers)
            .count();
        points.push((name, case, 1 + (seed / 13 + round * 11) % (questions - 1)));
    }
    // And always both sides of an offer to stop early: killed on the answer that brings
    // it (the draft is written before the offer), and on the answer after it.
    let (name, case) = all.iter().find(|(n, _)| n.starts_with("148-")).unwrap();
    let brings = plain_lines(&rulebook, &case_answers(&rulebook, case), ", ")
        .iter()
        .position(|l| !l.answers)
        .expect("case 148 is offered an early stop");
    points.extend([(name, case, brings), (name, case, brings + 1)]);
    for (name, case, kill_after) in points {
        let answers = case_answers(&rulebook, case);
        let lines = plain_lines(&rulebook, &answers, ", ");
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("d.json");
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("smp-screen"))
            .args(["--plain", "--draft"])
            .arg(&draft)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "1").unwrap();
        let mut given = 0;
        let mut sent = 0;
        while given < kill_after {
            writeln!(stdin, "{}", lines[sent].text).unwrap();
            if lines[sent].answers {
                given += 1;
            }
            sent += 1;
        }
        stdin.flush().unwrap();
        let start = Instant::now();
        while asked_in(&draft) != Some(kill_after) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{name}: the draft never held {kill_after} answers"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let meta = std::fs::metadata(&draft).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(meta.permissions().mode() & 0o777, 0o600, "a draft is owner-only");
        }
        // Resume: the rest of the script, the review and the record.
        let record = dir.path().join("r.json");
        // Not `lines[sent..]`: a resumed interview offers to stop early again, once, if
        // the offer still holds, whether or not the killed one had made it.
        let mut rest: Vec<String> = plain_lines_resumed(&rulebook, &answers, kill_after, ", ")
            .into_iter()
            .map(|l| l.text)
            .collect();
        rest.push("0".to_owned());
        let mut resume = Command::new(assert_cmd::cargo::cargo_bin("smp-screen"))
            .args(["--plain", "--resume"])
            .arg(&draft)
            .arg("--save")
            .arg(&record)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        resume
            .stdin
            .take()
            .unwrap()
            .write_all((rest.join("\n") + "\n").as_bytes())
            .unwrap();
        let mut err = String::new();
        let mut stderr = BufReader::new(resume.stderr.take().unwrap());
        let mut first = String::new();
        stderr.read_line(&mut first).unwrap();
        stderr.read_to_string(&mut err).unwrap();
        let status = resume.wait().unwrap();
        assert!(status.success(), "{name} after {kill_after}: {first}{err}");
        assert!(
            first.contains(&format!("Continuing an interview: {kill_after} answer")),
            "{name}: {first}"
        );
        let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
        let expected = assess(case);
        assert_eq!(
            saved["result"]["verdict"], expected["verdict"],
            "{name} after {kill_after}"
        );
        assert_eq!(saved["result"]["ink"], expected["ink"], "{name} after {kill_after}");
        assert!(!draft.exists(), "the draft goes once the record is saved");
    }
}

#[test]
fn a_draft_is_never_overwritten_by_a_new_interview() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.json.draft"), "{}").unwrap();
    let out = smp()
        .current_dir(dir.path())
        .args(["--plain", "--save", "r.json"])
        .write_stdin("1\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("smp-screen --resume r.json.draft"), "{stderr}");
    assert_eq!(std::fs::read_to_string(dir.path().join("r.json.draft")).unwrap(), "{}");
}

#[test]
fn resume_says_which_answers_no_longer_apply_and_asks_them_again() {
    let dir = tempfile::tempdir().unwrap();
    let rulebook = Rulebook::embedded().unwrap();
    let age = rulebook.question_index("age").map(|q| rulebook.questions[q].id.clone());
    let Some(age) = age else { return };
    let first = rulebook.questions[0].id.clone();
    let draft = serde_json::json!({
        "smp_screen_draft": 1,
        "rulebook": {"id": "x", "version": "0.0.1", "sha256": "0000"},
        "asked": [age],
        "answers": {age.clone(): "forty"},
    });
    std::fs::write(dir.path().join("d.json"), draft.to_string()).unwrap();
    let out = smp()
        .current_dir(dir.path())
        .args(["--plain", "--resume", "d.json"])
        .write_stdin("")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("The rulebook has changed since this draft was saved"),
        "{stderr}"
    );
    assert!(stderr.contains("No longer applies, so it is asked again"), "{stderr}");
    assert!(stderr.contains("Continuing an interview: 0 answers kept."), "{stderr}");
    let _ = first;
    assert!(stderr.contains("Question 1 of about"), "{stderr}");
}

#[test]
fn a_draft_that_cannot_be_written_stops_before_the_first_question() {
    let out = smp()
        .args([
            "--plain",
            "--audience",
            "consultant",
            "--draft",
            "/nonexistent-folder/d.json",
        ])
        .write_stdin("38\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot write /nonexistent-folder/d.json"), "{stderr}");
    assert!(!stderr.contains("Question 1 of about"), "{stderr}");
}

#[test]
fn the_end_offers_to_save_through_a_pipe_and_asks_again_when_a_name_cannot_be_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mini.json"), MINI).unwrap();
    std::fs::write(dir.path().join("taken.html"), "mine").unwrap();
    let out = smp()
        .current_dir(dir.path())
        .args(["--rules", "mini.json", "--audience", "consultant"])
        .write_stdin("40\n1\n2\n0\n2\n/nonexistent-folder/x.html\ntaken.html\nok.html\n")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("nothing is sent anywhere"), "{stderr}");
    assert!(stderr.contains("cannot write /nonexistent-folder/x.html"), "{stderr}");
    assert!(stderr.contains("Type another name."), "{stderr}");
    assert!(
        stderr.contains("taken.html already exists and is never replaced"),
        "{stderr}"
    );
    assert!(stderr.contains("Saved the handout to ok.html"), "{stderr}");
    assert_eq!(std::fs::read_to_string(dir.path().join("taken.html")).unwrap(), "mine");
    assert!(
        std::fs::read_to_string(dir.path().join("ok.html"))
            .unwrap()
            .contains("Test disclaimer.")
    );
}

#[test]
fn resume_names_an_answer_the_skip_logic_now_leaves_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mini.json"), MINI).unwrap();
    // A scar age kept beside "no scars", as a draft from another rulebook might hold.
    let draft = serde_json::json!({
        "smp_screen_draft": 1,
        "rulebook": {"id": "mini", "version": "0.9.0", "sha256": "0000"},
        "asked": ["age", "scars", "scar_age"],
        "answers": {"age": 40, "scars": ["none"], "scar_age": "new"},
    });
    std::fs::write(dir.path().join("d.json"), draft.to_string()).unwrap();
    let out = smp()
        .current_dir(dir.path())
        .args([
            "--rules",
            "mini.json",
            "--plain",
            "--resume",
            "d.json",
            "--audience",
            "consultant",
        ])
        .write_stdin("2\n0\n1\n")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("Continuing an interview: 2 answers kept."), "{stderr}");
    assert!(stderr.contains("No longer asked, so dropped: Scar age."), "{stderr}");
    assert!(stderr.contains("Question 3 of about 3"), "{stderr}");
    // No record was saved, so the draft stays, updated.
    let kept: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("d.json")).unwrap()).unwrap();
    assert_eq!(kept["asked"], serde_json::json!(["age", "scars", "thinner"]));
    assert!(stderr.contains("The draft d.json still holds your answers"), "{stderr}");
}
