//! The browser layer: the reports side by side, with their highlights.
//!
//! Thin by design. It calls [`crate::analyze`] on each report and walks the event stream of
//! [`crate::highlight::events`]; article text reaches the DOM only as text nodes
//! (`create_text_node`), never as HTML, so whatever an article contains stays text.
//!
//! - [`render`] builds DOM nodes from an analysis (no globals, so tests can render into a
//!   detached element);
//! - [`api`] hands the JSON contract to JavaScript (serde-wasm-bindgen);
//! - [`app`] is the page: it finds its elements in `index.html`, mounts the columns, keeps the
//!   event listeners and shows failures in the page.

pub mod api;
pub mod app;
pub mod render;

pub use app::{main, run, App};
pub use render::Report;
