//! The Mersenne Twister behind `random`, producing CPython's exact sequences.
//!
//! [`Random`] is a pure-Rust generator with no interpreter object model: after the same seed,
//! the same calls give bit-for-bit the same results as CPython 3.11's `random.Random`. The core
//! is MT19937 as published by Matsumoto and Nishimura (seeded through its `init_by_array`), and
//! every method draws from it in exactly the order CPython's documented algorithms do, so that a
//! Python program using `random` behaves identically under gilpy.
//!
//! Integers are [`BigInt`]s where Python accepts arbitrary ints; counts and indices are `usize`.
//! Bad arguments yield a [`RandomError`] carrying CPython's exception type and message.
//!
//! ```
//! use gilpy::modules::random::Random;
//! use num_bigint::BigInt;
//!
//! let mut rng = Random::with_seed(&BigInt::from(0));
//! assert_eq!(rng.random(), 0.8444218515250481);
//! ```

use std::collections::HashSet;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Number of 32-bit words in the MT19937 state.
const N: usize = 624;
/// Middle word offset of the MT19937 recurrence.
const M: usize = 397;
/// The twist matrix's bottom row.
const MATRIX_A: u32 = 0x9908_b0df;
/// Most significant bit of a word.
const UPPER_MASK: u32 = 0x8000_0000;
/// The 31 least significant bits of a word.
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The Python exception class a [`RandomError`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExcKind {
    /// `ValueError`, e.g. an empty range.
    ValueError,
    /// `IndexError`, from choosing out of an empty sequence.
    IndexError,
    /// `TypeError`, e.g. `randrange(5, None, 2)`.
    TypeError,
    /// `OverflowError`, for a bit count that does not fit a C `int`.
    OverflowError,
    /// `MemoryError`, when a result could not be allocated.
    MemoryError,
}

impl ExcKind {
    /// The exception class's Python name.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::ValueError => "ValueError",
            ExcKind::IndexError => "IndexError",
            ExcKind::TypeError => "TypeError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::MemoryError => "MemoryError",
        }
    }
}

impl fmt::Display for ExcKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A Python exception raised by a [`Random`] method: its class and CPython's exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RandomError {
    /// The exception class.
    pub kind: ExcKind,
    /// The message, as `str(exc)` shows it in CPython 3.11.
    pub message: String,
}

impl RandomError {
    fn new(kind: ExcKind, message: impl Into<String>) -> Self {
        RandomError {
            kind,
            message: message.into(),
        }
    }

    fn value(message: impl Into<String>) -> Self {
        Self::new(ExcKind::ValueError, message)
    }

    fn memory() -> Self {
        Self::new(ExcKind::MemoryError, "")
    }
}

impl fmt::Display for RandomError {
    /// Formats like the last line of a Python traceback: `ValueError: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.kind, self.message)
        }
    }
}

impl std::error::Error for RandomError {}

/// What the methods of [`Random`] return when they can fail.
pub type RandomResult<T> = Result<T, RandomError>;

/// A snapshot of a generator, as `Random.getstate()` describes it (version 3).
///
/// `words` and `index` are the 624 Mersenne Twister words and the position of the next word to
/// temper (`624` means a fresh twist is due), i.e. the second item of CPython's state tuple;
/// `gauss_next` is the cached second value of [`Random::gauss`], its third item. CPython reduces
/// each word of a state tuple modulo 2**32 before loading it, so callers converting Python ints
/// should do the same.
#[derive(Debug, Clone, PartialEq)]
pub struct RandomState {
    /// The 624 state words.
    pub words: Vec<u32>,
    /// Index of the next word to use, `0..=624`.
    pub index: usize,
    /// The pending second normal deviate of [`Random::gauss`], if any.
    pub gauss_next: Option<f64>,
}

/// A Mersenne Twister generator reproducing CPython 3.11's `random.Random` exactly.
#[derive(Clone)]
pub struct Random {
    mt: Box<[u32; N]>,
    index: usize,
    gauss_next: Option<f64>,
}

impl fmt::Debug for Random {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Random")
            .field("index", &self.index)
            .field("gauss_next", &self.gauss_next)
            .finish_non_exhaustive()
    }
}

