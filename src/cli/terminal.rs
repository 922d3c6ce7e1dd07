//! The interview in a terminal: puts each question with dialoguer (and, for numbers, a
//! small line editor on console's `Term`, because dialoguer's `Input` ignores Esc).
//!
//! Everything interactive goes to standard error, as dialoguer does; the report goes to
//! standard output. Prompts and help are printed and wrapped here rather than handed to
//! dialoguer, whose redraw miscounts lines that wrap.

use console::{Key, Term};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{MultiSelect, Select};
use smp_screen::answers::{self, AnswerError, Slot, Value};
use smp_screen::audience::Audience;
use smp_screen::interview::{Asker, Prompt, Reply, ReviewReply, Session};
use smp_screen::rulebook::{Question, QuestionKind, Rulebook};
use smp_screen::sanitize;
use smp_screen::style::Style;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};

/// Label of the extra choice that records "don't know".
use smp_screen::describe::{self, DONT_KNOW};
/// Label of the extra choice that goes back one question.
const BACK: &str = "← Back to the previous question";

/// Ends the interview after Ctrl-C or Esc: one line, the cursor shown again, exit 130.
///
/// Called from the Ctrl-C handler thread or the main thread, whichever comes first; the
/// other waits for the process to end.
pub fn cancel() -> ! {
    static STARTED: AtomicBool = AtomicBool::new(false);
    if STARTED.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    let term = Term::stderr();
    let _ = term.write_line("");
    let _ = term.write_line("Interview cancelled; nothing was saved.");
    let _ = term.show_cursor();
    std::process::exit(i32::from(super::error::code::CANCELLED));
}

/// Asks questions on the terminal.
pub struct TerminalAsker {
    term: Term,
    theme: Box<dyn Theme>,
    style: Style,
    audience: Audience,
    width: usize,
    /// Lines taken by each answer's record line, so going back can remove it.
    records: Vec<usize>,
    /// Whether to show which rules read each question.
    explain: bool,
    /// For each question, the rules that read it.
    read_by: Vec<Vec<usize>>,
}

