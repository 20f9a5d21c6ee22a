//! Client-side reverse DNS of session client addresses: each distinct address is looked up once,
//! many at a time (bounded), each lookup under its own deadline and the whole resolution under an
//! overall one, so a dead DNS server costs at most that deadline. Lookups go through the small
//! [`Resolver`] trait: the system resolver (`getnameinfo` via `dns-lookup`, so `/etc/hosts` and
//! the system's DNS both apply) in production, fakes in tests and benchmarks. Results are cached
//! in a small file between runs ([`Cache`]: positive answers for an hour, negative ones for five
//! minutes).

use std::collections::{HashMap, HashSet, VecDeque};
use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

mod cache;

pub use cache::{Cache, MAX_BYTES};

/// Looks up the name of an address; `None` when it has none (or the lookup failed).
pub trait Resolver: Send + Sync + 'static {
    fn reverse(&self, ip: IpAddr) -> Option<String>;
}

/// The system's resolver.
pub struct SystemResolver;

impl Resolver for SystemResolver {
    fn reverse(&self, ip: IpAddr) -> Option<String> {
        dns_lookup::lookup_addr(&ip)
            .ok()
            .filter(|n| !n.is_empty() && n.parse::<IpAddr>().is_err())
    }
}

/// A fake for benchmarks and tests, from `MXS_TEST_RESOLVER`: comma-separated `delay=DURATION`,
/// `fail` (no names), `hang` (never answers). Names are `host-<address with - for . and :>.test`.
pub struct FakeResolver {
    delay: Duration,
    fail: bool,
    hang: bool,
}

impl FakeResolver {
    pub fn from_spec(spec: &str) -> Result<FakeResolver, String> {
        let mut fake = FakeResolver {
            delay: Duration::ZERO,
            fail: false,
            hang: false,
        };
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                Some(("delay", d)) => fake.delay = crate::text::units::parse_duration(d, 0.001)?,
                None if part == "fail" => fake.fail = true,
                None if part == "hang" => fake.hang = true,
                _ => return Err(format!("MXS_TEST_RESOLVER: unknown part '{part}'")),
            }
        }
        Ok(fake)
    }

    #[must_use]
    pub fn name_for(ip: IpAddr) -> String {
        format!("host-{}.test", ip.to_string().replace(['.', ':'], "-"))
    }
}

impl Resolver for FakeResolver {
    fn reverse(&self, ip: IpAddr) -> Option<String> {
        if self.hang {
            loop {
                std::thread::park();
            }
        }
        std::thread::sleep(self.delay);
        (!self.fail).then(|| FakeResolver::name_for(ip))
    }
}

/// The address to look up for a `remote` value: IPv4-mapped IPv6 as IPv4; `None` for anything
/// that is not an IP address (already a name, a socket path, empty).
#[must_use]
pub fn lookup_address(remote: &str) -> Option<IpAddr> {
    let t = remote.trim();
    let t = t
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .unwrap_or(t);
    t.parse::<IpAddr>().ok().map(|ip| ip.to_canonical())
}

/// How to resolve.
#[derive(Debug, Clone)]
pub struct Options {
    pub per_lookup: Duration,
    pub deadline: Duration,
    pub concurrency: usize,
}

/// What came of one address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Name(String),
    NoName,
    TimedOut,
}

/// The result of a resolution.
#[derive(Debug, Default)]
pub struct Report {
    /// By address.
    pub outcomes: HashMap<IpAddr, Outcome>,
    /// Lookups actually started (cache misses).
    pub lookups: usize,
    pub cache_hits: usize,
}

impl Report {
    /// The name of a `remote` value, if it resolved.
    #[must_use]
    pub fn name(&self, remote: &str) -> Option<&str> {
        match self.outcomes.get(&lookup_address(remote)?)? {
            Outcome::Name(n) => Some(n),
            _ => None,
        }
    }

    /// Whether a lookup was wanted for `remote` and gave no name.
    #[must_use]
    pub fn unresolved(&self, remote: &str) -> bool {
        lookup_address(remote)
            .and_then(|ip| self.outcomes.get(&ip))
            .is_some_and(|o| !matches!(o, Outcome::Name(_)))
    }

