//! Speakers identified across reports: each report names its speakers in its own way (`Witkoff`,
//! `Steve Witkoff`; `Zelenskyy`, `Volodymyr Zelensky`), so people are matched by surname.

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use crate::model::Analysis;

/// A speaker of one or more reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Person {
    /// The fullest name any report uses.
    pub name: String,
    pub organisation: bool,
    /// `(report, index into that report's speakers)` of every speaker that is this person.
    pub speakers: Vec<(usize, usize)>,
}

pub(crate) struct People {
    pub list: Vec<Person>,
    /// `(report, speaker)` → index into `list`.
    of: HashMap<(usize, usize), usize>,
}

/// The matching key of a name: the surname of a person (lower case, no possessive), the whole
/// name of an organisation. `None` for descriptions (`the envoy`, `officials`), which are no
/// name to match across reports.
fn key(name: &str, organisation: bool) -> Option<String> {
    let first = name.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let lower = name.to_lowercase().replace('’', "'");
    if organisation {
        return Some(lower.trim_start_matches("the ").to_string());
    }
    let last = lower.split_whitespace().next_back()?;
    Some(last.trim_end_matches("'s").to_string())
}

/// Surnames spelt one letter apart (`Zelenskyy`, `Zelensky`) are one name when long enough.
fn near(a: &str, b: &str) -> bool {
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

impl People {
    pub fn new(reports: &[(&str, &Analysis)]) -> People {
        let mut list: Vec<Person> = Vec::new();
        let mut keys: Vec<(String, bool)> = Vec::new();
        let mut of = HashMap::default();
        for (r, (_, a)) in reports.iter().enumerate() {
            for (s, sp) in a.speakers.iter().enumerate() {
                let Some(k) = key(&sp.name, sp.organisation) else {
                    continue;
                };
                let found = keys
                    .iter()
                    .position(|(kk, org)| *org == sp.organisation && near(kk, &k));
                let p = match found {
                    Some(p) => p,
                    None => {
                        keys.push((k, sp.organisation));
                        list.push(Person {
                            name: sp.name.clone(),
                            organisation: sp.organisation,
                            speakers: Vec::new(),
                        });
                        list.len() - 1
                    }
                };
                let person = &mut list[p];
                person.speakers.push((r, s));
                if sp.name.split_whitespace().count() > person.name.split_whitespace().count() {
                    person.name = sp.name.clone();
                }
                of.insert((r, s), p);
            }
        }
        People { list, of }
    }

    /// The person a report's speaker is.
    pub fn of(&self, report: usize, speaker: Option<usize>) -> Option<usize> {
        speaker.and_then(|s| self.of.get(&(report, s)).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names() {
        assert!(near("zelenskyy", "zelensky"));
        assert!(!near("trump", "trum"));
        assert!(!near("short", "shirt"));
        assert_eq!(key("Mr. Witkoff", false).as_deref(), Some("witkoff"));
        assert_eq!(key("the envoy", false), None);
    }
}
