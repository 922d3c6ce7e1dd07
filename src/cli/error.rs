//! Errors the command line tells apart, and the exit code of each.

use smp_screen::answers::AnswerErrors;
use smp_screen::rulebook::RulebookError;
use smp_screen::rulebook::source::ReadError;
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
    /// The interview needs a terminal and there is none.
    pub const NO_TERMINAL: u8 = 6;
    /// `rules test`: a golden case failed.
    pub const TESTS_FAILED: u8 = 7;
    /// `batch`: some rows could not be screened (their error records are in the output).
    pub const ROWS_FAILED: u8 = 8;
    /// `replay --exit-code`: the result differs from the record.
    pub const CHANGED: u8 = 9;
    /// The interview was cancelled (Ctrl-C or Esc), as shells report SIGINT.
    pub const CANCELLED: u8 = 130;
}

/// The exit-code table printed at the end of `--help`.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0    screened
  2    usage error
  3    invalid answers (unknown question, invalid option, wrong type, missing under --strict),
       or a file given to replay that is not a record, or a record whose result
       --from-record cannot reproduce, or a batch --id-column missing from the CSV header
  4    invalid or unreadable rulebook, or not the one a record was made with (--from-record)
  5    a file could not be read or written, or would be overwritten without --force
  6    the interview needs a terminal (use `smp-screen assess --answers FILE` without one)
  7    rules test: a golden case failed
  8    batch: some rows could not be screened (each has an error record)
  9    replay --exit-code: the result differs from the record
  130  interview cancelled (Ctrl-C or Esc)";

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
    #[error("error: {what} {}: {source}", path.display())]
    Io {
        /// What was being done.
        what: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Refusing to replace a file.
    #[error("error: {} already exists; pass --force to replace it", path.display())]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// The interview was started without a terminal.
    #[error(
        "error: the interview needs a terminal: standard input and standard error must both be one.\n\
         To screen without a terminal, put the answers in a JSON file and run:\n  \
         smp-screen assess --answers FILE\n\
         (see `smp-screen assess --help` and examples/ for the format)"
    )]
    NoTerminal,
    /// A file given as a record that is not one.
    #[error("error: {}: {}", path.display(), smp_screen::sanitize::one_line(message))]
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
    #[error("error: {what} is larger than {} MiB, the limit", limit >> 20)]
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
            CliError::Io { .. } | CliError::Exists { .. } | CliError::TooLarge { .. } => code::IO,
            CliError::Record { .. } => code::ANSWERS,
            CliError::NoTerminal => code::NO_TERMINAL,
            CliError::Usage(_) => code::USAGE,
        }
    }
}

fn render_answers(origin: &str, errors: &AnswerErrors) -> String {
    let mut s = String::new();
    for e in &errors.0 {
        let _ = writeln!(s, "error: {}", smp_screen::sanitize::one_line(&e.to_string()));
    }
    let n = errors.0.len();
    let _ = write!(s, "{n} invalid answer{} in {origin}", if n == 1 { "" } else { "s" });
    s
}
