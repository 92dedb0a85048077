//! The JSON contract shared by the CLI (`crosscheck analyze --format json`) and the page.
//!
//! Every span object carries `start`/`end` in UTF-8 bytes of the text as read (end exclusive),
//! `start_utf16`/`end_utf16` in UTF-16 code units for JavaScript, and the `text` it covers.
//! The README documents the shape field by field; `tests/cli.rs` checks it.

use serde::Serialize;

use crate::model::Analysis;
use crate::span::{Span, Utf16Index};

/// The whole output of one run: every report, then how they compare.
#[derive(Clone, Debug, Serialize)]
pub struct Output {
    pub reports: Vec<ReportOut>,
    pub comparison: ComparisonOut,
}

/// How the reports compare. Filled in by the comparison stage; empty until then.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ComparisonOut {}

/// A span as it crosses into JSON or JavaScript.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
    pub text: String,
}

/// One analysed report.
#[derive(Clone, Debug, Serialize)]
pub struct ReportOut {
    /// The file name as given on the command line (`-` for standard input), or the seed's name.
    pub file: String,
    /// The headline (see [`Analysis::title`]); empty for an empty text.
    pub title: String,
    /// Length of the text in bytes and in UTF-16 units.
    pub len: usize,
    pub len_utf16: usize,
    pub paragraphs: Vec<SpanOut>,
    pub quotes: Vec<QuoteOut>,
    pub speakers: Vec<SpeakerOut>,
    pub claims: Vec<ClaimOut>,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuoteOut {
    pub start: usize,
    pub end: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
    pub text: String,
    /// `full`, `partial` or `scare`.
    pub kind: &'static str,
    /// `true` unless the closing mark is missing.
    pub closed: bool,
    /// The canonical speaker's name, or `null`.
    pub speaker: Option<String>,
    pub speaker_mention: Option<SpanOut>,
    pub cue: Option<SpanOut>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SpeakerOut {
    pub name: String,
    /// `person` or `organisation`.
    pub kind: &'static str,
    pub mentions: Vec<SpanOut>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClaimOut {
    pub start: usize,
    pub end: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
    pub text: String,
    pub holder: Option<String>,
    pub marker: SpanOut,
    /// `contested`, `counter` or `hedged`.
    pub kind: &'static str,
}

/// Builds [`SpanOut`]s for one text.
struct Spans<'a> {
    text: &'a str,
    utf16: Utf16Index,
}

impl Spans<'_> {
    fn out(&self, s: Span) -> SpanOut {
        SpanOut {
            start: s.start,
            end: s.end,
            start_utf16: self.utf16.utf16(s.start),
            end_utf16: self.utf16.utf16(s.end),
            text: s.as_str(self.text).to_string(),
        }
    }
}

impl ReportOut {
    /// Converts an [`Analysis`] of `text` into the contract's shape.
    pub fn new(file: &str, text: &str, a: &Analysis) -> ReportOut {
        let sp = Spans { text, utf16: Utf16Index::new(text) };
        let name = |i: Option<usize>| i.and_then(|i| a.speakers.get(i)).map(|s| s.name.clone());
        ReportOut {
            file: file.to_string(),
            title: a.title.map(|t| t.as_str(text).to_string()).unwrap_or_default(),
            len: text.len(),
            len_utf16: sp.utf16.utf16(text.len()),
            paragraphs: a.paragraphs.iter().map(|&p| sp.out(p)).collect(),
            quotes: a
                .quotes
                .iter()
                .map(|q| {
                    let o = sp.out(q.span);
                    QuoteOut {
                        start: o.start,
                        end: o.end,
                        start_utf16: o.start_utf16,
                        end_utf16: o.end_utf16,
                        text: o.text,
                        kind: q.kind.as_str(),
                        closed: q.closed,
                        speaker: name(q.speaker),
                        speaker_mention: q.speaker_mention.map(|m| sp.out(m)),
                        cue: q.cue.map(|c| sp.out(c)),
                    }
                })
                .collect(),
            speakers: a
                .speakers
                .iter()
                .map(|s| SpeakerOut {
                    name: s.name.clone(),
                    kind: if s.organisation { "organisation" } else { "person" },
                    mentions: s.mentions.iter().map(|&m| sp.out(m)).collect(),
                })
                .collect(),
            claims: a
                .claims
                .iter()
                .map(|c| {
                    let o = sp.out(c.span);
                    ClaimOut {
                        start: o.start,
                        end: o.end,
                        start_utf16: o.start_utf16,
                        end_utf16: o.end_utf16,
                        text: o.text,
                        holder: c.holder.clone(),
                        marker: sp.out(c.marker),
                        kind: c.kind.as_str(),
                    }
                })
                .collect(),
        }
    }
}
