//! The attribution rules: for each quotation, the cue and mention that give its speaker.

use crate::lexicon::{flag, VerbClass};
use crate::model::AttributionRule;
use crate::tokens::Kind;

use super::*;

impl<'a> Ctx<'a> {
    /// Attributes the quotation whose token is `t`.
    pub(crate) fn attribute_one(
        &self,
        t: usize,
        done: &[Option<Attribution>],
        qtok: &[usize],
    ) -> Attribution {
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
        let found = |st: Statement, rule: AttributionRule| Attribution {
            mention: Some(st.np),
            cue: Some((st.verb, st.cue_end)),
            partial,
            rule: Some(rule),
            ..Attribution::default()
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
        // Quoted words that end their sentence inside the reporter's own ("South Korea accused
        // him of "fanatic recklessness." Its president said …") take the verb before them; the
        // cue after them belongs to the next sentence.
        let ends_own_sentence = partial
            && inner_end.ends_with(['.', '?', '!'])
            && (before_start..t).any(|v| {
                self.verb(v).is_some()
                    && self.statement_at(v, sa, t).is_some_and(|st| st.np.end <= t)
            });
        if (punct_end || comma_after) && !ends_own_sentence {
            if let Some(st) = self.cue_at(i, after_end) {
                return Attribution {
                    direct: true,
                    ..found(st, AttributionRule::CueAfter)
                };
            }
        }

        // 1b. The quotation is what a named person's view or statement holds: "agrees with
        // Lee's view that the plan is "…"" (no other reporting verb after the `that`).
        for k in before_start..t {
            if !VIEW_NOUNS.contains(&self.lw(k)) || self.lw(k + 1) != "that" || k == 0 {
                continue;
            }
            // "Lee's view", "Reyes' view" (the apostrophe may stand alone).
            let mut p = k;
            if p > before_start && matches!(self.toks[p - 1].kind, Kind::Punct('\'' | '’')) {
                p -= 1;
            }
            let owner = self
                .np_back(p, sa)
                .filter(|n| n.kind == NpKind::Name && (p < k || self.possessive(n.end - 1)))
                .or_else(|| {
                    // "Calder's" ends the name it belongs to.
                    let last = p - 1;
                    (p == k && self.is_cap(last) && self.possessive(last)).then(|| {
                        let mut start = last;
                        while start > sa && self.name_word(start - 1) {
                            start -= 1;
                        }
                        Np {
                            start,
                            end: p,
                            kind: NpKind::Name,
                        }
                    })
                });
            let verb_between = (k + 2..t).any(|v| self.verb(v).is_some());
            if let (Some(np), false) = (owner, verb_between) {
                return Attribution {
                    mention: Some(np),
                    cue: Some((k, k + 1)),
                    partial,
                    rule: Some(AttributionRule::ViewOf),
                    ..Attribution::default()
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
        // A reporting verb right before the quotation, with only small words between ("as Ann
        // went on about "…"", "Ann told them "…""), introduces it, whatever the main clause.
        let near_from = t.saturating_sub(4).max(before_start);
        for v in (near_from..t).rev() {
            let small = (v + 1..t).all(|k| {
                self.in_list(
                    k,
                    &[
                        "about", "on", "that", "of", "as", "it", "them", "him", "her", "us", "me",
                        "to", "with", "out",
                    ],
                )
            });
            if !small {
                continue;
            }
            if let Some(class) = self.verb(v).map(|x| x.class) {
                // (Not a participle after a description: "the native nicknamed "…"".)
                let st = self.statement_at(v, sa, t).filter(|st| {
                    st.np.end <= t
                        && (class == VerbClass::Speech || st.np.kind != NpKind::Description)
                });
                if let Some(st) = st {
                    return found(
                        st,
                        if class == VerbClass::Speech {
                            AttributionRule::SpeechVerbBefore
                        } else {
                            AttributionRule::FrameVerbBefore
                        },
                    );
                }
            }
        }
        for v in order {
            if let Some(st) = self.according_to(v, t) {
                return found(st, AttributionRule::AccordingTo);
            }
            if self.verb(v).is_some_and(|x| x.class == VerbClass::Speech) {
                // "After saying "…," she left": the subject comes after the quotation.
                let opening = self.lw(v).ends_with("ing") && (v == sa || v == sa + 1);
                let st = if opening {
                    self.statement_at(v, sa, sb)
                } else {
                    self.statement_at(v, sa, t).filter(|st| st.np.end <= t)
                };
                if let Some(st) = st {
                    return found(st, AttributionRule::SpeechVerbBefore);
                }
            }
        }
        for v in (before_start..t).rev() {
            if self.verb(v).is_some_and(|x| x.class == VerbClass::Frame) {
                if let Some(st) = self.statement_at(v, sa, t).filter(|st| st.np.end <= t) {
                    return found(st, AttributionRule::FrameVerbBefore);
                }
            }
        }
        // 2b. The cue may sit before an earlier quotation of the sentence ("A" and "B").
        if let Some(p) = prev_q {
            if let Ok(k) = qtok.binary_search(&p) {
                if let Some(Some(a)) = done.get(k) {
                    if a.mention.is_some() {
                        return Attribution {
                            partial,
                            rule: Some(AttributionRule::EarlierQuoteInSentence),
                            ..*a
                        };
                    }
                }
            }
        }
        // 2c. A cue later in the sentence, after a comma: `"…" for criminal behavior, she said`.
        for c in t + 1..after_end {
            if self.is_punct(c, ',') {
                if let Some(st) = self.cue_at(c + 1, after_end) {
                    return found(st, AttributionRule::CueLaterInSentence);
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
                        partial,
                        rule: Some(if colon {
                            AttributionRule::ColonIntroduction
                        } else {
                            AttributionRule::SentenceSubject
                        }),
                        ..Attribution::default()
                    };
                }
            }
        }

        // 3. The quotation stands alone: the previous sentence of the paragraph, then the
        // previous paragraph, carries its speaker.
        // An attribution slot after it (a comma or dash, then words) holding no cue the rules
        // understand ("…", dijo el alcalde) leaves it unattributed: no speaker is better than a
        // wrong one.
        let slot = matches!(
            self.toks.get(t + 1).map(|x| x.kind),
            Some(Kind::Punct(',' | '—' | '–'))
        ) && self.is_word(t + 2)
            && t + 2 < after_end;
        let alone = (sa..t).all(|i| !self.is_word(i)) && !slot;
        if alone {
            if let Some(a) = self.previous_speaker(sa, done, qtok) {
                return Attribution {
                    partial,
                    rule: Some(AttributionRule::PreviousSentence),
                    ..a
                };
            }
        }
        Attribution {
            partial,
            ..Attribution::default()
        }
    }

    /// The speaker of the sentences just before sentence start `sa`, in the same paragraph or
    /// at the end of the previous one.
    pub(crate) fn previous_speaker(
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
                            ..Attribution::default()
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
                        ..Attribution::default()
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
    pub(crate) fn is_partial(&self, t: usize, sa: usize) -> bool {
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

    /// True when the quotation at `t` is the name of a show, a video or a document that the
    /// sentence only mentions, whatever follows it: a programme after `on` or `with` ("said on
    /// Channel Nine's "Morning Brief."", "an interview with "City Talk""), or a name after a
    /// naming participle ("a video called "Behind the Door"", "a plan dubbed "Fair Share"").
    pub fn is_named_thing(&self, t: usize) -> bool {
        if t < 2 {
            return false;
        }
        // "a video called "…"": the participle follows a noun, not a speaker and an object.
        let participle = self.in_list(t - 1, &["called", "titled", "entitled", "named", "dubbed"])
            && self.is_word(t - 2)
            && !self.is_cap(t - 2)
            && !self.has(t - 2, flag::PRONOUN)
            && self.verb(t - 2).is_none();
        if participle {
            return true;
        }
        let inner = self.toks[t].span.as_str(self.text);
        let words: Vec<&str> = inner.split_whitespace().collect();
        if words.is_empty() || words.len() > 8 || !self.title_cased(&words) {
            return false;
        }
        // A programme: `on` or `with` just before, past an outlet's name ("on Fox News'").
        let mut k = t;
        for _ in 0..4 {
            if k == 0 {
                return false;
            }
            k -= 1;
            if self.in_list(k, &["on", "with"]) {
                return true;
            }
            if !(self.is_cap(k) || self.is_punct(k, '’') || self.is_punct(k, '\'')) {
                return false;
            }
        }
        false
    }

    /// True when the quotation at `t` is a term the sentence talks about rather than words
    /// someone said: after `the word`, `the term`, `the phrase` ("refused to say the words
    /// "open borders""); after `as` with no framing verb before it ("file together as
    /// "married filing jointly""); after a number ("at least 30 "emergency orders""); or a
    /// short quotation between a determiner and a noun it modifies ("a "place of birth" rule").
    pub fn is_term(&self, t: usize) -> bool {
        if t == 0 {
            return false;
        }
        let inner = self.toks[t].span.as_str(self.text);
        let words = inner.split_whitespace().count();
        if words == 0 || words > 5 {
            return false;
        }
        let p = t - 1;
        if self.in_list(
            p,
            &[
                "word",
                "words",
                "term",
                "terms",
                "phrase",
                "phrases",
                "label",
                "slogan",
                "expression",
                "name",
            ],
        ) && p > 0
            && self.in_list(p - 1, &["the", "a", "this", "that", "those", "these"])
        {
            return true;
        }
        if self.lw(p) == "as" {
            let lo = p.saturating_sub(5);
            let framed = (lo..p).any(|i| self.verb(i).is_some());
            return !framed;
        }
        if self.lw(p).starts_with(|c: char| c.is_ascii_digit()) && self.lw(p).len() <= 6 {
            return true;
        }
        // "a "place of birth" rule": the quotation modifies the noun after it.
        let det_before = self.in_list(p, &["a", "an", "the", "its", "their", "his", "her"]);
        let noun_after = self.is_word(t + 1)
            && !self.is_cap(t + 1)
            && self.verb(t + 1).is_none()
            && !self.has(t + 1, flag::STOP_CAP | flag::AUX_ADVERB | flag::PRONOUN)
            && !self.lw(t + 1).ends_with("ly");
        det_before && noun_after && words <= 4
    }

    /// True when the quotation at `t` follows `the word`, `the term`, `the phrase`: a term
    /// named as such, even inside reported speech.
    pub fn is_word_term(&self, t: usize) -> bool {
        t > 0
            && self.in_list(
                t - 1,
                &[
                    "word",
                    "words",
                    "term",
                    "terms",
                    "phrase",
                    "phrases",
                    "label",
                    "slogan",
                    "name",
                    "nickname",
                    "headline",
                    "title",
                    "so-called",
                    "dubbed",
                    "nicknamed",
                    "titled",
                    "entitled",
                    "named",
                    "called",
                    "as",
                    "known",
                ],
            )
    }

    /// True when the term at `t` is one a party can be reported as saying: a quoted modifier
    /// (`a "transcribed" interview`, `a "normal" part of life`), not a number's noun (`30
    /// "emergency orders"`), not after `as`, and not the name of a rule or a programme (`a
    /// "place of birth" rule`, `a "zero tolerance" policy`).
    pub fn is_sayable_term(&self, t: usize) -> bool {
        if t == 0 || self.is_word_term(t) {
            return false;
        }
        let p = t - 1;
        if self.lw(p).starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        !self.in_list(
            t + 1,
            &[
                "standard",
                "standards",
                "rule",
                "rules",
                "policy",
                "policies",
                "program",
                "programs",
                "programme",
                "law",
                "laws",
                "provision",
                "test",
                "doctrine",
                "clause",
                "strategy",
                "label",
                "category",
                "status",
                "designation",
                "exemption",
                "penalty",
                "loophole",
                "requirement",
                "system",
                "bill",
                "act",
                "option",
                "campaign",
                "initiative",
                "plan",
            ],
        )
    }

    /// Every word capitalised but short function words: a title ("Meet the Press").
    fn title_cased(&self, words: &[&str]) -> bool {
        let minor = [
            "a", "an", "the", "of", "and", "in", "on", "for", "to", "with", "at", "by", "or",
        ];
        words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || minor.contains(&w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
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
        let titled = self.title_cased(&words);
        // A title does not end a sentence inside its marks ("Peace Through Strength." is a
        // slogan someone proclaimed).
        let ends_sentence = inner
            .trim_end_matches(|c: char| c.is_whitespace() || "\"“”'’`»„«".contains(c))
            .ends_with(['.', '?', '!']);
        if !titled || ends_sentence {
            return false;
        }
        // Words shouted or said right after the verb ("shouting "God Is Great"") are speech.
        let p = if t >= 2 && matches!(self.toks[t - 1].kind, Kind::Punct(',' | ':')) {
            t - 2
        } else {
            t.saturating_sub(1)
        };
        if self.verb(p).is_some_and(|v| v.class == VerbClass::Speech) {
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
}

/// Nouns whose `that` clause gives someone's words or view ("Lee's view that …").
const VIEW_NOUNS: &[&str] = &[
    "view",
    "opinion",
    "statement",
    "assertion",
    "argument",
    "contention",
    "assessment",
    "position",
    "belief",
];
