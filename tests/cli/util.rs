//! Helpers: run `mxs` with a scrubbed environment (no NO_COLOR, CLICOLOR*, TERM, MXS_*, proxies;
//! HOME is an empty temporary directory), start mock servers, and check output invariants.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub use mxs_mock::{Fault, MockConfig, MockServer, Version};

pub struct Mxs {
    cmd: Command,
    stdin: Option<Vec<u8>>,
    _home: tempfile::TempDir,
    pub home: PathBuf,
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the exit code, showing the output when it is not the expected one.
    #[track_caller]
    pub fn code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code, expected,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn ok(&self) -> &Self {
        self.code(0)
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}",
            self.stdout
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// Neither stream carries a raw control character (other than newline, and tab on stdout),
    /// and nothing panicked.
    #[track_caller]
    pub fn clean(&self) -> &Self {
        for (name, text, tab_ok) in [
            ("stdout", &self.stdout, true),
            ("stderr", &self.stderr, false),
        ] {
            if let Some(c) = text.chars().find(|c| {
                (c.is_control() && *c != '\n' && !(tab_ok && *c == '\t'))
                    || ('\u{202a}'..='\u{202e}').contains(c)
                    || ('\u{2066}'..='\u{2069}').contains(c)
            }) {
                panic!("raw {c:?} on {name}:\n{text}");
            }
        }
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        assert!(
            !self.stderr.contains("RUST_BACKTRACE"),
            "panic:\n{}",
            self.stderr
        );
        self
    }

    /// Error output is one `mxs: error:` line, optionally followed by one hint line.
    #[track_caller]
    pub fn one_error(&self) -> &Self {
        let lines: Vec<&str> = self
            .stderr
            .lines()
            .filter(|l| !l.starts_with("mxs: warning") && !l.starts_with("mxs: reverse"))
            .collect();
        assert!(
            !lines.is_empty() && lines[0].starts_with("mxs: error: "),
            "stderr:\n{}",
            self.stderr
        );
        let errors = lines
            .iter()
            .filter(|l| l.starts_with("mxs: error: "))
            .count();
        assert_eq!(errors, 1, "stderr:\n{}", self.stderr);
        assert!(
            lines.len() <= 2 && lines.get(1).is_none_or(|l| l.starts_with("  hint: ")),
            "stderr:\n{}",
            self.stderr
        );
        self
    }
}

/// `mxs` with a scrubbed environment.
pub fn mxs(args: &[&str]) -> Mxs {
    let home = tempfile::tempdir().expect("tempdir");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mxs"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("LANG", "C.UTF-8")
        .args(args);
    let path = home.path().to_path_buf();
    Mxs {
        cmd,
        stdin: None,
        _home: home,
        home: path,
    }
}

impl Mxs {
    pub fn env(mut self, k: &str, v: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.env(k, v);
        self
    }

    pub fn args(mut self, args: &[&str]) -> Self {
        self.cmd.args(args);
        self
    }

    pub fn hosts(self, server: &MockServer) -> Self {
        let ep = server.endpoint();
        self.args(&["--hosts", &ep])
    }

    pub fn stdin(mut self, data: &[u8]) -> Self {
        self.stdin = Some(data.to_vec());
        self
    }

    pub fn command(&mut self) -> &mut Command {
        &mut self.cmd
    }

    pub fn run(mut self) -> Run {
        self.cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.cmd.spawn().expect("spawn mxs");
        let input = self.stdin.take().unwrap_or_default();
        let mut stdin = child.stdin.take().expect("stdin");
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let Output {
            status,
            stdout,
            stderr,
        } = child.wait_with_output().expect("wait");
        let _ = writer.join();
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }
}

pub fn start(config: MockConfig) -> MockServer {
    MockServer::start(config).expect("mock server")
}

/// The default mock: the real MaxScale 24.02.4 captures.
pub fn real() -> MockServer {
    start(MockConfig::default())
}

pub fn version(v: Version) -> MockServer {
    start(MockConfig {
        version: v,
        ..MockConfig::default()
    })
}

pub fn generated(n: usize, seed: u64) -> MockServer {
    start(MockConfig {
        sessions: Some(n),
        seed,
        ..MockConfig::default()
    })
}

pub fn faulty(fault: Fault) -> MockServer {
    start(MockConfig {
        fault: Some(fault),
        ..MockConfig::default()
    })
}

/// Every dataset the mock serves: the documented responses of each version and the captures.
pub const VERSIONS: [Version; 7] = Version::ALL;

/// A raw GET against the mock (for comparing with what mxs prints).
pub fn raw_get(server: &MockServer, path: &str) -> serde_json::Value {
    let mut s = TcpStream::connect(server.addr()).expect("connect");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nAuthorization: Basic YWRtaW46bWFyaWFkYg==\r\nConnection: close\r\n\r\n",
        server.addr()
    )
    .expect("write");
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).expect("read");
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers")
        + 4;
    serde_json::from_slice(&buf[split..]).expect("json body")
}

/// Removes mxs's additions from a resource.
pub fn without_meta(mut v: serde_json::Value) -> serde_json::Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("meta");
    }
    v
}

/// Whether `script` (util-linux) is there to make a pseudo-terminal.
pub fn have_pty() -> bool {
    Command::new("script").arg("--version").output().is_ok()
}

/// Runs a shell command line in a pseudo-terminal (`script`), with a scrubbed environment and
/// `TERM=xterm`; returns its exit code and everything it wrote to the terminal.
pub fn in_pty(command_line: &str) -> (Option<i32>, String) {
    let home = tempfile::tempdir().expect("tempdir");
    let out = Command::new("script")
        .args(["-qec", command_line, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .env("HOME", home.path())
        .output()
        .expect("run script");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// An address on which nothing listens.
pub fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}
