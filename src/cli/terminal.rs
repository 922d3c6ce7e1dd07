//! The drawn interview: each question is one frame (a header, the question and its help,
//! the choices, the keys), wrapped to the terminal's width with a hanging indent and
//! redrawn in place after each key, on crossterm. Nothing is ever cut: a frame taller
//! than the terminal scrolls around the cursor.
//!
//! Everything interactive goes to standard error; the report goes to standard output.
//! The plain interview (`--plain`, in `plain.rs`) puts the same questions as lines.

use super::questions::{self, Intro};
use super::signals;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use smp_screen::answers::{Slot, Value};
use smp_screen::audience::Audience;
use smp_screen::i18n::Words;
use smp_screen::interview::{Asker, Prompt, Reply, ReviewReply, Session};
use smp_screen::rulebook::{Question, QuestionKind, Rulebook, Severity};
use smp_screen::sanitize;
use smp_screen::style::Style;
use smp_screen::tr;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;
use unicode_width::UnicodeWidthStr;

/// The smallest terminal the interview draws in.
pub const MIN_COLUMNS: u16 = 20;
/// See [`MIN_COLUMNS`].
pub const MIN_ROWS: u16 = 6;
/// Lines are not wrapped wider than this, for reading comfort.
const MAX_WIDTH: usize = 100;
/// Longest number or file name typed.
const MAX_TYPED: usize = 200;

/// The draft that keeps the answers, for the words said on leaving.
static DRAFT: OnceLock<PathBuf> = OnceLock::new();

/// Says which draft keeps the answers (for the words said on leaving).
pub fn set_draft(path: PathBuf) {
    let _ = DRAFT.set(path);
}

/// The language of the words said on leaving (it may change at the first screen).
static LEAVING_WORDS: Mutex<Option<Words>> = Mutex::new(None);

/// Says in which language to speak on leaving.
pub fn set_words(words: Words) {
    if let Ok(mut w) = LEAVING_WORDS.lock() {
        *w = Some(words);
    }
    signals::set_stopped_text(tr!(words, "interview-stopped"));
}

fn leaving_words() -> Words {
    LEAVING_WORDS
        .lock()
        .ok()
        .and_then(|w| *w)
        .unwrap_or_else(Words::english)
}

/// Ends the interview after the person chose to leave (or SIGINT): the terminal given
/// back, one line, exit 130.
///
/// Called from the signal thread or the main thread, whichever comes first; the other
/// waits for the process to end.
pub fn cancel() -> ! {
    static STARTED: AtomicBool = AtomicBool::new(false);
    if STARTED.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    signals::restore();
    let mut err = io::stderr();
    let words = leaving_words();
    let _ = match DRAFT.get() {
        Some(path) => writeln!(
            err,
            "\n{}",
            tr!(
                words,
                "interview-left-draft",
                draft = sanitize::one_line(&path.display().to_string()).as_ref()
            )
        ),
        None => writeln!(err, "\n{}", tr!(words, "interview-cancelled")),
    };
    // The cursor is shown last, whatever was written before.
    if signals::drawn() {
        let _ = err.write_all(b"\x1b[?25h");
    }
    let _ = err.flush();
    std::process::exit(i32::from(super::error::code::CANCELLED));
}

/// The terminal's size, columns by rows; a terminal that does not say (0 × 0, as a bare
/// pseudo-terminal) is taken as 80 × 24.
pub fn size() -> (u16, u16) {
    match crossterm::terminal::size() {
        Ok((0, _)) | Ok((_, 0)) | Err(_) => (80, 24),
        Ok(size) => size,
    }
}

/// Checks that the terminal is big enough to draw in: `Err((columns, rows))` if not.
pub fn check_size() -> Result<(), (u16, u16)> {
    let (w, h) = size();
    if w < MIN_COLUMNS || h < MIN_ROWS {
        Err((w, h))
    } else {
        Ok(())
    }
}

/// One screenful to draw: a fixed top, a body that scrolls, a fixed bottom.
#[derive(Default)]
struct Frame {
    top: Vec<String>,
    body: Vec<String>,
    /// Body lines that must be visible (the cursor's item).
    focus: Option<(usize, usize)>,
    bottom: Vec<String>,
    /// Show the cursor at the end of the last line (typing), else hide it.
    typing: bool,
}

/// What a key meant in a frame.
enum Input {
    Key(KeyEvent),
    /// The terminal changed size or came back after Ctrl-Z: draw again from scratch.
    Redraw,
}

/// What a list ended with.
enum Picked {
    /// Enter on this item.
    Item(usize),
    /// Enter in a multiple choice with these ticked.
    Ticked(Vec<usize>),
    /// `?` pressed.
    DontKnow,
    /// `<` or ← pressed (or Esc where it goes back).
    Back,
    /// L pressed where it changes the language.
    Language,
    /// The person chose to leave.
    Leave,
    /// The terminal's width changed: the caller wraps its text again.
    Resized,
}

/// A line of a list.
struct Entry {
    text: String,
    swatch: Option<smp_screen::rulebook::Rgb>,
    /// Tickable (an option of a multiple choice), else an action or a single choice.
    tickable: bool,
    /// The key shown instead of a tick box (`?`, `<`).
    key: Option<char>,
}

