//! MaxScale's `connected` timestamps: the HTTP-date of 23.02 and later (`Fri, 05 Jan 2024
//! 07:24:06 GMT`, UTC) and the `asctime` form of 22.08 and earlier (`Thu Jul 20 07:28:51 2023`,
//! the server's local time, no zone). Parsed by hand into civil fields; printed the same way
//! whatever the locale or `TZ` (maxctrl's output depends on both).

/// This machine's clock: seconds since the Unix epoch (0 before it). The one place mxs reads
/// the time of day.
#[must_use]
pub fn now_unix() -> i64 {
    now_millis() / 1000
}

/// This machine's clock: milliseconds since the Unix epoch (0 before it).
#[must_use]
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// A parsed timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// True for the HTTP-date form (GMT); false for asctime (server-local, zone unknown).
    pub utc: bool,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month(s: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(s))
        .map(|i| i as u32 + 1)
}

/// The first `N` words of `text` split as [`str::split_whitespace`] splits it, and whether
/// there were more. Without a heap allocation, and without decoding characters when the text is
/// ASCII (all of it from MaxScale): there only the vertical tab, which `split_ascii_whitespace`
/// keeps, tells the two apart.
fn words<const N: usize>(text: &str) -> ([&str; N], usize, bool) {
    fn fill<'a, const N: usize>(it: impl Iterator<Item = &'a str>) -> ([&'a str; N], usize, bool) {
        let mut out = [""; N];
        let mut n = 0;
        for word in it {
            if n == N {
                return (out, n, true);
            }
            out[n] = word;
            n += 1;
        }
        (out, n, false)
    }
    if text.bytes().all(|b| b.is_ascii() && b != 0x0b) {
        fill(text.split_ascii_whitespace())
    } else {
        fill(text.split_whitespace())
    }
}

fn hms(s: &str) -> Option<(u32, u32, u32)> {
    let mut it = s.split(':').map(|p| p.parse::<u32>().ok());
    let (h, m, sec) = (it.next()??, it.next()??, it.next()??);
    (it.next().is_none() && h < 24 && m < 60 && sec < 61).then_some((h, m, sec))
}

impl Stamp {
    /// Parses either form; None for anything else.
    #[must_use]
    pub fn parse(text: &str) -> Option<Stamp> {
        Stamp::http_date_exact(text.as_bytes()).or_else(|| Stamp::parse_words(text))
    }

    /// The HTTP-date form exactly as MaxScale writes it (`Fri, 05 Jan 2024 07:24:06 GMT`:
    /// every field at its place), read at those places: what [`Stamp::parse_words`] gives for
    /// it, without splitting into words. `None` for anything else, which that reads.
    fn http_date_exact(t: &[u8]) -> Option<Stamp> {
        if t.len() != 29
            || !t[..3].iter().all(u8::is_ascii_alphabetic)
            || &t[3..5] != b", "
            || [7, 11, 16].iter().any(|&k| t[k] != b' ')
            || t[19] != b':'
            || t[22] != b':'
            || t[25] != b' '
            || !matches!(&t[26..], b"GMT" | b"UTC")
        {
            return None;
        }
        let number = |range: std::ops::Range<usize>| {
            t[range].iter().try_fold(0u32, |n, b| {
                b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
            })
        };
        let (day, year) = (number(5..7)?, number(12..16)?);
        let (hour, minute, second) = (number(17..19)?, number(20..22)?, number(23..25)?);
        let month = month(std::str::from_utf8(&t[8..11]).ok()?)?;
        ((1..=31).contains(&day) && hour < 24 && minute < 60 && second < 61).then_some(Stamp {
            year: i64::from(year),
            month,
            day,
            hour,
            minute,
            second,
            utc: true,
        })
    }

    /// Either form, split into words as [`str::split_whitespace`] splits.
    fn parse_words(text: &str) -> Option<Stamp> {
        let (parts, n, more) = words::<6>(text);
        if more {
            return None;
        }
        let (day, mon, year, time, utc) = match &parts[..n] {
            // Fri, 05 Jan 2024 07:24:06 GMT
            [wd, d, m, y, t, "GMT" | "UTC"] if wd.ends_with(',') => (*d, *m, *y, *t, true),
            // Thu Jul 20 07:28:51 2023
            [_, m, d, t, y] => (*d, *m, *y, *t, false),
            _ => return None,
        };
        let (hour, minute, second) = hms(time)?;
        let day: u32 = day.parse().ok()?;
        let month = month(mon)?;
        let year: i64 = year.parse().ok()?;
        if !(1..=31).contains(&day) || year.unsigned_abs() > 9999 {
            return None;
        }
        Some(Stamp {
            year,
            month,
            day,
            hour,
            minute,
            second,
            utc,
        })
    }

