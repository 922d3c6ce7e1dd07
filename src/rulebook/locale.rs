//! Translations of a rulebook: one file per language, `locales/CODE.json` beside the
//! rulebook, keyed by the keys of [`super::texts`]. Each translated text records the
//! fingerprint of the English text it was translated from, so a translation whose English
//! has changed since is found (stale) rather than shown.
//!
//! ```json
//! {
//!   "language": "it",
//!   "texts": {
//!     "question/age/prompt": {"english": "How old are you?", "fingerprint": "6f1c0d2a9b3e", "text": "Quanti anni hai?"}
//!   }
//! }
//! ```

use super::Code;
use super::diagnostic::{Diagnostic, Level};
use super::source::{MAX_FILE_BYTES, ReadError, SourceFile};
use super::{Rulebook, texts};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// How many hex digits of the SHA-256 a fingerprint keeps: 48 bits, far more than a
/// rulebook's few hundred texts need to tell an edited text from the one translated.
pub const FINGERPRINT_LEN: usize = 12;

/// The fingerprint of an English text: the first [`FINGERPRINT_LEN`] lowercase hex
/// digits of the SHA-256 of its exact UTF-8 bytes (no trimming, no normalising), so any
/// edit, even of a comma or a space, makes translations of the old text stale.
pub fn fingerprint(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect::<String>()[..FINGERPRINT_LEN].to_owned()
}

/// One language's file, as written.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocaleFile {
    /// Path or URL of the JSON Schema, for editors; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The language, as a BCP 47 code (`it`, `es`, `pt-BR`); the same as the file's name.
    pub language: String,
    /// The language's name in itself (`Italiano`), for lists of languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The translations, by text key (such as `question/age/prompt`).
    #[serde(default)]
    pub texts: BTreeMap<String, Entry>,
}

/// One translated text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The English text translated, for the translator's eyes; the fingerprint decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub english: Option<String>,
    /// [`fingerprint`] of the English text this translation was made from.
    #[serde(default)]
    pub fingerprint: String,
    /// The translation; empty while not yet translated.
    #[serde(default)]
    pub text: String,
    /// The English text and the translation before the English changed (written by
    /// `rules translate` for a stale text, so the translator can adapt the old one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
}

/// A stale translation kept for reference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Previous {
    /// The English text it was translated from, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub english: Option<String>,
    /// The old translation.
    pub text: String,
}

/// The locale files of one rulebook (not yet parsed).
#[derive(Debug, Clone, Default)]
pub struct Locales {
    /// The folder they were read from, for messages (`rules/locales` when embedded).
    pub dir: PathBuf,
    /// The files, by name order; each file's name ends in `CODE.json`.
    pub files: Vec<SourceFile>,
}

/// The language code a locale file's name gives (`locales/it.json` → `it`).
pub fn code_of(file: &SourceFile) -> &str {
    let base = file.name.rsplit(['/', '\\']).next().unwrap_or(&file.name);
    base.strip_suffix(".json").unwrap_or(base)
}

impl Locales {
    /// The copy of `rules/locales/*.json` compiled into the binary.
    pub fn embedded() -> Locales {
        Locales {
            dir: PathBuf::from("rules/locales"),
            files: super::source::embedded::LOCALES
                .iter()
                .map(|(name, text)| SourceFile {
                    name: format!("rules/locales/{name}"),
                    text: (*text).to_owned(),
                    linked: false,
                })
                .collect(),
        }
    }

    /// The folder of locale files for the rulebook at `rulebook_path`: `locales/` inside a
    /// rulebook folder, or beside a single rulebook file.
    pub fn folder_for(rulebook_path: &Path) -> PathBuf {
        if rulebook_path.is_dir() {
            rulebook_path.join("locales")
        } else {
            rulebook_path.parent().unwrap_or(Path::new(".")).join("locales")
        }
    }