/// The screen the interview draws on (standard error).
struct Screen {
    out: io::Stderr,
    style: Style,
    /// Rows of the frame now on screen.
    drawn: usize,
    width: usize,
    height: usize,
    words: Words,
}

impl Screen {
    fn new(style: Style) -> Screen {
        let mut s = Screen {
            out: io::stderr(),
            style,
            drawn: 0,
            width: 80,
            height: 24,
            words: Words::english(),
        };
        s.measure();
        s
    }

    fn measure(&mut self) {
        let (w, h) = size();
        self.width = usize::from(w);
        self.height = usize::from(h);
    }

    fn too_small(&self) -> bool {
        self.width < usize::from(MIN_COLUMNS) || self.height < usize::from(MIN_ROWS)
    }

    /// The width text is wrapped to: one column short of the edge, so a full line never
    /// leaves the cursor waiting to wrap.
    fn wrap_width(&self) -> usize {
        self.width.saturating_sub(1).clamp(10, MAX_WIDTH)
    }

    /// Wraps `text` with a first-line and a hanging indent (the hanging indent only from
    /// 40 columns up, where there is room for it).
    fn wrap(&self, text: &str, first: &str, rest: &str) -> Vec<String> {
        let rest = if self.width >= 40 { rest } else { "" };
        let clean = sanitize::terminal(text);
        let options = textwrap::Options::new(self.wrap_width())
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(true);
        textwrap::wrap(&clean, options)
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    }

    fn write(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())
    }

    /// Removes the frame on screen, leaving the cursor where it began.
    fn clear(&mut self) -> io::Result<()> {
        if self.drawn > 0 {
            self.write("\r")?;
            if self.drawn > 1 {
                self.write(&format!("\x1b[{}A", self.drawn - 1))?;
            }
            self.write("\x1b[J")?;
            self.drawn = 0;
        }
        self.out.flush()
    }

    /// Prints lines that stay (above the frames), wrapped.
    fn print(&mut self, text: &str, first: &str, rest: &str, paint: impl Fn(&str) -> String) -> io::Result<()> {
        self.clear()?;
        for line in self.wrap(text, first, rest) {
            self.write(&paint(&line))?;
            self.write("\r\n")?;
        }
        self.out.flush()
    }

    fn blank(&mut self) -> io::Result<()> {
        self.clear()?;
        self.write("\r\n")
    }

    /// Draws a frame in place of the one on screen.
    fn draw(&mut self, frame: &Frame) -> io::Result<()> {
        self.clear()?;
        let lines = if self.too_small() {
            // Wrapped to the little room there is (words broken only when they must be),
            // as many lines as fit.
            let text = tr!(
                self.words,
                "interview-too-small",
                columns = usize::from(MIN_COLUMNS),
                rows = usize::from(MIN_ROWS)
            );
            let options = textwrap::Options::new(self.width.max(1))
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .break_words(true);
            let mut lines: Vec<String> = textwrap::wrap(&text, options)
                .into_iter()
                .map(|l| fit_line(&l, self.width.max(1)))
                .collect();
            lines.truncate(self.height.max(1));
            lines
        } else {
            self.layout(frame)
        };
        signals::cursor(!frame.typing || self.too_small());
        let joined = lines.join("\r\n");
        self.write(&joined)?;
        self.drawn = lines.len();
        self.out.flush()
    }

    /// The lines of a frame that fit the terminal's height: the body scrolls so that its
    /// focus stays in view, with a note of what is above and below.
    fn layout(&self, frame: &Frame) -> Vec<String> {
        let mut bottom = frame.bottom.clone();
        let room = |bottom: &Vec<String>| self.height.saturating_sub(frame.top.len() + bottom.len());
        // On a short terminal, the key hints go before the question does.
        while room(&bottom) < 3 && bottom.len() > 1 {
            bottom.remove(0);
        }
        let room = room(&bottom).max(1);
        let mut lines = frame.top.clone();
        let body = &frame.body;
        let n = body.len();
        let above = format!("  {}", tr!(self.words, "interview-more-above"));
        let below = format!("  {}", tr!(self.words, "interview-more-below"));
        let above = self.style.dim(&fit_line(&above, self.wrap_width()));
        let below = self.style.dim(&fit_line(&below, self.wrap_width()));
        let (lo, hi) = frame.focus.unwrap_or((0, 0));
        if n <= room {
            lines.extend(body.iter().cloned());
        } else if room < 3 {
            // Only the focus fits (the size check keeps this rare).
            lines.extend(body[lo..=hi.min(lo + room - 1)].iter().cloned());
        } else if hi < room - 1 {
            lines.extend(body[..room - 1].iter().cloned());
            lines.push(below);
        } else if hi + room > n {
            // Near the end: no "more below".
            let start = (n + 1 - room).min(lo);
            lines.push(above);
            lines.extend(body[start..(start + room - 1).min(n)].iter().cloned());
        } else {
            let inner = room - 2;
            let start = (hi + 1).saturating_sub(inner).min(lo);
            lines.push(above);
            lines.extend(body[start..(start + inner).min(n)].iter().cloned());
            lines.push(below);
        }
        lines.extend(bottom);
        lines.truncate(self.height.max(1));
        lines
    }

    /// Waits for a key, or for a reason to draw again.
    fn key(&mut self) -> io::Result<Input> {
        loop {
            if signals::take_redraw() {
                return Ok(Input::Redraw);
            }
            if !event::poll(Duration::from_millis(200))? {
                continue;
            }
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => return Ok(Input::Key(k)),
                // Measured again by `reset`, which compares the widths.
                Event::Resize(..) => return Ok(Input::Redraw),
                _ => {}
            }
        }
    }

    /// After a resize or Ctrl-Z: the old frame may have been reflowed, so the whole
    /// screen is cleared before drawing again.
    fn reset(&mut self) -> io::Result<()> {
        self.measure();
        self.drawn = 0;
        self.write("\x1b[2J\x1b[H")
    }
}

