//! The live session view (`sessions watch` and `top` on a terminal): [`state`] turns keys and
//! refreshes into a new state (pure, unit-tested), [`view`] draws it with ratatui, and
//! [`terminal`] owns the terminal (raw mode, the alternate screen, keys) and restores it on
//! every exit path. Fetching and acting stay in `commands::watch`.

pub mod state;
pub mod terminal;
pub mod view;
