//! Proofs over every answer set: the rulebook's invariants checked with a SAT solver.
//!
//! This module is the one place that knows both the compiled rulebook and the solver's
//! terms. [`space`] turns the questions into literals (with skip logic, every option
//! combination, and numbers split at every threshold the rules use), [`encode`](mod@encode) evaluates
//! the rules on them under the engine's three-valued logic, and [`Prover`] asks, for each
//! invariant, whether some answer set breaks it. A counterexample is made as small as the
//! solver can (fewest answered questions) and checked once more by the engine itself.

pub mod diff;
pub mod encode;
pub mod sat;
pub mod space;

use crate::answers::{Answers, Slot};
use crate::engine::{Evaluation, Tri, evaluate};
use crate::rulebook::{Invariant, Rulebook};
use batsat::Lit;
use encode::{Encoded, encode};
use sat::{Counter, Sat};
use space::Space;

/// Most answered questions the minimiser counts; larger counterexamples are kept as found.
const COUNT_LIMIT: usize = 64;

/// An answer set that breaks an invariant.
#[derive(Debug, Clone)]
pub struct Counterexample {
    /// The answers.
    pub answers: Answers,
    /// For a monotonicity invariant: the same answers with one more option ticked.
    pub after: Option<Answers>,
    /// What the engine gives for them, and what the invariant required.
    pub found: String,
    /// Whether the engine, run on the answers, confirms the violation.
    pub confirmed: bool,
}

impl Counterexample {
    /// Number of questions answered.
    pub fn answered(&self) -> usize {
        (0..self.answers.len())
            .filter(|&q| !matches!(self.answers.slot(q), Slot::Missing))
            .count()
    }
}

/// The outcome for one invariant.
#[derive(Debug, Clone)]
pub struct Proof {
    /// Index into [`Rulebook::invariants`].
    pub invariant: usize,
    /// `None` when proved.
    pub refuted: Option<Counterexample>,
    /// Time the solver took, in seconds.
    pub seconds: f64,
}

/// A rulebook encoded once, asked many questions.
pub struct Prover<'a> {
    rb: &'a Rulebook,
    sat: Sat,
    space: Space,
    enc: Encoded,
    counter: Minimiser,
}

