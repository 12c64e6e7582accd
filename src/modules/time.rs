//! The `time` module: the clocks (`time`, `monotonic`, `perf_counter`, `process_time`, their
//! `_ns` forms, `clock_gettime`), `sleep` (through [`blocking`], where the GIL is released),
//! `time.struct_time`, `gmtime`/`localtime`/`mktime`, `strftime` (the C library's, on a
//! `struct tm`), `asctime`/`ctime`, and the time zone attributes.

use std::ffi::{CStr, CString};
use std::sync::OnceLock;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::operator::{add_new, add_type_methods, native_type, new_class_arg};
use super::{ModuleInit, os_error, set_attr};
use crate::builtins::{native_function, set_type_attr};
use crate::object::gil_cell::Gil;
use crate::object::typeobj::{Layout, is_instance, type_of, types};
use crate::object::value::{
    Args, GetSet, GetterFn, NativeFn, ObjRef, Payload, Value, new_instance,
};
use crate::vm::Vm;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyResult, overflow_error, type_error, value_error};
use crate::vm::ops::as_bigint;

const _: ModuleInit = init;

/// Runs a call that may block (sleeping, waiting for I/O) and touches no Python object.
///
/// This is the one door blocking calls go through: the GIL release hooks in here (drop the
/// GIL, run `f`, take the GIL back), so other threads run while this one waits. For now it
/// just runs `f`.
pub fn blocking<R>(vm: &mut Vm, f: impl FnOnce() -> R) -> R {
    let _ = vm;
    f()
}

// ---- clocks --------------------------------------------------------------------------------

/// Nanoseconds on a POSIX clock.
fn clock_ns(clock: libc::clockid_t) -> PyResult<i128> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write to.
    let r = unsafe { libc::clock_gettime(clock, &mut ts) };
    if r != 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(os_error(e, &super::strerror(e)));
    }
    Ok(i128::from(ts.tv_sec) * 1_000_000_000 + i128::from(ts.tv_nsec))
}

/// Seconds as a float from nanoseconds, as CPython converts clock readings.
fn ns_to_secs(ns: i128) -> f64 {
    ns as f64 / 1e9
}

fn ns_value(ns: i128) -> Value {
    Value::int(BigInt::from(ns))
}

macro_rules! clocks {
    ($($secs:ident, $ns:ident => $clock:expr, $name:literal;)*) => {
        $(
            fn $secs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
                args.between($name, 0, 0)?;
                Ok(Value::Float(ns_to_secs(clock_ns($clock)?)))
            }

            fn $ns(_vm: &mut Vm, args: Args) -> PyResult<Value> {
                args.between(concat!($name, "_ns"), 0, 0)?;
                Ok(ns_value(clock_ns($clock)?))
            }
        )*
    };
}

clocks! {
    time, time_ns => libc::CLOCK_REALTIME, "time";
    monotonic, monotonic_ns => libc::CLOCK_MONOTONIC, "monotonic";
    perf_counter, perf_counter_ns => libc::CLOCK_MONOTONIC, "perf_counter";
    process_time, process_time_ns => libc::CLOCK_PROCESS_CPUTIME_ID, "process_time";
    thread_time, thread_time_ns => libc::CLOCK_THREAD_CPUTIME_ID, "thread_time";
}

fn clock_id_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<libc::clockid_t> {
    let v = args.one(name)?;
    let id = crate::vm::ops::index_value(vm, v)?;
    libc::clockid_t::try_from(id)
        .map_err(|_| overflow_error("signed integer is greater than maximum"))
}

fn clock_gettime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = clock_id_arg(vm, &args, "clock_gettime")?;
    Ok(Value::Float(ns_to_secs(clock_ns(id)?)))
}

fn clock_gettime_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = clock_id_arg(vm, &args, "clock_gettime_ns")?;
    Ok(ns_value(clock_ns(id)?))
}

// ---- sleep ---------------------------------------------------------------------------------

/// The duration argument of `sleep`, in nanoseconds (rounded up, as CPython's timeouts are).
fn duration_ns(vm: &mut Vm, v: &Value) -> PyResult<i128> {
    let limit = i128::from(i64::MAX);
    if let Some(x) = float_of(v) {
        if x.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let ns = (x * 1e9).ceil();
        if !(-(i64::MAX as f64)..=i64::MAX as f64).contains(&ns) {
            return Err(overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(ns as i128);
    }
    let n = super::math_module::int_arg(vm, v)?;
    n.to_i128()
        .map(|s| s.saturating_mul(1_000_000_000))
        .filter(|ns| (-limit..=limit).contains(ns))
        .ok_or_else(|| overflow_error("timestamp too large to convert to C _PyTime_t"))
}

fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        _ => match v.payload() {
            Some(Payload::Float(f)) => Some(*f),
            _ => None,
        },
    }
}

