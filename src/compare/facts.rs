//! Conflicting facts: titles and descriptions of one person, weekdays and dates of one event or
//! statement, numbers of one quantity, and the same words given to different speakers.
//!
//! Precision comes first: facts are compared only inside sentences aligned with each other (see
//! [`super::coverage`]) or inside one quote group, and a slot is flagged only when both sides
//! give a value and the values cannot both be true.

use rustc_hash::FxHashMap as HashMap;

use super::coverage::Pair;
use super::lists;
use super::people::Name;
use super::words::Word;
use super::{
    reports_label, Ctx, Discrepancy, DiscrepancyItem, DiscrepancyKind, DiscrepancyRule, QuoteGroup,
};
use crate::lexicon::{flag, Lexicon};
use crate::span::Span;

/// Aligned sentences are compared for weekdays and dates from this score on (they must also
/// name the same person, and the day must stand in the reporting clause).
pub const DATE_MIN_SCORE: f32 = 0.4;

/// Words that say whose a title is rather than what it is: left out when titles are compared,
/// so `US President` and `President` agree.
const NATIONALITY: &str =
    "us u.s. usa american america united states uk u.k. british britain english
russian russia ukrainian ukraine french france german germany chinese china european eu israeli
israel iranian iran indian india japanese japan saudi turkish turkey polish poland canadian canada
australian australia italian italy spanish spain nato un u.n. middle east west western eastern";

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

/// Where a person is named: surname (lower case) → the persons with that surname and their
/// given names (empty when every report names them by surname only).
fn surnames(ctx: &Ctx) -> HashMap<String, Vec<(usize, Vec<String>)>> {
    let mut out: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::default();
    for (p, person) in ctx.people.list.iter().enumerate() {
        if person.organisation {
            continue;
        }
        if let Some(Name::Person { given, surname, .. }) = ctx.people.names.get(p) {
            out.entry(surname.clone())
                .or_default()
                .push((p, given.clone()));
        }
    }
    out
}

/// Finds which person a capitalised surname in the text is: by the first name written before
/// it, or for a bare surname the person of that surname last named in full in the report.
struct Finder {
    names: HashMap<String, Vec<(usize, Vec<String>)>>,
    /// (report, surname) → the person last named in full.
    last_full: HashMap<(usize, String), usize>,
}

impl Finder {
    fn new(ctx: &Ctx) -> Finder {
        Finder {
            names: surnames(ctx),
            last_full: HashMap::default(),
        }
    }

    /// The person named by `ws[k]`, whose given name (if written) is `ws[given]`.
    fn find(&mut self, report: usize, ws: &[Word], k: usize, given: usize) -> Option<usize> {
        let surname = ws[k].lower.trim_end_matches("'s");
        let cands = self.names.get(surname)?;
        if given < k {
            let first = ws[given].lower.trim_end_matches('.');
            let l = lists::get();
            let p = cands
                .iter()
                .find(|(_, g)| g.first().is_some_and(|g0| l.same_first_name(g0, first)))?
                .0;
            self.last_full.insert((report, surname.to_string()), p);
            return Some(p);
        }
        // A bare surname that several people share is left alone: the nearest full name may be
        // a relative (`Melania Trump`, then `President Trump`).
        match cands[..] {
            [(p, _)] => Some(p),
            _ => None,
        }
    }
}

/// One description of a person in one report.
struct Desc {
    report: usize,
    span: Span,
    context: Span,
    surface: String,
    title: Title,
}

/// A title taken apart: the offices it gives (canonical, from `offices.txt`), which of them are
/// former, and the words that say of what (`Treasury`, `for the Middle East`).
#[derive(Clone, Debug, Default, PartialEq)]
struct Title {
    current: Vec<String>,
    former: Vec<String>,
    elect: bool,
    quals: Vec<String>,
}