/// Cuts a line of plain text to `width` columns (only for fixed notes that must fit
/// one line, never for rulebook text).
fn fit_line(text: &str, width: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if (out.clone() + &c.to_string()).width() > width {
            break;
        }
        out.push(c);
    }
    out
}

/// Esc, `q` or Ctrl-C: the keys that ask to leave.
fn leaves(k: &KeyEvent) -> bool {
    matches!(k.code, KeyCode::Esc | KeyCode::Char('q')) || is_ctrl(k, 'c')
}

fn is_ctrl(k: &KeyEvent, c: char) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char(c)
}

/// Asks questions on the terminal.
pub struct TerminalAsker {
    screen: Screen,
    style: Style,
    audience: Audience,
    /// Whether to show which rules read each question.
    explain: bool,
    /// For each question, the rules that read it.
    read_by: Vec<Vec<usize>>,
    draft: Option<PathBuf>,
    /// Whether questions are being asked (so leaving loses answers).
    asking: bool,
    words: Words,
    /// Whether L in a list asks for the language (on the first screen).
    language_key: bool,
    /// Whether Esc in a list goes back rather than asking to leave.
    escape_goes_back: bool,
    /// The languages a consultant may still switch to with L, before the first answer.
    language_first: Option<Vec<(String, String)>>,
    /// The language chosen at the first question, to start again in.
    switch_to: Option<String>,
}

impl TerminalAsker {
    /// An asker drawing on standard error with the given colour and audience; takes the
    /// terminal into raw mode until [`TerminalAsker::done`] or the process ends.
    pub fn new(style: Style, audience: Audience, explain: bool) -> io::Result<TerminalAsker> {
        signals::raw()?;
        Ok(TerminalAsker {
            screen: Screen::new(style),
            style,
            audience,
            explain,
            read_by: Vec::new(),
            draft: None,
            asking: false,
            words: Words::english(),
            language_key: false,
            escape_goes_back: false,
            language_first: None,
            switch_to: None,
        })
    }

    /// The language the interview speaks (the rulebook's, see `Rulebook::words`).
    pub fn set_words(&mut self, words: Words) {
        self.words = words;
        self.screen.words = words;
        set_words(words);
    }

    /// Says where the draft is kept, for the question asked before leaving.
    pub fn set_draft(&mut self, draft: Option<PathBuf>) {
        self.draft = draft;
    }

    /// Gives the terminal back (before the report is printed).
    pub fn done(&mut self) -> io::Result<()> {
        self.screen.clear()?;
        signals::restore();
        Ok(())
    }

    /// Prints lines as they are (already wrapped to the screen).
    pub fn lines(&mut self, lines: &[String]) -> io::Result<()> {
        self.screen.clear()?;
        for line in lines {
            self.screen.write(line)?;
            self.screen.write("\r\n")?;
        }
        self.screen.out.flush()
    }

    /// Prints a paragraph that stays on screen.
    pub fn tell(&mut self, text: &str) -> io::Result<()> {
        self.screen.print(text, "", "", str::to_owned)
    }

