//! Configuration types: [`MockConfig`], [`Version`], [`Fault`], [`RestartFailure`] and [`TlsFiles`].

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

/// Which MaxScale version the mock imitates (and which dataset it serves by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Version {
    /// MaxScale 2.2 documentation fixtures.
    V2_2,
    /// MaxScale 2.5 documentation fixtures.
    V2_5,
    /// MaxScale 6.4 documentation fixtures.
    V6_4,
    /// MaxScale 22.08 documentation fixtures.
    V22_08,
    /// MaxScale 23.02 documentation fixtures.
    V23_02,
    /// MaxScale 24.02 documentation fixtures.
    V24_02,
    /// The real MaxScale 24.02.4 captures (3 live sessions). The default.
    #[default]
    Real24_02_4,
    /// The real MaxScale 24.08.1 captures (7 live sessions; `session_trace` keeps one log line
    /// per session there, a MaxScale bug).
    Real24_08_1,
}

impl Version {
    /// All versions, oldest first.
    pub const ALL: [Version; 8] = [
        Version::V2_2,
        Version::V2_5,
        Version::V6_4,
        Version::V22_08,
        Version::V23_02,
        Version::V24_02,
        Version::Real24_02_4,
        Version::Real24_08_1,
    ];

    /// The version string as accepted by `--maxscale-version`.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V2_2 => "2.2",
            Version::V2_5 => "2.5",
            Version::V6_4 => "6.4",
            Version::V22_08 => "22.08",
            Version::V23_02 => "23.02",
            Version::V24_02 => "24.02",
            Version::Real24_02_4 => "24.02.4",
            Version::Real24_08_1 => "24.08.1",
        }
    }

    /// The full version `GET /v1/maxscale` reports (a release of each series).
    pub fn full(self) -> &'static str {
        match self {
            Version::V2_2 => "2.2.21",
            Version::V2_5 => "2.5.29",
            Version::V6_4 => "6.4.15",
            Version::V22_08 => "22.08.13",
            Version::V23_02 => "23.02.12",
            Version::V24_02 => "24.02.3",
            Version::Real24_02_4 => "24.02.4",
            Version::Real24_08_1 => "24.08.1",
        }
    }

    /// Is it one of the real captures' versions (24.02.4, 24.08.1)?
    pub fn is_real(self) -> bool {
        matches!(self, Version::Real24_02_4 | Version::Real24_08_1)
    }

    /// How many lines a session's `log` keeps with `session_trace=5`: 24.08 passes a bool where
    /// 24.02 passed the count, so it keeps one (`server/core/config.cc`, MXS-4986).
    pub fn session_trace_lines(self) -> usize {
        if self >= Version::Real24_08_1 { 1 } else { 5 }
    }

    /// True for 24.02 and later (404 and filter rules changed there).
    pub fn is_24_02_or_later(self) -> bool {
        self >= Version::V24_02
    }

    /// `DELETE /v1/sessions/:id`, `POST /v1/sessions/:id/restart` and `POST /v1/sessions/restart`
    /// exist (added in 22.08).
    pub fn has_kill_and_restart(self) -> bool {
        self >= Version::V22_08
    }

    /// `PATCH /v1/sessions/:id` and `PATCH /v1/sessions/:id/relationships/filters` exist (added
    /// in 6.0).
    pub fn has_session_patch(self) -> bool {
        self >= Version::V6_4
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Version {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s == "24.08" {
            return Ok(Version::Real24_08_1);
        }
        Version::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown MaxScale version '{s}' (expected one of: {})",
                    Version::ALL.map(|v| v.as_str()).join(", ")
                )
            })
    }
}

