//! Stack effects of the instructions, and the static pass over a code object that finds the
//! deepest its value stack gets and checks that every path agrees on the depth (and on the
//! depth of the block stack) at every instruction.

use super::super::bytecode::{CodeObject, Constant, Instr, Location, make_function};

/// The jump target of an instruction that can jump (`ForIter`, `SetupFinally` and
/// `SetupWith` included), or None.
pub fn jump_target(instr: Instr) -> Option<u32> {
    match instr {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::SetupFinally(t)
        | Instr::SetupWith(t) => Some(t),
        _ => None,
    }
}

/// Replaces the target of a jump instruction (others are left alone).
pub(super) fn retarget(instr: &mut Instr, target: u32) {
    match instr {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::SetupFinally(t)
        | Instr::SetupWith(t) => *t = target,
        _ => {}
    }
}

/// Drops the instructions no path from the first one reaches (code after `return`, the
/// implicit `return None` after a final `return`, …), retargeting jumps.
pub(super) fn remove_unreachable(
    instructions: Vec<Instr>,
    locations: Vec<Location>,
) -> (Vec<Instr>, Vec<Location>) {
    let len = instructions.len();
    let mut reachable = vec![false; len];
    let mut work = vec![0usize];
    while let Some(index) = work.pop() {
        if index >= len || reachable[index] {
            continue;
        }
        reachable[index] = true;
        let instr = instructions[index];
        if !ends_flow(instr) {
            work.push(index + 1);
        }
        if let Some(target) = jump_target(instr) {
            work.push(target as usize);
        }
    }
    let mut new_index = Vec::with_capacity(len);
    let mut kept = 0u32;
    for &r in &reachable {
        new_index.push(kept);
        kept += u32::from(r);
    }
    let mut out = Vec::with_capacity(kept as usize);
    let mut out_locations = Vec::with_capacity(kept as usize);
    for ((mut instr, location), r) in instructions.into_iter().zip(locations).zip(reachable) {
        if !r {
            continue;
        }
        if let Some(target) = jump_target(instr) {
            retarget(
                &mut instr,
                new_index.get(target as usize).copied().unwrap_or(kept),
            );
        }
        out.push(instr);
        out_locations.push(location);
    }
    (out, out_locations)
}

/// How an instruction changes the depth of the value stack: on the path that falls through
/// (`jump` false) or on the path that jumps (`jump` true; for `SetupFinally` and `SetupWith`
/// that is the handler, entered with `[prev_exc, exc]` pushed on the recorded height).
pub fn stack_effect(instr: Instr, jump: bool) -> i32 {
    use Instr::*;
    let n = |x: u32| x as i32;
    match instr {
        Nop | Swap(_) | PopBlock | GetIter | GetYieldFromIter | UnaryOp(_) | ListToTuple
        | CheckExcMatch | SetupAnnotations | KwNames(_) | Jump(_) | DeleteFast(_)
        | DeleteDeref(_) | DeleteName(_) | DeleteGlobal(_) | LoadAttr(_) | YieldValue => 0,
        Copy(_) | PushNull | LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClassDeref(_)
        | LoadClosure(_) | LoadName(_) | LoadGlobal(_) | LoadMethod(_) | LoadBuildClass
        | LoadAssertionError | BeforeWith | WithExceptStart | ImportFrom(_) => 1,
        Pop | StoreFast(_) | StoreDeref(_) | StoreName(_) | StoreGlobal(_) | DeleteAttr(_)
        | BinarySubscr | BinaryOp(_) | InplaceOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_)
        | ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_)
        | DictMerge(_) | PopJumpIfFalse(_) | PopJumpIfTrue(_) | ReturnValue | YieldFrom
        | PopExcept | Reraise | ImportName(_) | ImportStar | PrintExpr => -1,
        StoreAttr(_) | DeleteSubscr | MapAdd(_) => -2,
        StoreSubscr => -3,
        BuildSlice(k) | BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => 1 - n(k),
        BuildMap(k) => 1 - 2 * n(k),
        FormatValue(_, spec) => -i32::from(spec),
        UnpackSequence(k) => n(k) - 1,
        UnpackEx(before, after) => n(before) + n(after),
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
            if jump {
                0
            } else {
                -1
            }
        }
        ForIter(_) => {
            if jump {
                -1
            } else {
                1
            }
        }
        SetupFinally(_) => {
            if jump {
                2
            } else {
                0
            }
        }
        SetupWith(_) => {
            if jump {
                1
            } else {
                0
            }
        }
        MakeFunction(flags) => {
            let parts = [
                make_function::DEFAULTS,
                make_function::KWDEFAULTS,
                make_function::ANNOTATIONS,
                make_function::CLOSURE,
            ];
            -(parts.iter().filter(|&&f| flags & f != 0).count() as i32)
        }
        Call(k) => -1 - n(k),
        CallFunctionEx(kwargs) => -2 - i32::from(kwargs),
        Raise(k) => -n(k),
    }
}

