//! `sessions watch` on a pipe: one snapshot per refresh (TSV rows separated by an empty line, a
//! table per refresh, or one JSON line `{"time": RFC 3339, "data": [...]}`). On a terminal the
//! live view is `tui`'s.

use std::io::Write;

use crate::output::list::{self, View};
use crate::output::{Format, Options};
use crate::text::time::Stamp;

/// Writes one snapshot of a refresh on a pipe; `first` is the first refresh (no separator).
pub fn snapshot(
    out: &mut dyn Write,
    options: &Options,
    view: &View<'_>,
    time: &Stamp,
    first: bool,
) -> anyhow::Result<()> {
    if options.format.is_json() {
        let mut buf = b"{\"time\":\"".to_vec();
        time.write_rfc3339(&mut buf)?;
        buf.extend_from_slice(b"\",\"data\":[");
        list::compact(&mut buf, view, b"")?;
        buf.extend_from_slice(b"]}\n");
        out.write_all(&buf)?;
        return Ok(());
    }
    if !first {
        writeln!(out)?;
    }
    if options.format == Format::Table {
        let sessions: Vec<_> = view.items.iter().map(|(s, _)| s).collect();
        list::table(out, options, view.columns, view.labels, &sessions, None)?;
    } else {
        list::tsv_rows(out, options, view.items, view.labels)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::model::Session;
    use crate::columns::Column;
    use crate::output::style::Palette;

    #[test]
    fn json_snapshots_carry_an_rfc3339_time() {
        let items = vec![(
            Session {
                id: "1".into(),
                ..Session::default()
            },
            Some(br#"{"id":"1","type":"sessions"}"#.to_vec()),
        )];
        let labels = ["mx".to_string()];
        let view = View {
            items: &items,
            sources: &[],
            labels: &labels,
            columns: &Column::ALL,
            client_rdns: false,
        };
        let options = Options {
            format: Format::Json,
            header: false,
            palette: Palette { enabled: false },
            width: 80,
            pretty_json: false,
        };
        let mut out = Vec::new();
        snapshot(
            &mut out,
            &options,
            &view,
            &Stamp::from_unix(1_704_439_446),
            true,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["time"], "2024-01-05T07:24:06Z");
        assert_eq!(v["data"][0]["meta"]["maxscale"], "mx");
    }
}
