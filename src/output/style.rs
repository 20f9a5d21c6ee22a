//! The theme: every color and emphasis mxs shows is a named [`Role`], and the look of each role
//! is chosen once, in [`Role::look`]. Tables, `show`, summaries and stderr notes paint roles as
//! ANSI ([`Palette`]); the live view turns the same looks into ratatui styles, and reads the ANSI
//! of `show`'s text back into looks with [`Sgr::read`], which knows the theme's attributes only
//! as [`Palette`] writes them. Everything is plain text when color is off. Colors apply to
//! tables and stderr notes only, never to JSON or TSV.

use std::sync::LazyLock;

use owo_colors::{AnsiColors, OwoColorize, Style};

/// The theme's colors: the terminal's own, so its palette applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hue {
    Red,
    Green,
    Yellow,
    Cyan,
}

impl Hue {
    pub const ALL: [Hue; 4] = [Hue::Red, Hue::Green, Hue::Yellow, Hue::Cyan];

    const fn ansi(self) -> AnsiColors {
        match self {
            Hue::Red => AnsiColors::Red,
            Hue::Green => AnsiColors::Green,
            Hue::Yellow => AnsiColors::Yellow,
            Hue::Cyan => AnsiColors::Cyan,
        }
    }
}

/// How a role looks: a foreground color (the terminal's default without one) and emphasis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    pub fg: Option<Hue>,
    pub bold: bool,
    pub dim: bool,
    pub reversed: bool,
}

impl Look {
    pub const PLAIN: Look = Look {
        fg: None,
        bold: false,
        dim: false,
        reversed: false,
    };

    #[must_use]
    pub const fn fg(self, hue: Hue) -> Look {
        Look {
            fg: Some(hue),
            ..self
        }
    }

    #[must_use]
    pub const fn bold(self) -> Look {
        Look { bold: true, ..self }
    }

    #[must_use]
    pub const fn dim(self) -> Look {
        Look { dim: true, ..self }
    }

    #[must_use]
    pub const fn reversed(self) -> Look {
        Look {
            reversed: true,
            ..self
        }
    }

    /// The look as the ANSI rendering writes it.
    fn ansi(self) -> Style {
        let mut style = Style::new();
        if let Some(hue) = self.fg {
            style = style.color(hue.ansi());
        }
        if self.bold {
            style = style.bold();
        }
        if self.dim {
            style = style.dimmed();
        }
        if self.reversed {
            style = style.reversed();
        }
        style
    }
}

/// What is painted, by what it means. Each role's look is in [`Role::look`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Table headers; the keys in the live view's help.
    Header,
    /// Section titles in `show`; the live view's name, prompt and messages.
    Title,
    /// Field names in `show`.
    Key,
    /// Secondary information: unresolved addresses, "none", notes, stale rows, hints.
    Muted,
    /// Rows that appeared since the last refresh in `watch`.
    NewRow,
    /// The `mxs: error:` prefix; a failed host, a refused condition in the live view.
    Error,
    /// The `mxs: warning:` prefix; a pause, a confirmation, a note in the live view.
    Warning,
    /// The selected row of the live view.
    Selected,
    /// A `notice` line of MaxScale's log (errors and warnings take their own roles).
    Notice,
    /// An `info` line of MaxScale's log.
    Info,
}

impl Role {
    /// The one place a role's color and emphasis are chosen.
    #[must_use]
    pub const fn look(self) -> Look {
        match self {
            Role::Header => Look::PLAIN.fg(Hue::Cyan).bold(),
            Role::Title => Look::PLAIN.bold(),
            Role::Key => Look::PLAIN.fg(Hue::Cyan),
            Role::Muted => Look::PLAIN.dim(),
            Role::NewRow => Look::PLAIN.fg(Hue::Green),
            Role::Error => Look::PLAIN.fg(Hue::Red).bold(),
            Role::Warning => Look::PLAIN.fg(Hue::Yellow).bold(),
            Role::Selected => Look::PLAIN.reversed(),
            Role::Notice => Look::PLAIN.fg(Hue::Cyan),
            Role::Info => Look::PLAIN.fg(Hue::Green),
        }
    }
}

/// Paints roles as ANSI, or not at all when color is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub enabled: bool,
}

impl Palette {
    /// `text` in the look of `role`.
    #[must_use]
    pub fn paint(self, role: Role, text: &str) -> String {
        if self.enabled {
            text.style(role.look().ansi()).to_string()
        } else {
            text.to_string()
        }
    }

    /// [`Role::Header`].
    #[must_use]
    pub fn header(self, text: &str) -> String {
        self.paint(Role::Header, text)
    }

    /// [`Role::Title`].
    #[must_use]
    pub fn title(self, text: &str) -> String {
        self.paint(Role::Title, text)
    }

    /// [`Role::Key`].
    #[must_use]
    pub fn key(self, text: &str) -> String {
        self.paint(Role::Key, text)
    }

