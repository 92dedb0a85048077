//! The JavaScript API's WebAssembly (`scripts/build-api` → `dist/api/`): the library built with
//! the `json-api` feature and without the page; everything it exports is in
//! `crosscheck::web::api`.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Keeps the library (and its `#[wasm_bindgen]` exports) linked.
    let _ = crosscheck::analyze;
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "crosscheck-api is the JavaScript API's WebAssembly: build it with scripts/build-api; \
         the command-line tool is `crosscheck`."
    );
    std::process::ExitCode::FAILURE
}
