//! What would change this: the smallest changes of answer that change the verdict or the
//! ink, found by re-evaluating. Every single change is tried; pairs are tried where
//! neither change alone changes the result, and either both questions are read by one
//! rule (two halves of one condition) or each change alone already alters which rules
//! fire (two separate reasons, each removed by one change).
//!
//! Nothing is proposed that the person could not answer: a question that does not apply
//! to them, an option its `show_if` hides from them (no pregnancy for a man), or a value
//! the question cannot take. A patient is shown only choices they make (`answer_is:
//! choice`), only changes that make the verdict milder, and never a change that would
//! open the way to permanent ink after they asked for fading ink.

use crate::answers::{Answers, Slot, Value, check_value, value_to_json};
use crate::audience::Audience;
use crate::engine::{Env, Evaluation, FiredTally, Footprint, Incremental, Ink, Tri};
use crate::rulebook::{InkKind, Question, QuestionKind, Rulebook, Verdict};
use serde::Serialize;
use std::ops::Range;

mod reference;

/// One answer change: a question and its new value.
type Edit = (usize, Value);
/// A verdict and an ink.
type Outcome = (Verdict, Ink);

/// Most re-evaluations spent on pairs of changes (each takes about a microsecond).
const PAIR_BUDGET: usize = 4000;

/// One answer change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerChange {
    /// Question id.
    pub question: String,
    /// The new answer, as JSON.
    pub value: serde_json::Value,
    /// The new answer in words.
    pub label: String,
}

/// A change of answers and the result it would give.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    /// The (first) question changed.
    pub question: String,
    /// Its new answer, as JSON.
    pub value: serde_json::Value,
    /// Its new answer in words.
    pub label: String,
    /// Further changes needed together with it (empty for a single change).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub and: Vec<AnswerChange>,
    /// The verdict then.
    pub verdict: Verdict,
    /// The ink then.
    pub ink: Ink,
}

/// The answer changes that would change the verdict or the ink.
///
/// Only questions that apply and have an answer are varied, and only to values the person
/// could give (the option offered to them, a number in range). For a patient, only their
/// choices are varied (never a fact such as age, skin type, history or health, nor an
/// option marked as a state one cannot move to), and only changes that make the verdict
/// milder are listed, never one that would allow permanent ink after they asked for
/// fading ink. A consultant sees every change: better verdicts first, then ink-only
/// changes, then worse verdicts. Every change found is returned.
pub fn what_if(rb: &Rulebook, answers: &Answers, eval: &Evaluation, audience: Audience) -> Vec<WhatIf> {
    worded(rb, search(rb, answers, eval, audience), audience)
}

/// [`what_if`] found the slow way, re-evaluating the whole rulebook from a fresh copy of
/// the answers for every change tried. Not public API: the property tests compare
/// [`what_if`] with it.
#[doc(hidden)]
pub fn what_if_by_full_evaluation(
    rb: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
) -> Vec<WhatIf> {
    worded(rb, reference::search(rb, answers, eval, audience), audience)
}

/// The changes found and the outcome each gives, in the order they are shown.
fn search(rb: &Rulebook, answers: &Answers, eval: &Evaluation, audience: Audience) -> Vec<(Vec<Edit>, Outcome)> {
    let judge = Judge::new(rb, eval, audience);
    let before = judge.before;
    let reach = rb.influence();
    let candidates = candidates(rb, answers, eval, audience);
    // Each change is made in a working copy of the evaluation, re-evaluating only what the
    // changed answers reach, then undone: nothing is allocated per change.
    let mut work = Incremental::new(rb, answers, eval);
    let mut found: Vec<(Vec<Edit>, Outcome)> = Vec::new();
    // Changes that alone leave the result as it is: whether each alters any rule, how it
    // alters the tally of fired rules, and where its footprint is kept (the steps it
    // altered, from `altered[range]`, and those it touched, one row of `words` in
    // `touched`).
    let mut inert: Vec<(Edit, bool, FiredTally, Range<usize>)> = Vec::new();
    let words = work.touched().len();
    let (mut altered, mut touched) = (Vec::new(), Vec::new());
    for &c in &candidates {
        let r = work.apply(&[c]);
        let after = (r.verdict, r.ink);
        if after == before {
            let from = altered.len();
            work.altered(&mut altered);
            inert.push((c, work.moved(), work.delta(), from..altered.len()));
            touched.extend_from_slice(work.touched());
        } else if judge.acceptable(rb, &[c], after, &work.env(), work.rules()) {
            found.push((vec![c], after));
        }
    }
    nearest_first(rb, answers, &mut found);
    let base = work.base_tally();
    let footprint = |i: usize| Footprint {
        change: inert[i].0,
        altered: &altered[inert[i].3.clone()],
        touched: &touched[i * words..(i + 1) * words],
    };
    let mut spent = 0;
    'pairs: for (i, &(a, a_moves, a_delta, _)) in inert.iter().enumerate() {
        for (j, &(b, b_moves, b_delta, _)) in inert.iter().enumerate().skip(i + 1) {
            let together = reach.co_read(a.0, b.0);
            if a.0 == b.0 || !(together || (a_moves && b_moves)) {
                continue;
            }
            if spent == PAIR_BUDGET {
                break 'pairs;
            }
            spent += 1;
            let (fa, fb) = (footprint(i), footprint(j));
            // Two changes that touched no step in common alter separate parts of the
            // evaluation, so their tallies add: when the sum gives the result as it is,
            // the pair changes nothing and needs no evaluation.
            if fa.touched.iter().zip(fb.touched).all(|(x, y)| x & y == 0) {
                let r = base.plus(a_delta).plus(b_delta).resolution();
                if (r.verdict, r.ink) == before {
                    continue;
                }
            }
            let r = work.apply_both(fa, fb);
            let after = (r.verdict, r.ink);
            if judge.acceptable(rb, &[a, b], after, &work.env(), work.rules()) {
                found.push((vec![a, b], after));
            }
        }
    }
    ranked(before, &mut found);
    found
}

