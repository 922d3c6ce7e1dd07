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

fn is_unsafe(c: char) -> bool {
    // C0 controls but newline and tab, DEL, C1 controls (0x9b is a one-byte CSI), and the
    // bidirectional overrides that can reorder what is displayed.
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
