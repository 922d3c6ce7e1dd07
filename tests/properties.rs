//! Properties of the default rulebook over generated answer sets, complete and partial:
//! the clinical safety properties, determinism, and the soundness of "unknown" (a
//! partial result brackets every completion of it).

mod common;

use proptest::prelude::*;
use smp_screen::answers::{Answers, Slot, Value};
use smp_screen::audience::Audience;
use smp_screen::engine::{Ink, Tri, evaluate};
use smp_screen::report::{Detail, screen, screen_with};
use smp_screen::rulebook::{QuestionKind, Rulebook, Verdict};
use std::sync::OnceLock;

fn rulebook() -> &'static Rulebook {
    static RB: OnceLock<Rulebook> = OnceLock::new();
    RB.get_or_init(|| Rulebook::embedded().unwrap())
}

/// A complete answer set: one valid value per question, drawn from `seeds`.
fn complete(rb: &Rulebook, seeds: &[u64]) -> Answers {
    let mut a = Answers::none_for(rb);
    assert_eq!(
        seeds.len(),
        rb.questions.len(),
        "one seed per question, or the set is not complete"
    );
    for (q, (question, &seed)) in rb.questions.iter().zip(seeds).enumerate() {
        let n = question.options.len() as u64;
        let value = match question.kind {
            QuestionKind::Single => Value::Choice((seed % n) as u16),
            QuestionKind::Multiple => {
                let exclusive = question.exclusive_mask();
                if exclusive != 0 && seed % 3 == 0 {
                    Value::Multi(exclusive)
                } else {
                    // A random non-empty set of the other options, mostly small.
                    let others = !exclusive & ((1u64 << n) - 1);
                    let mut mask = (seed >> 2) & (seed >> 9) & (seed >> 17) & others;
                    if mask == 0 {
                        let pick = (seed >> 32) % u64::from(others.count_ones());
                        mask = 1u64 << (0..n).filter(|i| others & (1 << i) != 0).nth(pick as usize).unwrap();
                    }
                    Value::Multi(mask)
                }
            }
            QuestionKind::YesNo => Value::Bool(seed & 1 == 1),
            QuestionKind::Number => {
                let (lo, hi) = (question.min.unwrap_or(0.0), question.max.unwrap_or(120.0));
                Value::Number(lo + (seed % ((hi - lo) as u64 + 1)) as f64)
            }
        };
        a.set(q, Slot::Given(value));
    }
    a
}

/// `full` with the answers where `keep` is false removed (or, every third, "don't know").
fn partial(full: &Answers, keep: &[bool]) -> Answers {
    let mut a = full.clone();
    for (q, &k) in keep.iter().enumerate().take(a.len()) {
        if !k {
            a.set(q, if q % 3 == 0 { Slot::DontKnow } else { Slot::Missing });
        }
    }
    a
}

fn ticked(rb: &Rulebook, a: &Answers, question: &str, option: &str) -> bool {
    let q = rb.question_index(question).unwrap();
    let bit = 1u64 << rb.questions[q].option_index(option).unwrap();
    matches!(a.value(q), Some(Value::Multi(m)) if m & bit != 0)
}

fn chose(rb: &Rulebook, a: &Answers, question: &str, option: &str) -> bool {
    let q = rb.question_index(question).unwrap();
    a.value(q) == Some(Value::Choice(rb.questions[q].option_index(option).unwrap() as u16))
}

fn said_yes(rb: &Rulebook, a: &Answers, question: &str) -> bool {
    a.value(rb.question_index(question).unwrap()) == Some(Value::Bool(true))
}

/// The safety properties of the clinical-content issue, for any answers (complete or not).
fn check_safety(rb: &Rulebook, a: &Answers) -> Result<(), TestCaseError> {
    let s = screen_with(rb, a, Audience::Patient, Detail::BRIEF);
    let hold = s.verdict >= Verdict::Refer;
    let age = a.value(rb.question_index("age").unwrap());
    let must_hold = said_yes(rb, a, "keloid_history")
        || [
            "anticoagulants",
            "immunosuppressed",
            "chemotherapy",
            "pregnant",
            "pigment_allergy",
        ]
        .iter()
        .any(|o| ticked(rb, a, "health", o))
        || ["folliculitis_or_infection", "psoriasis", "alopecia_areata"]
            .iter()
            .any(|o| ticked(rb, a, "scalp_conditions", o))
        || matches!(age, Some(Value::Number(x)) if x < 18.0);
    prop_assert!(!must_hold || hold, "a contraindication gave {:?}", s.verdict);
    if chose(rb, a, "permanence", "wants_temporary") {
        prop_assert!(
            !matches!(s.ink, Ink::Permanent | Ink::Either),
            "wants temporary but got {:?}",
            s.ink
        );
    }
    prop_assert_eq!(s.verdict == Verdict::Unsuitable, s.ink == Ink::None);
    if s.verdict != Verdict::Unsuitable {
        for id in ["practitioner", "evidence"] {
            prop_assert!(
                s.risks.iter().any(|r| r.id == id),
                "{:?} result without the `{}` risk",
                s.verdict,
                id
            );
        }
    }
    Ok(())
}

