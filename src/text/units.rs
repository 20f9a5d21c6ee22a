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

/// Parses `1GiB`, `512MiB`, `64KiB`, `1MB` (decimal), or a bare number of bytes.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let bad = || format!("'{text}' is not a valid size (examples: 4096, 64KiB, 1MiB, 1GiB)");
    let value: f64 = num.parse().map_err(|_| bad())?;
    let scale: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kib" => 1024.0,
        "m" | "mib" => 1024.0 * 1024.0,
        "g" | "gib" => 1024.0 * 1024.0 * 1024.0,
        "t" | "tib" => 1024.0f64.powi(4),
        "kb" => 1e3,
        "mb" => 1e6,
        "gb" => 1e9,
        "tb" => 1e12,
        _ => return Err(bad()),
    };
    let bytes = value * scale;
    if !bytes.is_finite() || !(0.0..=1.8e19).contains(&bytes) {
        return Err(bad());
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok(bytes.round() as u64)
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
    #[allow(clippy::cast_precision_loss)]
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    // Truncated, not rounded, to one decimal: 67,337 bytes is 65.7 KiB (65.76...), and a
    // value never reads as the next unit up.
    let tenths = (value * 10.0).floor() / 10.0;
    format!("{tenths:.1} {}", UNITS[unit])
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
    }
}
