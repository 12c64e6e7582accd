//! Explaining a parse failure the way CPython 3.11 does: from the token the LR parser stopped
//! at, and the tokens around it, pick CPython's specific message (`expected ':'`, `Perhaps you
//! forgot a comma?`, `expected an indented block after …`) or fall back to `invalid syntax`.

use lalrpop_util::ParseError;

use super::ast::{CmpOp, ExprKind, Pos, StmtKind};
use super::error::{Caret, ErrorKind, SyntaxError};
use super::lexer::{Lexed, TokErrorClass};
use super::targets;
use super::token::{Tok, Token};

/// Turns the parser's failure into the error CPython reports for this source.
pub fn explain(
    lexed: &Lexed,
    failure: ParseError<Pos, Tok, SyntaxError>,
    error_at: usize,
    token_error: Option<(SyntaxError, TokErrorClass)>,
) -> Result<super::ast::Module, SyntaxError> {
    let tokens = &lexed.tokens;
    // The line of the last token the parser looked at, and whether explaining the error had to
    // look past the last token (CPython's parser would have met the end of the file there).
    let (parser_error, last_line, reached_end) = match failure {
        ParseError::User { error } => {
            let line = error.lineno as u32;
            (error, line, false)
        }
        ParseError::UnrecognizedToken { expected, .. } => {
            let at = error_at.min(tokens.len());
            let diagnosis = Diagnosis::new(tokens, at, &expected, lexed.eof);
            let mut error = diagnosis.explain();
            // Failing on the DEDENTs that close the input means the input stopped too early.
            error.incomplete = diagnosis.at_end_of_input();
            let line = tokens.get(at).map_or(lexed.eof.line, |t| t.lo.line);
            (error, line, diagnosis.reached_end.get())
        }
        ParseError::UnrecognizedEof { expected, .. } => {
            if let Some((err, _)) = token_error {
                return Err(err);
            }
            let diagnosis = Diagnosis::new(tokens, tokens.len(), &expected, lexed.eof);
            let mut error = diagnosis.explain();
            error.incomplete = true;
            (error, lexed.eof.line, false)
        }
        ParseError::InvalidToken { location }
        | ParseError::ExtraToken {
            token: (location, _, _),
        } => (
            SyntaxError::syntax("invalid syntax", location, location),
            location.line,
            false,
        ),
    };
    // CPython tokenizes the rest of the file after a parser error, and a bad token found
    // there wins — except over the indentation errors the parser reports itself. A bracket
    // left open wins when the parser had to read to the end of the file inside it, or got
    // past the line the bracket opened on.
    let indentation = parser_error.kind == ErrorKind::IndentationError
        && matches!(
            parser_error.msg.as_str(),
            "unexpected indent" | "unexpected unindent"
        );
    // The parser stopped before the end, so more input would not help: not incomplete.
    let stopped_early = |mut err: SyntaxError| {
        err.incomplete = false;
        Err(err)
    };
    match token_error {
        Some((err, TokErrorClass::Hard)) if !indentation => stopped_early(err),
        Some((err, TokErrorClass::Unclosed(line))) if reached_end || last_line > line => {
            stopped_early(err)
        }
        _ => Err(parser_error),
    }
}

struct Diagnosis<'a> {
    tokens: &'a [Token],
    /// Set when a forward scan ran off the end of the tokens.
    reached_end: std::cell::Cell<bool>,
    /// Index of the token the parser could not accept (`tokens.len()` at the end of input).
    at: usize,
    expected: &'a [String],
    eof: Pos,
}