fn parse_title(text: &str, ws: &[Word]) -> Option<Title> {
    let l = lists::get();
    let toks: Vec<(String, bool, bool)> = ws
        .iter()
        .map(|w| {
            let low = w.lower.trim_end_matches('.').replace('\'', "");
            let low = low
                .strip_suffix('s')
                .filter(|_| possessive(text, w))
                .map_or(low.clone(), str::to_string);
            let low = l.abbr.get(&low).cloned().unwrap_or(low);
            (low, capitalised(text, w), possessive(text, w))
        })
        .collect();
    let mut t = Title::default();
    let mut former = false;
    let mut complement = false;
    let mut offices = Vec::new();
    let mut implied = Vec::new();
    let has = |w: &str| toks.iter().any(|x| x.0 == w);
    let mut i = 0;
    while i < toks.len() {
        let (w, cap, poss) = &toks[i];
        if let Some(s) = l.status.get(w.as_str()) {
            match s.as_str() {
                "former" => former = true,
                _ => t.elect = true,
            }
            i += 1;
            continue;
        }
        let form = l.office_forms.iter().find(|(f, _)| {
            toks.get(i..i + f.len())
                .is_some_and(|s| s.iter().zip(f).all(|(a, b)| a.0 == *b))
        });
        if let Some((f, canon)) = form {
            offices.push(canon.clone());
            i += f.len();
            continue;
        }
        if w == "of" || w == "for" {
            complement = true;
        } else if let Some((office, unless)) = l.implies.get(w.as_str()) {
            if !unless.as_ref().is_some_and(|u| has(u)) {
                implied.push(office.clone());
            } else if *cap {
                t.quals.push(w.clone());
            }
        } else if !*poss
            && !l.ignore.contains(w.as_str())
            && (complement || *cap && !in_list(NATIONALITY, w))
            && !(complement && matches!(w.as_str(), "united" | "states" | "us" | "america"))
        {
            t.quals.push(w.clone());
        }
        i += 1;
    }
    if offices.is_empty() {
        return None;
    }
    for o in offices.into_iter().chain(implied) {
        let list = if former {
            &mut t.former
        } else {
            &mut t.current
        };
        if !list.contains(&o) {
            list.push(o);
        }
    }
    crate::sort::sort(&mut t.quals);
    t.quals.dedup();
    Some(t)
}

/// Why two titles of one person cannot both be true, or `None`.
fn titles_conflict(a: &Title, b: &Title) -> Option<(DiscrepancyRule, String)> {
    for (x, y) in [(a, b), (b, a)] {
        if let Some(o) = x
            .former
            .iter()
            .find(|o| y.current.contains(o) && !x.current.contains(o))
        {
            return Some((DiscrepancyRule::TitleFormer, format!("former {o} vs {o}")));
        }
        if x.elect && !y.elect && x.current.iter().any(|o| y.current.contains(o)) {
            return Some((
                DiscrepancyRule::TitleFormer,
                "elect vs in office".to_string(),
            ));
        }
    }
    for g in &lists::get().exclusive {
        let xa: Vec<&String> = a.current.iter().filter(|o| g.contains(o)).collect();
        let xb: Vec<&String> = b.current.iter().filter(|o| g.contains(o)).collect();
        if !xa.is_empty() && !xb.is_empty() && !xa.iter().any(|o| xb.contains(o)) {
            return Some((
                DiscrepancyRule::TitleExclusive,
                format!("{} and {} are not held at once", xa[0], xb[0]),
            ));
        }
    }
    if let Some(o) = a.current.iter().find(|o| b.current.contains(o)) {
        if !a.quals.is_empty()
            && !b.quals.is_empty()
            && !a.quals.iter().any(|q| b.quals.contains(q))
        {
            return Some((
                DiscrepancyRule::TitleRole,
                format!(
                    "{o} of {} vs {o} of {}",
                    a.quals.join(" "),
                    b.quals.join(" ")
                ),
            ));
        }
    }
    None
}

/// Words between two words contain this character (a comma between an apposition and a name).
fn gap_has(text: &str, a: &Word, b: &Word, c: char) -> bool {
    Span::new(a.span.end, b.span.start).as_str(text).contains(c)
}

/// Where the first names before the surname `ws[k]` start: up to two capitalised words that
/// are no title or nationality (`k` when there are none).
fn given_start(text: &str, ws: &[Word], k: usize) -> usize {
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
    j
}