/// The longest single wait of `sleep`: a signal may be delivered to another thread than the
/// sleeping one (the interpreter may run on a thread of its own), so the sleeper wakes up this
/// often to notice it.
const SLEEP_SLICE_NS: i128 = 50_000_000;

/// Sleeps `ns` nanoseconds (an interrupted sleep just ends early).
fn nanosleep(ns: i128) {
    let req = libc::timespec {
        tv_sec: (ns / 1_000_000_000) as libc::time_t,
        tv_nsec: (ns % 1_000_000_000) as libc::c_long,
    };
    // SAFETY: `req` is a valid timespec; no remainder is asked for.
    unsafe { libc::nanosleep(&req, std::ptr::null_mut()) };
}

fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("time.sleep")?;
    let ns = duration_ns(vm, v)?;
    if ns < 0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    let deadline = clock_ns(libc::CLOCK_MONOTONIC)? + ns;
    loop {
        let left = deadline - clock_ns(libc::CLOCK_MONOTONIC)?;
        if left <= 0 {
            return Ok(Value::None);
        }
        blocking(vm, || nanosleep(left.min(SLEEP_SLICE_NS)));
        // A pending signal runs its handler now (SIGINT raises KeyboardInterrupt).
        vm.check_eval_breaker()?;
    }
}

// ---- struct_time ---------------------------------------------------------------------------

const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

/// Defines getters reading one item of a struct_time's tuple.
macro_rules! field_getters {
    ($($name:ident => $i:expr;)*) => {
        $(
            fn $name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
                Ok(v.as_tuple().and_then(|t| t.get($i)).cloned().unwrap_or(Value::None))
            }
        )*
    };
}

field_getters! {
    get_year => 0; get_mon => 1; get_mday => 2; get_hour => 3; get_min => 4; get_sec => 5;
    get_wday => 6; get_yday => 7; get_isdst => 8;
}

const GETTERS: [GetterFn; 9] = [
    get_year, get_mon, get_mday, get_hour, get_min, get_sec, get_wday, get_yday, get_isdst,
];

/// `time.struct_time`: a tuple of nine items; `tm_zone` and `tm_gmtoff` live in the instance
/// dict. The type is marked as a class so the core protocols use its `__repr__`.
pub fn struct_time_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = native_type(
            "struct_time",
            "time",
            Some(&types().tuple),
            Layout::Tuple,
            false,
            true,
        );
        add_new(&t, struct_time_new);
        add_type_methods(&t, &[("__repr__", struct_time_repr)]);
        let gil = unsafe { Gil::assume_held() };
        for (name, get) in FIELDS.iter().zip(GETTERS) {
            let g = Value::obj(Payload::GetSet(GetSet {
                name,
                get,
                set: None,
                owner: Some(t.clone()),
            }));
            set_type_attr(&gil, &t, name, g);
        }
        for (name, n) in [
            ("n_fields", 11),
            ("n_sequence_fields", 9),
            ("n_unnamed_fields", 0),
        ] {
            set_type_attr(&gil, &t, name, Value::Int(n));
        }
        t
    })
}

/// A struct_time of class `cls` from its nine items, zone and offset.
fn make_struct_time(vm: &Vm, cls: &ObjRef, items: Vec<Value>, zone: Value, gmtoff: Value) -> Value {
    let v = new_instance(cls.clone(), Payload::Tuple(items.into()), true);
    if let Some(d) = v.as_obj().and_then(|o| o.dict.clone()) {
        vm.dict_set_str(&d, Value::str("tm_zone"), zone);
        vm.dict_set_str(&d, Value::str("tm_gmtoff"), gmtoff);
    }
    v
}

fn struct_time_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = new_class_arg(vm, &args, struct_time_type())?;
    let rest = Args {
        pos: &args.pos[1..],
        ..args
    };
    let a = rest.bind("struct_time", &["sequence", "dict"], 1)?;
    let seq = a[0].clone().unwrap_or(Value::None);
    let items = vm.iterate(&seq)?;
    let n = items.len();
    if n < 9 {
        return Err(type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({n}-sequence given)"
        )));
    }
    if n > 11 {
        return Err(type_error(format!(
            "time.struct_time() takes an at most 11-sequence ({n}-sequence given)"
        )));
    }
    let zone = items.get(9).cloned().unwrap_or(Value::None);
    let gmtoff = items.get(10).cloned().unwrap_or(Value::None);
    Ok(make_struct_time(
        vm,
        &cls,
        items[..9].to_vec(),
        zone,
        gmtoff,
    ))
}

