//! crosscheck finds the direct quotations, their speakers and the disputed claims in news
//! articles, and compares several reports of the same event.
//!
//! The core is pure Rust with no browser dependency: it takes text and returns byte spans.
//! The native CLI (`src/main.rs`) and the browser layer (`web`, compiled for wasm32 only) are
//! thin shells over it.
//!
//! ```
//! let text = "Talks\n\"We will talk about land,\" Trump said.";
//! let a = crosscheck::analyze(text);
//! assert_eq!(a.quotes.len(), 1);
//! let q = &a.quotes[0];
//! assert_eq!(q.span.as_str(text), "\"We will talk about land,\"");
//! assert_eq!(a.speakers[q.speaker.unwrap()].name, "Trump");
//! ```
//!
//! Offsets are UTF-8 bytes everywhere inside Rust ([`Span`]); [`Utf16Index`] converts them for
//! JavaScript, and [`report`] is the JSON contract with both.

mod attribution;
mod claims;
mod model;
mod quotes;
mod lexicon;
mod tokens;
mod span;
mod text;

pub mod compare;
pub mod highlight;
pub mod report;
pub mod seeds;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use model::{Analysis, Claim, ClaimKind, Quote, QuoteKind, Speaker};
pub use span::{Span, Utf16Index};

/// Analyses one article: its title, paragraphs, quotations, speakers and disputed claims.
///
/// Never panics, whatever the input: unbalanced quotation marks are closed at their paragraph's
/// end, and an empty text gives an empty analysis.
pub fn analyze(text: &str) -> Analysis {
    let paragraphs = text::paragraphs(text);
    let title = text::title(text, &paragraphs);
    let found = quotes::find(text, &paragraphs);
    let toks = tokens::tokenize(text, &found);
    let qtok: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| matches!(t.kind, tokens::Kind::Quote(_)).then_some(i))
        .collect();
    let ctx = attribution::Ctx::new(text, toks);
    let statements = ctx.statements();
    let mut atts = ctx.attribute(&qtok);
    let found_claims = claims::find(&ctx);
    // Claim holders resolve to entities along with the speakers of quotations.
    let n_quotes = atts.len();
    atts.extend(found_claims.iter().map(|c| attribution::Attribution { mention: c.holder, ..Default::default() }));
    let entities = ctx.resolve(&mut atts, &statements);
    let holders = atts.split_off(n_quotes);

    // Speakers: the entities that are the source of a quotation or statement, in order of
    // first mention.
    let mut order: Vec<usize> = (0..entities.len()).filter(|&e| entities[e].speaks).collect();
    order.sort_by_key(|&e| entities[e].mentions.iter().map(|m| m.start).min().unwrap_or(usize::MAX));
    let mut index = vec![None; entities.len()];
    for (k, &e) in order.iter().enumerate() {
        index[e] = Some(k);
    }
    let speakers: Vec<Speaker> = order
        .iter()
        .map(|&e| {
            let mut mentions = entities[e].mentions.clone();
            mentions.sort();
            mentions.dedup();
            Speaker { name: entities[e].name.clone(), mentions, organisation: entities[e].organisation }
        })
        .collect();

    let quotes = found
        .iter()
        .zip(&atts)
        .enumerate()
        .map(|(i, (f, a))| {
            let words = f.inner.as_str(text).split_whitespace().count();
            let kind = if a.mention.is_none() && words <= 6 || !a.direct && ctx.is_title(qtok[i]) {
                QuoteKind::Scare
            } else if a.partial {
                QuoteKind::Partial
            } else {
                QuoteKind::Full
            };
            Quote {
                span: f.span,
                inner: f.inner,
                kind,
                speaker: a.entity.and_then(|e| index[e]),
                speaker_mention: a.mention.map(|np| ctx.span(np.start, np.end)),
                cue: a.cue.map(|(s, e)| ctx.span(s, e)),
                closed: f.closed,
            }
        })
        .collect();
    let claims = found_claims
        .iter()
        .zip(&holders)
        .map(|(c, h)| Claim {
            span: c.span,
            holder: h.entity.map(|e| entities[e].name.clone()).or_else(|| {
                h.mention.map(|np| ctx.span(np.start, np.end).as_str(text).to_string())
            }),
            marker: c.marker,
            kind: c.kind,
        })
        .collect();
    Analysis { title, paragraphs, quotes, speakers, claims }
}