    /// Reads the `*.json` files of the locale folder for `rulebook_path`; none when the
    /// folder does not exist.
    pub fn beside(rulebook_path: &Path) -> Result<Locales, ReadError> {
        let dir = Locales::folder_for(rulebook_path);
        let shown = dir.display().to_string();
        let io = |source| ReadError::Io {
            path: shown.clone(),
            source,
        };
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Locales { dir, files: Vec::new() });
            }
            Err(e) => return Err(io(e)),
        };
        let mut paths = Vec::new();
        for entry in entries {
            let entry = entry.map_err(io)?;
            let p = entry.path();
            if p.extension().is_some_and(|e| e == "json") && entry.file_type().map_err(io)?.is_file() {
                paths.push(p);
            }
        }
        if paths.len() > super::source::MAX_FILES {
            return Err(ReadError::TooManyFiles {
                path: shown,
                count: paths.len(),
            });
        }
        paths.sort();
        let mut files = Vec::new();
        for p in paths {
            files.push(read_text(&p)?);
        }
        Ok(Locales { dir, files })
    }

    /// The file for language `code`, compared without regard to case.
    pub fn find(&self, code: &str) -> Option<&SourceFile> {
        self.files.iter().find(|f| code_of(f).eq_ignore_ascii_case(code))
    }

    /// The languages present, by file name.
    pub fn codes(&self) -> Vec<&str> {
        self.files.iter().map(code_of).collect()
    }
}

fn read_text(path: &Path) -> Result<SourceFile, ReadError> {
    // The same rules as the rulebook's own files: a regular file (a link to one is
    // followed), never a FIFO that would block, bounded in size, UTF-8 with the line of a
    // bad byte.
    super::source::read_entry(path, MAX_FILE_BYTES)
}

/// Parses a locale file; a fault is an error located in it (diagnostic file index 0).
pub fn parse(file: &SourceFile) -> Result<LocaleFile, Box<Diagnostic>> {
    let de = &mut serde_json::Deserializer::from_str(&file.text);
    match serde_path_to_error::deserialize::<_, LocaleFile>(de) {
        Ok(doc) => Ok(doc),
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let mut d = Diagnostic::error(Code::LocaleInvalid, 0, path.trim_start_matches('.'), inner.to_string());
            if inner.line() > 0 {
                d = d.at_line_col(inner.line(), inner.column().max(1));
            }
            Err(Box::new(d))
        }
    }
}

/// What applying a translation did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Texts shown in the language.
    pub translated: usize,
    /// Texts left in English: not translated, or translated from an English text that has
    /// changed since (a stale translation is never shown).
    pub fallback: usize,
}

/// Shows `rb` in `code`: every text with a current translation in `locale` is replaced,
/// every other text stays English. Ids, values and everything the engine reads stay as
/// they are, and answers may still name options by their English labels.
///
/// `rb` must be the rulebook as loaded, in English: fingerprints are compared with the
/// texts it holds. To show another language, apply it to a fresh copy of the English one.
pub fn apply(rb: &mut Rulebook, code: &str, locale: Option<&LocaleFile>) -> Applied {
    for q in &mut rb.questions {
        q.aliases.push(q.short.clone());
        for o in &mut q.options {
            o.aliases.push(o.label.clone());
            o.aliases.extend(o.label_consultant.clone());
        }
    }
    let mut applied = Applied::default();
    let mut counted = HashSet::new();
    texts::visit(rb, &mut |key, _, text| {
        let entry = locale
            .and_then(|l| l.texts.get(key))
            .filter(|e| !e.text.trim().is_empty() && e.fingerprint == fingerprint(text));
        let first = counted.insert(key.to_owned());
        match entry {
            Some(e) => {
                *text = e.text.clone();
                applied.translated += usize::from(first);
            }
            None => applied.fallback += usize::from(first),
        }
    });
    rb.language = code.to_owned();
    rb.edition = super::new_edition();
    applied
}

/// The state of one text in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State<'a> {
    /// Translated from the current English.
    Current(&'a Entry),
    /// No translation, or an empty one.
    Missing,
    /// Translated from an English text that has changed since.
    Stale(&'a Entry),
}

/// The state of the text `key` whose English is `english`.
pub fn state<'a>(locale: &'a LocaleFile, key: &str, english: &str) -> State<'a> {
    match locale.texts.get(key) {
        Some(e) if e.text.trim().is_empty() => State::Missing,
        Some(e) if e.fingerprint == fingerprint(english) => State::Current(e),
        Some(e) => State::Stale(e),
        None => State::Missing,
    }
}

/// A language's name in English, for messages to rule authors.
pub fn english_name(code: &str) -> String {
    let base = code.split(['-', '_']).next().unwrap_or(code).to_ascii_lowercase();
    let name = match base.as_str() {
        "en" => "English",
        "it" => "Italian",
        "es" => "Spanish",
        "fr" => "French",
        "de" => "German",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        _ => return format!("`{code}`"),
    };
    name.to_owned()
}

