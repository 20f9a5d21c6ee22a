//! maxctrl's command forms (`list sessions`, `show session ID`, `destroy session ID`, `reload
//! sessions`, `alter session-filters ID`, ...), the `sessions` command each stands for
//! ([`Command::sessions`]), and the hints for maxctrl's habits that mxs does not share (`-h HOST`,
//! maxctrl's other objects).

use clap::{Args, Subcommand};

use crate::cli::{
    ActArgs, AlterArgs, Cli, Command, KillArgs, ListArgs, QueriesArgs, RdnsArgs, RestartArgs,
    SessionsCommand, ShowArgs,
};

/// `mxs list ...`: maxctrl's words for `mxs sessions list` and `mxs sessions queries`.
#[derive(Debug, Subcommand)]
pub enum MaxctrlList {
    /// mxs sessions list
    Sessions(ListArgs),
    /// mxs sessions queries
    Queries(QueriesArgs),
}

/// `mxs show ...`: maxctrl's words for `mxs sessions show`.
#[derive(Debug, Subcommand)]
pub enum MaxctrlShow {
    /// mxs sessions show ID...
    Session(ShowArgs),
    /// mxs sessions show --all
    Sessions(ShowAllArgs),
}

/// `mxs destroy session`: maxctrl's words for `mxs sessions kill`.
#[derive(Debug, Subcommand)]
pub enum MaxctrlDestroy {
    /// mxs sessions kill ID... [--ttl SECONDS]
    Session(KillArgs),
}

/// `mxs reload ...`: maxctrl's words for `mxs sessions restart`.
#[derive(Debug, Subcommand)]
pub enum MaxctrlReload {
    /// mxs sessions restart ID...
    Session(RestartArgs),
    /// mxs sessions restart --all (confirmed first, as in mxs; --yes in scripts)
    Sessions(ReloadAllArgs),
}

/// `mxs alter ...`: maxctrl's words for `mxs sessions alter`.
#[derive(Debug, Subcommand)]
pub enum MaxctrlAlter {
    /// mxs sessions alter ID KEY=VALUE...
    Session(AlterSessionArgs),
    /// mxs sessions alter ID --filters NAMES (no names removes every filter)
    SessionFilters(SessionFiltersArgs),
}

#[derive(Debug, Args, Clone)]
pub struct ShowAllArgs {
    #[command(flatten)]
    pub rdns: RdnsArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ReloadAllArgs {
    /// Do not ask first (needed off a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Print what would be done and send no write request
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args, Clone)]
pub struct AlterSessionArgs {
    /// The session id (ID, or ID@HOST with several hosts)
    #[arg(value_name = "ID")]
    pub id: String,

    /// KEY=VALUE pairs (maxctrl's older KEY VALUE form is read too)
    #[arg(value_name = "KEY=VALUE", required = true)]
    pub params: Vec<String>,

    #[command(flatten)]
    pub act: ActArgs,
}

#[derive(Debug, Args, Clone)]
pub struct SessionFiltersArgs {
    /// The session id (ID, or ID@HOST with several hosts)
    #[arg(value_name = "ID")]
    pub id: String,

    /// The filters, in order; none removes every filter
    #[arg(value_name = "FILTER")]
    pub filters: Vec<String>,

    #[command(flatten)]
    pub act: ActArgs,
}

