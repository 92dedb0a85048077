//! Property tests: `analyze` never panics, on any input, and every span it returns lies on
//! char boundaries inside the text.

use crosscheck::analyze;
use proptest::prelude::*;

/// Text built from the pieces that trip analysers: every quotation mark, apostrophes,
/// newlines, names, reporting verbs, punctuation, emoji and combining marks.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("''".to_string()),
        Just("``".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" said ".to_string()),
        Just(" Mr. Trump".to_string()),
        Just(" he ".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(":".to_string()),
        Just(" according to ".to_string()),
        Just(" claims ".to_string()),
        Just(" reportedly ".to_string()),
        Just("🙂".to_string()),
        Just("e\u{301}".to_string()),
        Just("—".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("U.S.".to_string()),
        Just(" the envoy ".to_string()),
        "[a-zA-Z ]{1,12}",
        "[a-z]{2,30}",
        " [A-Z][a-z]{1,9} [A-Z][a-z]{1,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn check(text: &str) {
    assert_eq!(analyze(text).invalid_span(text), None);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_spans_are_on_char_boundaries(text in tricky_text()) {
        check(&text);
    }

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        check(&text);
    }
}

#[test]
fn edge_cases() {
    for t in [
        "",
        "\n",
        "\"",
        "“",
        "”",
        "''",
        "``",
        "„“",
        "«»",
        "“”",
        "\"\"\"",
        "“a\n“b\n“c",
        "’",
        "said",
        ":",
    ] {
        check(t);
    }
}

#[test]
fn megabytes_of_unbalanced_quotes() {
    // One opening mark per paragraph, never closed: each must stop at its paragraph's end.
    let para =
        "He said “this goes on and on without an end, said Mr. Trump, according to officials\n";
    let text = para.repeat(20_000); // about 1.7 MB
    let a = analyze(&text);
    assert_eq!(a.quotes.len(), 20_000);
    assert!(a
        .quotes
        .iter()
        .all(|q| !q.closed && !q.span.as_str(&text).contains('\n')));
    check(&text[..50_000]);
}

#[test]
fn pathological_inputs_stay_linear() {
    // Each would take minutes if any step were quadratic in the marks or tokens of a paragraph.
    for piece in [
        "“a\" ",
        "“",
        "\"",
        "” “",
        "said he, ",
        "Mr. A B C, ",
        "'' ",
        "«» ",
        "a. ",
    ] {
        let text = piece.repeat(200_000 / piece.len());
        let started = std::time::Instant::now();
        check(&text);
        // No timing assertion (benchmarks measure speed); the test finishing is the check.
        let _ = started.elapsed();
    }
}