/// A deliberate misbehaviour of the `/v1/sessions` endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fault {
    /// `status:CODE`: that status with an `{"errors":[...]}` body.
    Status(u16),
    /// `html-502`: 502 with an HTML body, like an nginx proxy.
    Html502,
    /// `invalid-json`: 200 with a body that is not JSON.
    InvalidJson,
    /// `truncated`: 200 whose Content-Length is larger than what is sent.
    Truncated,
    /// `empty`: 200 with Content-Length 0.
    Empty,
    /// `data-string`: `{"data":"oops"}`.
    DataString,
    /// `numeric-ids`: ids are JSON numbers.
    NumericIds,
    /// `no-attributes`: resources without `attributes`.
    NoAttributes,
    /// `deep-nesting`: JSON nested 100,000 levels deep inside `data`.
    DeepNesting,
    /// `invalid-utf8`: a user string containing the bytes 0xff 0xfe.
    InvalidUtf8,
    /// `hang`: read the request, never answer.
    Hang,
    /// `slow`: the valid response, a few bytes every 100 ms.
    Slow,
    /// `reset`: read the request, then reset the TCP connection.
    Reset,
    /// `redirect`: 302 to `http://other.invalid:8989/v1/sessions`.
    Redirect,
    /// `huge`: a valid 200 JSON document of `mb` MiB, streamed.
    Huge {
        /// Size of the body in MiB.
        mb: usize,
    },
    /// `not-json-content-type`: the valid body with `Content-Type: text/plain`.
    NotJsonContentType,
    /// `huge-headers[:MB]`: a 200 whose header block is `mb` MiB of padding headers, streamed.
    HugeHeaders {
        /// Size of the header block in MiB.
        mb: usize,
    },
    /// `huge-string[:MB]`: a one-session document whose user name is a string of `mb` MiB,
    /// streamed without a Content-Length (the body ends at the close).
    HugeString {
        /// Size of the string in MiB.
        mb: usize,
    },
    /// `huge-key[:MB]`: a one-session document one of whose attributes has a name of `mb`
    /// MiB, streamed like `huge-string`.
    HugeKey {
        /// Size of the key in MiB.
        mb: usize,
    },
    /// `huge-number[:MB]`: a one-session document whose `memory` is a number of `mb` MiB of
    /// digits, streamed like `huge-string`.
    HugeNumber {
        /// Size of the number in MiB.
        mb: usize,
    },
    /// `stall`: accept the connection and read the request, then never answer, on every
    /// endpoint (`/v1/maxscale`, the logs and the writes too, not only the sessions): a
    /// MaxScale at its file-descriptor limit. [`crate::MockServer::stall`] turns it on and off.
    Stall,
}

/// A deliberate misbehaviour of the session writes (`DELETE` and `POST`): the write is carried
/// out, then its answer is withheld, sent slowly or cut, so that the client cannot know that it
/// was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WriteFault {
    /// `hang`: never answer.
    Hang,
    /// `slow`: the answer, 16 bytes every 100 ms.
    Slow,
    /// `reset`: reset the TCP connection instead of answering.
    Reset,
}

impl WriteFault {
    /// The names accepted by [`WriteFault::from_str`].
    pub const NAMES: [&'static str; 3] = ["hang", "slow", "reset"];
}

impl fmt::Display for WriteFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WriteFault::Hang => "hang",
            WriteFault::Slow => "slow",
            WriteFault::Reset => "reset",
        })
    }
}

impl FromStr for WriteFault {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "hang" => WriteFault::Hang,
            "slow" => WriteFault::Slow,
            "reset" => WriteFault::Reset,
            _ => {
                return Err(format!(
                    "unknown write fault '{s}' (expected one of: {})",
                    WriteFault::NAMES.join(", ")
                ));
            }
        })
    }
}

/// Default size of the `huge` fault body in MiB.
pub const DEFAULT_HUGE_MB: usize = 300;

impl Fault {
    /// The fault names accepted by [`Fault::from_str`] (`status:CODE` and the `huge` modes
    /// take a value).
    pub const NAMES: [&'static str; 21] = [
        "status:CODE",
        "html-502",
        "invalid-json",
        "truncated",
        "empty",
        "data-string",
        "numeric-ids",
        "no-attributes",
        "deep-nesting",
        "invalid-utf8",
        "hang",
        "slow",
        "reset",
        "redirect",
        "huge",
        "not-json-content-type",
        "huge-headers",
        "huge-string",
        "huge-key",
        "huge-number",
        "stall",
    ];

