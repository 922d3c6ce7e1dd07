//! Makes untrusted text safe to print on a terminal.
//!
//! Rulebooks come from colleagues and answers from exports nobody checked; an escape
//! sequence hidden in a title could rewrite what a consultant sees. Control characters
//! are shown as visible escapes instead of being sent to the terminal.

use std::borrow::Cow;

/// The text with every control character but newline made visible as `\u{…}`, and tabs
/// as spaces (a tab's width is the terminal's guess, which would break wrapping).
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\t' || is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '\t' {
            out.push(' ');
        } else if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The text on one line: also makes newlines and tabs visible.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\t' | '\r' => ' '.to_string(),
                c if is_unsafe(c) || c.is_control() => format!("\\u{{{:x}}}", c as u32),
                c => c.to_string(),
            })
            .collect(),
    )
}

/// Text for Markdown on one line: control characters made visible and every character
/// Markdown would interpret escaped.
pub fn markdown(text: &str) -> String {
    let flat = one_line(text);
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text for HTML: markup characters escaped, control characters replaced.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c.is_control() && c != '\n' && c != '\t') || is_unsafe(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether a character must not reach a terminal raw: C0 controls but newline and tab,
/// DEL, C1 controls (0x9b is a one-byte CSI), the bidirectional marks, embeddings,
/// overrides and isolates that can reorder what is displayed, line and paragraph
/// separators, and the zero-width characters that hide text (the byte-order mark too).
pub fn is_hidden(c: char) -> bool {
    // The controls (general category Cc) but line feed and tab, as ranges: this runs for
    // every character of every text written.
    matches!(
        c,
        '\0'..='\u{8}'
            | '\u{b}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{2060}'..='\u{2064}'
            | '\u{61c}'
            | '\u{feff}'
    )
}

fn is_unsafe(c: char) -> bool {
    is_hidden(c)
}

/// A CSV output cell: on one line with hidden characters made visible, and with a
/// leading apostrophe when a spreadsheet could take it for a formula (it skips leading
/// spaces, tabs and carriage returns before `=`, `+`, `-` or `@`).
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let flat = one_line(text);
    if flat.trim_start().starts_with(['=', '+', '-', '@']) {
        Cow::Owned(format!("'{flat}"))
    } else {
        flat
    }
}

/// serde_json's compact or pretty output with C1 controls, bidirectional marks and the
/// other hidden characters written as `\uXXXX` escapes, which JSON allows: the decoded
/// text is unchanged, and a terminal showing the JSON sees only ASCII for them.
pub struct JsonFormatter<F>(pub F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for JsonFormatter<F> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        // Every hidden character serde_json leaves raw is DEL or beyond ASCII: plain ASCII
        // text, most of what batch writes, is copied at once.
        if fragment.bytes().all(|b| b < 0x7f) {
            return w.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        // Printable ASCII is never hidden: only the other characters are looked at (serde
        // escapes the controls below space itself, but a fragment is not relied on for that).
        for (i, c) in fragment.char_indices().filter(|&(_, c)| !(' '..'\u{7f}').contains(&c)) {
            if is_hidden(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    write!(w, "\\u{:04x}", u)?;
                }
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as compact JSON with hidden characters escaped (see [`JsonFormatter`]).
pub fn json_to_writer<W: std::io::Write, T: ?Sized + serde::Serialize>(w: W, value: &T) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, JsonFormatter(serde_json::ser::CompactFormatter));
    value.serialize(&mut ser)
}

/// Writes `value` as pretty JSON with hidden characters escaped (see [`JsonFormatter`]).
pub fn json_to_writer_pretty<W: std::io::Write, T: ?Sized + serde::Serialize>(
    w: W,
    value: &T,
) -> serde_json::Result<()> {
    let fmt = JsonFormatter(serde_json::ser::PrettyFormatter::new());
    let mut ser = serde_json::Serializer::with_formatter(w, fmt);
    value.serialize(&mut ser)
}

/// Compact JSON text with hidden characters escaped.
pub fn json_string<T: ?Sized + serde::Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    // Serialising our own types to memory does not fail.
    let _ = json_to_writer(&mut out, value);
    String::from_utf8(out).unwrap_or_default()
}

/// Pretty JSON text with hidden characters escaped.
pub fn json_string_pretty<T: ?Sized + serde::Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    let _ = json_to_writer_pretty(&mut out, value);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_the_controls_but_line_feed_and_tab_and_the_invisible_marks() {
        let marks = [
            '\u{200b}', '\u{200f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{2028}', '\u{2029}',
        ];
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let expected = (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{2060}'..='\u{2064}' | '\u{61c}' | '\u{feff}'
                );
            assert_eq!(is_hidden(c), expected, "U+{:04X}", c as u32);
        }
        assert!(marks.iter().all(|&c| is_hidden(c)));
        assert!(!is_hidden('é') && !is_hidden('—') && !is_hidden('\n'));
    }

    #[test]
    fn escapes_and_bidi_overrides_become_visible() {
        assert_eq!(terminal("plain\ttext\n"), "plain text\n");
        assert_eq!(terminal("red\u{1b}[31m!"), "red\\u{1b}[31m!");
        assert_eq!(terminal("a\u{9b}b"), "a\\u{9b}b");
        assert_eq!(terminal("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(one_line("two\nlines\u{7}"), "two lines\\u{7}");
        assert_eq!(markdown("a|b *c*"), "a\\|b \\*c\\*");
        assert_eq!(
            html("<script>\"x\" & 'y'\u{1b}"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;\u{fffd}"
        );
    }

    #[test]
    fn invisible_characters_become_visible_everywhere() {
        for c in [
            '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{61c}', '\u{2028}', '\u{2029}', '\u{feff}',
            '\u{2060}', '\u{85}',
        ] {
            let text = format!("a{c}b");
            let shown = format!("a\\u{{{:x}}}b", c as u32);
            assert_eq!(terminal(&text), shown, "{c:?}");
            assert_eq!(one_line(&text), shown, "{c:?}");
            assert!(!html(&text).contains(c), "{c:?}");
            assert!(!markdown(&text).contains(c), "{c:?}");
        }
    }

    #[test]
    fn json_escapes_c1_controls_and_invisible_characters() {
        let value = serde_json::json!({"t": "a\u{9b}b\u{202e}c\u{2028}d\u{85}é"});
        let text = json_string(&value);
        assert_eq!(text, r#"{"t":"a\u009bb\u202ec\u2028d\u0085é"}"#);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
        let pretty = json_string_pretty(&value);
        assert!(pretty.contains("\\u009b") && !pretty.contains('\u{9b}'), "{pretty}");
    }

    #[test]
    fn csv_cells_are_made_visible_and_defused() {
        assert_eq!(csv_cell("\t=1+1"), "'\t=1+1".replace('\t', " "));
        assert_eq!(csv_cell("\r=1"), "' =1");
        assert_eq!(csv_cell("=1"), "'=1");
        assert_eq!(csv_cell("a\u{1b}b"), "a\\u{1b}b");
        assert_eq!(csv_cell("plain"), "plain");
    }
}
