//! What a person types to give a set of answers in the interview: the keys of the drawn
//! interview (tests/interview_pty.rs, tests/interview_languages.rs) and the lines of plain
//! mode (tests/interview_plain.rs, tests/interview_languages.rs). Both follow the
//! interview's own skip logic, so they ask exactly the questions the binary asks.

use smp_screen::answers::{Answers, Slot, Value};
use smp_screen::interview::{Next, Session};
use smp_screen::rulebook::{QuestionKind, Rulebook, Verdict};

/// The down-arrow key.
pub const DOWN: &str = "\x1b[B";
/// The enter key.
pub const ENTER: &str = "\r";

/// `n` times down, then enter: the `n`th entry of a list.
pub fn down(n: usize) -> String {
    DOWN.repeat(n) + ENTER
}

/// One line to type in plain mode, and whether it answers a question (so a draft holds
/// one more); the other kind goes on past an offer to stop early.
pub struct Line {
    /// The text typed.
    pub text: String,
    /// Whether it answers a question.
    pub answers: bool,
}

/// What is typed for question `q` to give `answers`: its answer, or "don't know" for a
/// missing one.
fn typed_slot(answers: &Answers, q: usize) -> Slot {
    match answers.slot(q) {
        Slot::Missing => Slot::DontKnow,
        s => *s,
    }
}

/// Walks the interview for `answers` from `session` (a missing answer is "don't know"):
/// `answer` gives what is typed for a question, `go_on` what is typed to continue past the
/// offer to stop early, so that the record is complete. The offer comes once a session,
/// as the interview makes it: a resumed interview makes it again, after its first answer,
/// if it still holds.
fn walk<T>(
    mut session: Session,
    answers: &Answers,
    answer: impl Fn(&[usize], &smp_screen::rulebook::Question, Slot) -> T,
    go_on: impl Fn() -> T,
) -> Vec<T> {
    let rulebook = session.rulebook();
    let mut typed = Vec::new();
    let mut offered = false;
    while let Next::Ask(prompt) = session.step() {
        let q = prompt.question;
        let slot = typed_slot(answers, q);
        typed.push(answer(&prompt.options, &rulebook.questions[q], slot));
        session.answer(q, slot);
        if !offered && session.evaluation().result.verdict == Verdict::Unsuitable {
            offered = true;
            typed.push(go_on());
        }
    }
    typed
}

/// The keys that give `answers` in the drawn interview ("?" for "don't know"), one string
/// per question (and one for going on past an offer to stop early).
pub fn drawn_keys(rulebook: &Rulebook, answers: &Answers) -> Vec<String> {
    let keys = |shown: &[usize], question: &smp_screen::rulebook::Question, slot: Slot| {
        let pos = |o: usize| shown.iter().position(|&x| x == o).unwrap();
        match slot {
            Slot::DontKnow | Slot::Missing => "?".to_owned(),
            Slot::Given(Value::Number(x)) => format!("{x}{ENTER}"),
            Slot::Given(Value::Bool(b)) => down(if b { 1 } else { 2 }),
            Slot::Given(Value::Choice(c)) => down(pos(usize::from(c)) + 1),
            Slot::Given(Value::Multi(m)) => {
                let mut k = String::new();
                let mut at: Option<usize> = None;
                for i in (0..question.options.len()).filter(|i| m & (1u64 << i) != 0) {
                    let p = pos(i);
                    let moves = match at {
                        None => p + 1,
                        Some(a) => p - a,
                    };
                    k += &DOWN.repeat(moves);
                    k += " ";
                    at = Some(p);
                }
                k + ENTER
            }
        }
    };
    walk(Session::new(rulebook), answers, keys, || down(2))
}

/// The lines that give `answers` in plain mode ("?" for "don't know"), the options of a
/// multiple choice by number joined with `separator` (plain mode takes ", " and " ").
pub fn plain_lines(rulebook: &Rulebook, answers: &Answers, separator: &str) -> Vec<Line> {
    plain_lines_from(Session::new(rulebook), answers, separator)
}

/// The lines a resumed interview asks for after the first `kept` answers of `answers`
/// were kept in a draft (and the interview left): the rest of `plain_lines`, with the
/// offer to stop early where the resumed interview makes it.
pub fn plain_lines_resumed(rulebook: &Rulebook, answers: &Answers, kept: usize, separator: &str) -> Vec<Line> {
    let mut fresh = Session::new(rulebook);
    while fresh.asked().len() < kept {
        let Next::Ask(prompt) = fresh.step() else {
            panic!("the interview for these answers asks fewer than {kept} questions");
        };
        fresh.answer(prompt.question, typed_slot(answers, prompt.question));
    }
    let resumed = Session::resume(rulebook, fresh.answers(), fresh.asked());
    plain_lines_from(resumed, answers, separator)
}

fn plain_lines_from(session: Session, answers: &Answers, separator: &str) -> Vec<Line> {
    let line = |shown: &[usize], question: &smp_screen::rulebook::Question, slot: Slot| {
        let number = |o: usize| shown.iter().position(|&x| x == o).unwrap() + 1;
        let text = match slot {
            Slot::DontKnow | Slot::Missing => "?".to_owned(),
            Slot::Given(Value::Choice(c)) => number(usize::from(c)).to_string(),
            Slot::Given(Value::Bool(b)) => if b { "1" } else { "2" }.to_owned(),
            Slot::Given(Value::Multi(m)) => (0..question.options.len())
                .filter(|i| m & (1u64 << i) != 0)
                .map(|i| number(i).to_string())
                .collect::<Vec<_>>()
                .join(separator),
            Slot::Given(Value::Number(x)) => x.to_string(),
        };
        // A number never reads as a list of options.
        assert!(question.kind != QuestionKind::Number || !text.contains([',', ' ']));
        Line { text, answers: true }
    };
    let go_on = || Line {
        text: "2".to_owned(),
        answers: false,
    };
    walk(session, answers, line, go_on)
}
