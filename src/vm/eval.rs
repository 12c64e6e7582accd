//! The evaluation loop: runs one frame's instructions until it returns, yields or raises.
//!
//! `eval_breaker` is checked exactly where CPython 3.11 checks it — when a frame starts and on
//! backward jumps — so a program has the same switch points and the same races as on CPython.
//! Exceptions unwind the frame's block stack (see `SetupFinally` in `compile::bytecode`).

use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::Vm;
use super::exceptions::{PyErr, PyResult, name_error, runtime_error, type_error};
use super::frame::{Block, BlockKind, Frame};
use crate::compile::bytecode::{Conversion, Instr, make_function};
use crate::object::gil_cell::GilCell;
use crate::object::typeobj::{ExcType, is_subtype, type_data, type_of, types};
use crate::object::value::{Args, Function, ObjRef, Payload, TracebackEntry, Value, new_dict_obj};

/// How a frame is (re)entered.
pub enum Resume {
    /// Start or resume normally, pushing the sent value when resuming after a yield.
    Send(Value),
    /// Resume by raising this exception at the point of suspension.
    Throw(PyErr),
}

/// How a frame left.
pub enum FrameExit {
    Return(Value),
    Yield(Value),
}

/// What happened to an error inside the loop.
enum Unwound {
    /// A handler in this frame took it; continue at the frame's pc.
    Handled,
    /// No handler: the error leaves the frame.
    Propagate(PyErr),
}

