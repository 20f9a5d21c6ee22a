//! TAB completion: `mxs` run as the shells' scripts run it (`COMPLETE=SHELL mxs -- WORDS`)
//! against the mock, and the committed scripts run in bash and fish.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::util::*;

/// What `mxs` answers for `words` (the last one is the word completed) as fish asks: one
/// `value` or `value<TAB>description` per line.
fn fish(words: &[&str]) -> Mxs {
    let mut args = vec!["--", "mxs"];
    args.extend_from_slice(words);
    mxs(&args).env("COMPLETE", "fish")
}

/// The answer, after checking that nothing went to stderr and the exit was clean.
fn answer(m: Mxs) -> Vec<(String, Option<String>)> {
    let run = m.run();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.is_empty(), "stderr: {:?}", run.stderr);
    run.stdout
        .lines()
        .map(|l| match l.split_once('\t') {
            Some((v, h)) => (v.to_string(), Some(h.to_string())),
            None => (l.to_string(), None),
        })
        .collect()
}

fn values(m: Mxs) -> Vec<String> {
    answer(m).into_iter().map(|(v, _)| v).collect()
}

/// The ids `sessions list -o ids` prints for the same hosts: what completion must offer.
fn listed_ids(hosts: &str) -> BTreeSet<String> {
    let run = mxs(&["--hosts", hosts, "sessions", "list", "-o", "ids"]).run();
    run.ok();
    run.stdout.lines().map(str::to_string).collect()
}

#[test]
fn session_ids_are_offered_with_user_and_client() {
    let server = real();
    let ep = server.endpoint();
    let got = answer(fish(&["-H", &ep, "sessions", "show", ""]));
    let ids: BTreeSet<String> = got.iter().map(|(v, _)| v.clone()).collect();
    assert!(!ids.is_empty());
    assert_eq!(ids, listed_ids(&ep));
    let doc = raw_get(&server, "/v1/sessions");
    for s in doc["data"].as_array().unwrap() {
        let id = s["id"].as_str().unwrap();
        let a = &s["attributes"];
        let want = format!(
            "{}@{}",
            a["user"].as_str().unwrap(),
            a["remote"].as_str().unwrap()
        );
        let (_, help) = got.iter().find(|(v, _)| v == id).unwrap();
        assert_eq!(help.as_deref(), Some(want.as_str()), "{id}");
    }
    // a typed prefix narrows them; every command that takes ids completes them
    let first = ids.iter().next().unwrap().clone();
    for cmd in ["show", "kill", "restart", "alter", "log"] {
        let got = values(fish(&["-H", &ep, "sessions", cmd, &first[..1]]));
        assert!(got.contains(&first), "{cmd}: {got:?}");
        assert!(got.iter().all(|v| v.starts_with(&first[..1])), "{got:?}");
    }
    // maxctrl's form too
    assert!(values(fish(&["-H", &ep, "show", "session", ""])).contains(&first));
}

#[test]
fn hosts_come_from_the_environment_and_the_config_file() {
    let server = real();
    let ep = server.endpoint();
    let want = listed_ids(&ep);
    let got: BTreeSet<String> = values(fish(&["sessions", "kill", ""]).env("MXS_HOSTS", &ep))
        .into_iter()
        .collect();
    assert_eq!(got, want);
    let m = fish(&["sessions", "kill", ""]);
    let cnf = m.home.join(".maxctrl.cnf");
    std::fs::write(&cnf, format!("[maxctrl]\nhosts = {ep}\n")).unwrap();
    set_private(&cnf);
    let got: BTreeSet<String> = values(m).into_iter().collect();
    assert_eq!(got, want);
    // --hosts completes the config file's hosts, after the last comma too
    let m = fish(&["--hosts", ""]);
    let cnf = m.home.join(".maxctrl.cnf");
    std::fs::write(&cnf, "[mxs]\nhosts = mx1:8989, https://mx2\n").unwrap();
    set_private(&cnf);
    assert_eq!(values(m), ["mx1:8989", "https://mx2"]);
    let m = fish(&["--hosts", "mx1:8989,"]);
    let cnf = m.home.join(".maxctrl.cnf");
    std::fs::write(&cnf, "[mxs]\nhosts = mx1:8989, https://mx2\n").unwrap();
    set_private(&cnf);
    assert_eq!(values(m), ["mx1:8989,https://mx2"]);
}

#[cfg(unix)]
fn set_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

#[cfg(not(unix))]
fn set_private(_: &Path) {}

