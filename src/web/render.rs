//! DOM building: one column per report, one `<p>` per paragraph, one element per highlight.
//!
//! Every function takes the [`Document`] to create nodes with and returns or fills elements the
//! caller places; nothing here looks up global state.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::highlight::{self, Event, Mark};
use crate::{analyze, Analysis, Span};

/// One report to show: where it came from, its text and what the core found in it.
#[derive(Clone, Debug)]
pub struct Report<'a> {
    /// The seed's file name (shown small above the title).
    pub file: &'a str,
    pub text: &'a str,
    pub analysis: Analysis,
}

impl<'a> Report<'a> {
    /// Analyses `text`.
    pub fn new(file: &'a str, text: &'a str) -> Report<'a> {
        Report {
            file,
            text,
            analysis: analyze(text),
        }
    }

    /// The embedded seed reports, analysed, in file-name order.
    pub fn seeds() -> Vec<Report<'static>> {
        crate::seeds::SEEDS
            .iter()
            .map(|&(file, text)| Report::new(file, text))
            .collect()
    }
}

/// Appends one `<article class="report" data-report="{index}">` per report to `parent`.
pub fn columns(doc: &Document, parent: &Element, reports: &[Report]) -> Result<(), JsValue> {
    for (index, report) in reports.iter().enumerate() {
        let col = column(doc, index, report)?;
        parent.append_child(&col)?;
    }
    Ok(())
}

/// The column of one report: a header with the file name, the title as `<h2>` and a count of
/// what was found, then every other paragraph as a `<p>` (lines before the title, such as
/// "Advertisement", get `class="furniture"`).
pub fn column(doc: &Document, index: usize, report: &Report) -> Result<Element, JsValue> {
    let (text, a) = (report.text, &report.analysis);
    let marks = highlight::marks(a);

    let article = doc.create_element("article")?;
    article.set_class_name("report");
    article.set_attribute("data-report", &index.to_string())?;
    let heading_id = format!("report-{index}-title");
    article.set_attribute("aria-labelledby", &heading_id)?;

    let header = doc.create_element("header")?;
    header.set_class_name("report-header");
    let source = element_with_text(doc, "p", report.file)?;
    source.set_class_name("source");
    header.append_child(&source)?;
    let h2 = doc.create_element("h2")?;
    h2.set_id(&heading_id);
    h2.set_class_name("title");
    match a.title {
        Some(t) => highlighted(doc, &h2, text, t, &marks)?,
        None => {
            h2.append_child(&doc.create_text_node(report.file))?;
        }
    }
    header.append_child(&h2)?;
    let counts = element_with_text(doc, "p", &counts(a))?;
    counts.set_class_name("counts");
    header.append_child(&counts)?;
    article.append_child(&header)?;

    let body = doc.create_element("div")?;
    body.set_class_name("report-body");
    let title_at = a
        .title
        .and_then(|t| a.paragraphs.iter().position(|&p| p == t));
    for (i, &p) in a.paragraphs.iter().enumerate() {
        if Some(i) == title_at {
            continue;
        }
        let el = paragraph(doc, text, p, &marks)?;
        if title_at.is_some_and(|t| i < t) {
            el.set_class_name("furniture");
        }
        body.append_child(&el)?;
    }
    article.append_child(&body)?;
    Ok(article)
}

/// A `<p>` holding the text of `span` with the highlights `marks`.
pub fn paragraph(
    doc: &Document,
    text: &str,
    span: Span,
    marks: &highlight::Marks,
) -> Result<Element, JsValue> {
    let p = doc.create_element("p")?;
    highlighted(doc, &p, text, span, marks)?;
    Ok(p)
}

/// Appends the text of `range` to `parent`, wrapped in one element per highlight as
/// [`highlight::events`] nests them. Text goes in as text nodes only.
pub fn highlighted(
    doc: &Document,
    parent: &Element,
    text: &str,
    range: Span,
    marks: &highlight::Marks,
) -> Result<(), JsValue> {
    let mut open: Vec<Element> = vec![parent.clone()];
    for event in highlight::events(range, marks) {
        let top = open.last().unwrap_or(parent);
        match event {
            Event::Start(mark) => {
                let el = mark_element(doc, mark)?;
                top.append_child(&el)?;
                open.push(el);
            }
            Event::Source(span) => {
                let s = span.as_str(text);
                if !s.is_empty() {
                    top.append_child(&doc.create_text_node(s))?;
                }
            }
            Event::End => {
                // The stream is balanced; never pop the parent itself.
                if open.len() > 1 {
                    open.pop();
                }
            }
        }
    }
    Ok(())
}

/// The element that wraps one highlight: `<mark>` for quotations and claims, `<span>` for the
/// words inside or around them. `data-kind` is [`Mark::name`]; `data-quote` / `data-claim` hold
/// the index into the analysis, so related highlights can be found together.
pub fn mark_element(doc: &Document, mark: Mark) -> Result<Element, JsValue> {
    let tag = match mark {
        Mark::Quote(..) | Mark::Claim(..) => "mark",
        Mark::Speaker(_) | Mark::Cue(_) | Mark::Marker(_) => "span",
    };
    let el = doc.create_element(tag)?;
    el.set_attribute("data-kind", mark.name())?;
    match mark {
        Mark::Quote(i, kind) => {
            el.set_attribute("data-quote", &i.to_string())?;
            el.set_attribute("data-quote-kind", kind.as_str())?;
        }
        Mark::Speaker(i) | Mark::Cue(i) => el.set_attribute("data-quote", &i.to_string())?,
        Mark::Claim(i, kind) => {
            el.set_attribute("data-claim", &i.to_string())?;
            el.set_attribute("data-claim-kind", kind.as_str())?;
        }
        Mark::Marker(i) => el.set_attribute("data-claim", &i.to_string())?,
    }
    Ok(el)
}

/// "3 quotes · 2 speakers · 1 claim" (claims being the disputed ones).
fn counts(a: &Analysis) -> String {
    fn n(count: usize, one: &str, many: &str) -> String {
        format!("{count} {}", if count == 1 { one } else { many })
    }
    [
        n(a.quotes.len(), "quote", "quotes"),
        n(a.speakers.len(), "speaker", "speakers"),
        n(a.claims.len(), "claim", "claims"),
    ]
    .join(" · ")
}

fn element_with_text(doc: &Document, tag: &str, text: &str) -> Result<Element, JsValue> {
    let el = doc.create_element(tag)?;
    el.append_child(&doc.create_text_node(text))?;
    Ok(el)
}
