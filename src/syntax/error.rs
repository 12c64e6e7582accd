//! `SyntaxError` and its subclasses as the front end raises them, and their report in CPython's format.

use std::fmt;

use super::ast::Pos;

/// Which exception class the error belongs to (both subclasses derive from `SyntaxError`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// An expression nested too deeply to compile (not a `SyntaxError` subclass).
    RecursionError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// Where an error points, in the source's own coordinates (byte columns, 0-based).
///
/// CPython's `SyntaxError` carries 1-based *character* offsets; those are computed from this
/// once the error is attached to its source text (see [`SyntaxError::locate`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caret {
    /// A range of the source: `^` under each character from `start` to `end`.
    Span(Pos, Pos),
    /// Offsets given directly, in characters (CPython's tokenizer computes them from its cursor).
    Raw {
        line: u32,
        offset: i64,
        end_offset: i64,
    },
    /// Already located against other text (an f-string expression): kept as it is.
    Located,
}

/// A syntax error with everything CPython's `SyntaxError` carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    /// 1-based line of the error.
    pub lineno: usize,
    /// 1-based character column (CPython's `offset`); 0 when unknown.
    pub offset: i64,
    pub end_lineno: usize,
    /// 1-based character column just past the range; 0 or -1 when there is no range.
    pub end_offset: i64,
    /// The source line the error is on, when there is one.
    pub text: Option<String>,
    /// The input ended too early: more lines could complete it (the REPL then asks for them).
    pub(crate) incomplete: bool,
    pub(crate) caret: Caret,
}

impl SyntaxError {
    /// An error on the source range `start..end`.
    pub fn new(kind: ErrorKind, msg: impl Into<String>, start: Pos, end: Pos) -> SyntaxError {
        SyntaxError::with_caret(kind, msg, Caret::Span(start, end))
    }

    /// A plain `SyntaxError` on the source range `start..end`.
    pub fn syntax(msg: impl Into<String>, start: Pos, end: Pos) -> SyntaxError {
        SyntaxError::new(ErrorKind::SyntaxError, msg, start, end)
    }

    pub fn with_caret(kind: ErrorKind, msg: impl Into<String>, caret: Caret) -> SyntaxError {
        let (line, end_line) = match caret {
            Caret::Span(s, e) => (s.line, e.line),
            Caret::Raw { line, .. } => (line, line),
            Caret::Located => (0, 0),
        };
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: String::new(),
            lineno: line as usize,
            offset: 0,
            end_lineno: end_line as usize,
            end_offset: 0,
            text: None,
            incomplete: false,
            caret,
        }
    }

    /// Fills in the file name, the source line and the character offsets from the source text.
    pub fn locate(mut self, source: &str, filename: &str) -> SyntaxError {
        self.filename = filename.to_string();
        if self.caret == Caret::Located {
            return self;
        }
        let line_text = nth_line(source, self.lineno);
        // CPython 3.11 reports the columns of errors in a file as UTF-8 byte offsets.
        let chars_before = |pos: Pos| -> i64 { pos.col as i64 };
        match self.caret {
            Caret::Span(start, end) => {
                self.offset = chars_before(start) + 1;
                self.end_offset = chars_before(end) + 1;
            }
            Caret::Raw {
                offset, end_offset, ..
            } => {
                self.offset = offset;
                self.end_offset = end_offset;
            }
            Caret::Located => {}
        }
        // CPython's line of text ends at a NUL byte.
        self.text = line_text.map(|t| t.split('\0').next().unwrap_or(t).to_string());
        self
    }

    /// The report CPython prints for an uncaught `SyntaxError`: the file and line, the source
    /// line with carets under the error, and the exception line.
    pub fn report(&self) -> String {
        if self.kind == ErrorKind::RecursionError {
            return format!("{}: {}\n", self.kind.name(), self.msg);
        }
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        if let Some(text) = &self.text {
            out.push_str(&self.source_excerpt(text));
        }
        out.push_str(&format!("{}: {}\n", self.kind.name(), self.msg));
        out
    }

    /// The source line (leading whitespace removed) and the caret line beneath it.
    fn source_excerpt(&self, text: &str) -> String {
        let mut end_offset = self.end_offset;
        // A range that runs onto later lines is shown up to the end of this one.
        let line_len = text.len() as i64;
        if end_offset > line_len + 1 || self.end_lineno > self.lineno {
            end_offset = line_len + 1;
        }
        let carets = if end_offset > 0 && end_offset > self.offset {
            end_offset - self.offset
        } else {
            1
        };
        let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
        let removed = line_len - stripped.len() as i64;
        let stripped = stripped.trim_end_matches(['\n', '\r']);
        let mut column = self.offset - 1 - removed;
        let len = stripped.len() as i64;
        if column > len {
            column = len;
        }
        let mut out = format!("    {stripped}\n");
        if column >= 0 {
            out.push_str("    ");
            out.push_str(&" ".repeat(column as usize));
            out.push_str(&"^".repeat(carets as usize));
            out.push('\n');
        }
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report())
    }
}

impl std::error::Error for SyntaxError {}

/// The `n`th (1-based) line of `source`, without its line ending.
pub fn nth_line(source: &str, n: usize) -> Option<&str> {
    if n == 0 {
        return None;
    }
    let mut rest = source;
    for _ in 1..n {
        let next = rest.find(['\n', '\r'])?;
        let skip = if rest[next..].starts_with("\r\n") {
            2
        } else {
            1
        };
        rest = &rest[next + skip..];
    }
    if rest.is_empty() && !source.is_empty() && n > 1 {
        return None;
    }
    let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    Some(&rest[..end])
}
