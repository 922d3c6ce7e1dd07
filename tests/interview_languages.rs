//! The interview in Italian and Spanish, driven from the real binary: in a
//! pseudo-terminal with `--lang it` and by switching language at the first screen, and
//! through a pipe in plain mode. Each run reaches a result, saved as a record that keeps
//! the language; what the interview says is in the language chosen, with no English
//! sentence of the interview left in it.
//!
//! The summary and the report are translated apart (src/summary.rs, words.rs): these
//! tests check the interview's own words and the result through the record, so they
//! hold whatever language those are written in.

mod common;

use common::keys::{ENTER, down, drawn_keys, plain_lines};
use common::{repo, smp};
use rexpect::session::PtySession;
use smp_screen::answers::{Answers, Slot};
use smp_screen::i18n::Words;
use smp_screen::interview::{Next, Session};
use smp_screen::rulebook::Rulebook;
use std::process::Command;

const TIMEOUT_MS: u64 = 20_000;

/// The binary in a pseudo-terminal of 80 × 24, in an empty folder, with no language
/// from the environment (so English unless `--lang` or the first screen says otherwise).
struct Run {
    p: PtySession,
    _dir: tempfile::TempDir,
    dir: std::path::PathBuf,
}

impl Run {
    fn start(args: &[&str]) -> Run {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_owned();
        let bin = assert_cmd::cargo::cargo_bin("smp-screen");
        let mut line = format!("stty rows 24 columns 80 && exec '{}' --no-pager", bin.display());
        for a in args {
            line.push_str(&format!(" '{a}'"));
        }
        let mut cmd = Command::new("sh");
        cmd.args(["-c", &line])
            .current_dir(&path)
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("SMP_SCREEN_PLAIN")
            .env_remove("ACCESSIBLE")
            .env_remove("PAGER")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
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

    /// Waits for `text` (ASCII only: rexpect decodes output byte by byte), returning
    /// what came before it as text.
    fn expect(&mut self, text: &str) -> String {
        assert!(text.is_ascii(), "rexpect cannot match non-ASCII text such as {text:?}");
        let before = self
            .p
            .exp_string(text)
            .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
        decoded(&before)
    }

    fn keys(&mut self, keys: &str) {
        self.p.send(keys).unwrap();
        self.p.flush().unwrap();
    }

    fn record(&self, name: &str) -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(self.dir.join(name)).unwrap()).unwrap()
    }
}

