//! The module graph follows the layers of ARCHITECTURE.md and has no circle.
//!
//! Reads every file under src/, collects the top-level library modules each one names
//! (`crate::X`, `crate::{X, ..}`, `smp_screen::X` in the binary), and fails on any edge
//! the table below does not allow, and on any cycle. The table mirrors ARCHITECTURE.md:
//! change both together.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Each library module and its layer, lowest first. A module may use any module of a
/// lower layer; within a layer only the pairs in [`SAME_LAYER`].
const LAYERS: &[(&str, u8)] = &[
    ("audience", 0),
    ("condition", 0),
    ("date", 0),
    ("json_error", 0),
    ("sanitize", 0),
    ("suggest", 0),
    ("html_page", 0),
    ("rulebook", 1),
    ("answers", 2),
    ("i18n", 2),
    ("engine", 3),
    ("interview", 3),
    ("describe", 4),
    ("words", 4),
    ("explain", 5),
    ("prove", 5),
    ("style", 6),
    ("report", 6),
    ("print", 6),
    ("summary", 6),
    ("record", 7),
    ("replay", 7),
    ("batch", 7),
    ("tooling", 8),
    ("fuzz_checks", 9),
];

/// Edges allowed inside one layer (from, to).
const SAME_LAYER: &[(&str, &str)] = &[
    ("html_page", "sanitize"),
    ("interview", "engine"),
    ("report", "style"),
    ("summary", "report"),
    ("summary", "style"),
    ("replay", "record"),
];

/// Macros exported at the crate root (`#[macro_export]`), and the module that defines each:
/// a path to the macro is an edge to that module.
const MACROS: &[(&str, &str)] = &[("tr", "i18n")];

/// Modules that must not touch files, terminals or JSON: the engine knows nothing of
/// terminals, the interview nothing of JSON files.
const PURE: &[&str] = &["condition", "engine", "interview"];
const IMPURE_WORDS: &[&str] = &[
    "serde_json",
    "std::fs",
    "crossterm",
    "dialoguer",
    "IsTerminal",
    "stdin()",
    "stdout()",
    "println!",
    "eprintln!",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its comments (doc links name modules without using them).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            // Keep "//" inside a string literal such as a URL.
            Some(i) if l[..i].matches('"').count() % 2 == 0 => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules named after `prefix` (`crate::` or `smp_screen::`).
fn named_modules(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in code.match_indices(prefix) {
        // Not the tail of a longer path such as `foo_crate::`.
        if code[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[i + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Up to the brace that closes this group (groups nest).
            let mut open = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    open += match c {
                        '{' => 1,
                        '}' => -1,
                        _ => 0,
                    };
                    open == 0
                })
                .map_or(group.len(), |(j, _)| j);
            let group = &group[..end];
            // Top-level names of the group: the first segment of each comma-separated item
            // at nesting depth zero.
            let mut depth = 0;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && (c.is_ascii_alphabetic() || c == '_') && depth == 0 => {
                        found.insert(ident_at(&group[j..]).to_owned());
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident_at(rest);
            if !name.is_empty() {
                found.insert(name.to_owned());
            }
        }
    }
    found
        .into_iter()
        .map(|name| match MACROS.iter().find(|(m, _)| *m == name) {
            Some((_, module)) => (*module).to_owned(),
            None => name,
        })
        .collect()
}

/// The top-level module a library file belongs to (None for lib.rs and the binary).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_owned();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
    (!matches!(name.as_str(), "lib" | "main" | "cli")).then_some(name)
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let Some(module) = module_of(&src, &file) else { continue };
        let code = code_of(&fs::read_to_string(&file).unwrap());
        let uses = edges.entry(module.clone()).or_default();
        for used in named_modules(&code, "crate::") {
            if used != module {
                uses.insert(used);
            }
        }
    }
    edges
}

fn layer_of(module: &str) -> u8 {
    LAYERS
        .iter()
        .find(|(m, _)| *m == module)
        .map(|&(_, l)| l)
        .unwrap_or_else(|| panic!("module `{module}` has no layer: add it to ARCHITECTURE.md and LAYERS"))
}

