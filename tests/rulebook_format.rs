//! The rulebook format's declarations: `answer_is` on questions, counting conditions,
//! `recheck_after` on rules, and the identity's review status with its content hash.

mod common;

use common::{repo, rulebook, rulebook_error, smp};
use serde_json::{Value, json};
use smp_screen::answers::Answers;
use smp_screen::audience::Audience;
use smp_screen::engine::{Tri, evaluate};
use smp_screen::explain::trace;

use smp_screen::rulebook::{AnswerIs, Recheck, Review, Rulebook, Sources};

const Q: &str = r#""questions": [
  {"id": "a", "kind": "yes_no", "answer_is": "fact", "prompt": "p", "help": "h"},
  {"id": "b", "kind": "yes_no", "answer_is": "fact", "prompt": "p", "help": "h"},
  {"id": "c", "kind": "yes_no", "answer_is": "choice", "prompt": "p", "help": "h"},
  {"id": "d", "kind": "yes_no", "answer_is": "fact", "prompt": "p", "help": "h"}
],
"facts": [{"id": "never", "description": "Never derived"}]"#;

fn with_rules(rules: &str) -> String {
    format!("{Q},\n\"rules\": [\n{rules}\n]")
}

#[test]
fn a_question_without_answer_is_is_rejected_by_name() {
    let e = rulebook_error(r#""questions": [{"id": "scar_age", "kind": "yes_no", "prompt": "p", "help": "h"}]"#);
    assert!(
        e.contains("question `scar_age` does not say whether its answer is a choice or a fact")
            && e.contains("at: questions[0]")
            && e.contains("\"answer_is\": \"fact\""),
        "{e}"
    );
    let e = rulebook_error(
        r#""questions": [{"id": "q", "kind": "yes_no", "answer_is": "lever", "prompt": "p", "help": "h"}]"#,
    );
    assert!(e.contains("unknown variant `lever`"), "{e}");
}

#[test]
fn every_default_question_declares_choice_or_fact_and_body_facts_are_facts() {
    let rb = Rulebook::embedded().unwrap();
    let kind = |id: &str| rb.question(id).unwrap_or_else(|| panic!("{id}")).answer_is;
    for id in [
        "age",
        "sex",
        "skin_tone",
        "hair_colour",
        "scars",
        "health",
        "scalp_conditions",
        "hair_loss_cause",
    ] {
        assert_eq!(kind(id), AnswerIs::Fact, "{id}");
    }
    for id in [
        "goals",
        "permanence",
        "keep_short",
        "sun_protection",
        "aftercare",
        "maintenance",
    ] {
        assert_eq!(kind(id), AnswerIs::Choice, "{id}");
    }
    // The file says so on the line after `kind`, where an author looks for it.
    let text = std::fs::read_to_string(repo("rules/10-questions.json")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let kinds = lines.iter().filter(|l| l.trim_start().starts_with("\"kind\":")).count();
    let next = lines
        .windows(2)
        .filter(|w| w[0].trim_start().starts_with("\"kind\":") && w[1].trim_start().starts_with("\"answer_is\":"))
        .count();
    assert_eq!((kinds, next), (rb.questions.len(), rb.questions.len()));
}

#[test]
fn counting_conditions_are_checked_statically() {
    let rule = |when: &str| format!(r#"{{"id": "r", "title": "R", "when": {when}, "verdict": "refer"}}"#);
    let parts = r#"[{"question": "a", "equals": true}, {"question": "b", "equals": true}]"#;
    for (when, needle) in [
        (
            format!(r#"{{"at_least": 3, "of": {parts}}}"#),
            "`at_least: 3` of 2 conditions can never hold",
        ),
        (
            format!(r#"{{"at_least": 0, "of": {parts}}}"#),
            "`at_least: 0` holds whatever the answers",
        ),
        (r#"{"at_least": 1, "of": []}"#.to_owned(), "`of: []` is an empty list"),
        (format!(r#"{{"of": {parts}}}"#), "`of` needs `at_least` beside it"),
        (r#"{"at_least": 2}"#.to_owned(), "`at_least` needs `of` beside it"),
        (
            format!(r#"{{"at_least": 1, "of": {parts}, "question": "a", "equals": true}}"#),
            "has both `at_least` and `question`",
        ),
        (
            r#"{"at_least": 1, "of": [{"question": "zz", "equals": true}]}"#.to_owned(),
            "unknown question `zz`",
        ),
        (format!(r#"{{"at_least": -1, "of": {parts}}}"#), "invalid value"),
    ] {
        let e = rulebook_error(&with_rules(&rule(&when)));
        assert!(e.contains(needle), "{when}: missing {needle:?} in\n{e}");
    }
    let e = rulebook_error(&with_rules(&rule(&format!(r#"{{"at_least": 3, "of": {parts}}}"#))));
    assert!(
        e.contains("at: rules[0].when.at_least") && e.contains("count from 1 to 2"),
        "{e}"
    );
}

#[test]
fn rules_check_finds_a_count_that_too_few_parts_can_meet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("count.json");
    let text = common::rulebook_text(&with_rules(
        r#"{"id": "r", "title": "R", "verdict": "refer", "when": {"at_least": 2, "of": [{"fact": "never"}, {"question": "a", "equals": true}]}}"#,
    ));
    std::fs::write(&path, text).unwrap();
    let out = smp().args(["rules", "check"]).arg(&path).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("rule `r` can never fire") && stdout.contains("which no rule can derive"),
        "{stdout}"
    );
}

fn answers(rb: &Rulebook, values: Value) -> Answers {
    Answers::from_json_value(rb, &values).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_count_fires_as_its_parts_decide_and_is_traced_with_its_tally() {
    let rb = rulebook(&with_rules(
        r#"{"id": "several", "title": "Several", "verdict": "refer", "when": {"at_least": 2, "of": [
            {"question": "a", "equals": true}, {"question": "b", "equals": true}, {"question": "c", "equals": true}]}}"#,
    ));
    let cases = [
        (json!({"a": true, "b": true}), Tri::True),
        (json!({"a": true, "b": false, "c": false}), Tri::False),
        (json!({"a": true, "b": false}), Tri::Unknown),
        (json!({"a": false, "b": false}), Tri::False),
        (json!({}), Tri::Unknown),
    ];
    for (given, expected) in cases {
        let a = answers(&rb, given.clone());
        assert_eq!(evaluate(&rb, &a).rules[0], expected, "{given}");
    }
    let a = answers(&rb, json!({"a": true, "b": false}));
    let eval = evaluate(&rb, &a);
    let node = trace(&rb, &a, &eval, &rb.rules[0].when, Audience::Consultant);
    assert_eq!(node.text, "at least 2 of 3 needed; 1 of 3 held, 1 unknown:");
    assert_eq!(node.children.len(), 3);
    let a = answers(&rb, json!({"a": true, "b": true, "c": true}));
    let eval = evaluate(&rb, &a);
    let node = trace(&rb, &a, &eval, &rb.rules[0].when, Audience::Patient);
    assert_eq!(node.text, "at least 2 of 3 needed; 3 of 3 held:");
}

#[test]
fn recheck_after_takes_one_positive_duration() {
    let rule = |recheck: &str| {
        format!(
            r#"{{"id": "r", "title": "R", "when": {{"question": "a", "equals": true}}, "verdict": "unsuitable", "recheck_after": {recheck}}}"#
        )
    };
    let rb = rulebook(&with_rules(&rule(r#"{"months": 6}"#)));
    assert_eq!(rb.rules[0].recheck_after, Some(Recheck::Months(6)));
    let rb = rulebook(&with_rules(&rule(r#"{"weeks": 4}"#)));
    assert_eq!(rb.rules[0].recheck_after, Some(Recheck::Weeks(4)));
    for (recheck, needle) in [
        (r#"{"months": 6, "weeks": 2}"#, "has both `months` and `weeks`"),
        ("{}", "gives no waiting time"),
        (r#"{"months": 0}"#, "`recheck_after` of 0 months is outside 1 to 120"),
        (r#"{"weeks": 600}"#, "`recheck_after` of 600 weeks is outside 1 to 522"),
        (r#"{"days": 3}"#, "unknown field `days`"),
        (r#"{"months": 1.5}"#, "invalid type"),
        (r#""6 months""#, "invalid type"),
    ] {
        let e = rulebook_error(&with_rules(&rule(recheck)));
        assert!(e.contains(needle), "{recheck}: missing {needle:?} in\n{e}");
    }
}

#[test]
fn recheck_dates_count_calendar_months_and_weeks() {
    let d = |s| smp_screen::date::Date::parse(s).unwrap();
    assert_eq!(Recheck::Months(6).after(d("2026-08-31")).to_string(), "2027-02-28");
    assert_eq!(Recheck::Weeks(2).after(d("2026-12-25")).to_string(), "2027-01-08");
    assert_eq!(Recheck::Months(1).words(), "1 month");
    assert_eq!(Recheck::Weeks(3).words(), "3 weeks");
}

const DRAFT: &str = r#""rulebook": {"id": "t", "title": "T", "version": "1.0.0", "status": "draft",
  "review_due": "2099-01-01", "disclaimer": "d"}"#;

fn load(text: &str) -> Result<Rulebook, String> {
    Rulebook::from_sources(Sources::from_text("t.json", text)).map_err(|e| e.to_string())
}

fn reviewed(hash: &str) -> String {
    format!(
        r#"{{"rulebook": {{"id": "t", "title": "T", "version": "1.0.0", "status": "reviewed",
  "reviewed_by": "Dr R", "reviewed_on": "2026-06-01", "reviewed_hash": "{hash}",
  "review_due": "2099-01-01", "disclaimer": "d"}},
{}}}"#,
        with_rules(r#"{"id": "r", "title": "R", "when": {"question": "a", "equals": true}, "verdict": "refer"}"#)
    )
}

#[test]
fn review_status_is_draft_unless_a_review_of_this_content_is_recorded() {
    let draft = load(&format!("{{{DRAFT}}}")).unwrap();
    assert_eq!(draft.review, Review::Draft);
    assert_eq!(draft.review_words, "not yet reviewed by a clinician");
    // An identity that does not say is a draft too: review is never assumed.
    assert_eq!(rulebook("").review, Review::Draft);

    let hash = load(&reviewed(&"0".repeat(64))).unwrap().content_hash();
    let rb = load(&reviewed(&hash)).unwrap();
    assert_eq!(
        rb.review,
        Review::Reviewed {
            by: "Dr R".into(),
            on: "2026-06-01".into()
        }
    );
    assert_eq!(rb.review_words, "reviewed by Dr R on 2026-06-01");
    // Formatting does not change the content; a rule's verdict does.
    let reflowed = reviewed(&hash).replace(", ", ",\n    ");
    assert!(load(&reflowed).unwrap().review.is_current());
    let edited = reviewed(&hash).replace("\"verdict\": \"refer\"", "\"verdict\": \"caution\"");
    let rb = load(&edited).unwrap();
    assert!(
        matches!(rb.review, Review::ChangedSinceReview { .. }),
        "{:?}",
        rb.review
    );
    assert!(rb.review_words.contains("not yet reviewed by a clinician as it stands"));
}

#[test]
fn a_reviewed_identity_needs_who_when_and_which_content() {
    let e = load(
        r#"{"rulebook": {"id": "t", "title": "T", "version": "1.0.0", "status": "reviewed",
        "review_due": "2099-01-01", "disclaimer": "d"}}"#,
    )
    .unwrap_err();
    assert!(
        e.contains("a `reviewed` rulebook needs reviewed_by, reviewed_on, reviewed_hash")
            && e.contains("at: rulebook.status"),
        "{e}"
    );
    let e = load(&reviewed("abc")).unwrap_err();
    assert!(e.contains("`abc` is not a content hash"), "{e}");
    let e = load(&reviewed(&"0".repeat(64)).replace("2026-06-01", "2026-02-30")).unwrap_err();
    assert!(e.contains("`2026-02-30` is not a date"), "{e}");
    let e = load(
        r#"{"rulebook": {"id": "t", "title": "T", "version": "1.0.0", "status": "approved",
        "review_due": "2099-01-01", "disclaimer": "d"}}"#,
    )
    .unwrap_err();
    assert!(e.contains("unknown variant `approved`"), "{e}");
}

#[test]
fn rules_check_prints_the_content_hash_and_warns_when_a_review_is_stale() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.json");
    std::fs::write(&path, reviewed(&"0".repeat(64))).unwrap();
    let run = |format: &str| {
        let out = smp()
            .args(["rules", "check", "--format", format])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let doc: Value = serde_json::from_str(&run("json")).unwrap();
    let hash = doc["rulebook"]["content_hash"].as_str().unwrap().to_owned();
    assert_eq!(doc["rulebook"]["status"], "changed_since_review");
    let stale = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "changed-since-review")
        .expect("a stale review is warned about");
    assert_eq!(stale["level"], "warning");
    assert!(stale["message"].as_str().unwrap().contains(&hash), "{stale}");
    // Recording the hash it prints makes the review current: no warning, status reviewed.
    std::fs::write(&path, reviewed(&hash)).unwrap();
    let text = run("text");
    assert!(
        text.contains(&format!(
            "review status: reviewed by Dr R on 2026-06-01; content hash {hash}"
        )) && !text.contains("changed-since-review"),
        "{text}"
    );
}

#[test]
fn the_default_rulebook_is_an_honest_draft_everywhere() {
    let rb = Rulebook::embedded().unwrap();
    assert_eq!(rb.review, Review::Draft);
    assert!(rb.identity.reviewed_on.is_none() && rb.identity.reviewed_by.is_none());
    let answers = repo("examples/shaved-look-suitable.json");
    for format in ["text", "markdown", "html", "json"] {
        let out = smp()
            .args(["assess", "--format", format, "--answers"])
            .arg(&answers)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("not yet reviewed by a clinician"),
            "{format}:\n{stdout}"
        );
        assert!(!stdout.contains("reviewed 2026"), "{format}:\n{stdout}");
    }
    for format in ["markdown", "html"] {
        let out = smp().args(["rules", "print", "--format", format]).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("not yet reviewed by a clinician"), "{format}");
    }
}
