//! Who said it: speaker mentions, reporting cues and the speaker each quotation resolves to.
//!
//! Works on tokens ([`crate::tokens`]) where every quotation is one token. For each quotation it
//! tries, in order: a cue right after it (`"…," said Trump`, `"…," Trump told reporters`), a cue
//! before it in the same sentence (`Grushko stated: "…"`, `Peskov said "…"`), `according to X`,
//! an earlier quotation of the same sentence, the previous sentence of the paragraph, and the
//! previous paragraph (the news convention for a speaker's continued quotation).
//! Mentions (names with titles, pronouns, descriptions) then resolve to canonical speakers.

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{flag, Lexicon, Verb, VerbClass, WordInfo};
use crate::span::Span;
use crate::tokens::{Kind, Tok};

/// What kind of words a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpKind {
    /// A name, possibly with titles: `Kremlin spokesman Dmitry Peskov`, `the White House`.
    Name,
    /// `he`, `she`, `they`, `it`.
    Pronoun,
    /// `the envoy`, `the Russian leader`, `a spokesman for the campaign`.
    Description,
}

/// A noun phrase that can name a speaker: tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub kind: NpKind,
}

/// A reporting cue: who (mention) said (verb) something, wherever it stands in the text.
#[derive(Clone, Copy, Debug)]
pub struct Statement {
    pub np: Np,
    /// Token index of the reporting verb (or of `according`, or of a colon).
    pub verb: usize,
    /// Token index where the cue ends (exclusive).
    pub cue_end: usize,
}

/// The attribution of one quotation.
#[derive(Clone, Copy, Debug, Default)]
pub struct Attribution {
    pub mention: Option<Np>,
    pub cue: Option<(usize, usize)>,
    /// Index of the entity the mention resolves to.
    pub entity: Option<usize>,
    /// True when the quotation sits inside the reporter's sentence.
    pub partial: bool,
    /// True when a reporting cue follows the quotation directly (`"…," she said`): speech,
    /// never a title in quotation marks.
    pub direct: bool,
}

/// A person or organisation, gathered from its mentions.
#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    /// Lower-case words of the name, one space apart (`donald trump`); `#…` for descriptions.
    key: String,
    pub mentions: Vec<Span>,
    pub organisation: bool,
    /// Title and description words attached to it (`spokesman`, `kremlin`, `president`).
    descriptors: Vec<String>,
    /// `Some(true)` for he, `Some(false)` for she, when known.
    male: Option<bool>,
    /// Source of at least one statement or quotation.
    pub speaks: bool,
    /// The previous entity whose name ends in the same word.
    prev_same_last: Option<usize>,
}

pub(crate) const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "i",
    "he’s",
    "she’s",
    "he's",
    "she's",
    "it’s",
    "it's",
    "they’re",
    "they're",
];
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "one", "two", "three",
    "several", "some", "many", "other", "both", "another", "two", "senior", "top", "this", "that",
];
pub(crate) const PARTICLES: &[&str] = &[
    "de", "van", "von", "bin", "al", "da", "der", "la", "le", "du", "of", "ibn", "del", "di",
];
pub(crate) const AUX_ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "previously",
    "recently",
    "once",
    "never",
    "still",
    "just",
    "even",
    "already",
    "earlier",
    "today",
    "yesterday",
    "has",
    "had",
    "have",
    "would",
    "will",
    "was",
    "is",
    "did",
    "does",
    "do",
    "further",
    "first",
    "finally",
    "simply",
    "too",
    "not",
    "had",
    "may",
    "might",
    "could",
    "should",
    "can",
    "repeatedly",
    "tonight",
    "now",
    "reportedly",
    "publicly",
    "privately",
    "openly",
    "explicitly",
    "previously",
    "quickly",
    "bluntly",
    "flatly",
    "often",
    "ultimately",
    "immediately",
    "since",
    "long",
    "been",
    "being",
];
pub(crate) const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "morning",
    "evening",
    "night",
    "afternoon",
    "week",
    "weekend",
    "day",
    "year",
    "month",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "last",
    "this",
    "on",
    "in",
    "at",
    "early",
    "late",
    "earlier",
    "later",
    "next",
    "past",
    "previous",
    "days",
    "weeks",
    "ago",
    "hours",
    "before",
    "after",
    "the",
];
pub(crate) const CLAUSE_STARTS: &[&str] = &[
    "who", "which", "whose", "whom", "where", "when", "while", "as",
];
const NATIONALITIES: &[&str] = &[
    "us",
    "u.s.",
    "american",
    "america’s",
    "russian",
    "russia’s",
    "russia's",
    "ukrainian",
    "ukraine’s",
    "ukraine's",
    "french",
    "british",
    "german",
    "chinese",
    "european",
    "israeli",
    "iranian",
    "turkish",
    "polish",
    "indian",
    "japanese",
    "kremlin",
    "white",
];
/// The words that end a time phrase ("on Monday morning", "two days ago"); the phrase runs back
/// over [`TIME_WORDS`].
const TIME_NOUNS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "morning",
    "evening",
    "afternoon",
    "night",
    "week",
    "weekend",
    "month",
    "year",
    "ago",
];
/// Words that open a clause without being its subject ("But", "However").
const CONNECTIVES: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "still",
    "also",
    "however",
    "meanwhile",
    "then",
    "now",
];
const LEADER_WORDS: &[&str] = &[
    "leader",
    "president",
    "premier",
    "prime",
    "chancellor",
    "king",
    "head",
];

