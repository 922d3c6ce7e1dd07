//! Rulebook diagnostics: what is wrong, in which file, at which line:column and JSON
//! path, with a caret under the culprit and a suggestion where one exists.

use super::SourceFile;
pub use super::code::Code;
use super::spans::{SpanIndex, line_col, line_text, offset_of};
use crate::sanitize;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::{self, Write as _};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The rulebook cannot be used.
    Error,
    /// The rulebook works but something is probably wrong.
    Warning,
}

/// One finding about a rulebook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub level: Level,
    /// What it is about; serialised as its stable kebab-case text, such as `unknown-question`.
    pub code: Code,
    /// What is wrong, in one line.
    pub message: String,
    /// File name.
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column (characters).
    pub column: Option<usize>,
    /// JSON path inside the file.
    pub path: Option<String>,
    /// A suggestion, such as "did you mean `scar_age`?".
    pub help: Option<String>,
    #[serde(skip)]
    pub(crate) file_index: Option<usize>,
    #[serde(skip)]
    pub(crate) on_key: bool,
    #[serde(skip)]
    pub(crate) caret: Option<(String, usize, usize)>,
    #[serde(skip)]
    pub(crate) fallback: Option<(usize, usize)>,
}

impl Diagnostic {
    /// An error about the item at `path` in file `file`.
    pub fn error(code: Code, file: usize, path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Level::Error, code, Some(file), Some(path.into()), message.into())
    }

    /// A warning about the item at `path` in file `file`.
    pub fn warning(code: Code, file: usize, path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Level::Warning, code, Some(file), Some(path.into()), message.into())
    }

    /// A finding about the rulebook as a whole.
    pub fn general(level: Level, code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(level, code, None, None, message.into())
    }

    fn new(level: Level, code: Code, file: Option<usize>, path: Option<String>, message: String) -> Diagnostic {
        Diagnostic {
            level,
            code,
            message,
            file: None,
            line: None,
            column: None,
            path,
            help: None,
            file_index: file,
            on_key: false,
            caret: None,
            fallback: None,
        }
    }

    /// Adds a suggestion.
    pub fn with_help(mut self, help: Option<String>) -> Diagnostic {
        self.help = help;
        self
    }

    /// Points the caret at the member's key rather than its value.
    pub fn on_key(mut self) -> Diagnostic {
        self.on_key = true;
        self
    }

    /// Sets an exact position (from a parser) instead of a path lookup.
    pub(crate) fn at_line_col(mut self, line: usize, column: usize) -> Diagnostic {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// A position to use when the path cannot be found exactly in the text.
    pub(crate) fn or_at(mut self, line: usize, column: usize) -> Diagnostic {
        self.fallback = Some((line, column));
        self
    }

    /// Fills in file names, lines, columns and the source line for a caret.
    pub fn locate(diagnostics: &mut [Diagnostic], files: &[SourceFile]) {
        // One targeted scan per file, for just the paths these diagnostics name.
        let mut indexes: HashMap<usize, SpanIndex> = HashMap::new();
        for (fi, file) in files.iter().enumerate() {
            let paths: Vec<&str> = diagnostics
                .iter()
                .filter(|d| d.file_index == Some(fi) && d.line.is_none())
                .filter_map(|d| d.path.as_deref())
                .collect();
            if !paths.is_empty() {
                indexes.insert(fi, SpanIndex::for_paths(&file.text, paths));
            }
        }
        for d in diagnostics.iter_mut() {
            let Some(fi) = d.file_index else { continue };
            let Some(file) = files.get(fi) else { continue };
            d.file = Some(file.name.clone());
            let text = &file.text;
            let point = |line: usize, column: usize| {
                let at = offset_of(text, line, column);
                (at, at + text[at..].chars().next().map_or(1, char::len_utf8))
            };
            let found = d.path.as_deref().and_then(|path| indexes.get(&fi)?.find(path));
            let (start, end) = match (d.line.zip(d.column), found, d.fallback) {
                (Some((line, column)), _, _) => point(line, column),
                (None, Some((span, true)), _) => match span.key {
                    Some((k0, k1)) if d.on_key => (k0, k1),
                    _ => (span.start, span.end),
                },
                (None, _, Some((line, column))) => point(line, column),
                (None, Some((span, false)), None) => (span.start, span.end),
                (None, None, None) => continue,
            };
            let (line, column) = line_col(text, start);
            d.line = Some(line);
            d.column = Some(column);
            // The caret stays on the first line of a multi-line value.
            let width = text[start..end.min(text.len())]
                .split('\n')
                .next()
                .map_or(1, |s| s.chars().count().max(1));
            d.caret = Some(window(text, start, width));
        }
    }

    /// Renders like a compiler: `error: …`, `--> file:line:col`, the line, a caret, help.
    pub fn render(&self, out: &mut String) {
        let label = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        let _ = writeln!(out, "{label}: {}", sanitize::one_line(&self.message));
        let gutter = " ".repeat(self.line.map_or(1, |l| l.to_string().len()));
        let location = match (&self.file, self.line, self.column) {
            (Some(f), Some(l), Some(c)) => Some(format!("{f}:{l}:{c}")),
            (Some(f), _, _) => Some(f.clone()),
            _ => None,
        };
        if let Some(loc) = location {
            let _ = writeln!(out, "{gutter}--> {}", sanitize::one_line(&loc));
        }
        if let (Some((source, column, width)), Some(line)) = (&self.caret, self.line) {
            let number = line.to_string();
            let pad = &gutter;
            let (shown, indent, width) = caret_line(source, *column, *width);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{number} | {shown}");
            let _ = writeln!(out, "{pad} | {}{}", " ".repeat(indent), "^".repeat(width));
        }
        if let Some(path) = &self.path
            && !path.is_empty()
        {
            let _ = writeln!(out, "{gutter} = at: {}", sanitize::one_line(path));
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "{gutter} = help: {}", sanitize::one_line(help));
        }
    }
}

