//! The page as data: one [`State`] that owns the reports, their analyses, the comparison and
//! the view; a [`Msg`] for everything that can happen; one [`update`]. No DOM here, so all of
//! it compiles and is unit-tested natively (`cargo test`); `render` and `app` (wasm32 only)
//! turn a `State` into elements and DOM events into `Msg`s.
//!
//! ```
//! use crosscheck::web::state::{update, Msg, Selection, State};
//! let mut state = State::seeds();
//! update(&mut state, Msg::SelectQuote { report: 0, quote: 0 });
//! assert!(matches!(state.view.selection, Some(Selection::Quote { report: 0, quote: 0 })));
//! update(&mut state, Msg::Clear);
//! assert_eq!(state.view.selection, None);
//! ```

/// A small ordered set kept as a sorted `Vec` (the view's hidden kinds and columns: a handful
/// of entries). The same interface as the `BTreeSet` it replaces, without B-tree code for each
/// element type in the page's wasm (issue 7).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Set<T> {
        Set(Vec::new())
    }
}

impl<T: Ord> Set<T> {
    pub fn new() -> Set<T> {
        Set(Vec::new())
    }
    pub fn contains(&self, x: &T) -> bool {
        self.0.contains(x)
    }
    /// Adds `x`; false if it was there.
    pub fn insert(&mut self, x: T) -> bool {
        match self.0.iter().position(|y| *y >= x) {
            Some(i) if self.0[i] == x => false,
            Some(i) => {
                self.0.insert(i, x);
                true
            }
            None => {
                self.0.push(x);
                true
            }
        }
    }
    /// Removes `x`; false if it was not there.
    pub fn remove(&mut self, x: &T) -> bool {
        match self.0.iter().position(|y| y == x) {
            Some(i) => {
                self.0.remove(i);
                true
            }
            None => false,
        }
    }
    pub fn clear(&mut self) {
        self.0.clear();
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// In ascending order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Set<T> {
        let mut s = Set::new();
        for x in items {
            s.insert(x);
        }
        s
    }
}

use crate::compare::{compare, Comparison};
use crate::{analyze, Analysis, Span};

/// One report shown in a column.
#[derive(Clone, Debug)]
pub struct Report {
    /// Where it came from (a seed's file name).
    pub file: String,
    pub text: String,
    pub analysis: Analysis,
}

impl Report {
    /// Analyses `text`.
    pub fn new(file: impl Into<String>, text: impl Into<String>) -> Report {
        let text = text.into();
        let analysis = analyze(&text);
        Report {
            file: file.into(),
            text,
            analysis,
        }
    }
}

/// The highlight kinds, as the page's `data-kind` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Quote,
    Speaker,
    Cue,
    Claim,
    Marker,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Quote,
        Kind::Speaker,
        Kind::Cue,
        Kind::Claim,
        Kind::Marker,
    ];

    /// The `data-kind` name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Speaker => "speaker",
            Kind::Cue => "cue",
            Kind::Claim => "claim",
            Kind::Marker => "marker",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What the reader has selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// A quotation (and with it the quote group it belongs to, if any).
    Quote { report: usize, quote: usize },
    /// A person (index into [`Comparison::people`]).
    Person(usize),
    /// A disputed claim.
    Claim { report: usize, claim: usize },
    /// A discrepancy (index into [`Comparison::discrepancies`]).
    Discrepancy(usize),
    /// A passage: index into `coverage.sentences`.
    Passage(usize),
}

/// The side panels (below the columns).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// What is selected: variants and diffs, a person's quotes, a discrepancy, a passage.
    Selection,
    /// The speaker × report matrix.
    Speakers,
    /// Every discrepancy, its spans side by side.
    Discrepancies,
    /// The keyboard keys.
    Keys,
}

impl Panel {
    pub const ALL: [Panel; 4] = [
        Panel::Selection,
        Panel::Speakers,
        Panel::Discrepancies,
        Panel::Keys,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Panel::Selection => "selection",
            Panel::Speakers => "speakers",
            Panel::Discrepancies => "discrepancies",
            Panel::Keys => "keys",
        }
    }

    pub fn parse(s: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The panel's tab label.
    pub fn label(self) -> &'static str {
        match self {
            Panel::Selection => "Selection",
            Panel::Speakers => "Speakers",
            Panel::Discrepancies => "Discrepancies",
            Panel::Keys => "Keys",
        }
    }
}

/// What next/previous steps through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    Quote,
    Claim,
    Discrepancy,
    Passage,
}

/// An element of a column the page can emphasise or scroll to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A quotation's mark (index into the report's quotes).
    Quote(usize),
    /// The speaker mention of a quotation (index of the quotation).
    Speaker(usize),
    /// A claim's mark.
    Claim(usize),
    /// A sentence (index into `coverage.sentences`).
    Sentence(usize),
    /// The words of a discrepancy in this report (index into discrepancies).
    Discrepancy(usize),
    /// Every mention of a person (index into people) in this report, quoting or not.
    Mention(usize),
}

/// A [`Target`] in one report.
pub type At = (usize, Target);

/// How the reports are shown: everything the URL fragment keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub selection: Option<Selection>,
    pub hidden_kinds: Set<Kind>,
    pub hidden_columns: Set<usize>,
    pub wide_columns: Set<usize>,
    /// The open panel; `None` when the panel is closed.
    pub panel: Option<Panel>,
    /// The stance lens: reporting verbs coloured by what they signal.
    pub lens: bool,
    /// The active column (the visible tab on a phone, where keyboard steps start).
    pub column: usize,
    /// Showing the bundled example story instead of the reader's own reports.
    pub example: bool,
}

/// What an [`update`] changed, so the page touches only that.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    /// Emphasis classes in the columns.
    pub emphasis: bool,
    /// The panel's content or which panel is open.
    pub panel: bool,
    /// Column layout (hidden, wide, active) or the page-wide toggles (kinds, lens).
    pub layout: bool,
    /// The set of reports shown (or their names or order): the page is built again.
    pub reports: bool,
    /// The reader's own reports changed: store them.
    pub own: bool,
}

/// Lookups derived once from the analyses and the comparison.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// `[report][quote]`: the quote group holding the quotation.
    pub quote_group: Vec<Vec<Option<usize>>>,
    /// `[report][quote]`: the person (index into people) who speaks it.
    pub quote_person: Vec<Vec<Option<usize>>>,
    /// `[report]`: the range of `coverage.sentences` that belongs to the report.
    pub sentences: Vec<std::ops::Range<usize>>,
    /// `[report][quote]`: indices into `comparison.paraphrases` of the quotation's paraphrases.
    pub quote_paraphrases: Vec<Vec<Vec<usize>>>,
}

impl Index {
    fn new(reports: &[Report], c: &Comparison) -> Index {
        let mut quote_group: Vec<Vec<Option<usize>>> = reports
            .iter()
            .map(|r| vec![None; r.analysis.quotes.len()])
            .collect();
        for (g, group) in c.quote_groups.iter().enumerate() {
            for m in &group.members {
                for &q in &m.quotes {
                    if let Some(slot) = quote_group.get_mut(m.report).and_then(|r| r.get_mut(q)) {
                        slot.get_or_insert(g);
                    }
                }
            }
        }
        let mut speaker_person: Vec<Vec<Option<usize>>> = reports
            .iter()
            .map(|r| vec![None; r.analysis.speakers.len()])
            .collect();
        for (p, person) in c.people.iter().enumerate() {
            for &(r, s) in &person.speakers {
                if let Some(slot) = speaker_person.get_mut(r).and_then(|v| v.get_mut(s)) {
                    *slot = Some(p);
                }
            }
        }
        let quote_person = reports
            .iter()
            .enumerate()
            .map(|(r, rep)| {
                rep.analysis
                    .quotes
                    .iter()
                    .map(|q| {
                        q.speaker
                            .and_then(|s| speaker_person[r].get(s).copied().flatten())
                    })
                    .collect()
            })
            .collect();
        let mut sentences = vec![0..0; reports.len()];
        let mut start = 0;
        for (r, range) in sentences.iter_mut().enumerate() {
            let end = start
                + c.coverage.sentences[start..]
                    .iter()
                    .take_while(|s| s.report == r)
                    .count();
            *range = start..end;
            start = end;
        }
        let mut quote_paraphrases: Vec<Vec<Vec<usize>>> = reports
            .iter()
            .map(|r| vec![Vec::new(); r.analysis.quotes.len()])
            .collect();
        for (i, p) in c.paraphrases.iter().enumerate() {
            if let Some(v) = quote_paraphrases
                .get_mut(p.report)
                .and_then(|r| r.get_mut(p.quote))
            {
                v.push(i);
            }
        }
        Index {
            quote_group,
            quote_person,
            sentences,
            quote_paraphrases,
        }
    }
}

