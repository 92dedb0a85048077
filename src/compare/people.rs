//! Speakers identified across reports. Each report names its speakers in its own way
//! (`Witkoff`, `Steve Witkoff`; `Zelenskyy`, `Volodymyr Zelensky`; `Mike Elliott`, `Michael
//! Elliott`), and within a report a bare surname already stands for the person last named in
//! full (see `attribution::resolve`). Across reports:
//!
//! - full names merge when the surnames agree (spellings one letter apart count as one) and the
//!   first names are one name (equal, nickname and full name from `nicknames.txt`, or an
//!   initial), with middle names or initials that do not contradict (`Paul D. Ryan`, `Paul
//!   Ryan`). Different first names are different people, whatever the surname;
//! - a bare surname joins the one full name with that surname; when several people share it, the
//!   one whose mentions share a title with its mentions (`President Trump`, `President Donald
//!   Trump`), and otherwise none;
//! - organisations, and groups or descriptions (`US officials`, `Another Republican`), merge only
//!   with the same name;
//! - datelines (`WASHINGTON`) are no one.

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use super::lists;
use crate::lexicon::{flag, Lexicon};
use crate::model::Analysis;

/// Why a report's speaker belongs to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeRule {
    /// The first speaker of this person: nothing merged.
    First,
    /// The same full name: surnames agree, first names are one name (nickname or initial).
    FullName,
    /// A bare surname joined the only person with that surname.
    Surname,
    /// A bare surname joined the person with that surname whose mentions share a title.
    SurnameAndTitle,
    /// The same organisation or group name.
    SameName,
}

impl MergeRule {
    pub fn as_str(self) -> &'static str {
        match self {
            MergeRule::First => "first",
            MergeRule::FullName => "full_name",
            MergeRule::Surname => "surname",
            MergeRule::SurnameAndTitle => "surname_and_title",
            MergeRule::SameName => "same_name",
        }
    }
}

/// A speaker of one or more reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Person {
    /// The fullest name any report uses (without titles).
    pub name: String,
    pub organisation: bool,
    /// `(report, index into that report's speakers)` of every speaker that is this person.
    pub speakers: Vec<(usize, usize)>,
    /// For each of [`Person::speakers`], the rule that joined it.
    pub rules: Vec<MergeRule>,
}

pub(crate) struct People {
    pub list: Vec<Person>,
    /// For each of `list`, its name taken apart (the fullest given names seen).
    pub names: Vec<Name>,
    /// `(report, speaker)` → index into `list`.
    of: HashMap<(usize, usize), usize>,
}

/// A speaker's name taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Name {
    /// A person's name: given names (lower case, may be empty for a bare surname) and surname.
    Person {
        given: Vec<String>,
        surname: String,
        /// The name as written without titles (`Paul D. Ryan`).
        display: String,
    },
    /// An organisation, a group or a description: matched as a whole (lower case).
    Whole(String),
}

fn is_title(w: &str) -> bool {
    let l = w.to_lowercase();
    let lists = lists::get();
    Lexicon::get().info(&l).flags & flag::TITLE != 0
        || Lexicon::get().info(l.trim_end_matches('.')).flags & flag::TITLE != 0
        || lists.abbr.contains_key(l.trim_end_matches('.'))
        || lists
            .office_forms
            .iter()
            .any(|(f, _)| f.len() == 1 && f[0] == l)
}

const SUFFIXES: [&str; 7] = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

fn strip_possessive(w: &str) -> &str {
    w.trim_end_matches("'s").trim_end_matches("’s")
}

