//! Comparing reports of one event: the same utterance across outlets, conflicting facts, who
//! is quoted where, and what only one report carries.
//!
//! ```
//! use crosscheck::{analyze, compare::compare};
//! let a = "Talks\n\"We will talk about land,\" Anna Berg said on Monday.";
//! let b = "Meeting\n\"We'll talk about the land,\" Berg said on Tuesday.";
//! let (x, y) = (analyze(a), analyze(b));
//! let c = compare(&[(a, &x), (b, &y)]);
//! assert_eq!(c.quote_groups.len(), 1);
//! assert_eq!(c.people[c.quote_groups[0].person.unwrap()].name, "Anna Berg");
//! ```
//!
//! Everything is computed from [`Analysis`] values and their texts; all spans are UTF-8 bytes
//! into the report they name. Pairs are compared only when they share a speaker or a rare word
//! (an inverted index), so the cost grows with the number of similar passages, not with the
//! square of the reports' length.

mod coverage;
mod facts;
mod lists;
mod people;
mod quotes;
pub mod words;

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use crate::model::Analysis;
use crate::span::Span;
use crate::QuoteKind;

pub use people::{MergeRule, Person};

/// A span in one of the compared reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ReportSpan {
    /// Index of the report in the slice given to [`compare`].
    pub report: usize,
    pub span: Span,
}

/// How the reports compare.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// Speakers identified across reports (`Witkoff` in one report is `Steve Witkoff` in another).
    pub people: Vec<Person>,
    /// Quotations that render the same utterance in two or more reports.
    pub quote_groups: Vec<QuoteGroup>,
    /// Quotations that no group holds, linked to sentences of other reports that paraphrase them.
    pub paraphrases: Vec<QuoteParaphrase>,
    /// Points where reports disagree about the same thing.
    pub discrepancies: Vec<Discrepancy>,
    pub coverage: Coverage,
}

/// One utterance as quoted by several reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteGroup {
    /// Index into [`Comparison::people`] of the speaker most members name.
    pub person: Option<usize>,
    /// One member per report, in report order.
    pub members: Vec<QuoteMember>,
    /// The wording most members share (the member closest to all others), with the number of
    /// members that have each word. A summary of the reports, not a claim about the original.
    pub majority: Vec<MajorityWord>,
    /// Sentences of indirect speech that report the same statement without quoting it.
    pub paraphrases: Vec<Paraphrase>,
}

/// One report's rendering of a grouped utterance: one or more quotations (an outlet may split
/// what another keeps whole), or only the sentences of a quotation that match.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteMember {
    pub report: usize,
    /// Indices into that report's [`Analysis::quotes`].
    pub quotes: Vec<usize>,
    /// The quoted sentences that belong to the group, in text order.
    pub spans: Vec<Span>,
    /// Index into [`Comparison::people`] of the speaker this report names.
    pub person: Option<usize>,
    /// Word-level diff of this member against [`QuoteGroup::majority`].
    pub diff: Vec<DiffPart>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MajorityWord {
    pub word: String,
    /// How many members have this word at this place (1 to the number of members).
    pub support: usize,
}

/// What a diff part is, seen from the member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    /// The member has the majority's words.
    Same,
    /// The member has words the majority lacks.
    Extra,
    /// The majority has words the member lacks (no span: they are not in this report).
    Missing,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    pub op: DiffOp,
    /// The words: the member's own for `same` and `extra`, the majority's for `missing`.
    pub text: String,
    /// The member's words in its report (`None` for `missing`).
    pub span: Option<Span>,
}

/// A sentence reporting a grouped statement in indirect speech.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Paraphrase {
    pub report: usize,
    pub span: Span,
    /// Share of the sentence's content words found in the group's quotations (0 to 1).
    pub score: f32,
}

/// A quotation of one report and its paraphrase in another.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteParaphrase {
    /// The report and index into its [`Analysis::quotes`] of the quotation.
    pub report: usize,
    pub quote: usize,
    pub paraphrase: Paraphrase,
}

/// What a discrepancy is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    /// How a person is titled or described.
    Title,
    /// Weekdays or dates given for the same event or statement.
    Date,
    /// Different numbers for the same quantity.
    Number,
    /// The same words attributed to different speakers.
    Speaker,
}

impl DiscrepancyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DiscrepancyKind::Title => "title",
            DiscrepancyKind::Date => "date",
            DiscrepancyKind::Number => "number",
            DiscrepancyKind::Speaker => "speaker",
        }
    }
}

