//! Colour: decided once per output stream, from `--color`, `NO_COLOR`, `CLICOLOR_FORCE`,
//! `TERM` and whether the stream is a terminal; every output asks this and nothing else.

use crate::rulebook::{Rgb, Severity, Verdict};

/// The `--color` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on terminals, unless `NO_COLOR` is set (or forced by `CLICOLOR_FORCE`).
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Whether and how to colour one stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    enabled: bool,
}

impl Style {
    /// No colour.
    pub const PLAIN: Style = Style { enabled: false };

    /// Decides from the setting, the environment and whether the stream is a terminal.
    pub fn decide(choice: ColorChoice, is_terminal: bool) -> Style {
        Style::decide_with(choice, is_terminal, |k| {
            std::env::var_os(k).map(|v| v.to_string_lossy().into_owned())
        })
    }

    /// [`Style::decide`] with the environment passed in, for tests.
    pub fn decide_with(choice: ColorChoice, is_terminal: bool, env: impl Fn(&str) -> Option<String>) -> Style {
        let set = |k: &str| env(k).is_some_and(|v| !v.is_empty());
        let enabled = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set("NO_COLOR") => false,
            ColorChoice::Auto if env("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") => true,
            ColorChoice::Auto => is_terminal && env("TERM").is_none_or(|t| t != "dumb"),
        };
        Style { enabled }
    }

    /// Whether colour codes are written.
    pub fn enabled(self) -> bool {
        self.enabled
    }

    fn sgr(self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Bold.
    pub fn bold(self, text: &str) -> String {
        self.sgr("1", text)
    }

    /// Quieter text (help, rule ids).
    pub fn dim(self, text: &str) -> String {
        self.sgr("2", text)
    }

    /// A verdict's colour: green, yellow, magenta, red.
    pub fn verdict(self, verdict: Verdict, text: &str) -> String {
        let code = match verdict {
            Verdict::Suitable => "1;32",
            Verdict::Caution => "1;33",
            Verdict::Refer => "1;35",
            Verdict::Unsuitable => "1;31",
        };
        self.sgr(code, text)
    }

    /// A severity's colour.
    pub fn severity(self, severity: Severity, text: &str) -> String {
        let code = match severity {
            Severity::High => "1;31",
            Severity::Medium => "33",
            Severity::Low => "36",
        };
        self.sgr(code, text)
    }

    /// A colour swatch (two full blocks in the colour), or nothing without colour.
    pub fn swatch(self, rgb: Rgb) -> String {
        if self.enabled {
            format!("\x1b[38;2;{};{};{}m██\x1b[0m ", rgb.0, rgb.1, rgb.2)
        } else {
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    }

    #[test]
    fn one_decision_from_setting_environment_and_terminal() {
        assert!(Style::decide_with(ColorChoice::Auto, true, env(&[])).enabled());
        assert!(!Style::decide_with(ColorChoice::Auto, false, env(&[])).enabled());
        assert!(!Style::decide_with(ColorChoice::Auto, true, env(&[("NO_COLOR", "1")])).enabled());
        assert!(Style::decide_with(ColorChoice::Auto, true, env(&[("NO_COLOR", "")])).enabled());
        assert!(Style::decide_with(ColorChoice::Auto, false, env(&[("CLICOLOR_FORCE", "1")])).enabled());
        assert!(!Style::decide_with(ColorChoice::Auto, true, env(&[("TERM", "dumb")])).enabled());
        assert!(Style::decide_with(ColorChoice::Always, false, env(&[("NO_COLOR", "1")])).enabled());
        assert!(!Style::decide_with(ColorChoice::Never, true, env(&[("CLICOLOR_FORCE", "1")])).enabled());
    }

    #[test]
    fn plain_style_writes_no_escape_codes() {
        let s = Style::PLAIN;
        assert_eq!(s.bold("x"), "x");
        assert_eq!(s.swatch(Rgb(1, 2, 3)), "");
    }
}
