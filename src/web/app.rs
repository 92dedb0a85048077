//! The page: mounts the [`State`] into `index.html`, owns the delegated event listeners (which
//! only turn DOM events into [`Msg`]s), applies what [`update`] says changed, and shows any
//! failure in the page itself (never a silent blank page).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, HtmlElement, KeyboardEvent};

use super::render::{self, add, attr, Page};
use super::state::{self, update, At, Changed, Doc, Kind, Msg, State, Target};

/// `id` of the element the page goes into.
pub const ROOT_ID: &str = "reports";
/// `id` of the status line: "Loading…" until the columns are there, or what went wrong.
pub const STATUS_ID: &str = "status";
/// Class of the selected highlight.
pub const SELECTED: &str = "selected";
/// Class of the highlights the selection emphasises (its group, its person, its passage).
pub const EMPHASIS: &str = "emph";

thread_local! {
    /// The mounted page, kept for the page's lifetime so its listeners stay attached.
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// The state, the built page and what is currently emphasised.
struct Inner {
    state: State,
    page: Page,
    root: Element,
    /// Elements carrying [`EMPHASIS`] or [`SELECTED`] now.
    marked: Vec<Element>,
    /// Whether to write the view into the URL fragment.
    url: bool,
}

/// The mounted page. Dropping it removes its event listeners.
pub struct App {
    root: Element,
    inner: Rc<RefCell<Inner>>,
    _listeners: Vec<EventListener>,
}

impl App {
    /// Renders `state` into `root`, replacing whatever it held, and attaches the listeners
    /// (clicks and keys on `root`). The URL fragment is left alone.
    pub fn mount(doc: &Document, root: &Element, state: State) -> Result<App, JsValue> {
        App::mount_with(doc, root, state, false)
    }

    fn mount_with(doc: &Document, root: &Element, state: State, url: bool) -> Result<App, JsValue> {
        let page = render::page(doc, root, &state)?;
        let inner = Rc::new(RefCell::new(Inner {
            state,
            page,
            root: root.clone(),
            marked: Vec::new(),
            url,
        }));
        apply(
            &inner,
            Changed {
                emphasis: true,
                panel: true,
                layout: true,
                reports: false,
                own: false,
            },
            false,
        );
        let on_click = {
            let inner = Rc::clone(&inner);
            EventListener::new(root.as_ref(), "click", move |event| {
                if let Some(kind) = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|t| t.closest("[data-export]").ok().flatten())
                    .and_then(|b| b.get_attribute("data-export"))
                {
                    if let Ok(i) = inner.try_borrow() {
                        let (body, name, mime) = match kind.as_str() {
                            "json" => (
                                super::export::json(&i.state),
                                "crosscheck.json",
                                "application/json",
                            ),
                            _ => (
                                super::export::html(&i.state),
                                "crosscheck.html",
                                "text/html",
                            ),
                        };
                        if let Err(e) = download(&body, name, mime) {
                            show_error(&format!("The export failed: {}", describe(&e)));
                        }
                    }
                    return;
                }
                if let Some(msg) = click_msg(event) {
                    dispatch(&inner, msg, false);
                }
            })
        };
        // Keys: on the document, so they work wherever the focus is (not in text fields).
        let on_key = {
            let inner = Rc::clone(&inner);
            let target: web_sys::EventTarget = doc.clone().into();
            EventListener::new_with_options(
                &target,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if key.ctrl_key() || key.meta_key() || key.alt_key() || typing(event) {
                        return;
                    }
                    let msg = match key.key().as_str() {
                        "Enter" | " " => activate_msg(event),
                        "w" => {
                            let col = inner.borrow().state.view.column;
                            Some(Msg::ToggleWide(col))
                        }
                        k => state::key_msg(k),
                    };
                    if let Some(msg) = msg {
                        event.prevent_default();
                        dispatch(&inner, msg, true);
                    }
                },
            )
        };
        // The add form: paste (submit), choose files (change), rename (change).
        let on_submit = {
            let inner = Rc::clone(&inner);
            EventListener::new_with_options(
                root.as_ref(),
                "submit",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    event.prevent_default();
                    let Some(doc) = document() else { return };
                    let value = |id: &str| -> String {
                        doc.get_element_by_id(id)
                            .and_then(|e| {
                                e.dyn_ref::<web_sys::HtmlTextAreaElement>()
                                    .map(|t| t.value())
                                    .or_else(|| {
                                        e.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value())
                                    })
                            })
                            .unwrap_or_default()
                    };
                    let (name, text) = (value(render::ADD_NAME), value(render::ADD_TEXT));
                    if text.trim().is_empty() {
                        dispatch(
                            &inner,
                            Msg::Notice("Paste an article's text into the box first.".into()),
                            false,
                        );
                        return;
                    }
                    dispatch(&inner, Msg::AddReports(vec![Doc::new(name, text)]), false);
                },
            )
        };
        let on_change = {
            let inner = Rc::clone(&inner);
            EventListener::new(root.as_ref(), "change", move |event| {
                let Some(target) = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                else {
                    return;
                };
                if target.id() == render::ADD_FILES {
                    if let Some(files) = target.files() {
                        read_files(&inner, &files);
                    }
                    target.set_value("");
                } else if let Some(i) = target
                    .get_attribute("data-rename")
                    .and_then(|v| v.parse().ok())
                {
                    dispatch(&inner, Msg::RenameReport(i, target.value()), false);
                }
            })
        };
        let doc_target: web_sys::EventTarget = doc.clone().into();
        let on_dragover = EventListener::new_with_options(
            &doc_target,
            "dragover",
            EventListenerOptions::enable_prevent_default(),
            |event| event.prevent_default(),
        );
        let on_drop = {
            let inner = Rc::clone(&inner);
            EventListener::new_with_options(
                &doc_target,
                "drop",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    event.prevent_default();
                    if let Some(files) = event
                        .dyn_ref::<web_sys::DragEvent>()
                        .and_then(|d| d.data_transfer())
                        .and_then(|t| t.files())
                    {
                        read_files(&inner, &files);
                    }
                },
            )
        };
        let mut listeners = vec![on_click, on_key, on_submit, on_change, on_dragover, on_drop];
        if url {
            if let Some(window) = web_sys::window() {
                let inner = Rc::clone(&inner);
                listeners.push(EventListener::new(&window, "hashchange", move |_| {
                    if let Some(hash) = location_hash() {
                        dispatch(&inner, Msg::Fragment(hash), false);
                    }
                }));
            }
        }
        Ok(App {
            root: root.clone(),
            inner,
            _listeners: listeners,
        })
    }

    /// The element holding the page.
    pub fn root(&self) -> &Element {
        &self.root
    }

    /// Applies a message as a DOM event would.
    pub fn send(&self, msg: Msg) {
        dispatch(&self.inner, msg, false);
    }

    /// The current view (for tests).
    pub fn view(&self) -> state::View {
        self.inner.borrow().state.view.clone()
    }
}

