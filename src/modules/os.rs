//! The `os` module (processes, users, the environment as a dict snapshot, files and
//! directories, file descriptors, `stat`, `urandom`, `strerror`, …) and `os.path`, a module
//! of its own (`posixpath`, registered as `os.path` too) computing what CPython's `posixpath`
//! computes. Paths may be str, bytes or `os.PathLike`; failures raise the `OSError` subclass
//! of their errno, with the file name.

use std::ffi::{CString, OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::sync::OnceLock;

use num_traits::ToPrimitive;

use super::math_module::int_arg;
use super::operator::{add_type_methods, native_type};
use super::time::blocking;
use super::{ModuleInit, os_error, os_error_with_filename, set_attr};
use crate::builtins::{native_function, set_type_attr};
use crate::object::dict::Dict;
use crate::object::gil_cell::Gil;
use crate::object::typeobj::{ExcType, Layout, type_data, type_of, types};
use crate::object::value::{
    Args, Builtin, NativeFn, NativeKind, ObjRef, Payload, Value, new_instance,
};
use crate::vm::Vm;
use crate::vm::eval::type_name;
use crate::vm::exceptions::{PyErr, PyResult, type_error, value_error};

const _: ModuleInit = init;
const _: ModuleInit = init_path;

// ---- errors --------------------------------------------------------------------------------

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The `OSError` for an errno, naming the file.
fn file_error(e: i32, filename: &Value) -> PyErr {
    os_error_with_filename(e, &super::strerror(e), Some(filename.clone()))
}

fn io_error(e: &std::io::Error, filename: Option<&Value>) -> PyErr {
    let code = e.raw_os_error().unwrap_or(libc::EIO);
    match filename {
        Some(f) => file_error(code, f),
        None => os_error(code, &super::strerror(code)),
    }
}

/// An error naming two files (`rename`): `[Errno 2] No such file or directory: 'a' -> 'b'`.
fn two_file_error(e: &std::io::Error, src: &Value, dst: &Value) -> PyErr {
    let err = io_error(e, Some(src));
    if let Some(d) = &err.exc.dict {
        let gil = unsafe { Gil::assume_held() };
        let key = Value::str("filename2");
        let h = key.as_pystr().map_or(0, |s| s.hash());
        if let Payload::Dict(dd) = &d.payload {
            let _ = dd
                .borrow_mut(&gil)
                .insert_with(
                    h,
                    key,
                    dst.clone(),
                    &mut |a, b| Ok(a.as_str() == b.as_str()),
                );
        }
    }
    err
}

// ---- path arguments ------------------------------------------------------------------------

/// A path argument: its bytes, whether it was bytes (results are bytes then), and the object
/// given (the `filename` of errors).
#[derive(Clone)]
struct PathArg {
    data: Vec<u8>,
    is_bytes: bool,
    original: Value,
}

impl PathArg {
    fn path(&self) -> PathBuf {
        PathBuf::from(OsStr::from_bytes(&self.data))
    }

    /// A result path of the same kind as this argument.
    fn out(&self, data: Vec<u8>) -> Value {
        make_path(data, self.is_bytes)
    }

    fn c_string(&self) -> PyResult<CString> {
        CString::new(self.data.clone()).map_err(|_| value_error("embedded null byte"))
    }
}

fn make_path(data: Vec<u8>, is_bytes: bool) -> Value {
    if is_bytes {
        Value::bytes(data)
    } else {
        Value::str(String::from_utf8_lossy(&data).into_owned())
    }
}

/// `os.fspath(v)`: str and bytes as they are, else `__fspath__`; `None` for other types.
fn fspath_value(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if let Some(Payload::Str(_) | Payload::Bytes(_)) = v.payload() {
        return Ok(Some(v.clone()));
    }
    let Some(m) = vm.lookup_special(type_of(v), "__fspath__") else {
        return Ok(None);
    };
    let r = vm.call_special(&m, v, &[])?;
    if matches!(r.payload(), Some(Payload::Str(_) | Payload::Bytes(_))) {
        return Ok(Some(r));
    }
    Err(type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        type_name(v, vm),
        type_name(&r, vm)
    )))
}

/// Converts a path argument; `what` completes `path should be string, bytes…` messages.
fn path_arg(vm: &mut Vm, v: &Value, func: &str, what: &str) -> PyResult<PathArg> {
    let Some(p) = fspath_value(vm, v)? else {
        return Err(type_error(format!(
            "{func}: path should be string, bytes{what}, not {}",
            type_name(v, vm)
        )));
    };
    let (data, is_bytes) = match p.payload() {
        Some(Payload::Str(s)) => (s.as_str().as_bytes().to_vec(), false),
        Some(Payload::Bytes(b)) => (b.to_vec(), true),
        _ => (Vec::new(), false),
    };
    if data.contains(&0) {
        return Err(value_error("embedded null byte"));
    }
    Ok(PathArg {
        data,
        is_bytes,
        original: v.clone(),
    })
}

/// A path argument of a function taking only paths (`or os.PathLike`).
fn plain_path(vm: &mut Vm, v: &Value, func: &str) -> PyResult<PathArg> {
    path_arg(vm, v, func, " or os.PathLike")
}

/// A path for the `os.path` functions: `expected str, bytes or os.PathLike object, not int`.
fn pure_path(vm: &mut Vm, v: &Value) -> PyResult<PathArg> {
    let Some(p) = fspath_value(vm, v)? else {
        return Err(type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(v, vm)
        )));
    };
    let (data, is_bytes) = match p.payload() {
        Some(Payload::Str(s)) => (s.as_str().as_bytes().to_vec(), false),
        Some(Payload::Bytes(b)) => (b.to_vec(), true),
        _ => (Vec::new(), false),
    };
    Ok(PathArg {
        data,
        is_bytes,
        original: v.clone(),
    })
}

// ---- processes and users -------------------------------------------------------------------

fn no_args(args: &Args, name: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    if !args.pos.is_empty() {
        return Err(type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.pos.len()
        )));
    }
    Ok(())
}

macro_rules! id_getters {
    ($($fn_name:ident => $call:expr, $py:literal;)*) => {
        $(
            fn $fn_name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
                no_args(&args, $py)?;
                // SAFETY: these calls only read process attributes.
                Ok(Value::Int(i64::from(unsafe { $call })))
            }
        )*
    };
}

id_getters! {
    getpid => libc::getpid(), "posix.getpid";
    getppid => libc::getppid(), "posix.getppid";
    getuid => libc::getuid(), "posix.getuid";
    geteuid => libc::geteuid(), "posix.geteuid";
    getgid => libc::getgid(), "posix.getgid";
    getegid => libc::getegid(), "posix.getegid";
    getpgrp => libc::getpgrp(), "posix.getpgrp";
}

fn getgroups(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "posix.getgroups")?;
    // SAFETY: a zero-sized query returns the count without writing.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n < 0 {
        let e = errno();
        return Err(os_error(e, &super::strerror(e)));
    }
    let mut groups = vec![0 as libc::gid_t; n as usize];
    // SAFETY: `groups` has room for `n` entries.
    let n = unsafe { libc::getgroups(n, groups.as_mut_ptr()) };
    if n < 0 {
        let e = errno();
        return Err(os_error(e, &super::strerror(e)));
    }
    groups.truncate(n as usize);
    Ok(Value::list(
        groups
            .into_iter()
            .map(|g| Value::Int(i64::from(g)))
            .collect(),
    ))
}

