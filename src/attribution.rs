//! Who said it: speaker mentions, reporting cues and the speaker each quotation resolves to.
//!
//! Works on tokens ([`crate::tokens`]) where every quotation is one token. For each quotation it
//! tries, in order: a cue right after it (`"…," said Trump`, `"…," Trump told reporters`), a cue
//! before it in the same sentence (`Grushko stated: "…"`, `Peskov said "…"`), `according to X`,
//! an earlier quotation of the same sentence, the previous sentence of the paragraph, and the
//! previous paragraph (the news convention for a speaker's continued quotation).
//! Mentions (names with titles, pronouns, descriptions) then resolve to canonical speakers.

use std::collections::HashMap;

use crate::lexicon::{Lexicon, Stance, Verb, VerbClass};
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
    pub stance: Stance,
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
}

/// A person or organisation, gathered from its mentions.
#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    /// Lower-case words of the name (`["donald", "trump"]`).
    key: Vec<String>,
    pub mentions: Vec<Span>,
    pub organisation: bool,
    /// Title and description words attached to it (`spokesman`, `kremlin`, `president`).
    descriptors: Vec<String>,
    /// `Some(true)` for he, `Some(false)` for she, when known.
    male: Option<bool>,
    /// Source of at least one statement or quotation.
    pub speaks: bool,
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "one", "two", "three", "several", "some",
    "many", "other", "both", "another", "two", "senior", "top", "this", "that",
];
const PARTICLES: &[&str] = &["de", "van", "von", "bin", "al", "da", "der", "la", "le", "du", "of", "ibn", "del", "di"];
const AUX_ADVERBS: &[&str] = &[
    "also", "later", "then", "again", "previously", "recently", "once", "never", "still", "just",
    "even", "already", "earlier", "today", "yesterday", "has", "had", "have", "would", "will", "was",
    "is", "did", "does", "do", "further", "first", "finally", "simply", "too", "not", "had", "may",
    "might", "could", "should", "can", "repeatedly", "tonight", "now", "reportedly", "publicly",
    "privately", "openly", "explicitly", "previously", "quickly", "bluntly", "flatly", "often",
    "ultimately", "immediately", "since", "long", "been", "being",
];
const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning",
    "evening", "night", "afternoon", "week", "weekend", "day", "year", "month", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "last", "this",
    "on", "in", "at", "early", "late", "earlier", "later", "next", "past", "previous", "days", "weeks",
    "ago", "hours", "before", "after", "the",
];
const CLAUSE_STARTS: &[&str] = &["who", "which", "whose", "whom", "where", "when", "while", "as"];
const LEADER_WORDS: &[&str] = &["leader", "president", "premier", "prime", "chancellor", "king", "head"];

