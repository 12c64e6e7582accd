//! Python `str` semantics over Rust `&str`: `repr()`/`ascii()`, the common `str` methods,
//! the `str.is*` predicates, case mapping, repetition and code-point slicing.
//!
//! Indices count code points, as in Python. Every function is total: bad arguments come back
//! as a [`TextError`] carrying CPython's exception type and message, never as a panic.
//! Character classes follow CPython 3.11's definitions, built from the Unicode general
//! category (crate `unicode-properties`), Rust's own case tables, and a few small tables of
//! Unicode facts written out below (numeric types, title-case and case-folding exceptions).

use unicode_properties::{GeneralCategory as Gc, UnicodeGeneralCategory};

/// A Python exception raised by a text operation: `kind` is the exception type's name
/// (`"ValueError"`, `"TypeError"`, ...), `msg` its message (`str(exc)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    pub kind: &'static str,
    pub msg: String,
}

impl TextError {
    fn new(kind: &'static str, msg: &str) -> Self {
        TextError {
            kind,
            msg: msg.to_string(),
        }
    }
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.msg.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.kind, self.msg)
        }
    }
}

impl std::error::Error for TextError {}

type TResult<T> = Result<T, TextError>;

fn memory_error() -> TextError {
    TextError::new("MemoryError", "")
}

/// A `String` with room for `bytes` bytes, or `MemoryError` when that cannot be had.
fn try_string(bytes: usize) -> TResult<String> {
    let mut out = String::new();
    out.try_reserve(bytes).map_err(|_| memory_error())?;
    Ok(out)
}

/// Number of code points in `s` (Python's `len`).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Byte offset of code point `idx` in `s`, or `s.len()` when `idx` is past the end.
fn byte_at(s: &str, idx: usize) -> usize {
    s.char_indices().nth(idx).map_or(s.len(), |(b, _)| b)
}

// ---------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------

/// Python's `str.isprintable` for one character: false for the categories Cc, Cf, Cs, Co,
/// Cn, Zl, Zp and Zs, except that the ASCII space is printable.
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !matches!(
        c.general_category(),
        Gc::Control
            | Gc::Format
            | Gc::Surrogate
            | Gc::PrivateUse
            | Gc::Unassigned
            | Gc::LineSeparator
            | Gc::ParagraphSeparator
            | Gc::SpaceSeparator
    )
}

/// Python's whitespace (`str.isspace`, `str.split()`, `str.strip()`): Unicode White_Space
/// plus the information separators U+001C..U+001F.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Characters outside category Nd whose Numeric_Type is Digit (superscripts, circled and
/// parenthesized digits, ...): `isdigit` but not `isdecimal`. Inclusive ranges.
const DIGIT_EXTRA: &[(u32, u32)] = &[
    (0xB2, 0xB3),
    (0xB9, 0xB9),
    (0x1369, 0x1371),
    (0x19DA, 0x19DA),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2460, 0x2468),
    (0x2474, 0x247C),
    (0x2488, 0x2490),
    (0x24EA, 0x24EA),
    (0x24F5, 0x24FD),
    (0x24FF, 0x24FF),
    (0x2776, 0x277E),
    (0x2780, 0x2788),
    (0x278A, 0x2792),
    (0x10A40, 0x10A43),
    (0x10E60, 0x10E68),
    (0x11052, 0x1105A),
    (0x1F100, 0x1F10A),
];

