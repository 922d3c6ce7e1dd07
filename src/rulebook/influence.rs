//! Who reads what: for every answer, score, fact and rule, the plan steps that read it
//! directly, so that a change can be followed step by step to exactly what it alters;
//! and the number ends and question pairs "what would change this" tries.
//!
//! Built from the plan the first time what-if needs it (see [`Rulebook::influence`]), not
//! when the rulebook loads: a screening without explanations never pays for it, and a
//! generated rulebook of 100,000 rules still loads in linear time.

use super::{Rulebook, Step};
use crate::condition::{Cond, Ref, Test};

/// A set of small indices (questions, or positions in the plan) as bits.
type Bits = [u64];

fn words(n: usize) -> usize {
    n.div_ceil(64)
}

fn set(bits: &mut Bits, i: usize) {
    bits[i / 64] |= 1u64 << (i % 64);
}

fn union_into(into: &mut Bits, from: &Bits) {
    into.iter_mut().zip(from).for_each(|(a, b)| *a |= b);
}

/// Something a plan step computes or a condition reads: a question's answer (with whether
/// it applies), a score, a fact or a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// Question `i`: its answer and whether it applies.
    Question(usize),
    /// Score `i`.
    Score(usize),
    /// Fact `i`.
    Fact(usize),
    /// Rule `i`.
    Rule(usize),
}

/// Who reads what in the plan, and the number ends and question pairs "what would change
/// this" tries.
#[derive(Debug, Clone, Default)]
pub struct Influence {
    /// Words per bit set of questions.
    question_words: usize,
    /// For each node (questions, then scores, facts, rules), where its readers start in
    /// `readers`; one more entry closes the last.
    starts: Vec<u32>,
    /// The plan positions of the steps that read each node directly, each list ascending.
    readers: Vec<u32>,
    /// Index of the first score, fact and rule node.
    offsets: [usize; 3],
    /// For each question, the questions some rule reads together with it, directly, through
    /// a score or through the facts it tests (`question_words` words each).
    co_read: Vec<u64>,
    /// For each question, the ends of every number range a condition compares it with, in
    /// rule order then skip-rule order (duplicates kept).
    thresholds: Vec<Vec<f64>>,
}

impl Influence {
    /// Works out who reads what in `rb`'s plan.
    pub fn of(rb: &Rulebook) -> Influence {
        let (nq, ns, nf) = (rb.questions.len(), rb.scores.len(), rb.facts.len());
        let offsets = [nq, nq + ns, nq + ns + nf];
        let nodes = nq + ns + nf + rb.rules.len();
        let index = |n: Node| match n {
            Node::Question(i) => i,
            Node::Score(i) => offsets[0] + i,
            Node::Fact(i) => offsets[1] + i,
            Node::Rule(i) => offsets[2] + i,
        };
        // (node read, plan position reading it), then sorted into one list per node.
        let mut edges: Vec<(u32, u32)> = Vec::new();
        for (p, step) in rb.plan.iter().enumerate() {
            let mut read = |n: Node| edges.push((index(n) as u32, p as u32));
            let mut from_cond = |c: &Cond| {
                c.visit_refs(&mut |r| match r {
                    Ref::Question(q) => read(Node::Question(q)),
                    Ref::Score(s) => read(Node::Score(s)),
                    Ref::Fact(f) => read(Node::Fact(f)),
                })
            };
            match *step {
                Step::Applies(q) => {
                    if let Some(c) = &rb.questions[q].ask_if {
                        from_cond(c);
                    }
                }
                Step::Rule(r) => from_cond(&rb.rules[r].when),
                Step::Score(s) => rb.scores[s].items.iter().for_each(|&q| read(Node::Question(q))),
                Step::Fact(f) => rb.facts[f].derived_by.iter().for_each(|&r| read(Node::Rule(r))),
            }
        }
        edges.sort_unstable();
        edges.dedup();
        let mut starts = Vec::with_capacity(nodes + 1);
        let mut e = 0;
        for node in 0..nodes as u32 {
            starts.push(e as u32);
            while e < edges.len() && edges[e].0 == node {
                e += 1;
            }
        }
        starts.push(e as u32);
        let qw = words(nq);
        Influence {
            question_words: qw,
            starts,
            readers: edges.into_iter().map(|(_, p)| p).collect(),
            offsets,
            co_read: co_read(rb, qw),
            thresholds: thresholds(rb),
        }
    }

    /// The plan positions of the steps that read `node` directly, ascending: all of them
    /// come after the step computing `node`.
    pub fn readers(&self, node: Node) -> &[u32] {
        let i = match node {
            Node::Question(i) => i,
            Node::Score(i) => self.offsets[0] + i,
            Node::Fact(i) => self.offsets[1] + i,
            Node::Rule(i) => self.offsets[2] + i,
        };
        &self.readers[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// Whether some rule reads questions `a` and `b` together (directly, through a score or
    /// through the facts it tests).
    pub fn co_read(&self, a: usize, b: usize) -> bool {
        self.co_read[a * self.question_words + b / 64] & (1u64 << (b % 64)) != 0
    }

    /// The ends of every number range any condition compares question `q` with.
    pub fn thresholds(&self, q: usize) -> &[f64] {
        &self.thresholds[q]
    }
}

/// Pairs of distinct questions that some rule reads together, as a bit matrix.
fn co_read(rb: &Rulebook, qw: usize) -> Vec<u64> {
    let nq = rb.questions.len();
    let mut fact_reads = vec![0u64; rb.facts.len() * qw];
    let mut rule_reads = vec![0u64; rb.rules.len() * qw];
    // In plan order a fact's deriving rules come before anything that reads the fact.
    for step in &rb.plan {
        match *step {
            Step::Rule(r) => {
                let mut reads = vec![0u64; qw];
                rb.rules[r].when.visit_refs(&mut |x| match x {
                    Ref::Question(q) => set(&mut reads, q),
                    Ref::Score(s) => rb.scores[s].items.iter().for_each(|&q| set(&mut reads, q)),
                    Ref::Fact(f) => union_into(&mut reads, &fact_reads[f * qw..(f + 1) * qw]),
                });
                rule_reads[r * qw..(r + 1) * qw].copy_from_slice(&reads);
            }
            Step::Fact(f) => {
                for &r in &rb.facts[f].derived_by {
                    let (facts, rules) = (&mut fact_reads, &rule_reads);
                    union_into(&mut facts[f * qw..(f + 1) * qw], &rules[r * qw..(r + 1) * qw]);
                }
            }
            _ => {}
        }
    }
    let mut pairs = vec![0u64; nq * qw];
    for reads in rule_reads.chunks(qw.max(1)).take(rb.rules.len()) {
        for (w, &word) in reads.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let a = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                union_into(&mut pairs[a * qw..(a + 1) * qw], reads);
            }
        }
    }
    // A question is not a pair with itself.
    for q in 0..nq {
        pairs[q * qw + q / 64] &= !(1u64 << (q % 64));
    }
    pairs
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
