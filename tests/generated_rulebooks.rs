//! Properties over generated rulebooks: random questions, skip logic, facts, scores and
//! rules, some of them broken on purpose. Loading either succeeds or fails with
//! diagnostics, never a panic; a rulebook that loads is checked, evaluated and explained
//! to the end; and its three-valued logic is sound whatever the rules say.

mod common;

use common::generate::{Q, Rng, Shape, condition};
use proptest::prelude::*;
use serde_json::{Value, json};
use smp_screen::answers::{Answers, Slot};
use smp_screen::audience::Audience;
use smp_screen::engine::{Tri, evaluate};
use smp_screen::explain::{what_if, what_if_by_full_evaluation};
use smp_screen::report::screen;
use smp_screen::rulebook::{QuestionKind, Rulebook, Sources};

const SHAPE: Shape = Shape {
    number_max: 100,
    leaf_percent: 45,
    score_ge_max: 1,
};

/// A rulebook from `seed`; about one in five has something broken in it.
fn generate(seed: u64) -> Value {
    let mut rng = Rng(seed);
    let kinds = ["single", "multiple", "yes_no", "number"];
    let mut qs: Vec<Q> = Vec::new();
    let mut questions = Vec::new();
    for i in 0..1 + rng.below(8) {
        let kind = kinds[rng.below(4)];
        let options = 2 + rng.below(4);
        let mut q = json!({"id": format!("q{i}"), "kind": kind, "answer_is": if rng.below(2) == 0 { "fact" } else { "choice" }, "prompt": "Q?", "help": "Why."});
        match kind {
            "single" | "multiple" => {
                let opts: Vec<Value> = (0..options)
                    .map(|o| {
                        let mut v = json!({"value": format!("o{o}"), "label": format!("O{o}")});
                        if kind == "single" {
                            // Every item can score at least 1, so `ge 1` can hold.
                            v["score"] = json!(if o == 0 { 0 } else { 1 + rng.below(3) });
                        }
                        if kind == "multiple" && o == 0 && rng.chance(50) {
                            v["exclusive"] = json!(true);
                        }
                        v
                    })
                    .collect();
                q["options"] = json!(opts);
            }
            "number" => {
                q["min"] = json!(0);
                q["max"] = json!(100);
                q["integer"] = json!(rng.chance(50));
            }
            _ => {}
        }
        let meta = Q {
            id: format!("q{i}"),
            kind,
            options,
        };
        if !qs.is_empty() && rng.chance(30) {
            let earlier = qs.clone();
            q["ask_if"] = condition(&mut rng, &earlier, 0, false, 2, SHAPE);
        }
        qs.push(meta);
        questions.push(q);
    }
    let facts = rng.below(3);
    let singles: Vec<&Q> = qs.iter().filter(|q| q.kind == "single").collect();
    let scores = !singles.is_empty() && rng.chance(50);
    let mut rules = Vec::new();
    // The rules deriving facts come first and read no facts, so facts form no cycle.
    for f in 0..facts {
        rules.push(json!({
            "id": format!("d{f}"),
            "title": format!("Derive {f}"),
            "when": condition(&mut rng, &qs, 0, scores, 3, SHAPE),
            "derive": [format!("f{f}")],
        }));
    }
    for r in 0..1 + rng.below(12) {
        let mut rule = json!({
            "id": format!("r{r}"),
            "title": format!("Rule {r}"),
            "when": condition(&mut rng, &qs, facts, scores, 4, SHAPE),
        });
        let verdict = ["suitable", "caution", "refer", "unsuitable"][rng.below(4)];
        let ink = ["temporary", "permanent"][rng.below(2)];
        match rng.below(6) {
            0 => rule["verdict"] = json!(verdict),
            1 => rule["ink"] = json!({"forbid": [ink]}),
            2 => rule["ink"] = json!({"prefer": ink}),
            4 => rule["advice"] = json!(["a0"]),
            _ => rule["risks"] = json!([format!("r{}", rng.below(2))]),
        }
        if rng.chance(30) {
            let verdict = ["caution", "refer", "unsuitable"][rng.below(3)];
            rule["verdict"] = json!(verdict);
        }
        rules.push(rule);
    }
    let mut book = json!({
        "rulebook": {"id": "gen", "title": "Generated", "version": "1.0.0", "reviewed_by": "proptest",
                     "reviewed_on": "2026-01-01", "review_due": "2099-01-01", "disclaimer": "Generated."},
        "questions": questions,
        "risks": [{"id": "r0", "title": "R0", "severity": "low", "text": "t"},
                  {"id": "r1", "title": "R1", "severity": "high", "text": "t"}],
        "advice": [{"id": "a0", "title": "A0", "text": "t"}],
        "facts": (0..facts).map(|f| json!({"id": format!("f{f}"), "description": "d"})).collect::<Vec<_>>(),
        "rules": rules,
    });
    if scores {
        let items: Vec<&str> = singles.iter().map(|q| q.id.as_str()).collect();
        book["scores"] = json!([{"id": "s0", "title": "Score", "items": items}]);
    }
    if rng.chance(20) {
        break_something(&mut rng, &mut book);
    }
    book
}

