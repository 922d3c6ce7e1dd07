//! `rules prove` on the default rulebook (this is how CI proves it on every run), on
//! deliberately broken copies of it, and from the binary.

use assert_cmd::Command;
use serde_json::{Value, json};
use smp_screen::answers::Answers;
use smp_screen::prove::{self, milder_after_tick, violation};
use smp_screen::rulebook::{Rulebook, Sources};
use std::path::{Path, PathBuf};

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")
}

/// The default rulebook's files, as JSON, by name.
fn default_files() -> Vec<(String, Value)> {
    let mut files: Vec<(String, Value)> = std::fs::read_dir(rules_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                serde_json::from_str(&text).unwrap(),
            )
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

fn write_copy(files: &[(String, Value)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, doc) in files {
        std::fs::write(dir.path().join(name), serde_json::to_string_pretty(doc).unwrap()).unwrap();
    }
    dir
}

fn load(dir: &Path) -> Rulebook {
    Rulebook::from_sources(Sources::read(dir).unwrap()).unwrap()
}

/// Ids of the refuted invariants, each counterexample checked by the engine.
fn refuted(rb: &Rulebook) -> Vec<String> {
    let mut out = Vec::new();
    for p in prove::prove(rb) {
        let Some(cx) = p.refuted else { continue };
        let inv = &rb.invariants[p.invariant];
        assert!(cx.confirmed, "{}: the engine does not confirm {:?}", inv.id, cx.found);
        // The engine agrees independently of the prover's own check.
        let again = match &cx.after {
            None => violation(rb, inv, &cx.answers),
            Some(after) => milder_after_tick(rb, &cx.answers, after),
        };
        assert!(again.is_some(), "{}", inv.id);
        out.push(inv.id.clone());
    }
    out
}

/// Rules whose condition reads `needle` anywhere (a question id or an option value).
fn mentions(rule: &Value, needle: &str) -> bool {
    rule["when"].to_string().contains(&format!("\"{needle}\""))
}

fn each_rule(files: &mut [(String, Value)], mut f: impl FnMut(&mut Value)) {
    for (_, doc) in files.iter_mut() {
        if let Some(rules) = doc.get_mut("rules").and_then(Value::as_array_mut) {
            rules.iter_mut().for_each(&mut f);
        }
    }
}

#[test]
fn every_invariant_of_the_default_rulebook_is_proved() {
    let rb = Rulebook::embedded().unwrap();
    assert!(rb.invariants.len() >= 20, "{} invariants", rb.invariants.len());
    for inv in &rb.invariants {
        assert!(!inv.source.trim().is_empty(), "{} cites no source", inv.id);
    }
    assert_eq!(refuted(&rb), Vec::<String>::new());
}

#[test]
fn a_lowered_contraindication_verdict_is_refuted() {
    let mut files = default_files();
    let mut changed = 0;
    each_rule(&mut files, |r| {
        if mentions(r, "pregnant") && r["verdict"] == json!("unsuitable") {
            r["verdict"] = json!("caution");
            changed += 1;
        }
    });
    assert!(changed > 0);
    let dir = write_copy(&files);
    let found = refuted(&load(dir.path()));
    assert!(found.contains(&"pregnancy-unsuitable".to_owned()), "{found:?}");
}

#[test]
fn a_removed_rule_is_refuted() {
    let mut files = default_files();
    for (_, doc) in files.iter_mut() {
        if let Some(rules) = doc.get_mut("rules").and_then(Value::as_array_mut) {
            rules.retain(|r| !mentions(r, "keloid_history"));
        }
    }
    let dir = write_copy(&files);
    let found = refuted(&load(dir.path()));
    assert!(found.contains(&"keloid-history-refer".to_owned()), "{found:?}");
    assert!(found.contains(&"keloid-history-risk".to_owned()), "{found:?}");
}

#[test]
fn a_skip_condition_that_hides_a_safety_question_is_refuted() {
    let mut files = default_files();
    for (_, doc) in files.iter_mut() {
        if let Some(qs) = doc.get_mut("questions").and_then(Value::as_array_mut) {
            for q in qs.iter_mut().filter(|q| q["id"] == "keloid_history") {
                // Asked only of people who want density: everyone else is never asked.
                q["ask_if"] = json!({"question": "goals", "contains": "density"});
            }
        }
    }
    let dir = write_copy(&files);
    let rb = load(dir.path());
    let found = refuted(&rb);
    assert!(
        found.contains(&"keloid-history-unknown-worst-case".to_owned()),
        "{found:?}"
    );
}

#[test]
fn the_binary_writes_counterexamples_that_assess_reproduces() {
    let mut files = default_files();
    each_rule(&mut files, |r| {
        if mentions(r, "pregnant") && r["verdict"] == json!("unsuitable") {
            r["verdict"] = json!("caution");
        }
    });
    let dir = write_copy(&files);
    let out = tempfile::tempdir().unwrap();
    let run = Command::cargo_bin("smp-screen")
        .unwrap()
        .args(["rules", "prove"])
        .arg(dir.path())
        .arg("--out")
        .arg(out.path())
        .args(["-f", "json"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(10), "{}", String::from_utf8_lossy(&run.stderr));
    let doc: Value = serde_json::from_slice(&run.stdout).unwrap();
    let item = doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "pregnancy-unsuitable")
        .unwrap();
    assert_eq!(item["proved"], json!(false));
    assert_eq!(item["counterexample"]["answered"], json!(1), "{item}");
    let file = out.path().join("pregnancy-unsuitable.json");
    let assess = Command::cargo_bin("smp-screen")
        .unwrap()
        .args(["assess", "--format", "json", "--rules"])
        .arg(dir.path())
        .arg("--answers")
        .arg(&file)
        .output()
        .unwrap();
    assert!(assess.status.success(), "{}", String::from_utf8_lossy(&assess.stderr));
    let result: Value = serde_json::from_slice(&assess.stdout).unwrap();
    assert_ne!(result["verdict"], json!("unsuitable"));
    // The file holds answers only, in the format `--answers` reads.
    let answers = std::fs::read_to_string(&file).unwrap();
    assert!(Answers::from_json(&load(dir.path()), &answers).is_ok());

    // The default rulebook proves: exit 0.
    Command::cargo_bin("smp-screen")
        .unwrap()
        .args(["rules", "prove", "--out"])
        .arg(out.path().join("none"))
        .assert()
        .code(0);
    assert!(!out.path().join("none").exists());
}

#[test]
fn rules_check_reports_a_refuted_invariant_as_an_error() {
    let mut files = default_files();
    each_rule(&mut files, |r| {
        if mentions(r, "pregnant") && r["verdict"] == json!("unsuitable") {
            r["verdict"] = json!("caution");
        }
    });
    let dir = write_copy(&files);
    let run = Command::cargo_bin("smp-screen")
        .unwrap()
        .args(["rules", "check"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(4));
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(text.contains("does not hold"), "{text}");
    assert!(text.contains("pregnancy-unsuitable"), "{text}");
}
