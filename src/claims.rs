//! Disputed claims (the definition: README "What a disputed claim is"): clauses the text
//! presents as one party's assertion (`claims`, `insists`, `what it calls`), as contradicting
//! another party (`denied the claim`, `accused … of`, `pushed back`), or as unconfirmed
//! (`reportedly`, `is said to`, `a senior official said`, the reporter's `likely` about a past
//! fact). The markers are data, each with the checks that tell its sense from an ordinary one
//! (`maintains that` and `maintains a database`; `rejected the claim` and `rejected the bill`):
//! `src/lexicon/claim_markers.txt`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::attribution::{Ctx, Np, NpKind, Statement};
use crate::model::ClaimKind;
use crate::span::Span;
use crate::tokens::Kind;

/// Who holds the claims a marker finds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Who {
    /// The subject of the marking verb (`Ryan insisted`).
    Subject,
    /// Nobody named (`reportedly`, `is said to`).
    Nobody,
    /// The article itself (`falsely stated`).
    Reporter,
    /// Whoever the sentence reports as speaking, else the article (`likely`, `seems to`).
    Speaker,
    /// The noun phrase after the marker's first word (`what X calls`, `according to X`).
    After,
}

/// One marker phrase: words, with `None` for a gap of up to four words (`accused … of`).
struct Marker {
    kind: ClaimKind,
    words: Vec<Option<&'static str>>,
    /// The lexicon line without its kind, for `--explain`.
    line: &'static str,
    clause: bool,
    that: bool,
    claimobj: bool,
    inference: bool,
    participle: bool,
    verbal: bool,
    defend: bool,
    unnamed: bool,
    base: bool,
    afterit: bool,
    afterbe: bool,
    afteritbe: bool,
    who: Who,
}

/// The markers by their first word, in file order.
fn markers() -> &'static HashMap<&'static str, Vec<Marker>> {
    static M: OnceLock<HashMap<&'static str, Vec<Marker>>> = OnceLock::new();
    M.get_or_init(|| {
        let mut by_first: HashMap<&'static str, Vec<Marker>> = HashMap::default();
        let all = include_str!("lexicon/claim_markers.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (kind, rest) = l.trim().split_once(char::is_whitespace)?;
                let kind = match kind {
                    "contested" => ClaimKind::Contested,
                    "counter" => ClaimKind::Counter,
                    "hedged" => ClaimKind::Hedged,
                    _ => return None,
                };
                let rest = rest.trim();
                let (phrase, tags) = rest.split_once('|').unwrap_or((rest, ""));
                let tags: Vec<&str> = tags.split_whitespace().collect();
                let has = |t: &str| tags.contains(&t);
                let who = if has("nobody") {
                    Who::Nobody
                } else if has("reporter") {
                    Who::Reporter
                } else if has("speaker") {
                    Who::Speaker
                } else if has("after") {
                    Who::After
                } else {
                    Who::Subject
                };
                let words: Vec<Option<&str>> = phrase
                    .split_whitespace()
                    .map(|w| (w != "…").then_some(w))
                    .collect();
                let m = Marker {
                    kind,
                    line: rest,
                    clause: has("clause"),
                    that: has("that"),
                    claimobj: has("claimobj"),
                    inference: has("inference"),
                    participle: has("participle"),
                    verbal: has("verbal"),
                    defend: has("defend"),
                    unnamed: has("unnamed"),
                    base: has("base"),
                    afterit: has("afterit"),
                    afterbe: has("afterbe"),
                    afteritbe: has("afteritbe"),
                    who,
                    words,
                };
                Some((m.words.first().copied().flatten()?, m))
            });
        for (first, m) in all {
            by_first.entry(first).or_default().push(m);
        }
        by_first
    })
}

