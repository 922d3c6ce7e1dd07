//! Rulebook copies whose every text field is replaced, for the tests that put hostile text
//! through the reports (tests/html_injection.rs, tests/json_line.rs).

use serde_json::Value;

/// Keys whose strings are identifiers, references, enumerations, colours, dates or the
/// checked version number, not prose. Every other string in the rulebook (units too) is
/// text and is replaced; if a new key holds an identifier, the hostile copy fails to load
/// and this list needs it.
pub const NOT_TEXT: [&str; 34] = [
    "$schema",
    "id",
    "value",
    "question",
    "fact",
    "score",
    "derive",
    "items",
    "kind",
    "in",
    "equals",
    "contains",
    "advice",
    "risks",
    "severity",
    "verdict",
    "prefer",
    "forbid",
    "evidence",
    "swatch",
    "reviewed_on",
    "review_due",
    "reviewed_hash",
    "status",
    "answer_is",
    "version",
    "decided_by",
    "verdict_at_least",
    "verdict_at_most",
    "worst_case_at_least",
    "ink_not",
    "unanswered",
    "monotonic",
    "languages",
];

/// Replaces every text string in a rulebook document by `text(n)` (`n` counting from 1),
/// and returns how many it replaced.
pub fn replace_texts(doc: &mut Value, text: &mut dyn FnMut(usize) -> String) -> usize {
    let mut count = 0;
    walk(doc, None, &mut count, text);
    count
}

fn walk(doc: &mut Value, key: Option<&str>, count: &mut usize, text: &mut dyn FnMut(usize) -> String) {
    match doc {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                walk(v, Some(k), count, text);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| walk(v, key, count, text)),
        Value::String(s) if key.is_some_and(|k| !NOT_TEXT.contains(&k)) => {
            *count += 1;
            *s = text(*count);
        }
        _ => {}
    }
}
