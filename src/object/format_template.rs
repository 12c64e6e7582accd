//! The template side of `str.format`, `str.format_map` and `string.Formatter`: splitting a
//! template into literal text and replacement fields, splitting field names into an argument
//! and accessors, automatic/manual field numbering and nested format specs.
//!
//! This is a pure parser: it knows nothing of objects. The layers are:
//! - [`parse_markup`]: exactly what `string.Formatter().parse()` reports (raw names and specs);
//! - [`parse_field_name`]: a field name as `_string.formatter_field_name_split` splits it;
//! - [`parse`]: markup plus parsed field names, `Auto` left unresolved, specs kept raw;
//! - [`number_fields`]: resolves `Auto` to indices and parses nested spec fields;
//! - [`compile`]: all of the above in the order `str.format` meets them, so that a template
//!   with several faults reports the one CPython reports.
//!
//! Errors are `ValueError`s carrying CPython 3.11's messages. `format_map`'s "Format string
//! contains positional fields" belongs to the caller (it depends on the arguments).

/// A template fault: the Python exception type name and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The exception type, always `"ValueError"` here.
    pub kind: &'static str,
    /// The exception message, as CPython words it.
    pub msg: String,
}

impl TemplateError {
    fn value(msg: impl Into<String>) -> Self {
        TemplateError {
            kind: "ValueError",
            msg: msg.into(),
        }
    }
}

/// The first part of a field name: which argument the field reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// An empty name: the next automatically numbered positional argument.
    Auto,
    /// An explicit positional index (all decimal digits).
    Index(usize),
    /// A keyword argument name (anything else).
    Keyword(String),
}

/// One step after the first part of a field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accessor {
    /// `.name`: attribute lookup.
    Attribute(String),
    /// `[digits]`: item lookup with an int.
    Index(usize),
    /// `[text]`: item lookup with a str.
    Key(String),
}

/// A parsed field name such as `0.attr[1]` or `name[key]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldName {
    /// The argument read.
    pub first: Arg,
    /// The attribute and item lookups applied to it, in order.
    pub rest: Vec<Accessor>,
}

/// A replacement field with a parsed name and a raw spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// What the field reads.
    pub name: FieldName,
    /// The character after `!`, if any (not yet checked to be `r`, `s` or `a`).
    pub conversion: Option<char>,
    /// The format spec as written; it may contain nested fields (see [`parse_spec`]).
    pub spec: String,
}

/// One piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Literal text, with `{{` and `}}` already unescaped.
    Literal(String),
    /// A replacement field.
    Field(Field),
}

/// A replacement field as `string.Formatter().parse()` reports it: nothing parsed inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawField {
    /// The field name text (possibly empty).
    pub name: String,
    /// The character after `!`, if any.
    pub conversion: Option<char>,
    /// The format spec text (empty when absent).
    pub spec: String,
}

/// One tuple of `string.Formatter().parse()`: literal text, then maybe a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPiece {
    /// The literal text before the field (unescaped; may be empty when a field follows).
    pub literal: String,
    /// The field, or `None` for a literal-only tuple.
    pub field: Option<RawField>,
}

/// A format spec after numbering: plain text, or text built from nested fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spec {
    /// A spec without braces, used as written.
    Plain(String),
    /// A spec containing braces: formatted like a template, then used as the spec.
    Nested(Vec<Resolved>),
}

/// A replacement field after numbering: `name.first` is never `Arg::Auto`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedField {
    /// What the field reads, with automatic numbering resolved.
    pub name: FieldName,
    /// `r`, `s` or `a`, if given.
    pub conversion: Option<char>,
    /// The spec, with nested fields parsed and numbered.
    pub spec: Spec,
}

/// One piece of a numbered template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Literal text.
    Literal(String),
    /// A replacement field.
    Field(ResolvedField),
}

/// How deep `str.format` expands nested specs: the template itself and one level of specs.
const MAX_DEPTH: u32 = 2;

