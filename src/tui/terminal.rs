//! The terminal of the live view: raw mode (so Ctrl-C and `q` arrive as keys), the alternate
//! screen and a hidden cursor, restored when [`Screen`] is dropped, and by the panic hook
//! through [`restore`]; and the terminal's key events read as [`Input`]s.

use std::io::{self, Stdout};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::tui::state::Input;

/// Panic once the view is drawn (`MXS_TEST_PANIC_LIVE`, the panic hook's test in a terminal).
pub static TEST_PANIC: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The terminal in the live view's modes; restored when dropped, whatever the exit path.
pub struct Screen {
    /// `None` only while dropping.
    terminal: Option<Terminal<CrosstermBackend<Stdout>>>,
}

impl Screen {
    pub fn enter() -> io::Result<Screen> {
        terminal::enable_raw_mode()?;
        // from here on, a failure restores what was done
        let guard = Restore;
        execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        std::mem::forget(guard);
        Ok(Screen {
            terminal: Some(terminal),
        })
    }

    /// Draws a frame.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> io::Result<()> {
        match &mut self.terminal {
            Some(t) => t.draw(render).map(drop),
            None => Ok(()),
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        // The cursor is shown here, so that ratatui's own drop writes nothing after the main
        // screen is back. When that fails (the terminal hung up), ratatui's drop would report
        // it with `eprintln!`, which panics on a stderr that cannot be written: the terminal
        // is let go of without its drop, which owns nothing but a handle to stdout.
        if let Some(mut t) = self.terminal.take()
            && t.show_cursor().is_err()
        {
            std::mem::forget(t);
        }
        restore();
    }
}

struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves the alternate screen, shows the cursor and turns raw mode off, if [`Screen::enter`]
/// turned raw mode on (they go together): used on drop and by the panic hook. Writes nothing
/// otherwise.
pub fn restore() {
    if terminal::is_raw_mode_enabled().unwrap_or(false) {
        let _ = execute!(io::stdout(), cursor::Show, terminal::LeaveAlternateScreen);
        let _ = terminal::disable_raw_mode();
    }
}

/// A terminal event as the view reads it: a key, or `None` (a resize only needs a redraw).
#[must_use]
pub fn input(event: &Event) -> Option<Input> {
    let Event::Key(KeyEvent {
        code,
        modifiers,
        kind,
        ..
    }) = event
    else {
        return None;
    };
    if *kind == KeyEventKind::Release {
        return None;
    }
    if modifiers.contains(KeyModifiers::CONTROL) {
        return match code {
            KeyCode::Char('c') => Some(Input::Interrupt),
            _ => None,
        };
    }
    Some(match code {
        KeyCode::Up => Input::Up,
        KeyCode::Down => Input::Down,
        KeyCode::PageUp => Input::PageUp,
        KeyCode::PageDown => Input::PageDown,
        KeyCode::Home => Input::Home,
        KeyCode::End => Input::End,
        KeyCode::Left => Input::Left,
        KeyCode::Right => Input::Right,
        KeyCode::Enter => Input::Enter,
        KeyCode::Esc => Input::Esc,
        KeyCode::Backspace => Input::Backspace,
        KeyCode::Delete => Input::Delete,
        KeyCode::Char(c) => Input::Char(*c),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_inputs() {
        let key = |code, modifiers| Event::Key(KeyEvent::new(code, modifiers));
        assert_eq!(
            input(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Input::Interrupt)
        );
        assert_eq!(
            input(&key(KeyCode::Char('S'), KeyModifiers::SHIFT)),
            Some(Input::Char('S'))
        );
        assert_eq!(
            input(&key(KeyCode::PageDown, KeyModifiers::NONE)),
            Some(Input::PageDown)
        );
        assert_eq!(input(&key(KeyCode::F(1), KeyModifiers::NONE)), None);
        assert_eq!(input(&Event::Resize(40, 10)), None);
    }
}
