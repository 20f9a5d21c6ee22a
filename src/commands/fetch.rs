//! Fetching from every endpoint at once: one thread per host, each streaming its response
//! through the scanner and handing out parsed sessions as they arrive. Per-host failures are
//! collected, not fatal, so the other hosts' output is still printed.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use crate::api::client::Client;
use crate::api::model::{Detail, Session, describe};
use crate::api::scan::{self, Event, ScanError};
use crate::endpoint::Endpoint;
use crate::error::{ExitKind, Failure};

/// A host's other top-level members (`links`, `meta`, ...), raw.
pub type Members = Vec<(Vec<u8>, Vec<u8>)>;

/// What one host gave.
pub struct HostOutcome {
    pub host: usize,
    pub result: anyhow::Result<Members>,
}

/// Turns a scanner error into a failure with the right exit code and the request named.
pub fn scan_failure(err: ScanError, request: &str) -> anyhow::Error {
    if let ScanError::Io(io) = &err {
        if io.kind() == std::io::ErrorKind::TimedOut || io.to_string().contains("timed out") {
            return anyhow::Error::new(
                Failure::new(
                    ExitKind::Unreachable,
                    format!("{request}: timed out while reading the response"),
                )
                .with_hint("raise --timeout"),
            );
        }
        if let Some(inner) = io
            .get_ref()
            .and_then(|e| e.downcast_ref::<crate::api::client::TooLarge>())
        {
            return anyhow::Error::new(
                Failure::new(ExitKind::Other, format!("{request}: {inner}"))
                    .with_hint("raise --max-response-size if this is expected"),
            );
        }
        let text = crate::text::sanitize::line(&crate::api::client::io_chain(io)).into_owned();
        let lower = text.to_ascii_lowercase();
        if io.kind() == std::io::ErrorKind::UnexpectedEof
            || lower.contains("end of file")
            || lower.contains("incomplete")
        {
            return anyhow::Error::new(Failure::new(
                ExitKind::Other,
                format!(
                    "{request}: invalid response: the body was truncated (the connection closed before the announced length): {text}"
                ),
            ));
        }
        return anyhow::Error::new(Failure::new(
            ExitKind::Unreachable,
            format!("{request}: the connection failed while reading the response: {text}"),
        ));
    }
    // A closed stdout found while writing an element is not the server's fault.
    let err = match err {
        ScanError::Rejected { error, .. } if crate::error::is_broken_pipe(&error) => return error,
        other => other,
    };
    anyhow::Error::new(Failure::new(
        ExitKind::Other,
        format!(
            "{request}: invalid response: {}",
            crate::text::sanitize::line(&err.to_string())
        ),
    ))
}

/// GETs the session list from every endpoint concurrently. Each session is parsed and passed
/// to `prepare` on worker threads (in parallel, in any order); `commit` then receives the
/// prepared values of each batch in document order, one host's batches at a time.
pub fn list<P, F, C>(
    client: &Client,
    endpoints: &[Endpoint],
    path: &str,
    detail: Detail,
    prepare: F,
    commit: C,
) -> Vec<HostOutcome>
where
    P: Send,
    F: Fn(Session, &[u8]) -> anyhow::Result<P> + Sync,
    C: Fn(Vec<P>) -> anyhow::Result<()> + Sync,
{
    let (prepare, commit) = (&prepare, &commit);
    std::thread::scope(|scope| {
        let handles: Vec<_> = endpoints
            .iter()
            .enumerate()
            .map(|(host, endpoint)| {
                scope.spawn(move || HostOutcome {
                    host,
                    result: list_one(client, endpoint, host, path, detail, prepare, commit),
                })
            })
            .collect();
        handles
            .into_iter()
            .enumerate()
            .map(|(host, h)| {
                h.join().unwrap_or_else(|_| HostOutcome {
                    host,
                    result: Err(anyhow::anyhow!("internal error: a worker thread panicked")),
                })
            })
            .collect()
    })
}

/// Elements handed from the scanning thread to the parsing threads, many at a time.
struct Batch {
    buf: Vec<u8>,
    /// (index in `data`, range in `buf`, line, column)
    items: Vec<(usize, std::ops::Range<usize>, u64, u64)>,
}

