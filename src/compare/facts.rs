//! Conflicting facts: titles and descriptions of one person, weekdays and dates of one event or
//! statement, numbers of one quantity, and the same words given to different speakers.
//!
//! Precision comes first: facts are compared only inside sentences aligned with each other (see
//! [`super::coverage`]) or inside one quote group, and a slot is flagged only when both sides
//! give a value and the values cannot both be true.

use rustc_hash::FxHashMap as HashMap;

use super::coverage::Pair;
use super::words::Word;
use super::{reports_label, Ctx, Discrepancy, DiscrepancyItem, DiscrepancyKind, QuoteGroup};
use crate::lexicon::{flag, Lexicon};
use crate::span::Span;

/// Aligned sentences are compared for weekdays and dates from this score on (they must also
/// name the same person)…
pub const DATE_MIN_SCORE: f32 = 0.4;
/// Aligned sentences that name no common person need this score to be taken as one event.
pub const DATE_UNNAMED_MIN_SCORE: f32 = 0.6;
/// …and for numbers from this one (numbers need no shared person, so a closer match).
pub const NUMBER_MIN_SCORE: f32 = 0.5;

/// Words that say whose a title is rather than what it is: left out when titles are compared,
/// so `US President` and `President` agree.
const NATIONALITY: &str =
    "us u.s. usa american america united states uk u.k. british britain english
russian russia ukrainian ukraine french france german germany chinese china european eu israeli
israel iranian iran indian india japanese japan saudi turkish turkey polish poland canadian canada
australian australia italian italy spanish spain nato un u.n. middle east west western eastern";
/// Honorifics and function words, also left out.
const IGNORED: &str = "mr mr. mrs mrs. ms ms. dr dr. sir the a an of for in on to at and 's";
/// Modifiers that change what a title means (`Former President` is not `President`).
const STATUS: &str = "former ex acting late interim outgoing elect then-president deputy vice";

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const MONTHS: [&str; 12] = [
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
];

fn in_list(list: &str, w: &str) -> bool {
    list.split_whitespace().any(|x| x == w)
}

fn is_title_word(w: &str) -> bool {
    Lexicon::get().info(w).flags & flag::TITLE != 0
}

fn is_honorific(w: &str) -> bool {
    matches!(w.trim_end_matches('.'), "mr" | "mrs" | "ms" | "dr" | "sir")
}

