//! `sessions watch`: on a pipe, one snapshot per refresh (TSV rows separated by an empty line, a
//! table per refresh, or one JSON line `{"time": RFC 3339, "data": [...]}`); on a terminal, the
//! frame drawn on the alternate screen ([`Screen`] restores the terminal on every exit path).

use std::io::{self, Write};
use std::time::Duration;

use crossterm::{cursor, execute, terminal};

use crate::output::list::{self, View};
use crate::output::table::{Mark, truncate};
use crate::output::{Format, Options};
use crate::text::time::Stamp;
use crate::text::units;

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
        let sessions: Vec<_> = view.items.iter().map(|(s, _)| s.clone()).collect();
        list::table(out, options, view.columns, view.labels, &sessions, None)?;
    } else {
        list::tsv_rows(out, options, view.items.iter().map(|(s, _)| s), view.labels)?;
    }
    Ok(())
}

/// What the live frame shows besides the rows.
pub struct Frame<'a> {
    pub interval: Duration,
    pub labels: &'a [String],
    /// The status line: counts, new and closed, failures.
    pub status: &'a str,
    pub time: Stamp,
}

/// The live frame, fitted to `width` × `height`: a title line, the status line, the table
/// (cut to the height, with a "more rows" line).
#[must_use]
pub fn frame(
    options: &Options,
    f: &Frame<'_>,
    view: &View<'_>,
    marks: &[Mark],
    (width, height): (usize, usize),
) -> String {
    let p = options.palette;
    let mut text = String::new();
    let title = format!(
        "mxs sessions watch: every {} on {}  (q to quit)  {}",
        units::format_seconds(f.interval.as_secs_f64()),
        f.labels.join(", "),
        f.time.rfc3339()
    );
    text.push_str(&p.title(&truncate(&title, width)));
    text.push('\n');
    text.push_str(&p.muted(&truncate(f.status, width)));
    text.push('\n');
    let mut table = Vec::new();
    let sessions: Vec<_> = view.items.iter().map(|(s, _)| s.clone()).collect();
    let fitted = Options { width, ..*options };
    let _ = list::table(
        &mut table,
        &fitted,
        view.columns,
        view.labels,
        &sessions,
        Some(marks),
    );
    let rows = String::from_utf8_lossy(&table);
    for line in rows.lines().take(height.saturating_sub(3)) {
        // numbers and times never narrow: a terminal narrower than the table cuts the line
        let plain = crate::output::style::strip_ansi(line);
        if unicode_width::UnicodeWidthStr::width(plain.as_str()) > width {
            text.push_str(&truncate(&plain, width));
        } else {
            text.push_str(line);
        }
        text.push('\n');
    }
    let shown = rows.lines().count().saturating_sub(1);
    if shown + 3 > height && height > 3 {
        text.push_str(&p.muted(&format!("... {} more rows", shown + 3 - height)));
        text.push('\n');
    }
    text
}

/// The alternate screen in raw mode, restored when dropped whatever the exit path.
pub struct Screen;

impl Screen {
    pub fn enter() -> io::Result<Screen> {
        terminal::enable_raw_mode()?;
        let screen = Screen;
        execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
        Ok(screen)
    }

    /// The terminal's size; a pseudo-terminal may report 0x0, then `fallback` is used.
    #[must_use]
    pub fn size(fallback: (usize, usize)) -> (usize, usize) {
        match terminal::size() {
            Ok((w, h)) if w > 0 && h > 0 => (usize::from(w), usize::from(h)),
            _ => fallback,
        }
    }

    /// Replaces the screen's contents with `frame`.
    pub fn present(&self, frame: &str) -> io::Result<()> {
        let body = frame.replace('\n', "\r\n");
        let mut out = io::stdout().lock();
        execute!(
            out,
            cursor::MoveTo(0, 0),
            terminal::Clear(terminal::ClearType::All)
        )?;
        out.write_all(body.as_bytes())?;
        out.flush()
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Leaves the alternate screen and raw mode, if [`Screen::enter`] turned them on (they go
/// together): used on drop and by the panic hook. Writes nothing otherwise.
pub fn restore_terminal() {
    if terminal::is_raw_mode_enabled().unwrap_or(false) {
        let _ = execute!(io::stdout(), cursor::Show, terminal::LeaveAlternateScreen);
        let _ = terminal::disable_raw_mode();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::model::Session;
    use crate::columns::Column;
    use crate::output::style::{Palette, strip_ansi};

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

    #[test]
    fn the_frame_fits_its_size_in_color_and_without() {
        let items: Vec<_> = (1..=30)
            .map(|i| {
                (
                    Session {
                        id: i.to_string(),
                        user: Some("maxuser".into()),
                        ..Session::default()
                    },
                    None,
                )
            })
            .collect();
        let labels = ["mx".to_string()];
        let columns = Column::defaults(false);
        let view = View {
            items: &items,
            sources: &[],
            labels: &labels,
            columns: &columns,
            client_rdns: false,
        };
        let marks = vec![Mark::Plain; items.len()];
        for color in [false, true] {
            let options = Options {
                format: Format::Table,
                header: false,
                palette: Palette { enabled: color },
                width: 80,
                pretty_json: false,
            };
            let f = Frame {
                interval: Duration::from_secs(2),
                labels: &labels,
                status: "30 sessions",
                time: Stamp::from_unix(0),
            };
            let text = strip_ansi(&frame(&options, &f, &view, &marks, (40, 10)));
            let lines: Vec<&str> = text.lines().collect();
            assert!(lines.len() <= 10, "{text}");
            assert!(
                lines
                    .iter()
                    .all(|l| unicode_width::UnicodeWidthStr::width(*l) <= 40),
                "{text}"
            );
            assert!(text.contains("more rows"), "{text}");
        }
    }
}
