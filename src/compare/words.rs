//! Words and sentences for comparing reports: normalised keys that make `We'll` equal `We will`
//! and `conclude` equal `end`, and a simple sentence splitter.
//!
//! Every span lies on `char` boundaries: words are runs of alphanumeric characters found with
//! `char_indices`, and sentences end after a terminator character.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::span::Span;

/// One word of a text, after contractions are expanded (`we'll` gives two words with one span).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The surface word in the text (for an expanded contraction, the whole contraction).
    pub span: Span,
    /// Lower case, contraction expanded (`will` for `'ll`): the key of word-level diffs.
    pub lower: String,
    /// Stemmed and mapped to its synonym group's first word (`conclude` → `end`): the key of
    /// similarity. Empty for stop words and for the `'s` of possessives.
    pub key: String,
}

impl Word {
    /// True for words that carry content (not a stop word).
    pub fn is_content(&self) -> bool {
        !self.key.is_empty()
    }
}

/// Function words left out of similarity (they still count in diffs).
const STOP: &str = "a an the and or but nor so yet of to in on at by for from with without about
into onto over under than then that this these those there here it its it's is are was were be
been being am do does did done has have had having will would shall should can could may might
must not no i me my we us our you your he him his she her they them their who whom whose which
what when where why how if as also very just only all any some such much many more most other
both each either neither own same too s t up out off again further once because while during
before after above below between through against per via whether up upon said says say told";

/// Contraction endings: the word they expand to.
const CONTRACTIONS: [(&str, &str); 7] = [
    ("n't", "not"),
    ("'ll", "will"),
    ("'re", "are"),
    ("'ve", "have"),
    ("'d", "would"),
    ("'m", "am"),
    ("'s", ""),
];

/// The synonym groups (`src/compare/synonyms.txt`).
const SYNONYMS: &str = include_str!("synonyms.txt");

struct Lists {
    stop: rustc_hash::FxHashSet<&'static str>,
    /// Stem → canonical stem of its synonym group.
    syn: HashMap<String, String>,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let stop = STOP.split_whitespace().collect();
        let mut syn = HashMap::default();
        for line in SYNONYMS
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
        {
            let mut it = line.split_whitespace().map(stem);
            if let Some(head) = it.next() {
                for w in it {
                    syn.entry(w).or_insert_with(|| head.clone());
                }
            }
        }
        Lists { stop, syn }
    })
}

/// A light English stemmer: strips plural and verb endings so `talks`, `talking` and `talked`
/// share `talk`. Crude but consistent, which is all similarity needs.
pub fn stem(w: &str) -> String {
    let n = w.len();
    let cut = |k: usize| w.get(..n - k).unwrap_or(w).to_string();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", cut(3));
    }
    if n > 5 && w.ends_with("ing") {
        return undouble(cut(3));
    }
    if n > 4 && w.ends_with("eed") {
        return strip_e(cut(1));
    }
    if n > 4 && w.ends_with("ed") {
        return undouble(cut(2));
    }
    if n > 4 && (w.ends_with("sses") || w.ends_with("shes") || w.ends_with("ches")) {
        return cut(2);
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return strip_e(cut(1));
    }
    strip_e(w.to_string())
}

/// `close` → `clos`, so that `closed` and `close` meet.
fn strip_e(s: String) -> String {
    if s.len() > 4 && s.ends_with('e') {
        let n = s.len();
        return s[..n - 1].to_string();
    }
    s
}

/// `stopp` → `stop`, `plann` → `plan` (after `-ing`/`-ed` was cut); strips a final `e`-less form.
fn undouble(s: String) -> String {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 3
        && b[n - 1].is_ascii_alphabetic()
        && b[n - 1] == b[n - 2]
        && !matches!(b[n - 1], b'l' | b's' | b'z')
    {
        return s[..n - 1].to_string();
    }
    s
}

