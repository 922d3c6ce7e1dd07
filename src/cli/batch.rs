//! `smp-screen batch`: screen a JSON Lines or CSV file of answers, one record per row,
//! in input order, on every core, with flat memory.
//!
//! This file handles the arguments, the files and progress; the pipeline (reading rows,
//! the workers and the reorder buffer) is `smp_screen::batch::pipeline`.

use super::common::{AtomicFile, RulesArg};
use super::error::{CliError, code};
use clap::{Args, ValueEnum};
use smp_screen::audience::Audience;
use smp_screen::batch::pipeline::{self, Failure, Settings, Tally};
use smp_screen::batch::{self, ColumnRules, Contents, CsvColumns, CsvSplitter, Input, Options};
use smp_screen::i18n::Words;
use smp_screen::rulebook::Verdict;
use smp_screen::tr;
use std::io::{BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One JSON object of answers per line.
    Jsonl,
    /// A header row of question ids, then one row per person.
    Csv,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum OutputFormat {
    /// One JSON record per row.
    #[default]
    Jsonl,
    /// line, verdict, ink, status, risks, advice, error (and provisional, worst case, headline).
    Csv,
}

/// Contents of JSON Lines records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DetailArg {
    /// The `assess` JSON result plus the line number.
    #[default]
    Full,
    /// Ids only: verdict, ink, worst case, risks with severity, advice, rules, questions.
    Compact,
}

/// Arguments of `batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// JSON Lines or CSV file of answers; `-` reads standard input
    pub input: PathBuf,
    /// Input format [default: from the file extension; jsonl for standard input]
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub output_format: OutputFormat,
    /// Write to FILE (atomically) instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the -o file if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Contents of JSON Lines records
    #[arg(long, value_enum, default_value_t)]
    pub detail: DetailArg,
    /// Add explain and what_if to full records (slower)
    #[arg(long)]
    pub explain: bool,
    /// Wording of texts in full records
    #[arg(long, value_enum, default_value_t)]
    pub audience: Audience,
    /// Carry this column (CSV) or key (JSON Lines) into every output record, such as a
    /// patient id to join results back by (repeatable; as `ids` in JSON, as columns after
    /// `line` in CSV)
    #[arg(long = "id-column", value_name = "NAME")]
    pub id_column: Vec<String>,
    /// Skip every CSV column that is not a question, even one that looks like a misspelt
    /// question (one warning lists them)
    #[arg(long)]
    pub ignore_unknown_columns: bool,
    /// Worker threads [default: all cores]
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    /// Rows per chunk handed to a worker [default: by record size]. Hidden: a knob for
    /// tests (1 sends every row through the reorder buffer on its own) and measurements.
    #[arg(long, hide = true, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub chunk_rows: Option<u32>,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// Where records go: standard output, or a file that appears only when complete.
enum Sink {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    File(AtomicFile),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

impl BatchArgs {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<u8> {
        let rulebook = self.rules.load()?;
        let words = rulebook.words();
        let format = self
            .input_format
            .unwrap_or(match self.input.extension().and_then(|e| e.to_str()) {
                Some(e) if e.eq_ignore_ascii_case("csv") => InputFormat::Csv,
                _ => InputFormat::Jsonl,
            });
        let opts = Options {
            audience: self.audience,
            record: match self.detail {
                DetailArg::Full => Contents::Full { explain: self.explain },
                DetailArg::Compact => Contents::Compact,
            },
            csv: self.output_format == OutputFormat::Csv,
        };
        let mut sink = match &self.output {
            Some(path) => Sink::File(AtomicFile::create(path, self.force)?),
            None => Sink::Stdout(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
        };
        // Interrupted, the run leaves no temporary file behind.
        let guard = match &sink {
            Sink::File(file) => Some(super::cleanup::RemoveOnSignal::new(file.temp_path())),
            Sink::Stdout(_) => None,
        };
        let (reader, size) = open(&self.input)?;
        let read_error = |source| CliError::Io {
            what: "cannot read input",
            path: self.input.clone(),
            source,
        };
        if self.ignore_unknown_columns && format == InputFormat::Jsonl {
            super::common::say(
                "warning: --ignore-unknown-columns applies to CSV input only; JSON Lines keys must be questions",
            );
        }
        let source = match format {
            InputFormat::Jsonl => Input::Lines(BufReader::with_capacity(1 << 16, reader)),
            InputFormat::Csv => {
                let mut csv = CsvSplitter::new(BufReader::with_capacity(1 << 16, reader));
                let mut header = csv::ByteRecord::new();
                if let Some((_, Some(problem))) = csv.next_record(&mut header).map_err(read_error)? {
                    return Err(read_error(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("the header row: {}", problem.message()),
                    ))
                    .into());
                }
                let rules = ColumnRules {
                    carry: self.id_column.clone(),
                    ignore_unknown: self.ignore_unknown_columns,
                };
                let columns = CsvColumns::with_rules(&rulebook, &header, &rules).map_err(|e| CliError::Record {
                    path: self.input.clone(),
                    message: e.to_string(),
                })?;
                warn_about_columns(&columns, self.ignore_unknown_columns);
                Input::Csv(csv, Box::new(columns))
            }
        };
        let jobs = self.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            usize::from,
        );
        let progress = progress_bar(size);
        let write_error = |source| CliError::Io {
            what: "cannot write",
            path: self.output.clone().unwrap_or_else(|| PathBuf::from("standard output")),
            source,
        };
        if opts.csv {
            let mut header = Vec::new();
            batch::csv_header_carrying(&mut header, &self.id_column);
            sink.write_all(&header).map_err(write_error)?;
        }
        let mut settings = Settings::new(opts, self.id_column.clone(), jobs);
        if let Some(n) = self.chunk_rows {
            settings.chunk_rows = n as usize;
        }
        let tally = pipeline::run(&rulebook, source, &settings, &mut sink, &mut |consumed, rows| {
            progress.set_position(consumed);
            progress.set_message(tr!(words, "batch-progress-rows", rows = rows as f64));
        });
        progress.finish_and_clear();
        let tally = tally.map_err(|e| match e {
            Failure::Read(e) => read_error(e),
            Failure::Write(e) => write_error(e),
        })?;
        sink.flush().map_err(write_error)?;
        // A file replaces the output only once every record is in it.
        if let (Sink::File(file), Some(guard)) = (sink, guard) {
            guard.finish(|| file.commit())?;
        }
        summary(words, &tally);
        Ok(if tally.failed.is_empty() {
            code::OK
        } else {
            code::ROWS_FAILED
        })
    }
}

