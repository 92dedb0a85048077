//! Quote variants: quotations of different reports that render the same utterance, their
//! majority wording, word-level diffs against it, and paraphrases in indirect speech.
//!
//! The unit of matching is one sentence of a quotation, so that a quotation one outlet splits in
//! two still meets the whole one of another, and a quotation that joins two remarks can belong
//! to two groups.

use similar::{capture_diff_slices, Algorithm, DiffOp as Op};

use super::coverage::{candidates, cap, index};
use super::words::{self, Word};
use super::{
    shared, Ctx, DiffOp, DiffPart, MajorityWord, Paraphrase, QuoteGroup, QuoteMember,
    QuoteParaphrase,
};
use crate::model::QuoteKind;
use crate::span::Span;

/// Two quoted sentences of the same speaker render the same utterance when they share at least
/// this many content words (after contractions, stems and synonyms)…
pub const SAME_SPEAKER_MIN_SHARED: usize = 2;
/// …or this many when the shorter sentence has more content words than that…
pub const SAME_SPEAKER_FULL_SHARED: usize = 3;
/// …and this share of the shorter one's content words is in the longer one.
pub const SAME_SPEAKER_MIN_CONTAINMENT: f32 = 0.5;
/// …or this many words in a row are the same, small ones too (`"we did not need to rush this"`
/// in two longer sentences that go on differently).
pub const SAME_SPEAKER_MIN_RUN: usize = 6;
/// When a speaker is unknown on either side: more shared words and a closer match.
pub const UNKNOWN_MIN_SHARED: usize = 3;
pub const UNKNOWN_MIN_CONTAINMENT: f32 = 0.6;
pub const UNKNOWN_MIN_DICE: f32 = 0.4;
/// Different speakers: only near-identical words make a group (and a `speaker` discrepancy).
pub const OTHER_MIN_SHARED: usize = 4;
pub const OTHER_MIN_CONTAINMENT: f32 = 0.75;
pub const OTHER_MIN_DICE: f32 = 0.6;
/// A sentence of indirect speech paraphrases a group when it names the group's speaker, shares
/// this many content words with the group's quotations…
pub const PARAPHRASE_MIN_SHARED: usize = 3;
/// …and this share of its own content words (besides the speaker's name), and has a reporting
/// verb outside quotation marks (`said that`, `indicated`).
pub const PARAPHRASE_MIN_SCORE: f32 = 0.35;

/// One sentence of one quotation.
struct Unit {
    report: usize,
    quote: usize,
    span: Span,
    words: Vec<Word>,
    /// The words' lower-case forms as numbers (one per distinct form), for runs of words.
    ids: Vec<u32>,
    /// Hashes of its runs of `SAME_SPEAKER_MIN_RUN` words, sorted.
    grams: Vec<u64>,
    keys: Vec<u32>,
    person: Option<usize>,
    /// The quotation stands as a full sentence (not a partial one inside the reporter's).
    full: bool,
    /// The quotation is a partial one of a single word (`"malarkey"`), or of a few words with
    /// one content word (`"has to end"`).
    one_word: bool,
}

