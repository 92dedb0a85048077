//! DOM building from a [`State`]: the page once per set of reports (toolbar, tabs, one column
//! per report with its presence strip, the panel frame), and the panel's content per selection.
//!
//! Every function takes the [`Document`] to create nodes with and returns or fills elements the
//! caller places; nothing here looks up global state. Article text goes in as text nodes only.

use rustc_hash::FxHashMap as HashMap;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node};

use super::state::{
    excerpt, At, Kind, Msg, Panel, Selection, State, Target, KEYS, MAX_REPORTS, MAX_REPORT_BYTES,
};
use crate::compare::DiffOp;
use crate::highlight::{self, Event, Mark};
use crate::Span;

/// Number of person colours in the palette (Paul Tol's "bright" plus two of "muted").
pub const PERSON_COLOURS: usize = 8;

/// The page as built: the elements later updates touch.
pub struct Page {
    /// One `<article data-report>` per report.
    pub columns: Vec<Element>,
    /// The scrolling body of each column.
    pub bodies: Vec<Element>,
    /// The report tabs (shown on narrow screens).
    pub tabs: Vec<Element>,
    /// The legend's kind toggles, in [`Kind::ALL`] order, and the lens toggle.
    pub kind_buttons: Vec<Element>,
    pub lens_button: Element,
    /// Each column's widen button.
    pub wide_buttons: Vec<Element>,
    /// Where the buttons that show hidden columns go.
    pub hidden_bar: Element,
    /// The panel's tab buttons, in [`Panel::ALL`] order.
    pub panel_tabs: Vec<Element>,
    pub panel: Element,
    pub panel_body: Element,
    /// For each report, the elements of each target (a highlight split in parts has several).
    pub targets: Vec<HashMap<Target, Vec<Element>>>,
}