fn struct_time_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let items = args
        .pos
        .first()
        .and_then(Value::as_tuple)
        .ok_or_else(|| type_error("descriptor '__repr__' requires a 'time.struct_time' object"))?
        .to_vec();
    let mut parts = Vec::with_capacity(9);
    for (name, v) in FIELDS.iter().zip(&items) {
        parts.push(format!("{name}={}", vm.repr(v)?));
    }
    Ok(Value::str(format!(
        "time.struct_time({})",
        parts.join(", ")
    )))
}

/// The UTC offset of a `struct tm`, in seconds (a C `long`: 32 bits on some targets).
#[allow(clippy::useless_conversion)]
fn gmtoff(tm: &libc::tm) -> i64 {
    i64::from(tm.tm_gmtoff)
}

/// A `struct tm` as a struct_time.
fn tm_to_struct_time(vm: &Vm, tm: &libc::tm) -> Value {
    let items = vec![
        Value::Int(i64::from(tm.tm_year) + 1900),
        Value::Int(i64::from(tm.tm_mon) + 1),
        Value::Int(i64::from(tm.tm_mday)),
        Value::Int(i64::from(tm.tm_hour)),
        Value::Int(i64::from(tm.tm_min)),
        Value::Int(i64::from(tm.tm_sec)),
        Value::Int(i64::from((tm.tm_wday + 6) % 7)),
        Value::Int(i64::from(tm.tm_yday) + 1),
        Value::Int(i64::from(tm.tm_isdst)),
    ];
    let zone = if tm.tm_zone.is_null() {
        Value::None
    } else {
        // SAFETY: a non-null tm_zone from the C library points at a NUL-terminated string
        // that lives as long as the time zone data.
        let z = unsafe { CStr::from_ptr(tm.tm_zone) };
        Value::str(z.to_string_lossy().into_owned())
    };
    make_struct_time(vm, struct_time_type(), items, zone, Value::Int(gmtoff(tm)))
}

// ---- converting times ----------------------------------------------------------------------

/// The seconds argument of `gmtime`/`localtime`/`ctime`: None is now; floats are floored.
fn time_t_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<libc::time_t> {
    let out_of_range = || overflow_error("timestamp out of range for platform time_t");
    let v = match v {
        None | Some(Value::None) => {
            return Ok((clock_ns(libc::CLOCK_REALTIME)? / 1_000_000_000) as libc::time_t);
        }
        Some(v) => v,
    };
    if let Some(x) = float_of(v) {
        if x.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let f = x.floor();
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
            return Err(out_of_range());
        }
        return Ok(f as libc::time_t);
    }
    let n = super::math_module::int_arg(vm, v)?;
    n.to_i64().ok_or_else(out_of_range)
}

fn zeroed_tm() -> libc::tm {
    // SAFETY: `tm` is plain data; all-zero is a valid value (a null `tm_zone`).
    unsafe { std::mem::zeroed() }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `gmtime_r` or `localtime_r` of a timestamp.
fn broken_down(t: libc::time_t, local: bool) -> PyResult<libc::tm> {
    let mut tm = zeroed_tm();
    // SAFETY: both pointers are valid for the call.
    let r = unsafe {
        if local {
            libc::localtime_r(&t, &mut tm)
        } else {
            libc::gmtime_r(&t, &mut tm)
        }
    };
    if r.is_null() {
        let e = last_errno();
        let e = if e == 0 { libc::EOVERFLOW } else { e };
        return Err(os_error(e, &super::strerror(e)));
    }
    Ok(tm)
}

fn gmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = at_most_one(&args, "gmtime")?;
    let t = time_t_arg(vm, a)?;
    let tm = broken_down(t, false)?;
    Ok(tm_to_struct_time(vm, &tm))
}

fn localtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = at_most_one(&args, "localtime")?;
    let t = time_t_arg(vm, a)?;
    let tm = broken_down(t, true)?;
    Ok(tm_to_struct_time(vm, &tm))
}

/// The optional single argument of `gmtime(secs)` and friends.
fn at_most_one<'a>(args: &Args<'a>, name: &str) -> PyResult<Option<&'a Value>> {
    args.no_kwargs(name)?;
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "{name}() takes at most 1 argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(args.pos.first())
}

