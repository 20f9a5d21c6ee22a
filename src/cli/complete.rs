//! Completion by the binary itself: the shell's script (`mxs completions SHELL`) hands the words
//! typed so far to `mxs` with `COMPLETE=SHELL` set, and clap_complete's engine
//! (`clap_complete::env::CompleteEnv`) answers with commands, flags and values. The values that
//! only the project or a server knows (session ids, columns, group keys, alter keys, the config
//! file's hosts) come from a [`Source`] that the entry point passes in, since this module may
//! name clap but neither fetch nor read the domain's lists.
//!
//! An answer never prompts and never writes on stderr: a failure is an empty answer.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Arg, Command, CommandFactory, FromArgMatches};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{Bash, CompleteEnv, Elvish, EnvCompleter, Fish, Powershell, Shells, Zsh};

use crate::cli::{Cli, ConnectionArgs};

/// The variable that makes `mxs` answer a completion request instead of running.
pub const VAR: &str = "COMPLETE";

/// The values a [`Source`] is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    /// Session ids of the hosts (`ID@HOST` with several): `show`, `kill`, `restart`, `log`.
    Ids,
    /// `alter`'s words: session ids, then `KEY=VALUE` pairs.
    IdsOrPairs,
    /// `KEY=VALUE` pairs alone (maxctrl's `alter session ID KEY=VALUE`).
    Pairs,
    /// Column names, `--columns` (one item of the comma-separated list).
    Columns,
    /// Column names with their `-` variants, `--sort` (one item of the list).
    Sort,
    /// Column names, the part of a `--where` condition before its operator.
    Where,
    /// Group keys, `--by` (one item of the list).
    Groups,
    /// The config file's hosts, `--hosts`.
    Hosts,
}

/// One value offered, with a description for the shells that show one (zsh, fish).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub value: String,
    pub help: Option<String>,
}

/// What the entry point answers: the values of a kind, given the connection typed so far (the
/// words before the one completed, with the environment's defaults) and the text being
/// completed. Candidates that do not start with that text are dropped here.
pub type Source = fn(Values, &ConnectionArgs, &str) -> Vec<Candidate>;