/// Ideographs (category Lo) that carry a numeric value in the Unihan data, so Python counts
/// them as `isnumeric`: 一, 二, 三, 十, 百, 千, 万, 億, 零, and their variants.
const IDEOGRAPH_NUMERIC: &[u32] = &[
    0x3405, 0x3483, 0x382A, 0x3B4D, 0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E5D, 0x4E8C, 0x4E94, 0x4E96,
    0x4EBF, 0x4EC0, 0x4EDF, 0x4EE8, 0x4F0D, 0x4F70, 0x5104, 0x5146, 0x5169, 0x516B, 0x516D, 0x5341,
    0x5343, 0x5344, 0x5345, 0x534C, 0x53C1, 0x53C2, 0x53C3, 0x53C4, 0x56DB, 0x58F1, 0x58F9, 0x5E7A,
    0x5EFE, 0x5EFF, 0x5F0C, 0x5F0D, 0x5F0E, 0x5F10, 0x62FE, 0x634C, 0x67D2, 0x6F06, 0x7396, 0x767E,
    0x8086, 0x842C, 0x8CAE, 0x8CB3, 0x8D30, 0x9621, 0x9646, 0x964C, 0x9678, 0x96F6, 0xF96B, 0xF973,
    0xF978, 0xF9B2, 0xF9D1, 0xF9D3, 0xF9FD, 0x20001, 0x20064, 0x200E2, 0x20121, 0x2092A, 0x20983,
    0x2098C, 0x2099C, 0x20AEA, 0x20AFD, 0x20B19, 0x22390, 0x22998, 0x23B1B, 0x2626D, 0x2F890,
];

fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let v = c as u32;
    ranges.iter().any(|&(lo, hi)| lo <= v && v <= hi)
}

/// Python's `isdecimal` for one character: category Nd.
pub fn char_is_decimal(c: char) -> bool {
    c.general_category() == Gc::DecimalNumber
}

/// Python's `isdigit` for one character: Numeric_Type Decimal or Digit.
pub fn char_is_digit(c: char) -> bool {
    char_is_decimal(c) || in_ranges(c, DIGIT_EXTRA)
}

/// Python's `isnumeric` for one character: any Numeric_Type.
pub fn char_is_numeric(c: char) -> bool {
    matches!(
        c.general_category(),
        Gc::DecimalNumber | Gc::LetterNumber | Gc::OtherNumber
    ) || IDEOGRAPH_NUMERIC.binary_search(&(c as u32)).is_ok()
}

/// Python's `isalpha` for one character: a letter (Lu, Ll, Lt, Lm, Lo).
pub fn char_is_alpha(c: char) -> bool {
    matches!(
        c.general_category(),
        Gc::UppercaseLetter
            | Gc::LowercaseLetter
            | Gc::TitlecaseLetter
            | Gc::ModifierLetter
            | Gc::OtherLetter
    )
}

/// Python's `isalnum` for one character.
pub fn char_is_alnum(c: char) -> bool {
    char_is_alpha(c) || char_is_numeric(c)
}

fn is_titlecase_letter(c: char) -> bool {
    c.general_category() == Gc::TitlecaseLetter
}

/// Unicode Cased: Uppercase, Lowercase or category Lt.
fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase_letter(c)
}

/// Unicode Case_Ignorable: categories Mn, Me, Cf, Lm, Sk, plus the word-break MidLetter,
/// MidNumLet and Single_Quote characters.
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '\u{b7}'
            | '\u{387}'
            | '\u{55f}'
            | '\u{5f4}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
            | '\u{fe13}'
            | '\u{fe52}'
            | '\u{fe55}'
            | '\u{ff07}'
            | '\u{ff0e}'
            | '\u{ff1a}'
    ) || matches!(
        c.general_category(),
        Gc::NonspacingMark
            | Gc::EnclosingMark
            | Gc::Format
            | Gc::ModifierLetter
            | Gc::ModifierSymbol
    )
}

/// Other_ID_Start: characters grandfathered into identifiers.
fn other_id_start(c: char) -> bool {
    matches!(
        c,
        '\u{1885}' | '\u{1886}' | '\u{2118}' | '\u{212e}' | '\u{309b}' | '\u{309c}'
    )
}

