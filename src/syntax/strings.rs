//! String literals: escape decoding, implicit concatenation of adjacent literals, and f-strings
//! (split into literal text and replacement fields whose expressions are parsed like code).
//!
//! As in CPython 3.11, this happens when the parser reduces a run of adjacent string tokens, and
//! errors found here point at the end of the last literal; errors in an f-string expression point
//! into the text `(expression)`, the way CPython 3.11 parses it.

use super::ast::{Constant, Conversion, Expr, ExprKind, Pos, Range};
use super::error::{Caret, ErrorKind, SyntaxError};
use super::token::StringToken;

/// One string token as the grammar hands it over: its start, the token, its end.
pub type StringPart = (Pos, StringToken, Pos);

/// Joins adjacent string literals into one `Constant` or `JoinedStr`.
pub fn concat(parts: Vec<StringPart>) -> Result<Expr, SyntaxError> {
    let range = Range::new(parts[0].0, parts[parts.len() - 1].2);
    let last_end = range.end;
    let at_end = || Caret::Span(last_end, last_end);
    let bytes = parts[0].1.is_bytes();
    if parts.iter().any(|p| p.1.is_bytes() != bytes) {
        // CPython reads the f-strings first, so their errors come before this one.
        for (_, part, _) in parts.iter().filter(|p| p.1.is_fstring()) {
            let mut ignored = JoinedBuilder::new(range);
            FStringScanner::new(part, range, range).scan_into(&mut ignored, false)?;
        }
        return Err(SyntaxError::with_caret(
            ErrorKind::SyntaxError,
            "cannot mix bytes and nonbytes literals",
            at_end(),
        ));
    }
    if bytes {
        let mut value = Vec::new();
        for (lo, part, hi) in &parts {
            if !part.body.is_ascii() {
                return Err(SyntaxError::syntax(
                    "bytes can only contain ASCII literal characters",
                    *lo,
                    *hi,
                ));
            }
            decode_bytes(part, &mut value)
                .map_err(|msg| SyntaxError::with_caret(ErrorKind::SyntaxError, msg, at_end()))?;
        }
        return Ok(constant(range, Constant::Bytes(value), None));
    }
    let kind = parts[0].1.is_unicode_marked().then(|| "u".to_string());
    if !parts.iter().any(|p| p.1.is_fstring()) {
        let mut value = String::new();
        for (_, part, _) in &parts {
            decode_str(&part.body, part.is_raw(), &mut value)
                .map_err(|msg| SyntaxError::with_caret(ErrorKind::SyntaxError, msg, at_end()))?;
        }
        return Ok(constant(range, Constant::Str(value), kind));
    }
    let mut builder = JoinedBuilder::new(range);
    for (lo, part, hi) in &parts {
        if part.is_fstring() {
            let mut scanner = FStringScanner::new(part, range, Range::new(*lo, *hi));
            scanner.scan_into(&mut builder, false)?;
        } else {
            let mut text = String::new();
            decode_str(&part.body, part.is_raw(), &mut text)
                .map_err(|msg| SyntaxError::with_caret(ErrorKind::SyntaxError, msg, at_end()))?;
            builder.text.push_str(&text);
        }
    }
    Ok(builder.finish())
}

fn constant(range: Range, value: Constant, kind: Option<String>) -> Expr {
    Expr::new(range, ExprKind::Constant { value, kind })
}

/// Collects the pieces of a `JoinedStr`, merging adjacent literal text.
///
/// CPython 3.11 gives the pieces of a joined string the range of the whole run of literals, and
/// a format spec the range of its own literal (its pieces run from the start of the run to the
/// end of that literal): `range` is the joined string's own, `part_range` its pieces'.
struct JoinedBuilder {
    range: Range,
    part_range: Range,
    values: Vec<Expr>,
    text: String,
}

impl JoinedBuilder {
    fn new(range: Range) -> JoinedBuilder {
        JoinedBuilder::with_parts(range, range)
    }

    fn with_parts(range: Range, part_range: Range) -> JoinedBuilder {
        JoinedBuilder {
            range,
            part_range,
            values: Vec::new(),
            text: String::new(),
        }
    }

    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            let text = std::mem::take(&mut self.text);
            self.values
                .push(constant(self.part_range, Constant::Str(text), None));
        }
    }

    fn push_field(&mut self, field: Expr) {
        self.flush_text();
        self.values.push(field);
    }

    fn finish(mut self) -> Expr {
        // A spec that is only literal text takes the spec's own range (CPython 3.11 does so).
        if self.values.is_empty() {
            self.part_range = self.range;
        }
        self.flush_text();
        Expr::new(
            self.range,
            ExprKind::JoinedStr {
                values: self.values,
            },
        )
    }
}