/// A `struct tm` from a time tuple, and the zone name it points at (kept alive with it).
struct TmArg {
    tm: libc::tm,
    _zone: Option<CString>,
}

/// Converts a time tuple (or struct_time) to a `struct tm`, as CPython's `gettmarg` does.
fn tm_arg(vm: &mut Vm, v: &Value, func: &str) -> PyResult<TmArg> {
    if !is_instance(v, &types().tuple) {
        return Err(type_error("Tuple or struct_time argument required"));
    }
    let items = v.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
    if items.len() != 9 {
        return Err(type_error(format!("{func}(): illegal time tuple argument")));
    }
    let mut f = [0i32; 9];
    for (slot, item) in f.iter_mut().zip(&items) {
        let n = super::math_module::int_arg(vm, item)?;
        *slot = n.to_i32().ok_or_else(|| {
            overflow_error(if n.sign() == num_bigint::Sign::Minus {
                "signed integer is less than minimum"
            } else {
                "signed integer is greater than maximum"
            })
        })?;
    }
    let mut tm = zeroed_tm();
    tm.tm_year = f[0].wrapping_sub(1900);
    tm.tm_mon = f[1].wrapping_sub(1);
    tm.tm_mday = f[2];
    tm.tm_hour = f[3];
    tm.tm_min = f[4];
    tm.tm_sec = f[5];
    tm.tm_wday = f[6].wrapping_add(1) % 7;
    tm.tm_yday = f[7].wrapping_sub(1);
    tm.tm_isdst = f[8];
    let mut zone = None;
    if std::sync::Arc::ptr_eq(type_of(v), struct_time_type()) {
        let d = v.as_obj().and_then(|o| o.dict.clone());
        if let Some(d) = d {
            if let Some(z) = vm.dict_get_str(&d, &Value::str("tm_zone"))
                && let Some(s) = z.as_str()
            {
                zone = CString::new(s).ok();
            }
            if let Some(off) = vm.dict_get_str(&d, &Value::str("tm_gmtoff"))
                && let Some(n) = as_bigint(&off).and_then(|n| n.to_i64())
            {
                tm.tm_gmtoff = n as libc::c_long;
            }
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok(TmArg { tm, _zone: zone })
}

/// CPython's `checktm` with the leniencies `strftime` and `asctime` allow (zero month, day
/// and day of year stand for the first).
fn check_tm(tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(value_error("day of year out of range"));
    }
    Ok(())
}

/// The time tuple argument of `strftime`/`asctime`, or the local time now.
fn tm_or_now(vm: &mut Vm, v: Option<&Value>, func: &str) -> PyResult<TmArg> {
    match v {
        Some(v) => {
            let mut t = tm_arg(vm, v, func)?;
            check_tm(&mut t.tm)?;
            Ok(t)
        }
        None => {
            let now = time_t_arg(vm, None)?;
            Ok(TmArg {
                tm: broken_down(now, true)?,
                _zone: None,
            })
        }
    }
}

fn strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("strftime")?;
    let a = args.between("strftime", 1, 2)?;
    let Some(fmt) = a[0].as_str() else {
        return Err(type_error(format!(
            "strftime() argument 1 must be str, not {}",
            type_name(&a[0], vm)
        )));
    };
    let fmt = fmt.to_string();
    let mut t = tm_or_now(vm, a.get(1), "strftime")?;
    t.tm.tm_isdst = t.tm.tm_isdst.clamp(-1, 1);
    let cfmt = CString::new(fmt.as_bytes()).map_err(|_| value_error("embedded null character"))?;
    Ok(Value::str(c_strftime(&cfmt, &t.tm, fmt.len())))
}

/// The C library's `strftime`, growing the buffer until the result fits.
fn c_strftime(fmt: &CString, tm: &libc::tm, fmt_len: usize) -> String {
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes; `fmt` is NUL-terminated; `tm` is valid.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, fmt.as_ptr(), tm) };
        if n > 0 || size >= 256 * fmt_len.max(1) {
            buf.truncate(n);
            return String::from_utf8_lossy(&buf).into_owned();
        }
        size *= 2;
    }
}

const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `Sun Jun 20 23:21:05 1993`.
fn asctime_text(tm: &libc::tm) -> String {
    let day = DAY_NAMES[tm.tm_wday.rem_euclid(7) as usize];
    let month = MONTH_NAMES[tm.tm_mon.rem_euclid(12) as usize];
    format!(
        "{day} {month}{:3} {:02}:{:02}:{:02} {}",
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        i64::from(tm.tm_year) + 1900
    )
}

