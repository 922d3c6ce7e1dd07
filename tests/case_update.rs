//! Golden cases that survive a new question: `rules test` shows only the difference, and
//! `rules test --update` rewrites the expectations of failing cases.

mod common;

use common::{repo, smp};
use smp_screen::rulebook::Rulebook;
use smp_screen::tooling::cases;

#[test]
fn the_case_writer_keeps_the_layout_of_the_shipped_cases() {
    let rb = Rulebook::embedded().unwrap();
    let mut differ = Vec::new();
    for file in cases::read_folder(&repo("rules/cases")).unwrap() {
        let text = std::fs::read_to_string(&file.path).unwrap();
        let written = cases::to_json(&rb, file.case.as_ref().unwrap(), Some(&text));
        if written != text {
            differ.push(file.name);
        }
    }
    assert!(differ.is_empty(), "{} differ: {differ:?}", differ.len());
}

/// A copy of the default rulebook and its cases with one new question that every case
/// leaves unanswered, and a rule that reads it.
fn rulebook_with_a_new_question(dir: &std::path::Path) -> std::path::PathBuf {
    let rules = common::edited_default_rulebook(dir, |mut doc| {
        if let Some(questions) = doc.get_mut("questions").and_then(|q| q.as_array_mut()) {
            questions.insert(
                10,
                serde_json::json!({"id": "gave_blood", "kind": "yes_no", "answer_is": "fact", "short": "Gave blood this week",
                    "prompt": "Have you given blood in the last week?", "help": "A test question."}),
            );
        }
        if doc["rules"].is_array() && doc["rules"][0]["id"] == "under-18" {
            doc["rules"].as_array_mut().unwrap().push(serde_json::json!({
                "id": "gave-blood", "title": "Gave blood", "summary": "Wait a week after giving blood.",
                "when": {"question": "gave_blood", "equals": true}, "verdict": "caution"}));
        }
        doc
    });
    let cases = rules.join("cases");
    std::fs::create_dir(&cases).unwrap();
    for entry in std::fs::read_dir(repo("rules/cases")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, cases.join(path.file_name().unwrap())).unwrap();
    }
    rules
}

fn run(args: &[&str], rules: &std::path::Path) -> (i32, String, String) {
    let out = smp().args(args).arg(rules).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_new_question_shows_only_the_difference_and_update_yes_makes_every_case_pass() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rulebook_with_a_new_question(dir.path());
    let (code, out, _) = run(&["rules", "test"], &rules);
    assert_eq!(code, 7);
    let total = std::fs::read_dir(rules.join("cases")).unwrap().count();
    assert!(out.ends_with(&format!("0 passed, {total} failed\n")), "{out}");
    // Only the difference: the one new question, never both full lists.
    assert!(
        out.contains(
            "FAIL 01-baseline-shaved-look: provisional: expected false, got true (deciding: gave_blood); \
             asked: also asked `gave_blood`\n"
        ),
        "{out}"
    );
    assert!(!out.contains("expected ["), "{out}");

    let before = std::fs::read_to_string(rules.join("cases/01-baseline-shaved-look.json")).unwrap();
    let (code, out, err) = run(&["rules", "test", "--update", "--yes"], &rules);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.ends_with(&format!("{total} passed, 0 failed\n")), "{out}");
    assert!(err.contains(&format!("{total} cases updated")), "{err}");
    assert!(
        err.contains("01-baseline-shaved-look:\n  provisional: expected false, got true"),
        "{err}"
    );
    // The update changed only what failed: two lines of this case (`provisional` and the
    // one-line `asked`, which gains the new question where the rulebook asks it).
    let after = std::fs::read_to_string(rules.join("cases/01-baseline-shaved-look.json")).unwrap();
    assert_eq!(after.lines().count(), before.lines().count(), "{after}");
    let changed: Vec<(&str, &str)> = before.lines().zip(after.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert_eq!(changed[0].1, "    \"provisional\": true,", "{changed:?}");
    assert!(changed[1].1.starts_with("    \"asked\": ["), "{changed:?}");
    assert_eq!(
        changed[1]
            .1
            .replace("\"treatment\", \"gave_blood\", ", "\"treatment\", "),
        changed[1].0,
        "only `gave_blood` added, after `treatment`: {changed:?}"
    );
    let (code, out, _) = run(&["rules", "test"], &rules);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn mistyped_ids_get_a_did_you_mean_and_an_order_change_is_told_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    let base = std::fs::read_to_string(repo("rules/cases/01-baseline-shaved-look.json")).unwrap();
    let mut case: serde_json::Value = serde_json::from_str(&base).unwrap();
    let asked = case["expect"]["asked"].as_array_mut().unwrap();
    asked.swap(0, 1);
    case["expect"]["fired"] = serde_json::json!(["thin-evidense"]);
    std::fs::write(cases.join("order.json"), case.to_string()).unwrap();
    let mut typo: serde_json::Value = serde_json::from_str(&base).unwrap();
    typo["expect"]["asked"][0] = "agee".into();
    typo["expect"]["advice"] = serde_json::json!(["top_up"]);
    std::fs::write(cases.join("typo.json"), typo.to_string()).unwrap();
    let out = smp().args(["rules", "test", "--cases"]).arg(&cases).output().unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains(
            "FAIL order: rule `thin-evidense` does not exist; did you mean `thin-evidence`?; \
             asked: the same questions in another order: question 1 is `age`, expected `sex`\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "FAIL typo: advice `top_up` does not exist; did you mean `top_ups`?; question `agee` does not exist; \
             did you mean `age`?; asked: not asked `agee`; also asked `age`\n"
        ),
        "{out}"
    );
}

