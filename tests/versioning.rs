//! `rules check` warns when a rulebook's content changed but its version did not: against
//! an earlier edition (`--against OLD`) or against the identity's own `version_hash`.

mod common;

use common::{edited_default_rulebook, smp};
use serde_json::{Value, json};

fn check(args: &[&str], path: &std::path::Path) -> (i32, String) {
    let out = smp().args(["rules", "check"]).arg(path).args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

/// A change of content that no translation follows (a rule's source is never translated),
/// so the only warning is the version's.
fn edit_source(mut doc: Value) -> Value {
    if doc["rules"].is_array() && doc["rules"][0]["id"] == "under-18" {
        let source = doc["rules"][0]["source"].as_str().unwrap_or_default().to_owned();
        doc["rules"][0]["source"] = format!("{source}; re-checked").into();
    }
    doc
}

fn set_version(version: &'static str) -> impl Fn(Value) -> Value {
    move |mut doc: Value| {
        if doc.get("rulebook").is_some() {
            doc["rulebook"]["version"] = version.into();
        }
        edit_source(doc)
    }
}

#[test]
fn against_an_earlier_edition_a_changed_content_needs_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    std::fs::create_dir(&old).unwrap();
    let old = edited_default_rulebook(&old, |d| d);
    let same = tempfile::tempdir().unwrap();
    let same = edited_default_rulebook(same.path(), |d| d);
    let (code, out) = check(&["--against", old.to_str().unwrap()], &same);
    assert_eq!(code, 0);
    assert!(out.contains("no problems found"), "{out}");

    let changed = tempfile::tempdir().unwrap();
    let changed = edited_default_rulebook(changed.path(), edit_source);
    let (code, out) = check(&["--against", old.to_str().unwrap()], &changed);
    assert_eq!(code, 0, "a warning, not an error");
    assert!(
        out.contains(
            "warning: the content differs from the earlier rulebook (smp-default 2.0.0), but the version is still 2.0.0"
        ),
        "{out}"
    );
    assert!(out.contains("00-rulebook.json:"), "located at the version: {out}");

    let bumped = tempfile::tempdir().unwrap();
    let bumped = edited_default_rulebook(bumped.path(), set_version("2.0.1"));
    let (_, out) = check(&["--against", old.to_str().unwrap()], &bumped);
    assert!(out.contains("no problems found"), "{out}");

    let back = tempfile::tempdir().unwrap();
    let back = edited_default_rulebook(back.path(), set_version("1.9.9"));
    let (_, out) = check(&["--against", old.to_str().unwrap()], &back);
    assert!(
        out.contains("the version 1.9.9 is lower than the earlier rulebook's 2.0.0"),
        "{out}"
    );

    let (_, json) = check(&["--format", "json", "--against", old.to_str().unwrap()], &changed);
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert!(
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "version-not-bumped")
    );
}

/// The version hash `rules check --format json` reports for a rulebook.
fn version_hash(path: &std::path::Path) -> String {
    let (_, json) = check(&["--format", "json"], path);
    let doc: Value = serde_json::from_str(&json).unwrap();
    doc["rulebook"]["version_hash"].as_str().unwrap().to_owned()
}

#[test]
fn the_version_hash_in_the_identity_catches_a_change_without_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let plain = edited_default_rulebook(dir.path(), |d| d);
    let hash = version_hash(&plain);
    let record = move |version: &'static str, edit: fn(Value) -> Value| {
        let hash = hash.clone();
        move |mut doc: Value| {
            if doc.get("rulebook").is_some() {
                doc["rulebook"]["version"] = version.into();
                doc["rulebook"]["version_hash"] = json!({"version": "2.0.0", "sha256": hash});
            }
            edit(doc)
        }
    };
    // Recorded for this content: nothing to say, and recording it changed nothing.
    let d = tempfile::tempdir().unwrap();
    let recorded = edited_default_rulebook(d.path(), record("2.0.0", |d| d));
    let (_, out) = check(&[], &recorded);
    assert!(out.contains("no problems found"), "{out}");
    // Layout alone is not content.
    let compact = recorded.join("30-safety.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&compact).unwrap()).unwrap();
    std::fs::write(&compact, doc.to_string()).unwrap();
    let (_, out) = check(&[], &recorded);
    assert!(out.contains("no problems found"), "{out}");
    // Content changed, version not.
    let d = tempfile::tempdir().unwrap();
    let changed = edited_default_rulebook(d.path(), record("2.0.0", edit_source));
    let (code, out) = check(&[], &changed);
    assert_eq!(code, 0);
    assert!(
        out.contains("warning: the content changed since version 2.0.0 was recorded in `version_hash`, but the version is still 2.0.0"),
        "{out}"
    );
    // Version bumped: the hash is to be recorded for the new version, and the help gives it.
    let d = tempfile::tempdir().unwrap();
    let bumped = edited_default_rulebook(d.path(), record("2.0.1", edit_source));
    let (_, out) = check(&[], &bumped);
    assert!(
        out.contains("`version_hash` records version 2.0.0, but the version is 2.0.1"),
        "{out}"
    );
    let new_hash = version_hash(&bumped);
    assert!(
        out.contains(&format!(
            r#"set `version_hash` to {{"version": "2.0.1", "sha256": "{new_hash}"}}"#
        )),
        "{out}"
    );
}
