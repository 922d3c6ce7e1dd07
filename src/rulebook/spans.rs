//! Maps JSON paths (`rules[3].when.question`) to byte ranges in a rulebook file, so that
//! validation errors found after parsing can still point at line:column.
//!
//! Only run when there is something to report; it tolerates malformed text by stopping.

use std::collections::{HashMap, HashSet};

/// Where a value (and, for an object member, its key) sits in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the value's first character.
    pub start: usize,
    /// Byte offset just after the value.
    pub end: usize,
    /// Byte range of the member's key (with quotes), when the value is an object member.
    pub key: Option<(usize, usize)>,
}

/// Every value's span, by JSON path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    spans: HashMap<String, Span>,
}

const MAX_DEPTH: usize = 256;

impl SpanIndex {
    /// Scans a JSON text, recording every value.
    pub fn new(text: &str) -> SpanIndex {
        SpanIndex::scan(text, None)
    }

    /// Scans a JSON text, recording only `paths` and their ancestors; other subtrees are
    /// skipped without building their paths, so locating a few diagnostics in a large
    /// rulebook stays cheap.
    pub fn for_paths<'p>(text: &str, paths: impl IntoIterator<Item = &'p str>) -> SpanIndex {
        let mut wanted = HashSet::from([String::new()]);
        for path in paths {
            let mut p = path;
            wanted.insert(p.to_owned());
            while let Some(cut) = p.rfind(['.', '[']) {
                p = &p[..cut];
                wanted.insert(p.to_owned());
            }
        }
        SpanIndex::scan(text, Some(&wanted))
    }

    fn scan(text: &str, wanted: Option<&HashSet<String>>) -> SpanIndex {
        let mut scanner = Scanner {
            bytes: text.as_bytes(),
            pos: 0,
            spans: HashMap::new(),
            wanted,
            path: String::new(),
        };
        scanner.value(None, 0);
        SpanIndex { spans: scanner.spans }
    }

    /// The span of `path`, or of its nearest ancestor that exists.
    pub fn find(&self, path: &str) -> Option<(Span, bool)> {
        let mut p = path;
        let mut exact = true;
        loop {
            if let Some(s) = self.spans.get(p) {
                return Some((*s, exact));
            }
            exact = false;
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Byte offset of a 1-based line and column (in characters).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[start..];
    rest.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| start + i)
}

/// The text of the line holding `offset`, without its newline.
pub fn line_text(text: &str, offset: usize) -> &str {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    text[start..end].trim_end_matches('\r')
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    spans: HashMap<String, Span>,
    wanted: Option<&'a HashSet<String>>,
    /// The path of the value being scanned, grown and cut as the scan descends.
    path: String,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn wanted(&self) -> bool {
        self.wanted.is_none_or(|w| w.contains(self.path.as_str()))
    }

    /// Scans one value at `self.path`; false when the text is malformed and scanning must stop.
    fn value(&mut self, key: Option<(usize, usize)>, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        self.ws();
        let start = self.pos;
        let record = self.wanted();
        let ok = match self.peek() {
            Some(b'{') if record => self.object(depth),
            Some(b'[') if record => self.array(depth),
            Some(b'{' | b'[') => self.skip_nested(),
            Some(b'"') => self.string().is_some(),
            Some(_) => self.literal(),
            None => false,
        };
        if ok && record {
            self.spans.insert(
                self.path.clone(),
                Span {
                    start,
                    end: self.pos,
                    key,
                },
            );
        }
        ok
    }

    /// Skips a whole object or array without recording anything inside it.
    fn skip_nested(&mut self) -> bool {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    if self.string().is_none() {
                        return false;
                    }
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return true;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        false
    }

    fn object(&mut self, depth: usize) -> bool {
        self.pos += 1;
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return true;
        }
        loop {
            self.ws();
            let key_start = self.pos;
            let Some(key) = self.string() else { return false };
            let key_span = (key_start, self.pos);
            self.ws();
            if self.peek() != Some(b':') {
                return false;
            }
            self.pos += 1;
            let len = self.path.len();
            if !self.path.is_empty() {
                self.path.push('.');
            }
            self.path.push_str(&key);
            let ok = self.value(Some(key_span), depth + 1);
            self.path.truncate(len);
            if !ok {
                return false;
            }
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return true;
                }
                _ => return false,
            }
        }
    }

    fn array(&mut self, depth: usize) -> bool {
        self.pos += 1;
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return true;
        }
        let mut i = 0;
        loop {
            let len = self.path.len();
            self.path.push_str(&format!("[{i}]"));
            let ok = self.value(None, depth + 1);
            self.path.truncate(len);
            if !ok {
                return false;
            }
            i += 1;
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return true;
                }
                _ => return false,
            }
        }
    }

    /// Scans a string and returns its decoded text.
    fn string(&mut self) -> Option<String> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.pos;
        self.pos += 1;
        let mut escaped = false;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => {
                    escaped = true;
                    self.pos += 1;
                }
                b'"' => {
                    let raw = std::str::from_utf8(&self.bytes[start..self.pos]).ok()?;
                    return if escaped {
                        serde_json::from_str(raw).ok()
                    } else {
                        Some(raw[1..raw.len() - 1].to_owned())
                    };
                }
                _ => {}
            }
        }
        None
    }

    fn literal(&mut self) -> bool {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b == b',' || b == b']' || b == b'}' || b.is_ascii_whitespace() {
                break;
            }
            self.pos += 1;
        }
        self.pos > start
    }
}

