//! Numeric literals: scanning them the way CPython's tokenizer does (with its error messages and
//! positions), and their values.

use num_bigint::BigInt;
use num_traits::Num;

use super::token::Tok;

/// Why a numeric literal is malformed, and where CPython points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// The tokenizer's cursor (a byte offset) when it gave up: the caret goes under the
    /// character just before it.
    Cursor(String, usize),
    /// A byte range `from..to` (the leading zeros of an old-style octal literal).
    Range(String, usize, usize),
}

impl NumberError {
    pub fn message(&self) -> &str {
        match self {
            NumberError::Cursor(msg, _) | NumberError::Range(msg, _, _) => msg,
        }
    }

    fn at(msg: &str, cursor: usize) -> NumberError {
        NumberError::Cursor(msg.to_string(), cursor)
    }
}

const LEADING_ZEROS: &str = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";

/// Scans the number starting at `start` and returns where it ends and its token.
pub fn scan(src: &[u8], start: usize) -> Result<(usize, Tok), NumberError> {
    let mut s = Scanner { src, i: start };
    let kind = s.number()?;
    let text: String = std::str::from_utf8(&src[start..s.i])
        .unwrap_or("0")
        .chars()
        .filter(|&c| c != '_')
        .collect();
    let tok = match kind {
        Kind::Int(radix) => {
            let digits = if radix == 10 { &text[..] } else { &text[2..] };
            Tok::Int(BigInt::from_str_radix(digits, radix).unwrap_or_default())
        }
        Kind::Float => Tok::Float(text.parse().unwrap_or(f64::INFINITY)),
        Kind::Imaginary => Tok::Imaginary(text[..text.len() - 1].parse().unwrap_or(f64::INFINITY)),
    };
    Ok((s.i, tok))
}

enum Kind {
    Int(u32),
    Float,
    Imaginary,
}

struct Scanner<'a> {
    src: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> u8 {
        self.src.get(self.i).copied().unwrap_or(0)
    }

    fn peek_at(&self, k: usize) -> u8 {
        self.src.get(self.i + k).copied().unwrap_or(0)
    }

    fn number(&mut self) -> Result<Kind, NumberError> {
        if self.peek() == b'.' {
            self.i += 1;
            self.decimal_tail()?;
            return self.fraction_rest();
        }
        if self.peek() == b'0' {
            return self.zero_prefixed();
        }
        self.decimal_tail()?;
        self.after_integer_part()
    }

    /// Digits with single underscores between them; the cursor is on a digit.
    fn decimal_tail(&mut self) -> Result<(), NumberError> {
        loop {
            while self.peek().is_ascii_digit() {
                self.i += 1;
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            self.i += 1;
            if !self.peek().is_ascii_digit() {
                return Err(NumberError::at("invalid decimal literal", self.i));
            }
        }
    }

    /// After the integer digits: a fraction, an exponent, an imaginary suffix, or the end.
    fn after_integer_part(&mut self) -> Result<Kind, NumberError> {
        match self.peek() {
            b'.' => {
                self.i += 1;
                if self.peek().is_ascii_digit() {
                    self.decimal_tail()?;
                }
                self.fraction_rest()
            }
            b'e' | b'E' => self.exponent(),
            b'j' | b'J' => self.imaginary(),
            _ => {
                self.end_of_number("invalid decimal literal")?;
                Ok(Kind::Int(10))
            }
        }
    }

    /// After a fraction's digits: an exponent, an imaginary suffix, or the end.
    fn fraction_rest(&mut self) -> Result<Kind, NumberError> {
        match self.peek() {
            b'e' | b'E' => self.exponent(),
            b'j' | b'J' => self.imaginary(),
            _ => {
                self.end_of_number("invalid decimal literal")?;
                Ok(Kind::Float)
            }
        }
    }

    fn exponent(&mut self) -> Result<Kind, NumberError> {
        let e_at = self.i;
        self.i += 1;
        if matches!(self.peek(), b'+' | b'-') {
            self.i += 1;
            if !self.peek().is_ascii_digit() {
                return Err(NumberError::at("invalid decimal literal", self.i));
            }
        } else if !self.peek().is_ascii_digit() {
            // `1e` followed by something else: the `e` is not part of the number.
            self.i = e_at;
            self.end_of_number("invalid decimal literal")?;
            return Ok(Kind::Int(10));
        }
        self.decimal_tail()?;
        if matches!(self.peek(), b'j' | b'J') {
            return self.imaginary();
        }
        self.end_of_number("invalid decimal literal")?;
        Ok(Kind::Float)
    }

    fn imaginary(&mut self) -> Result<Kind, NumberError> {
        self.i += 1;
        self.end_of_number("invalid imaginary literal")?;
        Ok(Kind::Imaginary)
    }

    fn zero_prefixed(&mut self) -> Result<Kind, NumberError> {
        let start = self.i;
        self.i += 1;
        match self.peek() {
            b'x' | b'X' => self.radix_digits(16, "invalid hexadecimal literal"),
            b'o' | b'O' => self.radix_digits(8, "invalid octal literal"),
            b'b' | b'B' => self.radix_digits(2, "invalid binary literal"),
            _ => {
                // More zeros (and underscores) are fine; other digits make an old-style octal.
                loop {
                    if self.peek() == b'_' {
                        self.i += 1;
                        if !self.peek().is_ascii_digit() {
                            return Err(NumberError::at("invalid decimal literal", self.i));
                        }
                    }
                    if self.peek() != b'0' {
                        break;
                    }
                    self.i += 1;
                }
                let zeros_end = self.i;
                let mut nonzero = false;
                if self.peek().is_ascii_digit() {
                    nonzero = true;
                    self.decimal_tail()?;
                }
                match self.peek() {
                    b'.' | b'e' | b'E' | b'j' | b'J' => self.after_integer_part(),
                    _ if nonzero => Err(NumberError::Range(
                        LEADING_ZEROS.to_string(),
                        start,
                        zeros_end,
                    )),
                    _ => {
                        self.end_of_number("invalid decimal literal")?;
                        Ok(Kind::Int(10))
                    }
                }
            }
        }
    }

    /// The digits after `0x`, `0o` or `0b`; the cursor is on the letter.
    fn radix_digits(&mut self, radix: u32, invalid: &'static str) -> Result<Kind, NumberError> {
        self.i += 1;
        loop {
            if self.peek() == b'_' {
                self.i += 1;
            }
            if !is_digit_of(self.peek(), radix) {
                if radix != 16 && self.peek().is_ascii_digit() {
                    self.i += 1;
                    return Err(NumberError::Cursor(
                        invalid_digit(radix, self.src[self.i - 1]),
                        self.i,
                    ));
                }
                return Err(NumberError::at(invalid, self.i));
            }
            while is_digit_of(self.peek(), radix) {
                self.i += 1;
            }
            if self.peek() != b'_' {
                break;
            }
        }
        if radix != 16 && self.peek().is_ascii_digit() {
            self.i += 1;
            return Err(NumberError::Cursor(
                invalid_digit(radix, self.src[self.i - 1]),
                self.i,
            ));
        }
        self.end_of_number(invalid)?;
        Ok(Kind::Int(radix))
    }

    /// CPython's check that a number is not glued to a name (`1abc`), allowing the keywords
    /// that may follow a number in valid code (`1if x else y`).
    fn end_of_number(&mut self, invalid: &'static str) -> Result<(), NumberError> {
        let c = self.peek();
        let keyword_follows = match c {
            b'a' => self.followed_by(b"nd"),
            b'e' => self.followed_by(b"lse"),
            b'f' => self.followed_by(b"or"),
            b'i' => matches!(self.peek_at(1), b'f' | b'n' | b's'),
            b'o' => self.followed_by(b"r"),
            b'n' => self.followed_by(b"ot"),
            _ => false,
        };
        if keyword_follows {
            return Ok(());
        }
        // Only ASCII counts here: a non-ASCII character after a number is reported on its own.
        if c == b'_' || c.is_ascii_alphanumeric() {
            return Err(NumberError::at(invalid, self.i));
        }
        Ok(())
    }

    fn followed_by(&self, rest: &[u8]) -> bool {
        self.src[self.i + 1..].starts_with(rest)
    }
}