/// The description of the person named by `ws[k]` (the surname): title words before the name
/// (`Former President Donald Trump`), a phrase before a comma (`Trump's envoy for the
/// conflict, Steve Witkoff`) or an apposition after it (`Steve Witkoff, the US Special Envoy`).
fn describe(text: &str, ws: &[Word], k: usize) -> Option<(usize, usize)> {
    let name_start = given_start(text, ws, k);
    let j = name_start;
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

/// The title one person is given in one report cannot be true with the title another gives.
pub(crate) fn titles(ctx: &Ctx) -> Vec<Discrepancy> {
    let mut finder = Finder::new(ctx);
    if finder.names.is_empty() {
        return Vec::new();
    }
    let mut by_person: Vec<Vec<Desc>> = (0..ctx.people.list.len()).map(|_| Vec::new()).collect();
    for s in &ctx.sents {
        let text = ctx.text(s.report);
        for (k, w) in s.words.iter().enumerate() {
            if !capitalised(text, w) || !finder.names.contains_key(w.lower.trim_end_matches("'s")) {
                continue;
            }
            if in_quote(ctx, s.report, w.span) {
                continue;
            }
            let given = given_start(text, &s.words, k);
            // Titles are compared where the full name is written: a bare surname may be a
            // relative's (`President Trump` in a story about the first lady).
            if given == k {
                continue;
            }
            let Some(p) = finder.find(s.report, &s.words, k, given) else {
                continue;
            };
            let Some((a, b)) = describe(text, &s.words, k) else {
                continue;
            };
            let (Some(first), Some(last)) = (s.words.get(a), s.words.get(b.saturating_sub(1)))
            else {
                continue;
            };
            let Some(title) = parse_title(text, &s.words[a..b]) else {
                continue;
            };
            let span = Span::new(first.span.start, last.span.end);
            if let Some(list) = by_person.get_mut(p) {
                list.push(Desc {
                    report: s.report,
                    span,
                    context: s.span,
                    surface: span.as_str(text).to_string(),
                    title,
                });
            }
        }
    }
    let mut out = Vec::new();
    for (p, descs) in by_person.iter().enumerate() {
        // Every description that conflicts with one of another report, and the first reason.
        let mut involved = vec![false; descs.len()];
        let mut why: Option<(DiscrepancyRule, String)> = None;
        for (i, a) in descs.iter().enumerate() {
            for (j, b) in descs.iter().enumerate().skip(i + 1) {
                if a.report == b.report {
                    continue;
                }
                if let Some(r) = titles_conflict(&a.title, &b.title) {
                    involved[i] = true;
                    involved[j] = true;
                    if why.is_none() {
                        why = Some((
                            r.0,
                            format!(
                                "“{}” (report {}) vs “{}” (report {}): {}",
                                a.surface, a.report, b.surface, b.report, r.1
                            ),
                        ));
                    }
                }
            }
        }
        let Some((rule, evidence)) = why else {
            continue;
        };
        // One value per distinct title, with the reports that use it.
        let mut values: Vec<(&Title, Vec<usize>, &Desc)> = Vec::new();
        let mut items = Vec::new();
        for (d, _) in descs.iter().zip(&involved).filter(|(_, x)| **x) {
            match values.iter_mut().find(|v| *v.0 == d.title) {
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
                    values.push((&d.title, vec![d.report], d));
                    items.push(item(d));
                }
            }
        }
        for v in &mut values {
            crate::sort::sort(&mut v.1);
        }
        crate::sort::by_key(&mut values, |v| v.1.len());
        let parts: Vec<String> = values
            .iter()
            .map(|v| format!("{} ({})", v.2.surface, reports_label(&v.1)))
            .collect();
        let name = &ctx.people.list[p].name;
        out.push(Discrepancy {
            kind: DiscrepancyKind::Title,
            rule,
            evidence,
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
        return crate::num::parse_f64(&w.replace(',', ""));
    }
    None
}

/// A weekday or date found in a sentence.
#[derive(Clone, Debug)]
struct Day {
    /// Index of the word in the sentence.
    k: usize,
    span: Span,
    /// `monday` or `3-18`.
    value: String,
    weekday: bool,
}

/// Words that open a new clause: a weekday in one clause says nothing of another's.
const CLAUSE_WORDS: &str = "that which who whom because while after before when but although though
whereas where since until if as and";

/// The clause of word `k`: bounded by punctuation, quotation marks and clause words.
fn clause_of(text: &str, ws: &[Word], k: usize) -> (usize, usize) {
    let boundary = |i: usize| {
        // between ws[i-1] and ws[i]
        Span::new(ws[i - 1].span.end, ws[i].span.start)
            .as_str(text)
            .contains([',', ';', ':', '—', '–', '(', ')', '"', '“', '”'])
            || in_list(CLAUSE_WORDS, &ws[i].lower)
    };
    let mut a = k;
    while a > 0 && !boundary(a) {
        a -= 1;
    }
    let mut b = k + 1;
    while b < ws.len() && !boundary(b) {
        b += 1;
    }
    (a, b)
}

/// Weekdays and dates outside quotations, without those of another occasion (`next Tuesday`).
fn days(ctx: &Ctx, si: usize) -> Vec<Day> {
    let s = &ctx.sents[si];
    let text = ctx.text(s.report);
    let ws = &s.words;
    let l = lists::get();
    let mut out = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        if in_quote(ctx, s.report, w.span) {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| ws[p].lower.as_str());
        if prev.is_some_and(|p| l.relative.contains(p)) {
            continue;
        }
        if WEEKDAYS.contains(&w.lower.trim_end_matches("'s")) {
            out.push(Day {
                k,
                span: w.span,
                value: w.lower.trim_end_matches("'s").to_string(),
                weekday: true,
            });
            continue;
        }
        let month = MONTHS
            .iter()
            .position(|&m| m == w.lower || m.starts_with(&w.lower) && w.lower.len() == 3);
        if let (Some(m), Some(n)) = (month, ws.get(k + 1)) {
            if let Some(d) =
                number_of(&n.lower).filter(|d| (1.0..=31.0).contains(d) && d.fract() == 0.0)
            {
                out.push(Day {
                    k,
                    span: Span::new(w.span.start, n.span.end),
                    // A whole number from 1 to 31: written as `{d}` would write it.
                    value: format!("{}-{}", m + 1, d as u32),
                    weekday: false,
                });
            }
        }
        let _ = text;
    }
    out
}

/// True when the clause holds a reporting verb outside quotations.
fn clause_says(ctx: &Ctx, si: usize, (a, b): (usize, usize)) -> bool {
    let lex = Lexicon::get();
    let s = &ctx.sents[si];
    s.words[a..b]
        .iter()
        .any(|w| lex.verb_of(lex.info(&w.lower)).is_some() && !in_quote(ctx, s.report, w.span))
}

/// Days that belong to a statement: in a clause with a reporting verb (`said on Monday`).
fn statement_days(ctx: &Ctx, si: usize) -> Vec<Day> {
    let s = &ctx.sents[si];
    let text = ctx.text(s.report);
    days(ctx, si)
        .into_iter()
        .filter(|d| clause_says(ctx, si, clause_of(text, &s.words, d.k)))
        .collect()
}

/// The named occasions of a sentence with their days: an event noun from `quantities.txt`
/// with the word before it (`presidential debate`), and a weekday or date in the same clause.
fn event_days(ctx: &Ctx, si: usize) -> Vec<(String, Day)> {
    let s = &ctx.sents[si];
    let text = ctx.text(s.report);
    let ws = &s.words;
    let l = lists::get();
    let ds = days(ctx, si);
    let mut out = Vec::new();
    if ds.is_empty() {
        return out;
    }
    for (k, w) in ws.iter().enumerate().skip(1) {
        let noun = w.lower.trim_end_matches("'s");
        let noun = if l.events.contains(noun) {
            noun
        } else if noun.ends_with('s') && l.events.contains(&noun[..noun.len() - 1]) {
            &noun[..noun.len() - 1]
        } else {
            continue;
        };
        let m = &ws[k - 1];
        if !m.is_content()
            || WEEKDAYS.contains(&m.lower.trim_end_matches("'s"))
            || in_quote(ctx, s.report, w.span)
            || gap_has(text, m, w, ',')
        {
            continue;
        }
        let clause = clause_of(text, ws, k);
        for d in &ds {
            if (clause.0..clause.1).contains(&d.k) {
                out.push((format!("{} {noun}", m.key), d.clone()));
            }
        }
    }
    out
}

/// A number found in a sentence, with what it counts.
#[derive(Clone, Debug)]
struct Num {
    span: Span,
    value: f64,
    /// The rounding the written form allows (`1.4 billion`: 0.1 billion).
    step: f64,
    bound: Option<lists::Bound>,
    money: bool,
    /// The similarity key of the noun counted (`survivor`), empty when none follows.
    unit: String,
    unit_text: String,
    /// Similarity ids of the content words around it.
    context: Vec<u32>,
}

/// Words around a number that tell what it is about.
pub const NUMBER_WINDOW: usize = 12;
/// Numbers of one unit in two reports are one quantity when their contexts share this many
/// content words.
pub const NUMBER_MIN_SHARED: usize = 2;

fn numbers(ctx: &Ctx, si: usize) -> Vec<Num> {
    let s = &ctx.sents[si];
    let text = ctx.text(s.report);
    let ws = &s.words;
    let l = lists::get();
    let mut out = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        let Some(v) = number_of(&w.lower) else {
            continue;
        };
        if !w.lower.starts_with(|c: char| c.is_ascii_digit()) && v < 10.0 {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| ws[p].lower.as_str());
        let next = ws.get(k + 1).map(|n| n.lower.as_str());
        if (1800.0..=2100.0).contains(&v) && w.lower.len() == 4
            || prev.is_some_and(|p| {
                MONTHS.contains(&p) || MONTHS.iter().any(|m| m.starts_with(p) && p.len() == 3)
            })
            || next.is_some_and(|n| {
                MONTHS.contains(&n)
                    || matches!(
                        n,
                        "am" | "pm"
                            | "a.m"
                            | "p.m"
                            | "percent"
                            | "oclock"
                            | "st"
                            | "nd"
                            | "rd"
                            | "th"
                            | "s"
                    )
            })
            || in_quote(ctx, s.report, w.span)
        {
            continue;
        }
        let digits = w.lower.replace(',', "");
        let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
        let mut end = k;
        let mut scale = 1.0;
        if let Some(f) = next.and_then(|n| l.scales.get(n)) {
            scale = *f;
            end = k + 1;
        }
        let step = if decimals > 0 {
            10f64.powi(-(decimals as i32)) * scale
        } else if scale > 1.0 {
            // `3 billion`: a round figure, but not one to be read as anything from 2.5 to 3.5.
            0.2 * scale
        } else if v >= 100.0 {
            let zeros = digits.chars().rev().take_while(|&c| c == '0').count();
            10f64.powi(zeros as i32) * scale
        } else {
            scale
        };
        let before = &text[..w.span.start];
        let mut money = before.trim_end().ends_with('$');
        // The unit: the next word when it is a content word right after.
        let (mut unit, mut unit_text) = (String::new(), String::new());
        if let Some(n) = ws.get(end + 1) {
            let gap = Span::new(ws[end].span.end, n.span.start).as_str(text);
            if gap.chars().all(|c| c.is_whitespace() || c == '-')
                && n.is_content()
                && number_of(&n.lower).is_none()
            {
                if matches!(n.lower.as_str(), "dollars" | "dollar") {
                    money = true;
                } else {
                    unit = n.key.clone();
                    unit_text = n.span.as_str(text).to_string();
                }
            }
        }
        if money {
            unit = "$".into();
            unit_text = "dollars".into();
        }
        // A bound or approximation right before.
        let bound = l.bounds.iter().find_map(|(phrase, b)| {
            let n = phrase.len();
            (k >= n && ws[k - n..k].iter().zip(phrase).all(|(x, y)| x.lower == *y)).then_some(*b)
        });
        let (a, b) = (
            k.saturating_sub(NUMBER_WINDOW),
            (end + 1 + NUMBER_WINDOW).min(ws.len()),
        );
        let mut context: Vec<u32> = ws[a..b]
            .iter()
            .filter(|x| {
                x.is_content() && number_of(&x.lower).is_none() && !l.scales.contains_key(&x.lower)
            })
            .filter_map(|x| ctx.vocab.get(&x.key))
            .collect();
        crate::sort::sort(&mut context);
        context.dedup();
        let start = if money {
            before.trim_end().len() - 1
        } else {
            w.span.start
        };
        out.push(Num {
            span: Span::new(start, ws[end].span.end),
            value: v * scale,
            step,
            bound,
            money,
            unit,
            unit_text,
            context,
        });
    }
    out
}