/// True when a key event comes from a text field.
fn typing(event: &Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.has_attribute("contenteditable")
        })
}

/// The message of a click: a control's `data-msg`, a highlight in a column, or (elsewhere in
/// a column) clearing the selection.
fn click_msg(event: &Event) -> Option<Msg> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    if let Some(control) = target.closest("[data-msg]").ok().flatten() {
        return Msg::parse(&control.get_attribute("data-msg")?);
    }
    if let Some(msg) = highlight_msg(&target) {
        return Some(msg);
    }
    target
        .closest("[data-report]")
        .ok()
        .flatten()
        .map(|_| Msg::Clear)
}

/// Enter or Space on a focused highlight selects it (buttons click by themselves).
fn activate_msg(event: &Event) -> Option<Msg> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    if target.tag_name() == "BUTTON" {
        return None;
    }
    highlight_msg(&target)
}

/// The message of a highlight at or around `target`.
fn highlight_msg(target: &Element) -> Option<Msg> {
    let hit = target.closest("[data-kind]").ok().flatten()?;
    let report: usize = hit
        .closest("[data-report]")
        .ok()
        .flatten()?
        .get_attribute("data-report")?
        .parse()
        .ok()?;
    let num = |name: &str| -> Option<usize> { hit.get_attribute(name)?.parse().ok() };
    match Kind::parse(&hit.get_attribute("data-kind")?)? {
        Kind::Quote | Kind::Cue => Some(Msg::SelectQuote {
            report,
            quote: num("data-quote")?,
        }),
        Kind::Speaker => Some(Msg::SelectSpeakerOf {
            report,
            quote: num("data-quote")?,
        }),
        Kind::Claim | Kind::Marker => Some(Msg::SelectClaim {
            report,
            claim: num("data-claim")?,
        }),
    }
}

