//! The condition language, compiled: conditions over questions, derived facts and scores,
//! with every reference resolved to an index, and Kleene three-valued truth; and the
//! same conditions in a flat form ([`Program`]) that evaluation runs row after row.
//!
//! This is the bottom layer: the rulebook compiles into these types, the engine
//! evaluates them against answers, and explain and describe read them. It knows nothing
//! of rulebooks, answers or output, so every layer above can use it without a circle.

mod program;
mod tri;

pub use program::{Atom, Exec, Op, Program};
pub use tri::{Tri, all, any, at_least};

/// A condition with every reference resolved to an index.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// Holds for everyone.
    Always,
    /// Every part holds.
    All(Box<[Cond]>),
    /// At least one part holds.
    Any(Box<[Cond]>),
    /// At least this many parts hold (Kleene: true once that many are true, false once
    /// too few can still be, unknown in between).
    AtLeast(usize, Box<[Cond]>),
    /// The part does not hold.
    Not(Box<Cond>),
    /// A test on one question's answer.
    Question(usize, Test),
    /// A derived fact holds.
    Fact(usize),
    /// A score lies in a range.
    Score(usize, NumRange),
}

/// A test on an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// The question applies and has an answer.
    Answered,
    /// Single choice: the chosen option is in the set (bit i = option i).
    ChoiceIn(u64),
    /// Multiple choice: at least one ticked option is in the set.
    MultiAny(u64),
    /// Yes/no equals this.
    Bool(bool),
    /// Number lies in the range.
    Number(NumRange),
}

/// A range of numbers with open or closed ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumRange {
    /// Lower end (`-inf` when unbounded).
    pub lo: f64,
    /// Whether `lo` itself is inside.
    pub lo_inclusive: bool,
    /// Upper end (`+inf` when unbounded).
    pub hi: f64,
    /// Whether `hi` itself is inside.
    pub hi_inclusive: bool,
}

impl NumRange {
    /// Every number.
    pub const ALL: NumRange = NumRange {
        lo: f64::NEG_INFINITY,
        lo_inclusive: true,
        hi: f64::INFINITY,
        hi_inclusive: true,
    };

    /// Whether `x` lies inside.
    #[inline]
    pub fn contains(&self, x: f64) -> bool {
        let above = x > self.lo || (self.lo_inclusive && x == self.lo);
        let below = x < self.hi || (self.hi_inclusive && x == self.hi);
        above && below
    }

    /// Whether no number can lie inside.
    pub fn is_empty(&self) -> bool {
        self.lo > self.hi || (self.lo == self.hi && !(self.lo_inclusive && self.hi_inclusive))
    }

    /// Three-valued test of an unknown number known to lie in `[min, max]`.
    #[inline]
    pub fn test_interval(&self, min: f64, max: f64) -> Tri {
        if self.contains(min) && self.contains(max) {
            Tri::True
        } else if max < self.lo
            || (max == self.lo && !self.lo_inclusive)
            || min > self.hi
            || (min == self.hi && !self.hi_inclusive)
        {
            Tri::False
        } else {
            Tri::Unknown
        }
    }

    /// The part of this range that also lies in `other`.
    pub fn intersect(&self, other: &NumRange) -> NumRange {
        let (lo, lo_inclusive) = if other.lo > self.lo {
            (other.lo, other.lo_inclusive)
        } else if other.lo < self.lo {
            (self.lo, self.lo_inclusive)
        } else {
            (self.lo, self.lo_inclusive && other.lo_inclusive)
        };
        let (hi, hi_inclusive) = if other.hi < self.hi {
            (other.hi, other.hi_inclusive)
        } else if other.hi > self.hi {
            (self.hi, self.hi_inclusive)
        } else {
            (self.hi, self.hi_inclusive && other.hi_inclusive)
        };
        NumRange {
            lo,
            lo_inclusive,
            hi,
            hi_inclusive,
        }
    }
}

impl Cond {
    /// Calls `f` on every question, fact and score this condition reads, directly.
    pub fn visit_refs(&self, f: &mut impl FnMut(Ref)) {
        match self {
            Cond::Always => {}
            Cond::All(parts) | Cond::Any(parts) | Cond::AtLeast(_, parts) => parts.iter().for_each(|p| p.visit_refs(f)),
            Cond::Not(inner) => inner.visit_refs(f),
            Cond::Question(q, _) => f(Ref::Question(*q)),
            Cond::Fact(x) => f(Ref::Fact(*x)),
            Cond::Score(s, _) => f(Ref::Score(*s)),
        }
    }
}

/// Something a condition reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ref {
    /// A question (its applicability and answer).
    Question(usize),
    /// A derived fact.
    Fact(usize),
    /// A score.
    Score(usize),
}
#[cfg(test)]
mod tests {
    use super::*;

    fn range(lo: f64, lo_inclusive: bool, hi: f64, hi_inclusive: bool) -> NumRange {
        NumRange {
            lo,
            lo_inclusive,
            hi,
            hi_inclusive,
        }
    }

    #[test]
    fn range_ends_respect_inclusivity() {
        let r = range(18.0, true, 26.0, false);
        assert!(r.contains(18.0));
        assert!(r.contains(25.9));
        assert!(!r.contains(26.0));
        assert!(!r.contains(17.99));
        assert!(range(3.0, true, 3.0, false).is_empty());
        assert!(!range(3.0, true, 3.0, true).is_empty());
    }

    #[test]
    fn interval_test_is_unknown_only_when_both_outcomes_remain() {
        let r = range(13.0, true, 18.0, true);
        assert_eq!(r.test_interval(14.0, 17.0), Tri::True);
        assert_eq!(r.test_interval(0.0, 12.0), Tri::False);
        assert_eq!(r.test_interval(19.0, 32.0), Tri::False);
        assert_eq!(r.test_interval(10.0, 14.0), Tri::Unknown);
        assert_eq!(range(5.0, false, 9.0, true).test_interval(0.0, 5.0), Tri::False);
    }

    #[test]
    fn intersection_keeps_the_tighter_end() {
        let a = range(18.0, true, f64::INFINITY, true);
        let b = range(f64::NEG_INFINITY, true, 26.0, false);
        assert_eq!(a.intersect(&b), range(18.0, true, 26.0, false));
        let c = range(18.0, false, 20.0, true);
        assert_eq!(a.intersect(&c), range(18.0, false, 20.0, true));
    }
}
