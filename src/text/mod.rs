//! The base layer every other module may use: the sanitizer that makes any string safe for a
//! terminal, the timestamp type, durations and sizes (parsing and human formatting), and
//! [`capitalized`]. It depends on nothing else in the crate.

pub mod sanitize;
pub mod time;
pub mod units;

/// `text` with its first character in upper case: "kill" is "Kill".
#[must_use]
pub fn capitalized(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn capitalized_upper_cases_the_first_character_only() {
        assert_eq!(super::capitalized("kill"), "Kill");
        assert_eq!(super::capitalized("restart now"), "Restart now");
        assert_eq!(super::capitalized("élan"), "Élan");
        assert_eq!(super::capitalized(""), "");
    }
}
