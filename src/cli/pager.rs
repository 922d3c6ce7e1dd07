//! The full report after an interview: through a pager when standard output is a
//! terminal and the report is taller than it (`$PAGER`, else `less -R` when installed),
//! else printed as it is.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// Whether `text` would go through a pager.
pub fn would_page(text: &str, no_pager: bool) -> bool {
    if no_pager || !std::io::stdout().is_terminal() {
        return false;
    }
    let rows = usize::from(super::terminal::size().1);
    text.lines().count() > rows.saturating_sub(1) && pager().is_some()
}

/// The pager to use: `$PAGER` split into words, else `less -R` if on the PATH.
fn pager() -> Option<Vec<String>> {
    if let Some(p) = std::env::var_os("PAGER") {
        let words: Vec<String> = p.to_string_lossy().split_whitespace().map(str::to_owned).collect();
        return (!words.is_empty()).then_some(words);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .any(|dir| Path::new(&dir).join("less").is_file())
        .then(|| vec!["less".to_owned(), "-R".to_owned()])
}

/// Shows `text`: paged when [`would_page`], else on standard output.
pub fn show(text: &[u8], no_pager: bool) -> Result<(), super::error::CliError> {
    if would_page(&String::from_utf8_lossy(text), no_pager)
        && let Some(words) = pager()
        && let Ok(mut child) = Command::new(&words[0]).args(&words[1..]).stdin(Stdio::piped()).spawn()
    {
        super::signals::paging(true);
        if let Some(mut input) = child.stdin.take() {
            // A pager closed before the end (q) is not an error.
            let _ = input.write_all(text);
        }
        let waited = child.wait();
        super::signals::paging(false);
        waited.map_err(super::common::stdout_error)?;
        return Ok(());
    }
    super::common::print(text)
}