/// Characters that are ID_Start but not XID_Start (their NFKC form is not an identifier).
fn not_xid_start(c: char) -> bool {
    matches!(
        c,
        '\u{37a}'
            | '\u{e33}'
            | '\u{eb3}'
            | '\u{309b}'
            | '\u{309c}'
            | '\u{fdfa}'
            | '\u{fdfb}'
            | '\u{ff9e}'
            | '\u{ff9f}'
    ) || ('\u{fc5e}'..='\u{fc63}').contains(&c)
        || (('\u{fe70}'..='\u{fe7e}').contains(&c) && (c as u32).is_multiple_of(2))
}

/// Characters that are ID_Continue but not XID_Continue.
fn not_xid_continue(c: char) -> bool {
    matches!(
        c,
        '\u{37a}' | '\u{309b}' | '\u{309c}' | '\u{fdfa}' | '\u{fdfb}'
    ) || ('\u{fc5e}'..='\u{fc63}').contains(&c)
        || (('\u{fe70}'..='\u{fe7e}').contains(&c) && (c as u32).is_multiple_of(2))
}

fn id_start(c: char) -> bool {
    if c == '\u{2e2f}' {
        // VERTICAL TILDE is a letter but also Pattern_Syntax.
        return false;
    }
    char_is_alpha(c) || c.general_category() == Gc::LetterNumber || other_id_start(c)
}

/// XID_Start, the property Python requires of an identifier's first character.
pub fn is_xid_start(c: char) -> bool {
    id_start(c) && !not_xid_start(c)
}

/// XID_Continue, the property Python requires of an identifier's later characters.
pub fn is_xid_continue(c: char) -> bool {
    let id_continue = id_start(c)
        || matches!(
            c.general_category(),
            Gc::NonspacingMark | Gc::SpacingMark | Gc::DecimalNumber | Gc::ConnectorPunctuation
        )
        || matches!(c, '\u{b7}' | '\u{387}' | '\u{19da}')
        || ('\u{1369}'..='\u{1371}').contains(&c);
    id_continue && !not_xid_continue(c)
}

// ---------------------------------------------------------------------------------------
// repr() and ascii()
// ---------------------------------------------------------------------------------------

fn push_hex_escape(out: &mut String, c: char) {
    let v = c as u32;
    let s = if v < 0x100 {
        format!("\\x{v:02x}")
    } else if v < 0x10000 {
        format!("\\u{v:04x}")
    } else {
        format!("\\U{v:08x}")
    };
    out.push_str(&s);
}

