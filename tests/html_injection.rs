//! Markup and quotes in every text a rulebook author writes, and in `--label`, never reach
//! the HTML handout as markup: a copy of the default rulebook with every text field made
//! hostile is screened with every golden case in both voices.

mod common;

use common::hostile::replace_texts;
use common::{edited_default_rulebook, repo, smp};
use serde_json::Value;
use std::collections::BTreeSet;

/// Markup, both quotes, an entity and a comment opener: anything that is not escaped
/// shows as a tag, an attribute or a broken page.
const HOSTILE: &str = r#"<script>alert("x")</script><img src=x onerror='y'> &amp; "q" <!-- <b>"#;

/// The tag names in an HTML page (`<name` and `</name`).
fn tags(html: &str) -> BTreeSet<String> {
    html.match_indices('<')
        .map(|(i, _)| {
            html[i + 1..]
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .collect()
}

fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo("rules/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.to_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn hostile_rulebook_texts_and_label_are_escaped_in_the_handout() {
    let dir = tempfile::tempdir().unwrap();
    let mut replaced = 0;
    let rules = edited_default_rulebook(dir.path(), |mut doc| {
        replace_texts(&mut doc, &mut |n| format!("{HOSTILE} #{n}"));
        doc
    });
    // Count the fields replaced once, to show the copy is hostile throughout.
    // (The rulebook's files only: `locales/` beside them is copied as it is.)
    for entry in std::fs::read_dir(&rules).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        replaced += replace_texts(&mut doc, &mut |_| String::new());
    }
    assert!(replaced > 1_000, "only {replaced} text fields were made hostile");

    // The tags a handout may hold: those of an ordinary one, in either voice (the patient's
    // lists the answers as a definition list, the consultant's as a table).
    let mut allowed = BTreeSet::new();
    for voice in ["patient", "consultant"] {
        let ordinary = smp()
            .args(["assess", "-f", "html", "--audience", voice, "--set", "age=40"])
            .output()
            .unwrap();
        allowed.extend(tags(&String::from_utf8(ordinary.stdout).unwrap()));
    }

    let label = r#"<b onmouseover="alert('l')">case&7</b>"#;
    let mut shown = 0;
    for (n, case) in cases().iter().enumerate() {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(case).unwrap()).unwrap();
        let answers = dir.path().join("answers.json");
        std::fs::write(&answers, doc["answers"].to_string()).unwrap();
        for voice in ["patient", "consultant"] {
            let (record, handout) = (
                dir.path().join(format!("r{n}{voice}.json")),
                dir.path().join(format!("h{n}{voice}.html")),
            );
            let out = smp()
                .args([
                    "assess",
                    "--format",
                    "html",
                    "--audience",
                    voice,
                    "--label",
                    label,
                    "--rules",
                ])
                .arg(&rules)
                .arg("--answers")
                .arg(&answers)
                .arg("--save")
                .arg(&record)
                .arg("--save-html")
                .arg(&handout)
                .output()
                .unwrap();
            assert!(out.status.success(), "{case}: {}", String::from_utf8_lossy(&out.stderr));
            let printed = String::from_utf8(out.stdout).unwrap();
            let saved = std::fs::read_to_string(&handout).unwrap();
            for html in [&printed, &saved] {
                let context = || format!("{case} ({voice})");
                let lower = html.to_ascii_lowercase();
                for raw in ["<script", "<img", "<!--", "<b>", "<b ", "onerror='", "onmouseover=\""] {
                    assert!(!lower.contains(raw), "{}: unescaped `{raw}` in the handout", context());
                }
                assert!(
                    !html.contains(r#"&amp; "q" "#) && !html.contains(r#"alert("x")"#),
                    "{}: raw quotes",
                    context()
                );
                let extra: Vec<_> = tags(html).difference(&allowed).cloned().collect();
                assert!(
                    extra.is_empty(),
                    "{}: tags no ordinary handout has: {extra:?}",
                    context()
                );
                shown += html
                    .matches("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
                    .count();
                // The handout prints the label (issue 16), escaped: text, never markup.
                assert!(
                    html.contains("&lt;b onmouseover=&quot;alert(&#39;l&#39;)&quot;&gt;case&amp;7&lt;/b&gt;"),
                    "{}: the escaped label is not on the handout",
                    context()
                );
            }
            // Markdown viewers render inline HTML: every `<` of the payload is escaped there too.
            if voice == "consultant" {
                let out = smp()
                    .args(["assess", "--format", "markdown", "--audience", voice, "--rules"])
                    .arg(&rules)
                    .arg("--answers")
                    .arg(&answers)
                    .output()
                    .unwrap();
                let markdown = String::from_utf8(out.stdout).unwrap();
                let bare = markdown
                    .match_indices('<')
                    .filter(|&(i, _)| !markdown[..i].ends_with('\\'))
                    .count();
                assert_eq!(bare, 0, "{case}: an unescaped `<` in the Markdown");
                assert!(
                    markdown.contains(r"\<script\>"),
                    "{case}: the payload reached the Markdown"
                );
            }
            // The record keeps the label as given (JSON, not markup).
            let rec: Value = serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
            assert_eq!(rec["label"], label);
        }
    }
    // The hostile texts did reach the page, escaped (prompts, labels, risks, advice, rules).
    assert!(shown > 1_000, "only {shown} escaped texts shown");
}
