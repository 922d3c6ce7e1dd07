//! Shared helpers for integration tests: the binary, example paths, tiny rulebooks.
#![allow(dead_code)]

pub mod generate;
pub mod hostile;
pub mod keys;

use assert_cmd::Command;
use smp_screen::rulebook::{Rulebook, Sources};
use std::path::PathBuf;

/// The `smp-screen` binary with a clean, colourless environment.
pub fn smp() -> Command {
    let mut cmd = Command::cargo_bin("smp-screen").expect("binary");
    // English whatever the developer's own locale, unless a test asks for a language.
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("COLUMNS", "80");
    cmd
}

/// A file in the repository.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The identity block every test rulebook needs.
pub const IDENTITY: &str = r#""rulebook": {"id": "test", "title": "Test rulebook", "version": "1.0.0",
  "reviewed_by": "tests", "reviewed_on": "2026-01-01", "review_due": "2099-01-01", "disclaimer": "Test only."}"#;

/// A rulebook text from the JSON of its sections (without the identity).
pub fn rulebook_text(sections: &str) -> String {
    if sections.trim().is_empty() {
        format!("{{{IDENTITY}}}")
    } else {
        format!("{{{IDENTITY},\n{sections}}}")
    }
}

/// Compiles a test rulebook, panicking with the diagnostics if it is invalid.
pub fn rulebook(sections: &str) -> Rulebook {
    match Rulebook::from_sources(Sources::from_text("test.json", &rulebook_text(sections))) {
        Ok(r) => r,
        Err(e) => panic!("test rulebook invalid:\n{e}"),
    }
}

/// The error a test rulebook fails with.
pub fn rulebook_error(sections: &str) -> String {
    match Rulebook::from_sources(Sources::from_text("test.json", &rulebook_text(sections))) {
        Ok(_) => panic!("rulebook unexpectedly valid"),
        Err(e) => e.to_string(),
    }
}

/// Answers that fill in every question of the default rulebook for an unremarkable case.
pub fn base_answers() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(repo("examples/shaved-look-suitable.json")).unwrap()).unwrap()
}

/// A copy of the default rulebook's files in `dir/rules`, each passed through `edit`, with
/// its translations (`locales/`) as they are: the rulebook declares its languages, so a
/// copy without them would not load cleanly.
pub fn edited_default_rulebook(
    dir: &std::path::Path,
    edit: impl Fn(serde_json::Value) -> serde_json::Value,
) -> PathBuf {
    let out = dir.join("rules");
    std::fs::create_dir(&out).unwrap();
    for entry in std::fs::read_dir(repo("rules")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let doc = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text = serde_json::to_string_pretty(&edit(doc)).unwrap();
        std::fs::write(out.join(path.file_name().unwrap()), text).unwrap();
    }
    let locales = out.join("locales");
    std::fs::create_dir(&locales).unwrap();
    for entry in std::fs::read_dir(repo("rules/locales")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            std::fs::copy(&path, locales.join(path.file_name().unwrap())).unwrap();
        }
    }
    out
}
