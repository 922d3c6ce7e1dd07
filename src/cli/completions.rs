//! `smp-screen completions SHELL`: a completion script for the shell (clap_complete),
//! with subcommands, flags and the values of options such as `--format`.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

impl CompletionsArgs {
    /// Prints the script on standard output.
    pub fn run(self) -> anyhow::Result<u8> {
        let mut cmd = super::Cli::command();
        let mut script = Vec::new();
        clap_complete::generate(self.shell, &mut cmd, "smp-screen", &mut script);
        super::common::print(&script)?;
        Ok(super::error::code::OK)
    }
}
