//! The interview driven as a person would drive it: the real binary in a pseudo-terminal.

mod common;

use common::{repo, smp};
use predicates::prelude::*;
use rexpect::session::PtySession;
use std::process::Command;

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ENTER: &str = "\r";
const TIMEOUT_MS: u64 = 15_000;

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

struct Run {
    p: PtySession,
    _dir: tempfile::TempDir,
    dir: std::path::PathBuf,
}

impl Run {
    fn start(rules: Option<&str>, args: &[&str]) -> Run {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_owned();
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("smp-screen"));
        // Without colour, the text a test waits for is not split by escape codes.
        cmd.current_dir(&path)
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE");
        if let Some(text) = rules {
            std::fs::write(path.join("mini.json"), text).unwrap();
            cmd.args(["--rules", "mini.json"]);
        }
        cmd.args(args);
        let p = rexpect::spawn_with_options(
            cmd,
            rexpect::reader::Options::new()
                .timeout_ms(Some(TIMEOUT_MS))
                .strip_ansi_escape_codes(false),
        )
        .unwrap();
        Run {
            p,
            _dir: dir,
            dir: path,
        }
    }

    /// Waits for `text` (ASCII only: rexpect decodes output byte by byte).
    fn expect(&mut self, text: &str) -> String {
        assert!(text.is_ascii(), "rexpect cannot match non-ASCII text such as {text:?}");
        self.p
            .exp_string(text)
            .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"))
    }

    fn keys(&mut self, keys: &str) {
        self.p.send(keys).unwrap();
        self.p.flush().unwrap();
    }

    /// Waits for question `n`, then presses `keys`.
    fn answer(&mut self, n: usize, keys: &str) {
        self.expect(&format!("Question {n} of about"));
        self.keys(keys);
    }

    fn exit_code(&mut self) -> String {
        format!("{:?}", self.p.process().wait().unwrap())
    }
}

fn down(n: usize) -> String {
    DOWN.repeat(n) + ENTER
}

#[test]
fn a_patient_with_no_scars_reaches_the_verdict_and_saves_a_record() {
    let mut r = Run::start(None, &["--save", "record.json"]);
    r.expect("screening aid, not medical advice");
    r.expect("Nothing you type is sent anywhere");
    r.keys(ENTER); // consent
    let script = [
        "38\r".to_owned(), // age
        down(2),           // male
        " \r".to_owned(),  // goals: shaved look
        down(1),           // expects stubble
        down(4),           // advanced loss
        down(1),           // diagnosed
        down(1),           // stable
        down(1),           // medication for 12 months
        down(1),           // no transplant
        down(2),           // none planned
        down(1),           // will keep it short
        " \r".to_owned(),  // no scars
        down(3),           // skin type III
        down(2),           // no keloid
        down(2),           // none in family
        down(2),           // no nape bumps
        " \r".to_owned(),  // no scalp conditions
        down(2),           // no past koebner disease
        " \r".to_owned(),  // nothing recent
        down(2),           // not oily
        " \r".to_owned(),  // healthy
        " \r".to_owned(),  // no allergies
        down(2),           // no tattoo reaction
        down(2),           // dark brown
        down(1),           // no grey
        down(2),           // sun does not lighten hair
        down(1),           // little sun
        down(1),           // can follow aftercare
        down(3),           // accepts permanence
        down(1),           // can budget
    ];
    for (i, keys) in script.iter().enumerate() {
        r.answer(i + 1, keys);
    }
    r.expect("Review your answers");
    r.expect("Age: 38 years");
    r.keys(ENTER);
    r.expect("Verdict: SUITABLE");
    r.expect("Ink: permanent pigment");
    r.expect("Saved a record to record.json");
    r.p.exp_eof().unwrap();
    let status = r.exit_code();
    assert!(status.contains("Exited") && status.ends_with(", 0)"), "{status}");
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(r.dir.join("record.json")).unwrap()).unwrap();
    assert_eq!(record["result"]["verdict"], "suitable");
    assert_eq!(record["answers"]["age"], 38);
    assert!(record["answers"].get("scar_age").is_none());
}