    #[must_use]
    pub fn count(&self, want: &Outcome) -> usize {
        self.outcomes
            .values()
            .filter(|o| std::mem::discriminant(*o) == std::mem::discriminant(want))
            .count()
    }
}

enum Msg {
    Start(usize, IpAddr, Instant),
    Done(usize, IpAddr, Option<String>),
}

struct Shared {
    queue: Mutex<VecDeque<IpAddr>>,
    stop: AtomicBool,
}

/// Resolves every distinct address among `remotes`. `progress(done, total)` is called as
/// lookups finish.
pub fn resolve<'a>(
    remotes: impl IntoIterator<Item = &'a str>,
    resolver: &Arc<dyn Resolver>,
    opts: &Options,
    cache: &mut Cache,
    progress: &mut dyn FnMut(usize, usize),
) -> Report {
    let started = Instant::now();
    let mut report = Report::default();
    let mut wanted: Vec<IpAddr> = Vec::new();
    let mut seen = HashSet::new();
    for ip in remotes.into_iter().filter_map(lookup_address) {
        if seen.insert(ip) {
            if let Some(hit) = cache.get(ip) {
                report.cache_hits += 1;
                report.outcomes.insert(ip, hit);
            } else {
                wanted.push(ip);
            }
        }
    }
    let total = wanted.len();
    report.lookups = total;
    if total == 0 {
        return report;
    }
    let shared = Arc::new(Shared {
        queue: Mutex::new(wanted.iter().copied().collect()),
        stop: AtomicBool::new(false),
    });
    let (tx, rx) = mpsc::channel::<Msg>();
    let mut abandoned: HashMap<usize, Arc<AtomicBool>> = HashMap::new();
    let mut next_worker = 0usize;
    let mut spawn = |abandoned: &mut HashMap<usize, Arc<AtomicBool>>| {
        let id = next_worker;
        next_worker += 1;
        let flag = Arc::new(AtomicBool::new(false));
        abandoned.insert(id, Arc::clone(&flag));
        let (shared, tx, resolver) = (Arc::clone(&shared), tx.clone(), Arc::clone(resolver));
        let spawned = std::thread::Builder::new()
            .name(format!("rdns-{id}"))
            .spawn(move || {
                while !shared.stop.load(Ordering::Relaxed) && !flag.load(Ordering::Relaxed) {
                    let Some(ip) = shared.queue.lock().ok().and_then(|mut q| q.pop_front()) else {
                        break;
                    };
                    if tx.send(Msg::Start(id, ip, Instant::now())).is_err() {
                        break;
                    }
                    let name = resolver.reverse(ip);
                    if tx.send(Msg::Done(id, ip, name)).is_err() {
                        break;
                    }
                }
            });
        spawned.is_ok()
    };
    for _ in 0..opts.concurrency.min(total) {
        if !spawn(&mut abandoned) {
            break;
        }
    }
    let deadline = started + opts.deadline;
    let mut in_flight: HashMap<usize, (IpAddr, Instant)> = HashMap::new();
    let mut done = 0usize;
    while done < total {
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        let next_expiry = in_flight
            .values()
            .map(|(_, t)| *t + opts.per_lookup)
            .min()
            .unwrap_or(deadline)
            .min(deadline);
        match rx.recv_timeout(next_expiry.saturating_duration_since(now)) {
            Ok(Msg::Start(w, ip, t)) => {
                in_flight.insert(w, (ip, t));
            }
            Ok(Msg::Done(w, ip, name)) => {
                // A late answer from an abandoned lookup is ignored: it was already counted.
                if in_flight.remove(&w).is_some() {
                    let outcome = name.map_or(Outcome::NoName, Outcome::Name);
                    cache.put(ip, &outcome);
                    report.outcomes.insert(ip, outcome);
                    done += 1;
                    progress(done, total);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                let expired: Vec<usize> = in_flight
                    .iter()
                    .filter(|(_, (_, t))| now >= *t + opts.per_lookup)
                    .map(|(w, _)| *w)
                    .collect();
                for w in expired {
                    if let Some((ip, _)) = in_flight.remove(&w) {
                        report.outcomes.insert(ip, Outcome::TimedOut);
                        done += 1;
                        progress(done, total);
                    }
                    if let Some(flag) = abandoned.remove(&w) {
                        flag.store(true, Ordering::Relaxed);
                    }
                    // The stuck thread cannot be cancelled; a fresh one keeps the pace.
                    let queued = shared.queue.lock().map(|q| !q.is_empty()).unwrap_or(false);
                    if queued {
                        spawn(&mut abandoned);
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    shared.stop.store(true, Ordering::Relaxed);
    for ip in wanted {
        report.outcomes.entry(ip).or_insert(Outcome::TimedOut);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// Counts calls and the most lookups in flight at once.
    pub(super) struct Counting {
        delay: Duration,
        pub(super) calls: AtomicUsize,
        now: AtomicUsize,
        peak: AtomicUsize,
        hang_for: Option<IpAddr>,
        hang_all: bool,
    }

    impl Counting {
        pub(super) fn new(delay: Duration) -> Arc<Counting> {
            Arc::new(Counting {
                delay,
                calls: 0.into(),
                now: 0.into(),
                peak: 0.into(),
                hang_for: None,
                hang_all: false,
            })
        }
    }

    impl Resolver for Counting {
        fn reverse(&self, ip: IpAddr) -> Option<String> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            let n = self.now.fetch_add(1, Ordering::SeqCst) + 1;
            self.peak.fetch_max(n, Ordering::SeqCst);
            if self.hang_all || self.hang_for == Some(ip) {
                std::thread::sleep(Duration::from_secs(3600));
            }
            std::thread::sleep(self.delay);
            self.now.fetch_sub(1, Ordering::SeqCst);
            Some(format!("n-{ip}"))
        }
    }

    pub(super) fn opts(concurrency: usize, per: u64, total: u64) -> Options {
        Options {
            per_lookup: Duration::from_millis(per),
            deadline: Duration::from_millis(total),
            concurrency,
        }
    }

    fn run(remotes: &[String], r: &Arc<dyn Resolver>, o: &Options) -> Report {
        resolve(
            remotes.iter().map(String::as_str),
            r,
            o,
            &mut Cache::disabled(),
            &mut |_, _| {},
        )
    }

    #[test]
    fn each_distinct_address_is_looked_up_once() {
        let counting = Counting::new(Duration::ZERO);
        let remotes: Vec<String> = (0..1000).map(|i| format!("192.0.2.{}", i % 50)).collect();
        let r: Arc<dyn Resolver> = counting.clone();
        let report = run(&remotes, &r, &opts(8, 1000, 5000));
        assert_eq!(counting.calls.load(Ordering::SeqCst), 50);
        assert_eq!(report.lookups, 50);
        assert_eq!(report.name("192.0.2.7"), Some("n-192.0.2.7"));
    }

    #[test]
    fn concurrency_is_bounded() {
        let counting = Counting::new(Duration::from_millis(20));
        let remotes: Vec<String> = (0..40).map(|i| format!("192.0.2.{i}")).collect();
        let r: Arc<dyn Resolver> = counting.clone();
        let report = run(&remotes, &r, &opts(5, 2000, 10_000));
        assert_eq!(report.count(&Outcome::Name(String::new())), 40);
        let peak = counting.peak.load(Ordering::SeqCst);
        assert!((2..=5).contains(&peak), "peak {peak}");
    }

    #[test]
    fn a_hanging_lookup_times_out_and_the_rest_complete() {
        let mut c = Counting {
            delay: Duration::ZERO,
            calls: 0.into(),
            now: 0.into(),
            peak: 0.into(),
            hang_for: None,
            hang_all: false,
        };
        c.hang_for = Some("192.0.2.1".parse().unwrap());
        let r: Arc<dyn Resolver> = Arc::new(c);
        let remotes: Vec<String> = (1..20).map(|i| format!("192.0.2.{i}")).collect();
        // one worker, stuck on the first address: only the per-lookup timeout, which abandons
        // it for another worker, lets the others be resolved before the deadline
        let report = run(&remotes, &r, &opts(1, 100, 60_000));
        assert_eq!(
            report.outcomes[&"192.0.2.1".parse::<IpAddr>().unwrap()],
            Outcome::TimedOut
        );
        assert_eq!(report.name("192.0.2.19"), Some("n-192.0.2.19"));
        assert!(report.unresolved("192.0.2.1"));
    }

    #[test]
    fn the_overall_deadline_bounds_a_dead_resolver() {
        let dead = Counting {
            delay: Duration::ZERO,
            calls: 0.into(),
            now: 0.into(),
            peak: 0.into(),
            hang_for: None,
            hang_all: true,
        };
        let dead = Arc::new(dead);
        let r: Arc<dyn Resolver> = dead.clone();
        let remotes: Vec<String> = (0..200)
            .map(|i| format!("198.51.100.{}", i % 250))
            .collect();
        // the deadline comes long before any lookup's own timeout: resolving ends with the 16
        // first lookups still hanging and the other 184 never started (a resolve that waited
        // for the lookups' timeouts would have started others in their place)
        let report = run(&remotes, &r, &opts(16, 3_600_000, 300));
        assert_eq!(report.count(&Outcome::TimedOut), 200);
        assert_eq!(report.lookups, 200);
        assert!(dead.calls.load(Ordering::SeqCst) <= 16);
    }

    #[test]
    fn mapped_ipv6_is_ipv4_and_non_ip_is_skipped() {
        assert_eq!(
            lookup_address("::ffff:127.0.0.1"),
            Some("127.0.0.1".parse().unwrap())
        );
        assert_eq!(lookup_address("::1"), Some("::1".parse().unwrap()));
        assert_eq!(
            lookup_address("[2001:db8::1]"),
            Some("2001:db8::1".parse().unwrap())
        );
        for not_ip in ["db.example.com", "/tmp/mysql.sock", "", "localhost"] {
            assert_eq!(lookup_address(not_ip), None, "{not_ip}");
        }
        let counting = Counting::new(Duration::ZERO);
        let r: Arc<dyn Resolver> = counting.clone();
        let remotes = vec![
            "::ffff:192.0.2.1".to_string(),
            "192.0.2.1".into(),
            "name.example".into(),
            String::new(),
        ];
        let report = run(&remotes, &r, &opts(4, 1000, 1000));
        assert_eq!(counting.calls.load(Ordering::SeqCst), 1);
        assert_eq!(report.name("::ffff:192.0.2.1"), Some("n-192.0.2.1"));
        assert!(!report.unresolved("name.example"));
    }

    #[test]
    fn system_resolver_reads_etc_hosts() {
        // /etc/hosts maps 127.0.0.1 to localhost; no DNS server is asked for it.
        let r: Arc<dyn Resolver> = Arc::new(SystemResolver);
        let remotes = vec!["::ffff:127.0.0.1".to_string()];
        let report = run(&remotes, &r, &opts(1, 2000, 2000));
        assert_eq!(report.name("::ffff:127.0.0.1"), Some("localhost"));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// Cache-file-shaped text: addresses, names with hostile characters, expiry times.
    fn cacheish() -> impl Strategy<Value = String> {
        let line = (
            prop_oneof![
                "(::ffff:)?[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}",
                "[0-9a-f:]{0,12}",
                ".{0,6}"
            ],
            prop_oneof!["[a-z.-]{0,10}", ".{0,6}"],
            prop_oneof!["1[0-9]{9}", "[0-9]{0,21}", ".{0,3}"],
        );
        proptest::collection::vec(line, 0..6).prop_map(|v| {
            v.into_iter()
                .map(|(a, n, e)| format!("{a}\t{n}\t{e}\n"))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn no_string_makes_the_parsers_panic(s in any::<String>(), c in cacheish()) {
            for t in [&s, &c] {
                let cache = Cache::parse(t, 1_800_000_000);
                for (_, name, exp) in cache.entries() {
                    prop_assert!(exp > 1_800_000_000 && !name.contains(|c: char| c.is_control()));
                }
                let _ = lookup_address(t);
                let _ = FakeResolver::from_spec(t);
            }
        }
    }
}
