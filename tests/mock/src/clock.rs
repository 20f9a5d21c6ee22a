//! The mock's clock and what it does to sessions: time passes from the mock's start, so idle
//! sessions' `idle` grows, running statements complete, new statements start and complete, and
//! `seconds_alive` and `io_activity` move, as on a real MaxScale.
//!
//! Everything is a pure function of the session as the dataset holds it, the seed, and the time
//! elapsed since the start (in steps of [`TICK_MS`]): the same (seed, elapsed time) always gives
//! the same document. Nothing changes while the elapsed time is 0 and the dataset is not shifted,
//! which is how a frozen clock (`server_time`) keeps the captures byte-identical.

use crate::util::{asctime, http_date, iso_millis, log_millis};
use serde_json::{Map, Value, json};

/// Resolution of the clock as sessions see it (MaxScale's `idle` has tenths of a second).
pub const TICK_MS: i64 = 100;

/// Length of a time slot: in each slot a working session runs at most one statement.
pub const SLOT_MS: i64 = 4000;

/// `io_activity` counts the I/O of this last stretch of time (as MaxScale's DCBs do).
const IO_WINDOW_MS: i64 = 30_000;

/// The time the sessions are seen at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// Milliseconds since the mock's start (a multiple of [`TICK_MS`]).
    pub elapsed_ms: i64,
    /// Seconds added to every time the dataset holds (so that its "now" is the start).
    pub shift_secs: i64,
    /// Unix milliseconds of the start, in the dataset's (shifted) times.
    pub origin_ms: i64,
    /// How many statements a session keeps (`retain_last_statements`).
    pub retain: usize,
    /// The seed of the dataset.
    pub seed: u64,
}

impl Moment {
    /// Does nothing move (documents are exactly the dataset's)?
    pub fn is_still(&self) -> bool {
        self.elapsed_ms == 0 && self.shift_secs == 0
    }
}

fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A hash of (seed, session id, what, n).
fn hash(seed: u64, id: &str, what: u64, n: i64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in id.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    mix(h ^ mix(seed.wrapping_add(what.wrapping_mul(0x9e37_79b9_7f4a_7c15))) ^ (n as u64))
}

/// A statement a session runs in a slot: `start..end` in milliseconds from its base.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: i64,
    end: i64,
    pick: u64,
}

