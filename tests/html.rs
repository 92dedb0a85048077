//! HTML input: the fixture `tests/fixtures/article.html` (our own page, with scripts, styles,
//! navigation, asides and entities) reduces to `tests/fixtures/article.txt`, through the
//! library and through the CLI. The page's `DOMParser` reduction is checked against the same
//! file in `tests/e2e/own.test.mjs`, so the CLI and the page give the same text.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

const HTML: &str = include_str!("fixtures/article.html");
const TEXT: &str = include_str!("fixtures/article.txt");

#[test]
fn the_fixture_reduces_to_its_article_text() {
    assert_eq!(crosscheck::html::to_text(HTML), TEXT);
    for gone in [
        "__injected",
        "Sport",
        "Read more",
        "Advertisement",
        "Contact us",
        "svg text",
        "Go\n",
        "font-family",
        "Coastal Courier",
    ] {
        assert!(!TEXT.contains(gone), "{gone} dropped");
    }
    assert!(
        TEXT.contains("<script>alert(\"shown as text\")</script>"),
        "escaped markup is text"
    );
}

#[test]
fn the_cli_reads_html_as_its_article_text() {
    let exe = env!("CARGO_BIN_EXE_crosscheck");
    let out = Command::new(exe)
        .args(["text", "tests/fixtures/article.html"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), TEXT);
    // `analyze` works on the same text: offsets count in it.
    let out = Command::new(exe)
        .args(["analyze", "--format", "json", "tests/fixtures/article.html"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(
        json.contains("\"title\": \"Harbour deal agreed after all-night talks\""),
        "{json}"
    );
    assert!(json.contains(&format!("\"len\": {}", TEXT.len())));
}