    /// Shows the title, the rulebook and the disclaimer, and for a patient asks for
    /// consent. `languages` (code, name in itself) are offered when there are several:
    /// the entry or the L key asks which, and the answer is [`Intro::Language`], for the
    /// caller to show the first screen again in it.
    pub fn intro(&mut self, rulebook: &Rulebook, languages: &[(String, String)]) -> io::Result<Intro> {
        if self.explain {
            self.read_by = (0..rulebook.questions.len())
                .map(|q| rulebook.read_by(q).to_vec())
                .collect();
        }
        let words = self.words;
        let st = self.style;
        self.screen
            .print(&tr!(words, "interview-title"), "", "", |l| st.bold(l))?;
        self.screen
            .print(&questions::rulebook_line(words, rulebook), "", "", |l| st.dim(l))?;
        self.screen.blank()?;
        self.screen
            .print(&rulebook.identity.disclaimer, "", "", str::to_owned)?;
        let switch = languages.len() > 1;
        if self.audience == Audience::Consultant {
            if !switch {
                self.screen.blank()?;
                return Ok(Intro::Start);
            }
            // No consent for a consultant: the language is offered on one line, and any
            // other key goes on to the first question (and counts there).
            self.screen
                .print(&tr!(words, "interview-language-hint"), "", "", |l| st.dim(l))?;
            self.screen.blank()?;
            self.language_first = Some(languages.to_vec());
            return Ok(Intro::Start);
        }
        let keeping = match &self.draft {
            Some(_) => tr!(words, "interview-intro-draft"),
            None => tr!(words, "interview-intro-nodraft"),
        };
        self.screen.print(&keeping, "", "", |l| st.dim(l))?;
        self.screen.blank()?;
        let choices = questions::start_choices(words, rulebook, languages, switch);
        let items: Vec<&str> = choices.iter().map(String::as_str).collect();
        let title = tr!(words, "interview-start-question");
        let entries: Vec<Entry> = items.iter().map(|s| plain_entry(s)).collect();
        let keys = tr!(words, "interview-keys-choose");
        let mut cursor = Some(0);
        loop {
            let top: Vec<String> = self
                .screen
                .wrap(&title, "", "")
                .into_iter()
                .map(|l| st.bold(&l))
                .collect();
            self.language_key = switch;
            let picked = self.list(top, Vec::new(), &entries, &mut cursor, false, &mut [], &keys, false);
            self.language_key = false;
            match picked? {
                Picked::Item(0) => return Ok(Intro::Start),
                Picked::Item(2) | Picked::Language => {
                    if let Some(code) = self.pick_language(&rulebook.language, languages)? {
                        return Ok(Intro::Language(code));
                    }
                }
                Picked::Resized => continue,
                _ => return Ok(Intro::Leave),
            }
        }
    }

    /// Clears the screen, to show the first screen again in another language.
    pub fn restart(&mut self) -> io::Result<()> {
        self.screen.reset()?;
        self.screen.out.flush()
    }

    /// Asks which language to show, the current one (`current`) marked; `None` when the
    /// person goes back with Esc.
    fn pick_language(&mut self, current: &str, languages: &[(String, String)]) -> io::Result<Option<String>> {
        let words = self.words;
        let st = self.style;
        let top: Vec<String> = self
            .screen
            .wrap(&tr!(words, "interview-language-question"), "", "")
            .into_iter()
            .map(|l| st.bold(&l))
            .collect();
        let entries: Vec<Entry> = languages.iter().map(|(_, name)| plain_entry(name)).collect();
        let mut cursor = Some(
            languages
                .iter()
                .position(|(c, _)| c.eq_ignore_ascii_case(current))
                .unwrap_or(0),
        );
        let keys = tr!(words, "interview-keys-language");
        loop {
            self.escape_goes_back = true;
            let picked = self.list(
                top.clone(),
                Vec::new(),
                &entries,
                &mut cursor,
                false,
                &mut [],
                &keys,
                false,
            );
            self.escape_goes_back = false;
            match picked? {
                Picked::Item(i) => {
                    self.screen.clear()?;
                    return Ok(Some(languages[i].0.clone()));
                }
                Picked::Resized => continue,
                Picked::Leave => cancel(),
                _ => {
                    self.screen.clear()?;
                    return Ok(None);
                }
            }
        }
    }

    /// Asks for one of `items`; `None` when the person leaves.
    pub fn choose(&mut self, title: &str, items: &[&str], default: usize) -> io::Result<Option<usize>> {
        let entries: Vec<Entry> = items.iter().map(|s| plain_entry(s)).collect();
        let mut cursor = Some(default);
        loop {
            let top = self.screen.wrap(title, "", "");
            let top = top.into_iter().map(|l| self.style.bold(&l)).collect();
            let keys = tr!(self.words, "interview-keys-choose");
            match self.list(top, Vec::new(), &entries, &mut cursor, false, &mut [], &keys, false)? {
                Picked::Item(i) => return Ok(Some(i)),
                Picked::Resized => continue,
                _ => return Ok(None),
            }
        }
    }

    /// Asks for a line of text, offering `default`; `None` when the person leaves.
    pub fn line(&mut self, title: &str, default: &str) -> io::Result<Option<String>> {
        let mut text = String::new();
        let mut message: Option<String> = None;
        loop {
            let mut frame = Frame {
                typing: true,
                ..Frame::default()
            };
            frame.body = self.screen.wrap(title, "", "");
            frame.body.extend(self.screen.wrap(
                &tr!(self.words, "interview-line-default", default = default),
                "  ",
                "  ",
            ));
            if let Some(m) = &message {
                frame.bottom.extend(self.screen.wrap(m, "  ", "  "));
            }
            frame
                .bottom
                .extend(self.dim_lines(&tr!(self.words, "interview-keys-line"), "  "));
            frame.bottom.push(format!("› {text}"));
            self.screen.draw(&frame)?;
            match self.screen.key()? {
                Input::Redraw => self.screen.reset()?,
                Input::Key(k) => match k.code {
                    KeyCode::Enter => {
                        self.screen.clear()?;
                        let t = text.trim();
                        return Ok(Some(if t.is_empty() { default.to_owned() } else { t.to_owned() }));
                    }
                    KeyCode::Esc => {
                        self.screen.clear()?;
                        return Ok(None);
                    }
                    _ if is_ctrl(&k, 'c') => {
                        self.screen.clear()?;
                        return Ok(None);
                    }
                    _ => message = edit(&mut text, &k, self.screen.width, self.words).err(),
                },
            }
        }
    }