/// Runs `msg` through [`update`] and applies the change. `focus`: move the focus to the
/// selection (keyboard steps).
fn dispatch(inner: &Rc<RefCell<Inner>>, msg: Msg, focus: bool) {
    let changed = {
        let Ok(mut i) = inner.try_borrow_mut() else {
            return;
        };
        update(&mut i.state, msg)
    };
    apply(inner, changed, focus);
}

fn set_flag(e: &Element, class: &str, on: bool) {
    let _ = e.class_list().toggle_with_force(class, on);
}

fn pressed(e: &Element, on: bool) {
    let _ = e.set_attribute("aria-pressed", if on { "true" } else { "false" });
}

/// Touches the elements that `changed` names.
fn apply(inner: &Rc<RefCell<Inner>>, changed: Changed, focus: bool) {
    let Ok(mut guard) = inner.try_borrow_mut() else {
        return;
    };
    let i = &mut *guard;
    let Some(doc) = i.root.owner_document() else {
        return;
    };
    if changed.own && i.url {
        save(&mut i.state);
    }
    if changed.reports {
        // What is typed in the add form survives the rebuild unless it was just added.
        let field = |id: &str| -> Option<String> {
            let e = doc.get_element_by_id(id)?;
            e.dyn_ref::<web_sys::HtmlTextAreaElement>()
                .map(|t| t.value())
                .or_else(|| e.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()))
        };
        let typed = (field(render::ADD_NAME), field(render::ADD_TEXT));
        let was_open = doc
            .get_element_by_id(render::ADD_BOX)
            .is_some_and(|d| d.has_attribute("open"));
        match render::page(&doc, &i.root, &i.state) {
            Ok(page) => {
                i.page = page;
                i.marked.clear();
            }
            Err(e) => gloo::console::error!(e),
        }
        if !changed.own {
            if was_open {
                if let Some(d) = doc.get_element_by_id(render::ADD_BOX) {
                    let _ = d.set_attribute("open", "");
                }
            }
            if let (Some(e), Some(v)) = (doc.get_element_by_id(render::ADD_NAME), typed.0) {
                if let Some(input) = e.dyn_ref::<web_sys::HtmlInputElement>() {
                    input.set_value(&v);
                }
            }
            if let (Some(e), Some(v)) = (doc.get_element_by_id(render::ADD_TEXT), typed.1) {
                if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    t.set_value(&v);
                }
            }
        }
    }
    let view = i.state.view.clone();
    if changed.layout {
        for k in Kind::ALL {
            let hidden = view.hidden_kinds.contains(&k);
            set_flag(&i.root, &format!("hide-{}", k.as_str()), hidden);
            if let Some(b) = i.page.kind_buttons.get(k as usize) {
                pressed(b, !hidden);
            }
        }
        set_flag(&i.root, "lens", view.lens);
        pressed(&i.page.lens_button, view.lens);
        for (c, col) in i.page.columns.iter().enumerate() {
            let hidden = view.hidden_columns.contains(&c);
            if hidden {
                let _ = col.set_attribute("hidden", "");
            } else {
                let _ = col.remove_attribute("hidden");
            }
            set_flag(col, "wide", view.wide_columns.contains(&c));
            set_flag(col, "active", view.column == c);
            if let Some(b) = i.page.wide_buttons.get(c) {
                pressed(b, view.wide_columns.contains(&c));
            }
            if let Some(t) = i.page.tabs.get(c) {
                let _ = t.set_attribute(
                    "aria-selected",
                    if view.column == c { "true" } else { "false" },
                );
                let _ = t.set_attribute("tabindex", if view.column == c { "0" } else { "-1" });
            }
        }
        // Buttons that bring hidden columns back.
        i.page.hidden_bar.set_text_content(None);
        let hidden: Vec<usize> = view.hidden_columns.iter().copied().collect();
        if !hidden.is_empty() {
            let _ = (|| -> Result<(), JsValue> {
                for &c in &hidden {
                    let b = doc.create_element("button")?;
                    attr(&b, "type", "button")?;
                    b.set_class_name("legend-item");
                    attr(&b, "data-msg", &format!("show:{c}"))?;
                    add(&b, &doc.create_text_node(&format!("Show report {c}")))?;
                    add(&i.page.hidden_bar, &b)?;
                }
                if hidden.len() > 1 {
                    let b = doc.create_element("button")?;
                    attr(&b, "type", "button")?;
                    b.set_class_name("legend-item");
                    attr(&b, "data-msg", "showall")?;
                    add(&b, &doc.create_text_node("Show all"))?;
                    add(&i.page.hidden_bar, &b)?;
                }
                Ok(())
            })();
        }
    }
    if changed.emphasis {
        for e in i.marked.drain(..) {
            let cl = e.class_list();
            let _ = cl.remove_2(EMPHASIS, SELECTED);
        }
        let mut marked = Vec::new();
        for at in i.state.emphasis() {
            for e in i.page.elements(at) {
                let _ = e.class_list().add_1(EMPHASIS);
                marked.push(e.clone());
            }
        }
        let selected = i.state.selected();
        if let Some(at) = selected {
            for e in i.page.elements(at) {
                let _ = e.class_list().add_1(SELECTED);
                marked.push(e.clone());
            }
        }
        set_flag(&i.root, "has-selection", view.selection.is_some());
        i.marked = marked;
        let scroll = std::mem::take(&mut i.state.scroll);
        let mut done = state::Set::new();
        let columns: state::Set<usize> = scroll.iter().map(|a| a.0).collect();
        for at in scroll {
            // One scroll per column: the first target of each; the row moves sideways only
            // for a jump to one column.
            if done.insert(at.0) {
                scroll_to(&i.page, at, columns.len() == 1);
            }
        }
        if focus {
            if let Some(e) = selected.and_then(|at| i.page.elements(at).first().cloned()) {
                if let Some(h) = e.dyn_ref::<HtmlElement>() {
                    if !e.has_attribute("tabindex") {
                        let _ = e.set_attribute("tabindex", "-1");
                    }
                    let _ = h.focus();
                }
            } else if let Some(h) = i
                .page
                .bodies
                .get(view.column)
                .and_then(|b| b.dyn_ref::<HtmlElement>().cloned())
            {
                if view.selection.is_none() && changed.layout {
                    let _ = h.focus();
                }
            }
        }
    } else if focus && changed.layout {
        if let Some(h) = i
            .page
            .bodies
            .get(view.column)
            .and_then(|b| b.dyn_ref::<HtmlElement>().cloned())
        {
            let _ = h.focus();
        }
    }
    if changed.panel {
        let open = view.panel;
        set_flag(&i.page.panel, "open", open.is_some());
        for (p, b) in state::Panel::ALL.iter().zip(&i.page.panel_tabs) {
            let _ = b.set_attribute(
                "aria-expanded",
                if open == Some(*p) { "true" } else { "false" },
            );
        }
        if let Err(e) = render::panel(&doc, &i.page.panel_body, &i.state) {
            gloo::console::error!(e);
        }
        // The discrepancy selected in the discrepancies panel comes into view there.
        if let Ok(Some(cur)) = i.page.panel_body.query_selector(".discrepancy.current") {
            cur.scroll_into_view_with_bool(false);
        }
    }
    if i.url && (changed.emphasis || changed.panel || changed.layout || changed.own) {
        let f = state::fragment(&view);
        write_fragment(&f);
        if let Some(s) = storage() {
            let _ = s.set_item(VIEW_KEY, &f);
        }
    }
}

