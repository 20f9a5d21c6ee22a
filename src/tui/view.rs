//! The live view drawn with ratatui: a two-line header (sessions, memory, new and closed, the
//! last refresh, sort, filter, pause), a line per failed host and per host whose lists are
//! spaced beyond the interval, the table (only the visible rows are formatted), and a bottom
//! line for messages, the filter prompt or the confirmation; the detail view and the help
//! overlay. Every server string is sanitized; with color off no style at all is used (the
//! selection is marked by `>`, new rows by `+`, stale ones by `~`, those seen closed by `x`).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::columns::Column;
use crate::output::show;
use crate::output::style::{Hue, Look, Palette, Role, Sgr};
use crate::output::table::{fit_widths, truncate, width};
use crate::text::{capitalized, sanitize, units};
use crate::tui::state::{Document, Overlay, State, Viewport};

/// The keys, for the help overlay and the README.
pub const KEYS: [(&str, &str); 15] = [
    ("↑ ↓ j k", "move the selection"),
    (
        "PgUp PgDn Home End",
        "move by a page, to the first or last row",
    ),
    ("Enter", "the selected session in full (Esc goes back)"),
    ("s / S", "sort by the next column / reverse the order"),
    ("/", "add a condition (the --where grammar)"),
    ("\\", "clear every condition"),
    ("i", "hide or show sessions idle longer than the interval"),
    ("p, Space", "pause or resume refreshing"),
    ("+ / -", "refresh less or more often"),
    ("x", "kill the selected session (asks first)"),
    ("r", "restart the selected session (asks first)"),
    ("b", "backend columns and threads (SQL API, --sql-user)"),
    ("?", "this help"),
    ("q, Esc", "quit (Esc leaves the detail view first)"),
    ("Ctrl-C", "quit"),
];

/// The theme's roles as ratatui styles, all plain when color is off.
#[derive(Clone, Copy)]
struct Styles {
    on: bool,
}

impl Styles {
    fn of(self, role: Role) -> Style {
        if self.on {
            look_style(role.look())
        } else {
            Style::default()
        }
    }
}

/// A look of the theme as a ratatui style.
fn look_style(look: Look) -> Style {
    let mut style = Style::new();
    if let Some(hue) = look.fg {
        style = style.fg(match hue {
            Hue::Red => Color::Red,
            Hue::Green => Color::Green,
            Hue::Yellow => Color::Yellow,
            Hue::Cyan => Color::Cyan,
        });
    }
    let mut modifier = Modifier::empty();
    for (on, m) in [
        (look.bold, Modifier::BOLD),
        (look.dim, Modifier::DIM),
        (look.reversed, Modifier::REVERSED),
    ] {
        if on {
            modifier |= m;
        }
    }
    style.add_modifier(modifier)
}

/// Draws the whole view; returns how much of the list and of the detail it showed.
pub fn draw(frame: &mut Frame<'_>, state: &State, color: bool, now: i64) -> Viewport {
    let st = Styles { on: color };
    let area = frame.area();
    let mut y = area.y;
    let bottom = area.y + area.height;
    let take = |y: &mut u16, h: u16| -> Rect {
        let h = h.min(bottom.saturating_sub(*y));
        let r = Rect::new(area.x, *y, area.width, h);
        *y += h;
        r
    };
    let header = header_lines(state, st);
    // a tiny terminal keeps the table's header and a row before the failed hosts' lines
    let header_h = u16::try_from(header.len())
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(4).max(2));
    let header_area = take(&mut y, header_h);
    frame.render_widget(Paragraph::new(header), header_area);
    // the bottom line, and the prompt's error above it
    let error_line = match &state.overlay {
        Overlay::Filter(p) => p.error.as_ref(),
        _ => None,
    };
    let footer_h = u16::from(area.height > 1) + u16::from(error_line.is_some() && area.height > 4);
    let body_h = bottom.saturating_sub(y).saturating_sub(footer_h);
    let body = take(&mut y, body_h);
    let footer = take(&mut y, footer_h);
    let mut viewport = state.viewport;
    if state.detail.is_some() {
        let (rows, len) = detail(frame, body, state, st, now);
        viewport.detail_rows = rows;
        viewport.detail_len = len;
    } else {
        viewport.rows = table(frame, body, state, st);
    }
    bottom_lines(frame, footer, state, st, error_line.map(String::as_str));
    if matches!(state.overlay, Overlay::Help) {
        help(frame, area, st);
    }
    viewport
}