    /// One line per fault mode describing it.
    pub fn help() -> &'static str {
        "status:CODE            that HTTP status with an {\"errors\":[...]} body\n\
         html-502               502 with an HTML body (Content-Type: text/html), like nginx\n\
         invalid-json           200 with a syntactically invalid JSON body\n\
         truncated              200 with Content-Length larger than the bytes sent, then close\n\
         empty                  200 with Content-Length: 0\n\
         data-string            200 {\"data\":\"oops\"}\n\
         numeric-ids            ids are JSON numbers instead of strings\n\
         no-attributes          resources without \"attributes\"\n\
         deep-nesting           JSON nested 100,000 levels deep inside \"data\"\n\
         invalid-utf8           a user string containing the bytes 0xff 0xfe\n\
         hang                   read the request, never answer\n\
         slow                   the valid response, 16 bytes every 100 ms\n\
         reset                  read the request, then close with a TCP RST\n\
         redirect               302 to http://other.invalid:8989/v1/sessions\n\
         huge[:MB]              a valid 200 document of MB MiB (default 300, or --huge-mb), streamed\n\
         not-json-content-type  the valid body with Content-Type: text/plain\n\
         huge-headers[:MB]      200 with a header block of MB MiB (default 300), streamed\n\
         huge-string[:MB]       one session whose user is a string of MB MiB, no Content-Length\n\
         huge-key[:MB]          one session with an attribute whose name is MB MiB long, the same way\n\
         huge-number[:MB]       one session whose memory is a number of MB MiB of digits, the same way\n\
         stall                  read the request, never answer, on every endpoint (not only sessions)\n"
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Status(code) => write!(f, "status:{code}"),
            Fault::Huge { mb } => write!(f, "huge:{mb}"),
            Fault::HugeHeaders { mb } => write!(f, "huge-headers:{mb}"),
            Fault::HugeString { mb } => write!(f, "huge-string:{mb}"),
            Fault::HugeKey { mb } => write!(f, "huge-key:{mb}"),
            Fault::HugeNumber { mb } => write!(f, "huge-number:{mb}"),
            other => f.write_str(match other {
                Fault::Html502 => "html-502",
                Fault::InvalidJson => "invalid-json",
                Fault::Truncated => "truncated",
                Fault::Empty => "empty",
                Fault::DataString => "data-string",
                Fault::NumericIds => "numeric-ids",
                Fault::NoAttributes => "no-attributes",
                Fault::DeepNesting => "deep-nesting",
                Fault::InvalidUtf8 => "invalid-utf8",
                Fault::Hang => "hang",
                Fault::Slow => "slow",
                Fault::Reset => "reset",
                Fault::Redirect => "redirect",
                Fault::Stall => "stall",
                _ => "not-json-content-type",
            }),
        }
    }
}

impl FromStr for Fault {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some(code) = s.strip_prefix("status:") {
            return match code.parse::<u16>() {
                Ok(c) if (100..=999).contains(&c) => Ok(Fault::Status(c)),
                _ => Err(format!(
                    "invalid status code in fault '{s}' (expected 100..999)"
                )),
            };
        }
        for (prefix, make) in [
            ("huge:", (|mb| Fault::Huge { mb }) as fn(usize) -> Fault),
            ("huge-headers:", |mb| Fault::HugeHeaders { mb }),
            ("huge-string:", |mb| Fault::HugeString { mb }),
            ("huge-key:", |mb| Fault::HugeKey { mb }),
            ("huge-number:", |mb| Fault::HugeNumber { mb }),
        ] {
            if let Some(mb) = s.strip_prefix(prefix) {
                return match mb.parse::<usize>() {
                    Ok(mb) if mb > 0 => Ok(make(mb)),
                    _ => Err(format!("invalid size in fault '{s}' (expected MiB > 0)")),
                };
            }
        }
        Ok(match s {
            "html-502" => Fault::Html502,
            "invalid-json" => Fault::InvalidJson,
            "truncated" => Fault::Truncated,
            "empty" => Fault::Empty,
            "data-string" => Fault::DataString,
            "numeric-ids" => Fault::NumericIds,
            "no-attributes" => Fault::NoAttributes,
            "deep-nesting" => Fault::DeepNesting,
            "invalid-utf8" => Fault::InvalidUtf8,
            "hang" => Fault::Hang,
            "slow" => Fault::Slow,
            "reset" => Fault::Reset,
            "redirect" => Fault::Redirect,
            "stall" => Fault::Stall,
            "huge" => Fault::Huge {
                mb: DEFAULT_HUGE_MB,
            },
            "not-json-content-type" => Fault::NotJsonContentType,
            "huge-headers" => Fault::HugeHeaders {
                mb: DEFAULT_HUGE_MB,
            },
            "huge-string" => Fault::HugeString {
                mb: DEFAULT_HUGE_MB,
            },
            "huge-key" => Fault::HugeKey {
                mb: DEFAULT_HUGE_MB,
            },
            "huge-number" => Fault::HugeNumber {
                mb: DEFAULT_HUGE_MB,
            },
            _ => {
                return Err(format!(
                    "unknown fault mode '{s}' (expected one of: {})",
                    Fault::NAMES.join(", ")
                ));
            }
        })
    }
}

