//! Differential tests of `gilpy::object::format_template` against CPython 3.11, using the cases
//! `scripts/gen_format_template_expectations.py` wrote to `tests/format_template/cases.txt`:
//! `parse_markup` against `string.Formatter().parse()`, `compile` against `str.format` (errors,
//! and the output with arguments rendered as `<id|spec>`), and `parse_field_name` against
//! `_string.formatter_field_name_split`. All mismatches are reported together.

use gilpy::object::format_template::{
    Accessor, Arg, Resolved, Spec, TemplateError, compile, number_fields, parse, parse_field_name,
    parse_markup,
};
use gilpy::object::text::repr_str;

/// Undoes the generator's escaping; `None` for `\N`.
fn unescape(field: &str) -> Option<String> {
    if field == "\\N" {
        return None;
    }
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    Some(out)
}

fn fields(line: &str) -> Vec<Option<String>> {
    line.split('\t').map(unescape).collect()
}

fn text(f: &[Option<String>], i: usize) -> String {
    f.get(i).cloned().flatten().unwrap_or_default()
}

fn show_err(e: &TemplateError) -> String {
    format!("{}: {}", e.kind, e.msg)
}

/// Renders a compiled template as the generator's argument objects format themselves.
fn render(pieces: &[Resolved]) -> Option<String> {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Resolved::Literal(s) => out.push_str(s),
            Resolved::Field(f) => {
                let mut id = match &f.name.first {
                    Arg::Index(i) => i.to_string(),
                    Arg::Keyword(k) => format!("k:{k}"),
                    Arg::Auto => return None,
                };
                for acc in &f.name.rest {
                    match acc {
                        Accessor::Attribute(a) => id = format!("{id}.{a}"),
                        Accessor::Index(i) => id = format!("{id}[{i}]"),
                        Accessor::Key(k) => id = format!("{id}[{}]", repr_str(k)),
                    }
                }
                match f.conversion {
                    None => {}
                    Some('r') => id = format!("r:{id}"),
                    Some('s') => id = format!("s:{id}"),
                    // `ascii()` builds a plain str, which formats differently: not compared.
                    Some(_) => return None,
                }
                let spec = match &f.spec {
                    Spec::Plain(s) => s.clone(),
                    Spec::Nested(v) => render(v)?,
                };
                out.push_str(&format!("<{id}|{spec}>"));
            }
        }
    }
    Some(out)
}