fn header_lines(state: &State, st: Styles) -> Vec<Line<'static>> {
    let hosts = state.labels.len();
    let shown = state.view.len();
    let total = state.rows.len();
    let mut first = vec![Span::styled("mxs top", st.of(Role::Title))];
    first.push(Span::raw(format!(
        "  {shown} session{}{}, {} on {}",
        if shown == 1 { "" } else { "s" },
        if shown == total {
            String::new()
        } else {
            format!(" (of {total})")
        },
        units::format_bytes(state.memory()),
        if hosts == 1 {
            state.labels.first().cloned().unwrap_or_default()
        } else {
            format!("{hosts} hosts")
        }
    )));
    first.push(Span::raw(format!(
        "  every {}",
        units::format_seconds(state.interval.as_secs_f64())
    )));
    if state.paused {
        first.push(Span::raw("  "));
        first.push(Span::styled("PAUSED", st.of(Role::Warning)));
    }
    let mut second = Vec::new();
    match state.refreshed {
        Some((time, took)) => second.push(Span::raw(format!(
            "refreshed {:02}:{:02}:{:02} UTC in {} ms, {} new, {} closed",
            time.hour,
            time.minute,
            time.second,
            took.as_millis(),
            state.new,
            state.closed
        ))),
        None => second.push(Span::styled(
            "waiting for the first refresh",
            st.of(Role::Muted),
        )),
    }
    let sort = state.sort_shown();
    second.push(Span::raw(format!(
        "  sort {} {}",
        sort.column.name(),
        if sort.descending { "▼" } else { "▲" }
    )));
    if !state.selection.conditions.is_empty() {
        let texts: Vec<String> = state
            .selection
            .conditions
            .iter()
            .map(|c| sanitize::line(c.text()).into_owned())
            .collect();
        second.push(Span::raw(format!("  where {}", texts.join(" and "))));
    }
    if state.hide_idle {
        second.push(Span::raw(format!(
            "  idle > {} hidden",
            units::format_seconds(state.interval.as_secs_f64())
        )));
    }
    let mut lines = vec![Line::from(first), Line::from(second)];
    for h in &state.hosts {
        if let Some(e) = &h.error {
            let since = h.last_ok.map_or_else(
                || "no rows yet".to_string(),
                |t| {
                    format!(
                        "its rows are from {:02}:{:02}:{:02} (stale)",
                        t.hour, t.minute, t.second
                    )
                },
            );
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{}: ", sanitize::line(&h.label)),
                    st.of(Role::Error),
                ),
                Span::raw(format!("{e}; {since}")),
            ]));
        } else if let Some(p) = &h.pace {
            let now = h
                .count
                .map(|n| format!("; {n} session{} now", if n == 1 { "" } else { "s" }))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(
                    format!(
                        "list every {} on {}",
                        units::format_seconds(p.every.as_secs_f64()),
                        sanitize::line(&h.label)
                    ),
                    st.of(Role::Warning),
                ),
                Span::raw(format!(
                    ": a list takes it {:.1} s for {} session{} (--max-load){now}",
                    p.took.as_secs_f64(),
                    p.sessions,
                    if p.sessions == 1 { "" } else { "s" },
                )),
            ]));
        }
    }
    lines
}

