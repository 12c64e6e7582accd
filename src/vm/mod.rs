//! The virtual machine: the per-thread state (`Vm`) that runs frames, and the per-interpreter
//! state (`Interpreter`) all threads share — builtins, `sys.modules`, the recursion limit, the
//! `eval_breaker`.
//!
//! Submodules: `eval` (the evaluation loop), `call` (calling anything, binding arguments),
//! `ops` (operators, comparison, hashing, truth, iteration, repr/str), `attr` (attribute
//! lookup), `generator`, `code`, `frame`, `exceptions` (raising from Rust) and `traceback`.

pub mod attr;
pub mod call;
pub mod code;
pub mod containers;
pub mod eval;
pub mod exceptions;
pub mod frame;
pub mod generator;
pub mod generic_alias;
pub mod import;
pub mod ops;
pub mod protocol;
pub mod suggestions;
pub mod traceback;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use crate::object::dict::Dict;
use crate::object::gil_cell::Gil;
use crate::object::value::{ObjRef, Payload, Value, new_dict_obj};
use frame::Frame;

/// State shared by every thread of one interpreter.
#[derive(Debug)]
pub struct Interpreter {
    /// The `builtins` module's namespace.
    pub builtins: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    pub recursion_limit: AtomicUsize,
    /// Set when a running thread must stop at its next check: a pending signal, a request to
    /// drop the GIL, an asynchronous exception.
    pub eval_breaker: AtomicBool,
    /// SIGINT arrived and `KeyboardInterrupt` has not been raised yet.
    pub pending_interrupt: AtomicBool,
    /// `sys.getswitchinterval()`, as the bits of an f64.
    switch_interval: AtomicU64,
    /// Sources compiled so far, by file name, for traceback lines.
    sources: Mutex<HashMap<String, Arc<str>>>,
}

impl Interpreter {
    pub fn new() -> Arc<Interpreter> {
        Arc::new(Interpreter {
            builtins: new_dict_obj(Dict::new()),
            modules: new_dict_obj(Dict::new()),
            recursion_limit: AtomicUsize::new(1000),
            eval_breaker: AtomicBool::new(false),
            pending_interrupt: AtomicBool::new(false),
            switch_interval: AtomicU64::new(0.005f64.to_bits()),
            sources: Mutex::new(HashMap::new()),
        })
    }

    pub fn switch_interval(&self) -> f64 {
        f64::from_bits(self.switch_interval.load(Ordering::Relaxed))
    }

    pub fn set_switch_interval(&self, seconds: f64) {
        self.switch_interval
            .store(seconds.to_bits(), Ordering::Relaxed);
    }

    pub fn remember_source(&self, filename: &str, source: &str) {
        if let Ok(mut s) = self.sources.lock() {
            s.insert(filename.to_string(), Arc::from(source));
        }
    }

    pub fn source(&self, filename: &str) -> Option<Arc<str>> {
        self.sources.lock().ok()?.get(filename).cloned()
    }
}

/// The state of one thread running Python code.
pub struct Vm {
    pub interp: Arc<Interpreter>,
    /// Proof that this thread holds the GIL.
    pub gil: Gil,
    /// Python frames on this thread's stack (checked against the recursion limit).
    pub depth: usize,
    /// The exception being handled (`sys.exc_info()`), `Value::Null` when none.
    pub handled: Value,
    /// The frames running on this thread, innermost last, for `globals()`, `locals()`,
    /// zero-argument `super()` and `sys._getframe`. Each pointer is valid while its frame
    /// runs: `run_frame` pushes it on entry and pops it on every exit.
    pub frames: Vec<*const Frame<'static>>,
    /// Address near the top of this thread's stack when the VM was made, and how many bytes
    /// below it Python frames may use (deeper calls raise `RecursionError`).
    stack_base: usize,
    stack_budget: usize,
    /// Vectors of finished frames, reused by calls.
    pub frame_pool: frame::FramePool,
}

#[inline(always)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

/// Immutable singleton objects.
#[derive(Debug)]
pub struct Singletons {
    pub not_implemented: Value,
    pub ellipsis: Value,
}

pub fn singletons() -> &'static Singletons {
    static S: OnceLock<Singletons> = OnceLock::new();
    S.get_or_init(|| Singletons {
        not_implemented: Value::obj(Payload::NotImplemented),
        ellipsis: Value::obj(Payload::Ellipsis),
    })
}

impl Vm {
    /// A VM for the thread that holds the GIL.
    ///
    /// # Safety
    /// The calling thread must hold the interpreter's GIL while this `Vm` is used.
    pub unsafe fn new(interp: Arc<Interpreter>) -> Vm {
        Vm {
            interp,
            // SAFETY: the caller guarantees it holds the GIL.
            gil: unsafe { Gil::assume_held() },
            depth: 0,
            handled: Value::Null,
            frames: Vec::new(),
            stack_base: stack_address(),
            stack_budget: 6 << 20,
            frame_pool: frame::FramePool::default(),
        }
    }

    /// How much of this thread's stack Python frames may use.
    pub fn set_stack_budget(&mut self, bytes: usize) {
        self.stack_base = stack_address();
        self.stack_budget = bytes;
    }

    /// Has the Rust stack grown past the budget? (Checked on every frame entry.)
    #[inline]
    pub fn stack_exhausted(&self) -> bool {
        self.stack_base.saturating_sub(stack_address()) > self.stack_budget
    }

    pub fn recursion_limit(&self) -> usize {
        self.interp.recursion_limit.load(Ordering::Relaxed)
    }

    /// The frame running innermost on this thread.
    pub fn current_frame(&self) -> Option<&Frame<'static>> {
        // SAFETY: pointers in `frames` are valid while their frames run (see the field).
        self.frames.last().map(|&f| unsafe { &*f })
    }
}