#[test]
fn format_template_matches_cpython() {
    let data = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/format_template/cases.txt"
    ))
    .expect("cases.txt (run scripts/gen_format_template_expectations.py)");
    let lines: Vec<&str> = data.lines().collect();
    let mut failures = Vec::new();
    let (mut templates, mut names, mut checks) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < lines.len() {
        let head = fields(lines[i]);
        i += 1;
        let mut body = Vec::new();
        while i < lines.len() && !lines[i].starts_with("T\t") && !lines[i].starts_with("N\t") {
            body.push(fields(lines[i]));
            i += 1;
        }
        let input = text(&head, 1);
        match head[0].as_deref() {
            Some("T") => {
                templates += 1;
                // Formatter().parse()
                let expected: Vec<String> = body
                    .iter()
                    .filter(|f| matches!(f[0].as_deref(), Some("P" | "PE")))
                    .map(|f| format!("{:?}", &f[1..]))
                    .collect();
                let got: Vec<String> = match parse_markup(&input) {
                    Ok(pieces) => pieces
                        .iter()
                        .map(|p| {
                            let (name, spec, conv) = match &p.field {
                                Some(fl) => (
                                    Some(fl.name.clone()),
                                    Some(fl.spec.clone()),
                                    fl.conversion.map(String::from),
                                ),
                                None => (None, None, None),
                            };
                            format!("{:?}", [Some(p.literal.clone()), name, spec, conv])
                        })
                        .collect(),
                    Err(e) => vec![format!(
                        "{:?}",
                        [Some(e.kind.to_string()), Some(e.msg.clone())]
                    )],
                };
                checks += 1;
                if got != expected {
                    failures.push(format!(
                        "parse {input:?}: expected {expected:?}, got {got:?}"
                    ));
                }
                // str.format
                let Some(f) = body.iter().find(|f| f[0].as_deref() == Some("F")) else {
                    failures.push(format!("{input:?}: no F record"));
                    continue;
                };
                let compiled = compile(&input);
                // number_fields(parse()) must agree with compile whenever both succeed.
                if let (Ok(c), Ok(n)) = (&compiled, parse(&input).and_then(number_fields))
                    && c != &n
                {
                    failures.push(format!(
                        "{input:?}: compile and number_fields(parse) differ"
                    ));
                }
                checks += 1;
                match (f[1].as_deref(), &compiled) {
                    (Some("ok"), Ok(pieces)) => {
                        let want = text(f, 2);
                        if let Some(out) = render(pieces)
                            && out != want
                        {
                            failures.push(format!(
                                "format {input:?}: expected output {want:?}, got {out:?}"
                            ));
                        }
                    }
                    (Some("err"), Err(e)) => {
                        let want = format!("{}: {}", text(f, 2), text(f, 3));
                        if show_err(e) != want {
                            failures.push(format!(
                                "format {input:?}: expected {want}, got {}",
                                show_err(e)
                            ));
                        }
                    }
                    (Some("other"), _) => {}
                    (kind, got) => failures.push(format!(
                        "format {input:?}: expected {kind:?} {:?}, got {:?}",
                        &f[2..],
                        got.as_ref().map_err(show_err).map(|_| "ok")
                    )),
                }
            }
            Some("N") => {
                names += 1;
                checks += 1;
                let expected: Vec<String> = body.iter().map(|f| format!("{f:?}")).collect();
                let got: Vec<String> = match parse_field_name(&input) {
                    Ok(name) => {
                        let first = match name.first {
                            Arg::Auto => ["NF", "str", ""].map(String::from),
                            Arg::Index(n) => ["NF".into(), "int".into(), n.to_string()],
                            Arg::Keyword(k) => ["NF".into(), "str".into(), k],
                        };
                        let mut v = vec![first];
                        for acc in name.rest {
                            v.push(match acc {
                                Accessor::Attribute(a) => ["NA".into(), "attr".into(), a],
                                Accessor::Index(n) => ["NA".into(), "int".into(), n.to_string()],
                                Accessor::Key(k) => ["NA".into(), "str".into(), k],
                            });
                        }
                        v.into_iter()
                            .map(|r| format!("{:?}", r.map(Some)))
                            .collect()
                    }
                    Err(e) => vec![format!(
                        "{:?}",
                        [
                            Some("NE".to_string()),
                            Some(e.kind.to_string()),
                            Some(e.msg)
                        ]
                    )],
                };
                if got != expected {
                    failures.push(format!(
                        "field name {input:?}: expected {expected:?}, got {got:?}"
                    ));
                }
            }
            _ => failures.push(format!("bad record at line {i}: {:?}", lines[i - 1])),
        }
    }
    eprintln!(
        "{templates} templates, {names} field names, {checks} checks, {} mismatches",
        failures.len()
    );
    assert!(templates > 300 && names > 20, "too few cases");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn no_panics_on_odd_input() {
    let alphabet = [
        '{', '}', '!', ':', '.', '[', ']', '0', '9', 'a', 'r', 'é', '١',
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 12) as usize;
        let mut s = String::new();
        let mut x = seed;
        for _ in 0..len {
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
            x /= alphabet.len() as u64;
            if x == 0 {
                x = seed.rotate_left(17);
            }
        }
        let _ = parse_markup(&s);
        let _ = parse(&s).and_then(number_fields);
        let _ = compile(&s);
        let _ = parse_field_name(&s);
    }
}