    /// [`Role::Muted`].
    #[must_use]
    pub fn muted(self, text: &str) -> String {
        self.paint(Role::Muted, text)
    }

    /// [`Role::NewRow`].
    #[must_use]
    pub fn new_row(self, text: &str) -> String {
        self.paint(Role::NewRow, text)
    }

    /// [`Role::Error`].
    #[must_use]
    pub fn error(self, text: &str) -> String {
        self.paint(Role::Error, text)
    }

    /// [`Role::Warning`].
    #[must_use]
    pub fn warning(self, text: &str) -> String {
        self.paint(Role::Warning, text)
    }
}

/// What one SGR parameter (of an `ESC [ ... m` sequence) in painted text does to the look so
/// far: how the live view reads `show`'s text back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sgr {
    /// `0` or nothing: back to plain.
    Reset,
    /// One attribute of the theme (a color or an emphasis), added to the look.
    Add(Look),
    /// `22`, normal intensity: neither bold nor dim (comfy-table ends a wrapped painted cell's
    /// lines with it).
    NormalIntensity,
    /// `39`, the terminal's default color (likewise).
    DefaultFg,
}

/// The parameter of each attribute of the theme, as [`Palette::paint`] writes it.
static WRITTEN: LazyLock<Vec<(String, Look)>> = LazyLock::new(|| {
    let p = Look::PLAIN;
    [p.bold(), p.dim(), p.reversed()]
        .into_iter()
        .chain(Hue::ALL.map(|hue| p.fg(hue)))
        .map(|look| {
            let prefix = look.ansi().prefix_formatter().to_string();
            let param = prefix
                .strip_prefix("\u{1b}[")
                .and_then(|p| p.strip_suffix('m'))
                .unwrap_or_default()
                .to_string();
            (param, look)
        })
        .collect()
});

impl Sgr {
    /// One parameter read back; `None` for any the theme does not write.
    #[must_use]
    pub fn read(param: &str) -> Option<Sgr> {
        match param {
            "" | "0" => Some(Sgr::Reset),
            "22" => Some(Sgr::NormalIntensity),
            "39" => Some(Sgr::DefaultFg),
            _ => WRITTEN
                .iter()
                .find(|(written, _)| written == param)
                .map(|(_, look)| Sgr::Add(*look)),
        }
    }
}

/// `text` without its ANSI escape sequences (CSI `ESC [ ... final` and `ESC x`): what a terminal
/// shows of it. Tests use it to check that colored output is aligned like the plain one.
#[must_use]
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'[') {
            chars.next();
            // parameters and intermediates, then one final byte in @..~
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        } else {
            chars.next();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_means_plain_text() {
        let p = Palette { enabled: false };
        assert_eq!(p.header("ID"), "ID");
        let p = Palette { enabled: true };
        assert!(p.header("ID").contains("\u{1b}["));
        assert!(p.header("ID").contains("ID"));
    }

    #[test]
    fn each_role_is_written_as_before() {
        let p = Palette { enabled: true };
        for (role, written) in [
            (Role::Header, "\u{1b}[36;1mID\u{1b}[0m"),
            (Role::Title, "\u{1b}[1mID\u{1b}[0m"),
            (Role::Key, "\u{1b}[36mID\u{1b}[0m"),
            (Role::Muted, "\u{1b}[2mID\u{1b}[0m"),
            (Role::NewRow, "\u{1b}[32mID\u{1b}[0m"),
            (Role::Error, "\u{1b}[31;1mID\u{1b}[0m"),
            (Role::Warning, "\u{1b}[33;1mID\u{1b}[0m"),
            (Role::Selected, "\u{1b}[7mID\u{1b}[0m"),
            (Role::Notice, "\u{1b}[36mID\u{1b}[0m"),
            (Role::Info, "\u{1b}[32mID\u{1b}[0m"),
        ] {
            assert_eq!(p.paint(role, "ID"), written, "{role:?}");
        }
    }

    #[test]
    fn what_the_theme_writes_reads_back_as_its_looks() {
        let p = Look::PLAIN;
        for (param, read) in [
            ("", Some(Sgr::Reset)),
            ("0", Some(Sgr::Reset)),
            ("1", Some(Sgr::Add(p.bold()))),
            ("2", Some(Sgr::Add(p.dim()))),
            ("7", Some(Sgr::Add(p.reversed()))),
            ("22", Some(Sgr::NormalIntensity)),
            ("31", Some(Sgr::Add(p.fg(Hue::Red)))),
            ("32", Some(Sgr::Add(p.fg(Hue::Green)))),
            ("33", Some(Sgr::Add(p.fg(Hue::Yellow)))),
            ("36", Some(Sgr::Add(p.fg(Hue::Cyan)))),
            ("39", Some(Sgr::DefaultFg)),
            ("34", None),
            ("4", None),
        ] {
            assert_eq!(Sgr::read(param), read, "{param}");
        }
    }
}