    fn dim_lines(&self, text: &str, indent: &str) -> Vec<String> {
        self.screen
            .wrap(text, indent, indent)
            .into_iter()
            .map(|l| self.style.dim(&l))
            .collect()
    }

    /// The header, question and help of a question, as frame lines.
    fn question_lines(&self, session: &Session, question: &Question, prompt: &Prompt) -> (Vec<String>, Vec<String>) {
        let st = self.style;
        let top = self
            .screen
            .wrap(&questions::header(self.words, question, prompt), "", "  ")
            .into_iter()
            .map(|l| st.dim(&l))
            .collect();
        let mut body: Vec<String> = self
            .screen
            .wrap(question.prompt_for(self.audience), "", "")
            .into_iter()
            .map(|l| st.bold(&l))
            .collect();
        body.extend(self.dim_lines(question.help_for(self.audience), "  "));
        if let Some(readers) = self.read_by.get(prompt.question).filter(|r| !r.is_empty()) {
            let rules = session.rulebook();
            let titles: Vec<&str> = readers.iter().map(|&r| rules.rules[r].title.as_str()).collect();
            body.extend(self.dim_lines(
                &tr!(self.words, "interview-read-by", rules = titles.join("; ").as_str()),
                "  ",
            ));
        }
        (top, body)
    }

    /// Asks whether to leave: true to leave. A second Esc or Ctrl-C leaves at once.
    fn confirm_leave(&mut self) -> io::Result<bool> {
        let ask = if self.asking {
            questions::leave_question(self.words, self.draft.as_deref())
        } else {
            tr!(self.words, "interview-leave")
        };
        let keys = tr!(self.words, "interview-keys-leave");
        loop {
            let frame = Frame {
                body: self.screen.wrap(&ask, "", ""),
                bottom: self.dim_lines(&keys, "  "),
                ..Frame::default()
            };
            self.screen.draw(&frame)?;
            match self.screen.key()? {
                Input::Redraw => self.screen.reset()?,
                Input::Key(k) => {
                    return Ok(match k.code {
                        KeyCode::Char('y' | 'Y') | KeyCode::Esc => true,
                        // The language's own one-letter "yes" (s for sì, sí) leaves too.
                        KeyCode::Char(c) if is_yes_letter(self.words, c) => true,
                        _ if is_ctrl(&k, 'c') => true,
                        _ => false,
                    });
                }
            }
        }
    }

    /// A list to move through: the one widget of every choice. Nothing has the cursor
    /// until ↓ (or ↑) is pressed, unless `cursor` says where it starts; the first ↓ always
    /// lands on the first item. `ticked` holds the ticks of a multiple choice.
    #[allow(clippy::too_many_arguments)]
    fn list(
        &mut self,
        top: Vec<String>,
        body: Vec<String>,
        items: &[Entry],
        cursor: &mut Option<usize>,
        multi: bool,
        ticked: &mut [bool],
        keys: &str,
        actions: bool,
    ) -> io::Result<Picked> {
        let mut message: Option<String> = None;
        loop {
            let mut frame = Frame {
                top: top.clone(),
                body: body.clone(),
                ..Frame::default()
            };
            if !body.is_empty() {
                frame.body.push(String::new());
            }
            for (i, item) in items.iter().enumerate() {
                let start = frame.body.len();
                frame
                    .body
                    .extend(self.entry_lines(item, *cursor == Some(i), ticked.get(i).copied().unwrap_or(false)));
                if *cursor == Some(i) {
                    frame.focus = Some((start, frame.body.len() - 1));
                }
            }
            if let Some(m) = &message {
                let st = self.style;
                frame.bottom.extend(
                    self.screen
                        .wrap(m, "  ", "  ")
                        .into_iter()
                        .map(|l| st.severity(Severity::High, &l)),
                );
            }
            frame.bottom.extend(self.dim_lines(keys, "  "));
            self.screen.draw(&frame)?;
            let k = match self.screen.key()? {
                Input::Redraw => {
                    let before = self.screen.width;
                    self.screen.reset()?;
                    if self.screen.width != before {
                        return Ok(Picked::Resized);
                    }
                    continue;
                }
                Input::Key(k) => k,
            };
            message = None;
            let last = items.len() - 1;
            match k.code {
                KeyCode::Down | KeyCode::Tab | KeyCode::Char('j') => {
                    *cursor = Some(cursor.map_or(0, |c| (c + 1).min(last)));
                }
                KeyCode::Up | KeyCode::BackTab | KeyCode::Char('k') => {
                    *cursor = Some(cursor.map_or(0, |c| c.saturating_sub(1)));
                }
                KeyCode::Home | KeyCode::PageUp => *cursor = Some(0),
                KeyCode::End | KeyCode::PageDown => *cursor = Some(last),
                KeyCode::Char(d @ '1'..='9') => {
                    let n = d as usize - '1' as usize;
                    if n <= last && items[n].key.is_none() {
                        *cursor = Some(n);
                    }
                }
                KeyCode::Char('l' | 'L') if self.language_key => return Ok(Picked::Language),
                KeyCode::Esc if self.escape_goes_back => return Ok(Picked::Back),
                KeyCode::Char('?') if actions => return Ok(Picked::DontKnow),
                KeyCode::Char('<') | KeyCode::Left if actions => return Ok(Picked::Back),
                KeyCode::Char(' ') if multi => match *cursor {
                    Some(c) if items[c].tickable => ticked[c] = !ticked[c],
                    Some(_) => message = Some(tr!(self.words, "interview-not-an-answer")),
                    None => message = Some(tr!(self.words, "interview-move-first")),
                },
                KeyCode::Enter => match *cursor {
                    Some(c) if !multi || !items[c].tickable => return Ok(Picked::Item(c)),
                    _ if multi => {
                        let chosen: Vec<usize> = (0..items.len()).filter(|&i| ticked[i]).collect();
                        if chosen.is_empty() {
                            message = Some(tr!(
                                self.words,
                                "interview-nothing-ticked-keys",
                                dontknow = questions::dont_know(self.words).as_str()
                            ));
                        } else {
                            return Ok(Picked::Ticked(chosen));
                        }
                    }
                    _ => message = Some(tr!(self.words, "interview-nothing-chosen")),
                },
                _ if leaves(&k) && self.confirm_leave()? => return Ok(Picked::Leave),
                _ => {}
            }
        }
    }

