//! `smp-screen` / `smp-screen interview`: the interview, drawn in a terminal or put as
//! plain numbered lines, with a draft kept after every answer; it ends with a one-screen
//! summary, the full report (paged on a terminal) and an offer to save it.

use super::common::{self, RulesArg};
use super::draft;
use super::error::{CliError, code};
use super::pager;
use super::plain::PlainAsker;
use super::questions::Intro;
use super::terminal::{self, TerminalAsker};
use clap::Args;
use smp_screen::answers::Answers;
use smp_screen::audience::Audience;
use smp_screen::i18n::Words;
use smp_screen::interview::{self, Asker, Finish, Session};
use smp_screen::record::Record;
use smp_screen::report::{self, Context, Report};
use smp_screen::rulebook::Rulebook;
use smp_screen::sanitize;
use smp_screen::style::{ColorChoice, Style};
use smp_screen::tr;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

/// Arguments of the interview.
#[derive(Debug, Args)]
pub struct InterviewArgs {
    #[command(flatten)]
    pub rules: RulesArg,
    /// Who is at the keyboard: a patient alone, or a consultant beside one
    #[arg(long, value_enum, default_value_t)]
    pub audience: Audience,
    #[command(flatten)]
    pub save: common::SaveArgs,
    /// Show which rules read each question, and explain the result in full
    #[arg(long)]
    pub explain: bool,
    /// Ask as numbered lines, answered by typing numbers: for screen readers, braille
    /// displays, serial consoles and pipes (also on with TERM=dumb, SMP_SCREEN_PLAIN=1,
    /// ACCESSIBLE=1, or when standard input is not a terminal)
    #[arg(long)]
    pub plain: bool,
    /// Keep the answers so far in FILE after every answer (owner-only), to continue
    /// later with --resume FILE [default with --save FILE: FILE.draft]
    #[arg(long, value_name = "FILE")]
    pub draft: Option<PathBuf>,
    /// Continue an interview from its draft FILE, which keeps being updated
    #[arg(long, value_name = "FILE", conflicts_with = "draft")]
    pub resume: Option<PathBuf>,
    /// Print the full report as it is, never through a pager
    #[arg(long)]
    pub no_pager: bool,
}

/// What both interview edges offer beyond the questions.
trait Talk: Asker {
    /// Speaks in this language from now on.
    fn set_words(&mut self, words: Words);
    /// Shows the introduction, offering `languages` (code, name) to switch to.
    fn intro(&mut self, rulebook: &Rulebook, languages: &[(String, String)]) -> io::Result<Intro>;
    /// Starts afresh, to show everything again in another language.
    fn restart(&mut self) -> io::Result<()>;
    /// The language chosen at the first question (which then ends the questions), once.
    fn take_switch(&mut self) -> Option<String>;
    /// A paragraph that stays.
    fn tell(&mut self, text: &str) -> io::Result<()>;
    /// Lines already wrapped (and coloured where allowed), written as they are.
    fn lines(&mut self, lines: &[String]) -> io::Result<()>;
    /// One of `items`; `None` when the person leaves.
    fn choose(&mut self, title: &str, items: &[&str], default: usize) -> io::Result<Option<usize>>;
    /// A line of text, `default` on nothing; `None` when the person leaves.
    fn line(&mut self, title: &str, default: &str) -> io::Result<Option<String>>;
    /// Gives the terminal back, before the report.
    fn pause(&mut self) -> io::Result<()>;
    /// Takes the terminal again, after the report.
    fn resume(&mut self) -> io::Result<()>;
}

impl Talk for TerminalAsker {
    fn set_words(&mut self, words: Words) {
        TerminalAsker::set_words(self, words);
    }
    fn intro(&mut self, rulebook: &Rulebook, languages: &[(String, String)]) -> io::Result<Intro> {
        TerminalAsker::intro(self, rulebook, languages)
    }
    fn restart(&mut self) -> io::Result<()> {
        TerminalAsker::restart(self)
    }
    fn take_switch(&mut self) -> Option<String> {
        TerminalAsker::take_switch(self)
    }
    fn tell(&mut self, text: &str) -> io::Result<()> {
        TerminalAsker::tell(self, text)
    }
    fn lines(&mut self, lines: &[String]) -> io::Result<()> {
        TerminalAsker::lines(self, lines)
    }
    fn choose(&mut self, title: &str, items: &[&str], default: usize) -> io::Result<Option<usize>> {
        TerminalAsker::choose(self, title, items, default)
    }
    fn line(&mut self, title: &str, default: &str) -> io::Result<Option<String>> {
        TerminalAsker::line(self, title, default)
    }
    fn pause(&mut self) -> io::Result<()> {
        self.done()
    }
    fn resume(&mut self) -> io::Result<()> {
        super::signals::raw()
    }
}

