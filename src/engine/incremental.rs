//! Re-evaluation after a few answers change: a change is followed through the plan step
//! by step, evaluating again only the steps that read something it altered (a step whose
//! value comes out the same stops it there), in working copies of one evaluation that are
//! put back before the next change; the verdict and ink come from a running tally of the
//! fired rules instead of a pass over every rule. "What would change this" tries hundreds
//! of changes a screening this way without allocating for any of them.
//!
//! The values are those [`evaluate`](super::evaluate) would give the changed answers: a
//! step that reads nothing altered reads exactly what it read before and keeps its value,
//! and every other step is evaluated again, in plan order. Steps are evaluated here on
//! the conditions' tree ([`Cond::eval`](crate::condition::Cond)), where `evaluate` runs
//! their flat form; `tests/generated_rulebooks.rs` checks that the two agree on every
//! step of generated rulebooks, and what-if against full re-evaluation.

use super::evaluate::score_state;
use super::resolve::settle;
use super::{Env, Evaluation, Resolution, ScoreState, Tri};
use crate::answers::{Answers, Slot, Value};
use crate::rulebook::{Influence, InkKind, Node, Rule, Rulebook, Step, Verdict};

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

/// The value a plan step computes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StepValue {
    /// Whether a question applies, a fact holds or a rule fires.
    Truth(Tri),
    /// A score's range.
    Score(ScoreState),
}

/// A step one change altered: its plan position and the value the change gave it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Altered {
    position: u32,
    value: StepValue,
}

