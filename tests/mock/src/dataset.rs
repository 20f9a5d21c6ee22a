//! The session data a server serves: documented fixtures, the real 24.02.4 captures, or generated sessions.

use crate::config::{MockConfig, Version};
use crate::generate::Generator;
use crate::json::{LINK, mark_links};
use crate::query::{self, QueryOptions};
use serde_json::Value;
use std::collections::HashMap;

/// Link bases used by the fixture files.
const FIXTURE_BASES: [&str; 3] = [
    "http://localhost:8989/v1/",
    "http://127.0.0.1:8989/v1/",
    "http://127.0.0.1:8990/v1/",
];

/// Last-Modified of the real 24.02.4 captures.
pub const REAL_LAST_MODIFIED: &str = "Sat, 28 Nov 2026 09:19:13 GMT";

/// Last-Modified of the real 24.08.1 captures (that MaxScale's start).
pub const REAL_24_08_LAST_MODIFIED: &str = "Mon, 07 Dec 2026 03:32:03 GMT";

macro_rules! capture_24_08 {
    ($name:literal) => {
        include_str!(concat!("../fixtures/real-24.08/", $name, ".http"))
    };
}

/// `GET /v1/maxscale` of the real 24.08.1 (install paths edited to `<prefix>`).
pub const REAL_24_08_MAXSCALE: &str = capture_24_08!("maxscale");

/// The 24.08.1 list capture (7 sessions).
const REAL_24_08_LIST: &str = capture_24_08!("sessions-list");

/// The 24.08.1 single-session captures: busy (1), idle (2), the restart victim (6).
const REAL_24_08_GETS: [&str; 3] = [
    capture_24_08!("session-get-busy"),
    capture_24_08!("session-get-idle"),
    capture_24_08!("session-get-victim-restart-before"),
];

macro_rules! fixture_pair {
    ($v:literal) => {
        (
            include_str!(concat!("../fixtures/sessions-list.", $v, ".json")),
            include_str!(concat!("../fixtures/session-get.", $v, ".json")),
        )
    };
}

macro_rules! capture {
    ($name:literal) => {
        include_str!(concat!("../fixtures/real-24.02/", $name, ".http"))
    };
}

/// (query, capture) pairs of the real list captures served verbatim for those queries.
const REAL_LIST_CAPTURES: [(&str, &str); 7] = [
    ("", capture!("sessions-list")),
    ("rdns=true", capture!("sessions-list-rdns-true")),
    (
        "fields[sessions]=user,remote",
        capture!("sessions-list-fields-user-remote"),
    ),
    (
        "page[size]=1&page[number]=1",
        capture!("sessions-list-page-size1-number1"),
    ),
    (
        "page[size]=1&page[number]=0",
        capture!("sessions-list-page-size1-number0"),
    ),
    (
        "filter=/attributes/user=%22maxuser%22",
        capture!("sessions-list-filter-user-quoted"),
    ),
    (
        "filter=/attributes/user=%22nobody%22",
        capture!("sessions-list-filter-user-nomatch"),
    ),
];

const REAL_GET_CAPTURES: [&str; 3] = [
    capture!("session-get-1"),
    capture!("session-get-2"),
    capture!("session-get-3"),
];

/// A body captured from the real MaxScale, with its ETag.
#[derive(Debug)]
pub struct Canned {
    /// The whole document, links marked.
    pub body: Value,
    /// ETag header value (with quotes).
    pub etag: Option<String>,
}

/// Split a `curl -i` capture into its ETag and parsed JSON body (links marked).
pub fn parse_capture(http: &str) -> Canned {
    let (head, body) = http
        .split_once("\r\n\r\n")
        .expect("capture has a header block");
    let etag = head
        .split("\r\n")
        .find_map(|l| l.strip_prefix("ETag: "))
        .map(str::to_string);
    let mut body: Value = serde_json::from_str(body).expect("capture body is JSON");
    mark_links(&mut body, &FIXTURE_BASES);
    Canned { body, etag }
}

