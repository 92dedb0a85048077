//! Throughput of `crosscheck::analyze` (run with `cargo bench --bench analyze`).
//!
//! - `seeds`: each of the five seed reports (2.6 to 5.6 KB).
//! - `large`: the five seeds repeated to about 4 MB, one article of many paragraphs.
//!
//! divan prints bytes per second for each (the figure the README reports).

use crosscheck::seeds::SEEDS;
use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    divan::main();
}

#[divan::bench(args = [0, 1, 2, 3, 4])]
fn seeds(b: Bencher, i: usize) {
    let text = SEEDS[i].1;
    b.counter(BytesCount::of_str(text))
        .bench(|| crosscheck::analyze(divan::black_box(text)));
}

fn large_text() -> String {
    let all: String = SEEDS.iter().map(|(_, t)| format!("{t}\n")).collect();
    let mut out = String::with_capacity(4 << 20);
    while out.len() < 4 << 20 {
        out.push_str(&all);
    }
    out
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn large(b: Bencher) {
    let text = large_text();
    b.counter(BytesCount::of_str(&text))
        .bench(|| crosscheck::analyze(divan::black_box(&text)));
}
