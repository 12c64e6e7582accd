//! The bytecode: the instruction set shared by the code generator and the evaluation loop, and
//! the code object that carries a compiled function, class body or module.
//!
//! The machine is a stack machine close to CPython 3.11's: each frame has fast locals, cells,
//! a value stack and a block stack. Exceptions are handled with a run-time block stack
//! (`SetupFinally`/`PopBlock`) rather than 3.11's exception tables, because it keeps the code
//! generator simple; what a program can observe is the same.
//!
//! Stack effects below are written `[before] -> [after]`, top of stack on the right.

use std::sync::Arc;

use num_bigint::BigInt;

/// A compile-time constant. The evaluation loop turns these into values once per code object.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// The items of a set display of constants, folded as CPython folds them (a frozenset
    /// constant: its iteration order is what the display's set starts from).
    FrozenSet(Vec<Constant>),
    Ellipsis,
    Code(Arc<CodeObject>),
}

/// Binary operators, in the order of `ast.Operator`; the in-place forms (`+=`) are separate
/// because they try `__iadd__` first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    Positive,
    Negative,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

/// The conversion of an f-string field, for `FormatValue`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

/// Flags of `MakeFunction`: which optional parts lie on the stack below the code object.
pub mod make_function {
    pub const DEFAULTS: u8 = 0x01;
    pub const KWDEFAULTS: u8 = 0x02;
    pub const ANNOTATIONS: u8 = 0x04;
    pub const CLOSURE: u8 = 0x08;
}

