//! Deterministic generation of realistic (or hostile, `--evil`) sessions in any version's shape.

use crate::config::Version;
use crate::json::LINK;
use crate::util::{Rng, asctime, http_date, iso_millis, log_millis};
use serde_json::{Map, Value, json};
use std::collections::HashSet;

/// The fixed "now" of generated data: 2026-11-28 09:20:00 UTC (as in the real capture).
pub(crate) const NOW: i64 = 1_795_857_600;

const SERVICES: [&str; 3] = [
    "RW-Split-Router",
    "Read-Connection-Router",
    "Analytics-Service",
];
const SERVERS: [&str; 4] = ["server1", "server2", "server3", "server4"];
const USERS: [&str; 12] = [
    "maxuser",
    "app",
    "reporting",
    "etl_loader",
    "admin_ro",
    "webapp",
    "analytics",
    "backup",
    "monitor",
    "dev_alice",
    "dev_bob",
    "svc-billing",
];
const STATEMENTS: [&str; 10] = [
    "SELECT 1",
    "SELECT @@version",
    "SELECT NOW()",
    "SELECT * FROM t1",
    "SELECT id, name FROM customers WHERE id = 42",
    "UPDATE orders SET status = 'shipped' WHERE id = 1001",
    "INSERT INTO audit_log (event, created) VALUES ('login', NOW())",
    "BEGIN",
    "COMMIT",
    "SELECT COUNT(*) FROM orders o JOIN customers c ON o.customer_id = c.id WHERE c.region = 'EU'",
];
const PROGRAMS: [&str; 5] = ["mysql", "mariadb", "php", "python3", "attrclient"];

/// Hostile strings used by `--evil`.
pub const EVIL: [&str; 14] = [
    "\u{1b}[31mred\u{1b}[0m",
    "\u{1b}]52;c;ZXZpbCBjbGlwYm9hcmQ=\u{7}",
    "csi\u{9b}31mC1\u{9c}",
    "del\u{7f}del",
    "\u{202e}gnp.exe",
    "\u{2066}iso\u{2067}late\u{2068}d\u{2069}",
    "zero\u{200b}width\u{200c}\u{200d}\u{feff}",
    "line1\nline2\r\n\ttabbed",
    "x\nmxs: error: fake error line\n",
    "C:\\path\\to\\file \\n not a newline \\",
    "SELECT *\nFROM users\nWHERE name = '\u{1b}[2J'\n-- bye",
    "\u{1b}[2J\u{1b}[H\u{1b}[?25l",
    "bell\u{7}back\u{8}space\u{0}nul",
    "quote\"and'single\u{1b}]8;;http://evil.invalid\u{7}link\u{1b}]8;;\u{7}",
];

/// Generates `n` sessions with ids `1..=n`, served in a seeded shuffled order.
#[derive(Debug)]
pub struct Generator {
    seed: u64,
    version: Version,
    evil: bool,
    order: Vec<u32>,
    addresses: Vec<String>,
}

impl Generator {
    /// A generator of `n` sessions using `k` distinct client addresses (default `min(n, 1000)`).
    pub fn new(n: usize, seed: u64, k: Option<usize>, version: Version, evil: bool) -> Self {
        let mut rng = Rng::new(seed ^ 0x5E55_1095);
        let mut order: Vec<u32> = (1..=n as u32).collect();
        for i in (1..order.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            order.swap(i, j);
        }
        let k = k.unwrap_or(n.min(1000)).min(n).max(1);
        Generator {
            seed,
            version,
            evil,
            order,
            addresses: addresses(k, &mut rng),
        }
    }

    /// Number of sessions.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Session ids in list order.
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// Session `id` (1-based) in the configured version's shape, with [`LINK`]-marked links.
    pub fn session(&self, id: u64) -> Value {
        let mut rng = Rng::new(self.seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ id);
        rng.next_u64();
        let remote = self.addresses[((id - 1) % self.addresses.len() as u64) as usize].clone();
        let mut v = session_24_02(id, remote, &mut rng);
        if self.evil {
            make_evil(&mut v, id);
        }
        downgrade(&mut v, self.version, &mut rng);
        if let Some(Value::Array(log)) = v.pointer_mut("/attributes/log") {
            log.truncate(self.version.session_trace_lines());
        }
        v
    }
}