impl Vm {
    /// Runs (or resumes) a frame.
    pub fn run_frame(&mut self, frame: &mut Frame<'_>, resume: Resume) -> PyResult<FrameExit> {
        if self.depth >= self.recursion_limit() || self.stack_exhausted() {
            return Err(PyErr::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.depth += 1;
        // The pointer is only read while this frame runs (see `Vm::frames`).
        self.frames
            .push((frame as *const Frame<'_>).cast::<Frame<'static>>());
        let result = self.run_frame_inner(frame, resume);
        self.frames.pop();
        self.depth -= 1;
        result
    }

    fn run_frame_inner(&mut self, frame: &mut Frame<'_>, resume: Resume) -> PyResult<FrameExit> {
        let starting = frame.pc == 0;
        let mut pending: Option<PyErr> = None;
        match resume {
            Resume::Send(v) => {
                if !starting {
                    frame.stack.push(v);
                }
            }
            Resume::Throw(e) => pending = Some(e),
        }
        if starting && let Err(e) = self.check_eval_breaker() {
            pending = Some(e);
        }
        if let Some(e) = pending
            && let Some(exit) = self.raise_in_frame(frame, e, false)?
        {
            return Ok(exit);
        }
        loop {
            match self.execute(frame) {
                Ok(exit) => return Ok(exit),
                Err((e, reraise)) => {
                    if let Some(exit) = self.raise_in_frame(frame, e, reraise)? {
                        return Ok(exit);
                    }
                }
            }
        }
    }

    /// Handles an error at the current instruction: records the traceback entry, then finds a
    /// handler. `Ok(None)` means the loop goes on at the handler.
    fn raise_in_frame(
        &mut self,
        frame: &mut Frame<'_>,
        err: PyErr,
        reraise: bool,
    ) -> PyResult<Option<FrameExit>> {
        if !reraise {
            self.add_traceback(&err, frame);
            self.set_context(&err);
        }
        match self.unwind(frame, err) {
            Unwound::Handled => Ok(None),
            Unwound::Propagate(e) => Err(e),
        }
    }

    fn add_traceback(&self, err: &PyErr, frame: &Frame<'_>) {
        if let Some(d) = err.data() {
            d.borrow_mut(&self.gil).traceback.push(TracebackEntry {
                code: frame.code.clone(),
                instr: frame.pc.saturating_sub(1),
                globals: frame.globals.clone(),
            });
        }
    }

    /// Implicit chaining: an exception raised while another is handled gets it as
    /// `__context__` (unless that would make a cycle).
    pub fn set_context(&self, err: &PyErr) {
        let Value::Obj(handled) = &self.handled else {
            return;
        };
        if Arc::ptr_eq(handled, &err.exc) {
            return;
        }
        let Some(d) = err.data() else { return };
        if !d.borrow(&self.gil).context.is_none() {
            return;
        }
        // Break a cycle: if `err` is already in the handled exception's context chain, cut it.
        let mut cursor = Value::Obj(handled.clone());
        while let Some(Payload::Exception(cd)) = cursor.payload() {
            let next = cd.borrow(&self.gil).context.clone();
            if let Value::Obj(n) = &next
                && Arc::ptr_eq(n, &err.exc)
            {
                cd.borrow_mut(&self.gil).context = Value::None;
                break;
            }
            cursor = next;
        }
        d.borrow_mut(&self.gil).context = Value::Obj(handled.clone());
    }

    fn unwind(&mut self, frame: &mut Frame<'_>, err: PyErr) -> Unwound {
        while let Some(block) = frame.blocks.pop() {
            match block.kind {
                BlockKind::Finally(handler) => {
                    frame.stack.truncate(block.level);
                    let prev = std::mem::replace(&mut self.handled, err.value());
                    frame
                        .stack
                        .push(if prev.is_null() { Value::None } else { prev });
                    frame.stack.push(err.value());
                    frame.blocks.push(Block {
                        kind: BlockKind::ExceptHandler,
                        level: block.level,
                    });
                    frame.pc = handler as usize;
                    return Unwound::Handled;
                }
                BlockKind::ExceptHandler => {
                    let prev = frame.stack.get(block.level).cloned();
                    frame.stack.truncate(block.level);
                    self.handled = restore_handled(prev);
                }
            }
        }
        Unwound::Propagate(err)
    }

    /// Checks for pending work at a switch point: signals now, GIL drop requests later.
    #[inline]
    pub fn check_eval_breaker(&mut self) -> PyResult<()> {
        if !self.interp.eval_breaker.load(Ordering::Relaxed)
            && !crate::runtime::signals::SIGNAL_PENDING.load(Ordering::Relaxed)
        {
            return Ok(());
        }
        self.handle_eval_breaker()
    }

    #[cold]
    fn handle_eval_breaker(&mut self) -> PyResult<()> {
        self.interp.eval_breaker.store(false, Ordering::Relaxed);
        let interrupted = crate::runtime::signals::take_sigint()
            | self.interp.pending_interrupt.swap(false, Ordering::Relaxed);
        if interrupted {
            return Err(PyErr::with_args(ExcType::KeyboardInterrupt, vec![]));
        }
        Ok(())
    }

    /// Runs instructions until the frame exits; an error comes back with whether it is a
    /// re-raise (which adds no traceback entry).
    fn execute(&mut self, frame: &mut Frame<'_>) -> Result<FrameExit, (PyErr, bool)> {
        // The frame's code never changes while it runs, and the frame keeps it alive: borrow
        // it instead of paying for a reference-count round trip on every call.
        let code: &super::code::Code = frame.code;
        let instrs = &code.co.instructions[..];
        let mut kwnames: Option<Value> = None;
        loop {
            let Some(&instr) = instrs.get(frame.pc) else {
                return Err((runtime_error("instruction pointer out of range"), false));
            };
            frame.pc += 1;
            let r: PyResult<()> = match instr {
                Instr::Nop => Ok(()),
                Instr::Pop => {
                    frame.stack.pop();
                    Ok(())
                }
                Instr::Copy(n) => {
                    let v = peek(frame, n as usize);
                    frame.stack.push(v);
                    Ok(())
                }
                Instr::Swap(n) => {
                    let len = frame.stack.len();
                    frame.stack.swap(len - 1, len - n as usize);
                    Ok(())
                }
                Instr::PushNull => {
                    frame.stack.push(Value::Null);
                    Ok(())
                }
                Instr::LoadConst(i) => {
                    frame.stack.push(code.consts[i as usize].clone());
                    Ok(())
                }
                Instr::LoadFast(i) => match &frame.fast[i as usize] {
                    Value::Null => Err(unbound_local(&code.co.varnames[i as usize])),
                    v => {
                        let v = v.clone();
                        frame.stack.push(v);
                        Ok(())
                    }
                },
                Instr::StoreFast(i) => {
                    frame.fast[i as usize] = pop(frame);
                    Ok(())
                }
                Instr::DeleteFast(i) => {
                    if frame.fast[i as usize].is_null() {
                        Err(unbound_local(&code.co.varnames[i as usize]))
                    } else {
                        frame.fast[i as usize] = Value::Null;
                        Ok(())
                    }
                }
                Instr::LoadDeref(i) => self.load_deref(frame, i as usize),
                Instr::StoreDeref(i) => {
                    let v = pop(frame);
                    if let Payload::Cell(c) = &frame.cells[i as usize].payload {
                        c.replace(&self.gil, v);
                    }
                    Ok(())
                }
                Instr::DeleteDeref(i) => {
                    let old = match &frame.cells[i as usize].payload {
                        Payload::Cell(c) => c.replace(&self.gil, Value::Null),
                        _ => Value::Null,
                    };
                    if old.is_null() {
                        Err(self.unbound_deref(frame, i as usize))
                    } else {
                        Ok(())
                    }
                }
                Instr::LoadClassDeref(i) => self.load_class_deref(frame, i as usize),
                Instr::LoadClosure(i) => {
                    let cell = frame.cells[i as usize].clone();
                    frame.stack.push(Value::Obj(cell));
                    Ok(())
                }
                Instr::LoadName(i) => self.load_name(frame, &code.names[i as usize]),
                Instr::StoreName(i) => {
                    let v = pop(frame);
                    let ns = frame
                        .namespace
                        .clone()
                        .unwrap_or_else(|| frame.globals.clone());
                    self.store_mapping(&ns, code.names[i as usize].clone(), v)
                }
                Instr::DeleteName(i) => {
                    let ns = frame
                        .namespace
                        .clone()
                        .unwrap_or_else(|| frame.globals.clone());
                    let name = &code.names[i as usize];
                    match self.delete_mapping(&ns, name) {
                        Ok(true) => Ok(()),
                        Ok(false) => Err(name_error(name.as_str().unwrap_or(""))),
                        Err(e) => Err(e),
                    }
                }
                Instr::LoadGlobal(i) => self.load_global(frame, &code.names[i as usize]),
                Instr::StoreGlobal(i) => {
                    let v = pop(frame);
                    let g = frame.globals.clone();
                    self.dict_set_str(&g, code.names[i as usize].clone(), v);
                    Ok(())
                }
                Instr::DeleteGlobal(i) => {
                    let name = &code.names[i as usize];
                    if self.dict_del_str(frame.globals, name) {
                        Ok(())
                    } else {
                        Err(name_error(name.as_str().unwrap_or("")))
                    }
                }
                Instr::LoadAttr(i) => {
                    let obj = pop(frame);
                    self.get_attr(&obj, &code.names[i as usize])
                        .map(|v| frame.stack.push(v))
                }
                Instr::StoreAttr(i) => {
                    let obj = pop(frame);
                    let v = pop(frame);
                    self.set_attr(&obj, &code.names[i as usize], v)
                }
                Instr::DeleteAttr(i) => {
                    let obj = pop(frame);
                    self.del_attr(&obj, &code.names[i as usize])
                }
                Instr::LoadMethod(i) => {
                    let obj = pop(frame);
                    match self.load_method(&obj, &code.names[i as usize]) {
                        Ok((f, Some(s))) => {
                            frame.stack.push(f);
                            frame.stack.push(s);
                            Ok(())
                        }
                        Ok((f, None)) => {
                            frame.stack.push(f);
                            frame.stack.push(Value::Null);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Instr::BinarySubscr => {
                    let key = pop(frame);
                    let container = pop(frame);
                    self.get_item(&container, &key).map(|v| frame.stack.push(v))
                }
                Instr::StoreSubscr => {
                    let key = pop(frame);
                    let container = pop(frame);
                    let v = pop(frame);
                    self.set_item(&container, key, v)
                }
                Instr::DeleteSubscr => {
                    let key = pop(frame);
                    let container = pop(frame);
                    self.del_item(&container, &key)
                }
                Instr::BuildSlice(n) => {
                    let step = if n == 3 { pop(frame) } else { Value::None };
                    let stop = pop(frame);
                    let start = pop(frame);
                    frame
                        .stack
                        .push(Value::obj(Payload::Slice(start, stop, step)));
                    Ok(())
                }
                Instr::BinaryOp(op) => {
                    let b = pop(frame);
                    let a = pop(frame);
                    self.binary_op(op, &a, &b).map(|v| frame.stack.push(v))
                }
                Instr::InplaceOp(op) => {
                    let b = pop(frame);
                    let a = pop(frame);
                    self.inplace_op(op, a, &b).map(|v| frame.stack.push(v))
                }
                Instr::UnaryOp(op) => {
                    let a = pop(frame);
                    self.unary_op(op, &a).map(|v| frame.stack.push(v))
                }
                Instr::CompareOp(op) => {
                    let b = pop(frame);
                    let a = pop(frame);
                    self.compare(op, &a, &b).map(|v| frame.stack.push(v))
                }
                Instr::IsOp(invert) => {
                    let b = pop(frame);
                    let a = pop(frame);
                    frame.stack.push(Value::Bool(a.is(&b) != invert));
                    Ok(())
                }
                Instr::ContainsOp(invert) => {
                    let b = pop(frame);
                    let a = pop(frame);
                    self.contains(&b, &a)
                        .map(|r| frame.stack.push(Value::Bool(r != invert)))
                }
                Instr::CheckExcMatch => {
                    let t = pop(frame);
                    let exc = peek(frame, 1);
                    self.exception_matches(&exc, &t)
                        .map(|r| frame.stack.push(Value::Bool(r)))
                }
                Instr::BuildTuple(n) => {
                    let items = pop_n(frame, n as usize);
                    frame.stack.push(Value::tuple(items));
                    Ok(())
                }
                Instr::BuildList(n) => {
                    let items = pop_n(frame, n as usize);
                    frame.stack.push(Value::list(items));
                    Ok(())
                }
                Instr::BuildSet(n) => {
                    let items = pop_n(frame, n as usize);
                    self.new_set(items).map(|v| frame.stack.push(v))
                }
                Instr::BuildMap(n) => {
                    let items = pop_n(frame, 2 * n as usize);
                    self.build_map(items).map(|v| frame.stack.push(v))
                }
                Instr::BuildString(n) => {
                    let items = pop_n(frame, n as usize);
                    let mut s = String::new();
                    for it in &items {
                        s.push_str(it.as_str().unwrap_or(""));
                    }
                    frame.stack.push(Value::str(s));
                    Ok(())
                }
                Instr::FormatValue(conv, has_spec) => {
                    let spec = if has_spec { Some(pop(frame)) } else { None };
                    let v = pop(frame);
                    self.format_field(v, conv, spec)
                        .map(|s| frame.stack.push(s))
                }
                Instr::ListAppend(n) => {
                    let v = pop(frame);
                    let list = peek(frame, n as usize);
                    self.list_append(&list, v)
                }
                Instr::SetAdd(n) => {
                    let v = pop(frame);
                    let set = peek(frame, n as usize);
                    self.set_add(&set, v)
                }
                Instr::MapAdd(n) => {
                    let v = pop(frame);
                    let k = pop(frame);
                    let d = peek(frame, n as usize);
                    self.set_item(&d, k, v)
                }
                Instr::ListExtend(n) => {
                    let it = pop(frame);
                    let list = peek(frame, n as usize);
                    self.list_extend(&list, &it)
                }
                Instr::SetUpdate(n) => {
                    let it = pop(frame);
                    let set = peek(frame, n as usize);
                    self.set_update(&set, &it)
                }
                Instr::DictUpdate(n) => {
                    let m = pop(frame);
                    let d = peek(frame, n as usize);
                    self.dict_update_display(&d, &m)
                }
                Instr::DictMerge(n) => {
                    let m = pop(frame);
                    let d = peek(frame, n as usize);
                    let func = peek(frame, n as usize + 3);
                    self.dict_merge_kwargs(&func, &d, &m)
                }
                Instr::ListToTuple => {
                    let l = pop(frame);
                    let items = self.list_items(&l);
                    frame.stack.push(Value::tuple(items));
                    Ok(())
                }
                Instr::UnpackSequence(n) => {
                    let seq = pop(frame);
                    self.unpack_sequence(&seq, n as usize).map(|items| {
                        frame.stack.extend(items.into_iter().rev());
                    })
                }
                Instr::UnpackEx(before, after) => {
                    let seq = pop(frame);
                    self.unpack_ex(&seq, before as usize, after as usize)
                        .map(|items| frame.stack.extend(items.into_iter().rev()))
                }
                Instr::Jump(target) => {
                    let backward = (target as usize) < frame.pc;
                    frame.pc = target as usize;
                    if backward {
                        self.check_eval_breaker()
                    } else {
                        Ok(())
                    }
                }
                Instr::PopJumpIfFalse(target) => {
                    let v = pop(frame);
                    self.truthy_jump(frame, &v, false, target)
                }
                Instr::PopJumpIfTrue(target) => {
                    let v = pop(frame);
                    self.truthy_jump(frame, &v, true, target)
                }
                Instr::JumpIfFalseOrPop(target) => {
                    let v = peek(frame, 1);
                    match self.is_true(&v) {
                        Ok(false) => {
                            frame.pc = target as usize;
                            Ok(())
                        }
                        Ok(true) => {
                            frame.stack.pop();
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Instr::JumpIfTrueOrPop(target) => {
                    let v = peek(frame, 1);
                    match self.is_true(&v) {
                        Ok(true) => {
                            frame.pc = target as usize;
                            Ok(())
                        }
                        Ok(false) => {
                            frame.stack.pop();
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Instr::GetIter => {
                    let v = pop(frame);
                    self.get_iter(&v).map(|it| frame.stack.push(it))
                }
                Instr::ForIter(target) => {
                    let it = peek(frame, 1);
                    match self.next(&it) {
                        Ok(Some(v)) => {
                            frame.stack.push(v);
                            Ok(())
                        }
                        Ok(None) => {
                            frame.stack.pop();
                            frame.pc = target as usize;
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Instr::MakeFunction(flags) => self.make_function(frame, flags),
                Instr::KwNames(i) => {
                    kwnames = Some(code.consts[i as usize].clone());
                    Ok(())
                }
                Instr::Call(argc) => {
                    let names = kwnames.take();
                    self.call_instr(frame, argc as usize, names)
                }
                Instr::CallFunctionEx(has_kwargs) => self.call_function_ex(frame, has_kwargs),
                Instr::ReturnValue => {
                    let v = pop(frame);
                    return Ok(FrameExit::Return(v));
                }
                Instr::YieldValue => {
                    let v = pop(frame);
                    return Ok(FrameExit::Yield(v));
                }
                Instr::GetYieldFromIter => {
                    let v = pop(frame);
                    if matches!(v.payload(), Some(Payload::Generator(_))) {
                        frame.stack.push(v);
                        Ok(())
                    } else {
                        self.get_iter(&v).map(|it| frame.stack.push(it))
                    }
                }
                Instr::YieldFrom => {
                    let value = pop(frame);
                    let sub = peek(frame, 1);
                    match self.delegate(&sub, value) {
                        Ok(Delegated::Yielded(v)) => {
                            // Resume at this same instruction with the sent value on the stack.
                            frame.pc -= 1;
                            return Ok(FrameExit::Yield(v));
                        }
                        Ok(Delegated::Returned(v)) => {
                            frame.stack.pop();
                            frame.stack.push(v);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Instr::LoadBuildClass => self.load_builtin_name(frame, "__build_class__"),
                Instr::SetupFinally(handler) => {
                    frame.blocks.push(Block {
                        kind: BlockKind::Finally(handler),
                        level: frame.stack.len(),
                    });
                    Ok(())
                }
                Instr::SetupWith(handler) => {
                    frame.blocks.push(Block {
                        kind: BlockKind::Finally(handler),
                        level: frame.stack.len() - 1,
                    });
                    Ok(())
                }
                Instr::PopBlock => {
                    frame.blocks.pop();
                    Ok(())
                }
                Instr::PopExcept => {
                    if let Some(block) = frame.blocks.pop()
                        && block.level < frame.stack.len()
                    {
                        let prev = frame.stack.remove(block.level);
                        self.handled = restore_handled(Some(prev));
                    }
                    Ok(())
                }
                Instr::Reraise => {
                    let exc = pop(frame);
                    return Err((self.reraise_value(exc), true));
                }
                Instr::Raise(n) => {
                    let r = self.raise_instr(frame, n);
                    match r {
                        Ok((e, reraise)) => return Err((e, reraise)),
                        Err(e) => Err(e),
                    }
                }
                Instr::LoadAssertionError => {
                    frame.stack.push(Value::Obj(
                        types().exception(ExcType::AssertionError).clone(),
                    ));
                    Ok(())
                }
                Instr::BeforeWith => {
                    let mgr = pop(frame);
                    self.before_with(&mgr).map(|(exit, entered)| {
                        frame.stack.push(exit);
                        frame.stack.push(entered);
                    })
                }
                Instr::WithExceptStart => {
                    let exc = peek(frame, 1);
                    let exit = peek(frame, 3);
                    self.with_except_start(&exit, &exc)
                        .map(|v| frame.stack.push(v))
                }
                Instr::ImportName(i) => {
                    let fromlist = pop(frame);
                    let level = pop(frame);
                    let name = code.names[i as usize].clone();
                    let globals = frame.globals.clone();
                    self.import_name(&name, &globals, &fromlist, &level)
                        .map(|m| frame.stack.push(m))
                }
                Instr::ImportFrom(i) => {
                    let module = peek(frame, 1);
                    self.import_from(&module, &code.names[i as usize])
                        .map(|v| frame.stack.push(v))
                }
                Instr::ImportStar => {
                    let module = pop(frame);
                    let ns = frame
                        .namespace
                        .clone()
                        .unwrap_or_else(|| frame.globals.clone());
                    self.import_star(&module, &ns)
                }
                Instr::SetupAnnotations => {
                    let ns = frame
                        .namespace
                        .clone()
                        .unwrap_or_else(|| frame.globals.clone());
                    let key = Value::str("__annotations__");
                    if self.dict_get_str(&ns, &key).is_none() {
                        self.dict_set_str(&ns, key, Value::dict(Default::default()));
                    }
                    Ok(())
                }
                Instr::PrintExpr => {
                    let v = pop(frame);
                    self.display_hook(v)
                }
            };
            if let Err(e) = r {
                return Err((e, false));
            }
        }
    }

    fn truthy_jump(
        &mut self,
        frame: &mut Frame<'_>,
        v: &Value,
        when: bool,
        target: u32,
    ) -> PyResult<()> {
        let t = match v {
            Value::Bool(b) => *b,
            _ => self.is_true(v)?,
        };
        if t == when {
            frame.pc = target as usize;
        }
        Ok(())
    }

    fn load_deref(&mut self, frame: &mut Frame<'_>, i: usize) -> PyResult<()> {
        let v = match &frame.cells[i].payload {
            Payload::Cell(c) => c.get(&self.gil),
            _ => Value::Null,
        };
        if v.is_null() {
            return Err(self.unbound_deref(frame, i));
        }
        frame.stack.push(v);
        Ok(())
    }

    fn unbound_deref(&self, frame: &Frame<'_>, i: usize) -> PyErr {
        let co = &frame.code.co;
        if i < co.cellvars.len() {
            unbound_local(&co.cellvars[i])
        } else {
            let name = co
                .freevars
                .get(i - co.cellvars.len())
                .map_or("", |s| s.as_str());
            PyErr::new(
                ExcType::NameError,
                format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            )
        }
    }

    fn load_class_deref(&mut self, frame: &mut Frame<'_>, i: usize) -> PyResult<()> {
        let co = &frame.code.co;
        let name = if i < co.cellvars.len() {
            co.cellvars[i].clone()
        } else {
            co.freevars[i - co.cellvars.len()].clone()
        };
        if let Some(ns) = &frame.namespace {
            let key = Value::str(name);
            if let Some(v) = self.dict_get_str(ns, &key) {
                frame.stack.push(v);
                return Ok(());
            }
        }
        self.load_deref(frame, i)
    }

    fn load_name(&mut self, frame: &mut Frame<'_>, name: &Value) -> PyResult<()> {
        if let Some(ns) = &frame.namespace
            && let Some(v) = self.mapping_get(ns, name)?
        {
            frame.stack.push(v);
            return Ok(());
        }
        self.load_global(frame, name)
    }

    fn load_global(&mut self, frame: &mut Frame<'_>, name: &Value) -> PyResult<()> {
        if let Some(v) = self.dict_get_str(frame.globals, name) {
            frame.stack.push(v);
            return Ok(());
        }
        if let Some(v) = self.dict_get_str(frame.builtins, name) {
            frame.stack.push(v);
            return Ok(());
        }
        Err(self.name_error(name))
    }

    /// `NameError: name 'x' is not defined`, with `.name` set (for the suggestion).
    fn name_error(&self, name: &Value) -> PyErr {
        let err = name_error(name.as_str().unwrap_or(""));
        if let Some(d) = &err.exc.dict {
            self.dict_set_str(d, Value::str("name"), name.clone());
        }
        err
    }

    fn load_builtin_name(&mut self, frame: &mut Frame<'_>, name: &str) -> PyResult<()> {
        match self.dict_get_str(frame.builtins, &Value::str(name)) {
            Some(v) => {
                frame.stack.push(v);
                Ok(())
            }
            None => Err(PyErr::new(ExcType::NameError, format!("{name} not found"))),
        }
    }

    fn make_function(&mut self, frame: &mut Frame<'_>, flags: u8) -> PyResult<()> {
        let code_v = pop(frame);
        let closure = if flags & make_function::CLOSURE != 0 {
            let t = pop(frame);
            t.as_tuple()
                .map(|cells| cells.iter().filter_map(|c| c.as_obj().cloned()).collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let annotations = if flags & make_function::ANNOTATIONS != 0 {
            let t = pop(frame);
            let items = t.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
            let mut d = crate::object::dict::Dict::new();
            for pair in items.chunks(2) {
                if let [k, v] = pair {
                    let h = self.hash(k)?;
                    d.insert_with(h, k.clone(), v.clone(), &mut |a, b| {
                        Ok(a.as_str() == b.as_str())
                    })?;
                }
            }
            Some(new_dict_obj(d))
        } else {
            None
        };
        let kwdefaults = if flags & make_function::KWDEFAULTS != 0 {
            pop(frame).as_obj().cloned()
        } else {
            None
        };
        let defaults = if flags & make_function::DEFAULTS != 0 {
            pop(frame).as_tuple().map(Arc::from)
        } else {
            None
        };
        let Some(Payload::Code(code)) = code_v.payload() else {
            return Err(type_error("MakeFunction expects a code object"));
        };
        let module = self
            .dict_get_str(frame.globals, &Value::str("__name__"))
            .unwrap_or(Value::None);
        let func = Function {
            name: GilCell::new(code.name.clone()),
            qualname: GilCell::new(code.qualname.clone()),
            doc: GilCell::new(code.docstring()),
            code: code.clone(),
            globals: frame.globals.clone(),
            builtins: frame.builtins.clone(),
            module,
            defaults: GilCell::new(defaults),
            kwdefaults: GilCell::new(kwdefaults),
            annotations: GilCell::new(annotations),
            closure: closure.into(),
        };
        let f = crate::object::value::new_instance(
            types().function.clone(),
            Payload::Function(func),
            true,
        );
        frame.stack.push(f);
        Ok(())
    }

    /// `Call(argc)`: `[callable, self_or_NULL, args..]`.
    fn call_instr(
        &mut self,
        frame: &mut Frame<'_>,
        argc: usize,
        kwnames: Option<Value>,
    ) -> PyResult<()> {
        let len = frame.stack.len();
        let self_slot = len - argc - 1;
        let has_self = !frame.stack[self_slot].is_null();
        let func_slot = self_slot - 1;
        let args_start = if has_self { self_slot } else { self_slot + 1 };
        let callable = std::mem::take(&mut frame.stack[func_slot]);
        let nkw = kwnames
            .as_ref()
            .and_then(|k| k.as_tuple())
            .map_or(0, <[Value]>::len);
        let npos = len - args_start - nkw;
        let result = {
            let all = &frame.stack[args_start..];
            let args = Args {
                pos: &all[..npos],
                kw_names: kwnames.as_ref().and_then(|k| k.as_tuple()).unwrap_or(&[]),
                kw_values: &all[npos..],
            };
            if npos == 0 && nkw == 0 && is_super_type(&callable) {
                self.zero_arg_super(frame)
            } else {
                self.call(&callable, args)
            }
        };
        frame.stack.truncate(func_slot);
        frame.stack.push(result?);
        Ok(())
    }

    fn call_function_ex(&mut self, frame: &mut Frame<'_>, has_kwargs: bool) -> PyResult<()> {
        let kwargs = if has_kwargs { Some(pop(frame)) } else { None };
        let args = pop(frame);
        let self_ = pop(frame);
        let callable = pop(frame);
        let mut pos: Vec<Value> = Vec::new();
        if !self_.is_null() {
            pos.push(self_);
        }
        match args.as_tuple() {
            Some(t) => pos.extend_from_slice(t),
            None => pos.extend(self.iterate(&args)?),
        }
        let (names, values) = match &kwargs {
            Some(k) => self.kwargs_from_dict(k)?,
            None => (Vec::new(), Vec::new()),
        };
        let result = self.call(
            &callable,
            Args {
                pos: &pos,
                kw_names: &names,
                kw_values: &values,
            },
        )?;
        frame.stack.push(result);
        Ok(())
    }

    /// `super()` with no arguments: the class from the `__class__` cell and the first argument
    /// of the calling function.
    fn zero_arg_super(&mut self, frame: &Frame<'_>) -> PyResult<Value> {
        let co = &frame.code.co;
        if co.argcount == 0 && co.flags & crate::compile::bytecode::code_flags::VARARGS == 0 {
            return Err(runtime_error("super(): no arguments"));
        }
        let mut first = frame.fast.first().cloned().unwrap_or(Value::Null);
        if first.is_null() {
            // The first argument may have been moved into a cell.
            if let Some((cell, _)) = co.cell2arg.iter().find(|(_, arg)| *arg == 0)
                && let Payload::Cell(c) = &frame.cells[*cell as usize].payload
            {
                first = c.get(&self.gil);
            }
        }
        if first.is_null() {
            return Err(runtime_error("super(): arg[0] deleted"));
        }
        let class_cell = co
            .freevars
            .iter()
            .position(|n| n == "__class__")
            .map(|i| co.cellvars.len() + i);
        let Some(i) = class_cell else {
            return Err(runtime_error("super(): __class__ cell not found"));
        };
        let class = match &frame.cells[i].payload {
            Payload::Cell(c) => c.get(&self.gil),
            _ => Value::Null,
        };
        let Value::Obj(class) = class else {
            return Err(runtime_error("super(): empty __class__ cell"));
        };
        if !matches!(class.payload, Payload::Type(_)) {
            return Err(runtime_error("super(): __class__ is not a type"));
        }
        self.new_super(class, first)
    }

    fn raise_instr(&mut self, _frame: &mut Frame<'_>, n: u32) -> PyResult<(PyErr, bool)> {
        match n {
            0 => {
                if self.handled.is_null() || self.handled.is_none() {
                    return Err(runtime_error("No active exception to reraise"));
                }
                Ok((self.reraise_value(self.handled.clone()), true))
            }
            1 => {
                let exc = _frame.stack.pop().unwrap_or(Value::None);
                Ok((self.make_exception(exc)?, false))
            }
            _ => {
                let cause = _frame.stack.pop().unwrap_or(Value::None);
                let exc = _frame.stack.pop().unwrap_or(Value::None);
                let err = self.make_exception(exc)?;
                let cause = if cause.is_none() {
                    Value::None
                } else {
                    self.make_exception(cause)
                        .map_err(|_| type_error("exception causes must derive from BaseException"))?
                        .value()
                };
                if let Some(d) = err.data() {
                    let mut d = d.borrow_mut(&self.gil);
                    d.cause = cause;
                    d.suppress_context = true;
                }
                Ok((err, false))
            }
        }
    }

    /// `raise X`: an exception instance as is, or a class called with no arguments.
    pub fn make_exception(&mut self, exc: Value) -> PyResult<PyErr> {
        let base = types().exception(ExcType::BaseException);
        if let Value::Obj(o) = &exc {
            if let Payload::Type(_) = &o.payload
                && is_subtype(o, base)
            {
                let inst = self.call(&exc, Args::positional(&[]))?;
                if let Value::Obj(i) = &inst
                    && matches!(i.payload, Payload::Exception(_))
                {
                    return Ok(PyErr::from_instance(i.clone()));
                }
                return Err(type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    self.type_name_of_class(o),
                    type_name(&inst, self)
                )));
            }
            if matches!(o.payload, Payload::Exception(_)) {
                return Ok(PyErr::from_instance(o.clone()));
            }
        }
        Err(type_error("exceptions must derive from BaseException"))
    }

    fn reraise_value(&self, exc: Value) -> PyErr {
        match exc {
            Value::Obj(o) if matches!(o.payload, Payload::Exception(_)) => PyErr::from_instance(o),
            _ => runtime_error("No active exception to reraise"),
        }
    }

    fn exception_matches(&mut self, exc: &Value, t: &Value) -> PyResult<bool> {
        let check = |c: &Value| -> PyResult<bool> {
            match c {
                Value::Obj(o)
                    if matches!(o.payload, Payload::Type(_))
                        && is_subtype(o, types().exception(ExcType::BaseException)) =>
                {
                    Ok(is_subtype(type_of(exc), o))
                }
                _ => Err(type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                )),
            }
        };
        if let Some(items) = t.as_tuple() {
            let mut found = false;
            for c in items {
                if check(c)? {
                    found = true;
                }
            }
            return Ok(found);
        }
        check(t)
    }

    fn type_name_of_class(&self, t: &ObjRef) -> String {
        type_data(t).name(&self.gil)
    }
}

fn is_super_type(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if Arc::ptr_eq(o, &types().super_))
}

/// The name of a value's type, for messages.
pub fn type_name(v: &Value, vm: &Vm) -> String {
    type_data(type_of(v)).name(&vm.gil)
}

fn restore_handled(prev: Option<Value>) -> Value {
    match prev {
        Some(Value::None) | None => Value::Null,
        Some(v) => v,
    }
}

fn unbound_local(name: &str) -> PyErr {
    PyErr::new(
        ExcType::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

#[inline]
fn pop(frame: &mut Frame<'_>) -> Value {
    frame.stack.pop().unwrap_or(Value::None)
}

#[inline]
fn peek(frame: &Frame<'_>, n: usize) -> Value {
    frame.stack[frame.stack.len() - n].clone()
}

fn pop_n(frame: &mut Frame<'_>, n: usize) -> Vec<Value> {
    let at = frame.stack.len() - n;
    frame.stack.split_off(at)
}

/// The outcome of one step of `yield from`.
pub enum Delegated {
    Yielded(Value),
    Returned(Value),
}

impl Vm {
    /// Sends a value into the sub-iterator of `yield from`.
    fn delegate(&mut self, sub: &Value, value: Value) -> PyResult<Delegated> {
        if let Some(Payload::Generator(g)) = sub.payload() {
            return Ok(match self.gen_resume(g, Resume::Send(value))? {
                super::generator::GenResult::Yielded(v) => Delegated::Yielded(v),
                super::generator::GenResult::Returned(v) => Delegated::Returned(v),
            });
        }
        let step = if value.is_none() {
            self.next(sub)
        } else {
            self.call_method(sub, "send", &[value]).map(Some)
        };
        match step {
            Ok(Some(v)) => Ok(Delegated::Yielded(v)),
            Ok(None) => Ok(Delegated::Returned(Value::None)),
            Err(e) if e.matches(ExcType::StopIteration) => {
                let v = e.args(&self.gil).into_iter().next().unwrap_or(Value::None);
                Ok(Delegated::Returned(v))
            }
            Err(e) => Err(e),
        }
    }

    /// The f-string field: conversion, then `format(value, spec)`.
    fn format_field(&mut self, v: Value, conv: Conversion, spec: Option<Value>) -> PyResult<Value> {
        let v = match conv {
            Conversion::None => v,
            Conversion::Str => Value::str(self.str(&v)?),
            Conversion::Repr => Value::str(self.repr(&v)?),
            Conversion::Ascii => Value::str(crate::builtins::str::ascii_of(self, &v)?),
        };
        let spec_str = spec.as_ref().and_then(Value::as_str).unwrap_or("");
        if spec_str.is_empty() && v.as_str().is_some() && type_of(&v).payload_is_exact_str() {
            return Ok(v);
        }
        Ok(Value::str(self.format(&v, spec_str)?))
    }
}

trait ExactStr {
    fn payload_is_exact_str(&self) -> bool;
}

impl ExactStr for ObjRef {
    fn payload_is_exact_str(&self) -> bool {
        Arc::ptr_eq(self, &types().str_)
    }
}