/// One bit per (first letter, second letter, length up to 15) of the markers' first words.
fn first_word_bits() -> &'static [u64; 26 * 26 * 16 / 64] {
    static B: OnceLock<[u64; 26 * 26 * 16 / 64]> = OnceLock::new();
    B.get_or_init(|| {
        let mut bits = [0u64; 26 * 26 * 16 / 64];
        for w in markers().keys() {
            if let Some(k) = bit_of(w.as_bytes()) {
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        bits
    })
}

fn bit_of(w: &[u8]) -> Option<usize> {
    let (x, y) = (
        w.first()?.to_ascii_lowercase(),
        w.get(1)?.to_ascii_lowercase(),
    );
    if !x.is_ascii_lowercase() || !y.is_ascii_lowercase() || w.len() > 15 {
        return None;
    }
    Some(((x - b'a') as usize * 26 + (y - b'a') as usize) * 16 + w.len())
}

/// True when `text` holds the first two words of a marker (`is said`, `may have`) or a
/// one-word marker: a cheap test before a quotation is read again for claims.
pub fn may_hold_marker(text: &str) -> bool {
    let bits = first_word_bits();
    let ms = markers();
    let mut buf = [0u8; 16];
    let mut next_buf = [0u8; 16];
    let lower = |w: &[u8], buf: &mut [u8; 16]| -> Option<usize> {
        if w.len() > 16 {
            return None;
        }
        for (d, c) in buf.iter_mut().zip(w) {
            *d = c.to_ascii_lowercase();
        }
        Some(w.len())
    };
    let mut words = text
        .as_bytes()
        .split(|c| !c.is_ascii_alphabetic() && *c != b'-')
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(w) = words.next() {
        let Some(k) = bit_of(w) else {
            continue;
        };
        if bits[k / 64] & (1 << (k % 64)) == 0 {
            continue;
        }
        let Some(n) = lower(w, &mut buf) else {
            continue;
        };
        let Some(list) = std::str::from_utf8(&buf[..n]).ok().and_then(|l| ms.get(l)) else {
            continue;
        };
        let next = words
            .peek()
            .and_then(|nw| lower(nw, &mut next_buf))
            .and_then(|n| std::str::from_utf8(&next_buf[..n]).ok())
            .unwrap_or("");
        if list.iter().any(|m| match m.words.get(1) {
            None | Some(None) => true,
            Some(Some(second)) => *second == next,
        }) {
            return true;
        }
    }
    false
}

/// A claim found in the text, before its holder is resolved.
pub struct Found {
    pub span: Span,
    pub marker: Span,
    pub kind: ClaimKind,
    /// Who asserts it, when the text says.
    pub holder: Option<Np>,
    /// The article itself holds it (its own hedge or contradiction).
    pub reporter: bool,
    /// The holder is an unnamed source (`a senior official`): its words, never resolved to a
    /// named speaker.
    pub unnamed: bool,
    /// The rule that found it, for `--explain`.
    pub rule: String,
}

/// Nouns for what one says and another rejects, denies or dismisses (not bills, permits, plans).
const CLAIM_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "charge",
    "charges",
    "criticism",
    "criticisms",
    "critique",
    "characterization",
    "characterisation",
    "suggestion",
    "suggestions",
    "idea",
    "notion",
    "premise",
    "assertion",
    "assertions",
    "argument",
    "arguments",
    "report",
    "reports",
    "reporting",
    "contention",
    "comparison",
    "comparisons",
    "theory",
    "narrative",
    "assessment",
    "conclusion",
    "conclusions",
    "findings",
    "statement",
    "statements",
    "remarks",
    "comments",
    "speculation",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "story",
    "stories",
    "account",
    "insinuation",
    "label",
    "portrayal",
    "description",
    "interpretation",
    "wrongdoing",
    "involvement",
    "responsibility",
    "knowledge",
    "role",
    "ties",
    "link",
    "links",
    "existence",
    "view",
    "views",
    "analysis",
    "figures",
    "numbers",
    "estimate",
    "estimates",
    "data",
    "statistics",
    "evidence",
    "notion",
    "impression",
    "perception",
    "assumption",
    "fears",
    "concerns",
    "worries",
    "warnings",
    "predictions",
    "talk",
    "version",
    "description",
    "framing",
    "smear",
    "attacks",
    "attack",
];

/// Positions one defends against criticism (`defended his proposals`).
const POSITION_NOUNS: &[&str] = &[
    "proposal",
    "proposals",
    "comments",
    "comment",
    "remarks",
    "remark",
    "decision",
    "decisions",
    "position",
    "positions",
    "statement",
    "statements",
    "record",
    "policy",
    "policies",
    "plan",
    "plans",
    "claim",
    "claims",
    "tweet",
    "tweets",
    "actions",
    "action",
    "response",
    "handling",
    "stance",
    "views",
    "words",
    "choice",
    "approach",
    "conduct",
    "use",
    "move",
    "order",
    "ban",
    "call",
];

/// Objects that make a verb of claiming an action: `claimed responsibility`, `argued the case`.
const ACTION_OBJECTS: &[&str] = &[
    "responsibility",
    "credit",
    "victory",
    "lives",
    "ownership",
    "asylum",
    "benefits",
    "title",
    "on",
    "upon",
    "for",
    "against",
    "before",
    "with",
    "about",
    "over",
    "case",
    "cases",
    "seat",
    "seats",
    "prize",
    "land",
    "territory",
    "refugee",
    "damages",
];

const DETS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "such", "any", "no", "some", "many", "other", "several", "every", "each",
];

/// Tries to match marker `m` at token `i` (within `..hi`); returns the token after the match.
fn match_at(ctx: &Ctx, m: &Marker, i: usize, hi: usize) -> Option<usize> {
    let mut k = i;
    let mut w = 0;
    while w < m.words.len() {
        match m.words[w] {
            Some(word) => {
                if k >= hi || !ctx.is_word(k) || ctx.lw(k) != word {
                    return None;
                }
                k += 1;
                w += 1;
            }
            None => {
                // A gap: the next word must come within four words, with no clause break.
                let next = m.words.get(w + 1).copied().flatten()?;
                let found = (k..hi.min(k + 5))
                    .take_while(|&j| ctx.is_word(j) || matches!(ctx.toks[j].kind, Kind::Quote(_)))
                    .find(|&j| ctx.is_word(j) && ctx.lw(j) == next)?;
                k = found + 1;
                w += 2;
            }
        }
    }
    Some(k)
}

