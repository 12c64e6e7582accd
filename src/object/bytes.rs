//! `bytes`/`bytearray` value semantics over `&[u8]`, matching CPython 3.11: the utf-8, ascii
//! and latin-1 codecs (`encode`/`decode` with the 'strict', 'replace', 'ignore' and
//! 'backslashreplace' error handlers, plus 'xmlcharrefreplace' when encoding), `repr`,
//! `hex`/`fromhex`, and the common methods (split, strip, replace, find, ...).
//!
//! Not supported: other encodings (they report `unknown encoding`) and the
//! 'surrogateescape'/'surrogatepass'/'namereplace' handlers (`BytesError::Unsupported`;
//! decoding with 'surrogateescape' would need lone surrogates, which a Rust `String` cannot
//! hold). Method arguments that Python also accepts as ints or tuples (`b.find(97)`,
//! `startswith((a, b))`) are left to the caller to unpack.

use std::fmt::Write as _;

/// A Python exception raised by one of these operations: its type and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BytesError {
    LookupError(String),
    UnicodeDecodeError(String),
    UnicodeEncodeError(String),
    ValueError(String),
    TypeError(String),
    /// A valid Python request this module does not implement (e.g. 'surrogateescape').
    Unsupported(String),
}

impl BytesError {
    /// The Python exception type's name.
    pub fn type_name(&self) -> &'static str {
        match self {
            BytesError::LookupError(_) => "LookupError",
            BytesError::UnicodeDecodeError(_) => "UnicodeDecodeError",
            BytesError::UnicodeEncodeError(_) => "UnicodeEncodeError",
            BytesError::ValueError(_) => "ValueError",
            BytesError::TypeError(_) => "TypeError",
            BytesError::Unsupported(_) => "NotImplementedError",
        }
    }

    /// The exception's message, as `str(exc)` shows it.
    pub fn message(&self) -> &str {
        match self {
            BytesError::LookupError(m)
            | BytesError::UnicodeDecodeError(m)
            | BytesError::UnicodeEncodeError(m)
            | BytesError::ValueError(m)
            | BytesError::TypeError(m)
            | BytesError::Unsupported(m) => m,
        }
    }
}

/// The codecs implemented here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name the codec's error messages use.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// Python's encoding-name normalisation: lowercase, runs of characters other than
/// alphanumerics and '.' become one '_', no leading or trailing '_'.
fn normalize_encoding(name: &str) -> String {
    let mut out = String::new();
    let mut pending = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            out.extend(c.to_lowercase());
        } else {
            pending = true;
        }
    }
    out
}

/// Finds a codec by any of its Python names and aliases (`LookupError` otherwise).
pub fn lookup_codec(encoding: &str) -> Result<Codec, BytesError> {
    let norm = normalize_encoding(encoding);
    let codec = match norm.as_str() {
        "utf_8" | "cp65001" | "u8" | "utf" | "utf8" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3.4_1986" | "ansi_x3_4_1968" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
        | "us_ascii" => Codec::Ascii,
        "latin_1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1"
        | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" | "latin1" => {
            Codec::Latin1
        }
        _ => {
            return Err(BytesError::LookupError(format!(
                "unknown encoding: {encoding}"
            )));
        }
    };
    Ok(codec)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Replace,
    Ignore,
    BackslashReplace,
    XmlCharRefReplace,
}

/// Looks an error handler up; like CPython this only happens once an error occurs.
fn lookup_handler(errors: &str) -> Result<Handler, BytesError> {
    match errors {
        "strict" => Ok(Handler::Strict),
        "replace" => Ok(Handler::Replace),
        "ignore" => Ok(Handler::Ignore),
        "backslashreplace" => Ok(Handler::BackslashReplace),
        "xmlcharrefreplace" => Ok(Handler::XmlCharRefReplace),
        "surrogateescape" | "surrogatepass" | "namereplace" => Err(BytesError::Unsupported(
            format!("error handler '{errors}' is not supported"),
        )),
        _ => Err(BytesError::LookupError(format!(
            "unknown error handler name '{errors}'"
        ))),
    }
}

