//! Differential test of `SetTable` slot layout: replays the integer-set scenarios recorded from
//! python3 in `tests/set_order/cases.txt` (see `scripts/gen_set_order_expectations.py`) and
//! checks that iteration and `pop` order match CPython 3.11 exactly, reporting every mismatch.

use gilpy::object::set_table::SetTable;
use std::collections::HashMap;

type Set = SetTable<i128>;

/// CPython's `hash()` of an int: reduction modulo 2**61 - 1 keeping the sign, with -1 -> -2.
fn int_hash(n: i128) -> i64 {
    const MODULUS: i128 = (1 << 61) - 1;
    let r = n.unsigned_abs() % (MODULUS as u128);
    let h = if n < 0 { -(r as i64) } else { r as i64 };
    if h == -1 { -2 } else { h }
}

fn eq(a: &i128, b: &i128) -> bool {
    a == b
}

fn hashed(vals: &[i128]) -> Vec<(i64, i128)> {
    vals.iter().map(|&v| (int_hash(v), v)).collect()
}

/// A set display: folded to a constant by CPython when it has three or more items.
fn display(vals: &[i128]) -> Set {
    if vals.len() > 2 {
        Set::from_constant_display(hashed(vals), eq)
    } else {
        Set::from_hashed_iter(hashed(vals), eq)
    }
}

/// The keys of `dict.fromkeys(vals)`, in dict order.
fn dict_keys(vals: Vec<i128>) -> Vec<i128> {
    let mut keys: Vec<i128> = Vec::new();
    for v in vals {
        if !keys.contains(&v) {
            keys.push(v);
        }
    }
    keys
}

fn get<'a>(vars: &'a HashMap<String, Set>, name: &str) -> Result<&'a Set, String> {
    vars.get(name).ok_or_else(|| format!("unknown set {name}"))
}

fn get_mut<'a>(vars: &'a mut HashMap<String, Set>, name: &str) -> Result<&'a mut Set, String> {
    vars.get_mut(name)
        .ok_or_else(|| format!("unknown set {name}"))
}

fn brief(v: &[i128]) -> String {
    let shown: Vec<String> = v.iter().take(12).map(|x| x.to_string()).collect();
    let more = if v.len() > 12 {
        format!(", ... ({} items)", v.len())
    } else {
        String::new()
    };
    format!("[{}{}]", shown.join(", "), more)
}

