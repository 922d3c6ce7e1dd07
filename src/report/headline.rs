//! The headline of a result, and what could still change a provisional one: the words
//! every format (text, Markdown, HTML, the interview's ending, batch) prints, made in one
//! place so that no format can headline an incomplete result with a bare verdict.

use super::{Context, Outcome, Screening};
use crate::audience::Audience;
use crate::rulebook::{Rulebook, Verdict};
use crate::words;

/// What a headline says: the result, how bad it could still get, and on how many
/// unanswered questions that depends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Headline {
    /// Verdict and ink from the rules that fired.
    pub result: Outcome,
    /// Verdict and ink if every undecided rule fired.
    pub worst: Outcome,
    /// Whether any rule is undecided.
    pub provisional: bool,
    /// The unanswered questions the range depends on (see `pending_questions`).
    pub questions: usize,
}

impl Headline {
    /// A headline from its parts.
    pub fn new(result: Outcome, worst: Outcome, provisional: bool, questions: usize) -> Headline {
        Headline {
            result,
            worst,
            provisional,
            questions,
        }
    }

    /// The headline of a screening.
    pub fn of(s: &Screening, rulebook: &Rulebook) -> Headline {
        let mut ids: Vec<&str> = if s.pending.is_empty() {
            s.possible.iter().flat_map(|p| p.decided_by.iter().copied()).collect()
        } else {
            s.pending.iter().flat_map(|p| p.decided_by.iter().copied()).collect()
        };
        ids.sort_by_key(|id| rulebook.question_index(id));
        ids.dedup();
        Headline::new(
            Outcome {
                verdict: s.verdict,
                ink: s.ink,
            },
            s.worst_case,
            s.provisional,
            ids.len(),
        )
    }

    /// Whether only the verdict may be shown: nothing is undecided.
    pub fn is_complete(&self) -> bool {
        !self.provisional
    }

    /// The verdicts the result can still take: "SUITABLE to UNSUITABLE", or one label
    /// when the verdict cannot change.
    pub fn range(&self) -> String {
        let (from, to) = (self.result.verdict, self.worst.verdict);
        if to > from {
            format!("{} to {}", words::verdict_label(from), words::verdict_label(to))
        } else {
            words::verdict_label(from).to_owned()
        }
    }

    /// The headline in words: the bare verdict label for a complete result; for a
    /// provisional one, "Not complete: SUITABLE to UNSUITABLE, depending on 4 unanswered
    /// questions".
    pub fn text(&self) -> String {
        if self.is_complete() {
            return words::verdict_label(self.result.verdict).to_owned();
        }
        let n = self.questions;
        let questions = format!("{n} unanswered question{}", if n == 1 { "" } else { "s" });
        if self.worst.verdict > self.result.verdict {
            format!("Not complete: {}, depending on {questions}", self.range())
        } else if self.worst.ink != self.result.ink {
            format!(
                "Not complete: {}, ink {} or {}, depending on {questions}",
                self.range(),
                self.result.ink.as_str(),
                self.worst.ink.as_str()
            )
        } else {
            format!(
                "Not complete: {} whatever the answers, but {questions} could still add risks or advice",
                self.range()
            )
        }
    }
}

/// Most reasons listed under "what could still change it" before "and N more".
pub const MAX_PENDING_SHOWN: usize = 6;

/// What could still change a provisional result, by reason, in the reader's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingWords {
    /// One line per undecided rule that would change the verdict or ink, most severe
    /// first, at most [`MAX_PENDING_SHOWN`] unless everything is asked for.
    pub lines: Vec<String>,
    /// How many more there are than shown.
    pub more: usize,
    /// "See a physician first…", only when an undecided rule would give `refer`, naming
    /// the answers it hinges on.
    pub physician: Option<String>,
}

/// The short names of questions, in asking order, joined with commas and a final "or".
fn question_names(rulebook: &Rulebook, ids: &[&str], last: &str) -> String {
    let mut ids: Vec<&str> = ids.to_vec();
    ids.sort_by_key(|id| rulebook.question_index(id));
    ids.dedup();
    let names: Vec<&str> = ids
        .iter()
        .map(|id| rulebook.question(id).map_or(*id, |q| q.short.as_str()))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., final_one] => format!("{} {last} {final_one}", rest.join(", ")),
    }
}

