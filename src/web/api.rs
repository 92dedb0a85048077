//! The JSON contract for JavaScript: the same shape as `crosscheck analyze --format json`
//! (see the README), as plain JS objects through serde-wasm-bindgen.
//!
//! ```js
//! const report = crosscheck.analyze_report("my-article.txt", text);
//! report.quotes[0].start_utf16;   // index into the JS string
//! ```

use wasm_bindgen::prelude::*;

use crate::report::ReportOut;

/// Analyses `text` and returns one report of the JSON contract (byte and UTF-16 offsets).
#[wasm_bindgen(js_name = analyze_report)]
pub fn analyze_report(file: &str, text: &str) -> Result<JsValue, JsValue> {
    let analysis = crate::analyze(text);
    let report = ReportOut::new(file, text, &analysis);
    serde_wasm_bindgen::to_value(&report).map_err(|e| JsValue::from_str(&e.to_string()))
}
