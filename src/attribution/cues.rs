//! Reporting cues: the subject of a reporting verb, `according to X`, a cue after a quotation.

use crate::lexicon::{flag, VerbClass};
use crate::tokens::Kind;

use super::*;

impl<'a> Ctx<'a> {
    /// Skips adverbs, auxiliaries and time phrases ("also", "has", "on Monday morning") that
    /// end just before `k`; returns where they start.
    pub(crate) fn skip_back_adverbials(&self, mut k: usize, lo: usize) -> usize {
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
            // "a report released last year found": a reduced relative after its noun.
            if self.in_list(p, PUBLISHED) && p > lo && self.is_word(p - 1) && !self.is_cap(p) {
                k = p;
                continue;
            }
            break;
        }
        k
    }

    /// The subject of the verb at `v`, looking back no further than `lo`.
    pub fn subject_of(&self, v: usize, lo: usize) -> Option<Np> {
        let mut k = v;
        // True once the search stepped back over a comma: a generic description found there
        // ("his eight-year term, walked …, promised") is not the subject.
        let mut walked = false;
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
                    walked = true;
                    continue;
                }
                if self.has(seg_start, flag::CLAUSE_START) {
                    k = q;
                    walked = true;
                    continue;
                }
                if let Some(np) = self.np_back(p, seg_start) {
                    if np.kind == NpKind::Name && np.start == seg_start {
                        return Some(np);
                    }
                }
                // An apposition describing the subject: the subject stands before it. A
                // description before a name is described by it: "Another senator, Sen. Ana
                // Ruiz of Ohio, said" is Ana Ruiz.
                let before = self.skip_back_adverbials(q, lo);
                if let Some(np) = self.np_back(before, lo) {
                    let described =
                        np.kind == NpKind::Description || self.has(np.start, flag::DETERMINER);
                    let named_segment =
                        self.is_cap(seg_start) && !self.has(seg_start, flag::DETERMINER);
                    if described && np.end == q && named_segment {
                        if let Some(n) = self
                            .np_fwd(seg_start, p)
                            .filter(|n| n.kind == NpKind::Name && self.name_part(*n).is_some())
                        {
                            return Some(n);
                        }
                    }
                    // "Ana Ruiz of Ohio, the party's leader, said": the person, not the home
                    // state.
                    if np.start > lo + 1 && self.person_of(np.start - 1) {
                        if let Some(person) = self.np_back(np.start - 1, lo) {
                            return Some(person);
                        }
                    }
                    // A chain of appositions ("Ana Ruiz, the head of the union, a trade group,
                    // said"): the person named first.
                    let person = np.kind == NpKind::Name
                        && self.name_part(np).is_some()
                        && !self.org_head(np.end - 1)
                        && !self.has(np.start, flag::DETERMINER);
                    if !person {
                        let q2 = (lo..np.start).rev().take(25).find(|&c| self.is_delim(c));
                        if let Some(q2) = q2.filter(|&c| self.has(c + 1, flag::DETERMINER)) {
                            let first =
                                self.np_back(self.skip_back_adverbials(q2, lo), lo)
                                    .filter(|n| {
                                        n.kind == NpKind::Name
                                            && self.name_part(*n).is_some()
                                            && !self.org_head(n.end - 1)
                                    });
                            if let Some(first) = first {
                                return Some(first);
                            }
                        }
                    }
                    return Some(np);
                }
                k = q;
                walked = true;
                continue;
            }
            break;
        }
        // "Ana Ruiz of the Tribune said": the person, not the paper.
        if let Some(np) = self.np_back(k, lo).filter(|np| np.end == k) {
            if np.start > lo + 1 && self.person_of(np.start - 1) {
                if let Some(person) = self.np_back(np.start - 1, lo) {
                    return Some(person);
                }
            }
        }
        self.np_back(k, lo)
            .filter(|np| np.end == k)
            .or_else(|| (!walked).then(|| self.generic_np_back(k, lo)).flatten())
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
                if let Some(np) = self.clause_subject(lo, v) {
                    return stmt(np, v + 1);
                }
                // "After saying …, she left": an opening participle clause takes the subject of
                // the main clause after it (past its comma or the quotation it ends with).
                let opens = v == lo
                    || v == lo + 1
                        && self.in_list(lo, &["after", "before", "while", "since", "when"]);
                if opens {
                    let end = (v + 1..hi.min(v + 40)).find(|&c| {
                        self.is_punct(c, ',')
                            || matches!(self.toks[c].kind, Kind::Quote(_))
                                && self.toks[c]
                                    .span
                                    .as_str(self.text)
                                    .trim_end_matches(|ch: char| "\"”’'".contains(ch))
                                    .ends_with(',')
                    })?;
                    return self
                        .np_fwd(end + 1, hi)
                        .filter(|n| n.kind != NpKind::Description)
                        .and_then(|np| stmt(np, v + 1));
                }
                return None;
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
        if let Some(np) = self.subject_of(v, lo) {
            return stmt(np, v + 1);
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
                return stmt(self.named_in_apposition(np, hi), v + 1);
            }
        }
        None
    }

    /// "according to X" starting at `i`.
    pub(crate) fn according_to(&self, i: usize, hi: usize) -> Option<Statement> {
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
    pub(crate) fn cue_at(&self, mut i: usize, hi: usize) -> Option<Statement> {
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
                        np: self.named_in_apposition(np, hi),
                        verb: i,
                        cue_end: i + 1,
                    });
                }
            }
            return None;
        }
        let np = self.np_fwd(i, hi).or_else(|| self.generic_np_fwd(i, hi))?;
        let mut j = np.end;
        // Two names joined by `and` ("Mayor Ana Ruiz and Councillor Tom Lee said"): the first
        // speaks for both.
        if np.kind == NpKind::Name && self.lw(j) == "and" {
            if let Some(second) = self.np_fwd(j + 1, hi).filter(|n| n.kind == NpKind::Name) {
                if self.verb(self.skip_adverbs(second.end, hi)).is_some() {
                    j = second.end;
                }
            }
        }
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
            np: self.named_in_apposition(np, hi),
            verb: j,
            cue_end: j + 1,
        })
    }

    /// A description followed by the name it describes ("the committee's chairman,
    /// Representative Jo Hale, said"; "said the spokesman, Ana Ruiz."): the name.
    pub(crate) fn named_in_apposition(&self, np: Np, hi: usize) -> Np {
        if np.kind != NpKind::Description || !self.is_punct(np.end, ',') {
            return np;
        }
        match self.np_fwd(np.end + 1, hi) {
            Some(n)
                if n.kind == NpKind::Name
                    && self.name_part(n).is_some()
                    && (n.end >= hi
                        || matches!(
                            self.toks[n.end].kind,
                            Kind::Punct(',' | '.' | '(' | '\n')
                        )) =>
            {
                n
            }
            _ => np,
        }
    }

    pub(crate) fn skip_adverbs(&self, mut j: usize, hi: usize) -> usize {
        while j < hi
            && (self.has(j, flag::AUX_ADVERB) || self.lw(j).ends_with("ly") && !self.is_cap(j))
        {
            j += 1;
        }
        j
    }

    /// The subject of the last clause before `hi` (back to `lo`): a pronoun or a name right
    /// before a lower-case word, as in "… that I had to change my answer:" or "I laughed and".
    pub(crate) fn nearest_subject(&self, lo: usize, hi: usize) -> Option<Np> {
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
}
