//! Embeds the default rulebook (`rules/*.json`) and its golden cases (`rules/cases/*.json`)
//! into the binary, in name order, so the tool and its rule tests work on a fresh machine
//! with no flags.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn json_files(dir: &Path) -> Vec<String> {
    println!("cargo:rerun-if-changed={}", dir.display());
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
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_rules.rs");
    std::fs::write(dest, out).expect("write embedded_rules.rs");
}