impl<'a> Prover<'a> {
    /// Encodes `rb`.
    pub fn new(rb: &'a Rulebook) -> Prover<'a> {
        let mut sat = Sat::new();
        let space = Space::new(&mut sat, &[rb]);
        let enc = encode(&mut sat, rb, &space);
        let counter = Minimiser::new(&mut sat, &space);
        Prover {
            rb,
            sat,
            space,
            enc,
            counter,
        }
    }

    /// Proves or refutes every invariant of the rulebook.
    pub fn prove_all(&mut self) -> Vec<Proof> {
        (0..self.rb.invariants.len()).map(|i| self.prove(i)).collect()
    }

    /// Proves or refutes invariant `i`.
    pub fn prove(&mut self, i: usize) -> Proof {
        let started = std::time::Instant::now();
        let inv = &self.rb.invariants[i];
        let refuted = if inv.monotonic.is_empty() {
            self.refute_then(inv)
        } else {
            inv.monotonic.iter().find_map(|&q| self.refute_monotonic(q))
        };
        Proof {
            invariant: i,
            refuted,
            seconds: started.elapsed().as_secs_f64(),
        }
    }

    fn refute_then(&mut self, inv: &Invariant) -> Option<Counterexample> {
        let sat = &mut self.sat;
        let mut premise = Vec::new();
        if let Some(c) = &inv.when {
            premise.push(encode::condition(sat, self.rb, &self.space, &self.enc, c).t);
        }
        for &q in &inv.unanswered {
            premise.push(!self.space.questions[self.enc.space_index[q]].given);
        }
        let premise = sat.and(&premise);
        let t = &inv.then;
        let (result, worst) = (&self.enc.result, &self.enc.worst);
        let mut violations = Vec::new();
        if let Some(v) = t.verdict_at_least {
            violations.push(!result.at_least[v as usize]);
        }
        if let Some(v) = t.verdict_at_most
            && (v as usize) < 3
        {
            violations.push(result.at_least[v as usize + 1]);
        }
        for &ink in &t.ink_not {
            violations.push(result.ink_is(ink));
        }
        for &risk in &t.risks {
            let lits: Vec<Lit> = (0..self.rb.rules.len())
                .filter(|&r| self.rb.rules[r].risks.iter().any(|x| x.risk == risk))
                .map(|r| result.counts[r])
                .collect();
            violations.push(!sat.or(&lits));
        }
        for &advice in &t.advice {
            let lits: Vec<Lit> = (0..self.rb.rules.len())
                .filter(|&r| self.rb.rules[r].advice.contains(&advice))
                .map(|r| result.counts[r])
                .collect();
            violations.push(!sat.or(&lits));
        }
        if let Some(v) = t.worst_case_at_least {
            violations.push(!worst.at_least[v as usize]);
        }
        let broken = sat.or(&violations);
        if !minimise(sat, &self.counter, &[premise, broken]) {
            return None;
        }
        let answers = self.space.decode(&self.sat, self.rb);
        let found = violation(self.rb, inv, &answers);
        Some(Counterexample {
            answers,
            after: None,
            confirmed: found.is_some(),
            found: found.unwrap_or_else(|| "the engine does not confirm this counterexample".into()),
        })
    }

    fn refute_monotonic(&mut self, q: usize) -> Option<Counterexample> {
        let sat = &mut self.sat;
        let si = self.enc.space_index[q];
        let question = &self.rb.questions[q];
        let exclusive: Vec<bool> = self.space.questions[si]
            .options
            .iter()
            .map(|v| question.option_index(v).is_some_and(|o| question.options[o].exclusive))
            .collect();
        let active = sat.fresh();
        let twin = self.space.one_more_tick(sat, si, &exclusive, active);
        let after = encode(sat, self.rb, &twin);
        let milder: Vec<Lit> = (1..4)
            .map(|v| sat.and(&[self.enc.result.at_least[v], !after.result.at_least[v]]))
            .collect();
        let broken = sat.or(&milder);
        let given = self.space.questions[si].given;
        if !minimise(sat, &self.counter, &[active, given, broken]) {
            return None;
        }
        let before = self.space.decode(&self.sat, self.rb);
        let later = twin.decode(&self.sat, self.rb);
        let found = milder_after_tick(self.rb, &before, &later);
        Some(Counterexample {
            answers: before,
            after: Some(later),
            confirmed: found.is_some(),
            found: found.unwrap_or_else(|| "the engine does not confirm this counterexample".into()),
        })
    }
}

/// Makes counterexamples small: first fewest answered questions, then fewest ticked
/// options among those.
pub struct Minimiser {
    questions: Counter,
    ticks: Counter,
}

impl Minimiser {
    /// Counters over `space`'s answered questions and ticked options.
    pub fn new(sat: &mut Sat, space: &Space) -> Minimiser {
        Minimiser {
            questions: Counter::new(sat, &space.answered(), COUNT_LIMIT),
            ticks: Counter::new(sat, &space.ticks(), COUNT_LIMIT),
        }
    }
}

/// Solves under `assumptions` with as few questions answered (then options ticked) as the
/// counters can tell; false when nothing satisfies them.
pub fn minimise(sat: &mut Sat, m: &Minimiser, assumptions: &[Lit]) -> bool {
    if !sat.solve(assumptions) {
        return false;
    }
    let mut bound = assumptions.to_vec();
    for counter in [&m.questions, &m.ticks] {
        if let Some(k) = (0..counter.at_least.len()).find(|&k| {
            bound.push(!counter.at_least[k]);
            let found = sat.solve(&bound);
            bound.pop();
            found
        }) {
            bound.push(!counter.at_least[k]);
        }
    }
    // Found once more so that the model read is the smallest one.
    sat.solve(&bound)
}

/// Proves every invariant of `rb`.
pub fn prove(rb: &Rulebook) -> Vec<Proof> {
    if rb.invariants.is_empty() {
        return Vec::new();
    }
    Prover::new(rb).prove_all()
}

/// Whether the engine, on `answers`, breaks invariant `inv` (not a monotonicity one):
/// what it found, or `None` when the invariant holds there.
pub fn violation(rb: &Rulebook, inv: &Invariant, answers: &Answers) -> Option<String> {
    let eval = evaluate(rb, answers);
    let env = eval.env(answers);
    let applies = inv.when.as_ref().is_none_or(|c| c.eval(&env) == Tri::True)
        && inv
            .unanswered
            .iter()
            .all(|&q| !matches!(answers.slot(q), Slot::Given(_)));
    if !applies {
        return None;
    }
    let t = &inv.then;
    let result = eval.result;
    if let Some(v) = t.verdict_at_least
        && result.verdict < v
    {
        return Some(format!(
            "the verdict is {}, not at least {}",
            result.verdict.as_str(),
            v.as_str()
        ));
    }
    if let Some(v) = t.verdict_at_most
        && result.verdict > v
    {
        return Some(format!(
            "the verdict is {}, not at most {}",
            result.verdict.as_str(),
            v.as_str()
        ));
    }
    if t.ink_not.contains(&result.ink) {
        return Some(format!("the ink is {}", result.ink.as_str()));
    }
    for &risk in &t.risks {
        if !reported(&eval, |r| rb.rules[r].risks.iter().any(|x| x.risk == risk)) {
            return Some(format!("risk `{}` is not reported", rb.risks[risk].id));
        }
    }
    for &advice in &t.advice {
        if !reported(&eval, |r| rb.rules[r].advice.contains(&advice)) {
            return Some(format!("advice `{}` is not given", rb.advice[advice].id));
        }
    }
    if let Some(v) = t.worst_case_at_least
        && eval.worst_case.verdict < v
    {
        return Some(format!(
            "the worst case is {}, not at least {}",
            eval.worst_case.verdict.as_str(),
            v.as_str()
        ));
    }
    None
}

fn reported(eval: &Evaluation, by: impl Fn(usize) -> bool) -> bool {
    eval.fired().any(by)
}

/// Whether ticking one more option (`before` → `after`) made the verdict milder.
pub fn milder_after_tick(rb: &Rulebook, before: &Answers, after: &Answers) -> Option<String> {
    let (b, a) = (evaluate(rb, before).result.verdict, evaluate(rb, after).result.verdict);
    (a < b).then(|| {
        format!(
            "ticking one more option changes the verdict from {} to {}",
            b.as_str(),
            a.as_str()
        )
    })
}