/// The next word token at or after `k` that is not an adverb in -ly (`privately`, `repeatedly`).
fn skip_ly(ctx: &Ctx, mut k: usize, hi: usize) -> usize {
    while k < hi && ctx.is_word(k) && ctx.lw(k).ends_with("ly") && ctx.lw(k).len() > 4 {
        k += 1;
    }
    k
}

/// True when the verb at `i` is passive or an infinitive's object position is empty:
/// `was claimed`, `were rejected`, `being dismissed`.
fn passive(ctx: &Ctx, i: usize, a: usize) -> bool {
    let mut k = i;
    while k > a && ctx.lw(k - 1).ends_with("ly") && ctx.lw(k - 1).len() > 4 {
        k -= 1;
    }
    k > a
        && ctx.in_list(
            k - 1,
            &[
                "was", "were", "been", "be", "is", "are", "being", "get", "got",
            ],
        )
}

/// True when the verb at `i` stands in a relative clause whose object it lacks (`which Kyiv
/// argues is premature`, `that he argued pertained`) or between commas (`, she maintains,`).
fn relative_or_parenthetical(ctx: &Ctx, i: usize, e: usize, a: usize) -> bool {
    if ctx.is_punct(e, ',') || ctx.is_punct(e, '.') && e > i {
        return true;
    }
    (i.saturating_sub(5).max(a)..i).any(|k| ctx.in_list(k, &["which", "that", "who", "whom"]))
}