/// Moves a parser's syntax-error position to the real fault and explains it.
///
/// serde_json reports where it noticed the problem, which is often after the real fault:
/// a trailing comma is noticed at the closing bracket, a missing comma at the next value,
/// an unclosed bracket at the end of the file, a misspelt `true` at the character after it.
pub fn pinpoint_syntax(text: &str, line: usize, column: usize, message: String) -> (usize, usize, String) {
    let at = offset_of(text, line, column);
    let found = |pos: usize, message: String| {
        let (l, c) = line_col(text, pos);
        (l, c, message)
    };
    let before = text[..at].trim_end();
    if message == "trailing comma" && before.ends_with(',') {
        return found(
            before.len() - 1,
            "trailing comma: JSON allows no comma after the last item".into(),
        );
    }
    if message.starts_with("expected `,` or") && !before.is_empty() {
        return found(before.len(), format!("{message}: a comma is probably missing here"));
    }
    if message.starts_with("EOF while parsing")
        && let Some((pos, bracket)) = innermost_unclosed(text)
    {
        return found(pos, format!("{message}: this `{}` is never closed", bracket as char));
    }
    if message.starts_with("expected ident")
        || message.starts_with("expected value")
        || message.starts_with("invalid number")
    {
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '.' | '-' | '+' | '_'))
            .last()
            .map_or(at, |(i, _)| i);
        return found(
            start,
            format!("{message} (JSON words are true, false and null; text needs double quotes)"),
        );
    }
    (line, column, message)
}

/// The byte offset and character of the last `{` or `[` left open, ignoring strings.
fn innermost_unclosed(text: &str) -> Option<(usize, u8)> {
    let mut stack = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => stack.push((i, b)),
            b'}' | b']' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"rules\": [\n    {\"id\": \"a\", \"when\": {\"question\": \"x\"}},\n    {\"id\": \"b\\u0021\"}\n  ]\n}\n";

    #[test]
    fn finds_nested_values_and_keys() {
        let idx = SpanIndex::new(TEXT);
        let (span, exact) = idx.find("rules[0].when.question").unwrap();
        assert!(exact);
        assert_eq!(&TEXT[span.start..span.end], "\"x\"");
        let (k0, k1) = span.key.unwrap();
        assert_eq!(&TEXT[k0..k1], "\"question\"");
        assert_eq!(line_col(TEXT, span.start), (3, 38));
        let (span, _) = idx.find("rules[1].id").unwrap();
        assert_eq!(&TEXT[span.start..span.end], "\"b\\u0021\"");
    }

    #[test]
    fn falls_back_to_the_nearest_ancestor() {
        let idx = SpanIndex::new(TEXT);
        let (span, exact) = idx.find("rules[1].title").unwrap();
        assert!(!exact);
        assert_eq!(line_col(TEXT, span.start), (4, 5));
    }

    #[test]
    fn a_targeted_scan_finds_the_same_spans_and_skips_the_rest() {
        let all = SpanIndex::new(TEXT);
        let some = SpanIndex::for_paths(TEXT, ["rules[1].id", "rules[1].title"]);
        assert_eq!(some.find("rules[1].id"), all.find("rules[1].id"));
        // A field that is not in the text falls back to the object that lacks it.
        assert_eq!(some.find("rules[1].title"), all.find("rules[1].title"));
        assert!(some.spans.len() <= 4, "{:?}", some.spans.keys());
    }

    #[test]
    fn tolerates_malformed_text() {
        let idx = SpanIndex::new("{\"a\": [1, 2,, }");
        assert!(idx.find("a[0]").is_some());
        assert!(idx.find("a").is_none());
    }

    #[test]
    fn offsets_and_lines_round_trip() {
        let off = offset_of(TEXT, 3, 38);
        assert_eq!(line_col(TEXT, off), (3, 38));
        assert_eq!(
            line_text(TEXT, off).trim(),
            "{\"id\": \"a\", \"when\": {\"question\": \"x\"}},"
        );
    }
}
