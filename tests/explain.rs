//! HOW, WHY and "what would change this": pinned for the cases the issue names.

mod common;

use common::{repo, smp};
use predicates::prelude::*;
use smp_screen::answers::Answers;
use smp_screen::audience::Audience;
use smp_screen::engine::Ink;
use smp_screen::report::screen;
use smp_screen::rulebook::{Rulebook, Verdict};
use smp_screen::tooling::cases;

fn rb() -> Rulebook {
    Rulebook::embedded().unwrap()
}

fn answers_of_case(rb: &Rulebook, name: &str) -> Answers {
    let text = std::fs::read_to_string(repo(&format!("rules/cases/{name}.json"))).unwrap();
    let case = cases::parse(&text).unwrap();
    Answers::from_json_value(rb, &serde_json::Value::Object(case.answers)).unwrap()
}

fn rendered(rb: &Rulebook, answers: &Answers, audience: Audience, rule: &str) -> String {
    let s = screen(rb, answers, audience);
    let t = s.explain.unwrap().rules.into_iter().find(|t| t.rule == rule).unwrap();
    let mut out = String::new();
    t.trace.render(&mut out, 0, 100);
    out
}

#[test]
fn how_traces_a_nested_condition_through_a_derived_fact() {
    let rb = rb();
    let a = answers_of_case(&rb, "04-young-progressing-undecided");
    assert_eq!(
        rendered(&rb, &a, Audience::Consultant, "young-and-unsettled"),
        "\
✔ all of:
  ✔ age = 23 years, needed at least 18 years
  ✔ age = 23 years, needed under 26 years
  ✔ fact `loss_unsettled`: Hair loss that is progressing, or whose course is not known.
    ✔ derived by [loss-unsettled] Hair loss progressing or of unknown course: hair_loss_trend =
      progressing, needed one of progressing_slowly, progressing, unknown
"
    );
    assert_eq!(
        rendered(&rb, &a, Audience::Patient, "young-and-unsettled"),
        "\
✔ all of:
  ✔ Age: 23 years (needed: at least 18 years)
  ✔ Age: 23 years (needed: under 26 years)
  ✔ Hair loss that is progressing, or whose course is not known.
    ✔ because Course over 12 months: Getting worse quickly or with new bare patches (needed: one of
      Slowly getting worse, Getting worse quickly or with new bare patches, Hard to say: I haven't
      kept track)
"
    );
}

#[test]
fn how_says_what_an_undecided_rule_would_need() {
    let rb = rb();
    let a = Answers::from_json(&rb, r#"{"age": 40, "scars": ["fut_strip"], "health": ["diabetes"]}"#).unwrap();
    let s = screen(&rb, &a, Audience::Consultant);
    let e = s.explain.unwrap();
    let fresh = e.rules.iter().find(|t| t.rule == "scar-too-fresh").unwrap();
    assert_eq!(fresh.state, "possible");
    assert_eq!(fresh.would_need, vec!["scar_age = not answered, needed under_6_months"]);
    let diabetes = e.rules.iter().find(|t| t.rule == "diabetes-uncontrolled").unwrap();
    let mut out = String::new();
    diabetes.trace.render(&mut out, 0, 100);
    assert_eq!(
        out,
        "\
? all of:
  ✔ health = diabetes, needed diabetes
  ? diabetes_control = not answered, needed one of poorly_controlled, unsure
"
    );
    assert_eq!(
        diabetes.would_need,
        vec!["diabetes_control = not answered, needed one of poorly_controlled, unsure"]
    );
}

#[test]
fn how_names_the_rules_a_refer_verdict_overrides() {
    let rb = rb();
    let a = answers_of_case(&rb, "86-several-referral-reasons");
    let mut a_json = a.to_json(&rb);
    a_json.insert("skin_history".into(), serde_json::json!(["nickel_or_chromium"]));
    let a = Answers::from_json_value(&rb, &serde_json::Value::Object(a_json)).unwrap();
    let e = screen(&rb, &a, Audience::Consultant).explain.unwrap();
    assert_eq!(e.verdict.value, Verdict::Refer);
    assert_eq!(
        e.verdict.set_by,
        vec!["anticoagulants", "keloid-personal", "koebner-condition-active"]
    );
    let over: Vec<(&str, Verdict)> = e
        .verdict
        .overrode
        .iter()
        .map(|o| (o.rule.as_str(), o.verdict))
        .collect();
    assert_eq!(over, vec![("metal-allergy", Verdict::Caution)]);
    smp()
        .args(["assess", "--audience", "consultant", "--explain", "-a", "-"])
        .env("COLUMNS", "200")
        .write_stdin(serde_json::Value::Object(a.to_json(&rb)).to_string())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Verdict REFER, given by [anticoagulants], [keloid-personal], [koebner-condition-active]",
        ))
        .stdout(predicate::str::contains("overrides caution from [metal-allergy]"))
        .stdout(predicate::str::contains(
            "Rationale: Blood thinners make the skin bleed more",
        ))
        .stdout(predicate::str::contains(
            "✔ health = anticoagulants, needed anticoagulants",
        ));
}