/// Most reports in one comparison.
pub const MAX_REPORTS: usize = 20;
/// Largest report, in bytes of UTF-8 text (about 30,000 words of English).
pub const MAX_REPORT_BYTES: usize = 200_000;
/// The most bytes of one file the page reads (an HTML page holds much besides its article;
/// the text it gives must still fit [`MAX_REPORT_BYTES`]).
pub const MAX_FILE_BYTES: usize = 2_000_000;

/// One of the reader's own reports, as stored: its name and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    pub file: String,
    pub text: String,
}

impl Doc {
    pub fn new(file: impl Into<String>, text: impl Into<String>) -> Doc {
        Doc {
            file: file.into(),
            text: text.into(),
        }
    }
}

/// The whole page.
#[derive(Clone, Debug)]
pub struct State {
    /// The reports shown: the reader's own ([`State::own`]) or, with `view.example`, the
    /// bundled example story.
    pub reports: Vec<Report>,
    /// The reader's own reports (what is stored), also while the example is shown.
    pub own: Vec<Doc>,
    /// A message for the reader (a report refused, storage trouble, ...).
    pub notice: Option<String>,
    /// What "new comparison" put aside, until undone or replaced.
    pub undo: Option<Vec<Doc>>,
    /// Stored data that could not be read, kept aside (offered for download).
    pub aside: Option<String>,
    pub comparison: Comparison,
    pub index: Index,
    pub view: View,
    /// Elements to bring into view after this update (taken by the page).
    pub scroll: Vec<At>,
}

impl State {
    /// Analyses and compares `reports`.
    pub fn new(reports: Vec<Report>) -> State {
        let pairs: Vec<(&str, &Analysis)> = reports
            .iter()
            .map(|r| (r.text.as_str(), &r.analysis))
            .collect();
        let comparison = compare(&pairs);
        let index = Index::new(&reports, &comparison);
        State {
            reports,
            own: Vec::new(),
            notice: None,
            undo: None,
            aside: None,
            comparison,
            index,
            view: View::default(),
            scroll: Vec::new(),
        }
    }

    /// The embedded seed reports (the example story), with no reports of the reader's own.
    pub fn seeds() -> State {
        let mut s = State::new(seed_reports());
        s.view.example = true;
        s
    }

    /// The reader's own reports (analysed and compared here); with `example`, the example
    /// story is shown and `own` kept for later.
    pub fn with_own(own: Vec<Doc>, example: bool) -> State {
        let mut s = State::new(Vec::new());
        s.own = own;
        s.view.example = example;
        s.rebuild();
        s
    }

    /// The reports [`State::with_own`] would show for `own` and `example`, analysed but not yet
    /// compared (the page marks the two steps apart: `crosscheck:analysed`, `compared`).
    pub fn analysed(own: &[Doc], example: bool) -> Vec<Report> {
        if example {
            seed_reports()
        } else {
            own.iter()
                .map(|d| Report::new(d.file.clone(), d.text.clone()))
                .collect()
        }
    }

    /// [`State::with_own`] from the reports [`State::analysed`] gave for the same `own` and
    /// `example`: compares them.
    pub fn with_analysed(own: Vec<Doc>, example: bool, reports: Vec<Report>) -> State {
        let mut s = State::new(reports);
        s.own = own;
        s.view.example = example;
        s
    }

    /// Analyses and compares what is to be shown again, keeping the analysis of every text
    /// that is already analysed; clears what pointed into the old set (selection, columns).
    pub fn rebuild(&mut self) {
        let old = std::mem::take(&mut self.reports);
        let reports: Vec<Report> = if self.view.example {
            seed_reports()
        } else {
            self.own
                .iter()
                .map(|d| match old.iter().find(|r| r.text == d.text) {
                    Some(r) => Report {
                        file: d.file.clone(),
                        text: d.text.clone(),
                        analysis: r.analysis.clone(),
                    },
                    None => Report::new(d.file.clone(), d.text.clone()),
                })
                .collect()
        };
        let fresh = State::new(reports);
        self.reports = fresh.reports;
        self.comparison = fresh.comparison;
        self.index = fresh.index;
        let v = &mut self.view;
        v.selection = None;
        v.hidden_columns.clear();
        v.wide_columns.clear();
        v.column = 0;
        if v.panel != Some(Panel::Keys) {
            v.panel = None;
        }
        self.scroll.clear();
    }

    /// The file name for a new report: `name` trimmed, or `Report N`; made unique.
    fn fresh_name(&self, name: &str) -> String {
        let base = name.trim();
        let base = if base.is_empty() {
            format!("Report {}", self.own.len() + 1)
        } else {
            base.to_string()
        };
        let mut name = base.clone();
        let mut k = 2;
        while self.own.iter().any(|d| d.file == name) {
            name = format!("{base} ({k})");
            k += 1;
        }
        name
    }

    /// The quote group of a quotation.
    pub fn group_of(&self, report: usize, quote: usize) -> Option<usize> {
        self.index
            .quote_group
            .get(report)?
            .get(quote)
            .copied()
            .flatten()
    }

    /// The person speaking a quotation.
    pub fn person_of(&self, report: usize, quote: usize) -> Option<usize> {
        self.index
            .quote_person
            .get(report)?
            .get(quote)
            .copied()
            .flatten()
    }

    /// The sentence (index into `coverage.sentences`) of `report` holding byte `at`.
    pub fn sentence_at(&self, report: usize, at: usize) -> Option<usize> {
        let range = self.index.sentences.get(report)?.clone();
        let list = &self.comparison.coverage.sentences[range.clone()];
        let i = list.partition_point(|s| s.span.end <= at);
        (i < list.len()).then_some(range.start + i)
    }

    /// How many other reports carry sentence `k`.
    pub fn carried_by(&self, k: usize) -> usize {
        let Some(s) = self.comparison.coverage.sentences.get(k) else {
            return 0;
        };
        let mut rs: Vec<usize> = s.matches.iter().map(|m| m.report).collect();
        crate::sort::sort(&mut rs);
        rs.dedup();
        rs.len()
    }

    /// How many of report `r`'s quotations other reports carry (quote groups or paraphrases).
    pub fn quotes_shared(&self, r: usize) -> usize {
        let Some(groups) = self.index.quote_group.get(r) else {
            return 0;
        };
        groups
            .iter()
            .enumerate()
            .filter(|&(q, g)| g.is_some() || !self.index.quote_paraphrases[r][q].is_empty())
            .count()
    }

    /// The elements the selection emphasises, each in its report.
    pub fn emphasis(&self) -> Vec<At> {
        self.emphasis_of(self.view.selection)
    }

