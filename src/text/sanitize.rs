//! The one sanitizer for server-supplied text. Session data (user names, SQL, connection
//! attributes) comes from untrusted database clients, so before any of it reaches a terminal,
//! control characters (C0, DEL, C1), escape sequences, bidirectional overrides and isolates and
//! other invisible format characters are shown as visible escapes:
//!
//! | character | shown as |
//! | --- | --- |
//! | ESC | `\e` |
//! | tab, newline, carriage return | `\t`, `\n`, `\r` |
//! | other C0 controls and DEL | `\xNN` (e.g. `\x07`) |
//! | C1 controls, bidi controls, zero-width and other invisible format characters | `\u{NNNN}` (e.g. `\u{202e}`) |
//!
//! [`tsv`] also writes a backslash as `\\`, which makes its escaping reversible.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach a terminal raw.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // soft hyphen, Arabic letter mark, Mongolian vowel separator
        | '\u{ad}' | '\u{61c}' | '\u{180e}'
        // zero-width space/joiners, LRM/RLM, line and paragraph separators, bidi embeddings
        // and overrides (202A-202E), word joiner and invisible operators, bidi isolates
        // (2066-2069), deprecated format controls (206A-206F)
        | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
        // byte-order mark, interlinear annotations, tag characters
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}'
    )
}

fn push_escape(out: &mut String, c: char) {
    match c {
        '\u{1b}' => out.push_str("\\e"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\u{0}'..='\u{1f}' | '\u{7f}' => {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        }
        _ => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// Whether every byte is printable ASCII (0x20 to 0x7e) and, with `backslash`, none is a
/// backslash: what needs no escaping, so the common case stays allocation-free. Eight bytes at
/// a time: most text is, and every field of every row is asked.
#[must_use]
pub fn printable_ascii(bytes: &[u8], backslash: bool) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // bytes equal to `b` marked in their high bit (exact as an "any" test)
    let equal = |x: u64, b: u8| {
        let y = x ^ (u64::from(b) * ONES);
        y.wrapping_sub(ONES) & !y
    };
    let mut words = bytes.chunks_exact(8);
    let mut flags = 0u64;
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let x = u64::from_ne_bytes(w);
        // any byte < 0x20, any byte >= 0x80, any byte == 0x7f
        flags |= (x.wrapping_sub(0x20 * ONES) & !x) | x | equal(x, 0x7f);
        if backslash {
            flags |= equal(x, b'\\');
        }
    }
    flags & HIGH == 0
        && words
            .remainder()
            .iter()
            .all(|b| (0x20..0x7f).contains(b) && !(backslash && *b == b'\\'))
}

fn escape_with(s: &str, keep_newlines: bool, escape_backslash: bool) -> Cow<'_, str> {
    if printable_ascii(s.as_bytes(), escape_backslash) {
        return Cow::Borrowed(s);
    }
    let normalized;
    let s = if keep_newlines && s.contains("\r\n") {
        // \r\n line ends read as \n; a lone \r is escaped below
        normalized = s.replace("\r\n", "\n");
        normalized.as_str()
    } else {
        s
    };
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' if escape_backslash => out.push_str("\\\\"),
            '\n' if keep_newlines => out.push('\n'),
            '\t' if keep_newlines => out.push_str("    "),
            c if is_unsafe(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// One line of text: every unsafe character escaped, newlines too.
#[must_use]
pub fn line(s: &str) -> Cow<'_, str> {
    escape_with(s, false, false)
}

/// Text that may span lines (SQL in `show`): newlines kept, tabs as four spaces, the rest
/// escaped.
#[must_use]
pub fn multiline(s: &str) -> Cow<'_, str> {
    escape_with(s, true, false)
}

