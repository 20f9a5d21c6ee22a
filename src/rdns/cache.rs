//! The reverse-DNS cache file kept between runs: loading (bounded, a file that cannot be used is
//! left alone), expiry against the clock of each use, and saving (atomically, only when changed).

use std::collections::HashMap;
use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use super::Outcome;

/// The largest cache file read or written (about 200,000 addresses).
pub const MAX_BYTES: u64 = 16 << 20;

const POSITIVE_TTL: u64 = 3600;
const NEGATIVE_TTL: u64 = 300;

/// The reverse-DNS cache: a TSV file of `address<TAB>name<TAB>expires` (an empty name is a
/// negative answer). Timeouts are not cached. Expiry is checked against the clock at each use,
/// not at loading: `watch` keeps one cache for hours.
#[derive(Debug, Default, Clone)]
pub struct Cache {
    path: Option<PathBuf>,
    entries: HashMap<IpAddr, (String, u64)>,
    dirty: bool,
    clock: Clock,
}

/// The time in Unix seconds; tests give their own.
#[derive(Debug, Clone, Copy)]
struct Clock(fn() -> u64);

impl Default for Clock {
    fn default() -> Self {
        Clock(unix_now)
    }
}

fn unix_now() -> u64 {
    u64::try_from(crate::text::time::now_unix()).unwrap_or(0)
}

impl Cache {
    /// A cache that is neither read nor written.
    #[must_use]
    pub fn disabled() -> Cache {
        Cache::default()
    }

    fn now(&self) -> u64 {
        (self.clock.0)()
    }

