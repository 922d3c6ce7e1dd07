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
        if plain_ascii(fragment.as_bytes()) {
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
                    w.write_all(&u_escape(*u))?;
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

/// Whether every byte is below DEL, looked at eight bytes at a time: explanations are
/// tens of kilobytes of mostly plain text in over a thousand strings a record.
#[inline]
fn plain_ascii(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    // A byte's high bit is set in `x` when it is 0x80 or more, and in `x + 1` when it is
    // DEL; a carry out of 0xff only moves into a byte above one already flagged.
    let any = (&mut words)
        .map(|w| u64::from_le_bytes(w.try_into().expect("eight bytes")))
        .fold(0, |acc, x| acc | ((x | x.wrapping_add(ONES)) & HIGHS));
    any == 0 && words.remainder().iter().all(|&b| b < 0x7f)
}

/// Appends `text` as a JSON string: exactly the bytes [`json_to_writer`] writes for it
/// (serde's escapes, and hidden characters as `\\u` escapes), found eight bytes at a time
/// instead of one. Explanations write over a thousand strings a record.
pub fn write_json_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.push(b'"');
    let (mut start, mut at) = (0, 0);
    while let Some(found) = first_json_special::<true>(&bytes[at..]) {
        let i = at + found;
        let b = bytes[i];
        if b >= 0x7f {
            // DEL or the first byte of a character beyond ASCII: escaped only if hidden.
            let c = text[i..].chars().next().expect("a character starts here");
            at = i + c.len_utf8();
            if is_hidden(c) {
                out.extend_from_slice(&bytes[start..i]);
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.extend_from_slice(&u_escape(*u));
                }
                start = at;
            }
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            // serde's escape of the other controls is the same `\\u00xx`.
            _ => out.extend_from_slice(&u_escape(u16::from(b))),
        }
        at = i + 1;
        start = at;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// `\\u` and four lowercase hex digits: how serde escapes a control and how hidden
/// characters are escaped (one UTF-16 unit each).
fn u_escape(unit: u16) -> [u8; 6] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digit = |shift: u16| HEX[usize::from(unit >> shift & 0xf)];
    [b'\\', b'u', digit(12), digit(8), digit(4), digit(0)]
}

/// Where the first byte is that a JSON string may not hold as it is (a control, a quote or
/// a backslash), and with `BEYOND_ASCII` also DEL or any byte beyond ASCII (which may
/// start a hidden character), looked for eight bytes at a time: most of what batch reads
/// and writes is inside strings. The fast answer reader uses it too.
#[inline]
pub(crate) fn first_json_special<const BEYOND_ASCII: bool>(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let special = |b: u8| b < 0x20 || b == b'"' || b == b'\\' || (BEYOND_ASCII && b >= 0x7f);
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        // High bits: a zero byte in `quote` or `backslash`, a byte under 0x20, and (in `x`
        // and `x + 1`) a byte of DEL or more; bytes of 0x80 and over set none of the first
        // three. Only bytes above a flagged one can be flagged wrongly (a borrow or carry
        // runs upwards from it), so the lowest flag is exact.
        let mut found = quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | x.wrapping_sub(ONES * 0x20) & !x;
        if BEYOND_ASCII {
            found |= x | x.wrapping_add(ONES);
        }
        found &= HIGHS;
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    words.remainder().iter().position(|&b| special(b)).map(|i| at + i)
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
mod plain_ascii_tests {
    use super::{first_json_special, json_to_writer, plain_ascii, write_json_str};

    #[test]
    fn the_first_special_byte_is_found_wherever_it_is_and_whatever_surrounds_it() {
        let slow = |b: &[u8], high: bool| {
            b.iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20 || (high && c >= 0x7f))
        };
        // Every byte value at every position of strings up to 20 bytes long, among
        // neighbours that are plain, high (UTF-8) or special themselves.
        for fill in [b'a', 0x7e, 0x7f, 0x80, 0xff, 0x21, 0x5b, 0x1f, b'"'] {
            for len in 0..20 {
                for at in 0..len {
                    for byte in 0..=255u8 {
                        let mut s = vec![fill; len];
                        s[at] = byte;
                        assert_eq!(first_json_special::<false>(&s), slow(&s, false), "{s:?}");
                        assert_eq!(first_json_special::<true>(&s), slow(&s, true), "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn json_strings_are_written_as_serde_writes_them() {
        let pieces = [
            "a",
            "plain words",
            "\"",
            "\\",
            "\n",
            "\r",
            "\t",
            "\u{8}",
            "\u{c}",
            "\u{0}",
            "\u{1f}",
            "\u{7f}",
            "\u{80}",
            "\u{9b}",
            "é",
            "—",
            "’",
            "\u{200b}",
            "\u{200f}",
            "\u{2028}",
            "\u{2029}",
            "\u{202e}",
            "\u{2066}",
            "\u{61c}",
            "\u{feff}",
            "\u{2060}",
            "😀",
            "\u{10ffff}",
            "<b>&'",
            "/",
        ];
        let mut texts: Vec<String> = vec![String::new()];
        for a in pieces {
            for b in pieces {
                for pad in ["", "1234567", "12345678"] {
                    texts.push(format!("{pad}{a}{pad}{b}"));
                    texts.push(format!("{a}{pad}{b}{pad}{a}"));
                }
            }
        }
        for text in &texts {
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            write_json_str(&mut ours, text);
            json_to_writer(&mut theirs, text).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs),
                "{text:?}"
            );
        }
    }

    #[test]
    fn plain_ascii_is_below_del_at_every_position() {
        for len in 0..20 {
            for at in 0..len {
                for byte in 0..=255u8 {
                    let mut s = vec![b'a'; len];
                    s[at] = byte;
                    assert_eq!(plain_ascii(&s), s.iter().all(|&b| b < 0x7f), "{s:?}");
                    s.iter_mut().for_each(|b| *b = 0x7e);
                    s[at] = byte;
                    assert_eq!(plain_ascii(&s), s.iter().all(|&b| b < 0x7f), "{s:?}");
                }
            }
        }
    }
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