    /// The elements `selection` emphasises.
    pub fn emphasis_of(&self, selection: Option<Selection>) -> Vec<At> {
        let mut out = Vec::new();
        let c = &self.comparison;
        match selection {
            None => {}
            Some(Selection::Quote { report, quote }) => match self.group_of(report, quote) {
                Some(g) => {
                    for m in &c.quote_groups[g].members {
                        for &q in &m.quotes {
                            out.push((m.report, Target::Quote(q)));
                        }
                    }
                    for p in &c.quote_groups[g].paraphrases {
                        if let Some(k) = self.sentence_at(p.report, p.span.start) {
                            out.push((p.report, Target::Sentence(k)));
                        }
                    }
                }
                None => {
                    out.push((report, Target::Quote(quote)));
                    for &i in &self.index.quote_paraphrases[report][quote] {
                        let p = &c.paraphrases[i].paraphrase;
                        if let Some(k) = self.sentence_at(p.report, p.span.start) {
                            out.push((p.report, Target::Sentence(k)));
                        }
                    }
                }
            },
            Some(Selection::Person(p)) => {
                if let Some(person) = c.people.get(p) {
                    let mut rs: Vec<usize> = person.speakers.iter().map(|&(r, _)| r).collect();
                    crate::sort::sort(&mut rs);
                    rs.dedup();
                    out.extend(rs.into_iter().map(|r| (r, Target::Mention(p))));
                }
                for (r, quotes) in self.index.quote_person.iter().enumerate() {
                    for (q, &who) in quotes.iter().enumerate() {
                        if who == Some(p) {
                            out.push((r, Target::Quote(q)));
                            out.push((r, Target::Speaker(q)));
                        }
                    }
                }
            }
            Some(Selection::Claim { report, claim }) => out.push((report, Target::Claim(claim))),
            Some(Selection::Discrepancy(d)) => {
                if let Some(dis) = c.discrepancies.get(d) {
                    let mut rs: Vec<usize> = dis.items.iter().map(|i| i.report).collect();
                    rs.dedup();
                    out.extend(rs.into_iter().map(|r| (r, Target::Discrepancy(d))));
                }
            }
            Some(Selection::Passage(k)) => {
                if let Some(s) = c.coverage.sentences.get(k) {
                    out.push((s.report, Target::Sentence(k)));
                    out.extend(
                        s.matches
                            .iter()
                            .map(|m| (m.report, Target::Sentence(m.sentence))),
                    );
                }
            }
        }
        out
    }

    /// The element that stands for the selection itself (focused, outlined).
    pub fn selected(&self) -> Option<At> {
        match self.view.selection? {
            Selection::Quote { report, quote } => Some((report, Target::Quote(quote))),
            Selection::Claim { report, claim } => Some((report, Target::Claim(claim))),
            Selection::Passage(k) => {
                let s = self.comparison.coverage.sentences.get(k)?;
                Some((s.report, Target::Sentence(k)))
            }
            Selection::Person(_) | Selection::Discrepancy(_) => None,
        }
    }

    /// The first quotation of person `p` in report `r`.
    pub fn first_quote_of(&self, p: usize, r: usize) -> Option<usize> {
        self.index
            .quote_person
            .get(r)?
            .iter()
            .position(|&who| who == Some(p))
    }
}

fn seed_reports() -> Vec<Report> {
    crate::seeds::SEEDS
        .iter()
        .map(|&(file, text)| Report::new(file, text))
        .collect()
}

/// Everything that can happen on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    SelectQuote {
        report: usize,
        quote: usize,
    },
    /// A speaker mention (the speaker of quotation `quote` of `report`) was clicked.
    SelectSpeakerOf {
        report: usize,
        quote: usize,
    },
    SelectPerson(usize),
    SelectClaim {
        report: usize,
        claim: usize,
    },
    SelectDiscrepancy(usize),
    SelectPassage(usize),
    /// Bring an element into view without changing the selection.
    Jump(At),
    /// A cell of the speaker × report matrix: person `p`'s quotes in report `r`.
    JumpPerson {
        person: usize,
        report: usize,
    },
    /// Escape: clears the selection, closes the keys panel.
    Clear,
    ToggleKind(Kind),
    ToggleLens,
    HideColumn(usize),
    ShowColumn(usize),
    ShowAllColumns,
    ToggleWide(usize),
    /// Make a column the active one (a tab on a phone).
    Column(usize),
    /// Move the active column by this many visible columns.
    StepColumn(isize),
    /// Next (+1) or previous (-1) of a kind.
    Step(Nav, isize),
    OpenPanel(Panel),
    TogglePanel(Panel),
    ClosePanel,
    /// The URL fragment changed (or the page loaded with one).
    Fragment(String),
    /// Add reports of the reader's own (pasted, or read from files), after those there are.
    AddReports(Vec<Doc>),
    /// Files the page read: each name with its text (decoded by [`crate::decode`], an HTML
    /// file reduced to its article), or why it could not be read. Added as by `AddReports`;
    /// the notice names each refused file and each conversion (Latin-1, UTF-16).
    AddFiles(
        Vec<(
            String,
            Result<crate::decode::Decoded, crate::decode::DecodeError>,
        )>,
    ),
    RemoveReport(usize),
    /// Move a report this many places (-1: left, 1: right).
    MoveReport(usize, isize),
    RenameReport(usize, String),
    /// Replace a report's text.
    EditReport(usize, String),
    /// Put the reader's reports aside (undoable) and start with none.
    NewComparison,
    /// Bring back what "new comparison" put aside.
    Undo,
    /// Show the bundled example story (the reader's reports are kept).
    ShowExample,
    /// Show the reader's own reports again.
    ShowOwn,
    /// Close the notice.
    Dismiss,
    /// Something to tell the reader (from the page: storage, files).
    Notice(String),
}

impl Msg {
    /// The message as a `data-msg` attribute value of a control on the page (read back by
    /// [`Msg::parse`]); `None` for messages no control sends.
    pub fn encode(&self) -> Option<String> {
        Some(match *self {
            Msg::SelectQuote { report, quote } => format!("q:{report}:{quote}"),
            Msg::SelectSpeakerOf { report, quote } => format!("sp:{report}:{quote}"),
            Msg::SelectPerson(p) => format!("person:{p}"),
            Msg::SelectClaim { report, claim } => format!("claim:{report}:{claim}"),
            Msg::SelectDiscrepancy(d) => format!("disc:{d}"),
            Msg::SelectPassage(k) => format!("sent:{k}"),
            Msg::Jump((r, t)) => {
                let (tag, i) = match t {
                    Target::Quote(i) => ("q", i),
                    Target::Speaker(i) => ("sp", i),
                    Target::Claim(i) => ("c", i),
                    Target::Sentence(i) => ("s", i),
                    Target::Discrepancy(i) => ("d", i),
                    Target::Mention(i) => ("m", i),
                };
                format!("jump:{r}:{tag}:{i}")
            }
            Msg::JumpPerson { person, report } => format!("jp:{person}:{report}"),
            Msg::Clear => "clear".into(),
            Msg::ToggleKind(k) => format!("kind:{}", k.as_str()),
            Msg::ToggleLens => "lens".into(),
            Msg::HideColumn(c) => format!("hide:{c}"),
            Msg::ShowColumn(c) => format!("show:{c}"),
            Msg::ShowAllColumns => "showall".into(),
            Msg::ToggleWide(c) => format!("wide:{c}"),
            Msg::Column(c) => format!("col:{c}"),
            Msg::OpenPanel(p) => format!("panel:{}", p.as_str()),
            Msg::TogglePanel(p) => format!("togglepanel:{}", p.as_str()),
            Msg::ClosePanel => "close".into(),
            Msg::RemoveReport(i) => format!("rm:{i}"),
            Msg::MoveReport(i, by) => format!("mv:{i}:{by}"),
            Msg::NewComparison => "new".into(),
            Msg::Undo => "undo".into(),
            Msg::ShowExample => "example".into(),
            Msg::ShowOwn => "own".into(),
            Msg::Dismiss => "dismiss".into(),
            Msg::StepColumn(_)
            | Msg::Step(..)
            | Msg::Fragment(_)
            | Msg::AddReports(_)
            | Msg::AddFiles(_)
            | Msg::RenameReport(..)
            | Msg::EditReport(..)
            | Msg::Notice(_) => return None,
        })
    }

