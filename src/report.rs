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
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct Output {
    pub reports: Vec<ReportOut>,
    pub comparison: ComparisonOut,
}

/// How the reports compare (see [`crate::compare`]): people across reports, quote groups,
/// discrepancies and coverage. Every span names its report.
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct ComparisonOut {
    /// Speakers identified across reports; `person` fields below index this list.
    pub people: Vec<PersonOut>,
    pub quote_groups: Vec<QuoteGroupOut>,
    /// Quotations in no group, linked to their paraphrases in other reports.
    pub paraphrases: Vec<QuoteParaphraseOut>,
    pub discrepancies: Vec<DiscrepancyOut>,
    pub coverage: CoverageOut,
}

/// A span in one report: `report` indexes `reports`, offsets as in [`SpanOut`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct ReportSpanOut {
    pub report: usize,
    pub start: usize,
    pub end: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct PersonOut {
    pub name: String,
    /// `person` or `organisation`.
    pub kind: &'static str,
    /// `[report, speaker index]` pairs: the entries of `reports[report].speakers` that are
    /// this person.
    pub speakers: Vec<(usize, usize)>,
    /// For each of `speakers`, the rule that joined it: `first`, `full_name`, `surname`,
    /// `surname_and_title` or `same_name`.
    pub rules: Vec<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct QuoteGroupOut {
    pub person: Option<usize>,
    /// The speaker's name, or `null`.
    pub speaker: Option<String>,
    pub members: Vec<QuoteMemberOut>,
    /// The wording most members share, word by word with the number of members that have it.
    pub majority: Vec<MajorityWordOut>,
    pub paraphrases: Vec<ParaphraseOut>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct QuoteMemberOut {
    pub report: usize,
    /// Indices into `reports[report].quotes`.
    pub quotes: Vec<usize>,
    pub person: Option<usize>,
    /// The quoted sentences that belong to the group.
    pub spans: Vec<ReportSpanOut>,
    pub diff: Vec<DiffPartOut>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct MajorityWordOut {
    pub word: String,
    pub support: usize,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct DiffPartOut {
    /// `same`, `extra` (only this member has the words) or `missing` (the majority's words this
    /// member lacks; no span).
    pub op: &'static str,
    pub text: String,
    pub span: Option<ReportSpanOut>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct ParaphraseOut {
    pub span: ReportSpanOut,
    pub score: f32,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct QuoteParaphraseOut {
    /// The quotation: `reports[report].quotes[quote]`.
    pub report: usize,
    pub quote: usize,
    /// The sentence of another report that paraphrases it.
    pub span: ReportSpanOut,
    pub score: f32,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct DiscrepancyOut {
    /// `title`, `date`, `number` or `speaker`.
    pub kind: &'static str,
    /// The rule that raised it (`title_former`, `number_quantity`, …).
    pub rule: &'static str,
    /// Why it was raised, in words: the values and what made them one slot.
    pub evidence: String,
    pub label: String,
    pub items: Vec<DiscrepancyItemOut>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct DiscrepancyItemOut {
    /// The words that give the value.
    pub span: ReportSpanOut,
    /// The sentence they stand in.
    pub context: ReportSpanOut,
    pub value: String,
}

#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct CoverageOut {
    /// Rows of the speaker x report matrix, most quoted first.
    pub speakers: Vec<SpeakerRowOut>,
    /// Every sentence of every report with its best match in each other report.
    pub sentences: Vec<SentenceOut>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct SpeakerRowOut {
    pub person: usize,
    pub name: String,
    /// One cell per report: `{quotes, words}`.
    pub reports: Vec<crate::compare::SpeakerCell>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct SentenceOut {
    pub span: ReportSpanOut,
    /// `{report, sentence (index into coverage.sentences), score}`; empty when no other report
    /// carries the sentence.
    pub matches: Vec<crate::compare::SentenceMatch>,
}

impl ComparisonOut {
    /// Compares already analysed reports, `(text, analysis)` pairs, and converts the result.
    pub fn from_reports(reports: &[(&str, &Analysis)]) -> ComparisonOut {
        ComparisonOut::new(reports, &crate::compare::compare(reports))
    }

    /// Converts a [`Comparison`](crate::compare::Comparison) of `reports` to the contract's shape.
    pub fn new(reports: &[(&str, &Analysis)], c: &crate::compare::Comparison) -> ComparisonOut {
        let idx: Vec<Spans> = reports
            .iter()
            .map(|(t, _)| Spans {
                text: t,
                utf16: Utf16Index::new(t),
            })
            .collect();
        let rs = |report: usize, s: Span| -> ReportSpanOut {
            let o = match idx.get(report) {
                Some(sp) => sp.out(s),
                None => SpanOut {
                    start: s.start,
                    end: s.end,
                    start_utf16: 0,
                    end_utf16: 0,
                    text: String::new(),
                },
            };
            ReportSpanOut {
                report,
                start: o.start,
                end: o.end,
                start_utf16: o.start_utf16,
                end_utf16: o.end_utf16,
                text: o.text,
            }
        };
        let name = |p: Option<usize>| p.and_then(|p| c.people.get(p)).map(|p| p.name.clone());
        ComparisonOut {
            people: c
                .people
                .iter()
                .map(|p| PersonOut {
                    name: p.name.clone(),
                    kind: if p.organisation {
                        "organisation"
                    } else {
                        "person"
                    },
                    speakers: p.speakers.clone(),
                    rules: p.rules.iter().map(|r| r.as_str()).collect(),
                })
                .collect(),
            quote_groups: c
                .quote_groups
                .iter()
                .map(|g| QuoteGroupOut {
                    person: g.person,
                    speaker: name(g.person),
                    members: g
                        .members
                        .iter()
                        .map(|m| QuoteMemberOut {
                            report: m.report,
                            quotes: m.quotes.clone(),
                            person: m.person,
                            spans: m.spans.iter().map(|&s| rs(m.report, s)).collect(),
                            diff: m
                                .diff
                                .iter()
                                .map(|d| DiffPartOut {
                                    op: match d.op {
                                        crate::compare::DiffOp::Same => "same",
                                        crate::compare::DiffOp::Extra => "extra",
                                        crate::compare::DiffOp::Missing => "missing",
                                    },
                                    text: d.text.clone(),
                                    span: d.span.map(|s| rs(m.report, s)),
                                })
                                .collect(),
                        })
                        .collect(),
                    majority: g
                        .majority
                        .iter()
                        .map(|w| MajorityWordOut {
                            word: w.word.clone(),
                            support: w.support,
                        })
                        .collect(),
                    paraphrases: g
                        .paraphrases
                        .iter()
                        .map(|p| ParaphraseOut {
                            span: rs(p.report, p.span),
                            score: p.score,
                        })
                        .collect(),
                })
                .collect(),
            paraphrases: c
                .paraphrases
                .iter()
                .map(|p| QuoteParaphraseOut {
                    report: p.report,
                    quote: p.quote,
                    span: rs(p.paraphrase.report, p.paraphrase.span),
                    score: p.paraphrase.score,
                })
                .collect(),
            discrepancies: c
                .discrepancies
                .iter()
                .map(|d| DiscrepancyOut {
                    kind: d.kind.as_str(),
                    rule: d.rule.as_str(),
                    evidence: d.evidence.clone(),
                    label: d.label.clone(),
                    items: d
                        .items
                        .iter()
                        .map(|i| DiscrepancyItemOut {
                            span: rs(i.report, i.span),
                            context: rs(i.report, i.context),
                            value: i.value.clone(),
                        })
                        .collect(),
                })
                .collect(),
            coverage: CoverageOut {
                speakers: c
                    .coverage
                    .speakers
                    .iter()
                    .map(|r| SpeakerRowOut {
                        person: r.person,
                        name: name(Some(r.person)).unwrap_or_default(),
                        reports: r.reports.clone(),
                    })
                    .collect(),
                sentences: c
                    .coverage
                    .sentences
                    .iter()
                    .map(|s| SentenceOut {
                        span: rs(s.report, s.span),
                        matches: s.matches.clone(),
                    })
                    .collect(),
            },
        }
    }
}

/// A span as it crosses into JSON or JavaScript.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
    pub text: String,
}

/// One analysed report.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
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
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
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
    /// The attribution rule that found the speaker mention (`cue_after`, …), or `null`.
    pub rule: Option<&'static str>,
    /// How the mention resolved to the speaker (`name`, `pronoun`, …), or `null`.
    pub resolution: Option<&'static str>,
    /// Why the quotation has its kind (`speech`, `in_sentence`, `unattributed_term`, `title`).
    pub kind_rule: &'static str,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct SpeakerOut {
    pub name: String,
    /// `person` or `organisation`.
    pub kind: &'static str,
    pub mentions: Vec<SpanOut>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
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
        let sp = Spans {
            text,
            utf16: Utf16Index::new(text),
        };
        let name = |i: Option<usize>| i.and_then(|i| a.speakers.get(i)).map(|s| s.name.clone());
        ReportOut {
            file: file.to_string(),
            title: a
                .title
                .map(|t| t.as_str(text).to_string())
                .unwrap_or_default(),
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
                        rule: q.rule.map(|r| r.as_str()),
                        resolution: q.resolution.map(|r| r.as_str()),
                        kind_rule: q.kind_rule.as_str(),
                    }
                })
                .collect(),
            speakers: a
                .speakers
                .iter()
                .map(|s| SpeakerOut {
                    name: s.name.clone(),
                    kind: if s.organisation {
                        "organisation"
                    } else {
                        "person"
                    },
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