/// The table: only the rows that fit are formatted. Returns how many rows fit.
fn table(frame: &mut Frame<'_>, area: Rect, state: &State, st: Styles) -> usize {
    if area.height == 0 {
        return 0;
    }
    let rows = usize::from(area.height - 1);
    let sort = state.sort_shown();
    let cols = &state.columns;
    let headers: Vec<String> = cols
        .iter()
        .map(|c| {
            if *c == sort.column {
                format!("{}{}", c.header(), if sort.descending { "▼" } else { "▲" })
            } else {
                c.header().to_string()
            }
        })
        .collect();
    let end = (state.offset + rows).min(state.view.len());
    let start = state.offset.min(end);
    let cells: Vec<Vec<String>> = state.view[start..end]
        .iter()
        .map(|&i| {
            let s = &state.rows[i].session;
            cols.iter()
                .map(|c| sanitize::line(&c.cell(s, &state.labels)).into_owned())
                .collect()
        })
        .collect();
    let mut natural: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    for row in &cells {
        for (w, c) in natural.iter_mut().zip(row) {
            *w = (*w).max(width(c));
        }
    }
    let widths = fit_widths(
        cols,
        natural,
        usize::from(area.width).saturating_sub(2).max(1),
    );
    let line = |texts: &[String], style: &dyn Fn(usize) -> Style| -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for (k, (t, c)) in texts.iter().zip(cols).enumerate() {
            let t = truncate(t, widths[k]);
            let fill = " ".repeat(widths[k].saturating_sub(width(&t)));
            let text = if c.numeric() {
                format!("{fill}{t}")
            } else {
                format!("{t}{fill}")
            };
            if k > 0 {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(text, style(k)));
        }
        spans
    };
    let mut lines = Vec::with_capacity(cells.len() + 1);
    let mut head = vec![Span::raw("  ")];
    head.extend(line(&headers, &|_| st.of(Role::Header)));
    lines.push(Line::from(head));
    if state.refreshes == 0 {
        lines.push(Line::styled(
            "  (reading the sessions…)",
            st.of(Role::Muted),
        ));
    } else if state.view.is_empty() {
        lines.push(Line::styled(
            if state.rows.is_empty() {
                "  no sessions"
            } else {
                "  no sessions match"
            },
            st.of(Role::Muted),
        ));
    }
    for (n, row_cells) in cells.iter().enumerate() {
        let at = start + n;
        let row = &state.rows[state.view[at]];
        let selected = at == state.cursor;
        let mark = format!(
            "{}{}",
            if selected { '>' } else { ' ' },
            if row.stale {
                '~'
            } else if row.closed {
                'x'
            } else if row.new {
                '+'
            } else {
                ' '
            }
        );
        let base = if row.stale || row.closed {
            st.of(Role::Muted)
        } else {
            Style::default()
        };
        let unresolved = row.session.unresolved;
        let mut spans = vec![Span::styled(mark, base)];
        spans.extend(line(row_cells, &|k| match cols[k] {
            Column::Id if row.new => base.patch(st.of(Role::NewRow)),
            Column::Host if unresolved => base.patch(st.of(Role::Muted)),
            _ => base,
        }));
        let mut l = Line::from(spans);
        if selected {
            l = l.style(st.of(Role::Selected));
        }
        lines.push(l);
    }
    frame.render_widget(Paragraph::new(lines), area);
    rows
}

/// The detail view: `show`'s text for the session, scrolled. Returns the rows shown and the
/// text's length in lines.
fn detail(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &State,
    st: Styles,
    now: i64,
) -> (usize, usize) {
    let Some(d) = &state.detail else {
        return (0, 0);
    };
    let label = state.labels.get(d.key.0).map_or("", String::as_str);
    let id = sanitize::line(&d.key.1);
    let (note, value, remote_name) = match &d.document {
        Document::Waiting => (
            Some(format!("reading session {id} on {label}…")),
            None,
            None,
        ),
        Document::Found {
            value, remote_name, ..
        } => (
            None,
            Some(value),
            remote_name.as_ref().map(|r| r.as_deref()),
        ),
        Document::Gone => (
            Some(format!("session {id} on {label} is gone; as last seen:")),
            d.last.as_ref(),
            None,
        ),
        Document::Failed(e) => (
            Some(format!("reading session {id} on {label} failed: {e}")),
            d.last.as_ref(),
            None,
        ),
    };
    let mut lines: Vec<Line<'static>> = Vec::new();
    if let Some(n) = note {
        lines.push(Line::styled(n, st.of(Role::Warning)));
    }
    if let Some(v) = value {
        let text = show::render(
            v,
            &show::Context {
                maxscale: label,
                remote_name,
                width: usize::from(area.width).max(20),
                palette: Palette { enabled: st.on },
                now,
            },
        );
        lines.extend(text.lines().map(ansi_line));
        match &d.log {
            Some(Ok(entries)) => lines.extend(
                show::log_text(entries, Palette { enabled: st.on })
                    .lines()
                    .map(ansi_line),
            ),
            Some(Err(e)) => {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    format!("MaxScale log: not read: {e}"),
                    st.of(Role::Muted),
                ));
            }
            None => {
                lines.push(Line::raw(""));
                lines.push(Line::styled("MaxScale log: reading…", st.of(Role::Muted)));
            }
        }
        match &d.backend {
            Some(Ok(threads)) => lines.extend(
                crate::output::locks::backend_text(
                    threads,
                    &state.labels,
                    Palette { enabled: st.on },
                    usize::from(area.width).max(20),
                )
                .lines()
                .map(ansi_line),
            ),
            Some(Err(e)) => {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    format!("Backend threads: not read: {e}"),
                    st.of(Role::Muted),
                ));
            }
            None if state.backend => {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    "Backend threads: reading…",
                    st.of(Role::Muted),
                ));
            }
            None => {}
        }
    }
    let len = lines.len();
    let rows = usize::from(area.height);
    let scroll = d.scroll.min(len.saturating_sub(rows));
    let shown: Vec<Line<'static>> = lines.into_iter().skip(scroll).take(rows).collect();
    frame.render_widget(Paragraph::new(shown), area);
    (rows, len)
}

