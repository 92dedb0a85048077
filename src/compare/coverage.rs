//! Coverage: who is quoted where, and which sentences other reports share (fuzzy alignment).

use super::{shared, Coverage, Ctx, SentenceCoverage, SentenceMatch, SpeakerCell, SpeakerRow};

/// Two sentences carry the same information when they share at least this many content words…
pub const MIN_SHARED: usize = 3;
/// …and their Dice coefficient (2·shared / (|a| + |b|)) reaches this,
pub const MIN_DICE: f32 = 0.4;
/// or the shorter one's words are this much inside the longer one (a short sentence that
/// another report extends with details).
pub const MIN_CONTAINMENT: f32 = 0.7;

/// A pair of aligned sentences (indices into `Ctx::sents`, `a < b`, different reports).
#[derive(Clone, Copy, Debug)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub dice: f32,
    pub containment: f32,
}

impl Pair {
    /// The score reported for an alignment: the larger of the two measures.
    pub fn score(&self) -> f32 {
        self.dice.max(self.containment * 0.9)
    }
}

/// Posting lists of the content keys. Keys in more than `cap` sentences are too common to
/// propose candidates (pairs sharing only such words are not similar enough anyway).
pub(crate) fn index(
    keys: impl Iterator<Item = (usize, impl AsRef<[u32]>)>,
    n_keys: usize,
) -> Vec<Vec<u32>> {
    let mut post: Vec<Vec<u32>> = vec![Vec::new(); n_keys];
    for (i, ks) in keys {
        for &k in ks.as_ref() {
            if let Some(p) = post.get_mut(k as usize) {
                p.push(i as u32);
            }
        }
    }
    post
}

/// Candidate pairs `(i, j)` with `i < j` that share at least `min_rare` keys whose posting list
/// is at most `cap` long. Linear in the total length of the rare posting lists walked.
pub(crate) fn candidates(
    items: &[&[u32]],
    post: &[Vec<u32>],
    cap: usize,
    min_rare: u32,
    mut accept: impl FnMut(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut count = vec![0u32; items.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (i, ks) in items.iter().enumerate() {
        for &k in ks.iter() {
            let Some(p) = post.get(k as usize) else {
                continue;
            };
            if p.len() > cap {
                continue;
            }
            for &j in p {
                let j = j as usize;
                if j > i && accept(i, j) {
                    if count[j] == 0 {
                        touched.push(j);
                    }
                    count[j] += 1;
                }
            }
        }
        for &j in &touched {
            if count[j] >= min_rare {
                out.push((i, j));
            }
            count[j] = 0;
        }
        touched.clear();
    }
    out
}

/// The posting-list cap for `n` items of `reports` reports: a word in more places than a few
/// per report is common.
pub(crate) fn cap(n: usize, reports: usize) -> usize {
    (4 * reports).max(16).max(n / 20)
}

/// Sentence pairs of different reports that carry the same information.
pub(crate) fn align(ctx: &Ctx) -> Vec<Pair> {
    let items: Vec<&[u32]> = ctx.sents.iter().map(|s| s.keys.as_slice()).collect();
    let n_keys = ctx.vocab_len();
    let post = index(items.iter().enumerate(), n_keys);
    let cap = cap(items.len(), ctx.reports.len());
    let cands = candidates(&items, &post, cap, 1, |i, j| {
        ctx.sents[i].report != ctx.sents[j].report
    });
    let mut out = Vec::new();
    for (a, b) in cands {
        let (ka, kb) = (items[a], items[b]);
        let n = shared(ka, kb);
        if n < MIN_SHARED {
            continue;
        }
        let dice = 2.0 * n as f32 / (ka.len() + kb.len()) as f32;
        let containment = n as f32 / ka.len().min(kb.len()).max(1) as f32;
        if dice >= MIN_DICE || containment >= MIN_CONTAINMENT && ka.len().min(kb.len()) >= 4 {
            out.push(Pair {
                a,
                b,
                dice,
                containment,
            });
        }
    }
    out
}

/// The speaker matrix and each sentence's best match in every other report.
pub(crate) fn coverage(ctx: &Ctx, aligned: &[Pair]) -> Coverage {
    let n = ctx.reports.len();
    let mut rows: Vec<SpeakerRow> = Vec::new();
    let mut row_of = vec![usize::MAX; ctx.people.list.len()];
    for (r, (text, a)) in ctx.reports.iter().enumerate() {
        for q in &a.quotes {
            let Some(p) = ctx.people.of(r, q.speaker) else {
                continue;
            };
            let Some(slot) = row_of.get_mut(p) else {
                continue;
            };
            if *slot == usize::MAX {
                *slot = rows.len();
                rows.push(SpeakerRow {
                    person: p,
                    reports: vec![SpeakerCell::default(); n],
                });
            }
            if let Some(cell) = rows.get_mut(*slot).and_then(|row| row.reports.get_mut(r)) {
                cell.quotes += 1;
                cell.words += q.inner.as_str(text).split_whitespace().count();
            }
        }
    }
    let total = |row: &SpeakerRow| row.reports.iter().map(|c| c.words).sum::<usize>();
    crate::sort::by(&mut rows, |x, y| {
        total(y).cmp(&total(x)).then(x.person.cmp(&y.person))
    });

    let mut sentences: Vec<SentenceCoverage> = ctx
        .sents
        .iter()
        .map(|s| SentenceCoverage {
            report: s.report,
            span: s.span,
            matches: Vec::new(),
        })
        .collect();
    for p in aligned {
        for (x, y) in [(p.a, p.b), (p.b, p.a)] {
            let report = ctx.sents[y].report;
            let m = SentenceMatch {
                report,
                sentence: y,
                score: p.score(),
            };
            let Some(sc) = sentences.get_mut(x) else {
                continue;
            };
            match sc.matches.iter_mut().find(|m| m.report == report) {
                Some(old) if old.score < m.score => *old = m,
                Some(_) => {}
                None => sc.matches.push(m),
            }
        }
    }
    for s in &mut sentences {
        crate::sort::by_key(&mut s.matches, |m| m.report);
    }
    Coverage {
        speakers: rows,
        sentences,
    }
}