/// Whether `code` is a well-formed BCP 47 language tag.
pub fn valid_code(code: &str) -> bool {
    !code.is_empty() && code.len() <= 35 && code.parse::<unic_langid::LanguageIdentifier>().is_ok()
}

fn quoted(text: &str) -> String {
    serde_json::Value::String(crate::sanitize::one_line(text).into_owned()).to_string()
}

/// Diagnostics about the translations of `rb`: for every locale file, keys the rulebook
/// does not have (errors, with a suggestion) and stale texts; missing texts one by one when
/// the language is `strict`, else counted in one warning. Missing and stale texts of the
/// `strict` language are errors, as are a declared language without a file and a file
/// that cannot be read. Diagnostics are located in the rulebook's or the locale's files.
pub fn check(rb: &Rulebook, locales: &Locales, strict: Option<&str>) -> Vec<Diagnostic> {
    let list = texts::list(rb);
    let keys: Vec<&str> = list.iter().map(|(k, _, _)| k.as_str()).collect();
    let mut in_rulebook: Vec<Diagnostic> = Vec::new();
    let mut out: Vec<Diagnostic> = Vec::new();
    let identity_file = rb
        .files
        .iter()
        .position(|f| f.text.contains("\"rulebook\""))
        .unwrap_or(0);
    for (i, code) in rb.identity.languages.iter().enumerate() {
        let at = format!("rulebook.languages[{i}]");
        if !valid_code(code) || code.eq_ignore_ascii_case("en") {
            in_rulebook.push(
                Diagnostic::error(
                    Code::LocaleBadLanguage,
                    identity_file,
                    at,
                    format!(
                        "`{}` is not a language the rulebook can declare",
                        crate::sanitize::one_line(code)
                    ),
                )
                .with_help(Some(
                    "write a BCP 47 code such as `it`, `es` or `pt-BR`; English is the source language and is never declared"
                        .into(),
                )),
            );
        } else if locales.find(code).is_none() {
            in_rulebook.push(
                Diagnostic::error(
                    Code::LocaleFileMissing,
                    identity_file,
                    at,
                    format!(
                        "the rulebook declares {} but {}/{code}.json does not exist",
                        english_name(code),
                        locales.dir.display()
                    ),
                )
                .with_help(Some(format!(
                    "run `smp-screen rules translate --lang {code}` to start it"
                ))),
            );
        }
    }
    if let Some(code) = strict
        && !code.eq_ignore_ascii_case("en")
        && locales.find(code).is_none()
        && !rb.identity.languages.iter().any(|l| l.eq_ignore_ascii_case(code))
    {
        out.push(
            Diagnostic::general(
                Level::Error,
                Code::LocaleFileMissing,
                format!(
                    "there is no {} translation ({}/{code}.json does not exist)",
                    english_name(code),
                    locales.dir.display()
                ),
            )
            .with_help(Some(format!(
                "run `smp-screen rules translate --lang {code}` to start it"
            ))),
        );
    }
    for file in &locales.files {
        let code = code_of(file);
        let is_strict = strict.is_some_and(|s| s.eq_ignore_ascii_case(code));
        let declared = rb.identity.languages.iter().any(|l| l.eq_ignore_ascii_case(code));
        let mut found: Vec<Diagnostic> = Vec::new();
        let locale = match parse(file) {
            Ok(l) => l,
            Err(d) => {
                let mut d = vec![*d];
                Diagnostic::locate(&mut d, std::slice::from_ref(file));
                out.extend(d);
                continue;
            }
        };
        let name = english_name(code);
        if !valid_code(code) {
            found.push(
                Diagnostic::error(
                    Code::LocaleBadLanguage,
                    0,
                    "language",
                    format!(
                        "`{}.json` is not named after a language code",
                        crate::sanitize::one_line(code)
                    ),
                )
                .with_help(Some("name the file after a BCP 47 code, such as `it.json`".into())),
            );
        } else if !locale.language.eq_ignore_ascii_case(code) {
            found.push(
                Diagnostic::error(
                    Code::LocaleLanguageMismatch,
                    0,
                    "language",
                    format!(
                        "this file is named for `{code}` but says it holds `{}`",
                        crate::sanitize::one_line(&locale.language)
                    ),
                )
                .with_help(Some(format!("set \"language\": \"{code}\", or rename the file"))),
            );
        }
        if !declared && (!rb.identity.languages.is_empty() || is_strict) {
            found.push(
                Diagnostic::warning(
                    Code::LocaleNotDeclared,
                    0,
                    "language",
                    format!(
                        "{name} is not among the rulebook's declared `languages`, so it is not checked for completeness"
                    ),
                )
                .with_help(Some(format!(
                    "add \"{code}\" to `languages` in the rulebook's identity once every text is translated, so that it is shipped and kept complete"
                ))),
            );
        }
        let known: HashSet<&str> = keys.iter().copied().collect();
        for key in locale.texts.keys() {
            if !known.contains(key.as_str()) {
                let near = crate::suggest::did_you_mean(key, keys.iter().copied());
                found.push(
                    Diagnostic::error(
                        Code::LocaleUnknownKey,
                        0,
                        format!("texts.{key}"),
                        format!("the rulebook has no text `{}`", crate::sanitize::one_line(key)),
                    )
                    .on_key()
                    .with_help(
                        near.map(|n| format!("did you mean `{n}`?")).or_else(|| {
                            Some("remove it, or run `smp-screen rules translate` to rewrite the file".into())
                        }),
                    ),
                );
            }
        }
        let strict_level = if is_strict { Level::Error } else { Level::Warning };
        let mut missing = 0usize;
        for (key, place, english) in &list {
            match state(&locale, key, english) {
                State::Current(_) => {}
                State::Stale(entry) => {
                    let mut help = format!("English now: {}", quoted(english));
                    if let Some(old) = entry.english.as_deref().filter(|o| fingerprint(o) == entry.fingerprint) {
                        help.push_str(&format!("; English then: {}", quoted(old)));
                    }
                    help.push_str(&format!(
                        "; {name}: {}; update the translation and set \"fingerprint\": \"{}\" (or run `smp-screen rules translate --lang {code}`)",
                        quoted(&entry.text),
                        fingerprint(english)
                    ));
                    let mut d = Diagnostic::warning(
                        Code::LocaleStale,
                        0,
                        format!("texts.{key}.fingerprint"),
                        format!(
                            "the {name} text of `{key}` is stale: its English text has changed since it was translated"
                        ),
                    )
                    .with_help(Some(help));
                    d.level = strict_level;
                    found.push(d);
                }
                State::Missing if is_strict => {
                    let message = format!("the {name} text of `{key}` is missing");
                    let help = Some(format!(
                        "English: {}; add it to {} (or run `smp-screen rules translate --lang {code}`)",
                        quoted(english),
                        file.name
                    ));
                    match place {
                        Some((fi, path)) => in_rulebook
                            .push(Diagnostic::error(Code::LocaleMissing, *fi, path.clone(), message).with_help(help)),
                        None => {
                            out.push(Diagnostic::general(Level::Error, Code::LocaleMissing, message).with_help(help))
                        }
                    }
                }
                State::Missing => missing += 1,
            }
        }
        if missing > 0 {
            found.push(
                Diagnostic::warning(
                    Code::LocaleIncomplete,
                    0,
                    "texts",
                    format!(
                        "{missing} of the rulebook's {} texts have no {name} translation; they are shown in English",
                        list.len()
                    ),
                )
                .with_help(Some(format!(
                    "`smp-screen rules check --lang {code}` lists them; `smp-screen rules translate --lang {code}` adds them to the file"
                ))),
            );
        }
        Diagnostic::locate(&mut found, std::slice::from_ref(file));
        out.extend(found);
    }
    Diagnostic::locate(&mut in_rulebook, &rb.files);
    in_rulebook.extend(out);
    in_rulebook
}