fn cpu_count(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "cpu_count")?;
    // SAFETY: sysconf only reads a system value.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 {
        Value::None
    } else {
        Value::Int(n as i64)
    })
}

/// A C `int` argument.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = int_arg(vm, v)?;
    n.to_i32().ok_or_else(|| {
        PyErr::new(
            ExcType::OverflowError,
            if n.sign() == num_bigint::Sign::Minus {
                "signed integer is less than minimum"
            } else {
                "signed integer is greater than maximum"
            },
        )
    })
}

fn clear_errno() {
    // SAFETY: errno is this thread's own variable.
    unsafe { *libc::__errno_location() = 0 };
}

fn getpriority(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("getpriority", &["which", "who"], 2)?;
    let which = c_int(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let who = c_int(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    clear_errno();
    // SAFETY: getpriority only reads scheduling attributes.
    let r = unsafe { libc::getpriority(which as libc::__priority_which_t, who as libc::id_t) };
    if r == -1 && errno() != 0 {
        let e = errno();
        return Err(os_error(e, &super::strerror(e)));
    }
    Ok(Value::Int(i64::from(r)))
}

fn setpriority(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("setpriority", &["which", "who", "priority"], 3)?;
    let which = c_int(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let who = c_int(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    let prio = c_int(vm, a[2].as_ref().unwrap_or(&Value::None))?;
    // SAFETY: setpriority changes only scheduling attributes.
    let r =
        unsafe { libc::setpriority(which as libc::__priority_which_t, who as libc::id_t, prio) };
    if r == -1 {
        let e = errno();
        return Err(os_error(e, &super::strerror(e)));
    }
    Ok(Value::None)
}

fn nice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let inc = c_int(vm, args.one("nice")?)?;
    clear_errno();
    // SAFETY: nice changes only this process's priority.
    let r = unsafe { libc::nice(inc) };
    if r == -1 && errno() != 0 {
        let e = errno();
        return Err(os_error(e, &super::strerror(e)));
    }
    Ok(Value::Int(i64::from(r)))
}

fn kill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::math_module::exact_args(&args, "kill", "kill", 2)?;
    let pid = c_int(vm, &a[0])?;
    let sig = c_int(vm, &a[1])?;
    // SAFETY: kill has no memory effects in this process.
    if unsafe { libc::kill(pid, sig) } != 0 {
        let e = errno();
        return Err(os_error(e, &super::strerror(e)));
    }
    // A signal to ourselves is handled before returning, as CPython does.
    vm.check_eval_breaker()?;
    Ok(Value::None)
}

fn strerror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = c_int(vm, args.one("strerror")?)?;
    Ok(Value::str(super::strerror(code)))
}

fn exit_now(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("_exit", &["status"], 1)?;
    let status = c_int(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    // SAFETY: `_exit` ends the process at once; nothing is flushed, as documented.
    unsafe { libc::_exit(status) }
}

/// A buffer of `n` zero bytes, or `MemoryError`.
fn zeroed_buffer(n: usize) -> PyResult<Vec<u8>> {
    let mut buf = Vec::new();
    buf.try_reserve_exact(n)
        .map_err(|_| PyErr::with_args(ExcType::MemoryError, vec![]))?;
    buf.resize(n, 0);
    Ok(buf)
}

fn urandom(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_arg(vm, args.one("urandom")?)?;
    if n.sign() == num_bigint::Sign::Minus {
        return Err(value_error("negative argument not allowed"));
    }
    let n = n.to_usize().ok_or_else(|| {
        PyErr::new(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })?;
    let mut buf = zeroed_buffer(n)?;
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| io_error(&e, None))?;
    Ok(Value::bytes(buf))
}

fn umask(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mask = c_int(vm, args.one("umask")?)?;
    // SAFETY: umask only swaps the process's mask.
    let old = unsafe { libc::umask(mask as libc::mode_t) };
    Ok(Value::Int(i64::from(old)))
}

// ---- structseq results (stat_result, times_result, uname_result) ---------------------------

/// A tuple type whose items are also attributes: the names of the items are the type's
/// `_fields`; extra attributes (`stat_result.st_atime` as a float, …) live in the instance
/// dict, which also holds the named items.
fn structseq_type(name: &str, module: &str, fields: &[&str], n_fields: i64) -> ObjRef {
    let t = native_type(
        name,
        module,
        Some(&types().tuple),
        Layout::Tuple,
        false,
        true,
    );
    add_type_methods(&t, &[("__repr__", structseq_repr)]);
    let gil = unsafe { Gil::assume_held() };
    let names: Vec<Value> = fields.iter().map(|f| Value::str(*f)).collect();
    set_type_attr(&gil, &t, "_fields", Value::tuple(names));
    set_type_attr(
        &gil,
        &t,
        "n_sequence_fields",
        Value::Int(fields.len() as i64),
    );
    set_type_attr(&gil, &t, "n_fields", Value::Int(n_fields));
    set_type_attr(&gil, &t, "n_unnamed_fields", Value::Int(0));
    t
}

fn structseq_new(vm: &Vm, t: &ObjRef, items: Vec<Value>, extra: Vec<(&str, Value)>) -> Value {
    let v = new_instance(t.clone(), Payload::Tuple(items.clone().into()), true);
    let fields = vm
        .dict_get_str(&type_data(t).dict, &Value::str("_fields"))
        .and_then(|f| f.as_tuple().map(<[Value]>::to_vec))
        .unwrap_or_default();
    if let Some(d) = v.as_obj().and_then(|o| o.dict.clone()) {
        for (k, item) in fields.into_iter().zip(items) {
            vm.dict_set_str(&d, k, item);
        }
        for (k, x) in extra {
            vm.dict_set_str(&d, Value::str(k), x);
        }
    }
    v
}

fn structseq_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = args
        .pos
        .first()
        .ok_or_else(|| type_error("descriptor '__repr__' needs an argument"))?;
    let items = me.as_tuple().map(<[Value]>::to_vec).unwrap_or_default();
    let t = type_of(me).clone();
    let d = &type_data(&t).dict;
    let fields = vm
        .dict_get_str(d, &Value::str("_fields"))
        .and_then(|f| f.as_tuple().map(<[Value]>::to_vec))
        .unwrap_or_default();
    let mut parts = Vec::with_capacity(items.len());
    for (k, v) in fields.iter().zip(&items) {
        parts.push(format!("{}={}", k.as_str().unwrap_or("?"), vm.repr(v)?));
    }
    let name = vm.class_qualified_name(&t);
    Ok(Value::str(format!("{name}({})", parts.join(", "))))
}

fn stat_result_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        structseq_type(
            "stat_result",
            "os",
            &[
                "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
                "st_atime", "st_mtime", "st_ctime",
            ],
            19,
        )
    })
}

fn times_result_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        structseq_type(
            "times_result",
            "posix",
            &[
                "user",
                "system",
                "children_user",
                "children_system",
                "elapsed",
            ],
            5,
        )
    })
}