/// Fixed sessions (fixtures or captures).
#[derive(Debug)]
pub struct Fixed {
    rows: Vec<Value>,
    singles: HashMap<String, Canned>,
    canned_lists: Vec<(QueryOptions, Canned)>,
}

/// Where the sessions come from.
#[derive(Debug)]
pub enum Dataset {
    /// Fixtures or captures.
    Fixed(Fixed),
    /// Generated sessions.
    Generated(Generator),
}

fn load_fixture(version: Version) -> Fixed {
    let (list, get) = match version {
        Version::V2_2 => fixture_pair!("2.2"),
        Version::V2_5 => fixture_pair!("2.5"),
        Version::V6_4 => fixture_pair!("6.4"),
        Version::V22_08 => fixture_pair!("22.08"),
        Version::V23_02 => fixture_pair!("23.02"),
        _ => fixture_pair!("24.02"),
    };
    let mut list: Value = serde_json::from_str(list).expect("fixture list is JSON");
    mark_links(&mut list, &FIXTURE_BASES);
    let mut get: Value = serde_json::from_str(get).expect("fixture get is JSON");
    mark_links(&mut get, &FIXTURE_BASES);
    let rows = list["data"].as_array().cloned().unwrap_or_default();
    let mut singles = HashMap::new();
    if let Some(id) = get["data"]["id"].as_str() {
        singles.insert(
            id.to_string(),
            Canned {
                body: get.clone(),
                etag: None,
            },
        );
    }
    Fixed {
        rows,
        singles,
        canned_lists: Vec::new(),
    }
}

/// A dataset of real captures: the list captures by their query (the plain one, `""`, gives
/// the rows) and the single-session ones.
fn load_captures(version: Version, lists: &[(&str, &str)], gets: &[&str]) -> Fixed {
    let mut canned_lists = Vec::new();
    let mut rows = Vec::new();
    for (q, http) in lists {
        let canned = parse_capture(http);
        if q.is_empty() {
            rows = canned.body["data"].as_array().cloned().unwrap_or_default();
        }
        let opts = query::parse(Some(q), version).expect("capture query parses");
        canned_lists.push((opts, canned));
    }
    let singles = gets
        .iter()
        .map(|http| {
            let c = parse_capture(http);
            (c.body["data"]["id"].as_str().unwrap_or("").to_string(), c)
        })
        .collect();
    Fixed {
        rows,
        singles,
        canned_lists,
    }
}

impl Dataset {
    /// Build the dataset a configuration asks for.
    pub fn from_config(config: &MockConfig) -> Dataset {
        let generated = config.sessions.or(config.evil.then_some(8));
        if let Some(n) = generated {
            // The 24.08 shape is 24.02's with one line of session log.
            let shape = match config.version {
                Version::Real24_02_4 => Version::V24_02,
                v => v,
            };
            return Dataset::Generated(Generator::new(
                n,
                config.seed,
                config.addresses,
                shape,
                config.evil,
            ));
        }
        match config.version {
            Version::Real24_02_4 => Dataset::Fixed(load_captures(
                Version::Real24_02_4,
                &REAL_LIST_CAPTURES,
                &REAL_GET_CAPTURES,
            )),
            Version::Real24_08_1 => Dataset::Fixed(load_captures(
                Version::Real24_08_1,
                &[("", REAL_24_08_LIST)],
                &REAL_24_08_GETS,
            )),
            v => Dataset::Fixed(load_fixture(v)),
        }
    }

    /// Number of sessions.
    pub fn len(&self) -> usize {
        match self {
            Dataset::Fixed(f) => f.rows.len(),
            Dataset::Generated(g) => g.len(),
        }
    }

