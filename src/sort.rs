//! Stable sorting through one small compiled sort.
//!
//! Exists for the size of the browser script: every `sort_by_key` or
//! `sort_unstable` on another element type or key compiles the whole of
//! std's sort again (about 3 KB of wasm each), and even one copy of it is
//! about 1 KB gzipped. Here a plain merge sort runs on positions only, with
//! the comparison behind a `dyn`, so the crate carries one small sort; each
//! caller adds only the few bytes that compute its keys and move its
//! elements. The keys are totally ordered, so the result is the standard
//! stable sort's: equal keys keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `key`, stably (as `slice::sort_by_key`; each key is
/// computed once).
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(keys.len(), &|a, b| keys.get(a).cmp(&keys.get(b)));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|at| slots.get_mut(at).and_then(Option::take)),
    );
}

/// The positions `0..len` in the order that sorts them by `compare`, stably:
/// a bottom-up merge sort (runs of 1, 2, 4, … merged pairwise), O(n log n).
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged: Vec<usize> = Vec::with_capacity(len);
    let mut run = 1;
    while run < len {
        merged.clear();
        for pair in order.chunks(2 * run) {
            let (left, right) = pair.split_at_checked(run).unwrap_or((pair, &[]));
            let (mut left, mut right) = (left.iter().peekable(), right.iter().peekable());
            while let (Some(&&a), Some(&&b)) = (left.peek(), right.peek()) {
                // The right run's element goes first only when it is
                // strictly smaller: equal keys keep their order.
                if compare(b, a) == Ordering::Less {
                    merged.push(b);
                    right.next();
                } else {
                    merged.push(a);
                    left.next();
                }
            }
            merged.extend(left);
            merged.extend(right);
        }
        std::mem::swap(&mut order, &mut merged);
        run *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;

    #[test]
    fn sorts_stably_by_key() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(n, _)| n);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn sorts_like_the_standard_sort() {
        let mut state = 12_345_u64;
        let mut items: Vec<(u8, u32)> = (0..500)
            .map(|i| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                ((state >> 59) as u8, i)
            })
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, expected);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |&b| b);
        assert!(empty.is_empty());
    }

    #[test]
    fn sorts_every_length_like_the_standard_sort() {
        // Runs that do not pair up evenly, at every length up to a few
        // merge passes.
        for len in 0..70_u32 {
            let mut items: Vec<(u32, u32)> = (0..len).map(|i| ((i * 7 + 3) % 5, i)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            sort_by_key(&mut items, |&(k, _)| k);
            assert_eq!(items, expected, "length {len}");
        }
    }
}
