//! `--sort` and `--columns` lists (comma-separated, split as clap does): [`Selection::parse`],
//! [`SortKey::parse`] and `settings::table_columns`.
//!
//! - a refused list is a usage error naming the column and listing the valid ones;
//! - every accepted key and column reads back from its own name (`-memory` is memory,
//!   descending);
//! - sorting gives a permutation, and the same order whatever order the sessions came in (the
//!   order is total: ties fall back to id and host);
//! - a table with the chosen columns has one header and one line per session, nothing unsafe.

use mxs::columns::{Column, Value};
use mxs::output::style::Palette;
use mxs::output::table::Table;
use mxs::select::{Selection, SortKey};
use mxs::settings::table_columns;

use super::common::{check_failure, check_text, labels, sessions, text};

pub fn check(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let items: Vec<String> = t.split(',').map(String::from).collect();
    check_sort(&items);
    check_columns(&items);
}

fn check_sort(items: &[String]) {
    let selection = match Selection::parse(&[], items, None) {
        Ok(s) => s,
        Err(f) => {
            let blank = items.iter().any(|i| i.trim().is_empty());
            assert!(
                f.message.starts_with("--sort: unknown column '")
                    || (blank && f.message == "--sort: an empty name in the list"),
                "{}",
                f.message
            );
            check_failure(&f);
            return;
        }
    };
    assert!(
        items.iter().all(|i| !i.trim().is_empty()),
        "an empty item is refused"
    );
    assert_eq!(selection.sort.len(), items.len(), "one key per item");
    for key in &selection.sort {
        let name = format!(
            "{}{}",
            if key.descending { "-" } else { "" },
            key.column.name()
        );
        assert_eq!(SortKey::parse(&name).ok(), Some(*key), "{name}");
    }
    let labels = labels();
    let mut forward = sessions();
    let mut backward: Vec<_> = forward.iter().rev().cloned().collect();
    selection.order(&mut forward, &labels);
    selection.order(&mut backward, &labels);
    assert_eq!(forward, backward, "the order depends on the input order");
    let mut ids: Vec<_> = forward.iter().map(|s| (s.endpoint, s.id.clone())).collect();
    ids.sort();
    let mut want: Vec<_> = sessions()
        .iter()
        .map(|s| (s.endpoint, s.id.clone()))
        .collect();
    want.sort();
    assert_eq!(ids, want, "sorting is not a permutation");
    if let Some(first) = selection.sort.first() {
        for pair in forward.windows(2) {
            let (a, b) = (
                first.column.value(&pair[0], &labels),
                first.column.value(&pair[1], &labels),
            );
            if let (Value::Num(x), Value::Num(y)) = (&a, &b) {
                let ok = if first.descending { x >= y } else { x <= y };
                assert!(ok, "{first:?}: {a:?} before {b:?}");
            }
            if matches!(a, Value::Missing) {
                assert!(
                    matches!(b, Value::Missing),
                    "{first:?}: a missing value before {b:?}"
                );
            }
        }
    }
}

fn check_columns(items: &[String]) {
    let labels = labels();
    for several in [false, true] {
        let columns = match table_columns(items, false, several) {
            Ok(c) => c,
            Err(f) => {
                let blank = items.iter().any(|i| i.trim().is_empty());
                assert!(
                    f.message.starts_with("--columns: unknown column '")
                        || (blank && f.message == "--columns: an empty name in the list"),
                    "{}",
                    f.message
                );
                check_failure(&f);
                return;
            }
        };
        // an empty list (no --columns) is the default set; otherwise one column per name
        if !(items.len() == 1 && items[0].is_empty()) {
            assert_eq!(columns.len(), items.len(), "one column per name");
        }
        for c in &columns {
            assert_eq!(Column::parse(c.name()), Some(*c));
        }
        let sessions = sessions();
        let mut out = Vec::new();
        Table {
            columns: &columns,
            labels: &labels,
            width: 80,
            palette: Palette { enabled: false },
        }
        .write(&mut out, &sessions, None)
        .expect("writing the table");
        let out = String::from_utf8(out).expect("table output is not UTF-8");
        check_text("table", &out, &['\n']);
        assert_eq!(
            out.lines().count(),
            sessions.len() + 1,
            "one header and one line per session:\n{out}"
        );
    }
}
