//! Examples for every command, shown at the end of its `--help` and in the man page, and
//! tested to parse, so they stay true.

use super::error::EXIT_CODES_HELP;

/// (command path, examples as (command line, what it does)).
pub const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
    (
        "",
        &[
            ("smp-screen", "interview a patient alone, in plain words"),
            (
                "smp-screen --audience consultant --save consult.json --save-html handout.html",
                "interview beside a patient; keep a record and a printable handout",
            ),
            (
                "smp-screen assess --answers examples/strip-scar.json",
                "screen saved answers without an interview",
            ),
        ],
    ),
    (
        "interview",
        &[
            ("smp-screen interview", "the same as `smp-screen` alone"),
            (
                "smp-screen interview --explain --audience consultant",
                "show which rules read each question",
            ),
            (
                "smp-screen interview --save consult.json --label case-0042",
                "keep a record filed under the clinic's case number (and a draft, consult.json.draft, as it goes)",
            ),
            (
                "smp-screen interview --resume consult.json.draft --save consult.json",
                "continue an interview that was cut short",
            ),
            (
                "smp-screen interview --plain",
                "numbered lines for a screen reader, a braille display or a pipe",
            ),
        ],
    ),
    (
        "assess",
        &[
            (
                "smp-screen assess --answers examples/strip-scar.json",
                "the report for a person",
            ),
            (
                "smp-screen assess --set age=52 --set skin_tone=IV --format json",
                "answers on the command line, the JSON contract out",
            ),
            (
                "smp-screen assess --answers examples/young-progressing.json --format html --audience consultant",
                "a printable handout, with rule ids",
            ),
            (
                "smp-screen assess --answers consult.json --format html --label CASE-0042",
                "a handout headed by the clinic's case number, with lines for name and date of birth",
            ),
            (
                "smp-screen assess --from-record consult.json --format html",
                "re-print a saved record's handout with its recorded result",
            ),
        ],
    ),
    (
        "batch",
        &[
            (
                "smp-screen batch intake.csv --output-format csv -o results.csv",
                "a clinic's CSV export",
            ),
            (
                "smp-screen batch forms.jsonl --detail compact --jobs 2",
                "ids only, on two cores",
            ),
            ("smp-screen batch - --input-format csv", "CSV from standard input"),
            (
                "smp-screen batch export.csv --id-column patient_id --output-format csv",
                "a spreadsheet export: carry its patient id column into every result row",
            ),
            (
                "smp-screen batch export.csv --ignore-unknown-columns",
                "skip every column that is not a question, misspelt-looking ones too",
            ),
        ],
    ),
    (
        "replay",
        &[
            (
                "smp-screen replay consult.json",
                "screen a record again with the current rulebook",
            ),
            (
                "smp-screen replay consult.json --rules clinic-rules/ --exit-code",
                "exit 9 if a new edition of the rules changes the result",
            ),
        ],
    ),
    (
        "rules",
        &[
            (
                "smp-screen rules check clinic-rules/",
                "errors and warnings for an edited rulebook",
            ),
            ("smp-screen rules test clinic-rules/", "run its golden cases"),
        ],
    ),
    (
        "rules check",
        &[
            ("smp-screen rules check", "check the embedded rulebook"),
            (
                "smp-screen rules check clinic-rules/ --format json",
                "diagnostics for an editor or CI",
            ),
            (
                "smp-screen rules check clinic-rules/ --against clinic-rules-before/",
                "also warn if the content changed but the version did not",
            ),
            (
                "smp-screen rules check clinic-rules/ --lang it",
                "fail on any Italian text that is missing or stale (translated from an older English text)",
            ),
        ],
    ),
    (
        "rules test",
        &[
            ("smp-screen rules test", "the embedded rulebook's golden cases"),
            (
                "smp-screen rules test clinic-rules/ --cases clinic-cases/ --fail-uncovered",
                "fail on any rule or option no case reaches",
            ),
            (
                "smp-screen rules test clinic-rules/ --update",
                "after adding a question: show each failing case's difference and rewrite it if you agree",
            ),
        ],
    ),
    (
        "rules prove",
        &[
            ("smp-screen rules prove", "prove the embedded rulebook's invariants"),
            (
                "smp-screen rules prove clinic-rules/ --out /tmp/cx -f json",
                "for CI: counterexamples in /tmp/cx, results as JSON",
            ),
            (
                "smp-screen rules prove clinic-rules/",
                "prove a clinic's own copy against its invariants",
            ),
        ],
    ),
    (
        "rules diff",
        &[
            (
                "smp-screen rules diff rules-1.2/ clinic-rules/",
                "what changed, and the answers whose verdict or ink changes",
            ),
            (
                "smp-screen rules diff rules-1.2/ clinic-rules/ --records saved/ -f markdown",
                "for a clinical review, with the saved records that change",
            ),
        ],
    ),
    (
        "rules schema",
        &[
            ("smp-screen rules schema", "the JSON Schema of rulebook files"),
            ("smp-screen rules schema --case", "the JSON Schema of golden case files"),
            (
                "smp-screen rules schema --locale",
                "the JSON Schema of translation files (locales/CODE.json)",
            ),
        ],
    ),
    (
        "rules print",
        &[
            ("smp-screen rules print", "the intake form and rule table as Markdown"),
            (
                "smp-screen rules print --lang it",
                "the intake form and rule table in Italian",
            ),
            (
                "smp-screen rules print --format html --audience consultant",
                "a printable page for review",
            ),
        ],
    ),
    (
        "rules translate",
        &[
            (
                "smp-screen rules translate clinic-rules/ --lang it",
                "write clinic-rules/locales/it.json with every text still to translate",
            ),
            (
                "smp-screen rules translate rules/ --lang es",
                "start or update the Spanish translation of the default rulebook, in a source checkout",
            ),
        ],
    ),
    (
        "completions",
        &[
            (
                "smp-screen completions bash",
                "print the script; save it as ~/.local/share/bash-completion/completions/smp-screen",
            ),
            (
                "smp-screen completions zsh",
                "save it as _smp-screen in a folder on $fpath",
            ),
            (
                "smp-screen completions fish",
                "save it as ~/.config/fish/completions/smp-screen.fish",
            ),
        ],
    ),
    (
        "man",
        &[
            ("smp-screen man", "print the manual page"),
            (
                "smp-screen man -o ~/.local/share/man/man1/smp-screen.1",
                "install it so `man smp-screen` finds it",
            ),
        ],
    ),
];

