//! The plain interview: numbered lines, typed answers, each answer echoed. No cursor
//! movement, no colour, no redraw and no hidden cursor, so it works with a screen reader,
//! a braille display, a serial console or a pipe (`printf '1\n38\n' | smp-screen --plain`).
//!
//! The questions and their order come from the same state machine as the drawn
//! interview; only the way they are put differs.

use super::questions::{self, BACK};
use smp_screen::answers::{Slot, Value};
use smp_screen::audience::Audience;
use smp_screen::describe::DONT_KNOW;
use smp_screen::interview::{Asker, Prompt, Reply, ReviewReply, Session};
use smp_screen::report::wrap;
use smp_screen::rulebook::{Question, QuestionKind, Rulebook};
use smp_screen::sanitize;
use std::io::{self, BufRead, Write};
use std::path::PathBuf;

/// Longest line read as one answer; anything longer is an invalid answer, not memory.
const MAX_LINE: u64 = 4096;

/// Asks questions as numbered lines on any pair of streams.
pub struct PlainAsker<R, W> {
    input: R,
    out: W,
    audience: Audience,
    width: usize,
    draft: Option<PathBuf>,
    read_by: Vec<Vec<usize>>,
}

/// What a line typed at a question means.
enum Typed {
    Text(String),
    /// The input ended.
    End,
}

impl<R: BufRead, W: Write> PlainAsker<R, W> {
    /// A plain asker reading answers from `input` and writing to `out`.
    pub fn new(input: R, out: W, audience: Audience, width: usize) -> PlainAsker<R, W> {
        PlainAsker {
            input,
            out,
            audience,
            width: width.max(20),
            draft: None,
            read_by: Vec::new(),
        }
    }

    /// Who is at the keyboard.
    pub fn audience(&self) -> Audience {
        self.audience
    }

    /// Says where the draft is kept, for the question asked before leaving.
    pub fn set_draft(&mut self, draft: Option<PathBuf>) {
        self.draft = draft;
    }

    /// Shows under each question which rules read it.
    pub fn explain(&mut self, rulebook: &Rulebook) {
        self.read_by = (0..rulebook.questions.len())
            .map(|q| rulebook.read_by(q).to_vec())
            .collect();
    }

    /// Writes `text` wrapped to the width.
    pub fn say(&mut self, text: &str, first: &str, rest: &str) -> io::Result<()> {
        writeln!(self.out, "{}", wrap(text, self.width, first, rest))
    }

    /// Writes lines as they are.
    pub fn lines(&mut self, lines: &[String]) -> io::Result<()> {
        for line in lines {
            writeln!(self.out, "{line}")?;
        }
        self.out.flush()
    }

    fn blank(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    fn read(&mut self, ask: &str) -> io::Result<Typed> {
        self.say(ask, "", "")?;
        self.out.flush()?;
        let mut line = Vec::new();
        let n = io::Read::take(&mut self.input, MAX_LINE).read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(Typed::End);
        }
        let text = String::from_utf8_lossy(&line);
        Ok(Typed::Text(text.trim().to_owned()))
    }

    /// Asks to pick one of `items` by number; `None` when the input ends.
    pub fn pick(&mut self, title: &str, items: &[&str]) -> io::Result<Option<usize>> {
        self.say(title, "", "")?;
        for (i, item) in items.iter().enumerate() {
            self.say(item, &format!("  {}. ", i + 1), "     ")?;
        }
        loop {
            let Typed::Text(text) = self.read("Type a number and press Enter:")? else {
                return Ok(None);
            };
            match text.parse::<usize>() {
                Ok(n) if (1..=items.len()).contains(&n) => {
                    self.say(&format!("Chose: {}", items[n - 1]), "", "")?;
                    self.blank()?;
                    return Ok(Some(n - 1));
                }
                _ => self.say(&format!("Please type a number from 1 to {}.", items.len()), "", "")?,
            }
        }
    }

    /// Asks for a line of text; `None` when the input ends.
    pub fn line(&mut self, ask: &str) -> io::Result<Option<String>> {
        Ok(match self.read(ask)? {
            Typed::Text(t) => Some(t),
            Typed::End => None,
        })
    }

    /// Asks whether to leave; true to leave (also when the input has ended).
    fn leave(&mut self) -> io::Result<bool> {
        let ask = questions::leave_question(self.draft.as_deref());
        Ok(
            match self.read(&format!("{ask} Type y to leave, or Enter to go on:"))? {
                Typed::Text(t) => matches!(t.to_ascii_lowercase().as_str(), "y" | "yes"),
                Typed::End => true,
            },
        )
    }

