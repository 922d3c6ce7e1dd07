//! A thin layer over the SAT solver: fresh literals, clauses, and gates whose output is
//! equivalent to their inputs' conjunction or disjunction (Tseitin), with constants
//! folded away so that a rulebook's many fixed parts cost nothing.

use batsat::{BasicSolver, Lit, SolverInterface, lbool};

/// A solver with a literal that is always true.
pub struct Sat {
    solver: BasicSolver,
    yes: Lit,
    vars: usize,
    /// Conjunctions already made, by their sorted inputs: the same gate is built once, so
    /// two copies of a rulebook share every part that does not differ (structural
    /// hashing) and the solver never has to discover that they are equal.
    gates: std::collections::HashMap<Vec<u32>, Lit, foldhash::fast::RandomState>,
}

impl Default for Sat {
    fn default() -> Self {
        Sat::new()
    }
}

impl Sat {
    /// An empty problem.
    pub fn new() -> Sat {
        let mut solver = BasicSolver::new(Default::default(), Default::default());
        let yes = Lit::new(solver.new_var_default(), true);
        solver.add_clause_reuse(&mut vec![yes]);
        Sat {
            solver,
            yes,
            vars: 1,
            gates: Default::default(),
        }
    }

    /// The literal that always holds.
    pub fn truth(&self) -> Lit {
        self.yes
    }

    /// The literal that never holds.
    pub fn falsity(&self) -> Lit {
        !self.yes
    }

    /// Whether `l` is the constant true or false, and which.
    pub fn constant(&self, l: Lit) -> Option<bool> {
        if l == self.yes {
            Some(true)
        } else if l == !self.yes {
            Some(false)
        } else {
            None
        }
    }

    /// A fresh, unconstrained literal.
    pub fn fresh(&mut self) -> Lit {
        self.vars += 1;
        Lit::new(self.solver.new_var_default(), true)
    }

    /// Number of variables made so far.
    pub fn vars(&self) -> usize {
        self.vars
    }

    /// Adds a clause: at least one literal holds.
    pub fn clause(&mut self, lits: &[Lit]) {
        let mut c: Vec<Lit> = Vec::with_capacity(lits.len());
        for &l in lits {
            match self.constant(l) {
                Some(true) => return,
                Some(false) => {}
                None => c.push(l),
            }
        }
        self.solver.add_clause_reuse(&mut c);
    }

    /// `a` implies `b`.
    pub fn implies(&mut self, a: Lit, b: Lit) {
        self.clause(&[!a, b]);
    }

    /// A literal equivalent to every one of `lits` holding.
    pub fn and(&mut self, lits: &[Lit]) -> Lit {
        let mut parts: Vec<Lit> = Vec::with_capacity(lits.len());
        for &l in lits {
            match self.constant(l) {
                Some(true) => {}
                Some(false) => return self.falsity(),
                None => {
                    if parts.contains(&!l) {
                        return self.falsity();
                    }
                    if !parts.contains(&l) {
                        parts.push(l);
                    }
                }
            }
        }
        match parts.len() {
            0 => self.truth(),
            1 => parts[0],
            _ => {
                let mut key: Vec<u32> = parts.iter().map(|l| l.idx()).collect();
                key.sort_unstable();
                if let Some(&out) = self.gates.get(&key) {
                    return out;
                }
                let out = self.fresh();
                self.gates.insert(key, out);
                let mut long = vec![out];
                for &p in &parts {
                    self.clause(&[!out, p]);
                    long.push(!p);
                }
                self.clause(&long);
                out
            }
        }
    }

    /// A literal equivalent to at least one of `lits` holding.
    pub fn or(&mut self, lits: &[Lit]) -> Lit {
        let negated: Vec<Lit> = lits.iter().map(|&l| !l).collect();
        !self.and(&negated)
    }

    /// A literal equivalent to at least `k` of `lits` holding.
    pub fn at_least(&mut self, k: usize, lits: &[Lit]) -> Lit {
        if k == 0 {
            return self.truth();
        }
        if k > lits.len() {
            return self.falsity();
        }
        // row[j]: at least j of the literals seen so far hold (row[0] always).
        let mut row: Vec<Lit> = vec![self.truth()];
        row.extend(std::iter::repeat_n(self.falsity(), k));
        for &x in lits {
            let mut next = row.clone();
            for j in 1..=k {
                let with_x = self.and(&[x, row[j - 1]]);
                next[j] = self.or(&[row[j], with_x]);
            }
            row = next;
        }
        row[k]
    }