/// Why a session restart fails (the two errors of MaxScale's `Session::restart()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RestartError {
    /// `pool`: "Cannot restart session if 'idle_session_pool_time' is in use."
    IdlePoolTime,
    /// `busy`: "Cannot restart session due to ongoing internal operations. Try again later."
    OngoingOperations,
}

impl RestartError {
    /// The error text MaxScale puts in the `errors` body.
    pub fn message(self) -> &'static str {
        match self {
            RestartError::IdlePoolTime => {
                "Cannot restart session if 'idle_session_pool_time' is in use."
            }
            RestartError::OngoingOperations => {
                "Cannot restart session due to ongoing internal operations. Try again later."
            }
        }
    }
}

/// The sessions a [`RestartFailure`] applies to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SessionSet {
    /// Every session.
    All,
    /// These session ids.
    Ids(Vec<u64>),
}

impl SessionSet {
    /// Does the set hold the session `id`?
    pub fn contains(&self, id: &str) -> bool {
        match self {
            SessionSet::All => true,
            SessionSet::Ids(ids) => id.parse::<u64>().is_ok_and(|n| ids.contains(&n)),
        }
    }
}

/// Restarting these sessions fails with this error (24.02 and later answer 400; older versions
/// answer 200 whatever happens, as they did).
///
/// Parsed from `all`, `ID[,ID...]`, optionally followed by `:pool` (the default) or `:busy`,
/// e.g. `all:busy` or `3,5`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RestartFailure {
    /// Which sessions.
    pub sessions: SessionSet,
    /// Which error.
    pub error: RestartError,
}

impl RestartFailure {
    /// Restarting any session fails.
    pub fn all(error: RestartError) -> Self {
        RestartFailure {
            sessions: SessionSet::All,
            error,
        }
    }

    /// Restarting one of these sessions fails.
    pub fn ids(ids: impl IntoIterator<Item = u64>, error: RestartError) -> Self {
        RestartFailure {
            sessions: SessionSet::Ids(ids.into_iter().collect()),
            error,
        }
    }
}

impl FromStr for RestartFailure {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "invalid restart failure '{s}' (expected all or ID[,ID...], then optionally :pool or :busy)"
            )
        };
        let (set, reason) = match s.rsplit_once(':') {
            Some((set, reason)) => (set, Some(reason)),
            None => (s, None),
        };
        let error = match reason {
            None | Some("pool") => RestartError::IdlePoolTime,
            Some("busy") => RestartError::OngoingOperations,
            Some(_) => return Err(bad()),
        };
        let sessions = if set == "all" {
            SessionSet::All
        } else {
            let ids: Result<Vec<u64>, _> =
                set.split(',').map(|p| p.trim().parse::<u64>()).collect();
            match ids {
                Ok(ids) if !ids.is_empty() && !ids.contains(&0) => SessionSet::Ids(ids),
                _ => return Err(bad()),
            }
        };
        Ok(RestartFailure { sessions, error })
    }
}