/// Checks that the marker `m` matched at `i..e` in sentence `a..b` reads in its claiming sense.
fn sense_ok(ctx: &Ctx, m: &Marker, i: usize, e: usize, a: usize, b: usize) -> bool {
    let next = skip_ly(ctx, e, b);
    // "was dismissed", "were rejected", "was pushed back to May": a passive names no
    // counter-claim.
    if m.kind != ClaimKind::Hedged && m.who == Who::Subject && passive(ctx, i, a) {
        return false;
    }
    // "pushed back the vote", "fired back to the bench": a move in time or place.
    if ctx.lw(e.saturating_sub(1)) == "back"
        && (ctx.in_list(e, DETS) || ctx.in_list(e, &["to", "until", "by", "into", "from"]))
    {
        return false;
    }
    if m.afterit && !(i > a && ctx.lw(i - 1) == "it") {
        return false;
    }
    const BE: &[&str] = &["is", "are", "was", "were", "been", "be"];
    if m.afterbe && !(i > a && ctx.in_list(i - 1, BE)) {
        return false;
    }
    if m.afteritbe && !(i > a + 1 && ctx.in_list(i - 1, BE) && ctx.lw(i - 2) == "it") {
        return false;
    }
    if m.base {
        if i == a {
            return false;
        }
        let modal = ctx.in_list(
            i - 1,
            &[
                "would", "will", "could", "might", "may", "should", "can", "must", "shall", "wo",
            ],
        );
        let after_subject =
            ctx.is_word(i - 1) || ctx.is_punct(i - 1, ',') || ctx.is_punct(i - 1, ')');
        if !after_subject || modal {
            return false;
        }
    }
    if m.verbal {
        let prev_to = i > a && ctx.lw(i - 1) == "to";
        let noun_before = i > a && (ctx.in_list(i - 1, DETS) || ctx.possessive(i - 1));
        let noun_after = ctx.in_list(
            e,
            &[
                "such", "of", "by", "from", "were", "are", "was", "is", "have",
            ],
        ) && ctx.in_list(i, &["claims", "disputes", "charges"]);
        if noun_before || noun_after {
            return false;
        }
        if !prev_to && ctx.is_word(i) && ctx.lw(i).ends_with('s') {
            // A lexicon verb in -s: the verb reading must hold ("trade disputes").
            if ctx.verb(i).is_none() && i > a && ctx.is_word(i - 1) && !ctx.is_cap(i - 1) {
                let p = ctx.lw(i - 1);
                if !ctx.has(i - 1, crate::lexicon::flag::PRONOUN)
                    && !matches!(
                        p,
                        "also" | "still" | "now" | "often" | "who" | "which" | "that"
                    )
                {
                    return false;
                }
            }
        }
    }
    if m.clause {
        // "claimed three lives", "claimed 40 seats".
        if ctx.in_list(next, ACTION_OBJECTS)
            || ctx.lw(next).starts_with(|c: char| c.is_ascii_digit())
            || ctx.in_list(
                next,
                &[
                    "two",
                    "three",
                    "four",
                    "five",
                    "six",
                    "seven",
                    "eight",
                    "nine",
                    "ten",
                    "dozens",
                    "hundreds",
                    "thousands",
                ],
            )
        {
            return false;
        }
        // "claimed the lives of", "argued the case": the noun after a determiner.
        if ctx.in_list(next, DETS) && ctx.in_list(next + 1, ACTION_OBJECTS) {
            return false;
        }
        // "claimed a seat": an indefinite object is a thing, not a statement.
        if ctx.in_list(next, &["a", "an"]) {
            return false;
        }
    }
    if m.that {
        let that_after = (next..b.min(next + 5))
            .take_while(|&k| ctx.is_word(k))
            .any(|k| ctx.lw(k) == "that");
        if !(ctx.lw(next) == "that" || that_after || relative_or_parenthetical(ctx, i, e, a)) {
            return false;
        }
    }
    if m.claimobj {
        let after = (e..b.min(e + 7))
            .take_while(|&k| ctx.is_word(k) || matches!(ctx.toks[k].kind, Kind::Quote(_)))
            .any(|k| ctx.in_list(k, CLAIM_NOUNS) || ctx.lw(k) == "as");
        let that = ctx.lw(next) == "that";
        // "denied having", "denied ever meeting".
        let gerund = ctx.lw(skip_ly(ctx, next, b)).ends_with("ing") && ctx.lw(i).starts_with("den");
        let before = (i.saturating_sub(5).max(a)..i).any(|k| ctx.in_list(k, CLAIM_NOUNS));
        if !(after || that || gerund || before) {
            return false;
        }
    }
    if m.defend {
        let own = ctx.in_list(next, &["his", "her", "their", "its", "the"])
            || next < b && ctx.possessive(next);
        let noun = (next..b.min(next + 5))
            .take_while(|&k| ctx.is_word(k))
            .any(|k| ctx.in_list(k, POSITION_NOUNS));
        if !(own && noun) {
            return false;
        }
    }
    // "it seems unlikely that …", "appears likely to": a forecast, not a hedged fact.
    if m.kind == ClaimKind::Hedged
        && ctx.in_list(
            e,
            &[
                "unlikely",
                "likely",
                "possible",
                "probable",
                "certain",
                "inevitable",
                "clear",
            ],
        )
    {
        return false;
    }
    // "what X calls": a subject after `what` (`what critics call`, `what he calls`), not an
    // interrogative noun (`what state they call home`).
    if m.who == Who::After && ctx.lw(i) == "what" {
        let subject = ctx.is_cap(i + 1)
            || ctx.has(i + 1, crate::lexicon::flag::PRONOUN)
            || ctx.in_list(i + 1, DETS)
            || ctx.lw(i + 1).ends_with('s')
                && ctx.is_word(i + 2)
                && ctx.lw(i + 2).starts_with("call");
        if !subject || ctx.lw(e) == "home" {
            return false;
        }
    }
    if m.unnamed {
        let Some(np) = ctx.np_fwd(e, b) else {
            return false;
        };
        let familiar =
            ctx.lw(np.end) == "familiar" || ctx.lw(np.end.saturating_sub(1)) == "familiar";
        if !(familiar || ctx.in_list(np.end.saturating_sub(1), UNNAMED_HEADS)) {
            return false;
        }
    }
    if m.inference {
        // A forecast: "is likely to", "will likely", "would probably"; an adjective: "likely
        // voters", "a likely candidate".
        if ctx.lw(e) == "to" || ctx.in_list(e, &["that", "than"]) {
            return false;
        }
        // "a likely reference to the plant": the reporter's inference about what was meant.
        if i > a
            && ctx.in_list(i - 1, &["a", "the"])
            && ctx.in_list(
                e,
                &[
                    "reference",
                    "explanation",
                    "cause",
                    "reason",
                    "motive",
                    "source",
                    "target",
                ],
            )
        {
            return true;
        }
        if i > a
            && ctx.in_list(
                i - 1,
                &[
                    "will", "would", "won't", "wo", "shall", "is", "are", "be", "most", "more",
                    "very", "less", "the", "a", "an", "seems", "seem", "appears", "not", "it's",
                    "it’s", "quite", "highly",
                ],
            )
        {
            return false;
        }
        // What follows must be a verb: a past form, an auxiliary or a participle.
        let w = ctx.lw(e);
        let verbish = w.ends_with("ed")
            || matches!(
                w,
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "be"
                    | "been"
                    | "had"
                    | "has"
                    | "have"
                    | "did"
                    | "knew"
                    | "saw"
                    | "made"
                    | "took"
                    | "came"
                    | "went"
                    | "got"
                    | "thought"
                    | "felt"
                    | "found"
                    | "meant"
                    | "told"
                    | "said"
                    | "led"
                    | "won"
                    | "lost"
                    | "paid"
                    | "ran"
                    | "began"
                    | "left"
                    | "kept"
                    | "held"
                    | "heard"
                    | "brought"
                    | "bought"
                    | "caught"
                    | "taught"
                    | "wrote"
                    | "gave"
                    | "drove"
                    | "rose"
                    | "fell"
                    | "spent"
                    | "sent"
                    | "built"
                    | "understood"
                    | "chose"
            );
        if !verbish {
            return false;
        }
    }
    if m.participle {
        let w = ctx.lw(e);
        let pp = w.ends_with("ed")
            || w.ends_with("en")
            || matches!(
                w,
                "been"
                    | "had"
                    | "made"
                    | "done"
                    | "gone"
                    | "known"
                    | "seen"
                    | "told"
                    | "said"
                    | "led"
                    | "lost"
                    | "won"
                    | "paid"
                    | "sent"
                    | "spent"
                    | "built"
                    | "held"
                    | "kept"
                    | "left"
                    | "meant"
                    | "brought"
                    | "bought"
                    | "caught"
                    | "taught"
                    | "thought"
                    | "felt"
                    | "found"
                    | "got"
                    | "run"
                    | "come"
                    | "become"
                    | "begun"
                    | "understood"
                    | "played"
                    | "undercut"
                    | "put"
                    | "set"
                    | "hit"
                    | "cut"
                    | "let"
                    | "hurt"
                    | "cost"
                    | "spread"
                    | "shut"
                    | "read"
                    | "given"
                    | "driven"
                    | "taken"
                    | "shown"
                    | "grown"
                    | "drawn"
                    | "fallen"
                    | "written"
            );
        if !pp {
            return false;
        }
    }
    true
}

