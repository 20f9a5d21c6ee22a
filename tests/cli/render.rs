//! Every table renderer (list, show, summary, locks, the watch frame) with and without color, on a
//! terminal and piped, at the default width and a narrow one: each line of a table has the
//! display width of its header once escape sequences are removed.

use crate::util::*;

/// Where the output goes, and whether it is colored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A pipe: no color.
    Piped,
    /// A pipe with `--color always`.
    PipedColor,
    /// A pseudo-terminal: color (auto).
    Terminal,
    /// A pseudo-terminal with `NO_COLOR=1`.
    TerminalNoColor,
}

impl Mode {
    const ALL: [Mode; 4] = [
        Mode::Piped,
        Mode::PipedColor,
        Mode::Terminal,
        Mode::TerminalNoColor,
    ];

    fn color(self) -> bool {
        matches!(self, Mode::PipedColor | Mode::Terminal)
    }
}

/// What `mxs ARGS` prints against `server` in `mode`, `width` columns wide (the terminal's
/// width, or `COLUMNS` on a pipe); a terminal's `\r\n` becomes `\n`.
fn render(server: &MockServer, args: &[&str], mode: Mode, width: u16) -> String {
    let m = mxs(args).hosts(server);
    let text = match mode {
        Mode::Piped | Mode::PipedColor => {
            let m = m.env("COLUMNS", width.to_string());
            let m = if mode == Mode::PipedColor {
                m.args(&["--color", "always"])
            } else {
                m
            };
            let run = m.run();
            run.ok();
            assert!(run.stderr.is_empty(), "{}", run.stderr);
            run.stdout
        }
        Mode::Terminal | Mode::TerminalNoColor => {
            let m = if mode == Mode::TerminalNoColor {
                m.env("NO_COLOR", "1")
            } else {
                m
            };
            let (code, text) = m.pty(50, width).finish();
            assert_eq!(code, Some(0), "{text}");
            text.replace("\r\n", "\n")
        }
    };
    assert_eq!(
        text.contains("\u{1b}["),
        mode.color(),
        "{mode:?}: colored or not: {text:?}"
    );
    text
}

#[track_caller]
fn fits(text: &str, width: u16) {
    for line in strip_ansi(text).lines() {
        assert!(
            display_width(line) <= usize::from(width),
            "wider than {width}: {line:?}"
        );
    }
}

#[test]
fn list_tables_are_aligned_in_every_mode() {
    let real = real();
    let evil = start(MockConfig {
        sessions: Some(12),
        evil: true,
        ..MockConfig::default()
    });
    for mode in Mode::ALL {
        for server in [&real, &evil] {
            let text = render(server, &["sessions", "list"], mode, 200);
            assert_table(&text);
        }
        // narrow: text columns are cut to fit
        let narrow = [
            "sessions",
            "list",
            "--columns",
            "id,user,host,service,query,memory",
        ];
        for server in [&real, &evil] {
            let text = render(server, &narrow, mode, 60);
            assert_table(&text);
            fits(&text, 60);
            assert!(text.contains('…'), "{text}");
        }
    }
}

#[test]
fn summary_tables_are_aligned_in_every_mode() {
    let real = real();
    let generated = generated(200, 7);
    for mode in Mode::ALL {
        for (server, by) in [
            (&real, "user"),
            (&generated, "user"),
            (&generated, "user,backend"),
            (&generated, "service,state"),
        ] {
            let text = render(server, &["sessions", "summary", "--by", by], mode, 200);
            let (table, total) = text.trim_end().rsplit_once('\n').unwrap();
            assert!(total.ends_with(" groups"), "{text}");
            assert_table(table);
            // the header is styled when colored, and still lines up
            assert_eq!(table.contains("\u{1b}["), mode.color(), "{table:?}");
        }
    }
}

#[test]
fn show_tables_are_aligned_in_every_mode() {
    let server = real();
    for mode in Mode::ALL {
        for width in [200, 90] {
            let text = render(&server, &["sessions", "show", "1", "--rdns"], mode, width);
            fits(&text, width);
            let plain = strip_ansi(&text);
            let backends = plain
                .split("Backends (1)\n")
                .nth(1)
                .and_then(|rest| rest.split("\n\n").next())
                .unwrap_or_else(|| panic!("a backends section: {plain}"));
            assert_columns_under_headers(backends);
        }
    }
}

#[test]
fn the_watch_frame_is_aligned_in_color_and_without() {
    let server = real();
    for no_color in [false, true] {
        for width in [200, 60] {
            let m = mxs(&["sessions", "watch", "--count", "1", "--columns"])
                .args(&["id,user,host,service,query,memory"])
                .hosts(&server);
            let m = if no_color { m.env("NO_COLOR", "1") } else { m };
            let (code, text) = m.pty(40, width).finish();
            assert_eq!(code, Some(0), "{text}");
            assert_eq!(text.contains("\u{1b}[1m"), !no_color, "{text:?}");
            let screen = last_screen(&text, 40, width);
            let lines: Vec<&str> = screen.lines().collect();
            assert!(lines[0].starts_with("mxs top"), "{screen}");
            let table: Vec<&str> = lines
                .iter()
                .copied()
                .filter(|l| l.contains("ID") || l.contains("maxuser"))
                .collect();
            assert_eq!(table.len(), 4, "{screen}");
            assert_table(&table.join("\n"));
            fits(&screen, width);
        }
    }
}

/// A table whose last column is left-aligned text (its lines end where their text does, and
/// cells may be empty or wrap onto a line of their own): no line is wider than the header's
/// columns allow, and no cell runs into the next column, whose header starts after two spaces.
#[track_caller]
fn assert_cells_stay_in_their_columns(table: &str) {
    let plain = strip_ansi(table);
    let lines: Vec<Vec<char>> = plain.lines().map(|l| l.chars().collect()).collect();
    assert!(lines.len() > 1, "a header and rows:\n{plain}");
    let header = &lines[0];
    let starts: Vec<usize> = (2..header.len())
        .filter(|&i| header[i] != ' ' && header[i - 1] == ' ' && header[i - 2] == ' ')
        .collect();
    assert!(starts.len() > 1, "several columns: {plain}");
    for row in &lines[1..] {
        for &at in &starts {
            assert!(
                row.get(at - 1).is_none_or(|c| *c == ' '),
                "a cell runs into the column at {at}: {:?}\nin:\n{plain}",
                row.iter().collect::<String>()
            );
        }
    }
}

#[test]
fn lock_and_backend_tables_are_aligned_in_every_mode() {
    use crate::backend::{SQL, chain, with_backend};
    let server = with_backend(chain());
    let backend = [
        "sessions",
        "list",
        "--backend",
        "--columns",
        "id,user,blocked_by,backend_state,backend_time,trx_age,query",
    ];
    for mode in Mode::ALL {
        for width in [200, 90] {
            let mut locks = vec!["sessions", "locks"];
            locks.extend_from_slice(&SQL);
            let text = render(&server, &locks, mode, width);
            assert_cells_stay_in_their_columns(&text);
            fits(&text, width);
            assert!(text.contains("session 1"), "{text}");
            let mut list = backend.to_vec();
            list.extend_from_slice(&SQL);
            let text = render(&server, &list, mode, width);
            assert_cells_stay_in_their_columns(&text);
            fits(&text, width);
            assert!(text.contains("Updating"), "{text}");
        }
    }
}
