//! Words, punctuation and whole quotations as tokens, split into sentences.
//!
//! A quotation is one token: attribution looks at the words around quotations, never inside.

use crate::quotes::Found;
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and abbreviation dots (`U.S.`, `Mr.`).
    Word,
    /// One punctuation character; a paragraph break is `Punct('\n')`.
    Punct(char),
    /// A whole quotation (index into the quotation list).
    Quote(u32),
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: Kind,
    /// Index of the sentence the token belongs to.
    pub sentence: u32,
}

/// Abbreviations whose final dot is part of the word.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm", "st",
    "jr", "sr", "prof", "rev", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar",
    "apr", "aug", "sep", "sept", "oct", "nov", "dec", "ft", "mt", "pres", "gop", "d-calif",
    "r-texas",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokens of `text`, with quotations `quotes` (sorted, not overlapping) as single tokens.
pub fn tokenize(text: &str, quotes: &[Found]) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut qi = 0;
    let mut i = 0;
    while i < text.len() {
        if let Some(q) = quotes.get(qi) {
            if i >= q.span.start {
                toks.push(Tok {
                    span: q.span,
                    kind: Kind::Quote(qi as u32),
                    sentence: 0,
                });
                i = q.span.end.max(i + 1);
                qi += 1;
                while i < text.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
        }
        let b = bytes[i];
        if b.is_ascii() {
            let c = b as char;
            if c == '\n' {
                toks.push(Tok {
                    span: Span::new(i, i + 1),
                    kind: Kind::Punct('\n'),
                    sentence: 0,
                });
                i += 1;
                continue;
            }
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if !c.is_ascii_alphanumeric() {
                toks.push(Tok {
                    span: Span::new(i, i + 1),
                    kind: Kind::Punct(c),
                    sentence: 0,
                });
                i += 1;
                continue;
            }
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if !is_word_char(c) {
                let l = c.len_utf8();
                if !c.is_whitespace() && !is_invisible(c) {
                    toks.push(Tok {
                        span: Span::new(i, i + l),
                        kind: Kind::Punct(c),
                        sentence: 0,
                    });
                }
                i += l;
                continue;
            }
        }
        // A word.
        let start = i;
        let limit = quotes.get(qi).map_or(text.len(), |q| q.span.start);
        let mut end = i;
        // Fast path: a plain ASCII word followed by a space or punctuation that joins nothing.
        let mut j = i;
        while j < limit && bytes[j].is_ascii_alphanumeric() {
            j += 1;
        }
        // A joiner (`'`, `-`, `.`, `&`, `,`) only joins when a letter or digit follows it.
        let joins = |k: usize| {
            bytes
                .get(k + 1)
                .is_none_or(|&n| !n.is_ascii() || n.is_ascii_alphanumeric())
        };
        let plain = j > i
            && (j >= limit
                || bytes[j].is_ascii()
                    && !(matches!(bytes[j], b'\'' | b'-' | b'.' | b'&' | b',') && joins(j)));
        let mut it = text[if plain { limit } else { i }..limit]
            .char_indices()
            .peekable();
        if plain {
            end = j;
        }
        while let Some((off, c)) = it.next() {
            if is_word_char(c) {
                end = i + off + c.len_utf8();
                continue;
            }
            let joiner = matches!(c, '’' | '\'' | '-' | '.' | '&' | ',' | '‑');
            let next_ok = it.peek().is_some_and(|&(_, n)| is_word_char(n));
            let digits = c == ',' || c == '.';
            if joiner && next_ok {
                if c == ',' {
                    // Only inside numbers: 1,000.
                    let prev_digit = text[..i + off]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_ascii_digit());
                    let next_digit = it.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
                    if !(prev_digit && next_digit) {
                        break;
                    }
                } else if c == '.' && !digits {
                    break;
                } else if c == '.' {
                    // Inner dots: numbers (1.5) and abbreviations (U.S, a.m).
                    let prev = text[..i + off].chars().next_back().unwrap_or(' ');
                    let next = it.peek().map_or(' ', |&(_, n)| n);
                    let number = prev.is_ascii_digit() && next.is_ascii_digit();
                    // `U.S`, and a party-state tag `D-N.Y`.
                    let initialism = text[start..i + off]
                        .chars()
                        .all(|x| x.is_alphabetic() || x == '.' || x == '-')
                        && text[start..i + off]
                            .split(['.', '-'])
                            .all(|p| p.chars().count() <= 2)
                        && !next.is_ascii_digit();
                    if !(number || initialism) {
                        break;
                    }
                }
                continue;
            }
            break;
        }
        // A trailing abbreviation dot belongs to the word.
        if bytes.get(end) == Some(&b'.') {
            let w = &text[start..end];
            let single_cap = w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase());
            if single_cap
                || w.contains('.')
                || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
            {
                end += 1;
            }
        }
        if end <= start {
            end = start + text[start..].chars().next().map_or(1, |c| c.len_utf8());
        }
        toks.push(Tok {
            span: Span::new(start, end),
            kind: Kind::Word,
            sentence: 0,
        });
        i = end;
    }
    split_sentences(text, &mut toks);
    toks
}