/// The reasons a provisional result could still change; `None` for a complete result or
/// when no undecided rule would change the verdict or the ink.
pub fn pending_words(cx: &Context) -> Option<PendingWords> {
    let s = cx.screening;
    if !s.provisional || s.pending.is_empty() {
        return None;
    }
    let rb = cx.rulebook;
    let consultant = s.audience == Audience::Consultant;
    let shown = if cx.explain {
        s.pending.len()
    } else {
        s.pending.len().min(MAX_PENDING_SHOWN)
    };
    let lines = s.pending[..shown]
        .iter()
        .map(|p| {
            let w = p.would_give;
            let verdict_changes = w.verdict > s.verdict;
            let ink_changes = w.ink != s.ink && w.verdict != Verdict::Unsuitable;
            let ink = words::ink_name(w.ink, s.audience);
            let questions = question_names(rb, &p.decided_by, "and");
            if consultant {
                let mut effect = Vec::new();
                if verdict_changes {
                    effect.push(words::verdict_label(w.verdict).to_owned());
                }
                if ink_changes {
                    effect.push(format!("ink {ink}"));
                }
                format!(
                    "[{}] {}: would give {}; decided by {questions}",
                    p.rule,
                    p.title,
                    effect.join(", ")
                )
            } else {
                let effect = match (verdict_changes, ink_changes) {
                    (true, true) => format!("could make the result {} with {ink}", words::verdict_label(w.verdict)),
                    (true, false) => format!("could make the result {}", words::verdict_label(w.verdict)),
                    _ => format!("could change the ink to {ink}"),
                };
                format!("{}: {effect}. It depends on your answer about {questions}.", p.title)
            }
        })
        .collect();
    let physician_ids: Vec<&str> = if s.verdict < Verdict::Refer {
        s.pending
            .iter()
            .filter(|p| p.verdict == Some(Verdict::Refer))
            .flat_map(|p| p.decided_by.iter().copied())
            .collect()
    } else {
        Vec::new()
    };
    let physician = (!physician_ids.is_empty()).then(|| {
        let hinges = question_names(rb, &physician_ids, "or");
        if consultant {
            format!(
                "See a physician first if the answer on {hinges} calls for it: medical clearance may be required, so do not treat until it is known."
            )
        } else {
            format!(
                "See a physician first if your answer about {hinges} gives a reason to. Until you know, do not go ahead."
            )
        }
    });
    Some(PendingWords {
        lines,
        more: s.pending.len() - shown,
        physician,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Ink;

    fn outcome(verdict: Verdict, ink: Ink) -> Outcome {
        Outcome { verdict, ink }
    }

    #[test]
    fn a_complete_result_is_its_bare_verdict() {
        let h = Headline::new(
            outcome(Verdict::Caution, Ink::Temporary),
            outcome(Verdict::Caution, Ink::Temporary),
            false,
            0,
        );
        assert_eq!(h.text(), "CAUTION");
        assert_eq!(h.range(), "CAUTION");
    }

    #[test]
    fn a_provisional_result_names_both_ends_and_the_questions() {
        let h = Headline::new(
            outcome(Verdict::Suitable, Ink::Either),
            outcome(Verdict::Unsuitable, Ink::None),
            true,
            4,
        );
        assert_eq!(
            h.text(),
            "Not complete: SUITABLE to UNSUITABLE, depending on 4 unanswered questions"
        );
        let one = Headline { questions: 1, ..h };
        assert!(one.text().ends_with("depending on 1 unanswered question"));
        let ink = Headline::new(
            outcome(Verdict::Caution, Ink::Either),
            outcome(Verdict::Caution, Ink::Temporary),
            true,
            2,
        );
        assert_eq!(
            ink.text(),
            "Not complete: CAUTION, ink either or temporary, depending on 2 unanswered questions"
        );
        let same = Headline::new(
            outcome(Verdict::Caution, Ink::Either),
            outcome(Verdict::Caution, Ink::Either),
            true,
            3,
        );
        assert!(same.text().starts_with("Not complete: CAUTION whatever the answers"));
        for h in [h, one, ink, same] {
            assert!(h.text().starts_with("Not complete"), "{}", h.text());
        }
    }
}
