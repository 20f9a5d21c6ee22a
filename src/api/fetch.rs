//! Fetching from every endpoint at once: one thread per host, each streaming its response through
//! a [`Pipeline`] (the scanner on the host's thread, parsers on worker threads, results committed
//! in document order) and handing out parsed sessions as they arrive. Per-host failures are
//! collected, not fatal, so the other hosts' output is still printed.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::api::client::{Client, TooLarge};
use crate::api::model::{Depth, Session, describe};
use crate::api::scan::{self, Event, ScanError};
use crate::api::walk::Index;
use crate::endpoint::Endpoint;
use crate::error::{Cause, Failure};
use crate::text::sanitize;

/// A host's other top-level members (`links`, `meta`, ...), raw.
pub type Members = Vec<(Vec<u8>, Vec<u8>)>;

/// What one host gave.
pub struct HostOutcome {
    /// Index of the endpoint, in `--hosts` order.
    pub endpoint: usize,
    pub result: anyhow::Result<Members>,
    /// How long the host took: from the request to the last session parsed.
    pub took: Duration,
}

/// Why a read of the body failed, from the error's types (never its text).
fn io_cause(io: &io::Error) -> Cause {
    if io.kind() == io::ErrorKind::TimedOut {
        return Cause::Timeout;
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = io.get_ref().map(|e| e as _);
    while let Some(e) = source {
        if e.is::<TooLarge>() {
            return Cause::TooLarge;
        }
        if let Some(r) = e.downcast_ref::<reqwest::Error>()
            && r.is_timeout()
        {
            return Cause::Timeout;
        }
        if let Some(h) = e.downcast_ref::<hyper::Error>()
            && (h.is_incomplete_message() || h.is_body_write_aborted())
        {
            return Cause::Truncated;
        }
        if let Some(inner) = e.downcast_ref::<io::Error>() {
            match inner.kind() {
                io::ErrorKind::TimedOut => return Cause::Timeout,
                io::ErrorKind::UnexpectedEof => return Cause::Truncated,
                _ => {}
            }
        }
        source = e.source();
    }
    if io.kind() == io::ErrorKind::UnexpectedEof {
        Cause::Truncated
    } else {
        Cause::ConnectionLost
    }
}

/// Turns a scanner error into a failure with the right cause and the request named.
pub fn scan_failure(err: ScanError, request: &str) -> anyhow::Error {
    let err = match err {
        ScanError::Io(io) => return read_failure(&io, request),
        // A closed stdout found while writing an element is not the server's fault.
        ScanError::Rejected { error, .. } if crate::error::is_broken_pipe(&error) => return error,
        other => other,
    };
    let cause = match err {
        ScanError::Truncated { .. } => Cause::Truncated,
        _ => Cause::InvalidDocument,
    };
    anyhow::Error::new(Failure::new(
        cause,
        format!(
            "{request}: invalid response: {}",
            sanitize::line(&err.to_string())
        ),
    ))
}

fn read_failure(io: &io::Error, request: &str) -> anyhow::Error {
    let text = sanitize::line(&crate::api::client::io_chain(io)).into_owned();
    let failure = match io_cause(io) {
        Cause::Timeout => Failure::new(
            Cause::Timeout,
            format!("{request}: timed out while reading the response"),
        )
        .with_hint("raise --timeout"),
        Cause::TooLarge => Failure::new(
            Cause::TooLarge,
            format!(
                "{request}: {}",
                io.get_ref().map_or(text.clone(), ToString::to_string)
            ),
        )
        .with_hint("raise --max-response-size if this is expected"),
        Cause::Truncated => Failure::new(
            Cause::Truncated,
            format!(
                "{request}: invalid response: the body was truncated (the connection closed before the announced length): {text}"
            ),
        ),
        cause => Failure::new(
            cause,
            format!("{request}: the connection failed while reading the response: {text}"),
        ),
    };
    anyhow::Error::new(failure)
}

/// GETs the session list from every endpoint concurrently. Each session is parsed and passed
/// to `prepare` on worker threads (in parallel, in any order), with the batch's output buffer
/// to render into; `commit` then receives the prepared values and the output of each batch in
/// document order, one host's batches at a time. Only the endpoints `wanted` says yes to are
/// asked, and only they have an outcome.
#[allow(clippy::too_many_arguments)]
pub fn list<P, F, C>(
    client: &Client,
    endpoints: &[Endpoint],
    wanted: impl Fn(usize) -> bool + Sync,
    path: &str,
    depth: Depth,
    prepare: F,
    commit: C,
) -> Vec<HostOutcome>
where
    P: Send,
    F: Fn(Session, &[u8], &mut Vec<u8>) -> anyhow::Result<P> + Sync,
    C: Fn(Vec<P>, &[u8]) -> anyhow::Result<()> + Sync,
{
    let (prepare, commit) = (&prepare, &commit);
    let pipeline = Pipeline::default();
    on_every_endpoint(endpoints, |endpoint, e| {
        if !wanted(endpoint) {
            return None;
        }
        let started = Instant::now();
        let result = list_one(client, e, endpoint, path, depth, &pipeline, prepare, commit);
        Some(HostOutcome {
            endpoint,
            result,
            took: started.elapsed(),
        })
    })
    .into_iter()
    .enumerate()
    .filter_map(|(endpoint, r)| {
        r.unwrap_or_else(|e| {
            Some(HostOutcome {
                endpoint,
                result: Err(e),
                took: Duration::ZERO,
            })
        })
    })
    .collect()
}

/// Runs `task` for every endpoint, each on its own thread; a thread that panicked gives an
/// internal error in its place.
pub fn on_every_endpoint<T: Send>(
    endpoints: &[Endpoint],
    task: impl Fn(usize, &Endpoint) -> T + Sync,
) -> Vec<anyhow::Result<T>> {
    let task = &task;
    std::thread::scope(|scope| {
        let handles: Vec<_> = endpoints
            .iter()
            .enumerate()
            .map(|(i, e)| scope.spawn(move || task(i, e)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .map_err(|_| Failure::internal("a worker thread panicked").into())
            })
            .collect()
    })
}

#[allow(clippy::too_many_arguments)]
fn list_one<P, F, C>(
    client: &Client,
    e: &Endpoint,
    endpoint: usize,
    path: &str,
    depth: Depth,
    pipeline: &Pipeline,
    prepare: &F,
    commit: &C,
) -> anyhow::Result<Members>
where
    P: Send,
    F: Fn(Session, &[u8], &mut Vec<u8>) -> anyhow::Result<P> + Sync,
    C: Fn(Vec<P>, &[u8]) -> anyhow::Result<()> + Sync,
{
    let body = client.get(e, path).map_err(|f| {
        if f.cause == Cause::NotFound {
            let message = f.message.clone();
            anyhow::Error::new(f.with_hint(
                "is this MaxScale's admin API? (GET /v1/sessions exists in every version since 2.2)",
            ))
            .context(message)
        } else {
            anyhow::Error::new(f)
        }
    })?;
    let request = format!("GET {}", body.url);
    pipeline
        .run(
            body,
            |bytes, index, out| {
                Session::parse_for_list(bytes, index, endpoint, depth)
                    .and_then(|s| prepare(s, bytes, out))
            },
            commit,
        )
        .map_err(|err| scan_failure(err, &request))
}

/// Elements handed from the scanning thread to the parsing threads, many at a time.
#[derive(Default)]
struct Batch {
    buf: Vec<u8>,
    /// The scanner's objects of every element (see [`Event::Element`]), one after the other.
    objects: Vec<(usize, usize)>,
    /// (index in `data`, range in `buf`, range in `objects`, line, column)
    items: Vec<Item>,
    /// What the parser renders, handed to the commit with the values (empty unless the
    /// parser writes output itself: JSON straight through).
    out: Vec<u8>,
}

impl Batch {
    /// Empties the batch, keeping its buffers (`buf` at its length: the scanner overwrites it).
    fn clear(&mut self) {
        self.objects.clear();
        self.items.clear();
        self.out.clear();
    }
}

struct Item {
    index: usize,
    bytes: std::ops::Range<usize>,
    objects: std::ops::Range<usize>,
    line: u64,
    column: u64,
}

/// Parsed batches waiting for their turn to be committed in document order.
struct Reorder<P> {
    next: usize,
    waiting: BTreeMap<usize, Result<Parsed<P>, ScanError>>,
    /// Output buffers the commit is done with, for the next batches.
    spare: Vec<Vec<u8>>,
}

/// A parsed batch: its values and its output.
type Parsed<P> = (Vec<P>, Vec<u8>);

impl<P> Reorder<P> {
    /// Commits every batch whose turn has come; the first parse error (in document order)
    /// is returned as `Ok(Some(error))`, a commit error as `Err`.
    fn drain(
        &mut self,
        commit: &impl Fn(Vec<P>, &[u8]) -> anyhow::Result<()>,
    ) -> anyhow::Result<Option<ScanError>> {
        while let Some(result) = self.waiting.remove(&self.next) {
            self.next += 1;
            match result {
                Ok((items, mut out)) => {
                    commit(items, &out)?;
                    out.clear();
                    self.spare.push(out);
                }
                Err(e) => return Ok(Some(e)),
            }
        }
        Ok(None)
    }
}

/// The scanner was told to stop because a parser had already failed; the parser's error is the
/// one reported.
#[derive(Debug)]
struct Stopped;

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stopped after a parse error")
    }
}

