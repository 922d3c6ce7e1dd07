//! The interview driven as a person would drive it: the real binary in a pseudo-terminal.

mod common;

use common::keys::{DOWN, ENTER, down, drawn_keys};
use common::{repo, smp};
use predicates::prelude::*;
use rexpect::process::Signal;
use rexpect::session::PtySession;
use smp_screen::answers::{Answers, Slot};
use smp_screen::audience::Audience;
use smp_screen::interview::{Next, Session};
use smp_screen::rulebook::{QuestionKind, Rulebook};
use std::process::Command;

const ESC: &str = "\x1b";
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
        Run::sized(80, 24, rules, args)
    }

    /// Starts the binary in a pseudo-terminal of `columns` × `rows`.
    fn sized(columns: u16, rows: u16, rules: Option<&str>, args: &[&str]) -> Run {
        Run::with_pager(columns, rows, rules, args, None)
    }

    /// As [`Run::sized`], with `PAGER` set to `pager` (and paging allowed) if given.
    fn with_pager(columns: u16, rows: u16, rules: Option<&str>, args: &[&str], pager: Option<&str>) -> Run {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_owned();
        let mut cmd = Command::new("sh");
        let bin = assert_cmd::cargo::cargo_bin("smp-screen");
        // The shell says which terminal and process it is before becoming the binary.
        let mut line = format!(
            "stty rows {rows} columns {columns} && echo \"tty=$(tty) pid=$$ end\" && exec '{}'{}",
            bin.display(),
            if pager.is_some() { "" } else { " --no-pager" }
        );
        if let Some(text) = rules {
            std::fs::write(path.join("mini.json"), text).unwrap();
            line.push_str(" --rules mini.json");
        }
        for a in args {
            line.push_str(&format!(" '{a}'"));
        }
        cmd.args(["-c", &line]);
        // Without colour, the text a test waits for is not split by escape codes.
        cmd.current_dir(&path)
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("SMP_SCREEN_PLAIN")
            .env_remove("ACCESSIBLE");
        match pager {
            Some(p) => cmd.env("PAGER", p),
            None => cmd.env_remove("PAGER"),
        };
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

    /// The pseudo-terminal's device and the binary's process id.
    fn tty_and_pid(&mut self) -> (String, i32) {
        let (_, found) = self.p.exp_regex(r"tty=\S+ pid=\d+ end").unwrap();
        let tty = found.split(' ').next().unwrap().trim_start_matches("tty=").to_owned();
        let pid = found
            .split(' ')
            .nth(1)
            .unwrap()
            .trim_start_matches("pid=")
            .parse()
            .unwrap();
        (tty, pid)
    }
}

