//! Generators: a suspended frame kept in the generator object, resumed by `send`, `throw` and
//! `close` (and `next`, which sends None), with CPython's rules and messages.

use super::Vm;
use super::code::Code;
use super::eval::{FrameExit, Resume};
use super::exceptions::{PyErr, PyResult, stop_iteration, type_error, value_error};
use super::frame::{Frame, FrameState};
use crate::object::gil_cell::GilCell;
use crate::object::typeobj::ExcType;
use crate::object::value::ObjRef;
use crate::object::value::{Payload, Value};
use std::sync::Arc;

#[derive(Debug)]
pub enum GenState {
    /// Created, not yet started.
    Created(Box<FrameState>),
    Suspended(Box<FrameState>),
    Running,
    Finished,
}

#[derive(Debug)]
pub struct Generator {
    pub state: GilCell<GenState>,
    /// The generator's own handled exception while it is suspended inside an except block.
    pub handled: GilCell<Value>,
    pub name: Value,
    pub qualname: Value,
    code: Arc<Code>,
    globals: ObjRef,
    builtins: ObjRef,
}

/// What one resumption produced.
pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

impl Generator {
    /// A generator for a function frame that has its arguments bound but has not run.
    pub fn new_value(frame: Frame<'_>) -> Value {
        let name = frame.code.name.clone();
        let qualname = frame.code.qualname.clone();
        let code = frame.code.clone();
        let globals = frame.globals.clone();
        let builtins = frame.builtins.clone();
        Value::obj(Payload::Generator(Generator {
            state: GilCell::new(GenState::Created(Box::new(frame.into_state()))),
            handled: GilCell::new(Value::Null),
            name,
            qualname,
            code,
            globals,
            builtins,
        }))
    }
}

impl Vm {
    /// Resumes a generator with a sent value or a thrown exception.
    pub fn gen_resume(&mut self, generator: &Generator, resume: Resume) -> PyResult<GenResult> {
        let state = generator.state.replace(&self.gil, GenState::Running);
        let mut state = match state {
            GenState::Created(frame) => {
                if let Resume::Send(v) = &resume
                    && !v.is_none()
                {
                    generator.state.replace(&self.gil, GenState::Created(frame));
                    return Err(type_error(
                        "can't send non-None value to a just-started generator",
                    ));
                }
                frame
            }
            GenState::Suspended(frame) => frame,
            GenState::Running => {
                return Err(value_error("generator already executing"));
            }
            GenState::Finished => {
                generator.state.replace(&self.gil, GenState::Finished);
                return match resume {
                    Resume::Throw(e) => Err(e),
                    _ => Err(stop_iteration(Value::None)),
                };
            }
        };
        // A generator sees the caller's handled exception unless it suspended inside its own
        // except block.
        let own = generator.handled.replace(&self.gil, Value::Null);
        let caller_handled = if own.is_null() {
            self.handled.clone()
        } else {
            std::mem::replace(&mut self.handled, own)
        };
        // The box is reused for the next suspension: resuming allocates nothing.
        let taken = std::mem::take(&mut *state);
        let mut frame = Frame::resume(
            &generator.code,
            &generator.globals,
            &generator.builtins,
            taken,
        );
        let result = self.run_frame(&mut frame, resume);
        *state = frame.into_state();
        let frame = state;
        let own = std::mem::replace(&mut self.handled, caller_handled);
        match result {
            Ok(FrameExit::Yield(v)) => {
                if frame.in_handler() {
                    generator.handled.replace(&self.gil, own);
                }
                generator
                    .state
                    .replace(&self.gil, GenState::Suspended(frame));
                Ok(GenResult::Yielded(v))
            }
            Ok(FrameExit::Return(v)) => {
                generator.state.replace(&self.gil, GenState::Finished);
                Ok(GenResult::Returned(v))
            }
            Err(e) => {
                generator.state.replace(&self.gil, GenState::Finished);
                Err(convert_stop_iteration(e))
            }
        }
    }

    /// `next(gen)`: a yielded value, or `Ok(None)` when the generator returned.
    pub fn gen_next(&mut self, generator: &Generator) -> PyResult<Option<Value>> {
        match self.gen_resume(generator, Resume::Send(Value::None))? {
            GenResult::Yielded(v) => Ok(Some(v)),
            GenResult::Returned(_) => Ok(None),
        }
    }

    /// `gen.send(v)`: the next yielded value; a return raises `StopIteration(value)`.
    pub fn gen_send(&mut self, generator: &Generator, value: Value) -> PyResult<Value> {
        match self.gen_resume(generator, Resume::Send(value))? {
            GenResult::Yielded(v) => Ok(v),
            GenResult::Returned(v) => Err(stop_iteration(v)),
        }
    }

    /// `gen.throw(exc)`.
    pub fn gen_throw(&mut self, generator: &Generator, err: PyErr) -> PyResult<Value> {
        // Thrown into an unstarted generator: it finishes without running.
        let created = matches!(&*generator.state.borrow(&self.gil), GenState::Created(_));
        if created {
            generator.state.replace(&self.gil, GenState::Finished);
            return Err(err);
        }
        match self.gen_resume(generator, Resume::Throw(err))? {
            GenResult::Yielded(v) => Ok(v),
            GenResult::Returned(v) => Err(stop_iteration(v)),
        }
    }

    /// `gen.close()`: throw GeneratorExit in and expect it back (or a return).
    pub fn gen_close(&mut self, generator: &Generator) -> PyResult<Value> {
        let startable = matches!(
            &*generator.state.borrow(&self.gil),
            GenState::Created(_) | GenState::Finished
        );
        if startable {
            generator.state.replace(&self.gil, GenState::Finished);
            return Ok(Value::None);
        }
        let exit = PyErr::with_args(ExcType::GeneratorExit, vec![]);
        match self.gen_resume(generator, Resume::Throw(exit)) {
            Ok(GenResult::Yielded(_)) => Err(super::exceptions::runtime_error(
                "generator ignored GeneratorExit",
            )),
            Ok(GenResult::Returned(_)) => Ok(Value::None),
            Err(e) if e.matches(ExcType::GeneratorExit) || e.matches(ExcType::StopIteration) => {
                Ok(Value::None)
            }
            Err(e) => Err(e),
        }
    }
}

/// A `StopIteration` escaping a generator's body becomes `RuntimeError: generator raised
/// StopIteration` (PEP 479), with the original as its cause.
fn convert_stop_iteration(e: PyErr) -> PyErr {
    if !e.matches(ExcType::StopIteration) {
        return e;
    }
    let err = super::exceptions::runtime_error("generator raised StopIteration");
    let gil = unsafe { crate::object::gil_cell::Gil::assume_held() };
    if let Some(d) = err.data() {
        let mut d = d.borrow_mut(&gil);
        d.cause = e.value();
        d.context = e.value();
        d.suppress_context = true;
    }
    err
}