#[test]
fn how_names_the_ink_preference_that_was_overridden() {
    let rb = rb();
    // A 19-year-old with unexamined loss: the open plan prefers fading ink, which beats the
    // preference for permanent ink that his acceptance of permanence would otherwise give.
    let a = answers_of_case(&rb, "124-age-19-unexamined");
    let e = screen(&rb, &a, Audience::Consultant).explain.unwrap();
    assert_eq!(e.ink.value, Ink::Temporary);
    assert!(
        e.ink
            .set_by
            .iter()
            .any(|x| x.rule == "young-adult-plan-open" && x.effect == "prefer_temporary")
    );
    assert!(
        e.ink.overrode.iter().any(|x| x.rule == "permanent-may-suit"),
        "{:?}",
        e.ink.overrode
    );
    let a = answers_of_case(&rb, "04-young-progressing-undecided");
    let e = screen(&rb, &a, Audience::Consultant).explain.unwrap();
    assert_eq!(e.ink.set_by.len(), 4);
}

#[test]
fn what_if_for_a_fresh_scar_names_the_scar_age_to_a_consultant_only() {
    let rb = rb();
    let a = answers_of_case(&rb, "136-fresh-surgical-scar");
    let list = screen(&rb, &a, Audience::Consultant).what_if.unwrap();
    let scar = list
        .iter()
        .find(|w| w.question == "scar_age" || w.and.iter().any(|c| c.question == "scar_age"))
        .unwrap_or_else(|| panic!("no change of scar age in {list:#?}"));
    assert!(scar.verdict < Verdict::Unsuitable);
    // The age of a scar is a fact about the person, not a choice: a patient is not told
    // to have an older scar.
    let patient = screen(&rb, &a, Audience::Patient).what_if.unwrap();
    assert!(patient.iter().all(|w| w.question != "scar_age"), "{patient:#?}");
    smp()
        .args(["assess", "-a", "-", "--audience", "consultant"])
        .env("COLUMNS", "200")
        .write_stdin(serde_json::Value::Object(a.to_json(&rb)).to_string())
        .assert()
        .stdout(predicate::str::contains("What would change this"))
        .stdout(predicate::str::contains("Scar age were \"More than 12 months\""));
    // A single reason: the scar alone.
    let a = Answers::from_json(
        &rb,
        r#"{"age": 40, "scars": ["fut_strip"], "scar_age": "under_6_months", "transplant": "over_12_months"}"#,
    )
    .unwrap();
    let list = screen(&rb, &a, Audience::Consultant).what_if.unwrap();
    let older = list
        .iter()
        .find(|w| w.question == "scar_age" && w.value == "over_12_months")
        .unwrap_or_else(|| panic!("{list:#?}"));
    assert!(older.and.is_empty());
}

#[test]
fn a_patient_is_never_told_to_change_a_fixed_trait_or_history() {
    let rb = rb();
    let fixed: Vec<&str> = rb.questions.iter().filter(|q| q.fixed).map(|q| q.id.as_str()).collect();
    for must in ["age", "skin_tone", "hair_colour", "health", "keloid_history"] {
        assert!(fixed.contains(&must), "{must} should be fixed");
    }
    for file in cases::read_folder(&repo("rules/cases")).unwrap() {
        let case = file.case.unwrap();
        let a = Answers::from_json_value(&rb, &serde_json::Value::Object(case.answers)).unwrap();
        let s = screen(&rb, &a, Audience::Patient);
        for w in s.what_if.unwrap() {
            for q in std::iter::once(w.question.as_str()).chain(w.and.iter().map(|c| c.question.as_str())) {
                assert!(!fixed.contains(&q), "{}: a patient is told to change `{q}`", file.name);
            }
            assert!(
                w.verdict <= s.verdict,
                "{}: a patient is shown a worse outcome",
                file.name
            );
            assert!(
                !(w.question == "transplant" && w.value == "none"),
                "{}: 'no transplant' is not reachable",
                file.name
            );
        }
    }
}

#[test]
fn json_always_carries_how_why_and_what_if() {
    let out = smp()
        .args(["assess", "-f", "json", "--set", "age=40", "--set", "scars=none"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["explain"]["verdict"]["set_by"].is_array());
    assert!(
        v["explain"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["state"] == "possible")
    );
    let age = v["explain"]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["question"] == "age")
        .unwrap();
    assert!(
        age["read_by"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["rule"] == "under-18")
    );
    assert!(v["what_if"].is_array());
}

#[test]
fn the_interview_can_show_which_rules_read_each_question() {
    // Without a terminal the interview is plain, and shows under each question the
    // rules that read it.
    smp()
        .args(["interview", "--explain", "--audience", "consultant"])
        .write_stdin("")
        .assert()
        .code(130)
        .stderr(predicates::str::contains("Read by: "));
}

