//! Traceback text: the markers CPython 3.11 prints under a frame's source line — `^^^^` under
//! the failing expression, and `~~~^~~~` when it is a binary operation (`^` under the operator)
//! or a subscript (`^` under the brackets).

use crate::syntax::ast::{ExprKind, StmtKind};
use crate::syntax::parse_module;

/// Where an instruction came from: 1-based lines, 0-based byte columns (a code object's
/// `co_positions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Positions {
    pub lineno: u32,
    pub end_lineno: u32,
    pub col: usize,
    pub end_col: usize,
}

/// The marker line printed under `line` (the frame's first source line, without its line
/// ending), or `None` when CPython prints none: a plain expression that spans the whole line
/// gets no markers.
///
/// ```
/// use gilpy::vm::traceback::{position_markers, Positions};
/// let at = Positions { lineno: 1, end_lineno: 1, col: 4, end_col: 9 };
/// assert_eq!(position_markers("x = 1 / 0", at).as_deref(), Some("        ~~^~~"));
/// let whole = Positions { lineno: 1, end_lineno: 1, col: 0, end_col: 8 };
/// assert_eq!(position_markers("f(a, b)", whole), None);
/// ```
pub fn position_markers(line: &str, at: Positions) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let indent = line.len() - line.trim_start().len();
    let stripped_len = line.trim().chars().count();
    let leading = line[..indent].chars().count();
    let start = char_index(line, at.col);
    let mut end = char_index(line, at.end_col);
    let mut anchors = None;
    if at.lineno == at.end_lineno {
        let segment: String = chars.get(start..end.max(start))?.iter().collect();
        anchors = anchors_in(&segment);
    } else {
        // A range running onto later lines is marked to the end of this one.
        end = leading + stripped_len;
    }
    let width = end.checked_sub(start)?;
    let split = anchors.is_some_and(|(left, right)| right > left);
    if width >= stripped_len && !split {
        return None;
    }
    let mut out = String::from("    ");
    out.push_str(&" ".repeat(start.saturating_sub(leading)));
    match anchors {
        Some((left, right)) => {
            out.push_str(&"~".repeat(left));
            out.push_str(&"^".repeat(right.saturating_sub(left)));
            out.push_str(&"~".repeat(width.saturating_sub(right)));
        }
        None => out.push_str(&"^".repeat(width)),
    }
    Some(out)
}

/// The character index of byte column `col` in `line` (clamped to the line).
fn char_index(line: &str, col: usize) -> usize {
    let mut col = col.min(line.len());
    while !line.is_char_boundary(col) {
        col -= 1;
    }
    line[..col].chars().count()
}

/// Where the operator of a binary operation, or the brackets of a subscript, sit in the
/// expression text `segment`: character offsets `(left, right)` with `^` from left to right.
fn anchors_in(segment: &str) -> Option<(usize, usize)> {
    let module = parse_module(segment, "<segment>").ok()?;
    let [stmt] = module.body.as_slice() else {
        return None;
    };
    let StmtKind::Expr { value } = &stmt.kind else {
        return None;
    };
    // The segment is one line, so node columns are byte offsets into it.
    let chars: Vec<char> = segment.chars().collect();
    let at = |col: u32| char_index(segment, col as usize);
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            // The operator is the first character after the left operand that is neither
            // white space nor a parenthesis; two-character operators get two `^`.
            let from = at(left.range.end.col);
            let to = at(right.range.start.col);
            let offset = chars[from..to]
                .iter()
                .position(|c| !c.is_whitespace() && *c != '(' && *c != ')')?;
            let left_anchor = from + offset;
            let second = chars.get(left_anchor + 1).filter(|_| left_anchor + 1 < to);
            let right_anchor = match second {
                Some(c) if !c.is_whitespace() => left_anchor + 2,
                _ => left_anchor + 1,
            };
            Some((left_anchor, right_anchor))
        }
        ExprKind::Subscript {
            value: base, slice, ..
        } => {
            let open = at(base.range.end.col);
            let left_anchor = open + chars[open..].iter().position(|c| *c == '[')?;
            let after = at(slice.range.end.col);
            let right_anchor = after + chars[after..].iter().position(|c| *c == ']')? + 1;
            Some((left_anchor, right_anchor))
        }
        _ => None,
    }
}