fn units(ctx: &mut Ctx) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut forms: rustc_hash::FxHashMap<String, u32> = Default::default();
    for (r, (text, a)) in ctx.reports.iter().enumerate() {
        for (qi, q) in a.quotes.iter().enumerate() {
            if q.kind == QuoteKind::Scare {
                continue;
            }
            let person = ctx.people.of(r, q.speaker);
            // "both Ann Lee and Tom Reyes called it …": the quotation is the words of both.
            let partner = q
                .speaker_mention
                .and_then(|m| partner(text, a, m, q.speaker))
                .and_then(|s| ctx.people.of(r, Some(s)))
                .filter(|&p| Some(p) != person);
            // A partial quotation of one word, or of up to three with one content word ("has
            // to end").
            let n_words = q.inner.as_str(text).split_whitespace().count();
            let one_word = q.kind == QuoteKind::Partial && n_words <= 3;
            for span in words::sentences(text, q.inner) {
                let ws = words::words(text, span);
                let keys = ctx.vocab.keys(&ws);
                let keys_len = keys.len();
                if keys.is_empty() {
                    continue;
                }
                let ids: Vec<u32> = ws
                    .iter()
                    .map(|w| match forms.get(&w.lower) {
                        Some(&id) => id,
                        None => {
                            let id = forms.len() as u32;
                            forms.insert(w.lower.clone(), id);
                            id
                        }
                    })
                    .collect();
                let grams = grams(&ids);
                let unit = Unit {
                    report: r,
                    quote: qi,
                    span,
                    words: ws,
                    ids,
                    grams,
                    keys,
                    person,
                    full: q.kind == QuoteKind::Full,
                    one_word: one_word && (n_words == 1 || keys_len == 1),
                };
                if partner.is_some() {
                    out.push(Unit {
                        person: partner,
                        words: unit.words.clone(),
                        ids: unit.ids.clone(),
                        grams: unit.grams.clone(),
                        keys: unit.keys.clone(),
                        ..unit
                    });
                }
                out.push(unit);
            }
        }
    }
    out
}

/// The other speaker of a quotation whose speaker is named together with another one by `and`
/// (`both Ann Lee and Reyes called it`, `Reyes and Ann Lee said`): a speaker of the report
/// whose name ends with the word on the other side of `and`, when exactly one does.
fn partner(
    text: &str,
    a: &crate::Analysis,
    mention: Span,
    speaker: Option<usize>,
) -> Option<usize> {
    let before = text.get(..mention.start)?.trim_end();
    let after = text.get(mention.end..)?.trim_start();
    let other = if let Some(rest) = before.strip_suffix(" and") {
        rest.split_whitespace().next_back()
    } else if let Some(rest) = after.strip_prefix("and ") {
        // The name runs to its last capitalised word.
        rest.split_whitespace()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .last()
    } else {
        None
    }?;
    let other = other
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches("’s")
        .trim_end_matches("'s");
    if !other.starts_with(char::is_uppercase) {
        return None;
    }
    let mut found = a.speakers.iter().enumerate().filter(|&(i, sp)| {
        Some(i) != speaker
            && !sp.organisation
            && sp.name.split_whitespace().next_back() == Some(other)
    });
    let (i, _) = found.next()?;
    found.next().is_none().then_some(i)
}

/// Whether two quoted sentences render the same utterance.
///
/// Shared content words decide, never a single one: with the same speaker, two shared words
/// suffice only when the shorter sentence has no more than two (`"act of hate"` in `"an act of
/// terror and an act of hate"`), otherwise three; a one-word partial quotation (`"malarkey"`)
/// joins a longer one of its speaker that has the word; six words in a row in both make one
/// utterance whatever follows. When a speaker is unknown on one side,
/// the words must match more closely, or be the same words (`"without merit"` in both). Two
/// different named speakers need near-identical words (and then the comparison reports the
/// disagreement).
fn same_utterance(a: &Unit, b: &Unit) -> bool {
    let n = shared(&a.keys, &b.keys);
    let (la, lb) = (a.keys.len(), b.keys.len());
    let min = la.min(lb).max(1);
    let containment = n as f32 / min as f32;
    let dice = 2.0 * n as f32 / (la + lb).max(1) as f32;
    match (a.person, b.person) {
        (Some(x), Some(y)) if x == y => {
            let one_word = (a.one_word || b.one_word) && n == 1 && min == 1;
            // A short partial quotation (up to three content words), copied from the
            // remark, has a few of its words in a row in the other sentence: "act of hate" is
            // in "an act of terror and an act of hate", not in "the act of hatred and terror".
            let short = if la <= lb { a } else { b };
            let in_order = min > SAME_SPEAKER_FULL_SHARED
                || short.full
                || common_run(&a.ids, &b.ids) >= short.words.len().min(3);
            one_word
                || n >= SAME_SPEAKER_MIN_SHARED.max(min.min(SAME_SPEAKER_FULL_SHARED))
                    && containment >= SAME_SPEAKER_MIN_CONTAINMENT
                    && in_order
                || n >= 1 && shared_gram(&a.grams, &b.grams)
        }
        (Some(_), Some(_)) => {
            n >= OTHER_MIN_SHARED && containment >= OTHER_MIN_CONTAINMENT && dice >= OTHER_MIN_DICE
        }
        _ => {
            n >= UNKNOWN_MIN_SHARED
                && containment >= UNKNOWN_MIN_CONTAINMENT
                && dice >= UNKNOWN_MIN_DICE
                || a.words.len() >= 2 && same_words(&a.words, &b.words)
        }
    }
}