    /// Reads a `data-msg` value written by [`Msg::encode`].
    pub fn parse(s: &str) -> Option<Msg> {
        let mut it = s.split(':');
        let tag = it.next()?;
        let rest: Vec<&str> = it.collect();
        let n = |i: usize| -> Option<usize> { rest.get(i)?.parse().ok() };
        Some(match tag {
            "q" => Msg::SelectQuote {
                report: n(0)?,
                quote: n(1)?,
            },
            "sp" => Msg::SelectSpeakerOf {
                report: n(0)?,
                quote: n(1)?,
            },
            "person" => Msg::SelectPerson(n(0)?),
            "claim" => Msg::SelectClaim {
                report: n(0)?,
                claim: n(1)?,
            },
            "disc" => Msg::SelectDiscrepancy(n(0)?),
            "sent" => Msg::SelectPassage(n(0)?),
            "jump" => {
                let i = n(2)?;
                let t = match *rest.get(1)? {
                    "q" => Target::Quote(i),
                    "sp" => Target::Speaker(i),
                    "c" => Target::Claim(i),
                    "s" => Target::Sentence(i),
                    "d" => Target::Discrepancy(i),
                    "m" => Target::Mention(i),
                    _ => return None,
                };
                Msg::Jump((n(0)?, t))
            }
            "jp" => Msg::JumpPerson {
                person: n(0)?,
                report: n(1)?,
            },
            "clear" => Msg::Clear,
            "kind" => Msg::ToggleKind(Kind::parse(rest.first()?)?),
            "lens" => Msg::ToggleLens,
            "hide" => Msg::HideColumn(n(0)?),
            "show" => Msg::ShowColumn(n(0)?),
            "showall" => Msg::ShowAllColumns,
            "wide" => Msg::ToggleWide(n(0)?),
            "col" => Msg::Column(n(0)?),
            "panel" => Msg::OpenPanel(Panel::parse(rest.first()?)?),
            "togglepanel" => Msg::TogglePanel(Panel::parse(rest.first()?)?),
            "close" => Msg::ClosePanel,
            "rm" => Msg::RemoveReport(n(0)?),
            "mv" => Msg::MoveReport(n(0)?, rest.get(1)?.parse().ok()?),
            "new" => Msg::NewComparison,
            "undo" => Msg::Undo,
            "example" => Msg::ShowExample,
            "own" => Msg::ShowOwn,
            "dismiss" => Msg::Dismiss,
            _ => return None,
        })
    }
}

/// Applies a message that changes the set of reports (`None` for any other).
fn update_reports(state: &mut State, msg: &Msg) -> Option<Changed> {
    let own_before = state.own.clone();
    let example_before = state.view.example;
    let notice_before = state.notice.clone();
    let read_only =
        "The example story cannot be changed: add reports of your own, or go back to yours.";
    match msg {
        Msg::AddReports(docs) => add_docs(state, docs, Vec::new(), Vec::new()),
        Msg::AddFiles(files) => {
            let (mut docs, mut refused, mut notes) = (Vec::new(), Vec::new(), Vec::new());
            for (name, read) in files {
                match read {
                    Ok(d) => {
                        if let Some(note) = d.note() {
                            notes.push(format!("{name}: {note}"));
                        }
                        docs.push(Doc::new(name.clone(), d.text.clone()));
                    }
                    Err(e) => refused.push(format!("{name}: {e}")),
                }
            }
            add_docs(state, &docs, refused, notes);
        }
        Msg::RemoveReport(i)
        | Msg::MoveReport(i, _)
        | Msg::RenameReport(i, _)
        | Msg::EditReport(i, _)
            if state.view.example =>
        {
            let _ = i;
            state.notice = Some(read_only.into());
        }
        Msg::RemoveReport(i) => {
            if *i < state.own.len() {
                let d = state.own.remove(*i);
                state.notice = Some(format!("Removed {}.", d.file));
            }
        }
        Msg::MoveReport(i, by) => {
            let to = *i as isize + by;
            if *i < state.own.len() && to >= 0 && (to as usize) < state.own.len() {
                let d = state.own.remove(*i);
                state.own.insert(to as usize, d);
            }
        }
        Msg::RenameReport(i, name) => {
            let name = name.trim();
            if *i < state.own.len() && !name.is_empty() && state.own[*i].file != name {
                let d = state.own.remove(*i);
                let fresh = state.fresh_name(name);
                state.own.insert(*i, Doc::new(fresh, d.text));
            }
        }
        Msg::EditReport(i, text) => {
            if *i < state.own.len() {
                if text.trim().is_empty() {
                    state.notice = Some("A report cannot be empty: remove it instead.".into());
                } else if text.len() > MAX_REPORT_BYTES {
                    state.notice = Some(format!(
                        "Too large: at most {} KB of text a report.",
                        MAX_REPORT_BYTES / 1000
                    ));
                } else {
                    state.own[*i].text = text.clone();
                }
            }
        }
        Msg::NewComparison => {
            if state.view.example {
                state.view.example = false;
            } else if !state.own.is_empty() {
                state.undo = Some(std::mem::take(&mut state.own));
                state.notice = Some("Started a new comparison.".into());
            }
        }
        Msg::Undo => {
            if let Some(docs) = state.undo.take() {
                let mut docs = docs;
                docs.append(&mut state.own);
                docs.truncate(MAX_REPORTS);
                state.own = docs;
                state.view.example = false;
                state.notice = None;
            }
        }
        Msg::ShowExample => state.view.example = true,
        Msg::ShowOwn => state.view.example = false,
        Msg::Dismiss => state.notice = None,
        Msg::Notice(m) => state.notice = Some(m.clone()),
        Msg::Fragment(f) => {
            let example = parse_fragment(f, state).example;
            if example == state.view.example {
                return None;
            }
            state.view.example = example;
            state.rebuild();
            state.view = parse_fragment(f, state);
            state.scroll = state.emphasis();
            if let Some(at) = state.selected() {
                state.scroll.insert(0, at);
            }
        }
        _ => return None,
    }
    let own = state.own != own_before;
    if own
        && matches!(
            msg,
            Msg::AddReports(_)
                | Msg::AddFiles(_)
                | Msg::RemoveReport(_)
                | Msg::MoveReport(..)
                | Msg::EditReport(..)
        )
    {
        state.undo = None;
    }
    let reports = own || state.view.example != example_before;
    if reports && !matches!(msg, Msg::Fragment(_)) {
        state.rebuild();
    }
    Some(Changed {
        emphasis: reports,
        panel: reports || state.notice != notice_before,
        layout: reports,
        reports: reports || state.notice != notice_before,
        own: own || state.view.example != example_before,
    })
}

/// Adds `docs` to the reader's reports, within the limits; the notice lists what was refused
/// (with the reasons in `refused` already found) and the `notes` on how files were read.
fn add_docs(state: &mut State, docs: &[Doc], mut refused: Vec<String>, notes: Vec<String>) {
    let mut added = 0;
    for d in docs {
        let name = if d.file.trim().is_empty() {
            "the pasted text"
        } else {
            d.file.trim()
        };
        if d.text.trim().is_empty() {
            refused.push(format!("{name} is empty"));
        } else if d.text.len() > MAX_REPORT_BYTES {
            refused.push(format!(
                "{name} is too large ({} KB; at most {} KB of text a report)",
                d.text.len() / 1000,
                MAX_REPORT_BYTES / 1000
            ));
        } else if state.own.len() >= MAX_REPORTS {
            refused.push(format!(
                "{name}: at most {MAX_REPORTS} reports in one comparison"
            ));
        } else {
            let file = state.fresh_name(&d.file);
            state.own.push(Doc::new(file, d.text.clone()));
            added += 1;
        }
    }
    if added > 0 {
        state.view.example = false;
    }
    let mut notice = Vec::new();
    if !refused.is_empty() {
        notice.push(format!("Not added: {}.", refused.join("; ")));
    }
    if !notes.is_empty() {
        notice.push(format!("Converted: {}.", notes.join("; ")));
    }
    state.notice = (!notice.is_empty()).then(|| notice.join(" "));
}

