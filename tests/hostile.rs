//! Hostile and odd input (issue: hostile and broken input): line ends of every kind, a byte-order
//! mark, NUL and control characters, right-to-left text, combining marks, emoji and other scripts
//! are read without losing a speaker; the output is deterministic; every index of a comparison of
//! arbitrary texts is valid. All sentences are made up.

use crosscheck::compare::{compare, invalid_index, Comparison};
use crosscheck::{analyze, Analysis};
use proptest::prelude::*;

fn speakers(text: &str) -> Vec<String> {
    analyze(text).speakers.into_iter().map(|s| s.name).collect()
}

/// The speaker of each quotation, in order ("" when none).
fn quote_speakers(text: &str) -> Vec<(String, String)> {
    let a = analyze(text);
    a.quotes
        .iter()
        .map(|q| {
            (
                q.span.as_str(text).to_string(),
                q.speaker
                    .map_or(String::new(), |s| a.speakers[s].name.clone()),
            )
        })
        .collect()
}

const BODY: &str = "“We will rebuild the pier,” Mayor Ines Calder said on Friday.";

#[test]
fn crlf_lone_cr_and_lf_give_the_same_findings() {
    let lf = format!("Harbour vote tonight\n{BODY}\nShe added: “Soon.”\n");
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    let expect = vec![
        (
            "“We will rebuild the pier,”".to_string(),
            "Ines Calder".to_string(),
        ),
        ("“Soon.”".to_string(), "Ines Calder".to_string()),
    ];
    for t in [&lf, &crlf, &cr] {
        assert_eq!(quote_speakers(t), expect, "{t:?}");
        let a = analyze(t);
        assert_eq!(a.paragraphs.len(), 3, "{t:?}");
        assert_eq!(a.title.unwrap().as_str(t), "Harbour vote tonight");
        // No paragraph holds a line end.
        assert!(a
            .paragraphs
            .iter()
            .all(|p| !p.as_str(t).contains(['\r', '\n'])));
    }
}

#[test]
fn a_byte_order_mark_stays_out_of_the_title() {
    let t = format!("\u{feff}Harbour vote tonight\n{BODY}\n");
    let a = analyze(&t);
    let title = a.title.unwrap().as_str(&t);
    assert_eq!(title.trim_start_matches('\u{feff}'), "Harbour vote tonight");
    assert_eq!(quote_speakers(&t)[0].1, "Ines Calder");
}

#[test]
fn nul_and_control_characters_do_not_break_attribution() {
    let t = format!("Harbour vote tonight\n\0\u{1}\u{7}{BODY}\u{0}\n\u{1b}[31m\n");
    assert_eq!(quote_speakers(&t)[0].1, "Ines Calder");
}

#[test]
fn other_scripts_never_break_speaker_detection() {
    for body in [
        // Quoted words in Cyrillic, Greek, Arabic (right to left), Hebrew, Chinese and Hindi.
        "“Мы восстановим порт,” Mayor Ines Calder said.",
        "“Θα ξαναχτίσουμε,” Mayor Ines Calder said.",
        "“سنعيد بناء الميناء,” Mayor Ines Calder said.",
        "“נבנה מחדש,” Mayor Ines Calder said.",
        "“我们会重建港口,” Mayor Ines Calder said.",
        "“हम बंदरगाह फिर से बनाएंगे,” Mayor Ines Calder said.",
        // Other scripts around the attribution.
        "In 北京 on Friday, Mayor Ines Calder said: “We will rebuild.”",
        "Mayor Ines Calder (بالعربية) said: “We will rebuild.”",
        "“We will rebuild,” Mayor Ines Calder said in Москва 🙂.",
        // Right-to-left and bidi control marks, a zero-width joiner, combining accents.
        "\u{202b}“We will rebuild,”\u{202c} Mayor Ines Calder said.",
        "“We will rebuild,” Mayor Ines Calder said.\u{200f}\u{200d}",
        "“We will re\u{301}build,” Mayor Ines Calder said.",
    ] {
        let t = format!("Harbour vote tonight\n{body}\n");
        let q = quote_speakers(&t);
        assert_eq!(q.len(), 1, "{body}: {q:?}");
        assert_eq!(q[0].1, "Ines Calder", "{body}");
    }
}

#[test]
fn names_in_other_scripts_and_with_accents_are_speakers() {
    let t = "Harbour vote tonight\n“We will rebuild,” Mayor Zoë Ångström-Núñez said.\n";
    assert_eq!(speakers(t), ["Zoë Ångström-Núñez"]);
}

