//! Who said it: speaker mentions, reporting cues and the speaker each quotation resolves to.
//!
//! Works on tokens ([`crate::tokens`]) where every quotation is one token. For each quotation it
//! tries, in order: a cue right after it (`"…," said Trump`, `"…," Trump told reporters`), a cue
//! before it in the same sentence (`Grushko stated: "…"`, `Peskov said "…"`), `according to X`,
//! an earlier quotation of the same sentence, the previous sentence of the paragraph, and the
//! previous paragraph (the news convention for a speaker's continued quotation).
//! Mentions (names with titles, pronouns, descriptions) then resolve to canonical speakers.

use crate::lexicon::{flag, Lexicon, Verb, WordInfo};
use crate::model::{AttributionRule, Resolution};
use crate::span::Span;
use crate::tokens::{Kind, Tok};

mod attribute;
mod cues;
mod phrases;
mod resolve;

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
    /// The rule that found the mention.
    pub rule: Option<AttributionRule>,
    /// How the mention resolved to `entity`.
    pub resolution: Option<Resolution>,
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
    /// Source of at least one quotation or holder of a claim: listed among the speakers. The
    /// subject of an indirect statement alone ("a poll showed", "officials in the room said") is
    /// too weak a sign of a source to list, and still helps resolve later pronouns.
    pub quoted: bool,
    /// The previous entity whose name ends in the same word.
    prev_same_last: Option<usize>,
    /// Token index of the latest mention by a full name (two words or more), if any.
    last_full: Option<usize>,
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
    "were",
    "are",
    "am",
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
/// Participles of publishing that open a reduced relative clause after a document ("a report
/// released last year found"): the subject lies before them.
const PUBLISHED: &[&str] = &[
    "released",
    "published",
    "issued",
    "obtained",
    "conducted",
    "commissioned",
    "prepared",
    "filed",
    "produced",
    "leaked",
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

/// The statement whose reported content holds the quotation token `t`: a reporting verb earlier
/// in the same sentence (`Griffin claims that the image is an "act of art"`), with no other
/// quotation, semicolon, dash or parenthesis between them. Titles and terms named as such
/// (`the word "X"`, `so-called "X"`) are left out by the caller.
pub(crate) fn reported_speech(ctx: &Ctx, statements: &[Statement], t: usize) -> Option<Statement> {
    if ctx.is_word_term(t) {
        return None;
    }
    let s = ctx.sentence(t);
    // Statements are in text order: look back from the quotation within its sentence only.
    let upto = statements.partition_point(|st| st.verb < t);
    statements[..upto]
        .iter()
        .rev()
        .take_while(|st| ctx.sentence(st.verb) == s)
        .find(|st| {
            st.cue_end <= t
                && st.np.end <= t
                && t - st.cue_end <= 30
                && !(st.cue_end..t).any(|k| {
                    matches!(
                        ctx.toks[k].kind,
                        Kind::Quote(_) | Kind::Punct(';' | '—' | '―' | '–' | '(' | ')' | ':')
                    )
                })
        })
        .copied()
        .or_else(|| owner_of_remark(ctx, t))
}

/// `Mr. Romney's remark about the "47 percent"`: the owner of a remark named shortly before
/// the quoted words, as a statement whose cue is the remark noun.
fn owner_of_remark(ctx: &Ctx, t: usize) -> Option<Statement> {
    let s = ctx.sentence(t);
    let lo = t.saturating_sub(10);
    let noun = (lo..t).rev().find(|&k| {
        ctx.sentence(k) == s
            && ctx.in_list(
                k,
                &[
                    "remark",
                    "remarks",
                    "comment",
                    "comments",
                    "words",
                    "statement",
                    "line",
                    "quip",
                    "promise",
                    "pledge",
                    "vow",
                    "description",
                    "characterization",
                    "tweet",
                    "speech",
                    "assertion",
                    "accusation",
                    "warning",
                ],
            )
    })?;
    if (noun..t)
        .any(|k| !matches!(ctx.toks[k].kind, Kind::Word) || ctx.verb(k).is_some() && k > noun)
    {
        return None;
    }
    // Up to two modifiers between the possessive and the noun ("infamous", "off-the-cuff").
    let own = (noun.saturating_sub(3)..noun)
        .rev()
        .find(|&k| ctx.possessive(k))?;
    if !ctx.is_cap(own) || ctx.stop_cap(own) || ctx.sentence(own) != s {
        return None;
    }
    let mut start = own;
    while start > 0
        && ctx.sentence(start - 1) == s
        && ctx.is_cap(start - 1)
        && !ctx.stop_cap(start - 1)
        && !ctx.possessive(start - 1)
    {
        start -= 1;
    }
    Some(Statement {
        np: Np {
            start,
            end: own + 1,
            kind: NpKind::Name,
        },
        verb: noun,
        cue_end: noun + 1,
    })
}

/// The analysis state over one text.
pub struct Ctx<'a> {
    pub text: &'a str,
    lower: String,
    pub toks: Vec<Tok>,
    lex: &'static Lexicon,
    /// First token of each sentence, indexed by sentence number (plus one past the end).
    sent_start: Vec<usize>,
    /// What the word lists say of each token (looked up once), and whether it is capitalised.
    /// Datelines and party-state tags count as not capitalised: they never name anyone.
    info: Vec<(WordInfo, bool)>,
    /// Words the text also writes in lower case (`previously`, `critics`), built on first use:
    /// a capitalised sentence opener among them is a common word, not a name.
    lower_words: std::cell::OnceCell<rustc_hash::FxHashSet<&'a str>>,
}