/// The same words in the same order (lower case, contractions expanded).
fn same_words(a: &[Word], b: &[Word]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.lower == y.lower)
}

/// How closely two quoted sentences match: the share of the shorter one's content words in the
/// longer one, then the Dice coefficient.
fn closeness(a: &Unit, b: &Unit) -> (f32, f32) {
    let n = shared(&a.keys, &b.keys) as f32;
    let (la, lb) = (a.keys.len(), b.keys.len());
    (
        n / la.min(lb).max(1) as f32,
        2.0 * n / (la + lb).max(1) as f32,
    )
}

/// Whether two clusters may join without holding two different utterances of one report: two
/// sentences of different quotations of one report stay in one group only when one repeats the
/// other, a partial one nearly all of whose words are in a full one or two full ones with the
/// same words (a report that quotes "I went way too far." and later "I went too far." quotes two
/// remarks). Consecutive quotations of one speaker may be parts of one remark, two partial
/// quotations fragments of one sentence; one-word ones are judged apart.
fn consistent(units: &[Unit], a: &[usize], b: &[usize]) -> bool {
    // Only units of one report can clash: pair them up by report.
    let by_report = |c: &[usize]| {
        let mut v: Vec<(usize, usize)> = c.iter().map(|&u| (units[u].report, u)).collect();
        crate::sort::sort(&mut v);
        v
    };
    let (ra, rb) = (by_report(a), by_report(b));
    let (mut i, mut j) = (0, 0);
    while i < ra.len() && j < rb.len() {
        match ra[i].0.cmp(&rb[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let r = ra[i].0;
                let j0 = j;
                while i < ra.len() && ra[i].0 == r {
                    j = j0;
                    while j < rb.len() && rb[j].0 == r {
                        if !compatible(&units[ra[i].1], &units[rb[j].1]) {
                            return false;
                        }
                        j += 1;
                    }
                    i += 1;
                }
            }
        }
    }
    true
}

/// Whether two units of one report may stand in one group (see `consistent`).
fn compatible(u: &Unit, v: &Unit) -> bool {
    if u.quote == v.quote || u.one_word || v.one_word {
        return true;
    }
    // `"A," she said. "B."`: one remark quoted in two parts.
    if u.quote.abs_diff(v.quote) == 1 && u.person.is_some() && u.person == v.person {
        return true;
    }
    match (u.full, v.full) {
        (true, true) => u.ids == v.ids,
        (false, false) => true,
        (true, false) => repeated(v, u),
        (false, true) => repeated(u, v),
    }
}

/// Whether a partial quotation repeats words of a full one of its report: nearly all its words,
/// small ones too, are in the full one (a writer repeats a quotation word for word).
fn repeated(part: &Unit, full: &Unit) -> bool {
    let found = part.ids.iter().filter(|w| full.ids.contains(w)).count();
    found * 5 >= part.ids.len() * 4
}

/// Whether `part`'s words stand in `whole` one after the other.
fn has_phrase(whole: &[u32], part: &[u32]) -> bool {
    !part.is_empty() && whole.windows(part.len()).any(|win| win == part)
}

