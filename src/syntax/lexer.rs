//! Source text → tokens: logos recognises the raw tokens, and the layer here adds what Python's
//! tokenizer adds on top — NEWLINE/INDENT/DEDENT, bracket matching, implicit line joining, and
//! the tokenizer's own errors with CPython's messages and positions.

use logos::Logos;
use unicode_normalization::UnicodeNormalization;

use super::ast::Pos;
use super::error::{Caret, ErrorKind, SyntaxError};
use super::number::{self, NumberError};
use super::token::{StringToken, Tok, Token};

/// Raw tokens, before indentation and brackets are taken into account.
#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq)]
#[logos(skip r"[ \t\x0c]+")]
enum Raw {
    #[regex(r"\r\n|\n|\r")]
    Newline,
    #[regex(r"#[^\r\n]*", allow_greedy = true)]
    Comment,
    #[regex(r"\\(\r\n|\n|\r)")]
    Continuation,
    #[token("\\")]
    Backslash,
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*")]
    Name,
    /// The first character of a number; the rest is scanned by `number.rs`.
    #[regex(r"[0-9]|\.[0-9]")]
    NumberStart,
    /// A string's prefix and opening quote; the rest is scanned by `scan_string`.
    #[regex(r#"([rRbBfFuU]|[rR][bBfF]|[bBfF][rR])?['"]"#)]
    StringStart,
    #[token("(")]
    Lpar,
    #[token(")")]
    Rpar,
    #[token("[")]
    Lsqb,
    #[token("]")]
    Rsqb,
    #[token("{")]
    Lbrace,
    #[token("}")]
    Rbrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("->")]
    Rarrow,
    #[token(":=")]
    ColonEqual,
    #[token("@")]
    At,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("|")]
    Vbar,
    #[token("&")]
    Amper,
    #[token("^")]
    CircumFlex,
    #[token("~")]
    Tilde,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<>")]
    LessGreater,
    #[token("=")]
    Equal,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("@=")]
    AtEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VbarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
}

/// How a tokenizer error ranks against an error the parser finds earlier in the file.
///
/// CPython tokenizes the rest of the file after a parser error and lets most tokenizer errors
/// win; errors of indentation and unclosed brackets at the end do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokErrorClass {
    /// Bad literals, characters, unmatched brackets: reported even after a parser error.
    Hard,
    /// Indentation errors: reported only if the parser gets that far.
    Indentation,
    /// A bracket still open at the end of the file; the line of the innermost one.
    Unclosed(u32),
}

/// The tokens of a source text, up to the first tokenizer error if there is one.
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub error: Option<(SyntaxError, TokErrorClass)>,
    /// Where the end of the file is, as CPython positions its ENDMARKER for errors.
    pub eof: Pos,
}

/// Deeper than this, CPython's tokenizer gives up ("too many nested parentheses").
const MAX_PAREN_LEVEL: usize = 200;
/// Deeper than this, CPython's tokenizer gives up ("too many levels of indentation").
const MAX_INDENT: usize = 100;

/// Tokenizes a whole source text.
pub fn tokenize(source: &str) -> Lexed {
    let mut layer = Layer::new(source);
    let error = layer.run().err();
    let eof = layer.lines.eof_pos();
    let mut tokens = layer.tokens;
    mark_parenthesized_with_items(&mut tokens);
    Lexed { tokens, error, eof }
}

/// Maps byte offsets to positions, walking forward as tokens arrive in order.
pub(crate) struct LineIndex<'s> {
    source: &'s str,
    starts: Vec<usize>,
    cursor: usize,
}

impl<'s> LineIndex<'s> {
    pub(crate) fn new(source: &'s str) -> LineIndex<'s> {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            source,
            starts,
            cursor: 0,
        }
    }

    pub(crate) fn pos(&mut self, offset: usize) -> Pos {
        let starts = &self.starts;
        if offset < starts[self.cursor] {
            self.cursor = starts.partition_point(|&s| s <= offset) - 1;
        }
        while self.cursor + 1 < starts.len() && starts[self.cursor + 1] <= offset {
            self.cursor += 1;
        }
        Pos {
            line: self.cursor as u32 + 1,
            col: (offset - starts[self.cursor]) as u32,
        }
    }