impl TerminalAsker {
    /// An asker writing to standard error with the given colour and audience.
    pub fn new(style: Style, audience: Audience, explain: bool) -> TerminalAsker {
        let term = Term::stderr();
        let width = term.size_checked().map_or(80, |(_, w)| usize::from(w)).clamp(40, 100);
        let theme: Box<dyn Theme> = if style.enabled() {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        TerminalAsker {
            term,
            theme,
            style,
            audience,
            width,
            records: Vec::new(),
            explain,
            read_by: Vec::new(),
        }
    }

    /// Prints wrapped text and returns how many lines it took.
    fn say(&self, text: &str, first: &str, rest: &str, paint: impl Fn(&str) -> String) -> io::Result<usize> {
        let wrapped = smp_screen::report::wrap(text, self.width, first, rest);
        let lines: Vec<&str> = wrapped.lines().collect();
        for line in &lines {
            self.term.write_line(&paint(line))?;
        }
        Ok(lines.len().max(1))
    }

    /// Shows the title, the rulebook and the disclaimer, and for a patient asks for
    /// consent; false when the person leaves.
    pub fn intro(&mut self, rulebook: &Rulebook) -> io::Result<bool> {
        if self.explain {
            self.read_by = smp_screen::print::read_by(rulebook);
        }
        let st = self.style;
        self.term.write_line(&st.bold("SMP screening"))?;
        let id = &rulebook.identity;
        self.say(
            &format!("{} {} ({})", id.title, id.version, rulebook.review_words),
            "",
            "",
            |l| st.dim(l),
        )?;
        self.term.write_line("")?;
        self.say(&id.disclaimer, "", "", str::to_owned)?;
        if self.audience == Audience::Consultant {
            self.term.write_line("")?;
            return Ok(true);
        }
        self.say(
            "Nothing you type is sent anywhere or stored, unless you asked for a saved record or handout (--save, --save-html). You can go back at any question, answer \"I don't know\", and review everything before the result. Esc leaves at any time.",
            "",
            "",
            |l| st.dim(l),
        )?;
        self.term.write_line("")?;
        let choice = Select::with_theme(&*self.theme)
            .with_prompt("This is a screening aid, not medical advice. Start?")
            .items(["Yes, start", "No, leave"])
            .default(0)
            .interact_on_opt(&self.term)
            .map_err(into_io)?;
        self.term.write_line("")?;
        Ok(choice == Some(0))
    }

    fn label(&self, question: &Question, i: usize, with_swatch: bool) -> String {
        let option = &question.options[i];
        let swatch = match (with_swatch, option.swatch) {
            (true, Some(rgb)) => self.style.swatch(rgb),
            _ => String::new(),
        };
        let text = sanitize::one_line(option.label_for(self.audience)).into_owned();
        // dialoguer decides how many lines to redraw from each item's length in bytes, so
        // an item must never be longer than the terminal is wide.
        let budget = self.width.saturating_sub(6 + swatch.len());
        format!("{swatch}{}", fit(&text, budget))
    }

    /// One choice from a list that clears itself; `None` when the person pressed Esc.
    /// Nothing is pre-selected without a `default`, so a hurried Enter records nothing.
    fn choose<T: std::fmt::Display>(&self, items: &[T], default: Option<usize>) -> io::Result<Option<usize>> {
        Select::with_theme(&*self.theme)
            .items(items)
            .default(default.unwrap_or(!0))
            .clear(true)
            .report(false)
            .interact_on_opt(&self.term)
            .map_err(into_io)
    }

    fn select(&self, question: &Question, prompt: &Prompt) -> io::Result<Result<Reply, String>> {
        let mut items: Vec<String> = prompt.options.iter().map(|&i| self.label(question, i, true)).collect();
        let default = match prompt.previous {
            Slot::Given(Value::Choice(c)) => prompt.options.iter().position(|&i| i == usize::from(c)),
            Slot::DontKnow => Some(items.len()),
            _ => None,
        };
        items.push(DONT_KNOW.to_owned());
        if prompt.can_go_back {
            items.push(BACK.to_owned());
        }
        Ok(Ok(match self.choose(&items, default)? {
            None => Reply::Cancel,
            Some(i) if i < prompt.options.len() => Reply::Answer(Slot::Given(Value::Choice(prompt.options[i] as u16))),
            Some(i) if i == prompt.options.len() => Reply::Answer(Slot::DontKnow),
            Some(_) => Reply::Back,
        }))
    }

    fn yes_no(&self, prompt: &Prompt) -> io::Result<Result<Reply, String>> {
        let mut items = vec!["Yes", "No", DONT_KNOW];
        if prompt.can_go_back {
            items.push(BACK);
        }
        let default = match prompt.previous {
            Slot::Given(Value::Bool(true)) => Some(0),
            Slot::Given(Value::Bool(false)) => Some(1),
            Slot::DontKnow => Some(2),
            _ => None,
        };
        Ok(Ok(match self.choose(&items, default)? {
            None => Reply::Cancel,
            Some(0) => Reply::Answer(Slot::Given(Value::Bool(true))),
            Some(1) => Reply::Answer(Slot::Given(Value::Bool(false))),
            Some(2) => Reply::Answer(Slot::DontKnow),
            Some(_) => Reply::Back,
        }))
    }

    fn multi(&self, question: &Question, prompt: &Prompt) -> io::Result<Result<Reply, String>> {
        let ticked = match prompt.previous {
            Slot::Given(Value::Multi(m)) => m,
            _ => 0,
        };
        let mut items: Vec<(String, bool)> = prompt
            .options
            .iter()
            .map(|&i| (self.label(question, i, true), ticked & (1u64 << i) != 0))
            .collect();
        items.push((DONT_KNOW.to_owned(), prompt.previous == Slot::DontKnow));
        if prompt.can_go_back {
            items.push((BACK.to_owned(), false));
        }
        let chosen = MultiSelect::with_theme(&*self.theme)
            .items_checked(items.iter().map(|(l, c)| (l.as_str(), *c)))
            .clear(true)
            .report(false)
            .interact_on_opt(&self.term)
            .map_err(into_io)?;
        let Some(chosen) = chosen else {
            return Ok(Ok(Reply::Cancel));
        };
        let n = prompt.options.len();
        if chosen.iter().any(|&i| i > n) {
            return Ok(Ok(Reply::Back));
        }
        if chosen.contains(&n) {
            return Ok(if chosen.len() == 1 {
                Ok(Reply::Answer(Slot::DontKnow))
            } else {
                Err(format!("\"{DONT_KNOW}\" cannot be combined with other choices."))
            });
        }
        if chosen.is_empty() {
            return Ok(Err(format!("Tick at least one choice with Space, or \"{DONT_KNOW}\".")));
        }
        let mask = chosen.iter().fold(0u64, |m, &i| m | 1u64 << prompt.options[i]);
        Ok(match answers::check_value(question, Value::Multi(mask)) {
            Ok(v) => Ok(Reply::Answer(Slot::Given(v))),
            Err(AnswerError::ExclusiveCombined { exclusive, .. }) => Err(format!(
                "\"{}\" cannot be combined with other choices.",
                self.option_label(question, &exclusive)
            )),
            Err(AnswerError::NothingTicked { exclusive, .. }) => Err(format!(
                "Tick at least one choice with Space, or \"{}\".",
                self.option_label(question, &exclusive)
            )),
            Err(e) => Err(e.to_string()),
        })
    }

    fn option_label(&self, question: &Question, value: &str) -> String {
        question
            .option_index(value)
            .map_or_else(|| value.to_owned(), |i| self.label(question, i, false))
    }

    /// A number typed on one line: digits and Backspace, Enter to confirm, `?` for don't
    /// know, `<` to go back, Esc to leave.
    fn number(&self, question: &Question, prompt: &Prompt) -> io::Result<Result<Reply, String>> {
        let mut text: String = match prompt.previous {
            Slot::Given(Value::Number(x)) => answers::number_to_json(x).to_string(),
            Slot::DontKnow => "?".to_owned(),
            _ => String::new(),
        };
        let lead = "› ";
        self.term.write_str(&format!("{lead}{text}"))?;
        self.term.show_cursor()?;
        loop {
            match self.term.read_key()? {
                Key::Enter => break,
                Key::Escape => return Ok(Ok(Reply::Cancel)),
                Key::Backspace if !text.is_empty() => {
                    text.pop();
                    self.term.clear_chars(1)?;
                }
                Key::Char(c) if !c.is_control() && text.chars().count() < 24 => {
                    text.push(c);
                    self.term.write_str(&c.to_string())?;
                }
                _ => {}
            }
        }
        self.term.clear_line()?;
        let typed = text.trim();
        Ok(match typed {
            "?" => Ok(Reply::Answer(Slot::DontKnow)),
            "<" if prompt.can_go_back => Ok(Reply::Back),
            _ => match answers::parse_text(question, typed, ',') {
                Ok(slot) => Ok(Reply::Answer(slot)),
                Err(_) => Err(format!("Please enter {}.", answers::expected(question))),
            },
        })
    }

    /// The answer in words, for the line that stays on screen after a question.
    fn answer_words(&self, question: &Question, slot: &Slot) -> String {
        let parts = describe::answer(question, slot, self.audience);
        if parts.is_empty() {
            return "—".to_owned();
        }
        let budget = self.width.saturating_sub(6);
        parts
            .iter()
            .map(|p| fit(&sanitize::one_line(&p.text), budget))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Asker for TerminalAsker {
    fn ask(&mut self, session: &Session, prompt: &Prompt) -> io::Result<Reply> {
        let question = &session.rulebook().questions[prompt.question];
        let st = self.style;
        let section = question
            .section
            .as_deref()
            .map(|s| format!(" · {s}"))
            .unwrap_or_default();
        let mut shown = self.say(
            &format!(
                "Question {} of about {}{}",
                prompt.number,
                prompt.estimate.max(prompt.number),
                section
            ),
            "",
            "",
            |l| st.dim(l),
        )?;
        shown += self.say(question.prompt_for(self.audience), "", "", |l| st.bold(l))?;
        shown += self.say(question.help_for(self.audience), "  ", "  ", |l| st.dim(l))?;
        if let Some(readers) = self.read_by.get(prompt.question).filter(|r| !r.is_empty()) {
            let rules = session.rulebook();
            let titles: Vec<&str> = readers.iter().map(|&r| rules.rules[r].title.as_str()).collect();
            shown += self.say(&format!("Read by: {}", titles.join("; ")), "  ", "  ", |l| st.dim(l))?;
        }
        let keys = match question.kind {
            QuestionKind::Multiple => "Space ticks, Enter confirms, Esc leaves",
            QuestionKind::Number => "type a number and press Enter · ? = I don't know · < = back · Esc leaves",
            _ => "↑/↓ choose, Enter confirms, Esc leaves",
        };
        shown += self.say(keys, "  ", "  ", |l| st.dim(l))?;
        let reply = loop {
            let attempt = match question.kind {
                QuestionKind::Single => self.select(question, prompt)?,
                QuestionKind::Multiple => self.multi(question, prompt)?,
                QuestionKind::YesNo => self.yes_no(prompt)?,
                QuestionKind::Number => self.number(question, prompt)?,
            };
            match attempt {
                Ok(reply) => break reply,
                Err(message) => {
                    shown += self.say(&message, "  ", "  ", |l| {
                        st.severity(smp_screen::rulebook::Severity::High, l)
                    })?
                }
            }
        };
        self.term.clear_last_lines(shown)?;
        match &reply {
            Reply::Answer(slot) => {
                let record = format!("✔ {}: {}", question.short, self.answer_words(question, slot));
                let lines = self.say(&record, "", "  ", |l| st.dim(l))?;
                self.records.push(lines);
            }
            Reply::Back => {
                // The previous question is asked again right here: its old record goes.
                if let Some(lines) = self.records.pop() {
                    self.term.clear_last_lines(lines)?;
                }
            }
            Reply::Cancel => {}
        }
        Ok(reply)
    }

    fn review(&mut self, session: &Session) -> io::Result<ReviewReply> {
        let rb = session.rulebook();
        let items = session.review_items();
        self.term.write_line("")?;
        let mut shown = self.say(
            "Review your answers. Choose one to change it, or confirm to see the result.",
            "",
            "",
            |l| self.style.bold(l),
        )?;
        let mut labels = vec!["✔ All correct: show the result".to_owned()];
        for &q in &items {
            let question = &rb.questions[q];
            let line = format!(
                "{}: {}",
                sanitize::one_line(&question.short),
                self.answer_words(question, session.answers().slot(q))
            );
            labels.push(fit(&line, self.width.saturating_sub(6)));
        }
        labels.push(BACK.replace("previous", "last"));
        labels.push("Leave without a result".to_owned());
        let chosen = Select::with_theme(&*self.theme)
            .items(&labels)
            .default(0)
            .max_length(
                self.term
                    .size_checked()
                    .map_or(20, |(h, _)| usize::from(h).saturating_sub(4).max(5)),
            )
            .clear(true)
            .report(false)
            .interact_on_opt(&self.term)
            .map_err(into_io)?;
        shown += 1;
        self.term.clear_last_lines(shown)?;
        Ok(match chosen {
            None => ReviewReply::Cancel,
            Some(0) => ReviewReply::Confirm,
            Some(i) if i <= items.len() => ReviewReply::Edit(items[i - 1]),
            Some(i) if i == items.len() + 1 => ReviewReply::Back,
            Some(_) => ReviewReply::Cancel,
        })
    }

    fn offer_stop(&mut self, session: &Session, reasons: &[usize]) -> io::Result<bool> {
        let rb = session.rulebook();
        let st = self.style;
        self.term.write_line("")?;
        self.say(
            "SMP is not advisable now, whatever the remaining answers:",
            "",
            "",
            |l| st.bold(l),
        )?;
        for &r in reasons {
            let rule = &rb.rules[r];
            let text = match self.audience {
                Audience::Patient => rule.summary_or_title().to_owned(),
                Audience::Consultant => format!("[{}] {}", rule.id, rule.title),
            };
            self.say(&text, "  • ", "    ", str::to_owned)?;
        }
        let items = [
            "Stop here and see the result",
            "Continue, for a complete record of risks and advice",
        ];
        let default = usize::from(self.audience == Audience::Consultant);
        let chosen = Select::with_theme(&*self.theme)
            .items(items)
            .default(default)
            .report(false)
            .interact_on_opt(&self.term)
            .map_err(into_io)?;
        self.term.write_line("")?;
        match chosen {
            None => cancel(),
            Some(i) => Ok(i == 0),
        }
    }
}

/// Shortens text to at most `budget` bytes (whole characters), marking the cut.
fn fit(text: &str, budget: usize) -> String {
    if text.len() <= budget {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.len() + c.len_utf8() + '…'.len_utf8() > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn into_io(e: dialoguer::Error) -> io::Error {
    match e {
        dialoguer::Error::IO(e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fit_respects_a_byte_budget_on_character_boundaries() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("abcdefghij", 8), "abcde…");
        assert!(fit("héllo wörld ünïcode", 10).len() <= 10);
    }
}