    /// Loads the cache file; a missing file is an empty cache. A file that cannot be used (not
    /// a regular file, larger than [`MAX_BYTES`], unreadable) gives a disabled cache, neither
    /// read nor written, and a warning.
    #[must_use]
    pub fn load(path: &Path) -> (Cache, Option<String>) {
        let text = match crate::bounded::read_regular(path, MAX_BYTES) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                let warning = format!(
                    "the reverse-DNS cache {}: {e}; it is not used (remove it to start afresh)",
                    path.display()
                );
                return (Cache::disabled(), Some(warning));
            }
        };
        let cache = Cache {
            path: Some(path.to_path_buf()),
            ..Cache::parse(&text, unix_now())
        };
        (cache, None)
    }

    /// The entries of a cache file's text that are still valid at `now` (seconds since the
    /// epoch); malformed lines are skipped. The cache has no path, so it is never saved.
    #[must_use]
    pub fn parse(text: &str, now: u64) -> Cache {
        let mut entries = HashMap::new();
        for line in text.lines() {
            let mut f = line.split('\t');
            let (Some(ip), Some(name), Some(exp)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let (Ok(ip), Ok(exp)) = (ip.parse::<IpAddr>(), exp.parse::<u64>()) else {
                continue;
            };
            if exp > now && !name.contains(|c: char| c.is_control()) {
                entries.insert(ip, (name.to_string(), exp));
            }
        }
        Cache {
            path: None,
            entries,
            dirty: false,
            clock: Clock::default(),
        }
    }

    /// Each entry: address, name (empty for a negative answer) and expiry.
    pub fn entries(&self) -> impl Iterator<Item = (IpAddr, &str, u64)> {
        self.entries
            .iter()
            .map(|(ip, (name, exp))| (*ip, name.as_str(), *exp))
    }

    pub(super) fn get(&self, ip: IpAddr) -> Option<Outcome> {
        let (name, exp) = self.entries.get(&ip)?;
        (*exp > self.now()).then(|| {
            if name.is_empty() {
                Outcome::NoName
            } else {
                Outcome::Name(name.clone())
            }
        })
    }

    pub(super) fn put(&mut self, ip: IpAddr, outcome: &Outcome) {
        let entry = match outcome {
            Outcome::Name(n) if !n.contains(|c: char| c.is_control()) => {
                (n.clone(), self.now() + POSITIVE_TTL)
            }
            Outcome::NoName => (String::new(), self.now() + NEGATIVE_TTL),
            _ => return,
        };
        self.entries.insert(ip, entry);
        self.dirty = true;
    }

    /// Writes the cache back (atomically) if anything changed. Errors are ignored: a cache is
    /// an optimisation.
    pub fn save(&self) {
        let (Some(path), true) = (&self.path, self.dirty) else {
            return;
        };
        let Some(dir) = path.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let tmp = dir.join(format!(".rdns.{}.tmp", std::process::id()));
        let write = || -> std::io::Result<()> {
            let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
            // within the bound that loading applies
            let mut written = 0u64;
            for (ip, (name, exp)) in &self.entries {
                let line = format!("{ip}\t{name}\t{exp}\n");
                written += line.len() as u64;
                if written > MAX_BYTES {
                    break;
                }
                f.write_all(line.as_bytes())?;
            }
            f.into_inner()
                .map_err(std::io::IntoInnerError::into_error)?
                .sync_all()?;
            std::fs::rename(&tmp, path)
        };
        if write().is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{Counting, opts};
    use super::super::{Resolver, resolve};
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    #[test]
    fn cache_round_trips_and_skips_lookups() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("rdns.tsv");
        let counting = Counting::new(Duration::ZERO);
        let r: Arc<dyn Resolver> = counting.clone();
        let remotes = ["192.0.2.1".to_string(), "192.0.2.2".into()];
        let mut cache = Cache::load(&path).0;
        resolve(
            remotes.iter().map(String::as_str),
            &r,
            &opts(2, 1000, 1000),
            &mut cache,
            &mut |_, _| {},
        );
        cache.save();
        let mut cache = Cache::load(&path).0;
        let report = resolve(
            remotes.iter().map(String::as_str),
            &r,
            &opts(2, 1000, 1000),
            &mut cache,
            &mut |_, _| {},
        );
        assert_eq!(counting.calls.load(Ordering::SeqCst), 2);
        assert_eq!(report.cache_hits, 2);
        assert_eq!(report.name("192.0.2.2"), Some("n-192.0.2.2"));
    }

    #[test]
    fn cached_answers_expire_by_the_clock_of_each_lookup() {
        static NOW: AtomicU64 = AtomicU64::new(1_000_000);
        let counting = Counting::new(Duration::ZERO);
        let r: Arc<dyn Resolver> = counting.clone();
        let mut cache = Cache {
            clock: Clock(|| NOW.load(Ordering::SeqCst)),
            ..Cache::default()
        };
        let mut lookup = |remote: &str| {
            resolve(
                [remote],
                &r,
                &opts(1, 1000, 1000),
                &mut cache,
                &mut |_, _| {},
            )
            .lookups
        };
        assert_eq!(lookup("192.0.2.1"), 1);
        assert_eq!(lookup("192.0.2.1"), 0, "cached");
        NOW.fetch_add(POSITIVE_TTL - 1, Ordering::SeqCst);
        assert_eq!(lookup("192.0.2.1"), 0, "still fresh");
        NOW.fetch_add(1, Ordering::SeqCst);
        assert_eq!(lookup("192.0.2.1"), 1, "expired: looked up again");
        assert_eq!(
            lookup("192.0.2.1"),
            0,
            "and cached again, from the new time"
        );
        assert_eq!(counting.calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn an_unusable_cache_file_is_left_alone_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let huge = dir.path().join("huge.tsv");
        let line = "192.0.2.1\tname.example\t99999999999\n";
        std::fs::write(&huge, line.repeat((MAX_BYTES as usize) / line.len() + 1)).unwrap();
        for (path, why) in [
            (huge.as_path(), "larger than 16.0 MiB"),
            (
                Path::new("/dev/zero"),
                "a character device, not a regular file",
            ),
            (dir.path(), "a directory, not a regular file"),
        ] {
            let (mut cache, warning) = Cache::load(path);
            let warning = warning.unwrap_or_default();
            assert!(warning.contains(why), "{warning}");
            assert!(cache.path.is_none(), "neither read nor written");
            cache.put("192.0.2.9".parse().unwrap(), &Outcome::NoName);
            cache.save();
        }
        assert!(
            std::fs::metadata(&huge).unwrap().len() > MAX_BYTES,
            "left alone"
        );
        // a missing file is just an empty cache
        let (cache, warning) = Cache::load(&dir.path().join("none.tsv"));
        assert!(warning.is_none() && cache.path.is_some());
    }
}