impl Command {
    /// The `sessions` command this is, for maxctrl's forms the one they stand for: one plan and
    /// one code path for both spellings. `None` for `completions` and `generate`.
    #[must_use]
    pub fn sessions(&self) -> Option<SessionsCommand> {
        Some(match self {
            Command::Sessions(c) => c.clone(),
            Command::Completions { .. } | Command::Generate(_) => return None,
            Command::Top(a) => SessionsCommand::Watch(a.clone()),
            Command::List(MaxctrlList::Sessions(a)) => SessionsCommand::List(a.clone()),
            Command::List(MaxctrlList::Queries(a)) => SessionsCommand::Queries(a.clone()),
            Command::Show(MaxctrlShow::Session(a)) => SessionsCommand::Show(a.clone()),
            Command::Show(MaxctrlShow::Sessions(a)) => SessionsCommand::Show(ShowArgs {
                ids: Vec::new(),
                all: true,
                rdns: a.rdns.clone(),
                log: false,
                backend: false,
            }),
            Command::Destroy(MaxctrlDestroy::Session(a)) => SessionsCommand::Kill(a.clone()),
            Command::Reload(MaxctrlReload::Session(a)) => SessionsCommand::Restart(a.clone()),
            Command::Reload(MaxctrlReload::Sessions(a)) => SessionsCommand::Restart(RestartArgs {
                ids: Vec::new(),
                all: true,
                act: ActArgs {
                    yes: a.yes,
                    dry_run: a.dry_run,
                    ..ActArgs::default()
                },
            }),
            Command::Alter(MaxctrlAlter::Session(a)) => {
                let mut args = vec![a.id.clone()];
                args.extend(legacy_pairs(&a.params));
                SessionsCommand::Alter(AlterArgs {
                    args,
                    filters: None,
                    act: a.act.clone(),
                })
            }
            Command::Alter(MaxctrlAlter::SessionFilters(a)) => SessionsCommand::Alter(AlterArgs {
                args: vec![a.id.clone()],
                filters: Some(a.filters.join(",")),
                act: a.act.clone(),
            }),
        })
    }
}

/// maxctrl's `alter session ID KEY VALUE` (its older form) as `KEY=VALUE`: a word without `=`
/// takes the next word as its value.
fn legacy_pairs(params: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut it = params.iter();
    while let Some(p) = it.next() {
        match (p.contains('='), it.as_slice().first()) {
            (false, Some(v)) if !v.contains('=') => {
                out.push(format!("{p}={v}"));
                it.next();
            }
            _ => out.push(p.clone()),
        }
    }
    out
}

/// maxctrl users type `-h HOST`, but in mxs `-h` is help: when a `-h` in `args` (the command
/// line without the program name) is followed by something that looks like a host (a name,
/// `host:port`, an address or a URL, not a subcommand), the command line to try instead, with
/// `-H` in its place.
#[must_use]
pub fn host_hint(args: &[String]) -> Option<String> {
    use clap::CommandFactory;
    let cmd = Cli::command();
    let mut names: Vec<String> = vec!["help".into()];
    let mut stack = vec![&cmd];
    while let Some(c) = stack.pop() {
        for sub in c.get_subcommands() {
            names.push(sub.get_name().to_string());
            names.extend(sub.get_all_aliases().map(str::to_string));
            stack.push(sub);
        }
    }
    let hostlike = |t: &str| {
        !t.is_empty()
            && !t.starts_with('-')
            && !names.iter().any(|n| n == t)
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".:-_[]/,%".contains(c))
    };
    let mut fixed: Vec<String> = args.to_vec();
    for (i, a) in args.iter().enumerate() {
        if a == "-h" && args.get(i + 1).is_some_and(|n| hostlike(n)) {
            fixed[i] = "-H".into();
            break;
        }
        // `-h10.0.0.5` and `-h=10.0.0.5`, as maxctrl's yargs reads them (but not `-help`)
        if let Some(host) = a.strip_prefix("-h=").or_else(|| a.strip_prefix("-h"))
            && hostlike(host)
            && host.contains(|c: char| c.is_ascii_digit() || ".:/".contains(c))
        {
            fixed[i] = format!("-H {host}");
            break;
        }
    }
    if fixed == args {
        return None;
    }
    Some(format!(
        "-h is help; the host option is -H/--hosts (try: mxs {})",
        fixed.join(" ")
    ))
}

/// maxctrl's forms that mxs knows, for the hint of a maxctrl command it does not.
pub const MAXCTRL_FORMS: &str = "list sessions, list queries, show session ID, show sessions, \
    destroy session ID, reload session ID, reload sessions, alter session ID KEY=VALUE, \
    alter session-filters ID [FILTER...]";

