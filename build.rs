//! Embeds the default rulebook (`rules/*.json`) and its golden cases (`rules/cases/*.json`)
//! and its translations (`rules/locales/*.json`) into the binary, in name order, so the tool and its rule tests work on a fresh machine
//! with no flags.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn json_files(dir: &Path) -> Vec<String> {
    println!("cargo:rerun-if-changed={}", dir.display());
    // A folder that does not exist (such as `rules/locales/` before any translation)
    // holds no files.
    if !dir.exists() {
        return Vec::new();
    }
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

fn table(out: &mut String, name: &str, doc: &str, dir: &Path) {
    writeln!(
        out,
        "/// {doc}: (file name, text).\npub static {name}: &[(&str, &str)] = &["
    )
    .unwrap();
    for file in json_files(dir) {
        let path = dir.join(&file);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(out, "    ({file:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n");
}

/// Passes the embedded rulebook's id, version and review status to the compiler, for
/// `--version` and the man page. A file that does not parse is left to the rulebook's own
/// loader to report. The words must match `Review::words` (a unit test compares them, and
/// also catches a `reviewed` rulebook edited after its review).
fn identity(dir: &Path) {
    let mut found = (
        "unknown".to_owned(),
        "unknown".to_owned(),
        "not yet reviewed by a clinician".to_owned(),
        String::new(),
    );
    for file in json_files(dir) {
        let Ok(text) = std::fs::read_to_string(dir.join(&file)) else {
            continue;
        };
        let Ok(doc) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        if let Some(id) = doc.get("rulebook") {
            let field = |k: &str| id[k].as_str().unwrap_or("unknown").to_owned();
            found.0 = field("id");
            found.1 = field("version");
            if id["status"].as_str() == Some("reviewed") {
                found.2 = format!("reviewed by {} on {}", field("reviewed_by"), field("reviewed_on"));
                found.3 = field("reviewed_on");
            }
        }
    }
    println!("cargo:rustc-env=SMP_RULEBOOK_ID={}", found.0);
    println!("cargo:rustc-env=SMP_RULEBOOK_VERSION={}", found.1);
    println!("cargo:rustc-env=SMP_RULEBOOK_REVIEW={}", found.2);
    println!("cargo:rustc-env=SMP_RULEBOOK_DATE={}", found.3);
}

/// Embeds the tool's own words: every `locales/CODE/*.ftl`, one folder per language and one
/// file per part of the tool (so the parts can be translated and reviewed apart), joined in
/// file-name order into one Fluent text per language.
fn messages(out: &mut String, dir: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut codes: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("smp-screen.ftl").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    codes.sort();
    out.push_str("/// The tool's messages: (language code, Fluent text).\npub static MESSAGES: &[(&str, &str)] = &[\n");
    for code in codes {
        let folder = dir.join(&code);
        println!("cargo:rerun-if-changed={}", folder.display());
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        write!(out, "    ({code:?}, concat!(").unwrap();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            write!(out, "include_str!({:?}), \"\\n\", ", path.display().to_string()).unwrap();
        }
        out.push_str(")),\n");
    }
    out.push_str("];\n");
}

fn main() {
    let rules = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("rules");
    let mut out = String::new();
    table(&mut out, "FILES", "The default rulebook's files", &rules);
    table(
        &mut out,
        "CASES",
        "The default rulebook's golden cases",
        &rules.join("cases"),
    );
    table(
        &mut out,
        "LOCALES",
        "The default rulebook's translations",
        &rules.join("locales"),
    );
    identity(&rules);
    messages(
        &mut out,
        &PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales"),
    );
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_rules.rs");
    std::fs::write(dest, out).expect("write embedded_rules.rs");
}
