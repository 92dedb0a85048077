//! Tests as data: every case in `tests/specs/*.txt` is analysed and its findings compared, in
//! the notation of [`crosscheck::notation`], with the expected lines.
//!
//! A case is `=== name` (named after the pattern it guards), the input text, a line `---`, and
//! the expected lines. The quotation lines (`[kind] {speaker} "…"`) are compared all together
//! and in order when the case lists any (or `quotes: none`); `speakers:` when the case has that
//! line; the claim lines when the case lists any (or `claims: none`). Every sentence in these
//! files is made up for the tests.
#![cfg(not(target_arch = "wasm32"))]

use crosscheck::{analyze, notation};

struct Case {
    file: String,
    name: String,
    input: String,
    expected: Vec<String>,
}

fn cases() -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/specs");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = std::fs::read_to_string(&path).unwrap();
        let mut current: Option<(String, Vec<String>, Option<Vec<String>>)> = None;
        let mut finish = |c: Option<(String, Vec<String>, Option<Vec<String>>)>| {
            if let Some((name, input, expected)) = c {
                let expected =
                    expected.unwrap_or_else(|| panic!("{file}: case `{name}` has no `---` line"));
                out.push(Case {
                    file: file.clone(),
                    name,
                    input: input.join("\n") + "\n",
                    expected: expected.into_iter().filter(|l| !l.is_empty()).collect(),
                });
            }
        };
        for line in data.lines() {
            if let Some(name) = line.strip_prefix("=== ") {
                finish(current.take());
                current = Some((name.trim().to_string(), Vec::new(), None));
                continue;
            }
            let Some((_, input, expected)) = current.as_mut() else {
                assert!(
                    line.is_empty() || line.starts_with('#'),
                    "{file}: text before the first `=== name` line: {line}"
                );
                continue;
            };
            match expected {
                None if line == "---" => *expected = Some(Vec::new()),
                None => input.push(line.to_string()),
                Some(e) => e.push(line.to_string()),
            }
        }
        finish(current.take());
    }
    out
}

#[test]
fn spec_files_hold() {
    let cases = cases();
    assert!(cases.len() >= 15, "only {} spec cases found", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let a = analyze(&c.input);
        let mut want = Vec::new();
        let mut got = Vec::new();
        let q: Vec<&String> = c.expected.iter().filter(|l| l.starts_with('[')).collect();
        if !q.is_empty() || c.expected.iter().any(|l| l == "quotes: none") {
            want.extend(q.into_iter().cloned());
            got.extend(notation::quotes(&c.input, &a));
        }
        if let Some(s) = c.expected.iter().find(|l| l.starts_with("speakers:")) {
            want.push(s.clone());
            got.push(notation::speakers(&a));
        }
        let cl: Vec<&String> = c
            .expected
            .iter()
            .filter(|l| l.starts_with("claim "))
            .collect();
        if !cl.is_empty() || c.expected.iter().any(|l| l == "claims: none") {
            let found = notation::claims(&c.input, &a);
            if cl.is_empty() {
                // `claims: none` stands for the empty list on both sides.
                want.push("claims: none".to_string());
                if found.is_empty() {
                    got.push("claims: none".to_string());
                }
            }
            want.extend(cl.into_iter().cloned());
            got.extend(found);
        }
        assert!(
            !want.is_empty(),
            "{}: case `{}` expects nothing",
            c.file,
            c.name
        );
        if want != got {
            failures.push(format!(
                "{}: {}\n  want:\n    {}\n  got:\n    {}",
                c.file,
                c.name,
                want.join("\n    "),
                got.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} spec cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