    /// The lines of one list entry: a cursor marker that needs no colour (`>`), a tick
    /// box for a multiple choice (`[x]`), a swatch where the rulebook gives one, and the
    /// label wrapped under itself.
    fn entry_lines(&self, item: &Entry, at: bool, ticked: bool) -> Vec<String> {
        let st = self.style;
        let marker = if at { "> " } else { "  " };
        let boxed = match (item.key, item.tickable) {
            (Some(key), _) => format!("{key}   "),
            (None, true) if ticked => "[x] ".to_owned(),
            (None, true) => "[ ] ".to_owned(),
            (None, false) => String::new(),
        };
        let swatch = item.swatch.map(|rgb| st.swatch(rgb)).unwrap_or_default();
        let swatch_cols = if swatch.is_empty() { 0 } else { 3 };
        let lead = format!("{marker}{boxed}");
        let indent = " ".repeat(lead.width() + swatch_cols);
        let mut lines = self.screen.wrap(&item.text, &indent, &indent);
        if let Some(first) = lines.first_mut() {
            let text = first[indent.len()..].to_owned();
            *first = format!("{lead}{swatch}{text}");
        }
        if at {
            lines = lines.into_iter().map(|l| st.bold(&l)).collect();
        }
        lines
    }

    fn option_entries(&self, question: &Question, prompt: &Prompt, tickable: bool) -> Vec<Entry> {
        match question.kind {
            QuestionKind::YesNo => [tr!(self.words, "interview-yes"), tr!(self.words, "interview-no")]
                .map(|t| plain_entry(&t))
                .into(),
            _ => prompt
                .options
                .iter()
                .map(|&i| Entry {
                    text: questions::label(question, i, self.audience),
                    swatch: question.options[i].swatch,
                    tickable,
                    key: None,
                })
                .collect(),
        }
    }

    fn choice(&mut self, session: &Session, question: &Question, prompt: &Prompt) -> io::Result<Reply> {
        let multi = question.kind == QuestionKind::Multiple;
        let mut items = self.option_entries(question, prompt, multi);
        let n = items.len();
        items.push(Entry {
            text: questions::dont_know(self.words),
            swatch: None,
            tickable: false,
            key: Some('?'),
        });
        if prompt.can_go_back {
            items.push(Entry {
                text: tr!(self.words, "interview-back"),
                swatch: None,
                tickable: false,
                key: Some('<'),
            });
        }
        let mut ticked = vec![false; items.len()];
        let cursor = match prompt.previous {
            Slot::Given(Value::Choice(c)) => prompt.options.iter().position(|&i| i == usize::from(c)),
            Slot::Given(Value::Bool(b)) => Some(usize::from(!b)),
            Slot::Given(Value::Multi(m)) => {
                for (k, &i) in prompt.options.iter().enumerate() {
                    ticked[k] = m & (1u64 << i) != 0;
                }
                ticked.iter().position(|&t| t)
            }
            Slot::DontKnow => Some(n),
            _ => None,
        };
        let keys = if multi {
            tr!(self.words, "interview-keys-multiple")
        } else {
            tr!(self.words, "interview-keys-single")
        };
        let mut cursor = cursor;
        let mut note: Option<String> = None;
        loop {
            let (top, body) = self.question_lines(session, question, prompt);
            // A message about the ticks stays above the list, which keeps them.
            let mut with = body;
            if let Some(m) = &note {
                let st = self.style;
                with.extend(
                    self.screen
                        .wrap(m, "  ", "  ")
                        .into_iter()
                        .map(|l| st.severity(Severity::High, &l)),
                );
            }
            self.language_key = self.language_first.is_some();
            let picked = self.list(top, with, &items, &mut cursor, multi, &mut ticked, &keys, true);
            self.language_key = false;
            let picked = picked?;
            let reply = match picked {
                Picked::Resized => continue,
                Picked::Leave => Ok(Reply::Cancel),
                Picked::DontKnow => Ok(Reply::Answer(Slot::DontKnow)),
                Picked::Back if prompt.can_go_back => Ok(Reply::Back),
                Picked::Back => Err(tr!(self.words, "interview-first-question")),
                Picked::Language => match self.switch_language(session)? {
                    Some(reply) => Ok(reply),
                    None => continue,
                },
                Picked::Item(i) if i == n => Ok(Reply::Answer(Slot::DontKnow)),
                Picked::Item(i) if i > n => Ok(Reply::Back),
                Picked::Item(i) => match question.kind {
                    QuestionKind::YesNo => Ok(Reply::Answer(Slot::Given(Value::Bool(i == 0)))),
                    _ => Ok(Reply::Answer(Slot::Given(Value::Choice(prompt.options[i] as u16)))),
                },
                Picked::Ticked(chosen) => questions::multi_reply(self.words, question, prompt, &chosen, self.audience),
            };
            match reply {
                Ok(r) => return Ok(r),
                Err(m) => note = Some(m),
            }
        }
    }