    /// An HTTP `Date` header: the HTTP-date form only, with MaxScale's two-digit year
    /// (`Sat, 28 Nov 26 09:19:54 GMT`) read as 20YY (19YY from 70).
    #[must_use]
    pub fn parse_http_date(text: &str) -> Option<Stamp> {
        let mut stamp = Stamp::parse(text).filter(|s| s.utc)?;
        let two_digits = text.split_whitespace().nth(3).is_some_and(|y| y.len() == 2);
        if two_digits {
            stamp.year += if stamp.year < 70 { 2000 } else { 1900 };
        }
        Some(stamp)
    }

    /// RFC 3339: `2024-01-05T07:24:06Z`, or without an offset for the zoneless asctime form.
    #[must_use]
    pub fn rfc3339(&self) -> String {
        let mut out = Vec::with_capacity(20);
        let _ = self.write_rfc3339(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// [`Stamp::rfc3339`] written straight to `out`.
    pub fn write_rfc3339(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut buf = [0u8; 20];
        match self.civil(b'T', &mut buf) {
            Some(text) => {
                out.write_all(text)?;
                if self.utc {
                    out.write_all(b"Z")?;
                }
                Ok(())
            }
            None => write!(
                out,
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
                self.year,
                self.month,
                self.day,
                self.hour,
                self.minute,
                self.second,
                if self.utc { "Z" } else { "" }
            ),
        }
    }

    /// The time of day: `07:24:06`.
    #[must_use]
    pub fn time_of_day(&self) -> String {
        format!("{:02}:{:02}:{:02}", self.hour, self.minute, self.second)
    }

    /// For tables: `2024-01-05 07:24:06`.
    #[must_use]
    pub fn display(&self) -> String {
        let mut buf = [0u8; 20];
        match self.civil(b' ', &mut buf) {
            Some(text) => String::from_utf8_lossy(text).into_owned(),
            None => format!(
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                self.year, self.month, self.day, self.hour, self.minute, self.second
            ),
        }
    }

    /// `YYYY-MM-DD?hh:mm:ss` with `sep` between date and time, digit by digit (the formatter's
    /// padding costs more than the rest of a table row); `None` for a year outside 0 to 9999
    /// or a field of more than two digits, which the formatter writes.
    fn civil<'b>(&self, sep: u8, buf: &'b mut [u8; 20]) -> Option<&'b [u8]> {
        let year = u32::try_from(self.year).ok().filter(|y| *y <= 9999)?;
        let two = |v: u32| (v < 100).then(|| [b'0' + (v / 10) as u8, b'0' + (v % 10) as u8]);
        let fields = [
            two(self.month)?,
            two(self.day)?,
            two(self.hour)?,
            two(self.minute)?,
            two(self.second)?,
        ];
        let digit = |v: u32| b'0' + (v % 10) as u8;
        buf[..4].copy_from_slice(&[
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
        ]);
        for (k, (field, before)) in fields.iter().zip([b'-', b'-', sep, b':', b':']).enumerate() {
            let at = 4 + 3 * k;
            buf[at] = before;
            buf[at + 1..at + 3].copy_from_slice(field);
        }
        Some(&buf[..19])
    }

    /// The UTC time `secs` seconds after the Unix epoch.
    #[must_use]
    pub fn from_unix(secs: i64) -> Stamp {
        let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
        let (year, month, day) = civil_from_days(days);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Stamp {
            year,
            month,
            day,
            hour: (rem / 3600) as u32,
            minute: (rem / 60 % 60) as u32,
            second: (rem % 60) as u32,
            utc: true,
        }
    }

    /// The current time, UTC.
    #[must_use]
    pub fn now() -> Stamp {
        Stamp::from_unix(now_unix())
    }