/// The rule that raised a discrepancy (see `crosscheck analyze --explain`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiscrepancyRule {
    /// One report gives an office as former (`former President`), another as held.
    TitleFormer,
    /// Two offices one person does not hold at once (`Senator`, `Governor`).
    TitleExclusive,
    /// One office for different portfolios (`envoy for the Middle East`, `envoy for trade`).
    TitleRole,
    /// A weekday or date attached to the same person's reporting verb in matched sentences.
    DateStatement,
    /// A weekday or date attached to the same named occasion (`the council vote`).
    DateEvent,
    /// The weekday or date a grouped quotation was said, in its attribution.
    DateQuote,
    /// One quantity (same noun or unit, same context) with values that cannot both be true.
    NumberQuantity,
    /// Matched sentences that agree on one number and differ on the other.
    NumberAnchored,
    /// A grouped quotation explicitly attributed to different people.
    SpeakerExplicit,
}

impl DiscrepancyRule {
    pub fn as_str(self) -> &'static str {
        match self {
            DiscrepancyRule::TitleFormer => "title_former",
            DiscrepancyRule::TitleExclusive => "title_exclusive",
            DiscrepancyRule::TitleRole => "title_role",
            DiscrepancyRule::DateStatement => "date_statement",
            DiscrepancyRule::DateEvent => "date_event",
            DiscrepancyRule::DateQuote => "date_quote",
            DiscrepancyRule::NumberQuantity => "number_quantity",
            DiscrepancyRule::NumberAnchored => "number_anchored",
            DiscrepancyRule::SpeakerExplicit => "speaker_explicit",
        }
    }
}

/// Reports that disagree about one slot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    /// The rule that raised it.
    pub rule: DiscrepancyRule,
    /// Why: the values compared and what made them one slot, in words.
    pub evidence: String,
    /// Readable on its own: `Title of Donald Trump: Former President (report 1) vs President
    /// (reports 0, 2)`.
    pub label: String,
    /// Every report's value, at least two different values.
    pub items: Vec<DiscrepancyItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiscrepancyItem {
    pub report: usize,
    /// The words that give the value (a title, a weekday, a number, a quotation).
    pub span: Span,
    /// The sentence they stand in.
    pub context: Span,
    /// The value as compared (`Former President`, `Monday`, `31 drone`, `Donald Trump`).
    pub value: String,
}

/// Who is quoted where, and which passages other reports share.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Coverage {
    /// One row per person quoted somewhere, most quoted words first.
    pub speakers: Vec<SpeakerRow>,
    /// Every sentence of every report, in report and text order.
    pub sentences: Vec<SentenceCoverage>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpeakerRow {
    /// Index into [`Comparison::people`].
    pub person: usize,
    /// One cell per report, in report order.
    pub reports: Vec<SpeakerCell>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct SpeakerCell {
    pub quotes: usize,
    /// Words inside this person's quotations.
    pub words: usize,
}

/// One sentence and where else its information appears.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SentenceCoverage {
    pub report: usize,
    pub span: Span,
    /// The most similar sentence of each other report that carries the same information.
    pub matches: Vec<SentenceMatch>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "json-api"),
    derive(tsify_next::Tsify)
)]
pub struct SentenceMatch {
    pub report: usize,
    /// Index into [`Coverage::sentences`].
    pub sentence: usize,
    pub score: f32,
}

/// One sentence prepared for comparison.
pub(crate) struct Sent {
    pub report: usize,
    pub span: Span,
    pub words: Vec<words::Word>,
    /// Interned similarity keys of the content words, sorted, without repeats.
    pub keys: Vec<u32>,
}

/// Interns similarity keys to small integers.
#[derive(Default)]
pub(crate) struct Vocab {
    ids: HashMap<String, u32>,
}

impl Vocab {
    pub fn id(&mut self, key: &str) -> u32 {
        if let Some(&i) = self.ids.get(key) {
            return i;
        }
        let i = self.ids.len() as u32;
        self.ids.insert(key.to_string(), i);
        i
    }