/// The output as text: rexpect hands each byte over as one char.
fn text(seen: &str) -> String {
    let bytes: Vec<u8> = seen.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The output without escape sequences, with every run of spaces, line ends and list
/// markers folded to one space, so a label wrapped over lines reads as one line again.
fn flat(seen: &str) -> String {
    let t = text(seen);
    let mut out = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                while let Some(&n) = chars.peek() {
                    chars.next();
                    if n.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    let lines: Vec<String> = out
        .split(['\n', '\r'])
        .map(|l| {
            let l = l.trim_start();
            let l = l.strip_prefix("> ").unwrap_or(l).trim_start();
            let l = l.strip_prefix("[x]").or_else(|| l.strip_prefix("[ ]")).unwrap_or(l);
            l.trim().to_owned()
        })
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(" ")
}

fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first golden case (in file-name order), whatever the rulebook's authors call it.
fn first_golden() -> serde_json::Value {
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(repo("rules/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    serde_json::from_str(&std::fs::read_to_string(&names[0]).unwrap()).unwrap()
}

#[test]
fn a_golden_patient_reaches_the_verdict_and_saves_a_record() {
    let rulebook = Rulebook::embedded().unwrap();
    let case = first_golden();
    let answers = Answers::from_json_value(&rulebook, &case["answers"]).unwrap();
    let mut r = Run::start(None, &["--save", "record.json"]);
    r.expect("screening aid, not medical advice");
    r.expect("Nothing you type is sent anywhere");
    r.keys(ENTER); // consent
    for (i, keys) in drawn_keys(&rulebook, &answers).iter().enumerate() {
        r.expect("Question ");
        r.expect(" of about ");
        let _ = i;
        r.keys(keys);
    }
    r.expect("Review your answers");
    r.keys(ENTER);
    r.expect("Your result, in short");
    let expected = case["expect"]["verdict"].as_str().map(str::to_uppercase);
    if let Some(v) = &expected {
        r.expect(&format!("Verdict: {v}"));
    }
    r.expect("Saved a record to record.json");
    r.p.exp_eof().unwrap();
    let status = r.exit_code();
    assert!(status.contains("Exited") && status.ends_with(", 0)"), "{status}");
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(r.dir.join("record.json")).unwrap()).unwrap();
    if let Some(v) = expected {
        assert_eq!(record["result"]["verdict"].as_str().unwrap().to_uppercase(), v);
    }
    if case["answers"].get("age").is_some() {
        assert_eq!(record["answers"]["age"], case["answers"]["age"]);
    }
    assert!(
        !r.dir.join("record.json.draft").exists(),
        "the draft goes once the record is saved"
    );
}

/// Every option label offered when each question is answered "I don't know" (which
/// opens every question that may apply) must appear whole at this width.
fn every_label_in_full(columns: u16, audience: Audience) {
    let rulebook = Rulebook::embedded().unwrap();
    let mut session = Session::new(&rulebook);
    let mut expected = Vec::new();
    while let Next::Ask(prompt) = session.step() {
        let question = &rulebook.questions[prompt.question];
        if question.kind == QuestionKind::Single || question.kind == QuestionKind::Multiple {
            for &o in &prompt.options {
                expected.push(question.options[o].label_for(audience).to_owned());
            }
        }
        session.answer(prompt.question, Slot::DontKnow);
    }
    assert!(expected.len() > 20, "the default rulebook offers many options");
    let name = match audience {
        Audience::Patient => "patient",
        Audience::Consultant => "consultant",
    };
    let mut r = Run::sized(columns, 200, None, &["--audience", name]);
    if audience == Audience::Patient {
        r.expect("Start?");
        r.keys(ENTER);
    }
    let mut seen = String::new();
    loop {
        let (before, found) = r.p.exp_regex(r"Question \d+ of about|Review your answers").unwrap();
        seen += &before;
        seen += &found;
        if found.starts_with("Review") {
            break;
        }
        // Wait for the whole frame (its key hints come last) before answering.
        seen += &r.expect("Esc leaves");
        r.keys("?");
    }
    let all = folded(&flat(&seen));
    for label in expected {
        assert!(
            all.contains(&folded(&label)),
            "at {columns} columns the {name} label {label:?} is not shown in full"
        );
    }
    assert!(!text(&seen).contains('…'), "nothing is cut at {columns} columns");
    // Every line fits the width (no line left for the terminal to wrap).
    r.keys(ESC);
    r.expect("Leave now?");
    r.keys(ESC);
    r.p.exp_eof().unwrap();
}

#[test]
fn every_option_label_appears_in_full_at_40_columns() {
    every_label_in_full(40, Audience::Patient);
}

#[test]
fn every_option_label_appears_in_full_at_80_columns() {
    every_label_in_full(80, Audience::Patient);
    every_label_in_full(80, Audience::Consultant);
}

#[test]
fn every_option_label_appears_in_full_at_200_columns() {
    every_label_in_full(200, Audience::Patient);
}

#[test]
fn the_first_down_lands_on_the_first_option_in_every_list_and_marks_need_no_colour() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "40\r");
    r.expect("Any scars?");
    r.expect("Esc leaves");
    r.keys(DOWN);
    r.expect("> [ ] No scars");
    r.keys(" ");
    r.expect("> [x] No scars");
    r.keys(ENTER);
    r.expect("Scars: No scars");
    r.answer(3, DOWN);
    r.expect("> Yes");
    r.keys(ENTER);
    r.expect("Blood thinners: Yes");
    r.expect("Review your answers");
    r.keys(ESC);
    r.expect("Leave now?");
    r.keys(ESC);
    r.p.exp_eof().unwrap();
}

#[test]
fn enter_with_nothing_chosen_says_what_to_do() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "\r");
    r.expect("Type a number first, or ? for \"I don't know\".");
    r.keys("40\r");
    r.answer(2, ENTER);
    r.expect("Nothing is ticked yet: move with");
    r.keys(" ");
    r.expect("Move to an answer with");
    r.keys(&format!("{DOWN} {ENTER}"));
    r.answer(3, ENTER);
    r.expect("No answer chosen yet: move to one with");
    r.keys(&down(2));
    r.expect("Review your answers");
}

