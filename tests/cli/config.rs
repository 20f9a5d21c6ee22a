//! Config file and environment: precedence (flags, environment, config, defaults) and the
//! permission check.

use std::os::unix::fs::PermissionsExt;

use crate::util::*;

fn write_cnf(dir: &std::path::Path, name: &str, text: &str, mode: u32) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

fn secret_server() -> MockServer {
    start(MockConfig {
        user: "ops".into(),
        password: "pw1".into(),
        ..MockConfig::default()
    })
}

#[test]
fn default_config_file_in_home_is_read() {
    let server = secret_server();
    let m = mxs(&["sessions", "list", "--tsv"]);
    write_cnf(
        &m.home,
        ".maxctrl.cnf",
        &format!(
            "[maxctrl]\nhosts = {}\nu = ops\np = pw1\n",
            server.endpoint()
        ),
        0o600,
    );
    let run = m.run();
    run.ok();
    assert_eq!(run.stdout.lines().count(), 3);
}

#[test]
fn mxs_section_wins_and_flags_win_over_environment_over_config() {
    let server = secret_server();
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().to_path_buf();
    let cnf = format!(
        "[maxctrl]\nhosts = 127.0.0.1:1\nuser = wrong\npassword = wrong\n[mxs]\nhosts = {}\n",
        server.endpoint()
    );
    write_cnf(&home, ".maxctrl.cnf", &cnf, 0o600);
    // config's user is wrong: 401
    mxs(&["sessions", "list", "--tsv"])
        .env("HOME", &home)
        .run()
        .code(4);
    // environment beats the config file
    let m2 = mxs(&["sessions", "list", "--tsv"])
        .env("HOME", &home)
        .env("MXS_USER", "ops")
        .env("MXS_PASSWORD", "pw1");
    m2.run().ok();
    // flags beat the environment
    let m3 = mxs(&["sessions", "list", "--tsv", "-u", "ops", "-p", "pw1"])
        .env("HOME", &home)
        .env("MXS_USER", "nobody");
    m3.run().ok();
    let m4 = mxs(&["sessions", "list", "--tsv", "-p", "bad"])
        .env("HOME", &home)
        .env("MXS_USER", "ops")
        .env("MXS_PASSWORD", "pw1");
    m4.run().code(4);
}

#[test]
fn explicit_config_and_output_key() {
    let server = real();
    let m = mxs(&[]);
    let path = write_cnf(
        &m.home,
        "x.cnf",
        &format!("[mxs]\nhosts = {}\noutput = json\n", server.endpoint()),
        0o600,
    );
    let run = m
        .args(&["-c", path.to_str().unwrap(), "sessions", "list"])
        .run();
    run.ok();
    assert_eq!(run.json()["data"].as_array().unwrap().len(), 3);
}

#[test]
fn group_or_world_accessible_config_is_refused() {
    for mode in [0o644, 0o604, 0o620, 0o660] {
        let m = mxs(&["sessions", "list"]);
        let path = write_cnf(&m.home, ".maxctrl.cnf", "[maxctrl]\np = secret\n", mode);
        let run = m.run();
        run.code(2).clean().one_error();
        run.stderr_has(path.to_str().unwrap())
            .stderr_has(&format!("chmod 600 {}", path.display()));
    }
}

#[test]
fn group_readable_config_works_with_a_warning() {
    let server = real();
    let m = mxs(&["sessions", "list", "--tsv"]);
    write_cnf(
        &m.home,
        ".maxctrl.cnf",
        &format!("[maxctrl]\nhosts = {}\n", server.endpoint()),
        0o640,
    );
    let run = m.run();
    run.ok().stderr_has("readable by its group");
}

#[test]
fn config_errors_name_file_and_line() {
    let m = mxs(&["sessions", "list"]);
    let path = write_cnf(
        &m.home,
        ".maxctrl.cnf",
        "[maxctrl]\nhosts = x\nfrobnicate = 1\n",
        0o600,
    );
    let run = m.run();
    run.code(2).one_error().stderr_has(&format!(
        "{} line 3: unknown key 'frobnicate'",
        path.display()
    ));
    let run = mxs(&["-c", "/nonexistent/x.cnf", "sessions", "list"]).run();
    run.code(2).stderr_has("/nonexistent/x.cnf");
}

#[test]
fn environment_hosts() {
    let server = real();
    let run = mxs(&["sessions", "list", "--tsv"])
        .env("MXS_HOSTS", server.endpoint())
        .run();
    run.ok();
    assert_eq!(run.stdout.lines().count(), 3);
}