    pub fn get(&self, key: &str) -> Option<u32> {
        self.ids.get(key).copied()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Sorted, deduplicated ids of the content words.
    pub fn keys(&mut self, ws: &[words::Word]) -> Vec<u32> {
        let mut k: Vec<u32> = ws
            .iter()
            .filter(|w| w.is_content())
            .map(|w| self.id(&w.key))
            .collect();
        crate::sort::sort(&mut k);
        k.dedup();
        k
    }
}

/// Size of the intersection of two sorted id lists.
pub(crate) fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Everything the comparison stages share.
pub(crate) struct Ctx<'a> {
    pub reports: &'a [(&'a str, &'a Analysis)],
    /// Every sentence of every report, in report and text order.
    pub sents: Vec<Sent>,
    /// For each report, the range of its sentences in `sents`.
    pub report_sents: Vec<std::ops::Range<usize>>,
    pub vocab: Vocab,
    pub people: people::People,
    /// For each sentence, true when a quotation (not a scare quote) takes more than half of it.
    pub mostly_quote: Vec<bool>,
    /// Per report, the inner spans of its outermost quotations, in order (for "is this word
    /// quoted?" by binary search).
    pub quote_inners: Vec<Vec<Span>>,
    /// Per person, the sentences that may paraphrase them, computed on first use.
    paraphrase_cache: std::cell::RefCell<HashMap<usize, std::rc::Rc<Vec<(usize, Vec<u32>)>>>>,
}

impl<'a> Ctx<'a> {
    fn new(reports: &'a [(&'a str, &'a Analysis)]) -> Ctx<'a> {
        let mut vocab = Vocab::default();
        let mut sents = Vec::new();
        let mut report_sents = Vec::new();
        for (r, (text, a)) in reports.iter().enumerate() {
            let first = sents.len();
            for &p in &a.paragraphs {
                for span in words::sentences(text, p) {
                    let ws = words::words(text, span);
                    let keys = vocab.keys(&ws);
                    sents.push(Sent {
                        report: r,
                        span,
                        words: ws,
                        keys,
                    });
                }
            }
            report_sents.push(first..sents.len());
        }
        let people = people::People::new(reports);
        let mut ctx = Ctx {
            reports,
            sents,
            report_sents,
            vocab,
            people,
            mostly_quote: Vec::new(),
            quote_inners: reports
                .iter()
                .map(|(_, a)| {
                    let mut outer: Vec<Span> = Vec::new();
                    for q in &a.quotes {
                        if outer.last().is_none_or(|o: &Span| !o.contains(q.inner)) {
                            outer.push(q.inner);
                        }
                    }
                    outer
                })
                .collect(),
            paraphrase_cache: Default::default(),
        };
        // Each quotation marks the sentences it covers more than half of (linear: a quotation
        // touches few sentences, found by binary search).
        let mut mostly_quote = vec![false; ctx.sents.len()];
        for (r, (_, a)) in reports.iter().enumerate() {
            for q in a.quotes.iter().filter(|q| q.kind != QuoteKind::Scare) {
                let (Some(first), Some(last)) = (
                    ctx.sentence_at(r, q.span.start),
                    ctx.sentence_at(r, q.span.end.saturating_sub(1)),
                ) else {
                    continue;
                };
                for i in first..=last {
                    let s = &ctx.sents[i];
                    if s.span.overlaps(q.span) && q.span.len() * 2 > s.span.len() {
                        mostly_quote[i] = true;
                    }
                }
            }
        }
        ctx.mostly_quote = mostly_quote;
        ctx
    }

    /// The paraphrase candidates of person `p`, made by `make` the first time.
    pub fn paraphrase_candidates(
        &self,
        p: usize,
        make: impl FnOnce(usize) -> Vec<(usize, Vec<u32>)>,
    ) -> std::rc::Rc<Vec<(usize, Vec<u32>)>> {
        if let Some(c) = self.paraphrase_cache.borrow().get(&p) {
            return c.clone();
        }
        let c = std::rc::Rc::new(make(p));
        self.paraphrase_cache.borrow_mut().insert(p, c.clone());
        c
    }

    pub fn vocab_len(&self) -> usize {
        self.vocab.len()
    }

    pub fn text(&self, report: usize) -> &'a str {
        self.reports.get(report).map_or("", |r| r.0)
    }

    /// Index in `sents` of the sentence of `report` that contains byte `at`.
    pub fn sentence_at(&self, report: usize, at: usize) -> Option<usize> {
        let range = self.report_sents.get(report)?.clone();
        let slice = self.sents.get(range.clone())?;
        let k = slice.partition_point(|s| s.span.end <= at);
        slice
            .get(k)
            .filter(|s| s.span.start <= at)
            .map(|_| range.start + k)
    }
}

/// Compares reports given as `(text, analysis of that text)`.
///
/// Never panics. One report gives coverage only; no report gives an empty comparison.
pub fn compare(reports: &[(&str, &Analysis)]) -> Comparison {
    let mut ctx = Ctx::new(reports);
    let aligned = coverage::align(&ctx);
    let quote_groups = quotes::group(&mut ctx);
    let paraphrases = quotes::lone_paraphrases(&mut ctx, &quote_groups);
    let mut discrepancies = facts::titles(&ctx);
    discrepancies.extend(facts::dates_and_numbers(&ctx, &aligned));
    discrepancies.extend(facts::quote_facts(&ctx, &quote_groups));
    let coverage = coverage::coverage(&ctx, &aligned);
    Comparison {
        people: ctx.people.list.clone(),
        quote_groups,
        paraphrases,
        discrepancies,
        coverage,
    }
}

