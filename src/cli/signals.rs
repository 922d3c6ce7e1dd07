//! Keeping the terminal usable whatever ends the interview: every catchable signal
//! (SIGINT, SIGTERM, SIGHUP, SIGQUIT) restores it before the process ends, Ctrl-Z
//! (SIGTSTP) restores it before stopping and takes it back after `fg` (SIGCONT), asking
//! for a redraw; a panic restores it too.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the interview holds the terminal in raw mode.
static RAW: AtomicBool = AtomicBool::new(false);
/// Whether the cursor is hidden.
static HIDDEN: AtomicBool = AtomicBool::new(false);
/// Set after SIGCONT: the screen must be drawn again.
static REDRAW: AtomicBool = AtomicBool::new(false);
/// Set while a pager shows the report: Ctrl-C is the pager's, not a reason to end.
static PAGING: AtomicBool = AtomicBool::new(false);

/// Says whether a pager holds the terminal.
pub fn paging(on: bool) {
    PAGING.store(on, Ordering::SeqCst);
}

/// Whether the terminal was ever drawn on; the plain interview never writes an escape.
static DRAWN: AtomicBool = AtomicBool::new(false);

/// Whether the terminal was drawn on (so the cursor must be shown on the way out).
pub fn drawn() -> bool {
    DRAWN.load(Ordering::SeqCst)
}

/// Takes the terminal into raw mode (keys one by one, no echo).
pub fn raw() -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    DRAWN.store(true, Ordering::SeqCst);
    RAW.store(true, Ordering::SeqCst);
    Ok(())
}

/// Hides or shows the cursor, remembering which for [`restore`].
pub fn cursor(hidden: bool) {
    HIDDEN.store(hidden, Ordering::SeqCst);
    DRAWN.store(true, Ordering::SeqCst);
    let mut err = std::io::stderr();
    let _ = err.write_all(if hidden { b"\x1b[?25l" } else { b"\x1b[?25h" });
    let _ = err.flush();
}

/// Gives the terminal back as it was: cooked mode and a visible cursor.
pub fn restore() {
    if RAW.swap(false, Ordering::SeqCst) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
    if !drawn() {
        return;
    }
    let mut err = std::io::stderr();
    let _ = err.write_all(b"\x1b[?25h");
    let _ = err.flush();
    HIDDEN.store(false, Ordering::SeqCst);
}

/// Whether the screen must be drawn again (once per SIGCONT).
pub fn take_redraw() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// Restores the terminal if the process panics.
fn restore_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// What is said when a signal stops the interview, in its language (see [`set_stopped_text`]).
static STOPPED: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Sets what is said when a signal stops the interview.
pub fn set_stopped_text(text: String) {
    if let Ok(mut t) = STOPPED.lock() {
        *t = Some(text);
    }
}

#[cfg(unix)]
fn stopped_text() -> String {
    STOPPED
        .lock()
        .ok()
        .and_then(|t| t.clone())
        .unwrap_or_else(|| smp_screen::tr!(smp_screen::i18n::Words::english(), "interview-stopped"))
}

/// Where there are no Unix signals, only a panic is watched (Ctrl-C reaches the
/// interview as a key in raw mode).
#[cfg(not(unix))]
pub fn install(_on_cancel: fn() -> !) -> std::io::Result<()> {
    restore_on_panic();
    Ok(())
}

/// Watches the signals on a thread of its own; `on_cancel` ends the process after
/// SIGINT (as Ctrl-C outside raw mode).
#[cfg(unix)]
pub fn install(on_cancel: fn() -> !) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    use signal_hook::iterator::Signals;
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT])?;
    restore_on_panic();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            match signal {
                SIGINT if PAGING.load(Ordering::SeqCst) => {}
                SIGINT => on_cancel(),
                SIGTSTP => {
                    let was_raw = RAW.load(Ordering::SeqCst);
                    let was_hidden = HIDDEN.load(Ordering::SeqCst);
                    restore();
                    // Stops here until `fg`.
                    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                    if was_raw {
                        let _ = raw();
                    }
                    if was_hidden {
                        cursor(true);
                    }
                    REDRAW.store(true, Ordering::SeqCst);
                }
                SIGCONT => REDRAW.store(true, Ordering::SeqCst),
                other => {
                    restore();
                    let _ = writeln!(std::io::stderr(), "\r\n{}", stopped_text());
                    std::process::exit(128 + other);
                }
            }
        }
    });
    Ok(())
}
