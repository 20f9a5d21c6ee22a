//! The palette: every color and emphasis goes through these named styles, and all of them are
//! plain text when color is off. Colors apply to tables and stderr notes only, never to JSON or
//! TSV.

use owo_colors::{OwoColorize, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub enabled: bool,
}

impl Palette {
    fn paint(self, text: &str, style: Style) -> String {
        if self.enabled {
            text.style(style).to_string()
        } else {
            text.to_string()
        }
    }

    /// Table headers.
    #[must_use]
    pub fn header(self, text: &str) -> String {
        self.paint(text, Style::new().bold().cyan())
    }

    /// Section titles in `show`.
    #[must_use]
    pub fn title(self, text: &str) -> String {
        self.paint(text, Style::new().bold())
    }

    /// Field names in `show`.
    #[must_use]
    pub fn key(self, text: &str) -> String {
        self.paint(text, Style::new().cyan())
    }

    /// Secondary information: unresolved addresses, "none", notes.
    #[must_use]
    pub fn muted(self, text: &str) -> String {
        self.paint(text, Style::new().dimmed())
    }

    /// Rows that appeared since the last refresh in `watch`.
    #[must_use]
    pub fn new_row(self, text: &str) -> String {
        self.paint(text, Style::new().green())
    }

    /// The `mxs: error:` prefix.
    #[must_use]
    pub fn error(self, text: &str) -> String {
        self.paint(text, Style::new().bold().red())
    }

    /// The `mxs: warning:` prefix.
    #[must_use]
    pub fn warning(self, text: &str) -> String {
        self.paint(text, Style::new().bold().yellow())
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
}
