//! The slow way to the same answer, kept to check the fast one: every change tried is made
//! in a fresh copy of the answers and the whole rulebook is evaluated again, and pairs of
//! questions read together are found by walking every rule's reads into a set. This is
//! how what-if worked before the incremental evaluation; the property tests compare the
//! two over generated answer sets.

use super::{Edit, Judge, Outcome, PAIR_BUDGET, candidates, nearest_first};
use crate::answers::{Answers, Slot, Value};
use crate::audience::Audience;
use crate::engine::{Evaluation, Ref, evaluate};
use crate::rulebook::Rulebook;
use std::collections::HashSet;

/// The changes found and the outcome each gives, in the order they are shown.
pub(super) fn search(
    rb: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
) -> Vec<(Vec<Edit>, Outcome)> {
    let judge = Judge::new(rb, eval, audience);
    let before = judge.before;
    let candidates = candidates(rb, answers, eval, audience);
    let changed = |changes: &[(usize, Value)]| {
        let mut a = answers.clone();
        for &(q, v) in changes {
            a.set(q, Slot::Given(v));
        }
        let e = evaluate(rb, &a);
        (a, e)
    };
    let acceptable = |changes: &[(usize, Value)], a: &Answers, e: &Evaluation| {
        judge.acceptable(rb, changes, (e.result.verdict, e.result.ink), &e.env(a), &e.rules)
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
    nearest_first(rb, answers, &mut found);
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