fn uname_result_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        structseq_type(
            "uname_result",
            "posix",
            &["sysname", "nodename", "release", "version", "machine"],
            5,
        )
    })
}

fn stat_value(vm: &Vm, m: &std::fs::Metadata) -> Value {
    let int = |x: i64| Value::Int(x);
    let secs = |s: i64, ns: i64| Value::Float(s as f64 + ns as f64 * 1e-9);
    let total_ns = |s: i64, ns: i64| Value::int(num_bigint::BigInt::from(s) * 1_000_000_000 + ns);
    let items = vec![
        int(i64::from(m.mode())),
        Value::int(m.ino().into()),
        Value::int(m.dev().into()),
        Value::int(m.nlink().into()),
        int(i64::from(m.uid())),
        int(i64::from(m.gid())),
        int(m.size() as i64),
        int(m.atime()),
        int(m.mtime()),
        int(m.ctime()),
    ];
    let extra = vec![
        ("st_atime", secs(m.atime(), m.atime_nsec())),
        ("st_mtime", secs(m.mtime(), m.mtime_nsec())),
        ("st_ctime", secs(m.ctime(), m.ctime_nsec())),
        ("st_atime_ns", total_ns(m.atime(), m.atime_nsec())),
        ("st_mtime_ns", total_ns(m.mtime(), m.mtime_nsec())),
        ("st_ctime_ns", total_ns(m.ctime(), m.ctime_nsec())),
        ("st_blksize", Value::int(m.blksize().into())),
        ("st_blocks", Value::int(m.blocks().into())),
        ("st_rdev", Value::int(m.rdev().into())),
    ];
    structseq_new(vm, stat_result_type(), items, extra)
}

/// Metadata of a path (following symlinks or not) or of an open file descriptor.
enum StatTarget {
    Path(PathArg),
    Fd(i32),
}

fn stat_target(vm: &mut Vm, v: &Value, func: &str) -> PyResult<StatTarget> {
    if crate::vm::ops::as_int(v).is_some() {
        return Ok(StatTarget::Fd(c_int(vm, v)?));
    }
    Ok(StatTarget::Path(path_arg(
        vm,
        v,
        func,
        ", os.PathLike or integer",
    )?))
}

fn fd_metadata(fd: i32) -> std::io::Result<std::fs::Metadata> {
    use std::os::fd::BorrowedFd;
    if fd < 0 {
        return Err(std::io::Error::from_raw_os_error(libc::EBADF));
    }
    // SAFETY: the descriptor is only borrowed for the duration of the call; an invalid one
    // makes fstat fail with EBADF.
    let b = unsafe { BorrowedFd::borrow_raw(fd) };
    let owned = b.try_clone_to_owned()?;
    std::fs::File::from(owned).metadata()
}

fn metadata(target: &StatTarget, follow: bool) -> std::io::Result<std::fs::Metadata> {
    match target {
        StatTarget::Fd(fd) => fd_metadata(*fd),
        StatTarget::Path(p) if follow => std::fs::metadata(p.path()),
        StatTarget::Path(p) => std::fs::symlink_metadata(p.path()),
    }
}

fn do_stat(vm: &mut Vm, args: Args, func: &str, follow_default: bool) -> PyResult<Value> {
    let a = args.bind(func, &["path", "dir_fd", "follow_symlinks"], 1)?;
    let target = stat_target(vm, a[0].as_ref().unwrap_or(&Value::None), func)?;
    let follow = match &a[2] {
        Some(v) => vm.is_true(v)?,
        None => follow_default,
    };
    let m = metadata(&target, follow).map_err(|e| match &target {
        StatTarget::Path(p) => io_error(&e, Some(&p.original)),
        StatTarget::Fd(_) => io_error(&e, None),
    })?;
    Ok(stat_value(vm, &m))
}

fn stat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    do_stat(vm, args, "stat", true)
}

fn lstat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    do_stat(vm, args, "lstat", false)
}

fn fstat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = c_int(vm, args.one("fstat")?)?;
    let m = fd_metadata(fd).map_err(|e| io_error(&e, None))?;
    Ok(stat_value(vm, &m))
}

fn times(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "posix.times")?;
    // SAFETY: `t` is a valid tms to fill.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let c = unsafe { libc::times(&mut t) };
    // SAFETY: sysconf only reads a system value.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let f = |x: libc::clock_t| Value::Float(x as f64 / ticks);
    let items = vec![
        f(t.tms_utime),
        f(t.tms_stime),
        f(t.tms_cutime),
        f(t.tms_cstime),
        f(c),
    ];
    Ok(structseq_new(vm, times_result_type(), items, vec![]))
}

fn uname(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "posix.uname")?;
    // SAFETY: `u` is a valid utsname to fill.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } != 0 {
        let e = errno();
        return Err(os_error(e, &super::strerror(e)));
    }
    let field = |f: &[libc::c_char]| {
        let bytes: Vec<u8> = f
            .iter()
            .take_while(|&&c| c != 0)
            .map(|&c| c as u8)
            .collect();
        Value::str(String::from_utf8_lossy(&bytes).into_owned())
    };
    let items = vec![
        field(&u.sysname),
        field(&u.nodename),
        field(&u.release),
        field(&u.version),
        field(&u.machine),
    ];
    Ok(structseq_new(vm, uname_result_type(), items, vec![]))
}

// ---- files and directories -----------------------------------------------------------------

fn getcwd_bytes() -> PyResult<Vec<u8>> {
    std::env::current_dir()
        .map(|p| p.into_os_string().into_vec())
        .map_err(|e| io_error(&e, None))
}

fn getcwd(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "posix.getcwd")?;
    Ok(make_path(getcwd_bytes()?, false))
}

fn getcwdb(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "posix.getcwdb")?;
    Ok(make_path(getcwd_bytes()?, true))
}

fn one_path(vm: &mut Vm, args: &Args, func: &str) -> PyResult<PathArg> {
    let a = args.bind(func, &["path"], 1)?;
    plain_path(vm, a[0].as_ref().unwrap_or(&Value::None), func)
}

fn chdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = one_path(vm, &args, "chdir")?;
    std::env::set_current_dir(p.path()).map_err(|e| io_error(&e, Some(&p.original)))?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("listdir", &["path"], 0)?;
    let p = match &a[0] {
        None | Some(Value::None) => PathArg {
            data: b".".to_vec(),
            is_bytes: false,
            original: Value::str("."),
        },
        Some(v) => path_arg(vm, v, "listdir", ", os.PathLike, integer or None")?,
    };
    let entries = std::fs::read_dir(p.path()).map_err(|e| io_error(&e, Some(&p.original)))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io_error(&e, Some(&p.original)))?;
        out.push(p.out(entry.file_name().into_vec()));
    }
    Ok(Value::list(out))
}

fn mode_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<libc::mode_t> {
    match v {
        None => Ok(0o777),
        Some(v) => Ok(c_int(vm, v)? as libc::mode_t),
    }
}

