//! One evaluation of a rulebook over a set of answers.

use super::condition::FlatEnv;
use super::resolve::{Resolution, resolve};
use super::{Env, ScoreState, Tri};
use crate::answers::{Answers, Slot, Value};
use crate::condition::{Atom, Exec, Program};
use crate::rulebook::{Recheck, Rulebook};
use std::cell::Cell;
use std::ops::Range;

/// Everything one evaluation decided.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// Whether each question applies (its `ask_if`).
    pub applies: Vec<Tri>,
    /// Each score's possible range.
    pub scores: Vec<ScoreState>,
    /// Each derived fact.
    pub facts: Vec<Tri>,
    /// Each rule: true = fired, unknown = possible, false = did not fire.
    pub rules: Vec<Tri>,
    /// The result from fired rules.
    pub result: Resolution,
    /// The result if every possible rule fired too.
    pub worst_case: Resolution,
    /// Working storage: the truth of each of the program's atoms (question tests), which
    /// follow from the answers and `applies`; not part of what was decided.
    atoms: Vec<Tri>,
}

// Everything but the working storage: an evaluation changed step by step (what-if's
// working copies) never fills it, and decides the same.
impl PartialEq for Evaluation {
    fn eq(&self, other: &Evaluation) -> bool {
        self.applies == other.applies
            && self.scores == other.scores
            && self.facts == other.facts
            && self.rules == other.rules
            && self.result == other.result
            && self.worst_case == other.worst_case
    }
}

impl Evaluation {
    /// Indices of rules that fired.
    pub fn fired(&self) -> impl Iterator<Item = usize> + '_ {
        self.rules
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == Tri::True)
            .map(|(i, _)| i)
    }

    /// Indices of rules undecided because of unknown answers.
    pub fn possible(&self) -> impl Iterator<Item = usize> + '_ {
        self.rules
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == Tri::Unknown)
            .map(|(i, _)| i)
    }

    /// Whether unknown answers leave any rule undecided.
    pub fn is_provisional(&self) -> bool {
        self.rules.contains(&Tri::Unknown)
    }

    /// The longest wait before screening again among the rules that fired, with the rules
    /// that ask for exactly that wait (in rule order); `None` when no fired rule asks.
    pub fn recheck_after(&self, rulebook: &Rulebook) -> Option<(Recheck, Vec<usize>)> {
        // One pass over the rules (this runs for every row of a batch): the longest wait
        // so far and the rules asking for it.
        let mut longest: Option<(Recheck, Vec<usize>)> = None;
        for r in self.fired() {
            let Some(wait) = rulebook.rules[r].recheck_after else {
                continue;
            };
            match &mut longest {
                // As long as the longest, the last such rule's wait is the one told.
                Some((best, rules)) if wait.mean_days() == best.mean_days() => {
                    *best = wait;
                    rules.push(r);
                }
                Some((best, _)) if wait.mean_days() < best.mean_days() => {}
                _ => longest = Some((wait, vec![r])),
            }
        }
        longest
    }

    /// The environment conditions read, for re-evaluating parts of conditions.
    pub fn env<'a>(&'a self, answers: &'a Answers) -> Env<'a> {
        Env {
            answers,
            applies: &self.applies,
            facts: &self.facts,
            scores: &self.scores,
        }
    }
}

/// Evaluates every rule of `rulebook` over `answers`.
pub fn evaluate(rulebook: &Rulebook, answers: &Answers) -> Evaluation {
    let mut eval = Evaluation::empty();
    evaluate_into(rulebook, answers, &mut eval);
    eval
}

impl Evaluation {
    /// An evaluation with nothing in it, to be filled by [`evaluate_into`].
    pub fn empty() -> Evaluation {
        let nothing = Resolution {
            verdict: crate::rulebook::Verdict::Suitable,
            ink: crate::engine::Ink::Either,
            ink_conflict: false,
        };
        Evaluation {
            applies: Vec::new(),
            scores: Vec::new(),
            facts: Vec::new(),
            rules: Vec::new(),
            result: nothing,
            worst_case: nothing,
            atoms: Vec::new(),
        }
    }
}

/// Evaluates into `eval`, reusing its buffers: batch screening evaluates millions of rows
/// and need not allocate for each.
pub fn evaluate_into(rulebook: &Rulebook, answers: &Answers, eval: &mut Evaluation) {
    debug_assert_eq!(answers.len(), rulebook.questions.len());
    // Every step of the plan writes its value before any later step reads it, so a
    // buffer of the right length needs no clearing between rows.
    let fit = |v: &mut Vec<Tri>, n: usize| {
        if v.len() != n {
            v.clear();
            v.resize(n, Tri::Unknown);
        }
    };
    fit(&mut eval.applies, rulebook.questions.len());
    fit(&mut eval.facts, rulebook.facts.len());
    fit(&mut eval.rules, rulebook.rules.len());
    fit(&mut eval.atoms, rulebook.program.atoms.len());
    if eval.scores.len() != rulebook.scores.len() {
        eval.scores.clear();
        eval.scores.resize(
            rulebook.scores.len(),
            ScoreState {
                applies: Tri::Unknown,
                min: 0.0,
                max: 0.0,
            },
        );
    }
    let Evaluation {
        applies,
        scores,
        facts,
        rules,
        atoms,
        ..
    } = eval;
    run(
        rulebook,
        answers,
        Buffers {
            applies,
            scores,
            facts,
            rules,
            atoms,
        },
    );
    eval.result = resolve(rulebook, &eval.rules, false);
    // With nothing undecided the worst case is the result; most complete rows skip a pass.
    eval.worst_case = if eval.rules.contains(&Tri::Unknown) {
        resolve(rulebook, &eval.rules, true)
    } else {
        eval.result
    };
}

