//! The session list as an aligned table for people: a styled header, numeric columns
//! right-aligned, every cell sanitized, and the whole fitted to the width (the terminal's, or a
//! fixed one off a terminal so output is deterministic) by narrowing the widest text columns and
//! cutting their cells with an ellipsis.

use std::borrow::{Borrow, Cow};
use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::api::model::Session;
use crate::columns::Column;
use crate::output::parallel;
use crate::output::style::Palette;
use crate::text::sanitize;

const GAP: usize = 2;
const GAP_TEXT: &str = "  ";
const MIN_TEXT: usize = 6;

/// How a row is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// New since the last refresh (watch).
    New,
}

pub struct Table<'a> {
    pub columns: &'a [Column],
    pub labels: &'a [String],
    pub width: usize,
    pub palette: Palette,
}

/// What a table shows, row by row: each row's cells in column order, sanitized, and how the
/// row is marked.
pub trait Rows: Sync {
    fn count(&self) -> usize;
    /// Calls `each(column, text)` for every cell of row `r`, in column order.
    fn cells(&self, r: usize, each: &mut dyn FnMut(usize, &str));
    fn mark(&self, _r: usize) -> Mark {
        Mark::Plain
    }
    /// The client's name was asked for and not found: the host cell is muted.
    fn unresolved(&self, _r: usize) -> bool {
        false
    }
}

/// The table cell of `c` for `s`, sanitized: what every table shows in that cell.
#[must_use]
pub fn cell_text<'a>(c: Column, s: &'a Session, labels: &'a [String]) -> Cow<'a, str> {
    match c.cell(s, labels) {
        Cow::Borrowed(b) => sanitize::line(b),
        // formatted here: kept as it is when there is nothing to escape
        Cow::Owned(o) if sanitize::printable_ascii(o.as_bytes(), false) => Cow::Owned(o),
        Cow::Owned(o) => Cow::Owned(sanitize::line(&o).into_owned()),
    }
}

/// Sessions as table rows, each cell formatted when it is shown.
struct SessionRows<'a, S> {
    table: &'a Table<'a>,
    sessions: &'a [S],
    marks: Option<&'a [Mark]>,
}

impl<S: Borrow<Session> + Sync> Rows for SessionRows<'_, S> {
    fn count(&self) -> usize {
        self.sessions.len()
    }

    fn cells(&self, r: usize, each: &mut dyn FnMut(usize, &str)) {
        let session = self.sessions[r].borrow();
        for (i, c) in self.table.columns.iter().enumerate() {
            let text = cell_text(*c, session, self.table.labels);
            // new rows are marked in text too, for terminals without color
            if *c == Column::Id && self.mark(r) == Mark::New {
                each(i, &format!("+{text}"));
            } else {
                each(i, &text);
            }
        }
    }

    fn mark(&self, r: usize) -> Mark {
        self.marks
            .and_then(|m| m.get(r))
            .copied()
            .unwrap_or(Mark::Plain)
    }

    fn unresolved(&self, r: usize) -> bool {
        self.sessions[r].borrow().unresolved
    }
}

