//! The tokens the parser sees: what the lexer and its indentation layer hand to the grammar.

use num_bigint::BigInt;

use super::ast::Pos;

/// One token with its source range; `start`/`end` are byte offsets into the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub lo: Pos,
    pub hi: Pos,
    pub start: usize,
    pub end: usize,
}

/// A string literal as written: its prefix letters and the text between its quotes.
///
/// Escapes are decoded, and f-strings split into their fields, when the parser joins adjacent
/// literals (see `strings.rs`), because that is where CPython reports their errors too.
#[derive(Clone, Debug, PartialEq)]
pub struct StringToken {
    pub prefix: String,
    /// The text between the quotes, exactly as in the source.
    pub body: String,
    /// Where `body` starts in the source.
    pub body_pos: Pos,
    pub triple: bool,
}

impl StringToken {
    fn has(&self, letter: char) -> bool {
        self.prefix.chars().any(|c| c.eq_ignore_ascii_case(&letter))
    }

    pub fn is_bytes(&self) -> bool {
        self.has('b')
    }

    pub fn is_raw(&self) -> bool {
        self.has('r')
    }

    pub fn is_fstring(&self) -> bool {
        self.has('f')
    }

    /// Whether the literal is written `u"…"` (CPython marks only the lowercase prefix).
    pub fn is_unicode_marked(&self) -> bool {
        self.prefix == "u"
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(String),
    Int(BigInt),
    Float(f64),
    Imaginary(f64),
    String(Box<StringToken>),
    Newline,
    Indent,
    Dedent,
    /// A character the grammar never accepts (`$`, `?`, `!`, a backtick): CPython's ERRORTOKEN.
    ErrorToken,
    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // Delimiters.
    Lpar,
    /// The `(` right after `with` that opens a parenthesised list of with-items
    /// (`with (a as b, c):`), told apart from a parenthesised expression by the lexer.
    WithLpar,
    Rpar,
    Lsqb,
    Rsqb,
    Lbrace,
    Rbrace,
    Colon,
    Comma,
    Semi,
    Dot,
    Ellipsis,
    Rarrow,
    ColonEqual,
    At,
    // Operators.
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    Vbar,
    Amper,
    CircumFlex,
    Tilde,
    LeftShift,
    RightShift,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    EqEqual,
    NotEqual,
    Equal,
    // Augmented assignment.
    PlusEqual,
    MinEqual,
    StarEqual,
    DoubleStarEqual,
    SlashEqual,
    DoubleSlashEqual,
    PercentEqual,
    AtEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
}

impl Tok {
    /// The keyword token for `word`, if it is one of Python's (hard) keywords.
    pub fn keyword(word: &str) -> Option<Tok> {
        Some(match word {
            "False" => Tok::False,
            "None" => Tok::None,
            "True" => Tok::True,
            "and" => Tok::And,
            "as" => Tok::As,
            "assert" => Tok::Assert,
            "async" => Tok::Async,
            "await" => Tok::Await,
            "break" => Tok::Break,
            "class" => Tok::Class,
            "continue" => Tok::Continue,
            "def" => Tok::Def,
            "del" => Tok::Del,
            "elif" => Tok::Elif,
            "else" => Tok::Else,
            "except" => Tok::Except,
            "finally" => Tok::Finally,
            "for" => Tok::For,
            "from" => Tok::From,
            "global" => Tok::Global,
            "if" => Tok::If,
            "import" => Tok::Import,
            "in" => Tok::In,
            "is" => Tok::Is,
            "lambda" => Tok::Lambda,
            "nonlocal" => Tok::Nonlocal,
            "not" => Tok::Not,
            "or" => Tok::Or,
            "pass" => Tok::Pass,
            "raise" => Tok::Raise,
            "return" => Tok::Return,
            "try" => Tok::Try,
            "while" => Tok::While,
            "with" => Tok::With,
            "yield" => Tok::Yield,
            _ => return None,
        })
    }

    /// Whether an expression can begin with this token.
    pub fn starts_expression(&self) -> bool {
        matches!(
            self,
            Tok::Name(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imaginary(_)
                | Tok::String(_)
                | Tok::False
                | Tok::None
                | Tok::True
                | Tok::Lambda
                | Tok::Not
                | Tok::Await
                | Tok::Lpar
                | Tok::Lsqb
                | Tok::Lbrace
                | Tok::Ellipsis
                | Tok::Plus
                | Tok::Minus
                | Tok::Tilde
        )
    }

    /// Whether an expression can end with this token.
    pub fn ends_expression(&self) -> bool {
        matches!(
            self,
            Tok::Name(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imaginary(_)
                | Tok::String(_)
                | Tok::False
                | Tok::None
                | Tok::True
                | Tok::Rpar
                | Tok::Rsqb
                | Tok::Rbrace
                | Tok::Ellipsis
        )
    }
}