    /// A number typed on one line. It starts empty; an earlier answer is shown beside it
    /// and kept by Enter on nothing.
    fn number(&mut self, session: &Session, question: &Question, prompt: &Prompt) -> io::Result<Reply> {
        let earlier = match prompt.previous {
            Slot::Missing => None,
            slot => Some(questions::answer_words(self.words, question, &slot, self.audience)),
        };
        let mut text = String::new();
        let mut message: Option<String> = None;
        loop {
            let (top, body) = self.question_lines(session, question, prompt);
            let mut frame = Frame {
                top,
                body,
                typing: true,
                ..Frame::default()
            };
            if let Some(e) = &earlier {
                frame.body.extend(self.screen.wrap(
                    &tr!(self.words, "interview-earlier-answer", answer = e),
                    "  ",
                    "  ",
                ));
            }
            if let Some(m) = &message {
                let st = self.style;
                frame.bottom.extend(
                    self.screen
                        .wrap(m, "  ", "  ")
                        .into_iter()
                        .map(|l| st.severity(Severity::High, &l)),
                );
            }
            let keys = if prompt.can_go_back {
                tr!(self.words, "interview-keys-number-back")
            } else {
                tr!(self.words, "interview-keys-number")
            };
            frame.bottom.extend(self.dim_lines(&keys, "  "));
            frame.bottom.push(format!("› {text}"));
            self.screen.draw(&frame)?;
            let k = match self.screen.key()? {
                Input::Redraw => {
                    self.screen.reset()?;
                    continue;
                }
                Input::Key(k) => k,
            };
            message = None;
            match k.code {
                KeyCode::Enter => {
                    let typed = text.trim();
                    let reply = match typed {
                        "" => match prompt.previous {
                            Slot::Missing => Err(tr!(self.words, "interview-type-a-number")),
                            previous => Ok(Reply::Answer(previous)),
                        },
                        "?" => Ok(Reply::Answer(Slot::DontKnow)),
                        "<" if prompt.can_go_back => Ok(Reply::Back),
                        _ => questions::number_reply(self.words, question, typed),
                    };
                    match reply {
                        Ok(r) => return Ok(r),
                        Err(m) => message = Some(m),
                    }
                }
                KeyCode::Char('?') if text.is_empty() => return Ok(Reply::Answer(Slot::DontKnow)),
                KeyCode::Char('<') if text.is_empty() && prompt.can_go_back => return Ok(Reply::Back),
                KeyCode::Char('l' | 'L') if text.is_empty() && self.language_first.is_some() => {
                    if let Some(reply) = self.switch_language(session)? {
                        return Ok(reply);
                    }
                }
                // q is a key like any other once something is typed.
                _ if (leaves(&k) && (text.is_empty() || k.code != KeyCode::Char('q'))) => {
                    if self.confirm_leave()? {
                        return Ok(Reply::Cancel);
                    }
                }
                _ => message = edit(&mut text, &k, self.screen.width, self.words).err(),
            }
        }
    }

    /// L at the first question (a consultant's first screen): asks for the language;
    /// a choice leaves the questions (nothing is answered yet) to start again in it.
    fn switch_language(&mut self, session: &Session) -> io::Result<Option<Reply>> {
        let Some(languages) = self.language_first.clone() else {
            return Ok(None);
        };
        let current = session.rulebook().language.clone();
        Ok(match self.pick_language(&current, &languages)? {
            Some(code) if !code.eq_ignore_ascii_case(&current) => {
                self.switch_to = Some(code);
                Some(Reply::Cancel)
            }
            _ => None,
        })
    }