    /// The text of the line holding `offset`, without its line ending.
    fn line_text(&mut self, offset: usize) -> &'s str {
        let line = self.pos(offset).line as usize;
        let start = self.starts[line - 1];
        let rest = &self.source[start..];
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        &rest[..end]
    }

    /// CPython's ENDMARKER position: the end of the last line that has any text.
    fn eof_pos(&mut self) -> Pos {
        let len = self.source.len();
        let mut line = self.starts.len();
        if line > 1 && self.starts[line - 1] == len {
            line -= 1;
        }
        let start = self.starts[line - 1];
        let text = &self.source[start..];
        let end = text.find(['\n', '\r']).unwrap_or(text.len());
        Pos {
            line: line as u32,
            col: end as u32,
        }
    }

    /// The column of a cursor at `offset` as CPython's tokenizer reports it: characters into
    /// the line (the parser's own errors count bytes instead).
    fn chars_before(&mut self, offset: usize) -> i64 {
        let line = self.pos(offset).line as usize;
        let start = self.starts[line - 1];
        self.source[start..offset].chars().count() as i64
    }

    fn last_line(&self) -> u32 {
        let len = self.source.len();
        let n = self.starts.len();
        if n > 1 && self.starts[n - 1] == len {
            n as u32 - 1
        } else {
            n as u32
        }
    }
}

struct Layer<'s> {
    source: &'s str,
    lex: logos::Lexer<'s, Raw>,
    lines: LineIndex<'s>,
    tokens: Vec<Token>,
    /// Open brackets: the character, where it is, and its byte offset.
    brackets: Vec<(char, Pos)>,
    /// Indentation levels: columns with tabs to multiples of 8, and with tabs counted as 1.
    indents: Vec<(u32, u32)>,
    /// Whether the current logical line has produced a token yet.
    line_has_tokens: bool,
}

type TokResult = Result<(), (SyntaxError, TokErrorClass)>;

