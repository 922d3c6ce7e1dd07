//! `--lang CODE`: which language a person reads. The choice is made once per process (the
//! flag, else the system's language, else English) and applied to every rulebook loaded
//! for a person, with one notice on standard error when some texts stay English.

use super::error::CliError;
use smp_screen::i18n::{self, Words, choose};
use smp_screen::rulebook::Rulebook;
use smp_screen::rulebook::locale::{self, Locales};
use smp_screen::tr;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

static EXPLICIT: OnceLock<Option<String>> = OnceLock::new();
static NOTICE_GIVEN: AtomicBool = AtomicBool::new(false);

/// Records the `--lang` given on the command line (once, before any command runs).
pub fn set(explicit: Option<String>) {
    let _ = EXPLICIT.set(explicit);
}

/// The `--lang` given, if any.
pub fn explicit() -> Option<&'static str> {
    EXPLICIT.get().and_then(|l| l.as_deref())
}

/// The system's language, if set.
fn system() -> Option<String> {
    choose::system_language(|k| std::env::var(k).ok(), true)
}

/// Languages a person may choose with this rulebook: the tool's own and those the
/// rulebook has translations for, English first.
pub fn available(rulebook: &Rulebook, locales: &Locales) -> Vec<String> {
    let mut codes: Vec<String> = i18n::languages().iter().map(|c| (*c).to_owned()).collect();
    for code in locales
        .codes()
        .into_iter()
        .chain(rulebook.identity.languages.iter().map(String::as_str))
    {
        if locale::valid_code(code) && !codes.iter().any(|c| c.eq_ignore_ascii_case(code)) {
            codes.push(code.to_owned());
        }
    }
    codes[1..].sort();
    codes
}

/// The words of the chosen language for messages before any rulebook is loaded.
pub fn words() -> Words {
    let wanted = explicit().map(str::to_owned).or_else(system);
    wanted.map_or_else(Words::english, |w| Words::new(&w))
}

/// The translations for the rulebook at `path` (or the embedded one).
pub fn locales_for(path: Option<&Path>) -> Result<Locales, CliError> {
    Ok(match path {
        Some(p) => Locales::beside(p)?,
        None => Locales::embedded(),
    })
}

/// Shows `rulebook` in the chosen language. An unknown `--lang` is a usage error naming
/// the languages there are; a system language the tool does not have means English.
pub fn localize(rulebook: Rulebook, path: Option<&Path>) -> Result<Rulebook, CliError> {
    let (wanted, asked) = match explicit() {
        Some(l) => (l.to_owned(), true),
        None => match system() {
            Some(l) => (l, false),
            None => return Ok(rulebook),
        },
    };
    let locales = locales_for(path)?;
    let available = available(&rulebook, &locales);
    let refs: Vec<&str> = available.iter().map(String::as_str).collect();
    let Some(code) = choose::resolve(&wanted, &refs).map(str::to_owned) else {
        if asked {
            let words = Words::english();
            return Err(CliError::Usage(tr!(
                words,
                "unknown-language",
                code = smp_screen::sanitize::one_line(&wanted).as_ref(),
                available = available.join(", ").as_str()
            )));
        }
        return Ok(rulebook);
    };
    let (rulebook, notice) = localize_to(rulebook, &locales, &code)?;
    if let Some(notice) = notice
        && !NOTICE_GIVEN.swap(true, Ordering::Relaxed)
    {
        eprintln!("{notice}");
    }
    Ok(rulebook)
}

/// Shows the English `rulebook` in language `code` (one of [`available`]), with the
/// notice to give when some of its texts have no current translation and stay English.
pub fn localize_to(
    mut rulebook: Rulebook,
    locales: &Locales,
    code: &str,
) -> Result<(Rulebook, Option<String>), CliError> {
    if code == i18n::ENGLISH {
        return Ok((rulebook, None));
    }
    let file = match locales.find(code) {
        Some(f) => Some(locale::parse(f).map_err(|d| {
            let mut d = vec![*d];
            smp_screen::rulebook::Diagnostic::locate(&mut d, std::slice::from_ref(f));
            CliError::Rulebook(smp_screen::rulebook::RulebookError { diagnostics: d })
        })?),
        None => None,
    };
    let applied = locale::apply(&mut rulebook, code, file.as_ref());
    // The review status in the language too, for every page and header that shows it.
    rulebook.review_words = smp_screen::words::review(rulebook.words(), &rulebook.review);
    let mut notice = None;
    if applied.fallback > 0 {
        let words = Words::new(code);
        let name = file
            .as_ref()
            .and_then(|f| f.name.clone())
            .unwrap_or_else(|| i18n::language_name(code));
        notice = Some(tr!(
            words,
            "rulebook-fallback",
            count = applied.fallback,
            rulebook = smp_screen::sanitize::one_line(&rulebook.identity.id).as_ref(),
            language = smp_screen::sanitize::one_line(&name).as_ref()
        ));
    }
    Ok((rulebook, notice))
}

/// The languages a person may choose at the interview's first screen, as (code, name
/// in itself), English first: those of [`available`].
pub fn choices(rulebook: &Rulebook, locales: &Locales) -> Vec<(String, String)> {
    available(rulebook, locales)
        .into_iter()
        .map(|code| {
            let name = locales
                .find(&code)
                .and_then(|f| locale::parse(f).ok())
                .and_then(|f| f.name.clone())
                .unwrap_or_else(|| i18n::language_name(&code));
            (code, smp_screen::sanitize::one_line(&name).into_owned())
        })
        .collect()
}
