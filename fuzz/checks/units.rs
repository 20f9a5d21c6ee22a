//! Durations (`--timeout`, `--rdns-timeout`, `--where idle>10m`, `watch 1s`) and sizes
//! (`--max-response-size`, `--where memory>=1MiB`): `units::parse_duration`, `units::parse_size`
//! and their formatters.
//!
//! - a parsed duration written as plain seconds (as TSV and JSON print `idle`) parses back to
//!   itself, within a nanosecond (a `Duration`'s resolution) and f64 rounding;
//! - a parsed duration in the table's human form parses back (unit by unit, `3m 12s` is `3m` +
//!   `12s`): below a minute within 0.05 s (one decimal, rounded); above, never more and less
//!   than the smaller unit shown less (`3m 12s` truncates to the second, `5h 2m` to the minute,
//!   `3d 4h` to the hour);
//! - a parsed size written as a number of bytes parses back exactly; in the human form
//!   (`65.7 KiB`, truncated to a tenth) it parses back at most a tenth of the unit less;
//! - errors are safe to print.

use std::time::Duration;

use mxs::text::units::{format_bytes, format_seconds, parse_duration, parse_size};

use super::common::{check_message, text};

/// 2^64 seconds: the first value `Duration` cannot hold.
const DURATION_LIMIT: f64 = 18_446_744_073_709_551_616.0;

pub fn check(data: &[u8]) {
    let Some(t) = text(data) else { return };
    for bare in [0.001, 1.0] {
        match parse_duration(t, bare) {
            Ok(d) => check_seconds(d.as_secs_f64()),
            Err(e) => check_message(&e),
        }
    }
    match parse_size(t) {
        Ok(n) => check_bytes(n),
        Err(e) => check_message(&e),
    }
    // values as the server sends them (JSON numbers)
    if let Ok(x) = t.trim().parse::<f64>() {
        check_seconds(x);
    }
    if let Ok(n) = t.trim().parse::<u64>() {
        check_bytes(n);
    }
}

/// Sums the parts of a human duration such as `3m 12s`.
#[must_use]
pub fn parse_human(text: &str) -> Option<Duration> {
    text.split_whitespace()
        .try_fold(Duration::ZERO, |sum, part| {
            sum.checked_add(parse_duration(part, 1.0).ok()?)
        })
}

/// The round trips of a number of seconds (a session's `idle`).
pub fn check_seconds(secs: f64) {
    let human = format_seconds(secs);
    // (-0.0 too: the parsers read no sign, and the table shows `-0.0s`)
    if !secs.is_finite() || secs.is_sign_negative() {
        assert!(
            parse_duration(&human, 1.0).is_err(),
            "{secs} parses as {human:?}"
        );
        return;
    }
    let plain = format!("{secs}");
    match parse_duration(&plain, 1.0) {
        Ok(d) => {
            let back = d.as_secs_f64();
            assert!(
                (back - secs).abs() <= 1e-9 + secs * f64::EPSILON,
                "{plain:?} parses as {back}"
            );
        }
        Err(e) => assert!(secs >= DURATION_LIMIT, "{plain:?} does not parse: {e}"),
    }
    if secs >= DURATION_LIMIT {
        // `format_seconds` saturates there; a Duration does not reach it
        return;
    }
    let back = parse_human(&human)
        .unwrap_or_else(|| panic!("{secs}: the table's {human:?} does not parse"))
        .as_secs_f64();
    if secs < 60.0 {
        assert!(
            (back - secs).abs() <= 0.05 + 1e-9,
            "{secs}: {human:?} parses as {back}"
        );
    } else {
        let unit = if secs < 3600.0 {
            1.0
        } else if secs < 86_400.0 {
            60.0
        } else {
            3600.0
        };
        let slack = secs * f64::EPSILON * 4.0;
        assert!(
            back <= secs + slack && secs - back < unit + slack,
            "{secs}: {human:?} parses as {back} (unit {unit})"
        );
    }
}

/// The round trips of a number of bytes (a session's `memory`).
pub fn check_bytes(n: u64) {
    assert_eq!(
        parse_size(&n.to_string()),
        Ok(n),
        "{n} bytes do not read back"
    );
    let human = format_bytes(n);
    let back = parse_size(&human).unwrap_or_else(|e| panic!("{n}: {human:?} does not parse: {e}"));
    let unit = match human.rsplit(' ').next() {
        Some("B") => 1,
        Some("KiB") => 1 << 10,
        Some("MiB") => 1 << 20,
        Some("GiB") => 1 << 30,
        Some("TiB") => 1 << 40,
        Some("PiB") => 1 << 50,
        other => panic!("{n}: unexpected unit {other:?} in {human:?}"),
    };
    // f64 rounding of the tenths times the unit, about 2^-50 of the value
    let slack = n >> 48;
    assert!(
        back <= n.saturating_add(slack) && n - back.min(n) <= unit / 10 + slack,
        "{n}: {human:?} parses as {back}"
    );
    if unit == 1 {
        assert_eq!(back, n, "{human:?}");
    }
}