/// An evaluation's buffers, as [`run`] writes them.
struct Buffers<'a> {
    applies: &'a mut [Tri],
    scores: &'a mut [ScoreState],
    facts: &'a mut [Tri],
    rules: &'a mut [Tri],
    atoms: &'a mut [Tri],
}

/// Runs the plan into `buffers`. They come as slices of their own (not fields of one
/// evaluation) so that the compiler knows a value written to one cannot move the others,
/// and keeps them in registers from step to step instead of reloading them.
#[inline(never)]
fn run(rulebook: &Rulebook, answers: &Answers, buffers: Buffers) {
    let program = &rulebook.program;
    let Buffers {
        applies,
        scores,
        facts,
        rules,
        atoms,
    } = buffers;
    // Cells, so that one environment serves every step while steps write the values
    // later steps read (a fresh one per step was stored to memory each time).
    let atoms = Cell::from_mut(atoms).as_slice_of_cells();
    let facts = Cell::from_mut(facts).as_slice_of_cells();
    let scores = Cell::from_mut(scores).as_slice_of_cells();
    let env = FlatEnv { atoms, facts, scores };
    for step in &program.exec {
        match *step {
            Exec::Rule(r, op) => rules[r as usize] = env.op(program, op),
            Exec::Applies(q, op) => {
                let q = q as usize;
                let a = env.op(program, op);
                applies[q] = a;
                // Every test of this question, now that its applicability is known: later
                // steps read each as one value.
                let at = program.atoms_of(q);
                fill_atoms(&atoms[at.clone()], program, at, a, answers.slot(q));
                for &(k, r) in program.lone(q) {
                    rules[r as usize] = atoms[k as usize].get();
                }
            }
            Exec::Fact(f) => {
                let f = f as usize;
                let t = rulebook.facts[f]
                    .derived_by
                    .iter()
                    .fold(Tri::False, |acc, &r| acc.or(rules[r]));
                facts[f].set(t);
            }
            Exec::Score(s) => scores[s as usize].set(score_state(rulebook, s as usize, answers, applies)),
        }
    }
}

/// The truths of one question's atoms (`at` in `program`), given whether it applies and
/// its answer: what [`Cond::eval`](crate::condition::Cond::eval) gives each test on it.
fn fill_atoms(truths: &[Cell<Tri>], program: &Program, at: Range<usize>, applies: Tri, slot: &Slot) {
    let fill = |t: Tri| truths.iter().for_each(|c| c.set(t));
    let value = match slot {
        // Not applying makes every test false; else an unanswered question makes each unknown.
        _ if applies == Tri::False => return fill(Tri::False),
        Slot::Missing | Slot::DontKnow => return fill(Tri::Unknown),
        Slot::Given(v) => v,
    };
    let bits = match *value {
        Value::Choice(i) => 1u64.checked_shl(u32::from(i)).unwrap_or(0),
        Value::Multi(ticked) => ticked,
        Value::Bool(b) => 1 << b as u64,
        Value::Number(_) => 0,
    };
    if bits != 0 {
        // An answer with a bit set meets each atom as its mask: `answered` is every bit.
        for (t, mask) in truths.iter().zip(&program.masks[at]) {
            t.set(applies.and(Tri::from_bool(bits & mask != 0)));
        }
        return;
    }
    // A number, or a multiple choice with nothing ticked.
    for (t, atom) in truths.iter().zip(&program.atoms[at]) {
        let holds = match (atom, value) {
            (Atom::Answered, _) => true,
            (Atom::Range(range), Value::Number(x)) => range.contains(*x),
            _ => false,
        };
        t.set(applies.and(Tri::from_bool(holds)));
    }
}

/// The range a score can still take: answered items add their points, unanswered items
/// anything between their lowest and highest option, items that may not apply also 0.
pub(super) fn score_state(rulebook: &Rulebook, s: usize, answers: &Answers, applies: &[Tri]) -> ScoreState {
    let score = &rulebook.scores[s];
    let (mut min, mut max, mut any) = (0.0, 0.0, Tri::False);
    for (&q, &(lo, hi)) in score.items.iter().zip(&score.item_bounds) {
        let a = applies[q];
        any = any.or(a);
        if a == Tri::False {
            continue;
        }
        let (mut item_lo, mut item_hi) = match answers.slot(q) {
            Slot::Given(Value::Choice(i)) => {
                let p = rulebook.questions[q].options[*i as usize].score.unwrap_or(0.0);
                (p, p)
            }
            _ => (lo, hi),
        };
        if a == Tri::Unknown {
            item_lo = item_lo.min(0.0);
            item_hi = item_hi.max(0.0);
        }
        min += item_lo;
        max += item_hi;
    }
    ScoreState { applies: any, min, max }
}