/// How one character appears in an encode error message (`'\xe9'`, `'\u20ac'`, ...).
fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, BytesError> {
    let codec = lookup_codec(encoding)?;
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i] as u32 >= limit {
            i += 1;
        }
        let bad = &chars[start..i];
        match lookup_handler(errors)? {
            Handler::Strict => {
                let what = if bad.len() == 1 {
                    format!("character '{}' in position {start}", char_escape(bad[0]))
                } else {
                    format!("characters in position {start}-{}", i - 1)
                };
                return Err(BytesError::UnicodeEncodeError(format!(
                    "'{}' codec can't encode {what}: ordinal not in range({limit})",
                    codec.name()
                )));
            }
            Handler::Replace => out.extend(bad.iter().map(|_| b'?')),
            Handler::Ignore => {}
            Handler::BackslashReplace => {
                for &c in bad {
                    out.extend_from_slice(char_escape(c).as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in bad {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
        }
    }
    Ok(out)
}

/// The result of examining a UTF-8 sequence at a position: a decoded character and its
/// length, or an invalid stretch's length and the reason.
enum Step {
    Char(char, usize),
    Bad(usize, &'static str),
}

/// Decodes one UTF-8 character at the start of `b` (non-empty). An invalid sequence
/// covers its maximal valid prefix (at least one byte), as CPython groups them.
fn utf8_step(b: &[u8]) -> Step {
    let lead = b[0];
    if lead < 0x80 {
        return Step::Char(lead as char, 1);
    }
    let (len, lo, hi) = match lead {
        0xc2..=0xdf => (2, 0x80, 0xbf),
        0xe0 => (3, 0xa0, 0xbf),
        0xed => (3, 0x80, 0x9f),
        0xe1..=0xef => (3, 0x80, 0xbf),
        0xf0 => (4, 0x90, 0xbf),
        0xf4 => (4, 0x80, 0x8f),
        0xf1..=0xf3 => (4, 0x80, 0xbf),
        _ => return Step::Bad(1, "invalid start byte"),
    };
    let mut value = u32::from(lead) & (0x7f >> len);
    for k in 1..len {
        let Some(&c) = b.get(k) else {
            return Step::Bad(k, "unexpected end of data");
        };
        let (l, h) = if k == 1 { (lo, hi) } else { (0x80, 0xbf) };
        if c < l || c > h {
            return Step::Bad(k, "invalid continuation byte");
        }
        value = (value << 6) | (u32::from(c) & 0x3f);
    }
    match char::from_u32(value) {
        Some(ch) => Step::Char(ch, len),
        None => Step::Bad(1, "invalid start byte"),
    }
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> Result<String, BytesError> {
    let codec = lookup_codec(encoding)?;
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let (bad_len, reason) = match codec {
            Codec::Latin1 => {
                out.push(char::from(b[i]));
                i += 1;
                continue;
            }
            Codec::Ascii if b[i] < 0x80 => {
                out.push(char::from(b[i]));
                i += 1;
                continue;
            }
            Codec::Ascii => (1, "ordinal not in range(128)"),
            Codec::Utf8 => match utf8_step(&b[i..]) {
                Step::Char(c, n) => {
                    out.push(c);
                    i += n;
                    continue;
                }
                Step::Bad(n, why) => (n, why),
            },
        };
        let end = i + bad_len;
        match lookup_handler(errors)? {
            Handler::Strict => {
                let what = if bad_len == 1 {
                    format!("byte 0x{:02x} in position {i}", b[i])
                } else {
                    format!("bytes in position {i}-{}", end - 1)
                };
                return Err(BytesError::UnicodeDecodeError(format!(
                    "'{}' codec can't decode {what}: {reason}",
                    codec.name()
                )));
            }
            Handler::Replace => out.push('\u{fffd}'),
            Handler::Ignore => {}
            Handler::BackslashReplace => {
                for &x in &b[i..end] {
                    let _ = write!(out, "\\x{x:02x}");
                }
            }
            Handler::XmlCharRefReplace => {
                return Err(BytesError::TypeError(
                    "don't know how to handle UnicodeDecodeError in error callback".into(),
                ));
            }
        }
        i = end;
    }
    Ok(out)
}

/// `repr(bytes)`: `b'...'`, in double quotes only when the value holds `'` but no `"`.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &x in b {
        match x {
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\\' => out.push_str("\\\\"),
            _ if char::from(x) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(x)),
            _ => {
                let _ = write!(out, "\\x{x:02x}");
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(bytearray)`: `bytearray(b'...')`.
pub fn repr_bytearray(b: &[u8]) -> String {
    format!("bytearray({})", repr_bytes(b))
}

/// `bytes.hex(sep, bytes_per_sep)`: `sep` as given (str; bytes callers pass it decoded
/// as latin-1), `bytes_per_sep` 1 by default; positive groups count from the right,
/// negative from the left.
pub fn hex(b: &[u8], sep: Option<&str>, bytes_per_sep: i64) -> Result<String, BytesError> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let sep = match sep {
        None => None,
        Some(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) if c.is_ascii() => Some(c),
                (Some(_), None) => {
                    return Err(BytesError::ValueError("sep must be ASCII.".into()));
                }
                _ => return Err(BytesError::ValueError("sep must be length 1.".into())),
            }
        }
    };
    let group = bytes_per_sep.unsigned_abs();
    let mut out = String::with_capacity(b.len() * 3);
    let n = b.len() as u64;
    for (k, &x) in b.iter().enumerate() {
        let k = k as u64;
        if let Some(c) = sep
            && k > 0
            && group > 0
        {
            let boundary = if bytes_per_sep > 0 {
                (n - k).is_multiple_of(group)
            } else {
                k.is_multiple_of(group)
            };
            if boundary {
                out.push(c);
            }
        }
        out.push(char::from(DIGITS[usize::from(x >> 4)]));
        out.push(char::from(DIGITS[usize::from(x & 15)]));
    }
    Ok(out)
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed between pairs.
pub fn fromhex(s: &str) -> Result<Vec<u8>, BytesError> {
    let chars: Vec<char> = s.chars().collect();
    let err = |pos: usize| {
        BytesError::ValueError(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).filter(|_| chars[i].is_ascii());
        let Some(hi) = hi else { return Err(err(i)) };
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()));
        let Some(lo) = lo else { return Err(err(i + 1)) };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// Python's ASCII whitespace for bytes: space, \t, \n, \v, \f, \r.
fn is_space(x: u8) -> bool {
    matches!(x, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn empty_sep() -> BytesError {
    BytesError::ValueError("empty separator".into())
}

/// Where `needle` first occurs in `hay` (empty needles at 0).
fn find_at(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Where `needle` last occurs in `hay` (empty needles at the end).
fn rfind_at(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// How many splits `maxsplit` allows: a negative value means no limit.
fn split_limit(maxsplit: i64) -> u64 {
    u64::try_from(maxsplit).unwrap_or(u64::MAX)
}

/// `bytes.split(sep, maxsplit)`; a negative `maxsplit` means no limit.
pub fn split(b: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Result<Vec<Vec<u8>>, BytesError> {
    let mut left = split_limit(maxsplit);
    let mut out = Vec::new();
    match sep {
        Some([]) => return Err(empty_sep()),
        Some(sep) => {
            let mut rest = b;
            while left > 0 {
                let Some(p) = find_at(rest, sep) else { break };
                out.push(rest[..p].to_vec());
                rest = &rest[p + sep.len()..];
                left -= 1;
            }
            out.push(rest.to_vec());
        }
        None => {
            let mut i = 0;
            loop {
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if left == 0 {
                    out.push(b[i..].to_vec());
                    break;
                }
                let start = i;
                while i < b.len() && !is_space(b[i]) {
                    i += 1;
                }
                out.push(b[start..i].to_vec());
                left -= 1;
            }
        }
    }
    Ok(out)
}

/// `bytes.rsplit(sep, maxsplit)`; a negative `maxsplit` means no limit.
pub fn rsplit(b: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Result<Vec<Vec<u8>>, BytesError> {
    let mut left = split_limit(maxsplit);
    let mut out = Vec::new();
    match sep {
        Some([]) => return Err(empty_sep()),
        Some(sep) => {
            let mut rest = b;
            while left > 0 {
                let Some(p) = rfind_at(rest, sep) else { break };
                out.push(rest[p + sep.len()..].to_vec());
                rest = &rest[..p];
                left -= 1;
            }
            out.push(rest.to_vec());
        }
        None => {
            let mut i = b.len();
            loop {
                while i > 0 && is_space(b[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if left == 0 {
                    out.push(b[..i].to_vec());
                    break;
                }
                let end = i;
                while i > 0 && !is_space(b[i - 1]) {
                    i -= 1;
                }
                out.push(b[i..end].to_vec());
                left -= 1;
            }
        }
    }
    out.reverse();
    Ok(out)
}

fn strip_with(b: &[u8], chars: Option<&[u8]>, left: bool, right: bool) -> Vec<u8> {
    let drop = |x: u8| match chars {
        None => is_space(x),
        Some(set) => set.contains(&x),
    };
    let mut start = 0;
    let mut end = b.len();
    if left {
        while start < end && drop(b[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && drop(b[end - 1]) {
            end -= 1;
        }
    }
    b[start..end].to_vec()
}

/// `bytes.strip(chars)`; `None` strips ASCII whitespace.
pub fn strip(b: &[u8], chars: Option<&[u8]>) -> Vec<u8> {
    strip_with(b, chars, true, true)
}

/// `bytes.lstrip(chars)`.
pub fn lstrip(b: &[u8], chars: Option<&[u8]>) -> Vec<u8> {
    strip_with(b, chars, true, false)
}

/// `bytes.rstrip(chars)`.
pub fn rstrip(b: &[u8], chars: Option<&[u8]>) -> Vec<u8> {
    strip_with(b, chars, false, true)
}

/// `bytes.replace(old, new, count)`; a negative `count` replaces every occurrence.
pub fn replace(b: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let mut left = if count < 0 { u64::MAX } else { count as u64 };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        for &x in b {
            if left > 0 {
                out.extend_from_slice(new);
                left -= 1;
            }
            out.push(x);
        }
        if left > 0 {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut rest = b;
    while left > 0 {
        let Some(p) = find_at(rest, old) else { break };
        out.extend_from_slice(&rest[..p]);
        out.extend_from_slice(new);
        rest = &rest[p + old.len()..];
        left -= 1;
    }
    out.extend_from_slice(rest);
    out
}

/// Slice bounds as Python adjusts them: negatives count from the end, `end` is clamped to
/// the length, `start` is not clamped above (so it may exceed `end`).
fn adjust(len: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let len = len as i64;
    let fix = |v: i64| {
        if v < 0 {
            (v.saturating_add(len)).max(0)
        } else {
            v
        }
    };
    let s = fix(start.unwrap_or(0));
    let e = fix(end.unwrap_or(len)).min(len);
    (s, e)
}

/// The window `b[start:end]` as adjusted, or `None` when it cannot hold `sub_len` bytes.
fn window(
    b: &[u8],
    sub_len: usize,
    start: Option<i64>,
    end: Option<i64>,
) -> Option<(usize, &[u8])> {
    let (s, e) = adjust(b.len(), start, end);
    if e - s < sub_len as i64 {
        return None;
    }
    let (s, e) = (s as usize, e as usize);
    Some((s, &b[s..e]))
}

/// `bytes.find(sub, start, end)`: the lowest index, or -1.
pub fn find(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    window(b, sub.len(), start, end)
        .and_then(|(s, w)| find_at(w, sub).map(|p| (s + p) as i64))
        .unwrap_or(-1)
}

/// `bytes.rfind(sub, start, end)`: the highest index, or -1.
pub fn rfind(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    window(b, sub.len(), start, end)
        .and_then(|(s, w)| rfind_at(w, sub).map(|p| (s + p) as i64))
        .unwrap_or(-1)
}

fn not_found() -> BytesError {
    BytesError::ValueError("subsection not found".into())
}

/// `bytes.index(sub, start, end)`.
pub fn index(
    b: &[u8],
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
) -> Result<i64, BytesError> {
    match find(b, sub, start, end) {
        -1 => Err(not_found()),
        i => Ok(i),
    }
}

/// `bytes.rindex(sub, start, end)`.
pub fn rindex(
    b: &[u8],
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
) -> Result<i64, BytesError> {
    match rfind(b, sub, start, end) {
        -1 => Err(not_found()),
        i => Ok(i),
    }
}

/// `bytes.count(sub, start, end)`: non-overlapping occurrences.
pub fn count(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((_, w)) = window(b, sub.len(), start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return w.len() as i64 + 1;
    }
    let mut n = 0;
    let mut rest = w;
    while let Some(p) = find_at(rest, sub) {
        n += 1;
        rest = &rest[p + sub.len()..];
    }
    n
}

/// `bytes.startswith(prefix, start, end)` for one prefix.
pub fn startswith(b: &[u8], prefix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    window(b, prefix.len(), start, end).is_some_and(|(_, w)| w.starts_with(prefix))
}

/// `bytes.endswith(suffix, start, end)` for one suffix.
pub fn endswith(b: &[u8], suffix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    window(b, suffix.len(), start, end).is_some_and(|(_, w)| w.ends_with(suffix))
}

/// `sep.join(parts)`.
pub fn join<P: AsRef<[u8]>>(sep: &[u8], parts: &[P]) -> Vec<u8> {
    let mut out = Vec::new();
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(p.as_ref());
    }
    out
}

/// `bytes.upper()`: ASCII letters only.
pub fn upper(b: &[u8]) -> Vec<u8> {
    b.to_ascii_uppercase()
}

/// `bytes.lower()`: ASCII letters only.
pub fn lower(b: &[u8]) -> Vec<u8> {
    b.to_ascii_lowercase()
}

/// `bytes.isdigit()`.
pub fn isdigit(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(u8::is_ascii_digit)
}

/// `bytes.isalpha()`.
pub fn isalpha(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)
}

/// `bytes.isalnum()`.
pub fn isalnum(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric)
}

/// `bytes.isspace()`.
pub fn isspace(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(|&x| is_space(x))
}

/// `bytes.isupper()`: some uppercase letter and no lowercase one.
pub fn isupper(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
}

/// `bytes.islower()`: some lowercase letter and no uppercase one.
pub fn islower(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
}

/// The three parts of a partition.
pub type Parts = (Vec<u8>, Vec<u8>, Vec<u8>);

/// `bytes.partition(sep)`.
pub fn partition(b: &[u8], sep: &[u8]) -> Result<Parts, BytesError> {
    if sep.is_empty() {
        return Err(empty_sep());
    }
    Ok(match find_at(b, sep) {
        Some(p) => (b[..p].to_vec(), sep.to_vec(), b[p + sep.len()..].to_vec()),
        None => (b.to_vec(), Vec::new(), Vec::new()),
    })
}

/// `bytes.rpartition(sep)`.
pub fn rpartition(b: &[u8], sep: &[u8]) -> Result<Parts, BytesError> {
    if sep.is_empty() {
        return Err(empty_sep());
    }
    Ok(match rfind_at(b, sep) {
        Some(p) => (b[..p].to_vec(), sep.to_vec(), b[p + sep.len()..].to_vec()),
        None => (Vec::new(), Vec::new(), b.to_vec()),
    })
}
