//! Removing the live temporary output files when the program is interrupted.
//!
//! [`register`] records a temporary file and, the first time, starts a thread that waits for
//! every signal whose default action ends the program and that a program may catch (SIGINT,
//! SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, with the `signal-hook` crate), removes
//! every recorded file and exits with status 128 + the signal's number (130 for SIGINT).
//! [`finish`] renames or removes a recorded file and forgets it under the same lock, so the handler either removes the file before the rename
//! (which then fails, and the target is never written) or finds it already gone: the target is
//! complete or absent whenever the signal comes. SIGKILL cannot be caught; a file left by it is
//! recognisable by the `.lgsco-tmp` in its name.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, PoisonError};

/// The signals that end the program by default and can be caught.
const ENDING: [i32; 7] = [
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGUSR1,
    signal_hook::consts::SIGUSR2,
    signal_hook::consts::SIGALRM,
];

/// The temporary files not yet renamed into place or removed.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

static HANDLER: Once = Once::new();

/// The registry, even if a thread panicked while holding it (the list itself stays valid).
fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Records `temp` for removal on any of the [`ENDING`] signals, starting the thread that waits
/// for them first if no file was recorded before. If the signals cannot be registered, they keep
/// their default action and a leftover is only recognisable by its name.
pub fn register(temp: &Path) {
    HANDLER.call_once(|| {
        // Best effort, see above: the conversion itself does not depend on it.
        let Ok(mut signals) = signal_hook::iterator::Signals::new(ENDING) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("lgsco-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let live = live();
                    for temp in live.iter() {
                        // A temporary file, or a temporary folder of tables.
                        if fs::remove_file(temp).is_err() {
                            let _ = fs::remove_dir_all(temp);
                        }
                    }
                    // Exits holding the lock, so no rename can start after the files are gone.
                    std::process::exit(128 + signal);
                }
            });
    });
    live().push(temp.to_path_buf());
}

/// Runs `settle` (the rename into place, or the removal) on the recorded file `temp` and then
/// forgets it, with the registry locked throughout so the signal handler cannot run in between.
pub fn finish(temp: &Path, settle: impl FnOnce() -> io::Result<()>) -> io::Result<()> {
    let mut live = live();
    let result = settle();
    live.retain(|path| path != temp);
    result
}
