//! A rulebook's conditions in flat form, for evaluating millions of rows.
//!
//! The tree of [`Cond`] is what everything else reads (explanations trace it node by
//! node, the linter and the prover walk it); this form is only for evaluation. Each
//! distinct question test is an *atom*, listed under its question, so that one answer is
//! looked at once per row however many rules test it, and a leaf becomes one load. The
//! nodes are laid out so that a composite's parts follow one another.

use super::{Cond, NumRange, Test};
use std::collections::HashMap;

/// One node of a flat condition.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    /// Holds for everyone.
    Always,
    /// An atom's truth (a question test with the question's applicability).
    Atom(u32),
    /// A derived fact.
    Fact(u32),
    /// A score in one of [`Program::ranges`].
    Score {
        /// The score.
        score: u32,
        /// Index into [`Program::ranges`].
        range: u32,
    },
    /// Every part holds; the parts are the nodes `first..first + len`.
    All {
        /// The first part.
        first: u32,
        /// How many parts.
        len: u32,
    },
    /// At least one part holds.
    Any {
        /// The first part.
        first: u32,
        /// How many parts.
        len: u32,
    },
    /// At least `n` parts hold.
    AtLeast {
        /// How many must hold.
        n: u32,
        /// The first part.
        first: u32,
        /// How many parts.
        len: u32,
    },
    /// The node does not hold.
    Not(u32),
    /// Every atom `args[first..first + len]` holds (an `all` of question tests, the
    /// commonest composite, read without a node for each part).
    AllAtoms {
        /// The first atom's place in [`Program::args`].
        first: u32,
        /// How many atoms.
        len: u32,
    },
    /// At least one atom `args[first..first + len]` holds.
    AnyAtoms {
        /// The first atom's place in [`Program::args`].
        first: u32,
        /// How many atoms.
        len: u32,
    },
}

/// One step of evaluation, in plan order, with the condition it evaluates in hand.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Exec {
    /// Whether question `.0` applies (its `ask_if`); then its atoms.
    Applies(u32, Op),
    /// Whether rule `.0` fires.
    Rule(u32, Op),
    /// Fact `.0`, from the rules deriving it.
    Fact(u32),
    /// Score `.0`'s range.
    Score(u32),
}

/// A question test as an atom checks it: the answer's options as bits (a single choice's
/// one bit, a multiple choice's ticks, yes as bit 1 and no as bit 0) against a mask, or
/// a number against a range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Atom {
    /// Some bit of the answer is in the mask.
    Mask(u64),
    /// The question is answered.
    Answered,
    /// The number lies in the range.
    Range(NumRange),
}

impl Atom {
    /// The atom checking `test`.
    pub fn of(test: &Test) -> Atom {
        match *test {
            Test::Answered => Atom::Answered,
            Test::ChoiceIn(mask) | Test::MultiAny(mask) => Atom::Mask(mask),
            Test::Bool(b) => Atom::Mask(1 << b as u64),
            Test::Number(range) => Atom::Range(range),
        }
    }
}

/// Every condition of a rulebook (rules and `ask_if`) in flat form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Program {
    /// Distinct question tests, grouped by question.
    pub atoms: Vec<Atom>,
    /// Each atom's mask as an answer's bits meet it: [`Atom::Mask`]'s own, every bit for
    /// [`Atom::Answered`] (an answer with a bit set is answered), none for a range.
    pub masks: Vec<u64>,
    /// Question `q`'s atoms are `atoms[atoms_of[q]..atoms_of[q + 1]]`.
    pub atoms_of: Vec<u32>,
    /// The nodes.
    pub ops: Vec<Op>,
    /// The ranges score nodes test.
    pub ranges: Vec<NumRange>,
    /// The atoms of [`Op::AllAtoms`] and [`Op::AnyAtoms`].
    pub args: Vec<u32>,
    /// The node of each rule's `when`.
    pub rules: Vec<u32>,
    /// The node of each question's `ask_if` (an [`Op::Always`] node where it has none).
    pub ask_if: Vec<u32>,
    /// The steps of evaluation in plan order (see [`Program::schedule`]).
    pub exec: Vec<Exec>,
    /// Rules whose whole condition is one atom, as (atom, rule), grouped by question:
    /// set from the atom in their question's step, not in a step of their own.
    pub lone: Vec<(u32, u32)>,
    /// Question `q`'s lone rules are `lone[lone_of[q]..lone_of[q + 1]]`.
    pub lone_of: Vec<u32>,
}