#[test]
fn several_hosts_offer_id_at_host() {
    let servers = MockServer::start_many(MockConfig::default(), 2).expect("mock servers");
    servers.iter().for_each(|s| s.expect(Expect::Some));
    let hosts = format!("{},{}", servers[0].endpoint(), servers[1].endpoint());
    let got: BTreeSet<String> = values(fish(&["-H", &hosts, "sessions", "kill", ""]))
        .into_iter()
        .collect();
    let want = listed_ids(&hosts);
    assert!(want.iter().all(|id| id.contains('@')), "{want:?}");
    assert_eq!(got, want);
}

#[test]
fn a_hanging_host_gives_nothing_and_the_answer_comes_in_time() {
    let good = real();
    let hung = faulty(Fault::Hang);
    let hosts = format!("{},{}", good.endpoint(), hung.endpoint());
    // the request's own timeout is an hour away: only completion's deadline ends the wait
    let got = values(fish(&["-H", &hosts, "-t", "1h", "sessions", "show", ""]));
    let suffix = format!("@{}", hung.endpoint());
    assert!(got.iter().all(|v| !v.ends_with(&suffix)), "{got:?}");
    // the answering host's ids are there
    let good_ids: BTreeSet<String> = listed_ids(&good.endpoint());
    for id in good_ids {
        assert!(
            got.contains(&format!("{id}@{}", good.endpoint())),
            "{id}: {got:?}"
        );
    }
    // alone, the hanging host gives nothing, in time, silently
    assert!(
        values(fish(&[
            "-H",
            &hung.endpoint(),
            "-t",
            "1h",
            "sessions",
            "kill",
            ""
        ]))
        .is_empty()
    );
}

#[test]
fn an_unreachable_host_or_a_password_to_prompt_for_gives_nothing() {
    let port = closed_port();
    assert!(
        values(fish(&[
            "-H",
            &format!("127.0.0.1:{port}"),
            "sessions",
            "show",
            ""
        ]))
        .is_empty()
    );
    // -p '' would prompt: completion never does, and reads nothing from stdin
    let server = real();
    let ep = server.endpoint();
    let m = fish(&["-H", &ep, "-p", "", "sessions", "show", ""]).stdin(b"mariadb\n");
    assert!(values(m).is_empty());
    let m = fish(&["-H", &ep, "--password-stdin", "sessions", "show", ""]).stdin(b"mariadb\n");
    assert!(values(m).is_empty());
    // a wrong password: nothing either
    assert!(values(fish(&["-H", &ep, "-p", "wrong", "sessions", "show", ""])).is_empty());
    // and a broken command line: nothing on stderr
    assert!(values(fish(&["--nonsense", "sessions", "show", ""])).len() < 1000);
}

#[test]
fn hostile_user_names_reach_the_shell_escaped() {
    let server = start(MockConfig {
        sessions: Some(200),
        evil: true,
        seed: 7,
        ..MockConfig::default()
    });
    let ep = server.endpoint();
    for shell in ["fish", "zsh", "bash"] {
        let run = mxs(&["--", "mxs", "-H", &ep, "sessions", "show", ""])
            .env("COMPLETE", shell)
            .env("_CLAP_IFS", "\n")
            .env("_CLAP_COMPLETE_INDEX", "5")
            .run();
        assert_eq!(run.code, 0);
        assert!(run.stderr.is_empty(), "{}", run.stderr);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert!(lines.len() >= 100, "{shell}: {}", lines.len());
        for line in lines {
            assert!(
                !line.chars().any(|c| c.is_control() && c != '\t'),
                "{shell}: {line:?}"
            );
            assert!(line.matches('\t').count() <= 1, "{shell}: {line:?}");
            let value = line.split(['\t', ':']).next().unwrap();
            assert!(
                value.bytes().all(|b| b.is_ascii_digit()),
                "{shell}: {line:?}"
            );
        }
    }
}

#[test]
fn columns_sort_where_by_alter_keys_and_formats() {
    assert_eq!(
        values(fish(&["sessions", "list", "--sort", "-me"])),
        ["-memory"]
    );
    assert_eq!(
        values(fish(&["sessions", "list", "--sort", "id,-me"])),
        ["id,-memory"]
    );
    assert_eq!(
        values(fish(&["sessions", "list", "--sort", "us"])),
        ["user"]
    );
    assert_eq!(
        values(fish(&["sessions", "list", "--where", "us"])),
        ["user"]
    );
    assert!(values(fish(&["sessions", "list", "--where", "user="])).is_empty());
    assert_eq!(
        values(fish(&["sessions", "list", "--columns", "id,us"])),
        ["id,user"]
    );
    let columns = values(fish(&["sessions", "watch", "--columns", ""]));
    let names: Vec<&str> = mxs::columns::Column::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(columns, names);
    let groups = values(fish(&["sessions", "summary", "--by", ""]));
    let keys: Vec<&str> = mxs::summary::GroupBy::ALL.iter().map(|(n, _)| *n).collect();
    assert_eq!(groups, keys);
    assert_eq!(
        values(fish(&["sessions", "summary", "--by", "user,se"])),
        ["user,service"]
    );
    // alter: the keys with true and false, after an id (no host asked: a key is being typed)
    let pairs = values(fish(&["sessions", "alter", "3", "log_i"]));
    assert_eq!(pairs, ["log_info=true", "log_info=false"]);
    let all = values(fish(&["sessions", "alter", "3", "log_"]));
    assert_eq!(all.len(), mxs::plan::ALTER_KEYS.len() * 2);
    assert_eq!(
        values(fish(&["alter", "session", "3", "log_w"])),
        ["log_warning=true", "log_warning=false"]
    );
    let formats = values(fish(&["sessions", "list", "-o", ""]));
    let names: Vec<&str> = mxs::choice::Format::ALL.iter().map(|(n, _)| *n).collect();
    assert_eq!(formats, names);
    // commands and flags still complete
    assert!(values(fish(&["sessions", "sh"])).contains(&"show".to_string()));
    assert!(values(fish(&["sessions", "list", "--wi"])).contains(&"--wide".to_string()));
}