/// The values a number allows: its rounding, open-ended for bounds.
fn interval(n: &Num) -> (f64, f64) {
    let half = n.step * 0.49;
    match n.bound {
        Some(lists::Bound::Lower) => (n.value, f64::INFINITY),
        Some(lists::Bound::Upper) => (f64::NEG_INFINITY, n.value),
        // `about` says the written figure is rounded, which its step already allows.
        Some(lists::Bound::About) | None => (n.value - half, n.value + half),
    }
}

/// Two numbers can both be true (`$1.4 billion` and `$1.375 billion`, `at least 30` and `31`).
fn compatible(a: &Num, b: &Num) -> bool {
    let (x, y) = (interval(a), interval(b));
    x.0 <= y.1 && y.0 <= x.1
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        crate::num::fmt_f64(v)
    }
}

/// People named in a sentence (by surname).
fn persons_in(
    ctx: &Ctx,
    names: &HashMap<String, Vec<(usize, Vec<String>)>>,
    si: usize,
) -> Vec<usize> {
    let mut out: Vec<usize> = ctx.sents[si]
        .words
        .iter()
        .filter_map(|w| names.get(w.lower.trim_end_matches("'s")))
        .filter(|c| c.len() == 1)
        .map(|c| c[0].0)
        .collect();
    crate::sort::sort(&mut out);
    out.dedup();
    out
}

