//! Engine semantics on small inline rulebooks: unknown answers, skip logic, verdict and ink
//! resolution, derived facts, scores and independence from rule order.

mod common;

use common::rulebook;
use smp_screen::answers::Answers;
use smp_screen::audience::Audience;
use smp_screen::engine::{Ink, Tri, evaluate};
use smp_screen::report::screen;
use smp_screen::rulebook::Verdict;

const QUESTIONS: &str = r#""questions": [
  {"id": "scars", "kind": "multiple", "answer_is": "fact", "prompt": "Scars?", "help": "h", "options": [
     {"value": "none", "label": "None", "exclusive": true}, {"value": "strip", "label": "Strip"}, {"value": "burn", "label": "Burn"}]},
  {"id": "scar_age", "kind": "single", "answer_is": "fact", "prompt": "Age?", "help": "h", "ask_if": {"question": "scars", "in": ["strip", "burn"]},
   "options": [{"value": "fresh", "label": "Fresh"}, {"value": "old", "label": "Old"}]},
  {"id": "thinner", "kind": "yes_no", "answer_is": "fact", "prompt": "Blood thinners?", "help": "h"},
  {"id": "age", "kind": "number", "answer_is": "fact", "prompt": "Age?", "help": "h", "min": 0, "max": 120, "integer": true},
  {"id": "permanence", "kind": "single", "answer_is": "choice", "prompt": "Permanence?", "help": "h", "options": [
     {"value": "temporary", "label": "T"}, {"value": "unsure", "label": "U"}, {"value": "permanent", "label": "P"}]}
]"#;

const CATALOGUE: &str = r#""risks": [{"id": "r1", "title": "R1", "severity": "low", "text": "t"}, {"id": "r2", "title": "R2", "severity": "medium", "text": "t"}],
"advice": [{"id": "a1", "title": "A1", "text": "t"}],
"facts": [{"id": "young", "description": "under 26"}]"#;

fn book(rules: &str) -> smp_screen::rulebook::Rulebook {
    rulebook(&format!("{QUESTIONS},\n{CATALOGUE},\n\"rules\": [{rules}]"))
}

fn answers(rb: &smp_screen::rulebook::Rulebook, json: &str) -> Answers {
    Answers::from_json(rb, json).unwrap_or_else(|e| panic!("{e}"))
}

const FRESH_SCAR: &str = r#"{"id": "fresh-scar", "title": "Fresh scar", "when": {"question": "scar_age", "equals": "fresh"}, "verdict": "unsuitable"}"#;
const THINNER: &str =
    r#"{"id": "thinner", "title": "Thinner", "when": {"question": "thinner", "equals": true}, "verdict": "refer"}"#;
const NO_THINNER: &str = r#"{"id": "no-thinner", "title": "No thinner", "when": {"not": {"question": "thinner", "equals": true}}, "risks": ["r1"]}"#;

#[test]
fn a_missing_answer_is_unknown_and_the_rule_possible_never_false() {
    let rb = book(&[THINNER, NO_THINNER].join(","));
    let eval = evaluate(&rb, &answers(&rb, "{}"));
    assert_eq!(
        eval.rules,
        vec![Tri::Unknown, Tri::Unknown],
        "neither `thinner` nor its negation may be assumed"
    );
    assert_eq!(eval.result.verdict, Verdict::Suitable);
    assert_eq!(eval.worst_case.verdict, Verdict::Refer);
    assert!(eval.is_provisional());
}