fn quoted(s: &str, ascii_only: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ if c.is_ascii() => push_hex_escape(&mut out, c),
            _ if !ascii_only && is_printable(c) => out.push(c),
            _ => push_hex_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(s)` for a str.
pub fn repr_str(s: &str) -> String {
    quoted(s, false)
}

/// Python's `ascii(s)` for a str.
pub fn ascii_str(s: &str) -> String {
    quoted(s, true)
}

// ---------------------------------------------------------------------------------------
// Case mapping
// ---------------------------------------------------------------------------------------

/// Whether the capital sigma at `i` is word-final: preceded by a cased letter and not
/// followed by one, skipping case-ignorable characters both ways.
fn sigma_is_final(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    if !before.is_some_and(|&c| is_cased(c)) {
        return false;
    }
    let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    !after.is_some_and(|&c| is_cased(c))
}

/// Full lowercase of `chars[i]`, with the final-sigma rule.
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        out.push(if sigma_is_final(chars, i) {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Full title-case mapping of one character (Unicode's Titlecase_Mapping).
fn push_title(out: &mut String, c: char) {
    let v = c as u32;
    match v {
        // Georgian Mkhedruli letters have capital forms but are their own title case.
        0x10D0..=0x10FA | 0x10FD..=0x10FF => out.push(c),
        // The Latin digraphs DŽ, LJ, NJ, DZ: three forms each, the middle one is title case.
        0x1C4..=0x1CC => out.push(char::from_u32(0x1C5 + (v - 0x1C4) / 3 * 3).unwrap_or(c)),
        0x1F1..=0x1F3 => out.push('\u{1f2}'),
        // Greek with ypogegrammeni/prosgegrammeni: the title forms keep it attached.
        0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7 => {
            out.push(char::from_u32(v + 8).unwrap_or(c))
        }
        0x1FB3 => out.push('\u{1fbc}'),
        0x1FC3 => out.push('\u{1fcc}'),
        0x1FF3 => out.push('\u{1ffc}'),
        _ if is_titlecase_letter(c) => out.push(c),
        0x1FB2 | 0x1FB4 | 0x1FB7 | 0x1FC2 | 0x1FC4 | 0x1FC7 | 0x1FF2 | 0x1FF4 | 0x1FF7 => {
            for u in c.to_uppercase() {
                out.push(if u == '\u{399}' { '\u{345}' } else { u });
            }
        }
        // ß, the Latin and Armenian ligatures: capitalize the first letter only.
        0xDF | 0x587 | 0xFB00..=0xFB06 | 0xFB13..=0xFB17 => {
            for (k, u) in c.to_uppercase().enumerate() {
                if k == 0 {
                    out.push(u);
                } else {
                    out.extend(u.to_lowercase());
                }
            }
        }
        _ => out.extend(c.to_uppercase()),
    }
}

/// Full case folding of one character.
fn push_fold(out: &mut String, c: char) {
    let v = c as u32;
    match v {
        // Cherokee folds to its capital letters.
        0x13A0..=0x13FF | 0xAB70..=0xABBF => out.extend(c.to_uppercase()),
        0x1E9E => out.push_str("ss"),
        // Dotless i folds to itself (only the Turkic folding maps it).
        0x131 => out.push(c),
        // Everywhere else the full folding equals lowercasing the full uppercase.
        _ => {
            for u in c.to_uppercase() {
                out.extend(u.to_lowercase());
            }
        }
    }
}

/// Python's `str.upper()`.
pub fn upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.extend(c.to_uppercase());
    }
    out
}

/// Python's `str.lower()`.
pub fn lower(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&mut out, &chars, i);
    }
    out
}

/// Python's `str.casefold()`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(&mut out, c);
    }
    out
}

/// Python's `str.title()`: title-case after an uncased character, lowercase after a cased one.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// Python's `str.capitalize()`: the first character title-cased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

/// Python's `str.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            push_lower_at(&mut out, &chars, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------------------

fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// Python's `str.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}

/// Python's `str.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, char_is_digit)
}

/// Python's `str.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, char_is_decimal)
}

/// Python's `str.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, char_is_numeric)
}

/// Python's `str.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, char_is_alpha)
}

/// Python's `str.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, char_is_alnum)
}

/// Python's `str.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}

/// Python's `str.isascii()` (true for the empty string).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// Python's `str.isupper()`: some cased character, and none lowercase or title case.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase_letter(c) {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// Python's `str.islower()`: some cased character, and none uppercase or title case.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase_letter(c) {
            return false;
        }
        cased |= c.is_lowercase();
    }
    cased
}

/// Python's `str.istitle()`: uppercase/title-case characters only after uncased ones,
/// lowercase only after cased ones, and at least one cased character.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase_letter(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// Python's `str.isidentifier()`.
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || is_xid_start(c) => it.all(is_xid_continue),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------------------

/// Python's slice-index adjustment for `find`-style `start`/`end` arguments over a string
/// of `len` code points: `None` means the whole string, negatives count from the end and
/// are clamped at 0, `end` is clamped at `len`. `start` may come out above `len` or `end`.
pub fn adjust_indices(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let fix = |v: i64| -> i64 {
        if v < 0 {
            v.saturating_add(len_i).max(0)
        } else {
            v
        }
    };
    let st = start.map_or(0, fix);
    let en = end.map_or(len_i, fix).min(len_i);
    (
        usize::try_from(st).unwrap_or(usize::MAX),
        usize::try_from(en).unwrap_or(0),
    )
}

