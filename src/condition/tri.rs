//! Three-valued (Kleene) truth: a missing answer makes a test unknown, never false.

use serde::Serialize;

/// A truth value that may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    /// Definitely does not hold.
    False,
    /// Depends on answers not given.
    Unknown,
    /// Definitely holds.
    True,
}

impl Tri {
    /// Kleene conjunction: false wins, then unknown.
    #[inline]
    pub fn and(self, other: Tri) -> Tri {
        self.min(other)
    }

    /// Kleene disjunction: true wins, then unknown.
    #[inline]
    pub fn or(self, other: Tri) -> Tri {
        self.max(other)
    }

    /// Kleene negation: unknown stays unknown.
    #[inline]
    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Tri {
        match self {
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
            Tri::True => Tri::False,
        }
    }

    /// From a definite boolean.
    #[inline]
    pub fn from_bool(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }

    /// The identifier used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Tri::False => "false",
            Tri::Unknown => "unknown",
            Tri::True => "true",
        }
    }
}

/// Kleene conjunction of many parts: false as soon as one part is false (the rest are
/// not looked at), else unknown if any part is, else true.
#[inline]
pub fn all(parts: impl IntoIterator<Item = Tri>) -> Tri {
    let mut acc = Tri::True;
    for t in parts {
        acc = acc.and(t);
        if acc == Tri::False {
            break;
        }
    }
    acc
}

/// Kleene disjunction of many parts: true as soon as one part is true (the rest are not
/// looked at), else unknown if any part is, else false.
#[inline]
pub fn any(parts: impl IntoIterator<Item = Tri>) -> Tri {
    let mut acc = Tri::False;
    for t in parts {
        acc = acc.or(t);
        if acc == Tri::True {
            break;
        }
    }
    acc
}

/// Kleene count: true once `n` parts are true, false once fewer than `n` can still be,
/// unknown in between. Stops looking at parts as soon as the answer is settled.
#[inline]
pub fn at_least<I>(n: usize, parts: I) -> Tri
where
    I: IntoIterator<Item = Tri>,
    I::IntoIter: ExactSizeIterator,
{
    let parts = parts.into_iter();
    let len = parts.len();
    let (mut yes, mut maybe) = (0, 0);
    for (i, t) in parts.enumerate() {
        match t {
            Tri::True => yes += 1,
            Tri::Unknown => maybe += 1,
            Tri::False => {}
        }
        if yes >= n {
            return Tri::True;
        }
        // Even if every part still to come held, too few could.
        if yes + maybe + (len - i - 1) < n {
            return Tri::False;
        }
    }
    Tri::Unknown
}

#[cfg(test)]
mod tests {
    use super::Tri::{self, *};

    const ALL: [Tri; 3] = [False, Unknown, True];

    #[test]
    fn truth_tables_follow_kleene() {
        assert_eq!(True.and(Unknown), Unknown);
        assert_eq!(False.and(Unknown), False);
        assert_eq!(True.or(Unknown), True);
        assert_eq!(False.or(Unknown), Unknown);
        assert_eq!(Unknown.not(), Unknown);
        assert_eq!(True.not(), False);
    }

    #[test]
    fn operations_are_monotone_in_information() {
        // Replacing an unknown by either definite value never flips a definite result.
        let refines = |coarse: Tri, fine: Tri| coarse == Unknown || coarse == fine;
        for a in ALL {
            for b in ALL {
                for fa in ALL.into_iter().filter(|&x| refines(a, x)) {
                    for fb in ALL.into_iter().filter(|&x| refines(b, x)) {
                        assert!(refines(a.and(b), fa.and(fb)));
                        assert!(refines(a.or(b), fa.or(fb)));
                        assert!(refines(a.not(), fa.not()));
                    }
                }
            }
        }
    }

    #[test]
    fn many_part_helpers_agree_with_the_binary_operators() {
        for a in ALL {
            for b in ALL {
                for c in ALL {
                    assert_eq!(super::all([a, b, c]), a.and(b).and(c));
                    assert_eq!(super::any([a, b, c]), a.or(b).or(c));
                    assert_eq!(super::at_least(1, [a, b, c]), a.or(b).or(c));
                    assert_eq!(super::at_least(3, [a, b, c]), a.and(b).and(c));
                }
            }
        }
        assert_eq!(super::all([]), True);
        assert_eq!(super::any([]), False);
    }
}
