//! What TAB offers (`mxs completions`): the hosts' session ids, read with a short deadline, and
//! the lists written once elsewhere (columns, group keys, alter keys). Everything returned is
//! safe to hand to a shell's completion protocol: no control characters, no whitespace in a
//! value.

use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::api::maxscale::MaxScale;
use crate::api::model::Depth;
use crate::columns::Column;
use crate::plan::ALTER_KEYS;
use crate::summary::GroupBy;
use crate::text::sanitize;

/// How long the hosts' answers are waited for in all, from the start of the process's work; a
/// host that has not answered by then is left out. Each request is bounded by
/// [`REQUEST_TIMEOUT`] before that.
pub const DEADLINE: Duration = Duration::from_millis(900);

/// The client's bound on each request while completing.
pub const REQUEST_TIMEOUT: Duration = Duration::from_millis(700);

/// The longest description offered (zsh and fish show them beside the value).
const HELP_WIDTH: usize = 48;

/// A value with its description.
pub type Offer = (String, Option<String>);

/// The session ids of every host, read concurrently (the plain `GET /v1/sessions`), in id
/// order: `ID` with one host, `ID@HOST` with several, described as `user@client`. A host that
/// fails or has not answered by `deadline` gives nothing; nothing waits past it.
#[must_use]
pub fn session_ids(api: &MaxScale, deadline: Instant) -> Vec<Offer> {
    type Found = (usize, String, Option<String>, Option<String>);
    let hosts = api.hosts().len();
    let batches: Arc<Mutex<Vec<Vec<Found>>>> = Arc::new(Mutex::new(vec![Vec::new(); hosts]));
    let (done, finished) = mpsc::channel();
    {
        let api = api.clone();
        let batches = Arc::clone(&batches);
        // Detached: when the deadline passes first, the process exits without waiting for it.
        std::thread::spawn(move || {
            let outcomes = api.list(
                false,
                Depth::List,
                |s, _, _| Ok((s.endpoint, s.id, s.user, s.remote)),
                |batch, _| {
                    if let Ok(mut found) = batches.lock() {
                        for f in batch {
                            if let Some(host) = found.get_mut(f.0) {
                                host.push(f);
                            }
                        }
                    }
                    Ok(())
                },
            );
            let failed: Vec<usize> = outcomes
                .iter()
                .filter(|o| o.result.is_err())
                .map(|o| o.endpoint)
                .collect();
            let _ = done.send(failed);
        });
    }
    let wait = deadline.saturating_duration_since(Instant::now());
    let Ok(failed) = finished.recv_timeout(wait) else {
        return Vec::new();
    };
    let Ok(mut found) = batches.lock() else {
        return Vec::new();
    };
    for host in failed {
        if let Some(f) = found.get_mut(host) {
            f.clear();
        }
    }
    let mut all: Vec<Found> = found.drain(..).flatten().collect();
    all.retain(|f| !f.1.is_empty() && f.1.bytes().all(|b| b.is_ascii_digit()));
    all.sort_by(|a, b| (a.1.len(), &a.1, a.0).cmp(&(b.1.len(), &b.1, b.0)));
    let several = api.hosts().several();
    all.into_iter()
        .filter_map(|(host, id, user, remote)| {
            let value = if several {
                let label = api.hosts().label(host);
                if !plain(label) {
                    return None;
                }
                format!("{id}@{label}")
            } else {
                id
            };
            Some((value, describe(user.as_deref(), remote.as_deref())))
        })
        .collect()
}

/// `user@client`, escaped and cut to a width that fits beside the value.
fn describe(user: Option<&str>, remote: Option<&str>) -> Option<String> {
    let text = match (user, remote) {
        (Some(u), Some(r)) => format!("{u}@{r}"),
        (Some(u), None) => u.to_string(),
        (None, Some(r)) => format!("@{r}"),
        (None, None) => return None,
    };
    Some(help(&text))
}

/// A description safe for every shell: one line, control characters escaped, and cut.
#[must_use]
pub fn help(text: &str) -> String {
    let line = sanitize::line(text);
    let line: String = line
        .chars()
        .map(|c| {
            if c.is_control() || c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    if line.chars().count() > HELP_WIDTH {
        let mut cut: String = line.chars().take(HELP_WIDTH - 1).collect();
        cut.push('…');
        cut
    } else {
        line
    }
}

/// A value that can go to a shell as one word: printable, no whitespace, no quotes or
/// backslashes.
#[must_use]
pub fn plain(value: &str) -> bool {
    !value.is_empty()
        && value
            .chars()
            .all(|c| !c.is_control() && !c.is_whitespace() && !matches!(c, '\'' | '"' | '\\'))
}

/// The column names (`--columns`, `--where`).
#[must_use]
pub fn columns() -> Vec<Offer> {
    Column::ALL
        .iter()
        .map(|c| (c.name().to_string(), None))
        .collect()
}

/// `--sort`: the column names, and their descending forms when the text starts with `-`.
#[must_use]
pub fn sort_columns(current: &str) -> Vec<Offer> {
    let descending = current.starts_with('-');
    Column::ALL
        .iter()
        .map(|c| {
            if descending {
                (format!("-{}", c.name()), Some("descending".to_string()))
            } else {
                (c.name().to_string(), None)
            }
        })
        .collect()
}

/// `--by`: the group keys.
#[must_use]
pub fn groups() -> Vec<Offer> {
    GroupBy::ALL
        .iter()
        .map(|(name, _)| ((*name).to_string(), None))
        .collect()
}

/// `alter`'s `KEY=VALUE` pairs: each key with true and false.
#[must_use]
pub fn alter_pairs() -> Vec<Offer> {
    ALTER_KEYS
        .iter()
        .flat_map(|k| {
            ["true", "false"].map(|v| (format!("{k}={v}"), Some(format!("set {k} to {v}"))))
        })
        .collect()
}

/// A comma-separated list's items offered after the text's last comma: `mx1,mx` offers
/// `mx1,mx2`. Items already in the list are not offered again.
#[must_use]
pub fn list_items(current: &str, items: &[Offer]) -> Vec<Offer> {
    let (head, _) = current.rsplit_once(',').unwrap_or(("", current));
    let typed: Vec<&str> = head.split(',').map(str::trim).collect();
    let prefix = if head.is_empty() {
        String::new()
    } else {
        format!("{head},")
    };
    items
        .iter()
        .filter(|(v, _)| !typed.contains(&v.as_str()))
        .map(|(v, h)| (format!("{prefix}{v}"), h.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_one_safe_line() {
        let h = help("evil\tuser\nname\u{b}\u{1b}[31m");
        assert!(!h.chars().any(char::is_control), "{h:?}");
        assert!(!h.contains('\t') && !h.contains('\n'));
        assert!(help(&"x".repeat(200)).chars().count() <= HELP_WIDTH);
        assert!(!plain("1 2") && !plain("a\u{b}") && plain("42@mx1:8989"));
    }

    #[test]
    fn list_items_complete_after_the_last_comma() {
        let items = vec![("a".to_string(), None), ("b".to_string(), None)];
        let got: Vec<String> = list_items("a,", &items).into_iter().map(|o| o.0).collect();
        assert_eq!(got, ["a,b"]);
        let got: Vec<String> = list_items("", &items).into_iter().map(|o| o.0).collect();
        assert_eq!(got, ["a", "b"]);
    }

    #[test]
    fn alter_pairs_cover_every_key() {
        assert_eq!(alter_pairs().len(), ALTER_KEYS.len() * 2);
        assert!(alter_pairs().iter().any(|(v, _)| v == "log_info=true"));
    }
}
