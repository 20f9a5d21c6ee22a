//! Helpers: run `mxs` with a scrubbed environment (no NO_COLOR, CLICOLOR*, TERM, MXS_*, proxies;
//! HOME is an empty temporary directory), start mock servers, and check output invariants.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

pub use mxs_mock::{Expect, Fault, MockConfig, MockServer, Version};

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

    /// stdout's lines split at tabs.
    pub fn tsv(&self) -> Vec<Vec<&str>> {
        self.stdout
            .lines()
            .map(|l| l.split('\t').collect())
            .collect()
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

/// The time the tests' servers are frozen at unless a test sets its own `server_time`
/// (2026-11-28 09:20:00 UTC, the generated sessions' "now", 28 s after the captures' running
/// statement was received): the mock serves its datasets as they are, and only `advance_clock`
/// moves time, so outputs are deterministic.
pub const FROZEN_AT: i64 = 1_795_857_600;

/// `config` with a frozen clock (see [`FROZEN_AT`]).
pub fn frozen(mut config: MockConfig) -> MockConfig {
    config.server_time.get_or_insert(FROZEN_AT);
    config
}

/// A mock server for a test: it expects at least one request, and fails the test when it is
/// dropped without one (a test says what else it expects with `expect_requests` or
/// `expect(Expect::Nothing)`).
pub fn start(config: MockConfig) -> MockServer {
    expecting(MockServer::start(frozen(config)).expect("mock server"))
}

/// `server`, expecting at least one request (see [`start`]).
pub fn expecting(server: MockServer) -> MockServer {
    server.expect(Expect::Some);
    server
}

/// The default mock: the real MaxScale 24.02.4 captures.
pub fn real() -> MockServer {
    start(MockConfig::default())
}

/// The real captures on a running clock (the sessions' times moved to the start): for tests
/// that compare the times of what the mock does now (log lines it appends) with mxs's own clock.
pub fn real_running() -> MockServer {
    expecting(MockServer::start(MockConfig::default()).expect("mock server"))
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
pub const VERSIONS: [Version; 8] = Version::ALL;

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

/// The output of a program in a pseudo-terminal so far, and whether the terminal was closed
/// (the program and its children have all exited); a condition variable signals each change.
type Screen = Arc<(Mutex<(Vec<u8>, bool)>, Condvar)>;

/// A program running in a pseudo-terminal of a given size. Keys can be written to it and the
/// window resized while it runs; everything it writes to the terminal is collected.
pub struct PtyRun {
    /// The screen as a terminal shows it, fed from the output, and how much it has read.
    vt: Mutex<(vt100::Parser, usize)>,
    /// The terminal's master side; `None` once [`PtyRun::hang_up`] has closed it.
    pty: Option<Arc<pty_process::blocking::Pty>>,
    child: std::process::Child,
    output: Screen,
    reader: Option<std::thread::JoinHandle<()>>,
    /// Set to make the reader let go of the master side.
    stop: Arc<std::sync::atomic::AtomicBool>,
    _home: Option<tempfile::TempDir>,
}

/// How long a pseudo-terminal test waits for output or an exit before it fails.
pub const PTY_TIMEOUT: Duration = Duration::from_secs(20);

impl PtyRun {
    /// Starts `cmd` with the terminal as its stdin, stdout and stderr and as its controlling
    /// terminal, `rows` by `cols`.
    pub fn spawn(cmd: Command, rows: u16, cols: u16) -> PtyRun {
        let (pty, pts) = pty_process::blocking::open().expect("open a pseudo-terminal");
        pty.resize(pty_process::Size::new(rows, cols))
            .expect("set the window size");
        let child = pty_process::blocking::Command::from(cmd)
            .spawn(pts)
            .expect("spawn in the pseudo-terminal");
        let pty = Arc::new(pty);
        let output: Screen = Arc::new((Mutex::new((Vec::new(), false)), Condvar::new()));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let reader = {
            let (pty, output, stop) = (Arc::clone(&pty), Arc::clone(&output), Arc::clone(&stop));
            std::thread::spawn(move || {
                let mut buf = [0u8; 16 * 1024];
                let tick = rustix::event::Timespec {
                    tv_sec: 0,
                    tv_nsec: 50_000_000,
                };
                loop {
                    // a blocked read cannot be called off: wait for input a tick at a time
                    let mut fds = [rustix::event::PollFd::new(
                        &*pty,
                        rustix::event::PollFlags::IN,
                    )];
                    if rustix::event::poll(&mut fds, Some(&tick)).is_ok_and(|n| n == 0) {
                        if stop.load(std::sync::atomic::Ordering::Relaxed) {
                            break;
                        }
                        continue;
                    }
                    // Linux answers EIO once the last process holding the terminal has exited.
                    let n = (&*pty).read(&mut buf).unwrap_or(0);
                    let (lock, cvar) = &*output;
                    let mut state = lock.lock().unwrap();
                    state.0.extend_from_slice(&buf[..n]);
                    state.1 = n == 0;
                    cvar.notify_all();
                    if n == 0 {
                        break;
                    }
                }
            })
        };
        PtyRun {
            vt: Mutex::new((vt100::Parser::new(nz(rows), nz(cols), 0), 0)),
            pty: Some(pty),
            child,
            output,
            reader: Some(reader),
            stop,
            _home: None,
        }
    }

    fn pty(&self) -> &pty_process::blocking::Pty {
        self.pty.as_deref().expect("the terminal was hung up")
    }

    /// Closes the terminal's master side, as a terminal emulator or an ssh connection that goes
    /// away does, without a signal (the program is not this terminal's session leader), and
    /// waits for the program to exit. Fails after [`PTY_TIMEOUT`].
    #[track_caller]
    pub fn hang_up(mut self) -> Option<i32> {
        self.feed();
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.pty = None;
        let exit = rustix::process::pidfd_open(
            rustix::process::Pid::from_child(&self.child),
            rustix::process::PidfdFlags::empty(),
        )
        .expect("pidfd_open");
        let mut fds = [rustix::event::PollFd::new(
            &exit,
            rustix::event::PollFlags::IN,
        )];
        let timeout = rustix::event::Timespec {
            tv_sec: PTY_TIMEOUT.as_secs().try_into().unwrap(),
            tv_nsec: 0,
        };
        let exited = rustix::event::poll(&mut fds, Some(&timeout)).expect("poll") == 1;
        if !exited {
            let _ = self.child.kill();
        }
        let status = self.child.wait().expect("wait");
        assert!(
            exited,
            "still running {PTY_TIMEOUT:?} after its terminal was closed"
        );
        status.code()
    }

    /// Sends SIGTERM to the program, as `kill` from another terminal does.
    pub fn terminate(&self) {
        let pid = rustix::process::Pid::from_child(&self.child);
        rustix::process::kill_process(pid, rustix::process::Signal::TERM).expect("kill");
    }

    /// Types `keys`.
    pub fn write(&self, keys: &[u8]) {
        self.pty().write_all(keys).expect("write to the terminal");
    }

    /// Resizes the window (the program gets SIGWINCH).
    pub fn resize(&self, rows: u16, cols: u16) {
        self.feed();
        self.vt
            .lock()
            .unwrap()
            .0
            .screen_mut()
            .set_size(nz(rows), nz(cols));
        self.pty()
            .resize(pty_process::Size::new(rows, cols))
            .expect("resize the terminal");
    }

    /// Everything written so far, lossily decoded.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.0.lock().unwrap().0).into_owned()
    }

    /// Waits until the output contains `needle` (counting only output after the first `skip`
    /// bytes) and returns the output's length then; fails after [`PTY_TIMEOUT`].
    #[track_caller]
    pub fn wait_for_after(&self, skip: usize, needle: &str) -> usize {
        let (lock, cvar) = &*self.output;
        let deadline = Instant::now() + PTY_TIMEOUT;
        let mut state = lock.lock().unwrap();
        loop {
            let seen = state.0.get(skip..).unwrap_or_default();
            if seen.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                return state.0.len();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !state.1 && !left.is_zero(),
                "the terminal never showed {needle:?}:\n{}",
                String::from_utf8_lossy(&state.0)
            );
            state = cvar.wait_timeout(state, left).unwrap().0;
        }
    }

    /// Feeds the output not yet read to the terminal emulator; returns the screen's text.
    fn feed(&self) -> String {
        let out = self.output.0.lock().unwrap().0.clone();
        let mut vt = self.vt.lock().unwrap();
        let from = vt.1;
        vt.0.process(&out[from..]);
        vt.1 = out.len();
        vt.0.screen().contents()
    }

    /// The screen as a terminal would show it now (its text, row by row).
    pub fn screen(&self) -> String {
        self.feed()
    }

    /// The screen's attributes at a cell: (bold, inverse), once [`PtyRun::screen`] has run.
    pub fn cell_attrs(&self, row: u16, col: u16) -> (bool, bool) {
        let vt = self.vt.lock().unwrap();
        vt.0.screen()
            .cell(row, col)
            .map_or((false, false), |c| (c.bold(), c.inverse()))
    }

    /// Waits until the screen, as a terminal shows it, satisfies `ready`; returns its text.
    /// Fails after [`PTY_TIMEOUT`].
    #[track_caller]
    pub fn wait_screen(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PTY_TIMEOUT;
        loop {
            let text = self.feed();
            if ready(&text) {
                return text;
            }
            // what the screen was fed: output that came in since is fed at once, not waited for
            let fed = self.vt.lock().unwrap().1;
            let (lock, cvar) = &*self.output;
            let state = lock.lock().unwrap();
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero() && (!state.1 || state.0.len() > fed),
                "the screen never showed {what}:\n{text}"
            );
            // wait for more output (or the deadline)
            let _ = cvar
                .wait_timeout_while(state, left, |s| s.0.len() == fed && !s.1)
                .unwrap();
        }
    }

    /// [`PtyRun::wait_screen`] for a text on the screen.
    #[track_caller]
    pub fn wait_text(&self, needle: &str) -> String {
        self.wait_screen(needle, |s| s.contains(needle))
    }

    /// The terminal's line discipline is in canonical (cooked) mode with echo: raw mode is off.
    pub fn cooked(&self) -> bool {
        let t = rustix::termios::tcgetattr(self.pty()).expect("tcgetattr");
        t.local_modes.contains(rustix::termios::LocalModes::ICANON)
            && t.local_modes.contains(rustix::termios::LocalModes::ECHO)
    }

    /// [`PtyRun::wait_for_after`] from the start.
    #[track_caller]
    pub fn wait_for(&self, needle: &str) -> usize {
        self.wait_for_after(0, needle)
    }

    /// Waits for the program to exit (killing it after [`PTY_TIMEOUT`]); its exit code (`None`
    /// for a signal) and everything it wrote.
    #[track_caller]
    pub fn finish(mut self) -> (Option<i32>, String) {
        self.wait_exit()
    }

    /// [`PtyRun::finish`], and whether the terminal was left in cooked mode (raw mode off).
    #[track_caller]
    pub fn finish_cooked(mut self) -> (Option<i32>, String, bool) {
        let (code, text) = self.wait_exit();
        (code, text, self.cooked())
    }

    #[track_caller]
    fn wait_exit(&mut self) -> (Option<i32>, String) {
        let (lock, cvar) = &*self.output;
        let (state, waited) = cvar
            .wait_timeout_while(lock.lock().unwrap(), PTY_TIMEOUT, |s| !s.1)
            .unwrap();
        let timed_out = waited.timed_out();
        drop(state);
        if timed_out {
            let _ = self.child.kill();
        }
        let status = self.child.wait().expect("wait");
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        let text = self.output();
        assert!(!timed_out, "still running after {PTY_TIMEOUT:?}:\n{text}");
        (status.code(), text)
    }
}