/// What `rules translate` wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Skeleton {
    /// Translations kept as they were.
    pub kept: usize,
    /// Texts with no translation yet.
    pub missing: usize,
    /// Texts whose translation is stale (kept under `previous`).
    pub stale: usize,
    /// Entries for keys the rulebook no longer has, kept at the end for the translator.
    pub unknown: usize,
}

/// The locale file for `code` brought up to date with `rb`: every current translation kept,
/// every missing text added with its English and fingerprint and an empty `text`, every
/// stale one emptied with the old English and translation under `previous`. Entries the
/// rulebook no longer has are kept at the end. Texts are in the rulebook's order.
pub fn skeleton(rb: &Rulebook, code: &str, existing: Option<&LocaleFile>) -> (String, Skeleton) {
    let mut counts = Skeleton::default();
    let mut entries: Vec<(String, Entry)> = Vec::new();
    let list = texts::list(rb);
    for (key, _, english) in &list {
        let entry = match existing.map(|l| state(l, key, english)) {
            Some(State::Current(e)) => {
                counts.kept += 1;
                Entry {
                    english: Some(english.clone()),
                    fingerprint: e.fingerprint.clone(),
                    text: e.text.clone(),
                    previous: None,
                }
            }
            Some(State::Stale(e)) => {
                counts.stale += 1;
                let old_english = e.english.clone().filter(|o| fingerprint(o) == e.fingerprint);
                Entry {
                    english: Some(english.clone()),
                    fingerprint: fingerprint(english),
                    text: String::new(),
                    previous: Some(Previous {
                        english: old_english,
                        text: e.text.clone(),
                    }),
                }
            }
            Some(State::Missing) | None => {
                counts.missing += 1;
                // A stale text emptied by an earlier run keeps what it was.
                let previous = existing.and_then(|l| l.texts.get(key)).and_then(|e| e.previous.clone());
                Entry {
                    english: Some(english.clone()),
                    fingerprint: fingerprint(english),
                    text: String::new(),
                    previous,
                }
            }
        };
        entries.push((key.clone(), entry));
    }
    if let Some(l) = existing {
        let known: HashSet<&str> = list.iter().map(|(k, _, _)| k.as_str()).collect();
        for (key, entry) in &l.texts {
            if !known.contains(key.as_str()) {
                counts.unknown += 1;
                entries.push((key.clone(), entry.clone()));
            }
        }
    }
    let mut out = String::from("{\n");
    if let Some(s) = existing.and_then(|l| l.schema.as_ref()) {
        out.push_str(&format!("  \"$schema\": {},\n", json(s)));
    }
    out.push_str(&format!("  \"language\": {},\n", json(code)));
    if let Some(n) = existing.and_then(|l| l.name.as_ref()) {
        out.push_str(&format!("  \"name\": {},\n", json(n)));
    }
    out.push_str("  \"texts\": {");
    for (i, (key, entry)) in entries.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        let body = serde_json::to_string(entry).unwrap_or_default();
        out.push_str(&format!("    {}: {body}", json(key)));
    }
    out.push_str(if entries.is_empty() { "}\n}\n" } else { "\n  }\n}\n" });
    (out, counts)
}

