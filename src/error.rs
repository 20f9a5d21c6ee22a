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

/// What went wrong, by kind. Every error mxs reports carries one, and [`Cause::exit_kind`] is
/// the one table that maps them to exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// A bad option, value, config file or id, found before any request is sent.
    Usage,
    /// The request, or reading its answer, took longer than `--timeout`.
    Timeout,
    /// Nothing listens at the endpoint.
    Refused,
    /// The endpoint's host name does not resolve.
    Unresolvable,
    /// The TLS handshake failed, or there are no CA certificates to verify the server with.
    Tls,
    /// The connection was reset, or closed before or while the answer was read.
    ConnectionLost,
    /// The body ended before its announced length or before the document did.
    Truncated,
    /// The body is larger than `--max-response-size`.
    TooLarge,
    /// The answer is not a MaxScale document: invalid JSON, the wrong shape, HTML, a redirect.
    InvalidDocument,
    /// HTTP 401 or 403: the credentials, or the account's rights, were rejected.
    Denied,
    /// HTTP 404: no such session (or no such route).
    NotFound,
    /// Any other error status, such as a write the server refused with 400.
    ServerError,
    /// The server's version cannot do what was asked (a write route it does not have).
    Unsupported,
    /// Reading standard input or writing the output failed.
    Io,
    /// A bug in mxs: a worker thread panicked, a lock was poisoned.
    Internal,
}

impl Cause {
    /// The exit code of each cause: the one place where errors become exit codes.
    #[must_use]
    pub fn exit_kind(self) -> ExitKind {
        match self {
            Cause::Usage => ExitKind::Usage,
            Cause::Timeout
            | Cause::Refused
            | Cause::Unresolvable
            | Cause::Tls
            | Cause::ConnectionLost => ExitKind::Unreachable,
            Cause::Denied => ExitKind::Auth,
            Cause::NotFound => ExitKind::NotFound,
            Cause::Truncated
            | Cause::TooLarge
            | Cause::InvalidDocument
            | Cause::ServerError
            | Cause::Unsupported
            | Cause::Io
            | Cause::Internal => ExitKind::Other,
        }
    }
}

/// An error that carries its cause (and so its exit code) and an optional hint line.
#[derive(Debug)]
pub struct Failure {
    pub cause: Cause,
    pub message: String,
    pub hint: Option<String>,
    /// The server's `errors[].detail`, when it sent one.
    pub detail: Option<String>,
    /// The HTTP status, when the server answered with an error status.
    pub status: Option<u16>,
}

impl Failure {
    pub fn new(cause: Cause, message: impl Into<String>) -> Self {
        Failure {
            cause,
            message: message.into(),
            hint: None,
            detail: None,
            status: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Failure::new(Cause::Usage, message)
    }

    /// An internal error: a bug, not the user's or the server's doing.
    pub fn internal(message: impl Into<String>) -> Self {
        Failure::new(
            Cause::Internal,
            format!("internal error: {}", message.into()),
        )
    }

    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The exit code this failure ends the run with.
    #[must_use]
    pub fn kind(&self) -> ExitKind {
        self.cause.exit_kind()
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
        .find_map(|e| e.downcast_ref::<Failure>().map(Failure::kind))
        .unwrap_or(ExitKind::Other)
}

/// The cause of the first [`Failure`] in the chain, if there is one.
#[must_use]
pub fn cause(err: &anyhow::Error) -> Option<Cause> {
    err.chain()
        .find_map(|e| e.downcast_ref::<Failure>().map(|f| f.cause))
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
        let err = anyhow::Error::new(Failure::new(Cause::Denied, "denied").with_hint("check -u"))
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
