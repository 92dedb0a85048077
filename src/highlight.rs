//! A flat, balanced stream of highlight events over a stretch of text, in the manner of
//! tree-sitter-highlight: `Start(h)`, `Source(span)`, `End`. Renderers (the terminal, the page)
//! walk it with a stack; partially overlapping highlights are split so the stream always nests.

use crate::model::{Analysis, ClaimKind, QuoteKind};
use crate::span::Span;

/// What a highlighted stretch is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// A quotation (index into `Analysis::quotes`).
    Quote(usize, QuoteKind),
    /// The words naming a quotation's speaker (index of the quotation).
    Speaker(usize),
    /// A reporting verb or phrase (index of the quotation).
    Cue(usize),
    /// A disputed claim (index into `Analysis::claims`).
    Claim(usize, ClaimKind),
    /// The words that mark a claim as disputed (index of the claim).
    Marker(usize),
}

impl Mark {
    /// The `data-kind` name of the mark on the page.
    pub fn name(self) -> &'static str {
        match self {
            Mark::Quote(..) => "quote",
            Mark::Speaker(_) => "speaker",
            Mark::Cue(_) => "cue",
            Mark::Claim(..) => "claim",
            Mark::Marker(_) => "marker",
        }
    }

    /// Wider marks open first when two start together; claims are the widest.
    fn rank(self) -> u8 {
        match self {
            Mark::Claim(..) => 0,
            Mark::Quote(..) => 1,
            Mark::Speaker(_) | Mark::Cue(_) | Mark::Marker(_) => 2,
        }
    }
}

/// One event of the stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A highlight opens.
    Start(Mark),
    /// Text between marks.
    Source(Span),
    /// The innermost open highlight closes.
    End,
}

/// The highlights of one analysis, sorted by start, ready for [`events`] on any stretch of the
/// text in time proportional to what that stretch holds.
#[derive(Clone, Debug, Default)]
pub struct Marks {
    list: Vec<(Span, Mark)>,
    /// `max_end[i]`: the largest end among `list[..=i]` (non-decreasing, so searchable).
    max_end: Vec<usize>,
}

impl From<Vec<(Span, Mark)>> for Marks {
    fn from(mut list: Vec<(Span, Mark)>) -> Marks {
        list.retain(|(s, _)| !s.is_empty());
        crate::sort::by_key(&mut list, |(s, m)| {
            (s.start, std::cmp::Reverse(s.end), m.rank())
        });
        let mut max_end = Vec::with_capacity(list.len());
        let mut m = 0;
        for (s, _) in &list {
            m = m.max(s.end);
            max_end.push(m);
        }
        Marks { list, max_end }
    }
}

impl std::ops::Deref for Marks {
    type Target = [(Span, Mark)];
    fn deref(&self) -> &[(Span, Mark)] {
        &self.list
    }
}

impl Marks {
    /// The marks that overlap `range`, in order.
    fn overlapping(&self, range: Span) -> impl Iterator<Item = &(Span, Mark)> {
        let lo = self.max_end.partition_point(|&e| e <= range.start);
        let hi = self.list.partition_point(|(s, _)| s.start < range.end);
        self.list[lo..hi.max(lo)]
            .iter()
            .filter(move |(s, _)| s.overlaps(range))
    }
}

/// Every highlight of an analysis.
pub fn marks(a: &Analysis) -> Marks {
    let mut out = Vec::new();
    for (i, q) in a.quotes.iter().enumerate() {
        out.push((q.span, Mark::Quote(i, q.kind)));
        if let Some(m) = q.speaker_mention {
            out.push((m, Mark::Speaker(i)));
        }
        if let Some(c) = q.cue {
            out.push((c, Mark::Cue(i)));
        }
    }
    for (i, c) in a.claims.iter().enumerate() {
        out.push((c.span, Mark::Claim(i, c.kind)));
        out.push((c.marker, Mark::Marker(i)));
    }
    // Two quotations attributed to one mention mark it once.
    let mut seen = rustc_hash::FxHashSet::default();
    out.retain(|(s, m)| seen.insert((*s, m.name())));
    Marks::from(out)
}

/// The balanced event stream for the text in `range` (only the parts of marks inside it count).
pub fn events(range: Span, marks: &Marks) -> Vec<Event> {
    let inside: Vec<(Span, Mark)> = marks
        .overlapping(range)
        .map(|&(s, m)| (Span::new(s.start.max(range.start), s.end.min(range.end)), m))
        .collect();
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for (s, _) in &inside {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    crate::sort::sort(&mut cuts);
    cuts.dedup();

    let mut out = Vec::new();
    let mut open: Vec<Mark> = Vec::new();
    // A sweep: `active` holds the marks covering the current segment (few at a time).
    let mut next = 0;
    let mut active: Vec<(Span, Mark)> = Vec::new();
    for w in cuts.windows(2) {
        let seg = Span::new(w[0], w[1]);
        while next < inside.len() && inside[next].0.start <= seg.start {
            active.push(inside[next]);
            next += 1;
        }
        active.retain(|(s, _)| s.contains(seg));
        // Widest (earliest start, then longest, then rank) first.
        crate::sort::by_key(&mut active, |(s, m)| {
            (s.start, std::cmp::Reverse(s.end), m.rank())
        });
        let want: Vec<Mark> = active.iter().map(|&(_, m)| m).collect();
        let keep = open.iter().zip(&want).take_while(|(a, b)| a == b).count();
        for _ in keep..open.len() {
            out.push(Event::End);
        }
        open.truncate(keep);
        for &m in &want[keep..] {
            out.push(Event::Start(m));
            open.push(m);
        }
        out.push(Event::Source(seg));
    }
    out.extend(open.iter().map(|_| Event::End));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn balanced(ev: &[Event]) -> bool {
        let mut depth = 0i32;
        for e in ev {
            match e {
                Event::Start(_) => depth += 1,
                Event::End => depth -= 1,
                Event::Source(_) => {}
            }
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    #[test]
    fn partial_overlaps_are_split_and_balanced() {
        let marks = [
            (Span::new(2, 8), Mark::Quote(0, QuoteKind::Full)),
            (Span::new(5, 12), Mark::Claim(0, ClaimKind::Hedged)),
        ];
        let ev = events(Span::new(0, 14), &Marks::from(marks.to_vec()));
        assert!(balanced(&ev));
        let text: Vec<Span> = ev
            .iter()
            .filter_map(|e| {
                if let Event::Source(s) = e {
                    Some(*s)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(
            text,
            [
                Span::new(0, 2),
                Span::new(2, 5),
                Span::new(5, 8),
                Span::new(8, 12),
                Span::new(12, 14)
            ]
        );
        // Both marks are open over 5..8.
        let i = ev
            .iter()
            .position(|e| *e == Event::Source(Span::new(5, 8)))
            .unwrap();
        assert!(
            ev[..i]
                .iter()
                .filter(|e| matches!(e, Event::Start(_)))
                .count()
                >= 2
        );
    }

    #[test]
    fn marks_outside_the_range_are_clipped() {
        let marks = [(Span::new(0, 10), Mark::Quote(0, QuoteKind::Full))];
        let ev = events(Span::new(4, 6), &Marks::from(marks.to_vec()));
        assert_eq!(
            ev,
            [
                Event::Start(marks[0].1),
                Event::Source(Span::new(4, 6)),
                Event::End
            ]
        );
    }
}
