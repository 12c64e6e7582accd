//! `complex` values: enough to hold and print an imaginary literal (`1j`, `(1+2j)`).
//!
//! Complex arithmetic is outside the subset gilpy targets; the literal still evaluates to a
//! value whose repr matches CPython's.

use super::format::float_repr;
use super::value::{NativeData, Payload, Value};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Complex {
    pub real: f64,
    pub imag: f64,
}

impl NativeData for Complex {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn new_complex(real: f64, imag: f64) -> Value {
    Value::obj(Payload::Native(Box::new(Complex { real, imag })))
}

/// `repr(z)`: `1j`, `(1+2j)`, `(-0-1j)`.
pub fn complex_repr(z: &Complex) -> String {
    let part = |x: f64| {
        let r = float_repr(x);
        r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
    };
    if z.real == 0.0 && z.real.is_sign_positive() {
        return format!("{}j", part(z.imag));
    }
    let imag = part(z.imag);
    let sign = if imag.starts_with('-') || imag.starts_with('+') {
        ""
    } else {
        "+"
    };
    format!("({}{sign}{imag}j)", part(z.real))
}
