//! Durations and byte sizes: parsing what people type (`500ms`, `2m`, `1MiB`) and printing
//! what people read (`3m 12s`, `65.7 KiB`). Owns no I/O.

use std::time::Duration;

/// Parses `500ms`, `10s`, `2m`, `1h`, `1d`, fractions (`1.5s`); a bare number counts in
/// `bare_unit` seconds (milliseconds for `--timeout`, as maxctrl; seconds for conditions).
pub fn parse_duration(text: &str, bare_unit: f64) -> Result<Duration, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    if num.is_empty() {
        return Err(format!(
            "'{text}' is not a valid duration (examples: 500ms, 10s, 2m, 1h)"
        ));
    }
    let value: f64 = num
        .parse()
        .map_err(|_| format!("'{text}' is not a valid duration (examples: 500ms, 10s, 2m, 1h)"))?;
    let scale = match unit.trim() {
        "" => bare_unit,
        "ms" => 0.001,
        "s" | "sec" => 1.0,
        "m" | "min" => 60.0,
        "h" => 3600.0,
        "d" => 86400.0,
        other => {
            return Err(format!(
                "'{other}' in '{text}' is not a valid duration unit (use ms, s, m, h or d)"
            ));
        }
    };
    Duration::try_from_secs_f64(value * scale)
        .map_err(|_| format!("'{text}' is out of range for a duration"))
}

/// Parses `1GiB`, `512MiB`, `64KiB`, `1MB` (decimal), or a bare number of bytes. Whole numbers
/// are exact (every `u64` reads back as itself); fractions are rounded to the byte.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let bad = || format!("'{text}' is not a valid size (examples: 4096, 64KiB, 1MiB, 1GiB)");
    let value: f64 = num.parse().map_err(|_| bad())?;
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "t" | "tib" => 1 << 40,
        "p" | "pib" => 1 << 50,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        "pb" => 1_000_000_000_000_000,
        _ => return Err(bad()),
    };
    if let Ok(whole) = num.parse::<u64>() {
        return whole.checked_mul(scale).ok_or_else(bad);
    }
    #[allow(clippy::cast_precision_loss)]
    let bytes = (value * scale as f64).round();
    // 2^64, the first value a u64 cannot hold
    if !(0.0..18_446_744_073_709_551_616.0).contains(&bytes) {
        return Err(bad());
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok(bytes as u64)
}