/// The part of the line holding `start` that a caret can show, with the caret's column in
/// it: never more than `SNIPPET` characters either side of the culprit, so a minified
/// rulebook (one line of megabytes) with thousands of findings keeps a few hundred bytes
/// per finding rather than a copy of the whole line each. [`snippet`] cuts it further,
/// and marks a cut side with `…` whether the cut was made here or there.
fn window(text: &str, start: usize, width: usize) -> (String, usize, usize) {
    let line = line_text(text, start);
    let line_start = line.as_ptr() as usize - text.as_ptr() as usize;
    let at = start.clamp(line_start, line_start + line.len()) - line_start;
    // Four bytes per character at most, so this keeps at least SNIPPET characters a side.
    let reach = 4 * SNIPPET + width * 4;
    let mut from = at.saturating_sub(reach);
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + reach).min(line.len());
    while !line.is_char_boundary(to) {
        to += 1;
    }
    let cut_before = line[from..at].chars().count();
    (line[from..to].to_owned(), cut_before + 1, width)
}

/// Widest source excerpt shown, in characters: a minified rulebook is one line of
/// megabytes, of which only the part around the fault helps.
const SNIPPET: usize = 100;

/// The part of `line` around `column` (1-based) to show, with the caret's column and
/// width in it. Tabs become one space each so the caret lines up with the column count.
fn snippet(line: &str, column: usize, width: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
    let at = column.clamp(1, chars.len() + 1) - 1;
    if chars.len() <= SNIPPET {
        return (chars.into_iter().collect(), at + 1, width.max(1));
    }
    let start = at.saturating_sub(SNIPPET / 3).min(chars.len() - SNIPPET);
    let end = start + SNIPPET;
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    let caret = at - start + 1 + usize::from(start > 0);
    let width = width.clamp(1, (end - at).max(1));
    (shown, caret, width)
}

/// The excerpt to print (made safe for a terminal) with the caret's indent and length in
/// terminal columns. Columns count characters, but a CJK character or an emoji takes two
/// cells and a control character is shown as a several-cell escape, so the caret is placed
/// by the display width of what is printed before and under it.
fn caret_line(line: &str, column: usize, width: usize) -> (String, usize, usize) {
    use unicode_width::UnicodeWidthStr;
    let (shown, column, width) = snippet(line, column, width);
    let split = |n: usize| shown.char_indices().nth(n).map_or(shown.len(), |(i, _)| i);
    let (start, end) = (split(column - 1), split(column - 1 + width));
    let before = sanitize::one_line(&shown[..start]);
    let under = sanitize::one_line(&shown[start..end]);
    let after = sanitize::one_line(&shown[end..]);
    let indent = before.width();
    let width = under.width().max(1);
    (format!("{before}{under}{after}"), indent, width)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let mut s = String::new();
        self.render(&mut s);
        f.write_str(s.trim_end())
    }
}

