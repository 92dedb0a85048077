//! The comparison's own word lists (data files beside this module): first-name variants
//! (`nicknames.txt`), offices and their abbreviations (`offices.txt`) and how numbers and
//! occasions are qualified (`quantities.txt`). Parsed once; a malformed line is an error that
//! names the file and line (`lists_parse` checks every line of every list).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const NICKNAMES: &str = include_str!("nicknames.txt");
const OFFICES: &str = include_str!("offices.txt");
const QUANTITIES: &str = include_str!("quantities.txt");

/// What a phrase before a number says about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bound {
    /// `at least`, `more than`.
    Lower,
    /// `fewer than`, `nearly`.
    Upper,
    /// `about`, `roughly`.
    About,
}

/// The parsed lists.
#[derive(Debug, Default)]
pub struct Lists {
    /// First name (lower case) → the groups it belongs to.
    pub nick_groups: HashMap<String, Vec<u16>>,
    /// Abbreviation (lower case, no full stop) → full word.
    pub abbr: HashMap<String, String>,
    /// Written forms of offices, as word sequences, longest first, with the canonical office.
    pub office_forms: Vec<(Vec<String>, String)>,
    /// Groups of offices one person does not hold at once.
    pub exclusive: Vec<Vec<String>>,
    /// A title word → (implied office, a word whose presence cancels it).
    pub implies: HashMap<String, (String, Option<String>)>,
    /// Status words → status name (`former`, `elect`).
    pub status: HashMap<String, String>,
    pub ignore: HashSet<String>,
    /// Bound phrases (word sequences) before a number.
    pub bounds: Vec<(Vec<String>, Bound)>,
    pub scales: HashMap<String, f64>,
    pub events: HashSet<String>,
    pub relative: HashSet<String>,
}

fn lines(data: &str) -> impl Iterator<Item = (usize, &str)> {
    data.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn split_alts(s: &str) -> Vec<Vec<String>> {
    s.split('|')
        .map(|a| {
            a.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|a| !a.is_empty())
        .collect()
}

/// Parses the three lists; the error names the file and the line.
pub fn parse(nicknames: &str, offices: &str, quantities: &str) -> Result<Lists, String> {
    let mut l = Lists::default();
    for (g, (n, line)) in lines(nicknames).enumerate() {
        let names: Vec<&str> = line.split_whitespace().collect();
        if names.len() < 2 || names.iter().any(|w| !w.chars().all(|c| c.is_lowercase())) {
            return Err(format!(
                "nicknames.txt:{n}: want two or more lower-case names: {line}"
            ));
        }
        for w in names {
            l.nick_groups
                .entry(w.to_string())
                .or_default()
                .push(g as u16);
        }
    }
    for (n, line) in lines(offices) {
        let bad = || format!("offices.txt:{n}: malformed: {line}");
        let (head, rest) = line.split_once(' ').ok_or_else(bad)?;
        let rest = rest.trim();
        match head {
            "abbr" => {
                let f: Vec<&str> = rest.split_whitespace().collect();
                let [short, full] = f[..] else {
                    return Err(bad());
                };
                l.abbr.insert(short.to_string(), full.to_string());
            }
            "office" => {
                let (canon, forms) = rest.split_once('=').ok_or_else(bad)?;
                let canon = canon.trim().to_lowercase();
                let forms = split_alts(forms);
                if canon.is_empty() || forms.is_empty() {
                    return Err(bad());
                }
                for f in forms {
                    l.office_forms.push((f, canon.clone()));
                }
            }
            "exclusive" => {
                let g: Vec<String> = split_alts(rest).into_iter().map(|a| a.join(" ")).collect();
                if g.len() < 2 {
                    return Err(bad());
                }
                l.exclusive.push(g);
            }
            "implies" => {
                let f: Vec<&str> = rest.split_whitespace().collect();
                match f[..] {
                    [w, office] => {
                        l.implies.insert(w.into(), (office.into(), None));
                    }
                    [w, office, "unless", u] => {
                        l.implies.insert(w.into(), (office.into(), Some(u.into())));
                    }
                    _ => return Err(bad()),
                }
            }
            "status" => {
                let (name, words) = rest.split_once('=').ok_or_else(bad)?;
                let words = split_alts(words);
                if name.trim().is_empty() || words.is_empty() {
                    return Err(bad());
                }
                for w in words {
                    l.status.insert(w.join(" "), name.trim().to_string());
                }
            }
            "ignore" => l.ignore.extend(rest.split_whitespace().map(str::to_string)),
            _ => return Err(bad()),
        }
    }
    crate::sort::by_key(&mut l.office_forms, |(f, _)| std::cmp::Reverse(f.len()));
    for (n, line) in lines(quantities) {
        let bad = || format!("quantities.txt:{n}: malformed: {line}");
        let (head, rest) = line.split_once(' ').ok_or_else(bad)?;
        let words: Vec<String> = rest.split_whitespace().map(str::to_lowercase).collect();
        match head {
            "lower" | "upper" | "about" if !words.is_empty() => {
                let b = match head {
                    "lower" => Bound::Lower,
                    "upper" => Bound::Upper,
                    _ => Bound::About,
                };
                if !l.bounds.iter().any(|(w, _)| *w == words) {
                    l.bounds.push((words, b));
                }
            }
            "scale" => {
                let [w, f] = &words[..] else {
                    return Err(bad());
                };
                l.scales
                    .insert(w.clone(), crate::num::parse_f64(f).ok_or_else(bad)?);
            }
            "event" if words.len() == 1 => {
                l.events.insert(words[0].clone());
            }
            "relative" if words.len() == 1 => {
                l.relative.insert(words[0].clone());
            }
            _ => return Err(bad()),
        }
    }
    crate::sort::by_key(&mut l.bounds, |(w, _)| std::cmp::Reverse(w.len()));
    Ok(l)
}

/// The lists, parsed on first use (the tests make sure they parse).
pub fn get() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| parse(NICKNAMES, OFFICES, QUANTITIES).unwrap_or_default())
}

impl Lists {
    /// Two first names are one name: equal, in one nickname group, or an initial of the other.
    pub fn same_first_name(&self, a: &str, b: &str) -> bool {
        let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
        if a == b {
            return true;
        }
        let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
        if initial(a, b) || initial(b, a) {
            return true;
        }
        match (self.nick_groups.get(a), self.nick_groups.get(b)) {
            (Some(x), Some(y)) => x.iter().any(|g| y.contains(g)),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse() {
        let l = parse(NICKNAMES, OFFICES, QUANTITIES).expect("every line parses");
        assert!(l.same_first_name("mike", "michael"));
        assert!(l.same_first_name("bill", "william"));
        assert!(l.same_first_name("j", "jacob"));
        assert!(!l.same_first_name("bill", "hillary"));
        assert!(!l.same_first_name("dick", "liz"));
        assert_eq!(l.abbr.get("sen").map(String::as_str), Some("senator"));
        assert!(l.events.contains("debate"));
        assert_eq!(l.scales.get("billion"), Some(&1e9));
    }

    #[test]
    fn malformed_lines_are_errors_with_their_line() {
        let e = parse("mike\n", "", "").unwrap_err();
        assert!(e.starts_with("nicknames.txt:1:"), "{e}");
        let e = parse("", "# c\nofice x = y\n", "").unwrap_err();
        assert!(e.starts_with("offices.txt:2:"), "{e}");
        let e = parse("", "", "scale million lots\n").unwrap_err();
        assert!(e.starts_with("quantities.txt:1:"), "{e}");
    }
}