/// The hashed runs of `SAME_SPEAKER_MIN_RUN` words of a sentence, sorted.
fn grams(ids: &[u32]) -> Vec<u64> {
    let mut out: Vec<u64> = ids
        .windows(SAME_SPEAKER_MIN_RUN)
        .map(|w| {
            w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &x| {
                (h ^ x as u64).wrapping_mul(0x0100_0000_01b3)
            })
        })
        .collect();
    crate::sort::sort(&mut out);
    out.dedup();
    out
}

/// Whether two sorted lists share an element.
fn shared_gram(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The length of the longest run of the same words in both.
fn common_run(a: &[u32], b: &[u32]) -> usize {
    let mut best = 0;
    let mut prev = vec![0u16; b.len() + 1];
    let mut cur = vec![0u16; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j].saturating_add(1) } else { 0 };
            best = best.max(cur[j + 1]);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best as usize
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Groups the quotations of all reports that render the same utterance.
pub(crate) fn group(ctx: &mut Ctx) -> Vec<QuoteGroup> {
    let units = units(ctx);
    let items: Vec<&[u32]> = units.iter().map(|u| u.keys.as_slice()).collect();
    let n_keys = items
        .iter()
        .flat_map(|k| k.iter())
        .max()
        .map_or(0, |&m| m as usize + 1);
    let post = index(items.iter().enumerate(), n_keys);
    // Blocking: same speaker, or a shared rare word (the index); a one-word quotation only
    // meets quotations of its own speaker.
    let cap = cap(items.len(), ctx.reports.len());
    let cands = candidates(&items, &post, cap, 1, |i, j| {
        units[i].report != units[j].report
    });
    let mut parent: Vec<usize> = (0..units.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..units.len()).map(|i| vec![i]).collect();
    // Links of a one-word quotation are taken last, and only when they all lead to one
    // utterance, or those that have its words in its order do: "ridiculous" said of two
    // different remarks joins neither.
    let mut one_word_links: Vec<(usize, usize)> = Vec::new();
    let mut links: Vec<(f32, f32, usize, usize)> = Vec::new();
    for (i, j) in cands {
        if same_utterance(&units[i], &units[j]) {
            if units[i].one_word || units[j].one_word {
                let (w, other) = if units[i].one_word { (i, j) } else { (j, i) };
                one_word_links.push((w, other));
            } else {
                let (containment, dice) = closeness(&units[i], &units[j]);
                links.push((containment, dice, i, j));
            }
        }
    }
    // The closest renderings meet first; a link that would put two different utterances of
    // one report into one group is dropped (`"I went way too far."` and, later, `"I went too
    // far."`: each joins the other reports' rendering closest to it).
    crate::sort::by(&mut links, |a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then((a.2, a.3).cmp(&(b.2, b.3)))
    });
    // Clusters found apart stay apart (a cluster only grows): each pair is judged once.
    let mut apart: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
    for &(_, _, i, j) in &links {
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        if a == b || apart.contains(&(a.min(b), a.max(b))) {
            continue;
        }
        if !consistent(&units, &members[a], &members[b]) {
            apart.insert((a.min(b), a.max(b)));
            continue;
        }
        let (root, other) = (a.min(b), a.max(b));
        parent[other] = root;
        let moved = std::mem::take(&mut members[other]);
        members[root].extend(moved);
    }
    let union = |parent: &mut Vec<usize>, i: usize, j: usize| {
        let (a, b) = (find(parent, i), find(parent, j));
        if a != b {
            parent[b.max(a)] = a.min(b);
        }
    };
    crate::sort::sort(&mut one_word_links);
    for chunk in one_word_links.chunk_by(|a, b| a.0 == b.0) {
        let w = chunk[0].0;
        let mut roots: Vec<usize> = chunk.iter().map(|&(_, o)| find(&mut parent, o)).collect();
        crate::sort::sort(&mut roots);
        roots.dedup();
        if roots.len() > 1 {
            // Of several, the utterances that have its words in its order ("has to end" in
            // "and it has to end", not in "will be ended").
            roots = chunk
                .iter()
                .filter(|&&(_, o)| has_phrase(&units[o].ids, &units[w].ids))
                .map(|&(_, o)| find(&mut parent, o))
                .collect();
            crate::sort::sort(&mut roots);
            roots.dedup();
        }
        if roots.len() == 1 {
            union(&mut parent, w, roots[0]);
        }
    }
    // Units by their root, roots ascending, units in order within each (a B-tree map's order).
    let mut by_root: Vec<(usize, usize)> = (0..units.len())
        .map(|i| (find(&mut parent, i), i))
        .collect();
    crate::sort::by_key(&mut by_root, |&(root, _)| root);
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (k, &(root, i)) in by_root.iter().enumerate() {
        if k > 0 && by_root[k - 1].0 == root {
            if let Some(last) = clusters.last_mut() {
                last.push(i);
            }
        } else {
            clusters.push(vec![i]);
        }
    }
    let clusters = merge_neighbours(&units, clusters);
    let mut groups = Vec::new();
    for members in clusters {
        let mut reports: Vec<usize> = members.iter().map(|&u| units[u].report).collect();
        crate::sort::sort(&mut reports);
        reports.dedup();
        if reports.len() < 2 {
            continue;
        }
        groups.push(build(ctx, &units, &members, &reports));
    }
    groups
}

