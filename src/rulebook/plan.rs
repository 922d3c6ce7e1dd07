//! The evaluation plan: questions' skip logic, scores, facts and rules in an order where
//! everything is computed after what it reads. A cycle makes the rulebook invalid.

use super::{Code, Diagnostic, Fact, Question, Rule, Score};
use crate::condition::{Cond, Ref};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// One step of evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Decide whether question `i` applies.
    Applies(usize),
    /// Total score `i`.
    Score(usize),
    /// Combine the rules deriving fact `i`.
    Fact(usize),
    /// Evaluate rule `i`.
    Rule(usize),
}

struct Graph<'a> {
    questions: &'a [Question],
    scores: &'a [Score],
    facts: &'a [Fact],
    rules: &'a [Rule],
}

impl Graph<'_> {
    fn len(&self) -> usize {
        self.questions.len() + self.scores.len() + self.facts.len() + self.rules.len()
    }

    fn step(&self, node: usize) -> Step {
        let (q, s, f) = (self.questions.len(), self.scores.len(), self.facts.len());
        if node < q {
            Step::Applies(node)
        } else if node < q + s {
            Step::Score(node - q)
        } else if node < q + s + f {
            Step::Fact(node - q - s)
        } else {
            Step::Rule(node - q - s - f)
        }
    }

    fn node_of_ref(&self, r: Ref) -> usize {
        let (q, s) = (self.questions.len(), self.scores.len());
        match r {
            Ref::Question(i) => i,
            Ref::Score(i) => q + i,
            Ref::Fact(i) => q + s + i,
        }
    }

    fn rule_node(&self, r: usize) -> usize {
        self.questions.len() + self.scores.len() + self.facts.len() + r
    }

    /// The nodes `node` reads.
    fn deps(&self, node: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut from_cond = |c: &Cond| c.visit_refs(&mut |r| out.push(self.node_of_ref(r)));
        match self.step(node) {
            Step::Applies(i) => {
                if let Some(c) = &self.questions[i].ask_if {
                    from_cond(c);
                }
            }
            Step::Rule(i) => from_cond(&self.rules[i].when),
            Step::Score(i) => out.extend(self.scores[i].items.iter().copied()),
            Step::Fact(i) => out.extend(self.facts[i].derived_by.iter().map(|&r| self.rule_node(r))),
        }
        out
    }

    fn describe(&self, node: usize) -> String {
        match self.step(node) {
            Step::Applies(i) => format!("question `{}` (its ask_if)", self.questions[i].id),
            Step::Score(i) => format!("score `{}`", self.scores[i].id),
            Step::Fact(i) => format!("fact `{}`", self.facts[i].id),
            Step::Rule(i) => format!("rule `{}`", self.rules[i].id),
        }
    }
}

/// Orders evaluation, or reports the first cycle found.
pub(super) fn plan(
    questions: &[Question],
    scores: &[Score],
    facts: &[Fact],
    rules: &[Rule],
) -> Result<Vec<Step>, Box<Diagnostic>> {
    let g = Graph {
        questions,
        scores,
        facts,
        rules,
    };
    let n = g.len();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut missing = vec![0usize; n];
    for (node, waiting) in missing.iter_mut().enumerate() {
        let mut deps = g.deps(node);
        deps.sort_unstable();
        deps.dedup();
        *waiting = deps.len();
        for d in deps {
            dependents[d].push(node);
        }
    }
    // Ready nodes come out lowest index first, so the plan is deterministic and close to
    // the file's own order.
    let mut ready: BinaryHeap<Reverse<usize>> = (0..n).filter(|&i| missing[i] == 0).map(Reverse).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(Reverse(node)) = ready.pop() {
        order.push(g.step(node));
        for &next in &dependents[node] {
            missing[next] -= 1;
            if missing[next] == 0 {
                ready.push(Reverse(next));
            }
        }
    }
    if order.len() == n {
        return Ok(order);
    }
    Err(Box::new(cycle_diagnostic(&g, &missing)))
}

fn cycle_diagnostic(g: &Graph, missing: &[usize]) -> Diagnostic {
    // Every node still waiting lies on or behind a cycle; walking dependencies among
    // them from any one must revisit a node.
    let start = (0..g.len()).find(|&i| missing[i] > 0).unwrap_or(0);
    let mut path = vec![start];
    let mut node = start;
    let cycle = loop {
        let next = g.deps(node).into_iter().find(|&d| missing[d] > 0).unwrap_or(start);
        if let Some(pos) = path.iter().position(|&p| p == next) {
            let mut c = path[pos..].to_vec();
            c.push(next);
            break c;
        }
        path.push(next);
        node = next;
    };
    let chain = cycle.iter().map(|&n| g.describe(n)).collect::<Vec<_>>().join(" needs ");
    let message = format!("cycle: {chain}");
    // Point at the first rule or question in the cycle.
    let anchor = cycle
        .iter()
        .find_map(|&n| match g.step(n) {
            Step::Rule(i) => Some((&g.rules[i].origin, "when")),
            Step::Applies(i) => Some((&g.questions[i].origin, "ask_if")),
            _ => None,
        })
        .or_else(|| {
            cycle.iter().find_map(|&n| match g.step(n) {
                Step::Fact(i) => Some((&g.facts[i].origin, "id")),
                _ => None,
            })
        });
    match anchor {
        Some((origin, field)) => {
            Diagnostic::error(Code::Cycle, origin.file, format!("{}.{field}", origin.path), message)
        }
        None => Diagnostic::general(super::Level::Error, Code::Cycle, message),
    }
}
