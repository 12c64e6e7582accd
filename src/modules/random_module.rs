//! The Python-facing `random` module: the `random.Random` type (subclassable) around the
//! CPython-exact generator of `modules::random`, its methods with CPython's argument handling
//! and errors, and the module-level functions bound to a hidden instance (`random._inst`).
//! Also `bind_py`, which binds arguments with the messages of a function written in Python.

use std::sync::OnceLock;

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::math_module::{float_arg, int_arg};
use super::operator::{add_new, add_type_methods, native_type, new_class_arg, new_native, this};
use super::random::{ExcKind, Random, RandomError, RandomState};
use super::{ModuleInit, set_attr};
use crate::builtins::set_type_attr;
use crate::compile::bytecode::{BinaryOp, CompareOp};
use crate::object::gil_cell::{Gil, GilCell};
use crate::object::typeobj::{ExcType, Layout, type_data, type_of};
use crate::object::value::{
    Args, Builtin, NativeData, NativeFn, NativeKind, ObjRef, Payload, Value,
};
use crate::vm::Vm;
use crate::vm::exceptions::{PyErr, PyResult, type_error, value_error};
use crate::vm::ops::as_bigint;

const _: ModuleInit = init;

// ---- binding arguments like a Python function ----------------------------------------------

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`: CPython's list of missing parameter names.
fn name_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

/// Binds the arguments of a method written in Python as CPython would: `args.pos[0]` is
/// `self`; `params` are the positional-or-keyword parameters after it (the first `required`
/// without defaults); `kwonly` the keyword-only ones. Returns the values of `params` then
/// `kwonly`, `None` where not given.
pub fn bind_py(
    args: &Args,
    qualname: &str,
    params: &[&str],
    required: usize,
    kwonly: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let given = args.pos.len().saturating_sub(1);
    if given > params.len() {
        let total = params.len() + 1;
        let takes = if required == params.len() {
            format!(
                "{total} positional argument{}",
                if total == 1 { "" } else { "s" }
            )
        } else {
            format!("from {} to {total} positional arguments", required + 1)
        };
        let were = if given + 1 == 1 { "was" } else { "were" };
        return Err(type_error(format!(
            "{qualname}() takes {takes} but {} {were} given",
            given + 1
        )));
    }
    let mut out: Vec<Option<Value>> = args.pos.iter().skip(1).cloned().map(Some).collect();
    out.resize(params.len() + kwonly.len(), None);
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        let k = k.as_str().unwrap_or("");
        let slot = params
            .iter()
            .chain(kwonly)
            .position(|p| *p == k)
            .ok_or_else(|| {
                type_error(format!(
                    "{qualname}() got an unexpected keyword argument '{k}'"
                ))
            })?;
        if out[slot].is_some() {
            return Err(type_error(format!(
                "{qualname}() got multiple values for argument '{k}'"
            )));
        }
        out[slot] = Some(v.clone());
    }
    let missing: Vec<&str> = (0..required)
        .filter(|&i| out[i].is_none())
        .map(|i| params[i])
        .collect();
    if !missing.is_empty() {
        return Err(type_error(format!(
            "{qualname}() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    Ok(out)
}

// ---- the Random type -----------------------------------------------------------------------

/// The state of a `random.Random` instance.
#[derive(Debug)]
struct RandomObj {
    rng: GilCell<Random>,
}

impl NativeData for RandomObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn random_error(e: RandomError) -> PyErr {
    let kind = match e.kind {
        ExcKind::ValueError => ExcType::ValueError,
        ExcKind::IndexError => ExcType::IndexError,
        ExcKind::TypeError => ExcType::TypeError,
        ExcKind::OverflowError => ExcType::OverflowError,
        ExcKind::MemoryError => ExcType::MemoryError,
    };
    if e.message.is_empty() {
        return PyErr::with_args(kind, vec![]);
    }
    PyErr::new(kind, e.message)
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", random_init),
    ("seed", seed),
    ("random", random),
    ("getrandbits", getrandbits),
    ("randbytes", randbytes),
    ("randrange", randrange),
    ("randint", randint),
    ("choice", choice),
    ("choices", choices),
    ("shuffle", shuffle),
    ("sample", sample),
    ("uniform", uniform),
    ("triangular", triangular),
    ("gauss", gauss),
    ("normalvariate", normalvariate),
    ("lognormvariate", lognormvariate),
    ("expovariate", expovariate),
    ("paretovariate", paretovariate),
    ("weibullvariate", weibullvariate),
    ("getstate", getstate),
    ("setstate", setstate),
];

/// The `random.Random` type.
pub fn random_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = native_type("Random", "random", None, Layout::Opaque, true, false);
        add_new(&t, random_new);
        add_type_methods(&t, METHODS);
        let gil = unsafe { Gil::assume_held() };
        set_type_attr(&gil, &t, "VERSION", Value::Int(3));
        t
    })
}

/// The generator of a `Random` instance (the `self` of a method).
fn rng<'a>(args: &Args<'a>) -> PyResult<&'a GilCell<Random>> {
    Ok(&this::<RandomObj>(args, "random.Random")?.rng)
}

/// Runs `f` on the instance's generator (no Python code runs meanwhile).
fn with_rng<R>(vm: &Vm, args: &Args, f: impl FnOnce(&mut Random) -> R) -> PyResult<R> {
    let cell = rng(args)?;
    let mut r = cell
        .try_borrow_mut(&vm.gil)
        .map_err(|_| PyErr::new(ExcType::RuntimeError, "generator already in use"))?;
    Ok(f(&mut r))
}

fn random_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = random_type();
    let cls = new_class_arg(vm, &args, t)?;
    // `__init__` seeds; a subclass that skips it still gets an entropy-seeded generator.
    let generator = if std::sync::Arc::ptr_eq(&cls, t) {
        if args.has_kwargs() {
            return Err(type_error("Random() takes no keyword arguments"));
        }
        Random::with_seed(&BigInt::zero())
    } else {
        Random::new()
    };
    Ok(new_native(
        t,
        &cls,
        RandomObj {
            rng: GilCell::new(generator),
        },
    ))
}

fn random_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind_py(&args, "Random.__init__", &["x"], 0, &[])?;
    let x = a[0].clone().unwrap_or(Value::None);
    let me = &args.pos[0];
    if std::sync::Arc::ptr_eq(type_of(me), random_type()) {
        seed_value(vm, &args, &x, 2)?;
    } else {
        vm.call_method(me, "seed", &[x])?;
    }
    Ok(Value::None)
}

/// Python 2's str hash, which `seed(s, version=1)` uses.
fn version1_key(chars: &[u32]) -> BigInt {
    let mut x: u64 = chars.first().map_or(0, |&c| u64::from(c) << 7);
    for &c in chars {
        x = 1_000_003u64.wrapping_mul(x) ^ u64::from(c);
    }
    x ^= chars.len() as u64;
    BigInt::from(x)
}

/// `seed(a, version)` on the instance in `args.pos[0]`.
fn seed_value(vm: &mut Vm, args: &Args, a: &Value, version: i64) -> PyResult<()> {
    if a.is_none() {
        return with_rng(vm, args, Random::seed_from_entropy);
    }
    if version == 1 {
        let chars: Option<Vec<u32>> = match a.payload() {
            Some(Payload::Str(s)) => Some(s.as_str().chars().map(u32::from).collect()),
            Some(Payload::Bytes(b)) => Some(b.iter().map(|&c| u32::from(c)).collect()),
            _ => None,
        };
        if let Some(chars) = chars {
            let key = version1_key(&chars);
            return with_rng(vm, args, |r| r.seed(&key));
        }
    }
    if version == 2 {
        match a.payload() {
            Some(Payload::Str(s)) => {
                let s = s.as_str().to_string();
                return with_rng(vm, args, |r| r.seed_str(&s));
            }
            Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
                let data = vm.bytes_data(a).unwrap_or_default();
                return with_rng(vm, args, |r| r.seed_bytes(&data));
            }
            _ => {}
        }
    }
    if let Some(n) = as_bigint(a) {
        return with_rng(vm, args, |r| r.seed(&n));
    }
    let supported = matches!(
        a.payload(),
        Some(Payload::Float(_) | Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_))
    ) || matches!(a, Value::Float(_));
    if !supported {
        return Err(type_error(
            "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
        ));
    }
    // Other supported seeds are hashed; the hash is taken as an unsigned machine word.
    let h = vm.hash(a)?;
    let key = BigInt::from(h as u64);
    with_rng(vm, args, |r| r.seed(&key))
}

fn seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind_py(&args, "Random.seed", &["a", "version"], 0, &[])?;
    let value = a[0].clone().unwrap_or(Value::None);
    let version = match &a[1] {
        Some(v) => crate::vm::ops::index_value(vm, v)?,
        None => 2,
    };
    seed_value(vm, &args, &value, version)?;
    Ok(Value::None)
}

/// Checks a method written in C that takes no arguments.
fn no_args(args: &Args, qualname: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(type_error(format!(
            "{qualname}() takes no keyword arguments"
        )));
    }
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            args.pos.len() - 1
        )));
    }
    Ok(())
}

fn random(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "Random.random")?;
    Ok(Value::Float(with_rng(vm, &args, Random::random)?))
}

fn getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error(
            "Random.getrandbits() takes no keyword arguments",
        ));
    }
    let [_, k] = args.pos else {
        return Err(type_error(format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    };
    let k = int_arg(vm, k)?;
    let r = with_rng(vm, &args, |r| r.getrandbits(&k))?;
    r.map(Value::int).map_err(random_error)
}

fn randbytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind_py(&args, "Random.randbytes", &["n"], 1, &[])?;
    let n = int_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let bits = &n * 8;
    let r = with_rng(vm, &args, |r| r.getrandbits(&bits))?.map_err(random_error)?;
    let n = n.to_usize().unwrap_or(0);
    let mut bytes = r.magnitude().to_bytes_le();
    bytes.resize(n, 0);
    Ok(Value::bytes(bytes))
}

/// An argument of `randrange`: an int, or (deprecated in CPython, which warns) a value whose
/// `int()` equals it, like `5.0`; other values are `ValueError`s.
fn range_arg(vm: &mut Vm, v: &Value, which: &str) -> PyResult<BigInt> {
    match int_arg(vm, v) {
        Ok(n) => Ok(n),
        Err(e) if e.matches(ExcType::TypeError) => {
            let int_type = vm
                .dict_get_str(&vm.interp.builtins.clone(), &Value::str("int"))
                .ok_or(e)?;
            let converted = vm.call(&int_type, Args::positional(std::slice::from_ref(v)))?;
            if !vm.eq(&converted, v)? {
                return Err(value_error(format!("non-integer {which} for randrange()")));
            }
            int_arg(vm, &converted)
        }
        Err(e) => Err(e),
    }
}

fn randrange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind_py(
        &args,
        "Random.randrange",
        &["start", "stop", "step"],
        1,
        &[],
    )?;
    let start = range_arg(vm, a[0].as_ref().unwrap_or(&Value::None), "arg 1")?;
    let stop = match &a[1] {
        None | Some(Value::None) => None,
        Some(v) => Some(range_arg(vm, v, "stop")?),
    };
    let step = match &a[2] {
        None => BigInt::one(),
        Some(v) => range_arg(vm, v, "step")?,
    };
    let r = with_rng(vm, &args, |r| r.randrange(&start, stop.as_ref(), &step))?;
    r.map(Value::int).map_err(random_error)
}

fn randint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind_py(&args, "Random.randint", &["a", "b"], 2, &[])?;
    let lo = range_arg(vm, a[0].as_ref().unwrap_or(&Value::None), "arg 1")?;
    let hi = range_arg(vm, a[1].as_ref().unwrap_or(&Value::None), "stop")?;
    let r = with_rng(vm, &args, |r| r.randint(&lo, &hi))?;
    r.map(Value::int).map_err(random_error)
}

fn choice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind_py(&args, "Random.choice", &["seq"], 1, &[])?;
    let seq = a[0].clone().unwrap_or(Value::None);
    let n = vm.len(&seq)?;
    let i = with_rng(vm, &args, |r| r.choice_index(n))?.map_err(random_error)?;
    vm.get_item(&seq, &Value::Int(i as i64))
}

/// A count argument (`k`): an int; negative counts make nothing.
fn count_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = int_arg(vm, v)?;
    if n.is_negative() {
        return Ok(0);
    }
    n.to_usize().ok_or_else(|| {
        PyErr::new(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })
}

/// Cumulative sums of `weights`, by Python addition.
fn accumulate(vm: &mut Vm, weights: &Value) -> PyResult<Vec<Value>> {
    let items = vm.iterate(weights)?;
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    for w in items {
        let next = match out.last() {
            Some(prev) => vm.binary_op(BinaryOp::Add, prev, &w)?,
            None => w,
        };
        out.push(next);
    }
    Ok(out)
}

/// `bisect_right(cum, x, 0, hi)`.
fn bisect(vm: &mut Vm, cum: &[Value], x: f64, hi: usize) -> PyResult<usize> {
    let (mut lo, mut hi) = (0usize, hi);
    let xv = Value::Float(x);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let below = match &cum[mid] {
            Value::Float(c) => x < *c,
            Value::Int(c) => x < *c as f64,
            c => {
                let r = vm.compare(CompareOp::Lt, &xv, c)?;
                vm.is_true(&r)?
            }
        };
        if below {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn choices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind_py(
        &args,
        "Random.choices",
        &["population", "weights"],
        1,
        &["cum_weights", "k"],
    )?;
    let population = a[0].clone().unwrap_or(Value::None);
    let weights = a[1].clone().filter(|w| !w.is_none());
    let cum = a[2].clone().filter(|w| !w.is_none());
    let k = match &a[3] {
        Some(k) => count_arg(vm, k)?,
        None => 1,
    };
    let n = vm.len(&population)?;
    let cum = match (cum, weights) {
        (None, None) => {
            let mut out = Vec::with_capacity(k);
            for _ in 0..k {
                let r = with_rng(vm, &args, Random::random)?;
                let i = (r * n as f64).floor() as i64;
                out.push(vm.get_item(&population, &Value::Int(i))?);
            }
            return Ok(Value::list(out));
        }
        (None, Some(w)) => match accumulate(vm, &w) {
            Ok(c) => c,
            Err(e) if e.matches(ExcType::TypeError) && as_bigint(&w).is_some() => {
                let k = vm.repr(&w)?;
                return Err(type_error(format!(
                    "The number of choices must be a keyword argument: k={k}"
                )));
            }
            Err(e) => return Err(e),
        },
        (Some(_), Some(_)) => {
            return Err(type_error(
                "Cannot specify both weights and cumulative weights",
            ));
        }
        (Some(c), None) => vm.iterate(&c)?,
    };
    if cum.len() != n {
        return Err(value_error(
            "The number of weights does not match the population",
        ));
    }
    let Some(last) = cum.last() else {
        return Err(PyErr::new(ExcType::IndexError, "list index out of range"));
    };
    let total = vm.binary_op(BinaryOp::Add, last, &Value::Float(0.0))?;
    let total = float_arg(vm, &total)?;
    if total <= 0.0 {
        return Err(value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(value_error("Total of weights must be finite"));
    }
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        let r = with_rng(vm, &args, Random::random)?;
        let i = bisect(vm, &cum, r * total, n - 1)?;
        out.push(vm.get_item(&population, &Value::Int(i as i64))?);
    }
    Ok(Value::list(out))
}

fn shuffle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind_py(&args, "Random.shuffle", &["x"], 1, &[])?;
    let x = a[0].clone().unwrap_or(Value::None);
    if let Some(Payload::List(cell)) = x.payload()
        && !type_data(type_of(&x)).heap
    {
        let rng_cell = rng(&args)?;
        if let (Ok(mut items), Ok(mut r)) = (
            cell.try_borrow_mut(&vm.gil),
            rng_cell.try_borrow_mut(&vm.gil),
        ) {
            r.shuffle(&mut items);
            return Ok(Value::None);
        }
    }
    let n = vm.len(&x)?;
    for i in (1..n).rev() {
        let j = with_rng(vm, &args, |r| r.randbelow_usize(i + 1))?;
        let (vi, vj) = (Value::Int(i as i64), Value::Int(j as i64));
        let xj = vm.get_item(&x, &vj)?;
        let xi = vm.get_item(&x, &vi)?;
        vm.set_item(&x, vi, xj)?;
        vm.set_item(&x, vj, xi)?;
    }
    Ok(Value::None)
}

/// Is `v` a sequence for `sample` (sets and dicts are refused)?
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    match v.payload() {
        Some(
            Payload::Str(_)
            | Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range(_),
        ) => true,
        Some(Payload::Dict(_) | Payload::Set(_) | Payload::FrozenSet(_)) => false,
        _ => {
            let t = type_of(v);
            vm.lookup_special(t, "__getitem__").is_some()
                && vm.lookup_special(t, "__len__").is_some()
        }
    }
}

fn sample(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind_py(&args, "Random.sample", &["population", "k"], 2, &["counts"])?;
    let population = a[0].clone().unwrap_or(Value::None);
    if !is_sequence(vm, &population) {
        return Err(type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let n = vm.len(&population)?;
    let k = int_arg(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    let k = k
        .to_i64()
        .unwrap_or(if k.is_negative() { -1 } else { i64::MAX });
    let counts = a[2].clone().filter(|c| !c.is_none());
    let Some(counts) = counts else {
        let picks = with_rng(vm, &args, |r| r.sample_indices(n, k))?.map_err(random_error)?;
        let mut out = Vec::with_capacity(picks.len());
        for i in picks {
            out.push(vm.get_item(&population, &Value::Int(i as i64))?);
        }
        return Ok(Value::list(out));
    };
    let mut cum = accumulate(vm, &counts)?;
    if cum.len() != n {
        return Err(value_error(
            "The number of counts does not match the population",
        ));
    }
    let total = cum.pop().unwrap_or(Value::Int(0));
    let Some(total) = as_bigint(&total) else {
        return Err(type_error("Counts must be integers"));
    };
    if !total.is_positive() {
        return Err(value_error("Total of counts must be greater than zero"));
    }
    let total = total.to_usize().ok_or_else(|| {
        PyErr::new(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })?;
    let picks = with_rng(vm, &args, |r| r.sample_indices(total, k))?.map_err(random_error)?;
    let mut out = Vec::with_capacity(picks.len());
    for s in picks {
        let i = bisect(vm, &cum, s as f64, cum.len())?;
        out.push(vm.get_item(&population, &Value::Int(i as i64))?);
    }
    Ok(Value::list(out))
}

/// The float parameters of a distribution method, with their defaults.
fn float_params(
    vm: &mut Vm,
    args: &Args,
    qualname: &str,
    names: &[&str],
    defaults: &[Option<f64>],
) -> PyResult<Vec<f64>> {
    let required = defaults.iter().take_while(|d| d.is_none()).count();
    let a = bind_py(args, qualname, names, required, &[])?;
    a.iter()
        .zip(defaults)
        .map(|(v, d)| match v {
            Some(v) => float_arg(vm, v),
            None => Ok(d.unwrap_or(0.0)),
        })
        .collect()
}

fn uniform(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = float_params(vm, &args, "Random.uniform", &["a", "b"], &[None, None])?;
    Ok(Value::Float(with_rng(vm, &args, |r| {
        r.uniform(p[0], p[1])
    })?))
}

fn triangular(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind_py(&args, "Random.triangular", &["low", "high", "mode"], 0, &[])?;
    let low = match &a[0] {
        Some(v) => float_arg(vm, v)?,
        None => 0.0,
    };
    let high = match &a[1] {
        Some(v) => float_arg(vm, v)?,
        None => 1.0,
    };
    let mode = match &a[2] {
        None | Some(Value::None) => None,
        Some(v) => Some(float_arg(vm, v)?),
    };
    let mut u = with_rng(vm, &args, Random::random)?;
    let mut c = match mode {
        None => 0.5,
        // CPython's division by zero here returns `low` as it was given.
        Some(_) if high == low => return Ok(a[0].clone().unwrap_or(Value::Float(0.0))),
        Some(m) => (m - low) / (high - low),
    };
    let (mut low, mut high) = (low, high);
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
}

fn gauss(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = float_params(
        vm,
        &args,
        "Random.gauss",
        &["mu", "sigma"],
        &[Some(0.0), Some(1.0)],
    )?;
    Ok(Value::Float(with_rng(vm, &args, |r| r.gauss(p[0], p[1]))?))
}

fn normalvariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = float_params(
        vm,
        &args,
        "Random.normalvariate",
        &["mu", "sigma"],
        &[Some(0.0), Some(1.0)],
    )?;
    Ok(Value::Float(with_rng(vm, &args, |r| {
        r.normalvariate(p[0], p[1])
    })?))
}

fn lognormvariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = float_params(
        vm,
        &args,
        "Random.lognormvariate",
        &["mu", "sigma"],
        &[None, None],
    )?;
    let z = with_rng(vm, &args, |r| r.normalvariate(p[0], p[1]))?;
    Ok(Value::Float(z.exp()))
}

/// `x / y` with Python's `ZeroDivisionError`.
fn divide(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(PyErr::new(
            ExcType::ZeroDivisionError,
            "float division by zero",
        ));
    }
    Ok(x / y)
}

fn expovariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = float_params(vm, &args, "Random.expovariate", &["lambd"], &[None])?;
    let u = with_rng(vm, &args, Random::random)?;
    Ok(Value::Float(divide(-(1.0 - u).ln(), p[0])?))
}

fn paretovariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = float_params(vm, &args, "Random.paretovariate", &["alpha"], &[None])?;
    let u = 1.0 - with_rng(vm, &args, Random::random)?;
    let e = divide(-1.0, p[0])?;
    Ok(Value::Float(u.powf(e)))
}

fn weibullvariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = float_params(
        vm,
        &args,
        "Random.weibullvariate",
        &["alpha", "beta"],
        &[None, None],
    )?;
    let u = 1.0 - with_rng(vm, &args, Random::random)?;
    let e = divide(1.0, p[1])?;
    Ok(Value::Float(p[0] * (-u.ln()).powf(e)))
}

fn getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bind_py(&args, "Random.getstate", &[], 0, &[])?;
    let state = with_rng(vm, &args, |r| r.getstate())?;
    let mut words: Vec<Value> = state
        .words
        .iter()
        .map(|&w| Value::Int(i64::from(w)))
        .collect();
    words.push(Value::Int(state.index as i64));
    let gauss = state.gauss_next.map_or(Value::None, Value::Float);
    Ok(Value::tuple(vec![
        Value::Int(3),
        Value::tuple(words),
        gauss,
    ]))
}

/// A state word: reduced modulo 2**32 as CPython loads it; negative ints are refused.
fn state_word(v: &Value) -> PyResult<u32> {
    let Some(n) = as_bigint(v) else {
        return Err(type_error("state vector items must be integers"));
    };
    if n.is_negative() {
        return Err(PyErr::new(
            ExcType::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let low = n.iter_u32_digits().next().unwrap_or(0);
    Ok(low)
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind_py(&args, "Random.setstate", &["state"], 1, &[])?;
    let state = a[0].clone().unwrap_or(Value::None);
    let version = vm.get_item(&state, &Value::Int(0))?;
    let is_supported = matches!(as_bigint(&version).and_then(|v| v.to_i64()), Some(2 | 3));
    if !is_supported {
        let v = vm.repr(&version)?;
        return Err(value_error(format!(
            "state with version {v} passed to Random.setstate() of version 3"
        )));
    }
    let parts = vm.iterate(&state)?;
    let [_, internal, gauss_next] = parts.as_slice() else {
        let msg = if parts.len() < 3 {
            format!(
                "not enough values to unpack (expected 3, got {})",
                parts.len()
            )
        } else {
            "too many values to unpack (expected 3)".to_string()
        };
        return Err(value_error(msg));
    };
    let Some(items) = internal.as_tuple() else {
        return Err(type_error("state vector must be a tuple"));
    };
    if items.len() != 625 {
        return Err(value_error("state vector is the wrong size"));
    }
    let words = items[..624]
        .iter()
        .map(state_word)
        .collect::<PyResult<Vec<u32>>>()?;
    let index = as_bigint(&items[624])
        .and_then(|i| i.to_i64())
        .ok_or_else(|| type_error("state index must be an integer"))?;
    if !(0..=624).contains(&index) {
        return Err(value_error("invalid state"));
    }
    let gauss_next = match gauss_next {
        Value::None => None,
        v => Some(float_arg(vm, v)?),
    };
    let new_state = RandomState {
        words,
        index: index as usize,
        gauss_next,
    };
    with_rng(vm, &args, |r| r.setstate(&new_state))?.map_err(random_error)?;
    Ok(Value::None)
}

// ---- the module ----------------------------------------------------------------------------

/// The methods the module exposes as functions bound to its hidden instance.
const MODULE_FUNCTIONS: &[&str] = &[
    "seed",
    "random",
    "getrandbits",
    "randbytes",
    "randrange",
    "randint",
    "choice",
    "choices",
    "shuffle",
    "sample",
    "uniform",
    "triangular",
    "gauss",
    "normalvariate",
    "lognormvariate",
    "expovariate",
    "paretovariate",
    "weibullvariate",
    "getstate",
    "setstate",
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let t = random_type();
    set_attr(vm, module, "Random", Value::Obj(t.clone()));
    let inst = new_native(
        t,
        t,
        RandomObj {
            rng: GilCell::new(Random::new()),
        },
    );
    set_attr(vm, module, "_inst", inst.clone());
    for &name in MODULE_FUNCTIONS {
        let Some(&(name, func)) = METHODS.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        let bound = Value::obj(Payload::Builtin(Builtin {
            name,
            func,
            kind: NativeKind::Method,
            self_: Some(inst.clone()),
            owner: Some(t.clone()),
        }));
        set_attr(vm, module, name, bound);
    }
    Ok(())
}
