//! `sessions summary --by ...`: counts, memory and idle statistics per group of sessions, in
//! all output formats. A session with several backends counts once in each backend's group.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Context as _;

use crate::api::model::Session;
use crate::cli::{Format, SummaryArgs};
use crate::commands::Ctx;
use crate::commands::sessions::{fetch_sessions, rdns_cache};
use crate::error::{ExitKind, Failure};
use crate::output::sanitize;
use crate::select::Selection;
use crate::units;

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
    const ALL: [(&'static str, GroupBy); 6] = [
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
                    .with_hint("groups: user, host, service, backend, state, maxscale")
            })
    }

    fn name(self) -> &'static str {
        GroupBy::ALL
            .iter()
            .find(|(_, g)| *g == self)
            .map_or("", |(k, _)| k)
    }

    /// The group values of a session (several for backends and services).
    fn values(self, s: &Session, labels: &[String]) -> Vec<String> {
        let one = |v: Option<&str>| vec![v.unwrap_or("").to_string()];
        match self {
            GroupBy::User => one(s.user.as_deref()),
            GroupBy::Host => one(s.host_display()),
            GroupBy::State => one(s.state.as_deref()),
            GroupBy::Maxscale => one(labels.get(s.host).map(String::as_str)),
            GroupBy::Service if s.services.is_empty() => one(None),
            GroupBy::Service => s.services.clone(),
            GroupBy::Backend if s.backends.is_empty() => one(None),
            GroupBy::Backend => s.backends.clone(),
        }
    }
}

/// The table's label of the group of sessions without a value (TSV: empty, JSON: `null`).
const NONE: &str = "(none)";

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