/// `0.1s`, `22.4s`, `3m 12s`, `5h 2m`, `3d 4h`: two units at most, for tables.
#[must_use]
pub fn format_seconds(secs: f64) -> String {
    if !secs.is_finite() || secs < 0.0 {
        return format!("{secs}");
    }
    if secs < 60.0 {
        return format!("{secs:.1}s");
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = secs as u64;
    let (d, h, m, s) = (
        whole / 86400,
        whole / 3600 % 24,
        whole / 60 % 60,
        whole % 60,
    );
    if d > 0 {
        format!("{d}d {h}h")
    } else if h > 0 {
        format!("{h}h {m}m")
    } else {
        format!("{m}m {s}s")
    }
}

/// `662 B`, `65.7 KiB`, `1.2 MiB`, `3.0 GiB`.
#[must_use]
pub fn format_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let (mut unit, mut div) = (0, 1024u64);
    while bytes / div >= 1024 && unit + 1 < UNITS.len() {
        div *= 1024;
        unit += 1;
    }
    // Truncated, not rounded, to one decimal, in integers: 67,337 bytes is 65.7 KiB
    // (65.76...), and a value never reads as more than it is (u64::MAX is 16383.9 PiB).
    let tenths = u128::from(bytes) * 10 / u128::from(div);
    format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_units_and_bare_milliseconds() {
        assert_eq!(
            parse_duration("500ms", 0.001),
            Ok(Duration::from_millis(500))
        );
        assert_eq!(parse_duration("10s", 0.001), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("2m", 0.001), Ok(Duration::from_secs(120)));
        // maxctrl's 1h is 24 minutes; ours is an hour.
        assert_eq!(parse_duration("1h", 0.001), Ok(Duration::from_secs(3600)));
        assert_eq!(
            parse_duration("1500", 0.001),
            Ok(Duration::from_millis(1500))
        );
        assert_eq!(parse_duration("600", 1.0), Ok(Duration::from_secs(600)));
        assert_eq!(parse_duration("1.5s", 1.0), Ok(Duration::from_millis(1500)));
        let err = parse_duration("5x", 0.001).unwrap_err();
        assert!(err.contains("'x' in '5x'"), "{err}");
        assert!(parse_duration("abc", 0.001).is_err());
        assert!(parse_duration("", 0.001).is_err());
        assert!(parse_duration("-1s", 0.001).is_err());
    }

    #[test]
    fn sizes_parse_binary_and_decimal_units() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("1KiB"), Ok(1024));
        assert_eq!(parse_size("1MiB"), Ok(1 << 20));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("1.5 KiB"), Ok(1536));
        assert_eq!(parse_size("1MB"), Ok(1_000_000));
        assert_eq!(parse_size("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(parse_size("9007199254740993"), Ok((1 << 53) + 1));
        assert!(parse_size("18446744073709551616").is_err());
        assert!(parse_size("16384PiB").is_err());
        // what format_bytes prints reads back
        assert_eq!(parse_size("1.5 PiB"), Ok(3 << 49));
        assert!(parse_size("16383.9 PiB").is_ok());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("1XB").is_err());
    }

    #[test]
    fn seconds_format_for_people() {
        assert_eq!(format_seconds(0.0), "0.0s");
        assert_eq!(format_seconds(22.4), "22.4s");
        assert_eq!(format_seconds(192.0), "3m 12s");
        assert_eq!(format_seconds(3.0 * 3600.0 + 720.0), "3h 12m");
        assert_eq!(format_seconds(2.0 * 86400.0 + 3600.0 * 5.0), "2d 5h");
    }

    #[test]
    fn bytes_format_for_people() {
        assert_eq!(format_bytes(662), "662 B");
        assert_eq!(format_bytes(67_337), "65.7 KiB");
        assert_eq!(format_bytes(1_048_575), "1023.9 KiB");
        assert_eq!(format_bytes(1 << 20), "1.0 MiB");
        assert_eq!(format_bytes(3 << 30), "3.0 GiB");
        assert_eq!(format_bytes(u64::MAX), "16383.9 PiB");
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// Number-and-unit shaped text, where the parsers' edge cases are.
    fn unitish() -> impl Strategy<Value = String> {
        "[0-9.]{0,25}[ ]?(ms|s|sec|m|min|h|d|b|k|kib|MiB|g|gb|TiB|pib|PB|x|é|)[ .0-9]{0,3}"
    }

    /// Sums the parts of a table duration such as `3m 12s`.
    fn parse_human(text: &str) -> Option<Duration> {
        text.split_whitespace()
            .try_fold(Duration::ZERO, |sum, part| {
                sum.checked_add(parse_duration(part, 1.0).ok()?)
            })
    }

    /// The unit `format_bytes` chose, in bytes.
    fn unit_of(human: &str) -> u64 {
        match human.rsplit(' ').next() {
            Some("KiB") => 1 << 10,
            Some("MiB") => 1 << 20,
            Some("GiB") => 1 << 30,
            Some("TiB") => 1 << 40,
            Some("PiB") => 1 << 50,
            _ => 1,
        }
    }

    proptest! {
        #[test]
        fn no_string_makes_the_parsers_panic(s in any::<String>(), u in unitish()) {
            for t in [&s, &u] {
                let _ = parse_duration(t, 0.001);
                let _ = parse_duration(t, 1.0);
                let _ = parse_size(t);
            }
        }

        /// Seconds as TSV and JSON print them (`idle`) parse back within a nanosecond, a
        /// `Duration`'s resolution (and f64 rounding).
        #[test]
        fn plain_seconds_round_trip(secs in 0.0f64..1e15) {
            let d = parse_duration(&format!("{secs}"), 1.0).unwrap();
            prop_assert!((d.as_secs_f64() - secs).abs() <= 1e-9 + secs * f64::EPSILON);
        }

        /// The table's form is lossy, and this is exactly how: below a minute it is rounded to
        /// a tenth of a second; above, it shows two units, truncated to the smaller one
        /// (`3m 12s`, `5h 2m`, `3d 4h`). `parse_duration` reads one unit at a time, so the
        /// parts are parsed and added up.
        #[test]
        fn table_durations_parse_back_within_their_rounding(secs in 0.0f64..1e12) {
            let human = format_seconds(secs);
            let back = parse_human(&human).unwrap().as_secs_f64();
            if secs < 60.0 {
                prop_assert!((back - secs).abs() <= 0.05 + 1e-9, "{} -> {} -> {}", secs, human, back);
            } else {
                let unit = if secs < 3600.0 { 1.0 } else if secs < 86_400.0 { 60.0 } else { 3600.0 };
                prop_assert!(back <= secs && secs - back < unit, "{} -> {} -> {}", secs, human, back);
            }
        }

        /// A number of bytes (TSV's `memory`) reads back exactly, and with a unit it is exact
        /// whenever the product fits.
        #[test]
        fn byte_counts_round_trip_exactly(n in any::<u64>(), k in 0usize..6) {
            prop_assert_eq!(parse_size(&n.to_string()), Ok(n));
            let (unit, scale) = [("", 1u64), ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("TiB", 1 << 40), ("PiB", 1 << 50)][k];
            let small = n >> (10 * k);
            prop_assert_eq!(parse_size(&format!("{small}{unit}")), Ok(small * scale));
        }

        /// The table's sizes are truncated to a tenth of their unit: they parse back to at most
        /// the value and at most a tenth of the unit less (give or take the f64 rounding of
        /// the fraction, 2^-48 of the value).
        #[test]
        fn table_sizes_parse_back_within_a_tenth_of_their_unit(n in prop_oneof![any::<u64>(), 0u64..1 << 40]) {
            let human = format_bytes(n);
            let back = parse_size(&human).unwrap();
            let (unit, slack) = (unit_of(&human), n >> 48);
            prop_assert!(back <= n + slack.min(u64::MAX - n), "{} -> {} -> {}", n, human, back);
            prop_assert!(n - back.min(n) <= unit / 10 + slack, "{} -> {} -> {}", n, human, back);
        }
    }
}
