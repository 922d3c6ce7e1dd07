//! The command line: argument definitions, one file per subcommand, and the mapping of
//! errors to documented exit codes.

mod assess;
mod batch;
mod cleanup;
mod common;
mod completions;
mod diff;
mod draft;
pub mod error;
mod help;
mod interview;
mod lang;
mod man;
mod pager;
mod plain;
mod prove;
mod questions;
mod replay;
mod replay_archive;
mod rules;
mod signals;
mod terminal;
mod translate;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use error::{CliError, code};
use help::after_help;
use smp_screen::style::ColorChoice;

/// Screens a person for scalp micropigmentation (SMP). A screening aid, not medical advice.
///
/// With no subcommand, runs the interview in the terminal.
#[derive(Debug, Parser)]
#[command(
    name = "smp-screen",
    version = VERSION,
    about,
    after_help = after_help(""),
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    interview: interview::InterviewArgs,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    color: ColorChoice,
    /// Language to show the rulebook and the tool's words in, such as `it` or `es`
    /// [default: the system's (LC_ALL, LC_MESSAGES, LANG), else English]. For `rules check`
    /// and `rules translate`: the translation to check or write
    #[arg(long, global = true, value_name = "CODE")]
    lang: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Screen a set of answers (from a file or --set) without an interview
    #[command(after_help = after_help("assess"))]
    Assess(assess::AssessArgs),
    /// Interview a person in the terminal (the default when no subcommand is given)
    #[command(after_help = after_help("interview"))]
    Interview(interview::InterviewArgs),
    /// Screen a JSON Lines or CSV file of answers, one record per row
    #[command(after_help = after_help("batch"))]
    Batch(batch::BatchArgs),
    /// Screen a saved record again with the current rulebook and show what changed
    #[command(after_help = after_help("replay"))]
    Replay(replay::ReplayArgs),
    /// Tools for rule authors: check, test, prove, diff, schema, print
    Rules(rules::RulesArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    #[command(after_help = help::after_help_then("completions", ""))]
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff), covering every subcommand
    #[command(after_help = help::after_help_then("man", ""))]
    Man(man::ManArgs),
}

/// `--version`: the tool's and the embedded rulebook's.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (embedded rulebook ",
    env!("SMP_RULEBOOK_ID"),
    " ",
    env!("SMP_RULEBOOK_VERSION"),
    ", ",
    env!("SMP_RULEBOOK_REVIEW"),
    ")"
);

/// Parses the arguments, runs the command and returns the exit code.
pub fn main() -> u8 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // clap's own help and errors follow the same --color as everything else.
    let color = match color_arg(&args) {
        Some(ColorChoice::Never) => clap::ColorChoice::Never,
        Some(ColorChoice::Always) => clap::ColorChoice::Always,
        _ => clap::ColorChoice::Auto,
    };
    let parsed = Cli::command()
        .color(color)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            if e.use_stderr() {
                let _ = e.print();
                return code::USAGE;
            }
            // --help and --version: their text is the output, so a failure to write it
            // is a write failure like any other.
            let written = e.print().map_err(common::stdout_error);
            return match written {
                Ok(()) => code::OK,
                Err(err) => report(&err.into()),
            };
        }
    };
    match run(cli) {
        Ok(c) => c,
        Err(err) => report(&err),
    }
}

/// The `--color` given, read before clap parses (the last one wins, as for clap).
fn color_arg(args: &[std::ffi::OsString]) -> Option<ColorChoice> {
    let mut found = None;
    let mut words = args.iter().map(|a| a.to_str().unwrap_or(""));
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--color") {
            Some("") => words.next().unwrap_or(""),
            Some(rest) => match rest.strip_prefix('=') {
                Some(v) => v,
                None => continue,
            },
            None if word == "--" => break,
            None => continue,
        };
        found = clap::ValueEnum::from_str(value, true).ok().or(found);
    }
    found
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    lang::set(cli.lang.clone());
    match cli.command {
        Some(Command::Assess(args)) => args.run(cli.color),
        Some(Command::Interview(args)) => args.run(cli.color),
        Some(Command::Rules(args)) => args.run(),
        Some(Command::Batch(args)) => args.run(),
        Some(Command::Replay(args)) => args.run(cli.color),
        Some(Command::Completions(args)) => args.run(),
        Some(Command::Man(args)) => args.run(),
        None => cli.interview.run(cli.color),
    }
}

/// Prints an error and picks its exit code. A closed pipe (`smp-screen … | head`) is not
/// an error.
fn report(err: &anyhow::Error) -> u8 {
    let broken_pipe = err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return code::OK;
    }
    match err.downcast_ref::<CliError>() {
        Some(e) => {
            common::say(&e.to_string());
            e.code()
        }
        None => {
            common::say(&format!(
                "error: {}",
                smp_screen::sanitize::terminal(&format!("{err:#}"))
            ));
            err.chain()
                .find_map(|c| c.downcast_ref::<CliError>().map(CliError::code))
                .unwrap_or(code::INTERNAL)
        }
    }
}