#[test]
fn a_bad_hosts_entry_names_where_it_came_from_and_never_panics() {
    for bad in ["aéééé", "httpséé://x", "ééé,mx"] {
        let run = mxs(&["-H", bad, "sessions", "list"]).run();
        run.code(2).clean().one_error();
        run.stderr_has("mxs: error: --hosts entry 1: '");
        let run = mxs(&["sessions", "list"]).env("MXS_HOSTS", bad).run();
        run.code(2).clean().one_error();
        run.stderr_has("mxs: error: MXS_HOSTS entry 1: '");
    }
    let m = mxs(&["sessions", "list"]);
    let cnf = write_cnf(
        &m.home,
        "m.cnf",
        "[maxctrl]\nuser = admin\n\nhosts = 127.0.0.1:1,httpséé://x\n",
        0o600,
    );
    let run = m.args(&["-c", cnf.to_str().unwrap()]).run();
    run.code(2).clean().one_error();
    run.stderr_has(&format!(
        "mxs: error: config file {} line 4: hosts entry 2: 'httpséé://x': only http:// and https://",
        cnf.display()
    ));
    // the flag wins over the environment, and is named
    let run = mxs(&["-H", "aéééé", "sessions", "list"])
        .env("MXS_HOSTS", "127.0.0.1:1")
        .run();
    run.code(2).stderr_has("--hosts entry 1: 'aéééé'");
}

#[test]
fn a_config_that_is_huge_a_fifo_or_a_device_is_refused_at_once() {
    let m = mxs(&["sessions", "list"]);
    let huge = m.home.join("huge.cnf");
    let mut text = String::from("[maxctrl]\n");
    while text.len() <= 1 << 20 {
        text.push_str("; padding padding padding padding padding padding padding padding\n");
    }
    std::fs::write(&huge, text).unwrap();
    std::fs::set_permissions(&huge, std::fs::Permissions::from_mode(0o600)).unwrap();
    let fifo = m.home.join("fifo.cnf");
    let made = std::process::Command::new("mkfifo")
        .args(["-m", "600"])
        .arg(&fifo)
        .status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // none of them is opened for reading: a FIFO would block the read for ever
    for (path, why) in [
        (huge.as_path(), "larger than 1.0 MiB".to_string()),
        (fifo.as_path(), "is a FIFO, not a regular file".to_string()),
        (
            std::path::Path::new("/dev/zero"),
            "is a character device, not a regular file".to_string(),
        ),
        (
            m.home.as_path(),
            "is a directory, not a regular file".to_string(),
        ),
    ] {
        let shown = path.to_str().unwrap();
        let run = mxs(&["-c", shown, "sessions", "list"]).run();
        run.code(2).clean().one_error();
        run.stderr_has(&format!("mxs: error: config file {shown}"))
            .stderr_has(&why);
        // the same through MXS_CONFIG, and as the default ~/.maxctrl.cnf
        let run = mxs(&["sessions", "list"]).env("MXS_CONFIG", path).run();
        run.code(2).stderr_has(&why);
    }
    let default = mxs(&["sessions", "list"]);
    let made = std::process::Command::new("mkfifo")
        .args(["-m", "600"])
        .arg(default.home.join(".maxctrl.cnf"))
        .status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    default
        .run()
        .code(2)
        .stderr_has("is a FIFO, not a regular file");
}

#[test]
fn max_load_from_the_config_file() {
    // 3 sessions at 20 ms each: a list takes 60 ms, more than 5% of 100ms
    let server = start(MockConfig {
        list_cost_us: 20_000,
        ..MockConfig::default()
    });
    let m = mxs(&[]);
    let path = write_cnf(&m.home, "x.cnf", "[mxs]\nmax-load = 100%\n", 0o600);
    let run = m
        .args(&["-c", path.to_str().unwrap()])
        .args(&["sessions", "watch", "100ms", "--count", "2"])
        .hosts(&server)
        .run();
    run.ok().clean();
    // a flag wins over the file
    let m = mxs(&[]);
    let path = write_cnf(&m.home, "x.cnf", "[mxs]\nmax-load = 100%\n", 0o600);
    let run = m
        .args(&["-c", path.to_str().unwrap()])
        .args(&[
            "sessions",
            "watch",
            "100ms",
            "--count",
            "2",
            "--max-load",
            "5%",
        ])
        .hosts(&server)
        .run();
    run.ok().stderr_has("more than --max-load 5%");
    // a bad value in the file is named, and nothing is sent
    let bad = start(MockConfig::default());
    let m = mxs(&[]);
    let path = write_cnf(&m.home, "x.cnf", "[mxs]\nmax-load = lots\n", 0o600);
    let run = m
        .args(&["-c", path.to_str().unwrap(), "top"])
        .hosts(&bad)
        .run();
    run.code(2)
        .one_error()
        .stderr_has("config file: 'max-load': 'lots' is not a percentage");
    bad.expect(Expect::Nothing);
}
