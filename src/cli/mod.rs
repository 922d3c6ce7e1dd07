//! The command line: argument definitions, one file per subcommand, and the mapping of
//! errors to documented exit codes.

mod assess;
mod batch;
mod common;
pub mod error;
mod interview;
mod replay;
mod rules;
mod terminal;

use clap::{Parser, Subcommand};
use error::{CliError, EXIT_CODES_HELP, code};
use smp_screen::style::ColorChoice;

/// Screens a person for scalp micropigmentation (SMP). A screening aid, not medical advice.
///
/// With no subcommand, runs the interview in the terminal.
#[derive(Debug, Parser)]
#[command(name = "smp-screen", version, about, after_help = EXIT_CODES_HELP, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    interview: interview::InterviewArgs,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    color: ColorChoice,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Screen a set of answers (from a file or --set) without an interview
    #[command(after_help = EXIT_CODES_HELP)]
    Assess(assess::AssessArgs),
    /// Interview a person in the terminal (the default when no subcommand is given)
    #[command(after_help = EXIT_CODES_HELP)]
    Interview(interview::InterviewArgs),
    /// Screen a JSON Lines or CSV file of answers, one record per row
    #[command(after_help = EXIT_CODES_HELP)]
    Batch(batch::BatchArgs),
    /// Screen a saved record again with the current rulebook and show what changed
    #[command(after_help = EXIT_CODES_HELP)]
    Replay(replay::ReplayArgs),
    /// Tools for rule authors: check, test, schema, print
    Rules(rules::RulesArgs),
}

/// Parses the arguments, runs the command and returns the exit code.
pub fn main() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { code::USAGE } else { code::OK };
        }
    };
    match run(cli) {
        Ok(c) => c,
        Err(err) => report(&err),
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Some(Command::Assess(args)) => args.run(cli.color),
        Some(Command::Interview(args)) => args.run(cli.color),
        Some(Command::Rules(args)) => args.run(),
        Some(Command::Batch(args)) => args.run(),
        Some(Command::Replay(args)) => args.run(cli.color),
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
            eprintln!("{e}");
            e.code()
        }
        None => {
            eprintln!("error: {err:#}");
            err.chain()
                .find_map(|c| c.downcast_ref::<CliError>().map(CliError::code))
                .unwrap_or(code::INTERNAL)
        }
    }
}
