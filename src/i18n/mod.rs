//! The tool's own words in several languages: Project Fluent message files
//! (`locales/CODE/smp-screen.ftl`) embedded in the binary, looked up by message id with
//! arguments, plural forms chosen by the language's plural rules, and English for any
//! message a language lacks. Choosing the language is [`choose`].
//!
//! Use [`tr!`](crate::tr) with a literal id, so the test that every id used in the code
//! exists in English can find it.

pub mod choose;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The source language: every message exists in it.
pub const ENGLISH: &str = "en";

/// One argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// Text, inserted as it is.
    Text(&'a str),
    /// A number, which also chooses plural forms.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Arg<'a> {
        Arg::Text(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Arg<'a> {
        Arg::Text(s)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<f64> for Arg<'_> {
    fn from(n: f64) -> Self {
        Arg::Number(n)
    }
}

/// One language's messages, parsed the first time they are needed: a run usually speaks
/// one language, and parsing every language's files at start-up was a fifth of a whole
/// `assess` process.
struct Language {
    code: &'static str,
    text: &'static str,
    /// Without isolation marks, then with them.
    bundles: [OnceLock<FluentBundle<FluentResource>>; 2],
}

impl Language {
    fn bundle(&self, isolating: bool) -> &FluentBundle<FluentResource> {
        self.bundles[usize::from(isolating)].get_or_init(|| {
            let id: unic_langid::LanguageIdentifier = self.code.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(isolating);
            // A file with a syntax error still yields the messages around it; the tests
            // fail on any error, so a shipped file has none.
            let resource = FluentResource::try_new(self.text.to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
            bundle
        })
    }
}

struct Bundles {
    all: Vec<Language>,
}

fn bundles() -> &'static Bundles {
    static BUNDLES: OnceLock<Bundles> = OnceLock::new();
    BUNDLES.get_or_init(|| Bundles {
        all: crate::rulebook::source::embedded::MESSAGES
            .iter()
            .map(|&(code, text)| Language {
                code,
                text,
                bundles: [OnceLock::new(), OnceLock::new()],
            })
            .collect(),
    })
}

/// The languages the tool's own words are written in, by code, English first.
pub fn languages() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = bundles().all.iter().map(|l| l.code).collect();
    codes.sort_by_key(|c| (*c != ENGLISH, *c));
    codes
}

/// The tool's words in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    index: Option<usize>,
    isolating: bool,
}

impl Words {
    /// The words for language `code` (`it`, `it-IT`): the language itself, or its base
    /// language, or English when the tool has neither.
    pub fn new(code: &str) -> Words {
        let all = &bundles().all;
        let found = all.iter().position(|l| l.code.eq_ignore_ascii_case(code)).or_else(|| {
            let base = code.split(['-', '_']).next().unwrap_or(code);
            all.iter().position(|l| l.code.eq_ignore_ascii_case(base))
        });
        Words {
            index: found,
            isolating: false,
        }
    }

    /// English.
    pub fn english() -> Words {
        Words::new(ENGLISH)
    }

    /// With Unicode isolation marks around each inserted argument (for text mixing
    /// right-to-left and left-to-right scripts) or without (the default: terminals and
    /// plain files show the marks as stray characters, and the tool's languages are all
    /// left-to-right).
    pub fn isolating(self, on: bool) -> Words {
        Words { isolating: on, ..self }
    }

    /// The language whose words these are.
    pub fn code(self) -> &'static str {
        self.index.map_or(ENGLISH, |i| bundles().all[i].code)
    }

    /// The message `id` with `args`, in this language or else in English; the id itself
    /// when no language has it (never a panic).
    pub fn get(self, id: &str, args: &[(&str, Arg)]) -> String {
        self.try_get(id, args).unwrap_or_else(|| id.to_owned())
    }

    /// The message, or `None` when neither this language nor English has it or it does
    /// not format cleanly with these arguments.
    pub fn try_get(self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let all = &bundles().all;
        let english = all.iter().position(|l| l.code == ENGLISH);
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(*s)),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        for index in self.index.into_iter().chain(english) {
            let bundle = all[index].bundle(self.isolating);
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            if errors.is_empty() {
                return Some(text.into_owned());
            }
        }
        None
    }

    /// Whether this language itself (not English in its place) has message `id`.
    pub fn has(self, id: &str) -> bool {
        self.index.is_some_and(|i| {
            bundles().all[i]
                .bundle(false)
                .get_message(id)
                .is_some_and(|m| m.value().is_some())
        })
    }

    /// Every message id this language defines.
    pub fn ids(self) -> Vec<String> {
        let Some(i) = self.index else { return Vec::new() };
        let text = crate::rulebook::source::embedded::MESSAGES
            .iter()
            .find(|(c, _)| *c == bundles().all[i].code)
            .map_or("", |(_, t)| t);
        let Ok(resource) = FluentResource::try_new(text.to_owned()) else {
            return Vec::new();
        };
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }
}

impl crate::rulebook::Rulebook {
    /// The tool's words in the language the rulebook is shown in, for every renderer that
    /// frames its texts (headings, hints, the handout's frame).
    pub fn words(&self) -> Words {
        Words::new(&self.language)
    }
}

/// The name of language `code` in itself (`Italiano`), from its message file; the code
/// when the tool has no words in that language.
pub fn language_name(code: &str) -> String {
    let words = Words::new(code);
    if words.code().eq_ignore_ascii_case(code) || words.code() != ENGLISH {
        words.get("language-name", &[])
    } else {
        code.to_owned()
    }
}

/// A message of the tool's own words: `tr!(words, "id")` or
/// `tr!(words, "id", count = n, file = name)`. The id must be a literal.
#[macro_export]
macro_rules! tr {
    ($words:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $words.get($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),*])
    };
}
