//! Removing a temporary output file when the process is interrupted (the interview's own
//! signal handling, which restores the terminal, is in `signals`), and telling of
//! temporary files that interrupted runs left behind.
//!
//! A `batch -o` run writes hundreds of megabytes to a temporary file before moving it into
//! place; SIGINT, SIGTERM or SIGHUP would otherwise leave it on disk. SIGKILL cannot be
//! caught: what it leaves is reported by the next run that writes into the same folder.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary file to remove on a signal, if any.
static TEMP: Mutex<Option<PathBuf>> = Mutex::new(None);

/// While alive, a catchable termination signal removes `path` before the process ends
/// as the signal would have ended it.
pub struct RemoveOnSignal(());

impl RemoveOnSignal {
    /// Starts watching for signals (once per process) and names the file to remove.
    pub fn new(path: &Path) -> RemoveOnSignal {
        if let Ok(mut t) = TEMP.lock() {
            *t = Some(path.to_owned());
        }
        watch();
        RemoveOnSignal(())
    }

    /// Runs `f` (the rename into place) with signals held off: the file is either still
    /// temporary and removed, or in place and kept.
    pub fn finish<T>(self, f: impl FnOnce() -> T) -> T {
        let mut guard = TEMP.lock().ok();
        if let Some(t) = guard.as_mut() {
            **t = None;
        }
        f()
    }
}

impl Drop for RemoveOnSignal {
    fn drop(&mut self) {
        if let Ok(mut t) = TEMP.lock() {
            *t = None;
        }
    }
}

#[cfg(unix)]
fn watch() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the process ends, so that no rename starts meanwhile.
                let guard = TEMP.lock();
                if let Ok(t) = &guard
                    && let Some(path) = t.as_ref()
                {
                    let _ = std::fs::remove_file(path);
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
}

#[cfg(not(unix))]
fn watch() {}

/// Temporary files of smp-screen in `dir` (name and size), left by runs that were killed.
pub fn stale_temp_files(dir: &Path) -> Vec<(PathBuf, u64)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, u64)> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(".smp-screen-") && name.ends_with(".tmp")
        })
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            meta.is_file().then(|| (e.path(), meta.len()))
        })
        .collect();
    found.sort();
    found
}

/// A size in words: bytes, KiB, MiB or GiB.
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// Tells on standard error of temporary files in `dir` that interrupted runs left.
pub fn warn_stale(dir: &Path) {
    let found = stale_temp_files(dir);
    if found.is_empty() {
        return;
    }
    let total: u64 = found.iter().map(|(_, n)| n).sum();
    let mut text = format!(
        "warning: {} temporary file{} of smp-screen ({}) in {}, left by interrupted runs (or in use by one still running):",
        found.len(),
        if found.len() == 1 { "" } else { "s" },
        size(total),
        super::error::shown(dir)
    );
    for (path, n) in &found {
        text.push_str(&format!("\n  {} ({})", super::error::shown(path), size(*n)));
    }
    text.push_str("\nOnce no smp-screen is running there, remove them with:\n  rm --");
    for (path, _) in &found {
        text.push_str(&format!(" {}", shell_quote(&super::error::shown(path))));
    }
    super::common::say(&text);
}

/// A word quoted for a POSIX shell.
fn shell_quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}
