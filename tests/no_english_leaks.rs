//! Issue 17: in Italian and Spanish nothing a person reads is left in English. Every
//! golden case is screened in both voices and rendered as text (with `--explain`),
//! Markdown and HTML in each language; any word that the English reports use and that no
//! Italian (Spanish) text of the tool or of the rulebook contains is a leak.
//!
//! The English-only words are found, not listed: the vocabulary of the English reports of
//! every case, minus every word of the language's message files and rulebook locale, minus
//! the identifiers a report names on purpose (rule, question, option, risk and advice ids,
//! which are contract vocabulary). A sentence left in the Rust code therefore shows here as
//! soon as a case prints it.

use smp_screen::answers::Answers;
use smp_screen::audience::Audience;
use smp_screen::report::{self, Context, Report};
use smp_screen::rulebook::Rulebook;
use smp_screen::rulebook::locale::{self, Locales};
use smp_screen::style::Style;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LANGUAGES: [&str; 2] = ["it", "es"];
const VOICES: [Audience; 2] = [Audience::Patient, Audience::Consultant];

fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The golden cases' answers, by case name.
fn cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(repo("rules/cases")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        out.push((name, doc["answers"].to_string()));
    }
    out.sort();
    assert!(out.len() >= 100, "too few golden cases found: {}", out.len());
    out
}

/// The default rulebook shown in `code` (English for "en").
fn rulebook(code: &str) -> Rulebook {
    let mut rb = Rulebook::embedded().unwrap();
    if code != "en" {
        let locales = Locales::embedded();
        let file = locale::parse(locales.find(code).expect("the default rulebook ships this language")).unwrap();
        let applied = locale::apply(&mut rb, code, Some(&file));
        assert_eq!(
            applied.fallback, 0,
            "the default rulebook's {code} translation is incomplete"
        );
    }
    rb
}

/// Every report of one case in one rulebook's language: text with --explain, Markdown and
/// HTML, in both voices.
fn reports(rb: &Rulebook, answers: &str) -> Vec<(String, String)> {
    let answers = Answers::from_json(rb, answers).unwrap();
    let mut out = Vec::new();
    for voice in VOICES {
        let screening = report::screen(rb, &answers, voice);
        let renderers: [(&str, bool, Box<dyn Report>); 3] = [
            ("text --explain", true, Box::new(report::Text)),
            (
                "markdown",
                false,
                Box::new(report::WithFrame(report::Markdown, report::Frame::default())),
            ),
            (
                "html",
                false,
                Box::new(report::WithFrame(report::Html, report::Frame::default())),
            ),
        ];
        for (name, explain, renderer) in renderers {
            let cx = Context {
                screening: &screening,
                rulebook: rb,
                answers: &answers,
                style: Style::PLAIN,
                width: 80,
                explain,
            };
            let mut buf = Vec::new();
            renderer.render(&cx, &mut buf).unwrap();
            let text = String::from_utf8(buf).unwrap();
            let text = if name == "html" { visible_html(&text) } else { text };
            out.push((format!("{name} {voice:?}"), text));
        }
    }
    out
}

/// The text a reader of an HTML page sees: no style sheet, no tags, entities decoded.
fn visible_html(html: &str) -> String {
    let mut s = html.to_owned();
    while let Some(start) = s.find("<style") {
        let end = s[start..]
            .find("</style>")
            .map_or(s.len(), |e| start + e + "</style>".len());
        s.replace_range(start..end, " ");
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// The identifiers a report may name in any language.
fn identifiers(rb: &Rulebook) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    ids.insert(rb.identity.id.to_lowercase());
    for q in &rb.questions {
        ids.insert(q.id.to_lowercase());
        for o in &q.options {
            ids.insert(o.value.to_lowercase());
        }
    }
    for r in &rb.rules {
        ids.insert(r.id.to_lowercase());
    }
    for r in &rb.risks {
        ids.insert(r.id.to_lowercase());
    }
    for a in &rb.advice {
        ids.insert(a.id.to_lowercase());
    }
    for f in &rb.facts {
        ids.insert(f.id.to_lowercase());
    }
    for s in &rb.scores {
        ids.insert(s.id.to_lowercase());
    }
    ids
}

/// The words of a text, lower-cased: runs of letters (an apostrophe splits, as in
/// "dell'esame"), after dropping whole identifiers (`pregnancy_defer`, `skin-type`).
fn words(text: &str, ids: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for token in text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')) {
        let token = token.trim_matches('-').to_lowercase();
        // Hashes (`acf3e1…`) are not words.
        let hex = token.len() >= 6
            && token.chars().all(|c| c.is_ascii_hexdigit())
            && token.chars().any(|c| c.is_ascii_digit());
        if token.is_empty() || hex || ids.contains(&token) || token.contains('_') {
            continue;
        }
        for word in token.split(|c: char| !c.is_alphabetic()) {
            if word.chars().count() >= 2 {
                out.push(word.to_owned());
            }
        }
    }
    out
}