impl<'a> Diagnosis<'a> {
    fn new(tokens: &'a [Token], at: usize, expected: &'a [String], eof: Pos) -> Diagnosis<'a> {
        Diagnosis {
            tokens,
            reached_end: std::cell::Cell::new(false),
            at,
            expected,
            eof,
        }
    }

    fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.tokens.get(i).map(|t| &t.tok)
    }

    fn expects(&self, terminal: &str) -> bool {
        self.expected.iter().any(|e| e == terminal)
    }

    fn token_range(&self, i: usize) -> (Pos, Pos) {
        match self.tokens.get(i) {
            Some(t) => (t.lo, t.hi),
            None => (self.eof, self.eof),
        }
    }

    fn explain(&self) -> SyntaxError {
        let at = self.at;
        match self.tok(at) {
            Some(Tok::Indent) => {
                let t = &self.tokens[at];
                return SyntaxError::with_caret(
                    ErrorKind::IndentationError,
                    "unexpected indent",
                    Caret::Raw {
                        line: t.lo.line,
                        offset: t.lo.col as i64,
                        end_offset: -1,
                    },
                );
            }
            Some(Tok::Dedent)
                if !self.at_end_of_input()
                    && !self.after_block_header()
                    && !self.expects("\"except\"") =>
            {
                let t = &self.tokens[at];
                return SyntaxError::with_caret(
                    ErrorKind::IndentationError,
                    "unexpected unindent",
                    Caret::Raw {
                        line: t.lo.line,
                        offset: t.lo.col as i64,
                        end_offset: -1,
                    },
                );
            }
            _ => {}
        }
        self.indented_block()
            .or_else(|| self.try_without_handlers())
            .or_else(|| self.unexpected_eof())
            .or_else(|| self.expected_colon())
            .or_else(|| self.legacy_print())
            .or_else(|| self.missing_default())
            .or_else(|| self.assignment_in_expression())
            .or_else(|| self.assignment_in_tuple())
            .or_else(|| self.for_target())
            .or_else(|| self.dict_missing_colon())
            .or_else(|| self.parenthesized_parameters())
            .or_else(|| self.missing_comma())
            .or_else(|| self.unparenthesized_except_types())
            .or_else(|| self.import_trailing_comma())
            .or_else(|| self.conditional_without_else())
            .or_else(|| self.dict_missing_value())
            .or_else(|| self.unparenthesized_comprehension_target())
            .or_else(|| self.unsupported_match())
            .or_else(|| self.unsupported_except_star())
            .unwrap_or_else(|| {
                let (lo, hi) = self.token_range(at);
                SyntaxError::syntax("invalid syntax", lo, hi)
            })
    }

    fn at_end_of_input(&self) -> bool {
        self.tokens[self.at..].iter().all(|t| t.tok == Tok::Dedent)
    }

    fn after_block_header(&self) -> bool {
        self.at >= 2
            && self.tok(self.at - 1) == Some(&Tok::Newline)
            && self.tok(self.at - 2) == Some(&Tok::Colon)
    }

    /// Index of the first token of the logical line holding token `i`.
    fn line_start(&self, i: usize) -> usize {
        let mut j = i.min(self.tokens.len());
        while j > 0
            && !matches!(
                self.tokens[j - 1].tok,
                Tok::Newline | Tok::Indent | Tok::Dedent
            )
        {
            j -= 1;
        }
        j
    }

    /// Bracket depth at token `i`, counted from the start of its logical line.
    fn depth_at(&self, i: usize) -> i32 {
        let start = self.line_start(i);
        let mut depth = 0;
        for t in &self.tokens[start..i.min(self.tokens.len())] {
            match t.tok {
                Tok::Lpar | Tok::WithLpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth -= 1,
                _ => {}
            }
        }
        depth
    }

    /// `expected an indented block after 'if' statement on line N`, and the like.
    fn indented_block(&self) -> Option<SyntaxError> {
        if !self.after_block_header() || !self.expects("\"INDENT\"") {
            return None;
        }
        let header = self.line_start(self.at - 2);
        let keyword = &self.tokens[header];
        let what = match keyword.tok {
            Tok::If => "'if' statement".to_string(),
            Tok::Elif => "'elif' statement".to_string(),
            Tok::Else => "'else' statement".to_string(),
            Tok::While => "'while' statement".to_string(),
            Tok::For => "'for' statement".to_string(),
            Tok::Try => "'try' statement".to_string(),
            Tok::Except => "'except' statement".to_string(),
            Tok::Finally => "'finally' statement".to_string(),
            Tok::With => "'with' statement".to_string(),
            Tok::Def => "function definition".to_string(),
            Tok::Class => "class definition".to_string(),
            _ => return None,
        };
        let msg = format!(
            "expected an indented block after {what} on line {}",
            keyword.lo.line
        );
        // At the end of the file CPython points at the last line, and on a line that dedents
        // at that line, both without a caret.
        let dedents = self.tok(self.at) == Some(&Tok::Dedent);
        let caret = if self.at_end_of_input() {
            Caret::Raw {
                line: self.eof.line,
                offset: 0,
                end_offset: -1,
            }
        } else {
            let t = &self.tokens[self.at];
            Caret::Raw {
                line: t.lo.line,
                offset: if dedents { 0 } else { t.lo.col as i64 + 1 },
                end_offset: -1,
            }
        };
        Some(SyntaxError::with_caret(
            ErrorKind::IndentationError,
            msg,
            caret,
        ))
    }

    /// Input that ends in the middle of a statement.
    fn unexpected_eof(&self) -> Option<SyntaxError> {
        if self.at < self.tokens.len() {
            return None;
        }
        Some(SyntaxError::syntax(
            "unexpected EOF while parsing",
            self.eof,
            self.eof,
        ))
    }

    /// `expected ':'` (and `expected '('` after `def name`).
    fn expected_colon(&self) -> Option<SyntaxError> {
        let start = self.line_start(self.at);
        if self.depth_at(self.at) != 0 {
            return None;
        }
        let (lo, hi) = self.token_range(self.at);
        let first = self.tok(start)?;
        if *first == Tok::Def && self.at == start + 2 && self.expects("\"(\"") {
            return Some(SyntaxError::syntax("expected '('", lo, hi));
        }
        // `def f() -> ???:` where no annotation can be read: CPython skips the optional
        // `-> expression` and wants ':' at the arrow.
        if *first == Tok::Def
            && let Some(arrow) = (start..self.at).find(|&j| self.tokens[j].tok == Tok::Rarrow)
            && self.depth_at(arrow) == 0
            && !self.tokens[arrow..self.at]
                .iter()
                .any(|t| t.tok == Tok::Colon)
            && (arrow + 1 == self.at || self.parse_expression(arrow + 1, self.at).is_none())
        {
            let arrow = &self.tokens[arrow];
            return Some(SyntaxError::syntax("expected ':'", arrow.lo, arrow.hi));
        }
        if !self.expects("\":\"") {
            return None;
        }
        let forced = matches!(first, Tok::Def | Tok::Try | Tok::Finally | Tok::Else);
        let at_newline = self.tok(self.at) == Some(&Tok::Newline);
        let header = matches!(
            first,
            Tok::If | Tok::Elif | Tok::While | Tok::For | Tok::With | Tok::Class | Tok::Except
        );
        if forced || (header && at_newline) {
            return Some(SyntaxError::syntax("expected ':'", lo, hi));
        }
        None
    }

    /// `try:` whose block is followed by neither `except` nor `finally`.
    fn try_without_handlers(&self) -> Option<SyntaxError> {
        if !(self.expects("\"except\"") && self.expects("\"finally\"")) {
            return None;
        }
        // At the end of the file, or at a dedent, CPython shows the line without a caret.
        let line = if self.at_end_of_input() {
            Some(self.eof.line)
        } else if self.tok(self.at) == Some(&Tok::Dedent) {
            Some(self.tokens[self.at].lo.line)
        } else {
            None
        };
        if let Some(line) = line {
            let caret = Caret::Raw {
                line,
                offset: 0,
                end_offset: -1,
            };
            let msg = "expected 'except' or 'finally' block";
            return Some(SyntaxError::with_caret(ErrorKind::SyntaxError, msg, caret));
        }
        let (lo, hi) = self.token_range(self.at);
        Some(SyntaxError::syntax(
            "expected 'except' or 'finally' block",
            lo,
            hi,
        ))
    }

    /// `print "hello"`: Python 2's print and exec statements.
    fn legacy_print(&self) -> Option<SyntaxError> {
        if self.at == 0 {
            return None;
        }
        let Some(Tok::Name(name)) = self.tok(self.at - 1) else {
            return None;
        };
        if name != "print" && name != "exec" {
            return None;
        }
        let next = self.tok(self.at)?;
        if !next.starts_expression() || *next == Tok::Lpar {
            return None;
        }
        let end = self.expression_end(self.at, true);
        if end == self.at {
            return None;
        }
        let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
        Some(SyntaxError::syntax(
            msg,
            self.tokens[self.at - 1].lo,
            self.tokens[end - 1].hi,
        ))
    }

    /// `if x = 1:` — an `=` where an expression was expected.
    fn assignment_in_expression(&self) -> Option<SyntaxError> {
        if self.tok(self.at) != Some(&Tok::Equal) || self.at == 0 {
            return None;
        }
        // Only where CPython reads a named expression: conditions and inside brackets.
        let first = &self.tokens[self.line_start(self.at)].tok;
        if self.depth_at(self.at) == 0 && !matches!(first, Tok::If | Tok::Elif | Tok::While) {
            return None;
        }
        let value_end = self.bitwise_or_end(self.at + 1);
        if value_end == self.at + 1
            || matches!(self.tok(value_end), Some(Tok::Equal | Tok::ColonEqual))
        {
            return None;
        }
        let lhs = self.operand_start(self.at, false);
        if lhs == self.at {
            return None;
        }
        // `*name = …` in a call is a starred argument, not a named expression.
        if lhs > 0 && matches!(self.tokens[lhs - 1].tok, Tok::Star | Tok::DoubleStar) {
            return None;
        }
        if lhs + 1 == self.at && matches!(self.tok(lhs), Some(Tok::Name(_))) {
            return Some(SyntaxError::syntax(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                self.tokens[lhs].lo,
                self.tokens[value_end - 1].hi,
            ));
        }
        let target = self.parse_expression(lhs, self.at)?;
        let excluded = matches!(
            target.kind,
            ExprKind::List { .. } | ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. }
        ) || matches!(self.tok(lhs), Some(Tok::True | Tok::False | Tok::None));
        if excluded {
            return None;
        }
        let msg = format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            targets::expr_name(&target)
        );
        Some(SyntaxError::syntax(
            msg,
            target.range.start,
            target.range.end,
        ))
    }

    /// `a, b c = d`: after a comma at statement level CPython reads `c = d` as a mistyped
    /// comparison (a bare `a b = 1` stays plain invalid syntax).
    fn assignment_in_tuple(&self) -> Option<SyntaxError> {
        let at = self.at;
        if at == 0
            || !matches!(self.tok(at), Some(Tok::Name(_)))
            || self.tok(at + 1) != Some(&Tok::Equal)
            || !self.tokens[at - 1].tok.ends_expression()
            || self.depth_at(at) != 0
        {
            return None;
        }
        let line = self.line_start(at);
        let mut depth = 0;
        let after_comma = self.tokens[line..at].iter().any(|t| {
            match t.tok {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth -= 1,
                _ => {}
            }
            depth == 0 && t.tok == Tok::Comma
        });
        let value_end = self.bitwise_or_end(at + 2);
        if !after_comma
            || value_end == at + 2
            || matches!(self.tok(value_end), Some(Tok::Equal | Tok::ColonEqual))
        {
            return None;
        }
        Some(SyntaxError::syntax(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            self.tokens[at].lo,
            self.tokens[value_end - 1].hi,
        ))
    }

    /// `[1 2]`: two expressions side by side inside brackets.
    fn missing_comma(&self) -> Option<SyntaxError> {
        let at = self.at;
        if at == 0 {
            return None;
        }
        let next = self.tok(at)?;
        if !next.starts_expression()
            || !self.tokens[at - 1].tok.ends_expression()
            || self.in_parameters(at)
        {
            return None;
        }
        let start = self.operand_start(at, true);
        if start == at {
            return None;
        }
        // A comprehension's iterable (`for x in a b`) is a plain disjunction too.
        if start > 0
            && self.tokens[start - 1].tok == Tok::For
            && self.tokens[start..at].iter().any(|t| t.tok == Tok::In)
        {
            return None;
        }
        // After a comprehension's `in` and `if`, CPython parses a plain disjunction, where this
        // hint is never given.
        // Nor after a `*` or `**` that unpacks.
        if start > 0
            && matches!(
                self.tokens[start - 1].tok,
                Tok::If | Tok::In | Tok::Star | Tok::DoubleStar
            )
        {
            return None;
        }
        // CPython leaves `name "string"` and soft keywords to other rules — and its check takes
        // any prefix of a soft keyword (`c`, `ma`) for one.
        match (self.tok(start), self.tok(start + 1)) {
            (Some(Tok::Name(_)), Some(Tok::String(_))) => return None,
            (Some(Tok::Name(n)), _) if is_soft_keyword_prefix(n) => return None,
            (Some(Tok::Name(n)), _) if start + 1 == at && (n == "print" || n == "exec") => {
                return None;
            }
            _ => {}
        }
        // CPython reads the second expression before it looks at the brackets around them.
        let end = self.expression_end(at, false);
        if end == at || self.depth_at(at) <= 0 {
            return None;
        }
        // CPython's range runs between the two expressions' nodes (inside any parentheses).
        let from = self
            .parse_expression(start, at)
            .map_or(self.tokens[start].lo, |e| e.range.start);
        let to = self
            .parse_expression(at, end)
            .map_or(self.tokens[end - 1].hi, |e| e.range.end);
        Some(SyntaxError::syntax(
            "invalid syntax. Perhaps you forgot a comma?",
            from,
            to,
        ))
    }

    /// Whether token `i` is among the parameters of a `def` or a `lambda`, which are names,
    /// not expressions.
    fn in_parameters(&self, i: usize) -> bool {
        self.parameters_of(i).is_some()
    }

    /// `Def` or `Lambda` when token `i` is among that definition's parameters.
    fn parameters_of(&self, i: usize) -> Option<Tok> {
        let line = self.line_start(i);
        let mut depth = 0;
        for j in (line..i).rev() {
            match self.tokens[j].tok {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar if depth > 0 => depth -= 1,
                Tok::Lpar if j >= line + 2 && self.tokens[j - 2].tok == Tok::Def => {
                    return Some(Tok::Def);
                }
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => return None,
                Tok::Colon if depth == 0 => return None,
                Tok::Lambda if depth == 0 => return Some(Tok::Lambda),
                _ => {}
            }
        }
        None
    }

    /// `def f((a, b)):` — parameters are names; parentheses around them are refused by name.
    fn parenthesized_parameters(&self) -> Option<SyntaxError> {
        if self.tok(self.at) != Some(&Tok::Lpar) {
            return None;
        }
        let what = match self.parameters_of(self.at)? {
            Tok::Def => "Function",
            _ => "Lambda expression",
        };
        // Only plain names in the parentheses (`(a, b)`), as CPython's rule has it.
        let close = self.skip_brackets(self.at);
        if close == self.tokens.len() || close <= self.at + 2 {
            return None;
        }
        let plain_names = self.tokens[self.at + 1..close - 1]
            .iter()
            .all(|t| matches!(t.tok, Tok::Name(_) | Tok::Comma));
        if !plain_names {
            return None;
        }
        Some(SyntaxError::syntax(
            format!("{what} parameters cannot be parenthesized"),
            self.tokens[self.at].lo,
            self.tokens[close - 1].hi,
        ))
    }

    /// `def f(x=):` — a parameter's `=` with nothing after it.
    fn missing_default(&self) -> Option<SyntaxError> {
        if self.at == 0 || self.tok(self.at - 1) != Some(&Tok::Equal) {
            return None;
        }
        // Only a def says so; a lambda's `x=:` is plain invalid syntax.
        let closes = matches!(self.tok(self.at), Some(Tok::Rpar | Tok::Comma));
        if !closes || self.parameters_of(self.at - 1) != Some(Tok::Def) {
            return None;
        }
        let equals = &self.tokens[self.at - 1];
        Some(SyntaxError::syntax(
            "expected default value expression",
            equals.lo,
            equals.hi,
        ))
    }

    /// `for f() in x:` and `for x y:` — the target of a `for` (statement or comprehension) is
    /// checked on its own, as CPython's `invalid_for_target` does.
    fn for_target(&self) -> Option<SyntaxError> {
        let line = self.line_start(self.at);
        let depth = self.depth_at(self.at);
        let mut level = 0;
        let mut for_at = None;
        for j in (line..self.at).rev() {
            match self.tokens[j].tok {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => level += 1,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar if level == 0 => break,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => level -= 1,
                Tok::In | Tok::Colon | Tok::Comma if level == 0 && depth > 0 => break,
                Tok::For if level == 0 => {
                    for_at = Some(j);
                    break;
                }
                _ => {}
            }
        }
        let for_at = for_at?;
        let end = self.expression_end(for_at + 1, true);
        if end <= for_at + 1 || end > self.at {
            return None;
        }
        let target = self.parse_expression(for_at + 1, end)?;
        let target = match &target.kind {
            // `for x in y z`: a comparison with `in` first stands for target and iterable.
            ExprKind::Compare { left, ops, .. } if ops.first() == Some(&CmpOp::In) => left,
            ExprKind::Compare { .. } => return None,
            _ => &target,
        };
        let bad = targets::invalid_target(target, targets::TargetKind::Store)?;
        Some(targets::target_error(bad, targets::TargetKind::Store))
    }

    /// `except A, B:`
    fn unparenthesized_except_types(&self) -> Option<SyntaxError> {
        let start = self.line_start(self.at);
        if self.tok(start) != Some(&Tok::Except) || self.tok(self.at) != Some(&Tok::Comma) {
            return None;
        }
        let end = self.expression_end(start + 1, true);
        if end <= self.at + 1 {
            return None;
        }
        Some(SyntaxError::syntax(
            "multiple exception types must be parenthesized",
            self.tokens[start + 1].lo,
            self.tokens[end - 1].hi,
        ))
    }

    /// `from m import a, b,`
    fn import_trailing_comma(&self) -> Option<SyntaxError> {
        let start = self.line_start(self.at);
        if self.tok(start) != Some(&Tok::From)
            || self.tok(self.at) != Some(&Tok::Newline)
            || self.tok(self.at - 1) != Some(&Tok::Comma)
            || self.depth_at(self.at) != 0
        {
            return None;
        }
        let (lo, hi) = self.token_range(self.at);
        Some(SyntaxError::syntax(
            "trailing comma not allowed without surrounding parentheses",
            lo,
            hi,
        ))
    }

    /// `x = a if b` with no `else`.
    fn conditional_without_else(&self) -> Option<SyntaxError> {
        if self.tok(self.at) == Some(&Tok::Else) {
            return None;
        }
        // The nearest `if` before the error inside the same brackets, with no `else` since.
        let start = self.line_start(self.at);
        let mut level = 0;
        let mut found = None;
        for j in (start..self.at).rev() {
            match self.tokens[j].tok {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => level += 1,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar if level == 0 => break,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => level -= 1,
                Tok::If if level == 0 => {
                    found = Some(j);
                    break;
                }
                _ => {}
            }
        }
        let if_at = found?;
        if self.tokens[if_at..self.at]
            .iter()
            .any(|t| t.tok == Tok::Else)
        {
            return None;
        }
        let operand = self.operand_start(if_at, true);
        // A statement's `if` has no operand before it; a comprehension's follows its iterable
        // (`for x in xs if …`, which reads as the operand `x in xs` after `for`).
        if operand == if_at
            || (operand > start && matches!(self.tokens[operand - 1].tok, Tok::In | Tok::For))
        {
            return None;
        }
        let condition_end = self.expression_end(if_at + 1, false);
        if condition_end <= if_at + 1 || condition_end > self.at {
            return None;
        }
        if matches!(self.tok(condition_end), Some(Tok::Else | Tok::Colon)) {
            return None;
        }
        Some(SyntaxError::syntax(
            "expected 'else' after 'if' expression",
            self.tokens[operand].lo,
            self.tokens[condition_end - 1].hi,
        ))
    }

    /// `{'a': }` — a dict key and `:` with no value.
    fn dict_missing_value(&self) -> Option<SyntaxError> {
        if self.at == 0
            || self.tok(self.at - 1) != Some(&Tok::Colon)
            || !matches!(self.tok(self.at), Some(Tok::Rbrace | Tok::Comma))
            || self.innermost_open(self.at).map(|j| &self.tokens[j].tok) != Some(&Tok::Lbrace)
        {
            return None;
        }
        let colon = &self.tokens[self.at - 1];
        Some(SyntaxError::syntax(
            "expression expected after dictionary key and ':'",
            colon.lo,
            colon.hi,
        ))
    }

    /// The index of the innermost bracket still open at token `i`, on its logical line.
    fn innermost_open(&self, i: usize) -> Option<usize> {
        let mut depth = 0;
        for j in (self.line_start(i)..i).rev() {
            match self.tokens[j].tok {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar if depth == 0 => {
                    return Some(j);
                }
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => depth -= 1,
                _ => {}
            }
        }
        None
    }

    /// `{1: 2, 3}` and `{'a' 1}`: a dict display whose key lacks its value.
    fn dict_missing_colon(&self) -> Option<SyntaxError> {
        if !self.expects("\":\"") || self.depth_at(self.at) <= 0 {
            return None;
        }
        // The innermost open bracket must be the `{` of a dict.
        let open = self.innermost_open(self.at)?;
        if self.tokens[open].tok != Tok::Lbrace {
            return None;
        }
        let key_start = self.operand_start(self.at, true);
        if key_start == self.at || key_start <= open {
            return None;
        }
        if !matches!(self.tok(key_start - 1), Some(Tok::Comma | Tok::Lbrace)) {
            return None;
        }
        // Until a `key: value` pair has been seen, `{a b}` may be a set: a missing comma.
        let mut depth = 0;
        let seen_pair = self.tokens[open + 1..key_start].iter().any(|t| {
            match t.tok {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth -= 1,
                _ => {}
            }
            depth == 0 && t.tok == Tok::Colon
        });
        if !seen_pair && self.tok(self.at) != Some(&Tok::Rbrace) {
            return None;
        }
        let key_end = self.tokens[self.at - 1].hi;
        Some(SyntaxError::with_caret(
            ErrorKind::SyntaxError,
            "':' expected after dictionary key",
            Caret::Raw {
                line: key_end.line,
                offset: key_end.col as i64,
                end_offset: -1,
            },
        ))
    }

    /// `[x, y for x, y in pairs]`: a tuple element needs parentheses before `for`.
    fn unparenthesized_comprehension_target(&self) -> Option<SyntaxError> {
        if self.tok(self.at) != Some(&Tok::For) || self.depth_at(self.at) <= 0 {
            return None;
        }
        let open = self.innermost_open(self.at)?;
        if !matches!(self.tokens[open].tok, Tok::Lsqb | Tok::Lbrace) || open + 1 >= self.at {
            return None;
        }
        let has_comma = self.tokens[open + 1..self.at]
            .iter()
            .scan(0i32, |d, t| {
                match t.tok {
                    Tok::Lpar | Tok::Lsqb | Tok::Lbrace => *d += 1,
                    Tok::Rpar | Tok::Rsqb | Tok::Rbrace => *d -= 1,
                    _ => {}
                }
                Some(*d == 0 && t.tok == Tok::Comma)
            })
            .any(|c| c);
        if !has_comma {
            return None;
        }
        Some(SyntaxError::syntax(
            "did you forget parentheses around the comprehension target?",
            self.tokens[open + 1].lo,
            self.tokens[self.at - 1].hi,
        ))
    }

    /// `match x:` — structural pattern matching is outside gilpy's subset.
    fn unsupported_match(&self) -> Option<SyntaxError> {
        let start = self.line_start(self.at);
        let Some(Tok::Name(name)) = self.tok(start) else {
            return None;
        };
        // `match x:` fails at `x`; `match -x:` parses as an expression up to `:`, and
        // `match (x):` as an annotated assignment missing its annotation.
        let at_colon = self.depth_at(self.at) == 0
            && (self.tok(self.at) == Some(&Tok::Colon)
                || (self.tok(self.at) == Some(&Tok::Newline)
                    && self.tok(self.at - 1) == Some(&Tok::Colon)));
        if name != "match" || !(self.at == start + 1 || at_colon) {
            return None;
        }
        let t = &self.tokens[start];
        Some(SyntaxError::syntax(
            "'match' statements are not supported by gilpy",
            t.lo,
            t.hi,
        ))
    }

    /// `except* E:` — exception groups are outside gilpy's subset.
    fn unsupported_except_star(&self) -> Option<SyntaxError> {
        if self.tok(self.at) != Some(&Tok::Star) || self.at == 0 {
            return None;
        }
        let except = &self.tokens[self.at - 1];
        if except.tok != Tok::Except {
            return None;
        }
        let end = self.tokens[self.at].hi;
        Some(SyntaxError::syntax(
            "'except*' is not supported by gilpy",
            except.lo,
            end,
        ))
    }

    /// Parses tokens `from..to` as an expression, with their own positions.
    fn parse_expression(&self, from: usize, to: usize) -> Option<super::ast::Expr> {
        let mut tokens: Vec<Token> = self.tokens[from..to].to_vec();
        let end = tokens.last()?.hi;
        tokens.push(Token {
            tok: Tok::Newline,
            lo: end,
            hi: end,
            start: 0,
            end: 0,
        });
        let mut module = super::parse_tokens(tokens).ok()?;
        match module.body.pop()?.kind {
            StmtKind::Expr { value } if module.body.is_empty() => Some(*value),
            _ => None,
        }
    }

    /// The index just past the closing bracket matching the opening one at `i`.
    fn skip_brackets(&self, i: usize) -> usize {
        let mut depth = 0;
        for j in i..self.tokens.len() {
            match self.tokens[j].tok {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => depth += 1,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
                    depth -= 1;
                    if depth == 0 {
                        return j + 1;
                    }
                }
                Tok::Newline => return j,
                _ => {}
            }
        }
        self.reached_end.set(true);
        self.tokens.len()
    }

    /// The index of the opening bracket matching the closing one at `i`.
    fn matching_open(&self, i: usize) -> Option<usize> {
        let mut depth = 0;
        for j in (0..=i).rev() {
            match self.tokens[j].tok {
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth += 1,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(j);
                    }
                }
                Tok::Newline => return None,
                _ => {}
            }
        }
        None
    }

    /// Where the expression starting at `i` ends (exclusive). With `commas`, a comma-separated
    /// series counts as one (CPython's `star_expressions`).
    fn expression_end(&self, i: usize, commas: bool) -> usize {
        self.scan_expression(i, commas, true)
    }

    /// Where the operand (`bitwise_or`) starting at `i` ends.
    fn bitwise_or_end(&self, i: usize) -> usize {
        self.scan_expression(i, false, false)
    }

    fn scan_expression(&self, mut j: usize, commas: bool, logical: bool) -> usize {
        let n = self.tokens.len();
        let mut last = j;
        loop {
            while j < n && is_prefix_operator(&self.tokens[j].tok, logical) {
                j += 1;
            }
            let Some(t) = self.tok(j) else {
                self.reached_end.set(true);
                return last;
            };
            j = match t {
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => self.skip_brackets(j),
                Tok::String(_) => {
                    let mut k = j;
                    while matches!(self.tok(k), Some(Tok::String(_))) {
                        k += 1;
                    }
                    k
                }
                t if t.ends_expression() && !matches!(t, Tok::Rpar | Tok::Rsqb | Tok::Rbrace) => {
                    j + 1
                }
                _ => return last,
            };
            loop {
                match (self.tok(j), self.tok(j + 1)) {
                    (Some(Tok::Lpar | Tok::Lsqb), _) => j = self.skip_brackets(j),
                    (Some(Tok::Dot), Some(Tok::Name(_))) => j += 2,
                    _ => break,
                }
            }
            if j >= n {
                self.reached_end.set(true);
            }
            last = j;
            match self.binary_operator_len(j, logical) {
                Some(len) => j += len,
                None if commas && self.tok(j) == Some(&Tok::Comma) => j += 1,
                None => return last,
            }
        }
    }

    /// The length of the binary operator at `j` (`not in` and `is not` are two tokens).
    fn binary_operator_len(&self, j: usize, logical: bool) -> Option<usize> {
        let t = self.tok(j)?;
        let arithmetic = matches!(
            t,
            Tok::Plus
                | Tok::Minus
                | Tok::Star
                | Tok::DoubleStar
                | Tok::Slash
                | Tok::DoubleSlash
                | Tok::Percent
                | Tok::At
                | Tok::LeftShift
                | Tok::RightShift
                | Tok::Amper
                | Tok::Vbar
                | Tok::CircumFlex
        );
        if arithmetic {
            return Some(1);
        }
        if !logical {
            return None;
        }
        match t {
            Tok::Less
            | Tok::Greater
            | Tok::LessEqual
            | Tok::GreaterEqual
            | Tok::EqEqual
            | Tok::NotEqual
            | Tok::In
            | Tok::And
            | Tok::Or => Some(1),
            Tok::Is if self.tok(j + 1) == Some(&Tok::Not) => Some(2),
            Tok::Is => Some(1),
            Tok::Not if self.tok(j + 1) == Some(&Tok::In) => Some(2),
            _ => None,
        }
    }

    /// Where the operand that ends just before `end` starts. With `logical`, a whole
    /// disjunction (comparisons, `not`, `and`, `or`) counts as one operand.
    fn operand_start(&self, end: usize, logical: bool) -> usize {
        let line = self.line_start(end.min(self.tokens.len()).saturating_sub(1));
        if end == 0 || end <= line {
            return end;
        }
        let mut j = end - 1;
        loop {
            // Move to the start of the primary ending at `j`.
            loop {
                match self.tokens[j].tok {
                    Tok::Rpar | Tok::Rsqb | Tok::Rbrace => match self.matching_open(j) {
                        Some(open) => j = open,
                        None => return end,
                    },
                    Tok::String(_) => {
                        while j > line && matches!(self.tokens[j - 1].tok, Tok::String(_)) {
                            j -= 1;
                        }
                    }
                    ref t if t.ends_expression() => {}
                    _ => return end,
                }
                // A trailer (`(…)`, `[…]`, `.name`) continues the primary to its left.
                let trailer = matches!(self.tokens[j].tok, Tok::Lpar | Tok::Lsqb)
                    && j > line
                    && self.tokens[j - 1].tok.ends_expression();
                if trailer {
                    j -= 1;
                    continue;
                }
                if matches!(self.tokens[j].tok, Tok::Name(_))
                    && j >= line + 2
                    && self.tokens[j - 1].tok == Tok::Dot
                    && self.tokens[j - 2].tok.ends_expression()
                {
                    j -= 2;
                    continue;
                }
                break;
            }
            while j > line
                && is_prefix_operator(&self.tokens[j - 1].tok, logical)
                && !(j >= line + 2 && self.tokens[j - 2].tok.ends_expression())
            {
                j -= 1;
            }
            // A binary operator before: the operand goes on to its left.
            match self.operator_before(j, line, logical) {
                Some(len) => j -= len + 1,
                None => return j,
            }
        }
    }

    /// The length of the binary operator that ends just before `j`, if an operand precedes it.
    fn operator_before(&self, j: usize, line: usize, logical: bool) -> Option<usize> {
        if j < line + 2 {
            return None;
        }
        let two = j >= line + 3
            && logical
            && matches!(
                (&self.tokens[j - 2].tok, &self.tokens[j - 1].tok),
                (Tok::Not, Tok::In) | (Tok::Is, Tok::Not)
            );
        let len = if two { 2 } else { 1 };
        if !two && self.binary_operator_len(j - 1, logical) != Some(1) {
            return None;
        }
        self.tokens[j - 1 - len]
            .tok
            .ends_expression()
            .then_some(len)
    }
}
fn is_soft_keyword_prefix(name: &str) -> bool {
    ["match", "case", "_"].iter().any(|k| k.starts_with(name))
}

fn is_prefix_operator(tok: &Tok, logical: bool) -> bool {
    matches!(tok, Tok::Minus | Tok::Plus | Tok::Tilde) || (logical && *tok == Tok::Not)
}