    fn show_answers(&mut self, session: &Session) -> io::Result<()> {
        let rb = session.rulebook();
        let items = session.review_items();
        if items.is_empty() {
            return self.say("No answers yet.", "", "");
        }
        self.say("Your answers so far:", "", "")?;
        for q in items {
            let question = &rb.questions[q];
            let words = questions::answer_words(question, session.answers().slot(q), self.audience);
            self.say(
                &format!("{}: {words}", sanitize::one_line(&question.short)),
                "  ",
                "    ",
            )?;
        }
        Ok(())
    }

    /// The options offered, as (label, reply) pairs for a single choice or yes/no.
    fn choices(&self, question: &Question, prompt: &Prompt) -> Vec<(String, Slot)> {
        match question.kind {
            QuestionKind::YesNo => vec![
                ("Yes".to_owned(), Slot::Given(Value::Bool(true))),
                ("No".to_owned(), Slot::Given(Value::Bool(false))),
            ],
            _ => prompt
                .options
                .iter()
                .map(|&i| {
                    (
                        questions::label(question, i, self.audience),
                        Slot::Given(Value::Choice(i as u16)),
                    )
                })
                .collect(),
        }
    }

    fn put(&mut self, session: &Session, question: &Question, prompt: &Prompt, labels: &[String]) -> io::Result<()> {
        self.say(&questions::header(question, prompt), "", "")?;
        self.say(question.prompt_for(self.audience), "", "")?;
        self.say(question.help_for(self.audience), "  ", "  ")?;
        if let Some(readers) = self.read_by.get(prompt.question).filter(|r| !r.is_empty()) {
            let rules = session.rulebook();
            let titles: Vec<&str> = readers.iter().map(|&r| rules.rules[r].title.as_str()).collect();
            self.say(&format!("Read by: {}", titles.join("; ")), "  ", "  ")?;
        }
        for (i, label) in labels.iter().enumerate() {
            let first = format!("  {}. ", i + 1);
            let rest = " ".repeat(first.chars().count());
            self.say(label, &first, &rest)?;
        }
        self.say(DONT_KNOW, "  ?  ", "     ")?;
        if prompt.can_go_back {
            self.say(BACK, "  <  ", "     ")?;
        }
        let earlier = match prompt.previous {
            Slot::Missing => None,
            slot => Some(questions::answer_words(question, &slot, self.audience)),
        };
        if let Some(words) = earlier {
            self.say(&format!("Earlier answer: {words}. Press Enter to keep it."), "", "")?;
        }
        Ok(())
    }

    fn instruction(&self, question: &Question, count: usize) -> String {
        let what = match question.kind {
            QuestionKind::Multiple => {
                format!("Type the numbers of every answer that applies (1 to {count}), separated by spaces or commas")
            }
            QuestionKind::Number => format!("Type {}", smp_screen::answers::expected(question)),
            _ => format!("Type the number of your answer (1 to {count})"),
        };
        format!("{what}; ? for \"{DONT_KNOW}\", < to go back, r to review, q to leave:")
    }

    /// Reads an answer to `question` until one is valid.
    fn answer(&mut self, session: &Session, question: &Question, prompt: &Prompt) -> io::Result<Reply> {
        let choices = self.choices(question, prompt);
        let labels: Vec<String> = match question.kind {
            QuestionKind::Number => Vec::new(),
            _ => choices.iter().map(|(l, _)| l.clone()).collect(),
        };
        self.put(session, question, prompt, &labels)?;
        let ask = self.instruction(question, labels.len());
        loop {
            let text = match self.read(&ask)? {
                Typed::End => return Ok(Reply::Cancel),
                Typed::Text(t) => t,
            };
            let reply = match text.as_str() {
                "" if prompt.previous != Slot::Missing => Ok(Reply::Answer(prompt.previous)),
                "" => Err("Nothing typed.".to_owned()),
                "?" => Ok(Reply::Answer(Slot::DontKnow)),
                "<" if prompt.can_go_back => Ok(Reply::Back),
                "<" => Err("This is the first question: there is nothing to go back to.".to_owned()),
                "r" | "R" => {
                    self.show_answers(session)?;
                    continue;
                }
                "q" | "Q" => {
                    if self.leave()? {
                        return Ok(Reply::Cancel);
                    }
                    continue;
                }
                typed => self.interpret(question, prompt, &choices, typed),
            };
            match reply {
                Ok(reply) => {
                    if let Reply::Answer(slot) = &reply {
                        let words = questions::answer_words(question, slot, self.audience);
                        self.say(&format!("Chose: {words}"), "", "      ")?;
                    }
                    self.blank()?;
                    return Ok(reply);
                }
                Err(message) => {
                    self.say(&message, "", "")?;
                    if !labels.is_empty() {
                        self.say("The choices are:", "", "")?;
                        for (i, label) in labels.iter().enumerate() {
                            self.say(label, &format!("  {}. ", i + 1), "     ")?;
                        }
                    }
                }
            }
        }
    }