#[test]
fn back_and_dont_know_are_actions_not_checkboxes() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "38\r");
    r.answer(2, "<"); // back, from a multiple choice
    r.expect("Question 1 of about");
    r.expect("Earlier answer: 38 years (Enter keeps it)");
    r.keys("45\r"); // starts empty: 45, not 3845
    r.expect("Age: 45 years");
    r.answer(2, "?");
    r.expect("Scars: I don't know");
    r.expect("How old is the scar?"); // may apply: asked
    // Back as a list item: the last one.
    r.expect("Esc leaves");
    r.keys(&format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}"));
    r.expect("Any scars?");
    r.expect("Esc leaves");
    r.keys(&format!("{DOWN}{DOWN}{DOWN} {ENTER}"));
    r.expect("This is an action, not an answer: press Enter to choose it.");
}

#[test]
fn the_number_editor_erases_clears_and_takes_wide_characters() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "12");
    r.p.send_control('u').unwrap(); // clears 12
    r.keys("日本\x7f\x7f3\x7f4"); // wide characters, erased one by one
    r.keys("1\r");
    r.expect("Age: 41 years");
}

#[test]
fn the_review_edits_an_answer_and_asks_what_now_applies() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "50\r");
    r.answer(2, &format!("{DOWN} {ENTER}")); // no scars
    r.answer(3, &down(2)); // no thinners
    r.expect("Review your answers");
    r.expect("Scars: No scars");
    r.keys(&down(2)); // the second answer: scars
    r.expect("Changing: Scars");
    r.expect("Any scars?");
    r.expect("Esc leaves");
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
    r.expect("Save this result?");
    r.keys(ENTER);
    r.p.exp_eof().unwrap();
}

#[test]
fn invalid_input_is_re_asked_with_a_clear_message() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "old\r");
    r.expect("Please enter a whole number of years from 0 to 120.");
    r.p.send_control('u').unwrap();
    r.keys("300\r");
    r.expect("Please enter a whole number of years from 0 to 120.");
    r.p.send_control('u').unwrap();
    r.keys("40\r");
    r.answer(2, &format!("{DOWN} {DOWN} {ENTER}")); // "No scars" with "Strip scar"
    r.expect("\"No scars\" cannot be combined with other choices.");
    r.keys(&format!(" {ENTER}")); // untick "Strip scar"
    r.answer(3, "?");
    r.expect("Review your answers");
    r.expect("Blood thinners: I don't know");
    r.keys(ENTER);
    // The interview ends with the same headline as every report: not a bare verdict.
    r.expect("Not complete: SUITABLE to REFER, depending on 1 unanswered question");
    r.expect("See a physician first if the answer on Blood thinners calls for it");
    r.expect("Save this result?");
    r.keys(ENTER);
    r.p.exp_eof().unwrap();
}

