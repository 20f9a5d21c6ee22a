//! `sessions queries` in every format: the table of the list (the running statement folded to
//! one line and cut to the width), TSV with the full statement (`tsv::QUERY_COLUMNS`), the
//! sessions' resources in JSON with `meta.running` and `meta.query_age`, and ids.

use std::io::Write;

use crate::output::json::{self, Collection, Layout, Meta};
use crate::output::list::{self, View};
use crate::output::{Format, Options, tsv};

/// What mxs adds to a resource here: the host, the resolved name, the statement and its age.
fn meta<'a>(view: &'a View<'_>, s: &'a crate::api::model::Session) -> Meta<'a> {
    Meta {
        running: s
            .running
            .as_ref()
            .map(|r| (r.statement.as_str(), s.query_age)),
        ..view.meta(s)
    }
}

/// Writes the running statements in `options.format`.
pub fn write(out: &mut dyn Write, options: &Options, view: &View<'_>) -> anyhow::Result<()> {
    match options.format {
        Format::Table | Format::Ids => list::write(out, options, view)?,
        Format::Tsv => {
            if options.header {
                tsv::write_query_header(out)?;
            }
            for (s, _) in view.items {
                tsv::write_query_row(out, s, view.labels)?;
            }
        }
        Format::Json => {
            let mut doc = Collection::start(out, options.pretty_json)?;
            for (s, raw) in view.items {
                doc.push(raw.as_deref().unwrap_or_default(), &meta(view, s))?;
            }
            doc.finish(view.sources)?;
        }
        Format::Jsonl => {
            let mut buf = Vec::new();
            for (s, raw) in view.items {
                json::write_resource(
                    &mut buf,
                    raw.as_deref().unwrap_or_default(),
                    &meta(view, s),
                    Layout::Compact,
                )?;
                buf.push(b'\n');
            }
            out.write_all(&buf)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::model::{Running, Session};
    use crate::columns::Column;
    use crate::output::style::Palette;

    fn session() -> Session {
        Session {
            id: "1".into(),
            user: Some("maxuser".into()),
            remote: Some("127.0.0.1".into()),
            services: vec!["RW-Split-Router".into()],
            running: Some(Box::new(Running {
                statement: format!("SELECT\n\t{} \u{1b}[2J", "x".repeat(300)),
                received: Some("2026-11-28T09:19:31.890".into()),
            })),
            query_age: Some(28.0),
            ..Session::default()
        }
    }

    fn render(format: Format, color: bool) -> String {
        let items = vec![(session(), Some(br#"{"id":"1","attributes":{}}"#.to_vec()))];
        let labels = vec!["mx:8989".to_string()];
        let columns = Column::queries_defaults(false);
        let view = View {
            items: &items,
            sources: &[],
            labels: &labels,
            columns: &columns,
            client_rdns: false,
        };
        let options = Options {
            format,
            header: true,
            palette: Palette { enabled: color },
            width: 100,
            pretty_json: false,
        };
        let mut out = Vec::new();
        write(&mut out, &options, &view).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_table_cuts_the_statement_and_tsv_and_json_keep_it_whole() {
        for color in [false, true] {
            let table = render(Format::Table, color);
            assert_eq!(table.contains('\u{1b}'), color, "{table}");
            let plain = crate::text::sanitize::line(&table).into_owned();
            let rows: Vec<&str> = table.lines().collect();
            assert_eq!(rows.len(), 2, "{plain}");
            assert!(
                rows[1].contains("28s") && rows[1].contains("SELECT x"),
                "{plain}"
            );
            // within the width, and with color exactly the table without it plus escapes: the
            // same widths, every cell under its header
            let stripped = crate::output::style::strip_ansi(&table);
            assert_eq!(stripped, render(Format::Table, false));
            assert!(
                stripped
                    .lines()
                    .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100),
                "{plain}"
            );
            assert!(rows[1].ends_with('…'), "{plain}");
            assert!(
                !rows[1].contains("[2J") || rows[1].contains("\\e[2J"),
                "{plain}"
            );
        }
        let tsv = render(Format::Tsv, false);
        let lines: Vec<&str> = tsv.lines().collect();
        assert_eq!(lines[0], tsv::QUERY_COLUMNS.join("\t"));
        let fields: Vec<&str> = lines[1].split('\t').collect();
        assert_eq!(fields.len(), tsv::QUERY_COLUMNS.len());
        assert_eq!(fields[5], "28");
        assert_eq!(fields[6], "2026-11-28T09:19:31.890");
        assert!(fields[7].starts_with("SELECT\\n\\t") && fields[7].ends_with(" \\e[2J"));
        assert_eq!(fields[7].matches('x').count(), 300);
        let json = render(Format::Jsonl, false);
        let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
        assert_eq!(v["meta"]["query_age"], 28.0);
        assert_eq!(
            v["meta"]["running"].as_str().unwrap(),
            session().running.unwrap().statement
        );
        assert!(!json.contains('\u{1b}'), "escaped in JSON");
    }
}