/// One instruction. Operands named `name` index `CodeObject::names`, `local` indexes
/// `varnames`, `cell` indexes cellvars followed by freevars, `const_` indexes `consts`, and jump
/// targets are absolute instruction indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    Nop,

    // ---- stack manipulation ----
    /// `[a] -> []`
    Pop,
    /// `[.., a] -> [.., a, stack[-n]]`: push a copy of the n-th item (1 = top).
    Copy(u32),
    /// Exchange the top with the n-th item (n >= 2).
    Swap(u32),
    /// `[] -> [NULL]`: the empty "self" slot of a call (see `Call`).
    PushNull,

    // ---- names ----
    /// `[] -> [consts[i]]`
    LoadConst(u32),
    /// Push a fast local; unbound raises `UnboundLocalError: cannot access local variable 'x'
    /// where it is not associated with a value`.
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Push the contents of a cell (cellvars then freevars). An empty cell raises
    /// `UnboundLocalError` for a cellvar and `NameError: cannot access free variable 'x' where
    /// it is not associated with a value in enclosing scope` for a freevar.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Class bodies only: look the name (of the cell) up in the class namespace first, then in
    /// the cell.
    LoadClassDeref(u32),
    /// Push the cell object itself (to build a closure tuple).
    LoadClosure(u32),
    /// Module and class bodies: the frame's namespace, then globals, then builtins; `NameError:
    /// name 'x' is not defined`.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// Globals, then builtins.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),

    // ---- attributes and items ----
    /// `[obj] -> [obj.name]`
    LoadAttr(u32),
    /// `[value, obj] -> []`: `obj.name = value`
    StoreAttr(u32),
    /// `[obj] -> []`
    DeleteAttr(u32),
    /// `[obj] -> [method, obj]` when `obj.name` is a function found on the type (so the call
    /// can skip making a bound method), otherwise `[obj] -> [obj.name, NULL]`.
    LoadMethod(u32),
    /// `[container, key] -> [container[key]]`
    BinarySubscr,
    /// `[value, container, key] -> []`
    StoreSubscr,
    /// `[container, key] -> []`
    DeleteSubscr,
    /// `[start, stop] -> [slice]` or, with 3, `[start, stop, step] -> [slice]`.
    BuildSlice(u32),

    // ---- operators ----
    /// `[a, b] -> [a op b]`
    BinaryOp(BinaryOp),
    /// `[a, b] -> [a op= b]`: tries the in-place method first.
    InplaceOp(BinaryOp),
    /// `[a] -> [op a]`
    UnaryOp(UnaryOp),
    /// `[a, b] -> [a op b]`
    CompareOp(CompareOp),
    /// `[a, b] -> [a is b]`, or `is not` when the flag is set.
    IsOp(bool),
    /// `[a, b] -> [a in b]`, or `not in` when the flag is set.
    ContainsOp(bool),
    /// `[exc, type] -> [exc, bool]`: does the exception match the `except` clause's type (or
    /// tuple of types)? A non-class raises `TypeError: catching classes that do not inherit
    /// from BaseException is not allowed`.
    CheckExcMatch,

    // ---- building values ----
    /// `[a1 .. an] -> [(a1, .., an)]`
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `[k1, v1, .., kn, vn] -> [{k1: v1, ..}]`
    BuildMap(u32),
    /// `[s1 .. sn] -> [s1 + .. + sn]` for f-strings (all operands are str).
    BuildString(u32),
    /// `[value] -> [str]` or, with the spec flag, `[value, spec] -> [str]`.
    FormatValue(Conversion, bool),
    /// `[.., list, .., v] -> [.., list, ..]`: append v to the list `n` items below the top
    /// (counted after popping v) — comprehensions.
    ListAppend(u32),
    SetAdd(u32),
    /// `[.., dict, .., k, v] -> [.., dict, ..]`
    MapAdd(u32),
    /// `[.., list, .., iterable] -> [.., list, ..]`: extend the list at depth n.
    ListExtend(u32),
    SetUpdate(u32),
    /// `{**m}` in a display: update the dict at depth n with a mapping (`TypeError: 'int'
    /// object is not a mapping`).
    DictUpdate(u32),
    /// `f(**m)`: like `DictUpdate`, but a repeated key raises `TypeError: f() got multiple
    /// values for keyword argument 'k'` (the function is found at depth n + 3, below the NULL
    /// slot and the positional tuple).
    DictMerge(u32),
    /// `[list] -> [tuple]`
    ListToTuple,
    /// `[seq] -> [vn .. v1]`: unpack exactly n items, the first ends on top.
    UnpackSequence(u32),
    /// `[seq] -> [after.., list, before..]` for `a, *b, c = seq` (before, after counts).
    UnpackEx(u32, u32),

    // ---- control flow ----
    /// Unconditional jump. A jump to an earlier instruction is a backward jump: the loop
    /// checks `eval_breaker` there, as CPython 3.11 does.
    Jump(u32),
    /// `[v] -> []`, jump when v is false.
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// `[v] -> [v]` and jump when v is false, else `[v] -> []` (for `and`).
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// `[iterable] -> [iterator]`
    GetIter,
    /// `[iterator] -> [iterator, next]`, or pop the iterator and jump when it is exhausted.
    ForIter(u32),

    // ---- functions and calls ----
    /// `[defaults?, kwdefaults?, annotations?, closure?, code] -> [function]`, see
    /// [`make_function`]. Defaults is a tuple, kwdefaults a dict, annotations a tuple of
    /// alternating names and values, closure a tuple of cells. The qualified name is the code
    /// object's.
    MakeFunction(u8),
    /// Set the keyword names (a tuple constant) for the next `Call`.
    KwNames(u32),
    /// `[callable, self_or_NULL, a1 .. an] -> [result]`. When the second slot is not NULL it
    /// is passed as the first argument (a method call prepared by `LoadMethod`). When
    /// `KwNames` came just before, the last len(kwnames) arguments are keyword arguments.
    Call(u32),
    /// `[callable, self_or_NULL, args_tuple] -> [result]`, or with the flag
    /// `[callable, self_or_NULL, args_tuple, kwargs_dict] -> [result]` (`f(*a, **k)`).
    CallFunctionEx(bool),
    /// `[value] -> (returned)`
    ReturnValue,
    /// `[value] -> (yielded)`; on resumption the sent value is pushed.
    YieldValue,
    /// `[iterable] -> [iterator]` for `yield from` (a generator is used as is).
    GetYieldFromIter,
    /// `[iterator, value] -> (yielded)`: send value to the sub-iterator; if it yields, this
    /// frame yields the same and resumes at this instruction with the sent value replacing
    /// `value`; when it finishes, `[iterator, value] -> [return value]`.
    YieldFrom,
    /// `[] -> [builtins.__build_class__]`
    LoadBuildClass,

    // ---- exceptions ----
    /// Push a block: an exception raised before the matching `PopBlock` unwinds the value
    /// stack to its height at this point, pushes `[previous handled exception, exc]` (the
    /// previous may be None), makes exc the handled exception (`sys.exc_info()`), pushes an
    /// except-handler block and jumps to the handler.
    SetupFinally(u32),
    /// Pop the innermost `SetupFinally` block (its body ended normally).
    PopBlock,
    /// Leave an except handler: pop its except-handler block, remove the saved previous
    /// exception from the value stack (it sits at the height where the handler began; values
    /// above it stay) and make it the handled exception again.
    PopExcept,
    /// `[exc] -> (raised)`: re-raise an exception as is (keeping its traceback).
    Reraise,
    /// `raise` (0), `raise exc` (1), `raise exc from cause` (2).
    Raise(u32),
    /// `[] -> [AssertionError]`
    LoadAssertionError,
    /// `[manager] -> [bound __exit__, result of __enter__()]`; a missing method raises
    /// `TypeError: 'X' object does not support the context manager protocol`.
    BeforeWith,
    /// `[exit, prev_exc, exc] -> [exit, prev_exc, exc, exit(type, exc, tb)]`.
    WithExceptStart,
    /// Push a block exactly like `SetupFinally`, except that the stack height recorded for the
    /// handler leaves out the top item. It comes right after `BeforeWith`, whose `__enter__`
    /// result is on top and is consumed next by the `as` target (or popped): so an exception
    /// in that assignment or in the body reaches the handler as `[.., exit, prev_exc, exc]`,
    /// the layout `WithExceptStart` expects (an exception in `__enter__` itself, before this
    /// block exists, does not call `__exit__`, as PEP 343 says).
    SetupWith(u32),

    // ---- modules, classes and the REPL ----
    /// `[level, fromlist] -> [module]`: `__import__(name, globals, None, fromlist, level)`.
    ImportName(u32),
    /// `[module] -> [module, module.name]`; a missing name raises `ImportError: cannot import
    /// name 'x' from 'm' (path)`.
    ImportFrom(u32),
    /// `[module] -> []`: `from m import *`.
    ImportStar,
    /// Create `__annotations__` in the namespace if it is missing (module and class bodies).
    SetupAnnotations,
    /// `[value] -> []`: the REPL's echo through `sys.displayhook`.
    PrintExpr,
}