/// The window `s[start:end]` (in code points) plus its code-point offset, or `None` when
/// `start > end` (which also covers `start > len`).
fn window(s: &str, start: Option<i64>, end: Option<i64>) -> Option<(&str, usize)> {
    let (st, en) = adjust_indices(char_len(s), start, end);
    if st > en {
        return None;
    }
    let b0 = byte_at(s, st);
    let b1 = b0 + byte_at(&s[b0..], en - st);
    Some((&s[b0..b1], st))
}

fn to_i64(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Python's `str.find(sub, start, end)`: lowest code-point index, or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((w, off)) => w.find(sub).map_or(-1, |b| to_i64(off + char_len(&w[..b]))),
        None => -1,
    }
}

/// Python's `str.rfind(sub, start, end)`: highest code-point index, or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((w, off)) => w.rfind(sub).map_or(-1, |b| to_i64(off + char_len(&w[..b]))),
        None => -1,
    }
}

fn not_found() -> TextError {
    TextError::new("ValueError", "substring not found")
}

/// Python's `str.index`: like [`find`] but `ValueError: substring not found` for -1.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TResult<i64> {
    match find(s, sub, start, end) {
        -1 => Err(not_found()),
        i => Ok(i),
    }
}

/// Python's `str.rindex`: like [`rfind`] but `ValueError: substring not found` for -1.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TResult<i64> {
    match rfind(s, sub, start, end) {
        -1 => Err(not_found()),
        i => Ok(i),
    }
}

/// Python's `str.count(sub, start, end)`: non-overlapping occurrences.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((w, _)) if sub.is_empty() => to_i64(char_len(w) + 1),
        Some((w, _)) => to_i64(w.matches(sub).count()),
        None => 0,
    }
}

/// Python's `str.startswith` with a prefix or a tuple of prefixes (pass one or several).
pub fn startswith(s: &str, prefixes: &[&str], start: Option<i64>, end: Option<i64>) -> bool {
    match window(s, start, end) {
        Some((w, _)) => prefixes.iter().any(|p| w.starts_with(p)),
        None => false,
    }
}

/// Python's `str.endswith` with a suffix or a tuple of suffixes (pass one or several).
pub fn endswith(s: &str, suffixes: &[&str], start: Option<i64>, end: Option<i64>) -> bool {
    match window(s, start, end) {
        Some((w, _)) => suffixes.iter().any(|p| w.ends_with(p)),
        None => false,
    }
}

// ---------------------------------------------------------------------------------------
// Splitting and joining
// ---------------------------------------------------------------------------------------

fn empty_separator() -> TextError {
    TextError::new("ValueError", "empty separator")
}

/// Python's `str.split(sep, maxsplit)`; `sep = None` splits on runs of whitespace,
/// a negative `maxsplit` means no limit.
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> TResult<Vec<String>> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    match sep {
        Some("") => Err(empty_separator()),
        Some(sep) => Ok(s
            .splitn(limit.saturating_add(1), sep)
            .map(str::to_string)
            .collect()),
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(is_space);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(is_space).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(is_space);
            }
            Ok(out)
        }
    }
}