/// The analysis state over one text.
pub struct Ctx<'a> {
    pub text: &'a str,
    lower: String,
    pub toks: Vec<Tok>,
    lex: &'static Lexicon,
    /// First token of each sentence, indexed by sentence number (plus one past the end).
    sent_start: Vec<usize>,
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
        Ctx { text, lower: text.to_ascii_lowercase(), toks, lex: Lexicon::get(), sent_start }
    }

    fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.as_str(self.text))
    }

    /// The token in ASCII lower case ("" for non-words and out of range).
    fn lw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => t.span.as_str(&self.lower),
            _ => "",
        }
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.w(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    fn in_list(&self, i: usize, list: &[&str]) -> bool {
        let l = self.lw(i);
        !l.is_empty() && list.contains(&l)
    }

    fn stop_cap(&self, i: usize) -> bool {
        self.lex.stop_caps.contains(self.lw(i))
    }

    fn title(&self, i: usize) -> bool {
        self.lex.titles.contains(self.lw(i))
    }

    fn speaker_noun(&self, i: usize) -> bool {
        self.lex.speaker_nouns.contains(self.lw(i))
    }

    fn possessive(&self, i: usize) -> bool {
        let w = self.lw(i);
        w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’")
    }

    /// The reporting verb at `i`, if the token is one (lower case only: `State` is no verb).
    pub fn verb(&self, i: usize) -> Option<Verb> {
        if !self.is_word(i) || self.is_cap(i) {
            return None;
        }
        self.lex.verb(self.lw(i))
    }

    fn sentence(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| t.sentence as usize)
    }

    /// Tokens of sentence `s`.
    fn sentence_range(&self, s: usize) -> (usize, usize) {
        let a = self.sent_start.get(s).copied().unwrap_or(self.toks.len());
        let b = self.sent_start.get(s + 1).copied().unwrap_or(self.toks.len());
        (a, b)
    }

    /// The span of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        match (self.toks.get(a), b.checked_sub(1).and_then(|l| self.toks.get(l))) {
            (Some(x), Some(y)) if b > a => Span::new(x.span.start, y.span.end),
            _ => Span::default(),
        }
    }

    /// A name-like capitalised word (not a sentence-opening function word).
    fn name_word(&self, i: usize) -> bool {
        self.is_cap(i) && !self.stop_cap(i) && !self.verb_like_cap(i)
    }

    /// Capitalised reporting verbs in headlines ("Trump Says …") are not names.
    fn verb_like_cap(&self, i: usize) -> bool {
        self.lex.verb(self.lw(i)).is_some_and(|v| v.class == VerbClass::Speech) && !self.title(i)
    }

    // ----- noun phrases -----------------------------------------------------------------

    /// The noun phrase that ends just before token `j`, not reaching before `lo`.
    pub fn np_back(&self, j: usize, lo: usize) -> Option<Np> {
        if j == 0 || j <= lo {
            return None;
        }
        let k = j - 1;
        if self.in_list(k, PRONOUNS) {
            return Some(Np { start: k, end: j, kind: NpKind::Pronoun });
        }
        if self.name_word(k) || self.is_cap(k) && self.title(k) {
            let mut s = k;
            while s > lo {
                let p = s - 1;
                let joins = self.name_word(p)
                    || self.is_cap(p) && self.title(p)
                    || self.title(p) && self.is_word(p) && !self.in_list(p, DETERMINERS)
                    || (self.in_list(p, PARTICLES) && p > lo && self.is_cap(p - 1))
                    || self.is_cap(p) && self.possessive(p) && !self.stop_cap(p);
                if !joins {
                    break;
                }
                s = p;
            }
            while s < k && (self.in_list(s, PARTICLES) || !self.is_cap(s) && !self.title(s)) {
                s += 1;
            }
            // Include a leading "the" (the White House, the Kremlin).
            if s > lo && self.lw(s - 1) == "the" {
                s -= 1;
            }
            if self.possessive(k) {
                return None;
            }
            return Some(Np { start: s, end: j, kind: NpKind::Name });
        }
        if self.speaker_noun(k) && !self.is_cap(k) {
            let mut s = k;
            let mut steps = 0;
            while s > lo && steps < 5 {
                let p = s - 1;
                if self.in_list(p, DETERMINERS) || self.possessive(p) {
                    s = p;
                    break;
                }
                if !self.is_word(p) || self.verb(p).is_some() || self.in_list(p, PRONOUNS) {
                    break;
                }
                if matches!(self.lw(p), "for" | "of" | "at" | "and" | "to" | "with" | "by" | "from" | "that" | "in" | "on") {
                    break;
                }
                s = p;
                steps += 1;
            }
            // "a spokesman for the campaign": extend over a for/of phrase.
            if s >= lo + 2 && matches!(self.lw(s - 1), "for" | "of") {
                if let Some(head) = self.np_back(s - 1, lo) {
                    if head.kind != NpKind::Pronoun && self.speaker_noun(head.end - 1) {
                        return Some(Np { start: head.start, end: j, kind: NpKind::Description });
                    }
                }
            }
            return Some(Np { start: s, end: j, kind: NpKind::Description });
        }
        None
    }

    /// The noun phrase that starts at token `i`, not reaching `hi`.
    pub fn np_fwd(&self, i: usize, hi: usize) -> Option<Np> {
        if i >= hi {
            return None;
        }
        if self.in_list(i, PRONOUNS) {
            return Some(Np { start: i, end: i + 1, kind: NpKind::Pronoun });
        }
        let mut e = i;
        if self.in_list(e, DETERMINERS) || self.possessive(e) && self.is_cap(e) {
            e += 1;
        }
        let body = e;
        let mut saw_name = false;
        let mut saw_noun = false;
        while e < hi {
            if self.name_word(e) || self.is_cap(e) && self.title(e) {
                saw_name = true;
            } else if self.title(e) && !self.in_list(e, DETERMINERS) || self.speaker_noun(e) {
                saw_noun = true;
            } else if self.in_list(e, PARTICLES) && saw_name && e + 1 < hi && self.is_cap(e + 1) {
            } else if e == body && e + 1 < hi && self.is_word(e) && !self.is_cap(e) && self.verb(e).is_none()
                && (self.speaker_noun(e + 1) || self.title(e + 1))
            {
                // an adjective before a noun: "a senior official"
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
                    return Some(Np { start: i, end: tail.end, kind });
                }
            }
        }
        Some(Np { start: i, end: e, kind })
    }

    /// The name words of a mention: the capitalised words after its last title or description
    /// word (`Dmitry Peskov` in `Kremlin spokesman Dmitry Peskov`), as token indices.
    fn name_part(&self, np: Np) -> Option<(usize, usize)> {
        if np.kind != NpKind::Name {
            return None;
        }
        let mut s = np.start;
        for i in np.start..np.end {
            if !self.is_cap(i) || self.title(i) || self.possessive(i) || self.stop_cap(i) {
                s = i + 1;
            }
        }
        // Particles inside a name stay (Charles de Gaulle); leading ones go.
        while s < np.end && self.in_list(s, PARTICLES) {
            s += 1;
        }
        if s < np.end {
            return Some((s, np.end));
        }
        // All titles ("the White House" has none; "President" alone has no name).
        let caps: Vec<usize> = (np.start..np.end).filter(|&i| self.is_cap(i) && !self.stop_cap(i)).collect();
        if caps.iter().all(|&i| self.title(i)) {
            return None;
        }
        Some((caps[0], np.end))
    }

    // ----- subjects and cues ------------------------------------------------------------------

    /// The subject of the verb at `v`, looking back no further than `lo`.
    pub fn subject_of(&self, v: usize, lo: usize) -> Option<Np> {
        let mut k = v;
        let mut guard = 0;
        loop {
            guard += 1;
            if guard > 40 || k <= lo {
                break;
            }
            let p = k - 1;
            if self.in_list(p, AUX_ADVERBS) || self.lw(p).ends_with("ly") && !self.is_cap(p) {
                k = p;
                continue;
            }
            // "on Monday morning", "last week"
            if self.in_list(p, TIME_WORDS) && !self.in_list(p, &["on", "in", "at", "the"])
                || self.is_cap(p) && self.in_list(p, TIME_WORDS)
            {
                let mut q = p;
                while q > lo && self.in_list(q - 1, TIME_WORDS) {
                    q -= 1;
                }
                if q < p || self.in_list(q, &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]) {
                    k = q;
                    continue;
                }
            }
            // ", who met Putin days ago," / ", a writer for The Atlantic," / ", Alexander Grushko,"
            if self.is_punct(p, ',') {
                let mut q = p;
                let mut n = 0;
                while q > lo && n < 30 {
                    q -= 1;
                    n += 1;
                    if self.is_punct(q, ',') || self.is_punct(q, '—') {
                        break;
                    }
                }
                if !(self.is_punct(q, ',') || self.is_punct(q, '—')) || q + 1 >= p {
                    break;
                }
                let seg_start = q + 1;
                if self.in_list(seg_start, CLAUSE_STARTS) {
                    k = q;
                    continue;
                }
                if let Some(np) = self.np_back(p, seg_start) {
                    if np.kind == NpKind::Name && np.start == seg_start {
                        return Some(np);
                    }
                }
                // an apposition describing the subject: look before it
                if let Some(np) = self.np_back(q, lo) {
                    return Some(np);
                }
                k = q;
                continue;
            }
            break;
        }
        self.np_back(k, lo).filter(|np| np.end == k)
    }

    /// The subject of the clause the sentence starts with, skipping openers such as
    /// "On Sunday," "But" or "However,".
    pub fn clause_subject(&self, lo: usize, hi: usize) -> Option<Np> {
        let mut i = lo;
        // Skip a leading adverbial phrase up to its comma.
        if let Some(c) = (i..hi.min(i + 8)).find(|&c| self.is_punct(c, ',')) {
            let opener = self.in_list(i, &["on", "in", "at", "after", "before", "during", "when", "while", "since", "as", "speaking", "however", "meanwhile", "still", "instead", "earlier", "later", "last", "asked", "moreover", "separately", "additionally", "nevertheless", "but", "and", "yet", "overall", "already", "now", "then", "today", "yesterday"]);
            if opener {
                i = c + 1;
            }
        }
        while i < hi && self.in_list(i, &["but", "and", "so", "yet", "still", "also", "however", "meanwhile", "then", "now"]) {
            i += 1;
        }
        self.np_fwd(i, hi)
    }

    /// A statement whose verb is at `v`: its subject (or, for "said Trump", its inverted subject).
    fn statement_at(&self, v: usize, lo: usize, hi: usize) -> Option<Statement> {
        let verb = self.verb(v)?;
        let lw = self.lw(v);
        // "Izvestia quoted Mr. Grushko as saying"
        if verb.lemma == "quote" {
            if let Some(np) = self.np_fwd(v + 1, hi) {
                if self.lw(np.end) == "as" && self.lw(np.end + 1) == "saying" {
                    return Some(Statement { np, verb: v, cue_end: np.end + 2, stance: verb.stance });
                }
            }
        }
        let participle = lw.ends_with("ing");
        let subj = if participle {
            // "…, saying that": the clause's subject.
            self.clause_subject(lo, v)
        } else {
            self.subject_of(v, lo)
        };
        let subj = subj.or_else(|| {
            // Inverted: "said Trump", "added the senator".
            (!participle).then(|| self.np_fwd(v + 1, hi)).flatten().filter(|np| np.kind != NpKind::Pronoun || self.lw(v) == "said" || self.lw(v) == "says")
        })?;
        let cue_end = if subj.start > v { subj.end } else { v + 1 };
        let cue_end = cue_end.max(v + 1);
        Some(Statement { np: subj, verb: v, cue_end: if subj.start > v { v + 1 } else { cue_end }, stance: verb.stance })
    }

    /// "according to X" starting at `i`.
    fn according_to(&self, i: usize, hi: usize) -> Option<Statement> {
        if self.lw(i) == "according" && self.lw(i + 1) == "to" {
            let np = self.np_fwd(i + 2, hi)?;
            return Some(Statement { np, verb: i, cue_end: i + 2, stance: Stance::Hedged });
        }
        None
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

    /// Attributes the quotation whose token is `t`.
    fn attribute_one(&self, t: usize, done: &[Option<Attribution>], qtok: &[usize]) -> Attribution {
        let s = self.sentence(t);
        let (sa, sb) = self.sentence_range(s);
        // The stretch after the quotation, up to the next quotation of the sentence.
        let after_end = (t + 1..sb).find(|&i| matches!(self.toks[i].kind, Kind::Quote(_))).unwrap_or(sb);
        // The stretch before it, back to the previous quotation of the sentence.
        let prev_q = (sa..t).rev().find(|&i| matches!(self.toks[i].kind, Kind::Quote(_)));
        let before_start = prev_q.map_or(sa, |p| p + 1);
        let partial = self.is_partial(t, sa);

        let found = |st: Statement| Attribution {
            mention: Some(st.np),
            cue: Some((st.verb.min(st.np.start.max(st.verb)), st.cue_end)),
            entity: None,
            partial,
        };

        // 1. A cue right after: `"…," said Trump` / `"…," Trump said` / `"…" according to X`.
        let mut i = t + 1;
        while i < after_end && matches!(self.toks[i].kind, Kind::Punct(',' | '—' | '–' | '-' | '(')) {
            i += 1;
        }
        if i < after_end {
            if let Some(st) = self.according_to(i, after_end) {
                return found(st);
            }
            if self.verb(i).is_some_and(|v| v.class == VerbClass::Speech) {
                if let Some(np) = self.np_fwd(i + 1, after_end) {
                    return found(Statement { np, verb: i, cue_end: i + 1, stance: Stance::Neutral });
                }
            }
            if let Some(np) = self.np_fwd(i, after_end) {
                // Skip an apposition (", president of the NAACP,") and adverbs.
                let mut j = np.end;
                if self.is_punct(j, ',') {
                    if let Some(c) = (j + 1..after_end.min(j + 16)).find(|&c| self.is_punct(c, ',')) {
                        let mut k = c + 1;
                        while k < after_end && self.in_list(k, AUX_ADVERBS) {
                            k += 1;
                        }
                        if self.verb(k).is_some() {
                            j = k;
                        }
                    }
                }
                while j < after_end && (self.in_list(j, AUX_ADVERBS) || self.lw(j).ends_with("ly") && !self.is_cap(j)) {
                    j += 1;
                }
                if let Some(v) = self.verb(j) {
                    if v.lemma == "quote" {
                        if let Some(st) = self.statement_at(j, np.start, after_end) {
                            return found(st);
                        }
                    }
                    return found(Statement { np, verb: j, cue_end: j + 1, stance: v.stance });
                }
            }
        }

        // 2. A cue before it in the sentence, nearest first.
        for v in (before_start..t).rev() {
            if let Some(st) = self.according_to(v, t) {
                return found(st);
            }
            if self.verb(v).is_some() {
                let lo = sa;
                if let Some(st) = self.statement_at(v, lo, t) {
                    if st.np.end <= t {
                        return found(st);
                    }
                }
            }
        }
        // 2b. The cue may sit before an earlier quotation of the sentence ("A" and "B").
        if let Some(p) = prev_q {
            if let Some(k) = qtok.iter().position(|&x| x == p) {
                if let Some(Some(a)) = done.get(k) {
                    if a.mention.is_some() {
                        return Attribution { partial, ..*a };
                    }
                }
            }
        }
        // 2c. A colon introduction without a verb, or a sentence subject for quoted words
        // inside the reporter's sentence.
        if t > before_start && (self.is_punct(t - 1, ':') || partial) {
            if let Some(np) = self.clause_subject(sa, t) {
                if np.kind != NpKind::Description || self.speaker_noun(np.end - 1) {
                    let has_cue = (np.end..t).any(|v| self.verb(v).is_some());
                    if has_cue || self.is_punct(t - 1, ':') {
                        return Attribution { mention: Some(np), cue: None, entity: None, partial };
                    }
                }
            }
        }

        // 3. The quotation stands alone: the previous sentence of the paragraph, then the
        // previous paragraph, carries its speaker.
        let alone = t == sa || (sa..t).all(|i| !self.is_word(i));
        if alone {
            if let Some(a) = self.previous_speaker(t, sa, done, qtok) {
                return Attribution { partial, ..a };
            }
        }
        Attribution { partial, ..Attribution::default() }
    }

    /// The speaker of the sentences just before token `t` (sentence start `sa`), in the same
    /// paragraph or at the end of the previous one.
    fn previous_speaker(&self, t: usize, sa: usize, done: &[Option<Attribution>], qtok: &[usize]) -> Option<Attribution> {
        let mut i = sa;
        let mut crossed_paragraph = false;
        let mut sentences = 0;
        while i > 0 && sentences < 3 {
            let p = i - 1;
            if self.is_punct(p, '\n') {
                if crossed_paragraph {
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
                    if let Some(qi) = qtok.iter().position(|&x| x == k) {
                        if let Some(Some(att)) = done.get(qi) {
                            if att.mention.is_some() {
                                return Some(*att);
                            }
                        }
                    }
                    if crossed_paragraph {
                        return None;
                    }
                }
            }
            // A reporting verb with a subject ("…, Grushko stated." / "He said:").
            for v in (a..b).rev() {
                if self.verb(v).is_some_and(|v| v.class == VerbClass::Speech) {
                    if let Some(st) = self.statement_at(v, a, b) {
                        return Some(Attribution { mention: Some(st.np), cue: Some((st.verb, st.cue_end)), entity: None, partial: false });
                    }
                }
            }
            if crossed_paragraph {
                return None;
            }
            i = a;
            let _ = t;
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
                || self.verb(p).is_some_and(|v| v.class == VerbClass::Speech)
                || self.lw(p) == "that" && false;
            if !introduced && self.is_word(p) {
                return true;
            }
        }
        false
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
        let mut reg = Registry::default();
        // Every name in the text, in order, so that surnames, titles and pronouns can resolve.
        let mut i = 0;
        let mut names: Vec<(Np, usize)> = Vec::new(); // (mention, entity)
        while i < self.toks.len() {
            if self.name_word(i) || self.is_cap(i) && self.title(i) && self.name_word(i + 1) {
                let s = self.sentence(i);
                let (_, b) = self.sentence_range(s);
                let lo = if i > 0 && self.lw(i - 1) == "the" { i - 1 } else { i };
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
        let words: Vec<String> = (a..b)
            .map(|i| {
                let w = self.lw(i);
                w.trim_end_matches("’s").trim_end_matches("'s").to_string()
            })
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() || words.len() > 5 {
            return None;
        }
        let name_text = self.span(a, b).as_str(self.text).trim_end_matches("’s").trim_end_matches("'s");
        let descriptors: Vec<String> =
            (np.start..a).map(|i| self.lw(i).to_string()).filter(|w| !w.is_empty() && w != "the").collect();
        let last = self.lw(b - 1);
        let organisation = self.lex.org_heads.contains(last)
            || (np.start < a && self.lw(np.start) == "the" && !descriptors.iter().any(|d| self.lex.titles.contains(d.as_str())));
        let male = descriptors.iter().find_map(|d| match d.as_str() {
            "mr." | "mr" => Some(true),
            "mrs." | "mrs" | "ms." | "ms" | "miss" => Some(false),
            _ => None,
        });
        let mut descriptors = descriptors;
        descriptors.extend(self.appositions(np));
        let e = reg.find_or_add(words, name_text, organisation);
        let ent = &mut reg.entities[e];
        ent.descriptors.extend(descriptors);
        if ent.male.is_none() {
            ent.male = male;
        }
        ent.mentions.push(self.span(np.start, np.end));
        Some(e)
    }

    /// Words of an apposition next to a name: "Steve Witkoff, the US Special Envoy," or
    /// "Trump's envoy for the conflict, Steve Witkoff,".
    fn appositions(&self, np: Np) -> Vec<String> {
        let mut out = Vec::new();
        if self.is_punct(np.end, ',') && self.in_list(np.end + 1, DETERMINERS) {
            let mut i = np.end + 1;
            while i < self.toks.len() && i < np.end + 12 && self.is_word(i) {
                out.push(self.lw(i).to_string());
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
                seg.push(self.lw(i).to_string());
            }
            if seg.iter().any(|w| self.lex.speaker_nouns.contains(w.as_str())) {
                out.extend(seg);
            }
        }
        out
    }

    /// The entity a mention refers to.
    fn resolve_np(&self, reg: &mut Registry, np: Np, names: &[(Np, usize)], subjects: &[(usize, usize)]) -> Option<usize> {
        match np.kind {
            NpKind::Name => {
                if let Some(&(_, e)) = names.iter().find(|(n, _)| n.start <= np.start && np.end <= n.end || np.start <= n.start && n.end <= np.end && n.end == np.end) {
                    return Some(e);
                }
                self.register_name(reg, np)
            }
            NpKind::Pronoun => {
                let p = self.lw(np.start);
                let want_male = match p {
                    "he" => Some(true),
                    "she" => Some(false),
                    _ => None,
                };
                let org = p == "it";
                let person = p == "he" || p == "she";
                if !(org || person) {
                    return None;
                }
                let start = self.toks[np.start].span.start;
                let ok = |e: usize| {
                    let ent = &reg.entities[e];
                    if org {
                        return ent.organisation;
                    }
                    !ent.organisation && (want_male.is_none() || ent.male.is_none() || ent.male == want_male)
                };
                // The nearest earlier statement subject within a few paragraphs, else the
                // nearest earlier person.
                let near = |tok: usize| self.toks[tok].span.start + 3000 >= start;
                let by_subject = subjects.iter().rev().find(|&&(tok, e)| tok < np.start && near(tok) && ok(e)).map(|&(_, e)| e);
                let by_name = names.iter().rev().find(|(n, e)| n.start < np.start && near(n.start) && ok(*e) && reg.entities[*e].key.len() >= 1).map(|&(_, e)| e);
                let e = match (by_subject, by_name) {
                    (Some(s), Some(n)) => {
                        // Prefer the subject unless a person was named since, in the same sentence.
                        let s_tok = subjects.iter().rev().find(|&&(tok, e)| tok < np.start && e == s).map(|x| x.0).unwrap_or(0);
                        let n_tok = names.iter().rev().find(|(m, e)| m.start < np.start && *e == n).map(|x| x.0.start).unwrap_or(0);
                        Some(if n_tok > s_tok && self.sentence(n_tok) == self.sentence(np.start) && reg.entities[n].speaks { n } else { s })
                    }
                    (a, b) => a.or(b),
                }?;
                if let Some(m) = want_male {
                    if reg.entities[e].male.is_none() {
                        reg.entities[e].male = Some(m);
                    }
                }
                Some(e)
            }
            NpKind::Description => {
                let head = self.lw(np.end - 1).to_string();
                let mods: Vec<String> = (np.start..np.end - 1)
                    .map(|i| self.lw(i).to_string())
                    .filter(|w| !DETERMINERS.contains(&w.as_str()) && !w.is_empty())
                    .collect();
                let head_ok = |d: &[String]| {
                    d.iter().any(|x| *x == head)
                        || LEADER_WORDS.contains(&head.as_str()) && d.iter().any(|x| LEADER_WORDS.contains(&x.as_str()))
                };
                let start = np.start;
                let best = names
                    .iter()
                    .rev()
                    .filter(|(n, _)| n.start < start)
                    .map(|&(_, e)| e)
                    .find(|&e| {
                        let d = &reg.entities[e].descriptors;
                        head_ok(d) && mods.iter().all(|m| d.iter().any(|x| x == m || x.starts_with(m.as_str()) || m.starts_with(x.as_str()) && x.len() >= 4))
                    });
                if best.is_some() {
                    return best;
                }
                // Unresolved descriptions are speakers of their own ("a spokesman for the campaign").
                let text = self.span(np.start, np.end).as_str(self.text);
                let words = vec![format!("#desc {}", text.to_lowercase())];
                let org = self.lex.org_heads.contains(head.as_str());
                Some(reg.find_or_add(words, text, org))
            }
        }
    }
}

/// Entities keyed by their name words.
#[derive(Default)]
struct Registry {
    entities: Vec<Entity>,
    by_key: HashMap<Vec<String>, usize>,
}

impl Registry {
    /// The entity a name belongs to: the same words, a surname of a fuller name ("Trump" of
    /// "Donald Trump"), or a fuller form of a known shorter one (which then becomes canonical).
    fn find_or_add(&mut self, words: Vec<String>, text: &str, organisation: bool) -> usize {
        if let Some(&e) = self.by_key.get(&words) {
            return e;
        }
        let last = words.last().cloned().unwrap_or_default();
        // A fuller or shorter form of a known person: same last word, and one's words contain
        // the other's.
        let matching = self.entities.iter().enumerate().rev().find(|(_, e)| {
            !e.key.is_empty()
                && !e.key[0].starts_with('#')
                && e.organisation == organisation
                && (e.key.last() == Some(&last) && (words.iter().all(|w| e.key.contains(w)) || e.key.iter().all(|w| words.contains(w))))
        });
        if let Some((e, _)) = matching {
            let ent = &mut self.entities[e];
            if words.len() > ent.key.len() {
                ent.key = words.clone();
                ent.name = text.to_string();
            }
            self.by_key.insert(words, e);
            return e;
        }
        let e = self.entities.len();
        self.entities.push(Entity {
            name: text.to_string(),
            key: words.clone(),
            mentions: Vec::new(),
            organisation,
            descriptors: Vec::new(),
            male: None,
            speaks: false,
        });
        self.by_key.insert(words, e);
        e
    }

    fn add_mention(&mut self, e: usize, span: Span) {
        let m = &mut self.entities[e].mentions;
        if !m.contains(&span) {
            m.push(span);
        }
    }
}