/// A TSV field: backslash, tab, newline and carriage return as `\\`, `\t`, `\n`, `\r`, and every
/// other unsafe character escaped as in [`line`].
#[must_use]
pub fn tsv(s: &str) -> Cow<'_, str> {
    escape_with(s, false, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_ascii_is_exact_for_every_byte_at_every_place() {
        for backslash in [false, true] {
            let exact = |b: &[u8]| {
                b.iter()
                    .all(|b| (0x20..0x7f).contains(b) && !(backslash && *b == b'\\'))
            };
            for len in [0, 1, 7, 8, 9, 16, 23] {
                for at in 0..len {
                    for byte in 0..=255u8 {
                        let mut text = vec![b'a'; len];
                        text[at] = byte;
                        assert_eq!(
                            printable_ascii(&text, backslash),
                            exact(&text),
                            "{byte:#x} at {at} of {len}, backslash {backslash}"
                        );
                    }
                }
            }
        }
        assert!(printable_ascii(b"~ !hello world, 0123456789", true));
        assert!(!printable_ascii(br"C:\dir\name", true));
        assert!(printable_ascii(br"C:\dir\name", false));
    }

    #[test]
    fn plain_text_is_untouched_and_borrowed() {
        assert!(matches!(line("maxuser"), Cow::Borrowed("maxuser")));
        assert!(matches!(tsv("a b"), Cow::Borrowed(_)));
        assert_eq!(line("Grüße, 世界"), "Grüße, 世界");
    }

    #[test]
    fn escapes_terminal_attacks() {
        assert_eq!(line("\u{1b}[31mred\u{1b}[0m"), r"\e[31mred\e[0m");
        assert_eq!(line("\u{1b}]52;c;ZXZpbA==\u{7}"), r"\e]52;c;ZXZpbA==\x07");
        assert_eq!(line("a\u{9b}b"), r"a\u{9b}b");
        assert_eq!(line("x\u{7f}"), r"x\x7f");
        assert_eq!(line("abc\u{202e}txt.exe"), r"abc\u{202e}txt.exe");
        assert_eq!(line("\u{2066}a\u{2069}"), r"\u{2066}a\u{2069}");
        assert_eq!(
            line("zero\u{200b}width\u{feff}"),
            r"zero\u{200b}width\u{feff}"
        );
        assert_eq!(line("tag\u{e0041}"), r"tag\u{e0041}");
        assert_eq!(line("a\nmxs: error: fake"), r"a\nmxs: error: fake");
        assert_eq!(line("a\tb\r"), r"a\tb\r");
    }

    #[test]
    fn multiline_keeps_lines_only() {
        assert_eq!(
            multiline("SELECT 1\nFROM t\r\nWHERE\tx"),
            "SELECT 1\nFROM t\nWHERE    x"
        );
        assert_eq!(multiline("a\rb"), r"a\rb");
        assert_eq!(multiline("a\u{1b}[2J"), r"a\e[2J");
    }

    #[test]
    fn tsv_escaping_is_reversible() {
        assert_eq!(tsv("a\tb\nc\\d\re"), r"a\tb\nc\\d\re");
        assert_eq!(tsv("\u{1b}x"), r"\ex");
        assert_eq!(tsv(r"\e"), r"\\e");
    }

    #[test]
    fn no_unsafe_character_survives_any_mode() {
        let all: String = (0u32..0x3000)
            .chain(0xe0000..0xe0080)
            .filter_map(char::from_u32)
            .collect();
        for out in [line(&all), tsv(&all)] {
            assert!(!out.chars().any(is_unsafe));
        }
        assert!(!multiline(&all).chars().any(|c| c != '\n' && is_unsafe(c)));
    }
}

#[cfg(test)]
pub(crate) mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// Text rich in what the sanitizer is for: C0, DEL, C1, bidi and invisible characters, the
    /// backslash, and ordinary ASCII and non-ASCII.
    pub(crate) fn hostile() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            4 => proptest::char::range(' ', '~'),
            2 => proptest::char::range('\0', '\u{1f}'),
            1 => proptest::char::range('\u{7f}', '\u{9f}'),
            1 => proptest::char::range('\u{2000}', '\u{206f}'),
            1 => prop::sample::select(vec!['\\', '\u{ad}', '\u{61c}', '\u{180e}', '\u{feff}', '\u{fffa}', '\u{e0041}', 'é', '世', '\u{1F600}']),
            1 => any::<char>(),
        ];
        proptest::collection::vec(c, 0..40).prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        /// No control or unsafe character survives; `multiline` keeps `\n` alone.
        #[test]
        fn sanitized_output_holds_no_control_character(s in prop_oneof![hostile(), any::<String>()]) {
            for out in [line(&s), tsv(&s)] {
                prop_assert!(!out.chars().any(|c| c.is_control() || is_unsafe(c)), "{:?}", out);
            }
            let m = multiline(&s);
            prop_assert!(!m.chars().any(|c| c != '\n' && (c.is_control() || is_unsafe(c))), "{:?}", m);
        }

        /// Safe text is left as it is.
        #[test]
        fn safe_text_is_unchanged(s in any::<String>()) {
            let safe: String = s.chars().filter(|c| !is_unsafe(*c) && !c.is_control()).collect();
            prop_assert_eq!(line(&safe), safe.as_str());
            let no_backslash = safe.replace('\\', "");
            prop_assert_eq!(tsv(&no_backslash), no_backslash.as_str());
        }
    }
}