/// Scrolls the column of `at` (its own scroller only, so the row does not jump sideways)
/// until the element is in view, about a third from the top.
fn scroll_to(page: &Page, at: At, sideways: bool) {
    let Some(e) = page.elements(at).first() else {
        return;
    };
    let Some(body) = page.bodies.get(at.0) else {
        return;
    };
    // A column hidden by the reader is shown again to reach it.
    if let Some(col) = page.columns.get(at.0) {
        if col.has_attribute("hidden") {
            return;
        }
    }
    let scrolls = body.scroll_height() > body.client_height() + 1
        && web_sys::window()
            .and_then(|w| w.get_computed_style(body).ok().flatten())
            .and_then(|s| s.get_property_value("overflow-y").ok())
            .is_some_and(|v| v == "auto" || v == "scroll");
    if scrolls {
        let (er, br) = (
            e.get_bounding_client_rect(),
            body.get_bounding_client_rect(),
        );
        let inside = er.top() >= br.top() && er.bottom() <= br.bottom();
        if !inside {
            let by = er.top() - br.top() - br.height() / 3.0;
            body.set_scroll_top(body.scroll_top() + by as i32);
        }
    } else if !matches!(at.1, Target::Sentence(_)) || page.columns.len() == 1 {
        e.scroll_into_view_with_bool(true);
    }
    // Sideways, within the row of columns, if the column is out of view.
    if !sideways {
        return;
    }
    if let (Some(col), Some(row)) = (
        page.columns.get(at.0),
        page.columns.get(at.0).and_then(|c| c.parent_element()),
    ) {
        let (cr, rr) = (
            col.get_bounding_client_rect(),
            row.get_bounding_client_rect(),
        );
        if cr.left() < rr.left() - 1.0 || cr.right() > rr.right() + 1.0 {
            let by = cr.left() - rr.left() - 8.0;
            row.set_scroll_left(row.scroll_left() + by as i32);
        }
    }
}

