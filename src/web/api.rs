//! The JSON contract for JavaScript: the same shape as `crosscheck analyze --format json`
//! (see the README), as plain JS objects through serde-wasm-bindgen.
//!
//! ```js
//! const report = crosscheck.analyze_report("my-article.txt", text);
//! report.quotes[0].start_utf16;   // index into the JS string
//! const all = crosscheck.analyze_reports(["a.txt", "b.txt"], [textA, textB]);
//! all.comparison.quote_groups;    // the same utterance across reports
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

/// Analyses several reports of one event and compares them: the whole output of
/// `crosscheck analyze --format json` (`{reports, comparison}`), for `files[i]` with `texts[i]`.
#[wasm_bindgen(js_name = analyze_reports)]
pub fn analyze_reports(files: Vec<String>, texts: Vec<String>) -> Result<JsValue, JsValue> {
    if files.len() != texts.len() {
        return Err(JsValue::from_str(&format!(
            "analyze_reports: {} file names for {} texts",
            files.len(),
            texts.len()
        )));
    }
    let analyses: Vec<crate::Analysis> = texts.iter().map(|t| crate::analyze(t)).collect();
    let pairs: Vec<(&str, &crate::Analysis)> =
        texts.iter().map(String::as_str).zip(&analyses).collect();
    let output = crate::report::Output {
        reports: files
            .iter()
            .zip(&pairs)
            .map(|(f, (t, a))| ReportOut::new(f, t, a))
            .collect(),
        comparison: crate::report::ComparisonOut::from_reports(&pairs),
    };
    serde_wasm_bindgen::to_value(&output).map_err(|e| JsValue::from_str(&e.to_string()))
}
