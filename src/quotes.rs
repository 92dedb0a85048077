//! Finding quotation marks and pairing them into quotations.
//!
//! Handles straight `"`, curly `“ ”`, the doubled-apostrophe style `'' … ''` and ```` `` … '' ````,
//! guillemets `« »`, low-high `„ “`, single quotes `‘ ’` and `'…'` as quotations of their own
//! outside double ones (told apart from apostrophes; nested inside double ones they stay part
//! of the outer quotation), single guillemets `‹ ›`, corner brackets `「 」` `『 』`, the news
//! convention for quotations over several paragraphs, and
//! unbalanced marks (an unclosed quotation ends at its paragraph's end; stray closers are ignored).

use crate::span::Span;

/// A quotation as found by the mark scanner, before attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// The quoted words without the outer marks.
    pub inner: Span,
    /// False when the closing mark was missing.
    pub closed: bool,
    /// Index of the paragraph the quotation starts in.
    pub first_para: usize,
    /// Index of the paragraph it ends in (the same unless it runs over several paragraphs).
    pub last_para: usize,
}

/// Families of double quotation marks; an opener is only closed by a closer of its family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Straight,
    Curly,
    /// `''` or ```` `` ```` opening, `''` closing.
    Apostrophes,
    Guillemet,
    /// `„` opening, `“` or `”` closing.
    Low,
}

/// What a mark can do where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Context decides (straight `"`, `''`).
    Either,
}

#[derive(Clone, Copy, Debug)]
struct MarkTok {
    at: usize,
    len: usize,
    family: Family,
    role: Role,
    /// The mark's first character.
    ch: char,
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

fn is_space_or_open(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/…".contains(c),
    }
}

