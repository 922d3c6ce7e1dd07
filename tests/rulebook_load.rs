//! Loading rejects broken rulebooks with the file, line:column, JSON path and a clear
//! message; the embedded rulebook loads cleanly.

mod common;

use common::{rulebook, rulebook_error};
use smp_screen::rulebook::{Rulebook, Sources};

const Q: &str = r#""questions": [
  {"id": "scars", "kind": "multiple", "answer_is": "fact", "prompt": "p", "help": "h", "options": [{"value": "none", "label": "n", "exclusive": true}, {"value": "strip", "label": "s"}]},
  {"id": "scar_age", "kind": "single", "answer_is": "fact", "prompt": "p", "help": "h", "options": [{"value": "new", "label": "n"}, {"value": "old", "label": "o"}]},
  {"id": "age", "kind": "number", "answer_is": "fact", "prompt": "p", "help": "h", "min": 0, "max": 120},
  {"id": "ok", "kind": "yes_no", "answer_is": "fact", "prompt": "p", "help": "h"}
],
"risks": [{"id": "r", "title": "R", "severity": "low", "text": "t"}],
"facts": [{"id": "f1", "description": "d"}, {"id": "f2", "description": "d"}]"#;

fn with_rules(rules: &str) -> String {
    rulebook_error(&format!("{Q},\n\"rules\": [\n{rules}\n]"))
}

#[test]
fn the_embedded_rulebook_loads() {
    let rb = Rulebook::embedded().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rb.identity.id, "smp-default");
    assert!(rb.rules.len() > 60);
}

