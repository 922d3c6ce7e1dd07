//! The interview as a plain state machine over the engine: which question comes next,
//! going back, dropping answers that no longer apply, review and edits, and an offer to
//! stop early once SMP is certainly not advisable. It knows nothing of terminals: an
//! [`Asker`] puts each question to a person (or a script, in tests).

use crate::answers::{Answers, Slot};
use crate::engine::{Evaluation, Ref, Tri, evaluate};
use crate::rulebook::{Rulebook, Verdict};
use std::io;

/// What to do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    /// Put a question.
    Ask(Prompt),
    /// Every question that applies has been asked: show the answers for review.
    Review,
}

/// A question to put, with where the interview stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    /// The question's index in the rulebook.
    pub question: usize,
    /// Its number in this interview (1-based).
    pub number: usize,
    /// About how many questions the interview will have: those asked, plus those that
    /// certainly apply given the answers so far (skip logic may still add some).
    pub estimate: usize,
    /// The answer given before (after going back or when editing), to offer as default.
    pub previous: Slot,
    /// Whether there is a question to go back to.
    pub can_go_back: bool,
    /// Options of a choice question to offer (those whose `show_if` is not false).
    pub options: Vec<usize>,
    /// Whether the question was reopened from the review, to change its answer.
    pub changing: bool,
}

/// A person's reply to a question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reply {
    /// An answer (`Slot::DontKnow` for "I don't know").
    Answer(Slot),
    /// Go back to the previous question.
    Back,
    /// Leave the interview.
    Cancel,
}

/// A person's reply at the review.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ReviewReply {
    /// The answers are right: show the result.
    Confirm,
    /// Change the answer to this question.
    Edit(usize),
    /// Go back to the last question.
    Back,
    /// Leave the interview.
    Cancel,
}

/// Puts questions to someone.
pub trait Asker {
    /// Asks one question.
    fn ask(&mut self, session: &Session, prompt: &Prompt) -> io::Result<Reply>;
    /// Shows every answer and asks whether to confirm or change one.
    fn review(&mut self, session: &Session) -> io::Result<ReviewReply>;
    /// SMP is certainly not advisable now (for the reasons given): stop here?
    fn offer_stop(&mut self, session: &Session, reasons: &[usize]) -> io::Result<bool>;
}

/// How an interview ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Finish {
    /// With these answers.
    Done(Answers),
    /// Left before the end.
    Cancelled,
}

/// The state of one interview.
#[derive(Debug, Clone)]
pub struct Session<'a> {
    rulebook: &'a Rulebook,
    answers: Answers,
    asked: Vec<usize>,
    eval: Evaluation,
    stop_offered: bool,
    /// The question reopened from the review, until it is answered again.
    editing: Option<usize>,
}

impl<'a> Session<'a> {
    /// A new interview with no answers.
    pub fn new(rulebook: &'a Rulebook) -> Session<'a> {
        let answers = Answers::none_for(rulebook);
        let eval = evaluate(rulebook, &answers);
        Session {
            rulebook,
            answers,
            asked: Vec::new(),
            eval,
            stop_offered: false,
            editing: None,
        }
    }

    /// An interview that continues from earlier answers, given in the order they were
    /// asked: each is replayed as if typed again, so answers that no longer apply (the
    /// rulebook or an earlier answer changed) are dropped and their questions asked anew.
    /// Answers outside `order` are replayed after it, in rulebook order.
    pub fn resume(rulebook: &'a Rulebook, answers: &Answers, order: &[usize]) -> Session<'a> {
        let mut session = Session::new(rulebook);
        let rest = (0..rulebook.questions.len()).filter(|q| !order.contains(q));
        let order: Vec<usize> = order.iter().copied().chain(rest).collect();
        for q in order {
            if q >= answers.len() || matches!(answers.slot(q), Slot::Missing) {
                continue;
            }
            if session.eval.applies[q] != Tri::False {
                session.answer(q, *answers.slot(q));
            }
        }
        // An early stop is offered again, once, if it still holds.
        session
    }

    /// The rulebook.
    pub fn rulebook(&self) -> &'a Rulebook {
        self.rulebook
    }

    /// The answers so far.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The evaluation of the answers so far.
    pub fn evaluation(&self) -> &Evaluation {
        &self.eval
    }

    /// The questions asked so far, in the order asked.
    pub fn asked(&self) -> &[usize] {
        &self.asked
    }

    /// The next step: the first question in rulebook order that applies (or may) and has
    /// not been asked, or the review.
    pub fn step(&self) -> Next {
        let pending = |q: usize| self.eval.applies[q] != Tri::False && !self.asked.contains(&q);
        let Some(question) = (0..self.rulebook.questions.len()).find(|&q| pending(q)) else {
            return Next::Review;
        };
        // Counted: what certainly applies, and what may apply but can no longer be ruled
        // out (its skip logic reads only answered questions, say ones answered "don't
        // know"), since the interview asks both.
        let certain = (0..self.rulebook.questions.len())
            .filter(|&q| {
                pending(q)
                    && match self.eval.applies[q] {
                        Tri::True => true,
                        Tri::Unknown => self.settled(q, 0),
                        Tri::False => false,
                    }
            })
            .count();
        let env = self.eval.env(&self.answers);
        let options = self.rulebook.questions[question]
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.show_if.as_ref().is_none_or(|c| c.eval(&env) != Tri::False))
            .map(|(i, _)| i)
            .collect();
        Next::Ask(Prompt {
            question,
            number: self.asked.len() + 1,
            estimate: (self.asked.len() + certain).max(self.asked.len() + 1),
            previous: *self.answers.slot(question),
            can_go_back: !self.asked.is_empty(),
            options,
            changing: self.editing == Some(question),
        })
    }

