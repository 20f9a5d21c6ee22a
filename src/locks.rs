//! The wait graph: what the backend servers say of their threads and lock waits
//! ([`crate::api::backend`]), joined to the MaxScale sessions that own the threads (a
//! session's `connections[].connection_id` is the thread's `PROCESSLIST.ID` on that server).
//! A server read through several MaxScales (the same `@@hostname:@@port`) counts once, and its
//! threads are matched to every MaxScale's sessions.

use std::collections::{BTreeMap, HashMap};

use crate::api::backend::{Lock, Server, Thread, Trx};
use crate::api::model::Session;

/// The MaxScale session that owns a backend thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub host: usize,
    pub id: String,
    pub user: Option<String>,
    pub remote: Option<String>,
}

/// A backend thread, and the session that owns it when a queried MaxScale does.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    /// The server's name (as the MaxScale it was read through calls it).
    pub server: String,
    pub thread: u64,
    pub owner: Option<Owner>,
    /// Its PROCESSLIST row, when it was read.
    pub info: Option<Thread>,
    /// Its open transaction.
    pub trx: Option<Trx>,
}

/// What one thread waits for.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub lock: Lock,
    /// Seconds waited.
    pub seconds: Option<i64>,
    /// Who holds it (none: the server does not say).
    pub blockers: Vec<Party>,
    /// From the first blocker to the root: the chain the wait hangs on.
    pub chain: Vec<Party>,
    /// The root blockers: holders that wait for nothing themselves.
    pub roots: Vec<Party>,
}

/// A blocked thread.
#[derive(Debug, Clone, PartialEq)]
pub struct Blocked {
    pub waiter: Party,
    pub waiting: Waiting,
}

/// A root blocker and what it holds up.
#[derive(Debug, Clone, PartialEq)]
pub struct Root {
    pub party: Party,
    /// The threads waiting on it, directly or down a chain.
    pub blocked: usize,
    /// The longest of their waits.
    pub longest: Option<i64>,
}

/// An edge: waiter → blocker (by thread), with the lock and the time waited.
#[derive(Debug, Clone)]
struct Edge {
    blocker: Option<u64>,
    lock: Lock,
    seconds: Option<i64>,
}

/// The servers read and the sessions of every host.
#[derive(Debug, Default)]
pub struct Graph {
    /// One per server identity, in the order read.
    pub servers: Vec<Server>,
    /// (host, server name) → index into `servers`.
    read_as: HashMap<(usize, String), usize>,
    /// (server index, thread) → owner.
    owners: HashMap<(usize, u64), Owner>,
    /// server index → waiter → its edges.
    edges: Vec<BTreeMap<u64, Vec<Edge>>>,
}

impl Graph {
    /// Joins the servers read (`reads`: each through its host) to the sessions.
    #[must_use]
    pub fn new(reads: Vec<Server>, sessions: &[Session]) -> Graph {
        let mut g = Graph::default();
        for server in reads {
            let key = (server.host, server.name.clone());
            let at = match g.servers.iter().position(|s| s.identity == server.identity) {
                Some(i) => i,
                None => {
                    let mut edges: BTreeMap<u64, Vec<Edge>> = BTreeMap::new();
                    for w in &server.waits {
                        let list = edges.entry(w.waiter).or_default();
                        let dup = list
                            .iter()
                            .any(|e| e.blocker == w.blocker && e.lock == w.lock);
                        if !dup {
                            list.push(Edge {
                                blocker: w.blocker,
                                lock: w.lock.clone(),
                                seconds: w.seconds,
                            });
                        }
                    }
                    g.edges.push(edges);
                    g.servers.push(server);
                    g.servers.len() - 1
                }
            };
            g.read_as.insert(key, at);
        }
        for s in sessions {
            for (server, thread) in s.conn_ids() {
                if let Some(&at) = g.read_as.get(&(s.endpoint, server.to_string())) {
                    g.owners.entry((at, thread)).or_insert_with(|| Owner {
                        host: s.endpoint,
                        id: s.id.clone(),
                        user: s.user.clone(),
                        remote: s.remote.clone(),
                    });
                }
            }
        }
        g
    }

