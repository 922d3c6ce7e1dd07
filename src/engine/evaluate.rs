//! One evaluation of a rulebook over a set of answers.

use super::resolve::{Resolution, resolve};
use super::{Env, ScoreState, Tri};
use crate::answers::{Answers, Slot};
use crate::rulebook::{Recheck, Rulebook, Step};

/// Everything one evaluation decided.
#[derive(Debug, Clone, PartialEq)]
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
        }
    }
}

/// Evaluates into `eval`, reusing its buffers: batch screening evaluates millions of rows
/// and need not allocate for each.
pub fn evaluate_into(rulebook: &Rulebook, answers: &Answers, eval: &mut Evaluation) {
    debug_assert_eq!(answers.len(), rulebook.questions.len());
    let reset = |v: &mut Vec<Tri>, n: usize| {
        v.clear();
        v.resize(n, Tri::Unknown);
    };
    reset(&mut eval.applies, rulebook.questions.len());
    reset(&mut eval.facts, rulebook.facts.len());
    reset(&mut eval.rules, rulebook.rules.len());
    eval.scores.clear();
    eval.scores.resize(
        rulebook.scores.len(),
        ScoreState {
            applies: Tri::Unknown,
            min: 0.0,
            max: 0.0,
        },
    );
    let Evaluation {
        applies,
        scores,
        facts,
        rules,
        ..
    } = eval;
    let plan = &rulebook.plan;
    let mut i = 0;
    while i < plan.len() {
        let env = Env {
            answers,
            applies,
            facts,
            scores,
        };
        match plan[i] {
            Step::Rule(_) => {
                // A rule reads no rule, so a run of rules is evaluated in one environment:
                // most of the plan is such runs.
                while let Some(&Step::Rule(r)) = plan.get(i) {
                    rules[r] = rulebook.rules[r].when.eval(&env);
                    i += 1;
                }
                continue;
            }
            Step::Applies(q) => {
                let t = rulebook.questions[q]
                    .ask_if
                    .as_ref()
                    .map_or(Tri::True, |c| c.eval(&env));
                applies[q] = t;
            }
            Step::Fact(f) => {
                let t = rulebook.facts[f]
                    .derived_by
                    .iter()
                    .fold(Tri::False, |acc, &r| acc.or(rules[r]));
                facts[f] = t;
            }
            Step::Score(s) => {
                let st = score_state(rulebook, s, answers, applies);
                scores[s] = st;
            }
        }
        i += 1;
    }
    eval.result = resolve(rulebook, &eval.rules, false);
    // With nothing undecided the worst case is the result; most complete rows skip a pass.
    eval.worst_case = if eval.rules.contains(&Tri::Unknown) {
        resolve(rulebook, &eval.rules, true)
    } else {
        eval.result
    };
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
            Slot::Given(crate::answers::Value::Choice(i)) => {
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