/// `mkdir(2)`.
fn make_dir(p: &PathArg, mode: libc::mode_t) -> PyResult<()> {
    let c = p.c_string()?;
    // SAFETY: `c` is a NUL-terminated path.
    if unsafe { libc::mkdir(c.as_ptr(), mode) } != 0 {
        return Err(file_error(errno(), &p.original));
    }
    Ok(())
}

fn mkdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("mkdir", &["path", "mode", "dir_fd"], 1)?;
    let p = plain_path(vm, a[0].as_ref().unwrap_or(&Value::None), "mkdir")?;
    let mode = mode_arg(vm, a[1].as_ref())?;
    make_dir(&p, mode)?;
    Ok(Value::None)
}

/// `makedirs(name, mode, exist_ok)`: the parents first, then the directory itself.
fn make_dirs(p: &PathArg, mode: libc::mode_t, exist_ok: bool) -> PyResult<()> {
    let (mut head, mut tail) = split_bytes(&p.data);
    if tail.is_empty() {
        (head, tail) = split_bytes(&head);
    }
    if !head.is_empty() && !tail.is_empty() && !PathBuf::from(OsStr::from_bytes(&head)).exists() {
        let parent = PathArg {
            original: p.out(head.clone()),
            data: head,
            is_bytes: p.is_bytes,
        };
        match make_dirs(&parent, mode, exist_ok) {
            Err(e) if !e.matches(ExcType::FileExistsError) => return Err(e),
            _ => {}
        }
        if tail == b"." {
            return Ok(());
        }
    }
    match make_dir(p, mode) {
        Err(e) if exist_ok && e.matches(ExcType::OSError) && p.path().is_dir() => Ok(()),
        r => r,
    }
}

fn makedirs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("makedirs", &["name", "mode", "exist_ok"], 1)?;
    let p = plain_path(vm, a[0].as_ref().unwrap_or(&Value::None), "mkdir")?;
    let mode = mode_arg(vm, a[1].as_ref())?;
    let exist_ok = match &a[2] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    make_dirs(&p, mode, exist_ok)?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = one_path(vm, &args, "remove")?;
    std::fs::remove_file(p.path()).map_err(|e| io_error(&e, Some(&p.original)))?;
    Ok(Value::None)
}

fn unlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = one_path(vm, &args, "unlink")?;
    std::fs::remove_file(p.path()).map_err(|e| io_error(&e, Some(&p.original)))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = one_path(vm, &args, "rmdir")?;
    std::fs::remove_dir(p.path()).map_err(|e| io_error(&e, Some(&p.original)))?;
    Ok(Value::None)
}

fn removedirs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = one_path(vm, &args, "removedirs")?;
    std::fs::remove_dir(p.path()).map_err(|e| io_error(&e, Some(&p.original)))?;
    let (mut head, mut tail) = split_bytes(&p.data);
    if tail.is_empty() {
        (head, tail) = split_bytes(&head);
    }
    while !head.is_empty() && !tail.is_empty() {
        if std::fs::remove_dir(OsStr::from_bytes(&head)).is_err() {
            break;
        }
        (head, tail) = split_bytes(&head);
    }
    Ok(Value::None)
}

fn do_rename(vm: &mut Vm, args: Args, func: &str) -> PyResult<Value> {
    let a = args.bind(func, &["src", "dst"], 2)?;
    let src = plain_path(vm, a[0].as_ref().unwrap_or(&Value::None), func)?;
    let dst = plain_path(vm, a[1].as_ref().unwrap_or(&Value::None), func)?;
    std::fs::rename(src.path(), dst.path())
        .map_err(|e| two_file_error(&e, &src.original, &dst.original))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    do_rename(vm, args, "rename")
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    do_rename(vm, args, "replace")
}

fn access(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("access", &["path", "mode"], 2)?;
    let p = plain_path(vm, a[0].as_ref().unwrap_or(&Value::None), "access")?;
    let mode = c_int(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    let c = p.c_string()?;
    // SAFETY: `c` is a NUL-terminated path.
    Ok(Value::Bool(unsafe { libc::access(c.as_ptr(), mode) } == 0))
}

fn fspath(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("fspath", &["path"], 1)?;
    let v = a[0].clone().unwrap_or(Value::None);
    fspath_value(vm, &v)?.ok_or_else(|| {
        type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(&v, vm)
        ))
    })
}

fn fsencode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = pure_path(vm, args.one("fsencode")?)?;
    Ok(Value::bytes(p.data))
}

fn fsdecode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = pure_path(vm, args.one("fsdecode")?)?;
    Ok(make_path(p.data, false))
}

// ---- file descriptors ----------------------------------------------------------------------

fn fd_result(r: isize) -> PyResult<isize> {
    if r < 0 {
        let e = errno();
        return Err(os_error(e, &super::strerror(e)));
    }
    Ok(r)
}

fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("open", &["path", "flags", "mode", "dir_fd"], 2)?;
    let p = plain_path(vm, a[0].as_ref().unwrap_or(&Value::None), "open")?;
    let flags = c_int(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    let mode = mode_arg(vm, a[2].as_ref())?;
    let c = p.c_string()?;
    // Descriptors are created non-inheritable, as in CPython.
    let fd = blocking(vm, || unsafe {
        // SAFETY: `c` is a NUL-terminated path.
        libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint)
    });
    if fd < 0 {
        return Err(file_error(errno(), &p.original));
    }
    Ok(Value::Int(i64::from(fd)))
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("close", &["fd"], 1)?;
    let fd = c_int(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    // SAFETY: closing a descriptor number has no memory effects here.
    fd_result(unsafe { libc::close(fd) } as isize)?;
    Ok(Value::None)
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::math_module::exact_args(&args, "read", "read", 2)?;
    let fd = c_int(vm, &a[0])?;
    let n = int_arg(vm, &a[1])?;
    if n.sign() == num_bigint::Sign::Minus {
        return Err(value_error("negative length"));
    }
    let n = n.to_usize().unwrap_or(usize::MAX).min(isize::MAX as usize);
    let mut buf = zeroed_buffer(n)?;
    let got = loop {
        let r = blocking(vm, || unsafe {
            // SAFETY: `buf` has `n` writable bytes.
            libc::read(fd, buf.as_mut_ptr().cast(), n)
        });
        if r < 0 && errno() == libc::EINTR {
            vm.check_eval_breaker()?;
            continue;
        }
        break fd_result(r)?;
    };
    buf.truncate(got as usize);
    Ok(Value::bytes(buf))
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::math_module::exact_args(&args, "write", "write", 2)?;
    let fd = c_int(vm, &a[0])?;
    let Some(data) = vm.bytes_data(&a[1]) else {
        return Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(&a[1], vm)
        )));
    };
    let written = loop {
        let r = blocking(vm, || unsafe {
            // SAFETY: `data` has `data.len()` readable bytes.
            libc::write(fd, data.as_ptr().cast(), data.len())
        });
        if r < 0 && errno() == libc::EINTR {
            vm.check_eval_breaker()?;
            continue;
        }
        break fd_result(r)?;
    };
    Ok(Value::Int(written as i64))
}

fn pipe(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "posix.pipe")?;
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    fd_result(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } as isize)?;
    Ok(Value::tuple(vec![
        Value::Int(i64::from(fds[0])),
        Value::Int(i64::from(fds[1])),
    ]))
}

