//! The tool as a command-line citizen: completions, the man page, --version, the HTML
//! handout, and colour that never leaks into pipes or files.

mod common;

use common::{repo, smp};
use smp_screen::rulebook::Rulebook;

const SUBCOMMANDS: &[&str] = &["assess", "interview", "batch", "replay", "rules", "completions", "man"];

fn stdout(args: &[&str]) -> String {
    let out = smp().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completion_scripts_cover_every_subcommand_and_option_value() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        for name in SUBCOMMANDS.iter().chain(&["check", "test", "schema", "print"]) {
            assert!(script.contains(name), "{shell} completion lacks `{name}`");
        }
        // clap_complete's PowerShell and Elvish scripts complete names, not option values.
        if matches!(shell, "powershell" | "elvish") {
            continue;
        }
        for value in ["markdown", "html", "consultant", "compact", "jsonl"] {
            assert!(script.contains(value), "{shell} completion lacks the value `{value}`");
        }
    }
    smp().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_covers_every_subcommand_with_examples_and_exit_codes() {
    let page = stdout(&["man"]);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "roff");
    assert!(page.contains(".TH smp-screen 1"));
    for name in SUBCOMMANDS {
        assert!(
            page.contains(&format!(".SH \"SMP-SCREEN {}\"", name.to_uppercase()))
                || page.contains(&format!(".SH SMP-SCREEN {}", name.to_uppercase())),
            "no section for {name}"
        );
    }
    for name in ["RULES CHECK", "RULES TEST", "RULES SCHEMA", "RULES PRINT"] {
        assert!(page.contains(&format!("SMP-SCREEN {name}")), "no section for {name}");
    }
    assert!(page.contains(".SH EXAMPLES") && page.contains(".SH \"EXIT STATUS\""));
    assert!(page.contains("\\-\\-exit\\-code"), "replay's options are listed");
    assert_eq!(page.matches(".ds Aq \\(aq").count(), 1, "the preamble appears once");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("smp-screen.1");
    smp().args(["man", "-o"]).arg(&file).assert().success();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), page);
    smp().args(["man", "-o"]).arg(&file).assert().code(5);
}

#[test]
fn version_names_the_embedded_rulebook() {
    let rb = Rulebook::embedded().unwrap();
    let version = stdout(&["--version"]);
    assert!(
        version.starts_with(&format!("smp-screen {}", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    let expected = format!("{} {}", rb.identity.id, rb.identity.version);
    assert!(version.contains(&expected), "{version} lacks {expected}");
    // The review status is read at build time; the loaded rulebook must agree, which also
    // catches a `reviewed` rulebook edited after its review.
    assert!(
        version.contains(&rb.review_words),
        "{version} lacks {}",
        rb.review_words
    );
    assert!(version.contains("not yet reviewed by a clinician"), "{version}");
}

/// Checks that every element opened is closed in order (the handout is written as
/// well-formed markup; `meta` and `br` are void).
fn assert_well_formed(html: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("an unclosed tag") + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if matches!(name.as_str(), "meta" | "br") {
            continue;
        }
        if tag.starts_with('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "</{name}> closes the wrong element"
            );
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn the_html_handout_is_self_contained_and_complete() {
    for (case, audience) in [
        ("examples/anticoagulants-keloid.json", "patient"),
        ("examples/strip-scar.json", "consultant"),
        ("examples/partial-answers.json", "patient"),
    ] {
        let html = stdout(&[
            "assess",
            "-a",
            repo(case).to_str().unwrap(),
            "-f",
            "html",
            "--audience",
            audience,
        ]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&[
            "assess",
            "-a",
            repo(case).to_str().unwrap(),
            "-f",
            "json",
            "--audience",
            audience,
        ]))
        .unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_well_formed(&html);
        for external in ["http:", "https:", "src=", "<link", "<script", "url("] {
            assert!(!html.contains(external), "{case}: the handout refers to `{external}`");
        }
        let label = json["verdict"].as_str().unwrap().to_uppercase();
        assert!(html.contains(&label), "{case}: no verdict {label}");
        for risk in json["risks"].as_array().unwrap() {
            let title = smp_screen::sanitize::html(risk["title"].as_str().unwrap());
            assert!(html.contains(&title), "{case}: no risk {title}");
        }
        let disclaimer = smp_screen::sanitize::html(json["disclaimer"].as_str().unwrap());
        assert!(html.contains(&disclaimer), "{case}: no disclaimer");
        assert!(html.contains(json["rulebook"]["version"].as_str().unwrap()));
        assert!(html.contains("@media print"), "print styles");
        if json["provisional"] == true {
            let headline = smp_screen::sanitize::html(json["headline"].as_str().unwrap());
            assert!(
                html.contains(&format!("<span class=\"label\">{headline}</span>")),
                "{case}"
            );
            assert!(html.contains("What could still change it"), "{case}");
            assert!(!html.contains("✓"), "{case}: a provisional result is never ticked");
        }
    }
    // Skin and hair answers carry their colour swatches.
    let html = stdout(&[
        "assess",
        "-a",
        repo("examples/young-progressing.json").to_str().unwrap(),
        "-f",
        "html",
    ]);
    assert!(html.matches("class=\"swatch\" style=\"background: #").count() >= 2);
}

#[test]
fn save_html_writes_the_handout_beside_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("handout.html");
    let out = smp()
        .args(["assess", "-a"])
        .arg(repo("examples/strip-scar.json"))
        .arg("--save-html")
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout).unwrap().contains("Verdict:"),
        "the text report still prints"
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert_well_formed(&html);
    assert!(!html.contains('\u{1b}'));
    smp()
        .args(["assess", "--set", "age=40", "--save-html"])
        .arg(&page)
        .assert()
        .code(5);
}

/// Runs with colour forced on by `args`/environment and returns stdout and stderr.
fn colour_run(args: &[&str], env: &[(&str, &str)]) -> (String, String) {
    let mut cmd = smp();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn colour_is_decided_in_one_place_and_never_leaks() {
    let case = repo("examples/young-progressing.json");
    let case = case.to_str().unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec!["assess", "-a", case],
        vec!["assess", "-a", case, "--explain", "--audience", "consultant"],
        vec!["assess", "--bogus"],
        vec!["--help"],
        vec!["rules", "check"],
        vec!["replay", "/nonexistent.json"],
    ];
    for args in &runs {
        // Piped, as in a script or a file: no colour by default.
        let (out, err) = colour_run(args, &[]);
        assert!(
            !out.contains('\u{1b}') && !err.contains('\u{1b}'),
            "{args:?} coloured a pipe"
        );
        // --color never beats CLICOLOR_FORCE; NO_COLOR beats it too.
        let mut never = args.clone();
        never.extend(["--color", "never"]);
        let (out, err) = colour_run(&never, &[("CLICOLOR_FORCE", "1")]);
        assert!(!out.contains('\u{1b}') && !err.contains('\u{1b}'), "{never:?} coloured");
        let (out, err) = colour_run(args, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
        assert!(
            !out.contains('\u{1b}') && !err.contains('\u{1b}'),
            "{args:?} with NO_COLOR coloured"
        );
    }
    // The check can fail: forced colour does colour the report and clap's errors.
    let (out, _) = colour_run(&["assess", "-a", case, "--color", "always"], &[]);
    assert!(out.contains("\u{1b}["), "--color always must colour");
    let (_, err) = colour_run(&["assess", "--bogus", "--color", "always"], &[]);
    assert!(err.contains("\u{1b}["), "clap follows --color always");
}
