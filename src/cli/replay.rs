//! `smp-screen replay RECORD`: a saved record screened again with the current rulebook,
//! and what changed since it was made.

use super::common::{self, RulesArg};
use super::error::{CliError, code};
use clap::{Args, ValueEnum};
use smp_screen::audience::Audience;
use smp_screen::i18n::Words;
use smp_screen::record::Record;
use smp_screen::replay::{self, Difference, Replay};
use smp_screen::report::wrap;
use smp_screen::sanitize::one_line;
use smp_screen::style::{ColorChoice, Style};
use smp_screen::tr;
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
                render_text(rulebook.words(), &replay, &record, style, width, &mut out)?;
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

/// A value of a result as records and the JSON write it (`caution`, `temporary`,
/// `provisional`), in words; a value the tool does not know is shown as it is.
pub fn value_words(words: Words, value: &str) -> String {
    tr!(words, "explain-replay-value", value = value)
}

fn render_text(
    words: Words,
    r: &Replay,
    record: &Record,
    style: Style,
    width: usize,
    out: &mut Vec<u8>,
) -> std::io::Result<()> {
    // `wrap` makes the record's text safe for the terminal as it wraps it.
    let say = |out: &mut Vec<u8>, text: &str| writeln!(out, "{}", wrap(text, width, "", "  "));
    let made = match record.label.as_deref() {
        Some(label) => tr!(
            words,
            "explain-replay-made-labelled",
            when = &record.created_at,
            tool = &record.tool.name,
            version = &record.tool.version,
            label = label
        ),
        None => tr!(
            words,
            "explain-replay-made",
            when = &record.created_at,
            tool = &record.tool.name,
            version = &record.tool.version
        ),
    };
    say(out, &made)?;
    // The recorded hash comes from a file: shortened by characters, not bytes.
    let book = |b: &replay::BookId| {
        let short: String = b.sha256.chars().take(12).collect();
        format!("{} {} (sha256 {short})", b.id, b.version)
    };
    if r.same_rulebook {
        say(
            out,
            &tr!(
                words,
                "explain-replay-same-rulebook",
                rulebook = &book(&r.current_rulebook)
            ),
        )?;
    } else {
        writeln!(out, "{}", style.bold(&tr!(words, "explain-replay-rulebook-changed")))?;
        say(
            out,
            &tr!(
                words,
                "explain-replay-recorded-with",
                recorded = &book(&r.recorded_rulebook),
                now = &book(&r.current_rulebook)
            ),
        )?;
        if r.recorded_rulebook.id == r.current_rulebook.id && r.recorded_rulebook.version == r.current_rulebook.version
        {
            say(out, &tr!(words, "explain-replay-same-version"))?;
        }
    }
    for dropped in &r.dropped_answers {
        say(out, &tr!(words, "explain-replay-dropped", answer = dropped))?;
    }
    if !r.changed {
        writeln!(
            out,
            "{}",
            tr!(
                words,
                "explain-replay-unchanged",
                verdict = &tr!(words, "explain-replay-verdict-label", value = r.result.verdict.as_str()),
                ink = &value_words(words, r.result.ink.as_str())
            )
        )?;
        return Ok(());
    }
    writeln!(out, "{}", style.bold(&tr!(words, "explain-replay-changed")))?;
    let change = |name: String, c: &Option<Difference>, now: &str| match c {
        Some(c) => tr!(
            words,
            "explain-replay-change",
            name = &name,
            before = &value_words(words, &one_line(&c.before)),
            after = &value_words(words, &c.after)
        ),
        None => tr!(
            words,
            "explain-replay-no-change",
            name = &name,
            now = &value_words(words, now)
        ),
    };
    let verdict = tr!(words, "explain-replay-name-verdict");
    writeln!(out, "  {}", change(verdict, &r.verdict, r.result.verdict.as_str()))?;
    let ink = tr!(words, "explain-replay-name-ink");
    writeln!(out, "  {}", change(ink, &r.ink, r.result.ink.as_str()))?;
    let status = tr!(words, "explain-replay-name-status");
    writeln!(out, "  {}", change(status, &r.status, r.result.status.as_str()))?;
    for (name, c) in [
        (tr!(words, "explain-replay-name-worst-case"), &r.worst_case_verdict),
        (tr!(words, "explain-replay-name-worst-case-ink"), &r.worst_case_ink),
    ] {
        if c.is_some() {
            writeln!(out, "  {}", change(name, c, ""))?;
        }
    }
    for id in &r.pending_added {
        let title = r.result.pending.iter().find(|p| p.rule == id).map_or("", |p| p.title);
        writeln!(
            out,
            "  {}",
            tr!(
                words,
                "explain-replay-pending-added",
                rule = one_line(id).as_ref(),
                title = one_line(title).as_ref()
            )
        )?;
    }
    for id in &r.pending_removed {
        writeln!(
            out,
            "  {}",
            tr!(words, "explain-replay-pending-removed", rule = one_line(id).as_ref())
        )?;
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
    let line = |kind: usize, id: &str, title: &str| {
        let (id, title) = (one_line(id), one_line(title));
        let (id, title) = (id.as_ref(), title.as_ref());
        match kind {
            0 => tr!(words, "explain-replay-risk-added", id = id, title = title),
            1 => tr!(words, "explain-replay-risk-removed", id = id, title = title),
            2 => tr!(words, "explain-replay-advice-added", id = id, title = title),
            _ => tr!(words, "explain-replay-advice-removed", id = id, title = title),
        }
    };
    for (kind, (ids, titles)) in [
        (&r.risks_added, &now_titles),
        (&r.risks_removed, &recorded_titles),
        (&r.advice_added, &now_titles),
        (&r.advice_removed, &recorded_titles),
    ]
    .into_iter()
    .enumerate()
    {
        for id in ids {
            let title = titles.iter().find(|(i, _)| i == id).map_or("", |(_, t)| t);
            writeln!(out, "  {}", line(kind, id, title))?;
        }
    }
    Ok(())
}
