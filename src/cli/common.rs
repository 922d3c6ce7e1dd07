//! Helpers every subcommand shares: loading the rulebook, reading inputs, deciding the
//! output's width and colour, and writing files atomically.

use super::error::CliError;
use clap::Args;
use smp_screen::answers::Answers;
use smp_screen::date::Date;
use smp_screen::record::Record;
use smp_screen::report::{Context, Frame, Report, Screening};
use smp_screen::rulebook::source::{read_bounded, strip_bom};
use smp_screen::rulebook::{Rulebook, Sources};
use smp_screen::style::{ColorChoice, Style};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Largest answers file accepted.
pub const MAX_ANSWERS_BYTES: u64 = 4 * 1024 * 1024;

/// `--rules PATH`.
#[derive(Debug, Clone, Args)]
pub struct RulesArg {
    /// Rulebook file, or folder of *.json files [default: the embedded rulebook]
    #[arg(long = "rules", value_name = "PATH")]
    pub path: Option<PathBuf>,
}

impl RulesArg {
    /// Loads and validates the rulebook in the chosen language (see `--lang`), warning on
    /// stderr if its review is overdue.
    pub fn load(&self) -> Result<Rulebook, CliError> {
        let rulebook = super::lang::localize(load(self.path.as_deref())?, self.path.as_deref())?;
        warn_if_overdue(&rulebook);
        Ok(rulebook)
    }

    /// Loads the rulebook as [`RulesArg::load`] does, and also as it is in English, to be
    /// shown again in another language (the interview's first screen).
    pub fn load_with_english(&self) -> Result<(Rulebook, Rulebook), CliError> {
        let english = load(self.path.as_deref())?;
        let rulebook = super::lang::localize(english.clone(), self.path.as_deref())?;
        warn_if_overdue(&rulebook);
        Ok((rulebook, english))
    }
}

/// `--save FILE`, `--save-html FILE`, `--force` and `--label TEXT`.
#[derive(Debug, Clone, Args)]
pub struct SaveArgs {
    /// Save a record (answers, result, rulebook, tool, time; nothing identifying) to FILE
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// Also write the result as a printable HTML handout to FILE
    #[arg(long, value_name = "FILE")]
    pub save_html: Option<PathBuf>,
    /// Replace the --save or --save-html file if it exists
    #[arg(long)]
    pub force: bool,
    /// A label of your choosing, such as a case number (up to 200 characters): printed on
    /// the handout and the notes, and kept in the record
    #[arg(long, value_name = "TEXT", value_parser = parse_label)]
    pub label: Option<String>,
}

impl SaveArgs {
    /// Fails early, before any question is asked, if a file could not be saved.
    pub fn check(&self) -> Result<(), CliError> {
        if let (Some(record), Some(page)) = (&self.save, &self.save_html)
            && same_file(record, page)
        {
            return Err(CliError::SamePath {
                first: record.clone(),
                second: page.clone(),
            });
        }
        for path in self.save.iter().chain(&self.save_html) {
            check_writable(path, self.force)?;
        }
        Ok(())
    }
}

/// Longest `--label`.
const MAX_LABEL: usize = smp_screen::record::MAX_LABEL;

fn parse_label(text: &str) -> Result<String, String> {
    if text.chars().count() > MAX_LABEL {
        return Err(format!("a label is at most {MAX_LABEL} characters"));
    }
    if text.chars().any(char::is_control) {
        return Err("a label cannot hold control characters or line breaks".to_owned());
    }
    Ok(text.trim().to_owned())
}

/// Loads the rulebook at `path`, or the embedded one.
pub fn load(path: Option<&Path>) -> Result<Rulebook, CliError> {
    let sources = match path {
        Some(p) => Sources::read(p)?,
        None => Sources::embedded(),
    };
    Ok(Rulebook::from_sources(sources)?)
}

