//! Speed of `crosscheck::compare::compare` (run with `cargo bench --bench compare`).
//!
//! - `seeds`: the five seed reports (target: under 5 ms).
//! - `generated_50`: 50 reports of about 1,000 words made by perturbing the seeds
//!   deterministically: sentences dropped, swapped and taken from other seeds, words replaced
//!   (target: under 500 ms).
//!
//! The analyses are computed once outside the timed loop: this measures the comparison only.

use crosscheck::compare::compare;
use crosscheck::seeds::SEEDS;
use crosscheck::{analyze, Analysis};
use divan::Bencher;

fn main() {
    divan::main();
}

/// A small linear congruential generator: deterministic, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Sentences of a text, roughly (at `. ` and line breaks).
fn sentences(t: &str) -> Vec<String> {
    t.lines()
        .flat_map(|l| l.split_inclusive(". "))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

const SWAPS: [(&str, &str); 10] = [
    ("said", "stated"),
    ("Tuesday", "Wednesday"),
    ("will", "would"),
    ("talks", "negotiations"),
    ("30", "31"),
    ("President", "Former President"),
    ("told", "informed"),
    ("war", "conflict"),
    ("Sunday", "Monday"),
    ("very", "really"),
];

/// `n` reports of about `words` words each.
pub fn generate(n: usize, words: usize) -> Vec<String> {
    let pools: Vec<Vec<String>> = SEEDS.iter().map(|(_, t)| sentences(t)).collect();
    let mut rng = Lcg(0x5eed);
    (0..n)
        .map(|k| {
            let base = k % pools.len();
            let mut out: Vec<String> = vec![format!("Report {k}: {}", pools[base][0])];
            let mut count = 0;
            let mut pool = base;
            let mut i = 1;
            while count < words {
                if i >= pools[pool].len() {
                    pool = rng.below(pools.len());
                    i = 1;
                }
                let mut s = pools[pool][i].clone();
                i += 1;
                match rng.below(10) {
                    0 | 1 => continue, // drop
                    2 => {
                        let (a, b) = SWAPS[rng.below(SWAPS.len())];
                        s = s.replacen(a, b, 1);
                    }
                    _ => {}
                }
                count += s.split_whitespace().count();
                out.push(s);
                // swap with the previous sentence now and then
                if rng.below(8) == 0 && out.len() > 2 {
                    let m = out.len();
                    out.swap(m - 1, m - 2);
                }
            }
            // paragraphs of three sentences
            let mut text = String::new();
            for (j, s) in out.iter().enumerate() {
                text.push_str(s);
                text.push(if j % 3 == 0 { '\n' } else { ' ' });
            }
            text
        })
        .collect()
}

#[divan::bench]
fn seeds(b: Bencher) {
    let analyses: Vec<Analysis> = SEEDS.iter().map(|(_, t)| analyze(t)).collect();
    let reports: Vec<(&str, &Analysis)> = SEEDS.iter().map(|(_, t)| *t).zip(&analyses).collect();
    b.bench(|| compare(divan::black_box(&reports)));
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn generated_50(b: Bencher) {
    let texts = generate(50, 1000);
    let analyses: Vec<Analysis> = texts.iter().map(|t| analyze(t)).collect();
    let reports: Vec<(&str, &Analysis)> = texts.iter().map(String::as_str).zip(&analyses).collect();
    b.bench(|| compare(divan::black_box(&reports)));
}