/// Groups sessions; sorted by session count (descending), then by group values.
#[must_use]
pub fn summarise(
    sessions: &[Session],
    by: &[GroupBy],
    labels: &[String],
) -> Vec<(Vec<String>, Stats)> {
    let mut groups: BTreeMap<Vec<String>, Stats> = BTreeMap::new();
    for s in sessions {
        let mut keys: Vec<Vec<String>> = vec![Vec::new()];
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

/// `sessions summary`.
pub fn run(ctx: &Ctx, args: &SummaryArgs) -> anyhow::Result<Option<ExitKind>> {
    crate::select::no_empty_items("--by", &args.by)?;
    let by: Vec<GroupBy> = args
        .by
        .iter()
        .map(|b| GroupBy::parse(b))
        .collect::<Result<_, _>>()?;
    let selection = Selection::parse(&args.select)?;
    let rdns = ctx.settings.rdns(&args.rdns)?;
    let mut cache = rdns_cache(ctx, &rdns);
    let fetched = fetch_sessions(ctx, &rdns, &mut cache, &selection, false, false)?;
    cache.save();
    let sessions: Vec<Session> = fetched.items.into_iter().map(|(s, _)| s).collect();
    let groups = summarise(&sessions, &by, &ctx.labels);
    let mut out = ctx.stdout();
    let fmt_opt = |v: Option<f64>| v.map(|x| format!("{x}")).unwrap_or_default();
    match ctx.settings.output.format {
        Format::Table => {
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::NOTHING);
            let mut header: Vec<String> = by
                .iter()
                .map(|g| ctx.palette.header(&g.name().to_uppercase()))
                .collect();
            for h in ["SESSIONS", "MEMORY", "IDLE AVG", "IDLE MAX"] {
                header.push(ctx.palette.header(h));
            }
            t.set_header(header);
            for (keys, st) in &groups {
                // the group of sessions without a value (no user, no backend) needs a label
                let mut row: Vec<String> = keys
                    .iter()
                    .map(|k| match k.as_str() {
                        "" => ctx.palette.muted(NONE),
                        k => crate::output::table::truncate(&sanitize::line(k), 40),
                    })
                    .collect();
                row.push(st.sessions.to_string());
                row.push(units::format_bytes(st.memory));
                row.push(st.idle_avg().map(units::format_seconds).unwrap_or_default());
                row.push(st.idle_max.map(units::format_seconds).unwrap_or_default());
                t.add_row(row);
            }
            for i in by.len()..by.len() + 4 {
                if let Some(c) = t.column_mut(i) {
                    c.set_cell_alignment(comfy_table::CellAlignment::Right);
                }
            }
            writeln!(out, "{}", t.trim_fmt())?;
            writeln!(
                out,
                "{} sessions in {} groups",
                sessions.len(),
                groups.len()
            )?;
        }
        Format::Tsv => {
            if ctx.settings.output.header {
                let mut h: Vec<&str> = by.iter().map(|g| g.name()).collect();
                h.extend(["sessions", "memory", "idle_min", "idle_avg", "idle_max"]);
                writeln!(out, "{}", h.join("\t"))?;
            }
            for (keys, st) in &groups {
                let mut f: Vec<String> =
                    keys.iter().map(|k| sanitize::tsv(k).into_owned()).collect();
                f.extend([
                    st.sessions.to_string(),
                    st.memory.to_string(),
                    fmt_opt(st.idle_min),
                    fmt_opt(st.idle_avg()),
                    fmt_opt(st.idle_max),
                ]);
                writeln!(out, "{}", f.join("\t"))?;
            }
        }
        Format::Json | Format::Jsonl => {
            let items: Vec<serde_json::Value> = groups
                .iter()
                .map(|(keys, st)| {
                    let group: serde_json::Map<String, serde_json::Value> = by
                        .iter()
                        .zip(keys)
                        .map(|(g, k)| {
                            let value = match k.as_str() {
                                "" => serde_json::Value::Null,
                                k => k.into(),
                            };
                            (g.name().to_string(), value)
                        })
                        .collect();
                    serde_json::json!({
                        "group": group,
                        "sessions": st.sessions,
                        "memory": st.memory,
                        "idle": {"min": st.idle_min, "avg": st.idle_avg(), "max": st.idle_max},
                    })
                })
                .collect();
            let mut buf = Vec::new();
            if ctx.settings.output.format == Format::Jsonl {
                for item in &items {
                    crate::output::json::reformat(
                        &serde_json::to_vec(item)?,
                        &mut buf,
                        crate::output::json::Layout::Compact,
                    )?;
                    buf.push(b'\n');
                }
            } else {
                let doc = serde_json::json!({"data": items, "meta": {"sessions": sessions.len(), "by": by.iter().map(|g| g.name()).collect::<Vec<_>>()}});
                let layout = if ctx.settings.output.pretty_json {
                    crate::output::json::Layout::Pretty(0)
                } else {
                    crate::output::json::Layout::Compact
                };
                crate::output::json::reformat(&serde_json::to_vec(&doc)?, &mut buf, layout)?;
                buf.push(b'\n');
            }
            out.write_all(&buf)?;
        }
    }
    out.flush().context("writing the output")?;
    ctx.report_failures(fetched.failures)
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
        assert_eq!(g[0].0, ["a"]);
        assert_eq!(g[0].1.sessions, 2);
        assert_eq!(g[0].1.memory, 30);
        assert_eq!(g[0].1.idle_avg(), Some(2.0));
        assert_eq!(g[0].1.idle_max, Some(3.0));
        assert_eq!(g[1].1.idle_avg(), None);
        let g = summarise(&v, &[GroupBy::Backend], &[]);
        assert_eq!(
            g.iter()
                .map(|(k, st)| (k[0].as_str(), st.sessions))
                .collect::<Vec<_>>(),
            [("s1", 2), ("s2", 2)]
        );
        let g = summarise(&v, &[GroupBy::User, GroupBy::Backend], &[]);
        assert_eq!(g.len(), 3);
        assert!(GroupBy::parse("nope").is_err());
    }
}