/// `a` with one more non-exclusive option of `question` ticked (replacing an exclusive
/// `none`), or `None` when that option is already ticked or the question is unanswered.
fn tick_one_more(rb: &Rulebook, a: &Answers, question: &str, pick: u64) -> Option<Answers> {
    let q = rb.question_index(question).unwrap();
    let question_def = &rb.questions[q];
    let exclusive = question_def.exclusive_mask();
    let candidates: Vec<u64> = (0..question_def.options.len() as u64)
        .map(|i| 1u64 << i)
        .filter(|bit| bit & exclusive == 0)
        .collect();
    let bit = candidates[(pick % candidates.len() as u64) as usize];
    let Some(Value::Multi(mask)) = a.value(q) else {
        return None;
    };
    if mask & bit != 0 {
        return None;
    }
    let mut more = a.clone();
    more.set(q, Slot::Given(Value::Multi((mask & !exclusive) | bit)));
    Some(more)
}

/// Ticking one more health or scalp condition never gives a milder verdict or worst case.
fn check_more_conditions_never_milder(rb: &Rulebook, a: &Answers, pick: u64) -> Result<(), TestCaseError> {
    let before = evaluate(rb, a);
    for question in ["health", "scalp_conditions"] {
        let Some(more) = tick_one_more(rb, a, question, pick) else {
            continue;
        };
        let after = evaluate(rb, &more);
        prop_assert!(
            after.result.verdict >= before.result.verdict,
            "ticking one more `{}` option lowered the verdict from {:?} to {:?}",
            question,
            before.result.verdict,
            after.result.verdict
        );
        prop_assert!(
            after.worst_case.verdict >= before.worst_case.verdict,
            "ticking one more `{}` option lowered the worst case from {:?} to {:?}",
            question,
            before.worst_case.verdict,
            after.worst_case.verdict
        );
    }
    Ok(())
}

fn seeds() -> impl Strategy<Value = Vec<u64>> {
    proptest::collection::vec(any::<u64>(), rulebook().questions.len())
}

fn mask() -> impl Strategy<Value = Vec<bool>> {
    proptest::collection::vec(any::<bool>(), rulebook().questions.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn safety_holds_for_complete_answers(s in seeds()) {
        check_safety(rulebook(), &complete(rulebook(), &s))?;
    }

    #[test]
    fn safety_holds_for_partial_answers(s in seeds(), keep in mask()) {
        check_safety(rulebook(), &partial(&complete(rulebook(), &s), &keep))?;
    }

    #[test]
    fn one_more_condition_never_gives_a_milder_verdict(s in seeds(), pick in any::<u64>()) {
        check_more_conditions_never_milder(rulebook(), &complete(rulebook(), &s), pick)?;
    }

    #[test]
    fn one_more_condition_never_gives_a_milder_verdict_on_partial_answers(s in seeds(), keep in mask(), pick in any::<u64>()) {
        check_more_conditions_never_milder(rulebook(), &partial(&complete(rulebook(), &s), &keep), pick)?;
    }

    #[test]
    fn a_partial_result_brackets_every_completion(s in seeds(), keep in mask()) {
        let rb = rulebook();
        let full = complete(rb, &s);
        let part = partial(&full, &keep);
        let (p, c) = (evaluate(rb, &part), evaluate(rb, &full));
        prop_assert!(p.result.verdict <= c.result.verdict, "partial {:?} above completion {:?}", p.result.verdict, c.result.verdict);
        prop_assert!(c.result.verdict <= p.worst_case.verdict, "completion {:?} above worst case {:?}", c.result.verdict, p.worst_case.verdict);
        prop_assert_eq!((p.rules.len(), c.rules.len()), (rb.rules.len(), rb.rules.len()));
        for (r, (&before, &after)) in p.rules.iter().zip(&c.rules).enumerate() {
            prop_assert!(!(after == Tri::True && before == Tri::False), "rule `{}` fired on the completion but was ruled out on the partial answers", rb.rules[r].id);
            prop_assert!(!(after == Tri::False && before == Tri::True), "rule `{}` fired on the partial answers but not on the completion", rb.rules[r].id);
        }
        prop_assert!(!c.is_provisional(), "a complete answer set leaves rules undecided");
    }

}

proptest! {
    // Explanations re-evaluate hundreds of times per case, so fewer cases here.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn evaluation_and_explanations_are_deterministic(s in seeds(), keep in mask()) {
        let rb = rulebook();
        let a = partial(&complete(rb, &s), &keep);
        prop_assert_eq!(screen(rb, &a, Audience::Consultant), screen(rb, &a, Audience::Consultant));
        prop_assert_eq!(screen(rb, &a, Audience::Patient), screen(rb, &a, Audience::Patient));
    }
}
