//! Re-evaluation after a few answers change: only the plan steps those answers reach
//! ([`Influence::reaches`]) are evaluated again, in working copies of one evaluation that
//! are put back before the next change, and the verdict and ink come from a running tally
//! of the fired rules instead of a pass over every rule. "What would change this" tries
//! hundreds of changes a screening this way without allocating for any of them.
//!
//! The values are those [`evaluate`](super::evaluate) would give the changed answers: a
//! step none of the changed answers reaches reads exactly what it read before, so it keeps
//! its value, and every other step is evaluated again in plan order by the same code.

use super::evaluate::score_state;
use super::resolve::settle;
use super::{Env, Evaluation, Resolution, ScoreState, Tri};
use crate::answers::{Answers, Slot, Value};
use crate::rulebook::{Influence, InkKind, Rule, Rulebook, Step, Verdict};

/// What a set of fired rules adds up to for resolution: how many give each verdict, forbid
/// or prefer each ink. Tallies add: when two changes reach separate parts of the plan, the
/// result of making both is the base tally plus each one's difference.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FiredTally {
    /// Fired rules giving each verdict, least severe first.
    verdicts: [i32; 4],
    /// Fired rules forbidding the fading, the permanent ink.
    forbid: [i32; 2],
    /// Fired rules preferring the fading, the permanent ink.
    prefer: [i32; 2],
}

impl FiredTally {
    /// The tally of the rules that fired in `states`.
    pub fn of(rb: &Rulebook, states: &[Tri]) -> FiredTally {
        let mut t = FiredTally::default();
        for &r in &rb.deciding_rules {
            if states[r] == Tri::True {
                t.count(&rb.rules[r], 1);
            }
        }
        t
    }

    /// Adds (`by` = 1) or removes (`by` = -1) one rule's effects.
    fn count(&mut self, rule: &Rule, by: i32) {
        if let Some(v) = rule.verdict {
            self.verdicts[v as usize] += by;
        }
        for ink in &rule.forbid {
            self.forbid[*ink as usize] += by;
        }
        if let Some(ink) = rule.prefer {
            self.prefer[ink as usize] += by;
        }
    }

    /// The sum of two tallies (a base and a difference, or two differences).
    pub fn plus(self, other: FiredTally) -> FiredTally {
        let add = |a: [i32; 2], b: [i32; 2]| [a[0] + b[0], a[1] + b[1]];
        let mut verdicts = self.verdicts;
        verdicts.iter_mut().zip(other.verdicts).for_each(|(a, b)| *a += b);
        FiredTally {
            verdicts,
            forbid: add(self.forbid, other.forbid),
            prefer: add(self.prefer, other.prefer),
        }
    }

    /// The verdict and ink these rules resolve to, as [`resolve`](super::resolve) gives them.
    pub fn resolution(&self) -> Resolution {
        let verdict = Verdict::ALL
            .iter()
            .rev()
            .find(|v| self.verdicts[**v as usize] > 0)
            .copied()
            .unwrap_or(Verdict::Suitable);
        let any = |c: [i32; 2]| [c[0] > 0, c[1] > 0];
        settle(verdict, any(self.forbid), any(self.prefer))
    }
}

// The tally indexes by these; a change of either enum must be seen here.
const _: () = {
    assert!(InkKind::Temporary as usize == 0 && InkKind::Permanent as usize == 1);
    assert!(Verdict::Unsuitable as usize == 3);
};

/// One evaluation's working copy, changed a few answers at a time.
pub struct Incremental<'a> {
    rb: &'a Rulebook,
    reach: &'a Influence,
    base: &'a Evaluation,
    base_answers: &'a Answers,
    base_tally: FiredTally,
    answers: Answers,
    applies: Vec<Tri>,
    scores: Vec<ScoreState>,
    facts: Vec<Tri>,
    rules: Vec<Tri>,
    /// Plan positions evaluated again for the current changes, as bits.
    touched: Vec<u64>,
    /// Questions whose answers the current changes replaced.
    changed: Vec<usize>,
    /// The current changes' tally minus the base's.
    delta: FiredTally,
    /// Whether any rule's state differs from the base.
    moved: bool,
}

