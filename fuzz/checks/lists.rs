//! `--sort` and `--columns` lists (comma-separated, split as clap does): [`Selection::parse`],
//! [`SortKey::parse`] and `commands::sessions::table_columns`.
//!
//! - a refused list is a usage error naming the column and listing the valid ones;
//! - every accepted key and column reads back from its own name (`-memory` is memory,
//!   descending);
//! - sorting gives a permutation, and the same order whatever order the sessions came in (the
//!   order is total: ties fall back to id and host);
//! - a table with the chosen columns has one header and one line per session, nothing unsafe.

use mxs::cli::SelectArgs;
use mxs::columns::{Column, Value};
use mxs::commands::sessions::table_columns;
use mxs::output::style::Palette;
use mxs::output::table::Table;
use mxs::select::{Selection, SortKey};

use super::common::{check_failure, check_text, labels, sessions, text};

pub fn check(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let items: Vec<String> = t.split(',').map(String::from).collect();
    check_sort(&items);
    check_columns(&items);
}

fn check_sort(items: &[String]) {
    let args = SelectArgs {
        sort: items.to_vec(),
        ..SelectArgs::default()
    };
    let selection = match Selection::parse(&args) {
        Ok(s) => s,
        Err(f) => {
            assert!(
                f.message.starts_with("--sort: unknown column '"),
                "{}",
                f.message
            );
            check_failure(&f);
            return;
        }
    };
    assert_eq!(
        selection.sort.len(),
        items.iter().filter(|s| !s.is_empty()).count(),
        "one key per item"
    );
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
    let mut ids: Vec<_> = forward.iter().map(|s| (s.host, s.id.clone())).collect();
    ids.sort();
    let mut want: Vec<_> = sessions().iter().map(|s| (s.host, s.id.clone())).collect();
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
                assert!(
                    f.message.starts_with("--columns: unknown column '"),
                    "{}",
                    f.message
                );
                check_failure(&f);
                return;
            }
        };
        assert_eq!(
            columns.len(),
            items.iter().filter(|s| !s.trim().is_empty()).count(),
            "one column per name"
        );
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
