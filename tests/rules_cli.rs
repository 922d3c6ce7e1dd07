//! `smp-screen rules check | test | schema | print` from the command line.

mod common;

use common::{repo, smp};
use predicates::prelude::*;
use serde_json::Value;

fn stdout_of(args: &[&str]) -> (i32, String) {
    let out = smp().args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_default_rulebook_checks_clean() {
    smp()
        .args(["rules", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("smp-default").and(predicate::str::ends_with("no problems found\n")));
    smp()
        .args(["rules", "check"])
        .arg(repo("rules"))
        .assert()
        .success()
        .stdout(predicate::str::contains("no problems found"));
}

#[test]
fn every_analysis_reports_its_exact_message() {
    let lint = repo("tests/data/lint.json");
    let (code, out) = stdout_of(&["rules", "check", lint.to_str().unwrap()]);
    assert_eq!(code, 4, "{out}");
    for line in [
        // A rule that reads a question its own condition makes unaskable.
        "error: rule `skip-contradiction` can never fire: it reads `scar_age`, which is asked only if Scars: anything but \"None\", but it also needs Scars includes \"None\"",
        // Contradictory tests in one `all`.
        "error: rule `age-contradiction` can never fire: Age is under 18, Age is at least 30 cannot all hold",
        "error: rule `colour-contradiction` can never fire: Colour is \"Red\", not (Colour is \"Red\") cannot all hold",
        "error: rule `none-and-strip` can never fire: Scars includes \"None\", Scars: anything but \"None\" cannot all hold",
        "error: rule `needs-never` can never fire: it needs fact `never`, which no rule can derive",
        // Skip logic reading a later question.
        "warning: the skip logic of `colour` reads `later`, which is asked later, so the interview cannot know it yet",
        "= help: move `later` before `colour`",
        // A question that changes nothing.
        "warning: question `ignored` is read by no rule, skip logic or score, so its answer changes nothing",
        // Outcomes no answers can reach.
        "warning: no combination of answers can give verdict caution, refer, unsuitable; ink temporary, permanent, none",
        "warning: risk `dead` is listed only by rules that can never fire",
        // Unused catalogue entries.
        "warning: risk `orphan` is listed by no rule",
        "warning: advice `lonely` is given by no rule",
        "warning: fact `never` is derived by no rule, so tests of it never hold",
        "warning: fact `unused` is derived but no condition tests it",
        // Missing documentation.
        "warning: rule `derives-unused` has no rationale, source, evidence",
        "warning: rule `fine` has no rationale, evidence",
        // An overdue review.
        "warning: the clinical review was due on 2021-01-01",
        "lint 1.0.0 (6 questions, 7 rules): 5 errors, 11 warnings",
    ] {
        assert!(out.contains(line), "missing:\n{line}\nin:\n{out}");
    }
    assert!(
        out.contains("--> ") && out.contains("lint.json:17:77") && out.contains("= at: rules[0].when"),
        "{out}"
    );
}

#[test]
fn check_diagnostics_in_json_carry_position_path_and_help() {
    let lint = repo("tests/data/lint.json");
    let (code, out) = stdout_of(&["rules", "check", "--format", "json", lint.to_str().unwrap()]);
    assert_eq!(code, 4);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["errors"].as_u64(), v["warnings"].as_u64()), (Some(5), Some(11)));
    let later = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "ask-if-reads-later")
        .unwrap();
    assert_eq!(later["level"], "warning");
    assert_eq!(later["line"], 6);
    assert_eq!(later["column"], 103);
    assert_eq!(later["path"], "questions[2].ask_if");
    assert_eq!(later["help"], "move `later` before `colour`");
    assert!(later["file"].as_str().unwrap().ends_with("lint.json"));
}

#[test]
fn check_reports_load_errors_with_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.json");
    std::fs::write(
        &path,
        common::rulebook_text(
            "\"questions\": [{\"id\": \"scar_age\", \"kind\": \"yes_no\", \"answer_is\": \"fact\", \"prompt\": \"p\", \"help\": \"h\"}],\n\"rules\": [{\"id\": \"r\", \"title\": \"t\", \"when\": {\"question\": \"scar_agee\", \"equals\": true}, \"verdict\": \"refer\"}]",
        ),
    )
    .unwrap();
    let (code, out) = stdout_of(&["rules", "check", path.to_str().unwrap()]);
    assert_eq!(code, 4);
    assert!(
        out.contains("error: unknown question `scar_agee`")
            && out.contains("= help: did you mean `scar_age`?")
            && out.contains("typo.json:4:"),
        "{out}"
    );
    assert!(out.ends_with("the rulebook: 1 error, 0 warnings\n"), "{out}");
}

#[test]
fn rules_test_runs_the_embedded_cases() {
    smp()
        .args(["rules", "test"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"^\d+ passed, 0 failed\n$").unwrap());
    smp()
        .args(["rules", "test"])
        .arg(repo("rules"))
        .assert()
        .success()
        .stdout(predicate::str::ends_with(" passed, 0 failed\n"));
}

fn mini_with_cases(dir: &std::path::Path, cases: &[(&str, &str)]) -> std::path::PathBuf {
    let rules = dir.join("rules");
    std::fs::create_dir_all(rules.join("cases")).unwrap();
    std::fs::write(
        rules.join("rulebook.json"),
        common::rulebook_text(
            r#""questions": [{"id": "ok", "kind": "yes_no", "answer_is": "fact", "prompt": "OK?", "help": "h"},
                            {"id": "colour", "kind": "single", "answer_is": "fact", "prompt": "Colour?", "help": "h", "options": [{"value": "red", "label": "Red"}, {"value": "blue", "label": "Blue"}]}],
               "risks": [{"id": "r", "title": "R", "severity": "low", "text": "t"}],
               "rules": [{"id": "not-ok", "title": "Not OK", "when": {"question": "ok", "equals": false}, "verdict": "refer", "risks": ["r"]},
                         {"id": "red", "title": "Red", "when": {"question": "colour", "equals": "red"}, "risks": ["r"]}]"#,
        ),
    )
    .unwrap();
    for (name, text) in cases {
        std::fs::write(rules.join("cases").join(name), text).unwrap();
    }
    rules
}

