//! `smp-screen` / `smp-screen interview`: the interview in a terminal, ending with the
//! same report `assess` prints.

use super::common::{self, RulesArg};
use super::error::{CliError, code};
use super::terminal::{self, TerminalAsker};
use clap::Args;
use smp_screen::audience::Audience;
use smp_screen::interview::{self, Finish};
use smp_screen::report;
use smp_screen::style::{ColorChoice, Style};
use std::io::IsTerminal;

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
}

impl InterviewArgs {
    /// Runs the interview.
    pub fn run(self, color: ColorChoice) -> anyhow::Result<u8> {
        // dialoguer reads keys from the terminal and draws on standard error: without both
        // it would fail or wait for keys that never come.
        if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
            return Err(CliError::NoTerminal.into());
        }
        let rulebook = self.rules.load()?;
        self.save.check()?;
        ctrlc::set_handler(|| terminal::cancel()).map_err(|e| anyhow::anyhow!("cannot handle Ctrl-C: {e}"))?;
        let style = Style::decide(color, true);
        let mut asker = TerminalAsker::new(style, self.audience, self.explain);
        let finish = match asker.intro(&rulebook) {
            Ok(true) => interview::run(&rulebook, &mut asker),
            Ok(false) => Ok(Finish::Cancelled),
            Err(e) => Err(e),
        };
        let answers = match finish {
            Ok(Finish::Done(answers)) => answers,
            Ok(Finish::Cancelled) => terminal::cancel(),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => terminal::cancel(),
            Err(e) => return Err(anyhow::Error::new(e).context("the interview failed")),
        };
        let screening = report::screen(&rulebook, &answers, self.audience);
        let (style, width) = common::stdout_style(color);
        common::deliver(
            &rulebook,
            &answers,
            &screening,
            common::Delivery {
                renderer: &report::Text,
                style,
                width,
                save: &self.save,
                explain: self.explain,
            },
        )?;
        if let Some(path) = &self.save.save_html {
            eprintln!("Saved the handout to {}", path.display());
        }
        if let Some(path) = &self.save.save {
            eprintln!("Saved a record to {}", path.display());
        }
        Ok(code::OK)
    }
}