/// Applies `msg` to `state` and says what changed.
pub fn update(state: &mut State, msg: Msg) -> Changed {
    if let Some(changed) = update_reports(state, &msg) {
        return changed;
    }
    let before = state.view.clone();
    let n = state.reports.len();
    let v = &mut state.view;
    match msg {
        Msg::SelectQuote { report, quote } => {
            if state
                .reports
                .get(report)
                .is_some_and(|r| quote < r.analysis.quotes.len())
            {
                v.selection = Some(Selection::Quote { report, quote });
                v.column = report;
                v.panel = Some(Panel::Selection);
                let others: Vec<At> = state
                    .emphasis_for(Selection::Quote { report, quote })
                    .into_iter()
                    .filter(|&(r, _)| r != report)
                    .collect();
                state.scroll = others;
            }
        }
        Msg::SelectSpeakerOf { report, quote } => {
            if let Some(p) = state.person_of(report, quote) {
                return update(state, Msg::SelectPerson(p));
            }
            // A speaker the comparison does not know: select the quotation instead.
            return update(state, Msg::SelectQuote { report, quote });
        }
        Msg::SelectPerson(p) => {
            if p < state.comparison.people.len() {
                v.selection = Some(Selection::Person(p));
                v.panel = Some(Panel::Speakers);
                let quotes: Vec<At> = state
                    .emphasis_for(Selection::Person(p))
                    .into_iter()
                    .filter(|(_, t)| matches!(t, Target::Quote(_)))
                    .collect();
                state.scroll = first_per_report(quotes);
            }
        }
        Msg::SelectClaim { report, claim } => {
            if state
                .reports
                .get(report)
                .is_some_and(|r| claim < r.analysis.claims.len())
            {
                v.selection = Some(Selection::Claim { report, claim });
                v.column = report;
                v.panel = Some(Panel::Selection);
                state.scroll = vec![(report, Target::Claim(claim))];
            }
        }
        Msg::SelectDiscrepancy(d) => {
            if d < state.comparison.discrepancies.len() {
                v.selection = Some(Selection::Discrepancy(d));
                if v.panel != Some(Panel::Discrepancies) {
                    v.panel = Some(Panel::Selection);
                }
                state.scroll = state.emphasis_for(Selection::Discrepancy(d));
            }
        }
        Msg::SelectPassage(k) => {
            if let Some(s) = state.comparison.coverage.sentences.get(k) {
                v.selection = Some(Selection::Passage(k));
                v.column = s.report;
                v.panel = Some(Panel::Selection);
                state.scroll = state.emphasis_for(Selection::Passage(k));
            }
        }
        Msg::Jump(at) => {
            if at.0 < n {
                state.scroll = vec![at];
                v.column = at.0;
            }
        }
        Msg::JumpPerson { person, report } => {
            if let Some(q) = state.first_quote_of(person, report) {
                state.view.selection = Some(Selection::Person(person));
                state.view.column = report;
                state.scroll = vec![(report, Target::Quote(q))];
            }
        }
        Msg::Clear => {
            v.selection = None;
            if v.panel == Some(Panel::Keys) {
                v.panel = None;
            }
        }
        Msg::ToggleKind(k) => {
            if !v.hidden_kinds.remove(&k) {
                v.hidden_kinds.insert(k);
            }
        }
        Msg::ToggleLens => v.lens = !v.lens,
        Msg::HideColumn(c) => {
            // Never hide the last visible column.
            if c < n && v.hidden_columns.len() + 1 < n {
                v.hidden_columns.insert(c);
                if v.column == c {
                    v.column = next_visible(v, n, c, 1);
                }
            }
        }
        Msg::ShowColumn(c) => {
            v.hidden_columns.remove(&c);
        }
        Msg::ShowAllColumns => v.hidden_columns.clear(),
        Msg::ToggleWide(c) => {
            if c < n && !v.wide_columns.remove(&c) {
                v.wide_columns.insert(c);
            }
        }
        Msg::Column(c) => {
            if c < n {
                v.hidden_columns.remove(&c);
                v.column = c;
            }
        }
        Msg::StepColumn(by) => {
            if n > 0 {
                let col = v.column.min(n - 1);
                v.column = next_visible(v, n, col, by);
            }
        }
        Msg::Step(nav, by) => step(state, nav, by),
        Msg::OpenPanel(p) => v.panel = Some(p),
        Msg::TogglePanel(p) => {
            v.panel = if v.panel == Some(p) { None } else { Some(p) };
        }
        Msg::ClosePanel => v.panel = None,
        // Handled by update_reports.
        Msg::AddReports(_)
        | Msg::AddFiles(_)
        | Msg::RemoveReport(_)
        | Msg::MoveReport(..)
        | Msg::RenameReport(..)
        | Msg::EditReport(..)
        | Msg::NewComparison
        | Msg::Undo
        | Msg::ShowExample
        | Msg::ShowOwn
        | Msg::Dismiss
        | Msg::Notice(_) => {}
        Msg::Fragment(f) => {
            let parsed = parse_fragment(&f, state);
            if parsed != state.view {
                state.view = parsed;
                state.scroll = state.emphasis();
                if let Some(at) = state.selected() {
                    state.scroll.insert(0, at);
                }
            }
        }
    }
    let after = &state.view;
    Changed {
        emphasis: after.selection != before.selection || !state.scroll.is_empty(),
        panel: after.panel != before.panel || after.selection != before.selection,
        layout: after.hidden_kinds != before.hidden_kinds
            || after.hidden_columns != before.hidden_columns
            || after.wide_columns != before.wide_columns
            || after.lens != before.lens
            || after.column != before.column,
        reports: false,
        own: false,
    }
}

impl State {
    /// The emphasis `sel` would have (for scrolling before it is made).
    fn emphasis_for(&self, sel: Selection) -> Vec<At> {
        let mut out = self.emphasis_of(Some(sel));
        out.dedup();
        out
    }
}

/// The first target of each report.
fn first_per_report(list: Vec<At>) -> Vec<At> {
    let mut seen = Set::new();
    list.into_iter().filter(|&(r, _)| seen.insert(r)).collect()
}

/// The next visible column from `from`, `by` steps on (wrapping).
fn next_visible(v: &View, n: usize, from: usize, by: isize) -> usize {
    let visible: Vec<usize> = (0..n).filter(|c| !v.hidden_columns.contains(c)).collect();
    if visible.is_empty() {
        return from.min(n.saturating_sub(1));
    }
    let at = visible.iter().position(|&c| c >= from).unwrap_or(0);
    let at = if visible.get(at) == Some(&from) || by == 0 {
        at as isize + by
    } else if by > 0 {
        at as isize + by - 1
    } else {
        at as isize + by
    };
    visible[at.rem_euclid(visible.len() as isize) as usize]
}

/// Next/previous quotation, claim, discrepancy or passage.
fn step(state: &mut State, nav: Nav, by: isize) {
    let v = &state.view;
    let col = v.column.min(state.reports.len().saturating_sub(1));
    let Some(report) = state.reports.get(col) else {
        return;
    };
    let wrap = |cur: Option<usize>, len: usize| -> Option<usize> {
        if len == 0 {
            return None;
        }
        Some(match cur {
            Some(i) => (i as isize + by).rem_euclid(len as isize) as usize,
            None if by >= 0 => 0,
            None => len - 1,
        })
    };
    let msg = match nav {
        Nav::Quote => {
            let cur = match v.selection {
                Some(Selection::Quote { report: r, quote }) if r == col => Some(quote),
                _ => None,
            };
            wrap(cur, report.analysis.quotes.len())
                .map(|quote| Msg::SelectQuote { report: col, quote })
        }
        Nav::Claim => {
            let cur = match v.selection {
                Some(Selection::Claim { report: r, claim }) if r == col => Some(claim),
                _ => None,
            };
            wrap(cur, report.analysis.claims.len())
                .map(|claim| Msg::SelectClaim { report: col, claim })
        }
        Nav::Discrepancy => {
            let cur = match v.selection {
                Some(Selection::Discrepancy(d)) => Some(d),
                _ => None,
            };
            wrap(cur, state.comparison.discrepancies.len()).map(Msg::SelectDiscrepancy)
        }
        Nav::Passage => {
            let range = state.index.sentences[col].clone();
            let cur = match v.selection {
                Some(Selection::Passage(k)) if range.contains(&k) => Some(k - range.start),
                _ => None,
            };
            wrap(cur, range.len()).map(|i| Msg::SelectPassage(range.start + i))
        }
    };
    if let Some(msg) = msg {
        update(state, msg);
        if let Some(at) = state.selected() {
            if !state.scroll.contains(&at) {
                state.scroll.insert(0, at);
            }
        }
    }
}

/// The key of a `keydown` (its `key`), outside text fields, as a message.
pub fn key_msg(key: &str) -> Option<Msg> {
    Some(match key {
        "j" => Msg::Step(Nav::Quote, 1),
        "k" => Msg::Step(Nav::Quote, -1),
        "c" => Msg::Step(Nav::Claim, 1),
        "C" => Msg::Step(Nav::Claim, -1),
        "d" => Msg::Step(Nav::Discrepancy, 1),
        "D" => Msg::Step(Nav::Discrepancy, -1),
        "p" => Msg::Step(Nav::Passage, 1),
        "P" => Msg::Step(Nav::Passage, -1),
        "]" | "l" => Msg::StepColumn(1),
        "[" | "h" => Msg::StepColumn(-1),
        "w" => return None, // handled with the active column by the caller
        "i" => Msg::TogglePanel(Panel::Selection),
        "s" => Msg::TogglePanel(Panel::Speakers),
        "x" => Msg::TogglePanel(Panel::Discrepancies),
        "?" => Msg::TogglePanel(Panel::Keys),
        "t" => Msg::ToggleLens,
        "Escape" => Msg::Clear,
        _ => return None,
    })
}