/// One line of `show`'s output, its SGR sequences (the theme's own: every server string in it is
/// sanitized, so no other escape is there) read back into the theme's looks.
fn ansi_line(text: &str) -> Line<'static> {
    let mut spans = Vec::new();
    let mut style = Style::default();
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        if at > 0 {
            spans.push(Span::styled(rest[..at].to_string(), style));
        }
        let seq = &rest[at + 1..];
        let Some(params) = seq.strip_prefix('[') else {
            rest = seq;
            continue;
        };
        let end = params
            .find(|c: char| ('@'..='~').contains(&c))
            .unwrap_or(params.len());
        if params[end..].starts_with('m') {
            for p in params[..end].split(';') {
                style = match Sgr::read(p) {
                    Some(Sgr::Reset) => Style::default(),
                    Some(Sgr::Add(look)) => style.patch(look_style(look)),
                    Some(Sgr::NormalIntensity) => {
                        style.remove_modifier(Modifier::BOLD | Modifier::DIM)
                    }
                    Some(Sgr::DefaultFg) => style.fg(Color::Reset),
                    None => style,
                };
            }
        }
        rest = params.get(end + 1..).unwrap_or("");
    }
    if !rest.is_empty() {
        spans.push(Span::styled(rest.to_string(), style));
    }
    Line::from(spans)
}

fn bottom_lines(frame: &mut Frame<'_>, area: Rect, state: &State, st: Styles, error: Option<&str>) {
    if area.height == 0 {
        return;
    }
    let mut lines = Vec::new();
    if let Some(e) = error
        && area.height > 1
    {
        lines.push(Line::styled(format!("refused: {e}"), st.of(Role::Error)));
    }
    let last = match &state.overlay {
        Overlay::Filter(p) => {
            let prompt = "where> ";
            let before: usize = p
                .text
                .chars()
                .take(p.cursor)
                .map(|c| width(&c.to_string()))
                .sum();
            let x = area.x + u16::try_from(width(prompt) + before).unwrap_or(u16::MAX);
            if x < area.x + area.width {
                frame.set_cursor_position(Position::new(x, area.y + area.height - 1));
            }
            Line::from(vec![
                Span::styled(prompt, st.of(Role::Title)),
                Span::raw(sanitize::line(&p.text).into_owned()),
            ])
        }
        Overlay::Confirm(p) => {
            let s = &p.session;
            let text = format!(
                "{} session {} (user {}, client {}) on MaxScale {}? y to confirm, any other key cancels",
                capitalized(p.act.verb()),
                sanitize::line(&s.id),
                sanitize::line(s.user.as_deref().unwrap_or("(none)")),
                sanitize::line(s.client_display().unwrap_or("(unknown)")),
                sanitize::line(state.labels.get(s.endpoint).map_or("", String::as_str)),
            );
            Line::styled(text, st.of(Role::Warning))
        }
        _ => match &state.message {
            Some(m) => Line::styled(
                m.text.clone(),
                if m.error {
                    st.of(Role::Error)
                } else {
                    st.of(Role::Title)
                },
            ),
            None => Line::styled(
                if state.detail.is_some() {
                    "Esc back  ↑↓ PgUp PgDn scroll  x kill  r restart  p pause  ? help  q quit"
                } else {
                    "Enter detail  s/S sort  / filter  \\ clear  i idle  p pause  +/- interval  x kill  r restart  ? help  q quit"
                },
                st.of(Role::Muted),
            ),
        },
    };
    lines.push(last);
    frame.render_widget(Paragraph::new(lines), area);
}