fn capitalised(text: &str, w: &Word) -> bool {
    w.span
        .as_str(text)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn possessive(text: &str, w: &Word) -> bool {
    let s = w.span.as_str(text);
    s.ends_with("'s") || s.ends_with("’s")
}

/// Where a person is named: surname (lower case) → person, for every spelling a report uses.
fn surnames(ctx: &Ctx) -> HashMap<String, usize> {
    let mut out = HashMap::default();
    for (p, person) in ctx.people.list.iter().enumerate() {
        if person.organisation || person.name.split_whitespace().count() < 2 {
            continue;
        }
        for &(r, s) in &person.speakers {
            if let Some(sp) = ctx.reports.get(r).and_then(|(_, a)| a.speakers.get(s)) {
                if let Some(last) = sp.name.split_whitespace().next_back() {
                    out.entry(last.to_lowercase()).or_insert(p);
                }
            }
        }
    }
    out
}

/// One description of a person in one report.
struct Desc {
    report: usize,
    span: Span,
    context: Span,
    surface: String,
    /// The compared words, sorted.
    norm: Vec<String>,
}

fn normalise(text: &str, ws: &[Word]) -> Vec<String> {
    let mut out: Vec<String> = ws
        .iter()
        .filter(|w| !possessive(text, w))
        .map(|w| w.span.as_str(text).to_lowercase().replace('’', "'"))
        .filter(|w| !in_list(NATIONALITY, w) && !in_list(IGNORED, w) && !is_honorific(w))
        .map(|w| {
            if w == "advisor" {
                "adviser".to_string()
            } else {
                w
            }
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Words between two words contain this character (a comma between an apposition and a name).
fn gap_has(text: &str, a: &Word, b: &Word, c: char) -> bool {
    Span::new(a.span.end, b.span.start).as_str(text).contains(c)
}

/// The description of the person named by `ws[k]` (the surname): title words before the name
/// (`Former President Donald Trump`), a phrase before a comma (`Trump's envoy for the
/// conflict, Steve Witkoff`) or an apposition after it (`Steve Witkoff, the US Special Envoy`).
fn describe(text: &str, ws: &[Word], k: usize) -> Option<(usize, usize)> {
    // Skip first names: up to two capitalised words that are no title or nationality.
    let mut j = k;
    let mut firsts = 0;
    while j > 0 && firsts < 2 {
        let w = &ws[j - 1];
        let l = w.lower.as_str();
        if capitalised(text, w)
            && !is_title_word(l)
            && !in_list(NATIONALITY, l)
            && !possessive(text, w)
            && !gap_has(text, w, &ws[j], ',')
        {
            j -= 1;
            firsts += 1;
        } else {
            break;
        }
    }
    let name_start = j;
    // Title words directly before.
    let mut i = j;
    while i > 0 {
        let w = &ws[i - 1];
        if gap_has(text, w, &ws[i], ',')
            || Span::new(w.span.end, ws[i].span.start)
                .as_str(text)
                .contains(['"', '“', '”', '(', ')'])
        {
            break;
        }
        let l = w.lower.as_str();
        let next_is_title = ws.get(i).is_some_and(|n| is_title_word(&n.lower)) && i < name_start;
        let ok = is_title_word(l)
            || in_list(NATIONALITY, l)
            || possessive(text, w) && i < name_start
            || l == "of" && next_is_title
            || capitalised(text, w) && next_is_title && i >= 2;
        if !ok {
            break;
        }
        i -= 1;
    }
    if i < name_start
        && ws[i..name_start]
            .iter()
            .any(|w| is_title_word(&w.lower) && !is_honorific(&w.lower))
    {
        return Some((i, name_start));
    }
    // A phrase before a comma, from the sentence start, a comma or `and`.
    if name_start > 0 && i == name_start && gap_has(text, &ws[name_start - 1], &ws[name_start], ',')
    {
        let mut b = name_start - 1;
        while b > 0
            && !gap_has(text, &ws[b - 1], &ws[b], ',')
            && ws[b - 1].lower != "and"
            && name_start - b < 8
        {
            b -= 1;
        }
        let at_boundary =
            b == 0 || gap_has(text, &ws[b - 1], &ws[b], ',') || ws[b - 1].lower == "and";
        let phrase = &ws[b..name_start];
        let titled = phrase
            .iter()
            .any(|w| is_title_word(&w.lower) && !is_honorific(&w.lower));
        let starts_well = phrase.first().is_some_and(|w| {
            possessive(text, w) || in_list(NATIONALITY, &w.lower) || w.lower == "the"
        });
        if at_boundary && titled && starts_well && phrase.len() <= 7 {
            return Some((b, name_start));
        }
    }
    // An apposition after the name: `, the … ,` or `, Trump's … ,`.
    if let Some(n) = ws.get(k + 1) {
        if gap_has(text, &ws[k], n, ',')
            && (matches!(n.lower.as_str(), "the" | "a" | "an") || possessive(text, n))
        {
            let mut e = k + 1;
            while e + 1 < ws.len() && !gap_has(text, &ws[e], &ws[e + 1], ',') && e - k < 10 {
                e += 1;
            }
            let phrase = &ws[k + 1..=e];
            let titled = phrase
                .iter()
                .any(|w| is_title_word(&w.lower) && !is_honorific(&w.lower));
            let ends_clause = e + 1 == ws.len() || gap_has(text, &ws[e], &ws[e + 1], ',');
            if titled && ends_clause && e - k <= 9 {
                return Some((k + 1, e + 1));
            }
        }
    }
    None
}

/// The title or description one person is given differs between reports.
pub(crate) fn titles(ctx: &Ctx) -> Vec<Discrepancy> {
    let names = surnames(ctx);
    if names.is_empty() {
        return Vec::new();
    }
    let mut by_person: Vec<Vec<Desc>> = (0..ctx.people.list.len()).map(|_| Vec::new()).collect();
    for s in &ctx.sents {
        let text = ctx.text(s.report);
        for (k, w) in s.words.iter().enumerate() {
            let Some(&p) = names.get(w.lower.as_str()) else {
                continue;
            };
            if !capitalised(text, w) {
                continue;
            }
            let Some((a, b)) = describe(text, &s.words, k) else {
                continue;
            };
            let (Some(first), Some(last)) = (s.words.get(a), s.words.get(b.saturating_sub(1)))
            else {
                continue;
            };
            let norm = normalise(text, &s.words[a..b]);
            if norm.is_empty() {
                continue;
            }
            let span = Span::new(first.span.start, last.span.end);
            if let Some(list) = by_person.get_mut(p) {
                list.push(Desc {
                    report: s.report,
                    span,
                    context: s.span,
                    surface: span.as_str(text).to_string(),
                    norm,
                });
            }
        }
    }
    let mut out = Vec::new();
    for (p, descs) in by_person.iter().enumerate() {
        let conflict = descs.iter().any(|a| {
            descs.iter().any(|b| {
                a.report != b.report && a.norm != b.norm && titles_conflict(&a.norm, &b.norm)
            })
        });
        if !conflict {
            continue;
        }
        // One value per distinct description, with the reports that use it.
        let mut values: Vec<(&Vec<String>, Vec<usize>, &Desc)> = Vec::new();
        let mut items = Vec::new();
        for d in descs {
            match values.iter_mut().find(|v| *v.0 == d.norm) {
                Some(v) => {
                    if !v.1.contains(&d.report) {
                        v.1.push(d.report);
                        items.push(item(d));
                    }
                    if d.surface.len() < v.2.surface.len() {
                        v.2 = d;
                    }
                }
                None => {
                    values.push((&d.norm, vec![d.report], d));
                    items.push(item(d));
                }
            }
        }
        for v in &mut values {
            v.1.sort_unstable();
        }
        values.sort_by_key(|v| v.1.len());
        let parts: Vec<String> = values
            .iter()
            .map(|v| format!("{} ({})", v.2.surface, reports_label(&v.1)))
            .collect();
        let name = &ctx.people.list[p].name;
        out.push(Discrepancy {
            kind: DiscrepancyKind::Title,
            label: format!("Title of {name}: {}", parts.join(" vs ")),
            items,
        });
    }
    out
}

fn item(d: &Desc) -> DiscrepancyItem {
    DiscrepancyItem {
        report: d.report,
        span: d.span,
        context: d.context,
        value: d.surface.clone(),
    }
}

/// Two descriptions conflict when they differ in a status word (`former`) or when neither is a
/// less specific form of the other (`Special Envoy for the Middle East`, `envoy for the conflict`).
fn titles_conflict(a: &[String], b: &[String]) -> bool {
    let status =
        |x: &[String], y: &[String]| x.iter().any(|w| in_list(STATUS, w) && !y.contains(w));
    if status(a, b) || status(b, a) {
        return true;
    }
    let subset = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    !subset(a, b) && !subset(b, a)
}

/// A value found in a sentence: its words and how it compares.
#[derive(Clone, Debug)]
struct Val {
    span: Span,
    /// The compared value (`monday`, `3-18`, `31`).
    value: String,
    /// For numbers: the similarity keys of the words that follow (the unit).
    unit: Vec<String>,
    /// For numbers: the unit as written.
    unit_text: String,
}

/// True when `at` lies inside one of the report's quotations.
fn in_quote(ctx: &Ctx, report: usize, at: Span) -> bool {
    let Some(inners) = ctx.quote_inners.get(report) else {
        return false;
    };
    // The outermost quotations do not overlap: only the last one starting before `at` can
    // hold it.
    let k = inners.partition_point(|q| q.start <= at.start);
    k > 0 && inners[k - 1].contains(at)
}

fn weekdays(ctx: &Ctx, si: usize) -> Vec<Val> {
    let s = &ctx.sents[si];
    s.words
        .iter()
        .filter(|w| WEEKDAYS.contains(&w.lower.as_str()) && !in_quote(ctx, s.report, w.span))
        .map(|w| Val {
            span: w.span,
            value: w.lower.clone(),
            unit: Vec::new(),
            unit_text: String::new(),
        })
        .collect()
}

fn number_of(w: &str) -> Option<f64> {
    const SMALL: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = SMALL.iter().position(|&x| x == w) {
        return Some(i as f64);
    }
    const TENS: [(&str, f64); 7] = [
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
    ];
    if let Some(&(_, v)) = TENS.iter().find(|(x, _)| *x == w) {
        return Some(v);
    }
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return w.replace(',', "").parse().ok();
    }
    None
}

fn dates(ctx: &Ctx, si: usize) -> Vec<Val> {
    let s = &ctx.sents[si];
    let text = ctx.text(s.report);
    let ws = &s.words;
    let mut out = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        if in_quote(ctx, s.report, w.span) {
            continue;
        }
        let month = MONTHS.iter().position(|&m| m == w.lower);
        if let (Some(m), Some(n)) = (month, ws.get(k + 1)) {
            if let Some(d) =
                number_of(&n.lower).filter(|d| (1.0..=31.0).contains(d) && d.fract() == 0.0)
            {
                out.push(Val {
                    span: Span::new(w.span.start, n.span.end),
                    value: format!("{}-{}", m + 1, d),
                    unit: vec![],
                    unit_text: String::new(),
                });
            }
        }
        // 2025-03-18
        if w.lower.len() == 4 && w.lower.bytes().all(|b| b.is_ascii_digit()) {
            if let (Some(mo), Some(d)) = (ws.get(k + 1), ws.get(k + 2)) {
                let dashes = Span::new(w.span.end, mo.span.start).as_str(text) == "-"
                    && Span::new(mo.span.end, d.span.start).as_str(text) == "-";
                if let (true, Some(m), Some(day)) =
                    (dashes, number_of(&mo.lower), number_of(&d.lower))
                {
                    if (1.0..=12.0).contains(&m) && (1.0..=31.0).contains(&day) {
                        out.push(Val {
                            span: Span::new(w.span.start, d.span.end),
                            value: format!("{m}-{day}"),
                            unit: vec![],
                            unit_text: String::new(),
                        });
                    }
                }
            }
        }
    }
    out
}

fn numbers(ctx: &Ctx, si: usize) -> Vec<Val> {
    let s = &ctx.sents[si];
    let text = ctx.text(s.report);
    let ws = &s.words;
    let mut out = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        let Some(v) = number_of(&w.lower) else {
            continue;
        };
        // Years, dates and times are not quantities.
        let prev = k
            .checked_sub(1)
            .and_then(|p| ws.get(p))
            .map(|p| p.lower.as_str());
        let next = ws.get(k + 1).map(|n| n.lower.as_str());
        if (1800.0..=2100.0).contains(&v) && w.lower.len() == 4
            || prev.is_some_and(|p| MONTHS.contains(&p))
            || next.is_some_and(|n| {
                MONTHS.contains(&n)
                    || matches!(n, "am" | "pm" | "a.m" | "p.m" | "percent" | "o'clock")
            })
            || w.lower == "one" && next.is_some_and(|n| n == "of" || n == "another")
            || in_quote(ctx, s.report, w.span)
        {
            continue;
        }
        // The unit: the next content words up to a punctuation mark, at most three.
        let mut unit = Vec::new();
        let mut unit_text = String::new();
        let mut prev_w = w;
        for n in ws.iter().skip(k + 1).take(3) {
            let gap = Span::new(prev_w.span.end, n.span.start).as_str(text);
            if gap.chars().any(|c| !c.is_whitespace() && c != '-') {
                break;
            }
            if number_of(&n.lower).is_some() {
                break;
            }
            if n.is_content() {
                unit.push(n.key.clone());
                if unit_text.is_empty() {
                    unit_text = n.span.as_str(text).to_string();
                }
            }
            prev_w = n;
        }
        if !unit.is_empty() {
            out.push(Val {
                span: w.span,
                value: fmt_num(v),
                unit,
                unit_text,
            });
        }
    }
    out
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// People named in a sentence (by surname).
fn persons_in(ctx: &Ctx, names: &HashMap<String, usize>, si: usize) -> Vec<usize> {
    let mut out: Vec<usize> = ctx.sents[si]
        .words
        .iter()
        .filter_map(|w| names.get(w.lower.as_str()).copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// One side of a pairwise conflict, before pairs are merged into discrepancies.
struct Side {
    sent: usize,
    val: Val,
}

/// Weekdays, dates and numbers that differ between aligned sentences.
pub(crate) fn dates_and_numbers(ctx: &Ctx, aligned: &[Pair]) -> Vec<Discrepancy> {
    let names = surnames(ctx);
    // (kind, subject label) → conflicting sides
    let mut found: Vec<(DiscrepancyKind, String, Side, Side)> = Vec::new();
    for p in aligned {
        // Dice only: a short headline contained in a long sentence is no evidence of one event.
        let score = p.dice;
        if score >= DATE_MIN_SCORE {
            let shared: Vec<usize> = {
                let b = persons_in(ctx, &names, p.b);
                persons_in(ctx, &names, p.a)
                    .into_iter()
                    .filter(|x| b.contains(x))
                    .collect()
            };
            // Without a person both sentences name, only a close match is one event.
            let who = shared.first().map(|&p| ctx.people.list[p].name.as_str());
            if who.is_some() || score >= DATE_UNNAMED_MIN_SCORE {
                for (what, get) in [
                    ("Weekday", weekdays as fn(&Ctx, usize) -> Vec<Val>),
                    ("Date", dates),
                ] {
                    let (va, vb) = (get(ctx, p.a), get(ctx, p.b));
                    if va.is_empty()
                        || vb.is_empty()
                        || va.iter().any(|x| vb.iter().any(|y| x.value == y.value))
                    {
                        continue;
                    }
                    let verb = says(ctx, p.a) && says(ctx, p.b);
                    let label = match who {
                        Some(name) if verb => format!("{what} of a statement by {name}"),
                        Some(name) => format!("{what} of an event with {name}"),
                        None => format!("{what} of the same event"),
                    };
                    found.push((
                        DiscrepancyKind::Date,
                        label,
                        Side {
                            sent: p.a,
                            val: va[0].clone(),
                        },
                        Side {
                            sent: p.b,
                            val: vb[0].clone(),
                        },
                    ));
                }
            }
        }
        if score >= NUMBER_MIN_SCORE {
            let (na, nb) = (numbers(ctx, p.a), numbers(ctx, p.b));
            for x in &na {
                for y in &nb {
                    let Some(u) = x.unit.first() else { continue };
                    if y.unit.first() != Some(u) || x.value == y.value {
                        continue;
                    }
                    // The other value with the same unit on the same side makes it no conflict.
                    let same_unit = |v: &Val| v.unit.first() == Some(u);
                    if na.iter().any(|v| same_unit(v) && v.value == y.value)
                        || nb.iter().any(|v| same_unit(v) && v.value == x.value)
                    {
                        continue;
                    }
                    let label = format!("Number of {}", x.unit_text.to_lowercase());
                    found.push((
                        DiscrepancyKind::Number,
                        label,
                        Side {
                            sent: p.a,
                            val: x.clone(),
                        },
                        Side {
                            sent: p.b,
                            val: y.clone(),
                        },
                    ));
                }
            }
        }
    }
    merge(ctx, found)
}

/// True when a sentence has a reporting verb outside quotations.
pub(crate) fn says(ctx: &Ctx, si: usize) -> bool {
    let lex = Lexicon::get();
    let s = &ctx.sents[si];
    s.words
        .iter()
        .any(|w| lex.verb_of(lex.info(&w.lower)).is_some() && !in_quote(ctx, s.report, w.span))
}

/// Pairwise conflicts of one label that share a sentence become one discrepancy.
fn merge(ctx: &Ctx, found: Vec<(DiscrepancyKind, String, Side, Side)>) -> Vec<Discrepancy> {
    let mut out: Vec<(DiscrepancyKind, String, Vec<Side>)> = Vec::new();
    for (kind, label, a, b) in found {
        let slot = out.iter_mut().find(|(k, l, sides)| {
            *k == kind && *l == label && sides.iter().any(|s| s.sent == a.sent || s.sent == b.sent)
        });
        match slot {
            Some((_, _, sides)) => {
                for s in [a, b] {
                    if !sides.iter().any(|x| x.sent == s.sent) {
                        sides.push(s);
                    }
                }
            }
            None => out.push((kind, label, vec![a, b])),
        }
    }
    out.into_iter()
        .map(|(kind, label, mut sides)| {
            sides.sort_by_key(|s| s.sent);
            let items: Vec<DiscrepancyItem> = sides
                .iter()
                .map(|s| {
                    let sent = &ctx.sents[s.sent];
                    DiscrepancyItem {
                        report: sent.report,
                        span: s.val.span,
                        context: sent.span,
                        value: s.val.span.as_str(ctx.text(sent.report)).to_string(),
                    }
                })
                .collect();
            Discrepancy {
                kind,
                label: format!("{label}: {}", values_label(&items)),
                items,
            }
        })
        .collect()
}

/// `Monday (report 1) vs Sunday (reports 0, 2)`.
fn values_label(items: &[DiscrepancyItem]) -> String {
    let mut values: Vec<(String, Vec<usize>)> = Vec::new();
    for it in items {
        let v = it.value.clone();
        match values.iter_mut().find(|x| x.0.eq_ignore_ascii_case(&v)) {
            Some(x) => {
                if !x.1.contains(&it.report) {
                    x.1.push(it.report);
                }
            }
            None => values.push((v, vec![it.report])),
        }
    }
    values
        .iter()
        .map(|(v, rs)| format!("{v} ({})", reports_label(rs)))
        .collect::<Vec<_>>()
        .join(" vs ")
}

/// The same words given to different speakers, and the same quotation said on different days.
pub(crate) fn quote_facts(ctx: &Ctx, groups: &[QuoteGroup]) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    for g in groups {
        let opening: String = g
            .majority
            .iter()
            .take(8)
            .map(|m| m.word.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let ellipsis = if g.majority.len() > 8 { "…" } else { "" };
        // Speakers.
        let named: Vec<_> = g
            .members
            .iter()
            .filter_map(|m| m.person.map(|p| (m, p)))
            .collect();
        if named.iter().any(|(_, p)| *p != named[0].1) {
            let items: Vec<DiscrepancyItem> = named
                .iter()
                .filter_map(|(m, p)| {
                    let span = *m.spans.first()?;
                    let context = ctx
                        .sentence_at(m.report, span.start)
                        .map_or(span, |i| ctx.sents[i].span);
                    Some(DiscrepancyItem {
                        report: m.report,
                        span,
                        context,
                        value: ctx.people.list.get(*p)?.name.clone(),
                    })
                })
                .collect();
            let label = format!("Speaker of “{opening}{ellipsis}”: {}", values_label(&items));
            out.push(Discrepancy {
                kind: DiscrepancyKind::Speaker,
                label,
                items,
            });
        }
        // The day it was said: one weekday outside the quotation in the sentence that carries it.
        let mut sides: Vec<DiscrepancyItem> = Vec::new();
        for m in &g.members {
            let Some(first) = m.spans.first() else {
                continue;
            };
            let Some(si) = ctx.sentence_at(m.report, first.start) else {
                continue;
            };
            let days = weekdays(ctx, si);
            let mut distinct: Vec<&str> = days.iter().map(|d| d.value.as_str()).collect();
            distinct.dedup();
            if distinct.len() == 1 {
                let d = &days[0];
                sides.push(DiscrepancyItem {
                    report: m.report,
                    span: d.span,
                    context: ctx.sents[si].span,
                    value: d.span.as_str(ctx.text(m.report)).to_string(),
                });
            }
        }
        if sides
            .iter()
            .any(|s| !s.value.eq_ignore_ascii_case(&sides[0].value))
        {
            let who = g
                .person
                .and_then(|p| ctx.people.list.get(p))
                .map_or("an unnamed speaker".to_string(), |p| p.name.clone());
            let label = format!(
                "Weekday {who} said “{opening}{ellipsis}”: {}",
                values_label(&sides)
            );
            out.push(Discrepancy {
                kind: DiscrepancyKind::Date,
                label,
                items: sides,
            });
        }
    }
    out
}