/// Heads of noun phrases that name no one: `according to White House officials`.
const UNNAMED_HEADS: &[&str] = &[
    "official",
    "officials",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "person",
    "people",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "staffer",
    "staffers",
    "insider",
    "insiders",
    "experts",
    "analysts",
    "observers",
    "critics",
];

/// Words that open a clause inside a sentence: the claim's span starts at them.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "because", "although", "though",
    "since", "if", "why", "whether", "where", "until", "unless",
];

/// Start of the clause holding token `k` (not before `a`).
fn clause_start(ctx: &Ctx, k: usize, a: usize) -> usize {
    let mut j = k;
    while j > a {
        let p = j - 1;
        match ctx.toks[p].kind {
            Kind::Punct(';' | ':' | '—' | '―' | '–' | '-' | '(' | '\n') => return j,
            // ", and he …", ", with critics accusing …", ", even as he …"
            Kind::Punct(',')
                if ctx.in_list(
                    j,
                    &[
                        "and", "but", "with", "as", "while", "though", "although", "even", "yet",
                    ],
                ) =>
            {
                return j;
            }
            Kind::Word if ctx.in_list(p, CLAUSE_OPENERS) => {
                return p;
            }
            Kind::Word if ctx.lw(p) == "as" && p > a && ctx.lw(p - 1) == "even" => return j,
            _ => {}
        }
        j = p;
    }
    a
}

/// End of the clause holding token `k` (before `b`, trailing punctuation excluded); `i` is the
/// marker, whose auxiliary tells a coordinated verb phrase (`has claimed …, and has threatened`).
fn clause_end(ctx: &Ctx, k: usize, b: usize, i: usize) -> usize {
    let aux = if i > 0 && ctx.has(i - 1, crate::lexicon::flag::AUX_ADVERB) {
        ctx.lw(i - 1)
    } else if i > 1 && ctx.has(i - 2, crate::lexicon::flag::AUX_ADVERB) {
        ctx.lw(i - 2)
    } else {
        ""
    };
    let mut j = k;
    while j < b {
        match ctx.toks[j].kind {
            Kind::Punct(';' | '—' | '―' | '–' | '-' | '\n' | '(') => break,
            Kind::Punct(',') => {
                let mut n = j + 2;
                // ", and sometimes I …", ", but then he …": past the adverbs.
                while n < b
                    && (ctx.in_list(n, &["sometimes", "then", "now", "also", "still", "so"])
                        || ctx.lw(n).ends_with("ly") && ctx.lw(n).len() > 4)
                {
                    n += 1;
                }
                let stop = if ctx.in_list(j + 1, &["and", "but"]) {
                    // A new clause with its own subject, or a verb phrase like the marker's.
                    ctx.has(n, crate::lexicon::flag::PRONOUN)
                        || ctx.in_list(n, DETS)
                        || ctx.is_cap(n) && !ctx.stop_cap(n)
                        || !aux.is_empty() && ctx.lw(n) == aux
                } else {
                    ctx.in_list(
                        j + 1,
                        &[
                            "while", "though", "although", "with", "even", "yet", "a", "an",
                        ],
                    )
                };
                if stop {
                    break;
                }
            }
            _ => {}
        }
        j += 1;
    }
    // Without trailing punctuation, unless the clause runs to the sentence's end.
    let mut end = j;
    if j < b {
        while end > k && matches!(ctx.toks[end - 1].kind, Kind::Punct(_)) {
            end -= 1;
        }
    } else {
        // The sentence's own final mark stays; a comma or a colon closing a quoted sentence
        // ("It appears …," she said) does not.
        while end > k && matches!(ctx.toks[end - 1].kind, Kind::Punct('\n' | ',' | ';' | ':')) {
            end -= 1;
        }
    }
    end
}