/// The output as text: rexpect hands each byte over as one char.
fn decoded(seen: &str) -> String {
    let bytes: Vec<u8> = seen.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A golden case with a verdict and a number question answered, by file name order.
fn golden() -> serde_json::Value {
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(repo("rules/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(p).unwrap()).unwrap())
        .find(|c| c["expect"]["verdict"].is_string() && c["answers"]["age"].is_number())
        .expect("a golden case with a verdict and an age")
}

/// The interview's English sentences that must not appear in another language's
/// interview: every `interview-` message that needs no argument, is long enough not to
/// be a word shared by chance, and differs in `code`.
fn english_sentences(code: &str) -> Vec<String> {
    let english = Words::english();
    let other = Words::new(code);
    english
        .ids()
        .into_iter()
        .filter(|id| id.starts_with("interview-"))
        .filter_map(|id| {
            let en = english.try_get(&id, &[])?;
            let theirs = other.try_get(&id, &[])?;
            (en.chars().count() >= 14 && en != theirs).then_some(en)
        })
        .collect()
}

fn assert_no_english(seen: &str, code: &str) {
    let sentences = english_sentences(code);
    assert!(sentences.len() > 40, "the scan has too few sentences: {sentences:?}");
    for s in sentences {
        assert!(
            !seen.contains(&s),
            "English left in the {code} interview: {s:?}\n{seen}"
        );
    }
}

/// Answers the golden case in the drawn interview shown in Italian, from the consent on,
/// and checks the record: the verdict `assess` gives and the language. Returns what the
/// interview showed up to the review (before the summary and the report).
fn italian_to_a_verdict(r: &mut Run, case: &serde_json::Value) -> String {
    let rulebook = Rulebook::embedded().unwrap();
    let answers = Answers::from_json_value(&rulebook, &case["answers"]).unwrap();
    let mut seen = r.expect("Vuole iniziare?");
    // The whole frame (its key hints come last) before a key.
    seen += &r.expect("Esc esce");
    r.keys(ENTER);
    for (i, keys) in drawn_keys(&rulebook, &answers).iter().enumerate() {
        seen += &r.expect(&format!("Domanda {} di circa ", i + 1));
        if i == 0 {
            seen += &r.expect("Quanti anni ha?");
        }
        seen += &r.expect("Esc esce");
        r.keys(keys);
    }
    seen += &r.expect("Riveda le Sue risposte");
    seen += &r.expect("Esc esce");
    r.keys(ENTER);
    r.expect("Registrazione salvata in record.json");
    r.p.exp_eof().unwrap();
    let status = format!("{:?}", r.p.process().wait().unwrap());
    assert!(status.ends_with(", 0)"), "{status}");
    let record = r.record("record.json");
    assert_eq!(record["language"], "it");
    assert_eq!(
        record["result"]["verdict"].as_str().map(str::to_lowercase),
        case["expect"]["verdict"].as_str().map(str::to_lowercase),
        "the verdict does not depend on the language"
    );
    assert_eq!(record["answers"]["age"], case["answers"]["age"]);
    seen
}

#[test]
fn with_lang_it_the_drawn_interview_speaks_italian_to_a_verdict() {
    let case = golden();
    let mut r = Run::start(&["--lang", "it", "--save", "record.json"]);
    let seen = italian_to_a_verdict(&mut r, &case);
    assert!(seen.contains("Età"), "the rulebook's texts are Italian too");
    assert!(seen.contains("Sì, iniziare"));
    assert!(!seen.contains("Question 1 of about"));
    assert_no_english(&seen, "it");
}

#[test]
fn the_language_can_be_switched_at_the_first_screen() {
    let case = golden();
    let mut r = Run::start(&["--save", "record.json"]);
    r.expect("Start?");
    r.expect("Language");
    r.expect("Esc leaves");
    r.keys("L");
    let list = r.expect("Esc goes back");
    assert!(list.contains("Italiano") && list.contains("Español") && list.contains("English"));
    // A stray Esc goes back to the first screen, losing nothing.
    r.keys("\x1b");
    r.expect("Start?");
    r.expect("Esc leaves");
    r.keys("l");
    r.expect("Choose the language of the interview");
    r.expect("Esc goes back");
    // English, Español, Italiano: the cursor starts on the language shown.
    r.keys(&down(2));
    let seen = italian_to_a_verdict(&mut r, &case);
    assert!(
        seen.contains("Italiano (L)"),
        "the first screen names the language shown"
    );
}

#[test]
fn a_consultant_switches_with_l_at_the_first_question() {
    let mut r = Run::start(&["--audience", "consultant"]);
    r.expect("L changes the language");
    r.expect("Question 1 of about");
    r.expect("Esc leaves");
    r.keys("L");
    r.expect("Choose the language of the interview");
    r.expect("Esc goes back");
    r.keys(&down(2));
    r.expect("Domanda 1 di circa");
    r.expect("del paziente (anni).");
    r.expect("Esc esce");
    r.keys("40\r");
    r.expect("Domanda 2 di circa");
    r.expect("Esc esce");
    // Once an answer is given the key is an ordinary one again.
    r.keys("L");
    r.keys("\x1b");
    r.expect("Vuole uscire? Le Sue risposte andranno perse.");
    r.expect("s o y esce");
    r.keys("s");
    let rest = decoded(&r.p.exp_eof().unwrap());
    assert!(rest.contains("Intervista annullata"), "{rest}");
}

#[test]
fn plain_mode_in_spanish_chosen_at_the_first_screen_reaches_a_verdict() {
    let case = golden();
    let rulebook = Rulebook::embedded().unwrap();
    let answers = Answers::from_json_value(&rulebook, &case["answers"]).unwrap();
    for via_flag in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let mut typed: Vec<String> = Vec::new();
        if !via_flag {
            // English, Español, Italiano.
            typed.extend(["L".to_owned(), "2".to_owned()]);
        }
        typed.push("1".to_owned()); // consent
        typed.extend(plain_lines(&rulebook, &answers, " ").into_iter().map(|l| l.text));
        typed.push("0".to_owned()); // the review: all correct
        let mut cmd = smp();
        cmd.current_dir(dir.path()).args(["--plain", "--save", "rec.json"]);
        if via_flag {
            cmd.args(["--lang", "es"]);
        }
        let out = cmd.write_stdin(typed.join("\n") + "\n").output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(stderr.contains("Pregunta 1 de unas"), "{stderr}");
        assert!(stderr.contains("¿Qué edad tiene?"), "{stderr}");
        assert!(
            stderr.contains("Escriba un número entero de años del 0 al 120"),
            "{stderr}"
        );
        assert!(stderr.contains("Revise sus respuestas."), "{stderr}");
        assert!(stderr.contains("Registro guardado en rec.json"), "{stderr}");
        // From the first screen in Spanish to the review, before the summary.
        let spanish = stderr.split("Cribado para la SMP").last().unwrap();
        let spanish = spanish.split("Escriba 0 para ver el resultado").next().unwrap();
        assert!(spanish.contains("Elegido: "), "{spanish}");
        assert_no_english(spanish, "es");
        let record: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join("rec.json")).unwrap()).unwrap();
        assert_eq!(record["language"], "es");
        assert_eq!(
            record["result"]["verdict"].as_str().map(str::to_lowercase),
            case["expect"]["verdict"].as_str().map(str::to_lowercase)
        );
    }
}

