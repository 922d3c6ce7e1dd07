//! `smp-screen rules check | test | schema | print`: tools for rule authors.

use super::common;
use super::error::{CliError, code};
use super::help::after_help_then;
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;
use smp_screen::audience::Audience;
use smp_screen::cases::{self, CaseFile};
use smp_screen::date::Date;
use smp_screen::print::{self, Print};
use smp_screen::rulebook::{Level, Rulebook};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `rules`.
#[derive(Debug, Args)]
#[command(after_help = after_help_then("rules", ""))]
pub struct RulesArgs {
    #[command(subcommand)]
    command: RulesCommand,
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// Check a rulebook: errors and warnings with file, line:column, JSON path and a suggestion
    #[command(after_help = after_help_then(
        "rules check",
        "Exit codes: 0 no errors (warnings allowed), 4 errors found (a refuted invariant is one) or the \
         rulebook cannot be read."
    ))]
    Check(CheckArgs),
    /// Run the golden cases and report what they leave untested
    #[command(after_help = after_help_then(
        "rules test",
        "Exit codes: 0 all cases pass, 4 invalid rulebook, 5 unreadable cases, 7 a case failed \
         (or, with --fail-uncovered, something is untested)."
    ))]
    Test(TestArgs),
    /// Prove the rulebook's invariants over every possible answer set
    #[command(after_help = after_help_then(
        "rules prove",
        "Exit codes: 0 every invariant proved, 4 invalid rulebook, 5 a counterexample could not be \
         written, 10 an invariant is refuted (its counterexample is in --out)."
    ))]
    Prove(super::prove::ProveArgs),
    /// Compare two rulebooks: what changed, and which answers now get another verdict or ink
    #[command(after_help = after_help_then(
        "rules diff",
        "Exit codes: 0 the two behave identically, 4 an invalid rulebook, 5 unreadable cases or \
         records folder, 11 some answer set gets a different verdict or ink."
    ))]
    Diff(super::diff::DiffArgs),
    /// Print the JSON Schema of the rulebook format (or of golden cases)
    #[command(after_help = after_help_then("rules schema", ""))]
    Schema(SchemaArgs),
    /// Print the questionnaire as an intake form, then the rules for clinical review
    #[command(after_help = after_help_then("rules print", ""))]
    Print(PrintArgs),
}

/// Format of diagnostics and test results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
enum DiagnosticFormat {
    /// For people.
    #[default]
    Text,
    /// For editors and CI.
    Json,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Rulebook file or folder [default: the embedded rulebook]
    path: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    format: DiagnosticFormat,
}

#[derive(Debug, Args)]
struct TestArgs {
    /// Rulebook file or folder [default: the embedded rulebook and its cases]
    path: Option<PathBuf>,
    /// Folder of golden cases [default: `cases/` in or beside the rulebook]
    #[arg(long, value_name = "DIR")]
    cases: Option<PathBuf>,
    /// Treat rules no case fires and options no case uses as failures
    #[arg(long)]
    fail_uncovered: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    format: DiagnosticFormat,
}

#[derive(Debug, Args)]
struct SchemaArgs {
    /// The schema of golden case files instead of rulebook files
    #[arg(long)]
    case: bool,
}

/// Printable formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
enum PrintFormat {
    /// Markdown.
    #[default]
    Markdown,
    /// One self-contained HTML page.
    Html,
}

#[derive(Debug, Args)]
struct PrintArgs {
    /// Rulebook file or folder [default: the embedded rulebook]
    path: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    format: PrintFormat,
    /// Wording of the questions
    #[arg(long, value_enum, default_value_t)]
    audience: Audience,
}

impl RulesArgs {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<u8> {
        match self.command {
            RulesCommand::Check(a) => check(a),
            RulesCommand::Test(a) => test(a),
            RulesCommand::Prove(a) => a.run(),
            RulesCommand::Diff(a) => a.run(),
            RulesCommand::Schema(a) => schema(a),
            RulesCommand::Print(a) => print_rulebook(a),
        }
    }
}

fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn check(args: CheckArgs) -> anyhow::Result<u8> {
    let (rulebook, diagnostics) = match common::load(args.path.as_deref()) {
        Ok(rb) => {
            let found = smp_screen::check::check(&rb, Date::today());
            (Some(rb), found)
        }
        Err(CliError::Rulebook(e)) => (None, e.diagnostics),
        Err(e) => return Err(e.into()),
    };
    let errors = diagnostics.iter().filter(|d| d.level == Level::Error).count();
    let warnings = diagnostics.len() - errors;
    match args.format {
        DiagnosticFormat::Json => {
            let doc = json!({
                "rulebook": rulebook.as_ref().map(|rb| json!({
                    "id": rb.identity.id,
                    "version": rb.identity.version,
                    "sha256": rb.sha256,
                    "content_hash": rb.content_hash(),
                    "status": rb.review.as_str(),
                    "review": rb.review_words,
                })),
                "errors": errors,
                "warnings": warnings,
                "diagnostics": diagnostics,
            });
            write_stdout(&(serde_json::to_string_pretty(&doc)? + "\n"))?;
        }
        DiagnosticFormat::Text => {
            let mut text = String::new();
            for d in &diagnostics {
                d.render(&mut text);
                text.push('\n');
            }
            if let Some(rb) = &rulebook {
                // What a reviewer records in `reviewed_hash` after reviewing this content.
                text.push_str(&format!(
                    "review status: {}; content hash {}\n",
                    smp_screen::sanitize::one_line(&rb.review_words),
                    rb.content_hash()
                ));
            }
            text.push_str(&summary(rulebook.as_ref(), errors, warnings));
            write_stdout(&text)?;
        }
    }
    Ok(if errors > 0 { code::RULEBOOK } else { code::OK })
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn summary(rulebook: Option<&Rulebook>, errors: usize, warnings: usize) -> String {
    let what = rulebook.map_or_else(
        || "the rulebook".to_owned(),
        |rb| {
            format!(
                "{} {} ({}, {})",
                smp_screen::sanitize::one_line(&rb.identity.id),
                smp_screen::sanitize::one_line(&rb.identity.version),
                plural(rb.questions.len(), "question"),
                plural(rb.rules.len(), "rule")
            )
        },
    );
    if errors + warnings == 0 {
        format!("{what}: no problems found\n")
    } else {
        format!("{what}: {}, {}\n", plural(errors, "error"), plural(warnings, "warning"))
    }
}

fn test(args: TestArgs) -> anyhow::Result<u8> {
    let rulebook = common::load(args.path.as_deref())?;
    let files: Vec<CaseFile> = match (&args.cases, &args.path) {
        (Some(dir), _) => read_cases(dir.clone())?,
        (None, Some(path)) => read_cases(cases::folder_for(path))?,
        (None, None) => cases::embedded(),
    };
    let (outcomes, coverage) = cases::run_all(&rulebook, &files);
    let failed: Vec<_> = outcomes.iter().filter(|o| !o.problems.is_empty()).collect();
    let passed = outcomes.len() - failed.len();
    let uncovered = !coverage.is_complete();
    match args.format {
        DiagnosticFormat::Json => {
            let doc = json!({
                "passed": passed,
                "failed": failed.len(),
                "cases": outcomes.iter().map(|o| json!({"name": o.name, "passed": o.problems.is_empty(), "problems": o.problems})).collect::<Vec<_>>(),
                "coverage": {
                    "rules_never_fired": coverage.rules_never_fired,
                    "options_never_used": coverage.options_never_used,
                    "verdicts_never_seen": coverage.verdicts_never_seen,
                    "inks_never_seen": coverage.inks_never_seen,
                },
            });
            write_stdout(&(serde_json::to_string_pretty(&doc)? + "\n"))?;
        }
        DiagnosticFormat::Text => {
            let mut text = String::new();
            for o in &failed {
                text.push_str(&format!("FAIL {}: {}\n", o.name, o.problems.join("; ")));
            }
            let level = if args.fail_uncovered { "error" } else { "warning" };
            for r in &coverage.rules_never_fired {
                text.push_str(&format!("{level}: rule `{r}` is fired by no case\n"));
            }
            for o in &coverage.options_never_used {
                text.push_str(&format!("{level}: option `{o}` is used by no case\n"));
            }
            for v in &coverage.verdicts_never_seen {
                text.push_str(&format!("{level}: no case gives verdict `{v}`\n"));
            }
            for i in &coverage.inks_never_seen {
                text.push_str(&format!("{level}: no case gives ink `{i}`\n"));
            }
            text.push_str(&format!("{passed} passed, {} failed\n", failed.len()));
            write_stdout(&text)?;
        }
    }
    Ok(if !failed.is_empty() || (args.fail_uncovered && uncovered) {
        code::TESTS_FAILED
    } else {
        code::OK
    })
}

fn read_cases(dir: PathBuf) -> Result<Vec<CaseFile>, CliError> {
    cases::read_folder(&dir).map_err(|source| CliError::Io {
        what: "cannot read the cases folder",
        path: dir,
        source,
    })
}

fn schema(args: SchemaArgs) -> anyhow::Result<u8> {
    let schema = if args.case {
        schemars::schema_for!(smp_screen::cases::Case)
    } else {
        schemars::schema_for!(smp_screen::rulebook::model::RulebookFile)
    };
    write_stdout(&(serde_json::to_string_pretty(&schema)? + "\n"))?;
    Ok(code::OK)
}

fn print_rulebook(args: PrintArgs) -> anyhow::Result<u8> {
    let rulebook = common::load(args.path.as_deref())?;
    let printer: &dyn Print = match args.format {
        PrintFormat::Markdown => &print::Markdown,
        PrintFormat::Html => &print::Html,
    };
    let mut buf = Vec::new();
    printer.print(&rulebook, args.audience, &mut buf)?;
    let mut out = std::io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(code::OK)
}