impl Page {
    /// The elements of `at`.
    pub fn elements(&self, at: At) -> &[Element] {
        self.targets
            .get(at.0)
            .and_then(|m| m.get(&at.1))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// `e.setAttribute(name, value)`. Not inlined, like the other builders here: one call at each
/// of the hundred places instead of the binding's code (issue 7: the page's size).
#[inline(never)]
pub(crate) fn attr(e: &Element, name: &str, value: &str) -> Result<(), JsValue> {
    e.set_attribute(name, value)
}

/// `parent.appendChild(child)`.
#[inline(never)]
pub(crate) fn add(parent: &Node, child: &Node) -> Result<(), JsValue> {
    parent.append_child(child).map(drop)
}

#[inline(never)]
fn el(doc: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

#[inline(never)]
fn text(doc: &Document, parent: &Element, s: &str) -> Result<(), JsValue> {
    add(&parent, &doc.create_text_node(s))?;
    Ok(())
}

#[inline(never)]
fn el_text(doc: &Document, tag: &str, class: &str, s: &str) -> Result<Element, JsValue> {
    let e = el(doc, tag, class)?;
    text(doc, &e, s)?;
    Ok(e)
}

/// A `<button type="button" data-msg>` with a text label.
#[inline(never)]
fn button(doc: &Document, class: &str, msg: &Msg, label: &str) -> Result<Element, JsValue> {
    let b = el_text(doc, "button", class, label)?;
    attr(&b, "type", "button")?;
    if let Some(m) = msg.encode() {
        attr(&b, "data-msg", &m)?;
    }
    Ok(b)
}

/// "report 2" / "reports 1, 3".
fn reports_label(rs: &[usize]) -> String {
    let list: Vec<String> = rs.iter().map(|r| r.to_string()).collect();
    match rs.len() {
        0 => "no other report".into(),
        1 => format!("report {}", list[0]),
        _ => format!("reports {}", list.join(", ")),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `id`s of the add form's fields.
pub const ADD_FORM: &str = "add-form";
pub const ADD_NAME: &str = "add-name";
pub const ADD_TEXT: &str = "add-text";
pub const ADD_FILES: &str = "add-files";
pub const ADD_BOX: &str = "add-box";

/// The reports' source: which set is shown, the add form (paste, choose files), the notice.
fn sources(doc: &Document, state: &State) -> Result<Element, JsValue> {
    let section = el(doc, "section", "sources")?;
    attr(&section, "aria-label", "Your reports")?;
    let set = el(doc, "p", "set")?;
    let n = state.own.len();
    if state.view.example {
        // One flex item, so that the colon never starts a line of its own on a phone.
        let name = el(doc, "span", "set-name")?;
        add(
            &name,
            &el_text(doc, "strong", "", "The example story")?.into(),
        )?;
        text(
            doc,
            &name,
            ": five reports of the March 2025 Trump–Putin call. ",
        )?;
        add(&set, &name.into())?;
        add(
            &set,
            &button(doc, "action", &Msg::ShowOwn, &format!("Your reports ({n})"))?.into(),
        )?;
    } else {
        add(
            &set,
            &el_text(doc, "strong", "", &format!("Your reports ({n})"))?.into(),
        )?;
        text(doc, &set, " ")?;
        add(
            &set,
            &button(doc, "action", &Msg::ShowExample, "Open the example story")?.into(),
        )?;
        if n > 0 {
            text(doc, &set, " ")?;
            add(
                &set,
                &button(doc, "action", &Msg::NewComparison, "New comparison")?.into(),
            )?;
        }
    }
    if !state.reports.is_empty() {
        for (kind, label) in [("json", "Export JSON"), ("html", "Export HTML")] {
            let b = el_text(doc, "button", "action", label)?;
            attr(&b, "type", "button")?;
            attr(&b, "data-export", kind)?;
            add(&set, &b)?;
        }
    }
    add(&section, &set)?;

    // Open while there is nothing to read; a summary line once there are reports.
    let details = el(doc, "details", "add-box")?;
    details.set_id(ADD_BOX);
    if state.reports.is_empty() {
        attr(&details, "open", "")?;
    }
    let summary = el_text(doc, "summary", "action", "Add reports…")?;
    add(&details, &summary)?;
    let form = el(doc, "form", "add")?;
    form.set_id(ADD_FORM);
    attr(&form, "aria-label", "Add a report")?;
    let name_label = el_text(doc, "label", "", "Name ")?;
    attr(&name_label, "for", ADD_NAME)?;
    add(&form, &name_label)?;
    let name = el(doc, "input", "")?;
    name.set_id(ADD_NAME);
    attr(&name, "type", "text")?;
    attr(&name, "placeholder", "e.g. the outlet")?;
    attr(&name, "autocomplete", "off")?;
    add(&form, &name)?;
    let text_label = el_text(doc, "label", "", "Paste an article")?;
    attr(&text_label, "for", ADD_TEXT)?;
    add(&form, &text_label)?;
    let area = el(doc, "textarea", "")?;
    area.set_id(ADD_TEXT);
    attr(&area, "rows", "3")?;
    attr(
        &area,
        "placeholder",
        "Headline on the first line, then the article's text",
    )?;
    add(&form, &area)?;
    let submit = el_text(doc, "button", "action primary", "Add report")?;
    attr(&submit, "type", "submit")?;
    add(&form, &submit)?;
    let files_label = el_text(doc, "label", "action file", "Choose files…")?;
    attr(&files_label, "for", ADD_FILES)?;
    add(&form, &files_label)?;
    let files = el(doc, "input", "visually-hidden")?;
    files.set_id(ADD_FILES);
    attr(&files, "type", "file")?;
    attr(&files, "multiple", "")?;
    attr(
        &files,
        "accept",
        ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html",
    )?;
    add(&form, &files)?;
    let hint = el_text(
        doc,
        "p",
        "hint",
        &format!(
            "…or drop .txt, .md or .html files anywhere on the page (several at once). Up to {MAX_REPORTS} reports of at most {} KB of text each; HTML is reduced to the article's text. Everything stays in this browser.",
            MAX_REPORT_BYTES / 1000
        ),
    )?;
    add(&form, &hint)?;
    add(&details, &form)?;
    add(&set, &details)?;

    if state.notice.is_some() || state.aside.is_some() {
        let notice = el(doc, "div", "notice")?;
        attr(&notice, "role", "status")?;
        if let Some(m) = &state.notice {
            add(&notice, &el_text(doc, "span", "", m)?.into())?;
        }
        if let Some(raw) = &state.aside {
            let a = el_text(doc, "a", "action", "Download the unreadable data")?;
            attr(&a, "download", "crosscheck-unreadable.json")?;
            let href = format!(
                "data:application/octet-stream;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(raw))
            );
            attr(&a, "href", &href)?;
            text(doc, &notice, " ")?;
            add(&notice, &a)?;
        }
        if state.undo.is_some() {
            text(doc, &notice, " ")?;
            add(&notice, &button(doc, "action", &Msg::Undo, "Undo")?.into())?;
        }
        if state.notice.is_some() {
            text(doc, &notice, " ")?;
            let b = button(doc, "action", &Msg::Dismiss, "Dismiss")?;
            add(&notice, &b)?;
        }
        add(&section, &notice)?;
    }
    Ok(section)
}

/// What a first-time reader sees instead of columns.
fn empty(doc: &Document) -> Result<Element, JsValue> {
    let e = el(doc, "div", "empty")?;
    add(
        &e,
        &el_text(doc, "h2", "", "Compare reports of one event")?.into(),
    )?;
    add(&e, &el_text(doc, "p", "", "Copy two or more news reports of the same event from their sites and paste each into the box above, or drop their saved pages (.html), text or Markdown files here. crosscheck then highlights who is quoted and how, links the same quotation across the reports, and lists where they disagree. One report alone is analysed too.")?.into())?;
    let p = el(doc, "p", "")?;
    text(doc, &p, "To see how it works first: ")?;
    add(
        &p,
        &button(
            doc,
            "action primary",
            &Msg::ShowExample,
            "Open the example story",
        )?
        .into(),
    )?;
    text(
        doc,
        &p,
        " (five reports of the March 2025 Trump–Putin call; your reports stay as they are).",
    )?;
    add(&e, &p)?;
    Ok(e)
}

/// Builds the whole page into `root` (emptied first).
pub fn page(doc: &Document, root: &Element, state: &State) -> Result<Page, JsValue> {
    root.set_text_content(None);
    add(&root, &sources(doc, state)?.into())?;

    // The toolbar: the legend (which doubles as toggles), the lens, hidden columns.
    let toolbar = el(doc, "div", "toolbar")?;
    attr(&toolbar, "role", "toolbar")?;
    attr(&toolbar, "aria-label", "Highlights")?;
    let mut kind_buttons = Vec::new();
    for k in Kind::ALL {
        let b = button(doc, "legend-item", &Msg::ToggleKind(k), "")?;
        attr(&b, "aria-pressed", "true")?;
        let (sample, label) = match k {
            Kind::Quote => ("“…”", "quotations"),
            Kind::Speaker => ("Name", "speakers"),
            Kind::Cue => ("said", "reporting verbs"),
            Kind::Claim => ("claim", "disputed claims"),
            Kind::Marker => ("reportedly", "claim markers"),
        };
        let s = el_text(doc, "span", &format!("sample k-{}", k.as_str()), sample)?;
        attr(&s, "aria-hidden", "true")?;
        add(&b, &s)?;
        text(doc, &b, &format!(" {label}"))?;
        add(&toolbar, &b)?;
        kind_buttons.push(b);
    }
    let kinds_note = el(doc, "span", "legend-note")?;
    for (cls, label) in [("full", "full"), ("partial", "partial"), ("scare", "scare")] {
        let s = el_text(doc, "span", &format!("sample k-quote q-{cls}"), label)?;
        add(&kinds_note, &s)?;
        text(doc, &kinds_note, " ")?;
    }
    add(&toolbar, &kinds_note)?;
    let lens_button = button(doc, "legend-item lens-toggle", &Msg::ToggleLens, "")?;
    attr(&lens_button, "aria-pressed", "false")?;
    text(doc, &lens_button, "Stance lens")?;
    add(&toolbar, &lens_button)?;
    let lens_key = el(doc, "span", "lens-key")?;
    for (stance, label) in [
        ("neutral", "neutral (said)"),
        ("contested", "distancing (claimed, insisted)"),
        ("counter", "countering (denied)"),
        ("hedged", "hedging (suggested)"),
    ] {
        let s = el_text(doc, "span", &format!("sample stance-{stance}"), label)?;
        add(&lens_key, &s)?;
        text(doc, &lens_key, " ")?;
    }
    add(&toolbar, &lens_key)?;
    let hidden_bar = el(doc, "span", "hidden-bar")?;
    add(&toolbar, &hidden_bar)?;
    add(&root, &toolbar)?;

    // Tabs for narrow screens.
    let tablist = el(doc, "div", "tabs")?;
    attr(&tablist, "role", "tablist")?;
    attr(&tablist, "aria-label", "Reports")?;
    let mut tabs = Vec::new();
    for (i, r) in state.reports.iter().enumerate() {
        let label = r
            .analysis
            .title
            .map(|t| excerpt(&r.text, t, 28))
            .unwrap_or_else(|| r.file.clone());
        let b = button(doc, "tab", &Msg::Column(i), &format!("{i} · {label}"))?;
        attr(&b, "role", "tab")?;
        attr(&b, "aria-controls", &format!("report-{i}"))?;
        attr(&b, "aria-selected", if i == 0 { "true" } else { "false" })?;
        add(&tablist, &b)?;
        tabs.push(b);
    }
    add(&root, &tablist)?;

    let row = el(doc, "div", "columns")?;
    if state.reports.is_empty() {
        add(&row, &empty(doc)?.into())?;
    }
    let mut columns = Vec::new();
    let mut bodies = Vec::new();
    let mut wide_buttons = Vec::new();
    let mut targets = Vec::new();
    for i in 0..state.reports.len() {
        let (col, body, wide, t) = column(doc, state, i)?;
        add(&row, &col)?;
        columns.push(col);
        bodies.push(body);
        wide_buttons.push(wide);
        targets.push(t);
    }
    add(&root, &row)?;

    // The panel, outside the columns.
    let panel = el(doc, "aside", "panel")?;
    panel.set_id("panel");
    attr(&panel, "aria-label", "Comparison")?;
    let bar = el(doc, "div", "panel-bar")?;
    let mut panel_tabs = Vec::new();
    for p in Panel::ALL {
        let b = button(doc, "panel-tab", &Msg::TogglePanel(p), p.label())?;
        attr(&b, "aria-expanded", "false")?;
        attr(&b, "aria-controls", "panel-body")?;
        add(&bar, &b)?;
        panel_tabs.push(b);
    }
    let close = button(doc, "panel-close", &Msg::ClosePanel, "×")?;
    attr(&close, "aria-label", "Close the panel")?;
    add(&bar, &close)?;
    add(&panel, &bar)?;
    let panel_body = el(doc, "div", "panel-body")?;
    panel_body.set_id("panel-body");
    attr(&panel_body, "aria-live", "polite")?;
    // It scrolls, so it takes the focus (keyboard scrolling).
    attr(&panel_body, "tabindex", "0")?;
    add(&panel, &panel_body)?;
    add(&root, &panel)?;

    Ok(Page {
        columns,
        bodies,
        tabs,
        kind_buttons,
        lens_button,
        wide_buttons,
        hidden_bar,
        panel_tabs,
        panel,
        panel_body,
        targets,
    })
}

type Targets = HashMap<Target, Vec<Element>>;

/// The column of report `index`: a header (file name, title, summary, controls), the presence
/// strip and the text, one `<p>` per paragraph (lines before the title are "furniture").
pub fn column(
    doc: &Document,
    state: &State,
    index: usize,
) -> Result<(Element, Element, Element, Targets), JsValue> {
    let report = &state.reports[index];
    let (text_, a) = (report.text.as_str(), &report.analysis);
    let marks = highlight::marks(a);
    let mut targets = Targets::default();
    let ctx = TextCtx::new(state, index);

    let article = el(doc, "article", "report")?;
    article.set_id(&format!("report-{index}"));
    attr(&article, "data-report", &index.to_string())?;
    let heading_id = format!("report-{index}-title");
    attr(&article, "aria-labelledby", &heading_id)?;

    let header = el(doc, "header", "report-header")?;
    let top = el(doc, "div", "report-top")?;
    let source = el_text(doc, "p", "source", &format!("{index} · {}", report.file))?;
    add(&top, &source)?;
    let controls = el(doc, "span", "column-controls")?;
    let wide = button(doc, "icon", &Msg::ToggleWide(index), "↔")?;
    attr(&wide, "aria-label", &format!("Widen report {index}"))?;
    attr(&wide, "aria-pressed", "false")?;
    attr(&wide, "title", "Widen this column")?;
    add(&controls, &wide)?;
    let hide = button(doc, "icon", &Msg::HideColumn(index), "×")?;
    attr(&hide, "aria-label", &format!("Hide report {index}"))?;
    attr(&hide, "title", "Hide this column")?;
    add(&controls, &hide)?;
    add(&top, &controls)?;
    add(&header, &top)?;
    if !state.view.example {
        // The reader's report: rename, move, remove.
        let own = el(doc, "div", "own-controls")?;
        let name = el(doc, "input", "rename")?;
        attr(&name, "type", "text")?;
        attr(&name, "value", &report.file)?;
        attr(&name, "data-rename", &index.to_string())?;
        attr(&name, "aria-label", &format!("Name of report {index}"))?;
        add(&own, &name)?;
        let n = state.reports.len();
        for (by, label, what) in [(-1isize, "←", "left"), (1, "→", "right")] {
            let b = button(doc, "icon", &Msg::MoveReport(index, by), label)?;
            attr(&b, "aria-label", &format!("Move report {index} {what}"))?;
            attr(&b, "title", &format!("Move {what}"))?;
            if (by < 0 && index == 0) || (by > 0 && index + 1 == n) {
                attr(&b, "disabled", "")?;
            }
            add(&own, &b)?;
        }
        let rm = button(doc, "icon remove", &Msg::RemoveReport(index), "Remove")?;
        attr(&rm, "aria-label", &format!("Remove report {index}"))?;
        add(&own, &rm)?;
        add(&header, &own)?;
    }
    let h2 = el(doc, "h2", "title")?;
    h2.set_id(&heading_id);
    match a.title {
        Some(t) => highlighted(doc, &h2, state, index, t, &marks, &ctx, &mut targets)?,
        None => text(doc, &h2, &report.file)?,
    }
    add(&header, &h2)?;
    let shared = state.quotes_shared(index);
    let summary = format!(
        "{} · {} · {} · {} also elsewhere",
        plural(a.quotes.len(), "quote", "quotes"),
        plural(a.speakers.len(), "speaker", "speakers"),
        plural(a.claims.len(), "claim", "claims"),
        shared
    );
    let counts = el_text(doc, "p", "counts", &summary)?;
    add(&header, &counts)?;
    add(&article, &header)?;

    let main = el(doc, "div", "report-main")?;
    // The presence strip: one segment per sentence, as long as the sentence, shaded by how
    // many other reports carry it.
    let strip = el(doc, "div", "presence")?;
    attr(&strip, "role", "group")?;
    attr(
        &strip,
        "aria-label",
        &format!("Passages of report {index}: how many other reports carry each"),
    )?;
    let range = state.index.sentences.get(index).cloned().unwrap_or(0..0);
    for k in range {
        let s = &state.comparison.coverage.sentences[k];
        let n = state.carried_by(k);
        let seg = button(doc, "seg", &Msg::SelectPassage(k), "")?;
        attr(&seg, "tabindex", "-1")?;
        attr(&seg, "data-carried", &n.min(4).to_string())?;
        attr(&seg, "style", &format!("flex-grow:{}", s.span.len().max(1)))?;
        let label = format!(
            "Sentence {}: in {} ({})",
            k - state.index.sentences[index].start + 1,
            plural(n, "other report", "other reports"),
            excerpt(text_, s.span, 60)
        );
        attr(&seg, "aria-label", &label)?;
        attr(&seg, "title", &label)?;
        add(&strip, &seg)?;
    }
    add(&main, &strip)?;

    let body = el(doc, "div", "report-body")?;
    attr(&body, "tabindex", "-1")?;
    let title_at = a
        .title
        .and_then(|t| a.paragraphs.iter().position(|&p| p == t));
    for (i, &p) in a.paragraphs.iter().enumerate() {
        if Some(i) == title_at {
            continue;
        }
        let pe = doc.create_element("p")?;
        highlighted(doc, &pe, state, index, p, &marks, &ctx, &mut targets)?;
        if title_at.is_some_and(|t| i < t) {
            pe.set_class_name("furniture");
        }
        add(&body, &pe)?;
    }
    add(&main, &body)?;
    add(&article, &main)?;
    Ok((article, body, wide, targets))
}

/// Per-report lookups for the text: sentences and discrepancy spans to wrap.
pub struct TextCtx {
    /// `(span, index into coverage.sentences)`, in text order.
    sentences: Vec<(Span, usize)>,
    /// `(span, discrepancy)` of this report's discrepancy items.
    discrepancies: Vec<(Span, usize)>,
    /// `(span, person)` of every mention of a speaker the comparison knows (a few dozen).
    mentions: Vec<(Span, usize)>,
    /// Every boundary where a wrapper starts or ends, sorted.
    cuts: Vec<usize>,
}

impl TextCtx {
    pub fn new(state: &State, report: usize) -> TextCtx {
        let range = state.index.sentences.get(report).cloned().unwrap_or(0..0);
        let sentences: Vec<(Span, usize)> = range
            .map(|k| (state.comparison.coverage.sentences[k].span, k))
            .collect();
        let mut discrepancies = Vec::new();
        for (d, dis) in state.comparison.discrepancies.iter().enumerate() {
            for item in dis.items.iter().filter(|i| i.report == report) {
                discrepancies.push((item.span, d));
            }
        }
        let mut mentions = Vec::new();
        for (p, person) in state.comparison.people.iter().enumerate() {
            for &(r, sp) in person.speakers.iter().filter(|&&(r, _)| r == report) {
                if let Some(speaker) = state.reports[r].analysis.speakers.get(sp) {
                    mentions.extend(speaker.mentions.iter().map(|&m| (m, p)));
                }
            }
        }
        let mut cuts: Vec<usize> = sentences
            .iter()
            .chain(&discrepancies)
            .chain(&mentions)
            .flat_map(|(s, _)| [s.start, s.end])
            .collect();
        crate::sort::sort(&mut cuts);
        cuts.dedup();
        TextCtx {
            sentences,
            discrepancies,
            mentions,
            cuts,
        }
    }

    fn sentence(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|(s, _)| s.end <= at);
        self.sentences
            .get(i)
            .filter(|(s, _)| s.start <= at)
            .map(|&(_, k)| k)
    }

    fn mention(&self, piece: Span) -> Option<usize> {
        self.mentions
            .iter()
            .find(|(s, _)| s.contains(piece))
            .map(|&(_, p)| p)
    }

    fn discrepancy(&self, piece: Span) -> Option<usize> {
        self.discrepancies
            .iter()
            .find(|(s, _)| s.contains(piece))
            .map(|&(_, d)| d)
    }
}

/// Appends the text of `range` to `parent`, wrapped in one element per highlight as
/// [`highlight::events`] nests them, each piece of text in its sentence's `<span
/// data-sentence>` (and a discrepancy's `<span data-disc>`). Text goes in as text nodes only.
#[allow(clippy::too_many_arguments)]
pub fn highlighted(
    doc: &Document,
    parent: &Element,
    state: &State,
    report: usize,
    range: Span,
    marks: &highlight::Marks,
    ctx: &TextCtx,
    targets: &mut Targets,
) -> Result<(), JsValue> {
    let text = state.reports[report].text.as_str();
    let mut open: Vec<(Element, Mark)> = Vec::new();
    for event in highlight::events(range, marks) {
        match event {
            Event::Start(mark) => {
                let nested = open.iter().any(|(_, m)| matches!(m, Mark::Quote(..)));
                let e = mark_element(doc, state, report, mark, nested)?;
                let top = open.last().map(|(e, _)| e).unwrap_or(parent);
                add(&top, &e)?;
                let target = match mark {
                    Mark::Quote(i, _) => Some(Target::Quote(i)),
                    Mark::Speaker(i) => Some(Target::Speaker(i)),
                    Mark::Claim(i, _) => Some(Target::Claim(i)),
                    Mark::Cue(_) | Mark::Marker(_) => None,
                };
                if let Some(t) = target {
                    targets.entry(t).or_default().push(e.clone());
                }
                open.push((e, mark));
            }
            Event::Source(span) => {
                let top = open.last().map(|(e, _)| e).unwrap_or(parent);
                let lo = ctx.cuts.partition_point(|&c| c <= span.start);
                let hi = ctx.cuts.partition_point(|&c| c < span.end);
                let mut at = span.start;
                for &cut in ctx.cuts[lo..hi.max(lo)].iter().chain([&span.end]) {
                    let piece = Span::new(at, cut);
                    at = cut;
                    let s = piece.as_str(text);
                    if s.is_empty() {
                        continue;
                    }
                    let mut holder = top.clone();
                    if let Some(k) = ctx.sentence(piece.start) {
                        let w = doc.create_element("span")?;
                        attr(&w, "data-sentence", &k.to_string())?;
                        add(&holder, &w)?;
                        targets
                            .entry(Target::Sentence(k))
                            .or_default()
                            .push(w.clone());
                        holder = w;
                    }
                    if let Some(p) = ctx.mention(piece) {
                        let w = doc.create_element("span")?;
                        w.set_class_name("mention");
                        attr(&w, "data-mention", &p.to_string())?;
                        add(&holder, &w)?;
                        targets
                            .entry(Target::Mention(p))
                            .or_default()
                            .push(w.clone());
                        holder = w;
                    }
                    if let Some(d) = ctx.discrepancy(piece) {
                        let w = doc.create_element("span")?;
                        w.set_class_name("disc");
                        attr(&w, "data-disc", &d.to_string())?;
                        add(&holder, &w)?;
                        targets
                            .entry(Target::Discrepancy(d))
                            .or_default()
                            .push(w.clone());
                        holder = w;
                    }
                    add(&holder, &doc.create_text_node(s))?;
                }
            }
            Event::End => {
                open.pop();
            }
        }
    }
    Ok(())
}

/// The element that wraps one highlight: `<mark>` for quotations and claims, `<span>` for the
/// words inside or around them. `data-kind` is [`Mark::name`]; `data-quote` / `data-claim` hold
/// the index into the analysis; quotations and speakers carry `data-person` (their colour), a
/// quotation's tooltip says who, how and where else; a cue carries its `data-stance`.
pub fn mark_element(
    doc: &Document,
    state: &State,
    report: usize,
    mark: Mark,
    nested: bool,
) -> Result<Element, JsValue> {
    let r = &state.reports[report];
    let (text, a) = (r.text.as_str(), &r.analysis);
    let tag = match mark {
        Mark::Quote(..) | Mark::Claim(..) => "mark",
        Mark::Speaker(_) | Mark::Cue(_) | Mark::Marker(_) => "span",
    };
    let e = doc.create_element(tag)?;
    attr(&e, "data-kind", mark.name())?;
    let person_colour = |e: &Element, q: usize| -> Result<(), JsValue> {
        if let Some(p) = state.person_of(report, q) {
            attr(&e, "data-person", &p.to_string())?;
            attr(&e, "data-colour", &(p % PERSON_COLOURS).to_string())?;
        }
        Ok(())
    };
    match mark {
        Mark::Quote(i, kind) => {
            attr(&e, "data-quote", &i.to_string())?;
            attr(&e, "data-quote-kind", kind.as_str())?;
            person_colour(&e, i)?;
            if !nested {
                attr(&e, "tabindex", "0")?;
                attr(&e, "role", "button")?;
            }
            attr(&e, "title", &quote_tooltip(state, report, i))?;
        }
        Mark::Speaker(i) => {
            attr(&e, "data-quote", &i.to_string())?;
            person_colour(&e, i)?;
            let who = a
                .quotes
                .get(i)
                .and_then(|q| q.speaker)
                .and_then(|s| a.speakers.get(s))
                .map(|s| s.name.as_str())
                .unwrap_or("unknown speaker");
            attr(
                &e,
                "title",
                &format!("{who}: show everything they say, in every report"),
            )?;
        }
        Mark::Cue(i) => {
            attr(&e, "data-quote", &i.to_string())?;
            if let Some(c) = a.quotes.get(i).and_then(|q| q.cue) {
                let stance = crate::cue_stance(c.as_str(text)).unwrap_or("neutral");
                attr(&e, "data-stance", stance)?;
            }
        }
        Mark::Claim(i, kind) => {
            attr(&e, "data-claim", &i.to_string())?;
            attr(&e, "data-claim-kind", kind.as_str())?;
            if let Some(c) = a.claims.get(i) {
                let tip = format!(
                    "Disputed claim ({}) · held by {} · marked by “{}”",
                    kind.as_str(),
                    c.holder.as_deref().unwrap_or("no one named"),
                    excerpt(text, c.marker, 40)
                );
                attr(&e, "title", &tip)?;
            }
        }
        Mark::Marker(i) => attr(&e, "data-claim", &i.to_string())?,
    }
    Ok(e)
}

/// "Donald Trump · said (neutral) · full quotation · also in reports 1, 2, 3".
pub fn quote_tooltip(state: &State, report: usize, q: usize) -> String {
    let r = &state.reports[report];
    let (text, a) = (r.text.as_str(), &r.analysis);
    let Some(quote) = a.quotes.get(q) else {
        return String::new();
    };
    let who = quote
        .speaker
        .and_then(|s| a.speakers.get(s))
        .map(|s| s.name.clone())
        .unwrap_or_else(|| "no speaker found".into());
    let cue = match quote.cue {
        Some(c) => {
            let s = c.as_str(text);
            format!("{} ({})", s, crate::cue_stance(s).unwrap_or("neutral"))
        }
        None => "no reporting verb".into(),
    };
    let elsewhere = match state.group_of(report, q) {
        Some(g) => {
            let rs: Vec<usize> = state.comparison.quote_groups[g]
                .members
                .iter()
                .map(|m| m.report)
                .filter(|&x| x != report)
                .collect();
            format!("also quoted in {}", reports_label(&rs))
        }
        None => {
            let ps = &state.index.quote_paraphrases[report][q];
            if ps.is_empty() {
                "only in this report".into()
            } else {
                let rs: Vec<usize> = ps
                    .iter()
                    .map(|&i| state.comparison.paraphrases[i].paraphrase.report)
                    .collect();
                format!("paraphrased in {}", reports_label(&rs))
            }
        }
    };
    format!(
        "{who} · {cue} · {} quotation · {elsewhere}",
        quote.kind.as_str()
    )
}

/// Fills the panel's body for the open panel (empty when closed).
pub fn panel(doc: &Document, body: &Element, state: &State) -> Result<(), JsValue> {
    body.set_text_content(None);
    match state.view.panel {
        None => {}
        Some(Panel::Selection) => selection_panel(doc, body, state)?,
        Some(Panel::Speakers) => speakers_panel(doc, body, state)?,
        Some(Panel::Discrepancies) => {
            let h = el_text(doc, "h3", "", "Where the reports disagree")?;
            add(&body, &h)?;
            if state.comparison.discrepancies.is_empty() {
                add(
                    &body,
                    &el_text(doc, "p", "hint", "No discrepancies found.")?.into(),
                )?;
            }
            for d in 0..state.comparison.discrepancies.len() {
                discrepancy(doc, body, state, d)?;
            }
        }
        Some(Panel::Keys) => {
            let h = el_text(doc, "h3", "", "Keys")?;
            add(&body, &h)?;
            let dl = el(doc, "dl", "keys")?;
            for (k, what) in KEYS {
                add(&dl, &el_text(doc, "dt", "", k)?.into())?;
                add(&dl, &el_text(doc, "dd", "", what)?.into())?;
            }
            add(&body, &dl)?;
        }
    }
    Ok(())
}

fn report_name(state: &State, r: usize) -> String {
    let rep = &state.reports[r];
    let title = rep
        .analysis
        .title
        .map(|t| excerpt(&rep.text, t, 40))
        .unwrap_or_else(|| rep.file.clone());
    format!("Report {r} · {title}")
}

fn selection_panel(doc: &Document, body: &Element, state: &State) -> Result<(), JsValue> {
    let c = &state.comparison;
    match state.view.selection {
        None => {
            add(&body, &el_text(
                doc,
                "p",
                "hint",
                "Click a quotation to see how every report words it; a speaker to see who quotes them where; a segment of the strip beside a column to find that passage in the other reports. Press ? for the keys.",
            )?.into())?;
        }
        Some(Selection::Quote { report, quote }) => quote_panel(doc, body, state, report, quote)?,
        Some(Selection::Person(p)) => {
            add(&body, &el_text(doc, "h3", "", &c.people[p].name)?.into())?;
            speakers_panel(doc, body, state)?;
        }
        Some(Selection::Claim { report, claim }) => {
            let r = &state.reports[report];
            let cl = &r.analysis.claims[claim];
            add(
                &body,
                &el_text(
                    doc,
                    "h3",
                    "",
                    &format!("Disputed claim ({}) in report {report}", cl.kind.as_str()),
                )?
                .into(),
            )?;
            let p = el(doc, "blockquote", "variant")?;
            text(doc, &p, &excerpt(&r.text, cl.span, 400))?;
            add(&body, &p)?;
            let dl = el(doc, "dl", "facts")?;
            for (k, v) in [
                (
                    "Held by",
                    cl.holder.clone().unwrap_or_else(|| "no one named".into()),
                ),
                ("Marked by", excerpt(&r.text, cl.marker, 60)),
                ("Kind", cl.kind.as_str().into()),
            ] {
                add(&dl, &el_text(doc, "dt", "", k)?.into())?;
                add(&dl, &el_text(doc, "dd", "", &v)?.into())?;
            }
            add(&body, &dl)?;
        }
        Some(Selection::Discrepancy(d)) => discrepancy(doc, body, state, d)?,
        Some(Selection::Passage(k)) => {
            let s = &c.coverage.sentences[k];
            let r = &state.reports[s.report];
            add(
                &body,
                &el_text(
                    doc,
                    "h3",
                    "",
                    &format!(
                        "Passage of report {}: in {}",
                        s.report,
                        plural(state.carried_by(k), "other report", "other reports")
                    ),
                )?
                .into(),
            )?;
            let q = el(doc, "blockquote", "variant")?;
            text(doc, &q, &excerpt(&r.text, s.span, 600))?;
            add(&body, &q)?;
            let list = el(doc, "ul", "variants")?;
            for m in &s.matches {
                let other = &c.coverage.sentences[m.sentence];
                let li = el(doc, "li", "")?;
                let b = button(
                    doc,
                    "jump",
                    &Msg::Jump((m.report, Target::Sentence(m.sentence))),
                    &report_name(state, m.report),
                )?;
                add(&li, &b)?;
                let t = el(doc, "p", "variant")?;
                text(
                    doc,
                    &t,
                    &excerpt(&state.reports[m.report].text, other.span, 600),
                )?;
                add(&li, &t)?;
                add(&list, &li)?;
            }
            add(&body, &list)?;
            if s.matches.is_empty() {
                add(
                    &body,
                    &el_text(doc, "p", "hint", "Only this report carries it.")?.into(),
                )?;
            }
        }
    }
    Ok(())
}

fn quote_panel(
    doc: &Document,
    body: &Element,
    state: &State,
    report: usize,
    quote: usize,
) -> Result<(), JsValue> {
    let c = &state.comparison;
    add(
        &body,
        &el_text(doc, "h3", "", &quote_tooltip(state, report, quote))?.into(),
    )?;
    match state.group_of(report, quote) {
        Some(g) => {
            let group = &c.quote_groups[g];
            let who = group
                .person
                .map(|p| c.people[p].name.clone())
                .unwrap_or_else(|| "Someone".into());
            add(&body, &el_text(
                doc,
                "p",
                "hint",
                &format!(
                    "{who}, as {} quote it. Words differing from the most shared wording: added ones underlined, missing ones struck through.",
                    plural(group.members.len(), "report", "reports")
                ),
            )?.into())?;
            let maj = el(doc, "p", "majority")?;
            add(
                &maj,
                &el_text(doc, "strong", "", "Most shared wording: ")?.into(),
            )?;
            for (i, w) in group.majority.iter().enumerate() {
                if i > 0 {
                    text(doc, &maj, " ")?;
                }
                let s = el_text(doc, "span", "", &w.word)?;
                if w.support < group.members.len() {
                    s.set_class_name("weak");
                    attr(
                        &s,
                        "title",
                        &format!("in {} of {} reports", w.support, group.members.len()),
                    )?;
                }
                add(&maj, &s)?;
            }
            add(&body, &maj)?;
            let list = el(doc, "ul", "variants members")?;
            for m in &group.members {
                let li = el(doc, "li", "")?;
                if m.report == report {
                    li.set_class_name("current");
                }
                let first = m.quotes.first().copied().unwrap_or(0);
                let b = button(
                    doc,
                    "jump",
                    &Msg::Jump((m.report, Target::Quote(first))),
                    &report_name(state, m.report),
                )?;
                add(&li, &b)?;
                let p = el(doc, "p", "variant diff")?;
                for (i, part) in m.diff.iter().enumerate() {
                    if i > 0 {
                        text(doc, &p, " ")?;
                    }
                    let tag = match part.op {
                        DiffOp::Same => "span",
                        DiffOp::Extra => "ins",
                        DiffOp::Missing => "del",
                    };
                    add(&p, &el_text(doc, tag, "", &part.text)?.into())?;
                }
                add(&li, &p)?;
                add(&list, &li)?;
            }
            add(&body, &list)?;
            if !group.paraphrases.is_empty() {
                add(
                    &body,
                    &el_text(doc, "h4", "", "Paraphrased without quotation marks")?.into(),
                )?;
                let list = el(doc, "ul", "variants")?;
                for p in &group.paraphrases {
                    paraphrase_item(doc, &list, state, p.report, p.span)?;
                }
                add(&body, &list)?;
            }
        }
        None => {
            let ps = &state.index.quote_paraphrases[report][quote];
            let r = &state.reports[report];
            let q = el(doc, "blockquote", "variant")?;
            text(
                doc,
                &q,
                &excerpt(&r.text, r.analysis.quotes[quote].span, 600),
            )?;
            add(&body, &q)?;
            if ps.is_empty() {
                add(
                    &body,
                    &el_text(
                        doc,
                        "p",
                        "hint",
                        "No other report quotes or paraphrases this.",
                    )?
                    .into(),
                )?;
            } else {
                add(
                    &body,
                    &el_text(doc, "h4", "", "Paraphrased in other reports")?.into(),
                )?;
                let list = el(doc, "ul", "variants")?;
                for &i in ps {
                    let p = &c.paraphrases[i].paraphrase;
                    paraphrase_item(doc, &list, state, p.report, p.span)?;
                }
                add(&body, &list)?;
            }
        }
    }
    Ok(())
}

fn paraphrase_item(
    doc: &Document,
    list: &Element,
    state: &State,
    report: usize,
    span: Span,
) -> Result<(), JsValue> {
    let li = el(doc, "li", "")?;
    let target = state
        .sentence_at(report, span.start)
        .map(Target::Sentence)
        .unwrap_or(Target::Quote(0));
    add(
        &li,
        &button(
            doc,
            "jump",
            &Msg::Jump((report, target)),
            &report_name(state, report),
        )?
        .into(),
    )?;
    let p = el(doc, "p", "variant")?;
    text(doc, &p, &excerpt(&state.reports[report].text, span, 600))?;
    add(&li, &p)?;
    add(&list, &li)?;
    Ok(())
}

/// The speaker × report matrix: quotes and quoted words; each cell jumps.
fn speakers_panel(doc: &Document, body: &Element, state: &State) -> Result<(), JsValue> {
    let c = &state.comparison;
    let selected = match state.view.selection {
        Some(Selection::Person(p)) => Some(p),
        _ => None,
    };
    let wrap = el(doc, "div", "matrix-wrap")?;
    let table = el(doc, "table", "matrix")?;
    let caption = el_text(
        doc,
        "caption",
        "",
        "Who is quoted where: quotations and quoted words per report",
    )?;
    add(&table, &caption)?;
    let thead = el(doc, "thead", "")?;
    let tr = el(doc, "tr", "")?;
    add(&tr, &el_text(doc, "th", "", "Speaker")?.into())?;
    for r in 0..state.reports.len() {
        let th = el_text(doc, "th", "", &format!("Report {r}"))?;
        attr(&th, "scope", "col")?;
        attr(&th, "title", &report_name(state, r))?;
        add(&tr, &th)?;
    }
    add(&thead, &tr)?;
    add(&table, &thead)?;
    let tbody = el(doc, "tbody", "")?;
    for row in &c.coverage.speakers {
        let p = row.person;
        let tr = el(doc, "tr", "")?;
        if selected == Some(p) {
            tr.set_class_name("selected-row");
        }
        let th = el(doc, "th", "")?;
        attr(&th, "scope", "row")?;
        let b = button(doc, "person", &Msg::SelectPerson(p), &c.people[p].name)?;
        attr(&b, "data-colour", &(p % PERSON_COLOURS).to_string())?;
        attr(
            &b,
            "aria-pressed",
            if selected == Some(p) { "true" } else { "false" },
        )?;
        add(&th, &b)?;
        add(&tr, &th)?;
        for (r, cell) in row.reports.iter().enumerate() {
            let td = el(doc, "td", "")?;
            if cell.quotes > 0 {
                let b = button(
                    doc,
                    "cell",
                    &Msg::JumpPerson {
                        person: p,
                        report: r,
                    },
                    &format!("{} · {}", cell.quotes, cell.words),
                )?;
                attr(
                    &b,
                    "aria-label",
                    &format!(
                        "{} · {}: {}, {} and {} in report {r}",
                        cell.quotes,
                        cell.words,
                        c.people[p].name,
                        plural(cell.quotes, "quotation", "quotations"),
                        plural(cell.words, "word", "words")
                    ),
                )?;
                add(&td, &b)?;
            } else {
                let s = el_text(doc, "span", "none", "–")?;
                attr(&s, "aria-label", "not quoted")?;
                add(&td, &s)?;
            }
            add(&tr, &td)?;
        }
        add(&tbody, &tr)?;
    }
    add(&table, &tbody)?;
    add(&wrap, &table)?;
    add(&body, &wrap)?;
    add(
        &body,
        &el_text(
            doc,
            "p",
            "hint",
            "Cells: quotations · quoted words. A cell jumps to that report.",
        )?
        .into(),
    )?;
    Ok(())
}

/// One discrepancy: its label and each report's span side by side, in its sentence.
fn discrepancy(doc: &Document, body: &Element, state: &State, d: usize) -> Result<(), JsValue> {
    let dis = &state.comparison.discrepancies[d];
    let section = el(doc, "section", "discrepancy")?;
    attr(&section, "data-discrepancy", &d.to_string())?;
    if state.view.selection == Some(Selection::Discrepancy(d)) {
        section.class_list().add_1("current")?;
    }
    let b = button(doc, "disc-label", &Msg::SelectDiscrepancy(d), &dis.label)?;
    let h = el(doc, "h3", "")?;
    add(&h, &b)?;
    add(&section, &h)?;
    let items = el(doc, "div", "side-by-side")?;
    for (i, item) in dis.items.iter().enumerate() {
        let card = el(doc, "div", "item")?;
        let jump = button(
            doc,
            "jump",
            &Msg::Jump((item.report, Target::Discrepancy(d))),
            &format!("Report {} · {}", item.report, item.value),
        )?;
        attr(&jump, "data-item", &i.to_string())?;
        add(&card, &jump)?;
        let text_ = &state.reports[item.report].text;
        let ctx = el(doc, "p", "variant")?;
        let (c, s) = (item.context, item.span);
        if c.contains(s) {
            text(doc, &ctx, text_.get(c.start..s.start).unwrap_or(""))?;
            add(&ctx, &el_text(doc, "strong", "", s.as_str(text_))?.into())?;
            text(doc, &ctx, text_.get(s.end..c.end).unwrap_or(""))?;
        } else {
            text(doc, &ctx, c.as_str(text_))?;
        }
        add(&card, &ctx)?;
        add(&items, &card)?;
    }
    add(&section, &items)?;
    add(&body, &section)?;
    Ok(())
}