/// Joins clusters that are parts of one remark: in at least two reports both come from the same
/// quotation, and in more than two thirds of the reports they share both come from the same or
/// from consecutive quotations of one speaker. So `A. B.` quoted whole by two outlets and as
/// `A.` … `B.` by a third is one group, while remarks that only one outlet runs together stay
/// apart (they share a quotation in one report only).
fn merge_neighbours(units: &[Unit], mut clusters: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let quotes_in = |c: &[usize], r: usize| -> Vec<(usize, Option<usize>)> {
        c.iter()
            .filter(|&&u| units[u].report == r)
            .map(|&u| (units[u].quote, units[u].person))
            .collect()
    };
    let reports_of = |c: &[usize]| -> Vec<usize> {
        let mut rs: Vec<usize> = c.iter().map(|&u| units[u].report).collect();
        crate::sort::sort(&mut rs);
        rs.dedup();
        rs
    };
    loop {
        let mut merged = false;
        'outer: for i in 0..clusters.len() {
            let ri = reports_of(&clusters[i]);
            if ri.len() < 2 {
                continue;
            }
            for j in i + 1..clusters.len() {
                let rj = reports_of(&clusters[j]);
                let common: Vec<usize> = ri.iter().copied().filter(|r| rj.contains(r)).collect();
                if common.len() < 2 {
                    continue;
                }
                let (mut same, mut near) = (0, 0);
                for &r in &common {
                    let (a, b) = (quotes_in(&clusters[i], r), quotes_in(&clusters[j], r));
                    if a.iter().any(|&(qa, _)| b.iter().any(|&(qb, _)| qa == qb)) {
                        same += 1;
                        near += 1;
                    } else if a.iter().any(|&(qa, pa)| {
                        b.iter()
                            .any(|&(qb, pb)| pa.is_some() && pa == pb && qa.abs_diff(qb) == 1)
                    }) {
                        near += 1;
                    }
                }
                if same >= 2 && near * 3 > common.len() * 2 {
                    let moved = std::mem::take(&mut clusters[j]);
                    clusters[i].extend(moved);
                    clusters.remove(j);
                    merged = true;
                    break 'outer;
                }
            }
        }
        if !merged {
            return clusters;
        }
    }
}