fn warn_if_overdue(rulebook: &Rulebook) {
    let due = &rulebook.identity.review_due;
    // The local date is at most a day from the UTC one, and finding it means reading the
    // system's time zone (a tenth of a whole `assess`): skip that while the review is not
    // near.
    let far = |d: Date| d.days() > Date::today_utc().days() + 1;
    if Date::parse(due).is_some_and(|d| !far(d) && d < Date::today()) {
        let words = rulebook.words();
        say(&smp_screen::tr!(
            words,
            "report-review-overdue",
            id = smp_screen::sanitize::one_line(&rulebook.identity.id).as_ref(),
            version = smp_screen::sanitize::one_line(&rulebook.identity.version).as_ref(),
            date = smp_screen::sanitize::one_line(&smp_screen::words::written_iso(words, due)).as_ref()
        ));
    }
}

/// Reads a whole file, or standard input for `-`, refusing more than `limit` bytes.
pub fn read_input(path: &Path, what: &'static str, limit: u64) -> Result<String, CliError> {
    let io = |source| CliError::Io {
        what,
        path: path.to_owned(),
        source,
    };
    let read = if path == Path::new("-") {
        read_bounded(std::io::stdin().lock(), limit)
    } else {
        read_bounded(std::fs::File::open(path).map_err(io)?, limit)
    };
    let Some(bytes) = read.map_err(io)? else {
        return Err(CliError::TooLarge {
            what: format!("{} {}", what.trim_start_matches("cannot read "), path.display()),
            limit,
        });
    };
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = smp_screen::rulebook::source::utf8_position(e.as_bytes(), e.utf8_error().valid_up_to());
        io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("not UTF-8 text (first bad byte at {at})"),
        ))
    })?;
    strip_bom(&mut text);
    Ok(text)
}

/// Writes `bytes` to standard output in one piece. Any failure is an I/O error (exit 5)
/// naming standard output; a closed pipe stays a `BrokenPipe` inside it, which the exit
/// code mapping lets pass quietly as 0.
pub fn print(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush()).map_err(stdout_error)
}

/// The error of a failed write to standard output.
pub fn stdout_error(source: std::io::Error) -> CliError {
    CliError::Io {
        what: "cannot write",
        path: PathBuf::from("standard output"),
        source,
    }
}

/// Writes a line to standard error; a standard error that cannot be written to is not
/// worth failing for (`eprintln!` would panic).
pub fn say(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// Style and wrap width for standard output.
pub fn stdout_style(color: ColorChoice) -> (Style, usize) {
    let tty = std::io::stdout().is_terminal();
    let width = if tty {
        console::Term::stdout().size_checked().map_or(80, |(_, w)| w as usize)
    } else {
        std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(80)
    };
    (Style::decide(color, tty), width.clamp(40, 100))
}

/// Whether two names mean the same file, existing or not (`x` and `./x`, or a link and
/// its target).
pub fn same_file(a: &Path, b: &Path) -> bool {
    fn resolved(p: &Path) -> PathBuf {
        if let Ok(full) = std::fs::canonicalize(p) {
            return full;
        }
        let parent = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        match (std::fs::canonicalize(parent), p.file_name()) {
            (Ok(dir), Some(name)) => dir.join(name),
            _ => p.to_owned(),
        }
    }
    a == b || resolved(a) == resolved(b)
}

/// Fails early if `path` exists and may not be replaced: without `force` nothing is
/// replaced, and never anything but a regular file (a FIFO, a device or a folder stays).
pub fn check_writable(path: &Path, force: bool) -> Result<(), CliError> {
    let exists = std::fs::symlink_metadata(path).is_ok();
    if !exists {
        return Ok(());
    }
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(CliError::NotRegular {
            path: path.to_owned(),
            what: smp_screen::rulebook::source::kind_of(&meta.file_type()),
        }),
        _ if !force => Err(CliError::Exists { path: path.to_owned() }),
        _ => Ok(()),
    }
}

/// A file written atomically: everything goes to a temporary file in the same folder
/// (owner-only permissions), which replaces `path` only on [`AtomicFile::commit`]. Dropped
/// without a commit, it leaves nothing behind.
pub struct AtomicFile {
    path: PathBuf,
    dir: PathBuf,
    tmp: std::io::BufWriter<tempfile::NamedTempFile>,
    force: bool,
}

