//! Disputed claims: sentences the text presents as one party's assertion (`claims`, `insists`,
//! `what it calls`), as contradicting another party (`denied`, `rejected`, `dismissed`), or as
//! unconfirmed (`reportedly`, `is said to`, `likely`). The markers are data:
//! `src/lexicon/claim_markers.txt`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::attribution::{Ctx, Np};
use crate::model::ClaimKind;
use crate::span::Span;
use crate::tokens::Kind;

/// One marker phrase: words, with `None` for a gap of up to four words (`accused … of`).
struct Marker {
    kind: ClaimKind,
    words: Vec<Option<&'static str>>,
}

/// The markers by their first word, in file order.
fn markers() -> &'static HashMap<&'static str, Vec<Marker>> {
    static M: OnceLock<HashMap<&'static str, Vec<Marker>>> = OnceLock::new();
    M.get_or_init(|| {
        let mut by_first: HashMap<&'static str, Vec<Marker>> = HashMap::default();
        let all = include_str!("lexicon/claim_markers.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (kind, phrase) = l.trim().split_once(char::is_whitespace)?;
                let kind = match kind {
                    "contested" => ClaimKind::Contested,
                    "counter" => ClaimKind::Counter,
                    "hedged" => ClaimKind::Hedged,
                    _ => return None,
                };
                let words: Vec<Option<&str>> = phrase
                    .split_whitespace()
                    .map(|w| (w != "…").then_some(w))
                    .collect();
                Some((words.first().copied().flatten()?, Marker { kind, words }))
            });
        for (first, m) in all {
            by_first.entry(first).or_default().push(m);
        }
        by_first
    })
}

/// A claim found in the text, before its holder is resolved.
pub struct Found {
    pub span: Span,
    pub marker: Span,
    pub kind: ClaimKind,
    /// Who asserts it, when the text says.
    pub holder: Option<Np>,
}

/// Tries to match marker `m` at token `i` (within `..hi`); returns the token after the match.
fn match_at(ctx: &Ctx, m: &Marker, i: usize, hi: usize) -> Option<usize> {
    let mut k = i;
    let mut w = 0;
    while w < m.words.len() {
        match m.words[w] {
            Some(word) => {
                if k >= hi || !ctx.is_word(k) || ctx.lw(k) != word {
                    return None;
                }
                k += 1;
                w += 1;
            }
            None => {
                // A gap: the next word must come within four words.
                let next = m.words.get(w + 1).copied().flatten()?;
                let found =
                    (k + 1..hi.min(k + 6)).find(|&j| ctx.is_word(j) && ctx.lw(j) == next)?;
                k = found + 1;
                w += 2;
            }
        }
    }
    Some(k)
}

/// Every disputed claim, at most one per sentence (its first marker).
pub fn find(ctx: &Ctx) -> Vec<Found> {
    let ms = markers();
    let mut out = Vec::new();
    for s in 0..ctx.sentence_count() {
        let (a, b) = ctx.sentence_range(s);
        let hit = (a..b).find_map(|i| {
            if !ctx.is_word(i) || !ctx.has(i, crate::lexicon::flag::CLAIM_START) {
                return None;
            }
            ms.get(ctx.lw(i))?
                .iter()
                .find_map(|m| match_at(ctx, m, i, b).map(|e| (i, e, m)))
        });
        let Some((i, e, m)) = hit else {
            continue;
        };
        // "was dismissed", "were rejected": a passive names no counter-claim.
        if m.kind == ClaimKind::Counter
            && i > a
            && ctx.in_list(i - 1, &["was", "were", "been", "be", "is", "are"])
        {
            continue;
        }
        let holder = if ctx.lw(i) == "according" {
            ctx.np_fwd(i + 2, b)
        } else if m.kind == ClaimKind::Hedged && ctx.verb(i).is_none() {
            // "reportedly", "is said to": the text names no holder.
            None
        } else {
            ctx.subject_of(i, a)
                .or_else(|| {
                    ctx.verb(i)
                        .and_then(|_| ctx.statement_at(i, a, b))
                        .map(|st| st.np)
                })
                // "Rejecting the conditions, Kyiv said …": the clause after the opener.
                .or_else(|| {
                    if i == a {
                        ctx.clause_subject(e, b)
                    } else {
                        ctx.clause_subject(a, i)
                    }
                })
        };
        // The sentence without its paragraph break.
        let last = (a..b)
            .rev()
            .find(|&k| !matches!(ctx.toks[k].kind, Kind::Punct('\n')))
            .map_or(a, |k| k + 1);
        let span = ctx.span(a, last);
        if span.is_empty() {
            continue;
        }
        out.push(Found {
            span,
            marker: ctx.span(i, e),
            kind: m.kind,
            holder: holder.filter(|h| h.end <= b),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{analyze, ClaimKind};

    fn claims(t: &str) -> Vec<(ClaimKind, String, Option<String>)> {
        let a = analyze(t);
        a.claims
            .iter()
            .map(|c| (c.kind, c.marker.as_str(t).to_string(), c.holder.clone()))
            .collect()
    }

    #[test]
    fn contested_markers() {
        let c = claims("Talks\nMr. Putin claims that his actions aim to protect Russia.");
        assert_eq!(
            c,
            [(ClaimKind::Contested, "claims".into(), Some("Putin".into()))]
        );
        let c = claims("Talks\nIt is denouncing what it calls a coordinated attack.");
        assert_eq!(c[0].0, ClaimKind::Contested);
        assert_eq!(c[0].1, "what it calls");
        let c = claims("Talks\nBoth sides accused one another of endangering the plant.");
        assert_eq!(c[0].1, "accused one another of");
    }

    #[test]
    fn counter_markers_and_passives() {
        let c = claims("Talks\nRussia, however, has dismissed the idea of peacekeepers.");
        assert_eq!(
            c,
            [(
                ClaimKind::Counter,
                "dismissed".into(),
                Some("Russia".into())
            )]
        );
        assert!(claims("Talks\nThe case was dismissed on Friday.").is_empty());
    }

    #[test]
    fn hedged_markers() {
        let c = claims("Talks\nPutin is said to have demands beyond Ukraine.");
        assert_eq!(c[0].0, ClaimKind::Hedged);
        assert_eq!(c[0].1, "is said to");
        let c = claims("Talks\nAccording to experts, the leader is trying to buy time.");
        assert_eq!(c[0].1, "According to experts");
        let c = claims("Talks\nHe likely referenced the nuclear plant.");
        assert_eq!(c[0].1, "likely");
    }

    #[test]
    fn markers_inside_quotations_do_not_count() {
        assert!(claims("Talks\n“They claimed it,” she said.").is_empty());
    }
}