    /// The server `host` read as `name`.
    #[must_use]
    pub fn server(&self, host: usize, name: &str) -> Option<&Server> {
        self.read_as
            .get(&(host, name.to_string()))
            .map(|&i| &self.servers[i])
    }

    fn party(&self, at: usize, thread: u64) -> Party {
        let server = &self.servers[at];
        Party {
            server: server.name.clone(),
            thread,
            owner: self.owners.get(&(at, thread)).cloned(),
            info: server.thread(thread).cloned(),
            trx: server.transaction(thread).cloned(),
        }
    }

    /// `thread` on the server `host` reads as `name`, and what it waits for.
    #[must_use]
    pub fn thread(&self, host: usize, name: &str, thread: u64) -> Option<(Party, Vec<Waiting>)> {
        let &at = self.read_as.get(&(host, name.to_string()))?;
        Some((self.party(at, thread), self.waiting(at, thread)))
    }

    /// What `thread` of server `at` waits for, one element per lock it waits for.
    fn waiting(&self, at: usize, thread: u64) -> Vec<Waiting> {
        let Some(edges) = self.edges[at].get(&thread) else {
            return Vec::new();
        };
        // one element per lock: a row-lock waiter has one blocker per holder
        let mut by_lock: Vec<(Lock, Option<i64>, Vec<Option<u64>>)> = Vec::new();
        for e in edges {
            match by_lock.iter_mut().find(|(l, _, _)| same_lock(l, &e.lock)) {
                Some((_, _, b)) => b.push(e.blocker),
                None => by_lock.push((e.lock.clone(), e.seconds, vec![e.blocker])),
            }
        }
        by_lock
            .into_iter()
            .map(|(lock, seconds, blockers)| {
                let known: Vec<u64> = blockers.into_iter().flatten().collect();
                Waiting {
                    lock,
                    seconds,
                    blockers: known.iter().map(|b| self.party(at, *b)).collect(),
                    chain: self
                        .chain(at, thread, known.first().copied())
                        .into_iter()
                        .map(|t| self.party(at, t))
                        .collect(),
                    roots: self
                        .roots(at, &known, thread)
                        .into_iter()
                        .map(|t| self.party(at, t))
                        .collect(),
                }
            })
            .collect()
    }

    /// From `first` down the first blocker of each to a thread that waits for nothing (or an
    /// unknown blocker, or back to a thread already on the chain).
    fn chain(&self, at: usize, waiter: u64, first: Option<u64>) -> Vec<u64> {
        let mut chain = Vec::new();
        let mut seen = vec![waiter];
        let mut next = first;
        while let Some(t) = next {
            if seen.contains(&t) {
                break;
            }
            seen.push(t);
            chain.push(t);
            next = self.edges[at]
                .get(&t)
                .and_then(|e| e.iter().find_map(|e| e.blocker));
        }
        chain
    }

    /// The threads reachable from `start` through blockers that wait for nothing.
    fn roots(&self, at: usize, start: &[u64], waiter: u64) -> Vec<u64> {
        let mut roots = Vec::new();
        let mut seen = vec![waiter];
        let mut todo: Vec<u64> = start.to_vec();
        while let Some(t) = todo.pop() {
            if seen.contains(&t) {
                continue;
            }
            seen.push(t);
            match self.edges[at].get(&t) {
                Some(edges) => todo.extend(edges.iter().filter_map(|e| e.blocker)),
                None => roots.push(t),
            }
        }
        roots.sort_unstable();
        roots
    }

    /// Every blocked thread of every server, longest wait first.
    #[must_use]
    pub fn blocked(&self) -> Vec<Blocked> {
        let mut out = Vec::new();
        for (at, edges) in self.edges.iter().enumerate() {
            for &waiter in edges.keys() {
                for waiting in self.waiting(at, waiter) {
                    out.push(Blocked {
                        waiter: self.party(at, waiter),
                        waiting,
                    });
                }
            }
        }
        out.sort_by(|a, b| {
            b.waiting
                .seconds
                .cmp(&a.waiting.seconds)
                .then(a.waiter.server.cmp(&b.waiter.server))
                .then(a.waiter.thread.cmp(&b.waiter.thread))
        });
        out
    }