/// How an instruction changes the depth of the block stack (the same on both paths).
fn block_effect(instr: Instr) -> i32 {
    match instr {
        // The handler runs with the block gone and an except-handler block in its place.
        Instr::SetupFinally(_) | Instr::SetupWith(_) => 1,
        Instr::PopBlock | Instr::PopExcept => -1,
        _ => 0,
    }
}

/// Whether execution never continues with the next instruction.
fn ends_flow(instr: Instr) -> bool {
    matches!(
        instr,
        Instr::Jump(_) | Instr::ReturnValue | Instr::Raise(_) | Instr::Reraise
    )
}

/// The depth of the value stack and of the block stack before an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Depth {
    stack: i32,
    blocks: i32,
}

/// Walks every path through the code from its first instruction, recording the depths on
/// entry to each instruction; returns the deepest stack, or what disagrees where.
fn analyse(code: &CodeObject) -> Result<u32, String> {
    let len = code.instructions.len();
    let mut seen: Vec<Option<Depth>> = vec![None; len];
    let mut work = vec![(
        0usize,
        Depth {
            stack: 0,
            blocks: 0,
        },
    )];
    let mut max = 0;
    while let Some((index, depth)) = work.pop() {
        if index >= len {
            return Err(format!("control falls off the end at {index}"));
        }
        match seen[index] {
            Some(old) if old == depth => continue,
            Some(old) => {
                return Err(format!(
                    "instruction {index} ({:?}) is reached with stack depth {} and blocks {} \
                     but also with {} and {}",
                    code.instructions[index], old.stack, old.blocks, depth.stack, depth.blocks
                ));
            }
            None => seen[index] = Some(depth),
        }
        let instr = code.instructions[index];
        check_instruction(code, index, instr, depth)?;
        max = max.max(depth.stack);
        for jump in [false, true] {
            let next = match (jump, jump_target(instr)) {
                (false, _) if ends_flow(instr) => continue,
                (false, _) => index + 1,
                (true, Some(target)) => target as usize,
                (true, None) => continue,
            };
            let after = Depth {
                stack: depth.stack + stack_effect(instr, jump),
                blocks: depth.blocks + block_effect(instr),
            };
            if after.stack < 0 || after.blocks < 0 {
                return Err(format!(
                    "instruction {index} ({instr:?}) leaves a negative depth"
                ));
            }
            max = max.max(after.stack);
            work.push((next, after));
        }
    }
    Ok(max as u32)
}

/// Checks the operands of one instruction, and that `return` leaves no block behind.
fn check_instruction(
    code: &CodeObject,
    index: usize,
    instr: Instr,
    depth: Depth,
) -> Result<(), String> {
    use Instr::*;
    let bad = |what: &str| Err(format!("instruction {index} ({instr:?}): {what}"));
    let (limit, what) = match instr {
        LoadConst(i) | KwNames(i) => (i, code.consts.len()),
        LoadFast(i) | StoreFast(i) | DeleteFast(i) => (i, code.varnames.len()),
        LoadDeref(i) | StoreDeref(i) | DeleteDeref(i) | LoadClassDeref(i) | LoadClosure(i) => {
            (i, code.ncells())
        }
        LoadName(i) | StoreName(i) | DeleteName(i) | LoadGlobal(i) | StoreGlobal(i)
        | DeleteGlobal(i) | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i) | LoadMethod(i)
        | ImportName(i) | ImportFrom(i) => (i, code.names.len()),
        ReturnValue if depth.blocks != 0 => return bad("returns with blocks left"),
        _ => (0, usize::MAX),
    };
    if limit as usize >= what {
        return bad("operand out of range");
    }
    if let KwNames(i) = instr
        && !matches!(code.consts.get(i as usize), Some(Constant::Tuple(_)))
    {
        return bad("keyword names are not a tuple");
    }
    if let Some(t) = jump_target(instr)
        && t as usize >= code.instructions.len()
    {
        return bad("jump out of the code");
    }
    Ok(())
}

/// The stack size of a code object. A disagreement between paths is a code generator bug:
/// debug builds stop on it; release builds use the deepest depth seen.
pub(super) fn max_depth(code: &CodeObject) -> u32 {
    match analyse(code) {
        Ok(depth) => depth,
        Err(problem) => {
            debug_assert!(false, "{}: {problem}", code.qualname);
            // Without a consistent walk, an upper bound: every instruction pushing at once.
            code.instructions
                .iter()
                .map(|&i| stack_effect(i, false).max(stack_effect(i, true)).max(0) as u32)
                .sum()
        }
    }
}

/// Checks a code object and every code object nested in it: consistent stack and block
/// depths on all paths, `stacksize` large enough, operands in range.
pub fn verify(code: &CodeObject) -> Result<(), String> {
    let depth = analyse(code).map_err(|e| format!("{}: {e}", code.qualname))?;
    if depth > code.stacksize {
        return Err(format!(
            "{}: stack reaches {depth} but stacksize is {}",
            code.qualname, code.stacksize
        ));
    }
    if code.locations.len() != code.instructions.len() {
        return Err(format!(
            "{}: not one location per instruction",
            code.qualname
        ));
    }
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            verify(inner)?;
        }
    }
    Ok(())
}