impl fmt::Display for RestartFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sessions {
            SessionSet::All => f.write_str("all")?,
            SessionSet::Ids(ids) => {
                let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
                f.write_str(&ids.join(","))?;
            }
        }
        f.write_str(match self.error {
            RestartError::IdlePoolTime => ":pool",
            RestartError::OngoingOperations => ":busy",
        })
    }
}

/// PEM material for serving HTTPS.
#[derive(Debug, Clone, Default)]
pub struct TlsFiles {
    /// Server certificate chain (PEM).
    pub cert_pem: Vec<u8>,
    /// Server private key (PEM).
    pub key_pem: Vec<u8>,
    /// When set, client certificates are requested and verified against this CA (PEM).
    pub client_ca_pem: Option<Vec<u8>>,
}

/// Everything a [`crate::MockServer`] needs to know.
#[derive(Debug, Clone)]
pub struct MockConfig {
    /// Address to bind (default `127.0.0.1`; must be a loopback address).
    pub bind: std::net::IpAddr,
    /// Port to bind (0 = ephemeral).
    pub port: u16,
    /// MaxScale version to imitate.
    pub version: Version,
    /// Serve this many generated sessions instead of the version's fixtures.
    pub sessions: Option<usize>,
    /// Seed of the session generator.
    pub seed: u64,
    /// Number of distinct client addresses of generated sessions (default `min(N, 1000)`).
    pub addresses: Option<usize>,
    /// Basic-auth user name.
    pub user: String,
    /// Basic-auth password.
    pub password: String,
    /// `(user, password)` of a read-only (MaxScale "basic") account: its reads work and its
    /// writes get the same 401 as bad credentials (403 with a token). `None`: no such account.
    pub readonly: Option<(String, String)>,
    /// Names of the filters that exist, for `relationships.filters` in session PATCHes.
    pub filters: Vec<String>,
    /// Session restarts that fail (the first rule naming a session applies).
    pub restart_failures: Vec<RestartFailure>,
    /// Answer successful writes with 204 No Content instead of MaxScale's 200 with an empty body.
    pub no_content: bool,
    /// Largest request body accepted; a larger one gets a 413 and the connection is closed.
    pub max_body: usize,
    /// Append one JSON line per write request to this file (created if missing).
    pub record: Option<PathBuf>,
    /// Reverse-DNS table used by `rdns=true`: (address, name).
    pub rdns_names: Vec<(String, String)>,
    /// Delay before each response.
    pub latency: Duration,
    /// Microseconds a list waits per live session before it is answered (a real MaxScale
    /// spends about 60 µs of CPU per session); 0: none.
    pub list_cost_us: u64,
    /// Misbehaviour of the sessions endpoints (of every endpoint for [`Fault::Stall`]).
    pub fault: Option<Fault>,
    /// Misbehaviour of the session writes (`DELETE`, `POST`), after they are carried out.
    pub write_fault: Option<WriteFault>,
    /// Serve sessions carrying hostile strings.
    pub evil: bool,
    /// Sessions come and go: each list request closes the session with the lowest id and
    /// opens one with a new id (for live views).
    pub churn: bool,
    /// Serve HTTPS with these files.
    pub tls: Option<TlsFiles>,
    /// `parameters.retain_last_statements` of `GET /v1/maxscale` (default 5, as in the captures;
    /// the documented fixtures' sessions have empty `queries`, as with 0).
    pub retain_last_statements: i64,
    /// The time the `Date` header of successful answers reads (Unix seconds), instead of the
    /// clock: a server whose clock is fixed, for output that depends on the server's time.
    pub server_time: Option<i64>,
    /// Serve a generated log of this many lines (sessions' lines spread over it, deterministic
    /// by `seed`) instead of the dataset's own log.
    pub log_lines: Option<usize>,
    /// The simulated backend behind the SQL API (`/v1/sql`): accounts, threads, lock waits.
    /// `None`: the default account and the sessions' threads only.
    pub backend: Option<crate::sql::Backend>,
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            bind: std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
            port: 0,
            version: Version::default(),
            sessions: None,
            seed: 0,
            addresses: None,
            user: DEFAULT_USER.to_string(),
            password: DEFAULT_PASSWORD.to_string(),
            readonly: Some((DEFAULT_RO_USER.to_string(), DEFAULT_RO_PASSWORD.to_string())),
            filters: default_filters(),
            restart_failures: Vec::new(),
            no_content: false,
            max_body: DEFAULT_MAX_BODY,
            record: None,
            rdns_names: default_rdns_names(),
            latency: Duration::ZERO,
            list_cost_us: 0,
            fault: None,
            write_fault: None,
            evil: false,
            churn: false,
            tls: None,
            retain_last_statements: DEFAULT_RETAIN_LAST_STATEMENTS,
            server_time: None,
            log_lines: None,
            backend: None,
        }
    }
}

