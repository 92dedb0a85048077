//! Stable sorting with little code in the WebAssembly build.
//!
//! The standard library's sorts are generic over the element type *and* the comparison, so
//! every `sort_by_key(|x| ...)` in the crate became its own copy of driftsort or ipnsort:
//! about 80 KB of the page's wasm (issue 7). In the wasm32 build these functions order the
//! indices `0..n` with one merge sort that is not generic at all, then move the elements into
//! that order (a few dozen bytes per element type). Native builds keep the standard library's
//! stable sorts, which are faster. Both are stable, so they give the same order on every
//! input (a stable sort's result is fully determined by the comparison); `tests` checks the
//! merge sort against `slice::sort_by` on random inputs with many ties.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (`slice::sort_by`).
#[inline]
pub fn by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    {
        if v.len() < 2 {
            return;
        }
        let mut cmp = cmp;
        let p = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
        permute(v, p);
    }
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(cmp);
}

/// Sorts `v` by the key `f` gives each element, stably (`slice::sort_by_key`).
#[inline]
pub fn by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order, stably (`slice::sort`). For elements that are equal only
/// when indistinguishable (numbers, spans, strings) this is also what `sort_unstable` gives.
#[inline]
pub fn sort<T: Ord>(v: &mut [T]) {
    by(v, T::cmp);
}

/// The stable order of `0..n` under `cmp`: bottom-up merge sort over indices, runs of up to 8
/// first sorted by insertion. Not generic, so the wasm holds one copy.
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
#[inline(never)]
pub(crate) fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    const RUN: usize = 8;
    let mut a: Vec<usize> = (0..n).collect();
    // Insertion sort of each run (stable: an element moves left only past greater ones).
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = a[i];
            let mut j = i;
            while j > start && cmp(x, a[j - 1]) == Ordering::Less {
                a[j] = a[j - 1];
                j -= 1;
            }
            a[j] = x;
        }
        start = end;
    }
    if n <= RUN {
        return a;
    }
    let mut b = vec![0; n];
    let mut width = RUN;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let end = (i + 2 * width).min(n);
            let (mut l, mut r, mut k) = (i, mid, i);
            // Take from the right run only when strictly less: ties keep their order.
            while l < mid && r < end {
                if cmp(a[r], a[l]) == Ordering::Less {
                    b[k] = a[r];
                    r += 1;
                } else {
                    b[k] = a[l];
                    l += 1;
                }
                k += 1;
            }
            b[k..k + (mid - l)].copy_from_slice(&a[l..mid]);
            k += mid - l;
            b[k..k + (end - r)].copy_from_slice(&a[r..end]);
            i = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Rearranges `v` so that position `k` holds what was at `p[k]` (`p` a permutation of
/// `0..v.len()`), following each cycle with swaps.
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
pub(crate) fn permute<T>(v: &mut [T], mut p: Vec<usize>) {
    for i in 0..v.len() {
        let mut j = i;
        while p[j] != i {
            let k = p[j];
            p[j] = j;
            v.swap(j, k);
            j = k;
        }
        p[j] = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn merge_sorted<T: Clone>(v: &[T], mut cmp: impl FnMut(&T, &T) -> Ordering) -> Vec<T> {
        let mut w = v.to_vec();
        let p = order(w.len(), &mut |a, b| cmp(&v[a], &v[b]));
        permute(&mut w, p);
        w
    }

    proptest! {
        /// Same order as the standard library's stable sort, ties included: each element
        /// carries its original position, compared on the key alone.
        #[test]
        fn merge_sort_is_std_stable_sort(keys in proptest::collection::vec(0u8..6, 0..300)) {
            let v: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut want = v.clone();
            want.sort_by_key(|x| x.0);
            prop_assert_eq!(merge_sorted(&v, |a, b| a.0.cmp(&b.0)), want);
        }

        #[test]
        fn merge_sort_by_reverse_key(keys in proptest::collection::vec(0u16..1000, 0..200)) {
            let v: Vec<(u16, usize)> = keys.iter().copied().zip(0..).collect();
            let mut want = v.clone();
            want.sort_by(|a, b| (b.0 / 7).cmp(&(a.0 / 7)));
            prop_assert_eq!(merge_sorted(&v, |a, b| (b.0 / 7).cmp(&(a.0 / 7))), want);
        }
    }

    #[test]
    fn permute_follows_cycles() {
        let mut v = vec!['a', 'b', 'c', 'd', 'e'];
        permute(&mut v, vec![3, 0, 4, 1, 2]);
        assert_eq!(v, vec!['d', 'a', 'e', 'b', 'c']);
    }

    #[test]
    fn public_functions_sort() {
        let mut v = vec![5, 1, 4, 1, 3];
        sort(&mut v);
        assert_eq!(v, vec![1, 1, 3, 4, 5]);
        let mut w = vec!["ccc", "a", "bb", "d"];
        by_key(&mut w, |s| std::cmp::Reverse(s.len()));
        assert_eq!(w, vec!["ccc", "bb", "a", "d"]);
    }
}