fn is_digit_of(c: u8, radix: u32) -> bool {
    (c as char).is_digit(radix)
}

fn invalid_digit(radix: u32, digit: u8) -> String {
    let kind = if radix == 8 { "octal" } else { "binary" };
    format!("invalid digit '{}' in {kind} literal", digit as char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_str(text: &str) -> Result<(usize, Tok), NumberError> {
        scan(text.as_bytes(), 0)
    }

    #[test]
    fn scans_every_form() {
        assert_eq!(scan_str("1_000 ").unwrap(), (5, Tok::Int(1000.into())));
        assert_eq!(scan_str("0x_fF").unwrap(), (5, Tok::Int(255.into())));
        assert_eq!(scan_str("0o17").unwrap(), (4, Tok::Int(15.into())));
        assert_eq!(scan_str("0b101").unwrap(), (5, Tok::Int(5.into())));
        assert_eq!(scan_str("1.").unwrap(), (2, Tok::Float(1.0)));
        assert_eq!(scan_str(".5").unwrap(), (2, Tok::Float(0.5)));
        assert_eq!(scan_str("1e-3").unwrap(), (4, Tok::Float(0.001)));
        assert_eq!(scan_str("3j").unwrap(), (2, Tok::Imaginary(3.0)));
        assert_eq!(scan_str("00").unwrap(), (2, Tok::Int(0.into())));
        assert_eq!(scan_str("1if").unwrap(), (1, Tok::Int(1.into())));
    }

    #[test]
    fn reports_cpython_errors() {
        assert_eq!(
            scan_str("1abc"),
            Err(NumberError::at("invalid decimal literal", 1))
        );
        assert_eq!(
            scan_str("1__0"),
            Err(NumberError::at("invalid decimal literal", 2))
        );
        assert_eq!(
            scan_str("0x"),
            Err(NumberError::at("invalid hexadecimal literal", 2))
        );
        assert_eq!(
            scan_str("0o19"),
            Err(NumberError::at("invalid digit '9' in octal literal", 4))
        );
        assert_eq!(
            scan_str("09"),
            Err(NumberError::Range(LEADING_ZEROS.into(), 0, 1))
        );
    }
}
