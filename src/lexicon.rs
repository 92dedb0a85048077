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

/// Everything the word lists say about one word, found with a single lookup.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Bits of [`flag`].
    pub flags: u16,
    /// 1 + index into the verb table, or 0 (kept small: one entry per token of the text).
    verb: u16,
}

/// The lists a word is on.
pub mod flag {
    pub const STOP_CAP: u16 = 1;
    pub const TITLE: u16 = 2;
    pub const SPEAKER_NOUN: u16 = 4;
    pub const ORG_HEAD: u16 = 8;
    pub const AUX_ADVERB: u16 = 16;
    pub const DETERMINER: u16 = 32;
    pub const PRONOUN: u16 = 64;
    pub const PARTICLE: u16 = 128;
    pub const TIME_WORD: u16 = 256;
    pub const CLAUSE_START: u16 = 512;
    /// First word of a disputed-claim marker (`src/lexicon/claim_markers.txt`).
    pub const CLAIM_START: u16 = 1024;
    /// A reporting verb form that is also a common noun (`src/lexicon/noun_forms.txt`).
    pub const NOUN_FORM: u16 = 2048;
}

const PREFILTER_LEN: usize = 24;
const PREFILTER_BITS: usize = 26 * 26 * PREFILTER_LEN;

/// The prefilter bit of a word made of two lower-case ASCII letters and more, or `None` (such
/// words are always looked up).
fn prefilter_bit(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let (x, y) = (*b.first()?, *b.get(1)?);
    if !x.is_ascii_lowercase() || !y.is_ascii_lowercase() {
        return None;
    }
    let len = b.len().min(PREFILTER_LEN - 1);
    Some(((x - b'a') as usize * 26 + (y - b'a') as usize) * PREFILTER_LEN + len)
}

/// The parsed word lists.
pub struct Lexicon {
    verbs: Vec<Verb>,
    /// Every listed word with all that is known of it.
    info: HashMap<&'static str, WordInfo>,
    /// One bit per (first letter, second letter, length) of the listed words: most words of a
    /// text are on no list, and this tells so without hashing them.
    prefilter: Vec<u64>,
    pub speaker_nouns: HashSet<&'static str>,
    pub stop_caps: HashSet<&'static str>,
    pub org_heads: HashSet<&'static str>,
    /// First names and whether news copy calls their bearers "he" (`true`) or "she".
    pub first_names: HashMap<&'static str, bool>,
}

fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| l.split_whitespace())
}