impl<'s> Layer<'s> {
    fn new(source: &'s str) -> Layer<'s> {
        Layer {
            source,
            lex: Raw::lexer(source),
            lines: LineIndex::new(source),
            tokens: Vec::with_capacity(source.len() / 4),
            brackets: Vec::new(),
            indents: vec![(0, 0)],
            line_has_tokens: false,
        }
    }

    fn run(&mut self) -> TokResult {
        let mut at_line_start = true;
        loop {
            if at_line_start {
                at_line_start = false;
                let offset = self.lex.span().end;
                self.indentation(offset)?;
            }
            let Some(raw) = self.lex.next() else { break };
            let span = self.lex.span();
            let raw = match raw {
                Ok(raw) => raw,
                Err(()) => {
                    self.bad_character(span.start)?;
                    continue;
                }
            };
            match raw {
                Raw::Newline => {
                    if self.brackets.is_empty() {
                        if self.line_has_tokens {
                            // NEWLINE is zero-width, as CPython's errors at it show.
                            self.push(Tok::Newline, span.start, span.start);
                            self.line_has_tokens = false;
                        }
                        at_line_start = true;
                    }
                }
                Raw::Comment | Raw::Continuation => {}
                Raw::Backslash => {
                    // CPython's cursor is past the character after the backslash.
                    let at = self.lines.chars_before(span.end) + 1;
                    let line = self.lines.pos(span.start).line;
                    let at_end = span.end == self.source.len();
                    let msg = if at_end {
                        "unexpected EOF while parsing"
                    } else {
                        "unexpected character after line continuation character"
                    };
                    let caret = Caret::Raw {
                        line,
                        offset: at,
                        end_offset: at,
                    };
                    let (mut err, class) = self.hard(msg, caret);
                    err.incomplete = at_end;
                    return Err((err, class));
                }
                Raw::Name => {
                    let word = &self.source[span.clone()];
                    let tok = Tok::keyword(word).unwrap_or_else(|| Tok::Name(identifier(word)));
                    self.push(tok, span.start, span.end);
                }
                Raw::NumberStart => self.number(span.start)?,
                Raw::StringStart => self.string(span.start, span.end)?,
                Raw::Lpar | Raw::Lsqb | Raw::Lbrace => self.open_bracket(raw, span.start)?,
                Raw::Rpar | Raw::Rsqb | Raw::Rbrace => self.close_bracket(raw, span.start)?,
                Raw::LessGreater => self.push(Tok::ErrorToken, span.start, span.end),
                other => self.push(operator(other), span.start, span.end),
            }
        }
        self.finish()
    }

    fn push(&mut self, tok: Tok, start: usize, end: usize) {
        let lo = self.lines.pos(start);
        let hi = self.lines.pos(end);
        self.tokens.push(Token {
            tok,
            lo,
            hi,
            start,
            end,
        });
        self.line_has_tokens = true;
    }

    fn hard(&self, msg: &str, caret: Caret) -> (SyntaxError, TokErrorClass) {
        (
            SyntaxError::with_caret(ErrorKind::SyntaxError, msg, caret),
            TokErrorClass::Hard,
        )
    }

    /// Measures the indentation of the line starting at `offset` and emits INDENT/DEDENT.
    fn indentation(&mut self, offset: usize) -> TokResult {
        if !self.brackets.is_empty() {
            return Ok(());
        }
        let bytes = self.source.as_bytes();
        let (mut col, mut altcol) = (0u32, 0u32);
        let mut i = offset;
        while i < bytes.len() {
            match bytes[i] {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                b'\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            i += 1;
        }
        // Blank and comment-only lines (and the end of the file) leave indentation alone.
        if matches!(bytes.get(i), None | Some(b'#' | b'\n' | b'\r')) {
            return Ok(());
        }
        let (top, alttop) = *self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error(offset));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                let line = self.lines.pos(offset).line;
                let err = SyntaxError::with_caret(
                    ErrorKind::IndentationError,
                    "too many levels of indentation",
                    Caret::Raw {
                        line,
                        offset: 0,
                        end_offset: -1,
                    },
                );
                return Err((err, TokErrorClass::Indentation));
            }
            if altcol <= alttop {
                return Err(self.tab_error(offset));
            }
            self.indents.push((col, altcol));
            self.push(Tok::Indent, i, i);
        } else {
            // Find the level to return to first: on an error no DEDENT reaches the parser.
            let keep = self
                .indents
                .iter()
                .rposition(|&(c, _)| c <= col)
                .map_or(1, |i| i + 1);
            let (top, alttop) = self.indents[keep - 1];
            if col != top {
                let text = self.lines.line_text(offset);
                let line = self.lines.pos(offset).line;
                let err = SyntaxError::with_caret(
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    Caret::Raw {
                        line,
                        offset: text.chars().count() as i64 + 1,
                        end_offset: -1,
                    },
                );
                return Err((err, TokErrorClass::Indentation));
            }
            if altcol != alttop {
                return Err(self.tab_error(offset));
            }
            for _ in keep..self.indents.len() {
                self.push(Tok::Dedent, i, i);
            }
            self.indents.truncate(keep);
        }
        self.line_has_tokens = false;
        Ok(())
    }

    fn tab_error(&mut self, offset: usize) -> (SyntaxError, TokErrorClass) {
        let line = self.lines.pos(offset).line;
        let err = SyntaxError::with_caret(
            ErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation",
            Caret::Raw {
                line,
                offset: 1,
                end_offset: 0,
            },
        );
        (err, TokErrorClass::Indentation)
    }

    fn open_bracket(&mut self, raw: Raw, start: usize) -> TokResult {
        let (ch, tok) = match raw {
            Raw::Lpar => ('(', Tok::Lpar),
            Raw::Lsqb => ('[', Tok::Lsqb),
            _ => ('{', Tok::Lbrace),
        };
        if self.brackets.len() >= MAX_PAREN_LEVEL {
            let caret = self.cursor_caret(start + 1);
            return Err(self.hard("too many nested parentheses", caret));
        }
        let pos = self.lines.pos(start);
        self.brackets.push((ch, pos));
        self.push(tok, start, start + 1);
        Ok(())
    }

    fn close_bracket(&mut self, raw: Raw, start: usize) -> TokResult {
        let (ch, tok) = match raw {
            Raw::Rpar => (')', Tok::Rpar),
            Raw::Rsqb => (']', Tok::Rsqb),
            _ => ('}', Tok::Rbrace),
        };
        let Some((open, open_pos)) = self.brackets.pop() else {
            let caret = self.cursor_caret(start + 1);
            return Err(self.hard(&format!("unmatched '{ch}'"), caret));
        };
        let expected = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        if ch != expected {
            let line = self.lines.pos(start).line;
            let msg = if open_pos.line != line {
                format!(
                    "closing parenthesis '{ch}' does not match opening parenthesis '{open}' on line {}",
                    open_pos.line
                )
            } else {
                format!("closing parenthesis '{ch}' does not match opening parenthesis '{open}'")
            };
            let caret = self.cursor_caret(start + 1);
            return Err(self.hard(&msg, caret));
        }
        self.push(tok, start, start + 1);
        Ok(())
    }

    /// A caret at the tokenizer's cursor `offset`, counted in characters as CPython does. Only
    /// for errors: counting is linear in the line's length.
    fn cursor_caret(&mut self, offset: usize) -> Caret {
        let at = self.lines.chars_before(offset);
        Caret::Raw {
            line: self.lines.pos(offset).line,
            offset: at,
            end_offset: at,
        }
    }

    /// A character no token starts with.
    fn bad_character(&mut self, start: usize) -> TokResult {
        let ch = self.source[start..].chars().next().unwrap_or('\0');
        if matches!(ch, '$' | '?' | '!' | '`') {
            self.push(Tok::ErrorToken, start, start + 1);
            return Ok(());
        }
        let line = self.lines.pos(start).line;
        let caret = self.cursor_caret(start + ch.len_utf8());
        if ch == '\0' {
            // CPython shows the line up to the NUL, without a caret.
            let caret = Caret::Raw {
                line,
                offset: 0,
                end_offset: -1,
            };
            return Err(self.hard("source code cannot contain null bytes", caret));
        }
        let msg = if crate::object::text::is_printable(ch) {
            format!("invalid character '{ch}' (U+{:04X})", ch as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", ch as u32)
        };
        Err(self.hard(&msg, caret))
    }

    fn number(&mut self, start: usize) -> TokResult {
        match number::scan(self.source.as_bytes(), start) {
            Ok((end, tok)) => {
                self.lex.bump(end - self.lex.span().end);
                self.push(tok, start, end);
                Ok(())
            }
            Err(err) => {
                let line = self.lines.pos(start).line;
                let caret = match err {
                    NumberError::Cursor(_, at) => self.cursor_caret(at),
                    NumberError::Range(_, from, to) => Caret::Raw {
                        line,
                        offset: self.lines.chars_before(from) + 1,
                        end_offset: self.lines.chars_before(to) + 1,
                    },
                };
                Err(self.hard(err.message(), caret))
            }
        }
    }

    /// Scans a string literal whose prefix and first quote are `start..quote_end`.
    fn string(&mut self, start: usize, quote_end: usize) -> TokResult {
        let bytes = self.source.as_bytes();
        let quote = bytes[quote_end - 1];
        let triple =
            bytes.get(quote_end) == Some(&quote) && bytes.get(quote_end + 1) == Some(&quote);
        let body_start = if triple { quote_end + 2 } else { quote_end };
        let close_len = if triple { 3 } else { 1 };
        let mut i = body_start;
        let body_end = loop {
            match bytes.get(i) {
                None => return Err(self.unterminated(start, triple, self.lines.last_line())),
                Some(b'\\') => {
                    i += if bytes.get(i + 1) == Some(&b'\r') && bytes.get(i + 2) == Some(&b'\n') {
                        3
                    } else {
                        2
                    }
                }
                Some(b'\n' | b'\r') if !triple => {
                    let line = self.lines.pos(i).line;
                    return Err(self.unterminated(start, false, line));
                }
                Some(&b) if b == quote => {
                    if !triple
                        || (bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote))
                    {
                        break i;
                    }
                    i += 1;
                }
                Some(_) => i += 1,
            }
        };
        let end = body_end + close_len;
        let prefix_len = quote_end - 1 - start;
        let body_pos = self.lines.pos(body_start);
        let string = StringToken {
            prefix: self.source[start..start + prefix_len].to_string(),
            body: self.source[body_start..body_end].to_string(),
            body_pos,
            triple,
        };
        self.lex.bump(end - self.lex.span().end);
        self.push(Tok::String(Box::new(string)), start, end);
        Ok(())
    }

    fn unterminated(
        &mut self,
        start: usize,
        triple: bool,
        detected: u32,
    ) -> (SyntaxError, TokErrorClass) {
        let kind = if triple {
            "triple-quoted string"
        } else {
            "string"
        };
        let msg = format!("unterminated {kind} literal (detected at line {detected})");
        // The prefix or quote at `start` is one ASCII character.
        let caret = self.cursor_caret(start + 1);
        let (mut err, class) = self.hard(&msg, caret);
        // An open triple-quoted string can go on in the next line; a single-quoted one cannot.
        err.incomplete = triple;
        (err, class)
    }

    /// End of input: unclosed brackets, the last NEWLINE and the closing DEDENTs.
    fn finish(&mut self) -> TokResult {
        if let Some(&(open, pos)) = self.brackets.last() {
            let at = self.lines.chars_before(self.offset_of(pos)) + 1;
            let err = SyntaxError::with_caret(
                ErrorKind::SyntaxError,
                format!("'{open}' was never closed"),
                Caret::Raw {
                    line: pos.line,
                    offset: at,
                    end_offset: 0,
                },
            );
            let mut err = err;
            err.incomplete = true;
            return Err((err, TokErrorClass::Unclosed(pos.line)));
        }
        let len = self.source.len();
        if self.line_has_tokens {
            // The NEWLINE CPython adds when the last line has none.
            let eof = self.lines.eof_pos();
            self.tokens.push(Token {
                tok: Tok::Newline,
                lo: eof,
                hi: eof,
                start: len,
                end: len,
            });
            self.line_has_tokens = false;
        }
        let eof = self.lines.eof_pos();
        while self.indents.len() > 1 {
            self.indents.pop();
            self.tokens.push(Token {
                tok: Tok::Dedent,
                lo: eof,
                hi: eof,
                start: len,
                end: len,
            });
        }
        Ok(())
    }

    fn offset_of(&self, pos: Pos) -> usize {
        self.lines.starts[pos.line as usize - 1] + pos.col as usize
    }
}

