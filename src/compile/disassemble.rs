//! The disassembler: a code object (and every code object nested in it) as readable text,
//! one instruction per line with its index, source line and operand resolved to the name or
//! constant it stands for, in the manner of Python's `dis`.
//!
//! ```
//! use gilpy::compile::{compile_source, disassemble::disassemble, Mode};
//! let code = compile_source("x = y + 1\n", "t.py", Mode::Exec).unwrap();
//! let text = disassemble(&code);
//! assert!(text.contains("BinaryOp             +"));
//! ```

use std::fmt::Write;

use super::bytecode::{
    BinaryOp, CodeObject, CompareOp, Constant, Conversion, Instr, UnaryOp, code_flags,
    make_function,
};
use super::codegen::jump_target;
use crate::object::{bytes::repr_bytes, format::float_repr, text::repr_str};

/// The listing of `code` followed by those of the code objects among its constants,
/// depth first.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    code_listing(code, &mut out);
    out
}

fn code_listing(code: &CodeObject, out: &mut String) {
    header(code, out);
    let targets: Vec<bool> = {
        let mut t = vec![false; code.instructions.len()];
        for instr in &code.instructions {
            if let Some(target) = jump_target(*instr)
                && let Some(slot) = t.get_mut(target as usize)
            {
                *slot = true;
            }
        }
        t
    };
    let mut last_line = None;
    for (index, instr) in code.instructions.iter().enumerate() {
        let line = code.line_at(index);
        let line_text = if last_line == Some(line) {
            String::new()
        } else {
            line.to_string()
        };
        last_line = Some(line);
        let marker = if targets[index] { ">>" } else { "" };
        let operand = operand(code, *instr);
        let text = format!(
            "{line_text:>4} {marker:>3} {index:>4} {:<20} {operand}",
            name(*instr)
        );
        let _ = writeln!(out, "{}", text.trim_end());
    }
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            out.push('\n');
            code_listing(inner, out);
        }
    }
}

fn header(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code object {} at {}, line {}>:",
        code.name, code.filename, code.first_line
    );
    let _ = writeln!(
        out,
        "qualname {}, argcount {} (positional-only {}, keyword-only {}), stacksize {}, flags {}",
        code.qualname,
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.stacksize,
        flag_names(code.flags)
    );
    let lists = [
        ("varnames", &code.varnames),
        ("cellvars", &code.cellvars),
        ("freevars", &code.freevars),
    ];
    for (what, names) in lists {
        if !names.is_empty() {
            let _ = writeln!(out, "{what}: {}", names.join(", "));
        }
    }
    if !code.consts.is_empty() {
        let shown: Vec<String> = code.consts.iter().map(repr).collect();
        let _ = writeln!(out, "consts: {}", shown.join(", "));
    }
    if !code.cell2arg.is_empty() {
        let pairs: Vec<String> = code
            .cell2arg
            .iter()
            .map(|(cell, arg)| format!("cell {cell} = argument {arg}"))
            .collect();
        let _ = writeln!(out, "cell2arg: {}", pairs.join(", "));
    }
}

fn flag_names(flags: u32) -> String {
    let known = [
        (code_flags::OPTIMIZED, "OPTIMIZED"),
        (code_flags::NEWLOCALS, "NEWLOCALS"),
        (code_flags::VARARGS, "VARARGS"),
        (code_flags::VARKEYWORDS, "VARKEYWORDS"),
        (code_flags::NESTED, "NESTED"),
        (code_flags::GENERATOR, "GENERATOR"),
        (code_flags::HAS_DOCSTRING, "HAS_DOCSTRING"),
    ];
    let names: Vec<&str> = known
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, name)| *name)
        .collect();
    if names.is_empty() {
        "0".to_string()
    } else {
        names.join("|")
    }
}

/// The instruction's name: its variant, without operands.
fn name(instr: Instr) -> String {
    let debug = format!("{instr:?}");
    match debug.find('(') {
        Some(i) => debug[..i].to_string(),
        None => debug,
    }
}