/// The keys, for the keys panel: (keys, what they do).
pub const KEYS: &[(&str, &str)] = &[
    ("j / k", "next / previous quotation in the active column"),
    ("c / C", "next / previous disputed claim"),
    ("d / D", "next / previous discrepancy"),
    (
        "p / P",
        "next / previous passage (sentence) and its counterparts",
    ),
    ("] / [  or  l / h", "next / previous column"),
    ("Enter", "select the focused highlight"),
    ("i", "open or close the selection panel"),
    ("s", "open or close the speakers panel"),
    ("x", "open or close the discrepancies panel"),
    ("t", "stance lens on or off"),
    ("Escape", "clear the selection"),
    ("?", "this list of keys"),
];

/// The view as a URL fragment (without `#`): `sel=q.0.3&panel=selection&hide=cue&cols=2&wide=1&lens=1&col=1`.
pub fn fragment(v: &View) -> String {
    let mut parts: Vec<String> = Vec::new();
    if v.example {
        parts.push("set=example".into());
    }
    if let Some(sel) = v.selection {
        parts.push(format!(
            "sel={}",
            match sel {
                Selection::Quote { report, quote } => format!("q.{report}.{quote}"),
                Selection::Person(p) => format!("p.{p}"),
                Selection::Claim { report, claim } => format!("c.{report}.{claim}"),
                Selection::Discrepancy(d) => format!("d.{d}"),
                Selection::Passage(k) => format!("s.{k}"),
            }
        ));
    }
    if let Some(p) = v.panel {
        parts.push(format!("panel={}", p.as_str()));
    }
    let join = |set: &Set<usize>| {
        set.iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(".")
    };
    if !v.hidden_kinds.is_empty() {
        let kinds: Vec<&str> = v.hidden_kinds.iter().map(|k| k.as_str()).collect();
        parts.push(format!("hide={}", kinds.join(".")));
    }
    if !v.hidden_columns.is_empty() {
        parts.push(format!("cols={}", join(&v.hidden_columns)));
    }
    if !v.wide_columns.is_empty() {
        parts.push(format!("wide={}", join(&v.wide_columns)));
    }
    if v.lens {
        parts.push("lens=1".into());
    }
    if v.column != 0 {
        parts.push(format!("col={}", v.column));
    }
    parts.join("&")
}

/// Reads a fragment written by [`fragment`] (with or without `#`), dropping whatever does not
/// fit `state` (a selection or column out of range, unknown names).
pub fn parse_fragment(f: &str, state: &State) -> View {
    let n = state.reports.len();
    let c = &state.comparison;
    let mut v = View::default();
    let nums = |s: &str| -> Vec<usize> { s.split('.').filter_map(|x| x.parse().ok()).collect() };
    for pair in f.trim_start_matches('#').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "sel" => {
                let (tag, rest) = value.split_once('.').unwrap_or((value, ""));
                let ns = nums(rest);
                v.selection = match (tag, ns.as_slice()) {
                    ("q", &[report, quote])
                        if state
                            .reports
                            .get(report)
                            .is_some_and(|r| quote < r.analysis.quotes.len()) =>
                    {
                        Some(Selection::Quote { report, quote })
                    }
                    ("c", &[report, claim])
                        if state
                            .reports
                            .get(report)
                            .is_some_and(|r| claim < r.analysis.claims.len()) =>
                    {
                        Some(Selection::Claim { report, claim })
                    }
                    ("p", &[p]) if p < c.people.len() => Some(Selection::Person(p)),
                    ("d", &[d]) if d < c.discrepancies.len() => Some(Selection::Discrepancy(d)),
                    ("s", &[k]) if k < c.coverage.sentences.len() => Some(Selection::Passage(k)),
                    _ => None,
                };
            }
            "panel" => v.panel = Panel::parse(value),
            "hide" => v.hidden_kinds = value.split('.').filter_map(Kind::parse).collect(),
            "cols" => v.hidden_columns = nums(value).into_iter().filter(|&c| c < n).collect(),
            "wide" => v.wide_columns = nums(value).into_iter().filter(|&c| c < n).collect(),
            "lens" => v.lens = value == "1",
            "col" => v.column = value.parse().ok().filter(|&c| c < n).unwrap_or(0),
            "set" => v.example = value == "example",
            _ => {}
        }
    }
    if n > 0 && v.hidden_columns.len() >= n {
        v.hidden_columns.clear();
    }
    v
}

/// The reader's reports as stored (localStorage): a JSON array of `{"file", "text"}`.
pub fn stored_json(own: &[Doc]) -> String {
    fn string(out: &mut String, s: &str) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                    out.push_str(&format!("\\u{:04x}", c as u32))
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
    let mut out = String::from("[");
    for (i, d) in own.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"file\":");
        string(&mut out, &d.file);
        out.push_str(",\"text\":");
        string(&mut out, &d.text);
        out.push('}');
    }
    out.push(']');
    out
}

