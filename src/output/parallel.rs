//! Rendering a long list on every core. A list's rows are written after the fetch, on one
//! thread, while the cores that parsed the sessions sit idle: on 100,000 sessions that tail is a
//! fifth of a TSV run and a third of a table's. Rows are independent, so they are rendered in
//! rounds, each thread writing its share of a round into its own buffer, and the buffers are
//! written in order: the output is the serial one, byte for byte, and memory stays at one round.

use std::io::{self, Write};

/// Below this many rows, one thread: starting others costs more than it saves.
const MIN_PARALLEL: usize = 4096;
/// Rows a thread renders in one round.
const ROUND: usize = 8192;

/// How many threads to render with: the cores, up to eight.
fn threads(rows: usize) -> usize {
    if rows < MIN_PARALLEL {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// Writes `render(buf, index, item)` for every item, in order, rendering on every core.
pub fn write_rows<T: Sync>(
    out: &mut dyn Write,
    items: &[T],
    render: impl Fn(&mut Vec<u8>, usize, &T) -> io::Result<()> + Sync,
) -> io::Result<()> {
    let n = threads(items.len());
    let render_share = |first: usize, share: &[T]| -> io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        for (k, item) in share.iter().enumerate() {
            render(&mut buf, first + k, item)?;
        }
        Ok(buf)
    };
    if n == 1 {
        out.write_all(&render_share(0, items)?)?;
        return Ok(());
    }
    for (round, rows) in items.chunks(n * ROUND).enumerate() {
        let first = round * n * ROUND;
        let share = rows.len().div_ceil(n);
        let bufs: Vec<io::Result<Vec<u8>>> = std::thread::scope(|scope| {
            let others: Vec<_> = rows
                .chunks(share)
                .enumerate()
                .skip(1)
                .map(|(k, part)| {
                    let render_share = &render_share;
                    scope.spawn(move || render_share(first + k * share, part))
                })
                .collect();
            let mut bufs = vec![render_share(first, &rows[..share.min(rows.len())])];
            bufs.extend(others.into_iter().map(join));
            bufs
        });
        for buf in bufs {
            out.write_all(&buf?)?;
        }
    }
    Ok(())
}

/// `fold` over every item on every core, each thread from `init()`, the threads' results
/// combined with `merge`.
pub fn fold<T: Sync, A: Send>(
    items: &[T],
    init: impl Fn() -> A + Sync,
    fold: impl Fn(A, usize, &T) -> A + Sync,
    merge: impl Fn(A, A) -> A,
) -> A {
    let n = threads(items.len());
    let fold_share = |first: usize, share: &[T]| {
        share
            .iter()
            .enumerate()
            .fold(init(), |acc, (k, item)| fold(acc, first + k, item))
    };
    if n == 1 {
        return fold_share(0, items);
    }
    let share = items.len().div_ceil(n);
    std::thread::scope(|scope| {
        let others: Vec<_> = items
            .chunks(share)
            .enumerate()
            .skip(1)
            .map(|(k, part)| {
                let fold_share = &fold_share;
                scope.spawn(move || fold_share(k * share, part))
            })
            .collect();
        let mut acc = fold_share(0, &items[..share]);
        for h in others {
            acc = merge(acc, join(h));
        }
        acc
    })
}

/// A thread's result; its panic, if it panicked, goes on here as it would have serially.
fn join<R>(handle: std::thread::ScopedJoinHandle<'_, R>) -> R {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_out_in_order_whatever_the_count() {
        for count in [
            0,
            1,
            MIN_PARALLEL - 1,
            MIN_PARALLEL,
            2 * ROUND + 3,
            5 * ROUND + 1,
        ] {
            let items: Vec<usize> = (0..count).map(|k| k * 7).collect();
            let mut out = Vec::new();
            write_rows(&mut out, &items, |buf, at, item| {
                writeln!(buf, "{at} {item}")
            })
            .unwrap();
            let serial: String = items
                .iter()
                .enumerate()
                .map(|(at, item)| format!("{at} {item}\n"))
                .collect();
            assert_eq!(String::from_utf8(out).unwrap(), serial, "{count} rows");
        }
    }

    #[test]
    fn a_failing_row_fails_the_write() {
        let items: Vec<usize> = (0..3 * ROUND).collect();
        let err = write_rows(&mut Vec::new(), &items, |buf, at, _| {
            if at == 2 * ROUND + 5 {
                return Err(io::Error::other("row failed"));
            }
            buf.push(b'x');
            Ok(())
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "row failed");
    }

    #[test]
    fn folds_see_every_item_once_with_its_index() {
        for count in [0, 5, MIN_PARALLEL + 1, 3 * ROUND] {
            let items: Vec<usize> = (0..count).collect();
            let (sum, indexes) = fold(
                &items,
                || (0usize, 0usize),
                |(s, i), at, item| (s + item, i + at),
                |a, b| (a.0 + b.0, a.1 + b.1),
            );
            let expected = count * count.saturating_sub(1) / 2;
            assert_eq!((sum, indexes), (expected, expected), "{count} items");
        }
    }
}