/// Takes a speaker's name apart; `None` for a dateline or an empty name.
pub(crate) fn parse_name(name: &str, organisation: bool) -> Option<Name> {
    let first = name.chars().next()?;
    let lower = name.to_lowercase().replace('’', "'");
    let whole = || {
        let l = lower.trim_start_matches("the ").to_string();
        Some(Name::Whole(l))
    };
    if organisation {
        return whole();
    }
    // A dateline: a place written in capitals (`WASHINGTON`).
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) {
        return None;
    }
    if !first.is_uppercase() {
        return whole();
    }
    let toks: Vec<&str> = name.split_whitespace().collect();
    let lex = Lexicon::get();
    // Groups and descriptions: a lower-case word (`White House officials`), a determiner first
    // (`Another Republican`), a compound (`Nebraska and Oklahoma`).
    let particle = |w: &str| lex.info(w).flags & flag::PARTICLE != 0;
    let det = |w: &str| lex.info(&w.to_lowercase()).flags & flag::DETERMINER != 0;
    if toks
        .iter()
        .any(|w| w.chars().next().is_some_and(|c| c.is_lowercase()) && !particle(w) && !is_title(w))
        || det(toks[0])
        || toks.contains(&"and")
        || toks.contains(&"&")
    {
        return whole();
    }
    // Titles before the name: from the last title word that is not the last word.
    let mut start = 0;
    for (i, w) in toks.iter().enumerate().take(toks.len().saturating_sub(1)) {
        if is_title(w) {
            start = i + 1;
        }
    }
    let mut parts: Vec<&str> = toks[start..].to_vec();
    while parts.len() > 1
        && parts
            .last()
            .is_some_and(|w| SUFFIXES.contains(&w.to_lowercase().trim_end_matches(',')))
    {
        parts.pop();
    }
    let last = strip_possessive(parts.last()?);
    let surname = last.to_lowercase().replace('\'', "");
    let given: Vec<String> = parts[..parts.len() - 1]
        .iter()
        .map(|w| w.to_lowercase().trim_end_matches('.').to_string())
        .collect();
    let mut display: Vec<&str> = parts[..parts.len() - 1].to_vec();
    display.push(last);
    Some(Name::Person {
        given,
        surname,
        display: display.join(" "),
    })
}