fn addresses(k: usize, rng: &mut Rng) -> Vec<String> {
    let mut set = HashSet::new();
    let mut out = Vec::with_capacity(k);
    let mut push = |a: String, out: &mut Vec<String>| {
        if set.insert(a.clone()) {
            out.push(a);
            true
        } else {
            false
        }
    };
    push("127.0.0.1".to_string(), &mut out);
    if k > 8 {
        push("::ffff:127.0.0.1".to_string(), &mut out);
    }
    let nets = ["192.0.2", "198.51.100", "203.0.113"];
    let mut misses = 0;
    while out.len() < k {
        let v4 = format!("{}.{}", rng.pick(&nets), rng.range(1, 254));
        let kind = if misses > 20 { 9 } else { rng.below(10) };
        let a = match kind {
            0..=4 => v4,
            5..=6 => format!("::ffff:{v4}"),
            _ => format!(
                "2001:db8:{:x}:{:x}::{:x}",
                rng.below(0x10000),
                rng.below(0x10000),
                rng.range(1, 0xffff)
            ),
        };
        if push(a, &mut out) {
            misses = 0;
        } else {
            misses += 1;
        }
    }
    out.truncate(k);
    out
}

fn real(rng: &mut Rng, max: f64) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * max
}

fn session_24_02(id: u64, remote: String, rng: &mut Rng) -> Value {
    let service = match rng.below(10) {
        0..=4 => SERVICES[0],
        5..=7 => SERVICES[1],
        _ => SERVICES[2],
    };
    let alive = 0.5 + real(rng, 3.0 * 86400.0);
    let start_ms = (NOW as f64 * 1000.0 - alive * 1000.0) as i64;
    let busy = rng.chance(10);
    let tls = rng.chance(15);
    let cipher = if tls { "TLS_AES_256_GCM_SHA384" } else { "" };

    let mut servers: Vec<&str> = SERVERS.to_vec();
    for i in (1..servers.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        servers.swap(i, j);
    }
    servers.truncate(rng.range(1, 3) as usize);
    let connections: Vec<Value> = servers
        .iter()
        .map(|s| json!({"cipher": cipher, "connection_id": rng.range(10, 500_000), "server": s}))
        .collect();

    let mut backends = Map::new();
    let mut buffers_total = 0;
    for s in &servers {
        let misc = rng.range(600, 700);
        let readq = if rng.chance(10) { 16384 } else { 0 };
        buffers_total += misc + readq;
        backends.insert(
            s.to_string(),
            json!({"misc": misc, "readq": readq, "total": misc + readq, "writeq": 0}),
        );
    }
    let cmisc = rng.range(600, 700);
    let creadq = if rng.chance(30) { 65536 } else { 0 };
    buffers_total += cmisc + creadq;

    // Queries, oldest first.
    let nq = *rng.pick(&[1, 1, 1, 1, 2, 2, 2, 3, 4, 5]);
    let max_log = *rng.pick(&[0, 0, 1, 1, 2, 2, 3, 4, 5]);
    let mut t = start_ms + rng.range(5, 2000) as i64;
    let mut queries = Vec::new();
    let mut log = Vec::new();
    let mut last_queries = 0;
    for q in 0..nq {
        let stmt = *rng.pick(&STATEMENTS);
        let server = *rng.pick(&servers);
        let duration = rng.below(50);
        let mut obj = Map::new();
        obj.insert("command".into(), json!("COM_QUERY"));
        obj.insert("received".into(), json!(iso_millis(t)));
        obj.insert("statement".into(), json!(stmt));
        if busy && q == nq - 1 {
            obj.insert("responses".into(), json!([]));
        } else {
            obj.insert("completed".into(), json!(iso_millis(t + duration as i64)));
            obj.insert(
                "responses".into(),
                json!([{"duration": duration, "server": server}]),
            );
        }
        last_queries += 200 + stmt.len() as u64 * 3;
        queries.push(Value::Object(obj));
        if log.len() < max_log {
            log.push(format!(
                "{}   info   : ({id}) ({service}); > Autocommit: [enabled], trx is [not open], cmd: (0x3) COM_QUERY, plen: {}, type: sql::TYPE_READ, stmt: {stmt}",
                log_millis(t),
                stmt.len() + 5
            ));
        }
        if log.len() < max_log && rng.chance(50) {
            log.push(format!(
                "{}   info   : ({id}) [readwritesplit] ({service}); Route query to primary: {server} <",
                log_millis(t + 1)
            ));
        }
        t += rng.range(1, 60_000) as i64;
    }
    let sescmd = rng.range(0, 1000);
    let total = buffers_total + last_queries + sescmd;

    let conn_attrs = if rng.chance(5) {
        Value::Null
    } else {
        json!({
            "_client_name": "libmariadb",
            "_client_version": rng.pick(&["3.3.20", "3.3.8", "3.1.13"]),
            "_os": "Linux",
            "_pid": rng.range(1000, 4_000_000).to_string(),
            "_platform": "x86_64",
            "_server_host": "127.0.0.1",
            "program_name": rng.pick(&PROGRAMS),
        })
    };

    let mut attrs = Map::new();
    attrs.insert(
        "client".into(),
        json!({
            "cipher": cipher,
            "connection_attributes": conn_attrs,
            "sescmd_history_len": rng.range(0, 20),
            "sescmd_history_stored_metadata": rng.range(0, 5),
            "sescmd_history_stored_responses": rng.range(0, 20),
        }),
    );
    attrs.insert(
        "connected".into(),
        json!(http_date(start_ms.div_euclid(1000), false)),
    );
    attrs.insert("connections".into(), Value::Array(connections));
    if !rng.chance(15) {
        let idle = if busy {
            0.0
        } else {
            (real(rng, alive.min(3600.0)) * 10.0).round() / 10.0
        };
        attrs.insert("idle".into(), json!(idle));
    }
    attrs.insert("io_activity".into(), json!(rng.below(200)));
    attrs.insert("log".into(), json!(log));
    attrs.insert(
        "memory".into(),
        json!({
            "connection_buffers": {
                "backends": backends,
                "client": {"misc": cmisc, "readq": creadq, "total": cmisc + creadq, "writeq": 0},
                "total": buffers_total,
            },
            "exec_metadata": 0,
            "last_queries": last_queries,
            "sescmd_history": sescmd,
            "total": total,
            "variables": 0,
        }),
    );
    attrs.insert(
        "parameters".into(),
        json!({"log_error": false, "log_info": rng.chance(5), "log_notice": false, "log_warning": false}),
    );
    attrs.insert("port".into(), json!(rng.range(32768, 60999)));
    attrs.insert("queries".into(), Value::Array(queries));
    attrs.insert("remote".into(), json!(remote));
    attrs.insert("seconds_alive".into(), json!(alive));
    let state = match rng.below(50) {
        0 => "Session created",
        1 => "Stopping session",
        _ => "Session started",
    };
    attrs.insert("state".into(), json!(state));
    attrs.insert("thread".into(), json!(rng.below(8)));
    if !rng.chance(12) {
        attrs.insert("user".into(), json!(rng.pick(&USERS)));
    }
    json!({
        "attributes": attrs,
        "id": id.to_string(),
        "links": {"self": format!("{LINK}sessions/{id}/")},
        "relationships": {
            "services": {
                "data": [{"id": service, "type": "services"}],
                "links": {
                    "related": format!("{LINK}services/"),
                    "self": format!("{LINK}sessions/{id}/relationships/services/"),
                }
            }
        },
        "type": "sessions",
    })
}

