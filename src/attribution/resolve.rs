//! Entities: mentions grouped into people and organisations, and each attribution's mention
//! resolved to one.

use crate::lexicon::{flag, VerbClass};

use super::*;
use rustc_hash::FxHashMap as HashMap;

impl<'a> Ctx<'a> {
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
                // A person or body named or described as the subject of a verb of speech ("Ann
                // Price said on Monday that ...", "the board said") is a source even without a
                // quotation; "a poll showed" or "officers along the border said" is not listed.
                if (st.np.kind == NpKind::Name
                    || st.np.kind == NpKind::Description && self.speaker_noun(st.np.end - 1))
                    && self
                        .verb(st.verb)
                        .is_some_and(|v| v.class == VerbClass::Speech)
                    && !self.after_modal(st.verb)
                {
                    reg.entities[e].quoted = true;
                }
                reg.add_mention(e, self.span(st.np.start, st.np.end));
                subject_at.push((st.np.start, e));
            }
        }
        for a in atts.iter_mut() {
            if let Some(np) = a.mention {
                a.entity = self.resolve_np(&mut reg, np, &names, &subject_at);
                // A claim's holder (an attribution without a rule) described by a noun that
                // names no source ("that money has been described as", "other dramatic
                // claims") is no speaker.
                let source = a.rule.is_some()
                    || np.kind == NpKind::Pronoun
                    || np.kind == NpKind::Name && self.is_cap(np.end - 1)
                    || self.speaker_noun(np.end - 1)
                    || self.org_head(np.end - 1);
                if let Some(e) = a.entity.filter(|_| source) {
                    a.resolution = Some(self.resolution_of(np, &reg.entities[e]));
                    reg.entities[e].speaks = true;
                    reg.entities[e].quoted = true;
                    reg.add_mention(e, self.span(np.start, np.end));
                }
            }
        }
        reg.entities
    }

    /// Which kind of resolution tied `np` to `ent`.
    fn resolution_of(&self, np: Np, ent: &Entity) -> Resolution {
        if ent.key == "#author" {
            Resolution::Author
        } else if ent.key.starts_with("#desc") {
            Resolution::OwnDescription
        } else {
            match np.kind {
                NpKind::Name if self.name_part(np).is_some() => Resolution::Name,
                NpKind::Pronoun => Resolution::Pronoun,
                _ => Resolution::Description,
            }
        }
    }

    fn register_name(&self, reg: &mut Registry, np: Np) -> Option<usize> {
        let (a, b) = self.name_part(np)?;
        let name_text = strip_possessive(self.span(a, b).as_str(self.text));
        let organisation = self.org_head(b - 1)
            || (np.start < a
                && self.lw(np.start) == "the"
                && !(np.start + 1..a).any(|i| self.title(i)));
        let honorific = (np.start..a).find_map(|i| match self.lw(i) {
            "mr." | "mr" => Some(true),
            "mrs." | "mrs" | "ms." | "ms" | "miss" => Some(false),
            _ => None,
        });
        let single = a + 1 == b;
        // A bare surname ("Clinton", "Mrs. Clinton") is the person with that surname most
        // recently named in full, of the gender its title gives.
        if single && !organisation {
            let word = strip_possessive(self.lw(a));
            if let Some(e) = reg.surname_owner(word, honorific) {
                self.add_descriptors(reg, e, np, a);
                let ent = &mut reg.entities[e];
                ent.mentions.push(self.span(np.start, np.end));
                if ent.male.is_none() {
                    ent.male = honorific;
                }
                return Some(e);
            }
        }
        // A name seen before in the same form: only the titles and appositions of this mention
        // are new. (Most mentions repeat a name; this keeps the scan linear and cheap.)
        if let Some(&e) = reg.by_text[organisation as usize].get(name_text) {
            if !single {
                let last = &mut reg.entities[e].last_full;
                *last = Some(last.map_or(np.start, |l| l.max(np.start)));
            }
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
        let male = honorific.or_else(|| {
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
        if n >= 2 {
            ent.last_full = Some(ent.last_full.map_or(np.start, |l| l.max(np.start)));
        }
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

    /// Adds the titles before the name part (`a`) and the appositions of `np` to entity `e`.
    fn add_descriptors(&self, reg: &mut Registry, e: usize, np: Np, a: usize) {
        let ent = &mut reg.entities[e];
        if ent.descriptors.len() >= 64 {
            return;
        }
        for i in np.start..a {
            let d = self.lw(i);
            if !d.is_empty() && d != "the" && !ent.descriptors.iter().any(|x| x == d) {
                ent.descriptors.push(d.to_string());
            }
        }
        for d in self.appositions(np) {
            if !ent.descriptors.iter().any(|x| x == d) {
                ent.descriptors.push(d.to_string());
            }
        }
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
                // "A and B said …. They vowed …": the pair, which the first of them stands for
                // (as in the attribution of the pair's own words).
                if p == "they" {
                    if let Some(&(tok, _)) = subj_before.last().filter(|&&(tok, _)| near(tok)) {
                        if tok >= 2 && self.lw(tok - 1) == "and" {
                            let first = names_before
                                .iter()
                                .rev()
                                .take(4)
                                .find(|(n, _)| n.end == tok - 1);
                            if let Some(&(_, e)) = first {
                                return Some(e);
                            }
                        }
                    }
                }
                let by_subject = subj_before
                    .iter()
                    .rev()
                    .take_while(|&&(tok, _)| near(tok))
                    .find(|&&(_, e)| ok(e))
                    .copied();
                // A person of the pronoun's known gender named earlier in the same sentence
                // comes before a nearer one of unknown gender ("Kathy Lund mocked the Trump
                // mask, says she …").
                let same_sentence = self.sentence(np.start);
                let by_gender = want_male.and_then(|m| {
                    names_before
                        .iter()
                        .rev()
                        .take_while(|(n, _)| self.sentence(n.start) == same_sentence)
                        .find(|&&(_, e)| {
                            !reg.entities[e].organisation && reg.entities[e].male == Some(m)
                        })
                        .map(|&(n, e)| (n.start, e))
                });
                let by_name = by_gender.or_else(|| {
                    names_before
                        .iter()
                        .rev()
                        .take_while(|(n, _)| near(n.start))
                        .find(|&&(_, e)| ok(e))
                        .map(|&(n, e)| (n.start, e))
                });
                let e = match (by_subject, by_name) {
                    // Prefer the subject unless a person who speaks was named since in the same
                    // sentence, or a person named since is the subject of the sentence just
                    // before ("Suthers isn't backing down. In a statement, he said …").
                    (Some((s_tok, s)), Some((n_tok, n))) => Some(
                        if n_tok > s_tok
                            && (self.sentence(n_tok) == self.sentence(np.start)
                                && reg.entities[n].speaks
                                || self.subject_of_previous_sentence(n_tok, np.start))
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

    /// True when a modal stands right before the verb at `v` ("so that an agency can respond"):
    /// what someone can or would say is no statement.
    fn after_modal(&self, v: usize) -> bool {
        v > 0
            && self.in_list(
                v - 1,
                &[
                    "can", "could", "would", "should", "may", "might", "must", "shall",
                ],
            )
    }

    /// True when the name at token `n` is the subject of the sentence right before the one of
    /// token `at`.
    fn subject_of_previous_sentence(&self, n: usize, at: usize) -> bool {
        let (sa, _) = self.sentence_range(self.sentence(at));
        if sa == 0 {
            return false;
        }
        let prev = self.sentence(sa - 1);
        if self.sentence(n) != prev {
            return false;
        }
        let (pa, pb) = self.sentence_range(prev);
        self.clause_subject(pa, pb)
            .is_some_and(|np| np.kind == NpKind::Name && np.start <= n && n < np.end)
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
            quoted: false,
            prev_same_last,
            last_full: None,
        });
        self.by_key.insert(key, e);
        e
    }

    /// The person named in full with the surname `word` (lower case) whose full name came
    /// last, among those of the gender `male` when it is known.
    fn surname_owner(&self, word: &str, male: Option<bool>) -> Option<usize> {
        let hash = {
            use std::hash::BuildHasher;
            rustc_hash::FxBuildHasher.hash_one(word)
        };
        let mut candidate = self.by_last.get(&hash).copied();
        let mut best: Option<(usize, usize)> = None; // (last full mention, entity)
        let mut steps = 0;
        while let Some(c) = candidate {
            let e = &self.entities[c];
            steps += 1;
            if steps > 64 {
                break;
            }
            let compatible = male.is_none() || e.male.is_none() || e.male == male;
            if !e.organisation && compatible && e.key.rsplit(' ').next() == Some(word) {
                if let Some(at) = e.last_full {
                    if best.is_none_or(|(b, _)| at > b) {
                        best = Some((at, c));
                    }
                }
            }
            candidate = e.prev_same_last;
        }
        best.map(|(_, e)| e)
    }

    fn add_mention(&mut self, e: usize, span: Span) {
        // Duplicates are removed once, when the speakers are listed.
        self.entities[e].mentions.push(span);
    }
}