fn help(frame: &mut Frame<'_>, area: Rect, st: Styles) {
    let w = area.width.min(80);
    let h = area
        .height
        .min(u16::try_from(KEYS.len() + 2).unwrap_or(u16::MAX));
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let key_w = KEYS.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    let lines: Vec<Line<'static>> = KEYS
        .iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(format!("{k:<key_w$}  "), st.of(Role::Header)),
                Span::raw(*what),
            ])
        })
        .collect();
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(" keys (any key closes) ", st.of(Role::Title))),
        ),
        r,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::state::tests::{refresh, session, state};
    use crate::tui::state::{Input, Pace, Viewport};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use std::time::Duration;

    fn render(s: &mut State, w: u16, h: u16, color: bool) -> Buffer {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut vp = Viewport::default();
        t.draw(|f| vp = draw(f, s, color, 1_704_439_546)).unwrap();
        s.set_viewport(vp);
        t.backend().buffer().clone()
    }

    fn text(b: &Buffer) -> String {
        let mut out = String::new();
        for y in 0..b.area.height {
            let mut line = String::new();
            for x in 0..b.area.width {
                line.push_str(b[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    fn styled(b: &Buffer) -> bool {
        b.content
            .iter()
            .any(|c| c.fg != Color::Reset || c.bg != Color::Reset || !c.modifier.is_empty())
    }

    fn filled() -> State {
        let mut s = state(2);
        s.apply(refresh(
            vec![
                session(0, 1, "app", 5.0, 3000),
                session(0, 2, "bob\x1b[31m", 700.0, 1000),
                session(1, 1, "carol", 1.0, 2000),
            ],
            vec![],
        ));
        s
    }

    /// Every view, in color and without, in big and tiny terminals: none panics, and with color
    /// off nothing is styled.
    fn every_view(check: &mut dyn FnMut(&str, &Buffer, bool)) {
        for color in [false, true] {
            for (w, h) in [(120, 30), (40, 10), (20, 5), (1, 1), (0, 0)] {
                let mut s = filled();
                check("list", &render(&mut s, w, h, color), color);
                s.key(Input::Char('?'));
                check("help", &render(&mut s, w, h, color), color);
                s.key(Input::Esc);
                s.key(Input::Char('/'));
                s.key(Input::Char('x'));
                s.key(Input::Enter);
                check("filter error", &render(&mut s, w, h, color), color);
                s.key(Input::Esc);
                s.key(Input::Char('x'));
                check("confirm", &render(&mut s, w, h, color), color);
                s.key(Input::Char('n'));
                s.key(Input::Enter);
                s.apply_detail(
                    &(0, "1".into()),
                    Document::Found {
                        value: serde_json::json!({"id": "1", "type": "sessions",
                            "attributes": {"user": "app\u{1b}]52;c;x\u{7}", "remote": "192.0.2.7",
                            "queries": [{"statement": "SELECT 1", "start": "2024-01-05T07:24:06.123Z"}]}}),
                        remote_name: None,
                        time: crate::text::time::Stamp::from_unix(0),
                    },
                );
                check("detail", &render(&mut s, w, h, color), color);
            }
        }
    }

    #[test]
    fn no_view_panics_at_any_size_and_color_off_is_plain() {
        every_view(&mut |name, b, color| {
            if !color {
                assert!(!styled(b), "{name} is styled without color:\n{}", text(b));
            }
            // nothing raw from the server reaches a cell
            assert!(
                b.content
                    .iter()
                    .all(|c| !c.symbol().contains('\u{1b}') && !c.symbol().contains('\u{7}')),
                "{name}"
            );
        });
    }

    #[test]
    fn the_list_shows_the_header_the_selection_and_the_sort() {
        let mut s = filled();
        let b = render(&mut s, 100, 12, false);
        let t = text(&b);
        assert!(
            t.starts_with("mxs top  3 sessions, 5.8 KiB on 2 hosts  every 2.0s\n"),
            "{t}"
        );
        assert!(
            t.contains("refreshed 07:24:06 UTC in 12 ms, 0 new, 0 closed  sort id ▲"),
            "{t}"
        );
        assert!(t.contains("IDLE  SERVICE"), "{t}");
        assert!(t.contains("ID▲"), "{t}");
        let rows: Vec<&str> = t.lines().filter(|l| l.contains("RW-Spl")).collect();
        assert_eq!(rows.len(), 3, "{t}");
        assert!(rows[0].starts_with(">"), "the first row is selected: {t}");
        assert!(rows[2].contains(r"bob\e[31m"), "sanitized: {t}");
        assert!(t.contains("mx1:8989"), "{t}");
        // moving and sorting
        s.key(Input::Down);
        s.key(Input::Char('s'));
        let t = text(&render(&mut s, 100, 12, false));
        assert!(t.contains("USER▲") && t.contains("sort user ▲"), "{t}");
        let rows: Vec<&str> = t.lines().filter(|l| l.contains("RW-Spl")).collect();
        assert!(rows[2].starts_with(">") && rows[2].contains("carol"), "{t}");
        s.key(Input::Char('S'));
        let t = text(&render(&mut s, 100, 12, false));
        assert!(t.contains("USER▼") && t.contains("sort user ▼"), "{t}");
        // in color the selected row is reversed and the header cyan
        let b = render(&mut s, 100, 12, true);
        let y = (0..b.area.height)
            .find(|&y| b[(0, y)].symbol() == ">")
            .unwrap();
        assert!(b[(5, y)].modifier.contains(Modifier::REVERSED));
        assert_eq!(b[(2, 2)].fg, Color::Cyan);
    }

    #[test]
    fn the_filter_prompt_and_its_error() {
        let mut s = filled();
        s.key(Input::Char('/'));
        for c in "idle>>".chars() {
            s.key(Input::Char(c));
        }
        let t = text(&render(&mut s, 100, 12, false));
        assert!(t.trim_end().ends_with("where> idle>>"), "{t}");
        s.key(Input::Enter);
        let t = text(&render(&mut s, 100, 12, false));
        assert!(t.contains("refused: --where 'idle>>':"), "{t}");
        assert_eq!(t.matches("RW-Spl").count(), 3, "nothing changed: {t}");
        s.key(Input::Backspace);
        s.key(Input::Char('1'));
        s.key(Input::Char('m'));
        s.key(Input::Enter);
        let t = text(&render(&mut s, 100, 12, false));
        assert!(
            t.contains("1 session (of 3)") && t.contains("where idle>1m"),
            "{t}"
        );
        assert!(!t.contains("refused"), "{t}");
    }

    #[test]
    fn the_confirmation_names_the_session_its_user_client_and_maxscale() {
        let mut s = filled();
        s.key(Input::End);
        s.key(Input::Char('x'));
        let t = text(&render(&mut s, 150, 12, false));
        assert!(
            t.contains("Kill session 2 (user bob\\e[31m, client 192.0.2.7) on MaxScale mx1:8989? y to confirm"),
            "{t}"
        );
        s.key(Input::Char('n'));
        s.key(Input::Char('r'));
        let t = text(&render(&mut s, 150, 12, false));
        assert!(t.contains("Restart session 2"), "{t}");
    }

    #[test]
    fn a_failed_host_is_named_with_its_error_and_its_rows_marked_stale() {
        let mut s = filled();
        s.apply(refresh(
            vec![
                session(0, 1, "app", 5.0, 3000),
                session(0, 2, "bob", 1.0, 1),
            ],
            vec![(1, "GET http://mx2:8989/v1/sessions: connection refused")],
        ));
        let t = text(&render(&mut s, 120, 12, false));
        assert!(
            t.contains("mx2:8989: GET http://mx2:8989/v1/sessions: connection refused; its rows are from 07:24:06 (stale)"),
            "{t}"
        );
        let stale: Vec<&str> = t.lines().filter(|l| l.starts_with(" ~")).collect();
        assert_eq!(stale.len(), 1, "{t}");
        assert!(stale[0].contains("carol"), "{t}");
        let b = render(&mut s, 120, 12, true);
        assert_eq!(b[(0, 2)].fg, Color::Red);
    }

    #[test]
    fn a_paced_host_says_why_with_its_count_and_closed_rows_are_marked() {
        let mut s = filled();
        let mut r = refresh(vec![], vec![]);
        r.listed = vec![];
        r.counts = vec![(1, 10_504)];
        s.apply(r);
        let mut r = refresh(vec![session(0, 1, "app", 5.0, 3000)], vec![]);
        r.listed = vec![0];
        r.paces = vec![(
            0,
            Some(Pace {
                every: Duration::from_millis(12_600),
                took: Duration::from_millis(612),
                sessions: 10_004,
            }),
        )];
        s.apply(r);
        s.apply_by_id(&(1, "1".into()), None);
        let t = text(&render(&mut s, 160, 12, false));
        assert!(
            t.contains("list every 12.6s on mx1:8989: a list takes it 0.6 s for 10004 sessions (--max-load); 1 session now"),
            "{t}"
        );
        assert!(
            !t.contains("on mx2:8989: a list"),
            "mx2 is listed every interval: {t}"
        );
        let closed: Vec<&str> = t.lines().filter(|l| l.starts_with(" x")).collect();
        assert_eq!(closed.len(), 1, "{t}");
        assert!(closed[0].contains("carol"), "{t}");
        let b = render(&mut s, 160, 12, true);
        assert_eq!(b[(0, 2)].fg, Color::Yellow);
        assert!(styled(&b));
    }

    #[test]
    fn the_detail_view_scrolls_and_the_help_lists_every_key() {
        let mut s = filled();
        s.key(Input::Enter);
        let t = text(&render(&mut s, 80, 10, false));
        assert!(t.contains("reading session 1 on mx1:8989"), "{t}");
        let queries: Vec<serde_json::Value> = (0..30)
            .map(|i| serde_json::json!({"statement": format!("SELECT {i}\x1b[2J"), "start": "2024-01-05T07:24:06.123Z"}))
            .collect();
        s.apply_detail(
            &(0, "1".into()),
            Document::Found {
                value: serde_json::json!({"id": "1", "type": "sessions",
                    "attributes": {"user": "app", "queries": queries}}),
                remote_name: None,
                time: crate::text::time::Stamp::from_unix(0),
            },
        );
        let t = text(&render(&mut s, 80, 10, false));
        assert!(t.contains("Session 1  on mx1:8989"), "{t}");
        assert!(t.contains("Esc back"), "{t}");
        s.key(Input::End);
        let t = text(&render(&mut s, 80, 10, false));
        assert!(t.contains(r"SELECT 29\e[2J"), "{t}");
        assert!(!t.contains("Session 1  on"), "scrolled: {t}");
        s.key(Input::Esc);
        s.key(Input::Char('?'));
        let t = text(&render(&mut s, 100, 30, false));
        for (k, what) in KEYS {
            assert!(t.contains(k) && t.contains(what), "{k}: {t}");
        }
    }

    #[test]
    fn show_s_colors_become_styles() {
        let l = ansi_line("\u{1b}[1mSession 1\u{1b}[0m\u{1b}[2m  on mx\u{1b}[0m plain");
        assert_eq!(l.spans.len(), 3);
        assert!(l.spans[0].style.add_modifier.contains(Modifier::BOLD));
        assert!(l.spans[1].style.add_modifier.contains(Modifier::DIM));
        assert_eq!(l.spans[2].style, Style::default());
    }

    /// The capture in the README is this render, and its key table is [`KEYS`].
    #[test]
    fn the_readme_shows_this_view_and_every_key() {
        let readme = include_str!("../../README.md");
        let mut s = state(2);
        let mut first = vec![
            session(0, 1, "maxuser", 0.0, 2_355),
            session(0, 2, "app", 22.4, 67_584),
            session(0, 3, "app", 21.9, 68_096),
            session(1, 7, "report", 2_410.0, 1_220_000),
        ];
        s.apply(refresh(first.clone(), vec![]));
        first.push(session(0, 4, "maxuser", 0.1, 2_048));
        s.apply(refresh(
            first,
            vec![(1, "GET http://mx2:8989/v1/sessions: connection refused")],
        ));
        s.key(Input::Char('s'));
        while s.sort_shown().column != Column::Memory {
            s.key(Input::Char('s'));
        }
        s.key(Input::Down);
        let t = text(&render(&mut s, 112, 12, false));
        let capture: String = t.lines().map(|l| format!("{l}\n")).collect();
        assert!(
            readme.contains(&format!("```text\n{capture}```")),
            "README lacks the capture:\n```text\n{capture}```"
        );
        for (k, what) in KEYS {
            assert!(
                readme.contains(&format!("| {k} | {what} |")),
                "README lacks | {k} | {what} |"
            );
        }
    }
}
