//! The tool's own words: every message id the code uses exists in English, every other
//! language has every English message, and each file parses without error.

use smp_screen::i18n::{self, Arg, Words};
use std::path::Path;

/// The message files of one language, by name, in the order the build joins them.
fn ftl_files(code: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(code);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `tr!(words, "id"…)` in the source.
fn ids_used() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Comments show the macro with placeholder ids.
        let text: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (at, _) in text.match_indices("tr!(") {
            let rest = &text[at + 4..];
            let Some(comma) = rest.find(',') else { continue };
            let after = rest[comma + 1..].trim_start();
            if let Some(id) = after.strip_prefix('"').and_then(|a| a.split('"').next()) {
                found.push((id.to_owned(), file.display().to_string()));
            }
        }
    }
    found
}

#[test]
fn every_message_id_used_in_the_code_exists_in_english() {
    let used = ids_used();
    assert!(used.len() >= 6, "the scan found too few uses: {used:?}");
    let english = Words::english().ids();
    for (id, file) in &used {
        assert!(
            english.contains(id),
            "{file} uses message `{id}`, which no file of locales/en/ has"
        );
    }
}

#[test]
fn every_language_has_every_english_message_and_parses_cleanly() {
    let english = Words::english().ids();
    assert!(english.contains(&"language-name".to_owned()));
    for code in i18n::languages() {
        // Each file parses alone, and no id is defined twice across a language's files
        // (the build joins them, and a second definition would silently win or be lost).
        let mut defined = std::collections::BTreeMap::new();
        for (name, text) in ftl_files(code) {
            let resource = match fluent_bundle::FluentResource::try_new(text) {
                Ok(r) => r,
                Err((_, errors)) => panic!("locales/{code}/{name} does not parse: {errors:?}"),
            };
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry
                    && let Some(first) = defined.insert(m.id.name.to_owned(), name.clone())
                {
                    panic!("locales/{code}: `{}` is in both {first} and {name}", m.id.name);
                }
            }
        }
        let words = Words::new(code);
        assert_eq!(words.code(), code);
        for id in &english {
            assert!(words.has(id), "locales/{code}/ lacks `{id}`");
        }
        for id in words.ids() {
            assert!(english.contains(&id), "locales/{code}/ has `{id}`, which English lacks");
        }
    }
    assert_eq!(i18n::languages(), ["en", "es", "it"]);
}

#[test]
fn plurals_follow_the_language() {
    let fallback = |code: &str, n: usize| {
        Words::new(code).get(
            "rulebook-fallback",
            &[
                ("count", Arg::from(n)),
                ("rulebook", Arg::from("rb")),
                ("language", Arg::from("X")),
            ],
        )
    };
    assert!(fallback("en", 1).starts_with("One text of the rulebook rb has"));
    assert!(fallback("en", 3).starts_with("3 texts of the rulebook rb have"));
    assert!(fallback("it", 1).starts_with("Un testo del regolamento rb non ha"));
    assert!(fallback("it", 2).starts_with("2 testi del regolamento rb non hanno"));
    assert!(fallback("es", 1).starts_with("Un texto del reglamento rb no tiene"));
    assert!(fallback("es", 5).starts_with("5 textos del reglamento rb no tienen"));
    // A regional code uses its language; an unknown one English.
    assert!(fallback("it-IT", 2).starts_with("2 testi"));
    assert!(fallback("fr", 2).starts_with("2 texts"));
}

#[test]
fn isolation_marks_are_off_unless_asked_for() {
    let args = [("file", Arg::from("x.json"))];
    let plain = Words::new("it").get("translate-complete", &args);
    assert!(plain.starts_with("x.json è completo"), "{plain}");
    let isolated = Words::new("it").isolating(true).get("translate-complete", &args);
    assert!(isolated.starts_with("\u{2068}x.json\u{2069}"), "{isolated:?}");
    // A message no language has is its id, never a panic.
    assert_eq!(Words::new("it").get("no-such-message", &[]), "no-such-message");
}

#[test]
fn a_rulebook_shown_in_a_language_gives_the_words_of_that_language() {
    let mut rb = smp_screen::rulebook::Rulebook::embedded().unwrap();
    assert_eq!(rb.words().code(), "en");
    smp_screen::rulebook::locale::apply(&mut rb, "es", None);
    assert_eq!(rb.words().code(), "es");
    assert_eq!(rb.words().get("language-name", &[]), "Español");
    assert_eq!(i18n::language_name("it"), "Italiano");
}

/// A message copied from English instead of translated reads as English in the middle of
/// Italian or Spanish, and the English-leak scan (tests/no_english_leaks.rs) cannot see it,
/// since its words are then the language's own. Only messages whose own text (outside the
/// `{ $placeholders }`) has no words to translate may equal the English.
#[test]
fn no_language_copies_an_english_message() {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    // Names every language writes the same way on purpose.
    const SAME_IN_EVERY_LANGUAGE: &[&str] = &[
        // "Language · Lingua · Idioma": found by a person who cannot read the language in use.
        "interview-language-entry",
    ];
    fn text_of(pattern: &Pattern<&str>, out: &mut String) {
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => out.push_str(value),
                PatternElement::Placeable { expression } => {
                    if let Expression::Select { variants, .. } = expression {
                        for v in variants {
                            text_of(&v.value, out);
                        }
                    } else if let Expression::Inline(InlineExpression::StringLiteral { value }) = expression {
                        out.push_str(value);
                    }
                    out.push(' ');
                }
            }
        }
    }
    let messages = |code: &str| -> std::collections::BTreeMap<String, (String, String)> {
        let mut out = std::collections::BTreeMap::new();
        for (_, text) in ftl_files(code) {
            let resource = fluent_bundle::FluentResource::try_new(text).unwrap();
            for entry in resource.entries() {
                if let Entry::Message(m) = entry
                    && let Some(value) = &m.value
                {
                    let mut own = String::new();
                    text_of(value, &mut own);
                    out.insert(m.id.name.to_owned(), (format!("{value:?}"), own));
                }
            }
        }
        out
    };
    let has_words = |text: &str| {
        text.split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 3 && w != "SMP")
    };
    let english = messages("en");
    assert!(english.values().filter(|(_, own)| has_words(own)).count() > 50);
    let mut copied = Vec::new();
    for code in i18n::languages().into_iter().filter(|c| *c != i18n::ENGLISH) {
        for (id, (pattern, own)) in messages(code) {
            if english.get(&id).is_some_and(|(en, _)| *en == pattern)
                && has_words(&own)
                && !SAME_IN_EVERY_LANGUAGE.contains(&id.as_str())
            {
                copied.push(format!("{code}: {id}"));
            }
        }
    }
    assert!(copied.is_empty(), "messages left in English: {copied:?}");
}