/// The examples of the command at `path` ("" for the tool itself, "rules check", …).
pub fn examples(path: &str) -> &'static [(&'static str, &'static str)] {
    EXAMPLES.iter().find(|(p, _)| *p == path).map_or(&[], |(_, e)| e)
}

/// The text after a command's `--help`: its examples, then the tool's exit codes.
pub fn after_help(path: &str) -> String {
    after_help_then(path, EXIT_CODES_HELP)
}

/// The text after a command's `--help`: its examples, then `tail`.
pub fn after_help_then(path: &str, tail: &str) -> String {
    let mut text = String::from("Examples:\n");
    for (command, what) in examples(path) {
        text.push_str(&format!("  # {what}\n  {command}\n\n"));
    }
    text.push_str(tail);
    text.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::Cli;
    use super::*;
    use clap::{CommandFactory, Parser};

    /// Every command path of the tool, but `help`.
    fn paths(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        out.push(prefix.to_owned());
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let path = if prefix.is_empty() {
                sub.get_name().to_owned()
            } else {
                format!("{prefix} {}", sub.get_name())
            };
            paths(sub, &path, out);
        }
    }

    #[test]
    fn every_command_has_examples_and_every_example_parses() {
        let mut all = Vec::new();
        paths(&Cli::command(), "", &mut all);
        for path in &all {
            let examples = examples(path);
            assert!(examples.len() >= 2, "`{path}` needs two or three examples");
            for (line, _) in examples {
                let words: Vec<&str> = line.split_whitespace().collect();
                assert_eq!(words[0], "smp-screen");
                assert!(
                    line.starts_with(&format!("smp-screen {path}").trim_end().to_owned()),
                    "{line} under {path}"
                );
                if let Err(e) = Cli::try_parse_from(&words) {
                    panic!("example `{line}` does not parse:\n{e}");
                }
            }
        }
        for (path, _) in EXAMPLES {
            assert!(
                all.iter().any(|p| p == path),
                "examples for `{path}`, which is not a command"
            );
        }
    }

    #[test]
    fn every_help_ends_with_its_examples() {
        let mut all = Vec::new();
        paths(&Cli::command(), "", &mut all);
        for path in all {
            let mut args = vec!["smp-screen"];
            args.extend(path.split_whitespace());
            args.push("--help");
            let help = Cli::try_parse_from(&args).unwrap_err().to_string();
            assert!(help.contains("Examples:"), "`{path} --help` has no examples");
            assert!(help.contains(examples(&path)[0].0), "`{path} --help`");
        }
    }
}