/// The statement of slot `k`, if the session runs one then.
fn slot_run(seed: u64, id: &str, k: i64) -> Option<Run> {
    let h = hash(seed, id, 1, k);
    if h % 100 >= 55 {
        return None;
    }
    let r = (h >> 8) % 100;
    let x = ((h >> 16) & 0xffff) as i64;
    let duration = match r {
        0..70 => 5 + x % 495,
        70..95 => 500 + x % 2000,
        _ => 2500 + x % 1000,
    };
    let start = k * SLOT_MS + ((h >> 32) as i64).rem_euclid(SLOT_MS - duration - 1);
    Some(Run {
        start,
        end: start + duration,
        pick: h >> 48,
    })
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn timegm(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> i64 {
    days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month(s: &str) -> Option<i64> {
    MONTHS.iter().position(|m| *m == s).map(|i| i as i64 + 1)
}

fn hms(s: &str) -> Option<(i64, i64, i64)> {
    let mut it = s.split(':').map(|p| p.parse::<i64>().ok());
    Some((it.next()??, it.next()??, it.next()??))
}

/// `Sat, 28 Nov 2026 09:19:31 GMT` to Unix seconds.
pub fn parse_http_date(s: &str) -> Option<i64> {
    let p: Vec<&str> = s.split_whitespace().collect();
    if p.len() != 6 || p[5] != "GMT" {
        return None;
    }
    let (h, mi, sec) = hms(p[4])?;
    Some(timegm(
        p[3].parse().ok()?,
        month(p[2])?,
        p[1].parse().ok()?,
        h,
        mi,
        sec,
    ))
}

/// `Thu Jul 20 07:28:51 2023` (C `asctime`) to Unix seconds.
pub fn parse_asctime(s: &str) -> Option<i64> {
    let p: Vec<&str> = s.split_whitespace().collect();
    if p.len() != 5 {
        return None;
    }
    let (h, mi, sec) = hms(p[3])?;
    Some(timegm(
        p[4].parse().ok()?,
        month(p[1])?,
        p[2].parse().ok()?,
        h,
        mi,
        sec,
    ))
}

/// `2026-11-28T09:19:31.886` (or with a space for the `T`) to Unix milliseconds.
pub fn parse_millis(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 23 || !matches!(b[10], b'T' | b' ') || b[19] != b'.' {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let secs = timegm(
        n(0..4)?,
        n(5..7)?,
        n(8..10)?,
        n(11..13)?,
        n(14..16)?,
        n(17..19)?,
    );
    Some(secs * 1000 + n(20..23)?)
}

/// Writes a time (Unix seconds) in one of the `connected` formats.
type Format = fn(i64) -> String;

/// The time a `connected` value stands for, and how to write another time the same way.
fn connected_secs(v: &Value) -> Option<(i64, Format)> {
    let s = v.as_str()?;
    if let Some(t) = parse_http_date(s) {
        return Some((t, |t| http_date(t, false)));
    }
    parse_asctime(s).map(|t| (t, asctime as Format))
}

/// The "now" of a session as its dataset holds it: when it connected plus how long it has been
/// alive (whole seconds).
pub fn row_now(row: &Value) -> Option<i64> {
    let a = &row["attributes"];
    let (connected, _) = connected_secs(&a["connected"])?;
    Some(connected + a["seconds_alive"].as_f64()?.round() as i64)
}

fn shift_millis_field(q: &mut Map<String, Value>, key: &str, ms: i64) {
    if let Some(t) = q.get(key).and_then(Value::as_str).and_then(parse_millis) {
        q.insert(key.into(), Value::String(iso_millis(t + ms)));
    }
}

/// Move every time of the session by `secs`.
fn shift(attrs: &mut Map<String, Value>, secs: i64) {
    if let Some((t, fmt)) = attrs.get("connected").and_then(connected_secs) {
        attrs.insert("connected".into(), Value::String(fmt(t + secs)));
    }
    if let Some(Value::Array(qs)) = attrs.get_mut("queries") {
        for q in qs.iter_mut().filter_map(Value::as_object_mut) {
            shift_millis_field(q, "received", secs * 1000);
            shift_millis_field(q, "completed", secs * 1000);
        }
    }
    if let Some(Value::Array(lines)) = attrs.get_mut("log") {
        for line in lines.iter_mut() {
            if let Some(s) = line.as_str()
                && let Some(t) = s.get(..23).and_then(parse_millis)
            {
                *line = Value::String(format!("{}{}", log_millis(t + secs * 1000), &s[23..]));
            }
        }
    }
}

fn tenths(ms: i64) -> f64 {
    (ms.max(0) / 100) as f64 / 10.0
}

/// The session `row` at `m`. `born` is the elapsed time at which a session opened by churn
/// connected (its copy of a dataset session starts afresh then).
pub fn animate(row: &mut Value, m: &Moment, born: Option<i64>) {
    if m.is_still() && born.is_none() {
        return;
    }
    let Some(id) = row["id"].as_str().map(str::to_string) else {
        return;
    };
    let Some(attrs) = row.get_mut("attributes").and_then(Value::as_object_mut) else {
        return;
    };
    shift(attrs, m.shift_secs);
    let base = born.unwrap_or(0);
    let seed = m.seed;
    let server = attrs
        .get("connections")
        .and_then(|c| c[0]["server"].as_str())
        .unwrap_or("server1")
        .to_string();
    let own: Vec<String> = attrs
        .get("queries")
        .and_then(Value::as_array)
        .map(|qs| {
            qs.iter()
                .filter_map(|q| q["statement"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if born.is_some() {
        // A new connection: nothing run yet.
        if let Some((_, fmt)) = attrs.get("connected").and_then(connected_secs) {
            let at = (m.origin_ms + base).div_euclid(1000);
            attrs.insert("connected".into(), Value::String(fmt(at)));
        }
        for (key, zero) in [
            ("idle", json!(0.0)),
            ("seconds_alive", json!(0.0)),
            ("io_activity", json!(0)),
        ] {
            if attrs.contains_key(key) {
                attrs.insert(key.into(), zero);
            }
        }
        if let Some(Value::Array(qs)) = attrs.get_mut("queries") {
            qs.clear();
        }
    }
    let t = m.elapsed_ms - base;
    if t <= 0 {
        return;
    }
    let keeps_queries = !own.is_empty() && m.retain > 0;
    // A statement that was running at the base completes a while later.
    let running = attrs
        .get("queries")
        .and_then(Value::as_array)
        .and_then(|qs| qs.last())
        .is_some_and(|q| q.get("completed").is_none() && q.get("received").is_some());
    let done_at = running.then(|| 1500 + (hash(seed, &id, 2, 0) % 6000) as i64);
    let cut = done_at.map_or(0, |d| d + 200);
    let works = running || hash(seed, &id, 3, 0) % 100 < 45;
    // The statements started by `t`, newest first: as many as the session keeps, and all those
    // of the I/O window.
    let need = if keeps_queries { m.retain } else { 1 };
    let mut runs: Vec<Run> = Vec::new();
    if works {
        let mut k = t / SLOT_MS;
        while k >= 0 && (k + 1) * SLOT_MS > cut {
            if let Some(r) = slot_run(seed, &id, k)
                && r.start <= t
                && r.start >= cut
            {
                runs.push(r);
            }
            if runs.len() >= need && t - k * SLOT_MS > IO_WINDOW_MS {
                break;
            }
            k -= 1;
        }
    }
    let at = |ms: i64| Value::String(iso_millis(m.origin_ms + base + ms));
    if let Some(Value::Array(qs)) = attrs.get_mut("queries") {
        if let Some(done) = done_at.filter(|d| *d <= t)
            && let Some(q) = qs.last_mut().and_then(Value::as_object_mut)
        {
            let received = q
                .get("received")
                .and_then(Value::as_str)
                .and_then(parse_millis);
            let completed = m.origin_ms + base + done;
            let duration = received.map_or(0, |r| (completed - r).max(0));
            q.insert("completed".into(), Value::String(iso_millis(completed)));
            q.insert(
                "responses".into(),
                json!([{"duration": duration, "server": server}]),
            );
        }
        if keeps_queries {
            for r in runs.iter().take(m.retain).rev() {
                let statement = &own[(r.pick % own.len() as u64) as usize];
                let mut q = Map::new();
                q.insert("command".into(), json!("COM_QUERY"));
                if r.end <= t {
                    q.insert("completed".into(), at(r.end));
                    q.insert("received".into(), at(r.start));
                    q.insert(
                        "responses".into(),
                        json!([{"duration": r.end - r.start, "server": server}]),
                    );
                } else {
                    q.insert("received".into(), at(r.start));
                    q.insert("responses".into(), json!([]));
                }
                q.insert("statement".into(), json!(statement));
                qs.push(Value::Object(q));
            }
            let extra = qs.len().saturating_sub(m.retain);
            qs.drain(..extra);
        }
    }
    if let Some(idle) = attrs.get("idle").and_then(Value::as_f64) {
        let idle = match (runs.first(), done_at) {
            (Some(r), _) => tenths(t - r.end),
            (None, Some(d)) => tenths(t - d),
            (None, None) => ((idle * 10.0).round() as i64 + t / 100) as f64 / 10.0,
        };
        attrs.insert("idle".into(), json!(idle));
    }
    if let Some(alive) = attrs.get("seconds_alive").and_then(Value::as_f64) {
        attrs.insert("seconds_alive".into(), json!(alive + t as f64 / 1000.0));
    }
    if let Some(io) = attrs.get("io_activity").and_then(Value::as_i64) {
        let window = t - IO_WINDOW_MS;
        let mut n = if t <= IO_WINDOW_MS { io } else { 0 };
        n += 4 * runs.iter().filter(|r| r.start > window).count() as i64;
        if done_at.is_some_and(|d| d <= t && d > window) {
            n += 2;
        }
        attrs.insert("io_activity".into(), json!(n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_formats() {
        assert_eq!(
            parse_http_date("Sat, 28 Nov 2026 09:20:00 GMT"),
            Some(1_795_857_600)
        );
        assert_eq!(parse_asctime(&asctime(1_689_837_531)), Some(1_689_837_531));
        assert_eq!(
            parse_millis("2026-11-28T09:20:00.123"),
            Some(1_795_857_600_123)
        );
        assert_eq!(
            parse_millis(&log_millis(1_795_857_600_456)),
            Some(1_795_857_600_456)
        );
    }
}