#[test]
fn plain_mode_asks_again_for_a_language_that_is_not_offered_and_goes_back_on_enter() {
    let out = smp().arg("--plain").write_stdin("L\n9\n\n3\n").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("Please type a number from 1 to 3."), "{stderr}");
    // Enter on nothing went back to the first screen, still in English, where 3 is the
    // language entry again; the input then ends, which leaves.
    assert_eq!(
        stderr.matches("Choose the language of the interview:").count(),
        2,
        "{stderr}"
    );
    assert!(!stderr.contains("Screening per la SMP"), "{stderr}");
}

#[test]
fn a_draft_keeps_its_language_and_resume_continues_in_it() {
    let dir = tempfile::tempdir().unwrap();
    // Italian chosen at the first screen (English, Español, Italiano), one answer, then
    // the input ends: the draft stays.
    let out = smp()
        .current_dir(dir.path())
        .args(["--plain", "--draft", "d.json"])
        .write_stdin("L\n3\n1\n40\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", String::from_utf8_lossy(&out.stderr));
    let draft: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("d.json")).unwrap()).unwrap();
    assert_eq!(draft["language"], "it");
    assert_eq!(draft["answers"]["age"], 40);
    let out = smp()
        .current_dir(dir.path())
        .args(["--plain", "--resume", "d.json"])
        .write_stdin("")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Si riprende un'intervista: conservata 1 risposta."),
        "{stderr}"
    );
    assert!(stderr.contains("Conservata: Età: 40 anni"), "{stderr}");
    assert!(stderr.contains("Domanda 2 di circa"), "{stderr}");
    // --lang still decides when given.
    let out = smp()
        .current_dir(dir.path())
        .args(["--plain", "--resume", "d.json", "--lang", "es"])
        .write_stdin("")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Se continúa una entrevista: se mantiene 1 respuesta."),
        "{stderr}"
    );
    assert!(stderr.contains("Pregunta 2 de unas"), "{stderr}");
}

#[test]
fn the_errors_that_stop_an_interview_before_it_starts_are_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.json.draft"), "{}").unwrap();
    let out = smp()
        .current_dir(dir.path())
        .args(["--plain", "--save", "r.json", "--lang", "it"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("esiste già la bozza"), "{stderr}");
    assert!(stderr.contains("smp-screen --resume r.json.draft"), "{stderr}");
    let out = smp()
        .current_dir(dir.path())
        .args(["--plain", "--save", "r.json"])
        .env("LANG", "es_ES.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ya existe un borrador"), "{stderr}");
}

/// The output without escape sequences, as lines.
fn screen_lines(seen: &str) -> Vec<String> {
    let t = decoded(seen);
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
    out.split(['\n', '\r']).map(str::to_owned).collect()
}

fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_italian_option_label_appears_in_full_at_40_columns() {
    use smp_screen::audience::Audience;
    use smp_screen::rulebook::locale::{self, Locales};
    let mut rulebook = Rulebook::embedded().unwrap();
    let locales = Locales::embedded();
    let file = locale::parse(locales.find("it").unwrap()).unwrap();
    locale::apply(&mut rulebook, "it", Some(&file));
    let mut session = Session::new(&rulebook);
    let mut expected = Vec::new();
    while let Next::Ask(prompt) = session.step() {
        let question = &rulebook.questions[prompt.question];
        expected.push(question.prompt_for(Audience::Patient).to_owned());
        for &o in &prompt.options {
            expected.push(question.options[o].label_for(Audience::Patient).to_owned());
        }
        session.answer(prompt.question, Slot::DontKnow);
    }
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("smp-screen");
    let mut cmd = Command::new("sh");
    cmd.args([
        "-c",
        &format!(
            "stty rows 200 columns 40 && exec '{}' --no-pager --lang it",
            bin.display()
        ),
    ])
    .current_dir(dir.path())
    .env("TERM", "xterm-256color")
    .env("NO_COLOR", "1")
    .env_remove("SMP_SCREEN_PLAIN")
    .env_remove("ACCESSIBLE");
    let mut p = rexpect::spawn_with_options(
        cmd,
        rexpect::reader::Options::new()
            .timeout_ms(Some(TIMEOUT_MS))
            .strip_ansi_escape_codes(false),
    )
    .unwrap();
    p.exp_string("Vuole iniziare?").unwrap();
    p.exp_string("Esc esce").unwrap();
    p.send(ENTER).unwrap();
    p.flush().unwrap();
    let mut seen = String::new();
    loop {
        let (before, found) = p.exp_regex(r"Domanda \d+ di circa|Riveda le Sue risposte").unwrap();
        seen += &before;
        seen += &found;
        if found.starts_with("Riveda") {
            break;
        }
        seen += &p.exp_string("Esc esce").unwrap();
        p.send("?").unwrap();
        p.flush().unwrap();
    }
    let lines = screen_lines(&seen);
    for line in &lines {
        assert!(line.chars().count() <= 40, "wider than 40 columns: {line:?}");
    }
    let all: String = lines
        .iter()
        .map(|l| {
            let l = l.trim_start();
            let l = l.strip_prefix("> ").unwrap_or(l).trim_start();
            l.strip_prefix("[ ]").unwrap_or(l).trim().to_owned()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let all = folded(&all);
    for text in expected {
        assert!(
            all.contains(&folded(&text)),
            "not shown in full at 40 columns: {text:?}"
        );
    }
    assert!(!all.contains('…'), "nothing is cut");
    p.exp_string("Esc esce").unwrap();
    p.send("\x1b").unwrap();
    p.flush().unwrap();
    p.exp_string("Vuole uscire?").unwrap();
    p.send("\x1b").unwrap();
    p.flush().unwrap();
    p.exp_eof().unwrap();
}

/// What a result decides, without its words: verdict, ink, status, the worst case, and
/// the ids of every rule, risk and advice.
fn outcome(result: &serde_json::Value) -> serde_json::Value {
    let ids = |key: &str| -> Vec<serde_json::Value> {
        result[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|x| x.get("id").or_else(|| x.get("rule")).cloned().unwrap_or(x.clone()))
                    .collect()
            })
            .unwrap_or_default()
    };
    serde_json::json!({
        "verdict": result["verdict"], "ink": result["ink"], "status": result["status"],
        "worst_case": result["worst_case"], "fired": ids("fired"), "risks": ids("risks"),
        "advice": ids("advice"), "unanswered": ids("unanswered"),
    })
}

#[test]
fn golden_cases_through_the_italian_and_spanish_interview_decide_as_in_english() {
    let rulebook = Rulebook::embedded().unwrap();
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(repo("rules/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut checked = 0;
    for (n, path) in names.iter().enumerate().filter(|(n, _)| n % 8 == 0) {
        let case: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let answers = Answers::from_json_value(&rulebook, &case["answers"]).unwrap();
        let english = smp()
            .args(["assess", "--answers", "-", "--format", "json"])
            .write_stdin(case["answers"].to_string())
            .output()
            .unwrap();
        let english: serde_json::Value = serde_json::from_slice(&english.stdout).unwrap();
        assert!(
            english["verdict"].is_string() && english["fired"].is_array(),
            "{english}"
        );
        let code = if n % 16 == 0 { "it" } else { "es" };
        let dir = tempfile::tempdir().unwrap();
        let mut typed = vec!["1".to_owned()];
        typed.extend(plain_lines(&rulebook, &answers, " ").into_iter().map(|l| l.text));
        typed.push("0".to_owned());
        let out = smp()
            .current_dir(dir.path())
            .args(["--plain", "--save", "rec.json", "--lang", code])
            .write_stdin(typed.join("\n") + "\n")
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let record: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join("rec.json")).unwrap()).unwrap();
        assert_eq!(record["language"], code);
        assert_eq!(
            outcome(&record["result"]),
            outcome(&english),
            "{} in {code}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} cases");
}
