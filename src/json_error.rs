//! Messages from serde_json errors, shaped for our diagnostics.
//!
//! A leaf: the rulebook loader, the answer parsers and the golden cases all report JSON
//! errors with the position in their own fields, so they share this rather than reach
//! into one another.

/// The error's message without the " at line L column C" serde_json appends: every
/// caller reports the position separately (with a caret under the place).
pub fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::strip_position;

    #[test]
    fn only_the_trailing_position_is_removed() {
        let e = serde_json::from_str::<bool>("x").unwrap_err();
        assert!(e.to_string().contains(" at line 1 column"), "{e}");
        assert_eq!(strip_position(&e.to_string()), "expected value");
        assert_eq!(strip_position("no position here"), "no position here");
    }
}