const BATCH_BYTES: usize = 512 * 1024;

/// Parsed batches waiting for their turn to be committed in document order.
struct Reorder<P> {
    next: usize,
    waiting: BTreeMap<usize, Result<Vec<P>, ScanError>>,
}

impl<P> Reorder<P> {
    /// Commits every batch whose turn has come; the first parse error (in document order)
    /// is returned as `Ok(Some(error))`, a commit error as `Err`.
    fn drain(
        &mut self,
        commit: &impl Fn(Vec<P>) -> anyhow::Result<()>,
    ) -> anyhow::Result<Option<ScanError>> {
        while let Some(result) = self.waiting.remove(&self.next) {
            self.next += 1;
            match result {
                Ok(items) => commit(items)?,
                Err(e) => return Ok(Some(e)),
            }
        }
        Ok(None)
    }
}

fn list_one<P, F, C>(
    client: &Client,
    endpoint: &Endpoint,
    host: usize,
    path: &str,
    detail: Detail,
    prepare: &F,
    commit: &C,
) -> anyhow::Result<Members>
where
    P: Send,
    F: Fn(Session, &[u8]) -> anyhow::Result<P> + Sync,
    C: Fn(Vec<P>) -> anyhow::Result<()> + Sync,
{
    let body = client.get(endpoint, path).map_err(|f| {
        if f.kind == ExitKind::NotFound {
            let message = f.message.clone();
            anyhow::Error::new(f.with_hint("is this MaxScale's admin API? (GET /v1/sessions exists in every version since 2.2)"))
                .context(message)
        } else {
            anyhow::Error::new(f)
        }
    })?;
    let request = format!("GET {}", body.url);
    let mut members = Vec::new();
    // This thread scans the body as it arrives and commits results in order; workers parse and
    // prepare the batches in parallel, so the work spreads over every core.
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4));
    let failed = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<(usize, Batch)>(workers * 2);
    let rx = Mutex::new(rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Result<Vec<P>, ScanError>)>();
    // Emptied batches go back to the scanner: big buffers are reused, not reallocated.
    let (free_tx, free_rx) = mpsc::channel::<Batch>();
    let outcome = std::thread::scope(|scope| -> anyhow::Result<Option<ScanError>> {
        for _ in 0..workers {
            let (rx, done_tx, free_tx, failed) = (&rx, done_tx.clone(), free_tx.clone(), &failed);
            scope.spawn(move || {
                loop {
                    let job = rx.lock().ok().and_then(|r| r.recv().ok());
                    let Some((seq, mut batch)) = job else { break };
                    let mut out = Vec::with_capacity(batch.items.len());
                    let mut result = Ok(());
                    for (index, range, line, column) in &batch.items {
                        let bytes = &batch.buf[range.clone()];
                        match Session::parse_for_list(bytes, host, detail)
                            .and_then(|s| prepare(s, bytes))
                        {
                            Ok(p) => out.push(p),
                            Err(e) => {
                                failed.store(true, Ordering::Relaxed);
                                result =
                                    Err(scan::locate(&format!("data[{index}]"), *line, *column, e));
                                break;
                            }
                        }
                    }
                    if done_tx.send((seq, result.map(|()| out))).is_err() {
                        break;
                    }
                    batch.buf.clear();
                    batch.items.clear();
                    let _ = free_tx.send(batch);
                }
            });
        }
        drop(done_tx);
        let mut reorder = Reorder {
            next: 0,
            waiting: BTreeMap::new(),
        };
        let mut parse_error = None;
        let mut seq = 0;
        drop(free_tx);
        let fresh = || {
            free_rx.try_recv().unwrap_or_else(|_| Batch {
                buf: Vec::with_capacity(BATCH_BYTES + 64 * 1024),
                items: Vec::with_capacity(256),
            })
        };
        let mut batch = fresh();
        let scanned = scan::scan(body, |event| match event {
            Event::Element {
                index,
                bytes,
                line,
                column,
            } => {
                if failed.load(Ordering::Relaxed) {
                    anyhow::bail!("stopped: the parser failed");
                }
                let at = batch.buf.len();
                batch.buf.extend_from_slice(bytes);
                batch.items.push((index, at..batch.buf.len(), line, column));
                if batch.buf.len() >= BATCH_BYTES {
                    tx.send((seq, std::mem::replace(&mut batch, fresh())))
                        .map_err(|_| anyhow::anyhow!("stopped: the parser failed"))?;
                    seq += 1;
                    while let Ok((s, r)) = done_rx.try_recv() {
                        reorder.waiting.insert(s, r);
                    }
                    if let Some(e) = reorder.drain(commit)? {
                        parse_error = Some(e);
                        failed.store(true, Ordering::Relaxed);
                        anyhow::bail!("stopped: the parser failed");
                    }
                }
                Ok(())
            }
            Event::Data { bytes } => Err(anyhow::anyhow!(
                "\"data\" is {}, expected the array of sessions",
                describe(bytes)
            )),
            Event::Member { key, value } => {
                crate::output::json::validate(key)?;
                crate::output::json::validate(value)?;
                members.push((key.to_vec(), value.to_vec()));
                Ok(())
            }
        });
        // Elements captured before a scan error are still parsed: a broken element is a more
        // precise report than the truncation that follows it.
        if !batch.items.is_empty() {
            let _ = tx.send((seq, batch));
        }
        drop(tx);
        if parse_error.is_some() {
            return Ok(parse_error);
        }
        for (s, r) in done_rx {
            reorder.waiting.insert(s, r);
            if let Some(e) = reorder.drain(commit)? {
                return Ok(Some(e));
            }
        }
        match scanned {
            Ok(()) => Ok(None),
            Err(e) => Ok(Some(e)),
        }
    });
    // The parsers' error, in document order, comes first; then the scanner's.
    if let Some(e) = outcome? {
        return Err(scan_failure(e, &request));
    }
    Ok(members)
}

