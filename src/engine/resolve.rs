//! From fired rules to one verdict and one ink.
//!
//! The verdict is the most severe any fired rule gives. The ink starts from both inks;
//! fired rules forbid some; preferences pick between what remains, and a preference for
//! the fading ink beats one for permanent ink because it can be undone. When rules forbid
//! both inks, a physician must decide: the verdict becomes at least `refer`.

use super::Tri;
use crate::rulebook::{InkKind, Rulebook, Verdict};

/// The ink recommendation: part of the rulebook's vocabulary (invariants name it), so it
/// lives there; the engine is where it is decided.
pub use crate::rulebook::Ink;

/// A resolved verdict and ink.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolution {
    /// The verdict.
    pub verdict: Verdict,
    /// The ink.
    pub ink: Ink,
    /// Whether the rules counted forbade both inks.
    pub ink_conflict: bool,
}

/// Resolves verdict and ink from the rules that fired (and, with `with_possible`, the
/// rules that might fire).
pub fn resolve(rulebook: &Rulebook, states: &[Tri], with_possible: bool) -> Resolution {
    let threshold = if with_possible { Tri::Unknown } else { Tri::True };
    let mut verdict = Verdict::Suitable;
    let (mut no_temporary, mut no_permanent) = (false, false);
    let (mut want_temporary, mut want_permanent) = (false, false);
    // Only rules with a verdict or an ink effect can change either.
    for &r in &rulebook.deciding_rules {
        if states[r] < threshold {
            continue;
        }
        let rule = &rulebook.rules[r];
        if let Some(v) = rule.verdict {
            verdict = verdict.max(v);
        }
        for ink in &rule.forbid {
            match ink {
                InkKind::Temporary => no_temporary = true,
                InkKind::Permanent => no_permanent = true,
            }
        }
        match rule.prefer {
            Some(InkKind::Temporary) => want_temporary = true,
            Some(InkKind::Permanent) => want_permanent = true,
            None => {}
        }
    }
    settle(verdict, [no_temporary, no_permanent], [want_temporary, want_permanent])
}

/// The policy itself, from what the counted rules add up to: the most severe verdict
/// among them, whether any forbids the fading and the permanent ink, and whether any
/// prefers either. [`resolve`] and the incremental tallies of what-if share it.
pub(super) fn settle(verdict: Verdict, forbid: [bool; 2], prefer: [bool; 2]) -> Resolution {
    let mut verdict = verdict;
    let [no_temporary, no_permanent] = forbid;
    let [want_temporary, want_permanent] = prefer;
    let ink_conflict = no_temporary && no_permanent;
    let ink = match (no_temporary, no_permanent) {
        // Both forbidden: the reversible ink is the least harmful placeholder, and the
        // verdict below sends the person to a physician before anything is done.
        (true, true) => Ink::Temporary,
        (false, true) => Ink::Temporary,
        (true, false) => Ink::Permanent,
        (false, false) if want_temporary => Ink::Temporary,
        (false, false) if want_permanent => Ink::Permanent,
        (false, false) => Ink::Either,
    };
    if ink_conflict {
        verdict = verdict.max(Verdict::Refer);
    }
    if verdict == Verdict::Unsuitable {
        return Resolution {
            verdict,
            ink: Ink::None,
            ink_conflict,
        };
    }
    Resolution {
        verdict,
        ink,
        ink_conflict,
    }
}