/// The member of each report, the majority wording and the diffs.
fn build(ctx: &Ctx, units: &[Unit], cluster: &[usize], reports: &[usize]) -> QuoteGroup {
    struct M<'u> {
        report: usize,
        units: Vec<&'u Unit>,
        words: Vec<&'u Word>,
        keys: Vec<u32>,
        lower: Vec<&'u str>,
    }
    let ms: Vec<M> = reports
        .iter()
        .map(|&r| {
            let mut us: Vec<&Unit> = cluster
                .iter()
                .map(|&u| &units[u])
                .filter(|u| u.report == r)
                .collect();
            crate::sort::by_key(&mut us, |u| u.span.start);
            // A quotation of two speakers has a unit for each.
            us.dedup_by_key(|u| u.span);
            let words: Vec<&Word> = us.iter().flat_map(|u| u.words.iter()).collect();
            let mut keys: Vec<u32> = us.iter().flat_map(|u| u.keys.iter().copied()).collect();
            crate::sort::sort(&mut keys);
            keys.dedup();
            let lower = words.iter().map(|w| w.lower.as_str()).collect();
            M {
                report: r,
                units: us,
                words,
                keys,
                lower,
            }
        })
        .collect();
    // The medoid: the member most like all others.
    let closeness = |i: usize, ms: &[M]| -> f32 {
        ms.iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, m)| {
                2.0 * shared(&ms[i].keys, &m.keys) as f32
                    / (ms[i].keys.len() + m.keys.len()).max(1) as f32
            })
            .sum()
    };
    let base = (0..ms.len())
        .max_by(|&a, &b| {
            closeness(a, &ms)
                .total_cmp(&closeness(b, &ms))
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    let mut support = vec![1usize; ms.get(base).map_or(0, |m| m.lower.len())];
    let mut diffs: Vec<Vec<Op>> = Vec::with_capacity(ms.len());
    for m in &ms {
        let ops = capture_diff_slices(Algorithm::Myers, &ms[base].lower, &m.lower);
        if m.report != ms[base].report {
            for op in &ops {
                if let Op::Equal { old_index, len, .. } = *op {
                    for s in support.iter_mut().skip(old_index).take(len) {
                        *s += 1;
                    }
                }
            }
        }
        diffs.push(ops);
    }
    let base_text = ctx.text(ms[base].report);
    let mut majority: Vec<MajorityWord> = Vec::new();
    let mut last_span = None;
    for (w, &s) in ms[base].words.iter().zip(&support) {
        if last_span == Some(w.span) {
            if let Some(m) = majority.last_mut() {
                m.support = m.support.min(s);
            }
            continue;
        }
        last_span = Some(w.span);
        majority.push(MajorityWord {
            word: w.span.as_str(base_text).to_string(),
            support: s,
        });
    }

    let mut persons: Vec<Option<usize>> = Vec::new();
    let mut members = Vec::new();
    let base_words: Vec<&Word> = ms[base].words.clone();
    for (m, ops) in ms.iter().zip(&diffs) {
        let text = ctx.text(m.report);
        let mut parts: Vec<DiffPart> = Vec::new();
        for op in ops {
            match *op {
                Op::Equal { new_index, len, .. } => {
                    push_member(&mut parts, text, &m.words, new_index, len, DiffOp::Same)
                }
                Op::Delete {
                    old_index, old_len, ..
                } => push_missing(&mut parts, base_text, &base_words, old_index, old_len),
                Op::Insert {
                    new_index, new_len, ..
                } => push_member(
                    &mut parts,
                    text,
                    &m.words,
                    new_index,
                    new_len,
                    DiffOp::Extra,
                ),
                Op::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    push_missing(&mut parts, base_text, &base_words, old_index, old_len);
                    push_member(
                        &mut parts,
                        text,
                        &m.words,
                        new_index,
                        new_len,
                        DiffOp::Extra,
                    );
                }
            }
        }
        let mut qs: Vec<usize> = m.units.iter().map(|u| u.quote).collect();
        qs.dedup();
        let person = majority_of(m.units.iter().map(|u| u.person));
        persons.push(person);
        members.push(QuoteMember {
            report: m.report,
            quotes: qs,
            spans: m.units.iter().map(|u| u.span).collect(),
            person,
            diff: parts,
        });
    }
    let person = majority_of(persons.into_iter());
    let exclude: Vec<(usize, Span)> = members
        .iter()
        .flat_map(|m| m.spans.iter().map(move |&s| (m.report, s)))
        .collect();
    let keys: Vec<u32> = ms.iter().flat_map(|m| m.keys.iter().copied()).collect();
    let paraphrases = person
        .map(|p| paraphrases(ctx, p, &exclude, &keys))
        .unwrap_or_default();
    QuoteGroup {
        person,
        members,
        majority,
        paraphrases,
    }
}

