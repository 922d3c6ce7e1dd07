//! The headline of a result, and what could still change a provisional one: the words
//! every format (text, Markdown, HTML, the interview's ending, batch) prints, made in one
//! place so that no format can headline an incomplete result with a bare verdict.

use super::{Context, Outcome, Screening};
use crate::audience::Audience;
use crate::i18n::Words;
use crate::rulebook::{Rulebook, Verdict};
use crate::tr;
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
    pub fn range(&self, words: Words) -> String {
        let (from, to) = (self.result.verdict, self.worst.verdict);
        if to > from {
            tr!(
                words,
                "report-range",
                from = &words::verdict_label(words, from),
                to = &words::verdict_label(words, to)
            )
        } else {
            words::verdict_label(words, from)
        }
    }

    /// The headline in words: the bare verdict label for a complete result; for a
    /// provisional one, "Not complete: SUITABLE to UNSUITABLE, depending on 4 unanswered
    /// questions".
    pub fn text(&self, words: Words) -> String {
        if self.is_complete() {
            return words::verdict_label(words, self.result.verdict);
        }
        let count = self.questions;
        let range = self.range(words);
        if self.worst.verdict > self.result.verdict {
            tr!(words, "report-headline-range", range = &range, count = count)
        } else if self.worst.ink != self.result.ink {
            tr!(
                words,
                "report-headline-ink",
                range = &range,
                ink = &words::ink_short(words, self.result.ink),
                worst_ink = &words::ink_short(words, self.worst.ink),
                count = count
            )
        } else {
            tr!(words, "report-headline-same", range = &range, count = count)
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

/// The short names of questions, in asking order, joined with commas and a final "and"
/// (or "or" when `or`).
fn question_names(words: Words, rulebook: &Rulebook, ids: &[&str], or: bool) -> String {
    let mut ids: Vec<&str> = ids.to_vec();
    ids.sort_by_key(|id| rulebook.question_index(id));
    ids.dedup();
    let names: Vec<&str> = ids
        .iter()
        .map(|id| rulebook.question(id).map_or(*id, |q| q.short.as_str()))
        .collect();
    words::list(words, &names, or)
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
    let w = rb.words();
    let lines = s.pending[..shown]
        .iter()
        .map(|p| {
            let give = p.would_give;
            let verdict_changes = give.verdict > s.verdict;
            let ink_changes = give.ink != s.ink && give.verdict != Verdict::Unsuitable;
            let ink = &words::ink_name(w, give.ink, s.audience);
            let verdict = &words::verdict_label(w, give.verdict);
            let questions = &question_names(w, rb, &p.decided_by, false);
            let (rule, title) = (p.rule, p.title);
            match (consultant, verdict_changes, ink_changes) {
                (true, true, true) => tr!(
                    w,
                    "report-pending-consultant-both",
                    rule = rule,
                    title = title,
                    verdict = verdict,
                    ink = ink,
                    questions = questions
                ),
                (true, true, false) => tr!(
                    w,
                    "report-pending-consultant-verdict",
                    rule = rule,
                    title = title,
                    verdict = verdict,
                    questions = questions
                ),
                (true, false, _) => tr!(
                    w,
                    "report-pending-consultant-ink",
                    rule = rule,
                    title = title,
                    ink = ink,
                    questions = questions
                ),
                (false, true, true) => tr!(
                    w,
                    "report-pending-patient-both",
                    title = title,
                    verdict = verdict,
                    ink = ink,
                    questions = questions
                ),
                (false, true, false) => tr!(
                    w,
                    "report-pending-patient-verdict",
                    title = title,
                    verdict = verdict,
                    questions = questions
                ),
                (false, false, _) => tr!(
                    w,
                    "report-pending-patient-ink",
                    title = title,
                    ink = ink,
                    questions = questions
                ),
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
        let hinges = &question_names(w, rb, &physician_ids, true);
        if consultant {
            tr!(w, "report-physician-consultant", questions = hinges)
        } else {
            tr!(w, "report-physician-patient", questions = hinges)
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
        let en = Words::english();
        let h = Headline::new(
            outcome(Verdict::Caution, Ink::Temporary),
            outcome(Verdict::Caution, Ink::Temporary),
            false,
            0,
        );
        assert_eq!(h.text(en), "CAUTION");
        assert_eq!(h.range(en), "CAUTION");
    }

    #[test]
    fn a_provisional_result_names_both_ends_and_the_questions() {
        let en = Words::english();
        let h = Headline::new(
            outcome(Verdict::Suitable, Ink::Either),
            outcome(Verdict::Unsuitable, Ink::None),
            true,
            4,
        );
        assert_eq!(
            h.text(en),
            "Not complete: SUITABLE to UNSUITABLE, depending on 4 unanswered questions"
        );
        let one = Headline { questions: 1, ..h };
        assert!(one.text(en).ends_with("depending on 1 unanswered question"));
        let ink = Headline::new(
            outcome(Verdict::Caution, Ink::Either),
            outcome(Verdict::Caution, Ink::Temporary),
            true,
            2,
        );
        assert_eq!(
            ink.text(en),
            "Not complete: CAUTION, ink either or temporary, depending on 2 unanswered questions"
        );
        let same = Headline::new(
            outcome(Verdict::Caution, Ink::Either),
            outcome(Verdict::Caution, Ink::Either),
            true,
            3,
        );
        assert!(same.text(en).starts_with("Not complete: CAUTION whatever the answers"));
        for h in [h, one, ink, same] {
            assert!(h.text(en).starts_with("Not complete"), "{}", h.text(en));
        }
    }

    #[test]
    fn the_headline_counts_questions_in_each_language() {
        let h = Headline::new(
            outcome(Verdict::Suitable, Ink::Either),
            outcome(Verdict::Refer, Ink::Either),
            true,
            1,
        );
        let many = Headline { questions: 3, ..h };
        let (it, es) = (Words::new("it"), Words::new("es"));
        assert_eq!(
            h.text(it),
            "Non completo: da IDONEO a INVIO AL MEDICO, a seconda di 1 domanda senza risposta"
        );
        assert_eq!(
            many.text(it),
            "Non completo: da IDONEO a INVIO AL MEDICO, a seconda di 3 domande senza risposta"
        );
        assert_eq!(
            h.text(es),
            "Incompleto: de APTO a DERIVAR AL MÉDICO, según 1 pregunta sin responder"
        );
        assert_eq!(
            many.text(es),
            "Incompleto: de APTO a DERIVAR AL MÉDICO, según 3 preguntas sin responder"
        );
        let same = Headline::new(
            outcome(Verdict::Caution, Ink::Either),
            outcome(Verdict::Caution, Ink::Either),
            true,
            1,
        );
        assert!(
            same.text(it).contains("1 domanda senza risposta potrebbe"),
            "{}",
            same.text(it)
        );
        assert!(
            Headline { questions: 2, ..same }
                .text(it)
                .contains("2 domande senza risposta potrebbero")
        );
        assert!(
            same.text(es).contains("1 pregunta sin responder podría"),
            "{}",
            same.text(es)
        );
        assert!(
            Headline { questions: 2, ..same }
                .text(es)
                .contains("2 preguntas sin responder podrían")
        );
        let done = Headline::new(
            outcome(Verdict::Caution, Ink::Temporary),
            outcome(Verdict::Caution, Ink::Temporary),
            false,
            0,
        );
        assert_eq!(done.text(it), "CAUTELA");
        assert_eq!(done.text(es), "PRECAUCIÓN");
    }
}