    /// Seconds since the Unix epoch, treating the fields as UTC.
    #[must_use]
    pub fn unix(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date `days` days after 1970-01-01 (the inverse of
/// [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (y, m as u32, d as u32)
}

/// Milliseconds since the epoch (fields read as UTC) of a query timestamp such as
/// `2026-11-28T09:19:32.382` (server local time, no zone): only differences are meaningful.
#[must_use]
pub fn query_millis(text: &str) -> Option<i64> {
    let (date, time) = text.split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, mo, day) = (d.next()??, d.next()??, d.next()??);
    if y.unsigned_abs() > 9999 {
        return None;
    }
    let (clock, frac) = time.split_once('.').unwrap_or((time, "0"));
    let (h, mi, s) = hms(clock)?;
    let ms: i64 = format!("{frac:0<3}").get(..3)?.parse().ok()?;
    let month = u32::try_from(mo).ok().filter(|m| (1..=12).contains(m))?;
    let day = u32::try_from(day).ok()?;
    Some(
        (days_from_civil(y, month, day) * 86400
            + i64::from(h) * 3600
            + i64::from(mi) * 60
            + i64::from(s))
            * 1000
            + ms,
    )
}

/// `2024-01-05T07:24:06Z`, `2024-01-05 07:24:06` or `2024-01-05`, read as UTC.
#[must_use]
pub fn parse_utc_time(v: &str) -> Option<i64> {
    let v = v.trim().trim_end_matches('Z');
    let (date, clock) = v.split_once(['T', ' ']).unwrap_or((v, "00:00:00"));
    let mut d = date.split('-');
    let (y, m, day): (i64, _, _) = (
        d.next()?.parse().ok()?,
        d.next()?.parse().ok()?,
        d.next()?.parse().ok()?,
    );
    // as `Stamp::parse`: larger years overflow `Stamp::unix`
    if y.unsigned_abs() > 9999 {
        return None;
    }
    let mut c = clock.split(':').map(|p| p.parse::<u32>().ok());
    let (h, mi, s) = (
        c.next()??,
        c.next().flatten().unwrap_or(0),
        c.next().flatten().unwrap_or(0),
    );
    let stamp = Stamp {
        year: y,
        month: m,
        day,
        hour: h,
        minute: mi,
        second: s,
        utc: true,
    };
    ((1..=12).contains(&m) && (1..=31).contains(&day)).then(|| stamp.unix())
}

/// Unix seconds of a line of MaxScale's log (`2026-12-07 03:51:09`, with `.mmm` when
/// `ms_timestamp` is on, perhaps trailing spaces from the journal): the server's local time,
/// read with its UTC offset in seconds.
#[must_use]
pub fn log_unix(text: &str, utc_offset: i64) -> Option<i64> {
    let text = text.trim();
    let (date, clock) = text.split_once(' ')?;
    let millis = query_millis(&format!("{date}T{}", clock.trim_start()))?;
    Some(millis.div_euclid(1000) - utc_offset)
}

/// A UTC offset, in seconds: `+02:00`, `-05:00`, `+0530`, `+2`, `Z`, `UTC` (zones reach from
/// -12:00 to +14:00).
pub fn parse_utc_offset(text: &str) -> Result<i64, String> {
    let t = text.trim();
    let bad = || format!("'{t}' is not a UTC offset (write +02:00, -05:00 or UTC)");
    if t.eq_ignore_ascii_case("z") || t.eq_ignore_ascii_case("utc") || t == "0" {
        return Ok(0);
    }
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'+') => (1, &t[1..]),
        Some(b'-') => (-1, &t[1..]),
        _ => return Err(bad()),
    };
    // digits and a colon only: `split_at` below must not cut a multi-byte character
    if !rest.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return Err(bad());
    }
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() == 4 => rest.split_at(2),
        None => (rest, "0"),
    };
    let digits = |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return Err(bad());
    }
    let (h, m): (i64, i64) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    let secs = sign * (h * 3600 + m * 60);
    if m >= 60 || !(-12 * 3600..=14 * 3600).contains(&secs) {
        return Err(format!(
            "'{t}' is not a UTC offset (zones reach from -12:00 to +14:00)"
        ));
    }
    Ok(secs)
}

/// A UTC offset as `+02:00`.
#[must_use]
pub fn format_utc_offset(secs: i64) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    format!("{sign}{:02}:{:02}", a / 3600, a / 60 % 60)
}

