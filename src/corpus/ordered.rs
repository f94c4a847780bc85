//! Loading many inputs on every core and handing the outcomes on in their order, with only a
//! few held at a time: the inputs are taken in windows, each loaded in parallel with rayon
//! while the calling thread hands on the window before it.
//!
//! The windows grow from one input (so the first outcome is handed on as soon as it alone is
//! ready, with no other file in its way) to a few per core (so the cores stay busy between
//! two hand-overs). The calling thread keeps the hand-over: the callbacks need not be `Send`
//! (a command's may hold its locked standard output).

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::load_error::LoadError;

/// What loading one input gives: a value, an error, or both (a report loaded with damaged
/// bytes replaced).
pub type Outcome<T> = (Option<T>, Option<LoadError>);

/// Windows per core at most: enough inputs to keep every core busy while the calling thread
/// hands on the window before.
const WINDOW_PER_CORE: usize = 4;

/// Pass every item through `load` on every core, and give `each_window` the outcomes window by
/// window, in the items' order, on the calling thread, with the index of the window's first
/// item; the next window loads meanwhile. `each_window` breaking stops the loading (what is
/// in flight is finished, nothing new is started).
pub fn load_windows<I: Sync, T: Send>(
    items: &[I],
    load: impl Fn(&I) -> Outcome<T> + Sync,
    mut each_window: impl FnMut(usize, Vec<Outcome<T>>) -> ControlFlow<()>,
) {
    if items.is_empty() {
        return;
    }
    // The first item is loaded and handed on here, before the pool is even started (its threads
    // take as long to start as a report to read): the first report comes soonest.
    if each_window(0, vec![load(&items[0])]).is_break() || items.len() == 1 {
        return;
    }
    let most = rayon::current_num_threads().max(1) * WINDOW_PER_CORE;
    let stop = AtomicBool::new(false);
    let load_window = |window: &[I]| -> Vec<Outcome<T>> {
        window
            .par_iter()
            .map(|item| match stop.load(Ordering::Relaxed) {
                true => (None, None),
                false => load(item),
            })
            .collect()
    };
    let (mut start, first_end) = (1, 3.min(items.len()));
    let mut current = load_window(&items[start..first_end]);
    loop {
        let end = start + current.len();
        let next_end = (end + current.len() * 2).min(end + most).min(items.len());
        let mut next = Vec::new();
        let flow = rayon::in_place_scope(|scope| {
            if end < next_end {
                let (load_window, next) = (&load_window, &mut next);
                scope.spawn(move |_| *next = load_window(&items[end..next_end]));
            }
            let flow = each_window(start, std::mem::take(&mut current));
            if flow.is_break() {
                stop.store(true, Ordering::Relaxed);
            }
            flow
        });
        if flow.is_break() || end == items.len() {
            return;
        }
        (current, start) = (next, end);
    }
}

/// [`load_windows`], one outcome at a time: `each` gets every item's outcome with its index, in
/// order; breaking stops the loading.
pub fn load_each_in_order<I: Sync, T: Send>(
    items: &[I],
    load: impl Fn(&I) -> Outcome<T> + Sync,
    mut each: impl FnMut(usize, Outcome<T>) -> ControlFlow<()>,
) {
    load_windows(items, load, |start, window| {
        for (offset, outcome) in window.into_iter().enumerate() {
            each(start + offset, outcome)?;
        }
        ControlFlow::Continue(())
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn outcomes_come_in_order_whatever_order_they_finish_in() {
        let items: Vec<usize> = (0..200).collect();
        let mut seen = Vec::new();
        load_each_in_order(
            &items,
            |&n| {
                // Early items take longest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_micros(
                    ((200 - n) % 7) as u64 * 50,
                ));
                (Some(n * 10), None)
            },
            |index, (value, error)| {
                assert!(error.is_none());
                seen.push((index, value.unwrap()));
                ControlFlow::Continue(())
            },
        );
        let expected: Vec<(usize, usize)> = (0..200).map(|n| (n, n * 10)).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn the_first_outcome_is_handed_on_before_anything_else_is_loaded() {
        let items: Vec<usize> = (0..20).collect();
        let loaded = AtomicUsize::new(0);
        let mut loaded_at_first = None;
        load_windows(
            &items,
            |&n| {
                loaded.fetch_add(1, Ordering::SeqCst);
                (Some(n), None)
            },
            |start, _| {
                if start == 0 {
                    // Time enough for a window loading beside this one to have started.
                    std::thread::sleep(std::time::Duration::from_millis(50));
                    loaded_at_first = Some(loaded.load(Ordering::SeqCst));
                }
                ControlFlow::Continue(())
            },
        );
        assert_eq!(loaded_at_first, Some(1));
        assert_eq!(loaded.load(Ordering::SeqCst), 20);
    }

    #[test]
    fn windows_start_with_one_and_stay_small() {
        let items: Vec<usize> = (0..1000).collect();
        let mut sizes = Vec::new();
        load_windows(
            &items,
            |&n| (Some(n), None),
            |start, window| {
                assert_eq!(window[0].0, Some(start));
                sizes.push(window.len());
                ControlFlow::Continue(())
            },
        );
        assert_eq!(sizes[..2], [1, 2]);
        assert_eq!(sizes.iter().sum::<usize>(), 1000);
        let most = rayon::current_num_threads() * WINDOW_PER_CORE;
        assert!(sizes.iter().all(|&s| s <= most), "{sizes:?}");
    }

    #[test]
    fn errors_keep_their_place_and_the_rest_load() {
        let items: Vec<usize> = (0..50).collect();
        let mut seen = Vec::new();
        load_each_in_order(
            &items,
            |&n| match n % 10 {
                3 => (
                    None,
                    Some(LoadError::NotAFile {
                        path: PathBuf::from(n.to_string()),
                    }),
                ),
                _ => (Some(n), None),
            },
            |index, outcome| {
                seen.push((index, outcome.0, outcome.1.map(|e| e.to_string())));
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen.len(), 50);
        assert_eq!(seen[13].1, None);
        assert_eq!(
            seen[13].2.as_deref(),
            Some("13: not a regular file or directory")
        );
        assert_eq!(seen[14], (14, Some(14), None));
    }

    #[test]
    fn breaking_stops_the_loading() {
        let items: Vec<usize> = (0..10_000).collect();
        let loaded = AtomicUsize::new(0);
        let mut handed = 0;
        load_each_in_order(
            &items,
            |&n| {
                loaded.fetch_add(1, Ordering::Relaxed);
                (Some(n), None)
            },
            |_, _| {
                handed += 1;
                match handed {
                    5 => ControlFlow::Break(()),
                    _ => ControlFlow::Continue(()),
                }
            },
        );
        assert_eq!(handed, 5);
        // At most the window handed on and the one loading meanwhile.
        let most = 2 * rayon::current_num_threads() * WINDOW_PER_CORE + 8;
        assert!(loaded.load(Ordering::Relaxed) <= most);
    }

    #[test]
    fn nothing_to_load_calls_nothing() {
        let items: Vec<PathBuf> = Vec::new();
        load_windows(
            &items,
            |_| (Some(()), None),
            |_, _| panic!("no window for no items"),
        );
    }
}
