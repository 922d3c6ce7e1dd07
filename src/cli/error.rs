//! Errors the command line tells apart, and the exit code of each.

use smp_screen::answers::AnswerErrors;
use smp_screen::rulebook::RulebookError;
use smp_screen::rulebook::source::ReadError;
use smp_screen::sanitize::one_line;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Exit codes, documented in the README and `--help`.
pub mod code {
    /// Screened (or the command did its job).
    pub const OK: u8 = 0;
    /// An unexpected internal error.
    pub const INTERNAL: u8 = 1;
    /// Bad command-line usage (clap's own code).
    pub const USAGE: u8 = 2;
    /// Invalid answers.
    pub const ANSWERS: u8 = 3;
    /// Invalid or unreadable rulebook.
    pub const RULEBOOK: u8 = 4;
    /// A file could not be read or written (or would be overwritten).
    pub const IO: u8 = 5;
    /// The terminal is too small to draw the interview in.
    pub const NO_TERMINAL: u8 = 6;
    /// `rules test`: a golden case failed.
    pub const TESTS_FAILED: u8 = 7;
    /// `batch`: some rows could not be screened (their error records are in the output).
    pub const ROWS_FAILED: u8 = 8;
    /// `replay --exit-code`: the result differs from the record.
    pub const CHANGED: u8 = 9;
    /// `rules prove`: at least one invariant is refuted.
    pub const REFUTED: u8 = 10;
    /// `rules diff`: the two rulebooks behave differently.
    pub const BEHAVES_DIFFERENTLY: u8 = 11;
    /// The interview was cancelled (Ctrl-C or Esc), as shells report SIGINT.
    pub const CANCELLED: u8 = 130;
}

/// The exit-code table printed at the end of `--help`.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0    screened
  2    usage error (also: --save and --save-html naming the same file)
  3    invalid answers (unknown question, invalid option, wrong type, missing under --strict),
       or a file given to replay that is not a record, or a record whose result
       --from-record cannot reproduce, or a batch --id-column missing from the CSV header
  4    invalid or unreadable rulebook, or not the one a record was made with (--from-record)
  5    a file could not be read or written (standard output too: full, closed or failing),
       would be overwritten without --force, or is not a regular file; a closed pipe
       (`smp-screen ... | head`) is not an error and exits 0
  6    the terminal is too small to draw the interview (use --plain, or a larger window)
  7    rules test: a golden case failed
  8    batch: some rows could not be screened (each has an error record)
  9    replay --exit-code: the result differs from the record
  10   rules prove: an invariant is refuted (a counterexample is written)
  11   rules diff: some answer set gets a different verdict or ink
  130  interview left (Esc, q or Ctrl-C, then confirmed), or its input ended";

/// An error with a known exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Answers that failed validation.
    #[error("{}", render_answers(origin, errors))]
    Answers {
        /// Where they came from, in words.
        origin: String,
        /// What is wrong.
        errors: AnswerErrors,
    },
    /// A rulebook that failed validation.
    /// Bad usage found after parsing, such as a language that does not exist.
    #[error("error: {0}")]
    Usage(String),
    #[error("{0}")]
    Rulebook(#[from] RulebookError),
    /// A rulebook that could not be read.
    #[error("error: {0}")]
    RulebookRead(#[from] ReadError),
    /// A file that could not be read or written.
    #[error("error: {what} {}: {}", shown(path), one_line(&source.to_string()))]
    Io {
        /// What was being done.
        what: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Refusing to replace a file.
    #[error("error: {} already exists; pass --force to replace it", shown(path))]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// Refusing to replace something that is not a regular file, `--force` or not.
    #[error(
        "error: {} is {what}, not a regular file; smp-screen writes only regular files",
        shown(path)
    )]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is, in words.
        what: &'static str,
    },
    /// One file named for two outputs of the same command.
    #[error(
        "error: {} and {} are the same file; give each output its own file",
        shown(first),
        shown(second)
    )]
    SamePath {
        /// The first name.
        first: PathBuf,
        /// The second name.
        second: PathBuf,
    },
    /// The terminal is too small to draw the interview in.
    #[error("{}", too_small(*columns, *rows, *min_columns, *min_rows))]
    TerminalTooSmall {
        /// Its width.
        columns: u16,
        /// Its height.
        rows: u16,
        /// The least width.
        min_columns: u16,
        /// The least height.
        min_rows: u16,
    },
    /// A draft that would be overwritten by a new interview.
    #[error("{}", draft_exists(path))]
    DraftExists {
        /// The draft.
        path: PathBuf,
    },
    /// A file given as a record that is not one.
    #[error("error: {}: {}", shown(path), one_line(message))]
    Record {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// `--from-record` with a rulebook other than the record's.
    #[error(
        "error: {} was made with rulebook {recorded}, but the rulebook loaded is {loaded}; load that rulebook with --rules to re-print it, or see what the loaded one says with `smp-screen replay`",
        path.display()
    )]
    NotTheRecordsRulebook {
        /// The record.
        path: PathBuf,
        /// The rulebook it names.
        recorded: String,
        /// The rulebook loaded.
        loaded: String,
    },
    /// Input larger than accepted.
    #[error("error: {} is larger than {} MiB, the limit", one_line(what), limit >> 20)]
    TooLarge {
        /// What.
        what: String,
        /// The limit.
        limit: u64,
    },
}

impl CliError {
    /// The exit code for this error.
    pub fn code(&self) -> u8 {
        match self {
            CliError::Answers { .. } => code::ANSWERS,
            CliError::Rulebook(_) | CliError::RulebookRead(_) | CliError::NotTheRecordsRulebook { .. } => {
                code::RULEBOOK
            }
            CliError::Io { .. }
            | CliError::Exists { .. }
            | CliError::TooLarge { .. }
            | CliError::DraftExists { .. } => code::IO,
            CliError::Record { .. } => code::ANSWERS,
            CliError::NotRegular { .. } => code::IO,
            CliError::SamePath { .. } => code::USAGE,
            CliError::TerminalTooSmall { .. } => code::NO_TERMINAL,
            CliError::Usage(_) => code::USAGE,
        }
    }
}

/// [`CliError::TerminalTooSmall`] in the person's language (they see it instead of the
/// interview).
fn too_small(columns: u16, rows: u16, min_columns: u16, min_rows: u16) -> String {
    smp_screen::tr!(
        super::lang::words(),
        "interview-error-too-small",
        columns = usize::from(columns),
        rows = usize::from(rows),
        min_columns = usize::from(min_columns),
        min_rows = usize::from(min_rows)
    )
}

/// [`CliError::DraftExists`] in the person's language.
fn draft_exists(path: &std::path::Path) -> String {
    smp_screen::tr!(
        super::lang::words(),
        "interview-error-draft-exists",
        draft = shown(path).as_str()
    )
}

/// A path as shown in a message: on one line, hidden characters made visible.
pub fn shown(path: &std::path::Path) -> String {
    one_line(&path.display().to_string()).into_owned()
}

fn render_answers(origin: &str, errors: &AnswerErrors) -> String {
    let mut s = String::new();
    for e in &errors.0 {
        let _ = writeln!(s, "error: {}", smp_screen::sanitize::one_line(&e.to_string()));
    }
    let n = errors.0.len();
    let _ = write!(
        s,
        "{n} invalid answer{} in {}",
        if n == 1 { "" } else { "s" },
        one_line(origin)
    );
    s
}
