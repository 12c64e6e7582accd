//! Criterion benchmark: `gilpy::syntax::parse_module` on a generated ~1 MB Python file, reported as bytes/s.
//!
//! The source comes from `scripts/gen_big_source.py` (run once, with `$PYTHON` or `python3`); when no
//! Python is available a small built-in generator makes a file of the same size instead, so the
//! benchmark always runs. `cargo bench --bench parse` runs it; `GILPY_BENCH_SIZE=BYTES` changes the size.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const DEFAULT_SIZE: usize = 1 << 20;

fn wanted_size() -> usize {
    std::env::var("GILPY_BENCH_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SIZE)
}

/// Runs the Python generator into a temporary file and returns its text, or `None` when there is
/// no usable Python (or the generator fails).
fn generate_with_python(size: usize) -> Option<String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = manifest.join("scripts").join("gen_big_source.py");
    if !script.is_file() {
        return None;
    }
    let out: PathBuf =
        std::env::temp_dir().join(format!("gilpy-bench-parse-{}.py", std::process::id()));
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
    let status = Command::new(&python)
        .arg(&script)
        .arg(&out)
        .arg(size.to_string())
        .status()
        .ok()?;
    let text = if status.success() {
        std::fs::read_to_string(&out).ok()
    } else {
        None
    };
    let _ = std::fs::remove_file(&out);
    text
}

/// A plain generator used when python3 is missing: cycles through a few templates with changing
/// names and numbers until the text reaches `size` bytes.
fn generate_builtin(size: usize) -> String {
    let mut src = String::with_capacity(size + 4096);
    src.push_str(
        "# Built-in fallback source for the parse benchmark (python3 was not available).\n",
    );
    let mut i: u64 = 0;
    while src.len() < size {
        i += 1;
        let n = i.wrapping_mul(2_654_435_761) % 100_000;
        let block = match i % 6 {
            0 => format!(
                "def func_{i}(a, b=1, /, c=2, *args, key=None, **kwargs):\n    \"\"\"Docstring {i}.\"\"\"\n    total = 0\n    for x in range(a):\n        if x % 3 == 0 and x > b:\n            total += x * {n}\n        elif x in (1, 2, 3):\n            continue\n        else:\n            total -= 1\n    return total, [y ** 2 for y in args if y], {{k: v for k, v in kwargs.items()}}\n\n"
            ),
            1 => format!(
                "class Class_{i}(Base, metaclass=Meta):\n    attr: int = {n}\n\n    def __init__(self, value=0x{n:x}):\n        self.value = value\n        self.items = [1, 2.5, 3j, 0o17, 0b101, 1_000, 1e-5]\n\n    @property\n    def doubled(self):\n        return self.value * 2 if self.value else None\n\n"
            ),
            2 => format!(
                "try:\n    result_{i} = compute({n}, lambda x, *y, **z: (x, y, z))\nexcept (ValueError, KeyError) as exc:\n    result_{i} = None\nelse:\n    pass\nfinally:\n    cleanup()  # comment {i}\n\n"
            ),
            3 => format!(
                "with open(path_{i}) as fh, lock:\n    text_{i} = f\"{{fh.name!r:>20}} {{count:,}} {{value=}}\" + r'\\d+' + b'bytes'.decode() + '''triple\nquoted'''\n    while text_{i} and not done:\n        done = len(text_{i}) > {n}\n\n"
            ),
            4 => format!(
                "data_{i} = {{\n    'alpha': [{n}, {n} + 1, -{n}, ~{n}],\n    'beta': {{1, 2, 3}},\n    \"gamma\": (x for x in range({n}) if x & 1),\n    **extra,\n}}\n\n"
            ),
            _ => format!(
                "@decorator(arg={n})\ndef gen_{i}(n):\n    global counter\n    x = yield n\n    yield from range(n)\n    value_{i} = (n := 5) if n else (a or b and not c) << 2 >> 1 | 3 ^ 4 & 5\n    assert value_{i} is not None, 'message'\n    del x\n\n"
            ),
        };
        src.push_str(&block);
    }
    let _ = writeln!(src, "# end of generated source ({i} blocks)");
    src
}

fn bench_parse(c: &mut Criterion) {
    let size = wanted_size();
    // Different inputs get different ids, so criterion never compares one with the other.
    let (source, origin, id) = match generate_with_python(size) {
        Some(text) => (text, "scripts/gen_big_source.py", "generated"),
        None => (generate_builtin(size), "built-in generator", "builtin"),
    };
    eprintln!(
        "parse benchmark input: {} bytes, {} lines, from {origin}",
        source.len(),
        source.lines().count()
    );
    // The benchmark is meaningless if the parser rejects the input: stop with its report.
    if let Err(err) = gilpy::syntax::parse_module(&source, "big.py") {
        panic!("parse_module rejected the benchmark input:\n{err}");
    }

    let mut group = c.benchmark_group("parse_module");
    group.throughput(Throughput::Bytes(source.len() as u64));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function(format!("{id}_{}KiB", size / 1024), |b| {
        b.iter(|| {
            let module = gilpy::syntax::parse_module(black_box(&source), "big.py");
            black_box(module.is_ok())
        })
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
