//! The word lists the analysis runs on. They are data (`src/lexicon/*.txt`, documented in the
//! README), parsed once on first use.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// How a reporting verb frames what it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stance {
    /// `said`, `told`: reports without judging.
    Neutral,
    /// `claimed`, `insisted`, `alleged`: marks the content as one party's assertion.
    Contested,
    /// `denied`, `rejected`, `dismissed`: contradicts another party.
    Counter,
    /// `suggested`, `hinted`: tentative.
    Hedged,
}

/// Whether a verb introduces whole quotations or frames quoted words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VerbClass {
    /// `"…," she said`.
    Speech,
    /// `he called it a "disaster"`.
    Frame,
}

/// One reporting verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verb {
    pub lemma: &'static str,
    pub stance: Stance,
    pub class: VerbClass,
}

/// The parsed word lists.
pub struct Lexicon {
    verbs: HashMap<&'static str, Verb>,
    pub speaker_nouns: HashSet<&'static str>,
    pub titles: HashSet<&'static str>,
    pub stop_caps: HashSet<&'static str>,
    pub org_heads: HashSet<&'static str>,
}

fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| l.split_whitespace())
}

fn parse_verbs(data: &'static str) -> HashMap<&'static str, Verb> {
    let mut out = HashMap::default();
    for line in data.lines().filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty()) {
        let mut f = line.split_whitespace();
        let (Some(lemma), Some(stance), Some(class)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let stance = match stance {
            "contested" => Stance::Contested,
            "counter" => Stance::Counter,
            "hedged" => Stance::Hedged,
            _ => Stance::Neutral,
        };
        let class = if class == "frame" { VerbClass::Frame } else { VerbClass::Speech };
        for form in f {
            // The first line that names a form wins (lines are ordered by importance).
            out.entry(form).or_insert(Verb { lemma, stance, class });
        }
    }
    out
}

impl Lexicon {
    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon {
            verbs: parse_verbs(include_str!("lexicon/reporting_verbs.txt")),
            speaker_nouns: words(include_str!("lexicon/speaker_nouns.txt")).collect(),
            titles: words(include_str!("lexicon/titles.txt")).collect(),
            stop_caps: words(include_str!("lexicon/stop_caps.txt")).collect(),
            org_heads: words(include_str!("lexicon/org_heads.txt")).collect(),
        })
    }

    /// The reporting verb spelled `word` (lower case), if it is one.
    pub fn verb(&self, word: &str) -> Option<Verb> {
        self.verbs.get(word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse() {
        let l = Lexicon::get();
        assert_eq!(l.verb("said").unwrap().lemma, "say");
        assert_eq!(l.verb("insisted").unwrap().stance, Stance::Contested);
        assert_eq!(l.verb("denied").unwrap().stance, Stance::Counter);
        assert_eq!(l.verb("likened").unwrap().class, VerbClass::Frame);
        assert!(l.verb("table").is_none());
        assert!(l.speaker_nouns.contains("envoy"));
        assert!(l.titles.contains("mr."));
        assert!(l.stop_caps.contains("however"));
        assert!(l.org_heads.contains("kremlin"));
    }
}