/// A change already made alone, as [`Incremental::apply_both`] needs it: the change, the
/// steps it altered ([`Incremental::altered`]) and the steps it touched
/// ([`Incremental::touched`]).
#[derive(Debug, Clone, Copy)]
pub struct Footprint<'x> {
    /// The question and its new answer.
    pub change: (usize, Value),
    /// What it altered.
    pub altered: &'x [Altered],
    /// What it touched.
    pub touched: &'x [u64],
}

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
    /// Plan positions still to evaluate for the current changes, as bits.
    dirty: Vec<u64>,
    /// Plan positions that may differ from the base for the current changes, as bits:
    /// every step evaluated again or given a recorded value.
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
        let words = rb.plan.len().div_ceil(64);
        Incremental {
            rb,
            reach: rb.influence(),
            base,
            base_answers: answers,
            base_tally: FiredTally::of(rb, &base.rules),
            answers: answers.clone(),
            applies: base.applies.clone(),
            scores: base.scores.clone(),
            facts: base.facts.clone(),
            rules: base.rules.clone(),
            dirty: vec![0; words],
            touched: vec![0; words],
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
    /// first), evaluates again, in plan order, every step that reads something that
    /// changed, and returns the result.
    pub fn apply(&mut self, changes: &[(usize, Value)]) -> Resolution {
        self.undo();
        for &(q, v) in changes {
            self.answers.set(q, Slot::Given(v));
            self.changed.push(q);
            mark(&mut self.dirty, self.reach.readers(Node::Question(q)));
        }
        self.propagate();
        self.settle()
    }

    /// Makes two changes together that were each made alone before, without evaluating
    /// again what only one of them reaches: each step one of them altered takes the value
    /// it gave it, and only the steps that read something both altered are evaluated
    /// again (with what they alter in turn). The result is the evaluation of both answers
    /// changed, as [`apply`](Self::apply) would give it.
    pub fn apply_both(&mut self, a: Footprint, b: Footprint) -> Resolution {
        debug_assert_ne!(a.change.0, b.change.0, "two answers to one question");
        self.undo();
        for f in [a, b] {
            let (q, v) = f.change;
            self.answers.set(q, Slot::Given(v));
            self.changed.push(q);
            for &Altered { position, value } in f.altered {
                self.write(position as usize, value);
                self.touched[position as usize / 64] |= 1u64 << (position % 64);
            }
        }
        // A step that reads what only one change altered computes what it computed under
        // that change alone, which it now holds; one that reads what both altered may not.
        for ((d, x), y) in self.dirty.iter_mut().zip(a.touched).zip(b.touched) {
            *d = x & y;
        }
        self.propagate();
        self.settle()
    }

    /// Evaluates the dirty steps lowest position first; a step whose value changes makes
    /// its readers dirty. A step marks only steps after it, so the lowest dirty bit is
    /// always the next to evaluate.
    fn propagate(&mut self) {
        let mut w = 0;
        while w < self.dirty.len() {
            let bits = self.dirty[w];
            if bits == 0 {
                w += 1;
                continue;
            }
            let bit = bits & bits.wrapping_neg();
            self.dirty[w] &= !bit;
            self.touched[w] |= bit;
            let p = w * 64 + bit.trailing_zeros() as usize;
            if let Some(node) = self.step(p) {
                mark(&mut self.dirty, self.reach.readers(node));
            }
        }
    }

    /// The result of the current changes, from the rules among the touched steps that
    /// differ from the base.
    fn settle(&mut self) -> Resolution {
        for w in 0..self.touched.len() {
            let mut bits = self.touched[w];
            while bits != 0 {
                let p = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if let Step::Rule(r) = self.rb.plan[p] {
                    let (now, was) = (self.rules[r], self.base.rules[r]);
                    if now != was {
                        self.moved = true;
                        if now == Tri::True {
                            self.delta.count(&self.rb.rules[r], 1);
                        } else if was == Tri::True {
                            self.delta.count(&self.rb.rules[r], -1);
                        }
                    }
                }
            }
        }
        self.base_tally.plus(self.delta).resolution()
    }

    /// Evaluates plan step `p` again from the working copy; returns what it computes if
    /// its value changed.
    fn step(&mut self, p: usize) -> Option<Node> {
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
                (std::mem::replace(&mut self.applies[q], t) != t).then_some(Node::Question(q))
            }
            Step::Rule(r) => {
                let t = rb.rules[r].when.eval(&env);
                (std::mem::replace(&mut self.rules[r], t) != t).then_some(Node::Rule(r))
            }
            Step::Fact(f) => {
                let rules = &self.rules;
                let t = rb.facts[f]
                    .derived_by
                    .iter()
                    .fold(Tri::False, |acc, &r| acc.or(rules[r]));
                (std::mem::replace(&mut self.facts[f], t) != t).then_some(Node::Fact(f))
            }
            Step::Score(s) => {
                let st = score_state(rb, s, &self.answers, &self.applies);
                (std::mem::replace(&mut self.scores[s], st) != st).then_some(Node::Score(s))
            }
        }
    }

    /// Gives plan step `p` a value recorded by [`altered`](Self::altered).
    fn write(&mut self, p: usize, value: StepValue) {
        match (self.rb.plan[p], value) {
            (Step::Applies(q), StepValue::Truth(t)) => self.applies[q] = t,
            (Step::Rule(r), StepValue::Truth(t)) => self.rules[r] = t,
            (Step::Fact(f), StepValue::Truth(t)) => self.facts[f] = t,
            (Step::Score(s), StepValue::Score(st)) => self.scores[s] = st,
            _ => debug_assert!(false, "a value recorded for another step"),
        }
    }

    /// The value plan step `p` holds in `applies`, `scores`, `facts` and `rules`.
    fn value(&self, p: usize, of: &Evaluation) -> StepValue {
        match self.rb.plan[p] {
            Step::Applies(q) => StepValue::Truth(of.applies[q]),
            Step::Rule(r) => StepValue::Truth(of.rules[r]),
            Step::Fact(f) => StepValue::Truth(of.facts[f]),
            Step::Score(s) => StepValue::Score(of.scores[s]),
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

    /// Appends to `out` the steps the current changes altered, with their new values, to
    /// make the change again later with [`apply_both`](Self::apply_both).
    pub fn altered(&self, out: &mut Vec<Altered>) {
        for w in 0..self.touched.len() {
            let mut bits = self.touched[w];
            while bits != 0 {
                let p = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let now = match self.rb.plan[p] {
                    Step::Applies(q) => StepValue::Truth(self.applies[q]),
                    Step::Rule(r) => StepValue::Truth(self.rules[r]),
                    Step::Fact(f) => StepValue::Truth(self.facts[f]),
                    Step::Score(s) => StepValue::Score(self.scores[s]),
                };
                if now != self.value(p, self.base) {
                    out.push(Altered {
                        position: p as u32,
                        value: now,
                    });
                }
            }
        }
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

    /// The current changes' tally minus the base's.
    pub fn delta(&self) -> FiredTally {
        self.delta
    }

    /// The plan positions the current changes touched, as bits: the steps that read an
    /// answer, a score, a fact or a rule they altered (and, for
    /// [`apply_both`](Self::apply_both), the steps given a recorded value).
    ///
    /// When two changes made one at a time touch no step in common, no step reads
    /// something both alter, so making both gives each one's values where it altered
    /// them and the base's elsewhere: their tallies' differences add up.
    pub fn touched(&self) -> &[u64] {
        &self.touched
    }
}

/// Sets the bits of plan positions `positions`.
fn mark(bits: &mut [u64], positions: &[u32]) {
    for &p in positions {
        bits[p as usize / 64] |= 1u64 << (p % 64);
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