/// After clap refused a subcommand: when it followed one of maxctrl's verbs (`mxs list
/// servers`), the hint that mxs has maxctrl's session commands only.
#[must_use]
pub fn maxctrl_hint(args: &[String]) -> Option<String> {
    let verb = args.iter().find(|a| !a.starts_with('-'))?;
    ["list", "show", "destroy", "reload", "alter"]
        .contains(&verb.as_str())
        .then(|| format!("mxs reads and acts on sessions only; of maxctrl's commands it takes {MAXCTRL_FORMS}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::tests::parse;

    #[test]
    fn maxctrl_forms_stand_for_the_mxs_commands() {
        let cmd = |args: &[&str]| parse(args).unwrap().command.sessions().unwrap();
        let SessionsCommand::List(_) = cmd(&["list", "sessions", "--tsv"]) else {
            panic!()
        };
        let SessionsCommand::Queries(q) = cmd(&["list", "queries", "--min-duration", "5s"]) else {
            panic!()
        };
        assert_eq!(q.min_duration.as_deref(), Some("5s"));
        let SessionsCommand::Show(s) = cmd(&["show", "sessions"]) else {
            panic!()
        };
        assert!(s.all && s.ids.is_empty());
        let SessionsCommand::Kill(k) = cmd(&["destroy", "session", "3", "--ttl", "5"]) else {
            panic!()
        };
        assert_eq!(
            (k.ids.as_slice(), k.ttl.as_deref()),
            (&["3".to_string()][..], Some("5"))
        );
        let SessionsCommand::Restart(r) = cmd(&["reload", "sessions", "--yes"]) else {
            panic!()
        };
        assert!(r.all && r.act.yes && r.ids.is_empty());
        let SessionsCommand::Alter(a) = cmd(&[
            "alter",
            "session",
            "4",
            "log_info",
            "true",
            "log_error=false",
        ]) else {
            panic!()
        };
        assert_eq!(a.args, ["4", "log_info=true", "log_error=false"]);
        let SessionsCommand::Alter(a) = cmd(&["alter", "session-filters", "4"]) else {
            panic!()
        };
        assert_eq!(a.filters.as_deref(), Some(""));
        let SessionsCommand::Alter(a) = cmd(&["alter", "session-filters", "4", "A", "B"]) else {
            panic!()
        };
        assert_eq!(a.filters.as_deref(), Some("A,B"));
        assert!(
            parse(&["completions", "bash"])
                .unwrap()
                .command
                .sessions()
                .is_none()
        );
    }

    #[test]
    fn dash_h_before_a_host_gets_a_hint_and_before_a_command_none() {
        let attached = host_hint(&["-h10.0.0.5:8989".to_string(), "list".to_string()]).unwrap();
        assert!(
            attached.contains("(try: mxs -H 10.0.0.5:8989 list)"),
            "{attached}"
        );
        let equals = host_hint(&["-h=mx1".to_string()]).unwrap();
        assert!(equals.contains("(try: mxs -H mx1)"), "{equals}");
        let hint =
            |args: &[&str]| host_hint(&args.iter().map(|a| (*a).to_string()).collect::<Vec<_>>());
        for host in [
            "10.0.0.5:8989",
            "mx1",
            "mx1.example.com",
            "http://mx1:8989",
            "[::1]:8989",
            "a,b",
        ] {
            let h = hint(&["-h", host, "list", "sessions"]).unwrap_or_else(|| panic!("{host}"));
            assert!(h.contains(&format!("mxs -H {host} list sessions")), "{h}");
            assert!(h.contains("-H/--hosts"), "{h}");
        }
        for args in [
            &["-h"][..],
            &["-h", "sessions"],
            &["sessions", "-h", "list"],
            &["-h", "list"],
            &["-h", "--version"],
            &["-h", "help"],
            &["-H", "10.0.0.5"],
            &["-help"],
            &["-hv"],
        ] {
            assert_eq!(hint(args), None, "{args:?}");
        }
    }

    #[test]
    fn other_maxctrl_objects_get_the_list_of_forms() {
        let args = |a: &[&str]| a.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        let h = maxctrl_hint(&args(&["list", "servers"])).unwrap();
        assert!(
            h.contains("list sessions") && h.contains("alter session-filters"),
            "{h}"
        );
        assert!(maxctrl_hint(&args(&["--tsv", "show", "monitors"])).is_some());
        assert_eq!(maxctrl_hint(&args(&["sessions", "nope"])), None);
        assert_eq!(maxctrl_hint(&args(&["frobnicate"])), None);
    }
}