#[test]
fn emoji_and_astral_characters_keep_utf16_offsets_right() {
    let t = "Harbour 🙂 vote tonight\n𝒜 “We will rebuild 🏗️,” Mayor Ines Calder said.\n";
    let a = analyze(t);
    let r = crosscheck::report::ReportOut::new("t.txt", t, &a);
    let v = serde_json::to_value(&r).unwrap();
    let q = &v["quotes"][0];
    let utf16: Vec<u16> = t.encode_utf16().collect();
    let (s, e) = (
        q["start_utf16"].as_u64().unwrap() as usize,
        q["end_utf16"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        String::from_utf16(&utf16[s..e]).unwrap(),
        "“We will rebuild 🏗️,”"
    );
}

#[test]
fn empty_and_blank_texts_give_empty_analyses() {
    for t in [
        "",
        " ",
        "\n\n\n",
        "\r\n\r\n",
        "\r\r",
        "\t \u{a0}\u{3000}",
        "\u{feff}",
    ] {
        let a = analyze(t);
        assert!(
            a.quotes.is_empty() && a.speakers.is_empty() && a.claims.is_empty(),
            "{t:?}"
        );
        let c = run(&[t, t]);
        assert!(
            c.quote_groups.is_empty() && c.discrepancies.is_empty(),
            "{t:?}"
        );
    }
}

fn run(texts: &[&str]) -> Comparison {
    let analyses: Vec<Analysis> = texts.iter().map(|t| analyze(t)).collect();
    let reports: Vec<(&str, &Analysis)> = texts.iter().copied().zip(&analyses).collect();
    compare(&reports)
}

#[test]
fn twelve_copies_of_one_report_are_one_story() {
    let t = format!("Harbour vote tonight\n{BODY}\nThe council voted 7 to 2 on Friday.\n");
    let texts = vec![t.as_str(); 12];
    let c = run(&texts);
    assert!(c.discrepancies.is_empty(), "{:#?}", c.discrepancies);
    assert_eq!(c.quote_groups.len(), 1);
    let mut reports: Vec<usize> = c.quote_groups[0].members.iter().map(|m| m.report).collect();
    reports.sort_unstable();
    assert_eq!(reports, (0..12).collect::<Vec<_>>());
    check_comparison(&texts, &c);
}

/// Every index in `c` points into `texts`, their analyses or `c` itself, and every span lies on
/// char boundaries inside its report.
fn check_comparison(texts: &[&str], c: &Comparison) {
    let analyses: Vec<Analysis> = texts.iter().map(|t| analyze(t)).collect();
    let reports: Vec<(&str, &Analysis)> = texts.iter().copied().zip(&analyses).collect();
    assert_eq!(invalid_index(&reports, c), None);
}

#[test]
fn a_bad_span_is_found() {
    let t = "Harbour vote tonight\n“We will rebuild,” Mayor Ines Calder said.\n";
    let mut a = analyze(t);
    assert_eq!(a.invalid_span(t), None);
    // Inside the three bytes of the opening mark.
    a.quotes[0].span.start += 1;
    assert!(a.invalid_span(t).unwrap().contains("inside a char"));
    let mut a = analyze(t);
    a.quotes[0].speaker = Some(9);
    assert!(a.invalid_span(t).unwrap().contains("speaker out of range"));
}

#[test]
fn a_bad_index_is_found() {
    let texts = [
        "Harbour vote tonight\n\"We will rebuild the pier before the winter storms,\" Ana Ruiz said.",
        "Harbour news\n\"We will rebuild the pier before the storms,\" Ruiz said.",
    ];
    let mut c = run(&texts);
    let analyses: Vec<Analysis> = texts.iter().map(|t| analyze(t)).collect();
    let reports: Vec<(&str, &Analysis)> = texts.iter().copied().zip(&analyses).collect();
    assert_eq!(invalid_index(&reports, &c), None);
    c.quote_groups[0].members[0].quotes[0] = 7;
    assert!(invalid_index(&reports, &c).unwrap().contains("quotation 7"));
    let mut c = run(&texts);
    c.coverage.sentences[0].span = crosscheck::Span::new(0, 999);
    assert!(invalid_index(&reports, &c)
        .unwrap()
        .contains("sentence: span"));
}

/// Pieces of news-like text with every hazard: marks of every family, names, titles, numbers,
/// dates, line ends of all kinds and characters from other scripts.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just(" said ".to_string()),
        Just(" Sen. Ana Ruiz".to_string()),
        Just(" former Gov. Ana Ruiz".to_string()),
        Just(" Mr. Ruiz".to_string()),
        Just(" Mrs. Ruiz".to_string()),
        Just(" Bill Okafor".to_string()),
        Just(" William Okafor".to_string()),
        Just(" she ".to_string()),
        Just(" on Monday".to_string()),
        Just(" on Tuesday".to_string()),
        Just(" $1.4 billion".to_string()),
        Just(" 12 percent".to_string()),
        Just(" claimed ".to_string()),
        Just(" reportedly ".to_string()),
        Just(" we will rebuild the pier ".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("Москва".to_string()),
        Just("北京".to_string()),
        Just("🙂".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\0".to_string()),
        "[a-z]{1,8}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Comparing any reports gives indices that all point where they should.
    #[test]
    fn every_index_of_a_comparison_is_valid(texts in prop::collection::vec(newsy(), 1..5)) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let c = run(&refs);
        check_comparison(&refs, &c);
    }

    /// The same input gives the same output: the analysis and the comparison are deterministic
    /// (no iteration over a randomly seeded hash map decides anything).
    #[test]
    fn output_is_deterministic(texts in prop::collection::vec(newsy(), 2..4)) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        for t in &refs {
            prop_assert_eq!(analyze(t), analyze(t));
        }
        prop_assert_eq!(run(&refs), run(&refs));
    }
}

#[test]
fn seeds_are_deterministic_across_runs() {
    let texts: Vec<&str> = crosscheck::seeds::SEEDS.iter().map(|(_, t)| *t).collect();
    let first = run(&texts);
    assert!(!first.quote_groups.is_empty());
    for _ in 0..3 {
        assert_eq!(run(&texts), first);
    }
    check_comparison(&texts, &first);
}
