//! "What would change this" over generated answer sets of the default rulebook: nothing
//! proposed is hidden from the person, impossible or a no-change; a patient is shown only
//! choices, only milder verdicts, and never a way to permanent ink after asking for
//! fading ink; a consultant reads labels, never ids.

mod common;

use proptest::prelude::*;
use serde_json::Value as Json;
use smp_screen::answers::{Answers, Value};
use smp_screen::audience::Audience;
use smp_screen::engine::{Evaluation, Ink, Tri, evaluate};
use smp_screen::explain::{WhatIf, what_if};
use smp_screen::report::{Context, MAX_WHAT_IF_SHOWN, screen, what_if_words};
use smp_screen::rulebook::{AnswerIs, Rulebook};
use smp_screen::style::Style;
use std::sync::OnceLock;

fn rulebook() -> &'static Rulebook {
    static RB: OnceLock<Rulebook> = OnceLock::new();
    RB.get_or_init(|| Rulebook::embedded().unwrap())
}

/// One answer per question from `seeds`, then some missing or "don't know" by `gaps`.
fn answers(rb: &Rulebook, seeds: &[u64], gaps: &[u8]) -> Answers {
    common::generate::answers(rb, seeds, gaps, 0)
}

/// The answers with a what-if's changes made, read back through the JSON the result
/// gives, so an impossible value is refused here as it would be from a file.
fn changed(rb: &Rulebook, a: &Answers, w: &WhatIf) -> Result<Answers, String> {
    let mut map = a.to_json(rb);
    map.insert(w.question.clone(), w.value.clone());
    for c in &w.and {
        map.insert(c.question.clone(), c.value.clone());
    }
    Answers::from_json_value(rb, &Json::Object(map)).map_err(|e| e.to_string())
}

fn check(rb: &Rulebook, a: &Answers, eval: &Evaluation, audience: Audience) -> Result<(), TestCaseError> {
    let before = (eval.result.verdict, eval.result.ink);
    for w in what_if(rb, a, eval, audience) {
        let after_answers = changed(rb, a, &w).map_err(|e| TestCaseError::fail(format!("impossible value: {e}")))?;
        let after = evaluate(rb, &after_answers);
        prop_assert_eq!((after.result.verdict, after.result.ink), (w.verdict, w.ink), "{:?}", w);
        prop_assert!((w.verdict, w.ink) != before, "a no-change: {:?}", w);
        let env = after.env(&after_answers);
        let changes = std::iter::once((&w.question, &w.value, &w.label))
            .chain(w.and.iter().map(|c| (&c.question, &c.value, &c.label)));
        for (id, value, label) in changes {
            let q = rb.question_index(id).unwrap();
            let question = &rb.questions[q];
            prop_assert_eq!(eval.applies[q], Tri::True, "`{}` did not apply", id);
            prop_assert!(after.applies[q] != Tri::False, "`{}` is hidden after the change", id);
            let chosen: Vec<usize> = match after_answers.value(q) {
                Some(Value::Choice(i)) => vec![usize::from(i)],
                Some(Value::Multi(m)) => (0..question.options.len()).filter(|i| m & (1u64 << i) != 0).collect(),
                _ => Vec::new(),
            };
            for &i in &chosen {
                let option = &question.options[i];
                let shown = option.show_if.as_ref().is_none_or(|c| c.eval(&env) != Tri::False);
                prop_assert!(shown, "`{}={}` is an option hidden from this person", id, option.value);
            }
            if let [i] = chosen[..] {
                prop_assert_eq!(
                    label.as_str(),
                    question.options[i].label_for(audience),
                    "`{}`: not its label",
                    id
                );
            }
            if audience == Audience::Patient {
                prop_assert_eq!(
                    question.answer_is,
                    AnswerIs::Choice,
                    "a patient is told to change the fact `{}`",
                    id
                );
                prop_assert!(!question.fixed, "a patient is told to change the trait `{}`", id);
            }
            let _ = value;
        }
        if audience == Audience::Patient {
            prop_assert!(
                w.verdict < before.0,
                "not milder for a patient: {:?} from {:?}",
                w,
                before
            );
            prop_assert!(
                !(before.1 == Ink::Temporary && matches!(w.ink, Ink::Permanent | Ink::Either)),
                "a patient given fading ink is shown a way to permanent ink: {:?}",
                w
            );
        }
    }
    Ok(())
}

/// The consultant's what-if section in text names questions by their short names and
/// answers by their labels, in at most six lines.
fn check_consultant_words(rb: &Rulebook, a: &Answers) -> Result<(), TestCaseError> {
    let s = screen(rb, a, Audience::Consultant);
    let cx = Context {
        screening: &s,
        rulebook: rb,
        answers: a,
        style: Style::PLAIN,
        width: 80,
        explain: false,
    };
    let Some(words) = what_if_words(&cx) else {
        return Ok(());
    };
    prop_assert!(words.better.len() + words.worse.len() <= MAX_WHAT_IF_SHOWN);
    let all = s.what_if.as_deref().unwrap_or_default();
    prop_assert_eq!(
        words.better.len() + words.better_more + words.worse.len() + words.worse_more,
        all.len()
    );
    for line in words.better.iter().chain(&words.worse) {
        prop_assert!(!line.contains("[\""), "a raw value: {}", line);
        for question in rb.questions.iter().filter(|q| q.id != q.short) {
            // A second change follows the first's quoted answer (`were "…" and X were`), so a
            // short name that holds " and " (`Skin history and allergies`) is not taken for one.
            let by_id = [
                format!("If {} were", question.id),
                format!("\" and {} were", question.id),
            ];
            prop_assert!(!by_id.iter().any(|x| line.contains(x.as_str())), "an id: {}", line);
        }
        let (_, outcome) = line.rsplit_once(": ").unwrap();
        for label in ["SUITABLE", "CAUTION", "REFER", "UNSUITABLE"] {
            prop_assert!(
                !outcome.starts_with(&format!("{label} → {label}")),
                "a no-change line: {}",
                line
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn what_if_never_coaches_hides_or_repeats(
        seeds in proptest::collection::vec(any::<u64>(), 64),
        gaps in proptest::collection::vec(prop_oneof![1 => Just(0u8), 1 => Just(1u8), 8 => Just(2u8)], 64),
    ) {
        let rb = rulebook();
        let a = answers(rb, &seeds, &gaps);
        let eval = evaluate(rb, &a);
        check(rb, &a, &eval, Audience::Patient)?;
        // The consultant's search tries every question and many pairs; one set in four keeps
        // the suite quick while still covering hundreds of sets.
        if seeds[0] % 4 == 0 {
            check(rb, &a, &eval, Audience::Consultant)?;
            check_consultant_words(rb, &a)?;
        }
    }
}