fn dup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = c_int(vm, args.one("dup")?)?;
    // SAFETY: duplicating a descriptor has no memory effects here.
    let r = fd_result(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) } as isize)?;
    Ok(Value::Int(r as i64))
}

fn dup2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("dup2", &["fd", "fd2", "inheritable"], 2)?;
    let fd = c_int(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let fd2 = c_int(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    let inheritable = match &a[2] {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    // SAFETY: duplicating a descriptor has no memory effects here.
    let r = fd_result(unsafe { libc::dup3(fd, fd2, flags) } as isize)?;
    Ok(Value::Int(r as i64))
}

fn lseek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::math_module::exact_args(&args, "lseek", "lseek", 3)?;
    let fd = c_int(vm, &a[0])?;
    let pos = int_arg(vm, &a[1])?.to_i64().ok_or_else(|| {
        PyErr::new(
            ExcType::OverflowError,
            "Python int too large to convert to C long",
        )
    })?;
    let how = c_int(vm, &a[2])?;
    // SAFETY: lseek has no memory effects here.
    let r = unsafe { libc::lseek(fd, pos, how) };
    fd_result(r as isize)?;
    Ok(Value::Int(r))
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = c_int(vm, args.one("isatty")?)?;
    // SAFETY: isatty only queries the descriptor.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

// ---- the environment -----------------------------------------------------------------------

fn environ_snapshot(vm: &mut Vm) -> PyResult<Value> {
    let d = crate::object::value::new_dict_obj(Dict::new());
    for (k, v) in std::env::vars_os() {
        let k = Value::str(k.to_string_lossy().into_owned());
        let v = Value::str(v.to_string_lossy().into_owned());
        vm.dict_set(&d, k, v)?;
    }
    Ok(Value::Obj(d))
}

/// `getenv(key, default=None)`: bound to the `environ` dict (its first argument), so changes
/// made to `os.environ` are seen.
fn getenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((environ, rest)) = args.pos.split_first() else {
        return Err(type_error("getenv() needs the environment"));
    };
    let a = Args { pos: rest, ..args }.bind("getenv", &["key", "default"], 1)?;
    let key = a[0].clone().unwrap_or(Value::None);
    if key.as_str().is_none() {
        return Err(type_error(format!(
            "str expected, not {}",
            type_name(&key, vm)
        )));
    }
    let default = a[1].clone().unwrap_or(Value::None);
    let Some(d) = environ.as_obj() else {
        return Ok(default);
    };
    Ok(vm.dict_get(d, &key)?.unwrap_or(default))
}

fn env_text(vm: &Vm, v: &Value, what: &str) -> PyResult<OsString> {
    let Some(s) = v.as_str() else {
        return Err(type_error(format!(
            "{what} expected, not {}",
            type_name(v, vm)
        )));
    };
    if s.contains('\0') {
        return Err(value_error("embedded null byte"));
    }
    Ok(OsString::from(s))
}

fn putenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::math_module::exact_args(&args, "putenv", "putenv", 2)?;
    let k = env_text(vm, &a[0], "str")?;
    let v = env_text(vm, &a[1], "str")?;
    if k.is_empty() || k.as_bytes().contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    // SAFETY: environment changes happen with the GIL held, so no Python thread reads the
    // environment meanwhile.
    unsafe { std::env::set_var(k, v) };
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let k = env_text(vm, args.one("unsetenv")?, "str")?;
    if k.is_empty() || k.as_bytes().contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    // SAFETY: as for `putenv`.
    unsafe { std::env::remove_var(k) };
    Ok(Value::None)
}

// ---- posixpath: pure functions on byte strings ---------------------------------------------

/// `os.path.split` on bytes.
fn split_bytes(p: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let i = p.iter().rposition(|&c| c == b'/').map_or(0, |i| i + 1);
    let (head, tail) = (&p[..i], &p[i..]);
    let head = if !head.is_empty() && head.iter().any(|&c| c != b'/') {
        let end = head.iter().rposition(|&c| c != b'/').map_or(0, |e| e + 1);
        &head[..end]
    } else {
        head
    };
    (head.to_vec(), tail.to_vec())
}

fn join_bytes(parts: &[&[u8]]) -> Vec<u8> {
    let mut path: Vec<u8> = parts.first().map(|p| p.to_vec()).unwrap_or_default();
    for b in &parts[1.min(parts.len())..] {
        if b.starts_with(b"/") {
            path = b.to_vec();
        } else if path.is_empty() || path.ends_with(b"/") {
            path.extend_from_slice(b);
        } else {
            path.push(b'/');
            path.extend_from_slice(b);
        }
    }
    path
}

fn normpath_bytes(p: &[u8]) -> Vec<u8> {
    if p.is_empty() {
        return b".".to_vec();
    }
    let initial = if p.starts_with(b"//") && !p.starts_with(b"///") {
        2
    } else if p.starts_with(b"/") {
        1
    } else {
        0
    };
    let mut comps: Vec<&[u8]> = Vec::new();
    for comp in p.split(|&c| c == b'/') {
        if comp.is_empty() || comp == b"." {
            continue;
        }
        let keep = comp != b".."
            || (initial == 0 && comps.is_empty())
            || comps.last().is_some_and(|l| *l == b"..");
        if keep {
            comps.push(comp);
        } else {
            comps.pop();
        }
    }
    let mut out = vec![b'/'; initial];
    out.extend_from_slice(&comps.join(&b'/'));
    if out.is_empty() {
        return b".".to_vec();
    }
    out
}

fn abspath_bytes(p: &[u8]) -> PyResult<Vec<u8>> {
    if p.starts_with(b"/") {
        return Ok(normpath_bytes(p));
    }
    let cwd = getcwd_bytes()?;
    Ok(normpath_bytes(&join_bytes(&[&cwd, p])))
}

fn splitext_bytes(p: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let sep = p
        .iter()
        .rposition(|&c| c == b'/')
        .map_or(-1, |i| i as isize);
    let dot = p
        .iter()
        .rposition(|&c| c == b'.')
        .map_or(-1, |i| i as isize);
    if dot > sep {
        let start = (sep + 1) as usize;
        let dot = dot as usize;
        if p[start..dot].iter().any(|&c| c != b'.') {
            return (p[..dot].to_vec(), p[dot..].to_vec());
        }
    }
    (p.to_vec(), Vec::new())
}

/// Resolves symbolic links like `realpath(path)`, keeping components that do not exist.
fn realpath_bytes(p: &[u8]) -> PyResult<Vec<u8>> {
    let start = if p.starts_with(b"/") {
        p.to_vec()
    } else {
        join_bytes(&[&getcwd_bytes()?, p])
    };
    let mut pending: Vec<Vec<u8>> = start
        .split(|&c| c == b'/')
        .rev()
        .map(<[u8]>::to_vec)
        .collect();
    let mut resolved: Vec<Vec<u8>> = Vec::new();
    let mut links = 0;
    while let Some(comp) = pending.pop() {
        if comp.is_empty() || comp == b"." {
            continue;
        }
        if comp == b".." {
            resolved.pop();
            continue;
        }
        let mut candidate = b"/".to_vec();
        candidate.extend_from_slice(&resolved.join(&b'/'));
        if !resolved.is_empty() {
            candidate.push(b'/');
        }
        candidate.extend_from_slice(&comp);
        match std::fs::read_link(OsStr::from_bytes(&candidate)) {
            Ok(target) if links < 40 => {
                links += 1;
                let target = target.into_os_string().into_vec();
                if target.starts_with(b"/") {
                    resolved.clear();
                }
                pending.extend(target.split(|&c| c == b'/').rev().map(<[u8]>::to_vec));
            }
            _ => resolved.push(comp),
        }
    }
    let mut out = b"/".to_vec();
    out.extend_from_slice(&resolved.join(&b'/'));
    Ok(out)
}