/// True for a party-state tag such as `R-Iowa`, `D-Calif.` or the `R-S` of `R-S.C.`.
fn is_party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Marks as not capitalised the tokens of datelines (`WASHINGTON —`, `DANVILLE, Ky. –`,
/// `Denver (AP) –` opening a paragraph), of party-state tags after a name (`R-Iowa`,
/// `(D-N.Y.)`) and of the state in `Republican of Ohio`: they are never names or speakers.
fn mark_tags(text: &str, toks: &[Tok], info: &mut [(WordInfo, bool)]) {
    let is_dash = |t: &Tok| matches!(t.kind, Kind::Punct('—' | '–' | '-'));
    let mut para_start = true;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if para_start && t.kind == Kind::Word {
            // A dateline: capitalised words, commas, dots and a parenthesised agency, then a
            // dash, within the first eight tokens; the first word in capitals or an agency.
            let end = (i..toks.len().min(i + 8)).find(|&k| is_dash(&toks[k]));
            if let Some(end) = end {
                let body = &toks[i..end];
                let words_ok = body.iter().all(|x| match x.kind {
                    Kind::Word => x.span.as_str(text).starts_with(|c: char| c.is_uppercase()),
                    Kind::Punct(',' | '.' | '(' | ')') => true,
                    _ => false,
                });
                let first = t.span.as_str(text);
                let capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !first.chars().any(char::is_lowercase);
                let agency = body.iter().any(|x| x.kind == Kind::Punct('('));
                let spaced = toks
                    .get(end + 1)
                    .is_some_and(|n| n.span.start > toks[end].span.end);
                if words_ok && (capitals || agency) && spaced && end > i {
                    for x in info.iter_mut().take(end).skip(i) {
                        x.1 = false;
                    }
                    i = end + 1;
                    para_start = false;
                    continue;
                }
            }
        }
        para_start = t.kind == Kind::Punct('\n');
        // "…, Republican of South Carolina, …": the state of a party member, a place.
        if t.kind == Kind::Word
            && matches!(
                t.span.as_str(text),
                "Republican" | "Democrat" | "Independent"
            )
            && toks.get(i + 1).is_some_and(|n| n.span.as_str(text) == "of")
        {
            let mut k = i + 2;
            while k < toks.len() && k < i + 8 {
                match toks[k].kind {
                    Kind::Word if toks[k].span.as_str(text).starts_with(char::is_uppercase) => {
                        info[k].1 = false;
                    }
                    Kind::Punct('.') => {}
                    _ => break,
                }
                k += 1;
            }
            i = k;
            continue;
        }
        if t.kind == Kind::Word && is_party_tag(t.span.as_str(text)) {
            // The tag and what follows it up to a comma, a parenthesis or a lower-case word.
            let mut k = i;
            while k < toks.len() && k < i + 6 {
                match toks[k].kind {
                    Kind::Word
                        if k == i || toks[k].span.as_str(text).starts_with(char::is_uppercase) =>
                    {
                        info[k].1 = false;
                    }
                    Kind::Punct('.' | '-') => {}
                    _ => break,
                }
                k += 1;
            }
            i = k;
            continue;
        }
        i += 1;
    }
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
        let mut info: Vec<(WordInfo, bool)> = toks
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
        mark_tags(text, &toks, &mut info);
        Ctx {
            text,
            lower,
            toks,
            lex,
            sent_start,
            info,
            lower_words: std::cell::OnceCell::new(),
        }
    }

    pub(crate) fn flags(&self, i: usize) -> u16 {
        self.info.get(i).map_or(0, |x| x.0.flags)
    }

    /// True when the word at `i` is on the list `bit` of [`flag`].
    pub(crate) fn has(&self, i: usize, bit: u16) -> bool {
        self.flags(i) & bit != 0
    }

    pub(crate) fn w(&self, i: usize) -> &'a str {
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

    pub(crate) fn is_cap(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.1)
    }

    pub(crate) fn in_list(&self, i: usize, list: &[&str]) -> bool {
        let l = self.lw(i);
        !l.is_empty() && list.contains(&l)
    }

    pub(crate) fn stop_cap(&self, i: usize) -> bool {
        self.flags(i) & flag::STOP_CAP != 0
    }

    pub(crate) fn title(&self, i: usize) -> bool {
        self.flags(i) & flag::TITLE != 0
    }

    pub(crate) fn speaker_noun(&self, i: usize) -> bool {
        self.flags(i) & flag::SPEAKER_NOUN != 0
    }

    pub(crate) fn org_head(&self, i: usize) -> bool {
        self.flags(i) & flag::ORG_HEAD != 0
    }

    pub(crate) fn possessive(&self, i: usize) -> bool {
        let w = self.lw(i);
        w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’")
    }

    /// True when the text also writes the word at `i` with a lower-case first letter.
    pub(crate) fn written_lower(&self, i: usize) -> bool {
        let set = self.lower_words.get_or_init(|| {
            self.toks
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .map(|t| t.span.as_str(self.text))
                .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
                .collect()
        });
        let w = self.lw(i);
        !w.is_empty() && w.is_ascii() && set.contains(w)
    }

    /// The reporting verb at `i`, if the token is one (lower case only: `State` is no verb).
    pub fn verb(&self, i: usize) -> Option<Verb> {
        let v = match self.info.get(i) {
            Some(&(info, false)) if self.toks[i].kind == Kind::Word => self.lex.verb_of(info)?,
            _ => return None,
        };
        // An infinitive has no subject of its own ("asked the court to declare").
        if i > 0 && self.lw(i - 1) == "to" {
            return None;
        }
        // A phrasal lemma needs one of its particles close after the verb: "pushed back",
        // "pointed out", "went on", "went so far as to say" (not "pushed federal agencies",
        // "went to Ohio"). The lexicon writes them `push_back`, `go_on/so`.
        if let Some((_, particles)) = v.lemma.split_once('_') {
            let near = (i + 1..(i + 3).min(self.toks.len()))
                .any(|k| particles.split('/').any(|p| self.lw(k) == p));
            if !near {
                return None;
            }
        }
        // "his five-minute remarks", "a false claim", "the 37 states", "a conference call": a
        // present or base form after a determiner, a possessive or a number and up to two
        // modifiers is a noun. (Past forms stay verbs: "the aides later said".)
        let lw = self.lw(i);
        if self.has(i, flag::NOUN_FORM) {
            let mut k = i;
            for _ in 0..3 {
                if k == 0 {
                    break;
                }
                k -= 1;
                let w = self.lw(k);
                let number = w.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        w,
                        "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "several"
                            | "other"
                            | "many"
                            | "some"
                    );
                // "the Benghazi attacks", "Washington state", "a Twitter post": a
                // capitalised word right before a noun form (base form after a singular name).
                // A base form after a singular name is a noun even after a place that can speak
                // for its government ("Washington state").
                let base = !lw.ends_with('s');
                let singular = !w.ends_with('s');
                let org = self.has(k, flag::ORG_HEAD) && !(base && singular);
                if k + 1 == i && self.is_cap(k) && !number && !org && !self.has(k, flag::PRONOUN) {
                    let det_before = k > 0 && self.in_list(k - 1, &["the", "a", "an"]);
                    if base && singular || det_before && !self.lex.first_names.contains_key(w) {
                        return None;
                    }
                    break;
                }
                if number
                    || self.in_list(
                        k,
                        &[
                            "the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
                            "this", "that", "these", "those",
                        ],
                    )
                    || self.possessive(k)
                {
                    return None;
                }
                // Modifiers: lower-case words that are not verbs, pronouns or people.
                if !self.is_word(k)
                    || self.is_cap(k)
                    || self.lex.verb_of(self.info[k].0).is_some()
                    || self.has(
                        k,
                        flag::PRONOUN | flag::SPEAKER_NOUN | flag::AUX_ADVERB | flag::ORG_HEAD,
                    )
                    || w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous")
                {
                    break;
                }
            }
        }
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

    pub(crate) fn is_delim(&self, i: usize) -> bool {
        matches!(
            self.toks.get(i).map(|t| t.kind),
            Some(Kind::Punct(',' | '—' | '–' | '-'))
        )
    }

    /// Number of sentences.
    pub(crate) fn sentence_count(&self) -> usize {
        self.sent_start.len().saturating_sub(1)
    }
}
