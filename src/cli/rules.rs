//! `smp-screen rules check | test | schema | print`: tools for rule authors.

use super::common;
use super::error::{CliError, code};
use super::help::after_help_then;
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;
use smp_screen::audience::Audience;
use smp_screen::date::Date;
use smp_screen::print::{self, Print};
use smp_screen::rulebook::{Level, Rulebook};
use smp_screen::sanitize::one_line;
use smp_screen::tooling::cases::{self, CaseFile};
use std::io::Write as _;
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
        "With --lang CODE, every text missing or stale in that translation is an error.\n\
         Exit codes: 0 no errors (warnings allowed), 4 errors found (a refuted invariant is one) or the \
         rulebook cannot be read."
    ))]
    Check(CheckArgs),
    /// Run the golden cases and report what they leave untested
    #[command(after_help = after_help_then(
        "rules test",
        "Exit codes: 0 all cases pass (after --update, those left), 2 --update without case files, \
         4 invalid rulebook, 5 unreadable cases or a case that cannot be rewritten, 7 a case failed \
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
    /// Start or update a translation: write locales/CODE.json beside the rulebook with
    /// every text still to translate (use with --lang CODE)
    #[command(after_help = after_help_then(
        "rules translate",
        "Exit codes: 0 written, 2 no --lang or no rulebook path, 4 invalid rulebook or locale file, \
         5 the file cannot be written."
    ))]
    Translate(super::translate::TranslateArgs),
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
    /// An earlier edition of the rulebook (file or folder): warn if the content changed
    /// but the version did not
    #[arg(long, value_name = "OLD")]
    against: Option<PathBuf>,
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
    /// Rewrite the expectations of failing cases from the current result, asking for each
    /// (passing cases are never touched)
    #[arg(long)]
    update: bool,
    /// With --update: update every failing case without asking
    #[arg(long, short = 'y', requires = "update")]
    yes: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    format: DiagnosticFormat,
}

#[derive(Debug, Args)]
struct SchemaArgs {
    /// The schema of golden case files instead of rulebook files
    #[arg(long)]
    case: bool,
    /// The schema of translation files (locales/CODE.json) instead of rulebook files
    #[arg(long, conflicts_with = "case")]
    locale: bool,
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
            RulesCommand::Translate(a) => a.run(),
        }
    }
}

fn write_stdout(text: &str) -> anyhow::Result<()> {
    Ok(common::print(text.as_bytes())?)
}

