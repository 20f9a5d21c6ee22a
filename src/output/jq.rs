//! `--jq EXPR`: a jq filter run on the JSON output in-process (the jaq interpreter, with its
//! standard library and jq-compatible definitions), for the machines that have no `jq`.
//!
//! The filter is compiled once, before any request ([`Program::compile`]: an error names its
//! line and column and the token found there). The output is then written as it is with
//! `-o json` (compact: one document per line) or `-o jsonl` (one resource per line), and
//! [`Sink`] reads each complete line as a JSON document, runs the filter on it and prints each
//! result as gh does: a string raw (as `jq -r`), any other value as compact JSON, one per line.
//! So `mxs ... --jq EXPR` prints what `mxs ... -o json | jq -rc EXPR` prints.
//!
//! Nothing from the server reaches a terminal raw: on a terminal a string is printed as
//! `text::sanitize::line` prints it, and JSON values escape what a terminal would act on (as
//! `-o json` does everywhere); on a pipe a string is printed exactly.

use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

use jaq_core::load::{self, Arena, File, Loader};
use jaq_core::{Compiler, Vars, compile, data};
use jaq_json::Val;

use crate::api::json::{Layout, reformat};
use crate::text::sanitize;

type Data = data::JustLut<Val>;

/// jq's `@tsv` and `@csv`, which jaq's library crates (jaq-std 3.0) do not define: the
/// same escapes and errors as jq (`\\`, `\t`, `\n`, `\r` in TSV; `"` doubled in CSV; `null`
/// empty; numbers and booleans as JSON; arrays and objects refused).
const FORMATS: &str = r#"
def @tsv:
  if type != "array" then error("\(type) (\(tojson)) cannot be tsv-formatted, only an array can be")
  else map(
    if type == "string" then
      split("\\") | join("\\\\") | split("\t") | join("\\t")
      | split("\n") | join("\\n") | split("\r") | join("\\r")
    elif type == "number" or type == "boolean" then tojson
    elif . == null then ""
    else error("\(type) (\(tojson)) is not valid in a csv row")
    end
  ) | join("\t")
  end;
def @csv:
  if type != "array" then error("\(type) (\(tojson)) cannot be csv-formatted, only an array can be")
  else map(
    if type == "string" then "\"" + (split("\"") | join("\"\"")) + "\""
    elif type == "number" or type == "boolean" then tojson
    elif . == null then ""
    else error("\(type) (\(tojson)) is not valid in a csv row")
    end
  ) | join(",")
  end;
"#;

/// A compiled filter.
pub struct Program {
    filter: jaq_core::Filter<Data>,
    text: String,
}

impl fmt::Debug for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Program").field(&self.text).finish()
    }
}