/// One side of a pairwise conflict, before pairs are merged into discrepancies.
struct Side {
    sent: usize,
    span: Span,
}

struct Found {
    kind: DiscrepancyKind,
    rule: DiscrepancyRule,
    label: String,
    evidence: String,
    a: Side,
    b: Side,
}

/// Weekdays, dates and numbers that differ for one statement, occasion or quantity.
pub(crate) fn dates_and_numbers(ctx: &Ctx, aligned: &[Pair]) -> Vec<Discrepancy> {
    let names = surnames(ctx);
    let mut found: Vec<Found> = Vec::new();
    // A statement by one person, in matched sentences: the day in the reporting clause.
    for p in aligned {
        if p.dice < DATE_MIN_SCORE {
            continue;
        }
        let shared: Vec<usize> = {
            let b = persons_in(ctx, &names, p.b);
            persons_in(ctx, &names, p.a)
                .into_iter()
                .filter(|x| b.contains(x))
                .collect()
        };
        let Some(&who) = shared.first() else { continue };
        let (da, db) = (statement_days(ctx, p.a), statement_days(ctx, p.b));
        for weekday in [true, false] {
            let x: Vec<&Day> = da.iter().filter(|d| d.weekday == weekday).collect();
            let y: Vec<&Day> = db.iter().filter(|d| d.weekday == weekday).collect();
            let (Some(x0), Some(y0)) = (x.first(), y.first()) else {
                continue;
            };
            if x.iter().any(|a| y.iter().any(|b| a.value == b.value)) {
                continue;
            }
            let name = &ctx.people.list[who].name;
            let what = if weekday { "Weekday" } else { "Date" };
            found.push(Found {
                kind: DiscrepancyKind::Date,
                rule: DiscrepancyRule::DateStatement,
                label: format!("{what} of a statement by {name}"),
                evidence: format!(
                    "matched sentences (similarity {}) both report {name} saying it, the day in the reporting clause",
                    crate::num::fixed2(p.dice)
                ),
                a: Side { sent: p.a, span: x0.span },
                b: Side { sent: p.b, span: y0.span },
            });
        }
    }
    // A named occasion: the same words for it, different days.
    let mut events: HashMap<String, Vec<(usize, Day)>> = HashMap::default();
    for si in 0..ctx.sents.len() {
        for (key, d) in event_days(ctx, si) {
            events.entry(key).or_default().push((si, d));
        }
    }
    let mut keys: Vec<&String> = events.keys().collect();
    crate::sort::sort(&mut keys);
    for key in keys {
        let list = &events[key];
        for (i, (sa, a)) in list.iter().enumerate() {
            for (sb, b) in &list[i + 1..] {
                let (ra, rb) = (ctx.sents[*sa].report, ctx.sents[*sb].report);
                if ra == rb || a.weekday != b.weekday || a.value == b.value {
                    continue;
                }
                // A report that gives the occasion both days settles nothing.
                let has = |r: usize, v: &str| {
                    list.iter()
                        .any(|(s, d)| ctx.sents[*s].report == r && d.value == v)
                };
                if has(ra, &b.value) || has(rb, &a.value) {
                    continue;
                }
                found.push(Found {
                    kind: DiscrepancyKind::Date,
                    rule: DiscrepancyRule::DateEvent,
                    label: format!(
                        "{} of the {key}",
                        if a.weekday { "Weekday" } else { "Date" }
                    ),
                    evidence: format!("both reports date the “{key}” in the clause that names it"),
                    a: Side {
                        sent: *sa,
                        span: a.span,
                    },
                    b: Side {
                        sent: *sb,
                        span: b.span,
                    },
                });
            }
        }
    }
    // Numbers: one quantity (same unit, shared context) with values that cannot both be true.
    let nums: Vec<Vec<Num>> = (0..ctx.sents.len()).map(|si| numbers(ctx, si)).collect();
    let mut by_unit: HashMap<(bool, &str), Vec<(usize, &Num)>> = HashMap::default();
    for (si, ns) in nums.iter().enumerate() {
        for n in ns.iter().filter(|n| !n.unit.is_empty()) {
            by_unit
                .entry((n.money, n.unit.as_str()))
                .or_default()
                .push((si, n));
        }
    }
    let report_of = |si: usize| ctx.sents[si].report;
    let mut units: Vec<&(bool, &str)> = by_unit.keys().collect();
    crate::sort::sort(&mut units);
    for u in units {
        let list = &by_unit[u];
        // Is `x` accounted for in report `r` by a compatible value of the same quantity?
        let agreed = |x: &Num, r: usize| {
            list.iter()
                .any(|(s, y)| report_of(*s) == r && compatible(x, y))
        };
        for (i, (sa, x)) in list.iter().enumerate() {
            for (sb, y) in &list[i + 1..] {
                let (ra, rb) = (report_of(*sa), report_of(*sb));
                if ra == rb || compatible(x, y) {
                    continue;
                }
                let n = super::shared(&x.context, &y.context);
                if n < NUMBER_MIN_SHARED || agreed(x, rb) || agreed(y, ra) {
                    continue;
                }
                found.push(Found {
                    kind: DiscrepancyKind::Number,
                    rule: DiscrepancyRule::NumberQuantity,
                    label: if x.money {
                        "Amount of money".to_string()
                    } else {
                        format!("Number of {}", x.unit_text.to_lowercase())
                    },
                    evidence: format!(
                        "same unit ({}), {n} content words shared around the numbers, values {} and {} cannot both hold",
                        x.unit_text.to_lowercase(),
                        x.span.as_str(ctx.text(ra)),
                        y.span.as_str(ctx.text(rb))
                    ),
                    a: Side { sent: *sa, span: x.span },
                    b: Side { sent: *sb, span: y.span },
                });
            }
        }
    }
    // Anchored: sentences of two reports that give one notable number alike (found by an
    // index of the values) and differ on the one other figure they give.
    let notable = |n: &Num| n.value >= 100.0 || n.value.fract() != 0.0;
    let mut by_value: HashMap<(bool, u64), Vec<usize>> = HashMap::default();
    for (si, ns) in nums.iter().enumerate() {
        for n in ns.iter().filter(|n| notable(n)) {
            let e = by_value.entry((n.money, n.value.to_bits())).or_default();
            if e.last() != Some(&si) {
                e.push(si);
            }
        }
    }
    let mut pairs: Vec<(usize, usize, u64)> = Vec::new();
    for (&(_, v), sents) in &by_value {
        for (i, &a) in sents.iter().enumerate() {
            for &b in &sents[i + 1..] {
                if report_of(a) != report_of(b) {
                    pairs.push((a, b, v));
                }
            }
        }
    }
    crate::sort::sort(&mut pairs);
    pairs.dedup_by_key(|p| (p.0, p.1));
    for (pa, pb, anchor) in pairs {
        let shared_words = super::shared(&ctx.sents[pa].keys, &ctx.sents[pb].keys);
        if shared_words < ANCHOR_MIN_SHARED {
            continue;
        }
        let (na, nb) = (&nums[pa], &nums[pb]);
        let rest_a: Vec<&Num> = na
            .iter()
            .filter(|x| !nb.iter().any(|y| compatible(x, y)))
            .collect();
        let rest_b: Vec<&Num> = nb
            .iter()
            .filter(|y| !na.iter().any(|x| compatible(x, y)))
            .collect();
        let ([x], [y]) = (&rest_a[..], &rest_b[..]) else {
            continue;
        };
        let ratio = x.value.max(y.value) / x.value.min(y.value).max(1e-9);
        let units_ok = x.unit.is_empty() || y.unit.is_empty() || x.unit == y.unit;
        if x.money != y.money || !units_ok || ratio > 3.0 || !notable(x) || !notable(y) {
            continue;
        }
        // Already raised as one quantity: one finding, not two.
        if found.iter().any(|f| {
            f.kind == DiscrepancyKind::Number
                && [f.a.span, f.b.span].contains(&x.span)
                && [f.a.span, f.b.span].contains(&y.span)
        }) {
            continue;
        }
        let anchor = na.iter().find(|n| n.value.to_bits() == anchor).map_or_else(
            || fmt_num(f64::from_bits(anchor)),
            |n| n.span.as_str(ctx.text(report_of(pa))).to_string(),
        );
        found.push(Found {
            kind: DiscrepancyKind::Number,
            rule: DiscrepancyRule::NumberAnchored,
            label: format!("Figure compared with {anchor}"),
            evidence: format!(
                "sentences sharing {shared_words} content words agree on {anchor} and give {} vs {} for the other figure",
                x.span.as_str(ctx.text(report_of(pa))),
                y.span.as_str(ctx.text(report_of(pb)))
            ),
            a: Side { sent: pa, span: x.span },
            b: Side { sent: pb, span: y.span },
        });
    }
    merge(ctx, found)
}