impl Default for Random {
    /// A generator seeded from OS entropy, like `random.Random()`.
    fn default() -> Self {
        Self::new()
    }
}

/// Unwraps the result of a fallible `Vec` reservation into a `MemoryError`.
fn reserve<T>(len: usize) -> RandomResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(len)
        .map_err(|_| RandomError::memory())?;
    Ok(v)
}

impl Random {
    /// A generator seeded from OS entropy (or, failing that, the time), like `random.Random()`.
    pub fn new() -> Self {
        let mut rng = Self::unseeded();
        rng.seed_from_entropy();
        rng
    }

    /// A generator seeded with an int, like `random.Random(n)`.
    pub fn with_seed(n: &BigInt) -> Self {
        let mut rng = Self::unseeded();
        rng.seed(n);
        rng
    }

    /// A generator seeded with a str, like `random.Random(s)`.
    pub fn with_str_seed(s: &str) -> Self {
        let mut rng = Self::unseeded();
        rng.seed_str(s);
        rng
    }

    fn unseeded() -> Self {
        Random {
            mt: Box::new([0; N]),
            index: N,
            gauss_next: None,
        }
    }

    // ----- seeding -------------------------------------------------------------------------

    /// `seed(n)` for an int `n`: the absolute value, as little-endian 32-bit words, is the key
    /// for MT19937's `init_by_array` (zero is the one-word key `[0]`).
    ///
    /// CPython seeds with any other hashable (a float, say) as with the int `hash(a)`.
    pub fn seed(&mut self, n: &BigInt) {
        let mut key = n.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `seed(s)` for a str `s` (version 2): seeds with the int whose big-endian bytes are the
    /// UTF-8 encoding of `s` followed by its SHA-512 digest.
    pub fn seed_str(&mut self, s: &str) {
        self.seed_bytes(s.as_bytes());
    }

    /// `seed(b)` for a bytes or bytearray `b` (version 2), as for [`Random::seed_str`].
    pub fn seed_bytes(&mut self, bytes: &[u8]) {
        let mut material = Vec::with_capacity(bytes.len() + 64);
        material.extend_from_slice(bytes);
        material.extend_from_slice(&sha512::digest(bytes));
        self.seed(&BigInt::from_bytes_be(Sign::Plus, &material));
    }

    /// `seed()` / `seed(None)`: 624 words from `/dev/urandom` as the key, or the time and
    /// process id when the OS offers no entropy.
    pub fn seed_from_entropy(&mut self) {
        let key = match urandom_words() {
            Some(words) => words,
            None => time_key(),
        };
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// MT19937's `init_genrand`: fills the state from one 32-bit seed.
    fn init_genrand(&mut self, s: u32) {
        let mt = &mut self.mt;
        mt[0] = s;
        for i in 1..N {
            let prev = mt[i - 1];
            mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// MT19937's `init_by_array`: fills the state from a key of any length.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.mt;
        let mut i = 1usize;
        let mut j = 0usize;
        let rounds = N.max(key.len());
        for _ in 0..rounds {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = UPPER_MASK;
        self.index = N;
    }

    // ----- raw output ----------------------------------------------------------------------

    /// Regenerates all 624 words (the "twist").
    fn twist(&mut self) {
        let mt = &mut self.mt;
        for k in 0..N {
            let y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    /// The next tempered 32-bit output of MT19937 (`genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random()`: a float in [0.0, 1.0) with 53 random bits, built from two outputs
    /// (27 high bits of the first, 26 of the second).
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `k` random bits for `k <= 64`, drawn exactly as `getrandbits(k)` draws them.
    fn bits_u64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => u64::from(self.next_u32() >> (32 - k)),
            _ => {
                let low = u64::from(self.next_u32());
                let high = u64::from(self.next_u32() >> (64 - k.min(64)));
                (high << 32) | low
            }
        }
    }

    /// `k` random bits as a non-negative int: 32-bit outputs fill the words from the least
    /// significant up, the last one keeping only its top bits.
    fn bits_big(&mut self, k: u64) -> RandomResult<BigUint> {
        if k <= 64 {
            return Ok(BigUint::from(self.bits_u64(k as u32)));
        }
        let words = usize::try_from(k.div_ceil(32)).map_err(|_| RandomError::memory())?;
        let mut digits: Vec<u32> = reserve(words)?;
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        Ok(BigUint::new(digits))
    }

    /// `getrandbits(k)`: a non-negative int with `k` random bits.
    ///
    /// Like CPython, `k` must fit a C `int` (`OverflowError`) and be non-negative
    /// (`ValueError`).
    pub fn getrandbits(&mut self, k: &BigInt) -> RandomResult<BigInt> {
        let k = k.to_i32().ok_or_else(|| {
            RandomError::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            )
        })?;
        if k < 0 {
            return Err(RandomError::value("number of bits must be non-negative"));
        }
        Ok(BigInt::from(self.bits_big(k as u64)?))
    }

    // ----- integers in a range -------------------------------------------------------------

    /// `_randbelow(n)`: a uniform int in `[0, n)` by rejection sampling with
    /// `getrandbits(n.bit_length())`.
    ///
    /// CPython never returns for `n == 0`; here any `n <= 0` gives 0 without drawing.
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if !n.is_positive() {
            return BigInt::zero();
        }
        if let Some(small) = n.to_u64() {
            return BigInt::from(self.randbelow_u64(small));
        }
        let k = n.bits();
        let limit = n.magnitude();
        loop {
            match self.bits_big(k) {
                Ok(r) if &r < limit => return BigInt::from(r),
                Ok(_) => {}
                // Unreachable in practice: `n` itself already holds `k` bits.
                Err(_) => return BigInt::zero(),
            }
        }
    }

    /// [`Random::randbelow`] for a machine-sized bound; the same draws and result.
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// [`Random::randbelow`] for a `usize` bound; the same draws and result.
    pub fn randbelow_usize(&mut self, n: usize) -> usize {
        // usize is at most 64 bits wide, so both conversions are lossless.
        self.randbelow_u64(n as u64) as usize
    }

    /// `randrange(start, stop, step)`; pass `stop = None` for `randrange(start)` (which then
    /// needs `step == 1`, CPython's default) and `step = 1` for `randrange(start, stop)`.
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: &BigInt,
    ) -> RandomResult<BigInt> {
        let Some(stop) = stop else {
            if !step.is_one() {
                return Err(RandomError::new(
                    ExcKind::TypeError,
                    "Missing a non-None stop argument",
                ));
            }
            if start.is_positive() {
                return Ok(self.randbelow(start));
            }
            return Err(RandomError::value("empty range for randrange()"));
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow(&width));
            }
            return Err(RandomError::value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = if step.is_positive() {
            floor_div(&(&width + step - 1), step)
        } else if step.is_negative() {
            floor_div(&(&width + step + 1), step)
        } else {
            return Err(RandomError::value("zero step for randrange()"));
        };
        if !n.is_positive() {
            return Err(RandomError::value("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow(&n))
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`, so an empty range reports `b + 1`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> RandomResult<BigInt> {
        self.randrange(a, Some(&(b + 1)), &BigInt::one())
    }

    // ----- sequences -----------------------------------------------------------------------

    /// `choice(seq)` for a sequence of length `len`: the index of the chosen item.
    pub fn choice_index(&mut self, len: usize) -> RandomResult<usize> {
        if len == 0 {
            return Err(RandomError::new(
                ExcKind::IndexError,
                "Cannot choose from an empty sequence",
            ));
        }
        Ok(self.randbelow_usize(len))
    }

    /// `shuffle(x)` in place: Fisher-Yates from the last position down, swapping item `i`
    /// with item `_randbelow(i + 1)`.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow_usize(i + 1);
            items.swap(i, j);
        }
    }

    /// What `shuffle(list(range(n)))` leaves in the list.
    pub fn shuffle_indices(&mut self, n: usize) -> RandomResult<Vec<usize>> {
        let mut v = reserve(n)?;
        v.extend(0..n);
        self.shuffle(&mut v);
        Ok(v)
    }

    /// `sample(population, k)` for a population of length `population_len`: the indices of
    /// the chosen items, in selection order.
    ///
    /// Like CPython, small populations (relative to `k`) are sampled from a shrinking pool
    /// and large ones by redrawing indices already taken. A `k` outside `0..=population_len`
    /// is a `ValueError`; callers holding a Python int beyond `i64` may saturate it.
    pub fn sample_indices(&mut self, population_len: usize, k: i64) -> RandomResult<Vec<usize>> {
        let n = population_len;
        let k = match usize::try_from(k) {
            Ok(k) if k <= n => k,
            _ => {
                return Err(RandomError::value(
                    "Sample larger than population or is negative",
                ));
            }
        };
        let mut result = reserve(k)?;
        if (n as u128) <= sample_set_size(k) {
            let mut pool: Vec<usize> = reserve(n)?;
            pool.extend(0..n);
            for i in 0..k {
                let j = self.randbelow_usize(n - i);
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = HashSet::new();
            selected.try_reserve(k).map_err(|_| RandomError::memory())?;
            for _ in 0..k {
                let mut j = self.randbelow_usize(n);
                while selected.contains(&j) {
                    j = self.randbelow_usize(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    // ----- real-valued distributions -------------------------------------------------------

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `gauss(mu, sigma)`: the Box-Muller transform, which makes two deviates per pair of
    /// `random()` calls and keeps the second for the next call.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let angle = self.random() * std::f64::consts::TAU;
                let radius = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(angle.sin() * radius);
                angle.cos() * radius
            }
        };
        mu + z * sigma
    }

    /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio-of-uniforms method.
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = magic * (u1 - 0.5) / u2;
            if z * z / 4.0 <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    // ----- state ---------------------------------------------------------------------------

    /// `getstate()`: the generator's whole state.
    pub fn getstate(&self) -> RandomState {
        RandomState {
            words: self.mt.to_vec(),
            index: self.index,
            gauss_next: self.gauss_next,
        }
    }

    /// `setstate(state)`, rejecting a wrong-sized vector or an index beyond 624 with
    /// CPython's `ValueError`s.
    pub fn setstate(&mut self, state: &RandomState) -> RandomResult<()> {
        let words: &[u32; N] = state
            .words
            .as_slice()
            .try_into()
            .map_err(|_| RandomError::value("state vector is the wrong size"))?;
        if state.index > N {
            return Err(RandomError::value("invalid state"));
        }
        *self.mt = *words;
        self.index = state.index;
        self.gauss_next = state.gauss_next;
        Ok(())
    }
}

/// Python's `a // b` (rounding toward negative infinity) for a non-zero `b`.
fn floor_div(a: &BigInt, b: &BigInt) -> BigInt {
    let q = a / b;
    if (a % b).is_zero() || (a.is_negative() == b.is_negative()) {
        q
    } else {
        q - 1
    }
}

/// `sample`'s threshold: populations no larger than this are sampled from a pool.
///
/// It is `21`, plus `4 ** ceil(log(3 * k, 4))` when `k > 5`, with the logarithm computed in
/// floating point as `math.log` does (`ln(3k) / ln(4)`), so that rounding agrees too.
fn sample_set_size(k: usize) -> u128 {
    let mut size: u128 = 21;
    if k > 5 {
        let three_k = 3 * k as u128;
        let exponent = ((three_k as f64).ln() / 4.0f64.ln()).ceil();
        // 3k < 2^66, so the exponent is at most 34 and 4^34 = 2^68 fits.
        size += 4u128.pow(exponent as u32);
    }
    size
}

/// 624 words of OS entropy, or `None` if `/dev/urandom` cannot be read.
fn urandom_words() -> Option<Vec<u32>> {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    let mut file = std::fs::File::open("/dev/urandom").ok()?;
    file.read_exact(&mut buf).ok()?;
    Some(
        buf.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
    )
}

/// A fallback key from the wall clock, a monotonic clock and the process id.
fn time_key() -> Vec<u32> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    vec![
        now as u32,
        (now >> 32) as u32,
        (now >> 64) as u32,
        std::process::id(),
    ]
}

/// SHA-512 as specified in FIPS 180-4, for seeding with str and bytes.
mod sha512 {
    /// Initial hash value (FIPS 180-4 §5.3.5): the first 64 bits of the fractional parts of
    /// the square roots of the first eight primes.
    #[rustfmt::skip]
    pub(super) const INITIAL: [u64; 8] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];

    /// Round constants (FIPS 180-4 §4.2.3): the first 64 bits of the fractional parts of the
    /// cube roots of the first eighty primes.
    #[rustfmt::skip]
    pub(super) const ROUND: [u64; 80] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
        0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
        0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
        0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
        0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
        0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
        0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
        0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
        0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
        0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
        0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ];

    /// Processes one 128-byte block into the running hash value (FIPS 180-4 §6.4.2).
    fn compress(hash: &mut [u64; 8], block: &[u8]) {
        let mut schedule = [0u64; 80];
        for (t, chunk) in block.chunks_exact(8).enumerate() {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            schedule[t] = u64::from_be_bytes(word);
        }
        for t in 16..80 {
            let w15 = schedule[t - 15];
            let w2 = schedule[t - 2];
            let small_sigma0 = w15.rotate_right(1) ^ w15.rotate_right(8) ^ (w15 >> 7);
            let small_sigma1 = w2.rotate_right(19) ^ w2.rotate_right(61) ^ (w2 >> 6);
            schedule[t] = small_sigma1
                .wrapping_add(schedule[t - 7])
                .wrapping_add(small_sigma0)
                .wrapping_add(schedule[t - 16]);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *hash;
        for t in 0..80 {
            let big_sigma1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let choose = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(big_sigma1)
                .wrapping_add(choose)
                .wrapping_add(ROUND[t])
                .wrapping_add(schedule[t]);
            let big_sigma0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let majority = (a & b) ^ (a & c) ^ (b & c);
            let t2 = big_sigma0.wrapping_add(majority);
            h = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (slot, value) in hash.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *slot = slot.wrapping_add(value);
        }
    }

    /// The 64-byte SHA-512 digest of `message`.
    pub(super) fn digest(message: &[u8]) -> [u8; 64] {
        let mut hash = INITIAL;
        let mut blocks = message.chunks_exact(128);
        for block in &mut blocks {
            compress(&mut hash, block);
        }
        // Padding (FIPS 180-4 §5.1.2): a one bit, zeros, then the length in bits as a
        // 128-bit big-endian number, filling one or two final blocks.
        let rest = blocks.remainder();
        let mut tail = [0u8; 256];
        tail[..rest.len()].copy_from_slice(rest);
        tail[rest.len()] = 0x80;
        let tail_len = if rest.len() < 112 { 128 } else { 256 };
        let bit_len = (message.len() as u128).wrapping_mul(8);
        tail[tail_len - 16..tail_len].copy_from_slice(&bit_len.to_be_bytes());
        for block in tail[..tail_len].chunks_exact(128) {
            compress(&mut hash, block);
        }
        let mut out = [0u8; 64];
        for (chunk, word) in out.chunks_exact_mut(8).zip(hash) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha512_constants_follow_their_definition() {
        // floor(frac(p^(1/2)) * 2^64) and floor(frac(p^(1/3)) * 2^64) for the first primes.
        let primes: Vec<u64> = (2u64..)
            .filter(|&c| (2..c).take_while(|d| d * d <= c).all(|d| c % d != 0))
            .take(80)
            .collect();
        let mask = (BigUint::one() << 64u32) - 1u32;
        for (i, &p) in primes.iter().enumerate() {
            let cube = (BigUint::from(p) << 192u32).cbrt() & &mask;
            assert_eq!(cube, BigUint::from(sha512::ROUND[i]), "round constant {i}");
            if i < 8 {
                let square = (BigUint::from(p) << 128u32).sqrt() & &mask;
                assert_eq!(
                    square,
                    BigUint::from(sha512::INITIAL[i]),
                    "initial word {i}"
                );
            }
        }
    }

    #[test]
    fn sha512_known_digests() {
        // Values from Python's hashlib.sha512(...).hexdigest().
        assert_eq!(
            hex(&sha512::digest(b"")),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce\
             47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        );
        assert_eq!(
            hex(&sha512::digest(b"abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
             2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
    }

    #[test]
    fn floor_div_rounds_down() {
        let d = |a: i64, b: i64| floor_div(&BigInt::from(a), &BigInt::from(b));
        assert_eq!(d(7, 2), BigInt::from(3));
        assert_eq!(d(-7, 2), BigInt::from(-4));
        assert_eq!(d(7, -2), BigInt::from(-4));
        assert_eq!(d(-7, -2), BigInt::from(3));
        assert_eq!(d(-6, 2), BigInt::from(-3));
    }
}