/// Paraphrases in other reports of the attributed quotations that no group holds.
pub(crate) fn lone_paraphrases(ctx: &mut Ctx, groups: &[QuoteGroup]) -> Vec<QuoteParaphrase> {
    // With one report there is no other report to hold a paraphrase.
    if ctx.reports.len() < 2 {
        return Vec::new();
    }
    let units = units(ctx);
    let in_groups: rustc_hash::FxHashSet<(usize, usize)> = groups
        .iter()
        .flat_map(|g| g.members.iter())
        .flat_map(|m| m.quotes.iter().map(move |&q| (m.report, q)))
        .collect();
    let grouped = |r: usize, q: usize| in_groups.contains(&(r, q));
    let mut out = Vec::new();
    let mut k = 0;
    while k < units.len() {
        let (r, q) = (units[k].report, units[k].quote);
        let mut end = k;
        while end < units.len() && units[end].report == r && units[end].quote == q {
            end += 1;
        }
        let quote_units = &units[k..end];
        k = end;
        let Some(p) = quote_units[0].person else {
            continue;
        };
        if grouped(r, q) {
            continue;
        }
        let keys: Vec<u32> = quote_units
            .iter()
            .flat_map(|u| u.keys.iter().copied())
            .collect();
        let exclude: Vec<(usize, Span)> = quote_units.iter().map(|u| (r, u.span)).collect();
        for para in paraphrases(ctx, p, &exclude, &keys) {
            if para.report != r {
                out.push(QuoteParaphrase {
                    report: r,
                    quote: q,
                    paraphrase: para,
                });
            }
        }
    }
    out
}

/// The most frequent known value (ties: the first).
fn majority_of(it: impl Iterator<Item = Option<usize>>) -> Option<usize> {
    let vals: Vec<usize> = it.flatten().collect();
    let mut best: Option<(usize, usize)> = None;
    for &v in &vals {
        let c = vals.iter().filter(|&&x| x == v).count();
        if best.is_none_or(|(_, bc)| c > bc) {
            best = Some((v, c));
        }
    }
    best.map(|(v, _)| v)
}

/// Appends the member's words `from..from + len` as `op`, one part per run of adjacent words.
fn push_member(
    parts: &mut Vec<DiffPart>,
    text: &str,
    ws: &[&Word],
    from: usize,
    len: usize,
    op: DiffOp,
) {
    for w in ws.iter().skip(from).take(len) {
        if let Some(last) = parts.last_mut() {
            if last.op == op {
                if let Some(ls) = last.span {
                    if ls.end >= w.span.end && ls.start <= w.span.start {
                        continue; // the second half of an expanded contraction
                    }
                    let gap = Span::new(ls.end, w.span.start).as_str(text);
                    if ls.end <= w.span.start
                        && gap.len() <= 4
                        && !gap.chars().any(char::is_alphanumeric)
                    {
                        let span = Span::new(ls.start, w.span.end);
                        last.span = Some(span);
                        last.text = span.as_str(text).to_string();
                        continue;
                    }
                }
            }
        }
        parts.push(DiffPart {
            op,
            text: w.span.as_str(text).to_string(),
            span: Some(w.span),
        });
    }
}