#[test]
fn going_back_changes_an_earlier_answer() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "38\r");
    r.answer(2, &format!("{UP} {ENTER}")); // tick "Back", the last item
    r.expect("Question 1 of about");
    r.keys("\x7f\x7f45\r"); // erase the offered 38, type 45
    r.expect("Age: 45 years");
    r.answer(2, " \r");
    r.answer(3, &down(2));
    r.expect("Review your answers");
    r.expect("Age: 45 years");
    r.keys(ENTER);
    r.expect("Verdict: SUITABLE");
    r.p.exp_eof().unwrap();
}

#[test]
fn the_review_edits_an_answer_and_asks_what_now_applies() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "50\r");
    r.answer(2, " \r"); // no scars
    r.answer(3, &down(2)); // no thinners
    r.expect("Review your answers");
    r.expect("Scars: No scars");
    r.keys(&down(2)); // the second answer: scars
    r.expect("Any scars?");
    r.keys(&format!(" {DOWN} \r")); // untick "No scars", tick "Strip scar"
    r.expect("How old is the scar?");
    r.keys(&down(1));
    r.expect("SMP is not advisable now");
    r.keys(ENTER); // a consultant continues by default, for a complete record
    r.expect("Review your answers");
    r.expect("Scar age: Under 6 months");
    r.keys(ENTER);
    r.expect("Verdict: UNSUITABLE");
    r.expect("[fresh] Fresh scar");
    r.p.exp_eof().unwrap();
}

#[test]
fn invalid_input_is_re_asked_with_a_clear_message() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "old\r");
    r.expect("Please enter a whole number of years from 0 to 120.");
    r.keys("300\r");
    r.expect("Please enter a whole number of years from 0 to 120.");
    r.keys("\x7f\x7f\x7f40\r");
    r.answer(2, &format!(" {DOWN} \r")); // "No scars" with "Strip scar"
    r.expect("\"No scars\" cannot be combined with other choices.");
    r.keys(&format!(" {ENTER}")); // untick "Strip scar"
    r.answer(3, "?");
    r.keys(&down(3)); // "I don't know"
    r.expect("Review your answers");
    r.expect("Blood thinners: I don't know");
    r.keys(ENTER);
    // The interview ends with the same headline as every report: not a bare verdict.
    r.expect("Not complete: SUITABLE to REFER, depending on 1 unanswered question");
    r.expect("See a physician first if the answer on Blood thinners calls for it");
    r.p.exp_eof().unwrap();
}

#[test]
fn ctrl_c_restores_the_cursor_and_exits_130() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "40\r");
    r.expect("Any scars?");
    r.expect("No scars");
    r.p.send_control('c').unwrap();
    r.expect("Interview cancelled; nothing was saved.");
    let rest = r.p.exp_eof().unwrap();
    assert!(
        rest.ends_with("\x1b[?25h"),
        "the output must end by showing the cursor: {rest:?}"
    );
    let status = r.exit_code();
    assert!(status.ends_with(", 130)"), "{status}");
}

#[test]
fn escape_leaves_cleanly_and_saves_nothing() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant", "--save", "r.json"]);
    r.answer(1, "40\r");
    r.expect("Any scars?");
    r.expect("No scars");
    std::thread::sleep(std::time::Duration::from_millis(200));
    r.keys("\x1b");
    r.expect("Interview cancelled; nothing was saved.");
    r.p.exp_eof().unwrap();
    let status = r.exit_code();
    assert!(status.ends_with(", 130)"), "{status}");
    assert!(!r.dir.join("r.json").exists());
    assert_eq!(
        std::fs::read_dir(&r.dir).unwrap().count(),
        1,
        "only the rulebook is left"
    );
}

