//! Unit tests of the code generator: the instructions, names, flags and locations it chooses
//! for small inputs.

use std::sync::Arc;

use super::super::bytecode::{BinaryOp, CodeObject, Constant, Instr, Location, code_flags};
use super::super::{Mode, compile_source};
use super::verify;

fn compile(source: &str) -> Arc<CodeObject> {
    let code = compile_source(source, "t.py", Mode::Exec).unwrap();
    verify(&code).unwrap();
    code
}

/// The code object with this qualified name, searched depth first.
fn find(code: &Arc<CodeObject>, qualname: &str) -> Arc<CodeObject> {
    fn search(code: &Arc<CodeObject>, qualname: &str) -> Option<Arc<CodeObject>> {
        if code.qualname == qualname {
            return Some(Arc::clone(code));
        }
        code.consts.iter().find_map(|c| match c {
            Constant::Code(inner) => search(inner, qualname),
            _ => None,
        })
    }
    search(code, qualname).unwrap_or_else(|| panic!("no code object {qualname}"))
}

fn name_of(code: &CodeObject, instr: Instr) -> Option<&str> {
    let i = match instr {
        Instr::LoadName(i) | Instr::StoreName(i) | Instr::LoadGlobal(i) | Instr::StoreGlobal(i) => {
            i
        }
        Instr::LoadAttr(i) | Instr::StoreAttr(i) | Instr::LoadMethod(i) => i,
        _ => return None,
    };
    code.names.get(i as usize).map(String::as_str)
}

#[test]
fn names_are_reached_by_their_scope() {
    let code = compile(
        "g = 1\n\
         def f(a):\n    global h\n    h = a + g\n    c = 1\n    def inner():\n        nonlocal c\n        c = c + 1\n    class K:\n        x = c\n        y = g\n    return inner\n",
    );
    let f = find(&code, "f");
    assert!(f.instructions.contains(&Instr::StoreGlobal(1)));
    assert_eq!(name_of(&f, Instr::StoreGlobal(1)), Some("h"));
    assert!(f.instructions.contains(&Instr::LoadGlobal(0)));
    assert_eq!(f.cellvars, ["c"]);
    let inner = find(&code, "f.<locals>.inner");
    assert_eq!(inner.freevars, ["c"]);
    assert!(inner.instructions.contains(&Instr::LoadDeref(0)));
    assert!(inner.instructions.contains(&Instr::StoreDeref(0)));
    // A class body reads a free variable through its own namespace first; a global it
    // does not bind by name.
    let k = find(&code, "f.<locals>.K");
    assert!(k.instructions.contains(&Instr::LoadClassDeref(0)));
    assert!(
        k.instructions
            .iter()
            .any(|&i| matches!(i, Instr::LoadName(_)) && name_of(&k, i) == Some("g"))
    );
}

#[test]
fn private_names_are_mangled_in_classes() {
    let code = compile(
        "class _Ham:\n    __slot = 1\n    def m(self):\n        self.__spam = __eggs\n        return self.__dunder__\n",
    );
    let ham = find(&code, "_Ham");
    assert!(ham.names.contains(&"_Ham__slot".to_string()));
    let m = find(&code, "_Ham.m");
    assert!(m.names.contains(&"_Ham__spam".to_string()));
    assert!(m.names.contains(&"_Ham__eggs".to_string()));
    assert!(m.names.contains(&"__dunder__".to_string()));
}

#[test]
fn docstrings() {
    let code = compile(
        "'''module doc'''\ndef f():\n    'f doc'\n    return 1\ndef g():\n    return 'x'\n",
    );
    assert!(code.names.contains(&"__doc__".to_string()));
    let f = find(&code, "f");
    assert_ne!(f.flags & code_flags::HAS_DOCSTRING, 0);
    assert_eq!(f.consts[0], Constant::Str("f doc".into()));
    let g = find(&code, "g");
    assert_eq!(g.flags & code_flags::HAS_DOCSTRING, 0);
    assert_eq!(g.consts[0], Constant::None);
}

#[test]
fn qualified_names() {
    let code = compile(
        "def f():\n    global h\n    def h(): pass\n    class C:\n        def m(self): return [lambda: 0 for _ in ()]\n    return lambda: 1\n",
    );
    find(&code, "h");
    find(&code, "f.<locals>.C.m");
    find(&code, "f.<locals>.C.m.<locals>.<listcomp>");
    find(&code, "f.<locals>.C.m.<locals>.<listcomp>.<lambda>");
    find(&code, "f.<locals>.<lambda>");
}

#[test]
fn flags() {
    let code = compile(
        "def f(*a, **k):\n    def g():\n        yield\n    return g\nclass C:\n    def m(self): pass\n",
    );
    let f = find(&code, "f");
    let want = code_flags::OPTIMIZED
        | code_flags::NEWLOCALS
        | code_flags::VARARGS
        | code_flags::VARKEYWORDS;
    assert_eq!(f.flags, want);
    let g = find(&code, "f.<locals>.g");
    assert_ne!(g.flags & code_flags::NESTED, 0);
    assert!(g.is_generator());
    assert_eq!(find(&code, "C").flags, 0);
    assert_eq!(find(&code, "C.m").flags & code_flags::NESTED, 0);
}

#[test]
fn parameters_come_first_in_varnames_and_cells_map_to_them() {
    let code = compile("def f(a, /, b, *args, c, **kw):\n    x = 1\n    return lambda: (b, x)\n");
    let f = find(&code, "f");
    assert_eq!(f.varnames, ["a", "b", "c", "args", "kw"]);
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (2, 1, 1));
    assert_eq!(f.cellvars, ["b", "x"]);
    assert_eq!(f.cell2arg, [(0, 1)]);
}

