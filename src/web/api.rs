//! The JavaScript API (`dist/api/crosscheck.js`, built by `scripts/build-api` with the
//! `json-api` feature, apart from the page): the JSON contract of
//! `crosscheck analyze --format json` (see the README) as plain JS objects, with UTF-16
//! offsets for JavaScript strings. The TypeScript declarations (`crosscheck.d.ts`) are
//! generated from the Rust types of `report.rs` (tsify-next), so they cannot drift.
//!
//! ```js
//! import init, { analyze } from "./api/crosscheck.js";
//! await init();
//! const out = analyze([{ file: "a.txt", text: textA }, { file: "b.txt", text: textB }]);
//! out.reports[0].quotes[0].start_utf16;   // index into textA
//! out.comparison.quote_groups;            // the same utterance across reports
//! ```

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::report::{ComparisonOut, Output, ReportOut};

/// One report to analyse: a name (any string; the CLI's is the file name) and the article's
/// text, headline on the first line.
#[derive(Clone, Debug, Deserialize, tsify_next::Tsify)]
pub struct ReportInput {
    pub file: String,
    pub text: String,
}

/// `value` as plain JS objects: `null` for a missing value (as in the JSON), objects for maps.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(&e.to_string()))
}

/// A JavaScript `Error` with `message`.
fn error(message: &str) -> JsValue {
    JsError::new(message).into()
}

/// Analyses every report and compares them: `{reports, comparison}`, exactly the shape of
/// `crosscheck analyze --format json` for the same texts (one report alone: an empty
/// comparison). Throws a `TypeError`-like `Error` when `reports` is not an array of
/// `{file, text}`.
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Output")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "ReportInput[]")] reports: JsValue,
) -> Result<JsValue, JsValue> {
    let inputs: Vec<ReportInput> = serde_wasm_bindgen::from_value(reports)
        .map_err(|e| error(&format!("analyze: expected [{{file, text}}, ...]: {e}")))?;
    let analyses: Vec<crate::Analysis> = inputs.iter().map(|r| crate::analyze(&r.text)).collect();
    let pairs: Vec<(&str, &crate::Analysis)> = inputs
        .iter()
        .map(|r| r.text.as_str())
        .zip(&analyses)
        .collect();
    let output = Output {
        reports: inputs
            .iter()
            .zip(&pairs)
            .map(|(r, (t, a))| ReportOut::new(&r.file, t, a))
            .collect(),
        comparison: ComparisonOut::from_reports(&pairs),
    };
    to_js(&output)
}

/// Analyses one text: one report of the contract (`file` as given).
#[wasm_bindgen(js_name = analyze_report, unchecked_return_type = "ReportOut")]
pub fn analyze_report(file: &str, text: &str) -> Result<JsValue, JsValue> {
    let analysis = crate::analyze(text);
    to_js(&ReportOut::new(file, text, &analysis))
}

/// `analyze` with the names and texts in two arrays (`files[i]` names `texts[i]`).
#[wasm_bindgen(js_name = analyze_reports, unchecked_return_type = "Output")]
pub fn analyze_reports(files: Vec<String>, texts: Vec<String>) -> Result<JsValue, JsValue> {
    if files.len() != texts.len() {
        return Err(error(&format!(
            "analyze_reports: {} file names for {} texts",
            files.len(),
            texts.len()
        )));
    }
    let analyses: Vec<crate::Analysis> = texts.iter().map(|t| crate::analyze(t)).collect();
    let pairs: Vec<(&str, &crate::Analysis)> =
        texts.iter().map(String::as_str).zip(&analyses).collect();
    let output = Output {
        reports: files
            .iter()
            .zip(&pairs)
            .map(|(f, (t, a))| ReportOut::new(f, t, a))
            .collect(),
        comparison: ComparisonOut::from_reports(&pairs),
    };
    to_js(&output)
}