impl<'a> Incremental<'a> {
    /// A working copy of `base`, the evaluation of `answers`.
    pub fn new(rb: &'a Rulebook, answers: &'a Answers, base: &'a Evaluation) -> Incremental<'a> {
        let reach = rb.influence();
        Incremental {
            rb,
            reach,
            base,
            base_answers: answers,
            base_tally: FiredTally::of(rb, &base.rules),
            answers: answers.clone(),
            applies: base.applies.clone(),
            scores: base.scores.clone(),
            facts: base.facts.clone(),
            rules: base.rules.clone(),
            touched: vec![0; rb.plan.len().div_ceil(64)],
            changed: Vec::with_capacity(4),
            delta: FiredTally::default(),
            moved: false,
        }
    }

    /// The tally of the rules that fired in the base evaluation.
    pub fn base_tally(&self) -> FiredTally {
        self.base_tally
    }

    /// Gives each question in `changes` its new answer (the changes made before are undone
    /// first), evaluates again every step they reach, and returns the result.
    pub fn apply(&mut self, changes: &[(usize, Value)]) -> Resolution {
        self.undo();
        for &(q, v) in changes {
            self.answers.set(q, Slot::Given(v));
            self.changed.push(q);
            self.touched
                .iter_mut()
                .zip(self.reach.reaches(q))
                .for_each(|(t, r)| *t |= r);
        }
        for w in 0..self.touched.len() {
            let mut bits = self.touched[w];
            while bits != 0 {
                let p = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                self.step(p);
            }
        }
        self.base_tally.plus(self.delta).resolution()
    }

    /// Evaluates plan step `p` again from the working copy.
    fn step(&mut self, p: usize) {
        let rb = self.rb;
        let env = Env {
            answers: &self.answers,
            applies: &self.applies,
            facts: &self.facts,
            scores: &self.scores,
        };
        match rb.plan[p] {
            Step::Applies(q) => {
                let t = rb.questions[q].ask_if.as_ref().map_or(Tri::True, |c| c.eval(&env));
                self.applies[q] = t;
            }
            Step::Rule(r) => {
                let t = rb.rules[r].when.eval(&env);
                self.rules[r] = t;
                let was = self.base.rules[r];
                if t != was {
                    self.moved = true;
                    if t == Tri::True {
                        self.delta.count(&rb.rules[r], 1);
                    } else if was == Tri::True {
                        self.delta.count(&rb.rules[r], -1);
                    }
                }
            }
            Step::Fact(f) => {
                let rules = &self.rules;
                let t = rb.facts[f]
                    .derived_by
                    .iter()
                    .fold(Tri::False, |acc, &r| acc.or(rules[r]));
                self.facts[f] = t;
            }
            Step::Score(s) => {
                self.scores[s] = score_state(rb, s, &self.answers, &self.applies);
            }
        }
    }

    /// Puts the working copy back to the base evaluation.
    fn undo(&mut self) {
        for q in self.changed.drain(..) {
            self.answers.set(q, *self.base_answers.slot(q));
        }
        for w in 0..self.touched.len() {
            let mut bits = std::mem::take(&mut self.touched[w]);
            while bits != 0 {
                let p = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                match self.rb.plan[p] {
                    Step::Applies(q) => self.applies[q] = self.base.applies[q],
                    Step::Rule(r) => self.rules[r] = self.base.rules[r],
                    Step::Fact(f) => self.facts[f] = self.base.facts[f],
                    Step::Score(s) => self.scores[s] = self.base.scores[s],
                }
            }
        }
        self.delta = FiredTally::default();
        self.moved = false;
    }

    /// What conditions read after the current changes (for an option's `show_if`).
    pub fn env(&self) -> Env<'_> {
        Env {
            answers: &self.answers,
            applies: &self.applies,
            facts: &self.facts,
            scores: &self.scores,
        }
    }

    /// Each rule's state after the current changes.
    pub fn rules(&self) -> &[Tri] {
        &self.rules
    }

    /// Whether the current changes alter any rule's state.
    pub fn moved(&self) -> bool {
        self.moved
    }

    /// The current changes' tally minus the base's: add it to another change's on the
    /// base when [`Influence::overlap`] says the two reach separate steps.
    pub fn delta(&self) -> FiredTally {
        self.delta
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::resolve;

    #[test]
    fn tallies_resolve_as_resolve_does() {
        let rb = Rulebook::embedded().unwrap();
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let states: Vec<Tri> = (0..rb.rules.len())
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    // Few fired rules, as in real rows, so every verdict and ink is reached.
                    match (seed >> 33) % 16 {
                        0 => Tri::True,
                        1 => Tri::Unknown,
                        _ => Tri::False,
                    }
                })
                .collect();
            let tally = FiredTally::of(&rb, &states);
            assert_eq!(tally.resolution(), resolve(&rb, &states, false), "{states:?}");
            // A difference added to a base gives the tally of the changed states.
            let mut changed = states.clone();
            let r = (seed >> 40) as usize % changed.len();
            changed[r] = if changed[r] == Tri::True { Tri::False } else { Tri::True };
            let mut delta = FiredTally::default();
            delta.count(&rb.rules[r], if changed[r] == Tri::True { 1 } else { -1 });
            assert_eq!(tally.plus(delta), FiredTally::of(&rb, &changed));
        }
    }
}