/// One session document from one host: the resource bytes and the other members, or `None` for
/// a 404.
pub struct Found {
    pub host: usize,
    pub resource: Vec<u8>,
    /// The resource, parsed (checked while reading the response).
    pub session: Session,
    pub members: Members,
}

/// What one host said about one session: found, or not found (with the server's detail).
pub enum Shown {
    Found(Box<Found>),
    Missing(Option<String>),
}

/// GETs one session from every endpoint concurrently.
pub fn show(
    client: &Arc<Client>,
    endpoints: &[Endpoint],
    path: &str,
) -> Vec<(usize, anyhow::Result<Shown>)> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = endpoints
            .iter()
            .enumerate()
            .map(|(host, endpoint)| {
                scope.spawn(move || (host, show_one(client, endpoint, host, path)))
            })
            .collect();
        handles
            .into_iter()
            .enumerate()
            .map(|(host, h)| {
                h.join().unwrap_or_else(|_| {
                    (
                        host,
                        Err(anyhow::anyhow!("internal error: a worker thread panicked")),
                    )
                })
            })
            .collect()
    })
}

fn show_one(
    client: &Client,
    endpoint: &Endpoint,
    host: usize,
    path: &str,
) -> anyhow::Result<Shown> {
    let body = match client.get(endpoint, path) {
        Ok(b) => b,
        Err(f) if f.kind == ExitKind::NotFound => return Ok(Shown::Missing(f.detail)),
        Err(f) => return Err(f.into()),
    };
    let request = format!("GET {}", body.url);
    let mut resource = None;
    let mut members = Vec::new();
    scan::scan(body, |event| {
        match event {
            Event::Data { bytes } => {
                let session = Session::parse(bytes, host)?;
                crate::output::json::validate(bytes)?;
                resource = Some((bytes.to_vec(), session));
            }
            Event::Element { bytes, .. } => {
                crate::output::json::validate(bytes)?;
                anyhow::bail!("\"data\" is an array, expected one session object")
            }
            Event::Member { key, value } => {
                crate::output::json::validate(key)?;
                crate::output::json::validate(value)?;
                members.push((key.to_vec(), value.to_vec()));
            }
        }
        Ok(())
    })
    .map_err(|e| scan_failure(e, &request))?;
    let (resource, session) = resource.ok_or_else(|| {
        Failure::new(
            ExitKind::Other,
            format!("{request}: invalid response: it has no \"data\" member"),
        )
    })?;
    Ok(Shown::Found(Box::new(Found {
        host,
        resource,
        session,
        members,
    })))
}
