//! The browser layer: the reports side by side, their highlights and the comparison, linked.
//!
//! An application in the Elm manner (see `state`): one [`state::State`] owns the reports,
//! their analyses, the comparison and the view; [`state::Msg`] is everything that can happen;
//! [`state::update`] applies one. Article text reaches the DOM only as text nodes
//! (`create_text_node`), never as HTML, so whatever an article contains stays text.
//!
//! - [`state`] is the page as data (compiled everywhere, unit-tested natively);
//! - `render` builds the columns once per set of reports and the panel per selection (no
//!   globals, so tests render into a detached element);
//! - `api` is the JavaScript API: the JSON contract as JS objects, its TypeScript types
//!   generated from the Rust types (the `json-api` feature, built apart from the page);
//! - `app` is the page: it mounts the columns, owns the delegated event listeners (which only
//!   turn DOM events into `Msg`s), applies what `update` says changed, and shows failures.

pub mod export;
pub mod state;

#[cfg(all(target_arch = "wasm32", feature = "json-api"))]
pub mod api;
#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod render;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub use app::{main, run, App};
pub use state::{Msg, Report, State};