/// MaxScale's default admin user.
pub const DEFAULT_USER: &str = "admin";
/// MaxScale's default admin password.
pub const DEFAULT_PASSWORD: &str = "mariadb";

/// The default read-only account (as created for the real write captures).
pub const DEFAULT_RO_USER: &str = "ro";
/// Password of [`DEFAULT_RO_USER`].
pub const DEFAULT_RO_PASSWORD: &str = "ropw";
/// `retain_last_statements` by default, as in the real captures' MaxScale.
pub const DEFAULT_RETAIN_LAST_STATEMENTS: i64 = 5;
/// Default bound on request bodies (1 MiB).
pub const DEFAULT_MAX_BODY: usize = 1 << 20;

/// The filters that exist by default: `Regex`, as in the real write captures.
pub fn default_filters() -> Vec<String> {
    vec!["Regex".to_string()]
}

/// The default reverse-DNS table: loopback addresses are `localhost`.
pub fn default_rdns_names() -> Vec<(String, String)> {
    vec![
        ("127.0.0.1".to_string(), "localhost".to_string()),
        ("::ffff:127.0.0.1".to_string(), "localhost".to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_round_trip() {
        for v in Version::ALL {
            assert_eq!(v.as_str().parse::<Version>().unwrap(), v);
        }
        assert!("24.10".parse::<Version>().is_err());
        assert_eq!("24.08".parse::<Version>(), Ok(Version::Real24_08_1));
        assert_eq!(Version::default(), Version::Real24_02_4);
    }

    #[test]
    fn faults_round_trip() {
        for name in Fault::NAMES {
            let name = name.replace("status:CODE", "status:503");
            let f: Fault = name.parse().unwrap();
            let shown = f.to_string();
            let again: Fault = shown.parse().unwrap();
            assert_eq!(f, again);
        }
        assert_eq!("huge".parse::<Fault>().unwrap(), Fault::Huge { mb: 300 });
        assert_eq!("huge:5".parse::<Fault>().unwrap(), Fault::Huge { mb: 5 });
        assert!("status:abc".parse::<Fault>().is_err());
        assert!("nope".parse::<Fault>().is_err());
        for name in WriteFault::NAMES {
            assert_eq!(name.parse::<WriteFault>().unwrap().to_string(), name);
        }
        assert!("stall".parse::<WriteFault>().is_err());
    }

    #[test]
    fn restart_failures_parse() {
        let all: RestartFailure = "all".parse().unwrap();
        assert_eq!(all, RestartFailure::all(RestartError::IdlePoolTime));
        let some: RestartFailure = "3, 5:busy".parse().unwrap();
        assert_eq!(
            some,
            RestartFailure::ids([3, 5], RestartError::OngoingOperations)
        );
        assert!(some.sessions.contains("5") && !some.sessions.contains("4"));
        for s in ["all:pool", "7:busy", "1,2:pool"] {
            assert_eq!(s.parse::<RestartFailure>().unwrap().to_string(), s);
        }
        for bad in ["", "x", "0", "1:nope", "all:"] {
            assert!(bad.parse::<RestartFailure>().is_err(), "{bad}");
        }
    }
}