fn location_of(code: &CodeObject, wanted: impl Fn(Instr) -> bool) -> Location {
    let i = code
        .instructions
        .iter()
        .position(|&i| wanted(i))
        .expect("instruction");
    code.locations[i]
}

fn loc(line: u32, col: u32, end_line: u32, end_col: u32) -> Location {
    Location {
        line,
        col,
        end_line,
        end_col,
    }
}

#[test]
fn operations_carry_their_whole_range() {
    let code = compile("x = 1\ny = (a.b + c[0]) * f(\n  x)\n");
    let add = location_of(&code, |i| i == Instr::BinaryOp(BinaryOp::Add));
    assert_eq!(add, loc(2, 5, 2, 15));
    let mul = location_of(&code, |i| i == Instr::BinaryOp(BinaryOp::Mult));
    assert_eq!(mul, loc(2, 4, 3, 4));
    assert_eq!(
        location_of(&code, |i| matches!(i, Instr::LoadAttr(_))),
        loc(2, 5, 2, 8)
    );
    assert_eq!(
        location_of(&code, |i| i == Instr::BinarySubscr),
        loc(2, 11, 2, 15)
    );
    assert_eq!(
        location_of(&code, |i| i == Instr::Call(1)),
        loc(2, 19, 3, 4)
    );
    let store_y = location_of(&code, |i| {
        matches!(i, Instr::StoreName(_)) && name_of(&code, i) == Some("y")
    });
    assert_eq!(store_y, loc(2, 0, 2, 1));
}

#[test]
fn method_calls_skip_the_bound_method() {
    let code = compile("obj.m(1, k=2)\nobj.m(*a)\n");
    let first: Vec<Instr> = code.instructions[..6].to_vec();
    assert!(matches!(first[1], Instr::LoadMethod(_)));
    assert!(matches!(first[4], Instr::KwNames(_)));
    assert_eq!(first[5], Instr::Call(2));
    // With `*`, the attribute is loaded and called through CallFunctionEx.
    assert!(code.instructions.contains(&Instr::CallFunctionEx(false)));
}

#[test]
fn return_in_finally_overrides_and_leaves_no_block() {
    let code = compile("def f():\n    try:\n        return 1\n    finally:\n        return 2\n");
    let f = find(&code, "f");
    // verify() checked that every ReturnValue runs with no block left.
    let returns = f
        .instructions
        .iter()
        .filter(|&&i| i == Instr::ReturnValue)
        .count();
    assert_eq!(returns, 2);
}

#[test]
fn dead_code_is_dropped() {
    let code = compile("def f():\n    return 1\n    x = 2\n");
    let f = find(&code, "f");
    assert_eq!(f.instructions, [Instr::LoadConst(1), Instr::ReturnValue]);
}

#[test]
fn constants_are_folded_and_shared() {
    let code = compile("a = -1\nb = (1, 2.0, -3j)\nc = -1\nd = 1.0\ne = True\nf = 0.0\ng = -0.0\n");
    let ints = code
        .consts
        .iter()
        .filter(|c| matches!(c, Constant::Int(_)))
        .count();
    assert_eq!(ints, 1);
    assert!(code.consts.contains(&Constant::Bool(true)));
    let zeros = code
        .consts
        .iter()
        .filter(|c| matches!(c, Constant::Float(f) if *f == 0.0))
        .count();
    assert_eq!(zeros, 2, "0.0 and -0.0 stay apart");
}

#[test]
fn large_displays_keep_the_stack_shallow() {
    let items: Vec<String> = (0..500).map(|i| format!("x{i}")).collect();
    let source = format!(
        "l = [{0}]\nt = ({0},)\nd = {{{1}}}\nf(*a, {0})\n",
        items.join(", "),
        items
            .iter()
            .map(|x| format!("{x}: {x}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let code = compile(&source);
    assert!(code.stacksize < 40, "stacksize {}", code.stacksize);
}

#[test]
fn with_calls_exit_on_every_way_out() {
    let code = compile(
        "def f():\n    for x in y:\n        with m:\n            if x: break\n            if x: continue\n            return x\n",
    );
    let f = find(&code, "f");
    let exit_calls = f
        .instructions
        .iter()
        .filter(|&&i| i == Instr::Call(3))
        .count();
    // break, continue, return; the normal end of the body is unreachable.
    assert_eq!(exit_calls, 3);
    assert_eq!(
        f.instructions
            .iter()
            .filter(|&&i| i == Instr::WithExceptStart)
            .count(),
        1
    );
}

#[test]
fn annotations() {
    let code = compile("x: int = 1\ndef f(a: A, /, b: B) -> R:\n    y: Y = 2\n    z: Z\n");
    assert_eq!(code.instructions[0], Instr::SetupAnnotations);
    let f = find(&code, "f");
    // Function bodies do not evaluate annotations.
    assert!(!f.names.iter().any(|n| n == "Y" || n == "Z"));
    // The annotations tuple lists ordinary parameters before positional-only ones.
    let names: Vec<&str> = code
        .consts
        .iter()
        .filter_map(|c| match c {
            Constant::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    let (b, a) = (
        names.iter().position(|&n| n == "b"),
        names.iter().position(|&n| n == "a"),
    );
    assert!(b < a, "{names:?}");
}
