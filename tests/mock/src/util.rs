//! Small helpers: SHA-1, base64, HTTP dates, percent-decoding, C `atoi` and the splitmix64 PRNG.

use std::time::{SystemTime, UNIX_EPOCH};

/// SHA-1 of `data` as 40 lower-case hex digits (used for ETags, as MaxScale does).
pub fn sha1_hex(data: &[u8]) -> String {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    let bit_len = (data.len() as u64).wrapping_mul(8);
    let mut tail = Vec::with_capacity(128);
    let full = data.len() / 64 * 64;
    tail.extend_from_slice(&data[full..]);
    tail.push(0x80);
    while tail.len() % 64 != 56 {
        tail.push(0);
    }
    tail.extend_from_slice(&bit_len.to_be_bytes());
    for block in data[..full].chunks_exact(64).chain(tail.chunks_exact(64)) {
        let mut w = [0u32; 80];
        for (i, c) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A827999),
                20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6u32),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

/// Decode standard base64 (padding optional). `None` on invalid input.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Decode unpadded base64url (JWT parts). `None` on invalid input.
pub fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    if s.contains(['+', '/', '=']) {
        return None;
    }
    base64_decode(&s.replace('-', "+").replace('_', "/"))
}

/// Encode unpadded base64url (JWT parts).
pub fn base64url_encode(data: &[u8]) -> String {
    base64_encode(data)
        .trim_end_matches('=')
        .replace('+', "-")
        .replace('/', "_")
}

/// C `atoi` as glibc has it, `(int) strtol(s, NULL, 10)`: leading white space, an optional sign,
/// digits up to the first non-digit; out-of-range values clamp to the `long` range and are then
/// truncated to `int`. `"1.5"` is 1, `"abc"` is 0, `"-3"` is -3.
pub fn atoi(s: &str) -> i32 {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
        i += 1;
    }
    let neg = match b.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let limit: i128 = 1 << 63;
    let mut v: i128 = 0;
    while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
        v = (v * 10 + i128::from(d - b'0')).min(limit);
        i += 1;
    }
    let v = if neg { -v } else { v.min(limit - 1) };
    // The truncation from `long` to `int` keeps the low 32 bits.
    v as i64 as i32
}

/// Encode standard base64 with padding.
pub fn base64_encode(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in data.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Broken-down UTC time.
#[derive(Debug, Clone, Copy)]
pub struct Tm {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub min: u32,
    pub sec: u32,
    pub wday: u32,
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Seconds since the epoch to UTC fields.
pub fn gmtime(secs: i64) -> Tm {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Tm {
        year,
        month,
        day,
        hour: (rem / 3600) as u32,
        min: (rem / 60 % 60) as u32,
        sec: (rem % 60) as u32,
        wday: (days + 4).rem_euclid(7) as u32,
    }
}

/// Seconds since the epoch, now.
pub fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// `Sat, 28 Nov 2026 09:19:55 GMT` (RFC 7231; `two_digit_year` gives MaxScale's `28 Nov 26`).
pub fn http_date(secs: i64, two_digit_year: bool) -> String {
    let t = gmtime(secs);
    let year = if two_digit_year {
        format!("{:02}", t.year.rem_euclid(100))
    } else {
        t.year.to_string()
    };
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        DAYS[t.wday as usize],
        t.day,
        MONTHS[t.month as usize - 1],
        year,
        t.hour,
        t.min,
        t.sec
    )
}

/// `Thu Jul 20 07:28:51 2023` (C `asctime`, as MaxScale ≤ 22.08 used).
pub fn asctime(secs: i64) -> String {
    let t = gmtime(secs);
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAYS[t.wday as usize],
        MONTHS[t.month as usize - 1],
        t.day,
        t.hour,
        t.min,
        t.sec,
        t.year
    )
}

/// `2026-11-28T09:19:31.886` (the `queries[].received` format).
pub fn iso_millis(millis: i64) -> String {
    let t = gmtime(millis.div_euclid(1000));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}",
        t.year,
        t.month,
        t.day,
        t.hour,
        t.min,
        t.sec,
        millis.rem_euclid(1000)
    )
}

/// `2026-11-28 09:19:31.891` (the session log line time format).
pub fn log_millis(millis: i64) -> String {
    iso_millis(millis).replacen('T', " ", 1)
}

/// Percent-decode a query component (`+` is a space, as in libmicrohttpd); invalid UTF-8 is replaced.
pub fn percent_decode(s: &str) -> String {
    decode(s, true)
}

/// Percent-decode a URL path (`+` stays `+`).
pub fn percent_decode_path(s: &str) -> String {
    decode(s, false)
}

fn decode(s: &str, plus: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            if let (Some(h), Some(l)) = (
                b.get(i + 1).copied().and_then(hex),
                b.get(i + 2).copied().and_then(hex),
            ) {
                out.push((h << 4) | l);
                i += 3;
                continue;
            }
        }
        out.push(if plus && b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// The splitmix64 PRNG: tiny, fast and deterministic per seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A random element.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_known() {
        assert_eq!(sha1_hex(b""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(sha1_hex(b"abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
        let long = vec![b'a'; 1000];
        assert_eq!(sha1_hex(&long), "291e9a6c66994949b57ba5e650361e98fc36b1ba");
    }

    #[test]
    fn base64() {
        assert_eq!(base64_encode(b"admin:mariadb"), "YWRtaW46bWFyaWFkYg==");
        assert_eq!(
            base64_decode("YWRtaW46bWFyaWFkYg==").unwrap(),
            b"admin:mariadb"
        );
        assert!(base64_decode("a b").is_none());
    }

    #[test]
    fn dates() {
        // 2026-11-28 09:19:55 UTC
        let t = 1795857595;
        assert_eq!(http_date(t, false), "Sat, 28 Nov 2026 09:19:55 GMT");
        assert_eq!(http_date(t, true), "Sat, 28 Nov 26 09:19:55 GMT");
        assert_eq!(asctime(t), "Sat Nov 28 09:19:55 2026");
        assert_eq!(iso_millis(t * 1000 + 7), "2026-11-28T09:19:55.007");
    }

    #[test]
    fn c_atoi() {
        for (s, n) in [
            ("5", 5),
            ("1.5", 1),
            ("abc", 0),
            ("", 0),
            ("-3", -3),
            ("  \t+7x", 7),
            ("0", 0),
            ("NaN", 0),
            ("- 3", 0),
            ("99999999999", 1215752191),
            ("99999999999999999999", -1),
            ("-99999999999999999999", 0),
        ] {
            assert_eq!(atoi(s), n, "{s:?}");
        }
    }

    #[test]
    fn base64url() {
        let raw = b"\xfb\xff\xfe sub?";
        let enc = base64url_encode(raw);
        assert!(!enc.contains(['+', '/', '=']));
        assert_eq!(base64url_decode(&enc).unwrap(), raw);
        assert!(base64url_decode("a+b").is_none());
    }

    #[test]
    fn decode() {
        assert_eq!(percent_decode("a%22b%5Bc%5d+d%"), "a\"b[c] d%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }
}
