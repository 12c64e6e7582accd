//! Constants: literals as code-object constants, the folding CPython's AST optimizer does
//! (`-1`, `not 0`, tuples of constants, `__debug__`), and the key that deduplicates them.

use num_bigint::BigInt;

use super::super::bytecode::Constant;
use crate::syntax::ast::{self, Expr, ExprContext, ExprKind, UnaryOp};

/// A literal of the tree as a constant.
pub(super) fn from_ast(value: &ast::Constant) -> Constant {
    match value {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Str(s) => Constant::Str(s.clone()),
        ast::Constant::Bytes(b) => Constant::Bytes(b.clone()),
        ast::Constant::Int(i) => Constant::Int(i.clone()),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex { real, imag } => Constant::Complex {
            real: *real,
            imag: *imag,
        },
        ast::Constant::Ellipsis => Constant::Ellipsis,
    }
}

/// The value of an expression known at compile time, as CPython's AST optimizer folds it:
/// literals, unary operators on numbers (and `not` on any constant), tuples of constants and
/// `__debug__` (always true here). Binary operators are left to run time.
pub(super) fn fold(expr: &Expr) -> Option<Constant> {
    match &expr.kind {
        ExprKind::Constant { value, .. } => Some(from_ast(value)),
        ExprKind::Name { id, ctx } if id == "__debug__" && *ctx == ExprContext::Load => {
            Some(Constant::Bool(true))
        }
        ExprKind::UnaryOp { op, operand } => fold_unary(*op, fold(operand)?),
        ExprKind::Tuple { elts, ctx } if *ctx == ExprContext::Load => elts
            .iter()
            .map(fold)
            .collect::<Option<Vec<_>>>()
            .map(Constant::Tuple),
        _ => None,
    }
}

fn fold_unary(op: UnaryOp, value: Constant) -> Option<Constant> {
    if op == UnaryOp::Not {
        return truth(&value).map(|t| Constant::Bool(!t));
    }
    // bool is an int here: `-True` is -1.
    let value = match value {
        Constant::Bool(b) => Constant::Int(BigInt::from(u8::from(b))),
        other => other,
    };
    match (op, value) {
        (UnaryOp::USub, Constant::Int(i)) => Some(Constant::Int(-i)),
        (UnaryOp::USub, Constant::Float(f)) => Some(Constant::Float(-f)),
        (UnaryOp::USub, Constant::Complex { real, imag }) => Some(Constant::Complex {
            real: -real,
            imag: -imag,
        }),
        (UnaryOp::UAdd, v @ (Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. })) => {
            Some(v)
        }
        (UnaryOp::Invert, Constant::Int(i)) => Some(Constant::Int(-i - 1)),
        _ => None,
    }
}

/// The truth value of a constant.
pub(super) fn truth(value: &Constant) -> Option<bool> {
    Some(match value {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != BigInt::from(0),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis => true,
        Constant::Code(_) => return None,
    })
}

/// What makes two constants the same constant: type and value, floats by their bits (so
/// `0.0` and `-0.0` stay apart, as do `1`, `1.0` and `True`). Code objects are never shared.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum ConstKey {
    None,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Ellipsis,
}

impl ConstKey {
    pub(super) fn of(value: &Constant) -> Option<ConstKey> {
        Some(match value {
            Constant::None => ConstKey::None,
            Constant::Bool(b) => ConstKey::Bool(*b),
            Constant::Int(i) => ConstKey::Int(i.clone()),
            Constant::Float(f) => ConstKey::Float(f.to_bits()),
            Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
            Constant::Str(s) => ConstKey::Str(s.clone()),
            Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
            Constant::Tuple(items) => {
                ConstKey::Tuple(items.iter().map(ConstKey::of).collect::<Option<Vec<_>>>()?)
            }
            Constant::FrozenSet(items) => {
                ConstKey::FrozenSet(items.iter().map(ConstKey::of).collect::<Option<Vec<_>>>()?)
            }
            Constant::Ellipsis => ConstKey::Ellipsis,
            Constant::Code(_) => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::StmtKind;

    fn folded(source: &str) -> Option<Constant> {
        let module = crate::syntax::parse_module(source, "t.py").unwrap();
        match &module.body[0].kind {
            StmtKind::Expr { value } => fold(value),
            _ => None,
        }
    }

    #[test]
    fn folds_what_cpython_folds() {
        assert_eq!(folded("-1"), Some(Constant::Int(BigInt::from(-1))));
        assert_eq!(folded("~True"), Some(Constant::Int(BigInt::from(-2))));
        assert_eq!(folded("not 0"), Some(Constant::Bool(true)));
        assert_eq!(
            folded("(1, -2.5, ('a', None))"),
            Some(Constant::Tuple(vec![
                Constant::Int(BigInt::from(1)),
                Constant::Float(-2.5),
                Constant::Tuple(vec![Constant::Str("a".into()), Constant::None]),
            ]))
        );
        assert_eq!(
            folded("-1j"),
            Some(Constant::Complex {
                real: -0.0,
                imag: -1.0
            })
        );
        assert_eq!(folded("-'a'"), None);
        assert_eq!(folded("(x, 1)"), None);
        assert_eq!(folded("__debug__"), Some(Constant::Bool(true)));
    }

    #[test]
    fn keys_keep_look_alike_constants_apart() {
        let key = |c: Constant| ConstKey::of(&c);
        assert_ne!(key(Constant::Float(0.0)), key(Constant::Float(-0.0)));
        assert_ne!(
            key(Constant::Int(BigInt::from(1))),
            key(Constant::Bool(true))
        );
        assert_ne!(
            key(Constant::Int(BigInt::from(1))),
            key(Constant::Float(1.0))
        );
        assert_eq!(
            key(Constant::Float(f64::NAN)),
            key(Constant::Float(f64::NAN))
        );
    }
}
