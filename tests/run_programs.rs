//! Differential run-time tests: every `tests/programs/run/NAME.py` runs on gilpy and must print
//! exactly what CPython 3.11 printed (checked in as `NAME.out`, and `NAME.stderr` /
//! `NAME.status` when the program fails; `scripts/gen_program_expectations.py` regenerates
//! them). Programs listed in `tests/programs/run/XFAIL` are expected to fail, each with its
//! reason; the test fails if one of them starts passing, so the list stays honest.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/programs/run")
}

fn read(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

/// `NAME reason…` lines of the XFAIL file.
fn expected_failures(dir: &Path) -> Vec<String> {
    read(&dir.join("XFAIL"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// Runs one program; `Err` describes the first difference.
fn check(dir: &Path, name: &str) -> Result<(), String> {
    let out = Command::new(env!("CARGO_BIN_EXE_gilpy"))
        .arg(format!("{name}.py"))
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run gilpy: {e}"))?;
    let base = dir.join(name);
    let want_out = read(&base.with_extension("out")).unwrap_or_default();
    let want_err = read(&base.with_extension("stderr")).unwrap_or_default();
    let want_status: i32 = read(&base.with_extension("status"))
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let got_out = String::from_utf8_lossy(&out.stdout);
    let dir_text = dir.display().to_string();
    let got_err = String::from_utf8_lossy(&out.stderr).replace(&dir_text, "<dir>");
    if got_out != want_out {
        return Err(format!(
            "stdout differs\n--- expected\n{want_out}\n--- got\n{got_out}\n--- stderr\n{got_err}"
        ));
    }
    if got_err != want_err {
        return Err(format!(
            "stderr differs\n--- expected\n{want_err}\n--- got\n{got_err}"
        ));
    }
    let status = out.status.code().unwrap_or(-1);
    if status != want_status {
        return Err(format!("exit status {status}, expected {want_status}"));
    }
    Ok(())
}

#[test]
fn programs_print_what_cpython_prints() {
    let dir = run_dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/programs/run exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let p = e.path();
            if p.extension()? != "py" {
                return None;
            }
            Some(p.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    let xfail = expected_failures(&dir);
    let mut failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    for name in &names {
        let result = check(&dir, name);
        match (result, xfail.contains(name)) {
            (Ok(()), true) => unexpected_passes.push(name.clone()),
            (Err(e), false) => failures.push(format!("== {name}: {e}")),
            _ => {}
        }
    }
    assert!(
        unexpected_passes.is_empty(),
        "listed in XFAIL but passing now (remove them from the list): {unexpected_passes:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from CPython:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