fn location_hash() -> Option<String> {
    web_sys::window()?.location().hash().ok()
}

/// Writes the view into the URL fragment without adding a history entry or firing
/// `hashchange`.
fn write_fragment(f: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let want = if f.is_empty() {
        String::new()
    } else {
        format!("#{f}")
    };
    if location_hash().as_deref() == Some(want.as_str()) {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let url = if want.is_empty() {
        // Drop the fragment: the path and query alone.
        let loc = window.location();
        format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        )
    } else {
        want
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
}

/// The entry point of `crosscheck-web`: shows the seed reports in `#reports`, or the reason it
/// could not in `#status`.
pub fn main() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("The page stopped: {info}");
        gloo::console::error!(message.clone());
        show_error(&message);
    }));
    run();
}

/// [`start`], showing its error in the page if it fails.
pub fn run() {
    if let Err(err) = start() {
        gloo::console::error!(err.clone());
        show_error(&format!(
            "The reports could not be shown: {}",
            describe(&err)
        ));
    }
}

/// Mounts the seed reports into the page's `#reports` element, restores the view from the URL
/// fragment and hides the status line.
pub fn start() -> Result<(), JsValue> {
    let doc = document().ok_or("no document to render into")?;
    let root = doc
        .get_element_by_id(ROOT_ID)
        .ok_or_else(|| format!("the page has no element with id \"{ROOT_ID}\""))?;
    // Read before mounting: the first render writes the (default) view into the fragment.
    let restore = location_hash()
        .filter(|h| h.len() > 1)
        .or_else(|| storage().and_then(|s| s.get_item(VIEW_KEY).ok().flatten()));
    // Performance marks for scripts/bench-page: where the load time goes.
    let mark = |name: &str| {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(name);
        }
    };
    mark("crosscheck:start");
    // The reader's reports, stored before anything is analysed (see `save`).
    let (own, notice, aside) = load();
    let example = restore.as_deref().is_some_and(|f| {
        f.trim_start_matches('#')
            .split('&')
            .any(|p| p == "set=example")
    });
    let reports = State::analysed(&own, example);
    mark("crosscheck:analysed");
    let mut state = State::with_analysed(own, example, reports);
    state.notice = notice;
    state.aside = aside;
    mark("crosscheck:compared");
    let app = App::mount_with(&doc, &root, state, true)?;
    mark("crosscheck:rendered");
    if let Some(hash) = restore {
        app.send(Msg::Fragment(hash));
    }
    if let Some(status) = doc.get_element_by_id(STATUS_ID) {
        status.set_text_content(None);
        attr(&status, "hidden", "")?;
    }
    APP.with(|cell| *cell.borrow_mut() = Some(app));
    Ok(())
}

/// Replaces the reports on the page with `reports` (analysed and compared here), keeping the
/// page's listeners in the same way as [`start`]. The view starts afresh.
pub fn show(reports: Vec<state::Report>) -> Result<(), JsValue> {
    let doc = document().ok_or("no document to render into")?;
    let root = doc
        .get_element_by_id(ROOT_ID)
        .ok_or_else(|| format!("the page has no element with id \"{ROOT_ID}\""))?;
    // Drop the old app (and its listeners) first.
    APP.with(|cell| cell.borrow_mut().take());
    let app = App::mount_with(&doc, &root, State::new(reports), true)?;
    APP.with(|cell| *cell.borrow_mut() = Some(app));
    Ok(())
}

