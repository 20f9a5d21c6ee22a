//! `sessions summary --by ...`: fetch and select as `list` does, group, and hand the groups to
//! `output::summary`.

use std::io::Write;

use anyhow::Context as _;

use crate::commands::Ctx;
use crate::commands::sessions::{fetch_sessions, rdns_cache, sessions_of};
use crate::error::ExitKind;
use crate::output::summary::{self, View};
use crate::plan;
use crate::summary::summarise;

/// `sessions summary`.
pub fn run(ctx: &Ctx, plan: &plan::Summary) -> anyhow::Result<Option<ExitKind>> {
    let mut cache = rdns_cache(ctx, &plan.rdns);
    let fetched = fetch_sessions(ctx, &plan.rdns, &mut cache, &plan.selection, false, false)?;
    cache.save();
    let sessions = sessions_of(fetched.items);
    let groups = summarise(&sessions, &plan.by, ctx.labels());
    let mut out = ctx.stdout();
    summary::write(
        &mut out,
        &ctx.options,
        &View {
            by: &plan.by,
            groups: &groups,
            sessions: sessions.len(),
        },
    )?;
    out.flush().context("writing the output")?;
    ctx.report_failures(fetched.failures)
}