/// The similarity key of a lower-case word: empty for stop words, else its stem mapped through
/// the synonym groups.
pub fn key_of(lower: &str) -> String {
    let l = lists();
    if lower.is_empty() || l.stop.contains(lower) {
        return String::new();
    }
    let s = stem(lower);
    match l.syn.get(&s) {
        Some(h) => h.clone(),
        None => s,
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The words of `text[span]`. Hyphens split words (`30-day` is `30`, `day`); apostrophes inside
/// a word mark contractions and possessives.
pub fn words(text: &str, span: Span) -> Vec<Word> {
    let s = span.as_str(text);
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric()
                || d == '.'
                    && is_digit_at(s, j + 1)
                    && s[i..j]
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            {
                end = j + d.len_utf8();
                chars.next();
            } else if d == '-'
                && c.is_alphabetic()
                && s[i..j].chars().all(char::is_alphabetic)
                && next_is_alpha(s, j + 1)
            {
                // cease-fire, long-term: one word (numbers keep their own: 30-day)
                end = j + 1;
                chars.next();
            } else if (is_apostrophe(d) || d == ',' && s[i..j].bytes().all(|b| b.is_ascii_digit()))
                && next_is_alnum(s, j + d.len_utf8())
            {
                // an apostrophe inside a word, or a thousands separator inside a number
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        push_word(&mut out, s, i, end, span.start);
    }
    out
}

fn is_digit_at(s: &str, i: usize) -> bool {
    s.get(i..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_ascii_digit())
}

fn next_is_alpha(s: &str, i: usize) -> bool {
    s.get(i..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_alphabetic())
}

fn next_is_alnum(s: &str, i: usize) -> bool {
    s.get(i..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_alphanumeric())
}

fn push_word(out: &mut Vec<Word>, s: &str, start: usize, end: usize, base: usize) {
    let surface = s.get(start..end).unwrap_or("");
    let lower: String = surface.to_lowercase().replace('’', "'").replace('-', "");
    let span = Span::new(base + start, base + end);
    let mut push = |w: &str| {
        out.push(Word {
            span,
            lower: w.to_string(),
            key: key_of(w),
        });
    };
    for (suffix, expansion) in CONTRACTIONS {
        if lower.len() > suffix.len() && lower.ends_with(suffix) {
            let stemw = &lower[..lower.len() - suffix.len()];
            let stemw = match (suffix, stemw) {
                ("n't", "ca") => "can",
                ("n't", "wo") => "will",
                ("n't", "sha") => "shall",
                _ => stemw,
            };
            push(stemw);
            if !expansion.is_empty() {
                push(expansion);
            }
            return;
        }
    }
    // Other apostrophes (o'clock, names): keep the word whole, without the mark.
    if lower.contains('\'') {
        push(&lower.replace('\'', ""));
    } else {
        push(&lower);
    }
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREV: [&str; 14] = [
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "prof", "no", "vs",
];

/// The sentences of `text[span]` (trimmed). A sentence ends after `.`, `?`, `!` or `…` (with any
/// closing quotation marks or brackets that follow) when whitespace and then an upper-case letter,
/// digit or opening quotation mark come next. `Mr.`, initials (`U.S.`) and the like do not end one.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let s = span.as_str(text);
    let mut out = Vec::new();
    let mut start = 0;
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let mut k = 0;
    while k < cs.len() {
        let (i, c) = cs[k];
        if matches!(c, '.' | '?' | '!' | '…') {
            // extend over further terminators and closing marks
            let mut m = k + 1;
            while m < cs.len()
                && matches!(
                    cs[m].1,
                    '.' | '?' | '!' | '…' | '"' | '”' | '’' | '\'' | ')' | ']' | '»'
                )
            {
                m += 1;
            }
            let end = cs.get(m).map_or(s.len(), |&(j, _)| j);
            // whitespace, then a sentence start
            let mut n = m;
            while n < cs.len() && cs[n].1.is_whitespace() {
                n += 1;
            }
            let next = cs.get(n).map(|&(_, d)| d);
            let starts = next.is_none_or(|d| {
                d.is_uppercase() || d.is_ascii_digit() || matches!(d, '"' | '“' | '‘' | '\'' | '«')
            });
            let spaced = n > m || m == cs.len();
            if c == '.' && m == k + 1 && is_abbreviation(&s[start..i]) {
                k = m;
                continue;
            }
            if spaced && starts {
                push_trimmed(&mut out, text, span.start + start, span.start + end);
                start = end;
                k = n;
                continue;
            }
            k = m;
            continue;
        }
        let _ = i;
        k += 1;
    }
    push_trimmed(&mut out, text, span.start + start, span.end);
    out
}

fn is_abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    let last_word = last.rsplit('.').next().unwrap_or(last);
    // Initials (U.S., J.) and titles.
    (last_word.chars().count() == 1 && last_word.chars().all(|c| c.is_uppercase()))
        || ABBREV.contains(&last_word.to_lowercase().as_str())
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let t = crate::text::trim_span(text, Span::new(start, end));
    if !t.is_empty() {
        out.push(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(t: &str) -> Vec<String> {
        words(t, Span::new(0, t.len()))
            .into_iter()
            .map(|w| w.lower)
            .collect()
    }

    #[test]
    fn contractions_expand() {
        assert_eq!(
            lowers("We’ll go, can't stop, it's Anna's"),
            ["we", "will", "go", "can", "not", "stop", "it", "anna"]
        );
        assert_eq!(
            lowers("30-day truce, 1,200 people, 2.5 km"),
            ["30", "day", "truce", "1,200", "people", "2.5", "km"]
        );
    }

    #[test]
    fn synonyms_and_stems_share_keys() {
        assert_eq!(key_of("conclude"), key_of("end"));
        assert_eq!(key_of("talking"), key_of("discuss"));
        assert_eq!(key_of("plants"), key_of("plant"));
        assert_eq!(key_of("the"), "");
        // Equal continuation bytes of one character are no doubled letter.
        assert_eq!(stem("abcꀀing"), "abcꀀ");
        assert_eq!(stem("planned"), "plan");
    }

    #[test]
    fn sentences_split_at_terminators_not_abbreviations() {
        let t = "Mr. Smith met U.S. officials. “We agree.” He left… Then? Yes";
        let s: Vec<&str> = sentences(t, Span::new(0, t.len()))
            .iter()
            .map(|s| s.as_str(t))
            .collect();
        assert_eq!(
            s,
            [
                "Mr. Smith met U.S. officials.",
                "“We agree.”",
                "He left…",
                "Then?",
                "Yes"
            ]
        );
    }
}