/// Shows `texts` (named `files`) on the page instead of the seeds, for JavaScript
/// (`window.wasmBindings.show_reports`): analysed, compared and rendered in Rust, as the seeds
/// are. `scripts/bench-page` uses it for 50 long reports.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = show_reports)]
pub fn show_reports(files: Vec<String>, texts: Vec<String>) -> Result<(), JsValue> {
    if files.len() != texts.len() {
        return Err(JsValue::from_str(
            "show_reports: as many file names as texts",
        ));
    }
    let reports = files
        .into_iter()
        .zip(texts)
        .map(|(f, t)| state::Report::new(f, t))
        .collect();
    show(reports)
}

/// localStorage key of the reader's reports (a JSON array of `{file, text}`).
pub const REPORTS_KEY: &str = "crosscheck.reports";
/// Where stored reports that cannot be read are kept aside, unchanged.
pub const ASIDE_KEY: &str = "crosscheck.reports.unreadable";
/// The last view (URL fragment), for a visit without one.
pub const VIEW_KEY: &str = "crosscheck.view";

thread_local! {
    /// Set when unreadable data could not be kept aside: never write over it then.
    static BLOCKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored reports, a notice for the reader, and data kept aside.
fn load() -> (Vec<Doc>, Option<String>, Option<String>) {
    let Some(s) = storage() else {
        return (
            Vec::new(),
            Some("This browser does not let the page keep anything (private mode, or storage switched off): your reports stay only until the page is closed.".into()),
            None,
        );
    };
    let Ok(Some(raw)) = s.get_item(REPORTS_KEY) else {
        let aside = s.get_item(ASIDE_KEY).ok().flatten();
        let notice = aside
            .as_ref()
            .map(|_| "Stored data that could not be read earlier is kept aside.".to_string());
        return (Vec::new(), notice, aside);
    };
    match parse_stored(&raw) {
        Some(docs) => {
            let aside = s.get_item(ASIDE_KEY).ok().flatten();
            let notice = aside
                .as_ref()
                .map(|_| "Stored data that could not be read earlier is kept aside.".to_string());
            (docs, notice, aside)
        }
        None => {
            let kept = s.set_item(ASIDE_KEY, &raw).is_ok();
            if !kept {
                BLOCKED.with(|b| b.set(true));
            }
            let notice = if kept {
                "Your stored reports could not be read (the data is damaged). Nothing was deleted: the data is kept aside, and you can download it."
            } else {
                "Your stored reports could not be read (the data is damaged), and there is no room to keep them aside: nothing will be saved over them. Download them to keep them."
            };
            (Vec::new(), Some(notice.into()), Some(raw))
        }
    }
}

/// Reads `[{"file": string, "text": string}, ...]`; `None` for anything else.
fn parse_stored(raw: &str) -> Option<Vec<Doc>> {
    let v = js_sys::JSON::parse(raw).ok()?;
    let arr = v.dyn_into::<js_sys::Array>().ok()?;
    let mut docs = Vec::new();
    for item in arr.iter() {
        let get = |k: &str| {
            js_sys::Reflect::get(&item, &JsValue::from_str(k))
                .ok()?
                .as_string()
        };
        docs.push(Doc::new(get("file")?, get("text")?));
    }
    Some(docs)
}

/// Stores the reader's reports; tells the reader when it cannot.
fn save(state: &mut State) {
    if BLOCKED.with(|b| b.get()) {
        return;
    }
    let Some(s) = storage() else {
        return;
    };
    if let Err(e) = s.set_item(REPORTS_KEY, &state::stored_json(&state.own)) {
        let full = js_sys::Reflect::get(&e, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .is_some_and(|n| n.contains("Quota"));
        state.notice = Some(if full {
            "Could not save: this browser's storage for the page is full. Your reports stay on the page, and what was saved before is untouched; free some storage to keep the latest change.".into()
        } else {
            format!(
                "Could not save your reports: {}. They stay on the page until it is closed.",
                describe(&e)
            )
        });
    }
}

/// Offers `body` for download as `name` (a Blob URL, revoked after the click).
fn download(body: &str, name: &str, mime: &str) -> Result<(), JsValue> {
    let doc = document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    attr(&a, "hidden", "")?;
    doc.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads `files` (text, Markdown or HTML reduced to its article text) and adds them. The bytes
/// are decoded by [`crate::decode`] (UTF-8, UTF-16, Latin-1; binary, empty and oversized files
/// refused with a reason), as the CLI does.
fn read_files(inner: &Rc<RefCell<Inner>>, files: &web_sys::FileList) {
    let mut names = Vec::new();
    let promises = js_sys::Array::new();
    for k in 0..files.length() {
        if let Some(f) = files.item(k) {
            names.push(f.name());
            if f.size() > crate::web::state::MAX_FILE_BYTES as f64 {
                // Not read at all: a huge file would only be refused after filling memory.
                promises.push(&js_sys::Promise::resolve(&JsValue::from_f64(f.size())));
            } else {
                promises.push(&f.array_buffer());
            }
        }
    }
    if names.is_empty() {
        return;
    }
    // Each closure runs once; they are small and live as long as the page.
    let mut pending = Some((names, Rc::clone(inner)));
    let done = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |read: JsValue| {
        let Some((names, inner)) = pending.take() else {
            return;
        };
        let read: js_sys::Array = read.unchecked_into();
        let limit = crate::web::state::MAX_FILE_BYTES;
        let files = names
            .into_iter()
            .zip(read.iter())
            .map(|(name, r)| {
                let decoded = match r.as_f64() {
                    Some(size) => Err(crate::decode::DecodeError::TooLarge {
                        bytes: size as usize,
                        limit,
                    }),
                    None => crate::decode::decode(&js_sys::Uint8Array::new(&r).to_vec(), limit),
                };
                let decoded = decoded.map(|mut d| {
                    if crate::html::is_html_name(&name) {
                        d.text = html_text(&d.text);
                    }
                    d
                });
                (name, decoded)
            })
            .collect();
        dispatch(&inner, Msg::AddFiles(files), false);
    });
    let failed = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        show_error(&format!("A file could not be read: {}", describe(&e)));
    });
    let _ = js_sys::Promise::all(&promises).then2(&done, &failed);
    done.forget();
    failed.forget();
}

