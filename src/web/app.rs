//! The page: mounts the report columns into `index.html`, keeps the event listeners and shows
//! any failure in the page itself (never a silent blank page).

use std::cell::RefCell;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event};

use super::render::{self, Report};

/// `id` of the element the columns go into.
pub const ROOT_ID: &str = "reports";
/// `id` of the status line: "Loading…" until the columns are there, or what went wrong.
pub const STATUS_ID: &str = "status";
/// Class of the highlight last clicked.
pub const SELECTED: &str = "selected";

thread_local! {
    /// The mounted page, kept for the page's lifetime so its listeners stay attached.
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// The mounted page. Dropping it removes its event listeners.
pub struct App {
    root: Element,
    _listeners: Vec<EventListener>,
}

impl App {
    /// Renders `reports` into `root`, replacing whatever it held, and attaches the listeners.
    pub fn mount(doc: &Document, root: &Element, reports: &[Report]) -> Result<App, JsValue> {
        root.set_text_content(None);
        render::columns(doc, root, reports)?;
        let on_click = {
            let root = root.clone();
            EventListener::new(root.clone().as_ref(), "click", move |event| {
                select(&root, event)
            })
        };
        Ok(App {
            root: root.clone(),
            _listeners: vec![on_click],
        })
    }

    /// The element holding the columns.
    pub fn root(&self) -> &Element {
        &self.root
    }
}

/// Clicking a highlight selects it (class [`SELECTED`]); clicking anywhere else clears it.
fn select(root: &Element, event: &Event) {
    let hit = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("[data-kind]").ok().flatten());
    if let Ok(previous) = root.query_selector_all(&format!("[data-kind].{SELECTED}")) {
        for i in 0..previous.length() {
            if let Some(el) = previous.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.class_list().remove_1(SELECTED);
            }
        }
    }
    if let Some(el) = hit {
        let _ = el.class_list().add_1(SELECTED);
    }
}

/// The entry point of `crosscheck-web`: shows the seed reports in `#reports`, or the reason it
/// could not in `#status`.
pub fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error(&format!("The page stopped: {info}"));
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

/// Mounts the seed reports into the page's `#reports` element and hides the status line.
pub fn start() -> Result<(), JsValue> {
    let doc = document().ok_or("no document to render into")?;
    let root = doc
        .get_element_by_id(ROOT_ID)
        .ok_or_else(|| format!("the page has no element with id \"{ROOT_ID}\""))?;
    let app = App::mount(&doc, &root, &Report::seeds())?;
    if let Some(status) = doc.get_element_by_id(STATUS_ID) {
        status.set_text_content(None);
        status.set_attribute("hidden", "")?;
    }
    APP.with(|cell| *cell.borrow_mut() = Some(app));
    Ok(())
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
