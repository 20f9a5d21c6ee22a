//! `sessions summary` in every format: an aligned table (a group without a value shows
//! `(none)`), TSV (empty there) and JSON (`null` there).

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::output::json::{Layout, reformat};
use crate::output::table::{truncate, write_grid};
use crate::output::{Format, Options};
use crate::summary::{GroupBy, GroupKey, Stats};
use crate::text::{sanitize, units};

/// What a summary shows.
pub struct View<'a> {
    pub by: &'a [GroupBy],
    pub groups: &'a [(GroupKey, Stats)],
    /// Sessions summarised.
    pub sessions: usize,
}

/// The table's label of a group without a value.
pub const NONE_LABEL: &str = "(none)";

/// Writes the summary in `options.format`.
pub fn write(out: &mut dyn Write, options: &Options, view: &View<'_>) -> io::Result<()> {
    match options.format {
        Format::Table => table(out, options, view),
        Format::Tsv => tsv(out, options, view),
        Format::Json | Format::Jsonl => json(out, options, view),
        Format::Ids => Err(io::Error::other("-o ids: only `sessions list` prints ids")),
    }
}

fn table(out: &mut dyn Write, options: &Options, view: &View<'_>) -> io::Result<()> {
    let names: Vec<String> = view.by.iter().map(|g| g.name().to_uppercase()).collect();
    let mut headers: Vec<&str> = names.iter().map(String::as_str).collect();
    headers.extend(["SESSIONS", "MEMORY", "IDLE AVG", "IDLE MAX"]);
    let rows: Vec<Vec<String>> = view
        .groups
        .iter()
        .map(|(keys, st)| {
            let mut row: Vec<String> = keys
                .iter()
                .map(|k| match k {
                    Some(k) => truncate(&sanitize::line(k), 40),
                    None => NONE_LABEL.to_string(),
                })
                .collect();
            row.push(st.sessions.to_string());
            row.push(units::format_bytes(st.memory));
            row.push(st.idle_avg().map(units::format_seconds).unwrap_or_default());
            row.push(st.idle_max.map(units::format_seconds).unwrap_or_default());
            row
        })
        .collect();
    let right: Vec<bool> = (0..headers.len()).map(|i| i >= view.by.len()).collect();
    write_grid(out, &headers, &rows, &right, options.palette)?;
    writeln!(
        out,
        "{} sessions in {} groups",
        view.sessions,
        view.groups.len()
    )
}

fn tsv(out: &mut dyn Write, options: &Options, view: &View<'_>) -> io::Result<()> {
    let number = |v: Option<f64>| v.map(|x| format!("{x}")).unwrap_or_default();
    if options.header {
        let mut h: Vec<&str> = view.by.iter().map(|g| g.name()).collect();
        h.extend(["sessions", "memory", "idle_min", "idle_avg", "idle_max"]);
        writeln!(out, "{}", h.join("\t"))?;
    }
    for (keys, st) in view.groups {
        let mut f: Vec<String> = keys
            .iter()
            .map(|k| sanitize::tsv(k.as_deref().unwrap_or("")).into_owned())
            .collect();
        f.extend([
            st.sessions.to_string(),
            st.memory.to_string(),
            number(st.idle_min),
            number(st.idle_avg()),
            number(st.idle_max),
        ]);
        writeln!(out, "{}", f.join("\t"))?;
    }
    Ok(())
}

fn json(out: &mut dyn Write, options: &Options, view: &View<'_>) -> io::Result<()> {
    let items: Vec<Value> = view
        .groups
        .iter()
        .map(|(keys, st)| {
            let group: serde_json::Map<String, Value> = view
                .by
                .iter()
                .zip(keys)
                .map(|(g, k)| {
                    (
                        g.name().to_string(),
                        k.clone().map_or(Value::Null, Value::from),
                    )
                })
                .collect();
            json!({
                "group": group,
                "sessions": st.sessions,
                "memory": st.memory,
                "idle": {"min": st.idle_min, "avg": st.idle_avg(), "max": st.idle_max},
            })
        })
        .collect();
    let mut buf = Vec::new();
    // `reformat` writes characters a terminal would act on as \u escapes.
    let mut emit = |v: &Value, layout: Layout| -> io::Result<()> {
        let bytes = serde_json::to_vec(v).map_err(io::Error::other)?;
        reformat(&bytes, &mut buf, layout).map_err(io::Error::other)?;
        buf.push(b'\n');
        Ok(())
    };
    if options.format == Format::Jsonl {
        for item in &items {
            emit(item, Layout::Compact)?;
        }
    } else {
        let by: Vec<&str> = view.by.iter().map(|g| g.name()).collect();
        let doc = json!({"data": items, "meta": {"sessions": view.sessions, "by": by}});
        emit(
            &doc,
            if options.pretty_json {
                Layout::Pretty(0)
            } else {
                Layout::Compact
            },
        )?;
    }
    out.write_all(&buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::model::Session;
    use crate::output::style::Palette;
    use crate::summary::summarise;

    fn sessions() -> Vec<Session> {
        vec![
            Session {
                user: Some("maxuser".into()),
                memory: Some(2048),
                idle: Some(5.0),
                ..Session::default()
            },
            Session {
                user: None,
                memory: Some(1024),
                ..Session::default()
            },
        ]
    }

    fn render(format: Format, color: bool) -> String {
        let s = sessions();
        let by = [GroupBy::User];
        let groups = summarise(&s, &by, &[]);
        let options = Options {
            format,
            header: false,
            palette: Palette { enabled: color },
            width: 80,
            pretty_json: false,
        };
        let mut out = Vec::new();
        write(
            &mut out,
            &options,
            &View {
                by: &by,
                groups: &groups,
                sessions: s.len(),
            },
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_group_without_a_value_is_labelled_in_the_table_empty_in_tsv_null_in_json() {
        assert!(render(Format::Table, false).contains(NONE_LABEL));
        let tsv = render(Format::Tsv, false);
        assert!(tsv.lines().any(|l| l.starts_with("\t1\t1024")), "{tsv}");
        let json: Value = serde_json::from_str(&render(Format::Json, false)).unwrap();
        let groups: Vec<&Value> = json["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| &g["group"]["user"])
            .collect();
        assert!(groups.contains(&&Value::Null), "{json}");
    }

    #[test]
    fn the_colored_table_is_aligned_like_the_plain_one() {
        let plain = render(Format::Table, false);
        let colored = render(Format::Table, true);
        assert_ne!(plain, colored, "color was applied");
        assert_eq!(crate::output::style::strip_ansi(&colored), plain);
    }
}