impl AtomicFile {
    /// Starts writing `path`; fails at once if it exists and may not be replaced.
    pub fn create(path: &Path, force: bool) -> Result<AtomicFile, CliError> {
        check_writable(path, force)?;
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        super::cleanup::warn_stale(dir);
        let tmp = tempfile::Builder::new()
            .prefix(".smp-screen-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|source| CliError::Io {
                what: "cannot write",
                path: path.to_owned(),
                source,
            })?;
        Ok(AtomicFile {
            path: path.to_owned(),
            dir: dir.to_owned(),
            tmp: std::io::BufWriter::with_capacity(1 << 16, tmp),
            force,
        })
    }

    /// The temporary file being written.
    pub fn temp_path(&self) -> &Path {
        self.tmp.get_ref().path()
    }

    /// Flushes to disk and moves the file into place. Without `force` an existing file is
    /// never replaced, even one created meanwhile.
    pub fn commit(self) -> Result<(), CliError> {
        let path = self.path;
        let io = |source| CliError::Io {
            what: "cannot write",
            path: path.clone(),
            source,
        };
        let tmp = self.tmp.into_inner().map_err(|e| io(e.into_error()))?;
        tmp.as_file().sync_all().map_err(io)?;
        test_fault("before-rename").map_err(io)?;
        // Checked again: something else may have been put there while we wrote.
        if self.force {
            check_writable(&path, true)?;
        }
        let persisted = if self.force {
            tmp.persist(&path).map(drop)
        } else {
            tmp.persist_noclobber(&path).map(drop)
        };
        persisted.map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                CliError::Exists { path: path.clone() }
            } else {
                io(e.error)
            }
        })?;
        // The rename itself is durable only once the folder is flushed; where folders
        // cannot be opened for that (Windows), the rename is as durable as it gets.
        if let Ok(dir) = std::fs::File::open(self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        test_fault("write")?;
        self.tmp.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush()
    }
}

/// Failure injection for the tests of atomic writes (as git's `GIT_TEST_*` variables):
/// `SMP_SCREEN_TEST_FAULT=STEP` fails that step with an I/O error, and
/// `SMP_SCREEN_TEST_FAULT=abort-STEP` kills the process there, as a power cut would.
fn test_fault(step: &str) -> std::io::Result<()> {
    let Some(fault) = std::env::var_os("SMP_SCREEN_TEST_FAULT") else {
        return Ok(());
    };
    if fault.to_str() == Some(step) {
        return Err(std::io::Error::other(format!("injected failure at {step}")));
    }
    if fault.to_str().and_then(|f| f.strip_prefix("abort-")) == Some(step) {
        std::process::abort();
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically (see [`AtomicFile`]).
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), CliError> {
    let mut file = AtomicFile::create(path, force)?;
    file.write_all(bytes).map_err(|source| CliError::Io {
        what: "cannot write",
        path: path.to_owned(),
        source,
    })?;
    file.commit()
}

/// Where and how a result goes: its format on standard output, and the files to save.
pub struct Delivery<'a> {
    /// The format.
    pub renderer: &'a dyn Report,
    /// Colour and width for standard output.
    pub style: Style,
    /// Wrap width.
    pub width: usize,
    /// What to save, and how.
    pub save: &'a SaveArgs,
    /// Show HOW and WHY in full.
    pub explain: bool,
}

/// Prints a result on standard output, then saves its handout and record if asked; they
/// are written only once the result has been printed in full.
pub fn deliver(rulebook: &Rulebook, answers: &Answers, screening: &Screening, d: Delivery) -> anyhow::Result<()> {
    let cx = Context {
        screening,
        rulebook,
        answers,
        style: d.style,
        width: d.width,
        explain: d.explain,
    };
    let mut buf = Vec::new();
    d.renderer.render(&cx, &mut buf)?;
    print(&buf)?;
    if let Some(path) = &d.save.save_html {
        let mut page = Vec::new();
        let cx = Context {
            style: Style::PLAIN,
            width: 80,
            ..cx
        };
        let frame = Frame {
            label: d.save.label.as_deref(),
            ..Frame::default()
        };
        smp_screen::report::Html.page(&cx, &frame, &mut page)?;
        write_atomic(path, &page, d.save.force)?;
    }
    if let Some(path) = &d.save.save {
        let record = Record::new(rulebook, answers, screening, d.save.label.clone());
        write_atomic(path, record.to_json().as_bytes(), d.save.force)?;
    }
    Ok(())
}