    /// Whether a question's applicability can no longer change by answering the questions
    /// not yet asked: its skip logic reads only asked questions whose own applicability is
    /// settled. Facts and scores count as unsettled (they may read anything).
    fn settled(&self, q: usize, depth: usize) -> bool {
        let Some(cond) = &self.rulebook.questions[q].ask_if else {
            return true;
        };
        if depth > self.rulebook.questions.len() {
            return false;
        }
        let mut settled = true;
        cond.visit_refs(&mut |r| match r {
            Ref::Question(p) if self.asked.contains(&p) && self.settled(p, depth + 1) => {}
            _ => settled = false,
        });
        settled
    }

    /// Records an answer, then drops answers to questions that no longer apply.
    pub fn answer(&mut self, question: usize, slot: Slot) {
        self.answers.set(question, slot);
        if self.editing == Some(question) {
            self.editing = None;
        }
        self.asked.retain(|&q| q != question);
        self.asked.push(question);
        self.refresh();
    }

    /// Goes back one question; false when there is none.
    pub fn back(&mut self) -> bool {
        self.asked.pop().is_some()
    }

    /// Reopens a question for a new answer (from the review).
    pub fn edit(&mut self, question: usize) {
        self.asked.retain(|&q| q != question);
        self.editing = Some(question);
    }

    /// The answered questions in rulebook order, for the review.
    pub fn review_items(&self) -> Vec<usize> {
        let mut items = self.asked.clone();
        items.sort_unstable();
        items
    }

    /// Fired rules giving `unsuitable`, once, the first time there are any.
    fn stop_reasons(&mut self) -> Option<Vec<usize>> {
        if self.stop_offered || self.eval.result.verdict != Verdict::Unsuitable {
            return None;
        }
        self.stop_offered = true;
        Some(
            self.eval
                .fired()
                .filter(|&r| self.rulebook.rules[r].verdict == Some(Verdict::Unsuitable))
                .collect(),
        )
    }

    fn refresh(&mut self) {
        // Clearing an answer can make further questions stop applying, so repeat until
        // nothing changes; each round clears at least one answer, so this ends.
        loop {
            self.eval = evaluate(self.rulebook, &self.answers);
            let stale: Vec<usize> = (0..self.rulebook.questions.len())
                .filter(|&q| self.eval.applies[q] == Tri::False && !matches!(self.answers.slot(q), Slot::Missing))
                .collect();
            if stale.is_empty() {
                return;
            }
            for q in stale {
                self.answers.set(q, Slot::Missing);
                self.asked.retain(|&x| x != q);
            }
        }
    }
}

/// Runs an interview to the end, or until the person leaves.
pub fn run(rulebook: &Rulebook, asker: &mut dyn Asker) -> io::Result<Finish> {
    run_session(Session::new(rulebook), asker, &mut |_| Ok(()))
}