fn operand(code: &CodeObject, instr: Instr) -> String {
    use Instr::*;
    let indexed = |i: u32, list: &[String]| -> String {
        let shown = list.get(i as usize).map_or("?", |s| s.as_str());
        format!("{i} ({shown})")
    };
    let cell = |i: u32| -> String {
        let i = i as usize;
        let shown = code
            .cellvars
            .get(i)
            .or_else(|| code.freevars.get(i.wrapping_sub(code.cellvars.len())))
            .map_or("?", |s| s.as_str());
        format!("{i} ({shown})")
    };
    match instr {
        LoadConst(i) | KwNames(i) => {
            let shown = code.consts.get(i as usize).map_or("?".to_string(), repr);
            format!("{i} ({shown})")
        }
        LoadFast(i) | StoreFast(i) | DeleteFast(i) => indexed(i, &code.varnames),
        LoadDeref(i) | StoreDeref(i) | DeleteDeref(i) | LoadClassDeref(i) | LoadClosure(i) => {
            cell(i)
        }
        LoadName(i) | StoreName(i) | DeleteName(i) | LoadGlobal(i) | StoreGlobal(i)
        | DeleteGlobal(i) | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i) | LoadMethod(i)
        | ImportName(i) | ImportFrom(i) => indexed(i, &code.names),
        Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
        | JumpIfTrueOrPop(t) | ForIter(t) | SetupFinally(t) | SetupWith(t) => format!("to {t}"),
        BinaryOp(op) => binary_symbol(op).to_string(),
        InplaceOp(op) => format!("{}=", binary_symbol(op)),
        UnaryOp(op) => unary_symbol(op).to_string(),
        CompareOp(op) => compare_symbol(op).to_string(),
        IsOp(negated) => if negated { "is not" } else { "is" }.to_string(),
        ContainsOp(negated) => if negated { "not in" } else { "in" }.to_string(),
        FormatValue(conv, spec) => format_value(conv, spec),
        MakeFunction(flags) => make_function_parts(flags),
        CallFunctionEx(kwargs) => if kwargs { "with kwargs" } else { "" }.to_string(),
        UnpackEx(before, after) => format!("{before}, {after}"),
        Copy(n) | Swap(n) | BuildSlice(n) | BuildTuple(n) | BuildList(n) | BuildSet(n)
        | BuildMap(n) | BuildString(n) | ListAppend(n) | SetAdd(n) | MapAdd(n) | ListExtend(n)
        | SetUpdate(n) | DictUpdate(n) | DictMerge(n) | UnpackSequence(n) | Call(n) | Raise(n) => {
            n.to_string()
        }
        Nop | Pop | PushNull | BinarySubscr | StoreSubscr | DeleteSubscr | CheckExcMatch
        | ListToTuple | GetIter | ReturnValue | YieldValue | GetYieldFromIter | YieldFrom
        | LoadBuildClass | PopBlock | PopExcept | Reraise | LoadAssertionError | BeforeWith
        | WithExceptStart | ImportStar | SetupAnnotations | PrintExpr => String::new(),
    }
}

fn binary_symbol(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mult => "*",
        BinaryOp::MatMult => "@",
        BinaryOp::Div => "/",
        BinaryOp::Mod => "%",
        BinaryOp::Pow => "**",
        BinaryOp::LShift => "<<",
        BinaryOp::RShift => ">>",
        BinaryOp::BitOr => "|",
        BinaryOp::BitXor => "^",
        BinaryOp::BitAnd => "&",
        BinaryOp::FloorDiv => "//",
    }
}

fn unary_symbol(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Invert => "~",
        UnaryOp::Not => "not",
        UnaryOp::Positive => "+",
        UnaryOp::Negative => "-",
    }
}

fn compare_symbol(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "<",
        CompareOp::Le => "<=",
        CompareOp::Eq => "==",
        CompareOp::Ne => "!=",
        CompareOp::Gt => ">",
        CompareOp::Ge => ">=",
    }
}

fn format_value(conv: Conversion, spec: bool) -> String {
    let conv = match conv {
        Conversion::None => None,
        Conversion::Str => Some("str"),
        Conversion::Repr => Some("repr"),
        Conversion::Ascii => Some("ascii"),
    };
    match (conv, spec) {
        (None, false) => String::new(),
        (None, true) => "with format".to_string(),
        (Some(c), false) => c.to_string(),
        (Some(c), true) => format!("{c}, with format"),
    }
}

fn make_function_parts(flags: u8) -> String {
    let parts = [
        (make_function::DEFAULTS, "defaults"),
        (make_function::KWDEFAULTS, "kwdefaults"),
        (make_function::ANNOTATIONS, "annotations"),
        (make_function::CLOSURE, "closure"),
    ];
    let names: Vec<&str> = parts
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, name)| *name)
        .collect();
    if names.is_empty() {
        "0".to_string()
    } else {
        names.join(", ")
    }
}

/// A constant as Python's `repr` shows it (code objects by name and line).
fn repr(constant: &Constant) -> String {
    match constant {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
        Constant::Str(s) => repr_str(s),
        Constant::Bytes(b) => repr_bytes(b),
        Constant::Tuple(items) if items.len() == 1 => format!("({},)", repr(&items[0])),
        Constant::Tuple(items) => {
            let shown: Vec<String> = items.iter().map(repr).collect();
            format!("({})", shown.join(", "))
        }
        Constant::FrozenSet(items) => {
            let shown: Vec<String> = items.iter().map(repr).collect();
            format!("frozenset({{{}}})", shown.join(", "))
        }
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Code(code) => format!("<code object {}, line {}>", code.name, code.first_line),
    }
}

/// `1j`, `(1+2j)`, `(-0-1j)`: parts without a trailing `.0`, as complex's repr shows them.
fn complex_repr(real: f64, imag: f64) -> String {
    let part = |x: f64| {
        let text = float_repr(x);
        text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
    };
    if real == 0.0 && real.is_sign_positive() {
        return format!("{}j", part(imag));
    }
    let imag = part(imag);
    let sign = if imag.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{imag}j)", part(real))
}