/// The changes worth trying: for each question that applies and has an answer (for a
/// patient, only their choices), every other answer the person could give.
fn candidates(rb: &Rulebook, answers: &Answers, eval: &Evaluation, audience: Audience) -> Vec<Edit> {
    let patient = audience == Audience::Patient;
    let reach = rb.influence();
    let mut candidates: Vec<(usize, Value)> = Vec::new();
    for (q, question) in rb.questions.iter().enumerate() {
        if (patient && !question.is_lever()) || eval.applies[q] != Tri::True {
            continue;
        }
        if let Slot::Given(current) = answers.slot(q) {
            for alt in alternatives(question, *current, reach.thresholds(q)) {
                if check_value(question, alt).is_err() || (patient && reaches_fixed_option(question, alt)) {
                    continue;
                }
                candidates.push((q, alt));
            }
        }
    }
    candidates
}

/// Which outcomes of a change are shown to this reader.
struct Judge {
    before: Outcome,
    patient: bool,
    /// Rules that fired and keep the ink away from permanent: the person's wish for
    /// fading ink, among others. A patient is never shown a change that removes one of
    /// them and lets permanent ink in.
    keeps_fading: Vec<usize>,
}

impl Judge {
    fn new(rb: &Rulebook, eval: &Evaluation, audience: Audience) -> Judge {
        Judge {
            before: (eval.result.verdict, eval.result.ink),
            patient: audience == Audience::Patient,
            keeps_fading: eval
                .fired()
                .filter(|&r| rb.rules[r].forbids(InkKind::Permanent) || rb.rules[r].prefer == Some(InkKind::Temporary))
                .collect(),
        }
    }

    /// Whether `changes`, giving `after` with the evaluation `env` and rule states
    /// `rules`, are worth showing.
    fn acceptable(&self, rb: &Rulebook, changes: &[Edit], after: Outcome, env: &Env, rules: &[Tri]) -> bool {
        let before = self.before;
        if after == before || !offered(rb, env, changes) {
            return false;
        }
        if self.patient {
            let allows_permanent = matches!(after.1, Ink::Permanent | Ink::Either);
            let fading_lost = before.1 == Ink::Temporary || self.keeps_fading.iter().any(|&r| rules[r] != Tri::True);
            if after.0 >= before.0 || (allows_permanent && fading_lost) {
                return false;
            }
        }
        true
    }
}

/// Of several numbers giving the same outcome (18, 19 and 25 years), keeps the one nearest
/// the answer given, which says it all; single changes come sorted by question.
fn nearest_first(rb: &Rulebook, answers: &Answers, found: &mut Vec<(Vec<Edit>, Outcome)>) {
    let distance = |&(q, v): &Edit| match (v, answers.slot(q)) {
        (Value::Number(x), Slot::Given(Value::Number(now))) => (x - now).abs(),
        _ => 0.0,
    };
    found.sort_by(|(a, oa), (b, ob)| {
        (a[0].0, oa.0, oa.1 as u8)
            .cmp(&(b[0].0, ob.0, ob.1 as u8))
            .then(distance(&a[0]).total_cmp(&distance(&b[0])))
    });
    found.dedup_by(|(later, o_later), (kept, o_kept)| {
        matches!(rb.questions[kept[0].0].kind, QuestionKind::Number) && later[0].0 == kept[0].0 && o_later == o_kept
    });
}