fn home_of(user: Option<&[u8]>) -> Option<Vec<u8>> {
    if user.is_none()
        && let Some(h) = std::env::var_os("HOME")
    {
        return Some(h.into_vec());
    }
    let mut buf = vec![0 as libc::c_char; 16384];
    // SAFETY: `pwd` and `buf` are valid for the lookup; the result points into them.
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    let r = match user {
        Some(name) => {
            let c = CString::new(name).ok()?;
            unsafe {
                libc::getpwnam_r(
                    c.as_ptr(),
                    &mut pwd,
                    buf.as_mut_ptr(),
                    buf.len(),
                    &mut result,
                )
            }
        }
        None => unsafe {
            libc::getpwuid_r(
                libc::getuid(),
                &mut pwd,
                buf.as_mut_ptr(),
                buf.len(),
                &mut result,
            )
        },
    };
    if r != 0 || result.is_null() || pwd.pw_dir.is_null() {
        return None;
    }
    // SAFETY: pw_dir points at a NUL-terminated string inside `buf`.
    let dir = unsafe { std::ffi::CStr::from_ptr(pwd.pw_dir) };
    Some(dir.to_bytes().to_vec())
}

fn expanduser_bytes(p: &[u8]) -> Vec<u8> {
    if !p.starts_with(b"~") {
        return p.to_vec();
    }
    let i = p[1..]
        .iter()
        .position(|&c| c == b'/')
        .map_or(p.len(), |i| i + 1);
    let user = (i > 1).then(|| &p[1..i]);
    let Some(home) = home_of(user) else {
        return p.to_vec();
    };
    let end = home.iter().rposition(|&c| c != b'/').map_or(0, |e| e + 1);
    let mut out = home[..end].to_vec();
    out.extend_from_slice(&p[i..]);
    if out.is_empty() {
        return b"/".to_vec();
    }
    out
}

/// `$name` and `${name}` replaced by the environment's values; unknown names stay.
fn expandvars_bytes(vm: &mut Vm, p: &[u8]) -> PyResult<Vec<u8>> {
    let environ = environ_dict(vm)?;
    let mut out = Vec::with_capacity(p.len());
    let mut i = 0;
    while i < p.len() {
        if p[i] != b'$' {
            out.push(p[i]);
            i += 1;
            continue;
        }
        let (name, end) = if p.get(i + 1) == Some(&b'{') {
            match p[i + 2..].iter().position(|&c| c == b'}') {
                Some(j) => (&p[i + 2..i + 2 + j], i + 3 + j),
                None => (&p[i..i], i),
            }
        } else {
            let n = p[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                .count();
            (&p[i + 1..i + 1 + n], i + 1 + n)
        };
        let value = if end > i && (!name.is_empty() || p.get(i + 1) == Some(&b'{')) {
            let key = Value::str(String::from_utf8_lossy(name).into_owned());
            match &environ {
                Some(d) => vm.dict_get(d, &key)?,
                None => None,
            }
        } else {
            None
        };
        match value.as_ref().and_then(Value::as_str) {
            Some(v) => {
                out.extend_from_slice(v.as_bytes());
                i = end;
            }
            None => {
                out.push(b'$');
                i += 1;
            }
        }
    }
    Ok(out)
}

/// `os.environ` of the `os` module, if it has been imported.
fn environ_dict(vm: &mut Vm) -> PyResult<Option<ObjRef>> {
    let os = vm.import_module("os")?;
    let d = os.as_obj().and_then(|o| o.dict.clone());
    Ok(d.and_then(|d| vm.dict_get_str(&d, &Value::str("environ")))
        .and_then(|e| e.as_obj().cloned()))
}

// ---- posixpath: the Python functions -------------------------------------------------------

fn path1(vm: &mut Vm, args: &Args, func: &str) -> PyResult<PathArg> {
    let v = args.one(func).map_err(|_| {
        type_error(format!(
            "{func}() takes 1 positional argument but {} were given",
            args.pos.len()
        ))
    })?;
    pure_path(vm, v)
}

fn basename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path1(vm, &args, "basename")?;
    let (_, tail) = p
        .data
        .split_at(p.data.iter().rposition(|&c| c == b'/').map_or(0, |i| i + 1));
    Ok(p.out(tail.to_vec()))
}

fn dirname(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path1(vm, &args, "dirname")?;
    Ok(p.out(split_bytes(&p.data).0))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path1(vm, &args, "split")?;
    let (head, tail) = split_bytes(&p.data);
    Ok(Value::tuple(vec![p.out(head), p.out(tail)]))
}

fn splitext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path1(vm, &args, "splitext")?;
    let (root, ext) = splitext_bytes(&p.data);
    Ok(Value::tuple(vec![p.out(root), p.out(ext)]))
}

fn splitdrive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path1(vm, &args, "splitdrive")?;
    Ok(Value::tuple(vec![p.out(Vec::new()), p.out(p.data.clone())]))
}

fn isabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path1(vm, &args, "isabs")?;
    Ok(Value::Bool(p.data.starts_with(b"/")))
}

fn normpath(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path1(vm, &args, "normpath")?;
    Ok(p.out(normpath_bytes(&p.data)))
}

fn abspath(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path1(vm, &args, "abspath")?;
    Ok(p.out(abspath_bytes(&p.data)?))
}

fn realpath(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("realpath", &["filename", "strict"], 1)?;
    let p = pure_path(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    let resolved = realpath_bytes(&p.data)?;
    if let Some(strict) = &a[1]
        && vm.is_true(strict)?
        && let Err(e) = std::fs::metadata(OsStr::from_bytes(&resolved))
    {
        return Err(io_error(&e, Some(&p.out(resolved))));
    }
    Ok(p.out(resolved))
}

fn expanduser(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path1(vm, &args, "expanduser")?;
    Ok(p.out(expanduser_bytes(&p.data)))
}

fn expandvars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = path1(vm, &args, "expandvars")?;
    if p.is_bytes {
        return Ok(p.original.clone());
    }
    let out = expandvars_bytes(vm, &p.data)?;
    Ok(p.out(out))
}

