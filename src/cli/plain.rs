//! The plain interview: numbered lines, typed answers, each answer echoed. No cursor
//! movement, no colour, no redraw and no hidden cursor, so it works with a screen reader,
//! a braille display, a serial console or a pipe (`printf '1\n38\n' | smp-screen --plain`).
//!
//! The questions and their order come from the same state machine as the drawn
//! interview; only the way they are put differs.

use super::questions::{self, Intro};
use smp_screen::answers::{Slot, Value};
use smp_screen::audience::Audience;
use smp_screen::i18n::Words;
use smp_screen::interview::{Asker, Prompt, Reply, ReviewReply, Session};
use smp_screen::report::wrap;
use smp_screen::rulebook::{Question, QuestionKind, Rulebook};
use smp_screen::sanitize;
use smp_screen::tr;
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
    words: Words,
    /// The languages a consultant may still switch to with L, before the first answer.
    language_first: Option<Vec<(String, String)>>,
    /// The language chosen at the first question, to start again in.
    switch_to: Option<String>,
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
            words: Words::english(),
            language_first: None,
            switch_to: None,
        }
    }

    /// The first screen: the title, the rulebook and its disclaimer, how plain mode works
    /// and, for a patient, consent. `languages` (code, name in itself) are offered when
    /// there are several: L (or the entry's number) asks which.
    pub fn intro(&mut self, rulebook: &Rulebook, languages: &[(String, String)]) -> io::Result<Intro> {
        let words = self.words;
        self.say(&tr!(words, "interview-title"), "", "")?;
        self.say(&questions::rulebook_line(words, rulebook), "", "")?;
        self.say(&rulebook.identity.disclaimer, "", "")?;
        let switch = languages.len() > 1;
        if self.audience == Audience::Consultant {
            if switch {
                self.say(&tr!(words, "interview-plain-language"), "", "")?;
                self.language_first = Some(languages.to_vec());
            }
            return Ok(Intro::Start);
        }
        self.say(&tr!(words, "interview-plain-intro"), "", "")?;
        let choices = questions::start_choices(words, rulebook, languages, switch);
        let items: Vec<&str> = choices.iter().map(String::as_str).collect();
        loop {
            match self.pick_keyed(&tr!(words, "interview-start-question"), &items, switch)? {
                Some(0) => return Ok(Intro::Start),
                Some(2) | Some(usize::MAX) => {
                    if let Some(code) = self.pick_language(&rulebook.language, languages)? {
                        return Ok(Intro::Language(code));
                    }
                }
                _ => return Ok(Intro::Leave),
            }
        }
    }

    /// Asks which language to show; `None` when the person types nothing or `<`, to go
    /// back (also when the input ends).
    fn pick_language(&mut self, current: &str, languages: &[(String, String)]) -> io::Result<Option<String>> {
        let words = self.words;
        self.say(&tr!(words, "interview-language-question"), "", "")?;
        for (i, (code, name)) in languages.iter().enumerate() {
            let shown = if code.eq_ignore_ascii_case(current) {
                tr!(words, "interview-language-current", language = name.as_str())
            } else {
                name.clone()
            };
            self.say(&shown, &format!("  {}. ", i + 1), "     ")?;
        }
        loop {
            let Typed::Text(text) = self.read(&tr!(words, "interview-plain-pick"))? else {
                return Ok(None);
            };
            match text.parse::<usize>() {
                Ok(n) if (1..=languages.len()).contains(&n) => {
                    self.say(
                        &tr!(self.words, "interview-plain-chose", answer = &languages[n - 1].1),
                        "",
                        "",
                    )?;
                    self.blank()?;
                    return Ok(Some(languages[n - 1].0.clone()));
                }
                _ if text.is_empty() || text == "<" => {
                    self.blank()?;
                    return Ok(None);
                }
                _ => self.say(&tr!(words, "interview-plain-from-one", count = languages.len()), "", "")?,
            }
        }
    }

    /// The language chosen at the first question, once.
    pub fn take_switch(&mut self) -> Option<String> {
        self.switch_to.take()
    }

    /// The language the interview speaks (the rulebook's, see [`Rulebook::words`]).
    pub fn set_words(&mut self, words: Words) {
        self.words = words;
    }

    /// The language the interview speaks.
    pub fn words(&self) -> Words {
        self.words
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
        self.pick_keyed(title, items, false)
    }

    /// As [`PlainAsker::pick`]; with `language`, L (either case) gives `usize::MAX`.
    fn pick_keyed(&mut self, title: &str, items: &[&str], language: bool) -> io::Result<Option<usize>> {
        self.say(title, "", "")?;
        for (i, item) in items.iter().enumerate() {
            self.say(item, &format!("  {}. ", i + 1), "     ")?;
        }
        loop {
            let Typed::Text(text) = self.read(&tr!(self.words, "interview-plain-pick"))? else {
                return Ok(None);
            };
            if language && text.eq_ignore_ascii_case("l") {
                return Ok(Some(usize::MAX));
            }
            match text.parse::<usize>() {
                Ok(n) if (1..=items.len()).contains(&n) => {
                    self.say(&tr!(self.words, "interview-plain-chose", answer = items[n - 1]), "", "")?;
                    self.blank()?;
                    return Ok(Some(n - 1));
                }
                _ => self.say(
                    &tr!(self.words, "interview-plain-from-one", count = items.len()),
                    "",
                    "",
                )?,
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
        let ask = questions::leave_question(self.words, self.draft.as_deref());
        let yes = tr!(self.words, "interview-plain-yes-words");
        Ok(
            match self.read(&tr!(self.words, "interview-plain-leave", question = ask.as_str()))? {
                Typed::Text(t) => {
                    let t = t.to_lowercase();
                    t == "y" || t == "yes" || yes.split_whitespace().any(|w| w == t)
                }
                Typed::End => true,
            },
        )
    }

    fn show_answers(&mut self, session: &Session) -> io::Result<()> {
        let rb = session.rulebook();
        let items = session.review_items();
        if items.is_empty() {
            return self.say(&tr!(self.words, "interview-plain-no-answers"), "", "");
        }
        self.say(&tr!(self.words, "interview-plain-answers-so-far"), "", "")?;
        for q in items {
            let question = &rb.questions[q];
            let words = questions::answer_words(self.words, question, session.answers().slot(q), self.audience);
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
                (tr!(self.words, "interview-yes"), Slot::Given(Value::Bool(true))),
                (tr!(self.words, "interview-no"), Slot::Given(Value::Bool(false))),
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
        self.say(&questions::header(self.words, question, prompt), "", "")?;
        self.say(question.prompt_for(self.audience), "", "")?;
        self.say(question.help_for(self.audience), "  ", "  ")?;
        if let Some(readers) = self.read_by.get(prompt.question).filter(|r| !r.is_empty()) {
            let rules = session.rulebook();
            let titles: Vec<&str> = readers.iter().map(|&r| rules.rules[r].title.as_str()).collect();
            self.say(
                &tr!(self.words, "interview-read-by", rules = titles.join("; ").as_str()),
                "  ",
                "  ",
            )?;
        }
        for (i, label) in labels.iter().enumerate() {
            let first = format!("  {}. ", i + 1);
            let rest = " ".repeat(first.chars().count());
            self.say(label, &first, &rest)?;
        }
        self.say(&questions::dont_know(self.words), "  ?  ", "     ")?;
        if prompt.can_go_back {
            self.say(&tr!(self.words, "interview-back"), "  <  ", "     ")?;
        }
        let earlier = match prompt.previous {
            Slot::Missing => None,
            slot => Some(questions::answer_words(self.words, question, &slot, self.audience)),
        };
        if let Some(words) = earlier {
            self.say(
                &tr!(self.words, "interview-plain-earlier", answer = words.as_str()),
                "",
                "",
            )?;
        }
        Ok(())
    }

    fn instruction(&self, question: &Question, count: usize) -> String {
        let words = self.words;
        let dontknow = questions::dont_know(words);
        let dontknow = dontknow.as_str();
        match question.kind {
            QuestionKind::Multiple => tr!(
                words,
                "interview-plain-type-multiple",
                count = count,
                dontknow = dontknow
            ),
            QuestionKind::Number => tr!(
                words,
                "interview-plain-type-number",
                expected = questions::expected(words, question).as_str(),
                dontknow = dontknow
            ),
            _ => tr!(words, "interview-plain-type-single", count = count, dontknow = dontknow),
        }
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
                "" => Err(tr!(self.words, "interview-plain-nothing-typed")),
                "?" => Ok(Reply::Answer(Slot::DontKnow)),
                "<" if prompt.can_go_back => Ok(Reply::Back),
                "<" => Err(tr!(self.words, "interview-first-question")),
                "r" | "R" => {
                    self.show_answers(session)?;
                    continue;
                }
                "l" | "L" if self.language_first.is_some() => {
                    let languages = self.language_first.clone().unwrap_or_default();
                    let current = session.rulebook().language.clone();
                    match self.pick_language(&current, &languages)? {
                        Some(code) if !code.eq_ignore_ascii_case(&current) => {
                            self.switch_to = Some(code);
                            return Ok(Reply::Cancel);
                        }
                        _ => {
                            self.put(session, question, prompt, &labels)?;
                            continue;
                        }
                    }
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
                        self.language_first = None;
                        let words = questions::answer_words(self.words, question, slot, self.audience);
                        self.say(
                            &tr!(self.words, "interview-plain-chose", answer = words.as_str()),
                            "",
                            "      ",
                        )?;
                    }
                    self.blank()?;
                    return Ok(reply);
                }
                Err(message) => {
                    self.say(&message, "", "")?;
                    if !labels.is_empty() {
                        self.say(&tr!(self.words, "interview-plain-the-choices"), "", "")?;
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
                        return Err(tr!(
                            self.words,
                            "interview-plain-not-a-choice",
                            typed = sanitize::one_line(part).as_ref(),
                            count = choices.len()
                        ));
                    }
                }
            }
            Ok(picked)
        };
        match question.kind {
            QuestionKind::Number => questions::number_reply(self.words, question, typed),
            QuestionKind::Multiple => {
                let mut picked = numbers()?;
                picked.sort_unstable();
                questions::multi_reply(self.words, question, prompt, &picked, self.audience)
            }
            _ => {
                let picked = numbers()?;
                match picked.as_slice() {
                    [one] => Ok(Reply::Answer(choices[*one].1)),
                    _ => Err(tr!(self.words, "interview-plain-one-number", count = choices.len())),
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
        self.say(&tr!(self.words, "interview-plain-review"), "", "")?;
        self.say(&tr!(self.words, "interview-review-confirm"), "  0. ", "     ")?;
        for (n, &q) in items.iter().enumerate() {
            let question = &rb.questions[q];
            let words = questions::answer_words(self.words, question, session.answers().slot(q), self.audience);
            let first = format!("  {}. ", n + 1);
            let rest = " ".repeat(first.chars().count());
            self.say(
                &format!("{}: {words}", sanitize::one_line(&question.short)),
                &first,
                &rest,
            )?;
        }
        let ask = tr!(self.words, "interview-plain-review-ask", count = items.len());
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
                    _ => self.say(
                        &tr!(self.words, "interview-plain-from-zero", count = items.len()),
                        "",
                        "",
                    )?,
                },
            }
        }
    }

    fn offer_stop(&mut self, session: &Session, reasons: &[usize]) -> io::Result<bool> {
        let rb = session.rulebook();
        self.say(&tr!(self.words, "interview-stop-title"), "", "")?;
        for &r in reasons {
            let rule = &rb.rules[r];
            let text = match self.audience {
                Audience::Patient => rule.summary_or_title().to_owned(),
                Audience::Consultant => format!("[{}] {}", rule.id, rule.title),
            };
            self.say(&text, "  - ", "    ")?;
        }
        let here = tr!(self.words, "interview-stop-here");
        let go_on = tr!(self.words, "interview-stop-continue");
        let chosen = self.pick(&tr!(self.words, "interview-plain-what-now"), &[&here, &go_on])?;
        Ok(chosen != Some(1))
    }
}