/// Whether this process was started to answer a completion request.
#[must_use]
pub fn requested() -> bool {
    std::env::var_os(VAR).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Answers the completion request on stdout (call when [`requested`]); nothing on error.
pub fn answer(source: Source) {
    let args: Vec<OsString> = std::env::args_os().collect();
    if !args.iter().any(|a| a == "--") {
        // `COMPLETE=bash mxs`: the registration, as `mxs completions bash` prints it
        let shell = std::env::var(VAR).unwrap_or_default();
        if let Some(script) = registration(&shell) {
            let _ = std::io::stdout().lock().write_all(&script);
        }
        return;
    }
    let current_dir = std::env::current_dir().ok();
    let shells: [&dyn EnvCompleter; 5] = [
        &ValuesFirst(Bash),
        &ValuesFirst(Zsh),
        &ValuesFirst(Fish),
        &Elvish,
        &Powershell,
    ];
    let _ = CompleteEnv::with_factory(move || command(source))
        .var(VAR)
        .shells(Shells(&shells))
        .try_complete(args, current_dir.as_deref());
}

/// Session ids were asked for the word completed: when none came (no host answered in time),
/// the answer is empty rather than the flags.
static IDS_ASKED: AtomicBool = AtomicBool::new(false);

/// A shell whose answer for an empty word is its values (session ids, subcommands, formats)
/// without the flags: `mxs sessions show <TAB>` lists the sessions (nothing when no host
/// answered in time), and `-<TAB>` the flags. Where no value can come, the flags are offered.
struct ValuesFirst<S>(S);

impl<S: EnvCompleter> EnvCompleter for ValuesFirst<S> {
    fn name(&self) -> &'static str {
        self.0.name()
    }

    fn is(&self, name: &str) -> bool {
        self.0.is(name)
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> Result<(), std::io::Error> {
        self.0.write_registration(var, name, bin, completer, buf)
    }

    fn write_complete(
        &self,
        cmd: &mut Command,
        args: Vec<OsString>,
        current_dir: Option<&std::path::Path>,
        buf: &mut dyn Write,
    ) -> Result<(), std::io::Error> {
        let index = std::env::var("_CLAP_COMPLETE_INDEX")
            .ok()
            .and_then(|i| i.parse::<usize>().ok());
        let current = match index {
            Some(i) => args.get(i),
            None => args.last(),
        };
        let empty = current.is_none_or(|c| c.is_empty());
        let mut out = Vec::new();
        self.0.write_complete(cmd, args, current_dir, &mut out)?;
        if !empty {
            return buf.write_all(&out);
        }
        let separator = match std::env::var("_CLAP_IFS") {
            Ok(ifs) if !ifs.is_empty() && self.0.name() != "fish" => ifs,
            _ => "\n".to_string(),
        };
        let text = String::from_utf8_lossy(&out);
        let items: Vec<&str> = text
            .split(separator.as_str())
            .filter(|i| !i.is_empty())
            .collect();
        let ids_asked = IDS_ASKED.load(Ordering::Relaxed);
        if !ids_asked && !items.iter().any(|i| !i.starts_with('-')) {
            return buf.write_all(&out);
        }
        let values: Vec<&str> = items.into_iter().filter(|i| !i.starts_with('-')).collect();
        buf.write_all(values.join(separator.as_str()).as_bytes())?;
        if self.0.name() == "fish" && !values.is_empty() {
            buf.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// The shells `mxs completions` knows, by clap_complete's name.
fn shell_name(shell: clap_complete::Shell) -> &'static str {
    match shell {
        clap_complete::Shell::Bash => "bash",
        clap_complete::Shell::Zsh => "zsh",
        clap_complete::Shell::Fish => "fish",
        clap_complete::Shell::Elvish => "elvish",
        clap_complete::Shell::PowerShell => "powershell",
        _ => "",
    }
}

/// The script that registers `mxs`'s completion with a shell: it calls `mxs` (found on the
/// `PATH`) with the words typed.
#[must_use]
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    registration(shell_name(shell)).unwrap_or_default()
}

fn registration(shell: &str) -> Option<Vec<u8>> {
    if shell == "bash" {
        return Some(BASH.as_bytes().to_vec());
    }
    let shells = Shells::builtins();
    let completer = shells.completer(shell)?;
    let mut out = Vec::new();
    completer
        .write_registration(VAR, "mxs", "mxs", "mxs", &mut out)
        .ok()?;
    if shell == "zsh" {
        // Autoloaded from the fpath (`_mxs`), the file is the body of `_mxs`: it must complete
        // on its first call too, not only register itself for the next one.
        let text = String::from_utf8(out).ok()?;
        let last = "compdef _clap_dynamic_completer_mxs mxs";
        let text = text.replacen(
            last,
            "if [ \"$funcstack[1]\" = \"_mxs\" ]; then\n    \
             _clap_dynamic_completer_mxs \"$@\"\nelse\n    \
             compdef _clap_dynamic_completer_mxs mxs\nfi",
            1,
        );
        out = text.into_bytes();
    }
    Some(out)
}

/// bash's script. Bash splits words at `=` and `:` (`COMP_WORDBREAKS`), so the words are glued
/// back as typed before `mxs` reads them (`--sort=-memory`, `log_info=true`,
/// `42@mx1:8989`), and the part of the word bash does not replace is cut from the answers. No
/// `-o default`: when mxs offers nothing (a host that does not answer), bash offers nothing
/// either, rather than file names.
const BASH: &str = r#"# bash completion for mxs: the words typed go to mxs itself
# (COMPLETE=bash mxs -- WORDS), which answers with commands, flags and values, the hosts'
# session ids among them.
_mxs() {
    local IFS=$'\013'
    local line=${COMP_LINE:0:COMP_POINT} pos=0 i w glued
    local -a words=()
    for ((i = 0; i <= COMP_CWORD; i++)); do
        glued=1
        while [[ ${line:pos:1} == [[:space:]] ]]; do
            glued=0
            ((pos++))
        done
        if ((i == COMP_CWORD)); then
            w=${line:pos}
        else
            w=${COMP_WORDS[i]}
        fi
        if ((i == 0 || glued == 0)); then
            words+=("$w")
        else
            words[${#words[@]}-1]+=$w
        fi
        ((pos += ${#w}))
    done
    local cur=${words[${#words[@]}-1]}
    local kept=
    [[ $cur == *"$2" ]] && kept=${cur%"$2"}
    local reply
    reply=$(_CLAP_IFS="$IFS" \
        _CLAP_COMPLETE_INDEX="$((${#words[@]} - 1))" \
        _CLAP_COMPLETE_COMP_TYPE="${COMP_TYPE-9}" \
        _CLAP_COMPLETE_SPACE=true \
        COMPLETE=bash mxs -- "${words[@]}" 2>/dev/null) || return 0
    local -a answers=()
    [[ -n $reply ]] && read -r -d '' -a answers < <(printf '%s' "$reply")
    COMPREPLY=()
    local r
    for r in "${answers[@]}"; do
        COMPREPLY+=("${r#"$kept"}")
    done
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == */ ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}
if [[ ${BASH_VERSINFO[0]} -eq 4 && ${BASH_VERSINFO[1]} -ge 4 || ${BASH_VERSINFO[0]} -gt 4 ]]; then
    complete -o nosort -F _mxs mxs
else
    complete -F _mxs mxs
fi
"#;

/// The command line that answers: `Cli`'s, with a completer on every argument whose values
/// come from the source.
fn command(source: Source) -> Command {
    with_completers(Cli::command(), source)
}

fn with_completers(cmd: Command, source: Source) -> Command {
    cmd.mut_args(move |arg| {
        let Some(kind) = kind(&arg) else {
            return arg;
        };
        arg.add(ArgValueCompleter::new(move |current: &OsStr| {
            offer(source, kind, current)
        }))
    })
    .mut_subcommands(move |sub| with_completers(sub, source))
}

/// Which values an argument takes, by its long name or its value name.
fn kind(arg: &Arg) -> Option<Values> {
    match arg.get_long() {
        Some("columns") => return Some(Values::Columns),
        Some("sort") => return Some(Values::Sort),
        Some("where") => return Some(Values::Where),
        Some("by") => return Some(Values::Groups),
        Some("hosts") => return Some(Values::Hosts),
        Some(_) => return None,
        None => {}
    }
    let names = arg.get_value_names()?;
    match names.first().map(|n| n.as_str()) {
        Some("ID") => Some(Values::Ids),
        Some("ID|KEY=VALUE") => Some(Values::IdsOrPairs),
        Some("KEY=VALUE") => Some(Values::Pairs),
        _ => None,
    }
}

fn offer(source: Source, kind: Values, current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    if matches!(kind, Values::Ids | Values::IdsOrPairs) {
        IDS_ASKED.store(true, Ordering::Relaxed);
    }
    let conn = typed_connection();
    source(kind, &conn, current)
        .into_iter()
        .filter(|c| c.value.starts_with(current))
        .map(|c| CompletionCandidate::new(c.value).help(c.help.map(Into::into)))
        .collect()
}

/// The connection the words before the one completed give (`-H`, `--secure`, `--user`,
/// `--config`, ...), with the environment's values where clap reads them (`MXS_HOSTS`, ...).
fn typed_connection() -> ConnectionArgs {
    let args: Vec<OsString> = std::env::args_os().collect();
    let start = args
        .iter()
        .position(|a| a == "--")
        .map_or(args.len(), |i| i + 1);
    let mut words = args.get(start..).unwrap_or_default().to_vec();
    let index = std::env::var("_CLAP_COMPLETE_INDEX")
        .ok()
        .and_then(|i| i.parse().ok())
        .unwrap_or(words.len().saturating_sub(1));
    words.truncate(index);
    let Ok(matches) = Cli::command()
        .ignore_errors(true)
        .try_get_matches_from(words)
    else {
        return ConnectionArgs::default();
    };
    let mut conn = ConnectionArgs::from_arg_matches(&matches).unwrap_or_default();
    conn.hosts_from_env =
        matches.value_source("hosts") == Some(clap::parser::ValueSource::EnvVariable);
    conn
}
