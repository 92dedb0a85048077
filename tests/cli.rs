//! The `crosscheck` binary run as a process: the JSON contract on the seeds, and clear errors
//! with a non-zero exit on bad input.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn crosscheck(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn seeds() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| format!("seeds/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|f| f.ends_with(".txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn json_contract_on_the_seeds() {
    let files = seeds();
    assert_eq!(files.len(), 5);
    let args: Vec<&str> = ["analyze", "--format", "json"]
        .into_iter()
        .chain(files.iter().map(|s| s.as_str()))
        .collect();
    let out = crosscheck(&args, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = v["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 5);
    assert!(v["comparison"].is_object());
    for (r, f) in reports.iter().zip(&files) {
        assert_eq!(r["file"], f.as_str());
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + f)
                .unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert!(!r["title"].as_str().unwrap().is_empty());
        let check_span = |s: &serde_json::Value| {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text[a..b],
                s["text"].as_str().unwrap(),
                "byte offsets slice the text"
            );
            let (ua, ub) = (
                s["start_utf16"].as_u64().unwrap() as usize,
                s["end_utf16"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                String::from_utf16(&utf16[ua..ub]).unwrap(),
                s["text"].as_str().unwrap(),
                "UTF-16 offsets too"
            );
        };
        let quotes = r["quotes"].as_array().unwrap();
        assert!(!quotes.is_empty(), "{f} has quotations");
        for q in quotes {
            check_span(q);
            assert!(["full", "partial", "scare"].contains(&q["kind"].as_str().unwrap()));
            for key in ["speaker_mention", "cue"] {
                if !q[key].is_null() {
                    check_span(&q[key]);
                }
            }
        }
        for s in r["speakers"].as_array().unwrap() {
            assert!(!s["name"].as_str().unwrap().is_empty());
            s["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .for_each(check_span);
        }
        for c in r["claims"].as_array().unwrap() {
            check_span(c);
            check_span(&c["marker"]);
            assert!(["contested", "counter", "hedged"].contains(&c["kind"].as_str().unwrap()));
        }
    }
    // The first seed's quotation of Trump about land and power plants.
    let q = &reports[0]["quotes"][0];
    assert_eq!(q["speaker"], "Donald Trump");
    assert!(q["text"]
        .as_str()
        .unwrap()
        .starts_with("\"We will be talking about land."));
}

#[test]
fn stdin_and_text_format() {
    let out = crosscheck(
        &["analyze", "--format", "text", "-"],
        Some("Talks in Moscow\n“We agree,” said Putin.\n".as_bytes()),
    );
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("== -: Talks in Moscow"), "{s}");
    assert!(
        s.contains("Q1 [full] Putin (\"Putin\"): “We agree,”"),
        "{s}"
    );
}

#[test]
fn missing_file_and_directory_fail_clearly() {
    let out = crosscheck(&["analyze", "no/such/file.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt: no such file"));
    assert!(
        out.stdout.is_empty(),
        "nothing is printed when an input fails"
    );

    let out = crosscheck(&["analyze", "seeds"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("seeds: is a directory"));
}

#[test]
fn other_encodings_are_converted_and_the_reader_is_told() {
    // Latin-1 (Windows-1252): curly quotes are 0x93/0x94, é is 0xE9.
    let latin1 = b"Harbour vote\n\x93We will rebuild the caf\xE9,\x94 Mayor Ines Calder said.\n";
    let out = crosscheck(&["analyze", "--format", "text", "-"], Some(latin1));
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("standard input: not UTF-8: read as Latin-1"),
        "{err}"
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("Ines Calder") && s.contains("“We will rebuild the café,”"),
        "{s}"
    );

    // UTF-16 little-endian with a byte-order mark, as Windows editors save it.
    let text = "Harbour vote\n“We will rebuild,” Mayor Ines Calder said.\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let out = crosscheck(&["analyze", "--format", "json", "-"], Some(&utf16));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-16"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reports"][0]["speakers"][0]["name"], "Ines Calder");
}

#[test]
fn empty_blank_and_binary_files_are_refused_with_a_reason() {
    for (input, reason) in [
        (&b""[..], "the file is empty"),
        (&b" \r\n\t\n"[..], "the file holds only blank space"),
        (&b"%PDF-1.7\n1 0 obj"[..], "a PDF file, not text"),
        (&b"\x89PNG\r\n\x1a\n\0\0"[..], "a PNG image file, not text"),
        (&b"abc\0def\0\0"[..], "a binary file, not text"),
    ] {
        let out = crosscheck(&["analyze", "-"], Some(input));
        assert_eq!(out.status.code(), Some(1), "{input:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("standard input: {reason}")), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["analyze"][..],
        &["analyze", "--format", "xml", "x"][..],
        &["frobnicate"][..],
    ] {
        let out = crosscheck(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"));
    }
}

#[test]
fn a_title_alone_gives_an_empty_report() {
    let out = crosscheck(
        &["analyze", "--format", "json", "-"],
        Some(b"Only a title\n"),
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reports"][0]["quotes"].as_array().unwrap().len(), 0);
    assert_eq!(v["reports"][0]["title"], "Only a title");
}

#[test]
fn explain_names_the_rule_behind_each_quotation() {
    let text = "Harbour vote\n\"The pier stays open,\" Mayor Ines Calder said on Friday.\n\"We will fund it,\" she added. Critics called the plan \"reckless.\"\n";
    let out = crosscheck(&["analyze", "--explain", "-"], Some(text.as_bytes()));
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines[0], "== report 0: -");
    let first = lines
        .iter()
        .find(|l| l.contains("The pier stays open"))
        .unwrap();
    assert!(first.starts_with("13..35 "), "{first}");
    assert!(
        first.contains("quote full (speech)  cue_after  mention"),
        "{first}"
    );
    assert!(
        first.contains("-> speaker \"Ines Calder\" by name"),
        "{first}"
    );
    let second = lines
        .iter()
        .find(|l| l.contains("We will fund it"))
        .unwrap();
    assert!(second.contains("\"she\""), "{second}");
    assert!(
        second.contains("-> speaker \"Ines Calder\" by pronoun"),
        "{second}"
    );
    assert!(lines
        .iter()
        .any(|l| l.starts_with("speaker 0 \"Ines Calder\" (person)")));
}

#[test]
fn explain_names_the_rule_behind_each_claim_and_quotation_kind() {
    let text = "Harbour vote\nMayor Ines Calder insisted that the pier was \"perfectly safe\" for ferries.\nThe ferry line reportedly lost money.\n";
    let out = crosscheck(&["analyze", "--explain", "-"], Some(text.as_bytes()));
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let quote = s.lines().find(|l| l.contains("quote ")).unwrap();
    assert!(quote.contains("quote partial (in_sentence)"), "{quote}");
    assert!(quote.contains("-> speaker \"Ines Calder\""), "{quote}");
    let claims: Vec<&str> = s.lines().filter(|l| l.contains("  claim ")).collect();
    assert_eq!(claims.len(), 2, "{s}");
    assert!(
        claims[0].contains("claim contested  marker")
            && claims[0].contains("rule contested: marker `insisted | clause`")
            && claims[0].contains("holder: the subject of the marker"),
        "{}",
        claims[0]
    );
    assert!(
        claims[1].contains("claim hedged")
            && claims[1].contains("holder none")
            && claims[1].contains("rule hedged: marker `reportedly | nobody`"),
        "{}",
        claims[1]
    );
}
