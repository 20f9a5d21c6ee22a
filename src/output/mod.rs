//! Rendering: tables for people, TSV and JSON for scripts, and the sanitizer every
//! server-supplied string passes through. Renderers take prepared data and a writer; they never
//! fetch.

pub mod json;
pub mod show;
pub mod style;
pub mod table;
pub mod tsv;