/// Why a filter does not compile, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// What is wrong: `expected term, found ')'`, `undefined filter 'foo/0'`.
    pub reason: String,
    /// 1-based line and column (in characters) of the token, when it is known.
    pub at: Option<(usize, usize)>,
    /// The filter has more than one line (the line is then named too).
    multiline: bool,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "--jq: the filter does not compile: {}", self.reason)?;
        match self.at {
            Some((line, column)) if self.multiline => write!(f, " (line {line}, column {column})"),
            Some((_, column)) => write!(f, " (column {column})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for CompileError {}

impl Program {
    /// Parses and compiles `text` with jaq's core and standard definitions and its JSON
    /// functions (jq's builtins: `select`, `map`, `test`, `@tsv`, `fromjson`, ...).
    pub fn compile(text: &str) -> Result<Program, CompileError> {
        let formats = load::parse(FORMATS, |p| p.defs()).unwrap_or_default();
        let defs = jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs())
            .chain(formats);
        let funs = jaq_core::funs()
            .chain(jaq_std::funs())
            .chain(jaq_json::funs());
        let loader = Loader::new(defs);
        let arena = Arena::default();
        let file = File {
            code: text,
            path: (),
        };
        let modules = loader
            .load(&arena, file)
            .map_err(|errs| load_error(text, &errs))?;
        let filter = Compiler::default()
            .with_funs(funs)
            .compile(modules)
            .map_err(|errs| compile_error(text, &errs))?;
        Ok(Program {
            filter,
            text: text.to_string(),
        })
    }

    /// Runs the filter on `input`, handing each result to `each`; the first error ends it.
    fn run(&self, input: Val, mut each: impl FnMut(&Val)) -> Result<(), Stop> {
        let ctx = jaq_core::Ctx::<Data>::new(&self.filter.lut, Vars::new([]));
        for out in self.filter.id.run((ctx, input)) {
            match out {
                Ok(v) => each(&v),
                Err(exn) => {
                    return Err(match exn.get_err() {
                        Ok(err) => Stop::Error(shorten(match err.into_val() {
                            // error("text"), and jaq's own messages
                            Val::TStr(s) => String::from_utf8_lossy(&s).into_owned(),
                            v => v.to_string(),
                        })),
                        Err(exn) => Stop::Halt(exn.get_halt().unwrap_or(5)),
                    });
                }
            }
        }
        Ok(())
    }
}

/// An error's text cut to a line's length: jaq's messages quote the value that failed, which
/// can be a whole list.
fn shorten(text: String) -> String {
    const MOST: usize = 300;
    match text.char_indices().nth(MOST) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

/// How a run ended early.
#[derive(Debug)]
enum Stop {
    Error(String),
    Halt(i32),
}

/// A filter's error at run time (`.foo` on a number, `error("...")`), or a `halt` with a
/// non-zero status; the command exits 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeError(pub String);

impl fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RuntimeError {}

/// The filter's run-time error in an error's chain (written through `io::Error`), if any.
#[must_use]
pub fn runtime_error(err: &anyhow::Error) -> Option<&RuntimeError> {
    err.chain().find_map(|e| {
        e.downcast_ref::<RuntimeError>().or_else(|| {
            e.downcast_ref::<io::Error>()
                .and_then(|io| io.get_ref())
                .and_then(|inner| inner.downcast_ref::<RuntimeError>())
        })
    })
}

/// The 1-based line and column of `part` (a slice of `code`) in `code`.
fn place(code: &str, part: &str) -> Option<(usize, usize)> {
    let base = code.as_ptr() as usize;
    let at = (part.as_ptr() as usize).checked_sub(base)?;
    if at > code.len() || !code.is_char_boundary(at) {
        return None;
    }
    let before = &code[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    Some((line, before[start..].chars().count() + 1))
}

/// The token at the start of `rest`, for a message: a word, or one character.
fn token(rest: &str) -> String {
    let rest = rest.trim_start();
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | '@' | '.'))
        .take(40)
        .collect();
    let token = if word.is_empty() {
        rest.chars().next().map(String::from).unwrap_or_default()
    } else {
        word
    };
    if token.is_empty() {
        "the end of the filter".into()
    } else {
        format!("'{}'", sanitize::line(&token))
    }
}

fn error(code: &str, reason: String, part: Option<&str>) -> CompileError {
    CompileError {
        reason,
        at: part.and_then(|p| place(code, p)),
        multiline: code.trim_end().contains('\n'),
    }
}

/// The first error of loading (lexing and parsing) the filter.
fn load_error(code: &str, errs: &load::Errors<&str, ()>) -> CompileError {
    let Some((_, err)) = errs.first() else {
        return error(code, "cannot be read".into(), None);
    };
    match err {
        load::Error::Io(errs) => match errs.first() {
            Some((path, why)) => error(
                code,
                format!(
                    "cannot load module '{}': {}",
                    sanitize::line(path),
                    sanitize::line(why)
                ),
                Some(path),
            ),
            None => error(code, "a module cannot be loaded".into(), None),
        },
        load::Error::Lex(errs) => match errs.first() {
            Some((expected, rest)) => {
                use load::lex::Expect;
                let what = match expected {
                    Expect::Digit => "a digit",
                    Expect::Ident => "an identifier",
                    Expect::Delim("(") => "a closing parenthesis",
                    Expect::Delim("[") => "a closing bracket",
                    Expect::Delim("{") => "a closing brace",
                    Expect::Delim("\"") => "a closing quote",
                    Expect::Delim(_) => "a closing delimiter",
                    Expect::Escape => "a string escape sequence",
                    Expect::Unicode => "a 4-digit hexadecimal code point",
                    _ => "a token",
                };
                match expected {
                    // point at what is not closed
                    Expect::Delim(open) => error(
                        code,
                        format!(
                            "'{}' is not closed: expected {what}, found {}",
                            sanitize::line(open),
                            token(rest)
                        ),
                        Some(open),
                    ),
                    _ => error(
                        code,
                        format!("expected {what}, found {}", token(rest)),
                        Some(rest),
                    ),
                }
            }
            None => error(code, "cannot be read".into(), None),
        },
        load::Error::Parse(errs) => match errs.first() {
            Some((expected, found)) => error(
                code,
                format!(
                    "expected {}, found {}",
                    sanitize::line(expected.as_str()),
                    token(found)
                ),
                Some(found),
            ),
            None => error(code, "cannot be parsed".into(), None),
        },
    }
}

/// The first error of compiling the parsed filter (an undefined name).
fn compile_error(code: &str, errs: &compile::Errors<&str, ()>) -> CompileError {
    let Some((name, undefined)) = errs.first().and_then(|(_, e)| e.first()) else {
        return error(code, "cannot be compiled".into(), None);
    };
    let name_text = match undefined {
        compile::Undefined::Filter(arity) => format!("{name}/{arity}"),
        _ => (*name).to_string(),
    };
    error(
        code,
        format!(
            "undefined {} '{}'",
            undefined.as_str(),
            sanitize::line(&name_text)
        ),
        Some(name),
    )
}

/// Standard output through the filter: bytes are kept until a line is complete, then each
/// complete line (a compact JSON document or JSON Lines record) is filtered and its results
/// printed. A document that never ends its line (one the command would never finish) is never
/// filtered, so streams (`watch` on a pipe, `log -f -o jsonl`) are filtered line by line.
pub struct Sink<W: Write> {
    program: Arc<Program>,
    out: W,
    pending: Vec<u8>,
    /// stdout is a terminal: strings are sanitized.
    terminal: bool,
    /// `halt` ended the run: the rest is dropped.
    halted: bool,
}

impl<W: Write> Sink<W> {
    pub fn new(program: Arc<Program>, out: W, terminal: bool) -> Self {
        Sink {
            program,
            out,
            pending: Vec::new(),
            terminal,
            halted: false,
        }
    }

    /// Filters the complete lines that are pending.
    fn run_complete(&mut self) -> io::Result<()> {
        let Some(end) = memchr::memrchr(b'\n', &self.pending) else {
            return Ok(());
        };
        let rest = self.pending.split_off(end + 1);
        let complete = std::mem::replace(&mut self.pending, rest);
        self.run(&complete)
    }

    /// Filters every document of `bytes` and writes the results.
    fn run(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut buf = Vec::new();
        let mut stop = None;
        for value in jaq_json::read::parse_many(bytes) {
            let value = match value {
                Ok(v) => v,
                Err(e) => {
                    self.halted = true;
                    return Err(io::Error::other(RuntimeError(format!(
                        "--jq: the output to filter is not JSON: {e}"
                    ))));
                }
            };
            let terminal = self.terminal;
            if let Err(s) = self.program.run(value, |v| print(&mut buf, v, terminal)) {
                stop = Some(s);
                break;
            }
            if buf.len() >= 64 * 1024 {
                self.out.write_all(&buf)?;
                buf.clear();
            }
        }
        self.out.write_all(&buf)?;
        if stop.is_some() {
            // the rest is not filtered: not what the writer hands again after an error
            // (BufWriter keeps what failed), nor what comes later
            self.halted = true;
        }
        match stop {
            None => Ok(()),
            Some(Stop::Halt(0)) => Ok(()),
            Some(Stop::Halt(code)) => Err(io::Error::other(RuntimeError(format!(
                "--jq: the filter halted with exit status {code}"
            )))),
            Some(Stop::Error(e)) => Err(io::Error::other(RuntimeError(format!("--jq: {e}")))),
        }
    }
}

/// One result, gh's way: a string raw (sanitized on a terminal), anything else as compact JSON
/// (with what a terminal would act on escaped, as `-o json` writes it), then a newline.
fn print(buf: &mut Vec<u8>, v: &Val, terminal: bool) {
    let raw_text = |buf: &mut Vec<u8>, bytes: &[u8]| {
        if terminal {
            buf.extend_from_slice(sanitize::line(&String::from_utf8_lossy(bytes)).as_bytes());
        } else {
            buf.extend_from_slice(bytes);
        }
    };
    match v {
        Val::TStr(s) | Val::BStr(s) => raw_text(buf, s),
        _ => {
            let mut text = Vec::new();
            // writing to a Vec cannot fail
            let _ = jaq_json::write::write(&mut text, &jaq_json::write::Pp::default(), 0, v);
            let start = buf.len();
            let copied =
                std::str::from_utf8(&text).is_ok() && reformat(&text, buf, Layout::Compact).is_ok();
            if !copied {
                // not JSON (NaN, Infinity, invalid UTF-8): as jaq writes it
                buf.truncate(start);
                raw_text(buf, &text);
            }
        }
    }
    buf.push(b'\n');
}

impl<W: Write> Write for Sink<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.halted {
            return Ok(bytes.len());
        }
        self.pending.extend_from_slice(bytes);
        if memchr::memchr(b'\n', bytes).is_some() {
            self.run_complete()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl<W: Write> Drop for Sink<W> {
    fn drop(&mut self) {
        // a last document without its newline (no renderer writes one; for safety)
        if !self.halted && self.pending.iter().any(|b| !b.is_ascii_whitespace()) {
            let rest = std::mem::take(&mut self.pending);
            let _ = self.run(&rest);
            let _ = self.out.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(expr: &str, input: &str, terminal: bool) -> Result<String, String> {
        let program = Arc::new(Program::compile(expr).map_err(|e| e.to_string())?);
        let mut out = Vec::new();
        {
            let mut sink = Sink::new(program, &mut out, terminal);
            sink.write_all(input.as_bytes())
                .map_err(|e| e.to_string())?;
        }
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn strings_raw_other_values_compact_one_per_line() {
        let doc = r#"{"data":[{"id":"1","a":{"idle":22.399999999999999,"n":[1, 2]}},{"id":"2","a":{"idle":700}}]}"#;
        assert_eq!(
            filter(
                ".data[] | select(.a.idle > 600) | .id",
                &format!("{doc}\n"),
                false
            ),
            Ok("2\n".into())
        );
        assert_eq!(
            filter(".data[0].a", &format!("{doc}\n"), false),
            Ok("{\"idle\":22.399999999999999,\"n\":[1,2]}\n".into())
        );
        assert_eq!(
            filter(
                ".data[] | [.id, .a.idle] | @tsv",
                &format!("{doc}\n"),
                false
            ),
            Ok("1\t22.399999999999999\n2\t700\n".into())
        );
        // each line is a document, as jq reads a stream
        assert_eq!(
            filter(".id", "{\"id\":\"1\"}\n{\"id\":\"2\"}\n", false),
            Ok("1\n2\n".into())
        );
    }

    #[test]
    fn tsv_and_csv_as_jq_writes_them() {
        let input = "[\"a\\tb\\\\c\\nd\\re\", 1.50, true, null, \"q\\\"r\"]\n";
        assert_eq!(
            filter("@tsv", input, false),
            Ok("a\\tb\\\\c\\nd\\re\t1.50\ttrue\t\tq\"r\n".into())
        );
        assert_eq!(
            filter("@csv", input, false),
            Ok("\"a\tb\\c\nd\re\",1.50,true,,\"q\"\"r\"\n".into())
        );
        assert!(filter("@tsv", "[[1]]\n", false).is_err());
        assert!(filter("@csv", "{}\n", false).is_err());
    }

    #[test]
    fn a_line_is_filtered_only_once_complete() {
        let program = Arc::new(Program::compile(".a").unwrap());
        let mut out = Vec::new();
        let mut sink = Sink::new(program, &mut out, false);
        sink.write_all(b"{\"a\":").unwrap();
        sink.write_all(b"1}\n{\"a\"").unwrap();
        drop(sink);
        assert_eq!(out, b"1\n");
    }

    #[test]
    fn strings_are_exact_on_a_pipe_and_sanitized_on_a_terminal() {
        let input = "{\"u\":\"a\\u001b]52;c;AAAA\\u0007b\\u009b\\u202e\"}\n";
        assert_eq!(
            filter(".u", input, false),
            Ok("a\u{1b}]52;c;AAAA\u{7}b\u{9b}\u{202e}\n".into())
        );
        let shown = filter(".u", input, true).unwrap();
        assert!(
            !shown.trim_end().chars().any(sanitize::is_unsafe),
            "{shown:?}"
        );
        assert!(!shown.contains('\u{1b}'), "{shown:?}");
        // in JSON values the same characters are escaped, pipe or terminal
        let json = filter("[.u]", input, false).unwrap();
        assert!(
            !json.trim_end().chars().any(sanitize::is_unsafe),
            "{json:?}"
        );
        assert_eq!(
            serde_json::from_str::<Vec<String>>(json.trim_end()).unwrap(),
            ["a\u{1b}]52;c;AAAA\u{7}b\u{9b}\u{202e}"]
        );
    }

    #[test]
    fn compile_errors_name_the_place_and_the_token() {
        let e = Program::compile(".data[] | select(.idle > )").unwrap_err();
        assert_eq!(e.at, Some((1, 26)), "{e}");
        assert!(e.to_string().contains("')'"), "{e}");
        let e = Program::compile(".a | nosuchfilter(1)").unwrap_err();
        assert_eq!(e.at, Some((1, 6)), "{e}");
        assert!(e.to_string().contains("nosuchfilter/1"), "{e}");
        let e = Program::compile(".a |\n  (.b").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        let e = Program::compile("\"abc").unwrap_err();
        assert!(e.to_string().contains("closing quote"), "{e}");
        let e = Program::compile("").unwrap_err();
        assert!(e.to_string().contains("the end of the filter"), "{e}");
        assert!(Program::compile(".a? // empty").is_ok());
    }

    #[test]
    fn runtime_errors_stop_after_the_results_before_them() {
        let out = filter(".[] | .foo", "[{\"foo\":1},2,{\"foo\":3}]\n", false);
        let err = out.unwrap_err();
        assert!(err.starts_with("--jq: "), "{err}");
        let program = Arc::new(Program::compile(".[] | .foo").unwrap());
        let mut out = Vec::new();
        let mut sink = Sink::new(program, &mut out, false);
        let err = sink.write_all(b"[{\"foo\":1},2]\n").unwrap_err();
        drop(sink);
        assert_eq!(out, b"1\n");
        let any = anyhow::Error::new(err).context("writing the output");
        assert!(runtime_error(&any).is_some());
    }

    #[test]
    fn halt_stops_quietly_and_halt_error_fails() {
        assert_eq!(
            filter(".a, halt, .b", "{\"a\":1,\"b\":2}\n", false),
            Ok("1\n".into())
        );
        assert!(filter("halt_error", "\"bye\"\n", false).is_err());
    }
}