/// A rulebook that failed to load: its error diagnostics (and any warnings found on the way).
#[derive(Debug, Clone, PartialEq)]
pub struct RulebookError {
    /// The findings, errors first.
    pub diagnostics: Vec<Diagnostic>,
}

impl RulebookError {
    /// The error diagnostics only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.level == Level::Error)
    }
}

impl fmt::Display for RulebookError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let mut s = String::new();
        for d in self.errors() {
            d.render(&mut s);
            s.push('\n');
        }
        let n = self.errors().count();
        let _ = write!(s, "invalid rulebook: {n} error{}", if n == 1 { "" } else { "s" });
        f.write_str(&s)
    }
}

impl std::error::Error for RulebookError {}

#[cfg(test)]
mod tests {
    use super::{caret_line, snippet, window};

    #[test]
    fn carets_line_up_under_wide_characters() {
        // Two-cell CJK and emoji before the culprit push it right by their display width.
        let (shown, indent, width) = caret_line(r#"{"title": "頭皮🙂", "x": 1}"#, 20, 3);
        assert_eq!(shown, r#"{"title": "頭皮🙂", "x": 1}"#);
        assert_eq!((indent, width), (22, 3));
        // A wide culprit gets a caret as wide as it is shown.
        let (_, indent, width) = caret_line(r#"{"id": "頭皮"}"#, 8, 4);
        assert_eq!((indent, width), (7, 6));
        // A control character is printed as an escape; the caret moves past all of it.
        let (shown, indent, _) = caret_line("\u{1b}ab", 2, 1);
        assert_eq!(shown, "\\u{1b}ab");
        assert_eq!(indent, 6);
    }

    #[test]
    fn short_lines_are_shown_whole() {
        assert_eq!(snippet("a\tb", 3, 1), ("a b".to_owned(), 3, 1));
    }

    #[test]
    fn long_lines_show_a_window_around_the_caret() {
        let line: String = (0..10_000).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
        let (shown, caret, width) = snippet(&line, 5_001, 4);
        assert_eq!(shown.chars().count(), super::SNIPPET + 2);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        // The caret still points at the character it pointed at in the whole line.
        assert_eq!(shown.chars().nth(caret - 1), line.chars().nth(5_000));
        assert_eq!(width, 4);
        let (shown, caret, _) = snippet(&line, 10_001, 1);
        assert!(!shown.ends_with('…') && caret == shown.chars().count() + 1);
        let (shown, caret, _) = snippet(&line, 1, 1);
        assert!(!shown.starts_with('…') && caret == 1);
    }

    #[test]
    fn the_stored_window_shows_what_the_whole_line_would() {
        // Multi-byte characters, a short line after a long one, and culprits at the start,
        // middle and end of a long line and near both of its ends.
        let long: String = (0..3_000).map(|i| ['a', 'é', '頭', '🙂'][i % 4]).collect();
        let text = format!("{long}\nshort line\n{long}");
        let second = long.len() + 1;
        let third = second + "short line\n".len();
        let mut starts = vec![0, second, second + 6, third, text.len()];
        for i in [1, 40, 99, 100, 101, 1_500, 2_950, 2_999] {
            starts.push(long.char_indices().nth(i).unwrap().0);
            starts.push(third + long.char_indices().nth(i).unwrap().0);
        }
        for start in starts {
            let line = super::line_text(&text, start);
            let line_start = line.as_ptr() as usize - text.as_ptr() as usize;
            let column = text[line_start..start].chars().count() + 1;
            let (kept, at, width) = window(&text, start, 3);
            assert!(
                kept.len() <= 2 * (4 * super::SNIPPET + 12) + 6,
                "{} bytes kept",
                kept.len()
            );
            assert_eq!(snippet(&kept, at, width), snippet(line, column, 3), "at byte {start}");
        }
    }
}