impl std::error::Error for Stopped {}

/// The list pipeline: the calling thread scans the body as it arrives and cuts the elements of
/// `data` into batches; `workers` threads parse them in parallel; the calling thread commits the
/// results in document order. Emptied batches go back to the scanner, so their buffers are
/// reused rather than reallocated. When every worker is busy and the queue is full, the scanning
/// thread parses the batch itself instead of waiting: a core is never left idle for want of a
/// thread, and there is no thread more than there are cores to run (one worker on two cores,
/// beside the scanner).
#[derive(Debug, Clone, Copy)]
pub struct Pipeline {
    pub workers: usize,
    /// About how many bytes a batch holds: the scanner's buffers are a quarter larger, and a
    /// buffer becomes a batch when less than a quarter of it is left to read into.
    pub batch_bytes: usize,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline {
            // the scanning thread has a core of its own, and parses when the workers fall behind
            workers: std::thread::available_parallelism()
                .map_or(1, |n| n.get().saturating_sub(1).clamp(1, 4)),
            batch_bytes: 512 * 1024,
        }
    }
}

impl Pipeline {
    /// Runs a body through the pipeline. `parse` turns one element into a value (on a worker),
    /// with the scanner's index of its objects;
    /// `commit` receives each batch's values in document order. The other top-level members are
    /// validated and returned. The first error in document order wins: a broken element is a
    /// more precise report than the truncation that follows it.
    pub fn run<P, F, C>(&self, body: impl Read, parse: F, commit: &C) -> Result<Members, ScanError>
    where
        P: Send,
        F: Fn(&[u8], Index<'_>, &mut Vec<u8>) -> anyhow::Result<P> + Sync,
        C: Fn(Vec<P>, &[u8]) -> anyhow::Result<()> + Sync,
    {
        let parse = &parse;
        let workers = self.workers.max(1);
        let mut members = Vec::new();
        let failed = AtomicBool::new(false);
        let (tx, rx) = mpsc::sync_channel::<(usize, Batch)>(workers * 2);
        let rx = Mutex::new(rx);
        let (done_tx, done_rx) = mpsc::channel::<(usize, Result<Parsed<P>, ScanError>)>();
        let (free_tx, free_rx) = mpsc::channel::<Batch>();
        let outcome = std::thread::scope(|scope| -> Result<Option<ScanError>, ScanError> {
            for _ in 0..workers {
                let (rx, done_tx, free_tx, failed) =
                    (&rx, done_tx.clone(), free_tx.clone(), &failed);
                scope.spawn(move || parse_batches(rx, &done_tx, &free_tx, failed, parse));
            }
            drop(done_tx);
            drop(free_tx);
            let gather = RefCell::new(Gather {
                batch: Batch::default(),
                next: None,
                seq: 0,
                reorder: Reorder {
                    next: 0,
                    waiting: BTreeMap::new(),
                    spare: Vec::new(),
                },
                tx: Some(tx),
                done_rx: &done_rx,
                free_rx: &free_rx,
                failed: &failed,
                parse,
                commit,
                stop: None,
                emptied: Vec::new(),
            });
            let stopped = || anyhow::Error::new(Stopped);
            // a batch is what a buffer holds when the scanner lets it go: 3/4 of it or more
            let capacity = self.batch_bytes + self.batch_bytes / 4;
            let scanned = scan::scan_with(body, &gather, capacity, |event| match event {
                Event::Element {
                    index,
                    bytes,
                    at,
                    line,
                    column,
                    objects,
                } => {
                    let mut g = gather.borrow_mut();
                    if g.stop.is_some() || failed.load(Ordering::Relaxed) {
                        return Err(stopped());
                    }
                    let first = g.batch.objects.len();
                    g.batch.objects.extend_from_slice(objects);
                    let last = g.batch.objects.len();
                    g.batch.items.push(Item {
                        index,
                        bytes: at..at + bytes.len(),
                        objects: first..last,
                        line,
                        column,
                    });
                    Ok(())
                }
                Event::Data { bytes } => Err(anyhow::anyhow!(
                    "\"data\" is {}, expected the array of sessions",
                    describe(bytes)
                )),
                Event::Member { key, value } => {
                    crate::api::json::validate(key)?;
                    crate::api::json::validate(value)?;
                    members.push((key.to_vec(), value.to_vec()));
                    Ok(())
                }
            });
            // the last buffer was handed over when the scan ended: no batch is left to send
            let mut g = gather.into_inner();
            drop(g.tx.take());
            match g.stop.take() {
                Some(Stop::Parse(e)) => return Ok(Some(e)),
                Some(Stop::Commit(e)) => return Err(rejected(e)),
                None => {}
            }
            for (s, r) in done_rx.iter() {
                g.reorder.waiting.insert(s, r);
                if let Some(e) = g.reorder.drain(commit).map_err(rejected)? {
                    return Ok(Some(e));
                }
            }
            match scanned {
                Ok(()) => Ok(None),
                Err(ScanError::Rejected { error, .. }) if error.is::<Stopped>() => Ok(None),
                Err(e) => Ok(Some(e)),
            }
        });
        match outcome? {
            Some(e) => Err(e),
            None => Ok(members),
        }
    }
}

/// Why the scanning thread stopped handing out batches.
enum Stop {
    /// A batch failed to parse, and its turn has come: the error to report.
    Parse(ScanError),
    /// The commit failed (writing the output).
    Commit(anyhow::Error),
}

/// The scanning thread's side of the pipeline: the batch being gathered (ranges of the
/// scanner's buffer, which becomes the batch's when it is full), handing batches to the
/// workers, and committing what comes back in document order.
struct Gather<'a, P, F, C> {
    batch: Batch,
    /// A batch whose buffer went to the scanner: the next one to gather into.
    next: Option<Batch>,
    seq: usize,
    reorder: Reorder<P>,
    tx: Option<mpsc::SyncSender<(usize, Batch)>>,
    done_rx: &'a mpsc::Receiver<(usize, Result<Parsed<P>, ScanError>)>,
    free_rx: &'a mpsc::Receiver<Batch>,
    failed: &'a AtomicBool,
    parse: &'a F,
    commit: &'a C,
    stop: Option<Stop>,
    /// Batches parsed on this thread, emptied for reuse.
    emptied: Vec<Batch>,
}

