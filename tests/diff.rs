//! `rules diff` against rulebook 1.2.0 taken from git history: structure, behaviour with
//! examples that `assess` reproduces, golden cases and saved records that change.

use assert_cmd::Command;
use serde_json::{Value, json};
use std::path::Path;

/// Rulebook 1.2.0 (with its cases) as it was at commit ad285a4, or `None` outside a git
/// checkout with that history (a source tarball), where this comparison cannot be made.
fn rulebook_1_2_0(dir: &Path) -> Option<()> {
    let root = env!("CARGO_MANIFEST_DIR");
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .current_dir(root)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| o.stdout)
    };
    let list = git(&["ls-tree", "-r", "--name-only", "ad285a4", "rules/"])?;
    for name in String::from_utf8(list).unwrap().lines() {
        if !name.ends_with(".json") || name.starts_with("rules/schema/") {
            continue;
        }
        let target = dir.join(name.trim_start_matches("rules/"));
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, git(&["show", &format!("ad285a4:{name}")])?).unwrap();
    }
    Some(())
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn edit(path: &Path, f: impl FnOnce(&mut Value)) {
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    f(&mut doc);
    std::fs::write(path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
}

fn diff(old: &Path, new: &Path, extra: &[&str]) -> (i32, Value) {
    let out = Command::cargo_bin("smp-screen")
        .unwrap()
        .args(["rules", "diff"])
        .arg(old)
        .arg(new)
        .args(["-f", "json"])
        .args(extra)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(code == 0 || code == 11, "{}", String::from_utf8_lossy(&out.stderr));
    (code, serde_json::from_slice(&out.stdout).unwrap())
}

fn assess(rules: &Path, answers: &Value) -> Value {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), answers.to_string()).unwrap();
    let out = Command::cargo_bin("smp-screen")
        .unwrap()
        .args(["assess", "--format", "json", "--rules"])
        .arg(rules)
        .arg("--answers")
        .arg(file.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A copy of a rulebook older than `answer_is` that today's `assess` loads: its questions
/// read as facts, which verdict and ink do not depend on.
fn loadable(dir: &Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    copy_dir(dir, copy.path());
    for e in std::fs::read_dir(copy.path()).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            edit(&path, |d| {
                for q in d
                    .get_mut("questions")
                    .and_then(Value::as_array_mut)
                    .into_iter()
                    .flatten()
                {
                    q.as_object_mut().unwrap().entry("answer_is").or_insert(json!("fact"));
                }
            });
        }
    }
    copy
}

/// Every behaviour example gets the old value under OLD and the new one under NEW.
fn examples_reproduce(old: &Path, new: &Path, report: &Value) {
    let (old_copy, new_copy) = (loadable(old), loadable(new));
    let (old, new) = (old_copy.path(), new_copy.path());
    for b in report["behaviour"].as_array().unwrap() {
        let what = b["what"].as_str().unwrap();
        let new_answers = &b["answers"];
        let old_answers = if b["answers_old"].is_null() {
            new_answers
        } else {
            &b["answers_old"]
        };
        assert_eq!(assess(new, new_answers)[what], b["new"], "{b}");
        assert_eq!(assess(old, old_answers)[what], b["old"], "{b}");
    }
}