/// The directory of the binary under test, first on the PATH of a shell.
fn path_with_mxs() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_mxs")).parent().unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn script(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("completions")
        .join(name)
        .display()
        .to_string()
}

/// The committed bash script, sourced, asked as bash asks: `line` is the command line up to
/// the cursor, `words` as bash splits it (at `=` and `:` too), `cur` the word it replaces.
fn bash(line: &str, words: &[&str], cur: &str, env: &[(&str, &str)]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let body = format!(
        "source '{}'\nCOMP_LINE='{line}'\nCOMP_POINT=${{#COMP_LINE}}\nCOMP_WORDS=({})\nCOMP_CWORD={}\n\
         _mxs mxs '{cur}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script("mxs.bash"),
        quoted.join(" "),
        words.len() - 1,
        words[words.len().saturating_sub(2)],
    );
    let mut cmd = Command::new("bash");
    cmd.arg("--norc")
        .arg("-c")
        .arg(body)
        .env_clear()
        .env("PATH", path_with_mxs())
        .env("HOME", tempfile::tempdir().unwrap().path());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("bash is needed by this test");
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_bash_script_completes_ids_hosts_and_pairs() {
    let servers = MockServer::start_many(MockConfig::default(), 2).expect("mock servers");
    servers.iter().for_each(|s| s.expect(Expect::Some));
    let hosts = format!("{},{}", servers[0].endpoint(), servers[1].endpoint());
    let want = listed_ids(&hosts);
    let got: BTreeSet<String> = bash(
        &format!("mxs -H {hosts} sessions kill "),
        &["mxs", "-H", &hosts, "sessions", "kill", ""],
        "",
        &[],
    )
    .into_iter()
    .collect();
    assert_eq!(got, want);
    // bash splits 3@127.0.0.1:PORT at the colon and replaces only what follows it
    let one = want.iter().next().unwrap().clone();
    let (before, port) = one.rsplit_once(':').unwrap();
    let line = format!("mxs sessions kill {before}:{}", &port[..1]);
    let got = bash(
        &line,
        &["mxs", "sessions", "kill", before, ":", &port[..1]],
        &port[..1],
        &[("MXS_HOSTS", &hosts)],
    );
    assert!(got.contains(&port.to_string()), "{got:?}");
    // log_info=t: bash splits at =
    let got = bash(
        "mxs sessions alter 3 log_info=t",
        &["mxs", "sessions", "alter", "3", "log_info", "=", "t"],
        "t",
        &[],
    );
    assert_eq!(got, ["true"]);
    // --sort=-me
    let got = bash(
        "mxs sessions list --sort=-me",
        &["mxs", "sessions", "list", "--sort", "=", "-me"],
        "-me",
        &[],
    );
    assert_eq!(got, ["-memory"]);
    let got = bash(
        "mxs sessions summary --by ",
        &["mxs", "sessions", "summary", "--by", ""],
        "",
        &[],
    );
    assert_eq!(got.len(), mxs::summary::GroupBy::ALL.len());
    // nothing answers: nothing offered (not the directory's files)
    let port = closed_port();
    let got = bash(
        &format!("mxs -H 127.0.0.1:{port} sessions show "),
        &[
            "mxs",
            "-H",
            "127.0.0.1",
            ":",
            &port.to_string(),
            "sessions",
            "show",
            "",
        ],
        "",
        &[],
    );
    assert!(got.is_empty(), "{got:?}");
}

/// bash as a person runs it: readline splits the words (at `@`, `:` and `=` too) and replaces
/// only the part after the last break with what the script answers.
#[cfg(unix)]
#[test]
fn bash_completes_in_a_terminal() {
    let servers = MockServer::start_many(MockConfig::default(), 2).expect("mock servers");
    servers.iter().for_each(|s| s.expect(Expect::Some));
    let hosts = format!("{},{}", servers[0].endpoint(), servers[1].endpoint());
    let id = listed_ids(&hosts).into_iter().next().unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut cmd = Command::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"])
        .env_clear()
        .env("PATH", path_with_mxs())
        .env("HOME", home.path())
        .env("TERM", "xterm")
        .env("PS1", "$ ")
        .env("MXS_HOSTS", &hosts);
    let run = PtyRun::spawn(cmd, 30, 200);
    // list the candidates at the first TAB when they are several
    run.write(b"bind 'set show-all-if-ambiguous on'\n");
    run.write(format!("source '{}'\n", script("mxs.bash")).as_bytes());
    // ID@HOST:PORT typed whole: completed with a space, not written twice
    run.write(format!("mxs sessions kill {id}\tX").as_bytes());
    run.wait_text(&format!("kill {id} X"));
    // after the colon: each host's port (bash lists what follows the colon)
    let (num, _) = id.split_once('@').unwrap();
    let ports: Vec<String> = servers
        .iter()
        .map(|s| s.endpoint().rsplit_once(':').unwrap().1.to_string())
        .collect();
    run.write(format!("\u{15}mxs sessions kill {num}@127.0.0.1:\t").as_bytes());
    run.wait_screen("both ports listed", |s| {
        s.lines()
            .any(|l| ports.iter().all(|p| l.split_whitespace().any(|w| w == p)))
    });
    run.write(b"\x15mxs sessions alter 3 log_info=t\tX");
    run.wait_text("alter 3 log_info=true X");
    run.write(b"\x15mxs sessions list --sort=-me\tX");
    run.wait_text("--sort=-memory X");
    run.write(b"\x15mxs sessions summary --by user,se\tX");
    run.wait_text("--by user,service X");
    run.write(b"\x15exit\n");
    let (code, _) = run.finish();
    assert_eq!(code, Some(0));
}

/// Runs `body` in `shell` (started with `flag`, a clean environment and `mxs` on the PATH), and
/// returns what it printed; it must succeed and print nothing on stderr.
fn in_shell(shell: &str, flag: &str, body: &str) -> String {
    let out = Command::new(shell)
        .arg(flag)
        .arg("-c")
        .arg(body)
        .env_clear()
        .env("PATH", path_with_mxs())
        .env("HOME", tempfile::tempdir().unwrap().path())
        .output()
        .unwrap_or_else(|e| panic!("{shell} is needed by this test (the CI installs it): {e}"));
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_fish_script_completes_ids_with_descriptions() {
    let server = real();
    let ep = server.endpoint();
    let body = format!(
        "source '{}'; complete -C 'mxs -H {ep} sessions show '",
        script("mxs.fish")
    );
    let text = in_shell("fish", "--no-config", &body);
    let got: BTreeSet<String> = text
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    assert_eq!(got, listed_ids(&ep));
    assert!(
        text.lines().all(|l| l.contains('\t') && l.contains('@')),
        "{text}"
    );
}

#[test]
fn the_zsh_script_completes_ids_with_descriptions() {
    // zsh's completion system needs a terminal (zle); its two functions the script calls are
    // stood in for: _describe prints what it is given, value:description
    let server = real();
    let ep = server.endpoint();
    let body = format!(
        "compdef() {{ }}\n_describe() {{ print -rl -- \"${{(@P)3}}\" }}\nsource '{}'\n\
         words=(mxs -H {ep} sessions show '')\nCURRENT=6\n_clap_dynamic_completer_mxs\n",
        script("_mxs")
    );
    let text = in_shell("zsh", "-f", &body);
    let got: BTreeSet<String> = text
        .lines()
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect();
    assert_eq!(got, listed_ids(&ep));
    assert!(
        text.lines().all(|l| l.contains(':') && l.contains('@')),
        "{text}"
    );
    // autoloaded from the fpath, the file completes on its first call
    let text = std::fs::read_to_string(script("_mxs")).unwrap();
    assert!(text.starts_with("#compdef mxs") && text.contains("funcstack[1]"));
}

#[test]
fn completions_print_the_registration() {
    for (shell, file) in [("bash", "mxs.bash"), ("zsh", "_mxs"), ("fish", "mxs.fish")] {
        let run = mxs(&["completions", shell]).run();
        run.ok();
        assert!(run.stdout.contains("COMPLETE="), "{shell}");
        let committed = std::fs::read_to_string(script(file)).unwrap();
        assert_eq!(run.stdout, committed, "{shell}");
        // COMPLETE=SHELL mxs prints the same script
        let run = mxs(&[]).env("COMPLETE", shell).run();
        assert_eq!(run.stdout, committed, "{shell}");
    }
}