    /// The root blockers of `blocked`, the one holding up the most threads first.
    #[must_use]
    pub fn roots_of(blocked: &[Blocked]) -> Vec<Root> {
        let mut roots: Vec<Root> = Vec::new();
        for b in blocked {
            for r in &b.waiting.roots {
                match roots
                    .iter_mut()
                    .find(|x| x.party.server == r.server && x.party.thread == r.thread)
                {
                    Some(x) => {
                        x.blocked += 1;
                        x.longest = x.longest.max(b.waiting.seconds);
                    }
                    None => roots.push(Root {
                        party: r.clone(),
                        blocked: 1,
                        longest: b.waiting.seconds,
                    }),
                }
            }
        }
        roots.sort_by(|a, b| {
            b.blocked
                .cmp(&a.blocked)
                .then(b.longest.cmp(&a.longest))
                .then(a.party.thread.cmp(&b.party.thread))
        });
        roots
    }
}

/// Two waits for the same lock (a row lock's holders each give an edge; a metadata-lock
/// waiter's holders too).
fn same_lock(a: &Lock, b: &Lock) -> bool {
    match (a, b) {
        (Lock::Row { .. }, Lock::Row { .. }) => true,
        (Lock::Metadata { table: x, .. }, Lock::Metadata { table: y, .. }) => {
            x == y || x.is_none() || y.is_none()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::backend::{Flavour, Wait};

    fn row() -> Lock {
        Lock::Row {
            mode: Some("X".into()),
            kind: Some("RECORD".into()),
            table: Some("`test`.`locktest`".into()),
            index: Some("PRIMARY".into()),
        }
    }

    fn server(host: usize, waits: Vec<Wait>) -> Server {
        Server {
            name: "server1".into(),
            host,
            identity: "db:3306".into(),
            version: None,
            flavour: Flavour::MariaDb,
            threads: Vec::new(),
            transactions: Vec::new(),
            waits,
            notes: Vec::new(),
            metadata: None,
        }
    }

    fn wait(waiter: u64, blocker: u64, seconds: i64) -> Wait {
        Wait {
            waiter,
            blocker: Some(blocker),
            lock: row(),
            seconds: Some(seconds),
        }
    }

    fn session(host: usize, id: &str, thread: u64) -> Session {
        Session {
            endpoint: host,
            id: id.into(),
            backends: vec!["server1".into()],
            conn_ids: vec![(Some(0), thread)],
            ..Session::default()
        }
    }

    #[test]
    fn a_chain_of_three_has_one_root_and_the_same_server_counts_once() {
        let waits = vec![wait(11, 10, 42), wait(12, 11, 17), wait(12, 10, 17)];
        let reads = vec![server(0, waits.clone()), server(1, waits)];
        let sessions = [session(0, "1", 10), session(1, "2", 11)];
        let g = Graph::new(reads, &sessions);
        assert_eq!(g.servers.len(), 1);
        let blocked = g.blocked();
        assert_eq!(blocked.len(), 2);
        assert_eq!(blocked[0].waiter.thread, 11);
        assert_eq!(blocked[0].waiter.owner.as_ref().unwrap().host, 1);
        let c = &blocked[1].waiting;
        assert_eq!(
            c.blockers.iter().map(|p| p.thread).collect::<Vec<_>>(),
            [11, 10]
        );
        assert_eq!(
            c.chain.iter().map(|p| p.thread).collect::<Vec<_>>(),
            [11, 10]
        );
        assert_eq!(c.roots.iter().map(|p| p.thread).collect::<Vec<_>>(), [10]);
        assert_eq!(c.roots[0].owner.as_ref().unwrap().id, "1");
        let roots = Graph::roots_of(&blocked);
        assert_eq!(roots.len(), 1);
        assert_eq!((roots[0].blocked, roots[0].longest), (2, Some(42)));
    }

    #[test]
    fn a_cycle_ends_the_chain_and_has_no_root() {
        let g = Graph::new(vec![server(0, vec![wait(1, 2, 5), wait(2, 1, 5)])], &[]);
        let blocked = g.blocked();
        assert_eq!(blocked[0].waiting.chain.len(), 1);
        assert!(blocked[0].waiting.roots.is_empty());
    }
}