/// Replace every string under `attributes` (keys of objects included) and the service id.
fn make_evil(v: &mut Value, id: u64) {
    let mut n = id as usize;
    fn walk(v: &mut Value, n: &mut usize) {
        match v {
            Value::String(s) => {
                *n += 1;
                *s = format!("{}{}", EVIL[*n % EVIL.len()], s);
            }
            Value::Array(a) => a.iter_mut().for_each(|x| walk(x, n)),
            Value::Object(m) => {
                let old = std::mem::take(m);
                for (k, mut x) in old {
                    walk(&mut x, n);
                    let key = if k.starts_with('_') || k == "program_name" {
                        *n += 1;
                        format!("{k}{}", EVIL[*n % EVIL.len()])
                    } else {
                        k
                    };
                    m.insert(key, x);
                }
            }
            _ => {}
        }
    }
    if let Some(attrs) = v.get_mut("attributes") {
        walk(attrs, &mut n);
        if id == 1 {
            let long: String = "\u{1b}[7m"
                .chars()
                .chain("A".repeat(9996).chars())
                .collect();
            attrs["user"] = json!(long);
        } else if attrs.get("user").is_none() {
            attrs["user"] = json!(EVIL[n % EVIL.len()]);
        }
        if let Some(q) = attrs.get_mut("queries").and_then(|q| q.get_mut(0)) {
            q["statement"] = json!(EVIL[10]);
        }
    }
    if let Some(svc) = v.pointer_mut("/relationships/services/data/0/id") {
        *svc = json!(format!("{}Evil-Router", EVIL[id as usize % EVIL.len()]));
    }
}