/// One of the mistakes a rule author makes.
fn break_something(rng: &mut Rng, book: &mut Value) {
    let rules = book["rules"].as_array_mut().unwrap();
    let n = rules.len();
    let rule = &mut rules[rng.below(n)];
    match rng.below(10) {
        0 => rule["when"] = json!({"question": "nowhere", "equals": "x"}),
        8 => rule["when"] = json!({"at_least": 3, "of": [{"always": true}, {"always": true}]}),
        9 => {
            book["questions"][0].as_object_mut().unwrap().remove("answer_is");
        }
        1 => rule["when"] = json!({"question": "q0", "equals": "not-an-option", "lt": "ten"}),
        2 => rule["id"] = json!("r0"),
        3 => rule["surprise"] = json!(true),
        4 => {
            let mut deep = json!({"always": true});
            for _ in 0..40 {
                deep = json!({"not": deep});
            }
            rule["when"] = deep;
        }
        5 => {
            // A fact that derives itself.
            book["facts"] = json!([{"id": "loop", "description": "d"}]);
            book["rules"][0]["when"] = json!({"fact": "loop"});
            book["rules"][0]["derive"] = json!(["loop"]);
        }
        6 => book["questions"][0]["ask_if"] = json!({"question": "q0", "answered": true}),
        _ => rule["when"] = json!({"all": []}),
    }
}

/// A random answer to every question; `null` (don't know) now and then.
fn complete(rb: &Rulebook, rng: &mut Rng) -> Value {
    let mut answers = serde_json::Map::new();
    for q in &rb.questions {
        let value = if rng.chance(10) {
            Value::Null
        } else {
            match q.kind {
                QuestionKind::Single => json!(q.options[rng.below(q.options.len())].value),
                QuestionKind::Multiple => {
                    let exclusive = q.exclusive_mask();
                    let pick = rng.below(q.options.len());
                    if exclusive & (1 << pick) != 0 {
                        json!([q.options[pick].value])
                    } else {
                        let ticked: Vec<&str> = q
                            .options
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| exclusive & (1 << i) == 0 && (*i == pick || rng.chance(40)))
                            .map(|(_, o)| o.value.as_str())
                            .collect();
                        json!(ticked)
                    }
                }
                QuestionKind::YesNo => json!(rng.chance(50)),
                QuestionKind::Number => json!(rng.below(101)),
            }
        };
        answers.insert(q.id.clone(), value);
    }
    Value::Object(answers)
}