/// An unnamed source: `a senior official`, `law enforcement sources`, `people familiar with`.
fn unnamed_source(ctx: &Ctx, np: Np) -> bool {
    if np.kind == NpKind::Name || np.end <= np.start {
        return false;
    }
    let first = ctx.lw(np.start);
    let last = ctx.lw(np.end - 1);
    let sources =
        (np.start..np.end).any(|k| ctx.in_list(k, &["sources", "source", "unnamed", "anonymous"]));
    let indefinite = matches!(first, "a" | "an" | "one" | "two" | "three" | "several")
        || np.start > 0
            && ctx.in_list(np.start - 1, &["a", "an", "one", "two", "three", "several"]);
    let single = indefinite
        && ctx.in_list(
            np.end - 1,
            &[
                "official",
                "officials",
                "aide",
                "aides",
                "adviser",
                "advisers",
                "advisor",
                "advisors",
                "person",
                "source",
                "sources",
                "diplomat",
                "diplomats",
                "staffer",
                "staffers",
                "insider",
                "insiders",
            ],
        );
    let familiar = last == "familiar" || ctx.lw(np.end) == "familiar";
    sources || single || familiar
}

/// Every disputed claim: at most one per clause (its first marker), several per sentence.
pub fn find(ctx: &Ctx, statements: &[Statement]) -> Vec<Found> {
    let ms = markers();
    let mut out = Vec::new();
    for s in 0..ctx.sentence_count() {
        let (a, b) = ctx.sentence_range(s);
        // Statements are in text order: this sentence's are one stretch.
        let sts = &statements[statements.partition_point(|st| st.verb < a)
            ..statements.partition_point(|st| st.verb < b)];
        let mut taken: Vec<Found> = Vec::new();
        let mut covered = a;
        let mut i = a;
        while i < b {
            let hit = if ctx.is_word(i) && ctx.has(i, crate::lexicon::flag::CLAIM_START) {
                ms.get(ctx.lw(i)).and_then(|list| {
                    list.iter().find_map(|m| {
                        let e = match_at(ctx, m, i, b)?;
                        sense_ok(ctx, m, i, e, a, b).then_some((e, m))
                    })
                })
            } else {
                None
            };
            let Some((e, m)) = hit else {
                if i >= covered {
                    if let Some((f, end)) = noun_claim(ctx, i, a, b) {
                        covered = end;
                        taken.push(f);
                    }
                }
                i += 1;
                continue;
            };
            if i < covered {
                i = e;
                continue;
            }
            let (f, end) = found_at(ctx, m, i, e, a, b, sts);
            covered = end;
            i = e;
            taken.push(f);
        }
        // An unnamed source for the whole sentence: "…, a senior official said."
        if taken.is_empty() {
            if let Some(st) = sts.iter().find(|st| {
                unnamed_source(ctx, st.np)
                    && ctx.in_list(st.verb, &["said", "says", "told", "tells", "according"])
            }) {
                let (lo, hi) = (st.np.start.min(st.verb), st.np.end.max(st.cue_end));
                let last = clause_end(ctx, a, b, a);
                if let Some(span) = Some(ctx.span(a, last)).filter(|s| !s.is_empty()) {
                    taken.push(Found {
                        span,
                        marker: ctx.span(lo, hi),
                        kind: ClaimKind::Hedged,
                        holder: Some(with_article(ctx, st.np)),
                        reporter: false,
                        unnamed: true,
                        rule: "hedged: a statement by an unnamed source (`a senior official \
                               said`, `sources told`)"
                            .into(),
                    });
                }
            }
        }
        out.extend(taken.into_iter().filter(|f| !f.span.is_empty()));
    }
    out
}

/// `senior official` with the article before it: `a senior official`.
fn with_article(ctx: &Ctx, np: Np) -> Np {
    if np.start > 0 && ctx.in_list(np.start - 1, &["a", "an"]) {
        Np {
            start: np.start - 1,
            ..np
        }
    } else {
        np
    }
}

/// A plural subject without a determiner right before the verb at `i`: `immigration advocates
/// argue`, `many scholars counter`, `the farmers' union argues`.
fn bare_subject(ctx: &Ctx, i: usize, a: usize) -> Option<Np> {
    let end = ctx.skip_back_adverbials(i, a);
    let mut start = end;
    while start > a && end - start < 4 {
        let p = start - 1;
        let function = ctx.in_list(
            p,
            &[
                "and", "but", "or", "that", "which", "who", "whom", "as", "if", "when", "while",
                "because", "of", "to", "in", "on", "for", "with", "by", "at", "from", "however",
                "so", "yet", "also", "now", "then",
            ],
        );
        if !ctx.is_word(p) && !ctx.is_punct(p, '\'') && !ctx.is_punct(p, '’')
            || function
            || ctx.verb(p).is_some()
        {
            break;
        }
        start = p;
        if ctx.in_list(p, DETS) {
            break;
        }
    }
    // The noun before the verb: a plural or a collective noun, not a lone adjective.
    (start < end && ctx.is_word(end - 1)).then_some(Np {
        start,
        end,
        kind: NpKind::Description,
    })
}

/// True when the marker at `i` is a participle hanging on the clause before it (`…, claiming
/// that`, `… but dismissing his arguments as`).
fn participle_at(ctx: &Ctx, i: usize, a: usize) -> bool {
    let w = ctx.lw(i);
    w.ends_with("ing")
        && w != "according"
        && i > a
        && (ctx.is_punct(i - 1, ',')
            || ctx.in_list(i - 1, &["but", "while", "and", "before", "after"]))
}

