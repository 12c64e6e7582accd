//! Frames: the state of one running (or suspended) code object — fast locals, cells, the value
//! stack, the block stack and the instruction pointer. Frames live on the heap side of the Rust
//! stack discipline: a generator's frame is kept in the generator object between resumptions.

use std::sync::Arc;

use super::code::Code;
use crate::object::value::{ObjRef, Value};

/// A `SetupFinally` handler, or an except handler being run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Jump here when an exception is raised inside the block.
    Finally(u32),
    /// Inside an except/finally handler: the previous handled exception sits on the value
    /// stack at the block's level.
    ExceptHandler,
}

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// Value stack height when the block was pushed.
    pub level: usize,
}

/// A running frame. It borrows its code, globals and builtins from whoever keeps them alive
/// for the duration of the run (the called function, a generator, the module being run), so
/// a call costs no reference-count traffic for them.
#[derive(Debug)]
pub struct Frame<'a> {
    pub code: &'a Arc<Code>,
    pub globals: &'a ObjRef,
    pub builtins: &'a ObjRef,
    /// The namespace of a module or class body (LoadName/StoreName); None for functions.
    pub namespace: Option<ObjRef>,
    pub fast: Vec<Value>,
    pub cells: Box<[ObjRef]>,
    pub stack: Vec<Value>,
    pub blocks: Vec<Block>,
    /// Index of the next instruction.
    pub pc: usize,
}

/// What a suspended generator keeps of its frame between resumptions.
#[derive(Debug, Default)]
pub struct FrameState {
    pub fast: Vec<Value>,
    pub cells: Box<[ObjRef]>,
    pub stack: Vec<Value>,
    pub blocks: Vec<Block>,
    pub pc: usize,
}

impl<'a> Frame<'a> {
    pub fn new(
        code: &'a Arc<Code>,
        globals: &'a ObjRef,
        builtins: &'a ObjRef,
        namespace: Option<ObjRef>,
    ) -> Frame<'a> {
        Frame::with_vectors(code, globals, builtins, namespace, Vec::new(), Vec::new())
    }

    /// A frame reusing two spare vectors (from a pool of finished frames' vectors).
    pub fn with_vectors(
        code: &'a Arc<Code>,
        globals: &'a ObjRef,
        builtins: &'a ObjRef,
        namespace: Option<ObjRef>,
        mut fast: Vec<Value>,
        mut stack: Vec<Value>,
    ) -> Frame<'a> {
        let nlocals = code.nlocals();
        fast.clear();
        fast.resize(nlocals, Value::Null);
        stack.clear();
        stack.reserve(code.co.stacksize as usize);
        Frame {
            fast,
            cells: Box::new([]),
            stack,
            blocks: Vec::new(),
            pc: 0,
            globals,
            builtins,
            namespace,
            code,
        }
    }

    /// A suspended generator's frame, running again.
    pub fn resume(
        code: &'a Arc<Code>,
        globals: &'a ObjRef,
        builtins: &'a ObjRef,
        state: FrameState,
    ) -> Frame<'a> {
        Frame {
            code,
            globals,
            builtins,
            namespace: None,
            fast: state.fast,
            cells: state.cells,
            stack: state.stack,
            blocks: state.blocks,
            pc: state.pc,
        }
    }

    /// What a generator keeps when the frame suspends.
    pub fn into_state(self) -> FrameState {
        FrameState {
            fast: self.fast,
            cells: self.cells,
            stack: self.stack,
            blocks: self.blocks,
            pc: self.pc,
        }
    }

    /// The line being executed (for tracebacks and `f_lineno`).
    pub fn line(&self) -> u32 {
        self.code.co.line_at(self.pc.saturating_sub(1))
    }

    /// Does the frame sit inside an except handler (its handled exception is its own)?
    pub fn in_handler(&self) -> bool {
        self.blocks
            .iter()
            .any(|b| b.kind == BlockKind::ExceptHandler)
    }
}

impl FrameState {
    pub fn in_handler(&self) -> bool {
        self.blocks
            .iter()
            .any(|b| b.kind == BlockKind::ExceptHandler)
    }
}

/// Spare vectors of finished frames, reused by new ones: a call then allocates nothing.
#[derive(Debug, Default)]
pub struct FramePool {
    spare: Vec<(Vec<Value>, Vec<Value>)>,
}

impl FramePool {
    const KEEP: usize = 64;

    pub fn take(&mut self) -> (Vec<Value>, Vec<Value>) {
        self.spare.pop().unwrap_or_default()
    }

    /// Takes back a finished frame's vectors (emptied: their values are dropped here).
    pub fn give(&mut self, frame: Frame<'_>) {
        if self.spare.len() < Self::KEEP {
            let Frame {
                mut fast,
                mut stack,
                ..
            } = frame;
            fast.clear();
            stack.clear();
            self.spare.push((fast, stack));
        }
    }
}