fn starts_upper(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Numbers tokens by sentence: a sentence ends at a paragraph break, at `.`, `?` or `!` before a
/// capitalised word or a quotation, and after a quotation that ends a sentence and is followed
/// by another quotation or by a new sentence (`“…we can.” The talks …`).
fn split_sentences(text: &str, toks: &mut [Tok]) {
    let mut sentence = 0u32;
    for i in 0..toks.len() {
        toks[i].sentence = sentence;
        let next = toks.get(i + 1);
        let next_text = || next.map_or("", |t| t.span.as_str(text));
        let ends = match toks[i].kind {
            Kind::Punct('\n') => true,
            Kind::Punct('.' | '?' | '!' | '…') => match next {
                None => true,
                Some(n) => {
                    matches!(n.kind, Kind::Quote(_) | Kind::Punct('\n'))
                        || n.kind == Kind::Word && starts_upper(next_text())
                }
            },
            Kind::Quote(_) => {
                let inner = toks[i]
                    .span
                    .as_str(text)
                    .trim_end_matches(|c: char| !c.is_alphanumeric() && !".?!…".contains(c));
                let terminal = inner.ends_with(['.', '?', '!', '…']);
                terminal
                    && match next {
                        None => true,
                        Some(n) => match n.kind {
                            Kind::Quote(_) | Kind::Punct('\n') => true,
                            Kind::Word => {
                                let lw = next_text().to_ascii_lowercase();
                                starts_upper(next_text())
                                    && crate::lexicon::Lexicon::get()
                                        .stop_caps
                                        .contains(lw.as_str())
                            }
                            _ => false,
                        },
                    }
            }
            _ => false,
        };
        if ends {
            sentence += 1;
        }
    }
}

/// Format characters that show nothing and separate nothing: bidirectional marks and
/// embeddings, zero-width spaces and joiners, the word joiner, a byte-order mark, a soft hyphen.
/// Text copied from right-to-left pages is full of them; the tokenizer skips them.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes;
    use crate::text::paragraphs;

    fn toks(t: &str) -> (Vec<Tok>, Vec<Found>) {
        let q = quotes::find(t, &paragraphs(t));
        (tokenize(t, &q), q)
    }

    #[test]
    fn words_keep_abbreviations_possessives_and_numbers() {
        let t = "Mr. Trump’s U.S. envoy, Steve R. Witkoff, paid $1,500.5 on Sunday.";
        let (ts, _) = toks(t);
        let words: Vec<&str> = ts
            .iter()
            .filter(|x| x.kind == Kind::Word)
            .map(|x| x.span.as_str(t))
            .collect();
        assert_eq!(
            words,
            [
                "Mr.",
                "Trump’s",
                "U.S.",
                "envoy",
                "Steve",
                "R.",
                "Witkoff",
                "paid",
                "1,500.5",
                "on",
                "Sunday"
            ]
        );
    }

    #[test]
    fn quotations_are_single_tokens_and_sentences_split() {
        let t = "“We can.” The talks went on. Mr. Lee said “yes” and left.\nNew para.";
        let (ts, _) = toks(t);
        assert_eq!(ts[0].kind, Kind::Quote(0));
        let sentences: Vec<u32> = ts.iter().map(|x| x.sentence).collect();
        assert_eq!(sentences.first(), Some(&0));
        assert_eq!(ts[1].sentence, 1, "“We can.” ends a sentence before `The`");
        let lee = ts.iter().find(|x| x.span.as_str(t) == "Lee").unwrap();
        assert_eq!(lee.sentence, 2, "Mr. does not end a sentence");
        assert_eq!(ts.last().unwrap().sentence, 4);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "\"",
            "“",
            "a.b.c.",
            "...",
            "’’’",
            "🙂“x”🙂",
            "\u{0301}a\u{0301}",
            "U.S.",
            "-'-'",
        ] {
            let (ts, _) = toks(t);
            for x in ts {
                assert!(t.is_char_boundary(x.span.start) && t.is_char_boundary(x.span.end));
            }
        }
    }
}