/// The first index or span of `c` that points nowhere, described; `None` when every report
/// index, quotation, speaker, person and sentence index lies in range and every span on char
/// boundaries of its report. `c` must be the comparison of `reports`. [`compare`] keeps this
/// invariant on any input; the property tests and the fuzz target check it.
///
/// ```
/// use crosscheck::{analyze, compare::{compare, invalid_index}};
/// let texts = ["Talks\n\"We agree,\" Ana Ruiz said.", "Talks\n\"We agree,\" Ruiz said."];
/// let analyses: Vec<_> = texts.iter().map(|t| analyze(t)).collect();
/// let reports: Vec<_> = texts.iter().copied().zip(&analyses).collect();
/// assert_eq!(invalid_index(&reports, &compare(&reports)), None);
/// ```
pub fn invalid_index(reports: &[(&str, &Analysis)], c: &Comparison) -> Option<String> {
    let n = reports.len();
    let span = |r: usize, s: Span, what: &str| -> Option<String> {
        if r >= n {
            return Some(format!("{what}: report {r} of {n}"));
        }
        let text = reports[r].0;
        let ok = s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end);
        (!ok).then(|| format!("{what}: span {s:?} in report {r} ({} bytes)", text.len()))
    };
    let person = |p: Option<usize>, what: &str| {
        p.filter(|&p| p >= c.people.len())
            .map(|p| format!("{what}: person {p} of {}", c.people.len()))
    };
    for p in &c.people {
        for &(r, s) in &p.speakers {
            if r >= n || s >= reports[r].1.speakers.len() {
                return Some(format!("person {:?}: speaker {s} of report {r}", p.name));
            }
        }
    }
    for g in &c.quote_groups {
        if let Some(e) = person(g.person, "quote group") {
            return Some(e);
        }
        for m in &g.members {
            if let Some(e) = person(m.person, "group member") {
                return Some(e);
            }
            if m.report >= n {
                return Some(format!("group member: report {} of {n}", m.report));
            }
            if let Some(&q) = m
                .quotes
                .iter()
                .find(|&&q| q >= reports[m.report].1.quotes.len())
            {
                return Some(format!(
                    "group member: quotation {q} of report {}",
                    m.report
                ));
            }
            let spans = m
                .spans
                .iter()
                .copied()
                .chain(m.diff.iter().filter_map(|d| d.span));
            if let Some(e) = spans
                .filter_map(|s| span(m.report, s, "group member"))
                .next()
            {
                return Some(e);
            }
        }
        if let Some(e) = g
            .paraphrases
            .iter()
            .find_map(|p| span(p.report, p.span, "paraphrase"))
        {
            return Some(e);
        }
    }
    for p in &c.paraphrases {
        if p.report >= n || p.quote >= reports[p.report].1.quotes.len() {
            return Some(format!(
                "paraphrase: quotation {} of report {}",
                p.quote, p.report
            ));
        }
        if let Some(e) = span(p.paraphrase.report, p.paraphrase.span, "paraphrase") {
            return Some(e);
        }
    }
    for d in &c.discrepancies {
        for i in &d.items {
            let e = span(i.report, i.span, "discrepancy");
            if let Some(e) = e.or_else(|| span(i.report, i.context, "discrepancy context")) {
                return Some(e);
            }
        }
    }
    for row in &c.coverage.speakers {
        if row.person >= c.people.len() || row.reports.len() != n {
            return Some(format!("coverage row of person {}", row.person));
        }
    }
    let sentences = &c.coverage.sentences;
    for s in sentences {
        if let Some(e) = span(s.report, s.span, "sentence") {
            return Some(e);
        }
        for m in &s.matches {
            let bad = m.report >= n
                || m.sentence >= sentences.len()
                || sentences[m.sentence].report != m.report
                || !m.score.is_finite();
            if bad {
                return Some(format!("sentence match {m:?}"));
            }
        }
    }
    None
}

/// `report 1` or `reports 0, 2, 3`.
pub(crate) fn reports_label(rs: &[usize]) -> String {
    let list: Vec<String> = rs.iter().map(|r| r.to_string()).collect();
    if rs.len() == 1 {
        format!("report {}", list.join(""))
    } else {
        format!("reports {}", list.join(", "))
    }
}
