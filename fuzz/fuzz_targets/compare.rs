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
    let n = texts.len();
    let span_ok = |r: usize, s: crosscheck::Span| {
        assert!(r < n);
        assert!(texts[r].get(s.range()).is_some(), "{s:?} in report {r}");
    };
    for p in &c.people {
        for &(r, s) in &p.speakers {
            assert!(r < n && s < analyses[r].speakers.len());
        }
    }
    for g in &c.quote_groups {
        assert!(g.person.is_none_or(|p| p < c.people.len()));
        for m in &g.members {
            assert!(m.quotes.iter().all(|&q| q < analyses[m.report].quotes.len()));
            m.spans.iter().for_each(|&s| span_ok(m.report, s));
            m.diff.iter().filter_map(|d| d.span).for_each(|s| span_ok(m.report, s));
        }
        g.paraphrases.iter().for_each(|p| span_ok(p.report, p.span));
    }
    for p in &c.paraphrases {
        assert!(p.quote < analyses[p.report].quotes.len());
        span_ok(p.paraphrase.report, p.paraphrase.span);
    }
    for d in &c.discrepancies {
        for i in &d.items {
            span_ok(i.report, i.span);
            span_ok(i.report, i.context);
        }
    }
    for s in &c.coverage.sentences {
        span_ok(s.report, s.span);
        for m in &s.matches {
            assert!(m.report < n && m.sentence < c.coverage.sentences.len());
        }
    }
});
