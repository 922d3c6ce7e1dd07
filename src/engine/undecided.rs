//! Undecided rules: which unanswered questions decide them, and which of them would change
//! the verdict or the ink if they fired. Reports tell a provisional result from these.

use super::resolve::{Resolution, resolve};
use super::{Cond, Evaluation, Tri};
use crate::answers::{Answers, Slot};
use crate::rulebook::Rulebook;

/// An undecided rule that would change the verdict or the ink if it fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    /// The rule.
    pub rule: usize,
    /// The verdict and ink if it fired (and no other undecided rule did).
    pub would_give: Resolution,
}

impl Evaluation {
    /// The undecided rules that, fired on top of the rules that fired, would change the
    /// verdict or the ink: most severe outcome first, then ink changes, then by rule id.
    pub fn pending(&self, rulebook: &Rulebook) -> Vec<Pending> {
        if !self.is_provisional() {
            return Vec::new();
        }
        let mut states: Vec<Tri> = self
            .rules
            .iter()
            .map(|&t| if t == Tri::True { Tri::True } else { Tri::False })
            .collect();
        let mut out = Vec::new();
        for &r in &rulebook.deciding_rules {
            if self.rules[r] != Tri::Unknown {
                continue;
            }
            states[r] = Tri::True;
            let would_give = resolve(rulebook, &states, false);
            states[r] = Tri::False;
            if would_give.verdict != self.result.verdict || would_give.ink != self.result.ink {
                out.push(Pending { rule: r, would_give });
            }
        }
        out.sort_by_key(|p| {
            (
                std::cmp::Reverse(p.would_give.verdict),
                p.would_give.ink == self.result.ink,
                rulebook.rule_rank[p.rule],
            )
        });
        out
    }
}

/// The unanswered questions that any of `rules` (undecided rules) depends on, in
/// question order.
pub fn decided_by_rules(
    rulebook: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    rules: impl IntoIterator<Item = usize>,
) -> Vec<usize> {
    let mut w = Walk::new(rulebook, answers, eval);
    for r in rules {
        w.cond(&rulebook.rules[r].when);
    }
    w.found()
}

/// The unanswered questions that an undecided condition depends on, in question order.
///
/// Only parts of the condition that are themselves undecided are followed, through skip
/// logic, derived facts and scores.
pub fn decided_by(rulebook: &Rulebook, answers: &Answers, eval: &Evaluation, cond: &Cond) -> Vec<usize> {
    let mut w = Walk::new(rulebook, answers, eval);
    w.cond(cond);
    w.found()
}

/// A walk through undecided conditions, marking the unanswered questions it meets; facts
/// and skip logic are followed once each however many conditions lead to them.
struct Walk<'a> {
    rulebook: &'a Rulebook,
    answers: &'a Answers,
    eval: &'a Evaluation,
    found: Vec<bool>,
    seen_facts: Vec<bool>,
    seen_asks: Vec<bool>,
}

impl<'a> Walk<'a> {
    fn new(rulebook: &'a Rulebook, answers: &'a Answers, eval: &'a Evaluation) -> Walk<'a> {
        Walk {
            rulebook,
            answers,
            eval,
            found: vec![false; rulebook.questions.len()],
            seen_facts: vec![false; rulebook.facts.len()],
            seen_asks: vec![false; rulebook.questions.len()],
        }
    }

    fn found(self) -> Vec<usize> {
        self.found
            .iter()
            .enumerate()
            .filter(|(_, f)| **f)
            .map(|(q, _)| q)
            .collect()
    }

    fn question(&mut self, q: usize) {
        let (rulebook, eval) = (self.rulebook, self.eval);
        if eval.applies[q] == Tri::Unknown
            && !std::mem::replace(&mut self.seen_asks[q], true)
            && let Some(ask) = &rulebook.questions[q].ask_if
        {
            self.cond(ask);
        }
        if eval.applies[q] != Tri::False && !matches!(self.answers.slot(q), Slot::Given(_)) {
            self.found[q] = true;
        }
    }

    fn cond(&mut self, cond: &Cond) {
        let (rulebook, eval) = (self.rulebook, self.eval);
        if cond.eval(&eval.env(self.answers)) != Tri::Unknown {
            return;
        }
        match cond {
            Cond::Always => {}
            Cond::All(parts) | Cond::Any(parts) | Cond::AtLeast(_, parts) => {
                for p in parts.iter() {
                    self.cond(p);
                }
            }
            Cond::Not(inner) => self.cond(inner),
            Cond::Question(q, _) => self.question(*q),
            Cond::Fact(f) => {
                if std::mem::replace(&mut self.seen_facts[*f], true) {
                    return;
                }
                for &r in &rulebook.facts[*f].derived_by {
                    if eval.rules[r] == Tri::Unknown {
                        self.cond(&rulebook.rules[r].when);
                    }
                }
            }
            Cond::Score(s, _) => {
                for &q in &rulebook.scores[*s].items {
                    self.question(q);
                }
            }
        }
    }
}