impl Table<'_> {
    /// Writes the header and one line per session; `sessions` holds them or refers to them,
    /// so a caller that has them elsewhere need not copy them.
    pub fn write<S: Borrow<Session> + Sync>(
        &self,
        out: &mut dyn Write,
        sessions: &[S],
        marks: Option<&[Mark]>,
    ) -> io::Result<()> {
        self.write_rows(
            out,
            &SessionRows {
                table: self,
                sessions,
                marks,
            },
        )
    }

    /// Writes the header and one line per row of `rows`.
    pub fn write_rows(&self, out: &mut dyn Write, rows: &impl Rows) -> io::Result<()> {
        // Two passes over the cells, measuring then printing, rather than holding every cell of
        // a 100,000-row table at once. Both passes run on every core (`parallel`), in order;
        // the rows are numbered by a slice of nothing.
        let numbers = vec![(); rows.count()];
        let natural = parallel::fold(
            &numbers,
            || -> Vec<usize> { self.columns.iter().map(|c| width(c.header())).collect() },
            |mut natural, r, ()| {
                rows.cells(r, &mut |i, text| {
                    if let Some(w) = natural.get_mut(i) {
                        *w = (*w).max(width(text));
                    }
                });
                natural
            },
            |a, b| a.into_iter().zip(b).map(|(a, b)| a.max(b)).collect(),
        );
        let widths = self.fit(natural);
        let last = self.columns.len().saturating_sub(1);
        let mut line = String::new();
        for (i, col) in self.columns.iter().enumerate() {
            // a left-aligned last column is not padded, in the header as in the rows: padding
            // inside the header's escape sequences would survive the trim below
            let text = truncate(col.header(), widths[i]);
            let text = if i < last || col.numeric() {
                pad(&text, widths[i], col.numeric())
            } else {
                text
            };
            line.push_str(&self.palette.header(&text));
            if i < last {
                line.push_str(GAP_TEXT);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
        parallel::write_rows(out, &numbers, |line, r, ()| {
            let start = line.len();
            let (mark, unresolved) = (rows.mark(r), rows.unresolved(r));
            rows.cells(r, &mut |i, text| {
                let (Some(col), Some(&w)) = (self.columns.get(i), widths.get(i)) else {
                    return;
                };
                let text = if width(text) > w {
                    Cow::Owned(truncate(text, w))
                } else {
                    Cow::Borrowed(text)
                };
                let fill = w.saturating_sub(width(&text));
                let styled = match (mark, col) {
                    (Mark::New, Column::Id) => Some(self.palette.new_row(&text)),
                    (_, Column::Host) if unresolved => Some(self.palette.muted(&text)),
                    _ => None,
                };
                let shown = styled.as_deref().unwrap_or(&text);
                if col.numeric() {
                    line.extend(std::iter::repeat_n(b' ', fill));
                    line.extend_from_slice(shown.as_bytes());
                } else {
                    line.extend_from_slice(shown.as_bytes());
                    if i < last {
                        line.extend(std::iter::repeat_n(b' ', fill));
                    }
                }
                if i < last {
                    line.extend_from_slice(GAP_TEXT.as_bytes());
                }
            });
            while line.len() > start && line.last() == Some(&b' ') {
                line.pop();
            }
            line.push(b'\n');
            Ok(())
        })
    }

    /// Column widths: natural, then narrowed (widest text column first) to fit `self.width`.
    fn fit(&self, widths: Vec<usize>) -> Vec<usize> {
        fit_widths(self.columns, widths, self.width)
    }
}

/// Column widths for `width` display columns (two between columns): `widths` (the natural
/// ones) narrowed widest text column first; numbers never narrow and a time keeps its 19.
#[must_use]
pub fn fit_widths(columns: &[Column], mut widths: Vec<usize>, width: usize) -> Vec<usize> {
    // No column ends wider than the table: start there, or a value of hundreds of MiB
    // would cost a step per character below.
    for (w, c) in widths.iter_mut().zip(columns) {
        *w = (*w).min(width.max(min_width(*c)));
    }
    let total = |w: &[usize]| w.iter().sum::<usize>() + GAP * w.len().saturating_sub(1);
    while total(&widths) > width {
        let widest = columns
            .iter()
            .enumerate()
            .filter(|(i, c)| widths[*i] > min_width(**c))
            .max_by_key(|(i, _)| widths[*i]);
        match widest {
            Some((i, _)) => widths[i] -= 1,
            None => break,
        }
    }
    widths
}

/// A small aligned grid (summaries): widths are measured on the plain text and the header is
/// styled after padding, so escape sequences never count as width. `right[i]` right-aligns
/// column `i`; cells must already be sanitized.
pub fn write_grid(
    out: &mut dyn Write,
    headers: &[&str],
    rows: &[Vec<String>],
    right: &[bool],
    palette: Palette,
) -> io::Result<()> {
    let mut widths: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &mut dyn Iterator<Item = String>| -> String {
        let mut line = String::new();
        for (i, text) in cells.enumerate() {
            if i > 0 {
                line.push_str(GAP_TEXT);
            }
            line.push_str(&text);
        }
        line.trim_end().to_string()
    };
    let right_at = |i: usize| right.get(i).copied().unwrap_or(false);
    // a left-aligned last header is not padded: spaces inside its escape sequences would
    // survive the trim, and the colored header would be wider than the plain one
    let last = headers.len().saturating_sub(1);
    let header = line(&mut headers.iter().enumerate().map(|(i, h)| {
        if i < last || right_at(i) {
            palette.header(&pad(h, widths[i], right_at(i)))
        } else {
            palette.header(h)
        }
    }));
    writeln!(out, "{header}")?;
    for row in rows {
        let text = line(
            &mut row
                .iter()
                .enumerate()
                .map(|(i, c)| pad(c, widths[i], right_at(i))),
        );
        writeln!(out, "{text}")?;
    }
    Ok(())
}

/// How narrow a column may get: numbers never shrink, a timestamp keeps its 19 characters
/// (only an unparseable one is cut), text keeps a few characters.
fn min_width(c: Column) -> usize {
    match c.kind() {
        crate::columns::Kind::Text => MIN_TEXT.max(width(c.header())),
        crate::columns::Kind::Time => 19,
        _ => usize::MAX,
    }
}

/// Display width: the byte length for ASCII (every cell, nearly always), else Unicode's.
#[must_use]
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.width()
    }
}