/// Checks that paths are all str or all bytes.
fn same_kind(paths: &[PathArg]) -> PyResult<bool> {
    let is_bytes = paths.first().is_some_and(|p| p.is_bytes);
    if paths.iter().any(|p| p.is_bytes != is_bytes) {
        return Err(type_error("Can't mix strings and bytes in path components"));
    }
    Ok(is_bytes)
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("join")?;
    let Some((first, rest)) = args.pos.split_first() else {
        return Err(type_error(
            "join() missing 1 required positional argument: 'a'",
        ));
    };
    let mut parts = vec![pure_path(vm, first)?];
    for v in rest {
        match fspath_value(vm, v)? {
            Some(_) => parts.push(pure_path(vm, v)?),
            None => {
                return Err(type_error(format!(
                    "join() argument must be str, bytes, or os.PathLike object, not '{}'",
                    type_name(v, vm)
                )));
            }
        }
    }
    let is_bytes = same_kind(&parts)?;
    let slices: Vec<&[u8]> = parts.iter().map(|p| p.data.as_slice()).collect();
    Ok(make_path(join_bytes(&slices), is_bytes))
}

fn relpath(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.bind("relpath", &["path", "start"], 1)?;
    let path_v = a[0].clone().unwrap_or(Value::None);
    let p = pure_path(vm, &path_v)?;
    if p.data.is_empty() {
        return Err(value_error("no path specified"));
    }
    let start = match &a[1] {
        None | Some(Value::None) => PathArg {
            data: b".".to_vec(),
            is_bytes: p.is_bytes,
            original: Value::None,
        },
        Some(s) => pure_path(vm, s)?,
    };
    let is_bytes = same_kind(&[p.clone(), start.clone()])?;
    let start_abs = abspath_bytes(&start.data)?;
    let path_abs = abspath_bytes(&p.data)?;
    let start_list: Vec<&[u8]> = start_abs
        .split(|&c| c == b'/')
        .filter(|c| !c.is_empty())
        .collect();
    let path_list: Vec<&[u8]> = path_abs
        .split(|&c| c == b'/')
        .filter(|c| !c.is_empty())
        .collect();
    let common = start_list
        .iter()
        .zip(&path_list)
        .take_while(|(a, b)| a == b)
        .count();
    let mut rel: Vec<&[u8]> = vec![b".."; start_list.len() - common];
    rel.extend_from_slice(&path_list[common..]);
    if rel.is_empty() {
        return Ok(make_path(b".".to_vec(), is_bytes));
    }
    Ok(make_path(join_bytes(&rel), is_bytes))
}

fn commonprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = args.one("commonprefix")?;
    let items = vm.iterate(m)?;
    if items.is_empty() {
        return Ok(Value::str(""));
    }
    // Lists of path components (lists, tuples) are compared item by item, as in CPython.
    if items
        .iter()
        .all(|v| matches!(v.payload(), Some(Payload::List(_) | Payload::Tuple(_))))
    {
        let seqs: Vec<Vec<Value>> = items.iter().map(|v| vm.list_items(v)).collect();
        let mut n = seqs.iter().map(Vec::len).min().unwrap_or(0);
        'outer: for i in 0..n {
            for s in &seqs[1..] {
                if !vm.eq(&seqs[0][i], &s[i])? {
                    n = i;
                    break 'outer;
                }
            }
        }
        let first = &items[0];
        let prefix = seqs[0][..n].to_vec();
        return Ok(match first.payload() {
            Some(Payload::Tuple(_)) => Value::tuple(prefix),
            _ => Value::list(prefix),
        });
    }
    let paths = items
        .iter()
        .map(|v| pure_path(vm, v))
        .collect::<PyResult<Vec<_>>>()?;
    let is_bytes = same_kind(&paths)?;
    let first = &paths[0].data;
    let mut n = paths.iter().map(|p| p.data.len()).min().unwrap_or(0);
    for p in &paths[1..] {
        n = n.min(
            first
                .iter()
                .zip(&p.data)
                .take_while(|(a, b)| a == b)
                .count(),
        );
    }
    let mut prefix = first[..n].to_vec();
    if !is_bytes {
        // Never cut a character in half.
        while std::str::from_utf8(&prefix).is_err() {
            prefix.pop();
        }
    }
    Ok(make_path(prefix, is_bytes))
}

fn commonpath(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = args.one("commonpath")?;
    let items = vm.iterate(m)?;
    if items.is_empty() {
        return Err(value_error("commonpath() arg is an empty sequence"));
    }
    let paths = items
        .iter()
        .map(|v| pure_path(vm, v))
        .collect::<PyResult<Vec<_>>>()?;
    let is_bytes = same_kind(&paths)?;
    let absolute: Vec<bool> = paths.iter().map(|p| p.data.starts_with(b"/")).collect();
    if absolute.iter().any(|&a| a != absolute[0]) {
        return Err(value_error("Can't mix absolute and relative paths"));
    }
    let split: Vec<Vec<&[u8]>> = paths
        .iter()
        .map(|p| {
            p.data
                .split(|&c| c == b'/')
                .filter(|c| !c.is_empty() && *c != b".")
                .collect()
        })
        .collect();
    let mut n = split.iter().map(Vec::len).min().unwrap_or(0);
    for s in &split[1..] {
        n = n.min(split[0].iter().zip(s).take_while(|(a, b)| a == b).count());
    }
    let mut out = if absolute[0] {
        b"/".to_vec()
    } else {
        Vec::new()
    };
    out.extend_from_slice(&split[0][..n].join(&b'/'));
    Ok(make_path(out, is_bytes))
}

/// The metadata behind `exists`/`isfile`/…: `None` when the path cannot be examined.
fn probe(
    vm: &mut Vm,
    args: &Args,
    func: &str,
    follow: bool,
) -> PyResult<Option<std::fs::Metadata>> {
    let v = args.one(func)?;
    let target = match stat_target(vm, v, "stat") {
        Ok(t) => t,
        Err(e) if e.matches(ExcType::ValueError) => return Ok(None),
        Err(e) => return Err(e),
    };
    Ok(metadata(&target, follow).ok())
}

fn exists(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(probe(vm, &args, "exists", true)?.is_some()))
}

fn lexists(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(probe(vm, &args, "lexists", false)?.is_some()))
}

fn isfile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = probe(vm, &args, "isfile", true)?;
    Ok(Value::Bool(m.is_some_and(|m| m.is_file())))
}

fn isdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = probe(vm, &args, "isdir", true)?;
    Ok(Value::Bool(m.is_some_and(|m| m.is_dir())))
}

fn islink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = probe(vm, &args, "islink", false)?;
    Ok(Value::Bool(m.is_some_and(|m| m.file_type().is_symlink())))
}

/// Metadata of a path for `getsize` and friends, raising on failure.
fn stat_of(vm: &mut Vm, args: &Args, func: &str) -> PyResult<std::fs::Metadata> {
    let v = args.one(func)?;
    let target = stat_target(vm, v, "stat")?;
    metadata(&target, true).map_err(|e| match &target {
        StatTarget::Path(p) => io_error(&e, Some(&p.original)),
        StatTarget::Fd(_) => io_error(&e, None),
    })
}

fn getsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = stat_of(vm, &args, "getsize")?;
    Ok(Value::Int(m.size() as i64))
}

fn getmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = stat_of(vm, &args, "getmtime")?;
    Ok(Value::Float(
        m.mtime() as f64 + m.mtime_nsec() as f64 * 1e-9,
    ))
}