/// Surnames spelt one letter apart (`Zelenskyy`, `Zelensky`) are one name when long enough.
pub(crate) fn near(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 6 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    // one insertion, deletion or substitution
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

/// Given names that can be one person's: the first names are one name, and middle names or
/// initials present on both sides agree (`Paul D.`, `Paul`; `Hillary Rodham`, `Hillary`).
pub(crate) fn same_given(a: &[String], b: &[String]) -> bool {
    let l = lists::get();
    let (Some(fa), Some(fb)) = (a.first(), b.first()) else {
        return false;
    };
    if !l.same_first_name(fa, fb) {
        return false;
    }
    let (ma, mb) = (&a[1..], &b[1..]);
    ma.iter()
        .all(|x| mb.is_empty() || mb.iter().any(|y| l.same_first_name(x, y)))
        || mb
            .iter()
            .all(|y| ma.iter().any(|x| l.same_first_name(x, y)))
}

/// Title words of a speaker's mentions (lower case, without full stops).
fn mention_titles(text: &str, a: &Analysis, s: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let Some(sp) = a.speakers.get(s) else {
        return out;
    };
    for m in &sp.mentions {
        for w in m.as_str(text).split_whitespace() {
            if is_title(w) && !matches!(w.to_lowercase().trim_end_matches('.'), "mr" | "mrs" | "ms")
            {
                out.push(w.to_lowercase().trim_end_matches('.').to_string());
            }
        }
    }
    crate::sort::sort(&mut out);
    out.dedup();
    out
}

impl People {
    pub fn new(reports: &[(&str, &Analysis)]) -> People {
        let mut list: Vec<Person> = Vec::new();
        let mut names: Vec<Name> = Vec::new();
        let mut of = HashMap::default();
        let add = |list: &mut Vec<Person>,
                   names: &mut Vec<Name>,
                   of: &mut HashMap<(usize, usize), usize>,
                   found: Option<(usize, MergeRule)>,
                   r: usize,
                   s: usize,
                   name: Name,
                   organisation: bool| {
            let p = match found {
                Some((p, _)) => p,
                None => {
                    let display = match &name {
                        Name::Person { display, .. } => display.clone(),
                        Name::Whole(_) => reports[r].1.speakers[s].name.clone(),
                    };
                    list.push(Person {
                        name: display,
                        organisation,
                        speakers: Vec::new(),
                        rules: Vec::new(),
                    });
                    names.push(name.clone());
                    list.len() - 1
                }
            };
            let person = &mut list[p];
            person.speakers.push((r, s));
            person
                .rules
                .push(found.map_or(MergeRule::First, |(_, rule)| rule));
            if let (Name::Person { given, display, .. }, Name::Person { given: g0, .. }) =
                (&name, &mut names[p])
            {
                if given.len() > g0.len() {
                    *g0 = given.clone();
                    person.name = display.clone();
                }
            }
            of.insert((r, s), p);
        };
        // Full names and whole names first, then bare surnames (which need the full names).
        let mut bare = Vec::new();
        for (r, (_, a)) in reports.iter().enumerate() {
            for (s, sp) in a.speakers.iter().enumerate() {
                let Some(name) = parse_name(&sp.name, sp.organisation) else {
                    continue;
                };
                let found = match &name {
                    Name::Whole(w) => names
                        .iter()
                        .zip(&list)
                        .position(|(n, p)| {
                            p.organisation == sp.organisation && *n == Name::Whole(w.clone())
                        })
                        .map(|p| (p, MergeRule::SameName)),
                    Name::Person { given, .. } if given.is_empty() => {
                        bare.push((r, s, name));
                        continue;
                    }
                    Name::Person { given, surname, .. } => names
                        .iter()
                        .position(|n| match n {
                            Name::Person {
                                given: g,
                                surname: sn,
                                ..
                            } => !g.is_empty() && near(sn, surname) && same_given(g, given),
                            Name::Whole(_) => false,
                        })
                        .map(|p| (p, MergeRule::FullName)),
                };
                add(
                    &mut list,
                    &mut names,
                    &mut of,
                    found,
                    r,
                    s,
                    name,
                    sp.organisation,
                );
            }
        }
        for (r, s, name) in bare {
            let Name::Person { surname, .. } = &name else {
                continue;
            };
            let sp = &reports[r].1.speakers[s];
            let candidates: Vec<usize> = names
                .iter()
                .enumerate()
                .filter(|(p, n)| {
                    !list[*p].organisation
                        && matches!(n, Name::Person { surname: sn, .. } if near(sn, surname))
                })
                .map(|(p, _)| p)
                .collect();
            let full: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&p| matches!(&names[p], Name::Person { given, .. } if !given.is_empty()))
                .collect();
            let mine = mention_titles(reports[r].0, reports[r].1, s);
            let titles_of = |p: usize| -> Vec<String> {
                let mut t: Vec<String> = list[p]
                    .speakers
                    .iter()
                    .flat_map(|&(r2, s2)| mention_titles(reports[r2].0, reports[r2].1, s2))
                    .collect();
                crate::sort::sort(&mut t);
                t.dedup();
                t
            };
            let found = match full[..] {
                // The only full name, unless both are titled and share no title (`President
                // Trump` is not `first lady Melania Trump`).
                [p] => {
                    let theirs = titles_of(p);
                    if !mine.is_empty()
                        && !theirs.is_empty()
                        && !theirs.iter().any(|t| mine.contains(t))
                    {
                        None
                    } else {
                        Some((p, MergeRule::Surname))
                    }
                }
                [] => candidates.first().map(|&p| (p, MergeRule::SameName)),
                _ => {
                    // Several people share the surname: the one whose mentions share a title.
                    let sharing: Vec<usize> = full
                        .iter()
                        .copied()
                        .filter(|&p| titles_of(p).iter().any(|t| mine.contains(t)))
                        .collect();
                    match sharing[..] {
                        [p] => Some((p, MergeRule::SurnameAndTitle)),
                        _ => None,
                    }
                }
            };
            add(
                &mut list,
                &mut names,
                &mut of,
                found,
                r,
                s,
                name,
                sp.organisation,
            );
        }
        People { list, names, of }
    }

    /// The person a report's speaker is.
    pub fn of(&self, report: usize, speaker: Option<usize>) -> Option<usize> {
        speaker.and_then(|s| self.of.get(&(report, s)).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(n: &str) -> (Vec<String>, String) {
        match parse_name(n, false) {
            Some(Name::Person { given, surname, .. }) => (given, surname),
            other => panic!("{n}: {other:?}"),
        }
    }

    #[test]
    fn near_names() {
        assert!(near("zelenskyy", "zelensky"));
        assert!(!near("trump", "trum"));
        assert!(!near("short", "shirt"));
    }

    #[test]
    fn names_taken_apart() {
        assert_eq!(person("Mr. Witkoff"), (vec![], "witkoff".to_string()));
        assert_eq!(
            person("House Speaker Paul D. Ryan"),
            (
                vec!["paul".to_string(), "d".to_string()],
                "ryan".to_string()
            )
        );
        assert_eq!(parse_name("WASHINGTON", false), None);
        assert!(matches!(
            parse_name("US officials", false),
            Some(Name::Whole(_))
        ));
        assert!(matches!(
            parse_name("Another Republican", false),
            Some(Name::Whole(_))
        ));
        assert!(matches!(
            parse_name("the envoy", false),
            Some(Name::Whole(_))
        ));
    }

    #[test]
    fn given_names() {
        let g = |s: &str| -> Vec<String> { s.split(' ').map(str::to_string).collect() };
        assert!(same_given(&g("paul d"), &g("paul")));
        assert!(same_given(&g("mike"), &g("michael")));
        assert!(same_given(&g("hillary rodham"), &g("hillary")));
        assert!(!same_given(&g("bill"), &g("hillary")));
        assert!(!same_given(&g("omar mir seddique"), &g("seddique")));
        assert!(!same_given(&g("paul d"), &g("paul j")));
    }
}