#[test]
fn a_certain_unsuitable_verdict_offers_to_stop_early() {
    let mut r = Run::start(Some(MINI), &[]);
    r.expect("Start?");
    r.keys(ENTER);
    r.answer(1, "40\r");
    r.answer(2, &format!("{DOWN} \r")); // strip scar
    r.answer(3, &down(1)); // under 6 months
    r.expect("SMP is not advisable now, whatever the remaining answers:");
    r.expect("The scar is too fresh.");
    r.keys(ENTER); // stop here
    // Stopping early leaves rules undecided, which the headline says, though none of them
    // could change the verdict.
    r.expect("Not complete: UNSUITABLE whatever the answers");
    r.p.exp_eof().unwrap();
}

#[test]
fn without_a_terminal_the_interview_refuses_at_once() {
    for args in [&[][..], &["interview"][..]] {
        smp()
            .args(args)
            .write_stdin("")
            .assert()
            .code(6)
            .stderr(predicate::str::contains("the interview needs a terminal"))
            .stderr(predicate::str::contains("smp-screen assess --answers FILE"));
    }
    let _ = repo("rules");
}

#[test]
fn escape_sequences_in_the_rulebook_never_reach_the_terminal() {
    // Sets the window title and clears the screen if printed raw.
    let evil = r"\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e";
    let hostile = MINI
        .replace("Mini rulebook", &format!("Mini rulebook{evil}"))
        .replace("Test disclaimer.", &format!("Test disclaimer.{evil}"))
        .replace("How old are you?", &format!("How old are you?{evil}"))
        .replace("Scars matter.", &format!("Scars matter.{evil}"))
        .replace("Strip scar", &format!("Strip scar{evil}"))
        .replace("Always there.", &format!("Always there.{evil}"));
    let mut r = Run::start(Some(&hostile), &["--audience", "consultant"]);
    let mut seen = String::new();
    seen += &r.expect("Question 1 of about");
    r.keys("40\r");
    seen += &r.expect("Question 2 of about");
    r.keys(&format!("{DOWN} \r"));
    seen += &r.expect("Question 3 of about");
    r.keys(&down(2));
    seen += &r.expect("Question 4 of about");
    r.keys(&down(2));
    seen += &r.expect("Review your answers");
    r.keys(ENTER);
    seen += &r.expect("Verdict:");
    seen += &r.p.exp_eof().unwrap();
    // rexpect turns each byte into a char, so the UTF-8 of U+202E arrives as three.
    for raw in [
        "\x1b]0;pwned",
        "\x07",
        "\x1b[2J",
        "\u{9b}",
        "\u{202e}",
        "\u{e2}\u{80}\u{ae}",
    ] {
        assert!(!seen.contains(raw), "{raw:?} reached the terminal:\n{seen}");
    }
    // The smuggled text is shown, made visible, for the consultant to notice.
    assert!(seen.contains("\\u{1b}]0;pwned"), "{seen}");
}

#[test]
fn the_interview_saves_a_printable_handout_and_a_labelled_record() {
    let mut r = Run::start(
        Some(MINI),
        &[
            "--audience",
            "consultant",
            "--save-html",
            "handout.html",
            "--save",
            "record.json",
            "--label",
            "case-7",
        ],
    );
    r.answer(1, "61\r");
    r.answer(2, " \r"); // no scars
    r.answer(3, &down(1)); // takes blood thinners
    r.expect("Review your answers");
    r.keys(ENTER);
    r.expect("Verdict: REFER");
    r.expect("Saved the handout to handout.html");
    r.expect("Saved a record to record.json");
    r.p.exp_eof().unwrap();
    let html = std::fs::read_to_string(r.dir.join("handout.html")).unwrap();
    assert!(html.contains("REFER") && html.contains("Blood thinner") && html.contains("Test disclaimer."));
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(r.dir.join("record.json")).unwrap()).unwrap();
    assert_eq!(record["label"], "case-7");
}
