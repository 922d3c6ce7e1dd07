//! `smp-screen replay RECORD`: a saved record screened again with the current rulebook,
//! and what changed since it was made.

use super::common::{self, RulesArg};
use super::error::{CliError, code};
use clap::{Args, ValueEnum};
use smp_screen::audience::Audience;
use smp_screen::record::Record;
use smp_screen::replay::{self, Difference, Replay};
use smp_screen::report::wrap;
use smp_screen::sanitize::one_line;
use smp_screen::style::{ColorChoice, Style};
use std::io::Write;
use std::path::PathBuf;

/// Largest record file accepted.
pub const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;

/// Output formats of a replay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// What changed, for a person.
    #[default]
    Text,
    /// What changed and the new result, for scripts.
    Json,
}

/// Arguments of `replay`.
#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// A record saved with --save (`-` reads standard input); or several records, or
    /// folders of them (searched for *.json), to replay a whole archive: one line per
    /// record whose result changed, then a summary
    #[arg(value_name = "RECORD|DIR", required = true, num_args = 1..)]
    pub records: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RulesArg,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t)]
    pub format: Format,
    /// Wording of the new result's texts
    #[arg(long, value_enum, default_value_t)]
    pub audience: Audience,
    /// Exit with 9 when the result changed (as `git diff --exit-code`); for an archive,
    /// when any record's did
    #[arg(long)]
    pub exit_code: bool,
}

impl ReplayArgs {
    /// Runs the command.
    pub fn run(self, color: ColorChoice) -> anyhow::Result<u8> {
        let rulebook = self.rules.load()?;
        let single = self.records.len() == 1 && !self.records[0].is_dir();
        if !single {
            return super::replay_archive::run(&rulebook, &self.records, self.format, self.exit_code, color);
        }
        let path = &self.records[0];
        let text = common::read_input(path, "cannot read record", MAX_RECORD_BYTES)?;
        let record = replay::parse(&text).map_err(|e| CliError::Record {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let (replay, _) = replay::replay(&rulebook, &record, self.audience);
        let mut out = Vec::new();
        match self.format {
            Format::Json => {
                smp_screen::sanitize::json_to_writer_pretty(&mut out, &replay)?;
                out.push(b'\n');
            }
            Format::Text => {
                let (style, width) = common::stdout_style(color);
                render_text(&replay, &record, style, width, &mut out)?;
            }
        }
        common::print(&out)?;
        Ok(if self.exit_code && replay.changed {
            code::CHANGED
        } else {
            code::OK
        })
    }
}

fn render_text(r: &Replay, record: &Record, style: Style, width: usize, out: &mut Vec<u8>) -> std::io::Result<()> {
    // `wrap` makes the record's text safe for the terminal as it wraps it.
    let say = |out: &mut Vec<u8>, text: &str| writeln!(out, "{}", wrap(text, width, "", "  "));
    let label = record
        .label
        .as_deref()
        .map(|l| format!(", labelled \"{l}\""))
        .unwrap_or_default();
    say(
        out,
        &format!(
            "Record made {} by {} {}{label}.",
            record.created_at, record.tool.name, record.tool.version
        ),
    )?;
    // The recorded hash comes from a file: shortened by characters, not bytes.
    let book = |b: &replay::BookId| {
        let short: String = b.sha256.chars().take(12).collect();
        format!("{} {} (sha256 {short})", b.id, b.version)
    };
    if r.same_rulebook {
        say(
            out,
            &format!("Rulebook: the same as recorded, {}.", book(&r.current_rulebook)),
        )?;
    } else {
        writeln!(out, "{}", style.bold("The rulebook has changed."))?;
        say(
            out,
            &format!(
                "Recorded with {}, screened now with {}.",
                book(&r.recorded_rulebook),
                book(&r.current_rulebook)
            ),
        )?;
        if r.recorded_rulebook.id == r.current_rulebook.id && r.recorded_rulebook.version == r.current_rulebook.version
        {
            say(
                out,
                "Its version is the same: it was edited without a new version number.",
            )?;
        }
    }
    for dropped in &r.dropped_answers {
        say(out, &format!("Answer no longer accepted, now unanswered: {dropped}"))?;
    }
    if !r.changed {
        writeln!(
            out,
            "Result unchanged: {} with {} ink, the same risks and advice.",
            r.result.verdict.as_str().to_uppercase(),
            r.result.ink.as_str()
        )?;
        return Ok(());
    }
    writeln!(out, "{}", style.bold("Result changed:"))?;
    let change = |name: &str, c: &Option<Difference>, now: &str| match c {
        Some(c) => format!("  {name}: {} -> {}", one_line(&c.before), c.after),
        None => format!("  {name}: {now} (unchanged)"),
    };
    writeln!(out, "{}", change("Verdict", &r.verdict, r.result.verdict.as_str()))?;
    writeln!(out, "{}", change("Ink", &r.ink, r.result.ink.as_str()))?;
    writeln!(out, "{}", change("Status", &r.status, r.result.status.as_str()))?;
    for (name, c) in [
        ("Worst case", &r.worst_case_verdict),
        ("Worst-case ink", &r.worst_case_ink),
    ] {
        if let Some(c) = c {
            writeln!(out, "  {name}: {} -> {}", one_line(&c.before), c.after)?;
        }
    }
    for id in &r.pending_added {
        let title = r.result.pending.iter().find(|p| p.rule == id).map_or("", |p| p.title);
        writeln!(
            out,
            "  Now undecided and able to change the result: {} ({})",
            one_line(id),
            one_line(title)
        )?;
    }
    for id in &r.pending_removed {
        writeln!(out, "  No longer undecided: {}", one_line(id))?;
    }
    // Titles from the new result for what was added, from the record for what went.
    let now_titles: Vec<(&str, &str)> = (r.result.risks.iter().map(|x| (x.id, x.title)))
        .chain(r.result.advice.iter().map(|x| (x.id, x.title)))
        .collect();
    let recorded_titles: Vec<(&str, &str)> = ["risks", "advice"]
        .iter()
        .flat_map(|k| record.result[*k].as_array().into_iter().flatten())
        .filter_map(|x| Some((x["id"].as_str()?, x["title"].as_str()?)))
        .collect();
    for (name, ids, titles) in [
        ("Risks added", &r.risks_added, &now_titles),
        ("Risks removed", &r.risks_removed, &recorded_titles),
        ("Advice added", &r.advice_added, &now_titles),
        ("Advice removed", &r.advice_removed, &recorded_titles),
    ] {
        for id in ids {
            let title = titles.iter().find(|(i, _)| i == id).map_or("", |(_, t)| t);
            writeln!(out, "  {name}: {} ({})", one_line(id), one_line(title))?;
        }
    }
    Ok(())
}