fn json(s: &str) -> String {
    serde_json::Value::String(s.to_owned()).to_string()
}

/// How complete one language's translation is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Completeness {
    /// The language, by its file's name.
    pub language: String,
    /// Whether the rulebook declares it in `languages`.
    pub declared: bool,
    /// The rulebook's translatable texts.
    pub texts: usize,
    /// Translated from the current English.
    pub current: usize,
    /// Translated from an older English text.
    pub stale: usize,
    /// Not translated.
    pub missing: usize,
}

/// The coverage of every locale file that parses, and of every declared language (a
/// declared language without a file has every text missing).
pub fn coverage(rb: &Rulebook, locales: &Locales) -> Vec<Completeness> {
    let list = texts::list(rb);
    let declared = |code: &str| rb.identity.languages.iter().any(|l| l.eq_ignore_ascii_case(code));
    let mut out = Vec::new();
    for file in &locales.files {
        let Ok(locale) = parse(file) else { continue };
        let code = code_of(file);
        let mut c = Completeness {
            language: code.to_owned(),
            declared: declared(code),
            texts: list.len(),
            current: 0,
            stale: 0,
            missing: 0,
        };
        for (key, _, english) in &list {
            match state(&locale, key, english) {
                State::Current(_) => c.current += 1,
                State::Stale(_) => c.stale += 1,
                State::Missing => c.missing += 1,
            }
        }
        out.push(c);
    }
    for code in &rb.identity.languages {
        if locales.find(code).is_none() {
            out.push(Completeness {
                language: code.clone(),
                declared: true,
                texts: list.len(),
                current: 0,
                stale: 0,
                missing: list.len(),
            });
        }
    }
    out
}