impl<R: io::BufRead, W: io::Write> Talk for PlainAsker<R, W> {
    fn set_words(&mut self, words: Words) {
        PlainAsker::set_words(self, words);
        terminal::set_words(words);
    }
    fn intro(&mut self, rulebook: &Rulebook, languages: &[(String, String)]) -> io::Result<Intro> {
        PlainAsker::intro(self, rulebook, languages)
    }
    fn restart(&mut self) -> io::Result<()> {
        // Read line by line: the first screen is simply said again, below.
        Ok(())
    }
    fn take_switch(&mut self) -> Option<String> {
        PlainAsker::take_switch(self)
    }
    fn tell(&mut self, text: &str) -> io::Result<()> {
        self.say(text, "", "")
    }
    fn lines(&mut self, lines: &[String]) -> io::Result<()> {
        PlainAsker::lines(self, lines)
    }
    fn choose(&mut self, title: &str, items: &[&str], _default: usize) -> io::Result<Option<usize>> {
        self.pick(title, items)
    }
    fn line(&mut self, title: &str, default: &str) -> io::Result<Option<String>> {
        let ask = tr!(self.words(), "interview-plain-line", title = title, default = default);
        Ok(match PlainAsker::line(self, &ask)? {
            None => None,
            Some(t) if t == "q" => None,
            Some(t) if t.is_empty() => Some(default.to_owned()),
            Some(t) => Some(t),
        })
    }
    fn pause(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn resume(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Where the questions ended.
enum Step {
    /// With these answers.
    Done(Answers),
    /// At the first screen, with a language to show everything again in.
    Language(String),
}

/// Plain mode's "width": wide enough that no paragraph is ever broken into lines.
const PLAIN_WIDTH: usize = 100_000;

/// Whether a plain interview talks on standard output: when a person types at a terminal
/// but standard error goes to a file (`2>log`), standard output is where they can read.
fn plain_on_stdout() -> bool {
    io::stdin().is_terminal() && !io::stderr().is_terminal() && io::stdout().is_terminal()
}

/// Whether the interview talks to a terminal.
fn talk_is_terminal() -> bool {
    io::stderr().is_terminal() || plain_on_stdout()
}

/// Whether the environment asks for plain mode.
fn plain_wanted() -> bool {
    let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty() && v != "0");
    std::env::var_os("TERM").is_some_and(|t| t == "dumb")
        || set("SMP_SCREEN_PLAIN")
        || set("ACCESSIBLE")
        || !io::stdin().is_terminal()
        || !io::stderr().is_terminal()
}

impl InterviewArgs {
    /// Runs the interview.
    pub fn run(self, color: ColorChoice) -> anyhow::Result<u8> {
        let plain = self.plain || plain_wanted();
        if !plain && let Err((columns, rows)) = terminal::check_size() {
            return Err(CliError::TerminalTooSmall {
                columns,
                rows,
                min_columns: terminal::MIN_COLUMNS,
                min_rows: terminal::MIN_ROWS,
            }
            .into());
        }
        let (mut rulebook, english) = self.rules.load_with_english()?;
        self.save.check()?;
        let draft_path = self
            .resume
            .clone()
            .or_else(|| self.draft.clone())
            .or_else(|| self.save.save.as_deref().map(draft::beside));
        if let Some(path) = &draft_path
            && self.resume.is_none()
            && path.exists()
        {
            return Err(CliError::DraftExists { path: path.clone() }.into());
        }
        let mut resumed = match &self.resume {
            Some(path) => Some(draft::read(path, &rulebook)?),
            None => None,
        };
        // A draft continues in the language it was begun in, unless --lang says otherwise.
        if let (Some(path), Some(loaded)) = (&self.resume, &resumed)
            && super::lang::explicit().is_none()
            && let Some(code) = &loaded.language
            && !code.eq_ignore_ascii_case(&rulebook.language)
        {
            let locales = super::lang::locales_for(self.rules.path.as_deref())?;
            let offered = super::lang::available(&english, &locales);
            if offered.iter().any(|c| c.eq_ignore_ascii_case(code)) {
                rulebook = super::lang::localize_to(english.clone(), &locales, code)?.0;
                resumed = Some(draft::read(path, &rulebook)?);
            }
        }
        if let Some(path) = &draft_path {
            terminal::set_draft(path.clone());
        }
        super::signals::install(terminal::cancel).map_err(|e| anyhow::anyhow!("cannot watch for signals: {e}"))?;
        if plain {
            // Never wrapped: a screen reader or braille display reads each paragraph whole,
            // and a terminal wraps long lines itself.
            let out: Box<dyn io::Write> = if plain_on_stdout() {
                Box::new(io::stdout())
            } else {
                Box::new(io::stderr())
            };
            let mut asker = PlainAsker::new(io::stdin().lock(), out, self.audience, PLAIN_WIDTH);
            asker.set_draft(draft_path.clone());
            if self.explain {
                asker.explain(&rulebook);
            }
            self.interview(&english, rulebook, &mut asker, draft_path.as_deref(), resumed, color)
        } else {
            let style = Style::decide(color, true);
            let mut asker = TerminalAsker::new(style, self.audience, self.explain)?;
            asker.set_draft(draft_path.clone());
            let result = self.interview(&english, rulebook, &mut asker, draft_path.as_deref(), resumed, color);
            super::signals::restore();
            result
        }
    }

    /// The interview in `rulebook`'s language, or in another one chosen at the first
    /// screen (`english` is the rulebook as loaded, to be shown in it).
    fn interview(
        &self,
        english: &Rulebook,
        mut rulebook: Rulebook,
        asker: &mut dyn Talk,
        draft_path: Option<&Path>,
        resumed: Option<draft::Loaded>,
        color: ColorChoice,
    ) -> anyhow::Result<u8> {
        let locales = super::lang::locales_for(self.rules.path.as_deref())?;
        let languages = super::lang::choices(english, &locales);
        let mut notice: Option<String> = None;
        loop {
            let words = rulebook.words();
            asker.set_words(words);
            if let Some(n) = notice.take() {
                asker.tell(&n)?;
            }
            let step = self.ask_all(&rulebook, asker, draft_path, resumed.as_ref(), &languages)?;
            let answers = match step {
                Step::Done(answers) => answers,
                Step::Language(code) => {
                    let (shown, said) = super::lang::localize_to(english.clone(), &locales, &code)?;
                    rulebook = shown;
                    notice = said;
                    asker.restart()?;
                    continue;
                }
            };
            return self.finish(&rulebook, &answers, asker, draft_path, color);
        }
    }

    /// The first screen and the questions: the answers, or a language to start again in.
    fn ask_all(
        &self,
        rulebook: &Rulebook,
        asker: &mut dyn Talk,
        draft_path: Option<&Path>,
        resumed: Option<&draft::Loaded>,
        languages: &[(String, String)],
    ) -> anyhow::Result<Step> {
        let words = rulebook.words();
        let session = match resumed {
            Some(loaded) => Session::resume(rulebook, &loaded.answers, &loaded.order),
            None => Session::new(rulebook),
        };
        let started = match resumed {
            Some(loaded) => {
                asker.tell(&tr!(words, "interview-resume-kept", count = session.asked().len()))?;
                for &q in session.asked() {
                    let question = &rulebook.questions[q];
                    let answer =
                        super::questions::answer_words(words, question, session.answers().slot(q), self.audience);
                    asker.tell(&tr!(
                        words,
                        "interview-resume-answer",
                        question = sanitize::one_line(&question.short).as_ref(),
                        answer = answer.as_str()
                    ))?;
                }
                for note in &loaded.notes {
                    asker.tell(note)?;
                }
                // Answers the skip logic now leaves out (the rulebook changed) are named too.
                for q in 0..rulebook.questions.len() {
                    let had = !matches!(loaded.answers.slot(q), smp_screen::answers::Slot::Missing);
                    if had && !session.asked().contains(&q) {
                        asker.tell(&tr!(
                            words,
                            "interview-resume-dropped",
                            question = sanitize::one_line(&rulebook.questions[q].short).as_ref()
                        ))?;
                    }
                }
                true
            }
            None => match asker.intro(rulebook, languages)? {
                Intro::Start => true,
                Intro::Leave => false,
                Intro::Language(code) => return Ok(Step::Language(code)),
            },
        };
        if !started {
            terminal::cancel();
        }
        // A draft that cannot be written is found now, before any answer depends on it.
        if let Some(path) = draft_path {
            draft::write(path, rulebook, &session)?;
        }
        let mut failure: Option<CliError> = None;
        let mut keep = |s: &Session| -> io::Result<()> {
            if let Some(path) = draft_path
                && let Err(e) = draft::write(path, rulebook, s)
            {
                // Saving the draft failed: the interview goes on, once warned.
                if failure.is_none() {
                    failure = Some(e);
                }
            }
            Ok(())
        };
        let finish = interview::run_session(session, asker, &mut keep);
        let answers = match finish {
            Ok(Finish::Done(answers)) => answers,
            Ok(Finish::Cancelled) => match asker.take_switch() {
                Some(code) => return Ok(Step::Language(code)),
                None => terminal::cancel(),
            },
            Err(e) if e.kind() == io::ErrorKind::Interrupted => terminal::cancel(),
            Err(e) => {
                super::signals::restore();
                return Err(anyhow::Error::new(e).context("the interview failed"));
            }
        };
        if let Some(e) = failure {
            asker.tell(&tr!(
                words,
                "interview-draft-failed",
                error = sanitize::one_line(&e.to_string()).as_ref()
            ))?;
        }
        Ok(Step::Done(answers))
    }

    /// The summary, the full report, the files asked for and the offer to save.
    fn finish(
        &self,
        rulebook: &Rulebook,
        answers: &Answers,
        asker: &mut dyn Talk,
        draft_path: Option<&Path>,
        color: ColorChoice,
    ) -> anyhow::Result<u8> {
        let screening = report::screen(rulebook, answers, self.audience);
        let (out_style, width) = common::stdout_style(color);
        // Plain mode means no colour anywhere, whatever --color says.
        let out_style = if self.plain || plain_wanted() {
            Style::PLAIN
        } else {
            out_style
        };
        let cx = Context {
            screening: &screening,
            rulebook,
            answers,
            style: out_style,
            width,
            explain: self.explain,
        };
        let mut full = Vec::new();
        report::Text.render(&cx, &mut full)?;
        // Plain mode is read line by line: never through a pager.
        let no_pager = self.no_pager || self.plain || plain_wanted();
        let paged = pager::would_page(&String::from_utf8_lossy(&full), no_pager);
        let words = rulebook.words();
        let more = if paged {
            tr!(words, "interview-more-paged")
        } else if io::stdout().is_terminal() {
            tr!(words, "interview-more-follows")
        } else {
            tr!(words, "interview-more-stdout")
        };
        asker.pause()?;
        let (rows, cols) = if talk_is_terminal() {
            {
                let (w, h) = terminal::size();
                (usize::from(h), usize::from(w))
            }
        } else {
            (24, 80)
        };
        let summary_style = if io::stderr().is_terminal() && !(self.plain || plain_wanted()) {
            Style::decide(color, true)
        } else {
            Style::PLAIN
        };
        let plain = self.plain || plain_wanted();
        let lines = smp_screen::summary::lines(
            rulebook.words(),
            &screening,
            summary_style,
            if plain {
                PLAIN_WIDTH
            } else {
                cols.saturating_sub(1).clamp(20, 100)
            },
            rows.saturating_sub(1).max(8),
            &more,
        );
        asker.lines(&[String::new()])?;
        asker.lines(&lines)?;
        if paged {
            wait_for_enter();
        }
        pager::show(&full, no_pager)?;
        let mut saved_record = false;
        if let Some(path) = &self.save.save_html {
            let page = handout(&cx)?;
            common::write_atomic(path, &page, self.save.force)?;
            asker.tell(&tr!(words, "interview-saved-handout", file = shown(path).as_str()))?;
        }
        if let Some(path) = &self.save.save {
            let record = Record::new(rulebook, answers, &screening, self.save.label.clone());
            common::write_atomic(path, record.to_json().as_bytes(), self.save.force)?;
            asker.tell(&tr!(words, "interview-saved-record", file = shown(path).as_str()))?;
            saved_record = true;
        }
        if self.save.save.is_none() && self.save.save_html.is_none() {
            asker.resume()?;
            let offered = offer_save(asker, &cx, self.audience);
            asker.pause()?;
            saved_record = offered?;
        }
        if let Some(path) = draft_path {
            let shown = sanitize::one_line(&path.display().to_string()).into_owned();
            if saved_record {
                draft::remove(path)?;
            } else if path.exists() {
                asker.tell(&tr!(words, "interview-draft-remains", draft = shown.as_str()))?;
            }
        }
        Ok(code::OK)
    }
}

/// The printable HTML handout of a result.
fn handout(cx: &Context) -> anyhow::Result<Vec<u8>> {
    let mut page = Vec::new();
    let cx = Context {
        style: Style::PLAIN,
        width: 80,
        ..*cx
    };
    report::Html.render(&cx, &mut page)?;
    Ok(page)
}

/// Waits for Enter on the terminal (the pager follows).
fn wait_for_enter() {
    let mut line = String::new();
    if io::stdin().is_terminal() {
        let _ = io::stdin().read_line(&mut line);
    }
}

/// Offers to save the handout and/or the record to files the person names; true when a
/// record was saved.
fn offer_save(asker: &mut dyn Talk, cx: &Context, audience: Audience) -> anyhow::Result<bool> {
    let words = cx.rulebook.words();
    let what = match audience {
        Audience::Patient => tr!(words, "interview-save-patient"),
        Audience::Consultant => tr!(words, "interview-save-consultant"),
    };
    let items = [
        tr!(words, "interview-save-none"),
        tr!(words, "interview-save-handout"),
        tr!(words, "interview-save-record"),
        tr!(words, "interview-save-both"),
    ];
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    let Some(choice) = asker.choose(&what, &items, 0)? else {
        return Ok(false);
    };
    let mut record = false;
    if choice == 1 || choice == 3 {
        let page = handout(cx)?;
        let title = tr!(words, "interview-save-handout-name");
        if let Some(path) = save_as(asker, words, &title, "html", &page)? {
            asker.tell(&tr!(
                words,
                "interview-saved-handout-said",
                file = shown(&path).as_str()
            ))?;
        }
    }
    if choice == 2 || choice == 3 {
        let json = Record::new(cx.rulebook, cx.answers, cx.screening, None).to_json();
        let title = tr!(words, "interview-save-record-name");
        if let Some(path) = save_as(asker, words, &title, "json", json.as_bytes())? {
            asker.tell(&tr!(words, "interview-saved-record-said", file = shown(&path).as_str()))?;
            record = true;
        }
    }
    Ok(record)
}

fn shown(path: &Path) -> String {
    sanitize::one_line(&path.display().to_string()).into_owned()
}

/// Asks for a file name and writes `bytes` there, asking again when the file exists or
/// cannot be written; `None` when the person gives up (Esc).
fn save_as(
    asker: &mut dyn Talk,
    words: Words,
    title: &str,
    ext: &str,
    bytes: &[u8],
) -> anyhow::Result<Option<PathBuf>> {
    loop {
        let Some(path) = ask_name(asker, words, title, ext)? else {
            return Ok(None);
        };
        match common::write_atomic(&path, bytes, false) {
            Ok(()) => return Ok(Some(path)),
            Err(e) => asker.tell(&tr!(
                words,
                "interview-save-failed",
                error = sanitize::one_line(e.to_string().trim_start_matches("error: ")).as_ref()
            ))?,
        }
    }
}

/// Asks for a file name in the current folder by default, never one that exists.
fn ask_name(asker: &mut dyn Talk, words: Words, title: &str, ext: &str) -> anyhow::Result<Option<PathBuf>> {
    let base = format!("smp-screening-{}", smp_screen::date::Date::today());
    let default = (1..)
        .map(|n| {
            if n == 1 {
                format!("{base}.{ext}")
            } else {
                format!("{base}-{n}.{ext}")
            }
        })
        .find(|name| !Path::new(name).exists())
        .unwrap_or_default();
    loop {
        let Some(name) = asker.line(title, &default)? else {
            return Ok(None);
        };
        let path = PathBuf::from(name.trim());
        if path.exists() {
            asker.tell(&tr!(words, "interview-save-exists", file = shown(&path).as_str()))?;
            continue;
        }
        return Ok(Some(path));
    }
}