    fn interpret(
        &self,
        question: &Question,
        prompt: &Prompt,
        choices: &[(String, Slot)],
        typed: &str,
    ) -> Result<Reply, String> {
        let numbers = || -> Result<Vec<usize>, String> {
            let parts: Vec<&str> = typed
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|p| !p.is_empty())
                .collect();
            let mut picked = Vec::new();
            for part in parts {
                match part.parse::<usize>() {
                    Ok(n) if (1..=choices.len()).contains(&n) => {
                        if !picked.contains(&(n - 1)) {
                            picked.push(n - 1);
                        }
                    }
                    _ => {
                        return Err(format!(
                            "\"{}\" is not one of the choices: type a number from 1 to {}.",
                            sanitize::one_line(part),
                            choices.len()
                        ));
                    }
                }
            }
            Ok(picked)
        };
        match question.kind {
            QuestionKind::Number => questions::number_reply(question, typed),
            QuestionKind::Multiple => {
                let mut picked = numbers()?;
                picked.sort_unstable();
                questions::multi_reply(question, prompt, &picked, self.audience)
            }
            _ => {
                let picked = numbers()?;
                match picked.as_slice() {
                    [one] => Ok(Reply::Answer(choices[*one].1)),
                    _ => Err(format!("Type one number from 1 to {}.", choices.len())),
                }
            }
        }
    }
}

impl<R: BufRead, W: Write> Asker for PlainAsker<R, W> {
    fn ask(&mut self, session: &Session, prompt: &Prompt) -> io::Result<Reply> {
        let question = &session.rulebook().questions[prompt.question];
        self.answer(session, question, prompt)
    }

    fn review(&mut self, session: &Session) -> io::Result<ReviewReply> {
        let rb = session.rulebook();
        let items = session.review_items();
        self.say("Review your answers.", "", "")?;
        self.say("  0. All correct: show the result", "", "     ")?;
        for (n, &q) in items.iter().enumerate() {
            let question = &rb.questions[q];
            let words = questions::answer_words(question, session.answers().slot(q), self.audience);
            let first = format!("  {}. ", n + 1);
            let rest = " ".repeat(first.chars().count());
            self.say(
                &format!("{}: {words}", sanitize::one_line(&question.short)),
                &first,
                &rest,
            )?;
        }
        let ask = format!(
            "Type 0 to see the result, a number from 1 to {} to change that answer, < to go back to the last question, q to leave:",
            items.len()
        );
        loop {
            let text = match self.read(&ask)? {
                Typed::End => return Ok(ReviewReply::Cancel),
                Typed::Text(t) => t,
            };
            match text.as_str() {
                "0" | "" => {
                    self.blank()?;
                    return Ok(ReviewReply::Confirm);
                }
                "<" => return Ok(ReviewReply::Back),
                "q" | "Q" => {
                    if self.leave()? {
                        return Ok(ReviewReply::Cancel);
                    }
                }
                t => match t.parse::<usize>() {
                    Ok(n) if (1..=items.len()).contains(&n) => {
                        self.blank()?;
                        return Ok(ReviewReply::Edit(items[n - 1]));
                    }
                    _ => self.say(&format!("Please type a number from 0 to {}.", items.len()), "", "")?,
                },
            }
        }
    }

    fn offer_stop(&mut self, session: &Session, reasons: &[usize]) -> io::Result<bool> {
        let rb = session.rulebook();
        self.say("SMP is not advisable now, whatever the remaining answers:", "", "")?;
        for &r in reasons {
            let rule = &rb.rules[r];
            let text = match self.audience {
                Audience::Patient => rule.summary_or_title().to_owned(),
                Audience::Consultant => format!("[{}] {}", rule.id, rule.title),
            };
            self.say(&text, "  - ", "    ")?;
        }
        let chosen = self.pick(
            "What now?",
            &[
                "Stop here and see the result",
                "Continue, for a complete record of risks and advice",
            ],
        )?;
        Ok(chosen != Some(1))
    }
}
