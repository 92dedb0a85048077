//! The result of analysing one article: quotations, speakers and disputed claims as byte spans.

use serde::Serialize;

use crate::span::Span;

/// What the core found in one article. All offsets are UTF-8 bytes into the analysed text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Analysis {
    /// The headline: the first line that reads like one (boilerplate such as "Advertisement"
    /// is skipped), or `None` for an empty text.
    pub title: Option<Span>,
    /// Every non-blank line, in order, without its line break.
    pub paragraphs: Vec<Span>,
    /// Direct quotations in text order.
    pub quotes: Vec<Quote>,
    /// People and organisations that are sources of statements, in order of first mention.
    pub speakers: Vec<Speaker>,
    /// Claims the text presents as contested, countered or hedged, in text order.
    pub claims: Vec<Claim>,
}

/// How a quotation sits in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// One or more sentences of speech.
    Full,
    /// Quoted words inside the reporter's own sentence.
    Partial,
    /// A term in quotation marks that nobody is reported as saying.
    Scare,
}

impl QuoteKind {
    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

/// One direct quotation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included. A quotation over several
    /// paragraphs is one span; an unclosed one ends at its paragraph's end.
    pub span: Span,
    /// The quoted words without the outer marks.
    pub inner: Span,
    pub kind: QuoteKind,
    /// Index into [`Analysis::speakers`] of the canonical speaker.
    pub speaker: Option<usize>,
    /// The words that attribute the quotation where it stands: a name, a pronoun, a description.
    pub speaker_mention: Option<Span>,
    /// The reporting verb or phrase (`said`, `told reporters`, `according to`, a colon).
    pub cue: Option<Span>,
    /// False when the closing mark is missing and the quotation was cut at its paragraph's end.
    pub closed: bool,
}

/// A person or organisation quoted in the article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Speaker {
    /// The canonical name: the fullest form used in the article (`Donald Trump`).
    pub name: String,
    /// Every mention that refers to this speaker, in text order.
    pub mentions: Vec<Span>,
    /// True for organisations (`the Kremlin`), false for people.
    pub organisation: bool,
}

/// How the text frames a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A party's assertion marked as such (`claims`, `insists`, `what it calls`).
    Contested,
    /// A claim that contradicts another party's (`denied`, `rejected`, `dismissed`).
    Counter,
    /// Reported with hedging or an unnamed source (`reportedly`, `is said to`, `likely`).
    Hedged,
}

impl ClaimKind {
    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Contested => "contested",
            ClaimKind::Counter => "counter",
            ClaimKind::Hedged => "hedged",
        }
    }
}

/// A disputed claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// The clause or sentence that carries the claim.
    pub span: Span,
    /// Who asserts it, as a canonical name when known.
    pub holder: Option<String>,
    /// The words that mark the claim as disputed.
    pub marker: Span,
    pub kind: ClaimKind,
}