/// CPython nests format specs at most this deep (`f"{a:{b:{c}}}"` is too deep).
const MAX_FSTRING_NESTING: usize = 2;

/// Walks the body of one f-string literal.
struct FStringScanner<'t> {
    token: &'t StringToken,
    chars: Vec<(usize, char)>,
    i: usize,
    /// The range of the whole run of adjacent literals (errors point at its end).
    range: Range,
    /// The range of this literal alone.
    token_range: Range,
    nesting: usize,
}

impl<'t> FStringScanner<'t> {
    fn new(token: &'t StringToken, range: Range, token_range: Range) -> FStringScanner<'t> {
        FStringScanner {
            token,
            chars: token.body.char_indices().collect(),
            i: 0,
            range,
            token_range,
            nesting: 0,
        }
    }

    fn error(&self, msg: &str) -> SyntaxError {
        SyntaxError::with_caret(
            ErrorKind::SyntaxError,
            msg,
            Caret::Span(self.range.end, self.range.end),
        )
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).map(|c| c.1)
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.i + k).map(|c| c.1)
    }

    fn offset(&self) -> usize {
        self.chars
            .get(self.i)
            .map_or(self.token.body.len(), |c| c.0)
    }

    /// Scans literal text and fields up to the end of the body, or (in a format spec) up to the
    /// `}` that closes the field.
    fn scan_into(&mut self, out: &mut JoinedBuilder, in_spec: bool) -> Result<(), SyntaxError> {
        loop {
            let literal_start = self.offset();
            while let Some(c) = self.peek() {
                if c == '{' || c == '}' {
                    break;
                }
                if c == '\\' && !self.token.is_raw() {
                    self.i += 1;
                    // `\N{...}` braces belong to the escape, not to a field.
                    if self.peek() == Some('N') && self.peek_at(1) == Some('{') {
                        while let Some(c) = self.peek() {
                            self.i += 1;
                            if c == '}' {
                                break;
                            }
                        }
                        continue;
                    }
                }
                self.i += 1;
            }
            let literal = &self.token.body[literal_start..self.offset()];
            decode_str(literal, self.token.is_raw(), &mut out.text)
                .map_err(|msg| self.error(&msg))?;
            match self.peek() {
                None => return Ok(()),
                Some('{') if self.peek_at(1) == Some('{') && !in_spec => {
                    out.text.push('{');
                    self.i += 2;
                }
                Some('}') if in_spec => return Ok(()),
                Some('}') if self.peek_at(1) == Some('}') => {
                    out.text.push('}');
                    self.i += 2;
                }
                Some('}') => return Err(self.error("f-string: single '}' is not allowed")),
                Some(_) => {
                    self.i += 1;
                    self.field(out)?;
                }
            }
        }
    }

    /// A replacement field, after its `{`: expression, `=`, conversion, format spec, `}`.
    fn field(&mut self, out: &mut JoinedBuilder) -> Result<(), SyntaxError> {
        if self.nesting >= MAX_FSTRING_NESTING {
            return Err(self.error("f-string: expressions nested too deeply"));
        }
        let expr_start = self.i;
        self.skip_expression()?;
        let start_byte = self.chars[expr_start].0;
        let end_byte = self.offset();
        let source = &self.token.body[start_byte..end_byte];
        if source
            .trim_matches([' ', '\t', '\n', '\r', '\x0c'])
            .is_empty()
        {
            if self.peek() == Some('=') {
                return Err(self.error("f-string: expression required before '='"));
            }
            return Err(self.error("f-string: empty expression not allowed"));
        }
        let mut debug_text = None;
        if self.peek() == Some('=') {
            self.i += 1;
            // Whitespace after the `=` belongs to the text shown: `f"{x = }"` prints `x = 1`.
            while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r' | '\x0c')) {
                self.i += 1;
            }
            debug_text = Some(self.token.body[start_byte..self.offset()].to_string());
        }
        let mut conversion = Conversion::None;
        if self.peek() == Some('!') {
            self.i += 1;
            conversion = match self.peek() {
                Some('s') => Conversion::Str,
                Some('r') => Conversion::Repr,
                Some('a') => Conversion::Ascii,
                None => return Err(self.error("f-string: expecting '}'")),
                _ => {
                    return Err(self.error(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    ));
                }
            };
            self.i += 1;
        }
        let value = self.parse_expression(source, start_byte)?;
        let mut format_spec = None;
        if self.peek() == Some(':') {
            self.i += 1;
            let parts = Range::new(self.range.start, self.token_range.end);
            let mut spec = JoinedBuilder::with_parts(self.token_range, parts);
            let mut inner = FStringScanner {
                token: self.token,
                chars: std::mem::take(&mut self.chars),
                i: self.i,
                range: self.range,
                token_range: self.token_range,
                nesting: self.nesting + 1,
            };
            let result = inner.scan_into(&mut spec, true);
            self.chars = std::mem::take(&mut inner.chars);
            self.i = inner.i;
            result?;
            format_spec = Some(Box::new(spec.finish()));
        }
        if self.peek() != Some('}') {
            return Err(self.error("f-string: expecting '}'"));
        }
        self.i += 1;
        if let Some(text) = debug_text {
            out.text.push_str(&text);
            if conversion == Conversion::None && format_spec.is_none() {
                conversion = Conversion::Repr;
            }
        }
        let field = Expr::new(
            out.part_range,
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
        );
        out.push_field(field);
        Ok(())
    }

    /// Moves past the expression of a field: up to `=`, `!`, `:` or `}` outside brackets and
    /// nested strings.
    fn skip_expression(&mut self) -> Result<(), SyntaxError> {
        let mut brackets: Vec<char> = Vec::new();
        let mut quote: Option<(char, bool)> = None;
        while let Some(c) = self.peek() {
            if c == '\\' {
                return Err(self.error("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if c == q && (!triple || (self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q)))
                {
                    self.i += if triple { 3 } else { 1 };
                    quote = None;
                } else {
                    self.i += 1;
                }
                continue;
            }
            match c {
                '\'' | '"' => {
                    let triple = self.peek_at(1) == Some(c) && self.peek_at(2) == Some(c);
                    quote = Some((c, triple));
                    self.i += if triple { 3 } else { 1 };
                    continue;
                }
                '[' | '(' | '{' => {
                    if brackets.len() >= 200 {
                        return Err(self.error("f-string: too many nested parenthesis"));
                    }
                    brackets.push(c);
                }
                ']' | ')' | '}' if !brackets.is_empty() => {
                    let open = brackets.pop().unwrap_or('(');
                    let expected = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if c != expected {
                        return Err(self.error(&format!(
                            "f-string: closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                        )));
                    }
                }
                ']' | ')' => return Err(self.error(&format!("f-string: unmatched '{c}'"))),
                '#' => return Err(self.error("f-string expression part cannot include '#'")),
                '}' | ':' if brackets.is_empty() => return Ok(()),
                '!' if brackets.is_empty() && self.peek_at(1) != Some('=') => return Ok(()),
                '!' => self.i += 1,
                '=' if brackets.is_empty() && self.peek_at(1) != Some('=') => return Ok(()),
                '=' | '<' | '>' if self.peek_at(1) == Some('=') => self.i += 1,
                _ => {}
            }
            self.i += 1;
        }
        if quote.is_some() {
            return Err(self.error("f-string: unterminated string"));
        }
        if let Some(open) = brackets.last() {
            return Err(self.error(&format!("f-string: unmatched '{open}'")));
        }
        Err(self.error("f-string: expecting '}'"))
    }

    /// Parses the expression text of a field as CPython 3.11 does: as `(source)`, with positions
    /// moved to where the text is in the file.
    fn parse_expression(&self, source: &str, start_byte: usize) -> Result<Expr, SyntaxError> {
        let at = self.position_of(start_byte);
        let wrapped = format!("({source})");
        match super::parse_fstring_expression(&wrapped) {
            Ok(mut expr) => {
                shift_expr(&mut expr, at);
                Ok(expr)
            }
            Err(mut err) => {
                err.msg = format!("f-string: {}", err.msg);
                err = err.locate(&wrapped, "");
                err.lineno += at.line as usize - 1;
                err.end_lineno += at.line as usize - 1;
                err.caret = Caret::Located;
                Err(err)
            }
        }
    }

    /// The source position of byte `offset` of the string body.
    fn position_of(&self, offset: usize) -> Pos {
        let before = &self.token.body[..offset];
        let newlines = before.matches('\n').count() as u32;
        let start = self.token.body_pos;
        if newlines == 0 {
            Pos {
                line: start.line,
                col: start.col + offset as u32,
            }
        } else {
            let last_line = before.rsplit('\n').next().unwrap_or("");
            Pos {
                line: start.line + newlines,
                col: last_line.len() as u32,
            }
        }
    }
}

/// Moves an expression parsed from `(source)` to where `source` is in the file: the `(` that
/// CPython adds sits one column before the expression.
fn shift_expr(expr: &mut Expr, at: Pos) {
    let shift = |range: &mut Range| {
        range.start = shift_pos(range.start, at);
        range.end = shift_pos(range.end, at);
    };
    super::visit::walk_expr_mut(expr, &mut |e: &mut Expr| {
        shift(&mut e.range);
        // The nodes that are not expressions but carry a range: parameters and keywords.
        match &mut e.kind {
            ExprKind::Lambda { args, .. } => {
                for arg in args.all_mut() {
                    shift(&mut arg.range);
                }
            }
            ExprKind::Call { keywords, .. } => {
                for keyword in keywords {
                    shift(&mut keyword.range);
                }
            }
            _ => {}
        }
    });
}

fn shift_pos(pos: Pos, at: Pos) -> Pos {
    if pos.line == 1 {
        Pos {
            line: at.line,
            col: (pos.col + at.col).saturating_sub(1),
        }
    } else {
        Pos {
            line: pos.line + at.line - 1,
            col: pos.col,
        }
    }
}

/// Decodes the escapes of a `str` literal's text (or copies it, for a raw literal).
pub fn decode_str(body: &str, raw: bool, out: &mut String) -> Result<(), String> {
    if raw || !body.contains('\\') {
        out.push_str(body);
        return Ok(());
    }
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut plain_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        out.push_str(&body[plain_start..i]);
        let escape_start = i;
        i += 1;
        let Some(&c) = bytes.get(i) else {
            out.push('\\');
            plain_start = i;
            break;
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut value = (c - b'0') as u32;
                let mut n = 1;
                while n < 3 && matches!(bytes.get(i), Some(b'0'..=b'7')) {
                    value = value * 8 + (bytes[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(char::from_u32(value).unwrap_or('\u{FFFD}'));
            }
            b'x' | b'u' | b'U' => {
                let (digits, name) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let hex = body
                    .get(i..i + digits)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
                let Some(hex) = hex else {
                    let end = i + body[i..]
                        .bytes()
                        .take(digits)
                        .take_while(|b| b.is_ascii_hexdigit())
                        .count();
                    return Err(unicode_error(escape_start, end - 1, name));
                };
                let value = u32::from_str_radix(hex, 16).unwrap_or(u32::MAX);
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None if value < 0x110000 => out.push('\u{FFFD}'),
                    None => {
                        return Err(unicode_error(
                            escape_start,
                            i + digits - 1,
                            "illegal Unicode character",
                        ));
                    }
                }
                i += digits;
            }
            b'N' => {
                let named = body[i..]
                    .strip_prefix('{')
                    .and_then(|rest| rest.find('}').map(|close| (&rest[..close], i + 1 + close)));
                let Some((name, close)) = named else {
                    return Err(unicode_error(
                        escape_start,
                        i - 1,
                        "malformed \\N character escape",
                    ));
                };
                match unicode_names2::character(&name.to_ascii_uppercase()) {
                    Some(ch) if !name.is_empty() => out.push(ch),
                    _ => {
                        return Err(unicode_error(
                            escape_start,
                            close,
                            "unknown Unicode character name",
                        ));
                    }
                }
                i = close + 1;
            }
            _ => {
                // Unknown escapes are kept as written (CPython warns, and keeps them).
                out.push('\\');
                i -= 1;
            }
        }
        plain_start = i;
    }
    if plain_start < bytes.len() {
        out.push_str(&body[plain_start..]);
    }
    Ok(())
}

fn unicode_error(start: usize, end: usize, reason: &str) -> String {
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {reason}"
    )
}

/// Decodes a `bytes` literal's text (ASCII already checked) and appends it to `out`.
fn decode_bytes(token: &StringToken, out: &mut Vec<u8>) -> Result<(), String> {
    let bytes = token.body.as_bytes();
    if token.is_raw() {
        out.extend_from_slice(bytes);
        return Ok(());
    }
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = bytes.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut value = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && matches!(bytes.get(i), Some(b'0'..=b'7')) {
                    value = value * 8 + (bytes[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push((value & 0xFF) as u8);
            }
            b'x' => {
                let hex = token
                    .body
                    .get(i..i + 2)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
                let Some(hex) = hex else {
                    return Err(format!(
                        "(value error) invalid \\x escape at position {}",
                        i - 2
                    ));
                };
                out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                i += 2;
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(())
}