/// `his claim that …`, `a claim by an aide`, `Calder's claim`: the noun `claim` with an owner
/// the text names, not a legal or insurance claim (`claims for damages`, `asylum claims`, `filed
/// a claim`). The span is the noun phrase with its `that`-clause or `by` phrase; the holder its
/// owner.
fn noun_claim(ctx: &Ctx, i: usize, a: usize, b: usize) -> Option<(Found, usize)> {
    if !ctx.in_list(i, &["claim", "claims"]) || i == a || ctx.verb(i).is_some() {
        return None;
    }
    let k = (i.saturating_sub(4).max(a)..i).rev().find(|&k| {
        ctx.possessive(k)
            || ctx.in_list(
                k,
                &[
                    "the", "a", "an", "his", "her", "their", "its", "these", "those", "other",
                ],
            )
    })?;
    // Between the determiner and the noun only modifiers: no verb, no punctuation.
    let legal = [
        "insurance",
        "legal",
        "asylum",
        "humanitarian",
        "damage",
        "damages",
        "disability",
        "compensation",
        "land",
        "territorial",
        "tax",
        "refund",
        "injury",
        "benefit",
        "benefits",
        "unemployment",
        "wage",
        "patent",
        "title",
        "copyright",
        "filed",
        "file",
        "files",
        "filing",
        "pension",
        "medical",
        "welfare",
        "jobless",
    ];
    if (k + 1..i).any(|j| !ctx.is_word(j) || ctx.verb(j).is_some() || ctx.in_list(j, &legal))
        || k > a && ctx.in_list(k - 1, &legal)
        || ctx.in_list(
            i + 1,
            &["for", "of", "against", "such", "to", "under", "filed"],
        )
    {
        return None;
    }
    let owner = ctx.possessive(k) || ctx.in_list(k, &["his", "her", "their", "its"]);
    let that = ctx.lw(i + 1) == "that";
    let by = ctx.lw(i + 1) == "by";
    if !(owner || that || by) {
        return None;
    }
    let holder = if by {
        ctx.np_fwd(i + 2, b)
    } else if ctx.possessive(k) {
        ctx.np_back(k + 1, a)
            .filter(|np| np.end == k + 1)
            .or(Some(Np {
                start: k,
                end: k + 1,
                kind: NpKind::Description,
            }))
    } else if owner {
        Some(Np {
            start: k,
            end: k + 1,
            kind: NpKind::Pronoun,
        })
    } else {
        None
    };
    // Only an owner the text names: a name in the possessive, `his`, `by X`. A description in
    // the possessive ("the president's claim") or a claim with no owner is left out: its
    // holder would be a guess.
    if holder.is_none_or(|h| ctx.possessive(k) && h.kind == NpKind::Description) {
        return None;
    }
    // The noun phrase starts at its determiner, or at the possessor's.
    let start = holder
        .filter(|h| ctx.possessive(k) && h.start <= k)
        .map_or(k, |h| h.start);
    let end = if that || by {
        clause_end(ctx, i + 1, b, i)
    } else {
        i + 1
    };
    Some((
        Found {
            span: ctx.span(start, end),
            marker: ctx.span(i, i + 1),
            kind: ClaimKind::Contested,
            holder,
            reporter: false,
            unnamed: false,
            rule: "contested: the noun `claim` with its owner or content (`his claim that`, \
                   `a claim by X`, `X's claim`); holder: its owner"
                .into(),
        },
        end,
    ))
}

