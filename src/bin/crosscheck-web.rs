//! The browser entry point, built for wasm32 by Trunk (`data-bin="crosscheck-web"`,
//! `data-cargo-features="web"`); all of it lives in `crosscheck::web`.

#[cfg(target_arch = "wasm32")]
fn main() {
    crosscheck::web::main();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "crosscheck-web is the page's WebAssembly entry point: build it with `trunk build --release` \
         (see scripts/serve); the command-line tool is `crosscheck`."
    );
    std::process::ExitCode::FAILURE
}