/// A name as Python stores it: non-ASCII identifiers are NFKC-normalized (`ﬁle` is `file`).
fn identifier(word: &str) -> String {
    if word.is_ascii() {
        word.to_string()
    } else {
        word.nfkc().collect()
    }
}

fn operator(raw: Raw) -> Tok {
    match raw {
        Raw::Colon => Tok::Colon,
        Raw::Comma => Tok::Comma,
        Raw::Semi => Tok::Semi,
        Raw::Dot => Tok::Dot,
        Raw::Ellipsis => Tok::Ellipsis,
        Raw::Rarrow => Tok::Rarrow,
        Raw::ColonEqual => Tok::ColonEqual,
        Raw::At => Tok::At,
        Raw::Plus => Tok::Plus,
        Raw::Minus => Tok::Minus,
        Raw::Star => Tok::Star,
        Raw::DoubleStar => Tok::DoubleStar,
        Raw::Slash => Tok::Slash,
        Raw::DoubleSlash => Tok::DoubleSlash,
        Raw::Percent => Tok::Percent,
        Raw::Vbar => Tok::Vbar,
        Raw::Amper => Tok::Amper,
        Raw::CircumFlex => Tok::CircumFlex,
        Raw::Tilde => Tok::Tilde,
        Raw::LeftShift => Tok::LeftShift,
        Raw::RightShift => Tok::RightShift,
        Raw::Less => Tok::Less,
        Raw::Greater => Tok::Greater,
        Raw::LessEqual => Tok::LessEqual,
        Raw::GreaterEqual => Tok::GreaterEqual,
        Raw::EqEqual => Tok::EqEqual,
        Raw::NotEqual => Tok::NotEqual,
        Raw::Equal => Tok::Equal,
        Raw::PlusEqual => Tok::PlusEqual,
        Raw::MinEqual => Tok::MinEqual,
        Raw::StarEqual => Tok::StarEqual,
        Raw::DoubleStarEqual => Tok::DoubleStarEqual,
        Raw::SlashEqual => Tok::SlashEqual,
        Raw::DoubleSlashEqual => Tok::DoubleSlashEqual,
        Raw::PercentEqual => Tok::PercentEqual,
        Raw::AtEqual => Tok::AtEqual,
        Raw::AmperEqual => Tok::AmperEqual,
        Raw::VbarEqual => Tok::VbarEqual,
        Raw::CircumflexEqual => Tok::CircumflexEqual,
        Raw::LeftShiftEqual => Tok::LeftShiftEqual,
        Raw::RightShiftEqual => Tok::RightShiftEqual,
        // Every other raw token is handled before operators are looked up.
        _ => Tok::ErrorToken,
    }
}

/// Marks the `(` after `with` as opening a list of with-items when its matching `)` is followed
/// by `:` — the rule CPython's grammar applies by trying that form first.
fn mark_parenthesized_with_items(tokens: &mut [Token]) {
    for i in 0..tokens.len().saturating_sub(1) {
        if tokens[i].tok != Tok::With || tokens[i + 1].tok != Tok::Lpar {
            continue;
        }
        let mut depth = 0usize;
        for j in i + 1..tokens.len() {
            match tokens[j].tok {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                    depth -= 1;
                    if depth == 0 {
                        if tokens.get(j + 1).map(|t| &t.tok) == Some(&Tok::Colon) {
                            tokens[i + 1].tok = Tok::WithLpar;
                        }
                        break;
                    }
                }
                Tok::Newline => break,
                _ => {}
            }
        }
    }
}