/// `CodeObject::flags` bits (CPython's values, so `co_flags` reads the same).
pub mod code_flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    /// Not CPython's: the first constant is the docstring.
    pub const HAS_DOCSTRING: u32 = 0x4000_0000;
}

/// Where an instruction came from, for tracebacks: 1-based lines, 0-based UTF-8 byte columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// A compiled module, class body, function, lambda or comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `f`, `<lambda>`, `<listcomp>`, `<module>`, or the class name.
    pub name: String,
    /// `C.f`, `f.<locals>.g`, `f.<locals>.<lambda>`.
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    /// Positional parameters, including positional-only ones.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Fast locals: the parameters first (positional, keyword-only, then `*args` and
    /// `**kwargs`), then the other locals. Empty for module and class bodies.
    pub varnames: Vec<String>,
    /// Names bound here and used by nested functions.
    pub cellvars: Vec<String>,
    /// Names taken from enclosing functions (filled from the closure tuple).
    pub freevars: Vec<String>,
    /// For each cellvar that is also a parameter: (cell index, local index), copied into the
    /// cell when the frame starts.
    pub cell2arg: Vec<(u32, u32)>,
    /// Names for name, global, attribute and import instructions.
    pub names: Vec<String>,
    pub consts: Vec<Constant>,
    pub instructions: Vec<Instr>,
    /// The deepest the value stack gets (the frame reserves it up front).
    pub stacksize: u32,
    /// One location per instruction.
    pub locations: Vec<Location>,
}

impl CodeObject {
    pub fn is_generator(&self) -> bool {
        self.flags & code_flags::GENERATOR != 0
    }

    /// The number of cell and free variable slots.
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// The line of the instruction at `index` (the traceback's `line N`).
    pub fn line_at(&self, index: usize) -> u32 {
        self.locations
            .get(index)
            .map_or(self.first_line, |l| l.line)
    }
}