/// Warns once about the header: problems that fail every row, and columns skipped.
fn warn_about_columns(columns: &CsvColumns, ignoring: bool) {
    for problem in columns.problems() {
        let text = problem.to_string();
        let problem = smp_screen::sanitize::one_line(&text);
        eprintln!(
            "warning: CSV header: {problem}; every row will fail (rename the column, or pass --ignore-unknown-columns or --id-column NAME)"
        );
    }
    let skipped = columns.skipped();
    if skipped.is_empty() {
        return;
    }
    let names: Vec<String> = skipped
        .iter()
        .map(|n| format!("`{}`", smp_screen::sanitize::one_line(n)))
        .collect();
    let (columns, them) = if skipped.len() == 1 {
        ("column that answers", "it")
    } else {
        ("columns that answer", "one")
    };
    if ignoring {
        eprintln!("warning: ignoring CSV {columns} no question: {}", names.join(", "));
    } else {
        eprintln!(
            "warning: CSV {columns} no question, not used: {} (--id-column NAME carries {them} into the output)",
            names.join(", ")
        );
    }
}

fn open(path: &Path) -> Result<(Box<dyn Read + Send>, Option<u64>), CliError> {
    if path == Path::new("-") {
        return Ok((Box::new(std::io::stdin()), None));
    }
    let io = |source| CliError::Io {
        what: "cannot read input",
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is a folder",
        )));
    }
    Ok((Box::new(file), meta.is_file().then_some(meta.len())))
}

fn progress_bar(size: Option<u64>) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(size, indicatif::ProgressDrawTarget::stderr());
    let template = if size.is_some() {
        "{bar:40} {bytes}/{total_bytes} {msg} ({eta})"
    } else {
        "{spinner} {bytes} read, {msg}"
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// The line that ends a batch on standard error, in the rulebook's language.
fn summary(words: Words, t: &Tally) {
    let screened = t.rows - t.failed.len() as u64;
    let verdicts: Vec<String> = Verdict::ALL
        .iter()
        .zip(t.verdicts)
        .map(|(v, n)| {
            tr!(
                words,
                "batch-verdict-count",
                verdict = &smp_screen::words::verdict_word(words, *v),
                count = n as f64
            )
        })
        .collect();
    let mut line = tr!(
        words,
        "batch-summary",
        rows = t.rows as f64,
        screened = screened as f64,
        failed = t.failed.len(),
        verdicts = &verdicts.join(", ")
    );
    if t.provisional > 0 {
        // Counted by the verdict so far; say how many of them are not complete.
        line.push_str("; ");
        line.push_str(&tr!(words, "batch-not-complete", count = t.provisional as f64));
    }
    if !t.failed.is_empty() {
        let mut shown: Vec<String> = t.failed.iter().take(10).map(u64::to_string).collect();
        if t.failed.len() > 10 {
            shown.push("…".to_owned());
        }
        line.push_str(" (");
        line.push_str(&tr!(words, "batch-failed-lines", lines = &shown.join(", ")));
        line.push(')');
    }
    super::common::say(&line);
}