impl Program {
    /// Flattens the `ask_if` of `questions` questions and the `when` of each rule.
    pub fn new<'a>(ask_if: &[Option<&'a Cond>], rules: impl IntoIterator<Item = &'a Cond>) -> Program {
        let rules: Vec<&Cond> = rules.into_iter().collect();
        // Atoms are found through a map (a rulebook may test one question thousands of
        // ways), each question's numbered from 0 as first met, then laid out by question.
        let mut by_question: Vec<Vec<Atom>> = vec![Vec::new(); ask_if.len()];
        let mut local: HashMap<(usize, AtomKey), u32, foldhash::fast::FixedState> = HashMap::default();
        let mut collect = |c: &Cond| {
            c.visit_tests(&mut |q, t| {
                let atom = Atom::of(t);
                local.entry((q, AtomKey::of(&atom))).or_insert_with(|| {
                    by_question[q].push(atom);
                    by_question[q].len() as u32 - 1
                });
            })
        };
        ask_if.iter().flatten().for_each(|c| collect(c));
        rules.iter().for_each(|c| collect(c));
        let mut program = Program::default();
        for atoms in by_question {
            program.atoms_of.push(program.atoms.len() as u32);
            program.atoms.extend(atoms);
        }
        program.atoms_of.push(program.atoms.len() as u32);
        program.masks = program
            .atoms
            .iter()
            .map(|a| match a {
                Atom::Mask(mask) => *mask,
                Atom::Answered => u64::MAX,
                Atom::Range(_) => 0,
            })
            .collect();
        let mut build = Builder { program, local };
        let always = Cond::Always;
        build.program.ask_if = ask_if.iter().map(|c| build.root(c.unwrap_or(&always))).collect();
        build.program.rules = rules.iter().map(|c| build.root(c)).collect();
        build.program
    }

    /// Sets the steps of evaluation from the plan's steps: a rule that is one test (more
    /// than half of them in the default rulebook) is set when its question's atoms are,
    /// which is always before anything can read it.
    pub fn schedule(&mut self, steps: impl IntoIterator<Item = Exec>) {
        let mut lone: Vec<Vec<(u32, u32)>> = vec![Vec::new(); self.atoms_of.len() - 1];
        self.exec.clear();
        for step in steps {
            match step {
                Exec::Rule(r, Op::Atom(k)) => {
                    let q = self.atoms_of.partition_point(|&from| from <= k) - 1;
                    lone[q].push((k, r));
                }
                other => self.exec.push(other),
            }
        }
        self.lone.clear();
        self.lone_of.clear();
        for rules in lone {
            self.lone_of.push(self.lone.len() as u32);
            self.lone.extend(rules);
        }
        self.lone_of.push(self.lone.len() as u32);
    }

    /// The lone rules of question `q` (see [`Program::lone`]).
    #[inline]
    pub fn lone(&self, q: usize) -> &[(u32, u32)] {
        &self.lone[self.lone_of[q] as usize..self.lone_of[q + 1] as usize]
    }

    /// The root node of `node`, by value, for an [`Exec`] to carry.
    pub fn op(&self, node: u32) -> Op {
        self.ops[node as usize]
    }

    /// The first and one past the last of question `q`'s atoms.
    #[inline]
    pub fn atoms_of(&self, q: usize) -> std::ops::Range<usize> {
        self.atoms_of[q] as usize..self.atoms_of[q + 1] as usize
    }
}

/// An atom as a key: its bits, so that every atom (a range with any ends) is equal to
/// itself and can be hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct AtomKey([u64; 3]);

impl AtomKey {
    fn of(atom: &Atom) -> AtomKey {
        AtomKey(match atom {
            Atom::Mask(mask) => [0, *mask, 0],
            Atom::Answered => [1, 0, 0],
            Atom::Range(r) => [
                2 | u64::from(r.lo_inclusive) << 8 | u64::from(r.hi_inclusive) << 9,
                r.lo.to_bits(),
                r.hi.to_bits(),
            ],
        })
    }
}

/// A program while its nodes are laid out.
struct Builder {
    program: Program,
    /// Each question's atoms, numbered within the question.
    local: HashMap<(usize, AtomKey), u32, foldhash::fast::FixedState>,
}

impl Builder {
    /// Appends `cond` as a new node and returns it.
    fn root(&mut self, cond: &Cond) -> u32 {
        let at = self.program.ops.len();
        self.program.ops.push(Op::Always);
        self.place(cond, at);
        at as u32
    }

    /// Fills node `at` (already pushed) with `cond`, appending its parts.
    fn place(&mut self, cond: &Cond, at: usize) {
        let op = match cond {
            Cond::Always => Op::Always,
            Cond::Question(q, test) => Op::Atom(self.atom(*q, test)),
            Cond::Fact(f) => Op::Fact(*f as u32),
            Cond::Score(s, range) => {
                self.program.ranges.push(*range);
                Op::Score {
                    score: *s as u32,
                    range: self.program.ranges.len() as u32 - 1,
                }
            }
            Cond::Not(inner) => Op::Not(self.root(inner)),
            Cond::All(parts) | Cond::Any(parts) if parts.iter().all(|p| matches!(p, Cond::Question(..))) => {
                let first = self.program.args.len() as u32;
                for part in parts.iter() {
                    if let Cond::Question(q, test) = part {
                        let atom = self.atom(*q, test);
                        self.program.args.push(atom);
                    }
                }
                let len = parts.len() as u32;
                match cond {
                    Cond::All(_) => Op::AllAtoms { first, len },
                    _ => Op::AnyAtoms { first, len },
                }
            }
            Cond::All(parts) => {
                let (first, len) = self.parts(parts);
                Op::All { first, len }
            }
            Cond::Any(parts) => {
                let (first, len) = self.parts(parts);
                Op::Any { first, len }
            }
            Cond::AtLeast(n, parts) => {
                let (first, len) = self.parts(parts);
                Op::AtLeast {
                    n: *n as u32,
                    first,
                    len,
                }
            }
        };
        self.program.ops[at] = op;
    }