#[test]
fn leaving_asks_first_and_going_on_keeps_the_answers() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "40\r");
    r.expect("Any scars?");
    r.expect("Esc leaves");
    std::thread::sleep(std::time::Duration::from_millis(100));
    r.keys(ESC);
    r.expect("Leave now? Your answers will be lost.");
    r.keys("n");
    r.expect("Any scars?");
    r.keys("q");
    r.expect("Leave now? Your answers will be lost.");
    r.keys(ENTER);
    r.expect("Any scars?");
    r.keys(&format!("{DOWN} {ENTER}"));
    r.answer(3, &down(2));
    r.expect("Review your answers");
    r.expect("Age: 40 years");
}

#[test]
fn ctrl_c_twice_restores_the_cursor_and_exits_130() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "40\r");
    r.expect("Any scars?");
    r.expect("No scars");
    r.p.send_control('c').unwrap();
    r.expect("Leave now? Your answers will be lost.");
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
fn escape_twice_leaves_and_the_draft_keeps_the_answers() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant", "--save", "r.json"]);
    r.answer(1, "40\r");
    r.expect("Any scars?");
    r.expect("No scars");
    std::thread::sleep(std::time::Duration::from_millis(200));
    r.keys(ESC);
    r.expect("Your answers so far are kept in the draft r.json.draft");
    std::thread::sleep(std::time::Duration::from_millis(200));
    r.keys(ESC);
    r.expect("continue with: smp-screen --resume r.json.draft");
    r.p.exp_eof().unwrap();
    let status = r.exit_code();
    assert!(status.ends_with(", 130)"), "{status}");
    assert!(!r.dir.join("r.json").exists());
    let draft: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(r.dir.join("r.json.draft")).unwrap()).unwrap();
    assert_eq!(draft["answers"]["age"], 40);
}

#[test]
fn a_certain_unsuitable_verdict_offers_to_stop_early() {
    let mut r = Run::start(Some(MINI), &[]);
    r.expect("Start?");
    r.keys(ENTER);
    r.answer(1, "40\r");
    r.answer(2, &format!("{DOWN}{DOWN} {ENTER}")); // strip scar
    r.answer(3, &down(1)); // under 6 months
    r.expect("SMP is not advisable now, whatever the remaining answers:");
    r.expect("The scar is too fresh.");
    r.keys(ENTER); // stop here
    // Stopping early leaves rules undecided, which the headline says, though none of them
    // could change the verdict.
    r.expect("Not complete: UNSUITABLE whatever the answers");
    r.expect("Save this result to a file?");
    r.keys(ENTER);
    r.p.exp_eof().unwrap();
}

#[test]
fn the_end_offers_to_save_and_never_overwrites() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    r.answer(1, "61\r");
    r.answer(2, &format!("{DOWN} {ENTER}"));
    r.answer(3, &down(2));
    r.expect("Review your answers");
    r.keys(ENTER);
    r.expect("Your result, in short");
    r.expect("Save this result? Files stay on this computer; nothing is sent anywhere.");
    r.expect("Esc leaves");
    r.keys(&down(3)); // both
    r.expect("File name for the handout");
    r.expect("Press Enter for: smp-screening-");
    std::fs::write(r.dir.join("taken.html"), "mine").unwrap();
    r.keys("taken.html\r");
    r.expect("taken.html already exists and is never replaced: type another name.");
    r.keys(ENTER); // the default
    r.expect("Saved the handout to smp-screening-");
    r.expect("File name for the record");
    r.keys("mine.json\r");
    r.expect("Saved the record to mine.json");
    r.p.exp_eof().unwrap();
    assert_eq!(std::fs::read_to_string(r.dir.join("taken.html")).unwrap(), "mine");
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(r.dir.join("mine.json")).unwrap()).unwrap();
    assert_eq!(record["answers"]["age"], 61);
    let handouts = std::fs::read_dir(&r.dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("smp-screening-")
        })
        .count();
    assert_eq!(handouts, 1);
}