fn asctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = at_most_one(&args, "asctime")?;
    let t = tm_or_now(vm, a, "asctime")?;
    Ok(Value::str(asctime_text(&t.tm)))
}

fn ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = at_most_one(&args, "ctime")?;
    let t = time_t_arg(vm, a)?;
    let tm = broken_down(t, true)?;
    Ok(Value::str(asctime_text(&tm)))
}

fn mktime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.one("time.mktime")?;
    let mut t = tm_arg(vm, v, "mktime")?;
    // mktime returns -1 both for errors and for one second before the epoch; an untouched
    // day of the week tells them apart.
    t.tm.tm_wday = -1;
    // SAFETY: `t.tm` is a valid struct tm.
    let r = unsafe { libc::mktime(&mut t.tm) };
    if r == -1 && t.tm.tm_wday == -1 {
        return Err(overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(r as f64))
}

// ---- time zones ----------------------------------------------------------------------------

unsafe extern "C" {
    #[link_name = "tzset"]
    fn c_tzset();
}

/// Days from 1970-01-01 to the first of `month` (1-based) of `year`, proleptic Gregorian.
fn days_from_civil(year: i64, month: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `timezone`, `altzone`, `daylight` and `tzname` from the local offsets on January 1 and
/// July 1 of the current year (standard time is the one further west).
fn set_zone_attributes(vm: &mut Vm, m: &ObjRef) -> PyResult<()> {
    // SAFETY: tzset only reads the environment and updates the C library's zone state.
    unsafe { c_tzset() };
    let now = time_t_arg(vm, None)?;
    let year = i64::from(broken_down(now, true)?.tm_year) + 1900;
    let at = |month: i64| -> PyResult<(i64, String)> {
        let t = days_from_civil(year, month) * 86_400;
        let tm = broken_down(t as libc::time_t, true)?;
        let name = if tm.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: see `tm_to_struct_time`.
            unsafe { CStr::from_ptr(tm.tm_zone) }
                .to_string_lossy()
                .into_owned()
        };
        Ok((-gmtoff(&tm), name))
    };
    let (jan, jan_name) = at(1)?;
    let (jul, jul_name) = at(7)?;
    let (std_off, dst_off, std_name, dst_name) = if jan < jul {
        (jul, jan, jul_name, jan_name)
    } else {
        (jan, jul, jan_name, jul_name)
    };
    set_attr(vm, m, "timezone", Value::Int(std_off));
    set_attr(vm, m, "altzone", Value::Int(dst_off));
    set_attr(vm, m, "daylight", Value::Int(i64::from(jan != jul)));
    set_attr(
        vm,
        m,
        "tzname",
        Value::tuple(vec![Value::str(std_name), Value::str(dst_name)]),
    );
    Ok(())
}

fn tzset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.between("tzset", 0, 0)?;
    let m = vm.import_module("time")?;
    if let Some(m) = m.as_obj() {
        set_zone_attributes(vm, m)?;
    }
    Ok(Value::None)
}

// ---- the module ----------------------------------------------------------------------------

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("time", time),
    ("time_ns", time_ns),
    ("monotonic", monotonic),
    ("monotonic_ns", monotonic_ns),
    ("perf_counter", perf_counter),
    ("perf_counter_ns", perf_counter_ns),
    ("process_time", process_time),
    ("process_time_ns", process_time_ns),
    ("thread_time", thread_time),
    ("thread_time_ns", thread_time_ns),
    ("clock_gettime", clock_gettime),
    ("clock_gettime_ns", clock_gettime_ns),
    ("sleep", sleep),
    ("gmtime", gmtime),
    ("localtime", localtime),
    ("mktime", mktime),
    ("strftime", strftime),
    ("asctime", asctime),
    ("ctime", ctime),
    ("tzset", tzset),
];

pub fn init(vm: &mut Vm, m: &ObjRef) -> PyResult<()> {
    for &(name, f) in FUNCTIONS {
        set_attr(vm, m, name, native_function(name, f));
    }
    set_attr(vm, m, "struct_time", Value::Obj(struct_time_type().clone()));
    for (name, id) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
    ] {
        set_attr(vm, m, name, Value::Int(i64::from(id)));
    }
    set_zone_attributes(vm, m)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::days_from_civil;

    #[test]
    fn civil_days() {
        assert_eq!(days_from_civil(1970, 1), 0);
        assert_eq!(days_from_civil(2000, 3), 11_017);
        assert_eq!(days_from_civil(1969, 12), -31);
    }
}