fn load(book: &Value) -> Result<Rulebook, String> {
    Rulebook::from_sources(Sources::from_text(
        "gen.json",
        &serde_json::to_string_pretty(book).unwrap(),
    ))
    .map_err(|e| e.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn a_generated_rulebook_loads_or_is_refused_and_evaluation_ends(seed in any::<u64>()) {
        let book = generate(seed);
        let rb = match load(&book) {
            Ok(rb) => rb,
            Err(message) => {
                prop_assert!(message.contains("error"), "a refusal without an error: {message}");
                return Ok(());
            }
        };
        let _ = smp_screen::tooling::lint::check(&rb, smp_screen::date::Date::from_days(20_000));
        let mut rng = Rng(seed ^ 0x5eed);
        for round in 0..6 {
            let full = complete(&rb, &mut rng);
            let full = Answers::from_json(&rb, &full.to_string())
                .map_err(|e| TestCaseError::fail(format!("generated answers refused: {e}")))?;
            // Forget some answers: the partial set must bracket the complete one.
            let mut partial = full.clone();
            for q in 0..rb.questions.len() {
                if rng.chance(40) {
                    partial.set(q, Slot::Missing);
                }
            }
            let (p, c) = (evaluate(&rb, &partial), evaluate(&rb, &full));
            // Evaluation runs the conditions in a flat form of their own: every value it
            // gives must be the one the tree itself gives, read in the same environment
            // (the plan puts each step after what it reads, so this is the whole result).
            // Besides, a multiple choice with nothing ticked now and then: the evaluator's
            // shortcut for answers with an option's bit set must not be taken for it.
            let mut unticked = full.clone();
            for (q, question) in rb.questions.iter().enumerate() {
                if question.kind == QuestionKind::Multiple && rng.chance(30) {
                    unticked.set(q, Slot::Given(smp_screen::answers::Value::Multi(0)));
                }
            }
            let u = evaluate(&rb, &unticked);
            for (answers, e) in [(&partial, &p), (&full, &c), (&unticked, &u)] {
                let env = e.env(answers);
                for (q, question) in rb.questions.iter().enumerate() {
                    let t = question.ask_if.as_ref().map_or(Tri::True, |c| c.eval(&env));
                    prop_assert_eq!(t, e.applies[q], "ask_if of `{}`", question.id);
                }
                for (r, rule) in rb.rules.iter().enumerate() {
                    prop_assert_eq!(rule.when.eval(&env), e.rules[r], "rule `{}`", rule.id);
                }
            }
            prop_assert!(p.result.verdict <= p.worst_case.verdict);
            prop_assert!(p.result.verdict <= c.result.verdict, "partial {:?} above completion {:?}", p.result.verdict, c.result.verdict);
            prop_assert!(c.result.verdict <= p.worst_case.verdict, "completion {:?} above worst case {:?}", c.result.verdict, p.worst_case.verdict);
            prop_assert_eq!((p.rules.len(), c.rules.len()), (rb.rules.len(), rb.rules.len()));
            for (r, (&before, &after)) in p.rules.iter().zip(&c.rules).enumerate() {
                prop_assert!(
                    before == Tri::Unknown || before == after,
                    "rule `{}` was {:?} on partial answers but {:?} once completed", rb.rules[r].id, before, after
                );
            }
            // What-if re-evaluates only what a change reaches: it must find what evaluating
            // everything again for every change finds, over any shape of rulebook.
            for (answers, e) in [(&partial, &p), (&full, &c)] {
                for audience in [Audience::Patient, Audience::Consultant] {
                    prop_assert_eq!(
                        what_if(&rb, answers, e, audience),
                        what_if_by_full_evaluation(&rb, answers, e, audience),
                        "{:?}", audience
                    );
                }
            }
            if round == 0 {
                let a = screen(&rb, &partial, Audience::Consultant);
                prop_assert_eq!(&a, &screen(&rb, &partial, Audience::Consultant));
            }
        }
    }
}

#[test]
fn the_generator_makes_both_valid_and_broken_rulebooks() {
    // A generator that only ever fails to load would test nothing past the loader.
    let (mut ok, mut refused) = (0, 0);
    for seed in 0..300 {
        match load(&generate(seed)) {
            Ok(_) => ok += 1,
            Err(_) => refused += 1,
        }
    }
    assert!(ok > 150 && refused > 30, "{ok} loaded, {refused} refused");
}