fn getatime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = stat_of(vm, &args, "getatime")?;
    Ok(Value::Float(
        m.atime() as f64 + m.atime_nsec() as f64 * 1e-9,
    ))
}

fn getctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = stat_of(vm, &args, "getctime")?;
    Ok(Value::Float(
        m.ctime() as f64 + m.ctime_nsec() as f64 * 1e-9,
    ))
}

// ---- the modules ---------------------------------------------------------------------------

const OS_FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getpid", getpid),
    ("getppid", getppid),
    ("getuid", getuid),
    ("geteuid", geteuid),
    ("getgid", getgid),
    ("getegid", getegid),
    ("getpgrp", getpgrp),
    ("getgroups", getgroups),
    ("cpu_count", cpu_count),
    ("getpriority", getpriority),
    ("setpriority", setpriority),
    ("nice", nice),
    ("kill", kill),
    ("strerror", strerror),
    ("_exit", exit_now),
    ("urandom", urandom),
    ("umask", umask),
    ("stat", stat),
    ("lstat", lstat),
    ("fstat", fstat),
    ("times", times),
    ("uname", uname),
    ("getcwd", getcwd),
    ("getcwdb", getcwdb),
    ("chdir", chdir),
    ("listdir", listdir),
    ("mkdir", mkdir),
    ("makedirs", makedirs),
    ("remove", remove),
    ("unlink", unlink),
    ("rmdir", rmdir),
    ("removedirs", removedirs),
    ("rename", rename),
    ("replace", replace),
    ("access", access),
    ("fspath", fspath),
    ("fsencode", fsencode),
    ("fsdecode", fsdecode),
    ("open", open),
    ("close", close),
    ("read", read),
    ("write", write),
    ("pipe", pipe),
    ("dup", dup),
    ("dup2", dup2),
    ("lseek", lseek),
    ("isatty", isatty),
    ("putenv", putenv),
    ("unsetenv", unsetenv),
];

const OS_CONSTANTS: &[(&str, i32)] = &[
    ("PRIO_PROCESS", libc::PRIO_PROCESS as i32),
    ("PRIO_PGRP", libc::PRIO_PGRP as i32),
    ("PRIO_USER", libc::PRIO_USER as i32),
    ("F_OK", libc::F_OK),
    ("R_OK", libc::R_OK),
    ("W_OK", libc::W_OK),
    ("X_OK", libc::X_OK),
    ("O_RDONLY", libc::O_RDONLY),
    ("O_WRONLY", libc::O_WRONLY),
    ("O_RDWR", libc::O_RDWR),
    ("O_APPEND", libc::O_APPEND),
    ("O_CREAT", libc::O_CREAT),
    ("O_EXCL", libc::O_EXCL),
    ("O_TRUNC", libc::O_TRUNC),
    ("O_NONBLOCK", libc::O_NONBLOCK),
    ("O_CLOEXEC", libc::O_CLOEXEC),
    ("SEEK_SET", libc::SEEK_SET),
    ("SEEK_CUR", libc::SEEK_CUR),
    ("SEEK_END", libc::SEEK_END),
    ("EX_OK", 0),
];

/// The string constants `os` and `os.path` share.
fn set_path_constants(vm: &Vm, m: &ObjRef) {
    for (name, v) in [
        ("sep", "/"),
        ("pathsep", ":"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("defpath", "/bin:/usr/bin"),
        ("devnull", "/dev/null"),
    ] {
        set_attr(vm, m, name, Value::str(v));
    }
    set_attr(vm, m, "altsep", Value::None);
}

pub fn init(vm: &mut Vm, m: &ObjRef) -> PyResult<()> {
    for &(name, f) in OS_FUNCTIONS {
        set_attr(vm, m, name, native_function(name, f));
    }
    for &(name, n) in OS_CONSTANTS {
        set_attr(vm, m, name, Value::Int(i64::from(n)));
    }
    set_path_constants(vm, m);
    set_attr(vm, m, "name", Value::str("posix"));
    set_attr(vm, m, "linesep", Value::str("\n"));
    set_attr(
        vm,
        m,
        "error",
        Value::Obj(types().exception(ExcType::OSError).clone()),
    );
    set_attr(vm, m, "stat_result", Value::Obj(stat_result_type().clone()));
    let environ = environ_snapshot(vm)?;
    set_attr(vm, m, "environ", environ.clone());
    // `getenv` reads `os.environ` itself, so it sees what the program stores there.
    let getenv_fn = Value::obj(Payload::Builtin(Builtin {
        name: "getenv",
        func: getenv,
        kind: NativeKind::Function,
        self_: Some(environ),
        owner: None,
    }));
    set_attr(vm, m, "getenv", getenv_fn);
    let path = vm.import_module("posixpath")?;
    set_attr(vm, m, "path", path.clone());
    let modules = vm.interp.modules.clone();
    vm.dict_set_str(&modules, Value::str("os.path"), path);
    Ok(())
}

const PATH_FUNCTIONS: &[(&str, NativeFn)] = &[
    ("basename", basename),
    ("dirname", dirname),
    ("split", split),
    ("splitext", splitext),
    ("splitdrive", splitdrive),
    ("isabs", isabs),
    ("normpath", normpath),
    ("abspath", abspath),
    ("realpath", realpath),
    ("expanduser", expanduser),
    ("expandvars", expandvars),
    ("join", join),
    ("relpath", relpath),
    ("commonprefix", commonprefix),
    ("commonpath", commonpath),
    ("exists", exists),
    ("lexists", lexists),
    ("isfile", isfile),
    ("isdir", isdir),
    ("islink", islink),
    ("getsize", getsize),
    ("getmtime", getmtime),
    ("getatime", getatime),
    ("getctime", getctime),
];

/// `posixpath`, which `os` exposes as `os.path`.
pub fn init_path(vm: &mut Vm, m: &ObjRef) -> PyResult<()> {
    for &(name, f) in PATH_FUNCTIONS {
        set_attr(vm, m, name, native_function(name, f));
    }
    set_path_constants(vm, m);
    set_attr(vm, m, "supports_unicode_filenames", Value::Bool(false));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(b: Vec<u8>) -> String {
        String::from_utf8(b).unwrap_or_default()
    }

    #[test]
    fn posixpath_pure_functions() {
        assert_eq!(s(normpath_bytes(b"//a/../b/./c//")), "//b/c");
        assert_eq!(s(normpath_bytes(b"///a/../../b")), "/b");
        assert_eq!(s(normpath_bytes(b"../../a/..")), "../..");
        assert_eq!(s(normpath_bytes(b"")), ".");
        let (h, t) = split_bytes(b"//a//b//");
        assert_eq!((s(h), s(t)), ("//a//b".to_string(), String::new()));
        let (r, e) = splitext_bytes(b"a/.b.c");
        assert_eq!((s(r), s(e)), ("a/.b".to_string(), ".c".to_string()));
        let (r, e) = splitext_bytes(b"...");
        assert_eq!((s(r), s(e)), ("...".to_string(), String::new()));
        assert_eq!(s(join_bytes(&[b"a", b"/b", b"c"])), "/b/c");
        assert_eq!(s(join_bytes(&[b"a/", b"b"])), "a/b");
    }
}