fn push_missing(
    parts: &mut Vec<DiffPart>,
    base_text: &str,
    base: &[&Word],
    from: usize,
    len: usize,
) {
    let mut last = None;
    for w in base.iter().skip(from).take(len) {
        if last == Some(w.span) {
            continue;
        }
        last = Some(w.span);
        let t = w.span.as_str(base_text);
        match parts.last_mut() {
            Some(p) if p.op == DiffOp::Missing => {
                p.text.push(' ');
                p.text.push_str(t);
            }
            _ => parts.push(DiffPart {
                op: DiffOp::Missing,
                text: t.to_string(),
                span: None,
            }),
        }
    }
}

/// Sentences that name `p` and report the content of quotations with `keys` without quoting
/// them; sentences overlapping `exclude` (the quotations themselves) are not candidates.
fn paraphrases(ctx: &Ctx, p: usize, exclude: &[(usize, Span)], keys: &[u32]) -> Vec<Paraphrase> {
    let mut group_keys = keys.to_vec();
    crate::sort::sort(&mut group_keys);
    group_keys.dedup();
    // The group's own spans, sorted, so that each candidate is checked by binary search.
    let mut ex: Vec<(usize, Span)> = exclude.to_vec();
    crate::sort::by_key(&mut ex, |&(r, sp)| (r, sp.start));
    let mut out = Vec::new();
    let cands = ctx.paraphrase_candidates(p, |p| person_candidates(ctx, p));
    for (i, own) in cands.iter() {
        let s = &ctx.sents[*i];
        let k = ex.partition_point(|&(r, sp)| (r, sp.start) < (s.report, s.span.end));
        let member_here = ex[..k]
            .iter()
            .rev()
            .take(8)
            .any(|&(r, sp)| r == s.report && sp.overlaps(s.span));
        if member_here {
            continue;
        }
        let n = shared(own, &group_keys);
        let score = n as f32 / own.len().max(1) as f32;
        if n >= PARAPHRASE_MIN_SHARED && score >= PARAPHRASE_MIN_SCORE {
            out.push(Paraphrase {
                report: s.report,
                span: s.span,
                score,
            });
        }
    }
    out
}

/// The sentences that may paraphrase person `p`: they mention the person, are not mostly a
/// quotation and report speech (`says`), each with its content words minus the person's name.
/// Computed once per person (see [`Ctx::paraphrase_candidates`]).
fn person_candidates(ctx: &Ctx, p: usize) -> Vec<(usize, Vec<u32>)> {
    let Some(person) = ctx.people.list.get(p) else {
        return Vec::new();
    };
    // Sentences that mention the person, found through the speakers' mentions.
    let mut cand: Vec<usize> = Vec::new();
    for &(r, s) in &person.speakers {
        let Some(sp) = ctx.reports.get(r).and_then(|(_, a)| a.speakers.get(s)) else {
            continue;
        };
        for m in &sp.mentions {
            if let Some(i) = ctx.sentence_at(r, m.start) {
                cand.push(i);
            }
        }
    }
    crate::sort::sort(&mut cand);
    cand.dedup();
    let name_words: Vec<String> = person
        .name
        .split_whitespace()
        .map(|w| words::key_of(&w.to_lowercase()))
        .collect();
    let mut out = Vec::new();
    for i in cand {
        let Some(s) = ctx.sents.get(i) else {
            continue;
        };
        if ctx.mostly_quote.get(i).copied().unwrap_or(false) || !super::facts::says(ctx, i) {
            continue;
        }
        let mut own: Vec<u32> = s
            .words
            .iter()
            .filter(|w| w.is_content() && !name_words.contains(&w.key))
            .filter_map(|w| ctx.vocab.get(&w.key))
            .collect();
        crate::sort::sort(&mut own);
        own.dedup();
        out.push((i, own));
    }
    out
}