#[test]
fn a_terminal_too_small_to_draw_in_is_refused_with_exit_6() {
    let mut r = Run::sized(80, 2, Some(MINI), &["--audience", "consultant"]);
    r.expect("too small to draw the interview");
    r.expect("smp-screen --plain");
    r.p.exp_eof().unwrap();
    let status = r.exit_code();
    assert!(status.ends_with(", 6)"), "{status}");
}

fn stty(tty: &str, args: &[&str]) -> String {
    let out = Command::new("stty").arg("-F").arg(tty).args(args).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn shrinking_to_two_rows_pauses_and_growing_again_redraws() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    let (tty, _) = r.tty_and_pid();
    r.answer(1, "40\r");
    r.expect("Any scars?");
    stty(&tty, &["rows", "2"]);
    r.expect("Terminal too small");
    stty(&tty, &["rows", "24"]);
    r.expect("Any scars?");
    r.expect("Esc leaves");
    r.keys(&format!("{DOWN} {ENTER}"));
    r.answer(3, &down(2));
    r.expect("Review your answers");
}

#[test]
fn sigterm_restores_the_terminal() {
    for signal in [Signal::SIGTERM, Signal::SIGHUP, Signal::SIGQUIT] {
        let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
        let (tty, _) = r.tty_and_pid();
        r.answer(1, "40\r");
        r.expect("Any scars?");
        r.expect("Esc leaves");
        assert!(stty(&tty, &["-a"]).contains("-icanon"), "raw while asking");
        r.p.process_mut().signal(signal).unwrap();
        let rest = r.expect("Interview stopped by a signal.");
        assert!(
            rest.contains("\x1b[?25h"),
            "{signal:?}: the cursor is shown again: {rest:?}"
        );
        let modes = stty(&tty, &["-a"]);
        assert!(
            // rexpect starts its terminal without echo, so echo is not checked.
            !modes.contains("-icanon") && !modes.contains("-isig"),
            "{signal:?} left the terminal raw: {modes}"
        );
        let status = r.exit_code();
        assert!(status.ends_with(&format!(", {})", 128 + signal as i32)), "{status}");
    }
}

#[test]
fn ctrl_z_shows_the_cursor_and_fg_redraws() {
    let mut r = Run::start(Some(MINI), &["--audience", "consultant"]);
    let (tty, _) = r.tty_and_pid();
    r.answer(1, "40\r");
    r.expect("Any scars?");
    r.expect("Esc leaves");
    r.p.process_mut().signal(Signal::SIGTSTP).unwrap();
    let mut modes = String::new();
    for _ in 0..50 {
        modes = stty(&tty, &["-a"]);
        if !modes.contains("-icanon") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        !modes.contains("-icanon"),
        "stopped, the terminal is given back: {modes}"
    );
    r.p.process_mut().signal(Signal::SIGCONT).unwrap();
    let seen = r.expect("Any scars?");
    assert!(
        seen.contains("\x1b[?25h"),
        "the cursor was shown before stopping: {seen:?}"
    );
    r.expect("Esc leaves");
    r.keys(&format!("{DOWN} {ENTER}"));
    r.answer(3, &down(2));
    r.expect("Review your answers");
}