/// Turn a 24.02-shaped session into an older version's shape.
pub fn downgrade(v: &mut Value, version: Version, rng: &mut Rng) {
    if version.is_24_02_or_later() {
        return;
    }
    let id = v["id"].as_str().unwrap_or("0").to_string();
    let Some(attrs) = v.get_mut("attributes").and_then(Value::as_object_mut) else {
        return;
    };
    attrs.remove("seconds_alive");
    if version <= Version::V22_08 {
        attrs.remove("io_activity");
        attrs.remove("thread");
        if let Some(Value::String(c)) = attrs.get("connected") {
            let secs = parse_http_date(c).unwrap_or(NOW);
            attrs.insert("connected".into(), json!(asctime(secs)));
        }
        if let Some(mem) = attrs.get_mut("memory") {
            let t = mem["connection_buffers"]["total"].clone();
            mem["connection_buffers"] = t;
        }
    }
    if version <= Version::V6_4 {
        attrs.remove("memory");
    }
    if version <= Version::V2_5 {
        for k in ["port", "parameters"] {
            attrs.remove(k);
        }
        let cipher = attrs["client"]["cipher"].clone();
        attrs.insert("client".into(), json!({ "cipher": cipher }));
        if rng.chance(50) {
            attrs.insert("default_database".into(), json!("test"));
        }
        v["links"]["self"] = json!(format!("{LINK}sessions/{id}"));
        v["relationships"]["services"]["links"]["self"] =
            json!(format!("{LINK}sessions/{id}/relationships/services"));
    }
    if version == Version::V2_2 {
        let attrs = v["attributes"].as_object_mut().expect("attributes");
        attrs.retain(|k, _| matches!(k.as_str(), "user" | "remote" | "connected" | "idle"));
        attrs.insert("state".into(), json!("Session ready for routing"));
        let data = v["relationships"]["services"]["data"].clone();
        v["relationships"]["services"] =
            json!({"data": data, "links": {"self": format!("{LINK}services/")}});
    }
}

fn parse_http_date(s: &str) -> Option<i64> {
    // "Sat, 28 Nov 2026 09:19:55 GMT"
    let p: Vec<&str> = s.split([' ', ':']).collect();
    let day: i64 = p.get(1)?.parse().ok()?;
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mon = *p.get(2)?;
    let month = months.iter().position(|m| *m == mon)? as i64 + 1;
    let year: i64 = p.get(3)?.parse().ok()?;
    let (h, m, sec): (i64, i64, i64) = (
        p.get(4)?.parse().ok()?,
        p.get(5)?.parse().ok()?,
        p.get(6)?.parse().ok()?,
    );
    // days_from_civil
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    Some(days * 86400 + h * 3600 + m * 60 + sec)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{Style, to_vec};

    #[test]
    fn deterministic_and_shaped() {
        let a = Generator::new(200, 7, Some(50), Version::V24_02, false);
        let b = Generator::new(200, 7, Some(50), Version::V24_02, false);
        assert_eq!(a.order(), b.order());
        assert_eq!(a.session(17), b.session(17));
        assert_ne!(a.order(), (1..=200).collect::<Vec<u32>>());
        let c = Generator::new(200, 8, Some(50), Version::V24_02, false);
        assert_ne!(a.order(), c.order());
        let mut no_user = 0;
        let mut no_idle = 0;
        let mut remotes = HashSet::new();
        let mut size = 0;
        for id in 1..=200 {
            let s = a.session(id);
            let at = &s["attributes"];
            no_user += usize::from(at.get("user").is_none());
            no_idle += usize::from(at.get("idle").is_none());
            remotes.insert(at["remote"].as_str().unwrap().to_string());
            let q = at["queries"].as_array().unwrap().len();
            assert!((1..=5).contains(&q));
            assert!(at["log"].as_array().unwrap().len() <= 5);
            let n = at["connections"].as_array().unwrap().len();
            assert!((1..=3).contains(&n));
            size += to_vec(&s, Style::Pretty, "http://127.0.0.1:8989/v1/").len();
        }
        assert!(no_user > 0 && no_idle > 0);
        assert_eq!(remotes.len(), 50);
        assert!(remotes.iter().any(|r| r.starts_with("::ffff:")));
        assert!(remotes.contains("127.0.0.1"));
        let avg = size / 200;
        assert!((2500..6000).contains(&avg), "average size {avg}");
    }

    #[test]
    fn http_date_round_trip() {
        let s = http_date(1_795_857_595, false);
        assert_eq!(parse_http_date(&s), Some(1_795_857_595));
    }

    #[test]
    fn evil_strings_everywhere() {
        let g = Generator::new(3, 1, None, Version::V24_02, true);
        let s = g.session(1);
        assert_eq!(
            s["attributes"]["user"].as_str().unwrap().chars().count(),
            10_000
        );
        let text = String::from_utf8(to_vec(&g.session(2), Style::Pretty, "")).unwrap();
        assert!(text.contains("\\u001B"));
        assert_eq!(s["id"], "1");
    }
}