/// Cuts `text` to `width` display columns, ending in `…` when cut.
#[must_use]
pub fn truncate(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

fn pad(text: &str, width: usize, right: bool) -> String {
    let fill = width.saturating_sub(self::width(text));
    if right {
        format!("{}{text}", " ".repeat(fill))
    } else {
        format!("{text}{}", " ".repeat(fill))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(sessions: &[Session], width: usize, color: bool) -> String {
        let cols = Column::defaults(false);
        let labels = vec!["h".to_string()];
        let t = Table {
            columns: &cols,
            labels: &labels,
            width,
            palette: Palette { enabled: color },
        };
        let mut out = Vec::new();
        t.write(&mut out, sessions, None).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn session(id: &str, user: &str) -> Session {
        Session {
            id: id.into(),
            user: Some(user.into()),
            remote: Some("127.0.0.1".into()),
            idle: Some(5.2),
            memory: Some(67_337),
            services: vec!["RW-Split-Router".into()],
            backends: vec!["server1".into()],
            connected: Some("Fri, 05 Jan 2024 07:24:06 GMT".into()),
            io_activity: Some(16),
            ..Session::default()
        }
    }

    /// A table long enough to be rendered on several threads reads as the rows rendered one by
    /// one: in order, each with its own mark, and aligned to widths measured over every row
    /// (the widest user is in the last row, which the first thread never sees).
    #[test]
    fn a_long_table_is_rendered_in_order_and_measured_whole() {
        let rows = 20_000;
        let mut sessions: Vec<Session> = (0..rows).map(|k| session(&k.to_string(), "u")).collect();
        sessions[rows - 1].user = Some("a-much-longer-user".into());
        let marks: Vec<Mark> = (0..rows)
            .map(|k| if k % 7 == 3 { Mark::New } else { Mark::Plain })
            .collect();
        for color in [false, true] {
            let cols = Column::defaults(false);
            let labels = vec!["h".to_string()];
            let t = Table {
                columns: &cols,
                labels: &labels,
                width: 200,
                palette: Palette { enabled: color },
            };
            let mut out = Vec::new();
            let lent: Vec<&Session> = sessions.iter().collect();
            t.write(&mut out, &lent, Some(&marks)).unwrap();
            let text = String::from_utf8(out).unwrap();
            let plain = crate::output::style::strip_ansi(&text);
            let lines: Vec<&str> = plain.lines().collect();
            assert_eq!(lines.len(), rows + 1);
            assert!(
                lines[rows].contains(" a-much-longer-user "),
                "{}",
                lines[rows]
            );
            let host_at = lines[0].find("HOST").unwrap();
            for (k, line) in lines[1..].iter().enumerate() {
                let id = if k % 7 == 3 {
                    format!("+{k}")
                } else {
                    k.to_string()
                };
                assert_eq!(line.split_whitespace().next(), Some(id.as_str()), "{line}");
                assert_eq!(line.find("127.0.0.1"), Some(host_at), "row {k}: {line}");
            }
            if color {
                // each marked row's id is styled, and only those
                let styled = text.lines().filter(|l| l.contains("\x1b[")).count();
                assert_eq!(
                    styled,
                    1 + marks.iter().filter(|m| **m == Mark::New).count()
                );
            }
        }
    }

    #[test]
    fn aligned_with_header() {
        let text = render(&[session("1", "maxuser"), session("10", "bob")], 120, false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("ID  USER     HOST"), "{text}");
        assert!(lines[1].starts_with(" 1  maxuser  127.0.0.1"), "{text}");
        assert!(lines[2].starts_with("10  bob      127.0.0.1"), "{text}");
        assert!(lines[1].contains("65.7 KiB"));
        assert!(lines[1].contains("2024-01-05 07:24:06"));
    }

    #[test]
    fn empty_list_prints_the_header() {
        assert_eq!(render(&[], 120, false).lines().count(), 1);
    }

    #[test]
    fn long_and_hostile_values_fit_and_are_escaped() {
        let long = "x".repeat(10_000);
        let text = render(
            &[session("1", &long), session("2", "\u{1b}[2J\u{202e}evil")],
            80,
            false,
        );
        for line in text.lines() {
            assert!(line.width() <= 80, "{}: {line}", line.width());
        }
        assert!(text.contains('…'));
        assert!(!text.contains('\u{1b}'));
        let text = render(&[session("2", "\u{1b}[2J\u{202e}evil")], 200, false);
        assert!(text.contains(r"\e[2J\u{202e}evil"), "{text}");
    }

    #[test]
    fn a_value_of_many_mebibytes_is_cut() {
        let huge = "u".repeat(16 << 20);
        let text = render(&[session("1", &huge), session("2", "bob")], 100, false);
        assert!(text.lines().all(|l| l.width() <= 100), "{text}");
        assert!(text.contains("uuu…"), "{text}");
        // the same widths as narrowing one step at a time would give
        let long = "u".repeat(300);
        let (a, b) = (
            render(&[session("1", &long)], 100, false),
            render(&[session("1", &huge)], 100, false),
        );
        assert_eq!(a, b);
    }

    #[test]
    fn with_color_the_table_is_the_plain_one_plus_escapes() {
        // the last column left-aligned text, its values of different widths
        let cols = [Column::Id, Column::User];
        let labels = vec!["h".to_string()];
        let sessions = [session("1", "a"), session("2", "a-much-longer-user")];
        let draw = |color| {
            let mut out = Vec::new();
            Table {
                columns: &cols,
                labels: &labels,
                width: 120,
                palette: Palette { enabled: color },
            }
            .write(&mut out, &sessions, None)
            .unwrap();
            String::from_utf8(out).unwrap()
        };
        let colored = draw(true);
        assert!(colored.contains('\u{1b}'));
        assert_eq!(crate::output::style::strip_ansi(&colored), draw(false));
        assert_eq!(draw(false).lines().next(), Some("ID  USER"));
        // every row's second column starts where the header's does
        for line in draw(false).lines().skip(1) {
            assert_eq!(line.get(2..4), Some("  "), "{line:?}");
            assert_ne!(line.as_bytes()[4], b' ', "{line:?}");
        }
        // rows lent by reference (as the list passes them) render as owned ones do
        for color in [false, true] {
            let lent: Vec<&Session> = sessions.iter().collect();
            let mut out = Vec::new();
            Table {
                columns: &cols,
                labels: &labels,
                width: 120,
                palette: Palette { enabled: color },
            }
            .write(&mut out, &lent, None)
            .unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), draw(color));
        }

        let grid = |color| {
            let mut out = Vec::new();
            let rows = [
                vec!["1".into(), "a".into()],
                vec!["22".into(), "bbbbbb".into()],
            ];
            write_grid(
                &mut out,
                &["N", "KEY"],
                &rows,
                &[true, false],
                Palette { enabled: color },
            )
            .unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(crate::output::style::strip_ansi(&grid(true)), grid(false));
        assert_eq!(grid(false).lines().next(), Some(" N  KEY"));
    }

    #[test]
    fn color_only_when_enabled() {
        assert!(!render(&[session("1", "a")], 120, false).contains('\u{1b}'));
        assert!(render(&[session("1", "a")], 120, true).contains('\u{1b}'));
    }

    #[test]
    fn truncate_respects_display_width() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("ab", 4), "ab");
        assert_eq!(truncate("世界世界", 5), "世界…");
    }
}