    /// The language chosen at the first question, once.
    pub fn take_switch(&mut self) -> Option<String> {
        self.switch_to.take()
    }

    /// Prints the line that stays after an answer.
    fn record(&mut self, question: &Question, slot: &Slot) -> io::Result<()> {
        let words = questions::answer_words(self.words, question, slot, self.audience);
        let line = format!("✔ {}: {words}", sanitize::one_line(&question.short));
        let st = self.style;
        self.screen.print(&line, "", "  ", |l| st.dim(l))
    }
}

/// Edits typed text by one key: characters (wide ones too), Backspace, Ctrl-U. An error
/// says why a key did nothing.
fn edit(text: &mut String, k: &KeyEvent, width: usize, words: Words) -> Result<(), String> {
    match k.code {
        KeyCode::Backspace => {
            text.pop();
        }
        _ if is_ctrl(k, 'u') => text.clear(),
        KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) && !c.is_control() => {
            let room = width.saturating_sub(4).min(MAX_TYPED);
            if (text.clone() + &c.to_string()).width() > room {
                return Err(tr!(words, "interview-too-long"));
            }
            text.push(c);
        }
        _ => {}
    }
    Ok(())
}

/// Whether `c` is a one-letter "yes" in the language (`interview-plain-yes-words`).
fn is_yes_letter(words: Words, c: char) -> bool {
    let yes = tr!(words, "interview-plain-yes-words");
    let c = c.to_lowercase().to_string();
    yes.split_whitespace().any(|w| w == c)
}

fn plain_entry(text: &str) -> Entry {
    Entry {
        text: text.to_owned(),
        swatch: None,
        tickable: false,
        key: None,
    }
}

impl Asker for TerminalAsker {
    fn ask(&mut self, session: &Session, prompt: &Prompt) -> io::Result<Reply> {
        self.asking = true;
        let question = &session.rulebook().questions[prompt.question];
        let reply = match question.kind {
            QuestionKind::Number => self.number(session, question, prompt)?,
            _ => self.choice(session, question, prompt)?,
        };
        self.screen.clear()?;
        if let Reply::Answer(slot) = &reply {
            self.language_first = None;
            self.record(question, slot)?;
        }
        Ok(reply)
    }

    fn review(&mut self, session: &Session) -> io::Result<ReviewReply> {
        let rb = session.rulebook();
        let items = session.review_items();
        let st = self.style;
        let top: Vec<String> = self
            .screen
            .wrap(&tr!(self.words, "interview-review-title"), "", "")
            .into_iter()
            .map(|l| st.bold(&l))
            .collect();
        let mut entries = vec![plain_entry(&tr!(self.words, "interview-review-confirm"))];
        for &q in &items {
            let question = &rb.questions[q];
            let words = questions::answer_words(self.words, question, session.answers().slot(q), self.audience);
            entries.push(plain_entry(&format!(
                "{}: {words}",
                sanitize::one_line(&question.short)
            )));
        }
        entries.push(plain_entry(&tr!(self.words, "interview-review-back")));
        entries.push(plain_entry(&tr!(self.words, "interview-review-leave")));
        let keys = tr!(self.words, "interview-keys-choose");
        let picked = self.list(top, Vec::new(), &entries, &mut Some(0), false, &mut [], &keys, false)?;
        self.screen.clear()?;
        Ok(match picked {
            Picked::Resized => return self.review(session),
            Picked::Item(0) => ReviewReply::Confirm,
            Picked::Item(i) if i <= items.len() => ReviewReply::Edit(items[i - 1]),
            Picked::Item(i) if i == items.len() + 1 => ReviewReply::Back,
            Picked::Item(_) => {
                if self.confirm_leave()? {
                    ReviewReply::Cancel
                } else {
                    return self.review(session);
                }
            }
            _ => ReviewReply::Cancel,
        })
    }

    fn offer_stop(&mut self, session: &Session, reasons: &[usize]) -> io::Result<bool> {
        let rb = session.rulebook();
        let st = self.style;
        let mut body: Vec<String> = self
            .screen
            .wrap(&tr!(self.words, "interview-stop-title"), "", "")
            .into_iter()
            .map(|l| st.bold(&l))
            .collect();
        for &r in reasons {
            let rule = &rb.rules[r];
            let text = match self.audience {
                Audience::Patient => rule.summary_or_title().to_owned(),
                Audience::Consultant => format!("[{}] {}", rule.id, rule.title),
            };
            body.extend(self.screen.wrap(&text, "  • ", "    "));
        }
        let entries = [
            tr!(self.words, "interview-stop-here"),
            tr!(self.words, "interview-stop-continue"),
        ]
        .map(|t| plain_entry(&t));
        let keys = tr!(self.words, "interview-keys-choose");
        let default = usize::from(self.audience == Audience::Consultant);
        let picked = self.list(
            Vec::new(),
            body,
            &entries,
            &mut Some(default),
            false,
            &mut [],
            &keys,
            false,
        )?;
        self.screen.clear()?;
        match picked {
            Picked::Resized => self.offer_stop(session, reasons),
            Picked::Item(i) => Ok(i == 0),
            _ => cancel(),
        }
    }
}