    /// Lays out a composite's parts one after another, and returns the first and how many.
    fn parts(&mut self, parts: &[Cond]) -> (u32, u32) {
        let first = self.program.ops.len();
        self.program.ops.extend(parts.iter().map(|_| Op::Always));
        for (i, part) in parts.iter().enumerate() {
            self.place(part, first + i);
        }
        (first as u32, parts.len() as u32)
    }

    /// The index of question `q`'s atom for `test`: every test was collected before the
    /// nodes are laid out, and a key is equal to itself, so it is always found.
    fn atom(&self, q: usize, test: &Test) -> u32 {
        let local = self.local.get(&(q, AtomKey::of(&Atom::of(test)))).copied().unwrap_or(0);
        self.program.atoms_of[q] + local
    }
}

impl Cond {
    /// Calls `f` on every question test in this condition, with its question.
    pub fn visit_tests(&self, f: &mut impl FnMut(usize, &Test)) {
        match self {
            Cond::Always | Cond::Fact(_) | Cond::Score(..) => {}
            Cond::All(parts) | Cond::Any(parts) | Cond::AtLeast(_, parts) => {
                parts.iter().for_each(|p| p.visit_tests(f))
            }
            Cond::Not(inner) => inner.visit_tests(f),
            Cond::Question(q, test) => f(*q, test),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_all_of_tests_reads_its_atoms_in_one_node() {
        let all = Cond::All(vec![Cond::Question(0, Test::Bool(false)), Cond::Question(1, Test::Answered)].into());
        let any = Cond::Any(vec![Cond::Question(1, Test::Answered)].into());
        let p = Program::new(&[None, None], [&all, &any]);
        assert_eq!(p.ops[p.rules[0] as usize], Op::AllAtoms { first: 0, len: 2 });
        assert_eq!(p.ops[p.rules[1] as usize], Op::AnyAtoms { first: 2, len: 1 });
        assert_eq!(p.args, vec![0, 1, 1]);
        assert_eq!(p.atoms, vec![Atom::Mask(1), Atom::Answered]);
    }

    #[test]
    fn a_test_used_twice_is_one_atom_and_parts_follow_one_another() {
        let yes = Cond::Question(1, Test::Bool(true));
        let when = Cond::All(
            vec![
                yes.clone(),
                Cond::Not(Box::new(yes.clone())),
                Cond::Question(0, Test::Answered),
            ]
            .into(),
        );
        let p = Program::new(&[None, Some(&yes)], [&when, &yes]);
        assert_eq!(p.atoms, vec![Atom::Answered, Atom::Mask(0b10)]);
        assert_eq!(p.atoms_of, vec![0, 1, 2]);
        assert_eq!(p.ops[p.ask_if[0] as usize], Op::Always);
        assert_eq!(p.ops[p.ask_if[1] as usize], Op::Atom(1));
        let Op::All { first, len: 3 } = p.ops[p.rules[0] as usize] else {
            panic!("{:?}", p.ops)
        };
        let parts = &p.ops[first as usize..first as usize + 3];
        assert_eq!(parts[0], Op::Atom(1));
        assert_eq!(
            p.ops[match parts[1] {
                Op::Not(i) => i as usize,
                other => panic!("{other:?}"),
            }],
            Op::Atom(1)
        );
        assert_eq!(parts[2], Op::Atom(0));
        assert_eq!(p.ops[p.rules[1] as usize], Op::Atom(1));
    }

    #[test]
    fn a_rule_that_is_one_test_is_set_with_its_question() {
        let when = Cond::All(vec![Cond::Question(0, Test::Answered), Cond::Fact(0)].into());
        let lone = Cond::Question(1, Test::Bool(true));
        let mut p = Program::new(&[None, None], [&when, &lone]);
        let steps = [
            Exec::Applies(0, Op::Always),
            Exec::Applies(1, Op::Always),
            Exec::Rule(1, p.op(p.rules[1])),
            Exec::Rule(0, p.op(p.rules[0])),
            Exec::Fact(0),
        ];
        p.schedule(steps);
        assert_eq!(p.exec.len(), 4);
        assert!(!p.exec.iter().any(|s| matches!(s, Exec::Rule(1, _))));
        assert_eq!(p.lone(0), &[]);
        assert_eq!(p.lone(1), &[(1, 1)]);
    }
}
