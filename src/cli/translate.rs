//! `smp-screen rules translate PATH --lang CODE`: starts or updates a rulebook's
//! translation, so a translator fills in texts instead of looking for them.

use super::error::{CliError, code};
use super::lang;
use clap::Args;
use smp_screen::rulebook::locale::{self, Locales};
use smp_screen::tr;
use std::path::PathBuf;

/// Arguments of `rules translate`.
#[derive(Debug, Args)]
pub struct TranslateArgs {
    /// Rulebook file or folder; the translation is its locales/CODE.json
    path: Option<PathBuf>,
}

impl TranslateArgs {
    /// Writes `locales/CODE.json` beside the rulebook: every current translation kept,
    /// every missing or stale text listed with its English and fingerprint and an empty
    /// `text` (a stale one's old text under `previous`). The file is replaced atomically.
    pub fn run(self) -> anyhow::Result<u8> {
        let Some(code) = lang::explicit() else {
            eprintln!("error: name the language to translate into with --lang CODE, such as --lang it");
            return Ok(code::USAGE);
        };
        let Some(path) = self.path else {
            eprintln!(
                "error: the embedded rulebook is not a file to translate beside: name a rulebook folder, \
                 such as `smp-screen rules translate rules/ --lang {}`",
                smp_screen::sanitize::one_line(code)
            );
            return Ok(code::USAGE);
        };
        if !locale::valid_code(code) || code.eq_ignore_ascii_case("en") {
            eprintln!(
                "error: `{}` is not a language to translate into: give a BCP 47 code such as `it`, `es` or `pt-BR` \
                 (English is the rulebook's own language)",
                smp_screen::sanitize::one_line(code)
            );
            return Ok(code::USAGE);
        }
        let rulebook = super::common::load(Some(&path))?;
        let locales = lang::locales_for(Some(&path))?;
        let existing = match locales.find(code) {
            Some(file) => Some((
                PathBuf::from(&file.name),
                locale::parse(file).map_err(|d| {
                    let mut d = vec![*d];
                    smp_screen::rulebook::Diagnostic::locate(&mut d, std::slice::from_ref(file));
                    CliError::Rulebook(smp_screen::rulebook::RulebookError { diagnostics: d })
                })?,
            )),
            None => None,
        };
        let (text, counts) = locale::skeleton(&rulebook, code, existing.as_ref().map(|(_, l)| l));
        let target = match &existing {
            Some((p, _)) => {
                super::rules::replace_keeping_permissions(p, text.as_bytes())?;
                p.clone()
            }
            None => {
                let dir = Locales::folder_for(&path);
                std::fs::create_dir_all(&dir).map_err(|source| CliError::Io {
                    what: "cannot create",
                    path: dir.clone(),
                    source,
                })?;
                let p = dir.join(format!("{code}.json"));
                super::common::write_atomic(&p, text.as_bytes(), false)?;
                p
            }
        };
        let words = lang::words();
        let file = target.display().to_string();
        let todo = counts.missing + counts.stale;
        if todo == 0 {
            eprintln!("{}", tr!(words, "translate-complete", file = file.as_str()));
        } else {
            eprintln!(
                "{}",
                tr!(
                    words,
                    "translate-summary",
                    file = file.as_str(),
                    kept = counts.kept,
                    todo = todo,
                    stale = counts.stale
                )
            );
            eprintln!("{}", tr!(words, "translate-next", code = code));
        }
        if counts.unknown > 0 {
            eprintln!("{}", tr!(words, "translate-unknown", count = counts.unknown));
        }
        Ok(code::OK)
    }
}