    /// The dataset's "now" (Unix seconds): when its sessions were captured or generated, i.e.
    /// the latest `connected` + `seconds_alive`.
    pub fn reference_now(&self) -> i64 {
        match self {
            Dataset::Fixed(f) => f
                .rows
                .iter()
                .chain(f.singles.values().map(|c| &c.body["data"]))
                .filter_map(crate::clock::row_now)
                .max()
                .unwrap_or(crate::generate::NOW),
            Dataset::Generated(_) => crate::generate::NOW,
        }
    }

    /// Is it the real captures (fixed Last-Modified)?
    pub fn is_real(&self) -> bool {
        matches!(self, Dataset::Fixed(f) if !f.canned_lists.is_empty())
    }

    /// All sessions in list order (links marked).
    #[cfg(test)]
    pub fn rows(&self) -> Box<dyn Iterator<Item = Value> + '_> {
        match self {
            Dataset::Fixed(f) => Box::new(f.rows.iter().cloned()),
            Dataset::Generated(g) => Box::new(g.order().iter().map(|&id| g.session(u64::from(id)))),
        }
    }

    /// The session ids in list order.
    pub fn ids(&self) -> Box<dyn Iterator<Item = String> + '_> {
        match self {
            Dataset::Fixed(f) => Box::new(
                f.rows
                    .iter()
                    .filter_map(|r| r["id"].as_str().map(str::to_string)),
            ),
            Dataset::Generated(g) => Box::new(g.order().iter().map(u32::to_string)),
        }
    }

    /// Sessions `start..end` of the list order (links marked).
    pub fn rows_range(&self, start: usize, end: usize) -> Box<dyn Iterator<Item = Value> + '_> {
        match self {
            Dataset::Fixed(f) => Box::new(f.rows[start..end].iter().cloned()),
            Dataset::Generated(g) => Box::new(
                g.order()[start..end]
                    .iter()
                    .map(|&id| g.session(u64::from(id))),
            ),
        }
    }

    /// The self link of the collection (marked).
    pub fn list_self(&self) -> String {
        format!("{LINK}sessions/")
    }

    /// A captured list body for these options, if the real captures hold one.
    pub fn canned_list(&self, opts: &QueryOptions) -> Option<&Canned> {
        let Dataset::Fixed(f) = self else {
            return None;
        };
        let mut key = opts.clone();
        key.style = crate::json::Style::Pretty;
        f.canned_lists
            .iter()
            .find(|(o, _)| *o == key)
            .map(|(_, c)| c)
    }

    /// The captured or documented single-session document for `id`, if there is one.
    pub fn canned_single(&self, id: &str) -> Option<&Canned> {
        match self {
            Dataset::Fixed(f) => f.singles.get(id),
            Dataset::Generated(_) => None,
        }
    }

    /// The session whose id is exactly `id` (the `data` object, links marked).
    pub fn get(&self, id: &str) -> Option<Value> {
        match self {
            Dataset::Fixed(f) => f
                .singles
                .get(id)
                .map(|c| c.body["data"].clone())
                .or_else(|| f.rows.iter().find(|r| r["id"] == id).cloned()),
            Dataset::Generated(g) => {
                let n: u64 = id.parse().ok()?;
                (n >= 1 && n <= g.len() as u64 && n.to_string() == id).then(|| g.session(n))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_loads() {
        for v in Version::ALL {
            let d = Dataset::from_config(&MockConfig {
                version: v,
                ..MockConfig::default()
            });
            let expected = match v {
                Version::V2_2 => 2,
                Version::Real24_02_4 => 3,
                Version::Real24_08_1 => 7,
                _ => 1,
            };
            assert_eq!(d.len(), expected, "{v}");
            for row in d.rows() {
                let id = row["id"].as_str().unwrap().to_string();
                assert!(d.get(&id).is_some());
                assert!(row["links"]["self"].as_str().unwrap().starts_with(LINK));
            }
        }
    }

    #[test]
    fn real_order() {
        let d = Dataset::from_config(&MockConfig::default());
        let ids: Vec<String> = d
            .rows()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ids, ["2", "3", "1"]);
        assert!(d.is_real());
    }
}
