//! Exit codes and the typed errors that map onto them. Owns the one documented exit-code table
//! and the hint lines; does not print anything itself (that is `main`'s job).

use std::fmt;

/// The documented exit codes (README, man page and `--help` show the same table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitKind {
    /// 1: any other error, including an invalid server response.
    Other,
    /// 2: usage error (bad flag, bad value, bad config file).
    Usage,
    /// 3: MaxScale unreachable: connection refused, unresolvable host, TLS failure, timeout.
    Unreachable,
    /// 4: authentication or authorization rejected (401, 403).
    Auth,
    /// 5: not found (404: no such session).
    NotFound,
}

impl ExitKind {
    #[must_use]
    pub fn code(self) -> u8 {
        match self {
            ExitKind::Other => 1,
            ExitKind::Usage => 2,
            ExitKind::Unreachable => 3,
            ExitKind::Auth => 4,
            ExitKind::NotFound => 5,
        }
    }
}

/// The exit-code table as printed in `--help` and the man page.
pub const EXIT_CODES_HELP: &str = "\
Exit status:
  0  success (an empty list too)
  1  any other error, including an invalid server response
  2  usage error (bad option, value or config file)
  3  MaxScale unreachable: connection refused, host not resolvable, TLS failure, timeout
  4  authentication or authorization rejected (HTTP 401, 403)
  5  not found (HTTP 404: no such session)";

/// An error that carries its exit code and an optional hint line.
#[derive(Debug)]
pub struct Failure {
    pub kind: ExitKind,
    pub message: String,
    pub hint: Option<String>,
    /// The server's `errors[].detail`, when it sent one.
    pub detail: Option<String>,
}

impl Failure {
    pub fn new(kind: ExitKind, message: impl Into<String>) -> Self {
        Failure {
            kind,
            message: message.into(),
            hint: None,
            detail: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Failure::new(ExitKind::Usage, message)
    }

    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// Finds the exit kind of an error by walking its cause chain for a [`Failure`].
#[must_use]
pub fn exit_kind(err: &anyhow::Error) -> ExitKind {
    err.chain()
        .find_map(|e| e.downcast_ref::<Failure>().map(|f| f.kind))
        .unwrap_or(ExitKind::Other)
}

/// The hint of the first [`Failure`] in the chain that has one.
#[must_use]
pub fn hint(err: &anyhow::Error) -> Option<&str> {
    err.chain()
        .find_map(|e| e.downcast_ref::<Failure>().and_then(|f| f.hint.as_deref()))
}

/// Whether the error is (or is caused by) a closed output pipe, which is not a failure.
#[must_use]
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn exit_codes_are_the_documented_ones() {
        assert_eq!(ExitKind::Other.code(), 1);
        assert_eq!(ExitKind::Usage.code(), 2);
        assert_eq!(ExitKind::Unreachable.code(), 3);
        assert_eq!(ExitKind::Auth.code(), 4);
        assert_eq!(ExitKind::NotFound.code(), 5);
        for line in ["0  success", "3  MaxScale unreachable", "5  not found"] {
            assert!(EXIT_CODES_HELP.contains(line), "{line}");
        }
    }

    #[test]
    fn exit_kind_is_found_through_context() {
        let err = anyhow::Error::new(Failure::new(ExitKind::Auth, "denied").with_hint("check -u"))
            .context("GET /v1/sessions");
        assert_eq!(exit_kind(&err), ExitKind::Auth);
        assert_eq!(hint(&err), Some("check -u"));
        let plain: anyhow::Result<()> = Err(anyhow::anyhow!("x")).context("y");
        assert_eq!(exit_kind(&plain.unwrap_err()), ExitKind::Other);
    }

    #[test]
    fn broken_pipe_is_detected_in_chain() {
        let io = std::io::Error::new(std::io::ErrorKind::BrokenPipe, "pipe");
        let err = anyhow::Error::new(io).context("writing output");
        assert!(is_broken_pipe(&err));
    }
}