/// Sentences that give one number alike are compared for the other from this many shared
/// content words on.
pub const ANCHOR_MIN_SHARED: usize = 3;

/// True when a sentence has a reporting verb outside quotations.
pub(crate) fn says(ctx: &Ctx, si: usize) -> bool {
    let lex = Lexicon::get();
    let s = &ctx.sents[si];
    s.words
        .iter()
        .any(|w| lex.verb_of(lex.info(&w.lower)).is_some() && !in_quote(ctx, s.report, w.span))
}

/// Pairwise conflicts of one label that share a value become one discrepancy.
fn merge(ctx: &Ctx, found: Vec<Found>) -> Vec<Discrepancy> {
    let mut out: Vec<(Found, Vec<Side>)> = Vec::new();
    for f in found {
        let slot = out.iter_mut().find(|(g, sides)| {
            g.kind == f.kind
                && g.label == f.label
                && sides.iter().any(|s| {
                    (s.sent, s.span) == (f.a.sent, f.a.span)
                        || (s.sent, s.span) == (f.b.sent, f.b.span)
                })
        });
        match slot {
            Some((_, sides)) => {
                for s in [&f.a, &f.b] {
                    if !sides.iter().any(|x| x.span == s.span && x.sent == s.sent) {
                        sides.push(Side {
                            sent: s.sent,
                            span: s.span,
                        });
                    }
                }
            }
            None => {
                let sides = vec![
                    Side {
                        sent: f.a.sent,
                        span: f.a.span,
                    },
                    Side {
                        sent: f.b.sent,
                        span: f.b.span,
                    },
                ];
                out.push((f, sides));
            }
        }
    }
    out.into_iter()
        .map(|(f, mut sides)| {
            crate::sort::by_key(&mut sides, |s| (s.sent, s.span));
            let items: Vec<DiscrepancyItem> = sides
                .iter()
                .map(|s| {
                    let sent = &ctx.sents[s.sent];
                    DiscrepancyItem {
                        report: sent.report,
                        span: s.span,
                        context: sent.span,
                        value: s.span.as_str(ctx.text(sent.report)).to_string(),
                    }
                })
                .collect();
            Discrepancy {
                kind: f.kind,
                rule: f.rule,
                evidence: f.evidence,
                label: format!("{}: {}", f.label, values_label(&items)),
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

/// An attribution a reader can check: a name as the subject of a reporting verb in the
/// quotation's own sentence (`"…," said Karl Weiss`, `Weiss said: "…"`, `according to
/// Weiss`), not a pronoun, a description or the speaker of the sentence before.
fn explicit(ctx: &Ctx, report: usize, q: &crate::model::Quote) -> bool {
    use crate::model::{AttributionRule as A, Resolution};
    let rule_ok = matches!(
        q.rule,
        Some(A::CueAfter | A::SpeechVerbBefore | A::AccordingTo)
    );
    let (Some(m), true) = (q.speaker_mention, rule_ok) else {
        return false;
    };
    if q.resolution != Some(Resolution::Name) {
        return false;
    }
    let text = ctx.text(report);
    if m.start >= q.span.end {
        // A cue after: the quotation may not end its sentence with a full stop before it.
        let inner = q.inner.as_str(text).trim_end();
        if inner.ends_with('.') {
            return false;
        }
        let gap = Span::new(q.span.end, m.start).as_str(text);
        if gap.contains(['.', '?', '!', ';']) {
            return false;
        }
    } else {
        let (ms, qs) = (
            ctx.sentence_at(report, m.start),
            ctx.sentence_at(report, q.span.start),
        );
        if ms.is_none() || ms != qs {
            return false;
        }
    }
    true
}

/// True when one name is a joint speaker that includes the other (`Ann Price and Karl Weiss`).
fn joint(a: &str, b: &str) -> bool {
    let surname = |s: &str| {
        s.split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase()
    };
    let part_of = |x: &str, y: &str| {
        y.contains(" and ") && y.split(" and ").any(|p| surname(p) == surname(x))
    };
    part_of(a, b) || part_of(b, a)
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
        // Speakers, where both attributions are explicit.
        let named: Vec<_> = g
            .members
            .iter()
            .filter_map(|m| m.person.map(|p| (m, p)))
            .filter(|(m, _)| {
                m.quotes.iter().any(|&qi| {
                    ctx.reports
                        .get(m.report)
                        .and_then(|(_, a)| a.quotes.get(qi))
                        .is_some_and(|q| explicit(ctx, m.report, q))
                })
            })
            .collect();
        let pname = |p: usize| ctx.people.list.get(p).map_or("", |x| x.name.as_str());
        let conflict = named
            .iter()
            .find(|(_, p)| *p != named[0].1 && !joint(pname(*p), pname(named[0].1)));
        if let Some((m2, p2)) = conflict {
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
                rule: DiscrepancyRule::SpeakerExplicit,
                evidence: format!(
                    "one quote group; report {} names {} and report {} names {} as the subject of a reporting verb",
                    named[0].0.report,
                    pname(named[0].1),
                    m2.report,
                    pname(*p2)
                ),
                label,
                items,
            });
        }
        // The day it was said: one weekday in the attribution clause of the sentence.
        let mut sides: Vec<DiscrepancyItem> = Vec::new();
        for m in &g.members {
            let Some(first) = m.spans.first() else {
                continue;
            };
            let Some(si) = ctx.sentence_at(m.report, first.start) else {
                continue;
            };
            let ds: Vec<Day> = statement_days(ctx, si)
                .into_iter()
                .filter(|d| d.weekday)
                .collect();
            let mut distinct: Vec<&str> = ds.iter().map(|d| d.value.as_str()).collect();
            distinct.dedup();
            if distinct.len() == 1 {
                let d = &ds[0];
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
                rule: DiscrepancyRule::DateQuote,
                evidence: "one quote group; each report gives one weekday in the clause of its reporting verb".to_string(),
                label,
                items: sides,
            });
        }
    }
    out
}
