//! Timestamps from the server: `connected` ([`Stamp::parse`], HTTP-date and asctime forms) and
//! query times ([`time::query_millis`]), and the `--where connected...` operand.
//!
//! - a parsed stamp has fields in range, and its RFC 3339 and table forms hold nothing unsafe;
//!   a text that does not parse is kept raw in TSV;
//! - `--where connected=<its RFC 3339 form>` matches a session with that `connected` text, and
//!   `connected<` that form does not (for years 0 to 9999; RFC 3339 has no negative years);
//! - a `connected` operand of any text parses or is refused without panicking, and is
//!   evaluated against sessions;
//! - the `Date` header form ([`Stamp::parse_http_date`]) and `--server-utc-offset`
//!   ([`time::parse_utc_offset`]) parse or refuse any text, an offset within -12:00..+14:00 that
//!   prints back to itself.

use mxs::api::model::Session;
use mxs::select::Condition;
use mxs::text::time::{self, Stamp};

use super::common::{check_failure, check_text, labels, sessions, text};

pub fn check(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let labels = labels();
    match Stamp::parse(t) {
        Some(st) => {
            assert!(
                (1..=12).contains(&st.month) && (1..=31).contains(&st.day),
                "{st:?}"
            );
            assert!(st.hour < 24 && st.minute < 60 && st.second < 61, "{st:?}");
            assert!((-9999..=9999).contains(&st.year), "{st:?}");
            let rfc = st.rfc3339();
            check_text("RFC 3339", &rfc, &[]);
            check_text("table time", &st.display(), &[]);
            assert_eq!(time::rfc3339_or_raw(t), rfc);
            let _ = st.unix();
            if st.year >= 0 {
                let session = Session {
                    connected: Some(t.to_string()),
                    ..Session::default()
                };
                let eq = Condition::parse(&format!("connected={rfc}"))
                    .unwrap_or_else(|e| panic!("connected={rfc} does not parse: {e}"));
                assert!(
                    eq.matches(&session, &labels),
                    "connected={rfc} misses {t:?}"
                );
                let lt = Condition::parse(&format!("connected<{rfc}")).expect("connected<");
                assert!(
                    !lt.matches(&session, &labels),
                    "connected<{rfc} matches {t:?}"
                );
            }
        }
        None => assert_eq!(time::rfc3339_or_raw(t), t),
    }
    let _ = time::query_millis(t);
    // the Date header (the server's clock): HTTP-dates only, two-digit years widened
    if let Some(d) = Stamp::parse_http_date(t) {
        assert!(d.utc, "{d:?}");
        assert!((-9999..=10_099).contains(&d.year), "{d:?}");
        let _ = d.unix();
    }
    // --server-utc-offset: within the zones' range, and printed back to the same value
    if let Ok(secs) = time::parse_utc_offset(t) {
        assert!((-12 * 3600..=14 * 3600).contains(&secs), "{t:?}: {secs}");
        assert_eq!(
            time::parse_utc_offset(&time::format_utc_offset(secs)),
            Ok(secs),
            "{t:?}"
        );
    }
    for op in ["=", "<", ">="] {
        match Condition::parse(&format!("connected{op}{t}")) {
            Ok(c) => {
                for s in &sessions() {
                    let _ = c.matches(s, &labels);
                }
            }
            Err(f) => check_failure(&f),
        }
    }
}