/// The analysis state over one text.
pub struct Ctx<'a> {
    pub text: &'a str,
    lower: String,
    pub toks: Vec<Tok>,
    lex: &'static Lexicon,
    /// First token of each sentence, indexed by sentence number (plus one past the end).
    sent_start: Vec<usize>,
    /// What the word lists say of each token (looked up once), and whether it is capitalised.
    info: Vec<(WordInfo, bool)>,
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, toks: Vec<Tok>) -> Ctx<'a> {
        let mut sent_start = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            while sent_start.len() <= t.sentence as usize {
                sent_start.push(i);
            }
        }
        sent_start.push(toks.len());
        let lower = text.to_ascii_lowercase();
        let lex = Lexicon::get();
        let info = toks
            .iter()
            .map(|t| match t.kind {
                Kind::Word => {
                    let cap = t
                        .span
                        .as_str(text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase);
                    (lex.info(t.span.as_str(&lower)), cap)
                }
                _ => (WordInfo::default(), false),
            })
            .collect();
        Ctx {
            text,
            lower,
            toks,
            lex,
            sent_start,
            info,
        }
    }

    fn flags(&self, i: usize) -> u16 {
        self.info.get(i).map_or(0, |x| x.0.flags)
    }

    /// True when the word at `i` is on the list `bit` of [`flag`].
    pub(crate) fn has(&self, i: usize, bit: u16) -> bool {
        self.flags(i) & bit != 0
    }

    fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.as_str(self.text))
    }

    /// The token in ASCII lower case ("" for non-words and out of range).
    pub(crate) fn lw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => t.span.as_str(&self.lower),
            _ => "",
        }
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    fn is_cap(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.1)
    }

    pub(crate) fn in_list(&self, i: usize, list: &[&str]) -> bool {
        let l = self.lw(i);
        !l.is_empty() && list.contains(&l)
    }

    fn stop_cap(&self, i: usize) -> bool {
        self.flags(i) & flag::STOP_CAP != 0
    }

    fn title(&self, i: usize) -> bool {
        self.flags(i) & flag::TITLE != 0
    }

    fn speaker_noun(&self, i: usize) -> bool {
        self.flags(i) & flag::SPEAKER_NOUN != 0
    }

    fn org_head(&self, i: usize) -> bool {
        self.flags(i) & flag::ORG_HEAD != 0
    }

    fn possessive(&self, i: usize) -> bool {
        let w = self.lw(i);
        w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’")
    }

    /// The reporting verb at `i`, if the token is one (lower case only: `State` is no verb).
    pub fn verb(&self, i: usize) -> Option<Verb> {
        let v = match self.info.get(i) {
            Some(&(info, false)) => self.lex.verb_of(info)?,
            _ => return None,
        };
        // "the woman’s quotes", "the president’s claims", "his remarks": nouns.
        if i > 0
            && (self.in_list(
                i - 1,
                &[
                    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
                ],
            ) || self.possessive(i - 1))
        {
            return None;
        }
        Some(v)
    }

    pub(crate) fn sentence(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| t.sentence as usize)
    }

    /// Tokens of sentence `s`.
    pub(crate) fn sentence_range(&self, s: usize) -> (usize, usize) {
        let a = self.sent_start.get(s).copied().unwrap_or(self.toks.len());
        let b = self
            .sent_start
            .get(s + 1)
            .copied()
            .unwrap_or(self.toks.len());
        (a, b)
    }

    /// The span of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if b > a => Span::new(x.span.start, y.span.end),
            _ => Span::default(),
        }
    }

    /// A name-like capitalised word (not a sentence-opening function word).
    fn name_word(&self, i: usize) -> bool {
        if !self.is_cap(i) || self.stop_cap(i) || self.verb_like_cap(i) || self.lw(i) == "i" {
            return false;
        }
        let w = self.w(i);
        // "Having a rough-and-tumble media …": a gerund opening a sentence.
        let first = i == 0 || self.toks[i - 1].sentence != self.toks[i].sentence;
        if first && w.ends_with("ing") && self.is_word(i + 1) && !self.is_cap(i + 1) {
            return false;
        }
        // "CONGRESS HAS INVESTIGATED HIM": a heading in capitals.
        let caps = |k: usize| {
            let x = self.w(k);
            let mut cs = x.chars();
            self.is_cap(k)
                && cs.next().is_some()
                && cs.next().is_some_and(|c| !c.is_lowercase())
                && x.chars().all(|c| !c.is_lowercase())
        };
        if caps(i)
            && (i > 0 && caps(i - 1) || caps(i + 1))
            && (w.chars().count() >= 4 || caps(i + 1) && caps(i + 2))
        {
            return false;
        }
        true
    }

    /// Capitalised reporting verbs in headlines ("Trump Says …") are not names.
    fn verb_like_cap(&self, i: usize) -> bool {
        self.info
            .get(i)
            .and_then(|x| self.lex.verb_of(x.0))
            .is_some_and(|v| v.class == VerbClass::Speech)
            && !self.title(i)
    }

    // ----- noun phrases -----------------------------------------------------------------

    /// The noun phrase that ends just before token `j`, not reaching before `lo`.
    pub fn np_back(&self, j: usize, lo: usize) -> Option<Np> {
        if j == 0 || j <= lo {
            return None;
        }
        let k = j - 1;
        if self.has(k, flag::PRONOUN) {
            return Some(Np {
                start: k,
                end: j,
                kind: NpKind::Pronoun,
            });
        }
        if self.name_word(k) || self.is_cap(k) && self.title(k) {
            let mut s = k;
            while s > lo {
                let p = s - 1;
                let joins = self.name_word(p)
                    || self.is_cap(p) && self.title(p)
                    || self.title(p) && self.is_word(p) && !self.has(p, flag::DETERMINER)
                    || (self.has(p, flag::PARTICLE) && p > lo && self.is_cap(p - 1))
                    || self.is_cap(p) && self.possessive(p) && !self.stop_cap(p);
                if !joins {
                    break;
                }
                s = p;
            }
            while s < k && (self.has(s, flag::PARTICLE) || !self.is_cap(s) && !self.title(s)) {
                s += 1;
            }
            // Include a leading "the" (the White House, the Kremlin).
            if s > lo && self.lw(s - 1) == "the" {
                s -= 1;
            }
            if self.possessive(k) {
                return None;
            }
            return Some(Np {
                start: s,
                end: j,
                kind: NpKind::Name,
            });
        }
        if self.speaker_noun(k) && !self.is_cap(k) {
            let mut s = k;
            let mut steps = 0;
            while s > lo && steps < 5 {
                let p = s - 1;
                if self.has(p, flag::DETERMINER) || self.possessive(p) {
                    s = p;
                    break;
                }
                if !self.is_word(p) || self.verb(p).is_some() || self.has(p, flag::PRONOUN) {
                    break;
                }
                if matches!(
                    self.lw(p),
                    "for"
                        | "of"
                        | "at"
                        | "and"
                        | "to"
                        | "with"
                        | "by"
                        | "from"
                        | "that"
                        | "in"
                        | "on"
                ) || self.stop_cap(p)
                {
                    break;
                }
                s = p;
                steps += 1;
            }
            // "a spokesman for the campaign": extend over a for/of phrase.
            if s >= lo + 2 && matches!(self.lw(s - 1), "for" | "of") {
                if let Some(head) = self.np_back(s - 1, lo) {
                    if head.kind != NpKind::Pronoun && self.speaker_noun(head.end - 1) {
                        return Some(Np {
                            start: head.start,
                            end: j,
                            kind: NpKind::Description,
                        });
                    }
                }
            }
            return Some(Np {
                start: s,
                end: j,
                kind: NpKind::Description,
            });
        }
        None
    }

    /// The noun phrase that starts at token `i`, not reaching `hi`.
    pub fn np_fwd(&self, i: usize, hi: usize) -> Option<Np> {
        if i >= hi {
            return None;
        }
        if self.has(i, flag::PRONOUN) {
            return Some(Np {
                start: i,
                end: i + 1,
                kind: NpKind::Pronoun,
            });
        }
        let mut e = i;
        if self.has(e, flag::DETERMINER) || self.possessive(e) && self.is_cap(e) {
            e += 1;
        }
        let body = e;
        let mut saw_name = false;
        let mut saw_noun = false;
        while e < hi {
            if self.name_word(e) || self.is_cap(e) && self.title(e) {
                saw_name = true;
            } else if self.title(e) && !self.has(e, flag::DETERMINER) || self.speaker_noun(e) {
                saw_noun = true;
            } else if self.has(e, flag::PARTICLE) && saw_name && e + 1 < hi && self.is_cap(e + 1) {
            } else if e < body + 3
                && !saw_name
                && !saw_noun
                && self.is_word(e)
                && !self.is_cap(e)
                && self.verb(e).is_none()
                && !self.has(e, flag::PRONOUN)
                && !self.stop_cap(e)
                && (e + 1..hi.min(e + 4))
                    .take_while(|&k| self.is_word(k))
                    .any(|k| self.speaker_noun(k) || self.title(k) || self.name_word(k))
            {
                // adjectives before a noun or a name: "a senior official", "a 52-count civil
                // complaint", "retired Air Force general Lloyd Newton"
            } else {
                break;
            }
            if self.possessive(e) {
                // "Trump's national security adviser" — keep going through the possessive.
                saw_name = false;
                saw_noun = false;
            }
            e += 1;
        }
        if e == body {
            return None;
        }
        let last_is_name = self.name_word(e - 1) || self.is_cap(e - 1);
        let kind = if saw_name && last_is_name {
            NpKind::Name
        } else if saw_noun || self.speaker_noun(e - 1) {
            NpKind::Description
        } else {
            return None;
        };
        if kind == NpKind::Description && !self.speaker_noun(e - 1) && !self.title(e - 1) {
            return None;
        }
        // "a spokesman for the campaign"
        if kind == NpKind::Description && e + 1 < hi && matches!(self.lw(e), "for" | "of") {
            if let Some(tail) = self.np_fwd(e + 1, hi) {
                if tail.kind == NpKind::Name || self.speaker_noun(tail.end - 1) {
                    return Some(Np {
                        start: i,
                        end: tail.end,
                        kind,
                    });
                }
            }
        }
        Some(Np {
            start: i,
            end: e,
            kind,
        })
    }

    /// The name words of a mention: the capitalised words after its last title or description
    /// word (`Dmitry Peskov` in `Kremlin spokesman Dmitry Peskov`), as token indices.
    fn name_part(&self, np: Np) -> Option<(usize, usize)> {
        if np.kind != NpKind::Name {
            return None;
        }
        // Organisations keep their capitalised words ("Russian Defense Ministry"); people lose
        // their titles ("Kremlin spokesman Dmitry Peskov" is Dmitry Peskov).
        let org = self.org_head(np.end - 1);
        let mut s = np.start;
        for i in np.start..np.end {
            if !self.is_cap(i) || self.possessive(i) || self.stop_cap(i) || !org && self.title(i) {
                s = i + 1;
            }
        }
        // Particles inside a name stay (Charles de Gaulle); leading ones go.
        while s < np.end && self.has(s, flag::PARTICLE) {
            s += 1;
        }
        // A phrase ending in a title ("the US President") is a description, not a name.
        (s < np.end).then_some((s, np.end))
    }

    /// A headline in Title Case, where capitals say nothing about names.
    fn title_case_sentence(&self, s: usize) -> bool {
        let (a, b) = self.sentence_range(s);
        let words = (a..b).filter(|&i| {
            self.is_word(i) && self.w(i).chars().next().is_some_and(|c| c.is_alphabetic())
        });
        let (mut n, mut caps) = (0, 0);
        for i in words {
            n += 1;
            if self.is_cap(i) {
                caps += 1;
            }
        }
        n >= 4 && caps * 10 >= n * 8
    }

    // ----- subjects and cues ------------------------------------------------------------------

    fn is_delim(&self, i: usize) -> bool {
        matches!(
            self.toks.get(i).map(|t| t.kind),
            Some(Kind::Punct(',' | '—' | '–' | '-'))
        )
    }

    /// A generic description ending just before `j`: a determiner or possessive, up to three
    /// words, and a lower-case noun ("The clip", "the ad’s narrator", "The New York businessman").
    /// Only used right before a reporting verb or a colon, where it is the speaker.
    fn generic_np_back(&self, j: usize, lo: usize) -> Option<Np> {
        if j == 0 || j <= lo {
            return None;
        }
        let k = j - 1;
        if !self.is_word(k)
            || self.is_cap(k)
            || self.verb(k).is_some()
            || self.has(k, flag::DETERMINER)
            || self.stop_cap(k) && !self.possessive(k)
        {
            return None;
        }
        let mut s = k;
        for _ in 0..4 {
            if s <= lo {
                break;
            }
            let p = s - 1;
            if self.has(p, flag::DETERMINER) || self.possessive(p) {
                return Some(Np {
                    start: p,
                    end: j,
                    kind: NpKind::Description,
                });
            }
            if !self.is_word(p)
                || self.verb(p).is_some()
                || self.has(p, flag::PRONOUN)
                || self.stop_cap(p) && !self.is_cap(p)
            {
                return None;
            }
            s = p;
        }
        None
    }

    /// Skips adverbs, auxiliaries and time phrases ("also", "has", "on Monday morning") that
    /// end just before `k`; returns where they start.
    fn skip_back_adverbials(&self, mut k: usize, lo: usize) -> usize {
        let mut guard = 0;
        while k > lo && guard < 20 {
            guard += 1;
            let p = k - 1;
            if self.has(p, flag::AUX_ADVERB) || self.lw(p).ends_with("ly") && !self.is_cap(p) {
                k = p;
                continue;
            }
            if self.in_list(p, TIME_NOUNS) {
                let mut q = p;
                while q > lo && self.has(q - 1, flag::TIME_WORD) {
                    q -= 1;
                }
                k = q;
                continue;
            }
            break;
        }
        k
    }

    /// The subject of the verb at `v`, looking back no further than `lo`.
    pub fn subject_of(&self, v: usize, lo: usize) -> Option<Np> {
        let mut k = v;
        for _ in 0..6 {
            k = self.skip_back_adverbials(k, lo);
            if k <= lo {
                return None;
            }
            let p = k - 1;
            // A parenthesis: "Rep. Gwen Moore (D-Wis.) said".
            if self.is_punct(p, ')') {
                if let Some(o) = (lo..p).rev().take(12).find(|&o| self.is_punct(o, '(')) {
                    k = o;
                    continue;
                }
                return None;
            }
            // ", who met Putin days ago," / ", a writer for The Atlantic," / ", Alexander Grushko,"
            if self.is_delim(p) {
                let q = (lo..p).rev().take(40).find(|&q| self.is_delim(q));
                let q = q?;
                let seg_start = q + 1;
                if seg_start >= p {
                    k = q;
                    continue;
                }
                if self.has(seg_start, flag::CLAUSE_START) {
                    k = q;
                    continue;
                }
                if let Some(np) = self.np_back(p, seg_start) {
                    if np.kind == NpKind::Name && np.start == seg_start {
                        return Some(np);
                    }
                }
                // An apposition describing the subject: the subject stands before it.
                let before = self.skip_back_adverbials(q, lo);
                if let Some(np) = self.np_back(before, lo) {
                    return Some(np);
                }
                k = q;
                continue;
            }
            break;
        }
        self.np_back(k, lo)
            .filter(|np| np.end == k)
            .or_else(|| self.generic_np_back(k, lo))
    }

    /// The subject of the clause the sentence starts with, skipping openers such as
    /// "On Sunday," "But" or "Worried about the vote,".
    pub fn clause_subject(&self, lo: usize, hi: usize) -> Option<Np> {
        let mut i = lo;
        while i < hi && (self.in_list(i, CONNECTIVES) || self.lw(i) == "instead") {
            i += 1;
        }
        if let Some(np) = self.np_fwd(i, hi) {
            if np.kind != NpKind::Description
                || self.verb(np.end).is_some()
                || self.has(np.end, flag::AUX_ADVERB)
            {
                return Some(np);
            }
        }
        // Skip a leading phrase up to its comma.
        let c = (i..hi.min(i + 30)).find(|&c| self.is_punct(c, ','))?;
        let mut j = c + 1;
        while j < hi && self.in_list(j, CONNECTIVES) {
            j += 1;
        }
        self.np_fwd(j, hi)
    }

    /// A statement whose verb is at `v`: its subject (or, for "said Trump", its inverted subject).
    pub(crate) fn statement_at(&self, v: usize, lo: usize, hi: usize) -> Option<Statement> {
        let verb = self.verb(v)?;
        let lw = self.lw(v);
        let stmt = |np: Np, cue_end: usize| {
            Some(Statement {
                np,
                verb: v,
                cue_end,
            })
        };
        // "Izvestia quoted Mr. Grushko as saying"
        if verb.lemma == "quote" {
            if let Some(np) = self.np_fwd(v + 1, hi) {
                if self.lw(np.end) == "as" && self.lw(np.end + 1) == "saying" {
                    return stmt(np, np.end + 2);
                }
            }
        }
        if lw.ends_with("ing") {
            let aux =
                v > lo && self.in_list(v - 1, &["is", "are", "was", "were", "been", "be", "am"]);
            if !aux {
                // "Hillary Clinton asking, …" / "…, saying that …" (the clause's subject).
                if let Some(np) = self
                    .np_back(v, lo)
                    .filter(|n| n.kind != NpKind::Description)
                {
                    return stmt(np, v + 1);
                }
                return self.clause_subject(lo, v).and_then(|np| stmt(np, v + 1));
            }
        }
        // Passive: "This was confirmed by Steve Witkoff" (the agent speaks), or no speaker.
        let before_verb = (lo..v).rev().find(|&k| {
            !self.in_list(
                k,
                &[
                    "also",
                    "later",
                    "then",
                    "already",
                    "previously",
                    "reportedly",
                    "not",
                    "never",
                ],
            )
        });
        // ("is telling", "was stressing" are progressive, not passive.)
        if !lw.ends_with("ing")
            && before_verb
                .is_some_and(|k| self.in_list(k, &["was", "were", "is", "are", "been", "be"]))
        {
            if self.lw(v + 1) == "by" {
                return self.np_fwd(v + 2, hi).and_then(|np| stmt(np, v + 2));
            }
            return None;
        }
        if let Some(np) = self.subject_of(v, lo) {
            return stmt(np, v + 1);
        }
        // "… outlined his plan and vowed …": the clause's subject.
        let k = self.skip_back_adverbials(v, lo);
        if k > lo && self.in_list(k - 1, &["and", "but"]) {
            // "I laughed and said": the subject of the verb before "and", else the clause's.
            if let Some(np) = self
                .nearest_subject(lo, k - 1)
                .or_else(|| self.clause_subject(lo, k - 1))
            {
                return stmt(np, v + 1);
            }
        }
        // Inverted, right after a quotation or a comma: "…,” said Trump", "…, said the senator".
        let after_quote = v == lo
            || v > 0
                && matches!(
                    self.toks[v - 1].kind,
                    Kind::Quote(_) | Kind::Punct(',' | ':')
                );
        if after_quote && verb.class == VerbClass::Speech {
            if let Some(np) = self.np_fwd(v + 1, hi) {
                return stmt(np, v + 1);
            }
        }
        None
    }

    /// "according to X" starting at `i`.
    fn according_to(&self, i: usize, hi: usize) -> Option<Statement> {
        if self.lw(i) == "according" && self.lw(i + 1) == "to" {
            let np = self.np_fwd(i + 2, hi)?;
            return Some(Statement {
                np,
                verb: i,
                cue_end: i + 2,
            });
        }
        None
    }

    /// Number of sentences.
    pub(crate) fn sentence_count(&self) -> usize {
        self.sent_start.len().saturating_sub(1)
    }

    /// Every reporting statement in the text (subject + verb), in text order.
    pub fn statements(&self) -> Vec<Statement> {
        let mut out = Vec::new();
        for s in 0..self.sent_start.len().saturating_sub(1) {
            let (a, b) = self.sentence_range(s);
            for v in a..b {
                if let Some(st) = self.according_to(v, b) {
                    out.push(st);
                } else if self.verb(v).is_some() {
                    if let Some(st) = self.statement_at(v, a, b) {
                        out.push(st);
                    }
                }
            }
        }
        out
    }

    /// A cue at the start of the stretch `i..hi` that follows a quotation:
    /// `said Trump`, `Trump said`, `Leonard Burman, director of …, said`, `a narrator in the ad
    /// asks`, `Rep. Gwen Moore (D-Wis.) said`, `according to X`, `as a memo put it`.
    fn cue_at(&self, mut i: usize, hi: usize) -> Option<Statement> {
        if self.lw(i) == "as" {
            i += 1;
        }
        if i >= hi {
            return None;
        }
        if let Some(st) = self.according_to(i, hi) {
            return Some(st);
        }
        // "… per the party’s bylaws"
        if self.lw(i) == "per" {
            let np = self
                .np_fwd(i + 1, hi)
                .or_else(|| self.generic_np_fwd_any(i + 1, hi))?;
            return Some(Statement {
                np,
                verb: i,
                cue_end: i + 1,
            });
        }
        if let Some(v) = self.verb(i) {
            if v.class == VerbClass::Speech {
                if let Some(np) = self.np_fwd(i + 1, hi) {
                    return Some(Statement {
                        np,
                        verb: i,
                        cue_end: i + 1,
                    });
                }
            }
            return None;
        }
        let np = self.np_fwd(i, hi).or_else(|| self.generic_np_fwd(i, hi))?;
        let mut j = np.end;
        // A parenthesis or an apposition between the name and the verb.
        if self.is_punct(j, '(') {
            j = (j..hi.min(j + 12))
                .find(|&c| self.is_punct(c, ')'))
                .map_or(j, |c| c + 1);
        }
        if self.is_delim(j) {
            if let Some(c) = (j + 1..hi.min(j + 45))
                .find(|&c| self.is_delim(c) && self.verb(self.skip_adverbs(c + 1, hi)).is_some())
            {
                j = c + 1;
            }
        } else if matches!(self.lw(j), "in" | "of" | "for" | "at" | "from" | "with") {
            // "a narrator in the Clinton ad asks"
            if let Some(k) = (j + 1..hi.min(j + 6)).find(|&k| self.verb(k).is_some()) {
                j = k;
            }
        }
        j = self.skip_adverbs(j, hi);
        let v = self.verb(j)?;
        if v.lemma == "quote" {
            return self.statement_at(j, np.start, hi);
        }
        Some(Statement {
            np,
            verb: j,
            cue_end: j + 1,
        })
    }

    fn skip_adverbs(&self, mut j: usize, hi: usize) -> usize {
        while j < hi
            && (self.has(j, flag::AUX_ADVERB) || self.lw(j).ends_with("ly") && !self.is_cap(j))
        {
            j += 1;
        }
        j
    }

    /// The subject of the last clause before `hi` (back to `lo`): a pronoun or a name right
    /// before a lower-case word, as in "… that I had to change my answer:" or "I laughed and".
    fn nearest_subject(&self, lo: usize, hi: usize) -> Option<Np> {
        (lo..hi).rev().take(12).find_map(|k| {
            let next_is_verbish = self.is_word(k + 1) && !self.is_cap(k + 1) && k + 1 < hi;
            if !next_is_verbish {
                return None;
            }
            if self.has(k, flag::PRONOUN) && self.lw(k) != "it" {
                return Some(Np {
                    start: k,
                    end: k + 1,
                    kind: NpKind::Pronoun,
                });
            }
            self.np_back(k + 1, lo).filter(|np| np.kind == NpKind::Name)
        })
    }

    /// A sentence-opening "The piece used …": a determiner, one to three lower-case words and
    /// a word that reads as a past or present verb.
    fn generic_subject(&self, i: usize, hi: usize) -> Option<Np> {
        if !self.in_list(
            i,
            &[
                "the", "a", "an", "this", "that", "its", "his", "her", "their",
            ],
        ) {
            return None;
        }
        let e = (i + 2..hi.min(i + 5)).find(|&k| {
            let w = self.lw(k);
            self.is_word(k)
                && !self.is_cap(k)
                && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss"))
        })?;
        (i + 1..e)
            .all(|k| self.is_word(k) && !self.is_cap(k) && !self.stop_cap(k))
            .then_some(Np {
                start: i,
                end: e,
                kind: NpKind::Description,
            })
    }

    /// A determiner or possessive and up to three more words ending the stretch `i..hi`
    /// ("the party’s bylaws" in "per the party’s bylaws").
    fn generic_np_fwd_any(&self, i: usize, hi: usize) -> Option<Np> {
        if !self.has(i, flag::DETERMINER) && !self.possessive(i) {
            return None;
        }
        let e = (i + 1..hi.min(i + 5))
            .take_while(|&k| self.is_word(k))
            .last()?
            + 1;
        (e > i + 1).then_some(Np {
            start: i,
            end: e,
            kind: NpKind::Description,
        })
    }

    /// A generic description starting at `i` ("the ad’s narrator"), only when a reporting verb
    /// follows it.
    fn generic_np_fwd(&self, i: usize, hi: usize) -> Option<Np> {
        if !(self.has(i, flag::DETERMINER) || self.is_cap(i) && self.possessive(i)) {
            return None;
        }
        (i + 2..hi.min(i + 5))
            .find(|&e| self.verb(e).is_some())
            .filter(|&e| (i + 1..e).all(|k| self.is_word(k) && !self.has(k, flag::PRONOUN)))
            .map(|e| Np {
                start: i,
                end: e,
                kind: NpKind::Description,
            })
    }

    /// Attributes the quotation whose token is `t`.
    fn attribute_one(&self, t: usize, done: &[Option<Attribution>], qtok: &[usize]) -> Attribution {
        let s = self.sentence(t);
        let (sa, sb) = self.sentence_range(s);
        // The stretch after the quotation, up to the next quotation of the sentence.
        let after_end = (t + 1..sb)
            .find(|&i| matches!(self.toks[i].kind, Kind::Quote(_)))
            .unwrap_or(sb);
        // The stretch before it, back to the previous quotation of the sentence.
        let prev_q = (sa..t)
            .rev()
            .find(|&i| matches!(self.toks[i].kind, Kind::Quote(_)));
        let before_start = prev_q.map_or(sa, |p| p + 1);
        let partial = self.is_partial(t, sa);
        let found = |st: Statement| Attribution {
            mention: Some(st.np),
            cue: Some((st.verb, st.cue_end)),
            entity: None,
            partial,
            direct: false,
        };

        // 1. A cue right after the quotation: `"…," said Trump`, `"…," Trump said`. The
        // quotation must end in punctuation or be followed by a comma (`"…" a Trump tweet said`
        // is no cue).
        let inner = self.toks[t].span.as_str(self.text);
        let inner_end = inner.trim_end_matches(|c: char| "\"“”'’`»„ \u{a0}".contains(c));
        let punct_end = inner_end.ends_with([',', '.', '?', '!', '…', '—', '-', ';']);
        let mut i = t + 1;
        let comma_after = self.is_delim(i) || self.is_punct(i, '(');
        while i < after_end && matches!(self.toks[i].kind, Kind::Punct(',' | '—' | '–' | '-' | '('))
        {
            i += 1;
        }
        if punct_end || comma_after {
            if let Some(st) = self.cue_at(i, after_end) {
                return Attribution {
                    direct: true,
                    ..found(st)
                };
            }
        }

        // 2. A reporting verb before it in the sentence: the first speech verb (the main
        // clause: `Trump said … that Clinton once described it as "…"`), then the nearest
        // framing verb (`Gingrich dismissed Estonia as "…"`).
        // A quotation introduced by a comma or colon takes its nearest cue ("Trump saying
        // during the debate, "…""); quoted words inside the sentence take the main clause's.
        let introduced =
            t > before_start && (self.is_punct(t - 1, ',') || self.is_punct(t - 1, ':'));
        let order: Box<dyn Iterator<Item = usize>> = if introduced {
            Box::new((before_start..t).rev())
        } else {
            Box::new(before_start..t)
        };
        for v in order {
            if let Some(st) = self.according_to(v, t) {
                return found(st);
            }
            if self.verb(v).is_some_and(|x| x.class == VerbClass::Speech) {
                if let Some(st) = self.statement_at(v, sa, t).filter(|st| st.np.end <= t) {
                    return found(st);
                }
            }
        }
        for v in (before_start..t).rev() {
            if self.verb(v).is_some_and(|x| x.class == VerbClass::Frame) {
                if let Some(st) = self.statement_at(v, sa, t).filter(|st| st.np.end <= t) {
                    return found(st);
                }
            }
        }
        // 2b. The cue may sit before an earlier quotation of the sentence ("A" and "B").
        if let Some(p) = prev_q {
            if let Ok(k) = qtok.binary_search(&p) {
                if let Some(Some(a)) = done.get(k) {
                    if a.mention.is_some() {
                        return Attribution { partial, ..*a };
                    }
                }
            }
        }
        // 2c. A cue later in the sentence, after a comma: `"…" for criminal behavior, she said`.
        for c in t + 1..after_end {
            if self.is_punct(c, ',') {
                if let Some(st) = self.cue_at(c + 1, after_end) {
                    return found(st);
                }
            }
        }
        // 2d. A colon introduction without a reporting verb ("The piece used her words as its
        // headline: "…""), or quoted words in a sentence about a person.
        if t > before_start && (self.is_punct(t - 1, ':') || partial) {
            let colon = self.is_punct(t - 1, ':');
            let nearest = if colon {
                self.nearest_subject(sa, t - 1)
            } else {
                None
            };
            let np = nearest
                .or_else(|| self.clause_subject(sa, t))
                .or_else(|| self.generic_subject(sa, t))
                .or_else(|| {
                    let k = self.skip_back_adverbials(t - 1, sa);
                    self.generic_np_back(k, sa)
                });
            if let Some(np) = np {
                let person = np.kind == NpKind::Pronoun
                    || np.kind == NpKind::Name
                    || self.speaker_noun(np.end - 1);
                // One or two quoted words with no reporting verb ("Tea Party "super PACs"") are
                // a term, not speech: they stay unattributed (scare quotes).
                let words = self.toks[t]
                    .span
                    .as_str(self.text)
                    .split_whitespace()
                    .count();
                if self.is_punct(t - 1, ':') || person && words >= 3 {
                    return Attribution {
                        mention: Some(np),
                        cue: None,
                        entity: None,
                        partial,
                        direct: false,
                    };
                }
            }
        }

        // 3. The quotation stands alone: the previous sentence of the paragraph, then the
        // previous paragraph, carries its speaker.
        let alone = (sa..t).all(|i| !self.is_word(i));
        if alone {
            if let Some(a) = self.previous_speaker(sa, done, qtok) {
                return Attribution { partial, ..a };
            }
        }
        Attribution {
            partial,
            ..Attribution::default()
        }
    }

    /// The speaker of the sentences just before sentence start `sa`, in the same paragraph or
    /// at the end of the previous one.
    fn previous_speaker(
        &self,
        sa: usize,
        done: &[Option<Attribution>],
        qtok: &[usize],
    ) -> Option<Attribution> {
        let mut i = sa;
        let mut crossed_paragraph = false;
        let mut sentences = 0;
        while i > 0 && sentences < 3 {
            let p = i - 1;
            if self.is_punct(p, '\n') {
                if crossed_paragraph && sentences > 0 {
                    return None;
                }
                crossed_paragraph = true;
                i = p;
                continue;
            }
            let s = self.sentence(p);
            let (a, b) = self.sentence_range(s);
            sentences += 1;
            // The last attributed quotation of that sentence.
            for k in (a..b).rev() {
                if let Kind::Quote(_) = self.toks[k].kind {
                    if let Ok(qi) = qtok.binary_search(&k) {
                        if let Some(Some(att)) = done.get(qi) {
                            if att.mention.is_some() {
                                return Some(*att);
                            }
                        }
                    }
                }
            }
            // A reporting verb with a subject ("…, Grushko stated." / "Caddell continued:").
            for v in (a..b).rev() {
                if self.verb(v).is_some_and(|v| v.class == VerbClass::Speech) {
                    if let Some(st) = self.statement_at(v, a, b) {
                        return Some(Attribution {
                            mention: Some(st.np),
                            cue: Some((st.verb, st.cue_end)),
                            entity: None,
                            partial: false,
                            direct: false,
                        });
                    }
                }
            }
            // A sentence about a person ("Clinton restricted comments to …").
            if let Some(np) = self.clause_subject(a, b) {
                if matches!(np.kind, NpKind::Name | NpKind::Pronoun)
                    && !self.in_list(np.start, &["it", "they"])
                {
                    return Some(Attribution {
                        mention: Some(np),
                        cue: None,
                        entity: None,
                        partial: false,
                        direct: false,
                    });
                }
            }
            if crossed_paragraph {
                return None;
            }
            i = a;
        }
        None
    }

    /// True when the quotation at `t` is quoted words inside the reporter's own sentence.
    fn is_partial(&self, t: usize, sa: usize) -> bool {
        let inner = self.toks[t].span.as_str(self.text);
        let first = inner.chars().find(|c| c.is_alphanumeric());
        if first.is_some_and(|c| c.is_lowercase()) {
            return true;
        }
        if t > sa {
            let p = t - 1;
            let introduced = self.is_punct(p, ':')
                || self.is_punct(p, ',')
                || self.verb(p).is_some_and(|v| v.class == VerbClass::Speech);
            if !introduced && self.is_word(p) {
                return true;
            }
        }
        false
    }

    /// True when the quotation at `t` is a title or name in quotation marks ("Morning Joe",
    /// "The Apprentice") rather than quoted words: short, every word capitalised, and no naming
    /// verb ("called", "dubbed") just before it.
    pub fn is_title(&self, t: usize) -> bool {
        let inner = self.toks[t].span.as_str(self.text);
        let words: Vec<&str> = inner.split_whitespace().collect();
        if words.is_empty() || words.len() > 6 {
            return false;
        }
        let minor = [
            "a", "an", "the", "of", "and", "in", "on", "for", "to", "with", "at", "by", "or",
        ];
        let titled = words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || minor.contains(&w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
        // A title does not end a sentence inside its marks ("Peace Through Strength." is a
        // slogan someone proclaimed).
        let ends_sentence = inner
            .trim_end_matches(|c: char| c.is_whitespace() || "\"“”'’`»„«".contains(c))
            .ends_with(['.', '?', '!']);
        if !titled || ends_sentence {
            return false;
        }
        // A single sentence-opening word ("That," he added) is speech.
        if words.len() == 1
            && self.lex.stop_caps.contains(
                words[0]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase()
                    .as_str(),
            )
        {
            return false;
        }
        let lo = t.saturating_sub(6);
        // "called her "Miss Piggy" and "Miss Housekeeping"": a naming verb before, or before
        // the quotation this one is coordinated with.
        let naming = |a: usize, b: usize| {
            (a..b).any(|i| self.verb(i).is_some_and(|v| v.class == VerbClass::Frame))
        };
        let coordinated = t >= 2
            && self.in_list(t - 1, &["and", "or"])
            && matches!(self.toks[t - 2].kind, Kind::Quote(_));
        !(naming(lo, t) || coordinated && naming(t.saturating_sub(8), t - 2))
    }

    /// Attributes every quotation token in `qtok` (token index of each quotation, text order).
    pub fn attribute(&self, qtok: &[usize]) -> Vec<Attribution> {
        let mut done: Vec<Option<Attribution>> = vec![None; qtok.len()];
        for (k, &t) in qtok.iter().enumerate() {
            let a = self.attribute_one(t, &done, qtok);
            done[k] = Some(a);
        }
        done.into_iter().map(Option::unwrap_or_default).collect()
    }

    // ----- entities ------------------------------------------------------------------------

    /// Groups mentions into entities and resolves each attribution's mention to one.
    pub fn resolve(&self, atts: &mut [Attribution], statements: &[Statement]) -> Vec<Entity> {
        let mut reg = Registry::with_capacity((self.toks.len() / 16).clamp(8, 256));
        // Every name in the text, in order, so that surnames, titles and pronouns can resolve.
        let mut i = 0;
        let mut names: Vec<(Np, usize)> = Vec::new(); // (mention, entity)
        let mut headline: Option<(usize, bool)> = None; // (sentence, is title case)
        while i < self.toks.len() {
            let s = self.sentence(i);
            if headline.is_none_or(|(hs, _)| hs != s) {
                headline = Some((s, self.title_case_sentence(s)));
            }
            if headline.is_some_and(|(_, t)| t) {
                i += 1;
                continue;
            }
            if self.name_word(i) || self.is_cap(i) && self.title(i) && self.name_word(i + 1) {
                let s = self.sentence(i);
                let (_, b) = self.sentence_range(s);
                let lo = if i > 0 && self.lw(i - 1) == "the" {
                    i - 1
                } else {
                    i
                };
                if let Some(np) = self.np_fwd(lo, b) {
                    if np.kind == NpKind::Name {
                        if let Some(e) = self.register_name(&mut reg, np) {
                            names.push((np, e));
                        }
                        i = np.end.max(i + 1);
                        continue;
                    }
                }
            }
            i += 1;
        }
        // Statement subjects speak.
        let mut subject_at: Vec<(usize, usize)> = Vec::new(); // (token, entity)
        for st in statements {
            if let Some(e) = self.resolve_np(&mut reg, st.np, &names, &subject_at) {
                reg.entities[e].speaks = true;
                reg.add_mention(e, self.span(st.np.start, st.np.end));
                subject_at.push((st.np.start, e));
            }
        }
        for a in atts.iter_mut() {
            if let Some(np) = a.mention {
                a.entity = self.resolve_np(&mut reg, np, &names, &subject_at);
                if let Some(e) = a.entity {
                    reg.entities[e].speaks = true;
                    reg.add_mention(e, self.span(np.start, np.end));
                }
            }
        }
        reg.entities
    }

    fn register_name(&self, reg: &mut Registry, np: Np) -> Option<usize> {
        let (a, b) = self.name_part(np)?;
        let name_text = strip_possessive(self.span(a, b).as_str(self.text));
        let organisation = self.org_head(b - 1)
            || (np.start < a
                && self.lw(np.start) == "the"
                && !(np.start + 1..a).any(|i| self.title(i)));
        // A name seen before in the same form: only the titles and appositions of this mention
        // are new. (Most mentions repeat a name; this keeps the scan linear and cheap.)
        if let Some(&e) = reg.by_text[organisation as usize].get(name_text) {
            let appos =
                self.is_punct(np.end, ',') || np.start > 0 && self.is_punct(np.start - 1, ',');
            let ent = &mut reg.entities[e];
            if ent.descriptors.len() < 64 {
                for i in np.start..a {
                    let d = self.lw(i);
                    if !d.is_empty() && d != "the" && !ent.descriptors.iter().any(|x| x == d) {
                        ent.descriptors.push(d.to_string());
                    }
                }
                if appos {
                    for d in self.appositions(np) {
                        if !ent.descriptors.iter().any(|x| x == d) {
                            ent.descriptors.push(d.to_string());
                        }
                    }
                }
            }
            ent.mentions.push(self.span(np.start, np.end));
            return Some(e);
        }
        // The name's words in lower case, one space apart: "donald trump".
        let mut key = String::with_capacity(name_text.len());
        let mut n = 0;
        for i in a..b {
            let w = strip_possessive(self.lw(i));
            if !w.is_empty() {
                if n > 0 {
                    key.push(' ');
                }
                key.push_str(w);
                n += 1;
            }
        }
        if n == 0 || n > 5 {
            return None;
        }
        let premods = (np.start..a)
            .map(|i| self.lw(i))
            .filter(|w| !w.is_empty() && *w != "the");
        let male = premods
            .clone()
            .find_map(|d| match d {
                "mr." | "mr" => Some(true),
                "mrs." | "mrs" | "ms." | "ms" | "miss" => Some(false),
                _ => None,
            })
            .or_else(|| {
                (n >= 2)
                    .then(|| {
                        self.lex
                            .first_names
                            .get(key.split(' ').next().unwrap_or(""))
                            .copied()
                    })
                    .flatten()
            });
        let e = reg.find_or_add(key, name_text, organisation);
        reg.by_text[organisation as usize].insert(name_text.to_string(), e);
        let ent = &mut reg.entities[e];
        for d in premods {
            if !ent.descriptors.iter().any(|x| x == d) && ent.descriptors.len() < 64 {
                ent.descriptors.push(d.to_string());
            }
        }
        for d in self.appositions(np) {
            if !ent.descriptors.iter().any(|x| x == d) && ent.descriptors.len() < 64 {
                ent.descriptors.push(d.to_string());
            }
        }
        if ent.male.is_none() {
            ent.male = male;
        }
        ent.mentions.push(self.span(np.start, np.end));
        Some(e)
    }

    /// Words of an apposition next to a name: "Steve Witkoff, the US Special Envoy," or
    /// "Trump's envoy for the conflict, Steve Witkoff,".
    fn appositions(&self, np: Np) -> Vec<&str> {
        let mut out = Vec::new();
        if self.is_punct(np.end, ',') && self.has(np.end + 1, flag::DETERMINER) {
            let mut i = np.end + 1;
            while i < self.toks.len() && i < np.end + 12 && self.is_word(i) {
                out.push(self.lw(i));
                i += 1;
            }
        }
        if np.start >= 2 && self.is_punct(np.start - 1, ',') {
            let mut i = np.start - 1;
            let mut n = 0;
            let mut seg = Vec::new();
            while i > 0 && n < 10 {
                i -= 1;
                n += 1;
                if !self.is_word(i) {
                    break;
                }
                seg.push(self.lw(i));
            }
            if seg.iter().any(|w| self.lex.speaker_nouns.contains(w)) {
                out.extend(seg);
            }
        }
        out
    }

    /// The entity a mention refers to.
    fn resolve_np(
        &self,
        reg: &mut Registry,
        np: Np,
        names: &[(Np, usize)],
        subjects: &[(usize, usize)],
    ) -> Option<usize> {
        match np.kind {
            NpKind::Name if self.name_part(np).is_none() => self.resolve_np(
                reg,
                Np {
                    kind: NpKind::Description,
                    ..np
                },
                names,
                subjects,
            ),
            NpKind::Name => {
                // A name found by the scan that covers this mention, or that it covers.
                let k = names.partition_point(|(n, _)| n.start <= np.start);
                let around = names[k.saturating_sub(1)..(k + 4).min(names.len())].iter();
                if let Some(&(_, e)) = around
                    .clone()
                    .find(|(n, _)| n.start <= np.start && np.end <= n.end)
                    .or_else(|| {
                        around
                            .clone()
                            .find(|(n, _)| np.start <= n.start && n.end == np.end)
                    })
                {
                    return Some(e);
                }
                self.register_name(reg, np)
            }
            NpKind::Pronoun => {
                let p = self.lw(np.start);
                let p = p.split(['’', '\'']).next().unwrap_or(p);
                if p == "i" {
                    return Some(reg.find_or_add("#author".into(), "the author", false));
                }
                let want_male = match p {
                    "he" => Some(true),
                    "she" => Some(false),
                    _ => None,
                };
                let org = p == "it" || p == "they";
                // "Clinton’s campaign is seeking … what they call …": an organisation or a group
                // that opens the same sentence.
                if org {
                    let (sa, _) = self.sentence_range(self.sentence(np.start));
                    if let Some(subj) = self.clause_subject(sa, np.start) {
                        let groupish = subj.kind == NpKind::Description
                            && (self.org_head(subj.end - 1)
                                || self.lw(subj.end - 1).ends_with('s'))
                            || subj.kind == NpKind::Name && self.org_head(subj.end - 1);
                        if groupish && subj.end <= np.start {
                            return self.resolve_np(reg, subj, names, subjects);
                        }
                    }
                }
                let start = self.toks[np.start].span.start;
                let ok = |e: usize| {
                    let ent = &reg.entities[e];
                    if org {
                        return ent.organisation;
                    }
                    !ent.organisation
                        && (want_male.is_none() || ent.male.is_none() || ent.male == want_male)
                };
                // The nearest earlier statement subject within a few paragraphs, else the
                // nearest earlier person.
                // Only what stands before the pronoun, and not too far (sorted lists: the scan
                // starts at the pronoun and stops at the window's edge).
                let near = |tok: usize| self.toks[tok].span.start + 3000 >= start;
                let subj_before = &subjects[..subjects.partition_point(|&(tok, _)| tok < np.start)];
                let names_before = &names[..names.partition_point(|(n, _)| n.start < np.start)];
                let by_subject = subj_before
                    .iter()
                    .rev()
                    .take_while(|&&(tok, _)| near(tok))
                    .find(|&&(_, e)| ok(e))
                    .copied();
                let by_name = names_before
                    .iter()
                    .rev()
                    .take_while(|(n, _)| near(n.start))
                    .find(|&&(_, e)| ok(e))
                    .map(|&(n, e)| (n.start, e));
                let e = match (by_subject, by_name) {
                    // Prefer the subject unless a person who speaks was named since, in the same sentence.
                    (Some((s_tok, s)), Some((n_tok, n))) => Some(
                        if n_tok > s_tok
                            && self.sentence(n_tok) == self.sentence(np.start)
                            && reg.entities[n].speaks
                        {
                            n
                        } else {
                            s
                        },
                    ),
                    (a, b) => a.map(|x| x.1).or(b.map(|x| x.1)),
                }?;
                if let Some(m) = want_male {
                    if reg.entities[e].male.is_none() {
                        reg.entities[e].male = Some(m);
                    }
                }
                Some(e)
            }
            NpKind::Description => {
                let head = self.lw(np.end - 1);
                let mods: Vec<&str> = (np.start..np.end - 1)
                    .filter(|&i| !self.has(i, flag::DETERMINER))
                    .map(|i| self.lw(i))
                    .filter(|w| !w.is_empty())
                    .collect();
                let head_ok = |d: &[String]| {
                    d.iter().any(|x| x == head)
                        || LEADER_WORDS.contains(&head)
                            && d.iter().any(|x| LEADER_WORDS.contains(&x.as_str()))
                };
                let start = np.start;
                // The most recent entity described by the same head noun whose descriptors
                // take the most of the modifiers, and none of another nationality.
                let mut best: Option<(usize, usize)> = None; // (matched modifiers, entity)
                let names_before = &names[..names.partition_point(|(n, _)| n.start < start)];
                let at = self.toks[start].span.start;
                let mut seen: Vec<usize> = Vec::new();
                let recent = names_before
                    .iter()
                    .rev()
                    .take(150)
                    .take_while(|(n, _)| self.toks[n.start].span.start + 20_000 >= at);
                for &(_, e) in recent {
                    // Each entity once: its descriptors do not change with the mention.
                    if seen.contains(&e) {
                        continue;
                    }
                    seen.push(e);
                    let d = &reg.entities[e].descriptors;
                    if !head_ok(d) {
                        continue;
                    }
                    let matched = mods
                        .iter()
                        .filter(|&&m| {
                            d.iter().any(|x| {
                                x == m
                                    || x.starts_with(m)
                                    || m.starts_with(x.as_str()) && x.len() >= 4
                            })
                        })
                        .count();
                    let conflict = mods.iter().any(|m| NATIONALITIES.contains(m))
                        && d.iter().any(|x| {
                            NATIONALITIES.contains(&x.as_str())
                                && !mods.iter().any(|&m| m == x || x.starts_with(m))
                        });
                    if conflict {
                        continue;
                    }
                    if best.is_none_or(|(b, _)| matched > b) {
                        best = Some((matched, e));
                    }
                }
                let best = best.map(|(_, e)| e);
                if best.is_some() {
                    return best;
                }
                // Unresolved descriptions are speakers of their own ("a spokesman for the campaign").
                let text = self.span(np.start, np.end).as_str(self.text);
                let words = format!("#desc {}", text.to_lowercase());
                let org = self.lex.org_heads.contains(head);
                Some(reg.find_or_add(words, text, org))
            }
        }
    }
}

