//! The default story: five reports of the March 2025 Trump–Putin call, embedded at build time.

/// `(file name, text)` of each seed report, in file-name order.
pub const SEEDS: [(&str, &str); 5] = [
    (
        "000_e13547b9d494a4a3.txt",
        include_str!("../seeds/000_e13547b9d494a4a3.txt"),
    ),
    (
        "001_f6ec3ed2904f9b40.txt",
        include_str!("../seeds/001_f6ec3ed2904f9b40.txt"),
    ),
    (
        "002_75a5927de64e13fc.txt",
        include_str!("../seeds/002_75a5927de64e13fc.txt"),
    ),
    (
        "003_8b029c9b536525ad.txt",
        include_str!("../seeds/003_8b029c9b536525ad.txt"),
    ),
    (
        "004_a018642011fdd238.txt",
        include_str!("../seeds/004_a018642011fdd238.txt"),
    ),
];