/// A short description of a span's text for labels: at most `max` characters, on one line.
pub fn excerpt(text: &str, span: Span, max: usize) -> String {
    let s: String = span
        .as_str(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn seeds() -> State {
        State::seeds()
    }

    /// Report 0's quotation of Trump on land and power plants.
    fn land_quote(s: &State) -> (usize, usize) {
        let r = &s.reports[0];
        let q = r
            .analysis
            .quotes
            .iter()
            .position(|q| q.span.as_str(&r.text).contains("power plants"))
            .expect("the land-and-power-plants quote in report 0");
        (0, q)
    }

    #[test]
    fn selecting_a_quote_emphasises_its_group_in_other_reports_and_opens_the_panel() {
        let mut s = seeds();
        let (report, quote) = land_quote(&s);
        let changed = update(&mut s, Msg::SelectQuote { report, quote });
        assert!(changed.emphasis && changed.panel);
        assert_eq!(s.view.panel, Some(Panel::Selection));
        let g = s.group_of(report, quote).expect("grouped");
        let reports: BTreeSet<usize> = s
            .emphasis()
            .iter()
            .filter(|(_, t)| matches!(t, Target::Quote(_)))
            .map(|&(r, _)| r)
            .collect();
        assert!(reports.len() >= 4, "{reports:?}");
        assert!(s.comparison.quote_groups[g].members.len() >= 4);
        // The other columns scroll to their members; the clicked one stays put.
        assert!(!s.scroll.is_empty());
        assert!(s.scroll.iter().all(|&(r, _)| r != report));
    }

    #[test]
    fn escape_clears_and_a_bad_index_is_ignored() {
        let mut s = seeds();
        update(
            &mut s,
            Msg::SelectQuote {
                report: 0,
                quote: 0,
            },
        );
        update(&mut s, Msg::Clear);
        assert_eq!(s.view.selection, None);
        let before = s.view.clone();
        update(
            &mut s,
            Msg::SelectQuote {
                report: 99,
                quote: 0,
            },
        );
        update(
            &mut s,
            Msg::SelectQuote {
                report: 0,
                quote: 9999,
            },
        );
        update(&mut s, Msg::SelectPerson(9999));
        update(&mut s, Msg::SelectDiscrepancy(9999));
        update(&mut s, Msg::SelectPassage(usize::MAX));
        assert_eq!(s.view, before);
    }

    #[test]
    fn a_speaker_selects_the_person_everywhere() {
        let mut s = seeds();
        let (report, quote) = land_quote(&s);
        update(&mut s, Msg::SelectSpeakerOf { report, quote });
        let p = match s.view.selection {
            Some(Selection::Person(p)) => p,
            other => panic!("{other:?}"),
        };
        assert_eq!(s.comparison.people[p].name, "Donald Trump");
        assert_eq!(s.view.panel, Some(Panel::Speakers));
        let em = s.emphasis();
        let reports: BTreeSet<usize> = em.iter().map(|&(r, _)| r).collect();
        assert_eq!(reports.len(), 5, "Trump is quoted in every seed");
        assert!(em.iter().any(|(_, t)| matches!(t, Target::Speaker(_))));
        assert!(
            em.contains(&(0, Target::Mention(p))),
            "every mention, quoting or not"
        );
        // A matrix cell jumps to the person's first quote in that report.
        update(
            &mut s,
            Msg::JumpPerson {
                person: p,
                report: 3,
            },
        );
        assert_eq!(
            s.scroll,
            vec![(3, Target::Quote(s.first_quote_of(p, 3).unwrap()))]
        );
        assert_eq!(s.view.column, 3);
    }

    #[test]
    fn the_former_president_discrepancy_scrolls_to_report_1() {
        let mut s = seeds();
        let d = s
            .comparison
            .discrepancies
            .iter()
            .position(|d| d.label.contains("Former President"))
            .expect("the Former President discrepancy");
        update(&mut s, Msg::SelectDiscrepancy(d));
        assert_eq!(s.view.selection, Some(Selection::Discrepancy(d)));
        assert!(s.scroll.contains(&(1, Target::Discrepancy(d))));
    }

    #[test]
    fn a_passage_brings_its_counterparts() {
        let mut s = seeds();
        let k = (0..s.comparison.coverage.sentences.len())
            .find(|&k| s.carried_by(k) >= 2)
            .expect("a shared sentence");
        update(&mut s, Msg::SelectPassage(k));
        let em = s.emphasis();
        assert!(em.len() >= 3);
        assert!(em.iter().all(|(_, t)| matches!(t, Target::Sentence(_))));
        assert_eq!(s.view.column, s.comparison.coverage.sentences[k].report);
    }

    #[test]
    fn steps_wrap_within_the_active_column() {
        let mut s = seeds();
        update(&mut s, Msg::Column(2));
        update(&mut s, Msg::Step(Nav::Quote, 1));
        assert_eq!(
            s.view.selection,
            Some(Selection::Quote {
                report: 2,
                quote: 0
            })
        );
        assert_eq!(s.scroll.first(), Some(&(2, Target::Quote(0))));
        update(&mut s, Msg::Step(Nav::Quote, -1));
        let last = s.reports[2].analysis.quotes.len() - 1;
        assert_eq!(
            s.view.selection,
            Some(Selection::Quote {
                report: 2,
                quote: last
            })
        );
        update(&mut s, Msg::Step(Nav::Discrepancy, 1));
        assert_eq!(s.view.selection, Some(Selection::Discrepancy(0)));
        update(&mut s, Msg::Step(Nav::Discrepancy, -1));
        let n = s.comparison.discrepancies.len();
        assert_eq!(s.view.selection, Some(Selection::Discrepancy(n - 1)));
    }

    #[test]
    fn columns_hide_show_widen_and_step_over_hidden_ones() {
        let mut s = seeds();
        update(&mut s, Msg::HideColumn(1));
        assert!(s.view.hidden_columns.contains(&1));
        update(&mut s, Msg::StepColumn(1));
        assert_eq!(s.view.column, 2, "column 1 is hidden");
        update(&mut s, Msg::StepColumn(-1));
        assert_eq!(s.view.column, 0);
        update(&mut s, Msg::StepColumn(-1));
        assert_eq!(s.view.column, 4, "wraps");
        for c in 0..5 {
            update(&mut s, Msg::HideColumn(c));
        }
        assert_eq!(s.view.hidden_columns.len(), 4, "one column always stays");
        update(&mut s, Msg::ShowAllColumns);
        assert!(s.view.hidden_columns.is_empty());
        let c = update(&mut s, Msg::ToggleWide(3));
        assert!(c.layout && s.view.wide_columns.contains(&3));
        update(&mut s, Msg::ToggleWide(3));
        assert!(s.view.wide_columns.is_empty());
    }

    #[test]
    fn kinds_lens_and_panels_toggle() {
        let mut s = seeds();
        update(&mut s, Msg::ToggleKind(Kind::Cue));
        assert!(s.view.hidden_kinds.contains(&Kind::Cue));
        update(&mut s, Msg::ToggleKind(Kind::Cue));
        assert!(s.view.hidden_kinds.is_empty());
        update(&mut s, Msg::ToggleLens);
        assert!(s.view.lens);
        update(&mut s, Msg::TogglePanel(Panel::Keys));
        assert_eq!(s.view.panel, Some(Panel::Keys));
        update(&mut s, Msg::Clear);
        assert_eq!(s.view.panel, None, "Escape closes the keys");
        update(&mut s, Msg::OpenPanel(Panel::Speakers));
        update(&mut s, Msg::ClosePanel);
        assert_eq!(s.view.panel, None);
    }

    #[test]
    fn the_fragment_round_trips_and_restores_the_view() {
        let mut s = seeds();
        let (report, quote) = land_quote(&s);
        update(&mut s, Msg::SelectQuote { report, quote });
        update(&mut s, Msg::ToggleKind(Kind::Marker));
        update(&mut s, Msg::HideColumn(4));
        update(&mut s, Msg::ToggleWide(2));
        update(&mut s, Msg::ToggleLens);
        update(&mut s, Msg::Column(3));
        let f = fragment(&s.view);
        assert_eq!(parse_fragment(&f, &s), s.view);
        assert_eq!(parse_fragment(&format!("#{f}"), &s), s.view);
        let mut fresh = seeds();
        let changed = update(&mut fresh, Msg::Fragment(format!("#{f}")));
        assert_eq!(fresh.view, s.view);
        assert!(changed.emphasis && changed.panel && changed.layout);
        assert!(fresh.scroll.contains(&(report, Target::Quote(quote))));
        // Junk and out-of-range parts are dropped.
        let v = parse_fragment(
            "sel=q.9.9&panel=nope&hide=quote.bogus&cols=0.1.2.3.4&col=77&x",
            &s,
        );
        assert_eq!(v.selection, None);
        assert_eq!(v.panel, None);
        assert_eq!(v.hidden_kinds, [Kind::Quote].into_iter().collect());
        assert!(v.hidden_columns.is_empty(), "never every column hidden");
        assert_eq!(v.column, 0);
    }

    #[test]
    fn control_messages_round_trip_through_data_msg() {
        let all = [
            Msg::SelectQuote {
                report: 1,
                quote: 2,
            },
            Msg::SelectSpeakerOf {
                report: 0,
                quote: 3,
            },
            Msg::SelectPerson(4),
            Msg::SelectClaim {
                report: 2,
                claim: 0,
            },
            Msg::SelectDiscrepancy(1),
            Msg::SelectPassage(17),
            Msg::Jump((1, Target::Discrepancy(0))),
            Msg::Jump((3, Target::Sentence(40))),
            Msg::Jump((0, Target::Quote(5))),
            Msg::JumpPerson {
                person: 0,
                report: 4,
            },
            Msg::Clear,
            Msg::ToggleKind(Kind::Marker),
            Msg::ToggleLens,
            Msg::HideColumn(3),
            Msg::ShowColumn(3),
            Msg::ShowAllColumns,
            Msg::ToggleWide(0),
            Msg::Column(2),
            Msg::OpenPanel(Panel::Discrepancies),
            Msg::TogglePanel(Panel::Keys),
            Msg::ClosePanel,
        ];
        for m in all {
            let e = m.encode().unwrap();
            assert_eq!(Msg::parse(&e), Some(m), "{e}");
        }
        assert_eq!(Msg::parse("q:1"), None);
        assert_eq!(Msg::parse("kind:nope"), None);
        assert_eq!(Msg::parse(""), None);
    }

    #[test]
    fn keys_map_to_messages() {
        assert_eq!(key_msg("j"), Some(Msg::Step(Nav::Quote, 1)));
        assert_eq!(key_msg("D"), Some(Msg::Step(Nav::Discrepancy, -1)));
        assert_eq!(key_msg("Escape"), Some(Msg::Clear));
        assert_eq!(key_msg("?"), Some(Msg::TogglePanel(Panel::Keys)));
        assert_eq!(key_msg("q"), None);
    }

    #[test]
    fn summary_counts_shared_quotes() {
        let s = seeds();
        for r in 0..s.reports.len() {
            assert!(s.quotes_shared(r) <= s.reports[r].analysis.quotes.len());
        }
        assert!(s.quotes_shared(0) >= 1);
        assert_eq!(
            s.index.sentences.last().unwrap().end,
            s.comparison.coverage.sentences.len()
        );
    }

    fn own(n: usize) -> Vec<Doc> {
        (0..n)
            .map(|i| Doc::new(format!("r{i}.txt"), crate::seeds::SEEDS[i % 5].1))
            .collect()
    }

    #[test]
    fn adding_reports_leaves_the_example_and_refuses_what_does_not_fit() {
        let mut s = seeds();
        assert!(s.view.example && s.own.is_empty());
        let c = update(
            &mut s,
            Msg::AddReports(vec![
                Doc::new("", "Peace talks begin\n\"We will talk,\" Trump said."),
                Doc::new("big.txt", "x".repeat(MAX_REPORT_BYTES + 1)),
                Doc::new("empty.txt", "  \n"),
            ]),
        );
        assert!(c.reports && c.own);
        assert!(!s.view.example);
        assert_eq!(s.own.len(), 1);
        assert_eq!(s.own[0].file, "Report 1");
        assert_eq!(s.reports.len(), 1, "one report alone is analysed");
        assert_eq!(s.reports[0].analysis.quotes.len(), 1);
        let notice = s.notice.clone().unwrap();
        assert!(
            notice.contains("big.txt is too large") && notice.contains("empty.txt is empty"),
            "{notice}"
        );
        // Up to the limit, and names stay unique.
        update(&mut s, Msg::AddReports(own(MAX_REPORTS + 3)));
        assert_eq!(s.own.len(), MAX_REPORTS);
        assert_eq!(s.reports.len(), MAX_REPORTS);
        assert!(s.notice.as_deref().unwrap().contains("at most 20 reports"));
        update(&mut s, Msg::AddReports(vec![]));
        let names: BTreeSet<&str> = s.own.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(names.len(), s.own.len());
    }

    #[test]
    fn files_are_decoded_and_bad_ones_refused_with_their_reason() {
        use crate::decode::decode;
        let mut s = seeds();
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "Port deal signed\n“We agree,” Ana Ruiz said."
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let files = vec![
            ("wide.txt".to_string(), decode(&utf16, MAX_FILE_BYTES)),
            (
                "picture.png".to_string(),
                decode(b"\x89PNG\r\n\x1a\n", MAX_FILE_BYTES),
            ),
            ("blank.txt".to_string(), decode(b"", MAX_FILE_BYTES)),
            (
                "old.txt".to_string(),
                decode(b"Port deal\n\x93Oui,\x94 said Ana Ruiz.", MAX_FILE_BYTES),
            ),
        ];
        let c = update(&mut s, Msg::AddFiles(files));
        assert!(c.reports && c.own);
        let names: Vec<&str> = s.own.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(names, ["wide.txt", "old.txt"]);
        assert!(s.own[0].text.starts_with("Port deal signed\n“We agree,”"));
        assert!(s.own[1].text.contains("“Oui,”"));
        let notice = s.notice.clone().unwrap();
        for part in [
            "Not added: picture.png: a PNG image file, not text",
            "blank.txt: the file is empty",
            "Converted: wide.txt: read as UTF-16",
            "old.txt: not UTF-8: read as Latin-1",
        ] {
            assert!(notice.contains(part), "{part} in {notice}");
        }
    }

    #[test]
    fn analysed_then_compared_is_with_own() {
        for example in [false, true] {
            let a = State::with_own(own(3), example);
            let b = State::with_analysed(own(3), example, State::analysed(&own(3), example));
            assert_eq!(format!("{:?}", a), format!("{:?}", b));
        }
    }

    #[test]
    fn remove_move_rename_edit() {
        let mut s = State::with_own(own(3), false);
        let text0 = s.own[0].text.clone();
        update(
            &mut s,
            Msg::SelectQuote {
                report: 0,
                quote: 0,
            },
        );
        update(&mut s, Msg::MoveReport(0, 1));
        assert_eq!(s.own[1].file, "r0.txt");
        assert_eq!(s.reports[1].text, text0);
        assert_eq!(
            s.view.selection, None,
            "a selection into the old order is dropped"
        );
        update(&mut s, Msg::MoveReport(0, -1));
        assert_eq!(s.own[0].file, "r1.txt", "nothing left of the first");
        update(&mut s, Msg::RenameReport(1, "  Courier  ".into()));
        assert_eq!(s.own[1].file, "Courier");
        assert_eq!(s.reports[1].file, "Courier");
        update(&mut s, Msg::RenameReport(0, "Courier".into()));
        assert_eq!(s.own[0].file, "Courier (2)");
        update(
            &mut s,
            Msg::EditReport(2, "New text \"quoted,\" she said.".into()),
        );
        assert_eq!(s.reports[2].analysis.quotes.len(), 1);
        update(&mut s, Msg::EditReport(2, " ".into()));
        assert!(s.notice.is_some());
        assert_eq!(s.own[2].text, "New text \"quoted,\" she said.");
        let c = update(&mut s, Msg::RemoveReport(0));
        assert!(c.own && c.reports);
        assert_eq!(s.own.len(), 2);
        assert_eq!(
            s.comparison
                .coverage
                .speakers
                .iter()
                .all(|r| r.reports.len() == 2),
            true
        );
        update(&mut s, Msg::RemoveReport(7));
        assert_eq!(s.own.len(), 2);
    }

    #[test]
    fn the_example_never_overwrites_the_readers_reports() {
        let mut s = State::with_own(own(2), false);
        let mine = s.own.clone();
        update(&mut s, Msg::ShowExample);
        assert!(s.view.example);
        assert_eq!(s.reports.len(), 5);
        assert_eq!(s.own, mine);
        assert!(fragment(&s.view).contains("set=example"));
        for m in [
            Msg::RemoveReport(0),
            Msg::MoveReport(0, 1),
            Msg::RenameReport(0, "x".into()),
        ] {
            let c = update(&mut s, m);
            assert!(!c.own);
        }
        assert_eq!(s.reports.len(), 5);
        assert_eq!(s.own, mine);
        assert!(s.notice.is_some());
        update(&mut s, Msg::Dismiss);
        assert_eq!(s.notice, None);
        update(&mut s, Msg::ShowOwn);
        assert_eq!(s.reports.len(), 2);
        // The fragment switches sets too.
        update(&mut s, Msg::Fragment("#set=example&sel=q.0.0".into()));
        assert!(s.view.example);
        assert_eq!(
            s.view.selection,
            Some(Selection::Quote {
                report: 0,
                quote: 0
            })
        );
        update(&mut s, Msg::Fragment("".into()));
        assert!(!s.view.example);
        assert_eq!(s.reports.len(), 2);
    }

    #[test]
    fn a_new_comparison_can_be_undone() {
        let mut s = State::with_own(own(3), false);
        let mine = s.own.clone();
        update(&mut s, Msg::NewComparison);
        assert!(s.own.is_empty() && s.reports.is_empty());
        update(&mut s, Msg::Undo);
        assert_eq!(s.own, mine);
        assert_eq!(s.reports.len(), 3);
        for m in [
            "rm:2", "mv:1:-1", "new", "undo", "example", "own", "dismiss",
        ] {
            assert_eq!(Msg::parse(m).and_then(|m| m.encode()).as_deref(), Some(m));
        }
    }

    #[test]
    fn stored_json_escapes_everything() {
        let j = stored_json(&[Doc::new("a\"b", "l1\nl2\t\\ \u{1} “é” 😀\u{2028}")]);
        assert_eq!(
            j,
            "[{\"file\":\"a\\\"b\",\"text\":\"l1\\nl2\\t\\\\ \\u0001 “é” 😀\\u2028\"}]"
        );
        assert_eq!(stored_json(&[]), "[]");
    }

    #[test]
    fn any_number_of_reports() {
        for n in [0usize, 1, 2, 12] {
            let reports: Vec<Report> = (0..n)
                .map(|i| {
                    let (f, t) = crate::seeds::SEEDS[i % crate::seeds::SEEDS.len()];
                    Report::new(format!("{i}-{f}"), t)
                })
                .collect();
            let mut s = State::new(reports);
            for msg in [
                Msg::Step(Nav::Quote, 1),
                Msg::Step(Nav::Passage, -1),
                Msg::Step(Nav::Claim, 1),
                Msg::Step(Nav::Discrepancy, 1),
                Msg::StepColumn(-1),
                Msg::HideColumn(0),
                Msg::Fragment("sel=s.3&col=11".into()),
            ] {
                update(&mut s, msg);
            }
            assert!(s.view.column < n.max(1));
        }
    }
}