/// A case's answers as JSON text, with some answers replaced.
fn case_with(rb: &Rulebook, name: &str, edits: serde_json::Value) -> String {
    let mut map = answers_of_case(rb, name).to_json(rb);
    for (k, v) in edits.as_object().unwrap() {
        map.insert(k.clone(), v.clone());
    }
    serde_json::Value::Object(map).to_string()
}

fn what_if_text(answers: &str, audience: &str, format: &str) -> String {
    let out = smp()
        .args(["assess", "-a", "-", "--audience", audience, "-f", format])
        .env("COLUMNS", "200")
        .write_stdin(answers.to_owned())
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_patient_is_never_offered_a_different_body_history_or_health() {
    let rb = rb();
    for (case, fact) in [
        ("31-active-psoriasis", "scalp_conditions"),
        ("39-lichen-planopilaris", "hair_loss_cause"),
        ("28-keloid-history", "keloid_history"),
        ("47-warfarin", "health"),
    ] {
        let a = answers_of_case(&rb, case);
        let list = screen(&rb, &a, Audience::Patient).what_if.unwrap();
        assert!(
            list.iter()
                .all(|w| w.question != fact && w.and.iter().all(|c| c.question != fact)),
            "{case}: {list:#?}"
        );
        let text = what_if_text(
            &serde_json::Value::Object(a.to_json(&rb)).to_string(),
            "patient",
            "text",
        );
        assert!(
            !text.contains(&format!("If {} were", rb.question(fact).unwrap().short)),
            "{case}:\n{text}"
        );
        // The consultant still sees it, in words.
        let consultant = screen(&rb, &a, Audience::Consultant).what_if.unwrap();
        assert!(consultant.iter().any(|w| w.question == fact), "{case}");
    }
}

#[test]
fn an_option_hidden_from_the_person_is_never_shown_and_no_line_repeats_the_verdict() {
    let rb = rb();
    // Rulebook 2.0 asks everyone about pregnancy (sex is not a proxy for it), so the hidden
    // option here is hair-loss medication, shown only to someone with hair loss.
    let hidden = ["medication_12_months", "medication_recent", "regrowing"];
    let no_loss = case_with(&rb, "13-no-hair-loss-shaved-style", serde_json::json!({}));
    let a = Answers::from_json(&rb, &no_loss).unwrap();
    let base = screen(&rb, &a, Audience::Consultant);
    // Not vacuous: one of the hidden options would change this person's result.
    let changes = hidden.iter().any(|option| {
        let edited = case_with(
            &rb,
            "13-no-hair-loss-shaved-style",
            serde_json::json!({"treatment": [option]}),
        );
        let r = screen(&rb, &Answers::from_json(&rb, &edited).unwrap(), Audience::Consultant);
        (r.verdict, r.ink) != (base.verdict, base.ink)
    });
    assert!(changes, "no hidden medication option changes the result");
    for audience in [Audience::Patient, Audience::Consultant] {
        let list = screen(&rb, &a, audience).what_if.unwrap();
        let json = serde_json::to_string(&list).unwrap();
        for option in hidden {
            assert!(!json.contains(&format!("\"{option}\"")), "{option}: {list:#?}");
        }
    }
    let answers = case_with(&rb, "47-warfarin", serde_json::json!({"age": 52, "sex": "male"}));
    for format in ["text", "markdown", "html"] {
        let out = what_if_text(&answers, "consultant", format);
        assert!(out.contains("What would change this"), "{format}");
        assert!(out.contains("What would make it worse"), "{format}");
        assert!(
            out.contains("Health were") && out.contains("None of these"),
            "{format}: labels\n{out}"
        );
        assert!(
            !out.contains("[\"none\"]") && !out.contains("`health` were"),
            "{format}: ids\n{out}"
        );
        for v in ["SUITABLE", "CAUTION", "REFER", "UNSUITABLE"] {
            assert!(
                !out.contains(&format!("{v} → {v}")),
                "{format}: a no-change line\n{out}"
            );
        }
        let lines = out
            .lines()
            .filter(|l| l.contains("If ") && l.contains(" were "))
            .count();
        assert!(lines <= 6, "{format}: {lines} what-if lines\n{out}");
        assert!(out.contains(" more"), "{format}: the rest are counted");
    }
}

#[test]
fn a_patient_who_wants_fading_ink_is_never_shown_a_way_to_permanent_ink() {
    let rb = rb();
    let mut shown = 0;
    for case in [
        "02-nervous-about-permanence",
        "82-fading-ink-no-budget",
        "03-undecided-about-permanence",
    ] {
        let a = answers_of_case(&rb, case);
        let s = screen(&rb, &a, Audience::Patient);
        for w in s.what_if.unwrap() {
            shown += 1;
            assert!(w.verdict < s.verdict, "{case}: {w:?} is not milder");
            assert!(
                !matches!(
                    w.ink,
                    smp_screen::engine::Ink::Permanent | smp_screen::engine::Ink::Either
                ),
                "{case}: {w:?} opens the way to permanent ink"
            );
            assert!(w.question != "permanence", "{case}: {w:?}");
        }
    }
    assert!(shown > 0, "the cases must offer something to check");
}