/// A test that fails half-way never leaves its program running.
impl Drop for PtyRun {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Mxs {
    /// Runs `mxs` in a pseudo-terminal `rows` by `cols` (`TERM=xterm` unless set).
    pub fn pty(mut self, rows: u16, cols: u16) -> PtyRun {
        if !self.cmd.get_envs().any(|(k, _)| k == "TERM") {
            self.cmd.env("TERM", "xterm");
        }
        let mut run = PtyRun::spawn(self.cmd, rows, cols);
        run._home = Some(self._home);
        run
    }
}

/// Runs a shell command line in a 40x120 pseudo-terminal, with a scrubbed environment and
/// `TERM=xterm`; returns its exit code and everything it wrote to the terminal.
pub fn in_pty(command_line: &str) -> (Option<i32>, String) {
    let home = tempfile::tempdir().expect("tempdir");
    let mut cmd = Command::new("sh");
    cmd.args(["-c", command_line])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm")
        .env("HOME", home.path());
    let mut run = PtyRun::spawn(cmd, 40, 120);
    run._home = Some(home);
    run.finish()
}

/// `text` without terminal escape sequences (CSI, OSC, and two-byte `ESC x`), and with the
/// terminal's `\r\n` as `\n`.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates, then a final byte in @..~
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                // OSC: up to BEL or ESC \
                Some(']') => {
                    while let Some(c) = chars.next() {
                        if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' if chars.peek() == Some(&'\n') => {}
            c => out.push(c),
        }
    }
    out
}