/// `Trump’s` → `Trump`.
fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// Entities keyed by their name words.
#[derive(Default)]
struct Registry {
    entities: Vec<Entity>,
    by_key: HashMap<String, usize>,
    /// The latest entity whose name ends in a word, by the word's hash; earlier ones follow
    /// through [`Entity::prev_same_last`] (no allocation per name).
    by_last: HashMap<u64, usize>,
    /// Entities by a name exactly as written: people, then organisations.
    by_text: [HashMap<String, usize>; 2],
}

impl Registry {
    fn with_capacity(n: usize) -> Registry {
        let map = || HashMap::with_capacity_and_hasher(n, Default::default());
        Registry {
            entities: Vec::with_capacity(n),
            by_key: map(),
            by_last: HashMap::with_capacity_and_hasher(n, Default::default()),
            by_text: [map(), map()],
        }
    }

    /// The entity a name belongs to: the same words, a surname of a fuller name ("Trump" of
    /// "Donald Trump"), or a fuller form of a known shorter one (which then becomes canonical).
    fn find_or_add(&mut self, key: String, text: &str, organisation: bool) -> usize {
        if let Some(&e) = self.by_key.get(&key) {
            return e;
        }
        let last = key.rsplit(' ').next().unwrap_or("");
        // A fuller or shorter form of a known person: same last word, and one's words contain
        // the other's.
        let within = |a: &str, b: &str| a.split(' ').all(|w| b.split(' ').any(|x| x == w));
        let last_hash = {
            use std::hash::BuildHasher;
            rustc_hash::FxBuildHasher.hash_one(last)
        };
        let mut candidate = self.by_last.get(&last_hash).copied();
        let mut matching = None;
        while let Some(c) = candidate {
            let e = &self.entities[c];
            if e.key.rsplit(' ').next() == Some(last)
                && e.organisation == organisation
                && (within(&key, &e.key) || within(&e.key, &key))
            {
                matching = Some(c);
                break;
            }
            candidate = e.prev_same_last;
        }
        if let Some(e) = matching {
            let ent = &mut self.entities[e];
            if key.split(' ').count() > ent.key.split(' ').count() {
                ent.key = key.clone();
                ent.name = text.to_string();
            }
            self.by_key.insert(key, e);
            return e;
        }
        let e = self.entities.len();
        let prev_same_last = if key.starts_with('#') {
            None
        } else {
            self.by_last.insert(last_hash, e)
        };
        self.entities.push(Entity {
            name: text.to_string(),
            key: key.clone(),
            mentions: Vec::new(),
            organisation,
            descriptors: Vec::new(),
            male: None,
            speaks: false,
            prev_same_last,
        });
        self.by_key.insert(key, e);
        e
    }

    fn add_mention(&mut self, e: usize, span: Span) {
        // Duplicates are removed once, when the speakers are listed.
        self.entities[e].mentions.push(span);
    }
}