impl<P, F, C> Gather<'_, P, F, C>
where
    F: Fn(&[u8], Index<'_>, &mut Vec<u8>) -> anyhow::Result<P> + Sync,
    C: Fn(Vec<P>, &[u8]) -> anyhow::Result<()> + Sync,
{
    /// Hands the gathered batch, in `buf`, to a worker, or parses it here when every worker
    /// is busy; then commits whatever has come back in turn.
    fn send(&mut self, buf: Vec<u8>) {
        let next = self.next.take().unwrap_or_default();
        let mut batch = std::mem::replace(&mut self.batch, next);
        batch.buf = buf;
        if batch.items.is_empty() || self.stop.is_some() {
            // nothing to parse (the document's start, or after a failure): kept for reuse
            batch.clear();
            self.emptied.push(batch);
            return;
        }
        if batch.out.capacity() == 0
            && let Some(out) = self.reorder.spare.pop()
        {
            batch.out = out;
        }
        let Some(tx) = &self.tx else { return };
        match tx.try_send((self.seq, batch)) {
            Ok(()) => {}
            Err(mpsc::TrySendError::Full((seq, mut mine))) => {
                // every worker is busy: parse this one here
                let parsed = parse_batch(&mut mine, self.failed, self.parse);
                self.reorder.waiting.insert(seq, parsed);
                mine.clear();
                self.emptied.push(mine);
            }
            // the workers are gone (one panicked): the scan stops at its next element
            Err(mpsc::TrySendError::Disconnected(_)) => self.failed.store(true, Ordering::Relaxed),
        }
        self.seq += 1;
        while let Ok((s, r)) = self.done_rx.try_recv() {
            self.reorder.waiting.insert(s, r);
        }
        match self.reorder.drain(self.commit) {
            Ok(None) => {}
            Ok(Some(e)) => {
                self.failed.store(true, Ordering::Relaxed);
                self.stop = Some(Stop::Parse(e));
            }
            Err(e) => self.stop = Some(Stop::Commit(e)),
        }
    }
}

impl<P, F, C> scan::Buffers for &RefCell<Gather<'_, P, F, C>>
where
    F: Fn(&[u8], Index<'_>, &mut Vec<u8>) -> anyhow::Result<P> + Sync,
    C: Fn(Vec<P>, &[u8]) -> anyhow::Result<()> + Sync,
{
    fn fresh(&mut self) -> Option<Vec<u8>> {
        let mut g = self.borrow_mut();
        // an emptied batch from the workers: its buffer goes to the scanner, the rest is the
        // next batch to gather into
        let mut next = match g.emptied.pop() {
            Some(batch) => batch,
            None => g.free_rx.try_recv().unwrap_or_default(),
        };
        let buf = std::mem::take(&mut next.buf);
        g.next = Some(next);
        Some(buf)
    }

    fn full(&mut self, buf: Vec<u8>) {
        self.borrow_mut().send(buf);
    }
}

/// A commit error (writing the output failed) as the scanner's error.
fn rejected(error: anyhow::Error) -> ScanError {
    ScanError::Rejected {
        place: "writing the output".into(),
        error,
    }
}

/// A worker: parses batches until the channel closes, stopping at the first error.
fn parse_batches<P>(
    rx: &Mutex<mpsc::Receiver<(usize, Batch)>>,
    done_tx: &mpsc::Sender<(usize, Result<Parsed<P>, ScanError>)>,
    free_tx: &mpsc::Sender<Batch>,
    failed: &AtomicBool,
    parse: &(impl Fn(&[u8], Index<'_>, &mut Vec<u8>) -> anyhow::Result<P> + Sync),
) {
    loop {
        let job = rx.lock().ok().and_then(|r| r.recv().ok());
        let Some((seq, mut batch)) = job else { break };
        if done_tx
            .send((seq, parse_batch(&mut batch, failed, parse)))
            .is_err()
        {
            break;
        }
        batch.clear();
        let _ = free_tx.send(batch);
    }
}

/// Parses every element of a batch, stopping at the first error (placed in the body); the
/// batch's output buffer goes with the values.
fn parse_batch<P>(
    batch: &mut Batch,
    failed: &AtomicBool,
    parse: &(impl Fn(&[u8], Index<'_>, &mut Vec<u8>) -> anyhow::Result<P> + Sync),
) -> Result<Parsed<P>, ScanError> {
    let mut values = Vec::with_capacity(batch.items.len());
    let mut out = std::mem::take(&mut batch.out);
    for item in &batch.items {
        let index = Index(&batch.objects[item.objects.clone()]);
        match parse(&batch.buf[item.bytes.clone()], index, &mut out) {
            Ok(p) => values.push(p),
            Err(e) => {
                failed.store(true, Ordering::Relaxed);
                let place = format!("data[{}]", item.index);
                return Err(scan::locate(&place, item.line, item.column, e));
            }
        }
    }
    Ok((values, out))
}

/// One session document from one host: the resource bytes and the other members.
pub struct Found {
    /// Index of the endpoint, in `--hosts` order.
    pub endpoint: usize,
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
    client: &Client,
    endpoints: &[Endpoint],
    path: &str,
) -> Vec<(usize, anyhow::Result<Shown>)> {
    on_every_endpoint(endpoints, |endpoint, e| show_one(client, e, endpoint, path))
        .into_iter()
        .enumerate()
        .map(|(endpoint, r)| (endpoint, r.and_then(|x| x)))
        .collect()
}

fn show_one(client: &Client, e: &Endpoint, endpoint: usize, path: &str) -> anyhow::Result<Shown> {
    let body = match client.get(e, path) {
        Ok(b) => b,
        Err(f) if f.cause == Cause::NotFound => return Ok(Shown::Missing(f.detail)),
        Err(f) => return Err(f.into()),
    };
    let request = format!("GET {}", body.url);
    let (resource, session, members) =
        read_resource(body, endpoint).map_err(|err| scan_failure(err, &request))?;
    let Some((resource, session)) = resource.zip(session) else {
        return Err(Failure::new(
            Cause::InvalidDocument,
            format!("{request}: invalid response: it has no \"data\" member"),
        )
        .into());
    };
    Ok(Shown::Found(Box::new(Found {
        endpoint,
        resource,
        session,
        members,
    })))
}

/// Reads a one-resource document: `data` (validated and parsed) and the other members.
#[allow(clippy::type_complexity)]
fn read_resource(
    body: impl Read,
    endpoint: usize,
) -> Result<(Option<Vec<u8>>, Option<Session>, Members), ScanError> {
    let (mut resource, mut session) = (None, None);
    let mut members = Vec::new();
    scan::scan(body, |event| {
        match event {
            Event::Data { bytes } => {
                session = Some(Session::parse(bytes, endpoint)?);
                crate::api::json::validate(bytes)?;
                resource = Some(bytes.to_vec());
            }
            Event::Element { bytes, .. } => {
                crate::api::json::validate(bytes)?;
                anyhow::bail!("\"data\" is an array, expected one session object")
            }
            Event::Member { key, value } => {
                crate::api::json::validate(key)?;
                crate::api::json::validate(value)?;
                members.push((key.to_vec(), value.to_vec()));
            }
        }
        Ok(())
    })?;
    Ok((resource, session, members))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(n: usize) -> Vec<u8> {
        let items: Vec<String> = (1..=n)
            .map(|i| {
                format!(
                    r#"{{"id":"{i}","type":"sessions","attributes":{{"user":"u{i}","idle":{i}}}}}"#
                )
            })
            .collect();
        format!(
            "{{\n\"data\": [\n{}\n],\n\"links\": {{\"self\": \"x\"}}\n}}",
            items.join(",\n")
        )
        .into_bytes()
    }

    fn run(pipeline: Pipeline, body: &[u8]) -> (Result<Members, ScanError>, Vec<String>, usize) {
        let committed = Mutex::new((Vec::new(), 0));
        let result = pipeline.run(
            body,
            |bytes, _, _| Ok(Session::parse(bytes, 0)?.id),
            &|batch: Vec<String>, _: &[u8]| {
                let mut c = committed.lock().unwrap();
                c.0.extend(batch);
                c.1 += 1;
                Ok(())
            },
        );
        let (ids, batches) = committed.into_inner().unwrap();
        (result, ids, batches)
    }

    #[test]
    fn commits_every_element_in_document_order_across_batches_and_workers() {
        let body = document(500);
        for workers in [1, 2, 4] {
            let p = Pipeline {
                workers,
                batch_bytes: 300,
            };
            let (result, ids, batches) = run(p, &body);
            let members = result.unwrap();
            let want: Vec<String> = (1..=500).map(|i| i.to_string()).collect();
            assert_eq!(ids, want, "workers {workers}");
            assert!(batches > 50, "small batches were used: {batches}");
            assert_eq!(members.len(), 1);
            assert_eq!(members[0].0, br#""links""#);
        }
    }

    /// With the worker slow and the queue full, the scanning thread parses batches itself, and
    /// everything is still committed once, in document order.
    #[test]
    fn the_scanning_thread_parses_when_the_workers_fall_behind() {
        let body = document(300);
        let caller = std::thread::current().id();
        let by_caller = std::sync::atomic::AtomicUsize::new(0);
        // the worker is stuck until the scanning thread has parsed an element itself
        let (helped, help) = (Mutex::new(false), std::sync::Condvar::new());
        let committed = Mutex::new(Vec::new());
        let p = Pipeline {
            workers: 1,
            batch_bytes: 200,
        };
        p.run(
            &body[..],
            |bytes, _, _| {
                if std::thread::current().id() == caller {
                    by_caller.fetch_add(1, Ordering::Relaxed);
                    *helped.lock().unwrap() = true;
                    help.notify_all();
                } else {
                    // a slow worker: the queue fills while it waits
                    let guard = helped.lock().unwrap();
                    drop(help.wait_while(guard, |h| !*h).unwrap());
                }
                Ok(Session::parse(bytes, 0)?.id)
            },
            &|batch: Vec<String>, _: &[u8]| {
                committed.lock().unwrap().extend(batch);
                Ok(())
            },
        )
        .unwrap();
        let want: Vec<String> = (1..=300).map(|i| i.to_string()).collect();
        assert_eq!(committed.into_inner().unwrap(), want);
        let by_caller = by_caller.into_inner();
        assert!(
            by_caller > 0 && by_caller < 300,
            "both threads parsed: {by_caller} on the caller's"
        );
    }

    #[test]
    fn the_first_broken_element_in_document_order_is_reported_at_its_place() {
        let mut body = document(200);
        let text = String::from_utf8(body.clone()).unwrap();
        let at = text.find(r#""id":"150""#).unwrap();
        body.splice(at..at + 10, br#""id":150  "#.iter().copied());
        let p = Pipeline {
            workers: 2,
            batch_bytes: 200,
        };
        let (result, ids, _) = run(p, &body);
        let err = result.expect_err("an error").to_string();
        assert!(err.contains("data[149]"), "{err}");
        assert!(err.contains("line 152"), "{err}");
        assert!(
            ids.len() <= 149,
            "nothing after the broken element: {}",
            ids.len()
        );
    }

    #[test]
    fn a_truncated_body_is_truncated_and_a_commit_error_stops_the_scan() {
        let body = document(50);
        let p = Pipeline {
            workers: 2,
            batch_bytes: 100,
        };
        let (result, _, _) = run(p, &body[..body.len() / 2]);
        assert!(matches!(result, Err(ScanError::Truncated { .. })));
        let result = p.run(
            &body[..],
            |bytes, _, _| Ok(bytes.len()),
            &|_: Vec<usize>, _: &[u8]| Err(anyhow::anyhow!("disk full")),
        );
        let err = result.expect_err("the commit error").to_string();
        assert!(err.contains("disk full"), "{err}");
    }

    #[test]
    fn read_errors_are_classified_by_type() {
        let timeout = io::Error::new(io::ErrorKind::TimedOut, "slow");
        assert_eq!(io_cause(&timeout), Cause::Timeout);
        let large = io::Error::other(TooLarge(10));
        assert_eq!(io_cause(&large), Cause::TooLarge);
        let eof = io::Error::other(io::Error::new(io::ErrorKind::UnexpectedEof, "eof"));
        assert_eq!(io_cause(&eof), Cause::Truncated);
        let reset = io::Error::new(io::ErrorKind::ConnectionReset, "reset");
        assert_eq!(io_cause(&reset), Cause::ConnectionLost);
    }
}
