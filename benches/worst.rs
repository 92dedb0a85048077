//! Worst cases of hostile input (run with `cargo bench --bench worst`): each must take time
//! roughly linear in its size. divan prints the time and bytes per second of each; the README
//! ("Hostile input") reports them. Analysis and comparison together, as the page runs them.
//!
//! - `quote_marks`: a megabyte of quotation marks of every family, no letters;
//! - `no_space`: a megabyte of letters and punctuation without a space or a line end;
//! - `short_paragraphs`: 100,000 paragraphs of a few words each, every one a quotation;
//! - `alternating`: a megabyte of `"` and `“` alternating deeply inside one paragraph;
//! - `twelve_copies`: twelve identical reports (the seeds joined, about 20 KB each) compared;
//! - `five_megabytes`: one report of 5 MB (the seeds repeated), analysed and compared alone.

use crosscheck::compare::compare;
use crosscheck::seeds::SEEDS;
use crosscheck::{analyze, Analysis};
use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    divan::main();
}

const MB: usize = 1 << 20;

fn repeat_to(piece: &str, len: usize) -> String {
    piece.repeat(len.div_ceil(piece.len()))
}

fn run(texts: &[&str]) -> usize {
    let analyses: Vec<Analysis> = texts.iter().map(|t| analyze(t)).collect();
    let reports: Vec<(&str, &Analysis)> = texts.iter().copied().zip(&analyses).collect();
    let c = compare(&reports);
    analyses.iter().map(|a| a.quotes.len()).sum::<usize>() + c.quote_groups.len()
}

fn one(b: Bencher, text: &str) {
    b.counter(BytesCount::of_str(text))
        .bench(|| run(&[divan::black_box(text)]));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn quote_marks(b: Bencher) {
    one(b, &repeat_to("\"“”‘’'«»„‹›「」", MB));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn no_space(b: Bencher) {
    one(b, &repeat_to("Mr.Trump,said“x”—according-to'", MB));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn short_paragraphs(b: Bencher) {
    one(b, &"“Yes,” Ana Ruiz said.\n".repeat(100_000));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn alternating(b: Bencher) {
    one(b, &repeat_to("\"a “b ", MB));
}

fn seeds_joined() -> String {
    SEEDS.iter().map(|(_, t)| format!("{t}\n")).collect()
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn twelve_copies(b: Bencher) {
    let t = seeds_joined();
    let texts = vec![t.as_str(); 12];
    b.counter(BytesCount::new(t.len() * 12))
        .bench(|| run(divan::black_box(&texts)));
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn five_megabytes(b: Bencher) {
    one(b, &repeat_to(&seeds_joined(), 5 * MB));
}