#[test]
fn update_asks_for_each_case_and_never_touches_a_passing_one() {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    for name in [
        "01-baseline-shaved-look",
        "02-nervous-about-permanence",
        "03-undecided-about-permanence",
    ] {
        std::fs::copy(
            repo(&format!("rules/cases/{name}.json")),
            cases.join(format!("{name}.json")),
        )
        .unwrap();
    }
    // Two cases fail: a wrong verdict, and a risk that must not appear.
    let edit = |name: &str, f: &dyn Fn(&mut serde_json::Value)| {
        let path = cases.join(format!("{name}.json"));
        let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        f(&mut v);
        std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    };
    edit("01-baseline-shaved-look", &|v| {
        v["expect"]["verdict"] = "caution".into()
    });
    edit("02-nervous-about-permanence", &|v| {
        v["expect"]["no_risks"] = serde_json::json!(["practitioner"])
    });
    let read = |name: &str| std::fs::read_to_string(cases.join(format!("{name}.json"))).unwrap();
    let (first, second, passing) = (
        read("01-baseline-shaved-look"),
        read("02-nervous-about-permanence"),
        read("03-undecided-about-permanence"),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = cases.join("02-nervous-about-permanence.json");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    // No to the first, yes to the second.
    let out = smp()
        .args(["rules", "test", "--update", "--cases"])
        .arg(&cases)
        .write_stdin("n\ny\n")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Update the expectations of 01-baseline-shaved-look from the current result? [y/N]"));
    assert!(err.contains("1 case updated"), "{err}");
    assert_eq!(out.status.code(), Some(7), "the refused case still fails");
    assert_eq!(read("01-baseline-shaved-look"), first, "refused: untouched");
    assert_eq!(read("03-undecided-about-permanence"), passing, "passing: untouched");
    let updated = read("02-nervous-about-permanence");
    assert_ne!(updated, second);
    assert!(
        !updated.contains("\"no_risks\""),
        "the wrong expectation is dropped: {updated}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(cases.join("02-nervous-about-permanence.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644, "permissions kept");
    }
    // Nothing but the case files is left in the folder.
    assert_eq!(std::fs::read_dir(&cases).unwrap().count(), 3);
    // End of input answers no.
    let out = smp()
        .args(["rules", "test", "--update", "--cases"])
        .arg(&cases)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 cases updated"));
    assert_eq!(read("01-baseline-shaved-look"), first);
}

#[test]
fn update_needs_case_files() {
    smp()
        .args(["rules", "test", "--update", "--yes"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("the embedded cases are not files"));
}