/// The article text of an HTML document, read by the browser's inert `DOMParser` (nothing runs
/// or loads) with the rules of [`crate::html`], which the CLI shares.
pub fn html_text(html: &str) -> String {
    use crate::html::{dropped, is_block, Lines};
    fn walk(node: &web_sys::Node, in_article: bool, lines: &mut Lines) {
        match node.node_type() {
            web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                lines.text(&node.node_value().unwrap_or_default())
            }
            web_sys::Node::ELEMENT_NODE => {
                let Some(e) = node.dyn_ref::<Element>() else {
                    return;
                };
                let tag = e.local_name().to_ascii_lowercase();
                if dropped(&tag, in_article) {
                    return;
                }
                let block = is_block(&tag);
                if block {
                    lines.brk();
                }
                let inside = in_article || tag == "article";
                let kids = node.child_nodes();
                for k in 0..kids.length() {
                    if let Some(c) = kids.item(k) {
                        walk(&c, inside, lines);
                    }
                }
                if block {
                    lines.brk();
                }
            }
            _ => {}
        }
    }
    let mut lines = Lines::default();
    let parsed = web_sys::DomParser::new()
        .and_then(|p| p.parse_from_string(html, web_sys::SupportedType::TextHtml));
    if let Ok(d) = parsed {
        let root = ["article", "main", "body"]
            .iter()
            .find_map(|sel| d.query_selector(sel).ok().flatten());
        if let Some(root) = root {
            let in_article = root.closest("article").ok().flatten().is_some();
            walk(&root, in_article, &mut lines);
        }
    }
    lines.finish()
}

/// Writes `message` into the status line (made visible, `role="alert"`), creating the line at
/// the top of the body if the page lacks one. Never panics.
pub fn show_error(message: &str) {
    let Some(doc) = document() else { return };
    let status = match doc.get_element_by_id(STATUS_ID) {
        Some(el) => el,
        None => {
            let Ok(el) = doc.create_element("p") else {
                return;
            };
            el.set_id(STATUS_ID);
            if let Some(body) = doc.body() {
                let _ = body.prepend_with_node_1(&el);
            }
            el
        }
    };
    let _ = status.remove_attribute("hidden");
    let _ = status.set_attribute("role", "alert");
    status.set_class_name("status error");
    status.set_text_content(Some(message));
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// A readable form of a JavaScript error value.
fn describe(err: &JsValue) -> String {
    err.as_string().unwrap_or_else(|| format!("{err:?}"))
}
