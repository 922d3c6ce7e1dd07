//! Trust in the prover, by brute force: over many small generated rulebooks (skip logic,
//! facts, scores, counting conditions, numbers with thresholds), enumerating every answer
//! set and running the engine on each agrees with the prover on every invariant, proved
//! or refuted, and every counterexample really breaks its invariant.

mod common;

use common::generate::{Q, Rng, Shape, condition};
use proptest::prelude::*;
use serde_json::{Value, json};
use smp_screen::answers::{Answers, Slot, Value as Answer};
use smp_screen::engine::evaluate;
use smp_screen::prove::{self, milder_after_tick, violation};
use smp_screen::rulebook::{QuestionKind, Rulebook, Sources};

/// Numbers up to 10, so every answer set can be enumerated.
const SHAPE: Shape = Shape {
    number_max: 10,
    leaf_percent: 40,
    score_ge_max: 3,
};

const VERDICTS: [&str; 4] = ["suitable", "caution", "refer", "unsuitable"];
const INKS: [&str; 4] = ["temporary", "permanent", "either", "none"];

fn generate(seed: u64) -> Value {
    let mut rng = Rng(seed);
    let kinds = ["single", "multiple", "yes_no", "number"];
    let mut qs: Vec<Q> = Vec::new();
    let mut questions = Vec::new();
    for i in 0..1 + rng.below(4) {
        let kind = kinds[rng.below(4)];
        let options = 2 + rng.below(2);
        let answer_is = if rng.chance(50) { "fact" } else { "choice" };
        let mut q =
            json!({"id": format!("q{i}"), "kind": kind, "prompt": "Q?", "help": "Why.", "answer_is": answer_is});
        match kind {
            "single" | "multiple" => {
                let opts: Vec<Value> = (0..options)
                    .map(|o| {
                        let mut v = json!({"value": format!("o{o}"), "label": format!("O{o}")});
                        if kind == "single" {
                            v["score"] = json!(rng.below(3));
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
                q["max"] = json!(10);
                q["integer"] = json!(rng.chance(50));
            }
            _ => {}
        }
        let meta = Q {
            id: format!("q{i}"),
            kind,
            options,
        };
        if !qs.is_empty() && rng.chance(35) {
            let earlier = qs.clone();
            q["ask_if"] = condition(&mut rng, &earlier, 0, false, 2, SHAPE);
        }
        qs.push(meta);
        questions.push(q);
    }
    let facts = rng.below(3);
    let singles: Vec<&Q> = qs.iter().filter(|q| q.kind == "single").collect();
    let scores = !singles.is_empty() && rng.chance(40);
    let mut rules = Vec::new();
    for f in 0..facts {
        rules.push(json!({"id": format!("d{f}"), "title": "Derive", "when": condition(&mut rng, &qs, 0, scores, 3, SHAPE), "derive": [format!("f{f}")]}));
    }
    let mut whens = Vec::new();
    for r in 0..1 + rng.below(8) {
        let when = condition(&mut rng, &qs, facts, scores, 3, SHAPE);
        let mut rule = json!({"id": format!("r{r}"), "title": "Rule", "when": when});
        let ink = ["temporary", "permanent"][rng.below(2)];
        match rng.below(5) {
            0 => rule["ink"] = json!({"forbid": [ink]}),
            1 => rule["ink"] = json!({"prefer": ink}),
            2 => rule["advice"] = json!(["a0"]),
            3 => rule["risks"] = json!(["r0"]),
            _ => {}
        }
        let verdict = VERDICTS[rng.below(4)];
        if rng.chance(60) || rule.get("ink").is_none() && rule.get("advice").is_none() && rule.get("risks").is_none() {
            rule["verdict"] = json!(verdict);
        }
        whens.push((rule["when"].clone(), rule["verdict"].clone()));
        rules.push(rule);
    }
    let mut invariants = Vec::new();
    for i in 0..1 + rng.below(6) {
        let mut inv = json!({"id": format!("i{i}"), "statement": "S.", "source": "Test."});
        if rng.chance(15) {
            let multiples: Vec<&Q> = qs.iter().filter(|q| q.kind == "multiple").collect();
            if !multiples.is_empty() {
                inv["monotonic"] = json!([multiples[rng.below(multiples.len())].id]);
                invariants.push(inv);
                continue;
            }
        }
        // Half the time, a property the rules themselves imply, so proofs occur too.
        let (when, implied) = if rng.chance(40) {
            let (w, v) = whens[rng.below(whens.len())].clone();
            (Some(w), v.as_str().map(str::to_owned))
        } else if rng.chance(80) {
            (Some(condition(&mut rng, &qs, facts, scores, 2, SHAPE)), None)
        } else {
            (None, None)
        };
        if let Some(w) = when {
            inv["if"] = w;
        }
        if rng.chance(25) {
            inv["unanswered"] = json!([qs[rng.below(qs.len())].id]);
        }
        inv["then"] = match (implied, rng.below(6)) {
            (Some(v), k) if k < 3 => json!({"verdict_at_least": v}),
            (_, 0) => json!({"verdict_at_least": VERDICTS[rng.below(4)]}),
            (_, 1) => json!({"verdict_at_most": VERDICTS[rng.below(4)]}),
            (_, 2) => json!({"ink_not": [INKS[rng.below(4)]]}),
            (_, 3) => json!({"risks": ["r0"]}),
            (_, 4) => json!({"advice": ["a0"]}),
            _ => json!({"worst_case_at_least": VERDICTS[rng.below(4)]}),
        };
        invariants.push(inv);
    }
    let mut book = json!({
        "rulebook": {"id": "gen", "title": "Generated", "version": "1.0.0", "status": "draft",
                     "review_due": "2099-01-01", "disclaimer": "Generated."},
        "questions": questions,
        "risks": [{"id": "r0", "title": "R0", "severity": "low", "text": "t"}],
        "advice": [{"id": "a0", "title": "A0", "text": "t"}],
        "facts": (0..facts).map(|f| json!({"id": format!("f{f}"), "description": "d"})).collect::<Vec<_>>(),
        "rules": rules,
        "invariants": invariants,
    });
    if scores {
        let items: Vec<&str> = singles.iter().map(|q| q.id.as_str()).collect();
        book["scores"] = json!([{"id": "s0", "title": "Score", "items": items}]);
    }
    book
}

/// Every answer a question accepts, and no answer.
fn slots(rb: &Rulebook, q: usize) -> Vec<Slot> {
    let question = &rb.questions[q];
    let mut out = vec![Slot::Missing];
    match question.kind {
        QuestionKind::Single => out.extend((0..question.options.len()).map(|i| Slot::Given(Answer::Choice(i as u16)))),
        QuestionKind::Multiple => {
            let exclusive = question.exclusive_mask();
            for mask in 1u64..(1 << question.options.len()) {
                if mask & exclusive != 0 && mask.count_ones() > 1 {
                    continue;
                }
                out.push(Slot::Given(Answer::Multi(mask)));
            }
        }
        QuestionKind::YesNo => out.extend([true, false].map(|b| Slot::Given(Answer::Bool(b)))),
        QuestionKind::Number => {
            // Every whole number in bounds, and halves between them when fractions are allowed.
            let step = if question.integer { 1.0 } else { 0.5 };
            let mut x = 0.0;
            while x <= 10.0 {
                out.push(Slot::Given(Answer::Number(x)));
                x += step;
            }
        }
    }
    out
}

fn all_answer_sets(rb: &Rulebook) -> Vec<Answers> {
    let mut sets = vec![Answers::none_for(rb)];
    for q in 0..rb.questions.len() {
        let options = slots(rb, q);
        let mut next = Vec::with_capacity(sets.len() * options.len());
        for a in &sets {
            for s in &options {
                let mut b = a.clone();
                b.set(q, *s);
                next.push(b);
            }
        }
        sets = next;
    }
    sets
}

/// Whether brute force finds an answer set breaking invariant `i`.
fn broken_by_enumeration(rb: &Rulebook, i: usize, sets: &[Answers]) -> bool {
    let inv = &rb.invariants[i];
    if inv.monotonic.is_empty() {
        return sets.iter().any(|a| violation(rb, inv, a).is_some());
    }
    inv.monotonic.iter().any(|&q| {
        let exclusive = rb.questions[q].exclusive_mask();
        let n = rb.questions[q].options.len();
        sets.iter().any(|a| {
            let Slot::Given(Answer::Multi(mask)) = *a.slot(q) else {
                return false;
            };
            let before = evaluate(rb, a).result.verdict;
            (0..n).filter(|j| mask & (1 << j) == 0).any(|j| {
                let more = mask | 1 << j;
                if more & exclusive != 0 && more.count_ones() > 1 {
                    return false;
                }
                let mut b = a.clone();
                b.set(q, Slot::Given(Answer::Multi(more)));
                evaluate(rb, &b).result.verdict < before
            })
        })
    })
}

fn smallest_by_enumeration(rb: &Rulebook, i: usize, sets: &[Answers]) -> Option<usize> {
    let inv = &rb.invariants[i];
    sets.iter()
        .filter(|a| violation(rb, inv, a).is_some())
        .map(|a| (0..a.len()).filter(|&q| !matches!(a.slot(q), Slot::Missing)).count())
        .min()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn enumeration_agrees_with_the_prover(seed in any::<u64>()) {
        let book = generate(seed);
        let text = serde_json::to_string_pretty(&book).unwrap();
        let rb = match Rulebook::from_sources(Sources::from_text("gen.json", &text)) {
            Ok(rb) => rb,
            // A generated rulebook may be refused (a rule with no reachable effect and the
            // like); the loader's own tests cover that.
            Err(_) => return Ok(()),
        };
        let sets = all_answer_sets(&rb);
        for proof in prove::prove(&rb) {
            let i = proof.invariant;
            let expected = broken_by_enumeration(&rb, i, &sets);
            prop_assert_eq!(proof.refuted.is_some(), expected, "invariant {} of seed {}:\n{}", i, seed, text);
            if let Some(cx) = &proof.refuted {
                let inv = &rb.invariants[i];
                let again = match &cx.after {
                    None => violation(&rb, inv, &cx.answers),
                    Some(after) => milder_after_tick(&rb, &cx.answers, after),
                };
                prop_assert!(again.is_some(), "counterexample of {} not confirmed, seed {}", i, seed);
                if cx.after.is_none() {
                    // Fewest answered questions: brute force finds none smaller.
                    prop_assert_eq!(Some(cx.answered()), smallest_by_enumeration(&rb, i, &sets), "seed {}", seed);
                }
            }
        }
    }
}

#[test]
fn the_generator_makes_rulebooks_with_both_proved_and_refuted_invariants() {
    let (mut proved, mut refuted, mut monotonic) = (0, 0, 0);
    for seed in 0..200 {
        let text = serde_json::to_string(&generate(seed)).unwrap();
        let Ok(rb) = Rulebook::from_sources(Sources::from_text("gen.json", &text)) else {
            continue;
        };
        for p in prove::prove(&rb) {
            if !rb.invariants[p.invariant].monotonic.is_empty() {
                monotonic += 1;
            }
            if p.refuted.is_some() { refuted += 1 } else { proved += 1 }
        }
    }
    assert!(
        proved > 50 && refuted > 50 && monotonic > 5,
        "{proved} proved, {refuted} refuted, {monotonic} monotonic"
    );
}