/// The code point of the zero of every run of ten non-ASCII Unicode decimal digits (category
/// Nd, Unicode 14.0 as in CPython 3.11). Each run holds the digits 0 to 9 in order.
const DECIMAL_ZEROS: [u32; 65] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The decimal value of a character, for any Unicode decimal digit.
fn decimal_value(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    let cp = c as u32;
    let after = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DECIMAL_ZEROS.get(after.checked_sub(1)?)?;
    let v = cp - zero;
    (v < 10).then_some(v)
}

/// Reads `text` as an index: `Ok(None)` unless every character is a decimal digit (and the
/// text is non-empty); too large a value (beyond `Py_ssize_t`) is an error as soon as the
/// digits read so far overflow, even if a non-digit follows.
fn read_index(text: &str) -> Result<Option<usize>, TemplateError> {
    if text.is_empty() {
        return Ok(None);
    }
    let mut value: u64 = 0;
    for c in text.chars() {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(d)))
            .filter(|&v| v <= i64::MAX as u64)
            .ok_or_else(|| TemplateError::value("Too many decimal digits in format string"))?;
    }
    usize::try_from(value)
        .map(Some)
        .map_err(|_| TemplateError::value("Too many decimal digits in format string"))
}

/// Walks a template one `string.Formatter().parse()` tuple at a time.
struct Scanner<'a> {
    rest: std::str::Chars<'a>,
    done: bool,
}

impl<'a> Scanner<'a> {
    fn new(template: &'a str) -> Self {
        Scanner {
            rest: template.chars(),
            done: false,
        }
    }

    fn peek(&self) -> Option<char> {
        self.rest.clone().next()
    }

    /// The next tuple, `None` at the end.
    fn next_piece(&mut self) -> Result<Option<RawPiece>, TemplateError> {
        let mut literal = String::new();
        loop {
            let Some(c) = self.rest.next() else {
                if literal.is_empty() {
                    return Ok(None);
                }
                return Ok(Some(RawPiece {
                    literal,
                    field: None,
                }));
            };
            match c {
                '{' => match self.peek() {
                    Some('{') => {
                        self.rest.next();
                        literal.push('{');
                        return Ok(Some(RawPiece {
                            literal,
                            field: None,
                        }));
                    }
                    None => {
                        return Err(TemplateError::value(
                            "Single '{' encountered in format string",
                        ));
                    }
                    Some(_) => {
                        let field = self.field()?;
                        return Ok(Some(RawPiece {
                            literal,
                            field: Some(field),
                        }));
                    }
                },
                '}' => {
                    if self.peek() == Some('}') {
                        self.rest.next();
                        literal.push('}');
                        return Ok(Some(RawPiece {
                            literal,
                            field: None,
                        }));
                    }
                    return Err(TemplateError::value(
                        "Single '}' encountered in format string",
                    ));
                }
                _ => literal.push(c),
            }
        }
    }

    /// Reads a field after its opening `{`, through its closing `}`.
    fn field(&mut self) -> Result<RawField, TemplateError> {
        let mut name = String::new();
        let stop = loop {
            let Some(c) = self.rest.next() else {
                return Err(TemplateError::value("expected '}' before end of string"));
            };
            match c {
                '{' => return Err(TemplateError::value("unexpected '{' in field name")),
                '}' | ':' | '!' => break c,
                '[' => {
                    name.push('[');
                    for inner in self.rest.by_ref() {
                        name.push(inner);
                        if inner == ']' {
                            break;
                        }
                    }
                }
                _ => name.push(c),
            }
        };
        let mut conversion = None;
        let mut has_spec = stop == ':';
        if stop == '!' {
            let Some(conv) = self.rest.next() else {
                return Err(TemplateError::value(
                    "end of string while looking for conversion specifier",
                ));
            };
            conversion = Some(conv);
            match self.rest.next() {
                None => return Err(TemplateError::value("unmatched '{' in format spec")),
                Some('}') => {}
                Some(':') => has_spec = true,
                Some(_) => {
                    return Err(TemplateError::value(
                        "expected ':' after conversion specifier",
                    ));
                }
            }
        }
        let mut spec = String::new();
        if has_spec {
            let mut depth = 1usize;
            loop {
                let Some(c) = self.rest.next() else {
                    return Err(TemplateError::value("unmatched '{' in format spec"));
                };
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                spec.push(c);
            }
        }
        Ok(RawField {
            name,
            conversion,
            spec,
        })
    }
}