#[test]
fn a_failing_case_is_one_readable_line_and_exit_7() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini_with_cases(
        dir.path(),
        &[
            (
                "a.json",
                r#"{"story": "fine", "answers": {"ok": true, "colour": "blue"}, "expect": {"verdict": "suitable"}}"#,
            ),
            (
                "b.json",
                r#"{"story": "wrong", "answers": {"ok": false, "colour": "blue"}, "expect": {"verdict": "suitable", "no_risks": ["r"]}}"#,
            ),
        ],
    );
    let (code, out) = stdout_of(&["rules", "test", rules.to_str().unwrap()]);
    assert_eq!(code, 7, "{out}");
    assert!(
        out.contains("FAIL b: verdict: expected suitable, got refer; risk `r` present but must not be\n"),
        "{out}"
    );
    assert!(out.contains("warning: rule `red` is fired by no case\n"), "{out}");
    assert!(
        out.contains("warning: option `colour=red` is used by no case\n"),
        "{out}"
    );
    assert!(out.ends_with("1 passed, 1 failed\n"), "{out}");
}

#[test]
fn uncovered_rules_fail_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini_with_cases(
        dir.path(),
        &[(
            "a.json",
            r#"{"story": "fine", "answers": {"ok": true, "colour": "blue"}, "expect": {"verdict": "suitable"}}"#,
        )],
    );
    smp().args(["rules", "test"]).arg(&rules).assert().success();
    smp()
        .args(["rules", "test", "--fail-uncovered"])
        .arg(&rules)
        .assert()
        .code(7)
        .stdout(predicate::str::contains("error: rule `not-ok` is fired by no case"));
    let (code, out) = stdout_of(&["rules", "test", "--format", "json", rules.to_str().unwrap()]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["passed"], 1);
    assert_eq!(v["coverage"]["rules_never_fired"], serde_json::json!(["not-ok", "red"]));
}

#[test]
fn a_broken_case_file_is_reported_not_panicked_on() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini_with_cases(
        dir.path(),
        &[(
            "bad.json",
            r#"{"story": "s", "answers": {"ok": true}, "expect": {"verdikt": "refer"}}"#,
        )],
    );
    smp()
        .args(["rules", "test"])
        .arg(&rules)
        .assert()
        .code(7)
        .stdout(predicate::str::contains(
            "FAIL bad: cannot read case: unknown field `verdikt`",
        ));
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    for (args, file) in [
        (&["rules", "schema"][..], "rules/schema/rulebook.schema.json"),
        (&["rules", "schema", "--case"][..], "rules/schema/case.schema.json"),
        (&["rules", "schema", "--locale"][..], "rules/schema/locale.schema.json"),
    ] {
        let (code, out) = stdout_of(args);
        assert_eq!(code, 0);
        let committed = std::fs::read_to_string(repo(file)).unwrap();
        assert_eq!(
            out,
            committed,
            "{file} is stale: regenerate it with `smp-screen {}` > {file}",
            args.join(" ")
        );
    }
}

fn validator(file: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(repo(file)).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn every_shipped_rulebook_and_case_file_validates_against_the_schema() {
    let rulebook = validator("rules/schema/rulebook.schema.json");
    let case = validator("rules/schema/case.schema.json");
    let mut checked = 0;
    for (dir, v) in [("rules", &rulebook), ("rules/cases", &case)] {
        for entry in std::fs::read_dir(repo(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let errors: Vec<String> = v
                .iter_errors(&doc)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{} does not validate:\n{}",
                path.display(),
                errors.join("\n")
            );
            assert!(doc["$schema"].is_string(), "{} names no $schema", path.display());
            checked += 1;
        }
    }
    assert!(checked > 90);
    // The schema really constrains: a misspelt field fails it.
    let bad = serde_json::json!({"rules": [{"id": "x", "title": "t", "whn": {}}]});
    assert!(!rulebook.is_valid(&bad));
}

#[test]
fn print_gives_an_intake_form_and_a_rule_table() {
    let (code, md) = stdout_of(&["rules", "print"]);
    assert_eq!(code, 0);
    for needle in [
        "# Default SMP screening rulebook: intake form",
        "**1. How old are you?** (years) — write a number",
        "*Why we ask:* SMP is a tattoo, so adults only.",
        "*Only if Scars: anything but \"No scars\".*",
        "- [ ] A line scar at the back from a strip (FUT) transplant",
        "Read by rules: Under 18 (`under-18`)",
        "## Rules for clinical review",
        "| `scar-too-fresh` Scar less than 6 months old | Scar age is \"Less than 6 months\" | verdict unsuitable; advice: Wait, then screen again; screen again after 6 months |",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
    let (code, html) = stdout_of(&["rules", "print", "--format", "html", "--audience", "consultant"]);
    assert_eq!(code, 0);
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(!html.contains("http"), "the page must be self-contained");
    assert!(html.contains("@media print") && html.contains("<li>FUT / strip linear scar</li>"));
    assert_eq!(
        html.matches("<div class=\"q\">").count(),
        html.matches("</div>").count()
    );
}