/// `connected` for TSV: RFC 3339 when it parses, else the text as sent.
#[must_use]
pub fn rfc3339_or_raw(text: &str) -> String {
    Stamp::parse(text).map_or_else(|| text.to_string(), |s| s.rfc3339())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_times_read_as_the_server_s_local_time() {
        // 2026-12-07 03:51:09 UTC
        assert_eq!(log_unix("2026-12-07 03:51:09", 0), Some(1_796_615_469));
        assert_eq!(
            log_unix("2026-12-07 03:51:09.999   ", 0),
            Some(1_796_615_469)
        );
        assert_eq!(log_unix("2026-12-07 05:51:09", 7200), Some(1_796_615_469));
        assert_eq!(log_unix("2026-12-07", 0), None);
        assert_eq!(log_unix("yesterday at noon", 0), None);
        assert_eq!(parse_utc_time("2026-12-07T03:51:09Z"), Some(1_796_615_469));
        assert_eq!(parse_utc_time("2026-12-07 03:51"), Some(1_796_615_460));
    }

    /// The digit-by-digit writer gives what the formatter gives, for every year it takes and
    /// the ones it leaves to the formatter (negative, five digits, fields past 99).
    #[test]
    fn times_written_digit_by_digit_read_as_the_formatter_writes_them() {
        for year in [-12345, -1, 0, 7, 99, 1970, 2024, 9999, 10_000, 123_456] {
            for (month, day, hour, minute, second) in [
                (1, 5, 7, 24, 6),
                (12, 31, 23, 59, 59),
                (0, 0, 0, 0, 0),
                (100, 7, 250, 9, 61),
            ] {
                for utc in [true, false] {
                    let st = Stamp {
                        year,
                        month,
                        day,
                        hour,
                        minute,
                        second,
                        utc,
                    };
                    let date = format!("{year:04}-{month:02}-{day:02}");
                    let time = format!("{hour:02}:{minute:02}:{second:02}");
                    assert_eq!(st.display(), format!("{date} {time}"));
                    let z = if utc { "Z" } else { "" };
                    assert_eq!(st.rfc3339(), format!("{date}T{time}{z}"));
                }
            }
        }
    }

    #[test]
    fn utc_offsets() {
        for (t, secs) in [
            ("+02:00", 7200),
            ("-05:00", -18000),
            ("+0530", 19800),
            ("+2", 7200),
            ("-00:30", -1800),
            ("UTC", 0),
            ("Z", 0),
            (" +14:00 ", 50400),
        ] {
            assert_eq!(parse_utc_offset(t), Ok(secs), "{t}");
        }
        for bad in [
            "",
            "2",
            "+",
            "+15:00",
            "-13:00",
            "+02:60",
            "+1:2:3",
            "+abc",
            "+123",
            "EET",
            "+0\u{36c}a",
            "+é:00",
            "-00:é",
        ] {
            assert!(parse_utc_offset(bad).is_err(), "{bad}");
        }
        assert_eq!(format_utc_offset(19800), "+05:30");
        assert_eq!(format_utc_offset(-18000), "-05:00");
        assert_eq!(format_utc_offset(0), "+00:00");
    }

    #[test]
    fn date_headers_with_two_and_four_digit_years() {
        let a = Stamp::parse_http_date("Sat, 28 Nov 26 09:19:54 GMT").unwrap();
        assert_eq!(a.rfc3339(), "2026-11-28T09:19:54Z");
        let b = Stamp::parse_http_date("Sat, 28 Nov 2026 09:19:54 GMT").unwrap();
        assert_eq!(a, b);
        assert_eq!(
            Stamp::parse_http_date("Thu, 01 Jan 70 00:00:00 GMT")
                .unwrap()
                .unix(),
            0
        );
        assert_eq!(Stamp::parse_http_date("Thu Jul 20 07:28:51 2023"), None);
        assert_eq!(Stamp::parse_http_date("yesterday"), None);
    }

    #[test]
    fn unix_times_round_trip_through_civil_fields() {
        assert_eq!(Stamp::from_unix(0).rfc3339(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Stamp::from_unix(1_704_439_446).rfc3339(),
            "2024-01-05T07:24:06Z"
        );
        assert_eq!(
            Stamp::from_unix(951_782_400).rfc3339(),
            "2000-02-29T00:00:00Z"
        );
        for secs in [-86_401, -1, 0, 59, 86_399, 951_868_799, 4_102_444_800] {
            assert_eq!(Stamp::from_unix(secs).unix(), secs);
        }
    }

    #[test]
    fn words_split_as_split_whitespace_does() {
        for text in [
            "Thu Jul 20 07:28:51 2023",
            "  Fri,\t05 Jan\n2024 07:24:06 GMT ",
            "a\x0bb c",
            "a\u{a0}b\u{2003}c d",
            "",
            "1 2 3 4 5 6 7",
        ] {
            let all: Vec<&str> = text.split_whitespace().collect();
            let (first, n, more) = words::<6>(text);
            assert_eq!(&first[..n], &all[..all.len().min(6)], "{text:?}");
            assert_eq!(more, all.len() > 6, "{text:?}");
        }
        assert!(Stamp::parse("Thu Jul 20 07:28:51 2023 x").is_none());
        assert!(Stamp::parse("Thu Jul 20\x0b07:28:51 2023").is_some());
        assert_eq!(month("jUl"), Some(7));
    }

    #[test]
    fn http_date_is_utc() {
        let s = Stamp::parse("Fri, 05 Jan 2024 07:24:06 GMT").unwrap();
        assert_eq!(s.rfc3339(), "2024-01-05T07:24:06Z");
        assert_eq!(s.display(), "2024-01-05 07:24:06");
        assert_eq!(s.unix(), 1_704_439_446);
    }

    #[test]
    fn asctime_has_no_offset() {
        let s = Stamp::parse("Thu Jul 20 07:28:51 2023").unwrap();
        assert_eq!(s.rfc3339(), "2023-07-20T07:28:51");
        assert!(!s.utc);
        assert_eq!(
            Stamp::parse("Mon Jul  3 11:10:39 2017").unwrap().rfc3339(),
            "2017-07-03T11:10:39"
        );
    }

    #[test]
    fn query_timestamps_give_durations() {
        let a = query_millis("2026-11-28T09:19:32.382").unwrap();
        let b = query_millis("2026-11-28T09:19:33.5").unwrap();
        assert_eq!(b - a, 1118);
        assert_eq!(query_millis("nope"), None);
        assert_eq!(query_millis("99999999999999-01-01T00:00:00.000"), None);
        assert_eq!(
            Stamp::parse("Fri, 05 Jan -9223372036854775808 07:24:06 GMT"),
            None
        );
    }

    #[test]
    fn garbage_is_kept_raw() {
        assert_eq!(Stamp::parse("yesterday"), None);
        assert_eq!(Stamp::parse("Fri, 45 Jan 2024 07:24:06 GMT"), None);
        assert_eq!(Stamp::parse("Fri, 05 Foo 2024 07:24:06 GMT"), None);
        assert_eq!(rfc3339_or_raw("soon"), "soon");
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// Read at its places, an HTTP-date is what splitting it into words reads, or is left
        /// to that: every field is drawn from values on both sides of its limits.
        #[test]
        fn http_dates_read_at_their_places_as_in_words(
            wd in prop::sample::select(vec!["Fri", "mon", "F i"]),
            sep in prop::sample::select(vec![", ", ",,"]),
            day in prop::sample::select(vec!["00", "01", "05", "31", "32", " 5"]),
            mon in prop::sample::select(vec!["Jan", "dec", "Foo"]),
            year in prop::sample::select(vec!["2024", "0000", "20 4"]),
            hour in prop::sample::select(vec!["00", "23", "24", "2a"]),
            min in prop::sample::select(vec!["00", "59", "60"]),
            sec in prop::sample::select(vec!["00", "60", "61"]),
            zone in prop::sample::select(vec!["GMT", "UTC", "gmt"]),
        ) {
            let t = format!("{wd}{sep}{day} {mon} {year} {hour}:{min}:{sec} {zone}");
            if let Some(exact) = Stamp::http_date_exact(t.as_bytes()) {
                prop_assert_eq!(Some(exact), Stamp::parse_words(&t), "{}", t);
            }
        }
    }

    proptest! {
        #[test]
        fn no_string_makes_the_parsers_panic(s in any::<String>(), t in "[A-Za-z]{0,4},? ?-?[0-9]{0,20} [A-Za-z]{0,4} -?[0-9]{0,20} [0-9:.]{0,12} (GMT|UTC|)") {
            for text in [&s, &t] {
                if let Some(st) = Stamp::parse(text) {
                    let _ = (st.unix(), st.rfc3339(), st.display());
                }
                let _ = query_millis(text);
                let _ = rfc3339_or_raw(text);
            }
        }

        /// An HTTP-date or asctime written from valid fields parses back to those fields.
        #[test]
        fn written_stamps_parse_back(
            year in -9999i64..=9999, month in 1u32..=12, day in 1u32..=31,
            hour in 0u32..24, minute in 0u32..60, second in 0u32..61, utc in any::<bool>(),
        ) {
            let mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month as usize - 1];
            let text = if utc {
                format!("Fri, {day:02} {mon} {year} {hour:02}:{minute:02}:{second:02} GMT")
            } else {
                format!("Fri {mon} {day:2} {hour:02}:{minute:02}:{second:02} {year}")
            };
            let want = Stamp { year, month, day, hour, minute, second, utc };
            prop_assert_eq!(Stamp::parse(&text), Some(want));
        }
    }
}
