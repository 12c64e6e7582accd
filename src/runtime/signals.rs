//! Signals: SIGINT becomes `KeyboardInterrupt` at the next `eval_breaker` check, as in CPython
//! (the handler only sets flags; the evaluation loop raises).

use std::sync::atomic::{AtomicBool, Ordering};

/// A signal arrived and no thread has handled it yet.
pub static SIGNAL_PENDING: AtomicBool = AtomicBool::new(false);
/// That signal was SIGINT.
pub static SIGINT_PENDING: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_signum: libc::c_int) {
    SIGINT_PENDING.store(true, Ordering::SeqCst);
    SIGNAL_PENDING.store(true, Ordering::SeqCst);
}

/// Installs gilpy's SIGINT handler (the `gilpy` command does; embedders may).
pub fn install_sigint_handler() {
    // SAFETY: the handler only stores to atomics, which is async-signal-safe.
    unsafe {
        let handler: extern "C" fn(libc::c_int) = on_sigint;
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}

/// Takes a pending SIGINT, if any.
pub fn take_sigint() -> bool {
    if !SIGNAL_PENDING.load(Ordering::Relaxed) {
        return false;
    }
    SIGNAL_PENDING.store(false, Ordering::SeqCst);
    SIGINT_PENDING.swap(false, Ordering::SeqCst)
}

/// Restores SIGINT's default action and raises it: the process ends as killed by SIGINT.
pub fn exit_by_sigint() {
    // SAFETY: plain libc calls on this process.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
    }
}