/// Every word of a language's own texts: its message files and the rulebook's locale.
fn vocabulary(code: &str, ids: &BTreeSet<String>) -> BTreeSet<String> {
    let mut text = String::new();
    let dir = repo(&format!("locales/{code}"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                // Comments are English notes for translators, not the language's words.
                if !line.trim_start().starts_with('#') {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    let locale: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo(&format!("rules/locales/{code}.json"))).unwrap()).unwrap();
    for entry in locale["texts"].as_object().unwrap().values() {
        text.push_str(entry["text"].as_str().unwrap_or(""));
        text.push('\n');
    }
    // Sources are citations (authors, journals, web sites, with the brief's section),
    // shown as written in every language.
    for rule in &rulebook("en").rules {
        text.push_str(rule.source.as_deref().unwrap_or(""));
        text.push('\n');
    }
    words(&text, ids).into_iter().collect()
}

/// `f` over every case on the machine's cores, results in case order.
fn over_cases<T: Send>(cases: &[(String, String)], f: impl Fn(&str, &str) -> T + Sync) -> Vec<T> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    let per = cases.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = cases
            .chunks(per)
            .map(|chunk| scope.spawn(|| chunk.iter().map(|(n, a)| f(n, a)).collect::<Vec<T>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    })
}

#[test]
fn no_report_of_any_golden_case_leaks_english_in_italian_or_spanish() {
    let cases = cases();
    let english = rulebook("en");
    let ids = identifiers(&english);
    let english_words: BTreeSet<String> = over_cases(&cases, |_, answers| {
        reports(&english, answers)
            .into_iter()
            .flat_map(|(_, text)| words(&text, &ids))
            .collect::<BTreeSet<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(
        english_words.len() > 500,
        "too few English words: {}",
        english_words.len()
    );
    let mut leaks: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for code in LANGUAGES {
        let rb = rulebook(code);
        let own = vocabulary(code, &ids);
        let english_only: BTreeSet<&String> = english_words.difference(&own).collect();
        // The scan is only meaningful when English and the language differ in most words.
        assert!(
            english_only.len() > 300,
            "{code}: too few English-only words: {}",
            english_only.len()
        );
        let found = over_cases(&cases, |case, answers| {
            let mut found = Vec::new();
            for (report, text) in reports(&rb, answers) {
                for word in words(&text, &ids) {
                    if english_only.contains(&word) {
                        found.push((word, format!("{case} {report}")));
                    }
                }
            }
            found
        });
        for (word, place) in found.into_iter().flatten() {
            leaks.entry((code.to_owned(), word)).or_default().insert(place);
        }
    }
    if !leaks.is_empty() {
        let mut message = format!("{} English words leak:\n", leaks.len());
        for ((code, word), wheres) in leaks.iter().take(80) {
            let first = wheres.iter().next().unwrap();
            message.push_str(&format!(
                "  {code} `{word}` in {} reports, e.g. {first}\n",
                wheres.len()
            ));
        }
        panic!("{message}");
    }
}

#[test]
fn the_scan_finds_an_english_sentence_left_in_a_report() {
    let ids = identifiers(&rulebook("en"));
    let own = vocabulary("it", &ids);
    // Words that only English has are caught; Italian words and ids are not.
    let found: Vec<String> = words("Risposte: pregnancy_defer. Something went wrong here.", &ids)
        .into_iter()
        .filter(|w| !own.contains(w))
        .collect();
    assert!(found.contains(&"something".to_owned()), "{found:?}");
    assert!(found.contains(&"wrong".to_owned()), "{found:?}");
    assert!(
        !found.iter().any(|w| w == "risposte" || w.contains("pregnancy")),
        "{found:?}"
    );
}