/// Double quotation marks in `para` (a paragraph's text), with the role context gives them.
fn marks(para: &str) -> Vec<MarkTok> {
    let mut out = Vec::new();
    let b = para.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Only `"`, `'`, `` ` `` and the lead bytes of “ ” „ (0xE2) and « » (0xC2) can start a
        // mark: skip everything else byte by byte.
        let Some(k) = b[i..]
            .iter()
            .position(|&x| matches!(x, b'"' | b'\'' | b'`' | 0xE2 | 0xC2))
        else {
            break;
        };
        i += k;
        // “ ” „ are E2 80 9C..9E and « » C2 AB / C2 BB: other chars with these lead bytes
        // (’ ‘ — …) are skipped without decoding.
        let lead_ok = match b[i] {
            0xE2 => {
                b.get(i + 1) == Some(&0x80)
                    && b.get(i + 2).is_some_and(|x| (0x9C..=0x9E).contains(x))
            }
            0xC2 => b.get(i + 1).is_some_and(|x| *x == 0xAB || *x == 0xBB),
            _ => true,
        };
        if !lead_ok {
            i += 1;
            continue;
        }
        let Some(c) = para.get(i..).and_then(|r| r.chars().next()) else {
            i += 1;
            continue;
        };
        let prev = para[..i].chars().next_back();
        let next = para[i + c.len_utf8()..].chars().next();
        let mut push = |len: usize, family: Family, role: Role| {
            out.push(MarkTok {
                at: i,
                len,
                family,
                role,
                ch: c,
            });
        };
        match c {
            '"' => {
                let role = straight_role(prev, next);
                push(1, Family::Straight, role);
            }
            '“' => {
                // In the low-high style „…“ this mark closes; elsewhere it opens.
                push(3, Family::Curly, Role::Open);
            }
            '”' => {
                // A few styles open with ” too (”…”): only when it clearly starts a word.
                let role = if is_space_or_open(prev) && is_word(next) {
                    Role::Either
                } else {
                    Role::Close
                };
                push(3, Family::Curly, role);
            }
            '«' => push(2, Family::Guillemet, Role::Open),
            '»' => push(2, Family::Guillemet, Role::Close),
            '„' => push(3, Family::Low, Role::Open),
            '`' if b.get(i + 1) == Some(&b'`') => {
                push(2, Family::Apostrophes, Role::Open);
                i += 2;
                continue;
            }
            '\'' if b.get(i + 1) == Some(&b'\'') => {
                let after = para[i + 2..].chars().next();
                let role = straight_role(prev, after);
                push(2, Family::Apostrophes, role);
                i += 2;
                continue;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    out
}

/// The role of a straight mark from its neighbours.
fn straight_role(prev: Option<char>, next: Option<char>) -> Role {
    let opens = is_space_or_open(prev) && next.is_some_and(|c| !c.is_whitespace());
    let closes = !is_space_or_open(prev)
        || next.is_none_or(|c| c.is_whitespace() || ",.;:!?)]—".contains(c));
    match (opens, closes) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

/// True when `m` can close a quotation opened by `open`.
fn closes(open: &MarkTok, m: &MarkTok) -> bool {
    match open.family {
        Family::Low => m.ch == '“' || m.ch == '”',
        Family::Curly => m.ch == '”',
        // Straight marks toggle: context only decides which mark opens.
        Family::Straight => m.family == Family::Straight,
        f => m.family == f && m.role != Role::Open,
    }
}

/// True when paragraph text `p` starts (after spaces) with an opening mark of `family`.
fn starts_with_opener(p: &str, family: Family) -> Option<usize> {
    let t = p.trim_start();
    let lead = p.len() - t.len();
    let len = match family {
        Family::Straight if t.starts_with('"') => 1,
        Family::Curly if t.starts_with('“') => 3,
        // Some outlets reopen a continued curly quotation with a straight mark or vice versa.
        Family::Curly if t.starts_with('"') => 1,
        Family::Straight if t.starts_with('“') => 3,
        Family::Apostrophes if t.starts_with("''") || t.starts_with("``") => 2,
        Family::Guillemet if t.starts_with('«') => 2,
        Family::Low if t.starts_with('„') => 3,
        _ => return None,
    };
    Some(lead + len)
}

/// All quotations in `text`, given its paragraphs (from [`crate::text::paragraphs`]).
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<Found> {
    let mut out = Vec::new();
    // An open quotation carried over from an earlier paragraph: (opening mark, paragraph index).
    let mut carried: Option<(MarkTok, usize)> = None;
    for (pi, &p) in paragraphs.iter().enumerate() {
        let ptext = p.as_str(text);
        let ms = marks(ptext);
        // True when the next paragraph opens with a mark of exactly this family.
        let next_text = paragraphs
            .get(pi + 1)
            .map_or("", |n| n.as_str(text))
            .trim_start();
        let next_opens_same = |f: Family| match f {
            Family::Straight => next_text.starts_with('"'),
            Family::Curly => next_text.starts_with('“'),
            _ => false,
        };
        // Counts of marks before each mark of the paragraph (computed once, so that deciding a
        // mixed pair stays linear): straight `"`, curly openers `“` and curly closers `”`.
        let mut straight_before = vec![0usize; ms.len() + 1];
        let mut curly_depth_before = vec![0isize; ms.len() + 1];
        for (k, m) in ms.iter().enumerate() {
            straight_before[k + 1] = straight_before[k] + usize::from(m.family == Family::Straight);
            curly_depth_before[k + 1] = curly_depth_before[k]
                + match m.ch {
                    '“' => 1,
                    '”' => -1,
                    _ => 0,
                };
        }
        let straight_total = straight_before[ms.len()];
        let mut skip_first_at = None;
        if let Some((open, _)) = &carried {
            // The continuation paragraph's opening mark belongs to the carried quotation.
            if let Some(end) = starts_with_opener(ptext, open.family) {
                skip_first_at = Some(end);
            }
        }
        let mut open: Option<(MarkTok, usize)> = carried.take();
        // Index in `ms` of the open quotation's mark (`None`: opened in an earlier paragraph).
        let mut open_mi: Option<usize> = None;
        for (mi, &m) in ms.iter().enumerate() {
            if let Some(end) = skip_first_at {
                if m.at + m.len == end {
                    skip_first_at = None;
                    open_mi = Some(mi);
                    continue;
                }
            }
            let abs = MarkTok {
                at: p.start + m.at,
                ..m
            };
            match &open {
                None => {
                    if abs.role != Role::Close {
                        open = Some((abs, pi));
                        open_mi = Some(mi);
                    }
                }
                Some((o, opi)) => {
                    // Mixed marks ("…,” or “…") close a quotation when the marks of the other
                    // family between them are balanced (so the mark is not part of a nested
                    // pair) and the quotation does not go on in the next paragraph (a block
                    // quotation reopened with its own mark). A `”` closes a straight quotation
                    // only when the straight marks after it pair among themselves; a straight
                    // mark closes a curly one where its context says it closes (`“act of
                    // terror" and an "act of hate."` is two quotations).
                    let since = open_mi.map_or(0, |k| k + 1);
                    let mixed = !closes(o, &abs)
                        && abs.role != Role::Open
                        && !next_opens_same(o.family)
                        && match (o.family, abs.ch) {
                            (Family::Straight, '”') => {
                                curly_depth_before[mi] == curly_depth_before[since]
                                    && (straight_total - straight_before[mi + 1]) % 2 == 0
                            }
                            (Family::Curly, '"') => {
                                (straight_before[mi] - straight_before[since]) % 2 == 0
                                    && abs.role == Role::Close
                                    && !ptext[..m.at]
                                        .chars()
                                        .next_back()
                                        .is_some_and(|c| c.is_ascii_digit())
                            }
                            _ => false,
                        };
                    if closes(o, &abs) || mixed {
                        out.push(Found {
                            span: Span::new(o.at, abs.at + abs.len),
                            inner: Span::new(o.at + o.len, abs.at),
                            closed: true,
                            first_para: *opi,
                            last_para: pi,
                        });
                        open = None;
                    } else if abs.role == Role::Open && abs.family == o.family && *opi == pi {
                        // Two openers in a row: the first was never closed. Keep the first as an
                        // unclosed quotation up to the new opener and start again.
                        push_unclosed(text, &mut out, o, *opi, pi, abs.at);
                        open = Some((abs, pi));
                        open_mi = Some(mi);
                    }
                }
            }
        }
        if let Some((o, opi)) = open {
            let next = paragraphs.get(pi + 1).map(|n| n.as_str(text));
            // A quotation goes on in a paragraph that reopens it with the other family's mark
            // only when this paragraph does not use that family itself (nested quotations).
            let goes_on = next.is_some_and(|n| {
                let nested_other = match (o.family, n.trim_start().chars().next()) {
                    (Family::Straight, Some('“')) => ms.iter().any(|m| m.family == Family::Curly),
                    (Family::Curly, Some('"')) => {
                        ms.iter().any(|m| m.family == Family::Straight && m.at > 0)
                    }
                    _ => false,
                };
                starts_with_opener(n, o.family).is_some() && !nested_other
            });
            if goes_on {
                carried = Some((o, opi));
            } else {
                push_unclosed(text, &mut out, &o, opi, pi, p.end);
            }
        }
    }
    out.extend(other_marks(text, paragraphs, &out));
    crate::sort::by_key(&mut out, |f| f.span.start);
    out.retain(|f| {
        !f.inner.is_empty()
            && f.inner
                .as_str(text)
                .trim()
                .chars()
                .any(|c| c.is_alphanumeric())
    });
    out
}

/// Words that begin with an apostrophe standing for left-out letters ('tis, 'em, 'n').
const ELISIONS: &[&str] = &[
    "tis", "twas", "em", "til", "cause", "n", "bout", "round", "nuff",
];

/// Quotations in single marks (`‘…’`, `'…'`: British style and headlines), single guillemets
/// (`‹…›`) and corner brackets (`「…」`, `『…』`) outside the double quotations `doubles`.
/// Single marks are told apart from apostrophes by their place: the opener starts a word (and
/// no elision such as 'tis or '90s), the closer ends one and is not followed by a letter.
/// Each pair lies within one paragraph and holds no double mark.
fn other_marks(text: &str, paragraphs: &[Span], doubles: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut d = 0;
    for (pi, &p) in paragraphs.iter().enumerate() {
        let ptext = p.as_str(text);
        if !ptext.bytes().any(|b| b == b'\'' || b == 0xE2 || b == 0xE3) {
            continue;
        }
        let mut open: Option<(usize, char)> = None;
        let mut iter = ptext.char_indices().peekable();
        let mut prev: Option<char> = None;
        while let Some((i, c)) = iter.next() {
            let at = p.start + i;
            let next = iter.peek().map(|&(_, n)| n);
            // Skip what double quotations cover.
            while d < doubles.len() && doubles[d].span.end <= at {
                d += 1;
            }
            let inside_double = d < doubles.len() && doubles[d].span.start <= at;
            if inside_double {
                open = None;
                prev = Some(c);
                continue;
            }
            match (open, c) {
                (_, '"' | '“' | '”' | '„' | '«' | '»') => open = None,
                (None, '‘' | '\'')
                    if is_space_or_open(prev) && next.is_some_and(char::is_alphabetic) =>
                {
                    let word: String = ptext[i + c.len_utf8()..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric())
                        .collect::<String>()
                        .to_lowercase();
                    if !ELISIONS.contains(&word.as_str()) {
                        open = Some((at, c));
                    }
                }
                (None, '‹' | '「' | '『') => open = Some((at, c)),
                (Some((o, oc)), '’' | '\'' | '›' | '」' | '』') => {
                    let pairs = matches!(
                        (oc, c),
                        ('‘' | '\'', '’' | '\'') | ('‹', '›') | ('「', '」') | ('『', '』')
                    );
                    let single = matches!(oc, '‘' | '\'');
                    let closes = !single
                        || prev.is_some_and(|p| !p.is_whitespace())
                            && !next.is_some_and(char::is_alphanumeric);
                    if pairs && closes {
                        let len = oc.len_utf8();
                        let inner = Span::new(o + len, at);
                        if at - o <= 600 {
                            out.push(Found {
                                span: Span::new(o, at + c.len_utf8()),
                                inner,
                                closed: true,
                                first_para: pi,
                                last_para: pi,
                            });
                        }
                        open = None;
                    }
                }
                _ => {}
            }
            prev = Some(c);
        }
    }
    out
}

fn push_unclosed(text: &str, out: &mut Vec<Found>, o: &MarkTok, opi: usize, pi: usize, end: usize) {
    let inner = crate::text::trim_span(text, Span::new(o.at + o.len, end.max(o.at + o.len)));
    out.push(Found {
        span: Span::new(o.at, inner.end.max(o.at + o.len)),
        inner,
        closed: false,
        first_para: opi,
        last_para: pi,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn quotes(t: &str) -> Vec<&str> {
        find(t, &paragraphs(t))
            .iter()
            .map(|f| f.span.as_str(t))
            .collect()
    }

    #[test]
    fn every_double_mark_style() {
        assert_eq!(
            quotes(r#"He said "yes" and "no"."#),
            [r#""yes""#, r#""no""#]
        );
        assert_eq!(quotes("He said “yes.”"), ["“yes.”"]);
        assert_eq!(quotes("He said ''yes,'' then left."), ["''yes,''"]);
        assert_eq!(quotes("He said ``yes,'' then left."), ["``yes,''"]);
        assert_eq!(quotes("Il a dit « oui » hier."), ["« oui »"]);
        assert_eq!(quotes("Er sagte „ja“ gestern."), ["„ja“"]);
    }

    #[test]
    fn single_quotes_nest_and_apostrophes_do_not_close() {
        let t =
            "“Ukraine’s ’90s rock ’n’ roll, he said, ‘Our approach hasn’t worked,’” Ms. Lee said.";
        let q = find(t, &paragraphs(t));
        assert_eq!(q.len(), 1);
        assert!(q[0].span.as_str(t).ends_with("worked,’”"));
    }

    #[test]
    fn multi_paragraph_quotation_is_one() {
        let t = "“First part of it.\n“Second part,” she said.\nNext.";
        let q = find(t, &paragraphs(t));
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].span.as_str(t), "“First part of it.\n“Second part,”");
        assert_eq!((q[0].first_para, q[0].last_para), (0, 1));
        assert!(q[0].closed);
    }

    #[test]
    fn unbalanced_marks_recover_at_paragraph_end() {
        let t = "He said “this never closes\nNext paragraph “is fine” here.";
        let q = find(t, &paragraphs(t));
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].span.as_str(t), "“this never closes");
        assert!(!q[0].closed);
        assert_eq!(q[1].span.as_str(t), "“is fine”");
        // A stray closer is ignored.
        assert_eq!(quotes("stray” mark and “real”"), ["“real”"]);
        assert!(quotes("\"").is_empty());
        assert!(quotes("").is_empty());
    }

    #[test]
    fn mixed_marks_pair_when_the_others_are_balanced() {
        // A curly opener closed by a straight mark, then a straight pair, then a curly pair.
        let t = "They called it an “act of war\" and an \"act of folly.\" Later “peace” came.";
        assert_eq!(quotes(t), ["“act of war\"", "\"act of folly.\"", "“peace”"]);
        // A straight pair nested in a curly quotation is not a mixed close.
        let t = "“She told me \"no\" twice,” he said.";
        assert_eq!(quotes(t), ["“She told me \"no\" twice,”"]);
        // A straight opener closed by a curly mark.
        let t = "He said \"go home,” and left; “stay” came later.";
        assert_eq!(quotes(t), ["\"go home,”", "“stay”"]);
        // Both mixed: curly-straight, then straight-curly.
        let t = "“We expected it,\" Li said. \"But not this soon.” Then she left.";
        assert_eq!(quotes(t), ["“We expected it,\"", "\"But not this soon.”"]);
        // An inch mark inside a curly quotation does not close it.
        let t = "“The 12\" pipe burst,” she said.";
        assert_eq!(quotes(t), ["“The 12\" pipe burst,”"]);
    }

    #[test]
    fn a_paragraph_with_nested_curly_marks_does_not_go_on_in_a_curly_one() {
        let t = "\"He waved, chanting “go team!”\n“Right on,” Ann said.";
        let q = find(t, &paragraphs(t));
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].span.as_str(t), "“Right on,”");
        // Without nested marks, a straight block quotation goes on in a curly paragraph.
        let t = "\"He waved at them.\n“Right on,” Ann said.";
        assert_eq!(find(t, &paragraphs(t)).len(), 1);
    }

    #[test]
    fn single_marks_quote_outside_double_ones_and_apostrophes_stay() {
        assert_eq!(
            quotes("Mayor vows: ‘We will win’ as rivals regroup"),
            ["‘We will win’"]
        );
        assert_eq!(quotes("Lee: 'It is over,' she said."), ["'It is over,'"]);
        // Apostrophes: contractions, possessives, elisions and decades.
        assert!(quotes("Don’t touch Lee’s car, it’s the voters’ choice.").is_empty());
        assert!(quotes("'Tis the season of the players' union.").is_empty());
        assert!(quotes("In the ’90s and the '80s rock ’n’ roll was loud.").is_empty());
        // Inside a double quotation the single marks are nested, not quotations of their own.
        assert_eq!(
            quotes("“He said ‘no’ twice,” Ann said."),
            ["“He said ‘no’ twice,”"]
        );
        // Single guillemets and corner brackets.
        assert_eq!(quotes("Er sagte ‹ja› gestern."), ["‹ja›"]);
        assert_eq!(quotes("彼は「行きます」と言った。"), ["「行きます」"]);
    }

    #[test]
    fn straight_quotes_pair_by_context() {
        let t = r#""We'll see," Trump said, "maybe.""#;
        assert_eq!(quotes(t), [r#""We'll see,""#, r#""maybe.""#]);
    }
}