/// Applies one operation line; `Ok(Some(msg))` is a mismatch.
fn step(vars: &mut HashMap<String, Set>, line: &str) -> Result<Option<String>, String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let (op, args) = words.split_first().ok_or("empty line")?;
    let num = |w: &&str| w.parse::<i128>().map_err(|e| format!("bad int {w}: {e}"));
    let name = |i: usize| -> Result<String, String> {
        args.get(i)
            .map(|s| s.to_string())
            .ok_or_else(|| format!("missing operand in {line}"))
    };
    let vals_from =
        |i: usize| -> Result<Vec<i128>, String> { args.iter().skip(i).map(num).collect() };
    match *op {
        "iter" => {
            vars.insert(name(0)?, Set::from_hashed_iter(hashed(&vals_from(1)?), eq));
        }
        "lit" => {
            vars.insert(name(0)?, display(&vals_from(1)?));
        }
        "dict" => {
            let keys = dict_keys(vals_from(1)?);
            vars.insert(name(0)?, Set::from_dict_keys(keys.len(), hashed(&keys), eq));
        }
        "new" => {
            vars.insert(name(0)?, Set::new());
        }
        "add" => {
            let v = num(&name(1)?.as_str())?;
            get_mut(vars, &name(0)?)?.insert(int_hash(v), v, eq);
        }
        "addrange" => {
            let v = vals_from(1)?;
            let (start, stop, by) = match v[..] {
                [a, b, c] if c > 0 => (a, b, c),
                _ => return Err(format!("bad addrange in {line}")),
            };
            let s = get_mut(vars, &name(0)?)?;
            let mut x = start;
            while x < stop {
                s.insert(int_hash(x), x, eq);
                x += by;
            }
        }
        "discard" => {
            let v = num(&name(1)?.as_str())?;
            get_mut(vars, &name(0)?)?.remove(int_hash(v), &v, eq);
        }
        "pop" => {
            let want = num(&name(1)?.as_str())?;
            let got = get_mut(vars, &name(0)?)?.pop().map(|(_, k)| k);
            if got != Some(want) {
                return Ok(Some(format!("{line}: popped {got:?}")));
            }
        }
        "clear" => get_mut(vars, &name(0)?)?.clear(),
        "update" => {
            let vals = vals_from(1)?;
            get_mut(vars, &name(0)?)?.extend_hashed(hashed(&vals), eq);
        }
        "dupdate" => {
            let keys = dict_keys(vals_from(1)?);
            get_mut(vars, &name(0)?)?.update_from_dict_keys(keys.len(), hashed(&keys), eq);
        }
        "sxd" => {
            let keys = dict_keys(vals_from(1)?);
            get_mut(vars, &name(0)?)?.symmetric_difference_update_dict_keys(hashed(&keys), eq);
        }
        "sxl" => {
            let other = Set::from_hashed_iter(hashed(&vals_from(1)?), eq);
            get_mut(vars, &name(0)?)?.symmetric_difference_update(&other, eq);
        }
        "dsub" => {
            let vals = vals_from(1)?;
            get_mut(vars, &name(0)?)?.difference_update_iter(hashed(&vals), eq);
        }
        "isect" => {
            let vals = vals_from(2)?;
            let r = get(vars, &name(1)?)?.intersection_with_iter(hashed(&vals), eq);
            vars.insert(name(0)?, r);
        }
        "copy" => {
            let r = get(vars, &name(1)?)?.copy();
            vars.insert(name(0)?, r);
        }
        "or" | "and" | "sub" | "xor" => {
            let (a, b) = (get(vars, &name(1)?)?, get(vars, &name(2)?)?);
            let r = match *op {
                "or" => a.union(b, eq),
                "and" => a.intersection(b, eq),
                "sub" => a.difference(b, eq),
                _ => a.symmetric_difference(b, eq),
            };
            vars.insert(name(0)?, r);
        }
        "ior" | "iand" | "isub" | "ixor" => {
            let (a, b) = (name(0)?, name(1)?);
            if a == b {
                let s = get_mut(vars, &a)?;
                match *op {
                    "iand" => s.intersection_update_self(),
                    "isub" | "ixor" => s.clear(),
                    _ => {}
                }
            } else {
                let other = get(vars, &b)?.clone();
                let s = get_mut(vars, &a)?;
                match *op {
                    "ior" => s.update_from_set(&other, eq),
                    "iand" => s.intersection_update(&other, eq),
                    "isub" => s.difference_update(&other, eq),
                    _ => s.symmetric_difference_update(&other, eq),
                }
            }
        }
        "expect" => {
            let want = vals_from(1)?;
            let got: Vec<i128> = get(vars, &name(0)?)?.iter().copied().collect();
            if got != want {
                return Ok(Some(format!(
                    "expect {}: got {} want {}",
                    name(0)?,
                    brief(&got),
                    brief(&want)
                )));
            }
        }
        other => return Err(format!("unknown op {other}")),
    }
    Ok(None)
}

#[test]
fn set_iteration_order_matches_cpython() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/set_order/cases.txt");
    let text = std::fs::read_to_string(path).expect("run scripts/gen_set_order_expectations.py");
    let mut failures: Vec<String> = Vec::new();
    let (mut cases, mut checks, mut passed_cases) = (0usize, 0usize, 0usize);
    let mut current: Option<(String, HashMap<String, Set>, Option<String>)> = None;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("case ") {
            current = Some((name.to_string(), HashMap::new(), None));
            cases += 1;
            continue;
        }
        let Some((name, vars, failed)) = current.as_mut() else {
            continue;
        };
        if line == "end" {
            match failed.take() {
                Some(msg) => failures.push(format!("{name}: {msg}")),
                None => passed_cases += 1,
            }
            current = None;
            continue;
        }
        if failed.is_some() {
            continue;
        }
        if line.starts_with("expect") || line.starts_with("pop") {
            checks += 1;
        }
        match step(vars, line) {
            Ok(None) => {}
            Ok(Some(msg)) => *failed = Some(msg),
            Err(e) => *failed = Some(format!("bad line `{line}`: {e}")),
        }
    }
    println!("set_order: {passed_cases}/{cases} cases match ({checks} checks run)");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases differ from CPython:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn int_hash_matches_cpython() {
    assert_eq!(int_hash(-1), -2);
    assert_eq!(int_hash(-2), -2);
    assert_eq!(int_hash((1 << 61) - 1), 0);
    assert_eq!(int_hash((1 << 61) + 4), 5);
    assert_eq!(int_hash(-(1 << 61)), -2);
}
