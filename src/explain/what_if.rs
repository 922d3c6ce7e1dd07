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
use crate::engine::{Cond, Evaluation, Ink, Ref, Test, Tri, evaluate};
use crate::rulebook::{InkKind, Question, QuestionKind, Rulebook, Verdict};
use serde::Serialize;
use std::collections::HashSet;

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
    let before = (eval.result.verdict, eval.result.ink);
    let patient = audience == Audience::Patient;
    let thresholds = thresholds(rb);
    let mut candidates: Vec<(usize, Value)> = Vec::new();
    for (q, question) in rb.questions.iter().enumerate() {
        if (patient && !question.is_lever()) || eval.applies[q] != Tri::True {
            continue;
        }
        if let Slot::Given(current) = answers.slot(q) {
            for alt in alternatives(question, *current, &thresholds[q]) {
                if check_value(question, alt).is_err() || (patient && reaches_fixed_option(question, alt)) {
                    continue;
                }
                candidates.push((q, alt));
            }
        }
    }
    let changed = |changes: &[(usize, Value)]| {
        let mut a = answers.clone();
        for &(q, v) in changes {
            a.set(q, Slot::Given(v));
        }
        let e = evaluate(rb, &a);
        (a, e)
    };
    // Rules that fired and keep the ink away from permanent: the person's wish for fading
    // ink, among others. A patient is never shown a change that removes one of them and
    // lets permanent ink in.
    let keeps_fading: Vec<usize> = eval
        .fired()
        .filter(|&r| rb.rules[r].forbids(InkKind::Permanent) || rb.rules[r].prefer == Some(InkKind::Temporary))
        .collect();
    let acceptable = |changes: &[(usize, Value)], a: &Answers, e: &Evaluation| {
        let after = (e.result.verdict, e.result.ink);
        if after == before || !offered(rb, a, e, changes) {
            return false;
        }
        if patient {
            let allows_permanent = matches!(after.1, Ink::Permanent | Ink::Either);
            let fading_lost = before.1 == Ink::Temporary || keeps_fading.iter().any(|&r| e.rules[r] != Tri::True);
            if after.0 >= before.0 || (allows_permanent && fading_lost) {
                return false;
            }
        }
        true
    };
    let mut found: Vec<(Vec<Edit>, Outcome)> = Vec::new();
    // Changes that alone leave the result as it is, and whether each alters any rule.
    let mut inert: Vec<((usize, Value), bool)> = Vec::new();
    for &c in &candidates {
        let (a, e) = changed(&[c]);
        let after = (e.result.verdict, e.result.ink);
        if after == before {
            inert.push((c, e.rules != eval.rules));
        } else if acceptable(&[c], &a, &e) {
            found.push((vec![c], after));
        }
    }
    // Of several numbers giving the same outcome (18, 19 and 25 years), the one nearest the
    // answer given says it all.
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
    let co_read = co_read(rb);
    let mut spent = 0;
    'pairs: for (i, &(a, a_moves)) in inert.iter().enumerate() {
        for &(b, b_moves) in &inert[i + 1..] {
            let together = co_read.contains(&(a.0.min(b.0), a.0.max(b.0)));
            if a.0 == b.0 || !(together || (a_moves && b_moves)) {
                continue;
            }
            if spent == PAIR_BUDGET {
                break 'pairs;
            }
            spent += 1;
            let (answers_then, e) = changed(&[a, b]);
            if acceptable(&[a, b], &answers_then, &e) {
                found.push((vec![a, b], (e.result.verdict, e.result.ink)));
            }
        }
    }
    // Better verdicts first, then ink-only changes, then worse ones; single changes before
    // pairs; then in asking order.
    found.sort_by_key(|(changes, (verdict, _))| {
        let rank = match verdict.cmp(&before.0) {
            std::cmp::Ordering::Less => (0, *verdict as i32),
            std::cmp::Ordering::Equal => (1, 0),
            std::cmp::Ordering::Greater => (2, *verdict as i32),
        };
        (rank, changes.len(), changes.iter().map(|c| c.0).collect::<Vec<_>>())
    });
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
fn offered(rb: &Rulebook, answers: &Answers, e: &Evaluation, changes: &[(usize, Value)]) -> bool {
    let env = e.env(answers);
    changes.iter().all(|&(q, v)| {
        let question = &rb.questions[q];
        let shown = |i: usize| {
            question
                .options
                .get(i)
                .is_some_and(|o| o.show_if.as_ref().is_none_or(|c| c.eval(&env) != Tri::False))
        };
        e.applies[q] != Tri::False
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

/// For each question, the ends of every number range any condition compares it with.
fn thresholds(rb: &Rulebook) -> Vec<Vec<f64>> {
    let mut out = vec![Vec::new(); rb.questions.len()];
    for c in rb
        .rules
        .iter()
        .map(|r| &r.when)
        .chain(rb.questions.iter().filter_map(|q| q.ask_if.as_ref()))
    {
        collect_thresholds(c, &mut out);
    }
    out
}

fn collect_thresholds(c: &Cond, out: &mut Vec<Vec<f64>>) {
    match c {
        Cond::All(parts) | Cond::Any(parts) | Cond::AtLeast(_, parts) => {
            parts.iter().for_each(|p| collect_thresholds(p, out))
        }
        Cond::Not(inner) => collect_thresholds(inner, out),
        Cond::Question(q, Test::Number(r)) => {
            out[*q].extend([r.lo, r.hi].into_iter().filter(|x| x.is_finite()));
        }
        _ => {}
    }
}

/// Pairs of questions (smaller index first) that some rule reads together, directly, through
/// a score or through the facts it tests.
fn co_read(rb: &Rulebook) -> HashSet<(usize, usize)> {
    let mut fact_reads: Vec<Vec<usize>> = vec![Vec::new(); rb.facts.len()];
    let mut rule_reads: Vec<Vec<usize>> = vec![Vec::new(); rb.rules.len()];
    // In plan order a fact's deriving rules come before anything that reads the fact.
    for step in &rb.plan {
        match *step {
            crate::rulebook::Step::Rule(r) => {
                let mut reads = Vec::new();
                rb.rules[r].when.visit_refs(&mut |x| match x {
                    Ref::Question(q) => reads.push(q),
                    Ref::Score(s) => reads.extend(&rb.scores[s].items),
                    Ref::Fact(f) => reads.extend(&fact_reads[f]),
                });
                reads.sort_unstable();
                reads.dedup();
                rule_reads[r] = reads;
            }
            crate::rulebook::Step::Fact(f) => {
                let mut reads: Vec<usize> = rb.facts[f]
                    .derived_by
                    .iter()
                    .flat_map(|&r| rule_reads[r].iter().copied())
                    .collect();
                reads.sort_unstable();
                reads.dedup();
                fact_reads[f] = reads;
            }
            _ => {}
        }
    }
    let mut pairs = HashSet::new();
    for reads in &rule_reads {
        for (i, &a) in reads.iter().enumerate() {
            for &b in &reads[i + 1..] {
                pairs.insert((a, b));
            }
        }
    }
    pairs
}