/// Python's `str.rsplit(sep, maxsplit)`.
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> TResult<Vec<String>> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    match sep {
        Some("") => Err(empty_separator()),
        Some(sep) => {
            let mut out: Vec<String> = s
                .rsplitn(limit.saturating_add(1), sep)
                .map(str::to_string)
                .collect();
            out.reverse();
            Ok(out)
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(is_space);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(is_space).map_or(0, |b| {
                    b + rest[b..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(is_space);
            }
            out.reverse();
            Ok(out)
        }
    }
}

/// Python's line boundaries (`str.splitlines`): \n \r \v \f \x1c \x1d \x1e \x85 U+2028
/// U+2029, with \r\n counted as one.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{b}'
            | '\u{c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Python's `str.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut brk_end = b + c.len_utf8();
        if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
            it.next();
            brk_end += 1;
        }
        let end = if keepends { brk_end } else { b };
        out.push(s[line_start..end].to_string());
        line_start = brk_end;
    }
    if line_start < s.len() {
        out.push(s[line_start..].to_string());
    }
    out
}

/// Python's `sep.join(items)` over items already known to be str.
pub fn join<S: AsRef<str>>(sep: &str, items: &[S]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// Python's `str.partition(sep)`.
pub fn partition(s: &str, sep: &str) -> TResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(b) => (
            s[..b].to_string(),
            sep.to_string(),
            s[b + sep.len()..].to_string(),
        ),
        None => (s.to_string(), String::new(), String::new()),
    })
}

/// Python's `str.rpartition(sep)`.
pub fn rpartition(s: &str, sep: &str) -> TResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(b) => (
            s[..b].to_string(),
            sep.to_string(),
            s[b + sep.len()..].to_string(),
        ),
        None => (String::new(), String::new(), s.to_string()),
    })
}

// ---------------------------------------------------------------------------------------
// Stripping, replacing, padding
// ---------------------------------------------------------------------------------------

/// Python's `str.strip(chars)`; `None` strips whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// Python's `str.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// Python's `str.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

/// Python's `str.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// Python's `str.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

/// Python's `str.replace(old, new, count)`; a negative `count` replaces every occurrence.
/// An empty `old` inserts `new` before every character and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> TResult<String> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    if limit == 0 {
        return Ok(s.to_string());
    }
    let hits = if old.is_empty() {
        char_len(s).saturating_add(1)
    } else {
        s.matches(old).count()
    }
    .min(limit);
    let grow = hits
        .checked_mul(new.len())
        .and_then(|g| g.checked_add(s.len()))
        .ok_or_else(|| TextError::new("OverflowError", "replace string is too long"))?;
    let mut out = try_string(grow)?;
    if old.is_empty() {
        let mut done = 0;
        for c in s.chars() {
            if done < hits {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < hits {
            out.push_str(new);
        }
    } else {
        let mut last = 0;
        for (b, _) in s.match_indices(old).take(hits) {
            out.push_str(&s[last..b]);
            out.push_str(new);
            last = b + old.len();
        }
        out.push_str(&s[last..]);
    }
    Ok(out)
}

fn fill_char(fillchar: &str) -> TResult<char> {
    let mut it = fillchar.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(TextError::new(
            "TypeError",
            "The fill character must be exactly one character long",
        )),
    }
}

/// Pads `s` with `left` and `right` copies of `fill`.
fn pad(s: &str, left: usize, right: usize, fill: char) -> TResult<String> {
    let bytes = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(fill.len_utf8()))
        .and_then(|n| n.checked_add(s.len()))
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(memory_error)?;
    let mut out = try_string(bytes)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// How many code points `width` asks for beyond `s`'s length, or `None` if none.
fn margin(s: &str, width: i64) -> Option<usize> {
    let len = char_len(s);
    usize::try_from(width)
        .ok()
        .filter(|&w| w > len)
        .map(|w| w - len)
}

/// Python's `str.center(width, fillchar)`; `fillchar` must be one character.
pub fn center(s: &str, width: i64, fillchar: &str) -> TResult<String> {
    let fill = fill_char(fillchar)?;
    let Some(marg) = margin(s, width) else {
        return Ok(s.to_string());
    };
    // Python puts the odd extra fill character on the left only when width is odd.
    let left = marg / 2 + (marg & (width as usize) & 1);
    pad(s, left, marg - left, fill)
}

/// Python's `str.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fillchar: &str) -> TResult<String> {
    let fill = fill_char(fillchar)?;
    match margin(s, width) {
        Some(marg) => pad(s, 0, marg, fill),
        None => Ok(s.to_string()),
    }
}

/// Python's `str.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fillchar: &str) -> TResult<String> {
    let fill = fill_char(fillchar)?;
    match margin(s, width) {
        Some(marg) => pad(s, marg, 0, fill),
        None => Ok(s.to_string()),
    }
}

