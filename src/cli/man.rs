//! `smp-screen man`: one roff manual page covering the tool and every subcommand, with
//! their options, examples and the exit codes.

use super::common::{self, write_atomic};
use super::help;
use clap::{Args, CommandFactory};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};
use std::path::PathBuf;

/// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write the page to FILE (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the -o file if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

impl ManArgs {
    /// Prints or writes the page.
    pub fn run(self) -> anyhow::Result<u8> {
        let page = page()?;
        match &self.output {
            Some(path) => write_atomic(path, &page, self.force)?,
            None => common::print(&page)?,
        }
        Ok(super::error::code::OK)
    }
}

/// The whole page: clap_mangen's sections for the tool, then a section per subcommand
/// (its own sections turned into subsections), then examples and exit status.
pub fn page() -> std::io::Result<Vec<u8>> {
    let cmd = super::Cli::command().disable_help_subcommand(true);
    let mut out = Vec::new();
    // A man page carries a date; the rulebook's review date when it has one.
    let man = Man::new(cmd.clone()).date(env!("SMP_RULEBOOK_DATE"));
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    man.render_subcommands_section(&mut out)?;
    for sub in cmd.get_subcommands() {
        subcommand(sub, "smp-screen", &mut out)?;
    }
    let mut roff = Roff::new();
    roff.control("SH", ["EXAMPLES"]);
    examples(&mut roff, "");
    roff.control("SH", ["EXIT STATUS"]);
    roff.control("nf", []);
    for line in super::error::EXIT_CODES_HELP.lines().skip(1) {
        roff.text([roman(line.trim_start())]);
    }
    roff.control("fi", []);
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(
        "The README of smp-screen describes the rulebook format, the JSON output and the answer vocabulary.",
    )]);
    roff.to_writer(&mut out)?;
    Ok(tidy(&String::from_utf8_lossy(&out)).into_bytes())
}

/// Keeps roff's preamble once (each piece rendered repeats it) and points the list of
/// subcommands at their sections in this page rather than at pages of their own.
fn tidy(page: &str) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::with_capacity(page.len());
    for line in page.lines() {
        if (line.starts_with(".ie \\n(.g") || line.starts_with(".el .ds Aq")) && !seen.insert(line) {
            continue;
        }
        match line.strip_prefix("smp\\-screen\\-").and_then(|l| l.strip_suffix("(1)")) {
            Some(name) => out.push_str(&format!("\\fBsmp\\-screen {name}\\fR (below)")),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

fn subcommand(cmd: &clap::Command, parent: &str, out: &mut Vec<u8>) -> std::io::Result<()> {
    let name = format!("{parent} {}", cmd.get_name());
    let path = name.trim_start_matches("smp-screen").trim();
    let mut roff = Roff::new();
    roff.control("SH", [name.to_uppercase().as_str()]);
    if let Some(about) = cmd.get_about() {
        roff.text([roman(about.to_string())]);
    }
    roff.to_writer(out)?;
    let mut sections = Vec::new();
    let sub = Man::new(cmd.clone().bin_name(&name));
    sub.render_synopsis_section(&mut sections)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        sub.render_options_section(&mut sections)?;
    }
    // A subcommand's sections become subsections of its own section.
    let text = String::from_utf8_lossy(&sections).replace("\n.SH ", "\n.SS ");
    let text = text.strip_prefix(".SH ").map_or(text.clone(), |t| format!(".SS {t}"));
    out.extend_from_slice(text.as_bytes());
    let mut roff = Roff::new();
    if !help::examples(path).is_empty() {
        roff.control("SS", ["EXAMPLES"]);
        examples(&mut roff, path);
    }
    roff.to_writer(out)?;
    for sub in cmd.get_subcommands() {
        subcommand(sub, &name, out)?;
    }
    Ok(())
}

fn examples(roff: &mut Roff, path: &str) {
    for (command, what) in help::examples(path) {
        roff.control("TP", []);
        roff.text([bold(*command)]);
        roff.text([roman(*what)]);
    }
}