fn parse_verbs(data: &'static str) -> HashMap<&'static str, Verb> {
    let mut out = HashMap::default();
    for line in data
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
    {
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
        let class = if class == "frame" {
            VerbClass::Frame
        } else {
            VerbClass::Speech
        };
        for form in f {
            // The first line that names a form wins (lines are ordered by importance).
            out.entry(form).or_insert(Verb {
                lemma,
                stance,
                class,
            });
        }
    }
    out
}

impl Lexicon {
    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let verbs = parse_verbs(include_str!("lexicon/reporting_verbs.txt"));
            let speaker_nouns: HashSet<_> =
                words(include_str!("lexicon/speaker_nouns.txt")).collect();
            let titles: HashSet<_> = words(include_str!("lexicon/titles.txt")).collect();
            let stop_caps: HashSet<_> = words(include_str!("lexicon/stop_caps.txt")).collect();
            let org_heads: HashSet<_> = words(include_str!("lexicon/org_heads.txt")).collect();
            let noun_forms: HashSet<_> = words(include_str!("lexicon/noun_forms.txt")).collect();
            let mut info: HashMap<&'static str, WordInfo> = HashMap::default();
            for (set, bit) in [
                (&stop_caps, flag::STOP_CAP),
                (&titles, flag::TITLE),
                (&speaker_nouns, flag::SPEAKER_NOUN),
                (&org_heads, flag::ORG_HEAD),
                (&noun_forms, flag::NOUN_FORM),
            ] {
                for w in set.iter() {
                    info.entry(w).or_default().flags |= bit;
                }
            }
            let mut table = Vec::new();
            // The small closed-class lists of the attribution rules.
            use crate::attribution as at;
            for (list, bit) in [
                (at::AUX_ADVERBS, flag::AUX_ADVERB),
                (at::DETERMINERS, flag::DETERMINER),
                (at::PRONOUNS, flag::PRONOUN),
                (at::PARTICLES, flag::PARTICLE),
                (at::TIME_WORDS, flag::TIME_WORD),
                (at::CLAUSE_STARTS, flag::CLAUSE_START),
            ] {
                for w in list {
                    info.entry(w).or_default().flags |= bit;
                }
            }
            for line in include_str!("lexicon/claim_markers.txt")
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
            {
                if let Some(first) = line.split_whitespace().nth(1) {
                    info.entry(first).or_default().flags |= flag::CLAIM_START;
                }
            }
            for (w, v) in &verbs {
                table.push(*v);
                info.entry(w).or_default().verb = table.len() as u16;
            }
            let mut first_names = HashMap::default();
            for line in include_str!("lexicon/first_names.txt")
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
            {
                let mut f = line.split_whitespace();
                let male = match f.next() {
                    Some("male") => true,
                    Some("female") => false,
                    _ => continue,
                };
                for name in f {
                    // A name listed under both keeps its first line (none should be).
                    first_names.entry(name).or_insert(male);
                }
            }
            let mut prefilter = vec![0u64; PREFILTER_BITS.div_ceil(64)];
            for w in info.keys() {
                if let Some(slot) =
                    prefilter_bit(w).and_then(|bit| prefilter.get_mut(bit / 64).map(|x| (x, bit)))
                {
                    *slot.0 |= 1 << (slot.1 % 64);
                }
            }
            Lexicon {
                verbs: table,
                info,
                prefilter,
                speaker_nouns,
                stop_caps,
                org_heads,
                first_names,
            }
        })
    }

    /// What the lists say about `word` (lower case).
    pub fn info(&self, word: &str) -> WordInfo {
        if let Some(bit) = prefilter_bit(word) {
            if self
                .prefilter
                .get(bit / 64)
                .is_some_and(|x| x & (1 << (bit % 64)) == 0)
            {
                return WordInfo::default();
            }
        }
        self.info.get(word).copied().unwrap_or_default()
    }

    /// The reporting verb a word's info points to.
    pub fn verb_of(&self, info: WordInfo) -> Option<Verb> {
        (info.verb as usize)
            .checked_sub(1)
            .and_then(|i| self.verbs.get(i))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_covers_every_letter_pair_and_length() {
        let l = Lexicon::get();
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                for len in 2..40 {
                    let mut w = vec![a, b];
                    w.resize(len, b'z');
                    let _ = l.info(std::str::from_utf8(&w).unwrap());
                }
            }
        }
        assert_eq!(l.info("zzzzzz"), WordInfo::default());
        assert!(l.info("said").verb > 0);
    }

    #[test]
    fn lists_parse() {
        let l = Lexicon::get();
        assert_eq!(l.verb_of(l.info("said")).unwrap().lemma, "say");
        assert_eq!(
            l.verb_of(l.info("insisted")).unwrap().stance,
            Stance::Contested
        );
        assert_eq!(l.verb_of(l.info("denied")).unwrap().stance, Stance::Counter);
        assert_eq!(
            l.verb_of(l.info("likened")).unwrap().class,
            VerbClass::Frame
        );
        assert!(l.verb_of(l.info("table")).is_none());
        assert!(l.speaker_nouns.contains("envoy"));
        assert!(l.info("mr.").flags & flag::TITLE != 0);
        assert!(l.stop_caps.contains("however"));
        assert!(l.org_heads.contains("kremlin"));
    }
}