    /// At most one of `lits` holds (a sequential counter beyond a handful of literals).
    pub fn at_most_one(&mut self, lits: &[Lit]) {
        let lits: Vec<Lit> = lits
            .iter()
            .copied()
            .filter(|&l| self.constant(l) != Some(false))
            .collect();
        if lits.len() <= 6 {
            for i in 0..lits.len() {
                for j in i + 1..lits.len() {
                    self.clause(&[!lits[i], !lits[j]]);
                }
            }
            return;
        }
        // s_i: some literal among the first i+1 holds.
        let mut prev = lits[0];
        for &l in &lits[1..] {
            self.clause(&[!prev, !l]);
            let s = self.fresh();
            self.implies(prev, s);
            self.implies(l, s);
            prev = s;
        }
    }

    /// Solves under `assumptions`: `Some(true)` satisfiable, `Some(false)` not.
    pub fn solve(&mut self, assumptions: &[Lit]) -> bool {
        let a: Vec<Lit> = assumptions
            .iter()
            .copied()
            .filter(|&l| self.constant(l) != Some(true))
            .collect();
        if a.iter().any(|&l| self.constant(l) == Some(false)) {
            return false;
        }
        self.solver.solve_limited(&a) == lbool::TRUE
    }

    /// The value of `l` in the last satisfying assignment.
    pub fn value(&self, l: Lit) -> bool {
        match self.constant(l) {
            Some(b) => b,
            None => self.solver.value_lit(l) == lbool::TRUE,
        }
    }
}

/// Outputs of a sequential counter: `at_least[k]` holds whenever more than `k` of the
/// counted literals hold, so assuming `!at_least[k]` allows at most `k` of them.
pub struct Counter {
    /// `at_least[k]`: at least `k + 1` literals hold.
    pub at_least: Vec<Lit>,
}

impl Counter {
    /// Counts `lits` up to `limit`.
    pub fn new(sat: &mut Sat, lits: &[Lit], limit: usize) -> Counter {
        let limit = limit.min(lits.len());
        let mut row: Vec<Lit> = vec![sat.falsity(); limit];
        for &x in lits {
            let mut next = Vec::with_capacity(limit);
            for j in 0..limit {
                let s = sat.fresh();
                // More than j among those seen: already so, or x now with j before.
                sat.implies(row[j], s);
                if j == 0 {
                    sat.implies(x, s);
                } else {
                    sat.clause(&[!x, !row[j - 1], s]);
                }
                next.push(s);
            }
            row = next;
        }
        Counter { at_least: row }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gates_are_equivalences() {
        let mut sat = Sat::new();
        let (a, b) = (sat.fresh(), sat.fresh());
        let and = sat.and(&[a, b]);
        let or = sat.or(&[a, b]);
        assert!(!sat.solve(&[and, !a]));
        assert!(!sat.solve(&[!or, a]));
        assert!(sat.solve(&[!and, a]));
        assert!(!sat.value(b));
        assert!(!sat.solve(&[!and, a, b]));
        assert_eq!(sat.and(&[a, !a]), sat.falsity());
        assert_eq!(sat.or(&[]), sat.falsity());
    }

    #[test]
    fn at_least_is_an_equivalence() {
        let mut sat = Sat::new();
        let xs: Vec<Lit> = (0..4).map(|_| sat.fresh()).collect();
        let two = sat.at_least(2, &xs);
        for bits in 0u32..16 {
            let mut a: Vec<Lit> = (0..4)
                .map(|i| if bits & (1 << i) != 0 { xs[i] } else { !xs[i] })
                .collect();
            let expected = bits.count_ones() >= 2;
            a.push(if expected { !two } else { two });
            assert!(!sat.solve(&a), "{bits:04b}");
        }
    }

    #[test]
    fn counter_bounds_the_number_of_true_literals() {
        let mut sat = Sat::new();
        let xs: Vec<Lit> = (0..5).map(|_| sat.fresh()).collect();
        let c = Counter::new(&mut sat, &xs, 5);
        assert!(!sat.solve(&[xs[0], xs[3], !c.at_least[1]]));
        assert!(sat.solve(&[xs[0], xs[3], !c.at_least[2]]));
        let mut amo = Sat::new();
        let ys: Vec<Lit> = (0..9).map(|_| amo.fresh()).collect();
        amo.at_most_one(&ys);
        assert!(!amo.solve(&[ys[1], ys[8]]));
        assert!(amo.solve(&[ys[8]]));
    }
}
