//! Noun phrases that can name a speaker: names with their titles, pronouns, descriptions.

use crate::lexicon::{flag, VerbClass};

use crate::tokens::Kind;

use super::*;

impl<'a> Ctx<'a> {
    /// True when `of` at `i` follows a person's name ("Ana Ruiz of the Tribune", "Sen. Ed
    /// Hale of Ohio"): the `of` phrase says where the person is from, it is not part of the name.
    pub(crate) fn person_of(&self, i: usize) -> bool {
        if self.lw(i) != "of" {
            return false;
        }
        let mut s = i;
        while s > 0 && self.is_cap(s - 1) && !self.title(s - 1) && i - s < 4 {
            s -= 1;
        }
        // Two capitalised words or more ("Ana Ruiz of"), the last no organisation's head
        // ("Federal Reserve Bank of" is a name) and the first no title.
        s < i
            && (i - s >= 2 && !self.org_head(i - 1)
                || self.lex.first_names.contains_key(self.lw(s)))
    }

    /// A name-like capitalised word (not a sentence-opening function word).
    pub(crate) fn name_word(&self, i: usize) -> bool {
        if !self.is_cap(i) || self.stop_cap(i) || self.verb_like_cap(i) || self.lw(i) == "i" {
            return false;
        }
        let w = self.w(i);
        // "Having a rough-and-tumble media …": a gerund opening a sentence.
        let first = i == 0 || self.toks[i - 1].sentence != self.toks[i].sentence;
        if first && w.ends_with("ing") && self.is_word(i + 1) && !self.is_cap(i + 1) {
            return false;
        }
        // "Previously, …", "Critics said", "Four states": a lone capitalised sentence opener
        // that the text also writes in lower case is a common word.
        let opener = first
            || i > 0
                && matches!(
                    self.toks[i - 1].kind,
                    Kind::Punct('\n' | '“' | '"' | '(' | '—')
                );
        if opener && !self.is_cap(i + 1) && self.written_lower(i) {
            return false;
        }
        // "Previously, …": an adverb opening the sentence.
        if opener && w.ends_with("ly") && self.is_punct(i + 1, ',') {
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
    pub(crate) fn verb_like_cap(&self, i: usize) -> bool {
        self.info
            .get(i)
            .and_then(|x| self.lex.verb_of(x.0))
            .is_some_and(|v| v.class == VerbClass::Speech)
            && !self.title(i)
    }

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
                    || (self.has(p, flag::PARTICLE)
                        && p > lo
                        && self.is_cap(p - 1)
                        && !self.person_of(p))
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
            } else if self.has(e, flag::PARTICLE)
                && saw_name
                && e + 1 < hi
                && self.is_cap(e + 1)
                && !self.person_of(e)
            {
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
    pub(crate) fn name_part(&self, np: Np) -> Option<(usize, usize)> {
        if np.kind != NpKind::Name {
            return None;
        }
        // Organisations keep their capitalised words ("Russian Defense Ministry"); people lose
        // their titles ("Kremlin spokesman Dmitry Peskov" is Dmitry Peskov).
        let org = self.org_head(np.end - 1);
        let mut s = np.start;
        for i in np.start..np.end {
            let inner_particle = self.has(i, flag::PARTICLE)
                && i > np.start
                && i + 1 < np.end
                && self.is_cap(i - 1)
                && self.is_cap(i + 1);
            if !inner_particle
                && (!self.is_cap(i)
                    || self.possessive(i) && i + 1 < np.end
                    || self.stop_cap(i)
                    || !org && self.title(i))
            {
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
    pub(crate) fn title_case_sentence(&self, s: usize) -> bool {
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

    /// A generic description ending just before `j`: a determiner or possessive, up to three
    /// words, and a lower-case noun ("The clip", "the ad’s narrator", "The New York businessman").
    /// Only used right before a reporting verb or a colon, where it is the speaker.
    pub(crate) fn generic_np_back(&self, j: usize, lo: usize) -> Option<Np> {
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

    /// A determiner or possessive and up to three more words ending the stretch `i..hi`
    /// ("the party’s bylaws" in "per the party’s bylaws").
    pub(crate) fn generic_np_fwd_any(&self, i: usize, hi: usize) -> Option<Np> {
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
    pub(crate) fn generic_np_fwd(&self, i: usize, hi: usize) -> Option<Np> {
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

    /// A sentence-opening "The piece used …": a determiner, one to three lower-case words and
    /// a word that reads as a past or present verb.
    pub(crate) fn generic_subject(&self, i: usize, hi: usize) -> Option<Np> {
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
}