impl Iterator for Scanner<'_> {
    type Item = Result<RawPiece, TemplateError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.next_piece().transpose();
        if !matches!(item, Some(Ok(_))) {
            self.done = true;
        }
        item
    }
}

/// Splits a template as `string.Formatter().parse()` does: one [`RawPiece`] per tuple.
pub fn parse_markup(template: &str) -> Result<Vec<RawPiece>, TemplateError> {
    Scanner::new(template).collect()
}

/// Splits a field name's first part (up to the first `.` or `[`) from the rest.
fn split_first(name: &str) -> (&str, &str) {
    let at = name.find(['.', '[']).unwrap_or(name.len());
    name.split_at(at)
}

/// Reads the first part of a field name.
fn parse_first(first: &str) -> Result<Arg, TemplateError> {
    if first.is_empty() {
        return Ok(Arg::Auto);
    }
    Ok(match read_index(first)? {
        Some(i) => Arg::Index(i),
        None => Arg::Keyword(first.to_string()),
    })
}

/// Reads the accessors after a field name's first part (which start with `.` or `[`).
fn parse_rest(mut rest: &str) -> Result<Vec<Accessor>, TemplateError> {
    let mut out = Vec::new();
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        if c == '.' {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            let (attr, tail) = rest.split_at(end);
            if attr.is_empty() {
                return Err(TemplateError::value("Empty attribute in format string"));
            }
            out.push(Accessor::Attribute(attr.to_string()));
            rest = tail;
        } else {
            // `c` is '[' (the first part and attributes stop only at '.' or '[', and the
            // check below ensures the same after ']').
            let Some(end) = rest.find(']') else {
                return Err(TemplateError::value("Missing ']' in format string"));
            };
            let key = &rest[..end];
            if key.is_empty() {
                return Err(TemplateError::value("Empty attribute in format string"));
            }
            out.push(match read_index(key)? {
                Some(i) => Accessor::Index(i),
                None => Accessor::Key(key.to_string()),
            });
            rest = &rest[end + 1..];
            if !(rest.is_empty() || rest.starts_with(['.', '['])) {
                return Err(TemplateError::value(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
    }
    Ok(out)
}

/// Parses a field name such as `0.attr[1]`, `name[key]` or `` (automatic numbering).
pub fn parse_field_name(name: &str) -> Result<FieldName, TemplateError> {
    let (first, rest) = split_first(name);
    Ok(FieldName {
        first: parse_first(first)?,
        rest: parse_rest(rest)?,
    })
}

/// Checks a conversion character: only `r`, `s` and `a` exist.
pub fn check_conversion(c: char) -> Result<(), TemplateError> {
    if matches!(c, 'r' | 's' | 'a') {
        return Ok(());
    }
    let code = c as u32;
    if (33..127).contains(&code) {
        Err(TemplateError::value(format!(
            "Unknown conversion specifier {c}"
        )))
    } else {
        Err(TemplateError::value(format!(
            "Unknown conversion specifier \\x{code:x}"
        )))
    }
}

/// Parses a template into literal pieces and fields with parsed names. Literal text between
/// fields is merged; conversions are not checked and `Auto` is not resolved (see
/// [`number_fields`] and [`compile`]).
pub fn parse(template: &str) -> Result<Vec<Piece>, TemplateError> {
    let mut out: Vec<Piece> = Vec::new();
    for raw in Scanner::new(template) {
        let raw = raw?;
        if !raw.literal.is_empty() {
            if let Some(Piece::Literal(prev)) = out.last_mut() {
                prev.push_str(&raw.literal);
            } else {
                out.push(Piece::Literal(raw.literal));
            }
        }
        if let Some(field) = raw.field {
            out.push(Piece::Field(Field {
                name: parse_field_name(&field.name)?,
                conversion: field.conversion,
                spec: field.spec,
            }));
        }
    }
    Ok(out)
}

/// Parses a format spec's nested fields (same rules as a template).
pub fn parse_spec(spec: &str) -> Result<Vec<Piece>, TemplateError> {
    parse(spec)
}

/// Whether a spec is expanded as a template by `str.format` (it contains a brace).
pub fn spec_needs_expanding(spec: &str) -> bool {
    spec.contains('{')
}

/// The automatic/manual numbering state shared by a template and its nested specs.
#[derive(Debug, Default)]
struct Numbering {
    manual: bool,
    auto: bool,
    next: usize,
}

impl Numbering {
    fn resolve(&mut self, first: Arg) -> Result<Arg, TemplateError> {
        match first {
            Arg::Auto => {
                if self.manual {
                    return Err(TemplateError::value(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                self.auto = true;
                let i = self.next;
                self.next += 1;
                Ok(Arg::Index(i))
            }
            Arg::Index(i) => {
                if self.auto {
                    return Err(TemplateError::value(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                self.manual = true;
                Ok(Arg::Index(i))
            }
            keyword => Ok(keyword),
        }
    }
}

/// Expands a spec (at `depth`, counting down) or keeps it plain.
fn resolve_spec(spec: String, depth: u32, state: &mut Numbering) -> Result<Spec, TemplateError> {
    if !spec_needs_expanding(&spec) {
        return Ok(Spec::Plain(spec));
    }
    let mut nested = Vec::new();
    compile_into(&spec, depth, state, &mut nested)?;
    Ok(Spec::Nested(nested))
}

/// Resolves `Auto` in already parsed pieces, checks conversions and parses and numbers nested
/// spec fields, in document order as `str.format` does (the numbering counter is shared with
/// nested specs; a field in a spec in a spec is "Max string recursion exceeded").
pub fn number_fields(pieces: Vec<Piece>) -> Result<Vec<Resolved>, TemplateError> {
    let mut state = Numbering::default();
    let mut out = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Literal(text) => out.push(Resolved::Literal(text)),
            Piece::Field(field) => {
                let first = state.resolve(field.name.first)?;
                if let Some(c) = field.conversion {
                    check_conversion(c)?;
                }
                let spec = resolve_spec(field.spec, MAX_DEPTH - 1, &mut state)?;
                out.push(Resolved::Field(ResolvedField {
                    name: FieldName {
                        first,
                        rest: field.name.rest,
                    },
                    conversion: field.conversion,
                    spec,
                }));
            }
        }
    }
    Ok(out)
}

/// Parses and numbers a template completely, raising the first fault in the order
/// `str.format` meets it: markup of each field, its name's first part and numbering, the rest
/// of its name, its conversion, then its nested spec, before looking at the next piece.
pub fn compile(template: &str) -> Result<Vec<Resolved>, TemplateError> {
    let mut state = Numbering::default();
    let mut out = Vec::new();
    compile_into(template, MAX_DEPTH, &mut state, &mut out)?;
    Ok(out)
}

fn compile_into(
    template: &str,
    depth: u32,
    state: &mut Numbering,
    out: &mut Vec<Resolved>,
) -> Result<(), TemplateError> {
    if depth == 0 {
        return Err(TemplateError::value("Max string recursion exceeded"));
    }
    for raw in Scanner::new(template) {
        let raw = raw?;
        if !raw.literal.is_empty() {
            if let Some(Resolved::Literal(prev)) = out.last_mut() {
                prev.push_str(&raw.literal);
            } else {
                out.push(Resolved::Literal(raw.literal));
            }
        }
        let Some(field) = raw.field else {
            continue;
        };
        let (first, rest) = split_first(&field.name);
        let first = state.resolve(parse_first(first)?)?;
        let rest = parse_rest(rest)?;
        if let Some(c) = field.conversion {
            check_conversion(c)?;
        }
        let spec = resolve_spec(field.spec, depth - 1, state)?;
        out.push(Resolved::Field(ResolvedField {
            name: FieldName { first, rest },
            conversion: field.conversion,
            spec,
        }));
    }
    Ok(())
}