/// Better verdicts first, then ink-only changes, then worse ones; single changes before
/// pairs; then in asking order.
fn ranked(before: Outcome, found: &mut [(Vec<Edit>, Outcome)]) {
    found.sort_by_key(|(changes, (verdict, _))| {
        let rank = match verdict.cmp(&before.0) {
            std::cmp::Ordering::Less => (0, *verdict as i32),
            std::cmp::Ordering::Equal => (1, 0),
            std::cmp::Ordering::Greater => (2, *verdict as i32),
        };
        // Lists of one or two questions, compared in order: the same as comparing the
        // lists once their lengths are equal, without building one per comparison.
        let second = changes.get(1).map_or(0, |c| c.0);
        (rank, changes.len(), changes[0].0, second)
    });
}

/// The changes found, in words.
fn worded(rb: &Rulebook, found: Vec<(Vec<Edit>, Outcome)>, audience: Audience) -> Vec<WhatIf> {
    found
        .into_iter()
        .map(|(changes, (verdict, ink))| {
            let mut described = changes.iter().map(|&(q, v)| describe_change(rb, q, v, audience));
            let first = described.next().expect("at least one change");
            WhatIf {
                question: first.question,
                value: first.value,
                label: first.label,
                and: described.collect(),
                verdict,
                ink,
            }
        })
        .collect()
}

/// Whether every changed answer is one the interview would let this person give: its
/// question still applies, and each option chosen is offered (its `show_if` is not false).
fn offered(rb: &Rulebook, env: &Env, changes: &[(usize, Value)]) -> bool {
    changes.iter().all(|&(q, v)| {
        let question = &rb.questions[q];
        let shown = |i: usize| {
            question
                .options
                .get(i)
                .is_some_and(|o| o.show_if.as_ref().is_none_or(|c| c.eval(env) != Tri::False))
        };
        env.applies[q] != Tri::False
            && match v {
                Value::Choice(i) => shown(usize::from(i)),
                Value::Multi(m) => (0..question.options.len()).all(|i| m & (1u64 << i) == 0 || shown(i)),
                _ => true,
            }
    })
}

/// Whether a change would move to an option marked as a state a person cannot reach.
fn reaches_fixed_option(q: &Question, v: Value) -> bool {
    let fixed = |i: usize| q.options.get(i).is_some_and(|o| o.fixed);
    match v {
        Value::Choice(i) => fixed(usize::from(i)),
        Value::Multi(m) => (0..q.options.len()).any(|i| m & (1u64 << i) != 0 && fixed(i)),
        _ => false,
    }
}

/// One change in words, in the language the rulebook is shown in.
fn describe_change(rb: &Rulebook, q: usize, v: Value, audience: Audience) -> AnswerChange {
    let question = &rb.questions[q];
    let label = match v {
        Value::Choice(i) => question.options[usize::from(i)].label_for(audience).to_owned(),
        Value::Multi(m) => (0..question.options.len())
            .filter(|i| m & (1u64 << i) != 0)
            .map(|i| question.options[i].label_for(audience).to_owned())
            .collect::<Vec<_>>()
            .join(", "),
        Value::Bool(b) => crate::describe::yes_no(rb.words(), b),
        Value::Number(x) => crate::describe::number(x, question.unit.as_deref()),
    };
    AnswerChange {
        question: question.id.clone(),
        value: value_to_json(question, v),
        label,
    }
}

/// The other answers worth trying for a question.
fn alternatives(q: &Question, current: Value, thresholds: &[f64]) -> Vec<Value> {
    let n = q.options.len();
    match (q.kind, current) {
        (QuestionKind::Single, Value::Choice(c)) => (0..n as u16).filter(|&i| i != c).map(Value::Choice).collect(),
        (QuestionKind::Multiple, Value::Multi(m)) => {
            let exclusive = q.exclusive_mask();
            let mut out: Vec<Value> = (0..n)
                .map(|i| {
                    let bit = 1u64 << i;
                    // An option that stands alone replaces everything; another option
                    // replaces one that stands alone, or is toggled.
                    if bit & exclusive != 0 || m & exclusive != 0 {
                        bit
                    } else {
                        m ^ bit
                    }
                })
                .filter(|&next| next != m && next != 0)
                .map(Value::Multi)
                .collect();
            out.dedup();
            out
        }
        (QuestionKind::YesNo, Value::Bool(b)) => vec![Value::Bool(!b)],
        (QuestionKind::Number, Value::Number(x)) => {
            let step = if q.integer { 1.0 } else { 0.5 };
            let mut out: Vec<f64> = thresholds
                .iter()
                .flat_map(|&t| [t - step, t, t + step])
                .filter(|v| q.bounds().contains(*v) && *v != x && (!q.integer || v.fract() == 0.0))
                .collect();
            out.sort_by(f64::total_cmp);
            out.dedup();
            out.into_iter().map(Value::Number).collect()
        }
        _ => Vec::new(),
    }
}
