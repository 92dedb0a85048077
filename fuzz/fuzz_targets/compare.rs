//! The comparison of up to twelve texts (the input split at 0xFF bytes): never panics and every
//! index it returns points into the reports, their analyses or the comparison itself.
#![no_main]

use crosscheck::{analyze, Analysis};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let texts: Vec<String> = data
        .split(|&b| b == 0xFF)
        .take(12)
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect();
    let analyses: Vec<Analysis> = texts.iter().map(|t| analyze(t)).collect();
    let reports: Vec<(&str, &Analysis)> = texts.iter().map(String::as_str).zip(&analyses).collect();
    let c = crosscheck::compare::compare(&reports);
    if let Some(e) = crosscheck::compare::invalid_index(&reports, &c) {
        panic!("{e}");
    }
});
