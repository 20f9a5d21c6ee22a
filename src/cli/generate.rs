//! `mxs generate completions|man`: the generated assets committed in `completions/` and `man/`.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use clap::CommandFactory;

use crate::cli::Cli;

/// The completion script for a shell: it registers `mxs` itself as the completer
/// ([`super::complete`]).
#[must_use]
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    super::complete::script(shell)
}

/// The man pages: `mxs.1` and one page per subcommand (`mxs-sessions-list.1`, ...), as
/// (file name, content).
pub fn man_pages() -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut pages = Vec::new();
    render(&cmd, "mxs", &mut pages)?;
    Ok(pages)
}

fn render(
    cmd: &clap::Command,
    name: &str,
    pages: &mut Vec<(String, Vec<u8>)>,
) -> anyhow::Result<()> {
    if cmd.is_hide_set() || cmd.get_name() == "help" {
        return Ok(());
    }
    let mut out = Vec::new();
    let page = cmd
        .clone()
        .name(name.to_string())
        .version(env!("CARGO_PKG_VERSION"));
    let man = clap_mangen::Man::new(page);
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut out)?;
    }
    if name == "mxs" {
        out.write_all(b".SH \"EXIT STATUS\"\n")?;
        for line in crate::error::EXIT_CODES_HELP.lines().skip(1) {
            let line = line.trim();
            let (code, text) = line.split_once(' ').unwrap_or((line, ""));
            writeln!(out, ".TP\n{code}\n{}", text.trim())?;
        }
        out.write_all(
            b".SH ENVIRONMENT\n.TP\nMXS_HOSTS, MXS_USER, MXS_PASSWORD, MXS_CONFIG\nDefaults for \\-\\-hosts, \\-\\-user, \\-\\-password and \\-\\-config.\n.TP\nNO_COLOR, CLICOLOR_FORCE, TERM\nColor when \\-\\-color is auto.\n",
        )?;
    }
    man.render_version_section(&mut out)?;
    pages.push((format!("{name}.1"), out));
    for sub in cmd.get_subcommands() {
        render(sub, &format!("{name}-{}", sub.get_name()), pages)?;
    }
    Ok(())
}

/// Writes the man pages into `dir`.
pub fn write_man(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, content) in man_pages()? {
        let path = dir.join(&name);
        std::fs::write(&path, content).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// The shells whose scripts are committed in `completions/`.
pub const SHELLS: [clap_complete::Shell; 5] = [
    clap_complete::Shell::Bash,
    clap_complete::Shell::Zsh,
    clap_complete::Shell::Fish,
    clap_complete::Shell::Elvish,
    clap_complete::Shell::PowerShell,
];

/// Writes every shell's completion script into `dir`.
pub fn write_completions(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for shell in SHELLS {
        let path = dir.join(completion_file(shell));
        std::fs::write(&path, completions(shell))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// The file name of a shell's completion script in `completions/`.
#[must_use]
pub fn completion_file(shell: clap_complete::Shell) -> &'static str {
    match shell {
        clap_complete::Shell::Bash => "mxs.bash",
        clap_complete::Shell::Zsh => "_mxs",
        clap_complete::Shell::Fish => "mxs.fish",
        clap_complete::Shell::Elvish => "mxs.elv",
        clap_complete::Shell::PowerShell => "_mxs.ps1",
        _ => "mxs.completion",
    }
}