/// Display width (escape sequences removed first).
pub fn display_width(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(strip_ansi(line).as_str())
}

/// Asserts that every line of a table (its header line first) has the display width of the
/// header line once escape sequences are removed: the cells of each column are padded to the
/// same width as its header. Lines are trimmed at the end as printed, so the table's last
/// column must be right-aligned (a number) or as wide on every line.
#[track_caller]
pub fn assert_table(table: &str) {
    let plain = strip_ansi(table);
    let lines: Vec<&str> = plain.lines().collect();
    assert!(lines.len() > 1, "a header and rows:\n{plain}");
    let header = unicode_width::UnicodeWidthStr::width(lines[0]);
    for line in &lines[1..] {
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(*line),
            header,
            "not the header's width: {line:?}\nin:\n{plain}\nas printed: {table:?}"
        );
    }
}

/// Asserts that in a table of left-aligned columns (its header line first), every cell starts
/// where its column's header starts, once escape sequences are removed. Header cells are
/// separated by at least two spaces.
#[track_caller]
pub fn assert_columns_under_headers(table: &str) {
    let plain = strip_ansi(table);
    let lines: Vec<Vec<char>> = plain.lines().map(|l| l.chars().collect()).collect();
    assert!(lines.len() > 1, "a header and rows:\n{plain}");
    let header = &lines[0];
    let starts: Vec<usize> = (0..header.len())
        .filter(|&i| {
            header[i] != ' '
                && (i == 0
                    || (i >= 2 && header[i - 1] == ' ' && header[i - 2] == ' ')
                    || (i == 1 && header[0] == ' '))
        })
        .collect();
    assert!(starts.len() > 1, "several columns: {plain}");
    for row in &lines[1..] {
        for &at in &starts {
            assert!(
                row.get(at).is_some_and(|c| *c != ' ')
                    && (at == 0 || row.get(at - 1) == Some(&' ')),
                "a cell does not start under its header at column {at}: {:?}\nin:\n{plain}",
                row.iter().collect::<String>()
            );
        }
    }
}

/// An address on which nothing listens.
pub fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}

/// The screen a live view showed last, before it left the alternate screen: `text` (all it
/// wrote) up to its last `ESC [?1049l`, through a terminal emulator `rows` by `cols`.
pub fn last_screen(text: &str, rows: u16, cols: u16) -> String {
    let until = text.rfind("\u{1b}[?1049l").unwrap_or(text.len());
    let mut parser = vt100::Parser::new(nz(rows), nz(cols), 0);
    parser.process(&text.as_bytes()[..until]);
    parser.screen().contents()
}

/// A terminal size for the emulator, which needs at least one row and one column.
fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap_or(std::num::NonZeroU16::MIN)
}