/// Runs an interview from `session` (new or resumed) to the end, calling `answered`
/// after every answer, before the next question is put (to keep a draft, say).
pub fn run_session(
    mut session: Session,
    asker: &mut dyn Asker,
    answered: &mut dyn FnMut(&Session) -> io::Result<()>,
) -> io::Result<Finish> {
    loop {
        match session.step() {
            Next::Ask(prompt) => match asker.ask(&session, &prompt)? {
                Reply::Answer(slot) => {
                    session.answer(prompt.question, slot);
                    answered(&session)?;
                    if let Some(reasons) = session.stop_reasons()
                        && asker.offer_stop(&session, &reasons)?
                    {
                        return Ok(Finish::Done(session.answers));
                    }
                }
                Reply::Back => {
                    session.back();
                    answered(&session)?;
                }
                Reply::Cancel => return Ok(Finish::Cancelled),
            },
            Next::Review => match asker.review(&session)? {
                ReviewReply::Confirm => return Ok(Finish::Done(session.answers)),
                ReviewReply::Edit(q) => session.edit(q),
                ReviewReply::Back => {
                    session.back();
                }
                ReviewReply::Cancel => return Ok(Finish::Cancelled),
            },
        }
    }
}

/// The questions an interview asks, in order, when a person gives exactly these answers
/// (a question they have no answer for is answered "don't know"), continuing past any
/// offer to stop early.
pub fn questions_asked(rulebook: &Rulebook, answers: &Answers) -> Vec<usize> {
    struct Replay<'b>(&'b Answers);
    impl Asker for Replay<'_> {
        fn ask(&mut self, _: &Session, prompt: &Prompt) -> io::Result<Reply> {
            Ok(Reply::Answer(match self.0.slot(prompt.question) {
                Slot::Missing => Slot::DontKnow,
                other => *other,
            }))
        }
        fn review(&mut self, _: &Session) -> io::Result<ReviewReply> {
            Ok(ReviewReply::Confirm)
        }
        fn offer_stop(&mut self, _: &Session, _: &[usize]) -> io::Result<bool> {
            Ok(false)
        }
    }
    let mut session = Session::new(rulebook);
    let mut replay = Replay(answers);
    while let Next::Ask(prompt) = session.step() {
        let Ok(Reply::Answer(slot)) = replay.ask(&session, &prompt) else {
            break;
        };
        session.answer(prompt.question, slot);
    }
    session.asked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Value;
    use crate::rulebook::Sources;
    use std::collections::VecDeque;

    const BOOK: &str = r#"{"rulebook": {"id": "t", "title": "T", "version": "1.0.0", "reviewed_by": "t",
        "reviewed_on": "2026-01-01", "review_due": "2099-01-01", "disclaimer": "d"},
      "questions": [
        {"id": "age", "kind": "number", "answer_is": "fact", "prompt": "Age?", "help": "h", "min": 0, "max": 120},
        {"id": "sex", "kind": "single", "answer_is": "fact", "prompt": "Sex?", "help": "h", "options": [{"value": "f", "label": "F"}, {"value": "m", "label": "M"}]},
        {"id": "scars", "kind": "multiple", "answer_is": "fact", "prompt": "Scars?", "help": "h", "options": [
          {"value": "none", "label": "None", "exclusive": true}, {"value": "strip", "label": "Strip"}]},
        {"id": "scar_age", "kind": "single", "answer_is": "fact", "prompt": "Scar age?", "help": "h", "ask_if": {"question": "scars", "contains": "strip"},
         "options": [{"value": "new", "label": "New"}, {"value": "old", "label": "Old"}]},
        {"id": "scar_colour", "kind": "single", "answer_is": "fact", "prompt": "Scar colour?", "help": "h", "ask_if": {"question": "scar_age", "equals": "old"},
         "options": [{"value": "red", "label": "Red"}, {"value": "pale", "label": "Pale"}]},
        {"id": "health", "kind": "multiple", "answer_is": "fact", "prompt": "Health?", "help": "h", "options": [
          {"value": "none", "label": "None", "exclusive": true},
          {"value": "pregnant", "label": "Pregnant", "show_if": {"not": {"question": "sex", "equals": "m"}}},
          {"value": "thinner", "label": "Blood thinner"}]},
        {"id": "last", "kind": "yes_no", "answer_is": "fact", "prompt": "Last?", "help": "h"}
      ],
      "advice": [{"id": "wait", "title": "Wait", "text": "t"}],
      "rules": [{"id": "pregnant", "title": "Pregnant", "when": {"question": "health", "contains": "pregnant"}, "verdict": "unsuitable", "advice": ["wait"]}]}"#;

    fn book() -> Rulebook {
        Rulebook::from_sources(Sources::from_text("t.json", BOOK)).unwrap()
    }

    /// Replies from a script, recording each question asked.
    struct Script {
        replies: VecDeque<Reply>,
        reviews: VecDeque<ReviewReply>,
        stop: bool,
        seen: Vec<(String, usize, usize, Vec<usize>)>,
        offered: usize,
    }

    impl Script {
        fn new(replies: Vec<Reply>, reviews: Vec<ReviewReply>) -> Script {
            Script {
                replies: replies.into(),
                reviews: reviews.into(),
                stop: false,
                seen: Vec::new(),
                offered: 0,
            }
        }
    }

    impl Asker for Script {
        fn ask(&mut self, s: &Session, p: &Prompt) -> io::Result<Reply> {
            let id = s.rulebook().questions[p.question].id.clone();
            self.seen.push((id, p.number, p.estimate, p.options.clone()));
            Ok(self.replies.pop_front().expect("script ran out of replies"))
        }
        fn review(&mut self, _: &Session) -> io::Result<ReviewReply> {
            Ok(self.reviews.pop_front().expect("script ran out of review replies"))
        }
        fn offer_stop(&mut self, _: &Session, reasons: &[usize]) -> io::Result<bool> {
            assert!(!reasons.is_empty());
            self.offered += 1;
            Ok(self.stop)
        }
    }

    fn given(v: Value) -> Reply {
        Reply::Answer(Slot::Given(v))
    }

    fn ids(script: &Script) -> Vec<&str> {
        script.seen.iter().map(|(id, ..)| id.as_str()).collect()
    }

    fn done(f: Finish) -> Answers {
        match f {
            Finish::Done(a) => a,
            Finish::Cancelled => panic!("cancelled"),
        }
    }

    #[test]
    fn skip_logic_asks_only_what_applies() {
        let rb = book();
        let mut script = Script::new(
            vec![
                given(Value::Number(40.0)),
                given(Value::Choice(1)),
                given(Value::Multi(1)),
                given(Value::Multi(1)),
                given(Value::Bool(false)),
            ],
            vec![ReviewReply::Confirm],
        );
        done(run(&rb, &mut script).unwrap());
        assert_eq!(ids(&script), ["age", "sex", "scars", "health", "last"]);
    }

    #[test]
    fn progress_estimates_shrink_as_skip_logic_resolves() {
        let rb = book();
        let mut script = Script::new(
            vec![
                given(Value::Number(40.0)),
                given(Value::Choice(1)),
                given(Value::Multi(1)),
                given(Value::Multi(1)),
                given(Value::Bool(false)),
            ],
            vec![ReviewReply::Confirm],
        );
        done(run(&rb, &mut script).unwrap());
        let progress: Vec<(usize, usize)> = script.seen.iter().map(|(_, n, e, _)| (*n, *e)).collect();
        // The estimate counts what certainly applies; the scar questions never did here.
        assert_eq!(progress, [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]);
        let mut strip = Script::new(
            vec![
                given(Value::Number(40.0)),
                given(Value::Choice(1)),
                given(Value::Multi(2)),
                given(Value::Choice(1)),
                given(Value::Choice(1)),
                given(Value::Multi(1)),
                given(Value::Bool(false)),
            ],
            vec![ReviewReply::Confirm],
        );
        done(run(&rb, &mut strip).unwrap());
        let progress: Vec<(usize, usize)> = strip.seen.iter().map(|(_, n, e, _)| (*n, *e)).collect();
        assert_eq!(
            progress,
            [(1, 5), (2, 5), (3, 5), (4, 6), (5, 7), (6, 7), (7, 7)],
            "the estimate grows as skip logic opens questions"
        );
    }

    #[test]
    fn options_that_cannot_apply_are_not_offered() {
        let rb = book();
        let mut script = Script::new(
            vec![
                given(Value::Number(40.0)),
                given(Value::Choice(1)),
                given(Value::Multi(1)),
                given(Value::Multi(1)),
                given(Value::Bool(false)),
            ],
            vec![ReviewReply::Confirm],
        );
        done(run(&rb, &mut script).unwrap());
        assert_eq!(script.seen[3].3, vec![0, 2], "no pregnancy option for a man");
    }

    #[test]
    fn going_back_drops_answers_that_no_longer_apply() {
        let rb = book();
        let mut script = Script::new(
            vec![
                given(Value::Number(40.0)),
                given(Value::Choice(0)),
                given(Value::Multi(0b10)), // strip scar
                given(Value::Choice(1)),   // old
                Reply::Back,               // from scar_colour back to scar_age
                Reply::Back,               // back to scars
                given(Value::Multi(0b01)), // now none
                given(Value::Multi(0b001)),
                given(Value::Bool(true)),
            ],
            vec![ReviewReply::Confirm],
        );
        let answers = done(run(&rb, &mut script).unwrap());
        assert_eq!(
            ids(&script),
            [
                "age",
                "sex",
                "scars",
                "scar_age",
                "scar_colour",
                "scar_age",
                "scars",
                "health",
                "last"
            ]
        );
        assert_eq!(
            *answers.slot(3),
            Slot::Missing,
            "scar_age was dropped once scars became none"
        );
        // Going back offers the earlier answer as the default.
        let mut s = Session::new(&rb);
        s.answer(0, Slot::Given(Value::Number(40.0)));
        s.answer(1, Slot::Given(Value::Choice(0)));
        assert!(s.back());
        let Next::Ask(p) = s.step() else { panic!() };
        assert_eq!((p.question, p.previous), (1, Slot::Given(Value::Choice(0))));
    }

    #[test]
    fn the_review_can_change_any_answer_and_asks_what_newly_applies() {
        let rb = book();
        let mut script = Script::new(
            vec![
                given(Value::Number(40.0)),
                given(Value::Choice(0)),
                given(Value::Multi(0b01)),
                given(Value::Multi(0b001)),
                given(Value::Bool(true)),
                given(Value::Multi(0b10)), // edit: scars → strip
                given(Value::Choice(0)),   // scar_age, newly applicable
                given(Value::Number(41.0)),
            ],
            vec![ReviewReply::Edit(2), ReviewReply::Edit(0), ReviewReply::Confirm],
        );
        let answers = done(run(&rb, &mut script).unwrap());
        assert_eq!(&ids(&script)[5..], ["scars", "scar_age", "age"]);
        assert_eq!(answers.value(3), Some(Value::Choice(0)));
        assert_eq!(answers.value(0), Some(Value::Number(41.0)));
    }

    #[test]
    fn dont_know_is_recorded_and_dependants_are_still_asked() {
        let rb = book();
        let mut script = Script::new(
            vec![
                given(Value::Number(40.0)),
                given(Value::Choice(0)),
                Reply::Answer(Slot::DontKnow),
                Reply::Answer(Slot::DontKnow),
                Reply::Answer(Slot::DontKnow),
                given(Value::Multi(0b001)),
                given(Value::Bool(true)),
            ],
            vec![ReviewReply::Confirm],
        );
        let answers = done(run(&rb, &mut script).unwrap());
        assert_eq!(
            ids(&script),
            ["age", "sex", "scars", "scar_age", "scar_colour", "health", "last"]
        );
        assert_eq!(*answers.slot(2), Slot::DontKnow);
    }

    #[test]
    fn an_early_stop_is_offered_once_when_smp_is_certainly_not_advisable() {
        let rb = book();
        let replies = vec![
            given(Value::Number(30.0)),
            given(Value::Choice(0)),
            given(Value::Multi(1)),
            given(Value::Multi(0b010)),
        ];
        let mut stop = Script::new(replies.clone(), vec![]);
        stop.stop = true;
        let answers = done(run(&rb, &mut stop).unwrap());
        assert_eq!(ids(&stop), ["age", "sex", "scars", "health"]);
        assert_eq!(answers.value(5), Some(Value::Multi(0b010)));
        let mut go_on = Script::new(
            [replies, vec![given(Value::Bool(true))]].concat(),
            vec![ReviewReply::Confirm],
        );
        done(run(&rb, &mut go_on).unwrap());
        assert_eq!((go_on.offered, ids(&go_on).len()), (1, 5));
    }

    #[test]
    fn cancelling_ends_without_answers() {
        let rb = book();
        let mut script = Script::new(vec![given(Value::Number(30.0)), Reply::Cancel], vec![]);
        assert_eq!(run(&rb, &mut script).unwrap(), Finish::Cancelled);
        let mut at_review = Script::new(
            vec![
                given(Value::Number(30.0)),
                given(Value::Choice(0)),
                given(Value::Multi(1)),
                given(Value::Multi(1)),
                given(Value::Bool(true)),
            ],
            vec![ReviewReply::Back, ReviewReply::Cancel],
        );
        at_review.replies.push_back(given(Value::Bool(false)));
        assert_eq!(run(&rb, &mut at_review).unwrap(), Finish::Cancelled);
        assert_eq!(
            ids(&at_review).last(),
            Some(&"last"),
            "back from the review re-asks the last question"
        );
    }

    #[test]
    fn a_replay_asks_in_order_and_skips_what_does_not_apply() {
        let rb = book();
        let answers = Answers::from_json(
            &rb,
            r#"{"age": 30, "sex": "f", "scars": ["strip"], "scar_age": "new", "health": ["none"], "last": true}"#,
        )
        .unwrap();
        let asked: Vec<&str> = questions_asked(&rb, &answers)
            .iter()
            .map(|&q| rb.questions[q].id.as_str())
            .collect();
        assert_eq!(asked, ["age", "sex", "scars", "scar_age", "health", "last"]);
    }

    #[test]
    fn the_estimate_counts_questions_a_dont_know_leaves_open() {
        let rb = book();
        let mut s = Session::new(&rb);
        s.answer(0, Slot::Given(Value::Number(40.0)));
        s.answer(1, Slot::Given(Value::Choice(0)));
        let Next::Ask(p) = s.step() else { panic!() };
        assert_eq!((p.number, p.estimate), (3, 5));
        // "Don't know" about scars: the scar age will be asked, whatever comes next.
        s.answer(2, Slot::DontKnow);
        let Next::Ask(p) = s.step() else { panic!() };
        assert_eq!((p.question, p.number, p.estimate), (3, 4, 6));
        s.answer(3, Slot::DontKnow);
        let Next::Ask(p) = s.step() else { panic!() };
        assert_eq!((p.question, p.number, p.estimate), (4, 5, 7));
    }

    #[test]
    fn a_review_edit_is_marked_as_changing_until_answered() {
        let rb = book();
        let mut s = Session::new(&rb);
        s.answer(0, Slot::Given(Value::Number(40.0)));
        s.answer(1, Slot::Given(Value::Choice(0)));
        let Next::Ask(p) = s.step() else { panic!() };
        assert!(!p.changing);
        s.edit(0);
        let Next::Ask(p) = s.step() else { panic!() };
        assert_eq!((p.question, p.changing), (0, true));
        s.answer(0, Slot::Given(Value::Number(41.0)));
        let Next::Ask(p) = s.step() else { panic!() };
        assert_eq!((p.question, p.changing), (2, false));
    }

    #[test]
    fn a_resumed_session_continues_where_it_stopped_and_drops_what_no_longer_applies() {
        let rb = book();
        let mut first = Session::new(&rb);
        first.answer(0, Slot::Given(Value::Number(40.0)));
        first.answer(1, Slot::Given(Value::Choice(0)));
        first.answer(2, Slot::Given(Value::Multi(0b10)));
        first.answer(3, Slot::Given(Value::Choice(1)));
        let resumed = Session::resume(&rb, first.answers(), first.asked());
        assert_eq!(resumed.asked(), first.asked());
        assert_eq!(resumed.step(), first.step());
        // A scar age without the strip scar that opens it is not kept.
        let mut answers = first.answers().clone();
        answers.set(2, Slot::Given(Value::Multi(0b01)));
        let resumed = Session::resume(&rb, &answers, &[0, 1, 2, 3]);
        assert_eq!(resumed.asked(), [0, 1, 2]);
        assert_eq!(*resumed.answers().slot(3), Slot::Missing);
        let Next::Ask(p) = resumed.step() else { panic!() };
        assert_eq!(p.question, 5);
    }
}