#[test]
fn without_a_terminal_or_with_term_dumb_the_interview_is_plain() {
    smp()
        .write_stdin("")
        .assert()
        .code(130)
        .stderr(
            predicate::str::contains("Type the number of your answer").or(predicate::str::contains("Type a number")),
        )
        .stderr(predicate::str::contains("\x1b").not());
    // TERM=dumb in a terminal: numbered lines, no escape byte.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mini.json"), MINI).unwrap();
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("smp-screen"));
    cmd.current_dir(dir.path())
        .env("TERM", "dumb")
        .env_remove("NO_COLOR")
        .args(["--rules", "mini.json", "--audience", "consultant"]);
    let p = rexpect::spawn_with_options(
        cmd,
        rexpect::reader::Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(false),
    )
    .unwrap();
    let mut r = Run {
        p,
        _dir: dir,
        dir: std::path::PathBuf::new(),
    };
    let mut seen = r.expect("Type a whole number");
    r.keys("40\r");
    seen += &r.expect("Chose: 40 years");
    seen += &r.expect("applies (1 to 2)");
    r.keys("1\r");
    seen += &r.expect("Chose: No scars");
    r.keys("2\r");
    seen += &r.expect("Review your answers.");
    r.keys("0\r");
    seen += &r.expect("Save this result?");
    r.keys("1\r");
    seen += &r.p.exp_eof().unwrap();
    assert!(!seen.contains('\x1b'), "TERM=dumb gets no escape sequence: {seen:?}");
    assert!(seen.contains("Verdict: SUITABLE"));
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
    seen += &r.expect("Esc leaves");
    r.keys(&format!("{DOWN}{DOWN} \r"));
    seen += &r.expect("Question 3 of about");
    r.keys(&down(2));
    seen += &r.expect("Question 4 of about");
    r.keys(&down(2));
    seen += &r.expect("Review your answers");
    r.keys(ENTER);
    seen += &r.expect("Verdict:");
    seen += &r.expect("Save this result?");
    r.keys(ENTER);
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
    r.answer(2, &format!("{DOWN} {ENTER}")); // no scars
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

#[test]
fn a_report_taller_than_the_terminal_goes_through_the_pager() {
    let mut r = Run::with_pager(80, 12, Some(MINI), &["--audience", "consultant"], Some("tee paged.txt"));
    r.answer(1, "61\r");
    r.answer(2, &format!("{DOWN} {ENTER}"));
    r.answer(3, &down(1));
    r.expect("Review your answers");
    r.keys(ENTER);
    r.expect("Your result, in short");
    r.expect("Verdict: REFER");
    r.expect("Press Enter to read the full report (q closes it).");
    r.keys(ENTER);
    r.expect("Save this result?");
    r.keys(ENTER);
    r.p.exp_eof().unwrap();
    let paged = std::fs::read_to_string(r.dir.join("paged.txt")).unwrap();
    assert!(
        paged.contains("Verdict: REFER") && paged.contains("Blood thinner"),
        "{paged}"
    );
}

#[test]
fn a_change_of_width_wraps_the_question_again() {
    let mut r = Run::start(None, &["--audience", "consultant"]);
    let (tty, _) = r.tty_and_pid();
    r.answer(1, "40\r");
    r.expect("Question 2 of about");
    r.expect("Esc leaves");
    stty(&tty, &["columns", "40"]);
    r.expect("\x1b[2J");
    let frame = r.expect("Esc leaves");
    let lines: Vec<String> = frame.split("\r\n").map(flat).collect();
    assert!(lines.len() > 5, "{lines:?}");
    for line in &lines {
        assert!(line.chars().count() <= 40, "a line wider than the terminal: {line:?}");
    }
}

#[test]
fn accessible_or_smp_screen_plain_turn_plain_mode_on_in_a_terminal() {
    for var in ["ACCESSIBLE", "SMP_SCREEN_PLAIN"] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mini.json"), MINI).unwrap();
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("smp-screen"));
        cmd.current_dir(dir.path())
            .env("TERM", "xterm-256color")
            .env(var, "1")
            .env_remove("NO_COLOR")
            .args(["--rules", "mini.json", "--audience", "consultant"]);
        let mut p = rexpect::spawn_with_options(
            cmd,
            rexpect::reader::Options::new()
                .timeout_ms(Some(TIMEOUT_MS))
                .strip_ansi_escape_codes(false),
        )
        .unwrap();
        let seen = p.exp_string("Type a whole number").unwrap();
        assert!(!seen.contains('\x1b'), "{var}: {seen:?}");
        p.send("q\r").unwrap();
        p.flush().unwrap();
        p.exp_string("Leave now?").unwrap();
        p.send("y\r").unwrap();
        p.flush().unwrap();
        let rest = p.exp_eof().unwrap();
        assert!(!rest.contains('\x1b'), "{var}: {rest:?}");
    }
}
