//! Prints what the comparison finds on the seed reports (or on the files given), for reading:
//! `cargo run --release --example compare [FILE...]`.

use crosscheck::compare::{compare, DiffOp};
use crosscheck::{analyze, Analysis};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<String> = if args.is_empty() {
        crosscheck::seeds::SEEDS
            .iter()
            .map(|(_, t)| t.to_string())
            .collect()
    } else {
        args.iter()
            .map(|f| std::fs::read_to_string(f).unwrap_or_default())
            .collect()
    };
    let analyses: Vec<Analysis> = texts.iter().map(|t| analyze(t)).collect();
    let reports: Vec<(&str, &Analysis)> = texts.iter().map(String::as_str).zip(&analyses).collect();
    let c = compare(&reports);
    let name = |p: Option<usize>| {
        p.and_then(|p| c.people.get(p))
            .map_or("?".to_string(), |p| p.name.clone())
    };
    println!("== {} quote groups", c.quote_groups.len());
    for (i, g) in c.quote_groups.iter().enumerate() {
        let maj: Vec<String> = g
            .majority
            .iter()
            .map(|w| format!("{}/{}", w.word, w.support))
            .collect();
        println!("G{i} [{}] majority: {}", name(g.person), maj.join(" "));
        for m in &g.members {
            let t = &texts[m.report];
            let spans: Vec<&str> = m.spans.iter().map(|s| s.as_str(t)).collect();
            println!(
                "  r{} q{:?} ({}): {}",
                m.report,
                m.quotes,
                name(m.person),
                spans.join(" | ")
            );
            let d: Vec<String> = m
                .diff
                .iter()
                .map(|p| match p.op {
                    DiffOp::Same => p.text.clone(),
                    DiffOp::Extra => format!("[+{}]", p.text),
                    DiffOp::Missing => format!("[-{}]", p.text),
                })
                .collect();
            println!("      diff: {}", d.join(" "));
        }
        for p in &g.paraphrases {
            println!(
                "  paraphrase r{} ({:.2}): {}",
                p.report,
                p.score,
                p.span.as_str(&texts[p.report])
            );
        }
    }
    println!(
        "== {} paraphrases of ungrouped quotations",
        c.paraphrases.len()
    );
    for p in &c.paraphrases {
        let q = &analyses[p.report].quotes[p.quote];
        println!(
            "  r{} {}\n    ~ r{} ({:.2}): {}",
            p.report,
            q.span.as_str(&texts[p.report]),
            p.paraphrase.report,
            p.paraphrase.score,
            p.paraphrase.span.as_str(&texts[p.paraphrase.report])
        );
    }
    println!("== {} discrepancies", c.discrepancies.len());
    for d in &c.discrepancies {
        println!("[{}] {}", d.kind.as_str(), d.label);
        for it in &d.items {
            println!(
                "    r{} «{}» in: {}",
                it.report,
                it.span.as_str(&texts[it.report]),
                it.context.as_str(&texts[it.report])
            );
        }
    }
    println!("== speakers x reports (quotes/words)");
    for row in &c.coverage.speakers {
        let cells: Vec<String> = row
            .reports
            .iter()
            .map(|c| format!("{:>2}/{:<3}", c.quotes, c.words))
            .collect();
        println!("{:<22} {}", name(Some(row.person)), cells.join(" "));
    }
    println!("== sentences carried by other reports");
    for s in &c.coverage.sentences {
        let m: Vec<String> = s
            .matches
            .iter()
            .map(|m| format!("r{}:{:.2}", m.report, m.score))
            .collect();
        let t = s.span.as_str(&texts[s.report]);
        let short: String = t.chars().take(90).collect();
        println!("r{} [{}] {}", s.report, m.join(" "), short);
    }
}
