//! Summaries: sessions grouped by user, client host, service, backend, state or MaxScale, with
//! counts, memory and idle statistics. A session with several backends counts once in each
//! backend's group. Rendering is `output::summary`'s.

use std::collections::BTreeMap;

use crate::api::model::Session;
use crate::error::Failure;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    User,
    Host,
    Service,
    Backend,
    State,
    Maxscale,
}

impl GroupBy {
    /// Every group key, by name: the one list that parsing, help and hints use.
    pub const ALL: [(&'static str, GroupBy); 6] = [
        ("user", GroupBy::User),
        ("host", GroupBy::Host),
        ("service", GroupBy::Service),
        ("backend", GroupBy::Backend),
        ("state", GroupBy::State),
        ("maxscale", GroupBy::Maxscale),
    ];

    pub fn parse(name: &str) -> Result<GroupBy, Failure> {
        let n = name.trim().to_ascii_lowercase();
        let n = match n.as_str() {
            "backends" | "server" => "backend",
            "services" => "service",
            "remote" => "host",
            other => other,
        };
        GroupBy::ALL
            .iter()
            .find(|(k, _)| *k == n)
            .map(|(_, g)| *g)
            .ok_or_else(|| {
                Failure::usage(format!("--by: unknown group '{}'", name.trim()))
                    .with_hint(format!("groups: {}", GroupBy::names()))
            })
    }

    /// The names of every group key, comma-separated.
    #[must_use]
    pub fn names() -> String {
        GroupBy::ALL.map(|(k, _)| k).join(", ")
    }

    #[must_use]
    pub fn name(self) -> &'static str {
        GroupBy::ALL
            .iter()
            .find(|(_, g)| *g == self)
            .map_or("", |(k, _)| k)
    }

    /// The group values of a session (several for backends and services); `None` when the
    /// session has none (no user, no backend).
    fn values(self, s: &Session, labels: &[String]) -> Vec<Option<String>> {
        let one = |v: Option<&str>| vec![v.map(str::to_string)];
        match self {
            GroupBy::User => one(s.user.as_deref()),
            GroupBy::Host => one(s.client_display()),
            GroupBy::State => one(s.state.as_deref()),
            GroupBy::Maxscale => one(labels.get(s.endpoint).map(String::as_str)),
            GroupBy::Service if s.services.is_empty() => one(None),
            GroupBy::Service => s.services.iter().cloned().map(Some).collect(),
            GroupBy::Backend if s.backends.is_empty() => one(None),
            GroupBy::Backend => s.backends.iter().cloned().map(Some).collect(),
        }
    }
}

/// The figures of one group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub sessions: u64,
    pub memory: u64,
    pub idle_count: u64,
    pub idle_sum: f64,
    pub idle_min: Option<f64>,
    pub idle_max: Option<f64>,
}

impl Stats {
    fn add(&mut self, s: &Session) {
        self.sessions += 1;
        self.memory += s.memory.unwrap_or(0);
        if let Some(i) = s.idle {
            self.idle_count += 1;
            self.idle_sum += i;
            self.idle_min = Some(self.idle_min.map_or(i, |m| m.min(i)));
            self.idle_max = Some(self.idle_max.map_or(i, |m| m.max(i)));
        }
    }

    #[must_use]
    pub fn idle_avg(&self) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)]
        (self.idle_count > 0).then(|| self.idle_sum / self.idle_count as f64)
    }
}

/// One group's values, one per group key (`None`: the sessions have no value there).
pub type GroupKey = Vec<Option<String>>;

/// Groups sessions; sorted by session count (descending), then by group values.
#[must_use]
pub fn summarise(
    sessions: &[Session],
    by: &[GroupBy],
    labels: &[String],
) -> Vec<(GroupKey, Stats)> {
    let mut groups: BTreeMap<GroupKey, Stats> = BTreeMap::new();
    for s in sessions {
        let mut keys: Vec<GroupKey> = vec![Vec::new()];
        for g in by {
            let values = g.values(s, labels);
            keys = keys
                .into_iter()
                .flat_map(|k| {
                    values
                        .iter()
                        .map(move |v| [k.clone(), vec![v.clone()]].concat())
                })
                .collect();
        }
        keys.sort();
        keys.dedup();
        for k in keys {
            groups.entry(k).or_default().add(s);
        }
    }
    let mut out: Vec<_> = groups.into_iter().collect();
    out.sort_by(|a, b| b.1.sessions.cmp(&a.1.sessions).then_with(|| a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(user: &str, backends: &[&str], memory: u64, idle: Option<f64>) -> Session {
        Session {
            user: Some(user.into()),
            backends: backends.iter().map(|b| (*b).to_string()).collect(),
            memory: Some(memory),
            idle,
            ..Session::default()
        }
    }

    #[test]
    fn groups_count_memory_and_idle() {
        let v = vec![
            s("a", &["s1"], 10, Some(1.0)),
            s("a", &["s1", "s2"], 20, Some(3.0)),
            s("b", &["s2"], 5, None),
        ];
        let g = summarise(&v, &[GroupBy::User], &[]);
        assert_eq!(g[0].0, [Some("a".to_string())]);
        assert_eq!(g[0].1.sessions, 2);
        assert_eq!(g[0].1.memory, 30);
        assert_eq!(g[0].1.idle_avg(), Some(2.0));
        assert_eq!(g[0].1.idle_max, Some(3.0));
        assert_eq!(g[1].1.idle_avg(), None);
        let g = summarise(&v, &[GroupBy::Backend], &[]);
        assert_eq!(
            g.iter()
                .map(|(k, st)| (k[0].as_deref().unwrap_or(""), st.sessions))
                .collect::<Vec<_>>(),
            [("s1", 2), ("s2", 2)]
        );
        let g = summarise(&v, &[GroupBy::User, GroupBy::Backend], &[]);
        assert_eq!(g.len(), 3);
        assert!(GroupBy::parse("nope").is_err());
    }
}