#[test]
fn references_to_unknown_things_are_named_with_suggestions() {
    let e =
        with_rules(r#"{"id": "a", "title": "A", "when": {"question": "scar_agee", "equals": "new"}, "risks": ["r"]}"#);
    assert!(e.contains("error: unknown question `scar_agee`"), "{e}");
    assert!(e.contains("help: did you mean `scar_age`?"), "{e}");
    assert!(e.contains("at: rules[0].when.question"), "{e}");
    let e = with_rules(r#"{"id": "a", "title": "A", "when": {"fact": "f3"}, "risks": ["rx"]}"#);
    assert!(
        e.contains("unknown fact `f3`") && e.contains("unknown risk `rx`") && e.contains("2 errors"),
        "{e}"
    );
}

#[test]
fn comparisons_with_values_a_question_cannot_take_are_rejected() {
    let e =
        with_rules(r#"{"id": "a", "title": "A", "when": {"question": "scar_age", "equals": "strip"}, "risks": ["r"]}"#);
    assert!(e.contains("`strip` is an option of `scars`, not of `scar_age`"), "{e}");
    let e = with_rules(r#"{"id": "a", "title": "A", "when": {"question": "age", "gt": 150}, "risks": ["r"]}"#);
    assert!(e.contains("can never hold"), "{e}");
    let e = with_rules(r#"{"id": "a", "title": "A", "when": {"question": "age", "equals": "old"}, "risks": ["r"]}"#);
    assert!(e.contains("compare it with a number, not the text \"old\""), "{e}");
    let e = with_rules(r#"{"id": "a", "title": "A", "when": {"question": "scars", "in": []}, "risks": ["r"]}"#);
    assert!(e.contains("`in: []` lists no values"), "{e}");
    let e =
        with_rules(r#"{"id": "a", "title": "A", "when": {"question": "scars", "equals": "strip"}, "risks": ["r"]}"#);
    assert!(
        e.contains("`equals` does not apply to `scars`, a multiple-choice question"),
        "{e}"
    );
    let e = with_rules(r#"{"id": "a", "title": "A", "when": {"question": "ok", "equals": "yes"}, "risks": ["r"]}"#);
    assert!(e.contains("compare it with true or false"), "{e}");
}

#[test]
fn malformed_conditions_are_explained() {
    let e = with_rules(
        r#"{"id": "a", "title": "A", "when": {"question": "ok", "equals": true, "all": []}, "risks": ["r"]}"#,
    );
    assert!(e.contains("has both `all` and `question`"), "{e}");
    let e = with_rules(r#"{"id": "a", "title": "A", "when": {}, "risks": ["r"]}"#);
    assert!(e.contains("a condition needs one of"), "{e}");
    let e = with_rules(r#"{"id": "a", "title": "A", "when": {"question": "ok"}, "risks": ["r"]}"#);
    assert!(e.contains("says nothing about the answer"), "{e}");
    let e = with_rules(r#"{"id": "a", "title": "A", "when": {"always": true}}"#);
    assert!(e.contains("rule `a` has no effect"), "{e}");
}

#[test]
fn duplicate_ids_point_at_the_second_definition() {
    let e = with_rules(
        r#"{"id": "a", "title": "A", "when": {"always": true}, "risks": ["r"]},
           {"id": "a", "title": "A again", "when": {"always": true}, "risks": ["r"]}"#,
    );
    assert!(
        e.contains("duplicate rule id `a`") && e.contains("first defined at rules[0]") && e.contains("at: rules[1].id"),
        "{e}"
    );
}

#[test]
fn cycles_among_derived_facts_are_rejected() {
    let e = with_rules(
        r#"{"id": "a", "title": "A", "when": {"fact": "f2"}, "derive": ["f1"]},
           {"id": "b", "title": "B", "when": {"fact": "f1"}, "derive": ["f2"]}"#,
    );
    assert!(
        e.contains("error: cycle:") && e.contains("fact `f1`") && e.contains("fact `f2`"),
        "{e}"
    );
}

#[test]
fn skip_logic_that_depends_on_itself_is_a_cycle() {
    let e = rulebook_error(
        r#""questions": [{"id": "q", "kind": "yes_no", "answer_is": "fact", "prompt": "p", "help": "h", "ask_if": {"question": "q", "equals": true}}]"#,
    );
    assert!(e.contains("cycle: question `q` (its ask_if) needs question `q`"), "{e}");
}

#[test]
fn identity_problems_are_reported() {
    let e = Rulebook::from_sources(Sources::from_text("x.json", r#"{"questions": []}"#))
        .unwrap_err()
        .to_string();
    assert!(e.contains("no file carries the `rulebook` block"), "{e}");
    let text = common::rulebook_text("")
        .replace("1.0.0", "1.0")
        .replace("2026-01-01", "2026-02-30");
    let e = Rulebook::from_sources(Sources::from_text("x.json", &text))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("`1.0` is not a semantic version") && e.contains("`2026-02-30` is not a date"),
        "{e}"
    );
}

#[test]
fn questions_are_checked_for_shape() {
    let e = rulebook_error(
        r#""questions": [
          {"id": "a", "kind": "single", "answer_is": "fact", "prompt": "p", "help": "h", "options": [{"value": "x", "label": "x"}]},
          {"id": "b", "kind": "yes_no", "answer_is": "fact", "prompt": "p", "help": "h", "min": 3},
          {"id": "c", "kind": "single", "answer_is": "fact", "prompt": "p", "help": "h", "options": [{"value": "x", "label": "x"}, {"value": "x", "label": "y", "swatch": "red"}]},
          {"id": "bad id", "kind": "number", "answer_is": "fact", "prompt": "", "help": "h"}
        ]"#,
    );
    for needle in [
        "question `a` needs at least two options",
        "`min` applies only to number questions",
        "option `x` appears twice in `c`",
        "`red` is not a colour",
        "`bad id` is not a valid id",
        "this text is empty",
    ] {
        assert!(e.contains(needle), "missing {needle:?} in\n{e}");
    }
}

#[test]
fn unknown_fields_and_wrong_types_carry_positions_and_suggestions() {
    let e = rulebook_error("\"questions\": [{\"id\": \"q\", \"kind\": \"yesno\", \"prompt\": \"p\", \"help\": \"h\"}]");
    assert!(
        e.contains("unknown variant `yesno`") && e.contains("did you mean `yes_no`?") && e.contains("test.json:3:"),
        "{e}"
    );
    let e = rulebook_error("\"rules\": [{\"id\": \"r\", \"title\": \"t\", \"whn\": {}}]");
    assert!(
        e.contains("unknown field `whn`") && e.contains("did you mean `when`?"),
        "{e}"
    );
    let e = rulebook_error("\"rules\": [{\"id\": \"r\", \"title\": 5, \"when\": {\"always\": true}}]");
    assert!(e.contains("invalid type: integer `5`, expected a string"), "{e}");
}

#[test]
fn syntax_errors_point_at_the_real_fault() {
    let error = |text: &str| {
        Rulebook::from_sources(Sources::from_text("s.json", text))
            .unwrap_err()
            .to_string()
    };
    let e = error("{\n  \"questions\": [],\n}");
    assert!(e.contains("s.json:2:18") && e.contains("trailing comma"), "{e}");
    let e = error("{\n  \"questions\": []\n  \"rules\": []\n}");
    assert!(
        e.contains("s.json:2:18") && e.contains("a comma is probably missing here"),
        "{e}"
    );
    let e = error("{\n  \"questions\": [\n    {\"id\": \"q\"\n");
    assert!(
        e.contains("s.json:3:5") && e.contains("this `{` is never closed"),
        "{e}"
    );
    let e = error("{\"questions\": tru}");
    assert!(e.contains("s.json:1:15"), "{e}");
}

#[test]
fn a_valid_minimal_rulebook_loads() {
    let rb = rulebook(&format!(
        "{Q},\n\"rules\": [{{\"id\": \"a\", \"title\": \"A\", \"when\": {{\"always\": true}}, \"risks\": [\"r\"]}}]"
    ));
    assert_eq!(rb.rules.len(), 1);
    assert_eq!(rb.questions.len(), 4);
}