/// The claim marked by `m` at `i..e` in sentence `a..b`: its clause and its holder.
fn found_at(
    ctx: &Ctx,
    m: &Marker,
    i: usize,
    e: usize,
    a: usize,
    b: usize,
    sts: &[Statement],
) -> (Found, usize) {
    let mut marker_end = e;
    let mut reporter = false;
    let holder: Option<Np> = match m.who {
        Who::Nobody => None,
        Who::Reporter => {
            reporter = true;
            None
        }
        Who::After => {
            let np = ctx.np_fwd(i + if ctx.lw(i) == "according" { 2 } else { 1 }, b);
            if ctx.lw(i) == "according" {
                if let Some(np) = np {
                    marker_end = marker_end.max(np.end);
                }
            }
            np
        }
        Who::Speaker => {
            let st = sts
                .iter()
                .filter(|st| st.verb < i || st.np.start > e)
                .filter(|st| {
                    let (x, y) = if st.verb < i {
                        (st.verb, i)
                    } else {
                        (e, st.np.start)
                    };
                    !(x..y).any(|k| {
                        matches!(
                            ctx.toks[k].kind,
                            Kind::Punct(';' | '—' | '―' | '–' | '-' | '(' | ')')
                        )
                    })
                })
                .min_by_key(|st| st.verb.abs_diff(i));
            match st {
                Some(st) => Some(st.np),
                None => {
                    reporter = true;
                    None
                }
            }
        }
        Who::Subject => {
            if participle_at(ctx, i, a) {
                // ", claiming that …": the subject of the clause it hangs on.
                ctx.clause_subject(a, i)
            } else {
                ctx.subject_of(i, a)
                    .or_else(|| {
                        ctx.verb(i)
                            .and_then(|_| ctx.statement_at(i, a, b))
                            .map(|st| st.np)
                    })
                    .or_else(|| bare_subject(ctx, i, a))
                    .or_else(|| {
                        if i == a {
                            ctx.clause_subject(e, b)
                        } else {
                            ctx.clause_subject(a, i)
                        }
                    })
            }
        }
    };
    let holder = holder.filter(|h| h.end <= b && h.start >= a);
    // The clause: from its opener (or the holder, when it stands before the marker in it) to
    // its end.
    let anchor = match holder {
        Some(h) if h.start < i && m.who == Who::Subject => h.start,
        _ => i,
    };
    let mut start = if participle_at(ctx, i, a) || m.who == Who::After && ctx.lw(i) == "what" {
        i
    } else if ctx.lw(i) == "believed" {
        // "the rifle believed to have been used": a reduced relative after its noun.
        ctx.np_back(i, a).map_or(i, |np| np.start)
    } else {
        clause_start(ctx, anchor, a)
    };
    // The article's verdict on a whole sentence ("…, making a false claim."): the sentence.
    if m.who == Who::Reporter && ctx.lw(i) == "false" {
        start = a;
    }
    // A statement closing the sentence ("…, a senior official said."): the whole sentence.
    if m.who == Who::Speaker && start > a && holder.is_some_and(|h| h.start > e) {
        start = a;
    }
    let mut end = clause_end(ctx, e.max(i + 1), b, i).max(e);
    if m.who == Who::Reporter && ctx.lw(i) == "false" {
        end = clause_end(ctx, e.max(i + 1), b, a).max(e);
    }
    let rule = format!(
        "{}: marker `{}` (claim_markers.txt){}",
        m.kind.as_str(),
        m.line.trim(),
        match m.who {
            Who::Subject => "; holder: the subject of the marker",
            Who::Nobody => "; holder: none named",
            Who::Reporter => "; holder: the article",
            Who::Speaker if reporter => "; holder: the article (no speaker in the sentence)",
            Who::Speaker => "; holder: the sentence's speaker",
            Who::After => "; holder: the noun phrase after it",
        }
    );
    // "it appears": the marker starts at `it`.
    let marker_start = if m.afteritbe {
        i - 2
    } else if m.afterit || m.afterbe {
        i - 1
    } else {
        i
    };
    if start > marker_start {
        start = marker_start;
    }
    (
        Found {
            span: ctx.span(start, end),
            marker: ctx.span(marker_start, marker_end),
            kind: m.kind,
            holder,
            reporter,
            unnamed: m.unnamed,
            rule,
        },
        end,
    )
}

#[cfg(test)]
mod tests {
    use crate::{analyze, ClaimKind};

    fn claims(t: &str) -> Vec<(ClaimKind, String, Option<String>)> {
        let a = analyze(t);
        a.claims
            .iter()
            .map(|c| (c.kind, c.marker.as_str(t).to_string(), c.holder.clone()))
            .collect()
    }

    #[test]
    fn contested_markers() {
        let c = claims("Talks\nMr. Putin claims that his actions aim to protect Russia.");
        assert_eq!(
            c,
            [(ClaimKind::Contested, "claims".into(), Some("Putin".into()))]
        );
        let c = claims("Talks\nIt is denouncing what it calls a coordinated attack.");
        assert_eq!(c[0].0, ClaimKind::Contested);
        assert_eq!(c[0].1, "what it calls");
        let c = claims("Talks\nBoth sides accused one another of endangering the plant.");
        assert_eq!(c[0].1, "accused one another of");
    }

    #[test]
    fn counter_markers_and_passives() {
        let c = claims("Talks\nRussia, however, has dismissed the idea of peacekeepers.");
        assert_eq!(
            c,
            [(
                ClaimKind::Counter,
                "dismissed".into(),
                Some("Russia".into())
            )]
        );
        assert!(claims("Talks\nThe case was dismissed on Friday.").is_empty());
    }

    #[test]
    fn hedged_markers() {
        let c = claims("Talks\nPutin is said to have demands beyond Ukraine.");
        assert_eq!(c[0].0, ClaimKind::Hedged);
        assert_eq!(c[0].1, "is said to");
        let c = claims("Talks\nAccording to experts, the leader is trying to buy time.");
        assert_eq!(c[0].1, "According to experts");
        let c = claims("Talks\nHe likely referenced the nuclear plant.");
        assert_eq!(c[0].1, "likely");
    }

    #[test]
    fn markers_inside_quotations_belong_to_the_speaker() {
        let c = claims("Talks\n“It appears the talks failed,” Ana Ruiz said.");
        assert_eq!(
            c,
            [(
                ClaimKind::Hedged,
                "It appears".into(),
                Some("Ana Ruiz".into())
            )]
        );
        // Without a known speaker the quotation is not read for claims.
        assert!(claims("Talks\nThe banner read “they claimed it was safe” in red.").is_empty());
    }
}