fn check(args: CheckArgs) -> anyhow::Result<u8> {
    let mut translations: Vec<smp_screen::rulebook::locale::Completeness> = Vec::new();
    let (rulebook, diagnostics) = match common::load(args.path.as_deref()) {
        Ok(rb) => {
            let mut found = smp_screen::tooling::lint::check(&rb, Date::today());
            if let Some(old) = &args.against {
                let old = common::load(Some(old))?;
                found.extend(smp_screen::tooling::lint::against(&rb, &old));
            }
            let locales = super::lang::locales_for(args.path.as_deref())?;
            found.extend(smp_screen::rulebook::locale::check(
                &rb,
                &locales,
                super::lang::explicit(),
            ));
            translations = smp_screen::rulebook::locale::coverage(&rb, &locales);
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
                    "version_hash": smp_screen::tooling::lint::version_hash(rb),
                    "status": rb.review.as_str(),
                    "review": rb.review_words,
                    "linked_files": rb.files.iter().filter(|f| f.linked).map(|f| &f.name).collect::<Vec<_>>(),
                })),
                "errors": errors,
                "warnings": warnings,
                "diagnostics": diagnostics,
                "translations": translations,
            });
            write_stdout(&(smp_screen::sanitize::json_string_pretty(&doc) + "\n"))?;
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
            // A followed link is said, so that an author sees where the text came from.
            for f in rulebook.iter().flat_map(|rb| &rb.files).filter(|f| f.linked) {
                text.push_str(&format!("note: read {} through a symbolic link\n", f.name));
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
    let folder = match (&args.cases, &args.path) {
        (Some(dir), _) => Some(dir.clone()),
        (None, Some(path)) => Some(cases::folder_for(path)),
        (None, None) => None,
    };
    if args.update && folder.is_none() {
        eprintln!(
            "error: --update rewrites case files, and the embedded cases are not files: name a rulebook folder \
             (its cases/ are updated) or --cases DIR"
        );
        return Ok(code::USAGE);
    }
    let mut files: Vec<CaseFile> = match &folder {
        Some(dir) => read_cases(dir.clone())?,
        None => cases::embedded(),
    };
    let (mut outcomes, mut coverage) = cases::run_all(&rulebook, &files);
    if args.update {
        let failing: Vec<&cases::CaseOutcome> = outcomes.iter().filter(|o| !o.problems.is_empty()).collect();
        let updated = update_cases(&rulebook, &files, &failing, args.yes)?;
        if updated > 0 {
            files = read_cases(folder.clone().unwrap_or_default())?;
            (outcomes, coverage) = cases::run_all(&rulebook, &files);
        }
        eprintln!("{} updated", plural(updated, "case"));
    }
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
            write_stdout(&(smp_screen::sanitize::json_string_pretty(&doc) + "\n"))?;
        }
        DiagnosticFormat::Text => {
            let mut text = String::new();
            for o in &failed {
                text.push_str(&format!(
                    "FAIL {}: {}\n",
                    one_line(&o.name),
                    one_line(&o.problems.join("; "))
                ));
            }
            let level = if args.fail_uncovered { "error" } else { "warning" };
            for r in &coverage.rules_never_fired {
                text.push_str(&format!("{level}: rule `{}` is fired by no case\n", one_line(r)));
            }
            for o in &coverage.options_never_used {
                text.push_str(&format!("{level}: option `{}` is used by no case\n", one_line(o)));
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

/// `rules test --update`: shows each failing case's difference, asks (unless `yes`), and
/// rewrites the expectations of those accepted from the current result. Every new text is
/// made before any file is written, and each file is replaced atomically with its own
/// permissions; passing cases are never touched. Returns how many were updated.
fn update_cases(
    rulebook: &Rulebook,
    files: &[CaseFile],
    failing: &[&cases::CaseOutcome],
    yes: bool,
) -> anyhow::Result<usize> {
    use std::io::BufRead;
    let mut writes = Vec::new();
    let mut stdin = std::io::stdin().lock();
    let mut answered_all = false;
    for outcome in failing {
        let Some(file) = files.iter().find(|f| f.name == outcome.name) else {
            continue;
        };
        let name = smp_screen::sanitize::one_line(&file.name);
        let Ok(case) = &file.case else {
            eprintln!("cannot update {name}: it cannot be read; fix it by hand");
            continue;
        };
        let Some(new_case) = cases::updated(rulebook, case) else {
            eprintln!("cannot update {name}: its answers do not fit the rulebook; fix them by hand");
            continue;
        };
        eprintln!("{name}:");
        for problem in &outcome.problems {
            eprintln!("  {}", smp_screen::sanitize::one_line(problem));
        }
        if !yes {
            if answered_all {
                continue;
            }
            eprint!("Update the expectations of {name} from the current result? [y/N] ");
            let mut reply = String::new();
            if stdin.read_line(&mut reply)? == 0 {
                // End of input: nobody is there to say yes.
                eprintln!();
                answered_all = true;
                continue;
            }
            if !matches!(reply.trim().to_lowercase().as_str(), "y" | "yes") {
                continue;
            }
        }
        let original = std::fs::read_to_string(&file.path).ok();
        let text = cases::to_json(rulebook, &new_case, original.as_deref());
        writes.push((file.path.clone(), text));
    }
    for (path, text) in &writes {
        replace_keeping_permissions(path, text.as_bytes())?;
    }
    Ok(writes.len())
}

/// Replaces a file atomically (a temporary file in the same folder renamed over it), with
/// the permissions the file had.
pub(super) fn replace_keeping_permissions(path: &std::path::Path, bytes: &[u8]) -> Result<(), CliError> {
    let io = |source| CliError::Io {
        what: "cannot update",
        path: path.to_owned(),
        source,
    };
    let permissions = std::fs::metadata(path).map_err(io)?.permissions();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".smp-screen-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.as_file().set_permissions(permissions).map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

fn read_cases(dir: PathBuf) -> Result<Vec<CaseFile>, CliError> {
    cases::read_folder(&dir).map_err(|source| CliError::Io {
        what: "cannot read the cases folder",
        path: dir,
        source,
    })
}

fn schema(args: SchemaArgs) -> anyhow::Result<u8> {
    let schema = if args.locale {
        schemars::schema_for!(smp_screen::rulebook::locale::LocaleFile)
    } else if args.case {
        schemars::schema_for!(smp_screen::tooling::cases::Case)
    } else {
        schemars::schema_for!(smp_screen::rulebook::model::RulebookFile)
    };
    write_stdout(&(smp_screen::sanitize::json_string_pretty(&schema) + "\n"))?;
    Ok(code::OK)
}

fn print_rulebook(args: PrintArgs) -> anyhow::Result<u8> {
    let rulebook = super::lang::localize(common::load(args.path.as_deref())?, args.path.as_deref())?;
    let printer: &dyn Print = match args.format {
        PrintFormat::Markdown => &print::MarkdownForm,
        PrintFormat::Html => &print::HtmlForm,
    };
    let mut buf = Vec::new();
    printer.print(&rulebook, args.audience, &mut buf)?;
    common::print(&buf)?;
    Ok(code::OK)
}