#[test]
fn a_lowered_verdict_and_a_new_option_are_listed_with_reproducible_examples() {
    let tmp = tempfile::tempdir().unwrap();
    let old = tmp.path().join("old");
    if rulebook_1_2_0(&old).is_none() {
        eprintln!("skipped: no git history with commit ad285a4");
        return;
    }
    let new = tmp.path().join("new");
    copy_dir(&old, &new);
    edit(&new.join("30-safety.json"), |d| {
        for r in d["rules"].as_array_mut().unwrap() {
            if r["id"] == "pregnancy-or-breastfeeding" {
                r["verdict"] = json!("caution");
            }
        }
    });
    edit(&new.join("10-questions.json"), |d| {
        for q in d["questions"].as_array_mut().unwrap() {
            if q["id"] == "allergies" {
                q["options"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"value": "iodine", "label": "Iodine"}));
            }
        }
    });
    let (code, report) = diff(&old, &new, &[]);
    assert_eq!(code, 11);
    let structure = report["structure"].as_array().unwrap();
    assert!(structure.iter().any(|c| c["kind"] == "rule"
        && c["id"] == "pregnancy-or-breastfeeding"
        && c["fields"][0] == json!({"field": "verdict", "old": "unsuitable", "new": "caution"})));
    assert!(
        structure
            .iter()
            .any(|c| c["kind"] == "option" && c["id"] == "allergies.iodine" && c["change"] == "added")
    );
    assert_eq!(structure.len(), 2, "{structure:?}");
    let behaviour = report["behaviour"].as_array().unwrap();
    let lowered = behaviour
        .iter()
        .find(|b| b["what"] == "verdict" && b["old"] == "unsuitable" && b["new"] == "caution")
        .unwrap();
    assert_eq!(lowered["answered"], json!(1));
    // Nothing else than pregnancy or breastfeeding can change.
    for b in behaviour {
        let health = b["answers"]["health"].to_string();
        assert!(health.contains("pregnant") || health.contains("breastfeeding"), "{b}");
    }
    examples_reproduce(&old, &new, &report);
    let cases: Vec<&str> = report["cases_changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(cases, ["45-pregnant", "46-breastfeeding"]);

    // Markdown for a review.
    let md = Command::cargo_bin("smp-screen")
        .unwrap()
        .args(["rules", "diff"])
        .arg(&old)
        .arg(&new)
        .args(["-f", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# Rulebook diff: smp-default 1.2.0"), "{md}");
    assert!(md.contains("- verdict unsuitable → caution (1 answered)"), "{md}");
}

#[test]
fn the_same_rulebook_behaves_identically_and_records_are_compared() {
    let tmp = tempfile::tempdir().unwrap();
    let old = tmp.path().join("old");
    if rulebook_1_2_0(&old).is_none() {
        eprintln!("skipped: no git history with commit ad285a4");
        return;
    }
    let (code, report) = diff(&old, &old, &[]);
    assert_eq!(code, 0);
    assert_eq!(report["behaviour_identical"], json!(true));
    assert_eq!(report["structure"], json!([]));

    // Records saved under the current rulebook, compared between 1.2.0 and a copy where
    // keloid history no longer refers.
    let records = tmp.path().join("records");
    std::fs::create_dir(&records).unwrap();
    for (name, set) in [
        ("keloid.json", "keloid_history=yes"),
        ("plain.json", "hair_colour=black"),
    ] {
        Command::cargo_bin("smp-screen")
            .unwrap()
            .args(["assess", "--set", set, "--save"])
            .arg(records.join(name))
            .assert()
            .success();
    }
    std::fs::write(records.join("broken.json"), "{not json").unwrap();
    let new = tmp.path().join("new");
    copy_dir(&old, &new);
    edit(&new.join("30-safety.json"), |d| {
        d["rules"]
            .as_array_mut()
            .unwrap()
            .retain(|r| r["id"] != "keloid-personal");
    });
    let (code, report) = diff(&old, &new, &["--records", records.to_str().unwrap()]);
    assert_eq!(code, 11);
    let changed = report["records_changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0]["name"].as_str().unwrap().ends_with("keloid.json"));
    assert_eq!(changed[0]["verdict"][0], json!("refer"));
    assert_ne!(changed[0]["verdict"][1], json!("refer"));
    let unreadable = report["records_unreadable"].as_array().unwrap();
    assert!(unreadable[0][0].as_str().unwrap().ends_with("broken.json"));
    examples_reproduce(&old, &new, &report);
}

#[test]
fn rulebook_1_2_0_against_the_current_one() {
    let tmp = tempfile::tempdir().unwrap();
    let old = tmp.path().join("old");
    if rulebook_1_2_0(&old).is_none() {
        eprintln!("skipped: no git history with commit ad285a4");
        return;
    }
    let current = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let (code, report) = diff(&old, &current, &[]);
    assert_eq!(code == 11, report["behaviour_identical"] == json!(false));
    examples_reproduce(&old, &current, &report);
}