#[test]
fn dont_know_is_unknown_too() {
    let rb = book(THINNER);
    let eval = evaluate(&rb, &answers(&rb, r#"{"thinner": null}"#));
    assert_eq!(eval.rules, vec![Tri::Unknown]);
    let s = screen(&rb, &answers(&rb, r#"{"thinner": null}"#), Audience::Patient);
    assert!(s.unanswered.contains(&"thinner"));
    assert_eq!(s.possible[0].decided_by, vec!["thinner"]);
}

#[test]
fn skip_logic_makes_tests_on_questions_that_do_not_apply_false() {
    let rb = book(FRESH_SCAR);
    let none = evaluate(&rb, &answers(&rb, r#"{"scars": ["none"]}"#));
    assert_eq!(none.applies[1], Tri::False);
    assert_eq!(none.rules[0], Tri::False);
    assert!(!none.is_provisional());
    let unknown_scars = evaluate(&rb, &answers(&rb, "{}"));
    assert_eq!(unknown_scars.applies[1], Tri::Unknown);
    assert_eq!(unknown_scars.rules[0], Tri::Unknown);
    let fresh = evaluate(&rb, &answers(&rb, r#"{"scars": ["strip"], "scar_age": "fresh"}"#));
    assert_eq!(fresh.rules[0], Tri::True);
    assert_eq!(
        (fresh.result.verdict, fresh.result.ink),
        (Verdict::Unsuitable, Ink::None)
    );
}

#[test]
fn answers_to_questions_that_do_not_apply_are_ignored_not_rejected() {
    let rb = book(FRESH_SCAR);
    let a = answers(&rb, r#"{"scars": ["none"], "scar_age": "fresh"}"#);
    let s = screen(&rb, &a, Audience::Patient);
    assert_eq!(s.verdict, Verdict::Suitable);
    assert_eq!(s.ignored, vec!["scar_age"]);
}

#[test]
fn decided_by_follows_skip_logic_to_the_question_that_opens_it() {
    let rb = book(FRESH_SCAR);
    let s = screen(&rb, &answers(&rb, "{}"), Audience::Patient);
    assert_eq!(s.possible[0].decided_by, vec!["scars", "scar_age"]);
}

#[test]
fn the_most_severe_verdict_wins() {
    let caution = r#"{"id": "old-scar", "title": "Old", "when": {"question": "scar_age", "equals": "old"}, "verdict": "caution"}"#;
    let rb = book(&[THINNER, caution].join(","));
    let s = screen(
        &rb,
        &answers(&rb, r#"{"scars": ["strip"], "scar_age": "old", "thinner": true}"#),
        Audience::Patient,
    );
    assert_eq!(s.verdict, Verdict::Refer);
    assert_eq!(s.verdict_because, vec!["thinner"]);
    assert_eq!(
        s.fired.iter().map(|f| f.rule).collect::<Vec<_>>(),
        vec!["thinner", "old-scar"]
    );
}

fn ink_rules() -> String {
    [
        r#"{"id": "wants-t", "title": "T", "when": {"question": "permanence", "equals": "temporary"}, "ink": {"forbid": ["permanent"]}}"#,
        r#"{"id": "unsure", "title": "U", "when": {"question": "permanence", "equals": "unsure"}, "ink": {"prefer": "temporary"}}"#,
        r#"{"id": "accepts", "title": "P", "when": {"question": "permanence", "equals": "permanent"}, "ink": {"prefer": "permanent"}}"#,
        r#"{"id": "old-no-temp", "title": "O", "when": {"question": "age", "ge": 90}, "ink": {"forbid": ["temporary"]}}"#,
        r#"{"id": "young-prefers-t", "title": "Y", "when": {"question": "age", "lt": 26}, "ink": {"prefer": "temporary"}}"#,
    ]
    .join(",")
}

#[test]
fn ink_resolution_covers_every_outcome() {
    let rb = book(&ink_rules());
    let ink = |json: &str| {
        let e = evaluate(&rb, &answers(&rb, json));
        (e.result.verdict, e.result.ink, e.result.ink_conflict)
    };
    assert_eq!(
        ink(r#"{"age": 40, "permanence": "temporary"}"#),
        (Verdict::Suitable, Ink::Temporary, false)
    );
    assert_eq!(
        ink(r#"{"age": 40, "permanence": "unsure"}"#),
        (Verdict::Suitable, Ink::Temporary, false)
    );
    assert_eq!(
        ink(r#"{"age": 40, "permanence": "permanent"}"#),
        (Verdict::Suitable, Ink::Permanent, false)
    );
    // A preference for the fading ink beats one for permanent ink.
    assert_eq!(
        ink(r#"{"age": 20, "permanence": "permanent"}"#),
        (Verdict::Suitable, Ink::Temporary, false)
    );
    // A prohibition beats a preference.
    assert_eq!(
        ink(r#"{"age": 95, "permanence": "unsure"}"#),
        (Verdict::Suitable, Ink::Permanent, false)
    );
    // Both forbidden: a physician decides.
    assert_eq!(
        ink(r#"{"age": 95, "permanence": "temporary"}"#),
        (Verdict::Refer, Ink::Temporary, true)
    );
}

#[test]
fn either_when_nothing_constrains_the_ink_and_none_only_when_unsuitable() {
    let rb = book(&[ink_rules(), FRESH_SCAR.to_owned()].join(","));
    let e = evaluate(&rb, &answers(&rb, r#"{"age": 40, "scars": ["none"]}"#));
    assert_eq!(e.result.ink, Ink::Either);
    let e = evaluate(
        &rb,
        &answers(
            &rb,
            r#"{"age": 40, "scars": ["burn"], "scar_age": "fresh", "permanence": "permanent"}"#,
        ),
    );
    assert_eq!((e.result.verdict, e.result.ink), (Verdict::Unsuitable, Ink::None));
}

#[test]
fn ink_reasons_name_only_the_rules_that_shaped_the_ink() {
    let rb = book(&ink_rules());
    let s = screen(
        &rb,
        &answers(&rb, r#"{"age": 20, "permanence": "permanent"}"#),
        Audience::Patient,
    );
    let because: Vec<(&str, &str)> = s.ink_because.iter().map(|r| (r.rule, r.effect)).collect();
    assert_eq!(because, vec![("young-prefers-t", "prefer_temporary")]);
}

#[test]
fn derived_facts_feed_later_rules_and_carry_unknown() {
    let rules = [
        r#"{"id": "is-young", "title": "Y", "when": {"question": "age", "lt": 26}, "derive": ["young"]}"#,
        r#"{"id": "young-thinner", "title": "YT", "when": {"all": [{"fact": "young"}, {"question": "thinner", "equals": true}]}, "verdict": "caution", "risks": ["r2"]}"#,
    ]
    .join(",");
    let rb = book(&rules);
    let e = evaluate(&rb, &answers(&rb, r#"{"age": 20, "thinner": true}"#));
    assert_eq!((e.facts[0], e.rules[1]), (Tri::True, Tri::True));
    let e = evaluate(&rb, &answers(&rb, r#"{"thinner": true}"#));
    assert_eq!((e.facts[0], e.rules[1]), (Tri::Unknown, Tri::Unknown));
    let s = screen(&rb, &answers(&rb, r#"{"thinner": true}"#), Audience::Patient);
    let p = s.possible.iter().find(|p| p.rule == "young-thinner").unwrap();
    assert_eq!(
        p.decided_by,
        vec!["age"],
        "decided_by reaches through the fact to the question"
    );
}

#[test]
fn scores_use_intervals_for_unanswered_items() {
    let rb = rulebook(
        r#""questions": [
          {"id": "a", "kind": "single", "answer_is": "fact", "prompt": "a", "help": "h", "options": [{"value": "lo", "label": "l", "score": 0}, {"value": "hi", "label": "h", "score": 4}]},
          {"id": "b", "kind": "single", "answer_is": "fact", "prompt": "b", "help": "h", "options": [{"value": "lo", "label": "l", "score": 0}, {"value": "hi", "label": "h", "score": 4}]}
        ],
        "scores": [{"id": "total", "title": "Total", "items": ["a", "b"]}],
        "risks": [{"id": "r", "title": "R", "severity": "low", "text": "t"}],
        "rules": [{"id": "high", "title": "High", "when": {"score": "total", "ge": 6}, "risks": ["r"]}]"#,
    );
    let tri = |json: &str| evaluate(&rb, &Answers::from_json(&rb, json).unwrap()).rules[0];
    assert_eq!(tri(r#"{"a": "hi", "b": "hi"}"#), Tri::True);
    assert_eq!(tri(r#"{"a": "hi"}"#), Tri::Unknown, "4 + [0, 4] may or may not reach 6");
    assert_eq!(tri(r#"{"a": "lo"}"#), Tri::False, "0 + [0, 4] can never reach 6");
}

#[test]
fn results_do_not_depend_on_rule_order() {
    let forward = [THINNER, NO_THINNER, FRESH_SCAR, &ink_rules()].join(",");
    let backward = [&ink_rules(), FRESH_SCAR, NO_THINNER, THINNER].join(",");
    let (a, b) = (book(&forward), book(&backward));
    for json in [
        r#"{"age": 20, "permanence": "permanent", "thinner": true}"#,
        r#"{"scars": ["strip"], "scar_age": "fresh"}"#,
        r#"{"age": 95, "permanence": "temporary", "thinner": false}"#,
        "{}",
    ] {
        for audience in [Audience::Patient, Audience::Consultant] {
            let mut sa = screen(&a, &answers(&a, json), audience);
            let mut sb = screen(&b, &answers(&b, json), audience);
            // Only the content hash differs between the two files.
            sa.rulebook.sha256 = "";
            sb.rulebook.sha256 = "";
            assert_eq!(sa, sb, "order changed the result for {json}");
        }
    }
}

#[test]
fn evaluation_is_deterministic() {
    let rb = smp_screen::rulebook::Rulebook::embedded().unwrap();
    let a = Answers::from_json(&rb, &common::base_answers().to_string()).unwrap();
    assert_eq!(
        screen(&rb, &a, Audience::Consultant),
        screen(&rb, &a, Audience::Consultant)
    );
}