/// Python's `str.zfill(width)`: zeros on the left, after a leading `+` or `-`.
pub fn zfill(s: &str, width: i64) -> TResult<String> {
    let Some(marg) = margin(s, width) else {
        return Ok(s.to_string());
    };
    let padded = pad(s, marg, 0, '0')?;
    match s.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let mut out = try_string(padded.len())?;
            out.push(sign);
            out.extend(std::iter::repeat_n('0', marg));
            out.push_str(&s[1..]);
            Ok(out)
        }
        _ => Ok(padded),
    }
}

/// Python's `str.expandtabs(tabsize)`: tabs become spaces up to the next multiple of
/// `tabsize`; the column restarts after \n and \r. A `tabsize` of 0 or less drops tabs.
pub fn expandtabs(s: &str, tabsize: i64) -> TResult<String> {
    // CPython converts tabsize to a C int, with one message for both directions.
    if i32::try_from(tabsize).is_err() {
        return Err(TextError::new(
            "OverflowError",
            "Python int too large to convert to C int",
        ));
    }
    let tab = usize::try_from(tabsize).unwrap_or(0);
    // First pass: the size of the result.
    let mut col = 0usize;
    let mut bytes = 0usize;
    for c in s.chars() {
        let add = match c {
            '\t' if tab > 0 => tab - col % tab,
            '\t' => 0,
            _ => 1,
        };
        col = if c == '\n' || c == '\r' { 0 } else { col + add };
        let n = if c == '\t' { add } else { c.len_utf8() };
        bytes = bytes
            .checked_add(n)
            .filter(|&b| b <= isize::MAX as usize)
            .ok_or_else(|| TextError::new("OverflowError", "new string is too long"))?;
    }
    let mut out = try_string(bytes)?;
    let mut col = 0usize;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(' ', n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(out)
}

/// Python's `s * n` (and `n * s`): empty for `n <= 0`.
pub fn repeat(s: &str, n: i64) -> TResult<String> {
    let Ok(times) = usize::try_from(n) else {
        return Ok(String::new());
    };
    if times == 0 || s.is_empty() {
        return Ok(String::new());
    }
    let chars = char_len(s);
    if chars
        .checked_mul(times)
        .is_none_or(|t| t > isize::MAX as usize)
    {
        return Err(TextError::new(
            "OverflowError",
            "repeated string is too long",
        ));
    }
    let bytes = s
        .len()
        .checked_mul(times)
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(memory_error)?;
    let mut out = try_string(bytes)?;
    for _ in 0..times {
        out.push_str(s);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Slicing
// ---------------------------------------------------------------------------------------

/// Python's `s[start:stop:step]` over code points, with `None` bounds and the usual
/// clamping; `ValueError: slice step cannot be zero` for a zero step.
pub fn char_slice(
    s: &str,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> TResult<String> {
    let step = i128::from(step.unwrap_or(1));
    if step == 0 {
        return Err(TextError::new("ValueError", "slice step cannot be zero"));
    }
    let chars: Vec<char> = s.chars().collect();
    let len = chars.len() as i128;
    // Lowest and highest bound a clamped index may take for this direction.
    let (lo, hi) = if step > 0 { (0, len) } else { (-1, len - 1) };
    let clamp = |v: Option<i64>, default: i128| -> i128 {
        match v {
            None => default,
            Some(v) => {
                let v = i128::from(v);
                let v = if v < 0 { v + len } else { v };
                v.clamp(lo, hi)
            }
        }
    };
    let (def_start, def_stop) = if step > 0 { (0, len) } else { (len - 1, -1) };
    let mut i = clamp(start, def_start);
    let stop = clamp(stop, def_stop);
    let mut out = String::new();
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        if let Some(&c) = usize::try_from(i).ok().and_then(|k| chars.get(k)) {
            out.push(c);
        }
        i += step;
    }
    Ok(out)
}