#[test]
fn every_module_has_a_layer_and_every_layer_entry_is_a_module() {
    let edges = graph();
    for module in edges.keys() {
        layer_of(module);
    }
    for (module, _) in LAYERS {
        assert!(
            edges.contains_key(*module),
            "LAYERS names `{module}`, which is not a module under src/"
        );
    }
}

#[test]
fn every_edge_goes_down_a_layer_or_is_allowed_within_one() {
    let mut wrong = Vec::new();
    for (from, uses) in graph() {
        for to in uses {
            let (lf, lt) = (layer_of(&from), layer_of(&to));
            let allowed = lt < lf || (lt == lf && SAME_LAYER.contains(&(from.as_str(), to.as_str())));
            if !allowed {
                wrong.push(format!("{from} (layer {lf}) -> {to} (layer {lt})"));
            }
        }
    }
    assert!(wrong.is_empty(), "edges against ARCHITECTURE.md:\n{}", wrong.join("\n"));
}

#[test]
fn the_module_graph_has_no_cycle() {
    let edges = graph();
    // Depth-first search with colours; a grey node reached again closes a cycle.
    fn visit<'a>(
        node: &'a str,
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<String> {
        match state.get(node) {
            Some(1) => {
                let start = path.iter().position(|n| *n == node).unwrap();
                let mut cycle = path[start..].to_vec();
                cycle.push(node);
                return Some(cycle.join(" -> "));
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(node, 1);
        path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(node, 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, &edges, &mut state, &mut Vec::new()) {
            panic!("import circle: {cycle}");
        }
    }
}

#[test]
fn the_engine_and_the_interview_touch_no_files_terminals_or_json() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let Some(module) = module_of(&src, &file) else { continue };
        if !PURE.contains(&module.as_str()) {
            continue;
        }
        let code = code_of(&fs::read_to_string(&file).unwrap());
        for word in IMPURE_WORDS {
            if code.contains(word) {
                wrong.push(format!("{} uses {word}", file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_scanner_sees_grouped_and_plain_paths_and_ignores_comments() {
    let code = code_of(
        "use crate::{engine::{Cond, Tri}, report, words};\n\
         // crate::print in a comment\n\
         let x = crate::rulebook::Rulebook::embedded();\n\
         let y = foo_crate::bar;",
    );
    let found = named_modules(&code, "crate::");
    let expected: BTreeSet<String> = ["engine", "report", "rulebook", "words"].map(String::from).into();
    assert_eq!(found, expected);
}

#[test]
fn the_binary_reaches_the_library_only_through_its_modules() {
    // The binary (src/main.rs, src/cli/) sits on top; every library module it names
    // must exist in the table, so a renamed module cannot leave a stale path behind.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("main.rs")];
    rust_files(&src.join("cli"), &mut files);
    for file in files {
        let code = code_of(&fs::read_to_string(&file).unwrap());
        for used in named_modules(&code, "smp_screen::") {
            layer_of(&used);
        }
    }
}

/// Issue 18: two public types with one name make `use` lines ambiguous for a reader and
/// force renaming imports; the library's public structs, enums and aliases are unique.
#[test]
fn no_two_public_types_of_the_library_share_a_name() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in files {
        // The binary's types are not the library's API.
        if file.starts_with(src.join("cli")) || file.ends_with("main.rs") {
            continue;
        }
        let code = code_of(&fs::read_to_string(&file).unwrap());
        for kind in ["pub struct ", "pub enum ", "pub type ", "pub trait "] {
            for (at, _) in code.match_indices(kind) {
                let name = ident_at(&code[at + kind.len()..]);
                seen.entry(name.to_owned())
                    .or_default()
                    .push(file.strip_prefix(&src).unwrap().display().to_string());
            }
        }
    }
    assert!(seen.len() > 50, "the scan found too few types: {}", seen.len());
    let shared: Vec<_> = seen.iter().filter(|(_, files)| files.len() > 1).collect();
    assert!(shared.is_empty(), "public types sharing a name: {shared:?}");
}
